"""Issue 14 (performance) for the spelling family: same findings, compact state, lazy imports.

The map step was rewritten (token tables per process, count-table states, numpy
merge); these tests hold it to the findings of the code before the rewrite, on real
text committed under tests/fixtures/spelling (sources in SOURCES.md) and the demo
corpus. ``findings-before-issue14.jsonl`` was written by ``spelling_rows`` below with
the code of commit a30df24 (before any issue-14 change):

    PYTHONPATH=<checkout of a30df24> python -c "import tests.test_spelling_perf as t; t.write_golden()"

Rows a later, intended change of behaviour removed were deleted from it by hand: issue 10
(S101 precision), 13 S102 rows on the Persian UDHR whose ئ after a long vowel is the
older spelling of ی (قضائی، ابتدائی، دائما: fa_IR lists only the ی spelling).
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np

from corpuslint import codec
from corpuslint.document import Document
from corpuslint.families.spelling import RULES, analysis
from corpuslint.rules import CorpusRule, CorpusView

from tests.test_spelling import _reset_project  # noqa: F401 (autouse fixture)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "spelling"
GOLDEN = FIXTURES / "findings-before-issue14.jsonl"


def corpus_texts() -> dict[str, str]:
    """Arabic (handbook excerpts, news), Persian and Urdu (UDHR), Uthmani Qur'an text."""
    paths = sorted((FIXTURES / "handbook-ar").glob("*.txt")) + sorted((FIXTURES / "udhr").glob("*.txt"))
    paths += [FIXTURES / "quran-2-1-60.txt"] + sorted((ROOT / "samples" / "news-ar").glob("*.txt"))
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in paths}


def spelling_rows(texts: dict[str, str], transform=None) -> list[str]:
    """Every finding of the five spelling rules (S102 included) on ``texts`` as one corpus,
    one JSON row each, sorted. ``transform(path, state)`` may replace each corpus state
    (e.g. by a codec round trip) before the reduce."""
    docs = {p: Document(p, t) for p, t in texts.items()}
    rules = [cls() for cls in RULES]
    found = []
    states: dict[str, dict] = {r.code: {} for r in rules if isinstance(r, CorpusRule)}
    for path, doc in docs.items():
        for rule in rules:
            if isinstance(rule, CorpusRule):
                state = rule.collect(doc)
                states[rule.code][path] = transform(path, state) if transform else state
            else:
                found.extend(rule.check(doc))
    for rule in rules:
        if isinstance(rule, CorpusRule):
            found.extend(rule.reduce(CorpusView(states[rule.code], set(docs), docs)))
    return sorted(
        json.dumps([f.path, f.start, f.end, f.code, f.severity.value, f.message,
                    [[r.path, r.line, r.column] for r in f.related or ()],
                    [[e.start, e.end, e.replacement] for e in (f.fix.edits if f.fix else ())]], ensure_ascii=False)
        for f in found
    )


def write_golden() -> None:
    GOLDEN.write_text("\n".join(spelling_rows(corpus_texts())) + "\n", encoding="utf-8")


def golden() -> list[str]:
    return [line for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line]


def test_findings_identical_to_the_code_before_the_rewrite():
    rows = spelling_rows(corpus_texts())
    assert len(rows) >= 20 and {json.loads(r)[3] for r in rows} >= {"S101", "S102", "S103"}
    assert rows == golden()


def test_findings_identical_from_states_read_back_from_the_index_codec():
    """The corpus index stores states with the data-only codec: a state read back gives
    the same findings (and is a handful of arrays, not per-token objects)."""
    def round_trip(_path, state):
        blob = codec.dumps(state)
        assert blob[:4] == codec.MAGIC_VALUE
        return codec.loads(blob)

    assert spelling_rows(corpus_texts(), round_trip) == golden()


def test_findings_do_not_depend_on_the_process_token_tables():
    """Token and spelling ids are per process: states made by fresh processes (tables
    reset before every document, as in a worker) merge to the same findings."""
    def fresh(path, state):
        analysis.reset()
        return pickle.loads(pickle.dumps(analysis.analyse(Document(path, texts[path]), state_langs)))

    texts = corpus_texts()
    state_langs = tuple(RULES[0]().project.languages)
    assert spelling_rows(texts, fresh) == golden()


def test_state_grows_with_the_vocabulary_not_the_text():
    text = (FIXTURES / "handbook-ar" / "sect.apt-get.txt").read_text(encoding="utf-8")
    analysis.reset()
    once = analysis.analyse(Document("a.txt", text), ("ar",)).langs["ar"]
    ten = analysis.analyse(Document("b.txt", (text + "\n\n") * 10), ("ar",)).langs["ar"]
    assert once.words == ten.words  # one string: the vocabulary
    assert np.array_equal(ten.count, 10 * once.count)
    assert once.pairs.shape == ten.pairs.shape  # distinct neighbour pairs
    for ls in (once, ten):
        assert all(isinstance(a, np.ndarray) and a.dtype == np.int32 for a in (ls.count, ls.first, ls.pairs, ls.rej))
    assert len(ten.rej) == 10 * len(once.rej)  # rejected occurrences: the positions findings need
    # the old views are still there for callers: spelling -> count, occurrences with neighbour keys
    assert sum(once.counts.values()) == int(once.count.sum())
    assert all(len(occ) == 5 and text[occ[0] : occ[1]] for occ in once.rejected)


def test_a_file_without_arabic_script_imports_no_dictionary_or_morphology(tmp_path):
    """Start-up (issue 14, target 5): English text never loads hunspell, qalsadi,
    pyarabic or Arabic-Stopwords, and still gets the spelling rules that apply."""
    (tmp_path / "one.txt").write_text("Hello world. This is is a small English file.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from corpuslint.cli import main\n"
        "try:\n    main(['check', '--no-cache', '--select', 'S', '--exit-zero', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'hunspell', 'qalsadi', 'pyarabic', 'arabicstopwords'})\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "one.txt")], capture_output=True, text=True,
                         cwd=tmp_path, check=True).stdout
    assert "S104" in out  # the doubled "is is" is still reported
    assert "HEAVY []" in out


def test_known_misspelling_gate_covers_every_character_that_folds_to_ascii():
    """S105 skips its English scan when no character could match an ASCII entry; the
    characters that match an ASCII letter ignoring case must all open the gate."""
    import regex

    from corpuslint.families.spelling import KnownMisspelling

    gate = KnownMisspelling()._compile()[4]
    letter = regex.compile("[a-z]", regex.IGNORECASE)
    folding = [chr(cp) for cp in range(0x80, 0x30000) if letter.fullmatch(chr(cp))]
    assert folding and all(gate.search(c) for c in folding)
    assert gate.search("مرحبا بالعالم") is None
    texts = {"a.txt": "لاكن الوضع\n", "b.txt": "I recieve teh mail\n", "c.txt": "T\u212aEH ſtart\n"}
    rule = KnownMisspelling()
    found = {p: [t[f.start : f.end] for f in rule.check(Document(p, t))] for p, t in texts.items()}
    assert found["a.txt"] == ["لاكن"] and found["b.txt"] == ["recieve", "teh"]


def test_the_reduce_leaves_no_derived_views_on_the_states():
    """Each target's derived views (vocab lists, rejected tuples: ~9x its compact state)
    are dropped once the reduce is done with it (base.release_views), the findings stay
    the golden ones, and the views come back on demand."""
    seen: list = []

    def keep(path, state):
        seen.append(state)
        return state

    assert spelling_rows(corpus_texts(), keep) == golden()
    langs = [ls for state in seen if isinstance(state, analysis.DocState) for ls in state.langs.values()]
    assert langs and any(len(ls.rej) for ls in langs)
    assert all(not [k for k in ls.__dict__ if k.startswith("_")] for ls in langs)
    ls = next(ls for ls in langs if len(ls.rej))
    assert ls.rejected and ls.rejected[0][2] == ls.words.split(analysis._WORD_SEP)[int(ls.rej[0, analysis.R_WORD])]


def test_qalsadi_memo_dicts_are_emptied_and_the_analyses_do_not_change(monkeypatch):
    """backends._check_word empties qalsadi's per-word memo dicts (~40 KB a word) every
    MORPHOLOGY_MEMO_WORDS words (and libqutrub's conjugation memo, ~6 KB a word): the word
    classes and verb-only verdicts stay the same."""
    import re

    from corpuslint.families.spelling import backends

    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "news-ar").glob("*.txt")))
    words = list(dict.fromkeys(w for w in re.findall(r"\w+", text) if len(w) >= 4))[:120]
    assert len(words) == 120
    seen = {}
    for limit in (10**9, 10):
        monkeypatch.setattr(backends, "MORPHOLOGY_MEMO_WORDS", limit)
        b = backends.ArabicBackend()
        seen[limit] = [(b.word_classes(w), b._verb_only(w)) for w in words]
        memos = backends._memo_dicts(b._analex)
        sizes = sum(len(d) for d in memos)
        # (libqutrub's module-wide conjugation memo is one of them)
        assert any(d is m for d in sys.modules["libqutrub.classverb"].cache_standard.values() for m in memos)
        if limit == 10:
            assert sizes < unbounded / 5  # only the last few words' entries
        else:
            unbounded = sizes
    assert unbounded > 1000
    assert seen[10] == seen[10**9] and any(c for c, _v in seen[10])


def test_released_morphology_is_made_again_with_the_same_analyses():
    """``release_morphology`` (once the rules asking for it have reduced) drops qalsadi's
    analyser, the per-word memos and the modules of qalsadi and its dependencies; asked
    again, the answers are the same."""
    import re

    from corpuslint.families.spelling import backends

    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "news-ar").glob("*.txt")))
    words = list(dict.fromkeys(w for w in re.findall(r"\w+", text) if len(w) >= 4))[:40]
    words += ["الحققت", "الاستقاله"]  # (ال + a verb; a final ه for ة: pattern_slip explains both)
    b = backends.ArabicBackend()

    def answers():
        return [(b.word_classes(w), b._verb_only(w), b.pattern_slip(w), b.same_class(w, "الكتاب")) for w in words]

    before = answers()
    assert b._analex and b._morph and b._classes and any(pattern for _c, _v, pattern, _s in before)
    b.release_morphology()
    assert b._analex is None and not (b._morph or b._classes or b._types or b._flagged or b._part)
    # qalsadi and its own dependencies are unloaded with it (~17 MB of module tables), imported again on use
    assert not {m.partition(".")[0] for m in sys.modules} & set(backends.MORPHOLOGY_PACKAGES)
    assert answers() == before
    assert "qalsadi.analex" in sys.modules


def test_function_words_leave_arabic_stopwords_unloaded_unless_it_was_imported(tmp_path):
    """Memory (issue 14, target 1): Arabic-Stopwords' tables (~14 MB of RSS) are imported
    for the function words and forgotten again when nothing else had imported it (qalsadi
    imports it afresh for S101's morphology); imported before (qalsadi's), it stays. The
    function words are the same either way."""
    code = (
        "import sys\n"
        "from corpuslint.families.spelling import backends\n"
        "if sys.argv[1] == 'before':\n    import arabicstopwords.arabicstopwords\n"
        "fw = backends.ArabicBackend().function_words\n"
        "print('LOADED', 'arabicstopwords' in sys.modules, len(fw), hash(fw))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    outs = {how: subprocess.run([sys.executable, "-c", code, how], capture_output=True, text=True, cwd=tmp_path,
                                env=env, check=True).stdout.split() for how in ("fresh", "before")}
    assert outs["fresh"][1] == "False" and outs["before"][1] == "True"
    assert int(outs["fresh"][2]) > 9000  # the list's forms, not only the built-in ones
    assert outs["fresh"][2:] == outs["before"][2:]


def test_bound_dictionary_lookups_give_qalsadi_the_same_analyses():
    """backends._analyzer binds the word in arramooz's look-up query (compiled once, not
    once per word); every analysis of every word of the demo news must stay the same."""
    import qalsadi.analex
    import regex

    from corpuslint.families.spelling import backends

    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "news-ar").glob("*.txt"))[:2])
    words = sorted(set(regex.findall(r"\p{Arabic}+", text)))[:400]
    plain, bound = qalsadi.analex.Analex(), backends._analyzer()
    assert bound.nounstemmer.noun_dictionary.lookup.__qualname__.startswith("_bound_lookup")  # installed

    def analyses(analex, word):
        return [(str(r.get_type()), sorted(r.__dict__.items(), key=str)) for r in analex.check_word(word)]

    assert len(words) > 300
    assert [analyses(bound, w) for w in words] == [analyses(plain, w) for w in words]


def test_slimmed_analyser_gives_the_same_analyses_and_lets_the_stopword_tables_go():
    """Memory (issue 14, target 1): ``backends._slim`` frees what qalsadi's ``Analex``
    holds that no analysis reads (the stop-word affixer's lexicon, seven copies of one
    affix set, Arabic-Stopwords' tables of features: ~10 MB; tashaphyne's own stop-word
    table, of which its stemmers read the stems: ~2 MB). Every analysis of the demo
    news' words and of stop words with clitics stays the same, and so does ``light_tag``."""
    import regex

    from corpuslint.families.spelling import backends

    backends.unload_modules(backends.MORPHOLOGY_PACKAGES)  # (a fresh qalsadi: none slimmed yet)
    import qalsadi.analex

    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "news-ar").glob("*.txt"))[:2])
    words = sorted(set(regex.findall(r"\p{Arabic}+", text)))[:300]
    words += ["في", "لعلهم", "وإن", "فهذا", "ولكنها", "بعدما", "الذين", "الحققت", "ذهبو"]

    def analyses(analex, word):
        return ([(str(r.get_type()), sorted(r.__dict__.items(), key=str)) for r in analex.check_word(word)],
                analex.light_tag(word))

    plain = qalsadi.analex.Analex()
    assert qalsadi.analex.stopwords.__name__ == "arabicstopwords.arabicstopwords"
    before = [analyses(plain, w) for w in words]
    import tashaphyne.stemming

    tashaphyne_stops = tashaphyne.stemming.arabicstopwords  # (its own table: 10 k forms, eight fields each)
    forms = list(tashaphyne_stops.STOPWORDS) + words
    stems = [(tashaphyne_stops.is_stop(w), tashaphyne_stops.stop_stem(w), tashaphyne_stops.stop_root(w)) for w in forms]
    slim = backends._analyzer()
    assert isinstance(tashaphyne.stemming.arabicstopwords, backends._StopStems)
    assert "tashaphyne.stopwords" not in sys.modules and not tashaphyne_stops.STOPWORDS  # its table freed
    slim_stops = tashaphyne.stemming.arabicstopwords
    assert [(slim_stops.is_stop(w), slim_stops.stop_stem(w), slim_stops.stop_root(w)) for w in forms] == stems
    assert isinstance(qalsadi.analex.stopwords, backends._StopForms)
    assert not any(m.partition(".")[0] == "arabicstopwords" for m in sys.modules)  # its tables freed
    assert slim.stopwordsstemmer.generator.dictionary is None
    stemmers = [getattr(st, n) for st in (slim.nounstemmer, slim.verbstemmer, slim.unknownstemmer,
                                          slim.stopwordsstemmer) for n in ("comp_stemmer", "conj_stemmer")]
    assert len({id(s.valid_affixes_list) for s in stemmers}) == 1
    assert [analyses(slim, w) for w in words] == before
    assert any(analyses(slim, w)[0] and analyses(slim, w)[0][0][0].startswith("STOPWORD") for w in words)


def test_one_stemmer_verdicts_are_the_whole_analysis_verdicts():
    """has_class / fits_classes / same_class / _verb_only ask qalsadi's verb or noun stemmer alone
    first (a quarter / half of a whole analysis) and read the whole analysis only when
    that stemmer cannot decide: on the words of the demo news, and the same words with
    the article glued on (S101's flagged words: "الحققت"), every verdict is the one the
    whole analysis gives."""
    import regex

    from corpuslint.families.spelling import backends

    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "news-ar").glob("*.txt"))[:2])
    words = sorted(w for w in set(regex.findall(r"\p{Arabic}+", text)) if len(w) >= 3)[:150]
    words += ["ال" + w for w in words[:60] if not w.startswith("ال")] + ["الحققت", "الغى", "حققت", "تحقيق"]
    fast, whole = backends.ArabicBackend(), backends.ArabicBackend()
    noun = frozenset({"Noun"})

    def fast_verdicts(w):
        with fast._lock:
            verb_only = fast._verb_only(w)
        return fast.has_class(w, "Verb"), fast.has_class(w, "Noun"), fast.fits_classes(w, noun), verb_only

    def whole_verdicts(w):
        classes = whole.word_classes(w)
        types = whole._analyses(w)
        return ("Verb" in classes, "Noun" in classes, not classes or "Noun" in classes,
                bool(types) and all(t.startswith("Verb") for t in types))

    got = [fast_verdicts(w) for w in words]
    assert got == [whole_verdicts(w) for w in words]
    for i in range(4):  # both answers occur for each question
        assert {v[i] for v in got} == {True, False}, i
    # the one-stemmer answers decided most words: the whole analysis was read for few
    assert len(fast._types) < len(words) / 2 and len(whole._types) == len(set(words))
    # S101's part-of-speech test of a suggestion for a rejected word (base.slip_evidence)
    pairs = [(a, b) for a in words if a.startswith("ال") for b in words[::7]]
    same = [fast.same_class(a, b) for a, b in pairs]
    assert same == [not whole.flagged_classes(a) or not whole.word_classes(b)
                    or bool(whole.word_classes(b) & whole.flagged_classes(a)) for a, b in pairs]
    assert {True, False} <= set(same)


def test_rejected_occurrences_skipped_in_bulk_have_no_slip_evidence():
    """S101 and S102 skip, per distinct word of a document (``base.possible_rows``), the
    rejected occurrences whose key the corpus has more than ``max-count`` times and whose
    spelling has no morphology explanation: on the real-text fixtures (Arabic handbook
    and news, Persian and Urdu UDHR) the rows kept are exactly the others, and
    ``slip_evidence`` (the slow definition) finds nothing for any row skipped."""
    from corpuslint.families.spelling import Slip, base

    texts = corpus_texts()
    docs = {p: Document(p, t) for p, t in texts.items()}
    rule = Slip()
    states = {p: rule.collect(d) for p, d in docs.items()}
    merged = analysis.merge(states, rule.project.languages)
    skipped = kept = 0
    for max_count in (1, 2):
        for path, state in states.items():
            for lang, ls in state.langs.items():
                lc = merged.langs[lang]
                rows = set(base.possible_rows(lc, ls, max_count, True).tolist())
                plain = set(base.possible_rows(lc, ls, max_count, False).tolist())
                # read by key id (what ``unlisted_rejections`` asks): the same rows
                kid = base.local_key_ids(lc, ls, path)
                assert kid is not None
                assert base.possible_rows(lc, ls, max_count, True, key_ids=kid).tolist() == sorted(rows)
                assert base.possible_rows(lc, ls, max_count, False, key_ids=kid).tolist() == sorted(plain)
                assert [lc.keys[k] for k in kid.tolist()] == [lc.backend.key(w) for w in ls.vocab]
                doc_keys = base.doc_key_counts(lc, ls, path)
                for i, occ in enumerate(ls.rejected):
                    seen = lc.key_count.get(lc.backend.key(occ[2]), 0)
                    assert (i in plain) == (seen <= max_count)
                    assert (i in rows) == (seen <= max_count or bool(ls.pattern.get(occ[2])))
                    if i in rows:
                        kept += 1
                        continue
                    skipped += 1
                    assert base.slip_evidence(
                        lc, ls, occ, max_count=max_count, min_candidate_count=2, doc_keys=doc_keys
                    ) is None
    analysis.forget_merged()
    assert skipped > 100 and kept > 20


def test_document_word_ids_kept_by_the_merge_are_the_looked_up_ones():
    """When the corpus is summed from the states in the reduce, each document's corpus
    word ids (``LangCorpus.doc_words``) are read from the per-document ids the merge kept
    (``analysis._LangSum``, remapped to corpus ids in the smallest dtype that holds them):
    the same ids as looking every word up by string."""
    merged, documents = merged_documents()
    checked = 0
    for lc, path, ls in documents:
        own = lc.doc_words.packed.find(path)  # (``_LangSum``: every document's ids in one array)
        assert own is not None and len(own) == len(ls.count)
        assert own.dtype == (np.uint16 if len(lc.words) <= 1 << 16 else np.int32)
        # (found by bisection in the sorted paths: a path between two, before or after all, holds none)
        assert lc.doc_words.packed.find(path + "\x00") is None and lc.doc_words.packed.find("") is None
        assert lc.doc_words.packed.find("\U0010ffff") is None
        want = np.fromiter(map(lc.word_id.__getitem__, ls.words.split("\n")), np.int64, len(ls.count))
        got = lc.doc_words.get(path)
        assert got.dtype == np.int64 and np.array_equal(got, want)
        assert [lc.words[i] for i in got.tolist()] == ls.vocab
        checked += 1
    analysis.forget_merged()
    assert checked >= 10 and len(merged.langs) >= 2


def merged_documents():
    """The fixtures' states merged by S101 (``analysis.merge``), and (LangCorpus, path,
    LangState) for every document with words in each language."""
    texts = corpus_texts()
    rule = RULES[0]()
    states = {p: rule.collect(Document(p, t)) for p, t in texts.items()}
    merged = analysis.merge(states, rule.project.languages)
    documents = [(lc, path, state.langs[lang]) for lang, lc in merged.langs.items()
                 for path, state in states.items() if lang in state.langs and len(state.langs[lang].count)]
    return merged, documents


def test_small_dictionary_tables_read_once_give_the_rows_sqlite_gives():
    """qalsadi's custom noun and verb dictionaries (a handful of rows, asked once per
    analysis) are read into memory once (backends._small_table): for each of their
    words and for words they lack, the rows are the ones the bound SQL query returns."""
    from corpuslint.families.spelling import backends

    analex = backends._analyzer()
    checked = 0
    for stemmer, name in ((analex.nounstemmer, "custom_noun_dictionary"), (analex.verbstemmer, "custom_verb_dictionary")):
        d = getattr(stemmer, name)
        sql = f"select * FROM {d.table_name} WHERE normalized=?"
        words = [r[0] for r in d.cursor.execute(f"select normalized FROM {d.table_name}")] + ["كتاب", "ذهب", "مال"]
        for w in words:
            assert [tuple(r) for r in d.lookup(w)] == [tuple(r) for r in d.cursor.execute(sql, (w,))]
            checked += 1
        assert backends._small_table(d, sql) is not None
    big = analex.nounstemmer.noun_dictionary
    assert backends._small_table(big, f"select * FROM {big.table_name} WHERE normalized=?") is None
    assert checked >= 6


def test_document_key_table_reads_as_the_key_counter():
    """S101's per-document key counts (base.doc_key_table: one bincount over corpus key
    ids) answer ``get`` as the Counter of base.doc_key_counts does, for the document's
    keys, other corpus keys and strings that are no key."""
    from corpuslint.families.spelling import base

    _merged, documents = merged_documents()
    asked = 0
    for lc, path, ls in documents:
        slow, fast = base.doc_key_counts(lc, ls, path), base.doc_key_table(lc, ls, path)
        assert isinstance(fast, base.KeyCounts)
        for key in list(slow) + lc.keys[::50] + ["", "no such key", "\x1f"]:
            assert fast.get(key, 0) == slow.get(key, 0) and fast.get(key) == slow.get(key)
            asked += 1
    analysis.forget_merged()
    assert asked > 1000


def test_corpus_wide_vkeys_and_variant_flags_read_as_the_per_word_ones():
    """S103 folds a corpus's keys in one translation (``Backend.vkeys``) and flags its
    variant-prone words without a Python call per word (``variant_prone_flags``): the same
    values as ``vkey`` and ``is_variant_prone`` word by word, on the real Arabic, Persian
    and Urdu texts (a key with a line break falls back to the per-word fold)."""
    from corpuslint.families.spelling import backends

    texts = corpus_texts()
    for backend in (backends.ArabicBackend(), backends.PersianBackend(), backends.UrduBackend()):
        cleans = sorted({backend.clean(t) for text in texts.values() for t in text.split() if t.strip()})
        keys = sorted({backend.key(c) for c in cleans if c})
        assert len(keys) > 1000
        assert backend.vkeys(keys) == [backend.vkey(k) for k in keys]
        assert backend.vkeys(keys[:3] + ["غرب\nقرب"]) == [backend.vkey(k) for k in keys[:3] + ["غرب\nقرب"]]
        assert backend.vkeys([]) == []
        flags = list(backend.variant_prone_flags(cleans))
        assert flags == [backend.is_variant_prone(c) for c in cleans]
        assert any(flags) == isinstance(backend, backends.ArabicBackend)


def test_findings_identical_with_the_map_memos_emptied_before_the_reduce():
    """``SpellingCorpusRule.mapped`` (the map is over) empties the per-word memos the map
    filled for every distinct token (key/form/light_stem lru caches, hunspell verdicts):
    the reduces compute again what they ask, with the same findings."""
    from corpuslint.families.spelling.backends import ArabicBackend, get_backend
    from corpuslint.text import normalize

    emptied = []

    def after_map(path, state):
        if path == last:  # (every document mapped: what the engine does before the reduces)
            RULES[0]().mapped()
            emptied.append((ArabicBackend.key.cache_info().currsize, normalize.light_stem.cache_info().currsize,
                            len(get_backend("ar")._known)))
        return state

    texts = corpus_texts()
    last = list(texts)[-1]
    assert spelling_rows(texts, after_map) == golden()
    assert emptied and all(sizes == (0, 0, 0) for sizes in emptied)
