"""Outputs a tool downstream must be able to consume: --diff patches that git and
patch apply, SARIF that validates and whose URIs resolve, JUnit failures that follow
fail-on, editor columns after a BOM."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema
import pytest

from .conftest import ROOT, run_cli

GIT = shutil.which("git")
PATCH = shutil.which("patch")

# Files whose fixes stress the patch format: no final newline, CR-only and CRLF endings,
# U+2028 and form feed (not line breaks for the linter, nor for git), names with spaces,
# '#', '%' and Arabic letters.
EDGE_FILES = {
    "no final newline.txt": "سطر أول  \nسطر ثان ",
    "cr-only.txt": "one \rtwo  words\rthree ",
    "crlf.txt": "أ \r\nب\r\nج  د\r\n",
    "u2028.txt": "قبل \u2028بعد  النص\x0cهنا \n",
    "blank-only.txt": "   \n\n\n",
    "مجلد عربي/تقرير #1.txt": "نص  عربي \n",
    "100% sure.txt": "text \n",
}


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run(["git", "-c", "user.email=t@example.invalid", "-c", "user.name=t", *args],
                          cwd=cwd, capture_output=True, text=True)
    assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
    return proc


def _corpus(base: Path) -> Path:
    """A git work tree holding a copy of samples/ (with its config) and the edge files."""
    root = base / "repo"
    shutil.copytree(ROOT / "samples", root)
    for name, text in EDGE_FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text.encode("utf-8"))
    _git("init", "-q", ".", cwd=root)
    _git("add", "-A", cwd=root)
    _git("commit", "-qm", "corpus", cwd=root)
    return root


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(root).parts and ".corpuslint_cache" not in p.parts}


@pytest.mark.skipif(GIT is None, reason="needs git")
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_diff_is_a_patch_git_applies_to_the_same_bytes_as_fix(tmp_path, unsafe):
    root = _corpus(tmp_path)
    extra = ["--unsafe-fixes"] if unsafe else []
    before = _tree(root)
    proc = subprocess.run([sys.executable, "-m", "corpuslint", "check", "--no-cache", "--diff", *extra, "."],
                          cwd=root, capture_output=True)  # bytes: CRs in the patch must survive
    assert proc.returncode == 1, proc.stderr
    patch = proc.stdout.decode("utf-8")
    assert _tree(root) == before  # --diff writes nothing
    assert patch.count("\\ No newline at end of file") >= 4
    for name in EDGE_FILES:
        assert name in patch
    (tmp_path / "p").write_bytes(proc.stdout)
    _git("apply", "--check", str(tmp_path / "p"), cwd=root)

    fixed = tmp_path / "fixed"
    shutil.copytree(root, fixed)
    run_cli("check", "--no-cache", "--fix", *extra, ".", cwd=fixed)
    _git("apply", str(tmp_path / "p"), cwd=root)
    after_patch, after_fix = _tree(root), _tree(fixed)
    assert after_patch == after_fix
    assert after_patch != before
    assert after_patch["blank-only.txt"] == after_fix["blank-only.txt"]  # emptied, not deleted
    assert after_patch["cr-only.txt"] == b"one\rtwo words\rthree\r"

    if PATCH is not None:  # GNU patch reads the same file (names with spaces need the tab git adds)
        _git("checkout", "-q", ".", cwd=root)
        applied = subprocess.run([PATCH, "-p1", "-s", "-i", str(tmp_path / "p")], cwd=root,
                                 capture_output=True, text=True)
        assert applied.returncode == 0, applied.stdout + applied.stderr
        assert _tree(root) == after_fix


def test_diff_splits_lines_only_at_lf_and_marks_missing_newline():
    from corpuslint.engine import _unified_diff

    patch = _unified_diff("a.txt", "x\u2028y \x0cz\r\nlast ", "x\u2028y\x0cz\r\nlast")
    assert patch == (
        "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n"
        "-x\u2028y \x0cz\r\n-last \n\\ No newline at end of file\n"
        "+x\u2028y\x0cz\r\n+last\n\\ No newline at end of file\n"
    )
    # names git would quote are C-quoted, names with spaces get git's trailing tab
    assert _unified_diff('a"b.txt', "x \n", "x\n").startswith('diff --git "a/a\\"b.txt" "b/a\\"b.txt"\n')
    assert "--- a/a b.txt\t\n+++ b/a b.txt\t\n" in _unified_diff("a b.txt", "x \n", "x\n")
