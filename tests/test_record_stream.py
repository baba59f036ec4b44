"""A large data file's records are read as the map step reaches them
(``engine._RecordStream``), not all before it: the report, the fixes written with
``--fix --fix-data`` and the summary are those of reading every record first, with
``--jobs 1`` and ``--jobs 2`` (the parallel map's batches read from the stream as they
are taken: ``engine._chunks``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpuslint import engine
from corpuslint.cli import main

ALPACA = [
    {"instruction": "Explain what the apt-cache command shows.", "input": "",
     "output": "It displays much of the information stored in the internal database of APT.\u00a0"},
    {"instruction": "اشرح معنى الذاكرة المؤقتة.", "input": "",
     "output": "الذاكرة المؤقتة نظام تخزين مؤقت يسرّع الوصول إلى البيانات المتكررة."},
    {"instruction": "Explain what the apt-cache command shows.", "input": "",
     "output": "It displays much of the information stored in the internal database of APT.\u00a0"},
    {"instruction": "Summarise the firewall section.", "input": "Netfilter filters packets in the kernel.",
     "output": "The kernel filters packets with  netfilter, and iptables configures the rules."},
]
SHAREGPT = [
    {"conversations": [{"from": "human", "value": "How do I update the package lists?"},
                       {"from": "gpt", "value": "Run apt update regularly to update the cache."}]},
    {"conversations": [{"from": "human", "value": "كيف أحدّث قوائم الحزم؟"},
                       {"from": "gpt", "value": "شغّل الأمر apt update بانتظام لتحديث الذاكرة المؤقتة.\u00a0"}]},
    {"conversations": [{"from": "human", "value": "How do I update the package lists?"},
                       {"from": "gpt", "value": "Run apt update regularly to update the cache."}]},
]


def _folder(path: Path) -> Path:
    path.mkdir()
    lines = [json.dumps(r, ensure_ascii=False) for r in ALPACA]
    lines.insert(2, '{"instruction": "a broken line",')  # one F005, the rest is read
    (path / "sft_alpaca.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (path / "sft_sharegpt.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in SHAREGPT), encoding="utf-8")
    (path / "dataset_info.json").write_text(json.dumps({
        "alpaca": {"file_name": "sft_alpaca.jsonl"},
        "sharegpt": {"file_name": "sft_sharegpt.jsonl", "formatting": "sharegpt"}}), encoding="utf-8")
    (path / "notes.txt").write_text("A plain file beside the data files.\n", encoding="utf-8")
    return path


def _check(folder: Path, monkeypatch, streamed: bool, *args: str) -> tuple[str, int]:
    """The report of ``check ARGS`` on ``folder`` (in this process), and how many data
    files were read as streams."""
    monkeypatch.setattr(engine, "STREAM_RECORD_BYTES", 0 if streamed else 1 << 40)
    count = [0]
    documents = engine._RecordStream.documents

    def counted(self):
        count[0] += 1
        return documents(self)

    monkeypatch.setattr(engine._RecordStream, "documents", counted)
    out = folder.parent / f"{folder.name}.out"
    monkeypatch.chdir(folder)
    assert main(["check", "--no-cache", "--exit-zero", "-o", str(out), *args, "."]) == 0
    return out.read_text(encoding="utf-8"), count[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_streamed_records_give_the_report_of_records_read_first(tmp_path, monkeypatch, jobs):
    folder = _folder(tmp_path / "d")
    eager, none = _check(folder, monkeypatch, False, "--jobs", jobs, "--format", "json")
    streamed, streams = _check(folder, monkeypatch, True, "--jobs", jobs, "--format", "json")
    assert (none, streams) == (0, 2)
    assert streamed == eager
    codes = {(d["code"], d["path"]) for d in json.loads(streamed)["diagnostics"]}
    # the broken line, the copied records and the no-break spaces are found in the streams
    assert {("F005", "sft_alpaca.jsonl"), ("D107", "sft_alpaca.jsonl"), ("D107", "sft_sharegpt.jsonl")} <= codes
    assert any(code.startswith("W") and path == "sft_sharegpt.jsonl" for code, path in codes)


def test_streamed_records_give_the_same_text_summary(tmp_path, monkeypatch):
    folder = _folder(tmp_path / "d")
    eager, _ = _check(folder, monkeypatch, False, "--jobs", "1", "--statistics")
    streamed, streams = _check(folder, monkeypatch, True, "--jobs", "1", "--statistics")
    assert streams == 2 and streamed == eager


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fix_data_on_streamed_records_writes_the_same_bytes(tmp_path, monkeypatch, jobs):
    eager_dir = _folder(tmp_path / "eager")
    stream_dir = tmp_path / "stream"
    shutil.copytree(eager_dir, stream_dir)
    args = ("--jobs", jobs, "--format", "json", "--fix", "--fix-data")
    eager, _ = _check(eager_dir, monkeypatch, False, *args)
    streamed, streams = _check(stream_dir, monkeypatch, True, *args)
    assert streams >= 2  # (the re-lint after the fixes reads the records again: held, not streamed)
    assert streamed.replace("stream", "eager") == eager.replace("stream", "eager")
    for name in ("sft_alpaca.jsonl", "sft_sharegpt.jsonl"):
        fixed = (stream_dir / name).read_bytes()
        assert fixed == (eager_dir / name).read_bytes()
        assert "\u00a0" not in fixed.decode("utf-8")  # the no-break spaces were fixed
    broken = (stream_dir / "sft_alpaca.jsonl").read_text(encoding="utf-8").splitlines()[2]
    assert broken == '{"instruction": "a broken line",'  # a line that is no record is kept as it was
