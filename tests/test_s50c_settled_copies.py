"""Which copy of a cross-file duplicate is reported, with a baseline (s50c; fresh37's bug "a
cross-file D104 lands on a different file depending on the run").

fresh37 pasted a paragraph of man/de/autopoint.1.txt into help/de/clock.md. The pre-commit
run over clock.md reported clock.md (the checked file's copy, the other file's kept); the full
CI run with the baseline kept the path-first copy, clock.md's, and reported autopoint.1.txt:
a file the commit never touched, whose finding no baseline held. A baseline now records each
checked file's content fingerprint (``files``), and the copy kept is a file's that is as the
baseline recorded it: both runs report the copy the change made, whatever the paths.

Texts: tests/data/realtext/s50c-settled/ (see tests/data/realtext/SOURCE.md).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import run_cli

DATA = Path(__file__).parent / "data" / "realtext" / "s50c-settled"
AUTOPOINT = "man/de/autopoint.1.txt"
CLOCK = "help/de/clock.md"
WORLD = "help/de/clock-world.md"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def _corpus(tmp_path: Path) -> Path:
    """fresh37's files (excerpts) in a git repo, with a baseline written and committed."""
    repo = tmp_path / "corpus"
    shutil.copytree(DATA, repo)
    (repo / "corpuslint.toml").write_text("", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "corpus")
    proc = run_cli("check", "--no-cache", "--write-baseline", "baseline.json", ".", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    _git(repo, "add", "baseline.json")
    _git(repo, "commit", "-q", "-m", "baseline")
    return repo


def _found(repo: Path, *paths: str, cache: bool = False, baseline: str | None = "baseline.json") -> list[tuple]:
    """(code, path, line, related path, related line) of the D104/D105 findings of a run."""
    args = ["check", "--select", "D104,D105", "--format", "json", "--jobs", "1"]
    args += [] if cache else ["--no-cache"]
    args += ["--baseline", baseline] if baseline else []
    proc = run_cli(*args, *paths, cwd=repo)
    assert proc.returncode in (0, 1), proc.stderr
    return [(d["code"], d["path"], d["line"], d["related"][0]["path"], d["related"][0]["line"])
            for d in json.loads(proc.stdout)["diagnostics"]]


def _pre_commit(repo: Path, path: str) -> list[tuple]:
    """The pre-commit hook's run over the changed file, with the corpus index (warmed by a
    run of the whole corpus before the change, as a working copy's cache is)."""
    return _found(repo, path, cache=True)


def _paragraph(path: Path, first: int, last: int) -> str:
    """Lines ``first``..``last`` of ``path`` as one paragraph, each line's indent dropped (as
    pasted into Markdown: fresh37's clock.md)."""
    lines = path.read_text(encoding="utf-8").splitlines()[first - 1 : last]
    return "\n".join(line.strip() for line in lines) + "\n"


@pytest.mark.parametrize("direction", ["later-into-earlier", "earlier-into-later"])
def test_d104_the_run_with_a_baseline_reports_the_copy_the_change_made(tmp_path, direction):
    repo = _corpus(tmp_path)
    assert _found(repo, ".", cache=True) == []  # (the index is warm; nothing copied yet)
    if direction == "later-into-earlier":  # fresh37's: autopoint's paragraph at line 33 into clock.md
        changed, original = CLOCK, (AUTOPOINT, 33)
        text = (repo / CLOCK).read_text(encoding="utf-8") + "\n" + _paragraph(repo / AUTOPOINT, 33, 38)
        line = 3
    else:  # clock-world's second note (line 7) at the end of autopoint.1.txt
        changed, original = AUTOPOINT, (WORLD, 7)
        text = (repo / AUTOPOINT).read_text(encoding="utf-8") + "\n" + (repo / WORLD).read_text(
            encoding="utf-8").splitlines()[6].removeprefix("> ") + "\n"
        line = 40
    (repo / changed).write_text(text, encoding="utf-8")
    expected = [("D104", changed, line, *original)]
    assert _pre_commit(repo, changed) == expected
    assert _found(repo, ".") == expected  # CI: the full run with the baseline, the same file:line
    # without a baseline the path order decides, as it always did: the path-first copy is kept
    first, second = sorted([(changed, line), original])
    assert _found(repo, ".", baseline=None) == [("D104", *second, *first)]
    # the finding baselined, the kept copy's file then edited elsewhere: that file is changed
    # now too, the path order decides again and turns the pair, which stays baselined
    _git(repo, "commit", "-q", "-am", "copy")
    assert run_cli("check", "--no-cache", "--write-baseline", "baseline.json", ".", cwd=repo).returncode == 0
    kept = repo / original[0]
    kept.write_text(kept.read_text(encoding="utf-8") + "\nEin neuer Absatz.\n", encoding="utf-8")
    assert _found(repo, ".") == []
    assert _pre_commit(repo, original[0]) == []


def test_d105_a_new_copy_of_a_document_is_reported_whatever_its_path(tmp_path):
    repo = _corpus(tmp_path)
    assert _found(repo, ".", cache=True) == []
    copy = "help/de/autopoint.txt"  # before man/ in path order
    shutil.copy(repo / AUTOPOINT, repo / copy)
    expected = [("D105", copy, 3, AUTOPOINT, 3)]  # (its first paragraph, under the header line)
    assert _pre_commit(repo, copy) == expected
    assert _found(repo, ".") == expected
    assert _found(repo, ".", baseline=None) == [("D105", AUTOPOINT, 3, copy, 3)]  # path order


def test_baseline_files_are_recorded_and_validated(tmp_path):
    repo = _corpus(tmp_path)
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert sorted(data["files"]) == sorted([AUTOPOINT, CLOCK, WORLD])
    assert all(len(v) == 16 for v in data["files"].values())
    # a baseline written before it recorded its files still loads: the path order decides
    del data["files"]
    (repo / "old.json").write_text(json.dumps(data), encoding="utf-8")
    (repo / CLOCK).write_text((repo / CLOCK).read_text(encoding="utf-8") + "\n"
                              + _paragraph(repo / AUTOPOINT, 33, 38), encoding="utf-8")
    assert _found(repo, ".", baseline="old.json") == [("D104", AUTOPOINT, 33, CLOCK, 3)]
    # data, never code: a malformed ``files`` is an error (exit 2), not a guess
    data["files"] = {CLOCK: "not hex"}
    (repo / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--baseline", "bad.json", ".", cwd=repo)
    assert proc.returncode == 2 and "'files' must map paths to 16 hex digits" in proc.stderr


def test_d107_a_record_added_to_a_path_first_file_is_the_copy(tmp_path):
    """Records of data files: the file a record was added to is changed since the baseline,
    the other as it was; path order kept the record in the path-first file (main reported
    the untouched ``b.jsonl``'s record, 'an exact copy of' the one just added)."""
    repo = _corpus(tmp_path)
    world = (repo / WORLD).read_text(encoding="utf-8").splitlines()
    data = repo / "data"
    data.mkdir()

    def write(name: str, texts: list[str]) -> None:
        (data / name).write_text("".join(json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False) + "\n"
                                         for i, t in enumerate(texts)), encoding="utf-8")

    write("a.jsonl", [world[0].removeprefix("# ")])
    write("b.jsonl", [world[2], world[6].removeprefix("> ")])
    assert run_cli("check", "--no-cache", "--write-baseline", "baseline.json", ".", cwd=repo).returncode == 0
    write("a.jsonl", [world[0].removeprefix("# "), world[6].removeprefix("> ")])
    proc = run_cli("check", "--no-cache", "--select", "D107", "--format", "json", "--baseline", "baseline.json",
                   ".", cwd=repo)
    got = [(d["path"], d["record"], d["related"][0]["path"], d["related"][0]["record"])
           for d in json.loads(proc.stdout)["diagnostics"]]
    assert got == [("data/a.jsonl", 2, "data/b.jsonl", 2)]  # (records by line: no id-field set)
