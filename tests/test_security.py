"""Security: data is never code, config is trusted only from the project (issue 11).

Each test is an attack a repository under review could carry: a crafted cache
committed next to the corpus, a config in a shared ancestor folder, values that fork
or point outside the project.
"""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
from pathlib import Path

import msgpack
import pytest

from corpuslint import index as corpus_index
from corpuslint.codec import CodecError, dumps, loads
from corpuslint.document import Document
from corpuslint.engine import build_registry, run

from .conftest import run_cli

CORPUS = {
    "a.txt": "هذا نص عربي فيه مسافة زائدة \nوسطر ثان سليم.\n",
    "b.txt": "A clean English line with a trailing space \nand another line.\n",
}


class _WritesAFile:
    """A pickle payload: unpickling it creates ``marker`` (what an attacker would run)."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _corpus(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the project root
    for name, text in CORPUS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")


def _findings(cwd: Path, *extra: str) -> tuple[int, list, str]:
    proc = run_cli("check", "--format", "json", *extra, ".", cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    return proc.returncode, [(d["path"], d["line"], d["column"], d["code"]) for d in data["diagnostics"]], proc.stderr


def _db(tmp_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(tmp_path / ".corpuslint_cache" / corpus_index.DB_NAME)


def test_crafted_cache_rows_run_no_code_and_the_run_stays_correct(tmp_path):
    _corpus(tmp_path)
    for i in range(3):
        (tmp_path / f"dup{i}.txt").write_text("فقرة مكررة في عدة ملفات من أجل قاعدة التكرار عبر الملفات هنا.\n",
                                              encoding="utf-8")
    code, clean, _ = _findings(tmp_path, "--no-cache")
    assert _findings(tmp_path)[1] == clean  # cold run fills the cache
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_WritesAFile(str(marker)))
    db = _db(tmp_path)
    n_doc = db.execute("UPDATE doc_findings SET findings = ?", (payload,)).rowcount
    n_state = db.execute("UPDATE states SET state = ?", (payload,)).rowcount
    db.commit()
    db.close()
    assert n_doc >= 2 and n_state >= 2
    code2, found, stderr = _findings(tmp_path)
    assert not marker.exists(), "a cached row ran code"
    assert (code2, found) == (code, clean)
    assert "invalid" in stderr and "discarded" in stderr
    assert len([ln for ln in stderr.splitlines() if "warning" in ln]) <= 2  # one line per cache, not per row


def test_codec_refuses_pickles_objects_and_bad_arrays():
    import numpy as np

    with pytest.raises(CodecError):
        loads(pickle.dumps({"a": 1}))
    with pytest.raises(CodecError):
        dumps(object())
    with pytest.raises(CodecError):
        dumps(np.array([object()], dtype=object))
    # an array header claiming more data than there is
    blob = dumps({"x": np.arange(4, dtype=np.int64)})
    with pytest.raises(CodecError):
        loads(blob[:-8])
    # a value blob naming an unregistered "dataclass"
    evil = b"CLD1" + msgpack.packb(msgpack.ExtType(5, msgpack.packb(["os.system", {"command": "true"}])))
    with pytest.raises(CodecError, match="unknown state type"):
        loads(evil)
    assert loads(dumps(("x", 1, {2, 3}, None))) == ("x", 1, {2, 3}, None)


def test_shifted_cached_edit_is_never_applied(tmp_path, monkeypatch):
    """A cache entry whose fix edit points one character off (e.g. at the space
    between two words instead of the trailing one) must not corrupt the file."""
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path)
    text = CORPUS["a.txt"]
    config, registry = build_registry(["."], table={"select": ["W101"]})
    result = run(["."], config, registry)  # fills the document findings cache
    (trailing,) = [f for f in result.findings if f.path == "a.txt"]
    edit = trailing.fix.edits[0]
    assert text[edit.start:edit.end] == " "
    shifted_at = text.index(" ")  # the space after the first word
    from dataclasses import replace

    from corpuslint.findings import Edit, Fix

    shifted = replace(trailing, fix=Fix.safe(Edit(shifted_at, shifted_at + 1)))
    from corpuslint.engine import Linter
    from corpuslint.index import DocumentFindingsCache, cache_dir_for

    linter = Linter(config, registry)
    cache = DocumentFindingsCache(str(tmp_path / ".corpuslint_cache"), linter.document_rules)
    cache.put([(Document("a.txt", text), [shifted])])
    config, registry = build_registry(["."], table={"select": ["W101"]})
    run(["."], config, registry, fix=True)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == text.replace(" \n", "\n", 1)


def test_tampered_cached_finding_is_detected_on_load(tmp_path, capsys, monkeypatch):
    _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    config, registry = build_registry(["."], table={"select": ["W101"]})
    clean = [(f.path, f.start) for f in run(["."], config, registry).findings]
    db = _db(tmp_path)
    rows = db.execute("SELECT path, findings FROM doc_findings").fetchall()
    for path, blob in rows:
        h, found = loads(blob)
        for row in found:
            fix = row[9]
            fix[1][0][0] -= 1  # edit start one character earlier
            fix[1][0][1] -= 1
        db.execute("UPDATE doc_findings SET findings = ? WHERE path = ?", (dumps([h, found]), path))
    db.commit()
    db.close()
    config, registry = build_registry(["."], table={"select": ["W101"]})
    again = run(["."], config, registry).findings
    assert [(f.path, f.start) for f in again] == clean
    for f in again:
        e = f.fix.edits[0]
        assert Path(f.path).read_text(encoding="utf-8")[e.start:e.end] == " "
    assert "does not match the text it replaces" in capsys.readouterr().err


def _evil_plugin(folder: Path, marker: Path) -> None:
    (folder / "evilplug.py").write_text(
        f"open({str(marker)!r}, 'w').write('ran')\n", encoding="utf-8")
    (folder / ".corpuslint.toml").write_text('[plugins]\nlocal = ["evilplug"]\n', encoding="utf-8")


def test_config_in_world_writable_ancestor_is_ignored(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    marker = tmp_path / "marker"
    _evil_plugin(shared, marker)
    shared.chmod(0o777)  # like /tmp
    project = shared / "proj"
    project.mkdir()
    (project / "a.txt").write_text("clean text.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", ".", cwd=project)
    assert not marker.exists(), "plugin code from a world-writable ancestor ran"
    assert proc.returncode == 0, proc.stderr
    assert "ignoring" in proc.stderr and "world-writable" in proc.stderr


def test_config_owned_by_another_user_is_ignored(tmp_path):
    parent = tmp_path / "parent"
    parent.mkdir()
    marker = tmp_path / "marker"
    _evil_plugin(parent, marker)
    os.chown(parent / ".corpuslint.toml", 65534, 65534)  # tests run as root: give it to "nobody"
    project = parent / "proj"
    project.mkdir()
    (project / "a.txt").write_text("clean text.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", ".", cwd=project)
    assert not marker.exists()
    assert "owned by another user" in proc.stderr


def test_config_above_the_git_work_tree_is_not_used(tmp_path):
    marker = tmp_path / "marker"
    _evil_plugin(tmp_path, marker)
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "a.txt").write_text("clean text.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", ".", cwd=repo)
    assert not marker.exists()
    assert proc.returncode == 0, proc.stderr


def test_project_config_and_its_plugin_still_load(tmp_path):
    (tmp_path / ".git").mkdir()
    marker = tmp_path / "marker"
    _evil_plugin(tmp_path, marker)  # the project's own config: trusted, opted in
    (tmp_path / "a.txt").write_text("clean text.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert marker.exists(), proc.stderr


@pytest.mark.parametrize("body, needle", [
    ('cache-dir = "../../elsewhere"\n', "cache-dir"),
    ('cache-dir = "/var/tmp/corpuslint-x"\n', "cache-dir"),
    ("jobs = 100\n", "jobs"),
    ("[rules.W105]\nmax-blank-lines = -1\n", "max-blank-lines"),
    ("a = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    ('[plugins]\nlocal = []\npaths = ["../.."]\n', "plugins.paths"),
])
def test_bad_config_values_are_one_line_errors(tmp_path, body, needle):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".corpuslint.toml").write_text(body, encoding="utf-8")
    (tmp_path / "a.txt").write_text("clean text.\n", encoding="utf-8")
    proc = run_cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("corpuslint: error:") and needle in lines[0], proc.stderr
    assert not (tmp_path.parent / "elsewhere").exists()


def test_jobs_flag_is_bounded(tmp_path):
    (tmp_path / "a.txt").write_text("clean text.\n", encoding="utf-8")
    proc = run_cli("check", "--jobs", "100", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "--jobs" in proc.stderr and "Traceback" not in proc.stderr


def test_cache_folder_symlinked_outside_the_project_is_not_used(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    project = tmp_path / "proj"
    (project / ".git").mkdir(parents=True)
    (project / "a.txt").write_text("نص فيه مسافة زائدة \n", encoding="utf-8")
    (project / ".corpuslint_cache").symlink_to(outside, target_is_directory=True)
    proc = run_cli("check", ".", cwd=project)
    assert proc.returncode == 1
    assert list(outside.iterdir()) == []
    assert "outside the project root" in proc.stderr
