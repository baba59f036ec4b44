"""What terminal and chat control codes show: mIRC colour codes and nroff's overstrike.

Shared by A109 (control characters, which deletes them), W112 (invisible characters,
which looks past them to the letters around a ZERO WIDTH SPACE) and the engine's check
that safe fixes keep the words (``engine.apply_fixes``).

- mIRC's colour code is U+0003 then a foreground of one or two digits and an optional
  ``,background`` of one or two (mIRC's "Control codes" help): ``\\x038,1`` shows nothing,
  its digits are part of the code.
- nroff's overstrike (man pages, fortune files) is k characters, k backspaces and k
  characters, each pair showing one character: ``_`` with a character underlines it
  (``_\\bn``, ``___\\b\\b\\bEXP``), the same character twice is bold (``I\\bI``).
"""

from __future__ import annotations

import re

from .lazy_regex import lazy, lazy_re

# mIRC colour digits after U+0003 (a pattern string, for larger patterns, and compiled)
MIRC_COLOUR_DIGITS = r"\d{1,2}(?:,\d{1,2})?"
MIRC_COLOUR_DIGITS_RE = lazy(MIRC_COLOUR_DIGITS)
# a whole mIRC colour code: U+0003 and its digits, if any
MIRC_COLOUR = rf"\x03(?:{MIRC_COLOUR_DIGITS})?"
# a control character but tab, line feed and carriage return (C0, DEL, C1); a class of code
# points: the standard ``re`` engine scans a text for it ~2x faster than ``regex``
ANY_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BACKSPACES_RE = lazy_re(r"\x08+")


def overstrike_shows(before: str, after: str) -> str | None:
    """The characters the overstrike ``before`` + k backspaces + ``after`` shows (k =
    ``len(before)``), or None when ``before`` and ``after`` do not pair up as an overstrike
    (other lengths; a pair neither bold nor underline: ``o\\b/``, ``teh\\b\\bhe``; an
    underlined white space)."""
    if len(before) != len(after) or not all(
            a == b or (a == "_" and not b.isspace()) or (b == "_" and not a.isspace()) for a, b in zip(before, after)):
        return None
    return "".join(a if b == "_" else b for a, b in zip(before, after))


def overstrike_at(text: str, start: int, end: int, floor: int = 0) -> str | None:
    """What the k backspaces ``text[start:end]`` show with the k characters before them (from
    ``floor`` on) and the k after them, or None when these are no overstrike
    (``overstrike_shows``; fewer characters there, or a control character, line feed or
    carriage return after, or a control character before)."""
    k = end - start
    before, after = text[start - k : start], text[end : end + k]
    if (start - k < floor or len(after) != k or ANY_CONTROL_RE.search(before + after)
            or "\n" in after or "\r" in after):
        return None
    return overstrike_shows(before, after)


def show_overstrikes(text: str) -> str:
    """``text`` with each overstrike (``overstrike_at``) replaced by the characters it shows
    (``___\\b\\b\\bEXP`` by ``EXP``); other backspaces are left."""
    if "\b" not in text:
        return text
    out, pos = [], 0
    for m in _BACKSPACES_RE.finditer(text):
        shown = overstrike_at(text, m.start(), m.end(), pos)
        if shown is not None:
            k = m.end() - m.start()
            out += [text[pos : m.start() - k], shown]
            pos = m.end() + k
    return "".join(out) + text[pos:]
