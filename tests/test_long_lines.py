"""Long lines and many records: the changed fast paths give what the plain ones gave.

No timing here (speed is measured in benchmarks/); these check the behaviour."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.engine import lint_text
from corpuslint.families.whitespace._common import gap_ends_at


def _gap_ends_at_reference(text: str, column: int, start: int | None = None) -> bool:
    # the loop gap_ends_at used before (quadratic on a file of long runs of spaces)
    if column < 2 or text[column].isspace():
        return False
    if text[column - 1] == "\t":
        return True
    if not (text[column - 1] == " " and text[column - 2] == " "):
        return False
    begin = column - 2
    while begin > 0 and text[begin - 1] == " ":
        begin -= 1
    return start is None or begin != start


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \t", min_size=1, max_size=30), st.data())
def test_gap_ends_at_is_the_loop_it_replaced(text, data):
    column = data.draw(st.integers(0, len(text) - 1))
    start = data.draw(st.one_of(st.none(), st.integers(0, len(text))))
    assert gap_ends_at(text, column, start) == _gap_ends_at_reference(text, column, start)


def test_column_of_long_runs_is_still_a_column():
    # 40 lines, each a different first cell padded by 500 spaces to one column: a table
    # (W103 says nothing); the same block with one line padded one space less is not
    # aligned there, and that line's run is reported.
    cells = [f"Item{n:02d}" for n in range(40)]
    table = "\n".join(c + " " * 500 + "value given here." for c in cells) + "\n"
    assert [f for f in lint_text(table, "t.txt") if f.code == "W103"] == []
    lines = table.splitlines()
    lines[20] = lines[20][:6] + lines[20][7:]  # "Item20" then 499 spaces: off the column
    found = [f for f in lint_text("\n".join(lines) + "\n", "t.txt") if f.code == "W103"]
    assert [f.line for f in found] == [21]
