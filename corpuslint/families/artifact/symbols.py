"""A111 symbol-only-line."""

from __future__ import annotations

from ...document import Document
from ...findings import Severity
from ...rules import DocumentRule
from ...structure import BLOCKQUOTE, CODE, HEADING, MESSAGES, PROSE, markdown_containers
from ...text.lazy_regex import lazy
from ._common import remove_line_fix

# Lines with no letter and no digit but at least one visible character.
_SYMBOL_LINE_RE = lazy(r"^[^\p{L}\p{N}]*$")
_VISIBLE_RE = lazy(r"[^\s\p{Cf}]")
_CODE_ONLY = frozenset({CODE})
# The markers opening a line of a Markdown block quote: a line of only these is the quote's
# blank line, joining two of its paragraphs.
_QUOTE_MARKERS_RE = lazy(r"^[ \t]*(?:>[ \t]?)+")


class SymbolOnlyLine(DocumentRule):
    """A line made only of punctuation or symbols, carrying no word.

    What: A non-blank line without any letter or digit: separators (``***``, ``---``,
    ``|||``, ``• • •``), stray brackets or quotes, arrows, emoji rows. Lines with a
    digit are never flagged: dates (``24/1/2024``), times (``07:13 ص``), scores, prices
    and numbers are content even on a line of their own. In Markdown files, table
    delimiter rows (``| --- | :-: |``), thematic breaks (``---``), the blank line of
    a block quote (``>`` between two quoted paragraphs) and the closing fences of
    extension containers (pymdownx ``///`` and ``////``, ``:::``: ``markup`` regions, see
    ``corpuslint.structure``) are syntax, not debris, and are not flagged either, nor is a line holding inline code (the last
    line of a wrapped sentence: ``All paths must be relative URLs starting with`` /
    "`./`."); nor is anything in a plain-text document that
    quotes code (command lines, configuration, program output: see
    ``corpuslint.structure``): there ``}``, ``[...]``, ``-----`` and ``#`` lines
    belong to the quoted material; nor in a software message catalogue (the strings of
    a .po file, the ``message`` document kind: ``:``, ``{}.`` are messages). Blank and
    whitespace-only lines belong to the whitespace family.
    Why: Such lines are layout debris from table cells, separators and widgets; they
    add no language and break paragraph statistics.
    Example: ``|||`` or ``* * *`` between paragraphs of a scraped article.
    Fix safety: Unsafe (scene-break markers like ``* * *`` can be intended in
    literature): removes the whole line and its line ending, plus one adjacent blank
    line when two blank lines would otherwise meet.
    """

    code = "A111"
    skip_kinds = MESSAGES  # software messages: see the docstring
    name = "symbol-only-line"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True
    # Not tables (delimiter rows), code (``}``, ``[...]`` lines) or Markdown syntax
    # (thematic breaks ``---``, list markers): only written text.
    regions = frozenset({PROSE, HEADING})

    def check(self, doc: Document):
        text = doc.text
        if not doc.is_markdown and any(r.kind == CODE for r in doc.regions):
            return  # technical plain text: separators and punctuation lines belong to quoted output
        for index, line in enumerate(doc.lines):
            content = text[line.start : line.end]
            if not _SYMBOL_LINE_RE.match(content) or not _VISIBLE_RE.search(content):
                continue
            if doc.is_markdown and index in markdown_containers(doc)[BLOCKQUOTE]:
                if not _VISIBLE_RE.search(_QUOTE_MARKERS_RE.sub("", content)):
                    continue  # ">": the blank line of a block quote
            if doc.is_markdown and not doc.outside(line.start, line.end, _CODE_ONLY):
                continue  # a wrapped sentence's last line: "`./`." (the symbols are code)
            lead = len(content) - len(content.lstrip())
            stripped = content.strip()
            yield doc.finding(
                self,
                line.start + lead,
                line.start + len(content.rstrip()),
                f"line of symbols only `{stripped[:30]}`",
                fix=remove_line_fix(doc, index),
            )
