"""fixe42: the fix engine's two left-overs.

1. A safe fix of several edits, one of them inside an unsafe fix's span, was held whole: W102's
   fix turns every no-break space of a line into a space (one finding a line), and S104 deletes
   a repeated word with the no-break space before it; the three other no-break spaces of the line
   waited too, shown unsafe for ever. A fix whose edits are each a repair of their own now says so
   (``Fix.independent``: W102, W105, W108, W109, W120's line of glued pairs, A121) and the engine
   takes it one edit at a time (``engine._fix_parts``); an atomic fix (the default) is still held
   whole. Real text: samples/news-ar/001 line 7 (the Korean news sentence of test_spell17_kinds)
   with «كيم» typed twice and its words joined by no-break spaces as a scraper copies them from
   ``&nbsp;``; fresh25's mojibake line of test_conv29_kinds.
2. ``_absorbed`` merged a deferred (corpus-rule) safe deletion of whole lines with an overlapping
   span an unsafe whole-line deletion only holds, so ``--fix`` deleted a character only
   ``--unsafe-fixes`` deletes (the «\\r» of a held CRLF). No built-in corpus rule has a safe fix,
   so a plugin's could; the property: without ``unsafe``, every character outside the safe fixes'
   edits is kept, over real lines (the verses and UDHR paragraphs of test_fix_properties).
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text
from corpuslint.document import Document
from corpuslint.engine import apply_fixes, build_registry, fixable, held_back, run
from corpuslint.findings import Edit, Finding, Fix, Severity

ROOT = Path(__file__).parent.parent
NEWS = (ROOT / "samples" / "news-ar" / "001_818c6b7f0175410d.txt").read_text(encoding="utf-8").splitlines()[6]
# the name typed twice, the words joined by no-break spaces (``&nbsp;`` copied as U+00A0)
DOUBLED = NEWS.replace("الشمالي كيم جونغ أون", "الشمالي\u00a0كيم\u00a0كيم\u00a0جونغ\u00a0أون") + "\n"
NO_CACHE = {"cache": False}


def _fix(folder: Path, unsafe: bool = False, select: "list[str] | None" = None):
    table = dict(NO_CACHE, **({"select": select} if select else {}))
    config, registry = build_registry([str(folder)], table=table)
    config.root = str(folder)
    return run([str(folder)], config, registry, fix=True, unsafe_fixes=unsafe)


def _finding(code: str, fix: Fix) -> Finding:
    return Finding(code=code, rule="r", family="f", severity=Severity.WARNING, message="", path="p", start=0, end=0,
                   fix=fix)


# -- 1. a safe fix of independent edits is not held whole -------------------------------------------------


def test_no_break_spaces_beside_a_repeated_word_are_fixed_but_the_one_it_deletes(tmp_path):
    found = lint_text(DOUBLED, "t.txt", config=NO_CACHE)
    w102 = [f for f in found if f.code == "W102"]
    s104 = [f for f in found if f.code == "S104"]
    assert len(w102) == 1 and "4 no-break spaces" in w102[0].message  # one finding a line, as before
    assert w102[0].fix.independent and len(w102[0].fix.edits) == 4
    assert len(s104) == 1 and not fixable(s104[0], False)  # the true S104 stays, unsafe
    assert fixable(w102[0], False)  # three of its spaces apply: shown safe
    path = tmp_path / "t.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    first = _fix(tmp_path)
    kept = NEWS.replace("الشمالي كيم جونغ", "الشمالي كيم\u00a0كيم جونغ") + "\n"  # S104's span untouched
    assert first.fixed == 1 and path.read_text(encoding="utf-8") == kept
    left = {f.code: f for f in first.findings}
    assert "S104" in left and "1 no-break space" in left["W102"].message
    assert not [f.code for f in first.findings if fixable(f, False)]  # converged: nothing safe left
    second = _fix(tmp_path)
    assert second.fixed == 0 and path.read_text(encoding="utf-8") == kept
    _fix(tmp_path, unsafe=True)  # the repeated word goes with its no-break space
    assert path.read_text(encoding="utf-8") == NEWS + "\n"


def test_a_no_break_space_beside_mojibake_is_fixed_and_the_mojibake_kept(tmp_path):
    # fresh25's mojibake with a second no-break space after it: A105's evidence «Ã\u00a0» is kept
    text = 'su "CarrÃ\u00a0mba",\u00a0Feb\n'
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    first = _fix(tmp_path, select=["W102", "A105"])
    assert first.fixed == 1 and path.read_text(encoding="utf-8") == 'su "CarrÃ\u00a0mba", Feb\n'
    assert not [f.code for f in first.findings if fixable(f, False)]
    _fix(tmp_path, unsafe=True, select=["W102", "A105"])
    assert path.read_text(encoding="utf-8") == 'su "Carràmba", Feb\n'


def test_an_atomic_fix_is_still_held_whole():
    text = "one two three"
    unsafe = _finding("S104", Fix.unsafe(Edit(7, 13)))  # deletes « three»
    swap = Fix.safe(Edit(0, 3, "three"), Edit(8, 13, "one"))  # one fix: the two words swapped
    assert apply_fixes(text, [unsafe, _finding("X001", swap)], False) == (text, 0)
    spaces = Fix.safe(Edit(3, 4, "_"), Edit(7, 8, "_"), independent=True)
    # the edit inside « three» waits; the other applies, one fix counted
    assert apply_fixes(text, [unsafe, _finding("X001", spaces)], False) == ("one_two three", 1)
    assert apply_fixes(text, [unsafe, _finding("X001", spaces)], True) == ("one_two", 2)
    # shown as --fix applies it: safe while one of its edits applies, unsafe when all wait
    shown = held_back(text, [unsafe, _finding("X001", spaces)])
    assert fixable(shown[1], False) and shown[1].fix.independent
    inside = Fix.safe(Edit(8, 9, "T"), Edit(10, 11, "R"), independent=True)
    shown = held_back(text, [unsafe, _finding("X001", inside)])
    assert not fixable(shown[1], False) and fixable(shown[1], True) and shown[1].fix.independent


def test_the_cache_keeps_a_fix_independent():
    from corpuslint.index import decode_findings, encode_findings

    doc = Document(path="t.txt", text=DOUBLED)
    config, registry = build_registry(["."], table=dict(NO_CACHE, select=["W102", "S104"]))
    found = lint_text(DOUBLED, "t.txt", config=dict(NO_CACHE, select=["W102", "S104"]))
    back = decode_findings(encode_findings(found, doc), doc, registry.rules.values())
    assert [f.fix for f in back] == [f.fix for f in found]
    assert [f.fix.independent for f in back if f.code == "W102"] == [True]
