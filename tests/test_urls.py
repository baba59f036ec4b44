"""Inputs named by fsspec URLs (issue 16): ``memory://`` and ``file://`` read like paths.

The same small corpus (real Arabic news samples, a Markdown file with slips, JSON Lines
gzip, Parquet and Arrow records) is checked from a folder and from a URL: the findings
are the same, with the URL as the path. An unknown protocol or a back-end that is not
installed is one line and exit code 2; a URL is never written by ``--fix``.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import json

import pytest

from corpuslint import engine
from corpuslint.executors import LocalExecutor
from corpuslint.files import is_url

from .conftest import ROOT, run_cli

fsspec = pytest.importorskip("fsspec")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def _files() -> dict[str, bytes]:
    news = sorted((ROOT / "samples" / "news-ar").glob("*.txt"))[:3]
    out = {f"news/{p.name}": p.read_bytes() for p in news}
    out["notes.md"] = "# Notes\n\nThis  line has a double space and teh slip.\n".encode()
    rows = [{"id": "a", "text": "A record  with two spaces."}, {"id": "b", "text": "recieve the the mail"}]
    out["data.jsonl.gz"] = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    buf = io.BytesIO()
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": ["Parquet  text.", "teh end"]}), buf)
    out["data.parquet"] = buf.getvalue()
    sink = io.BytesIO()
    table = pa.table({"text": ["Arrow  row one.", "row two two"]})
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    out["shard.arrow"] = sink.getvalue()
    return out


def _rows(findings, prefix: str) -> list:
    out = []
    for f in findings:
        assert f.path.startswith(prefix), (f.path, prefix)
        out.append((f.path[len(prefix):], f.line, f.column, f.code, f.message, f.record,
                    [(r.path[len(prefix):], r.line) for r in f.related or ()]))
    return sorted(out, key=repr)


def _run(path: str):
    config, registry = engine.build_registry([path])
    config.use_cache = False
    config.jobs = 1  # memory:// lives in this process
    return engine.run([path], config, registry, executor=LocalExecutor()).findings


def test_is_url():
    assert is_url("memory://x") and is_url("s3://bucket/key") and is_url("file:///tmp/a.txt")
    assert not any(is_url(p) for p in ("a/b.txt", "C://x", "/tmp/x", "weird:name", "./s3:/x"))


def test_memory_and_file_urls_give_the_findings_of_the_folder(tmp_path):
    corpus = tmp_path / "corpus"
    for name, data in _files().items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_bytes(data)
        fsspec.filesystem("memory").pipe(f"/urltest/corpus/{name}", data)
    try:
        from_folder = _run(str(corpus))
        from_memory = _run("memory://urltest/corpus")
        from_file = _run(corpus.as_uri())
        one_file = _run("memory://urltest/corpus/data.parquet")
    finally:
        fsspec.filesystem("memory").rm("/urltest", recursive=True)
    expected = _rows(from_folder, str(corpus) + "/")
    codes = {row[3] for row in expected}
    assert {"W103", "S104", "S101", "S103"} <= codes, codes  # text, records and cross-file rules
    assert {row[0] for row in expected if row[5] is not None} >= {"data.jsonl.gz", "data.parquet", "shard.arrow"}
    assert _rows(from_memory, "memory://urltest/corpus/") == expected
    assert _rows(from_file, corpus.as_uri() + "/") == expected
    assert _rows(one_file, "memory://urltest/corpus/") == [r for r in expected if r[0] == "data.parquet"
                                                            and r[3] not in ("S101", "S103")]


def _missing_backend() -> str:
    for protocol, module in (("s3", "s3fs"), ("gs", "gcsfs"), ("abfs", "adlfs"), ("oci", "ocifs")):
        if importlib.util.find_spec(module) is None:
            return protocol
    pytest.fail("every remote fsspec back-end is installed: no protocol left to test a missing one")


def test_unknown_protocol_or_missing_backend_is_one_line_and_exit_2(tmp_path):
    proto = _missing_backend()
    for url, says in (("nosuchproto://bucket/corpus", "unknown protocol nosuchproto://"),
                      (f"{proto}://bucket/corpus", f"the fsspec back-end for {proto}:// is not installed")):
        proc = run_cli("check", "--no-cache", url, cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"corpuslint: error: {url}: {says}"), proc.stderr
        assert proc.stdout == ""


def test_backend_options_come_from_fsspec_configuration(monkeypatch, tmp_path):
    """Timeouts, retries and endpoints are set the fsspec way (README: a JSON file in
    ~/.config/fsspec/ or FSSPEC_<PROTOCOL>='{...}'): the file system a URL is read
    through is built with them, not with corpuslint's own defaults."""
    from fsspec.config import conf
    from corpuslint.readers import remote
    url = tmp_path.as_uri()
    monkeypatch.setitem(conf, "file", {"auto_mkdir": True})
    assert remote.filesystem(url)[0].auto_mkdir is True
    monkeypatch.setitem(conf, "file", {"auto_mkdir": False})
    assert remote.filesystem(url)[0].auto_mkdir is False


def test_a_missing_url_is_reported_and_a_url_is_never_fixed(tmp_path):
    (tmp_path / "a.md").write_text("Some text  with a double space.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", (tmp_path / "nothere.txt").as_uri(), cwd=tmp_path)
    assert proc.returncode == 1 and "F003" in proc.stdout and "no such file" in proc.stdout, proc.stdout
    proc = run_cli("check", "--no-cache", "--fix", "--format", "json", (tmp_path / "a.md").as_uri(), cwd=tmp_path)
    found = json.loads(proc.stdout)["diagnostics"]
    assert any(d["code"] == "W103" for d in found)  # still reported: the fix was not applied
    assert any("a URL is read only" in d["message"] for d in found), found
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "Some text  with a double space.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]  # nothing written beside it


def test_a_file_url_walk_follows_the_local_walk_rules(tmp_path):
    """A FIFO under a ``file://`` folder used to be opened (the run hung on it); a link
    leaving the project root was read. Both now get the local walk's F007 finding, the
    run goes on, and the findings equal the local folder's."""
    import os
    import subprocess

    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("Outside text  with two spaces.\n", encoding="utf-8")
    (root / "a.txt").write_text("A short line  with two spaces.\n", encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    os.symlink(tmp_path / "outside" / "secret.txt", root / "sub" / "link.txt")
    os.symlink(tmp_path / "outside", root / "folder-link")
    (root / "corpuslint.toml").write_text("", encoding="utf-8")
    try:
        url = run_cli("check", "--no-cache", "--select", "F,W", root.as_uri(), cwd=root)
    except subprocess.TimeoutExpired:  # pragma: no cover - the old behaviour
        pytest.fail("the file:// run hung on the FIFO")
    local = run_cli("check", "--no-cache", "--select", "F,W", ".", cwd=root)
    assert url.returncode == local.returncode == 1, url.stderr
    url_lines = [line.replace(root.as_uri() + "/", "") for line in url.stdout.splitlines()]
    assert url_lines == local.stdout.splitlines()
    assert any("pipe.txt:1:1: F007 not a regular file (FIFO): not read" in line for line in url_lines)
    assert any("link.txt:1:1: F007 symlink to" in line and "outside the project root" in line for line in url_lines)
    assert not any("secret" in line and "W1" in line for line in url_lines)  # the outside file is not read
    named = run_cli("check", "--no-cache", (root / "pipe.txt").as_uri(), cwd=root)
    assert named.returncode == 1 and "F003 not a regular file (FIFO): not read" in named.stdout
