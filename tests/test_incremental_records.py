"""A warm run on an unchanged data file (CSV/TSV/JSONL) takes its records' corpus-rule states
from the corpus index instead of collecting them again (issue 14, target 3; fresh31 bug 7:
on 142 k records the cache saved only 28 % of a cold run, every record's states collected
again). The row is the one a check of the file writes (``index._checked_records_rows``),
keyed by the file's records hash (every record's key and content hash, the reader and its
options); a changed file, or a row that does not decode to a records list, is collected
again, and that row written again. Findings stay those of a run without the cache.

Real text (tests/data/realtext/SOURCE.md): nine rows of the ah-translit-bench benchmark
(MIT), "أنا ولد." and "هل أنت بخير الآن؟" asked twice and the basmala copied (D107)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from corpuslint import index, lint_paths

REAL = Path(__file__).parent / "data" / "realtext"
BENCH = REAL / "ah-translit-duplicate-records.csv"
CONFIG = {"select": ["D107", "D104", "D105"], "cache": True, "extend-include": ["*.csv"],
          "readers": {"text-field": "Arabic"}}


def _project(tmp_path: Path, name: str = "project") -> Path:
    root = tmp_path / name
    root.mkdir()
    (root / "corpuslint.toml").write_text("", encoding="utf-8")
    shutil.copy(BENCH, root / "bench.csv")
    return root


def _check(root: Path, config: dict) -> list[tuple]:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        found = lint_paths(["."], config=config)
    finally:
        os.chdir(cwd)
    return sorted((f.path, f.record, f.line, f.column, f.code, f.message,
                   tuple((r.path, r.record, r.line) for r in f.related)) for f in found)


def _counting(monkeypatch) -> list[str]:
    """The record keys whose corpus-rule states are collected (``index._collect_many``/``_collect_one``)."""
    seen: list[str] = []
    many, one = index._collect_many, index._collect_one

    def collect_many(rule, docs):
        seen.extend(d.path for d in docs if "#" in d.path)
        return many(rule, docs)

    def collect_one(rule, doc):
        if "#" in doc.path and getattr(doc, "states", None) is None:
            seen.append(doc.path)
        return one(rule, doc)

    monkeypatch.setattr(index, "_collect_many", collect_many)
    monkeypatch.setattr(index, "_collect_one", collect_one)
    return seen


def test_an_unchanged_data_file_s_records_are_not_collected_again(tmp_path, monkeypatch):
    root = _project(tmp_path)
    fresh = _check(root, {**CONFIG, "cache": False})
    assert [(f[1], f[4], f[6]) for f in fresh] == [
        (4, "D107", (("bench.csv", 2, 1),)), (5, "D107", (("bench.csv", 1, 1),)),
        (9, "D107", (("bench.csv", 7, 1),))], fresh
    seen = _counting(monkeypatch)
    assert _check(root, CONFIG) == fresh
    assert sorted(set(seen)) == [f"bench.csv#{n}" for n in range(1, 10)]  # the first run collects them
    seen.clear()
    assert _check(root, CONFIG) == fresh  # warm: the stored states, no record collected
    assert seen == []
    # a changed file (its third row copied at the end): its records are collected again
    with open(root / "bench.csv", "a", encoding="utf-8") as out:
        out.write("تكلم,तकल्लमा\n")
    changed = _check(root, {**CONFIG, "cache": False})
    assert (10, "D107", (("bench.csv", 3, 1),)) in [(f[1], f[4], f[6]) for f in changed]
    assert _check(root, CONFIG) == changed
    assert "bench.csv#10" in seen
    seen.clear()
    assert _check(root, CONFIG) == changed
    assert seen == []


def test_a_damaged_records_row_is_collected_again_and_written_again(tmp_path, monkeypatch, capsys):
    root = _project(tmp_path)
    fresh = _check(root, {**CONFIG, "cache": False})
    _check(root, CONFIG)
    db = root / ".corpuslint_cache" / "corpus-index.sqlite3"
    with sqlite3.connect(db) as conn:
        hashes = [h for (h,) in conn.execute("SELECT content_hash FROM states WHERE path = 'bench.csv'")]
        assert hashes and all(h.startswith("R") for h in hashes)  # the file's records row, a rule
        conn.execute("UPDATE states SET state = ? WHERE path = 'bench.csv'", (b"\x00not a state",))
    conn.close()
    capsys.readouterr()
    seen = _counting(monkeypatch)
    assert _check(root, CONFIG) == fresh
    assert "invalid records states for bench.csv" in capsys.readouterr().err
    assert sorted(set(seen)) == [f"bench.csv#{n}" for n in range(1, 10)]  # not trusted: collected again
    seen.clear()
    assert _check(root, CONFIG) == fresh  # and written again: served from it now, without a warning
    assert seen == [] and "invalid" not in capsys.readouterr().err
    # a row that decodes, but not to a list of records, is not trusted either
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE states SET state = ? WHERE path = 'bench.csv'", (index.dumps_state({"a": 1}),))
    conn.close()
    assert _check(root, CONFIG) == fresh
    assert "not a list of records" in capsys.readouterr().err
    assert len(set(seen)) == 9


def test_a_check_of_other_files_keeps_the_data_file_s_row(tmp_path, monkeypatch):
    """Data files are not corpus files (a check of other files never reads them), but the
    row a check of one wrote stays while the file is there, for its next check."""
    root = _project(tmp_path)
    (root / "notes.txt").write_text("Plain text beside the data file.\n", encoding="utf-8")
    fresh = _check(root, {**CONFIG, "cache": False})
    _check(root, CONFIG)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        lint_paths(["notes.txt"], config=CONFIG)
    finally:
        os.chdir(cwd)
    seen = _counting(monkeypatch)
    assert _check(root, CONFIG) == fresh
    assert seen == []
    (root / "bench.csv").unlink()  # gone: its row too
    _check(root, CONFIG)
    with sqlite3.connect(root / ".corpuslint_cache" / "corpus-index.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM states WHERE path = 'bench.csv'").fetchone() == (0,)
    conn.close()


def test_a_data_file_s_record_findings_come_from_its_rows_and_a_damaged_one_is_recomputed(tmp_path, monkeypatch,
                                                                                         capsys):
    """Document-rule findings of records: the file's rows read in one query
    (``DocumentFindingsCache.lookup``), each checked against its record (a damaged or
    shifted one is computed again, with one warning)."""
    from corpuslint import engine

    config = {**CONFIG, "select": ["D107", "W101", "W104", "W114"]}
    root = _project(tmp_path)
    with open(root / "bench.csv", "a", encoding="utf-8") as out:  # a record with a document-rule finding
        out.write("هل أنت بخير  الآن ؟,हल अन्त बिख़ैर अलआन?\n")
    fresh = _check(root, {**config, "cache": False})
    assert {f[4] for f in fresh} > {"D107"}, fresh  # (document-rule findings too)
    _check(root, config)
    computed: list[str] = []
    compute = engine.Linter.compute_findings
    monkeypatch.setattr(engine.Linter, "compute_findings",
                        lambda self, doc: computed.append(doc.path) or compute(self, doc))
    assert _check(root, config) == fresh and computed == []
    db = root / ".corpuslint_cache" / "corpus-index.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE doc_findings SET findings = ? WHERE path = 'bench.csv#10'", (b"\x00junk",))
    conn.close()
    capsys.readouterr()
    assert _check(root, config) == fresh and computed == ["bench.csv#10"]
    assert "invalid entry for bench.csv#10" in capsys.readouterr().err
