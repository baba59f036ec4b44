"""Translation interchange files: XLIFF 1.2 and 2.x (.xlf, .xliff) and TMX (.tmx).

Parsed with Python's expat (``xml.parsers.expat``, the parser under ElementTree), which
gives the byte offset of every element, reference and comment, so that findings point to
the file's line and column of the character (1-based code points), as for a .po file.

* XLIFF 1.2 (``<file source-language target-language><body><trans-unit id><source>
  <target>``, units inside ``<group>`` too) and XLIFF 2.x (``<xliff srcLang trgLang><file>
  <unit id><segment><source><target>``): each non-empty ``<target>`` is one record, in the
  target language (its ``xml:lang``, else the file's ``target-language``/``trgLang``;
  a ``per-file-language`` in the config wins, as for a .po file), with its unit's
  ``<source>`` as ``Document.source``. Not records: ``<alt-trans>`` proposals, ``<seg-source>``,
  ``<ignorable>`` (XLIFF 2's white space between segments), units marked
  ``translate="no"``, empty targets. A file without any target (a template, like the
  ``messages.xlf`` ``ng extract-i18n`` writes) has its sources as records, as a .pot
  has its msgids.
* TMX 1.4 (``<tu tuid><tuv xml:lang><seg>``; ``lang`` in TMX 1.1): every ``<seg>`` of
  every ``<tuv>`` is one record in its own ``xml:lang`` (a memory has no direction:
  each side is checked; ``per-file-language`` is used only where a ``<tuv>`` has none).

A record is named ``<unit id>`` (XLIFF; ``<unit id>.<segment id>`` when a unit has more
than one segment) or ``<tuid>.<language>`` (TMX; ``<n>.<language>`` for the n-th ``<tu>``
without a ``tuid``); a name that repeats gets ``@<n>``. Its text is the element's content
*as written in the file*, between its tags, less the white space at either edge that holds a
line break (the file's layout: ``<target>`` on a line of its own, the text indented below): inline codes (XLIFF 1.2 ``<g> <x/> <bx/>
<ex/> <bpt> <ept> <ph> <it> <mrk>``, XLIFF 2 ``<pc> <ph/> <sc/> <ec/> <mrk> <sm/> <em/>
<cp/>``, TMX ``<bpt> <ept> <it> <ph> <hi> <ut>``), the native code inside ``<bpt>``,
``<ept>``, ``<ph>``, ``<it>``, ``<ut>``, character and entity references (``&amp;``,
``&#160;``), comments and CDATA markers are ``markup`` regions, which the rules that
judge text skip (as in an HTML page); the text of ``<g>``, ``<pc>``, ``<mrk>``, ``<hi>``
is prose. Every record is of the document kind ``message`` (``structure.MESSAGE``), as a
.po string: software strings and memory segments are independent units, translated
alike by design, so the duplicate family and the document measures skip them.

Data is never code: a document type declaration may name an external DTD (TMX files
carry ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``), which is never fetched; a file that
declares entities (internal or external: the "billion laughs" expansion bomb, external
entity reads) is refused as a whole, one F005 finding, as defusedxml's ``forbid_entities``
and ``forbid_external`` refuse it. A file that is not well-formed XML is one F005 finding
naming the line and column expat stops at. The file is decoded by its byte-order mark
(UTF-8, UTF-16), else its XML declaration's ``encoding``, else as UTF-8.

Fixes: a record's text is the file's own characters, so a fix is an edit of those
characters (``--fix`` for .xlf/.xliff, translations a project keeps as source files like
its .po files; ``--fix --fix-data`` for .tmx, a memory being a data export). The rewrite
replaces only the fixed records' characters, keeps every other byte (encoding, byte-order
mark, line endings), and must parse back to the same records with the fixed texts and the
same inline codes in each (a fix never deletes or rewrites markup), else nothing is written.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterator, Mapping
from xml.parsers import expat

from ..document import hash_utf8
from ..files import ReadProblem, Source
from ..structure import MARKUP, MESSAGE, Region
from ..text.lazy_regex import lazy_re
from .base import FileProblem, ReaderOptions, Record, RecordDocument, RecordReader, unique_records
from .po import header_language

XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
# Inline elements whose content is the native code they stand for, not text
# (XLIFF 1.2 and TMX ``<bpt>&lt;b></bpt>``); the others' content (``<g>``, ``<mrk>``...) is text.
CODE_CONTENT = frozenset({"bpt", "ept", "ph", "it", "ut"})
# The rest of a tag after its ``<``: quoted attribute values may hold ``>``.
_TAG_END_RE = lazy_re(rb"""(?:[^"'>]|"[^"]*"|'[^']*')*>""")  # (alternatives start apart: no backtracking blow-up)
_DECLARED_ENCODING_RE = lazy_re(rb"""^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class UnsafeXml(FileProblem):
    """The file declares entities: refused whole (``forbid_entities``, as defusedxml does)."""


class Undecodable(Exception):
    """The file's bytes do not decode as its byte-order mark or declaration says (F001)."""


def _guarded_parser(namespaces: bool) -> "expat.XMLParserType":
    """An expat parser of UTF-8 bytes that never reads a DTD or an external entity and
    raises ``UnsafeXml`` at an entity declaration."""
    parser = expat.ParserCreate("UTF-8", " " if namespaces else None)
    parser.buffer_text = False

    def refuse_entity(name, *_args):
        raise UnsafeXml(f"line {parser.CurrentLineNumber}: the file declares the entity {name!r}; entity "
                        "declarations are not read (an expansion bomb or an external file read)")

    def refuse_external(*_args):
        raise UnsafeXml(f"line {parser.CurrentLineNumber}: an external entity reference is not read")

    parser.EntityDeclHandler = refuse_entity
    parser.UnparsedEntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = refuse_external
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def decode(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding, byte-order mark) of an XML file's bytes: by its byte-order mark,
    else its XML declaration's ``encoding``, else UTF-8. ``Undecodable`` when it does not
    decode so (or names an encoding Python does not know)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding, True
            except UnicodeDecodeError as exc:
                raise Undecodable(f"cannot decode as {encoding} (its byte-order mark): {exc}") from None
    m = _DECLARED_ENCODING_RE.match(data)
    encoding = m.group(1).decode("ascii").lower() if m else "utf-8"
    try:
        return data.decode(encoding), encoding, False
    except (UnicodeDecodeError, LookupError) as exc:
        raise Undecodable(f"cannot decode as {encoding} (its XML declaration's encoding): {exc}") from None


def _construct_end(data: bytes, at: int) -> int:
    """The byte offset after the markup construct starting at ``data[at]`` (a tag whose
    quoted attribute values may hold ``>``, a comment, a processing instruction, a
    reference, a CDATA marker)."""
    if data.startswith(b"<!--", at):
        return data.index(b"-->", at) + 3
    if data.startswith(b"<?", at):
        return data.index(b"?>", at) + 2
    if data.startswith(b"<![CDATA[", at):
        return at + 9
    if data.startswith(b"]]>", at):
        return at + 3
    if data[at : at + 1] == b"&":
        return data.index(b";", at) + 1
    m = _TAG_END_RE.match(data, at + 1)
    if m is not None:
        return m.end()
    raise ValueError("unterminated tag")


@dataclass(frozen=True, slots=True)
class Segment:
    """One text of a file as ``scan`` finds it: ``data[start:end]`` (UTF-8 bytes) is its
    content as written; ``role`` "source", "target" or "seg" (TMX); ``unit`` the 1-based
    unit (trans-unit, unit, tu) it belongs to and ``unit_name`` that unit's id (``tuid``),
    or None; ``segment`` an XLIFF 2 segment's id (or 1-based number), else None; ``language``
    its declared language (a tag as written, or None); ``name`` its record name, set by
    ``scan`` (see the module)."""

    start: int
    end: int
    role: str
    unit: int
    unit_name: str | None
    segment: str | None
    language: str | None
    name: str = ""


def scan(data: bytes, fmt: str) -> list[Segment]:
    """The ``Segment``s of an XLIFF (``fmt`` "xliff") or TMX ("tmx") file's UTF-8 ``data``,
    in file order. ``FileProblem`` for XML that is not well-formed, declares entities, or
    is not of the format (another root element)."""
    parser = _guarded_parser(namespaces=True)
    stack: list[str] = []  # local names of the open elements
    attrs_of: list[dict] = []  # their attributes
    found: list[Segment] = []
    state: dict = {"units": 0, "segments": 0, "unit_name": None, "open": None}
    root_attrs: dict = {}
    file_attrs: dict = {}
    expected = "xliff" if fmt == "xliff" else "tmx"

    def start(name, attrs):
        name = name.rpartition(" ")[2]
        if not stack:
            if name != expected:
                raise FileProblem(f"the root element is <{name}>, not <{expected}>")
            root_attrs.update(attrs)
        parent = stack[-1] if stack else None
        stack.append(name)
        attrs_of.append(attrs)
        if state["open"] is not None:  # (inline elements of a text)
            return
        if name == "file":
            file_attrs.clear()
            file_attrs.update(attrs)
        elif name in ("trans-unit", "unit", "tu"):
            state["units"] += 1
            state["unit_name"] = attrs.get("tuid" if name == "tu" else "id") or None
            state["segments"] = 0
        elif name == "segment" and parent == "unit":
            state["segments"] += 1
        elif (name in ("source", "target") and parent in ("trans-unit", "segment")) or (name == "seg" and parent == "tuv"):
            unit_attrs = attrs_of[-2] if parent == "trans-unit" else attrs_of[-3] if parent == "segment" else {}
            if unit_attrs.get("translate") == "no" or (parent == "segment" and attrs_of[-2].get("translate") == "no"):
                return
            state["open"] = (len(stack), _construct_end(data, parser.CurrentByteIndex))

    def end(_name):
        opened = state["open"]
        if opened is not None and opened[0] == len(stack):
            state["open"] = None
            content_start = opened[1]
            content_end = max(parser.CurrentByteIndex, content_start)  # (an empty element <target/>: empty)
            content_start, content_end = _without_layout(data, content_start, content_end)
            found.append(_segment(stack[-1], content_start, content_end))
        stack.pop()
        attrs_of.pop()

    def _segment(role: str, content_start: int, content_end: int) -> Segment:
        own = attrs_of[-1].get(f"{XML_NAMESPACE} lang")
        if role == "seg":  # TMX: the tuv's language
            tuv = attrs_of[-2]
            language = tuv.get(f"{XML_NAMESPACE} lang") or tuv.get("lang")
        elif role == "target":
            language = own or file_attrs.get("target-language") or root_attrs.get("trgLang")
        else:
            language = own or file_attrs.get("source-language") or root_attrs.get("srcLang")
        segment = (attrs_of[-2].get("id") or str(state["segments"])) if stack[-2] == "segment" else None
        return Segment(content_start, content_end, role, state["units"], state["unit_name"], segment, language)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise FileProblem(f"not well-formed XML: line {exc.lineno}, column {exc.offset + 1}: "
                          f"{expat.ErrorString(exc.code)}") from None
    except ValueError as exc:  # an unterminated construct (not reached on well-formed XML)
        raise FileProblem(f"not well-formed XML: {exc}") from None
    segments_of: dict[int, set] = {}
    for seg in found:
        segments_of.setdefault(seg.unit, set()).add(seg.segment)
    return [Segment(s.start, s.end, s.role, s.unit, s.unit_name, s.segment, s.language, _name(s, segments_of[s.unit]))
            for s in found]


_LAYOUT = b" \t\r\n"


def _without_layout(data: bytes, start: int, end: int) -> tuple[int, int]:
    """``data[start:end]`` (an element's content) without the white space at either edge
    that holds a line break: the file's layout (``<target>`` on a line of its own, the text
    indented below it), not the translation's (a trailing space before ``</target>`` is)."""
    inner = data[start:end]
    lead = len(inner) - len(inner.lstrip(_LAYOUT))
    if b"\n" in inner[:lead]:
        start += lead
    trail = len(inner) - len(inner.rstrip(_LAYOUT))
    if trail and b"\n" in inner[len(inner) - trail :]:
        end -= trail
    return start, max(start, end)


def _name(seg: Segment, segments: set) -> str:
    """A segment's record name: its unit's id (else number); an XLIFF 2 segment's id after
    it when its unit has several; a TMX side's language after it."""
    unit = seg.unit_name or str(seg.unit)
    if seg.role == "seg":
        return f"{unit}.{seg.language or 'tuv'}"
    if seg.segment is not None and len(segments) > 1:
        return f"{unit}.{seg.segment}"
    return unit


def markup_regions(text: str) -> list[Region] | None:
    """The ``markup`` regions of a record's ``text`` (an element's content as written):
    tags, the content of ``CODE_CONTENT`` elements, references, comments, processing
    instructions and CDATA markers; None when ``text`` is not well-formed XML content
    (a fix broke it: ``rewrite`` refuses it)."""
    if "<" not in text and "&" not in text:
        return []
    head = b"<r>"
    data = head + text.encode("utf-8", "surrogatepass") + b"</r>"
    parser = _guarded_parser(namespaces=False)
    spans: list[tuple[int, int]] = []
    open_tags: list[tuple[int, bool, bool]] = []  # (start, empty element, native code) of each open element
    in_code = [0]  # open CODE_CONTENT elements
    cdata = [False]

    def start(name, _attrs):
        at = parser.CurrentByteIndex
        tag_end = _construct_end(data, at)
        code = name.rpartition(":")[2] in CODE_CONTENT
        open_tags.append((at, data[tag_end - 2 : tag_end] == b"/>", code))
        if len(open_tags) == 1:
            return
        if not in_code[0]:
            spans.append((at, tag_end))  # (a code element's span is widened at its end)
        in_code[0] += code

    def end(_name):
        begin, empty, code = open_tags.pop()
        if not open_tags:
            return
        at = parser.CurrentByteIndex
        close = at if empty else _construct_end(data, at)
        in_code[0] -= code
        if not in_code[0]:
            spans.append((begin, close) if code else (at, close))

    def mark():
        if len(open_tags) >= 1 and not in_code[0]:
            at = parser.CurrentByteIndex
            spans.append((at, _construct_end(data, at)))

    def characters(_text):
        if not cdata[0] and data[parser.CurrentByteIndex : parser.CurrentByteIndex + 1] == b"&":
            mark()

    def cdata_start():
        mark()
        cdata[0] = True

    def cdata_end():
        cdata[0] = False
        mark()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CommentHandler = lambda _text: mark()
    parser.ProcessingInstructionHandler = lambda _target, _text: mark()
    parser.CharacterDataHandler = characters
    parser.StartCdataSectionHandler = cdata_start
    parser.EndCdataSectionHandler = cdata_end
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, FileProblem, ValueError):
        return None
    return _regions(text, [(a - len(head), b - len(head)) for a, b in spans])


def _regions(text: str, spans: list[tuple[int, int]]) -> list[Region]:
    """``spans`` (byte offsets into ``text``'s UTF-8) as sorted, merged markup regions in
    code points."""
    encoded = text.encode("utf-8", "surrogatepass")
    ascii_only = len(encoded) == len(text)
    out: list[Region] = []
    for a, b in sorted(spans):
        if not ascii_only:
            a = len(encoded[:a].decode("utf-8", "surrogatepass"))
            b = len(encoded[:b].decode("utf-8", "surrogatepass"))
        if out and a <= out[-1].end:
            if b > out[-1].end:
                out[-1] = Region(out[-1].start, b, MARKUP)
        else:
            out.append(Region(a, b, MARKUP))
    return out


class XliffDocument(RecordDocument):
    """One text of an XLIFF or TMX file: a ``<target>`` (or a template's ``<source>``) or a
    TMX ``<seg>``, its ``text`` the element's content as written. ``line``/``column``
    (1-based, code points): where that content starts in the file; ``source``: the
    unit's source text (as written) for a target, else None; ``side``: which element it
    is, "target", "source" (a template's) or "seg" (TMX). Its regions are ``markup_regions``
    of its text, computed from the text itself, so a fixed text has its own."""

    kinds = frozenset({MESSAGE})
    plural: str | None = None  # (a .po entry's msgid_plural: XLIFF and TMX have none)

    def __init__(self, file: str, number: int, record: int | str, text: str, language: str | None = None,
                 line: int = 1, column: int = 1, source: str | None = None, side: str = "target"):
        super().__init__(file, number, record, text, language)
        self.line, self.column = line, column
        self.source = source
        self.sources = (source,) if source is not None else ()
        self.side = side

    @cached_property
    def content_hash(self) -> str:
        extra = f"\0{self.side}\0{self.source}" if self.source is not None else f"\0{self.side}"
        return hash_utf8((self.text + extra).encode("utf-8", "surrogatepass"), self.language)

    @cached_property
    def regions(self) -> list[Region]:
        """``markup_regions`` of the text (none when a fix left it malformed)."""
        return markup_regions(self.text) or []

    def place(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of the character at text ``offset``."""
        newline = self.text.rfind("\n", 0, offset)
        if newline < 0:
            return self.line, self.column + offset
        return self.line + self.text.count("\n", 0, offset), offset - newline

    def written(self, text: str) -> str:
        """A fix's replacement as the file holds it: the text is the file's own characters."""
        return text

    def with_text(self, text: str) -> "XliffDocument":
        return XliffDocument(self.file, self.number, self.record, text, self.language, self.line, self.column,
                             self.source, self.side)

    def __reduce__(self):
        return (XliffDocument, (self.file, self.number, self.record, self.text, self.language, self.line,
                                self.column, self.source, self.side))


@dataclass(slots=True)
class _Read:
    """A file as read: its ``encoding`` and byte-order mark (kept by ``rewrite``), its text
    as UTF-8 ``data`` (what expat parses: ``segments``' offsets are into it)."""

    encoding: str
    bom: bool
    data: bytes
    segments: list[Segment]


def _read(path: str, fmt: str) -> _Read:
    with open(path, "rb") as fh:
        raw = fh.read()
    text, encoding, bom = decode(raw)
    data = text.encode("utf-8", "surrogatepass")
    return _Read(encoding, bom, data, scan(data, fmt))


def records_of(read: _Read) -> list[tuple[Segment, str | None]]:
    """The segments that are records (see the module), each with its source text (a
    target's unit's source, as written; None otherwise)."""
    segments = read.segments
    if any(s.role == "seg" for s in segments):
        return [(s, None) for s in segments if s.end > s.start]
    sources = {s.unit: s for s in segments if s.role == "source"}
    targets = [s for s in segments if s.role == "target" and s.end > s.start]
    if not any(s.role == "target" for s in segments):  # a template: its sources
        return [(s, None) for s in segments if s.role == "source" and s.end > s.start]
    return [(t, read.data[sources[t.unit].start : sources[t.unit].end].decode("utf-8", "surrogatepass")
             if t.unit in sources else None) for t in targets]


class _Positions:
    """(line, column) of byte offsets of UTF-8 ``data``, asked in increasing order
    (earlier offsets are recounted from the start): lines end at LF."""

    def __init__(self, data: bytes):
        self.data = data
        self.at, self.line, self.column = 0, 1, 1

    def __call__(self, offset: int) -> tuple[int, int]:
        if offset < self.at:
            self.at, self.line, self.column = 0, 1, 1
        chunk = self.data[self.at : offset].decode("utf-8", "surrogatepass")
        newlines = chunk.count("\n")
        if newlines:
            self.line += newlines
            self.column = len(chunk) - chunk.rfind("\n")
        else:
            self.column += len(chunk)
        self.at = offset
        return self.line, self.column


class XliffReader(RecordReader):
    """XLIFF 1.2 and 2.x files (see the module); ``source_files``: fixed with ``--fix``."""

    format = "xliff"
    suffixes = (".xlf", ".xliff")
    writable = True  # in place only (``rewrite``), never an output format of another file's records
    source_files = True

    def numbered_documents(self, source: Source, config) -> Iterator[tuple[int | None, "XliffDocument | ReadProblem"]]:
        try:
            read = _read(source.path, self.format)
        except FileProblem as exc:
            yield None, ReadProblem("malformed", str(exc))
            return
        except Undecodable as exc:
            yield None, ReadProblem("undecodable", str(exc))
            return
        except OSError as exc:
            yield None, ReadProblem("unreadable", f"cannot read file: {exc.strerror or exc}")
            return
        position = _Positions(read.data)
        override = getattr(source, "language", None)
        records = []
        for number, (seg, source_text) in enumerate(records_of(read), 1):
            text = read.data[seg.start : seg.end].decode("utf-8", "surrogatepass")
            records.append((Record(number, seg.name, text), seg, source_text, position(seg.start)))
        by_number = {rec.number: (seg, source_text, place) for rec, seg, source_text, place in records}
        # (``unique_records``: a repeated name gets "@<number>", as any record reader's)
        for number, doc in unique_records(source.display, (r[0] for r in records), True):
            if isinstance(doc, ReadProblem):
                yield number, doc
                continue
            seg, source_text, (line, column) = by_number[number]
            language = self._language(seg, override)
            yield number, XliffDocument(source.display, number, doc.record, doc.text, language, line, column,
                                        source_text, seg.role)

    def _language(self, seg: Segment, override: str | None) -> str | None:
        """A target's language: ``per-file-language`` first (as a .po file's), else declared."""
        return override or header_language(seg.language)

    def records(self, path: str, options: ReaderOptions):
        raise NotImplementedError("XliffReader gives XliffDocuments: numbered_documents")

    def rows(self, path: str, options: ReaderOptions) -> Iterator[tuple[int, dict]]:
        """(number, {"text", "source", "language", "record"}) of every record, texts as written."""
        read = _read(path, self.format)
        for number, (seg, source_text) in enumerate(records_of(read), 1):
            yield number, {"text": read.data[seg.start : seg.end].decode("utf-8", "surrogatepass"),
                           "source": source_text, "language": seg.language, "record": seg.name}

    def rewrite(self, path: str, out, like: str, keep: Callable[[int], bool],
                texts: Mapping[int, str], options: ReaderOptions) -> int:
        """Copy ``path`` to the binary file ``out`` with ``texts[number]`` as the content of
        record ``number``; every other byte as it was (encoding, byte-order mark). Raises
        ValueError when ``keep`` rejects a record (a record is not left out of its file), when
        ``like`` is another format's file, or when the result would not read back to the same
        records with the fixed texts and each record's markup unchanged."""
        if not like.lower().endswith(self.suffixes):
            raise ValueError(f"{like}: a {self.format} file is only rewritten in place (check --fix)")
        read = _read(path, self.format)
        records = records_of(read)
        if not all(keep(n) for n in range(1, len(records) + 1)):
            raise ValueError(f"the records of a {self.format} file cannot be left out")
        pieces, at = [], 0
        for number, (seg, _) in enumerate(records, 1):
            if number in texts:
                pieces += [read.data[at : seg.start], texts[number].encode("utf-8", "surrogatepass")]
                at = seg.end
        pieces.append(read.data[at:])
        data = b"".join(pieces)
        try:
            after = records_of(_Read(read.encoding, read.bom, data, scan(data, self.format)))
        except FileProblem as exc:
            raise ValueError(f"the fixed file would not parse: {exc}") from None
        if len(after) != len(records):
            raise ValueError("the fixed file would not have the same records")
        for number, ((old, _), (new, _)) in enumerate(zip(records, after), 1):
            before = read.data[old.start : old.end].decode("utf-8", "surrogatepass")
            now = data[new.start : new.end].decode("utf-8", "surrogatepass")
            if (old.name, old.language, old.role) != (new.name, new.language, new.role) or \
                    now != texts.get(number, before) or _markup(before) != _markup(now):
                raise ValueError(f"record {old.name}: the fixed file would not read back as fixed")
        text = data.decode("utf-8", "surrogatepass")
        try:
            encoded = text.encode(read.encoding)
        except UnicodeEncodeError as exc:
            raise ValueError(f"the fixed text cannot be written as {read.encoding}: {exc}") from None
        bom = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
        out.write((bom[read.encoding] if read.bom else b"") + encoded)
        return len(records)


def _markup(text: str) -> list[str] | None:
    """The markup of a record's text, in order (``markup_regions``), for ``rewrite``'s check."""
    regions = markup_regions(text)
    return None if regions is None else [text[r.start : r.end] for r in regions]


class TmxReader(XliffReader):
    """TMX files (see the module): each ``<seg>`` one record in its ``<tuv>``'s language.
    A memory is a data export: fixed with ``--fix --fix-data``."""

    format = "tmx"
    suffixes = (".tmx",)
    source_files = False

    def _language(self, seg: Segment, override: str | None) -> str | None:
        """A segment's own ``xml:lang`` first (a memory holds several languages)."""
        return header_language(seg.language) or override
