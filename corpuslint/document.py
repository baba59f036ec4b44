"""The Document model: one decoded text plus spans and views computed once, shared by rules.

``text`` is the exact decoded content (BOM and CR characters included), so that
``text.encode("utf-8")`` reproduces the file byte for byte (a UTF-16/UTF-32 file, known
by its byte-order mark: ``files.encode_text(text, encoding)``) and a fix can never touch
a byte outside the span it edits. Lines, paragraphs and sentences are computed lazily
and cached on the instance: every rule that asks gets the same objects.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from . import findings as _findings
from . import structure
from .findings import Finding, Fix, Location
from .structure import MARKDOWN_SUFFIXES, Region
from .text import normalize
from .text.lazy_regex import lazy, lazy_re

if TYPE_CHECKING:
    from .rules import Rule

_NEWLINE_RE = re.compile(r"\r\n|\n|\r")  # (re: the same line endings, a faster scan)
# A sentence end: the closing quotes and spaces after . ! ? ؟ ؛ … (group 1), or nothing
# after . ! ? ؟ ؛ at the very end (group 2). The mark is matched and left out of the
# span (a look-behind at every offset was ~10x slower); see ``sentence_ends``.
_SENTENCE_END_RE = lazy(r"[.!?؟؛…]([\"'”’»)\]]*\s+)|[.!?؟؛]()$")


def sentence_ends(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the gaps that end sentences in ``text[pos:endpos]``: the
    quotes and white space after a sentence mark, or the empty gap after a final mark."""
    for m in _SENTENCE_END_RE.finditer(text, pos, len(text) if endpos is None else endpos):
        yield m.span(m.lastindex)


def line_column(starts, offset: int, text: str = "", bom: bool = False) -> tuple[int, int]:
    """``Document.position`` of ``offset`` in a text whose line starts are ``starts``
    (``Document._line_starts``, or the same in an ``array``): a byte-order mark opening
    the text (``text`` starting with U+FEFF, or ``bom``) is not a column."""
    index = bisect_right(starts, offset) - 1
    column = offset - starts[index] + 1
    if index == 0 and offset > 0 and (bom or text.startswith("\ufeff")):
        column -= 1
    return index + 1, column


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


def _maker(cls: type) -> Callable:
    """``cls(*fields)`` for a frozen slots dataclass (``Line``, ``Unit``), the same frozen
    instance, made without the dataclass's ``__init__`` (which sets each field through
    ``object.__setattr__``: about twice the cost): the slots are filled through their
    descriptors. For the loops that make one per line or sentence (``Document.lines``,
    ``Document.sentences``, D103's ``paragraph_sentences``)."""
    new = object.__new__
    setters = tuple(getattr(cls, f).__set__ for f in cls.__slots__)
    if len(setters) == 3:
        a, b, c = setters

        def make3(x, y, z):
            obj = new(cls)
            a(obj, x)
            b(obj, y)
            c(obj, z)
            return obj

        return make3
    a, b, c, d = setters

    def make4(w, x, y, z):
        obj = new(cls)
        a(obj, w)
        b(obj, x)
        c(obj, y)
        d(obj, z)
        return obj

    return make4


make_line: Callable[[int, int, int, str], Line] = _maker(Line)
make_unit: Callable[[int, int, int], Unit] = _maker(Unit)


def hash_utf8(data: bytes, language: str | None = None) -> str:
    """``Document.content_hash`` of the text whose UTF-8 encoding is ``data``, declared
    to be in ``language`` (None: not declared; the hash is then of the text alone)."""
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    if language is None:
        return digest
    return hashlib.blake2b(f"{digest}|language={language}".encode(), digest_size=16).hexdigest()


# -- declared languages --------------------------------------------------------------
# A tag as BCP 47 writes it ("tr", "fr-CA", "zh-Hant") or as language identifiers label
# text (datatrove's GlotLID filter: "tur_Latn"); only the primary subtag is kept.
_LANGUAGE_TAG_RE = lazy_re(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
# ISO 639-2/3 codes of languages that have a two-letter code (BCP 47 uses the shorter):
# ``dictionaries/iso639_two_letter.txt`` (every such language, from the ISO 639-3 table: "tgl"
# -> "tl", "swa" -> "sw", "fre" -> "fr"), and the standard individual language of a
# macrolanguage, which has no two-letter code of its own but is what the macrolanguage's code
# names in practice (Standard Arabic "arb", Iranian Persian "pes", Swahili "swh", Standard
# Malay "zsm", Mandarin "cmn", Standard Estonian "ekk", Standard Latvian "lvs"). Others stay as
# written ("ceb", "hil").
_STANDARD_INDIVIDUAL = {"arb": "ar", "pes": "fa", "swh": "sw", "zsm": "ms", "cmn": "zh", "ekk": "et", "lvs": "lv"}
ISO639_FILE = "iso639_two_letter.txt"


@lru_cache(maxsize=1)
def _two_letter() -> dict[str, str]:
    """Three-letter code -> two-letter code (``ISO639_FILE`` and ``_STANDARD_INDIVIDUAL``)."""
    import os

    from .dictionaries import DIRECTORY

    table = dict(_STANDARD_INDIVIDUAL)
    with open(os.path.join(DIRECTORY, ISO639_FILE), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                code, two = line.split()
                table[code] = two
    return table


_DEPRECATED = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv"}
# No single language: undetermined, multiple, no linguistic content, uncoded.
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})


def language_tag(value: object) -> str | None:
    """The primary language subtag of ``value``, lower case, two letters where the
    language has them ("tr-TR", "TR", "tur", "tur_Latn" -> "tr"; "tgl" -> "tl", "fre" -> "fr":
    ISO 639-3 and 639-2 codes, ``_two_letter``), else as written ("ceb"); None for "und", "mul",
    "zxx" and "mis" (no single language). Raises ``ValueError`` (saying why) for
    anything else: a non-string, a name ("Turkish"), an empty string."""
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is a {type(value).__name__}, not a language tag (BCP 47: 'tr', 'fr-CA')")
    return _primary_subtag(value)


@lru_cache(maxsize=1024)
def _primary_subtag(value: str) -> str | None:
    """``language_tag`` of a string (a data file repeats a few values on every record)."""
    m = _LANGUAGE_TAG_RE.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"{value!r} is not a language tag (BCP 47: 'tr', 'fr-CA'; or ISO 639-3: 'tur')")
    primary = m.group(1).lower()
    if primary in _NO_LANGUAGE:
        return None
    return _DEPRECATED.get(primary) or _two_letter().get(primary, primary)


class Document:
    """One text. ``language``: the language it is declared to be in (``language_tag``'s
    primary subtag: "tr", "fr", "ur"), by its record's field or by the project config
    (``per-file-language``); None when not declared, and rules that depend on the
    language guess it from the text. Part of the document's identity (``content_hash``)."""

    # The text this document translates, when its reader knows it (a .po file's msgstr:
    # its msgid, ``readers.po``); None otherwise.
    source: str | None = None
    # Every source form of its entry (a plural message's msgid and msgid_plural), else ().
    sources: tuple[str, ...] = ()
    # Who wrote the text, when its reader knows: a chat dataset's turn (``readers.base.
    # record_role``) is "user", "assistant", "system", "tool", or the dataset's own name
    # of another speaker (lower-cased); None otherwise (a file, a record without a role).
    # A rule declares the roles it applies to with ``Rule.only_roles``.
    role: str | None = None
    # With a role: a hash of the text of the turn before this one in its conversation
    # (in a record's turn list, of the two turns before it: the exchange it answers),
    # "" when this turn opens it or belongs to the prompt a preference example shares
    # with its other completions (a repeated reply is a duplicate exchange only after
    # the same prompt: D104); None without a role.
    previous_turn: str | None = None
    # The file's encoding: "utf-8", or the UTF-16/UTF-32 its byte-order mark names
    # ("utf-16-le", ...; ``files.bom_encoding``), whose BOM is not part of ``text``.
    encoding: str = "utf-8"

    def __init__(self, path: str, text: str, *, suffix: str | None = None, language: str | None = None):
        self.path = path
        self.text = text
        self.suffix = (suffix if suffix is not None else _suffix(path)).lower()
        self.language = language

    def with_text(self, text: str) -> "Document":
        """The same document (path, type, language; a record keeps its record) with new text."""
        doc = Document(self.path, text, suffix=self.suffix, language=self.language)
        if self.encoding != "utf-8":
            doc.encoding = self.encoding
        return doc

    # -- identity -------------------------------------------------------------
    @cached_property
    def content_hash(self) -> str:
        """Hash of the text and the declared language: caches key documents by it, so a
        document whose language changes is checked again."""
        return hash_utf8(self.text.encode("utf-8", "surrogatepass"), self.language)

    # -- positions ------------------------------------------------------------
    @cached_property
    def _line_starts(self) -> list[int]:
        """Offset after each line ending (and 0): one entry per line ending, plus one."""
        if "lines" in self.__dict__:  # (from the lines: no second scan of the text)
            return [0] + [ln.end + len(ln.newline) for ln in self.lines if ln.newline]
        text = self.text
        if "\r" not in text:  # every line ends in "\n": the offsets after each, from the line lengths
            return list(accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))
        return [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]

    @cached_property
    def lines(self) -> list[Line]:
        """All lines. A file ending in a newline has no extra empty last line."""
        out: list[Line] = []
        text = self.text
        if "\r" not in text:  # every line ends in "\n": cut by str.split, no match object per line
            pos = 0
            for number, part in enumerate(text.split("\n")[:-1], 1):
                end = pos + len(part)
                out.append(make_line(number, pos, end, "\n"))
                pos = end + 1
            if pos < len(text) or not out:
                out.append(make_line(len(out) + 1, pos, len(text), ""))
            return out
        pos = 0
        number = 0
        for m in _NEWLINE_RE.finditer(self.text):
            number += 1
            out.append(make_line(number, pos, m.start(), m.group()))
            pos = m.end()
        if pos < len(self.text) or not out:
            out.append(make_line(number + 1, pos, len(self.text), ""))
        return out

    def line_text(self, line: Line) -> str:
        return self.text[line.start : line.end]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset, as an editor shows it: a
        byte-order mark is not a column (the first character after it is column 1)."""
        return line_column(self._line_starts, offset, self.text)

    def place(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file that findings show for text ``offset``: its
        ``position``, except where a reader maps text to another layout (a .po file's
        string: the line and column of the escaped character, ``readers.po``)."""
        return self.position(offset)

    def written(self, text: str) -> str:
        """``text`` as the file writes it at this document's ``place``s (a fix's
        replacement in the JSON output): itself, except where a reader maps text to
        another layout (a .po string: escaped, ``readers.po``)."""
        return text

    def location(self, offset: int) -> Location:
        line, column = self.place(offset)
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
                out.append(make_unit(current[0].start, current[-1].end, current[0].number))
                current = []
        if current:
            out.append(make_unit(current[0].start, current[-1].end, current[0].number))
        return out

    @cached_property
    def line_paragraphs(self) -> list[Unit]:
        """Each non-blank line as a unit (news scrapes put one paragraph per line)."""
        return [
            make_unit(ln.start, ln.end, ln.number) for ln in self.lines if self.text[ln.start : ln.end].strip()
        ]

    @cached_property
    def sentences(self) -> list[Unit]:
        """Sentences split at . ! ? ؟ ؛ … and at line ends (Arabic-aware)."""
        out: list[Unit] = []
        text = self.text
        finditer = _SENTENCE_END_RE.finditer
        # (``sentence_ends`` of each line, inlined: the pattern runs on the text between
        # the line's bounds, not on a copy; a sentence starts on its line, so the line's
        # number is its ``position``; ``not isspace()`` of a non-empty span is ``strip()``)
        for line in self.line_paragraphs:
            pos, end_of_line, number = line.start, line.end, line.line
            for m in finditer(text, pos, end_of_line):
                end, after = m.span(m.lastindex)
                if end > pos and not text[pos:end].isspace():
                    out.append(make_unit(pos, end, number))
                pos = after
            if end_of_line > pos and not text[pos:end_of_line].isspace():
                out.append(make_unit(pos, end_of_line, number))
        return out

    # -- structure ------------------------------------------------------------
    @property
    def is_markdown(self) -> bool:
        return self.suffix in MARKDOWN_SUFFIXES

    @cached_property
    def is_wikitext(self) -> bool:
        """True for a MediaWiki page: a .wiki, .wikitext or .mediawiki file, or a .txt /
        .text file whose text clearly is wikitext (``readers.wikitext.reads_as_wikitext``).
        Its regions are the parser's (``readers.wikitext``): markup is not text."""
        if self.suffix in structure.WIKITEXT_SUFFIXES:
            return True
        if self.suffix not in (".txt", ".text") or "[[" not in self.text:
            return False
        from .readers.wikitext import reads_as_wikitext

        return reads_as_wikitext(self.text)

    @cached_property
    def is_info(self) -> bool:
        """True for a GNU Info file, or one node of one (a record): a text holding a node
        header (``File: x.info,  Node: Top, ...``) at its start or after a node separator
        (``info.reads_as_info``), whatever its name. Its regions are ``info.info_regions``':
        the format's separators, headers, menus and index markers are markup."""
        from .info import reads_as_info

        return reads_as_info(self.text, self.suffix)

    @cached_property
    def regions(self) -> list[Region]:
        """Typed regions (``corpuslint.structure``), sorted and non-overlapping.

        Markdown is parsed once per document with markdown-it-py (CommonMark + GFM
        tables + front matter); plain text gets ``code`` regions for code-like lines
        only. Text outside every region counts as prose."""
        return structure.regions_for(self)

    @cached_property
    def quotes_code(self) -> bool:
        """True for a plain-text document (not Markdown, reStructuredText or wikitext, whose
        code is parsed) with code-like lines (``structure``): technical
        text, whose other lines of output or configuration may have escaped detection."""
        return not self.is_markdown and self.suffix not in structure.RST_SUFFIXES and not self.is_wikitext and any(
            r.kind == structure.CODE and not r.aligned for r in self.regions)  # (one aligned line is no code)

    @cached_property
    def _region_starts(self) -> list[int]:
        return [r.start for r in self.regions]

    def outside(self, start: int, end: int, kinds: "frozenset[str] | set[str]") -> bool:
        """True if [start, end) lies wholly in regions whose kind is not in ``kinds``
        (a zero-width span is judged by the character at ``start``)."""
        return structure.outside(self.regions, self._region_starts, start, end, kinds)

    def kind_at(self, offset: int) -> str:
        """The region kind of the character at ``offset`` (``"prose"`` outside regions)."""
        i = bisect_right(self._region_starts, offset) - 1
        if i >= 0 and self.regions[i].end > offset:
            return self.regions[i].kind
        return structure.PROSE

    @cached_property
    def line_kinds(self) -> list[str]:
        """One kind per line (index-aligned with ``lines``): ``"blank"`` for blank lines;
        else the text kind (prose, heading, table) holding most of the line's non-space
        characters, or, on a line without text, the kind holding most of them
        (``code`` for a fenced line, ``markup`` for ``---``, ...)."""
        out: list[str] = []
        regions = self.regions
        starts = self._region_starts
        text = self.text
        for line in self.lines:
            if not text[line.start : line.end].strip():
                out.append("blank")
                continue
            if not regions:
                out.append(structure.PROSE)
                continue
            i = max(bisect_right(starts, line.start) - 1, 0)
            # (regions are sorted and do not overlap: a line inside one region is of its
            # kind; a line no region touches is prose; else the characters are weighed)
            r = regions[i]
            if r.start <= line.start and r.end >= line.end:
                out.append(r.kind)
                continue
            if (r.end <= line.start or r.start >= line.end) and (i + 1 == len(regions) or regions[i + 1].start >= line.end):
                out.append(structure.PROSE)
                continue
            out.append(weighed_kind(text, line.start, line.end, regions, i))
        return out

    def masked(self, kinds: "frozenset[str] | set[str]" = structure.TEXT_REGIONS) -> str:
        """``text`` with every character outside regions of ``kinds`` replaced by a space
        (line endings kept), so offsets, lines and columns stay valid. Unregioned text
        counts as prose."""
        key = frozenset(kinds)
        cache = self.__dict__.setdefault("_masked", {})
        if key in cache:
            return cache[key]
        parts: list[str] = []
        pos = 0
        text = self.text
        for r in self.regions:
            if r.kind in key:
                continue
            if r.start > pos:
                gap = text[pos : r.start]
                parts.append(gap if structure.PROSE in key else _blank_out(gap))
            parts.append(_blank_out(text[r.start : r.end]))
            pos = r.end
        tail = text[pos:]
        parts.append(tail if structure.PROSE in key else _blank_out(tail))
        cache[key] = "".join(parts)
        return cache[key]

    @property
    def code_spans(self) -> list[tuple[int, int]]:
        """Spans of ``code`` and ``html`` regions (kept for plugins written before regions)."""
        return [(r.start, r.end) for r in self.regions if r.kind in (structure.CODE, structure.HTML)]

    def in_code(self, start: int, end: int) -> bool:
        """True if [start, end) lies inside code or HTML (see ``outside``)."""
        return self.outside(start, end, structure.ALL_REGIONS - {structure.CODE, structure.HTML})

    # -- normalised views -----------------------------------------------------
    @cached_property
    def normalized_lines(self) -> list[str]:
        """``normalize.normalize_line`` of every line, index-aligned with ``lines``."""
        return [normalize.normalize_line(self.text[ln.start : ln.end]) for ln in self.lines]

    @cached_property
    def words(self) -> list[str]:
        return normalize.words(self.text)

    # -- kind -----------------------------------------------------------------
    @cached_property
    def kinds(self) -> frozenset[str]:
        """What kind of text this is (``structure.DOCUMENT_KINDS``): ``{"catalogue"}`` for
        software messages extracted as text (``structure.looks_like_catalogue``), else
        empty. Readers that know better set it (the .po reader: each string is a
        ``"message"``). The engine does not run a rule on a document of a kind in its
        ``skip_kinds``."""
        return frozenset({structure.CATALOGUE}) if structure.looks_like_catalogue(self) else frozenset()

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
        if (fix is not None and fix.applicability is _findings.Applicability.SAFE
                and rule.family in _BYTE_EDITING_FAMILIES and _edits_a_misread_byte(self.text, fix)):
            fix = fix.as_unsafe()  # ("×’×\u00a0.", "גנ." read as cp1252: W114 deleting נ's last byte before ".")
        line, column = self.place(start)
        end_line, end_column = self.place(end)
        related = tuple(related)
        if _findings._SHARING is not None:  # (a corpus rule's reduce: equal values held once, ``findings.sharing``)
            share = _findings.shared
            message, related = share(message), share(related)
            line, column, end_line, end_column = share(line), share(column), share(end_line), share(end_column)
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
            related=related,
        )

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {len(self.text)} chars)"


# Families whose safe fixes delete or replace spaces, invisible characters and stray signs,
# and the characters a code page makes of a byte of UTF-8 among them (C1 controls, 0xA0 a
# no-break space, 0xAD a soft hyphen, 0xB7 a middle dot).
_BYTE_EDITING_FAMILIES = frozenset({"whitespace", "artifact"})
_BYTE_CHARS_RE = lazy_re(r"[\u0080-\u00a0\u00ad\u00b7]")


def _edits_a_misread_byte(text: str, fix: Fix) -> bool:
    """Does one of ``fix``'s edits delete or replace a character that is a byte of a letter
    of UTF-8 read with a code page (``text.legacy.misread_utf8_bytes``)? Such a safe fix is
    made unsafe (``Document.finding``): applied, it loses the letter for good once the text is
    decoded back (fresh33: W102 turned the 288 nuns of UTF-8 Hebrew read as cp1255 into spaces)."""
    from .text.legacy import misread_utf8_bytes

    for edit in fix.edits:
        for m in _BYTE_CHARS_RE.finditer(text, edit.start, edit.end):
            if misread_utf8_bytes(text, m.start(), m.end()):
                return True
    return False


_NON_NEWLINE_RUN_RE = lazy_re(r"[^\r\n]+")


def _blank_out(text: str) -> str:
    """``text`` with every character but CR and LF replaced by a space (a line at a time:
    one regex replacement per character cost ~0.2 s per MB)."""
    if "\r" not in text:
        return "\n".join([" " * len(line) for line in text.split("\n")])
    return _NON_NEWLINE_RUN_RE.sub(lambda m: " " * (m.end() - m.start()), text)


def _suffix(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""


def weighed_kind(text: str, start: int, end: int, regions: list, i: int) -> str:
    """The kind of the non-blank line ``text[start:end]`` by weight: the text kind
    (prose, heading, table) holding most of its non-space characters, or, on a line
    without text, the kind holding most of them. ``regions`` are sorted and do not
    overlap; ``i`` is the index of the last one starting at or before ``start`` (0 if none)."""
    weight: dict[str, int] = {}
    covered = 0
    while i < len(regions) and regions[i].start < end:
        r = regions[i]
        s, e = max(r.start, start), min(r.end, end)
        if e > s:
            n = len(text[s:e].strip())
            weight[r.kind] = weight.get(r.kind, 0) + n
            covered += n
        i += 1
    rest = len(text[start:end].strip()) - covered
    if rest > 0:
        weight[structure.PROSE] = weight.get(structure.PROSE, 0) + rest
    # A line with written text is of its text's kind (inline code or a link
    # destination inside a sentence does not make the line code).
    text_weight = {k: v for k, v in weight.items() if k in structure.TEXT_REGIONS and v}
    pick = text_weight or weight
    return max(pick.items(), key=lambda kv: kv[1])[0] if pick else structure.PROSE
