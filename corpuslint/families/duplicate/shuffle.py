"""Cross-file duplicate reduce split across partitions (a reduction plan, see
``corpuslint/reduction.py``), for executors that spread the reduce (Dask).

Near-duplicate units (D104 paragraphs, D105 documents), ``LSH_BANDS``::

    emit      per partition: one row per (unit, LSH band): band, band key, unit id,
              exact key, document, words, target; split into shards by band key
    bucket    per shard (the shuffle): the D104 boilerplate filter, exact-key
              representatives (the smallest id of each exact key) and the candidate
              pairs of each band bucket, exactly as ``lsh.candidate_pairs`` makes them;
              pairs split by the partitions of their two units
    verify    per pair of partitions: each partition sends the shingle sets of its
              units in candidate pairs (computed where its states are), and the
              exact Jaccard of the candidate pairs is computed
    client    union-find over the verified edges and exact-copy links (small)
    take      per partition: the states of the units in clusters only

The rule's own ``reduce`` then runs on those few units with ``facts`` (representatives
and verified edges), so the findings are those of the local reduce: unit ids are the
local reduce's indices (documents in path order, units in document order), which is why
every step keeps that order. Every row of one exact key shares every band key, so one
bucket sees all copies of a key: the boilerplate filter and the representatives need no
other shard.

Boilerplate lines (D106), ``LINE_COUNTS``: each partition splits its line keys into
shards by key; a shard counts the documents of each key and keeps the keys in enough of
them, with their first two holders (path order) and, for a key in a few documents, all
of them; the client counts the documents that are copies of one text once (their line
keys fetched from the partitions: ``incremental.copies_counted_once``, as the local
reduce), then gets the common keys' target states restricted to them.
"""

from __future__ import annotations

import math
from operator import getitem
from typing import Any

import numpy as np

from . import frames, lsh
from .incremental import COPY_GROUP_MAX, copies_counted_once
from .local import _subset

_COLS = 7  # band, band key, unit id, exact key, document, words, target
# Shards of a shuffle: one per partition (a shard then holds about one partition's rows,
# whatever the corpus size), up to this many. The shuffle is partitions x shards small
# tasks, so past MAX_SHARDS partitions a shard grows with the corpus (a multi-stage
# shuffle, e.g. dask.dataframe's p2p, would keep it bounded).
MAX_SHARDS = 128


def _unit_counts(states: dict[str, Any]) -> list[tuple[str, int]]:
    """(path, units) of the documents that have units, in path order."""
    return [(p, len(s["lines"])) for p, s in sorted(states.items()) if s is not None and len(s["lines"])]


def _emit(states: dict[str, Any], bases: dict[str, tuple[int, int]], targets: set[str], threshold: float,
          shards: int) -> list[np.ndarray]:
    """Rows (``_COLS`` uint64 columns) of this partition's units, one per LSH band, split into
    ``shards`` by band key."""
    bands, ids, ekeys, docs, words, tgt = [], [], [], [], [], []
    for path, (base, doc) in bases.items():
        st = states[path]
        m = len(st["lines"])
        if "bands" in st:  # D104: the LSH band keys themselves (lsh.band_keys)
            bands.append(np.asarray(st["bands"]).reshape(m, -1))
        else:
            bands.append(lsh.band_keys(np.asarray(st["sig"]).reshape(m, -1).astype(np.uint32, copy=False), threshold))
        ids.append(np.arange(base, base + m, dtype=np.uint64))
        ekeys.append(np.asarray(st["keys"]).astype(np.uint64, copy=False))
        docs.append(np.full(m, doc, dtype=np.uint64))
        words.append(np.asarray(st["nwords"]).astype(np.uint64, copy=False))
        tgt.append(np.full(m, path in targets, dtype=np.uint64))
    if not bands:
        return [np.zeros((0, _COLS), np.uint64) for _ in range(shards)]
    keys = np.concatenate(bands).T  # (b, n)
    b, n = keys.shape
    rows = np.empty((b * n, _COLS), dtype=np.uint64)
    rows[:, 0] = np.repeat(np.arange(b, dtype=np.uint64), n)
    rows[:, 1] = keys.reshape(-1)
    for c, col in ((2, ids), (3, ekeys), (4, docs), (5, words), (6, tgt)):
        rows[:, c] = np.tile(np.concatenate(col), b)
    shard = ((rows[:, 1] >> np.uint64(11)) % np.uint64(shards)).astype(np.int64)
    order = np.argsort(shard, kind="stable")
    cuts = np.searchsorted(shard[order], np.arange(shards + 1))
    return [rows[order[cuts[j] : cuts[j + 1]]] for j in range(shards)]


def _runs(*cols: np.ndarray) -> np.ndarray:
    """Start flags of runs of equal values of ``cols`` (rows already sorted by them)."""
    n = len(cols[0])
    new = np.zeros(n, dtype=bool)
    if n:
        new[0] = True
        for c in cols:
            new[1:] |= c[1:] != c[:-1]
    return new


def _bucket(bp_docs: int, bp_max_words: int, part_starts: np.ndarray, *shards: np.ndarray) -> dict:
    """One shard of the shuffle: candidate pairs by partition pair, exact-copy links, and the
    number of units (and target units) the boilerplate filter removed."""
    rows = np.concatenate(shards) if shards else np.zeros((0, _COLS), np.uint64)
    out = {"pairs": {}, "links": np.zeros((0, 2), np.int64), "removed": 0, "removed_targets": 0}
    if not len(rows):
        return out
    rows = rows[np.lexsort((rows[:, 2], rows[:, 3], rows[:, 0]))]  # band, exact key, id
    if bp_docs > 0:  # D104: short units whose exact key is in bp_docs+ documents are D106's
        g = np.cumsum(_runs(rows[:, 0], rows[:, 3])) - 1
        pair = np.unique(np.stack((g.astype(np.uint64), rows[:, 4]), axis=1), axis=0)
        ndocs = np.bincount(pair[:, 0].astype(np.int64), minlength=int(g[-1]) + 1)
        many = ndocs[g] >= bp_docs
        if bp_max_words > 0:  # 0: any length (see D104's boilerplate-max-words)
            many &= rows[:, 5] <= np.uint64(bp_max_words)
        keep = ~many
        gone = ~keep & (rows[:, 0] == 0)
        out["removed"] = int(gone.sum())
        out["removed_targets"] = int((gone & (rows[:, 6] == 1)).sum())
        rows = rows[keep]
        if not len(rows):
            return out
    new = _runs(rows[:, 0], rows[:, 3])
    g = np.cumsum(new) - 1
    first = np.flatnonzero(new)
    rep_id = rows[first, 2][g]  # smallest id of the exact key: its representative
    touch = np.zeros(len(first), dtype=bool)
    np.logical_or.at(touch, g, rows[:, 6] == 1)  # an exact key with a target unit
    dup = ~new & (rows[:, 0] == 0)
    out["links"] = np.stack((rows[dup, 2], rep_id[dup]), axis=1).astype(np.int64)
    reps = rows[first]
    order = np.lexsort((reps[:, 2], reps[:, 1], reps[:, 0]))  # band, band key, id
    reps, touch = reps[order], touch[order]
    start = _runs(reps[:, 0], reps[:, 1])
    bounds = np.append(np.flatnonzero(start), len(reps))
    sizes = np.diff(bounds)
    parts: list[np.ndarray] = []
    ids = reps[:, 2].astype(np.int64)
    flags = touch.astype(np.int64)
    for s, e in zip(bounds[:-1][sizes > 1].tolist(), bounds[1:][sizes > 1].tolist()):
        members = np.arange(s, e)  # local rows, ids ascending
        got: list[np.ndarray] = []
        lsh._bucket_pairs(members, got)
        parts.extend(got)
    if not parts:
        return out
    local = np.concatenate(parts)
    pairs = np.stack((ids[local[:, 0]], ids[local[:, 1]], flags[local[:, 0]] | flags[local[:, 1]]), axis=1)
    pa = np.searchsorted(part_starts, pairs[:, 0], side="right") - 1
    pb = np.searchsorted(part_starts, pairs[:, 1], side="right") - 1
    code = pa * len(part_starts) + pb
    order = np.argsort(code, kind="stable")
    code, pairs = code[order], pairs[order]
    cuts = np.flatnonzero(_runs(code))
    for s, e in zip(cuts.tolist(), np.append(cuts[1:], len(code)).tolist()):
        c = int(code[s])
        out["pairs"][(c // len(part_starts), c % len(part_starts))] = pairs[s:e]
    return out


def _bucket_summary(result: dict) -> tuple:
    return list(result["pairs"]), result["links"], result["removed"], result["removed_targets"]


def _pick(result: dict, key) -> np.ndarray:
    return result["pairs"][key]


def _sets_of(states: dict[str, Any], bases: dict[str, tuple[int, int]], ids: np.ndarray):
    """(sets, offsets) of the units ``ids`` (sorted, unique) of one partition."""
    paths = list(bases)
    starts = np.array([bases[p][0] for p in paths], dtype=np.int64)
    where = np.searchsorted(starts, ids, side="right") - 1
    sets, offs = [], [np.zeros(1, np.int64)]
    total = 0
    for k in np.unique(where).tolist():
        st = states[paths[k]]
        rows = ids[where == k] - starts[k]
        s, o = _subset(np.asarray(st["sets"]), np.asarray(st["off"]), rows)
        sets.append(s)
        offs.append(o[1:] + total)
        total += int(o[-1])
    return (np.concatenate(sets) if sets else np.zeros(0, np.uint32)), np.concatenate(offs)


def _pairs(focus: bool, pair_shards) -> np.ndarray:
    """The unique candidate pairs (a, b) of one partition pair (only pairs touching a target
    when ``focus``)."""
    pairs = np.concatenate(pair_shards)
    if focus:
        pairs = pairs[pairs[:, 2] == 1]
    return np.unique(pairs[:, :2], axis=0)  # one pair may come from several bands


def _needed_sets(states: dict[str, Any], bases: dict[str, tuple[int, int]], side: int | None, focus: bool,
                 *pair_shards: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Runs where the partition's states are: (ids, sets, offsets) of its units in the
    candidate pairs (column ``side``, or both when None): only these travel to ``_verify``."""
    pairs = _pairs(focus, pair_shards)
    ids = np.unique(pairs if side is None else pairs[:, side])
    sets, off = _sets_of(states, bases, ids)
    return ids, sets, off


def _verify(threshold: float, focus: bool, side_a: tuple, side_b: tuple | None,
            *pair_shards: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Verified pairs (global ids, a < b) among the candidates of one partition pair, from
    the shingle sets ``_needed_sets`` sent (``side_b`` None: both units in one partition)."""
    pairs = _pairs(focus, pair_shards)
    if not len(pairs):
        return np.zeros((0, 2), np.int64), np.zeros(0)
    ids, sets, off = side_a
    if side_b is not None:  # partition a's ids all sort before partition b's
        ids_b, sets_b, off_b = side_b
        ids = np.concatenate((ids, ids_b))
        off = np.concatenate((off, off_b[1:] + off[-1]))
        sets = np.concatenate((sets, sets_b))
    kept, sims = lsh.verify(np.searchsorted(ids, pairs), sets, off, threshold)
    return ids[kept], sims


def _frame_counts(states: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """(frames, documents) of this partition's D104 states (``frames.count_frames``)."""
    return frames.count_frames([s["frames"] for s in states.values() if s is not None and "frames" in s])


def _take(states: dict[str, Any], bases: dict[str, tuple[int, int]], ids: np.ndarray) -> dict[str, Any]:
    """The states of this partition restricted to the units ``ids`` (sorted global ids)."""
    out = {}
    for path, (base, _doc) in bases.items():
        st = states[path]
        m = len(st["lines"])
        lo, hi = np.searchsorted(ids, [base, base + m])
        if lo == hi:
            continue
        rows = ids[lo:hi] - base
        sub = {f: np.asarray(st[f])[rows] for f in ("lines", "spans", "nwords", "keys")}
        rows_of = "bands" if "bands" in st else "sig"
        sub[rows_of] = np.asarray(st[rows_of]).reshape(m, -1)[rows]
        sub["sets"], sub["off"] = _subset(np.asarray(st["sets"]), np.asarray(st["off"]), rows)
        if "names" in st:  # D104: name hashes per unit (a near-copy about another thing)
            sub["names"], sub["names_off"] = _subset(np.asarray(st["names"]), np.asarray(st["names_off"]), rows)
        if "tframes" in st:  # D104: sentence frames per unit (slot templates)
            sub["tframes"], sub["tframes_off"] = _subset(np.asarray(st["tframes"]), np.asarray(st["tframes_off"]), rows)
        if "ranks" in st:  # D104: a title, entries of a table of contents (``regions.heading_ranks``)
            sub["ranks"] = np.asarray(st["ranks"])[rows]
        if "letters" in st:  # D104: each unit's letters, bare and marked; the document's units (its fold)
            sub["letters"] = np.asarray(st["letters"]).reshape(m, 2)[rows]
            sub["whole"] = np.array([m], dtype=np.int64)
        if "title" in st:  # D105: the document's first heading, its numbers apart (``corpus._renumbered``)
            sub["title"] = np.asarray(st["title"]).reshape(m, -1)[rows]
        if "paragraph_letters" in st:  # D105: the document's paragraphs' letters (``corpus._another_edition``)
            sub["paragraph_letters"] = np.asarray(st["paragraph_letters"])
        out[path] = sub
    return out


class NearDuplicateBands:
    """Reduction plan of D104/D105 (see the module docstring). ``facts`` for the rule:
    ``{"rep": rep (n,), "pairs": (m, 2), "sims": (m,)}`` in the index space of the
    returned states (the units in clusters, in path order)."""

    def run(self, rule, ops, targets: set[str]):
        threshold = float(rule.opts["threshold"])
        bp_docs = int(rule.opts.get("boilerplate-docs", 0))  # D104 only
        bp_max = int(rule.opts.get("boilerplate-max-words", 0))
        handles = ops.states(rule.code)
        counts = ops.gather(ops.map(_unit_counts, handles))
        bases: list[dict[str, tuple[int, int]]] = []
        starts, nxt, doc, target_units = [], 0, 0, 0
        for part in counts:
            starts.append(nxt)
            b = {}
            for path, m in part:
                b[path] = (nxt, doc)
                nxt, doc = nxt + m, doc + 1
                target_units += m if path in targets else 0
            bases.append(b)
        n = nxt
        empty = {"rep": np.zeros(0, np.int64), "pairs": np.zeros((0, 2), np.int64), "sims": np.zeros(0)}
        if doc < 2 or not any(p in targets for b in bases for p in b):
            return {}, empty
        if bp_docs > 0:  # as the local reduce: at least boilerplate-fraction of the documents (every
            # document with a state, not only those with units: ``corpus.taking_part``)
            from .corpus import taking_part

            every = sum(ops.gather(ops.map(taking_part, handles)))
            bp_docs = max(bp_docs, math.ceil(float(rule.opts.get("boilerplate-fraction", 0)) * every))
        # D104: sentence frames in at least bp_docs documents are templates (frames.py)
        template = frames.add_counts(ops.gather(ops.map(_frame_counts, handles)), bp_docs) if bp_docs > 0 else None
        part_starts = np.array(starts, dtype=np.int64)
        shards = min(MAX_SHARDS, max(1, ops.partitions))
        mine = [{p for p in b if p in targets} for b in bases]
        emitted = ops.map(_emit, handles, bases, mine, [threshold] * len(handles), [shards] * len(handles))
        buckets = []
        for j in range(shards):
            pieces = ops.map(getitem, emitted, [j] * len(emitted))
            buckets.append(ops.submit(_bucket, bp_docs, bp_max, part_starts, *pieces))
        summaries = ops.gather(ops.map(_bucket_summary, buckets))
        removed = sum(s[2] for s in summaries)
        removed_t = sum(s[3] for s in summaries)
        kept, kept_t = n - removed, target_units - removed_t
        focus = kept > 0 and kept_t / kept < 0.5  # as the local reduce: only pairs touching a target
        by_pair: dict[tuple[int, int], list] = {}
        for j, s in enumerate(summaries):
            for key in s[0]:
                by_pair.setdefault(key, []).append(ops.submit(_pick, buckets[j], key))
        verified = []
        for (a, b), got in sorted(by_pair.items()):
            if a == b:
                side_a, side_b = ops.submit(_needed_sets, handles[a], bases[a], None, focus, *got), None
            else:
                side_a = ops.submit(_needed_sets, handles[a], bases[a], 0, focus, *got)
                side_b = ops.submit(_needed_sets, handles[b], bases[b], 1, focus, *got)
            verified.append(ops.submit(_verify, threshold, focus, side_a, side_b, *got))
        results = ops.gather(verified)
        pairs = np.concatenate([r[0] for r in results] or [np.zeros((0, 2), np.int64)])
        sims = np.concatenate([r[1] for r in results] or [np.zeros(0)])
        order = np.lexsort((pairs[:, 1], pairs[:, 0]))
        pairs, sims = pairs[order], sims[order]
        links = np.concatenate([s[1] for s in summaries] or [np.zeros((0, 2), np.int64)])
        # the units in clusters: every end of an edge or an exact-copy link
        sel = np.unique(np.concatenate((pairs.reshape(-1), links.reshape(-1))))
        if not len(sel):
            return {}, empty
        where = np.searchsorted(part_starts, sel, side="right") - 1
        wanted = [i for i in range(len(handles)) if (where == i).any()]
        taken = ops.gather(ops.map(_take, [handles[i] for i in wanted], [bases[i] for i in wanted],
                                   [sel[where == i] for i in wanted]))
        states: dict[str, Any] = {}
        for part in taken:
            states.update(part)
        rep = np.arange(len(sel), dtype=np.int64)
        if len(links):
            rep[np.searchsorted(sel, links[:, 0])] = np.searchsorted(sel, links[:, 1])
        facts = {"rep": rep, "pairs": np.searchsorted(sel, pairs).reshape(-1, 2), "sims": sims}
        if template is not None:
            facts["template"] = template
        return states, facts


LSH_BANDS = NearDuplicateBands()


# ---------------------------------------------------------------------------- D106


def _line_emit(states: dict[str, Any], doc_ids: dict[str, tuple[int, int]], shards: int) -> list[np.ndarray]:
    """(key, document, first line, file) rows of this partition, split into shards by key
    (``doc_ids``: path -> (document, file) numbers; a notebook's cells share its file's)."""
    rows = [np.stack((np.asarray(s["keys"], np.uint64), np.full(len(s["keys"]), doc_ids[p][0], np.uint64),
                      np.asarray(s["lines"]).astype(np.uint64), np.full(len(s["keys"]), doc_ids[p][1], np.uint64)),
                     axis=1)
            for p, s in sorted(states.items()) if s is not None and p in doc_ids]  # (of one population)
    rows = np.concatenate(rows) if rows else np.zeros((0, 4), np.uint64)
    shard = ((rows[:, 0] >> np.uint64(11)) % np.uint64(shards)).astype(np.int64)
    order = np.argsort(shard, kind="stable")
    cuts = np.searchsorted(shard[order], np.arange(shards + 1))
    return [rows[order[cuts[j] : cuts[j + 1]]] for j in range(shards)]


def _line_counts(need: int, group: bool, *shards: np.ndarray) -> dict[int, tuple[int, list[tuple[int, int]], list[int]]]:
    """Keys in >= ``need`` documents (files: a notebook's cells count once): key ->
    (documents, [(document, line) of the first holder, and of the first holder in another
    file], holders), as the local reduce (``BoilerplateLine.reduce``) finds them; with
    ``group`` (no notebook in the corpus), ``holders`` are the key's documents in path
    order when there are at most ``incremental.COPY_GROUP_MAX`` of them (the client counts
    copies of one text once), else empty."""

    rows = np.concatenate(shards) if shards else np.zeros((0, 4), np.uint64)
    if not len(rows):
        return {}
    rows = rows[np.lexsort((rows[:, 1], rows[:, 0]))]  # key, document (path order)
    new = _runs(rows[:, 0])
    bounds = np.append(np.flatnonzero(new), len(rows))
    # files per key: the distinct (key, file) pairs (a file's documents are not contiguous by path
    # when another file's name sorts between its cells', so count them apart from the sort)
    g = np.cumsum(new) - 1
    pairs = np.unique(np.stack((g.astype(np.uint64), rows[:, 3]), axis=1), axis=0)
    files = np.bincount(pairs[:, 0].astype(np.int64), minlength=len(bounds) - 1)
    out = {}
    for j in np.flatnonzero(files >= need).tolist():
        s, e = int(bounds[j]), int(bounds[j + 1])
        run = rows[s:e]
        first = [run[0]] + [r for r in run[1:][run[1:, 3] != run[0, 3]][:1]]
        holders = run[:, 1].tolist() if group and 2 <= files[j] <= COPY_GROUP_MAX else []
        out[int(rows[s, 0])] = (int(files[j]), [(int(r[1]), int(r[2])) for r in first], holders)
    return out


def _line_keys_of(states: dict[str, Any], wanted: set[str]) -> dict[str, np.ndarray]:
    """The D106 line keys of this partition's documents in ``wanted`` (to tell copies of one
    text: ``incremental.copies_counted_once``)."""
    return {p: np.asarray(s["keys"]) for p, s in states.items() if p in wanted and s is not None}


def _line_take(states: dict[str, Any], wanted: tuple[set[str], set[int]]) -> dict[str, Any]:
    """The target states of this partition restricted to the lines whose key is common."""
    targets, common = wanted
    out = {}
    for p, s in states.items():
        if p not in targets or s is None:
            continue
        wanted_keys = np.fromiter(common, np.uint64, len(common))
        hit = np.isin(np.asarray(s["keys"]), wanted_keys)
        heads = None if s.get("heads") is None else np.isin(np.asarray(s["heads"]), wanted_keys)
        if hit.any() or (heads is not None and heads.any()):
            out[p] = {f: np.asarray(s[f])[hit] for f in ("keys", "lines", "spans")}
            if heads is not None and heads.any():  # (an outline's headings whose words are common: reported)
                out[p]["heads"] = np.asarray(s["heads"])[heads]
                out[p]["head_rows"] = np.asarray(s["head_rows"])[heads]
            if s.get("steps") is not None:  # (the steps of lists, and their lists' items: ``corpus._own_steps``)
                out[p]["steps"] = np.asarray(s["steps"])[hit]
                out[p]["items"] = np.asarray(s["items"])
            repeats = s.get("repeats")
            if repeats is not None:  # a line's later copies: their key's index among the kept
                repeats = np.asarray(repeats)
                kept = repeats[hit[repeats[:, 0]]]
                if len(kept):
                    kept = kept.copy()
                    kept[:, 0] = (np.cumsum(hit) - 1)[kept[:, 0]]
                    out[p]["repeats"] = kept
    return out


def _paths(states: dict[str, Any]) -> list[str]:
    """The paths with a D106 state of a partition, in path order (documents with a state
    only: ``corpus.taking_part``)."""
    return sorted(p for p, s in states.items() if s is not None)


class BoilerplateCounts:
    """Reduction plan of D106 (see the module docstring). ``facts``: ``{"n_docs": N,
    "common": {key: (documents, [(path, line), (path, line)])}}``; for a corpus of text files
    and data files' records (``corpus.populations``, counted apart), ``{"populations": [(N,
    common) of the text files, (N, common) of the records]}``."""

    def run(self, rule, ops, targets: set[str]):
        handles = ops.states(rule.code)
        from .corpus import _file_key, populations

        sizes = ops.gather(ops.map(_paths, handles))
        paths = [p for s in sizes for p in s]  # partitions are in key order: path order
        # the text files and the data files' records are counted apart (``BoilerplateLine``), when
        # the executor names the records (``Ops.record_of``)
        record_of = getattr(ops, "record_of", None)
        groups = populations(record_of, paths) if record_of is not None else None
        doc_ids, base, file_ids = [], 0, {}
        for s in sizes:
            doc_ids.append({p: (base + k, file_ids.setdefault(_file_key(p), len(file_ids))) for k, p in enumerate(s)})
            base += len(s)
        if groups is None:
            counted = [self._count(rule, ops, handles, doc_ids, paths, paths)]
        else:
            counted = []
            for group in groups:
                members = set(group)
                counted.append(self._count(rule, ops, handles, [{p: v for p, v in d.items() if p in members}
                                                                for d in doc_ids], paths, group))
        facts = ({"n_docs": counted[0][0], "common": counted[0][1]} if len(counted) == 1
                 else {"populations": counted})
        wanted_keys = set().union(*(common for _, common in counted))
        if not wanted_keys:
            return {}, facts
        wanted = ops.put((targets, wanted_keys))
        states: dict[str, Any] = {}
        for part in ops.gather(ops.map(_line_take, handles, [wanted] * len(handles))):
            states.update(part)
        return states, facts

    @staticmethod
    def _count(rule, ops, handles, doc_ids: list[dict], paths: list[str], group: list[str]) -> tuple[int, dict]:
        """(documents, ``{key: (documents, first holders)}``) of the common lines among the
        documents ``group`` (one population, in path order; ``doc_ids``: each partition's
        documents of it -> (document, file) numbers), as the local reduce counts them."""
        from .corpus import _file_key

        # documents as the local reduce counts them: a notebook once, whichever partitions hold its cells
        notebooks = any(_file_key(p) != p for p in group)
        n_docs = len({_file_key(p) for p in group}) if notebooks else len(group)
        need = max(2, int(rule.opts["min-docs"]), math.ceil(float(rule.opts["min-fraction"]) * n_docs))
        shards = min(MAX_SHARDS, max(1, ops.partitions))
        emitted = ops.map(_line_emit, handles, doc_ids, [shards] * len(handles))
        tables = []
        for j in range(shards):
            pieces = ops.map(getitem, emitted, [j] * len(emitted))
            tables.append(ops.submit(_line_counts, need, not notebooks, *pieces))
        common: dict[int, tuple] = {}
        groups: dict[int, list[str]] = {}  # key -> its holders, when copies of one text may be among them
        for t in ops.gather(tables):
            for k, (c, h, holders) in t.items():
                common[k] = (c, [(paths[d], ln) for d, ln in h])
                if holders:
                    groups[k] = [paths[d] for d in holders]
        if groups:  # one text's copies (.md, .rst, .txt of one translation) count once, as in the local reduce
            wanted = ops.put(set().union(*groups.values()))
            keys_of: dict[str, Any] = {}
            for part in ops.gather(ops.map(_line_keys_of, handles, [wanted] * len(handles))):
                keys_of.update((p, {"keys": keys}) for p, keys in part.items())
            memo: dict = {}
            for k, holders in groups.items():
                n = copies_counted_once(keys_of, holders, memo)
                if n < need:
                    del common[k]
                else:
                    common[k] = (n, common[k][1])
        return n_docs, common


LINE_COUNTS = BoilerplateCounts()
