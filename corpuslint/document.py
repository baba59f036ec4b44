"""The Document model: one decoded text plus spans and views computed once, shared by rules.

``text`` is the exact decoded content (BOM and CR characters included), so that
``text.encode("utf-8")`` reproduces the file byte for byte and a fix can never touch
a byte outside the span it edits. Lines, paragraphs and sentences are computed lazily
and cached on the instance: every rule that asks gets the same objects.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Iterable

import regex

from .findings import Finding, Fix, Location
from .text import normalize

if TYPE_CHECKING:
    from .rules import Rule

_NEWLINE_RE = regex.compile(r"\r\n|\n|\r")
_FENCE_RE = regex.compile(r" {0,3}(`{3,}|~{3,})")
_INLINE_CODE_RE = regex.compile(r"(?<!`)(`+)(?!`)(?:.+?)(?<!`)\1(?!`)")
_HTML_COMMENT_RE = regex.compile(r"<!--.*?-->", regex.DOTALL)
MARKDOWN_SUFFIXES = (".md", ".markdown")
_SENTENCE_END_RE = regex.compile(r"(?<=[.!?؟؛…])(?:[\"'”’»)\]]*)\s+|(?<=[.!?؟؛])$")


@dataclass(frozen=True, slots=True)
class Line:
    """One line: ``text[start:end]`` is its content, ``end:next_start`` its line ending."""

    number: int  # 1-based
    start: int
    end: int
    newline: str  # "\n", "\r\n", "\r" or "" for the last line


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph or sentence: ``text[start:end]`` with the 1-based line it starts on."""

    start: int
    end: int
    line: int


class Document:
    def __init__(self, path: str, text: str, *, suffix: str | None = None):
        self.path = path
        self.text = text
        self.suffix = (suffix if suffix is not None else _suffix(path)).lower()

    def with_text(self, text: str) -> "Document":
        """The same document (path, type; a record keeps its record) with new text."""
        return Document(self.path, text, suffix=self.suffix)

    # -- identity -------------------------------------------------------------
    @cached_property
    def content_hash(self) -> str:
        return hashlib.blake2b(self.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    # -- positions ------------------------------------------------------------
    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _NEWLINE_RE.finditer(self.text)]

    @cached_property
    def lines(self) -> list[Line]:
        """All lines. A file ending in a newline has no extra empty last line."""
        out: list[Line] = []
        pos = 0
        number = 0
        for m in _NEWLINE_RE.finditer(self.text):
            number += 1
            out.append(Line(number, pos, m.start(), m.group()))
            pos = m.end()
        if pos < len(self.text) or not out:
            out.append(Line(number + 1, pos, len(self.text), ""))
        return out

    def line_text(self, line: Line) -> str:
        return self.text[line.start : line.end]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset, as an editor shows it: a
        byte-order mark is not a column (the first character after it is column 1)."""
        starts = self._line_starts
        index = bisect_right(starts, offset) - 1
        column = offset - starts[index] + 1
        if index == 0 and offset > 0 and self.text.startswith("\ufeff"):
            column -= 1
        return index + 1, column

    def location(self, offset: int) -> Location:
        line, column = self.position(offset)
        return Location(self.path, line, column)

    # -- units ----------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Unit]:
        """Maximal runs of non-blank lines (so one-paragraph-per-line files work too)."""
        out: list[Unit] = []
        current: list[Line] = []
        for line in self.lines:
            if self.text[line.start : line.end].strip():
                current.append(line)
                continue
            if current:
                out.append(Unit(current[0].start, current[-1].end, current[0].number))
                current = []
        if current:
            out.append(Unit(current[0].start, current[-1].end, current[0].number))
        return out

    @cached_property
    def line_paragraphs(self) -> list[Unit]:
        """Each non-blank line as a unit (news scrapes put one paragraph per line)."""
        return [
            Unit(ln.start, ln.end, ln.number) for ln in self.lines if self.text[ln.start : ln.end].strip()
        ]

    @cached_property
    def sentences(self) -> list[Unit]:
        """Sentences split at . ! ? ؟ ؛ … and at line ends (Arabic-aware)."""
        out: list[Unit] = []
        for line in self.line_paragraphs:
            pos = line.start
            segment = self.text[line.start : line.end]
            for m in _SENTENCE_END_RE.finditer(segment):
                end = line.start + m.start()
                if self.text[pos:end].strip():
                    out.append(Unit(pos, end, self.position(pos)[0]))
                pos = line.start + m.end()
            if self.text[pos : line.end].strip():
                out.append(Unit(pos, line.end, self.position(pos)[0]))
        return out

    @cached_property
    def code_spans(self) -> list[tuple[int, int]]:
        """Sorted (start, end) spans of Markdown code and comments: fenced blocks (with
        their fences), inline code and HTML comments. Empty for other file types.

        Text there is quoted on purpose (sample output, commands), so the engine drops
        findings inside these spans unless the rule sets ``checks_code``."""
        if self.suffix not in MARKDOWN_SUFFIXES:
            return []
        spans: list[tuple[int, int]] = []
        fence: str | None = None
        block_start = 0
        prose: list[Line] = []
        for line in self.lines:
            text = self.text[line.start : line.end]
            m = _FENCE_RE.match(text)
            if fence is None:
                if m:
                    fence, block_start = m.group(1), line.start
                else:
                    prose.append(line)
            elif m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not text[m.end():].strip():
                spans.append((block_start, line.end))
                fence = None
        if fence is not None:  # unclosed fence: code to the end, as CommonMark says
            spans.append((block_start, len(self.text)))
        for line in prose:
            for m in _INLINE_CODE_RE.finditer(self.text, line.start, line.end):
                spans.append((m.start(), m.end()))
        spans.extend(m.span() for m in _HTML_COMMENT_RE.finditer(self.text))
        return sorted(spans)

    def in_code(self, start: int, end: int) -> bool:
        """True if [start, end) lies inside one of ``code_spans``."""
        spans = self.code_spans
        if not spans:
            return False
        i = bisect_right(spans, (start, float("inf"))) - 1
        return i >= 0 and spans[i][0] <= start and end <= spans[i][1]

    # -- normalised views -----------------------------------------------------
    @cached_property
    def normalized_lines(self) -> list[str]:
        """``normalize.normalize_line`` of every line, index-aligned with ``lines``."""
        return [normalize.normalize_line(self.text[ln.start : ln.end]) for ln in self.lines]

    @cached_property
    def words(self) -> list[str]:
        return normalize.words(self.text)

    # -- building findings ----------------------------------------------------
    def finding(
        self,
        rule: "Rule",
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        related: Iterable[Location] = (),
    ) -> Finding:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Finding(
            code=rule.code,
            rule=rule.name,
            family=rule.family,
            severity=rule.severity,
            message=message,
            path=self.path,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            fix=fix,
            related=tuple(related),
        )

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {len(self.text)} chars)"


def _suffix(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""
