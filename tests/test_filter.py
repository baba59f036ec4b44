"""``corpuslint filter IN OUT --drop CODES``: a cleaned dataset, deterministic.

Planted near-duplicate clusters are made of the real scraped articles in
samples/news-ar (each copy with a sentence added or a closing line), so D105 sees
real text."""

from __future__ import annotations

import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq

from .conftest import run_cli
from .test_readers import ARTICLES, CLEAN, NBSP_RECORD, jsonl_lines, write_jsonl

EXTRA = "\nوأضاف المتحدث أن الاجتماع انتهى دون اتفاق."


def planted() -> tuple[list[str], set[int]]:
    """12 records: cluster A at records 2, 9, 11; cluster B at 10, 12 (so the keys
    sort "#10" < "#2": the kept record must be the first by input order, not by key)."""
    texts = [CLEAN[0], ARTICLES[0], ARTICLES[2], CLEAN[1], ARTICLES[3], NBSP_RECORD, ARTICLES[4], CLEAN[2],
             ARTICLES[0] + EXTRA, ARTICLES[1], EXTRA + "\n" + ARTICLES[0], ARTICLES[1] + EXTRA]
    return texts, {9, 11, 12}


def test_filter_keeps_one_record_per_near_duplicate_cluster_and_changes_nothing_else(tmp_path):
    texts, dropped = planted()
    lines = jsonl_lines(texts, source="crawl")
    write_jsonl(tmp_path / "in.jsonl.gz", lines)
    proc = run_cli("filter", "in.jsonl.gz", "out.jsonl", "--drop", "D105", "--summary", "summary.json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    want = "".join(line + "\n" for i, line in enumerate(lines, 1) if i not in dropped)
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == want  # byte for byte, order kept
    summary = json.loads(proc.stdout)
    assert summary == json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert {k: summary[k] for k in ("records_in", "records_out", "dropped", "dropped_by_code", "fixed_records")} == {
        "records_in": 12, "records_out": 9, "dropped": 3, "dropped_by_code": {"D105": 3}, "fixed_records": 0}
    # deterministic: the same run gives the same bytes
    run_cli("filter", "in.jsonl.gz", "again.jsonl", "--drop", "D105", cwd=tmp_path)
    assert (tmp_path / "again.jsonl").read_bytes() == (tmp_path / "out.jsonl").read_bytes()


def test_filter_with_fix_and_compressed_output(tmp_path):
    texts, dropped = planted()
    lines = jsonl_lines(texts)
    write_jsonl(tmp_path / "in.jsonl", lines)
    proc = run_cli("filter", "in.jsonl", "out.jsonl.gz", "--drop", "D105", "--fix", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(x) for x in gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()).splitlines()]
    assert [r["id"] for r in out] == [f"doc-{i}" for i in range(1, 13) if i not in dropped]
    by_id = {r["id"]: r["text"] for r in out}
    assert by_id["doc-6"] == NBSP_RECORD.replace("\u00a0", "")  # the safe fix was applied
    assert json.loads(proc.stdout)["fixed_records"] >= 1
    # a per-record code: records with the finding go (the planted NBSP and the real one
    # at line 21 of article 002), near-duplicate clusters are not touched
    proc = run_cli("filter", "in.jsonl", "w.jsonl", "--drop", "W101", cwd=tmp_path)
    kept = [json.loads(x)["id"] for x in (tmp_path / "w.jsonl").read_text(encoding="utf-8").splitlines()]
    assert kept == [f"doc-{i}" for i in range(1, 13) if i not in (3, 6)]
    assert json.loads(proc.stdout)["dropped_by_code"] == {"W101": 2}


def test_filter_parquet_in_and_out_keeps_other_columns(tmp_path):
    texts, dropped = planted()
    table = pa.table({"text": texts, "n": pa.array(range(12), pa.int32()), "url": [f"u{i}" for i in range(12)]})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=5)
    proc = run_cli("filter", "in.parquet", "out.parquet", "--drop", "D105", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = pq.read_table(tmp_path / "out.parquet")
    assert out.schema == table.schema
    assert out.column("n").to_pylist() == [i for i in range(12) if i + 1 not in dropped]
    assert out.column("text").to_pylist() == [t for i, t in enumerate(texts, 1) if i not in dropped]
    # JSONL in, Parquet out (and back): the same records
    write_jsonl(tmp_path / "in.jsonl", jsonl_lines(texts))
    assert run_cli("filter", "in.jsonl", "conv.parquet", "--drop", "D105", cwd=tmp_path).returncode == 0
    conv = pq.read_table(tmp_path / "conv.parquet")
    assert conv.column("id").to_pylist() == [f"doc-{i}" for i in range(1, 13) if i not in dropped]


def test_filter_drops_malformed_records_and_rejects_bad_arguments(tmp_path):
    lines = jsonl_lines(CLEAN) + ['{"text": broken'] + jsonl_lines(["last"])
    write_jsonl(tmp_path / "in.jsonl", lines)
    proc = run_cli("filter", "in.jsonl", "out.jsonl", "--drop", "F005", cwd=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout)["dropped_by_code"] == {"F005": 1}
    assert (tmp_path / "out.jsonl").read_text().splitlines() == lines[:3] + lines[4:]
    proc = run_cli("filter", "in.jsonl", "out.csv", "--drop", "D105", cwd=tmp_path)
    assert proc.returncode == 2 and "write .jsonl" in proc.stderr
    proc = run_cli("filter", "in.jsonl", "in.jsonl", "--drop", "D105", cwd=tmp_path)
    assert proc.returncode == 2 and "OUT must differ from IN" in proc.stderr
    proc = run_cli("filter", "in.jsonl", "o.jsonl", "--drop", "Z9", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown rule code or prefix 'Z9'" in proc.stderr
