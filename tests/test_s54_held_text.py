"""Held records' text waits in the store's temporary file, not in memory (issue 14, target 1).

``store.HeldRecords`` appends its UTF-8 buffer to an unnamed temporary file each time it
reaches ``HELD_TEXT_BUFFER`` bytes and reads a record back with ``os.pread``; when the file
cannot be made or written, or in a forked process, the text stays in memory. Here: the
records come back equal whatever the buffer's size, a run's report and a ``--fix-data``
rewrite are byte-identical with every record written out, and the failure paths lose
nothing.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import cli
from corpuslint import store as store_module
from corpuslint.store import HeldRecords
from tests.conftest import SAMPLES
from tests.test_memory import _held_rows

DATA = Path(__file__).parent / "data" / "realtext"


def _filled(rows, buffer: int) -> tuple[HeldRecords, dict]:
    held, model = HeldRecords(), {}
    with mock.patch.object(store_module, "HELD_TEXT_BUFFER", buffer):
        for key, rec in rows:
            held[key] = rec
            model[key] = rec
    return held, model


@settings(max_examples=150, deadline=None)
@given(_held_rows(), st.sampled_from([1, 5, 40, 1 << 20]))
def test_held_records_come_back_equal_whatever_the_buffer(rows, buffer):
    """Every record's tuple comes back equal (lone surrogates too) from the file or the
    buffer; the text held is every record's UTF-8 bytes, and at most a buffer's worth
    (plus the last record) stays in memory."""
    held, model = _filled(rows, buffer)
    utf8 = [len(rec[0].encode("utf-8", "surrogatepass")) for rec in model.values()]
    assert held.text_bytes >= sum(utf8)  # (a key held again keeps its old bytes, unused)
    assert len(held._text) < buffer + max(utf8, default=0)
    if buffer == 1 and held.text_bytes:
        assert held._written == held.text_bytes and not held._text  # (every record written out)
    assert list(held) == list(model)
    for key, rec in model.items():
        assert held[key] == rec and held.get(key) == rec
    first = next(iter(model))
    assert held.pop(first) == model[first] and first not in held


def _verses() -> list[tuple[str, tuple]]:
    """The Qur'an verses of the real-text records (French, Turkish, English), as held rows."""
    rows = []
    for n, line in enumerate((DATA / "quran-short-verses-fr-tr-en.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        obj = json.loads(line)
        shape = ("q.jsonl", None, "text", None, None, None, False, None, "", None, False)
        rows.append((f"q.jsonl#{n}", (obj["text"], n, n, shape, None)))
    return rows


def test_a_temporary_file_that_cannot_be_made_keeps_the_text_in_memory():
    rows = _verses()
    with mock.patch("tempfile.TemporaryFile", side_effect=OSError(28, "No space left on device")):
        held, model = _filled(rows, 16)
    assert held._written == 0 and held._file is None and held.text_bytes == len(held._text) > 0
    assert all(held[k] == rec for k, rec in model.items())


def test_a_write_that_fails_midway_keeps_what_was_written_and_the_rest_in_memory():
    """The disk fills after the first write: the text written before is read from the
    file, what follows (and the buffer that did not fit) from memory."""
    rows = _verses()
    real, calls = os.pwrite, []

    def pwrite(fd, data, at):
        calls.append(at)
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        return real(fd, data, at)

    with mock.patch.object(store_module.os, "pwrite", pwrite):
        held, model = _filled(rows, 64)
    assert len(calls) == 2 and 0 < held._written < held.text_bytes  # (one written, then no more tries)
    assert all(held[k] == rec for k, rec in model.items())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork: POSIX only")
def test_a_forked_process_never_writes_into_its_parents_file():
    """A worker forked from the run shares the file: what it holds stays in its memory,
    and the parent's records read back unchanged after it exits."""
    rows = _verses()
    half = len(rows) // 2
    held, model = _filled(rows[:half], 8)
    written = held._written
    assert written > 0
    pid = os.fork()
    if pid == 0:  # the child: hold the other half, read everything back
        ok = False
        try:
            with mock.patch.object(store_module, "HELD_TEXT_BUFFER", 8):
                for key, rec in rows[half:]:
                    held[key] = rec
            ok = held._written == written and all(held[k] == rec for k, rec in rows)
        finally:
            os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert os.fstat(held._file.fileno()).st_size == written
    assert all(held[k] == rec for k, rec in model.items())


def _records_project(root: Path) -> None:
    for name in ("chatterbot-repeated-turns.jsonl", "quran-short-verses-fr-tr-en.jsonl", "quran-tr-short-verses.jsonl"):
        shutil.copyfile(DATA / name, root / name)
    shutil.copyfile(DATA / "quran-tr-short-verses.jsonl", root / "copy.jsonl")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    rows = [json.dumps({"id": f"doc-{i:03d}", "text": t.replace(" ", "\u00a0", 1)}, ensure_ascii=False)
            for i, t in enumerate(texts)]
    (root / "news.jsonl").write_text("\n".join(rows + rows[:1]) + "\n", encoding="utf-8")


@pytest.mark.parametrize("args", [["--no-cache", "--jobs", "1"], ["--jobs", "2"]])
def test_a_run_with_every_record_written_out_is_the_same_run(tmp_path, monkeypatch, capsys, args):
    """Real records (ChatterBot turns, Qur'an verses and a copy of their file, the seed
    articles as records with an NBSP for a space each): the report with every record's text in the
    temporary file (a 1-byte buffer) is byte for byte the one with the text in memory,
    and so are the data files ``--fix --fix-data`` rewrites (W102's NBSP fixed, read from
    the held text)."""
    outs, trees = {}, {}
    for buffer in (1 << 30, 1):
        root = tmp_path / str(buffer)
        root.mkdir()
        _records_project(root)
        monkeypatch.chdir(root)
        monkeypatch.setattr(store_module, "HELD_TEXT_BUFFER", buffer)
        report = tmp_path / f"report-{buffer}.json"  # (outside the project: not a file it checks)
        cli.main(["check", "--format", "json", "--exit-zero", *args, "-o", str(report), "."])
        outs[buffer] = report.read_text(encoding="utf-8")
        cli.main(["check", "--fix", "--fix-data", "--exit-zero", "--no-cache", "--jobs", "1", "."])
        capsys.readouterr()
        trees[buffer] = {p.name: p.read_bytes() for p in sorted(root.glob("*.jsonl"))}
    assert outs[1] == outs[1 << 30]
    report = json.loads(outs[1])
    assert {"D107", "W102"} <= set(report["summary"]["by_code"])
    assert trees[1] == trees[1 << 30]
    assert "\u00a0" not in trees[1]["news.jsonl"].decode("utf-8")  # (the fixes were applied)
