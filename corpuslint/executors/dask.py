"""Run the map and the reduce on a Dask cluster (dask.distributed).

    items (documents, corpus paths) sorted by key ─▶ partitions ─MAP (workers)─▶
        findings ──streamed back as partitions finish (progress bar, dashboard)
        corpus states ──stay on the workers, one result per partition
    corpus rule with a reduction plan ─REDUCE on the workers─▶ few states + facts
    corpus rule without one (third-party)  ─gathered─▶ every state on the client
    client: rule.reduce(CorpusView(states, targets, documents, facts))

* **map**: the items are sorted by key (path) and cut into contiguous partitions
  (about ``PARTITION_CHARS`` characters, at least four per worker); each partition is
  one Dask task that runs every document rule (``check``) and every corpus rule's
  ``collect``. The corpus files under the project root that are not checked (what the
  corpus index covers in a local run) travel as paths: workers read them (``files.load``)
  and collect their states, so their text never passes through the client. So do the
  checked plain files and JSON Lines/Parquet files (``DataPart``, a whole file each) in a
  run of ``engine.run`` (``map_items``): the client names them in its ``DocumentStore``
  and reads one again only when a finding, fix or output needs it. Partitions
  are retried by Dask (``retries``) when a worker fails. Document findings computed
  before (the on-disk document-findings cache) are not recomputed: those documents are
  only collected.
* **reduce**: a corpus rule whose ``reduction`` is a plan (``corpuslint/reduction.py``)
  runs it on the partitions through ``DaskOps``: near-duplicates as a shuffle of LSH
  band keys (``families/duplicate/shuffle.py``), boilerplate lines as document counts
  sharded by key, the spelling rules' corpus table as a tree of partition tables
  (``families/spelling/table.py``). Only their small results reach the client. A rule
  without a plan (``reduction = None``: every third-party rule unless it says otherwise)
  has all its states gathered to the client, as in a local run.

The rules are shipped once per worker: the ``Linter`` (its rule instances with their
options, without the plugin registry) is scattered with ``broadcast=True`` and each
task receives the worker's copy. Workers must therefore import the same rule classes:
the same corpuslint version and the same plugins installed, and the corpus paths
readable from every worker.
"""

from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..baseline import directives
from ..document import Document
from ..files import ReadProblem, Source, is_url, load, one_line
from . import ExecutorError, ExecutorSettings

if TYPE_CHECKING:  # pragma: no cover
    from ..engine import Linter, RunContext
    from ..findings import Finding

# The LocalCluster corpuslint starts runs without Dask's statistical profiler (a stack
# sample of every task thread each 10 ms) and with slower system and event-loop monitors:
# on 2 cores they cost ~15% of the run's CPU (bench_dask.py, 4 MB, 2 workers: 19.0 -> 15.8
# CPU s; idle workers 0.03 -> 0.006 CPU s per second). The dashboard's task stream and
# progress are unchanged. A cluster given by address keeps its own configuration.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "500ms",
}
PARTITION_CHARS = 4_000_000  # characters of text per partition (a few MB of UTF-8)
PARTITIONS_PER_WORKER = 4  # at least this many partitions per worker, to balance the load


@dataclass(frozen=True)
class FileRef:
    """A checked plain-text file sent to a worker as its path: the worker reads it and
    uses it only if its content hash is the one the client read (else it reports the
    key as ``stale`` and the client sends the text itself)."""

    path: str  # absolute, or an fsspec URL: workers must see the same file system (a shared disk, a LocalCluster)
    display: str
    content_hash: str
    language: str | None = None  # the file's declared language (files.Source.language)


@dataclass(frozen=True)
class DataPart:
    """A data file that a worker reads and checks record by record (the client only lists
    it); ``index`` names it in the run's store, which reads it again on demand.

    A part is a whole file: the reduction plans number the units of the partitions in
    the order of their keys, so a partition must hold a contiguous range of keys, which
    record keys of row groups (``f.parquet#5`` .. ``#8``; ``#10`` sorts before ``#2``) are not."""

    path: str  # absolute, or an fsspec URL
    display: str
    format: str  # a built-in reader's format: "jsonl" or "parquet"
    options: Any  # readers.ReaderOptions
    index: int
    weight: int = 1  # bytes, for the partition sizes
    language: str | None = None  # the file's declared language (files.Source.language)

    def documents(self):
        """(number, RecordDocument or ReadProblem) of the file's records, as the reader
        gives them (``RecordReader.numbered_documents``)."""
        from ..readers import BUILTIN_READERS

        reader = next(r for r in BUILTIN_READERS if r.format == self.format)
        return reader.guarded(Source(self.path, self.display, language=self.language), lambda: reader.records(self.path, self.options),
                              self.options.id_field is not None, self.options.text_format)


def data_parts(source: Source, reader, options, start: int) -> list[DataPart] | None:
    """The parts a data file is read in on the workers (one, ``index`` ``start``), or None
    when its records are read by the client (a reader other than the built-in JSON Lines
    and Parquet ones)."""
    from ..readers import JsonlReader, ParquetReader

    if type(reader) not in (JsonlReader, ParquetReader):
        return None
    return [DataPart(source.path, source.display, reader.format, options, start, _file_size(source.path),
                     source.language)]


def _ref(doc: Document):
    """``doc`` as a ``FileRef`` when it is a whole plain file readable here, else itself."""
    if type(doc) is not Document or doc.path == "-":
        return doc
    if is_url(doc.path):  # an fsspec URL (file://, s3://...): workers read it where it is
        return FileRef(doc.path, doc.path, doc.content_hash, doc.language)
    path = os.path.abspath(doc.path)
    return FileRef(path, doc.path, doc.content_hash, doc.language) if os.path.isfile(path) else doc


def _key(item) -> str:
    """The key (display path) of a map item: a ``Source`` or ``(Document | FileRef | Source, check)``."""
    if isinstance(item, Source):
        return item.display
    if isinstance(item[0], DataPart):
        return item[0].display + "#"  # before its records' keys, after any other key it precedes
    return item[0].display if isinstance(item[0], (FileRef, Source)) else item[0].path


def _map_partition(linter: "Linter", items: list, inline: bool = False) -> dict:
    """Worker side: ``{"findings": [(key, content hash, findings)], "states": {code: {key:
    state}}, "stale": [key], "files": [(key, path, content hash, bytes, regions,
    inline directives)], "problems": [(Source, ReadProblem)], "records": [(key, part index,
    content hash, file, number, record, inline directives)]}`` for ``items`` (in order).
    An item is ``(DataPart, True)`` (a data file read, checked and collected here, record
    by record), or ``(Document or FileRef or Source, check)``: read here when a ``FileRef``
    (``stale`` when the file is no longer what the client read: then left out) or a ``Source`` (a
    checked plain file the client never read: named in ``files``, or in ``problems``
    when it cannot be read as one text document), checked by the document rules when
    ``check`` (else its findings came from the on-disk cache) and collected by the
    corpus rules; or a bare ``Source`` (a corpus file that is not checked), read here and
    collected only, and left out when it cannot be read as one text document (as the
    corpus index skips it). ``inline``: find the checked files' inline suppression
    directives (``baseline.directives``) here, so the client never reads them for that."""
    from ..index import _collect_one  # the collect step as the local executor runs it

    found_all: list = []
    stale: list[str] = []
    checked_files: list = []
    problems: list = []
    states: dict[str, dict[str, Any]] = {rule.code: {} for rule in linter.corpus_rules}
    records: list = []
    for item in items:
        if isinstance(item, tuple) and isinstance(item[0], DataPart):
            part = item[0]
            for _, doc in part.documents():
                if not isinstance(doc, Document):
                    problems.append((Source(part.path, part.display), doc))
                    continue
                found_all.append((doc.path, doc.content_hash, linter.check_document(doc)))
                records.append((doc.path, part.index, doc.content_hash, doc.file, doc.number, doc.record,
                                directives(doc) if inline else None))
                for rule in linter.corpus_rules:
                    states[rule.code][doc.path] = _collect_one(rule, doc)  # (skips: kinds, roles, long lines)
            continue
        named = False  # a checked file the client never read
        if isinstance(item, tuple) and isinstance(item[0], FileRef):
            ref, check = item
            try:
                doc = load(Source(ref.path, ref.display, language=ref.language))
            except OSError:
                doc = None
            if not isinstance(doc, Document) or doc.content_hash != ref.content_hash:
                stale.append(ref.display)
                continue
            item = (doc, check)
        elif isinstance(item, tuple) and isinstance(item[0], Source):
            source = item[0]
            try:
                doc = load(source)
            except OSError as exc:
                doc = ReadProblem("unreadable", f"cannot read file: {exc.strerror or exc}")
            if not isinstance(doc, Document):
                problems.append((source, doc))
                continue
            item, named = (doc, True), True
        if isinstance(item, Source):
            try:
                doc = load(item)
            except OSError:
                continue
            if not isinstance(doc, Document) or isinstance(doc, ReadProblem):
                continue
            key = item.display
        else:
            doc, check = item
            key = doc.path
            if check:
                found_all.append((key, doc.content_hash, linter.check_document(doc)))
            if named:
                nbytes = len(doc.text.encode("utf-8", "surrogatepass"))
                checked_files.append((key, source.path, doc.content_hash, nbytes, doc.__dict__.get("regions"),
                                      directives(doc) if inline else None, doc.language))
        for rule in linter.corpus_rules:
            states[rule.code][key] = _collect_one(rule, doc)
    linter._cache.clear()  # the worker keeps no findings between partitions
    return {"findings": found_all, "states": states, "stale": stale, "files": checked_files, "problems": problems,
            "records": records}


def _findings_of(result: dict) -> tuple[list, list, list, list, list]:
    return result["findings"], result["stale"], result["files"], result["problems"], result["records"]


def _states_of(result: dict, code: str) -> dict:
    return result["states"].get(code, {})


class DaskOps:
    """``reduction.Ops`` on a Dask client: handles are futures, tasks retried like the map."""

    def __init__(self, client, partitions: list, retries: int):
        self.client = client
        self._parts = partitions  # futures of _map_partition results
        self.partitions = len(partitions)
        self.retries = retries
        self.memo: dict = {}
        self.record_of = None  # (``reduction.Ops.record_of``: the client's store, set by the run)

    def states(self, code: str) -> list:
        return self.map(_states_of, self._parts, [code] * len(self._parts))

    def map(self, fn, *iterables):
        if not iterables or not len(iterables[0]):
            return []
        return self.client.map(fn, *iterables, retries=self.retries, pure=False)

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, retries=self.retries, pure=False)

    def gather(self, handles):
        return self.client.gather(list(handles))

    def put(self, value):
        return self.client.scatter([value], broadcast=True, hash=False)[0]


def partitions(items: list, workers: int, size_of=None) -> list[list]:
    """Contiguous batches of ``items``: at least ``PARTITIONS_PER_WORKER * workers`` of
    them (when there are enough items) and none much larger than ``PARTITION_CHARS``."""
    if not items:
        return []
    size_of = size_of or (lambda it: len(it.text) if isinstance(it, Document) else 1)
    total = sum(size_of(it) for it in items)
    count = max(PARTITIONS_PER_WORKER * max(1, workers), math.ceil(total / PARTITION_CHARS))
    count = min(count, len(items))
    per = math.ceil(len(items) / count)
    return [items[i : i + per] for i in range(0, len(items), per)]


class DaskExecutor:
    """Map on a Dask cluster (a LocalCluster when no scheduler address is given)."""

    def __init__(self, settings: ExecutorSettings):
        self.settings = settings
        self.client = None
        self.cluster = None
        self.progress_stream = None  # a terminal: draw distributed's progress bar there
        self.before_reduce = None  # callable(client) between map and reduce (benchmarks/bench_dask.py)

    # -- connection -------------------------------------------------------------
    def connect(self):
        if self.client is not None:
            return self.client
        import logging

        from ..extras import require

        require("dask", "--executor dask")  # one line, not an ImportError's traceback
        from distributed import Client, LocalCluster

        import dask

        s = self.settings
        try:
            if s.scheduler is None:
                with dask.config.set(LOCAL_CLUSTER_CONFIG):  # read by the scheduler, nannies and workers made here
                    self.cluster = LocalCluster(
                        n_workers=s.workers, threads_per_worker=1, processes=True,
                        dashboard_address="127.0.0.1:0",  # loopback, any free port (None still binds :8787)
                        host="127.0.0.1", silence_logs=logging.ERROR,
                    )
                    self.client = Client(self.cluster, timeout=s.timeout)
            else:
                self.client = Client(s.scheduler, timeout=s.timeout)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = s.scheduler or "a LocalCluster"
            raise ExecutorError(f"cannot reach Dask scheduler at {where}: {one_line(exc)}") from None
        if s.verbose:
            link = self.client.dashboard_link if self.cluster is not None or s.scheduler else None
            print(f"corpuslint: Dask scheduler {self.client.scheduler.address}"
                  + (f", dashboard {link}" if link else ""), file=sys.stderr)
        return self.client

    def close(self) -> None:
        for thing in (self.client, self.cluster):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # closing a broken connection: nothing left to do
                    pass
        self.client = self.cluster = None

    def workers(self) -> int:
        try:
            return max(1, len(self.client.scheduler_info().get("workers", {})))
        except Exception:
            return self.settings.workers

    # -- map + reduce -------------------------------------------------------------
    data_parts = staticmethod(data_parts)  # the engine's read plan asks: data files are read on the workers

    def map_items(self, linter: "Linter", items: list, ctx: "RunContext", store, problems: list) -> "list[Finding]":
        """``engine.lint_items`` on the cluster: plain files (``Source`` items) are read by
        the workers only, never by the client, and named in ``store`` (read again there
        on demand: only the documents a finding, fix or output needs); documents
        (records, texts in memory) are held. Read problems go to ``problems``."""
        sources = [it for it in items if isinstance(it, (Source, DataPart))]
        docs = {it.path: it for it in items if not isinstance(it, (Source, DataPart))}
        for doc in docs.values():
            store.hold(doc)
        for part in items:
            if isinstance(part, DataPart):
                store.parts[part.index] = lambda part=part: (doc for _, doc in part.documents()
                                                             if isinstance(doc, Document))
        return self._lint(linter, docs, sources, ctx, store, problems)

    def lint(self, linter: "Linter", docs: "dict[str, Document]", ctx: "RunContext") -> "list[Finding]":
        """Map + reduce over documents already read (``docs``: key -> Document)."""
        return self._lint(linter, docs, [], ctx, docs, [])

    def _lint(self, linter, docs, sources, ctx, store, problems) -> "list[Finding]":
        if not docs and not sources:
            return []
        client = self.connect()
        others: list[Source] = []
        if linter.corpus_rules:
            named = set(docs) | {s.display for s in sources if isinstance(s, Source)}
            try:
                # (plain files only: the workers read them whole; records of unchecked data
                # files are not sent, as before the local run's index read them)
                claimed = getattr(ctx, "claimed", lambda path: False)
                others = [s for s in ctx.discover() if s.display not in named and not claimed(s.path)]
            except OSError:
                others = []
        # the on-disk document-findings cache, as in a local run: hits are only collected
        # (files the client does not read are always checked on the workers)
        cached: dict[str, list] = {}
        if ctx.doc_cache is not None and linter.document_rules and docs:
            cached = ctx.doc_cache.get(list(docs.values()))
        for path, found in cached.items():
            doc = docs[path]
            linter._cache[(doc.path, doc.content_hash)] = found
            linter._from_disk.add((doc.path, doc.content_hash))
        if not linter.corpus_rules:
            todo = {p: d for p, d in docs.items() if p not in cached}
        else:
            todo = docs
        if linter.progress is not None and cached:
            linter.progress(len(cached))
        tick, linter.progress = linter.progress, None
        sizes = {s.display: _file_size(s.path) for s in sources if isinstance(s, Source)}

        def size_of(it) -> int:
            if isinstance(it, Source):
                return 1
            if isinstance(it[0], DataPart):
                return it[0].weight
            key = _key(it)
            return sizes[key] if key in sizes else len(docs[key].text)

        try:
            embed: set[str] = set()  # files that changed since the client read them: sent as text
            while True:
                items: list = [(d if p in embed else _ref(d), p not in cached) for p, d in todo.items()]
                items += [(s, True) for s in sources] + others
                items.sort(key=_key)
                parts = partitions(items, self.workers(), size_of=size_of)
                findings, stale = self._run(client, linter, docs, store, problems, parts,
                                            None if embed else tick, ctx)
                if not stale or stale <= embed:
                    break
                embed |= stale  # (the progress bar counted the documents once)
        except (OSError, TimeoutError) as exc:
            raise ExecutorError(f"Dask run failed: {one_line(exc)}") from None
        except Exception as exc:
            from distributed import KilledWorker
            from distributed.client import FutureCancelledError
            from distributed.comm import CommClosedError

            if isinstance(exc, KilledWorker):
                raise ExecutorError(f"Dask worker lost after {self.settings.retries} retries: "
                                    f"{one_line(exc)}") from None
            if isinstance(exc, (FutureCancelledError, CommClosedError)):  # e.g. the scheduler went away
                raise ExecutorError(f"Dask run failed: {one_line(exc)}") from None
            raise
        finally:
            linter.progress = tick
        return findings

    def _run(self, client, linter, docs, store, problems, parts, tick, ctx) -> tuple[list, set[str]]:
        """Map ``parts``, then reduce: (findings, set()); or ([], keys) when files of those
        keys changed since the client read them (nothing reduced: the caller resends them)."""
        from distributed import as_completed

        retries = self.settings.retries
        inline = linter.suppressions is not None
        shipped = client.scatter(linter, broadcast=True, hash=False)
        mapped = client.map(_map_partition, [shipped] * len(parts), parts, [inline] * len(parts),
                            retries=retries, pure=False)
        found_futures = client.map(_findings_of, mapped, retries=retries, pure=False)
        index = {f.key: i for i, f in enumerate(found_futures)}
        by_part: list = [None] * len(parts)
        stale: set[str] = set()
        for future, result in as_completed(found_futures, with_results=True):  # streamed back
            by_part[index[future.key]] = result
            stale.update(result[1])
            if tick is not None:
                tick(len(result[0]) + len(result[3]) - len(result[4]) + len({r[1] for r in result[4]}))
        if stale:
            client.cancel(mapped)
            return [], stale
        findings: list = []
        fresh: list = []
        seen_problems: set = set()
        for found_part, _, checked_files, read_problems, records in by_part:
            for key, part, content_hash, file, number, record, entries in records:
                store.add_record(key, part, content_hash, file, number, record)
                if entries is not None:
                    linter.suppressions.note(key, content_hash, entries)
            for key, path, content_hash, nbytes, regions, entries, language in checked_files:
                store.add_file(key, path, content_hash, nbytes, regions, language)
                if entries is not None:
                    linter.suppressions.note(key, content_hash, entries)
            for source, problem in read_problems:
                if problem.record is None:  # a whole-file problem: once, not once per part
                    if (source.display, problem.message) in seen_problems:
                        continue
                    seen_problems.add((source.display, problem.message))
                finding = linter.problem_finding(source, problem)
                if finding is not None:
                    problems.append(finding)
            for key, content_hash, found in found_part:
                linter._cache[(key, content_hash)] = found  # fix passes reuse it
                findings.extend(found)
                if key in docs:
                    fresh.append((docs[key], found))
        if ctx.doc_cache is not None and fresh and linter.document_rules:
            ctx.doc_cache.put(fresh)
        for path in docs.keys() - {k for part in by_part for k, _, _ in part[0]}:  # from the on-disk cache
            doc = docs[path]
            findings.extend(linter._cache.get((doc.path, doc.content_hash), ()))
        if linter.corpus_rules:
            if self.before_reduce is not None:
                self.before_reduce(client)
            ops = DaskOps(client, mapped, retries)
            ops.record_of = getattr(store, "record_of", None)  # (a dict of documents: files only)
            states: dict[str, dict[str, Any]] = {}
            facts: dict[str, Any] = {}
            targets = set(store)
            for rule in linter.corpus_rules:
                plan = getattr(rule, "reduction", None)
                if plan is None:  # the reduce needs every state: gather them here
                    states[rule.code] = {}
                    for part in ops.gather(ops.states(rule.code)):
                        states[rule.code].update(part)
                else:  # distributed reduce: only its small result comes back
                    states[rule.code], facts[rule.code] = plan.run(rule, ops, targets)
            findings.extend(linter.reduce(states, store, facts))
        client.cancel(mapped)
        return findings, set()


def _file_size(path: str) -> int:
    """Bytes of a local file (the partitions' weight); 1 for a URL or an unreadable path."""
    try:
        return 1 if is_url(path) else os.path.getsize(path)
    except OSError:
        return 1
