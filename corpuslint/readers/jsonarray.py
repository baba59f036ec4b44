"""JSON files holding one array of records (plain or compressed): Alpaca's
``alpaca_data.json``, ShareGPT, LLaMA-Factory's ``data/*.json``, preference data.

The top level is an array of objects, or an object whose first list field holds
objects (``{"version": 2, "data": [...]}``: the records are ``data``). Records are
numbered from 1 in array order. Anything else (``package.json``, ``tsconfig.json``,
a JSON object of settings, JSON with comments) is *not a dataset*: ``claims`` says
so, and the file is treated as before this reader existed: named on the command
line it is F004 (not checked; ``--ignore-unknown`` skips it), matched by an
``include`` glob (``--include '*.json'``) it is read as plain text.

Read in bounded memory: the file is decoded as UTF-8 chunk by chunk and each item
parsed with the standard library's C decoder (``json.JSONDecoder.raw_decode``) from
a buffer that holds the current item and at most one chunk more, so memory follows
the largest record, never the file. (ijson streams as well, but gives no positions:
the positions are what lets ``--fix`` keep every untouched byte.)

A UTF-8 byte-order mark before the array is read past and reported (W110 on record 1:
``json.load`` fails on it); a rewrite keeps it where it was.

A record that is not an object is one F005; a syntax error or a file cut short is
one F005 saying where (line and column of the file) after the records before it,
which are checked: a JSON array cannot be resumed after a syntax error.

``--fix --fix-data`` rewrites the file atomically (``write_dataset``): every byte
outside the fixed records is copied as it was (indentation, separators, key order,
escapes, the other records). A fixed record is written back in its own layout when
``json.dumps`` reproduces it (indent 2/4/tab or none, ``ensure_ascii`` or not, the
separators), so only its text fields change; otherwise that record alone is
re-serialised losslessly as to values (``indent`` of its own nesting, keys in order;
a number written ``1e5`` becomes ``100000.0``).
"""

from __future__ import annotations

import io
import json
from typing import Callable, Iterator, Mapping

from .base import RecordReader, ReaderOptions, file_plan, has_text_field, mark_bom, set_text
from .compression import COMPRESSIONS, open_read, open_write
from .jsonl import object_records

CHUNK = 1 << 20  # characters decoded per read
_WS = " \t\n\r"
_DECODER = json.JSONDecoder()


class NotADataset(Exception):
    """The file's top level is not an array of records (nor an object holding one)."""


class _Item:
    __slots__ = ("number", "sep", "text", "obj", "problem", "line", "column")

    def __init__(self, number, sep, text, obj, problem=None, line=1, column=1):
        self.number, self.sep, self.text, self.obj = number, sep, text, obj
        self.problem, self.line, self.column = problem, line, column


class _Scanner:
    """Events of one JSON file: ``str`` (text to copy as it is: what precedes the
    records' list, up to and including the whitespace after its ``[``; what follows
    the last record) and ``_Item`` (one record: the separator before it, its text
    when ``keep_text``, the parsed value or the problem)."""

    def __init__(self, fh, keep_text: bool, chunk: int = CHUNK):
        self.fh, self.keep_text, self.chunk = fh, keep_text, chunk
        self.buf, self.pos, self.eof = "", 0, False
        self.dropped_lines = 0  # newlines in the text dropped from the buffer's front
        self.dropped = 0  # characters dropped

    # -- buffer ------------------------------------------------------------------------
    def more(self, at_least: int = 0) -> bool:
        """Read another chunk (or ``at_least`` characters): False at the end of the file."""
        if self.eof:
            return False
        data = self.fh.read(max(self.chunk, at_least))
        if not data:
            self.eof = True
            return False
        if self.pos > self.chunk:  # forget what was read before the current position
            self.dropped_lines += self.buf.count("\n", 0, self.pos)
            self.dropped += self.pos
            self.buf = self.buf[self.pos:]
            self.pos = 0
        self.buf += data
        return True

    def take(self, end: int) -> str:
        """The text from the position to ``end``, now consumed."""
        text = self.buf[self.pos:end]
        self.pos = end
        return text

    def skip_ws(self) -> str:
        """Consume whitespace (reading on as needed); returns it."""
        out = []
        while True:
            start = self.pos
            n = len(self.buf)
            pos = start
            while pos < n and self.buf[pos] in _WS:
                pos += 1
            out.append(self.take(pos))
            if pos < n or not self.more():
                return "".join(out)

    def peek(self) -> str:
        """The character at the position ("" at the end of the file)."""
        if self.pos >= len(self.buf) and not self.more():
            return ""
        return self.buf[self.pos]

    def where(self, pos: int | None = None) -> tuple[int, int]:
        """(line, column) in the file of buffer position ``pos``."""
        pos = self.pos if pos is None else pos
        line = self.dropped_lines + self.buf.count("\n", 0, pos) + 1
        start = self.buf.rfind("\n", 0, pos) + 1
        return line, pos - start + 1

    def next_char(self) -> str:
        """The first non-whitespace character after the one at the position, not
        consumed ("" at the end of the file)."""
        i = self.pos + 1
        while True:
            n = len(self.buf)
            while i < n and self.buf[i] in _WS:
                i += 1
            if i < n:
                return self.buf[i]
            offset = i - self.pos
            if not self.more():
                return ""
            i = self.pos + offset

    def value(self) -> tuple[object, str]:
        """Parse the JSON value at the position: (value, its text, or "" without
        ``keep_text``); raises ``ValueError(why, line, column)`` for a syntax error or
        a file that ends inside the value."""
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                # an error near the buffer's end, or an unterminated string (reported at its
                # start), may be the buffer cut short: read on, unless the file has ended
                near_end = exc.pos >= len(self.buf) - 16 or exc.msg.startswith("Unterminated string")
                if near_end and self.more(len(self.buf) - self.pos):
                    continue
                line, column = self.where(exc.pos)
                left = self.buf[exc.pos:].rstrip()  # (the file has ended: was the value cut short?)
                if near_end and (exc.msg.startswith("Unterminated string") or not left
                                 or any(w.startswith(left) for w in ("true", "false", "null"))):
                    raise ValueError(f"the file ends inside it (truncated JSON; it starts at line "
                                     f"{self.where()[0]})", line, column) from None
                raise ValueError(f"invalid JSON: {exc.msg} at line {line}, column {column} of the file",
                                 line, column) from None
            except RecursionError:
                line, column = self.where()
                raise ValueError(f"invalid JSON: nested too deeply (at line {line} of the file)", line,
                                 column) from None
            if end >= len(self.buf) and self.more(len(self.buf) - self.pos):  # a number cut short?
                continue
            if self.keep_text:
                return obj, self.take(end)
            self.pos = end
            return obj, ""

    def rest(self) -> Iterator[str]:
        """The rest of the file, as it is."""
        yield self.take(len(self.buf))
        while self.more():
            yield self.take(len(self.buf))

    # -- structure ------------------------------------------------------------------------
    def events(self) -> Iterator["str | _Item"]:
        lead = self.skip_ws()
        if self.peek() == "\ufeff":  # a byte-order mark, kept as it was (W110: ``JsonReader.records``)
            self.bom = True
            lead += self.take(self.pos + 1) + self.skip_ws()
        first = self.peek()
        if first == "[":
            yield lead + self.take(self.pos + 1)
            yield from self.items()
            if self.broken:
                return
            tail = self.take(self.pos + 1) + self.skip_ws()  # "]" and the whitespace after it
            yield tail
            if self.peek():
                line, column = self.where()
                yield _Item(0, "", "", None, f"text after the array's closing ']' (line {line}, column {column} "
                            "of the file) is not read", line, column)
                yield from self.rest()
            return
        if first != "{":
            kind = {"": "empty", '"': "a JSON string", "/": "JSON with comments (not JSON)"}.get(
                first, "a JSON number or literal" if first in "-0123456789tfn" else "not JSON")
            raise NotADataset(f"its top level is {kind}, not an array of records")
        head = [lead, self.take(self.pos + 1)]
        keys: list[str] = []
        while True:
            head.append(self.skip_ws())
            if self.peek() != '"':
                raise NotADataset("it is a JSON object without a list of objects (" + (
                    f"fields: {', '.join(keys[:12])}" if keys else "no fields") + "), not an array of records")
            try:
                key, text = self.value()
            except ValueError:
                raise NotADataset("it is not valid JSON") from None
            keys.append(key)
            head.append(text)
            head.append(self.skip_ws())
            if self.peek() != ":":
                raise NotADataset("it is not valid JSON")
            head.append(self.take(self.pos + 1))
            head.append(self.skip_ws())
            if self.peek() == "[" and self.next_char() == "{":  # the records
                self.wrapper = key
                yield "".join(head) + self.take(self.pos + 1)
                yield from self.items()
                if not self.broken:
                    yield from self.rest()
                return
            try:
                _, text = self.value()
            except ValueError:
                raise NotADataset("it is not valid JSON") from None
            head.append(text)
            head.append(self.skip_ws())
            if self.peek() != ",":
                raise NotADataset("it is a JSON object without a list of objects (fields: "
                                  f"{', '.join(keys[:12])}), not an array of records")
            head.append(self.take(self.pos + 1))
            if not self.keep_text:
                head = []

    broken = False  # a record could not be read: the rest of the file is not
    bom = False  # the file starts with a UTF-8 byte-order mark
    wrapper: str | None = None  # the field of the top-level object holding the records

    def items(self) -> Iterator["str | _Item"]:
        """The whitespace after the list's ``[`` (consumed before), its items, and the
        whitespace before its ``]`` (left unconsumed)."""
        yield self.skip_ws()
        if self.peek() == "]":
            return
        number = 0
        sep = ""
        while True:
            number += 1
            start = self.dropped + self.pos  # (where() counts lines: only for a problem)
            try:
                obj, text = self.value()
            except ValueError as exc:
                why, line, column = exc.args
                self.broken = True
                yield _Item(number, sep, "", None, f"record {number} cannot be read: {why}; the records after it "
                                                   "are not read", line, column)
                return
            line = column = 1
            problem = None
            if not isinstance(obj, dict):
                line, column = self.where(start - self.dropped)
                problem = f"record is a JSON {_kind(obj)}, not an object (line {line} of the file)"
            yield _Item(number, sep, text, obj, problem, line, column)
            gap = self.skip_ws()
            c = self.peek()
            if c == ",":
                sep = gap + self.take(self.pos + 1) + self.skip_ws()
                continue
            if c == "]":
                yield gap
                return
            line, column = self.where()
            self.broken = True
            yield _Item(0, "", "", None, (
                "the file ends before the array's closing ']'" if not c else
                f"expected ',' or ']' after record {number} at line {line}, column {column} of the file; "
                "the records after it are not read"), line, column)
            return


def _kind(value) -> str:
    return {str: "string", list: "array", int: "number", float: "number", bool: "true/false",
            type(None): "null"}.get(type(value), type(value).__name__)


def _text_stream(path: str):
    return io.TextIOWrapper(open_read(path), encoding="utf-8", newline="")


class JsonReader(RecordReader):
    format = "json"
    suffixes = (".json",) + tuple(".json" + c for c in COMPRESSIONS)
    writable = True
    walk = False  # package.json, tsconfig.json...: read when named or included, never found by a walk

    def claims(self, path: str, options: ReaderOptions) -> str | None:
        """None when ``path`` holds an array of records (or cannot be read: the reader
        reports that), else why it is not a dataset. A top-level array is a dataset; an
        object's list of objects is one when its first record has (one of) the text
        field(s): ``package.json``'s ``contributors`` are not records."""
        try:
            with _text_stream(path) as fh:
                scanner = _Scanner(fh, keep_text=False, chunk=1 << 16)
                for event in scanner.events():
                    if isinstance(event, _Item):
                        if scanner.wrapper is None or event.obj is None or has_text_field(event.obj, options):
                            return None
                        return (f"it is a JSON object whose list {scanner.wrapper!r} holds objects without "
                                f"the text field ({', '.join(map(repr, options.fields))}; fields: "
                                f"{', '.join(list(event.obj)[:12])}): set --text-field if they are records")
            return None
        except NotADataset as exc:
            return str(exc)
        except (OSError, ValueError, EOFError):
            return None

    def _items(self, path: str, keep_text: bool = False) -> Iterator["str | _Item"]:
        with _text_stream(path) as fh:
            yield from _Scanner(fh, keep_text).events()

    def _parsed(self, path: str, marked: "list | None" = None) -> Iterator[tuple[int, "dict | None", "str | None", int]]:
        """(number, object, problem, column) of the records; ``marked`` gets True when the
        file starts with a UTF-8 byte-order mark (the scanner keeps it in the text before
        the records' list)."""
        from .base import FileProblem

        try:
            with _text_stream(path) as fh:
                scanner = _Scanner(fh, False)
                for event in scanner.events():
                    if not isinstance(event, _Item):
                        continue
                    if scanner.bom and marked is not None:
                        marked.append(True)  # (read before the first record)
                        marked = None
                    if not event.number:  # the file's own problem, after its records
                        raise FileProblem(event.problem)
                    yield event.number, event.obj, event.problem, 1  # (where: in the problem's text)
        except NotADataset as exc:
            raise FileProblem(f"not checked: {exc}") from None

    def records(self, path: str, options: ReaderOptions):
        marked: list = []  # a UTF-8 byte-order mark before the array: W110 on record 1 (``mark_bom``)
        return mark_bom(object_records(self._parsed(path, marked), options, "json", file_plan(self, path, options)),
                        marked, "json")

    def rows(self, path: str, options: ReaderOptions) -> Iterator[tuple[int, dict]]:
        for number, obj, problem, _ in self._parsed(path):
            if problem is None:
                yield number, obj

    def rewrite(self, path: str, out, like: str, keep: Callable[[int], bool],
                texts: Mapping[int, "str | dict"], options: ReaderOptions) -> int:
        """Copy ``path`` to the binary file ``out`` (compressed as ``like`` says): every
        byte as it was, except records ``keep`` rejects (left out, with the separator
        before them) and records in ``texts`` (their text fields replaced, the record
        written in its own layout). A file with a record that cannot be read is not
        rewritten (``ValueError``). Returns the records written."""
        written = 0
        with open_write(out, like) as raw:
            sink = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            for event in self._items(path, keep_text=True):
                if isinstance(event, str):
                    sink.write(event)
                    continue
                if event.obj is None:
                    raise ValueError(f"record {event.number}: {event.problem}" if event.number else event.problem)
                if not keep(event.number):
                    continue
                text = event.text
                if event.number in texts:
                    text = _replace_text(text, event.obj, options.text_field, texts[event.number])
                sink.write(event.sep if written else "")
                sink.write(text)
                written += 1
            sink.flush()
            sink.detach()
        return written


def _replace_text(original: str, obj, field, value) -> str:
    """The record ``original`` (parsed: ``obj``) with its text fields replaced, in the
    layout it was written in when ``json.dumps`` reproduces it, else indented as it
    was at its first nested line."""
    indent, nested = _layout(original)
    styles = [(a, ind, sep) for a in ((True, False) if original.isascii() else (False, True))
              for ind in dict.fromkeys((indent, None, 2, 4, "\t"))
              for sep in ((",", ": ") if ind is not None else (", ", ": "), (",", ":"))]
    style = next((s for s in styles if _dump(obj, *s, nested) == original), None)
    fixed = json.loads(original)  # a copy to change
    set_text(fixed, field, value)
    if style is None:
        return _dump(fixed, original.isascii(), indent, (",", ": ") if indent is not None else None, nested)
    return _dump(fixed, *style, nested)


def _layout(text: str) -> tuple["int | str | None", str]:
    """(indent unit, the whitespace that starts the record's closing line) of a record's
    text: ``{\\n    "a": 1\\n  }`` -> (2, "  ")."""
    if "\n" not in text:
        return None, ""
    lines = text.split("\n")
    closing = lines[-1][: len(lines[-1]) - len(lines[-1].lstrip(" \t"))]
    second = lines[1][: len(lines[1]) - len(lines[1].lstrip(" \t"))]
    unit = second[len(closing):] if second.startswith(closing) else second
    if not unit:
        return None, closing
    return ("\t" if set(unit) == {"\t"} else len(unit)), closing


def _dump(obj, ensure_ascii: bool, indent, separators, nested: str) -> str:
    text = json.dumps(obj, ensure_ascii=ensure_ascii, indent=indent, separators=separators)
    return text.replace("\n", "\n" + nested) if nested else text


def write_rows(rows, out, like: str) -> int:
    """Write dict rows as one JSON array (UTF-8, a record a line) to ``out`` compressed as ``like``."""
    n = 0
    with open_write(out, like) as sink:
        sink.write(b"[")
        for row in rows:
            sink.write(((",\n" if n else "\n") + json.dumps(row, ensure_ascii=False, default=str)).encode("utf-8"))
            n += 1
        sink.write(b"\n]\n")
    return n
