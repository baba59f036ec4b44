"""False-alarm kinds left on the corpora fortunes-en, fortunes-zh, poetry-fa-hafez and
markdown-pypi (issue 10), each as a test on a real excerpt (tests/data/realtext/SOURCE.md),
with the real defect next to it still reported."""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text

REAL = Path(__file__).resolve().parent / "data" / "realtext"


def found(name: str, select: str, text: str | None = None) -> list[tuple[str, int, int]]:
    if text is None:
        text = (REAL / name).read_text(encoding="utf-8")
    return [(f.code, f.line, f.column) for f in lint_text(text, path=name, config={"select": [select]})]


# -- S104: two copies meeting at a phrase boundary -----------------------------------------


def test_s104_copies_at_a_phrase_boundary_are_grammatical():
    # "driving along at at least sixty" (preposition, then the adverb "at least");
    # "That that is is that that is not is not." (a subject clause's verb, then the main verb)
    assert found("fortunes-en-phrase-boundaries.txt", "S104") == []


def test_s104_still_reports_at_and_is_doubled_inside_a_phrase():
    assert found("x.txt", "S104", "We met at at the station.\n") == [("S104", 1, 8)]
    assert found("x.txt", "S104", "The problem is is serious.\n") == [("S104", 1, 13)]


# -- W103: a column padded to one width -----------------------------------------------------


def test_w103_a_score_table_padded_to_one_width_is_aligned():
    # fortune's nerd quiz: "0-2  --", "3-5  --", "6-7  --", "8-10 --", "11+  --"; the quiz
    # line "Is Batman your hero?  Superman?" keeps its sentence spacing (not reported either)
    assert found("fortunes-en-score-table.txt", "W103") == []


def test_w103_still_reports_a_lone_gap_and_two_gaps_at_one_column():
    table = (REAL / "fortunes-en-score-table.txt").read_text(encoding="utf-8")
    doubled = table.replace("Do you think Mary Jane", "Do you  think Mary Jane")
    assert found("x.txt", "W103", doubled) == [("W103", 5, 7)]
    # two lines only: a coincidence of hard-wrapped prose, not a column
    two = "He said  no to all\nof your  and my friends in\nthe room and went home.\n"
    assert found("x.txt", "W103", two) == [("W103", 1, 8), ("W103", 2, 8)]
