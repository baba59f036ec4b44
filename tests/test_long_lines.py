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


def _records(tmp_path):
    import json

    rows = []
    for i in range(150):  # > PARALLEL_MIN_DOCS: --jobs 2 maps in worker processes
        text = f"Record {i % 50} says  hello to <b>everyone</b> here." if i % 3 else f"Plain record {i % 50}."
        rows.append({"id": f"r{i}", "text": text})
    with open(tmp_path / "d.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")


def _found(payload):
    return [(d["code"], d.get("record"), d["line"], d["column"], d["message"]) for d in payload["diagnostics"]]


def test_records_give_the_same_findings_with_jobs_and_cache(tmp_path):
    # the map drops each record's Document once mapped (the store keeps a bare copy):
    # one process or two, cold or warm cache, the same findings, default rules
    import json

    from .conftest import run_cli

    _records(tmp_path)
    runs = []
    for args in (("--no-cache", "--jobs", "1"), ("--no-cache", "--jobs", "2"), ("--jobs", "1"), ("--jobs", "1"),
                 ("--jobs", "2")):
        proc = run_cli("check", "--format", "json", "--exit-zero", *args, "d.jsonl", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        runs.append(_found(json.loads(proc.stdout)))
    assert all(r == runs[0] for r in runs)
    codes = {c for c, *_ in runs[0]}
    assert {"D107", "W103", "A106"} <= codes


def test_records_are_fixed_after_the_map_dropped_them(tmp_path):
    # --fix --fix-data reads the records again from the store's bare copies
    import json

    from .conftest import run_cli

    _records(tmp_path)
    proc = run_cli("check", "--no-cache", "--select", "W103", "--fix", "--fix-data", "--exit-zero", "d.jsonl",
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    texts = [json.loads(x)["text"] for x in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert texts[1] == "Record 1 says hello to <b>everyone</b> here."
    assert texts[0] == "Plain record 0."
    assert not any("  " in t for t in texts)
