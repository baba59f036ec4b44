"""corpuslint's own documentation passes corpuslint's own check (default rules, the
project's config): a rule that flags the README's examples in code spans (A121's row did,
this session) is a false alarm every user of a Markdown corpus would meet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_and_docs_pass_their_own_check():
    docs = ["README.md", "docs", "plugins/corpuslint-quality/README.md"]
    run = subprocess.run([sys.executable, "-m", "corpuslint", "check", "--no-cache", *docs],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "All checks passed!" in run.stdout
