"""fresh30's false-alarm kinds (European literature, LaTeX, wiki markup), each on real text.

S104 (repeated word) in Lorem ipsum placeholder text: reledmac's example paragraph writes
"facilisis vel vel est", the French visual FAQ "sapien orci orci porta" — the generators'
scrambled Latin, doubled by chance, no slip (``repeated.in_filler_text``). A doubled word in
classical Latin or in prose beside such a paragraph is still reported.
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text
from corpuslint.families.spelling.repeated import in_filler_text

REALTEXT = Path(__file__).parent / "data" / "realtext"
RELEDMAC = (REALTEXT / "reledmac-lipsum-paragraph.txt").read_text(encoding="utf-8")
VISUALFAQ = (REALTEXT / "visualfaq-fr-lipsum-lines.tex").read_text(encoding="utf-8")
# Caesar, De bello Gallico 1.1 (public domain), with "in" typed twice
CAESAR = ("Gallia est omnis divisa in in partes tres, quarum unam incolunt Belgae, aliam Aquitani, "
          "tertiam qui ipsorum lingua Celtae, nostra Galli appellantur.\n")


def _s104(text: str, name: str = "a.txt") -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in lint_text(text, path=name, config={"select": ["S104"], "cache": False})]


def test_s104_leaves_doubled_words_of_lorem_ipsum_text():
    assert "vel vel est" in RELEDMAC and "orci orci porta" in VISUALFAQ
    assert _s104(RELEDMAC) == []
    assert _s104(VISUALFAQ, "faq.tex") == []
    assert in_filler_text(RELEDMAC, RELEDMAC.index("vel vel"))


def test_s104_still_reports_a_doubled_word_in_latin_and_in_prose_beside_filler():
    assert len(_s104(CAESAR)) == 1 and not in_filler_text(CAESAR, CAESAR.index("in in"))
    assert _s104("The the example below typesets a dummy paragraph.\n\n" + RELEDMAC) == [(1, 1)]
