"""Chat turns know their role (``Document.role``, ``Document.previous_turn``): the
readers take it from the record (OpenAI/HF ``role``, ShareGPT ``from``, a ``role``
beside a one-message record, Alpaca's columns), rules declare the roles they apply to
(``Rule.only_roles``: Q113/Q114 read the assistant's turns), and D104 compares a chat
turn only with turns that follow the same turn. Real messages of chatterbot-corpus
(tests/data/realtext/SOURCE.md)."""

from __future__ import annotations

import json
import pickle

import pytest

import corpuslint
from corpuslint.document import Document
from corpuslint.engine import skips_kind
from corpuslint.findings import Severity
from corpuslint.readers.base import (ReaderOptions, RecordDocument, in_memory_records, record_role, turn_hash,
                                     unique_records)

from .conftest import ROOT, run_cli

REPEATED = ROOT / "tests" / "data" / "realtext" / "chatterbot-repeated-turns.jsonl"
# a user's turn that opens as a refusal would, and an assistant's refusal (LLaMA-Factory's
# glaive_toolcall_en_demo reply; the user's words are of the same shape)
USER_SORRY = "I'm sorry, but I can't find the receipt for my order. Can you look it up by my e-mail address?"
REFUSAL = "I'm sorry, but I don't have the capability to book flights. My current function allows me to get the current stock price."


def docs_of(records, field):
    options = ReaderOptions(text_field=field)
    return [d for _, d in unique_records("d.jsonl", in_memory_records(records, options), by_id=False)]


def test_roles_of_chat_formats():
    openai = [{"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"},
                            {"role": "assistant", "content": "Hello!"}]}]
    assert [(d.role, d.turn) for d in docs_of(openai, "messages[*].content")] == [
        ("system", 1), ("user", 2), ("assistant", 3)]
    sharegpt = [{"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!"},
                                   {"from": "function_call", "value": "{}"}, {"from": "observation", "value": "{}"}]}]
    assert [d.role for d in docs_of(sharegpt, "conversations[*].value")] == ["user", "assistant", "assistant", "tool"]
    # a speaker of a dialogue dataset keeps its own name; a turn list of strings has no role
    assert [d.role for d in docs_of([{"turns": [{"speaker": "Alice", "text": "Hi"}]}], "turns[*].text")] == ["alice"]
    assert [d.role for d in docs_of([{"turns": ["Hi", "Hello!"]}], "turns[*]")] == [None, None]
    # one message a record: the role beside the text (chatterbot as chat-chatterbot writes it)
    flat = [json.loads(line) for line in REPEATED.read_text(encoding="utf-8").splitlines()]
    assert [d.role for d in docs_of(flat[:2], "text")] == ["user", "assistant"]
    # Alpaca: the output is the assistant's, the instruction and input the user's
    alpaca = {"instruction": "Rewrite the sentence.", "input": "He go home.", "output": "He goes home."}
    assert [record_role(alpaca, f) for f in ("instruction", "input", "output")] == ["user", "user", "assistant"]
    # a "from" that is not a speaker (an e-mail's sender) is no role; a record without one neither
    assert docs_of([{"from": "ann@example.org", "text": "Minutes attached."}], "text")[0].role is None
    assert docs_of([{"text": "A web page."}], "text")[0].role is None


def test_previous_turn_chains_turns_of_a_conversation():
    convs = [{"messages": [{"role": "user", "content": "My computer won't turn on."},
                           {"role": "assistant", "content": "Check if it's plugged in."}]},
             {"messages": [{"role": "user", "content": "My computer  won't turn on."},
                           {"role": "assistant", "content": "Check if it's plugged in."}]}]
    a1, a2, b1, b2 = docs_of(convs, "messages[*].content")
    assert a1.previous_turn == "" and b1.previous_turn == ""  # each opens its conversation
    assert a2.previous_turn == b2.previous_turn != ""  # after the same prompt (spaces aside)
    # one message a record: the record before, in the file
    flat = [json.loads(line) for line in REPEATED.read_text(encoding="utf-8").splitlines()]
    docs = docs_of(flat, "text")
    assert docs[0].previous_turn == ""
    assert docs[5].previous_turn == docs[7].previous_turn and docs[5].text == docs[7].text  # tech_support 1, 10
    assert docs[1].previous_turn != docs[3].previous_turn and docs[1].text == docs[3].text  # "Context is hard."
    assert all(d.previous_turn is None for d in docs_of([{"text": "x"}], "text"))
    # a system prompt sets a conversation up: it and the first turn after it open it
    sys_first = [{"messages": [{"role": "system", "content": "You are a helpful assistant."},
                               {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}]
    assert [d.previous_turn for d in docs_of(sys_first, "messages[*].content")][:2] == ["", ""]
    # Alpaca: the output follows its record's instruction and input, the instruction opens
    rec = {"instruction": "Rewrite the sentence.", "input": "He go home.", "output": "He goes home."}
    other = dict(rec, input="She go home.")
    (i1, n1, o1), (i2, n2, o2) = [[docs_of([r], f)[0] for f in ("instruction", "input", "output")] for r in (rec, other)]
    assert i1.previous_turn == i2.previous_turn == "" and n1.previous_turn == n2.previous_turn != ""
    assert o1.previous_turn != o2.previous_turn and o1.previous_turn == turn_hash("Rewrite the sentence.\nHe go home.")
    # a message nested in a record of another shape (a preference pair's reply): its role, no previous turn
    dpo = [{"conversations": [{"from": "human", "value": "Hi"}], "chosen": {"from": "gpt", "value": "Hello!"}}]
    assert [(d.role, d.previous_turn) for d in docs_of(dpo, "chosen.value")] == [("assistant", None)]


def test_role_is_part_of_the_identity_and_survives_copies():
    plain = RecordDocument("d.jsonl", 1, 1, REFUSAL)
    user = RecordDocument("d.jsonl", 1, 1, REFUSAL, role="user", previous_turn="")
    assistant = RecordDocument("d.jsonl", 1, 1, REFUSAL, role="assistant", previous_turn="")
    later = RecordDocument("d.jsonl", 1, 1, REFUSAL, role="assistant", previous_turn="00ff")
    assert len({plain.content_hash, user.content_hash, assistant.content_hash, later.content_hash}) == 4
    assert plain.content_hash == Document("d.jsonl#1", REFUSAL).content_hash  # no role: as before
    for copy in (pickle.loads(pickle.dumps(later)), later.with_text(REFUSAL + " ")):
        assert (copy.role, copy.previous_turn, copy.turn) == ("assistant", "00ff", None)
    assert pickle.loads(pickle.dumps(later)).content_hash == later.content_hash


def q11x(records, field):
    return sorted((f.record, f.code) for f in corpuslint.lint_records(
        records, text_field=field, config={"select": ["Q113", "Q114"]}))


def test_assistant_rules_read_the_assistants_turns_only():
    chat = [{"messages": [{"role": "user", "content": USER_SORRY}, {"role": "assistant", "content": REFUSAL}]}]
    assert q11x(chat, "messages[*].content") == [("1.2", "Q113")]
    sharegpt = [{"conversations": [{"from": "human", "value": USER_SORRY}, {"from": "gpt", "value": REFUSAL}]}]
    assert q11x(sharegpt, "conversations[*].value") == [("1.2", "Q113")]
    # no role: every text is taken as a reply, as before
    assert q11x([{"turns": [USER_SORRY, REFUSAL]}], "turns[*]") == [("1.1", "Q113"), ("1.2", "Q113")]
    assert q11x([{"text": USER_SORRY}], "text") == [(1, "Q113")]
    # Alpaca: an instruction is the user's, the output the assistant's
    alpaca = [{"instruction": "Sure! Here's my question: " + USER_SORRY, "input": "", "output": REFUSAL}]
    assert q11x(alpaca, "instruction") == [] and q11x(alpaca, "output") == [(1, "Q113")]


def test_only_roles_is_the_engines_to_honour(tmp_path):
    from corpuslint.engine import Linter, build_registry
    from corpuslint.rules import DocumentRule

    class ModelText(DocumentRule):
        """Test."""
        code, name, family = "X902", "model-text", "test"
        default_severity = Severity.INFO
        only_roles = frozenset({"assistant"})

        def check(self, doc):
            yield doc.finding(self, 0, 0, "seen")

    config, registry = build_registry([str(tmp_path)])
    registry.rules["X902"] = ModelText
    config.select = ["X902"]
    linter = Linter(config, registry)
    rule = next(r for r in linter.document_rules + linter.record_rules if r.code == "X902")
    user = RecordDocument("d.jsonl", 1, "1.1", "Hi", role="user", previous_turn="")
    model = RecordDocument("d.jsonl", 1, "1.2", "Hello!", role="assistant", previous_turn="ab")
    unknown = RecordDocument("d.jsonl", 2, 2, "Hello!")
    assert skips_kind(rule, user) and not skips_kind(rule, model) and not skips_kind(rule, unknown)
    assert linter.compute_findings(user) == []
    assert [f.code for f in linter.compute_findings(model)] == ["X902"]
    assert [f.code for f in linter.compute_findings(unknown)] == ["X902"]
    with pytest.raises(ValueError, match="only_roles"):
        type("Bad", (ModelText,), {"only_roles": "assistant", "__doc__": "x"}).validate_class()


def d104(tmp_path, name, lines, *args):
    # (each file in a folder of its own: a file checked alone is compared with the files beside it)
    folder = tmp_path / name.replace(".", "-")
    folder.mkdir()
    (folder / name).write_text("".join(lines), encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "json", "--exit-zero", "--select", "D104", "--id-field", "id",
                   *args, name, cwd=folder)
    assert proc.returncode == 0, proc.stderr
    return sorted(d["record"] for d in json.loads(proc.stdout)["diagnostics"])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_d104_on_chat_turns_reports_a_repeated_exchange_only(tmp_path, jobs):
    """chatterbot's same reply to two prompts ("Context is hard.") and one prompt with two
    replies ("Schaust du lieber Filme…") are the corpus' design; the exchange given twice
    (tech_support 1 and 10) is a duplicate training example, reported once, at its reply (the
    later copy in path order: "#tech_support:10:1" sorts first)."""
    lines = REPEATED.read_text(encoding="utf-8").splitlines(keepends=True)
    assert d104(tmp_path, "flat.jsonl", lines, "--jobs", jobs) == ["tech_support:1:1"]
    # the same records without their role: every repeated paragraph, as before
    bare = [json.dumps({k: v for k, v in json.loads(line).items() if k != "role"}, ensure_ascii=False) + "\n"
            for line in lines]
    assert d104(tmp_path, "bare.jsonl", bare, "--jobs", jobs) == ["gossip:4:1", "movies:46:0", "tech_support:1:1"]
    # the dialogues as conversations (OpenAI messages): the same verdict, named <record>.<turn>
    convs: dict[str, list] = {}
    for line in lines:
        rec = json.loads(line)
        convs.setdefault(rec["id"].rsplit(":", 1)[0], []).append({"role": rec["role"], "content": rec["text"]})
    as_convs = [json.dumps({"id": cid, "messages": m}, ensure_ascii=False) + "\n" for cid, m in convs.items()]
    assert d104(tmp_path, "conv.jsonl", as_convs, "--jobs", jobs, "--text-field",
                "messages[*].content") == ["tech_support:10.2"]


def test_roles_of_parquet_and_csv_rows(tmp_path):
    """The role column beside the text (one message a row) and Alpaca's columns, read by
    the Parquet and CSV readers as by the JSON Lines one (only the role column is
    decoded besides the text)."""
    from corpuslint.readers import BUILTIN_READERS, reader_for

    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [{"role": "user", "text": USER_SORRY}, {"role": "assistant", "text": REFUSAL}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "chat.parquet")
    alpaca = [{"instruction": "Book me a flight.", "input": "", "output": REFUSAL}]
    pq.write_table(pa.Table.from_pylist(alpaca), tmp_path / "alpaca.parquet")
    (tmp_path / "chat.csv").write_text(f'role,text\nuser,"{USER_SORRY}"\nassistant,"{REFUSAL}"\n', encoding="utf-8")

    def roles(name, field="text"):
        path = str(tmp_path / name)
        records = reader_for(path, BUILTIN_READERS).records(path, ReaderOptions(text_field=field))
        return [(d.role, d.previous_turn != "" if d.previous_turn is not None else None)
                for _, d in unique_records(name, records)]

    assert roles("chat.parquet") == [("user", False), ("assistant", True)]
    assert roles("chat.csv") == [("user", False), ("assistant", True)]
    assert roles("alpaca.parquet", "output") == [("assistant", True)]  # (after its instruction)
    assert roles("alpaca.parquet", "instruction") == [("user", False)]
    proc = run_cli("check", "--no-cache", "--format", "json", "--exit-zero", "--select", "Q113", "chat.parquet",
                   cwd=tmp_path)
    assert [d["record"] for d in json.loads(proc.stdout)["diagnostics"]] == [2], proc.stderr


def test_d105_on_chat_turns_reports_a_long_answer_given_again_to_the_same_question(tmp_path):
    """chatterbot's coding.yml gives the same question and hash-table answer twice (a
    duplicate training example); the answer after another phrasing of the question is a
    chat corpus' design."""
    lines = (ROOT / "tests" / "data" / "realtext" / "chatterbot-hash-table-twice.jsonl").read_text(
        encoding="utf-8").splitlines(keepends=True)

    def d105(name, lines):
        folder = tmp_path / name.replace(".", "-")  # (alone: a file checked alone sees the files beside it)
        folder.mkdir()
        (folder / name).write_text("".join(lines), encoding="utf-8")
        proc = run_cli("check", "--no-cache", "--format", "json", "--exit-zero", "--select", "D105", "--id-field",
                       "id", name, cwd=folder)
        assert proc.returncode == 0, proc.stderr
        return sorted(d["record"] for d in json.loads(proc.stdout)["diagnostics"])

    assert d105("twice.jsonl", lines) == ["coding:64:1"]  # (path order: "#coding:101:1" first)
    rephrased = json.loads(lines[2])
    rephrased["text"] = "how would you implement a hash table in Python?"
    assert d105("rephrased.jsonl", [lines[0], lines[1], json.dumps(rephrased) + "\n", lines[3]]) == []


# OpenAI's chat format: an assistant turn that calls a tool has ``tool_calls`` and
# ``content: null`` (or no ``content``). fresh17's chat set (debian-faq 11.1's Q&A, GPL-2+,
# as OpenAI records; tests/data/realtext/SOURCE.md) had 213 F005 errors, one per such turn.
FAQ_TOOL_CALL = {"id": "faq-en-1.5.", "messages": [
    {"role": "system", "content": "You are a helpful assistant that answers questions about Debian."},
    {"role": "user", "content": "What is the difference between Debian GNU/Linux and other Linux distributions?"},
    {"role": "assistant", "content": None, "tool_calls": [{"id": "call_4", "type": "function", "function": {
        "name": "search_faq", "arguments": "{\"section\": \"1.5.\"}"}}]},
    {"role": "tool", "tool_call_id": "call_4", "content": "{\"section\": \"1.5.\", \"found\": true}"},
    {"role": "assistant", "content": "Debian is the largest  community-run distribution."}]}
FAQ_FUNCTION_CALL = {"id": "faq-en-1.6.", "messages": [
    {"role": "user", "content": "How does one pronounce Debian and what does this word mean?"},
    {"role": "assistant", "function_call": {"name": "search_faq", "arguments": "{\"section\": \"1.7.\"}"}},
    {"role": "assistant", "content": "The project name is pronounced Deb'-ee-en, with a short e in Deb."}]}


def test_a_tool_call_turn_is_no_document_and_no_f005(tmp_path):
    from .conftest import run_json
    data = tmp_path / "chat.jsonl"
    raw = "".join(json.dumps(r) + "\n" for r in (FAQ_TOOL_CALL, FAQ_FUNCTION_CALL))
    data.write_text(raw, encoding="utf-8")
    field = "messages[*].content"
    assert [(d.turn, d.role) for d in docs_of([FAQ_TOOL_CALL], field)] == [
        (1, "system"), (2, "user"), (4, "tool"), (5, "assistant")]
    assert [d.turn for d in docs_of([FAQ_FUNCTION_CALL], field)] == [1, 3]
    _, report = run_json("--text-field", field, "--id-field", "id", "--select", "F005,W103", str(data))
    found = [(f["code"], f["record"]) for f in report["diagnostics"]]
    assert found == [("W103", "faq-en-1.5..5")]  # the real double space is still found; no F005
    text = run_cli("check", "--no-cache", "--text-field", field, "--id-field", "id", "--select", "F005,W103", str(data))
    assert "(2 records)" in text.stdout
    # the fix writes the spoken turn; the tool-call turns keep every byte
    fixed = run_cli("check", "--no-cache", "--fix", "--fix-data", "--text-field", field, "--select", "W103", str(data))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    after = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    assert after[0]["messages"][4]["content"] == "Debian is the largest community-run distribution."
    assert after[0]["messages"][:4] == FAQ_TOOL_CALL["messages"][:4] and after[1] == FAQ_FUNCTION_CALL


def test_a_turn_missing_its_text_field_without_a_call_is_still_f005(tmp_path):
    from .conftest import run_json
    data = tmp_path / "chat.jsonl"
    # a wrong turn path (ShareGPT's turns hold ``value``): every turn lacks ``content``
    data.write_text(json.dumps({"conversations": [{"from": "human", "value": "Hi"}]}) + "\n"
                    + json.dumps({"messages": [{"role": "user", "content": 7}]}) + "\n", encoding="utf-8")
    _, report = run_json("--text-field", "conversations[*].content", "--select", "F005", str(data))
    assert any(f["code"] == "F005" and "content" in f["message"] for f in report["diagnostics"])
    _, report = run_json("--text-field", "messages[*].content", "--select", "F005", str(data))
    assert any(f["code"] == "F005" and "int" in f["message"] for f in report["diagnostics"])


def test_d104_counts_the_files_of_copies_among_records(tmp_path):
    """Copies among the records of one data file are "in 1 file" (fresh17's DPO set said
    "4 copies in 4 files" of records of one file); copies in files say so
    (tests/test_duplicate.py: "3 copies in 3 files")."""
    lines = REPEATED.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "a.jsonl").write_text("".join(lines), encoding="utf-8")
    _, data = run_json_in(tmp_path, "a.jsonl")
    assert [d["message"].rsplit("; ", 1)[1] for d in data] == ["2 copies in 1 file)"]


def run_json_in(tmp_path, *names):
    proc = run_cli("check", "--no-cache", "--format", "json", "--exit-zero", "--select", "D104", "--id-field", "id",
                   *names, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return proc.returncode, json.loads(proc.stdout)["diagnostics"]


# debian-faq 11.1's "Improvements in the Debian Installer" Q&A as fresh17 made it an OpenAI
# chat record (debian-faq-chat.jsonl line 135, GPL-2+), its user turn given as multimodal
# content: a text part (with the FAQ's double space, W103) and an image part
FAQ_USER = "Improvements in the Debian Installer  Lots of work has been done on the Debian Installer, resulting in"
FAQ_ANSWER = ("major improvements. We'll mention just two of them here.\n\nStarting the installer from Microsoft "
              "Windows: It is now possible to start the installer directly from Microsoft Windows without the need "
              "to change BIOS settings.")
IMAGE = {"type": "image_url", "image_url": {"url": "https://www.debian.org/Pics/openlogo-50.png", "detail": "low"}}


def _faq_record(content) -> dict:
    return {"id": "faq-en-15.3.", "lang": "en", "messages": [
        {"role": "system", "content": "You are a helpful assistant that answers questions about Debian."},
        {"role": "user", "content": content}, {"role": "assistant", "content": FAQ_ANSWER}]}


def test_a_turn_given_as_content_parts_is_read_by_its_text_parts():
    one = [_faq_record([{"type": "text", "text": FAQ_USER}, IMAGE])]
    docs = docs_of(one, "messages[*].content")
    assert [(d.record, d.role, d.turn, d.part, d.text) for d in docs if d.role == "user"] == [
        ("1.2", "user", 2, 0, FAQ_USER)]  # (one text part: the turn's record, as a string content's)
    # its exchange is the same as a string content's: D104 compares the assistant turn the same way
    plain = docs_of([_faq_record(FAQ_USER)], "messages[*].content")
    assert [(d.record, d.previous_turn, d.content_hash) for d in docs] == [
        (d.record, d.previous_turn, d.content_hash) for d in plain]
    # two text parts around the image: each is read, named by its place in the content list
    two = docs_of([_faq_record([{"type": "text", "text": FAQ_USER}, IMAGE, {"type": "text", "text": "What changed?"}])],
                  "messages[*].content")
    assert [(d.record, d.part) for d in two if d.role == "user"] == [("1.2.1", 0), ("1.2.3", 2)]
    # a text part without a string text is one F005, named by its path; an image-only turn has no text
    bad = list(unique_records("d.jsonl", in_memory_records(
        [_faq_record([{"type": "text", "text": 42}, IMAGE]), _faq_record([IMAGE])],
        ReaderOptions(text_field="messages[*].content")), by_id=False))
    problems = [(n, d.message) for n, d in bad if not isinstance(d, Document)]
    assert problems == [(1, "field 'messages[2].content[1].text' is int, not a string")], problems
    assert [d.record for _, d in bad if isinstance(d, Document)] == ["1.1", "1.3", "2.1", "2.3"]


def test_fixes_go_back_into_the_text_part_other_parts_untouched(tmp_path):
    records = [_faq_record([{"type": "text", "text": FAQ_USER}, IMAGE]),
               _faq_record([IMAGE, {"type": "text", "text": FAQ_USER}, {"type": "text", "text": "Thanks.  "}])]
    path = tmp_path / "faq.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    before = run_cli("check", "--no-cache", "--format", "json", "--select", "W,F", "--text-field",
                     "messages[*].content", str(path), cwd=tmp_path)
    found = [(d["code"], d["record"], d["line"], d["column"]) for d in json.loads(before.stdout)["diagnostics"]]
    assert ("W103", "1.2", 1, 37) in found and ("W103", "2.2.2", 1, 37) in found, found
    assert not any(code == "F005" for code, *_ in found), found
    fixed = run_cli("check", "--no-cache", "--fix", "--fix-data", "--select", "W", "--text-field",
                    "messages[*].content", str(path), cwd=tmp_path)
    assert fixed.returncode in (0, 1), fixed.stderr
    after = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    want = FAQ_USER.replace("Installer  Lots", "Installer Lots")
    assert after[0] == _faq_record([{"type": "text", "text": want}, IMAGE])
    assert after[1]["messages"][1]["content"][:2] == [IMAGE, {"type": "text", "text": want}]
    assert after[1]["messages"][1]["content"][2]["text"].startswith("Thanks.")
    assert {k: v for k, v in after[1].items() if k != "messages"} == {"id": "faq-en-15.3.", "lang": "en"}
    again = run_cli("check", "--no-cache", "--format", "json", "--select", "W103", "--text-field",
                    "messages[*].content", str(path), cwd=tmp_path)
    assert json.loads(again.stdout)["diagnostics"] == []


def test_d106_leaves_a_system_prompt_and_opening_question_repeated_across_conversations(tmp_path):
    """fresh19's chat set: every record opens with the system prompt "You are a helpful
    assistant." and the question "Tell me a saying, please." (800 D106 findings on 400
    records, the data set's design, as D104 and D105 already read it); a line recurring in
    the assistants' answers (a signature pasted into every reply) is still boilerplate."""
    sayings = ["El hambre viene sola, pero no se va sola.", "Жить по средствам - трудная цель.",
               "Wer andern eine Grube gräbt, fällt selbst hinein.", "Qui va à la chasse perd sa place."]
    rows = []
    for i, saying in enumerate(sayings):
        rows.append({"id": f"chat-{i}", "messages": [
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": "Tell me a saying, please."},
            {"role": "assistant", "content": f"{saying}\nGenerated by the sayings bot for you"}]})
    path = tmp_path / "chat.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "json", "--select", "D106", "--text-field",
                   "messages[*].content", "--id-field", "id", str(path))
    found = json.loads(proc.stdout)["diagnostics"]
    assert sorted((d["record"], d["line"]) for d in found) == [(f"chat-{i}.3", 2) for i in range(4)]
