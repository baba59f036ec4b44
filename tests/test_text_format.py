"""``text-format``: a record's text read as plain text, as Markdown, or as the text says
(``auto``). Real chat answers of chatterbot-corpus (tests/data/realtext/SOURCE.md):
the code fences of an answer are not lines of symbols (A111), the code inside is not
repeated lines (Q101/Q102) nor spacing (W103) once the record is read as Markdown."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess

import pytest

from corpuslint.readers.base import RecordDocument

from .conftest import ROOT, run_cli

ANSWERS = ROOT / "tests" / "data" / "realtext" / "chatterbot-code-answers.jsonl"
CODE_FALSE_ALARMS = {"A111", "Q101", "Q102", "W103", "Q111"}


def found(tmp_path, *args, config: str | None = None):
    shutil.copy(ANSWERS, tmp_path / "chat.jsonl")
    if config is not None:
        (tmp_path / "corpuslint.toml").write_text(config, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--id-field", "id", "--exit-zero", *args, "chat.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return {(d["record"], d["line"], d["column"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]}


def test_plain_reading_of_code_answers_gives_the_false_alarms_markdown_does_not(tmp_path):
    plain = found(tmp_path, "--no-cache", "--text-format", "plain")
    assert {("coding:13:1", 3, 1, "A111"), ("coding:53:1", 6, 1, "A111"), ("coding:12:1", 1, 1, "Q101")} <= plain
    # (``print(add(2, 3))  # 5``, PEP 8's two spaces before an inline comment, was W103's false
    # alarm in the plain reading too until fixa17: code then a comment is no gap between words)
    assert ("coding:53:1", 5, 17, "W103") not in plain
    assert found(tmp_path, "--no-cache") == found(tmp_path, "--no-cache", "--text-format", "auto")  # the default
    for fmt in ("markdown", "auto"):
        read = found(tmp_path, "--no-cache", "--text-format", fmt)
        assert not {f for f in read if f[3] in CODE_FALSE_ALARMS}, fmt
        # the questions (no Markdown) are read the same way
        assert {f for f in read if f[0].endswith(":0")} == {f for f in plain if f[0].endswith(":0")}


def test_config_key_and_command_line_override(tmp_path):
    markdown = found(tmp_path, "--no-cache")
    plain = found(tmp_path, "--no-cache", config='[readers]\ntext-format = "plain"\n')
    assert plain != markdown and ("coding:13:1", 3, 1, "A111") in plain
    assert found(tmp_path, "--no-cache", "--text-format", "auto") == markdown  # the command line wins
    by_format_table = found(tmp_path, "--no-cache", config='[readers]\ntext-format = "markdown"\n'
                                                           '[readers.jsonl]\ntext-format = "plain"\n')
    assert by_format_table == plain


def test_an_unknown_text_format_is_a_config_error(tmp_path):
    (tmp_path / "corpuslint.toml").write_text('[readers]\ntext-format = "md"\n', encoding="utf-8")
    shutil.copy(ANSWERS, tmp_path / "chat.jsonl")
    proc = run_cli("check", "chat.jsonl", cwd=tmp_path)
    assert proc.returncode == 2 and "text-format" in proc.stderr and "'auto'" in proc.stderr


def test_the_format_is_part_of_the_cache_identity(tmp_path):
    """A cached run with another text format does not reuse the other format's findings."""
    plain, markdown = (found(tmp_path, "--no-cache", "--text-format", fmt) for fmt in ("plain", "markdown"))
    for _ in ("cold", "warm"):
        assert found(tmp_path, "--text-format", "plain") == plain
        assert found(tmp_path, "--text-format", "markdown") == markdown
    docs = [RecordDocument("f.jsonl", 1, 1, "a text", None, fmt) for fmt in ("plain", "markdown", "wikitext", "auto")]
    assert len({d.content_hash for d in docs}) == 4


@pytest.mark.parametrize("text, markdown", [
    ("Here it is:\n\n```python\nprint(1)\n```\n", True),
    ("Unclosed fence\n~~~\ncode", True),
    ("| Day | Rain |\n|-----|------|\n| Mon | 3 mm |\n", True),
    ("## Steps\n\n1. Mix.\n2. Bake.\n", True),
    ("#hashtag and #another are not headings", False),
    ("a | b is a pipe, with no delimiter row\nc | d\n", False),
    ("- a list\n- is plain text too\n\n*stars* and `ticks`", False),
    ("Title\n=====\nSetext underlines occur in plain text.", False),
    ("    indented lines\n    are not a fence", False),
    ("---\ntitle: front matter\n---\nthen text", False),
])
def test_auto_reads_fences_tables_and_atx_headings_as_markdown(text, markdown):
    doc = RecordDocument("f.jsonl", 1, 1, text, None, "auto")
    assert doc.suffix == (".md" if markdown else "")
    assert doc.is_markdown is markdown
    assert RecordDocument("f.jsonl", 1, 1, text, None, "markdown").is_markdown
    assert not RecordDocument("f.jsonl", 1, 1, text).is_markdown
    assert doc.with_text(text + "\n").text_format == "auto"
    copy = pickle.loads(pickle.dumps(doc))  # to worker processes
    assert (copy.text_format, copy.suffix, copy.content_hash) == ("auto", doc.suffix, doc.content_hash)


def test_fix_data_rewrites_the_prose_of_a_markdown_record_and_not_its_code(tmp_path):
    """Written for this test: an answer with a fence (trailing spaces inside the code,
    a Markdown hard break "  " at a line end) and a plain record."""
    records = [{"id": "a", "text": "Use a loop:  \n\n```python\nfor i in range(3):   \n    print(i)\n```\n\n"
                                   "That prints  three numbers. "},
               {"id": "b", "text": "No markdown here, just a  double space. "}]
    data = tmp_path / "d.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--text-format", "auto", "--id-field", "id", "--select", "W",
                   "--fix", "--fix-data", "d.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    fixed = [json.loads(line)["text"] for line in data.read_text(encoding="utf-8").splitlines()]
    assert fixed == ["Use a loop:  \n\n```python\nfor i in range(3):   \n    print(i)\n```\n\nThat prints three numbers.",
                     "No markdown here, just a double space."]


def test_jobs_2_gives_the_jobs_1_findings_with_markdown_records(tmp_path):
    one = found(tmp_path, "--no-cache", "--jobs", "1", "--text-format", "auto")
    assert found(tmp_path, "--no-cache", "--jobs", "2", "--text-format", "auto") == one


# -- turn paths: one document a chat message ---------------------------------------------


def chat_records() -> list[dict]:
    """The fixture's messages as conversations (its ids are ``<topic>:<dialogue>:<turn>``)."""
    convs: dict[str, list] = {}
    for line in ANSWERS.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        convs.setdefault(r["id"].rsplit(":", 1)[0], []).append({"role": r["role"], "content": r["text"]})
    return [{"id": cid, "messages": msgs} for cid, msgs in convs.items()]


def test_a_turn_path_lints_each_message_as_its_own_record(tmp_path):
    """``messages[*].content`` finds what one message a record finds, each turn named
    ``<record>.<turn>`` with its line and column inside the message."""
    per_message = found(tmp_path, "--no-cache", "--text-format", "auto")
    convs = chat_records()
    (tmp_path / "conv.jsonl").write_text("".join(json.dumps(c) + "\n" for c in convs), encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "json", "--exit-zero", "--id-field", "id", "--text-field",
                   "messages[*].content", "--text-format", "auto", "conv.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    per_turn = {(d["record"], d["line"], d["column"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]}

    def turn_name(record: str) -> str:
        conv, turn = record.rsplit(":", 1)
        return f"{conv}.{int(turn) + 1}"

    assert per_turn == {(turn_name(r), line, col, code) for r, line, col, code in per_message}
    # no turn is measured by Q108 (fixb15: a question is input; q44: a reply is one turn of an
    # example, not a document); Q104 still judges the replies
    assert not any(code == "Q108" for *_x, code in per_turn) and any(code == "Q104" for *_x, code in per_turn)


def test_turn_paths_in_memory_sharegpt_style_and_problems():
    import corpuslint

    records = [{"conversations": [{"from": "human", "value": "Hi there"}, {"from": "gpt", "value": "Hello  you"}]},
               {"conversations": "not a list"},
               {"conversations": [{"from": "human"}, "a string turn"]}]
    got = corpuslint.lint_records(records, text_field="conversations[*].value", config={"select": ["W103", "F005"]})
    by_record = {f.record: f for f in got}
    assert {(f.record, f.line, f.column, f.code) for f in got} == {
        ("1.2", 1, 6, "W103"), (2, 1, 1, "F005"), ("3.1", 1, 1, "F005"), ("3.2", 1, 1, "F005")}
    assert "not a list" in by_record[2].message
    assert "conversations[1].value" in by_record["3.1"].message and "str" in by_record["3.2"].message


def _write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_fixes_to_turns_rewrite_those_turns_and_nothing_else(tmp_path):
    """A fix to one chat message is written into that message of its record (``--fix
    --fix-data``, ``--diff --fix-data``, ``filter --fix``): the other messages, their roles
    and every other record stay as they were; a second --fix changes nothing."""
    clean = chat_records()
    records = json.loads(json.dumps(clean))
    first, last = records[0]["messages"][0], records[-1]["messages"][-1]
    first["content"] = first["content"].replace(" ", "  ", 1)  # a doubled space in a real turn
    last["content"] += " "  # and a line of one space
    data = tmp_path / "conv.jsonl"
    _write_jsonl(data, records)
    args = ("--no-cache", "--select", "W101,W103,W104", "--id-field", "id", "--text-field", "messages[*].content")

    proc = run_cli("check", *args, "--exit-zero", "--diff", "conv.jsonl", cwd=tmp_path)
    assert proc.stdout == "" and "not in the diff (add --fix-data" in proc.stderr, proc.stderr
    proc = run_cli("check", *args, "--exit-zero", "--diff", "--fix-data", "conv.jsonl", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("diff --git a/conv.jsonl b/conv.jsonl"), proc.stderr
    patch = proc.stdout
    proc = run_cli("check", *args, "--fix", "--fix-data", "conv.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    fixed = data.read_bytes()
    assert [json.loads(line) for line in fixed.decode("utf-8").splitlines()] == clean
    assert run_cli("check", *args, "--fix", "--fix-data", "conv.jsonl", cwd=tmp_path).returncode == 0
    assert data.read_bytes() == fixed  # idempotent

    applied = tmp_path / "applied"
    applied.mkdir()
    _write_jsonl(applied / "conv.jsonl", records)
    subprocess.run(["git", "apply", "-"], input=patch, text=True, cwd=applied, check=True)
    assert (applied / "conv.jsonl").read_bytes() == fixed

    _write_jsonl(data, records)
    proc = run_cli("filter", *args[3:], "--drop", "D", "--fix", "conv.jsonl", "out.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()] == clean


def test_a_turn_path_reads_a_parquet_list_of_structs(tmp_path):
    """Written for this test: a chat record with a fenced answer, and one without turns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"id": "c1", "messages": [{"role": "user", "content": "Hi  there"},
                                      {"role": "assistant", "content": "Here:\n\n```\nx  = 1\n```\n"}]},
            {"id": "c2", "messages": []}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "chat.parquet")

    def located(fmt):
        proc = run_cli("check", "--no-cache", "--format", "json", "--exit-zero", "--select", "W,A", "--id-field", "id",
                       "--text-field", "messages[*].content", "--text-format", fmt, "chat.parquet", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        return sorted((d["record"], d["line"], d["column"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"])

    assert located("plain") == [("c1.1", 1, 3, "W103"), ("c1.2", 3, 1, "A111"), ("c1.2", 4, 2, "W103"),
                                ("c1.2", 5, 1, "A111")]
    assert located("auto") == [("c1.1", 1, 3, "W103")]
    proc = run_cli("check", "--no-cache", "--select", "W", "--id-field", "id", "--text-field", "messages[*].content",
                   "--fix", "--fix-data", "chat.parquet", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows[0]["messages"][0]["content"] = "Hi there"  # the code inside the fence is left as it is
    assert pq.read_table(tmp_path / "chat.parquet").to_pylist() == rows
