"""GitHub Actions workflow commands: annotations on the pull request diff."""

from __future__ import annotations

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _record(f) -> str:
    return "" if f.record is None else f"record #{f.record}: "


def write(result, stream) -> None:
    for f in result.findings:
        level = _LEVEL[f.severity.value]
        stream.write(
            f"::{level} file={_escape(f.path, True)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={f.code}::{_escape(f.code + ' ' + _record(f) + f.message)}\n"
        )
