"""Units, tokens and shingles for the duplicate family, computed once per Document.

* **Paragraph units**: blank-line separated blocks (in plain text a fortune(6) record
  separator, a line holding only ``%``, separates blocks too); a block whose lines are long
  (scraped news puts one paragraph per line, with or without blank lines between)
  is split into one unit per line, while a hard-wrapped block (short lines) stays
  one unit.
* **Words**: ``normalize.normalize_chars`` (diacritics, tatweel, alef/hamza, ى→ي,
  ة→ه, digits, case) then ``corpuslint.text.tokens.tokens`` (letter/mark/digit runs;
  one token per character in Han, Kana, Thai, Lao, Khmer and Myanmar, which are
  written without spaces, so shingles there are character bigrams), +
  ``normalize.light_stem`` (clitics و/ال/وال/بال/…). Word counts compared with
  ``min-words`` options weigh a spaceless-script character as a fraction of a word
  (``tokens.word_weight``). Each distinct whitespace-separated run is normalised once and
  cached in a run/word table shared by all duplicate rules, so a document costs one
  dict lookup per run plus numpy gathers.
* **Keys**: xxh64 of a unit's normalised word sequence (equal key = exact copy).
* **Shingles**: word bigrams of the stemmed words (a one-word unit is its own
  shingle), combined from the per-word xxh32 hashes with numpy; MinHash signatures
  use datasketch's ``affine32`` scheme (bit-identical, vectorised).

``NORMALIZATION_VERSION`` and ``HASH_SCHEME`` name everything that changes the
bytes of a state: bump the first when tokenisation changes; the second names the
permutation scheme, so cached signatures are never mixed across schemes (datasketch
2.0 changed its default; our scheme is fixed and needs no datasketch installed).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from functools import cached_property
from itertools import chain, repeat
from typing import NamedTuple

import numpy as np
import xxhash

from ...document import Document
from ...findings import Edit
from ...text import normalize
from ...text import tokens as T
from ...text.lazy_regex import lazy, lazy_re

NORMALIZATION_VERSION = "dup-norm-5"  # 5: fortune(6) "%" lines separate units
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"


# The signature scheme is ours (``signatures``: datasketch's affine32, reimplemented and
# checked bit-identical by a test), so the installed datasketch version, if any, plays no
# part: it is an optional extra. Bump the tag if the scheme ever changes.
HASH_SCHEME = f"xxh32-bigram/{SCHEME}/p{NUM_PERM}/s{SEED}/affine32-v1"

# A block is "one paragraph per line" when some non-final line is at least this long.
WRAPPED_LINE_MAX = 100

# Word extraction from normalised text without combining marks or spaceless scripts:
# letter/digit runs (the same tokens as tokens.tokens there, at C speed).
_WORD_RE = re.compile(r"[^\W_]+")
_NEEDS_SCRIPT_RE = lazy(rf"[\p{{M}}{T.SPACELESS_CLASS}]")

# -- the run table -----------------------------------------------------------------
# Text is split on whitespace into raw runs (C-level str.split). Each distinct run is
# normalised once (normalize_chars, words, light_stem), cached across documents, and
# its words are appended to a global word table; a run maps to (offset, count) in it.
# Looking up a document is then one dict lookup per run plus numpy gathers, and
# normalising run by run gives the same words as normalising the whole text first
# (runs never straddle whitespace, and normalisation never joins across it).
_RUN_ID: dict[str, int] = {}
_RUN_OFF = np.zeros(1024, dtype=np.int64)  # by run id: first word in the word table
_RUN_LEN = np.zeros(1024, dtype=np.int64)  # by run id: number of words (0 for punctuation)
_W_STEM = np.zeros(1024, dtype=np.uint32)  # by word: xxh32 of the light-stemmed word
_W_NORM = np.zeros(1024, dtype=np.uint64)  # by word: xxh64 of the normalised word
_W_CONTENT = np.zeros(1024, dtype=bool)  # by word: content word (stem >= 2 letters, no digit, not a function word)
_W_ALPHA = np.zeros(1024, dtype=bool)  # by word: not only digits
_W_WEIGHT = np.ones(1024, dtype=np.float32)  # by word: words it stands for (tokens.word_weight)
_N_WORDS = 0
_HAS_DIGIT = re.compile(r"\d").search  # numbers, ids and paths are weak evidence of restatement
_RUN_CACHE_MAX = 2_000_000


def _grow(arr: np.ndarray, need: int) -> np.ndarray:
    if need <= len(arr):
        return arr
    out = np.zeros(max(need, 2 * len(arr)), dtype=arr.dtype)
    out[: len(arr)] = arr
    return out


def _fill(runs: list[str]) -> None:
    global _RUN_OFF, _RUN_LEN, _W_STEM, _W_NORM, _W_CONTENT, _W_ALPHA, _W_WEIGHT, _N_WORDS
    stem = normalize.light_stem
    stop = _stop_stems()
    h32, h64 = xxhash.xxh32_intdigest, xxhash.xxh64_intdigest
    normalised = normalize.normalize_chars("\n".join(runs)).split("\n")  # one C-level pass
    if len(normalised) != len(runs):  # pragma: no cover - NFKC never makes newlines; be safe
        normalised = [normalize.normalize_chars(r) for r in runs]
    n0 = len(_RUN_ID)
    offs, lens, stems, norms, content, alpha, weight = [], [], [], [], [], [], []
    w = _N_WORDS
    tokenize, has_spaceless, word_weight = T.tokens, T.has_spaceless, T.word_weight
    # runs holding a combining mark or a spaceless-script character need the script-aware
    # tokeniser; the others (most text, once Arabic harakat are gone) split with the
    # C-level `re` pattern, which gives the same tokens there: found in one pass
    joined = "\n".join(normalised)
    special: set[int] = set()
    if _NEEDS_SCRIPT_RE.search(joined):
        starts = np.cumsum([0] + [len(nr) + 1 for nr in normalised[:-1]]).tolist()
        special = {bisect_right(starts, m.start()) - 1 for m in _NEEDS_SCRIPT_RE.finditer(joined)}
    for k, (r, nr) in enumerate(zip(runs, normalised)):
        if k in special:
            ws = tokenize(nr)
            spaceless = has_spaceless(nr)
        else:
            ws = _WORD_RE.findall(nr)
            spaceless = False
        _RUN_ID[r] = n0 + k
        offs.append(w)
        lens.append(len(ws))
        w += len(ws)
        for word in ws:
            st = stem(word)
            stems.append(h32(st.encode("utf-8", "surrogatepass")))
            norms.append(h64(word.encode("utf-8", "surrogatepass")))
            wt = word_weight(word) if spaceless else 1.0
            weight.append(wt)
            # a character of a spaceless script is not a word: no content word for D103
            content.append(wt == 1.0 and len(st) >= 2 and st not in stop and not _HAS_DIGIT(st))
            alpha.append(not word.isdigit())
    n1 = n0 + len(runs)
    _RUN_OFF, _RUN_LEN = _grow(_RUN_OFF, n1), _grow(_RUN_LEN, n1)
    _RUN_OFF[n0:n1] = offs
    _RUN_LEN[n0:n1] = lens
    _W_STEM, _W_NORM = _grow(_W_STEM, w), _grow(_W_NORM, w)
    _W_CONTENT, _W_ALPHA = _grow(_W_CONTENT, w), _grow(_W_ALPHA, w)
    _W_WEIGHT = _grow(_W_WEIGHT, w)
    _W_STEM[_N_WORDS:w] = stems
    _W_NORM[_N_WORDS:w] = norms
    _W_CONTENT[_N_WORDS:w] = content
    _W_ALPHA[_N_WORDS:w] = alpha
    _W_WEIGHT[_N_WORDS:w] = weight
    _N_WORDS = w


def _lookup(flat: list[str]) -> np.ndarray:
    """Run ids of ``flat`` (raises KeyError for a run not in the table)."""
    ids = _ids_or_minus_one(flat)
    if len(ids) and ids.min() < 0:
        raise KeyError(flat[int(np.argmin(ids))])
    return ids


def _ids_or_minus_one(flat: list[str]) -> np.ndarray:
    """Run ids of ``flat``, -1 for a run not in the table: one C-level pass (within 10%
    of ``itemgetter`` when every run is known, and no second pass when some are not)."""
    return np.fromiter(map(_RUN_ID.get, flat, repeat(-1, len(flat))), dtype=np.int64, count=len(flat))


def _run_ids(flat: list[str]) -> np.ndarray:
    global _N_WORDS
    if not flat:
        return np.zeros(0, dtype=np.int64)
    ids = _ids_or_minus_one(flat)
    if ids.min() >= 0:
        return ids
    if len(_RUN_ID) > _RUN_CACHE_MAX:  # bound memory on huge vocabularies: start afresh
        _RUN_ID.clear()
        _N_WORDS = 0
        _fill(list(dict.fromkeys(flat)))
        return _lookup(flat)
    miss = np.flatnonzero(ids < 0).tolist()
    missing = [flat[k] for k in miss]
    _fill(list(dict.fromkeys(missing)))
    ids[miss] = _lookup(missing)
    return ids


def words_of(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Normalised words of many texts: ``(word_index, bounds)``; text ``k``'s words are
    ``word_index[bounds[k]:bounds[k+1]]``, indices into the word table (``_W_*``)."""
    runs = [t.split() for t in texts]
    flat = list(chain.from_iterable(runs))
    run_bounds = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(r) for r in runs], out=run_bounds[1:])
    if not flat:
        return np.zeros(0, dtype=np.int64), np.zeros(len(texts) + 1, dtype=np.int64)
    ids = _run_ids(flat)
    lens = _RUN_LEN[ids]
    offs = _RUN_OFF[ids]
    if lens.min() == 1 and lens.max() == 1:  # fast path: one word per run
        return offs, run_bounds
    words_before = np.zeros(len(flat) + 1, dtype=np.int64)
    np.cumsum(lens, out=words_before[1:])
    total = int(words_before[-1])
    index = np.repeat(offs - words_before[:-1], lens) + np.arange(total, dtype=np.int64)
    return index, words_before[run_bounds]


def word_counts(index: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Approximate words per segment (int64): tokens weighted by ``tokens.word_weight``,
    rounded to the nearest integer (a 10-character Chinese line counts as 6 words)."""
    counts = np.diff(bounds)
    if len(index) == 0:
        return counts
    w = _W_WEIGHT[index]
    if w.min() == 1.0:  # no spaceless-script token: plain token counts
        return counts
    csum = np.zeros(len(index) + 1, dtype=np.float64)
    np.cumsum(w, out=csum[1:])
    return np.floor(csum[bounds[1:]] - csum[bounds[:-1]] + 0.5).astype(np.int64)


def _segment_keys(norm_h: np.ndarray, bounds: np.ndarray) -> list[int]:
    """Exact-copy key per segment: xxh64 of its normalised word hashes."""
    h64 = xxhash.xxh64_intdigest
    buf = norm_h.tobytes()
    b8 = (bounds * 8).tolist()
    return [h64(buf[b8[k] : b8[k + 1]]) for k in range(len(bounds) - 1)]


def line_keys(texts: list[str]) -> tuple[list[int], list[int], list[bool]]:
    """For each text: the exact-copy key (as ``Analysis.keys``: same normalised word
    sequence, same key), its number of normalised words, and whether any word has a
    letter (is not only digits)."""
    index, bounds = words_of(texts)
    counts = word_counts(index, bounds)
    alpha = np.zeros(len(texts), dtype=bool)
    if len(index):
        nonempty = np.diff(bounds) > 0
        alpha[nonempty] = np.logical_or.reduceat(_W_ALPHA[index], bounds[:-1][nonempty])
    return _segment_keys(_W_NORM[index], bounds), counts.tolist(), alpha.tolist()


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
    """Per text, the hashes of its light-stemmed content words (no function words, no
    one-letter stems, nothing with a digit), in order: the sentence tokens of D103."""
    index, bounds = words_of(texts)
    keep = _W_CONTENT[index]
    values = _W_STEM[index][keep].tolist()
    kept_before = np.zeros(len(index) + 1, dtype=np.int64)
    np.cumsum(keep, out=kept_before[1:])
    cuts = kept_before[bounds].tolist()
    return [values[cuts[k] : cuts[k + 1]] for k in range(len(texts))]


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
# fortune(6) data files (strfile format) separate their records with a line holding only
# "%": in plain text such a line ends a block as a blank line does, so each record is a
# unit (a record printed twice is a copy; two records are not one paragraph).
_RECORD_SEPARATOR_RE = lazy_re(r"^[ \t]*%[ \t]*\r?$", re.MULTILINE)
_RECORD_LINE = r"(?![ \t]*%[ \t]*(?:[\r\n]|$))[^\r\n]*\S[^\r\n]*"
_RECORD_BLOCK_RE = re.compile(rf"{_RECORD_LINE}(?:(?:\r\n|\n|\r){_RECORD_LINE})*")
_NEWLINE_RE = re.compile(r"\r\n|\n|\r")


# A Markdown list item's first line (bullet or ordered marker, any indentation).
_LIST_ITEM_RE = lazy_re(r"\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def paragraph_units(doc: Document) -> list[PUnit]:
    """Paragraph units of ``doc`` (see the module docstring); in Markdown, blocks are
    paragraphs whatever their line length, and list items are units of their own; in
    plain text, a line holding only "%" (fortune(6) record separator) ends a block."""
    out: list[PUnit] = []
    markdown = doc.suffix in MARKDOWN_SUFFIXES
    text = doc.text
    position = None if "\r" not in text else doc.position  # "\n"-only text: count incrementally
    prev, line = 0, 1
    records = not markdown and "%" in text and _RECORD_SEPARATOR_RE.search(text) is not None
    for m in (_RECORD_BLOCK_RE if records else _BLOCK_RE).finditer(text):
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
        newlines = _NEWLINE_RE.findall(block) + [""]
        if markdown:
            # Markdown: a block is one paragraph (soft-wrapped lines) or a list: one
            # unit per list item, with its continuation lines
            item_start, item_line, pos = start, line, start
            for k, (part, nl) in enumerate(zip(parts, newlines)):
                if k and _LIST_ITEM_RE.match(part):
                    out.append(PUnit(item_start, pos - len(newlines[k - 1]), item_line, line + k - 1))
                    item_start, item_line = pos, line + k
                pos += len(part) + len(nl)
            out.append(PUnit(item_start, end, item_line, line + len(parts) - 1))
            continue
        if not any(len(p) >= WRAPPED_LINE_MAX for p in parts[:-1]):
            out.append(PUnit(start, end, line, line + len(parts) - 1))
            continue
        pos = start
        for k, (part, nl) in enumerate(zip(parts, newlines)):
            if part.strip():
                out.append(PUnit(pos, pos + len(part), line + k, line + k))
            pos += len(part) + len(nl)
    return out


_U64 = np.uint64
class Analysis:
    """Per-document paragraph units with their normalised-word keys, stemmed-word
    hashes, shingle sets and MinHash signatures, computed in a few vectorised passes."""

    def __init__(self, doc: Document):
        # weak: _ANALYSES is keyed weakly by the document, so a strong reference back
        # would keep every analysed document (and its arrays) alive for the whole run
        self._doc = weakref.ref(doc)
        text = doc.text
        units = paragraph_units(doc)
        index, bounds = words_of([text[u.start : u.end] for u in units])
        ntokens = np.diff(bounds)
        keep = ntokens > 0
        if not keep.all():
            units = [u for u, k in zip(units, keep.tolist()) if k]
            ntokens = ntokens[keep]
            bounds = np.zeros(len(ntokens) + 1, dtype=np.int64)
            np.cumsum(ntokens, out=bounds[1:])
        self.units = units
        self.nwords = word_counts(index, bounds).astype(np.int32)  # approximate words (min-words options)
        self.bounds = bounds  # unit i owns words bounds[i]:bounds[i+1]
        self.stem_hashes = _W_STEM[index]
        # exact-copy key: xxh64 of the unit's normalised (unstemmed) word-hash sequence
        self.keys = np.array(_segment_keys(_W_NORM[index], bounds), dtype=np.uint64)

    @property
    def doc(self) -> Document:
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the analysed document is gone")
        return doc

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
        # a MinHash is a minimum over the shingle set: the de-duplicated sets (which
        # every caller computes anyway) give the same signatures from fewer rows
        sh, off = self.shingle_sets
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
    """MurmurHash3 finalizer (the pre-mix datasketch applies in the affine32 scheme).
    Integer arithmetic on arrays wraps silently in numpy (only scalar operations warn),
    so the hashing here and in lsh.py / frames.py runs without an ``errstate`` context."""
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
