"""Language-aware text normalisation shared by every rule family.

Follows pyarabic's Arabic normalisation (diacritics, tatweel, hamza), with one deliberate
difference: pyarabic's ``normalize_alef`` maps alef maqsura (ى) to alef (ا), which
merges unrelated words; here ى becomes ي, the spelling variation actually seen in
news text (فى / في). Everything is done with ``str.translate`` and compiled regexes,
so one pass costs a few microseconds per line.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import chain

import regex

from .lazy_regex import lazy

# pyarabic's araby.TASHKEEL (fathatan, dammatan, kasratan, fatha, damma, kasra, sukun,
# shadda) and araby.TATWEEL, written out so that importing this module, which every
# document does, does not import pyarabic.
TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0652\u0651"
TATWEEL = "\u0640"

# Characters deleted before comparison: harakat (tashkeel), tatweel, Hebrew points, and
# invisible format controls that never change a word's identity.
_DELETE = {ord(c): None for c in TASHKEEL}
_DELETE.update({ord(TATWEEL): None, 0x0670: None})  # superscript alef
# Hebrew points, the same kind of mark as harakat: niqqud (vowels, dagesh, shin/sin dots)
# and cantillation (te'amim), every nonspacing mark of U+0591..U+05C7. Maqaf ־, paseq ׀,
# sof pasuq ׃ and nun hafukha ׆ are punctuation and stay. A vocalised Bible verse and
# its unpointed copy then compare equal (D104, D105), as vocalised Arabic does.
HEBREW_POINTS = "".join(chr(c) for c in (*range(0x0591, 0x05BE), 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7))
_DELETE.update({ord(c): None for c in HEBREW_POINTS})
_DELETE.update({cp: None for cp in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD, 0x061C)})

# Letter unification: alef/hamza seats, alef maqsura, taa marbuta, Persian variants.
_UNIFY = {
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("آ"): "ا",
    ord("ٱ"): "ا",
    ord("ى"): "ي",
    ord("ة"): "ه",
    ord("ؤ"): "و",
    ord("ئ"): "ي",
    ord("ی"): "ي",  # Persian yeh
    ord("ک"): "ك",  # keheh
}
# Arabic-Indic and Extended Arabic-Indic digits -> ASCII.
_UNIFY.update({0x0660 + i: str(i) for i in range(10)})
_UNIFY.update({0x06F0 + i: str(i) for i in range(10)})

_TABLE = {**_DELETE, **_UNIFY}
# The same mapping as (old, new) string pairs: no new character is itself mapped, so
# replacing each one present in turn equals one ``translate``, and on a long text a
# few C-level ``replace`` passes are ~10x faster than ``translate``'s per-character
# dictionary look-ups (on a short string ``translate`` is faster).
_PAIRS = tuple((chr(k), v or "") for k, v in _TABLE.items())
_REPLACE_MIN = 64

WORD_RE = lazy(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*")
# A run of punctuation, symbols and white space (``normalize_line`` makes it one space).
_GAP_RE = regex.compile(r"[\p{P}\p{S}\s]+")

# Proclitics stripped for similarity ("light stemming"): the prefix set of Larkey's
# light10 stemmer (ال وال بال كال فال لل و). Bare ب/ل/ك are kept on purpose:
# stripping them mangles names (كوريا, لندن, بوتين).
_CLITIC_RE = lazy(r"^(?:وال|بال|كال|فال|ال|لل|و)(?=\p{L}{2,})")
# First letters of those prefixes: a word beginning with none of them is its own stem,
# found without the regex (most words; a miss of the stem memo costs ~1 us with it).
_CLITIC_INITIALS = frozenset("وبكفال")


def normalize_chars(text: str) -> str:
    """Delete diacritics/tatweel/format controls, unify letter variants, fold case."""
    text = unicodedata.normalize("NFKC", text)
    if len(text) < _REPLACE_MIN:
        return text.translate(_TABLE).casefold()
    for old, new in _PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text.casefold()


def normalized_run(run: str) -> str:
    """``normalize_line`` of one white-space-free run (memoised, ``RunMemo``): a line's
    ``normalize_line`` is its runs' non-empty results joined by single spaces (for a
    line without the separators \x1c-\x1f, which ``str.split`` cuts at)."""
    return _LINE_RUNS[run]


def normalize_line(text: str) -> str:
    """normalize_chars + punctuation dropped + whitespace collapsed (for hashing lines).

    Computed per white-space-separated run, each run's result kept (``RunMemo``): a
    run of punctuation, symbols and space becomes one space, so it is the same as the
    non-empty runs' results joined by single spaces (normalize_chars acts on each
    character; NFKC never composes across a space). The run memo spares the regex
    pass, which costs ~0.3 µs a character (one match per space) on Arabic prose."""
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return _normalize_run(text)  # str.split() cuts at these; _GAP_RE keeps them
    return " ".join(filter(None, map(_LINE_RUNS.__getitem__, text.split())))


def _normalize_run(text: str) -> str:
    return _GAP_RE.sub(" ", normalize_chars(text)).strip()


_MEMOS: list[RunMemo] = []  # every RunMemo made (module-level memos: a few)


class RunMemo(dict):
    """``memo[run]`` is ``compute(run)`` (any value) for a string ``run``, computed on
    first use and kept for runs of at most ``_RUN_MAX_CHARS`` characters; emptied at
    ``_RUNS_MAX`` entries (~20 MB at most). A corpus repeats its words, so per-token
    regex work done through ``map(memo.__getitem__, text.split())`` happens once per
    distinct white-space-separated run."""

    def __init__(self, compute) -> None:
        super().__init__()
        self.compute = compute
        _MEMOS.append(self)

    def __missing__(self, run: str):
        found = self.compute(run)
        if len(run) <= _RUN_MAX_CHARS:
            if len(self) >= _RUNS_MAX:
                self.clear()
            self[run] = found
        return found


_RUNS_MAX = 100_000
_RUN_MAX_CHARS = 64
_LINE_RUNS = RunMemo(_normalize_run)


def words(text: str) -> list[str]:
    """Normalised word tokens of ``text`` (letters, marks and digits).

    Per white-space-separated run, from a bounded memo (``RunMemo``): no word holds
    white space and normalize_chars acts on each character, so the runs' words in
    order are the text's; ~3x fewer CPU s than one findall a text (one match a word)."""
    return list(chain.from_iterable(map(_WORD_RUNS.__getitem__, text.split())))


_WORD_RUNS = RunMemo(lambda run: tuple(WORD_RE.findall(normalize_chars(run))))


def forget_runs() -> None:
    """Empty the run memos (``RunMemo``: up to ~20 MB each) of ``normalize_text`` and
    ``words`` and every other ``RunMemo`` (token weights, the quality rules' letter
    test); they fill again on use, with the same values."""
    for memo in _MEMOS:
        memo.clear()


@lru_cache(maxsize=200_000)
def light_stem(word: str) -> str:
    """Strip Arabic proclitics (light10 prefixes) from an already normalised word.

    Leaves at least two letters; non-Arabic words are returned unchanged.
    """
    if not word or word[0] not in _CLITIC_INITIALS:  # (every prefix starts with one of these)
        return word
    stripped = _CLITIC_RE.sub("", word, count=1)
    return stripped if len(stripped) >= 2 else word


def stems(text: str) -> list[str]:
    return [light_stem(w) for w in words(text)]
