"""The corpus index stores its states in zstd frames; a run leaves no write-ahead log behind.

Issue 14 (the cache on disk): a cold run over 10 MB of bench_scale text left an 87 MB
index and a 45 MB write-ahead log; 20 k pre-training records a 48 MB index, 18 MB of it
one file's D104 row, built by joining its pieces and copied again by SQLite (~100 MB of
the cold run's peak). States of ``codec.COMPRESS_MIN_BYTES`` or more are now kept in a
zstd frame (level 1), a data file's records row compressed as its pieces are encoded
(``codec.compress_pieces``) and read back a record at a time through the frame
(``codec.load_items``); the log is truncated at the end of a run (``index.checkpoint``).
A frame is data like any other row: one that claims or gives too much, or is damaged,
is a miss (recomputed), never an allocation of what it claims.

Real text: the committed excerpts of tests/data/realtext (SOURCE.md) and the seed articles.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import codec, index
from corpuslint.cli import main
from corpuslint.codec import CodecError
from tests.conftest import SAMPLES

REAL = Path(__file__).parent / "data" / "realtext"
TEXTS = ["quran-ar-uthmani-002-050-maddah.txt", "quran-ur-089.txt", "apache-2.0-sections-2-3.txt",
         "debian-geany-ar-cpp.txt", "chatterbot-fa-trivia-nahj.txt"]


def _project(root: Path) -> Path:
    root.mkdir()
    for name in TEXTS:
        shutil.copy(REAL / name, root / name)
    for src in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(src, root / src.name)
    shutil.copy(SAMPLES / sorted(p.name for p in SAMPLES.glob("*.txt"))[0], root / "copy-of-a-seed.txt")
    return root


def _run(root: Path, *args: str) -> str:
    out = root.parent / f"{root.name}-out.json"
    cwd = os.getcwd()
    os.chdir(root)
    try:
        assert main(["check", "--exit-zero", "--jobs", "1", "--format", "json", "-o", str(out), *args, "."]) == 0
    finally:
        os.chdir(cwd)
    return out.read_text(encoding="utf-8")


def _db(root: Path) -> Path:
    return root / ".corpuslint_cache" / index.DB_NAME


def test_large_states_are_stored_in_zstd_frames_and_give_the_same_findings(tmp_path):
    root = _project(tmp_path / "p")
    fresh = _run(root, "--no-cache")
    assert '"code": "D10' in fresh  # (the copied seed: a duplicate finding to keep)
    assert _run(root) == fresh  # cold: the index written
    with sqlite3.connect(_db(root)) as conn:
        rows = conn.execute("SELECT path, code, state FROM states").fetchall()
    conn.close()
    framed = [(p, c, s) for p, c, s in rows if s[:4] == codec.MAGIC_ZSTD]
    plain = [(p, c, s) for p, c, s in rows if s[:4] != codec.MAGIC_ZSTD]
    assert len(framed) >= 10 and plain  # (the seeds' spelling and D104 states are KBs; D107's a few bytes)
    assert all(len(s) < codec.COMPRESS_MIN_BYTES or len(codec.compress(s)) >= len(s) for _, _, s in plain)
    stored = inflated = 0
    for path, code, blob in framed:
        inner = codec.inflate(blob)
        assert inner[:4] in (codec.MAGIC_VALUE, codec.MAGIC_ARRAYS) and len(inner) >= codec.COMPRESS_MIN_BYTES
        stored, inflated = stored + len(blob), inflated + len(inner)
        state = index.loads_state(blob)  # (what the index gives: the codec's decoding of the inner blob)
        assert codec.dumps(state) == inner, (path, code)
    assert stored < inflated * 0.8, (stored, inflated)
    assert _run(root) == fresh  # warm: every state read back from its frame


def _records(tmp_path: Path) -> Path:
    from tests.test_s54_streamed_parallel import _folder

    return _folder(tmp_path / "d")


def test_a_data_files_records_rows_are_framed_and_serve_a_warm_run(tmp_path, monkeypatch, capsys):
    folder = _records(tmp_path)
    monkeypatch.setattr(index, "_collect_many", _counting(index._collect_many, calls := []))
    cold = _run(folder)
    with sqlite3.connect(_db(folder)) as conn:
        heads = {bytes(h) for (h,) in conn.execute(
            "SELECT substr(state, 1, 4) FROM states WHERE path LIKE '%.jsonl'")}
    conn.close()
    assert heads == {codec.MAGIC_ZSTD}  # (a records row is framed as its pieces are encoded)
    assert sum(calls) > 100
    calls.clear()
    capsys.readouterr()
    assert _run(folder) == cold
    assert sum(calls) == 0, "the warm run collected records' states again"
    assert "invalid" not in capsys.readouterr().err


def _counting(collect_many, calls: list):
    def counted(rule, docs):
        calls.append(len(docs))
        return collect_many(rule, docs)
    return counted


def _records_items(n: int) -> list:
    """Records states shaped as a data file's row holds them: [key, record, state]."""
    words = (REAL / "debian-geany-ar-cpp.txt").read_text(encoding="utf-8").split()
    rng = np.random.default_rng(7)
    return [[f"doc-{i}", i, {"words": words[i % len(words): i % len(words) + 40],
                             "hashes": rng.integers(0, 2**63, 64, dtype=np.int64)}] for i in range(n)]


def test_framed_records_streams_read_in_turns_give_each_its_own_items():
    """Two rows read by turns (two rules' cursors over one data file): each stream has a
    decompressor of its own (on one shared context, the second stream's reads corrupted
    the first's: 'invalid records states', every record collected again)."""
    a, b = _records_items(3000), _records_items(2000)[::-1]
    blobs = [codec.compress_pieces(codec.iter_items(iter(x), len(x))) for x in (a, b)]
    assert all(len(blob) > 3 * 131075 for blob in blobs)  # (several of zstd's source reads each)
    readers = [codec.load_items(io.BytesIO(blob).read, chunk=4096) for blob in blobs]
    got: list[list] = [[], []]
    for _ in range(3000):
        for k, reader in enumerate(readers):
            item = next(reader, None)
            if item is not None:
                got[k].append(item)
    for want, have in zip((a, b), got):
        assert len(have) == len(want)
        for x, y in zip(want, have):
            assert x[:2] == y[:2] and x[2]["words"] == y[2]["words"]
            assert np.array_equal(x[2]["hashes"], y[2]["hashes"])


_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | st.text(max_size=40) | st.binary(max_size=40),
    lambda inner: st.lists(inner, max_size=30) | st.dictionaries(st.text(max_size=8), inner, max_size=8),
    max_leaves=400)


@settings(max_examples=200, deadline=None)
@given(_values)
def test_compress_round_trips_every_value_the_codec_stores(value):
    raw = codec.dumps(value)
    blob = codec.compress(raw)
    assert blob == raw or (blob[:4] == codec.MAGIC_ZSTD and len(blob) < len(raw))
    assert codec.loads(blob) == codec.loads(raw)


def test_frames_that_claim_or_give_too_much_or_are_damaged_are_codec_errors(monkeypatch):
    raw = codec.dumps(_records_items(200))
    blob = codec.compress(raw)
    assert blob[:4] == codec.MAGIC_ZSTD and codec.loads(blob) is not None
    assert zstandard.get_frame_parameters(blob).content_size == len(raw)
    # 4 MiB of zeros in a frame of a few hundred bytes, against a 1 MiB allowance: a frame
    # that says its size is refused before anything is inflated, one that does not is
    # read by chunks and stopped at the limit
    monkeypatch.setattr(codec, "INFLATE_SLACK", 1 << 20)
    claimed = zstandard.ZstdCompressor(level=1).compress(b"\0" * (4 << 20))
    with pytest.raises(CodecError, match="claiming"):
        codec.loads(claimed)
    unsized = zstandard.ZstdCompressor(level=1, write_content_size=False).compress(b"\0" * (4 << 20))
    with pytest.raises(CodecError, match="inflating past"):
        codec.loads(unsized)
    monkeypatch.undo()
    with pytest.raises(CodecError):
        codec.loads(blob[:len(blob) // 2])  # truncated
    damaged = bytearray(blob)
    damaged[len(damaged) // 2] ^= 0xFF
    damaged[len(damaged) // 2 + 1] ^= 0xFF
    with pytest.raises(CodecError):
        codec.loads(bytes(damaged))
    with pytest.raises(CodecError, match="inside a zstd frame"):
        codec.loads(zstandard.ZstdCompressor().compress(blob))
    with pytest.raises(CodecError):
        list(codec.load_items(io.BytesIO(codec.MAGIC_ZSTD + b"\0" * 64).read))


def test_a_records_frame_read_item_by_item_stops_at_the_same_bound(monkeypatch):
    """``load_items`` (a data file's row, read a record at a time) inflates no more than
    ``loads`` would: a frame of a few KB holding millions of one-byte items (msgpack nils)
    is a ``CodecError`` once its inflated bytes pass the allowance for what was read, not
    a scan of every item; a real records row under the same allowance reads whole."""
    many = 8 << 20
    frame = codec.compress_pieces([codec.MAGIC_VALUE, b"\xdd" + many.to_bytes(4, "big"), b"\xc0" * many])
    assert len(frame) < 4096
    monkeypatch.setattr(codec, "INFLATE_SLACK", 1 << 20)
    items = codec.load_items(io.BytesIO(frame).read, chunk=4096)
    read = 0
    with pytest.raises(CodecError, match="inflating past"):
        for _ in items:
            read += 1
    assert 0 < read < 2 << 20  # (stopped near the allowance: 1 MiB and 1024x the frame)
    real = _records_items(300)
    row = codec.compress_pieces(codec.iter_items(iter(real), len(real)))
    assert [item[0] for item in codec.load_items(io.BytesIO(row).read)] == [item[0] for item in real]


def test_crafted_frames_in_the_index_are_misses_and_the_run_stays_correct(tmp_path, capsys):
    root = _project(tmp_path / "p")
    fresh = _run(root, "--no-cache")
    assert _run(root) == fresh
    bomb = zstandard.ZstdCompressor(level=19).compress(codec.MAGIC_VALUE + b"\xc0" * (80 << 20))  # msgpack nils
    assert len(bomb) * codec.INFLATE_RATIO_MAX + codec.INFLATE_SLACK < 80 << 20
    with sqlite3.connect(_db(root)) as conn:
        assert conn.execute("UPDATE states SET state = ?", (bomb,)).rowcount >= 10
    conn.close()
    capsys.readouterr()
    assert _run(root) == fresh
    err = capsys.readouterr().err
    assert "invalid state" in err and "discarded" in err


def test_a_run_leaves_an_empty_write_ahead_log_unless_a_reader_holds_it(tmp_path):
    root = _project(tmp_path / "p")
    fresh = _run(root)
    wal = Path(str(_db(root)) + "-wal")
    assert _db(root).stat().st_size > 0 and (not wal.exists() or wal.stat().st_size == 0)
    # a reader in the middle of a read transaction: the run goes on, its log stays (no wait)
    reader = sqlite3.connect(_db(root), isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM states").fetchone()[0] > 0
    (root / "new.txt").write_text((SAMPLES / sorted(p.name for p in SAMPLES.glob("*.txt"))[1]).read_text(
        encoding="utf-8"), encoding="utf-8")
    second = _run(root)
    assert second != fresh and wal.stat().st_size > 0
    reader.execute("COMMIT")
    reader.close()
    index.checkpoint(str(root / ".corpuslint_cache"))
    assert wal.stat().st_size == 0
    assert _run(root) == second  # (the index the checkpoint wrote back serves the next run)
