"""Display width: how many terminal cells a character or string takes.

East Asian Wide and Fullwidth characters (``unicodedata.east_asian_width`` W or F: Han,
kana, Hangul syllables, full-width forms) take two cells; nonspacing and enclosing marks
(Mn, Me: Thai vowel signs above and below, accents) and format characters (Cf: ZWSP,
SOFT HYPHEN, directional marks) take none; everything else takes one (East Asian
Ambiguous as narrow, as terminals outside a CJK locale and groff with ``MANWIDTH`` set
count it). A text rendered for a fixed-width terminal (``man``'s output) lays out its
columns and its right margin in these cells, not in code points: ``タイプ 2       護符``
starts its definition at cell 22, code point 19. Source: Unicode Standard Annex #11
(East Asian Width); the same counting as POSIX ``wcwidth`` for these classes.
"""

from __future__ import annotations

import unicodedata

_ZERO = frozenset(("Mn", "Me", "Cf"))


def cell_width(ch: str) -> int:
    """Cells the character ``ch`` takes: 0, 1 or 2 (see the module's docstring)."""
    if ch < "\u0300":
        return 1 if ch != "\u00ad" else 0  # (ASCII and Latin-1: narrow; SOFT HYPHEN is Cf)
    if unicodedata.category(ch) in _ZERO:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Cells ``text`` takes on one line (its characters' ``cell_width``s summed; a tab or
    control character counts as one)."""
    if text.isascii():
        return len(text)
    return sum(cell_width(c) for c in text)


def display_column(line: str, index: int) -> int:
    """The cell (0-based) at which ``line[index]`` starts: the width of ``line[:index]``."""
    return display_width(line[:index])


def index_at_column(line: str, column: int) -> int | None:
    """The code-point index in ``line`` of the first character that starts at cell
    ``column`` (0-based), or None when no character starts there (the cell is the second
    half of a wide character, or past the line's end). ``len(line)`` when ``column`` is the
    cell right after the line's last character."""
    if line.isascii():
        return column if column <= len(line) else None
    cells = 0
    for i, ch in enumerate(line):
        if cells == column:
            return i
        if cells > column:
            return None
        cells += cell_width(ch)
    return len(line) if cells == column else None
