"""GitLab code-quality report (``--format gitlab``): the JSON array GitLab CI reads
from ``artifacts: reports: codequality`` and shows in merge requests.

Each entry's ``fingerprint`` is the line-number-free finding fingerprint of
``corpuslint.baseline`` plus an occurrence number, so GitLab can tell new findings
from old ones across commits. Lines are the file's: a notebook cell's finding is on the
lines of the .ipynb file's JSON that writes the flagged text (``readers.notebook.FileRegions``),
a JSON Lines record's on its line of the file (``readers.jsonl.RecordLines``); a record of a
compressed JSON Lines, Parquet or Arrow file has no line of text: its entry is on line 1 (GitLab
requires a line), its description naming the record.
"""

from __future__ import annotations

import json
import os
from collections import Counter

from ..baseline import fingerprints

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def write(result, stream) -> None:
    root = result.config.root
    documents = getattr(result, "documents", {}) or {}
    seen: Counter[str] = Counter()
    from ..readers.jsonl import RecordLines
    from ..readers.notebook import FileRegions

    notebooks = FileRegions()
    records = RecordLines(result.config)
    out = []
    for f, fp in zip(result.findings, fingerprints(result.findings, documents, root, result.rules)):
        seen[fp] += 1
        in_file = notebooks.region(f)
        record_line = records.line(f.path, f.record) if in_file is None else None
        if record_line is not None:  # (a data record's line; a compressed or Parquet file's: its first)
            begin = end = record_line or 1
        else:
            begin, end = (in_file[0], in_file[2]) if in_file is not None else (f.line, f.end_line)
        out.append({
            "description": f"{f.code} {f.message}" if record_line is None else
                           f"{f.code} record #{f.record}:{f.line}:{f.column}: {f.message}",
            "check_name": f.code,
            "fingerprint": f"{fp}-{seen[fp]}",
            "severity": _SEVERITY[f.severity.value],
            "location": {"path": f.path.replace(os.sep, "/"), "lines": {"begin": begin, "end": end}},
        })
    json.dump(out, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
