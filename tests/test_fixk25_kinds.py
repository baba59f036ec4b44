"""fixk25: safe fixes that changed words (fresh25's bugs 1 and 2), on the fortune files of
fresh25's corpus (Debian fortunes, fortunes-it, fortunes-pl: tests/data/realtext/SOURCE.md).

1. Overlapping fixes of two rules: W102's safe NBSP→space inside A105's unsafe mojibake repair
   («CarrÃ\\u00a0mba»): --fix made it unrepairable; an unsafe fix not applied now holds its span.
2. A109: backspace overstrike becomes the letter it shows; a deletion gluing two letters is
   unsafe; mIRC colour digits go with their U+0003.
"""

from __future__ import annotations

from corpuslint.engine import apply_fixes
from corpuslint.findings import Applicability

from .test_fixa16_kinds import found

# fortunes-it 1.99 italia, lines 16315-16317 (GPL-2+), as fresh25's corpus holds it
GRILLO = 'a caso, lo siringa e lo porta qui.\n\t\t-- Beppe Grillo, su "CarrÃ\u00a0mba che sorpresa", Feb 1998\n%\n'


def test_a_safe_fix_never_destroys_an_unsafe_repairs_evidence():
    text = GRILLO + "Noi siamo\u00a0la piu' grande portaerei americana.\n"  # a lone NBSP beside it
    got = found(["A105", "W102"], text)
    # (fixw42: W102 leaves the no-break space of the mojibake to A105, one defect one finding;
    # the engine's waiting is tested on findings made so in test_reliability and test_conv29)
    assert sorted(f.code for f in got) == ["A105", "W102"]
    fixed, count = apply_fixes(text, got, unsafe=False)
    assert "CarrÃ\u00a0mba" in fixed  # still repairable
    assert "Noi siamo la piu'" in fixed and count == 1  # the true W102 elsewhere is fixed
    fixed, count = apply_fixes(text, got, unsafe=True)
    assert '"Carràmba che' in fixed and count == 2  # the repair wins over the NBSP inside it


# Debian fortunes 1:1.99.1 (BSD / various): work line 250, people 1953, computers 3441;
# fortunes-pl 0.0.20130525 argante line 3383 (GPL-2)
WORK = '"At least they\'re ___________' + "\b" * 11 + 'EXPERIENCED incompetents"\n'
PEOPLE = "It matters not whether you win or lose; what matters is whether I\bI win or lose.\n"
MASH = "skldfjkl\a\a\ajklsR%^&(IXDRTYju187pkasdjbasdfbuil\n"
ARGANTE = "<BzYkO> \x038,1 zapraszam na #bzyko\n<sektoid> e-fribot\x02:\x02 mozna isc do wojska\n"


def _fixed(text: str) -> tuple[str, list]:
    got = found("A109", text)
    return apply_fixes(text, got, unsafe=False)[0], [f.fix.applicability for f in got]


def test_a109_overstrike_becomes_the_letter_it_shows():
    assert _fixed(WORK) == ('"At least they\'re EXPERIENCED incompetents"\n', [Applicability.SAFE])
    assert _fixed(PEOPLE)[0].endswith("whether I win or lose.\n")  # bold I, not "II win"
    assert _fixed('equations with "_\bn" in them.\n')[0] == 'equations with "n" in them.\n'


def test_a109_a_deletion_that_glues_two_letters_is_unsafe():
    fixed, applicability = _fixed(MASH)
    assert fixed == MASH and applicability == [Applicability.UNSAFE]  # reported, left for --unsafe-fixes
    # a true finding beside it: a backspace before a space is still deleted safely
    assert _fixed("الرئيس\b الروسي\n") == ("الرئيس الروسي\n", [Applicability.SAFE])


def test_a109_mirc_colour_digits_go_with_the_code():
    fixed, applicability = _fixed(ARGANTE)
    assert fixed == "<BzYkO>  zapraszam na #bzyko\n<sektoid> e-fribot: mozna isc do wojska\n"
    assert applicability == [Applicability.SAFE, Applicability.SAFE]
