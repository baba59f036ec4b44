"""Script-aware word tokens: words where scripts separate words with spaces, characters
where they do not.

Chinese (Han), Japanese (Hiragana, Katakana, Han), Thai, Lao, Khmer and Myanmar are
written without spaces between words, so "runs of letters" are whole clauses or
sentences there: two Chinese paragraphs that differ in one character would share no
"word" at all. For these scripts each character (with its combining marks, e.g. Thai
vowel and tone marks) is one token, so that word-bigram shingles become character
bigrams, the usual unit for near-duplicate detection in these languages (character
n-gram shingling as in Broder 1997; character bigrams are the standard CJK indexing
unit of Lucene's CJKAnalyzer and Elasticsearch's ``cjk_bigram`` filter).

Every other script keeps letter/digit runs (Unicode ``\\w`` without ``_``: letters,
combining marks, digits), so Devanagari or Bengali vowel signs stay inside their word.

Scripts are looked up through the Unicode Script property (``regex``'s ``\\p{Han}``,
``\\p{Thai}`` ...).

``word_weight(token)`` converts tokens back to an approximate word count for
thresholds written in words (``min-words``): a Han or Kana character counts as
``CJK_WORDS_PER_CHAR`` (0.6: Chinese words average about 1.6-1.7 characters in
segmented corpora, e.g. the PKU/MSR segmentation bakeoff data), a Thai, Lao, Khmer or
Myanmar character cluster as ``SEA_WORDS_PER_CHAR`` (0.3: Thai words average about
three such clusters).
"""

from __future__ import annotations

from typing import Iterator

import regex

from .lazy_regex import lazy, lazy_re
from .memo import last_argument
from .normalize import RunMemo

# Scripts written without spaces between words.
CJK_CLASS = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Bopomofo}ー々〆"
SEA_CLASS = r"\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
SPACELESS_CLASS = CJK_CLASS + SEA_CLASS

# Full stops of scripts that do not end a sentence with ".": the danda and double danda
# (Devanagari, used by Hindi, Marathi, Nepali, Bengali, Punjabi...), Khmer's khan and bariyoosan,
# Myanmar's section mark, Tibetan's shad and nyis shad, Ethiopic's full stop, Armenian's
# verjaket, Urdu's full stop, Mongolian's full stop, Thai's angkhankhu and khomut (Unicode
# chapters 12-16 and 19 name each the script's sentence or section end). A Khmer or Burmese
# writer puts a space before it ("... ខាង​លើ ។"); it ends the sentence all the same.
SCRIPT_FULL_STOPS = "\u0964\u0965\u17d4\u17d5\u104b\u0f0d\u0f0e\u1362\u0589\u06d4\u1803\u0e5a\u0e5b"
# Punctuation written between words in place of a space: the Ethiopic wordspace ፡ (U+1361;
# Unicode chapter 19: Ge'ez text parts its words with it, modern Amharic and Tigrinya text with a
# space or with both). ``tokens`` splits there as at any character that is no word's; a rule that
# reads the words a space parts reads those one divider parts too (S104: "ወደ፡ወደ፡አገሩ", as
# "ወደ ወደ አገሩ"). Two in a row, ``፡፡``, stand for the full stop ``።``: no word's divider.
WORD_DIVIDERS = "\u1361"
CJK_WORDS_PER_CHAR = 0.6
SEA_WORDS_PER_CHAR = 0.3

_SPACELESS_RE = lazy(rf"[{SPACELESS_CLASS}]")
_CJK_RE = lazy(rf"[{CJK_CLASS}]")
# one spaceless character with its combining marks, or a run of other word characters
_TOKEN_RE = lazy(
    rf"[{SPACELESS_CLASS}]\p{{M}}*|[[\w]--[_{SPACELESS_CLASS}]]+",
    regex.V1,
)


# Code-point blocks holding those scripts (Thai, Lao, Myanmar, Khmer, CJK radicals to
# CJK ideographs incl. Kana and Bopomofo, CJK compatibility, halfwidth Katakana,
# supplementary ideographs): a C-speed `re` pre-check, confirmed with the Script property.
SPACELESS_BLOCKS = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x9FFF), (0xF900, 0xFAFF),
                    (0xFF66, 0xFF9F), (0x20000, 0x3134F))  # (first, last) code points
_BLOCKS_RE = lazy_re("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in SPACELESS_BLOCKS) + "]")


@last_argument  # (the quality rules ask it of the same prose text several times per document)
def has_spaceless(text: str) -> bool:
    """True if ``text`` contains a character of a script written without spaces."""
    m = _BLOCKS_RE.search(text)
    return m is not None and _SPACELESS_RE.search(text, m.start()) is not None


def tokens(text: str) -> list[str]:
    """Word tokens of ``text`` (not normalised): letter/mark/digit runs, except that
    Han, Kana, Thai, Lao, Khmer and Myanmar give one token per character (plus its
    combining marks)."""
    return _TOKEN_RE.findall(text)


def token_spans(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each word token of ``text[pos:endpos]`` (as ``tokens``), offsets into ``text``."""
    return (m.span() for m in _TOKEN_RE.finditer(text, pos, len(text) if endpos is None else endpos))


def is_spaceless(token: str) -> bool:
    """True for a token produced from a script without spaces (one character + marks)."""
    return bool(token) and _SPACELESS_RE.match(token) is not None


def word_weight(token: str) -> float:
    """Approximate number of words one token stands for (1.0 for ordinary words)."""
    if not token or _SPACELESS_RE.match(token) is None:
        return 1.0
    return CJK_WORDS_PER_CHAR if _CJK_RE.match(token) else SEA_WORDS_PER_CHAR


# token -> ``word_weight(token)``, each distinct token weighed once (``RunMemo``: a
# spaceless text's tokens are its characters, a few thousand distinct ones)
WEIGHTS = RunMemo(word_weight)


@last_argument  # (the quality rules Q106 and Q108 count the same prose text)
def word_count(text: str) -> float:
    """Approximate number of words in ``text`` (see ``word_weight``)."""
    return sum(map(WEIGHTS.__getitem__, tokens(text)))


def spaceless_share(text: str) -> float:
    """Share of ``text``'s letters that belong to scripts written without spaces."""
    letters = regex.findall(r"\p{L}", text)
    if not letters:
        return 0.0
    return sum(1 for c in letters if _SPACELESS_RE.match(c)) / len(letters)
