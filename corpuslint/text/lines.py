"""Scanning only the lines of a text that can matter to a pattern."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def lines_holding(text: str, trigger: Any) -> Iterator[tuple[int, int]]:
    """``(start, end)`` offsets of each line of ``text`` (``end`` at its ``\\n`` or the
    text's end) where ``trigger`` (a compiled ``re`` or ``regex`` pattern) matches, in
    order, each line once. ``trigger`` is what every line a costly pattern can match
    holds (a digit touching a letter, ``=``, two spaces), so lines of plain prose cost
    one scan for the trigger instead of the pattern's backtracking. A trigger match must
    not contain a newline."""
    pos = 0
    while True:
        t = trigger.search(text, pos)
        if t is None:
            return
        start = text.rfind("\n", 0, t.start()) + 1
        end = text.find("\n", t.end())
        if end < 0:
            end = len(text)
        yield start, end
        pos = end + 1
