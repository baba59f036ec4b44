"""Q104 and Q105 on LaTeX sources (fresh38 kind 4): they measure the lines of the page a reader
sees, not the source's. Real text (Debian bookworm texlive-lang-french and texlive-lang-cyrillic
2022.20230122-1, LPPL-1.3c per debian/copyright; tests/data/realtext/SOURCE.md, section s50e)."""

from __future__ import annotations

from corpuslint.document import Document
from corpuslint_quality import rules as Q

# formation-latex-ul b-a-ba-math.tex lines 1-42: a chapter of a tutorial, its sentences wrapped
# over source lines around displayed formulas
B_A_BA_MATH = "\\chapter{B.a.-ba du mode mathématique}\n\nDe manière générale, soit $x$ un nombre (entier pour le moment) dans\nla base de numération $b$ composé de $m$ chiffres ou symboles, c'est-à-dire\n\\begin{equation*}\n  x = x_{m-1}x_{m-2} \\cdots x_1x_0,\n\\end{equation*}\noù $0 \\leq x_i \\leq b - 1$. On a donc\n\\begin{equation}\n  \\label{eq:ordinateurs:def_base}\n  x = \\sum_{i = 0}^{m - 1} x_i b^i.\n\\end{equation}\n\nLorsque le contexte ne permet pas de déterminer avec certitude la base\nd'un nombre, celle-ci est identifiée en indice du nombre par un nombre\ndécimal. Par exemple, $10011_2$ est le nombre binaire $10011$.\n\nSoit le nombre décimal $348$. Selon la notation ci-dessus, on a $x_0 =\n8$, $x_1 = 4$, $x_2 = 3$ et $b = 10$. En effet, et en conformité avec\n\\eqref{eq:ordinateurs:def_base},\n\\begin{displaymath}\n  348 = 3 \\times 10^2 + 4 \\times 10^1 + 8 \\times 10^0.\n\\end{displaymath}\nCe nombre a les représentations suivantes dans d'autres bases. En binaire:\n\\begin{align*}\n  101011100_{2}\n  &= 1 \\times 2^8 + 0 \\times 2^7 + 1 \\times 2^6 \\\\\n  &\\phantom{=} + 0 \\times 2^5 + 1 \\times 2^4 + 1 \\times 2^3 \\\\\n  &\\phantom{=} + 1 \\times 2^2 + 0 \\times 2^1 + 0 \\times 2^0.\n\\end{align*}\nEn octal:\n\\begin{equation*}\n  534_{8} = 5 \\times 8^2 + 3 \\times 8^1 + 4 \\times 8^0.\n\\end{equation*}\nEn hexadécimal:\n\\begin{equation*}\n  15\\mathrm{C}_{16} = 1 \\times 16^2 + 5 \\times 16^1 + 12 \\times 16^0.\n\\end{equation*}\nDes représentations ci-dessus, l'hexadécimale est la plus compacte:\nelle permet de représenter avec un seul symbole un nombre binaire\ncomptant jusqu'à quatre chiffres. C'est, entre autres, pourquoi\nc'est une représentation populaire en informatique.%\n"
# arabtex guha.tex lines 1-31 and 47-48: an anecdote in ArabTeX transliteration after a preamble
GUHA = "\\documentstyle[12pt,arabtex,atrans,nashbf]{article}\n\\sloppy\n%\\parskip = 5mm\n\\frenchspacing\n\\pagestyle{empty}\n\\begin{document}\n\n\\setarab \\transtrue\n\\setnashbf \\Large\n% Anekdoten\n\\centerline {<nawAdiru>}\n\n% Juha und die 10 Esel\n\n\\normalsize\n\\transtrue\n\\centerline {<^gu.hA wa-.hamIruhu al-`a^saraTu>}\n\n\\setnash\n\\begin{arabtext}\ni^starY ^gu.hA `a^saraTa .hamIriN.\nfari.ha bihA wa-sAqahA 'amAmahu,\n_tumma rakiba wA.hidaN minhA.\nwa-fI al-.t.tarIqi `adda .hamIrahu wa-huwa rAkibuN,\nfa-wa^gadahA tis`aTaN.\n_tumma nazala wa-`addahA fa-ra'AhA `a^saraTuN fa-qAla: \n\n'am^sI wa-'aksibu .himAraN,\n'af.dalu min 'an 'arkaba wa-'a_hsara .himAraN.\n\\end{arabtext}\n\nlA 'u.tabbilu bihi, 'illA wa-'anta nA'imuN.\n\\end{arabtext}\n"


def _messages(rule, path: str, text: str) -> list[str]:
    return [f.message for f in rule().check(Document(path, text))]


def test_q104_counts_a_latex_pages_lines_not_its_source_lines():
    """fresh38: "only 2 of 21 lines end in terminal punctuation" on a tutorial chapter whose
    sentences TeX sets across the source's line breaks (``dans`` / ``la base de numération``),
    and around formulas (code). A run of prose lines is one line of the page."""
    assert _messages(Q.UnterminatedLines, "b-a-ba-math.tex", B_A_BA_MATH) == []


def test_q105_counts_a_latex_pages_lines_not_its_preamble():
    """fresh38: "27 of 40 lines are 30 characters or shorter" on arabtex's guha.tex, whose short
    lines are its preamble's commands (``\\sloppy``, ``\\pagestyle{empty}``) and the anecdote's
    source lines, which TeX sets as one paragraph."""
    assert _messages(Q.ShortLines, "guha.tex", GUHA) == []
