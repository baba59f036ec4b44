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

from .lazy_regex import lazy

# mIRC colour digits after U+0003 (a pattern string, for larger patterns, and compiled)
MIRC_COLOUR_DIGITS = r"\d{1,2}(?:,\d{1,2})?"
MIRC_COLOUR_DIGITS_RE = lazy(MIRC_COLOUR_DIGITS)
# a whole mIRC colour code: U+0003 and its digits, if any
MIRC_COLOUR = rf"\x03(?:{MIRC_COLOUR_DIGITS})?"


def overstrike_shows(before: str, after: str) -> str | None:
    """The characters the overstrike ``before`` + k backspaces + ``after`` shows (k =
    ``len(before)``), or None when ``before`` and ``after`` do not pair up as an overstrike
    (other lengths; a pair neither bold nor underline: ``o\\b/``, ``teh\\b\\bhe``; an
    underlined white space)."""
    if len(before) != len(after) or not all(
            a == b or (a == "_" and not b.isspace()) or (b == "_" and not a.isspace()) for a, b in zip(before, after)):
        return None
    return "".join(a if b == "_" else b for a, b in zip(before, after))
