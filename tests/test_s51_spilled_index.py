"""A cached run of plain files spills its corpus-rule states as a run without the index
does (issue 14, target 1): the map's states wait in ``store.StateSpill``, the index
encodes each as its row is written (``index._Unencoded``), the aggregates read them back
a chunk at a time, the postings' sorted runs wait in a temporary file
(``index._RunFile``) and a rule's ``LazyStates`` reads a reference on access. Held in
memory, the states of 100 MB of text made a first cached run's map 28 -> 459 MB.

The findings, the index's state rows, postings and spelling table are those of the
states held in memory (``engine.SPILL_STATES`` off), first run and warm run alike.
Real text: the seed articles' paragraphs (samples/news-ar), two a file, a footer line
in some files (D106), a copied file (D104/D105) and a one-letter slip (S101/S103)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from corpuslint import engine, index, lint_paths

from .test_incremental import _key, _make_corpus, _slip

CFG = {"select": ["D104", "D105", "D106", "D107", "S101", "S103"], "jobs": 1}


def _project(root: Path) -> None:
    files = _make_corpus(root)
    names = sorted(files)
    word, slip = _slip(files)
    (root / "doc" / "copy.txt").write_text(files[names[5]], encoding="utf-8")
    text = files[names[9]]
    (root / names[9]).write_text(text.replace(word, slip, 1) if word in text else f"{text}\n{slip} {text}",
                                 encoding="utf-8")


def _tables(root: Path) -> dict[str, list]:
    with contextlib.closing(sqlite3.connect(root / ".corpuslint_cache" / index.DB_NAME)) as db:
        return {
            "states": db.execute("SELECT path, code, content_hash, state FROM states ORDER BY 1, 2").fetchall(),
            "postings": db.execute("SELECT kind, key, doc, value FROM postings ORDER BY 1, 2, 3").fetchall(),
            "docs": db.execute("SELECT path, content_hash, n, keys FROM agg_docs ORDER BY 1, 2").fetchall(),
            "tables": db.execute("SELECT blob FROM agg_tables ORDER BY 1").fetchall(),
        }


def test_a_cached_run_of_files_spills_states_and_gives_the_held_runs_findings_and_index(
        tmp_path_factory, monkeypatch):
    spills: list = []
    made = engine.StateSpill

    def counted():
        spills.append(made())
        return spills[-1]

    monkeypatch.setattr(engine, "StateSpill", counted)
    monkeypatch.setattr(index, "_POSTING_RUN", 64)  # (several runs in the temporary file, several ranges)
    monkeypatch.setattr(index, "_POSTING_PART", 200)

    def run(spill: bool) -> tuple[list, list, dict]:
        root = tmp_path_factory.mktemp("spilled" if spill else "held")
        monkeypatch.chdir(root)
        _project(root)
        monkeypatch.setattr(engine, "SPILL_STATES", spill)
        spills.clear()
        first = _key(lint_paths(["doc"], config=CFG))
        assert bool(spills) == spill
        tables = _tables(root)
        warm = _key(lint_paths(["doc"], config=CFG))
        return first, warm, tables

    held, spilled = run(False), run(True)
    codes = {f[0] for f in held[0]}
    assert {"D104", "D106", "S101"} <= codes, codes  # (every kind of state and aggregate at work)
    assert spilled[0] == held[0] == spilled[1] == held[1]
    assert spilled[2] == held[2]
    assert len(held[2]["postings"]) > 1000 and held[2]["tables"]
    monkeypatch.setattr(engine, "SPILL_STATES", True)
    assert _key(lint_paths(["doc"], config={**CFG, "cache": False})) == held[0]  # (cwd: the spilled project)


def test_a_cached_run_reads_spilled_states_without_a_file_descriptor_each(tmp_path, monkeypatch):
    """An aggregate's ``LazyStates`` reads its spilled references together, each column
    mapped once: read one at a time, each kept mapping held a file descriptor, and the
    100 MB bench_scale corpus (3,330 files) stopped with "Too many open files". Here 400
    near-copies of a file of two real paragraphs (every pair a D105 candidate) under a limit of
    ~150 descriptors more than the process holds."""
    import resource

    from .test_incremental import _paragraphs

    monkeypatch.chdir(tmp_path)
    paras = _paragraphs()[:2]
    for i in range(400):
        words = " ".join(paras).split()
        words[i % len(words)] = f"{words[i % len(words)]}{i}"
        (tmp_path / "doc").mkdir(exist_ok=True)
        (tmp_path / "doc" / f"{i:03d}.txt").write_text(" ".join(words) + "\n", encoding="utf-8")
    fresh = _key(lint_paths(["doc"], config={**CFG, "cache": False}))
    assert sum(f[0] == "D105" for f in fresh) > 300
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    held = len(list(Path("/proc/self/fd").iterdir()))
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(held + 150, hard), hard))
    try:
        first, warm = _key(lint_paths(["doc"], config=CFG)), _key(lint_paths(["doc"], config=CFG))
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert first == fresh == warm


def test_lazy_states_of_a_lazy_states_rule_are_not_kept_once_read():
    """The spelling rules (``lazy_states``) read each stored state when they need it and
    let it go (``keep`` off), as the spill's ``SpilledStates`` does: a full warm run's
    ``merged_corpus`` held every document's spelling state (+183 MB for S101 at 100 MB
    of text). Other rules keep what they read (D104 reads a candidate's state twice)."""
    from corpuslint.aggregates import LazyStates

    for keep in (False, True):
        calls: list[str] = []
        states = LazyStates({}, {"a.txt": 1, "b.txt": 2}, lambda key: calls.append(key) or {"of": key}, keep=keep)
        assert states["a.txt"] == {"of": "a.txt"} == states["a.txt"]
        assert list(states) == ["a.txt", "b.txt"]
        assert calls == (["a.txt", "a.txt"] if not keep else ["a.txt"])
        assert states.loaded == len(calls)
