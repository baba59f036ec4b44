"""The ``json`` reader (a .json file holding one array of records) and several text
fields per record (``text-field = ["instruction", "input", "output"]``) for every
record reader. Real data: excerpts of LLaMA-Factory's demo datasets (PyPI
llamafactory 0.9.5, tests/data/realtext/SOURCE.md)."""

from __future__ import annotations

import io
import json
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import lint_paths
from corpuslint.readers import JsonReader, ReaderOptions, write_dataset
from corpuslint.readers.jsonarray import NotADataset, _Item, _Scanner

from .conftest import ROOT, run_cli, run_json

REAL = ROOT / "tests" / "data" / "realtext"
# Alpaca-shaped records written for these tests (the Alpaca demos are Alpaca-GPT-4 samples,
# CC BY-NC data: kept out of the repository), laid out as LLaMA-Factory writes its data files
ALPACA = REAL / "json-alpaca-shaped-12.json"
ALPACA_ZH = REAL / "json-alpaca-shaped-zh-6.json"
DPO = REAL / "llamafactory-dpo-en-demo-105-106.json"  # records 105-106 of dpo_en_demo.json
NO_CACHE = {"cache": False}
ALPACA_FIELDS = ["instruction", "input", "output"]


def found(path, fields, select=("W", "F")):
    return lint_paths([path], config={"select": list(select), **NO_CACHE, "readers": {"text-field": fields}})


# -- several text fields, on real Alpaca and preference data -------------------------------


def test_alpaca_json_each_field_is_a_document_named_by_its_field():
    got = found(ALPACA, ALPACA_FIELDS)
    # record 4 ends an output line with a space; 12 has lines of spaces (as upstream 104 and 112 do)
    assert ("W101", "4.output", 3) in {(f.code, f.record, f.line) for f in got}
    assert {f.record for f in got} >= {"4.output", "10.output", "12.output"}
    assert all(f.path.endswith(".json") and f.record.split(".")[1] in ALPACA_FIELDS for f in got)
    assert not [f for f in got if f.code.startswith("F")], got  # empty inputs are documents, not problems
    # the output is the assistant's turn, after its record's prompt (Q113 reads it)
    docs = list(JsonReader().records(str(ALPACA), ReaderOptions(tuple(ALPACA_FIELDS))))
    assert len(docs) == 36 and [d.role for d in docs[:3]] == ["user", "user", "assistant"]
    assert docs[2].previous_turn and docs[0].previous_turn == ""


def test_chinese_alpaca_json_reads_every_record():
    docs = list(JsonReader().records(str(ALPACA_ZH), ReaderOptions(tuple(ALPACA_FIELDS))))
    assert [d.record for d in docs[:3]] == ["1.instruction", "1.input", "1.output"] and len(docs) == 18
    assert docs[0].text == json.loads(ALPACA_ZH.read_text(encoding="utf-8"))[0]["instruction"]


def test_preference_json_turns_and_nested_fields():
    fields = ["conversations[*].value", "chosen.value", "rejected.value"]
    got = found(DPO, fields)
    records = {f.record for f in got}
    # upstream record 105's prompt has runs of spaces; 106's chosen answer trailing spaces
    assert "1.conversations.1" in records and "2.chosen.value" in records, records
    docs = list(JsonReader().records(str(DPO), ReaderOptions(tuple(fields))))
    assert {d.role for d in docs} == {"user", "assistant"}


def test_fix_data_rewrites_only_the_fixed_text_fields(tmp_path):
    path = tmp_path / ALPACA.name
    shutil.copy(ALPACA, path)
    before = path.read_bytes()
    proc = run_cli("check", "--no-cache", "--select", "W", "--text-field", "instruction,input,output",
                   "--fix", "--fix-data", path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = path.read_bytes()
    old, new = json.loads(before), json.loads(after)
    assert len(old) == len(new) == 12
    for a, b in zip(old, new):
        assert a.keys() == b.keys() and a["instruction"] == b["instruction"]
    assert new[3]["output"] == "\n".join(line.rstrip(" ") for line in old[3]["output"].split("\n"))
    assert [i for i in range(12) if old[i] != new[i]] == [3, 9, 11]
    # byte-equal outside the fixed strings: each changed line is a fixed record's "output" line
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(before.splitlines()) == len(after.splitlines()) and len(changed) == 3
    assert all(a.lstrip().startswith(b'"output": ') and b.lstrip().startswith(b'"output": ') for a, b in changed)
    proc = run_cli("check", "--no-cache", "--select", "W", "--text-field", "instruction,input,output",
                   path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout  # one run settles


def test_fix_data_on_preference_turns(tmp_path):
    path = tmp_path / DPO.name
    shutil.copy(DPO, path)
    old = json.loads(path.read_bytes())
    fields = "conversations[*].value,chosen.value,rejected.value"
    run_cli("check", "--no-cache", "--select", "W", "--text-field", fields, "--fix", "--fix-data", path.name,
            cwd=tmp_path)
    new = json.loads(path.read_bytes())
    assert "   " not in new[0]["conversations"][0]["value"] and "   " in old[0]["conversations"][0]["value"]
    assert new[1]["chosen"]["value"] != old[1]["chosen"]["value"]  # trailing spaces gone
    assert new[1]["chosen"]["from"] == old[1]["chosen"]["from"] and new[1]["rejected"] == old[1]["rejected"]
    proc = run_cli("check", "--no-cache", "--select", "W", "--text-field", fields, path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout


def test_several_fields_in_jsonl_csv_and_parquet(tmp_path):
    rows = [{"id": "a", "q": "What  is it?", "a": "A cat. "}, {"id": "b", "q": "Why?", "a": None}]
    (tmp_path / "d.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "d.csv").write_text('id,q,a\na,What  is it?,A cat. \nb,Why?,\n', encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "d.parquet")
    for name in ("d.jsonl", "d.csv", "d.parquet"):
        got = lint_paths([tmp_path / name], config={"select": ["W"], **NO_CACHE,
                                                    "readers": {"text-field": ["q", "a"], "id-field": "id"}})
        assert sorted((f.code, str(f.record)) for f in got) == [("W101", "a.a"), ("W103", "a.q")], name
    # fixes written back to each field (JSON Lines byte for byte elsewhere; Parquet same schema)
    for name in ("d.jsonl", "d.parquet"):
        proc = run_cli("check", "--no-cache", "--select", "W", "--text-field", "q,a", "--fix", "--fix-data", name,
                       cwd=tmp_path)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()[0] == json.dumps(
        {"id": "a", "q": "What is it?", "a": "A cat."})
    assert pq.read_table(tmp_path / "d.parquet").to_pylist()[0] == {"id": "a", "q": "What is it?", "a": "A cat."}


def test_several_text_fields_are_whichever_a_record_has(tmp_path):
    # a field no record of the file has is no problem (one list serves shards of several
    # schemas); a record with none of them (or only nulls) is one F005, the others are read
    (tmp_path / "d.jsonl").write_text('{"q": "x", "a": "y"}\n{"q": null}\n{"other": "z"}\n', encoding="utf-8")
    got = lint_paths([tmp_path / "d.jsonl"], config={"select": ["F"], **NO_CACHE,
                                                     "readers": {"text-field": ["q", "answer"]}})
    assert [(f.code, f.record, f.message) for f in got] == [
        ("F005", 2, "record has none of the text fields 'q', 'answer'"),
        ("F005", 3, "record has none of the text fields 'q', 'answer'")]


def test_text_field_list_is_validated(tmp_path):
    (tmp_path / "a.txt").write_text("x\n")
    for bad in ("[]", '["a", 1]', '["a", "a"]'):
        (tmp_path / "corpuslint.toml").write_text(f"[readers]\ntext-field = {bad}\n", encoding="utf-8")
        proc = run_cli("check", ".", cwd=tmp_path)
        assert proc.returncode == 2 and "list of different field names" in proc.stderr, proc.stderr


# -- what is a dataset: a .json that is not stays what it was ---------------------------------


def test_a_json_that_is_not_an_array_of_records_is_not_linted_as_data(tmp_path):
    (tmp_path / "package.json").write_text(json.dumps(
        {"name": "x", "keywords": ["a b"], "contributors": [{"name": "A  B"}]}), encoding="utf-8")
    (tmp_path / "tsconfig.json").write_text('{\n  // comment\n  "include": ["src"]\n}\n', encoding="utf-8")
    (tmp_path / "data.json").write_text('[{"text": "a\\u00a0"}]\n', encoding="utf-8")
    proc = run_cli("check", "--no-cache", "package.json", "tsconfig.json", cwd=tmp_path)
    assert proc.returncode == 1 and [line.split(" ")[1] for line in proc.stdout.splitlines()[:2]] == ["F004"] * 2
    assert "whose list 'contributors' holds objects without the text field" in proc.stdout
    # named with --ignore-unknown (the pre-commit hooks): skipped, as before; found by a folder
    # walk: skipped too, and since nothing at all was read there, an error naming --include
    proc = run_cli("check", "--no-cache", "--ignore-unknown", "package.json", "tsconfig.json", cwd=tmp_path)
    assert proc.returncode == 0 and "Nothing checked" in proc.stdout, proc.stdout
    proc = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "Nothing checked" in proc.stdout, proc.stdout
    assert "no file was checked: 3 files skipped by the include globs (3 .json)" in proc.stderr, proc.stderr
    # matched by --include: the dataset is read as records, the others as text (as before)
    _, data = run_json("--select", "W,F", "--include", "*.json", ".", cwd=tmp_path)
    got = sorted((d["path"], d["record"], d["code"]) for d in data["diagnostics"])
    assert got == [("data.json", 1, "W101"), ("package.json", None, "W103"), ("package.json", None, "W106")], got


def test_object_holding_the_records(tmp_path):
    (tmp_path / "d.json").write_text('{"version": "1.1", "tags": ["x"], "data": [\n {"text": "a  b"},'
                                     ' {"text": "ok"}\n], "n": 2}', encoding="utf-8")
    got = lint_paths([tmp_path / "d.json"], config={"select": ["W"], **NO_CACHE})
    assert [(f.code, f.record) for f in got] == [("W103", 1)]
    write_dataset(str(tmp_path / "d.json"), JsonReader(), str(tmp_path / "o.json"), ReaderOptions(),
                  texts={1: "a b"})
    assert (tmp_path / "o.json").read_text(encoding="utf-8") == (
        '{"version": "1.1", "tags": ["x"], "data": [\n {"text": "a b"}, {"text": "ok"}\n], "n": 2}')


# -- bad input is normal input ------------------------------------------------------------------


@pytest.mark.parametrize("body, want", [
    ('[{"text": "a"}, {"text": "b  c"}, {"text": "x', "the file ends inside it (truncated JSON"),
    ('[{"text": "a"}, {"text": "b  c"}', "the file ends before the array's closing ']'"),
    ('[{"text": "a"}, {"text": "b  c"}, "just a string"]', "record is a JSON string, not an object (line 1"),
    ('[{"text": "a"}, {"text": "b  c"}, {"text": "x" "y"}]', "invalid JSON: Expecting ',' delimiter at line 1"),
    ('[{"text": "a"}, {"text": "b  c"}] trailing', "text after the array's closing ']' (line 1, column 35"),
    ('[{"text": "a"}, {"text": "b  c"}, ' + "[" * 100_000 + "]" * 100_000 + "]", "nested too deeply"),
])
def test_bad_json_is_one_problem_after_the_records_read(tmp_path, body, want):
    (tmp_path / "d.json").write_text(body, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "W,F", "d.json", cwd=tmp_path)
    assert "Traceback" not in proc.stderr and proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(" W103 " in line and line.startswith("d.json:#2:") for line in lines), lines  # the rest checked
    assert sum(" F005 " in line and want in line for line in lines) == 1, lines


def test_huge_string_and_empty_arrays(tmp_path):
    (tmp_path / "big.json").write_text(json.dumps([{"text": "word " * 1_000_000}]), encoding="utf-8")
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    (tmp_path / "zero.json").write_text("", encoding="utf-8")
    (tmp_path / "bad.json").write_bytes(b'[{"text": "ok"}, {"text": "\xff"}]')
    proc = run_cli("check", "--no-cache", "--select", "W,F", "big.json", "empty.json", "zero.json", "bad.json",
                   cwd=tmp_path)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stdout.splitlines()
    assert [line for line in lines if line.startswith("big.json")] == ["big.json:#1:1:5000000: W101 [*] trailing "
                                                                       "whitespace (U+0020 SPACE)"]
    assert not [line for line in lines if line.startswith("empty.json")]
    assert [line.split(" ")[1] for line in lines if line.startswith(("zero.json", "bad.json"))] == ["F003", "F004"]


# -- the scanner: any layout, any chunk boundary ---------------------------------------------

_records = st.lists(st.dictionaries(st.sampled_from(["text", "id", "meta", "n"]),
                                    st.one_of(st.text(max_size=12), st.integers(), st.floats(allow_nan=False),
                                              st.none(), st.lists(st.text(max_size=4), max_size=3)),
                                    max_size=4), max_size=6)


@settings(max_examples=200, deadline=None)
@given(_records, st.sampled_from([None, 0, 1, 2, "\t"]), st.booleans(), st.integers(1, 9), st.booleans())
def test_scanner_reads_any_layout_at_any_chunk_size_and_copies_it_byte_for_byte(records, indent, ascii, chunk,
                                                                                 wrapped):
    text = json.dumps({"meta": {"a": [1]}, "data": records} if wrapped else records, indent=indent,
                      ensure_ascii=ascii)
    scanner = _Scanner(io.StringIO(text), keep_text=True, chunk=chunk)
    if wrapped and not records:  # an object without a list of objects: not a dataset
        with pytest.raises(NotADataset):
            list(scanner.events())
        return
    events = list(scanner.events())
    items = [e for e in events if isinstance(e, _Item)]
    assert [i.obj for i in items] == records and all(i.problem is None for i in items)
    assert "".join(e if isinstance(e, str) else e.sep + e.text for e in events) == text


@settings(max_examples=60, deadline=None)
@given(_records.filter(bool), st.sampled_from([None, 2, 4]), st.data())
def test_rewrite_changes_only_the_fixed_records(tmp_path_factory, records, indent, data):
    records = [dict(r, text=r.get("text") if isinstance(r.get("text"), str) else "t") for r in records]
    folder = tmp_path_factory.mktemp("rw")
    src = folder / "d.json"
    src.write_text(json.dumps(records, indent=indent, ensure_ascii=False), encoding="utf-8")
    fixed = data.draw(st.dictionaries(st.integers(1, len(records)), st.text(max_size=8)))
    keep = data.draw(st.sets(st.integers(1, len(records))))
    write_dataset(str(src), JsonReader(), str(folder / "o.json"), ReaderOptions(), keep=lambda n: n in keep,
                  texts=fixed)
    want = [dict(r, text=fixed.get(n, r["text"])) for n, r in enumerate(records, 1) if n in keep]
    assert json.loads((folder / "o.json").read_text(encoding="utf-8")) == want
    if keep == set(range(1, len(records) + 1)) and not fixed:
        assert (folder / "o.json").read_bytes() == src.read_bytes()


# -- LLaMA-Factory's dataset_info.json names the text fields ---------------------------------

# entries verbatim from data/dataset_info.json of PyPI llamafactory 0.9.5 (Apache-2.0)
DATASET_INFO = {
    "alpaca_en_demo": {"file_name": "alpaca_en_demo.json"},
    "dpo_en_demo": {"file_name": "dpo_en_demo.json", "ranking": True, "formatting": "sharegpt",
                    "columns": {"messages": "conversations", "chosen": "chosen", "rejected": "rejected"}},
    "kto_en_demo": {"file_name": "kto_en_demo.json", "formatting": "sharegpt",
                    "columns": {"messages": "messages", "kto_tag": "label"},
                    "tags": {"role_tag": "role", "content_tag": "content", "user_tag": "user",
                             "assistant_tag": "assistant"}},
}


def test_dataset_info_names_each_files_text_fields(tmp_path):
    from corpuslint.readers.datasetinfo import text_fields

    shutil.copy(ALPACA, tmp_path / "alpaca_en_demo.json")
    shutil.copy(DPO, tmp_path / "dpo_en_demo.json")
    (tmp_path / "dataset_info.json").write_text(json.dumps(DATASET_INFO, indent=2), encoding="utf-8")
    assert text_fields(str(tmp_path / "alpaca_en_demo.json")) == ("instruction", "input", "output")
    assert text_fields(str(tmp_path / "dpo_en_demo.json")) == (
        "conversations[*].value", "chosen.value", "rejected.value")
    assert text_fields(str(tmp_path / "kto_en_demo.json")) == ("messages[*].content",)
    assert text_fields(str(ALPACA)) is None  # no dataset_info.json beside it
    # no text-field configured: the same findings as with the fields named by hand
    for name, fields in (("alpaca_en_demo.json", ALPACA_FIELDS),
                         ("dpo_en_demo.json", ["conversations[*].value", "chosen.value", "rejected.value"])):
        by_info = lint_paths([tmp_path / name], config={"select": ["W", "F"], **NO_CACHE})
        assert by_info and by_info == found(tmp_path / name, fields), name
    # a configured text-field wins (here: a field these records lack)
    got = lint_paths([tmp_path / "alpaca_en_demo.json"], config={"select": ["F"], **NO_CACHE,
                                                                 "readers": {"text-field": "text"}})
    assert [f.code for f in got] == ["F005"]
    # --fix writes back through the same mapping
    proc = run_cli("check", "--no-cache", "--select", "W", "--fix", "--fix-data", "alpaca_en_demo.json",
                   "dpo_en_demo.json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    new = json.loads((tmp_path / "alpaca_en_demo.json").read_text(encoding="utf-8"))
    assert new[3]["output"] != json.loads(ALPACA.read_text(encoding="utf-8"))[3]["output"]
    proc = run_cli("check", "--no-cache", "dataset_info.json", cwd=tmp_path)
    assert proc.returncode == 1 and " F004 not checked: it is a JSON object" in proc.stdout  # settings, not data


def test_filter_writes_json_from_json_and_jsonl(tmp_path):
    records = [{"id": 1, "text": "A sentence that is here once."}, {"id": 2, "text": "x\u00a0"},
               {"id": 3, "text": "A sentence that is here once."}]
    (tmp_path / "d.json").write_text(json.dumps(records, indent=2), encoding="utf-8")
    (tmp_path / "d.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    for name in ("d.json", "d.jsonl"):
        proc = run_cli("filter", "--drop", "D107", name, f"out-{name}.json", cwd=tmp_path)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert json.loads((tmp_path / f"out-{name}.json").read_text(encoding="utf-8")) == records[:2], name


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_summary_counts_records_not_field_documents(tmp_path, jobs):
    """12 Alpaca-shaped records read as three fields each are 12 records checked, not 36."""
    shutil.copy(ALPACA, tmp_path / ALPACA.name)
    proc = run_cli("check", "--no-cache", "--jobs", jobs, "--select", "W", "--text-field", "instruction,input,output",
                   ALPACA.name, cwd=tmp_path)
    assert "in 1 file (12 records) checked" in proc.stdout, proc.stdout
