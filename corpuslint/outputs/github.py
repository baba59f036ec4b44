"""GitHub Actions workflow commands: annotations on the pull request diff.

An annotation is placed on the file's lines: a notebook cell's finding at the line and
column of the .ipynb file's JSON that writes the flagged text (``readers.notebook.
FileRegions``), its message naming the cell and the line and column in it ("cell 3:2:5: ...").
A JSON Lines record's finding is on the record's line of the file (``readers.jsonl.RecordLines``),
at the columns of the JSON string that writes the flagged text (its text field's, a chat turn's of
a turn path, one of several fields'), its message naming the record and the line and column in its text ("record #17:2:5: ..."); a
record of a compressed JSON Lines, Parquet or Arrow file has no line of text: its annotation
is on the file, the message naming the record."""

from __future__ import annotations


_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _record(f, in_file, record_line) -> str:
    if in_file is not None:  # (a notebook's cell: the annotation is on the file's line)
        return f"{f.record}:{f.line}:{f.column}: "
    if record_line is not None:  # (a data record: the annotation is on its line, or on the file)
        return f"record #{f.record}:{f.line}:{f.column}: "
    return "" if f.record is None else f"record #{f.record}: "


def write(result, stream) -> None:
    from ..readers.jsonl import RecordLines
    from ..readers.notebook import FileRegions

    notebooks = FileRegions()
    records = RecordLines(getattr(result, "config", None))
    for f in result.findings:
        level = _LEVEL[f.severity.value]
        in_file = notebooks.region(f)
        record_line = records.line(f.path, f.record) if in_file is None else None
        if record_line is not None:
            span = records.region(f) if record_line != RecordLines.NO_LINE else None
            where = ("" if record_line == RecordLines.NO_LINE else f",line={record_line}" if span is None
                     else f",line={span[0]},col={span[1]},endLine={span[2]},endColumn={span[3]}")
        else:
            line, column, end_line, end_column = in_file or (f.line, f.column, f.end_line, f.end_column)
            where = f",line={line},col={column},endLine={end_line},endColumn={end_column}"
        stream.write(
            f"::{level} file={_escape(f.path, True)}{where},title={f.code}::"
            f"{_escape(f.code + ' ' + _record(f, in_file, record_line) + f.message)}\n"
        )
