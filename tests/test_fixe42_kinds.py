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

from hypothesis import HealthCheck, example, given, settings, strategies as st

from corpuslint import lint_text
from corpuslint.document import Document
from corpuslint.engine import _line_deletion, apply_fixes, build_registry, fixable, held_back, run
from corpuslint.findings import Edit, Finding, Fix, Severity
from corpuslint.rules import CorpusRule

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


# -- 2. without --unsafe-fixes, no character an unsafe fix alone changes is changed -----------------------


def test_a_safe_deletion_is_not_merged_with_a_held_unsafe_one():
    text = "x\n\r\ny\n"  # an empty CRLF line that an unsafe deletion deletes
    defer = frozenset({"D106", "P001"})
    unsafe = _finding("D106", Fix.unsafe(Edit(2, 4)))
    safe = _finding("P001", Fix.safe(Edit(3, 6)))  # a plugin corpus rule's safe deletion of «\ny\n»
    assert apply_fixes(text, [unsafe, safe], False, defer=defer) == (text, 0)  # was ("x\n", 1): «\r» deleted
    assert apply_fixes(text, [unsafe, safe], True, defer=defer) == ("x\n", 2)
    assert held_back(text, [unsafe, safe], defer)[1].fix.applicability.value == "unsafe"
    # a held span inside the safe deletion goes with it (the safe fix deletes it itself)
    inside = _finding("P001", Fix.safe(Edit(2, 6)))
    assert apply_fixes(text, [unsafe, inside], False, defer=defer) == ("x\n", 1)


def _kept_outside(before: str, after: str, spans: list[tuple[int, int]]) -> bool:
    """Is ``after`` ``before`` with only the text of ``spans`` changed (or text inserted at
    their ends)? The pieces of ``before`` outside every span, in order: the first at the start,
    the last at the end, each other found after the one before it."""
    pieces, pos = [], 0
    for s, e in sorted(spans):
        pieces.append(before[pos:s] if s > pos else "")
        pos = max(pos, e)
    pieces.append(before[pos:])
    if len(pieces) == 1:
        return after == before
    head, *middle, tail = pieces
    if not after.startswith(head):
        return False
    at = len(head)
    for piece in middle:
        found = after.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return len(after) - len(tail) >= at and after.endswith(tail)


ROOT_DATA = ROOT / "tests" / "data"
VERSES = [line for line in (ROOT_DATA / "realtext" / "quran-es-83.txt").read_text(encoding="utf-8").splitlines()
          if len(line.split()) >= 4][:6]
PERSIAN = [p.replace("\n", " ") for p in (ROOT_DATA / "udhr" / "pes_1.txt").read_text(encoding="utf-8").split("\n\n")
           if 4 <= len(p.split()) <= 40][:4]
BREAKS = ["\n", "\r\n", "\r\n\r\n", "\r\n\r\n", "\n\n", "\r\n\n"]
CODES = ["W101", "D101", "D106", "P001", "D106", "P001"]  # (D106, P001: deferred, P001 a plugin's corpus rule)
DEFER = frozenset({"D106", "P001"})

lines = st.lists(st.tuples(st.sampled_from(VERSES + PERSIAN), st.sampled_from(BREAKS)), min_size=1, max_size=5)


@st.composite
def texts_and_fixes(draw):
    text = "".join(line + brk for line, brk in draw(lines))
    n = len(text)
    # the places a deletion of whole lines may start or end at: after each line break
    # character, and 0, n; a CRLF may be cut in two (a deletion is read as of whole lines from
    # its «\n» on); and more often the line breaks inside the deletions drawn before (the spans
    # an unsafe one holds: where a safe one may meet them)
    cuts = sorted({0, n} | {k + 1 for k, c in enumerate(text) if c in "\r\n"})
    found, near = [], []
    for _ in range(draw(st.integers(1, 4))):
        edits = []
        for _ in range(draw(st.integers(1, 2))):
            if not draw(st.integers(0, 3)):  # a small edit anywhere (W101's, W102's)
                a = draw(st.integers(0, n))
                edits.append(Edit(a, min(n, a + draw(st.integers(0, 3))), draw(st.sampled_from(["", " ", "x"]))))
                continue
            pool = cuts + near * 2
            a, b = sorted((draw(st.sampled_from(pool)), draw(st.sampled_from(pool))))
            edits.append(Edit(a, b))
            near += [k + d for k in range(a, b) if text[k] in "\r\n" for d in (0, 1)]
        make = Fix.safe if draw(st.booleans()) else Fix.unsafe
        found.append(_finding(draw(st.sampled_from(CODES)), make(*edits, independent=draw(st.booleans()))))
    return text, found


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example((VERSES[0] + "\r\n\r\n" + VERSES[1] + "\n",
          [_finding("D106", Fix.unsafe(Edit(len(VERSES[0]) + 2, len(VERSES[0]) + 4))),  # the empty CRLF line
           _finding("P001", Fix.safe(Edit(len(VERSES[0]) + 3, len(VERSES[0] + VERSES[1]) + 5)))]))  # from its «\n»
@given(texts_and_fixes())
def test_safe_mode_changes_only_what_safe_fixes_change(case):
    text, found = case
    safe = [(e.start, e.end) for f in found if fixable(f, False) for e in f.fix.edits]
    for defer in (DEFER, frozenset()):
        fixed, count = apply_fixes(text, found, False, defer=defer)
        assert _kept_outside(text, fixed, safe), (text, fixed)
        assert count or fixed == text


def test_whole_line_deletions_are_drawn():
    # (the generator above does draw deletions of whole lines, with CRLF and empty lines)
    text = "a\r\n\r\nb\n"
    assert _line_deletion(text, Edit(3, 5)) and _line_deletion(text, Edit(0, 3))


verse_texts = st.lists(st.tuples(st.sampled_from(VERSES + PERSIAN),
                                 st.sampled_from(["", " ", "\u00a0", " Ã\u00a0"]), st.sampled_from(BREAKS)),
                       min_size=2, max_size=8).map(lambda ls: "".join(v + end + b for v, end, b in ls))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(verse_texts)
def test_whole_rule_set_first_pass_changes_only_what_safe_fixes_change(text):
    config, registry = build_registry(["."], table=NO_CACHE)
    defer = frozenset(code for code, cls in registry.rules.items() if issubclass(cls, CorpusRule))
    found = lint_text(text, "t.txt", config=NO_CACHE)
    safe = [(e.start, e.end) for f in found if fixable(f, False) for e in f.fix.edits]
    fixed, _ = apply_fixes(text, found, False, defer=defer)
    assert _kept_outside(text, fixed, safe)
