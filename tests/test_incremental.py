"""Incremental corpus reduces (corpuslint/aggregates.py): a run over a few changed files
in a warm corpus index reads the rules' aggregates and the few states they point at,
and reports exactly what a full (``--no-cache``) run reports."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuslint import aggregates, lint_paths
from corpuslint import index as corpus_index
from corpuslint.document import Document
from corpuslint.families.duplicate import incremental
from corpuslint.families.duplicate.corpus import BoilerplateLine, CrossFileDuplicateParagraph

from .conftest import SAMPLES

CFG = {"select": ["D104", "D105", "D106"], "jobs": 1}
FOOTER = "اشترك في النشرة البريدية لتصلك آخر الأخبار كل صباح"


def _paragraphs() -> list[str]:
    """The seed articles' paragraphs (lines of >= 12 words), each once, in order."""
    out: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line.split()) >= 12 and line not in out:
                out.append(line)
    return out


def _make_corpus(root: Path) -> dict[str, str]:
    """Files of two real paragraphs each (no paragraph twice), a footer line in four
    of them (D106), and a git work tree as the project root."""
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    paras = _paragraphs()
    files = {}
    for i in range(len(paras) // 2):
        text = "\n\n".join(paras[2 * i : 2 * i + 2]) + "\n"
        if i % 7 == 3:
            text += "\n" + FOOTER + "\n"
        files[f"doc/{i:03d}.txt"] = text
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return files


def _near_copy(paragraph: str) -> str:
    words = paragraph.split()
    words[len(words) // 2] = "وأضاف"
    return " ".join(words)


def _key(findings) -> list:
    return [(f.code, f.path, f.line, f.end_line, f.message, [(r.path, r.line) for r in f.related]) for f in findings]


def _same_as_full(paths: list[str]) -> list:
    """Incremental findings of ``paths``, asserted equal to a --no-cache run's."""
    incremental_run = lint_paths(paths, config=CFG)
    full = lint_paths(paths, config={**CFG, "cache": False})
    assert _key(incremental_run) == _key(full)
    return incremental_run


def _plans(monkeypatch) -> list:
    """Records whether each D104/D105 reduce took the incremental plan."""
    used: list = []
    for name in ("paragraph_plan", "document_plan"):
        original = getattr(incremental, name)

        def wrapped(rule, corpus, _original=original, _name=name):
            plan = _original(rule, corpus)
            used.append((_name, plan is not None))
            return plan

        monkeypatch.setattr(incremental, name, wrapped)
    return used


def test_add_change_delete_rename_match_a_full_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path)
    names = sorted(files)
    assert len(names) >= 25
    assert lint_paths(["doc"], config=CFG) != []  # fills the index (D106: the footer)
    used = _plans(monkeypatch)

    # change: a file now near-copies a paragraph of an unchanged file
    source = files[names[4]].split("\n\n")[1]
    changed = tmp_path / names[20]
    changed.write_text(files[names[20]] + "\n" + _near_copy(source) + "\n", encoding="utf-8")
    found = _same_as_full([names[20]])
    assert [(f.code, f.related[0].path) for f in found] == [("D104", names[4])]
    assert ("paragraph_plan", True) in used and ("document_plan", True) in used

    # add: a new file that copies a whole document (D105) and carries the footer (D106)
    added = tmp_path / "doc/new.txt"
    added.write_text("نسخة منقولة\n\n" + files[names[2]] + "\n" + FOOTER + "\n", encoding="utf-8")
    found = _same_as_full(["doc/new.txt"])
    assert {f.code for f in found} == {"D105", "D106"}
    assert [f.related[0].path for f in found if f.code == "D105"] == [names[2]]

    # the unchanged partner, checked alone, is reported against nothing new (it sorts first)
    _same_as_full([names[4]])
    _same_as_full([names[2], names[20]])

    # delete: the copied document's original goes; the copy is now alone
    (tmp_path / names[2]).unlink()
    found = _same_as_full(["doc/new.txt"])
    assert "D105" not in {f.code for f in found}

    # rename: the near-copy moves; its finding follows it
    changed.rename(tmp_path / "doc/zz-moved.txt")
    found = _same_as_full(["doc/zz-moved.txt"])
    assert [(f.code, f.related[0].path) for f in found] == [("D104", names[4])]
    # every incremental run (6) took the plans; the --no-cache runs have no aggregate
    assert used.count(("paragraph_plan", True)) == used.count(("document_plan", True)) == 6


def test_only_the_neighbours_states_are_decoded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path)
    names = sorted(files)
    lint_paths(["doc"], config=CFG)
    loaded: list[int] = []
    original = aggregates.LazyStates.__getitem__

    def counting(self, key):
        before = self.loaded
        value = original(self, key)
        loaded.append(self.loaded - before)
        return value

    monkeypatch.setattr(aggregates.LazyStates, "__getitem__", counting)
    (tmp_path / names[11]).write_text(files[names[11]] + "\n" + _near_copy(files[names[3]].split("\n\n")[0]) + "\n",
                                      encoding="utf-8")
    found = lint_paths([names[11]], config=CFG)
    assert [(f.code, f.related[0].path) for f in found] == [("D104", names[3])]
    # D104 reads the partner, D105 nothing but the checked file, D106 the checked file:
    # a handful of decodes, not one per file and rule
    assert 0 < sum(loaded) <= 3


def _db(root: Path) -> sqlite3.Connection:
    return sqlite3.connect(root / ".corpuslint_cache" / corpus_index.DB_NAME)


def test_damaged_or_stale_aggregate_is_rebuilt(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path)
    names = sorted(files)
    lint_paths(["doc"], config=CFG)
    (tmp_path / names[12]).write_text(files[names[12]] + "\n" + FOOTER + "\n", encoding="utf-8")
    expected = _key(lint_paths([names[12]], config={**CFG, "cache": False}))
    assert "D106" in {e[0] for e in expected}

    db = _db(tmp_path)
    with db:  # damaged: postings of the footer's holders deleted
        db.execute("DELETE FROM postings WHERE doc IN (SELECT id FROM agg_docs WHERE path = ?)", (names[3],))
    db.close()
    capfd.readouterr()
    assert _key(lint_paths([names[12]], config=CFG)) == expected
    err = capfd.readouterr().err
    assert "aggregate of D10" in err and "damaged" in err and "rebuilt" in err

    db = _db(tmp_path)
    with db:  # stale: recorded for other content; recomputed silently from the stored state
        db.execute("UPDATE agg_docs SET content_hash = 'old'")
    db.close()
    assert _key(lint_paths([names[12]], config=CFG)) == expected
    db = _db(tmp_path)
    assert db.execute("SELECT COUNT(*) FROM agg_docs WHERE content_hash = 'old'").fetchone() == (0,)
    # the posting rows add up again
    n_rows, n_want = db.execute("SELECT (SELECT COUNT(*) FROM postings), (SELECT TOTAL(n) FROM agg_docs)").fetchone()
    assert n_rows == n_want
    db.close()


def test_aggregate_of_another_corpuslint_version_is_ignored(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path)
    names = sorted(files)
    lint_paths(["doc"], config=CFG)
    db = _db(tmp_path)
    with db:  # another version's index: a bogus posting that would make the footer everywhere
        db.execute("UPDATE meta SET value = '0.0.1' WHERE key = 'corpuslint'")
        db.execute("UPDATE postings SET value = 999")
    db.close()
    (tmp_path / names[12]).write_text(files[names[12]] + "\n" + FOOTER + "\n", encoding="utf-8")
    found = _same_as_full([names[12]])
    assert [(f.code, f.related[0].path, f.related[0].line) for f in found if f.code == "D106"] == [
        ("D106", names[3], files[names[3]].splitlines().index(FOOTER) + 1)]
    db = _db(tmp_path)
    assert db.execute("SELECT COUNT(*) FROM postings WHERE value = 999").fetchone() == (0,)
    db.close()


# -- the aggregate itself: deltas == rebuilt from scratch ---------------------------


def _index_rows(index: corpus_index.CorpusIndex, agg: int) -> set:
    return set(index.conn.execute(
        "SELECT p.kind, p.key, d.path, p.value FROM postings p JOIN agg_docs d ON d.id = p.doc WHERE p.agg = ?",
        (agg,)))


_TEXTS = _paragraphs()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(["add", "change", "delete"]), st.integers(0, 7),
                                st.lists(st.integers(0, len(_TEXTS) - 1), min_size=1, max_size=3)),
                      min_size=1, max_size=12))
def test_incremental_aggregate_equals_rebuilt(tmp_path_factory, edits):
    """Random add / change / delete sequences: the postings updated by deltas equal the
    postings of an index built once from the final corpus (D104 and D106)."""
    rules = [CrossFileDuplicateParagraph(), BoilerplateLine()]
    folder = tmp_path_factory.mktemp("agg")
    live = corpus_index.CorpusIndex(str(folder / "live")).open()
    corpus: dict[str, str] = {}

    def entries_and_states(rule):
        states = {p: rule.collect(Document(p, t)) for p, t in corpus.items()}
        return {p: Document(p, t).content_hash for p, t in corpus.items()}, states

    try:
        for op, slot, picks in edits:
            path = f"doc{slot}.txt"
            if op == "delete":
                corpus.pop(path, None)
            else:
                corpus[path] = "\n\n".join(_TEXTS[i] for i in picks) + f"\n\n{FOOTER}\n"
            for rule in rules:
                entries, states = entries_and_states(rule)
                assert live.sync_aggregate(rule, "k", entries, states) is not None
        fresh = corpus_index.CorpusIndex(str(folder / "fresh")).open()
        try:
            for rule in rules:
                entries, states = entries_and_states(rule)
                a = live.sync_aggregate(rule, "k", entries, {})  # nothing to recompute: no states needed
                b = fresh.sync_aggregate(rule, "k", entries, states)
                assert _index_rows(live, a) == _index_rows(fresh, b)
                # the counts the damage check compares are the rows' (kept by triggers, not scanned)
                assert live.conn.execute("SELECT postings, expected FROM agg_counts WHERE agg = ?", (a,)).fetchone() \
                    == live.conn.execute("SELECT (SELECT COUNT(*) FROM postings WHERE agg = ?), "
                                         "(SELECT TOTAL(n) FROM agg_docs WHERE agg = ?)", (a, a)).fetchone()
                # the kind-0 document counts are the sum of the documents' contributions
                view = aggregates.AggregateView(lambda: sqlite3.connect(live.path), a, {p: p for p in corpus}, len(corpus))
                for p, s in states.items():
                    if s is not None:
                        keys = np.unique(np.asarray(s["keys"], dtype=np.uint64))
                        want = [sum(1 for t in states.values() if t is not None and k in set(t["keys"].tolist()))
                                for k in keys.tolist()]
                        assert view.counts(0, keys).tolist() == want
                # the documents posting a key, of any kind (read off agg_docs.n) and of each
                # kind, are those the postings name
                for kind in (None, 0, 1, 2):
                    where = "" if kind is None else f" AND kind = {kind}"
                    scanned = live.conn.execute(f"SELECT COUNT(DISTINCT doc) FROM postings WHERE agg = ?{where}",
                                                (a,)).fetchone()[0]
                    assert view.documents(kind) == scanned
                view.close()
        finally:
            fresh.close()
    finally:
        live.close()


# -- per-word dictionary verdicts -------------------------------------------------------

_FRESH = """
import contextlib, io, json, sys
from corpuslint.cli import main
from corpuslint.families.spelling import backends
# the dictionaries read during the run (S101 drops them once it has reduced: _hs is None after)
stems = set()
real = backends._hunspell
def spy(stem, packages, read=True):
    if read:
        stems.add(stem)
    return real(stem, packages, read)
backends._hunspell = spy
out = io.StringIO()
with contextlib.redirect_stdout(out):
    main(["check", "--format", "json", "--exit-zero", *sys.argv[1:]])
read = sorted(n for n, b in backends._INSTANCES.items() if b.dictionary is not None and b.dictionary[0] in stems)
partial = sorted(n for n, b in backends._INSTANCES.items() if b._partial)
print(json.dumps({"read": read, "partial": partial, "findings": json.loads(out.getvalue())["diagnostics"],
                  "numpy.ma": "numpy.ma" in sys.modules}))
"""


def _fresh(root: Path, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", _FRESH, *args], cwd=root, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_words_seen_before_need_no_dictionary(tmp_path):
    files = _make_corpus(tmp_path)
    names = sorted(files)
    assert _fresh(tmp_path, "doc")["read"] == ["ar"]  # the first run reads the dictionary, fills the cache
    assert len(list((tmp_path / ".corpuslint_cache").glob("hunspell-ar-*.sqlite3"))) == 1  # and its stem index
    # a changed file whose words all occur elsewhere in the corpus: every verdict is cached
    seen = files[names[6]].split("\n\n")[0]
    (tmp_path / names[16]).write_text(files[names[16]] + "\n" + seen + "\n", encoding="utf-8")
    warm = _fresh(tmp_path, names[16])
    assert warm["read"] == []
    assert warm["numpy.ma"] is False  # (np.unique imports it, ~15 ms: the reduces' sorts do not)
    full = _fresh(tmp_path, "--no-cache", names[16])
    assert full["read"] == ["ar"]
    assert warm["findings"] == full["findings"] and {f["code"] for f in full["findings"]} >= {"D104"}
    # a word never seen before: only the dictionary lines of the stems it may come from
    # are read (hunspell_index), and the findings are the full run's
    (tmp_path / names[17]).write_text(files[names[17]] + "\nكتبتموهاززز وقال الكتابب\n", encoding="utf-8")
    new = _fresh(tmp_path, names[17])
    assert new["read"] == [] and new["partial"] == ["ar"]
    full = _fresh(tmp_path, "--no-cache", names[17])
    assert new["findings"] == full["findings"]


def test_invalid_cached_verdict_is_a_miss(tmp_path):
    files = _make_corpus(tmp_path)
    names = sorted(files)
    _fresh(tmp_path, "doc")
    db = _db(tmp_path)
    with db:
        db.execute("UPDATE verdicts SET known = 7")  # damaged rows: never taken as verdicts
    db.close()
    (tmp_path / names[16]).write_text(files[names[16]] + "\n" + files[names[6]].split("\n\n")[0] + "\n",
                                      encoding="utf-8")
    warm = _fresh(tmp_path, names[16])
    assert "ar" in warm["read"] + warm["partial"]  # the dictionary was asked (whole or its needed lines)
    assert warm["findings"] == _fresh(tmp_path, "--no-cache", names[16])["findings"]


# -- the spelling corpus table as an aggregate ------------------------------------------

CFG_S = {"select": ["S101", "S102", "S103", "D104"], "jobs": 1}


def _slip(files: dict[str, str]) -> tuple[str, str]:
    """A word of 6+ letters that recurs across the corpus, and a one-letter slip of it."""
    from collections import Counter

    counts = Counter(w for t in files.values() for w in set(t.split()) if len(w) >= 6 and w.isalpha())
    word = next(w for w, n in counts.most_common() if n >= 3)
    i = len(word) // 2
    return word, word[:i] + ("ب" if word[i] != "ب" else "ت") + word[i + 1 :]


def test_spelling_table_is_kept_in_the_index_and_findings_match(tmp_path, monkeypatch):
    from corpuslint.families.spelling import base

    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path)
    names = sorted(files)
    lint_paths(["doc"], config=CFG_S)
    tables: list = []
    original = base.merge

    def recording(states, languages, table=None):
        tables.append((table is not None, len(states)))
        return original(states, languages, table)

    monkeypatch.setattr(base, "merge", recording)
    word, slip = _slip(files)
    # change: a slip of a word whose correct spelling is in unchanged files
    changed = tmp_path / names[9]
    changed.write_text(files[names[9]] + f"\nوقال المتحدث إن {slip} كانت واضحة في البيان\n", encoding="utf-8")
    got = lint_paths([names[9]], config=CFG_S)
    full = lint_paths([names[9]], config={**CFG_S, "cache": False})
    assert _key(got) == _key(full)
    assert tables[0] == (True, 1)  # the index's table, and the checked file's state only
    # delete a file holding the word, add one, rename one: still the full run's findings
    (tmp_path / names[1]).unlink()
    (tmp_path / "doc/new.txt").write_text(files[names[1]].replace(word, slip, 1), encoding="utf-8")
    (tmp_path / names[2]).rename(tmp_path / "doc/zz.txt")
    for targets in ([names[9]], ["doc/new.txt"], ["doc/zz.txt", names[9]]):
        tables.clear()
        got = lint_paths(targets, config=CFG_S)
        assert tables and all(t for t, _ in tables)
        assert _key(got) == _key(lint_paths(targets, config={**CFG_S, "cache": False}))


def test_damaged_spelling_table_is_rebuilt(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path)
    names = sorted(files)
    lint_paths(["doc"], config=CFG_S)
    db = _db(tmp_path)
    with db:
        db.execute("UPDATE agg_tables SET blob = X'00112233'")
    db.close()
    word, slip = _slip(files)
    (tmp_path / names[9]).write_text(files[names[9]] + f"\n{slip}\n", encoding="utf-8")
    capfd.readouterr()
    got = lint_paths([names[9]], config=CFG_S)
    err = capfd.readouterr().err
    assert "warning: cache: a corpus-wide table (spelling-table" in err and "could not be reused" in err
    assert _key(got) == _key(lint_paths([names[9]], config={**CFG_S, "cache": False}))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(["add", "change", "delete"]), st.integers(0, 5),
                                st.lists(st.integers(0, len(_TEXTS) - 1), min_size=1, max_size=2)),
                      min_size=1, max_size=10))
def test_incremental_spelling_table_equals_rebuilt(tmp_path_factory, edits):
    """Random add / change / delete sequences: the spelling table kept by subtracting
    old states and adding new ones equals the (pruned) table of the final corpus."""
    from corpuslint.families.spelling import table as spell_table
    from corpuslint.families.spelling.slip import Slip

    rule = Slip()
    index = corpus_index.CorpusIndex(str(tmp_path_factory.mktemp("table"))).open()
    corpus: dict[str, str] = {}
    states: dict[str, object] = {}
    try:
        for op, slot, picks in edits:
            path = f"doc{slot}.txt"
            before = dict(states)
            if op == "delete":
                corpus.pop(path, None)
                states.pop(path, None)
            else:
                corpus[path] = "\n\n".join(_TEXTS[i] for i in picks) + "\n"
                states[path] = rule.collect(Document(path, corpus[path]))
            entries = {p: Document(p, t).content_hash for p, t in corpus.items()}
            old = {p: (s.content_hash, s) for p, s in before.items()}
            index._tables.clear()  # a new run: the table is read back from the index
            got = index.sync_table(rule, "k", entries, {path: states[path]} if path in states else {}, old)
            assert got is not None
            whole = spell_table.of_documents(states.items())
            assert got[1] == spell_table.prune(whole)  # the pruned table (what the reduce reads) is stored
            # and the first occurrence of each word in each document, as rows
            rows = sorted(index.conn.execute("SELECT part, key, path, a, b FROM agg_rows WHERE agg = ?", (got[0],)))
            assert rows == sorted(r for batch in spell_table.detail_rows(whole) for r in batch)
    finally:
        index.close()


def test_touched_files_collected_by_workers_stay_lazy(tmp_path, monkeypatch):
    """Files whose mtime changed but content did not are re-hashed in worker processes
    (--jobs 2): their cached states stay on disk and the findings match a full run."""
    import os

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(corpus_index, "PARALLEL_MIN_MISSES", 4)
    files = _make_corpus(tmp_path)
    names = sorted(files)
    cfg = {**CFG, "jobs": 2}
    lint_paths(["doc"], config=cfg)
    for name in names:
        os.utime(tmp_path / name, ns=(1, 1))
    (tmp_path / names[20]).write_text(files[names[20]] + "\n" + _near_copy(files[names[4]].split("\n\n")[1]) + "\n",
                                      encoding="utf-8")
    got = lint_paths([names[20]], config=cfg)
    assert [(f.code, f.related[0].path) for f in got] == [("D104", names[4])]
    assert _key(got) == _key(lint_paths([names[20]], config={**cfg, "cache": False}))
    db = _db(tmp_path)
    assert db.execute("SELECT COUNT(*) FROM states WHERE typeof(state) != 'blob'").fetchone() == (0,)
    db.close()


def test_slot_templates_are_counted_by_the_aggregate(tmp_path, monkeypatch):
    """GNOME help pages (real text): the sentence frames many pages fill in ("Click X in
    the sidebar to open the panel") are templates, counted over every document by the
    aggregate; the paragraphs one page copies from another are copies."""
    import shutil

    data = Path(__file__).parent / "data" / "realtext"
    root = tmp_path / "help"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for name in ("gnome-help-fa-steps", "gnome-help-fa-bluetooth"):
        for p in (data / name).glob("*.txt"):
            shutil.copy(p, root / p.name)
    monkeypatch.chdir(tmp_path)
    cfg = {"select": ["D104"], "jobs": 1}
    lint_paths(["help"], config=cfg)
    used = _plans(monkeypatch)
    for name in ("net-default-email.txt", "clock-set.txt", "net-manual.txt"):
        got = lint_paths([f"help/{name}"], config=cfg)
        assert _key(got) == _key(lint_paths([f"help/{name}"], config={**cfg, "cache": False}))
        assert bool(got) == (name == "net-manual.txt")
    assert used.count(("paragraph_plan", True)) == 3


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(-2**63, 2**63 - 1)), max_size=40))
def test_key_runs_give_back_the_posted_pairs(pairs):
    """agg_docs.keys (key_runs) decodes to the very (kind, key) pairs, in their order,
    through the data-only codec; a malformed value is refused (None), never guessed."""
    from corpuslint.codec import dumps, loads

    array = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    got = corpus_index.key_pairs(loads(dumps(corpus_index.key_runs(array))))
    assert got is not None and got.dtype == np.int64 and got.tolist() == array.tolist()
    assert corpus_index.key_pairs(loads(dumps(array))).tolist() == array.tolist()  # an older index's rows
    runs = corpus_index.key_runs(array)
    assert corpus_index.key_pairs({**runs, "keys": np.r_[runs["keys"], np.int64(0)]}) is None  # runs != keys
    assert corpus_index.key_pairs({"keys": runs["keys"]}) is None


def test_key_lists_cost_one_key_a_posting(tmp_path, monkeypatch):
    """Structural (issue 14, target 3): a document's key list in agg_docs holds its keys
    and the kinds run-length coded, ~8 bytes a posting (16 when each key carried its kind:
    D104's key lists were 90 MB of fresh25's 360 MB index for 21 MB of text)."""
    monkeypatch.chdir(tmp_path)
    _make_corpus(tmp_path)
    lint_paths(["doc"], config=CFG)
    db = sqlite3.connect(tmp_path / ".corpuslint_cache" / corpus_index.DB_NAME)
    n, size = db.execute("SELECT SUM(n), SUM(LENGTH(keys)) FROM agg_docs").fetchone()
    docs = db.execute("SELECT COUNT(*) FROM agg_docs").fetchone()[0]
    assert n > 1000
    assert size <= 8 * n + 120 * docs  # 8 bytes a posting, the codec's frame a document


def _markdown_copies(root: Path, files: dict[str, str]) -> list[str]:
    """Three Markdown files, each a heading, a paragraph of a .txt file (D104, in prose)
    and the D106 footer inside a fenced code block (a boilerplate line there is code,
    which D106 does not check: the reduce's finding is dropped by the region filter)."""
    names = sorted(files)
    out = []
    for i in range(3):
        name = f"doc/md{i}.md"
        (root / name).write_text(f"# عنوان {i}\n\n" + files[names[i]].split("\n\n")[0] + "\n\n```\n" + FOOTER
                                 + "\n```\n", encoding="utf-8")
        out.append(name)
    return out


def _counting_regions(monkeypatch) -> list[str]:
    """The paths of the documents whose regions are built (``structure.regions_for``)."""
    from corpuslint import structure

    built: list[str] = []
    original = structure.regions_for

    def counting(doc):
        built.append(doc.path)
        return original(doc)

    monkeypatch.setattr(structure, "regions_for", counting)
    return built


def test_warm_run_builds_no_document_regions(tmp_path, monkeypatch):
    """Structural (issue 14, target 3): a warm run with nothing changed filters the
    corpus rules' findings by the regions the run that filled the cache kept
    (``index.RegionCache``), building no document's regions (fresh25's warm run spent
    8.1 of 10.1 s CPU parsing 847 documents again for it); after an edit only the edited
    file's are built. Findings are a --no-cache run's each time."""
    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path)
    md = _markdown_copies(tmp_path, files)
    built = _counting_regions(monkeypatch)
    full = lint_paths(["doc"], config={**CFG, "cache": False})
    found = {(f.code, f.path) for f in full}
    assert {("D104", name) for name in md} <= found and not {("D106", name) for name in md} & found
    assert _key(lint_paths(["doc"], config=CFG)) == _key(full)  # fills the cache
    built.clear()
    assert _key(lint_paths(["doc"], config=CFG)) == _key(full)
    assert built == []
    # the footer moved out of the code block into prose: now reported; only that file parsed
    (tmp_path / md[1]).write_text((tmp_path / md[1]).read_text(encoding="utf-8").replace("```\n", ""),
                                  encoding="utf-8")
    full = lint_paths(["doc"], config={**CFG, "cache": False})
    assert ("D106", md[1]) in {(f.code, f.path) for f in full}
    built.clear()
    assert _key(lint_paths(["doc"], config=CFG)) == _key(full)
    assert built == [md[1]]


def test_invalid_cached_regions_are_a_miss(tmp_path, monkeypatch, capfd):
    """A region row that does not fit its file (a span past its end, spans out of order,
    an unknown kind, another content) is never used: the regions are built again (one
    warning for them all) and the findings are a --no-cache run's."""
    from corpuslint.codec import dumps, loads

    monkeypatch.chdir(tmp_path)
    files = _make_corpus(tmp_path)
    _markdown_copies(tmp_path, files)
    full = _key(lint_paths(["doc"], config={**CFG, "cache": False}))
    lint_paths(["doc"], config=CFG)
    db = _db(tmp_path)
    rows = db.execute("SELECT path, regions FROM doc_regions ORDER BY path LIKE '%.md' DESC, path").fetchall()
    assert len(rows) >= 4 and all(path.endswith(".md") for path, _ in rows[:3])  # (a heading, prose, code)
    damaged = {}
    for (path, blob), damage in zip(rows, ("past the end", "out of order", "unknown kind", "other content")):
        h, starts, ends, kinds, aligned = loads(blob)
        starts, ends, kinds = starts.copy(), ends.copy(), kinds.copy()
        if damage == "past the end":
            ends[-1] = 1 << 40
        elif damage == "out of order":
            starts, ends = starts[::-1].copy(), ends[::-1].copy()
            assert len(starts) > 1
        elif damage == "unknown kind":
            kinds[0] = 200
        else:
            h = "0" * len(h)
        damaged[path] = damage
        with db:
            db.execute("UPDATE doc_regions SET regions = ? WHERE path = ?",
                       (dumps([h, starts, ends, kinds, aligned]), path))
    db.close()
    built = _counting_regions(monkeypatch)
    capfd.readouterr()
    assert _key(lint_paths(["doc"], config=CFG)) == full
    assert sorted(built) == sorted(damaged)
    err = capfd.readouterr().err
    assert err.count("region cache: invalid entry for") == 1 and "and 3 more; discarded and recomputed" in err
    built.clear()
    assert _key(lint_paths(["doc"], config=CFG)) == full  # the rows were written again, valid
    assert built == [] and capfd.readouterr().err == ""


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.sampled_from(sorted(corpus_index._region_kinds())), st.booleans()),
                max_size=30))
def test_region_tables_round_trip(steps):
    """``encode_regions`` / ``decode_regions`` give back the very regions (spans, kinds,
    flags) through the data-only codec."""
    from corpuslint.structure import Region

    regions, pos = [], 0
    for gap_and_width, kind, aligned in steps:
        start = pos + gap_and_width // 2
        regions.append(Region(start, start + gap_and_width, kind, aligned))
        pos = start + gap_and_width
    blob = corpus_index.encode_regions(regions, "h")
    assert corpus_index.decode_regions(blob, "h", pos) == tuple(regions)
    from corpuslint.codec import CodecError

    try:  # a kind the codec does not know (a plugin's) is not stored
        corpus_index.encode_regions(regions + [Region(pos, pos + 1, "a-plugin-kind")], "h")
    except CodecError:
        pass
    else:
        raise AssertionError("an unknown region kind was encoded")


def test_a_stored_none_state_decodes_as_the_codec_decodes_it():
    """A rule's None state (D107's for every plain file) is read back without a decode
    call per file, as ``loads`` reads it; its content hash still decides a hit."""
    from corpuslint.codec import dumps, loads

    blob = dumps(None)
    assert corpus_index._decode_state(("h", blob), "h") is None is loads(blob)
    assert corpus_index._decode_state(("h", blob), "other") is corpus_index._MISS
    assert corpus_index._decode_state(("h", dumps({"a": 1})), "h") == {"a": 1}


def test_postings_merged_from_small_runs_and_key_ranges_equal_one_sorted_table(tmp_path_factory, monkeypatch):
    """A first run writes each aggregate's postings merged from sorted runs a key range at a
    time (``index._PostingRun``, ``_merged_postings``: bounded memory); with runs of 7
    postings and ranges of 50 the index holds the same rows, in the same primary-key
    order, and the same document key lists as with one run and one range."""

    def fill(small: bool) -> tuple[list, list, list]:
        root = tmp_path_factory.mktemp("small" if small else "whole")
        monkeypatch.chdir(root)
        _make_corpus(root)
        if small:
            monkeypatch.setattr(corpus_index, "_POSTING_RUN", 7)
            monkeypatch.setattr(corpus_index, "_POSTING_PART", 50)
        else:
            monkeypatch.setattr(corpus_index, "_POSTING_RUN", 1 << 40)
            monkeypatch.setattr(corpus_index, "_POSTING_PART", 1 << 40)
        found = _key(lint_paths(["doc"], config=CFG))
        with contextlib.closing(_db(root)) as db:  # (the rows as SQLite holds them: its own order)
            postings = db.execute("SELECT agg, kind, key, doc, value FROM postings").fetchall()
            docs = db.execute("SELECT id, agg, path, content_hash, n, keys FROM agg_docs ORDER BY id").fetchall()
        return found, postings, docs

    whole, small = fill(False), fill(True)
    assert len(whole[1]) > 1000  # (many runs and ranges with the small sizes)
    assert small == whole
