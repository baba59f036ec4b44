"""MediaWiki pages (wikitext: .wiki, .wikitext, .mediawiki, and a .txt that reads as
wikitext): prose regions from a real parser (mwparserfromhell).

A wikitext page is a text file (not walked by default: add ``*.wiki`` to ``include``;
a file named on the command line is read whatever its suffix; ``--fix`` rewrites it as
any text file), whose regions (``structure.regions_for``) come from here instead of the
plain-text guesses, so that the rules which read regions see the prose a reader of the
rendered page sees, and none of the markup around it:

* ``markup``: templates and parser functions (``{{Infobox ...}}``, ``{{cite web|...}}``,
  ``{{#if:...}}``: all of them, parameters included), template arguments (``{{{1}}}``),
  a link's target and brackets (``[[Paris|`` and ``]]`` of ``[[Paris|the capital]]``),
  file, category, interwiki and interlanguage links whole (``[[File:x.jpg|thumb|...]]``,
  ``[[Category:...]]``, ``[[de:...]]``), the quotes of bold and italics (``'''``,
  ``''``), list markers (``*``, ``#``, ``:``, ``;``), ``----``, heading markers (``==``),
  table syntax (``{|``, ``|-``, ``|``, ``||``, ``!``, ``|}`` and their attributes),
  the tags of the HTML MediaWiki allows (``<br />``, ``<small>``, ``<div ...>``:
  ``ALLOWED_TAGS``) with their attributes, extension tags whole (``<ref>...</ref>``,
  ``<references/>``, ``<nowiki>...</nowiki>``, ``<gallery>``: ``MARKUP_TAGS``),
  comments (``<!-- ... -->``), character references (``&nbsp;``, ``&ndash;``: the
  editors' syntax), magic words (``__TOC__``, ``#REDIRECT``).
* ``code``: ``<math>``, ``<chem>``, ``<syntaxhighlight>``, ``<source>``, ``<pre>``,
  ``<code>``, ``<score>``, ``<timeline>``, ``<graph>``, ``<hiero>`` (``CODE_TAGS``).
* ``url``: a bracketed external link's address (``[https://example.org label]``; a bare
  URL is shown as written: text).
* ``heading``: a heading's title (``== History ==``).
* ``table``: a table cell's content (walked for the markup inside it).
* prose: everything else: the text, a link's label (``the capital``), the title of a
  link without one (``[[Paris]]`` shows "Paris"), an external link's label, the content
  of bold, italics and allowed HTML elements.

Left as text, so that the artifact rules still see them: the tags MediaWiki does not
allow (``<a href=...>``, ``<img>``, ``<script>``, ``<font>`` is allowed: a page shows a
disallowed one as text, a leftover of the page's source: A106), a reference escaped
twice (``&amp;nbsp;`` renders as ``&nbsp;``), and, on a page whose wikitext was escaped
as a whole (an XML dump read without decoding: two or more ``&lt;ref&gt;``-like escaped
tags, ``escaped_page``), the references to ``<``, ``>``, ``&`` and ``"`` (A107).

A .txt (or .text) file is read as wikitext when it clearly is (``reads_as_wikitext``:
several links, and templates, headings or bold among them); one ``[[x]]`` in a plain
text is not enough. A data set's record (a JSONL or Parquet dump of wiki pages) is read
as wikitext with ``text-format = "wikitext"`` (``readers.base.TEXT_FORMATS``), and under
the default ``"auto"`` when this same sniff says so (``RecordDocument.suffix``).

Offsets: the parser gives no positions, but its tree prints back to the exact text it
read (``str(parse(text)) == text``); a node's offset is the length of what comes before
it. A page on which that does not hold, or on which the parser fails, or that leaves more
than ``UNCLOSED_MAX`` templates, links or elements open (the parser's time grows with them),
is read with the plain-text regions, as before this reader; so is every page when mwparserfromhell is
not installed (a dependency of corpuslint: only a broken install lacks it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..structure import CODE, HEADING, MARKUP, PROSE, TABLE, URL, Region, _flatten
from ..text.lazy_regex import lazy

if TYPE_CHECKING:
    from ..document import Document

from ..structure import WIKITEXT_SUFFIXES  # noqa: F401  (.wiki, .wikitext, .mediawiki)

# Extension tags and tags whose content is no prose of the page: markup whole (a
# footnote's text is the reference's, not the sentence's: ``<ref>`` sits inside words).
MARKUP_TAGS = frozenset({
    "ref", "references", "nowiki", "gallery", "templatedata", "templatestyles", "imagemap", "inputbox",
    "mapframe", "maplink", "categorytree", "charinsert", "indicator", "section", "noinclude", "includeonly",
    "onlyinclude", "langconvert", "ce-tree", "graph-data", "references-group",
})
CODE_TAGS = frozenset({"math", "chem", "ce", "syntaxhighlight", "source", "pre", "code", "score", "timeline",
                       "graph", "hiero", "kbd", "samp", "tt", "var"})
# HTML the MediaWiki sanitizer allows in wikitext (Sanitizer::getRecognizedTagData): the
# page's own syntax. Others (``<a>``, ``<img>``, ``<script>``) are shown as text.
ALLOWED_TAGS = frozenset({
    "abbr", "b", "bdi", "bdo", "big", "blockquote", "br", "caption", "center", "cite", "data", "dd", "del",
    "dfn", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "li", "mark",
    "ol", "p", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "small", "span", "strike", "strong", "sub", "sup",
    "table", "td", "th", "time", "tr", "u", "ul", "wbr", "poem", "meta", "link", "thead", "tbody", "tfoot",
})
_CELLS = frozenset({"td", "th", "caption"})
# A link whose target has one of these prefixes (lower case) is no link in the text: a
# file with its caption, a category, a page of another wiki or language.
NAMESPACES = frozenset({
    "file", "image", "media", "category", "template", "wikipedia", "wp", "help", "portal", "user", "talk",
    "special", "project", "module", "draft", "wiktionary", "wikt", "commons", "wikisource", "wikiquote",
    "wikibooks", "wikinews", "wikiversity", "wikivoyage", "wikidata", "meta", "mw", "species", "s", "q", "n",
    "b", "v", "d", "m", "c", "voy", "w",
    # the same in the languages of the wikis read most (de, fr, es, it, nl, af, pl, pt, ru)
    "datei", "bild", "kategorie", "vorlage", "fichier", "catégorie", "modèle", "archivo", "imagen", "categoría",
    "plantilla", "immagine", "categoria", "bestand", "categorie", "lêer", "beeld", "sjabloon", "plik", "grafika",
    "kategoria", "szablon", "ficheiro", "arquivo", "predefinição", "файл", "изображение", "категория", "шаблон",
})
_TABLE_LINE_RE = lazy(r"^[ \t]*\|(?:-+|\})[^\n]*", regex.MULTILINE)
_INDENTED_TABLE_RE = lazy(r"^:+(?=\{\|)", regex.MULTILINE)
_LANGUAGE_PREFIX_RE = lazy(r"[a-z]{2,3}(?:-[a-z]{2,8})*")
_MAGIC_WORD_RE = lazy(r"__[A-Z]{3,20}__|\A[ \t]*#(?i:redirect|weiterleitung|redirection)\b")
# A tag written escaped (``&lt;ref name=x&gt;``, ``&lt;/ref&gt;``, ``&lt;!--``): wikitext
# escaped as a whole when a page holds ``ESCAPED_TAGS`` of them.
_ESCAPED_TAG_RE = lazy(r"&lt;(?:/?[A-Za-z][A-Za-z0-9]*(?:\s[^&<>\n]{0,200})?/?&gt;|!--)")
ESCAPED_TAGS = 2
_ESCAPED_SYNTAX = frozenset("<>&\"")
# After "&amp;": the rest of a reference (escaped twice: ``&amp;nbsp;`` renders as ``&nbsp;``).
_ENTITY_BODY_RE = lazy(r"(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")

# -- the sniff of a .txt ---------------------------------------------------------

_LINK_RE = lazy(r"\[\[[^\[\]\n|{}]{1,200}(?:\|[^\[\]\n]{0,300})?\]\]")
_TEMPLATE_RE = lazy(r"\{\{[ \t]*[^\s{}|][^{}|\n]{0,100}(?:\||\}\}|\n)")
_HEADING_RE = lazy(r"^(={2,6})[ \t]*[^=\s][^\n]*?\1[ \t]*$", regex.MULTILINE)
_BOLD_RE = lazy(r"'''[^'\n]{1,200}'''")
# a table: "{|" opening a line, then a "|-" row line, then "|}" closing a line (``_has_table``)
_TABLE_PARTS = (lazy(r"^[ \t:]*\{\|", regex.MULTILINE), lazy(r"^[ \t]*\|-", regex.MULTILINE),
                lazy(r"^[ \t]*\|\}", regex.MULTILINE))
SNIFF_CHARS = 200_000
SNIFF_LINKS = 3


def reads_as_wikitext(text: str) -> bool:
    """True when a plain text (a .txt) is clearly wikitext: ``SNIFF_LINKS`` or more
    ``[[links]]``, and two of: templates (``{{...}}``, two or more), ``== heading ==``
    lines (two or more), bold (``'''x'''``), a table (``{|``, a ``|-`` row, ``|}``,
    each opening its line: a list page's table). Read in the first ``SNIFF_CHARS``
    characters. A text that names one ``[[x]]``, or writes links in another wiki
    notation, is not."""
    head = text[:SNIFF_CHARS]
    if "[[" not in head or sum(1 for _ in zip(range(SNIFF_LINKS), _LINK_RE.finditer(head))) < SNIFF_LINKS:
        return False
    signs = (sum(1 for _ in zip(range(2), _TEMPLATE_RE.finditer(head))) >= 2)
    signs += (sum(1 for _ in zip(range(2), _HEADING_RE.finditer(head))) >= 2)
    signs += _BOLD_RE.search(head) is not None
    if signs == 1 and "{|" in head:
        signs += _has_table(head)
    return signs >= 2


def _has_table(text: str) -> bool:
    """A table's opening line, a row line after it and a closing line after that (three
    searches, one after the other: linear in the text)."""
    pos = 0
    for part in _TABLE_PARTS:
        m = part.search(text, pos)
        if m is None:
            return False
        pos = m.end()
    return True


def escaped_page(text: str) -> bool:
    """True when the page's wikitext was escaped as a whole (its tags written as
    references: ``&lt;ref&gt;...&lt;/ref&gt;``, ``ESCAPED_TAGS`` or more), as an XML dump
    read without decoding its text writes it."""
    return "&lt;" in text and sum(1 for _ in zip(range(ESCAPED_TAGS), _ESCAPED_TAG_RE.finditer(text))) >= ESCAPED_TAGS


# -- the parser's cost ------------------------------------------------------------

# mwparserfromhell tries each opener it cannot close to the end of the text before it gives
# up on it: its time grows with (openers left open) x (length): 16 KB of "{{a|" took 4.5 s
# of CPU, 200 KB more than 10 minutes; 32 KB of "<small>a" 1 s. The 70 pages of fresh30's
# wiki folder leave none open. A page leaving more than ``UNCLOSED_MAX`` open is read as
# plain text (``wikitext_regions`` returns None).
UNCLOSED_MAX = 50
_PAIR_RE = lazy(r"\{\{|\}\}|\[\[|\]\]|^\{\||^\|\}|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/?)>|\[(?=[a-z]+://)|\]|\n",
                regex.MULTILINE)
_OPENERS = {"{{": "}}", "[[": "]]", "{|": "|}"}
_VOID = frozenset({"br", "hr", "wbr", "img", "meta", "link", "col", "area", "base", "input", "source", "track",
                   "references", "p", "li", "dd", "dt", "td", "th", "tr"})


def unclosed(text: str) -> int:
    """How many openers ``text`` leaves open: ``{{``, ``[[``, ``{|`` (at a line's start),
    an element's start tag (not one written alone: ``<br>``, ``<p>``), and an external
    link's ``[`` (closed on its line, or never), each without its closer after it."""
    open_: dict[str, int] = {}
    left = 0
    bracket = 0  # external links' "[" open on the current line
    for m in _PAIR_RE.finditer(text):
        token = m.group()
        if token == "\n":
            left += bracket
            bracket = 0
        elif token == "[":
            bracket += 1
        elif token == "]":
            bracket = max(bracket - 1, 0)
        elif token in _OPENERS:
            open_[token] = open_.get(token, 0) + 1
        elif token in ("}}", "]]", "|}"):
            opener = {"}}": "{{", "]]": "[[", "|}": "{|"}[token]
            open_[opener] = max(open_.get(opener, 0) - 1, 0)
        else:
            name = m.group(2).lower()
            if m.group(3) or name in _VOID:
                continue
            key = "<" + name
            open_[key] = open_.get(key, 0) + (-1 if m.group(1) else 1)
            open_[key] = max(open_[key], 0)
    return left + bracket + sum(open_.values())


# -- regions -------------------------------------------------------------------


def _namespaced(title: str) -> bool:
    """Is ``title`` (a link's target) a file, a category, another wiki's or language's
    page (``File:x.jpg``, ``Category:Poets``, ``de:Paris``, ``:fr:Paris``)?"""
    head, colon, _ = title.strip().lstrip(":").partition(":")
    if not colon:
        return False
    head = head.strip().lower()
    return head in NAMESPACES or _LANGUAGE_PREFIX_RE.fullmatch(head) is not None


def wikitext_regions(doc: "Document") -> list[Region] | None:
    """The regions of a wikitext page (see the module's docstring), or None when the
    parser is missing or fails on it (the caller falls back to plain-text regions)."""
    try:
        import mwparserfromhell
        from mwparserfromhell import nodes as N
    except ImportError:  # (a dependency of corpuslint: only a broken install lacks it)
        return None
    source = doc.text
    if unclosed(source) > UNCLOSED_MAX:
        return None  # (the parser's time grows with what is left open: see UNCLOSED_MAX)
    # a table indented in a definition list (":{|", United-Kingdom's rankings table): the
    # parser knows tables at a line's start only; each ":" is read as a line break (one
    # character for one: offsets kept) and painted markup below
    indents = [m.span() for m in _INDENTED_TABLE_RE.finditer(source)] if ":{|" in source else []
    parsed = source
    for start, end in indents:
        parsed = parsed[:start] + "\n" * (end - start) + parsed[end:]
    try:
        code = mwparserfromhell.parse(parsed, skip_style_tags=False)
    except Exception:  # (the parser is tolerant; a RecursionError on deep nesting is possible)
        return None
    if str(code) != parsed:  # (the offsets below are lengths of what the tree prints)
        return None
    escaped = escaped_page(source)
    painted: list[tuple[int, int, int, int, str]] = []

    def paint(depth: int, start: int, end: int, kind: str) -> None:
        if end > start:
            painted.append((depth, len(painted), start, end, kind))

    def walk(wikicode, pos: int, depth: int, ctx: str) -> int:
        """Paints the nodes of ``wikicode`` starting at offset ``pos``, in text of kind
        ``ctx`` (prose, a heading, a table cell); returns its end."""
        for node in wikicode.nodes:
            end = pos + len(str(node))
            visit(node, pos, end, depth, ctx)
            pos = end
        return pos

    def text(wikicode, at: int, depth: int, ctx: str) -> None:
        """``wikicode`` at ``at``, inside markup: text of kind ``ctx`` again, walked."""
        paint(depth, at, at + len(str(wikicode)), ctx)
        walk(wikicode, at, depth + 1, ctx)

    def visit(node, start: int, end: int, depth: int, ctx: str) -> None:
        if isinstance(node, N.Text):
            return  # text of the enclosing kind
        if isinstance(node, (N.Template, N.Argument, N.Comment)):
            paint(depth, start, end, MARKUP)
            return
        if isinstance(node, N.HTMLEntity):
            if node.normalize() in _ESCAPED_SYNTAX and escaped:
                return  # an escaped page's "&lt;ref&gt;", "&quot;": a leftover (A107), not the editors' syntax
            if str(node) == "&amp;" and _ENTITY_BODY_RE.match(source, end):
                return  # "&amp;nbsp;": a reference escaped twice, shown as "&nbsp;" on the page
            paint(depth, start, end, MARKUP)
            return
        if isinstance(node, N.Heading):
            paint(depth, start, end, MARKUP)
            text(node.title, start + node.level, depth + 1, HEADING)
            return
        if isinstance(node, N.Wikilink):
            paint(depth, start, end, MARKUP)
            title = str(node.title)
            if _namespaced(title):
                return  # a file with its caption, a category with its sort key, another language's page
            if node.text is None:
                paint(depth + 1, start + 2, start + 2 + len(title), ctx)  # "[[Paris]]" shows "Paris"
                return
            text(node.text, start + 2 + len(title) + 1, depth + 1, ctx)
            return
        if isinstance(node, N.ExternalLink):
            if not node.brackets:
                return  # a bare URL: shown on the page as it is written (text: A110 judges it)
            paint(depth, start, end, MARKUP)
            paint(depth + 1, start + 1, start + 1 + len(str(node.url)), URL)
            if node.title is not None:
                text(node.title, end - 1 - len(str(node.title)), depth + 1, ctx)
            return
        if isinstance(node, N.Tag):
            tag(node, start, end, depth, ctx)
            return
        paint(depth, start, end, MARKUP)  # (another node type: not prose)

    def tag(node, start: int, end: int, depth: int, ctx: str) -> None:
        name = str(node.tag).strip().lower()
        wiki = node.wiki_markup is not None
        closing = len(node.closing_wiki_markup or "") if wiki else len(f"</{node.closing_tag}>")
        contents = None if node.self_closing or node.contents is None else node.contents
        at = end - closing - len(str(contents)) if contents is not None else end
        if not wiki and name not in ALLOWED_TAGS and name not in MARKUP_TAGS and name not in CODE_TAGS:
            # a tag MediaWiki shows as text ("<a href=...>"): the artifact rules judge it
            if contents is not None:
                walk(contents, at, depth + 1, ctx)
            return
        if name in CODE_TAGS and not wiki:
            paint(depth, start, end, CODE)
            return
        paint(depth, start, end, MARKUP)
        if name in MARKUP_TAGS or contents is None:
            return
        if wiki and name in ("table", "tr"):
            walk(contents, at, depth + 1, ctx)  # (rows and cells: the cells' content is the table's text)
            return
        text(contents, at, depth + 1, TABLE if name in _CELLS else ctx)

    end = walk(code, 0, 0, PROSE)
    if end != len(source):
        return None
    for start, end in indents:
        paint(1 << 20, start, end, MARKUP)
    if "|-" in source or "|}" in source:
        # a table's row or end line outside a table the parser saw: a template opened the
        # table (Harry-McPherson's succession box, "{{s-start}}" ... "|-" ... "{{s-end}}");
        # painted under everything else
        for m in _TABLE_LINE_RE.finditer(source):
            paint(-1, m.start(), m.end(), MARKUP)
    for m in _MAGIC_WORD_RE.finditer(source):
        paint(1 << 20, m.start(), m.end(), MARKUP)
    return [r for r in _flatten(painted) if r.kind != PROSE]
