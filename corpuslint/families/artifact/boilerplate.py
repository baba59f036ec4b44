"""A103 boilerplate-phrase: a documented catalogue of web boilerplate, matched after normalisation."""

from __future__ import annotations

import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import regex

from ...document import Document
from ...findings import Severity
from ...rules import DocumentRule
from ...structure import MESSAGES, PROSE, TABLE, fortune_separators, is_changelog, is_label_record, looks_like_label_list
from ...text.lazy_regex import lazy
from ...text.normalize import RunMemo, normalize_line, normalized_run
from ...text.script import ARABIC_SCRIPT_LANGUAGES, document_spans
from ._common import names_a_key, remove_line_fix

CATALOGUE_PATH = Path(__file__).with_name("boilerplate.toml")
MATCH_MODES = ("line", "start", "contains")
DEFAULT_MAX_WORDS = 16

# A cross-reference in documentation: inline code, a man page (``rename(2)``), a link, a
# reStructuredText reference (``See also report_level_.``, ``the guide by ReadTheDocs_``).
# A help text's reference to functions: a call (``See also the UNICHAR() function.``), a
# list of function names in capitals (LibreOffice's ``See also ROUND, MROUND, ROUNDUP,
# ROUNDDOWN.``), or a named page, function or section (``See also the Wiki page.``).
_XREF_RE = lazy(r"`|\b[\w.+-]+\([1-9][a-z]*\)|\]\(|\]\[|\b\w[\w.-]*_{1,2}(?=[\s.,;:)]|$)"
                r"|\b\p{Lu}[\w.]*\(\)|\b\p{Lu}[\p{Lu}\d._]+(?:,[ \t]+\p{Lu}[\p{Lu}\d._]+)+\b"
                r"|\bthe[ \t]+(?:[\w().-]+[ \t]+){1,3}(?:page|function|section|chapter)\.?[ \t]*$"
                # AsciiDoc: a cross-reference (``See also <<FILES>>.``), an inline macro
                # (``See also linkgit:githooks[5].``, ``link:url[text]``)
                r"|<<[\w:.-]+(?:,[^<>\n]*)?>>|\b[a-z]+:\S*\[[^\]\n]*\]"
                # a numbered part of the document (debian-reference: ``See also Section 7.8, « X
                # server connection » for …``), a LaTeX command with an argument (memoir's ``See
                # also Section~\ref{sec:predefined-layouts}``, ``See also \cite{textcase}``,
                # ``See also the \Lpack{xpatch} (which extends…``)
                r"|(?i:\b(?:sections?|chapters?|figures?|tables?|appendix|part|abschnitt|kapitel|chapitre|secci[oó]n"
                r"|cap[ií]tulo|sezione|capitolo)[ \t~\u00a0]+[A-Z]?\d+(?:\.\d+)*\b)"
                r"|\\[a-zA-Z]+\*?\{"
                # a numbered part and its title in quotation marks, as DocBook writes a
                # cross-reference in any language (``Section 2.5, “Layers”``; GIMP's Korean help
                # ``See also 2절. “텍스트”``: the number before the word for section)
                # (a suffix or a mark after the number: "5 “tips”" in a headline is no part's)
                r"|\b\d+(?:\.\d+)*(?:\p{L}{1,3}[.,:]?|[.,:])[ \t\u00a0]+[“„«「『\"][^\n]*?[”“»」』\"]"
                # MediaWiki: a wikilink (``See also [[:Category:People from Bodmin]]``)
                r"|\[\[[^\[\]\n]+\]\]")
# A heading's underline (Setext, AsciiDoc, reStructuredText: ``SEE ALSO`` over ``--------``).
_UNDERLINE_RE = lazy(r"[ \t]*(?:-{3,}|={3,}|~{3,}|\^{3,}|\+{3,}|\*{3,})[ \t]*")
# A heading in capitals (a man page's ``SEE ALSO``, ``NAME``, ``SYNOPSIS``), counted per document.
# (a translated man page keeps the English heading and adds its own, in another script, maybe
# in brackets: manpages-zh's "SYNOPSIS 总览", "SEE ALSO 参见", "NAME(名称)", "SEE ALSO (另见)")
_CAPITALS_HEADING_RE = lazy(r"^[ \t]*\p{Lu}[\p{Lu}\d \t-]{1,40}"
                            r"(?:[(（]?[^\p{Latin}\d\s()（）][^\p{Latin}\n()（）]{0,20}[)）]?[ \t]*)?$", regex.MULTILINE)
CAPITALS_HEADINGS = 3
# MediaWiki's markup (fresh30's Wikipedia pages in wikitext, fixa30): a section heading
# (``==See also==``, ``== See also ==``) and a template (``{{See also|List of tallest buildings
# in Toronto|...}}``, a hatnote) are the article's structure, as a Markdown heading is; a
# wikilink (``See also [[:Category:People from Bodmin]]``) is a cross-reference.
_WIKI_HEADING_RE = lazy(r"[ \t]*(={1,6})[ \t]*[^=\s][^\n]*?[ \t]*\1[ \t]*")
_WIKI_TEMPLATE_RE = lazy(r"[ \t]*\{\{[^{}\n]*\}\}[ \t]*")
# A literal, not a button: a POSIX character class (``[:print:]`` in tr(1)), a quoted
# string (``"share"``, a value a help page lists).
_LITERAL_RE = lazy(r"\[:\w+:\]|\"[^\"\n]+\"|'[^'\n]+'|`[^`\n]+`|“[^”\n]+”")
# A name written as one lower-case token whose words a hyphen or underscore joins: a program, a
# package or a file ("main-menu", the Debian installer's main menu program), not the phrase.
_IDENTIFIER_RE = lazy(r"[ \t]*[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+[ \t]*")
# A line that ends like a sentence (a description in a help page's list of options).
_SENTENCE_END_RE = lazy(r"[.!?。។።।:][ \t]*$")
# The end of an instruction naming the button that follows on its own line
# (LibreOffice help: "On the Standard bar, click" / "Print").
_CLICK_RE = lazy(r"(?i)\b(?:click|choose|select|press|tap)[ \t]*$")


def listed(value) -> list:
    """An option that takes one item or a list (``extra``, ``disable``), as a list:
    a string or a table alone is a list of one; nothing is an empty list."""
    if not value:
        return []
    return [value] if isinstance(value, (str, dict)) else list(value)


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    match: str
    phrases: tuple[str, ...]
    max_words: int = DEFAULT_MAX_WORDS
    lang: str = ""


@lru_cache(maxsize=1)
def builtin_catalogue() -> tuple[Entry, ...]:
    data = tomllib.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    return tuple(_entry(raw, f"builtin #{i}") for i, raw in enumerate(data["entry"]))


@lru_cache(maxsize=1)
def builtin_matcher() -> "Matcher":
    """The built-in catalogue alone (A102 uses it to leave catalogued lines to A103)."""
    return Matcher(builtin_catalogue())


def _entry(raw: Any, where: str, default_id: str = "") -> Entry:
    if isinstance(raw, str):
        raw = {"phrases": [raw]}
    if not isinstance(raw, dict):
        raise ValueError(f"boilerplate {where}: expected a phrase or a table, got {raw!r}")
    unknown = set(raw) - {"id", "kind", "match", "phrases", "phrase", "max_words", "lang"}
    if unknown:
        raise ValueError(f"boilerplate {where}: unknown keys {sorted(unknown)}")
    phrases = raw.get("phrases") or ([raw["phrase"]] if "phrase" in raw else [])
    if isinstance(phrases, str):
        phrases = [phrases]
    if not phrases or not all(isinstance(p, str) and normalize_line(p) for p in phrases):
        raise ValueError(f"boilerplate {where}: needs at least one non-empty phrase")
    match = raw.get("match", "line")
    if match not in MATCH_MODES:
        raise ValueError(f"boilerplate {where}: match must be one of {MATCH_MODES}, got {match!r}")
    return Entry(
        id=str(raw.get("id") or default_id or f"extra:{phrases[0]}"),
        kind=str(raw.get("kind", "configured")),
        match=match,
        phrases=tuple(phrases),
        max_words=int(raw.get("max_words", DEFAULT_MAX_WORDS)),
        lang=str(raw.get("lang", "")),
    )


# A line of code: a call (Python's ``print()``, ``print('====')``), a doctest's prompt or
# continuation (``...     print()``), a branch of a directory tree (``|   `-- share``).
_CODE_LINE_RE = lazy(r"[ \t]*(?:(?:>>>|\.\.\.)[ \t]|[|`+\u2500-\u257f][ \t|`+\u2500-\u257f-]*\w)|.*\w\([^()\n]*\)[ \t;]*$")
# "See also" going on as a sentence of documentation ("See also the subprocess APIs
# documentation.", "See also PEP 567 for additional details."): no colon after the phrase,
# a sentence's end; a scraped "See also: Our newsletter" has the colon.
_SEE_ALSO_SENTENCE_RE = lazy(r"(?i)[ \t]*see[ \t]+also[ \t]+[^:\s][^\n]*[.!?][ \t]*$")
# "Also read the object names to remove notes from the standard input" (git-notes(1)): the
# phrase as the verb of a sentence, its object after it in lower case, no title it points to.
_PHRASE_AS_VERB_RE = lazy(r"[ \t]*(?i:also[ \t]+read|read[ \t]+also|read[ \t]+more|see[ \t]+also)[ \t]+"
                          r"(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my|it|them|all|any|each|"
                          r"every|both)[ \t]")
# An identifier alone on a line (a constant a reference lists: ``KEY_PRINT``).
_IDENTIFIER_LINE_RE = lazy(r"[ \t]*[A-Za-z_]\w*(?:[._]\w+)+[ \t]*")
_LABEL_END_RE = lazy(r"[:：][ \t]*$")
_LIST_ITEM_RE = lazy(r"[ \t]*(?:[-*+•][ \t]|\d+[.)][ \t])")


# An item of a list written in Markdown or reStructuredText ("* comments,", "- Comments_::"):
# ASCII markers a scrape does not keep (a page's "•" may survive one).
_MARKUP_ITEM_RE = lazy(r"[ \t]*(?:[-*+][ \t]|\d+[.)][ \t])")
# The text of a change log's entry: an indented line (GNU ChangeLog's tab, a Debian entry's
# two spaces) or an item (``*``, ``**`` in GNU NEWS, ``-``, ``+``, libevent's ``o``).
_CHANGELOG_ITEM_RE = lazy(r"[ \t]+\S|(?:\*{1,3}|[-+o])[ \t]+\S")
# Where a wrapped sentence goes on: a line of prose this long that ends in no sentence end.
WRAPPED_LINE_MIN_CHARS = 40
_WRAP_END = frozenset(".!?:;…。！？：؟")


def _fortune_quote(doc: Document, index: int) -> bool:
    """True when line ``index`` is the whole of a record in a quote collection written in
    fortune(6)'s format (``structure.fortune_separators``): a ``%`` line (or the text's start)
    before it, a ``%`` line (or the text's end) after it (Debian fortunes' ``disclaimer``:
    "98% lean." / "%" / "All rights reserved." / "%", a joke whose whole text is the phrase)."""
    separators = fortune_separators(doc)
    if not separators:
        return False
    lines = doc.lines

    def separator(j: int) -> bool:
        if not 0 <= j < len(lines):
            return True
        k = bisect_left(separators, lines[j].start)
        return k < len(separators) and separators[k] == lines[j].start

    return separator(index - 1) and separator(index + 1)


def _continues_sentence(doc: Document, index: int, content: str) -> bool:
    """True when line ``index`` goes on with the sentence of the line before it in its
    paragraph (hard-wrapped text: "...docstrings, and possibly other" / "comments.";
    "Copyright |copy| 2003, |BogusMegaCorp (TM)| |---|" / "all rights reserved."): the
    line starts with a lower-case letter and the line before, at least
    ``WRAPPED_LINE_MIN_CHARS`` long, ends in no sentence end."""
    first = content.lstrip()[:1]
    if not first.islower() or index == 0:
        return False
    prev = doc.text[doc.lines[index - 1].start : doc.lines[index - 1].end].rstrip()
    return len(prev.strip()) >= WRAPPED_LINE_MIN_CHARS and prev[-1] not in _WRAP_END


def _described_menu(doc: Document, index: int, content: str) -> bool:
    """True when the navigation phrase on line ``index`` is a label ending in a colon and
    the next non-blank line is a list item ("Main Menu:" / "- Introduction to blockchain"):
    the text describes a menu (an answer outlining a website), it is not the menu's debris,
    which a scrape leaves without a colon and its list markers."""
    if not _LABEL_END_RE.search(content):
        return False
    text, lines = doc.text, doc.lines
    j = index + 1
    while j < len(lines) and not text[lines[j].start : lines[j].end].strip():
        j += 1
    return j < len(lines) and _LIST_ITEM_RE.match(text, lines[j].start, lines[j].end) is not None


# The paragraph after a bare "See also" heading in documentation that lists what to
# see: function names in capitals, one or several (LibreOffice's "See also" / "DECIMAL").
_NAMES_LIST_RE = lazy(r"[ \t]*\p{Lu}[\p{Lu}\d._]+(?:,[ \t]*\p{Lu}[\p{Lu}\d._]+)*\.?[ \t]*")


# What a documentation's "See also" names: a call or a dotted name (``asyncio.sleep()``,
# ``sys.version``), a PEP or an RFC, a module, a web address.
_DOC_REF_RE = lazy(r"[\w.]\(\)|\b[A-Za-z_]\w+\.[A-Za-z_]\w+\b|\b(?:PEP|RFC)[ \t\u00a0]?\d+|^Module[ \t]+[\w.]+|https?://")
# A sentence that speaks of the page's own subject, not of something else to see ("This
# function is not part of the Open Document Format…" under a "See also" whose links were lost).
_OWN_SUBJECT_RE = lazy(r"(?i)[ \t]*(?:this|these|that|those|it|its|they|their)\b")


def _xref_heading(doc: Document, index: int) -> bool:
    """True when line ``index`` ("See also") is followed, after blank lines, by a line
    that is a cross-reference: a list of names in capitals or a ``_XREF_RE`` reference;
    or by the body of a documentation's "See also" admonition (Sphinx's ``.. seealso::``
    as text): a line naming a function, a dotted name, a PEP, a module or a web address
    (``_DOC_REF_RE``: "Module struct", "PEP 485 – A function for testing approximate
    equality", "The asyncio.sleep() function."), a sentence naming what to see ("The
    signal module.", "Green Tree Snakes, an external documentation resource, has good
    details…"), or an entry's title over the line of prose that describes it ("Customizing
    positional arguments in class pattern matching" / "II. Once all positional patterns…").
    A label whose links a scrape lost, over a sentence about the page's own subject ("This
    function is not part of the Open Document Format…") or over more boilerplate
    ("Comments" / "Leave a reply"), is none of these."""
    text, lines = doc.text, doc.lines
    j = _next_text_line(doc, index, 1)
    if j is None:
        return False
    nxt = text[lines[j].start : lines[j].end]
    words = nxt.split()
    if _NAMES_LIST_RE.fullmatch(nxt) is not None or (len(words) <= 8 and _XREF_RE.search(nxt) is not None):
        return True
    if _DOC_REF_RE.search(nxt):
        return True
    if _SENTENCE_END_RE.search(nxt):
        return _OWN_SUBJECT_RE.match(nxt) is None  # a sentence naming what to see
    k = _next_text_line(doc, j, 1)  # a title: is a description under it?
    if k is None or len(words) > 12:
        return False
    return len(text[lines[k].start : lines[k].end].split()) >= 6


def _next_text_line(doc: Document, index: int, step: int) -> int | None:
    """The index of the next (``step`` 1) or previous (-1) non-blank line, or None."""
    text, lines = doc.text, doc.lines
    j = index + step
    while 0 <= j < len(lines) and not text[lines[j].start : lines[j].end].strip():
        j += step
    return j if 0 <= j < len(lines) else None


def _heading(doc: Document, index: int, content: str, phrase: str) -> bool:
    """True when line ``index`` is a heading of the document: underlined (``SEE ALSO``
    over ``--------`` in AsciiDoc), or "SEE ALSO" in capitals in a document with
    ``CAPITALS_HEADINGS`` or more such lines (a man page's ``NAME``, ``SYNOPSIS``,
    ``SEE ALSO``, in a translated page with its own heading beside: ``SEE ALSO 参见``; a menu in capitals, ``HOME`` / ``SHARE``, is still the page's debris);
    any phrase in capitals there that opens a section as a rendered man page sets it, at the
    margin over an indented body (chat(8)'s ``COMMENTS`` over "       Comments can be embedded
    in the chat script."; a menu's ``COMMENTS`` over another item at the margin stays reported)."""
    lines = doc.lines
    if index + 1 < len(lines) and _UNDERLINE_RE.fullmatch(doc.text, lines[index + 1].start, lines[index + 1].end):
        return True
    stripped = content.strip()
    if not stripped.isupper() or (phrase != "see also" and not _opens_indented_section(doc, index, content)):
        return False
    return sum(1 for _ in zip(range(CAPITALS_HEADINGS), _CAPITALS_HEADING_RE.finditer(doc.text))) >= CAPITALS_HEADINGS


_INDENTED_BODY_RE = lazy(r"(?: {3,}|\t)\S")


def _opens_indented_section(doc: Document, index: int, content: str) -> bool:
    """True when line ``index`` (``content``) stands at the margin and the next line holding
    text is indented (three spaces or a tab, as ``man`` renders a section's body)."""
    if content[:1].isspace():
        return False
    text, lines = doc.text, doc.lines
    for j in range(index + 1, min(len(lines), index + 3)):
        if text[lines[j].start : lines[j].end].strip():
            return _INDENTED_BODY_RE.match(text, lines[j].start, lines[j].end) is not None
    return False


def _field_label(doc: Document, index: int, content: str) -> bool:
    """True when line ``index`` is a label ending in a colon at the margin, between the
    indented body of the field before it and its own indented body (a field guide's entry
    in fortunes' ``computers``: "Track:" / "\tTrash cans full of ..." / "Comments:" /
    "\tExtremely fond of bad puns ..."): a field of an entry, not a comment form."""
    if not content.rstrip().endswith(":") or index == 0 or not _opens_indented_section(doc, index, content):
        return False
    above = doc.lines[index - 1]
    return _INDENTED_BODY_RE.match(doc.text, above.start, above.end) is not None


MARGIN_HEADINGS = 3


def _in_section_body(doc: Document, index: int, content: str) -> bool:
    """True when line ``index`` (``content``) is indented in the body of a section of a
    document laid out as ``man`` renders a page: its heading at the margin over an indented
    body (perlfaq7(7)'s ``AUTHOR AND COPYRIGHT`` / "       Copyright (c) 1997-2002 Tom
    Christiansen and Nathan Torkington.  All rights reserved."; mirror(1)'s ``作者 AUTHOR``),
    in a document with ``MARGIN_HEADINGS`` or more such headings (``NAME``, ``DESCRIPTION 描述``
    ...). A page's copyright section is the work's notice, which its licence obliges a corpus
    to keep; a web page's footer has no such layout."""
    if _INDENTED_BODY_RE.match(content) is None:
        return False
    text, lines = doc.text, doc.lines
    j = index - 1
    while j >= 0 and (not text[lines[j].start : lines[j].end].strip() or text[lines[j].start : lines[j].start + 1].isspace()):
        j -= 1
    if j < 0 or _SENTENCE_END_RE.search(text, lines[j].start, lines[j].end) or len(
            text[lines[j].start : lines[j].end].split()) > 6:
        return False  # (the nearest line at the margin above is no heading)
    found = 0
    for i, line in enumerate(lines):
        if line.end > line.start and not text[line.start].isspace() and _opens_indented_section(
                doc, i, text[line.start : line.end]) and len(text[line.start : line.end].split()) <= 6:
            found += 1
            if found >= MARGIN_HEADINGS:
                return True
    return False


def _section_cited(doc: Document, content: str, phrase: str) -> bool:
    """True when the line opens with ``phrase`` in capitals and goes on in lower case, in a
    document with ``CAPITALS_HEADINGS`` or more lines in capitals: a man page naming its
    own section in a sentence wrapped onto this line (bash(1): "See" / "SEE ALSO below
    for a reference to a document ..."), not a page's "SEE ALSO" block."""
    words = content.split()
    n = phrase.count(" ") + 1
    if len(words) <= n or not " ".join(words[:n]).isupper() or not words[n][:1].islower():
        return False
    return sum(1 for _ in zip(range(CAPITALS_HEADINGS), _CAPITALS_HEADING_RE.finditer(doc.text))) >= CAPITALS_HEADINGS


def _defined_label(doc: Document, index: int) -> bool:
    """True when line ``index`` is a label in a list of labels and their descriptions (a
    help page's options: "Snap Guides" / "Specifies the display options for snap
    guides." / "Comments" / "Show or hide annotations on the page."): the next line is a
    sentence, the line before is a sentence, and the line before that a short label; or
    the line before is an instruction ending in "click" (the button it names)."""
    text, lines = doc.text, doc.lines

    def at(j):
        return text[lines[j].start : lines[j].end].strip()

    prev = _next_text_line(doc, index, -1)
    if prev is None:
        return False
    if _CLICK_RE.search(at(prev)):
        return True  # "On the Standard bar, click" / "Print"
    nxt = _next_text_line(doc, index, 1)
    before = _next_text_line(doc, prev, -1)
    if nxt is None or before is None:
        return False
    label = at(before)
    return (_SENTENCE_END_RE.search(at(nxt)) is not None and len(at(nxt).split()) >= 3
            and _SENTENCE_END_RE.search(at(prev)) is not None and len(at(prev).split()) >= 3
            and len(label.split()) <= 4 and _SENTENCE_END_RE.search(label) is None)


def _names_constant(doc: Document, index: int, word: str) -> bool:
    """True when the nearest non-blank line above line ``index`` (one word, ``word``
    normalised) is an identifier holding that word (curses' table of keys: ``KEY_PRINT`` /
    ``Print``): the line describes the constant, it is no share button."""
    j = _next_text_line(doc, index, -1)
    if j is None:
        return False
    above = doc.text[doc.lines[j].start : doc.lines[j].end]
    return _IDENTIFIER_LINE_RE.fullmatch(above) is not None and word in above.casefold()


class Matcher:
    """All phrases normalised once: a dict for whole lines, one regex per prefix/infix mode."""

    def __init__(self, entries: Iterable[Entry], disabled: Iterable[str] = ()):
        off = {normalize_line(d) for d in disabled} | set(disabled)
        self.exact: dict[str, Entry] = {}
        self.partial: dict[str, tuple[Entry, str]] = {}  # normalised phrase -> (entry, mode)
        for entry in entries:
            if entry.id in off:
                continue
            for phrase in entry.phrases:
                key = normalize_line(phrase)
                if key in off:
                    continue
                self.exact.setdefault(key, entry)  # a start/contains phrase also matches alone
                if entry.match != "line":
                    self.partial.setdefault(key, (entry, entry.match))
        by_len = sorted(self.partial, key=len, reverse=True)
        start = [p for p in by_len if self.partial[p][1] == "start"]
        contains = [p for p in by_len if self.partial[p][1] == "contains"]
        self.start_re = _alternation(start, r"^(?:", r")(?= |$)")
        self.contains_re = _alternation(contains, r"(?:^| )(?:", r")(?= |$)")
        self.max_words = max([e.max_words for e, _ in self.partial.values()] + [0])
        # A start or contains phrase matches at word boundaries, so its first word is a
        # whole word of the line: a line holding none of these words matches no phrase.
        self.first_words = frozenset(p.split(" ", 1)[0] for p in self.partial)
        # Per white-space-free run of a line (``may_match``): its normalised words all
        # belong to some exact phrase (or there are none); one of them opens a start or
        # contains phrase.
        key_words = frozenset(w for k in self.exact for w in k.split(" "))
        self._keyed_run = RunMemo(lambda run: key_words.issuperset(_words(normalized_run(run))))
        self._opening_run = RunMemo(lambda run: not self.first_words.isdisjoint(_words(normalized_run(run))))
        # No line with more words than this can match anything (pre-filter on raw text:
        # normalisation only ever splits tokens further, never joins them).
        self.line_cap = max([self.max_words] + [k.count(" ") + 1 for k in self.exact])

    def may_match(self, runs: list[str]) -> bool:
        """False only when ``match(normalize_line(line))`` is None for the line whose
        white-space-separated runs are ``runs`` (a line without \x1c-\x1f): an exact
        phrase needs every normalised word of the line to be a phrase word, a start or
        contains phrase needs one of them to open a phrase. Two look-ups per run
        (memoised), not the line's normalisation: most lines of prose fail both."""
        return all(map(self._keyed_run.__getitem__, runs)) or any(map(self._opening_run.__getitem__, runs))

    def match(self, normalized: str) -> tuple[Entry, str] | None:
        entry = self.exact.get(normalized)
        if entry is not None:
            return entry, normalized
        if not self.partial:
            return None
        n_words = normalized.count(" ") + 1
        if n_words > self.max_words or self.first_words.isdisjoint(normalized.split(" ")):
            return None
        return self.search_partial(normalized, n_words)

    def search_partial(self, normalized: str, n_words: int) -> tuple[Entry, str] | None:
        """The start, then the contains phrase found in the normalised line of ``n_words``
        words, with the phrase, when the line is not longer than that phrase allows."""
        for rx in (self.start_re, self.contains_re):
            if rx is None:
                continue
            m = rx.search(normalized)
            if m:
                phrase = m.group().strip()
                entry = self.partial[phrase][0]
                if n_words <= entry.max_words:
                    return entry, phrase
        return None


def _words(normalized: str) -> list[str]:
    return normalized.split(" ") if normalized else []


def _alternation(phrases: list[str], head: str, tail: str):
    if not phrases:
        return None
    return lazy(head + "|".join(regex.escape(p) for p in phrases) + tail)  # compiled on the first line checked


class BoilerplatePhrase(DocumentRule):
    """A line of web-page boilerplate from a built-in, documented catalogue.

    What: Lines matching the catalogue in ``corpuslint/families/artifact/boilerplate.toml``:
    Arabic and English comment forms, "related news" / "read also" blocks, share /
    print / follow-us buttons, app promotions, newsletter, cookie and copyright notices,
    "advertisement" labels, tag lists and navigation. Both line and catalogue are
    normalised the same way first (diacritics and tatweel removed, hamza/alef, ى/ي and
    ة/ه unified, case folded, punctuation dropped, spacing collapsed), so ``اترك تعليقاً``,
    ``اترك تعليقا`` and ``اترك  تعليقاً!`` all match. Each entry matches the whole line,
    the start of the line, or anywhere in it, but only in lines of at most
    ``max_words`` words (16 by default), so a sentence of prose that quotes a phrase is
    never flagged, nor is a Markdown heading (``### See Also`` names a section of the
    document), nor a documentation cross-reference whose rest holds inline
    code, a man-page reference, a Markdown link or a reStructuredText reference (tldr's
    ``> See also: `7z`, `zip`.``, Node.js docs' ``See also: rename(2).``, docutils'
    ``See also report_level_.``), or a help text's reference to functions or a page
    (LibreOffice's ``See also ROUND, MROUND, ROUNDUP, ROUNDDOWN.``, ``See also the
    UNICHAR() function.``, ``See also the Wiki page.``), a numbered section, chapter, figure
    or table (debian-reference's ``See also Section 7.8, « X server connection » for
    connecting to remote X client programs.``), a numbered part and its title in quotation
    marks, as DocBook writes a cross-reference (GIMP's Korean help: ``See also 2절. “텍스트”``)
    or a LaTeX command's argument (memoir's ``See
    also Section~\\ref{sec:predefined-layouts}``, ``See also \\cite{textcase}``), nor "See also:" as the label of a list that follows it
    (a manual's references: Flask's ``See also:`` then ``- :doc:`/server` ...``) or "See
    also" as the heading over a line naming what to see (LibreOffice's help: "See also",
    then "DECIMAL"; a bare label whose links were lost stays reported), nor any line of a software message catalogue
    (the strings of a .po file, one a paragraph, a tenth of whose lines hold a printf
    placeholder: "الرئيسية", "إغلاق" are the labels of Django's interface), nor a
    one-word line that is a key in a table of shortcuts (``_common.names_a_key``:
    ``Print`` on its own line in GNOME help's shortcut table, which writes ``Alt+Print``
    and ``Shift+Print``: the key, not a share-bar button), nor a whole-line phrase that is an
    item of a list written in Markdown or reStructuredText (``* comments,`` in PEP 258's
    quotation, Flask's ``*   Comments.`` among ideas to try: a scrape keeps no ``*`` or ``-``
    markers), nor an indented line or an item (``*``, ``**``, ``-``, ``+``, ``o``) of a change log
    (``structure.is_changelog``): a change recorded, GNU's ``\tAdd a comment.``, wget's NEWS
    ``** Cookies are now supported.``, ``See also hunspell-1.1.4-….patch``), nor the end of a hard-wrapped sentence (a line starting in lower case after a
    long line with no sentence end: "...docstrings, and possibly other" / "comments.";
    docutils' "Copyright |copy| 2003, ... |---|" / "all rights reserved."), nor a navigation phrase that is a
    label ending in a colon before a list (``Main Menu:`` then ``- Introduction to
    blockchain`` in an answer outlining a website: the text describes a menu; a scrape's
    menu keeps neither the colon nor the list markers), nor a heading of the document
    (underlined: AsciiDoc's ``SEE ALSO`` over ``--------``; in capitals in a document with
    three or more lines in capitals, "SEE ALSO", or any phrase at the margin over an indented
    body, as ``man`` renders a section: chat(8)'s ``COMMENTS``), nor a man page's
    section named in a sentence wrapped onto the line (bash(1)'s "See" / "SEE ALSO below for
    a reference to a document ...": the phrase in capitals, then lower case), nor a copyright
    notice indented in the body of a section of a document laid out as ``man`` renders a page,
    headings at the margin over indented bodies, three at least (perlfaq7(7)'s ``AUTHOR AND
    COPYRIGHT`` / "Copyright (c) 1997-2002 Tom Christiansen and Nathan Torkington.  All rights
    reserved.": the work's notice, which its licence obliges a corpus to keep), nor an AsciiDoc
    cross-reference (``See also <<FILES>>.``, ``See also linkgit:githooks[5].``), nor a
    literal (tr(1)'s POSIX class ``[:print:]``, a quoted value ``"share"``), nor a name
    in lower case whose words a hyphen or underscore joins (``main-menu``, the Debian
    installer's component, over its description), nor a
    one- or two-word label in a help page's list of options, between sentences that
    describe options (``Snap Guides`` / ``Specifies the display options…`` / ``Comments``
    / ``Show or hide annotations on the page.``), or the button an instruction names
    (``On the Standard bar, click`` / ``Print``), nor a one- or two-word line of a list
    of interface strings exported as text, one a paragraph (``structure.looks_like_label_list``:
    ``الاسم`` among GTK's property names, Debian's gtk30-properties catalogue), nor a label ending in a colon between the indented
    bodies of two fields (fortunes' field guide: "Track:" / a tab-indented body / "Comments:" / a
    tab-indented body), nor MediaWiki's structure in wikitext (a section heading ``==See also==``, a
    template ``{{See also|List of tallest buildings in Toronto}}``, a wikilink ``See also
    [[:Category:People from Bodmin]]``), nor a line that is the whole of a quote in a collection
    written in fortune(6)'s format (three ``%`` lines at least; Debian fortunes' ``disclaimer``:
    "%" / "All rights reserved." / "%", a joke), nor a dataset
    record that is that line alone (``structure.is_label_record``: geany's ``Print`` as one
    record of a catalogue exported one msgstr a record). An Arabic entry (``lang =
    "ar"``) applies to Arabic text only: not to a paragraph whose letters are Persian,
    Urdu, Sindhi, Pashto, Kurdish or Uyghur, nor to a document declared in one of them
    (``Document.language``; ``corpuslint.text.script.document_spans``): ``بحث`` alone is
    "search" on an Arabic page, "discussion" in a Sindhi or Urdu word list.
    Options: ``extra`` (more phrases, or tables ``{phrases = [...],
    match = "start", max_words = 20, id = "..."}``), ``disable`` (entry ids such as
    ``"ar-share"`` or single phrases) and ``builtin = false`` to use only ``extra``.
    Why: Every page of a site repeats the same widgets; left in a corpus they are
    memorised by models and inflate near-duplicate scores between unrelated articles.
    Example: ``تابع أحدث الأخبار عبر تطبيق`` (app promotion, samples/news-ar/003 line 5),
    ``أخبار متعلقة :`` (003 line 52), ``اترك تعليقاً`` and ``لن يتم نشر عنوان بريدك
    الإلكتروني…`` (comment form, 004 lines 23 and 25).
    Fix safety: Unsafe: removes the whole line and its line ending, plus one adjacent
    blank line when two blank lines would otherwise meet.
    """

    code = "A103"
    skip_kinds = MESSAGES  # software messages: see the docstring
    name = "boilerplate-phrase"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True
    options = {"extra": [], "disable": [], "builtin": True}
    # Written text only: in Markdown a heading such as "### See Also" names a section.
    regions = frozenset({PROSE, TABLE})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        extra, disable = listed(self.opts.get("extra")), listed(self.opts.get("disable"))
        entries = list(builtin_catalogue()) if self.opts.get("builtin", True) else []
        try:
            entries += [
                _entry(raw, f"[tool.corpuslint.rules.A103] extra[{i}]", f"extra[{i}]") for i, raw in enumerate(extra)
            ]
        except ValueError as exc:
            from ...config import ConfigError

            raise ConfigError(str(exc)) from None
        self.matcher = Matcher(entries, disable)

    def check(self, doc: Document):
        text = doc.text
        cap = self.matcher.line_cap
        # (str.split cuts at \x1c-\x1f, normalize_line does not: such text is normalised whole)
        by_runs = not any(c in text for c in "\x1c\x1d\x1e\x1f")
        spans = None  # the document's Arabic-script language spans, when an entry needs them
        for index, line in enumerate(doc.lines):
            if line.end == line.start or line.end - line.start > 40 * cap:
                continue
            content = text[line.start : line.end]
            runs = content.split(None, cap)
            if len(runs) > cap or (by_runs and not self.matcher.may_match(runs)):
                continue
            norm = normalize_line(content)
            if not norm:
                continue
            hit = self.matcher.match(norm)
            if hit is None:
                continue
            entry, phrase = hit
            if entry.lang in ARABIC_SCRIPT_LANGUAGES:
                if spans is None:
                    spans = document_spans(doc)
                if next((lg for s, e, lg in spans if s <= line.start < e), entry.lang) != entry.lang:
                    continue  # Sindhi بحث ("discussion") is not Arabic's search button
            if entry.match != "line" and _XREF_RE.search(content):
                continue  # documentation cross-reference: "See also: `7z`, `zip`.", "See also: rename(2)."
            if entry.kind == "navigation" and _described_menu(doc, index, content):
                continue  # "Main Menu:" then "- Introduction to blockchain": a menu an answer proposes
            if phrase == "see also" and _described_menu(doc, index, content):
                continue  # "See also:" then "- :doc:`/server` and ...": a manual's list of references
            if phrase == "see also" and norm == phrase and _xref_heading(doc, index):
                continue  # "See also" then "DECIMAL": a help page's heading over the functions it names
            if _WIKI_HEADING_RE.fullmatch(content) or _WIKI_TEMPLATE_RE.fullmatch(content):
                continue  # "==See also==", "{{See also|List of ...}}": a wikitext article's section, a hatnote
            if _fortune_quote(doc, index):
                continue  # "%" / "All rights reserved." / "%": a fortune whose whole text is the phrase (a joke)
            if _heading(doc, index, content, phrase):
                continue  # "SEE ALSO" over "--------", a man page's "SEE ALSO": a section of the document
            if _field_label(doc, index, content):
                continue  # "\t...old copies of the catalog." / "Comments:" / "\tExtremely fond of...": an entry's field
            if entry.kind == "copyright" and _in_section_body(doc, index, content):
                continue  # "AUTHOR AND COPYRIGHT" / "       Copyright (c) 1997-2002 … All rights reserved.": a man page's notice
            if entry.match == "start" and _section_cited(doc, content, phrase):
                continue  # "See" / "SEE ALSO below for a reference ...": a man page cites its section
            if phrase == "see also" and _SEE_ALSO_SENTENCE_RE.fullmatch(content):
                continue  # "See also PEP 567 for additional details.": documentation's sentence
            if entry.lang == "en" and entry.match == "start" and _PHRASE_AS_VERB_RE.match(content):
                continue  # "Also read the object names to remove notes ...": a sentence's verb and its object
            if _CODE_LINE_RE.match(content):
                continue  # "print()", "...     print()", "|   `-- share": code, not a button
            if entry.match == "line" and content.rstrip().endswith(","):
                continue  # "comments," between "the module docstring (if any)," and "blank lines, and": a list in a sentence
            if " " not in norm and _names_constant(doc, index, norm):
                continue  # "KEY_PRINT" / "Print": the description of the constant named above
            if " " in norm and _IDENTIFIER_RE.fullmatch(content):
                continue  # "main-menu" over the description of the installer's component: a program's name
            if _LITERAL_RE.fullmatch(content.strip()):
                continue  # "[:print:]" in tr(1), '"share"' in a list of values: a literal, not a button
            if _CHANGELOG_ITEM_RE.match(content) and is_changelog(doc):
                continue  # "\tAdd a comment.", "** Cookies are now supported.": a change a change log records
            if entry.match == "line" and _MARKUP_ITEM_RE.match(content):
                continue  # "* comments," / "*   Comments." / "- Comments_::": an item of a list the author wrote
            if _continues_sentence(doc, index, content):
                continue  # "...and possibly other" / "comments.": the end of a wrapped sentence
            if entry.match == "line" and len(norm.split(" ")) <= 2 and _defined_label(doc, index):
                continue  # "Comments" / "Show or hide annotations on the page.": a help page's option
            if len(norm.split(" ")) <= 2 and (looks_like_label_list(doc) or is_label_record(doc)):
                continue  # "الاسم" among "_بحث", "المزيد…", or a record "Print": a label of an interface's strings
            if " " not in norm and names_a_key(doc, index, content.strip()):
                continue  # "Print" in a shortcut table whose document writes "Alt+Print": a key
            lead = len(content) - len(content.lstrip())
            end = line.start + len(content.rstrip())
            yield doc.finding(
                self,
                line.start + lead,
                end,
                f"{entry.kind} boilerplate `{content.strip()}` (catalogue entry {entry.id})",
                fix=remove_line_fix(doc, index),
            )
