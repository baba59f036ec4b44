"""GitHub Actions workflow commands: annotations on the pull request diff.

An annotation is placed on the file's lines: a notebook cell's finding at the line and
column of the .ipynb file's JSON that writes the flagged text (``readers.notebook.
FileRegions``), its message naming the cell and the line and column in it ("cell 3:2:5: ...")."""

from __future__ import annotations


_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _record(f, in_file) -> str:
    if in_file is not None:  # (a notebook's cell: the annotation is on the file's line)
        return f"{f.record}:{f.line}:{f.column}: "
    return "" if f.record is None else f"record #{f.record}: "


def write(result, stream) -> None:
    from ..readers.notebook import FileRegions

    notebooks = FileRegions()
    for f in result.findings:
        level = _LEVEL[f.severity.value]
        in_file = notebooks.region(f)
        line, column, end_line, end_column = in_file or (f.line, f.column, f.end_line, f.end_column)
        stream.write(
            f"::{level} file={_escape(f.path, True)},line={line},col={column},"
            f"endLine={end_line},endColumn={end_column},title={f.code}::"
            f"{_escape(f.code + ' ' + _record(f, in_file) + f.message)}\n"
        )
