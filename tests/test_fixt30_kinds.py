"""fresh30's false-alarm kinds of D106 (boilerplate line), A109 (control character) and W103
(run of spaces), each on real text beside a true finding of the same rule that stays.

D106 on LaTeX structure lines: ``\\end{document}`` closes every LaTeX document, and
``\\begin{document}`` opens it (and shows up in the listings of package manuals). fresh30's
308 .tex files gave 8 D106 findings, all of them these two lines (5 of 5 labelled false alarms).
The duplicate family reads a .tex file as the LaTeX reader marks it
(``corpuslint.readers.latex``): its markup blanked, as an HTML page's tags are, so a line of
markup alone has no words; a prose line copied across .tex files is still reported.

A109 on a form feed alone on its line (TeX pour l'impatient's macro file): a page separator,
layout. W103 on the two spaces after a typed list's label (fortunes-it: "\t(1)  Assumi").

Sources (tests/data/realtext/SOURCE.md): the last lines of three TeX Live documentation sources
(``texlive-d106/``: rbt-mathnotes, reledmac, includernw; LPPL 1.3/1.3c), fmacros.tex of
impatient-fr (GFDL), Debian fortunes (BSD) and fortunes-it (public domain).
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_paths, lint_text

DATA = Path(__file__).parent / "data" / "realtext" / "texlive-d106"
CONFIG = {"include": ["*.tex"], "select": ["D106"], "cache": False}
# includeRnw's manual, line 106: prose (with two \texttt code names)
COPIED = "This package is for including \\texttt{.Rnw}-files in normal \\texttt{.tex}-files.\n"


def _d106(folder: Path) -> list[tuple[str, int, str]]:
    return sorted((f.path.rsplit("/", 1)[-1], f.line, (folder / f.path.rsplit("/", 1)[-1]).read_text(
        encoding="utf-8").splitlines()[f.line - 1].strip()) for f in lint_paths([folder], config=CONFIG))


def test_d106_leaves_latex_structure_lines():
    texts = {p.name: p.read_text(encoding="utf-8") for p in DATA.glob("*.tex")}
    assert len(texts) == 3 and all("\\end{document}" in t for t in texts.values())
    assert "  \\begin{document}\n" in texts["includeRnw-doc.tex"]  # (in a listing of a document's source)
    assert _d106(DATA) == []


def test_d106_still_reports_a_prose_line_copied_across_tex_files(tmp_path):
    # the same excerpts, includeRnw's sentence pasted into the two others: a copied line
    for p in DATA.glob("*.tex"):
        text = p.read_text(encoding="utf-8")
        (tmp_path / p.name).write_text(text if COPIED in text else COPIED + text, encoding="utf-8")
    assert _d106(tmp_path) == [("includeRnw-doc.tex", 106 - 99, COPIED.strip()),
                               ("rbt-mathnotes.tex", 1, COPIED.strip()),
                               ("reledmac-right-to-left.tex", 1, COPIED.strip())]


# -- A109: a form feed alone on its line is a page separator ------------------------------------

# TeX pour l'impatient, fmacros.tex lines 1386-1400: "^L" alone on line 1396 between two sections
FMACROS = (Path(__file__).parent / "data" / "realtext" / "impatient-fr-fmacros-page.tex").read_text(encoding="utf-8")
# Debian fortunes (fortunes-mod 1.99.1, pets, lines 80-82): the answering machine's beep is a BEL
PETS = ("Hi!  You have reached 555-0129. None of us are here to answer the phone and\n"
        "the cat doesn't have opposing thumbs, so his messages are illegible.  Please\n"
        "leave your name and message after the beep...\x07\n")


def _a109(text: str, path: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in lint_text(text, path=path, config={"select": ["A109"], "cache": False})]


def test_a109_leaves_a_form_feed_alone_on_its_line():
    assert FMACROS.split("\n")[10] == "\f"
    assert _a109(FMACROS, "fmacros.tex") == []
    assert _a109(FMACROS.replace("\n", "\r\n"), "fmacros.txt") == []  # (CRLF, plain text: the same)


def test_a109_still_reports_a_form_feed_in_a_line_and_other_controls():
    # the form feed glued to the comment after it: inside a line of text, a stray control
    glued = FMACROS.replace("\f\n", "\f")
    assert _a109(glued, "fmacros.tex") == [(11, 1, "control character U+000C (form feed)")]
    assert _a109(FMACROS.replace("\f", "\f\x07"), "fmacros.tex") == [
        (11, 1, "2 control characters: U+000C (form feed), U+0007 (bell)")]
    assert _a109(PETS, "pets.txt") == [(3, 46, "control character U+0007 (bell)")]


# -- W103: two spaces after a typed list's label ------------------------------------------------

# fortunes-it, leggi lines 533-537: "\t(1)  Assumi sempre un avvocato ricco."
GOLDENSTERN = (Path(__file__).parent / "data" / "realtext" / "fortunes-it-leggi-goldenstern.txt").read_text(
    encoding="utf-8")


def _w103(text: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in lint_text(text, path="leggi.txt", config={"select": ["W103"], "cache": False})]


def test_w103_leaves_two_spaces_after_a_list_label():
    assert "\t(1)  Assumi" in GOLDENSTERN and "\t(2)  Non" in GOLDENSTERN
    assert _w103(GOLDENSTERN) == []
    assert _w103(GOLDENSTERN.replace("(1)", "a)").replace("(2)", "b)")) == []  # (the other typed form)


def test_w103_still_reports_doubled_spaces_in_the_item_and_in_prose():
    # in the item's text, between two words: a doubled space (fortunes-es refranes 4935 has
    # "El que  vive bien", labelled a true finding)
    assert _w103(GOLDENSTERN.replace("sempre un", "sempre  un")) == [(4, 20)]
    # a label inside a sentence, not opening the line, is no list's layout; nor is a wider run
    assert _w103("Vedi la regola (1)  e poi la seconda.\n") == [(1, 19)]
    assert _w103(GOLDENSTERN.replace("(1)  ", "(1)   ")) == [(4, 5)]
