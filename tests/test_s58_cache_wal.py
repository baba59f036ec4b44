"""The corpus index leaves no write-ahead log behind (issue 14: a cache at corpus scale).

SQLite deletes a database's write-ahead log when the last connection closes, if that
connection can checkpoint; a run's last connections were read-only (``?mode=ro``), and a
first cached run writes its states in large transactions, so the log stayed at its
high-water mark beside the database: 452 MB beside 908 MB for bench_scale's 100 MB of
text, 47.5 MB beside 93.8 MB for 10 MB. The writing connection now checkpoints and cuts
the log to 0 bytes as it closes (``index._truncate_wal``), without waiting for a reader
of another process (its snapshot keeps the log until a later run).

Here: a cached run of the seed articles leaves an empty log and a warm run reads the same
findings back; a run while another connection holds an old snapshot finishes with the
findings of a run without the cache, and the next run, the reader gone, cuts the log.
"""

from __future__ import annotations

import shutil
import sqlite3

from .conftest import SAMPLES, run_cli

INDEX = "corpus-index.sqlite3"


def _report(root) -> str:
    proc = run_cli("check", "--format", "json", "--exit-zero", ".", cwd=root)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _log_bytes(root) -> int:
    wal = root / ".corpuslint_cache" / (INDEX + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_a_cached_run_leaves_no_write_ahead_log(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(SAMPLES, root)
    first = _report(root)
    assert (root / ".corpuslint_cache" / INDEX).stat().st_size > 0
    assert _log_bytes(root) == 0
    assert _report(root) == first  # (warm: every state read back from the database itself)
    assert _log_bytes(root) == 0
    no_cache = run_cli("check", "--format", "json", "--exit-zero", "--no-cache", ".", cwd=root)
    assert no_cache.stdout == first


def test_a_reader_holding_an_old_snapshot_does_not_stop_a_run(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(SAMPLES, root)
    _report(root)
    # (read-only, as a run's readers are: its close cannot checkpoint the log away either)
    reader = sqlite3.connect(f"file:{root / '.corpuslint_cache' / INDEX}?mode=ro", uri=True, isolation_level=None)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM files").fetchone()[0] >= 5  # (the snapshot is held from here)
        changed = sorted(root.glob("*.txt"))[0]
        changed.write_text(changed.read_text(encoding="utf-8") + "\nسطر جديد أضيف إلى المقال بعد نشره.\n",
                           encoding="utf-8")
        during = _report(root)  # (its writes cannot be checkpointed past the reader's snapshot)
        assert _log_bytes(root) > 0
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    assert _log_bytes(root) > 0
    changed = sorted(root.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nفقرة أخرى أضيفت إلى هذا المقال لاحقا.\n",
                       encoding="utf-8")
    after = _report(root)
    assert after != during
    assert _log_bytes(root) == 0
    no_cache = run_cli("check", "--format", "json", "--exit-zero", "--no-cache", ".", cwd=root)
    assert no_cache.stdout == after
