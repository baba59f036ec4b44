"""Incremental reduces of the cross-file duplicate rules (``CorpusRule.aggregate``,
corpuslint/aggregates.py): what each document posts in the corpus index, and which
few states a reduce over a few checked files needs.

Postings (kind 0 / kind 1):

* D104 (paragraphs): 0 = each paragraph's exact key, value = how many of the
  document's paragraphs have it; 1 = the LSH band keys of its paragraphs' MinHash
  signatures (``lsh._band_keys`` with the rule's threshold), value 0; 2 = the
  document's sentence frames (``frames``: slot templates are counted over documents).
* D105 (documents): 0 = the document's exact key; 1 = its signature's band keys.
* D106 (lines): 0 = each line key, value = its (first) line number.

A checked file's near-duplicates share an LSH bucket with it (same band key) or an
exact key, so the reduce loads only the states of the documents that post its keys:
every member of each of its buckets (large buckets are linked as a star + chain in
index order, so the whole bucket is needed to get the same pairs) and every holder
of its exact keys. Global facts a full reduce derives from every state come from the
aggregate instead: the number of documents, per-key document counts (boilerplate),
and the share of checked paragraphs (whether the reduce focuses on the checked files'
pairs). When that share is >= 0.5 the full reduce does not focus, so the plan gives
up (None) and the rule reads every state: the findings are the same either way.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ...aggregates import Aggregate
from ...arrays import sorted_unique
from . import lsh

_U64 = np.uint64
KEYS, BANDS, FRAMES = 0, 1, 2  # posting kinds
_NO_KEYS = np.zeros(0, dtype=_U64)


def _keys(state: dict) -> np.ndarray:
    return np.asarray(state.get("keys", _NO_KEYS)).astype(_U64, copy=False)  # (a D104 state may hold frames only)


def _unit_bands(states: list[dict], threshold: float) -> np.ndarray:
    """(units, bands) uint64 LSH band keys of every unit of ``states`` (in order): the
    state's own ``bands`` when it carries them, else computed from its ``sig``
    (MinHash signatures) in one vectorised pass (~100 numpy calls per pass, which per
    document would cost more than the document's collect)."""
    sigs = [np.asarray(s["sig"]).reshape(len(_keys(s)), -1) for s in states if "bands" not in s]
    computed = iter(())
    if sigs:
        sig = np.ascontiguousarray(np.concatenate(sigs), dtype=np.uint32)
        b, r = lsh.lsh_params(threshold, sig.shape[1])
        bands = lsh._band_keys(sig, b, r).T
        sizes = np.cumsum([len(x) for x in sigs])[:-1]
        computed = iter(np.split(bands, sizes))
    parts = [np.asarray(s["bands"]).reshape(len(_keys(s)), -1) if "bands" in s else next(computed) for s in states]
    return np.concatenate(parts).astype(_U64, copy=False) if parts else np.zeros((0, 0), _U64)


class SignaturePostings(Aggregate):
    """D104/D105: exact keys (value: how many units have the key), LSH band keys and
    (D104) the document's sentence frames."""

    version = "2"

    def postings(self, rule, state) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        return self.postings_many(rule, [state])[0]

    def postings_many(self, rule, states: list) -> list[dict[int, tuple[np.ndarray, np.ndarray]]]:
        sizes = [len(_keys(s)) for s in states]
        live = [s for s, n in zip(states, sizes) if n]
        bands = _unit_bands(live, float(rule.opts["threshold"])) if live else None  # (units, bands)
        out, start = [], 0
        for s, n in zip(states, sizes):
            posted = {}
            if n:
                uk, counts = np.unique(_keys(s), return_counts=True)
                mine = sorted_unique(bands[start : start + n].reshape(-1))
                start += n
                posted = {KEYS: (uk, counts.astype(np.int64)), BANDS: (mine, np.zeros(len(mine), dtype=np.int64))}
            frames = s.get("frames")
            if frames is not None and len(frames):
                frames = sorted_unique(np.asarray(frames).astype(_U64, copy=False).reshape(-1))
                posted[FRAMES] = (frames, np.zeros(len(frames), dtype=np.int64))
            out.append(posted)
        return out


class LinePostings(Aggregate):
    """D106: line keys (unique per document), value: the line number."""

    version = "1"

    def postings(self, rule, state) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        return {0: (np.asarray(state["keys"]).astype(_U64, copy=False), np.asarray(state["lines"], dtype=np.int64))}


def _checked(corpus) -> tuple[dict[str, Any], list[dict]]:
    """States of the checked files, and those of them that are not empty."""
    states = corpus.states
    subset = {p: states[p] for p in sorted(corpus.targets) if p in states}
    return subset, [s for s in subset.values() if s is not None and len(_keys(s))]


def _add_neighbours(rule, corpus, subset: dict[str, Any], live: list[dict]) -> dict[str, Any]:
    """``subset`` plus the state of every document posting a band or exact key of the
    checked files' states ``live``."""
    if live:
        agg, states = corpus.aggregates, corpus.states
        bands = sorted_unique(_unit_bands(live, float(rule.opts["threshold"])).reshape(-1))
        keys = sorted_unique(np.concatenate([_keys(s) for s in live]))
        for kind, ks in ((BANDS, bands), (KEYS, keys)):
            for holders in agg.holders(kind, ks.tolist()).values():
                for display, _ in holders:
                    if display not in subset:
                        subset[display] = states[display]
    return subset


def paragraph_plan(rule, corpus) -> tuple[dict[str, Any], int, Any] | None:
    """D104: (states to reduce over, number of documents, ``counts(kind, keys)``:
    documents per key of a posting kind) for a focused reduce, or None when the full
    reduce would not focus."""
    agg = corpus.aggregates
    if agg is None or int(rule.opts["boilerplate-max-words"]) > 0 or 2 * len(corpus.targets) >= agg.n_docs:
        return None
    n_docs = agg.documents()  # (the documents with a state: ``corpus.taking_part``)
    subset, live = _checked(corpus)
    bp_docs = int(rule.opts["boilerplate-docs"])
    need = max(bp_docs, math.ceil(float(rule.opts["boilerplate-fraction"]) * n_docs)) if bp_docs > 0 else 0
    # the full reduce focuses on the checked paragraphs when they are < half of those kept
    _, total = agg.totals(KEYS)
    common = agg.totals(KEYS, need)[1] if need > 0 else 0
    keys = np.concatenate([_keys(s) for s in live]) if live else _NO_KEYS  # the checked paragraphs' keys
    checked = int((agg.counts(KEYS, keys) < need).sum()) if need > 0 else len(keys)  # (one batched count)
    if total - common <= 0 or checked / (total - common) >= 0.5:
        return None
    return _add_neighbours(rule, corpus, subset, live), n_docs, agg.counts


def document_plan(rule, corpus) -> dict[str, Any] | None:
    """D105: the states to reduce over (focused), or None when the full reduce would
    not focus."""
    agg = corpus.aggregates
    if agg is None or 2 * len(corpus.targets) >= agg.n_docs:
        return None
    subset, live = _checked(corpus)
    total = agg.documents(KEYS)
    if total <= 0 or len(live) / total >= 0.5:
        return None
    return _add_neighbours(rule, corpus, subset, live)


def line_counts(rule, corpus, need: int) -> dict[int, tuple[int, list[tuple[str, int]]]]:
    """D106: ``{key: (documents, first two holders)}`` of the checked files' line keys
    (and their outline headings' keys: ``heads``) held by >= ``need`` documents (holders in
    path order, as (path, line)), documents that are copies of each other counted once
    (``copies_counted_once``, as the full run's reduce)."""
    states = corpus.states
    parts = [np.asarray(states[p][field]).astype(_U64, copy=False)
             for p in corpus.targets if p in states and states[p] is not None
             for field in ("keys", "heads") if field in states[p]]
    if not parts:
        return {}
    keys = sorted_unique(np.concatenate(parts))
    counts = corpus.aggregates.counts(0, keys)
    common = keys[counts >= need]
    holders = corpus.aggregates.holders(0, common.tolist())
    out, memo = {}, {}
    for k in common.tolist():
        if k in holders:
            n = copies_counted_once(states, [display for display, _ in holders[k]], memo)
            if n >= need:
                out[k] = (n, holders[k][:2])
    return out


# D106: two documents are copies of one text when the lines they share are at least this share of
# the smaller one's boilerplate-candidate lines (a UDHR translation as .md, .rst and .txt: 1.00, the
# .txt's extra lines being the titles Markdown's headings hold; three short npm pages, each one
# paragraph of its own above the generated "workspace" option section: 0.92, three pages)
COPY_OVERLAP = 0.95
# ... and at least this many lines (two short pages of one site, a title and a footer each, share
# half their lines: the site's template, not one text)
COPY_MIN_LINES = 8
# ... checked for a line held by at most this many documents (a copy adds a few: 3 formats of one
# text); a line in more is counted as it is (a pairwise check of every holder would cost their square)
COPY_GROUP_MAX = 64


def copies_counted_once(states, holders: list[str], memo: dict) -> int:
    """How many of ``holders`` (document keys of ``states``, each a D106 state with its
    line ``keys``) are left when documents that are copies of each other count once: a
    holder is a copy of an earlier kept one when they share at least ``COPY_OVERLAP`` of the
    smaller one's line keys (the overlap coefficient) and at least ``COPY_MIN_LINES`` of them. ``len(holders)`` when there are more
    than ``COPY_GROUP_MAX``. ``memo``: document -> its key set, shared between the calls of
    one reduce."""
    if len(holders) > COPY_GROUP_MAX or len(holders) < 2:
        return len(holders)
    kept: list[frozenset] = []
    for p in holders:
        keys = memo.get(p)
        if keys is None:
            st = states[p]
            keys = memo[p] = frozenset(() if st is None else np.asarray(st["keys"]).tolist())
        if not any(len(keys & other) >= max(COPY_MIN_LINES, COPY_OVERLAP * min(len(keys), len(other)))
                   for other in kept):
            kept.append(keys)
    return len(kept)
