"""The corpus index: an on-disk cache of corpus-rule states for every file of the project.

Cross-file rules need the whole corpus, but pre-commit passes only the changed files.
The index keeps, per file (path relative to the project root), its size, mtime and
content hash, and per (file, rule) the picklable state ``rule.collect(doc)`` returned.
A run then:

1. lists every corpus file under the project root (the configured include/exclude);
2. reuses the cached content hash of files whose (size, mtime) did not change, and
   reads + hashes the others (a touched but unchanged file keeps its states);
3. calls ``collect`` only for files whose content hash has no state for the rule's
   current key, and stores the new states in one transaction;
4. returns ``{rule code: {display path: state}}`` for all of them. The checked
   (target) documents are hashed from their text in memory, so an edit that is not on
   disk yet (a fix pass) never picks up a stale state.

The same database caches document-rule findings (``DocumentFindingsCache``), keyed by
display path, content hash and a key of the active document rules (their fingerprints
and source), so a warm run does not re-run document rules on unchanged files.

Storage is SQLite in WAL mode under ``<root>/.corpuslint_cache/`` (``cache-dir``):
readers never block, writers wait up to ``BUSY_TIMEOUT_S`` and write in one
``BEGIN IMMEDIATE`` transaction, so two concurrent runs cannot corrupt it; a run
that cannot get the write lock in time just does not cache (with a warning).

Invalidation: the index is emptied when the index schema, corpuslint version,
normalisation code (hash of ``corpuslint/text/normalize.py`` plus the duplicate
family's normalisation version) or the datasketch version / MinHash scheme change;
a rule's states are keyed by a hash of ``rule.fingerprint()`` (code, class, options,
severity; the duplicate rules add their hash scheme) and of its module's source (the
whole package for package-based families), so edited collect() code never reuses
stale states. A corrupt database is deleted
and rebuilt with a warning on stderr; ``--no-cache`` (``ctx.use_cache`` False)
bypasses the index entirely (the corpus is still every file under the root).
"""

from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
import pickle
import sqlite3
import sys
from typing import TYPE_CHECKING, Any, Callable, Iterable

from . import __version__

if TYPE_CHECKING:
    from .document import Document
    from .rules import CorpusRule

SCHEMA_VERSION = "3"
DB_NAME = "corpus-index.sqlite3"
BUSY_TIMEOUT_S = 10.0
PARALLEL_MIN_MISSES = 64  # collect in worker processes only when this many files need it


def _warn(message: str) -> None:
    print(f"corpuslint: warning: {message}", file=sys.stderr)


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
        import datasketch

        parts.append(f"datasketch-{datasketch.__version__}")
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
        for f in files:
            try:
                with open(f, "rb") as fh:
                    digest.update(fh.read())
            except OSError:
                digest.update(f.encode())
        h = _SOURCE_HASHES[module_name] = digest.hexdigest()
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
            conn.execute("CREATE INDEX IF NOT EXISTS states_by_key ON states (rule_key)")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS doc_findings (path TEXT PRIMARY KEY, content_hash TEXT NOT NULL,"
                " rules_key TEXT NOT NULL, findings BLOB NOT NULL)"
            )

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

    def states(self, key: str) -> dict[str, tuple[str, bytes]]:
        assert self.conn is not None
        rows = self.conn.execute("SELECT path, content_hash, state FROM states WHERE rule_key = ?", (key,))
        return {p: (h, s) for p, h, s in rows}

    def doc_findings(self, rules_key: str) -> dict[str, tuple[str, bytes]]:
        """Cached document-rule findings: display path -> (content hash, pickled list)."""
        assert self.conn is not None
        rows = self.conn.execute("SELECT path, content_hash, findings FROM doc_findings WHERE rules_key = ?",
                                 (rules_key,))
        return {p: (h, b) for p, h, b in rows}

    def write_doc_findings(self, rows: Iterable[tuple[str, str, str, bytes]]) -> None:
        """Upsert (path, content hash, rules key, pickled findings) rows in one transaction."""
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


class DocumentFindingsCache:
    """Document-rule results keyed by (display path, content hash, rules key).

    Document rules are pure, so a file whose content did not change since the last run
    with the same rules, options, corpuslint version and rule code gets its findings
    back without running a rule. Failures (locked, corrupt, unwritable cache) only
    cost the speed-up, with one warning."""

    def __init__(self, cache_dir: str, rules: list, *, warn: Callable[[str], None] = _warn):
        self.cache_dir = cache_dir
        self.warn = warn
        parts = [__version__, _source_hash("corpuslint.engine"), _source_hash("corpuslint.document")]
        parts += sorted(rule_key(r) for r in rules)
        self.key = hashlib.blake2b("|".join(parts).encode(), digest_size=12).hexdigest()
        self._rows: dict[str, tuple[str, bytes]] | None = None

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
        for doc in docs:
            row = rows.get(doc.path)
            if row is not None and row[0] == doc.content_hash:
                try:
                    hits[doc.path] = pickle.loads(row[1])
                except Exception:  # an unreadable row is a miss
                    continue
        return hits

    def put(self, results: Iterable[tuple["Document", list]]) -> None:
        rows = [(d.path, d.content_hash, self.key, pickle.dumps(found, protocol=5)) for d, found in results]
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


def cache_dir_for(ctx) -> str:
    cache_dir = getattr(getattr(ctx, "config", None), "cache_dir", None) or ".corpuslint_cache"
    return cache_dir if os.path.isabs(cache_dir) else os.path.join(ctx.root, cache_dir)


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
    for src in sources:
        corpus.setdefault(src.display, (os.path.relpath(src.path, root), src.path))

    index: CorpusIndex | None = None
    if ctx.use_cache and corpus:
        try:
            index = CorpusIndex(cache_dir_for(ctx)).open()
        except IndexUnavailable as exc:
            _warn(str(exc))
            index = None
        except OSError as exc:
            _warn(f"cannot use the corpus index in {cache_dir_for(ctx)}: {exc}; running without it")
            index = None
    try:
        return _collect(rules, target_docs, ctx, corpus, index, out)
    finally:
        if index is not None:
            index.close()


def _collect(rules, target_docs, ctx, corpus, index, out):
    keys = {rule.code: rule_key(rule) for rule in rules}
    try:
        known_files = index.files() if index is not None else {}
        cached = {rule.code: index.states(keys[rule.code]) for rule in rules} if index is not None else {}
    except sqlite3.Error as exc:
        _warn(f"corpus index read failed ({exc}); running without it")
        index, known_files, cached = None, {}, {}

    file_rows: list[tuple[str, int, int, str]] = []
    state_rows: list[tuple[str, str, str, str, bytes]] = []
    work: list[str] = []  # display paths that need reading and/or collect()

    for display, (rel, abspath) in corpus.items():
        try:
            st = os.stat(abspath)
        except OSError:
            if display not in target_docs:
                continue
            st = None
        row = known_files.get(rel)
        if display in target_docs:
            h = target_docs[display].content_hash
            if index is not None and st is not None and _matches_disk(target_docs[display], st):
                if row != (st.st_size, st.st_mtime_ns, h):
                    file_rows.append((rel, st.st_size, st.st_mtime_ns, h))
        elif row is not None and row[0] == st.st_size and row[1] == st.st_mtime_ns:
            h = row[2]
        else:
            work.append(display)  # unknown or changed on disk: read, hash, maybe collect
            continue
        hit_all = True
        for rule in rules:
            hit = cached.get(rule.code, {}).get(rel)
            state = _unpickle(hit, h)
            if state is _MISS:
                hit_all = False
                break
            out[rule.code][display] = state
        if not hit_all:
            for rule in rules:
                out[rule.code].pop(display, None)
            work.append(display)

    for display, doc in target_docs.items():
        if display not in corpus:  # a checked file outside the corpus: never cached
            for rule in rules:
                out[rule.code][display] = rule.collect(doc)

    global _WORK
    _WORK = (rules, cached, target_docs, ctx, corpus)
    try:
        results = _run_work(work, _jobs(ctx))
    finally:
        _WORK = None
    for display, result in zip(work, results):
        if result is None:
            continue
        rel = corpus[display][0]
        h, stat, states = result
        if stat is not None and index is not None and known_files.get(rel) != (stat[0], stat[1], h):
            file_rows.append((rel, stat[0], stat[1], h))
        for code, (state, blob) in states.items():
            out[code][display] = state
            if blob is not None and index is not None:
                state_rows.append((rel, keys[code], code, h, blob))

    if index is not None:
        present = {rel for rel, _ in corpus.values()}
        gone = [rel for rel in known_files if rel not in present]
        if file_rows or state_rows or gone:
            try:
                index.write(file_rows, state_rows, gone, current=sorted(keys.items()) if state_rows else ())
            except sqlite3.OperationalError as exc:
                what = "busy" if _is_locked(exc) else "write failed"
                _warn(f"corpus index {what} ({exc}); this run's results were not cached")
            except sqlite3.Error as exc:
                _warn(f"corpus index write failed ({exc}); this run's results were not cached")
    return out


_MISS = object()
_NPD_MAGIC = b"NPD1"


def dumps_state(state: Any) -> bytes:
    """Serialise a state. A dict of numpy arrays (what the duplicate rules return) is
    stored as a small pickled header plus the raw array bytes (loaded as zero-copy
    views, ~15% faster than unpickling the arrays); anything else is pickled. The cache
    directory holds a ``.gitignore`` of ``*`` so states are never committed or pulled."""
    if isinstance(state, dict) and state and all(isinstance(k, str) for k in state):
        import numpy as np

        if all(isinstance(v, np.ndarray) and v.dtype.kind in "biuf" for v in state.values()):
            arrays = [np.ascontiguousarray(v) for v in state.values()]
            header = pickle.dumps([(k, a.dtype.str, a.shape) for k, a in zip(state, arrays)], protocol=5)
            return b"".join([_NPD_MAGIC, len(header).to_bytes(4, "little"), header] + [a.tobytes() for a in arrays])
    return pickle.dumps(state, protocol=5)


def loads_state(blob: bytes) -> Any:
    if blob[:4] != _NPD_MAGIC:
        return pickle.loads(blob)
    import numpy as np

    size = int.from_bytes(blob[4:8], "little")
    pos = 8 + size
    out = {}
    for key, dtype, shape in pickle.loads(blob[8:pos]):
        dt = np.dtype(dtype)
        count = 1
        for d in shape:
            count *= d
        out[key] = np.frombuffer(blob, dtype=dt, count=count, offset=pos).reshape(shape)
        pos += count * dt.itemsize
    return out


def _unpickle(hit: "tuple[str, bytes] | None", content_hash: str) -> Any:
    if hit is None or hit[0] != content_hash:
        return _MISS
    try:
        return loads_state(hit[1])
    except Exception:  # an unreadable state is a miss, not an error
        return _MISS


def _matches_disk(doc: "Document", st: os.stat_result) -> bool:
    """A checked document's text is what is on disk (not an in-memory edit)."""
    return len(doc.text.encode("utf-8", "surrogatepass")) == st.st_size


def _load(ctx, display: str, abspath: str):
    from .document import Document
    from .files import Source

    try:
        loaded = ctx.load(Source(abspath, display))
    except OSError:
        return None
    return loaded if isinstance(loaded, Document) else None


# Work item: read (unless checked), hash, reuse a cached state whose content hash
# matches (a touched but unchanged file), collect() the rest. Runs in this process
# or in forked workers, which inherit _WORK.
_WORK: tuple | None = None


def _work_item(display: str):
    assert _WORK is not None
    rules, cached, target_docs, ctx, corpus = _WORK
    rel, abspath = corpus[display]
    stat = None
    doc = target_docs.get(display)
    if doc is None:
        try:
            st = os.stat(abspath)
            stat = (st.st_size, st.st_mtime_ns)
        except OSError:
            return None
        doc = _load(ctx, display, abspath)
        if doc is None:
            return None
    h = doc.content_hash
    states: dict[str, tuple[Any, bytes | None]] = {}
    for rule in rules:
        hit = cached.get(rule.code, {}).get(rel)
        state = _unpickle(hit, h)
        if state is not _MISS:
            states[rule.code] = (state, None)
        else:
            state = rule.collect(doc)
            states[rule.code] = (state, dumps_state(state))
    return h, stat, states


def _work_chunk(displays: list[str]):
    out = []
    for d in displays:
        r = _work_item(d)
        if r is not None:
            h, stat, states = r
            # (pickled state, fresh?) -- reused states need no rewrite
            r = (h, stat, {code: (blob if blob is not None else dumps_state(state), blob is not None)
                           for code, (state, blob) in states.items()})
        out.append(r)
    return out


def _run_work(work: list[str], jobs: int) -> list:
    if jobs > 1 and len(work) >= PARALLEL_MIN_MISSES:
        try:
            return _parallel_work(work, jobs)
        except (OSError, RuntimeError, pickle.PicklingError) as exc:
            _warn(f"parallel corpus collection failed ({exc}); collecting sequentially")
    return [_work_item(d) for d in work]


def _parallel_work(work: list[str], jobs: int) -> list:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(4, len(work) // (jobs * 8))
    chunks = [work[i : i + size] for i in range(0, len(work), size)]
    results: list = []
    mp = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp) as pool:
        for chunk_result in pool.map(_work_chunk, chunks):
            for r in chunk_result:
                if r is None:
                    results.append(None)
                    continue
                h, stat, blobs = r
                states = {code: (loads_state(blob), blob if fresh else None) for code, (blob, fresh) in blobs.items()}
                results.append((h, stat, states))
    return results


def _jobs(ctx) -> int:
    jobs = getattr(getattr(ctx, "config", None), "jobs", 1)
    if jobs == 0:
        jobs = os.cpu_count() or 1
    return max(1, int(jobs or 1))
