"""Drive the real pre-commit against this checkout (`pre-commit try-repo`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, seed

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_hook_fails_on_defect_and_passes_after_fix(tmp_path: Path):
    repo = tmp_path / "corpus"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.com")
    _git(repo, "config", "user.name", "t")
    shutil.copy(seed("002"), repo / "article.txt")  # trailing NBSP, missing final newline...
    (repo / "corpuslint.toml").write_text('select = ["W"]\n')  # this corpus gates on whitespace
    _git(repo, "add", "article.txt", "corpuslint.toml")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc-home"), CORPUSLINT_DISABLE_PLUGINS="all")

    def try_repo(hook: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*PRE_COMMIT, "try-repo", str(ROOT), hook, "--files", "article.txt", "--color", "never"],
            cwd=repo, env=env, capture_output=True, text=True, timeout=900,
        )

    before = (repo / "article.txt").read_bytes()
    first = try_repo("corpuslint")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "W101" in first.stdout and "article.txt:21:" in first.stdout

    fixed = try_repo("corpuslint-fix")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr  # files were modified by this hook
    assert (repo / "article.txt").read_bytes() != before

    _git(repo, "add", "article.txt")
    again = try_repo("corpuslint")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout
