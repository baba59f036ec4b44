"""False-alarm kinds of fresh38 on LaTeX sources (texlive-lang-* documentation and tests,
Debian bookworm 2022.20230122-1, LPPL-1.3c; tests/data/realtext/SOURCE.md, section s50e): the
duplicate rules on lines and paragraphs made only of markup or code, and their unsafe fixes
that broke the documents."""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_paths
from corpuslint.document import Document
from corpuslint.findings import Edit
from corpuslint.structure import CODE, MARKUP

# babel-greek test-8bit-greek.tex lines 43-46, 213-215 and 405-422: a second, stray \end{document}
BABEL_GREEK = ("\\begin{document}\n\n\\title{Test the Greek support for Babel}\n\\author{Günter Milde}\n"
               "  \\MakeUppercase{\\greekandcoptic}\n\\end{quote}\n\\end{document}\n"
               "\\begin{enumerate}\n  \\item \\textlatin{Item} 1\n  \\begin{enumerate}\n"
               "    \\item \\textlatin{Item} 1.1\n  \\end{enumerate}\n\\end{enumerate}\n"
               "\\selectlanguage{english}\n\n\n\\end{document}\n")
# e-french frenT1xe.tex lines 77-82 (the file opens no document environment)
FRENCH_TORTURE = ("\\FmsG}%\n\\frenchtest\n\\ifx\\endfrench\\switchtolanguage\\else\n"
                  "\\kbAissue% localise it.\n"
                  "       \\typeout{-37b- ANOMALIE \\string: extension french inactive ici.}\\Stop\\fi\n"
                  "\\end{document}\n")
# greektonoi.tex lines 96 and 105-117: a verbatim block showing a document's end
GREEKTONOI = ("\\begin{verbatim}\n\\begin{document} \n"
              "{\\greekfont \\addfontfeature{Mapping=greektonoi} Τη- πάντα διδούση| κα`ι \n"
              "πειθαρχ=ών μόνον κα`ι ε]υνο=ων α]υτ=η-.}\n\\end{document}\n\n\\end{verbatim} \n")
# montex mlsquick.tex lines 990-993 and 996-1000
MONTEX = ("\\documentclass{article}\n\\usepackage[bicig]{mls}\n\\begin{document}\nuindur gegen zanabazar.\n"
          "...\n... more text ...\n              ...\n\\end{document}\n")
# lh fonttest t2b-fmap.tex, t2c-fmap.tex and t2d-text.tex lines 29-33 (plain TeX): file names
LH = "%Only main sizes\n\\input katalog.t2\n\\end\n%Full font Katalog\n\\input katalog1.t2\n"
# lshort-persian preface.tex lines 10-12, custom.tex lines 222-225, graphic.tex lines 31-32: a phrase of
# text ("see ...") closing a sentence across three chapters, boilerplate by D106's count
PERSIAN_SEE = "مراجعه کنید."
PREFACE = ("این مقدمهٔ کوتاه به معرفی لاتک می‌پردازد و برای بسیاری از کاربردهای آن کافی است. برای مشاهدهٔ شرح "
           "کاملی از سیستم لاتک به \n\\cite{manual,companion}\nمراجعه کنید.\n")
CUSTOM = ("می‌توانید فرمان‌های تغییر قلم را با خروج اضطراری از سبک ریاضی به صورت متن عادی بنویسید. اگر می‌خواهید "
          "از قلم دیگری برای نوشتن فرمول‌ها استفاده کنید باید از فرمان‌های دیگری استفاده کنید؛ به جدول  \n"
          "\\ref{mathfonts} \n%\\LRE{\\hyperref[mathfonts]{4.6}}\nمراجعه کنید.\n")
GRAPHIC = "\\hobby، یا راهنمای \n\\cite{ursoswald} مراجعه کنید.\n"


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def _lines(folder: Path, code: str, monkeypatch) -> list[tuple[str, str, object]]:
    """(path, line text, finding) of each ``code`` finding over the files of ``folder``."""
    monkeypatch.chdir(folder)
    out = []
    for f in lint_paths(["."], config={"select": [code], "cache": False}):
        if f.code == code:
            out.append((f.path, (folder / f.path).read_text(encoding="utf-8").split("\n")[f.line - 1], f))
    return out


def test_d106_a_line_of_latex_markup_or_code_is_no_boilerplate(tmp_path, monkeypatch):
    """fresh38: 115 of the 138 D106 findings in .tex were lines of commands alone:
    ``\\end{document}`` "in 13 of 222 documents" (babel-greek's stray second one, which the
    parser drops in its tolerant reading; e-french's torture test, which opens no document;
    greektonoi's inside a verbatim block, code), ``\\input katalog1.t2`` (plain TeX's file name,
    read by the parser as a one-letter argument and prose). Their unsafe fix deleted
    ``\\end{document}``. A line with no word of text (by the file's regions) is not counted;
    a line of text ("مراجعه کنید.", "see ...", closing a sentence in three chapters) still is."""
    _write(tmp_path, {"test-8bit-greek.tex": BABEL_GREEK, "frenT1xe.tex": FRENCH_TORTURE,
                      "greektonoi.tex": GREEKTONOI, "mlsquick.tex": MONTEX,
                      "t2b-fmap.tex": LH, "t2c-fmap.tex": LH.replace("%Only", "% Only"),
                      "t2d-text.tex": "\\input testLHtxt\n" + LH,
                      "preface.tex": PREFACE, "custom.tex": CUSTOM, "graphic.tex": GRAPHIC})
    found = _lines(tmp_path, "D106", monkeypatch)
    assert {path for path, line, _ in found if not line.lstrip().startswith("\\")} == {"preface.tex", "custom.tex"}
    assert {(path, line) for path, line, _ in found if line.lstrip().startswith("\\")} == {
        ("graphic.tex", "\\cite{ursoswald} " + PERSIAN_SEE)}  # (its text: the citation is markup)


def test_latex_regions_of_stray_delimiters_plain_tex_file_names_and_inline_drawings():
    """What the parser lost or misread is markup or code: the stray ``\\end{document}``,
    ``\\input katalog1.t2``'s file name, a ``\\tikz`` drawing up to its ``;`` (visualtikz
    tkznoeud1.tex line 610: table cells of drawings, which D102 compared as paragraphs), an
    ``LTXexample`` (showexpl's source shown beside its result)."""
    doc = Document("test-8bit-greek.tex", BABEL_GREEK)
    last = doc.lines[-1]
    assert doc.text[last.start:last.end] == "\\end{document}" and doc.line_kinds[-1] == MARKUP
    doc = Document("t2b-fmap.tex", LH)
    assert doc.line_kinds[4] == MARKUP  # \input katalog1.t2
    tikz = "\\tikz \\draw (0,0) .. controls (1,2) and (2,-1) .. (4,0) node[very near end] {texte}; \n&\n"
    assert Document("tkznoeud1.tex", tikz).line_kinds[0] == CODE
    # lshort-german textsatz.tex lines 589-592 and 595-597: showexpl's LTXexample is source shown
    # (with its markup blanked, the same item in the itemize and the enumerate example was D101's copy)
    example = ("\\begin{LTXexample}\nListen:\n\\begin{itemize}\n\n\\item Listen kann man auch\nverschachteln:\n"
               "  \\begin{itemize}\n  \\end{itemize}\n\\end{itemize}\n\\end{LTXexample}\n")
    assert Document("textsatz.tex", example).line_kinds[4:6] == [CODE, CODE]


# csbulletin example-slovak.tex lines 1-22 (and example-english.tex, -czech.tex: the same
# preamble but the language) and its title
CSBULLETIN = ("\\documentclass{csbulletin}\n\\selectlanguage{%s}\n\\usepackage[utf8]{inputenc}\n"
              "\\usepackage[all]{nowidow}\n\\usepackage{csquotes}\n\\usepackage[\n  backend=biber,\n"
              "  style=iso-numeric,\n  sortlocale=%s,\n  autolang=other,\n  bibencoding=UTF8,\n"
              "  mincitenames=2,\n  maxcitenames=2,\n]{biblatex}\n\\addbibresource{example.bib}\n"
              "\\usepackage[\n  implicit=false,\n  hidelinks,\n]{hyperref}\n\\begin{document}\n\n"
              "\\title{%s}\n\n\\end{document}\n")
CSBULLETIN_TEXT = {"slovak": "Slovenský názov článku", "english": "English Title", "czech": "Český název článku"}
# lshort-czech custom.tex lines 107-111 and lshort-persian custom.tex lines 82-86: lshort's syntax
# box, copied between the translations
LSCOMMAND = ("\\begin{lscommand}\n\\ci{newenvironment}\\verb|{|%%\n       \\emph{name}\\verb|}[|\\emph{num}"
             "\\verb|]{|%%\n       \\emph{before}\\verb|}{|\\emph{after}\\verb|}|\n\\end{lscommand}\n\n%s\n")


def test_d104_a_preamble_or_a_syntax_box_is_no_copied_paragraph(tmp_path, monkeypatch):
    """fresh38: 23 of the 37 D104 findings in .tex were blocks of commands: csbulletin's
    example preamble (lines 1-20, up to ``\\begin{document}``, in its Slovak, English and Czech
    examples; the unsafe fix deleted it, ``\\begin{document}`` with it), lshort's syntax boxes
    (``\\begin{lscommand}``) copied between its Czech and Persian translations. A preamble is
    not typeset (markup), ``\\ci{..}`` is lshort's command name (code): a paragraph needs
    min-words words of text to be compared."""
    _write(tmp_path, {f"example-{lang}.tex": CSBULLETIN % (lang, lang[:2], text)
                      for lang, text in CSBULLETIN_TEXT.items()})
    _write(tmp_path, {"lshort-czech-custom.tex": LSCOMMAND % "Prostředí se definuje podobně jako příkaz.",
                      "lshort-persian-custom.tex": LSCOMMAND % "محیط‌ها نیز مانند فرمان‌ها تعریف می‌شوند."})
    assert _lines(tmp_path, "D104", monkeypatch) == []


# persian-bib userguide.tex line 33 (\author{...\\ on a line of its own), bibtex-example.tex line 11,
# imsproc sample-imsproc.tex line 17: the same author in three documents
AUTHOR = "محمود امین\u200cطوسی"


def test_d106_fix_never_leaves_a_latex_group_or_environment_open(tmp_path, monkeypatch):
    """fresh38: ``--diff --unsafe-fixes`` left 11 .tex files with an unbalanced
    ``\\begin``/``\\end``. A deletion that would leave a group's brace or an environment's
    delimiter without its partner is offered no fix (the finding stays): the userguide's
    ``\\author{محمود امین‌طوسی\\\\`` line opens a group closed two lines below; the other two
    ``\\author{..}`` lines are whole and keep their fix."""
    _write(tmp_path, {
        "Persian-bib-userguide.tex": "\\title{راهنمای بسته persian-bib}\n\\author{" + AUTHOR + "\\\\\n"
                                     "\\lr{\\tt ammintoosi@yahoo.com}}\n\\begin{document}\n\\maketitle\n",
        "bibtex-example.tex": "\\title{نمونه}\n\\author{" + AUTHOR + "}\\date{}\n\\begin{document}\n\\maketitle\n",
        "sample-imsproc.tex": "\\title{یک نوشته نمونه}\n\\author{" + AUTHOR + "}\n\\begin{document}\n\\maketitle\n",
    })
    fixes = {path: f.fix is not None for path, _, f in _lines(tmp_path, "D106", monkeypatch)}
    assert fixes == {"Persian-bib-userguide.tex": False, "bibtex-example.tex": True, "sample-imsproc.tex": True}


def test_latex_deletions_that_unbalance_the_document_are_refused():
    """``edits_break_structure`` on lshort-persian custom.tex lines 82-86 (a syntax box):
    deleting the whole environment is balanced (its ``\\verb|{|`` braces are code, not
    groups); deleting its first lines leaves ``\\end{lscommand}`` alone."""
    from corpuslint.readers.latex import edits_break_structure

    text = LSCOMMAND % "متن."
    doc = Document("custom.tex", text)
    whole = text.index("\n\n") + 1
    assert not edits_break_structure(doc, [Edit(0, whole)])
    assert edits_break_structure(doc, [Edit(0, text.index("\\end{lscommand}"))])
    assert edits_break_structure(doc, [Edit(text.index("\\end{lscommand}"), whole)])


# formation-latex-ul exercice_trucs.tex lines 55-57, lualatex-doc-DE.tex lines 381-382,
# alpha-persian-p.userguide.tex lines 64-66 and 73
TRUCS = ("sur votre système. La classe est livrée avec une %\n"
         "\\doc{memman.pdf}{http://texdoc.net/pkg/memoir}\\footnote{%\n"
         "Première occurence d'une convention de ce document quand il s'agit\n")
LUALATEX = ("expected in late 2012? You can learn more on the roadmap page of\n"
            "\\href{http://luatex.org/}{the \\luatex site}. Stable betas are released\n")
ALPHA_PERSIAN = ("\\paragraph{\\color{red!50!black}\nایمیل:\n\\lr{madad\\_sh@yahoo.com}}\\hfill\n"
                 "\\href{https://ctan.org/tex-archive/biblio/bibtex/contrib/alpha-persian}{https://ctan.org/"
                 "tex-archive/biblio/bibtex/contrib/alpha-persian}\\\\[.6cm]\n")


def test_a110_a_latex_url_ends_at_its_brace_and_an_address_reads_tex_escapes():
    """fresh38: 24 of the 58 A110 findings in .tex ran into LaTeX's syntax: the URL
    ``http://texdoc.net/pkg/memoir}\\footnote{%`` (an argument of the document's own ``\\doc``),
    ``http://luatex.org/}{the`` (``\\href``'s target: a url region, which ends the URL, and is
    markup to A110 as a Markdown link's destination; its link text is prose), the
    e-mail ``_sh@yahoo.com`` at column 11 (``madad\\_sh``: TeX's escaped underscore)."""
    from corpuslint import lint_text

    def messages(text, path):
        return [(f.line, f.message) for f in lint_text(text, path=path, config={"select": ["A110"], "cache": False})]

    assert messages(TRUCS, "exercice_trucs.tex") == [(2, "URL `http://texdoc.net/pkg/memoir`")]
    assert messages(LUALATEX, "lualatex-doc-DE.tex") == []
    # (and the URL shown as \\href's text is prose, reported from its own start)
    assert messages(ALPHA_PERSIAN, "alpha-persian-p.userguide.tex") == [
        (3, "e-mail address `madad_sh@yahoo.com`"),
        (4, "URL `https://ctan.org/tex-archive/biblio/bibtex/contrib/alpha-persian`")]
    # (the same URL in a plain text file runs on: a brace is a URL's character there)
    assert messages(TRUCS, "trucs.txt") == [(2, "URL `http://texdoc.net/pkg/memoir}\\footnote{%`")]
