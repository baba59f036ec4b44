"""Units, tokens and shingles for the duplicate family, computed once per Document.

* **Paragraph units**: blank-line separated blocks; a block whose lines are long
  (scraped news puts one paragraph per line, with or without blank lines between)
  is split into one unit per line, while a hard-wrapped block (short lines) stays
  one unit.
* **Tokens**: ``normalize.words`` (diacritics, tatweel, alef/hamza, ى→ي, ة→ه,
  digits) + ``normalize.light_stem`` (clitics و/ال/وال/بال/…).
* **Shingles**: word bigrams of the stemmed tokens (a one-word unit is its own
  shingle), hashed in one vectorised pass: each distinct token is hashed once with
  xxh32, bigram hashes are combined with numpy.

``NORMALIZATION_VERSION`` and ``HASH_SCHEME`` name everything that changes the
bytes of a state: bump the first when tokenisation changes; the second includes the
datasketch version and permutation scheme, so cached signatures are never mixed
across schemes (datasketch 2.0 changed its default).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import cached_property

import datasketch
import numpy as np
import xxhash

from ...document import Document
from ...findings import Edit
from ...text import normalize

NORMALIZATION_VERSION = "dup-norm-1"
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
HASH_SCHEME = f"xxh32-bigram/{SCHEME}/p{NUM_PERM}/s{SEED}/datasketch-{datasketch.__version__}"

# A block is "one paragraph per line" when some non-final line is at least this long.
WRAPPED_LINE_MAX = 100

# normalize.words without the `regex` module's per-word cost: on normalize_chars output
# this matches the same tokens (letters and digits) except that apostrophe-joined Latin
# words are split; measured 2x faster on Arabic text.
_WORD_RE = re.compile(r"[^\W_]+")

_U32 = np.uint32
_BIGRAM_MULT = _U32(0x9E3779B1)

_TOKEN_HASHES: dict[str, int] = {}
_TOKEN_CACHE_MAX = 1_000_000


def token_hashes(tokens: list[str]) -> np.ndarray:
    """xxh32 of each token (cached per distinct token) as a uint32 array."""
    cache = _TOKEN_HASHES
    missing = [t for t in set(tokens) if t not in cache]
    if missing:
        if len(cache) > _TOKEN_CACHE_MAX:
            cache.clear()
        h = xxhash.xxh32_intdigest
        for t in missing:
            cache[t] = h(t.encode("utf-8", "surrogatepass"))
    return np.fromiter((cache[t] for t in tokens), dtype=_U32, count=len(tokens))


def shingle_hashes(th: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Bigram shingle hashes for consecutive token runs.

    ``th`` holds the token hashes of all units concatenated; unit ``i`` owns
    ``th[bounds[i]:bounds[i+1]]`` (every unit has >= 1 token). Returns
    ``(shingles, offsets)``: unit ``i``'s shingles (not de-duplicated) are
    ``shingles[offsets[i]:offsets[i+1]]``. One-token units yield the token itself.
    """
    n = len(bounds) - 1
    lengths = np.diff(bounds)
    if len(th) == 0:
        return np.zeros(0, _U32), np.zeros(n + 1, np.int64)
    val = np.empty(len(th), dtype=_U32)
    with np.errstate(over="ignore"):
        val[:-1] = (th[:-1] * _BIGRAM_MULT) ^ ((th[1:] << _U32(15)) | (th[1:] >> _U32(17)))
    # position p stands for the pair (p, p+1): valid when p+1 is in the same unit
    keep = np.ones(len(th), dtype=bool)
    keep[bounds[1:] - 1] = False
    singles = np.nonzero(lengths == 1)[0]
    if len(singles):
        at = bounds[singles]
        val[at] = th[at]
        keep[at] = True
    counts = np.maximum(lengths - 1, 1)
    offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return val[keep], offsets


@dataclass(frozen=True, slots=True)
class PUnit:
    """A paragraph unit: whole lines ``first_line..last_line`` (1-based)."""

    start: int
    end: int
    line: int
    last_line: int


def paragraph_units(doc: Document) -> list[PUnit]:
    out: list[PUnit] = []
    lines = doc.lines
    index_of = {ln.start: i for i, ln in enumerate(lines)}
    for block in doc.paragraphs:
        first = index_of[block.start]
        last = first
        while lines[last].end < block.end:
            last += 1
        if first == last:
            out.append(PUnit(block.start, block.end, block.line, block.line))
            continue
        long_line = any(lines[i].end - lines[i].start >= WRAPPED_LINE_MAX for i in range(first, last))
        if not long_line:
            out.append(PUnit(block.start, block.end, block.line, lines[last].number))
            continue
        for i in range(first, last + 1):
            ln = lines[i]
            if doc.text[ln.start : ln.end].strip():
                out.append(PUnit(ln.start, ln.end, ln.number, ln.number))
    return out


class Analysis:
    """Per-document tokens, shingles and MinHash signatures of its paragraph units."""

    def __init__(self, doc: Document):
        self.doc = doc
        text = doc.text
        toks: list[list[str]] = []
        kept: list[PUnit] = []
        keys: list[int] = []
        stem = normalize.light_stem
        norm = normalize.normalize_chars
        find = _WORD_RE.findall
        h64 = xxhash.xxh64_intdigest
        for u in paragraph_units(doc):
            ws = find(norm(text[u.start : u.end]))
            if ws:
                toks.append(list(map(stem, ws)))
                kept.append(u)
                keys.append(h64(" ".join(ws).encode("utf-8", "surrogatepass")))
        self.units = kept
        self.tokens = toks
        self.keys = np.array(keys, dtype=np.uint64)  # equal key = same normalised words
        self.nwords = np.fromiter((len(t) for t in toks), dtype=np.int32, count=len(toks))

    @cached_property
    def _shingles(self) -> tuple[np.ndarray, np.ndarray]:
        flat = [t for ts in self.tokens for t in ts]
        th = token_hashes(flat)
        bounds = np.concatenate(([0], np.cumsum(self.nwords, dtype=np.int64)))
        return shingle_hashes(th, bounds)

    @cached_property
    def shingle_sets(self) -> tuple[np.ndarray, np.ndarray]:
        """(concatenated sorted-unique shingles per unit, offsets)."""
        sh, off = self._shingles
        return unique_segments(sh, off)

    @cached_property
    def signatures(self) -> np.ndarray:
        sh, off = self._shingles
        return signatures(sh, off)


_ANALYSES: "weakref.WeakKeyDictionary[Document, Analysis]" = weakref.WeakKeyDictionary()


def analyse(doc: Document) -> Analysis:
    a = _ANALYSES.get(doc)
    if a is None:
        a = _ANALYSES[doc] = Analysis(doc)
    return a


def unique_segments(values: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sort and de-duplicate each segment ``values[offsets[i]:offsets[i+1]]`` in one pass."""
    n = len(offsets) - 1
    if len(values) == 0:
        return values.copy(), np.zeros(n + 1, np.int64)
    seg = np.repeat(np.arange(n, dtype=np.uint64), np.diff(offsets))
    combined = np.sort((seg << np.uint64(32)) | values.astype(np.uint64))  # np.unique is 100x slower here
    keep = np.empty(len(combined), dtype=bool)
    keep[0] = True
    np.not_equal(combined[1:], combined[:-1], out=keep[1:])
    combined = combined[keep]
    v = (combined & np.uint64(0xFFFFFFFF)).astype(values.dtype)
    counts = np.bincount((combined >> np.uint64(32)).astype(np.int64), minlength=n)
    return v, np.concatenate(([0], np.cumsum(counts))).astype(np.int64)


# -- MinHash signatures (datasketch's "affine32" scheme, vectorised) -----------------

_PERMS: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def permutations(num_perm: int = NUM_PERM) -> tuple[np.ndarray, np.ndarray]:
    p = _PERMS.get(num_perm)
    if p is None:
        m = datasketch.MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
        a, b = m.permutations
        p = _PERMS[num_perm] = (np.ascontiguousarray(a, dtype=_U32), np.ascontiguousarray(b, dtype=_U32))
    return p


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3 finalizer (the pre-mix datasketch applies in the affine32 scheme)."""
    with np.errstate(over="ignore"):
        h = h ^ (h >> _U32(16))
        h = h * _U32(0x85EBCA6B)
        h = h ^ (h >> _U32(13))
        h = h * _U32(0xC2B2AE35)
        return h ^ (h >> _U32(16))


_CHUNK_ROWS = 16_384


def signatures(shingles: np.ndarray, offsets: np.ndarray, num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash signatures (n_units x num_perm, uint32) identical to datasketch's
    ``MinHash(num_perm, seed=1, scheme="affine32", hashfunc=identity).update_batch``
    on each unit's shingle hashes, computed for all units with a few numpy calls."""
    n = len(offsets) - 1
    out = np.empty((n, num_perm), dtype=_U32)
    if n == 0:
        return out
    a, b = permutations(num_perm)
    hv = fmix32(shingles.astype(_U32, copy=False))
    # process whole units in chunks of about _CHUNK_ROWS shingles
    i = 0
    with np.errstate(over="ignore"):
        while i < n:
            j = int(np.searchsorted(offsets, offsets[i] + _CHUNK_ROWS, side="right")) - 1
            j = max(j, i + 1)
            j = min(j, n)
            lo, hi = int(offsets[i]), int(offsets[j])
            block = hv[lo:hi, None] * a[None, :] + b[None, :]
            out[i:j] = np.minimum.reduceat(block, offsets[i:j] - lo, axis=0)
            i = j
    return out


def jaccard_sorted(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique arrays."""
    if len(a) == 0 and len(b) == 0:
        return 1.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


# -- fixes --------------------------------------------------------------------------


def remove_lines_edit(doc: Document, first_line: int, last_line: int) -> Edit:
    """Delete whole lines ``first_line..last_line`` (1-based) with their line ending.

    When the removal would leave two blank lines adjacent, one adjacent blank line
    goes too, so repeated fixes never pile up blank lines. Nothing outside those
    lines is touched.
    """
    lines = doc.lines
    text = doc.text
    fi, li = first_line - 1, last_line - 1
    start = lines[fi].start
    end = lines[li].end + len(lines[li].newline)
    if not lines[li].newline:
        # last line of a file without a final newline: drop the preceding line ending
        if fi > 0:
            start = lines[fi - 1].end
        return Edit(start, end, "")

    def blank(i: int) -> bool:
        return 0 <= i < len(lines) and not text[lines[i].start : lines[i].end].strip()

    before_blank = fi == 0 or blank(fi - 1)
    if before_blank and blank(li + 1) and li + 1 < len(lines):
        nxt = lines[li + 1]
        if nxt.newline:
            end = nxt.end + len(nxt.newline)
        elif fi > 0:
            # the blank line is the file's last (no newline): drop the line ending before us
            start = lines[fi - 1].end
            end = nxt.end
    return Edit(start, end, "")
