"""Document-level quality signals used to filter LLM training data, as corpuslint rules.

Each rule measures one number over the whole document, compares it with a threshold
taken from the published filter it comes from, and reports at most one finding, on the
document's first line, with the measured value and the threshold in the message.

Sources of the default thresholds:

* Gopher — Rae et al. 2021, "Scaling Language Models: Methods, Analysis & Insights
  from Training Gopher", Appendix A (MassiveText quality and repetition filters).
* FineWeb — Penedo et al. 2024, "The FineWeb Datasets: Decanting the Web for the
  Finest Text Data at Scale" (the custom FineWeb quality filters).

Words are counted script-aware (``corpuslint.text.normalize.words``: runs of Unicode
letters, marks and digits, after removing Arabic diacritics and tatweel), so Arabic,
Cyrillic or CJK text is measured as words, not as "non-ASCII noise". Scripts written
without spaces (Han, Kana, Thai, Lao, Khmer, Myanmar) have no such words: rules about
word length skip them, word counts estimate words from characters
(``corpuslint.text.tokens.word_count``).

Every rule measures prose only (``prose(doc)``): in Markdown, code (fenced, indented
by fences, inline), HTML blocks and comments, tables, list items (reference pages
repeat "* Returns: {boolean}" under every method) and link reference definitions are
left out (the page filters, ``page(doc)``, read list items and tables' rows), as is YAML
front matter, and headings count by their text, not their ``#`` signs. In plain text,
code-like lines (``Document.quotes_code``: command lines, their output, configuration;
``corpuslint.structure``) are left out the same way:
a handbook's nftables listing repeats "counter packets 0 bytes 0" under every chain. The
filters above were designed for extracted web text, not for markup or program output.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import numpy as np
import regex

from corpuslint import structure
from corpuslint.document import Document
from corpuslint.info import menu_entries
from corpuslint.families.artifact.symbols import MORSE_RE
from corpuslint.families.spelling.repeated import vietnamese_text
from corpuslint.families.duplicate.codepoints import LETTER_RE, letter_tokens
from corpuslint.families.duplicate.regions import (
    check_genre,
    section_of,
    section_starts,
    vocalised,
)
from corpuslint.findings import Finding, Severity
from corpuslint.rules import DocumentRule
from corpuslint.structure import MARKDOWN_SUFFIXES
from corpuslint.subtitles import is_subtitle
from corpuslint.text import normalize
from corpuslint.text import tokens as T
from corpuslint.text.lazy_regex import lazy, lazy_re
from corpuslint.text.memo import last_argument
from corpuslint.text.script import arabic_script_language

FAMILY = "quality"

# Closing quotes and brackets allowed after a line's terminal punctuation: `قال: "نعم."` ends a sentence.
_CLOSERS = "\"'”’»›)]}」』】〉》"
# Line-initial bullet markers (Gopher: "lines starting with a bullet point"): bullet signs,
# and the hyphen or asterisk and a space that text extractors write for a list item; not
# the numbers of an ordered list, a bold "**", nor a dialogue dash (Q109).
_BULLET_RE = lazy(r"^\s*(?:[•●○◦▪▫■□▸▹►‣⁃∙·]|[*\-](?=\s))")
_ELLIPSIS_RE = lazy(r"\.{3,}|…")
_ELLIPSIS_END_RE = lazy(r"(?:\.{3,}|…)[" + regex.escape(_CLOSERS) + r"\s]*$")
# A suspension carried over a line break: "Wußten Sie schon...\n... daß ...". The line
# is not cut off (its sentence goes on) and the two marks are one pause.
_ELLIPSIS_CONTINUED_RE = lazy(r"(?:\.{3,}|…)[ \t]*\n[ \t]*(?:\.{3,}|…)")
_ELLIPSIS_START_RE = lazy(r"^(?:\.{3,}|…)")
# A section heading numbered at two levels or more ("2.5. Open as Layers…", "2.14. Create
# Template…"; the "previous" and "next" links of a help page repeat them): its ellipsis is
# the command's, which opens a dialog (a GUI convention), not a teaser cut off. One level
# ("1. Russia and North Korea sign...") is a list's item and still counts.
_SECTION_HEADING_RE = lazy(r"^[\s\u00a0]*\d+(?:\.\d+)+\.?[ \t\u00a0]+\S")
# An ellipsis in a command synopsis means "repeatable", not "cut off" (POSIX utility
# syntax, man-pages(7) SYNOPSIS: "cp [TÙY_CHỌN]… NGUỒN… THƯ_MỤC", "[ isim ... ]",
# "MODE[,MODE]..."): right after a closing bracket or a placeholder in capitals, or closing a
# bracket. On a line that gives a bracketed option ("[-e]", "[ -p dolgu ]"), any ellipsis is
# (fresh32's man pages: "şablon dosya ...", "tugas ...").
_SYNOPSIS_ELLIPSIS_RE = lazy(
    r"(?:\]|(?<![\p{L}\p{M}])\p{Lu}[\p{Lu}\p{M}\p{N}_\-]*\p{Lu}[\p{M}\p{N}_]*)[ \t]?(?:\.{3,}|…)"
    r"|(?:\.{3,}|…)[ \t]?\]"
)
_BRACKETED_OPTION_RE = lazy(r"\[[ \t]?--?[\p{L}\p{N}]")
_LETTER_RE = lazy(r"\p{L}")
# Words as written, minus Arabic harakat, superscript alef and tatweel (so n-grams are
# counted across vocalised and plain spellings, and shown to the user as written).
_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’]\p{L}+)*")
_MARKS = {cp: None for cp in [*range(0x064B, 0x0653), 0x0670, 0x0640]}


def _fmt(value: float, against: float | None = None) -> str:
    """Two decimals, or up to four when needed to tell ``value`` from the threshold."""
    decimals = 2
    while against is not None and decimals < 4 and f"{value:.{decimals}f}" == f"{against:.{decimals}f}":
        decimals += 1
    return f"{value:.{decimals}f}"


@dataclass(frozen=True)
class Prose:
    """The prose of a document, as the quality rules measure it.

    ``text``: the prose text (the document itself for plain text; for Markdown, the
    prose lines joined by newlines); ``lines``: non-blank prose lines, stripped;
    ``paragraphs``: runs of adjacent prose lines, joined; ``words``: normalised words
    of ``text`` (``normalize.words``); ``line_starts`` / ``paragraph_starts``: the
    document offset where each line / paragraph starts (for ``sections``); ``rows``: the
    indexes (in ``lines``) of a table's rows (``page``)."""

    text: str
    lines: list[str]
    paragraphs: list[str]
    words: list[str]
    line_starts: list[int]
    paragraph_starts: list[int]
    rows: frozenset[int] = frozenset()


_PROSE: "weakref.WeakKeyDictionary[Document, Prose]" = weakref.WeakKeyDictionary()
_ITEM_RE = lazy(r"[ \t]*\\item(?![A-Za-z@])")  # (a LaTeX list's item: a block of its own)
_SPACES_RE = lazy(r"[ \t]{2,}")
_PROSE_KINDS = frozenset({structure.PROSE, structure.HEADING})


def prose(doc: Document) -> Prose:
    """The document's prose (see ``Prose``), computed once per document."""
    p = _PROSE.get(doc)
    if p is None:
        if doc.suffix in MARKDOWN_SUFFIXES or doc.suffix in structure.RST_SUFFIXES:
            p = _markdown_prose(doc)  # (reST: the same regions and containers, from docutils)
        elif doc.suffix in structure.TEX_SUFFIXES or doc.suffix in structure.HTML_SUFFIXES or doc.is_wikitext:
            # a parser's regions: the text a reader sees, not the commands and tags around it;
            # a LaTeX source's lines are no lines of its page (``_region_prose``'s ``reflowed``)
            p = _region_prose(doc, frozenset(), reflowed=doc.suffix in structure.TEX_SUFFIXES)
        elif doc.quotes_code or is_subtitle(doc):  # (a subtitle file: its caption text)
            p = _region_prose(doc, frozenset())
        else:
            lines, starts = _content_lines(doc)
            paras = doc.paragraphs
            p = Prose(doc.text, lines, [doc.text[u.start : u.end].strip() for u in paras], doc.words,
                      starts, [u.start for u in paras])
        _PROSE[doc] = p
    return p


def page(doc: Document) -> Prose:
    """The page's lines as a text extractor gives them to FineWeb's and Gopher's line and
    token filters (Q104, Q105, Q108, Q111): ``prose(doc)`` with, in a Markdown or reST page,
    its list items (the repetition rules leave them out, ``_markdown_prose``). A task page's
    steps are a list: without them "# Install the printer" / eight steps ending in "." was
    judged by its title alone, "0 of 1 lines end in terminal punctuation" (fresh36: 17 of
    the 46 labelled false alarms). So are its tables' rows, one line each (their cells'
    text; the delimiter row has none; ``Prose.rows``), each a record whole as it is: Q104
    counts it ended, Q105 not short (a page that is a title over a table of sources was "0 of 1
    lines" ended, "1 of 1 lines" short: fresh37's SOURCES.md; an answer that is a table of
    figures is no menu). So are a GNU Info node's menu and index entries (``info.menu_entries``:
    markup, which an Info reader shows as the node). Computed once per document."""
    if not (doc.suffix in MARKDOWN_SUFFIXES or doc.suffix in structure.RST_SUFFIXES or doc.is_info):
        return prose(doc)
    p = _PAGE.get(doc)
    if p is None:
        # (an index node is its entries: "* thunder:   Weather Phenomena.   (line 5)")
        entries = menu_entries(doc) if doc.is_info else frozenset()
        p = _PAGE[doc] = _region_prose(doc, frozenset(), tables=True, extra=entries)
    return p


def _markdown_prose(doc: Document) -> Prose:
    """Paragraph and heading text of a Markdown document, from the parsed regions
    (``Document.line_kinds`` / ``Document.masked``): no code, tables, HTML, front
    matter, link destinations or markup (``#``, ``>``); list items are left out
    (``structure.markdown_containers``): they are enumerations, not running prose."""
    return _region_prose(doc, structure.markdown_containers(doc)[structure.LIST_ITEM])


def _region_prose(doc: Document, in_list: "set[int] | frozenset[int]", *, tables: bool = False,
                  extra: "frozenset[int]" = frozenset(), reflowed: bool = False) -> Prose:
    """Prose and heading lines of ``doc`` (by ``Document.line_kinds``) outside the line
    indices ``in_list``, with other regions masked out: for Markdown, for the formats whose
    regions a parser gives (LaTeX, HTML, wikitext: the text a reader sees) and for plain text
    with code-like lines (``Document.quotes_code``: command lines, their output,
    configuration), which are code, not prose. With ``tables``, a table's rows too, each
    its cells' text (pipes blanked; the delimiter row, without a letter or digit, none);
    the lines ``extra`` whole, whatever their kind.
    With ``reflowed`` (LaTeX), the source's lines are not the page's: TeX sets each
    paragraph's words in lines of its own, so a run of prose lines is one line, up to a
    line of no text (a blank line, ``\\begin{..}``, a command alone), a heading (one line of
    its own), an ``\\item`` or a line ending in ``\\\\`` (a line break): disser's chapter
    of ``\\section{..}`` titles and 50-character source lines was "45 of 53 lines are 30
    characters or shorter", and a sentence wrapped over three source lines two lines
    "unterminated"."""
    kinds = (_PROSE_KINDS | {structure.TABLE}) if tables else _PROSE_KINDS
    masked = doc.masked(kinds)
    text = doc.text
    lines: list[str] = []
    starts: list[int] = []
    paragraphs: list[list[str]] = [[]]
    paragraph_starts: list[int] = []
    rows: list[int] = []
    joins = False  # (reflowed: does the next prose line go on the last one?)
    for k, (line, kind) in enumerate(zip(doc.lines, doc.line_kinds)):
        keep = None
        if kind == structure.TABLE and tables:
            row = masked[line.start : line.end].replace("|", " ")
            if any(c.isalnum() for c in row):
                keep = _SPACES_RE.sub(" ", row).strip()
                rows.append(len(lines))
        elif kind in _PROSE_KINDS and k not in in_list:
            keep = _SPACES_RE.sub(" ", masked[line.start : line.end]).strip()
        elif k in extra:  # (lines of another kind taken whole: an Info menu's entries)
            keep = _SPACES_RE.sub(" ", doc.text[line.start : line.end]).strip()
        if keep:
            if not paragraphs[-1]:
                paragraph_starts.append(line.start)
            if reflowed and joins and kind == structure.PROSE and not _ITEM_RE.match(text, line.start, line.end):
                lines[-1] += " " + keep
                paragraphs[-1][-1] += " " + keep
            else:
                lines.append(keep)
                starts.append(line.start)
                paragraphs[-1].append(keep)
            joins = kind == structure.PROSE and not text[line.start : line.end].rstrip().endswith("\\\\")
        else:
            joins = False
            if paragraphs[-1]:
                paragraphs.append([])
    joined = "\n".join(lines)
    return Prose(joined, lines, [" ".join(p) for p in paragraphs if p], normalize.words(joined),
                 starts, paragraph_starts, frozenset(rows))


# A reference page: many of its headings name an API entry in code (``## `buf.write()` ``,
# ``### Static method: `Buffer.alloc()` ``): each section documents one entry in the
# same template.
REFERENCE_MIN_HEADINGS = 5
REFERENCE_CODE_HEADING_SHARE = 0.4


def reference_page(doc: Document) -> bool:
    """True for a Markdown reference page: at least ``REFERENCE_MIN_HEADINGS`` parsed
    headings, of which ``REFERENCE_CODE_HEADING_SHARE`` or more hold a code span
    (``structure`` regions): the entries of an API or option reference."""
    if doc.suffix not in MARKDOWN_SUFFIXES:
        return False
    heads = structure.markdown_containers(doc)[structure.HEADING_START]
    if len(heads) < REFERENCE_MIN_HEADINGS:
        return False
    lines = doc.lines
    only_code = frozenset({structure.CODE})
    code = sum(1 for i in heads if i < len(lines) and not doc.outside(lines[i].start, lines[i].end, only_code))
    return code >= REFERENCE_CODE_HEADING_SHARE * len(heads)


# A collection of entries in one formula: fortune files of a series ("Wußten Sie
# schon... / ... daß ...", "Letzte Worte eines Safari-Touristen: ...", a source line
# heading every quotation), like hadith opening with their isnad. Measured on the
# first ``FORMULA_WORDS`` words of each paragraph.
FORMULA_WORDS = 3
FORMULA_MIN_PARAGRAPHS = 10
FORMULA_SHARE = 0.4


def formulaic_entries(doc: Document) -> bool:
    """True when at least ``FORMULA_MIN_PARAGRAPHS`` prose paragraphs, and a share of
    ``FORMULA_SHARE`` or more of them, open with the same ``FORMULA_WORDS`` words: the
    document is a series of entries written in one formula (a heading or lead-in repeated
    by design so that each entry can stand alone), not text repeated by accident.
    Memoised per document: every repetition rule asks."""
    cached = _FORMULAIC.get(doc)
    if cached is None:
        cached = _FORMULAIC[doc] = _formulaic(prose(doc).paragraphs)
    return cached


_FORMULAIC: "weakref.WeakKeyDictionary[Document, bool]" = weakref.WeakKeyDictionary()


# A paragraph's first ``FORMULA_WORDS`` words (``_WORD_RE``'s matches, each taken whole:
# atomic groups, so a word is never cut to let the pattern find more words in it).
_OPENING_RE = lazy(
    r"[^\p{L}\p{M}\p{N}]*" + r"[^\p{L}\p{M}\p{N}]*".join([rf"(?>({_WORD_RE.pattern}))"] * FORMULA_WORDS))


def _formulaic(paragraphs: list[str]) -> bool:
    if len(paragraphs) < FORMULA_MIN_PARAGRAPHS:
        return False
    openings: dict[tuple[str, ...], int] = {}
    for para in paragraphs:
        # (the first words of the first 200 characters, in one match: a ``_WORD_RE`` match
        # starts at each letter, mark or digit not in an earlier match, as ``finditer`` finds them)
        m = _OPENING_RE.match(para, 0, 200)
        if m is not None:
            words = tuple(w.casefold() for w in m.groups())
            openings[words] = openings.get(words, 0) + 1
    most = max(openings.values(), default=0)
    return most >= FORMULA_MIN_PARAGRAPHS and most >= FORMULA_SHARE * len(paragraphs)


def designed_repetition(doc: Document) -> bool:
    """Text whose repetition is its form, not a defect: fully vocalised Arabic-script
    text (scripture, hadith: refrains, isnad and grading formulae; see
    ``duplicate.regions.vocalised``), Markdown reference pages (``reference_page``:
    the same option and return-value text under every entry) and series of entries
    opening in one formula (``formulaic_entries``). (Software messages, the ``message``
    and ``catalogue`` document kinds, are not measured in ``auto``: ``QualityRule.skip_kinds``.)"""
    return vocalised(doc) or reference_page(doc) or formulaic_entries(doc)


PROMPT_ROLES = frozenset({"user", "system", "tool"})


def part_of_example(doc: Document) -> bool:
    """True when ``doc`` is one part of a fine-tuning example, not a whole document: a
    turn of a conversation (a ``RecordDocument`` with a ``turn`` of a turn path such as
    ``messages[*].content``, or a ``role``: an Alpaca column, a chatterbot message) or a
    message stored one a record (``structure.CHAT_MESSAGE``)."""
    return (doc.role is not None or getattr(doc, "turn", None) is not None
            or structure.CHAT_MESSAGE in doc.kinds)


class QualityRule(DocumentRule):
    """Base class: one measured value per document, one finding when it is out of bounds."""

    family = FAMILY

    # Repetition rules (Q101-Q103, Q112) take a ``genre`` option (auto, prose,
    # formulaic) and, in ``auto``, skip text whose repetition is by design and count
    # only repeats within one section (``sections``: a help page's step in every task).
    repetition = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.repetition:
            check_genre(self)
        # One software message (a .po string: the ``message`` document kind) is not a
        # document whose length, line shape or vocabulary measure its quality; in ``auto`` a
        # repetition rule skips catalogues of messages too (``structure.MESSAGES``: the plural
        # forms of a message are often translated alike).
        if self.repetition:
            if self.opts["genre"] == "auto":
                self.skip_kinds = structure.MESSAGES
        else:  # (nor is one cell of a notebook: ``structure.NOTEBOOK_CELL``)
            self.skip_kinds = frozenset({structure.MESSAGE, structure.NOTEBOOK_CELL})
        if "unit" in self.opts and self.opts["unit"] not in UNITS:
            raise ValueError(f"{self.code}: unit must be one of {', '.join(UNITS)}, got {self.opts['unit']!r}")

    # Chat turns of these roles (``Document.role``) are not measured: a shape filter (Q104's
    # line punctuation, Q105's short lines, Q108's word count, Q109's bullets) judges text a
    # model is trained to produce, and a user's question ("Что делает ram?", typed without
    # its mark: "What is your robot body"), a system prompt ("Вы — помощник по Linux.") or a
    # tool's result is its input. Texts without a role, and the assistant's turns, are.
    skip_roles: frozenset[str] = frozenset()
    # A whole-document filter (Q105's short lines, Q108's word count, Q111's share of
    # alphabetic words: Gopher's and FineWeb's, set on web pages and applied by datatrove's
    # ``GopherQualityFilter``/``FineWebQualityFilter`` to a ``Document``'s whole text) does
    # not measure one part of a fine-tuning example (``part_of_example``): fresh32's chat
    # answers ("Gán một giá trị cho một biến.", 1 of 1 lines short, 7 words) and instruction
    # fields ("Artikulo 25", 1 of 2 tokens without a letter) are complete as they are.
    whole_documents = False

    def check(self, doc: Document) -> Iterable[Finding]:
        if doc.role is not None and doc.role in self.skip_roles:
            return ()
        if self.whole_documents and part_of_example(doc):
            return ()
        if not prose(doc).text.strip():
            return ()  # empty files (or Markdown without prose) are not measured
        if self.repetition:
            genre = str(self.opts["genre"])
            if genre == "formulaic" or (genre == "auto" and designed_repetition(doc)):
                return ()
        message = self.measure(doc)
        if message is None:
            return ()
        first = doc.lines[0]
        if is_subtitle(doc):  # line 1 is `WEBVTT` or a cue number: the first caption line instead
            first = doc.lines[doc.position(prose(doc).line_starts[0])[0] - 1]
        elif doc.is_info and page(doc).line_starts:  # line 1 is an Info node's header (markup): its first text line
            first = doc.lines[doc.position(page(doc).line_starts[0])[0] - 1]
        return (doc.finding(self, first.start, first.end, message),)

    def measure(self, doc: Document) -> str | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def refrains(self, p: Prose, units) -> set[int] | None:
        """``units(p)`` (the lines or paragraphs of stanzas of verse, whose repeats are a
        song's chorus and refrains) with ``genre = "auto"``; None with ``genre = "prose"``."""
        if self.opts["genre"] != "auto" or len(set(p.lines)) == len(p.lines):
            return None  # (no line repeats: nothing to exempt)
        return units(p)

    def sections(self, doc: Document, starts: list[int]) -> list[int] | None:
        """``sections(doc, starts)`` with ``genre = "auto"`` (the records of a fortune file:
        ``fortune_records``); None (the whole document is one unit, Gopher's measure) with
        ``genre = "prose"``."""
        if self.opts["genre"] != "auto":
            return None
        records = fortune_records(doc, starts)
        return sections(doc, starts) if records is None else records


def _content_lines(doc: Document) -> tuple[list[str], list[int]]:
    """Non-blank lines, stripped (Gopher splits on runs of newlines, so blank lines are
    not lines), and the offset where each starts."""
    out = []
    starts = []
    for line in doc.lines:
        text = doc.text[line.start : line.end].strip()
        if text:
            out.append(text)
            starts.append(line.start)
    return out, starts


def sections(doc: Document, starts: list[int]) -> list[int] | None:
    """The section (``duplicate.regions.section_starts``: between two headings) of
    each text unit starting at an offset of ``starts``, -1 for a unit that is itself
    a heading; None when the units lie in fewer than two sections and none is a
    sub-heading (below). Help pages and reference pages repeat a step or a note in
    every section by design ("Open the Activities overview and start typing Printers."
    under "Change the name of a printer" and again under "Change the location of a
    printer"), so the repetition rules (with ``genre = "auto"``) count a repeat only
    within its section, as D101-D103 do; a heading is compared with the whole document
    (a menu of short lines repeated by a scraping loop is all headings), except a
    Markdown sub-heading: it is ``-2 - j`` for the ``j``-th heading of the document,
    its parent (the nearest earlier heading of a higher level), and repeats only a
    sub-heading of the same parent. A changelog opens "Bug fixes", "Features",
    "Deprecations" under every release heading: a template."""
    heads = section_starts(doc)
    if not heads:
        return None
    parents = _heading_parents(doc, heads)
    out = [parents[s] if s in parents else section_of(heads, s) for s in starts]
    if len({s for s in out if s >= 0}) < 2 and min(out, default=0) >= -1:
        return None  # (no sub-heading: one section, or all headings compared with each other)
    return out


def fortune_records(doc: Document, starts: list[int]) -> list[int] | None:
    """The record (``structure.fortune_separators``: the text between two lines holding only
    "%") of each text unit starting at an offset of ``starts`` in a quote collection written in
    fortune(6)'s format, as a section: the index of the first record of the same text (a quote
    entered twice is one section, its units repeats); None for another document. A collection
    is a list of records, each a text of its own: a series' formula over each of its entries
    ("Miłość w oczach dzieci:", "Wpis w dzienniczku ucznia:" over 17 and 21 of fortunes-pl's
    dzieci), the attribution under each proverb ("-- Refrán." under 112 of fortunes-es's
    proverbios) repeat across records by design; a line repeated inside one entry is counted."""
    separators = structure.fortune_separators(doc)
    if not separators:
        return None
    bounds = [0, *separators, len(doc.text)]
    first: dict[str, int] = {}
    same = []
    for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
        text = " ".join(doc.text[a:b].split())
        same.append(first.setdefault(text[1:].lstrip() if k else text, k))  # (after its "%" line)
    return [same[bisect_right(separators, start)] for start in starts]


_ATX_RE = lazy(r"[ \t>]*(#{1,6})(?:[ \t]|$)")


def _heading_parents(doc: Document, heads: list[int]) -> dict[int, int]:
    """For each heading's start offset: ``-2 - j`` when it is a Markdown sub-heading of
    the ``j``-th heading (the nearest earlier heading of a higher level: ``#`` signs of
    an ATX heading, 1 for a setext ``===`` underline, 2 for ``---``), else -1."""
    if doc.suffix not in MARKDOWN_SUFFIXES:
        return dict.fromkeys(heads, -1)
    text = doc.text
    out: dict[int, int] = {}
    stack: list[tuple[int, int]] = []  # (level, index in heads) of the open headings
    for j, start in enumerate(heads):
        m = _ATX_RE.match(text, start)
        if m is not None:
            level = len(m.group(1))
        else:  # setext: the underline is the line after the heading's text
            below = text.find("\n", start) + 1
            level = 1 if below and text[below : below + 200].lstrip(" >").startswith("=") else 2
        while stack and stack[-1][0] >= level:
            stack.pop()
        out[start] = -2 - stack[-1][1] if stack else -1
        stack.append((level, j))
    return out


# Directional and zero-width marks that may follow a line's last punctuation (hadith
# text closes "‏.‏" with RLMs around the full stop).
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\u2066\u2067\u2068\u2069\ufeff"
_NO_FULL_STOP_RE = lazy(r"[\p{Thai}\p{Lao}]")
_THAI_LAO_BLOCK = lazy_re("[\u0e00-\u0eff]")  # C-speed pre-check for the line above
_CJK_RE = lazy(rf"[{T.CJK_CLASS}]")


def _share(text: str, letters: "regex.Pattern") -> float:
    """Share of ``text``'s letters matched by ``letters``."""
    total = len(_LETTER_RE.findall(text))
    return len(letters.findall(text)) / total if total else 0.0


def _latin_length(line: str) -> int:
    """Line length with each Han/Kana character counted as three (see Q105)."""
    return len(line) + 2 * len(_CJK_RE.findall(line))


# Gopher's quality filters keep documents of 50 to 100,000 words (Rae et al. 2021, Appendix
# A, Table A1); its n-gram repetition measures are meant for those: in a verse or a short
# record of 30 words, any phrase said twice covers a fifth of the characters ("the truth"
# twice in Qur'an 2:42). Shorter documents are Q108's.
GOPHER_MIN_WORDS = 50


def _word_count(p: "Prose") -> int:
    """Words in the prose; estimated from characters for scripts without spaces."""
    if T.has_spaceless(p.text):
        return round(T.word_count(p.text))
    return len(p.words)


def _prose_words(doc: Document, skip: frozenset[int]) -> int:
    """``_word_count`` of the page of ``doc`` without the lines whose index is in ``skip``."""
    p = page(doc)
    if not skip:
        return _word_count(p)
    text = "\n".join(line for i, line in enumerate(p.lines) if i not in skip)
    return round(T.word_count(text)) if T.has_spaceless(text) else len(normalize.words(text))


# A stanza: a paragraph of at least VERSE_MIN_LINES lines whose median line is short
# (``structure.VERSE_MEDIAN_CHARS``, none longer than twice that) and holds at least
# STANZA_MEDIAN_WORDS words (a menu of one- and two-word links is not a stanza). A song
# or a poem: its stanzas hold VERSE_SHARE of its lines and two or more of them differ (a
# footer block captured five times by a scraping loop is one stanza, repeated).
STANZA_MEDIAN_WORDS = 4
VERSE_SHARE = 0.8


def _by_paragraph(p: Prose) -> list[list[int]]:
    """The indices into ``p.lines`` of each paragraph's lines."""
    from bisect import bisect_right

    out: list[list[int]] = [[] for _ in p.paragraph_starts]
    for i, start in enumerate(p.line_starts):
        k = bisect_right(p.paragraph_starts, start) - 1
        if 0 <= k < len(out):
            out[k].append(i)
    return out


def _stanza(lines: list[str]) -> bool:
    """A paragraph of ``lines`` is a stanza (``STANZA_MEDIAN_WORDS``)."""
    if len(lines) < structure.VERSE_MIN_LINES:
        return False
    chars = sorted(map(len, lines))
    words = sorted(len(line.split()) for line in lines)
    return (chars[len(chars) // 2] <= structure.VERSE_MEDIAN_CHARS
            and chars[-1] <= 2 * structure.VERSE_MEDIAN_CHARS
            and words[len(words) // 2] >= STANZA_MEDIAN_WORDS)


def _stanzas(p: Prose) -> list[bool]:
    """For each paragraph of ``p``: is it a stanza of a song or a poem (see
    ``STANZA_MEDIAN_WORDS``)? All False unless the text is verse throughout. A song
    repeats its chorus, and labels it "(Chorus)" each time."""
    by_paragraph = [[p.lines[i] for i in rows] for rows in _by_paragraph(p)]
    out = [_stanza(lines) for lines in by_paragraph]
    in_stanzas = sum(len(lines) for lines, v in zip(by_paragraph, out) if v)
    stanzas = [lines for lines, v in zip(by_paragraph, out) if v]
    if in_stanzas < VERSE_SHARE * len(p.lines):
        return [False] * len(out)
    # one stanza (or one repeated) is verse when most of its lines differ (a carol's
    # "Fa la la la la" after every line), not a block whose lines all come again
    if len(set(map(tuple, stanzas))) < 2 and (
            len(stanzas) != 1 or 2 * (len(stanzas[0]) - len(set(stanzas[0]))) >= len(stanzas[0])):
        return [False] * len(out)
    return out


# Verse in a document that may hold prose too (a ghazal and its prose reading, a song in a
# page), for the line-shape filters (Q104, Q105) and the word count (Q108): a paragraph that
# is a stanza (``_stanza``) whose lines, as written (the source line: not the prose left
# once code spans are masked out), are of like length (metre: a coefficient of variation of
# at most VERSE_LENGTH_CV; Hafez's hemistichs 0.05-0.12, hard-wrapped prose 0.3-0.7) and
# mostly end without a sentence's mark; a couplet among three or more (``structure.in_stanzas``,
# the spelling rules' test: a ghazal one bayt a block); or a text that is one couplet (a
# record of the Thirukkural: two short lines, the first ending mid-sentence, its last word
# at times on a third).
VERSE_LENGTH_CV = 0.2
COUPLET_MAX_LINES = 3
_VERSE: "weakref.WeakKeyDictionary[Document, frozenset[int]]" = weakref.WeakKeyDictionary()


def verse_lines(doc: Document) -> frozenset[int]:
    """Indices into ``page(doc).lines`` of the lines of verse (above), computed once per
    document. A web page's menu is not verse (one- and two-word items: ``STANZA_MEDIAN_WORDS``),
    nor a list of headlines (lines of unlike length)."""
    cached = _VERSE.get(doc)
    if cached is None:
        cached = _VERSE[doc] = frozenset(_find_verse(doc))
    return cached


def _find_verse(doc: Document) -> Iterable[int]:
    p = page(doc)
    text = doc.text
    terminal = _terminals(UnterminatedLines.options["terminal-chars"], True)
    paragraphs = _by_paragraph(p)
    for rows in paragraphs:
        if len(rows) < 2:
            continue
        written = []
        for i in rows:
            start = p.line_starts[i]
            end = text.find("\n", start)
            written.append(text[start : end if end >= 0 else len(text)].strip())
        if not all(_verse_line(line) for line in written):
            continue
        if len(paragraphs) == 1 and len(rows) <= COUPLET_MAX_LINES and _couplet(written, terminal):
            yield from rows
            continue
        lengths = [len(line) for line in written]
        mean = sum(lengths) / len(lengths)
        if (sum((n - mean) ** 2 for n in lengths) / len(lengths)) ** 0.5 > VERSE_LENGTH_CV * mean:
            continue  # (a flattened table's key and value, a list of headlines: no metre)
        if len(rows) >= structure.VERSE_MIN_LINES:
            if _stanza(written) and 2 * sum(1 for line in written if not _terminated(line, terminal)) >= len(written):
                yield from rows
        elif structure.in_stanzas(text, p.line_starts[rows[0]], couplets=True):
            yield from rows


def _verse_line(line: str) -> bool:
    """A line that may be verse (``structure.in_stanzas``' test of a couplet's line): it opens
    with a letter or a quotation mark and holds no digit or symbol (``structure.NOT_VERSE_CHAR_RE``:
    "Side 1 = 4", a table's key and value, a command)."""
    return (line[:1].isalpha() or line[:1] in structure.VERSE_QUOTES) and not structure.NOT_VERSE_CHAR_RE.search(line)


def _couplet(lines: list[str], terminal: frozenset[str]) -> bool:
    """The lines (``_verse_line``) of one couplet, one sentence (its last word may be set on a
    line of its own): each line up to twice ``structure.VERSE_MEDIAN_CHARS`` characters, all but
    the last of ``structure.COUPLET_LINE_MIN_CHARS`` or more and ``COUPLET_LINE_MIN_WORDS`` words
    or more ("Buffalo, NY" / "Raleigh, NC" is a list), none but the last ending in a mark or a
    colon (a lead-in, "Narrated Mughirah ibn Shu'bah:", opens prose); no sentence ending inside
    a line ("He wiped his ears inside and outside. Hisham adds: ..."), no label ("Text on
    button: Click Here", "Word - Effulgence": a record's fields)."""
    return (all(len(line) >= structure.COUPLET_LINE_MIN_CHARS and not _terminated(line, terminal)
                and line[-1] not in ":：" and len(_WORD_RE.findall(line)) >= COUPLET_LINE_MIN_WORDS
                for line in lines[:-1])
            and all(len(line) <= 2 * structure.VERSE_MEDIAN_CHARS and not _MID_LINE_END_RE.search(line)
                    and not _LABEL_RE.search(line) for line in lines))


COUPLET_LINE_MIN_WORDS = 3
# A field's label inside a line: "Text on button: Click Here", "Word - Effulgence".
_LABEL_RE = lazy(r"\S[:：]\s|\s[-–—]\s")


# A sentence's end inside a line: a mark and a space before a further word.
_MID_LINE_END_RE = lazy(r"[.!?؟۔。！？।॥][\"'”’»)\]]*\s+\S")


# A label heading a paragraph: a speaker cue of a script or an interview ("JENNY",
# "Interviewer:"), a song's "(Chorus)", a stage direction "(to phone)".
LABEL_MAX_WORDS = 3
_PARENTHESISED_RE = lazy(r"^[(\[][^()\[\]]+[)\]]$")


def _verse_lines(p: Prose) -> set[int]:
    """Indices into ``p.lines`` of the lines whose repeats are a text's form: the lines of
    stanzas (``_stanzas``) and labels (at most ``LABEL_MAX_WORDS`` words: the first line
    of a paragraph that goes on, or a parenthesised line: a script's speaker cues "JENNY" /
    "(to phone)", a song's "(Chorus)"), and lines without a letter or a digit (the
    borders of a drawing, ``+---+``, ``|   |``: not text; A111 reports stray ones)."""
    from bisect import bisect_right

    stanza = _stanzas(p)
    starts = set(p.paragraph_starts)
    lines, line_starts = p.lines, p.line_starts
    out = set()
    for i, start in enumerate(line_starts):
        k = bisect_right(p.paragraph_starts, start) - 1
        if 0 <= k < len(stanza) and stanza[k]:
            out.add(i)
            continue
        line = lines[i]
        if len(line.split(None, LABEL_MAX_WORDS)) > LABEL_MAX_WORDS:
            continue
        if not _WORD_RE.search(line):
            out.add(i)
            continue
        opens = start in starts and i + 1 < len(lines) and line_starts[i + 1] not in starts
        if opens or _PARENTHESISED_RE.match(line):
            out.add(i)
    return out


# A heading seen this many times is a template's label when its neighbours differ.
TEMPLATE_LABEL_REPEATS = 3


def _duplicates(items: list[str], where: list[int] | None = None,
                refrains: set[int] | None = None) -> tuple[int, int]:
    """(number of items that repeat an earlier item, characters in those repeats).
    With ``where`` (``sections``), an item repeats only an earlier item of its section,
    or (a heading, section -1) any earlier item, or (a sub-heading, below -1) an earlier
    sub-heading of the same parent. Items whose index is in ``refrains`` (verse: a
    chorus, a refrain line) never count as repeats. A heading seen
    ``TEMPLATE_LABEL_REPEATS`` times or more repeats only next to a unit it stood next to
    before: a reference page's "Syntax" and "Example" over each function are its
    template, a scraping loop repeats a menu's items in their order."""
    seen: set = set()
    anywhere: set[str] = set()
    beside: set[tuple] = set()  # (heading, the unit before it) and (heading, the unit after it)
    labels = Counter(item for k, item in enumerate(items) if where[k] == -1) if where is not None else {}
    count = chars = 0
    for k, item in enumerate(items):
        key = item if where is None else (where[k], item)
        heading = where is not None and where[k] == -1
        around = ((item, 0, items[k - 1] if k else None),
                  (item, 1, items[k + 1] if k + 1 < len(items) else None)) if heading else ()
        if refrains and k in refrains:
            seen.add(key)
            anywhere.add(item)
            beside.update(around)
            continue
        if heading and item in anywhere and labels[item] >= TEMPLATE_LABEL_REPEATS:
            # a label over each entry of a reference page ("Syntax", "Example" before
            # each function's own text) is its template: it repeats only with what stands
            # beside it (a scraping loop's menu repeats its items in order)
            repeated = any(a in beside for a in around)
        else:
            repeated = key in seen or (heading and item in anywhere)
        if repeated:
            count += 1
            chars += len(item)
        else:
            seen.add(key)
            anywhere.add(item)
        beside.update(around)
    return count, chars


def _line_count(doc: Document, matches, min_lines: int = 1,
                skip: frozenset[int] = frozenset(), p: "Prose | None" = None,
                row_matches: bool | None = None) -> tuple[int, int] | None:
    """(lines of ``p`` (default ``prose(doc)``) for which ``matches(line)`` holds, its lines),
    not counting the lines whose index is in ``skip``, or None when there are fewer than
    ``min_lines``. With ``row_matches``, a table's row (``Prose.rows``) counts as that
    value: a row is a record of the table, whole as it is, neither a sentence left open nor
    a menu's short line."""
    p = p or prose(doc)
    lines = p.lines
    rows = p.rows if row_matches is not None else frozenset()
    if skip or rows:
        lines = [None if i in rows else line for i, line in enumerate(lines) if i not in skip]
    if len(lines) < min_lines:
        return None
    return sum(1 for line in lines if (row_matches if line is None else matches(line))), len(lines)


# The page lines (``page``) a LaTeX source needs before Q104 and Q105 judge them: its lines
# are its blocks (``_region_prose``'s ``reflowed``), and a file of one or two (a file of
# ``\\newacronym{..}{..}{..}`` definitions, pstricks commands another file reads) is no page
# to judge by its lines.
TEX_MIN_PAGE_LINES = 3


def _min_page_lines(doc: Document) -> int:
    return TEX_MIN_PAGE_LINES if doc.suffix in structure.TEX_SUFFIXES else 1


def _beyond(title: str, detail: str, value: float, limit: float, *, minimum: bool = False) -> str | None:
    """The finding message when ``value`` is past ``limit`` (below it if ``minimum``), else None."""
    if (value >= limit) if minimum else (value <= limit):
        return None
    op, word = ("<", "min") if minimum else (">", "max")
    return f"{title}: {detail} ({_fmt(value, limit)} {op} {word} {_fmt(limit, value)})"


# The unit a document-shape filter (Q104, Q105, Q108) judges. Gopher's and FineWeb's
# filters were set on whole web documents; a dataset whose records are paragraphs
# (a man page or a manual cut at blank lines) gives each record one line of 20-60
# words, which every one of them fails ("To list multicast domain activations ...,
# run:" is 0 of 1 lines terminated, a 39-word paragraph is below min 50). With
# ``unit = "paragraph"`` a record of one paragraph is not measured by them; with the
# default ``"document"`` their finding on such a record says so.
UNITS = ("document", "paragraph")


def one_paragraph_record(doc: Document) -> bool:
    """True for a dataset record (``RecordDocument``: its ``path`` is ``<file>#<record>``,
    it has a ``record``) whose prose is a single paragraph (no blank line between lines)."""
    return getattr(doc, "record", None) is not None and len(prose(doc).paragraphs) == 1


def _unit_of(rule: "QualityRule", doc: Document, message: str | None) -> str | None:
    """``message`` as the document-shape filter ``rule`` reports it on ``doc`` under its
    ``unit`` option (``UNITS``): None for a one-paragraph record with ``"paragraph"``, the
    message with a hint naming the option for one with ``"document"`` (``QualityRule``
    raises ValueError for another unit)."""
    if message is None or not one_paragraph_record(doc):
        return message
    if rule.opts["unit"] == "paragraph":
        return None
    return (f"{message}; the record is one paragraph, and the filter judges whole documents"
            f" (records that are paragraphs: [rules.{rule.code}] unit = \"paragraph\")")


def _repetition(units: list[str], total_chars: int, noun: str, max_units: float, max_chars: float,
                where: list[int] | None = None, refrains: set[int] | None = None) -> str | None:
    """Gopher's repetition test on lines or paragraphs (within sections, if ``where``
    gives them: see ``sections``; not counting the units in ``refrains``): a message,
    or None if it passes."""
    if not units:
        return None
    count, chars = _duplicates(units, where, refrains)
    unit_frac = count / len(units)
    char_frac = chars / total_chars
    problems = []
    if unit_frac > max_units:
        problems.append(
            f"{count} of {len(units)} {noun}s repeat an earlier {noun} "
            f"({_fmt(unit_frac, max_units)} > max {_fmt(max_units, unit_frac)})"
        )
    if char_frac > max_chars:
        problems.append(
            f"repeated {noun}s hold {_fmt(char_frac, max_chars)} of the characters "
            f"(> max {_fmt(max_chars, char_frac)})"
        )
    return f"repeated {noun}s: " + "; ".join(problems) if problems else None


class RepeatedLines(QualityRule):
    """Too many of the document's lines repeat an earlier line.

    What: Counts non-blank lines (stripped) that are exact repeats of an earlier line of
    the same document. Flags the document when repeats make up more than
    ``max-line-fraction`` of its lines, or when the characters in repeated lines exceed
    ``max-char-fraction`` of the document's characters.
    Defaults 0.30 and 0.20 are Gopher's repetition filter (Rae et al. 2021,
    "Scaling Language Models", Appendix A, Table A1: duplicate line fraction 0.30,
    characters in duplicate lines 0.20).
    Why: Heavy line repetition marks boilerplate-dominated pages (menus, repeated
    headers, "share" blocks, scraping loops); Gopher found removing such documents
    improves language-model quality. A single repeated headline in a long article is
    far below these thresholds.
    With ``genre = "auto"`` a line counts as a repeat only within its section (between
    two headings, ``sections``): a help page repeats the same steps in each task, and a
    Markdown sub-heading only under the same parent heading: a changelog repeats "Bug
    fixes", "Features" under each release. In a quote collection in fortune(6)'s format
    (``fortune_records``: records between lines holding only "%") the sections are its records:
    the attribution under each proverb ("-- Refrán." under 112 of fortunes-es's proverbios) is
    the records' form, a quote entered twice is counted (its record is the first's section).
    Series of entries opening with one formula (``formulaic_entries``: 10 paragraphs at least,
    40% of them opening with the same three words) are not measured.
    With ``genre = "auto"`` the lines of a song or a poem (``_stanzas``: paragraphs of
    three or more lines, median line of at most 48 characters and at least
    ``STANZA_MEDIAN_WORDS`` words, not a menu of one-word links, hold 80% of the lines,
    and two or more of them differ, or the one stanza repeats fewer than half its lines:
    not one footer block captured five times) are never
    counted as repeats: a song repeats its chorus (Q102 likewise for whole stanzas);
    nor are labels (``LABEL_MAX_WORDS`` words or fewer, opening a paragraph that goes on,
    or in parentheses): a script's speaker cues ("JENNY", "(to phone)") and a song's
    "(Chorus)"; nor lines without a letter or a digit (``+---+`` and ``|   |`` of a grid
    drawn in ASCII: not text, and A111's when stray).
    Example: A scraped page whose footer block of ten lines was captured five times.
    Fix safety: No automatic fix: the document should be re-extracted or dropped.
    Duplicate-removal rules in the duplicate family can remove individual repeated lines.
    """

    code = "Q101"
    name = "repeated-lines"
    default_severity = Severity.WARNING
    repetition = True
    options = {"max-line-fraction": 0.30, "max-char-fraction": 0.20, "genre": "auto"}

    def measure(self, doc):
        p = prose(doc)
        return _repetition(p.lines, len(p.text), "line",
                           self.opts["max-line-fraction"], self.opts["max-char-fraction"],
                           self.sections(doc, p.line_starts), self.refrains(p, _verse_lines))


class RepeatedParagraphs(QualityRule):
    """Too many of the document's paragraphs repeat an earlier paragraph.

    What: Splits the document into paragraphs (runs of non-blank lines separated by
    blank lines) and counts those that repeat an earlier paragraph exactly (after
    stripping surrounding whitespace). Flags the document when repeats exceed
    ``max-paragraph-fraction`` of its paragraphs, or their characters exceed
    ``max-char-fraction`` of the document.
    Defaults 0.30 and 0.20 are Gopher's repetition filter (Rae et al. 2021,
    "Scaling Language Models", Appendix A, Table A1: duplicate paragraph fraction 0.30,
    characters in duplicate paragraphs 0.20).
    Why: Repeated paragraphs are the paragraph-level form of boilerplate and scraping
    loops; a page that is mostly a block repeated several times teaches a model to
    repeat itself.
    With ``genre = "auto"`` only repeats within one section count (a fortune file's record,
    as in Q101: "Miłość w oczach dzieci:" over 17 entries of fortunes-pl's dzieci, "Wpis w
    dzienniczku ucznia:" over 21, is each series' heading), a stanza of verse (Q101) repeated
    is a chorus, not a copy, and a series of entries opening with one formula
    (``formulaic_entries``, as in Q101) is not measured.
    Example: A press release pasted three times into the same file.
    Fix safety: No automatic fix: the document should be re-extracted or dropped.
    """

    code = "Q102"
    name = "repeated-paragraphs"
    default_severity = Severity.WARNING
    repetition = True
    options = {"max-paragraph-fraction": 0.30, "max-char-fraction": 0.20, "genre": "auto"}

    def measure(self, doc):
        p = prose(doc)
        return _repetition(p.paragraphs, len(p.text), "paragraph",
                           self.opts["max-paragraph-fraction"], self.opts["max-char-fraction"],
                           self.sections(doc, p.paragraph_starts),
                           self.refrains(p, lambda p: {k for k, v in enumerate(_stanzas(p)) if v}))


class RepeatedNgram(QualityRule):
    """One short word n-gram takes up too much of the document.

    What: For n = 2, 3 and 4, finds the most frequent word n-gram (script-aware words,
    normalised: Arabic diacritics removed, letter variants unified) and measures the characters its occurrences cover as a
    share of the document's characters (among equally frequent n-grams, the longest).
    Flags the document when that share exceeds ``max-2gram-share`` /
    ``max-3gram-share`` / ``max-4gram-share``. An n-gram that occurs fewer than
    ``min-occurrences`` times (default 3) is never counted: a phrase said twice is a
    restatement, not stuffing. It can pass the share only in a document of about 50
    words, and there it was a verse's parallel clause ("for men is a share of what they
    have earned, and for women is a share of what they have earned", Qur'an 4:32), a forum
    reply's "Re:" line repeating the subject, or one Chinese clause (a "word", without
    spaces) given twice: 42 of lead's 90 findings on the benchmark corpora, none true,
    while the stuffed web pages of C4 repeat their phrase 3 to 20 times (
    a placeholder page names its person 8 times). Gopher's definition counts any most common n-gram
    (``min-occurrences = 2``). The message shows the n-gram as written in the text.
    Defaults 0.20 / 0.18 / 0.16 are Gopher's repetition filter (Rae et al. 2021,
    "Scaling Language Models", Appendix A, Table A1: fraction of characters in the
    most common 2-, 3- and 4-gram).
    Why: A phrase repeated until it dominates the text marks keyword stuffing, tag
    clouds and generated spam; ordinary prose never comes close (a frequent name like
    "North Korea" covers a few percent of a news article).
    Example: "buy cheap shoes buy cheap shoes buy cheap shoes ..." (the 3-gram
    "buy cheap shoes" covers nearly the whole text).
    Documents under 50 words (Gopher's length filter, Q108) are not measured: in a verse
    of 30 words any phrase said twice covers a fifth of it.
    An n-gram that ends the lines of verse (all its occurrences but one at a line end, the
    first in a block of short lines: ``corpuslint.structure.in_verse``) is a refrain, the
    radif of a ghazal ("تو بی چیزی نیست" closing every couplet of Hafez 75), not stuffing.
    Opt-in (not in the default selection; ``--select Q103``, or ``extend-select =
    ["Q103"]`` in the config, runs it), at info: it is a filter for crawled web pages,
    where its target, keyword stuffing and tag clouds, occurs: on the C4 pages of
    LLaMA-Factory's demo data 3 of 4 labelled findings were true (a placeholder page, phone
    number spam, an image-gallery page). On the other text corpuslint is run on it was
    wrong every time: on the benchmark corpora (5.7 million words: handbooks, help pages,
    Markdown docs, scripture and hadith, poetry, fortunes, subtitles, instruction and chat
    data) lead's findings were 0 of 38 labelled true outside web text.
    Translated scripture and hadith repeat formulas by design (the call to prayer, "peace
    be upon him", a verse's parallel clauses); an answer to a word problem repeats its
    quantity ("production rate per" 5 times); code and tool output repeat tokens ("0 0"
    79 times in a Lua answer, a malformed subtitle's "00 00"); a Chinese clause counts as
    one word, so a clause said twice covers a quarter of a short reply. None of that is
    stuffing, and the share cannot tell it from stuffing.
    Fix safety: No automatic fix: the document should be dropped.
    """

    code = "Q103"
    name = "repeated-ngram"
    default_severity = Severity.INFO
    default_enabled = False  # opt-in: see the docstring
    repetition = True
    options = {"max-2gram-share": 0.20, "max-3gram-share": 0.18, "max-4gram-share": 0.16, "min-occurrences": 3,
               "genre": "auto"}

    def measure(self, doc):
        p = prose(doc)
        words = p.words  # normalised tokens, shared with the other rules
        if len(words) < 4 or _word_count(p) < GOPHER_MIN_WORDS:
            return None
        total = len(p.text)
        least = max(2, int(self.opts["min-occurrences"]))
        ids = _word_ids(words)
        lengths = _word_lengths(words)
        cumulative = np.concatenate(([0], np.cumsum(lengths)))
        most = _most_covered(ids, lengths)
        for n in (2, 3, 4):
            if len(words) < 2 * n:
                continue
            limit = self.opts[f"max-{n}gram-share"]
            if n * most / total <= limit:
                continue  # no n-gram can cover more than n * most characters (``_most_covered``)
            first, occurrences, chars = _top_ngram(ids, n, cumulative)
            if occurrences < least:
                continue  # (the most frequent n-gram: no other occurs more often)
            gram = tuple(words[first : first + n])
            length = chars + n - 1
            if length * occurrences / total <= limit:
                continue
            # exact recount (the counting above works on 64-bit hashes of the n-grams)
            occurrences = sum(1 for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == gram)
            share = length * occurrences / total
            if share > limit and occurrences >= least:
                shown = _as_written(p, first, n) or " ".join(gram)
                if _verse_refrain(p.text, shown, occurrences):
                    continue  # a ghazal's radif, a song's refrain: verse repeats its line ends
                return (
                    f"repeated {n}-gram: {shown!r} occurs {occurrences} times and covers "
                    f"{_fmt(share, limit)} of the characters (max {_fmt(limit, share)})"
                )
        return None


def _verse_refrain(text: str, shown: str, occurrences: int) -> bool:
    """True when all but at most one of the ``occurrences`` of the phrase ``shown`` end a
    line (closing punctuation allowed) and the first is in verse (``structure.in_verse``):
    a ghazal's radif ("... تو بی چیزی نیست" closing every couplet), a song's refrain."""
    ends = list(regex.finditer(regex.escape(shown) + r"[ \t\p{P}]*$", text, regex.MULTILINE))
    return len(ends) >= max(2, occurrences - 1) and structure.in_verse(text, ends[0].start())


_MIX = np.uint64(0x9E3779B97F4A7C15)


@last_argument  # (Q103 and Q112 ask it of the same prose words, ``Prose.words``)
def _word_ids(words: list[str]) -> "np.ndarray":
    """Each word's id: 0, 1, 2 ... in order of first occurrence (one C-level pass to
    number the distinct words, one to look them up); read-only (it is shared)."""
    rank = dict(zip(dict.fromkeys(words), range(len(words))))
    ids = np.fromiter(map(rank.__getitem__, words), dtype=np.uint64, count=len(words))
    ids.flags.writeable = False
    return ids


@last_argument  # (Q103 and Q112 ask it of the same prose words, as ``_word_ids``)
def _word_lengths(words: list[str]) -> "np.ndarray":
    """Each word's length in code points (int64, read-only: it is shared)."""
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    lengths.flags.writeable = False
    return lengths


def _most_covered(ids: "np.ndarray", lengths: "np.ndarray") -> int:
    """The most characters one word's occurrences take, each with one space:
    max over words w of count(w) * (len(w) + 1). An n-gram occurs at most as often as
    each of its words, so its occurrences cover (letters + n - 1) * count <= the sum over
    its words of count(w) * (len(w) + 1) <= n * this (Q103 skips an n whose bound is
    within the threshold: no n-gram can exceed it)."""
    counts = np.bincount(ids.astype(np.intp))
    per_word = np.zeros(len(counts), dtype=np.int64)
    per_word[ids.astype(np.intp)] = lengths
    return int((counts * (per_word + 1)).max())


def _ngram_keys(ids: "np.ndarray", n: int) -> "np.ndarray":
    """A 64-bit hash of every n-gram of word ids (position i = words i .. i+n-1)."""
    size = len(ids) - n + 1
    keys = ids[:size].copy()
    with np.errstate(over="ignore"):
        for i in range(1, n):
            keys = keys * _MIX + ids[i : i + size]
    return keys


def _top_ngram(ids: "np.ndarray", n: int, cumulative: "np.ndarray") -> tuple[int, int, int]:
    """The most frequent n-gram of word ids: (index of its first occurrence, count,
    letters in its words). Among equally frequent n-grams, the longest one."""
    keys = _ngram_keys(ids, n)
    _, first, counts = np.unique(keys, return_index=True, return_counts=True)
    top = counts.max()
    candidates = first[counts == top]
    letters = cumulative[candidates + n] - cumulative[candidates]
    best = int(letters.argmax())
    return int(candidates[best]), int(top), int(letters[best])


def _as_written(doc: "Prose", index: int, n: int) -> str | None:
    """The n words starting at word ``index`` as they appear in the text (harakat and
    tatweel removed), or None when the raw tokens do not line up with ``doc.words``."""
    raw = _WORD_RE.findall(doc.text.translate(_MARKS))
    if len(raw) != len(doc.words):
        return None
    return " ".join(raw[index : index + n])


class RepeatedLongNgrams(QualityRule):
    """Too much of the document is covered by repeated 5- to 10-word sequences.

    What: For n = 5 to 10, marks every word inside an n-gram occurrence that repeats an
    earlier occurrence of the same n-gram (script-aware, normalised words) and measures
    the letters of the marked words as a share of the document's characters, counting
    overlapping n-grams once. Flags the document when the share exceeds the threshold
    for that n (option ``max-share``, a table from n to threshold).
    Defaults 0.15, 0.14, 0.13, 0.12, 0.11, 0.10 for n = 5 ... 10 are Gopher's repetition
    filter (Rae et al. 2021, "Scaling Language Models", Appendix A, Table A1: fraction
    of characters in duplicate 5- to 10-grams). As in the widely used datatrove
    implementation, the first occurrence of an n-gram is not counted as a duplicate.
    Lines that exactly repeat an earlier line are left out of the count (their words are
    not n-gram repeats here): they are Q101's measure, with Gopher's own duplicate-line
    thresholds, and counting them again at the stricter n-gram threshold reports the same
    repeat twice and flags help pages whose every task repeats the same step line. With
    ``genre = "auto"`` an n-gram repeats only an earlier occurrence in its section
    (``sections``: each task of a help page repeats "press the menu button in the
    top-right corner of the window and select Show Hidden Files"). The characters of
    the whole prose stay the denominator.
    Why: Catches repetition that exact line and paragraph checks miss: the same
    sentences re-wrapped differently, a block repeated inside one long line, spun
    content built from the same phrases.
    Example: an article whose last three paragraphs repeat its first three with
    different line breaks.
    Documents under 50 words are not measured (as for Q103).
    Opt-in (not in the default selection; ``--select Q112``, or ``extend-select =
    ["Q112"]``, runs it), at info, as Q103: a filter for crawled web pages (a page whose
    menu or teaser block was extracted twice into running text): on the C4 pages of
    LLaMA-Factory's demo data 5 of 9 labelled findings were true (spam, spun text, a mash
    of scraped snippets). Outside web text its findings on the 48 benchmark corpora were
    0 of 40 labelled true: a verse's parallel clauses ("to
    Allah belongs whatever is in the heavens and whatever is on the earth" twice in Qur'an
    4:131), chains of narrators and the honorific formula of hadith, a handbook chapter
    and its translations restating a definition, step-by-step answers of instruction
    data. At 50 to 100 words one clause said twice passes 0.15.
    Fix safety: No automatic fix: the document should be re-extracted or dropped.
    """

    code = "Q112"
    name = "repeated-long-ngrams"
    default_severity = Severity.INFO
    default_enabled = False  # opt-in: see the docstring
    repetition = True
    options = {"max-share": {"5": 0.15, "6": 0.14, "7": 0.13, "8": 0.12, "9": 0.11, "10": 0.10}, "genre": "auto"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        try:
            self.limits = {int(n): float(v) for n, v in self.opts["max-share"].items()}
            if not all(1 < n <= 50 for n in self.limits):
                raise ValueError
        except (TypeError, ValueError):
            from corpuslint.config import ConfigError

            raise ConfigError(
                f"rules.{self.code}.max-share: expected a table from n (2-50) to a fraction, "
                f"e.g. {{ \"5\" = 0.15 }}, got {self.opts['max-share']!r}"
            ) from None

    def measure(self, doc):
        p = prose(doc)
        if _word_count(p) < GOPHER_MIN_WORDS:
            return None
        words, where = _words_outside_repeated_lines(doc, p, self.sections(doc, p.line_starts))
        limits = self.limits
        if not limits or len(words) < 2 * min(limits):
            return None
        total = len(p.text)
        ids = _word_ids(words)
        lengths = _word_lengths(words)
        for n in sorted(limits):
            size = len(words) - n + 1
            if size < 2:
                continue
            keys = _ngram_keys(ids, n)
            if where is not None:  # an n-gram repeats only within its first word's section
                with np.errstate(over="ignore"):
                    keys = keys * _MIX + where[:size]
            repeats = _later_occurrences(keys)
            if not len(repeats):
                break  # no repeated n-gram: no repeated longer one either
            delta = np.zeros(len(words) + 1, dtype=np.int64)
            delta[repeats] += 1  # (positions are distinct: no np.add.at needed)
            delta[repeats + n] -= 1
            covered = np.cumsum(delta[:-1]) > 0
            share = int(lengths[covered].sum()) / total
            if share > limits[n]:
                return (
                    f"repeated {n}-word sequences cover {_fmt(share, limits[n])} of the characters "
                    f"(max {_fmt(limits[n], share)})"
                )
            # words covered by repeated (n+1)-grams are covered by repeated n-grams, so the
            # share only shrinks with n: stop once no later threshold can be exceeded
            if share <= min(limit for m, limit in limits.items() if m >= n):
                break
        return None


def _later_occurrences(keys: "np.ndarray") -> "np.ndarray":
    """Sorted positions whose key occurred at an earlier position: in a stable sort the
    first of each run of equal keys is its earliest occurrence, the rest are later ones
    (the positions where ``first[inverse] < arange`` of ``np.unique``, without building
    the inverse)."""
    order = np.argsort(keys, kind="stable")
    ranked = keys[order]
    return np.sort(order[1:][ranked[1:] == ranked[:-1]])


def _words_outside_repeated_lines(doc: Document, p: Prose, where: list[int] | None) -> tuple[list[str], "np.ndarray | None"]:
    """The prose's words without those of lines that exactly repeat an earlier prose
    line: whole repeated lines are Q101's measure (Gopher's duplicate-line filter, with
    its own thresholds), and counted again here they would fail the stricter n-gram
    threshold for the same repeat (help pages repeat "Open the Activities overview and
    start typing Printers." as a step of every task on purpose). Second: with the
    lines' ``sections`` in ``where``, the section of each word (a heading counting with
    the section it opens), else None."""
    if where is None and len(set(p.lines)) == len(p.lines):
        return p.words, None
    seen: set[str] = set()
    kept = [k for k, line in enumerate(p.lines) if not (line in seen or seen.add(line))]
    if where is None:
        return normalize.words("\n".join(p.lines[k] for k in kept)), None
    heads = section_starts(doc)
    words: list[str] = []
    owner: list[int] = []
    for k in kept:
        line_words = normalize.words(p.lines[k])
        words.extend(line_words)
        owner.extend([section_of(heads, p.line_starts[k])] * len(line_words))
    return words, np.array(owner, dtype=np.uint64)


# Quotation marks that close a quotation at a line's end (C4/FineWeb: an end quotation mark
# ends the line's sentence); braces and ornate parentheses only around a quotation opened
# on the line (a Quranic verse in a hadith)
_QUOTE_CLOSERS = "\"'”’»›」』"
_BRACKET_QUOTES = {"}": "{", "\ufd3e": "\ufd3f", "\ufd3f": "\ufd3e"}  # (ornate parentheses face either way in use)


# The Sentence_Terminal and Terminal_Punctuation characters of Unicode (the ``regex``
# module's tables), less those whose names say they end no sentence (``_NOT_TERMINAL``:
# commas, colons, semicolons, word dividers), written out so that no pattern compiles and
# no table is scanned when the plugin loads; tests/test_quality_rules.py checks that this
# is what the properties give (``unicode_terminals``).
UNICODE_TERMINALS = frozenset(
    "\u0021\u002e\u003f\u037e\u0387\u0589\u05c3\u061d\u061e\u061f\u06d4\u0700\u0701\u0702"
    "\u07f9\u0830\u0831\u0832\u0833\u0834\u0835\u0837\u0838\u0839\u083a\u083b\u083c\u083d"
    "\u083e\u085e\u0964\u0965\u0e5a\u0e5b\u0f08\u0f0d\u0f0e\u0f0f\u0f10\u0f11\u0f12\u104a"
    "\u104b\u1362\u1367\u166e\u16eb\u16ec\u16ed\u1735\u1736\u17d4\u17d5\u17d6\u17da\u1803"
    "\u1805\u1809\u1944\u1945\u1aa8\u1aa9\u1aaa\u1aab\u1b4e\u1b4f\u1b5a\u1b5b\u1b5d\u1b5e"
    "\u1b5f\u1b7d\u1b7e\u1b7f\u1c3b\u1c3c\u1c3d\u1c3e\u1c3f\u1c7e\u1c7f\u2024\u203c\u203d"
    "\u2047\u2048\u2049\u2cf9\u2cfa\u2cfb\u2e2e\u2e3c\u2e4e\u2e53\u2e54\u2e60\u2e61\u3002"
    "\ua4ff\ua60e\ua60f\ua6f3\ua6f7\ua876\ua877\ua8ce\ua8cf\ua92f\ua9c7\ua9c8\ua9c9\uaa5d"
    "\uaa5e\uaa5f\uaadf\uaaf0\uaaf1\uabeb\ufe12\ufe15\ufe16\ufe52\ufe56\ufe57\uff01\uff0e"
    "\uff1f\uff61\U00010857\U00010a56\U00010a57\U00010af0\U00010af1\U00010af2\U00010af3\U00010af4\U00010af5\U00010b3a\U00010b3b\U00010b3c"
    "\U00010b3d\U00010b3e\U00010b3f\U00010b99\U00010b9a\U00010b9b\U00010b9c\U00010f55\U00010f56\U00010f57\U00010f58\U00010f59\U00010f86\U00010f87"
    "\U00010f88\U00010f89\U00011047\U00011048\U00011049\U0001104a\U0001104b\U0001104c\U0001104d\U000110be\U000110bf\U000110c0\U000110c1\U00011141"
    "\U00011142\U00011143\U000111c5\U000111c6\U000111cd\U000111de\U000111df\U00011238\U00011239\U0001123b\U0001123c\U000112a9\U000113d4\U000113d5"
    "\U0001144b\U0001144c\U000115c2\U000115c3\U000115c9\U000115ca\U000115cb\U000115cc\U000115cd\U000115ce\U000115cf\U000115d0\U000115d1\U000115d2"
    "\U000115d3\U000115d4\U000115d5\U000115d6\U000115d7\U00011641\U00011642\U0001173c\U0001173d\U0001173e\U00011944\U00011946\U00011a42\U00011a43"
    "\U00011a9b\U00011a9c\U00011aa1\U00011aa2\U00011c41\U00011c42\U00011c71\U00011ef7\U00011ef8\U00011f43\U00011f44\U00016a6e\U00016a6f\U00016af5"
    "\U00016b37\U00016b38\U00016b39\U00016b44\U00016d6e\U00016d6f\U00016e98\U0001bc9f\U0001da88"
)
_NOT_TERMINAL = frozenset(("COMMA", "COLON", "SEMICOLON", "TRICOLON", "QUADCOLON", "WORD", "WORDSPACE", "SEPARATOR",
                           "DIVIDER", "METOBELUS", "CONTRACTION", "PLACEHOLDER"))


def unicode_terminals() -> frozenset[str]:
    """``UNICODE_TERMINALS`` computed from the Unicode properties (slow: for the test)."""
    import unicodedata

    every = "".join(map(chr, range(0x30000)))  # (no such mark lies above the SMP and SIP)
    return frozenset(ch for ch in regex.findall(r"[\p{Sentence_Terminal}\p{Terminal_Punctuation}]", every)
                     if not _NOT_TERMINAL & set(unicodedata.name(ch, "").split()))


@lru_cache(maxsize=8)
def _terminals(extra: str, unicode_terminals: bool) -> frozenset[str]:
    """The characters that end a line's sentence: ``extra``, and with ``unicode_terminals``
    ``UNICODE_TERMINALS``."""
    return frozenset(extra) | (UNICODE_TERMINALS if unicode_terminals else frozenset())


# A Greek word before a line's final ";": Unicode maps the Greek question mark U+037E
# to U+003B (its canonical decomposition), so Greek text stored in NFC, and typed on a
# Greek keyboard, asks its questions with ";".
_GREEK_BEFORE_RE = lazy(r"\p{Greek}[\p{Greek}\p{M}]*[^\p{L}\p{N};]*;\Z")


# The Ethiopic wordspace (U+1361), written between words; two of them are the common
# keyboard stand-in for the full stop ። (U+1362, "ሰብ መሰል ኦለዎ፡፡" in the Tigrinya UDHR).
_ETHIOPIC_WORDSPACE = "\u1361"


def _terminated(line: str, terminal: frozenset[str]) -> bool:
    """``line`` ends in a terminal mark (closing quotes and brackets, invisible marks and
    spaces after it looked past), a closing quotation mark, or a braced quotation opened on it."""
    visible = line.rstrip(_INVISIBLE + " \t")
    if visible[-1:] in terminal:
        return True
    bare = visible.rstrip(_CLOSERS + _INVISIBLE + " \t")
    if bare[-1:] in terminal:
        return True
    if bare[-1:] == ";" and "\u037e" in terminal and _GREEK_BEFORE_RE.search(bare):
        return True  # "Τι είναι αυτό;": the Greek question mark U+037E, which NFC writes as ";"
    if bare.endswith(_ETHIOPIC_WORDSPACE) and "\u1362" in terminal and (
            bare.endswith(_ETHIOPIC_WORDSPACE * 2) or bare.rstrip(_ETHIOPIC_WORDSPACE)[-1:] in terminal):
        return True  # "ኦለዎ፡፡": two wordspaces, typed for the full stop ።; "አለው።፡": a wordspace after it
    last = visible[-1:]
    if last and last in _QUOTE_CLOSERS:
        return True
    opener = _BRACKET_QUOTES.get(last)
    if opener is not None and opener in visible[:-1]:
        return True
    if last in "*_" and visible.rstrip("*_").rstrip(_CLOSERS)[-1:] in terminal:
        # "*Switch the tablet's orientation.*": the mark, then the emphasis closed (parsed only
        # when a mark stands before the asterisks or underscores)
        inner = _emphasised_end(visible)
        return inner is not None and _terminated(inner, terminal)
    return False


@lru_cache(maxsize=1)
def _inline_markdown():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def _emphasised_end(line: str) -> str | None:
    """The text of ``line`` before the emphasis (CommonMark's, as markdown-it parses the line)
    that closes at its end, or None when no emphasis closes there."""
    tokens = _inline_markdown().parseInline(line)
    children = list(tokens[0].children or ()) if tokens else []
    closed = False
    while children and (children[-1].type in ("em_close", "strong_close")
                        or children[-1].type == "text" and not children[-1].content):
        closed |= children.pop().type != "text"
    if not closed or not children or children[-1].type != "text":
        return None
    return children[-1].content


class UnterminatedLines(QualityRule):
    """Too few lines end in terminal punctuation.

    What: Measures the fraction of non-blank lines that end in terminal punctuation
    and flags the document when the fraction is below ``min-fraction``. Terminal
    punctuation is what Unicode says ends a sentence or a clause in every script
    (the ``Sentence_Terminal`` and ``Terminal_Punctuation`` properties: . ! ? ؟ ۔ 。
    ！ ？ । ॥ ။ ។ ៕ ։, the Hebrew sof pasuq ׃ that ends a verse, the Greek ano
    teleia ·, the Greek question mark ; (U+037E, which Unicode normalises to the
    semicolon, so a ";" after a Greek word ends the line: "Τι είναι αυτό;"), the Tibetan
    shad ...; not their commas, colons, semicolons and word
    dividers), with ``unicode-terminals`` (default true), plus ``terminal-chars``
    (default … and the Arabic comma ، and semicolon ؛). Closing quotes and brackets
    after the mark are looked past (`قال: "نعم."`). A line ending in a closing quotation
    mark counts as terminated, as C4's and FineWeb's first line-punctuation filter
    count an end quotation mark (`يَقُولُ : "...إِلَيْهِ "`), and so does one ending in
    a quotation it opened in braces or ornate parentheses (a Quranic verse quoted in a
    hadith: `...{إِنَّ الشِّرْكَ لَظُلْمٌ عَظِيمٌ}`), and so does one whose emphasis closes
    after the mark (`*Switch the tablet's orientation.*`, a help page's summary: the
    CommonMark emphasis, as markdown-it parses the line). Verse is not measured
    (``verse_lines``: a ghazal's half-lines, a kural couplet end without a mark by form; a
    web filter must not judge a poem as a page): the rest of the text is, when it holds
    50 words or more (Gopher's length filter), else nothing. Documents
    mostly in Thai or Lao are skipped: those scripts end a sentence with a space, not a
    punctuation mark (Unicode Standard, ch. 16, "Thai": no sentence-final punctuation).
    Default 0.12 is FineWeb's line-punctuation filter (Penedo et al. 2024, "The FineWeb
    Datasets", custom filters: remove documents where 12% or fewer of the lines end in
    punctuation). The Arabic comma ، counts as terminal because Arabic news prose often
    ends a paragraph-line with it.
    Why: Prose ends its lines in punctuation; menus, lists of links, tag lists and
    tables do not. A page with almost no terminated line is rarely running text.
    Example: A navigation dump: "Home", "News", "Sport", "Contact us", ... (no line
    ends in punctuation).
    A Markdown or reST page's table rows (``page``) are lines of the page that count as
    ended: a table set out in the page's markup is data, each row whole as it is (fresh37's
    SOURCES.md, a title over a table of sources, was "only 0 of 1 lines"; an answer that is
    the table it was asked for); the filter's target is text flattened from HTML.
    Chat turns of the user, the system or a tool (``Document.role``) are not measured: a
    user types "What is your robot body" or "generate an SVG of a house icon" without a
    mark, and a prompt is the model's input; the filter judges what a model is trained to
    produce, the assistant's turns and texts without a role.
    The filter judges a whole document: a dataset record of one paragraph (no blank
    line) is not measured with ``unit = "paragraph"`` (records cut from documents at
    blank lines), and with the default ``unit = "document"`` the finding says the record
    is one paragraph and names the option (``UNITS``).
    A LaTeX source (and an HTML or wikitext page) is measured on the text its parser's regions
    give (``prose``), not its commands; a LaTeX page's lines are its blocks, not the source's
    lines (``_region_prose``'s ``reflowed``: TeX sets a paragraph's words in lines of its own),
    and a LaTeX file of fewer than ``TEX_MIN_PAGE_LINES`` such lines is not measured (a file of
    definitions another reads): fresh38's "only 2 of 21 lines end in terminal punctuation" on a
    tutorial chapter whose sentences the source wraps, "27 of 40 lines are 30 characters or
    shorter" on a preamble of ``\\sloppy`` lines over an anecdote (labelled false).
    Fix safety: No automatic fix. Enabled at info severity: headline-only or list-like
    files are sometimes wanted.
    """

    code = "Q104"
    name = "unterminated-lines"
    default_severity = Severity.INFO
    skip_roles = PROMPT_ROLES
    options = {"min-fraction": 0.12, "terminal-chars": "…،؛", "unicode-terminals": True, "unit": "document"}

    def measure(self, doc):
        text = page(doc).text
        if _THAI_LAO_BLOCK.search(text) and _share(text, _NO_FULL_STOP_RE) >= 0.5:
            return None  # Thai and Lao end sentences with a space, not a mark
        verse = verse_lines(doc)
        if verse and _prose_words(doc, verse) < GOPHER_MIN_WORDS:
            return None  # verse is no page's lines, and too little prose is left to judge
        terminal = _terminals(self.opts["terminal-chars"], self.opts["unicode-terminals"])
        counted = _line_count(doc, lambda line: _terminated(line, terminal), min_lines=_min_page_lines(doc), skip=verse,
                              p=page(doc), row_matches=True)
        if counted is None:
            return None
        ended, total = counted
        return _unit_of(self, doc, _beyond("unterminated lines", f"only {ended} of {total} lines end in terminal punctuation",
                                           ended / total, self.opts["min-fraction"], minimum=True))


class ShortLines(QualityRule):
    """Too many lines are very short.

    What: Measures the fraction of non-blank lines at most ``short-length`` characters
    long (default 30, stripped) and flags the document when it exceeds
    ``max-fraction``.
    Defaults 30 characters and 0.67 are FineWeb's short-line filter (Penedo et al. 2024,
    "The FineWeb Datasets", custom filters: remove documents where more than 67% of the
    lines are 30 characters or shorter). A Han or Kana character counts as three
    characters: a Chinese word averages about 1.7 characters against 5-6 letters for
    an English word (``corpuslint.text.tokens``), so 30 Latin characters hold about as
    much text as 10 Chinese ones.
    Why: Pages made mostly of short lines are menus, link lists, captions and
    metadata rather than prose.
    Example: A scraped category page: "Politics", "12:30", "Read more", "Share", ...
    Verse is not measured (``verse_lines``: a poem's lines are short by form), as for Q104;
    a Markdown or reST page's table rows are lines of the page, never short (as for Q104: a
    table of figures is data, no menu); nor, in a Markdown or reST page, the titles of sections that hold nothing
    (``empty_sections``: an index page's topics, whose pages hold the text), but for the
    page's own title.
    Subtitle files (.srt, .vtt read as subtitles) are not measured: a caption line is
    short by convention; nor one part of a fine-tuning example (``part_of_example``: a chat
    turn, an instruction record's field): FineWeb's filter judges whole web documents, and a
    complete answer of one sentence ("Tidak menghitung subtotal.") is 1 of 1 lines short.
    The filter judges a whole document: a dataset record of one paragraph (no blank
    line) is not measured with ``unit = "paragraph"`` (records cut from documents at
    blank lines), and with the default ``unit = "document"`` the finding says the record
    is one paragraph and names the option (``UNITS``).
    A LaTeX source (and an HTML or wikitext page) is measured on its typeset text, as for Q104.
    Fix safety: No automatic fix. Enabled at info severity: poetry, lists and subtitles
    are short-lined by nature.
    """

    code = "Q105"
    name = "short-lines"
    default_severity = Severity.INFO
    skip_roles = PROMPT_ROLES
    whole_documents = True
    options = {"max-fraction": 0.67, "short-length": 30, "unit": "document"}

    def measure(self, doc):
        if is_subtitle(doc):
            return None  # a caption line is short by convention (Netflix: 42 characters at most)
        length = self.opts["short-length"]
        verse = verse_lines(doc)
        if verse and _prose_words(doc, verse) < GOPHER_MIN_WORDS:
            return None  # verse is no page's lines, and too little prose is left to judge
        empty = empty_sections(doc)
        if empty:  # an index page's topics: titles, short by design (their pages hold the text)
            title = next(line.start for line, kind in zip(doc.lines, doc.line_kinds) if kind == structure.HEADING)
            verse = verse | {i for i, start in enumerate(page(doc).line_starts) if start in empty and start != title}
        measure = _latin_length if T.has_spaceless(page(doc).text) else len
        counted = _line_count(doc, lambda line: measure(line) <= length, min_lines=_min_page_lines(doc), skip=verse,
                              p=page(doc), row_matches=False)
        if counted is None:
            return None
        short, total = counted
        return _unit_of(self, doc, _beyond("short lines", f"{short} of {total} lines are {length} characters or shorter",
                                           short / total, self.opts["max-fraction"]))


# Hash signs or ellipses a document needs before their ratio to its words means anything.
SYMBOL_MIN_COUNT = 3


# Five groups of dots and dashes in a row: what every Morse line holds (``re``: a fast
# pre-check for ``MORSE_RE``).
_MORSE_HINT_RE = lazy_re(r"(?:[.\-]{1,6}[ \t]+){4}[.\-]")


def _may_hold_morse(text: str) -> bool:
    """False only when ``_MORSE_HINT_RE`` cannot match ``text``: each match ends in a space
    or tab right before a dot or hyphen, one of four strings found at memchr speed (the
    pattern's scan stops at every sentence's full stop)."""
    return " ." in text or " -" in text or "\t." in text or "\t-" in text


# A Weibo hashtag: ``#topic#`` (its second sign closes it; one hashtag, not two).
_CLOSED_HASHTAG_RE = lazy(r"#[^\s#]{1,30}#")
# A line of hashtags alone (two or more): a page's tag list.
_TAG_LINE_RE = lazy(r"^[ \t]*#[^\s#]+#?(?:[ \t]+#[^\s#]+#?)+[ \t]*$", regex.MULTILINE)


class SymbolHeavy(QualityRule):
    """Too many hash signs or ellipses per word.

    What: Counts hash signs (#) and ellipses (``...`` or …) and divides each count by
    the number of words. Flags the document when either ratio exceeds
    ``max-hash-ratio`` / ``max-ellipsis-ratio``.
    Default 0.1 for both is Gopher's quality filter (Rae et al. 2021, "Scaling Language
    Models", Appendix A: remove documents with a symbol-to-word ratio greater than 0.1
    for either the hash symbol or the ellipsis).
    Why: Hashtag walls and truncated teaser lists ("Read more...") are typical of
    low-value pages: social-media dumps and link farms.
    An ellipsis closing a line and the one opening the next ("Wußten Sie schon...",
    "... daß ...") are one suspended sentence, counted once.
    A ratio needs at least three of the symbol (``SYMBOL_MIN_COUNT``): one pause in a verse
    of four words ("Non!... Par la lune", Qur'an 74:32 in French) is 0.25 per word.
    A hashtag closed by a second sign, as Weibo writes it (``#充实生活#``), is one hashtag;
    the dots of Morse code (``.... . .-.. .-.. ---``, quoted in a forum post) are not
    ellipses.
    A text under 50 words (Gopher's length filter, Q108: the ratio was set on web pages,
    not posts) is flagged for hash signs only when they are more than half its words
    (``max-hash-ratio-short``, 0.5) or when those on lines of tags alone (``#كوريا #روسيا
    #بوتين``: a page's tag list) pass ``max-hash-ratio``: a post that carries the hashtags
    its task asks for in its sentences ("... at the #UpcomingConference2020! ... Grab your
    tickets now! #event #innovation #conferences.", 4 for 35 words) is a post; a run of
    tags with a few words ("#كوريا #روسيا #بوتين #كيم #عاجل #أخبار تابعونا على الصفحة",
    6 for 9) or a navigation page's tag lines are still a wall.
    Example: "#news #sport #today #follow #like ..." (one hash per word). Markdown
    heading markers (``## Install``) and code (``# apt install x``) are markup, not
    symbols in the text, and are not counted.
    Fix safety: No automatic fix.
    """

    code = "Q106"
    name = "symbol-heavy"
    default_severity = Severity.WARNING
    options = {"max-hash-ratio": 0.1, "max-hash-ratio-short": 0.5, "max-ellipsis-ratio": 0.1}

    def measure(self, doc):
        p = prose(doc)
        n_words = _word_count(p)
        if not n_words:
            return None
        limits = dict(self.opts)
        if n_words < GOPHER_MIN_WORDS and (
            sum(m.group().count("#") for m in _TAG_LINE_RE.finditer(p.text)) / n_words <= limits["max-hash-ratio"]
        ):  # a post with its hashtags in its sentences, not a page's tag lines: only a wall of tags
            limits["max-hash-ratio"] = max(limits["max-hash-ratio"], limits["max-hash-ratio-short"])
        text = p.text
        if _may_hold_morse(text) and _MORSE_HINT_RE.search(text):
            text = MORSE_RE.sub(" ", text)  # (Morse code's dots are not ellipses)
        ellipses = 0
        if "..." in text or "…" in text:  # (what each match of both patterns holds: most text has neither)
            ellipses = max(0, len(_ELLIPSIS_RE.findall(text)) - len(_ELLIPSIS_CONTINUED_RE.findall(text))
                           - synopsis_ellipses(text))
        for label, count, key in (
            ("hash signs", text.count("#") - len(_CLOSED_HASHTAG_RE.findall(text)), "max-hash-ratio"),
            ("ellipses", ellipses, "max-ellipsis-ratio"),
        ):
            ratio = count / n_words
            if count >= SYMBOL_MIN_COUNT and ratio > limits[key]:
                return (
                    f"symbol-heavy: {count} {label} for {n_words} words "
                    f"({_fmt(ratio, limits[key])} per word > max {_fmt(limits[key], ratio)})"
                )
        return None


def synopsis_ellipses(text: str) -> int:
    """The ellipses of ``text`` that mark a repeatable operand of a command synopsis
    (``_SYNOPSIS_ELLIPSIS_RE``: "[TÙY_CHỌN]…", "NGUỒN…", "[ isim ... ]"), and every
    ellipsis on a line that gives a bracketed option (``_BRACKETED_OPTION_RE``: "[ -e ]
    şablon dosya ..."). Each match of the pattern holds one ellipsis."""
    count = 0
    for line in text.splitlines():
        if "..." in line or "…" in line:
            count += len((_ELLIPSIS_RE if _BRACKETED_OPTION_RE.search(line) else _SYNOPSIS_ELLIPSIS_RE).findall(line))
    return count


# Languages written without spaces between words (ISO 639-1): Chinese, Japanese, Thai, Lao,
# Khmer, Burmese, Tibetan
SPACELESS_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})


class AbnormalWordLength(QualityRule):
    """The mean word length is outside the range of natural language.

    What: Computes the mean length of the document's words (script-aware, Arabic
    diacritics and tatweel removed) and flags the document when it is below ``min``
    or above ``max`` characters.
    Defaults 3 and 10 are Gopher's quality filter (Rae et al. 2021, "Scaling Language
    Models", Appendix A: remove documents whose mean word length is outside 3 to 10
    characters). Arabic news prose measures about 5.
    Why: A very low mean marks character soup and spaced-out letters; a very high one
    marks base64, hashes, URLs and concatenated tokens.
    Example: "a b c d e f g ..." (mean 1) or a page of hexadecimal identifiers
    (mean 32).
    Scripts written without spaces (Han, Kana, Thai, Lao, Khmer, Myanmar) have no
    measurable word length: their runs are left out, and a document that is mostly in
    them is not measured (Gopher's range was set on English web text), nor is a document
    declared in such a language that holds them (``SPACELESS_LANGUAGES``): what it writes
    with spaces is Latin terms, code and a table's values (debian-reference's Chinese section
    on ``ls -l``'s time styles, ``iso`` / ``C`` / ``Jan 19 00:15``, measured 2.8).
    ``min-by-language`` replaces ``min`` for a document whose Arabic-script text is in
    that language (``corpuslint.text.script.arabic_script_language``): Persian writes
    the conjunction و, the prepositions به, ز, از, در and the verbal prefix می as
    separate words, so classical verse measures 2.8-3.3 (the 495 ghazals of Hafez)
    where modern Persian prose measures 4-4.6; its default minimum is 2.5. Urdu writes its
    postpositions and auxiliaries (کے، کی، کو، سے، نے، ہے) as words too: the 114 surahs of
    an Urdu Qur'an translation measure 2.8-3.5 (median 3.1); its default minimum is 2.5.
    Korean is counted in Hangul syllable blocks, each two or three letters: the 244 pages
    of GNOME's Korean help measure 2.4-4.2 (median 3.0, where its English pages measure
    4.9); its default minimum is 1.5. Vietnamese writes each syllable
    as a word ("Chọn lệnh Phụ thêm dấu cách."): fresh32's Vietnamese LibreOffice help and
    man pages measure 3.4-3.9 and their sections down to 2.8 (Gopher's range was set on
    English, whose words are not syllables); its default minimum is 2. A declared language
    (``Document.language``) is used as it is; otherwise Korean is a document whose letters
    are mostly Hangul syllables, and Vietnamese one whose Latin words hold ơ ư ă đ or its
    tone-marked vowels (``spelling.repeated.vietnamese_text``).
    A line that the text repeats (a song's refrain, "Fa la la la la, la la la la" after every
    line of a carol) counts once when the mean is out of range.
    Numbers are not words here: a list of numbers given as an answer (``输出: [1, 3, 4, 5,
    8, 9]``) or a table of figures has a mean of one or two characters and says nothing
    about the words around it.
    Documents under 50 words are not measured (as for Q103): the mean of a verse of two to
    twenty words is the verse's ("Ta, Ha", 1.5; Turkish "Dağları yerleştirmiştir", 11).
    Fix safety: No automatic fix.
    """

    code = "Q107"
    name = "abnormal-word-length"
    default_severity = Severity.WARNING
    options = {"min": 3, "max": 10, "min-by-language": {"fa": 2.5, "ur": 2.5, "ko": 1.5, "vi": 2}}

    def measure(self, doc):
        p = prose(doc)
        if _word_count(p) < GOPHER_MIN_WORDS:
            return None
        if doc.language and doc.language.split("-")[0].lower() in SPACELESS_LANGUAGES and T.has_spaceless(p.text):
            return None  # declared Chinese, Japanese, Thai...: its spaced words are Latin terms, code, a table's values
        words = [w for w in p.words if not T.has_spaceless(w)] if T.has_spaceless(p.text) else p.words
        spaced = sum(map(len, words))
        if not words or spaced < 0.5 * sum(map(len, p.words)):
            return None  # mostly Chinese, Japanese, Thai...: no spaces, no word lengths
        if any(map(str.isdigit, words)):  # (no generator frame per word)
            words = [w for w in words if not w.isdigit()]  # numbers are not words (see the docstring)
            if not words:
                return None
            spaced = sum(map(len, words))
        mean = spaced / len(words)
        low, high = self.opts["min"], self.opts["max"]
        by_language = self.opts["min-by-language"]
        if mean < low and by_language:
            low = by_language.get(_word_length_language(doc, p.text, spaced), low)
        if not low <= mean <= high and len(set(p.lines)) < len(p.lines):
            mean = _distinct_lines_mean(p, mean)  # a refrain counted once (see the docstring)
        if mean < low:
            return f"mean word length {mean:.1f} characters is below min {low}"
        if mean > high:
            return f"mean word length {mean:.1f} characters is above max {high}"
        return None


def _distinct_lines_mean(p: Prose, mean: float) -> float:
    """The mean word length over the distinct lines of ``p`` (each line once; numbers and
    words of scripts without spaces left out, as in Q107), else ``mean``."""
    words = [w for w in normalize.words("\n".join(dict.fromkeys(p.lines)))
             if not w.isdigit() and not T.has_spaceless(w)]
    return sum(map(len, words)) / len(words) if words else mean


# Hangul syllable blocks: one character is a syllable of two or three letters (jamo).
_HANGUL_SYLLABLE_RE = lazy_re("[\uac00-\ud7a3]")


def _word_length_language(doc: Document, text: str, letters: int) -> str:
    """The language whose ``min-by-language`` Q107 applies: the document's declared
    language, else Korean when Hangul syllables are most of its ``letters`` characters,
    else Vietnamese (``vietnamese_text``), else the language of its Arabic-script text; "" for none."""
    if doc.language:
        return doc.language
    if len(_HANGUL_SYLLABLE_RE.findall(text)) * 2 > letters:
        return "ko"
    if vietnamese_text(text):
        return "vi"
    return arabic_script_language(text) or ""


def index_page(doc: Document) -> bool:
    """True for a Markdown or reST page with a section that holds nothing
    (``empty_sections``) and a line of text of its own, not a heading (the page's summary,
    "*Calibrate color profiles on monitors, printers, and other devices.*"): an index page
    is as short as its list of topics. A page of headings alone ("# Web browsers"; "# Power
    & battery" over three empty sections) is a stub: the corpus holds none of its text
    (fresh36 labelled them true, fresh35 the index page with its summary false)."""
    return bool(empty_sections(doc)) and any(
        kind == structure.PROSE and doc.text[line.start : line.end].strip()
        for line, kind in zip(doc.lines, doc.line_kinds))


def empty_sections(doc: Document) -> frozenset[int]:
    """The start offsets of the headings of a Markdown or reST page whose section holds
    nothing (no text, list, table or code; only markup such as a directive, ``_NOT_CONTENT``):
    the last heading of a page that ends on it, or a heading followed by one of its level or
    above (Markdown's ATX levels; in reST any). The section's content is made when the page
    is built (GNOME help's topic links under "## Common tasks", Sphinx's toctree, an
    ``.. include::`` of CHANGES.rst) or is the pages below it. Computed once per document."""
    cached = _EMPTY.get(doc)
    if cached is not None:
        return cached
    out: set[int] = set()
    if doc.suffix in MARKDOWN_SUFFIXES or doc.suffix in structure.RST_SUFFIXES:
        text = doc.text
        level, heading = None, -1  # the open heading's level (0 where not known), None after text
        for line, kind in zip(doc.lines, doc.line_kinds):
            if kind == structure.HEADING:
                m = _ATX_RE.match(text, line.start, line.end)
                here = len(m.group(1)) if m is not None else 0
                if level is not None and (here <= level or not here or not level):
                    out.add(heading)
                level, heading = here, line.start
            elif kind not in _NOT_CONTENT and text[line.start : line.end].strip():
                level = None  # (text, a list, a table, code)
        if level is not None:
            out.add(heading)
    cached = _EMPTY[doc] = frozenset(out)
    return cached


_EMPTY: "weakref.WeakKeyDictionary[Document, frozenset[int]]" = weakref.WeakKeyDictionary()
_PAGE: "weakref.WeakKeyDictionary[Document, Prose]" = weakref.WeakKeyDictionary()


# Lines that hold none of a section's content: markup (a reST directive, a setext underline),
# HTML comments, front matter, link definitions.
_NOT_CONTENT = frozenset({structure.MARKUP, structure.HTML, structure.FRONT_MATTER, structure.LINK_DEFINITION})


class WordCountOutOfRange(QualityRule):
    """The document has too few or too many words.

    What: Counts the document's words (script-aware; in scripts written without
    spaces, estimated from characters: ``corpuslint.text.tokens.word_count``) and flags
    it when the count is below ``min-words`` or above ``max-words``. Empty documents
    are left to the input family.
    Defaults 50 and 100,000 are Gopher's quality filter (Rae et al. 2021, "Scaling
    Language Models", Appendix A: keep documents with between 50 and 100,000 words).
    Why: Very short documents carry too little context to learn from (often stubs,
    error pages, cookie notices); very long ones are usually concatenated dumps.
    Example: A 12-word "page not found" notice.
    A Markdown or reST page counts the words of its list items too (Gopher counts a page's
    every word: a task page's steps are a list). Not judged short: verse (``verse_lines``: a
    kural is a whole poem of seven words) and an index page (``index_page``: a section that
    holds nothing, its content made when the page is built: GNOME help's topic links,
    Sphinx's toctree, an ``.. include::``, beside a line of text of its own); a page of
    headings alone is a stub and is reported.
    One part of a fine-tuning example (``part_of_example``: a chat turn of any role, an
    instruction record's field) is not measured: Gopher's filter judges whole web documents,
    and a question ("Что делает ram?"), a system prompt or a complete answer of 21 words
    (fresh32's LibreOffice help sections) is short by nature.
    The filter judges a whole document: a dataset record of one paragraph (no blank
    line) is not measured with ``unit = "paragraph"`` (records cut from documents at
    blank lines), and with the default ``unit = "document"`` the finding says the record
    is one paragraph and names the option (``UNITS``).
    A LaTeX source, an HTML or a wikitext page counts the words of its text (``prose``: not its
    commands, tags, templates).
    Fix safety: No automatic fix. Enabled at info severity: corpora of short texts
    (headlines, captions) are legitimate; raise it with
    ``[tool.corpuslint.rules.Q108] severity = "warning"`` when filtering web pages.
    """

    code = "Q108"
    name = "word-count-out-of-range"
    default_severity = Severity.INFO
    skip_roles = PROMPT_ROLES
    whole_documents = True
    options = {"min-words": GOPHER_MIN_WORDS, "max-words": 100_000, "unit": "document"}

    def measure(self, doc):
        n_words = _word_count(page(doc))  # (a Markdown page's list items: words of the page)
        if not n_words:
            return None
        low, high = self.opts["min-words"], self.opts["max-words"]
        if n_words < low and (verse_lines(doc) or index_page(doc)):
            return None  # a poem, a couplet, is whole at its length; a page's topics are other pages
        if n_words < low:
            return _unit_of(self, doc, f"word count {n_words} is below min {low}")
        if n_words > high:
            return f"word count {n_words} is above max {high}"
        return None


class BulletLines(QualityRule):
    """Almost every line starts with a bullet point.

    What: Measures the fraction of non-blank lines that start with a bullet marker
    (• ● ◦ ▪ ‣ ·, or ``*`` / ``-`` and a space, as text extractors write a list item) and
    flags the document when it exceeds ``max-fraction``. The numbers of an ordered list
    ("1." / "1)") are not bullets: they number steps and ranks, content (Gopher counts
    "bullet points"; datatrove's Gopher filter counts "•" alone), and neither is the
    ``**`` of bold text ("**Salesperson**: Good afternoon…") or a dialogue dash (– —).
    Default 0.9 is Gopher's quality filter (Rae et al. 2021, "Scaling Language Models",
    Appendix A: remove documents with more than 90% of lines starting with a bullet
    point).
    Why: Pages that are nothing but bullet lists are navigation, tag lists or
    feature checklists, not prose.
    Example: "• Home", "• About", "• Products", "• Contact".
    In a subtitle file (.srt, .vtt) a dash opens each speaker's line in a cue: not measured;
    nor chat turns of the user, the system or a tool (``Document.role``): a user's numbered
    questions ("1. 你能想出不同种类的文学手法...") or a system prompt's list of rules is the
    model's input, not what it is trained to write.
    Fix safety: No automatic fix. Opt-in (not in the default selection; ``--select
    Q109``, or ``extend-select = ["Q109"]``, runs it), at info: in instruction and chat
    data a list is what "List five..." asks for. On the 48 benchmark corpora lead's 236
    findings were 0 of 24 labelled true (numbered answers, a user's numbered questions,
    bold labels); with ordered lists and bold text no longer bullets, 9 remain, all
    answers that are lists as asked ("- Wetsuit", "- Dive mask"…; an Alpaca output file
    gives no role to tell an answer from a page). A web-page filter selects it (and
    raises it with ``[tool.corpuslint.severity] Q109 = "warning"``); it fires on a
    navigation page, such as a documentation site's table of contents stripped to text.
    """

    code = "Q109"
    name = "bullet-lines"
    default_severity = Severity.INFO
    default_enabled = False  # opt-in: see the docstring
    skip_roles = PROMPT_ROLES
    options = {"max-fraction": 0.9}

    def measure(self, doc):
        if is_subtitle(doc):
            return None  # "- Ta en kopp varmt te." / "- Det är inte varmt.": a dash opens each speaker's line
        counted = _line_count(doc, _BULLET_RE.match, min_lines=3)  # a two-line list says nothing
        if counted is None:
            return None
        bullets, total = counted
        return _beyond("bullet lines", f"{bullets} of {total} lines start with a bullet",
                       bullets / total, self.opts["max-fraction"])


class EllipsisLines(QualityRule):
    """Too many lines end in an ellipsis.

    What: Measures the fraction of non-blank lines ending in ``...`` or … (closing
    quotes after it allowed) and flags the document when it exceeds ``max-fraction``.
    Default 0.3 is Gopher's quality filter (Rae et al. 2021, "Scaling Language Models",
    Appendix A: remove documents with more than 30% of lines ending with an ellipsis).
    Why: Lines cut off with an ellipsis are teaser snippets of other pages (search
    results, "related articles" blocks): truncated text, not content.
    A line whose next line opens with an ellipsis ("Wußten Sie schon...", "... daß ...")
    is not cut off: its sentence goes on, and it is not counted.
    Example: "Russia and North Korea sign...", "Kim visits the Far East...", ...
    Nor is a heading numbered at two levels ("2.5. Open as Layers…", a help page's title and
    its links to the pages before and after): an ellipsis there names a command that opens
    a dialog (gimp-help's Korean pages were 4 of 10 such lines).
    Fix safety: No automatic fix.
    """

    code = "Q110"
    name = "ellipsis-lines"
    default_severity = Severity.WARNING
    options = {"max-fraction": 0.3}

    def measure(self, doc):
        lines = prose(doc).lines
        if len(lines) < 3:
            return None
        total = len(lines)
        text = prose(doc).text  # (the lines joined: a line without "..." or "…" cannot end in one)
        cut = 0 if "..." not in text and "…" not in text else sum(
            1 for k, line in enumerate(lines) if _ELLIPSIS_END_RE.search(line)
            and not (k + 1 < total and _ELLIPSIS_START_RE.match(lines[k + 1]))
            and not _SECTION_HEADING_RE.match(line))
        return _beyond("ellipsis lines", f"{cut} of {total} lines end in an ellipsis",
                       cut / total, self.opts["max-fraction"])


def spaceless_letter_words(text: str) -> tuple[float, float]:
    """``(holding, tokens)`` as ``letter_tokens`` counts them, with each whitespace token
    of ``text`` that holds a letter of a script written without spaces weighed as the
    words it holds (``tokens.word_count``, at least 1: a Chinese token of 10 characters is
    about 6 words); any other token ("readline", "#", "$", "1.2") counts 1."""
    holding = other = 0.0
    for token in text.split():
        if LETTER_RE.search(token) is None:
            other += 1
        else:
            holding += max(1.0, T.word_count(token)) if T.has_spaceless(token) else 1.0
    return holding, holding + other


class FewAlphabeticWords(QualityRule):
    """Too few whitespace-separated tokens contain a letter.

    What: Splits the document on whitespace and measures the fraction of tokens that
    contain at least one letter of any script (Unicode ``\\p{L}``: Arabic, Latin,
    Cyrillic, CJK ...). Flags the document when it is below ``min-fraction``.
    Default 0.8 is Gopher's quality filter (Rae et al. 2021, "Scaling Language Models",
    Appendix A: at least 80% of words must contain at least one alphabetic character).
    Why: Documents dominated by numbers, symbols and punctuation are tables, logs,
    price lists or encoding debris rather than language.
    Example: A table dump: "12.5 | 13.1 | -- | 2024-01-02 | ...".
    In text holding a script written without spaces (Chinese, Japanese, Thai ...), a
    whitespace token is a run of several words ("空行被忽略。以" is one token): each token
    holding a letter counts as the words it holds (``spaceless_letter_words``), else three
    Chinese clauses would weigh as much as the "#" and "$" quoted between them.
    One part of a fine-tuning example (``part_of_example``: a chat turn, an instruction
    record's field) is not measured: Gopher's filter judges whole documents, and a heading
    of two tokens ("Artikulo 25", "Shrink / Expand") is 1 of 2 without a letter. Nor is a
    document of fewer than 50 tokens (Gopher's minimum length, checked first: its share says
    nothing, and Q108 reports the document as short): an index page that is its title,
    "# Region & Language", was 2 of 3 (fresh36, 10 of 10 labelled false). In a Markdown or
    reST page the list items count (``page``). A LaTeX source counts the tokens of its text, not
    of its commands, math, verbatim or ``\\tikz`` drawings (fresh38's "291 of 443 tokens contain a
    letter" counted TikZ commands; what remains of visualtikz's tables is the code its own macros
    typeset as text, ``\\BS{draw} (2,0)``, and is reported).
    Fix safety: No automatic fix. Enabled at info severity: statistical reports are
    legitimately number-heavy.
    """

    code = "Q111"
    name = "few-alphabetic-words"
    default_severity = Severity.INFO
    whole_documents = True
    options = {"min-fraction": 0.8}

    def measure(self, doc):
        # the tokens of ``text.split()`` holding a letter (``\p{L}``), counted over the
        # text's code points (``codepoints.letter_tokens``: 3-4x fewer CPU s than a memo per token)
        text = page(doc).text
        alpha, tokens = (spaceless_letter_words if T.has_spaceless(text) else letter_tokens)(text)
        if tokens < GOPHER_MIN_WORDS:
            return None  # (a share of a few tokens says nothing: Q108 reports the page as short)
        return _beyond("few alphabetic words", f"{round(alpha)} of {round(tokens)} tokens contain a letter",
                       alpha / tokens, self.opts["min-fraction"], minimum=True)


RULES = [
    RepeatedLines,
    RepeatedParagraphs,
    RepeatedNgram,
    UnterminatedLines,
    ShortLines,
    SymbolHeavy,
    AbnormalWordLength,
    WordCountOutOfRange,
    BulletLines,
    EllipsisLines,
    FewAlphabeticWords,
    RepeatedLongNgrams,
]
