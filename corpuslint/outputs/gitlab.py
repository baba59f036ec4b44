"""GitLab code-quality report (``--format gitlab``): the JSON array GitLab CI reads
from ``artifacts: reports: codequality`` and shows in merge requests.

Each entry's ``fingerprint`` is the line-number-free finding fingerprint of
``corpuslint.baseline`` plus an occurrence number, so GitLab can tell new findings
from old ones across commits.
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
    out = []
    for f, fp in zip(result.findings, fingerprints(result.findings, documents, root, result.rules)):
        seen[fp] += 1
        out.append({
            "description": f"{f.code} {f.message}",
            "check_name": f.code,
            "fingerprint": f"{fp}-{seen[fp]}",
            "severity": _SEVERITY[f.severity.value],
            "location": {"path": f.path.replace(os.sep, "/"), "lines": {"begin": f.line, "end": f.end_line}},
        })
    json.dump(out, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
