"""JSON output. The field names are a contract: keep them stable (version 1).

``record`` (added in 0.1, an addition, not a change): the record of a data file a
finding is in (its id, else its 1-based number); ``null`` for plain files. A ``related``
entry has ``record`` only when it points at a record."""

from __future__ import annotations

import json
from collections import Counter


def finding_to_dict(f, doc_positions=None) -> dict:
    fix = None
    if f.fix is not None:
        fix = {
            "applicability": f.fix.applicability.value,
            "edits": [_edit(e, doc_positions) for e in f.fix.edits] if doc_positions else [],
        }
    return {
        "path": f.path,
        "record": f.record,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "code": f.code,
        "rule": f.rule,
        "family": f.family,
        "severity": f.severity.value,
        "message": f.message,
        "fix": fix,
        "related": [_related(r) for r in f.related],
    }


def _related(r) -> dict:
    """``{"path", "line", "column"}``, plus ``"record"`` when it is a dataset record."""
    out = {"path": r.path, "line": r.line, "column": r.column}
    if r.record is not None:
        out = {"path": r.path, "record": r.record, "line": r.line, "column": r.column}
    return out


def _edit(edit, position) -> dict:
    line, column = position(edit.start)
    end_line, end_column = position(edit.end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column,
            "replacement": edit.replacement}


def write(result, stream) -> None:
    """The whole report, as ``json.dump(report, stream, ensure_ascii=False, indent=2)``
    writes it, byte for byte, but one diagnostic at a time: the diagnostics are never
    all built in memory (100 k findings as dicts are ~150 MB)."""
    by_sev = Counter(f.severity.value for f in result.findings)
    data = {
        "version": 1,
        "files_checked": result.files_checked,
        "diagnostics": [],
        "summary": {
            "total": len(result.findings),
            "error": by_sev["error"],
            "warning": by_sev["warning"],
            "info": by_sev["info"],
            "fixable": sum(1 for f in result.findings if f.fix is not None),
            "fixed": result.fixed,
            "by_code": dict(sorted(Counter(f.code for f in result.findings).items())),
        },
    }
    head, tail = json.dumps(data, ensure_ascii=False, indent=2).split('"diagnostics": []', 1)
    stream.write(head + '"diagnostics": [')
    positions = result_positions(result)
    sep = "\n"
    for f in result.findings:  # JSON strings hold no raw line break: indenting by lines is exact
        item = json.dumps(finding_to_dict(f, positions.get(f.key)), ensure_ascii=False, indent=2)
        stream.write(sep + "    " + item.replace("\n", "\n    "))
        sep = ",\n"
    stream.write(("\n  ]" if result.findings else "]") + tail + "\n")


def result_positions(result) -> "_Positions":
    """path -> offset-to-(line, column) function, for documents that have fixes (the
    document is read only when a fix's position is asked for)."""
    return _Positions(getattr(result, "documents", None) or {})


class _Positions:
    def __init__(self, documents) -> None:
        self.documents = documents

    def get(self, key):
        if key not in self.documents:
            return None
        documents = self.documents

        def position(offset: int) -> tuple[int, int]:
            doc = documents.get(key)
            return doc.position(offset) if doc is not None else (0, 0)

        return position
