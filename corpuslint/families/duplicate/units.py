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
from itertools import chain, repeat
from functools import cached_property
from typing import Iterable, NamedTuple

import numpy as np
import xxhash

from ...document import Document
from ...findings import Edit
from ...text import normalize

NORMALIZATION_VERSION = "dup-norm-1"
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"


def _datasketch_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("datasketch")
    except PackageNotFoundError:  # pragma: no cover - datasketch is a dependency
        return "?"


# datasketch itself is imported lazily (it pulls in scipy: ~0.4 s at startup)
HASH_SCHEME = f"xxh32-bigram/{SCHEME}/p{NUM_PERM}/s{SEED}/datasketch-{_datasketch_version()}"

# A block is "one paragraph per line" when some non-final line is at least this long.
WRAPPED_LINE_MAX = 100

# normalize.words without the `regex` module's per-word cost: on normalize_chars output
# this matches the same tokens (letters and digits) except that apostrophe-joined Latin
# words are split; measured 2x faster on Arabic text.
_WORD_RE = re.compile(r"[^\W_]+")

# Raw word-ish runs (letters, digits, Arabic marks, tatweel, invisible format controls):
# normalising each distinct run once (cached) and splitting the result gives the same
# words as normalising the whole text first, at a fraction of the cost (str.translate
# per character was the hot spot).
_RAW_TOKEN_RE = re.compile(
    r"[\w\u0300-\u036F\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
    r"\u00AD\u061C\u200B-\u200F\u2060\uFEFF]+"
)  # one character class (an alternation is 5x slower); "_" is split off by _WORD_RE later
# Per distinct raw run (cached across documents) an integer id, and by id: how many
# words the run normalises to, the xxh32 of its light-stemmed word (shingle input) and
# the xxh64 of its normalised word (exact-copy keys). Almost every run is one word;
# runs normalising to zero or several words keep their tuples in _IRREGULAR.
_RUN_ID: dict[str, int] = {}
# run -> (stem hashes, norm hashes, content flags, letter flags)
_IRREGULAR: dict[str, tuple[tuple, tuple, tuple, tuple]] = {}
_ARR_LEN = np.zeros(1024, dtype=np.int64)
_ARR_STEM = np.zeros(1024, dtype=np.uint32)
_ARR_NORM = np.zeros(1024, dtype=np.uint64)
_ARR_CONTENT = np.zeros(1024, dtype=bool)
_ARR_ALPHA = np.zeros(1024, dtype=bool)  # the word is not only digits  # a content word: stem of >= 2 letters, not a function word
_RUN_CACHE_MAX = 2_000_000


def _fill(runs: Iterable[str]) -> None:
    global _ARR_LEN, _ARR_STEM, _ARR_NORM, _ARR_CONTENT, _ARR_ALPHA
    runs = list(runs)
    n0 = len(_RUN_ID)
    need = n0 + len(runs)
    if need > len(_ARR_LEN):
        size = max(need, 2 * len(_ARR_LEN))
        _ARR_LEN = np.resize(_ARR_LEN, size)
        _ARR_STEM = np.resize(_ARR_STEM, size)
        _ARR_NORM = np.resize(_ARR_NORM, size)
        _ARR_CONTENT = np.resize(_ARR_CONTENT, size)
        _ARR_ALPHA = np.resize(_ARR_ALPHA, size)
    stem = normalize.light_stem
    stop = _stop_stems()
    h32, h64 = xxhash.xxh32_intdigest, xxhash.xxh64_intdigest
    lens, stems, norms, content, alpha = [], [], [], [], []
    normalised = normalize.normalize_chars("\n".join(runs)).split("\n")  # one C-level pass
    if len(normalised) != len(runs):  # pragma: no cover - NFKC never makes newlines; be safe
        normalised = [normalize.normalize_chars(r) for r in runs]
    for k, (r, nr) in enumerate(zip(runs, normalised)):
        ws = _WORD_RE.findall(nr)
        _RUN_ID[r] = n0 + k
        lens.append(len(ws))
        st = [stem(w) for w in ws]
        if len(ws) == 1:
            stems.append(h32(st[0].encode("utf-8", "surrogatepass")))
            norms.append(h64(ws[0].encode("utf-8", "surrogatepass")))
            content.append(len(st[0]) >= 2 and st[0] not in stop)
            alpha.append(not ws[0].isdigit())
        else:
            stems.append(0)
            norms.append(0)
            content.append(False)
            alpha.append(False)
            _IRREGULAR[r] = (
                tuple(h32(t.encode("utf-8", "surrogatepass")) for t in st),
                tuple(h64(w.encode("utf-8", "surrogatepass")) for w in ws),
                tuple(len(t) >= 2 and t not in stop for t in st),
                tuple(not w.isdigit() for w in ws),
            )
    _ARR_LEN[n0:need] = lens
    _ARR_STEM[n0:need] = stems
    _ARR_NORM[n0:need] = norms
    _ARR_CONTENT[n0:need] = content
    _ARR_ALPHA[n0:need] = alpha


def _run_ids(flat: list[str]) -> np.ndarray:
    ids = np.array(list(map(_RUN_ID.get, flat, repeat(-1, len(flat)))), dtype=np.int64)
    if len(ids) and ids.min() < 0:
        if len(_RUN_ID) > _RUN_CACHE_MAX:
            _RUN_ID.clear()
            _IRREGULAR.clear()
            _fill(set(flat))
        else:
            _fill({flat[k] for k in np.flatnonzero(ids < 0).tolist()})
        ids = np.array(list(map(_RUN_ID.__getitem__, flat)), dtype=np.int64)
    return ids


def line_keys(texts: list[str]) -> tuple[list[int], list[int], list[bool]]:
    """For each text: the exact-copy key (xxh64 of its normalised word sequence, as in
    ``Analysis.keys``), its number of normalised words, and whether any word has a
    letter (not only digits)."""
    find = _RAW_TOKEN_RE.findall
    runs = [find(t) for t in texts]
    flat = list(chain.from_iterable(runs))
    h64 = xxhash.xxh64_intdigest
    if not flat:
        empty = h64(b"")
        return [empty] * len(texts), [0] * len(texts), [False] * len(texts)
    ids = _run_ids(flat)
    if _IRREGULAR.keys().isdisjoint(flat):
        buf = _ARR_NORM[ids].tobytes()
        alpha = _ARR_ALPHA[ids]
        bounds = np.zeros(len(runs) + 1, dtype=np.int64)
        np.cumsum([len(r) for r in runs], out=bounds[1:])
        b = bounds.tolist()
        any_alpha = np.logical_or.reduceat(np.append(alpha, False), bounds[:-1]) & (np.diff(bounds) > 0)
        keys = [h64(buf[8 * b[k] : 8 * b[k + 1]]) for k in range(len(texts))]
        return keys, np.diff(bounds).tolist(), any_alpha.tolist()
    keys, counts, alphas = [], [], []
    for rs in runs:
        hs: list[int] = []
        al = False
        for r in rs:
            irr = _IRREGULAR.get(r)
            i = _RUN_ID[r]
            if irr is None:
                hs.append(int(_ARR_NORM[i]))
                al = al or bool(_ARR_ALPHA[i])
            else:
                hs.extend(irr[1])
                al = al or any(irr[3])
        keys.append(h64(np.array(hs, dtype=_U64).tobytes()))
        counts.append(len(hs))
        alphas.append(al)
    return keys, counts, alphas


# Function words ignored when comparing sentences (D103), in ordinary spelling; their
# normalised, light-stemmed forms are derived once.
STOPWORDS_TEXT = """
في من على إلى الى عن مع أن إن ان أو او ثم قد كان كانت يكون تكون تم بين كما لكن حيث أي اي
بعد قبل عند منذ خلال حتى هو هي هم هما نحن أنا ما لا لم لن كل بها به له لها فيه فيها منها منه
عليه عليها إليه اليه هذا هذه ذلك تلك هؤلاء التي الذي الذين اللذين اللتين وفق وفقا نحو أيضا ايضا
غير بعض كلا إذا اذا لقد وقد فقد كذلك ذات ذو إلا الا أما اما لدى يوم عام the a an of to in and or
is are was were for on at by with as that this it be from
"""
_STOP: set[str] = set()


def _stop_stems() -> set[str]:
    if not _STOP:
        _STOP.update(normalize.light_stem(w) for w in _WORD_RE.findall(normalize.normalize_chars(STOPWORDS_TEXT)))
    return _STOP


def content_tokens_many(texts: list[str]) -> list[list[int]]:
    """``content_tokens`` of many texts with one vectorised lookup."""
    find = _RAW_TOKEN_RE.findall
    runs = [find(t) for t in texts]
    flat = list(chain.from_iterable(runs))
    if not flat:
        return [[] for _ in texts]
    if not _IRREGULAR.keys().isdisjoint(flat):
        return [content_tokens(t) for t in texts]
    ids = _run_ids(flat)
    keep = _ARR_CONTENT[ids]
    stems = _ARR_STEM[ids]
    bounds = np.zeros(len(runs) + 1, dtype=np.int64)
    np.cumsum([len(r) for r in runs], out=bounds[1:])
    kept_before = np.zeros(len(flat) + 1, dtype=np.int64)
    np.cumsum(keep, out=kept_before[1:])
    values = stems[keep].tolist()
    cuts = kept_before[bounds].tolist()
    return [values[cuts[k] : cuts[k + 1]] for k in range(len(texts))]


def content_tokens(text: str) -> list[int]:
    """Hashes of the light-stemmed content words of ``text`` (no function words, no
    one-letter stems), in order: the sentence tokens of D103."""
    runs = _RAW_TOKEN_RE.findall(text)
    if not runs:
        return []
    ids = _run_ids(runs)
    if _IRREGULAR.keys().isdisjoint(runs):
        return _ARR_STEM[ids][_ARR_CONTENT[ids]].tolist()
    out: list[int] = []
    for r, i in zip(runs, ids.tolist()):
        irr = _IRREGULAR.get(r)
        if irr is None:
            if _ARR_CONTENT[i]:
                out.append(int(_ARR_STEM[i]))
        else:
            out.extend(h for h, c in zip(irr[0], irr[2]) if c)
    return out


_U32 = np.uint32
_BIGRAM_MULT = _U32(0x9E3779B1)

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


class PUnit(NamedTuple):
    """A paragraph unit: whole lines ``line..last_line`` (1-based), ``text[start:end]``."""

    start: int
    end: int
    line: int
    last_line: int


# A maximal run of non-blank lines (the same blocks as Document.paragraphs, found by
# one C-level scan instead of building Line objects).
_BLOCK_RE = re.compile(r"[^\r\n]*\S[^\r\n]*(?:(?:\r\n|\n|\r)[^\r\n]*\S[^\r\n]*)*")
_NEWLINE_RE = re.compile(r"\r\n|\n|\r")


def paragraph_units(doc: Document) -> list[PUnit]:
    out: list[PUnit] = []
    text = doc.text
    position = None if "\r" not in text else doc.position  # "\n"-only text: count incrementally
    prev, line = 0, 1
    for m in _BLOCK_RE.finditer(text):
        start, end = m.span()
        if position is None:
            line += text.count("\n", prev, start)
            prev = start
        else:
            line = position(start)[0]
        block = m.group()
        if "\n" not in block and "\r" not in block:
            out.append(PUnit(start, end, line, line))
            continue
        parts = _NEWLINE_RE.split(block)
        if not any(len(p) >= WRAPPED_LINE_MAX for p in parts[:-1]):
            out.append(PUnit(start, end, line, line + len(parts) - 1))
            continue
        pos = start
        for k, (part, nl) in enumerate(zip(parts, _NEWLINE_RE.findall(block) + [""])):
            if part.strip():
                out.append(PUnit(pos, pos + len(part), line + k, line + k))
            pos += len(part) + len(nl)
    return out


_U64 = np.uint64
class Analysis:
    """Per-document paragraph units with their normalised-word keys, stemmed-word
    hashes, shingle sets and MinHash signatures, computed in a few vectorised passes."""

    def __init__(self, doc: Document):
        self.doc = doc
        text = doc.text
        find = _RAW_TOKEN_RE.findall
        units = paragraph_units(doc)
        runs = [find(text[u.start : u.end]) for u in units]
        flat = list(chain.from_iterable(runs))
        ids = _run_ids(flat)
        lens = _ARR_LEN[ids]
        if len(lens) == 0 or (lens.min() == 1 and lens.max() == 1):  # fast path: one word per run
            nwords = np.array([len(r) for r in runs], dtype=np.int64)
            stem_h = _ARR_STEM[ids]
            norm_h = _ARR_NORM[ids]
        else:
            run_bounds = np.zeros(len(units) + 1, dtype=np.int64)
            np.cumsum([len(r) for r in runs], out=run_bounds[1:])
            words = np.zeros(len(flat) + 1, dtype=np.int64)
            np.cumsum(lens, out=words[1:])
            nwords = words[run_bounds[1:]] - words[run_bounds[:-1]]
            stem_l: list[int] = []
            norm_l: list[int] = []
            for r, i in zip(flat, ids.tolist()):
                irr = _IRREGULAR.get(r)
                if irr is None:
                    stem_l.append(int(_ARR_STEM[i]))
                    norm_l.append(int(_ARR_NORM[i]))
                else:
                    stem_l.extend(irr[0])
                    norm_l.extend(irr[1])
            stem_h = np.array(stem_l, dtype=_U32)
            norm_h = np.array(norm_l, dtype=_U64)
        keep = nwords > 0
        self.units = [u for u, k in zip(units, keep.tolist()) if k]
        nwords = nwords[keep]
        self.nwords = nwords.astype(np.int32)
        self.bounds = np.zeros(len(nwords) + 1, dtype=np.int64)  # unit i owns words bounds[i]:bounds[i+1]
        np.cumsum(nwords, out=self.bounds[1:])
        self.stem_hashes = stem_h
        # exact-copy key: xxh64 of the unit's normalised (unstemmed) word-hash sequence
        h64 = xxhash.xxh64_intdigest
        buf = norm_h.tobytes()
        b8 = (self.bounds * 8).tolist()
        self.keys = np.array([h64(buf[b8[i] : b8[i + 1]]) for i in range(len(nwords))], dtype=_U64)

    @cached_property
    def _shingles(self) -> tuple[np.ndarray, np.ndarray]:
        return shingle_hashes(self.stem_hashes, self.bounds)

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
    """The (a, b) parameters of datasketch's affine32 permutations for SEED, generated
    exactly as ``datasketch.MinHash._init_permutations`` does (without importing
    datasketch, which costs ~0.4 s; a test checks the result is identical)."""
    p = _PERMS.get(num_perm)
    if p is None:
        gen = np.random.RandomState(SEED)
        a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
        b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
        p = _PERMS[num_perm] = (a, b)
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
            # (num_perm, rows) layout: reduceat along the contiguous axis is ~7x faster
            block = np.multiply.outer(a, hv[lo:hi])
            block += b[:, None]
            out[i:j] = np.minimum.reduceat(block, offsets[i:j] - lo, axis=1).T
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
