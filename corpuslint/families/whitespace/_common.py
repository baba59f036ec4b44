"""Character classes and helpers shared by the whitespace rules."""

from __future__ import annotations

from functools import lru_cache

import regex

from ...text.chars import describe

# Horizontal whitespace: tab + every Unicode space separator (Zs: SPACE, NBSP, OGHAM,
# EN/EM/THIN/HAIR..., NARROW NBSP, MEDIUM MATHEMATICAL, IDEOGRAPHIC).
HSPACE = r"\t\p{Zs}"
# Invisible format characters that count as whitespace at a line's end.
INVISIBLE = r"\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u061c\u180e"
EOL = r"(?=\r\n|\n|\r|\Z)"
NEWLINE_RE = regex.compile(r"\r\n|\n|\r")


def char_names(text: str) -> str:
    """'U+00A0 NO-BREAK SPACE, U+0020 SPACE' for the distinct characters of ``text``."""
    seen = dict.fromkeys(text)
    return ", ".join(describe(c) for c in seen)


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf > lf and crlf >= cr:
        return "\r\n"
    if cr > lf and cr > crlf:
        return "\r"
    return "\n"


@lru_cache(maxsize=128)
def compiled(pattern: str) -> "regex.Pattern":
    """Compile a pattern built from rule options once per process (not once per document)."""
    return regex.compile(pattern)
