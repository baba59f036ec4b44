"""The parallel map reads a large data file as it goes (issue 14, target 1).

A data file read as an ``engine._RecordStream`` was read whole into documents before a
parallel map (``--jobs 2``, and the default ``--jobs 0`` on a machine of several cores)
planned its batches: 100 MB of JSON Lines records were ~150 MB more at the map's start.
``engine._chunks`` now takes its records as the batches are taken; a worker that dies
leaves its batch and the ones after it to this process. Real records: the Urdu Qur'an
excerpt, Thai Firefox strings and the seed articles' paragraphs.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from corpuslint import engine, index
from corpuslint.cli import main
from tests.conftest import SAMPLES

DATA = Path(__file__).parent / "data" / "realtext"


def _folder(path: Path) -> Path:
    path.mkdir()
    shutil.copyfile(DATA / "quran-json-ur-excerpt.jsonl", path / "quran-ur.jsonl")
    lines = (DATA / "firefox-th-ui-strings.jsonl").read_text(encoding="utf-8").splitlines()
    paragraphs = [p for f in sorted(SAMPLES.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")
                  if p.strip()]
    rows = [json.dumps({"id": f"p{i}", "text": p}, ensure_ascii=False) for i, p in enumerate(paragraphs)]
    rows.insert(7, '{"id": "broken", "text": ')  # a line that is no record: F005, the rest is read
    (path / "mixed.jsonl").write_text("\n".join(rows + rows[:3] + lines) + "\n", encoding="utf-8")
    return path


def _report(folder: Path, monkeypatch, *args: str) -> str:
    monkeypatch.setattr(engine, "STREAM_RECORD_BYTES", 0)  # (every data file a stream)
    monkeypatch.chdir(folder)
    out = folder.parent / f"{folder.name}-{'-'.join(args)}.json"
    assert main(["check", "--no-cache", "--exit-zero", "--format", "json", "-o", str(out), *args, "."]) == 0
    return out.read_text(encoding="utf-8")


def test_the_parallel_map_maps_records_before_the_stream_is_read_to_its_end(tmp_path, monkeypatch):
    """The parent maps its first batch of a stream's records before the stream's last
    record is read (read whole first, every record was read before any was mapped), and
    the report is the one-process run's."""
    folder = _folder(tmp_path / "d")
    one = _report(folder, monkeypatch, "--jobs", "1")
    events: list[str] = []
    documents, map_items = engine._RecordStream.documents, engine._map_items

    def read(self):
        for doc in documents(self):
            events.append("read")
            yield doc

    def mapped(linter, batch, *args):
        events.append("map")
        return map_items(linter, batch, *args)

    monkeypatch.setattr(engine._RecordStream, "documents", read)
    monkeypatch.setattr(engine, "_map_items", mapped)
    two = _report(folder, monkeypatch, "--jobs", "2")
    assert two == one
    last_read = len(events) - 1 - events[::-1].index("read")
    assert events.count("read") > 200 and events.index("map") < last_read
    codes = {(d["code"], d["path"]) for d in json.loads(two)["diagnostics"]}
    assert {("F005", "mixed.jsonl"), ("D107", "mixed.jsonl")} <= codes


_WORKER_MAP = engine._worker_map


def _dies(chunk, plans=None):
    """``engine._worker_map``, but the worker ends on the first batch holding a record of
    the Qur'an file (the second data file: never in the parent's first batch). By name:
    a worker is sent what it runs pickled; forked, it finds this test module."""
    if any(getattr(doc, "path", "").startswith("quran-ur.jsonl#") for doc in chunk):
        os._exit(1)
    return _WORKER_MAP(chunk, plans)


def test_a_worker_that_dies_leaves_its_batches_to_this_process(tmp_path, monkeypatch, capsys):
    """A worker killed while it maps a batch (the out-of-memory killer): the run says so
    once on standard error, maps that batch and the rest here, and reports what the
    one-process run reports: no record lost or mapped twice."""
    folder = _folder(tmp_path / "d")
    one = _report(folder, monkeypatch, "--jobs", "1")
    monkeypatch.setattr(engine, "_worker_map", _dies)
    capsys.readouterr()
    two = _report(folder, monkeypatch, "--jobs", "2")
    assert capsys.readouterr().err.count("parallel map failed") == 1
    assert two == one


def test_a_warm_run_serves_a_streamed_data_file_its_stored_states(tmp_path, monkeypatch):
    """A data file read as a stream is planned when the map reaches it (read whole then:
    it is small enough to keep rows, ``index.CHECKED_ROWS_MAX_BYTES``), so a warm run
    collects none of its records' corpus states again, in this process or in the
    workers (told the plan with each batch), and reports what the cold run reported."""
    folder = _folder(tmp_path / "d")
    monkeypatch.setattr(engine, "STREAM_RECORD_BYTES", 0)
    monkeypatch.chdir(folder)
    log = tmp_path / "collected.log"
    many, one = index._collect_many, index._collect_one

    def counted(n: int) -> None:
        with open(log, "a") as fh:  # (a file: the workers' calls are counted too)
            fh.write(f"{n}\n")

    def collect_many(rule, docs):
        counted(len(docs))
        return many(rule, docs)

    def collect_one(rule, doc):
        counted(1)
        return one(rule, doc)

    def run(*args: str) -> tuple[str, int]:
        log.write_text("")
        out = tmp_path / "out.json"
        assert main(["check", "--exit-zero", "--format", "json", "-o", str(out), *args, "."]) == 0
        return out.read_text(encoding="utf-8"), sum(map(int, log.read_text().split()))

    monkeypatch.setattr(index, "_collect_many", collect_many)
    monkeypatch.setattr(index, "_collect_one", collect_one)
    cold, collected = run("--jobs", "1")
    assert collected > 200  # (every record, each corpus rule)
    for jobs in ("1", "2"):
        warm, collected = run("--jobs", jobs)
        assert (warm, collected) == (cold, 0), jobs


def test_many_tiny_data_files_are_mapped_in_parallel(tmp_path, monkeypatch):
    """A data file counts at least one record when a parallel map is weighed
    (``engine._stream_records``): 80 files of one short Thai record each (under 100 bytes)
    go to the parallel map (``_parallel_stream``) with ``--jobs 2`` (a weight of their
    bytes alone, 0 records each, kept them in one process: 3,000 such files took 6.5 s
    against 3.9 s read whole first), and the report is ``--jobs 1``'s."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    for i in range(80):
        (folder / f"s{i:03d}.jsonl").write_text(json.dumps({"id": f"r{i}", "text": f"ข้อความ {i}  "}) + "\n",
                                                encoding="utf-8")
    assert max(p.stat().st_size for p in folder.iterdir()) < engine.STREAM_BYTES_A_RECORD
    one = _report(folder, monkeypatch, "--jobs", "1")
    calls = []
    parallel = engine._parallel_stream

    def counted(*args, **kwargs):
        calls.append(1)
        return parallel(*args, **kwargs)

    monkeypatch.setattr(engine, "_parallel_stream", counted)
    assert _report(folder, monkeypatch, "--jobs", "2") == one
    assert calls == [1]
