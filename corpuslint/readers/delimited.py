"""CSV and TSV (plain or compressed) with a header row: the ``text-field`` column is
the text, ``id-field`` (optional) names the record. The record number is the row
number after the header (1-based), which differs from the line number when quoted
fields span lines. Read row by row through the csv module; never rewritten (``filter``
writes JSONL or Parquet from it). A UTF-8 byte-order mark before the header row is read
past and reported (W110 on record 1: Python's csv module reading the file as UTF-8 glues
it to the first column's name).

CSV/TSV files are often metadata, not text: they are read when named on the command
line or matched by the ``include`` globs (``--include '*.csv'``), not picked up by
walking a folder with the default globs."""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import sys
from typing import Iterator

from .base import ROLE_KEYS, FileProblem, Record, RecordReader, ReaderOptions, file_plan, mark_bom, record_turn
from .compression import COMPRESSIONS, open_read

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a record's text can be long


class DelimitedReader(RecordReader):
    format = "csv"
    walk = False  # not found by folder walks unless include names it (see the module doc)
    suffixes = tuple(b + c for b in (".csv", ".tsv") for c in ("",) + COMPRESSIONS)

    def _rows(self, path: str, marked: "list | None" = None) -> Iterator[tuple[list[str], list[str]]]:
        """(header, row) of the data rows; a UTF-8 byte-order mark before the header is
        read past (``marked`` gets True: W110 on record 1, ``mark_bom``)."""
        delimiter = "\t" if ".tsv" in path.lower().rsplit("/", 1)[-1] else ","
        with open_read(path) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            first = text.readline()
            if first.startswith("\ufeff"):
                first = first[1:]
                if marked is not None:
                    marked.append(True)
            reader = csv.reader(itertools.chain((first,), text), delimiter=delimiter)
            header = next(reader, None)
            if header is None:
                return
            for row in reader:
                yield header, row

    def records(self, path: str, options: ReaderOptions) -> Iterator[Record]:
        marked: list = []
        return mark_bom(self._records(path, options, marked), marked, "csv")

    def _records(self, path: str, options: ReaderOptions, marked: list) -> Iterator[Record]:
        """``_read`` with each record's ``RecordPlan.extras`` (``file_plan``: messages, their
        source column, what else D107 compares)."""
        plan = file_plan(self, path, options)
        if plan.plain:
            yield from self._read(path, options, marked)
            return
        rows: dict = {}
        for rec in self._read(path, options, marked, rows):
            if rec.problem is None:
                extras = plan.extras(rows.get("row"))
                if extras:
                    rec = dataclasses.replace(rec, **extras)
            yield rec

    def _read(self, path: str, options: ReaderOptions, marked: list, current: "dict | None" = None
              ) -> Iterator[Record]:
        """The records of ``path``; with ``current``, ``current["row"]`` is the row (by
        column name) of the record just given."""
        columns: dict[str, int] | None = None
        roles = False  # the header has a column naming a role (``record_turn``)
        several = options.several
        fields: list[str] = []  # the text columns the header has
        for number, (header, row) in enumerate(self._rows(path, marked), 1):
            if columns is None:
                columns = {name: i for i, name in enumerate(header)}
                absent = [f for f in options.fields if f not in columns]
                fields = [f for f in options.fields if f in columns]  # several: whichever it has (``ReaderOptions``)
                if not fields if several else absent:
                    raise FileProblem(f"no column {', '.join(map(repr, absent))} for the text (columns: "
                                      f"{', '.join(header)}; set --text-field)")
                roles = not columns.keys().isdisjoint(ROLE_KEYS) or {"instruction", "output"} <= columns.keys()
            if not any(row):
                continue
            if current is not None:
                current["row"] = dict(zip(header, row))
            rid: int | str = number
            if options.id_field in columns and columns[options.id_field] < len(row):  # (no such column: numbers)
                rid = row[columns[options.id_field]] or number
            for field in fields:
                name = f"{rid}.{field}" if several else rid
                index = columns[field]
                if index >= len(row):
                    yield Record(number, name, None, f"row has {len(row)} fields, no {field!r} column",
                                 field=field if several else None)
                else:  # a role column beside the text (a chat export, one message a row), or an Alpaca column
                    role, chain, previous = record_turn(dict(zip(header, row)), field) if roles else (
                        None, False, None)
                    yield Record(number, name, row[index], role=role, chain=chain, previous_turn=previous,
                                 field=field if several else None)

    def rows(self, path: str, options: ReaderOptions) -> Iterator[tuple[int, dict]]:
        for number, (header, row) in enumerate(self._rows(path), 1):
            yield number, dict(zip(header, row))
