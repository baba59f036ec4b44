"""fresh30's false-alarm kinds of D106 (boilerplate line) in LaTeX sources, on real text.

D106 on LaTeX structure lines: ``\\end{document}`` closes every LaTeX document, and
``\\begin{document}`` opens it (and shows up in the listings of package manuals). fresh30's
308 .tex files gave 8 D106 findings, all of them these two lines (5 of 5 labelled false alarms).
The duplicate family reads a .tex file as the LaTeX reader marks it
(``corpuslint.readers.latex``): its markup blanked, as an HTML page's tags are, so a line of
markup alone has no words; a prose line copied across .tex files is still reported.

Source (tests/data/realtext/SOURCE.md, ``texlive-d106/``): the last lines of three TeX Live
documentation sources (rbt-mathnotes, reledmac, includernw; LPPL 1.3/1.3c).
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_paths

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

