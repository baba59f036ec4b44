"""long43: W114's code and formula tests bounded to their window, against the definitions
they replace (which read the one line back to its start and on to its end per mark: a
one-line file of 16 MB has thousands of marks on its line). Each test computes the old
definition next to the new one on generated input (hypothesis) and asserts the same answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import structure
from corpuslint.families.spelling import repeated
from corpuslint.families.whitespace import punctuation
from corpuslint.text import code


def _code_near_whole_line(text: str, pos: int, signs: int = 2) -> bool:
    """``code.code_near`` as it was: the line's break searched for from the text's start."""
    start = max(text.rfind("\n", 0, pos) + 1, pos - code._RADIUS)
    end = text.find("\n", pos)
    end = min(len(text) if end < 0 else end, pos + code._RADIUS)
    n = 0
    for _ in code._CODE_SIGN_RE.finditer(text, start, end):
        n += 1
        if n >= signs:
            return True
    return False


def _in_code_run_whole_line(text: str, pos: int) -> bool:
    """``code.in_code_run`` as it was."""
    start = max(text.rfind("\n", 0, pos) + 1, pos - code._RUN_RADIUS)
    end = text.find("\n", pos)
    end = min(len(text) if end < 0 else end, pos + code._RUN_RADIUS)
    n, operation = 0, False
    for m in code._CODE_SIGN_RE.finditer(text, start, end):
        if text.rfind("<", start, m.start()) > text.rfind(">", start, m.start()):
            continue
        n += 1
        operation = operation or m.group("op") is not None
        if n >= code._RUN_SIGNS and operation:
            return True
    return False


def _in_signature_from_line_start(text: str, start: int, end: int, pos: int) -> bool:
    """``punctuation._in_signature`` as it was: every formula of the line from its start."""
    if "(" not in text[start:pos]:
        return False
    for f in punctuation._SIGNATURE_RE.finditer(text, start, end):
        if f.start(1) <= pos < f.end(1):
            return True
        if f.start() > pos:
            break
    return False


# code signs, formulas, tags and line breaks often enough to meet; padding of varied length
# so that the windows (80, 250, 160 characters) cut through them
_PIECES = st.sampled_from([
    "rc = x", " Dim ", "Sub ", "End Sub", "x(1) := 2", "f(", ")", "(", " ; ", " , ", "\n", " ", "a", "A",
    "LOGNORM.INV(Zahl ; Mittel ; S)", "SUM(", "x.Y_Z(", "<a href=", ">", "<", "As Object", "ls(1)",
    "é", ".", "_", "9", "B", "xAB(", "é" * 40, " word" * 12, "Q" * 30,
])
_TEXT = st.lists(_PIECES, max_size=60).map("".join)


@settings(max_examples=800, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=2000))
def test_code_windows_are_the_whole_line_ones(text, at):
    pos = at % (len(text) + 1)
    assert code.code_near(text, pos) == _code_near_whole_line(text, pos)
    assert code.code_near(text, pos, 1) == _code_near_whole_line(text, pos, 1)
    assert code.in_code_run(text, pos) == _in_code_run_whole_line(text, pos)


def _mark_on_line(text: str, at: int, line_at: int) -> tuple[int, int, int]:
    """(a mark's position drawn from ``at``, a start on its line at or before it drawn from
    ``line_at``: the line's start as W114 passes it, or later; the line's end)."""
    pos = at % (len(text) + 1)
    start = text.rfind("\n", 0, pos) + 1
    start = min(pos, start + line_at % (pos - start + 1))
    end = text.find("\n", pos)
    return pos, start, len(text) if end < 0 else end


@settings(max_examples=1500, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=2000), st.integers(min_value=0, max_value=2000))
def test_signature_from_its_parenthesis_is_the_line_one(text, at, line_at):
    pos, start, end = _mark_on_line(text, at, line_at)
    assert punctuation._in_signature(text, start, end, pos) == _in_signature_from_line_start(text, start, end, pos)


def test_formula_separator_found_and_prose_not():
    line = "Syntax: LOGNORM.INV(Zahl ; Mittelwert ; StAbw) and then ; prose"
    inside, outside = line.index(";"), line.rindex(";")
    assert punctuation._in_signature(line, 0, len(line), inside)
    assert not punctuation._in_signature(line, 0, len(line), outside)
    basic = "Dim rc As Object : rc = com.sun.star.Foo(x) , y"
    assert code.code_near(basic, basic.index(":")) and code.code_near(basic, basic.index(":")) == (
        _code_near_whole_line(basic, basic.index(":")))


def _command_arguments_from_line_start(text: str, line_start: int, pos: int) -> bool:
    """``repeated._command_arguments`` as it was: the line read from its start for each pair."""
    return repeated._OPTION_RE.search(text, line_start, pos) is not None


_COMMAND_PIECES = st.sampled_from(["-", "--", "-x", "--no-binary", "=", "=a/b", " ", " ", "\t", "\n", "a", "é", "_",
                                   "pip install", "docutils docutils", "x-y", "9"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_COMMAND_PIECES, max_size=30).map("".join), st.integers(0, 500), st.integers(0, 500))
def test_first_option_end_answers_as_the_search_from_the_line_start(text, at, line_at):
    pos = at % (len(text) + 1)
    line_start = text.rfind("\n", 0, pos) + 1
    line_start = min(pos, line_start + line_at % (pos - line_start + 1))  # (or any start before pos on the line)
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    assert (repeated._first_option_end(text, line_start, line_end) <= pos) == (
        _command_arguments_from_line_start(text, line_start, pos))


def _in_verse_from_line_start(text: str, pos: int, median_chars: int = structure.VERSE_MEDIAN_CHARS) -> bool:
    """``structure.in_verse`` as it was: the first line's start looked for before its lines were counted."""
    lo, hi = structure.reach(text, pos, 4000), structure.reach(text, pos, 4000, forward=True)
    starts = [m.end() for m in structure.BLANK_LINES_RE.finditer(text, lo, pos)]
    start = starts[-1] if starts else (0 if lo == 0 else text.rfind("\n", 0, lo) + 1)
    after = structure.BLANK_LINES_RE.search(text, pos, hi)
    end = after.start() if after else hi
    lengths = sorted(max(len(c.strip()) for c in line.split("\t")) for line in text[start:end].split("\n") if line.strip())
    return len(lengths) >= structure.VERSE_MIN_LINES and lengths[len(lengths) // 2] <= median_chars


# short and long lines (past the 4,000-character window), blank lines, tabs, CRLF endings
_VERSE_PIECES = st.sampled_from(["\n", "\n", "\n\n", "\r\n", " \n", "\t", "a", "word ", "Roses are red",
                                 "x" * 700, "long line " * 90, "é"])


@settings(max_examples=800, deadline=None)
@given(st.lists(_VERSE_PIECES, max_size=40).map("".join), st.integers(0, 40000), st.sampled_from([48, 60]))
def test_in_verse_counting_lines_first_is_the_old_one(text, at, median):
    pos = at % (len(text) + 1)
    assert structure.in_verse(text, pos, median) == _in_verse_from_line_start(text, pos, median)


def _in_subscript_from_line_start(text: str, start: int, pos: int, end: int) -> bool:
    """``punctuation._in_subscript`` as it was: its brackets looked for back to the line's start and on to its end."""
    opened = text.rfind("[", start, pos)
    if opened < 0 or "]" in text[opened:pos]:
        return False
    closed = text.find("]", pos, end)
    if closed < 0 or "[" in text[pos:closed]:
        return False
    return punctuation._SUBSCRIPT_OPEN_RE.search(text, max(start, opened - 1), opened + 1) is not None and " " not in text[
        opened:pos].strip() and len(text[opened:closed]) <= 60


_SUBSCRIPT_PIECES = st.sampled_from(["a[i", "[", "]", " : ", ":", " ", "\t", "x", "source_line[node.col_offset",
                                     "hi]", "é" * 25, "word " * 5, ")", "\n", "@", "/etc/x", "http://a.b/c"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_SUBSCRIPT_PIECES, max_size=30).map("".join), st.integers(0, 500), st.integers(0, 500))
def test_subscript_and_word_start_in_their_window_are_the_old_ones(text, at, line_at):
    pos, start, end = _mark_on_line(text, at, line_at)
    assert punctuation._in_subscript(text, start, pos, end) == _in_subscript_from_line_start(text, start, pos, end)
    assert punctuation._word_start(text, start, pos) == (
        max(text.rfind(" ", start, pos), text.rfind("\t", start, pos), start - 1) + 1)


def test_subscript_and_address_found_and_prose_not():
    code_line = "x = a[i : hi] and b : c"
    inside, outside = code_line.index(":"), code_line.rindex(":")
    assert punctuation._in_subscript(code_line, 0, inside, len(code_line))
    assert not punctuation._in_subscript(code_line, 0, outside, len(code_line))
    man = "Mail manpages-pl-list@lists.sourceforge.net ."
    assert punctuation._after_address(man, 0, len(man) - 2) and not punctuation._after_address("a word .", 0, 6)
