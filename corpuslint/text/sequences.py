"""Aligning two sequences of hashable items (a file's lines, a paragraph's words) in time
near-linear in their length: a patience diff (as ``git diff --patience``) that leaves only
small gaps to difflib, whose own search is quadratic in the items a gap repeats."""

from __future__ import annotations

import bisect
import difflib
from typing import Hashable, Sequence


class PatienceMatcher(difflib.SequenceMatcher):
    """``difflib.SequenceMatcher`` over two sequences whose matching blocks come from a
    patience diff (as ``git diff --patience``): the common head and tail, then the items
    that occur once in each side as anchors (their longest increasing run), recursing into
    the gaps between anchors. A gap of at most ``exact_cells`` item pairs is difflib's
    (none for a file's lines: ``--diff`` is git's patience diff). A gap without such items and as many items on each side is
    compared item by item when ``same_length_pairwise`` (a file's lines: the fixes kept its
    lines, each changed line is a changed line). With ``run_anchors``, a gap of more than
    ``gap_cells`` item pairs without a unique item is anchored on the runs of 2, 4, ... 32
    items that occur once in each side (two paragraphs of a few words repeated: no word is
    unique, a run of eight of them is). Any other gap is left to difflib's own search,
    which is quadratic in the items a gap repeats (fresh25: a 9,993-line fortune file,
    every line fixed, whose ``%`` separator repeats 1,500 times, took 80 s CPU for
    ``--diff``); over ``gap_cells`` item pairs difflib treats its most frequent items as
    junk (``autojunk``): a larger changed block, never a wrong one. Blocks are exact
    matches, so the opcodes turn ``a`` into ``b`` whatever they are."""

    gap_cells = 4_000_000
    exact_cells = 0
    same_length_pairwise = True
    run_anchors = False
    _LONGEST_RUN = 32

    def get_matching_blocks(self):
        if self.matching_blocks is not None:
            return self.matching_blocks
        a, b = self.a, self.b
        blocks: list[tuple[int, int, int]] = []
        stack = [(0, len(a), 0, len(b))]
        while stack:
            alo, ahi, blo, bhi = stack.pop()
            head = 0
            while alo + head < ahi and blo + head < bhi and a[alo + head] == b[blo + head]:
                head += 1
            if head:
                blocks.append((alo, blo, head))
                alo, blo = alo + head, blo + head
            tail = 0
            while alo < ahi - tail and blo < bhi - tail and a[ahi - tail - 1] == b[bhi - tail - 1]:
                tail += 1
            if tail:
                blocks.append((ahi - tail, bhi - tail, tail))
                ahi, bhi = ahi - tail, bhi - tail
            if alo == ahi or blo == bhi:
                continue
            if (ahi - alo) * (bhi - blo) <= self.exact_cells:
                gap = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
                blocks.extend((alo + i, blo + j, n) for i, j, n in gap.get_matching_blocks() if n)
                continue
            run, anchors = 1, unique_anchors(a, b, alo, ahi, blo, bhi)
            if not anchors and self.same_length_pairwise and ahi - alo == bhi - blo:
                blocks.extend((alo + k, blo + k, 1) for k in range(ahi - alo) if a[alo + k] == b[blo + k])
                continue
            large = (ahi - alo) * (bhi - blo) > self.gap_cells
            while not anchors and self.run_anchors and large and run < min(self._LONGEST_RUN, ahi - alo, bhi - blo):
                run *= 2
                anchors = unique_anchors(a, b, alo, ahi, blo, bhi, run)
            if not anchors:
                gap = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=large)
                blocks.extend((alo + i, blo + j, n) for i, j, n in gap.get_matching_blocks() if n)
                continue
            prev_a, prev_b = alo, blo
            for i, j in anchors:
                if i < prev_a or j < prev_b:
                    continue  # (a run overlapping the run before it: its items are matched or in a gap)
                stack.append((prev_a, i, prev_b, j))
                blocks.append((i, j, run))
                prev_a, prev_b = i + run, j + run
            stack.append((prev_a, ahi, prev_b, bhi))
        blocks.sort()
        merged: list[list[int]] = []
        for i, j, n in blocks:  # adjacent blocks as one, as difflib gives them
            if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
                merged[-1][2] += n
            else:
                merged.append([i, j, n])
        self.matching_blocks = [difflib.Match(i, j, n) for i, j, n in merged] + [difflib.Match(len(a), len(b), 0)]
        return self.matching_blocks


def unique_anchors(a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int,
                   run: int = 1) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` with ``a[i:i + run] == b[j:j + run]``, a run of items that occurs once
    in ``a[alo:ahi]`` and once in ``b[blo:bhi]``: the longest chain of them increasing in
    both (patience sorting, O(n log n) for ``n`` items; runs of ``run`` items: O(n run))."""

    def key(seq, i):
        return seq[i] if run == 1 else tuple(seq[i : i + run])

    seen_a: dict = {}
    for i in range(alo, ahi - run + 1):
        item = key(a, i)
        seen_a[item] = -1 if item in seen_a else i
    seen_b: dict = {}
    for j in range(blo, bhi - run + 1):
        item = key(b, j)
        if seen_a.get(item, -1) >= 0:
            seen_b[item] = -1 if item in seen_b else j
    pairs = sorted((seen_a[item], j) for item, j in seen_b.items() if j >= 0)
    tails: list[int] = []  # tails[k]: the smallest j ending an increasing run of k + 1 pairs
    ends: list[int] = []  # the pair index at tails[k]
    before = [-1] * len(pairs)
    for n, (_i, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            ends.append(n)
        else:
            tails[k], ends[k] = j, n
        before[n] = ends[k - 1] if k else -1
    chain, n = [], ends[-1] if ends else -1
    while n >= 0:
        chain.append(pairs[n])
        n = before[n]
    return chain[::-1]
