"""Corpus index: incremental collection, invalidation, corruption, locking, concurrency."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from corpuslint import index as corpus_index
from corpuslint import lint_paths
from corpuslint.families.duplicate.corpus import CrossFileDuplicateParagraph

from .conftest import SAMPLES

CFG = {"select": ["D104"], "jobs": 1}  # the counter fixture counts collect() calls in this process


def _sentences() -> list[str]:
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) >= 12:
                out.append(line)
    return out


def _make_corpus(root: Path, n_files: int, seed: int = 7) -> dict[str, str]:
    """A git work tree (the project root) with n_files small articles under doc/:
    3 paragraphs of shuffled seed words each (no duplicates)."""
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    rng = random.Random(seed)
    vocab = sorted({w for s in _sentences() for w in s.split()})
    files = {}
    for i in range(n_files):
        paras = [" ".join(rng.choice(vocab) for _ in range(rng.randint(15, 40))) for _ in range(3)]
        files[f"doc/{i:04d}.txt"] = "\n\n".join(paras) + "\n"
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return files


@pytest.fixture
def counter(monkeypatch):
    calls: list[str] = []
    original = CrossFileDuplicateParagraph.collect

    def counting(self, doc):
        calls.append(doc.path)
        return original(self, doc)

    monkeypatch.setattr(CrossFileDuplicateParagraph, "collect", counting)
    return calls


def test_warm_cache_1000_files_one_changed_file_finds_cross_file_duplicate(tmp_path, monkeypatch, counter):
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path, 1100)
    assert lint_paths(["doc"], config=CFG) == []  # cold run: builds the index
    assert len(counter) == 1100
    assert (tmp_path / ".corpuslint_cache" / corpus_index.DB_NAME).exists()

    # pre-commit style: one changed file, which now copies a paragraph of doc/0007.txt
    copied = files["doc/0007.txt"].split("\n\n")[1]
    changed = tmp_path / "doc/0500.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n" + copied + "\n", encoding="utf-8")
    counter.clear()
    findings = lint_paths(["doc/0500.txt"], config=CFG)
    assert counter == ["doc/0500.txt"]  # only the changed file was collected
    assert [(f.path, [(r.path, r.line) for r in f.related]) for f in findings] == [
        ("doc/0500.txt", [("doc/0007.txt", 3)])
    ]

    # a touched but unchanged file is re-hashed, not re-collected
    os.utime(tmp_path / "doc/0001.txt", ns=(1, 1))
    counter.clear()
    assert lint_paths(["doc/0001.txt"], config=CFG) == []
    assert counter == []


def test_rule_options_and_version_invalidate(tmp_path, monkeypatch, counter):
    monkeypatch.chdir(tmp_path)
    _make_corpus(tmp_path, 5)
    lint_paths(["doc/0000.txt"], config=CFG)
    assert len(counter) == 5
    counter.clear()
    lint_paths(["doc/0000.txt"], config=CFG)
    assert counter == []
    lint_paths(["doc/0000.txt"], config={**CFG, "rules": {"D104": {"min-words": 12}}})
    assert len(counter) == 5  # new rule fingerprint: states recollected
    db = sqlite3.connect(tmp_path / ".corpuslint_cache" / corpus_index.DB_NAME)
    assert db.execute("SELECT count(*), count(DISTINCT rule_key) FROM states").fetchone() == (5, 1)  # old key pruned
    db.close()
    counter.clear()
    monkeypatch.setattr(corpus_index, "expected_meta", lambda: {"schema": "x", "corpuslint": "9.9", "normalization": "n"})
    lint_paths(["doc/0000.txt"], config=CFG)
    assert len(counter) == 5  # version change empties the index
    db = sqlite3.connect(tmp_path / ".corpuslint_cache" / corpus_index.DB_NAME)
    assert dict(db.execute("SELECT key, value FROM meta"))["corpuslint"] == "9.9"
    db.close()


def test_no_cache_writes_nothing_and_gives_same_result(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path, 4)
    (tmp_path / "doc/0003.txt").write_text(files["doc/0001.txt"], encoding="utf-8")
    findings = lint_paths(["doc/0003.txt"], config={**CFG, "cache": False})
    assert not (tmp_path / ".corpuslint_cache").exists()
    assert {(f.path, f.related[0].path) for f in findings} == {("doc/0003.txt", "doc/0001.txt")}
    assert len(findings) == 3


def test_corrupt_cache_is_rebuilt_with_warning(tmp_path, monkeypatch, capfd, counter):
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path, 4)
    lint_paths(["doc"], config=CFG)
    db_path = tmp_path / ".corpuslint_cache" / corpus_index.DB_NAME
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    db_path.write_bytes(b"this is not a database" * 100)
    capfd.readouterr()
    (tmp_path / "doc/0003.txt").write_text(files["doc/0001.txt"], encoding="utf-8")
    findings = lint_paths(["doc/0003.txt"], config=CFG)
    err = capfd.readouterr().err
    assert "corpus index" in err and "rebuilding" in err
    assert {f.related[0].path for f in findings} == {"doc/0001.txt"}
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM files").fetchone()[0] == 4
    db.close()


def test_locked_cache_runs_without_it(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path, 4)
    lint_paths(["doc"], config=CFG)
    monkeypatch.setattr(corpus_index, "BUSY_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(tmp_path / ".corpuslint_cache" / corpus_index.DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        (tmp_path / "doc/0002.txt").write_text(files["doc/0000.txt"], encoding="utf-8")
        capfd.readouterr()
        findings = lint_paths(["doc/0002.txt"], config=CFG)
        err = capfd.readouterr().err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "locked" in err or "busy" in err
    assert {f.related[0].path for f in findings} == {"doc/0000.txt"}


def test_deleted_file_leaves_the_index(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path, 4)
    (tmp_path / "doc/0003.txt").write_text(files["doc/0001.txt"], encoding="utf-8")
    assert len(lint_paths(["doc/0003.txt"], config=CFG)) == 3
    (tmp_path / "doc/0001.txt").unlink()
    assert lint_paths(["doc/0003.txt"], config=CFG) == []
    db = sqlite3.connect(tmp_path / ".corpuslint_cache" / corpus_index.DB_NAME)
    paths = {p for (p,) in db.execute("SELECT path FROM files")}
    db.close()
    assert os.path.join("doc", "0001.txt") not in paths and len(paths) == 3


def test_concurrent_runs_do_not_corrupt_the_index(tmp_path):
    files = _make_corpus(tmp_path, 300)
    (tmp_path / ".corpuslint.toml").write_text('select = ["D104"]\n', encoding="utf-8")  # project root here
    (tmp_path / "doc/0299.txt").write_text(files["doc/0004.txt"], encoding="utf-8")
    cmd = [sys.executable, "-m", "corpuslint", "check", "doc", "--select", "D104", "--format", "json"]
    procs = [subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 1, err
        assert '"doc/0004.txt"' in out
    db = sqlite3.connect(tmp_path / ".corpuslint_cache" / corpus_index.DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM files").fetchone()[0] == 300
    db.close()


def test_state_codec_round_trip():
    import numpy as np

    state = {"lines": np.arange(6, dtype=np.int32).reshape(3, 2), "sig": np.ones((3, 128), np.uint32),
             "empty": np.zeros((0, 2), np.int64)}
    back = corpus_index.loads_state(corpus_index.dumps_state(state))
    assert list(back) == list(state)
    for k in state:
        assert back[k].dtype == state[k].dtype and back[k].shape == state[k].shape
        assert np.array_equal(back[k], state[k])
    for other in (None, {"a": [1, 2]}, ("x", 1)):
        assert corpus_index.loads_state(corpus_index.dumps_state(other)) == other


def test_parallel_cold_collection_matches_sequential(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path, corpus_index.PARALLEL_MIN_MISSES + 16)
    (tmp_path / "doc/0070.txt").write_text(files["doc/0002.txt"], encoding="utf-8")
    parallel = lint_paths(["doc"], config={**CFG, "jobs": 2})
    db = sqlite3.connect(tmp_path / ".corpuslint_cache" / corpus_index.DB_NAME)
    assert db.execute("SELECT count(*) FROM states").fetchone()[0] == len(files)
    db.close()
    sequential = lint_paths(["doc"], config={**CFG, "cache": False})
    key = lambda f: (f.path, f.line, f.message, tuple(f.related))  # noqa: E731
    assert sorted(map(key, parallel)) == sorted(map(key, sequential))
    assert {f.related[0].path for f in parallel} == {"doc/0002.txt"}


def test_state_reader_answers_alike_row_by_row_and_in_bulk(tmp_path, monkeypatch, counter):
    """``StateReader.has`` reads every stored hash of a rule in one query once asked
    ``BULK_AFTER`` times (a warm run over many files); its answers are those of one query
    a file: stored and unchanged, changed, never stored. A warm run over every file then
    collects only the changed one."""
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path, 150)
    lint_paths(["doc"], config=CFG)  # fills the index
    changed = tmp_path / "doc/0042.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    rule = CrossFileDuplicateParagraph()
    asked = [(str(tmp_path / name), files[name]) for name in sorted(files)] + [(str(tmp_path / "doc/new.txt"), "x")]

    def answers(bulk_after: int) -> list[bool]:
        monkeypatch.setattr(corpus_index.StateReader, "BULK_AFTER", bulk_after)
        reader = corpus_index.StateReader(str(tmp_path / ".corpuslint_cache"), [rule], str(tmp_path))
        from corpuslint.files import load, Source

        out = []
        for path, _text in asked:
            doc = load(Source(path, os.path.relpath(path, tmp_path))) if os.path.exists(path) else None
            out.append(reader.has(path, "D104", doc.content_hash if doc is not None else "0" * 64))
        return out

    row_by_row, bulk = answers(10_000), answers(3)
    assert row_by_row == bulk
    assert bulk.count(False) == 2 and not bulk[42] and not bulk[-1]  # the changed file, the new one
    counter.clear()
    lint_paths(["doc"], config=CFG)
    assert counter == ["doc/0042.txt"]
