"""Document structure: typed regions of a text (prose, heading, table, code, ...).

A rule says which kinds of region it checks (``Rule.regions``); the engine drops a
finding that lies wholly in regions of other kinds. Corpus and quality rules read
``Document.regions`` / ``Document.line_kinds`` / ``Document.masked`` to look at prose
only.

Markdown (``.md``, ``.markdown``) is parsed with markdown-it-py (CommonMark + GFM
tables and strikethrough + front matter, https://spec.commonmark.org/; extension
containers with mdit-py-plugins' ``container`` and ``admon`` plugins): block tokens
carry line maps, and inline positions (code spans, inline HTML, link destinations,
autolinks) are recorded while the inline parser runs, by wrapping its rules, so every
offset is exact. Subtitles (``.srt``, ``.vtt``) are parsed by ``corpuslint.subtitles``:
caption text is ``prose``; cue numbers and identifiers, timing lines, headers, ``NOTE`` /
``STYLE`` / ``REGION`` blocks and inline tags (``<i>``, ``<c.magenta>``, ``{\\an8}``) are
``markup`` (a malformed file is read as plain text). GNU Info (a manual, or one node of one,
recognised by its node headers) is read by ``corpuslint.info``: separators, headers, menus,
index markers are ``markup``, examples ``code``. Plain text has no markup; there
only lines that are evidently code (shell prompts with a command, lone braces, ``[...]``
elisions) become ``code``.

Region kinds (the strings below are the public API; plugins may use any of them):

==================  ==========================================================
``prose``           paragraph text, incl. inside list items and block quotes
``heading``         heading text (ATX or setext), without the ``#`` markers
``table``           GFM table rows: cells, pipes and the delimiter row
``code``            fenced and indented code blocks (with their fences), inline
                    code spans (with their backticks); in plain text, command
                    lines and lines of code punctuation
``html``            HTML blocks, inline HTML tags and HTML comments
``front-matter``    YAML/TOML front matter at the top of a Markdown file
``link-definition`` link reference definitions ``[id]: url "title"``
``url``             link and image destinations with their titles ``(url "t")``
                    or ``[ref]``, and autolinks ``<https://...>``
``markup``          Markdown syntax around text: list markers, ``>`` block-quote
                    prefixes, indentation, heading ``#`` signs and setext
                    underlines, thematic breaks; extension syntax: the opening
                    and closing lines of containers (``/// tip | Title`` ...
                    ``///``, ``!!! note``, ``::: warning`` ... ``:::``),
                    template spans (``{% include x %}``, ``{* x.py hl[9] *}``)
                    and attribute lists (``{ #recap }``)
==================  ==========================================================

Offsets are code points into ``Document.text`` (CR and BOM included). Text outside
every region (blank lines, line endings, and plain text outside code-like lines) has
no region and counts as prose for filtering.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Iterable

import regex

from .text.lazy_regex import lazy, lazy_re
from .text.lines import Literals, lines_holding

if TYPE_CHECKING:
    from .document import Document

PROSE = "prose"
HEADING = "heading"
TABLE = "table"
CODE = "code"
HTML = "html"
FRONT_MATTER = "front-matter"
LINK_DEFINITION = "link-definition"
URL = "url"
MARKUP = "markup"

ALL_REGIONS: frozenset[str] = frozenset(
    {PROSE, HEADING, TABLE, CODE, HTML, FRONT_MATTER, LINK_DEFINITION, URL, MARKUP}
)
# What a rule checks unless it says otherwise: written text, wherever it stands.
TEXT_REGIONS: frozenset[str] = frozenset({PROSE, HEADING, TABLE})

MARKDOWN_SUFFIXES = (".md", ".markdown")
RST_SUFFIXES = (".rst", ".rest")  # reStructuredText: corpuslint/rst.py (docutils)
SUBTITLE_SUFFIXES = (".srt", ".vtt", ".sbv")  # read by corpuslint.subtitles
TEX_SUFFIXES = (".tex", ".ltx")  # LaTeX: regions from corpuslint.readers.latex (pylatexenc)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")  # HTML: regions from corpuslint.readers.html (html.parser)
# MediaWiki pages: regions from corpuslint.readers.wikitext (mwparserfromhell); a .txt too
# when it reads as wikitext (``Document.is_wikitext``)
WIKITEXT_SUFFIXES = (".wiki", ".wikitext", ".mediawiki")


@dataclass(frozen=True, slots=True)
class Region:
    """``text[start:end]`` is of kind ``kind`` (one of the kinds above)."""

    start: int
    end: int
    kind: str
    # A plain-text ``code`` region that is one line of aligned columns alone in its block
    # (a man page's header or footer): not code quoted in the document (``Document.quotes_code``).
    aligned: bool = False


# -- Markdown -------------------------------------------------------------------

# Paint layers: a later layer wins where regions overlap (an inline code span inside
# a table cell is code; a link destination inside a list item is url).
# a container's fence lines are markup whatever the parser made of them
_BLOCK, _LINE, _INLINE, _FENCE = 0, 1, 2, 3


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from markdown_it.helpers import parseLinkLabel
    from mdit_py_plugins.admon import admon_plugin
    from mdit_py_plugins.container import container_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"inline_definitions": True}).enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    # Extension containers, read as blocks whose content is Markdown (their fence lines are
    # markup): Python-Markdown admonitions ``!!! note`` / ``??? note`` (indented content),
    # pymdownx Blocks ``/// tip | Title`` ... ``///`` (MkDocs), and ``:::`` containers
    # (MyST ``:::{note}``, Docusaurus ``:::tip``, VitePress ``::: warning``).
    md.use(admon_plugin)
    md.use(container_plugin, name=_SLASH_CONTAINER, marker="/", validate=_container_opener)
    md.use(container_plugin, name=_COLON_CONTAINER, marker=":", validate=_container_opener)
    for rule in md.block.ruler.__rules__:  # (tried on every line: look at its first character first)
        first = _CONTAINER_FIRST.get(rule.name)
        if first is not None:
            md.block.ruler.at(rule.name, _first_char_is(first, rule.fn), {"alt": list(rule.alt)})
    md.core.ruler.disable("inline")  # inline parsing runs per token in parse_markdown
    # (the spans are recorded while the inline rules run; the inline tokens themselves are
    # never read, so their post-processing, emphasis pairing and text joining, is skipped)
    md.inline.ruler2.disable(md.inline.ruler2.get_all_rules())

    def track(kind, fn, first, label_at=None):
        # (``fn`` fails at any character but ``first``: the link label is looked for only
        # where a link or image can open, not scanned ahead from every position tried)
        def rule(state, silent):
            start = state.pos
            if state.src[start] != first:
                return False
            label_end = -1
            if not silent and label_at is not None:
                label_end = parseLinkLabel(state, start + label_at, True)
            ok = fn(state, silent)
            if ok and not silent:
                spans = state.env.get("corpuslint_spans")
                if spans is not None:
                    if label_at is None:
                        spans.append((start, state.pos, kind))
                    elif label_end >= 0:  # [label](dest): only the destination part is a URL
                        spans.append((label_end + 1, state.pos, kind))
            return ok

        return rule

    md.inline.ruler.at("backticks", track(CODE, _rule_fn(md, "backticks"), "`"))
    md.inline.ruler.at("html_inline", track(HTML, _rule_fn(md, "html_inline"), "<"))
    md.inline.ruler.at("autolink", track(URL, _rule_fn(md, "autolink"), "<"))
    md.inline.ruler.at("link", track(URL, _rule_fn(md, "link"), "[", label_at=0))
    md.inline.ruler.at("image", track(URL, _rule_fn(md, "image"), "!", label_at=1))
    md.inline.ruler.before("backticks", "corpuslint_template", track(MARKUP, _template_span, "{"))
    return md


_SLASH_CONTAINER = "corpuslint_slash"
_COLON_CONTAINER = "corpuslint_colon"
_CONTAINER_OPEN = frozenset({f"container_{_SLASH_CONTAINER}_open", f"container_{_COLON_CONTAINER}_open"})
# A container opener names its kind: ``/// tip | Consejo``, ``:::{note}``, ``:::tip[Title]``,
# ``::: warning``; a bare ``///`` or ``:::`` only closes one.
_CONTAINER_NAME_RE = lazy_re(r"[ \t]*(?:\{[\w:.-]+\}|[A-Za-z][\w.-]*)")
# A line that closes a container: its marker characters only.
_CONTAINER_CLOSE_RE = lazy_re(r"[ \t]*(?:/{3,}|:{3,})[ \t]*$")


_CONTAINER_FIRST = {f"container_{_SLASH_CONTAINER}": frozenset("/"), f"container_{_COLON_CONTAINER}": frozenset(":"),
                    "admonition": frozenset("!?")}


def _first_char_is(chars: frozenset, fn):
    """A block rule ``fn`` tried only on lines whose first non-blank character is in ``chars``."""

    def rule(state, start_line: int, end_line: int, silent: bool) -> bool:
        pos = state.bMarks[start_line] + state.tShift[start_line]
        return state.src[pos : pos + 1] in chars and fn(state, start_line, end_line, silent)

    return rule


def _container_opener(params: str, *_markup) -> bool:
    return _CONTAINER_NAME_RE.match(params) is not None


# Template and extension spans inside a line, which no reader sees as text: Jinja / Liquid
# tags ``{% include x.html %}``, MkDocs include macros ``{* ../../docs_src/x.py hl[9] *}``,
# Hugo shortcodes ``{{< figure src="x" >}}``, and attribute lists ``{ #recap }``,
# ``{: .note }``, ``{#id .class key=value}`` (Python-Markdown attr_list, Pandoc, kramdown).
_TEMPLATE_RE = lazy_re(
    r"\{%[^\n]*?%\}|\{\*[^\n]*?\*\}|\{\{[<%][^\n]*?[>%]\}\}"
    r"|\{:?[ \t]*(?:[#.][\w:-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+))"
    r"(?:[ \t]+(?:[#.][\w:-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+)))*[ \t]*\}"
)


def _template_span(state, silent: bool) -> bool:
    if state.src[state.pos] != "{":
        return False
    m = _TEMPLATE_RE.match(state.src, state.pos, state.posMax)
    if m is None:
        return False
    if not silent:
        state.pending += m.group()
    state.pos = m.end()
    return True


def _rule_fn(md, name: str):
    for rule in md.inline.ruler.__rules__:
        if rule.name == name:
            return rule.fn
    raise LookupError(name)


def _block_tokens(doc: "Document") -> tuple[list, dict]:
    """(block tokens, env) of the Markdown parse of ``doc.text`` (the inline rule off),
    parsed once for ``markdown_regions`` and ``markdown_containers``: kept on the
    document until both have read them."""
    parsed = doc.__dict__.get("_block_tokens")
    if parsed is None:
        env: dict = {}
        parsed = doc.__dict__["_block_tokens"] = (_parser().parse(doc.text, env), env)
    return parsed


# Block tokens that only Markdown writes: a fenced code block, a table, an ATX heading.
# (Lists, emphasis, a setext underline or an indented block occur in plain text too.)
def looks_like_markdown(doc: "Document") -> bool:
    """True when ``doc.text`` parses (markdown-it-py, as ``markdown_regions`` does) to
    a fenced code block, a table or an ATX heading ("# Title"): what ``text-format =
    "auto"`` reads as Markdown. A "# ..." line is no heading when the plain-text reading
    calls it code (a root prompt: "# apt-get update") or it comments code (``_comments_code``:
    "# Disables the magic SysRq key" over "kernel.sysrq = 0"): a text whose only "headings"
    are these is plain. The parse is kept for ``markdown_regions`` when True."""
    text = doc.text
    if "```" not in text and "~~~" not in text and "|" not in text and "#" not in text:
        return False  # (none of the three without one of these)
    tokens, _ = _block_tokens(doc)
    headings: list[int] = []
    for token in tokens:
        if token.type == "fence" and _title_underline(doc, token):
            continue  # "Examples" / "~~~~~~~~": an AsciiDoc or reST title's underline, no fence
        if token.type == "fence" or token.type == "table_open":
            return True
        if token.type == "heading_open" and token.markup.startswith("#") and token.map:
            headings.append(token.map[0])
    if headings:
        # A "# ..." line that the plain-text reading calls code is a root prompt or a shell
        # comment, not a heading (harden-doc in a CSV cell: "# apt-get update", a script's
        # "# Make bind run with the user we defined"): such lines alone are no Markdown.
        regions = plain_text_regions(doc)
        plain = (regions, [r.start for r in regions])
        if any(not _in_code(plain, doc.lines[i].start) and not _comments_code(doc, plain, i)
               for i in headings if i < len(doc.lines)):
            return True
        doc.__dict__["regions"] = regions  # (read as plain text: ``Document.regions``, computed once)
    del doc.__dict__["_block_tokens"]
    return False


def _title_underline(doc: "Document", token) -> bool:
    """True when fence ``token`` opens on a line of tildes alone (no info string) right under
    a line of text as long (within 2 characters): an AsciiDoc or reST section title's
    underline (git-doc's "Examples" / "~~~~~~~~" in a dataset record), which markdown-it
    reads as a fence running to the end of the text."""
    if not token.map or not token.markup.startswith("~") or token.info.strip():
        return False
    row = token.map[0]
    if row == 0 or row >= len(doc.lines):
        return False
    here, above = (doc.text[doc.lines[i].start : doc.lines[i].end].strip() for i in (row, row - 1))
    return set(here) == {"~"} and bool(above) and not above.startswith("~") and abs(len(above) - len(here)) <= 2


# The line under a shell or configuration comment: a command (a known one, or a path to one:
# ``/usr/sbin/brctl addbr br0``, ``echo``), a setting (``kernel.sysrq = 0``), a test or
# redirection (``[ -z "$X" ] && X=y``, ``echo 1 > /proc/...``), a variable, a brace.
# (Not a Markdown link under a heading: "[Home](/)"; not a sentence comparing: "Apples > pears".)
_CODE_BELOW_RE = lazy(r"[ \t]*(?:\[(?![^\]\n]*\]\()|[{}()$]|[\w.-]+[ \t]*=[ \t]*\S[^ \t]*[ \t]*$"
                      r"|[a-z][\w./-]*(?:[ \t]+\S+)*?[ \t]+(?:&&|\|\||[<>]|2>|\|)[ \t])")


def _code_like(doc: "Document", plain: tuple, j: int) -> bool:
    """True when line ``j`` is code in ``plain`` (the plain-text reading), opens with a
    command's name or path (``/usr/sbin/brctl addbr br0``, ``fi``), or is code by
    ``_CODE_BELOW_RE``."""
    line = doc.text[doc.lines[j].start : doc.lines[j].end]
    return (_in_code(plain, doc.lines[j].start) or is_command_word(line.split(None, 1)[0])
            or _CODE_BELOW_RE.match(line) is not None)


def _next_code_side(doc: "Document", plain: tuple, index: int, step: int, blank: bool) -> bool:
    """True when, from line ``index`` in direction ``step`` (1 down, -1 up), past other
    "#" lines (and blank lines when ``blank``), the first line is ``_code_like``."""
    lines, text = doc.lines, doc.text
    j = index + step
    while 0 <= j < len(lines):
        stripped = text[lines[j].start : lines[j].end].strip()
        if not stripped:
            if not blank:
                return False
        elif not stripped.startswith("#"):
            return _code_like(doc, plain, j)
        j += step
    return False


def _comments_code(doc: "Document", plain: tuple, index: int) -> bool:
    """True when the "# ..." line ``index`` is a comment of a script or a configuration file,
    not a Markdown heading: one "#" (a Markdown level two or lower, "### Output:", is no
    comment), directly above (no blank line; other comments between) a line
    of code (``/usr/sbin/brctl addbr br0``, ``kernel.sysrq = 0``), or between two parts of a
    script ("fi" / "" / "# Modifier le script init.d" / "" / "# D'abord ..." / "if [ ! -f
    $INITDBAK ]")."""
    if _text_at(doc, index).lstrip().startswith("##"):
        return False  # "### Output:" over '["Apple", …]': a level a shell or Python comment does not write
    if _next_code_side(doc, plain, index, 1, False):
        return True
    return _next_code_side(doc, plain, index, -1, True) and _next_code_side(doc, plain, index, 1, True)


def _text_at(doc: "Document", index: int) -> str:
    """The text of line ``index`` of ``doc``."""
    return doc.text[doc.lines[index].start : doc.lines[index].end]


def _in_code(plain: tuple[list[Region], list[int]], pos: int) -> bool:
    """True when offset ``pos`` lies in a ``code`` region of ``plain`` (sorted regions, and
    their starts)."""
    regions, starts = plain
    i = bisect_right(starts, pos) - 1
    return i >= 0 and regions[i].kind == CODE and pos < regions[i].end


def markdown_regions(doc: "Document") -> list[Region]:
    """Regions of a Markdown document, non-overlapping and sorted by start."""
    md = _parser()
    tokens, env = _block_tokens(doc)
    if "_containers" in doc.__dict__:  # (the other reader of the parse is done)
        del doc.__dict__["_block_tokens"]
    lines = doc.lines
    n = len(lines)
    painted: list[tuple[int, int, int, int, str]] = []  # (layer, order, start, end, kind)

    def paint(layer: int, start: int, end: int, kind: str) -> None:
        if end > start:
            painted.append((layer, len(painted), start, end, kind))

    def line_span(first: int, last: int) -> tuple[int, int]:
        first, last = min(first, n - 1), min(max(last, first + 1), n)
        return lines[first].start, lines[last - 1].end

    block_kind = {
        "front_matter": FRONT_MATTER,
        "fence": CODE,
        "code_block": CODE,
        "html_block": HTML,
        "definition": LINK_DEFINITION,
        "hr": MARKUP,
        "table_open": TABLE,
    }
    container: str | None = None  # the open block whose inline token comes next
    for token in tokens:
        kind = block_kind.get(token.type)
        if kind is not None and token.map:
            paint(_BLOCK, *line_span(*token.map), kind)
            continue
        if (token.type in _CONTAINER_OPEN or token.type == "admonition_open") and token.map:
            # the opener line (``/// tip | Consejo``, ``!!! note "Title"``) is the container's
            # markup, its title a label; a closing fence line (``///``, ``:::``) too
            paint(_FENCE, *line_span(token.map[0], token.map[0] + 1), MARKUP)
            close = token.map[1]
            if token.type != "admonition_open" and close < n and _CONTAINER_CLOSE_RE.match(doc.line_text(lines[close])):
                paint(_FENCE, *line_span(close, close + 1), MARKUP)
            continue
        if token.type in ("heading_open", "paragraph_open") and token.map:
            container = HEADING if token.type == "heading_open" else PROSE
            paint(_BLOCK, *line_span(*token.map), MARKUP)  # markers; text is painted over
        elif token.type == "tr_open":
            container = TABLE
        elif token.type == "inline" and token.map:
            _inline(md, doc, token, env, container or PROSE, paint)
    return _flatten(painted)


def _inline(md, doc: "Document", token, env: dict, kind: str, paint) -> None:
    """Paint the text lines of one inline token and the inline spans inside it."""
    lines = doc.lines
    text = doc.text
    first = token.map[0]
    content = token.content
    # Each content line is its source line minus container prefixes and indentation
    # (and trailing whitespace on the last one): locate it from the right.
    starts: list[tuple[int, int]] = []  # (content offset, source offset) per content line
    offset = 0
    cursor = 0  # table cells: several cells share one line, search left to right
    for i, part in enumerate(content.split("\n")):
        if first + i >= len(lines):
            break
        line = lines[first + i]
        src = text[line.start : line.end]
        if kind == TABLE:
            at = src.find(part, cursor) if part else cursor
            cursor = at + len(part) if at >= 0 else cursor
        else:
            at = src.rfind(part) if part else len(src.rstrip())
        if at < 0:
            stripped = part.lstrip(" ")  # a tab partly consumed by indentation became spaces
            at = src.rfind(stripped) - (len(part) - len(stripped)) if stripped else -1
        at = max(at, 0)
        starts.append((offset, line.start + at))
        if kind != TABLE:
            paint(_LINE, line.start + at, line.start + at + len(part), kind)
        offset += len(part) + 1
    if not any(c in content for c in "`<[") and ("{" not in content or _TEMPLATE_RE.search(content) is None):
        return  # (no inline span: most paragraphs; API docs' "{string}" types are no template)
    spans: list = []
    inline_env = dict(env)
    inline_env["corpuslint_spans"] = spans
    md.inline.parse(content, md, inline_env, [])
    for s, e, span_kind in spans:
        paint(_INLINE, _to_source(starts, s), _to_source(starts, e - 1) + 1 if e > s else _to_source(starts, s), span_kind)


def _to_source(starts: list[tuple[int, int]], pos: int) -> int:
    lo = 0
    for i, (c, _) in enumerate(starts):
        if c <= pos:
            lo = i
        else:
            break
    c, s = starts[lo]
    return s + pos - c


def _flatten(painted: list[tuple[int, int, int, int, str]]) -> list[Region]:
    """Non-overlapping regions where the highest (layer, order) wins at each offset."""
    if not painted:
        return []
    bounds = sorted({p[2] for p in painted} | {p[3] for p in painted})
    by_start = sorted(painted, key=lambda p: p[2])
    heap: list[tuple[int, int, int, str]] = []  # (-layer, -order, end, kind)
    out: list[Region] = []
    j = 0
    for a, b in zip(bounds, bounds[1:]):
        while j < len(by_start) and by_start[j][2] <= a:
            layer, order, _, end, kind = by_start[j]
            heapq.heappush(heap, (-layer, -order, end, kind))
            j += 1
        while heap and heap[0][2] <= a:
            heapq.heappop(heap)
        if not heap:
            continue
        kind = heap[0][3]
        if out and out[-1].kind == kind and out[-1].end == a:
            out[-1] = Region(out[-1].start, b, kind)
        else:
            out.append(Region(a, b, kind))
    return out


LIST_ITEM = "list_item"
BLOCKQUOTE = "blockquote"
HEADING_START = "heading_start"
# the lines of a paragraph that it goes on after (all but its last): where a line break is
# inside the paragraph's inline content, so two trailing spaces are a hard line break
# (CommonMark 6.7); at a paragraph's last line, in a heading or code they are no break
PARAGRAPH_BREAKS = "paragraph_breaks"


def markdown_containers(doc: "Document") -> dict[str, frozenset[int]]:
    """Line indexes (0-based) from the parser's block tokens: lines inside list items
    and block quotes (lazy continuation lines included), and the first line of each
    heading (ATX or setext, even one whose text is all code: ``## `audit` ``), and the
    lines of a paragraph (a setext heading's text too) but its last (``PARAGRAPH_BREAKS``: a
    line ending there ends inside the inline content, where two trailing spaces are a hard
    line break): ``{"list_item": {...}, "blockquote": {...}, "heading_start": {...},
    "paragraph_breaks": {...}}`` (the last empty for reStructuredText); for
    reStructuredText the same from docutils' tree (``rst.rst_containers``: the lines of
    paragraphs in list items and block quotes, the first line of section titles). Empty
    sets for plain text. Cached per document."""
    cache = doc.__dict__.get("_containers")
    if cache is not None:
        return cache
    out: dict[str, set[int]] = {LIST_ITEM: set(), BLOCKQUOTE: set(), HEADING_START: set(), PARAGRAPH_BREAKS: set()}
    items: list[tuple[int, int, int]] = []  # (``markdown_list_items``)
    if doc.suffix in RST_SUFFIXES and doc.text:
        from .rst import rst_containers

        out.update(rst_containers(doc))
    elif doc.suffix in MARKDOWN_SUFFIXES and doc.text:
        tokens = _block_tokens(doc)[0]
        if "regions" in doc.__dict__:  # (``Document.regions``, the other reader of the parse, is done)
            del doc.__dict__["_block_tokens"]
        lists: list[int] = []  # (the open lists, innermost last: an item is its innermost list's)
        opened = 0
        for token in tokens:
            if token.type in ("bullet_list_open", "ordered_list_open"):
                lists.append(opened)
                opened += 1
            elif token.type in ("bullet_list_close", "ordered_list_close") and lists:
                lists.pop()
            elif token.type == "list_item_open" and token.map and lists:
                items.append((lists[-1], token.map[0], token.map[1]))
            if token.type == "heading_open" and token.map:
                out[HEADING_START].add(token.map[0])
                if token.markup in ("=", "-"):  # a setext heading: its text lines, the underline after
                    out[PARAGRAPH_BREAKS].update(range(token.map[0], token.map[1] - 2))
                continue
            if token.type == "paragraph_open" and token.map:
                out[PARAGRAPH_BREAKS].update(range(token.map[0], token.map[1] - 1))
                continue
            kind = {"list_item_open": LIST_ITEM, "blockquote_open": BLOCKQUOTE}.get(token.type)
            if kind is not None and token.map:
                out[kind].update(range(token.map[0], token.map[1]))
    doc.__dict__["_list_items"] = tuple(items)
    cache = doc.__dict__["_containers"] = {k: frozenset(v) for k, v in out.items()}
    return cache


def markdown_list_items(doc: "Document") -> tuple[tuple[int, int, int], ...]:
    """The items of a Markdown document's lists, from the parser's block tokens (read with
    ``markdown_containers``): (list, first line, end line) each, lines 0-based, the end
    exclusive (a blank line after the item may be in it), lists numbered in document
    order; an item of a nested list is its innermost list's. Empty for other text."""
    if "_list_items" not in doc.__dict__:
        markdown_containers(doc)
    return doc.__dict__.get("_list_items", ())


# -- plain text -------------------------------------------------------------------

# Shell commands that the documentation of a system shows after a prompt. A ``#``
# prompt (root) followed by one of these is a command line, not a Markdown heading.
COMMANDS = frozenset(
    """apt apt-get apt-cache apt-file apt-key aptitude dpkg dpkg-reconfigure dpkg-query debconf-show
    sudo su cd ls cat echo printf less more head tail grep egrep find xargs sed awk sort uniq wc cut tr
    cp mv rm mkdir rmdir ln touch chmod chown chgrp tar gzip gunzip bzip2 xz zip unzip git svn hg pip pip3
    python python3 perl ruby node npm npx yarn make cmake gcc cc ld ssh scp rsync sftp wget curl ping pwd
    whatis apropos
    traceroute dig host nslookup ip ifconfig iptables ip6tables nft route netstat ss systemctl service
    journalctl update-rc.d insserv invoke-rc.d mount umount fdisk parted mkfs fsck blkid lsblk df du free
    top ps kill killall nice renice crontab at useradd userdel usermod adduser deluser groupadd passwd
    chpasswd id whoami who w last ldd lsmod modprobe insmod rmmod depmod dmesg uname hostname hostnamectl
    locale localectl timedatectl date export source alias unset env set vi vim nano emacs ed man info
    mdadm lvcreate lvdisplay vgcreate vgdisplay pvcreate pvdisplay cryptsetup openssl gpg ssh-keygen
    docker podman kubectl virsh qemu-img lxc debootstrap reprepro dput debuild dch lintian sbuild pbuilder
    sha256sum sha1sum md5sum sha512sum b2sum base64 xxd od hexdump file stat tee chroot shutdown reboot
    halt poweroff exim postfix postconf postmap newaliases mail mutt smbclient net nmap tcpdump
    samba testparm a2enmod a2ensite a2dissite apache2ctl nginx squid ldapsearch ldapadd slappasswd
    mysql psql createdb createuser pg_dump mysqldump sqlite3 make-ssl-cert update-alternatives
    for while if then else fi do done case esac exit true false test read eval exec""".split()
)
# A prompt and a command; indentation may hold no-break spaces (text converted from
# HTML, as the Debian Reference in fortunes-zh: "\u00a0\u00a0\u00a0 $ chmod 0600 ...").
_PROMPT_RE = lazy(
    r"^[ \t\u00a0]*(?:[\w.@-]+(?::[^\s#$]*)?[#$%]|[#$%>])[ \t]+([\w.+/-]+)(?=\s|$)[^\n\r]*(?=\r?$)", regex.MULTILINE
)
# A line of code punctuation only: braces, brackets, ``[...]`` / ``[..]`` / ``(...)``
# elisions, statement ends, an empty prompt or comment (``$``, ``#``).
_CODE_PUNCT_LINE_RE = lazy(
    r"^[ \t]*(?:[{}()\[\];,'\"]+|[\[(]\s*(?:\.{2,}|…)\s*[\])]|\.{3}|…|[#$%]+)[ \t]*(?=\r?$)", regex.MULTILINE
)
# Configuration and code syntax: ``KEY=value``, a line ending in ``{`` or ``\``, or in
# ``;`` / ``}`` after an assignment, a variable or a call (``key = "x";``, ``f(x) {...}``).
_CONFIG_LINE_RE = lazy(
    r"^[ \t]*(?:[A-Za-z_][\w.-]*=[^\s=]\S*|[A-Z_][A-Z0-9_]*=[^\n\r]*|[^\n\r]*[^\s.!?؟][ \t]*[{\\]"
    r"|(?=[^\n\r]*?(?:\s=\s|=[\"'\d]|\$\w|\w\())[^\n\r]*[;}])[ \t]*(?=\r?$)",
    regex.MULTILINE,
)
# Columns: two or more inner gaps of 2+ spaces (command output, aligned tables).
_COLUMNS_LINE_RE = lazy(r"^[^\n\r]*\S(?: {2,}|\t)\S[^\n\r]*\S(?: {2,}|\t)\S[^\n\r]*(?=\r?$)", regex.MULTILINE)
# Machine lines: PGP/PEM armour, `word URL-or-path` (sources.list `deb https://...`),
# a Debian changelog trailer ` -- Name <e-mail>  Date` and header `package (version)
# distributions; urgency=medium` (the two lines dpkg-parsechangelog reads: deb-changelog(5)),
# a GNU ChangeLog entry's header `2007-10-04  Name  <e-mail>` (date, optional clock time and
# zone, name, e-mail address: GNU Coding Standards, "Style of Change Logs"; hunspell writes the
# address `<nemeth at OOo>` and ends the line with a colon).
_CHANGELOG_HEADERS = (
    r"[a-z0-9][a-z0-9+.-]+ \([^()\s]+\)(?:[ \t]+[\w.+/-]+)+;[ \t]*urgency=\w+[^\n\r]*"
    r"|\d{4}-\d\d-\d\d(?:[ \t]+\d{1,2}:\d\d(?::\d\d)?)?(?:[ \t]+[+-]\d{4})?[ \t]+[^<@\s][^<@\n\r]*?[ \t]+(?:<?[^<>\s@]+@[^<>\s]+>?|<[^<>@\s]+ at [^<>@\s]+>):?"
)
_MACHINE_LINE_RE = lazy(
    r"^[ \t]*(?:-----(?:BEGIN|END) [A-Z0-9 ]+-----| -- [^<\n\r]+<[^>\s]+@[^>\s]+>  \S[^\n\r]*"
    rf"|{_CHANGELOG_HEADERS}"
    r"|[a-z][\w.-]*[ \t]+(?:[a-z][\w+.-]*://|/)\S*(?:[ \t][^\n\r]*)?)[ \t]*(?=\r?$)",
    regex.MULTILINE,
)
_CHANGELOG_HEADER_RE = lazy(rf"^[ \t]*(?:{_CHANGELOG_HEADERS})[ \t]*$", regex.MULTILINE)
# A release's heading in release notes or NEWS (``Changes in version 2.1.12-stable (05 Jul 2020)``,
# ``* Noteworthy changes in release 1.21.3``, ``* Changes in Wget 1.21``, ``Version 6.1 - December 19,
# 2022``, ``## version 5.1.9:``, zstd's ``v1.5.4 (Feb 2023)``) or the first line of a ``git log`` entry
# (``commit 0b120e37be8ed44188b3497bf02db48e9cf638bc``).
_RELEASE_HEADING_RE = lazy(
    r"(?im)^[ \t]*(?:(?:#{1,6}|\*{1,3})[ \t]+)?(?:(?:(?:noteworthy|user-visible|major)[ \t]+)?changes[ \t]+(?:in|for)[ \t]+"
    r"(?:version|release|\w+)|version|release)[ \t]+v?\d+(?:\.\d+)+|^v?\d+(?:\.\d+)+[ \t]+\([^()\n]*\d{4}\)[ \t]*$"
    r"|^commit [0-9a-f]{40}$"
)


def is_changelog(doc: "Document") -> bool:
    """True when ``doc`` holds an entry header of a Debian changelog (``dash
    (0.5.11+git20210903+057cd650a4ed-3) unstable; urgency=medium``) or of a GNU ChangeLog
    (``2007-10-04  Herbert Xu  <herbert@gondor.apana.org.au>``), a release's heading in release
    notes (``Changes in version 2.1.12-stable``, ``Version 6.1 - December 19, 2022``) or a
    ``git log`` entry's ``commit <40 hex digits>`` line: a change log, whose commit ids, key
    fingerprints and file names are what it records. Asked once a document."""
    cached = doc.__dict__.get("_is_changelog")
    if cached is None:
        cached = doc.__dict__["_is_changelog"] = any(
            True for _ in _line_matches(_CHANGELOG_HEADER_RE, doc.text, _CHANGELOG_HEADER_TRIGGER)
        ) or _RELEASE_HEADING_RE.search(doc.text) is not None
    return cached
# What every line each of the three patterns above matches contains: a line without it
# is not tried (``_line_matches``); most prose lines have none.
# (literal strings, found by ``str.find``: ~10x faster than a pattern over prose)
_CONFIG_TRIGGER_RE = Literals("=", ";", "{", "}", "\\")
_COLUMNS_TRIGGER_RE = Literals("  ", "\t")
_MACHINE_TRIGGER_RE = Literals("/", "-----", "@", "urgency=")
_CHANGELOG_HEADER_TRIGGER = Literals("@", "urgency=", " at ")  # (what each change log's header holds)


# Longest line the configuration and column patterns are tried on (~10 ms at worst):
# they backtrack quadratically on one long line (2.9 s CPU for 224 k characters).
MAX_PATTERN_LINE = 10_000
_CONFIG_HINT_RE = lazy(r"\s=\s|=[\"'\d]|\$\w|\w\(")
_ASSIGNMENT_RE = lazy(r"[A-Za-z_][\w.-]*=[^\s=]\S*")
_UPPER_ASSIGNMENT_RE = lazy(r"[A-Z_][A-Z0-9_]*=")


def _long_config_line(line: str) -> bool:
    """``_CONFIG_LINE_RE``'s test on one line, in linear time, for lines over
    ``MAX_PATTERN_LINE`` (minified code): an assignment (``name=value`` alone,
    ``UPPER=anything``), a line ending in ``{`` or ``\\`` after something other than a
    sentence's end, or one ending in ``;`` or ``}`` that holds ``x = y``, ``="``, ``$x``
    or ``f(``."""
    if line.endswith("\r"):  # a CRLF line's end: not part of the line (``\r?$`` in the pattern)
        line = line[:-1]
    if "\r" in line:  # the pattern's lines hold no other carriage return
        return False
    body = line.rstrip(" \t")
    head = body.lstrip(" \t")
    if _ASSIGNMENT_RE.fullmatch(head) or _UPPER_ASSIGNMENT_RE.match(head):
        return True
    last, before = body[-1:], body[:-1].rstrip(" \t")[-1:]
    if last in ("{", "\\") and before and not before.isspace() and before not in ".!?؟":
        return True
    return last in (";", "}") and _CONFIG_HINT_RE.search(body) is not None


def _line_matches(pattern: regex.Pattern, text: str, trigger: regex.Pattern, long_line=None):
    """``(start, end)`` of the lines ``pattern`` matches whole, for a MULTILINE ``pattern``
    anchored at a line start (``^``) whose match never contains a newline, tried only on
    the lines where ``trigger`` (something each matching line holds) occurs
    (``text.lines.lines_holding``): the lines of ``pattern.finditer(text)``, in order. With
    ``long_line`` (a predicate on the line's text), a line longer than ``MAX_PATTERN_LINE``
    is tested by it instead of the pattern."""
    for start, end in lines_holding(text, trigger):
        if long_line is not None and end - start > MAX_PATTERN_LINE:
            if long_line(text[start:end]):
                yield start, end
        elif (m := pattern.match(text, start)) is not None:
            yield start, m.end()  # (a pattern ending ``(?=\r?$)`` stops before a CRLF line's CR)


# A syslog / journal line: a date (any locale: ``Apr  1``, `` 4月  1``, ``2015-04-01``),
# a clock time, a host and a program tag (``systemd[1]:``, ``sshd[424]:``, ``kernel:``).
_LOG_LINE_RE = lazy(
    r"^[ \t]*(?:\S+[ \t]+){1,3}\d{1,2}:\d\d:\d\d(?:[.,]\d+)?[ \t]+\S+[ \t]+[\w./-]+(?:\[\d+\])?:(?:[ \t][^\n\r]*)?(?=\r?$)",
    regex.MULTILINE,
)
# A line that is one inline code span: `tar cf {{path/to/file.tar}}` (tldr pages as text).
_BACKTICK_LINE_RE = lazy(r"^[ \t]*`[^`\n\r]+`[ \t]*(?=\r?$)", regex.MULTILINE)
# Record fields (Debian control files, LDIF, e-mail headers): `Field-Name: value`.
_FIELD_LINE_RE = lazy(r"^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*:(?:[ \t][^\n\r]*)?(?=\r?$)", regex.MULTILINE)
# INI files: a ``[section]`` line, or ``key = value`` (``sign-tags = true``).
_INI_LINE_RE = lazy(r"^[ \t]*(?:\[[\w .:\"/-]+\]|[A-Za-z_][\w.-]*[ \t]*=[ \t]*[^\s=][^\n\r]*)[ \t]*(?=\r?$)", regex.MULTILINE)
# A line holding one long token of base64 / hex (signatures, keys, checksums).
_DATA_LINE_RE = re.compile(r"^[ \t]*[A-Za-z0-9+/=]{32,}[ \t]*(?=\r?$)", re.MULTILINE)  # (ASCII only: re, faster)
_INDENTED_LINE_RE = lazy(r"^(?: {2,}|\t)\S[^\n\r]*(?=\r?$)", regex.MULTILINE)
# Drawn text with words in it: a line with box-drawing characters (a table ``│ps aux │ pager │``
# rendered for a terminal, a formula with ``─────`` fraction bars), or a table row
# between ASCII pipes (``| ls -l | list files |``).
_BOX_CHAR_RE = lazy(r"[\u2500-\u257f]")
_DRAWN_LINE_RE = lazy(
    r"^(?=[^\n\r]*\w)(?:[^\n\r]*[\u2500-\u257f][^\n\r]*|[^\S\n\r]*\|[^\n\r]*\|[^\S\n\r]*)(?=\r?$)", regex.MULTILINE
)
# A comment line; not a line of hashtags (``#كوريا #روسيا #عاجل``: scraped tag lists).
_COMMENT_LINE_RE = lazy(r"^[ \t]*(?!#\w+(?:[ \t]+#\w+)+[ \t]*\r?$)(?:#|//)[^\n\r]*(?=\r?$)", regex.MULTILINE)
_BLANK_LINE_RE = lazy(r"^[ \t]*(?=\r?$)", regex.MULTILINE)
# A script's first line: ``#!/bin/sh``, ``#! /usr/bin/env python3``.
_SHEBANG_RE = lazy(r"^[ \t\u00a0]*#![ \t]*/\S+[^\n\r]*(?=\r?$)", regex.MULTILINE)


# What a line ``_CODE_PUNCT_LINE_RE`` matches starts with, after blanks.
_CODE_PUNCT_FIRST = frozenset("{}()[];,'\".…#$%")


def _code_punct_lines(text: str):
    """``_CODE_PUNCT_LINE_RE.finditer(text)``, the pattern tried only at the starts of the
    lines whose first character after blanks can open a match (a Python test per line,
    not the regex engine's attempt at every offset), each from where the last match ended."""
    pos = done = 0
    for line in text.split("\n"):
        if pos >= done and line.lstrip(" \t")[:1] in _CODE_PUNCT_FIRST:
            m = _CODE_PUNCT_LINE_RE.match(text, pos)
            if m is not None:
                yield m
                done = m.end()
        pos += len(line) + 1


_LETTER_FIRST_RE = lazy(r"[ \t]*\p{L}")


def plain_text_regions(doc: "Document") -> list[Region]:
    """Code-like lines of a plain-text document, as ``code`` regions, and drawn
    tables (``_DRAWN_LINE_RE``) as ``table`` regions.

    Evidence, line by line: a prompt followed by a command (``# apt install x``,
    ``$ ls -l``), a line of code punctuation (``}``, ``[...]``, ``#``), configuration
    syntax (``KEY=value``, a line ending in ``{ } ;`` or ``\\``), aligned columns (two
    or more gaps of 2+ spaces; not on a line that justification stretched to the margin of
    a justified page, ``plain_justified_lines``: a man page's paragraph, whose words are set
    apart by the formatter's fill). Within a block (a run of non-blank lines) holding such
    a line, comment lines (``# ...``, ``// ...``) and indented lines are code too; a
    block of two or more comment lines, or of two or more indented lines, is code.
    A block that opens with a shebang line (``#!/bin/sh``) is a script, code throughout.
    One aligned line alone in its block (a man page's header or footer) is code, and so
    are the comment, indented and non-letter lines of its block, but not its lines of
    words; such a region is ``aligned`` and does not make the document quote code.
    A lone ``# Title`` line between paragraphs is left alone (it may be a Markdown
    heading left in the text, which A108 reports)."""
    text = doc.text
    if not text:
        return []
    starts = doc._line_starts

    def line_at(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    def index(m) -> int:
        return line_at(m.start())

    strong: set[int] = set()
    strong_prompts: list[int] = []
    if any(c in text for c in "#$%>"):
        strong_prompts = [index(m) for m in _prompt_matches(text) if _is_command(m)]
        strong.update(strong_prompts)
    strong.update(index(m) for m in _code_punct_lines(text) if m.group().strip())
    strong.update(line_at(a) for a, _ in _line_matches(_CONFIG_LINE_RE, text, _CONFIG_TRIGGER_RE, _long_config_line))
    # columns, unless the line is a sentence or long prose (a doubled space there is a slip;
    # a line over MAX_PATTERN_LINE characters is never 24 words or fewer of columns)
    columns = {
        line_at(a) for a, b in _line_matches(_COLUMNS_LINE_RE, text, _COLUMNS_TRIGGER_RE, lambda line: False)
        if not _is_sentence(text[a:b]) and len(text[a:b].split(None, 24)) <= 24
    }
    if columns:
        # ... nor a line that justification stretched to a justified page's margin: its gaps
        # are the formatter's fill between words, not columns (a man page rendered justified:
        # diff(1) in Ukrainian, "«ФАЙЛ  КАТАЛОГ».  Якщо  вказано  --from-file  чи  --to-file,  на  ФАЙЛИ";
        # a paragraph naming options shows it most, its long words leave wide gaps)
        from .families.whitespace._common import plain_justified_lines  # (a family helper: imported when asked)

        columns -= plain_justified_lines(doc)
    columns_only = columns - strong  # (before the machine, log and backtick lines join ``strong``)
    strong.update(line_at(a) for a, _ in _line_matches(_MACHINE_LINE_RE, text, _MACHINE_TRIGGER_RE))
    drawn: set[int] = set()  # table rows and drawings: table regions, not evidence of code
    if "|" in text or _BOX_CHAR_RE.search(text):
        drawn.update(index(m) for m in _DRAWN_LINE_RE.finditer(text))
    if ":" in text:
        strong.update(index(m) for m in _LOG_LINE_RE.finditer(text))
    if "`" in text:
        strong.update(index(m) for m in _BACKTICK_LINE_RE.finditer(text))
    prompts = set(strong_prompts)
    # a block opened by a shebang line is a script (``#!/bin/sh`` then ``echo "..." >&2``)
    shebangs = [index(m) for m in _SHEBANG_RE.finditer(text)] if "#!" in text else []
    strong.update(shebangs)
    weak = {index(m) for m in _COMMENT_LINE_RE.finditer(text)} if ("#" in text or "//" in text) else set()
    # indented short lines (indented prose, e.g. a licence's wrapped paragraphs, is prose)
    indented = {index(m) for m in _INDENTED_LINE_RE.finditer(text) if len(m.group().split(None, 6)) < 6} \
        if "  " in text or "\t" in text else set()  # (an indented line starts with two spaces or a tab)
    fields = [index(m) for m in _FIELD_LINE_RE.finditer(text)] if ":" in text else []
    if "=" in text or "[" in text:  # INI sections count as records too (gbp.conf, smb.conf)
        fields += [index(m) for m in _INI_LINE_RE.finditer(text)]
    data = [index(m) for m in _DATA_LINE_RE.finditer(text)]
    if not (strong or columns or weak or indented or fields or data or drawn):
        return []
    blanks = [index(m) for m in _BLANK_LINE_RE.finditer(text)]

    def block(i: int) -> int:
        return bisect_right(blanks, i)

    # Whole blocks of code: a transcript (starts with a prompt and a command), records
    # (two or more `Field: value` lines making up half the block), data (two or more
    # lines of one long base64/hex token), or a block half made of code lines. Lines
    # that read as sentences of prose stay prose.
    n = len(doc.lines)

    def bounds(b: int) -> tuple[int, int]:
        first = blanks[b - 1] + 1 if b > 0 else 0
        last = blanks[b] if b < len(blanks) else n
        return first, last

    # One aligned line (a man page's header or footer "GNU coreutils 9.0      Eylül 2021
    # LS(1)") is column layout, not code: it is code itself (and so are comment and
    # indented lines in its block, its output: "udp  0  0 0.0.0.0:68  ..." then
    # "    Rebuild Status : 13% complete"), but it does not make the other lines of its
    # block code unless another aligned line or other evidence of code is in the block.
    # fresh13: such a line hid the next line's doubled word and doubled space (S104, W103).
    columns_only -= strong - columns  # (a line that is also code by other evidence)
    per_columns: dict[int, int] = {}
    for i in columns_only:
        per_columns[block(i)] = per_columns.get(block(i), 0) + 1
    lone_columns = {i for i in columns_only if per_columns[block(i)] == 1}
    # ... and a lone line whose gaps are all two spaces is no column layout at all: a line
    # of prose with two doubled spaces ("this is  a new sentence  and it is written .",
    # fresh27: W103, W114 and W120 skipped it). Column evidence is a wider gap or a tab
    # (a man page footer's, a zone file's), or two such lines in one block (``df`` output).
    # (a line with a sign of code or of a log record stays: SELinux's "avc:  denied  { read write }
    # for  pid=1876 ...")
    lone_columns -= {i for i in lone_columns if only_two_space_gaps(line := doc.line_text(doc.lines[i]))
                     and not _CODE_SIGN_RE.search(line)}
    strong.update(i for i in columns if i not in columns_only or per_columns[block(i)] > 1 or i in lone_columns)
    spreading = strong - lone_columns  # strong lines that speak for their block
    def half_code(group, minimum: int) -> set[int]:
        per: dict[int, int] = {}
        for i in group:
            per[block(i)] = per.get(block(i), 0) + 1
        return {b for b, count in per.items()
                if count >= minimum and 2 * count >= bounds(b)[1] - bounds(b)[0]}

    votes: dict[int, int] = dict.fromkeys(sorted(half_code(fields, 2) | half_code(data, 2) | half_code(spreading, 1)), 1)
    # A block half code only with its lone aligned line: its lines that open with no letter
    # are code too (a zone file's "; 192.168.3.1 -> pau" above "1.3   IN   PTR   pau."),
    # its lines of words are not ("yeni satir ve ve hata  burada" under a man page footer).
    aligned_votes = half_code(strong, 1) - set(votes)
    whole: set[int] = set()
    for i in prompts:
        first, last = bounds(block(i))
        if first == i:
            votes[block(i)] = 1
        else:
            # a prompt inside a block: the lines after it, to the end of the block,
            # are that command's output (``# journalctl -u ssh.service`` then log lines)
            whole.update(j for j in range(i + 1, last) if not _is_sentence(doc.line_text(doc.lines[j])))
    for i in shebangs:
        if bounds(block(i))[0] == i:
            votes[block(i)] = 1
    for b in votes:
        first, last = bounds(b)
        whole.update(i for i in range(first, last) if not _is_sentence(doc.line_text(doc.lines[i])))
    for b in aligned_votes:
        first, last = bounds(b)
        whole.update(i for i in range(first, last) if not _is_sentence(doc.line_text(doc.lines[i]))
                     and _LETTER_FIRST_RE.match(doc.line_text(doc.lines[i])) is None)
    # Program output after a prompt runs on across blank lines ("Allocating group
    # tables: done", a tool's hard-wrapped messages). In a document whose paragraphs
    # are one long line each (no hard wrapping), the blocks after a transcript are
    # its output, up to the next long sentence (a prose paragraph) or a lead-in
    # ending in ":" that reads as prose (six words or more: "The LVs can then be used
    # exactly like standard partitions:"; "Complain-mode changes:" is the tool's).
    if prompts and unwrapped(doc):
        for b in sorted({block(i) for i in prompts}):
            nb = b + 1
            while nb <= len(blanks):
                first, last = bounds(nb)
                nb += 1
                if first >= last:
                    continue
                texts = [doc.line_text(doc.lines[i]) for i in range(first, last)]
                if any(len(t) > TRANSCRIPT_LINE_MAX and reads_as_prose(t) for t in texts) or (
                    texts[-1].rstrip().endswith((":", "：")) and reads_as_prose(texts[-1])
                ):
                    break
                whole.update(range(first, last))

    strong_blocks = {block(i) for i in strong}  # (an indented line under an aligned one is its output)
    weak_count: dict[int, int] = {}
    for i in weak:
        weak_count[block(i)] = weak_count.get(block(i), 0) + 1
    indent_count: dict[int, int] = {}
    for i in indented:
        indent_count[block(i)] = indent_count.get(block(i), 0) + 1
    code = set(strong) | whole
    for i in weak:
        b = block(i)
        if b in strong_blocks or weak_count[b] >= 2 or indent_count.get(b, 0) >= 1:
            code.add(i)
    for i in indented:
        b = block(i)
        if b in strong_blocks or indent_count[b] >= 2 or weak_count.get(b, 0) >= 1:
            code.add(i)
    lines = doc.lines
    out: list[Region] = []
    for i in sorted(code | drawn):
        line = lines[i]
        kind = CODE if i in code else TABLE
        alone = i in lone_columns and i not in whole
        if line.end > line.start:
            if (out and out[-1].kind == kind and out[-1].aligned == alone
                    and out[-1].end + len(lines[i - 1].newline) == line.start):
                out[-1] = Region(out[-1].start, line.end, kind, alone)  # consecutive lines of a kind: one region
            else:
                out.append(Region(line.start, line.end, kind, alone))
    return out


# A transcript's output lines are terminal-width; a prose paragraph written as one
# line is longer. A document is unwrapped when UNWRAPPED_LINES lines exceed LONG_LINE.
TRANSCRIPT_LINE_MAX = 100
LONG_LINE = 160
UNWRAPPED_LINES = 3


def unwrapped(doc: "Document") -> bool:
    """True when the document writes paragraphs as single long lines (not hard-wrapped)."""
    count = 0
    for line in doc.lines:
        if line.end - line.start > LONG_LINE:
            count += 1
            if count >= UNWRAPPED_LINES:
                return True
    return False


# A line of a chat log (IRC, a messenger export), as a log or a fortune quotes it: an optional
# time stamp ("[19:33]", "19:36:33", "08:49.31|", "Jul 09 21:28:25"), the speaker's nick in
# angle brackets (IRC's mode sign inside: "<@djrzulf>", "< dF99>"), then what they said; or,
# after a time stamp, an action ("13:56  * drzewko wlasnie ...") or a server notice ("-!-").
_CHAT_STAMP = r"(?:\[?\d{1,2}:\d{2}(?:[:.]\d{2})?\]?\|?|\p{L}{3}[ \t]+\d{1,2}[ \t]+\d{1,2}:\d{2}(?::\d{2})?)[ \t]+"
CHAT_LINE_RE = lazy(
    rf"^(?:{_CHAT_STAMP})?(?P<nick><[ @+%~&]?[^\s<>/=\"']{{1,30}}>)[ \t]+\S|^{_CHAT_STAMP}(?:\*[ \t]+\S|-!-[ \t])",
    regex.MULTILINE,
)
CHAT_LINES = 3  # chat lines a document holds when it quotes a chat log
# A quotation's attribution on a line of its own: "\t\t-- Mark Twain", "— Hafez",
# "    --《论语》学而", a fortune's "\t\t-- janoo" (a dash, then the name or source).
ATTRIBUTION_LINE_RE = lazy(r"[ \t]*(?:--|—|―)[ \t]*[\p{L}\p{N}《「『“\"'(]")
# An IRC action without a time stamp, as fortunes quote them ("* Myxie needs an ircii addon
# that pipes teh command line through ispell :)", "* BenC wonders why ..."): a star, the nick,
# then a word in lower case. Read as the log's only in a document that quotes a chat log
# (``CHAT_LINES``), and only when the nick speaks elsewhere in it (``<Myxie>``) or the line
# stands in a block (lines between blank or ``%`` lines) holding a said line: a list item
# ("* Added tests") in such a document stays a list item.
_CHAT_ACTION_RE = lazy(r"^\*[ \t]+(?P<nick>[^\s<>*:,;.!?]{1,30})[ \t]+\p{Ll}", regex.MULTILINE)


def chat_log_lines(doc: "Document") -> frozenset[int]:
    """0-based indices of the lines of ``doc`` that are a chat log's (``CHAT_LINE_RE``: a
    speaker's nick or an action after a time stamp, IRC as fortunes-pl and fortunes-de quote
    it; and an action without one, ``_chat_actions``), when the document holds ``CHAT_LINES``
    or more of the former; else empty. Such a line
    is speech quoted verbatim, with the log's layout before it: what the speaker typed
    ("czy coś tkaiego ?"), not a slip of the text's writer; so are the indented lines under
    one (its speech wrapped). Kept on the document."""
    cache = doc.__dict__.get("_chat_log_lines")
    if cache is not None:
        return cache
    text = doc.text
    found: frozenset[int] = frozenset()
    if "<" in text or "*" in text or "-!-" in text:
        starts = doc._line_starts
        lines = {bisect_right(starts, m.start()) - 1 for m in CHAT_LINE_RE.finditer(text)}
        if len(lines) >= CHAT_LINES:
            rows = doc.lines
            lines |= _chat_actions(doc, lines)
            for i in sorted(lines):  # a said line wrapped: the indented lines under it are the speaker's
                j = i + 1
                while j < len(rows) and j not in lines and text[rows[j].start : rows[j].start + 1] in (" ", "\t") \
                        and text[rows[j].start : rows[j].end].strip():
                    lines.add(j)
                    j += 1
            found = frozenset(lines)
    doc.__dict__["_chat_log_lines"] = found
    return found


def _chat_actions(doc: "Document", said: set[int]) -> set[int]:
    """0-based indices of the lines of ``doc`` that are IRC actions without a time stamp
    (``_CHAT_ACTION_RE``) in a document whose chat log's lines are ``said``: the nick speaks
    in a said line, or a said line stands in the action's block (its lines up to a blank
    line or a fortune's ``%`` line either way). Linear in the lines."""
    text, rows, starts = doc.text, doc.lines, doc._line_starts
    nicks = set()
    for i in said:
        m = CHAT_LINE_RE.match(text, rows[i].start)
        if m is not None and m.group("nick") is not None:
            nicks.add(m.group("nick")[1:-1].lstrip(" @+%~&"))
    actions = {}
    for m in _CHAT_ACTION_RE.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i not in said:
            actions[i] = m.group("nick")
    if not actions:
        return set()
    block, blocks, speaking = 0, [], set()  # each line's block number; the blocks holding a said line
    for i, row in enumerate(rows):
        if text[row.start : row.end].strip() in ("", "%"):
            block += 1
        blocks.append(block)
        if i in said:
            speaking.add(block)
    return {i for i, nick in actions.items() if nick in nicks or blocks[i] in speaking}


_ARGS_RE = lazy(r"\s(?:--?[A-Za-z]|\+[A-Za-z]|[\w.~-]*/|[\w.-]+=|[|<>]\s)")
# A program name, not a word of a language: lower case with an inner hyphen, digit,
# dot or underscore (``aa-genprof``, ``a2enmod``, ``mkfs.ext4``, ``update-grub``).
_PROGRAM_NAME_RE = lazy(r"[a-z][a-z0-9]*(?:[-._][a-z0-9]+|[0-9][a-z0-9]*)+")


# What every _PROMPT_RE line holds: a prompt sign then a space or tab (``re``).
_PROMPT_TRIGGER_RE = lazy_re(r"[#$%>][ \t]")


def _prompt_matches(text: str):
    """``_PROMPT_RE.finditer(text)``, tried only at the start of the lines holding
    ``_PROMPT_TRIGGER_RE`` (its matches are whole lines; ``%`` is common in prose)."""
    for start, _end in lines_holding(text, _PROMPT_TRIGGER_RE):
        m = _PROMPT_RE.match(text, start)
        if m is not None:
            yield m


def _is_command(m) -> bool:
    """A prompt match whose word is a command: a known one, a path, a word shaped
    like a program name (``# aa-genprof dhclient``: lower case with an inner hyphen,
    digit, dot or underscore; a Markdown heading or a comment starts with a word of
    the language), or a lower-case word followed by options, paths or redirections
    (``# ldapvi -Y EXTERNAL``). A line that reads as a sentence is not a command."""
    word = m.group(1)
    if is_command_word(word):
        return True
    if _PROGRAM_NAME_RE.fullmatch(word) and not _is_sentence(m.group()):
        return True
    return bool(regex.fullmatch(r"[a-z][a-z0-9._-]*", word)) and bool(_ARGS_RE.search(m.group(), m.end(1) - m.start()))


_CODE_SIGN_RE = lazy(r"[={}<>|$\\\[\]]")
_GAP_RE = lazy(r"(?<=\S)[ \t]{2,}(?=\S)")


def only_two_space_gaps(line: str) -> bool:
    """Are all the gaps between words of ``line`` (runs of two or more blanks) exactly two
    spaces, no tab and no wider run: the shape of a typing slip, not of column layout?"""
    return all(m.group() == "  " for m in _GAP_RE.finditer(line))


def _is_sentence(line: str) -> bool:
    """12+ words ending in sentence punctuation: prose, even inside a block of code."""
    stripped = line.rstrip().rstrip("\u200e\u200f\u061c\"”»)'’")
    return stripped[-1:] in (".", "!", "?", "؟", "۔", "։", "。") and len(stripped.split(None, 12)) > 12


_WORD_RUN_RE = lazy(r"\S+")
_NO_SPACE_SCRIPT_RE = lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]{12}")


def reads_as_prose(line: str) -> bool:
    """True if a line reads as a sentence: 6+ words ending in sentence punctuation, or
    a long run of a script written without spaces. In plain text that quotes code,
    rules about spacing look only at such lines (``Consistency Policy : resync`` and
    ``OpenSSL 1.1.1k  25 Mar 2021`` are program output, not sentences)."""
    stripped = line.rstrip().rstrip("\u200e\u200f\u061c")
    if _NO_SPACE_SCRIPT_RE.search(stripped):
        return True
    return stripped[-1:] in _SENTENCE_END and len(_WORD_RUN_RE.findall(stripped, 0, 400)) >= 6


_SENTENCE_END = frozenset(".!?؟۔:؛。！？\"”»)")


def is_command_word(word: str) -> bool:
    """A known command name, or a path to one (``/usr/sbin/foo``, ``./configure``)."""
    return word in COMMANDS or word.startswith(("./", "/"))


# -- queries ----------------------------------------------------------------------


def regions_for(doc: "Document") -> list[Region]:
    if doc.suffix in MARKDOWN_SUFFIXES:
        return markdown_regions(doc)
    if doc.suffix in RST_SUFFIXES:
        from .rst import rst_regions

        return rst_regions(doc)
    if doc.suffix in TEX_SUFFIXES:  # LaTeX: corpuslint/readers/latex.py (pylatexenc; plain text if it fails)
        from .readers.latex import latex_regions

        found = latex_regions(doc)
        if found is not None:
            return found
    if doc.suffix in HTML_SUFFIXES:  # HTML: corpuslint/readers/html.py (html.parser; plain text if it fails)
        from .readers.html import html_regions

        found = html_regions(doc)
        if found is not None:
            return found
    if doc.is_wikitext:  # MediaWiki: corpuslint/readers/wikitext.py (mwparserfromhell; plain text if it fails)
        from .readers.wikitext import wikitext_regions

        found = wikitext_regions(doc)
        if found is not None:
            return found
    if doc.suffix in SUBTITLE_SUFFIXES:  # .srt, .vtt: corpuslint.subtitles (plain text if malformed)
        from .subtitles import Problem, subtitle_parse

        found = subtitle_parse(doc)
        if not isinstance(found, Problem):
            return found
    if doc.is_info:  # GNU Info (a .info, a .txt, a record holding a node): corpuslint.info
        from .info import info_regions

        return info_regions(doc)
    return plain_text_regions(doc)


def outside(regions: list[Region], starts: list[int], start: int, end: int, kinds: Iterable[str]) -> bool:
    """True if [start, end) lies wholly in regions whose kind is not in ``kinds``.

    A zero-width span is judged by the character at ``start``. Text outside every
    region counts as prose."""
    from bisect import bisect_right

    if not regions:
        return False
    end = max(end, start + 1)
    prose_ok = PROSE in kinds
    i = max(bisect_right(starts, start) - 1, 0)
    pos = start
    while pos < end:
        r = regions[i] if i < len(regions) else None
        if r is None or r.start > pos:  # unregioned text counts as prose
            if prose_ok:
                return False
            pos = r.start if r is not None else end
            continue
        if r.end <= pos:
            i += 1
            continue
        if r.kind in kinds:
            return False
        pos = r.end
        i += 1
    return True


# Verse: a block of at least three lines (up to a blank line) whose median line is short.
# Used by S104 (a doubled word), D101 and D103 (a refrain, two poems opening alike).
# Poems and lyrics repeat words as a device ("گر خطایی رفت رفت", "نفس نفس", "Bum bum bum",
# "a long long crawl"); hard-wrapped prose has lines of 60-80 characters.
VERSE_MIN_LINES = 3
VERSE_MEDIAN_CHARS = 48
# hard-wrapped prose: a block whose median line is longer reads as prose
PROSE_MEDIAN_CHARS = 60
BLANK_LINES_RE = lazy(r"\n[ \t\r]*\n")  # a blank line between two blocks (a CRLF one too: "\r\n\r\n")


def reach(text: str, pos: int, chars: int, forward: bool = False) -> int:
    """The offset ``chars`` characters before ``pos`` in ``text`` (after it, with
    ``forward``; clipped to the text), not counting the carriage returns of CRLF line endings
    on the way: a window around ``pos`` holds the same lines in a CRLF copy of a text as in
    its LF original (a line's "\r" is its ending, not its text). Without a "\r" in the
    window it is ``pos - chars`` (``pos + chars``)."""
    if forward:
        hi = min(len(text), pos + chars)
        while hi < len(text) and (new := min(len(text), pos + chars + text.count("\r", pos, hi))) != hi:
            hi = new
        return hi
    lo = max(0, pos - chars)
    while lo > 0 and (new := max(0, pos - chars - text.count("\r", lo, pos))) != lo:
        lo = new
    return lo


def in_verse(text: str, pos: int, median_chars: int = VERSE_MEDIAN_CHARS) -> bool:
    """True when ``pos`` (an offset into ``text``) lies in a block of verse: at least
    VERSE_MIN_LINES non-blank lines between blank lines whose median length (stripped, in
    characters; of its longest tab-separated column) is at most ``median_chars``
    (PROSE_MEDIAN_CHARS: a block of short lines that is not hard-wrapped prose). The block
    is looked for within 4,000 characters either side (``reach``: CRLF endings not counted)."""
    lo, hi = reach(text, pos, 4000), reach(text, pos, 4000, forward=True)
    starts = [m.end() for m in BLANK_LINES_RE.finditer(text, lo, pos)]
    after = BLANK_LINES_RE.search(text, pos, hi)
    end = after.start() if after else hi
    if text.count("\n", starts[-1] if starts else lo, end) + 1 < VERSE_MIN_LINES:
        return False  # fewer lines than a verse: the start of the first not looked for (a one-line file of 16 MB)
    start = starts[-1] if starts else (0 if lo == 0 else text.rfind("\n", 0, lo) + 1)
    # a song set in two columns separated by tabs: the verse lines are the columns
    lengths = sorted(max(len(c.strip()) for c in line.split("\t")) for line in text[start:end].split("\n") if line.strip())
    return len(lengths) >= VERSE_MIN_LINES and lengths[len(lengths) // 2] <= median_chars


# LaTeX: a line break in the source is no line of the page (TeX fills a paragraph), so short
# source lines ("\lr{BibTeX}" alone, a sentence broken after each clause) are not verse;
# TeX sets verse line by line inside a poem environment or where a line ends in "\\".
_TEX_POEM_RE = lazy_re(r"\\(begin|end)\{(?:verse|poem|poems|traditionalpoem|modernpoem|stanza)\*?\}")
_TEX_FORCED_BREAK_RE = lazy_re(r"\\\\(?:\[[^\]\n]*\])?[ \t]*(?:%.*)?\r?$", re.MULTILINE)


def latex_verse(text: str, pos: int, couplets: bool = False) -> bool:
    """``in_verse`` / ``in_stanzas`` (with ``couplets``) for a LaTeX source (``TEX_SUFFIXES``),
    whose source lines are not the page's: True when ``pos`` lies inside a poem environment
    (``verse``, ``poem``, xepersian's ``traditionalpoem`` and ``modernpoem``, ``stanza``), or
    in a block (between blank lines) of at least VERSE_MIN_LINES lines of which most end in
    a forced line break ``\\\\`` and which ``in_verse`` or ``in_stanzas`` reads as verse.
    A Persian manual's paragraph written one clause a source line (fresh38's
    lshort-persian, "بدون استفاده از بسته‌ی زی‌پرشن ...") is prose."""
    opened = False
    for m in _TEX_POEM_RE.finditer(text, reach(text, pos, 20000), pos):
        opened = m.group(1) == "begin"
    if opened:
        return True
    lo, hi = reach(text, pos, 4000), reach(text, pos, 4000, forward=True)
    starts = [m.end() for m in BLANK_LINES_RE.finditer(text, lo, pos)]
    after = BLANK_LINES_RE.search(text, pos, hi)
    start, end = (starts[-1] if starts else lo), (after.start() if after else hi)
    lines = sum(1 for line in text[start:end].split("\n") if line.strip())
    breaks = len(_TEX_FORCED_BREAK_RE.findall(text, start, end))
    if lines < VERSE_MIN_LINES or 2 * breaks < lines:
        return False
    return in_verse(text, pos) or in_stanzas(text, pos, couplets=couplets)


# Verse in couplets or short stanzas: blocks of two lines or more, three or more in a row
# (Hafez's ghazals one bayt a block; songs in two-line stanzas).
STANZAS_MIN_BLOCKS = 3
# A line of a couplet, for the spelling rules (S101, S104): a hemistich of Hafez has 20-40
# characters; a flattened key table's two-line blocks open with a one-letter key.
COUPLET_LINE_MIN_CHARS = 10
NOT_VERSE_CHAR_RE = lazy(r"[\p{N}\p{Sm}\p{So}]")  # a digit, "+", "←": a key or a number, not a verse line
VERSE_QUOTES = "\"'«»„“”‘’‚¿¡"


def in_stanzas(text: str, pos: int, median_chars: int = VERSE_MEDIAN_CHARS, couplets: bool = False) -> bool:
    """True when offset ``pos`` lies in a run of ``STANZAS_MIN_BLOCKS`` blocks or more (within
    4,000 characters) of two or more non-blank lines each, every line opening with a letter
    or a quotation mark (a verse line opens with a word: not markup, an option or code, as
    "\\begin{colorthemeexample}" / "\\themeauthor ..." in two-line LaTeX blocks), whose lines
    have a median length of at most ``median_chars``; with ``couplets`` (the spelling rules'
    test) each line also has ``COUPLET_LINE_MIN_CHARS`` characters or more and no digit or
    symbol (``NOT_VERSE_CHAR_RE``), so a shortcut table flattened into two-line blocks
    ("C" / "ضبط صفحه", "تغییر وضعیت بیشینگی" / "دگرساز+F10") is not verse: verse in couplets, which ``in_verse`` (a block of three lines or more) does not see. fortunes-de's "Ein
    Loch ist im Browser" is sung in two-line stanzas and closes on its first stanza."""
    lo, hi = reach(text, pos, 4000), reach(text, pos, 4000, forward=True)
    blocks, start = [], lo
    for m in BLANK_LINES_RE.finditer(text, lo, hi):
        blocks.append((start, m.start()))
        start = m.end()
    blocks.append((start, hi))
    at = next((i for i, (a, b) in enumerate(blocks) if a <= pos <= b), None)
    if at is None:
        return False
    # each block's non-blank lines, stripped, split when first asked: the block of ``pos``
    # first (a paragraph of prose is one line, no stanza: S101 asks this of each finding),
    # then outwards only while the blocks are stanzas
    lines: list[list[str] | None] = [None] * len(blocks)

    def stanza(i: int) -> bool:
        block = lines[i]
        if block is None:
            a, b = blocks[i]
            block = lines[i] = [x.strip() for x in text[a:b].split("\n") if x.strip()]
        return len(block) >= 2 and all((x[0].isalpha() or x[0] in VERSE_QUOTES) and (
            not couplets or len(x) >= COUPLET_LINE_MIN_CHARS and not NOT_VERSE_CHAR_RE.search(x)) for x in block)

    if not stanza(at):
        return False
    first = last = at
    while first > 0 and stanza(first - 1):
        first -= 1
    while last + 1 < len(lines) and stanza(last + 1):
        last += 1
    if last - first + 1 < STANZAS_MIN_BLOCKS:
        return False
    lengths = sorted(len(x) for x in chain.from_iterable(lines[first : last + 1]))
    return lengths[len(lengths) // 2] <= median_chars


# A printf or positional format placeholder: "%(count)s", "%s", "%r", "%d", "%1$s", "%.2f", "{0}".
# (A named brace is not one: Node's docs type a parameter as "{boolean}".)
PLACEHOLDER = r"(?:%(?:\(\w+\)|\d+\$)?[-+#0']?\d*(?:\.\d+)?(?:hh|ll|[hlLqjzZt])?[sdifuxXeEgGroc]|\{\d+\})"
_PLACEHOLDER_RE = lazy(PLACEHOLDER)
# A message catalogue: lines holding a placeholder are at least this many and this share
# of the non-blank lines.
CATALOGUE_MIN_LINES = 5
CATALOGUE_SHARE = 0.1


# Document kinds (``Document.kinds``; a rule skips the kinds in its ``skip_kinds``).
# MESSAGE: one software message, a translated string of a gettext catalogue (the .po
# reader's records: ``readers.po``). CATALOGUE: text made of such messages, one a line
# or paragraph (``looks_like_catalogue``: the strings of a .po file extracted as text).
# Either way short lines are interface labels, markup and placeholders the program's,
# and two messages translated alike are two entries, not a copy (``MESSAGES``); only a
# single message is too short to measure as a document or to compare with others.
MESSAGE = "message"
CATALOGUE = "catalogue"
MESSAGES = frozenset({MESSAGE, CATALOGUE})
# CHAT_MESSAGE: a dataset record that is one message of a conversation stored one message
# a record (a ``role``/``from``/``speaker`` field naming a known speaker beside its text:
# chatterbot, flattened OpenAI/ShareGPT data; ``readers.base.record_turn``). It is prose like any other, but not a whole example: the same reply in two
# conversations is not a repeated record (D107 compares whole records only).
CHAT_MESSAGE = "chat-message"
# NOTEBOOK_CELL: one cell of a Jupyter notebook (``readers.notebook``): a part of one
# document, the notebook, written around code. The same cell in two notebooks (a
# project's header cell, ``import`` lines) is a template, not a repeated record (D107),
# and one cell's length, line shape or share of words (a "## Setup" heading cell, a
# code cell) does not measure a document's quality (the quality plugin's Q104-Q111).
NOTEBOOK_CELL = "notebook-cell"
DOCUMENT_KINDS = MESSAGES | {CHAT_MESSAGE, NOTEBOOK_CELL}


def _placeholder_lines(doc: "Document", skip_code: bool) -> int:
    """How many lines of ``doc`` hold a printf placeholder (``skip_code``: outside code)."""
    text = doc.text
    hits, line_end = 0, -1
    for m in _PLACEHOLDER_RE.finditer(text):
        if m.start() > line_end and not (skip_code and doc.in_code(m.start(), m.end())):  # (a line counts once)
            hits += 1
            line_end = text.find("\n", m.start())
            if line_end < 0:
                break
    return hits


def looks_like_catalogue(doc: "Document") -> bool:
    """True when ``doc`` is a software message catalogue extracted as text (the strings
    of a .po file, one a paragraph): at least ``CATALOGUE_MIN_LINES`` and
    ``CATALOGUE_SHARE`` of its non-blank lines hold a printf placeholder (Django's Arabic
    admin translation: 54 of 225). Its short lines are interface labels ("الرئيسية"
    Home, "إغلاق" Close, "الاسم" Name), not widgets scraped from a web page. A placeholder
    in code (a fenced, indented or inline code of Markdown or reStructuredText, a code-like
    line of plain text: ``Document.in_code``) is the code's, not a message's: Sphinx's page on
    extlinks (``'https://github.com/.../issues/%s'`` in its literal blocks, ````%s```` in
    its prose) is a page. (Regions are asked only of a text that has the placeholders.)"""
    text = doc.text
    if "%" not in text and "{" not in text:
        return False
    hits = _placeholder_lines(doc, False)
    if hits < CATALOGUE_MIN_LINES:
        return False
    need = max(CATALOGUE_MIN_LINES, CATALOGUE_SHARE * sum(1 for line in doc.lines if text[line.start : line.end].strip()))
    return hits >= need and _placeholder_lines(doc, True) >= need


def message_catalogue(doc: "Document") -> bool:
    """True when ``doc`` is software messages (``Document.kinds`` holds ``MESSAGE`` or
    ``CATALOGUE``): a string of a gettext catalogue read by the .po reader, or text that
    ``looks_like_catalogue``. For rules whose exemption is partial; a rule that does not
    apply to messages at all declares ``skip_kinds = MESSAGES`` instead."""
    return not MESSAGES.isdisjoint(doc.kinds)


# A list of interface strings exported as text, one a paragraph ("الاسم", "_بحث", "المزيد…"
# between blank lines): at least this many non-blank lines, this share of them a paragraph of
# one line, and half of them at most this many words (Debian's GTK and Xfce catalogues as
# text: a median of 2 or 3 words; a scraped news page: 12 to 26).
LABEL_LIST_MIN_LINES = 20
LABEL_LIST_SINGLE_SHARE = 0.9
LABEL_LIST_MEDIAN_WORDS = 4


def looks_like_label_list(doc: "Document") -> bool:
    """True when ``doc`` is a list of interface strings, one a paragraph (the msgstr texts
    of a catalogue without printf placeholders, which ``looks_like_catalogue`` misses:
    GTK's property blurbs, Xfce's menus): ``LABEL_LIST_MIN_LINES`` non-blank lines at
    least, ``LABEL_LIST_SINGLE_SHARE`` of them a paragraph of one line, and a median of
    ``LABEL_LIST_MEDIAN_WORDS`` words or fewer. Its one-word lines are labels ("الاسم"
    Name, "طباعة" Print), not a web page's widgets. Asked once a document."""
    cached = doc.__dict__.get("_is_label_list")
    if cached is None:
        text = doc.text
        rows = [text[line.start : line.end] for line in doc.lines]
        filled = [i for i, row in enumerate(rows) if row.strip()]
        cached = False
        if len(filled) >= LABEL_LIST_MIN_LINES:
            single = sum(1 for i in filled
                         if (i == 0 or not rows[i - 1].strip()) and (i + 1 == len(rows) or not rows[i + 1].strip()))
            words = sorted(len(rows[i].split()) for i in filled)
            cached = (single >= LABEL_LIST_SINGLE_SHARE * len(filled)
                      and words[len(words) // 2] <= LABEL_LIST_MEDIAN_WORDS)
        doc.__dict__["_is_label_list"] = cached
    return cached


def is_label_record(doc: "Document") -> bool:
    """True when ``doc`` is a dataset record (a ``RecordDocument``: it has a ``record``)
    whose whole text is one line of ``LABEL_RECORD_MAX_WORDS`` words or fewer: a string of a
    program's interface exported one a record (a .po catalogue's msgstrs as JSON Lines or
    Parquet: geany's "Print", GTK's "الاسم"), the record's whole content, not a widget on
    a page among the page's text. The record-per-string form of ``looks_like_label_list``."""
    if getattr(doc, "record", None) is None:
        return False
    text = doc.text.strip()
    return bool(text) and "\n" not in text and "\r" not in text and len(text.split()) <= LABEL_RECORD_MAX_WORDS


LABEL_RECORD_MAX_WORDS = 2


# Symfony's plural messages (its translator's pipe syntax, in XLIFF, YAML or PHP catalogues):
# the variants of one message, each a whole sentence, separated by "|" ("This value is too
# short. It should have {{ limit }} character or more.|This value is too short. It should
# have {{ limit }} characters or more.", "{0} No apples|{1} One apple|]1,Inf[ %count% apples");
# "||" is a pipe written literally.
_PLURAL_PIPE_RE = lazy(r"(?<!\|)\|(?!\|)")


def plural_variant_starts(doc: "Document") -> list[int]:
    """Offsets of the "|" that separate the plural variants of a message (``MESSAGE`` in
    ``doc.kinds``; Symfony's syntax, above), in order: variant k+1 starts at the k-th. []
    for any other document, or a message without one. A gettext catalogue's plural forms
    need none: each ``msgstr[n]`` is a document of its own (``readers.po``)."""
    if MESSAGE not in doc.kinds or "|" not in doc.text:
        return []
    return [m.start() for m in _PLURAL_PIPE_RE.finditer(doc.text)]


# Project Fluent's markup in a message (Firefox's .ftl strings): an element that names the
# program's DOM node it fills, ``<label data-l10n-name="manual-link">{ $displayUrl }</label>``,
# ``<a data-l10n-name="info">...</a>``: its opening tag (group 1: the element's name).
FLUENT_ELEMENT_RE = lazy(r"<([A-Za-z][\w-]*)\b[^<>]*?\sdata-l10n-name\s*=\s*[\"'][^\"'<>]*[\"'][^<>]*>")


def fluent_elements(text: str) -> list[tuple[int, int]]:
    """Spans of Fluent's elements in ``text`` (``FLUENT_ELEMENT_RE``): from the opening tag
    to the end of its closing tag (``</label>``), or of the opening tag alone when it is
    not closed. The program's markup wherever the string is stored (a .ftl string exported
    to a CSV, a JSON Lines dump)."""
    if "data-l10n-name" not in text:
        return []
    spans = []
    for m in FLUENT_ELEMENT_RE.finditer(text):
        close = text.find(f"</{m.group(1)}>", m.end())
        spans.append((m.start(), m.end() if close < 0 else close + len(m.group(1)) + 3))
    return spans


def has_placeholder(text: str) -> bool:
    """Does ``text`` hold a printf or ``{0}`` placeholder (``PLACEHOLDER``)?"""
    return ("%" in text or "{" in text) and _PLACEHOLDER_RE.search(text) is not None


# A quote collection in fortune(6)'s format (strfile's data files: Debian's fortunes,
# fortunes-de, fortunes-pl, ...): short texts (quotes, jokes, poems, each with its
# attribution) between lines holding only "%".
FORTUNE_SEPARATOR = "%"
FORTUNE_MIN_SEPARATORS = 3
_FORTUNE_SEPARATOR_RE = lazy_re(r"^[ \t]*%[ \t]*\r?$", re.MULTILINE)
_PERCENT_LINE_RE = lazy_re(r"^[ \t]*%", re.MULTILINE)


def fortune_separators(doc: "Document") -> tuple[int, ...]:
    """Offsets (line starts, in order) of the lines that separate the records of a quote
    collection written in fortune(6)'s format, or ``()`` when ``doc`` is not one: at least
    ``FORTUNE_MIN_SEPARATORS`` lines holding only ``%`` (spaces around allowed), and they
    are most of the lines that open with ``%`` (a file of ``% comment`` lines with a bare
    ``%`` among them is no collection); never LaTeX, where ``%`` opens a comment. Record k
    runs from the k-th separator (or the text's start) to the next. Asked once a document."""
    cached = doc.__dict__.get("_fortune_separators")
    if cached is None:
        cached = ()
        text = doc.text
        if doc.suffix not in TEX_SUFFIXES and "%" in text:
            found = [m.start() for m in _FORTUNE_SEPARATOR_RE.finditer(text)]
            if len(found) >= FORTUNE_MIN_SEPARATORS and 2 * len(found) > len(_PERCENT_LINE_RE.findall(text)):
                cached = tuple(found)
        doc.__dict__["_fortune_separators"] = cached
    return cached
