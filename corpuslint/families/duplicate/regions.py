"""Which text the in-document duplicate rules (D101-D103) compare: prose, not structure.

Repeated structure is not duplicated content: a Markdown table's header row repeated
over every table, the same heading ("## Example") in every section, a label line
("*When:*", "Default value:"), a code sample shown twice. ``prose_mask`` says, per
unit, whether it is prose to compare; it is the one place the duplicate family asks
about document structure.

Markdown structure comes from the document's code spans (fenced and inline code,
HTML comments) plus the line-shape checks below, which also hold for plain text
(tables drawn with ``|``, label lines).
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from typing import Iterable

import regex

from ...document import Document

# A table row: at least two cell separators, or a Markdown delimiter row (|---|:--:|).
_TABLE_ROW_RE = regex.compile(r"^\s*\|.*\|\s*$|^[^|\n]*\|[^|\n]*\|[^|\n]*$|^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
# A label line: one to three words then a colon, with little after it ("*When:*",
# "**Default value:** `None`", "Example:", "الموضوع:").
_LABEL_RE = regex.compile(r"^[\s*_>#\-+•·]*(?:[\p{L}\p{M}\p{N}'’]+[\s-]?){1,3}[*_]*\s*[:：][*_]*(?P<rest>.*)$")
_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# A record field: an emphasised label opening the line ("*When:* every night",
# "**Default:** `false`"): records repeat their fields by design.
_FIELD_RE = regex.compile(r"^[\s>\-+•·]*(?:\*\*?|__?)[^*_\n]{1,40}?[:：]\s*(?:\*\*?|__?)")
# A Markdown ATX heading, a setext underline, a link reference definition.
_HEADING_RE = regex.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_SETEXT_RE = regex.compile(r"^ {0,3}(?:=+|-+)\s*$")
_LINK_DEF_RE = regex.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
_HTML_LINE_RE = regex.compile(r"^\s*(?:</?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?/?>|<!)")
# A lead-in: a short line ending in a colon ("On POSIX and Windows:", "The equivalent
# can be done with the following snippet:") introduces the code or list after it.
_LEAD_IN_RE = regex.compile(r"[:：][*_`]*\s*$")
LEAD_IN_MAX_WORDS = 16
# Markdown list items and block quotes: enumerations of parallel alternatives.
_LIST_OR_QUOTE_RE = regex.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?:\s|$)")
MARKDOWN_SUFFIXES = (".md", ".markdown")


# Code and program output shown in plain text (technical books exported to text keep
# their shell sessions): a prompt, a log timestamp, columns aligned with runs of
# spaces, a path or identifier-heavy line, a line ending in ; { } or a comment opener.
_PROMPT_RE = regex.compile(r"^\s*(?:[$#%]|[\w.@-]+[$#%>])\s+[\w./~-]")
_TIMESTAMP_RE = regex.compile(r"^\s*(?:\[?\d{4}-\d\d-\d\d|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d)")
_COLUMNS_RE = regex.compile(r"\S {2,}\S.* {2,}\S|^\s{8,}\S")
_CODE_END_RE = regex.compile(r"[;{}\\]\s*$|\S \.\.\.\s*$|^\s*(?:[{}\]\[]|#include|//|/\*|\*/)")
_SYMBOL_RE = regex.compile(r"[/=<>{}\[\]|_$@#%&*+\\~^]")
_INLINE_CODE_RE = regex.compile(r"`+[^`]*`+")


def code_like_line(text: str) -> bool:
    """True for a line that looks like code or program output rather than prose
    (including progress messages ending in " ...": "Setting up man-db (2.9.4-2) ...")."""
    if _PROMPT_RE.match(text) or _TIMESTAMP_RE.match(text) or _COLUMNS_RE.search(text) or _CODE_END_RE.search(text):
        return True
    stripped = _INLINE_CODE_RE.sub("`", text).strip()  # inline code in prose is prose
    return len(stripped) > 0 and len(_SYMBOL_RE.findall(stripped)) >= max(2, 0.08 * len(stripped))


def markdown_structure_line(text: str) -> bool:
    """True for a Markdown line that is markup, not prose: a table row, an HTML block
    line, a link reference definition (headings are handled by the caller: their text
    is prose, their ``#`` signs are not)."""
    return any(r.match(text) is not None for r in (_TABLE_ROW_RE, _HTML_LINE_RE, _LINK_DEF_RE))


def strip_heading(text: str) -> str | None:
    """The text of a Markdown ATX heading line without its ``#`` signs, or None."""
    m = _HEADING_RE.match(text)
    if m is None:
        return None
    return regex.sub(r"\s+#+\s*$", "", text[m.end():]).strip()


def structural_line(text: str, *, markdown: bool = False) -> bool:
    """True for a line that is document structure rather than prose: a table row, a
    label with at most a few words after its colon, a short lead-in ending in a colon,
    code or program output (``code_like_line``), or (in Markdown) a heading, a link
    reference definition or a line of an HTML block."""
    if _TABLE_ROW_RE.match(text):
        return True
    if _FIELD_RE.match(text):
        return True
    m = _LABEL_RE.match(text)
    if m and len(_WORD_RE.findall(m.group("rest"))) <= 3:
        return True
    if _LEAD_IN_RE.search(text) and len(_WORD_RE.findall(text)) <= LEAD_IN_MAX_WORDS:
        return True
    if code_like_line(text):
        return True
    return markdown and any(r.match(text) is not None for r in (_HEADING_RE, _LINK_DEF_RE, _HTML_LINE_RE))


def section_starts(doc: Document) -> list[int]:
    """Sorted offsets where a Markdown section starts (each heading outside code);
    empty for other documents. In Markdown, copies under different headings are
    per-section notes ("This value is not exported to the environment for child
    processes." under every option), not duplicates: D101-D103 compare within a
    section."""
    if doc.suffix not in MARKDOWN_SUFFIXES:
        return []
    text = doc.text
    out: list[int] = []
    prev_blank = True
    prev_start = 0
    for line in doc.lines:
        body = text[line.start : line.end]
        if _HEADING_RE.match(body) and not doc.in_code(line.start, line.end):
            out.append(line.start)
        elif not prev_blank and _SETEXT_RE.match(body) and not doc.in_code(line.start, line.end):
            out.append(prev_start)
        prev_blank = not body.strip()
        prev_start = line.start
    return out


def section_of(starts: list[int], offset: int) -> int:
    """Index of the section holding ``offset`` (0 before the first heading)."""
    return bisect_right(starts, offset)

def prose_mask(doc: Document, spans: Iterable[tuple[int, int]], *, lists: bool = True) -> list[bool]:
    """For each ``(start, end)`` span of ``doc`` (whole lines): True when at least one
    of its non-blank lines is prose, i.e. neither inside Markdown code
    (``Document.in_code``: fences, inline code, HTML comments) nor structural. With
    ``lists=False``, a Markdown span that starts a list item or block quote is not
    prose either: list items are parallel alternatives by design (the same
    "Returns: A promise fulfilled with `undefined`." under every method, the same
    event in two event sequences)."""
    markdown = doc.suffix in MARKDOWN_SUFFIXES
    text = doc.text
    out = []
    for start, end in spans:
        prose = False
        if markdown and not lists:
            line_start = text.rfind("\n", 0, start) + 1
            if _LIST_OR_QUOTE_RE.match(text, line_start):
                out.append(False)
                continue
        pos = start
        for ln in text[start:end].splitlines(keepends=True):
            body = ln.rstrip("\r\n")
            if body.strip() and not structural_line(body, markdown=markdown):
                if not (markdown and doc.in_code(pos, pos + len(body))):
                    prose = True
                    break
            pos += len(ln)
        out.append(prose)
    return out


# -- genre ----------------------------------------------------------------------------

_ARABIC_LETTER_RE = regex.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_HARAKAT = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]
VOCALISED_SHARE = 0.4
_VOCALISED: "weakref.WeakKeyDictionary[Document, bool]" = weakref.WeakKeyDictionary()


def vocalised(doc: Document) -> bool:
    """True when the document is fully vocalised Arabic-script text: at least
    ``VOCALISED_SHARE`` harakat per Arabic letter over at least 200 letters. Modern
    prose (news, documentation) is written without harakat; full vocalisation marks
    scripture, hadith, classical poetry and teaching texts, genres where repetition
    (refrains, parallel narrations, formulae) is deliberate."""
    cached = _VOCALISED.get(doc)
    if cached is None:
        text = doc.text
        harakat = sum(map(text.count, _HARAKAT))  # C-level counts: most text has none
        cached = harakat >= VOCALISED_SHARE * 200 and harakat >= VOCALISED_SHARE * len(_ARABIC_LETTER_RE.findall(text))
        _VOCALISED[doc] = cached
    return cached


GENRES = ("auto", "prose", "formulaic")


def check_genre(rule) -> None:
    """Validate a rule's ``genre`` option (raises ConfigError)."""
    if rule.opts["genre"] not in GENRES:
        from ...config import ConfigError

        raise ConfigError(f"rules.{rule.code}.genre: expected one of {', '.join(GENRES)}, got {rule.opts['genre']!r}")
