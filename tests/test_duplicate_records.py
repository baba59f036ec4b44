"""D107 duplicate-record: whole dataset records compared exactly (after NFC and white space)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpuslint.families.duplicate import records as R
from corpuslint.readers import RecordDocument
from corpuslint.rules import CorpusView

from .conftest import run_cli, run_json

REAL = Path(__file__).parent / "data" / "realtext"
BENCH = REAL / "ah-translit-duplicate-records.csv"


def _write_jsonl(path: Path, objs) -> None:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs), encoding="utf-8")


def _found(data, code="D107"):
    return [(d["path"], d["record"], d["related"][0]["path"], d["related"][0]["record"])
            for d in data["diagnostics"] if d["code"] == code]


def test_real_benchmark_rows_repeated_word_for_word_are_reported(tmp_path):
    # ah-translit-bench rows: "أنا ولد." twice, "هل أنت بخير الآن؟" twice (the second with
    # another transliteration: the source sentence is asked twice), the basmala twice
    shutil.copy(BENCH, tmp_path / "bench.csv")
    _, data = run_json("--select", "D107", "--text-field", "Arabic", "bench.csv", cwd=tmp_path)
    assert _found(data) == [("bench.csv", 4, "bench.csv", 2), ("bench.csv", 5, "bench.csv", 1),
                            ("bench.csv", 9, "bench.csv", 7)]
    # not copies: "تكلم" / "تكلم!" (punctuation counts), the basmala written with tatweel
    assert data["diagnostics"][0]["severity"] == "warning"
    assert data["diagnostics"][0]["fix"] is None  # check --fix never deletes a record
    assert "exact copy of bench.csv:#2 (2 copies)" in data["diagnostics"][0]["message"]


def test_normalisation_white_space_and_nfc_only(tmp_path):
    _write_jsonl(tmp_path / "d.jsonl", [
        {"text": "Hello world."},
        {"text": "  Hello \t world.\n"},  # white space: a copy
        {"text": "hello world."},  # case counts
        {"text": "Hello world"},  # punctuation counts
        {"text": "caf\u00e9 au lait"},
        {"text": "cafe\u0301 au lait"},  # NFC: a copy
        {"text": ""}, {"text": "   "},  # empty records are not compared
    ])
    _, data = run_json("--select", "D107", "d.jsonl", cwd=tmp_path)
    assert [(r, o) for _, r, _, o in _found(data)] == [(2, 1), (6, 5)]


def test_copies_across_files_point_at_the_first_and_plain_files_take_no_part(tmp_path):
    _write_jsonl(tmp_path / "test.jsonl", [{"text": "What is the capital of France?"}, {"text": "Name a prime."}])
    _write_jsonl(tmp_path / "train.jsonl", [{"text": "Name a prime."}, {"text": "What is the capital of France?"},
                                            {"text": "Name a prime."}])
    (tmp_path / "a.txt").write_text("Name a prime.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Name a prime.\n", encoding="utf-8")
    _, data = run_json("--select", "D107", ".", cwd=tmp_path)
    assert _found(data) == [("train.jsonl", 1, "test.jsonl", 2), ("train.jsonl", 2, "test.jsonl", 1),
                            ("train.jsonl", 3, "test.jsonl", 2)]
    assert "(3 copies)" in data["diagnostics"][0]["message"]


CHATS = [
    {"messages": [{"role": "user", "content": "Is it raining?"}, {"role": "assistant", "content": "Yes."}]},
    {"messages": [{"role": "user", "content": "Is it sunny?"}, {"role": "assistant", "content": "Yes."}]},
    {"messages": [{"role": "user", "content": "Is it raining?"}, {"role": "assistant", "content": "Yes."}]},
    {"messages": [{"role": "user", "content": "Yes."}, {"role": "assistant", "content": "Is it raining?"}]},
    {"messages": [{"role": "user", "content": "Is it raining?"}]},
    {"messages": [{"role": "user", "content": "Is it raining?"}, {"role": "assistant", "content": "Yes."},
                  {"role": "user", "content": "Thanks."}]},
]


def test_chat_records_are_compared_whole(tmp_path):
    # the same reply "Yes." in two conversations, the same turns in another order, a
    # conversation that begins like another: none is a copy; the same conversation is
    _write_jsonl(tmp_path / "chat.jsonl", CHATS)
    _, data = run_json("--select", "D107", "--text-field", "messages[*].content", "chat.jsonl", cwd=tmp_path)
    assert _found(data) == [("chat.jsonl", "3.1", "chat.jsonl", "1.1")]


def test_a_chat_record_copied_whole_is_one_d107_not_one_d104_a_turn(tmp_path):
    # LLaMA-Factory's glaive_toolcall_en_demo holds example 35 twice (as 90); each turn of
    # the copy is also a paragraph copy, which D107's finding on the record already says
    long_q = ("Can you provide an Excel table showing the character limits for tweets on different "
              "social media platforms such as Twitter, Facebook, and Instagram?")
    long_a = ("Certainly! Here is a table showing the character limits for posts on Twitter, Facebook and "
              "Instagram, with a note on how each platform counts links and emoji in the limit.")
    other = "Sure, here is a short summary of the differences between the three platforms for you."
    chat = {"messages": [{"role": "user", "content": long_q}, {"role": "assistant", "content": long_a}]}
    _write_jsonl(tmp_path / "chat.jsonl", [
        chat, {"messages": [{"role": "user", "content": "Hello there, how are you?"},
                            {"role": "assistant", "content": other}]}, chat])
    _, data = run_json("--select", "D104,D105,D107", "--text-field", "messages[*].content", "chat.jsonl", cwd=tmp_path)
    assert _found(data) == [("chat.jsonl", "3.1", "chat.jsonl", "1.1")]
    assert [d for d in data["diagnostics"] if d["code"] in ("D104", "D105")] == []
    # without D107 the reply after the same prompt is still reported (the same exchange
    # twice; an opening prompt alone is the dataset's design, chat11)
    _, data = run_json("--select", "D104,D105", "--text-field", "messages[*].content", "chat.jsonl", cwd=tmp_path)
    assert {d["record"] for d in data["diagnostics"]} == {"3.2"}


def test_one_message_a_record_is_not_a_record_to_compare(tmp_path):
    # chatterbot-corpus as one message a line (role field): "What is AI?" opens two dialogues
    _write_jsonl(tmp_path / "m.jsonl", [
        {"id": "ai:0:0", "role": "user", "text": "What is AI?"},
        {"id": "ai:0:1", "role": "assistant", "text": "Artificial Intelligence is the branch of engineering."},
        {"id": "ai:1:0", "role": "user", "text": "What is AI?"},
        {"id": "ai:1:1", "role": "assistant", "text": "AI is the field of science."},
    ])
    _, data = run_json("--select", "D107", "m.jsonl", cwd=tmp_path)
    assert _found(data) == []


def test_a_hash_collision_never_merges_two_records(monkeypatch):
    monkeypatch.setattr(R, "record_hash", lambda text: (7, 7))  # every record collides
    rule = R.DuplicateRecord()
    texts = ["alpha", "beta", "alpha", "gamma", "beta"]
    docs = {f"d.jsonl#{i}": RecordDocument("d.jsonl", i, i, t) for i, t in enumerate(texts, 1)}
    states = {k: rule.collect(d) for k, d in docs.items()}
    assert len({s[:2] for s in states.values()}) == 1  # all collide
    found = list(rule.reduce(CorpusView(states, set(docs), docs)))
    assert [(f.record, f.related[0].record) for f in found] == [(3, 1), (5, 2)]


def test_jsonl_and_parquet_jobs_and_cache_give_the_same_findings(tmp_path):
    texts = [f"sentence number {i % 40}" for i in range(120)]
    _write_jsonl(tmp_path / "d.jsonl", [{"text": t} for t in texts])
    pq.write_table(pa.table({"text": texts}), tmp_path / "d.parquet", row_group_size=25)
    runs = []
    for args in (("--no-cache", "--jobs", "1"), ("--no-cache", "--jobs", "2"), ("--jobs", "1"), ("--jobs", "2")):
        proc = run_cli("check", "--format", "json", "--select", "D107", *args, ".", cwd=tmp_path)  # cold, then warm
        assert proc.returncode == 1, proc.stderr
        runs.append(_found(json.loads(proc.stdout)))
    assert all(r == runs[0] for r in runs)
    # 80 later copies in d.jsonl, and every record of d.parquet copies d.jsonl's first 40
    assert len(runs[0]) == 80 + 120
    assert runs[0][0] == ("d.jsonl", 41, "d.jsonl", 1)
    assert ("d.parquet", 1, "d.jsonl", 1) in runs[0]


def test_d104_and_d105_do_not_report_the_pair_again(tmp_path):
    long = ("The quick brown fox jumps over the lazy dog while the farmer watches from the old "
            "wooden fence near the red barn")
    longer = " ".join([long] * 3)  # 69 words: D105's size
    rows = [long, longer] + [f"filler record {i} about another thing" for i in range(5)] + [longer, long]
    _write_jsonl(tmp_path / "d.jsonl", [{"text": t} for t in rows])
    _, alone = run_json("--select", "D104,D105", "d.jsonl", cwd=tmp_path)
    assert {d["code"] for d in alone["diagnostics"]} == {"D104", "D105"}
    _, both = run_json("--select", "D104,D105,D107", "d.jsonl", cwd=tmp_path)
    assert [(d["code"], d["record"], d["related"][0]["record"]) for d in both["diagnostics"]] == [
        ("D107", 8, 2), ("D107", 9, 1)]


def test_filter_drops_later_copies_and_keeps_the_first(tmp_path):
    shutil.copy(BENCH, tmp_path / "bench.csv")
    proc = run_cli("filter", "bench.csv", "out.jsonl", "--drop", "D107", "--text-field", "Arabic", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["records_in"] == 9 and summary["records_out"] == 6 and summary["dropped_by_code"] == {"D107": 3}
    kept = [json.loads(x)["Arabic"] for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert kept == ["أنا ولد.", "هل أنت بخير الآن؟", "تكلم", "تكلم!", "بسم الله الرحمن الرحيم",
                    "بسم اللـه الرحمـن الرحيم"]
    # chat records: the conversation, not a turn, is dropped
    _write_jsonl(tmp_path / "chat.jsonl", CHATS)
    proc = run_cli("filter", "chat.jsonl", "c.jsonl", "--drop", "D107", "--text-field", "messages[*].content",
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    kept = [json.loads(x) for x in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert kept == [c for i, c in enumerate(CHATS) if i != 2]
