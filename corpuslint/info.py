"""GNU Info files read with their structure, as Markdown, reStructuredText and subtitles are.

An Info file is what ``makeinfo`` (texi2any) writes from a Texinfo manual, and what the
``info`` reader and Emacs read (the Texinfo manual, "Info Format Specification"): a
preamble, then nodes, each opened by the node separator U+001F (``^_``, an optional
``^L``, a line end) and a header line ``File: texinfo.info,  Node: Top,  Next: Copying
Conditions,  Up: (dir)`` (fields set apart by two spaces, by the format); a manual may end
with an indirect table (``Indirect:``), a tag table (``Tag Table:`` ... ``^_`` ``End Tag
Table``, its lines ``Node: Top^?1234``) and an Emacs ``Local Variables:`` block. Inside a
node, ``* Menu:`` opens a menu whose entries are ``* Entry::   description`` or ``* Entry:
Node.   description`` (padded to a column; their descriptions run on in lines indented
to it); an index node is a menu opened by the marker ``^@^H[index^@^H]`` (NUL, backspace),
its entries padded to a column too (``* Dir files, compressed:        Invoking
install-info.``); an image is ``^@^H[image src="x.png"^@^H]``; a section title is a line
underlined with ``*``, ``=``, ``-`` or ``.``.

A text is read so (``reads_as_info``) by its content, not its name: a node header at its
start (a node cut out as a record: a JSONL line per node) or after a node separator; the
suffix ``.info`` alone says nothing (``--extend-include '*.info'`` reads any such file).
Its regions (``info_regions``), painted over the plain-text reading
(``structure.plain_text_regions``, which still finds command lines and drawn tables):

- ``markup``: the preamble (the text before the first node: not shown by Info readers,
  and the same in each file of a split manual: the ``@copying`` text, the dir entry), node
  separators, header lines, the tag and indirect tables, the local variables block,
  ``* Menu:`` lines, menu and index entries with the lines their descriptions run on in,
  the NUL/backspace markers (``^@^H[index^@^H]``, ``^@^H[image ...^@^H]``), and title
  underlines;
- ``heading``: a title over its underline;
- ``code``: an example (``@example``, ``@lisp``, ``@smallexample``, ``@display`` as
  makeinfo renders them): a block after a blank line indented deeper than the text above
  it, unless it reads as filled prose (a ``@quotation``: lines of words, no columns,
  ending in a sentence); a definition line (`` -- Function: name args``, ``@deffn``);
- ``prose``: a paragraph that reads as filled prose, even where the plain-text reading
  takes indented lines for code (a ``@table`` item's or a ``@defun``'s paragraphs,
  indented five columns);
- the rest is prose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure
from .structure import CODE, HEADING, MARKUP, PROSE, Region
from .text.lazy_regex import lazy_re

if TYPE_CHECKING:
    from .document import Document

# A node header line: "File: NAME,  Node: NAME" (then Next/Prev/Up fields), at the text's
# start or after a node separator (^_, an optional ^L, a line end).
_HEADER = r"File:[ \t]*[^,\n\x00-\x08]+,[ \t]+Node:[ \t]*[^,\n\x7f]*[^,\n\x7f \t]"
_HEADER_RE = lazy_re(_HEADER)
# (or, after a separator, the indirect or tag table: the first file of a split manual, which
# holds its preamble and tables, its nodes being in x.info-1, x.info-2 ...)
_INFO_RE = lazy_re(r"(?:\A|\x1f\f?\r?\n)" + _HEADER + r"|\x1f\f?\r?\n(?:Indirect|Tag Table):\r?\n")
_INFO_BYTES_RE = lazy_re(rb"(?:\A|\x1f\f?\r?\n)" + _HEADER.encode() + rb"|\x1f\f?\r?\n(?:Indirect|Tag Table):\r?\n")
# The NUL/backspace markers of an Info file: an index node's ``^@^H[index^@^H]``, an
# image's ``^@^H[image src="x.png" alt="..."^@^H]``.
_MARKER_RE = lazy_re(r"\x00\x08\[[^\x00\n]*\x00\x08\]")
_SEPARATOR_RE = lazy_re(r"\x1f\f?[ \t\r]*")  # a node separator line
_MENU_RE = lazy_re(r"\* [Mm]enu:")
_ENTRY_RE = lazy_re(r"\* [^\n]*?:")  # "* Entry::" / "* Entry: Node." / "* entry:    Node.   (line 6)"
_UNDERLINE_RE = lazy_re(r"(?:\*+|=+|-+|\.+)[ \t\r]*")
_INDENT_RE = lazy_re(r"[ \t]*")
# columns inside a line: a gap of three or more spaces between two non-blanks ("C-c }       Move out")
_GAP_RE = lazy_re(r"\S[ \t]{3,}\S")
_SENTENCE_END = tuple(".!?:")
_DEF_RE = lazy_re(r" -- [^:\n]+: \S")  # a definition line (@deffn): " -- Function: name args"
_ITEM_RE = lazy_re(r"[ \t]*(?:[*•-]|\d+\.|[a-z]\.)[ \t]")  # a list item: "   * Item", "  1. Step"

# Text a reader other than plain text owns (``structure.regions_for``): never read as Info.
_NOT_INFO_SUFFIXES = frozenset(structure.MARKDOWN_SUFFIXES + structure.RST_SUFFIXES + structure.TEX_SUFFIXES
                               + structure.HTML_SUFFIXES + structure.WIKITEXT_SUFFIXES + structure.SUBTITLE_SUFFIXES)


def reads_as_info(text: str, suffix: str = "") -> bool:
    """True when ``text`` is a GNU Info file or one node of one: a node header line
    (``File: x.info,  Node: Top, ...``) at its start or after a node separator (U+001F
    on its own line), or an indirect or tag table after one (a split manual's first file:
    ``find.info`` holds the preamble and the tables of ``find.info-1``). Not a document another reader owns (Markdown, reST, LaTeX, HTML,
    wikitext, subtitles: by ``suffix``)."""
    if suffix in _NOT_INFO_SUFFIXES:
        return False
    if not text.startswith("File:") and "\x1f" not in text:
        return False
    return _INFO_RE.search(text) is not None


def info_bytes(data: bytes) -> bool:
    """True when ``data`` (a file's bytes holding NULs) is a GNU Info file whose every NUL
    is one of its own markers (``^@^H[index^@^H]``): text, not a binary file."""
    nuls = data.count(b"\x00")
    return (nuls == data.count(b"\x00\x08[") + data.count(b"\x00\x08]")
            and _INFO_BYTES_RE.search(data) is not None)


def info_regions(doc: "Document") -> list[Region]:
    """Regions of a GNU Info document (see the module docstring)."""
    from .structure import _flatten, plain_text_regions

    text, lines = doc.text, doc.lines
    n = len(lines)
    painted: list[tuple[int, int, int, int, str]] = [(0, i, r.start, r.end, r.kind)
                                                     for i, r in enumerate(plain_text_regions(doc))]

    def paint(layer: int, start: int, end: int, kind: str) -> None:
        if end > start:
            painted.append((layer, len(painted), start, end, kind))

    def line(i: int) -> str:
        return text[lines[i].start : lines[i].end]

    def indent(i: int) -> int:
        return _INDENT_RE.match(text, lines[i].start, lines[i].end).end() - lines[i].start

    def markup_lines(first: int, last: int) -> None:  # lines first..last (inclusive), their line ends too
        paint(2, lines[first].start, lines[last].end + len(lines[last].newline), MARKUP)

    preamble = "\x1f" in text and not text.startswith("File:")
    table = False  # in the tag or indirect table, or the local variables block
    menu = False
    entry = False  # inside a menu entry (its description runs on in indented lines)
    i = 0
    while i < n:
        s = line(i)
        stripped = s.strip()
        if "\x1f" in s and _SEPARATOR_RE.fullmatch(s):
            markup_lines(i, i)
            preamble = menu = entry = False
            nxt = line(i + 1) if i + 1 < n else ""
            if _HEADER_RE.match(nxt):
                markup_lines(i + 1, i + 1)
                i += 2
                continue
            table = nxt.startswith(("Tag Table:", "Indirect:", "End Tag Table", "Local Variables:"))
            i += 1
            continue
        if table:
            markup_lines(i, i)
            i += 1
            continue
        if i == 0 and _HEADER_RE.match(s):  # a node cut out alone (a record): its header
            markup_lines(i, i)
            i += 1
            continue
        if not stripped:
            entry = False
            i += 1
            continue
        if preamble:  # not shown by Info readers, and the same in each file of a split manual
            markup_lines(i, i)
            i += 1
            continue
        for m in _MARKER_RE.finditer(text, lines[i].start, lines[i].end):
            paint(2, m.start(), m.end(), MARKUP)
            if m.group().startswith("\x00\x08[index"):
                menu = True
        if _MENU_RE.match(s):
            menu = True
            markup_lines(i, i)
            i += 1
            continue
        if menu and _ENTRY_RE.match(s):
            entry = True
            markup_lines(i, i)
            i += 1
            continue
        if entry and s[:1].isspace():  # an entry's description, run on
            markup_lines(i, i)
            i += 1
            continue
        entry = False
        if i + 1 < n and indent(i) == 0 and _UNDERLINE_RE.fullmatch(line(i + 1)) and \
                abs(len(line(i + 1).rstrip()) - len(s.rstrip())) <= 1 and len(stripped) >= 2:
            paint(2, lines[i].start, lines[i].end, HEADING)
            markup_lines(i + 1, i + 1)
            i += 2
            continue
        if i == 0 or not line(i - 1).strip():  # a block's first line
            for kind, first, last in _block(doc, i, indent):
                paint(1, lines[first].start, lines[last].end, kind)
                if kind == CODE and last > i:
                    i = last
        i += 1
    return _flatten(painted)


def _block(doc: "Document", first: int, indent) -> list[tuple[str, int, int]]:
    """(kind, first line, last line) of the parts of the block of lines opening at line
    ``first`` (after a blank line): ``code`` for an example (its lines through the blank lines
    inside it), ``prose`` for a paragraph that reads as filled prose (``_prose_block``: so even
    if the plain-text reading took its indented lines for code); nothing for any other.

    An example is indented deeper than the text above it, all its lines; not a paragraph whose
    first line only is indented (makeinfo's paragraph indent, ``   The first part of this master
    menu``), nor a list item (``   * Item``, ``  1. Step``), nor a block as deep as the text above
    it (a ``@table`` item's or a ``@defun``'s next paragraph), nor one that reads as filled prose
    (a ``@quotation``). A definition line (`` -- Function: magit-display-buffer buffer``,
    makeinfo's ``@deffn``) is code, its description under it prose when it reads so."""
    text, lines = doc.text, doc.lines

    def run_end(j: int) -> int:
        while j + 1 < len(lines) and text[lines[j + 1].start : lines[j + 1].end].strip():
            j += 1
        return j

    def prose(a: int, b: int) -> bool:
        return _prose_block([text[lines[k].start : lines[k].end] for k in range(a, b + 1)])

    last = run_end(first)
    if _DEF_RE.match(text, lines[first].start, lines[first].end):
        parts = [(CODE, first, first)]
        if last > first and prose(first + 1, last):
            parts.append((PROSE, first + 1, last))
        return parts
    if prose(first, last):
        return [(PROSE, first, last)]
    depth = min(indent(k) for k in range(first, last + 1))
    if depth == 0 or _ITEM_RE.match(text, lines[first].start, lines[first].end):
        return []
    above = first - 1
    while above >= 0 and not text[lines[above].start : lines[above].end].strip():
        above -= 1
    if above >= 0 and indent(above) >= depth:
        return []
    # the example runs on over blank lines while the blocks after them stay as deep and do
    # not read as prose
    j = last + 1
    while j < len(lines):
        s = text[lines[j].start : lines[j].end]
        if s.strip():
            end = run_end(j)
            if "\x1f" in s or min(indent(k) for k in range(j, end + 1)) < depth or prose(j, end):
                break
            last = j = end
        j += 1
    return [(CODE, first, last)]


def _prose_block(block: list[str]) -> bool:
    """True when the lines of a block read as filled prose (a quotation, a table item's
    paragraph), not as an example: it ends in a sentence's end, and its lines but the last
    are filled with words (five or more, no columns: no gap of three spaces); one line alone
    has eight words or more."""
    lines = [s.strip() for s in block if s.strip()]
    if not lines or not lines[-1].rstrip("\"')”’").endswith(_SENTENCE_END) or any(_GAP_RE.search(s) for s in lines):
        return False
    if len(lines) == 1:
        return len(lines[0].split()) >= 8
    return all(len(s.split()) >= 5 and len(s) >= 35 for s in lines[:-1])


def menu_entries(doc: "Document") -> frozenset[int]:
    """Indices of the lines of ``doc`` (an Info document) that are menu or index entries
    (``* Entry::   description``, ``* thunder:   Weather Phenomena.   (line 5)``): markup,
    as ``info_regions`` reads them, that a reader shows as the node's text."""
    text, kinds = doc.text, doc.line_kinds
    return frozenset(i for i, ln in enumerate(doc.lines)
                     if kinds[i] == MARKUP and text.startswith("* ", ln.start) and not _MENU_RE.match(text, ln.start))
