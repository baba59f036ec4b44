"""Small numpy helpers shared by the rule families."""

from __future__ import annotations

import mmap  # (at import: a run that drops privileges later may not reach lib-dynload)
from itertools import pairwise

import numpy as np


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of a 1-D array (sorted, distinct, same dtype) by one sort.

    numpy 2's ``unique`` is hash-based (~10x slower on large int64 arrays) and imports
    ``numpy.ma`` on its first call (~20 ms of a one-file run's start-up)."""
    values = np.sort(values)
    if not len(values):
        return values
    keep = np.empty(len(values), dtype=bool)  # (not ``np.r_[True, ...]``: ~12 us a call of Python indexing)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def release_pages(a: np.ndarray) -> None:
    """Let the kernel drop the pages of ``a`` from this process' memory, when ``a`` is a
    view of a read-only file mapping (``store.StateSpill.get_many``): they are read
    from the file again if touched later, so values never change; RSS falls by what was
    resident. Any other array (in memory, or a writable mapping, whose private pages
    would be lost) is left as it is. Pages ``a`` shares with neighbouring data go too."""
    root = _root(a)
    view = root.base
    mm = getattr(view, "obj", None) if isinstance(view, memoryview) else None
    if (not isinstance(mm, mmap.mmap) or root.flags.writeable or root.nbytes != len(mm) or not a.nbytes
            or not hasattr(mm, "madvise") or not hasattr(mmap, "MADV_DONTNEED")):  # (Windows: no madvise)
        return
    lo, hi = _byte_bounds(a)
    lo -= root.ctypes.data
    hi -= root.ctypes.data
    lo -= lo % mmap.PAGESIZE
    mm.madvise(mmap.MADV_DONTNEED, lo, min(hi, len(mm)) - lo)


def mapping_root(a: np.ndarray) -> np.ndarray:
    """The array owning ``a``'s memory (a whole file mapping, for a view of one)."""
    return _root(a)


def file_mapping_root(a: np.ndarray) -> np.ndarray | None:
    """``mapping_root(a)`` when ``a`` lies in a file mapping (an ``mmap``: the arrays whose
    pages ``release_pages`` may give back), else None (an array in memory)."""
    if a.base is None:  # (an array of its own: in memory)
        return None
    root = _root(a)
    view = root.base
    return root if isinstance(view, memoryview) and isinstance(view.obj, mmap.mmap) else None


def release_mapping(a: np.ndarray) -> None:
    """``release_pages`` of the whole read-only file mapping ``a`` is a view of (every
    page of it, not only ``a``'s): for a reduce that has read here and there in a spilled
    column through many small views. Any other array is left as it is."""
    release_pages(_root(a))


def adjacent(parts: list[np.ndarray]) -> np.ndarray | None:
    """``np.concatenate(parts)`` as a view, without copying, when the non-empty ``parts``
    (C-contiguous, one dtype and one shape past the first axis) lie one after another
    in one buffer, e.g. states read back from a spill's column in the order written;
    None otherwise (or when every part is empty). Read-only if that buffer is."""
    full = [p for p in parts if p.nbytes]
    if not full:
        return None
    first = full[0]
    root = _root(first)
    if not root.flags.c_contiguous:
        return None
    at = first.ctypes.data
    for p in full:
        if (p.ctypes.data != at or p.dtype != first.dtype or p.shape[1:] != first.shape[1:]
                or not p.flags.c_contiguous or _root(p) is not root):
            return None
        at += p.nbytes
    lo = first.ctypes.data - root.ctypes.data
    flat = root.reshape(-1).view(np.uint8)
    return flat[lo : lo + at - first.ctypes.data].view(first.dtype).reshape(-1, *first.shape[1:])


try:  # numpy >= 2.0
    from numpy.lib.array_utils import byte_bounds as _byte_bounds
except ImportError:  # numpy 1.x (pyproject allows >= 1.24)
    _byte_bounds = np.byte_bounds


def _root(a: np.ndarray) -> np.ndarray:
    """The array owning ``a``'s memory (the end of its chain of ndarray bases)."""
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


FREQUENT_BLOCK = 1 << 19  # values sorted at a time by ``frequent`` (4 MB of uint64)
FREQUENT_RUN = 4096  # parts ``frequent`` joins into one run (a view, or a copy when they lie apart)


def frequent(parts, need: int) -> np.ndarray:
    """The values found in at least ``need`` of ``parts`` (an iterable of 1-D arrays of one
    integer dtype, each holding a value at most once), sorted and unique. What counting
    every value's parts and keeping counts >= ``need`` gives, a range of values at a
    time: about ``FREQUENT_BLOCK`` values sorted at once, not all of them (D104's
    slot-template frames: 2.5 M at 100 MB of text). The parts are taken
    ``FREQUENT_RUN`` at a time and joined into one run: a view when they lie one after
    another (``adjacent``: states read back from a spill's column in the order written),
    else a copy; runs are read a block at a time, and the pages of a run mapped from a
    spill's file given back once read (a fault maps the whole cached folio of the file
    around the page read, up to 2 MB here). No object per part is held: a list of a view
    and its two search bounds per part was ~230 bytes a record at the peak of D104's
    reduce on 100 k paragraph records (rec43). A list given is emptied as it is read
    (its arrays freed, if it held the last reference)."""
    runs = _runs(parts)
    if not runs:
        return np.zeros(0, dtype=np.uint64)
    dtype = runs[0].dtype
    total = sum(len(r) for r in runs)
    pieces = max(1, -(-total // FREQUENT_BLOCK))
    info = np.iinfo(dtype)
    span = int(info.max) - int(info.min) + 1
    edges = [int(info.min) + span * i // pieces for i in range(pieces + 1)]  # value ranges [lo, hi)
    need = max(need, 1)
    out = []
    for i, (lo, hi) in enumerate(pairwise(edges)):
        got = []
        for run in runs:
            for b0 in range(0, len(run), FREQUENT_BLOCK):
                block = run[b0 : b0 + FREQUENT_BLOCK]
                if pieces == 1:
                    got.append(np.array(block))
                else:
                    inside = block >= dtype.type(lo) if i else np.ones(len(block), dtype=bool)
                    if i < pieces - 1:
                        inside &= block < dtype.type(hi)
                    got.append(block[inside])
                    del inside
                release_pages(block)  # (every page read: given back, read again for the next range)
        values = np.concatenate(got) if got else np.zeros(0, dtype=dtype)
        del got
        values.sort()
        if len(values) >= need:  # a value in `need` parts: `need` equal values in a row
            hit = values[need - 1 :] == values[: len(values) - need + 1]
            out.append(sorted_unique(values[: len(values) - need + 1][hit]))
    return np.concatenate(out) if out else np.zeros(0, dtype=dtype)


def _runs(parts) -> list[np.ndarray]:
    """``frequent``'s runs: the non-empty ``parts`` joined ``FREQUENT_RUN`` at a time (a view
    of the buffer they lie in one after another, else a copy); a list is emptied."""
    runs: list[np.ndarray] = []
    chunk: list[np.ndarray] = []

    def join() -> None:
        full = [p for p in chunk if len(p)]
        chunk.clear()
        if full:
            view = adjacent(full)
            runs.append(view if view is not None else np.concatenate(full))

    if isinstance(parts, list):  # (emptied now: each part let go once joined)
        stack = parts[::-1]
        parts.clear()
        parts = (stack.pop() for _ in range(len(stack)))
    for p in parts:
        chunk.append(p)
        if len(chunk) >= FREQUENT_RUN:
            join()
    join()
    return runs


def trim_heap() -> bool:
    """Give the C heap's free memory back to the system (glibc ``malloc_trim(0)``);
    False where there is no glibc. numpy's temporaries of a reduce (sorts, pair lists)
    are freed into the heap, which glibc keeps (its mmap threshold grows with the
    largest array freed, so later ones come from the heap): after D104 and D105 at
    100 MB of text, 54 MB of the 151 MB RSS was such free memory, and every later
    reduce ran on top of it. Costs a walk of the heap (milliseconds)."""
    global _LIBC
    if _LIBC is None:
        try:
            import ctypes

            _LIBC = ctypes.CDLL("libc.so.6").malloc_trim  # (glibc's name; no find_library subprocess)
        except (ImportError, OSError, AttributeError):  # not glibc (musl, macOS, Windows), or no ctypes
            _LIBC = False
    if _LIBC is False:
        return False
    _LIBC(0)
    return True


_LIBC = None  # malloc_trim, once looked up (False: none)

REDUCE_MMAP_THRESHOLD = 128 << 10  # bytes: glibc's default starting threshold, kept fixed for the reduces


def fix_mmap_threshold(nbytes: int = REDUCE_MMAP_THRESHOLD) -> bool:
    """Make glibc serve every allocation of at least ``nbytes`` (numpy arrays above
    128 KB) from a mapping of its own, returned to the system when freed
    (``mallopt(M_MMAP_THRESHOLD)``, which also stops glibc raising the threshold to the
    largest block freed so far); False where there is no glibc. With the raised
    threshold a reduce's temporaries of a few MB (sorts, band keys, candidate pairs,
    verification chunks) came from the heap, where freed ones left holes the next
    could not always fill: the peak of D104 at 100 MB of text held ~12 MB of such free
    heap (230 -> 218 MB), D105's ~6 MB. Costs a page fault per page of each such array
    (at 100 MB of text, ~1-4 s of system CPU over the reduces)."""
    global _MALLOPT
    if _MALLOPT is None:
        try:
            import ctypes

            _MALLOPT = ctypes.CDLL("libc.so.6").mallopt
        except (ImportError, OSError, AttributeError):  # not glibc, or no ctypes
            _MALLOPT = False
    if _MALLOPT is False:
        return False
    return bool(_MALLOPT(_M_MMAP_THRESHOLD, int(nbytes)))


_M_MMAP_THRESHOLD = -3  # glibc's malloc.h
_MALLOPT = None  # mallopt, once looked up (False: none)
