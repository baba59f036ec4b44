"""Built-in dataset readers: JSON Lines (plain, .gz, .bz2, .xz, .zst), Parquet, Arrow
(Hugging Face save_to_disk), CSV/TSV; located findings (record, line, column inside
the text field); no silent pass; fixes on records only with --fix-data.

Record texts are the real scraped articles of samples/news-ar (with their defects)
plus small planted defects; every data file is written by the test itself."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuslint
from corpuslint import lint_paths
from corpuslint.readers import JsonlReader, ReaderOptions, write_dataset

from .conftest import ROOT, SAMPLES, run_cli, run_json

ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
CLEAN = [
    "The committee met on Tuesday and approved the budget for next year.",
    "Rainfall in the north was above average for the third month in a row.",
    "قال المتحدث إن الاجتماع سيعقد في الأسبوع المقبل.",
]
NBSP_RECORD = "First line is fine.\r\nSecond line ends with a no-break space\u00a0\r\nthird line"
NO_CACHE = {"cache": False}


def jsonl_lines(texts, **extra) -> list[str]:
    return [json.dumps({"id": f"doc-{i}", "text": t, **extra}, ensure_ascii=False) for i, t in enumerate(texts, 1)]


def write_jsonl(path: Path, lines: list[str]) -> Path:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    name = path.name
    if name.endswith(".gz"):
        data = gzip.compress(data)
    elif name.endswith(".bz2"):
        data = bz2.compress(data)
    elif name.endswith(".xz"):
        data = lzma.compress(data)
    elif name.endswith(".zst"):
        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    return path


def decompress(path: Path) -> bytes:
    data = path.read_bytes()
    for suffix, fn in ((".gz", gzip.decompress), (".bz2", bz2.decompress), (".xz", lzma.decompress),
                       (".zst", lambda b: zstandard.ZstdDecompressor().decompressobj().decompress(b))):
        if path.name.endswith(suffix):
            return fn(data)
    return data


def located(findings, code=None):
    return sorted((f.path, f.record, f.line, f.column, f.code) for f in findings if code is None or f.code == code)


# -- the done-when criteria -------------------------------------------------------------


def test_check_jsonl_reports_trailing_nbsp_at_record_line_column(tmp_path):
    write_jsonl(tmp_path / "data.jsonl", jsonl_lines(CLEAN + [NBSP_RECORD] + CLEAN))
    proc = run_cli("check", "--no-cache", "--select", "W", "data.jsonl", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    # record 4, line 2 of its text (CRLF counted as one ending), the NBSP's column
    col = NBSP_RECORD.split("\r\n")[1].index("\u00a0") + 1
    assert proc.stdout.splitlines()[0] == f"data.jsonl:#4:2:{col}: W101 [*] trailing whitespace (U+00A0 NO-BREAK SPACE)"
    assert "in 1 file (7 records) checked." in proc.stdout
    _, data = run_json("--select", "W", "--id-field", "id", "data.jsonl", cwd=tmp_path)
    (d,) = data["diagnostics"]
    assert (d["path"], d["record"], d["line"], d["column"]) == ("data.jsonl", "doc-4", 2, col)


def test_folder_with_zst_jsonl_and_parquet_is_checked_without_flags(tmp_path):
    write_jsonl(tmp_path / "part-0.jsonl.zst", jsonl_lines(CLEAN + [NBSP_RECORD]))
    pq.write_table(pa.table({"text": CLEAN + ["double  space here"]}), tmp_path / "part-1.parquet")
    proc = run_cli("check", "--no-cache", "--select", "W", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("part-0.jsonl.zst:#4:2:") and "W101" in lines[0]
    assert lines[1].startswith("part-1.parquet:#4:1:7: W103")
    assert "in 2 files (8 records) checked" in proc.stdout


# -- formats ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["d.jsonl", "d.ndjson", "d.jsonl.gz", "d.jsonl.bz2", "d.jsonl.xz", "d.jsonl.zst"])
def test_compressed_jsonl_gives_the_plain_findings(tmp_path, name):
    lines = jsonl_lines(ARTICLES[2:3] + [NBSP_RECORD])
    write_jsonl(tmp_path / name, lines)
    write_jsonl(tmp_path / "plain.jsonl", lines)
    cfg = {"select": ["W", "A"], **NO_CACHE}
    got = [(r, li, c, code) for _, r, li, c, code in located(lint_paths([tmp_path / name], config=cfg))]
    want = [(r, li, c, code) for _, r, li, c, code in located(lint_paths([tmp_path / "plain.jsonl"], config=cfg))]
    assert got == want and len(got) >= 2
    assert {r for r, *_ in got} == {1, 2}


def test_record_text_is_the_decoded_string_not_json(tmp_path):
    # the escaped \u00a0 is a real NBSP in the text; the JSON quotes are not text (no W115)
    (tmp_path / "d.jsonl").write_text('{"text": "quoted \\"word\\" and nbsp\\u00a0"}\n', encoding="utf-8")
    found = lint_paths([tmp_path / "d.jsonl"], config={"select": ["W"], **NO_CACHE})
    assert [(f.record, f.line, f.column, f.code) for f in found] == [(1, 1, len('quoted "word" and nbsp') + 1, "W101")]


def test_malformed_records_are_one_finding_each_and_the_rest_is_checked(tmp_path):
    lines = jsonl_lines([NBSP_RECORD])
    lines += ['{"text": broken', "", '{"body": "no text field"}', '{"text": null}', '[1, 2]',
              '{"text": 42}'] + jsonl_lines(["tail  double space"])
    write_jsonl(tmp_path / "d.jsonl", lines)
    (tmp_path / "d.jsonl").write_bytes((tmp_path / "d.jsonl").read_bytes() + b'{"text": "bad \xff byte"}\n')
    found = lint_paths([tmp_path / "d.jsonl"], config={"select": ["W", "F"], **NO_CACHE})
    f005 = {f.record: f.message for f in found if f.code == "F005"}
    assert sorted(f005) == [2, 4, 5, 6, 7, 9]  # line 3 is blank: not a record
    assert f005[2].startswith("invalid JSON") and "no field 'text'" in f005[4] and "is null" in f005[5]
    assert "not an object" in f005[6] and "int, not a string" in f005[7] and "invalid UTF-8" in f005[9]
    assert {(f.record, f.code) for f in found if f.code != "F005"} == {(1, "W101"), (8, "W103")}
    assert all(f.severity.value == "error" for f in found if f.code == "F005")


def test_parquet_several_row_groups_dotted_text_field_and_id(tmp_path):
    texts = [CLEAN[i % 3] for i in range(10)]
    texts[8] = NBSP_RECORD
    table = pa.table({
        "uid": [f"u{i}" for i in range(10)],
        "meta": [{"body": t, "lang": "en"} for t in texts],
        "score": list(range(10)),
    })
    pq.write_table(table, tmp_path / "d.parquet", row_group_size=3)
    assert pq.ParquetFile(tmp_path / "d.parquet").num_row_groups == 4
    cfg = {"select": ["W"], **NO_CACHE, "readers": {"parquet": {"text-field": "meta.body"}}}
    found = lint_paths([tmp_path / "d.parquet"], config=cfg)
    assert [(f.record, f.line, f.code) for f in found] == [(9, 2, "W101")]
    cfg["readers"]["id-field"] = "uid"
    assert [f.record for f in lint_paths([tmp_path / "d.parquet"], config=cfg)] == ["u8"]
    # a wrong text field is one finding for the file, not a silent pass
    found = lint_paths([tmp_path / "d.parquet"], config={"select": ["W", "F"], **NO_CACHE})
    assert [(f.code, f.record) for f in found] == [("F005", None)] and "meta" in found[0].message


def test_csv_and_tsv_text_column(tmp_path):
    (tmp_path / "d.csv").write_text('id,text\n7,"multi\nline  text"\n8,clean text\n', encoding="utf-8")
    (tmp_path / "d.tsv").write_text("text\tlabel\nclean\t1\ntrailing space \t0\n", encoding="utf-8")
    found = lint_paths([tmp_path / "d.csv", tmp_path / "d.tsv"], config={"select": ["W"], **NO_CACHE})
    assert [(os.path.basename(f.path), f.record, f.line, f.column, f.code) for f in found] == [
        ("d.csv", 1, 2, 5, "W103"), ("d.tsv", 2, 1, 15, "W101")]
    found = lint_paths([tmp_path / "d.csv"], config={"select": ["W"], **NO_CACHE, "readers": {"id-field": "id"}})
    assert [f.record for f in found] == ["7"]


def test_csv_is_not_picked_up_by_a_folder_walk(tmp_path):
    (tmp_path / "metadata.csv").write_text("url,date\nhttp://x,2024\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("clean text\n", encoding="utf-8")
    found = lint_paths([tmp_path], config=NO_CACHE)
    assert found and {os.path.basename(f.path) for f in found} == {"a.txt"}  # Q info findings on a.txt


def test_hugging_face_save_to_disk_folder(tmp_path):
    # the layout datasets.Dataset.save_to_disk writes: Arrow IPC stream shards + JSON metadata
    ds = tmp_path / "ds" / "train"
    ds.mkdir(parents=True)
    for shard, texts in enumerate([CLEAN, ["x", NBSP_RECORD]]):
        table = pa.table({"text": texts, "label": list(range(len(texts)))})
        with pa.OSFile(str(ds / f"data-0000{shard}-of-00002.arrow"), "wb") as sink:
            with pa.ipc.new_stream(sink, table.schema) as writer:
                writer.write_table(table, max_chunksize=1)
    (ds / "state.json").write_text('{"_data_files": []}', encoding="utf-8")
    (ds / "dataset_info.json").write_text("{}", encoding="utf-8")
    found = lint_paths([tmp_path / "ds"], config={"select": ["W"], **NO_CACHE})
    assert [(os.path.basename(f.path), f.record, f.line, f.code) for f in found] == [
        ("data-00001-of-00002.arrow", 2, 2, "W101")]


def test_near_duplicate_across_a_jsonl_record_and_a_txt_file(tmp_path):
    article = ARTICLES[0]
    lines = article.split("\n")
    lines[3] += " وأضاف المتحدث أن الاجتماع انتهى"
    (tmp_path / "copy.txt").write_text("\n".join(lines), encoding="utf-8")
    write_jsonl(tmp_path / "data.jsonl", jsonl_lines(ARTICLES[1:3] + [article]))
    found = lint_paths([tmp_path], config={"select": ["D104", "D105"], **NO_CACHE})
    (d105,) = [f for f in found if f.code == "D105"]
    assert (os.path.basename(d105.path), d105.record, d105.line) == ("data.jsonl", 3, 1)
    assert [(os.path.basename(r.path), r.record) for r in d105.related] == [("copy.txt", None)]
    assert not [f for f in found if f.code == "D104"]  # superseded per record, not per file


def test_near_duplicate_records_in_one_file_point_at_each_other(tmp_path):
    write_jsonl(tmp_path / "d.jsonl", jsonl_lines([ARTICLES[1], CLEAN[0], ARTICLES[1] + "\nخاتمة قصيرة"]))
    proc = run_cli("check", "--no-cache", "--select", "D105", "d.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[:2] == [
        "d.jsonl:#3:1:1: D105 document is a near-duplicate of d.jsonl:#1 (Jaccard 0.99; 2 similar documents)",
        "    related: d.jsonl:#1:1:1"]
    _, data = run_json("--select", "D105", "d.jsonl", cwd=tmp_path)
    assert data["diagnostics"][0]["related"] == [{"path": "d.jsonl", "record": 1, "line": 1, "column": 1}]


def test_jobs_2_gives_the_jobs_1_findings(tmp_path):
    texts = [f"record {i} trailing\u00a0\nline  two\n\n\n\nend" if i % 3 else f"clean record {i}" for i in range(150)]
    write_jsonl(tmp_path / "d.jsonl.gz", jsonl_lines(texts))
    pq.write_table(pa.table({"text": texts}), tmp_path / "d.parquet", row_group_size=40)
    outs = []
    for jobs in ("1", "2"):
        _, data = run_json("--select", "W", "--jobs", jobs, ".", cwd=tmp_path)
        outs.append([(d["path"], d["record"], d["line"], d["column"], d["code"]) for d in data["diagnostics"]])
    assert outs[0] == outs[1] and len(outs[0]) == 2 * 3 * 100


def test_findings_from_the_cache_name_the_file_and_the_record(tmp_path):
    """A warm run (document findings from the cache by content hash) reports what a
    --no-cache run reports: path = the data file, record = the id, and a related
    location keeps its record; a copy of a record (same text, same hash) too. Also the
    baseline a warm run writes suppresses the findings of a --no-cache run."""
    texts = [*ARTICLES, ARTICLES[1]]  # the last record copies the second: same hash, findings from its entry
    write_jsonl(tmp_path / "d.jsonl", jsonl_lines(texts))

    def diagnostics(*args):
        proc = run_cli("check", "--format", "json", "--id-field", "id", "--exit-zero", *args, "d.jsonl", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)["diagnostics"]

    want = diagnostics("--no-cache")
    assert {d["record"] for d in want if d["code"] == "A101"} == {"doc-2", "doc-6"}
    assert any(r.get("record") == "doc-3" for d in want if d["code"] == "D101" for r in d["related"])
    for _ in ("cold", "warm"):
        assert diagnostics() == want
    proc = run_cli("check", "--id-field", "id", "--write-baseline", "b.json", "d.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("check", "--id-field", "id", "--no-cache", "--baseline", "b.json", "d.jsonl", cwd=tmp_path)
    assert proc.returncode == 0 and "no longer occur" not in proc.stderr, proc.stdout + proc.stderr


# -- no silent pass -----------------------------------------------------------------------


def test_named_file_of_unknown_type_is_reported(tmp_path):
    (tmp_path / "data.yaml").write_text('- text: "a\u00a0"\n', encoding="utf-8")
    proc = run_cli("check", "--no-cache", "data.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.startswith("data.yaml:1:1: F004 not checked: no reader for '.yaml' files")
    proc = run_cli("check", "--no-cache", "--select", "W", "--include", "*.yaml", "data.yaml", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.startswith("data.yaml:1:11: W102")  # raw YAML read as text
    proc = run_cli("check", "--no-cache", "--ignore-unknown", "data.yaml", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "Nothing checked: 0 files read.\n"
    # a JSON array of records is a dataset (tests/test_json_reader.py); other JSON is as unknown as this


def test_parquet_without_pyarrow_is_a_clear_finding(tmp_path):
    pq.write_table(pa.table({"text": ["a"]}), tmp_path / "d.parquet")
    blocker = tmp_path / "block"
    (blocker / "pyarrow").mkdir(parents=True)
    (blocker / "pyarrow" / "__init__.py").write_text("raise ImportError('pyarrow blocked for this test')\n")
    env = {"PYTHONPATH": os.pathsep.join([str(blocker), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = run_cli("check", "--no-cache", "d.parquet", cwd=tmp_path, env=env)
    assert proc.returncode == 1, proc.stderr
    assert ("d.parquet:1:1: F003 reading d.parquet needs pyarrow: "
            "pip install 'corpus-quality-lint[parquet]'") in proc.stdout


def test_reader_config_is_validated(tmp_path):
    (tmp_path / "corpuslint.toml").write_text('[readers.jsonl]\ntext-feild = "body"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("x\n")
    proc = run_cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "readers.jsonl.text-feild: unknown key" in proc.stderr
    (tmp_path / "corpuslint.toml").write_text('[readers.jsonl]\ntext-field = "body"\n', encoding="utf-8")
    (tmp_path / "d.jsonl").write_text('{"body": "x\\u00a0", "text": "clean"}\n', encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "W", "d.jsonl", cwd=tmp_path)
    assert proc.stdout.startswith("d.jsonl:#1:1:2: W101")
    proc = run_cli("check", "--no-cache", "--select", "W", "--text-field", "text", "d.jsonl", cwd=tmp_path)
    assert proc.returncode == 0  # the command line wins over the config table


# -- outputs -------------------------------------------------------------------------------


def test_sarif_names_the_record_as_a_logical_location(tmp_path):
    import jsonschema

    write_jsonl(tmp_path / "d.jsonl", jsonl_lines([ARTICLES[1], NBSP_RECORD, ARTICLES[1] + "\nخاتمة"]))
    proc = run_cli("check", "--no-cache", "--select", "W101,D105", "--format", "sarif", "d.jsonl", cwd=tmp_path)
    log = json.loads(proc.stdout)
    schema = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(log, schema)
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    loc = results["W101"]["locations"][0]
    assert loc["logicalLocations"] == [{"name": "#2", "fullyQualifiedName": "d.jsonl#2", "kind": "element"}]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "d.jsonl"
    assert results["D105"]["relatedLocations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "d.jsonl#1"


# -- fixes ---------------------------------------------------------------------------------


def test_fix_rewrites_data_files_only_with_fix_data(tmp_path):
    lines = jsonl_lines(CLEAN + [NBSP_RECORD], source="web")
    path = write_jsonl(tmp_path / "d.jsonl.gz", lines)
    before = path.read_bytes()
    proc = run_cli("check", "--no-cache", "--select", "W", "--fix", "d.jsonl.gz", cwd=tmp_path)
    assert proc.returncode == 1 and path.read_bytes() == before and "--fix-data" in proc.stderr
    proc = run_cli("check", "--no-cache", "--select", "W", "--fix", "--fix-data", "d.jsonl.gz", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()  # still gzip
    assert after[:3] == lines[:3]  # other records byte for byte
    fixed = json.loads(after[3])
    assert fixed == {"id": "doc-4", "text": NBSP_RECORD.replace("\u00a0", ""), "source": "web"}
    assert list(fixed) == ["id", "text", "source"]  # field order kept
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".corpuslint-")]  # no temp file left


def test_fix_data_on_parquet_keeps_schema_row_groups_and_other_columns(tmp_path):
    texts = CLEAN * 3
    texts[4] = NBSP_RECORD
    table = pa.table({"text": texts, "n": pa.array(range(9), pa.int16()), "tags": [["a"]] * 9})
    pq.write_table(table, tmp_path / "d.parquet", row_group_size=4, compression="zstd")
    proc = run_cli("check", "--no-cache", "--select", "W", "--fix", "--fix-data", "d.parquet", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pf = pq.ParquetFile(tmp_path / "d.parquet")
    assert pf.schema_arrow == table.schema and pf.num_row_groups == 3
    assert pf.metadata.row_group(0).column(0).compression == "ZSTD"
    out = pf.read()
    assert out.column("n").to_pylist() == list(range(9)) and out.column("tags").to_pylist() == [["a"]] * 9
    want = list(texts)
    want[4] = NBSP_RECORD.replace("\u00a0", "")
    assert out.column("text").to_pylist() == want


def test_fix_data_refuses_a_file_changed_since_it_was_read(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", jsonl_lines([NBSP_RECORD]))
    stat = os.stat(path)
    write_jsonl(path, jsonl_lines([NBSP_RECORD, "new record"]))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    changed = path.read_bytes()
    from corpuslint.readers import FileChangedError

    with pytest.raises(FileChangedError):
        write_dataset(str(path), JsonlReader(), str(path), ReaderOptions(), texts={1: "x"}, expect_stat=stat)
    assert path.read_bytes() == changed and os.listdir(tmp_path) == ["d.jsonl"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=["Cs"]), max_size=30), min_size=1, max_size=6),
       st.data())
def test_jsonl_rewrite_changes_only_the_replaced_text(tmp_path_factory, texts, data):
    tmp = tmp_path_factory.mktemp("rw")
    lines = [json.dumps({"text": t, "k": i}, ensure_ascii=bool(i % 2), separators=(",", ":") if i % 3 else None)
             for i, t in enumerate(texts)]
    path = write_jsonl(tmp / "d.jsonl.xz", lines)
    number = data.draw(st.integers(1, len(texts)))
    new = data.draw(st.text(st.characters(blacklist_categories=["Cs"]), max_size=20))
    write_dataset(str(path), JsonlReader(), str(path), ReaderOptions(), texts={number: new})
    out = decompress(path).decode("utf-8").split("\n")  # JSON Lines: only \n ends a line (not U+0085)
    assert out.pop() == "" and len(out) == len(lines)
    for i, (old, got) in enumerate(zip(lines, out), 1):
        if i != number:
            assert got == old
        else:
            assert json.loads(got) == {"text": new, "k": i - 1}
            if new == texts[i - 1]:
                assert got == old  # same style: separators and escaping as written


# -- Python API ------------------------------------------------------------------------------


def test_lint_records_dicts_strings_ids_and_near_duplicates():
    records = [{"id": "a", "meta": {"body": NBSP_RECORD}}, {"id": "b", "meta": {"body": ARTICLES[1]}},
               {"id": "c", "meta": {"body": ARTICLES[1] + "\nخاتمة"}}, {"id": "d", "meta": {}}]
    found = corpuslint.lint_records(records, text_field="meta.body", id_field="id",
                                    config={"select": ["W101", "D105", "F005"]})
    assert [(f.record, f.line, f.code) for f in found] == [("a", 2, "W101"), ("c", 1, "D105"), ("d", 1, "F005")]
    (d105,) = [f for f in found if f.code == "D105"]
    assert d105.related[0].record == "b" and d105.path == "<records>"
    # a repeated id: the later record is named id@number (no record is lost or merged)
    found = corpuslint.lint_records([{"id": 2, "text": "a\u00a0"}, {"id": 2, "text": "b\u00a0"},
                                     {"id": "2", "text": "c\u00a0"}], id_field="id", config={"select": ["W"]})
    assert sorted(str(f.record) for f in found) == ["2", "2@2", "2@3"]
    found = corpuslint.lint_records(["clean", "x\u00a0"], config={"select": ["W"]})
    assert [(f.record, f.column, f.code) for f in found] == [(2, 2, "W101")]


def test_standard_input_named_as_a_dataset(tmp_path):
    data = "\n".join(jsonl_lines(CLEAN + [NBSP_RECORD])) + "\n"
    proc = run_cli("check", "--no-cache", "--select", "W", "-", "--stdin-filename", "data.jsonl", cwd=tmp_path,
                   input=data)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.splitlines()[0].startswith("data.jsonl:#4:2:") and "W101" in proc.stdout
    assert os.listdir(tmp_path) == []  # nothing written, no temporary file left


def test_an_included_dataset_is_not_also_read_whole_into_the_corpus(tmp_path):
    # with --include '*.jsonl' the folder walk of the corpus lists data.jsonl too; its
    # records are the documents, never its raw JSON text (which would be a near-copy
    # of a one-record file)
    write_jsonl(tmp_path / "data.jsonl", jsonl_lines([ARTICLES[1]]))
    (tmp_path / "other.txt").write_text(ARTICLES[2], encoding="utf-8")
    proc = run_cli("check", "--select", "D104,D105", "--include", "*.jsonl,*.txt", "data.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_records_get_the_findings_their_text_gets_as_files(tmp_path):
    # the five real scraped articles as .txt files and as JSONL records: every rule
    # (document and corpus rules) finds the same things at the same places, except the
    # file-level W106 (a record's text has no final newline to miss)
    (tmp_path / "files").mkdir()
    for i, text in enumerate(ARTICLES):
        (tmp_path / "files" / f"{i}.txt").write_text(text, encoding="utf-8")
    write_jsonl(tmp_path / "data.jsonl", [json.dumps({"text": t}, ensure_ascii=False) for t in ARTICLES])
    cfg = {**NO_CACHE, "extend-select": ["ALL"], "ignore": ["W106", "S102"]}
    as_files = lint_paths([tmp_path / "files"], config=cfg)
    as_records = lint_paths([tmp_path / "data.jsonl"], config=cfg)

    def rows(found, number):
        return sorted((number(f), f.line, f.column, f.end_line, f.end_column, f.code, f.message.replace(".txt", ""),
                       tuple((number(r), r.line) for r in f.related)) for f in found)

    got = rows(as_records, lambda x: x.record - 1)
    want = rows(as_files, lambda x: int(os.path.basename(x.path).split(".")[0]))
    assert len(want) >= 30 and {r[5][0] for r in want} >= {"W", "A", "D", "S"}
    # (W107 names what ends: "15 blank lines at end of record", "... of file")
    assert any(r[6].endswith("at end of record") for r in got)
    assert [r[:6] + (r[6].replace("at end of record", "at end of file"),) + r[7:] for r in got] == want


def test_jsonl_without_the_text_field_in_any_record_is_one_finding(tmp_path):
    # e.g. a labels file next to the corpus: one F005 for the file, not one per line
    lines = [json.dumps({"code": "S101", "label": "fp", "note": f"n{i}"}) for i in range(50)]
    write_jsonl(tmp_path / "labels.jsonl", lines)
    found = lint_paths([tmp_path / "labels.jsonl"], config=NO_CACHE)
    assert [(f.code, f.record) for f in found] == [("F005", None)]
    assert "no record has a field 'text' (50 records; fields: code, label, note)" in found[0].message
    # a later record with the field: the earlier ones are each a finding again
    write_jsonl(tmp_path / "labels.jsonl", lines[:2] + jsonl_lines(["fine text"]))
    found = lint_paths([tmp_path / "labels.jsonl"], config={"select": ["F"], **NO_CACHE})
    assert [(f.code, f.record) for f in found] == [("F005", 1), ("F005", 2)]
    # a chat file (fresh17's OpenAI records, 839 of them: one F005): the message names the turn path
    chat = [{"id": "faq-en-1.7.", "messages": [{"role": "user", "content": "How does one pronounce Debian?"}]},
            {"conversations": [{"from": "human", "value": "What is this FAQ?"}]}]
    for rec, path in zip(chat, ("messages[*].content", "conversations[*].value")):
        write_jsonl(tmp_path / "chat.jsonl", [json.dumps(rec)])
        found = lint_paths([tmp_path / "chat.jsonl"], config=NO_CACHE)
        assert [f.code for f in found] == ["F005"] and f"set --text-field '{path}'" in found[0].message


def test_full_text_html_and_baseline_outputs_find_the_record_text(tmp_path):
    write_jsonl(tmp_path / "d.jsonl", jsonl_lines(CLEAN + [NBSP_RECORD]))
    proc = run_cli("check", "--no-cache", "--select", "W", "--output-format", "full", "d.jsonl", cwd=tmp_path)
    assert "2 | Second line ends with a no-break space" in proc.stdout  # the record's line, not the file's
    proc = run_cli("check", "--no-cache", "--select", "W", "--format", "html", "d.jsonl", cwd=tmp_path)
    assert proc.returncode == 1 and "Second line ends with a no-break space" in proc.stdout
    # a baseline suppresses the record's finding; a new defect in another record is reported
    assert run_cli("check", "--no-cache", "--select", "W", "--write-baseline", "b.json", "d.jsonl",
                   cwd=tmp_path).returncode == 0
    assert run_cli("check", "--no-cache", "--select", "W", "--baseline", "b.json", "d.jsonl",
                   cwd=tmp_path).returncode == 0
    write_jsonl(tmp_path / "d.jsonl", jsonl_lines(CLEAN + [NBSP_RECORD, "new\u00a0"]))
    proc = run_cli("check", "--no-cache", "--select", "W", "--baseline", "b.json", "d.jsonl", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.startswith("d.jsonl:#5:1:4: W101")


def test_jsonl_rewrite_keeps_a_raw_del_character_raw(tmp_path):
    """Found by the property above: a raw U+007F is ASCII, but ensure_ascii would escape
    it; rewriting the record with the same text must give the same bytes."""
    line = json.dumps({"text": "\x7f", "k": 0}, ensure_ascii=False)
    path = write_jsonl(tmp_path / "d.jsonl", [line])
    write_dataset(str(path), JsonlReader(), str(path), ReaderOptions(), texts={1: "\x7f"})
    assert path.read_text(encoding="utf-8") == line + "\n"


def test_reader_lookup_agrees_with_reader_for():
    """The memoised lookup (many paths, one reader list) gives reader_for's answer."""
    from corpuslint.readers import BUILTIN_READERS, reader_for, reader_lookup

    lookup = reader_lookup(BUILTIN_READERS)
    suffixes = [s for r in BUILTIN_READERS for s in r.suffixes]
    names = ["a.txt", "b.JSONL", "c.jsonl.gz", "d.csv", "e", "dir.parquet/x.md", "f.TSV", "g.tar.gz", ".jsonl",
             "v1.2.csv.gz", "a.b/c", "x.csv.bak", "DOC.PARQUET"]
    names += [f"x/y{s}" for s in suffixes] + [f"x/y{s.upper()}" for s in suffixes] + [f"y{s}.bak" for s in suffixes]
    for name in names * 2:  # the second pass is answered from the memo
        assert lookup(name) is reader_for(name, BUILTIN_READERS), name


def test_display_path_relative_under_cwd_absolute_elsewhere(tmp_path):
    from corpuslint.files import display_path

    cwd = str(tmp_path / "proj")
    assert display_path(f"{cwd}/a/b.txt", cwd) == "a/b.txt"
    assert display_path(f"{cwd}/a/../c.txt", cwd) == "c.txt"
    assert display_path(cwd, cwd) == "."
    assert display_path(f"{cwd}x/d.txt", cwd) == f"{cwd}x/d.txt"  # a sibling with the same prefix
    assert display_path(str(tmp_path / "e.txt"), cwd) == str(tmp_path / "e.txt")
    assert display_path("/a.txt", "/") == "a.txt"


def test_reader_lookup_once_per_kind_of_name():
    from corpuslint.readers import BUILTIN_READERS, reader_for, reader_lookup

    calls = []
    real = reader_for

    import corpuslint.readers as readers_module
    readers_module.reader_for = lambda p, r: calls.append(p) or real(p, r)
    try:
        lookup = reader_lookup(BUILTIN_READERS)
        for i in range(50):
            assert lookup(f"d/doc{i:04d}.txt") is None
        assert len(calls) == 1  # one lookup per kind of name, not per file
    finally:
        readers_module.reader_for = real


def test_relative_is_relpath():
    import os

    from corpuslint.files import relative

    cases = [("/a/b/c", "/a"), ("/a/b", "/a/b"), ("/a/bc", "/a/b"), ("/x/y", "/a/b"), ("/a/b/../c", "/a"),
             ("rel/x", os.getcwd()), ("/a/b", "/"), ("/a//b/", "/a/"), ("/a/b/ملف.txt", "/a")]
    for path, start in cases:
        assert relative(path, start) == os.path.relpath(path, start), (path, start)
