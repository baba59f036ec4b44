"""Parquet and Arrow (Hugging Face ``save_to_disk`` datasets) through pyarrow.

Records are read in batches (``ParquetFile.iter_batches``; Arrow IPC files are
memory-mapped and read batch by batch), and only the columns holding the text and id
fields are decoded. A dotted ``text-field`` (``meta.body``) reaches into a struct
column. pyarrow is the ``corpus-quality-lint[parquet]`` extra: without it these files are one
F003 finding saying what to install.

A Hugging Face dataset saved with ``Dataset.save_to_disk(folder)`` is a folder of
``data-0000N-of-0000M.arrow`` files (Arrow IPC streams) plus JSON metadata:
``corpuslint check folder/`` reads the .arrow shards; record numbers count rows per
shard.
"""

from __future__ import annotations

import contextlib
from typing import Callable, Iterator, Mapping

from ..files import is_url

from .base import (ALPACA_ROLES, ROLE_KEYS, FileProblem, Record, RecordReader, ReaderOptions, get_field,
                   language_columns, record_id, record_texts, set_text, top_field)
from .remote import open_binary, read_bytes

BATCH_ROWS = 1024


def _top(names: list[str], field: str | None) -> str | None:
    """The top-level column holding ``field`` (the literal name, else its first part)."""
    if field is None:
        return None
    field = top_field(field)
    return field if field in names else field.split(".", 1)[0]


class _ArrowRecords(RecordReader):
    def _schema_names(self, path: str) -> list[str]:
        raise NotImplementedError

    def _batches(self, path: str, columns: list[str] | None):
        raise NotImplementedError

    def records(self, path: str, options: ReaderOptions) -> Iterator[Record]:
        names = self._schema_names(path)
        present = [(f, col) for f in options.fields if (col := _top(names, f)) in names]
        absent = [f for f in options.fields if f not in dict(present)]
        if not present if options.several else absent:  # several text fields: whichever it has (``ReaderOptions``)
            raise FileProblem(f"no column {', '.join(map(repr, absent))} for the text (columns: {', '.join(names)}; "
                              "set --text-field)")
        id_col = _top(names, options.id_field)
        if id_col is not None and id_col not in names:
            id_col = None  # no id column: records are named by number, as a JSON Lines record without the field
        text_cols = [col for _, col in present]
        columns = list(dict.fromkeys(text_cols))
        columns += [id_col] if id_col and id_col not in columns else []
        columns += [c for c in language_columns(names, options) if c not in columns]
        # a chat turn's role: a role column beside a top-level text column; an Alpaca column's own
        roles: dict[str, str | None] = {}
        for field, text_col in present:
            if text_col == field and {"instruction", "output"} <= set(names):
                roles[field] = ALPACA_ROLES.get(text_col)
                if text_col in ("input", "output"):  # their previous turn: the record's prompt (``alpaca_prompt``)
                    columns += [c for c in ("instruction", "input", "output") if c in names and c not in columns]
            if text_col == field:
                columns += [c for c in ROLE_KEYS if c in names and c not in columns]
        number = 0
        for batch in self._batches(path, columns):
            cols = {name: batch.column(name).to_pylist() for name in columns}
            for i in range(batch.num_rows):
                number += 1
                row = {name: values[i] for name, values in cols.items()}
                rid = record_id(get_field(row, options.id_field), number) if id_col else number
                yield from record_texts(number, rid, row, options, roles)

    def rows(self, path: str, options: ReaderOptions) -> Iterator[tuple[int, dict]]:
        number = 0
        for batch in self._batches(path, None):
            for row in batch.to_pylist():
                number += 1
                yield number, row


@contextlib.contextmanager
def _parquet(path: str):
    """``pq.ParquetFile`` of a local path or of a URL (an fsspec stream: row groups are
    read with range requests, not the whole file)."""
    import pyarrow.parquet as pq

    with contextlib.ExitStack() as stack:
        source = stack.enter_context(open_binary(path)) if is_url(path) else path
        pf = stack.enter_context(pq.ParquetFile(source))
        yield pf


class ParquetReader(_ArrowRecords):
    format = "parquet"
    suffixes = (".parquet",)
    writable = True

    def _schema_names(self, path: str) -> list[str]:
        with _parquet(path) as pf:
            return list(pf.schema_arrow.names)

    def _batches(self, path: str, columns):
        with _parquet(path) as pf:
            yield from pf.iter_batches(batch_size=BATCH_ROWS, columns=columns)

    def rewrite(self, path: str, out, like: str, keep: Callable[[int], bool],
                texts: Mapping[int, "str | dict[int, str]"], options: ReaderOptions) -> int:
        """Copy ``path`` to the binary file ``out`` row group by row group (same schema,
        metadata and compression codec): rows ``keep`` rejects are left out,
        ``texts[number]`` replaces a row's text field. Returns the rows written."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        written = 0
        with pq.ParquetFile(path) as pf:
            schema = pf.schema_arrow
            meta = pf.metadata
            codec = meta.row_group(0).column(0).compression.lower() if meta.num_row_groups and meta.num_columns else "snappy"
            text_cols = {f: _top(schema.names, f) for f in options.fields}
            with pq.ParquetWriter(out, schema, compression=codec) as writer:
                first = 1
                for g in range(pf.num_row_groups):
                    table = pf.read_row_group(g)
                    numbers = range(first, first + table.num_rows)
                    first += table.num_rows
                    for field, text_col in text_cols.items():
                        fixed = [(i, n) for i, n in enumerate(numbers)
                                 if n in texts and (not options.several or field in texts[n])]
                        if not fixed:
                            continue
                        index = schema.get_field_index(text_col)
                        values = table.column(index).to_pylist()
                        for i, n in fixed:
                            holder = {text_col: values[i]}
                            set_text(holder, field, texts[n][field] if options.several else texts[n])
                            values[i] = holder[text_col]
                        table = table.set_column(index, schema.field(index),
                                                 pa.array(values, type=schema.field(index).type))
                    mask = pa.array([keep(n) for n in numbers], type=pa.bool_())
                    table = table.filter(mask) if not pc.all(mask).as_py() else table
                    if table.num_rows:
                        writer.write_table(table, row_group_size=table.num_rows)
                        written += table.num_rows
        return written


class ArrowReader(_ArrowRecords):
    format = "arrow"
    suffixes = (".arrow",)

    def _open(self, path: str):
        import pyarrow as pa

        source = pa.BufferReader(read_bytes(path)) if is_url(path) else pa.memory_map(path, "r")
        try:
            return pa.ipc.open_stream(source)  # what datasets.save_to_disk writes
        except pa.ArrowInvalid:
            return pa.ipc.open_file(source)

    def _schema_names(self, path: str) -> list[str]:
        return list(self._open(path).schema.names)

    def _batches(self, path: str, columns):
        reader = self._open(path)
        if hasattr(reader, "num_record_batches"):  # IPC file format
            batches = (reader.get_batch(i) for i in range(reader.num_record_batches))
        else:
            batches = iter(reader)
        for batch in batches:
            yield batch.select(columns) if columns else batch


def write_rows(rows, out, batch_rows: int = 10_000) -> int:
    """Write dict rows as Parquet to the binary file ``out`` (schema from the first
    batch; zstd-compressed row groups of ``batch_rows``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    schema = None
    n = 0
    batch: list[dict] = []

    def flush():
        nonlocal writer, schema
        table = pa.Table.from_pylist(batch, schema=schema)
        if writer is None:
            schema = table.schema
            writer = pq.ParquetWriter(out, schema, compression="zstd")
        writer.write_table(table)

    try:
        for row in rows:
            batch.append(row)
            n += 1
            if len(batch) >= batch_rows:
                flush()
                batch = []
        if batch or writer is None:
            flush()
    finally:
        if writer is not None:
            writer.close()
    return n
