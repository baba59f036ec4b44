"""``check --fix`` fixes documents on the run's cores (issue 14): with ``jobs`` > 1 the
passes of ``engine.fix_document`` run in worker processes, each fixed text is checked
once (the fix's last pass) and the re-lint takes that pass's findings instead of
checking the text again; the fixed files and the findings are those of ``jobs`` = 1.
Structural (counting a test rule's calls per process through shared memory), not timed.
"""

from __future__ import annotations

import json
import multiprocessing
import os

import pytest

from corpuslint import engine
from corpuslint.engine import build_registry, run
from corpuslint.findings import Severity
from corpuslint.rules import DocumentRule

# calls of X950.check on a fixed text (no trailing space): [in the run's process, in others]
CALLS = multiprocessing.Array("i", 2)
PARENT = [0]


class CountFixed(DocumentRule):
    """Test: counts its checks of texts without trailing spaces, by process."""

    code, name, family = "X950", "count-fixed", "test"
    default_severity = Severity.INFO

    def check(self, doc):
        if " \n" not in doc.text:
            with CALLS.get_lock():
                CALLS[0 if os.getpid() == PARENT[0] else 1] += 1
        return ()


N_FILES = 12


def _fix(tmp_path, jobs: int, cache: bool) -> tuple[dict[str, str], list[str], tuple[int, int]]:
    root = tmp_path / f"jobs{jobs}"
    root.mkdir()
    for i in range(N_FILES):  # trailing spaces (W101, a safe fix) on a different line of each
        lines = [f"line {k} of file {i} about the river market" for k in range(6)]
        lines[i % 6] += "  "
        (root / f"f{i:02}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config, registry = build_registry([str(root)], table={"cache": cache, "jobs": jobs})
    registry.rules["X950"] = CountFixed
    config.select = ["W101", "X950"]
    config.root = str(root)
    CALLS[0] = CALLS[1] = 0
    PARENT[0] = os.getpid()
    result = run([str(root)], config, registry, fix=True)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))}
    found = sorted(json.dumps([f.path.rsplit("/", 1)[-1], f.line, f.column, f.code, f.message]) for f in result.findings)
    assert result.fixed == N_FILES
    return texts, found, (CALLS[0], CALLS[1])


@pytest.fixture
def few_docs(monkeypatch):
    monkeypatch.setattr(engine, "PARALLEL_MIN_FIXES", 4)  # (12 files suffice)
    monkeypatch.setattr(engine, "FIX_CHUNK_CHARS", 100)  # (a task per file: both workers fix)


@pytest.mark.parametrize("cache", [False, True])
def test_fixes_run_on_the_workers_and_the_relint_reuses_the_last_pass(tmp_path, few_docs, cache):
    one_texts, one_found, (one_parent, one_workers) = _fix(tmp_path, 1, cache)
    two_texts, two_found, (two_parent, two_workers) = _fix(tmp_path, 2, cache)
    assert all(" \n" not in t for t in one_texts.values())
    assert one_texts == two_texts and one_found == two_found
    # jobs 1: each fixed text checked once, here (the last pass; the re-lint reuses it)
    assert (one_parent, one_workers) == (N_FILES, 0)
    # jobs 2: once each too, in the workers (lead: every pass in the run's process)
    assert (two_parent, two_workers) == (0, N_FILES)
