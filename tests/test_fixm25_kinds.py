"""False-alarm kinds fresh25 met on a literary corpus (Debian fortunes-* packages), each as a
test on the real excerpt (tests/data/realtext/SOURCE.md: "fixm25") with a true finding beside it."""

from __future__ import annotations

from hypothesis import given, strategies as st

from corpuslint import lint_text
from corpuslint.document import Document
from corpuslint.structure import plain_text_regions

# -- CRLF = LF: a line's "\r" is its line ending, not its text ---------------------------------

# fortunes-ru 1.52 b0 (lines 1-12), as the package ships it: CRLF line endings, "%" between records
B0 = ("Фигурой женщина напоминает грушу,\nВ которой ищем мы родную душу.\n\t\t-- Н. Векшин\n%\n"
      "В жизни встречаются просто божественные фигуры, но геометрия, увы, не в силах их\nописать.\n"
      "\t\t-- Ф.Е. Топорищев\n%\nДжентельмен должен уметь описывать красоту Лоллобриджиды, не описывая руками\n"
      "дуг.\n\t\t-- Мариан Эйле\n%\n")
# a stray row of bars between two paragraphs of prose (a true A111 finding, in either ending)
BARS = "Фигурой женщина напоминает грушу,\nВ которой ищем мы родную душу.\n\n|||\n\nВ жизни встречаются.\n"


def _found(text: str, select: str) -> list[tuple[str, int, int, str]]:
    return sorted((f.code, f.line, f.column, f.message) for f in lint_text(text, path="b0.txt", config={"select": [select]}))


def test_a111_fortune_separators_with_crlf_endings_are_read_as_with_lf():
    assert _found(B0.replace("\n", "\r\n"), "A111") == _found(B0, "A111") == []
    assert _found(BARS.replace("\n", "\r\n"), "A111") == _found(BARS, "A111") == [("A111", 4, 1, "line of symbols only `|||`")]


def _code_lines(text: str) -> list[tuple[int, str, bool]]:
    doc = Document("doc.txt", text)
    lines = []
    for region in plain_text_regions(doc):
        first = text.count("\n", 0, region.start) + 1
        lines.append((first, region.kind, region.aligned, text[region.start:region.end].replace("\r", "")))
    return lines


_LINE = st.sampled_from([
    "%", "}", "[...]", "# apt install x", "$ ls -l /tmp", "KEY=value", "a  b  c", "    indented line",
    "# comment", "#!/bin/sh", "Field: value", "[section]", "key = value", "`tar cf x`", "| a | b |",
    "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0", "Apr  1 12:00:00 host sshd[42]: ok", "deb https://deb.debian.org/ x",
    "Фигурой женщина напоминает грушу,", "\t\t-- Н. Векшин", "", "  ", "plain words here.",
])


@given(st.lists(_LINE, min_size=1, max_size=12))
def test_plain_text_regions_are_the_same_for_crlf_and_lf_lines(lines):
    text = "\n".join(lines) + "\n"
    assert _code_lines(text.replace("\n", "\r\n")) == _code_lines(text)
