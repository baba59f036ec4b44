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
  cached in a run/word table shared by all duplicate rules; a document's runs are keyed
  and looked up there with a few numpy operations over its code points (no Python
  object per run), and a short plain-text document's units come from the same scan.
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
import unicodedata
import weakref
from bisect import bisect_right
from functools import cached_property, partial
from itertools import chain
from typing import NamedTuple

import numpy as np
import xxhash

from ...document import Document
from ...findings import Edit, Fix
from ...structure import ALL_REGIONS, HTML_SUFFIXES, MARKUP, TEX_SUFFIXES
from ...text import normalize
from ...text import tokens as T
from ...text.lazy_regex import lazy, lazy_re
from . import codepoints as CP

NORMALIZATION_VERSION = "dup-norm-11"  # 5: fortune(6) "%" lines separate units; 6: Hebrew points deleted; 7: HTML markup blanked; 8: a Markdown ATX heading a unit of its own; 9: D106 states hold the steps of lists; 10: D106 leaves out an option's term line and a numbered heading; 11: LaTeX markup blanked, a unit without text not compared
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
# Text is split on whitespace into raw runs. Each distinct run is normalised once
# (normalize_chars, words, light_stem), cached across documents, and its words are
# appended to a global word table; a run maps to (offset, count) in it. Normalising run
# by run gives the same words as normalising the whole text first (runs never straddle
# whitespace, and normalisation never joins across it).
# A run is looked up by a 64-bit key computed with numpy for all runs of a text at once
# (``_run_keys``: a polynomial hash of its code points, no Python object per run) in an
# open-addressing table of numpy arrays (``_lookup_keys``), not by its string in a dict:
# a document costs a few array operations, not one Python lookup per run. A run's slot
# in that table is its id: ``_RUN_WORDS[slot]`` packs its words' (offset, count). Two distinct
# runs sharing a key would share words: at 64 bits that is ~1e-7 for 2 M distinct runs
# (the cache bound), and runs longer than ``_POLY_MAX`` characters, where a polynomial
# hash modulo 2**64 has known structured collisions (Thue-Morse strings), take xxh64
# of their UTF-8 bytes instead.
_N_RUNS = 0  # runs in the table
_W_STEM = np.zeros(1024, dtype=np.uint32)  # by word: xxh32 of the light-stemmed word
_W_NORM = np.zeros(1024, dtype=np.uint64)  # by word: xxh64 of the normalised word
_W_CONTENT = np.zeros(1024, dtype=bool)  # by word: content word (stem >= 2 letters, no digit, not a function word)
_W_ALPHA = np.zeros(1024, dtype=bool)  # by word: not only digits
_W_WEIGHT = np.ones(1024, dtype=np.float32)  # by word: words it stands for (tokens.word_weight)
_N_WORDS = 0
_FRACTIONAL = False  # whether some word of the table has a weight below 1 (a spaceless-script character)
_HAS_DIGIT = re.compile(r"\d").search  # numbers, ids and paths are weak evidence of restatement
_RUN_CACHE_MAX = 2_000_000
_BUCKET = 8  # the run table: buckets of this many slots, filled from the left
_TAB_KEY = np.zeros((1 << 9, _BUCKET), dtype=np.uint64)  # run key by slot (0 = empty)
_RUN_WORDS = np.zeros((1 << 9) * _BUCKET, dtype=np.int64)  # by slot: first word << 32 | number of words


def _grow(arr: np.ndarray, need: int) -> np.ndarray:
    if need <= len(arr):
        return arr
    out = np.zeros(max(need, 2 * len(arr)), dtype=arr.dtype)
    out[: len(arr)] = arr
    return out


def _hashes(digest, words: list[str]) -> list[int]:
    """``[digest(w.encode("utf-8", "surrogatepass")) for w in words]`` (words hold no
    newline) from one encoding of the joined words."""
    if not words:
        return []
    return list(map(digest, "\n".join(words).encode("utf-8", "surrogatepass").split(b"\n")))


# by code point below 0x10000: 0 not met yet, 1 ``_NEEDS_SCRIPT_RE`` does not match it, 2 it does
_SCRIPT_TABLE = np.zeros(0x10001, dtype=np.uint8)  # (the last entry, any code point beyond, stays 0)


def _needs_script(text: str) -> bool:
    """``_NEEDS_SCRIPT_RE.search(text) is not None`` (the pattern is one character class),
    from ``_SCRIPT_TABLE``: the pattern runs once per character first met (and on every
    character beyond the BMP), not over every text (~0.15 us a character)."""
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    known = _SCRIPT_TABLE.take(cp, mode="clip")
    if (known == 2).any():
        return True
    if known.all():
        return False
    for c in sorted(set(cp[known == 0].tolist())):  # (np.unique would import numpy.ma: ~10 ms)
        need = _NEEDS_SCRIPT_RE.match(chr(c)) is not None
        if c < 0x10000:
            _SCRIPT_TABLE[c] = 1 + need
        if need:
            return True
    return False


def _runs_matching(char_class, joined: str, runs: list[str]) -> list[int]:
    """Indexes (ascending) of the ``runs`` in which ``char_class`` (a pattern matching
    one character) matches, ``joined`` being ``"\\n".join(runs)``: one search per such
    run, resumed at the next run (a Chinese run matches at nearly every character)."""
    out: list[int] = []
    starts = None
    pos = 0
    while (m := char_class.search(joined, pos)) is not None:
        if starts is None:
            starts = np.cumsum([0] + [len(r) + 1 for r in runs[:-1]]).tolist()
        k = bisect_right(starts, m.start()) - 1
        out.append(k)
        pos = starts[k] + len(runs[k]) + 1
    return out


def _fill(runs: list[str]) -> np.ndarray:
    """Normalise the (distinct, new) ``runs`` into the word table; returns each one's
    words as ``first word << 32 | number of words`` (int64)."""
    global _W_STEM, _W_NORM, _W_WEIGHT, _N_WORDS, _FRACTIONAL
    normalised = normalize.normalize_chars("\n".join(runs)).split("\n")  # one C-level pass
    if len(normalised) != len(runs):  # pragma: no cover - NFKC never makes newlines; be safe
        normalised = [normalize.normalize_chars(r) for r in runs]
    # runs holding a combining mark or a spaceless-script character need the script-aware
    # tokeniser; the others (most text, once Arabic harakat are gone) split with the
    # C-level `re` pattern, which gives the same tokens there: found in one pass
    per_run = list(map(_WORD_RE.findall, normalised))
    joined = "\n".join(normalised)
    spaceless: list[int] = []
    if _needs_script(joined):
        for k in _runs_matching(_NEEDS_SCRIPT_RE, joined, normalised):
            per_run[k] = T.tokens(normalised[k])
            if T.has_spaceless(normalised[k]):
                spaceless.append(k)
    lens = np.fromiter(map(len, per_run), dtype=np.int64, count=len(runs))
    offs = np.zeros(len(runs), dtype=np.int64)
    lens[:-1].cumsum(out=offs[1:])
    words = list(chain.from_iterable(per_run))
    stemmed = list(map(normalize.light_stem, words))
    m = len(words)
    weight: np.ndarray | float = 1.0
    if spaceless:  # a character of a spaceless script is a fraction of a word
        weight = np.ones(m, dtype=np.float32)
        for k in spaceless:
            o = int(offs[k])
            weight[o : o + len(per_run[k])] = list(map(T.WEIGHTS.__getitem__, per_run[k]))
        _FRACTIONAL = True
    w = _N_WORDS + m
    offs += _N_WORDS
    _W_STEM, _W_NORM = _grow(_W_STEM, w), _grow(_W_NORM, w)
    _W_WEIGHT = _grow(_W_WEIGHT, w)
    _W_STEM[_N_WORDS:w] = _hashes(xxhash.xxh32_intdigest, stemmed)
    _W_NORM[_N_WORDS:w] = _hashes(xxhash.xxh64_intdigest, words)
    _W_WEIGHT[_N_WORDS:w] = weight
    _PENDING.append((words, stemmed))  # their flags (word_flags) when asked for
    _N_WORDS = w
    if w - _FLAGGED > _PENDING_MAX:
        word_flags()
    return (offs << 32) | lens


_PENDING: list[tuple[list[str], list[str]]] = []  # (words, stems) of the words from _FLAGGED on, in order
_FLAGGED = 0  # words of the table whose _W_CONTENT / _W_ALPHA are set
_PENDING_MAX = 1 << 18  # words waiting for their flags at most (their strings are kept)


def word_flags() -> tuple[np.ndarray, np.ndarray]:
    """``(content, alpha)``: bool arrays by word of the table (at least ``_N_WORDS`` long),
    ``_W_CONTENT`` (a content word, for D103: a whole word, stem of >= 2 letters, no digit,
    not a function word) and ``_W_ALPHA`` (not only digits). Set on demand, for every word
    added since the last call at once: the paragraph rules read neither."""
    global _W_CONTENT, _W_ALPHA, _FLAGGED
    if _PENDING:
        words = list(chain.from_iterable(w for w, _ in _PENDING))
        stemmed = list(chain.from_iterable(s for _, s in _PENDING))
        _PENDING.clear()
        first, m = _FLAGGED, len(words)
        w = first + m
        content = np.fromiter(map(len, stemmed), dtype=np.int64, count=m) >= 2
        content &= _W_WEIGHT[first:w] == 1.0  # (a character of a spaceless script is no whole word)
        content &= ~np.fromiter(map(_stop_stems().__contains__, stemmed), dtype=bool, count=m)
        content &= ~np.fromiter(map(bool, map(_HAS_DIGIT, stemmed)), dtype=bool, count=m)
        _W_CONTENT, _W_ALPHA = _grow(_W_CONTENT, w), _grow(_W_ALPHA, w)
        _W_CONTENT[first:w] = content
        _W_ALPHA[first:w] = ~np.fromiter(map(str.isdigit, words), dtype=bool, count=m)
        _FLAGGED = w
    return _W_CONTENT, _W_ALPHA


# -- run keys ------------------------------------------------------------------------

_U64 = np.uint64
_POLY_MAX = 32  # runs up to this many characters: polynomial key; longer ones: xxh64
_POLY_BASE = 0x9E3779B97F4A7C15
_LEN_MULT = _U64(0xC2B2AE3D27D4EB4F)
_WINDOW = 1 << 16  # positions of the powers table (its period); texts are keyed in pieces of about this size
_KEY_TABLES: list[np.ndarray] = []  # BASE**(k+1), BASE**-k


def _key_tables() -> list[np.ndarray]:
    if not _KEY_TABLES:
        inverse = pow(_POLY_BASE, -1, 1 << 64)
        _KEY_TABLES.extend((
            np.cumprod(np.full(_WINDOW, _POLY_BASE, dtype=_U64), dtype=_U64),
            np.cumprod(np.concatenate(([_U64(1)], np.full(_WINDOW - 1, inverse, dtype=_U64))), dtype=_U64),
        ))
    return _KEY_TABLES


def _runs(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(code_points, starts, ends)`` of ``text``: its code points (uint32) and the
    character offsets (int64) of its whitespace-separated runs (exactly ``text.split()``:
    run ``k`` is ``text[starts[k]:ends[k]]``), from ``codepoints.scan``."""
    cp, classes = CP.scan(text)
    space = classes & CP.SPACE  # (padded with white space at both ends)
    edges = (space[1:] != space[:-1]).nonzero()[0]  # alternately a run's start and its end
    return cp, edges[0::2], edges[1::2]


def _run_keys(text: str, runs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The whitespace-separated runs of ``text`` (``runs``: ``_runs(text)`` when known) as
    ``(keys, starts, ends)``: run ``k`` is ``text[starts[k]:ends[k]]`` (int64 character
    offsets) and ``keys[k]`` its non-zero 64-bit key (uint64; equal runs, equal keys:
    sum of code point * BASE**(1 + position in the run) ^ length * LEN_MULT, from one
    prefix sum over the text; a run longer than ``_POLY_MAX`` or crossing a period of the
    powers table takes xxh64 of its UTF-8 bytes)."""
    cp, starts, ends = _runs(text) if runs is None else runs
    if not len(starts):
        return np.zeros(0, _U64), starts, ends
    powers, inverse = _key_tables()
    n = len(cp)
    sums = np.empty(n + 1, dtype=_U64)
    sums[0] = 0
    (cp * (powers[:n] if n <= _WINDOW else np.resize(powers, n))).cumsum(out=sums[1:])
    lengths = ends - starts
    keys = sums[ends]
    keys -= sums[starts]
    keys *= inverse.take(starts if n <= _WINDOW else starts & (_WINDOW - 1))
    keys ^= lengths.view(_U64) * _LEN_MULT  # (lengths >= 1: the same bits as unsigned)
    if n > _WINDOW:
        exact = ((lengths > _POLY_MAX) | ((starts ^ (ends - 1)) >= _WINDOW)).nonzero()[0]
    else:
        exact = (lengths > _POLY_MAX).nonzero()[0] if lengths.max() > _POLY_MAX else ()
    if len(exact):
        h64 = xxhash.xxh64_intdigest
        keys[exact] = [h64(text[s:e].encode("utf-8", "surrogatepass"))
                       for s, e in zip(starts[exact].tolist(), ends[exact].tolist())]
    if not keys.all():
        keys[keys == 0] = 1  # 0 marks an empty slot
    return keys, starts, ends


def _buckets(keys: np.ndarray, n: int) -> np.ndarray:
    """Home buckets (int64) of ``keys`` in a table of ``n`` (a power of 2) buckets: their
    top bits (multiplicative hashing: the low bits of a polynomial key are weak)."""
    return (keys >> _U64(65 - n.bit_length())).view(np.int64)


_BYTE_INDEX = _U64(0x0001020304050607)  # x << 8k times this has k in its top byte (k < 8)
_TOP_BYTE = _U64(56)


def _lookup_keys(keys: np.ndarray) -> np.ndarray:
    """Slots (run ids, int64) of ``keys``, -1 where a key is not in the table. A key is in
    its home bucket or, when that was full, in a later one (linear probing by bucket):
    one vectorised pass finds nearly all keys at a load of at most 1/2."""
    n = len(_TAB_KEY)
    home = _buckets(keys, n)
    rows = _TAB_KEY.take(home, axis=0)
    eq = rows == keys.repeat(_BUCKET).reshape(-1, _BUCKET)  # (not keys[:, None]: numpy buffers a broadcast column)
    found = eq.view("<u8").reshape(-1)  # (a row of _BUCKET = 8 bools is 8 bytes): byte k set where slot k holds the key
    slots = home * _BUCKET + ((found * _BYTE_INDEX) >> _TOP_BYTE).view(np.int64)  # eq.argmax(axis=1) (one byte set)
    hit = found != 0
    if hit.all():
        return slots
    slots[~hit] = -1
    todo = (~hit & (rows[:, -1] != 0)).nonzero()[0]  # a full bucket: look on in the next
    step = 1
    while len(todo):
        at = (home[todo] + step) & (n - 1)
        rows = _TAB_KEY.take(at, axis=0)
        eq = rows == keys[todo, None]
        hit = eq.view(np.uint64).reshape(-1) != 0
        slots[todo[hit]] = at[hit] * _BUCKET + eq[hit].argmax(axis=1)
        todo = todo[~hit & (rows[:, -1] != 0)]
        step += 1
    return slots


def _filled(buckets: np.ndarray) -> np.ndarray:
    """Slots in use (int64) in each of ``buckets``: the bytes of a row's 8-byte "in use"
    mask, summed by one multiplication (``np.count_nonzero(..., axis=1)`` is slow on
    short rows)."""
    used = (_TAB_KEY.take(buckets, axis=0) != 0).view(_U64).reshape(-1)
    return ((used * _U64(0x0101010101010101)) >> _U64(56)).view(np.int64)


def _place(keys: np.ndarray) -> np.ndarray:
    """Put (distinct, absent) ``keys`` in free slots of the table; returns their slots."""
    n = len(_TAB_KEY)
    home = _buckets(keys, n)
    col = _filled(home)
    if col.max() < _BUCKET and len(set(home.tolist())) == len(home):  # (most often) one free slot each
        _TAB_KEY[home, col] = keys
        return home * _BUCKET + col
    slots = np.empty(len(keys), dtype=np.int64)
    todo = np.arange(len(keys))
    step = 0
    while len(todo):
        at = (home[todo] + step) & (n - 1)
        # keys bound for one bucket take its free slots in turn
        order = np.argsort(at, kind="stable")
        ranked = at[order]
        rank = np.empty(len(at), dtype=np.int64)
        rank[order] = np.arange(len(at)) - np.searchsorted(ranked, ranked)
        col = _filled(at) + rank
        fits = col < _BUCKET
        _TAB_KEY[at[fits], col[fits]] = keys[todo[fits]]
        slots[todo[fits]] = at[fits] * _BUCKET + col[fits]
        todo = todo[~fits]
        step += 1
    return slots


def _insert_keys(keys: np.ndarray, words: np.ndarray) -> bool:
    """Add (distinct, absent) ``keys`` of runs with ``words`` (``_fill``); the table stays
    <= 1/2 full. Returns True when the table grew: every slot (run id) changed."""
    global _TAB_KEY, _RUN_WORDS, _N_RUNS
    _N_RUNS += len(keys)
    grew = 2 * _N_RUNS > _TAB_KEY.size
    if grew:
        old = np.flatnonzero(_TAB_KEY.reshape(-1))
        keys = np.concatenate((_TAB_KEY.reshape(-1)[old], keys))
        words = np.concatenate((_RUN_WORDS[old], words))
        n = len(_TAB_KEY)
        while 2 * _N_RUNS > n * _BUCKET:
            n *= 2
        _TAB_KEY, _RUN_WORDS = np.zeros((n, _BUCKET), dtype=_U64), np.zeros(n * _BUCKET, dtype=np.int64)
    _RUN_WORDS[_place(keys)] = words
    return grew


_EPOCH = 0  # times the word table was emptied (``_clear_runs``): word indices of an earlier epoch mean nothing


def _clear_runs() -> None:
    global _N_RUNS, _N_WORDS, _TAB_KEY, _RUN_WORDS, _FRACTIONAL, _FLAGGED, _EPOCH
    _EPOCH += 1
    _N_RUNS = _N_WORDS = _FLAGGED = 0
    _PENDING.clear()
    _FRACTIONAL = False
    _TAB_KEY, _RUN_WORDS = np.zeros((1 << 9, _BUCKET), dtype=_U64), np.zeros((1 << 9) * _BUCKET, dtype=np.int64)


_FIRST_SEEN_WALK = 200  # fewer keys: ``_first_seen`` walks them


def _first_seen(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(first_at, local)`` of ``keys``: the position of each distinct key's first
    occurrence, in first-seen order, and for each key the rank of its distinct key in
    that order (int64 arrays; ``keys[first_at][local] == keys``). A few keys are walked
    with a dict (np.unique's sort costs ~35 us whatever the size: more below ~200 keys)."""
    if len(keys) < _FIRST_SEEN_WALK:
        new: dict[int, int] = {}
        first_at: list[int] = []
        local = []
        for j, k in enumerate(keys.tolist()):
            r = new.get(k)
            if r is None:
                r = new[k] = len(first_at)
                first_at.append(j)
            local.append(r)
        return np.array(first_at, dtype=np.int64), np.array(local, dtype=np.int64)
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    return first[order], rank[inverse.reshape(-1)]


def _run_words(text: str, keys: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Words of the runs ``text[starts[k]:ends[k]]`` with keys ``keys``, as
    ``first word << 32 | number of words`` (int64), normalising the runs not yet in
    the table."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    slots = _lookup_keys(keys)
    miss = (slots < 0).nonzero()[0]
    if not len(miss):
        return _RUN_WORDS.take(slots)
    first_at, local = _first_seen(keys[miss])
    first = miss[first_at] if len(first_at) < len(miss) else miss
    words = _fill([text[s:e] for s, e in zip(starts[first].tolist(), ends[first].tolist())])
    if _insert_keys(keys[first], words):  # the table grew: look every run up again
        return _RUN_WORDS.take(_lookup_keys(keys))
    out = _RUN_WORDS.take(slots)
    out[miss] = words[local]
    return out


def words_in_spans(text: str, spans: np.ndarray, runs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Normalised words of the segments ``text[s:e]`` for ``(s, e)`` in ``spans`` ((n, 2)
    int64 character offsets, sorted, not overlapping, each beginning and ending at a
    whitespace boundary (start or end of text or of a line, say): a run of ``text``
    lies in one segment or in none). Returns ``(word_index, bounds)`` as ``words_of``.
    ``runs``: ``_runs(text)`` when known (the text is then keyed in one piece)."""
    n = len(spans)
    bounds = np.zeros(n + 1, dtype=np.int64)
    if not n:
        return np.zeros(0, dtype=np.int64), bounds
    if _N_RUNS > _RUN_CACHE_MAX:  # bound memory on huge vocabularies: start afresh (never
        _clear_runs()  # within a call, whose earlier pieces' words must stay valid)
    parts = []
    lo_char, k = (0, 0) if runs is not None else (int(spans[0, 0]), 0)
    while k < n:  # pieces of about _WINDOW characters (or one longer segment), cut between segments
        if runs is not None:
            j, piece = n, text
        else:
            j = max(k + 1, int(spans[:, 1].searchsorted(lo_char + _WINDOW, side="right")))
            hi_char = int(spans[j - 1, 1])
            piece = text[lo_char:hi_char] if lo_char or hi_char != len(text) else text
        keys, starts, ends = _run_keys(piece, runs)
        at = starts.searchsorted(spans[k:j] - lo_char if lo_char else spans[k:j])  # (j - k, 2): first run, end
        counts = at[:, 1] - at[:, 0]
        if int(counts.sum()) != len(starts):  # runs outside every segment: drop them
            chosen = np.repeat(at[:, 0] - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
            chosen += np.arange(len(chosen))
            keys, starts, ends = keys[chosen], starts[chosen], ends[chosen]
        parts.append(_run_words(piece, keys, starts, ends))
        counts.cumsum(out=bounds[k + 1 : j + 1])
        if k:
            bounds[k + 1 : j + 1] += bounds[k]
        k = j
        if k < n:
            lo_char = int(spans[k, 0])
    return _words_of_runs(parts[0] if len(parts) == 1 else np.concatenate(parts), bounds, n)


def _words_of_unit_runs(text: str, runs: tuple[np.ndarray, np.ndarray, np.ndarray], run_bounds: np.ndarray,
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``words_in_spans`` of units that hold every run of ``text`` (``runs``: ``_runs(text)``,
    a text of at most ``_WINDOW`` characters), unit ``i`` holding runs ``run_bounds[i]:run_bounds[i+1]``;
    and the number of words of each run (int64)."""
    if _N_RUNS > _RUN_CACHE_MAX:  # (see words_in_spans)
        _clear_runs()
    packed = _run_words(text, *_run_keys(text, runs))
    index, bounds = _words_of_runs(packed, run_bounds, len(run_bounds) - 1)
    return index, bounds, packed & 0xFFFFFFFF


def words_in_run_spans(a: "Analysis", spans: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """``words_in_spans(text, spans)`` of the analysed document's text from the words
    its ``Analysis`` found in each run (``Analysis.run_words``), without keying or looking
    up any run again, when every span holds whole runs (no run of the text straddles a
    span's start or end: a sentence of ``paragraph_sentences`` ends before white space):
    the same word indices, run by run (a run's words depend on its characters alone).
    ``spans``: (n, 2) int64, sorted, not overlapping. None when the analysis kept no run
    words (not the plain-text path), the word table was emptied since (``_EPOCH``), or a
    run straddles a span's edge."""
    kept = a.run_words
    if kept is None or kept[4] != _EPOCH:
        return None
    starts, ends, words_before, index, _epoch = kept
    s, e = spans[:, 0], spans[:, 1]
    r0 = starts.searchsorted(s)  # the first run starting at or after each span's start
    r1 = starts.searchsorted(e)  # the runs starting before its end
    before = r0 - 1
    if len(starts) and ((before >= 0) & (ends[np.maximum(before, 0)] > s)).any():
        return None  # a run begins before a span and ends inside it
    held = r1 > r0
    if held.any() and (ends[r1[held] - 1] > e[held]).any():
        return None  # a run begins inside a span and ends after it
    w0, w1 = words_before[r0], words_before[r1]
    counts = w1 - w0
    bounds = np.zeros(len(spans) + 1, dtype=np.int64)
    np.cumsum(counts, out=bounds[1:])
    total = int(bounds[-1])
    gather = np.repeat(w0 - bounds[:-1], counts) + np.arange(total, dtype=np.int64)
    return index[gather], bounds


# A text of at most this many characters is analysed by ``Analysis._short`` (plain text).
SHORT_ANALYSIS = 1000
_RUN_RE = re.compile(r"\S+")
# run -> its words (``first word << 32 | number of words``) for ``_short_words``: the runs
# met in short texts, at most ``_SHORT_RUNS_MAX`` (emptied when full), of the word table's
# epoch ``_SHORT_RUNS_EPOCH`` (emptied with it)
_SHORT_RUNS: dict[str, int] = {}
_SHORT_RUNS_MAX = 1 << 15
_SHORT_RUNS_EPOCH = [0]


def _short_words(runs: list[str]) -> list[int]:
    """The words of the ``runs`` of a text (``text.split()``) as ``_words_of_unit_runs`` finds
    them (``first word << 32 | number of words``, the same word indices: a run not met in a
    short text before goes through ``_run_words``, which fills the word table in the same
    first-seen order), a run met before from a dict by its string."""
    global _SHORT_RUNS
    if _N_RUNS > _RUN_CACHE_MAX:  # (as ``_words_of_unit_runs``)
        _clear_runs()
    if _SHORT_RUNS_EPOCH[0] != _EPOCH or len(_SHORT_RUNS) > _SHORT_RUNS_MAX:
        _SHORT_RUNS = {}
        _SHORT_RUNS_EPOCH[0] = _EPOCH
    known = _SHORT_RUNS
    got = list(map(known.get, runs))
    if None in got:
        missing = list(dict.fromkeys(r for r, g in zip(runs, got) if g is None))  # (first-seen order)
        joined = "\n".join(missing)
        words = _run_words(joined, *_run_keys(joined)).tolist()
        if _SHORT_RUNS_EPOCH[0] != _EPOCH:  # (emptied meanwhile: never within one text)
            known = _SHORT_RUNS = {}
            _SHORT_RUNS_EPOCH[0] = _EPOCH
        known.update(zip(missing, words))
        got = list(map(known.__getitem__, runs))
    return got


def _short_units(text: str, spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int, int, int]], list[int]]:
    """``_plain_units`` of a short text of several lines from its runs' ``spans``: the units'
    rows (start, end, line, last_line) and the first run of each (then the number of runs)."""
    run_line: list[int] = []
    line = prev = 0
    count = text.count
    for s, _e in spans:
        line += count("\n", prev, s)
        prev = s
        run_line.append(line)
    rows: list[tuple[int, int, int, int]] = []
    unit_runs: list[int] = []
    n_runs = len(spans)
    r0 = 0
    while r0 < n_runs:  # blocks: runs of lines one apart at most
        r1 = r0 + 1
        while r1 < n_runs and run_line[r1] - run_line[r1 - 1] <= 1:
            r1 += 1
        a, b = run_line[r0], run_line[r1 - 1]
        ls = text.rfind("\n", 0, spans[r0][0]) + 1
        le = text.find("\n", spans[r1 - 1][1])
        le = len(text) if le < 0 else le
        if a == b:
            rows.append((ls, le, a + 1, a + 1))
            unit_runs.append(r0)
        else:
            parts = text[ls:le].split("\n")
            if any(len(p) >= WRAPPED_LINE_MAX for p in parts[:-1]):  # one paragraph per line
                pos, r = ls, r0
                for k, part in enumerate(parts):
                    rows.append((pos, pos + len(part), a + k + 1, a + k + 1))
                    unit_runs.append(r)
                    while r < r1 and run_line[r] == a + k:
                        r += 1
                    pos += len(part) + 1
            else:
                rows.append((ls, le, a + 1, b + 1))
                unit_runs.append(r0)
        r0 = r1
    unit_runs.append(n_runs)
    return rows, unit_runs


def _words_of_runs(words: np.ndarray, run_bounds: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``(word_index, bounds)`` of segments of runs: run ``k``'s words are ``words[k]``
    (``first << 32 | count``), segment ``i`` holds runs ``run_bounds[i]:run_bounds[i+1]``."""
    if not len(words):
        return np.zeros(0, dtype=np.int64), np.zeros(n + 1, dtype=np.int64)
    lens = words & 0xFFFFFFFF
    offs = words >> 32
    if lens.min() == 1 and lens.max() == 1:  # fast path: one word per run
        return offs, run_bounds
    words_before = np.zeros(len(words) + 1, dtype=np.int64)
    lens.cumsum(out=words_before[1:])
    total = int(words_before[-1])
    index = (offs - words_before[:-1]).repeat(lens) + np.arange(total, dtype=np.int64)
    return index, words_before[run_bounds]


def words_of(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Normalised words of many texts: ``(word_index, bounds)``; text ``k``'s words are
    ``word_index[bounds[k]:bounds[k+1]]``, indices into the word table (``_W_*``)."""
    if not texts:
        return np.zeros(0, dtype=np.int64), np.zeros(1, dtype=np.int64)
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    spans = np.empty((len(texts), 2), dtype=np.int64)
    np.cumsum(lengths + 1, out=spans[:, 1])
    spans[:, 1] -= 1  # texts joined with "\n"
    spans[:, 0] = spans[:, 1] - lengths
    return words_in_spans("\n".join(texts), spans)


def word_counts(index: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Approximate words per segment (int64): tokens weighted by ``tokens.word_weight``,
    rounded to the nearest integer (a 10-character Chinese line counts as 6 words)."""
    counts = bounds[1:] - bounds[:-1]
    if len(index) == 0 or not _FRACTIONAL:  # (no word of the table weighs less than 1)
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


def line_keys(texts: list[str], words: "tuple[np.ndarray, np.ndarray] | None" = None,
              ) -> tuple[list[int], list[int], list[bool]]:
    """For each text: the exact-copy key (as ``Analysis.keys``: same normalised word
    sequence, same key), its number of normalised words, and whether any word has a
    letter (is not only digits). ``words``: ``words_of(texts)`` when known (e.g. from
    ``words_in_run_spans`` of the document's analysis: the same indices)."""
    index, bounds = words_of(texts) if words is None else words
    counts = word_counts(index, bounds)
    alpha = np.zeros(len(texts), dtype=bool)
    if len(index):
        nonempty = np.diff(bounds) > 0
        alpha[nonempty] = np.logical_or.reduceat(word_flags()[1][index], bounds[:-1][nonempty])
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
    keep = word_flags()[0][index]
    values = _W_STEM[index][keep].tolist()
    kept_before = np.zeros(len(index) + 1, dtype=np.int64)
    np.cumsum(keep, out=kept_before[1:])
    cuts = kept_before[bounds].tolist()
    return [values[cuts[k] : cuts[k + 1]] for k in range(len(texts))]


_U32 = np.uint32
_BIGRAM_MULT = _U32(0x9E3779B1)
_ROT_LEFT, _ROT_RIGHT = _U32(15), _U32(17)  # a bigram's second word rotated left by 15 bits
_TAG_SHIFT = np.uint64(32)

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


def shingle_sets(th: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``unique_segments(*shingle_hashes(th, bounds))`` (every unit has >= 1 token), with
    fewer array passes: each bigram is tagged with its unit in the high 32 bits, so one
    sort of the tagged values orders and de-duplicates every unit's set at once."""
    n = len(bounds) - 1
    if len(th) == 0:
        return np.zeros(0, _U32), np.zeros(n + 1, np.int64)
    lengths = bounds[1:] - bounds[:-1]
    val = np.empty(len(th), dtype=np.uint64)  # position p stands for the pair (p, p+1) of its unit
    val[:-1] = (th[:-1] * _BIGRAM_MULT) ^ ((th[1:] << _ROT_LEFT) | (th[1:] >> _ROT_RIGHT))
    last = bounds[1:] - 1  # (a unit's last position: no pair)
    keep = None
    if lengths.min() >= 2:  # it repeats the unit's last pair, dropped with the duplicates
        val[last] = val[last - 1]
    else:
        keep = np.empty(len(th), dtype=bool)
        keep.fill(True)
        keep[last] = False
        at = bounds[:-1][lengths == 1]  # one-token units: the token itself
        val[at] = th[at]
        keep[at] = True
    val |= (np.arange(n, dtype=np.uint64) << _TAG_SHIFT).repeat(lengths)
    tagged = val if keep is None else val[keep]
    tagged.sort()
    new = np.empty(len(tagged), dtype=bool)
    new[0] = True
    np.not_equal(tagged[1:], tagged[:-1], out=new[1:])
    tagged = tagged[new]
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.bincount((tagged >> _TAG_SHIFT).view(np.int64), minlength=n).cumsum(out=offsets[1:])
    return tagged.astype(_U32), offsets


class PUnit(NamedTuple):
    """A paragraph unit: whole lines ``line..last_line`` (1-based), ``text[start:end]``."""

    start: int
    end: int
    line: int
    last_line: int


# A maximal run of non-blank lines (the same blocks as Document.paragraphs, found by
# one C-level scan instead of building Line objects).
_BLOCK_RE = lazy_re(r"[^\r\n]*\S[^\r\n]*(?:(?:\r\n|\n|\r)[^\r\n]*\S[^\r\n]*)*")
# fortune(6) data files (strfile format) separate their records with a line holding only
# "%": in plain text such a line ends a block as a blank line does, so each record is a
# unit (a record printed twice is a copy; two records are not one paragraph).
_RECORD_SEPARATOR_RE = lazy_re(r"^[ \t]*%[ \t]*\r?$", re.MULTILINE)
_RECORD_LINE = r"(?![ \t]*%[ \t]*(?:[\r\n]|$))[^\r\n]*\S[^\r\n]*"
_RECORD_BLOCK_RE = lazy_re(rf"{_RECORD_LINE}(?:(?:\r\n|\n|\r){_RECORD_LINE})*")
_NEWLINE_RE = lazy_re(r"\r\n|\n|\r")


def _plain_units(cp: np.ndarray, run_starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``paragraph_units`` of a plain-text document (not Markdown, no "\\r", no fortune
    record separators) from its code points and run starts (``_runs``): ``(table,
    run_bounds)``, the units as an (n, 4) int64 table (start, end, line, last_line) and
    the runs of each (unit i holds runs ``run_bounds[i]:run_bounds[i+1]``: every run is in
    a unit). A line is blank when no run starts in it, a block is a maximal range of
    non-blank lines: consecutive runs whose lines differ by at most one."""
    if not len(run_starts):
        return np.zeros((0, 4), dtype=np.int64), np.zeros(1, dtype=np.int64)
    newlines = (cp == 10).nonzero()[0]
    line = newlines.searchsorted(run_starts)  # 0-based line of each run (a run holds no newline)
    cut = ((line[1:] - line[:-1]) > 1).nonzero()[0]  # a blank line after run cut[j]
    run_bounds = np.empty(len(cut) + 2, dtype=np.int64)
    run_bounds[0] = 0
    np.add(cut, 1, out=run_bounds[1:-1])
    run_bounds[-1] = len(run_starts)
    first, last = line[run_bounds[:-1]], line[run_bounds[1:] - 1]  # each block's first and last line
    edge = np.empty(len(newlines) + 2, dtype=np.int64)  # line l is cp[edge[l] + 1 : edge[l + 1]]
    edge[0] = -1
    edge[1:-1] = newlines
    edge[-1] = len(cp)
    if (first == last).all():  # every block one line
        table = np.empty((len(first), 4), dtype=np.int64)
        np.add(edge[first], 1, out=table[:, 0])
        table[:, 1] = edge[first + 1]
        np.add(first, 1, out=table[:, 2])
        table[:, 3] = table[:, 2]
        return table, run_bounds
    rows: list[tuple[int, int, int, int]] = []
    e = edge.tolist()
    for a, b in zip(first.tolist(), last.tolist()):
        if any(e[k + 1] - e[k] - 1 >= WRAPPED_LINE_MAX for k in range(a, b)):  # one paragraph per line
            rows.extend((e[k] + 1, e[k + 1], k + 1, k + 1) for k in range(a, b + 1))
        else:
            rows.append((e[a] + 1, e[b + 1], a + 1, b + 1))
    table = np.array(rows, dtype=np.int64).reshape(-1, 4)
    run_bounds = np.empty(len(table) + 1, dtype=np.int64)
    run_bounds[:-1] = run_starts.searchsorted(table[:, 0])
    run_bounds[-1] = len(run_starts)
    return table, run_bounds


# A Markdown list item's first line (bullet or ordered marker, any indentation).
_LIST_ITEM_RE = lazy_re(r"\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_ATX_HEADING_RE = lazy_re(r" {0,3}#{1,6}(?:[ \t]|$)")  # (CommonMark 4.2)
MARKDOWN_SUFFIXES = (".md", ".markdown")  # (structure.MARKDOWN_SUFFIXES)


def unit_text(doc: Document) -> str:
    """The text the duplicate family reads: ``doc.text``, but for an HTML page, a
    wikitext page or a LaTeX source its markup (tags, comments, references:
    ``corpuslint.readers.html``; templates, links' targets, tables' syntax:
    ``corpuslint.readers.wikitext``; commands, environments' delimiters, a preamble:
    ``corpuslint.readers.latex``) blanked to spaces, so that units and words are the
    page's text, at the same offsets (a line of tags alone is a blank line: it separates
    units as a browser's blocks do; ``\\end{document}`` alone has no words)."""
    if markup_blanked(doc):
        return doc.masked(_NOT_MARKUP)
    return doc.text


def markup_blanked(doc: Document) -> bool:
    """Does ``unit_text`` blank ``doc``'s markup (an HTML page, a wikitext page, a LaTeX
    source: formats whose markup interleaves the text within lines)?"""
    return doc.suffix in HTML_SUFFIXES or doc.suffix in TEX_SUFFIXES or doc.is_wikitext


_NOT_MARKUP = ALL_REGIONS - {MARKUP}


def paragraph_units(doc: Document) -> list[PUnit]:
    """Paragraph units of ``doc`` (see the module docstring); in Markdown, blocks are
    paragraphs whatever their line length, and list items are units of their own; in
    plain text, a line holding only "%" (fortune(6) record separator) ends a block."""
    out: list[PUnit] = []
    markdown = doc.suffix in MARKDOWN_SUFFIXES
    text = unit_text(doc)
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
            # unit per list item, with its continuation lines; an ATX heading interrupts
            # either (CommonMark), a unit of its own ("- … item\n## Title": not one unit,
            # whose copy elsewhere would take the title with it)
            item_start, item_line, pos = start, line, start
            for k, (part, nl) in enumerate(zip(parts, newlines)):
                if k and (_LIST_ITEM_RE.match(part) or _ATX_HEADING_RE.match(part) or _ATX_HEADING_RE.match(parts[k - 1])):
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


_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


_MARK_RE = lazy(r"\p{M}+")
_MARKED_WORD_RE = lazy(r"[\p{L}\p{M}]+")
_SURROGATES_RE = lazy_re("[\ud800-\udfff]+")
LETTER_GROUP_CHARS = 1 << 20  # characters of NFD text classed in one array pass (~30 bytes each)
_NFD = partial(unicodedata.normalize, "NFD")


def letter_hashes(text: str, spans: "list[list[int]]") -> np.ndarray:
    """For each span of ``text`` (a paragraph), two xxh64 hashes (of UTF-32-LE bytes): of
    its letters with their combining marks stripped and of its letters with them (``\\p{M}``
    after NFD: niqqud, cantillation, harakat, accents), words joined by a space; shape
    (n, 2), uint64. Verse numbers, punctuation and spacing count in neither. Two editions
    of one text, pointed and unpointed, have the first equal and the second not (D104's
    fold, D105's "another edition"); a copy re-encoded to NFD has both equal.

    An ASCII paragraph's letters (no space between its words) go through a byte table,
    the others' through ``_letter_hashes_of`` ``LETTER_GROUP_CHARS`` at a time; a paragraph
    longer than that (a binary file read as text) through the regex ``[\\p{L}\\p{M}]+``,
    as words."""
    paras = [text[s:e] for s, e in spans]
    every = None if any(map(str.isascii, paras)) else list(map(_NFD, paras))  # (most often: in C loops)
    if every is not None and sum(map(len, every)) <= LETTER_GROUP_CHARS:  # one group of every paragraph
        return _letter_hashes_of(every) if every else np.zeros((0, 2), dtype=np.uint64)
    out = np.zeros((len(spans), 2), dtype=np.uint64)
    rows: list[int] = []  # the non-ASCII paragraphs of the group
    nfds: list[str] = []
    size = 0
    for k, para in enumerate(paras):
        if para.isascii():  # (no marks: both the same; its letters by a byte table, ~10x a regex)
            h = xxhash.xxh64_intdigest(para.encode("ascii").translate(None, _ASCII_NON_LETTERS).decode("ascii")
                                       .encode("utf-32-le"))
            out[k] = (h, h)
            continue
        nfd = _NFD(para) if every is None else every[k]
        if len(nfd) > LETTER_GROUP_CHARS:
            marked = " ".join(_MARKED_WORD_RE.findall(nfd))
            out[k] = (xxhash.xxh64_intdigest(_MARK_RE.sub("", marked).encode("utf-32-le")),
                      xxhash.xxh64_intdigest(marked.encode("utf-32-le")))
            continue
        if size + len(nfd) > LETTER_GROUP_CHARS:
            out[rows] = _letter_hashes_of(nfds)
            rows, nfds, size = [], [], 0
        rows.append(k)
        nfds.append(nfd)
        size += len(nfd)
    if rows:
        out[rows] = _letter_hashes_of(nfds)
    return out


def _letter_hashes_of(nfds: list[str]) -> np.ndarray:
    """``letter_hashes``' two hashes of each of ``nfds`` (paragraphs in NFD, none empty),
    shape (len(nfds), 2), in one pass of array operations (3x the regex's speed a paragraph
    at a time on real text): the text classed by code point (``CP.letters_and_marks``), the
    letters and marks kept with the first character after each word (its separator, written
    as a space), a paragraph's hashed without the separator after its last word: the bytes
    of ``" ".join(regex.findall(r"[\\p{L}\\p{M}]+", nfd))``; the bare one the same without
    the marks (a word of marks alone leaves its separator, as ``regex.sub`` there would)."""
    try:
        encoded = "".join(nfds).encode("utf-32-le")
    except UnicodeEncodeError:  # lone surrogates (undecodable bytes): no letters, a NUL a run of them
        nfds = [_SURROGATES_RE.sub("\0", nfd) for nfd in nfds]  # (not an error handler a surrogate: 3x slower)
        encoded = "".join(nfds).encode("utf-32-le")
    cp = np.frombuffer(encoded, dtype=np.uint32)
    lengths = np.fromiter(map(len, nfds), dtype=np.int64, count=len(nfds))
    starts = np.cumsum(lengths) - lengths
    classes = CP.letters_and_marks(cp)
    kept = classes >= CP.LETTER
    keep = np.empty_like(kept)  # a separator: the first character not kept after a kept one, in a paragraph
    keep[0] = False
    np.greater(kept[:-1], kept[1:], out=keep[1:])
    keep[starts] = False
    keep |= kept
    spaced = np.where(kept, cp, np.uint32(32))  # (32: a space; no letter or mark is one)
    written = spaced[keep]
    sizes = np.add.reduceat(keep.view(np.uint8), starts, dtype=np.int64)
    ends = np.cumsum(sizes)
    # a paragraph's text ends with a separator when it goes on after its last word
    trail = (written.take(ends - 1, mode="clip") == 32) & (sizes > 0) if len(written) else sizes > 0
    # each paragraph's bytes (UTF-32-LE: 4 a character) hashed where they lie, without its last separator
    lo = ends - sizes
    hi = ends - trail
    digest = xxhash.xxh64_intdigest
    data = memoryview(written.tobytes())
    marked = [digest(data[a:b]) for a, b in zip((4 * lo).tolist(), (4 * hi).tolist())]
    marks = classes == CP.MARK
    if marks.any():
        keep &= ~marks
        sizes = np.add.reduceat(keep.view(np.uint8), starts, dtype=np.int64)
        lo = np.cumsum(sizes) - sizes
        hi = lo + sizes - trail
        data = memoryview(spaced[keep].tobytes())
        bare = [digest(data[a:b]) for a, b in zip((4 * lo).tolist(), (4 * hi).tolist())]
    else:
        bare = marked
    out = np.empty((len(marked), 2), dtype=np.uint64)
    out[:, 0] = bare
    out[:, 1] = marked
    return out


class Analysis:
    """Per-document paragraph units with their normalised-word keys, stemmed-word
    hashes, shingle sets and MinHash signatures, computed in a few vectorised passes."""

    # On the plain-text path, ``(run starts, run ends, words before each run, word index,
    # epoch)``: the words of each white-space-separated run of the text, for other spans of
    # whole runs (``words_in_run_spans``: D103's sentences); None on the other paths.
    run_words: "tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int] | None" = None

    def __init__(self, doc: Document):
        # weak: _ANALYSES is keyed weakly by the document, so a strong reference back
        # would keep every analysed document (and its arrays) alive for the whole run
        self._doc = weakref.ref(doc)
        text = unit_text(doc)
        if len(text) <= SHORT_ANALYSIS and "\r" not in text and "%" not in text and doc.suffix not in MARKDOWN_SUFFIXES:
            self._short(text)  # (a record's field, a chat turn: the same arrays from a walk over its runs)
            return
        if len(text) <= _WINDOW and "\r" not in text and "%" not in text and doc.suffix not in MARKDOWN_SUFFIXES:
            runs = _runs(text)  # one scan gives the units and the words
            table, run_bounds = _plain_units(runs[0], runs[1])
            index, bounds, run_lens = _words_of_unit_runs(text, runs, run_bounds)
            words_before = np.zeros(len(run_lens) + 1, dtype=np.int64)
            np.cumsum(run_lens, out=words_before[1:])
            # (every run's words in text order: ``index`` itself, every run being in a unit)
            self.run_words = (runs[1], runs[2], words_before, index, _EPOCH)
        else:
            runs = None
            table = np.array(paragraph_units(doc), dtype=np.int64).reshape(-1, 4)
            index, bounds = words_in_spans(text, table[:, 0:2])
        ntokens = bounds[1:] - bounds[:-1]
        if not ntokens.all():
            keep = ntokens > 0
            table = table[keep]
            ntokens = ntokens[keep]
            bounds = np.zeros(len(ntokens) + 1, dtype=np.int64)
            ntokens.cumsum(out=bounds[1:])
        self.table = table  # (n, 4) int64: the units (``units``) as rows (start, end, line, last_line)
        # may the text hold a capital / a digit / a spaceless script's character (meaning.name_free),
        # from the code points when at hand
        self.name_hints = (True, True, True) if runs is None else CP.name_hints(CP.scan(text)[1])
        self.nwords = word_counts(index, bounds).astype(np.int32)  # approximate words (min-words options)
        self.bounds = bounds  # unit i owns words bounds[i]:bounds[i+1]
        self.stem_hashes = _W_STEM[index]
        # exact-copy key: xxh64 of the unit's normalised (unstemmed) word-hash sequence
        self.keys = np.array(_segment_keys(_W_NORM[index], bounds), dtype=np.uint64)

    def _short(self, text: str) -> None:
        """The plain-text path for a short ``text`` (``SHORT_ANALYSIS`` characters at most):
        the same arrays as ``_plain_units`` and ``_words_of_unit_runs`` give (a test compares
        them), the units from the runs' spans in Python (a text of one line: one unit), the
        runs' words from a dict of the runs met (``_short_words``), instead of ~25 numpy
        calls on arrays of a few dozen entries (~0.3 ms of a record's field)."""
        spans = [m.span() for m in _RUN_RE.finditer(text)]  # (``str.split``'s runs: ``re``'s \s is ``str.isspace``)
        n_runs = len(spans)
        if not n_runs:
            rows: list[tuple[int, int, int, int]] = []
            unit_runs = [0]
        elif "\n" not in text:
            rows, unit_runs = [(0, len(text), 1, 1)], [0, n_runs]
        else:
            rows, unit_runs = _short_units(text, spans)
        packed = np.array(_short_words(text.split()), dtype=np.int64)
        run_bounds = np.array(unit_runs, dtype=np.int64)
        index, bounds = _words_of_runs(packed, run_bounds, len(rows))
        table = np.array(rows, dtype=np.int64).reshape(-1, 4)
        if n_runs:
            ntokens = bounds[1:] - bounds[:-1]
            if not ntokens.all():
                keep = ntokens > 0
                table = table[keep]
                bounds = np.zeros(int(keep.sum()) + 1, dtype=np.int64)
                ntokens[keep].cumsum(out=bounds[1:])
            words_before = np.zeros(n_runs + 1, dtype=np.int64)
            np.cumsum(packed & 0xFFFFFFFF, out=words_before[1:])
        else:
            words_before = np.zeros(1, dtype=np.int64)
        self.table = table
        self.name_hints = CP.name_hints(CP.scan(text)[1])
        self.nwords = word_counts(index, bounds).astype(np.int32)
        self.bounds = bounds
        self.stem_hashes = _W_STEM[index]
        self.keys = np.array(_segment_keys(_W_NORM[index], bounds), dtype=np.uint64)
        ends = np.array(spans, dtype=np.int64).reshape(-1, 2)
        self.run_words = (ends[:, 0], ends[:, 1], words_before, index, _EPOCH)

    @cached_property
    def units(self) -> list[PUnit]:
        """The paragraph units (those with at least one word)."""
        return [PUnit(*row) for row in self.table.tolist()]

    @property
    def doc(self) -> Document:
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the analysed document is gone")
        return doc

    @cached_property
    def shingle_sets(self) -> tuple[np.ndarray, np.ndarray]:
        """(concatenated sorted-unique shingles per unit, offsets): ``unique_segments`` of
        ``shingle_hashes``, in one pass."""
        return shingle_sets(self.stem_hashes, self.bounds)

    @cached_property
    def letters(self) -> np.ndarray:
        """``letter_hashes`` of every unit, shape (n, 2): computed once for D104 and D105."""
        return letter_hashes(self.doc.text, self.table[:, 0:2].tolist())

    @cached_property
    def signatures(self) -> np.ndarray:
        # a MinHash is a minimum over the shingle set: the de-duplicated sets (which
        # every caller computes anyway) give the same signatures from fewer rows
        sh, off = self.shingle_sets
        return signatures(sh, off)


_ANALYSES: "weakref.WeakKeyDictionary[Document, Analysis]" = weakref.WeakKeyDictionary()


# -- many documents' units at once (a corpus rule's ``collect_batch``) ---------------------
#
# Every per-unit computation here (shingle sets, signatures, frames, band keys) gives a
# unit the same values whichever units are beside it, so the units of a batch of documents
# (a dataset's records: a few units each) go through one pass instead of one per document:
# ~25 numpy calls of fixed cost (~1 us each) a document become ~25 a batch.


def concat_units(parts: "list[tuple[np.ndarray, np.ndarray]]") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``parts``: (values, bounds) of each document, unit ``i`` owning ``values[bounds[i]:
    bounds[i+1]]``. Returns (values concatenated, bounds of every unit in the
    concatenation, first unit of each part and, last, the number of units: len(parts) + 1)."""
    counts = np.fromiter((len(b) - 1 for _, b in parts), dtype=np.int64, count=len(parts))
    starts = np.zeros(len(parts) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    values = np.concatenate([v for v, _ in parts]) if parts else np.zeros(0, np.uint64)
    bounds = np.zeros(int(starts[-1]) + 1, dtype=np.int64)
    at = 0
    for (v, b), lo in zip(parts, starts[:-1].tolist()):
        if len(b) > 1:
            bounds[lo + 1 : lo + len(b)] = b[1:] + at
        at += len(v)
    return values, bounds, starts


def split_units(values: np.ndarray, offsets: np.ndarray, starts: np.ndarray) -> "list[tuple[np.ndarray, np.ndarray]]":
    """The inverse of ``concat_units`` for a per-unit result (``values``, ``offsets``) of the
    concatenation: each part's (values, offsets from 0), as views (offsets: new arrays)."""
    out = []
    s = starts.tolist()
    for lo, hi in zip(s, s[1:]):
        a, b = int(offsets[lo]), int(offsets[hi])
        out.append((values[a:b], offsets[lo : hi + 1] - a))
    return out


def fill_signatures(analyses: "list[Analysis]") -> None:
    """Compute the ``shingle_sets`` and ``signatures`` of the analyses that do not hold
    them yet, all in one pass, and keep them as each one's cached values (the same
    values as each computed alone: every unit's are its own)."""
    todo = [a for a in analyses if "signatures" not in a.__dict__]
    if len(todo) < 2:
        return
    bare = [a for a in todo if "shingle_sets" not in a.__dict__]
    if len(bare) > 1:
        th, bounds, starts = concat_units([(a.stem_hashes, a.bounds) for a in bare])
        for a, sets in zip(bare, split_units(*shingle_sets(th, bounds), starts)):
            a.__dict__["shingle_sets"] = sets
    sh, off, starts = concat_units([a.shingle_sets for a in todo])
    sig = signatures(sh, off)
    s = starts.tolist()
    for a, lo, hi in zip(todo, s, s[1:]):
        a.__dict__["signatures"] = sig[lo:hi]


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
# ``draw_permutations(NUM_PERM)`` as little-endian uint32 (a, then b): the table a process
# uses, without importing numpy.random (~6 ms a process); a test checks it is the drawing.
_PERMS_HEX = (
    "4BE883D5D7018FFE195FCE70912878DDFFFD0E00138799419755CB9A0B3D82FF9F96234B81A7E0782101472F03A10CCB"
    "997F5D5F8F3C9CC6DB55EDB0F9F3E8560D1B25CB33FAFEDE65C9DF1329AA4FB1FDA9A0D6CB6265A02517D55EA993910C"
    "17F7AD68F9410CE3D59B98C139258B753BBF050E1DB39E116584475789D4F2D3AFF9A8D5AFBF16EAD3970C1EE38584DC"
    "EFCBE047BD5BD5E0C18E6D65AD08898E1B31FB99D3AF936E13FBBFEF0F08039B7F2279A07B96832F2D1C7862734A4B09"
    "0314B6C001EFE3BA79E209CAA3F185A811EA8A2BB1C5C1A81BFDFE13E734CD8B5F03F456D51F551EF3E49BC191734F57"
    "3D845A328F48A62F076B9BD78D0BE3572B7F70EA63DCD5D2730AFB100764256589B73D6231564A94E3438BA157F8C348"
    "990C7D5F35980E91690E54ABA14A38D3DB145D09E7E67E1153EA1280A5DB803F1F004CFA81D83E5289910F7F3360D498"
    "DF5A968FC5BD6BE4AF6B1C940F4FBA71350ADA3433FD8F25D14C52E52D0840F0136E33D1877D3D31CF975496FD8886CE"
    "2F4A5793FBDA2D3DC91A93423781B20C4B77EA0973A2D02AA754905B4DD96ED511855A6C414A26D245BBF587155E0D99"
    "2F7AAFFB1F0D352BDF55521BAF38BF2133BEF2258F1F563AE701204BB90ABFE99574B92D7D099F855DBA466641A74776"
    "B12D65342F2920116F25FFD3834A5EE6E36A88639B4E72FC074E0FD40197C914F8BFC90CFDD4F6C3CD81308906C79B0B"
    "3472EEA9D5D1D423C6C5CF8302F6DACA4CF6D0F1DB0FA10795782896CB8214E2075945E74D18718AC88A31234BD4AE72"
    "4C9DA7232B0463E41432B1CE1E5EA9602426CE656733D68907A7542A2D0FFDA6C43371ED399A7B5CF02E0759FC9D2D92"
    "D23835C0604049A30D01DBB90A2C5620175920E27C3FB1B051FBA89F87E7D2A579C33DC098C09B5ACA665159DC3D63C3"
    "94FE1945A0A9455B8CCC58E5C1BCB6C05E62976D3C9E9FE1E9C1FFF698C0FC02524DD7A97313847F6173279F8208E412"
    "ECFD5F1DDCA675C967BA11F362B766100A712D73B69EF55A60571194E9391CF152A77B68D6C93A61C6CCAD3CC2BA4EC3"
    "47E143E7E73F87C5B0A8DC9236F6254D0F1CBC00853BD2C59135FD9DAA68262714009F53765A2194B047ED8616594E02"
    "E519CDE28DCF83B5F107765B72EA7B7861C295E8B556BCC35487949F0A0CA77760DC0C04B740DD443D99EFED38CEE9D4"
    "D99EDEB095A1238DE78C50FF60DCF011F9811E2CD31FF47819541B23F1D525BE8E93BEEE8D082431D4AC62B2741EDD76"
    "2B63E510860EF93ACD0666C1B8821C82BB07FEC08FBB643518564BECFB339F0C897C26B6C221D484C738D01F356F1A2C"
    "45DD1605A4C9746565C3B506F84A7C1B15183F0728ED82824DB0073FDB88251AB1CA2ADC7169E9492FD5F089CD85543B"
    "A8BD858DCE15B9F72D568FD757E73F47"
)


def draw_permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) parameters (uint32, ``num_perm`` each) of datasketch's affine32
    permutations for SEED, drawn exactly as ``datasketch.MinHash._init_permutations``
    does (without importing datasketch, which costs ~0.4 s; a test checks they are identical)."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
    return a, b


def permutations(num_perm: int = NUM_PERM) -> tuple[np.ndarray, np.ndarray]:
    """``draw_permutations(num_perm)``, from the stored table ``_PERMS_HEX`` for ``NUM_PERM``."""
    p = _PERMS.get(num_perm)
    if p is None:
        if num_perm == NUM_PERM:
            ab = np.frombuffer(bytes.fromhex("".join(_PERMS_HEX)), dtype="<u4").astype(_U32)
            p = (ab[:NUM_PERM], ab[NUM_PERM:])
        else:
            p = draw_permutations(num_perm)
        _PERMS[num_perm] = p
    return p


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3 finalizer (the pre-mix datasketch applies in the affine32 scheme).
    Integer arithmetic on arrays wraps silently in numpy (only scalar operations warn),
    so the hashing here and in lsh.py / frames.py runs without an ``errstate`` context."""
    h = h ^ (h >> _U32(16))  # (a new array: the caller's is left alone; the rest in place)
    h *= _U32(0x85EBCA6B)
    h ^= h >> _U32(13)
    h *= _U32(0xC2B2AE35)
    h ^= h >> _U32(16)
    return h


# Shingles a block (at most: a unit is never split). A block and the two tables' slices
# it reads are num_perm x rows uint32 each: 256 KB at 512 rows, which stay in a core's
# cache between the multiply, the add and the minimum (1 MB each at 2,048 rows did not:
# 0.077 -> 0.066 s CPU for 200 documents' 20,000 units, 521 k shingles, in one call).
_CHUNK_ROWS = 512
_AFFINE: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def _affine_tables(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """(A, B): each permutation's a (b) repeated along a row of ``_CHUNK_ROWS`` (uint32,
    num_perm x _CHUNK_ROWS, 256 KB each at 128): ``A[:, :m] * h + B[:, :m]`` reads every
    operand along its rows, where a broadcast column (``a[:, None]``) is copied into a
    buffer for every row first (~1.6x the instructions of the two passes)."""
    t = _AFFINE.get(num_perm)
    if t is None:
        a, b = permutations(num_perm)
        t = _AFFINE[num_perm] = (np.repeat(a[:, None], _CHUNK_ROWS, axis=1), np.repeat(b[:, None], _CHUNK_ROWS, axis=1))
    return t


def signatures(shingles: np.ndarray, offsets: np.ndarray, num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash signatures (n_units x num_perm, uint32) identical to datasketch's
    ``MinHash(num_perm, seed=1, scheme="affine32", hashfunc=identity).update_batch``
    on each unit's shingle hashes, computed for all units with a few numpy calls."""
    n = len(offsets) - 1
    out = np.empty((n, num_perm), dtype=_U32)
    if n == 0:
        return out
    a_rows, b_rows = _affine_tables(num_perm)
    hv = fmix32(shingles.astype(_U32, copy=False))
    # process whole units in chunks of about _CHUNK_ROWS shingles
    i = 0
    while i < n:
        if offsets[n] - offsets[i] <= _CHUNK_ROWS:  # (most documents: one chunk)
            j = n
        else:
            j = min(max(int(offsets.searchsorted(offsets[i] + _CHUNK_ROWS, side="right")) - 1, i + 1), n)
        lo, hi = int(offsets[i]), int(offsets[j])
        # (num_perm, rows) layout: reduceat along the contiguous axis is ~7x faster
        if hi - lo <= _CHUNK_ROWS:
            block = np.multiply(a_rows[:, : hi - lo], hv[lo:hi])
            block += b_rows[:, : hi - lo]
        else:  # one unit of more shingles
            a, b = permutations(num_perm)
            block = np.multiply.outer(a, hv[lo:hi])
            block += b[:, None]
        out[i:j] = np.minimum.reduceat(block, offsets[i:j] - lo if lo else offsets[i:j], axis=1).T
        i = j
    return out


def jaccard_sorted(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique arrays."""
    if len(a) == 0 and len(b) == 0:
        return 1.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


# -- fixes --------------------------------------------------------------------------


def deletion_fix(doc: Document, *edits: Edit) -> Fix | None:
    """The unsafe fix deleting what ``edits`` delete, or None when one of them would
    delete an HTML page's or a wikitext page's markup with its text (a line of tags, a
    template: the page would break; ``corpuslint.readers.html.edits_markup``) or leave a
    LaTeX source unbalanced (a ``\\begin{..}`` without its ``\\end{..}``, a brace of a group
    without its partner: ``corpuslint.readers.latex.edits_break_structure``): the finding is
    reported without a fix."""
    if doc.suffix in HTML_SUFFIXES or doc.is_wikitext:
        from ...readers.html import edits_markup

        if edits_markup(doc, edits):
            return None
    elif doc.suffix in TEX_SUFFIXES:
        from ...readers.latex import edits_break_structure

        if edits_break_structure(doc, edits):
            return None
    return Fix.unsafe(*edits)


def remove_lines_edit(doc: Document, first_line: int, last_line: int) -> Edit:
    """Delete whole lines ``first_line..last_line`` (1-based) with their line ending.

    When the removal would leave two blank lines adjacent, one adjacent blank line
    goes too, so repeated fixes never pile up blank lines. Nothing outside those
    lines is touched (``remove_span_lines_edit`` of the lines' span).
    """
    lines = doc.lines
    return remove_span_lines_edit(doc.text, lines[first_line - 1].start, lines[last_line - 1].end)


def _newline_at(text: str, pos: int) -> int:
    """Length of the line ending (``\\r\\n``, ``\\n``, ``\\r``) at ``pos``, 0 when none."""
    if text.startswith("\r\n", pos):
        return 2
    return 1 if pos < len(text) and text[pos] in "\r\n" else 0


def _line_before(text: str, start: int) -> tuple[int, int]:
    """(start, end) of the line before the one starting at ``start`` > 0."""
    end = start - (2 if start >= 2 and text.startswith("\r\n", start - 2) else 1)
    return max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1, end


def merge_deletions(edits: list[Edit]) -> list[Edit]:
    """Deletions sorted, those that overlap merged into one (the whole-line deletions of
    one line's copies, the last one taking the line ending before it, may share it)."""
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if out and e.start < out[-1].end:
            out[-1] = Edit(out[-1].start, max(out[-1].end, e.end))
        else:
            out.append(e)
    return out


def remove_span_lines_edit(text: str, start: int, end: int) -> Edit:
    """Delete the whole lines ``text[start:end]`` spans (``start`` at a line start, ``end``
    at a line end, line endings as ``Document.lines``) with their line ending, and one
    adjacent blank line when two would be left adjacent (``remove_lines_edit``), found
    around the span in the text instead of from every line of the document."""
    nl = _newline_at(text, end)
    if not nl:  # last line of a file without a final newline: drop the preceding line ending
        return Edit(_line_before(text, start)[1] if start else start, end, "")
    cut_start, cut_end = start, end + nl
    if start and text[slice(*_line_before(text, start))].strip():
        return Edit(cut_start, cut_end, "")  # the line before is not blank
    if cut_end >= len(text):
        return Edit(cut_start, cut_end, "")  # no line after
    n_end = min((k for k in (text.find("\n", cut_end), text.find("\r", cut_end)) if k >= 0), default=len(text))
    if text[cut_end:n_end].strip():
        return Edit(cut_start, cut_end, "")  # the line after is not blank
    nxt_nl = _newline_at(text, n_end)
    if nxt_nl:
        return Edit(cut_start, n_end + nxt_nl, "")
    if start:  # the blank line is the file's last (no newline): drop the line ending before us
        return Edit(_line_before(text, start)[1], n_end, "")
    return Edit(cut_start, cut_end, "")
