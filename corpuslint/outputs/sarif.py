"""SARIF 2.1.0 output (for GitHub code scanning and other viewers).

Locations are URI references (RFC 3986), never raw paths: a path under the working
folder is a percent-encoded relative reference (``%C3%A9t%C3%A9%20%231.txt`` for
``été #1.txt``) with ``uriBaseId: "SRCROOT"``, and ``originalUriBaseIds`` gives
``SRCROOT`` as the working folder's ``file://`` URI; any other path is an absolute
``file://`` URI. Columns are Unicode code points (``columnKind``), as in every output;
a byte-order mark is not a column.

A finding in a Jupyter notebook's cell (``nb.ipynb:cell 3:2:5`` in the text report,
cell-relative as ruff's JSON gives it) has its region in the .ipynb file itself: the
line and column of the JSON that writes the flagged characters (``\\n`` is two
characters there), so a viewer that opens the raw file (GitHub code scanning, an
editor's SARIF viewer) lands on them; the cell is a logical location ``#cell 3`` and
the location's properties hold the cell-relative ``cellLine``/``cellColumn``. A
notebook that cannot be read again (changed or removed since) keeps the cell-relative
region.

A finding in a JSON Lines record is on the record's line of the file: on the columns of the
JSON string that writes the flagged characters (the text field's, a chat turn's of a turn path,
one of several fields'; ``\\n`` is two characters there), else the whole line; the record a logical location
``#17`` and the line and column in its text the location's ``recordLine``/``recordColumn``
properties. A record of a compressed JSON Lines, Parquet or Arrow file has no line of text:
its location is the file, with no region (``readers.jsonl.RecordLines``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _summary(doc: str) -> str:
    return doc.strip().splitlines()[0] if doc.strip() else ""


def _cell_properties(location: dict, loc, region) -> None:
    if region is not None:  # (a notebook cell's region in the file: the cell's own line and column beside it)
        location["properties"] = {"cellLine": loc.line, "cellColumn": loc.column}


def _record_region(location: dict, loc, records) -> bool:
    """Place ``location`` (of a finding or related ``loc`` in a data record) on the record's
    line of its file: on the JSON string that writes the flagged characters (``RecordLines.
    region``/``point``: a text field's, a chat turn's), else on the whole line;
    or on the file alone (no line of text); False when ``loc`` is no such record."""
    line = records.line(loc.path, loc.record)
    if line is None:
        return False
    physical = location["physicalLocation"]
    if line == records.NO_LINE:
        del physical["region"]
    elif hasattr(loc, "end_column") and (span := records.region(loc)) is not None:
        physical["region"] = dict(zip(("startLine", "startColumn", "endLine", "endColumn"), span))
    elif not hasattr(loc, "end_column") and (point := records.point(loc)) is not None:
        physical["region"] = {"startLine": point[0], "startColumn": point[1]}
    else:
        physical["region"] = {"startLine": line, "endLine": line}
    location["properties"] = {"recordLine": loc.line, "recordColumn": loc.column}
    return True


def _add_records(entry: dict, f) -> None:
    """A data file's record (JSONL line, Parquet row) as a logical location; the region
    is inside the record's text field."""
    located = list(zip(entry["locations"], [f])) + list(zip(entry.get("relatedLocations", []), f.related))
    for location, loc in located:
        if loc.record is not None:
            location["logicalLocations"] = [{"name": f"#{loc.record}", "fullyQualifiedName": loc.key,
                                             "kind": "element"}]


BASE_ID = "SRCROOT"


def artifact_location(path: str) -> dict:
    """``{"uri": ..., "uriBaseId": ...}`` for a display path (relative to the working folder) or an absolute one."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace(os.sep, "/"), safe="/"), "uriBaseId": BASE_ID}


def write(result, stream) -> None:
    cwd = os.getcwd()
    codes = sorted({f.code for f in result.findings} | set(result.rules))
    index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        cls = result.registry.rules[code]
        doc = cls.doc()
        rules.append({
            "id": code,
            "name": cls.name,
            "shortDescription": {"text": _summary(doc) or cls.name},
            "fullDescription": {"text": doc or cls.name},
            "help": {"text": doc or cls.name},
            "defaultConfiguration": {"level": _LEVEL[cls.default_severity.value]},
            "properties": {"family": cls.family, "origin": cls.origin},
        })
    results = []
    from ..readers.jsonl import RecordLines
    from ..readers.notebook import FileRegions

    notebooks = FileRegions()
    records = RecordLines(getattr(result, "config", None))
    for f in result.findings:
        found = notebooks.region(f)
        in_file = None if found is None else dict(zip(("startLine", "startColumn", "endLine", "endColumn"), found))
        region = in_file or {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                             "endColumn": f.end_column}
        entry = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _LEVEL[f.severity.value],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(f.path),
                                                 "region": region}}],
        }
        if in_file is None:
            _record_region(entry["locations"][0], f, records)
        _cell_properties(entry["locations"][0], f, in_file)
        if f.related:
            entry["relatedLocations"] = []
            for i, r in enumerate(f.related):
                found = notebooks.point(r)
                point = None if found is None else {"startLine": found[0], "startColumn": found[1]}
                related = {"id": i, "physicalLocation": {
                    "artifactLocation": artifact_location(r.path),
                    "region": point or {"startLine": r.line, "startColumn": r.column}}}
                if point is None:
                    _record_region(related, r, records)
                _cell_properties(related, r, point)
                entry["relatedLocations"].append(related)
        _add_records(entry, f)
        results.append(entry)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "corpuslint", "version": __version__, "rules": rules}},
            "originalUriBaseIds": {BASE_ID: {"uri": Path(cwd).as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    json.dump(log, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
