"""A data file's records with the corpus index (issue 14, target 1): their corpus-rule
states wait for the reduces in the spill (``store.StateSpill``), as without the index,
not decoded in memory (100 k generated records: lead's cached map held ~750 MB of them),
and a warm run reads the stored row a record at a time (``index._RecordsCursor`` over
``codec.load_items``), not as a dict of every record's states a rule. The findings and
the index's rows are those of the states held in memory.

Real text (tests/data/realtext/SOURCE.md): nine rows of the ah-translit-bench benchmark
(MIT), "أنا ولد." and "هل أنت بخير الآن؟" asked twice and the basmala copied (D107)."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from corpuslint import engine, index
from corpuslint.codec import CodecError, NotAList, dumps, load_items, loads

from .test_incremental_records import _check, _project

# the duplicate rules (dicts of arrays, spilled by columns) and the spelling rules (one
# state two rules share): every kind of state a record's row holds
CONFIG = {"select": ["D104", "D105", "D106", "D107", "S101", "S103"], "cache": True,
          "extend-include": ["*.csv"], "readers": {"text-field": "Arabic"}}


def _rows(root: Path) -> dict:
    with sqlite3.connect(root / ".corpuslint_cache" / index.DB_NAME) as conn:
        rows = {(path, code): (h, state) for path, code, h, state in
                conn.execute("SELECT path, code, content_hash, state FROM states")}
    conn.close()
    return rows


def test_spilled_records_states_give_the_findings_and_index_rows_of_held_ones(tmp_path, monkeypatch):
    held_root, spilled_root = _project(tmp_path, "held"), _project(tmp_path, "spilled")
    fresh = _check(held_root, {**CONFIG, "cache": False})
    assert {f[4] for f in fresh} >= {"D107"}, fresh  # (the copied records: a true finding stays)
    spills = []
    made = engine.StateSpill

    def counted():
        spills.append(made())
        return spills[-1]

    monkeypatch.setattr(engine, "StateSpill", counted)
    assert _check(spilled_root, CONFIG) == fresh
    assert spills, "a cached check of a data file's records spills their states"
    monkeypatch.setattr(engine, "SPILL_STATES", False)  # the states held in memory, as before
    spills.clear()
    assert _check(held_root, CONFIG) == fresh
    assert not spills
    held, spilled = _rows(held_root), _rows(spilled_root)
    assert {code for _, code in held} == set(CONFIG["select"])
    assert spilled == held  # the states a reference names are what the index stores
    monkeypatch.undo()
    assert _check(spilled_root, CONFIG) == fresh  # warm, a record at a time from the rows
    assert _check(held_root, CONFIG) == fresh


def test_a_warm_run_decodes_no_row_whole(tmp_path, monkeypatch):
    root = _project(tmp_path, "p")
    fresh = _check(root, {**CONFIG, "cache": False})
    assert _check(root, CONFIG) == fresh
    whole = []
    decode = index.loads_state

    def loads_state(blob):
        whole.append(blob)
        return decode(blob)

    monkeypatch.setattr(index, "loads_state", loads_state)
    assert _check(root, CONFIG) == fresh
    assert [b for b in whole if isinstance(loads(b), list)] == []  # (no records row: read by its cursor)


def test_load_items_gives_a_list_s_items_one_at_a_time():
    value = [["1", 1, {"frames": np.arange(6, dtype=np.uint64).reshape(3, 2)}], ["2", "id-2", None],
             ["3", None, ("a", 2)]]
    blob = dumps(value)
    reads = []
    source = io.BytesIO(blob)

    def read(n):
        reads.append(n)
        return source.read(n)

    items = load_items(read, chunk=16)
    first = next(items)
    assert first[0] == "1" and np.array_equal(first[2]["frames"], value[0][2]["frames"])
    assert source.tell() < len(blob)  # (the rest not read yet)
    rest = list(items)
    assert [item[:2] for item in rest] == [["2", "id-2"], ["3", None]] and rest[1][2] == ("a", 2)
    assert max(reads) <= 16
    assert loads(blob)[1:] == rest


def test_load_items_errors():
    with pytest.raises(NotAList):
        list(load_items(io.BytesIO(dumps({"a": 1})).read))
    with pytest.raises(CodecError):
        list(load_items(io.BytesIO(b"XXXX" + dumps([1])[4:]).read))
    blob = dumps([["1", 1, "x" * 40], ["2", 2, "y" * 40]])
    items = load_items(io.BytesIO(blob[:-10]).read)
    assert next(items) == ["1", 1, "x" * 40]  # (the items before the damage are given)
    with pytest.raises(CodecError):
        next(items)
    with pytest.raises(CodecError):
        list(load_items(io.BytesIO(blob + b"\x01").read))


class _Blob:
    def __init__(self, data: bytes):
        self.read, self.closed = io.BytesIO(data).read, False

    def close(self):
        self.closed = True


def test_records_cursor_shares_a_row_and_reads_out_of_order():
    rows = [[str(n), n, {"n": n}] for n in range(1, 8)]
    bad: list = []
    cursor = index._RecordsCursor(_Blob(dumps(rows)), "d.jsonl", bad)
    cursor.users = 2  # (two rules share the row: each is given every record's one state)
    first = cursor.get("1")
    assert first == {"n": 1} and cursor.get("1") is first  # the second rule: the same object
    assert cursor.get("3") == {"n": 3}  # (2 read past, kept for both rules)
    assert cursor.get("2") == {"n": 2} and cursor.get("2") == {"n": 2} and cursor.get("3") == {"n": 3}
    assert cursor.get("9") is index.MISS  # (not in the row: read to its end)
    assert cursor.get("7") == {"n": 7}  # (read past while looking for 9)
    assert bad == []
    damaged = index._RecordsCursor(_Blob(dumps([["1", 1, None], ["2", [1], None]])), "d.jsonl", bad)
    assert damaged.get("1") is None and damaged.get("2") is index.MISS
    assert bad == [("d.jsonl", "not a list of records")]
