"""fresh30's false-alarm kinds (European literature, LaTeX, wiki markup), each on real text.

S104 (repeated word) in Lorem ipsum placeholder text: reledmac's example paragraph writes
"facilisis vel vel est", the French visual FAQ "sapien orci orci porta" — the generators'
scrambled Latin, doubled by chance, no slip (``repeated.in_filler_text``). A doubled word in
classical Latin or in prose beside such a paragraph is still reported.

A111 (symbol-only line) on the layout of fortunes and man pages (fixa30): the blank line of a
quoted e-mail (``>>`` between ``>>``-quoted lines of a Polish mailing-list fortune), the lines of
an ASCII-art fortune, and ``« - ».`` ending a wrapped sentence of paste(1) in French are text.
A stray ``>`` away from any quote is still reported, and so is ``|-`` in rows cut from their
table (no ``{|``: MediaWiki shows them as text); in a whole table it is markup (wiki43:
tests/test_wikitext_reader.py).
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text
from corpuslint.families.spelling.repeated import in_filler_text

REALTEXT = Path(__file__).parent / "data" / "realtext"
RELEDMAC = (REALTEXT / "reledmac-lipsum-paragraph.txt").read_text(encoding="utf-8")
VISUALFAQ = (REALTEXT / "visualfaq-fr-lipsum-lines.tex").read_text(encoding="utf-8")
ASCII_ART = (REALTEXT / "fortunes-ascii-art-drawing.txt").read_text(encoding="utf-8")
PLD_MAIL = (REALTEXT / "fortunes-pl-pld-quoted-mail.txt").read_text(encoding="utf-8")
PASTE_FR = (REALTEXT / "manpages-fr-paste-stdin-dash.txt").read_text(encoding="utf-8")
RNLI_WIKI = (REALTEXT / "wikipedia-rnli-stations-table-rows.wiki").read_text(encoding="utf-8")
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


def _a111(text: str, name: str = "a.txt") -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in lint_text(text, path=name, config={"select": ["A111"], "cache": False})]


def test_a111_leaves_the_blank_lines_of_a_quoted_mail():
    lines = PLD_MAIL.splitlines()
    assert [n for n, line in enumerate(lines, 1) if line.strip() in (">", ">>")] == [8, 11, 15, 18]
    assert _a111(PLD_MAIL) == []


def test_a111_leaves_the_lines_of_an_ascii_art_drawing():
    assert "| ;  :|" in ASCII_ART
    assert _a111(ASCII_ART) == []


def test_a111_leaves_a_quoted_dash_ending_a_wrapped_sentence():
    assert "       « - »." in PASTE_FR.splitlines()
    assert _a111(PASTE_FR) == []


def test_a111_still_reports_wiki_table_rows_and_stray_quote_markers():
    assert _a111(RNLI_WIKI) == [(7, 1)]  # "|-" in rows without their table's "{|": shown as text
    # a ">" with no quoted line beside it, and "« - »" as a paragraph of its own
    assert _a111("Le texte commence ici.\n>\nEt il continue.\n") == [(2, 1)]
    assert _a111("Une phrase finie.\n« - »\n") == [(2, 1)]
    # a short run of one separator repeated is no drawing
    assert _a111("Chapitre un.\n\n----\n====\n----\n\nChapitre deux.\n") == [(3, 1), (4, 1), (5, 1)]


# A103 (boilerplate phrase) on wikitext and a fortune (fixa30)
EARTHQUAKES_WIKI = (REALTEXT / "wikipedia-earthquakes-canada-see-also.wiki").read_text(encoding="utf-8")
TORONTO_WIKI = (REALTEXT / "wikipedia-toronto-architecture-hatnotes.wiki").read_text(encoding="utf-8")
DISCLAIMER = (REALTEXT / "fortunes-en-disclaimer-rights.txt").read_text(encoding="utf-8")
AMSGUIDE = (REALTEXT / "amsguide-copyright-notice.tex").read_text(encoding="utf-8")


def _a103(text: str, name: str = "a.txt") -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in lint_text(text, path=name, config={"select": ["A103"], "cache": False})]


def test_a103_leaves_wikitext_headings_and_templates():
    assert EARTHQUAKES_WIKI.startswith("==See also==\n")
    assert _a103(EARTHQUAKES_WIKI, "earthquakes.wiki") == []
    assert "{{See also|List of tallest buildings in Toronto" in TORONTO_WIKI
    assert _a103(TORONTO_WIKI, "toronto.wiki") == []
    assert _a103("==See also==\n*[[Hydraulic fracturing in Canada]]\n", "a.txt") == []
    assert _a103("See also [[:Category:People from Bodmin]]\n", "bodmin.wiki") == []


def test_a103_leaves_a_fortune_whose_whole_text_is_the_phrase():
    assert "%\nAll rights reserved.\n%\n" in DISCLAIMER
    assert _a103(DISCLAIMER) == []


def test_a103_still_reports_a_copyright_notice_and_a_bare_see_also():
    assert _a103(AMSGUIDE, "amsguide.tex") == [(6, 1)]  # "All rights reserved. Any material in this guide..."
    # the phrase as a line of its own between paragraphs, in a text with no "%" records
    assert _a103("98% lean.\n\nAll rights reserved.\n\nAll celebrity voices impersonated.\n") == [(3, 1)]
    # a scraped page's copyright line, without wiki markup, in a .wiki file too
    assert _a103("The article ends here.\n\nSee also\n\nAll rights reserved.\n", "a.wiki") == [(5, 1)]
    assert _a103("The article ends here.\n\nRelated posts\n", "a.wiki") == [(3, 1)]


FIELD_GUIDE = (REALTEXT / "fortunes-en-field-guide-comments.txt").read_text(encoding="utf-8")


def test_a103_leaves_a_field_label_between_indented_bodies():
    assert "\nComments:\n\tExtremely fond of bad puns" in FIELD_GUIDE
    assert _a103(FIELD_GUIDE) == []
    # a comment form's label after a paragraph at the margin is still reported
    assert _a103("The article ends here.\nComments:\n\tI liked the part about bridges.\n") == [(2, 1)]


# left44: Lorem ipsum without its marks in the paragraph ("risus risus" in the paragraph under
# a generator's "Lorem ipsum ..." one) or in the "sed diam nonummy" text ("exerci exerci")
MINIMAL = (REALTEXT / "formation-latex-ul-exercice-minimal-lipsum.tex").read_text(encoding="utf-8")
NONUMMY = (REALTEXT / "visualfaq-fr-nonummy-section.tex").read_text(encoding="utf-8")


def _s104_fr(text: str, name: str) -> list[tuple[int, int]]:
    config = {"select": ["S104"], "cache": False, "per-file-language": {name: "fr"}}
    return [(f.line, f.column) for f in lint_text(text, path=name, config=config)]


def test_s104_leaves_lorem_ipsum_paragraphs_without_the_first_ones_marks():
    # main: S104 'risus' (17:1) and 'exerci' (11:49), declared French as in fresh30's data
    assert "risus risus" in MINIMAL and "exerci exerci" in NONUMMY
    assert _s104_fr(MINIMAL, "minimal.tex") == []
    assert _s104_fr(NONUMMY, "faq.tex") == []
    assert in_filler_text(MINIMAL, MINIMAL.index("risus risus"))  # "Lorem ipsum" is the paragraph above
    assert "lorem" not in NONUMMY.lower() and in_filler_text(NONUMMY, NONUMMY.index("exerci exerci"))


def test_s104_still_reports_a_doubled_word_in_prose_under_lorem_ipsum():
    prose = "\n\nCe paragraphe est le le texte de l'exercice, en français.\n"
    at = MINIMAL.index("\\end{document}")
    text = MINIMAL[:at] + prose + MINIMAL[at:]
    line = text[: text.index("le le")].count("\n") + 1
    assert _s104_fr(text, "minimal.tex") == [(line, text.splitlines()[line - 1].index("le le") + 1)]
    assert not in_filler_text(text, text.index("le le"))
    # the Latin of Caesar beside filler keeps its slip too (a paragraph with no stock of its own)
    latin = MINIMAL[:at] + "\n\n" + CAESAR + MINIMAL[at:]
    assert len(_s104(latin, "minimal.tex")) == 1
