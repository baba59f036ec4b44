"""Findings as partitioned JSON Lines (``corpuslint check --output-dir DIR``), for corpora
whose report is too large for one document: ``DIR/findings-00000.jsonl``, … each holding
the findings of a contiguous range of paths (path order, a file's findings never split),
at most ``PER_PART`` findings per part unless one file has more, one JSON object per line
with the fields of the JSON format's ``diagnostics`` (``json_format.finding_to_dict``).
Parts are written atomically; parts of an earlier run in ``DIR`` are removed, so the folder
reads as one dataset (``pandas.read_json(lines=True)``, DuckDB ``read_json('DIR/*.jsonl')``,
Spark, Dask bags).
"""

from __future__ import annotations

import glob
import json
import os

from ..files import write_atomic
from .json_format import finding_to_dict, result_positions

PER_PART = 100_000
PATTERN = "findings-{:05d}.jsonl"


def write(result, folder: str, per_part: int = PER_PART) -> list[str]:
    """Write ``result.findings`` under ``folder`` (created if needed); returns the part paths.
    Raises OSError."""
    os.makedirs(folder, exist_ok=True)
    positions = result_positions(result)
    parts: list[list[str]] = [[]]
    last = None
    for f in result.findings:  # sorted by path (RunResult)
        if len(parts[-1]) >= per_part and f.path != last:
            parts.append([])
        parts[-1].append(json.dumps(finding_to_dict(f, positions.get(f.key)), ensure_ascii=False))
        last = f.path
    written = []
    for i, lines in enumerate(parts):
        path = os.path.join(folder, PATTERN.format(i))
        write_atomic(path, "".join(line + "\n" for line in lines))
        written.append(path)
    for old in glob.glob(os.path.join(glob.escape(folder), "findings-*.jsonl")):
        if old not in written:
            os.remove(old)
    return written
