"""Run the map on a Dask cluster (dask.distributed); reduce on the client.

What is distributed and what is gathered:

* **map** (distributed): the checked documents are cut into partitions (contiguous
  batches of about ``PARTITION_CHARS`` characters, at least four per worker); each
  partition is one Dask task that runs every document rule (``check``) and every
  corpus rule's ``collect`` on its documents and returns findings and compact states.
  The other corpus files under the project root (what the corpus index covers in a
  local run) travel as paths: workers read them (``files.load``) and collect their
  states, so their text never passes through the client. Partitions are retried by
  Dask (``retries``) when a worker fails.
* **reduce** (gathered): the compact states are gathered to the client and each corpus
  rule's ``reduce`` runs there, exactly as in a local run; memory on the client grows
  with the states (signatures, counts), never with the text.

The rules are shipped once per worker: the ``Linter`` (its rule instances with their
options, without the plugin registry) is scattered with ``broadcast=True`` and each
task receives the worker's copy. Workers must therefore import the same rule classes:
the same corpuslint version and the same plugins installed, and the corpus paths
readable from every worker.

The Dask executor does not use the on-disk caches (document findings, corpus index):
a cluster run recomputes everything, which gives the same findings.
"""

from __future__ import annotations

import math
import sys
from typing import TYPE_CHECKING, Any

from ..document import Document
from ..files import ReadProblem, Source, load
from . import ExecutorError, ExecutorSettings

if TYPE_CHECKING:  # pragma: no cover
    from ..engine import Linter, RunContext
    from ..findings import Finding

PARTITION_CHARS = 4_000_000  # characters of text per partition (a few MB of UTF-8)
PARTITIONS_PER_WORKER = 4  # at least this many partitions per worker, to balance the load


def _map_partition(linter: "Linter", items: list) -> list:
    """Worker side: ``[(findings | None, {code: state}) | None]`` for ``items`` in order.

    A ``Document`` item is checked (document rules) and collected (corpus rules); a
    ``Source`` item (a corpus file that is not checked) is read here and collected only;
    ``None`` when it cannot be read as one text document (as the corpus index skips it).
    """
    out: list = []
    for item in items:
        if isinstance(item, Source):
            try:
                doc = load(item)
            except OSError:
                out.append(None)
                continue
            if not isinstance(doc, Document) or isinstance(doc, ReadProblem):
                out.append(None)
                continue
            found = None
        else:
            doc = item
            found = linter.check_document(doc)
        out.append((found, {rule.code: rule.collect(doc) for rule in linter.corpus_rules}))
    linter._cache.clear()  # the worker keeps no findings between partitions
    return out


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

    # -- connection -------------------------------------------------------------
    def connect(self):
        if self.client is not None:
            return self.client
        import logging

        from distributed import Client, LocalCluster

        s = self.settings
        try:
            if s.scheduler is None:
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
            raise ExecutorError(f"cannot reach Dask scheduler at {where}: {_one_line(exc)}") from None
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
    def lint(self, linter: "Linter", docs: "dict[str, Document]", ctx: "RunContext") -> "list[Finding]":
        from distributed import as_completed

        if not docs:
            return []
        client = self.connect()
        others: list[Source] = []
        if linter.corpus_rules:
            try:
                others = [s for s in ctx.discover() if s.display not in docs]
            except OSError:
                others = []
        items: list = list(docs.values()) + others
        parts = partitions(items, self.workers())
        tick, linter.progress = linter.progress, None
        try:
            shipped = client.scatter(linter, broadcast=True, hash=False)
            futures = client.map(_map_partition, [shipped] * len(parts), parts,
                                 retries=self.settings.retries, pure=False)
            index = {f.key: i for i, f in enumerate(futures)}
            results: list = [None] * len(parts)
            for future, result in as_completed(futures, with_results=True):
                i = index[future.key]
                results[i] = result
                if tick is not None:
                    tick(sum(isinstance(it, Document) for it in parts[i]))
        except (OSError, TimeoutError) as exc:
            raise ExecutorError(f"Dask run failed: {_one_line(exc)}") from None
        except Exception as exc:
            from distributed import KilledWorker

            if isinstance(exc, KilledWorker):
                raise ExecutorError(f"Dask worker lost after {self.settings.retries} retries: "
                                    f"{_one_line(exc)}") from None
            raise
        finally:
            linter.progress = tick
        states: dict[str, dict[str, Any]] = {rule.code: {} for rule in linter.corpus_rules}
        findings: list = []
        for part, result in zip(parts, results):
            for item, got in zip(part, result):
                if got is None:
                    continue
                found, collected = got
                key = item.path if isinstance(item, Document) else item.display
                if found is not None:
                    linter._cache[(item.path, item.content_hash)] = found  # fix passes reuse it
                    findings.extend(found)
                for code, state in collected.items():
                    states[code][key] = state
        if linter.corpus_rules:
            findings.extend(linter.reduce(states, docs))  # gathered: reduce on the client
        return findings


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
