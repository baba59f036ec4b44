"""The corpus index: an on-disk cache of corpus-rule states for every file of the project.

Cross-file rules need the whole corpus, but pre-commit passes only the changed files.
The index keeps, per file (path relative to the project root), its size, mtime and
content hash, and per (file, rule) the state ``rule.collect(doc)`` returned, encoded
with ``corpuslint.codec`` (msgpack + numpy arrays: data only, never pickle).
A run then:

1. lists every corpus file under the project root (the configured include/exclude);
2. reuses the cached content hash of files whose (size, mtime) did not change, and
   reads + hashes the others (a touched but unchanged file keeps its states);
3. calls ``collect`` only for files whose content hash has no state for the rule's
   current key, and stores the new states in one transaction;
4. returns ``{rule code: {display path: state}}`` for all of them. The checked
   (target) documents are hashed from their text in memory, so an edit that is not on
   disk yet (a fix pass) never picks up a stale state.

A notebook or a .po catalogue that is not checked in the run is read by its reader (a
data file, a dataset's shard, is not: datasets are compared among the checked files): it
is one file row and one state row a rule, whose state is the list of its records' states
(``_RECORDS``), so a check of one notebook sees the other notebooks' cells as a check of
the whole project does. Its content hash names the
reader settings it was read with (``RunContext.read_key``): other settings read it again.

The same database caches document-rule findings (``DocumentFindingsCache``), keyed by
display path, content hash and a key of the active document rules (their fingerprints
and source), so a warm run does not re-run document rules on unchanged files, and the
region table (``Document.regions``: spans and kinds) of the files whose regions a corpus
rule's findings were filtered by (``RegionCache``), so a warm run does not parse their
structure again to drop a reduce's findings in regions the rule does not check.

Rules with an aggregate (``CorpusRule.aggregate``, corpuslint/aggregates.py) get their
cached states lazily (``LazyStates``: decoded when the reduce reads them) and an
``AggregateView`` of the postings or table kept here, updated in the same run by the
changed files' deltas (``sync_aggregate``, ``sync_table``); the spelling back-ends'
per-word dictionary verdicts are kept here too (``VerdictStore``), so a run whose words
were all seen before does not read the dictionary.

Storage is SQLite in WAL mode under ``<root>/.corpuslint_cache/`` (``cache-dir``):
readers never block, writers wait up to ``BUSY_TIMEOUT_S`` and write in one
``BEGIN IMMEDIATE`` transaction, so two concurrent runs cannot corrupt it; a run
that cannot get the write lock in time just does not cache (with a warning).

Invalidation: the index is emptied when the index schema, corpuslint version,
normalisation code (hash of ``corpuslint/text/normalize.py`` plus the duplicate
family's normalisation version) or the MinHash scheme change;
a rule's states are keyed by a hash of ``rule.fingerprint()`` (code, class, options,
severity; the duplicate rules add their hash scheme) and of its module's source (the
whole package for package-based families), so edited collect() code never reuses
stale states. A corrupt database is deleted
and rebuilt with a warning on stderr; ``--no-cache`` (``ctx.use_cache`` False)
bypasses the index entirely (the corpus is still every file under the root).

Trust: the index sits in the project folder, so a repository can commit a crafted
one. Nothing loaded from it can run code (``codec`` builds plain values only), and
every row is validated before use: a state must decode, a cached finding must name
an active rule, have offsets inside the document, line/column numbers that match
its offsets, and fix edits whose replaced text still has the digest stored with
them. A row that fails is discarded with one warning and recomputed. The cache
folder itself must resolve inside the project root or the user's cache folder
(``cache_dir_for``). Fixes are never taken from the cache: ``--fix`` re-runs the
document rules on the files it rewrites.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
from contextlib import contextmanager
import pickle  # only for multiprocessing's PicklingError; nothing on disk is pickled
import sqlite3
import sys
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

import numpy as np

from . import __version__
from .arrays import trim_heap
from .codec import CodecError, NotAList, compress, compress_pieces, dumps, iter_items, load_items, loads
from .files import Source, printable_name, relative
from .store import read_exactly

if TYPE_CHECKING:
    from .document import Document
    from .rules import CorpusRule

SCHEMA_VERSION = "11"  # 4: msgpack/numpy codec instead of pickle; 5, 6: aggregates (postings); 7: agg_counts;
# 8: agg_docs_hashes (an older index lacks it: rebuilt, never read without it); 9: cached findings' related
# locations keep their record (a dataset record's findings: file and record, not "file#record"); 10: new
# postings counted by their writer, not by a trigger a row (an older index's trigger would count them twice);
# 11: states of 1 KB or more in a zstd frame (``codec.compress``: an older corpuslint cannot read them)
DB_NAME = "corpus-index.sqlite3"
BUSY_TIMEOUT_S = 10.0
PARALLEL_MIN_MISSES = 64  # collect in worker processes only when this many files need it


def _warn(message: str) -> None:
    print(f"corpuslint: warning: {message}", file=sys.stderr)


def _owner_words(owner: str) -> str:
    """``spelling-table|ar,fa,ur|3`` -> ``spelling-table for ar,fa,ur``: the owner key in user words."""
    parts = str(owner).split("|")
    return parts[0] + (f" for {parts[1]}" if len(parts) > 1 and parts[1] else "")


VERBOSE = False  # set by ``check --verbose``: also print the index's routine notes


def _note(message: str) -> None:
    """A routine event of the corpus index (nothing lost, only some speed): printed with
    ``--verbose`` or ``CORPUSLINT_DEBUG=1``, never as a warning."""
    if VERBOSE or os.environ.get("CORPUSLINT_DEBUG", "") not in ("", "0"):
        print(f"corpuslint: note: {message}", file=sys.stderr)


def _normalization_version() -> str:
    parts = []
    try:
        from .text import normalize

        with open(normalize.__file__, "rb") as fh:
            parts.append(hashlib.blake2b(fh.read(), digest_size=8).hexdigest())
    except OSError:
        parts.append("?")
    try:
        from .families.duplicate import units

        parts += [units.NORMALIZATION_VERSION, units.HASH_SCHEME]
    except Exception:  # the duplicate family is optional for the index
        parts.append("no-duplicate-family")
    return "|".join(parts)


def expected_meta() -> dict[str, str]:
    return {
        "schema": SCHEMA_VERSION,
        "corpuslint": __version__,
        "normalization": _normalization_version(),
    }


_SOURCE_HASHES: dict[str, str] = {}


def _source_hash(module_name: str) -> str:
    """Hash of a rule module's source, so editing collect() code (even without a version
    bump, e.g. in a checkout) never reuses states computed by the old code."""
    h = _SOURCE_HASHES.get(module_name)
    if h is None:
        digest = hashlib.blake2b(digest_size=8)
        module = sys.modules.get(module_name)
        path = getattr(module, "__file__", None)
        package = module_name.rsplit(".", 1)[0] if path and not path.endswith("__init__.py") else module_name
        files = [path] if path else []
        # sibling modules of a package-based family (units, lsh, ...) count too
        pkg = sys.modules.get(package)
        pkg_dir = os.path.dirname(getattr(pkg, "__file__", "") or "") if pkg is not None else ""
        if pkg_dir and os.path.basename(getattr(pkg, "__file__", "")) == "__init__.py":
            files = sorted(os.path.join(pkg_dir, f) for f in os.listdir(pkg_dir) if f.endswith(".py"))
        key = "\0".join(files)  # (the modules of one package hash the same files: read them once)
        h = _SOURCE_HASHES.get(key)
        if h is None:
            for f in files:
                try:
                    with open(f, "rb") as fh:
                        digest.update(fh.read())
                except OSError:
                    digest.update(f.encode())
            h = _SOURCE_HASHES[key] = digest.hexdigest()
        _SOURCE_HASHES[module_name] = h
    return h


def rule_key(rule: "CorpusRule") -> str:
    module = type(rule).__module__
    text = f"{__version__}|{rule.fingerprint()}|{_source_hash(module)}"
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


class IndexUnavailable(Exception):
    pass


class CorpusIndex:
    """One SQLite connection to ``<cache_dir>/corpus-index.sqlite3``."""

    def __init__(self, cache_dir: str, *, warn: Callable[[str], None] = _warn):
        self.cache_dir = cache_dir
        self.path = os.path.join(cache_dir, DB_NAME)
        self.warn = warn
        self.conn: sqlite3.Connection | None = None
        # table aggregates synced by this connection (shared by rules): id -> (entries, table)
        self._tables: dict[int, tuple[dict[str, str], Any]] = {}

    # -- opening, validation, rebuild ------------------------------------------
    def open(self) -> "CorpusIndex":
        try:
            self._open_once()
        except sqlite3.OperationalError as exc:
            if _is_locked(exc):
                self.close()
                raise IndexUnavailable(f"corpus index {self.path} is locked ({exc}); running without it") from exc
            self._rebuild(exc)
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)
        return self

    def _rebuild(self, exc: Exception) -> None:
        self.warn(f"corpus index {self.path} is unreadable ({exc}); rebuilding it")
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(self.path + suffix)
            except FileNotFoundError:
                pass
            except OSError as err:
                raise IndexUnavailable(f"cannot remove corrupt corpus index {self.path}: {err}") from err
        try:
            self._open_once()
        except sqlite3.Error as err:
            self.close()
            raise IndexUnavailable(f"cannot rebuild corpus index {self.path}: {err}") from err

    def _open_once(self) -> None:
        os.makedirs(self.cache_dir, exist_ok=True)
        ignore = os.path.join(self.cache_dir, ".gitignore")
        if not os.path.exists(ignore):
            try:
                with open(ignore, "w", encoding="utf-8") as fh:
                    fh.write("# created by corpuslint\n*\n")
            except OSError:
                pass
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self.conn = conn
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode is None:
            raise sqlite3.DatabaseError("cannot set WAL journal mode")
        conn.execute("PRAGMA synchronous = NORMAL")
        with _immediate(conn):
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            want = expected_meta()
            if meta != want:
                # another corpuslint version, schema, normalisation or hash scheme: start afresh
                conn.execute("DROP TABLE IF EXISTS states")
                conn.execute("DROP TABLE IF EXISTS files")
                conn.execute("DROP TABLE IF EXISTS doc_findings")
                conn.execute("DROP TABLE IF EXISTS doc_regions")
                for table in AGGREGATE_TABLES:
                    conn.execute(f"DROP TABLE IF EXISTS {table}")
                conn.execute("DELETE FROM meta")
                conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(want.items()))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL,"
                " mtime_ns INTEGER NOT NULL, content_hash TEXT NOT NULL)"
            )
            conn.execute(
                "CREATE TABLE IF NOT EXISTS states (path TEXT NOT NULL, rule_key TEXT NOT NULL, code TEXT NOT NULL,"
                " content_hash TEXT NOT NULL, state BLOB NOT NULL, PRIMARY KEY (path, rule_key))"
            )
            # covering: a rule's (path, content hash) list (``state_hashes``, every warm run) is
            # read from the index alone, without visiting the rows that hold the state blobs
            conn.execute("DROP INDEX IF EXISTS states_by_key")
            conn.execute("CREATE INDEX IF NOT EXISTS states_hashes ON states (rule_key, path, content_hash)")
            # ``write`` drops a code's states under older keys: found by index, not by a scan of every blob
            conn.execute("CREATE INDEX IF NOT EXISTS states_by_code ON states (code, rule_key)")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS doc_findings (path TEXT PRIMARY KEY, content_hash TEXT NOT NULL,"
                " rules_key TEXT NOT NULL, findings BLOB NOT NULL)"
            )
            conn.execute(  # ``RegionCache``: a file's region table, keyed like ``doc_findings``
                "CREATE TABLE IF NOT EXISTS doc_regions (path TEXT PRIMARY KEY, content_hash TEXT NOT NULL,"
                " regions_key TEXT NOT NULL, regions BLOB NOT NULL)"
            )
            _create_aggregate_tables(conn)

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except sqlite3.Error:
                pass
            self.conn = None

    # -- reads -------------------------------------------------------------------
    def files(self) -> dict[str, tuple[int, int, str]]:
        assert self.conn is not None
        return {p: (s, m, h) for p, s, m, h in self.conn.execute("SELECT path, size, mtime_ns, content_hash FROM files")}

    def states(self, key: str, hashes_only: "set[str] | frozenset[str]" = frozenset()) -> dict[str, tuple[str, bytes | None]]:
        """path -> (content hash, state blob) of rule key ``key``; for the paths
        ``hashes_only``, (content hash, None): the blob is not kept (a checked data file's
        records row, whose hash alone is compared: ``_checked_records_rows``; its states
        are the map's. 100 k generated records in 6 files: ~30 MB of rows a rule held
        through a warm run's corpus states)."""
        assert self.conn is not None
        rows = self.conn.execute("SELECT path, content_hash, state FROM states WHERE rule_key = ?", (key,))
        if not hashes_only:
            return {p: (h, s) for p, h, s in rows}
        return {p: (h, None if p in hashes_only else s) for p, h, s in rows}

    def state_hashes(self, key: str) -> dict[str, str]:
        """Like ``states`` without the blobs: path -> content hash (a plain string, not a
        tuple: a warm run reads one per corpus file and rule)."""
        assert self.conn is not None
        return dict(self.conn.execute("SELECT path, content_hash FROM states WHERE rule_key = ?", (key,)))

    def sync_aggregate(self, rule: "CorpusRule", key: str, entries: dict[str, str], fresh: dict[str, Any],
                       decoded: "Callable[[list], list] | None" = None) -> int | None:
        """Bring ``rule``'s aggregate (corpuslint/aggregates.py) up to date in one
        transaction and return its id: ``entries`` (path -> content hash of its stored
        state) is every corpus document; postings of documents whose recorded hash
        differs are recomputed from ``fresh`` (path -> state in memory, or a reference
        ``decoded`` reads back, a chunk of documents at a time) or from the stored state,
        those of documents no longer in ``entries`` dropped. A posting count that does not
        add up rebuilds the whole aggregate (one warning). None when a document's postings
        cannot be computed (its reduce then reads every state)."""
        from .aggregates import aggregate_key, posting_rows

        assert self.conn is not None
        akey, owner = aggregate_key(rule, key)
        complete = True
        with _immediate(self.conn) as conn:
            agg = self._aggregate_id(akey, owner)
            docs = _agg_hashes(conn, agg)
            if docs:
                # the posting rows and the sum of the documents' ``n``, as agg_counts' triggers
                # count them on every insert and delete (not a scan of every posting each run)
                counted = conn.execute("SELECT postings, expected FROM agg_counts WHERE agg = ?", (agg,)).fetchone()
                n_rows, n_want = counted if counted is not None else (None, None)
                if n_rows != n_want or n_rows is None:
                    self.warn(f"corpus index: aggregate of {rule.code} is damaged ({n_rows} postings, "
                              f"{n_want} expected); rebuilt from the cached states")
                    self._drop_aggregate(agg, keep=True)
                    docs = {}
            stale = _agg_ids(conn, agg, [p for p, _h in _missing(docs, entries)])
            if stale and not self._delete_postings(agg, stale):
                self.warn(f"corpus index: aggregate of {rule.code} is damaged (unreadable posting list); "
                          f"rebuilt from the cached states")
                self._drop_aggregate(agg, keep=True)
                docs = {}
            todo: list[tuple[str, str, Any]] = []
            for path, h in _missing(entries, docs):
                if path in fresh:
                    state = fresh[path]
                else:
                    blob = conn.execute("SELECT content_hash, state FROM states WHERE path = ? AND rule_key = ?",
                                        (path, key)).fetchone()
                    state = _decode_state(blob, h, path)
                    if state is _MISS:
                        complete = False
                        continue
                todo.append((path, h, state))
            # Every new posting, written in primary-key order (kind, key, doc): B-tree appends, not
            # random inserts. Documents' postings are computed _POSTING_CHUNK documents at a time,
            # sorted in runs of about _POSTING_RUN postings held as narrow columns (``_PostingRun``:
            # ~16 bytes a posting), then merged a key range at a time (``_merged_postings``); each
            # document's key list is encoded when its postings are made (8 bytes a posting). The
            # whole table as int64 rows with its sort order (40 bytes a posting, and a copy of
            # each document's rows while it was built) set a first run's peak: +865 MB of the
            # 100 MB bench_scale corpus's 1,362 MB. A new document's id is given here (the next
            # free ones, as SQLite would) and its agg_docs row written after the postings: a
            # posting INSERT after the documents' key lists in one transaction wrote a statement
            # journal for each row (3x the CPU of the fill; 10 MB of postings 1.6 -> 0.5 s)
            base = conn.execute("SELECT COALESCE(MAX(id), 0) FROM agg_docs").fetchone()[0]
            made: list[tuple[str, str, int, tuple[int, int]]] = []  # path, hash, postings, where its key list waits (``_RunFile.put``)
            runs = _RunFile()
            at, size = 0, 16  # (then sized by the postings seen)
            while at < len(todo):
                chunk = todo[at : at + size]
                at += len(chunk)
                try:
                    states = [state for _, _, state in chunk]
                    per_doc = posting_rows(rule, decoded(states) if decoded is not None else states)
                    del states
                except (ValueError, TypeError, KeyError, IndexError) as exc:
                    self.warn(f"corpus index: {rule.code} aggregate not computed ({exc})")
                    runs.close()
                    return None
                group: list[np.ndarray] = []
                first, held, made_now = base + 1 + len(made), 0, 0
                for (path, h, _), rows in zip(chunk, per_doc):
                    made.append((path, h, len(rows), runs.put(dumps(key_runs(rows[:, :2])))))
                    group.append(rows)
                    held += len(rows)
                    made_now += len(rows)
                    if held >= _POSTING_RUN or len(group) >= 1 << 15:
                        runs.add(_PostingRun(group, first))
                        first += len(group)
                        group, held = [], 0
                if group:
                    runs.add(_PostingRun(group, first))
                del per_doc, group
                # the next chunk's documents: about a run's postings (a file of 100 paragraphs
                # posts ~3,000 LSH band keys; 1,024 of them as int64 rows were ~100 MB at once)
                size = max(16, min(_POSTING_CHUNK, _POSTING_RUN * len(chunk) // max(1, made_now)))
            total = sum(run.n for run in runs.runs)
            if total:
                conn.executemany("INSERT INTO postings (agg, kind, key, doc, value) VALUES (?, ?, ?, ?, ?)",
                                 _merged_postings(agg, runs.written()))
                # counted here, in the same transaction, not by a trigger a row (1.4 s CPU a million postings:
                # D104 posts ~30 LSH band keys a paragraph, ~1 M on a 10 MB corpus's first run)
                conn.execute("UPDATE agg_counts SET postings = postings + ? WHERE agg = ?", (total, agg))
            for i, (path, h, n, keys_at) in enumerate(made):
                conn.execute("INSERT INTO agg_docs (id, agg, path, content_hash, n, keys) VALUES (?, ?, ?, ?, ?, ?)",
                             (base + 1 + i, agg, path, h, n, runs.get(keys_at)))
            runs.close()
        return agg if complete else None

    def _aggregate_id(self, akey: str, owner: str) -> int:
        """The id of aggregate ``akey`` (created if new); those of ``owner`` (a rule
        code or shared name) under other keys are dropped (options or code changed)."""
        conn = self.conn
        for (old,) in conn.execute("SELECT id FROM aggs WHERE code = ? AND key != ?", (owner, akey)).fetchall():
            self._drop_aggregate(old, keep=False)
        row = conn.execute("SELECT id FROM aggs WHERE key = ?", (akey,)).fetchone()
        if row is not None:
            return row[0]
        agg = conn.execute("INSERT INTO aggs (key, code) VALUES (?, ?)", (akey, owner)).lastrowid
        conn.execute("INSERT OR REPLACE INTO agg_counts (agg, postings, expected) VALUES (?, 0, 0)", (agg,))
        return agg

    def sync_table(self, rule: "CorpusRule", key: str, entries: dict[str, str], fresh: dict[str, Any],
                   old: dict[str, tuple[str, Any]], decoded: "Callable[[list], list] | None" = None
                   ) -> "tuple[int, Any] | None":
        """``sync_aggregate`` for a ``TableAggregate``: (id, table summed over ``entries``),
        updated by ``aggregate.apply`` with the previous state (``old``: path -> (content
        hash, state), read before it was overwritten) of every changed or removed
        document and the new states of the changed and added ones, in one transaction
        with the aggregate's ``TableRows``. A stored table that does not decode or
        validate, a previous state that is missing or an update that fails rebuilds it
        from the stored states (one warning). None when a document's state cannot be
        had. Rules sharing the table (``TableAggregate.shared``) get the one synced
        first in this run when their entries are the same. ``decoded``: as for
        ``sync_aggregate``."""
        try:
            return self._sync_table(rule, key, entries, fresh, old, decoded)
        except _Incomplete:
            return None

    def _sync_table(self, rule, key, entries, fresh, old, decoded):
        from .aggregates import TableRows, aggregate_key

        aggregate = rule.aggregate
        akey, owner = aggregate_key(rule, key)
        for agg, (synced, table) in self._tables.items():  # shared by rules: synced once per run
            if synced == entries and self.conn.execute("SELECT 1 FROM aggs WHERE id = ? AND key = ?",
                                                       (agg, akey)).fetchone() is not None:
                return agg, table
        with _immediate(self.conn) as conn:
            agg = self._aggregate_id(akey, owner)
            docs = _agg_hashes(conn, agg)
            row = conn.execute("SELECT blob FROM agg_tables WHERE agg = ?", (agg,)).fetchone()
            table, why = self._tables.get(agg, (None, None))[1], None  # decoded once per run
            routine = None  # the path whose missing earlier state forces a (harmless) rebuild
            if table is None and row is not None:
                try:
                    table = loads(row[0]) if isinstance(row[0], bytes) else None
                except CodecError as exc:
                    why = str(exc)
                if table is not None and not aggregate.valid(table):
                    table, why = None, "not a table of this version"

            def states_of(paths):
                out = []
                for path in paths:
                    state = fresh[path] if path in fresh else _decode_state(conn.execute(
                        "SELECT content_hash, state FROM states WHERE path = ? AND rule_key = ?", (path, key)
                    ).fetchone(), entries[path], path)
                    if state is _MISS:
                        raise _Incomplete  # rolled back: the stored table and its documents stay as they were
                    out.append((path, state))
                if decoded is not None:
                    out = list(zip([p for p, _ in out], decoded([state for _, state in out])))
                return out

            rows = TableRows(conn, agg, entries)
            removed = []
            changed = [p for p, _h in _missing(docs, entries)]
            if table is not None:
                for path in changed:
                    prev = old.get(path)
                    if prev is None or prev[0] != docs[path]:
                        table, why, routine = None, f"no previous state of {path}", path
                        break
                    removed.append((path, prev[1]))
            todo = [p for p, _h in _missing(entries, docs)]
            if table is not None:
                added = states_of(todo)
                if removed or added:
                    try:
                        table = aggregate.apply(table, removed, added, rows)
                    except (ValueError, KeyError, IndexError, TypeError) as exc:
                        table, why = None, f"it cannot be updated ({exc})"
            if table is None:
                if docs and routine:
                    # a changed document whose earlier state is not stored: a full rebuild, nothing lost
                    _note(f"cache: a corpus-wide table ({_owner_words(owner)}) was recomputed from the "
                          f"cached documents, since {routine} changed and its earlier state was not kept")
                elif docs:
                    self.warn(f"cache: a corpus-wide table ({_owner_words(owner)}) could not be reused and was "
                              f"recomputed from the cached documents ({why})")
                conn.execute("DELETE FROM agg_docs WHERE agg = ?", (agg,))
                rows.clear()
                docs, changed = {}, []
                todo = list(entries)
                table = aggregate.empty()
                for at in range(0, len(todo), _TABLE_CHUNK):  # (a first run: every document's state at once
                    # was ~120 MB of spelling states at 100 MB of text; the sums are the same)
                    table = aggregate.apply(table, [], states_of(todo[at : at + _TABLE_CHUNK]), rows)
            conn.executemany("DELETE FROM agg_docs WHERE agg = ? AND path = ?", [(agg, p) for p in changed])
            conn.executemany("INSERT INTO agg_docs (agg, path, content_hash, n, keys) VALUES (?, ?, ?, 0, X'')",
                             [(agg, p, entries[p]) for p in todo])
            if todo or len(docs) != len(entries) or row is None:
                conn.execute("INSERT OR REPLACE INTO agg_tables (agg, blob) VALUES (?, ?)", (agg, dumps(table)))
        self._tables[agg] = (dict(entries), table)
        return agg, table

    def _delete_postings(self, agg: int, docs: list[int]) -> bool:
        """Delete documents' postings (by primary key, from their stored key lists) and
        their ``agg_docs`` rows; False when a key list is unreadable (nothing deleted)."""
        conn = self.conn
        rows = []
        for i in docs:
            (blob,) = conn.execute("SELECT keys FROM agg_docs WHERE id = ?", (i,)).fetchone()
            try:
                pairs = key_pairs(loads(blob)) if isinstance(blob, bytes) else None
            except CodecError:
                pairs = None
            if pairs is None:
                return False
            rows += [(agg, k, key, i) for k, key in pairs.tolist()]
        conn.executemany("DELETE FROM postings WHERE agg = ? AND kind = ? AND key = ? AND doc = ?", rows)
        conn.executemany("DELETE FROM agg_docs WHERE id = ?", [(i,) for i in docs])
        return True

    def _drop_aggregate(self, agg: int, keep: bool) -> None:
        conn = self.conn
        conn.execute("DELETE FROM agg_counts WHERE agg = ?", (agg,))  # first: the triggers then update no row
        conn.execute("DELETE FROM postings WHERE agg = ?", (agg,))
        conn.execute("DELETE FROM agg_docs WHERE agg = ?", (agg,))
        conn.execute("DELETE FROM agg_tables WHERE agg = ?", (agg,))
        conn.execute("DELETE FROM agg_rows WHERE agg = ?", (agg,))
        if keep:
            conn.execute("INSERT INTO agg_counts (agg, postings, expected) VALUES (?, 0, 0)", (agg,))
        else:
            conn.execute("DELETE FROM aggs WHERE id = ?", (agg,))

    def doc_findings(self, rules_key: str) -> dict[str, tuple[str, bytes]]:
        """Cached document-rule findings: display path -> (content hash, encoded findings)."""
        assert self.conn is not None
        rows = self.conn.execute("SELECT path, content_hash, findings FROM doc_findings WHERE rules_key = ?",
                                 (rules_key,))
        return {p: (h, b) for p, h, b in rows}

    def write_doc_findings(self, rows: Iterable[tuple[str, str, str, bytes]]) -> None:
        """Upsert (path, content hash, rules key, encoded findings) rows in one transaction."""
        assert self.conn is not None
        with _immediate(self.conn) as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO doc_findings (path, content_hash, rules_key, findings) VALUES (?, ?, ?, ?)",
                rows,
            )

    # -- writes (one transaction) -------------------------------------------------
    def write(
        self,
        files: Iterable[tuple[str, int, int, str]],
        states: Iterable[tuple[str, str, str, str, bytes]],
        gone: Iterable[str] = (),
        current: Iterable[tuple[str, str]] = (),
    ) -> None:
        """One transaction: upsert file rows and (path, rule_key, code, hash, state) rows,
        drop files that left the corpus, and drop states of a rule code stored under an
        older key (``current`` = (code, key) pairs), so the index does not grow when
        options change."""
        assert self.conn is not None
        conn = self.conn
        with _immediate(conn):
            gone = [(p,) for p in gone]
            if gone:
                conn.executemany("DELETE FROM files WHERE path = ?", gone)
                conn.executemany("DELETE FROM states WHERE path = ?", gone)
            for code, key in current:
                conn.execute("DELETE FROM states WHERE code = ? AND rule_key != ?", (code, key))
            conn.executemany(
                "INSERT OR REPLACE INTO files (path, size, mtime_ns, content_hash) VALUES (?, ?, ?, ?)", files
            )
            conn.executemany(
                "INSERT OR REPLACE INTO states (path, rule_key, code, content_hash, state) VALUES (?, ?, ?, ?, ?)",
                states,
            )


# Aggregates (corpuslint/aggregates.py): one row per aggregate (rule key + scheme), per
# (aggregate, document) the content hash of the state its postings come from and how
# many posting rows it has, and the postings themselves.
AGGREGATE_TABLES = ("postings", "agg_docs", "aggs", "agg_tables", "agg_rows", "agg_counts", "verdicts", "backend_words")


def _create_aggregate_tables(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS aggs (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, code TEXT NOT NULL)")
    # ``keys``: the document's posted (kind, key) pairs (``key_runs``: its keys, the kinds
    # run-length coded), to delete its rows by primary key (a secondary index on ``doc``
    # would triple the cost of a fill)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS agg_docs (id INTEGER PRIMARY KEY, agg INTEGER NOT NULL, path TEXT NOT NULL,"
        " content_hash TEXT NOT NULL, n INTEGER NOT NULL, keys BLOB NOT NULL, UNIQUE (agg, path))"
    )
    # covering: a run reads every document's (path, hash) of an aggregate to find the changed ones
    conn.execute("CREATE INDEX IF NOT EXISTS agg_docs_hashes ON agg_docs (agg, path, content_hash)")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS postings (agg INTEGER NOT NULL, kind INTEGER NOT NULL, key INTEGER NOT NULL,"
        " doc INTEGER NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (agg, kind, key, doc)) WITHOUT ROWID"
    )
    conn.execute("CREATE TABLE IF NOT EXISTS agg_tables (agg INTEGER PRIMARY KEY, blob BLOB NOT NULL)")
    # per aggregate: its posting rows and the sum of its documents' ``n``, so a run compares
    # two numbers instead of counting every posting (damage: they differ). Postings written
    # by ``sync_aggregate`` are counted by it, in the same transaction (a trigger a row cost
    # 40% of the inserts); deletes and updates, also those made outside corpuslint, by triggers
    conn.execute("CREATE TABLE IF NOT EXISTS agg_counts (agg INTEGER PRIMARY KEY, postings INTEGER NOT NULL,"
                 " expected INTEGER NOT NULL)")
    for name, sql in (
        ("postings_out", "AFTER DELETE ON postings BEGIN"
                         " UPDATE agg_counts SET postings = postings - 1 WHERE agg = OLD.agg; END"),
        ("postings_moved", "AFTER UPDATE OF agg ON postings BEGIN"
                           " UPDATE agg_counts SET postings = postings - 1 WHERE agg = OLD.agg;"
                           " UPDATE agg_counts SET postings = postings + 1 WHERE agg = NEW.agg; END"),
        ("agg_docs_in", "AFTER INSERT ON agg_docs BEGIN"
                        " UPDATE agg_counts SET expected = expected + NEW.n WHERE agg = NEW.agg; END"),
        ("agg_docs_out", "AFTER DELETE ON agg_docs BEGIN"
                         " UPDATE agg_counts SET expected = expected - OLD.n WHERE agg = OLD.agg; END"),
        ("agg_docs_changed", "AFTER UPDATE OF agg, n ON agg_docs BEGIN"
                             " UPDATE agg_counts SET expected = expected - OLD.n WHERE agg = OLD.agg;"
                             " UPDATE agg_counts SET expected = expected + NEW.n WHERE agg = NEW.agg; END"),
    ):
        conn.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {sql}")
    # a table aggregate's per-document rows (``aggregates.TableRows``), e.g. the first
    # occurrence of each word in each document, which its compact table leaves out
    conn.execute("CREATE TABLE IF NOT EXISTS agg_rows (agg INTEGER NOT NULL, part TEXT NOT NULL, key TEXT NOT NULL,"
                 " path TEXT NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (agg, part, key, path))"
                 " WITHOUT ROWID")
    conn.execute("CREATE TABLE IF NOT EXISTS verdicts (backend TEXT NOT NULL, word TEXT NOT NULL,"
                 " known INTEGER NOT NULL, PRIMARY KEY (backend, word)) WITHOUT ROWID")
    conn.execute("CREATE TABLE IF NOT EXISTS backend_words (backend TEXT NOT NULL, name TEXT NOT NULL,"
                 " words TEXT NOT NULL, PRIMARY KEY (backend, name)) WITHOUT ROWID")


def key_runs(pairs: np.ndarray) -> dict[str, np.ndarray]:
    """A document's posted ``(kind, key)`` pairs (int64 array of shape (n, 2), as
    ``aggregates.posting_rows`` gives them: each kind's keys consecutive) as an
    ``agg_docs.keys`` value: ``{"kinds", "runs", "keys"}``, int64 1-d arrays, the kind
    column run-length coded (a document posts 1-3 runs). 8 bytes a posting instead of
    16 (D104 on fresh25's 21 MB corpus: 603,322 postings of one file 9.65 -> 4.83 MB)."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    kind = pairs[:, 0]
    starts = np.flatnonzero(np.r_[True, kind[1:] != kind[:-1]]) if len(kind) else np.zeros(0, np.int64)
    runs = np.diff(np.r_[starts, len(kind)]).astype(np.int64)
    return {"kinds": kind[starts].copy(), "runs": runs, "keys": np.ascontiguousarray(pairs[:, 1])}


def key_pairs(value: Any) -> np.ndarray | None:
    """The ``(kind, key)`` int64 array of shape (n, 2) an ``agg_docs.keys`` value holds
    (``key_runs``' dict, or the (n, 2) array an index written before it stored), or
    None when ``value`` is neither (a damaged or crafted row)."""
    if isinstance(value, np.ndarray):
        ok = value.ndim == 2 and value.shape[1] == 2 and value.dtype == np.int64
        return value if ok else None
    if not isinstance(value, dict) or set(value) != {"kinds", "runs", "keys"}:
        return None
    kinds, runs, keys = value["kinds"], value["runs"], value["keys"]
    if not all(isinstance(a, np.ndarray) and a.ndim == 1 and a.dtype == np.int64 for a in (kinds, runs, keys)):
        return None
    if len(kinds) != len(runs) or (runs < 0).any() or int(runs.sum()) != len(keys):
        return None
    return np.column_stack((np.repeat(kinds, runs), keys))


def _agg_hashes(conn: sqlite3.Connection, agg: int) -> dict[str, str]:
    """path -> content hash of the documents recorded in aggregate ``agg`` (read from the
    covering index ``agg_docs_hashes`` alone, not the rows holding the key lists)."""
    return dict(conn.execute("SELECT path, content_hash FROM agg_docs WHERE agg = ?", (agg,)))


def _agg_ids(conn: sqlite3.Connection, agg: int, paths: list[str]) -> list[int]:
    """The ``agg_docs`` ids of ``paths`` in aggregate ``agg`` (in that order, those recorded)."""
    ids = []
    for path in paths:
        row = conn.execute("SELECT id FROM agg_docs WHERE agg = ? AND path = ?", (agg, path)).fetchone()
        if row is not None:
            ids.append(row[0])
    return ids


def _missing(entries: dict[str, str], recorded: dict[str, str]) -> list[tuple[str, str]]:
    """The (path, hash) pairs of ``entries`` that ``recorded`` lacks (path absent or hash
    different), in ``entries``' order."""
    get = recorded.get
    return [(p, h) for p, h in entries.items() if get(p) != h]


class _Incomplete(Exception):
    """A table aggregate cannot be brought up to date (a state is missing)."""


@contextmanager
def _immediate(conn: sqlite3.Connection):
    """A write transaction taken up front (BEGIN IMMEDIATE): committed, or rolled back."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        raise


def _is_locked(exc: Exception) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


# -- the engine's corpus-state collection ----------------------------------------


class _Reader:
    """A read-only connection opened on first use, in the process that uses it (a
    forked worker opens its own). Any SQLite error disables it: a miss, not a failure."""

    def __init__(self, cache_dir: str):
        self.path = os.path.join(cache_dir, DB_NAME)
        self.conn: sqlite3.Connection | None = None
        self.pid = -1
        self.broken = False

    def row(self, sql: str, args: tuple) -> tuple | None:
        """The first row ``sql`` selects, or None (also when the index is missing or broken)."""
        if self.broken:
            return None
        try:
            if self.conn is None or self.pid != os.getpid():
                if not os.path.exists(self.path):
                    return None
                self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                                            check_same_thread=False)
                self.pid = os.getpid()
            return self.conn.execute(sql, args).fetchone()
        except sqlite3.Error:
            self.broken = True
            return None

    def rows(self, sql: str, args: tuple) -> dict:
        """{first column: the other columns} of the rows ``sql`` selects ({} when the index
        is missing or broken)."""
        if self.row("SELECT 1", ()) is None:  # (opens the connection in this process)
            return {}
        try:
            return {r[0]: r[1:] for r in self.conn.execute(sql, args)}
        except sqlite3.Error:
            self.broken = True
            return {}

    def one(self, sql: str, args: tuple, content_hash: str) -> bytes | None:
        """The blob of the row ``sql`` selects as (content hash, blob), if its hash matches."""
        row = self.row(sql, args)
        if row is None or row[0] != content_hash or not isinstance(row[1], bytes):
            return None
        return row[1]


def _verdict_source_hash(cls: type) -> str:
    """Hash of the source files a back-end's verdicts and derived word lists depend on:
    the modules defining its class and base classes (backends.py for the built-in ones),
    the partial dictionary reader and text.script, not its whole package (a change to
    S103's reduce keeps them; text.normalize is in ``_normalization_version``)."""
    modules = {c.__module__ for c in cls.__mro__ if c.__module__ != "builtins"}
    # the partial dictionary reader; text.script: ``clean`` of the cached function words
    modules |= {"corpuslint.families.spelling.hunspell_index", "corpuslint.text.script"}
    digest = hashlib.blake2b(digest_size=8)
    for name in sorted(modules):
        try:
            path = getattr(sys.modules.get(name) or importlib.import_module(name), "__file__", None)
        except ImportError:
            path = None
        try:
            with open(path or "", "rb") as fh:
                digest.update(fh.read())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()


# New verdicts a ``VerdictStore`` holds before it writes them (``flush``): a first cached
# run of 100 MB of Arabic text found 148 k, ~30 MB held to the end of its map (~200 bytes
# a word: a tuple, the word, a dict entry) on top of which every reduce ran
VERDICT_FLUSH_WORDS = 10_000


class VerdictStore:
    """Per-word dictionary verdicts of the spelling back-ends, kept in the corpus index
    (table ``verdicts``), so a run whose words were all seen before never reads the
    dictionary (the Arabic one takes ~2 s). Keyed by a back-end key: sha256 of the
    dictionary files, the back-end's class and its modules' source
    (``_verdict_source_hash``), the normaliser version and corpuslint's version. A row whose verdict is not 0/1 is a miss. Lookups go
    through a read-only connection of the calling process; new verdicts are written by
    ``flush`` (the engine calls it after the map of each worker chunk and at the end; ``add``
    every ``VERDICT_FLUSH_WORDS`` new ones)."""

    def __init__(self, cache_dir: str):
        self.cache_dir = cache_dir
        self._reader = _Reader(cache_dir)
        self._keys: dict[int, str] = {}
        self.new: dict[tuple[str, str], int] = {}
        self.new_words: dict[tuple[str, str], str] = {}
        self.hits = 0

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_reader": _Reader(self.cache_dir), "new": {}, "new_words": {}}

    def key(self, backend) -> str:
        k = self._keys.get(id(backend))
        if k is None:
            digest = hashlib.sha256()
            for path in backend.dictionary_files():
                with open(path, "rb") as fh:
                    digest.update(hashlib.sha256(fh.read()).digest())
            cls = type(backend)
            digest.update(f"{__version__}|{cls.__module__}.{cls.__qualname__}|{_verdict_source_hash(cls)}|"
                          f"{_normalization_version()}".encode())
            k = self._keys[id(backend)] = digest.hexdigest()[:32]
        return k

    def get(self, backend, word: str) -> bool | None:
        try:
            key = self.key(backend)
        except Exception:  # no dictionary files to hash (BackendUnavailable, OSError): no cache
            return None
        row = self._reader.row("SELECT known FROM verdicts WHERE backend = ? AND word = ?", (key, word))
        if row is None or not isinstance(row[0], int) or row[0] not in (0, 1):
            return None
        self.hits += 1
        return bool(row[0])

    def add(self, backend, word: str, verdict: bool) -> None:
        try:
            self.new[(self.key(backend), word)] = int(bool(verdict))
        except Exception:
            return
        if len(self.new) >= VERDICT_FLUSH_WORDS:
            self.flush()

    def words(self, backend, name: str) -> list[str] | None:
        """A word list the back-end derived before (``add_words``; e.g. its function
        words as keys), or None. ``name`` must say what the list is made from."""
        try:
            key = self.key(backend)
        except Exception:
            return None
        reader = self._reader
        try:  # not ``reader.row``: an index written before this table existed is no damage
            if reader.conn is None or reader.pid != os.getpid():
                if reader.row("SELECT 1", ()) is None:
                    return None
            row = reader.conn.execute("SELECT words FROM backend_words WHERE backend = ? AND name = ?",
                                      (key, name)).fetchone()
        except sqlite3.Error:
            return None
        if row is None or not isinstance(row[0], str):
            return None
        try:
            words = json.loads(row[0])
        except ValueError:
            return None
        return words if isinstance(words, list) and all(isinstance(w, str) for w in words) else None

    def add_words(self, backend, name: str, words: list[str]) -> None:
        """Keep a derived word list for ``words`` (written by ``flush``)."""
        try:
            self.new_words[(self.key(backend), name)] = json.dumps(words, ensure_ascii=False)
        except Exception:
            pass

    def flush(self) -> None:
        """Write the verdicts found since the last flush (one transaction; a busy or
        broken index only loses them)."""
        if not self.new and not self.new_words:
            return
        rows = [(b, w, v) for (b, w), v in self.new.items()]
        lists = [(b, n, w) for (b, n), w in self.new_words.items()]
        self.new, self.new_words = {}, {}
        try:
            index = CorpusIndex(self.cache_dir, warn=lambda _m: None).open()
        except (IndexUnavailable, OSError):
            return
        try:
            with _immediate(index.conn) as conn:
                conn.executemany("INSERT OR REPLACE INTO verdicts (backend, word, known) VALUES (?, ?, ?)", rows)
                conn.executemany("INSERT OR REPLACE INTO backend_words (backend, name, words) VALUES (?, ?, ?)",
                                 lists)
        except sqlite3.Error:
            pass
        finally:
            index.close()


_VERDICTS: list = [None]


def verdict_cache() -> "VerdictStore | None":
    """The verdict store of the current run (``use_verdicts``), or None."""
    return _VERDICTS[0]


@contextmanager
def use_verdicts(cache_dir: str | None):
    """Attach a ``VerdictStore`` under ``cache_dir`` for the duration of a run (None:
    no store) and flush it at the end; then the index's write-ahead log is emptied
    (``checkpoint``)."""
    store = VerdictStore(cache_dir) if cache_dir is not None else None
    previous = _VERDICTS[0]
    _VERDICTS[0] = store
    try:
        yield store
    finally:
        _VERDICTS[0] = previous
        if store is not None:
            store.flush()
        if cache_dir is not None:
            checkpoint(cache_dir)


def checkpoint(cache_dir: str) -> None:
    """Copy the corpus index's write-ahead log into the database and truncate it to 0 bytes
    (``PRAGMA wal_checkpoint(TRUNCATE)``), when nothing in this or another process is
    reading or writing (else left as it is: no wait). A run's connections outlive its
    writes (readers kept open to the end), so SQLite's own checkpoint on the last close
    seldom came: a cold run over 10 MB of text left a 45 MB log beside an 87 MB index."""
    path = os.path.join(cache_dir, DB_NAME)
    try:
        if os.path.getsize(path + "-wal") == 0:
            return
        conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    except (OSError, sqlite3.Error):
        return
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error:
        pass
    finally:
        conn.close()


class _RecordsCursor:
    """The stored records state of one data file (``[[key suffix, record, state], ...]``,
    ``_checked_records_rows``) read from its row a record at a time (``codec.load_items``
    over a ``sqlite3.Blob``): ``get(suffix)`` gives that record's state, reading on in
    file order (the map's), or ``MISS``. ``users``: the rules sharing the row; a record
    read is kept (``_ahead``) until each has been given it, and records read past
    (another order, another process's share of a parallel map) at most ``AHEAD_MAX``
    at a time (then dropped: a miss, collected again). An invalid item ends the row:
    (file, why) noted in ``bad``, a miss from there on."""

    AHEAD_MAX = 4096

    __slots__ = ("_blob", "_items", "_ahead", "users", "file", "bad")

    def __init__(self, blob, file: str, bad: list) -> None:
        self._blob, self.file, self.bad = blob, file, bad
        self._items = load_items(blob.read)
        self._ahead: dict[str, list] = {}  # key suffix -> [state, rules still to be given it]
        self.users = 1

    def get(self, suffix: str) -> Any:
        got = self._ahead.get(suffix)
        if got is not None:
            got[1] -= 1
            if not got[1]:
                del self._ahead[suffix]
            return got[0]
        while self._items is not None:
            try:
                item = next(self._items)
            except StopIteration:
                self._end()
                break
            except NotAList:
                self._end("not a list of records")
                break
            except CodecError as exc:
                self._end(str(exc))
                break
            except sqlite3.Error:  # (the row changed or went away meanwhile: misses, collected again)
                self._end()
                break
            if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
                    and (item[1] is None or isinstance(item[1], (int, str)))):
                self._end("not a list of records")
                break
            if item[0] == suffix:
                if self.users > 1:
                    self._ahead[suffix] = [item[2], self.users - 1]
                return item[2]
            if len(self._ahead) >= self.AHEAD_MAX:
                self._ahead.clear()
            self._ahead[item[0]] = [item[2], self.users]
        return _MISS

    def _end(self, why: str | None = None) -> None:
        """No more reads of the row (the records read past stay in ``_ahead``)."""
        if why is not None:
            self.bad.append((self.file, why))
        self._items = None
        try:
            self._blob.close()
        except sqlite3.Error:
            pass

    def close(self) -> None:
        self._end()
        self._ahead = {}


class StateReader:
    """Per-document lookups of cached corpus-rule states (``rule key``, content hash),
    so the engine's map step skips ``collect`` for a file whose state is stored."""

    def __init__(self, cache_dir: str, rules: Iterable["CorpusRule"], root: str):
        self.keys = {rule.code: rule_key(rule) for rule in rules}
        self.root = os.path.abspath(root)
        self._reader = _Reader(cache_dir)
        # checked data files whose records the map step has in full (``plan_records``):
        # display -> (absolute path, records hash ``_records_hash``)
        self.record_files: dict[str, tuple[str, str]] = {}
        # checked data files read as streams that may have stored rows, planned when the map
        # reaches them (``plan_stream``): display -> (absolute path, read key)
        self.stream_files: dict[str, tuple[str, str]] = {}
        # display -> {code: its ``_RecordsCursor``}: the stored records states of the files the
        # map step is in (the last ``OPEN_FILES``: a batch may end one file and begin the next),
        # decoded as it asks for them
        self._records: dict[str, dict[str, "_RecordsCursor"]] = {}
        self.bad: list[tuple[str, str]] = []  # (data file, why) of invalid records rows met (``engine.MapResult``)
        # code -> {relative path: content hash} of every stored state of the rule, read in one
        # query once ``has`` has been asked BULK_AFTER times for it (a run over many files: one
        # query a file and rule was ~2 s CPU at 10 k files and 6 rules, most of them misses on a
        # first run); a pre-commit run over a few files asks row by row
        self._hashes: dict[str, dict[str, str]] = {}
        self._asked: dict[str, int] = {}

    BULK_AFTER = 64

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_reader": _Reader(os.path.dirname(self._reader.path)), "_records": {},
                "_hashes": {}, "_asked": {}}

    def plan_records(self, items: Iterable[Any], sources: Iterable[Any], read_key: "Callable | None") -> None:
        """Note the records hash of each checked data file among ``sources`` (files.Source)
        whose record documents are all in ``items`` (the map's plan, in file order; a
        ``engine._RecordStream`` file is read later: noted in ``stream_files`` when it is
        small enough to have stored rows, and planned by ``plan_stream`` when the map
        reaches it): ``record_state`` then serves the states the index stored for those
        records (``_checked_records_rows`` wrote them under this hash), so an unchanged
        data file's records are not collected again. ``read_key``: ``RunContext.read_key``."""
        self.record_files, self.stream_files = {}, {}
        if read_key is None:
            return
        by_display = {src.display: src for src in sources}
        if not by_display:
            return
        groups: dict[str, list] = {}
        for item in items:
            stream = getattr(item, "source", None)
            if isinstance(stream, Source) and hasattr(item, "nbytes"):  # (an ``engine._RecordStream``)
                src = by_display.get(stream.display)
                key = read_key(src) if src is not None and item.nbytes <= CHECKED_ROWS_MAX_BYTES else None
                if key is not None:
                    self.stream_files[stream.display] = (src.path, key)
                continue
            file = getattr(item, "file", None)
            if file is not None and file in by_display and getattr(item, "path", "").startswith(f"{file}#"):
                groups.setdefault(file, []).append(item)
        for display, docs in groups.items():
            src = by_display[display]
            key = read_key(src)
            if key is not None:
                self.record_files[display] = (src.path, _records_hash(key, display, docs))

    def plan_stream(self, display: str, docs: list) -> None:
        """``plan_records`` for the stream of data file ``display`` (noted in
        ``stream_files``) the map has reached, given its records' documents (read whole:
        it is at most ``CHECKED_ROWS_MAX_BYTES``, the largest file that keeps rows)."""
        planned = self.stream_files.pop(display, None)
        if planned is not None:
            path, key = planned
            prefix = f"{display}#"
            self.record_files[display] = (path, _records_hash(key, display, [
                doc for doc in docs if getattr(doc, "file", None) == display and doc.path.startswith(prefix)]))

    def record_state(self, doc: Any, code: str) -> Any:
        """The state the index holds for record document ``doc`` (``RecordDocument``) and
        rule ``code``, or ``MISS``: found only when its file's records are, keys and
        content hashes, those the stored row was written for (``plan_records``). The row
        is decoded a record at a time as the map asks (``_RecordsCursor``), in file order:
        decoded whole, a file's rows were held as a dict of states a rule (100 k generated
        records in 6 files: ~100 MB more than a cold run's map). A row that does not decode
        to a records list is a miss from where it fails (noted in ``bad``)."""
        file = getattr(doc, "file", None)
        entry = self.record_files.get(file) if file is not None else None
        if entry is None:
            return _MISS
        cursors = self._records.get(file)
        if cursors is None:
            while len(self._records) >= self.OPEN_FILES:
                for cursor in self._records.pop(next(iter(self._records))).values():
                    cursor.close()
            cursors = self._records[file] = self._open_records(file, entry)
        cursor = cursors.get(code)
        return _MISS if cursor is None else cursor.get(doc.path[len(file) + 1:])

    OPEN_FILES = 4

    def end_records(self) -> None:
        """The map is over: the rows ``record_state`` reads are closed (an open
        ``sqlite3.Blob`` is a read the index's writes would wait for)."""
        records, self._records = self._records, {}
        for cursors in records.values():
            for cursor in cursors.values():
                cursor.close()

    def _open_records(self, file: str, entry: tuple[str, str]) -> "dict[str, _RecordsCursor]":
        """{code: ``_RecordsCursor``} over the stored rows of data file ``file`` whose
        records hash is the one planned (rules whose rows are equal, the spelling rules',
        share one: they share each record's decoded state, as the map's own are shared)."""
        abspath, h = entry
        rel = printable_name(relative(abspath, self.root))
        if self._reader.row("SELECT 1", ()) is None:  # (opens the connection in this process)
            return {}
        conn = self._reader.conn
        try:
            rows = conn.execute("SELECT rule_key, rowid, content_hash FROM states WHERE path = ?", (rel,)).fetchall()
            same = conn.execute("SELECT a.rule_key, b.rule_key FROM states a JOIN states b ON a.path = b.path "
                                "AND a.rule_key < b.rule_key AND a.state = b.state WHERE a.path = ?",
                                (rel,)).fetchall()
        except sqlite3.Error:
            return {}
        found = {key: rowid for key, rowid, stored in rows if stored == h}
        code_of = {key: code for code, key in self.keys.items()}
        group = {key: key for key in found}  # rule key -> the first rule key whose row is equal
        for a, b in sorted(same):
            if a in group and b in group:
                group[b] = group[a]
        cursors: dict[str, _RecordsCursor] = {}  # first rule key of a group -> its cursor
        out: dict[str, _RecordsCursor] = {}
        for key in sorted(found, key=lambda k: (group[k], k)):
            code = code_of.get(key)
            if code is None:
                continue
            cursor = cursors.get(group[key])
            if cursor is None:
                try:
                    blob = conn.blobopen("states", "state", found[key], readonly=True)
                except sqlite3.Error:
                    continue
                cursor = cursors[group[key]] = _RecordsCursor(blob, file, self.bad)
            else:
                cursor.users += 1
            out[code] = cursor
        return out

    def has(self, path: str, code: str, content_hash: str) -> bool:
        """Does the index hold a state of ``path`` (absolute) for ``code`` at this content?
        (A state read after a True that has gone meanwhile is collected again: ``_collect_one``.)"""
        rel = printable_name(relative(path, self.root))
        hashes = self._hashes.get(code)
        if hashes is None:
            asked = self._asked[code] = self._asked.get(code, 0) + 1
            if asked <= self.BULK_AFTER:
                return self._reader.one("SELECT content_hash, X'' FROM states WHERE path = ? AND rule_key = ?",
                                        (rel, self.keys[code]), content_hash) is not None
            hashes = self._hashes[code] = {p: h for p, (h,) in self._reader.rows(
                "SELECT path, content_hash FROM states WHERE rule_key = ?", (self.keys[code],)).items()}
        return hashes.get(rel) == content_hash

    def state(self, path: str, code: str, content_hash: str) -> Any:
        """The decoded state of ``path`` (absolute) for rule ``code``, or ``MISS``."""
        rel = printable_name(relative(path, self.root))
        blob = self._reader.one("SELECT content_hash, state FROM states WHERE path = ? AND rule_key = ?",
                                (rel, self.keys[code]), content_hash)
        if blob is None:
            return MISS
        try:
            return loads_state(blob)
        except CodecError:
            return MISS


class DocumentFindingsCache:
    """Document-rule results keyed by (display path, content hash, rules key).

    Document rules are pure, so a file whose content did not change since the last run
    with the same rules, options, corpuslint version and rule code gets its findings
    back without running a rule. Failures (locked, corrupt, unwritable cache) only
    cost the speed-up, with one warning."""

    def __init__(self, cache_dir: str, rules: list, *, warn: Callable[[str], None] = _warn,
                 also: Iterable[Any] = ()):
        self.cache_dir = cache_dir
        self.warn = warn
        parts = [__version__, _source_hash("corpuslint.engine"), _source_hash("corpuslint.document")]
        parts += sorted(rule_key(r) for r in rules)
        self.key = hashlib.blake2b("|".join(parts).encode(), digest_size=12).hexdigest()
        self.rules = list(rules) + list(also)  # codes a cached finding may carry (+ engine notes, F008)
        self._by_code = {r.code: r for r in self.rules}  # (made once: ``lookup`` decodes a row per record)
        self._rows: dict[str, tuple[str, bytes]] | None = None
        self._reader: _Reader | None = None
        # (data file, {record key: (content hash, findings blob)}): the rows of the file whose
        # records ``lookup`` is reading (one query a file, not one a record)
        self._file: "tuple[str, dict[str, tuple]] | None" = None
        self.bad: list[str] = []  # invalid entries met by lookup() in this process

    def _index(self) -> "CorpusIndex | None":
        try:
            return CorpusIndex(self.cache_dir, warn=self.warn).open()
        except (IndexUnavailable, OSError) as exc:
            self.warn(f"document findings cache unavailable ({exc}); running without it")
            return None

    def get(self, docs: Iterable["Document"]) -> dict[str, list]:
        index = self._index()
        if index is None:
            return {}
        try:
            rows = index.doc_findings(self.key)
        except sqlite3.Error as exc:
            self.warn(f"document findings cache read failed ({exc}); running without it")
            return {}
        finally:
            index.close()
        hits: dict[str, list] = {}
        bad: list[str] = []
        for doc in docs:
            row = rows.get(doc.path)
            if row is not None and row[0] == doc.content_hash:
                try:
                    hits[doc.path] = decode_findings(row[1], doc, self.rules)
                except CodecError as exc:
                    bad.append(f"{doc.path} ({exc})")
        if bad:
            more = f" and {len(bad) - 1} more" if len(bad) > 1 else ""
            self.warn(f"document findings cache: invalid entry for {bad[0]}{more}; discarded and recomputed")
        return hits

    def lookup(self, doc: "Document") -> list | None:
        """The cached findings of ``doc`` (validated), or None; one indexed read per
        document on a read-only connection of this process (worker processes too)."""
        if self._reader is None:
            self._reader = _Reader(self.cache_dir)
        file = getattr(doc, "file", None)
        if file is not None and doc.path.startswith(f"{file}#"):  # a data file's record: its file's rows at once
            if self._file is None or self._file[0] != file:
                self._file = (file, self._reader.rows(
                    "SELECT path, content_hash, findings FROM doc_findings WHERE path >= ? AND path < ?"
                    " AND rules_key = ?", (f"{file}#", f"{file}$", self.key)))
            row = self._file[1].get(doc.path)
            blob = row[1] if row is not None and row[0] == doc.content_hash and isinstance(row[1], bytes) else None
        else:
            blob = self._reader.one("SELECT content_hash, findings FROM doc_findings WHERE path = ? AND rules_key = ?",
                                    (doc.path, self.key), doc.content_hash)
        if blob is None:
            return None
        try:
            return decode_findings(blob, doc, self._by_code)
        except CodecError as exc:
            self.bad.append(f"{doc.path} ({exc})")  # reported once per run (``report_bad``)
            return None

    def report_bad(self, bad: list[str]) -> None:
        """One warning for the invalid entries ``lookup`` met (in any process)."""
        if bad:
            more = f" and {len(bad) - 1} more" if len(bad) > 1 else ""
            self.warn(f"document findings cache: invalid entry for {bad[0]}{more}; discarded and recomputed")

    def encode(self, doc: "Document", found: list) -> tuple[str, str, str, bytes] | None:
        """The row ``put_rows`` stores for ``doc``'s findings (None if not storable)."""
        try:
            return (doc.path, doc.content_hash, self.key, encode_findings(found, doc))
        except CodecError:
            return None

    def put_rows(self, rows: list[tuple[str, str, str, bytes]]) -> None:
        """Store rows made by ``encode`` in one transaction."""
        if not rows:
            return
        index = self._index()
        if index is None:
            return
        try:
            index.write_doc_findings(rows)
        except sqlite3.Error as exc:
            self.warn(f"document findings cache write failed ({exc}); results not cached")
        finally:
            index.close()

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_reader": None, "_file": None}

    def put(self, results: Iterable[tuple["Document", list]]) -> None:
        """Store each (document, findings); findings the codec cannot store (e.g. a
        plugin's values) are left uncached."""
        self.put_rows([row for d, found in results if (row := self.encode(d, found)) is not None])


class RegionCache:
    """Region tables (``Document.regions`` of a plain file: sorted, non-overlapping
    ``structure.Region`` spans in characters, with their kinds) keyed by (display path,
    content hash, ``key``): the regions a corpus rule's findings were filtered by
    (``engine.Linter._reduce_rule``, ``store.DocumentStore.outside``), kept so a warm
    run filters a reduce's findings without reading and parsing the documents again
    (fresh25's warm run with nothing changed: 8.1 s of 10.1 s CPU rebuilding the
    regions of 847 documents). ``key`` hashes the corpuslint version, the source of the
    modules regions come from (the package's top level, ``text``, ``readers``) and the
    versions of the parsers they use. A row is data only (``codec``), validated on load
    (``decode_regions``); one that fails is a miss (the regions are computed again).
    Failures (locked, corrupt, unwritable cache) only cost the speed-up."""

    PARSERS = ("regex", "markdown-it-py", "mdit-py-plugins", "docutils", "pylatexenc")

    def __init__(self, cache_dir: str, *, warn: Callable[[str], None] = _warn):
        self.cache_dir = cache_dir
        self.warn = warn
        self._key: str | None = None
        self._reader: _Reader | None = None
        self.bad: list[str] = []  # invalid rows met by ``get`` (reported once, by ``put``)

    @property
    def key(self) -> str:
        if self._key is None:
            from importlib import metadata

            parts = [__version__]
            for module in ("corpuslint.structure", "corpuslint.text", "corpuslint.readers"):
                importlib.import_module(module)  # (``_source_hash`` reads the source of imported modules)
                parts.append(_source_hash(module))
            for dist in self.PARSERS:
                try:
                    parts.append(f"{dist}={metadata.version(dist)}")
                except metadata.PackageNotFoundError:
                    parts.append(f"{dist}=-")
            self._key = hashlib.blake2b("|".join(parts).encode(), digest_size=12).hexdigest()
        return self._key

    def get(self, path: str, content_hash: str, nbytes: int) -> "tuple | None":
        """The regions stored for the file ``path`` (display path) at ``content_hash``, as
        a tuple of ``structure.Region``, or None (not stored, or invalid: see
        ``decode_regions``; ``nbytes``, the file's size in UTF-8 bytes, bounds the spans)."""
        if self._reader is None:
            self._reader = _Reader(self.cache_dir)
        blob = self._reader.one("SELECT content_hash, regions FROM doc_regions WHERE path = ? AND regions_key = ?",
                                (path, self.key), content_hash)
        if blob is None:
            return None
        try:
            return decode_regions(blob, content_hash, nbytes)
        except CodecError as exc:
            self.bad.append(f"{path} ({exc})")
            return None

    def put(self, rows: Iterable[tuple[str, str, Any]]) -> None:
        """Store (display path, content hash, regions) rows in one transaction (a table the
        codec cannot store, e.g. a plugin's region kind, is left out); first, one warning
        for the invalid rows ``get`` met."""
        if self.bad:
            more = f" and {len(self.bad) - 1} more" if len(self.bad) > 1 else ""
            self.warn(f"region cache: invalid entry for {self.bad[0]}{more}; discarded and recomputed")
            self.bad = []
        encoded = []
        for path, h, regions in rows:
            try:
                encoded.append((path, h, self.key, encode_regions(regions, h)))
            except CodecError:
                pass
        if not encoded:
            return
        try:
            index = CorpusIndex(self.cache_dir, warn=self.warn).open()
        except (IndexUnavailable, OSError) as exc:
            self.warn(f"region cache unavailable ({exc}); regions not cached")
            return
        try:
            with _immediate(index.conn) as conn:
                conn.executemany("INSERT OR REPLACE INTO doc_regions (path, content_hash, regions_key, regions)"
                                 " VALUES (?, ?, ?, ?)", encoded)
        except sqlite3.Error as exc:
            self.warn(f"region cache write failed ({exc}); regions not cached")
        finally:
            index.close()

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_reader": None}


def _region_kinds() -> tuple[str, ...]:
    from .structure import ALL_REGIONS

    return tuple(sorted(ALL_REGIONS))


def encode_regions(regions: Iterable[Any], content_hash: str) -> bytes:
    """A region table as data: [content hash, starts, ends, kind numbers (into the sorted
    region kinds), aligned flags], the four as little-endian numpy arrays. Raises
    ``CodecError`` for a kind that is not one of ``structure.ALL_REGIONS``."""
    number = {kind: i for i, kind in enumerate(_region_kinds())}
    regions = list(regions)
    if any(r.kind not in number for r in regions):
        raise CodecError("region of an unknown kind")
    return dumps([content_hash,
                  np.fromiter((r.start for r in regions), dtype="<i8", count=len(regions)),
                  np.fromiter((r.end for r in regions), dtype="<i8", count=len(regions)),
                  np.fromiter((number[r.kind] for r in regions), dtype="u1", count=len(regions)),
                  np.fromiter((r.aligned for r in regions), dtype="u1", count=len(regions))])


def decode_regions(blob: bytes, content_hash: str, nbytes: int) -> tuple:
    """The ``structure.Region`` tuple ``encode_regions`` stored, checked: the content hash
    it was made for, four arrays of one length, spans inside the document (a character
    offset is at most its UTF-8 byte count ``nbytes``), sorted and non-overlapping, known
    kinds, 0/1 flags. Raises ``CodecError`` otherwise."""
    from .structure import Region

    data = loads(blob)
    if not (isinstance(data, list) and len(data) == 5 and data[0] == content_hash):
        raise CodecError("not a region table of this content")
    starts, ends, kinds, aligned = data[1:]
    if not all(isinstance(a, np.ndarray) and a.ndim == 1 for a in (starts, ends, kinds, aligned)):
        raise CodecError("region table: not four arrays")
    n = len(starts)
    names = _region_kinds()
    if (len(ends) != n or len(kinds) != n or len(aligned) != n or starts.dtype.kind not in "iu"
            or ends.dtype.kind not in "iu" or kinds.dtype.kind not in "iu" or aligned.dtype.kind not in "iub"):
        raise CodecError("region table: arrays of other lengths or types")
    if n and (starts.min() < 0 or ends.max() > nbytes or (ends < starts).any() or (starts[1:] < ends[:-1]).any()
              or kinds.min() < 0 or kinds.max() >= len(names) or aligned.min() < 0 or aligned.max() > 1):
        raise CodecError("region table: spans out of order or out of the document, or unknown kinds")
    return tuple(Region(s, e, names[k], bool(a))
                 for s, e, k, a in zip(starts.tolist(), ends.tolist(), kinds.tolist(), aligned.tolist()))


# -- cached findings: encoded as plain data, validated against the document on load --

_EDIT_DIGEST = 8


def _slice_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=_EDIT_DIGEST).digest()


def encode_findings(found: list, doc: "Document") -> bytes:
    """Findings of one document as msgpack data. Each fix edit carries a digest of the
    text it replaces, so a shifted offset is caught on load."""
    rows = []
    for f in found:
        fix = None
        if f.fix is not None:
            fix = [f.fix.applicability.value,
                   [[e.start, e.end, e.replacement, _slice_digest(doc.text[e.start:e.end])] for e in f.fix.edits]]
            if f.fix.independent:
                fix.append(True)
        rows.append([f.code, f.severity.value, f.message, f.start, f.end, f.line, f.column, f.end_line,
                     f.end_column, fix, [[r.path, r.line, r.column, r.record] for r in f.related]])
    return dumps([doc.content_hash, rows])


def _int(value: Any, low: int, high: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise CodecError(f"{what} {value!r} out of range [{low}, {high}]")
    return value


def _str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise CodecError(f"{what} is not a string")
    return value


def decode_findings(blob: bytes, doc: "Document", rules: "Iterable[Any] | Mapping[str, Any]") -> list:
    """Findings decoded from ``blob`` and checked against ``doc`` and the active rules
    (or a dict code -> rule of them); raises ``CodecError`` if anything does not fit (the
    whole entry is then discarded)."""
    data = loads(blob)
    if not (isinstance(data, list) and len(data) == 2 and isinstance(data[1], list)):
        raise CodecError("not a findings entry")
    if data[0] != doc.content_hash:
        raise CodecError("content hash does not match the document")
    if not data[1]:  # (most documents, and most records of a dataset: nothing more to check)
        return []
    from .findings import Applicability, Edit, Finding, Fix, Location, Severity

    by_code = rules if isinstance(rules, Mapping) else {r.code: r for r in rules}
    n = len(doc.text)
    big = 1 << 40  # (line and column: the equality with doc.place below is the check)
    where = doc.location(0)  # a dataset record's findings name its data file and the record
    out = []
    for row in data[1]:
        if not (isinstance(row, list) and len(row) == 11):
            raise CodecError("bad finding row")
        code, sev, message, start, end, line, column, end_line, end_column, fix, related = row
        rule = by_code.get(code)
        if rule is None:
            raise CodecError(f"finding of inactive rule {code!r}")
        try:
            severity = Severity(sev)
        except ValueError:
            raise CodecError(f"bad severity {sev!r}") from None
        start, end = _int(start, 0, n, "start"), _int(end, start, n, "end")
        if (_int(line, 1, big, "line"), _int(column, 1, big, "column")) != doc.place(start) or (
                _int(end_line, 1, big, "end line"), _int(end_column, 1, big, "end column")) != doc.place(end):
            # rules that build findings with doc.finding() always match; anything else is not trusted
            raise CodecError(f"{code}: line/column do not match offset {start}")
        fx = None
        if fix is not None:
            if not (isinstance(fix, list) and (len(fix) == 2 or len(fix) == 3 and fix[2] is True)
                    and isinstance(fix[1], list)):
                raise CodecError("bad fix")
            try:
                applicability = Applicability(fix[0])
            except ValueError:
                raise CodecError(f"bad applicability {fix[0]!r}") from None
            edits = []
            for e in fix[1]:
                if not (isinstance(e, list) and len(e) == 4):
                    raise CodecError("bad edit")
                es = _int(e[0], 0, n, "edit start")
                ee = _int(e[1], es, n, "edit end")
                if e[3] != _slice_digest(doc.text[es:ee]):
                    raise CodecError(f"{code}: edit at {es}-{ee} does not match the text it replaces")
                edits.append(Edit(es, ee, _str(e[2], "replacement")))
            fx = Fix(tuple(edits), applicability, len(fix) == 3)
        if not isinstance(related, list):
            raise CodecError("bad related list")
        rel = []
        for r in related:
            if not (isinstance(r, list) and len(r) == 4 and (r[3] is None or isinstance(r[3], (int, str)))):
                raise CodecError("bad related location")
            rel.append(Location(_str(r[0], "related path"), _int(r[1], 1, 2**62, "related line"),
                                _int(r[2], 1, 2**62, "related column"), r[3]))
        out.append(Finding(code=code, rule=rule.name, family=rule.family, severity=severity,
                           message=_str(message, "message"), path=where.path, record=where.record,
                           start=start, end=end, line=line,
                           column=column, end_line=end_line, end_column=end_column, fix=fx, related=tuple(rel)))
    return out


_unsafe_dirs_warned: set[str] = set()


def cache_dir_for(ctx) -> str | None:
    """The cache folder, or None (no cache, one warning) when it resolves, through
    symlinks, outside both the project root and the user's cache folder."""
    from .config import user_cache_dir

    cache_dir = getattr(getattr(ctx, "config", None), "cache_dir", None) or ".corpuslint_cache"
    path = cache_dir if os.path.isabs(cache_dir) else os.path.join(ctx.root, cache_dir)
    real = os.path.realpath(path)
    for allowed in (os.path.realpath(ctx.root), os.path.realpath(user_cache_dir())):
        if real == allowed or real.startswith(allowed.rstrip(os.sep) + os.sep):
            return path
    if real not in _unsafe_dirs_warned:
        _unsafe_dirs_warned.add(real)
        _warn(f"cache folder {path} resolves to {real}, outside the project root; running without the cache")
    return None


def collect_states(rules: list["CorpusRule"], target_docs: dict[str, "Document"], ctx) -> dict[str, dict[str, Any]]:
    """``{rule code: {display path: state}}`` over every corpus file under ``ctx.root``.

    Targets (the checked documents, already loaded) are always collected from memory
    or matched against the cache by content hash; every other discovered file comes
    from the index when its content is unchanged and is read + collected otherwise.
    """
    out: dict[str, dict[str, Any]] = {rule.code: {} for rule in rules}
    if not rules:
        return out
    try:
        sources = list(ctx.discover())
    except OSError as exc:
        _warn(f"cannot list the corpus under {ctx.root}: {exc}; cross-file rules see only the checked files")
        sources = []
    root = os.path.abspath(ctx.root)
    # display path -> (relative key, absolute path); targets that are not corpus files stay uncached
    corpus: dict[str, tuple[str, str]] = {}
    walked: dict[str, tuple[int, int]] = {}  # display path -> (size, mtime_ns) the walk saw
    read_key = getattr(ctx, "read_key", None)
    read_keys: dict[str, str] = {}  # display path -> ``RunContext.read_key`` of a file a reader claims
    prefix = root.rstrip(os.sep) + os.sep
    for src in sources:
        if getattr(src, "problem", None) is not None:
            continue  # never opened (FIFO, device, link outside the root, unreadable folder)
        path = src.path  # absolute and normalised (files.discover): under the root, its tail is the key
        rel = printable_name(path[len(prefix):] if path.startswith(prefix) and len(path) > len(prefix)
                             else relative(path, root))
        if src.display not in corpus:
            corpus[src.display] = (rel, path)
            seen = getattr(src, "stat", None)
            if seen is not None:
                walked[src.display] = seen
            claimed = read_key(src) if read_key is not None and src.display not in target_docs else None
            if claimed is not None:
                read_keys[src.display] = claimed
    # the checked files a reader claims (their records are targets): kept in the index for the
    # next run that checks other files (a pre-commit run of one file read every other one again)
    checked: list[tuple[str, str, str, tuple[int, int], str]] = []  # (display, rel, path, stat, read key)
    for src, seen in getattr(ctx, "checked_claimed", ()) if read_key is not None else ():
        path = src.path
        if src.display in corpus or not (path.startswith(prefix) and len(path) > len(prefix)):
            continue
        claimed = read_key(src)
        if claimed is not None:
            checked.append((src.display, printable_name(path[len(prefix):]), path, seen, claimed))

    index: CorpusIndex | None = None
    cache_dir = cache_dir_for(ctx) if ctx.use_cache and (corpus or checked) else None
    if cache_dir is not None:
        try:
            index = CorpusIndex(cache_dir).open()
        except IndexUnavailable as exc:
            _warn(str(exc))
            index = None
        except OSError as exc:
            _warn(f"cannot use the corpus index in {cache_dir}: {exc}; running without it")
            index = None
    try:
        return _collect(rules, target_docs, ctx, corpus, index, out, walked, read_keys, checked)
    finally:
        if index is not None:
            index.close()


def _collect(rules, target_docs, ctx, corpus, index, out, walked=None, read_keys=None, checked=()):
    keys = {rule.code: rule_key(rule) for rule in rules}
    read_keys = read_keys or {}
    # rules with an aggregate (corpuslint/aggregates.py): cached states stay on disk,
    # decoded only when the reduce asks (not with --no-cache, nor for files outside the corpus)
    lazy_codes = set()
    if index is not None and all(d in corpus for d in target_docs):
        lazy_codes = {r.code for r in rules if getattr(r, "aggregate", None) is not None}
    try:
        known_files = index.files() if index is not None else {}
        checked_rels = frozenset(c[1] for c in checked)  # (their rows' hashes only: their states are the map's)
        cached = {rule.code: index.state_hashes(keys[rule.code]) if rule.code in lazy_codes
                  else index.states(keys[rule.code], checked_rels) for rule in rules} if index is not None else {}
    except sqlite3.Error as exc:
        _warn(f"corpus index read failed ({exc}); running without it")
        index, known_files, cached, lazy_codes = None, {}, {}, set()
    lazy: dict[str, dict[str, tuple[str, str]]] = {code: {} for code in lazy_codes}  # display -> (rel, hash)

    file_rows: list[tuple[str, int, int, str]] = []
    state_rows: list[tuple[str, str, str, str, "bytes | _Unencoded"]] = []

    walked = walked or {}
    # (display, rel, hash) of the files whose cached states may serve: unchanged on disk
    # since they were recorded, or checked (targets, hashed already)
    known: list[tuple[str, str, str]] = []
    changed: set[str] = set()  # display paths that need reading and/or collect()
    for display, (rel, abspath) in corpus.items():
        st = walked.get(display) if display not in target_docs else None
        if st is None:
            try:
                full = os.stat(abspath)
                st = (full.st_size, full.st_mtime_ns)
            except OSError:
                if display not in target_docs:
                    continue
        row = known_files.get(rel)
        if display in target_docs:
            h = target_docs[display].content_hash
            if index is not None and st is not None and _matches_disk(target_docs[display], st[0]):
                if row != (st[0], st[1], h):
                    file_rows.append((rel, st[0], st[1], h))
        elif row is not None and row[0] == st[0] and row[1] == st[1] and (
                not _is_records(row[2]) or row[2].startswith(f"{_RECORDS}{read_keys.get(display)}:")):
            h = row[2]  # (a claimed file's records read with other reader settings: read again)
        else:
            changed.add(display)  # unknown or changed on disk: read, hash, maybe collect
            continue
        known.append((display, rel, h))
    hashes = getattr(ctx, "file_hashes", None)  # (``baseline.Settled``: which files changed since the baseline)
    if hashes is not None:
        hashes.update((display, h) for display, _, h in known)
    # a file serves from the cache when every rule has its state: the rules with an
    # aggregate need the stored hash only (their states stay on disk), compared for all
    # files at once (a dict's items contain another's in C; per file only on a miss)
    rel_hash = {rel: h for _, rel, h in known}
    for code in sorted(lazy_codes):
        stored_hashes = cached.get(code, {})
        if len(rel_hash) != len(known) or not rel_hash.items() <= stored_hashes.items():
            changed.update(d for d, rel, h in known if stored_hashes.get(rel) != h)
    per_rule = [(rule.code, cached.get(rule.code, {})) for rule in rules if rule.code not in lazy_codes]
    where: dict[str, tuple[str, str]] = {}  # display -> (rel, hash) of the lazy states
    beyond = getattr(ctx, "beyond", None)
    for display, rel, h in known:
        if display in changed:
            continue
        if _is_records(h):  # a claimed file's records: every rule's states, from its one row a rule
            got = _records_states(index, rules, keys, cached, lazy_codes, rel, h, display)
            if got is None:
                changed.add(display)
            else:
                for code, state in got.items():
                    _expand(out[code], display, state, beyond)
            continue
        for code, stored_states in per_rule:
            state = _decode_state(stored_states.get(rel), h, display)
            if state is _MISS:
                for c, _ in per_rule:
                    out[c].pop(display, None)
                changed.add(display)
                break
            out[code][display] = state
        else:
            where[display] = (rel, h)
    for code in lazy_codes:
        lazy[code].update(where)
    work = [d for d in corpus if d in changed] if changed else []  # in corpus order

    by_columns = getattr(target_docs, "rule_states", None)  # engine.MappedTable: the map's references by columns
    inside = [d for d in target_docs if d in corpus] if by_columns is not None else []
    columns = ({rule.code: by_columns(rule.code, inside) for rule in rules}
               if by_columns is not None and not any(out.values()) else {})
    if columns and all(refs is not None for refs in columns.values()):
        # every rule's states of the checked documents outside the corpus, in their order, as
        # one column a rule over the table's shared keys (no dict entry or reference object a record)
        out.update(columns)
    else:
        for display, doc in target_docs.items():
            if display not in corpus:  # a checked file outside the corpus: never cached
                for rule in rules:
                    out[rule.code][display] = _collect_one(rule, doc)
    del columns

    global _WORK
    _WORK = (rules, cached, target_docs, ctx, corpus, lazy_codes, read_keys)
    try:
        results = _run_work(work, _jobs(ctx))
    finally:
        _WORK = None
    stored: dict[str, dict[str, str]] = {code: {} for code in lazy_codes}  # display -> hash of the row written now
    for display, result in zip(work, results):
        if result is None:
            continue
        rel = corpus[display][0]
        h, stat, states = result
        if hashes is not None:
            hashes[display] = h
        if stat is not None and index is not None and known_files.get(rel) != (stat[0], stat[1], h):
            file_rows.append((rel, stat[0], stat[1], h))
        if _is_records(h):  # a claimed file's records: one row a rule, their states in memory
            for code, (state, blob) in states.items():
                _expand(out[code], display, state, beyond)
                if blob is not None and index is not None:
                    state_rows.append((rel, keys[code], code, h, blob))
            continue
        for code, (state, blob) in states.items():
            if isinstance(blob, str) and blob == _LAZY:  # touched, unchanged: its cached state stays on disk
                # (compared by value: a worker process sends it back pickled)
                lazy[code][display] = (rel, h)
                continue
            out[code][display] = state
            if blob is not None and index is not None:
                state_rows.append((rel, keys[code], code, h, blob))
                if code in lazy_codes:
                    stored[code][display] = h
    del results  # (the states stay in ``out``; their blobs in ``state_rows`` until written)

    warned = [bool(_bad_states)]  # invalid states are reported once per run (also those read lazily)
    if _bad_states:
        more = f" and {len(_bad_states) - 1} more" if len(_bad_states) > 1 else ""
        _warn(f"corpus index: invalid state for {_bad_states[0]}{more}; discarded and recomputed")
        _bad_states.clear()
    written = True
    old: dict[str, dict[str, tuple[str, Any]]] = {}
    if index is not None:
        present = {rel for rel, _ in corpus.values()} | {c[1] for c in checked}
        # (a data file's row stays while the file is there: data files are not corpus files, and
        # a run that checks others keeps the rows the next check of it reads, ``StateReader.record_state``)
        gone = [rel for rel, row in known_files.items() if rel not in present and not (
            _is_records(row[2]) and os.path.isfile(os.path.join(os.path.abspath(ctx.root), rel)))]
        per_file = _checked_records_rows(rules, keys, target_docs, checked, known_files, cached, lazy_codes,
                                         getattr(ctx, "record_of", lambda key: None),
                                         getattr(ctx, "records_bad", ()))
        first = next(per_file, None)  # (the first state row: the others are made as they are written)
        if first is not None:
            state_rows.extend(first[1])
        old = _previous_states(index, rules, keys, lazy_codes, cached, state_rows, gone)
        if file_rows or state_rows or gone:
            written = False
            try:
                unencoded: list[tuple[str, str]] = []
                index.write(file_rows, _encoded_rows(state_rows, getattr(target_docs, "decoded", None), unencoded),
                            gone, current=sorted(keys.items()) if state_rows else ())
                state_rows.clear()
                for code, display in unencoded:  # (recomputed next run: not stored)
                    stored.get(code, {}).pop(display, None)
                for file_row, rows in per_file:  # one row at a time, what it replaces read before it is written
                    for code, replaced in _previous_states(index, rules, keys, lazy_codes, cached, rows, ()).items():
                        old.setdefault(code, {}).update(replaced)
                    index.write([file_row] if file_row is not None else [], rows)
                    del rows
                written = True
            except sqlite3.OperationalError as exc:
                what = "busy" if _is_locked(exc) else "write failed"
                _warn(f"corpus index {what} ({exc}); this run's results were not cached")
            except sqlite3.Error as exc:
                _warn(f"corpus index write failed ({exc}); this run's results were not cached")
        state_rows.clear()  # every state's encoded copy: not held while the aggregates are filled
    names = _Names(corpus)
    for rule in rules:
        if rule.code in lazy_codes:
            out[rule.code] = _lazy_states(rule, keys[rule.code], index if written else None, index.cache_dir,
                                          out[rule.code], lazy[rule.code], stored[rule.code], corpus, ctx,
                                          old.get(rule.code, {}), warned, names, getattr(target_docs, "decoded", None),
                                          getattr(target_docs, "spill", None))
    return out


class _Names:
    """The corpus's index paths as the aggregates need them, computed once for all rules:
    ``display_of`` (index path -> display path) and ``same`` (every display path is its
    index path)."""

    def __init__(self, corpus: dict[str, tuple[str, str]]):
        self._corpus = corpus
        self._display_of: dict[str, str] | None = None
        self._same: bool | None = None

    @property
    def display_of(self) -> dict[str, str]:
        if self._display_of is None:
            self._display_of = {rel: d for d, (rel, _) in self._corpus.items()}
        return self._display_of

    @property
    def same(self) -> bool:
        if self._same is None:
            self._same = all(d == rel for d, (rel, _) in self._corpus.items())
        return self._same


_LAZY = "corpuslint-lazy-state"  # a work item's cached state left on disk (rules with an aggregate)


class _Unencoded:
    """A state row's state not encoded yet: a checked document's state (the map's, or its
    reference in the map's spill) is encoded when its row is written (``_encoded_rows``),
    so a first run does not hold every state's encoding (at 10 MB, ~30 MB)."""

    __slots__ = ("state", "display")

    def __init__(self, state: Any, display: str):
        self.state, self.display = state, display


def _encoded_rows(rows: list, decoded: "Callable[[list], list] | None", unencoded: list):
    """``rows`` (path, rule key, code, hash, blob) with each ``_Unencoded`` blob encoded
    as the row is taken (``decoded``: ``engine.MappedTable.decoded``, reads a spilled
    state back); a state shared by rules (S101 and S103) is encoded once. A state the
    codec does not store is left out and its (code, display) appended to ``unencoded``."""
    memo: dict[int, bytes | None] = {}
    last = None
    for rel, key, code, h, blob in rows:
        if type(blob) is _Unencoded:
            if rel != last:
                last, memo = rel, {}
            if id(blob.state) not in memo:
                memo[id(blob.state)] = dumps_state(blob.state if decoded is None else decoded([blob.state])[0])
            encoded = memo[id(blob.state)]
            if encoded is None:
                unencoded.append((code, blob.display))
                continue
            blob = encoded
        yield rel, key, code, h, blob


def _previous_states(index, rules, keys, lazy_codes, cached, state_rows, gone) -> dict:
    """{code: {path: (content hash, state)}}: the stored states this run replaces or
    removes, for the rules with a table aggregate (which subtract them), read before
    the write."""
    from .aggregates import TableAggregate

    codes = {r.code for r in rules if r.code in lazy_codes and isinstance(r.aggregate, TableAggregate)}
    out: dict[str, dict[str, tuple[str, Any]]] = {code: {} for code in codes}
    if not codes:
        return out
    for code in codes:
        paths = [rel for rel, k, c, _h, _b in state_rows if c == code and rel in cached.get(code, {})]
        paths += [rel for rel in gone if rel in cached.get(code, {})]
        for rel in paths:
            try:
                row = index.conn.execute("SELECT content_hash, state FROM states WHERE path = ? AND rule_key = ?",
                                         (rel, keys[code])).fetchone()
            except sqlite3.Error:
                continue
            if row is not None:
                state = _decode_state(row, row[0], rel)
                if state is not _MISS:
                    out[code][rel] = (row[0], state)
    _bad_states.clear()  # (reported when the reduce reads them, if it does)
    return out


def _lazy_states(rule, key, index, cache_dir, ready, lazy, stored, corpus, ctx, old=None, warned=None, names=None,
                 decoded=None, spill=None):
    """``aggregates.LazyStates`` of one rule: ``ready`` states in memory (or the map's
    ``store.Spilled`` references to them, read back with ``decoded``:
    ``engine.MappedTable.decoded``), ``lazy`` ones (display -> (rel, hash)) decoded on
    access (a reduce reading them all: through ``spill``, see ``LazyStates``). With
    ``index`` (written this run) and every ready state stored (``stored``: display ->
    content hash), the rule's aggregate is brought up to date and given as
    ``aggregates``."""
    from .aggregates import AggregateView, LazyStates, TableAggregate

    names = names or _Names(corpus)
    reader = _Reader(cache_dir)
    where = dict(lazy)

    def load(display: str):
        rel, h = where[display]
        blob = reader.one("SELECT content_hash, state FROM states WHERE path = ? AND rule_key = ?", (rel, key), h)
        if blob is not None:
            try:
                return loads_state(blob)
            except CodecError as exc:
                if warned is None or not warned[0]:
                    _warn(f"corpus index: invalid state for {display} ({exc}); discarded and recomputed "
                          f"(with any other invalid state this run)")
                    if warned is not None:
                        warned[0] = True
        doc = _load(ctx, display, corpus[display][1])  # the row went away or is damaged: read the file again
        return None if doc is None else _collect_one(rule, doc)

    view = None
    if index is not None and all(d in stored for d in ready):
        entries = {rel: h for rel, h in lazy.values()}
        entries.update((corpus[d][0], h) for d, h in stored.items())
        fresh = {corpus[d][0]: state for d, state in ready.items()}
        table = None
        try:
            if isinstance(rule.aggregate, TableAggregate):
                # a table names documents by path: only where display paths are the index's
                got = index.sync_table(rule, key, entries, fresh, old or {}, decoded) if names.same else None
                agg_id, table = got if got is not None else (None, None)
            else:
                agg_id = index.sync_aggregate(rule, key, entries, fresh, decoded)
        except sqlite3.Error as exc:
            _warn(f"corpus index: aggregate of {rule.code} not updated ({exc}); its reduce reads every state")
            agg_id = None
        trim_heap()  # (the sync's temporaries, freed into the C heap: given back before the next one's)
        _bad_states.clear()  # an invalid state met here is reported when the reduce reads it
        if agg_id is not None:
            path = index.path
            view = AggregateView(lambda: sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S),
                                 agg_id, names.display_of, len(ready) + len(lazy), table)
    return LazyStates(ready, lazy, load, view, decoded, keep=not getattr(rule, "lazy_states", False), spill=spill,
                      group=rule.code)



_POSTING_CHUNK = 1024  # documents whose postings are computed at once in sync_aggregate (at most)
_TABLE_CHUNK = 256  # documents whose states are added to a table aggregate at once, when it is built whole


_POSTING_RUN = 1 << 18  # postings sorted together in ``sync_aggregate`` (a run: ~16 bytes each, held)
_POSTING_PART = 1 << 18  # postings merged together from the runs (a key range: 32 bytes each, then written)


def _narrow(values: np.ndarray) -> np.ndarray:
    """``values`` (int64) as int32 when they fit (an LSH band's paragraph number), else as is."""
    if len(values) and (values.min() < -(1 << 31) or values.max() >= 1 << 31):
        return values
    return values.astype(np.int32)


class _PostingRun:
    """The postings of consecutive new documents (``rows``: each one's (kind, key, value)
    int64 array, ``aggregates.posting_rows``), the first of them document id ``first``,
    sorted by (kind, key, doc) and held as narrow columns: ``kind`` and ``value`` int32 when
    they fit, ``doc`` the document's place in the run (uint16 or int32), ``key`` int64."""

    def __init__(self, rows: list[np.ndarray], first: int):
        counts = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        table = np.concatenate(rows) if len(rows) > 1 else rows[0] if rows else np.zeros((0, 3), np.int64)
        doc = np.repeat(np.arange(len(rows), dtype=np.uint16 if len(rows) <= 1 << 16 else np.int32), counts)
        order = np.lexsort((doc, table[:, 1], table[:, 0]))
        self.first, self.n = first, len(order)
        self.kind, self.key = _narrow(table[order, 0]), table[order, 1]
        self.doc, self.value = doc[order], _narrow(table[order, 2])
        self._file: "tuple[Any, dict[str, tuple[int, np.dtype]]] | None" = None  # (file, column -> (offset, dtype))
        self._sample: np.ndarray | None = None
        self._step = 1

    def spill(self, fh) -> None:
        """Append the run's columns to the file ``fh`` (8-byte aligned) and drop them from
        memory; ``read`` reads them back from it."""
        where = {}
        for name in ("kind", "key", "doc", "value"):
            column = getattr(self, name)
            at = fh.seek(0, os.SEEK_END)
            if at % 8:
                fh.write(bytes(8 - at % 8))
                at += 8 - at % 8
            fh.write(memoryview(np.ascontiguousarray(column)).cast("B"))
            where[name] = (at, column.dtype)
            setattr(self, name, None)
        self._file = (fh, where)

    def read(self, name: str, lo: int, hi: int) -> np.ndarray:
        """Column ``name``'s values ``lo:hi`` (read-only), read from the file with
        ``os.pread`` once the run is spilled. Not through a mapping of the file: the kernel
        maps the cached pages ~64 KB around each page touched (fault-around), so the
        merge's strided sample of every run mapped ~all of the key and kind columns (a
        100 MB first run's peak: +100 MB for a moment) and each key range a piece of
        every run's every column. Only after ``spill``."""
        if self._file is None:
            raise ValueError("posting run read before it was spilled")
        fh, where = self._file
        at, dtype = where[name]
        return np.frombuffer(read_exactly(fh, at + lo * dtype.itemsize, (hi - lo) * dtype.itemsize), dtype=dtype)

    def sample(self, step: int) -> np.ndarray:
        """Every ``step``-th posting's (kind, key), from the first: int64, shape (m, 2);
        kept for ``cut``."""
        at = range(0, self.n, step)
        self._sample = np.array([(int(self.read("kind", i, i + 1)[0]), int(self.read("key", i, i + 1)[0]))
                                 for i in at], dtype=np.int64).reshape(-1, 2)
        self._step = step
        return self._sample

    def cut(self, kind: int, key: int) -> int:
        """The place of the first posting at or after (kind, key) in this run's order: the
        sample (``sample``) narrows it to ``step`` postings, read from the file."""
        lo, hi = 0, self.n
        sample = self._sample
        if sample is not None:
            j = _first_at_or_after(sample[:, 0], sample[:, 1], kind, key)
            if j == 0:
                return 0
            lo, hi = (j - 1) * self._step, min(self.n, j * self._step)
        return lo + _first_at_or_after(self.read("kind", lo, hi), self.read("key", lo, hi), kind, key)


def _first_at_or_after(kinds: np.ndarray, keys: np.ndarray, kind: int, key: int) -> int:
    """The place of the first (kind, key) pair at or after ``(kind, key)`` in the pairs of
    ``kinds`` and ``keys``, sorted by kind then key."""
    lo, hi = np.searchsorted(kinds, kind, "left"), np.searchsorted(kinds, kind, "right")
    return int(lo + np.searchsorted(keys[lo:hi], key, "left"))


class _RunFile:
    """The sorted ``_PostingRun``s of one ``sync_aggregate``, their columns written to an
    unnamed temporary file as each is made and read back by the merge with ``os.pread``
    (``_PostingRun.read``), and the documents' encoded key lists (``put``, ``get``): held in
    memory, the runs of the 100 MB bench_scale corpus's D104 postings (~10 M) were ~200 MB
    of a first run's peak, the key lists ~80 MB."""

    def __init__(self) -> None:
        import tempfile

        self.fh = tempfile.TemporaryFile(prefix="corpuslint-postings-")
        self.runs: list[_PostingRun] = []

    def put(self, blob: bytes) -> tuple[int, int]:
        """Append ``blob``; its (offset, length) for ``get``."""
        at = self.fh.seek(0, os.SEEK_END)
        self.fh.write(blob)
        return at, len(blob)

    def get(self, where: tuple[int, int]) -> bytes:
        self.fh.flush()
        return read_exactly(self.fh, *where)

    def add(self, run: _PostingRun) -> None:
        if run.n:
            run.spill(self.fh)
            self.runs.append(run)

    def written(self) -> list[_PostingRun]:
        """The runs, every column written out (for ``os.pread``)."""
        self.fh.flush()
        return self.runs

    def close(self) -> None:
        self.runs = []
        self.fh.close()


def _merged_postings(agg: int, runs: list[_PostingRun], block: int = 65536):
    """``(agg, kind, key, doc, value)`` tuples of every posting of ``runs`` in primary-key
    order (kind, key, doc), a key range at a time: the ranges cut at (kind, key) pairs
    sampled from the runs (``_PostingRun.sample``), ~``_POSTING_PART`` postings each, so
    one range's rows are gathered and sorted (32 bytes a posting), never all of them; made
    ``block`` rows at a time (never one list of every posting)."""
    total = sum(run.n for run in runs)
    parts = max(1, -(-total // _POSTING_PART))
    cuts: list[tuple[int, int]] = []
    if parts > 1:
        step = max(1, total // (parts * 64))
        sample = np.concatenate([run.sample(step) for run in runs])
        sample = sample[np.lexsort((sample[:, 1], sample[:, 0]))]
        picks = sample[(np.arange(1, parts) * len(sample)) // parts]
        cuts = sorted(set(map(tuple, picks.tolist())))
    bounds = [[0] + [run.cut(kind, key) for kind, key in cuts] + [run.n] for run in runs]
    for p in range(len(cuts) + 1):
        pieces = [(run, b[p], b[p + 1]) for run, b in zip(runs, bounds) if b[p + 1] > b[p]]
        if not pieces:
            continue
        table = np.empty((sum(hi - lo for _, lo, hi in pieces), 4), dtype=np.int64)
        at = 0
        for run, lo, hi in pieces:
            n = hi - lo
            table[at : at + n, 0] = run.read("kind", lo, hi)
            table[at : at + n, 1] = run.read("key", lo, hi)
            table[at : at + n, 2] = run.read("doc", lo, hi)
            table[at : at + n, 2] += run.first
            table[at : at + n, 3] = run.read("value", lo, hi)
            at += n
        order = np.lexsort((table[:, 2], table[:, 1], table[:, 0]))
        for at in range(0, len(order), block):
            for kind, key, doc, value in table[order[at : at + block]].tolist():
                yield agg, kind, key, doc, value
        del table, order


_MISS = object()
MISS = _MISS
_bad_states: list[str] = []


def dumps_state(state: Any) -> bytes | None:
    """Encode a state with the data-only codec (``corpuslint.codec``), in a zstd frame
    when that is smaller (``codec.compress``); None when the state holds values the codec
    does not store (it is then recomputed each run)."""
    try:
        return compress(dumps(state))
    except CodecError:
        return None


def loads_state(blob: bytes) -> Any:
    """Decode a state; raises ``CodecError`` for anything ``dumps_state`` did not write."""
    return loads(blob)


_NONE_STATE = dumps(None)  # a rule's "nothing of this document": D107's state of every plain file


def _decode_state(hit: "tuple[str, bytes | None] | None", content_hash: str, where: str = "") -> Any:
    if hit is None or hit[0] != content_hash or hit[1] is None:  # (None: a blob not read, ``CorpusIndex.states``)
        return _MISS
    if hit[1] == _NONE_STATE:  # (what ``loads`` gives it, without a call per corpus file: 10 k at 10 k files)
        return None
    try:
        return loads_state(hit[1])
    except CodecError as exc:  # a crafted or damaged row: a miss, reported once per run
        _bad_states.append(f"{where} ({exc})")
        return _MISS


def _matches_disk(doc: "Document", size: int) -> bool:
    """A checked document's text is what is on disk (``size`` bytes), not an in-memory edit."""
    nbytes = getattr(doc, "nbytes", None)  # a document already mapped (engine.Collected)
    if nbytes is None:
        nbytes = len(doc.text.encode("utf-8", "surrogatepass"))
    return nbytes == size


def _load(ctx, display: str, abspath: str, records: bool = False):
    """The Document of corpus file ``display``, or None; with ``records``, a file a
    reader claims may also be the list of its record documents."""
    from .document import Document

    try:
        config = getattr(ctx, "config", None)
        language = config.language_for(display) if hasattr(config, "language_for") else None
        loaded = ctx.load(Source(abspath, display, language=language))
    except OSError:
        return None
    if records and isinstance(loaded, list):
        return loaded
    return loaded if isinstance(loaded, Document) else None


# A file a reader claims (a notebook, a .po catalogue, a dataset) beyond the checked
# documents is one row of the index a rule: its content hash is ``R<read key>:<digest of
# its records' keys and content hashes>`` (never a plain text's hex digest), its state the
# list ``[[key suffix, record, state], ...]`` of its records in file order, expanded to
# ``{"<file>#<key suffix>": state}`` when read (``_expand``).
_RECORDS = "R"


def _is_records(content_hash: str) -> bool:
    return content_hash.startswith(_RECORDS)


def _records_hash(read_key: str, display: str, docs: list) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for doc in docs:
        digest.update(f"{doc.path[len(display) + 1:]}\x00{doc.content_hash}\x00".encode("utf-8", "surrogatepass"))
    return f"{_RECORDS}{read_key}:{digest.hexdigest()}"


def _records_state(rule, display: str, docs: list) -> list:
    return [[doc.path[len(display) + 1:], getattr(doc, "record", None), state]
            for doc, state in zip(docs, _collect_many(rule, docs))]


def _valid_records_state(state: Any) -> bool:
    return isinstance(state, list) and all(
        isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
        and (item[1] is None or isinstance(item[1], (int, str))) for item in state)


def _records_states(index, rules, keys, cached, lazy_codes, rel: str, h: str, display: str) -> dict | None:
    """{code: records state} of a claimed file from the index, or None (read it again)."""
    got = {}
    for rule in rules:
        if rule.code in lazy_codes:  # (only hashes were read for these rules)
            try:
                hit = index.conn.execute("SELECT content_hash, state FROM states WHERE path = ? AND rule_key = ?",
                                         (rel, keys[rule.code])).fetchone()
            except sqlite3.Error:
                return None
        else:
            hit = cached.get(rule.code, {}).get(rel)
        state = _decode_state(hit, h, display)
        if state is _MISS:
            return None
        if not _valid_records_state(state):
            _bad_states.append(f"{display} (not a list of records)")
            return None
        got[rule.code] = state
    return got


# A checked claimed file larger than this keeps no row from its check (its states' blob would be
# held with the run's others until the index is written: a full run of a large dataset must not
# grow by it); the next run that checks other files reads it, as it reads a file beyond them.
CHECKED_ROWS_MAX_BYTES = 8 * 1024 * 1024


def _checked_records_rows(rules, keys, target_docs, checked, known_files, cached, lazy_codes, record_of,
                          rebuild=()):
    """Index rows (as ``_records_item`` makes them) of the checked files a reader claims
    (``checked``: (display, rel, path, stat before the read, read key)), from their records'
    states the map step collected (``target_docs``): the next run that checks other files
    finds them here instead of reading every such file again. A file that changed since its
    (size, mtime) was taken, whose rows are already there, without records or larger than
    ``CHECKED_ROWS_MAX_BYTES`` is left out. Yields (file row or None, state rows) rule by
    rule, file by file, each encoded state made when its turn comes (``_collect`` writes it
    before the next is made: a full check of a dataset held every file's blobs until one
    write, 33 MB for one 4.8 MB file of 5 k SFT records), then the file's row; rules that
    share each record's state (S101 and S103) share its blob. ``rebuild``: the displays whose
    stored rows the map step found invalid (``StateReader.record_state``): written again."""
    if not checked:
        return
    wanted = {c[0] for c in checked}
    # display -> its records' keys, in map (file) order: a file's documents are made when its
    # turn comes (an ``engine.MappedTable`` makes a ``Collected`` a key: ~0.5 KB a record)
    records: dict[str, list] = {}
    for key in target_docs:
        at = key.find("#")
        while at > 0:
            if key[:at] in wanted:
                records.setdefault(key[:at], []).append(key)
                break
            at = key.find("#", at + 1)
    from .store import Spilled

    decoded = getattr(target_docs, "decoded", None)  # (spilled states: read back a file and rule at a time)
    for display, rel, path, seen, read_key in checked:
        docs = records.pop(display, None)
        if not docs or seen[0] > CHECKED_ROWS_MAX_BYTES:
            continue
        docs = [target_docs[key] for key in docs]
        try:
            st = os.stat(path)
        except OSError:
            continue
        if (st.st_size, st.st_mtime_ns) != tuple(seen):
            continue  # (changed since it was read: fixed, or edited meanwhile)
        h = _records_hash(read_key, display, docs)
        stored = [cached.get(rule.code, {}).get(rel) for rule in rules]
        if display not in rebuild and known_files.get(rel) == (seen[0], seen[1], h) and all(
                (hit if rule.code in lazy_codes else (hit[0] if hit is not None else None)) == h
                for rule, hit in zip(rules, stored)):
            continue  # (stored by an earlier run)
        names = [[doc.path[len(display) + 1:], (record_of(doc.path) or (None, None))[1]] for doc in docs]
        last: tuple[list, bytes] | None = None  # (the last rule's states, its blob): rules sharing them share it
        for rule in rules:
            states = [_collect_one(rule, doc) for doc in docs]  # (a spilled state: its reference)
            if last is not None and all(a is b or (type(a) is Spilled and a == b) for a, b in zip(states, last[0])):
                blob = last[1]  # (the spelling rules' one state per record: encoded once)
            else:
                last = None
                blob = _records_blob(names, states, decoded)
                if blob is None:
                    break  # (a state the codec does not store: no file row, the file is read again when needed)
            yield None, [(rel, keys[rule.code], rule.code, h, blob)]
            last = (states, blob)
            del blob
        else:
            yield (rel, seen[0], seen[1], h), []  # (after its states: a file row never names states not written)


RECORDS_DECODE_BATCH = 1024  # spilled records states read back at a time to be encoded (``_records_blob``)


def _records_blob(names: list, states: list, decoded: "Callable[[list], list] | None") -> bytes | None:
    """The stored records state ``[[key suffix, record, state], ...]`` of a data file's
    ``names`` ([key suffix, record] a record) and their ``states`` (references the map
    spilled, read back by ``decoded`` ``RECORDS_DECODE_BATCH`` at a time), encoded as
    ``dumps_state`` encodes the list (``codec.iter_items``, compressed as the pieces come:
    ``codec.compress_pieces``); None when not storable. Decoded and encoded whole, the
    largest file's D104 states (18.6 k records) raised the cold run's peak by ~200 MB;
    encoded, then joined, then copied by SQLite, 20 k pre-training records' 18 MB
    D104 row raised it by ~100 MB."""

    def items():
        for k in range(0, len(states), RECORDS_DECODE_BATCH):
            part = states[k : k + RECORDS_DECODE_BATCH]
            for name, state in zip(names[k : k + RECORDS_DECODE_BATCH], part if decoded is None else decoded(part)):
                yield [*name, state]

    try:
        return compress_pieces(iter_items(items(), len(states)))
    except CodecError:
        return None


def _expand(out: dict, display: str, state: list, beyond: "dict | None") -> None:
    """A claimed file's records state into ``out`` (record key -> state), each record
    named in ``beyond`` (record key -> (file, record))."""
    for suffix, record, one in state:
        key = f"{display}#{suffix}"
        out[key] = one
        if beyond is not None:
            beyond[key] = (display, record)


# Work item: read (unless checked), hash, reuse a cached state whose content hash
# matches (a touched but unchanged file), collect() the rest. Runs in this process
# or in forked workers, which inherit _WORK.
_WORK: tuple | None = None


def _work_item(display: str):
    assert _WORK is not None
    rules, cached, target_docs, ctx, corpus, lazy_codes, read_keys = _WORK
    rel, abspath = corpus[display]
    stat = None
    doc = target_docs.get(display)
    if doc is None:
        try:
            st = os.stat(abspath)
            stat = (st.st_size, st.st_mtime_ns)
        except OSError:
            return None
        doc = _load(ctx, display, abspath, records=display in read_keys)
        if doc is None:
            return None
        if isinstance(doc, list):
            return _records_item(display, rel, doc, stat, read_keys[display], rules, cached, ctx, lazy_codes)
    h = doc.content_hash
    states: dict[str, tuple[Any, bytes | None]] = {}
    blobs: dict[int, bytes | None] = {}  # id(state) -> its encoding: S101 and S103 share one state object
    for rule in rules:
        hit = cached.get(rule.code, {}).get(rel)  # a content hash (``state_hashes``) for a rule in lazy_codes
        if rule.code in lazy_codes and hit == h and display not in target_docs:
            states[rule.code] = (None, _LAZY)  # cached and unchanged: left on disk
            continue
        state = _decode_state(hit, h, display) if rule.code not in lazy_codes else _MISS
        if state is not _MISS:
            states[rule.code] = (state, None)
        else:
            state = _collect_one(rule, doc)
            # encoded only for the index (--no-cache: no blob of every state held meanwhile); a
            # spilled state's reference stays the state for the reduce, its state is encoded
            blob = None
            if getattr(ctx, "use_cache", True):
                if display in target_docs:  # the map's state (or its spill reference): encoded as its row is written
                    blob = _Unencoded(state, display)
                elif id(state) in blobs:  # (the spelling rules' shared analysis: 26 MB encoded once, not twice, at 10 k files)
                    blob = blobs[id(state)]
                else:
                    decoded = getattr(target_docs, "decoded", None)  # (engine.MappedTable)
                    blob = blobs[id(state)] = dumps_state(state if decoded is None else decoded([state])[0])
            states[rule.code] = (state, blob)
    return h, stat, states


def _records_item(display, rel, docs, stat, read_key, rules, cached, ctx, lazy_codes):
    """``_work_item`` of a claimed file read as its record documents ``docs``."""
    h = _records_hash(read_key, display, docs)
    states: dict[str, tuple[Any, bytes | None]] = {}
    for rule in rules:
        # (a rule with an aggregate has only the hash here: a touched file's records are collected again)
        state = _decode_state(cached.get(rule.code, {}).get(rel), h, display) if rule.code not in lazy_codes else _MISS
        if state is not _MISS and _valid_records_state(state):
            states[rule.code] = (state, None)
        else:
            state = _records_state(rule, display, docs)
            states[rule.code] = (state, dumps_state(state) if getattr(ctx, "use_cache", True) else None)
    return h, stat, states


def _collect_one(rule, doc):
    """``rule.collect(doc)``; None for a document with a line too long for the rule
    (see engine.MAX_LINE_CHARS); errors name the rule."""
    from .engine import rule_errors, skips

    mapped = getattr(doc, "states", None)  # engine.Collected: states from the engine's map step
    if mapped is not None:
        try:
            return doc.state(rule.code)
        except KeyError:  # not carried (an index hit whose row went away): read the file again
            doc = doc.load()
            if doc is None:
                return None
    if skips(rule, doc):
        return None
    with rule_errors(rule, doc.path):
        return rule.collect(doc)


def _collect_many(rule, docs: list) -> list:
    """``_collect_one`` of each of ``docs`` (engine Documents, in order): the documents the
    rule applies to (``engine.skips``) given to ``rule.collect_batch``, ``engine.MAP_BATCH``
    at a time; a rule that fails is run again document by document, so that its error
    names the document."""
    from . import engine
    from .engine import RuleError, rule_failed, skips

    if len(docs) < 2 or any(getattr(doc, "states", None) is not None for doc in docs):
        return [_collect_one(rule, doc) for doc in docs]  # (one document, or the map step's Collected)
    if len(docs) > engine.MAP_BATCH:
        return [state for k in range(0, len(docs), engine.MAP_BATCH)
                for state in _collect_many(rule, docs[k : k + engine.MAP_BATCH])]
    out: list = [None] * len(docs)
    take = [i for i, doc in enumerate(docs) if not skips(rule, doc)]
    if not take:
        return out
    try:
        got = rule.collect_batch([docs[i] for i in take])
        if len(got) != len(take):
            raise ValueError(f"collect_batch gave {len(got)} states for {len(take)} documents")
    except RuleError:
        raise
    except Exception as exc:
        for i in take:
            _collect_one(rule, docs[i])  # (raises the error naming its document)
        raise rule_failed(rule, f"a batch of {len(take)} documents", exc) from exc
    for i, state in zip(take, got):
        out[i] = state
    return out


def _work_chunk(displays: list[str]):
    # (state, encoded blob or None): sent back to the parent through multiprocessing
    return [_work_item(d) for d in displays]


def _run_work(work: list[str], jobs: int) -> list:
    targets = _WORK[2] if _WORK is not None else {}
    mapped = [getattr(targets.get(d), "states", None) is not None for d in work]
    if any(mapped):  # checked documents whose states the map step computed: no worker needed
        rest = [d for d, m in zip(work, mapped) if not m]
        done = iter(_run_work(rest, jobs) if rest else [])
        return [_work_item(d) if m else next(done) for d, m in zip(work, mapped)]
    if jobs > 1 and len(work) >= PARALLEL_MIN_MISSES:
        try:
            return _parallel_work(work, jobs)
        except (OSError, RuntimeError, pickle.PicklingError) as exc:
            _warn(f"parallel corpus collection failed ({exc}); collecting sequentially")
    return [_work_item(d) for d in work]


def _parallel_work(work: list[str], jobs: int) -> list:
    from .engine import _fork_pool  # (the engine imports this module lazily too)

    size = max(4, len(work) // (jobs * 8))
    chunks = [work[i : i + size] for i in range(0, len(work), size)]
    results: list = []
    with _fork_pool(jobs) as pool:
        for chunk_result in pool.map(_work_chunk, chunks):
            for r in chunk_result:
                results.append(r)
    return results


def _jobs(ctx) -> int:
    jobs = getattr(getattr(ctx, "config", None), "jobs", 1)
    if jobs == 0:
        jobs = os.cpu_count() or 1
    return max(1, int(jobs or 1))
