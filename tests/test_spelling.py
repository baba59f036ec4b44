"""Spelling family (S1xx) on the seed corpus and real snippets: each signal alone, lists, fixes."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.document import Document
from corpuslint.engine import apply_fixes
from corpuslint.findings import Applicability, Severity
from corpuslint.families import spelling
from corpuslint.families.spelling import (
    KnownMisspelling,
    RepeatedWord,
    Slip,
    TransliterationInconsistency,
    UnknownWord,
    get_backend,
    parse_corrections,
    project,
)
from corpuslint.families.spelling.analysis import DocState, analyse
from corpuslint.rules import CorpusRule, CorpusView

from .conftest import ROOT, SAMPLES, seed, seed_line


@pytest.fixture(autouse=True)
def _reset_project():
    project.configure({})
    yield
    project.configure({})


def run_rule(rule, texts: dict[str, str]):
    docs = {p: Document(p, t) for p, t in texts.items()}
    if isinstance(rule, CorpusRule):
        states = {p: rule.collect(d) for p, d in docs.items()}
        return list(rule.reduce(CorpusView(states, set(docs), docs)))
    return [f for d in docs.values() for f in rule.check(d)]


def seeds() -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}


def word_at(texts, f) -> str:
    return texts[f.path][f.start : f.end]


# -- S101 slip on the seeds ---------------------------------------------------------


def test_seed_slips_are_exactly_the_real_ones():
    texts = seeds()
    found = run_rule(Slip(), texts)
    got = sorted((f.path, f.line, word_at(texts, f)) for f in found)
    # 000 l.1 "النتائج الحققت" (ال + verb), 003 l.7 "كيم جوج أون", 002 l.19 "بيونج يونج" (for يانج).
    assert got == [("000", 1, "الحققت"), ("002", 19, "يونج"), ("003", 7, "جوج")]
    assert "النتائج الحققت" in seed_line("000", 1)
    assert "كيم جوج أون" in seed_line("003", 7)
    assert "بيونج يونج" in seed_line("002", 19)
    assert all(f.severity is Severity.ERROR and f.family == "spelling" and f.rule == "slip" for f in found)


def test_seed_slip_messages_name_evidence_and_suggestions():
    texts = seeds()
    by_word = {word_at(texts, f): f for f in run_rule(Slip(), texts)}
    jooj = by_word["جوج"]
    assert "'جونغ'" in jooj.message and "'جونج'" in jooj.message and "أون" in jooj.message
    assert jooj.fix is not None and jooj.fix.applicability is Applicability.UNSAFE
    assert jooj.fix.edits[0].replacement in ("جونغ", "جونج")
    alverb = by_word["الحققت"]
    assert "حققت" in alverb.message and "verb" in alverb.message and "التي حققت" in alverb.message
    assert alverb.fix is None  # المحققة or التي حققت: a human decides
    assert "'يانج'" in by_word["يونج"].message


def test_names_and_regional_spellings_are_not_slips():
    texts = seeds()
    flagged = {word_at(texts, f) for f in run_rule(Slip(), texts)}
    backend = get_backend("ar")
    # The dictionary rejects these names and Egyptian spellings, but none is a slip.
    for word in ("شويغو", "شويجو", "ترامب", "خاركيف", "يانغ", "جونغ", "سيئول", "الكورى"):
        assert not backend.known(word) or word == "الكورى"
        assert word not in flagged
    assert backend.known("فى") and backend.known("التى")  # final ى retried as ي


# -- each signal on its own ---------------------------------------------------------

CONTEXT_CORPUS = {
    "a.txt": "التقى الزعيم كيم جونغ أون بالوفد الروسي.\n",
    "b.txt": "وقال كيم جونغ أون إن بلاده مستعدة.\n",
    "c.txt": "أقدم الزعيم الكوري الشمالي كيم جوج أون على التحرك.\n",
}


def test_context_signal_alone():
    found = run_rule(Slip(), CONTEXT_CORPUS)
    assert [(f.path, word_at(CONTEXT_CORPUS, f)) for f in found] == [("c.txt", "جوج")]
    assert found[0].fix.edits[0].replacement == "جونغ"


def test_context_signal_needs_a_shared_neighbour():
    texts = dict(CONTEXT_CORPUS, **{"c.txt": "وصل جوج إلى المدينة صباحا.\n"})
    assert run_rule(Slip(), texts) == []


def test_context_signal_needs_a_rare_word():
    # Seen twice in the corpus: a recurring spelling, not a one-off slip.
    texts = dict(CONTEXT_CORPUS, **{"d.txt": "ثم تحدث كيم جوج أون مجددا.\n"})
    assert run_rule(Slip(), texts) == []


def test_context_signal_needs_the_dictionary_to_reject():
    # "المدينة" once next to "إلى", "المدينه" ... the one-off word must be unknown to the dictionary.
    texts = {
        "a.txt": "ذهب الوفد إلى القاهرة أمس.\n",
        "b.txt": "عاد الوفد إلى القاهرة اليوم.\n",
        "c.txt": "سافر الوفد إلى الظاهرة غدا.\n",  # الظاهرة: a real word one letter away
    }
    assert run_rule(Slip(), texts) == []


def test_morphology_signal_alone():
    text = "وعبر كيم عن رضاه عن النتائج الحققت في الصناعات الدفاعية.\n"
    found = run_rule(Slip(), {"x.txt": text})
    assert [word_at({"x.txt": text}, f) for f in found] == ["الحققت"]
    clean = "وعبر كيم عن رضاه عن النتائج المحققة في الصناعات الدفاعية.\n"
    assert run_rule(Slip(), {"x.txt": clean}) == []


def test_transliteration_variants_are_not_slips():
    texts = {"a.txt": "زار كيم جونغ أون موسكو.\n", "b.txt": "وصل كيم جونغ أون ثم غادر كيم جونج أون.\n"}
    assert run_rule(Slip(), texts) == []


# -- S103 transliteration-inconsistency ----------------------------------------------


def test_seed_transliteration_inconsistency():
    texts = seeds()
    found = run_rule(TransliterationInconsistency(), texts)
    got = {(f.path, f.line, word_at(texts, f), f.severity) for f in found}
    assert ("001", 5, "شويغو", Severity.WARNING) in got  # vs شويجو l.9 and وشويجو l.13
    assert ("001", 9, "سيرجي", Severity.WARNING) in got  # vs سيرغي l.5
    assert ("002", 15, "سيئول", Severity.WARNING) in got  # vs سيول l.37 (and 001)
    assert ("002", 17, "بيونج", Severity.INFO) in got  # the rest of the corpus writes بيونغ
    assert ("002", 17, "يانج", Severity.INFO) in got
    shoigu = next(f for f in found if word_at(texts, f) == "شويغو")
    assert [(r.path, r.line) for r in shoigu.related] == [("001", 9)]
    assert "شويجو" in shoigu.message
    assert "شويجو" in seed_line("001", 9) and "وشويجو" in seed_line("001", 13) and "سيرغي شويغو" in seed_line("001", 5)
    # Cross-corpus findings are reported once per file, not on every occurrence.
    assert sum(1 for f in found if f.path == "002" and word_at(texts, f) == "بيونج") == 1
    # Native words are never grouped: every finding is a name.
    assert {word_at(texts, f) for f in found} <= {"شويغو", "سيرجي", "سيئول", "بيونج", "يانج", "جونج"}


def test_transliteration_consistent_text_is_clean():
    texts = {"a.txt": "زار كيم جونغ أون بيونغ يانغ.\n", "b.txt": "قال كيم جونغ أون في بيونغ يانغ.\n"}
    assert run_rule(TransliterationInconsistency(), texts) == []


def test_transliteration_native_word_pairs_are_not_grouped():
    # قلب / كلب and غاز / جاز differ only in ق/ك, غ/ج but are ordinary dictionary words.
    text = "أصاب الكلب القلب. ارتفع سعر الغاز وقد يجوز ذلك.\n"
    assert run_rule(TransliterationInconsistency(), {"a.txt": text}) == []


def test_transliteration_cross_document_can_be_turned_off():
    texts = seeds()
    rule = TransliterationInconsistency(options={"cross-document-severity": "off"})
    assert all(f.severity is Severity.WARNING for f in run_rule(rule, texts))


# -- S102 unknown-word, allowlist, accept / reject ------------------------------------


def test_unknown_word_reports_dictionary_rejects_without_evidence():
    texts = {"a.txt": "قال المتحدث ديمتري بيسكوف للصحفيين إن الوضع هادئ.\n"}
    words = [word_at(texts, f) for f in run_rule(UnknownWord(), texts)]
    assert words == ["ديمتري", "بيسكوف"]
    assert not UnknownWord.default_enabled and UnknownWord.default_severity is Severity.INFO


def test_unknown_word_on_clean_text():
    texts = {"a.txt": "قالت الحكومة إن الاقتصاد يتحسن هذا العام.\n"}
    assert run_rule(UnknownWord(), texts) == []


def test_allowlist_file_silences_unknown_words(tmp_path):
    (tmp_path / "words.txt").write_text("# names\nديمتري\nبيسكوف  # Kremlin spokesman\n", encoding="utf-8")
    project.configure({"allowlist-file": "words.txt"})
    texts = {"a.txt": "قال ديمتري بيسكوف إن وبيسكوف لم يعلق.\n"}
    assert run_rule(UnknownWord(root=str(tmp_path)), texts) == []


def test_words_learned_from_the_corpus_are_not_unknown():
    texts = {f"{i}.txt": "التقى بيسكوف بالصحفيين.\n" for i in range(3)}
    assert run_rule(UnknownWord(), texts) == []
    assert len(run_rule(UnknownWord(options={"learn-frequency": 0}), texts)) == 3


def test_accept_list_silences_slips_and_inconsistency():
    project.configure({"accept": ["جوج", "شويغو"]})
    texts = seeds()
    assert "جوج" not in {word_at(texts, f) for f in run_rule(Slip(), texts)}
    assert "شويغو" not in {word_at(texts, f) for f in run_rule(TransliterationInconsistency(), texts)}


def test_accept_list_of_a_later_rule_on_the_same_merged_corpus():
    # the merged corpus (and S103's per-word table on it) is reused by the next run over
    # the same states: a rule with another accept list must not see the first one's verdicts
    texts = seeds()
    plain = {word_at(texts, f) for f in run_rule(TransliterationInconsistency(), texts)}
    project.configure({"accept": ["شويغو"]})
    accepting = {word_at(texts, f) for f in run_rule(TransliterationInconsistency(), texts)}
    project.configure({})
    again = {word_at(texts, f) for f in run_rule(TransliterationInconsistency(), texts)}
    assert "شويغو" in plain and "شويغو" not in accepting and again == plain


def test_reject_list_is_always_reported():
    project.configure({"reject": ["الدكتاتورين"]})
    texts = {"a.txt": "وسط تعميق العلاقات بين الدكتاتورين.\n"}
    found = run_rule(KnownMisspelling(), texts)
    assert [word_at(texts, f) for f in found] == ["الدكتاتورين"] and found[0].fix is None
    assert "reject" in found[0].message


def test_project_section_is_validated():
    with pytest.raises(Exception, match="accept"):
        project.configure({"languages": ["ar"], "accept": [1]})
    with pytest.raises(Exception, match="languages"):
        project.configure({"languages": ["tlh"]})


# -- S104 repeated-word ---------------------------------------------------------------


def test_repeated_word_and_fix_round_trip():
    text = "وأطلقت كوريا الشمالية في في أكتوبر صاروخا.\nThe the report.\n"
    doc = Document("x.txt", text)
    found = list(RepeatedWord().check(doc))
    assert [(f.line, text[f.start : f.end]) for f in found] == [(1, "في في"), (2, "The the")]
    assert all(f.fix.applicability is Applicability.UNSAFE for f in found)
    assert apply_fixes(text, found, unsafe=False) == (text, 0)  # unsafe: not applied by --fix
    fixed, _ = apply_fixes(text, found, unsafe=True)
    assert fixed == "وأطلقت كوريا الشمالية في أكتوبر صاروخا.\nThe report.\n"


def test_repeated_word_negatives():
    text = "تقدم الجيش رويداً رويداً وكان الأمر مهماً جداً جداً.\nفي\nفي السياق. لا، لا.\nA A\n"
    assert list(RepeatedWord().check(Document("x.txt", text))) == []
    assert all(list(RepeatedWord().check(Document(p.name, p.read_text(encoding="utf-8")))) == []
               for p in SAMPLES.glob("*.txt"))


# -- S105 known-misspelling (corrections dictionary) -----------------------------------


def test_parse_codespell_format():
    table = parse_corrections("# c\nهاذا->هذا\nwich->which, witch,\nclas->class, disabled for names\n\n")
    assert table["هاذا"].choices == ("هذا",) and table["هاذا"].fixable
    assert table["wich"].choices == ("which", "witch") and not table["wich"].fixable
    assert table["clas"].reason == "disabled for names" and not table["clas"].fixable
    with pytest.raises(ValueError):
        parse_corrections("no arrow here")


def test_builtin_corrections_with_clitics_and_case():
    text = "ولاكن الإستخدام كان محدودا، وذالك واضح. Teh report.\n"
    doc = Document("x.txt", text)
    found = list(KnownMisspelling().check(doc))
    got = [(text[f.start : f.end], f.fix.edits[0].replacement) for f in found]
    assert sorted(got) == sorted([("لاكن", "لكن"), ("إستخدام", "استخدام"), ("ذالك", "ذلك"), ("Teh", "The")])
    # rewriting a word is unsafe (safe fixes never rewrite words): only --unsafe-fixes applies it
    assert all(f.fix.applicability is Applicability.UNSAFE for f in found)
    assert apply_fixes(text, found, unsafe=False) == (text, 0)
    fixed, count = apply_fixes(text, found, unsafe=True)
    assert count == 4 and fixed == "ولكن الاستخدام كان محدودا، وذلك واضح. The report.\n"


def test_user_corrections_file(tmp_path):
    (tmp_path / "fixes.txt").write_text("بيونج->بيونغ\nيانج->يانغ, ينج,\n", encoding="utf-8")
    project.configure({"corrections-file": "fixes.txt"})
    text = seed("002").read_text(encoding="utf-8")
    found = list(KnownMisspelling(root=str(tmp_path)).check(Document("002.txt", text)))
    pyong = [f for f in found if text[f.start : f.end] == "بيونج"]
    yang = [f for f in found if text[f.start : f.end] == "يانج"]
    assert len(pyong) == 5 and all(f.fix and f.fix.applicability is Applicability.UNSAFE for f in pyong)
    assert len(yang) == 4 and all(f.fix is None and "'يانغ' or 'ينج'" in f.message for f in yang)
    # builtin = false: only the user's list
    rule = KnownMisspelling(options={"builtin": False}, root=str(tmp_path))
    assert list(rule.check(Document("y.txt", "لاكن هاذا\n"))) == []


def test_known_misspelling_clean_seeds():
    for p in SAMPLES.glob("*.txt"):
        assert list(KnownMisspelling().check(Document(p.name, p.read_text(encoding="utf-8")))) == []


# -- back-ends, state, docs ------------------------------------------------------------


def test_english_backend_plugs_in():
    project.configure({"languages": ["ar", "en"]})
    texts = {
        "a.txt": "The government said on Monday that talks continue.\n",
        "b.txt": "The government said the vote was delayed.\n",
        "c.txt": "The govermnent said nothing more. قال كيم جوج أون\n",
    }
    found = run_rule(Slip(), texts)
    assert [(f.path, word_at(texts, f)) for f in found] == [("c.txt", "govermnent")]
    assert "'government'" in found[0].message
    en = get_backend("en")
    assert en.known("NATO") and en.known("Transparency") and not en.known("recieve")


def test_backend_interface_and_registry():
    b = get_backend("ar")
    assert b.clean("جُونْغ") == "جونغ"
    assert b.key("وسيئول") == b.key("سيول") and b.form("سيئول") != b.form("سيول")
    assert b.vkey(b.key("بيونغ")) == b.vkey(b.key("بيونج"))
    assert b.split_prefix("وجوج") == ("و", "جوج")
    with pytest.raises(spelling.BackendUnavailable):
        get_backend("xx")


def test_state_is_picklable_and_cached():
    doc = Document("003.txt", seed("003").read_text(encoding="utf-8"))
    state = analyse(doc, ("ar",))
    assert isinstance(state, DocState) and analyse(doc, ("ar",)) is state
    again = pickle.loads(pickle.dumps(state))
    assert again.langs["ar"].counts == state.langs["ar"].counts
    assert any(o[2] == "جوج" and o[3] == "كيم" for o in again.langs["ar"].rejected)


def test_rule_metadata_and_docs():
    codes = {r.code: r for r in spelling.RULES}
    assert sorted(codes) == ["S101", "S102", "S103", "S104", "S105", "S106"]
    for rule in spelling.RULES:
        rule.validate_class()
        assert rule.family == "spelling"
        doc = rule.doc()
        for section in ("What:", "Why:", "Example:", "Fix safety:"):
            assert any(line.startswith(section) for line in doc.splitlines()), (rule.code, section)
    assert "accept" in Slip.doc() and "reject" in KnownMisspelling.doc()


def test_missing_dictionary_disables_only_that_language(capsys):
    from corpuslint.families.spelling import backends

    class Missing(spelling.Backend):
        name = "zz"
        dictionary = ("zz_ZZ", ("no_such_package",))

    spelling.register_backend("zz", Missing)
    try:
        project.configure({"languages": ["ar", "zz"]})
        found = run_rule(Slip(), CONTEXT_CORPUS)
        assert [word_at(CONTEXT_CORPUS, f) for f in found] == ["جوج"]
        assert "spelling (zz) disabled" in capsys.readouterr().err
    finally:
        backends._FACTORIES.pop("zz", None)
        backends._INSTANCES.pop("zz", None)


def test_other_plugins_feed_the_word_lists():
    from corpuslint.families.spelling.project import _extra

    try:
        spelling.add_project_words("custom-rules", accept=["جوج"], reject=["الدكتاتورين"])
        spelling.add_project_words("custom-rules", accept=["جوج"], reject=["الدكتاتورين"])  # replaces
        rule = Slip()
        assert rule.spelling_section["accept"] == ["جوج"]
        assert run_rule(rule, CONTEXT_CORPUS) == []
        text = {"a.txt": "بين الدكتاتورين.\n"}
        assert len(run_rule(KnownMisspelling(), text)) == 1
    finally:
        _extra.pop("custom-rules", None)


def test_suggestion_keeps_the_surface_form_one_edit_away():
    # "ال" lost its lam: the suggestion is the corpus spelling one edit away, المزاعم.
    texts = {
        "a.txt": "ووصفت روسيا مرارا المزاعم بأنها سخيفة.\n",
        "b.txt": "ونفت موسكو المزاعم بأنها تستخدم أسلحة كورية.\n",
        "c.txt": "ووصفت روسيا مرارا امزاعم بأنها سخيفة.\n",
    }
    (finding,) = run_rule(Slip(), texts)
    assert word_at(texts, finding) == "امزاعم"
    assert finding.fix.edits[0].replacement == "المزاعم"


def test_short_candidates_and_unseen_suggestions_are_not_evidence():
    texts = {
        # "آند" (and) is one letter from the frequent "أن", next to "أم" both times: not a slip.
        "a.txt": "لا ندري أم أن الأمر انتهى. ولا نعرف أم أن الوفد عاد.\n",
        "b.txt": "جزيرة إم آند إم\n",
        # "بالكاد" (barely; unknown to the dictionary) is one letter from "كان", but the
        # would-be correction "بالكان" never occurs in the corpus.
        "c.txt": "قيل إن الإنترنت كان بطيئا. وفي القرية الإنترنت كان متاحا.\n",
        "d.txt": "المحتوى العربي على الإنترنت بالكاد يمثل نسبة هزيلة.\n",
    }
    assert run_rule(Slip(), texts) == []


def test_s105_arabic_entries_are_matched_where_they_occur_as_the_whole_text_scan_matches():
    """S105 tries its Arabic pattern only at the occurrences of an entry (str.find) and
    up to a clitic prefix before them: on texts made of entries, prefixes, their pieces,
    spaces, marks and line breaks, the same matches (span, word, prefix) as one
    ``finditer`` over the whole text."""
    import random

    from corpuslint.families.spelling import corrections

    table, ar_re, _other, keys, _gate = KnownMisspelling()._compile()
    assert len(keys) > 10
    # every Arabic entry, also those _entry_starts does not look for (an entry that starts
    # with another one: إتفاقية after إتفاق)
    entries = sorted({k.split("@", 1)[0] for k in table if corrections._ARABIC_RE.search(k)})
    assert set(keys) < set(entries)
    pieces = entries + ["و", "ال", "وال", "لل", "ب", " ", "\n", "كتب", "_", "3", "\u064e", "الله", "انشاء", "ا"]
    rng = random.Random(14)
    seen = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8)))
        whole = [(m.span(), m.group("w"), m.group("pre")) for m in ar_re.finditer(text)]
        at = corrections._entry_starts(text, keys)
        assert [(m.span(), m.group("w"), m.group("pre")) for m in corrections._matches_at(ar_re, text, at)] == whole
        seen += len(whole)
    assert seen > 1000


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=6), st.data())
def test_transliteration_cross_document_majority_is_the_max_rule(counts, data):
    """S103's corpus-wide majority (transliteration._most_frequent, cached per group)
    reports a document's only spelling f exactly when max(forms, key=(count, form == f))
    is another, more frequent spelling, and names the same one."""
    from corpuslint.families.spelling.transliteration import _Group, _most_frequent

    group = _Group()
    for k, n in enumerate(counts):
        group.forms[f"f{k}"] = [n, None, ""]
    f = data.draw(st.sampled_from(sorted(group.forms)))
    best = max(group.forms, key=lambda g: (group.forms[g][0], g == f))
    reported = best != f and group.forms[best][0] > group.forms[f][0]
    assert (group.forms[_most_frequent(group)][0] > group.forms[f][0]) == reported
    if reported:
        assert _most_frequent(group) == best


# -- S104's line pre-filter (repeated.repeat_lines) ---------------------------------------
_REPEAT_ALPHABET = st.sampled_from(
    list("ab AB") + ["في", "ال", "\u064e", "\u0651", "ـ", " ", "  ", "\t", "\u00a0", "\u202f", "\n", "\r\n", ",", ".",
                     "-", "'", "1", "_", "İ", "ı", "I", "i", "ſ", "s", "S", "ς", "σ", "Σ", "µ", "μ", "\u0345", "ι",
                     "ß", "ẞ", "😀", "\u200c", "\udc80"])


def _repeat_spans(matches):
    return [(m.span(), m.group("w"), m.group("gap")) for m in matches]


@settings(max_examples=600, deadline=None)
@given(st.lists(_REPEAT_ALPHABET, max_size=40).map("".join))
def test_repeat_prefilter_finds_every_match(text):
    """S104 runs its pattern only on the lines repeat_lines names: the same matches as
    one scan of the whole text (case classes such as İ/i/I/ı, ſ/s, ς/σ/Σ included)."""
    from corpuslint.families.spelling import repeated

    want = _repeat_spans(repeated._REPEAT_RE.finditer(text, overlapped=False))
    assert _repeat_spans(repeated.repeat_matches(text)) == want  # (short: scanned)
    chunk, scan = repeated._CHUNK_CHARS, repeated._SCAN_MAX_CHARS
    repeated._SCAN_MAX_CHARS = 0  # the run starts, as for a long text
    try:
        assert _repeat_spans(repeated.repeat_matches(text)) == want
        repeated._CHUNK_CHARS = 5  # a long text is read in pieces of whole lines
        assert _repeat_spans(repeated.repeat_matches(text)) == want
    finally:
        repeated._CHUNK_CHARS, repeated._SCAN_MAX_CHARS = chunk, scan


def test_repeat_prefilter_on_real_text():
    from corpuslint.families.spelling.repeated import _REPEAT_RE, repeat_matches

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "realtext").glob("*.*"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.rglob("*.txt"))]
    found = 0
    for text in texts:
        want = _repeat_spans(_REPEAT_RE.finditer(text, overlapped=False))
        assert _repeat_spans(repeat_matches(text)) == want
        found += len(want)
    assert found >= 5


def test_repeat_matches_without_regex_case_lists_scan_the_whole_text(monkeypatch):
    # a regex release without its private case lists: S104 falls back to one scan
    from corpuslint.families.spelling import repeated

    text = sorted(SAMPLES.rglob("*.txt"))[0].read_text(encoding="utf-8") + "\nthe the report, İi and ıI\n"
    want = _repeat_spans(repeated.repeat_matches(text))
    monkeypatch.setattr(repeated, "_get_all_cases", None)
    assert _repeat_spans(repeated.repeat_matches(text)) == want
    assert any(w.lower() == "the" for _span, w, _gap in want)


def test_repeat_prefilter_case_lists_are_symmetric():
    # repeat_lines follows regex's IGNORECASE case lists from a character; that reaches
    # every character regex equates with it only if the lists are symmetric
    import regex
    from regex._regex import get_all_cases

    for c in range(0x110000):
        for d in get_all_cases(regex.IGNORECASE, c):
            assert c in get_all_cases(regex.IGNORECASE, d), (hex(c), hex(d))
