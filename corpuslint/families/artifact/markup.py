"""A106 html-tag, A107 html-entity, A108 lightweight-markup, A109 control-character."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
import unicodedata
from itertools import islice

import regex

from ...document import Document
from ...findings import Edit, Fix, Severity
from ...rules import DocumentRule
from ...structure import (
    ALL_REGIONS, CHAT_LINE_RE, CODE, MESSAGES, RST_SUFFIXES, chat_log_lines, fluent_elements, reads_as_prose)
from ...text.lazy_regex import lazy  # compiled at first use: most text needs none of these
from ...text.controls import ANY_CONTROL_RE, MIRC_COLOUR_DIGITS_RE, overstrike_at
from ...text.tokens import tokens
from ...subtitles import is_subtitle
from ._common import HTML_TAG_NAME_RE, HTML_TAG_RE, HTML_TAGS
from .encoding import mojibake_byte

# An HTML comment whose text is a placeholder shows the syntax (``<!-- comment -->`` in a
# note on XML): leftover comments name something (``<!-- google_ad_section_start -->``).
_PLACEHOLDER_COMMENT_RE = lazy(r"(?i)<!--\s*(?:comments?|text|\.{3}|…|注释|註釋|コメント|تعليق)\s*-->")
_BREAKING = lazy(r"</?(?:br|p|div|li|tr|td|th|hr|h[1-6])\b", regex.IGNORECASE)
# HTML source written on purpose (an answer that writes a page or a table, an example
# page): lines that open with a tag, a comment or a doctype (``_SOURCE_LINE_RE``), among
# them lines of nothing but tags (``<table>``, ``  </tr>``: the page's skeleton).
_SOURCE_LINE_RE = lazy(
    r"^[ \t]*(?:<!DOCTYPE\b|<!--|</?" + HTML_TAG_NAME_RE + r"(?=[\s/>]))",
    regex.MULTILINE,
)
_DOCUMENT_ROOT_RE = lazy(r"^[ \t]*(?:<!DOCTYPE\s+html\b|<html[\s>])", regex.MULTILINE | regex.IGNORECASE)
_SKELETON_LINE_RE = lazy(r"^[ \t]*(?:</?[A-Za-z][A-Za-z0-9]*(?:\s+[^<>]*)?/?>[ \t]*)+$", regex.MULTILINE)
SOURCE_MIN_LINES = 3
SOURCE_SHARE = 0.5
# A tag quoted in a sentence about markup (``比如 <html> 和 </html>``, ``the <hr> tag``):
# the line names HTML, a tag or an element.
_NAMES_MARKUP_RE = lazy(
    r"(?i)\bhtml\b|\bxml\b|\btags?\b|\belements?\b|标签|標籤|标记|標記|元素|タグ|要素|وسم|وسوم|عنصر|тег|элемент"
    r"|\betiket|\bbalises?\b|\betiquetas?\b"  # Turkish "<table> etiketinde" (in the <table> tag), French, Spanish
    r"|ετικέτ|ετικετ|στοιχεί"  # Greek: 'εξάγονται ως ετικέτες "<SPAN>" ή "<DIV>"' (exported as <SPAN> or <DIV> tags)
)
# A tag documented as such (fx45a, fresh32's ab(1) and LibreOffice's help on HTML export):
# the argument of an option (``-x <table>-öznitelikleri``, ``[-y <tr>-öznitelikleri]``: the
# option opens the synopsis's bracket or the option list's term, the tag is what it sets) ...
_OPTION_BEFORE_RE = lazy(r"(?:^|(?<=[\s\[|(]))--?[A-Za-z0-9][\w-]*(?:[ \t]+|=)\Z", regex.MULTILINE)
# ... a tag beside a word that names it: a markup or attribute word right after it, joined by
# a hyphen or a space (``<tr>-öznitelikleri``, ``<tr> etiketinde``, "the <META> tag",
# ``<table> attributes``), or right before it (Vietnamese ``thẻ <META>``, "tag <b>") ...
_TAG_WORD = (
    r"(?i:tags?|elements?|attributes?|attributs?|atributos?|atributy?|balises?|etiquetas?"
    r"|elemen|thẻ|thuộc[ \t]tính|标签|標籤|标记|標記|元素|属性|タグ|要素|тег\w*|элемент\w*|атрибут\w*"
    r"|öznitelik\w*|etiket\w*)"  # (Turkish takes suffixes: -öznitelikleri, etiketinde)
)
_TAG_WORD_AFTER_RE = lazy(r"(?:-|[ \t]{1,2})" + _TAG_WORD + r"(?![\w:：])")  # ("<br> Tags: python" is a blog's footer)
_TAG_NOUN_BEFORE_RE = lazy(  # (a noun for the tag itself, not "attributes <b>": the tag standing apart after it)
    r"(?<!\w)(?i:tags?|elements?|balises?|etiquetas?|elemen|thẻ|标签|標籤|标记|標記|元素|タグ|要素|тег\w*|элемент\w*"
    r"|etiket\w*)[ \t]{1,2}\Z"
)
# ... and a tag displayed alone on its line, with at most a gloss in parentheses after it
# (``<TITLE> (Tựa đề)``, ``<META NAME="KEYWORDS" CONTENT="Nội dung của trường"> (Các từ
# khoá ...)``): an example of a page about markup, when the line is introduced (the line
# before ends in a colon), its values are placeholders (``CONTENT="..."``, ``SRC="url"``,
# ``CONTENT="Custom field content"``) or the text shows two or more such lines.
_DISPLAY_LINE_RE = lazy(r"[ \t]*(?P<tag></?[A-Za-z][^<>\n]*>)(?:[ \t]+\([^()\n]*\))?[ \t]*")
_PLACEHOLDER_VALUE_RE = lazy(
    r'=[ \t]*(?:"(?:\.{3}|…|url|uri|text|name|value|code|path|file|[^"=/:;,\n]*[ \t][^"=/:;,\n]*)"'
    r"|'(?:\.{3}|…|url|uri|text|name|value)')",
    regex.IGNORECASE,
)
DISPLAY_LINES = 2
_NAMES_MARKUP_VI_RE = lazy(r"(?i)\bthẻ\b")  # Vietnamese "tag" (siêu thẻ META: meta tag), beside _NAMES_MARKUP_RE
_ANY_BARE_TAG_RE = lazy(r"</?([A-Za-z][A-Za-z0-9]*)>")


def _manual_display(doc, index: int) -> bool:
    """``duplicate.regions.manual_display``, imported when first asked: importing the duplicate
    family with this module loads numpy as ``corpuslint.cli`` is imported, before the CLI gives
    OpenBLAS one thread (``cli._own_process``: --version 0.28 -> 0.39 s CPU)."""
    from ..duplicate.regions import manual_display

    return manual_display(doc, index)


def _documented_tag(doc: Document, start: int, end: int, memo: dict) -> bool:
    """True when the tag at ``[start, end)`` is the subject the text documents, not a leftover:
    an option's argument (ab(1)'s synopsis ``[-y <tr>-öznitelikleri]``, its option list's
    ``-x <table>-öznitelikleri``: ``_OPTION_BEFORE_RE``), a tag beside a word naming it
    (``<tr>-öznitelikleri``, ``<tr> etiketinde``, "the <META> tag", ``thẻ <META>``), or a tag
    displayed alone on its line (``_display_line``). ``memo`` is ``_quoted``'s (one dict per
    document)."""
    text = doc.text
    line = doc.lines[doc.position(start)[0] - 1]
    if _OPTION_BEFORE_RE.search(text, max(line.start, start - 60), start):  # (in the text: "well-known <b>" is no option)
        return True
    before = text[start - 1] if start > line.start else " "
    if (before.isspace() or before in _OPENING) and _TAG_WORD_AFTER_RE.match(text, end, line.end):
        return True
    after = text[end] if end < line.end else " "
    if (after.isspace() or after in _CLOSING) and _TAG_NOUN_BEFORE_RE.search(text, max(line.start, start - 30), start):
        return True
    if _escape_placeholder(text, start, end, memo):
        return True
    return _display_line(doc, start, end, memo) or _markup_example(doc, start, end, memo)


# A placeholder in an escape's notation (lsblk(8): "escaped as hex, ``\x<code>``"): a bare tag
# right after a backslash and one or two letters, never closed in the text (reST's ``\<meta>``
# escapes a tag: docutils' own text, left to ``_quoted``).
_ESCAPE_BEFORE_RE = lazy(r"\\[A-Za-z]{1,2}\Z")


def _escape_placeholder(text: str, start: int, end: int, memo: dict) -> bool:
    """True when the tag at ``[start, end)`` is the placeholder of an escape's notation
    (``\\x<code>``, ``\\u<hex>``): a bare tag after ``\\`` and one or two letters, whose
    element the text never closes. A leftover of an HTML-to-text step follows no backslash."""
    bare = _ANY_BARE_TAG_RE.fullmatch(text, start, end)
    if bare is None or text[start + 1] == "/" or not _ESCAPE_BEFORE_RE.search(text, max(0, start - 3), start):
        return False
    name = bare.group(1).lower()
    if ("closed in any case", name) not in memo:
        memo["closed in any case", name] = f"</{name}" in text.lower()
    return not memo["closed in any case", name]


# Markup written as an example, a line or a block of lines of nothing else (a help page's
# "typical HTML code produced by the filter": ``<table …>`` / ``<tr>`` / ``<td><img alt=""
# src="slice_0_0.png"/></td>`` / … / ``</table>``; GNOME help's XBEL file flattened onto the
# line after "파일 예제는 다음과 같습니다:", ``<?xml …?> <xbel …> <bookmark …> <title>GNOME
# FTP</title> </bookmark> </xbel>``): each line opens and ends with a tag (after indentation).
_MARKUP_LINE_RE = lazy(r"[ \t]*<[!?/]?[A-Za-z][^\n]*>[ \t]*")
# Any tag, an XML declaration or processing instruction, a doctype, a comment: (slash, name, slash).
_ANY_TAG_RE = lazy(
    r"<(/?)([A-Za-z][\w:.-]*)(?:\s(?:[^<>\"']|\"[^\"\n]*\"|'[^'\n]*')*?)?(/?)>|<\?[^<>\n]*\?>|<!--.*?-->|<![A-Za-z][^<>\n]*>")
_VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# An element whose content is an ellipsis: the notation of a text about markup (GIMP's help:
# "the filter will add a ``<a href="#"> ... </a>`` hyperlink stub").
_ELLIPSIS_ELEMENT_RE = lazy(r"<([A-Za-z][A-Za-z0-9]*)\b[^<>\n]*>[^\S\n]*(?:\.{3}|…)[^\S\n]*</\1>")  # (no-break spaces too)
EXAMPLE_BLOCK_LINES = 3


def _markup_example(doc: Document, start: int, end: int, memo: dict) -> bool:
    """True when the tag at ``[start, end)`` is part of markup a text about markup shows
    (``_NAMES_MARKUP_RE``): an element whose content is an ellipsis (``<a href="#"> ... </a>``),
    or a markup block (``_markup_block``): its lines each open and end with a tag, its tags
    balance (every element closed in order; void and self-closing elements, declarations and
    comments aside), they make at least half of its characters that are not spaces (a
    leftover ``<p>`` wrapping a paragraph of prose does not), and the block is
    ``EXAMPLE_BLOCK_LINES`` lines or more, or is introduced by a line ending in a colon, or is
    indented deeper than that line."""
    text = doc.text
    index = doc.position(start)[0] - 1
    line = doc.lines[index]
    if "names markup" not in memo:
        memo["names markup"] = _NAMES_MARKUP_RE.search(text) is not None or _NAMES_MARKUP_VI_RE.search(text) is not None
    if not memo["names markup"]:
        return False
    if ("ellipsis", index) not in memo:  # (once a line: a one-line file holds thousands of tags)
        memo["ellipsis", index] = [m.span() for m in _ELLIPSIS_ELEMENT_RE.finditer(text, line.start, line.end)] if (
            text.find("…", line.start, line.end) >= 0 or text.find("...", line.start, line.end) >= 0) else []
    if any(a <= start and end <= b for a, b in memo["ellipsis", index]):
        return True
    if ("block", index) not in memo:
        _markup_block(doc, index, memo)
    return memo["block", index]


def _markup_block(doc: Document, index: int, memo: dict) -> None:
    """Find the block of markup lines around line ``index`` and record in ``memo`` (``("block",
    i)`` for each of its lines) whether it is an example (``_markup_example``)."""
    text, lines = doc.text, doc.lines

    def markup(i: int) -> bool:
        return _MARKUP_LINE_RE.fullmatch(text, lines[i].start, lines[i].end) is not None

    if not markup(index):
        memo["block", index] = False
        return
    first = last = index
    while first > 0 and markup(first - 1):
        first -= 1
    while last + 1 < len(lines) and markup(last + 1):
        last += 1
    a, b = lines[first].start, lines[last].end
    stack: list[str] = []
    tags = tag_chars = 0
    balanced = True
    for m in _ANY_TAG_RE.finditer(text, a, b):
        tags += 1
        tag_chars += m.end() - m.start()
        if m.group(2) is None:
            continue  # a declaration, a doctype, a comment
        name = m.group(2).lower()
        if m.group(1):
            if not stack or stack[-1] != name:
                balanced = False
                break
            stack.pop()
        elif not m.group(3) and name not in _VOID_ELEMENTS:
            stack.append(name)
    words = sum(1 for c in text[a:b] if not c.isspace())
    example = balanced and not stack and tags >= 2 and 2 * tag_chars >= words
    if example and last - first + 1 < EXAMPLE_BLOCK_LINES:
        before = first - 1
        while before >= 0 and not text[lines[before].start : lines[before].end].strip():
            before -= 1
        intro = text[lines[before].start : lines[before].end] if before >= 0 else ""
        block_line = text[lines[first].start : lines[first].end]
        indent = len(block_line) - len(block_line.lstrip(" \t"))
        example = before >= 0 and (intro.rstrip().endswith((":", "：")) or indent > len(intro) - len(intro.lstrip(" \t")))
    for i in range(first, last + 1):
        memo["block", i] = example


def _display_line(doc: Document, start: int, end: int, memo: dict) -> bool:
    """True when the tag at ``[start, end)`` is alone on its line (a gloss in parentheses may
    follow it), in a text that names markup (``_NAMES_MARKUP_RE``, Vietnamese ``thẻ``), and
    the line is introduced by the one before it (which ends in a colon), or the tag's values
    are placeholders (``_PLACEHOLDER_VALUE_RE``), or the text has ``DISPLAY_LINES`` or more
    such lines: LibreOffice's help on HTML export (``<TITLE> (Tựa đề)`` / ``<META
    NAME="KEYWORDS" CONTENT="Nội dung của trường">``), on scripts (``<SCRIPT
    LANGUAGE="JavaScript" SRC="url">``). A bare tag a leftover writes alone (``<br>``,
    ``<p>``, ``</li>``: ``_VOID_LEFTOVERS``) is never one."""
    text = doc.text
    index = doc.position(start)[0] - 1
    line = doc.lines[index]
    m = _DISPLAY_LINE_RE.fullmatch(text, line.start, line.end)
    if m is None or m.span("tag") != (start, end):
        return False
    bare = _ANY_BARE_TAG_RE.fullmatch(text, start, end)
    if bare is not None and bare.group(1).lower() in _VOID_LEFTOVERS:
        return False
    if "names markup" not in memo:
        memo["names markup"] = _NAMES_MARKUP_RE.search(text) is not None or _NAMES_MARKUP_VI_RE.search(text) is not None
    if not memo["names markup"]:
        return False
    if _PLACEHOLDER_VALUE_RE.search(text, start, end):
        return True
    before = index - 1
    while before >= 0 and not text[doc.lines[before].start : doc.lines[before].end].strip():
        before -= 1
    if before >= 0 and text[doc.lines[before].start : doc.lines[before].end].rstrip().endswith(":"):
        return True
    if "display lines" not in memo:
        memo["display lines"] = sum(
            1 for ln in doc.lines if "<" in text[ln.start : ln.end] and _DISPLAY_LINE_RE.fullmatch(text, ln.start, ln.end))
    return memo["display lines"] >= DISPLAY_LINES


# A placeholder of a command synopsis or an option (``'git cat-file' <type> <object>``,
# ``--conflict=<style>::``): a lower-case word in angle brackets that names no element.
_PLACEHOLDER_RE = lazy(r"<([a-z][a-z0-9]*(?:[-_][a-z0-9]+)*)(?:\.\.\.)?>")
_BARE_TAG_RE = lazy(r"<([a-z][a-z0-9]*)>")
_HTML_TAG_NAMES = frozenset(HTML_TAGS)
# Elements a leftover writes alone, without a closing tag: never read as a placeholder.
_VOID_LEFTOVERS = frozenset({"br", "hr", "wbr", "img", "p", "li", "td", "tr", "th", "dd", "dt"})
PLACEHOLDER_NAMES = 2
_BACKTICKS_RE = lazy(r"`[^`\n]+`")
_OPENING = "(\"'«“‘「『（"
_CLOSING = ",;:.!?)\"'»”’」』，、。：；！？）"
_ENTITY_RE = lazy(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# (a run of control characters stops before an ESC that opens an escape sequence: "\b" then
# "ESC[33m" is two finds, so the fix deletes the whole sequence, not "\b ESC" leaving "[33m")
_CONTROL_RE = lazy(r"\x1b\[[0-9;?]*[A-Za-z]|(?:(?!\x1b\[[0-9;?]*[A-Za-z])[\x00-\x08\x0b\x0c\x0e-\x1f\x7f])+|[\x80-\x9f]+")
_C1_RE = lazy(r"[\x80-\x9f]")


_CONTROL_NAMES = {0x00: "null", 0x07: "bell", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
                  0x1A: "substitute", 0x1B: "escape", 0x7F: "delete"}


def _line_message(found: list[str]) -> str:
    """'12 terminal escape sequences on this line: 5 × `ESC[m`, 4 × `ESC[33m`, ...',
    '3 control characters and escape sequences on this line: ...' (the kinds in order of
    first occurrence, the first ``_LINE_KINDS_SHOWN`` named)."""
    kinds: Counter[str] = Counter()
    for x in found:
        if x.startswith("\x1b["):
            kinds[f"`ESC{x[1:]}`"] += 1
        else:
            for c in x:
                kinds[f"U+{ord(c):04X}" + (f" ({_CONTROL_NAMES[ord(c)]})" if ord(c) in _CONTROL_NAMES else "")] += 1
    escapes = all(x.startswith("\x1b[") for x in found)
    what = "terminal escape sequences" if escapes else "control characters and escape sequences" if any(
        x.startswith("\x1b[") for x in found) else "control characters"
    shown = [f"{n} × " * (n > 1) + k for k, n in list(kinds.items())[:_LINE_KINDS_SHOWN]]
    more = ", ..." if len(kinds) > _LINE_KINDS_SHOWN else ""
    return f"{sum(kinds.values())} {what} on this line: {', '.join(shown)}{more}"


_LINE_KINDS_SHOWN = 4


def _control_message(found: str) -> str:
    """'terminal escape sequence `ESC[31m`', 'control character U+0008 (backspace)',
    '5 control characters: 5 × U+0008 (backspace)'."""
    if found.startswith("\x1b["):
        return f"terminal escape sequence `ESC{found[1:]}`"
    parts = [f"{n} × " * (n > 1) + f"U+{ord(c):04X}" + (f" ({_CONTROL_NAMES[ord(c)]})" if ord(c) in _CONTROL_NAMES else "")
             for c, n in Counter(found).items()]  # in order of first occurrence
    if len(found) == 1:
        return f"control character {parts[0]}"
    return f"{len(found)} control characters: {', '.join(parts)}"


def html_source(doc: Document) -> bool:
    """True when ``doc`` is HTML source, not prose with stray tags: at least
    ``SOURCE_MIN_LINES`` lines open with a tag, a comment or a doctype, two of them are
    nothing but tags (the skeleton: ``<table>``, ``</tr>``), and such lines are at least
    ``SOURCE_SHARE`` of the lines that are not blank or code (a page's CSS and script are
    code: ``corpuslint.structure``); or the text has a document root (``<!DOCTYPE html>``,
    ``<html>``) and a skeleton line. An answer that writes a page or a table, or a note
    that shows one."""
    text = doc.text
    skeleton = sum(1 for _ in islice(_SKELETON_LINE_RE.finditer(text), 2))
    if skeleton == 0:
        return False
    if _DOCUMENT_ROOT_RE.search(text):
        return True
    if skeleton < 2:
        return False
    source = sum(1 for _ in _SOURCE_LINE_RE.finditer(text))
    if source < SOURCE_MIN_LINES:
        return False
    written = sum(1 for kind in doc.line_kinds if kind not in ("blank", CODE))
    return source >= SOURCE_SHARE * written




def _quoted(doc: Document, start: int, end: int, memo: "dict | None" = None) -> bool:
    """True when the tag at [start, end) is quoted, not left over: inside a backtick code
    span on its line (``输出：`<meta charset="iso-8859-1">` ``), or standing apart from
    the words (a space or an opening mark before it, a space or a closing mark after it)
    in a paragraph that names HTML, a tag or an element, or alone in quotation marks (``比如 <html> 和 </html>，前者表示标签的开始``),
    or anywhere in reStructuredText, which renders a tag as the text it is (docutils'
    element reference: a section titled ``<caption>``, ``The <header> element is ...``).
    ``memo`` (a dict, one per document) keeps what a line or a paragraph answers for the next
    tag on it: asked again for each tag, a one-line file's thousands of tags made it quadratic."""
    text = doc.text
    memo = {} if memo is None else memo
    index = doc.position(start)[0] - 1
    line = doc.lines[index]
    if ("ticks", index) not in memo:
        memo["ticks", index] = [m.span() for m in _BACKTICKS_RE.finditer(text, line.start, line.end)] \
            if text.find("`", line.start, line.end) >= 0 else []
    if any(a < start and end < b for a, b in memo["ticks", index]):
        return True
    before = text[start - 1] if start > line.start else " "
    # (the character after the tag on the tag's last line: a tag a man page wraps,
    # ``"<LINK`` / ``REL="home" HREF="/">"``, ends on the next line)
    after = text[end] if end < len(text) and text[end] not in "\r\n" else " "
    if before == "\\" and doc.suffix in RST_SUFFIXES:
        return True  # escaped in reST (a link named ```\<meta>`_``): text by the writer's choice
    if (before.isspace() or before in _OPENING) and after == "-" and text[end + 1 : end + 2].isalpha() and doc.quotes_code:
        return True  # technical text's compound naming the tag: ab(1)'s ``-x <table>-öznitelikleri``
    rst = doc.suffix in RST_SUFFIXES
    if rst and (before in "/>" or after in "/<") and (before.isspace() or before in _OPENING + "/>") and (
            after.isspace() or after in _CLOSING + "/<"):
        return True  # reST's "grouping <dt>/<dd> pairs": element names joined, standing apart together
    p_start = p_end = None
    if "sgml" not in memo:
        memo["sgml"] = "</>" in text
    if memo["sgml"]:
        p_start, p_end = _paragraph(doc, start, memo)
        if text.find("</>", p_start, p_end) >= 0:
            return True  # "<admonition><title>Note</>{body}</>": SGML's empty end tag, notation no page writes
    if not (before.isspace() or before in _OPENING) or not (after.isspace() or after in _CLOSING):
        return False  # against a word or wrapping one: ``<code>(code)s</code>`` formats text
    if rst:
        return True  # reST has no inline HTML: a tag standing apart is text the writer typed
    if start > line.start and _QUOTE_PAIRS.get(before) == after:
        return True  # 'ignoroval "<LINK>", protože', 'typu "<LINK REL="home" HREF="/">"': the tag alone in quotation marks, named
    if p_start is None:
        p_start, p_end = _paragraph(doc, start, memo)
    if ("names", p_start, p_end) not in memo:
        memo["names", p_start, p_end] = _NAMES_MARKUP_RE.search(text, p_start, p_end) is not None
    return memo["names", p_start, p_end]


PARAGRAPH_LINES = 8


def _paragraph(doc: Document, offset: int, memo: "dict | None" = None) -> tuple[int, int]:
    """The span of the paragraph around ``offset``: its lines up to a blank line, at most
    ``PARAGRAPH_LINES`` each way (a sentence a man page wraps over several lines); kept in
    ``memo`` (a dict) by line."""
    text, lines = doc.text, doc.lines
    index = doc.position(offset)[0] - 1
    if memo is not None and ("paragraph", index) in memo:
        return memo["paragraph", index]
    first = last = index
    while first > 0 and index - first < PARAGRAPH_LINES and text[lines[first - 1].start : lines[first - 1].end].strip():
        first -= 1
    while last + 1 < len(lines) and last - index < PARAGRAPH_LINES and text[lines[last + 1].start : lines[last + 1].end].strip():
        last += 1
    if memo is not None:
        memo["paragraph", index] = lines[first].start, lines[last].end
    return lines[first].start, lines[last].end


def _placeholders(text: str) -> set[str]:
    """The names in angle brackets in ``text`` that are no HTML element (``<commit>``,
    ``<path>``, ``<commit-ish>``): a technical text's placeholders."""
    return {m.group(1) for m in _PLACEHOLDER_RE.finditer(text) if m.group(1) not in _HTML_TAG_NAMES}


def _a_placeholder(text: str, start: int, tag: str, placeholders: set[str], memo: "dict | None" = None) -> bool:
    """True when ``tag`` (``<object>``, ``<style>``) at ``start`` is a placeholder like
    the others of its text: bare and in lower case, an element that is not written alone
    (``_VOID_LEFTOVERS``), never closed in the text (``</object>`` nowhere), in a text
    with at least ``PLACEHOLDER_NAMES`` placeholders that name no element, or on a line
    with one (``'git cat-file' <type> <object>``). ``memo`` (a dict, one per text) keeps the
    answers of a closing tag's search and of a line for the next tag."""
    m = _BARE_TAG_RE.fullmatch(tag)
    if m is None or m.group(1) in _VOID_LEFTOVERS or not placeholders:
        return False
    memo = {} if memo is None else memo
    if ("closed", m.group(1)) not in memo:
        memo["closed", m.group(1)] = f"</{m.group(1)}" in text
    if memo["closed", m.group(1)]:
        return False
    if len(placeholders) >= PLACEHOLDER_NAMES:
        return True
    s = text.rfind("\n", 0, start) + 1
    if ("line placeholders", s) not in memo:
        e = text.find("\n", start)
        memo["line placeholders", s] = bool(_placeholders(text[s : len(text) if e < 0 else e]))
    return memo["line placeholders", s]


class HtmlTag(DocumentRule):
    """HTML tags or comments left in plain text.

    What: An opening, closing or self-closing tag of a real HTML element (``<p>``,
    ``</div>``, ``<br/>``, ``<a href="...">``, ``<img src=...>``: the element name must be
    in a fixed list of HTML elements, one-letter names only in lower case, and a tag with
    anything after its name must carry a ``name=value`` attribute) or an HTML comment ``<!-- ... -->``. Angle
    brackets used as text (``a <b and c > d``, ``<3``, ``<<quotes>>``, ``<Reuters>``)
    do not match, nor does a comment whose text is a placeholder (``<!-- comment -->``,
    ``<!-- ... -->``: the syntax shown in a note on XML or HTML), nor a tag standing as
    a word before a comma or semicolon, which names it (``use <br>, not <p>, for a line
    break``; a joke's ``Веб-мастер: <BR>, как холодно``): a leftover of an HTML-to-text
    step sits against the text it formatted. A tag quoted as code (in backticks,
    ``输出：`<meta charset="iso-8859-1">` ``) or standing apart (a space or punctuation
    on both sides, not wrapping a word) in a paragraph that names HTML, a tag or an element
    (``比如 <html> 和 </html>，前者表示标签的开始``, ``the <hr> tag``, Turkish ``<table>
    etiketinde``: "in the <table> tag"; a man page wraps the sentence: wget(1)'s "HTML
    komentáře jsou ..." / "... Tudíž <!--foo--> je platný komentář"), or alone inside
    quotation marks (wget(1)'s ``ignoroval "<LINK>"``: named, not left over), or joined by a hyphen to a word in technical text
    (ab(1)'s option ``-x <table>-öznitelikleri``, "<table> attributes"), or documented
    (``_documented_tag``: an option's argument, ab(1)'s synopsis ``[-y <tr>-öznitelikleri]``;
    beside a word that names it, "the <META> tag", ``<tr> etiketinde``, ``thẻ <META>``; or
    displayed alone on its line, a gloss in parentheses at most after it, in a text that names
    markup, when introduced by a colon, with placeholder values or among two or more such lines:
    LibreOffice's help on HTML export, ``<TITLE> (Tựa đề)`` / ``<META NAME="KEYWORDS"
    CONTENT="Nội dung của trường">``; or shown as markup in a text that names markup: an
    element whose content is an ellipsis, GIMP's help's "add a ``<a href="#"> ... </a>``
    hyperlink stub", or a block of lines that each open and end with a tag, whose tags balance
    and make half its characters at least, three lines or more, or introduced by a line ending
    in a colon, or indented deeper than it: GIMP's help on the Slice filter shows the table it
    writes, ``<tr>`` / ``<td><img alt="" src="slice_0_0.png"/></td>`` / …, GNOME's help an XBEL
    file flattened onto one line, ``<?xml …?> <xbel …> <bookmark …> <title>GNOME FTP</title>
    </bookmark> </xbel>``; a paragraph wrapped in ``<p>`` is no such block; or the placeholder
    of an escape's notation, a bare tag after a backslash and a letter or two that the text
    never closes: lsblk(8)'s ``\\x<code>``), or anywhere in a
    reStructuredText document (which has no inline HTML: ``The <caption> element``), is an
    example, not a leftover; and a plain-text document that is HTML source
    (``html_source``: lines opening with tags make up half of its lines that are not code,
    two of them nothing but tags, as in ``<table>`` / ``<tr>`` / ``</table>``, or it has
    a ``<!DOCTYPE html>`` or ``<html>`` root: an answer in instruction data that writes a
    page or a table) is markup on purpose, not prose with stray tags: it is not reported;
    nor is a plain text that holds PHP code (``<?php``: an answer's unfenced script prints
    its ``<form method="POST">``), nor a tag in a paragraph that writes SGML's empty end
    tag ``</>`` (docutils' ``<admonition><title>Note</>{body}</>``: notation, which no page
    or HTML-to-text step writes), nor, in reStructuredText, element names joined by a slash
    or written one after another, standing apart together (``grouping <dt>/<dd> pairs``);
    nor is a chat log's speaker, a nick in angle brackets that opens a line after an
    optional time stamp (``Jul 09 21:28:25 <DT> nie ma sie co…``) in a document with three
    or more such lines (``structure.chat_log_lines``), nor markup the speaker pastes on such a
    line, speech that opens with a tag after an optional addressee (fortunes-de: ``<Joey>
    <address>[..], 3 Jan '101</address>``; a tag among words, ``<b>zaliczyli</b>``, stays); nor a placeholder of a command synopsis or an option that
    happens to be an element's name (git's ``'git cat-file' <type> <object>``,
    ``--conflict=<style>::``, ``<head>::``): a bare tag in lower case, never closed in
    the document, not one a leftover writes alone (``<br>``, ``<p>``, ``<li>``), in a
    document with two or more other names in angle brackets that are no element
    (``<type>``, ``<commit-ish>``), or on a line with one; nor a tag inside a string literal
    that a call or an assignment on its line opens (``print("<TITLE>CGI script output</TITLE>")``:
    the HTML a program writes); nor a tag on a line, not a sentence, of a rendered manual's
    display (``regions.manual_display``: a block after a blank line indented deeper than the
    paragraph above it, linuxdoc(1)'s ``</BODY>\\n </HTML>\\n`` under "the default footer is
    only"): the output the manual shows.
    Why: Tags survive a sloppy HTML-to-text step; they are not language and teach a
    model to emit markup.
    Example: ``قال المتحدث<br>إن الزيارة`` or ``<p>Text</p>``.
    In a software message catalogue (the strings of a .po file,
    the ``message`` document kind) markup is the program's: the source string carries it
    (Django's ``<a href="%(link)s">``), and its translation must too. A MediaWiki page
    (.wiki, .wikitext, .mediawiki, or a .txt that clearly is wikitext) is read as markup
    (``corpuslint.readers.wikitext``): the HTML MediaWiki allows (``<br />``, ``<small>``,
    ``<sub>``, ``<div>``), its extension tags (``<ref>``, ``<nowiki>``) and comments are the
    page's syntax, not reported; a tag it does not allow (``<a href=...>``, ``<img>``), which
    the page shows as text, is.
    Project Fluent's elements (Firefox's strings: ``<label data-l10n-name="manual-link">{
    $displayUrl }</label>``, ``structure.fluent_elements``) are the program's wherever the
    string is stored (a .ftl string in a CSV or a JSON Lines dump): the element names the node
    the program fills. A data file's records are messages when declared so
    (``record-kind = "message"`` in ``[tool.corpuslint.readers]``) or when the file plainly is a
    table of them (a ``msgid`` column beside the text, Fluent keys such as ``update-failed-main``).
    Fix safety: Unsafe: removes the tag; a line-breaking tag (br, p, div, li, ...)
    between two non-space characters becomes one space so words do not merge.
    """

    code = "A106"
    skip_kinds = MESSAGES  # software messages: see the docstring
    name = "html-tag"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document):
        text = doc.text
        if "<" not in text:
            return
        if not doc.is_markdown and not doc.is_wikitext and html_source(doc):
            return  # a page or a table written in HTML: the markup is the text (a wiki page's own lines of
            # "<br />" are its markup, which its regions tell from a tag left in its prose)
        if "<?php" in text and not doc.is_markdown:
            return  # a PHP script (an answer's code, unfenced): the HTML it prints is code
        placeholders = None
        memo: dict = {}  # what a line or paragraph answers, for the next tag on it (_quoted, _a_placeholder)
        kinds = self.checked_regions()
        fluent = fluent_elements(text)
        for m in HTML_TAG_RE.finditer(text):
            if kinds != ALL_REGIONS and doc.outside(m.start(), m.end(), kinds):
                continue  # (dropped by the engine anyway: a subtitle's tags are markup, 400 k of them in 10 k cues)
            if fluent and any(a <= m.start() and m.end() <= b for a, b in fluent):
                continue  # <a data-l10n-name="info">…</a>: a Fluent string's element, the program fills it
            if _PLACEHOLDER_COMMENT_RE.fullmatch(m.group()):
                continue  # the syntax shown as an example
            if doc.position(m.start())[0] - 1 in chat_log_lines(doc) and _said_markup(text, m.start(), m.end()):
                continue  # "Jul 09 21:28:25 <DT> nie ma sie co", "<Joey> <address>…</address>": a chat log's speaker, or HTML he pastes
            s, e = m.span()
            if placeholders is None:
                placeholders = _placeholders(text)
            if _a_placeholder(text, s, m.group(), placeholders, memo):
                continue  # "'git cat-file' <type> <object>": the synopsis's placeholder
            if _quoted(doc, s, e, memo):
                continue  # a tag quoted as code or named in a sentence about markup
            if _documented_tag(doc, s, e, memo):
                continue  # "[-y <tr>-öznitelikleri]", "<TITLE> (Tựa đề)" on its line: the tag the text documents
            index = doc.position(s)[0] - 1
            if _manual_display(doc, index) and not reads_as_prose(text[doc.lines[index].start : doc.lines[index].end]):
                continue  # linuxdoc(1)'s "</BODY>\n </HTML>\n" indented under its paragraph: the output a manual shows
            if _CODE_STRING_OPEN_RE.search(text, max(text.rfind("\n", 0, s) + 1, s - 200), s):
                continue  # print("<TITLE>CGI script output</TITLE>"): the HTML a program writes, in its string
            before = text[s - 1] if s > 0 else " "
            after = text[e] if e < len(text) else " "
            if after in ",;" and (before.isspace() or before in "(\"'«“"):
                continue  # "use <br>, not <p>, for a line break": the tag named as a word
            glue = _BREAKING.match(m.group()) and not before.isspace() and not after.isspace()
            tag = m.group() if len(m.group()) <= 40 else m.group()[:37] + "..."
            yield doc.finding(self, s, e, f"HTML markup `{tag}`", fix=Fix.unsafe(Edit(s, e, " " if glue else "")))


# What a chat line's speech opens with when the speaker pastes markup: an optional addressee
# ("Pipen: "), then a tag.
_SAID_MARKUP_RE = lazy(r"(?:[^\s<>:]{1,30}:[ \t]+)?<[!/]?[A-Za-z]")


def _said_markup(text: str, start: int, end: int) -> bool:
    """True when the tag at ``[start, end)``, on a chat log's line (``chat_log_lines``), is the
    speaker's nick (``<Joey>``) or stands in speech that opens with markup: HTML the speaker
    pastes (``<Joey> <address>[..]</address>``, ``<elluin> Pipen: <DIV><FONT SIZE="2"…``); a
    tag inside words (``<fEnIo> ludzie <b>zaliczyli</b>``) is a leftover of the log's page."""
    line_start = text.rfind("\n", 0, start) + 1
    said = CHAT_LINE_RE.match(text, line_start)
    if said is None:
        return False  # (an indented line wrapping one: its tags are the page's)
    if said.group("nick") is not None and said.span("nick") == (start, end):
        return True
    speech = said.end() - 1  # (the pattern ends on the speech's first character)
    return _SAID_MARKUP_RE.match(text, speech) is not None


# A string of code open before the tag on its line: a call's or an assignment's string literal
# (the Python docs' cgi.html as text: ``print("<TITLE>CGI script output</TITLE>")``,
# ``print("<p>name:", form["name"].value)``).
_CODE_STRING_OPEN_RE = lazy(r"(?:[A-Za-z_][\w.]*\(|[A-Za-z_][\w.\]\[]*[ \t]*[+]?=)[ \t]*[rbfu]?(?:\"[^\"\n]*|'[^'\n]*)\Z")


class HtmlEntity(DocumentRule):
    """HTML character references (``&nbsp;``, ``&quot;``, ``&#1575;``) left undecoded.

    What: A named reference that HTML5 defines (``&amp;``, ``&nbsp;``, ``&quot;``, ...)
    or a numeric one (``&#1575;``, ``&#x627;``), always with its final semicolon.
    ``AT&T`` or ``R&D;`` are not references and are left alone.
    Why: The page was stored without decoding entities; the text says ``&quot;``
    where a reader sees ``"``, splitting words and polluting vocabularies.
    Example: ``قال&nbsp;المتحدث &quot;نعم&quot;``.
    In a software message catalogue (the ``message`` document kind: a .po string, or a
    record of a table of messages, ``record-kind = "message"``) a reference is the
    program's, as its markup is (A106): Sphinx's ``%(version)s &#8212; %(docstitle)s``.
    A reference shown rather than left over is not reported: alone inside quotation
    marks or backticks on a line that names entities or HTML (``replaces HTML Entities
    with single Unicode characters (e.g. "&eacute;" with "é")``), or standing apart on
    such a line beside the character it escapes (uri(7): ``амперсанд (&) перезаписывается
    в виде &amp;``, "the ampersand (&) is rewritten as &amp;", in a sentence on HTML/XML),
    or standing apart on a line about references themselves (their name or the ampersand's:
    glib's "valid entities are: &amp; &quot; ...", "escape ampersand as &amp;", fa "(مثل &#234;)"
    in a message on character references, directional marks around it ignored),
    or alone on its line as a cell of a table of references, the next line showing its
    character, under a caption or header naming entities (debian-reference: ``&quot;``
    then ``" (Anführungszeichen)``, in "Liste von vordefinierten Entitäten für XML"),
    or in an example of escaping: on a line naming an escaping function (``HtmlEncode``,
    ``htmlspecialchars``) or showing, as itself, the text its references decode to
    (LibreOffice's Basic help: ``HtmlEncode("<a href=…>From α to ω</a>") ' "&lt;a href=…&gt;From
    &#945; to &#969;&lt;/a&gt;"``; ``_encoding_example``).
    In a Markdown file (text outside code, where the engine reports; not a data set's record
    read as Markdown, whose text was stored, as a chat answer's ``"&gt;"``) a reference is CommonMark's
    own syntax, rendered as its character (npm READMEs: ``# es-hangul &middot;``, a
    changelog's ``-&gt;``): only a reference escaped twice, which a reader sees as a
    reference (``&amp;quot;`` renders as ``&quot;``), is a leftover there. A MediaWiki page
    (.wiki, .wikitext, .mediawiki, or a .txt that clearly is wikitext) is read as markup
    (``corpuslint.readers.wikitext``): its references (``&nbsp;``, ``&ndash;``) are the
    editors' syntax, not reported; a reference escaped twice is, and so are the ``&lt;``,
    ``&gt;``, ``&amp;``, ``&quot;`` of a page whose wikitext was escaped as a whole (two
    or more escaped tags, ``&lt;ref&gt;``: a dump read without decoding it).
    Fix safety: Safe: replaces the reference with exactly the character(s) HTML
    defines for it (``&nbsp;`` becomes U+00A0). Unsafe where the reference may be markup the
    text shows: the whole content of an element on its line (man(7) on ``.UN``: "转换为 HTML
    后为： ``<A NAME="u" id="u">&nbsp;</A>``", the markup a macro writes), or standing apart on a
    line that names HTML, XML or entities ("(the ``&nbsp;`` is optional …)": the reference
    named); decoded, the page would no longer show what it documents. In a document that has markup (Markdown,
    a subtitle file, text with HTML tags) a reference to markup syntax (``&lt;``,
    ``&gt;``, ``&amp;`` and their numeric forms) escapes it: decoded, ``2 &lt; 3`` inside
    ``<font color="#ff00ff">...</font>`` becomes ``2 < 3``, which opens a tag; there the
    fix is unsafe (in wikitext too: ``&lt;ref&gt;`` decoded is a live ``<ref>`` tag). In WebVTT (a .vtt file read as subtitles) they are not reported: cue
    text must write ``<`` and ``&`` as references (W3C WebVTT, cue text escapes).
    References to control characters or undefined code points get no fix.
    """

    code = "A107"
    skip_kinds = MESSAGES  # software messages: see the docstring
    name = "html-entity"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document):
        text = doc.text
        if "&" not in text:
            return
        import html  # (its entity table is only needed for text with an "&")
        from html.entities import html5

        has_tags = webvtt = None  # (asked once, of the first reference to < > &)
        memo: dict = {}  # (what a line answers, for its next reference: _mentioned)
        markdown = doc.is_markdown and getattr(doc, "record", None) is None  # (a data set's record: stored text)
        for m in _ENTITY_RE.finditer(text):
            ref = m.group()
            if ref[1] != "#" and ref[1:] not in html5:
                continue
            if markdown and not (ref == "&amp;" and _ENTITY_BODY_RE.match(text, m.end())):
                continue  # "# es-hangul &middot;", "-&gt; `post`": CommonMark's own references, rendered as the character
            decoded = html.unescape(ref)
            if decoded == ref:
                continue
            if _mentioned(text, m.start(), m.end(), decoded, memo):
                continue  # `"&eacute;" with "é"`, "(&) ... в виде &amp;": the reference shown, in a text about references
            if _table_cell(text, m.start(), m.end(), decoded, memo):
                continue  # "&quot;" then '" (Anführungszeichen)': a table of references and their characters
            if _encoding_example(text, m.start(), m.end(), memo):
                continue  # 'HtmlEncode("<a href=""…"">From α to ω</a>") \' "&lt;a href=&quot;…"': the output shown
            if decoded in _MARKUP_SYNTAX and webvtt is None:
                webvtt = doc.suffix == ".vtt" and is_subtitle(doc)
            if decoded in _MARKUP_SYNTAX and webvtt:
                continue  # WebVTT cue text must write < and & so: its escapes, not a leftover
            fix = None
            if "\ufffd" not in decoded and not _CONTROL_RE.search(decoded):
                edit = Edit(m.start(), m.end(), decoded)
                if decoded in _MARKUP_SYNTAX and has_tags is None:
                    has_tags = _has_tags(doc)
                unsafe = (decoded in _MARKUP_SYNTAX and has_tags) or _beside_markup(text, m.start(), m.end(), memo)
                fix = Fix.unsafe(edit) if unsafe else Fix.safe(edit)
            shown = {"\u00a0": "U+00A0 no-break space"}.get(decoded, f"`{decoded}`")
            yield doc.finding(self, m.start(), m.end(), f"HTML entity `{ref}` (decodes to {shown})", fix=fix)


# An element whose content is references alone, on one line, its name in any case: an anchor
# or a cell that holds a no-break space (man(7): ``<A NAME="u" id="u">&nbsp;</A>``).
_ELEMENT_OF_REFERENCES_RE = lazy(
    r"(?i)<([a-z][a-z0-9]*)\b[^<>\n]{0,200}>(?:[^\S\n]|&(?:[a-z][a-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-f]{1,6});)+</\1\s*>")


def _beside_markup(text: str, start: int, end: int, memo: dict) -> bool:
    """Might the reference at [start, end) be markup the text shows, not a leftover: the
    content of an element on its line that holds references alone (man(7) on ``.UN``: "转换为
    HTML 后为： ``<A NAME="u" id="u">&nbsp;</A>``", the markup a macro becomes), or standing
    apart (a space or an opening mark before it, a space or a closing mark after it) on a line
    that names HTML, XML or entities ("(the ``&nbsp;`` is optional if ...)": the reference
    named)? Decoded, the page would no longer show what it documents: the fix is unsafe there.
    (A reference beside a leftover tag, ``Le café &eacute; noir <b>fort</b>``, is not.)"""
    line_start, line_end = _line_of(text, start, end, memo)
    key = ("elements of references", line_start)
    if key not in memo:
        memo[key] = [m.span() for m in _ELEMENT_OF_REFERENCES_RE.finditer(text, line_start, line_end)] if (
            text.find("</", line_start, line_end) >= 0) else []
    if any(a < start and end < b for a, b in memo[key]):
        return True
    before = text[start - 1] if start > line_start else " "
    after = text[end] if end < line_end else " "
    if not ((before.isspace() or before in _OPENING) and (after.isspace() or after in _CLOSING)):
        return False
    key = ("names entities", line_start)
    if key not in memo:
        memo[key] = _NAMES_ENTITIES_RE.search(text, line_start, line_end) is not None
    return memo[key]


# After "&amp;": the rest of a reference, escaped twice ("&amp;quot;" renders as "&quot;").
_ENTITY_BODY_RE = lazy(r"(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Characters that a reference escapes in a document with markup (see HtmlEntity).
_MARKUP_SYNTAX = frozenset("<>&")
_QUOTE_PAIRS = {'"': '"', "'": "'", "`": "`", "“": "”", "«": "»", "‘": "’"}
_NAMES_ENTITIES_RE = lazy(r"(?i)entit|\bhtml\b|\bxml\b|character reference|كيان|сущност")
# A line about references themselves (not merely about HTML): their name, or the ampersand's, in
# the languages of glib's and GTK's messages ("Character reference did not end with a semicolon;
# ... escape ampersand as &amp;", fa "موجودیت‌های معتبر عبارتند از: &amp; &quot; ...",
# "valid entities are: ..."): a reference standing apart there is the message's subject.
_ABOUT_REFERENCES_RE = lazy(
    r"(?i)\bentit(?:y|ies|é|ät|ad)|character reference|\bampersand|амперсанд|сущност"
    r"|موجودیت|ارجاع نویسه|مرجع (?:ال)?محرف|كيان|امبارساند|ישות|אמפרסנד")
# Directional marks around a reference in right-to-left text (LRM, RLM, ALM, embeddings, isolates).
_BIDI_MARKS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _mentioned(text: str, start: int, end: int, decoded: str, memo: "dict | None" = None) -> bool:
    """Is the reference at [start, end) shown as an example, on a line that names entities
    or HTML: alone inside quotation marks or backticks, or standing apart (a space or an
    opening mark before it, a space or a closing mark after it) on a line that also shows
    the character it escapes (``амперсанд (&) перезаписывается в виде &amp;.``)? ``memo``
    (a dict, one per text) keeps what the line answers for its next reference (read whole
    for each, a one-line file of thousands of references was quadratic)."""
    if start == 0:
        return False
    memo = {} if memo is None else memo
    line_start, line_end = _line_of(text, start, end, memo)

    def line_search(pattern) -> bool:
        key = (pattern.pattern, line_start)
        if key not in memo:
            memo[key] = pattern.search(text, line_start, line_end) is not None
        return memo[key]
    b = start - 1
    while b > line_start and text[b] in _BIDI_MARKS:
        b -= 1  # "(مثل \u200e&#234;\u200e)": a right-to-left message isolates the reference with marks
    a = end
    while a < line_end and text[a] in _BIDI_MARKS:
        a += 1
    before, after = text[b], text[a] if a < len(text) else " "
    quoted = a < len(text) and _QUOTE_PAIRS.get(before) == after
    opens = before.isspace() or before in _OPENING or before in _BIDI_MARKS
    standing = opens and (after.isspace() or after in _CLOSING)
    if ((standing or before == ":" and (after.isspace() or after in _CLOSING))
            and line_search(_ABOUT_REFERENCES_RE)):
        return True  # "برای نوشتن علامت & از &amp; استفاده کنید", "escape ampersand as &amp;": a message about references
    if standing and len(decoded) == 1 and decoded != " ":
        first, last = _raw_span(text, line_start, line_end, decoded, memo)
        apart = first < b or last > a  # shown before the reference (and its marks) or after them
    else:
        apart = standing and decoded in _ENTITY_RE.sub(" ", text[line_start:b] + " " + text[a + 1 : line_end])
    if not (quoted or apart):
        return False
    return line_search(_NAMES_ENTITIES_RE)


# A function that escapes text as references or decodes them, named on a line that shows its
# output (LibreOffice Basic's ``SF_String.HtmlEncode``, PHP's ``htmlspecialchars``, Python's
# ``html.escape``, JavaScript's ``escapeHtml``).
_ENCODER_RE = lazy(r"(?i)\bhtml_?(?:en|de)code|\b(?:en|de)code_?html|htmlspecialchars|html_entity_decode|htmlentities"
                   r"|\bhtml\.(?:un)?escape\b|\b(?:un)?escape_?html\b")
_QUOTES_RE = lazy(r"[\"'`“”«»‘’]")
MIN_EXAMPLE_CHARS = 6  # characters of the decoded run shown beside its references at least


def _encoding_example(text: str, start: int, end: int, memo: dict) -> bool:
    """Is the reference at [start, end) part of an example of escaping: on a line that names
    a function escaping text as references or decoding them (``_ENCODER_RE``), or on a line
    that also shows, as itself, the text its run of references decodes to (the run from the
    line's first reference to its last, holding two at least, ``MIN_EXAMPLE_CHARS`` decoded
    at least; quotation marks ignored, as a language doubles them in a string: LibreOffice's
    Basic help, ``HtmlEncode("<a href=""https://a.b.com"">From α to ω</a>") ' "&lt;a
    href=&quot;https://a.b.com&quot;&gt;From &#945; to &#969;&lt;/a&gt;"``)? Decoded, the
    example would show its input twice and no longer what the function does."""
    import html

    line_start, line_end = _line_of(text, start, end, memo)
    key = ("example", line_start)
    if key not in memo:
        line = text[line_start:line_end]
        refs = list(_ENTITY_RE.finditer(line))
        shown = False
        if _ENCODER_RE.search(line):
            shown = True
        elif len(refs) >= 2:
            a, b = refs[0].start(), refs[-1].end()
            decoded = _QUOTES_RE.sub("", html.unescape(line[a:b]))
            rest = _QUOTES_RE.sub("", line[:a] + "\n" + line[b:])
            shown = len(decoded) >= MIN_EXAMPLE_CHARS and decoded in rest
        memo[key] = shown
    return memo[key]


def _line_of(text: str, start: int, end: int, memo: dict) -> tuple[int, int]:
    """The line holding ``text[start:end]``: its start and end offsets (the last one asked,
    kept in ``memo``: the next reference on it needs no search back to its start)."""
    line_start, line_end = memo.get("line", (1, 0))
    if not line_start <= start <= end <= line_end:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        memo["line"] = line_start, line_end
    return line_start, line_end


def _raw_span(text: str, line_start: int, line_end: int, char: str, memo: dict) -> tuple[float, float]:
    """The first and last offsets of ``char`` written as itself on the line
    ``[line_start, line_end)``, not inside a reference (``_ENTITY_RE``, which the line's
    references are replaced by " " before ``_mentioned`` looks for it); (inf, -inf) if none."""
    key = ("raw", line_start, char)
    if key not in memo:
        if ("refs", line_start) not in memo:
            memo["refs", line_start] = [m.span() for m in _ENTITY_RE.finditer(text, line_start, line_end)]
        refs = memo["refs", line_start]
        found, at = [], text.find(char, line_start, line_end)
        while at >= 0:
            i = bisect_right(refs, (at, float("inf"))) - 1
            if i < 0 or not refs[i][0] <= at < refs[i][1]:
                found.append(at)
            at = text.find(char, at + 1, line_end)
        memo[key] = (found[0], found[-1]) if found else (float("inf"), float("-inf"))
    return memo[key]


_CELL_WINDOW = 1500  # how far back a table's caption or header naming entities may stand


def _table_cell(text: str, start: int, end: int, decoded: str, memo: "dict | None" = None) -> bool:
    """Is the reference at [start, end) a cell of a table of references (a table rendered a
    cell a line: debian-reference's "vordefinierte Entität" / "Zeichen"): alone on its line,
    the next non-blank line shows the character it stands for (``" (Anführungszeichen)``),
    and a line naming entities or HTML/XML stands shortly before it?"""
    line_start, line_end = _line_of(text, start, end, {} if memo is None else memo)
    i, j = start, end  # (read from the reference to the nearest other character, not the whole line)
    while i > line_start and text[i - 1].isspace():
        i -= 1
    while j < line_end and text[j].isspace():
        j += 1
    if i > line_start or j < line_end:
        return False
    following = text[line_end:line_end + 200].lstrip()
    if not following.startswith(decoded) or following[len(decoded):len(decoded) + 1] not in ("", " ", "\t", "\n"):
        return False
    return _NAMES_ENTITIES_RE.search(text, max(0, line_start - _CELL_WINDOW), line_start) is not None


def _has_tags(doc: Document) -> bool:
    """Does ``doc`` carry markup that ``<`` ``>`` ``&`` would interfere with: Markdown, a
    subtitle file, a wikitext page (``&lt;ref&gt;`` decoded is a live ``<ref>`` tag), or
    text with an HTML tag?"""
    from ...structure import SUBTITLE_SUFFIXES

    return (doc.is_markdown or doc.suffix in SUBTITLE_SUFFIXES or doc.is_wikitext
            or HTML_TAG_RE.search(doc.text) is not None)


# Markdown / wiki leftovers: (pattern, description, group holding the text to keep or None).
_MARKUP = [
    (lazy(r"!\[([^\]\n]*)\]\([^)\s]+\)"), "Markdown image", None),
    # (a target with "|" is a synopsis's alternatives: "nano [[+[crCR](/|?)string] arquivo]")
    (lazy(r"(?<!!)\[([^\]\n]+)\]\((?:https?://|/|\./|www\.|#)[^)\s|]*\)"), "Markdown link", 1),
    # (no "[" inside: "[[+linha[,coluna]] arquivo]" nests a command synopsis's optional parts;
    # not a POSIX bracket expression of one class: "[[:alpha:]]", "[[=e=]]", "[[.space.]]";
    # not the shell's conditional command, spaced inside both brackets: "[[ expression ]]",
    # "between [[ and ]]", the reserved words "… time [[ ]]" (bash(1)); a wiki link starts
    # and ends with its title's letters)
    (lazy(r"\[\[(?!([:=.])[^\]\n]+\1\]\])(?![ \t][^\]\n]*[ \t]\]\]|[ \t]*\]\])(?:[^\][|\n]+\|)?([^\][|\n]+)\]\]"), "wiki link", 2),
    (lazy(r"\{\{[^{}\n]+\}\}"), "wiki template", None),
    (lazy(r"'''(?=\S)([^'\n]+?)(?<=\S)'''"), "wiki bold", 1),
    # (bold holds a letter or digit: "(__!__)" is a drawing)
    (lazy(r"(?<![*\w])\*\*(?=\S)([^*\n]*?[\p{L}\p{N}][^*\n]*?)(?<=\S)\*\*(?![*\w])"), "Markdown bold", 1),
    # not a dunder identifier (``__default__``, ``__init__``, C's ``__SMP__``, ``__GNUC__``):
    # one ASCII word in lower case or in capitals
    (lazy(r"(?<![_\w])__(?![a-z][a-z0-9]*__|[A-Z][A-Z0-9]*__)(?=\S)([^_\n]*?[\p{L}\p{N}][^_\n]*?)(?<=\S)__(?![_\w])"),
     "Markdown bold", 1),
    # (a fence opens its line, indented by three spaces at most, and its info string is a word:
    # "```python", "```{.sh}"; "\t\t   ```--. . , ; .--'''" is a drawing's edge)
    (lazy(r"^ {0,3}`{3,}(?:[ \t]*[\p{L}{][^\n\r`]*)?[ \t]*(?=\r?$)", regex.MULTILINE), "Markdown code fence", None),
]
_HEADING_RE = lazy(r"^(#{1,6})[ \t]+(?=\S)(.*?)(?:[ \t]+#+)?[ \t]*$", regex.MULTILINE)
# An edition's text-critical double brackets (fixr29, on fresh29's Nestle 1904 Greek New
# Testament): ``[[ ]]`` around a passage the editors judge a later addition, a verse or
# several (Luke 24:12 ``[[Ὁ δὲ Πέτρος ἀναστὰς ἔδραμεν ἐπὶ τὸ μνημεῖον· καὶ …]]``, Mark 16:9-20
# across twelve lines), not a wiki link: a link's title is a page's name, on one line, and
# holds no sentence. A bracketed span without ``|`` holding a sentence's end (an ano teleia,
# a Greek question mark, a sof pasuq, a danda, ``。``, ``؟`` before a space or the span's
# end; or ``.``, ``!``, ``?`` after a word of four lower-case letters, with two words after
# it, or ``.`` closing a span of three words or more: ``…τοὺς πόδας.]]``; not "St. Louis",
# "Washington, D.C.") is one, and so, in a document that has one or that opens ``[[`` on a
# line and closes it on a later one, is every other span without ``|`` (Luke 24:52
# ``[[προσκυνήσαντες αὐτὸν]]``).
_SIGLUM_SENTENCE_RE = lazy(
    r"[\u00b7\u0387\u037e\u05c3\u0964\u0965\u3002\u061f\u06d4](?:\s|\Z)"
    r"|(?:\p{Ll}\p{M}*){4}[.!?][ \t]+\S+[ \t]+\S"
    r"|\S+[ \t]+\S+[ \t]+(?:\S+[ \t]+)*(?:\p{Ll}\p{M}*){4}\.\Z")
_OPEN_ACROSS_LINES_RE = lazy(r"\[\[[^\]\n]*\n")  # "[[" with no "]]" after it on its line
_CLOSE_ACROSS_LINES_RE = lazy(r"^[^\[\n]*\]\]", regex.MULTILINE)  # "]]" with no "[" before it on its line


def _editorial_brackets(text: str, spans: list[str]) -> bool:
    """Does the document use ``[[ ]]`` as an edition's brackets (above): one of its
    ``spans`` (the text inside each pair without ``|``) holds a sentence's end, or a pair
    opens on one line and closes on a later one?"""
    if any(_SIGLUM_SENTENCE_RE.search(span) for span in spans):
        return True
    opened = _OPEN_ACROSS_LINES_RE.search(text)
    return opened is not None and _CLOSE_ACROSS_LINES_RE.search(text, opened.end()) is not None


# Heading text that reads as a code comment: starts in lower case (``# or``, ``# by
# default none is loaded``), ends like a sentence or statement (``.``, ``;``, ``,``), or
# holds code syntax (``<name>``, ``=``, ``/path``, quotes, backticks).
_COMMENT_LIKE_RE = lazy(r"^\p{Ll}|[.;,]$|[<>=`\"{}$]|\S/|/\S")
_WIDE_HASH_RE = lazy(r"#+[ \t]{2}")
_WIKI_HEADING_RE = lazy(r"^(={2,6})[ \t]*([^=\n]+?)[ \t]*\1[ \t]*$", regex.MULTILINE)


class LightweightMarkup(DocumentRule):
    """Markdown or wiki markup left in a plain-text (.txt) file.

    What: In plain-text files only (option ``suffixes``, default ``.txt`` and ``.text``;
    ``.md`` and wiki sources are markup on purpose), and in the prose of MediaWiki pages
    (.wiki, .wikitext, .mediawiki, or a .txt that clearly is wikitext), which
    ``corpuslint.readers.wikitext`` reads as markup: there links, templates, bold and
    headings are the page's syntax, not reported, and only Markdown is:
    Markdown headings (``## Title``), bold (``**x**``, ``__x__``), links
    (``[text](https://...)``), images, code fences, and wiki links (``[[a|b]]``),
    templates (``{{cite ...}}``), bold (``'''x'''``) and headings (``== x ==``). Single
    ``*`` or ``_`` (footnote marks, ``*المصدر:``), bullets and ``#`` without a space
    are not matched, nor are identifiers written with double underscores
    (``__default__``, ``__init__``, C's ``__SMP__``: one ASCII word in lower case or in
    capitals), "bold" without a letter or digit (``(__!__)``: a drawing), and the nested
    brackets and ``|`` alternatives of a command synopsis (``nano [[+linha[,coluna]]
    arquivo]``, ``[[+[crCR](/|?)string] arquivo]``), which are no wiki or Markdown link, nor
    a POSIX bracket expression of one character class (``[[:alpha:]]``, ``[[=e=]]``: rsync(1)'s
    patterns), nor the shell's conditional command, spaced inside both brackets (``[[
    expression ]]``, ``the words between [[ and ]]``: bash(1)), nor an edition's text-critical
    double brackets around a passage it judges a later addition (Nestle 1904, Luke 24:12 ``[[Ὁ δὲ
    Πέτρος ἀναστὰς … μνημεῖον· καὶ …]]``): a span without ``|`` holding a sentence's end, and every
    span without ``|`` in a document that has one or opens ``[[`` on one line and closes it on a
    later one (Mark 16:9-20); a link's title holds no sentence and no line break ("[[St. Louis
    Cardinals]]", ``[[Page|label]]`` stay reported). Technical text quotes shell sessions and configuration files, so
    a ``#`` line is not a heading when it is a root prompt with a command (``# apt
    install x``) or sits in a block of code (``corpuslint.structure``: the engine
    skips code regions), or when its text reads as a comment: it starts in lower case
    (``# by default none is loaded``), ends with ``.``, ``;`` or ``,``, holds code
    syntax (``<name>``, ``=``, paths, quotes), or the ``#`` is followed by two spaces;
    and in a document that quotes code anywhere, ``#`` lines are read as comments. A code
    fence opens its line (indented by three spaces at most, as CommonMark has it) and names a
    language or nothing after it: backticks inside a drawing (fortunes-it's ``\t\t   ```--. . , ;
    .--'''``, a cup's rim) are not one.
    Why: Markup tokens are not language; a corpus mixing raw and rendered text
    teaches models to produce stray asterisks and brackets.
    Example: ``**عاجل** اقرأ [التفاصيل](https://example.com/a)``.
    Fix safety: Unsafe: keeps the visible text (link text, heading text, bold text),
    drops the markup; images, templates and code fences are removed entirely.
    """

    code = "A108"
    name = "lightweight-markup"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True
    options = {"suffixes": [".txt", ".text"]}

    def check(self, doc: Document):
        wiki = doc.is_wikitext  # (a MediaWiki page, .wiki or a .txt that reads so: its own markup is no leftover)
        if not wiki and doc.suffix not in {s.lower() for s in self.opts["suffixes"]}:
            return
        text = doc.text
        if not any(c in text for c in "#*_[{'`="):
            return
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return not any(a < e and s < b for a, b in taken)

        quotes_code = any(r.kind == CODE for r in doc.regions)
        for m in _HEADING_RE.finditer(text) if not wiki else ():  # (a wikitext "#" opens a numbered list)
            if quotes_code or _COMMENT_LIKE_RE.search(m.group(2)) or _WIDE_HASH_RE.match(m.group()):
                continue  # a shell or configuration comment, not a heading (see docstring)
            taken.append(m.span())
            yield doc.finding(self, m.start(), m.end(), f"Markdown heading `{m.group(1)}`",
                              fix=Fix.unsafe(Edit(m.start(), m.end(), m.group(2))))
        for m in _WIKI_HEADING_RE.finditer(text) if not wiki else ():
            taken.append(m.span())
            yield doc.finding(self, m.start(), m.end(), "wiki heading",
                              fix=Fix.unsafe(Edit(m.start(), m.end(), m.group(2))))
        editorial = None  # the document's [[ ]] are an edition's brackets (``_editorial_brackets``)
        for rx, what, keep in _MARKUP:
            if wiki and what.startswith("wiki"):
                continue
            for m in rx.finditer(text):
                if not free(*m.span()):
                    continue
                if what == "wiki link" and "|" not in m.group():
                    if editorial is None:
                        editorial = _editorial_brackets(text, [w.group(2) for w in rx.finditer(text) if "|" not in w.group()])
                    if editorial:
                        continue  # "[[Ὁ δὲ Πέτρος ἀναστὰς … τὸ γεγονός.]]": a passage an edition brackets, not a link
                taken.append(m.span())
                shown = m.group() if len(m.group()) <= 40 else m.group()[:37] + "..."
                replacement = m.group(keep) if keep else ""
                yield doc.finding(self, m.start(), m.end(), f"{what} `{shown}`",
                                  fix=Fix.unsafe(Edit(m.start(), m.end(), replacement)))


class ControlCharacter(DocumentRule):
    """Stray control characters (C0 and C1, except tab, line feed and carriage return).

    What: Characters U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+007F and
    U+0080–U+009F, and ANSI terminal escape sequences (``ESC [ 31 m``). One finding per
    line, counting what it holds (a fortune coloured for the terminal carries a dozen
    escape sequences a line: ``12 terminal escape sequences on this line: 5 × `ESC[m`,
    ...``); its fix deletes each of them and nothing between. C1 characters inside a span
    that A105 (mojibake) reports are left to A105 (``encoding.in_mojibake``: one defect, one
    verdict): bytes of mis-decoded letters, whose deletion would make the repair impossible,
    or the bytes left of lost characters in a word of another script (Khmer ``ប្រវត្\\x8fិ``).
    Any other is reported here, on a line ftfy could repair too: those between signs in a token
    of random bytes (fortunes-es' modem noise ``!!\\x91\\x9c\\x9c/!``), which A105 leaves. A form feed alone
    on its line is a page separator, layout (``^L`` between the sections of a TeX macro
    file, an Emacs page, an RFC's page end), not reported; one inside a line of text is.
    Nor are a GNU Info file's own (``corpuslint.info``: markup): the node separator U+001F
    opening each node (``^_`` over ``File: magit.info,  Node: Top, ...``: without it ``info``
    finds no node) and the NUL/backspace markers of an index (``^@^H[index^@^H]``).
    Why: Control characters are invisible in most editors, break tokenizers, JSON
    exports and terminal output, and never carry meaning in prose.
    Example: ``الرئيس\\x08 الروسي`` (a backspace from a copy-paste).
    Fix safety: Safe: deletes exactly the control characters (or escape sequence), and
    mIRC's colour digits after U+0003 (``\\x038,1``: part of the code); a backspace
    overstrike becomes the letter it shows (``_\\bn`` underlined, ``X\\bX`` bold: nroff's
    convention) rather than losing only the backspace (``_n``). Unsafe when a deletion
    would glue the letters on its two sides into one token (``jkl\\a\\ajkl``,
    ``teh\\b\\bhe``: what it meant is not known), or when the character stands alone in
    quotes or brackets: the text names it ("the unit separator character (^_) right after
    the file name", the ^_ written as itself; deleting it leaves "()").
    """

    code = "A109"
    name = "control-character"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document):
        text = doc.text
        if not ANY_CONTROL_RE.search(text):
            return
        matches = list(_CONTROL_RE.finditer(text))
        if not matches:
            return
        group: list = []  # the matches of one line
        group_end = -1  # where that line ends
        for m in matches:
            if m.start() >= group_end:
                if group:
                    yield self._finding(doc, group)
                    group = []
                nl = text.find("\n", m.start())
                group_end = len(text) if nl < 0 else nl
            if m.group().strip("\f") == "" and _page_break(text, m.start(), m.end()):
                continue  # a form feed alone on its line: a page separator, layout
            if _C1_RE.match(m.group()) and mojibake_byte(doc, m.start(), m.end()):
                continue  # bytes of A105's mis-decoded letters, or lost bytes it reports: its one defect
            group.append(m)
        if group:
            yield self._finding(doc, group)

    def _finding(self, doc: Document, group: list):
        """One finding for the control characters and escape sequences of one line: its
        span from the first to the last, its fix undoing each of them (``control_edits``)."""
        edits, safe = control_edits(doc.text, group)
        if safe and any(_named_control(doc.text, m.start(), m.end()) for m in group):
            safe = False  # a character the sentence names: "the unit separator character (^_)"
        fix = Fix.safe(*edits) if safe else Fix.unsafe(*edits)
        if len(group) == 1:
            m = group[0]
            return doc.finding(self, m.start(), m.end(), _control_message(m.group()), fix=fix)
        return doc.finding(self, group[0].start(), group[-1].end(), _line_message([m.group() for m in group]),
                           fix=fix)


# Quotes and brackets around a control character the text names: opening -> closing.
_NAMING_PAIRS = {**_QUOTE_PAIRS, "(": ")", "[": "]", "<": ">", "„": "“", "‹": "›"}


def _named_control(text: str, start: int, end: int) -> bool:
    """True when the control characters ``text[start:end]`` stand alone between a pair of
    quotes or brackets: the text names them (with-editor's manual: "Note that the unit
    separator character (^_) right after the file name ($0) is required", the ^_ written
    as itself), and deleting them leaves "()"."""
    return 0 < start and end < len(text) and _NAMING_PAIRS.get(text[start - 1]) == text[end]


def _page_break(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` (form feeds) is alone on its line (a carriage return
    before the line feed allowed): a page separator, the convention of Emacs (``^L``, its
    ``forward-page``), of TeX sources (TeX reads it as ``\\par``), of GNU C and Python
    sources and of RFC texts, where it ends each printed page."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text.startswith(("\n", "\r\n"), end))


def control_edits(text: str, group: list) -> tuple[list[Edit], bool]:
    """(edits, safe) undoing the control characters ``group`` (``_CONTROL_RE`` matches of
    one line, in order) in ``text``; safe is False when one edit may change a word.

    - A run of k backspaces is nroff's overstrike (man pages, fortune files) when the k
      characters before it and the k after it pair up as one visible character and
      ``_`` (underline: ``_\\bn``, ``___\\b\\b\\bEXP``) or the same character twice
      (bold: ``I\\bI``): the pairs are replaced by the characters they show. Any other
      backspace (``o\\b/``, ``teh\\b\\bhe``, ``الرئيس\\b الروسي``) is deleted as below.
    - U+0003 takes its mIRC colour digits with it (``\\x038,1 zapraszam``).
    - Any other control character or sequence is deleted; unsafe when the characters
      on its two sides then make one word token (``corpuslint.text.tokens``:
      ``skldfjkl\\a\\a\\ajkl`` would become one word).
    """
    edits: list[Edit] = []
    line_start = text.rfind("\n", 0, group[0].start()) + 1
    for m in group:
        start, end, found = m.start(), m.end(), m.group()
        floor = edits[-1].end if edits else line_start
        if found.strip("\b") == "":
            shown = overstrike_at(text, start, end, floor)
            if shown is not None:
                k = len(found)
                edits.append(Edit(start - k, end + k, shown))
                continue
        if found.endswith("\x03"):
            colour = MIRC_COLOUR_DIGITS_RE.match(text, end)
            if colour is not None:
                end = colour.end()
        edits.append(Edit(start, end))
    # a deletion glues when the characters on its two sides in the fixed line are one word
    # token (``text.tokens``: two letters of a spaced script; after the other edits too:
    # "ء\\a_\\bn" would give "ءn"; "文\\ax" stays two tokens)
    pieces, cuts, pos = [], [], line_start
    for e in edits:
        pieces += [text[pos : e.start], e.replacement]
        pos = e.end
        if not e.replacement:
            cuts.append(sum(map(len, pieces)))
    line_end = text.find("\n", pos)
    shown = "".join(pieces) + text[pos : len(text) if line_end < 0 else line_end]
    safe = not any(_glued(shown, c) for c in cuts)
    return edits, safe


def _glued(shown: str, cut: int) -> bool:
    """True when the visible characters on the two sides of offset ``cut`` of ``shown`` (past
    format marks, which show nothing: «ء\u200eء» shows «ءء») are one word token."""
    left, right = cut - 1, cut
    while left >= 0 and cut - left <= 8 and unicodedata.category(shown[left]) == "Cf":
        left -= 1
    while right < len(shown) and right - cut < 8 and unicodedata.category(shown[right]) == "Cf":
        right += 1
    if left < 0 or right >= len(shown):
        return False
    pair = shown[left] + shown[right]
    return tokens(pair) == [pair]
