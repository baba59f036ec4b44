"""One pass over a text's code points, shared by the duplicate rules.

``scan(text)`` gives a text's code points and, from one lookup in a table by code
point (``class_table``), the classes of each: white space (what ``str.split`` splits
on: ``units`` finds runs there), a capital, a digit or a character of a spaceless
script (``meaning.name_free``'s preconditions), a haraka (``regions.vocalised``). The
genre check and the word scan of the same document then decode the text once, not
three times; the last text scanned is remembered (one entry: a document's rules run one
after another). The quality rules count the tokens holding a letter from the same scan
(``letter_tokens``).
"""

from __future__ import annotations

import re

import numpy as np
import regex

from ...text.lazy_regex import lazy
from ...text.tokens import SPACELESS_BLOCKS

SPACE, CAPITAL, DIGIT, HARAKA, ARABIC_LETTER, SPACELESS_BLOCK = 1, 2, 4, 8, 16, 32  # class bits (uint8)
ARABIC_LETTERS = (range(0x0621, 0x064B), range(0x0671, 0x06D4))  # (regions.vocalised's [\u0621-\u064A\u0671-\u06D3])
CAPITAL_RE = regex.compile(r"\p{Lu}")  # (``meaning``'s precondition of a capitalised name)
DIGIT_RE = regex.compile(r"\d")
LETTER_RE = regex.compile(r"\p{L}")  # (the quality rules' letter test: ``letter_tokens``)
HARAKAT = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]  # pyarabic's TASHKEEL, dagger alef

_TABLE: list[np.ndarray] = []
_LAST: list = [None]  # (text, code points, classes) of the last scan of a text of at most _REMEMBER characters
_REMEMBER = 1 << 16


def class_table() -> np.ndarray:
    """uint8 by code point below 0x10000 (0x10001 entries): the class bits of each,
    found by the patterns themselves over every such character (``str.isspace`` is
    ``re``'s ``\\s`` on str; each pattern is one character class); the extra last entry
    stands for any code point beyond, which may be a capital or a digit (never white
    space: every white space character is below U+3001, nor a haraka)."""
    if not _TABLE:
        every = np.arange(0x10000, dtype="<u4").tobytes().decode("utf-32-le", "surrogatepass")
        table = np.zeros(0x10001, dtype=np.uint8)
        for bit, pattern in ((SPACE, re.compile(r"\s")), (CAPITAL, CAPITAL_RE), (DIGIT, DIGIT_RE)):
            table[[m.start() for m in pattern.finditer(every)]] |= bit
        table[[ord(h) for h in HARAKAT]] |= HARAKA
        for letters in ARABIC_LETTERS:
            table[letters.start : letters.stop] |= ARABIC_LETTER
        for first, last in SPACELESS_BLOCKS:
            table[first : min(last, 0xFFFF) + 1] |= SPACELESS_BLOCK
        table[-1] = CAPITAL | DIGIT | SPACELESS_BLOCK
        _TABLE.append(table)
    return _TABLE[0]


def scan(text: str) -> tuple[np.ndarray, np.ndarray]:
    """``(code_points, classes)`` of ``text``: its code points (uint32, ``len(text)``) and
    their class bits (uint8, ``len(text) + 2``: ``classes[k + 1]`` is character k's, with a
    ``SPACE`` entry at both ends). Read-only arrays, shared with the next caller that
    scans the same text object (texts of at most ``_REMEMBER`` characters). (UTF-32, the
    one codec the duplicate rules load: a process that has dropped its rights may no
    longer be able to read another codec module on first use.)"""
    last = _LAST[0]
    if last is not None and last[0] is text:
        return last[1], last[2]
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = np.empty(len(cp) + 2, dtype=np.uint8)
    classes[0] = classes[-1] = SPACE
    class_table().take(cp, mode="clip", out=classes[1:-1])  # (past the table: its last entry)
    classes.flags.writeable = False
    _LAST[0] = (text, cp, classes) if len(text) <= _REMEMBER else None
    return cp, classes


def name_hints(classes: np.ndarray) -> tuple[bool, bool, bool]:
    """Whether a text with these ``classes`` (``scan``) may hold a capital (``\\p{Lu}``),
    a digit (``\\d``) and a character of a script written without spaces (one of
    ``tokens.SPACELESS_BLOCKS``: ``tokens.has_spaceless`` may be True)."""
    bits = int(np.bitwise_or.reduce(classes)) if len(classes) else 0
    return bool(bits & CAPITAL), bool(bits & DIGIT), bool(bits & SPACELESS_BLOCK)


def harakat_count(text: str) -> int:
    """Characters of ``HARAKAT`` (U+064B..U+0652, U+0670) in ``text`` (``scan``'s classes)."""
    return class_count(text, HARAKA)


def class_count(text: str, bit: int) -> int:
    """Characters of ``text`` in the class ``bit`` (HARAKA, ARABIC_LETTER: none is ASCII)."""
    if text.isascii():
        return 0
    return int(np.count_nonzero(scan(text)[1] & bit))


# by code point (every one): 0 not met yet, 1 neither a letter nor a mark, 2 a letter
# (``\p{L}``), 3 a combining mark (``\p{M}``); filled as code points are first met
NEITHER, LETTER, MARK = 1, 2, 3
_LETTER_OR_MARK = np.zeros(0x110000, dtype=np.uint8)
MARK_RE = lazy(r"\p{M}")  # (compiled at first use: a file of ASCII paragraphs never asks)


def letters_and_marks(cp: np.ndarray) -> np.ndarray:
    r"""``NEITHER``, ``LETTER`` or ``MARK`` (uint8) for each of the code points ``cp``
    (uint32, as ``scan`` gives them): ``\p{L}`` and ``\p{M}`` as ``regex`` has them, each
    distinct code point tested once a process."""
    known = _LETTER_OR_MARK.take(cp)
    if not known.all():
        met = np.zeros(len(_LETTER_OR_MARK), dtype=bool)
        met[cp[known == 0]] = True  # (the distinct code points not met yet, without a sort)
        for c in np.flatnonzero(met).tolist():
            ch = chr(c)
            _LETTER_OR_MARK[c] = MARK if MARK_RE.match(ch) else LETTER if LETTER_RE.match(ch) else NEITHER
        known = _LETTER_OR_MARK.take(cp)
    return known


# by code point below 0x10000: 0 not met yet, 1 ``LETTER_RE`` does not match it, 2 it does
# (the last entry, any code point beyond, stays 0); filled as code points are first met,
# so a process that reads a little text tests a few hundred characters, not 65,536
_LETTERS = np.zeros(0x10001, dtype=np.uint8)
SHORT_LETTER_TEXT = 1000  # ``letter_tokens`` counts a text of at most this many characters in Python


def letter_tokens(text: str) -> tuple[int, int]:
    """``(holding, tokens)``: how many of ``text.split()``'s tokens hold a letter
    (``LETTER_RE``, ``\\p{L}``) and how many tokens there are, from ``scan`` (no string
    per token: a token holds a letter when some character from its start to the next
    token's, white space in between, is one; a byte per character besides ``scan``'s
    arrays). A token with no letter below U+10000 but a character beyond is tested with
    ``LETTER_RE`` itself. A short text (``SHORT_LETTER_TEXT`` characters at most, a
    record's field or a chat turn) is counted token by token instead: the same count
    (``str.split`` splits at ``str.isspace``, which is the ``SPACE`` class), without the
    arrays' set-up (~0.1 ms)."""
    if len(text) <= SHORT_LETTER_TEXT:
        tokens = text.split()
        search = LETTER_RE.search
        return sum(1 for t in tokens if search(t) is not None), len(tokens)
    cp, classes = scan(text)
    edges = np.flatnonzero((classes[1:] & SPACE) != (classes[:-1] & SPACE))  # run starts and ends, alternately
    starts, ends = edges[0::2], edges[1::2]
    if not len(starts):
        return 0, 0
    known = _LETTERS.take(cp, mode="clip")
    if not known.all():
        for c in sorted(set(cp[known == 0].tolist())):  # (np.unique would import numpy.ma: ~10 ms)
            if c < 0x10000:
                _LETTERS[c] = 1 + (LETTER_RE.match(chr(c)) is not None)
        known = _LETTERS.take(cp, mode="clip")
    holding = np.logical_or.reduceat(known == 2, starts)
    if not known.all():  # characters beyond U+FFFF
        maybe = ~holding & np.logical_or.reduceat(known == 0, starts)
        for k in np.flatnonzero(maybe).tolist():
            holding[k] = LETTER_RE.search(text, int(starts[k]), int(ends[k])) is not None
    return int(np.count_nonzero(holding)), len(starts)
