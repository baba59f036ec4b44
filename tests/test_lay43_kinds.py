"""fresh30's layout kinds of W103 (multiple spaces) and W101 (trailing whitespace), on real text.

W103: a run of spaces that sets a mark in the column of the same mark on the nearest line across a
blank line (expose-expl3's history: "Version 1.1 — 2019-09-24", a blank line, "Version 1   —
2019-08-29"); the GNU copyright notice's two spaces before the holder ("Copyright (C) 2015
Joshua Ellis"); the fill of a justified man-page paragraph read as one dataset record, too short
to show a page's margin ("iso_8859-2  -  Jeu  de caractères…"). A doubled space in ragged prose
stays reported, in a record too, and so does the doubled space manpages-fr's epoll(7) writes in
its source ("fichier \\ ?": a space and an unpaddable one), which is no justification.

W101: a TeX control space ending a line (``\\TeX\\ ``) is still reported, its fix unsafe (the
backslash would escape the line break); two spaces ending a line inside a Markdown paragraph are a
hard line break, not reported, while the same two spaces at a paragraph's end are.
"""

from __future__ import annotations

import json
from pathlib import Path

from corpuslint import lint_records, lint_text
from corpuslint.document import Document
from corpuslint.families.whitespace._common import justified_lines

REALTEXT = Path(__file__).parent / "data" / "realtext"


def _read(name: str) -> str:
    return (REALTEXT / name).read_text(encoding="utf-8")


def _records(name: str) -> dict[str, str]:
    lines = _read(name).splitlines()
    return {r["id"]: r["text"] for r in map(json.loads, lines)}


def _w103(text: str, name: str = "a.txt") -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in lint_text(text, path=name, config={"select": ["W103"], "cache": False})]


# Russian fortune (fortunes-ru 2001.05, GPL-2): "рук,  но" typed with two spaces after the comma
RAGGED = _read("fortunes-ru-2001-comma-double-space.txt")


def test_w103_leaves_a_mark_aligned_with_the_line_across_a_blank_line():
    history = _read("expose-expl3-readme-history.md")
    assert "Version 1   —" in history and "Version 1.1 —" in history
    assert _w103(history, "README.md") == []


def test_w103_still_reports_a_mark_out_of_the_column_and_a_doubled_space_beside_it():
    history = _read("expose-expl3-readme-history.md")
    shifted = history.replace("Version 1   —", "Version 1    —")  # one column past the "—" above
    assert _w103(shifted, "README.md") == [(5, 10)]
    assert _w103(history + "\nSee the  changelog.\n", "README.md") == [(7, 8)]


def test_w103_leaves_the_gnu_copyright_notice():
    notice = _read("simpler-wick-readme-copyright.md")
    assert "Copyright (C) 2015  Joshua Ellis" in notice
    assert _w103(notice, "README.md") == []
    assert _w103("Copyright © 1999, 2003-2005  Free Software Foundation, Inc.\n") == []


def test_w103_still_reports_doubled_spaces_elsewhere_in_a_copyright_line_and_in_prose():
    assert _w103("Copyright (C) 2015 Joshua  Ellis\n") == [(1, 26)]
    assert _w103("Copyright (C) 2015   Joshua Ellis\n") == [(1, 19)]  # three: no convention
    assert _w103("In 2015  Joshua Ellis wrote it.\n") == [(1, 8)]
    assert _w103(RAGGED, "2001.05.txt") == [(3, 61)]


def test_justified_paragraph_records_of_a_man_page():
    records = _records("manpages-fr-justified-records.jsonl")
    latin2 = records["fr/man/latin2.7#1"]
    assert "iso_8859-2  -  Jeu  de" in latin2
    assert justified_lines(Document("r.txt", latin2)) == frozenset({1})
    found = lint_records([{"id": k, "text": v} for k, v in records.items()],
                         config={"select": ["W103"], "cache": False})
    # e2fsck.conf(5), gettext(1)'s translation footer, latin2(7): the fill of justified lines;
    # epoll(7) writes "fichier \ ?" in its source, a doubled space on a paragraph's last line
    assert [(f.record, f.line, f.column) for f in found] == [(2, 2, 57)]
    assert "fichier  ?" in records["fr/man/epoll.7#44"]


def test_w103_still_reports_a_doubled_space_in_ragged_records():
    # fortunes-ru's relations: an em dash lost in conversion left two spaces ("прозаиком  тот",
    # "Женщина  хранительница"), at a line's last or first gap, in an unindented fortune
    records = _records("fortunes-ru-relations-records.jsonl")
    found = lint_records([{"id": k, "text": v} for k, v in records.items()],
                         config={"select": ["W103"], "cache": False})
    assert [(f.record, f.line, f.column) for f in found] == [(1, 1, 73), (2, 1, 8)]
    for text in records.values():
        assert justified_lines(Document("r.txt", text)) == frozenset()


def _w101(text: str, name: str):
    return [(f.line, f.column, f.end_column, f.fix.applicability.value)
            for f in lint_text(text, path=name, config={"select": ["W101"], "cache": False})]


def test_w101_control_space_at_a_line_end_has_an_unsafe_fix():
    source = _read("lshort-german-control-space.tex")
    assert "z.\\,B.\\ \n" in source
    assert _w101(source, "allgemeines.tex") == [(2, 79, 80, "unsafe")]
    assert _w101("\\\\ \nnext\n", "a.tex") == [(1, 3, 4, "safe")]  # "\\" is a line break, the space after it free
    assert _w101("z.B. \nnext\n", "a.tex") == [(1, 5, 6, "safe")]


def test_w101_keeps_markdown_hard_breaks_and_reports_wider_runs_that_break_nothing():
    moji = _read("moji-readme-hard-breaks.md")
    assert moji.count("  \n") == 3
    assert _w101(moji, "README.md") == []  # each inside its paragraph: hard line breaks
    orgs = _read("npm-orgs-list-trailing-spaces.md")
    assert "* Grant access:  \n\n" in orgs
    assert _w101(orgs, "orgs.md") == []  # a list item's paragraph ends there: two spaces let be (MD009)
    wider = orgs.replace("access:  ", "access:    ")
    found = lint_text(wider, path="orgs.md", config={"select": ["W101"], "cache": False})
    assert [(f.line, f.column, f.end_column) for f in found] == [(3, 16, 20)]  # no break to keep: all go


def test_w101_a_wider_hard_break_keeps_two_spaces():
    text = "Roses are red     \nViolets are blue\n"
    assert _w101(text, "a.md") == [(1, 14, 17, "safe")]
    found = lint_text(text, path="a.md", config={"select": ["W101"], "cache": False})
    (edit,) = found[0].fix.edits
    assert text[: edit.start] + edit.replacement + text[edit.end :] == "Roses are red  \nViolets are blue\n"
