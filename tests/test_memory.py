"""Bounded memory of a run (issue 14, target 1): what each change keeps the same.

Real text: the seed corpus (samples/news-ar) and the 100 D104 near-copies tests/test_duplicate
makes from it. Without the corpus index, corpus-rule states wait in a temporary file
(``store.StateSpill``) and come back one rule at a time; D104/D105 concatenate their
arrays once and share them with the states; ``frames.count_frames`` counts without
copies. Each must give exactly what the in-memory code gave.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import engine, files, lint_paths
from corpuslint.document import Document
from corpuslint.families.duplicate import corpus as dup
from corpuslint.families.duplicate import frames as F
from corpuslint.families.spelling.analysis import DocState
from corpuslint.store import ColumnState, Spilled, StateSpill

from tests.conftest import ROOT, SAMPLES


def _check_spilled_and_not(monkeypatch, capsys) -> dict[bool, str]:
    """The JSON report of ``check`` on the current folder without and with the state
    spill (``engine.SPILL_STATES``): {False: ..., True: ...}."""
    from corpuslint import cli

    args = ["check", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "."]
    out = {}
    for spill in (False, True):
        monkeypatch.setattr(engine, "SPILL_STATES", spill)
        assert cli.main(args) == 0
        out[spill] = capsys.readouterr().out
    return out


def _linter(root):
    cfg, reg = engine.build_registry([str(root)])
    return engine.Linter(cfg, reg)


def _docs():
    return [files.load(files.Source(str(p), p.name)) for p in sorted(SAMPLES.glob("*.txt"))]


def _seed_and_copies(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for i, text in enumerate(texts):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"copy{i}.txt").write_text("\n\n".join(reversed(text.split("\n\n"))), encoding="utf-8")


def _seed_copies_and_a_slip(tmp_path):
    """``_seed_and_copies`` and ``slip.txt``: the seed with its most frequent long word
    misspelt once (S101's corpus evidence: the deletion index); returns (word, slip)."""
    _seed_and_copies(tmp_path)
    text = (tmp_path / "0.txt").read_text(encoding="utf-8")
    words = Counter(w for w in re.findall(r"[\u0621-\u064a]{6,}", text))
    word = words.most_common(1)[0][0]
    slip = word[:3] + ("ق" if word[3] != "ق" else "ف") + word[4:]
    (tmp_path / "slip.txt").write_text(text.replace(word, slip, 1), encoding="utf-8")
    return word, slip


def test_spilled_states_come_back_equal_and_writable(tmp_path):
    linter = _linter(tmp_path)
    spill = StateSpill()
    try:
        for doc in _docs():
            for rule in linter.corpus_rules:
                state = rule.collect(doc)
                ref = spill.put(state)
                if state is None:
                    assert ref is None
                    continue
                assert isinstance(ref, Spilled)
                back = spill.get(ref)
                if isinstance(state, dict):  # the duplicate rules' arrays: own, writable copies
                    assert back.keys() == state.keys()
                    for k, a in state.items():
                        assert back[k].dtype == a.dtype and np.array_equal(back[k], a)
                        assert back[k].flags.writeable and back[k].base is None
                else:
                    assert isinstance(back, DocState) and back.content_hash == state.content_hash
                    assert back.langs.keys() == state.langs.keys()
                    for lang, ls in state.langs.items():
                        assert back.langs[lang].words == ls.words
                        for f in ("count", "first", "pairs", "rej"):
                            assert np.array_equal(getattr(back.langs[lang], f), getattr(ls, f))
        assert spill.bytes > 0
        kept = object()  # a plugin's own state type the codec does not store stays in memory
        assert spill.put(kept) is kept
    finally:
        spill.close()


def _root(a):
    while getattr(a, "base", None) is not None:
        a = a.base
    return a


def test_states_spilled_by_columns_come_back_equal_as_views_of_one_column(tmp_path):
    """A dict of arrays put with a group (the rule's code) comes back from ``get_many``
    equal (values, dtypes, shapes), read-only, each non-empty field a view of one array
    per column (one mapping of the column's file); ``get`` gives writable copies of its
    own; a worker's blob (``put_blob``) is stored the same way; order and other states
    are kept."""
    from corpuslint.codec import dumps

    linter = _linter(tmp_path)
    spill = StateSpill()
    try:
        for rule in linter.corpus_rules:
            states = [rule.collect(doc) for doc in _docs()]
            refs = [spill.put(s, rule.code) if k % 2 else spill.put_blob(dumps(s), rule.code)
                    for k, s in enumerate(states) if s is not None]
            kept = [s for s in states if s is not None]
            if not kept:  # (D107 collects from dataset records only: none here)
                continue
            back = spill.get_many(refs)
            roots: dict[str, set[int]] = {}
            for ref, state, got in zip(refs, kept, back):
                if isinstance(state, dict):
                    assert ref.group == rule.code and got.keys() == state.keys()
                    for k, a in state.items():
                        assert got[k].dtype == a.dtype and got[k].shape == a.shape and np.array_equal(got[k], a)
                        assert not got[k].flags.writeable or not a.nbytes
                        if a.nbytes:
                            roots.setdefault(k, set()).add(id(_root(got[k])))
                        else:  # an empty array holds no column
                            assert got[k].base is None
                    one = spill.get(ref)
                    assert all(one[k].base is None and one[k].flags.writeable and np.array_equal(one[k], a)
                               for k, a in state.items())
                else:
                    assert ref.group is None and got.content_hash == state.content_hash
            assert all(len(r) == 1 for r in roots.values())  # one buffer per column
            if isinstance(kept[0], dict):
                assert len(roots) > 1
    finally:
        spill.close()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.dictionaries(
    st.sampled_from(["a", "b", "c"]),
    st.tuples(st.sampled_from(["?", "u1", "<i4", "<u8", "<f8"]), st.lists(st.integers(0, 5), max_size=2)),
    min_size=1), max_size=6))
def test_any_dict_of_arrays_comes_back_from_the_columns(specs):
    rng = np.random.default_rng(14)
    spill = StateSpill()
    try:
        states = [{k: (rng.integers(0, 200, size=shape) if dt != "?" else rng.integers(0, 2, size=shape)).astype(dt)
                   for k, (dt, shape) in spec.items()} for spec in specs]
        refs = [spill.put(s, "G") for s in states]
        for state, got in zip(states, spill.get_many(refs)):
            assert got.keys() == state.keys()
            for k, a in state.items():
                assert got[k].dtype == a.dtype and got[k].shape == a.shape and np.array_equal(got[k], a)
    finally:
        spill.close()


def test_states_read_back_in_path_order_are_concatenated_without_a_copy(tmp_path):
    """D104 read back from the columns in path order (as the map step writes them): each
    concatenated field is a view of its mapped column (nothing copied), equal to
    ``np.concatenate`` of the states' arrays; read back in another order, the fields
    are copied and then no state refers to those columns any more, so each mapping is
    stay mapped for the states (their pages given back once copied), as the other fields'
    columns (frames, names) do: no state is given views of the copy (``_share``)."""
    import gc
    import weakref

    _seed_and_copies(tmp_path)
    linter = _linter(tmp_path)
    rule = next(r for r in linter.corpus_rules if r.code == "D104")
    docs = [files.load(files.Source(str(p), p.name)) for p in sorted(tmp_path.glob("*.txt"), key=lambda p: p.name)]
    fields = ("lines", "spans", "nwords", "keys", "bands", "sets")
    for order in (docs, docs[::-1]):
        spill = StateSpill()
        try:
            refs = {d.path: spill.put(rule.collect(d), "D104") for d in order}
            got = spill.get_many(list(refs.values()))
            states = dict(zip(refs, got))
            want = {f: np.concatenate([states[p][f] for p in sorted(states)]) for f in fields}
            columns = {k: weakref.ref(_root(a)) for state in got for k, a in state.items() if a.nbytes}
            del got
            _, _, arr = dup._concat(states, fields)
            gc.collect()
            for f in fields:
                assert np.array_equal(arr[f], want[f]) and arr[f].dtype == want[f].dtype
                assert (_root(arr[f]) is columns[f]()) == (order is docs), f  # a view of the column, or a copy
                assert columns[f]() is not None, f
            assert columns["frames"]() is not None and columns["tframes"]() is not None
            assert all(st._own is None for st in states.values())
        finally:
            spill.close()


def test_records_read_back_out_of_key_order_keep_no_arrays_of_their_own(tmp_path):
    """fresh24's paragraph records: the map writes their states in file order, D104 and
    D105 concatenate them in key order (ids that do not sort as the file runs), so
    ``_concat`` copies each field; the states read back (``ColumnState``) then keep
    reading their mapped columns, not a dict of views of the copy each (~1 KB a record
    at D104's peak), and give the same values. Real text: the seed corpus's files as
    the records of one JSON Lines file, ids descending."""
    from corpuslint import readers

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    rows = [json.dumps({"id": f"doc-{len(texts) - i:03d}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    (tmp_path / "news.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text('[readers]\nid-field = "id"\n', encoding="utf-8")
    cfg, reg = engine.build_registry([str(tmp_path)])
    linter = engine.Linter(cfg, reg)
    docs = [d for _, _, loaded in readers.iter_sources([files.Source(str(tmp_path / "news.jsonl"), "news.jsonl")],
                                                       reg.readers, cfg) for d in loaded if isinstance(d, Document)]
    assert [d.path for d in docs] != sorted(d.path for d in docs)
    for code, fields in (("D104", ("lines", "spans", "nwords", "keys", "bands", "sets")),
                         ("D105", ("lines", "spans", "keys", "sig", "sets"))):
        rule = next(r for r in linter.corpus_rules if r.code == code)
        spill = StateSpill()
        try:
            made = {d.path: rule.collect(d) for d in docs}
            assert all(st is not None for st in made.values())
            refs = {p: spill.put(st, code) for p, st in made.items()}
            states = dict(zip(refs, spill.get_many(list(refs.values()))))
            want = {f: np.concatenate([states[p][f] for p in sorted(states)]) for f in fields}
            paths, _, arr = dup._concat(states, fields)
            assert len(paths) >= 2
            for f in fields:
                if f != "off":
                    assert np.array_equal(arr[f], want[f]) and arr[f].dtype == want[f].dtype, (code, f)
            assert all(type(st) is ColumnState and st._own is None for st in states.values()), code
            for p, st in states.items():  # (the same values as ``collect`` made, read from the columns)
                assert all(np.array_equal(st[f], made[p][f]) for f in made[p]), (code, p)
        finally:
            spill.close()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 5), max_size=40), st.integers(1, 7), st.sampled_from([np.int32, np.uint64]),
       st.booleans(), st.booleans())
def test_gather_a_few_states_at_a_time_is_the_concatenation(lengths, chunk, dtype, wide, one_buffer):
    """``_concat``'s fields gathered ``_GATHER`` states at a time (no view of every
    record's array held at once) are ``np.concatenate`` of the states' arrays in path
    order: a view of one buffer when the arrays lie in it in that order, else a copy
    whose views the dict states then hold."""
    arrays = [np.arange(n * (2 if wide else 1), dtype=dtype).reshape((n, 2) if wide else (n,)) + i
              for i, n in enumerate(lengths)]
    if one_buffer and arrays:
        buffer, at = np.concatenate(arrays), 0
        for i, a in enumerate(arrays):
            arrays[i], at = buffer[at : at + len(a)], at + len(a)
    states = {f"r{i:03d}": {"x": a} for i, a in enumerate(arrays)}
    want = np.concatenate(arrays) if arrays else np.zeros(0, np.float64)
    saved = dup._GATHER
    dup._GATHER = chunk
    try:
        got = dup._gather(states, sorted(states), "x")
    finally:
        dup._GATHER = saved
    assert got.dtype == want.dtype and got.shape == want.shape and np.array_equal(got, want)
    for p, a in zip(sorted(states), arrays):
        assert np.array_equal(states[p]["x"], a) and (not a.size or np.shares_memory(states[p]["x"], got))


def test_a_check_run_keeps_no_findings_per_record_for_a_second_pass(tmp_path, monkeypatch):
    """The map's findings are kept per document (``Linter._cache``: a tuple key and an
    entry each) only for a run that reads them again (``--fix``, ``--diff``); a check
    run reports them from its list and keeps no such entry (fresh24: ~140 bytes a
    record with findings, 450 k records). Real text: the seed corpus's paragraphs as
    records; the fix run still has them."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    rows = [json.dumps({"id": f"p{k}", "text": para}, ensure_ascii=False)
            for k, para in enumerate(pa for t in texts for pa in t.split("\n\n") if pa.strip())]
    (tmp_path / "paras.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    seen = []
    map_reduce = engine._map_reduce

    def spy(linter, *args, **kwargs):
        seen.append(linter)
        return map_reduce(linter, *args, **kwargs)

    monkeypatch.setattr(engine, "_map_reduce", spy)
    cfg, reg = engine.build_registry([str(tmp_path)])
    cfg.use_cache = False
    got = engine.run([str(tmp_path / "paras.jsonl")], cfg, reg)
    assert any(f.record is not None for f in got.findings)
    assert not seen[-1]._cache and not seen[-1]._clean
    engine.run([str(tmp_path / "paras.jsonl")], cfg, reg, diff=True)
    assert seen[-1]._cache or seen[-1]._clean


def test_a_state_several_rules_share_is_read_back_once():
    """The spelling rules share one state per document: read back, they share it again
    (so the merged corpus is built once), and it is let go after the last of them."""
    spill = StateSpill()
    try:
        shared, own = spill.put({"a": np.arange(3)}), spill.put({"b": np.arange(2)})
        shared = shared.as_shared()  # (the map loop marks a reference several rules hold: ``_map_reduce``)

        class Rule:
            def __init__(self, code):
                self.code = code

        rules = [Rule("S101"), Rule("S103"), Rule("D104")]
        states = {"S101": {"x": shared}, "S103": {"x": shared}, "D104": {"x": own, "y": None}}
        unspill = engine._Unspill(spill, states, rules)
        assert unspill.left == {shared.offset: 2}  # a state one rule holds (a record's) is not counted
        first = unspill.states(states["S101"])
        assert unspill.decoded  # kept for S103
        second = unspill.states(states["S103"])
        assert second["x"] is first["x"] and not unspill.decoded
        third = unspill.states(states["D104"])
        assert third["y"] is None and np.array_equal(third["x"]["b"], np.arange(2))
    finally:
        spill.close()


def test_a_state_of_none_several_rules_share_comes_back_to_each():
    """A worker encodes a state once per object, so a short document's D104 and D105
    states (both None) come back as one blob, spilled once: each rule gets None (a
    decoded None kept for the next rule is not taken for "not decoded yet")."""
    from corpuslint.codec import dumps

    spill = StateSpill()
    try:
        none, own = spill.put_blob(dumps(None)), spill.put({"b": np.arange(2)})

        class Rule:
            def __init__(self, code):
                self.code = code

        rules = [Rule("D104"), Rule("D105")]
        states = {"D104": {"short": none, "long": own}, "D105": {"short": none}}
        unspill = engine._Unspill(spill, states, rules)
        first = unspill.states(states["D104"])
        assert first["short"] is None and np.array_equal(first["long"]["b"], np.arange(2))
        assert unspill.states(states["D105"]) == {"short": None} and not unspill.decoded
    finally:
        spill.close()


def test_no_cache_run_in_worker_processes_with_short_documents(tmp_path, capsys):
    """64+ files (the map runs in worker processes) of one short real line each: no
    D104/D105 state, one shared blob per document; the --no-cache run (states
    spilled) reports what the cached run reports, instead of an internal error."""
    from corpuslint import cli

    lines = [x for p in sorted(SAMPLES.glob("*.txt")) for x in p.read_text(encoding="utf-8").splitlines()
             if 0 < len(x.split()) < 6]
    assert len(set(lines)) >= 8
    for i in range(engine.PARALLEL_MIN_DOCS + 6):
        (tmp_path / f"{i:03}.txt").write_text(f"{lines[i % len(lines)]} {i}\n", encoding="utf-8")
    out = {}
    for cache in ("--no-cache", "--exit-zero"):
        args = ["check", "--format", "json", "--jobs", "2", "--select", "D104,D105", "--exit-zero", cache,
                str(tmp_path)]
        assert cli.main(args) == 0
        out[cache] = json.loads(capsys.readouterr().out)
    assert out["--no-cache"]["files_checked"] == engine.PARALLEL_MIN_DOCS + 6
    assert out["--no-cache"]["diagnostics"] == out["--exit-zero"]["diagnostics"]


def test_no_cache_run_with_and_without_the_spill_is_the_same_report(tmp_path, monkeypatch, capsys):
    """Seed files and near-copies of their paragraphs (D104, D105, S101, S103 all report):
    the --no-cache report with states spilled is byte for byte the in-memory one."""
    _seed_and_copies(tmp_path)
    monkeypatch.chdir(tmp_path)
    used: list[StateSpill] = []

    class Recorded(StateSpill):  # the real spill, remembered to see that it was used
        def __init__(self):
            super().__init__()
            used.append(self)

    monkeypatch.setattr(engine, "StateSpill", Recorded)
    out = _check_spilled_and_not(monkeypatch, capsys)
    assert len(used) == 1 and used[0].bytes > 0
    assert out[True] == out[False]
    codes = json.loads(out[True])["summary"]["by_code"]
    assert codes.get("D105") and codes.get("S103")


def test_concat_shares_its_arrays_with_the_states(tmp_path):
    linter = _linter(tmp_path)
    rule = next(r for r in linter.corpus_rules if r.code == "D104")
    states = {d.path: rule.collect(d) for d in _docs()}
    before = {p: {k: a.copy() for k, a in s.items()} for p, s in states.items() if s is not None}
    fields = ("lines", "spans", "nwords", "keys", "bands", "sets")
    paths, doc_of, arr = dup._concat(states, fields)
    assert len(paths) >= 2
    for f in fields:
        assert np.array_equal(arr[f], np.concatenate([before[p][f] for p in paths]))
        for p in paths:  # each document's array: a view of the concatenation, same values
            assert np.shares_memory(states[p][f], arr[f])
            assert states[p][f].dtype == before[p][f].dtype and np.array_equal(states[p][f], before[p][f])
    assert np.array_equal(np.diff(arr["off"]), np.concatenate([np.diff(before[p]["off"]) for p in paths]))
    assert np.array_equal(doc_of, np.repeat(np.arange(len(paths)), [len(before[p]["lines"]) for p in paths]))


def test_d104_lets_each_documents_frames_go_once_counted(tmp_path):
    """A cold reduce over a dict of states drops each state's ``frames`` once the slot
    templates are counted (its units' ``tframes`` stay); the findings are those of a
    reduce over states it does not own (a read-only mapping: nothing dropped)."""
    from collections.abc import Mapping

    from corpuslint.rules import CorpusView

    class ReadOnly(Mapping):
        def __init__(self, d):
            self.d = d

        def __getitem__(self, k):
            return self.d[k]

        def __iter__(self):
            return iter(self.d)

        def __len__(self):
            return len(self.d)

    _seed_and_copies(tmp_path)
    linter = _linter(tmp_path)
    rule = next(r for r in linter.corpus_rules if r.code == "D104")
    docs = {p.name: files.load(files.Source(str(p), p.name)) for p in sorted(tmp_path.glob("*.txt"))}
    found = {}
    for owned in (False, True):
        states = {k: rule.collect(d) for k, d in docs.items()}
        assert all("frames" in s for s in states.values() if s is not None)
        view = CorpusView(states=states if owned else ReadOnly(states), targets=set(docs), documents=docs)
        found[owned] = [(f.path, f.line, f.message) for f in rule.reduce(view)]
        assert all(("frames" in s) != owned and "tframes" in s for s in states.values() if s is not None)
    assert found[True] == found[False] and found[True]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 2**64 - 1) | st.integers(0, 30), max_size=20), max_size=8))
def test_count_frames_is_unique_with_counts(per_doc):
    parts = [np.unique(np.array(p, dtype=np.uint64)) for p in per_doc]
    frames, counts = F.count_frames(parts)
    every = [p for p in parts if len(p)]
    if not every:
        assert len(frames) == len(counts) == 0
        return
    want, want_counts = np.unique(np.concatenate(every), return_counts=True)
    assert frames.dtype == np.uint64 and counts.dtype == np.int64
    assert np.array_equal(frames, want) and np.array_equal(counts, want_counts)


def test_spelling_rules_read_spilled_states_on_access_and_let_the_merged_corpus_go(tmp_path, monkeypatch, capsys):
    """S101/S103 (``lazy_states``) get ``SpilledStates`` (a state decoded on each access,
    none held for the whole reduce), the other corpus rules a dict; the report is the one
    of states held in memory, and once every corpus rule has reduced the merged corpus is
    released (not held while the findings are written)."""
    from corpuslint import cli
    from corpuslint.families.spelling import analysis
    from corpuslint.families.spelling.base import SpellingCorpusRule
    from corpuslint.rules import CorpusRule
    from corpuslint.store import SpilledStates

    _seed_and_copies(tmp_path)
    monkeypatch.chdir(tmp_path)
    seen: dict[str, type] = {}
    real = engine.Linter._reduce_one

    def recorded(self, rule, view):
        seen[rule.code] = type(view.states)
        return real(self, rule, view)

    monkeypatch.setattr(engine.Linter, "_reduce_one", recorded)
    args = ["check", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "."]
    out = {}
    assert CorpusRule.lazy_states is False and SpellingCorpusRule.lazy_states is True
    for lazy in (False, True):
        monkeypatch.setattr(SpellingCorpusRule, "lazy_states", lazy)
        seen.clear()
        assert cli.main(args) == 0
        out[lazy] = capsys.readouterr().out
        assert analysis._MERGED == [None, None, None]
    assert seen["S101"] is SpilledStates and seen["S103"] is SpilledStates and seen["D104"] is dict
    assert out[True] == out[False]
    codes = json.loads(out[True])["summary"]["by_code"]
    assert codes.get("S101") and codes.get("S103")


def test_spilled_states_decode_on_each_access_and_a_cached_merge_reads_the_new_mapping():
    from corpuslint.families.spelling import analysis
    from corpuslint.store import SpilledStates

    docs = _docs()
    states = {d.path: analysis.analyse(d, ("ar",)) for d in docs}
    first, second = StateSpill(), StateSpill()
    try:
        lazy = {}
        for spill in (first, second):
            refs = {p: spill.put(s) for p, s in states.items()}
            refs["none"] = None
            lazy[spill] = SpilledStates(spill, refs)
        view = lazy[first]
        assert len(view) == len(states) + 1 and "none" in view and view["none"] is None
        path = docs[0].path
        a, b = view[path], view[path]
        assert a is not b and a.content_hash == b.content_hash == states[path].content_hash  # decoded, not kept
        analysis.forget_merged()
        corpus = analysis.merge(view, ("ar",))
        first.close()  # (a run that ended without releasing it: its spill is gone)
        again = analysis.merge(lazy[second], ("ar",))  # the same contents: the same merged corpus
        assert again is corpus
        lc = again.langs["ar"]
        assert lc.doc_words.states is lazy[second]
        assert len(lc.doc_words.get(path)) == len(states[path].langs["ar"].count)
    finally:
        analysis.forget_merged()
        second.close()


def test_memos_the_map_filled_are_emptied_before_the_reduces_and_the_report_is_the_same(tmp_path, monkeypatch,
                                                                                       capsys):
    """Once the map is over (``engine._mapped``), the text-normalisation run memos and the
    spelling token tables are empty when the first corpus rule reduces; S103 then
    tokenises its targets with a new table. The report (D105, S101, S103 on the seed
    files and their near-copies) is byte for byte the one of a run that keeps them."""
    from corpuslint import cli
    from corpuslint.families.spelling import analysis
    from corpuslint.text import normalize

    _seed_and_copies(tmp_path)
    monkeypatch.chdir(tmp_path)
    sizes: list[tuple[int, int, int, int]] = []
    real = engine.Linter._reduce_one

    def recorded(self, rule, view):
        if not sizes:  # the first reduce: the memos as the map step left them
            sizes.append((len(normalize._LINE_RUNS), len(normalize._WORD_RUNS), len(analysis._INFO),
                          sum(map(len, normalize._MEMOS))))  # (every RunMemo: token weights, letter tests ...)
        return real(self, rule, view)

    monkeypatch.setattr(engine.Linter, "_reduce_one", recorded)
    args = ["check", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "."]
    assert cli.main(args) == 0
    emptied = capsys.readouterr().out
    assert sizes == [(0, 0, 0, 0)]
    sizes.clear()
    monkeypatch.setattr(engine, "_mapped", lambda linter: None)  # memos kept, as before
    assert cli.main(args) == 0
    kept = capsys.readouterr().out
    assert sizes[0][0] > 0 and sizes[0][1] > 0 and sizes[0][2] > 0
    assert kept == emptied
    codes = json.loads(emptied)["summary"]["by_code"]
    assert codes.get("S101") and codes.get("S103") and codes.get("D105")


def test_equal_messages_of_findings_become_one_string():
    """``share_messages``: equal messages (and fix replacements) are one object afterwards,
    each finding keeps its text and its fix."""
    from corpuslint.findings import Edit, Finding, Fix, Severity, share_messages

    def finding(message, replacement):
        return Finding("S103", "transliteration", "spelling", Severity.WARNING, message, "a.txt", 0, 1,
                       fix=Fix.safe(Edit(0, 1, "".join(list(replacement)))))

    texts = ["'شويغو' is spelled 'شويجو' in this document", "other", "'شويغو' is spelled 'شويجو' in this document"]
    found = [finding("".join(list(t)), "شويجو") for t in texts]  # distinct string objects
    fixes = [f.fix for f in found]
    assert found[0].message is not found[2].message
    share_messages(found)
    assert [f.message for f in found] == texts
    assert found[0].message is found[2].message and found[1].message == "other"
    assert [f.fix for f in found] == fixes == [Fix.safe(Edit(0, 1, "شويجو"))] * 3
    assert found[0].fix.edits[0].replacement is found[1].fix.edits[0].replacement is found[2].fix.edits[0].replacement


def test_equal_positions_and_related_locations_of_findings_become_one_object():
    """``share_messages`` also makes equal positions (ints above 256 are objects of their
    own), related locations and their tuples one object each, with no value or type
    changed: the real findings of the sample corpus, each twice (as a corpus rule reports
    every copy of a name pointing at its first spelling), keep their JSON report text."""
    from dataclasses import replace

    from corpuslint.findings import Finding, Location, Severity, share_messages
    from corpuslint.outputs.json_format import diagnostic_text

    def fresh(f):  # the same values in objects of their own
        return replace(f, start=int(str(f.start)), end=int(str(f.end)), line=int(str(f.line)),
                       column=int(str(f.column)), related=tuple(
                           Location("".join(list(r.path)), int(str(r.line)), int(str(r.column)), r.record)
                           for r in f.related))

    real = engine.lint_paths([str(SAMPLES)])
    findings = [fresh(f) for f in real] + [fresh(f) for f in real]
    before = [diagnostic_text(f) for f in findings]
    share_messages(findings)
    assert [diagnostic_text(f) for f in findings] == before
    first, second = findings[: len(real)], findings[len(real) :]
    assert sum(1 for f in first if f.related) >= 5
    assert all(a.related is b.related and a.message is b.message for a, b in zip(first, second))
    assert all(a.related[0].line is b.related[0].line for a, b in zip(first, findings) if a.related and b.related
               and a.related[0].line == b.related[0].line)
    assert all(a.start is b.start for a in first for b in findings if a.start == b.start)
    odd = Finding("X100", "odd", "test", Severity.INFO, "m", "a.txt", np.int64(1000), 1000)
    plain = Finding("X100", "odd", "test", Severity.INFO, "m", "a.txt", 1000, True)
    share_messages([plain, odd])  # (a numpy integer or a bool is never swapped for an equal int)
    assert type(odd.start) is np.int64 and type(plain.end) is bool and type(odd.end) is int


def test_findings_are_shared_as_a_reduce_makes_them(monkeypatch):
    """``findings.sharing`` (open while a corpus rule reduces): ``Document.finding`` gives
    a new finding the message, line and column numbers and related tuple equal to one made
    before in the scope (S103's message of each copy of a name, at each copy), so the
    duplicate is freed at once; the values are unchanged, and outside a scope nothing is
    shared. The engine opens the scope around a corpus rule's reduce: S103 on the samples."""
    from types import SimpleNamespace

    from corpuslint import findings as F_
    from corpuslint.findings import Location, Severity
    from corpuslint.outputs.json_format import diagnostic_text

    rule = SimpleNamespace(code="S103", name="transliteration", family="spelling", severity=Severity.WARNING)
    doc = Document("a.txt", "".join(f"line {i} شويغو\n" for i in range(400)))
    start = doc.text.index("line 350")

    def make():  # equal values in objects of their own
        message = "".join(list("'شويغو' is spelled 'شويجو' in this document"))
        return doc.finding(rule, start, start + 4, message, related=[Location("".join(list("b.txt")), 300, 1)])

    loose = [make(), make()]
    with F_.sharing():
        held = [make(), make()]
    assert [diagnostic_text(f) for f in held] == [diagnostic_text(f) for f in loose]
    a, b = held
    assert a.message is b.message and a.line is b.line and a.end_line is b.end_line and a.related is b.related
    a, b = loose
    assert a.message is not b.message and a.line is not b.line and a.related is not b.related
    seen = []
    rule_class = engine.build_registry([str(SAMPLES)])[1].rules["S103"]
    reduce = rule_class.reduce

    def spy(self, corpus):
        seen.append(F_._SHARING is not None)
        return reduce(self, corpus)

    monkeypatch.setattr(rule_class, "reduce", spy)
    assert any(f.code == "S103" for f in lint_paths([str(SAMPLES)]))
    assert seen == [True] and F_._SHARING is None


def test_slip_tables_go_when_s101_has_reduced_and_the_report_is_the_same(tmp_path, monkeypatch, capsys):
    """With S101 the only rule asking for slip evidence, the tables only the evidence
    derives (deletion index, spellings by key) are gone from the merged corpus when S103
    reduces, and so is the morphology (qalsadi's analyser, the per-word memos); after the
    run the key/form memos are empty too. The report is byte for byte the one of a run
    that keeps them all."""
    from corpuslint import cli
    from corpuslint.families.spelling import analysis, backends
    from corpuslint.families.spelling import base as spelling_base

    import gc

    gc.collect()  # (the rules of earlier tests' runs, held in reference cycles, would count as evidence askers)
    word, slip = _seed_copies_and_a_slip(tmp_path)
    monkeypatch.chdir(tmp_path)
    held: dict[str, list] = {}
    real = engine.Linter._reduce_one

    def recorded(self, rule, view):
        if rule.code == "S103":  # the merged corpus S101 left
            merged = analysis._MERGED[1]
            held["S103"] = [(lc._index is not None, lc._bare is not None) for lc in merged.langs.values()]
            ar = backends.get_backend("ar")
            held["morphology"] = [ar._analex is not None, bool(ar._morph), bool(ar._part)]
        return real(self, rule, view)

    monkeypatch.setattr(engine.Linter, "_reduce_one", recorded)
    args = ["check", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "."]
    assert cli.main(args) == 0
    dropped = capsys.readouterr().out
    assert held["S103"] and not any(a or b for a, b in held["S103"])
    assert held["morphology"] == [False, False, False]
    assert backends.ArabicBackend.key.cache_info().currsize == backends.ArabicBackend.form.cache_info().currsize == 0
    monkeypatch.setattr(spelling_base, "forget_slip_tables", lambda merged: None)
    monkeypatch.setattr(backends.ArabicBackend, "release_morphology", lambda self: None)
    assert cli.main(args) == 0
    kept = capsys.readouterr().out
    assert any(a or b for a, b in held["S103"])  # (S101 built them: they were there to drop)
    assert held["morphology"] == [True, True, True]
    assert kept == dropped
    assert any(slip in d["message"] for d in json.loads(dropped)["diagnostics"] if d["code"] == "S101")


def _mapped_rss_kb(a) -> int:
    """Resident kB of the mapping holding ``a``'s first byte (/proc/self/smaps)."""
    addr = a.ctypes.data
    with open("/proc/self/smaps", encoding="ascii") as fh:
        inside = False
        for line in fh:
            head = line.split()[0]
            if "-" in head and not head.endswith(":"):
                lo, hi = (int(x, 16) for x in head.split("-"))
                inside = lo <= addr < hi
            elif inside and head == "Rss:":
                return int(line.split()[1])
    raise AssertionError("no mapping holds the array")


def test_a_mapped_column_gives_its_pages_back_and_keeps_its_values():
    """``release_pages`` on a state read back from a spill's column: the pages the read
    made resident leave the process (the mapping's Rss falls to a page or two) and the
    values read again are the same; on an array in memory it changes nothing."""
    from corpuslint.arrays import release_pages

    values = np.arange(3 << 18, dtype=np.uint64)  # 6 MB
    spill = StateSpill()
    try:
        ref = spill.put({"x": values}, "G")
        (got,) = spill.get_many([ref])
        x = got["x"]
        assert not x.flags.writeable and np.array_equal(x, values)  # (every page read)
        assert _mapped_rss_kb(x) >= values.nbytes // 1024
        release_pages(x[: len(values) // 2])
        assert _mapped_rss_kb(x) <= values.nbytes // 2048 + 8
        release_pages(x)
        assert _mapped_rss_kb(x) <= 8
        assert np.array_equal(x, values)  # read again from the file
        spill.close()  # (the mapping outlives the spill's files)
        assert np.array_equal(x[::1000], values[::1000])
    finally:
        spill.close()
    own = values.copy()
    release_pages(own)
    assert np.array_equal(own, values)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 5), max_size=8), st.sampled_from(["<u4", "<i8"]), st.integers(1, 3),
       st.permutations(range(8)))
def test_adjacent_is_the_concatenation_or_none(lengths, dtype, width, perm):
    """``adjacent``: parts cut one after another from one buffer (in order) give a view
    equal to ``np.concatenate``; in another order, or from separate arrays, None."""
    from corpuslint.arrays import adjacent

    whole = np.arange(sum(lengths) * width, dtype=dtype).reshape(-1, width)
    bounds = np.concatenate(([0], np.cumsum(lengths)))
    parts = [whole[a:b] for a, b in pairwise(bounds)]
    got = adjacent(parts)
    if not any(lengths):
        assert got is None
    else:
        assert got is not None and np.shares_memory(got, whole)
        assert got.dtype == whole.dtype and np.array_equal(got, np.concatenate(parts))
    full = [p for p in parts if len(p)]
    order = [full[i] for i in perm if i < len(full)]
    if any(a is not b for a, b in zip(order, full)):
        assert adjacent(order) is None  # out of order
    if len(full) > 1:
        assert adjacent([p.copy() for p in full]) is None  # separate arrays


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 300), st.integers(1, 6), st.data())
def test_band_columns_read_by_blocks_are_the_columns(n, b, data):
    """``lsh._band`` (blocks of rows, pages given back) is ``keys[:, k]`` / ``keys[rows, k]``,
    for a table in memory and one read back from a spill's column."""
    from corpuslint.families.duplicate import lsh

    rng = np.random.default_rng(n * 7 + b)
    keys = rng.integers(0, 2**63, size=(n, b), dtype=np.uint64)
    rows = np.array(sorted(data.draw(st.sets(st.integers(0, max(n - 1, 0)), max_size=n))) if n else [],
                    dtype=np.int64)
    spill = StateSpill()
    try:
        (mapped,) = spill.get_many([spill.put({"bands": keys}, "G")])
        old = lsh._BLOCK_ROWS
        lsh._BLOCK_ROWS = 7  # (many blocks)
        try:
            for table in (keys, mapped["bands"]):
                for k in range(b):
                    assert np.array_equal(lsh._band(table, k, None), keys[:, k])
                    assert np.array_equal(lsh._band(table, k, rows), keys[rows, k])
        finally:
            lsh._BLOCK_ROWS = old
    finally:
        spill.close()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.integers(0, 2**64 - 1) | st.integers(0, 30), max_size=20), max_size=8),
       st.integers(0, 5), st.sampled_from([1, 3, 1 << 20]), st.booleans(), st.sampled_from([1, 2, 4096]),
       st.booleans(), st.booleans())
def test_frequent_is_the_counted_frames_at_or_above_need(per_doc, need, block, mapped, run, one_by_one, shuffled):
    """``arrays.frequent`` (a range of values at a time, parts in memory or read back
    from a spill's column, joined ``FREQUENT_RUN`` at a time into a view or a copy, given
    as a list or one at a time, each sorted or not) gives what ``count_frames`` +
    ``add_counts`` give (D104's slot templates before), and empties the list it is given."""
    from corpuslint import arrays

    parts = [np.unique(np.array(p, dtype=np.uint64)) for p in per_doc]
    want = F.add_counts([F.count_frames(list(parts))], need)
    if shuffled:  # (a part's values once each, in any order)
        parts = [p[::-1].copy() for p in parts]
    spill = StateSpill()
    old = arrays.FREQUENT_BLOCK, arrays.FREQUENT_RUN
    try:
        if mapped:
            refs = [spill.put({"frames": p}, "G") for p in parts]
            given_parts = [s["frames"] for s in spill.get_many(refs)]
        else:
            given_parts = list(parts)
        arrays.FREQUENT_BLOCK, arrays.FREQUENT_RUN = block, run
        got = arrays.frequent((p for p in given_parts) if one_by_one else given_parts, need)
    finally:
        arrays.FREQUENT_BLOCK, arrays.FREQUENT_RUN = old
        spill.close()
    assert one_by_one or given_parts == []
    assert got.dtype == np.uint64 and np.array_equal(got, want)


_TRIM_SCRIPT = """
import numpy as np
from corpuslint.arrays import trim_heap
def rss_kb():
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
big = np.ones(1 << 21)  # 16 MB, mapped, then freed: later arrays below 16 MB come from the heap
del big
base = rss_kb()
pairs = [(np.ones(1 << 17), np.ones(1 << 10)) for _ in range(60)]  # 1 MB each, 8 kB kept between them
pins = [b for _, b in pairs]
del pairs
print(trim_heap(), rss_kb() - base, len(pins))
"""


def test_trim_heap_gives_free_heap_memory_back():
    """What a reduce leaves: a large array freed (glibc's mmap threshold grows to its
    size), then arrays below that size taken from the heap between small ones that stay
    and freed: RSS stays up (~60 MB here) until ``trim_heap`` gives the free part back,
    so after it RSS is back near where it was before those arrays (in a fresh
    interpreter: the heap of this one depends on the tests run before)."""
    import subprocess
    import sys

    from corpuslint.arrays import trim_heap

    if not sys.platform.startswith("linux"):
        assert trim_heap() in (True, False)
        return
    out = subprocess.run([sys.executable, "-c", _TRIM_SCRIPT], capture_output=True, text=True, check=True).stdout
    trimmed, kept_kb, pins = out.split()
    assert trimmed == "True" and int(pins) == 60
    assert int(kept_kb) < 16_000  # of the 60 MB taken and freed (without the trim: ~60 MB kept)


_MMAP_SCRIPT = """
import sys
import numpy as np
from corpuslint.arrays import fix_mmap_threshold
def rss_kb():
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
big = np.ones(1 << 21)  # 16 MB, mapped, then freed: glibc's threshold grows to 16 MB
del big
fixed = fix_mmap_threshold() if sys.argv[1] == "fixed" else None
base = rss_kb()
pairs = [(np.ones(1 << 17), np.ones(1 << 10)) for _ in range(60)]  # 1 MB each, 8 kB kept between them
pins = [b for _, b in pairs]
del pairs
print(fixed, rss_kb() - base, len(pins))
"""


def test_fixed_mmap_threshold_frees_each_large_array_as_it_goes():
    """The reduces' temporaries (``engine._mapped`` fixes the threshold): after a large
    array is freed, 1 MB arrays freed between small ones that stay are still each given
    back when freed (mapped), with no ``trim_heap``; without the fixed threshold they
    came from the heap and ~60 MB stayed (the same script, not fixed: the test fails
    both ways)."""
    import os
    import subprocess
    import sys

    from corpuslint.arrays import fix_mmap_threshold

    if not sys.platform.startswith("linux"):
        assert fix_mmap_threshold() in (True, False)
        return
    # glibc's own settings stay out of the child: any MALLOC_*_ variable (dask.distributed's
    # nanny puts MALLOC_TRIM_THRESHOLD_ in os.environ once a test has started a cluster)
    # turns the dynamic threshold off, and the control would then look fixed too
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_") and k != "GLIBC_TUNABLES"}
    got = {}
    for mode in ("fixed", "dynamic"):
        out = subprocess.run([sys.executable, "-c", _MMAP_SCRIPT, mode], capture_output=True, text=True,
                             check=True, env=env).stdout
        fixed, kept_kb, pins = out.split()
        assert int(pins) == 60
        got[mode] = (fixed, int(kept_kb))
    assert got["fixed"][0] == "True" and got["fixed"][1] < 16_000
    assert got["dynamic"][1] > 40_000  # (glibc's dynamic threshold: the heap kept them)


def test_the_map_marks_the_states_several_rules_share(tmp_path, monkeypatch):
    """Only a state several rules hold (the spelling rules' one per document) is counted
    for release by ``_Unspill``; the one state per document of D107 or D104 is not."""
    for i, text in enumerate(["The cat sat on the mat.", "A dog ran in the park.", "The cat sat on the mat."]):
        (tmp_path / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    seen = []

    class Spy(engine._Unspill):
        def __init__(self, spill, states, rules):
            super().__init__(spill, states, rules)
            seen.append(({code: [v.shared for v in own.values() if isinstance(v, Spilled)]
                          for code, own in states.items()}, dict(self.left)))

    monkeypatch.setattr(engine, "_Unspill", Spy)
    cfg, reg = engine.build_registry([str(tmp_path)])
    cfg.select, cfg.use_cache, cfg.jobs = ["S101", "S103", "D104"], False, 1
    result = engine.run([str(tmp_path)], cfg, reg)
    assert result is not None and seen
    shared, left = seen[0]
    assert shared["S101"] and all(shared["S101"]) and all(shared["S103"])  # one state, two rules
    assert shared["D104"] and not any(shared["D104"])
    assert left == {}  # (the spelling rules read theirs lazily, ``SpilledStates``; D104's are not counted)


_RECORD_FIELDS = ("path", "text", "file", "number", "record", "language", "text_format", "turn", "role",
                  "previous_turn", "chat_message", "field", "suffix", "content_hash", "kinds", "message", "source",
                  "others")


def test_held_records_come_back_as_their_bare_copies(tmp_path):
    """A record held by the store (a data file read here) is kept as its text,
    number and name (not its content hash, made again from them), its other fields in a tuple shared by the records alike; ``get``
    gives the document its bare copy (``with_text``) was, field for field. Real records:
    ChatterBot turns with roles (each turn's previous turn its own) and Qur'an verses
    with ids; one chat turn is given a language of its own."""
    from corpuslint import readers
    from corpuslint.store import DocumentStore

    data = Path(__file__).parent / "data" / "realtext"
    chat = (data / "chatterbot-repeated-turns.jsonl").read_text(encoding="utf-8").splitlines()
    chat[2] = chat[2].replace('"role"', '"language": "fr", "role"')
    (tmp_path / "chat.jsonl").write_text("\n".join(chat) + "\n", encoding="utf-8")
    (tmp_path / "verses.jsonl").write_bytes((data / "quran-short-verses-fr-tr-en.jsonl").read_bytes())
    # Firefox's messages: each record a software message with its other columns' digest (fresh34:
    # held without them, the re-lint after --fix read them as prose)
    (tmp_path / "ui.jsonl").write_bytes((data / "firefox-ui-strings.jsonl").read_bytes())
    cfg, reg = engine.build_registry([str(tmp_path)])
    docs = []
    for name in ("chat.jsonl", "verses.jsonl", "ui.jsonl"):
        source = files.Source(str(tmp_path / name), name)
        for _, _, loaded in readers.iter_sources([source], reg.readers, cfg):
            docs += [d for d in loaded if isinstance(d, Document)]
    assert len(docs) > 10 and any(d.role for d in docs) and any(d.role is None for d in docs)
    assert sum(d.message for d in docs) == 12 and all(d.others is not None for d in docs if d.message)
    store = DocumentStore()
    bare = {}
    for doc in docs:
        _ = doc.suffix, doc.content_hash, doc.lines  # (what the map step computed on it)
        bare[doc.path] = doc.with_text(doc.text)
        store.hold(doc)
    assert not store._held and len(store) == len(docs) == store.records()
    assert len(store._shapes) < len({d.file for d in docs}) + 3  # the verses share one shape
    for key, want in bare.items():
        got = store[key]
        assert type(got) is type(want) and "lines" not in got.__dict__
        for name in _RECORD_FIELDS:
            assert getattr(got, name) == getattr(want, name), (key, name)
        assert store.record_of(key) == (want.file, want.record)
        assert store.content_hash(key) == want.content_hash
        assert want.content_hash not in store._recs[key]  # (made again from the fields: not held, ~80 bytes a record)
    assert list(store) == list(bare)


def test_collected_states_by_rule_order():
    """``Collected`` keeps a document's states as a tuple in the order of a shared
    {code: index}; a code it has no state for is a KeyError, as in a dict."""
    where = {"D104": 0, "D107": 1}
    c = engine.Collected("d.jsonl#1", None, "h", 3, (None, (1, 2, 3, 0, 5)), None, None, where)
    assert c.state("D107") == (1, 2, 3, 0, 5) and c.state("D104") is None
    try:
        c.state("S101")
    except KeyError:
        pass
    else:
        raise AssertionError("no KeyError")


def test_a_rule_with_own_and_shared_states_gets_each_back_in_order():
    """``_Unspill.states`` reads a rule's own states in the order of its mapping and the
    shared ones by offset: interleaved, each key gets its own state."""
    spill = StateSpill()
    try:
        own = [spill.put((k, 2**63 + k, k, 0, 5), "D107") for k in range(4)]
        shared = spill.put({"a": np.arange(3)})
        shared = shared.as_shared()

        class Rule:
            def __init__(self, code):
                self.code = code

        states = {"X": {"k0": own[0], "s": shared, "k1": own[1], "none": None, "k2": own[2], "k3": own[3]},
                  "Y": {"s": shared}}
        unspill = engine._Unspill(spill, states, [Rule("X"), Rule("Y")])
        got = unspill.states(states["X"])
        assert list(got) == list(states["X"]) and got["none"] is None
        assert [got[f"k{k}"] for k in range(4)] == [(k, 2**63 + k, k, 0, 5) for k in range(4)]
        assert np.array_equal(got["s"]["a"], np.arange(3)) and unspill.decoded
        assert unspill.states(states["Y"])["s"] is got["s"] and not unspill.decoded
    finally:
        spill.close()


def test_key_once_and_form_once_equal_key_and_form_and_fill_no_memo():
    """The merged corpus keys every word of the corpus once and S103 forms them once
    (``Backend.key_once``/``form_once``): the same strings as ``key``/``form``, without
    filling their lru caches or ``normalize.light_stem``'s (which held every word of a
    100 MB corpus through S101). Words of the Arabic news samples (articles, clitics,
    hamza seats, marks) and of the Persian and Urdu back-ends' own test words."""
    from corpuslint.families.spelling import backends
    from corpuslint.text import normalize

    arabic = sorted({w for p in SAMPLES.glob("*.txt")
                     for w in re.findall(r"[\u0621-\u065f\u0670-\u06d3]+", p.read_text(encoding="utf-8"))})[:4000]
    assert len(arabic) >= 1000
    persian = ["می‌خواهم", "کتاب‌ها", "دوستتان", "خانه‌ای", "ندهند", "آمال", "سیناء"]
    urdu = ["کھلاتا", "آنکھوں", "ہوسکا", "کرلو"]
    for lang, words in (("ar", arabic), ("fa", persian), ("ur", urdu)):
        try:
            backend = backends.get_backend(lang)
        except backends.BackendUnavailable:  # pragma: no cover - every extra is installed here
            continue
        cleans = [backend.clean(w) for w in words]
        backends.forget_key_memos()
        once = [(backend.key_once(c), backend.form_once(c)) for c in cleans]
        assert type(backend).key.cache_info().currsize == 0 and normalize.light_stem.cache_info().currsize == 0
        if hasattr(type(backend).form, "cache_info"):
            assert type(backend).form.cache_info().currsize == 0
        assert once == [(backend.key(c), backend.form(c)) for c in cleans], lang
    backends.forget_key_memos()


def test_dictionary_goes_after_s101_and_bounded_key_memos_give_the_same_report(tmp_path, monkeypatch, capsys):
    """With S101 the only evidence asker, the hunspell dictionary is dropped once it has
    reduced (no later reduce asks it; ~32 MB of C heap for Arabic), and the key/form
    memos are emptied between targets past ``REDUCE_MEMO_WORDS`` entries. A run that
    empties them after every target and drops the dictionary gives, byte for byte, the
    report of a run that keeps both; a dropped dictionary is read again by ``spell``,
    with the same verdicts."""
    from corpuslint import cli
    from corpuslint.families.spelling import backends
    from corpuslint.families.spelling import base as spelling_base

    import gc

    gc.collect()  # (the rules of earlier tests' runs, held in reference cycles, would count as evidence askers)
    word, slip = _seed_copies_and_a_slip(tmp_path)
    monkeypatch.chdir(tmp_path)
    held: dict[str, bool] = {}
    cleared: list[int] = []
    real_reduce, real_forget = engine.Linter._reduce_one, spelling_base.forget_key_memos

    def recorded(self, rule, view):
        if rule.code == "S103":
            held["dictionary"] = backends.get_backend("ar")._hs is not None
        return real_reduce(self, rule, view)

    def forget():
        cleared.append(1)
        real_forget()

    monkeypatch.setattr(engine.Linter, "_reduce_one", recorded)
    monkeypatch.setattr(spelling_base, "forget_key_memos", forget)
    monkeypatch.setattr(spelling_base, "REDUCE_MEMO_WORDS", 0)
    args = ["check", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "."]
    assert cli.main(args) == 0
    dropped = capsys.readouterr().out
    assert held["dictionary"] is False
    assert len(cleared) > 2  # (between targets, whenever a target left an entry in them)
    monkeypatch.setattr(spelling_base, "REDUCE_MEMO_WORDS", 10**9)
    monkeypatch.setattr(spelling_base, "forget_dictionaries", lambda: None)
    assert cli.main(args) == 0
    kept = capsys.readouterr().out
    assert held["dictionary"] is True
    assert kept == dropped
    assert any(slip in d["message"] for d in json.loads(dropped)["diagnostics"] if d["code"] == "S101")
    ar = backends.get_backend("ar")
    probe = [word, slip, "الكتاب", "كتابب", word[1:], "و" + word]
    before = [ar.spell(w) for w in probe]
    ar.release_dictionary()
    assert ar._hs is None
    assert [ar.spell(w) for w in probe] == before and ar._hs is not None


def test_s103_asks_the_dictionary_before_s101_drops_it(tmp_path, monkeypatch):
    """S103 asks the dictionary about the alef-folded spelling of a rejected word in a
    variant group (LibreOffice's كإسم, "as a name": كاسم, no word of this corpus), which
    S101 dropped once it had reduced: lead read it again there (~33 MB of C heap held to
    the end of the run, the peak of a 100 MB run). The verdicts are asked before the drop
    (``SpellingCorpusRule.prefetch_verdicts``): S103 runs without the dictionary, leaves كإسم as before and
    still reports لاحة, a slip of لائحة; the report is the one of a run that keeps it."""
    from corpuslint.families.spelling import backends
    from corpuslint.families.spelling import base as spelling_base

    from tests.test_spell18_kinds import AS_A_NAME, DIVISORS, PROFILES, WORDS, _po

    import gc

    gc.collect()  # (the rules of earlier tests' runs, held in reference cycles, would count as askers)
    (tmp_path / "sc.po").write_text(_po(DIVISORS), encoding="utf-8")
    (tmp_path / "cui.po").write_text(_po(AS_A_NAME), encoding="utf-8")
    (tmp_path / "gtk30.po").write_text(_po(PROFILES), encoding="utf-8")
    (tmp_path / "ui.po").write_text(_po(WORDS), encoding="utf-8")
    held: list[bool] = []
    real_reduce = engine.Linter._reduce_one

    def recorded(self, rule, view):
        out = real_reduce(self, rule, view)
        if rule.code == "S103":
            held.append(backends.get_backend("ar")._hs is not None)  # (at its end: read again there?)
        return out

    monkeypatch.setattr(engine.Linter, "_reduce_one", recorded)

    def run() -> list[tuple[str, str]]:
        found = lint_paths([str(tmp_path)], config={"select": ["S101", "S103"], "cache": False, "jobs": 1})
        return sorted((f.path.rsplit("/", 1)[-1], f.message) for f in found if f.code == "S103")

    dropped = run()
    assert held == [False]
    assert [m.split("'")[1:4:2] for _, m in dropped] == [["لاحة", "لائحة"], ["لاحة", "لائحة"]]
    monkeypatch.setattr(spelling_base, "forget_dictionaries", lambda: None)
    assert run() == dropped and held == [False, True]


def test_column_states_are_small_mappings_that_make_their_views_when_asked():
    """``get_many`` gives each state stored by columns as a ``ColumnState``: equal to the
    dict ``collect`` gave (values, dtypes, shapes, field order), a field set or deleted
    changes that mapping only, and a state costs a few hundred bytes, not a dict of one
    numpy view per field made at once (D104's 13 fields: ~6 KB a state, +255 MB at its
    reduce for the 65 k records of fresh19's data set)."""
    import tracemalloc

    from corpuslint.store import ColumnState

    rng = np.random.default_rng(20)
    names = [f"f{j}" for j in range(13)]
    states = [{n: rng.integers(0, 1000, size=rng.integers(0, 4)).astype("<u4") for n in names} for _ in range(2000)]
    spill = StateSpill()
    try:
        refs = [spill.put(s, "G") for s in states]
        spill.get_many(refs[:1])  # (warm: the dtype table, imports)
        tracemalloc.start()
        got = spill.get_many(refs)
        held = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        assert held / len(refs) < 1000, held / len(refs)
        for state, back in zip(states, got):
            assert type(back) is ColumnState and list(back) == names and len(back) == 13
            assert all(back[n].dtype == a.dtype and np.array_equal(back[n], a) for n, a in state.items())
        one = got[0]
        one["f0"] = np.arange(2)
        del one["f1"]
        one["extra"] = np.zeros(1)
        assert np.array_equal(one["f0"], np.arange(2)) and "f1" not in one and list(one)[-1] == "extra"
        assert np.array_equal(got[1]["f0"], states[1]["f0"])  # (the other states unchanged)
        with pytest.raises(KeyError):
            one["f1"]
    finally:
        spill.close()


def test_s101_loads_qalsadi_without_its_unused_cache_imports_and_the_report_is_the_same(tmp_path):
    """Memory (issue 14, target 1): S101's reduce, the peak of a 100 MB run, loads qalsadi
    on top of the merged corpus and the Arabic dictionary. ``qalsadi.analex`` imports
    pickledb for an on-disk cache an ``Analex()`` without a cache path never opens, and
    pickledb imports asyncio, aiofiles and orjson (~9 MB of modules, asyncio never
    unloaded): those imports are deferred (``backends.UNUSED_BY_ANALEX``) to a first read
    that never comes. In a fresh interpreter, a run whose S101 asks the morphology and
    reports the planted slip ends without asyncio or pickledb imported; its report is byte
    for byte the one of a run that imports them, and a later ``import pickledb`` gets
    the real module."""
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _word, slip = _seed_copies_and_a_slip(corpus)
    script = r"""
import json, sys
from corpuslint import cli
from corpuslint.families.spelling import backends
asked = []
real = backends._analyzer
def recorded():
    analex = real()
    asked.append(analex is not False)
    return analex
backends._analyzer = recorded
if sys.argv[1] == "eager":
    import pickledb  # (what int20 imported with qalsadi)
code = cli.main(["check", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "-o", sys.argv[2], "."])
print(json.dumps({"code": code, "asked": asked, "asyncio": "asyncio" in sys.modules,
                  "pickledb": "pickledb" in sys.modules}))
import pickledb
print(json.dumps({"real": hasattr(pickledb, "PickleDB")}))
"""
    env = dict(__import__("os").environ)
    env["PYTHONPATH"] = str(ROOT) + ":" + str(ROOT / "plugins" / "corpuslint-quality")
    runs = {}
    for mode in ("deferred", "eager"):
        out = subprocess.run([sys.executable, "-c", script, mode, str(tmp_path / f"{mode}.json")], cwd=corpus,
                             env=env, capture_output=True, text=True, check=True).stdout.splitlines()
        runs[mode] = (json.loads(out[-2]), json.loads(out[-1]))
    deferred, eager = runs["deferred"], runs["eager"]
    # (qalsadi made once for S101's evidence, and once more when S103 words a hamza-only pair
    # of a word with a root, fixq42's message: S101's reduce has let the first one go)
    assert deferred[0]["asked"] and all(deferred[0]["asked"]) and deferred[0]["asked"] == eager[0]["asked"]
    assert {k: deferred[0][k] for k in ("code", "asyncio", "pickledb")} == {"code": 0, "asyncio": False, "pickledb": False}
    assert eager[0]["asyncio"]  # (the reference run did import them)
    assert deferred[1] == eager[1] == {"real": True}
    report = (tmp_path / "deferred.json").read_bytes()
    assert report == (tmp_path / "eager.json").read_bytes()
    assert any(slip in d["message"] for d in json.loads(report)["diagnostics"] if d["code"] == "S101")


def test_s101_asks_qalsadi_only_once_the_dictionary_is_gone_and_the_report_is_the_same(tmp_path, monkeypatch,
                                                                                         capsys):
    """S101's evidence asked hunspell between qalsadi's questions, target by target, so
    the Arabic dictionary (~33 MB) and qalsadi (~26 MB) were both in memory at the peak
    of a 100 MB run (issue 14). Its reduce now asks them in turns
    (``SpellingCorpusRule.in_turns``): every dictionary verdict first, a morphology
    question not memoised guessed and the evidence past it waiting (``Pending``), then,
    the dictionary gone, qalsadi. No qalsadi question is asked while the dictionary is
    read, and the report (S101's "الحققت", the article on a verb, and the planted slip
    among them) is byte for byte the one of a single pass asking both as it goes."""
    from corpuslint import cli
    from corpuslint.families.spelling import backends
    from corpuslint.families.spelling import base as spelling_base

    import gc

    gc.collect()  # (the rules of earlier tests' runs, held in reference cycles, would count as evidence askers)
    word, slip = _seed_copies_and_a_slip(tmp_path)
    monkeypatch.chdir(tmp_path)
    asked: list[bool] = []  # the dictionary in memory at each question put to qalsadi?
    real_count = backends.ArabicBackend._count_word

    def counted(self, analyse, *args):
        asked.append(self._hs is not None)
        return real_count(self, analyse, *args)

    monkeypatch.setattr(backends.ArabicBackend, "_count_word", counted)
    args = ["check", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "."]
    assert cli.main(args) == 0
    in_turns = capsys.readouterr().out
    assert asked and not any(asked)

    def one_pass(self, corpus, findings_of):  # (lead's reduce: both asked as the evidence goes)
        for item in self.targets(corpus):
            yield from findings_of(item, None)

    monkeypatch.setattr(spelling_base.SpellingCorpusRule, "in_turns", one_pass)
    asked.clear()
    assert cli.main(args) == 0
    assert capsys.readouterr().out == in_turns
    assert any(asked)  # (there, qalsadi was asked beside the dictionary)
    messages = [d["message"] for d in json.loads(in_turns)["diagnostics"] if d["code"] == "S101"]
    assert any(slip in m for m in messages)
    assert any("'الحققت'" in m and "only a verb form" in m for m in messages)


def test_s101_keeps_a_targets_waiting_evidence_in_one_compact_record_and_the_report_is_the_same(tmp_path, monkeypatch,
                                                                                                 capsys):
    """In S101's dictionary turn (``SpellingCorpusRule.in_turns``) every occurrence whose
    evidence waits for the morphology held a callable, its occurrence tuple (with the
    target's own copies of the word and its neighbours) and its evidence's closures,
    and a waiting context evidence copied the document's whole candidate tables: 17.6 MB
    for 11,966 occurrences at the peak of a 100 MB run (issue 14). Now a target's
    waiting occurrences are one ``slip.Waiting``: places in int arrays, the merged
    corpus's own string of each word, and the evidence, none for a word whose only
    evidence is its morphology (``ExplanationPending``); a waiting ``_suggest`` keeps the
    candidates sharing a vkey with a scored one (``_suggest_needs``). The report is byte
    for byte the one of a single pass that asks the dictionary and qalsadi as it goes."""
    from corpuslint import cli
    from corpuslint.families.spelling import base as spelling_base
    from corpuslint.families.spelling import slip as spelling_slip

    import gc

    gc.collect()  # (the rules of earlier tests' runs, held in reference cycles, would count as evidence askers)
    _seed_copies_and_a_slip(tmp_path)
    monkeypatch.chdir(tmp_path)
    appended: list[list] = []  # what each target added to the waiting evidence
    real_in_turns = spelling_base.SpellingCorpusRule.in_turns

    def in_turns(self, corpus, findings_of):
        def recorded(item, later):
            n = len(later) if later is not None else 0
            yield from findings_of(item, later)
            if later is not None:
                appended.append(later[n:])
        yield from real_in_turns(self, corpus, recorded)

    monkeypatch.setattr(spelling_base.SpellingCorpusRule, "in_turns", in_turns)
    args = ["check", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "."]
    assert cli.main(args) == 0
    in_turns_report = capsys.readouterr().out
    waiting = [w for added in appended for w in added]
    assert waiting  # (the seed's article words wait for qalsadi)
    assert all(len(added) <= 1 for added in appended)  # one record a target
    records = [w.__self__ for w in waiting]
    assert all(isinstance(r, spelling_slip.Waiting) for r in records)
    for r in records:
        assert r.starts.dtype == r.ends.dtype == np.int64 and len(r.starts) == len(r.cleans) == len(r.evs)
        for clean, lc in zip(r.cleans, r.lcs):
            assert clean is lc.words[lc.word_id[clean]]  # the corpus's string, not the target's copy
    evs = [ev for r in records for ev in r.evs]
    assert None in evs  # a frequent rejected word: its morphology alone, no evidence object kept
    suggested = [ev.resolve.args for ev in evs if ev is not None and ev.resolve.func is spelling_base._suggest]
    assert suggested  # (the planted slip: context evidence waiting for the part of speech)
    for lc, *_, scored, cands, _spelled, _repairs, _flaggable, _counts in suggested:
        vkey = lc.backend.vkey
        assert {vkey(k) for k in cands} == {vkey(k) for _, k, _ in scored}

    def one_pass(self, corpus, findings_of):  # (both asked as the evidence goes: nothing waits)
        for item in self.targets(corpus):
            yield from findings_of(item, None)

    monkeypatch.setattr(spelling_base.SpellingCorpusRule, "in_turns", one_pass)
    assert cli.main(args) == 0
    assert capsys.readouterr().out == in_turns_report


def test_spelling_reduces_read_the_merged_corpus_strings_not_copies(tmp_path, monkeypatch, capsys):
    """What S101's and S103's reduces memoise or tabulate per word held a copy of the
    word per target (``LangState.vocab`` split again from each target's state:
    ``pattern_slip``'s 34 k verdicts in S101's dictionary turn at 100 MB of text) or a
    new string per corpus word (S103's vkey and form names, ~3.7 and ~5.8 MB held from
    its verdicts' prefetch through S101's peak). A target's vocabulary is now the merged
    corpus's own strings (``base.share_vocab``), and a vkey or form equal to the word's
    key is the key's string. Equal strings in the same order: the same answers."""
    from corpuslint.families.spelling import base as spelling_base
    from corpuslint.families.spelling import transliteration as T
    from corpuslint.families.spelling.analysis import analyse, merge

    import gc

    gc.collect()
    _seed_copies_and_a_slip(tmp_path)
    monkeypatch.chdir(tmp_path)
    seen: list[tuple] = []
    real = spelling_base.SpellingCorpusRule.target_rejections

    def target_rejections(self, item, **kwargs):
        for found in real(self, item, **kwargs):
            seen.append((found[2], found[4][2]))  # (merged language, the occurrence's word)
            yield found

    monkeypatch.setattr(spelling_base.SpellingCorpusRule, "target_rejections", target_rejections)
    from corpuslint import cli

    assert cli.main(["check", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "."]) == 0
    assert '"S101"' in capsys.readouterr().out and seen
    assert all(clean is lc.words[lc.word_id[clean]] for lc, clean in seen)

    states = {p.name: analyse(files.load(files.Source(str(p), p.name)), ("ar",)) for p in sorted(tmp_path.glob("*.txt"))}
    lc = merge(states, ("ar",)).langs["ar"]
    names, _ids, of_word = T._word_forms(lc)
    vkey_names, word_vkey, _eligible = T._word_tables(lc)
    first_form: set[int] = set()
    first_vkey: set[int] = set()
    shared = 0
    for w, (f, v) in enumerate(zip(of_word.tolist(), word_vkey.tolist())):
        key = lc.keys[int(lc.word_key[w])]
        if f not in first_form:  # (a form's name is its first word's)
            first_form.add(f)
            if names[f] == key:
                assert names[f] is key
                shared += 1
        if v not in first_vkey:
            first_vkey.add(v)
            if vkey_names[v] == key:
                assert vkey_names[v] is key
    assert shared


# -- rec40: a run's state references and held records by columns -------------------------

_CODES = ["D104", "D105", "D107", "S101"]
_absent = object()  # (a rule that gave no state for a document)


@st.composite
def _ref_rows(draw):
    """Rows (key, {code: value}) as the map gives them to ``MappedTable.add``: a key may
    come again (its values replaced); a value is a ``Spilled`` (any offset, length, group,
    shared), None, a value kept in memory, or absent."""
    keys = draw(st.lists(st.sampled_from([f"d.jsonl#{i}" for i in range(12)] + ["a.txt", "b#c"]),
                         min_size=1, max_size=30))
    value = st.one_of(
        st.none(),
        st.builds(Spilled, st.integers(0, (1 << 48) - 1), st.integers(0, (1 << 40) - 1),
                  st.sampled_from([None, "D104", "D105"]), st.booleans()),
        st.tuples(st.integers(), st.integers()),  # (a plugin's own state, kept as it is)
        st.just(_absent),
    )
    rows = []
    for key in keys:
        values = draw(st.lists(value, min_size=len(_CODES), max_size=len(_CODES)))
        rows.append((key, {c: v for c, v in zip(_CODES, values) if v is not _absent}))
    return rows


@settings(max_examples=200, deadline=None)
@given(_ref_rows(), st.data())
def test_state_references_by_columns_are_the_dicts_of_references(rows, data):
    """``RefColumns`` (one ``KeyIndex``, two words a reference) gives each rule the
    mapping a dict {key: value} filled row by row gave: the same keys in the same
    order, equal values (a ``Spilled`` with the same offset, length, group and
    shared mark), a KeyError where a rule gave none; ``StateRefs`` behaves as that dict
    when keys are skipped, set (kept in place, or added at the end) and deleted."""
    from corpuslint.store import RefColumns

    refs = RefColumns(_CODES)
    want: dict[str, dict] = {c: {} for c in _CODES}
    for key, states in rows:
        refs.put(key, states)
        for c in _CODES:
            want[c][key] = states.get(c, _absent)
    assert refs.index.keys == list(dict.fromkeys(k for k, _ in rows))
    for c in _CODES:
        for at, key in enumerate(refs.index.keys):
            if want[c][key] is _absent:
                with pytest.raises(KeyError):
                    refs.get(at, c)
            else:
                got = refs.get(at, c)
                assert got == want[c][key] and type(got) is type(want[c][key])
                if isinstance(got, Spilled):
                    assert (got.offset, got.length, got.group, got.shared) == (
                        want[c][key].offset, want[c][key].length, want[c][key].group, want[c][key].shared)
    partial = any(v is _absent for w in want.values() for v in w.values())
    assert refs.partial == partial
    if partial:
        assert refs.rule_states(_CODES[0]) is None
        return
    code = data.draw(st.sampled_from(_CODES))
    keys = refs.index.keys
    skipped = data.draw(st.sets(st.sampled_from(keys)))
    model = {k: v for k, v in want[code].items() if k not in skipped}
    mine = refs.rule_states(code, {keys.index(k) for k in skipped})
    for op, key, value in data.draw(st.lists(st.tuples(st.sampled_from(["set", "del"]),
                                                       st.sampled_from(keys + ["new#1", "new#2"]), st.integers()),
                                             max_size=8)):
        if op == "set":
            model[key] = mine[key] = value
        elif key in model:
            del model[key], mine[key]
        else:
            with pytest.raises(KeyError):
                del mine[key]
    assert list(mine) == list(model) and len(mine) == len(model)
    assert list(mine.items()) == list(model.items()) and list(mine.values()) == list(model.values())
    assert all((k in mine) == (k in model) for k in keys + ["new#1", "new#2"])
    assert all(mine[k] == v for k, v in model.items())


class _SameHash(str):
    """A key whose hash it shares with a third of the others (``KeyIndex`` compares keys of one hash)."""

    def __hash__(self) -> int:
        return len(self) % 3 - 1


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.text(max_size=4)), max_size=300), st.integers(1, 9))
def test_key_index_finds_each_key_as_a_dict_of_positions_does(adds, batch):
    """``KeyIndex`` (the recent keys in a dict, the others by bisection in a sorted array
    of their hashes) gives every key the position a dict {key: position} filled in the
    same order gives, None for a key never added, also for keys of one hash; pickled,
    the same (its hashes made again)."""
    import pickle

    from corpuslint import store

    saved, store.KEY_BATCH = store.KEY_BATCH, batch
    try:
        index, model = store.KeyIndex(), {}
        for same, text in adds:
            key = _SameHash(text) if same else "f#" + text
            new = key not in model
            assert index.add(key) == (model.setdefault(key, len(model)), new)
        assert index.keys == list(model)
        again = pickle.loads(pickle.dumps(index))
        for key in [*model, "f#absent", _SameHash("absent"), _SameHash("")]:
            assert index.position(key) == model.get(key) == again.position(key)
    finally:
        store.KEY_BATCH = saved


def test_state_references_take_sixteen_bytes_a_rule_and_one_index_entry_a_record():
    """The layout's bound: per record, one entry of the shared ``KeyIndex`` (16 bytes in
    its arrays, or a dict entry for the keys added last: at most 40 bytes) and two
    uint64 words a rule (``array`` over-allocates by at most 1/8); the references a
    dict per rule held were a dict entry and a ``Spilled`` int (56 bytes) a rule."""
    import sys

    from corpuslint.store import RefColumns

    n, codes = 20_000, ["D104", "D105", "D106", "D107", "S101", "S103"]
    refs = RefColumns(codes)
    for i in range(n):
        ref = Spilled(i * 100, 100, "D104")
        refs.put(f"pretrain-0000.jsonl#doc-{i}", {c: (ref if c != "D107" else None) for c in codes})
    for column in refs.columns:
        assert column.itemsize == 8 and len(column) == 2 * n
        assert sys.getsizeof(column) <= 16 * n * 9 / 8 + 100
    index = refs.index
    index_bytes = sys.getsizeof(index._recent) + sum(sys.getsizeof(at) for at in index._recent.values())
    assert index_bytes + index._hashes.nbytes + index._at.nbytes <= 40 * n  # (a dict of every key: ~70 a key)
    assert sys.getsizeof(index.keys) <= 8 * n * 9 / 8 + 100  # (pointers to the store's key strings)
    assert not refs.kept


@st.composite
def _held_rows(draw):
    """Records as ``DocumentStore._compact`` gives them: texts of any code points (lone
    surrogates too), names that are the key's tail, the number, or neither; shapes
    shared or with a previous turn of their own."""
    rows = []
    for i in range(draw(st.integers(1, 12))):
        file = draw(st.sampled_from(["a.jsonl", "b#c.jsonl"]))
        number = draw(st.integers(1, 5))
        kind = draw(st.sampled_from(["tail", "number", "int", "other"]))
        record = {"tail": f"id-{i}", "number": number, "int": 1000 + i, "other": f"x{i}"}[kind]
        key = f"{file}#{record}" if kind != "other" else f"{file}#{i}"
        text = draw(st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=20))
        previous = draw(st.one_of(st.none(), st.text(max_size=5)))
        message = draw(st.booleans())
        shape = (file, draw(st.sampled_from([None, "en", "ar"])), "text", None, None, previous, False, None, "",
                 None, message)
        own = draw(st.one_of(st.none(), st.tuples(st.one_of(st.none(), st.text(max_size=8)),
                                                  st.one_of(st.none(), st.text(max_size=8)))))
        rows.append((key, (text, number, record, shape, own)))
    return rows


@settings(max_examples=200, deadline=None)
@given(_held_rows())
def test_held_records_by_columns_are_the_dict_of_their_tuples(rows):
    """``HeldRecords`` gives back, key by key and in the dict's order, the tuple it was
    given (text, number, name, shape, own): a key held again keeps its place and its new
    fields; the shapes of records without a previous turn are one shared tuple."""
    from corpuslint.store import HeldRecords

    held, model = HeldRecords(), {}
    for key, rec in rows:
        held[key] = rec
        model[key] = rec
    assert list(held) == list(model) and len(held) == len(model)
    for key, rec in model.items():
        assert held[key] == rec and held.get(key) == rec and key in held
        assert type(held[key][2]) is type(rec[2])
        assert held.name_of(key) == (rec[3][0], rec[2]) and type(held.name_of(key)[1]) is type(rec[2])
    assert list(held.files_and_numbers()) == [(rec[3][0], rec[1]) for rec in model.values()]
    shared = [held[k][3] for k, rec in model.items() if rec[3][5] is None]
    assert all(any(s is t for t in held.shapes.values()) for s in shared)
    first = next(iter(model))
    assert held.pop(first) == model.pop(first) and first not in held and list(held) == list(model)
    assert held.name_of(first) is None


def test_held_records_take_their_utf8_text_and_a_few_bytes_each(tmp_path):
    """The layout's bound for real records (the Qur'an verses, ChatterBot turns of
    tests/data/realtext): the UTF-8 text in one buffer (or, past ``HELD_TEXT_BUFFER``
    bytes, the store's temporary file: test_s54_held_text), 21 bytes of columns a record
    (text end, number, shape number, name kind) and one dict entry with a position
    int (at most 100 bytes); no tuple, text, name or number object is held per record."""
    import sys

    from corpuslint import readers
    from corpuslint.store import DocumentStore

    data = Path(__file__).parent / "data" / "realtext"
    for name in ("chatterbot-repeated-turns.jsonl", "quran-short-verses-fr-tr-en.jsonl"):
        (tmp_path / name).write_bytes((data / name).read_bytes())
    cfg, reg = engine.build_registry([str(tmp_path)])
    docs = [d for name in ("chatterbot-repeated-turns.jsonl", "quran-short-verses-fr-tr-en.jsonl")
            for _, _, loaded in readers.iter_sources([files.Source(str(tmp_path / name), name)], reg.readers, cfg)
            for d in loaded if isinstance(d, Document)]
    store = DocumentStore()
    for doc in docs:
        store.hold(doc)
    held = store._recs
    n = len(docs)
    assert len(held) == n and not store._held
    assert held.text_bytes == sum(len(d.text.encode("utf-8", "surrogatepass")) for d in docs)
    columns = (held._ends, held._numbers, held._shape_of)
    assert sum(c.itemsize for c in columns) + 1 == 21 and all(len(c) == n for c in columns) and len(held._kind) == n
    assert sys.getsizeof(held._pos) + sum(sys.getsizeof(at) for at in held._pos.values()) <= 100 * n
    assert not held.other  # (every name is its key's tail or its number)
    assert len(held._shape_list) < n  # (the verses share their shape; a chat turn's previous turn is its own)


def test_no_cache_run_of_records_with_and_without_the_spill_is_the_same_report(tmp_path, monkeypatch, capsys):
    """Real records with copies (ChatterBot turns repeated, the Qur'an verses' files and a
    copy of one, the seed corpus as records): with the states spilled, their references
    reach the reduces as columns over one key index (``store.StateRefs``) and the report
    is byte for byte the in-memory one (a dict of states a rule)."""
    from corpuslint import store as store_module

    data = Path(__file__).parent / "data" / "realtext"
    for name in ("chatterbot-repeated-turns.jsonl", "quran-short-verses-fr-tr-en.jsonl", "quran-tr-short-verses.jsonl"):
        (tmp_path / name).write_bytes((data / name).read_bytes())
    (tmp_path / "copy.jsonl").write_bytes((data / "quran-tr-short-verses.jsonl").read_bytes())
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    rows = [json.dumps({"id": f"doc-{len(texts) - i:03d}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    (tmp_path / "news.jsonl").write_text("\n".join(rows + rows[:1]) + "\n", encoding="utf-8")
    (tmp_path / "note.txt").write_text(texts[0], encoding="utf-8")  # (a plain file beside the records)
    monkeypatch.chdir(tmp_path)
    reached: list[str] = []
    reduce_one = engine.Linter._reduce_one

    def seen(self, rule, view):
        states = getattr(view.states, "_values", view.states)  # (a lazy rule's SpilledStates)
        if isinstance(states, store_module.StateRefs):
            reached.append(rule.code)
        return reduce_one(self, rule, view)

    monkeypatch.setattr(engine.Linter, "_reduce_one", seen)
    out = _check_spilled_and_not(monkeypatch, capsys)
    assert out[True] == out[False]
    assert {"S101", "S103"} <= set(reached)  # (the other rules are given the dict the spill decodes)
    codes = json.loads(out[True])["summary"]["by_code"]
    assert codes.get("D107") and codes.get("D104")


@settings(max_examples=120, deadline=None)
@given(st.lists(st.lists(st.integers(0, 2**31 - 1) | st.integers(2**31, 2**62), max_size=6), max_size=8))
def test_header_numbers_are_int32_until_one_does_not_fit(batches):
    """A state's header numbers (shapes, offsets in the columns) are held as int32 while
    every number fits (a column under 2 GiB: half the bytes a ``ColumnState`` reads its
    fields by), else as int64 from the first that does not: every number kept, in order."""
    from array import array

    from corpuslint.store import _extended

    ints = array("i")
    for numbers in batches:
        ints = _extended(ints, numbers)
    flat = [n for numbers in batches for n in numbers]
    assert ints.tolist() == flat
    assert ints.typecode == ("i" if all(n < 2**31 for n in flat) else "q")


def _records_out_of_key_order(tmp_path):
    """The seed corpus's files, twice, as the records of one JSON Lines file whose ids do
    not sort as the file runs (fresh24's paragraph records: ``doc-9`` after ``doc-10``);
    returns (linter, the records' documents in file order)."""
    from corpuslint import readers

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += ["\n\n".join(reversed(t.split("\n\n"))) for t in texts]  # (copies of each paragraph)
    rows = [json.dumps({"id": f"doc-{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts, 8)]
    (tmp_path / "news.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text('[readers]\nid-field = "id"\n', encoding="utf-8")
    cfg, reg = engine.build_registry([str(tmp_path)])
    docs = [d for _, _, loaded in readers.iter_sources([files.Source(str(tmp_path / "news.jsonl"), "news.jsonl")],
                                                       reg.readers, cfg) for d in loaded if isinstance(d, Document)]
    assert [d.path for d in docs] != sorted(d.path for d in docs)
    return engine.Linter(cfg, reg), docs


def test_d104_reads_records_out_of_key_order_in_place(tmp_path):
    """Records whose keys do not sort in file order, read back from the columns in the
    map's order: ``_concat_in_place`` gives each field as a view of its mapped column
    (nothing copied, where ``_concat`` copies it in key order) and, by ``rows``, the
    same values unit for unit (a unit's shingle set by the offsets too); D104's reduce
    over them finds what it finds over dicts of the arrays ``collect`` made, and leaves
    the states as they were (no field deleted: a ``ColumnState`` would keep a dict of
    its own for it)."""
    from corpuslint.arrays import mapping_root
    from corpuslint.rules import CorpusView

    linter, docs = _records_out_of_key_order(tmp_path)
    rule = next(r for r in linter.corpus_rules if r.code == "D104")
    fields = ("lines", "spans", "nwords", "keys", "bands", "sets")
    made = {d.path: rule.collect(d) for d in docs}
    spill = StateSpill()
    try:
        refs = {p: spill.put(st, "D104") for p, st in made.items()}
        states = dict(zip(refs, spill.get_many(list(refs.values()))))
        paths, doc_of, copied = dup._concat(states, fields)
        placed = dup._concat_in_place(states, fields)
        assert placed is not None
        paths2, doc_of2, arr, rows = placed
        assert paths2 == paths and np.array_equal(doc_of2, doc_of) and len(rows) == len(doc_of)
        for f in ("lines", "spans", "nwords", "keys", "bands"):
            assert np.array_equal(arr[f][rows], copied[f]) and arr[f].dtype == copied[f].dtype, f
            assert mapping_root(arr[f]) is mapping_root(states[docs[0].path][f]), f  # (a view of the column)
        for i, r in enumerate(rows.tolist()):
            assert np.array_equal(arr["sets"][arr["off"][r] : arr["off"][r + 1]],
                                  copied["sets"][copied["off"][i] : copied["off"][i + 1]])
        found = {}
        for kind, given in (("dicts", {p: {k: a.copy() for k, a in st.items()} for p, st in made.items()}),
                            ("columns", states)):
            view = CorpusView(states=given, targets=set(made), documents={d.path: d for d in docs})
            found[kind] = [(f.key, f.line, f.message) for f in rule.reduce(view)]
        assert found["columns"] == found["dicts"] and found["columns"]
        assert all(type(st) is ColumnState and st._own is None for st in states.values())
    finally:
        spill.close()


def test_d105_reads_records_out_of_key_order_in_place(tmp_path, monkeypatch):
    """D105 (one unit a document) as D104: records whose keys do not sort in file order,
    read back from the columns, are reduced with their shingle sets in place (``_concat``,
    which copied every field in key order, is not called: 10,000 web records' sets were
    +75 MB), and the findings are those over dicts of the arrays ``collect`` made, which
    ``_concat`` gathers in path order."""
    from corpuslint.rules import CorpusView

    linter, docs = _records_out_of_key_order(tmp_path)
    rule = next(r for r in linter.corpus_rules if r.code == "D105")
    made = {d.path: rule.collect(d) for d in docs}
    spill = StateSpill()
    try:
        refs = {p: spill.put(st, "D105") for p, st in made.items()}
        states = dict(zip(refs, spill.get_many(list(refs.values()))))
        concat = dup._concat
        found = {}
        for kind, given in (("dicts", {p: {k: a.copy() for k, a in st.items()} for p, st in made.items()}),
                            ("columns", states)):
            calls = []
            monkeypatch.setattr(dup, "_concat", lambda *a: calls.append(1) or concat(*a))
            view = CorpusView(states=given, targets=set(made), documents={d.path: d for d in docs})
            found[kind] = [(f.path, f.record, f.line, f.message) for f in rule.reduce(view)]
            assert len(calls) == (0 if kind == "columns" else 1), kind
        assert found["columns"] == found["dicts"]
        assert len(found["columns"]) >= 5  # (each article's reordered copy, at least)
        assert all(type(st) is ColumnState for st in states.values())
    finally:
        spill.close()


def test_records_keep_no_content_hash_for_their_inline_directives(tmp_path, monkeypatch, capsys):
    """A plain-text record's kind holds no inline directive (its suffix is none of
    ``DIRECTIVE_SUFFIXES``): it is noted without its content hash (~80 bytes a record
    held to the end of a run), ``apply`` reads no record again for it, a Markdown
    document's directives are found as before, and an ignore-file entry still
    suppresses the records' findings."""
    from corpuslint import baseline, cli

    _, docs = _records_out_of_key_order(tmp_path)
    sup = baseline.Suppressions(str(tmp_path), [])
    for doc in docs:
        assert type(baseline.directives(doc)) is tuple and not baseline.directives(doc)
        sup.note(doc.path, doc.content_hash, baseline.directives(doc))
    assert all(v is baseline._HOLDS_NONE for v in sup._inline.values())

    class NoReads(dict):
        def get(self, key, default=None):
            raise AssertionError(f"{key} read again")

    assert all(sup._entries_for(NoReads(), doc.path) == [] for doc in docs)
    md = Document("a.md", "# Notes\n\n<!-- corpuslint: disable-next-line=D104 -->\nSome text.\n")
    assert [e.lines for e in baseline.directives(md)] == [(4, 4)]
    monkeypatch.chdir(tmp_path)
    args = ["check", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "--select", "D104", "."]
    reported = {}
    for ignore in ("", "news.jsonl:*:D104\n"):
        (tmp_path / baseline.IGNORE_FILE).write_text(ignore, encoding="utf-8")
        assert cli.main(args) == 0
        reported[ignore] = [d for d in json.loads(capsys.readouterr().out)["diagnostics"] if d["code"] == "D104"]
    assert reported[""] and not reported["news.jsonl:*:D104\n"]
