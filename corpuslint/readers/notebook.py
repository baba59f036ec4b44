"""Jupyter notebooks (.ipynb, nbformat 4): one document a cell, outputs never read.

A notebook is a project's source file (like a .po catalogue): its folder walk finds it
(``walk``), ``check --fix`` rewrites it without ``--fix-data`` (``source_files``).

* A **markdown** cell is read as a Markdown file is (``suffix`` ".md": markdown-it-py
  regions; its code spans and fenced blocks are code, its HTML is html).
* A **code** cell is one ``code`` region from start to end, as a fenced block of a
  Markdown file is: only the rules that check code regions (trailing whitespace,
  invisible and bidi characters, ...) report there. Its outputs (HTML tables, images,
  tracebacks, printed text) are never read: they are what the code printed, not what
  was written.
* A **raw** cell (text nbconvert passes through untouched: reST, LaTeX, HTML) is
  skipped: its format is the cell's ``raw_mimetype``, not prose to lint.

Locations (as ruff shows them): the record is ``cell N`` (1-based, counting every cell
of the notebook, raw cells too, as Jupyter numbers them), line and column are inside
the cell's source: the text report reads ``nb.ipynb:cell 3:2:5: W101 ...``; the JSON
report has ``"record": "cell 3"`` and line/column inside that cell (ruff's JSON: a
``cell`` and cell-relative lines). SARIF, read by tools that open the .ipynb file itself,
has the file's line and column of the JSON writing the flagged characters
(``NotebookPlaces``), the cell a logical location ``#cell 3``. ``Document.path`` (the engine's key) is
``nb.ipynb#cell 3``.

A file that is not UTF-8 JSON, or not nbformat 4 (an nbformat 3 notebook has
``worksheets``: convert it with ``jupyter nbconvert --to notebook``), is one F005
finding for the file; a cell without a string (or list of strings) ``source`` is one
F005 finding for that cell; the other cells are read.

Fixes (``--fix``) replace only the ``source`` values of the fixed cells, written as
they were (a list of lines, one JSON string a line with the same indentation, or one
string; non-ASCII as it was escaped or not). Every other byte is copied as it was; the
result must parse back to the same notebook with only those sources changed, else
nothing is written.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from typing import Callable, Iterator, Mapping

from ..files import ReadProblem, Source
from ..structure import CODE, NOTEBOOK_CELL, Region
from .base import FileProblem, ReaderOptions, RecordDocument, RecordReader
from ..text.lazy_regex import lazy_re

CELL = "cell "  # a cell's record: "cell 3" (``findings.where`` shows it without ``#``)
_DECODER = json.JSONDecoder()
_WS = " \t\n\r"
_NON_ASCII_ESCAPE_RE = lazy_re(r"\\u(?!00[0-7][0-9a-fA-F])[0-9a-fA-F]{4}")


def cell_record(number: int) -> str:
    return f"{CELL}{number}"


class NotebookCell(RecordDocument):
    """One cell's source. ``cell_type``: "markdown" (read as Markdown) or "code" (one
    ``code`` region); ``number``: its 1-based place in the notebook."""

    def __init__(self, file: str, number: int, text: str, cell_type: str = "markdown", language: str | None = None):
        super().__init__(file, number, cell_record(number), text, language,
                         "markdown" if cell_type == "markdown" else "plain")
        self.cell_type = cell_type

    @cached_property
    def content_hash(self) -> str:
        plain = RecordDocument.content_hash.func(self)
        return plain if self.cell_type == "markdown" else f"{plain}:{self.cell_type}"

    @cached_property
    def kinds(self) -> frozenset[str]:
        return frozenset({NOTEBOOK_CELL})  # (``structure.NOTEBOOK_CELL``)

    @cached_property
    def regions(self) -> list[Region]:
        if self.cell_type == "markdown":
            return math_regions(self.text, RecordDocument.regions.func(self))
        return [Region(0, len(self.text), CODE)] if self.text else []

    @cached_property
    def quotes_code(self) -> bool:
        return False  # (a code cell is all code: no prose around it to distrust)

    def with_text(self, text: str) -> "NotebookCell":
        return NotebookCell(self.file, self.number, text, self.cell_type, self.language)

    def __reduce__(self):
        return (NotebookCell, (self.file, self.number, self.text, self.cell_type, self.language))


# Math in a markdown cell, as Jupyter's MathJax reads it: ``$$..$$``, ``\\[..\\]``,
# ``\\(..\\)``, a LaTeX environment, ``$..$`` on one line (not ``$ `` opening nor `` $`` closing)
_MATH_RE = lazy_re(r"\$\$.+?\$\$|\\\[.*?\\\]|\\\(.*?\\\)|\\begin\{([a-z]+\*?)\}.*?\\end\{\1\}"
                   r"|(?<![\\$])\$(?=[^\s$])[^$\n]*?(?<=[^\s\\])\$(?!\d)", re.DOTALL)
_MATH_TRIGGER = ("$", "\\[", "\\(", "\\begin")


def math_regions(text: str, regions: list[Region]) -> list[Region]:
    """``regions`` of a markdown cell with its math (``_MATH_RE``) as ``code``, where the
    math starts in text (prose, heading, table): a formula is no prose to lint
    (``$$ $$`` is not a line of symbols, ``$f(x)  = 1$`` no doubled space)."""
    if not any(t in text for t in _MATH_TRIGGER):
        return regions
    from ..structure import _flatten, outside, TEXT_REGIONS

    starts = [r.start for r in regions]
    painted = [(0, i, r.start, r.end, r.kind) for i, r in enumerate(regions)]
    for m in _MATH_RE.finditer(text):
        if not outside(regions, starts, m.start(), m.start() + 1, TEXT_REGIONS):
            painted.append((1, len(painted), m.start(), m.end(), CODE))
    return _flatten(painted) if len(painted) > len(regions) else regions


def source_text(value) -> str | None:
    """A cell's ``source`` as text (nbformat 4: a string or a list of strings), else None."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "".join(value)
    return None


def load(data: bytes) -> dict:
    """The notebook ``data`` holds (FileProblem when it is not one of nbformat 4)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(f"not a notebook: invalid UTF-8 at byte offset {exc.start}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotJson(exc) from None
    except RecursionError:
        raise FileProblem("not a notebook: JSON nested too deeply") from None
    if not isinstance(obj, dict):
        raise FileProblem(f"not a notebook: the JSON is a {type(obj).__name__}, not an object")
    version = obj.get("nbformat")
    if version != 4:
        hint = (" (nbformat 3: convert it with 'jupyter nbconvert --to notebook')" if version == 3 or "worksheets" in obj
                else "")
        shown = "missing" if version is None else repr(version)
        raise FileProblem(f"not a notebook of nbformat 4: nbformat is {shown}{hint}")
    if not isinstance(obj.get("cells"), list):
        raise FileProblem("not a notebook of nbformat 4: no list of 'cells'")
    return obj


class NotJson(FileProblem):
    def __init__(self, exc: json.JSONDecodeError):
        super().__init__(f"not a notebook: invalid JSON: {exc.msg} (line {exc.lineno} column {exc.colno})")
        self.line, self.column = exc.lineno, exc.colno


class NotebookReader(RecordReader):
    format = "ipynb"
    suffixes = (".ipynb",)
    writable = True  # rewritten in place only (``rewrite``)
    source_files = True  # a project's notebooks: fixed with --fix, like its text files

    def numbered_documents(self, source: Source, config) -> Iterator[tuple[int | None, "NotebookCell | ReadProblem"]]:
        from .. import files

        data = files.read_bytes(source.path)
        if isinstance(data, ReadProblem):
            yield None, data
            return
        try:
            notebook = load(data)
        except NotJson as exc:
            yield None, ReadProblem("malformed", str(exc), exc.line, exc.column)
            return
        except FileProblem as exc:
            yield None, ReadProblem("malformed", str(exc))
            return
        for number, cell in enumerate(notebook["cells"], 1):
            if not isinstance(cell, dict):
                yield number, ReadProblem("malformed", f"cell is {type(cell).__name__}, not an object", 1, 1,
                                          record=cell_record(number))
                continue
            kind = cell.get("cell_type")
            if kind not in ("markdown", "code"):
                continue  # raw cells (and unknown kinds): not text to lint
            text = source_text(cell.get("source"))
            if text is None:
                yield number, ReadProblem("malformed", "cell's 'source' is not a string or a list of strings",
                                          1, 1, record=cell_record(number))
                continue
            yield number, NotebookCell(source.display, number, text, kind, source.language)

    def records(self, path: str, options: ReaderOptions):
        raise NotImplementedError("NotebookReader gives NotebookCells: numbered_documents")

    def rows(self, path: str, options: ReaderOptions) -> Iterator[tuple[int, dict]]:
        """(cell number, {"text", "cell_type"}) of every markdown and code cell."""
        with open(path, "rb") as fh:
            notebook = load(fh.read())
        for number, cell in enumerate(notebook["cells"], 1):
            if isinstance(cell, dict) and cell.get("cell_type") in ("markdown", "code"):
                text = source_text(cell.get("source"))
                if text is not None:
                    yield number, {"text": text, "cell_type": cell["cell_type"]}

    def rewrite(self, path: str, out, like: str, keep: Callable[[int], bool],
                texts: Mapping[int, str], options: ReaderOptions) -> int:
        """Copy ``path`` to the binary file ``out`` with ``texts[n]`` as the source of
        cell n; every other byte as it was. ValueError when a cell would be left out
        (``keep``) or the result would not read back as intended."""
        if not like.lower().endswith(".ipynb"):
            raise ValueError("a notebook is only rewritten in place (check --fix)")
        with open(path, "rb") as fh:
            data = fh.read()
        try:
            notebook = load(data)
        except FileProblem as exc:
            raise ValueError(str(exc)) from None
        cells = notebook["cells"]
        if not all(keep(n) for n in range(1, len(cells) + 1)):
            raise ValueError("the cells of a notebook cannot be left out")
        result = rewrite_sources(data.decode("utf-8"), texts)
        out.write(result.encode("utf-8"))
        return len(cells)


def rewrite_sources(text: str, texts: Mapping[int, str]) -> str:
    """``text`` (a notebook's JSON) with cell n's ``source`` holding ``texts[n]``, every
    other character unchanged; ValueError unless it parses back to that."""
    spans = source_spans(text)
    before = json.loads(text.removeprefix("\ufeff"))
    parts, at = [], 0
    for number in sorted(texts):
        span = spans.get(number)
        if span is None:
            raise ValueError(f"cell {number}: no source there")
        start, end = span
        parts.append(text[at:start])
        parts.append(written_source(text[start:end], texts[number]))
        at = end
    parts.append(text[at:])
    result = "".join(parts)
    try:
        after = json.loads(result.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"the fixed notebook would not parse: {exc}") from None
    for number, new in texts.items():
        cell = before["cells"][number - 1]
        old = cell["source"]
        cell["source"] = split_source(new) if isinstance(old, list) else new
    if json.dumps(before, sort_keys=True) != json.dumps(after, sort_keys=True):
        raise ValueError("the fixed notebook would not read back as fixed")
    return result


def split_source(text: str) -> list[str]:
    """``text`` as nbformat's list of lines (each but the last ending in its LF)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def written_source(raw: str, text: str) -> str:
    """``text`` as a cell's ``source`` value written in ``raw``'s layout (``raw``: the
    old value as written, a JSON string or list of strings)."""
    ascii_only = bool(_NON_ASCII_ESCAPE_RE.search(raw)) and raw.isascii()
    if raw.startswith('"'):
        return json.dumps(text, ensure_ascii=ascii_only)
    items = _list_items(raw)
    lines = split_source(text)
    if not lines:
        return "[]"
    if items:
        head, tail = raw[: items[0][0]], raw[items[-1][1]:]
        sep = raw[items[0][1]: items[1][0]] if len(items) > 1 else "," + head[1:]
    else:  # (an empty list before: one line a string, as nbformat writes them)
        head, tail, sep = "[\n", "\n]", ",\n"
    return head + sep.join(json.dumps(line, ensure_ascii=ascii_only) for line in lines) + tail


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WS:
        pos += 1
    return pos


def _list_items(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each value of the JSON list ``raw``."""
    out = []
    pos = _skip_ws(raw, 1)
    if raw[pos] == "]":
        return out
    while True:
        _, end = _DECODER.raw_decode(raw, pos)
        out.append((pos, end))
        pos = _skip_ws(raw, end)
        if raw[pos] == "]":
            return out
        pos = _skip_ws(raw, pos + 1)  # (past the comma)


def source_spans(text: str) -> dict[int, tuple[int, int]]:
    """{cell number: (start, end) of its ``source`` value in ``text``} of a notebook's JSON."""
    pos = _skip_ws(text, 1 if text.startswith("\ufeff") else 0)
    spans: dict[int, tuple[int, int]] = {}
    for key, start, end in _members(text, pos):
        if key != "cells":
            continue
        pos = _skip_ws(text, start + 1)
        number = 0
        while text[pos] != "]":
            number += 1
            _, cell_end = _DECODER.raw_decode(text, pos)
            if text[pos] == "{":
                for cell_key, s, e in _members(text, pos):
                    if cell_key == "source":
                        spans[number] = (s, e)
            pos = _skip_ws(text, cell_end)
            if text[pos] == ",":
                pos = _skip_ws(text, pos + 1)
    return spans


def _members(text: str, pos: int) -> Iterator[tuple[str, int, int]]:
    """(key, value start, value end) of each member of the JSON object at ``pos``."""
    pos = _skip_ws(text, pos + 1)
    while text[pos] != "}":
        key, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_ws(text, pos)
        pos = _skip_ws(text, pos + 1)  # (past the colon)
        _, end = _DECODER.raw_decode(text, pos)
        yield key, pos, end
        pos = _skip_ws(text, end)
        if text[pos] == ",":
            pos = _skip_ws(text, pos + 1)


# -- where a cell's characters are in the notebook file (SARIF regions) -----------------

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_PLAIN_RUN_RE = lazy_re(r'[^"\\]+')
_FILE_NEWLINE_RE = lazy_re(r"\r\n|\n|\r")


def cell_number(path: str, record) -> int | None:
    """The cell number of a finding's (or location's) record in a notebook, else None
    (the test ``findings.where`` makes: a ``cell N`` record of an .ipynb file)."""
    if isinstance(record, str) and record.startswith(CELL) and path.lower().endswith(".ipynb"):
        number = record[len(CELL):]
        return int(number) if number.isdigit() else None
    return None


class CellPlaces:
    """Where one cell's source is written in the notebook's JSON text: ``text`` is the
    source as read (``source_text``), ``starts[k]``/``ends[k]`` the offsets in the file's
    text of the JSON that writes character k (``\\n`` is two characters there, ``\\u00e9``
    six, a surrogate pair twelve), ``empty`` where an empty source would be."""

    __slots__ = ("text", "starts", "ends", "empty")

    def __init__(self, text: str, starts: list[int], ends: list[int], empty: int):
        self.text, self.starts, self.ends, self.empty = text, starts, ends, empty

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The file-text offsets of the JSON writing ``text[start:end]``; an empty span
        is where the character at ``start`` is written (after the last, at its end)."""
        n = len(self.text)
        if not 0 <= start <= end <= n:
            return None
        if end > start:
            return self.starts[start], self.ends[end - 1]
        at = self.starts[start] if start < n else self.ends[-1] if n else self.empty
        return at, at

    def offset(self, line: int, column: int) -> int | None:
        """The text offset of a 1-based line and column inside the cell (as findings
        give them: lines end at CR LF, LF or CR)."""
        starts = [0] + [m.end() for m in _FILE_NEWLINE_RE.finditer(self.text)]
        if not 1 <= line <= len(starts) or column < 1:
            return None
        offset = starts[line - 1] + column - 1
        return offset if offset <= len(self.text) else None


class NotebookPlaces:
    """A notebook file's text with its cells' ``CellPlaces``: ``region(cell, start, end)``
    gives the file's 1-based (line, column, end line, end column) of the JSON that writes
    ``text[start:end]`` of that cell, columns in code points (a byte-order mark is not a
    column), for viewers that open the .ipynb file itself (SARIF)."""

    def __init__(self, text: str):
        self.text = text
        self.cells = cell_places(text)
        self._line_starts = [0] + [m.end() for m in _FILE_NEWLINE_RE.finditer(text)]

    @classmethod
    def read(cls, path: str) -> "NotebookPlaces | None":
        """The places of the notebook at ``path``, None when it is not one to read."""
        try:
            with open(path, "rb") as fh:
                text = fh.read().decode("utf-8")
            notebook = load(text.encode("utf-8"))  # (nbformat 4, else FileProblem)
            places = cls(text)
        except (OSError, UnicodeDecodeError, FileProblem, ValueError, IndexError, KeyError, RecursionError):
            return None
        for number, cell in list(places.cells.items()):  # (what the reader read, else no places)
            if source_text(notebook["cells"][number - 1].get("source")) != cell.text:
                del places.cells[number]
        return places

    def position(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        index = bisect_right(self._line_starts, offset) - 1
        column = offset - self._line_starts[index] + 1
        if index == 0 and offset > 0 and self.text.startswith("\ufeff"):
            column -= 1
        return index + 1, column

    def region(self, cell: int, start: int, end: int) -> tuple[int, int, int, int] | None:
        places = self.cells.get(cell)
        span = places.span(start, end) if places is not None else None
        if span is None:
            return None
        return self.position(span[0]) + self.position(span[1])

    def point(self, cell: int, line: int, column: int) -> tuple[int, int] | None:
        """The file's (line, column) of a cell's 1-based line and column."""
        places = self.cells.get(cell)
        offset = places.offset(line, column) if places is not None else None
        if offset is None:
            return None
        return self.position(places.span(offset, offset)[0])


def cell_places(text: str) -> dict[int, CellPlaces]:
    """{cell number: its ``CellPlaces``} of the cells of a notebook's JSON ``text``
    whose source is a string or a list of strings."""
    out = {}
    for number, (start, end) in source_spans(text).items():
        if text[start] == '"':
            literals = [start]
        elif text[start] == "[":
            literals = [s for s, _ in _list_items(text[start:end])]
            if any(text[start + s] != '"' for s in literals):
                continue  # (not a list of strings: an F005 cell)
            literals = [start + s for s in literals]
        else:
            continue
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for at in literals:
            _string_places(text, at, chars, starts, ends)
        out[number] = CellPlaces("".join(chars), starts, ends, start + 1)
    return out


def _string_places(text: str, pos: int, chars: list[str], starts: list[int], ends: list[int]) -> None:
    """Decode the JSON string at ``pos`` (its opening quote) into ``chars``, with where
    each character is written in ``text``."""
    pos += 1
    while True:
        m = _PLAIN_RUN_RE.match(text, pos)
        if m is not None:
            run = m.group()
            chars.extend(run)
            starts.extend(range(pos, m.end()))
            ends.extend(range(pos + 1, m.end() + 1))
            pos = m.end()
        c = text[pos]
        if c == '"':
            return
        escape = text[pos + 1]  # (c is a backslash)
        if escape == "u":
            code = int(text[pos + 2:pos + 6], 16)
            after = pos + 6
            if 0xD800 <= code < 0xDC00 and text.startswith("\\u", after):
                low = int(text[after + 2:after + 6], 16)
                if 0xDC00 <= low < 0xE000:  # a surrogate pair: one character
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    after += 6
            chars.append(chr(code))
        else:
            chars.append(_ESCAPES[escape])
            after = pos + 2
        starts.append(pos)
        ends.append(after)
        pos = after


class FileRegions:
    """For outputs read by tools that open the .ipynb file itself (SARIF, GitHub
    annotations, GitLab code quality): a notebook cell's finding or location in the
    file's lines and columns (``NotebookPlaces``, each notebook read once); None for
    anything else, or a notebook that cannot be read again (changed or removed since)."""

    KEEP = 4  # notebooks held at once

    def __init__(self) -> None:
        self._places: dict[str, NotebookPlaces | None] = {}

    def _of(self, path: str, record):
        cell = cell_number(path, record)
        if cell is None:
            return None, None
        places = self._places.pop(path, False)
        if places is False:
            import os

            places = NotebookPlaces.read(path) if os.path.isfile(path) else None
            if len(self._places) >= self.KEEP:  # (findings come by path: a few notebooks held, not all)
                del self._places[next(iter(self._places))]
        self._places[path] = places  # (the most recent last)
        return places, cell

    def region(self, f) -> tuple[int, int, int, int] | None:
        """(line, column, end line, end column) in the file of finding ``f``'s span."""
        if f.record is None:
            return None
        places, cell = self._of(f.path, f.record)
        return places.region(cell, f.start, f.end) if places is not None else None

    def point(self, loc) -> tuple[int, int] | None:
        """(line, column) in the file of a ``Location`` in a cell."""
        if loc.record is None:
            return None
        places, cell = self._of(loc.path, loc.record)
        return places.point(cell, loc.line, loc.column) if places is not None else None
