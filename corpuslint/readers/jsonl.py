"""JSON Lines / NDJSON, plain or compressed (.gz, .bz2, .xz, .zst): one record a line.

Read line by line through a streaming decompressor. The record number is the line
number (so ``sed -n 17p`` or ``zcat | sed -n 17p`` shows record 17); blank lines are
not records. Rewriting keeps every untouched line byte for byte and changes only the
text field of fixed records (same separators and ASCII escaping as the line had).
A UTF-8 byte-order mark before the first record (Notepad's "UTF-8 with BOM") is read
past and reported (W110: ``json.loads`` of that line fails, so a loader drops or stops
at record 1); rewriting keeps it where it was.
"""

from __future__ import annotations

import dataclasses
import json
from array import array
from typing import Callable, Iterator, Mapping

from .base import (FileProblem, Record, RecordPlan, RecordReader, ReaderOptions, file_plan, get_field,
                   has_text_field, mark_bom, none_of, record_id, record_texts, set_text, top_field)
from .compression import COMPRESSIONS, open_read, open_write

BASE_SUFFIXES = (".jsonl", ".ndjson")
BOM = b"\xef\xbb\xbf"


class JsonlReader(RecordReader):
    format = "jsonl"
    suffixes = BASE_SUFFIXES + tuple(b + c for b in BASE_SUFFIXES for c in COMPRESSIONS)
    writable = True

    def _lines(self, path: str) -> Iterator[tuple[int, bytes]]:
        with open_read(path) as fh:
            for number, raw in enumerate(fh, 1):
                yield number, raw

    def _unmarked(self, path: str, marked: list) -> Iterator[tuple[int, bytes]]:
        """``_lines`` with the first line's UTF-8 BOM left out (``marked`` gets True)."""
        for number, raw in self._lines(path):
            if number == 1 and raw.startswith(BOM):
                raw = raw[len(BOM):]
                marked.append(True)
            yield number, raw

    def records(self, path: str, options: ReaderOptions) -> Iterator[Record]:
        marked: list = []
        yield from mark_bom(object_records(((n, *_parse(raw)) for n, raw in self._unmarked(path, marked)
                                            if raw.strip()), options, "jsonl", file_plan(self, path, options)),
                            marked, "jsonl")

    def rows(self, path: str, options: ReaderOptions) -> Iterator[tuple[int, dict]]:
        for number, raw in self._unmarked(path, []):
            if raw.strip():
                obj, problem, _ = _parse(raw)
                if problem is None:
                    yield number, obj

    def rewrite(self, path: str, out, like: str, keep: Callable[[int], bool],
                texts: Mapping[int, "str | dict[int, str]"], options: ReaderOptions) -> int:
        """Copy ``path`` to the binary file ``out`` (compressed as ``like`` says): records
        whose number ``keep`` rejects are left out, ``texts[number]`` replaces a
        record's text field. Returns the number of records written."""
        written = 0
        with open_write(out, like) as sink:
            for number, raw in self._lines(path):
                if not raw.strip():
                    sink.write(raw)
                    continue
                if not keep(number):
                    continue
                written += 1
                if number in texts:
                    raw = _replace_text(raw, options.text_field, texts[number])
                sink.write(raw)
        return written


# The turn paths of the usual chat formats, by the list field a record holds: OpenAI/HF
# ``messages`` and ShareGPT ``conversations``; named in the F005 of a file without its
# text field, so a chat file's user learns the path (README: Chat records).
CHAT_TURN_PATHS = (("messages", "messages[*].content"), ("conversations", "conversations[*].value"))


def object_records(parsed: Iterator[tuple[int, "dict | None", "str | None", int]], options: ReaderOptions,
                   fmt: str, plan: RecordPlan = RecordPlan()) -> Iterator[Record]:
    """Records of parsed JSON objects ``(number, object or None, problem, column)``
    (JSON Lines lines, JSON array items). Until one has the text field, records
    without it are held back (their numbers only): if none has it, the file is one F005
    naming the fields it does have (a file of something else, or a wrong
    ``text-field``), not one finding per record. With several text fields a record
    lacking some is read for the others, one lacking all is one F005 (``none_of``); a
    field no record of the file has is no problem (``ReaderOptions.text_field``)."""
    field = top_field(options.text_field) if not options.several else None
    extras = None if plan.plain else plan.extras  # (``RecordPlan``: messages, what else D107 compares)
    seen_field = False
    held = array("q")  # numbers of records without the field, before any had it
    fields: list[str] = []
    for number, obj, problem, column in parsed:
        if problem is not None:
            yield Record(number, number, None, problem, column)
            continue
        rid = record_id(get_field(obj, options.id_field), number) if options.id_field else number
        if not seen_field and not has_text_field(obj, options):
            held.append(number)
            fields = fields or list(obj)
            continue
        if not seen_field:
            seen_field = True
            for n in held:
                yield Record(n, n, None, f"record has no field {field!r}" if field is not None else none_of(options))
            held = array("q")
        if extras is None:
            yield from record_texts(number, rid, obj, options)
        else:
            more = extras(obj)
            for rec in record_texts(number, rid, obj, options):
                yield dataclasses.replace(rec, **more) if more and rec.problem is None else rec
    where = f"set --text-field or [tool.corpuslint.readers.{fmt}]"
    chat = [path for key, path in CHAT_TURN_PATHS if key in fields]
    if chat:  # a chat file: name its turn path
        where = f"for its chat turns set --text-field '{chat[0]}' or [tool.corpuslint.readers.{fmt}]"
    if held:
        what = f"a field {field!r}" if field is not None else f"any of the fields {', '.join(map(repr, options.fields))}"
        raise FileProblem(f"no record has {what} ({len(held)} records; fields: {', '.join(fields[:12])}); {where}")


def _parse(raw: bytes) -> tuple[dict | None, str | None, int]:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"invalid UTF-8 at byte {exc.start} of the line: {exc.reason}", 1
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON: {exc.msg} (column {exc.colno})", exc.colno
    if not isinstance(obj, dict):
        return None, f"record is a JSON {type(obj).__name__}, not an object", 1
    return obj, None, 1


def _replace_text(raw: bytes, field: str, text: str) -> bytes:
    if raw.startswith(BOM):  # the first line's byte-order mark stays where it was
        return BOM + _replace_text(raw[len(BOM):], field, text)
    body = raw.rstrip(b"\r\n")
    ending = raw[len(body):]
    obj = json.loads(body)
    original = body.decode("utf-8")
    # write the line in the style it was written in: compact or ", "/": " separators, and
    # \u-escaped or raw non-ASCII (a raw DEL is ASCII but ensure_ascii escapes it, so the
    # style is the one that reproduces the line, not a guess from its bytes)
    ascii_first = body.isascii()
    styles = [(a, sep) for a in (ascii_first, not ascii_first) for sep in ((",", ":"), None)]
    ascii_only, style = next(
        ((a, sep) for a, sep in styles if json.dumps(obj, ensure_ascii=a, separators=sep) == original),
        (ascii_first, None),
    )
    set_text(obj, field, text)
    return json.dumps(obj, ensure_ascii=ascii_only, separators=style).encode("utf-8") + ending


def write_rows(rows, out, like: str) -> int:
    """Write dict rows as JSON Lines (UTF-8, compact) to ``out`` compressed as ``like``."""
    n = 0
    with open_write(out, like) as sink:
        for row in rows:
            sink.write(json.dumps(row, ensure_ascii=False, default=str).encode("utf-8") + b"\n")
            n += 1
    return n


# Data files whose records are no line of text a viewer can open at: compressed JSON Lines,
# Parquet, Arrow (a finding there is placed on the file, its record named in the message).
_BINARY_DATA = tuple(b + c for b in BASE_SUFFIXES for c in COMPRESSIONS) + (".parquet", ".arrow")


class RecordLines:
    """For outputs read by tools that open the data file itself (SARIF, GitHub annotations,
    GitLab code quality, JUnit): the file's 1-based line that holds a finding's record
    (``line``), for a plain JSON Lines file: the record's number when findings name records
    by number, else found by reading the file once for the ``id-field`` and the documents
    the reader makes of a record (a chat record's turns ``#c.2``, several text fields'
    ``#17.output``; ``config``'s options for JSON Lines). ``NO_LINE`` for a record of a compressed JSON Lines, Parquet
    or Arrow file (no text line to point at); None for anything else (a plain file, a
    notebook's cell, a .po string: their own outputs' lines), or a file that cannot be read
    again."""

    NO_LINE = 0
    KEEP = 4  # files held at once (findings come by path)

    def __init__(self, config=None) -> None:
        self.config = config
        self._lines: dict[str, "dict[str, int] | None"] = {}
        self._starts: dict[str, "array | None"] = {}

    def line(self, path: str, record) -> int | None:
        found = self._record(path, record)
        return found[0] if isinstance(found, tuple) else found

    def _record(self, path: str, record) -> "int | tuple[int, int | None, int | None, str | None] | None":
        """``line``'s answer, or for a document of a turn path or of one of several text fields
        (``<record>.<turn>``, ``<record>.<field>``: ``base.record_texts``' names) (its line,
        its turn, its text part, its field)."""
        if record is None:
            return None
        lower = path.lower()
        if lower.endswith(_BINARY_DATA):
            return self.NO_LINE
        if not lower.endswith(BASE_SUFFIXES):
            return None
        from . import options_for

        options = options_for(self.config, "jsonl", path)
        if isinstance(record, int) and options.id_field is None:
            return record  # (a record named by its number: its line)
        lines = self._lines.pop(path, False)
        if lines is False:
            lines = _id_lines(path, options)
            if len(self._lines) >= self.KEEP:
                del self._lines[next(iter(self._lines))]
        self._lines[path] = lines
        return None if lines is None else lines.get(str(record))

    def region(self, f) -> "tuple[int, int, int, int] | None":
        """(line, column, end line, end column) in the file of finding ``f``'s span in a
        record: the columns of the JSON that writes the flagged characters (``\\n`` is two
        characters there, ``\\u00e9`` six), for a plain JSON Lines file: the string of the
        record's text field, or of the turn (its text part) or the field the finding's
        document is (``_text_start``); None for anything else, or when
        that string does not give the finding's own line and column (a record the reader
        read some other way)."""
        places, line = self._places(f.path, f.record)
        if places is None or places.offset(f.line, f.column) != f.start:
            return None
        span = places.span(f.start, f.end)
        return None if span is None else (line, span[0] + 1, line, span[1] + 1)

    def point(self, loc) -> "tuple[int, int] | None":
        """(line, column) in the file of a ``Location`` in a record, as ``region``."""
        places, line = self._places(loc.path, loc.record)
        offset = None if places is None else places.offset(loc.line, loc.column)
        span = None if offset is None else places.span(offset, offset)
        return None if span is None else (line, span[0] + 1)

    def _places(self, path: str, record):
        """(``CellPlaces`` of the JSON string in its line of the file that is the record's
        text: its text field, a turn's of a turn path, a text part's of a turn's content
        list), else (None, None)."""
        found = self._record(path, record)
        if not found:
            return None, None
        line, turn, part, field = found if isinstance(found, tuple) else (found, None, None, None)
        from . import options_for
        from .notebook import CellPlaces, _string_places

        field = field or options_for(self.config, "jsonl", path).text_field
        raw = self._raw_line(path, line) if isinstance(field, str) else None
        if raw is None:
            return None, None
        try:
            text = raw.decode("utf-8")
            text = text[1:] if line == 1 and text.startswith("\ufeff") else text  # (no column, as in every output)
            start = _text_start(text, field, turn, part)
            if start is not None:
                chars: list[str] = []
                starts: list[int] = []
                ends: list[int] = []
                _string_places(text, start, chars, starts, ends)
                return CellPlaces("".join(chars), starts, ends, start + 1), line
        except (UnicodeDecodeError, ValueError, IndexError, RecursionError):
            pass
        return None, None

    def _raw_line(self, path: str, line: int) -> "bytes | None":
        """The bytes of 1-based ``line`` of the file at ``path`` (the offsets of its lines
        found once, ``KEEP`` files held), None when it cannot be read."""
        starts = self._starts.pop(path, False)
        if starts is False:
            starts = _line_starts(path)
            if len(self._starts) >= self.KEEP:
                del self._starts[next(iter(self._starts))]
        self._starts[path] = starts
        if starts is None or not 1 <= line <= len(starts):
            return None
        try:
            with open(path, "rb") as fh:
                fh.seek(starts[line - 1])
                return fh.readline()
        except OSError:
            return None


def _line_starts(path: str) -> "array | None":
    """The byte offset of each line of the file at ``path`` (int64), None when it cannot be read."""
    out = array("q")
    try:
        with open(path, "rb") as fh:
            pos = 0
            for raw in fh:
                out.append(pos)
                pos += len(raw)
    except OSError:
        return None
    return out


def _id_lines(path: str, options: ReaderOptions) -> "dict[str, int | tuple] | None":
    """{str(document key): its line} of the JSON Lines file at ``path`` (the first line of a
    key); with a turn path or several text fields, {key: (line, turn, part, field)} of each
    document the reader makes of a line (``record_texts``, ``RecordLines._record``)."""
    from .base import record_id, turn_path

    whole = not options.several and turn_path(options.text_field) is None
    out: dict = {}
    try:
        with open(path, "rb") as fh:
            for number, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                obj, problem, _ = _parse(raw[len(BOM):] if number == 1 and raw.startswith(BOM) else raw)
                rid = (number if problem is not None or options.id_field is None
                       else record_id(get_field(obj, options.id_field), number))
                if whole or problem is not None:
                    out.setdefault(str(rid), number)
                    continue
                for rec in record_texts(number, rid, obj, options):
                    out.setdefault(str(rec.record), (number, rec.turn, rec.part, rec.field))
    except OSError:
        return None
    return out


def _text_start(text: str, field: str, turn: "int | None", part: "int | None") -> "int | None":
    """Where the JSON string of a document's text opens in ``text``, a JSON Lines line (its
    object at the first non-blank): the value of ``field`` (``get_field``'s), or of a turn
    path's ``turn`` (1-based) and that turn's text ``part`` (0-based); None when it is no
    string there."""
    from .base import PART_TEXT, turn_path
    from .notebook import _skip_ws

    pos = _skip_ws(text, 0)
    turns = turn_path(field)
    if turns is None:
        pos = _field_start(text, pos, field)
    else:
        pos = _item_start(text, _field_start(text, pos, turns[0]), turn)
        if pos is not None and turns[1] is not None:
            pos = _field_start(text, pos, turns[1])
        if pos is not None and part is not None:
            pos = _field_start(text, _item_start(text, pos, part + 1), PART_TEXT)
    return pos if pos is not None and text[pos] == '"' else None


def _field_start(text: str, pos: "int | None", dotted: str) -> "int | None":
    """Where the value of field ``dotted`` of the JSON object at ``pos`` starts, found as
    ``get_field`` finds it (the key itself, else ``a.b.c`` through nested objects); None
    when there is none (the last of a repeated key, as ``json.loads`` keeps)."""
    from .notebook import _members

    def members(at: "int | None") -> dict[str, int]:
        return {} if at is None or text[at] != "{" else {key: start for key, start, _ in _members(text, at)}

    found = members(pos)
    if dotted in found:
        return found[dotted]
    keys = dotted.split(".")
    for i, key in enumerate(keys):
        if key not in found:
            return None
        pos = found[key]
        if i + 1 < len(keys):
            found = members(pos)
    return pos


def _item_start(text: str, pos: "int | None", item: "int | None") -> "int | None":
    """Where the 1-based ``item`` of the JSON list at ``pos`` starts, else None."""
    from .notebook import _DECODER, _list_items

    if pos is None or item is None or text[pos] != "[":
        return None
    _, end = _DECODER.raw_decode(text, pos)
    items = _list_items(text[pos:end])
    return pos + items[item - 1][0] if 1 <= item <= len(items) else None
