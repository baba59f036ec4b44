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


# -- kind 2, W103: a man page's definition list and example session flattened into a record --

# fresh24's pretrain-0000 paragraphs: gcloud pages' option and command lists (their tag's
# indentation gone with the paragraph's), intro(1) es's example session joined into one line
MAN_LISTS = [
    ("man-244381", "--mtu=MTU  Maximum transmission unit (MTU) is the size of the largest IP packet passing "
                   "through this interconnect attachment. Must be one of 1440, 1460, 1500, or 8896. If not "
                   "specified, the value will default to 1440."),
    ("man-214996", "describe  Show details of the management server."),
    ("man-293713", "set-iam-policy  (BETA) Set the IAM policy for a backup."),
    ("man-335370", "knuth login: aeb Password: ******** $ date Tue Aug  6 23:50:44 CEST 2002 $ cal      August 2002 Su Mo Tu We Th Fr Sa              1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31  $ ls bin  tel $ ls -l total 2 drwxrwxr-x   2 aeb       1024 Aug  6 23:51 bin -rw-rw-r--   1 aeb         37 Aug  6 23:52 tel $ cat tel maja    0501-1136285 peter   0136-7399214 $ cp tel tel2 $ ls -l total 3 drwxr-xr-x   2 aeb       1024 Aug  6 23:51 bin -rw-r--r--   1 aeb         37 Aug  6 23:52 tel -rw-r--r--   1 aeb         37 Aug  6 23:53 tel2 $ mv tel tel1 $ ls -l total 3 drwxr-xr-x   2 aeb       1024 Aug  6 23:51 bin -rw-r--r--   1 aeb         37 Aug  6 23:52 tel1 -rw-r--r--   1 aeb         37 Aug  6 23:53 tel2 $ diff tel1 tel2 $ rm tel1 $ grep maja tel2 maja    0501-1136285 $"),
    # true findings: a doubled space between words of a sentence (localedef(1) ru, scriptreplay(1) fr)
    ("man-374543", "4 Произошла  ошибка, результат не записан."),
    ("man-356861", "Si vous découvrez un bogue dans la traduction de cette page de manuel,  veuillez envoyer "
                   "un message à"),
]


def test_definition_lists_and_sessions_of_man_pages_in_records(tmp_path):
    (tmp_path / "pre.jsonl").write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                                                for i, t in MAN_LISTS), encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text('[readers]\nid-field = "id"\n', encoding="utf-8")
    _, out = run_json("--select", "W103", "pre.jsonl", cwd=tmp_path)
    assert sorted((f["record"], f["column"]) for f in out["diagnostics"]) == [("man-356861", 71),
                                                                             ("man-374543", 12)]
