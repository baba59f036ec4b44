"""A first cached run's posting runs are read back from their temporary file with
``os.pread`` (``index._PostingRun.read``), and the merge's key-range cuts are found from a
sample of each run narrowed to ``step`` postings (``_PostingRun.cut``), not through a
mapping of the file: the kernel maps ~64 KB of cached pages around each page touched,
and the strided sample of the 100 MB bench_scale corpus's runs put ~100 MB of the file in
the run's peak RSS for a moment. The whole-table comparison (runs of 7 postings, ranges
of 50) is ``test_incremental``'s ``test_postings_merged_from_small_runs...``."""

import tempfile

import numpy as np
from hypothesis import given, settings, strategies as st

from corpuslint import index

# (kind, key, value) rows of one document: few kinds and keys, so many postings share a pair
_ROW = st.tuples(st.integers(0, 2), st.integers(-4, 4), st.integers(-(1 << 40), 1 << 40))
_DOCS = st.lists(st.lists(_ROW, min_size=1, max_size=25), min_size=1, max_size=6)


def _run(docs, pad: int) -> tuple["index._PostingRun", dict, "tempfile._TemporaryFileWrapper"]:
    run = index._PostingRun([np.array(rows, dtype=np.int64).reshape(-1, 3) for rows in docs], first=5)
    held = {name: getattr(run, name).copy() for name in ("kind", "key", "doc", "value")}
    fh = tempfile.TemporaryFile()
    fh.write(b"\1" * pad)  # (a run's columns start wherever the file's end was)
    run.spill(fh)
    fh.flush()
    return run, held, fh


@settings(max_examples=150, deadline=None)
@given(docs=_DOCS, pad=st.integers(0, 15), step=st.integers(1, 12), data=st.data())
def test_a_sampled_cut_is_the_binary_search_of_the_whole_run(docs, pad, step, data):
    run, held, fh = _run(docs, pad)
    with fh:
        assert run.kind is None and run.key is None  # (spilled: nothing held but the sample)
        run.sample(step)
        for _ in range(8):
            kind, key = data.draw(st.integers(-1, 3)), data.draw(st.integers(-6, 6))
            assert run.cut(kind, key) == index._first_at_or_after(held["kind"], held["key"], kind, key)


@settings(max_examples=60, deadline=None)
@given(docs=_DOCS, pad=st.integers(0, 15), bounds=st.tuples(st.integers(0, 200), st.integers(0, 200)))
def test_a_column_read_back_is_the_column_written(docs, pad, bounds):
    run, held, fh = _run(docs, pad)
    lo, hi = sorted(min(b, run.n) for b in bounds)
    with fh:
        for name, column in held.items():
            got = run.read(name, lo, hi)
            assert got.dtype == column.dtype and got.tolist() == column[lo:hi].tolist()


@settings(max_examples=40, deadline=None)
@given(posted=st.lists(st.tuples(st.integers(0, 1), st.integers(0, (1 << 64) - 1)), max_size=60),
       asked=st.lists(st.integers(0, (1 << 64) - 1), max_size=30), picks=st.lists(st.integers(0, 59), max_size=30))
def test_aggregate_counts_of_repeated_unsorted_keys_in_many_queries(tmp_path_factory, posted, asked, picks):
    """``AggregateView.counts`` asks the distinct keys ``_CHUNK`` a query and answers every
    key asked (repeated, unsorted, keys with the high bit set, keys nobody posts) with
    the number of postings of that kind."""
    import sqlite3

    from corpuslint import aggregates

    db = tmp_path_factory.mktemp("counts") / "index.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE postings (agg INTEGER, kind INTEGER, key INTEGER, doc INTEGER, value INTEGER)")
        conn.executemany("INSERT INTO postings VALUES (1, ?, ?, ?, 0)",
                         [(kind, np.uint64(key).view(np.int64).item(), doc) for doc, (kind, key) in enumerate(posted)])
    keys = np.array(asked + [posted[i % len(posted)][1] for i in picks if posted], dtype=np.uint64)
    view = aggregates.AggregateView(lambda: sqlite3.connect(db), 1, {}, len(posted))
    saved, aggregates._CHUNK = aggregates._CHUNK, 3
    try:
        got = view.counts(0, keys)
    finally:
        aggregates._CHUNK = saved
        view.close()
    assert got.dtype == np.int64 and got.shape == keys.shape
    assert got.tolist() == [sum(1 for kind, key in posted if kind == 0 and key == k) for k in keys.tolist()]
