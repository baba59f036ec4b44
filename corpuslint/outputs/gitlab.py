"""GitLab code-quality report (``--format gitlab``): the JSON array GitLab CI reads
from ``artifacts: reports: codequality`` and shows in merge requests.

Each entry's ``fingerprint`` is the line-number-free finding fingerprint of
``corpuslint.baseline`` plus an occurrence number, so GitLab can tell new findings
from old ones across commits. Lines are the file's: a notebook cell's finding is on the
lines of the .ipynb file's JSON that writes the flagged text (``readers.notebook.FileRegions``).
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
    from ..readers.notebook import FileRegions

    notebooks = FileRegions()
    out = []
    for f, fp in zip(result.findings, fingerprints(result.findings, documents, root, result.rules)):
        seen[fp] += 1
        in_file = notebooks.region(f)
        begin, end = (in_file[0], in_file[2]) if in_file is not None else (f.line, f.end_line)
        out.append({
            "description": f"{f.code} {f.message}",
            "check_name": f.code,
            "fingerprint": f"{fp}-{seen[fp]}",
            "severity": _SEVERITY[f.severity.value],
            "location": {"path": f.path.replace(os.sep, "/"), "lines": {"begin": begin, "end": end}},
        })
    json.dump(out, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
