"""Character names for messages: ``U+0009 CHARACTER TABULATION``, not ``UNNAMED``.

``unicodedata.name`` has no names for control characters (their Unicode names are
empty; the names people know are the formal *aliases* in NameAliases.txt, type
``control``), so C0, DEL and C1 come from the table below, copied from
https://www.unicode.org/Public/UCD/latest/ucd/NameAliases.txt (the ``control`` alias,
or ``figment`` where there is none: U+0080, U+0081, U+0099).
"""

from __future__ import annotations

import unicodedata

_C0 = (
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY",
    "ACKNOWLEDGE", "ALERT", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION",
    "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO", "DEVICE CONTROL THREE", "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
    "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE", "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
)
_C1 = (
    "PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE", "INDEX",
    "NEXT LINE", "START OF SELECTED AREA", "END OF SELECTED AREA", "CHARACTER TABULATION SET",
    "CHARACTER TABULATION WITH JUSTIFICATION", "LINE TABULATION SET", "PARTIAL LINE FORWARD",
    "PARTIAL LINE BACKWARD", "REVERSE LINE FEED", "SINGLE SHIFT TWO", "SINGLE SHIFT THREE",
    "DEVICE CONTROL STRING", "PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE",
    "CANCEL CHARACTER", "MESSAGE WAITING", "START OF GUARDED AREA", "END OF GUARDED AREA",
    "START OF STRING", "SINGLE GRAPHIC CHARACTER INTRODUCER", "SINGLE CHARACTER INTRODUCER",
    "CONTROL SEQUENCE INTRODUCER", "STRING TERMINATOR", "OPERATING SYSTEM COMMAND", "PRIVACY MESSAGE",
    "APPLICATION PROGRAM COMMAND",
)
_CONTROL = {**dict(enumerate(_C0)), 0x7F: "DELETE", **{0x80 + i: n for i, n in enumerate(_C1)}}
_UNNAMED_CATEGORY = {"Co": "PRIVATE USE CHARACTER", "Cs": "SURROGATE", "Cn": "UNASSIGNED CHARACTER"}


def char_name(c: str) -> str:
    """The Unicode name of one character, the control alias for controls, else its kind."""
    name = unicodedata.name(c, "") or _CONTROL.get(ord(c), "")
    return name or _UNNAMED_CATEGORY.get(unicodedata.category(c), "UNNAMED CHARACTER")


def describe(c: str) -> str:
    """``U+0009 CHARACTER TABULATION``."""
    return f"U+{ord(c):04X} {char_name(c)}"
