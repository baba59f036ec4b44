"""The spelling corpus table (families/spelling/table.py) is an additive, canonical value.

Real documents: the paragraphs of the committed spelling fixtures (Debian handbook in
Arabic, UDHR in Persian and Urdu, Qur'an, Arabic news samples; SOURCES.md). Properties
(hypothesis): merge is associative and commutative, a table does not depend on the
order or the grouping of its documents, add then subtract is the identity, and the
findings of S101-S103 from a table summed over a shuffled partition are the findings
of the ordinary reduce.
"""

from __future__ import annotations

import json
import pickle
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuslint import codec
from corpuslint.document import Document
from corpuslint.families.spelling import RULES, analysis
from corpuslint.families.spelling import table as sp
from corpuslint.rules import CorpusRule, CorpusView

from tests.test_spelling import _reset_project  # noqa: F401 (autouse fixture)
from tests.test_spelling_perf import corpus_texts, golden

LANGS = ("ar", "fa", "ur")


def _paragraph_docs(limit: int = 40) -> dict[str, str]:
    """Small real documents: up to ``limit`` paragraphs of the fixtures, several languages."""
    out: dict[str, str] = {}
    for path, text in corpus_texts().items():
        paras = [p for p in text.split("\n\n") if len(p.strip()) > 80][:4]
        for i, p in enumerate(paras):
            out[f"{path}#{i}"] = p
    keys = sorted(out)
    random.Random(7).shuffle(keys)
    return {k: out[k] for k in keys[:limit]}


DOCS = _paragraph_docs()
STATES = {p: analysis.analyse(Document(p, t), LANGS) for p, t in DOCS.items()}
PATHS = sorted(STATES)
FULL = sp.of_documents(STATES.items())

subsets = st.lists(st.sampled_from(PATHS), unique=True, max_size=12)
CHEAP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def table_of(paths) -> sp.SpellTable:
    return sp.of_documents((p, STATES[p]) for p in paths)


def test_the_corpus_has_several_languages_pairs_and_rejections():
    assert set(FULL.langs) >= {"ar", "fa", "ur"}
    ar = FULL.langs["ar"]
    assert ar.n_docs > 10 and len(ar.pairs) > 100 and ar.rejected.sum() > 0
    assert len(ar.first) == sum(len(s.langs["ar"].count) for s in STATES.values() if "ar" in s.langs)


def test_each_word_carries_its_key_through_merge_subtract_prune_and_update():
    """``word_key`` (what the reduce reads instead of calling ``backend.key`` per word)
    is each word's key, in every table the algebra makes."""
    half = PATHS[: len(PATHS) // 2]
    made = [FULL, sp.prune(FULL), sp.merge(table_of(half), table_of(PATHS[len(half):])),
            sp.subtract(FULL, PATHS[0], STATES[PATHS[0]]),
            sp.update(sp.prune(FULL), table_of(PATHS[:3]), sp.empty(), _first_rows(table_of(PATHS[3:])))]
    for table in made:
        for lang, lt in table.langs.items():
            backend = analysis.available_backend(lang)
            assert [lt.keyl[k] for k in lt.word_key.tolist()] == [backend.key(w) for w in lt.vocab]


def test_of_documents_is_the_fold_of_add_in_any_order():
    order = PATHS[:]
    random.Random(3).shuffle(order)
    t = sp.empty()
    for p in order:
        t = sp.add(t, p, STATES[p])
    assert t == FULL
    assert sp.of_documents(reversed(list(STATES.items()))) == FULL


@CHEAP
@given(st.permutations(PATHS), st.lists(st.integers(1, len(PATHS) - 1), max_size=5), st.randoms())
def test_any_partition_merged_in_any_tree_is_the_whole_table(order, cuts, rnd):
    bounds = [0, *sorted(set(cuts)), len(order)]
    parts = [table_of(order[a:b]) for a, b in zip(bounds, bounds[1:])]
    while len(parts) > 1:  # a random tree: merge two random neighbours, either way round
        i = rnd.randrange(len(parts) - 1)
        a, b = parts[i], parts[i + 1]
        parts[i : i + 2] = [sp.merge(a, b) if rnd.random() < 0.5 else sp.merge(b, a)]
    assert parts[0] == FULL


@CHEAP
@given(subsets, subsets, subsets)
def test_merge_is_associative_and_commutative(xs, ys, zs):
    ys = [p for p in ys if p not in xs]
    zs = [p for p in zs if p not in xs and p not in ys]
    a, b, c = table_of(xs), table_of(ys), table_of(zs)
    assert sp.merge(a, b) == sp.merge(b, a)
    assert sp.merge(sp.merge(a, b), c) == sp.merge(a, sp.merge(b, c)) == table_of(xs + ys + zs)
    assert sp.merge(a, sp.empty()) == a


@CHEAP
@given(subsets, st.sampled_from(PATHS))
def test_add_then_subtract_is_the_identity(xs, extra):
    xs = [p for p in xs if p != extra]
    t = table_of(xs)
    added = sp.add(t, extra, STATES[extra])
    assert added == table_of([*xs, extra])
    assert sp.subtract(added, extra, STATES[extra]) == t
    if xs:  # taking out a document that was there
        assert sp.subtract(t, xs[0], STATES[xs[0]]) == table_of(xs[1:])


@CHEAP
@given(subsets, subsets)
def test_a_pruned_table_merges_like_the_complete_one(xs, ys):
    """``prune`` (what Dask workers send on) keeps each word's first occurrence only:
    it commutes with merge, and the reduce reads the same corpus from it."""
    ys = [p for p in ys if p not in xs]
    a, b = table_of(xs), table_of(ys)
    whole = sp.prune(sp.merge(a, b))
    assert sp.merge(sp.prune(a), sp.prune(b)) == whole == sp.prune(whole) == sp.prune(sp.merge(a, sp.prune(b)))
    for lt in whole.langs.values():
        assert not lt.complete and len(lt.first) == len(lt.vocab) and lt.n_docs >= len(lt.pathl)


def test_the_reduce_reads_the_same_corpus_from_a_pruned_table():
    full = analysis.corpus_of(FULL, STATES, LANGS)
    pruned = analysis.corpus_of(sp.prune(FULL), STATES, LANGS)
    assert set(full.langs) == set(pruned.langs) == {"ar", "fa", "ur"}
    for lang, lc in full.langs.items():
        other = pruned.langs[lang]
        assert lc.words == other.words and lc.keys == other.keys and lc.n_docs == other.n_docs
        assert lc.doc_freq == other.doc_freq and lc.key_count == other.key_count
        for name in ("count", "pairs", "rejected", "word_key"):
            assert np.array_equal(getattr(lc, name), getattr(other, name)), name
        assert [lc.paths[p] for p in lc.first_at[:, 0]] == [other.paths[p] for p in other.first_at[:, 0]]
        assert np.array_equal(lc.first_at[:, 1:], other.first_at[:, 1:])
        assert np.array_equal(lc.bigrams.left, other.bigrams.left)


def _same_corpus(want: analysis.Corpus, got: analysis.Corpus, states) -> None:
    """Every table of the two merged corpora is equal (values and types)."""
    assert list(want.langs) == list(got.langs)
    for lang, lc in want.langs.items():
        other = got.langs[lang]
        assert lc.words == other.words and lc.word_id == other.word_id and lc.keys == other.keys
        assert lc.n_docs == other.n_docs and lc.paths == other.paths
        for name in ("clean_count", "key_count", "doc_freq"):  # (in the same order too)
            assert list(getattr(lc, name).items()) == list(getattr(other, name).items()), name
        for name in ("count", "pairs", "rejected", "word_key", "first_at"):
            a, b = getattr(lc, name), getattr(other, name)
            assert a.dtype == b.dtype and np.array_equal(a, b), name
        assert lc.bigrams.terms == other.bigrams.terms
        assert np.array_equal(lc.bigrams.left, other.bigrams.left)
        assert np.array_equal(lc.bigrams.right, other.bigrams.right)
        for path in states:
            a, b = lc.doc_words.get(path), other.doc_words.get(path)
            assert (a is None) == (b is None) and (a is None or np.array_equal(a, b)), path


def _reordered(ls: analysis.LangState, seed: int) -> analysis.LangState:
    """``ls`` with its vocabulary in another order (not the order of first occurrence
    ``analyse`` gives) and, for a seed divisible by 3, its first two words given one
    first occurrence: states the merge must read the same way as the table does."""
    n = len(ls.count)
    perm = np.random.default_rng(seed).permutation(n)  # new word i is old word perm[i]
    new_of = np.empty(n, dtype=np.int64)
    new_of[perm] = np.arange(n)
    vocab = ls.words.split("\n")
    first = np.asarray(ls.first)[perm].copy()
    if seed % 3 == 0 and n > 1:
        first[1] = first[0]
    rej = np.asarray(ls.rej).copy()
    for col in (analysis.R_WORD, analysis.R_LEFT, analysis.R_RIGHT):
        rej[:, col] = np.where(rej[:, col] >= 0, new_of[np.maximum(rej[:, col], 0)], -1)
    pairs = new_of[np.asarray(ls.pairs, dtype=np.int64)].astype(np.int32).reshape(-1, 2)
    return analysis.LangState(ls.lang, "\n".join(vocab[i] for i in perm), np.asarray(ls.count)[perm], first, pairs, rej)


@CHEAP
@given(subsets, st.integers(0, 2**16))
def test_the_one_pass_merge_reads_the_corpus_the_table_gives(xs, seed):
    """``analysis.corpus_of_states`` (the merge without a table: one pass over the
    states, each word's first occurrence only) gives the merged corpus that
    ``corpus_of(of_documents(...))`` gives, also from states whose vocabulary is in
    another order or with two words first seen at one place (ties: code-point order)."""
    states = {p: STATES[p] for p in xs}
    _same_corpus(analysis.corpus_of(table_of(xs), states, LANGS), analysis.corpus_of_states(states, LANGS), states)
    shuffled = {p: analysis.DocState(s.content_hash, {lang: _reordered(ls, seed + i) for lang, ls in s.langs.items()})
                for i, (p, s) in enumerate(states.items())}
    _same_corpus(analysis.corpus_of(sp.of_documents(shuffled.items()), shuffled, LANGS),
                 analysis.corpus_of_states(shuffled, LANGS), shuffled)


def test_the_one_pass_merge_makes_pairs_distinct_in_chunks(monkeypatch):
    """Pair codes made distinct every few documents (``PAIR_CHUNK``) are the pairs made
    distinct at once."""
    monkeypatch.setattr(analysis, "PAIR_CHUNK", 50)
    _same_corpus(analysis.corpus_of(FULL, STATES, LANGS), analysis.corpus_of_states(STATES, LANGS), STATES)


def test_the_one_pass_merge_keeps_word_ids_in_two_bytes_until_the_corpus_outgrows_them(monkeypatch):
    """Each document's word ids are kept in 2 bytes while the corpus has at most
    ``SMALL_IDS`` words, in 4 once it has more (here after a few documents): every
    document's words read back (``doc_words``) are the ids the corpus table gives."""
    monkeypatch.setattr(analysis, "SMALL_IDS", 60)
    merged = analysis.corpus_of_states(STATES, LANGS)
    assert all(len(lc.words) > 60 for lc in merged.langs.values())  # (each language outgrows them)
    _same_corpus(analysis.corpus_of(FULL, STATES, LANGS), merged, STATES)  # (doc_words too)


@CHEAP
@given(subsets, st.sampled_from([1, 2, 3]))
def test_spellings_by_key_and_the_deletion_index_are_the_dict_tables(xs, min_count):
    """``LangCorpus.spellings`` read from the (starts, order) arrays over the word-key
    table, and the deletion index as hash and key-id arrays, answer what the dicts of
    lists and of sets (their reference) answer: spellings most frequent first,
    ties in code-point order; candidates of every key of the corpus."""
    states = {p: STATES[p] for p in xs}
    for lc in analysis.corpus_of_states(states, LANGS).langs.values():
        by_key: dict[str, list] = {}
        for clean, n in lc.clean_count.items():
            by_key.setdefault(lc.backend.key(clean), []).append((n, clean))
        for key, spelled in by_key.items():
            assert lc.spellings(key) == [c for _n, c in sorted(spelled, key=lambda x: (-x[0], x[1]))]
        assert lc.spellings("\x00") == [] and isinstance(lc._bare, tuple)
        index: dict[str, set[str]] = {}
        for key, n in lc.key_count.items():
            if n >= min_count and len(key) >= 2:
                for d in analysis._deletions(lc.backend.vkey(key)):
                    index.setdefault(d, set()).add(key)
        compact = lc.deletion_index(min_count)  # (analysis.DeletionIndex: string hashes, sorted, and key ids)
        assert len(compact.hashes) == len(compact.owner) == sum(map(len, index.values()))  # one row a (deletion, key)
        assert sorted(compact.keys) == sorted({k for ks in index.values() for k in ks})
        for d, ks in index.items():
            assert ks <= compact.sharing({d})  # (and a key whose deletion only hashes alike: candidates verifies)
        vkey = lc.backend.vkey
        for key in list(lc.key_count)[:200]:
            v = vkey(key)
            found = set().union(*(index.get(d, set()) for d in analysis._deletions(v)))
            assert analysis.candidates(lc, key, min_count) == {k for k in found if analysis.edit_shape(v, vkey(k))}


def _first_rows(table: sp.SpellTable):
    """``update``'s ``first`` as the corpus index answers it: from every (word,
    document) row of the complete ``table``, each word's smallest path."""
    rows = {}
    for batch in sp.detail_rows(table):
        for lang, word, path, line, col in batch:
            if (lang, word) not in rows or path < rows[lang, word][0]:
                rows[lang, word] = (path, line, col)
    return lambda lang, words: {w: rows[lang, w] for w in words if (lang, w) in rows}


@CHEAP
@given(subsets, subsets, st.lists(st.tuples(st.sampled_from(PATHS), st.sampled_from(PATHS)), max_size=4),
       subsets)
def test_a_pruned_table_updated_by_removed_and_added_documents_is_the_pruned_sum(xs, gone, changes, new):
    """``update`` (what the corpus index keeps: a pruned table, plus the per-document
    first occurrences as rows) equals pruning the complete table of the documents
    after any removals, content changes (a path given another document's state) and
    additions."""
    before = {p: STATES[p] for p in xs}
    after = {p: s for p, s in before.items() if p not in gone}
    for path, other in changes:
        if path in after:
            after[path] = STATES[other]
    after.update((p, STATES[p]) for p in new if p not in before)
    removed = sp.of_documents((p, s) for p, s in before.items() if after.get(p) is not s)
    added = sp.of_documents((p, s) for p, s in after.items() if before.get(p) is not s)
    whole = sp.of_documents(after.items())
    got = sp.update(sp.prune(sp.of_documents(before.items())), removed, added, _first_rows(whole))
    assert got == sp.prune(whole)


def test_update_refuses_a_removed_document_the_table_does_not_hold():
    t = sp.prune(table_of(PATHS[:5]))
    with pytest.raises(ValueError, match="not in the table|below zero|does not hold"):
        sp.update(t, table_of(PATHS[5:7]), sp.empty(), _first_rows(table_of(PATHS[:5])))
    with pytest.raises(ValueError, match="no occurrence"):  # the rows lost a word's other holders
        sp.update(t, table_of(PATHS[:1]), sp.empty(), lambda lang, words: {})


def test_subtract_refuses_a_document_that_is_not_there_or_has_changed():
    some = PATHS[:5]
    t = table_of(some)
    with pytest.raises(ValueError, match="not in the table"):
        sp.subtract(t, PATHS[6], STATES[PATHS[6]])
    with pytest.raises(ValueError, match="differs|below zero|not in the table"):
        sp.subtract(t, some[0], STATES[some[1]])  # another document's state under this path
    with pytest.raises(ValueError, match="disjoint"):
        sp.merge(t, table_of(some[:1]))
    with pytest.raises(ValueError, match="pruned"):
        sp.subtract(sp.prune(t), some[0], STATES[some[0]])


def test_the_table_round_trips_through_the_codec_and_pickle_and_corrupt_data_is_refused():
    blob = codec.dumps(FULL)
    assert codec.loads(blob) == FULL
    assert pickle.loads(pickle.dumps(FULL)) == FULL
    assert codec.loads(codec.dumps(sp.prune(FULL))) == sp.prune(FULL) != FULL
    ar = FULL.langs["ar"]
    fields = {k: getattr(ar, k) for k in sp._FIELDS}
    for bad in (
        {"words": "\n".join(reversed(ar.vocab))},  # not sorted
        {"count": np.zeros(len(ar.count), np.int64)},  # a word seen zero times
        {"pairs": ar.pairs[::-1].copy()},  # unsorted rows
        {"first": ar.first[:-1]},  # the last word has no first occurrence (or a count mismatch)
        {"first": ar.first.astype(np.float64)},
        {"docs": ar.docs + 1},  # a complete table counts its paths
        {"complete": False},  # a pruned table has one first row per word
        {"word_key": ar.word_key[:-1]},  # a word without its key
        {"word_key": np.full(len(ar.vocab), len(ar.keyl))},  # a key id out of range
    ):
        with pytest.raises(ValueError):
            sp.LangTable(**{**fields, **bad})
        with pytest.raises(codec.CodecError):
            codec.loads(codec.dumps(sp.SpellTable({"ar": _unchecked(fields, bad)})))
    with pytest.raises(codec.CodecError):  # a table from another layout version
        codec.loads(codec.dumps(FULL).replace(sp.SpellTable().version.encode(), b"0.0"))


def _unchecked(fields, bad):
    """A LangTable carrying ``bad`` fields, built without validation (as a crafted blob would)."""
    obj = object.__new__(sp.LangTable)
    obj.__dict__.update({**fields, **bad})
    obj.pathl = fields["paths"].split("\0")  # what SpellTable's own check reads
    return obj


def _rows(states, targets, docs, facts=None) -> list[str]:
    rules = [cls() for cls in RULES]
    found = []
    for rule in rules:
        if isinstance(rule, CorpusRule):
            found.extend(rule.reduce(CorpusView(states[rule.code], targets, docs, facts)))
    return sorted(json.dumps([f.path, f.start, f.end, f.code, f.message,
                              [[r.path, r.line, r.column] for r in f.related or ()]], ensure_ascii=False)
                  for f in found)


def test_findings_from_a_table_merged_over_a_shuffled_partition_are_the_same():
    """As on Dask: the table is the sum of partition tables, the reduce holds only the
    targets' states, and S101-S103 find exactly what the ordinary reduce finds."""
    texts = corpus_texts()
    docs = {p: Document(p, t) for p, t in texts.items()}
    rules = [cls() for cls in RULES]
    codes = [r.code for r in rules if isinstance(r, CorpusRule)]
    corpus_rule = next(r for r in rules if isinstance(r, CorpusRule))
    state = {p: corpus_rule.collect(d) for p, d in docs.items()}
    paths = list(state)
    random.Random(11).shuffle(paths)
    parts = [paths[i::3] for i in range(3)]
    table = sp.merge(sp.of_documents((p, state[p]) for p in parts[2]),
                     sp.merge(sp.of_documents((p, state[p]) for p in parts[1]),
                              sp.of_documents((p, state[p]) for p in parts[0])))
    assert table == sp.of_documents(state.items())
    targets = set(parts[0])  # some documents only: the others are known through the table
    full = _rows({c: state for c in codes}, targets, docs)
    only_targets = {c: {p: state[p] for p in targets} for c in codes}
    assert _rows(only_targets, targets, {p: docs[p] for p in targets}, table) == full
    assert len(full) >= 5
    # and every document as a target: the findings of the code before issue 14
    before = sorted(json.dumps([r[0], r[1], r[2], r[3], r[5], r[6]], ensure_ascii=False)
                    for r in map(json.loads, golden()) if r[3] in codes)
    assert _rows({c: state for c in codes}, set(docs), docs, table) == before
