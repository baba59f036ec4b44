"""Incremental corpus reduces: aggregates kept in the corpus index, updated by deltas.

A corpus rule's reduce normally sees every document's state (``CorpusView.states``).
With a warm corpus index and a few checked files (the pre-commit case) that means
decoding every file's cached state to report on one file. A rule may instead declare
an *aggregate* (``CorpusRule.aggregate``, optional; a rule without one keeps the old
behaviour): the documents' *postings*, ``kind -> (keys, values)`` per document
(``Aggregate.postings(rule, state)``), e.g. a paragraph's exact key and its LSH band
keys, or a line's key and its line number. The index keeps them as SQLite rows

    postings (aggregate, kind, key, document, value)

which is the sum over documents of their contributions: a changed file's old rows go
out and its new rows come in (a delta, in the same run that stores its new state), a
deleted file's rows go out. Per-key document counts (``AggregateView.counts``), value
sums and the documents holding a key (``AggregateView.holders``) are indexed reads,
so the reduce loads only the few states it needs: ``CorpusView.states`` is then a
``LazyStates`` mapping that decodes a file's state on first access (iterating it
still yields every file: a rule that ignores ``CorpusView.aggregates`` gets exactly
the old behaviour, at the old cost).

Relation to ``CorpusRule.reduction`` (corpuslint/reduction.py, the Dask executor):
both are additive tables keyed like the rule's shuffle. D106's distributed
``LINE_COUNTS`` is the per-key document count table sharded by key, which
``AggregateView.counts`` reads for the checked lines; D104/D105's ``LSH_BANDS``
shuffles the same band keys that the postings index (``lsh.band_keys``). The index
keeps the postings rather than only the counts because a reduce also needs *which*
documents hold a key (the first holders of a boilerplate line, the members of an
LSH bucket), which a tree reduction of counts does not carry.

Validity (the index sits in the project folder and may be stale, damaged or
crafted): each document's postings are recorded with the content hash of the state
they were computed from (``agg_docs``); a run recomputes the postings of every file
whose recorded hash is not its current state's, drops those of files that left the
corpus, and checks that the number of posting rows is the one recorded, rebuilding
the whole aggregate from the states (one warning) when it is not (both numbers are
kept in ``agg_counts``: new postings counted by the index as it writes them, deletes
and updates by SQLite triggers, also those made outside corpuslint, so the check reads
two numbers rather than counting every posting each run). An aggregate is
keyed by the rule's key (options, source) and the aggregate's version and module
source, so changed code never reuses old postings. Anything that goes wrong costs
the speed-up, never the findings: the rule then gets ``aggregates = None`` and every
state.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

import numpy as np

from .arrays import sorted_unique

if TYPE_CHECKING:
    from .rules import CorpusRule

_CHUNK = 400  # keys per SQL "IN (...)" query (SQLite's default limit on variables is 999+)


class Aggregate:
    """What a corpus rule declares to reduce incrementally (``CorpusRule.aggregate``).

    Subclasses implement ``postings``; ``version`` names the posting scheme (bump it
    when ``postings`` changes meaning). The rule's ``reduce`` then receives
    ``CorpusView.aggregates`` (an ``AggregateView``) when the corpus index is in use
    and up to date, and ``None`` otherwise (it must then work from ``states`` alone).
    """

    version: str = "1"

    def postings(self, rule: "CorpusRule", state: Any) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """``{kind: (keys, values)}`` a document with this state posts: ``keys`` uint64
        (or int64) and ``values`` int64 arrays of the same length; at most one row per
        (kind, key) per document (a key repeated in the document is posted once, its
        value summing or naming the occurrences as the rule needs). ``state`` is never
        None (a document whose state is None posts nothing)."""
        raise NotImplementedError

    def postings_many(self, rule: "CorpusRule", states: list[Any]) -> list[dict[int, tuple[np.ndarray, np.ndarray]]]:
        """``[postings(rule, s) for s in states]`` (no None among them); override to
        compute many documents' postings in one vectorised pass (the index fill)."""
        return [self.postings(rule, s) for s in states]


class TableAggregate(Aggregate):
    """An aggregate kept as one additive value: the sum of the documents' contributions
    (``add``/``subtract`` one document's state, ``of_documents`` many at once), stored
    in the index as one codec blob (``codec.state_type`` dataclasses, never pickle) and
    given to the reduce as ``AggregateView.table``. Updating it needs a changed
    document's previous state (to subtract), which the index reads before overwriting
    it. The spelling corpus table (``families/spelling/table.py``) is one: the same
    value a Dask tree reduction sums (``reduction.tree`` over partition tables). An
    aggregate may store a compact table and keep what only a removal needs as
    per-document rows instead (``apply``, ``TableRows``): the spelling table stores its
    pruned form (each word's first occurrence in the corpus) and each word's first
    occurrence per document as rows."""

    def shared(self, rule: "CorpusRule") -> str | None:
        """A name shared by rules whose states (and so tables) are the same (the
        spelling rules: one table for S101-S103), or None for one table per rule."""
        return None

    def empty(self) -> Any:
        raise NotImplementedError

    def valid(self, table: Any) -> bool:
        """Is a decoded blob a table of this aggregate (a stored value from another
        version or a crafted one is rebuilt)?"""
        raise NotImplementedError

    def add(self, table: Any, path: str, state: Any) -> Any:
        raise NotImplementedError

    def subtract(self, table: Any, path: str, state: Any) -> Any:
        raise NotImplementedError

    def of_documents(self, items: list[tuple[str, Any]]) -> Any:
        """The table of ``items`` ((path, state) pairs): folds ``add`` unless overridden."""
        table = self.empty()
        for path, state in items:
            table = self.add(table, path, state)
        return table

    def merge(self, a: Any, b: Any) -> Any:
        raise NotImplementedError

    def apply(self, table: Any, removed: list[tuple[str, Any]], added: list[tuple[str, Any]],
              rows: "TableRows") -> Any:
        """``table`` without the documents ``removed`` ((path, state it was added with)
        pairs) and with ``added`` (a changed document is in both), as stored in the
        index. The default subtracts and merges; an aggregate that stores a compact
        table (e.g. without the per-document rows only a removal needs) keeps those rows
        in ``rows`` instead. Raises ``ValueError`` (or ``KeyError``, ``IndexError``,
        ``TypeError``) when the table cannot be updated: the index then rebuilds it
        from every state, with empty ``rows``."""
        for path, state in removed:
            table = self.subtract(table, path, state)
        return self.merge(table, self.of_documents(added)) if added else table


class TableRows:
    """Per-document detail rows of a ``TableAggregate`` in the corpus index (table
    ``agg_rows``): (part, key, path) -> two integers, e.g. (language, word, document)
    -> (line, column) of the word's first occurrence there. Used inside the index's
    write transaction (``TableAggregate.apply``); ``paths`` are the corpus documents,
    so a row naming anything else (a stale or crafted row) is never an answer."""

    def __init__(self, conn: sqlite3.Connection, agg_id: int, paths: Mapping[str, Any]):
        self._conn = conn
        self.agg_id = agg_id
        self._paths = paths

    def insert(self, rows: Iterable[tuple[str, str, str, int, int]]) -> None:
        """Add (part, key, path, a, b) rows (replacing any with the same part, key, path)."""
        agg = self.agg_id
        self._conn.executemany("INSERT OR REPLACE INTO agg_rows (agg, part, key, path, a, b) VALUES (?, ?, ?, ?, ?, ?)",
                               ((agg, *r) for r in rows))

    def delete(self, rows: Iterable[tuple]) -> None:
        """Remove the rows named by (part, key, path, ...) tuples."""
        agg = self.agg_id
        self._conn.executemany("DELETE FROM agg_rows WHERE agg = ? AND part = ? AND key = ? AND path = ?",
                               ((agg, r[0], r[1], r[2]) for r in rows))

    def clear(self) -> None:
        self._conn.execute("DELETE FROM agg_rows WHERE agg = ?", (self.agg_id,))

    def smallest(self, part: str, keys: Iterable[str]) -> dict[str, tuple[str, int, int]]:
        """{key: (path, a, b)} of the row with the smallest path (code-point order: SQLite
        compares UTF-8 bytes) among the corpus documents, for each key that has one."""
        out: dict[str, tuple[str, int, int]] = {}
        sql = "SELECT path, a, b FROM agg_rows WHERE agg = ? AND part = ? AND key = ? ORDER BY path"
        for key in keys:
            cursor = self._conn.execute(sql, (self.agg_id, part, key))
            for path, a, b in cursor:
                if path in self._paths and type(a) is int and type(b) is int:
                    out[key] = (path, a, b)
                    break
            cursor.close()
        return out


def aggregate_key(rule: "CorpusRule", rule_key: str) -> tuple[str, str]:
    """(identity, owner code) of the rule's aggregate: the rule's state key (or, for a
    shared table, its shared name), the aggregate's class, version and module source
    (see ``index._source_hash``)."""
    from .index import _source_hash

    agg = rule.aggregate
    shared = agg.shared(rule) if isinstance(agg, TableAggregate) else None
    text = f"{shared or rule_key}|{type(agg).__module__}.{type(agg).__qualname__}|{agg.version}|" \
           f"{_source_hash(type(agg).__module__)}"
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest(), shared or rule.code


def posting_rows(rule: "CorpusRule", states: list[Any]) -> list[np.ndarray]:
    """Per state, the (kind, key as signed 64-bit, value) rows it posts as one int64
    array of shape (n, 3), kinds in the order the rule gave them, keys in theirs (no
    rows for None); raises ``ValueError`` for postings that are not what
    ``Aggregate.postings`` promises."""
    real = [s for s in states if s is not None]
    found = iter(rule.aggregate.postings_many(rule, real) if real else [])
    return [_rows(rule, next(found)) if s is not None else np.zeros((0, 3), np.int64) for s in states]


def _rows(rule: "CorpusRule", postings: dict) -> np.ndarray:
    parts = []
    for kind, (keys, values) in postings.items():
        keys = np.asarray(keys)
        values = np.asarray(values, dtype=np.int64)
        if keys.ndim != 1 or keys.shape != values.shape or keys.dtype.kind not in "iu":
            raise ValueError(f"{rule.code}: postings of kind {kind} are not two 1-d integer arrays of one length")
        rows = np.empty((len(keys), 3), dtype=np.int64)
        rows[:, 0] = int(kind)
        rows[:, 1] = keys.astype(np.uint64, copy=False).view(np.int64) if keys.dtype.kind == "u" else keys
        rows[:, 2] = values
        parts.append(rows)
    return np.concatenate(parts) if len(parts) > 1 else parts[0] if parts else np.zeros((0, 3), np.int64)


def _signed(keys: "Iterable[int] | np.ndarray") -> np.ndarray:
    """uint64 keys as SQLite stores them: int64, the same bits."""
    return np.asarray(keys if isinstance(keys, np.ndarray) else list(keys), dtype=np.uint64).view(np.int64)


class AggregateView:
    """A rule's aggregate as its reduce reads it (``CorpusView.aggregates``).

    Keys are uint64 (as the rule posted them); documents are named by their display
    path (the keys of ``CorpusView.states``). Reads go to the corpus index (read-only
    SQLite connection, indexed by (aggregate, kind, key))."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], agg_id: int, display_of: Mapping[str, str],
                 n_docs: int, table: Any = None):
        self.table = table  # a TableAggregate's sum over every document (None for postings)
        self._connect = connect
        self._conn: sqlite3.Connection | None = None
        self._pid = -1  # the process that opened ``_conn`` (a forked reduce worker opens its own)
        self.agg_id = agg_id
        self._display_of = display_of  # index path (relative to the root) -> display path
        self.n_docs = n_docs  # documents in the corpus (with a state, None included): len(CorpusView.states)

    def _connection(self) -> sqlite3.Connection:
        """This process's connection (SQLite connections must not cross a fork)."""
        if self._conn is None or self._pid != os.getpid():
            self._conn, self._pid = self._connect(), os.getpid()
        return self._conn

    def _queries(self, sql: str, kind: int, keys: "Iterable[int] | np.ndarray") -> Iterator[tuple[int, list, Any]]:
        """``sql`` asked for ``_CHUNK`` of ``keys`` at a time: ``(offset, keys asked (signed),
        rows)`` of each query (Python ints made a chunk at a time, not for every key)."""
        conn = self._connection()
        signed = _signed(keys)
        for i in range(0, len(signed), _CHUNK):
            part = signed[i : i + _CHUNK].tolist()
            yield i, part, conn.execute(sql.format(marks=",".join("?" * len(part))), (self.agg_id, kind, *part))

    def _rows(self, sql: str, kind: int, keys: Iterable[int]) -> Iterator[tuple]:
        for _at, _part, rows in self._queries(sql, kind, keys):
            yield from rows

    def holders(self, kind: int, keys: Iterable[int]) -> dict[int, list[tuple[str, int]]]:
        """``{key: [(display path, value), ...]}`` of the documents posting each key
        (sorted by display path); keys nobody posts are absent."""
        out: dict[int, list[tuple[str, int]]] = {}
        sql = ("SELECT p.key, d.path, p.value FROM postings p JOIN agg_docs d ON d.id = p.doc "
               "WHERE p.agg = ? AND p.kind = ? AND p.key IN ({marks})")
        for key, path, value in self._rows(sql, kind, keys):
            display = self._display_of.get(path)
            if display is not None and isinstance(key, int) and isinstance(value, int):
                out.setdefault(key & 0xFFFFFFFFFFFFFFFF, []).append((display, value))
        for v in out.values():
            v.sort()
        return out

    def counts(self, kind: int, keys: np.ndarray) -> np.ndarray:
        """Documents posting each of ``keys`` (int64 array, aligned with ``keys``). Asked
        ``_CHUNK`` distinct keys a query and kept as arrays: a full D106 reduce asks every
        line key of the corpus (333 k of the 100 MB bench_scale corpus), whose dict of
        counts and lists of Python ints were +57 MB of a first run's peak."""
        keys = np.asarray(keys, dtype=np.uint64)
        asked = sorted_unique(keys.reshape(-1))
        found = np.zeros(len(asked), dtype=np.int64)
        sql = "SELECT key, COUNT(*) FROM postings WHERE agg = ? AND kind = ? AND key IN ({marks}) GROUP BY key"
        for at, part, rows in self._queries(sql, kind, asked):
            got = {key: n for key, n in rows if isinstance(key, int) and isinstance(n, int)}
            found[at : at + len(part)] = [got.get(key, 0) for key in part]
        return found[np.searchsorted(asked, keys)]

    def totals(self, kind: int, min_docs: int = 1) -> tuple[int, int]:
        """(keys, sum of values) over the keys of ``kind`` posted by >= ``min_docs`` documents."""
        conn = self._connection()
        if min_docs <= 1:
            row = conn.execute("SELECT COUNT(DISTINCT key), TOTAL(value) FROM postings WHERE agg = ? AND kind = ?",
                                     (self.agg_id, kind)).fetchone()
        else:
            row = conn.execute(
                "SELECT COUNT(*), TOTAL(s) FROM (SELECT SUM(value) AS s FROM postings WHERE agg = ? AND kind = ? "
                "GROUP BY key HAVING COUNT(*) >= ?)", (self.agg_id, kind, min_docs)).fetchone()
        return int(row[0] or 0), int(row[1] or 0)

    def documents(self, kind: "int | None" = None) -> int:
        """Documents that post at least one key of ``kind`` (of any kind: None).

        Of any kind, they are the aggregate's documents whose ``agg_docs.n`` (the number
        of posting rows written for them, which ``agg_counts`` checks against the rows
        on every sync) is not 0: one row a document is read, not every posting (D104's
        ~900 k postings at 10 k files: 0.27 -> 0.006 s CPU a run)."""
        conn = self._connection()
        if kind is None:
            row = conn.execute("SELECT COUNT(*) FROM agg_docs WHERE agg = ? AND n > 0", (self.agg_id,)).fetchone()
        else:
            row = conn.execute("SELECT COUNT(DISTINCT doc) FROM postings WHERE agg = ? AND kind = ?",
                               (self.agg_id, kind)).fetchone()
        return int(row[0] or 0)

    def close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():  # (never the parent's, from a forked worker)
            self._conn.close()
        self._conn = None


class LazyStates(Mapping[str, Any]):
    """``{display path: state}`` of every corpus document, decoding a cached state on
    first access (``load(display)``) and keeping it, or, without ``keep``, on each access
    (a ``lazy_states`` rule's: not held after its use); ``aggregates`` is the rule's ``AggregateView``
    (None when the aggregate is not usable in this run). Ready values that are
    ``store.Spilled`` references (the map step's spill) are read back with ``decoded``
    (``engine.MappedTable.decoded``): with ``keep``, all of them together at the first
    access (``decoded(values, own=False)``: views of the spill's columns, each mapped
    once, as ``engine._Unspill`` reads a rule's states; one mapping a state kept a file
    descriptor each, and 3,330 files ran out of them), else one on each access and not
    kept (a rule with ``lazy_states``, as ``store.SpilledStates``).

    A reduce that reads every state (``items``, ``values``) with ``keep`` and a ``spill``
    (the run's ``store.StateSpill``) has the states not read yet decoded one at a time,
    in order, each written to the spill (by columns, ``group``) and given back as views
    of them: decoded and kept, a warm run's D104 held every document's arrays through
    its reduce, and ``_concat`` a copy of them."""

    def __init__(self, ready: dict[str, Any], lazy: dict[str, Any], load: Callable[[str], Any],
                 aggregates: AggregateView | None = None, decoded: "Callable[[list], list] | None" = None,
                 keep: bool = True, spill: Any = None, group: str | None = None):
        from .store import Spilled

        self._spill, self._group = spill, group
        self._ready = ready
        self._decoded, self._keep, self._spilled = decoded, keep, Spilled
        self._lazy = lazy  # display -> whatever ``load`` needs; moved to ``_ready`` once loaded
        self._load = load
        self.aggregates = aggregates
        self.loaded = 0  # states decoded on demand (tests, benchmarks)

    def __getitem__(self, key: str) -> Any:
        try:
            value = self._ready[key]
            if type(value) is self._spilled and self._decoded is not None:
                if not self._keep:
                    return self._decoded([value])[0]
                keys = [k for k, v in self._ready.items() if type(v) is self._spilled]
                self._ready.update(zip(keys, self._decoded([self._ready[k] for k in keys], own=False)))
                self._decoded = None
                value = self._ready[key]
            return value
        except KeyError:
            if key not in self._lazy:
                raise
        self.loaded += 1
        if not self._keep:  # (decoded again when asked again, as a spilled one)
            return self._load(key)
        value = self._ready[key] = self._load(key)
        del self._lazy[key]
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._ready or key in self._lazy

    def items(self):
        self._read_all()
        return super().items()

    def values(self):
        self._read_all()
        return super().values()

    def _read_all(self) -> None:
        if not self._lazy or self._spill is None or not self._keep:
            return
        keys, refs = [], []
        for key in list(self._lazy):
            value = self._ready[key] = self._spill.put(self._load(key), self._group)
            del self._lazy[key]
            self.loaded += 1
            if type(value) is self._spilled:
                keys.append(key)
                refs.append(value)
        self._spill.flush()
        self._ready.update(zip(keys, self._spill.get_many(refs)))

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._ready) + list(self._lazy))  # a snapshot: loading moves keys

    def __len__(self) -> int:
        return len(self._ready) + len(self._lazy)
