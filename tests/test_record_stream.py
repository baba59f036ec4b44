"""A large data file's records are read as the map step reaches them
(``engine._RecordStream``), not all before it: the report, the fixes written with
``--fix --fix-data`` and the summary are those of reading every record first, with
``--jobs 1`` (streamed) and ``--jobs 2`` (read before the parallel map plans its batches)."""

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


# -- records held as where their line starts (plain JSON Lines) -------------------------


def _held(path: Path, text_field="text"):
    from corpuslint.files import ReadProblem, Source
    from corpuslint.readers import JsonlReader, ReaderOptions
    from corpuslint.store import DocumentStore

    reader, options = JsonlReader(), ReaderOptions(text_field=text_field)
    docs = [d for _, d in reader.guarded(Source(str(path), path.name), lambda: reader.records(str(path), options),
                                         False) if not isinstance(d, ReadProblem)]
    store = DocumentStore()
    for doc in docs:
        store.hold(doc)
    return docs, store


def test_a_plain_jsonl_record_is_held_as_its_line_and_read_again(tmp_path):
    path = tmp_path / "d.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in ALPACA]
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8") + b"\r\n\n")  # a BOM, CRLF, a blank line
    docs, store = _held(path, ("instruction", "input", "output"))
    assert len(docs) == 3 * len(ALPACA)
    assert all(type(entry[0]) is tuple for entry in store._recs.values())  # no text held
    for doc in docs:
        again = store.get(doc.path)
        assert (again.text, again.content_hash, again.record, again.field) == (
            doc.text, doc.content_hash, doc.record, doc.field)
    assert store.records() == len(ALPACA)


def test_chat_turns_are_read_again_with_their_role_and_previous_turn(tmp_path):
    path = tmp_path / "chat.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in SHAREGPT), encoding="utf-8")
    docs, store = _held(path, "conversations[*].value")
    assert len(docs) == 6
    for doc in docs:
        again = store.get(doc.path)
        assert (again.text, again.role, again.previous_turn, again.turn, again.content_hash) == (
            doc.text, doc.role, doc.previous_turn, doc.turn, doc.content_hash)


def test_a_record_whose_line_changed_is_not_read_again(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "First record."}\n{"text": "Second record."}\n', encoding="utf-8")
    docs, store = _held(path)
    path.write_text('{"text": "First record."}\n{"text": "Second recorD."}\n', encoding="utf-8")
    assert store.get(docs[0].path).text == "First record."
    assert store.get(docs[1].path) is None and docs[1].path in store.changed


def test_hold_texts_keeps_the_records_of_a_file_about_to_be_rewritten(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "First record."}\n{"text": "Second record."}\n', encoding="utf-8")
    docs, store = _held(path)
    store.hold_texts("d.jsonl")
    path.write_text('{"text": "First record, fixed and longer."}\n{"text": "Second record."}\n', encoding="utf-8")
    assert [store.get(d.path).text for d in docs] == ["First record.", "Second record."]
    store.hold(docs[0])  # (held again, as the re-lint does: by its text)
    assert store._recs[docs[0].path][0] == "First record."


def test_compressed_jsonl_and_standard_input_records_keep_their_text(tmp_path):
    import gzip

    from .conftest import run_cli

    path = tmp_path / "d.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "First record."}\n'))
    docs, store = _held(path)
    assert docs[0].at is None and store._recs[docs[0].path][0] == "First record."
    proc = run_cli("check", "--no-cache", "--format", "json", "--stdin-filename", "in.jsonl", "-",
                   input='{"text": "A record with a trailing space. "}\n', cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    found = [d for d in json.loads(proc.stdout)["diagnostics"] if d["code"] == "W101"]
    assert [(d["path"], d["record"]) for d in found] == [("in.jsonl", 1)]  # placed in the record read from stdin
