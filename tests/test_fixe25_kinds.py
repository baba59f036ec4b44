"""Leftovers of fresh24's report (an LLM dataset of Debian manuals and man pages in JSON
Lines, JSON and Parquet shards), each on a real excerpt (tests/data/realtext/SOURCE.md:
"fixe25") with a true finding of the same rule beside it."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq

from .conftest import run_json

# -- bug 3: one list of text fields for shards of several schemas -----------------------------

# fresh24's records: a pre-training paragraph (gcloud man page), a Debian FAQ chat, a
# debian-handbook section as Alpaca (sft-alpaca-0001.parquet's first row)
PARAGRAPH = {"id": "man-247399", "lang": "en",
             "text": "deny-403 Denies the request from HTTP(S) Load Balancing, with an HTTP response status code of 403."}
CHAT = {"id": "faq-129", "lang": "en", "messages": [
    {"role": "system", "content": "You are a helpful assistant for Debian users."},
    {"role": "user", "content": "Are there any alternative strategies for booting the system installer?"},
    {"role": "assistant", "content": "Yes. Apart from CD or DVD, you can install Debian GNU/Linux by booting from "
                                     "USB memory stick, directly from hard disk, or using TFTP net booting."}]}
ALPACA = {"id": "sec-278", "lang": "ar", "instruction": "Explain: B.1. الصَدَفة (shell) والأوامر الأساسية",
          "input": "", "output": "نظرة سريعة بدء مُفسِّر الأوامر"}
FIELDS = '["text", "messages[*].content", "instruction", "input", "output"]'


def test_a_list_of_text_fields_reads_whichever_each_shard_has(tmp_path):
    # a record with none of the fields (a metadata line written into a shard) stays one F005
    stray = {"id": "man-000000", "lang": "en", "body": "written under another name"}
    (tmp_path / "pretrain.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                                     for r in (PARAGRAPH, stray)), encoding="utf-8")
    (tmp_path / "chat.jsonl").write_text(json.dumps(CHAT) + "\n", encoding="utf-8")
    (tmp_path / "alpaca.json").write_text(json.dumps([ALPACA], ensure_ascii=False), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist([ALPACA]), tmp_path / "alpaca.parquet")
    pq.write_table(pa.Table.from_pylist([{"id": "x", "label": 1}]), tmp_path / "labels.parquet")
    (tmp_path / "corpuslint.toml").write_text(
        f'include = ["*.json", "*.jsonl", "*.parquet"]\n[readers]\ntext-field = {FIELDS}\nid-field = "id"\n',
        encoding="utf-8")
    _, out = run_json("--select", "F,Q108", ".", cwd=tmp_path)
    got = sorted((f["path"], str(f["record"]), f["message"]) for f in out["diagnostics"] if f["code"] == "F005")
    assert got == [
        ("labels.parquet", "None", "no column 'text', 'messages[*].content', 'instruction', 'input', 'output' for "
                                   "the text (columns: id, label; set --text-field)"),
        ("pretrain.jsonl", "man-000000", "record has none of the text fields 'text', 'messages[*].content', "
                                         "'instruction', 'input', 'output'")]
    # every shard's texts were read (Q108, short documents, sees one of each)
    read = {(f["path"], str(f["record"])) for f in out["diagnostics"] if f["code"] == "Q108"}
    assert {("pretrain.jsonl", "man-247399.text"), ("chat.jsonl", "faq-129.messages.3"),
            ("alpaca.json", "sec-278.output"), ("alpaca.parquet", "sec-278.output")} <= read, read
