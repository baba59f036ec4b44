"""HTML pages (.html, .htm, .xhtml): prose regions from Python's HTML parser (html.parser).

An HTML page is a text file (not walked by default: add ``*.html`` to ``include`` or pass
``--include '*.html'``; a file named on the command line or by pre-commit is read
whatever its suffix), whose regions (``structure.regions_for``) come from here instead
of the plain-text guesses, so that the rules which read regions see what a browser shows
as text, and nothing of the markup around it:

* ``markup``: tags with their attributes (``<p class="x">``, ``</a>``), comments,
  the document type, processing instructions, CDATA sections, character and entity
  references (``&amp;``, ``&#160;``: HTML syntax, written so on purpose), and the whole
  ``<head>`` (its ``<title>`` is not on the page; it repeats the page's first heading).
* ``code``: the content of ``<script>``, ``<style>``, ``<template>``, ``<pre>``,
  ``<code>``, ``<kbd>``, ``<samp>``, ``<tt>``, ``<var>``, ``<textarea>``, ``<svg>`` and
  ``<math>``.
* ``heading``: the content of ``<h1>`` ... ``<h6>``.
* prose: everything else (text between tags, ``<p>``, ``<li>``, ``<td>``...).

The parser is tolerant; of what a browser does with broken markup, the end of elements
left open is modelled as HTML's tree construction does it: an end tag closes every element
opened inside its element (``<div><pre>...</div>`` ends the ``<pre>``: the rest of the page
is not code), a heading opened in a heading or any heading's end tag ends a heading, while
the formatting elements ``<code>`` and ``<tt>`` end only with their own end tag (a browser
reopens them after an end tag around them). A ``<`` that can never close is text
(``closable``). A page that makes the parser fail is read with plain-text regions, as
before this reader.

Offsets: ``HTMLParser.getpos()`` gives the (line, column) where each construct starts;
a construct ends where the next one starts, so the regions tile the text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from ..structure import CODE, HEADING, MARKUP, PROSE, Region

if TYPE_CHECKING:
    from ..document import Document

CODE_ELEMENTS = frozenset({"script", "style", "template", "pre", "code", "kbd", "samp", "tt", "var",
                           "textarea", "svg", "math", "listing", "xmp", "plaintext"})
HEADING_ELEMENTS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# elements that never hold anything (no end tag: nothing to close)
_VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
                            "param", "source", "track", "wbr"})
# formatting elements: an end tag of an element around them does not end them (a browser
# reopens them in the text that follows: HTML's "reconstruct the active formatting elements"),
# so only their own end tag closes them
_FORMATTING_CODE = frozenset({"code", "tt"})
# elements the head holds (an element of the body closes the head where </head> is missing)
_HEAD_ELEMENTS = frozenset({"head", "title", "meta", "link", "style", "script", "base", "noscript", "template"})


class _Walker(HTMLParser):
    """Records each construct's start offset and its kind: ``events`` holds
    (offset, kind) in text order, kind one of MARKUP, CODE, HEADING, PROSE."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        # (``getpos`` counts "\n" only; ``Document`` also ends lines at a lone "\r")
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.events: list[tuple[int, str]] = []
        self.open: dict[str, int] = {}  # element name -> how many are open (code and heading elements)
        self.stack: list[str] = []  # the open elements, outermost first (not void or formatting code ones)
        self.code = self.heading = 0  # how many code / heading elements are open
        self.in_head = False

    def _mark(self, kind: str) -> None:
        line, column = self.getpos()
        self.events.append((self.line_starts[line - 1] + column, kind))

    def _markup(self, *_) -> None:
        self._mark(MARKUP)

    # a reference, a comment, a declaration, a processing instruction, ``<br/>``: markup
    handle_entityref = handle_charref = handle_comment = handle_decl = handle_pi = unknown_decl = _markup
    handle_startendtag = _markup  # (``<br/>`` opens nothing)

    def handle_data(self, data: str) -> None:
        self._mark(MARKUP if self.in_head else CODE if self.code else HEADING if self.heading else PROSE)

    def handle_starttag(self, tag: str, attrs) -> None:
        self._mark(MARKUP)
        if tag == "head":
            self.in_head = True
        elif self.in_head and tag not in _HEAD_ELEMENTS:
            self.in_head = False  # (a body element: the head was left unclosed)
        if tag in HEADING_ELEMENTS and self.stack and self.stack[-1] in HEADING_ELEMENTS:
            self._close(self.stack.pop())  # ("<h1>Title<h2>Part": a heading opened in a heading ends it)
        if tag in CODE_ELEMENTS or tag in HEADING_ELEMENTS:
            self.open[tag] = self.open.get(tag, 0) + 1
            self._count(tag, 1)
        if tag not in _VOID_ELEMENTS and tag not in _FORMATTING_CODE:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._mark(MARKUP)
        if tag == "head":
            self.in_head = False
        if tag in _FORMATTING_CODE:
            self._close(tag)
            return
        # An end tag closes its element and every element opened inside it (HTML's "any
        # other end tag", and the block ends such as </div>, </li>, </td>): "<div><pre>x</div>"
        # ends the <pre> too. An end tag of no open element closes nothing; </h2> ends any
        # open heading.
        same = HEADING_ELEMENTS if tag in HEADING_ELEMENTS else (tag,)
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth] in same:
                while len(self.stack) > depth:
                    self._close(self.stack.pop())
                break

    def _close(self, tag: str) -> None:
        if self.open.get(tag):  # (an end tag without its start tag closes nothing)
            self.open[tag] -= 1
            self._count(tag, -1)

    def _count(self, tag: str, step: int) -> None:
        if tag in CODE_ELEMENTS:
            self.code += step
        else:
            self.heading += step


def closable(text: str) -> str:
    """``text`` with the ``<`` of each construct that cannot close before the end of the
    text (after the last ``>``; a comment opener after the last ``-->``) turned into a
    space, offsets and lines kept. The parser reads such a ``<`` as text anyway, but
    CPython's html.parser before 3.11.13 / 3.12.11 (gh-135462) scans to the end of the
    text again from each one: 360 KB of ``<a href='`` took 147 s CPU, 160 KB of ``<!--``
    11 s; with this, milliseconds (linear)."""
    last = text.rfind(">")
    if "<" in text[last + 1 :]:
        text = text[: last + 1] + text[last + 1 :].replace("<", " ")
    after = text.rfind("-->")
    after = after + 3 if after >= 0 else 0
    if "<!--" in text[after:]:
        text = text[:after] + text[after:].replace("<!--", " !--")
    return text


def html_regions(doc: "Document") -> list[Region] | None:
    """The regions of an HTML page (see the module's docstring), or None when the parser
    fails on it (the caller falls back to plain-text regions)."""
    text = doc.text
    walker = _Walker(text)
    try:
        walker.feed(closable(text))
        walker.close()
    except Exception:  # (html.parser is tolerant; an AssertionError on odd declarations is known)
        return None
    events = walker.events
    regions: list[Region] = []
    for i, (start, kind) in enumerate(events):
        end = events[i + 1][0] if i + 1 < len(events) else len(text)
        if end <= start or kind == PROSE:
            continue
        if regions and regions[-1].kind == kind and regions[-1].end == start:
            regions[-1] = Region(regions[-1].start, end, kind)  # (a text run the parser split)
        else:
            regions.append(Region(start, end, kind))
    return regions


_MARKUP = frozenset({MARKUP})


def edits_markup(doc: "Document", edits) -> bool:
    """Would one of ``edits`` (``findings.Edit``) delete or rewrite a character other
    than white space inside ``doc``'s markup regions? (On an HTML page: a tag, a comment,
    a reference; white space between tags may go, and insertions are never refused.)"""
    text = doc.text
    return any(e.start < e.end and not text[e.start : e.end].isspace() and not doc.outside(e.start, e.end, _MARKUP)
               for e in edits)
