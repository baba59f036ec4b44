"""fresh30's false-alarm kinds of the duplicate family in one document (D101-D103), each on
real text beside a true finding that stays.

Quote collections in fortune(6)'s format (records between lines holding only "%"): each
quote is a text of its own. A part of two quotes (fortunes-pl's attribution "A.A. Milne" /
"Chatka Puchatka" under two quotes of one book), a line said again inside one quote (Douglas
Adams's tripled "Ci fu un terribile, mortale silenzio.", fortunes-it) and a joke's punchline
repeating an earlier line of the joke (fortunes-pl's rzewski, D103) are no copies; a quote
entered twice or three times (fortunes-de's zitate: Walter Heiby's "Sicherheit ist das
Irrlicht" three times) is; a series' title over each quote (fortunes-de's kinderzitate) is
a part of two quotes too.

LaTeX: what a document defines as code for itself is code (``corpuslint.readers.latex``'s
``document_code``): Apprends LaTeX! typesets a list, then shows its source in an
``exemple`` environment it defines with fancyvrb's ``\\DefineVerbatimEnvironment``, so
the source's ``\\item`` lines are no copy of the list (D101); syllogism's manual writes a
command's call with ``\\comm{..}``, a command it defines as ``\\texttt``. A prose paragraph
copied outside the example is still reported.

Sources (tests/data/realtext/SOURCE.md): fortunes-pl (GPL-2+), fortunes-it (public domain),
fortunes-de (GPL-2+), Apprends LaTeX! and syllogism's manual (LPPL).
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text, structure
from corpuslint.document import Document
from corpuslint.readers.latex import document_code

DATA = Path(__file__).parent / "data" / "realtext"
PUCHATEK = (DATA / "fortunes-pl-puchatek-milne.txt").read_text(encoding="utf-8")
ADAMS = (DATA / "fortunes-it-adams-silenzio.txt").read_text(encoding="utf-8")
RZEWSKI = (DATA / "fortunes-pl-rzewski-koniki.txt").read_text(encoding="utf-8")
KINDERZITATE = (DATA / "fortunes-de-kinderzitate-schwein.txt").read_text(encoding="utf-8")
HEIBY = (DATA / "fortunes-de-zitate-heiby.txt").read_text(encoding="utf-8")
APPRENDS = (DATA / "apprends-latex-itemize-exemple.tex").read_text(encoding="utf-8")
SYLLOGISM = (DATA / "syllogism-comm-example.tex").read_text(encoding="utf-8")
DUPLICATES = ["D101", "D102", "D103"]


def _found(text: str, path: str, select=DUPLICATES) -> list[tuple[str, int, int]]:
    return sorted((f.code, f.line, f.related[0].line) for f in lint_text(text, path=path, config={
        "select": select, "cache": False}))


# -- fortune(6) collections -------------------------------------------------------------

def test_a_fortune_collection_is_told_by_its_percent_lines():
    lines = PUCHATEK.splitlines(keepends=True)
    assert [i + 1 for i, ln in enumerate(lines) if ln.strip() == "%"] == [16, 34, 38, 44]
    assert len(structure.fortune_separators(Document("puchatek.txt", PUCHATEK))) == 4
    two = "".join(lines[:34])  # (two quotes: two "%" lines are fewer than FORTUNE_MIN_SEPARATORS)
    assert structure.fortune_separators(Document("puchatek.txt", two)) == ()
    # in LaTeX a "%" line is a comment, never a record separator
    assert structure.fortune_separators(Document("puchatek.tex", PUCHATEK)) == ()
    # "%" lines among more "% comment" lines: comments, no collection
    commented = PUCHATEK.replace("\n\n", "\n% ...\n")
    assert structure.fortune_separators(Document("puchatek.txt", commented)) == ()


def test_d101_leaves_an_attribution_under_two_quotes():
    lines = PUCHATEK.splitlines()
    assert lines[12:15] == lines[30:33] and lines[13] == '\t    "Chatka Puchatka"'  # (lines 13-15 = 31-33)
    assert _found(PUCHATEK, "puchatek.txt") == []


def test_d101_leaves_a_line_said_three_times_in_one_quote():
    lines = ADAMS.splitlines()
    assert lines[8] == lines[9] == lines[10] == "Ci fu un terribile, mortale silenzio."
    assert _found(ADAMS, "adams.txt") == []


def test_d103_leaves_a_jokes_callback():
    assert "- Jeden konik wskakuje na drugiego, żeby zobaczyć z góry, gdzie rośnie lepsza" in RZEWSKI.splitlines()[11:18]
    assert _found(RZEWSKI, "rzewski.txt") == []


def test_d101_still_reports_a_quote_entered_three_times():
    # zitate lines 20643-20657: "Sicherheit ist das Irrlicht, dem Wünschende nachjagen." three
    # times; each later copy is reported (a quote entered three times is no refrain)
    assert _found(HEIBY, "zitate.txt") == [("D101", 9, 6), ("D101", 18, 6)]


def test_d101_leaves_a_series_title_over_each_quote():
    # kinderzitate lines 20-35: the series' title over three children's sentences, each its own quote
    lines = KINDERZITATE.splitlines()
    assert lines[0] == lines[6] == lines[11] == '"Das Schwein trägt seinen Namen nicht umsonst" - Stilblüten aus'
    assert _found(KINDERZITATE, "kinderzitate.txt") == []


# -- LaTeX: a document's own verbatim environments and code commands --------------------

def test_latex_reader_reads_a_documents_own_code_definitions():
    assert document_code(APPRENDS) == (frozenset({"exemple"}), {})
    assert document_code(SYLLOGISM) == (frozenset(), {"comm": 1, "commnb": 1})
    assert document_code("% " + SYLLOGISM.replace("\n\\newcommand", "\n% \\newcommand")) == (frozenset(), {})
    kinds = Document("syllogism.tex", SYLLOGISM).line_kinds
    assert [kinds[i] for i in (6, 7)] == [structure.CODE] * 2  # \comm{syllogC\{...\}}\%\\, \quad\commnb{...}
    assert kinds[3] == kinds[11] == kinds[13] == structure.PROSE  # the text, and the typeset syllogism
    kinds = Document("apprends.tex", APPRENDS).line_kinds
    lines = APPRENDS.splitlines()
    assert lines[7] == lines[21] == "\\item de structurer ses idées ;"
    assert kinds[7] == structure.PROSE and kinds[21] == structure.CODE


def test_d101_leaves_a_lists_source_shown_in_the_documents_verbatim_environment():
    assert _found(APPRENDS, "Apprends_LaTeX.tex") == []


def test_d101_still_reports_prose_copied_outside_the_example():
    # a paragraph of the same book (Apprends LaTeX! lines 2196-2197, one line), pasted twice after the excerpt
    prose = "Ceci est un paragraphe de texte tout ce qu'il y a de plus normal, en dehors d'un quelconque environnement.\n"
    text = APPRENDS + "\n" + prose + "\n" + prose
    assert _found(text, "Apprends_LaTeX.tex") == [("D101", 33, 31)]
