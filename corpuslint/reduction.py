"""Distributed reduce of corpus rules: the operations a reduction plan may use.

A corpus rule's ``reduce`` normally sees every document's state in one process
(``CorpusRule.reduction = None``: an executor gathers the states, which is also what
third-party rules get). A rule whose states are large can name a *reduction plan*
(``CorpusRule.reduction``): an object with

    plan.run(rule, ops, targets) -> (states, facts)

that computes the cross-document part of its reduce with the operations below, on the
partitions of the corpus where their states were collected, and returns the (small)
states and ``facts`` its own ``reduce`` then needs: the executor calls
``rule.reduce(CorpusView(states, targets, documents, facts))`` on the client. The rule
never knows which executor ran the plan; with ``facts`` None (a local run) it computes
everything itself. Plans: ``families/duplicate/shuffle.py`` (near-duplicates: LSH band
keys shuffled by bucket, candidate pairs verified per partition pair, union-find of the
verified edges), ``families/duplicate/shuffle.py`` ``LINE_COUNTS`` (boilerplate lines: a
count table sharded by key), ``families/spelling/table.py`` ``SPELLING_TREE`` (the
spelling corpus table: partition tables merged by ``tree``).

``Ops`` is what an executor provides. Handles are opaque (Dask futures; plain values
in ``SerialOps``); any argument of ``map``/``submit`` may be a handle, which the
executor resolves where the function runs.
"""

from __future__ import annotations

from typing import Any, Callable, Protocol, Sequence


class Ops(Protocol):
    partitions: int  # how many partitions the corpus states are split in
    memo: dict  # results plans share within one run (the spelling rules' one merge)
    # (data file, record) of a record's key, None for a file's (``DocumentStore.record_of``);
    # None when the executor cannot tell (a plan then treats every document alike)
    record_of: Callable[[str], Any] | None

    def states(self, code: str) -> list[Any]:
        """One handle per partition: ``{key: state}`` of rule ``code`` (None states kept),
        keys in sorted order, partitions in key order (partition i's keys all sort
        before partition i+1's)."""

    def map(self, fn: Callable, *iterables: Sequence) -> list[Any]:
        """``[fn(*args) for args in zip(*iterables)]`` as handles, run where the data is."""

    def submit(self, fn: Callable, *args: Any) -> Any:
        """``fn(*args)`` as a handle."""

    def gather(self, handles: Sequence) -> list:
        """The values of ``handles`` here."""

    def put(self, value: Any) -> Any:
        """A handle of ``value``, shipped once to where tasks run (a large argument used by
        every partition's task, e.g. the set of target paths)."""


class SerialOps:
    """``Ops`` in this process (handles are values): runs a plan without a cluster."""

    def __init__(self, states: dict[str, dict[str, Any]], partitions: int = 1,
                 record_of: Callable[[str], Any] | None = None):
        self._states = states
        self.partitions = partitions
        self.memo: dict = {}
        self.record_of = record_of

    def states(self, code: str) -> list[Any]:
        keys = sorted(self._states.get(code, {}))
        per = -(-len(keys) // self.partitions) if keys else 1
        return [{k: self._states[code][k] for k in keys[i * per : (i + 1) * per]} for i in range(self.partitions)]

    def map(self, fn, *iterables):
        return [fn(*args) for args in zip(*iterables)]

    def submit(self, fn, *args):
        return fn(*args)

    def gather(self, handles):
        return list(handles)

    def put(self, value):
        return value


def tree(ops: Ops, handles: list[Any], add: Callable[[Any, Any], Any], fan_in: int = 2) -> Any:
    """Tree reduction of ``handles`` with the associative ``add``: pairs added on the
    workers, level by level, so no process holds more than ``fan_in`` partial tables."""
    level = list(handles)
    if not level:
        return None
    while len(level) > 1:
        nxt = [ops.submit(_add_all, add, *level[i : i + fan_in]) for i in range(0, len(level), fan_in)]
        level = nxt
    return level[0]


def _add_all(add, *tables):
    out = tables[0]
    for t in tables[1:]:
        out = add(out, t)
    return out
