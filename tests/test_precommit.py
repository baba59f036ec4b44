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
    # a real Django catalogue (a double space, a trailing space in msgstrs): read in the hook's own env
    shutil.copy(ROOT / "tests" / "data" / "realtext" / "django-fa-conf-excerpt.po", repo / "fa.po")
    (repo / "corpuslint.toml").write_text('select = ["W"]\n')  # this corpus gates on whitespace
    _git(repo, "add", "article.txt", "fa.po", "corpuslint.toml")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc-home"), CORPUSLINT_DISABLE_PLUGINS="all")

    def try_repo(hook: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*PRE_COMMIT, "try-repo", str(ROOT), hook, "--files", "article.txt", "fa.po", "--color", "never"],
            cwd=repo, env=env, capture_output=True, text=True, timeout=900,
        )

    before, po_before = (repo / "article.txt").read_bytes(), (repo / "fa.po").read_bytes()
    first = try_repo("corpuslint")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "W101" in first.stdout and "article.txt:21:" in first.stdout
    assert "fa.po:#27:29:20: W103" in first.stdout and "F003" not in first.stdout  # (polib is in the hook's env)

    fixed = try_repo("corpuslint-fix")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr  # files were modified by this hook
    assert (repo / "article.txt").read_bytes() != before
    assert (repo / "fa.po").read_bytes() != po_before

    _git(repo, "add", "article.txt", "fa.po")
    again = try_repo("corpuslint")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout


def test_readme_recipe_with_both_hooks_reports_a_remaining_finding_once(tmp_path: Path):
    """The README's .pre-commit-config.yaml as written (its URL replaced by this
    repository's path, so its `rev` must be a commit here)."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## pre-commit\n\n```yaml\n(.*?)```", readme, re.S).group(1)
    assert "https://example.invalid/corpuslint" in block
    rev = re.search(r"rev: (\S+)", block).group(1)
    subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{rev}^{{commit}}"], check=True)
    repo = tmp_path / "corpus"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.com")
    _git(repo, "config", "user.name", "t")
    (repo / ".pre-commit-config.yaml").write_text(block.replace("https://example.invalid/corpuslint", str(ROOT)))
    (repo / "corpuslint.toml").write_text('select = ["W"]\n')
    # W101 (safe fix) on line 1, W111 (bidi control: unsafe fix, stays) on line 2
    (repo / "notes.txt").write_text("سطر فيه مسافة في آخره \nنص فيه \u202eتحكم ثنائي الاتجاه.\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc-home"), CORPUSLINT_DISABLE_PLUGINS="all")
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([*PRE_COMMIT, "run", "--all-files", "--color", "never"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    assert "files were modified by this hook" in out and "fixed 1 finding" in out
    assert (repo / "notes.txt").read_text(encoding="utf-8").startswith("سطر فيه مسافة في آخره\n")
    assert out.count("W111") == 1 and "notes.txt:2:" in out  # the remaining finding, printed once
    assert "W101" not in out

