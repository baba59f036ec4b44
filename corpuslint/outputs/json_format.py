"""JSON output. The field names are a contract: keep them stable (version 1).

``record`` (added in 0.1, an addition, not a change): the record of a data file a
finding is in (its id, else its 1-based number); ``null`` for plain files. A ``related``
entry has ``record`` only when it points at a record.

A fix's ``edits`` are in the coordinates of the finding: ``line``/``column`` (and
``end_line``/``end_column``, exclusive) are where the finding's own ``line``/``column``
would put those characters, i.e. the file's, and ``replacement`` is the text to write
there as the file writes it. For a string of a .po file that is the file's line and
column through escapes and continuation lines (``readers.po``, ``Document.place``) and a
replacement escaped as PO string content (``\"``, ``\n``...), so applying the edits to
the .po file itself gives the fixed string."""

from __future__ import annotations

import json
from collections import Counter
from json.encoder import encode_basestring  # the C encoder of a str, as json.dumps(ensure_ascii=False) writes it


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
            "replacement": _written(position, edit.replacement)}


def _written(position, replacement: str) -> str:
    """``replacement`` as the file writes it where ``position`` maps (a .po string: escaped)."""
    written = getattr(position, "written", None)
    return written(replacement) if written is not None else replacement


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
    if getattr(result, "baselined", None) is not None:  # (with a baseline: how many it hid)
        data["summary"]["baselined"] = result.baselined
        # of them, those with a fix this run could apply (safe; unsafe too with --unsafe-fixes): left by --fix
        data["summary"]["baselined_fixable"] = getattr(result, "baselined_fixable", None) or 0
    if getattr(result, "unread", None):  # (files a walk left out that a user expects checked)
        data["summary"]["not_included"] = dict(sorted(result.unread.items()))
    head, tail = json.dumps(data, ensure_ascii=False, indent=2).split('"diagnostics": []', 1)
    stream.write(head + '"diagnostics": [')
    positions = result_positions(result)
    sep = "\n"
    for f in result.findings:
        stream.write(sep + diagnostic_text(f, positions.get(f.key)))
        sep = ",\n"
    stream.write(("\n  ]" if result.findings else "]") + tail + "\n")


# One diagnostic as json.dumps(finding_to_dict(f), ensure_ascii=False, indent=2) writes it
# inside the report (each line indented by 4 more), built from templates: the pure-Python
# encoder that ``indent`` needs cost ~40 us a finding (0.4 s CPU for 10 MB of text).
_DIAGNOSTIC = (
    '    {{\n      "path": {},\n      "record": {},\n      "line": {},\n      "column": {},\n'
    '      "end_line": {},\n      "end_column": {},\n      "code": {},\n      "rule": {},\n'
    '      "family": {},\n      "severity": {},\n      "message": {},\n      "fix": {},\n      "related": {}\n    }}'
)
_FIX = '{{\n        "applicability": {},\n        "edits": {}\n      }}'
_EDIT = ('          {{\n            "line": {},\n            "column": {},\n            "end_line": {},\n'
         '            "end_column": {},\n            "replacement": {}\n          }}')
_RELATED = '        {{\n          "path": {},\n          "line": {},\n          "column": {}\n        }}'
_RELATED_RECORD = ('        {{\n          "path": {},\n          "record": {},\n          "line": {},\n'
                   '          "column": {}\n        }}')


def diagnostic_text(f, position=None) -> str:
    """``f`` as the JSON report writes it among its diagnostics: the text of
    ``json.dumps(finding_to_dict(f, position), ensure_ascii=False, indent=2)`` with every
    line indented by 4 spaces. Raises TypeError for a value JSON cannot hold, as json does."""
    fix = f.fix
    if fix is None:
        fix_text = "null"
    else:
        edits = "[]"
        if position and fix.edits:
            texts = []
            for e in fix.edits:
                (line, column), (end_line, end_column) = position(e.start), position(e.end)
                texts.append(_EDIT.format(_scalar(line), _scalar(column), _scalar(end_line), _scalar(end_column),
                                          _scalar(_written(position, e.replacement))))
            edits = "[\n" + ",\n".join(texts) + "\n        ]"
        fix_text = _FIX.format(_scalar(fix.applicability.value), edits)
    related = "[]"
    if f.related:
        texts = [_RELATED.format(_scalar(r.path), _scalar(r.line), _scalar(r.column)) if r.record is None else
                 _RELATED_RECORD.format(_scalar(r.path), _scalar(r.record), _scalar(r.line), _scalar(r.column))
                 for r in f.related]
        related = "[\n" + ",\n".join(texts) + "\n      ]"
    return _DIAGNOSTIC.format(
        _scalar(f.path), _scalar(f.record), _scalar(f.line), _scalar(f.column), _scalar(f.end_line),
        _scalar(f.end_column), _scalar(f.code), _scalar(f.rule), _scalar(f.family), _scalar(f.severity.value),
        _scalar(f.message), fix_text, related,
    )


def _scalar(value) -> str:
    """A str, int or None as json.dumps(value, ensure_ascii=False) writes it."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False)


def result_positions(result) -> "_Positions":
    """path -> offset-to-(line, column) function in the file's coordinates
    (``Document.place``, as findings), for documents that have fixes (the document is
    read only when a fix's position is asked for); its ``written(text)`` gives a
    replacement as the file writes it (``Document.written``)."""
    return _Positions(getattr(result, "documents", None) or {})


class _Positions:
    def __init__(self, documents) -> None:
        self.documents = documents

    def get(self, key):
        if key not in self.documents:
            return None
        documents = self.documents
        place = getattr(documents, "place", None)
        kept = place(key) if place is not None else None
        if kept is not None:  # (a plain file, placed from the line starts the map step kept: not read again)
            kept.written = lambda text: text  # (``Document.written`` of a plain file)
            return kept

        def position(offset: int) -> tuple[int, int]:
            doc = documents.get(key)
            return doc.place(offset) if doc is not None else (0, 0)

        def written(text: str) -> str:
            doc = documents.get(key)
            return doc.written(text) if doc is not None else text

        position.written = written
        return position
