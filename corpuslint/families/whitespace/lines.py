"""Rules about line structure: blank-line runs, end of file, line endings."""

from __future__ import annotations

import re
from functools import lru_cache

from ...findings import Edit, Fix
from ...rules import DocumentRule
from ...structure import ALL_REGIONS, CODE, HEADING, MARKUP, RST_SUFFIXES
from ._common import NEWLINE_RE, dominant_newline, in_sources, unit_name

_NAMES = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}


def _blank(doc, line) -> bool:
    return not doc.text[line.start : line.end].strip()


def _last_content_index(doc) -> int:
    for i in range(len(doc.lines) - 1, -1, -1):
        if not _blank(doc, doc.lines[i]):
            return i
    return -1


# A drawn line: three visible characters or more, at least half of them neither letters nor
# digits (``///,-`", ``(_)\  ""-------.``, ``|||       |||``).
DRAWING_LINES = 3  # drawn lines that make a block (a run of non-blank lines) a drawing


def _drawn(line: str) -> bool:
    visible = [c for c in line if not c.isspace()]
    return len(visible) >= 3 and 2 * sum(1 for c in visible if not c.isalnum()) >= len(visible)


DRAWING_REACH = 5  # lines of the block beside a blank run looked at, the nearest first


def _drawing_beside(doc, first: int, last: int) -> bool:
    """True when the ``DRAWING_REACH`` lines right before line index ``first`` or right after
    line index ``last`` (a run of blank lines between them), within their block (non-blank
    lines; a fortune(6) record's ``%`` line ends it too), hold ``DRAWING_LINES`` drawn lines
    (``_drawn``): the run is part of an ASCII drawing's layout, empty space drawn on purpose
    (fortunes-de's asciiart: a mule "im virtual Mode", ten blank lines)."""
    lines, text = doc.lines, doc.text
    for start, step in ((first - 1, -1), (last + 1, 1)):
        drawn = 0
        for j in range(start, start + step * DRAWING_REACH, step):
            if not 0 <= j < len(lines):
                break
            row = text[lines[j].start : lines[j].end]
            if not row.strip() or row.strip() == "%":
                break
            drawn += _drawn(row)
        if drawn >= DRAWING_LINES:
            return True
    return False


class TooManyBlankLines(DocumentRule):
    """More consecutive blank lines than allowed inside a document.

    What: Reports runs of more than `max-blank-lines` (default 2) blank lines between
    two lines with content, once per document (at the first run, with the number of
    runs and their lines; the fix covers every run): a generated page that puts three
    blank lines before each of its 80 headings has one formatting habit, not 80
    defects. Runs at the end of the file are W107's; runs inside a Markdown code block
    are code (an example of how blank lines are formatted), not reported, and so are
    runs before a section title or explicit markup (a target, a comment, a directive) in
    reStructuredText, whose sources set sections apart with blank lines (docutils' docs:
    three before many titles); nor are runs beside an ASCII drawing (three of the five lines
    nearest the run on one side, within its block or fortune record, at least half drawn
    with signs: fortunes-de's asciiart leaves a mule's picture blank "im virtual Mode"),
    whose empty space is drawn.
    Why: Long blank runs are scraping residue (removed widgets, ads); they inflate
    files and break "blank line = paragraph break" assumptions only by degree, but
    make paragraph units inconsistent across a corpus.
    Example: five empty lines between two paragraphs.
    Fix safety: safe — the extra blank lines are deleted, keeping `max-blank-lines`.
    """

    code = "W105"
    name = "too-many-blank-lines"
    family = "whitespace"
    regions = ALL_REGIONS
    fixable = True
    options = {"max-blank-lines": 2}

    def check(self, doc):
        limit = int(self.opts["max-blank-lines"])
        rst = doc.suffix in RST_SUFFIXES
        lines = doc.lines
        last = _last_content_index(doc)
        run: list = []
        found: list[tuple[int, int, int, int]] = []  # (start, end, run length, line) of each run
        for i, line in enumerate(lines[: last + 1]):
            if _blank(doc, line):
                run.append(line)
                continue
            if len(run) > limit and rst and doc.line_kinds[i] in (HEADING, MARKUP):
                run = []  # reST: blank lines before a section title or a target are the source's layout
                continue
            if len(run) > limit and run[0].number > 1 and doc.kind_at(run[0].start) != CODE and not _drawing_beside(
                    doc, run[0].number - 1, run[-1].number - 1):
                first_extra = run[limit]
                found.append((first_extra.start, line.start, len(run), first_extra.number))
            run = []
        if not found:
            return
        start, end, size, _ = found[0]
        fix = Fix.safe(*(Edit(s, e) for s, e, _, _ in found), independent=True)
        if len(found) == 1:
            message = f"{size} consecutive blank lines (max {limit})"
        else:
            sizes = sorted({n for _, _, n, _ in found})
            span = f"{sizes[0]}" if len(sizes) == 1 else f"{sizes[0]} to {sizes[-1]}"
            at = ", ".join(str(n) for *_, n in found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
            message = f"{len(found)} runs of {span} consecutive blank lines (max {limit}), at lines {at}"
        yield doc.finding(self, start, end, message, fix=fix)


class MissingFinalNewline(DocumentRule):
    """The file does not end with a newline.

    What: Reports a non-empty file whose last character is not a line ending. Not
    checked in the text fields of data-file records (JSONL, Parquet...).
    Why: POSIX tools (wc, cat, sed, git diff) treat the last line specially; files
    concatenated into a training dump glue the last line of one to the first of the
    next.
    Example: `…في المنطقة` as the last bytes of the file.
    Fix safety: safe — the file's dominant line ending is appended.
    """

    code = "W106"
    name = "missing-final-newline"
    family = "whitespace"
    regions = ALL_REGIONS
    file_level = True  # a record's text field does not end in a newline
    fixable = True

    def check(self, doc):
        text = doc.text
        if text and not text.endswith(("\n", "\r")):
            end = len(text)
            yield doc.finding(self, end, end, "no newline at end of file",
                              fix=Fix.safe(Edit(end, end, dominant_newline(text))))


class TrailingBlankLines(DocumentRule):
    """Blank lines at the end of the file.

    What: Reports one or more blank (empty or whitespace-only) lines after the last
    line with content (of the file, or of the text of a data file's record or a .po
    string: the message then says "at end of record"). A .po string whose msgid ends
    with as many blank lines keeps the program's layout and is not reported.
    Why: Trailing blank runs are residue of removed page footers; they add nothing
    and make otherwise identical files differ.
    Example: an article followed by fifteen empty lines.
    Fix safety: safe — the file is cut right after the last content line's newline.
    """

    code = "W107"
    name = "trailing-blank-lines"
    family = "whitespace"
    regions = ALL_REGIONS
    fixable = True

    def check(self, doc):
        last = _last_content_index(doc)
        if last < 0 or last == len(doc.lines) - 1:
            return
        content = doc.lines[last]
        if not content.newline:
            return
        start = content.end + len(content.newline)
        if start >= len(doc.text):
            return
        count = len(doc.lines) - 1 - last
        if in_sources(doc, _blank_lines_at_end(count)):
            return  # msgid "Usage: %s [OPTION]...\n\n": the program's blank line, kept by the translation
        yield doc.finding(self, start, len(doc.text),
                          f"{count} blank line{'s' if count > 1 else ''} at end of {unit_name(doc)}",
                          fix=Fix.safe(Edit(start, len(doc.text))))


@lru_cache(maxsize=8)
def _blank_lines_at_end(count: int) -> re.Pattern:
    """A text ending with ``count`` or more blank lines after its last content line."""
    return re.compile(rf"\S[^\S\n]*(?:\n[^\S\n]*){{{count + 1},}}\Z")


class MixedLineEndings(DocumentRule):
    """The file mixes line endings (CRLF, LF, CR).

    What: Reports a file using more than one kind of line ending, at the first line
    whose ending differs from the file's dominant one.
    Why: Mixed endings come from concatenating files from different systems; they
    produce stray `\\r` characters in tokens and spurious diffs.
    Example: 40 lines ending in CRLF and 2 in LF.
    Fix safety: safe — minority endings are converted to the dominant one, so the
    file keeps the convention most of it already uses.
    """

    code = "W108"
    name = "mixed-line-endings"
    family = "whitespace"
    regions = ALL_REGIONS
    fixable = True

    def check(self, doc):
        text = doc.text
        if "\r" not in text:
            return
        dominant = dominant_newline(text)
        counts: dict[str, int] = {}
        edits = []
        for m in NEWLINE_RE.finditer(text):
            nl = m.group()
            counts[nl] = counts.get(nl, 0) + 1
            if nl != dominant:
                edits.append(Edit(m.start(), m.end(), dominant))
        if edits:
            summary = ", ".join(f"{n} {_NAMES[k]}" for k, n in counts.items())
            yield doc.finding(self, edits[0].start, edits[0].end,
                              f"mixed line endings ({summary}); dominant is {_NAMES[dominant]}",
                              fix=Fix.safe(*edits, independent=True))


class CrlfLineEndings(DocumentRule):
    """The file uses CRLF (or CR) line endings.

    What: Reports files whose line endings are not LF. Off by default: enable it
    (`extend-select = ["W109"]`) when your corpus standardises on LF.
    Why: Most corpus tooling splits on `\\n` and leaves `\\r` glued to the last token
    of every line.
    Example: a file saved by a Windows editor.
    Fix safety: safe — every CRLF/CR becomes LF.
    """

    code = "W109"
    name = "crlf-line-endings"
    family = "whitespace"
    regions = ALL_REGIONS
    default_enabled = False
    fixable = True

    def check(self, doc):
        if "\r" not in doc.text:
            return
        edits = [Edit(m.start(), m.end(), "\n") for m in NEWLINE_RE.finditer(doc.text) if m.group() != "\n"]
        if edits:
            yield doc.finding(self, edits[0].start, edits[0].end,
                              f"{len(edits)} line ending{'s' if len(edits) > 1 else ''} not LF",
                              fix=Fix.safe(*edits, independent=True))


RULES = [TooManyBlankLines, MissingFinalNewline, TrailingBlankLines, MixedLineEndings, CrlfLineEndings]
