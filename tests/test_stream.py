"""The streaming engine (issue 14): documents are dropped after the map step, findings
stay identical across jobs 1 / jobs 2, cold / warm cache, streamed / in memory, and
nothing is reported or fixed against a file that changed since it was checked."""

from __future__ import annotations

import gc
import json
import random
import weakref
from collections import Counter
from pathlib import Path

import pytest

from corpuslint import engine, files
from corpuslint.document import Document
from corpuslint.engine import PARALLEL_MIN_DOCS, RunContext, Linter, build_registry, lint_documents, run
from corpuslint.outputs.json_format import finding_to_dict
from corpuslint.store import DocumentStore

from .conftest import SAMPLES


def _lines() -> list[str]:
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        out += [ln for ln in path.read_text(encoding="utf-8").splitlines() if len(ln.split()) >= 12]
    return out


def _corpus(root: Path, n_files: int, seed: int = 14) -> None:
    """n_files small articles of shuffled sample sentences; every 10th file copies a
    paragraph of an earlier file (D104) and file 7 is a near-copy of file 3 (D105)."""
    rng = random.Random(seed)
    lines = _lines()
    texts: list[str] = []
    for i in range(n_files):
        if i == 7:
            words = texts[3].split(" ")
            words[5] = "تغيير"
            text = " ".join(words)
        else:
            paras = [" ".join(rng.sample(lines[rng.randrange(len(lines))].split(), 12)) + "." for _ in range(6)]
            if i % 10 == 9:
                paras[1] = texts[rng.randrange(i)].split("\n\n")[0]
            text = "\n\n".join(paras) + ("  \n" if i % 4 == 0 else "\n")  # some trailing whitespace (W101)
        texts.append(text)
        (root / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    (root / "corpuslint.toml").write_text('include = ["*.txt"]\n', encoding="utf-8")


def _findings(root: Path, **table) -> list[dict]:
    config, registry = build_registry([str(root)], table=table)
    result = run([str(root)], config, registry)
    # with the fix edits' positions: those come from documents read again after the map
    return [finding_to_dict(f, result.documents[f.key].position) for f in result.findings]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("stream")
    _corpus(root, PARALLEL_MIN_DOCS + 8)
    return root


def test_jobs_2_gives_the_jobs_1_findings_with_planted_duplicates(corpus):
    serial = _findings(corpus, jobs=1, cache=False)
    codes = {f["code"] for f in serial}
    assert {"D104", "D105", "W101"} <= codes  # the planted duplicates and defects are found
    assert _findings(corpus, jobs=2, cache=False) == serial


def test_warm_cache_and_parallel_warm_give_the_cold_findings(tmp_path):
    _corpus(tmp_path, PARALLEL_MIN_DOCS + 8, seed=3)
    cold = _findings(tmp_path, jobs=1, cache=False)
    assert _findings(tmp_path, jobs=2) == cold  # fills the cache (states and findings from workers)
    assert (tmp_path / ".corpuslint_cache").is_dir()
    assert _findings(tmp_path, jobs=1) == cold  # warm
    assert _findings(tmp_path, jobs=2) == cold  # warm, looked up by the workers


def test_streamed_run_matches_documents_held_in_memory(corpus):
    """The file pipeline (documents dropped, read again for the reduce) gives what the
    in-memory path gives when every document is held."""
    config, registry = build_registry([str(corpus)], table={"jobs": 1, "cache": False})
    streamed = run([str(corpus)], config, registry).findings
    linter = Linter(config, registry)
    docs = {}
    for path in sorted(corpus.glob("*.txt")):
        doc = files.load(files.Source(str(path), str(path)))
        docs[doc.path] = doc
    held = lint_documents(linter, docs, RunContext(config, config.root, False, discover=lambda: [],
                                                  load=files.load))
    key = lambda f: (f.code, Path(f.path).name, f.line, f.column, f.message)  # noqa: E731
    assert sorted(map(key, streamed)) == sorted(map(key, held))


def test_samples_findings_do_not_depend_on_jobs(monkeypatch):
    monkeypatch.setattr(engine, "PARALLEL_MIN_DOCS", 2)  # five files: parallel all the same
    monkeypatch.chdir(SAMPLES)
    one = _findings(Path("."), jobs=1, cache=False)
    assert len(one) > 20
    assert _findings(Path("."), jobs=2, cache=False) == one


def test_documents_are_dropped_after_the_map(corpus, monkeypatch):
    """No checked document outlives its map step (only the store's few re-read ones)."""
    alive: list[weakref.ref] = []
    original = files.load

    def tracking(source, data=None):
        doc = original(source, data)
        if isinstance(doc, Document):
            alive.append(weakref.ref(doc))
        return doc

    monkeypatch.setattr(files, "load", tracking)
    monkeypatch.setattr("corpuslint.store.CACHE_CHARS", 1)  # keep at most one re-read document
    config, registry = build_registry([str(corpus)], table={"jobs": 1, "cache": False})
    result = run([str(corpus)], config, registry)
    gc.collect()
    assert len(alive) >= PARALLEL_MIN_DOCS  # every file was loaded ...
    assert sum(r() is not None for r in alive) <= 1  # ... and dropped
    assert isinstance(result.documents, DocumentStore) and len(result.documents) == PARALLEL_MIN_DOCS + 8


def test_store_never_reads_a_file_that_changed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("one two three\n", encoding="utf-8")
    doc = files.load(files.Source(str(path), "a.txt"))
    store = DocumentStore()
    store.add_file("a.txt", str(path), doc.content_hash, len(doc.text.encode()))
    assert store.get("a.txt").text == "one two three\n"
    path.write_text("one two four\n", encoding="utf-8")
    store._lru.clear()
    assert store.get("a.txt") is None and "a.txt" in store.changed
    assert "a.txt" in store and store.content_hash("a.txt") == doc.content_hash


def test_store_tells_regions_of_a_file_without_reading_it(tmp_path, monkeypatch):
    """``DocumentStore.outside`` answers ``Document.outside`` from the regions the map step
    kept, for every span and kind set, and never reads the file for it; a file without
    kept regions, or found changed, is left to the reader (None)."""
    text = "# Install\n\nRun the installer, then restart.\n\n```sh\nsudo make install\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    doc = files.load(files.Source(str(path), "a.md"))
    assert {r.kind for r in doc.regions} >= {"code", "heading", "table"}
    store = DocumentStore()
    store.add_file("a.md", str(path), doc.content_hash, len(text.encode()), doc.regions)
    store.add_file("b.md", str(path), doc.content_hash, len(text.encode()))
    monkeypatch.setattr(files, "load", lambda *a, **k: pytest.fail("read again"))
    for kinds in (frozenset({"prose"}), frozenset({"code"}), frozenset({"prose", "heading"})):
        for start in range(len(text) + 1):
            for end in (start, start + 1, start + 7, len(text)):
                assert store.outside("a.md", start, end, kinds) == doc.outside(start, end, kinds)
    assert store.outside("b.md", 0, 1, frozenset({"prose"})) is None
    store.changed.add("a.md")
    assert store.outside("a.md", 0, 1, frozenset({"prose"})) is None


def test_fix_is_not_written_over_a_file_changed_after_the_map(tmp_path, monkeypatch):
    """A file edited between the map step and the fixes keeps the edit; F-finding instead."""
    (tmp_path / "corpuslint.toml").write_text("", encoding="utf-8")
    a = tmp_path / "a.txt"
    a.write_text("trailing space here \n", encoding="utf-8")
    original = engine.map_reduce_local

    def edit_after_map(*args, **kwargs):
        out = original(*args, **kwargs)
        a.write_text("someone else's edit \n", encoding="utf-8")
        return out

    monkeypatch.setattr(engine, "map_reduce_local", edit_after_map)
    config, registry = build_registry([str(tmp_path)], table={"select": ["W101"], "cache": False})
    result = run([str(a)], config, registry, fix=True)
    assert a.read_text(encoding="utf-8") == "someone else's edit \n"
    assert result.fixed == 0
    assert any("changed since it was read" in f.message for f in result.findings)


def test_json_output_positions_come_from_the_store(corpus, tmp_path):
    from corpuslint.outputs import json_format

    config, registry = build_registry([str(corpus)], table={"select": ["W101"], "cache": False})
    result = run([str(corpus)], config, registry)
    assert isinstance(result.documents, DocumentStore)
    out = tmp_path / "out.json"
    with open(out, "w", encoding="utf-8") as fh:
        json_format.write(result, fh)
    edits = [e for d in json.loads(out.read_text(encoding="utf-8"))["diagnostics"] for e in d["fix"]["edits"]]
    assert edits and all(e["line"] >= 1 and e["column"] >= 1 for e in edits)


def _with_slips(root: Path) -> None:
    """The stream corpus with slips (two letters swapped) in files of several slices."""
    _corpus(root, PARALLEL_MIN_DOCS + 8)
    paths = sorted(root.glob("*.txt"))
    common = [w for w, _ in Counter(w for p in paths for w in p.read_text(encoding="utf-8").split()
                                    if len(w) >= 5 and w.isalpha()).most_common(12)]
    for k, path in enumerate(paths[10::6]):
        w = common[k % len(common)]
        i = len(w) // 2
        path.write_text(path.read_text(encoding="utf-8").replace(w, w[:i] + w[i + 1] + w[i] + w[i + 2:], 1),
                        encoding="utf-8")


def test_per_target_reduce_split_across_workers_gives_the_one_process_findings(tmp_path, monkeypatch):
    """A rule whose reduce is alone (here S101, selected alone; reduce_by_target) runs on
    slices of the targets in forked workers with jobs 2: the same findings, in the same
    order, as one reduce over every target."""
    _with_slips(tmp_path)
    serial = _findings(tmp_path, jobs=1, cache=False, select=["S101"])
    slips = {f["path"] for f in serial if f["code"] == "S101"}
    assert len(slips) >= 3
    calls = []
    split = engine._parallel_reduce
    monkeypatch.setattr(engine, "_parallel_reduce", lambda rule, view, jobs: calls.append(rule.code) or
                        split(rule, view, jobs))
    assert _findings(tmp_path, jobs=2, cache=False, select=["S101"]) == serial
    assert calls == ["S101"]


def test_reduces_run_at_once_in_child_processes_give_the_one_process_findings(tmp_path, monkeypatch):
    """With jobs 2 the default corpus rules reduce at once (engine.Linter._reduce_in_lanes):
    the duplicate rules in a child forked as the reduce starts, S101 here, S103 in a child
    forked once S101 has built the merged spelling corpus (which it inherits). Their
    findings, concatenated in rule order, are the jobs 1 findings, in the same order."""
    _with_slips(tmp_path)
    serial = _findings(tmp_path, jobs=1, cache=False)
    assert {"D104", "D105", "S101", "S103"} <= {f["code"] for f in serial}
    from corpuslint.families.spelling import analysis

    lanes, forked = [], []
    fork = engine._Lane.fork.__func__

    def recording(cls, work, after=None):
        # the merged corpus built before the fork? the lane it waits for (two cores: one child at a time)
        lanes.append((analysis._MERGED[1] is not None, forked.index(after) if after is not None else None))
        forked.append(fork(cls, work, after))
        return forked[-1]

    monkeypatch.setattr(engine._Lane, "fork", classmethod(recording))
    monkeypatch.setattr(engine, "_parallel_reduce", lambda *a: pytest.fail("the lead rule is split"))
    assert _findings(tmp_path, jobs=2, cache=False) == serial
    assert lanes == [(False, None), (True, 0)]  # the duplicate rules' child first; S103's once the corpus is merged


def test_duplicate_rules_alone_reduce_at_once_with_the_one_process_findings(corpus, monkeypatch):
    """Without a reduce_by_target rule (D104, D105, D106 selected), D104 reduces here and
    D105 and D106 in a child process: the jobs 1 findings."""
    select = ["D104", "D105", "D106"]
    serial = _findings(corpus, jobs=1, cache=False, select=select)
    assert {"D104", "D105"} <= {f["code"] for f in serial}
    seen = []
    reduce_in_lanes = engine.Linter._reduce_in_lanes

    def recording(self, lanes, *args):
        seen.append(([r.code for r in lanes[0]], lanes[1].code, lanes[2]))
        return reduce_in_lanes(self, lanes, *args)

    monkeypatch.setattr(engine.Linter, "_reduce_in_lanes", recording)
    assert _findings(corpus, jobs=2, cache=False, select=select) == serial
    assert seen == [(["D105", "D106"], "D104", [])]


def test_documents_too_short_for_the_duplicate_rules_give_the_one_process_findings(tmp_path):
    """A file too short for D104 and D105 (a page title alone, as gnome-help-fa's
    clock.txt: "تاریخ و زمان") has no state for either (None, one object for both rules).
    Mapped by a worker, it used to travel as one encoded blob for the two rules, read
    back as None and then taken for "not decoded yet" by the second rule: KeyError with
    jobs 2 (in a fresh process: the CLI). Now it is the jobs 1 report."""
    from .conftest import run_cli

    _corpus(tmp_path, PARALLEL_MIN_DOCS + 8)
    for k in range(3):  # last in path order: mapped by the workers, not the parent's first batch
        (tmp_path / f"zz-title{k}.txt").write_text("تاریخ و زمان\n", encoding="utf-8")
    out = {}
    for jobs in ("1", "2"):
        proc = run_cli("check", "--no-cache", "--jobs", jobs, "--format", "json", "--exit-zero", ".", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        out[jobs] = proc.stdout
    assert out["2"] == out["1"] and '"D105"' in out["1"]


def test_a_rule_error_in_a_child_process_is_the_error_of_a_one_process_run(tmp_path, monkeypatch):
    """A corpus rule that fails in a child process (here D105) fails the run as it would
    in one process: the same RuleError message, exit code 2 in the CLI."""
    from corpuslint.families.duplicate.corpus import NearDuplicateDocument

    _corpus(tmp_path, PARALLEL_MIN_DOCS + 8)

    def broken(self, corpus):
        raise ValueError("planted")

    monkeypatch.setattr(NearDuplicateDocument, "reduce", broken)
    messages = []
    for jobs in (1, 2):
        with pytest.raises(engine.RuleError) as info:
            _findings(tmp_path, jobs=jobs, cache=False)
        messages.append(str(info.value))
    assert messages[0] == messages[1] and "D105" in messages[0] and "planted" in messages[0]


def test_a_child_process_that_dies_has_its_rules_reduced_in_the_parent(tmp_path, monkeypatch, capsys):
    """A child killed before it sends its findings (out of memory, a signal): its rules
    are reduced in the parent, with a warning; the findings are the jobs 1 findings."""
    import os
    import signal

    _corpus(tmp_path, PARALLEL_MIN_DOCS + 8)
    serial = _findings(tmp_path, jobs=1, cache=False)
    fork = engine._Lane.fork.__func__

    def dying(cls, work, after=None):
        return fork(cls, lambda: os.kill(os.getpid(), signal.SIGKILL), after)

    monkeypatch.setattr(engine._Lane, "fork", classmethod(dying))
    assert _findings(tmp_path, jobs=2, cache=False) == serial
    assert "in a child process failed" in capsys.readouterr().err


def test_store_gives_back_the_regions_the_map_found(tmp_path):
    """A file read again for the reduce carries the regions the map step computed for
    that content (no second parse); they equal the regions of a fresh parse."""
    from corpuslint import structure

    _corpus(tmp_path, 6)
    code = tmp_path / "doc002.txt"
    code.write_text(code.read_text(encoding="utf-8") + "\n$ apt install corpuslint\n{\n}\n", encoding="utf-8")
    config, registry = build_registry([str(tmp_path)], table={"jobs": 1, "cache": False})
    result = run([str(tmp_path)], config, registry)
    store = result.documents
    for path in sorted(tmp_path.glob("*.txt")):
        key = next(k for k in store if Path(k).name == path.name)
        doc = store.get(key)
        assert "regions" in doc.__dict__  # set from the map step, not parsed again
        assert doc.regions == structure.regions_for(files.load(files.Source(str(path), key)))
    assert any(r.kind == structure.CODE for r in store.get(next(k for k in store if k.endswith("doc002.txt"))).regions)


def test_a_report_spilled_to_a_temporary_file_is_the_report_held_in_memory(corpus, tmp_path, monkeypatch, capsys):
    """The CLI report waits in a SpooledTemporaryFile (cli._report_buffer): one spilled to
    disk after 100 characters is the same text on stdout and the same bytes in
    --output-file as one held in memory."""
    from corpuslint import cli

    monkeypatch.chdir(corpus)
    args = ["check", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "."]
    shown, written = {}, {}
    for limit in (10**9, 100):
        monkeypatch.setattr(cli, "REPORT_SPOOL_CHARS", limit)
        assert cli.main(args) == 0
        shown[limit] = capsys.readouterr().out
        out = tmp_path / f"report-{limit}.json"
        assert cli.main([*args, "--output-file", str(out)]) == 0
        written[limit] = out.read_bytes()
    assert len(shown[100]) > 10_000 and json.loads(shown[100])["diagnostics"]
    assert shown[100] == shown[10**9]
    assert written[100] == written[10**9] == shown[100].encode("utf-8")


def test_report_places_fixes_from_kept_line_starts_without_reading_files(tmp_path, monkeypatch):
    """The JSON report's fix edits are placed (line, column) from the line starts the map
    step kept (``DocumentStore.place``), as the document places them, a byte-order mark
    not being a column; no file is read again for them (each was read once per reduce and
    once more by the report)."""
    import io

    from corpuslint.outputs import json_format

    (tmp_path / "a.txt").write_text("first line\nsecond line \u00a0\nthird\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("\ufeffone trailing \nand a CRLF line  \r\nend\n".encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    config, registry = build_registry(["."], table={"jobs": 1, "cache": False, "select": ["W101"]})
    result = run(["."], config, registry)
    assert {f.path for f in result.findings} == {"a.txt", "b.txt"} and all(f.fix for f in result.findings)
    docs = {p: files.load(files.Source(str(tmp_path / p), p)) for p in ("a.txt", "b.txt")}
    monkeypatch.setattr(files, "load", lambda *a, **k: pytest.fail("read again"))
    out = io.StringIO()
    json_format.write(result, out)
    edits = [(d["path"], e["line"], e["column"], e["end_line"], e["end_column"])
             for d in json.loads(out.getvalue())["diagnostics"] for e in d["fix"]["edits"]]
    assert edits and edits == [(f.path, *docs[f.path].position(e.start), *docs[f.path].position(e.end))
                               for f in result.findings for e in f.fix.edits]
    assert ("b.txt", 1, 13, 1, 14) in edits  # (the byte-order mark is no column)


def test_parallel_batches_count_documents_as_well_as_text():
    """A dataset of short records (UI strings) is batched by what mapping it costs, not by
    its characters alone: /tmp/fresh31/jobs's warm-up batch of 200,000 characters held
    17,947 of its 42,555 records (11 characters each), mapped by the parent alone before
    the fork (``engine._chunks``: each record counts PARALLEL_DOC_CHARS besides its text)."""
    words = [w for line in _lines() for w in line.split()]
    records = [Document(f"ui.csv#{i}", " ".join(words[i : i + 2])) for i in range(20_000)]
    chunks = list(engine._chunks(records, 2))
    assert [d for chunk in chunks for d in chunk] == records  # contiguous, in order, every record once
    costs = [sum(engine._item_chars(d) for d in chunk) for chunk in chunks]
    assert len(chunks[0]) <= engine.PARALLEL_WARMUP_CHARS // engine.PARALLEL_DOC_CHARS + 1
    assert len(chunks[0]) < len(records) // 10  # (by characters alone: 13,000 of the 20,000)
    assert max(costs) <= max(engine.PARALLEL_CHUNK_CHARS, costs[0]) + max(map(engine._item_chars, records))
    assert len(chunks) >= 2 * 8  # (at least 8 batches a worker)
