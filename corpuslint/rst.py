"""reStructuredText structure: the regions of a ``.rst`` document, from docutils' parse.

docutils (https://docutils.sourceforge.io/) parses the text into a doctree; nothing is
rendered, no transform runs, nothing outside the text is read (file insertion and the
``raw`` directive are off, no configuration file is read) and its messages go nowhere.
Every non-blank line is ``markup`` to start with (directive lines and options, section
over- and underlines, comments, targets, substitution definitions, field names, the
bodies of directives that docutils does not know); the text nodes are then painted over
it: paragraphs (in sections, lists, block quotes, field bodies, definitions, footnotes,
admonitions) are ``prose``, section titles and rubrics ``heading``, definition-list terms
``prose`` unless they carry a classifier (``source : str``: a parameter and its type), the paragraphs of a
table's cells ``table`` (the whole row line), literal, doctest and math blocks ``code``.
Inside a paragraph, inline literals (````x````) are ``code``, an embedded link target
(```text <https://x>`_``) is ``url``, and roles (``:ref:`x```, also those docutils does
not know: Sphinx's), default-role text (```x```), substitution, footnote and citation
references and inline targets are ``markup``.

docutils gives line numbers on block nodes only, and some of them point after the node
(a section title's is its underline); each text node is therefore located by its own
source text (``rawsource``), line by line, near the line docutils gives. A node that
cannot be located stays ``markup``.

Sphinx's directives are not docutils': stand-ins are registered (once, only for names
docutils and any loaded extension leave free) for the common ones whose body is reST
(``versionadded``, ``seealso``, ``glossary``, ``function``...: parsed as a container) or
code (``code-block``, ``sourcecode``...: a literal block). Any other unknown directive
is markup as a whole. A document docutils cannot parse (an exception, a line over its
line-length limit) is read as plain text (``structure.plain_text_regions``).
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from . import structure
from .structure import CODE, HEADING, MARKUP, PROSE, TABLE, URL, Region

if TYPE_CHECKING:
    from .document import Document

from .structure import RST_SUFFIXES  # noqa: F401  (".rst", ".rest")

# Line-break characters other than CR and LF: docutils splits lines at them
# (``str.splitlines``), corpuslint does not; each becomes a space for the parse.
_OTHER_BREAKS = str.maketrans({c: " " for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})

# Sphinx (and common extension) directives whose content is reStructuredText.
BODY_DIRECTIVES = (
    "seealso only centered hlist glossary "
    "tab tabs group-tab code-tab card dropdown grid grid-item grid-item-card tab-set tab-item "
    "describe object function class method staticmethod classmethod attribute property data "
    "exception decorator decoratormethod module currentmodule option envvar program cmdoption confval "
    "event setting index todo todolist directive role directive:option"
).split()
_DOMAINS = ("py", "c", "cpp", "js", "rst", "std", "http")
# Sphinx's version notes: a version, then an explanation (its first lines, up to a
# blank line, are the directive's second argument) and content, both reST.
VERSION_DIRECTIVES = (
    "versionadded versionchanged versionremoved deprecated version-added version-changed "
    "version-deprecated version-removed"
).split()
# ... and whose content is code.
CODE_DIRECTIVES = (
    "code-block sourcecode highlight literalinclude productionlist doctest testcode testoutput "
    "testsetup testcleanup ipython jupyter-execute prompt graphviz digraph mermaid plantuml"
).split()


@lru_cache(maxsize=1)
def _setup():
    """docutils' settings; registers the stand-in directives (once)."""
    from docutils import nodes
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Directive, Parser, directives

    class AnyOptions(dict):
        """Every option is accepted, its value kept as written."""

        def __contains__(self, key):
            return True

        def __getitem__(self, key):
            return directives.unchanged

    class Body(Directive):
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True
        option_spec = AnyOptions(any=directives.unchanged)

        def run(self):
            node = nodes.container()
            if self.content:
                self.state.nested_parse(self.content, self.content_offset, node)
            return [node]

    class Version(Body):
        required_arguments = 1
        optional_arguments = 1

        def run(self):
            out = []
            if len(self.arguments) > 1:
                text = self.arguments[1]
                inline, _messages = self.state.inline_text(text, self.lineno)
                para = nodes.paragraph(text, "", *inline)
                para.line = self.lineno + 1
                out.append(para)
            return out + Body.run(self)

    class Code(Body):
        def run(self):
            text = "\n".join(self.content)
            node = nodes.literal_block(text, text)
            node.line = self.content_offset + 1
            return [node] if self.content else []

    def free(name: str) -> bool:
        return name not in directives._directives and name not in directives._directive_registry

    for names, cls in ((BODY_DIRECTIVES, Body), (VERSION_DIRECTIVES, Version), (CODE_DIRECTIVES, Code)):
        for name in names:
            for full in [name] + [f"{d}:{name}" for d in _DOMAINS]:
                if free(full):
                    directives.register_directive(full, cls)
    settings = get_default_settings(Parser)
    settings.report_level = 5  # no message is written
    settings.halt_level = 5  # nor stops the parse
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = False  # include, csv-table :file:/:url:, figure sizes
    settings.raw_enabled = False
    settings.input_encoding = "unicode"
    settings.debug = False
    settings.traceback = True  # (exceptions reach rst_regions, which falls back to plain text)
    return settings


def parse(text: str):
    """docutils' doctree of ``text`` (no transform applied); raises on a failed parse."""
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    settings = _setup()
    document = new_document("<corpuslint>", settings.copy())
    document.reporter.stream = None  # (messages are nodes of the tree, never written)
    Parser().parse(text, document)  # (a parser per call: it keeps state while it parses)
    return document


def too_long(source: list[str]) -> bool:
    """Does a line exceed docutils' line-length limit (10,000)? Its parse would stop at
    once (a guard against quadratic inline parsing): the text is read as plain text."""
    limit = _setup().line_length_limit
    return any(len(s) > limit for s in source)


def rst_regions(doc: "Document") -> list[Region]:
    """Regions of a reStructuredText document (see the module docstring)."""
    lines = doc.lines
    source = [doc.line_text(ln).translate(_OTHER_BREAKS) for ln in lines]
    if too_long(source):
        return structure.plain_text_regions(doc)
    try:
        tree = parse("\n".join(source))
    except Exception:  # docutils on input it cannot parse: read as plain text
        return structure.plain_text_regions(doc)
    from docutils import nodes

    painted: list[tuple[int, int, int, int, str]] = []

    size = len(doc.text)

    def paint(layer: int, start: int, end: int, kind: str) -> None:
        end = min(end, size)  # (a span located in tab-expanded source stops at the text's end)
        if end > start:
            painted.append((layer, len(painted), start, end, kind))

    # Each run of non-blank lines is markup, its inner line endings too, and so are the
    # blank lines before an indented line (inside a directive's body, a comment, a
    # literal block: a tag or comment across them is one span of markup).
    run = None
    last = -1  # the last non-blank line
    for i, src in enumerate(source):
        if not src.strip():
            continue
        if run is not None and i > last + 1 and not src[:1].isspace():
            paint(0, lines[run].start, lines[last].end, MARKUP)
            run = None
        run = i if run is None else run
        last = i
    if run is not None:
        paint(0, lines[run].start, lines[last].end, MARKUP)
    containers: dict[str, set[int]] = {structure.LIST_ITEM: set(), structure.BLOCKQUOTE: set(),
                                       structure.HEADING_START: set()}
    doc.__dict__["_rst_containers"] = containers
    locator = _Locator([src.expandtabs(8).rstrip() if "\t" in src else src.rstrip() for src in source])
    for node in tree.findall(nodes.Element):
        kind = _BLOCK_KIND.get(type(node).__name__)
        if kind is None:
            continue
        if isinstance(node, nodes.literal_block) and isinstance(node.parent, nodes.system_message):
            continue  # an unknown directive, quoted by docutils' message: markup
        if isinstance(node, nodes.term) and any(isinstance(c, nodes.classifier) for c in node.parent.children):
            continue  # ``source : str | bytes`` (numpydoc parameters): a name and its type, markup
        if kind == PROSE and isinstance(node, nodes.title) and isinstance(node.parent, (nodes.section, nodes.topic)):
            kind = HEADING
        elif kind == PROSE and _in_table(node):
            kind = TABLE
        raw = node.rawsource if isinstance(node.rawsource, str) else ""
        parts = raw.split("\n")
        while parts and not parts[-1].strip():
            parts.pop()
        if not parts or not parts[0].strip():
            continue
        found = locator.find(parts, node.line, anywhere=kind == TABLE)
        if found is None:
            continue
        if kind == HEADING:
            containers[structure.HEADING_START].add(found)
        elif kind == PROSE:
            for name, where in _containers(node):
                containers[where].update(range(found, found + len(parts)))
        if kind == CODE:  # whole lines, with their inner line endings (as a fenced block)
            last = found + len(parts) - 1
            paint(1, lines[found].start, lines[last].end, CODE)
            continue
        starts: list[tuple[int, int]] = []  # (rawsource offset, document offset) per line
        offset = 0
        for j, part in enumerate(parts):
            i = found + j
            src = source[i]
            at = src.rfind(part) if part.strip() else -1
            width = len(part.rstrip())
            if at < 0:  # not found as written (docutils expanded a tab): the line's own text
                at = len(src) - len(src.lstrip())
                width = len(src.rstrip()) - at
            line_start = lines[i].start
            starts.append((offset, line_start + at))
            offset += len(part) + 1
            if not src.strip():
                continue
            if kind == TABLE:
                paint(1, line_start + len(src) - len(src.lstrip()), lines[i].end, TABLE)
            else:
                paint(1, line_start + at, line_start + at + width, kind)
        if kind in (PROSE, HEADING, TABLE):
            _inline(node, raw, starts, paint)
    return structure._flatten(painted)


# Nodes whose text is located and painted (docutils class name -> kind).
_BLOCK_KIND = {
    "paragraph": PROSE, "title": PROSE, "subtitle": HEADING, "rubric": HEADING, "term": PROSE,
    "line": PROSE, "attribution": PROSE, "caption": PROSE,
    "literal_block": CODE, "doctest_block": CODE, "math_block": CODE,
}
# Inline nodes (docutils class name -> kind); others (emphasis, strong, a reference's
# text) are the paragraph's.
_INLINE_KIND = {
    "literal": CODE, "problematic": MARKUP, "title_reference": MARKUP, "substitution_reference": MARKUP,
    "footnote_reference": MARKUP, "citation_reference": MARKUP, "target": URL, "math": CODE,
    "abbreviation": MARKUP, "acronym": MARKUP, "subscript": MARKUP, "superscript": MARKUP,
}


def _containers(node):
    """(name, container kind) of the list items and block quotes holding ``node``."""
    from docutils import nodes

    parent = node.parent
    while parent is not None and not isinstance(parent, (nodes.section, nodes.document)):
        if isinstance(parent, nodes.list_item):
            yield "list_item", structure.LIST_ITEM
        elif isinstance(parent, nodes.block_quote):
            yield "block_quote", structure.BLOCKQUOTE
        parent = parent.parent


def rst_containers(doc: "Document") -> dict[str, set[int]]:
    """Line indexes (0-based) in list items and block quotes, and the first line of each
    section title (``structure.markdown_containers``' keys), from ``rst_regions``."""
    if "_rst_containers" not in doc.__dict__:
        doc.regions  # noqa: B018  (computes them)
    return doc.__dict__.get("_rst_containers") or {structure.LIST_ITEM: set(), structure.BLOCKQUOTE: set(),
                                                  structure.HEADING_START: set()}


def _in_table(node) -> bool:
    from docutils import nodes

    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.entry):
            return True
        if isinstance(parent, (nodes.section, nodes.document)):
            return False
        parent = parent.parent
    return False


# The embedded URI of a hyperlink reference, ``<https://...>`` before its closing "`__"
# (or "`_"), as docutils reads it: whitespace inside the angle brackets is no part of it.
_EMBEDDED_URI_RE = re.compile(r"<[^<>`]+>(?=`__?\Z)")


def _inline(node, raw: str, starts: list[tuple[int, int]], paint) -> None:
    """Paint the inline markup spans of the text node ``node`` (source text ``raw``)."""
    from docutils import nodes

    cursor = 0
    stack = list(reversed(node.children))
    while stack:
        child = stack.pop()
        if isinstance(child, nodes.Text) or not isinstance(child, nodes.Element):
            continue
        span = child.rawsource if isinstance(child.rawsource, str) else ""
        name = type(child).__name__
        kind = _INLINE_KIND.get(name)
        if kind is None and span.startswith(":") and "`" in span:
            kind = MARKUP  # a role docutils knows (``:pep:`8```, ``:emphasis:`x```)
        if name == "reference" and child.get("refuri") and (embedded := _EMBEDDED_URI_RE.search(span)):
            # an anonymous hyperlink ```text <https://...>`__``: docutils makes no target
            # node for it, so its embedded URI is painted here (the text stays prose)
            at = raw.find(span, cursor)
            if at >= 0:
                cursor = at + len(span)
                uri_at = at + embedded.start()
                paint(2, structure._to_source(starts, uri_at), structure._to_source(starts, uri_at + len(
                    embedded.group()) - 1) + 1, URL)
            continue
        if kind is None or not span.strip():
            stack.extend(reversed(child.children))
            continue
        if kind == URL:
            span = span.strip()
            if not span.startswith("<"):
                if span.startswith("_`"):
                    kind = MARKUP  # an inline target ``_`name```
                else:
                    continue
        at = raw.find(span, cursor)
        if at < 0:
            continue
        cursor = at + len(span)
        paint(2, structure._to_source(starts, at), structure._to_source(starts, cursor - 1) + 1, kind)


class _Locator:
    """Finds a text node's lines in the source: docutils' line number is near, not exact."""

    SLACK_BEFORE = 4
    SLACK_AFTER = 2
    SCAN = 400  # lines searched after the last node found, when the number is off

    def __init__(self, source: list[str]):
        self.source = source
        self.cursor = 0

    def matches(self, parts: list[str], i: int, anywhere: bool) -> bool:
        """Does each line of ``parts`` end source line ``i + j`` (or occur in it: a table cell)?"""
        source = self.source
        if i < 0 or i + len(parts) > len(source):
            return False
        for j, part in enumerate(parts):
            p = part.strip()
            if p and not (p in source[i + j] if anywhere else source[i + j].endswith(p)):
                return False
        return True

    def find(self, parts: list[str], line: int | None, anywhere: bool = False) -> int | None:
        """The index of the source line where ``parts`` start: the nearest to ``line``
        (1-based, docutils') within the slack, else the first after the last one found."""
        if line is not None:
            guess = line - 1
            for d in range(self.SLACK_BEFORE + 1):
                for i in (guess - d, guess + d) if d else (guess,):
                    if d <= (self.SLACK_BEFORE if i < guess else self.SLACK_AFTER) and self.matches(parts, i, anywhere):
                        self.cursor = i
                        return i
        for i in range(max(self.cursor - self.SLACK_BEFORE, 0), min(self.cursor + self.SCAN, len(self.source))):
            if self.matches(parts, i, anywhere):
                self.cursor = i
                return i
        return None
