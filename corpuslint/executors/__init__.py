"""Executors: who runs the map and the reduce of a run.

    documents ──MAP (document rules + corpus-rule collect)──▶ findings, compact states
    states    ──REDUCE (CorpusRule.reduce)──────────────────▶ cross-document findings

``LocalExecutor`` (the default) runs both in this process, with forked workers for the
document map when ``jobs`` > 1 and the on-disk corpus index for corpus states.
``DaskExecutor`` (``corpuslint.executors.dask``; ``--executor dask``, ``[executor]
kind = "dask"``) runs the map on partitions of the documents on a Dask cluster, and
the reduce there too for the corpus rules that name a reduction plan
(``CorpusRule.reduction``, ``corpuslint/reduction.py``); the others' states are gathered.
Rules never know which executor runs them: both call the same ``DocumentRule.check``,
``CorpusRule.collect`` and ``CorpusRule.reduce``.

Config (``[executor]`` table, or ``[tool.corpuslint.executor]``)::

    [executor]
    kind = "dask"                         # "local" (default) or "dask"
    scheduler = "tcp://10.0.0.5:8786"     # absent: start a LocalCluster on this machine
    workers = 4                           # LocalCluster worker processes (default 2)
    retries = 2                           # Dask retries of a failed partition
    timeout = 10                          # seconds to wait for the scheduler
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

from ..config import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config
    from ..document import Document
    from ..engine import Linter, RunContext
    from ..findings import Finding

KINDS = ("local", "dask")


class ExecutorError(Exception):
    """A run that cannot complete on its executor (scheduler unreachable, workers lost
    after retries). The CLI prints ``corpuslint: error: <message>`` and exits 2."""


@dataclass
class ExecutorSettings:
    kind: str = "local"
    scheduler: str | None = None  # Dask scheduler address; None = start a LocalCluster
    workers: int = 2  # LocalCluster worker processes
    retries: int = 2  # Dask retries per partition
    timeout: float = 10.0  # seconds to wait for the scheduler
    verbose: bool = False  # print the dashboard address on standard error


def settings_for(config: "Config", **overrides: Any) -> ExecutorSettings:
    """The ``[executor]`` table of ``config`` (validated), with command-line ``overrides``
    (``None`` values are ignored). Raises ``ConfigError`` naming the bad key."""
    raw: Mapping[str, Any] = config.raw.get("executor", {}) or {}
    if not isinstance(raw, Mapping):
        raise ConfigError("executor: must be a table")
    unknown = set(raw) - {"kind", "scheduler", "workers", "retries", "timeout"}
    if unknown:
        raise ConfigError(f"executor: unknown key(s) {', '.join(sorted(unknown))}")
    s = ExecutorSettings()
    values = dict(raw)
    values.update({k: v for k, v in overrides.items() if v is not None})
    if "kind" in values:
        if values["kind"] not in KINDS:
            raise ConfigError(f"executor.kind: must be one of {', '.join(KINDS)}, not {values['kind']!r}")
        s.kind = values["kind"]
    if "scheduler" in values:
        if not isinstance(values["scheduler"], str) or not values["scheduler"]:
            raise ConfigError("executor.scheduler: must be a scheduler address such as tcp://host:8786")
        s.scheduler = values["scheduler"]
        if "kind" not in values:
            s.kind = "dask"
    for key, kind in (("workers", int), ("retries", int), ("timeout", (int, float))):
        if key in values:
            v = values[key]
            if isinstance(v, bool) or not isinstance(v, kind) or v < (1 if key == "workers" else 0):
                raise ConfigError(f"executor.{key}: must be a number >= {1 if key == 'workers' else 0}")
            setattr(s, key, v)
    s.verbose = bool(values.get("verbose", False))
    return s


class LocalExecutor:
    """Map and reduce on this machine: documents stream through the map (in this
    process, or in ``jobs`` forked worker processes that read the files themselves and
    send back findings and codec-encoded states) and are dropped; the reduce runs here
    on the compact states (``engine.map_reduce_local``)."""

    def lint_items(self, linter: "Linter", items: list, ctx: "RunContext", store, problems: list) -> "list[Finding]":
        from ..engine import map_reduce_local

        return map_reduce_local(linter, items, ctx, store, problems)

    def lint(self, linter: "Linter", docs: "dict[str, Document]", ctx: "RunContext") -> "list[Finding]":
        """Documents given in memory (they are held, not read again)."""
        from ..engine import map_reduce_local
        from ..store import DocumentStore

        return map_reduce_local(linter, list(docs.values()), ctx, DocumentStore(), [])

    def close(self) -> None:
        pass


def for_settings(settings: ExecutorSettings):
    """The executor ``settings`` name (a ``DaskExecutor`` connects lazily, on first use)."""
    if settings.kind == "dask":
        from .dask import DaskExecutor

        return DaskExecutor(settings)
    return LocalExecutor()
