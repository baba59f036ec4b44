"""LaTeX sources (.tex) read as what they are: walked by default, their regions from
pylatexenc's parser (commands, non-prose arguments, math, comments, verbatim text,
definitions and expl3 code are not prose), so that the rules reading prose see the text
only.

The files are real (tests/data/realtext/SOURCE.md), from Debian's texlive-latex-base-doc
2022.20230122 (LPPL-1.3c): l3kernel's ``l3prefixes.tex`` and PSNFSS's ``test2.tex``
whole, and lines 1-40 of PSNFSS's ``mathtest.tex``."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpuslint import lint_paths
from corpuslint.document import Document
from corpuslint.structure import CODE, HEADING, MARKUP, PROSE, URL

from .conftest import ROOT, run_json

DATA = ROOT / "tests" / "data" / "realtext"
PREFIXES = DATA / "l3kernel-l3prefixes.tex"  # \iffalse licence \fi, \ExplSyntaxOn code, then prose
MATHTEST = DATA / "psnfss-mathtest-excerpt.tex"  # math, \verb, \emph, comments, trailing spaces
TEST2 = DATA / "psnfss-test2.tex"  # \def\Try#1#2{...} sample lines; "f\'ee  costs"
NO_CACHE = {"cache": False}


def doc_of(path: Path) -> Document:
    return Document(str(path), path.read_text(encoding="utf-8"))


def kind(doc: Document, needle: str, nth: int = 0) -> str:
    at = -1
    for _ in range(nth + 1):
        at = doc.text.index(needle, at + 1)
    return doc.kind_at(at)


def test_prose_is_prose_and_commands_math_comments_verbatim_are_not():
    doc = doc_of(MATHTEST)
    assert kind(doc, "The default math mode font is") == PROSE
    assert kind(doc, "Text Italic") == PROSE  # \emph{...}: its argument is the text's
    assert kind(doc, "before} going") == PROSE
    assert kind(doc, "\\emph{before") == MARKUP  # the command and its braces
    assert kind(doc, "Math\\ Italic") == CODE  # $...$
    assert kind(doc, "\\mathbf| produces") == CODE  # \verb|...|
    assert kind(doc, "sc,osf,slantedGreek") == MARKUP  # \usepackage[...]{...}
    assert kind(doc, "mathpazo") == MARKUP
    assert kind(doc, "Palatino needs more leading") == MARKUP  # a comment
    assert kind(doc, "normal}   &") == CODE  # \texttt{...} in a tabular
    assert kind(doc, "Sebastian's math test") == PROSE  # (center environment: its body is text)
    assert kind(doc, "\\begin{center}") == MARKUP


def test_licence_block_expl3_code_and_definitions_are_not_prose():
    doc = doc_of(PREFIXES)
    assert kind(doc, "LaTeX Project Public License") == MARKUP  # \iffalse meta-comment ... \fi: never typeset
    assert kind(doc, "https://www.latex-project.org/lppl.txt") == MARKUP
    assert kind(doc, "\\cs_new_protected:Npn \\__prefix_readi:w") == CODE  # \ExplSyntaxOn ... \ExplSyntaxOff
    assert kind(doc, '" #2 "') == CODE
    assert kind(doc, "This file lists the prefixes") == PROSE
    assert kind(doc, "expl3} code") == PROSE  # \textsf{expl3}
    assert kind(doc, "modules@latex-project.org") == CODE  # \texttt{...}
    test2 = doc_of(TEST2)
    assert kind(test2, "This is typeset in #2") == CODE  # the body of \def\Try#1#2{...}
    assert kind(test2, "Palatino, Bookman") == HEADING  # \title{...}
    assert kind(test2, "Sebastian Rahtz") == PROSE  # \author{...}


def test_headings_urls_and_references():
    doc = Document("x.tex", "\\section{Results}\\label{sec:res} See~\\ref{fig:a} and \\href{https://ctan.org}{CTAN}, "
                   "\\cite[p.~3]{knuth84}. Caf\\'e \\footnote{A note \\ref{x}.}")
    assert kind(doc, "Results") == HEADING
    assert kind(doc, "sec:res") == MARKUP and kind(doc, "fig:a") == MARKUP and kind(doc, "knuth84") == MARKUP
    assert kind(doc, "https://ctan.org") == URL
    assert kind(doc, "CTAN}") == PROSE and kind(doc, "A note") == PROSE and kind(doc, "See") == PROSE
    assert kind(doc, "~") == MARKUP


def test_rules_see_the_prose_only():
    # before (read as text with --include '*.tex'): W115 on the expl3 code's `" #2 "`, Q111 on
    # the licence and code, A110 on the licence's URLs, D106 on `\begin{document}`
    assert lint_paths([PREFIXES], config={"select": ["W115", "A110", "Q111", "D106"], **NO_CACHE}) == []
    # TeX typesets a run of spaces as one: "f\'ee  costs" is no doubled space (W103)
    assert lint_paths([TEST2], config={"select": ["W103"], **NO_CACHE}) == []
    # a byte-level defect is one wherever it is: trailing spaces (W101 checks every region)
    found = lint_paths([MATHTEST], config={"select": ["W101", "W104"], **NO_CACHE})
    assert sorted((f.code, f.line) for f in found) == [("W101", 25), ("W101", 26), ("W101", 31), ("W104", 27)]


def test_tex_files_are_walked_by_default_and_a_broken_file_is_read_as_well_as_it_can_be(tmp_path):
    for path in (PREFIXES, MATHTEST, TEST2):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "broken.tex").write_text("\\begin{itemize}\n\\item An \\emph{unclosed item\n\\end{enumerate}\n}}}$x\n",
                                         encoding="utf-8")
    code, report = run_json(str(tmp_path))
    assert report["files_checked"] == 4  # (before: "no file was checked", exit 2)
    doc = Document("broken.tex", (tmp_path / "broken.tex").read_text(encoding="utf-8"))
    assert kind(doc, "An ") == PROSE and kind(doc, "\\begin{itemize}") == MARKUP
