"""Findings wait for the report in a temporary file, not in memory (issue 14, target 1:
100 MB of text, at most twice its size).

At 100 MB of text (bench_scale) a run's ~85 k findings were ~30 MB of small objects,
held from the reduce that made them to the report: through S101's and S103's reduces,
where the run peaked. The map's findings and each corpus rule's, as its reduce makes
them, are now written to a ``store.FindingSpill`` and read back once for the report;
the report is sorted one field at a time (``findings.sort_findings``), without a key
tuple per finding.

Here: a spill gives back every field of the findings it was given, in order (a property
over generated findings, and a plugin's record id msgpack cannot store); the seed
articles with a JSON Lines file of copied paragraphs (record findings, related records,
fixes) give byte-identical reports spilled or held, with one finding a chunk; the
findings of a rule are in the spill before its reduce ends and before the next rule's
begins; and ``sort_findings`` is ``Finding.sort_key``'s order.
"""

from __future__ import annotations

import json
import shutil

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import cli, engine
from corpuslint.findings import Applicability, Edit, Finding, Fix, Location, Severity, sort_findings
from corpuslint.store import FindingSpill

from .conftest import SAMPLES, seed_line

_text = st.text(max_size=12)
_record = st.none() | st.integers(min_value=1, max_value=10**6) | st.text(min_size=1, max_size=6)
_position = st.integers(min_value=0, max_value=2**40)


@st.composite
def _findings(draw) -> Finding:
    start = draw(_position)
    fix = draw(st.none() | st.builds(
        Fix, st.lists(st.builds(Edit, _position, _position, _text), max_size=3).map(tuple),
        st.sampled_from(list(Applicability)), st.booleans()))
    return Finding(
        code=draw(st.sampled_from(["S101", "S103", "D104", "A103", "W102"])), rule=draw(_text), family=draw(_text),
        severity=draw(st.sampled_from(list(Severity))), message=draw(st.sampled_from(["a", "b", "رسالة"]) | _text),
        path=draw(st.sampled_from(["a.txt", "b/c.md", "d.jsonl"])), start=start, end=start + draw(_position),
        line=draw(st.integers(1, 2**40)), column=draw(st.integers(1, 600)), end_line=draw(st.integers(1, 2**40)),
        end_column=draw(st.integers(1, 600)), fix=fix,
        related=tuple(draw(st.lists(st.builds(Location, st.sampled_from(["a.txt", "d.jsonl"]), st.integers(1, 999),
                                              st.integers(1, 999), _record), max_size=2))),
        record=draw(_record))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_findings(), max_size=6), max_size=4))
def test_a_spill_gives_back_every_finding_it_was_given_in_order(batches):
    spill = FindingSpill()
    try:
        for batch in batches:
            spill.extend(batch)
        expected = [f for batch in batches for f in batch]
        assert spill.count == len(expected)
        back = spill.read()
        assert back == expected
        assert [type(f.record) for f in back] == [type(f.record) for f in expected]
        # equal messages and related tuples are one object again
        by_message: dict[str, str] = {}
        for f in back:
            assert by_message.setdefault(f.message, f.message) is f.message
        assert spill.read() == []  # (read empties it)
    finally:
        spill.close()


def test_a_value_msgpack_cannot_store_is_held_in_its_place():
    odd = frozenset({"a plugin's record id"})
    found = [Finding("X1", "x", "plugin", Severity.WARNING, f"m{i}", "p.txt", i, i + 1, record=odd if i == 1 else None)
             for i in range(3)]
    spill = FindingSpill()
    try:
        spill.extend(found)
        back = spill.read()
    finally:
        spill.close()
    assert back == found and back[1] is found[1] and back[0] is not found[0]


def _corpus(tmp_path):
    """The seed articles, and a JSON Lines file whose records copy two of their
    paragraphs (one twice: D107 findings naming related records)."""
    root = tmp_path / "corpus"
    shutil.copytree(SAMPLES, root)
    a, b = seed_line("000", 1), seed_line("001", 3)
    rows = [{"id": i, "text": t} for i, t in enumerate([a, b, "نص قصير آخر لا يتكرر في أي مكان.", a, b + " "])]
    (root / "copies.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return root


def _report(root, out, capsys) -> bytes:
    cli.main(["check", "--format", "json", "--exit-zero", "--no-cache", "--jobs", "1", "-o", str(out), str(root)])
    capsys.readouterr()
    return out.read_bytes()


def test_spilled_or_held_the_report_is_the_same(tmp_path, monkeypatch, capsys):
    root = _corpus(tmp_path)
    monkeypatch.setattr(engine, "SPILL_FINDINGS", False)
    held = _report(root, tmp_path / "held.json", capsys)
    monkeypatch.setattr(engine, "SPILL_FINDINGS", True)
    spilled = _report(root, tmp_path / "spilled.json", capsys)
    monkeypatch.setattr(engine, "REDUCE_CHUNK", 1)
    one_a_chunk = _report(root, tmp_path / "one.json", capsys)
    report = json.loads(held)
    codes = {f["code"] for f in report["diagnostics"]}
    assert {"S101", "S103", "D107"} <= codes  # corpus rules' findings, and the map's
    assert any(f["record"] is not None for f in report["diagnostics"])
    assert any(r.get("record") is not None for f in report["diagnostics"] for r in f["related"])
    assert any(f["fix"] for f in report["diagnostics"])
    assert spilled == held and one_a_chunk == held


def test_a_rules_findings_are_in_the_spill_before_its_reduce_ends(tmp_path, monkeypatch, capsys):
    """Each corpus rule's reduce runs with the findings of the map and of the rules before
    it written out (``into.count``) and none held by the engine; a rule's own findings go
    out as it makes them (one a chunk here): S103 yields several."""
    root = _corpus(tmp_path)
    monkeypatch.setattr(engine, "REDUCE_CHUNK", 1)
    seen: list[tuple[str, str, int]] = []  # (rule, "start" or "yield", findings in the spill)
    spills: list[FindingSpill] = []
    made = FindingSpill.__init__

    def init(self):
        made(self)
        spills.append(self)

    reduce_rule = engine.Linter._reduce_rule

    def one_reduce(self, rule, *a, **k):
        real = rule.reduce

        def reduce(view):
            seen.append((rule.code, "start", spills[-1].count))
            for f in real(view):
                seen.append((rule.code, "yield", spills[-1].count))
                yield f

        rule.reduce = reduce
        try:
            return reduce_rule(self, rule, *a, **k)
        finally:
            del rule.reduce

    monkeypatch.setattr(FindingSpill, "__init__", init)
    monkeypatch.setattr(engine.Linter, "_reduce_rule", one_reduce)
    report = json.loads(_report(root, tmp_path / "out.json", capsys))
    by_code: dict[str, int] = {}
    for f in report["diagnostics"]:
        by_code[f["code"]] = by_code.get(f["code"], 0) + 1
    corpus_codes = [code for code, what, _ in seen if what == "start"]
    assert corpus_codes.index("S101") < corpus_codes.index("S103")
    starts = {code: n for code, what, n in seen if what == "start"}
    # the map's findings are out before the first reduce: the W, A and D101 findings
    assert starts[corpus_codes[0]] >= by_code["W102"] + by_code["A103"]
    # S103 starts with S101's findings written
    assert starts["S103"] >= starts["S101"] + by_code["S101"]
    yields = [n for code, what, n in seen if code == "S103" and what == "yield"]
    assert len(yields) >= 2 and yields[-1] > yields[0]  # written as they are made, not at the end


@settings(max_examples=60, deadline=None)
@given(st.lists(_findings(), max_size=30))
def test_sort_findings_is_the_sort_key_order(found):
    # (records of one path are all ints or all strings, as a data file's are)
    for f in found:
        if f.record is not None:
            f.record = len(str(f.record)) if f.path == "d.jsonl" else str(f.record)
    expected = sorted(found, key=Finding.sort_key)
    sort_findings(found)
    assert found == expected and [id(f) for f in found] == [id(f) for f in expected]


def test_the_merged_corpus_is_freed_when_the_spelling_rules_are_done(tmp_path, monkeypatch, capsys):
    """S101 held the merged corpus (an attribute of the rule, for its taa check) past the
    spelling rules' ``release`` to the run's end: ~25 MB of word tables under the report at 100 MB
    of text. When the reduces are over (the findings are read back), none is alive."""
    import gc
    import weakref

    from corpuslint.families.spelling import base

    made: list = []
    merge = base.merge

    def merged(*a, **k):
        corpus = merge(*a, **k)
        made.append(weakref.ref(corpus))
        return corpus

    alive: list[int] = []
    read = FindingSpill.read

    def read_back(self, *order):
        gc.collect()
        alive.append(sum(ref() is not None for ref in made))
        return read(self, *order)

    monkeypatch.setattr(base, "merge", merged)
    monkeypatch.setattr(FindingSpill, "read", read_back)
    report = json.loads(_report(_corpus(tmp_path), tmp_path / "out.json", capsys))
    assert {"S101", "S103"} <= {f["code"] for f in report["diagnostics"]}
    assert made and alive == [0]
