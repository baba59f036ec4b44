"""Sentence frames: a short paragraph with one slot of a few words left open.

Help pages and generated documentation write the same step with another word in it:
"Click Date & Time in the sidebar to open the panel.", "Click Sound in the sidebar to
open the panel."; "نمای کلی فعّالیت‌ها را گشوده و شروع به نوشتن X کنید" (open the
Activities overview and start typing X). Two pages about the same panel then share the
whole line, which is the template used twice, not a paragraph copied (D104 leaves
templates to D106). A unit's frames are its word sequence with one contiguous slot of
1..``MAX_SLOT`` words blanked, where the fixed words are at least ``MIN_FIXED`` and at
least ``MIN_FIXED_SHARE`` of the unit; a frame is a 64-bit hash of (words before the
slot, words after it), so fillers of any length give the same frame. A frame found in
many documents is a template (``CrossFileDuplicateParagraph`` decides how many).
"""

from __future__ import annotations

import numpy as np

MIN_TOKENS = 6  # shorter units are left to D106 and min-words anyway
MAX_TOKENS = 20  # longer paragraphs are written, not filled in
MAX_SLOT = 4
MIN_FIXED = 5
MIN_FIXED_SHARE = 0.6

_U64 = np.uint64
_B = _U64(0x9E3779B97F4A7C15)  # position weights of the words before the slot
_C = _U64(0xC2B2AE3D27D4EB4F)  # ... and of the words after it (counted from the end)
_K = _U64(0x165667B19E3779F9)


def _powers(base: np.uint64, n: int) -> np.ndarray:
    out = np.ones(n + 1, dtype=_U64)
    with np.errstate(over="ignore"):
        for k in range(1, n + 1):
            out[k] = out[k - 1] * base
    return out


_PB = _powers(_B, MAX_TOKENS + 1)
_PC = _powers(_C, MAX_TOKENS + 1)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, element-wise (uint64, wrapping)."""
    x = x ^ (x >> _U64(30))
    x = x * _U64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> _U64(27))
    x = x * _U64(0x94D049BB133111EB)
    return x ^ (x >> _U64(31))


def frame_hashes(tokens: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Frames of every unit: ``tokens`` are word hashes (any unsigned ints) of all units
    concatenated, unit ``i`` owning ``tokens[bounds[i]:bounds[i+1]]``. Returns
    ``(hashes, offsets)``: unit ``i``'s frames (uint64, sorted, unique) are
    ``hashes[offsets[i]:offsets[i+1]]``; units outside ``MIN_TOKENS..MAX_TOKENS`` words
    have none."""
    n_units = len(bounds) - 1
    lengths = (bounds[1:] - bounds[:-1]).astype(np.int64)
    sel = ((lengths >= MIN_TOKENS) & (lengths <= MAX_TOKENS)).nonzero()[0]
    if not len(sel):
        return np.zeros(0, _U64), np.zeros(n_units + 1, np.int64)
    lens = lengths[sel]
    starts = np.zeros(len(sel) + 1, dtype=np.int64)  # unit starts in the selected-token array
    np.cumsum(lens, out=starts[1:])
    total = int(starts[-1])
    owner = np.repeat(np.arange(len(sel)), lens)  # selected unit of each token
    pos = np.arange(total, dtype=np.int64) - starts[owner]  # position in its unit
    src = np.repeat(bounds[:-1][sel].astype(np.int64), lens) + pos
    t = tokens[src].astype(_U64) + _U64(1)
    pre = np.zeros(total + 1, dtype=_U64)
    np.cumsum(t * _PB[pos + 1], out=pre[1:])  # pre[p] - pre[start]: words start..p-1
    suf = np.zeros(total + 1, dtype=_U64)
    np.cumsum(t * _PC[lens[owner] - pos], out=suf[1:])  # suf[end] - suf[p]: words p..end-1
    units_out, hashes_out = [], []
    n_of = lens[owner]
    for slot in range(1, MAX_SLOT + 1):
        fixed = n_of - slot
        ok = (pos + slot <= n_of) & (fixed >= MIN_FIXED) & (fixed >= np.ceil(MIN_FIXED_SHARE * n_of))
        p = np.nonzero(ok)[0]
        if not len(p):
            continue
        u = owner[p]
        before = pre[p] - pre[starts[u]]
        after = suf[starts[u + 1]] - suf[p + slot]
        hashes_out.append(_mix(before ^ (after * _K)))
        units_out.append(sel[u])
    if not hashes_out:
        return np.zeros(0, _U64), np.zeros(n_units + 1, np.int64)
    unit_of = np.concatenate(units_out)
    h = np.concatenate(hashes_out)
    order = np.lexsort((h, unit_of))
    unit_of, h = unit_of[order], h[order]
    keep = np.ones(len(h), dtype=bool)
    keep[1:] = (h[1:] != h[:-1]) | (unit_of[1:] != unit_of[:-1])
    unit_of, h = unit_of[keep], h[keep]
    offsets = np.zeros(n_units + 1, dtype=np.int64)
    np.cumsum(np.bincount(unit_of, minlength=n_units), out=offsets[1:])
    return h, offsets


def count_frames(per_doc: list[np.ndarray], release: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(unique frames, number of documents each is in) over ``per_doc``: a partial count
    a distributed reduce adds up with ``add_counts``. ``release``: the list is emptied,
    so arrays it held the last reference to are freed once concatenated."""
    parts = [f for f in per_doc if len(f)]
    if release:
        per_doc.clear()
    if not parts:
        return np.zeros(0, _U64), np.zeros(0, np.int64)
    every = np.concatenate(parts)
    del parts
    every.sort()  # in place: np.unique would sort a copy
    new = np.empty(len(every), dtype=bool)  # (no int64 copies of every frame beyond the sorted one)
    new[0] = True
    np.not_equal(every[1:], every[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    del new
    unique = every[starts]
    counts = np.empty(len(starts), dtype=np.int64)
    np.subtract(starts[1:], starts[:-1], out=counts[:-1])
    counts[-1] = len(every) - starts[-1]
    return unique, counts


def add_counts(parts: list[tuple[np.ndarray, np.ndarray]], need: int) -> np.ndarray:
    """Frames whose summed document counts reach ``need`` (sorted)."""
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return np.zeros(0, _U64)
    if len(parts) == 1:  # one count (a local run): its frames are unique and sorted already
        return parts[0][0][parts[0][1] >= need]
    u, inverse = np.unique(np.concatenate([p[0] for p in parts]), return_inverse=True)
    counts = np.bincount(inverse.reshape(-1), weights=np.concatenate([p[1] for p in parts]), minlength=len(u))
    return u[counts >= need]
