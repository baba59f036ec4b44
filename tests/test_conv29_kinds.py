"""conv29: ``--fix`` converges (fresh29's bug B1).

An unsafe fix not applied in a run holds its span: no safe fix may change the evidence its
replacement is made of (A105's mojibake «Ã\\xa0», fixk25/glue41). A deletion of whole lines
(D101's duplicate line) reads nothing inside its lines, yet held whole it kept W101's trailing
spaces on that line waiting for ever: every ``--fix`` said "1 fixed ... [*] 1 fixable" and the
pre-commit hooks never settled. Now such a deletion holds only its line breaks, and a safe
fix ``--fix`` still never applies (one waiting for an unsafe repair) is not shown fixable.

The real text: tests/data/realtext/quran-es-83.txt (see SOURCE.md) with its verse 14 copied at
the end with a trailing space, as fresh29's Hebrew verse 34 repeated verse 5.
"""

from __future__ import annotations

import json
from pathlib import Path

from corpuslint import lint_text
from corpuslint.cli import main
from corpuslint.engine import apply_fixes, build_registry, fixable, run
from corpuslint.findings import Edit, Finding, Fix, Severity

VERSES = (Path(__file__).parent / "data" / "realtext" / "quran-es-83.txt").read_text(encoding="utf-8").splitlines()
COPIED = "\n".join(VERSES + [VERSES[13] + " "]) + "\n"  # line 18 repeats line 14, a space after it


def _fix(folder: Path, unsafe: bool = False):
    config, registry = build_registry([str(folder)], table={"cache": False})
    config.root = str(folder)
    return run([str(folder)], config, registry, fix=True, unsafe_fixes=unsafe)


def test_trailing_space_on_a_duplicate_line_is_fixed_once(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(COPIED, encoding="utf-8")
    first = _fix(tmp_path)
    assert first.fixed == 1
    assert path.read_text(encoding="utf-8") == COPIED[:-2] + "\n"  # the space gone, the copy kept
    codes = {(f.code, f.line) for f in first.findings}
    assert ("D101", 18) in codes and not any(f.code == "W101" for f in first.findings)  # the true D101 stays
    assert not [f.code for f in first.findings if fixable(f, False)]
    second = _fix(tmp_path)
    assert second.fixed == 0 and path.read_text(encoding="utf-8") == COPIED[:-2] + "\n"
    # --unsafe-fixes after --fix deletes the copy as it would have at once
    third = _fix(tmp_path, unsafe=True)
    assert third.fixed == 1
    assert path.read_text(encoding="utf-8") == "\n".join(VERSES) + "\n"
    again = tmp_path / "again"
    again.mkdir()
    (again / "t.txt").write_text(COPIED, encoding="utf-8")
    _fix(again, unsafe=True)
    assert (again / "t.txt").read_text(encoding="utf-8") == "\n".join(VERSES) + "\n"


def test_cli_says_nothing_is_left_to_fix(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("t.txt").write_text(COPIED, encoding="utf-8")
    main(["check", "--no-cache", "--fix", "t.txt"])
    main(["check", "--no-cache", "--fix", "t.txt"])
    out = capsys.readouterr().out.split("Found")[-1]
    assert "[*]" not in out and "fixed" not in out and "1 fixable with `corpuslint check --fix --unsafe-fixes`" in out


def _finding(code: str, fix: Fix) -> Finding:
    return Finding(code=code, rule="r", family="f", severity=Severity.WARNING, message="", path="p", start=0, end=0,
                   fix=fix)


def test_a_held_line_deletion_keeps_its_line_breaks():
    text = "one two three four  \nfive six\n"
    line = _finding("D101", Fix.unsafe(Edit(0, 21)))
    trailing = _finding("W101", Fix.safe(Edit(18, 20)))
    assert apply_fixes(text, [line, trailing], False) == ("one two three four\nfive six\n", 1)
    assert apply_fixes(text, [line, trailing], True) == ("five six\n", 1)  # deleted with the line
    # a safe edit that changes a line break inside the deletion waits: the lines to delete would change
    joined = _finding("W999", Fix.safe(Edit(20, 21, " ")))
    assert apply_fixes(text, [line, joined], False) == (text, 0)
    # a deletion that is not of whole lines still holds its whole span (it may read what it deletes)
    word = _finding("S101", Fix.unsafe(Edit(4, 8)))
    space = _finding("W102", Fix.safe(Edit(7, 8, " ")))
    assert apply_fixes(text, [word, space], False) == (text, 0)


def test_a_safe_fix_waiting_for_an_unsafe_repair_is_not_shown_fixable(tmp_path, capsys, monkeypatch):
    # fresh25's mojibake: W102's no-break space is A105's evidence: --fix leaves it, so it is not [*]
    # (fixw42: W102 leaves a no-break space inside A105's span to A105, one defect one finding;
    # the waiting itself: the W102 finding such a span would have, made here)
    text = 'su "CarrÃ\u00a0mba", Feb\n'
    assert [f.code for f in lint_text(text, "t.txt", config={"cache": False}) if f.code in ("W102", "A105")] == ["A105"]
    repair = _finding("A105", Fix.unsafe(Edit(8, 10, "à")))
    w102 = _finding("W102", Fix.safe(Edit(9, 10, " ")))
    assert apply_fixes(text, [repair, w102], False) == (text, 0)  # the safe fix waits with the repair's evidence
    monkeypatch.chdir(tmp_path)
    Path("t.txt").write_text(text, encoding="utf-8")
    main(["check", "--no-cache", "--select", "W102,A105", "--format", "json", "--output-file", "out.json", "t.txt"])
    shown = {f["code"]: f["fix"]["applicability"] for f in json.loads(Path("out.json").read_text(encoding="utf-8"))["diagnostics"]}
    assert shown == {"A105": "unsafe"}
    main(["check", "--no-cache", "--select", "W102,A105", "--fix", "t.txt"])
    assert Path("t.txt").read_text(encoding="utf-8") == text  # nothing applied: the evidence kept
    out = capsys.readouterr().out
    assert "[*]" not in out and "fixed" not in out
    main(["check", "--no-cache", "--select", "W102,A105", "--fix", "--unsafe-fixes", "t.txt"])
    assert Path("t.txt").read_text(encoding="utf-8") == 'su "Carràmba", Feb\n'


def test_a_no_break_space_alone_is_still_fixable():
    # the true W102 outside any unsafe span stays a safe fix (the same line, its mojibake repaired)
    found = [f for f in lint_text('su "Carràmba",\u00a0Feb\n', "t.txt", config={"cache": False}) if f.code == "W102"]
    assert found and all(fixable(f, False) for f in found)
