"""LaTeX sources (.tex): prose regions from a real parser (pylatexenc 2.x's LatexWalker).

A .tex file is a text file (walked by default: the ``*.tex`` include glob; ``--fix``
rewrites it as any text file), whose regions (``structure.regions_for``) come from
here instead of the plain-text guesses, so that the rules which read regions see the
prose, what the typeset page shows, and nothing of the markup around it:

* ``markup``: commands (``\\section``, ``\\label{sec:intro}``, ``\\usepackage[..]{..}``,
  ``\\begin{itemize}``/``\\end{itemize}``), with every argument that is not prose
  (labels, references, citations, package options, lengths, colours, definitions
  ``\\newcommand{..}{..}``); the braces around a prose argument; specials (``&``, ``~``,
  ``--``, ``````/``''``); comments (``% ...``).
* ``code``: math (``$..$``, ``\\[..\\]``, ``equation``, ``align``...), pictures
  (``picture``, ``tikzpicture``), verbatim text
  (``verbatim``, ``lstlisting``, ``minted``, ``\\verb|..|``, ``\\lstinline``), code
  names of documentation macros (``\\texttt``, ltxdoc's ``\\cs{..}``, ``\\pkg{..}``, ...),
  and what ``\\ExplSyntaxOn`` opens up to its ``\\ExplSyntaxOff`` (expl3: code); and what
  the document defines as code for itself (``document_code``): its verbatim environments
  (``\\DefineVerbatimEnvironment{exemple}{Verbatim}{..}``: a tutorial's source shown after
  its typeset result) and commands typesetting their argument as code
  (``\\newcommand{\\comm}[1]{\\texttt{..#1}}``).
* ``url``: ``\\url{..}`` and ``\\href``'s target.
* ``heading``: the title of ``\\section{..}`` and its kin (as a Markdown heading).
* prose: everything else: the text, and the arguments of commands that hold text
  (``\\emph{..}``, ``\\textbf{..}``, ``\\footnote{..}``, ``\\caption{..}``, ``\\item[..]``,
  ``\\title{..}``...), walked for the markup inside them.

A command the parser does not know takes no argument: a group after it (``\\mymacro{Some
words}``) is walked as prose, which is right for formatting macros and what a reader sees.

If the parser fails on a file (it parses tolerantly: an unbalanced brace is read as
well as it can be), the file's regions are the plain-text ones, as before this reader.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..structure import CODE, HEADING, MARKUP, PROSE, URL, Region

if TYPE_CHECKING:
    from ..document import Document

from ..structure import TEX_SUFFIXES  # noqa: F401  (.tex, .ltx; not .sty/.cls/.dtx: packages are code)
TEX_INCLUDE = "*.tex"  # walked by default (config.DEFAULT_INCLUDE); other suffixes: --include

HEADING_MACROS = frozenset({"part", "chapter", "section", "subsection", "subsubsection", "paragraph",
                            "subparagraph", "title", "subtitle", "frametitle", "framesubtitle"})
# commands whose brace arguments are prose (walked); their other arguments are markup
PROSE_MACROS = frozenset({
    "emph", "textbf", "textit", "textsl", "textsc", "textrm", "textsf", "textup", "textmd", "textnormal",
    "underline", "uline", "mbox", "fbox", "makebox", "framebox", "text", "footnote", "footnotetext", "marginpar",
    "caption", "item", "author", "date", "thanks", "enquote", "textsuperscript", "textsubscript", "mbox", "hbox",
    "multicolumn", "multirow",
    "intertext", "shortintertext", "abstract", "dedicatory", "keywords", "address", "curraddr", "emph*", "strong", "textcolor", "colorbox", "href", "hyperref",
    # accents (``caf\\'e``): the letter is the text's
    "'", "`", "^", '"', "~", "=", ".", "u", "v", "H", "c", "d", "b", "t", "r", "k",
}) | HEADING_MACROS
# the argument of each command that is prose (its index in the argument spec); other
# arguments of these commands are markup, or url for ``URL_ARGS``
PROSE_ARG = {"textcolor": 2, "colorbox": 1, "href": 2, "hyperref": 1, "multicolumn": 2, "multirow": 2}
URL_ARGS = {"href": 1, "url": 0, "email": 1, "urladdr": 1}
CODE_MACROS = frozenset({"texttt", "verb", "lstinline", "mintinline", "code", "cs", "pkg", "env", "cls", "opt", "file",
                         "ci", "ei",  # (lshort's command and environment names, indexed: \\ci{newenvironment})
                         "meta", "marg", "oarg", "parg", "path", "ensuremath", "cmd", "option", "macro"})
VERBATIM_ENVIRONMENTS = frozenset({"verbatim", "verbatim*", "Verbatim", "BVerbatim", "LVerbatim", "lstlisting",
                                   "minted", "comment", "alltt", "filecontents", "filecontents*", "code",
                                   "macrocode", "macrocode*", "verbatimtab", "lstcode", "pyverbatim", "sverb",
                                   "LTXexample"})  # (showexpl: the source, then what it typesets)

# arguments of common commands pylatexenc 2 does not know (``MacroSpec`` argument specs)
_MORE_MACROS = {
    "href": "[{{", "caption": "[{", "pageref": "{", "thanks": "{", "paragraph": "*[{", "subparagraph": "*[{",
    "uline": "{", "hyperref": "[{", "footnotemark": "[", "footnotetext": "[{", "autoref": "{", "cref": "{",
    "Cref": "{", "nameref": "{", "subtitle": "{", "frametitle": "{", "framesubtitle": "{", "colorbox": "{{",
    "ci": "{", "ei": "{",
    "cs": "{", "pkg": "{", "env": "{", "cls": "{", "opt": "{", "file": "{", "meta": "{", "marg": "{", "oarg": "{",
    "parg": "{", "code": "{", "cmd": "{", "option": "{", "path": "{", "marginpar": "[{", "enquote": "*{",
    "textsuperscript": "{", "textsubscript": "{", "intertext": "{", "shortintertext": "{", "strong": "{",
    "includegraphics": "*[[{", "bibliographystyle": "{", "graphicspath": "{", "definecolor": "{{{",
    "lstset": "{", "hypersetup": "{", "geometry": "{", "addbibresource": "[{", "printbibliography": "[",
    "usetikzlibrary": "{", "rule": "[{{", "newcolumntype": "{[{", "setmainfont": "[{[", "setsansfont": "[{[",
    "setmonofont": "[{[", "newfontfamily": "{[{[", "setfontfamily": "{[{[", "bibentry": "{", "newglossaryentry": "{{",
    "multicolumn": "{{{", "multirow": "{{{",
    "DeclareMathOperator": "*{{", "newtheorem": "*{[{[", "RequirePackage": "[{[", "ProvidesPackage": "{[",
    "NeedsTeXFormat": "{[", "DocumentMetadata": "{", "newenvironment": "*{[[{{", "renewenvironment": "*{[[{{",
    "providecommand": "*{[[{", "DeclareRobustCommand": "*{[[{", "setcounter": "{{", "addtocounter": "{{",
    "newcounter": "{[", "newlength": "{", "settowidth": "{{", "addtolength": "{{", "pagestyle": "{",
    "thispagestyle": "{", "pagenumbering": "{", "bibitem": "[{", "nocite": "{", "citeauthor": "*[[{",
    "theoremstyle": "{", "subjclass": "[{", "email": "[{", "urladdr": "[{", "dedicatory": "{", "keywords": "{",
    "address": "[{", "curraddr": "[{",
}
# arguments of common environments pylatexenc 2 does not know (widths, placements: markup)
_MORE_ENVIRONMENTS = {"minipage": "[[[{", "wrapfigure": "[{[{", "subfigure": "[{", "tabularx": "{[{",
                      "multicols": "{[[", "multicols*": "{[["}
# pictures drawn with commands (``\\put(0,0){...}``, ``\\draw``): code, not text
DRAWINGS = frozenset({"picture", "tikzpicture", "pspicture", "pgfpicture", "circuitikz"})
_MATH_ENVIRONMENTS = ("equation", "equation*", "align", "align*", "gather", "gather*", "multline", "multline*",
                      "eqnarray", "eqnarray*", "math", "displaymath", "flalign", "flalign*", "alignat",
                      "alignat*")


_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
# a command (``\\setmainfont``), an environment's delimiter with its name (``\\end{center}``)
_COMMAND_RE = re.compile(r"\\(?:(?:begin|end)\s*\{[^{}\n]*\}|[A-Za-z@]+\*?)")
# commands drawing inline: their drawing (a group, or the commands up to ``;``) is code
INLINE_DRAWINGS = frozenset({"tikz"})
_OVER = 1 << 10  # (a paint layer above what the parser made of the nodes after a command)


def _drawing_end(text: str, pos: int) -> int:
    """The end of an inline drawing's code from ``pos`` (after ``\\tikz``): its options
    ``[..]`` and a brace group, or up to its ``;``; never past a blank line."""
    limit = _BLANK_LINE_RE.search(text, pos)
    limit = len(text) if limit is None else limit.start()
    i = pos
    while i < limit and text[i].isspace():
        i += 1
    if i < limit and text[i] == "[":
        close = text.find("]", i, limit)
        i = limit if close < 0 else close + 1
        while i < limit and text[i].isspace():
            i += 1
    if i < limit and text[i] == "{":
        depth = 0
        for j in range(i, limit):
            if text[j] == "{" and text[j - 1] != "\\":
                depth += 1
            elif text[j] == "}" and text[j - 1] != "\\":
                depth -= 1
                if depth == 0:
                    return j + 1
        return limit
    semicolon = text.find(";", i, limit)
    return limit if semicolon < 0 else semicolon + 1


# commands reading a file name; without braces (plain TeX) the name ends at a space
FILE_MACROS = frozenset({"input", "include"})
_NAME_RE = re.compile(r"[^\s{}%\\]*")


def _typeset(nodes: list, paint, latexwalker) -> list:
    """``nodes`` (the top level) with a LaTeX document's preamble, what comes before
    ``\\begin{document}``, painted markup and left out: nothing of it is typeset (package
    options, ``\\setmainfont{HM XKayhan}``, ``\\usetikzlibrary{decorations.pathmorphing}``,
    whatever command the parser does not know), but what ``\\maketitle`` sets
    (``\\title``, ``\\author``, ``\\date``: ``PROSE_MACROS``), which is kept. A file with
    no document environment (a chapter read by ``\\input``) has no preamble."""
    for k, node in enumerate(nodes):
        if isinstance(node, latexwalker.LatexEnvironmentNode) and node.environmentname == "document":
            break
    else:
        return nodes
    kept = [n for n in nodes[:k] if getattr(n, "macroname", None) in PROSE_MACROS]
    if k:
        paint(0, nodes[0].pos, node.pos, MARKUP)
    return kept + nodes[k:]

# TeX primitives defining a command, whose parameters and body are code (not known to
# pylatexenc's argument specs: ``\\def\\name#1#2{body}``)
DEFINITIONS = frozenset({"def", "gdef", "edef", "xdef", "let", "futurelet",
                         "catcode", "chardef", "mathchardef", "countdef", "dimendef", "skipdef", "toksdef"})


def _definition_end(nodes: list, i: int, latexwalker) -> tuple[int, int]:
    """(end offset, index of the node after it) of the definition starting at ``nodes[i]``:
    up to its first brace group (a ``\\def``'s body) within a few nodes, else its next
    command (``\\let\\a\\b``, ``\\catcode`\\-\\active``)."""
    name = nodes[i].macroname
    for j in range(i + 1, min(i + 8, len(nodes))):
        node = nodes[j]
        if isinstance(node, latexwalker.LatexGroupNode) and name not in ("let", "futurelet", "catcode"):
            return node.pos + node.len, j + 1
        if isinstance(node, latexwalker.LatexCharsNode) and "\n\n" in node.chars:
            break  # (a paragraph break: no body follows)
    j = min(i + 2, len(nodes))  # the command and what it names
    last = nodes[j - 1]
    return last.pos + last.len, j


def _fi_end(nodes: list, i: int, latexwalker) -> tuple[int, int]:
    """(end offset, next index) of ``\\iffalse`` at ``nodes[i]`` up to its ``\\fi`` (ifs
    inside counted), or the end of ``nodes``."""
    depth = 0
    for j in range(i + 1, len(nodes)):
        name = getattr(nodes[j], "macroname", "")
        if name.startswith("if"):
            depth += 1
        elif name == "fi":
            if depth == 0:
                return nodes[j].pos + nodes[j].len, j + 1
            depth -= 1
    return nodes[-1].pos + nodes[-1].len, len(nodes)


# switches into code: from ``\\ExplSyntaxOn`` (expl3, where spaces are ignored and
# ``_``/``:`` are letters) to its closing switch (or the end)
# (not ``\\makeatletter``: it makes ``@`` a letter, the text after it is still text,
# and many preambles never switch it back)
CODE_SWITCHES = {"ExplSyntaxOn": "ExplSyntaxOff"}


_CODE_SECTION_RE = re.compile(r"\\ExplSyntaxOn(?![A-Za-z@]).*?(?:\\ExplSyntaxOff(?![A-Za-z@_:])|\Z)",
                              re.DOTALL)
# (and the environments a class or package names so: memoir's ``lcode``, ``egsource``)
_VERBATIM_RE = re.compile(r"\\begin\{(%s|[A-Za-z]*(?:code|verbatim|Verbatim|listing|source)\*?)\}.*?\\end\{\1\}" % "|".join(
    re.escape(name) for name in sorted(VERBATIM_ENVIRONMENTS, key=len, reverse=True)), re.DOTALL)
_COMMENT_RE = re.compile(r"(?<!\\)(?:\\\\)*%")

# What a document defines for itself (in its preamble, or a class it ships beside it: only
# the text read counts): environments whose body is read verbatim, shown as source (fancyvrb's
# ``\DefineVerbatimEnvironment{exemple}{Verbatim}{frame=single}`` in Apprends LaTeX!,
# listings' ``\lstnewenvironment``, tcolorbox's ``\newtcblisting``, an environment opening
# fancyvrb's ``\VerbatimEnvironment``), and commands that typeset their argument as code
# (syllogism's manual: ``\newcommand{\comm}[1]{\texttt{\color{comcol}\textbackslash{}#1}\xspace}``,
# its body opening with a ``CODE_MACROS`` command or ``\ttfamily``).
_VERBATIM_DEFINITION_RE = re.compile(
    r"\\(?:(?:Define|Custom|Recustom)VerbatimEnvironment|lstnewenvironment|(?:new|renew|provide)tcblisting"
    r"|(?:New|Renew|Provide|Declare)TCBListing)\s*(?:\[[^\]\n]*\]\s*)?\{\s*([A-Za-z@]+\*?)\s*\}"
    r"|\\(?:re)?newenvironment\*?\s*\{\s*([A-Za-z@]+\*?)\s*\}\s*(?:\[\d\]\s*)?(?:\[[^\]\n]*\]\s*)?"
    r"\{\s*\\VerbatimEnvironment(?![A-Za-z@])")
_CODE_COMMAND_RE = re.compile(
    r"(?:\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand)\*?\s*(?:\{\s*\\([A-Za-z@]+)\s*\}|\\([A-Za-z@]+))"
    r"\s*\[\s*([1-9])\s*\]|\\g?def\s*\\([A-Za-z@]+)((?:#[1-9])+))"
    r"\s*\{\s*\{?\s*\\(?:%s|ttfamily|tt)(?![A-Za-z@])" % "|".join(sorted(CODE_MACROS)))


def document_code(text: str) -> tuple[frozenset[str], dict[str, int]]:
    """``(environments, commands)`` that ``text`` defines as code for itself (see
    ``_VERBATIM_DEFINITION_RE``, ``_CODE_COMMAND_RE``): the names of its verbatim
    environments, and its code commands with their number of arguments. Definitions in a
    comment do not count."""
    environments: set[str] = set()
    commands: dict[str, int] = {}
    if "Verbatim" in text or "lstnewenvironment" in text or "TCBListing" in text or "tcblisting" in text:
        for m in _VERBATIM_DEFINITION_RE.finditer(text):
            if not _commented(text, m.start()):
                environments.add(m.group(1) or m.group(2))
    if "command" in text or "def" in text:
        for m in _CODE_COMMAND_RE.finditer(text):
            name = m.group(1) or m.group(2) or m.group(4)
            if not _commented(text, m.start()) and name not in PROSE_MACROS:
                commands[name] = int(m.group(3)) if m.group(3) else m.group(5).count("#")
    return frozenset(environments - VERBATIM_ENVIRONMENTS), commands


@lru_cache(maxsize=64)
def _environments_re(names: frozenset[str]) -> "re.Pattern[str]":
    """``_VERBATIM_RE`` for the environments ``names`` (a document's own, ``document_code``)."""
    return re.compile(r"\\begin\{(%s)\}.*?\\end\{\1\}" % "|".join(
        re.escape(name) for name in sorted(names, key=len, reverse=True)), re.DOTALL)


def _commented(text: str, pos: int) -> bool:
    """Is ``pos`` in a comment (after an unescaped ``%`` on its line)?"""
    return _COMMENT_RE.search(text, text.rfind("\n", 0, pos) + 1, pos) is not None


def code_sections(text: str, environments: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of the spans that are code whatever the parser would make of them,
    blanked before parsing: verbatim environments (``\\begin{lstlisting}`` to its
    ``\\end{lstlisting}``, as LaTeX reads them: nothing inside is a command; and those of
    ``environments``, the document's own, ``document_code``), and what
    ``CODE_SWITCHES`` open and close (or the end of ``text``: expl3's
    ``\\begin { longtable }`` would unbalance the rest). Not where a comment holds them."""
    spans = []
    if "\\begin" in text:
        spans += [m.span() for m in _VERBATIM_RE.finditer(text) if not _commented(text, m.start())]
        if environments:
            spans += [m.span() for m in _environments_re(environments).finditer(text)
                      if not _commented(text, m.start()) and not any(a <= m.start() < b for a, b in spans)]
    if "\\ExplSyntaxOn" in text:
        for m in _CODE_SECTION_RE.finditer(text):
            if not _commented(text, m.start()) and not any(a <= m.start() < b for a, b in spans):
                spans.append(m.span())
    spans.sort()
    out: list[tuple[int, int]] = []
    for start, end in spans:  # (a verbatim block inside an expl3 section: one span)
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


@lru_cache(maxsize=64)
def _document_context(commands: tuple[tuple[str, int], ...]):
    """``_context()`` with a document's code commands (``document_code``) taking their
    arguments (a command the parser does not know takes none)."""
    from pylatexenc import macrospec

    db = _context().filter_context()
    db.add_context_category("corpuslint-document", prepend=True,
                            macros=[macrospec.MacroSpec(name, "{" * n) for name, n in commands])
    return db


@lru_cache(maxsize=1)
def _context():
    from pylatexenc import latexwalker, macrospec

    db = latexwalker.get_default_latex_context_db()
    macros = [macrospec.MacroSpec(name, spec) for name, spec in _MORE_MACROS.items()]
    for name in ("lstinline", "mintinline"):
        macros.append(macrospec.MacroSpec(name, args_parser=macrospec.VerbatimArgsParser(verbatim_arg_type="verb-macro")))
    # (verbatim environments are blanked before parsing: ``code_sections``; pylatexenc's
    # verbatim parser looks for ``\\end{verbatim}`` whatever the environment's name)
    environments = [macrospec.EnvironmentSpec(name, "", is_math_mode=True) for name in _MATH_ENVIRONMENTS]
    environments += [macrospec.EnvironmentSpec(name, spec) for name, spec in _MORE_ENVIRONMENTS.items()]
    db.add_context_category("corpuslint", macros=macros, environments=environments, prepend=True)
    return db


def latex_regions(doc: "Document") -> list[Region] | None:
    """The regions of a LaTeX source (see the module's docstring), or None when the
    parser fails on it (the caller falls back to plain-text regions)."""
    try:
        from pylatexenc import latexwalker
    except ImportError:  # (a dependency of corpuslint: only a broken install lacks it)
        return None
    text = doc.text
    environments, commands = document_code(text)
    code_macros = CODE_MACROS | commands.keys() if commands else CODE_MACROS
    sections = code_sections(text, environments)
    if sections:  # (blanked, newlines kept: offsets stay the text's)
        parts, at = [], 0
        for start, end in sections:
            parts += [text[at:start], re.sub(r"[^\n]", " ", text[start:end])]
            at = end
        text = "".join(parts) + text[at:]
    try:
        context = _document_context(tuple(sorted(commands.items()))) if commands else _context()
        walker = latexwalker.LatexWalker(text, latex_context=context, tolerant_parsing=True)
        nodes, _, _ = walker.get_latex_nodes()
    except Exception:  # (pylatexenc raises its own errors, RecursionError on deep nesting, ...)
        return None
    painted: list[tuple[int, int, int, int, str]] = []

    def paint(depth: int, start: int, end: int, kind: str) -> None:
        if end > start:
            painted.append((depth, len(painted), start, end, kind))

    def walk(nodelist, depth: int) -> None:
        nodes = [n for n in nodelist or () if n is not None]
        i = 0
        while i < len(nodes):
            node = nodes[i]
            name = getattr(node, "macroname", None)
            if name in DEFINITIONS or name == "iffalse":
                # ``\\def\\name#1{body}``: up to the body's closing brace; ``\\let\\a\\b``:
                # the next command; ``\\iffalse ... \\fi``: never typeset
                end, i = _definition_end(nodes, i, latexwalker) if name != "iffalse" else _fi_end(nodes, i, latexwalker)
                paint(depth, node.pos, end, CODE if name != "iffalse" else MARKUP)
                continue
            visit(node, depth)
            i += 1

    def visit(node, depth: int) -> None:
        start, end = node.pos, node.pos + node.len
        if isinstance(node, latexwalker.LatexCharsNode):
            return  # prose
        if isinstance(node, latexwalker.LatexGroupNode):
            walk_group(node, depth, None)
            return
        if isinstance(node, (latexwalker.LatexCommentNode, latexwalker.LatexSpecialsNode)):
            paint(depth, start, end, MARKUP)
            return
        if isinstance(node, latexwalker.LatexMathNode):
            if _BLANK_LINE_RE.search(text, start, end) is None:
                paint(depth, start, end, CODE)
                return
            # (math across a blank line is no math, TeX stops there: a stray ``$`` in
            # ``\\$Revision: 3.1 $`` would make the rest of the file a formula)
            children = [n for n in node.nodelist or () if n is not None]
            paint(depth, start, children[0].pos if children else end, MARKUP)
            walk(children, depth + 1)
            return
        if isinstance(node, latexwalker.LatexEnvironmentNode):
            name = node.environmentname
            if name in VERBATIM_ENVIRONMENTS or name in _MATH_ENVIRONMENTS or name in DRAWINGS:
                paint(depth, start, end, CODE)
                return
            body = [n for n in node.nodelist or () if n is not None]
            if not body:
                paint(depth, start, end, MARKUP)
                return
            paint(depth, start, body[0].pos, MARKUP)  # \begin{name} and its arguments
            last = body[-1]
            paint(depth, last.pos + last.len, end, MARKUP)  # \end{name}
            walk(body, depth + 1)
            return
        if isinstance(node, latexwalker.LatexMacroNode):
            macro(node, depth)
            return
        paint(depth, start, end, MARKUP)  # (another node type: not prose)

    def walk_group(node, depth: int, kind: str | None) -> None:
        """A brace group holding prose: its braces markup, its content walked (``kind``:
        heading for a title)."""
        start, end = node.pos, node.pos + node.len
        children = [n for n in node.nodelist or () if n is not None]
        paint(depth, start, end, kind or PROSE)  # (over the command's markup)
        if not children:
            paint(depth + 1, start, end, MARKUP)
            return
        paint(depth + 1, start, children[0].pos, MARKUP)
        paint(depth + 1, children[-1].pos + children[-1].len, end, MARKUP)
        walk(children, depth + 1)

    def macro(node, depth: int) -> None:
        name = node.macroname
        start, end = node.pos, node.pos + node.len
        args = node.nodeargd.argnlist if node.nodeargd is not None and node.nodeargd.argnlist else ()
        given = [a for a in args if a is not None]
        if name in INLINE_DRAWINGS:  # ``\\tikz \\draw (0,0) -- (1,1);``: a drawing, code
            paint(depth + _OVER, start, _drawing_end(text, end), CODE)
            return
        if name in FILE_MACROS and given and not isinstance(given[0], latexwalker.LatexGroupNode):
            # plain TeX's ``\\input katalog1.t2``: the file name runs to the next space
            paint(depth, start, _NAME_RE.match(text, end).end(), MARKUP)
            return
        if given and name not in PROSE_MACROS and _BLANK_LINE_RE.search(text, given[0].pos, end) is not None:
            # an argument across a paragraph break: a misread (a brace of code the parser
            # took for the argument's); the command is markup, what follows is read on
            paint(depth, start, given[0].pos, MARKUP)
            for arg in given:
                if isinstance(arg, latexwalker.LatexGroupNode):
                    walk_group(arg, depth + 1, None)
                else:
                    visit(arg, depth + 1)
            return
        if name in code_macros:
            paint(depth, start, end, CODE)
            return
        paint(depth, start, end, MARKUP)  # the command, and any argument not painted over below
        url = URL_ARGS.get(name)
        prose = PROSE_ARG.get(name)
        for index, arg in enumerate(args):
            if arg is None:
                continue
            if index == url:
                paint(depth + 1, arg.pos, arg.pos + arg.len, URL)
            elif name in PROSE_MACROS and (prose is None or index == prose):
                if isinstance(arg, latexwalker.LatexGroupNode):
                    if arg.delimiters and arg.delimiters[0] == "{" or name == "item" or name in HEADING_MACROS:
                        walk_group(arg, depth + 1, HEADING if name in HEADING_MACROS else None)
                elif isinstance(arg, latexwalker.LatexCharsNode) and not arg.chars.strip() == "*":
                    paint(depth + 1, arg.pos, arg.pos + arg.len, PROSE)

    walk(_typeset(nodes, paint, latexwalker), 0)
    # what the parser lost in its tolerant reading (a stray ``\\end{document}`` after the
    # document's end, a ``\\begin{center}`` after an unbalanced group): commands and
    # environment delimiters are markup wherever nothing else painted them
    for m in _COMMAND_RE.finditer(text):
        paint(-1, m.start(), m.end(), MARKUP)
    for start, end in sections:
        paint(1 << 20, start, end, CODE)
    from ..structure import _flatten

    return [r for r in _flatten(painted) if r.kind != PROSE]


_ENVIRONMENT_RE = re.compile(r"\\(begin|end)\s*\{([^{}\n]*)\}")


def edits_break_structure(doc: "Document", edits) -> bool:
    """Would one of ``edits`` (``findings.Edit``) leave ``doc``, a LaTeX source, unbalanced:
    delete a ``\\begin{name}`` without its ``\\end{name}`` (or the reverse), or a brace of
    markup (a group's, an argument's) without its partner? (D104 deleting a preamble
    paragraph up to ``\\begin{document}``, D106 deleting ``\\end{document}``: the file no
    longer compiles.) Delimiters in a comment do not count, nor braces in code or text
    (``\\verb|{|``, ``\\{``)."""
    text = doc.text
    for e in edits:
        if e.start >= e.end:
            continue
        open_: list[str] = []
        for m in _ENVIRONMENT_RE.finditer(text, e.start, e.end):
            if _commented(text, m.start()):
                continue
            if m.group(1) == "begin":
                open_.append(m.group(2).strip())
            elif not open_ or open_.pop() != m.group(2).strip():
                return True
        if open_:
            return True
        depth = 0
        for i in range(e.start, e.end):
            c = text[i]
            if c in "{}" and doc.kind_at(i) == MARKUP and not (i and text[i - 1] == "\\") and not _commented(text, i):
                depth += 1 if c == "{" else -1
                if depth < 0:
                    return True
        if depth:
            return True
    return False
