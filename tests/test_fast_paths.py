"""Fast paths of the map step against the definitions they replace (issue 14, target 2).

Each test computes the slow definition next to the fast path, on generated input
(hypothesis) or real text, and asserts the same answer."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.families.artifact.boilerplate import Matcher, builtin_matcher


def _match_by_regex(m: Matcher, normalized: str):
    """``Matcher.match`` as defined: the exact table, then the start and contains
    alternations searched in the whole line (no first-word pre-filter)."""
    entry = m.exact.get(normalized)
    if entry is not None:
        return entry, normalized
    n_words = normalized.count(" ") + 1
    if n_words > m.max_words:
        return None
    return m.search_partial(normalized, n_words)


_MATCHER = builtin_matcher()
_PHRASE_WORDS = sorted({w for p in _MATCHER.exact for w in p.split(" ")})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PHRASE_WORDS), st.sampled_from(sorted(_MATCHER.partial)),
                          st.text(alphabet="abأبت ", min_size=1, max_size=6)), max_size=45))
def test_boilerplate_first_word_prefilter_keeps_every_match(parts):
    # lines made of catalogue words and phrases (so that phrases do occur, at the start,
    # inside, glued to other words) and other words; normalised as A103 normalises lines
    from corpuslint.text.normalize import normalize_line

    line = normalize_line(" ".join(parts))
    assert _MATCHER.match(line) == _match_by_regex(_MATCHER, line)


def test_boilerplate_prefilter_on_catalogue_lines():
    # every catalogue phrase alone, opening and inside a longer line is still found
    for phrase in _MATCHER.partial:
        for line in (phrase, phrase + " ما بعد", "قبل " + phrase, "قبل " + phrase + " بعد", "x" + phrase):
            assert _MATCHER.match(line) == _match_by_regex(_MATCHER, line)


_WORDS = st.lists(st.sampled_from(["a", "bb", "ccc", "في", "من", "الشمالية", "x" * 9]), min_size=4, max_size=60)


@settings(max_examples=300, deadline=None)
@given(_WORDS)
def test_q103_bound_holds_for_every_ngram(words):
    # the bound Q103 skips an n by: (letters + n - 1) * count <= n * _most_covered for every n-gram
    from collections import Counter

    import numpy as np
    from corpuslint_quality.rules import _most_covered, _word_ids

    most = _most_covered(_word_ids(words), np.array([len(w) for w in words], dtype=np.int64))
    for n in (2, 3, 4):
        grams = Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
        for gram, count in grams.items():
            assert (sum(map(len, gram)) + n - 1) * count <= n * most


@settings(max_examples=200, deadline=None)
@given(_WORDS, st.integers(0, 3))
def test_q103_same_finding_without_the_bound(words, lines):
    # stuffed and ordinary texts: the rule reports the same with the bound as when it never skips
    import corpuslint_quality.rules as Q

    from corpuslint.document import Document

    text = "\n".join(" ".join(words[k::lines + 1]) for k in range(lines + 1)) + "\n"
    rule = Q.RepeatedNgram()
    fast = rule.measure(Document("t.txt", text))
    saved = Q._most_covered
    Q._most_covered = lambda ids, lengths: len(text)  # n * len(text) / len(text) > every limit
    try:
        slow = rule.measure(Document("t.txt", text))
    finally:
        Q._most_covered = saved
    assert fast == slow


def test_q103_bound_on_real_text():
    # a real-text document of each script where Q103 does not fire, and one stuffed copy where it does
    from pathlib import Path

    import corpuslint_quality.rules as Q

    from corpuslint.document import Document

    rule = Q.RepeatedNgram()
    root = Path(__file__).parent / "data" / "realtext"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))[:40]]
    texts.append("buy cheap shoes " * 50 + "\n")
    saved = Q._most_covered
    for text in texts:
        fast = rule.measure(Document("t.txt", text))
        size = len(text)
        Q._most_covered = lambda ids, lengths, size=size: size
        try:
            assert rule.measure(Document("t.txt", text)) == fast
        finally:
            Q._most_covered = saved
    assert rule.measure(Document("t.txt", texts[-1])) is not None


def _realtext_documents():
    from pathlib import Path

    from corpuslint.document import Document

    root = Path(__file__).parent / "data" / "realtext"
    paths = sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".md"))
    return [Document(str(p), p.read_text(encoding="utf-8")) for p in paths]


def _prose_mask_by_definition(doc, spans, lists):
    """``regions.prose_mask`` as defined, every line's ``structural_line`` asked anew."""
    from bisect import bisect_right

    from corpuslint import structure
    from corpuslint.families.duplicate import regions

    markdown = doc.suffix in regions.MARKDOWN_SUFFIXES
    containers = structure.markdown_containers(doc) if markdown and not lists else None
    table_rows = regions.plain_table_rows(doc) if not markdown else frozenset()
    out = []
    for start, end in spans:
        first = bisect_right(doc._line_starts, start) - 1
        if containers is not None and (first in containers[structure.LIST_ITEM]
                                       or first in containers[structure.BLOCKQUOTE]):
            out.append(False)
            continue
        prose = False
        i = first
        while i < len(doc.lines) and doc.lines[i].start < end:
            body = doc.text[doc.lines[i].start : doc.lines[i].end]
            if (doc.line_kinds[i] == structure.PROSE and i not in table_rows and body.strip()
                    and not regions.structural_line(body, markdown=markdown)):
                prose = True
                break
            i += 1
        out.append(prose)
    return out


def test_prose_mask_line_memo_on_real_text():
    # the per-line memo answers as the definition for D101-D104's span lists, asked in
    # turn of one document (a later call reads the memo an earlier one filled)
    from corpuslint.families.duplicate import regions
    from corpuslint.families.duplicate import units as U

    checked = 0
    for doc in _realtext_documents():
        spans = [(u.start, u.end) for u in U.analyse(doc).units]
        for subset, lists in ((spans[::2], False), (spans, False), (spans, True), (spans[1::3], True)):
            assert regions.prose_mask(doc, subset, lists=lists) == _prose_mask_by_definition(doc, subset, lists)
            checked += len(subset)
    assert checked > 1000


def test_unit_lines_structural_as_splitlines_on_real_text():
    # D103's test of a unit's lines: the memo over the document's lines where
    # lines_split_as_splitlines holds, the same answer as splitting the unit's text
    from corpuslint.document import Document
    from corpuslint.families.duplicate import regions
    from corpuslint.families.duplicate import units as U

    docs = _realtext_documents()
    for doc in docs:
        # (a fixture with a form feed, the Korean bill's page break, takes the split path)
        other_breaks = any(c in doc.text for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        assert regions.lines_split_as_splitlines(doc) is not other_breaks
        if other_breaks:
            continue
        markdown = doc.suffix in regions.MARKDOWN_SUFFIXES
        for u in U.analyse(doc).units:
            by_memo = any(regions.line_structural(doc, x) for x in range(u.line - 1, u.last_line))
            assert by_memo == any(regions.structural_line(ln, markdown=markdown)
                                  for ln in doc.text[u.start : u.end].splitlines())
    for odd in ("a\x0cb\n", "x\u2028y\n", "p\x1cq\n", "r\x85s\n", "t\x0bu\n"):
        assert not regions.lines_split_as_splitlines(Document("t.txt", odd))


_ANTONYM_WORDS = ["allow", "deny", "able", "unable", "enable", "disable", "activate", "deactivate", "reactivate",
                  "install", "uninstall", "reinstall", "order", "disorder", "limit", "nolimit", "print", "imprint",
                  "un", "in", "x", "ترتيب", "الترتيب", "مفتوح", "open", "close", "no", "yes", "sure", "unsure", "ensure"]


@settings(max_examples=500, deadline=None)
@given(st.sets(st.sampled_from(_ANTONYM_WORDS)), st.sets(st.sampled_from(_ANTONYM_WORDS)))
def test_antonym_prefilter_is_a_necessary_condition(removed, added):
    # significant_change asks _antonyms of every removed x added pair only when the
    # pre-filter allows one: it must allow every set that holds one
    from corpuslint.families.duplicate.meaning import _antonyms, _may_hold_antonyms

    if any(_antonyms(x, y) for x in removed for y in added):
        assert _may_hold_antonyms(removed, added)


def test_antonym_prefilter_rules_out_arabic_and_plain_english():
    from corpuslint.families.duplicate.meaning import (
        _may_hold_antonyms,
        significant_change,
    )

    assert not _may_hold_antonyms({"الترتيب", "مفتوح"}, {"ترتيب", "المغلق"})
    assert not _may_hold_antonyms({"house", "garden"}, {"street", "river"})
    assert significant_change("The service is enabled at boot.", "The service is disabled at boot.").startswith("antonym")
    assert significant_change("Allow the connection now.", "Deny the connection now.").startswith("antonym")


def _paragraph_sentences_by_definition(doc):
    """``Document.sentence_ends`` inside each paragraph unit, the scripts' full stops (। ។ ။ ...,
    ``tokens.SCRIPT_FULL_STOPS``) ending sentences as "." does (fx45b)."""
    from corpuslint.document import Unit
    from corpuslint.families.duplicate import units as U
    from corpuslint.text.tokens import SCRIPT_FULL_STOPS

    marks = "".join(SCRIPT_FULL_STOPS)
    ends = regex.compile(rf"[.!?؟؛…{marks}]([\"'”’»)\]]*\s+)|[.!?؟؛{marks}]()$")
    text, out = doc.text, []
    for u in U.analyse(doc).units:
        pos = u.start
        for end, after in (m.span(m.lastindex) for m in ends.finditer(text, u.start, u.end)):
            if text[pos:end].strip():
                out.append(Unit(pos, end, doc.position(pos)[0]))
            pos = after
        if text[pos : u.end].strip():
            out.append(Unit(pos, u.end, doc.position(pos)[0]))
    return out


def test_paragraph_sentences_inlined_on_real_text():
    from corpuslint.families.duplicate.local import paragraph_sentences

    total = 0
    for doc in _realtext_documents():
        found = paragraph_sentences(doc)
        assert found == _paragraph_sentences_by_definition(doc)
        total += len(found)
    assert total > 1000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?؟؛…\"'”»)\n\r\t\u3000\u00a0\ufeff\x1c")), max_size=80))
def test_paragraph_sentences_inlined_on_generated_text(text):
    from corpuslint.document import Document
    from corpuslint.families.duplicate.local import paragraph_sentences

    doc = Document("t.txt", text)
    assert paragraph_sentences(doc) == _paragraph_sentences_by_definition(doc)


def _sentences_shared_hold(text: str, suffix: str) -> bool:
    """``paragraph_sentences`` gives a document its ``Document.sentences`` when its units
    are its lines: the list a document that never met D103 computes."""
    from corpuslint.document import Document
    from corpuslint.families.duplicate.local import paragraph_sentences

    doc = Document("t" + suffix, text)
    paragraph_sentences(doc)
    return doc.sentences == Document("t" + suffix, text).sentences


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab% .!?؟؛…\"'”»)]\n\r\t\x0b\x0c\x85\u2028\u3000\u00a0\ufeff\x1c")),
               max_size=80), st.sampled_from([".txt", ".md", ".po"]))
def test_sentences_from_paragraph_sentences_are_the_document_sentences(text, suffix):
    assert _sentences_shared_hold(text, suffix)


def test_sentences_from_paragraph_sentences_on_real_text():
    from corpuslint.families.duplicate.local import paragraph_sentences

    shared = 0
    for doc in _realtext_documents():
        fresh = type(doc)(doc.path, doc.text)
        paragraph_sentences(doc)
        shared += "sentences" in doc.__dict__
        assert doc.sentences == fresh.sentences
    assert shared > 0  # (one-paragraph-a-line documents share the list; the others compute it)


def _bound_holds(text: str, suffix: str) -> bool:
    from corpuslint.document import Document
    from corpuslint.families.duplicate.local import at_most_one_sentence, paragraph_sentences

    return not at_most_one_sentence(text) or len(paragraph_sentences(Document("t" + suffix, text))) <= 1


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab% .!?؟؛…\"'”»)]\n\r\t\x0b\x0c\x85\u2028\u3000\u00a0\ufeff\x1c")),
               max_size=80), st.sampled_from([".txt", ".md", ".po"]))
def test_at_most_one_sentence_is_a_bound_on_generated_text(text, suffix):
    # D103 skips a document the bound proves holds at most one sentence: never one
    # that paragraph_sentences cuts into two
    assert _bound_holds(text, suffix)


def test_at_most_one_sentence_on_real_text():
    from corpuslint.families.duplicate.local import at_most_one_sentence

    lines = [ln for doc in _realtext_documents() for ln in doc.text.splitlines() if ln.strip()]
    assert all(_bound_holds(ln, ".txt") for ln in lines)
    skipped = sum(map(at_most_one_sentence, lines))
    assert 0 < skipped < len(lines)  # it skips one-sentence lines, not every line
    # what it must not skip: two sentences on a line, two lines, a sentence after closing quotes
    for text in ("Save the file. Then close it.", "Save the file\nThen close it", "He said \"stop.\" Then left.",
                 "  Trailing spaces. \t\n", "Is it? Yes"):
        assert at_most_one_sentence(text) == (text.strip() in ("Trailing spaces.",))


def test_verse_repeat_asks_wrapping_first_on_real_text():
    # _verse_repeat tests the document's wrapping before any verse block: the same
    # answers as the definition (all four tests, wrapping last) for paragraph pairs
    from corpuslint.families.duplicate import units as U
    from corpuslint.families.duplicate.local import _verse_repeat
    from corpuslint.structure import in_stanzas as _in_stanzas
    from corpuslint.structure import (
        BLANK_LINES_RE,
        PROSE_MEDIAN_CHARS,
        VERSE_MEDIAN_CHARS,
        in_verse,
        unwrapped,
    )

    def verse(text, pos, median=VERSE_MEDIAN_CHARS):  # a block of verse, or couplets in a row (left21)
        return in_verse(text, pos, median_chars=median) or _in_stanzas(text, pos, median)

    def by_definition(doc, first, later):
        text = doc.text
        blanks = [m.start() for m in BLANK_LINES_RE.finditer(text, max(0, later - 4000), later)]
        before = len(text[: blanks[-1]].rstrip()) - 1 if blanks else -1
        if 0 <= before < first:  # one block of verse holding both (no blank line between): its refrain (left20)
            return verse(text, first) and verse(text, later) and not unwrapped(doc)
        return (before >= 0 and verse(text, first) and verse(text, later)
                and verse(text, before, PROSE_MEDIAN_CHARS) and not unwrapped(doc))

    verses = 0
    for doc in _realtext_documents():
        starts = [u.start for u in U.analyse(doc).units][:40]
        memo: dict = {}
        for a, first in enumerate(starts):
            for later in starts[a + 1 :: 3]:
                found = _verse_repeat(doc, first, later, memo)
                assert found == by_definition(doc, first, later)
                verses += found
    assert verses > 0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 6), max_size=60))
def test_q112_later_occurrences_as_np_unique(values):
    # Q112's repeated n-gram positions: the np.unique definition (first index < position)
    import numpy as np
    from corpuslint_quality.rules import _later_occurrences

    keys = np.array(values, dtype=np.uint64)
    if len(keys):
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        expected = np.flatnonzero(first[inverse.reshape(-1)] < np.arange(len(keys)))
    else:
        expected = np.zeros(0, dtype=np.int64)
    assert _later_occurrences(keys).tolist() == expected.tolist()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 6), max_size=60), st.integers(1, 4))
def test_q112_covered_words_without_add_at(values, n):
    # delta[repeats] += 1 on distinct sorted positions equals np.add.at
    import numpy as np
    from corpuslint_quality.rules import _later_occurrences

    repeats = _later_occurrences(np.array(values, dtype=np.uint64))
    a = np.zeros(len(values) + n + 1, dtype=np.int64)
    b = a.copy()
    np.add.at(a, repeats, 1)
    np.add.at(a, repeats + n, -1)
    b[repeats] += 1
    b[repeats + n] -= 1
    assert a.tolist() == b.tolist()


def test_has_spaceless_memo_answers_for_each_text():
    from corpuslint.text.tokens import has_spaceless

    texts = ["plain", "中文", "plain", "ไทย text", "ไทย text", "", "نص"]
    expected = [False, True, False, True, True, False, False]
    assert [has_spaceless(t) for t in texts] == expected
    assert [has_spaceless(t) for t in reversed(texts)] == expected[::-1]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab.\n\r\t \u00a0\u2003\u3000\u200b\u0645")), max_size=60))
def test_w103_gate_two_spaces(text):
    # W103 scans only a text holding two space separators in a row: every match holds them
    from corpuslint.families.whitespace.spaces import MultipleSpaces as rule

    if rule._trigger.search(text) is None:
        assert not list(rule._re.finditer(text))


def _line_kinds_by_definition(doc):
    """``Document.line_kinds`` as defined: every non-blank line's characters weighed by
    region (``document.weighed_kind``), without the inside-one-region / no-region paths."""
    from bisect import bisect_right

    from corpuslint import structure
    from corpuslint.document import weighed_kind

    out, regions, text = [], doc.regions, doc.text
    starts = [r.start for r in regions]
    for line in doc.lines:
        if not text[line.start : line.end].strip():
            out.append("blank")
        elif not regions:
            out.append(structure.PROSE)
        else:
            out.append(weighed_kind(text, line.start, line.end, regions,
                                    max(bisect_right(starts, line.start) - 1, 0)))
    return out


def test_line_kinds_fast_paths_on_real_text():
    # lines inside one region and lines no region touches take the fast paths: the same
    # kinds as weighing every line, on real Markdown and plain text with regions
    lines = 0
    for doc in _realtext_documents():
        assert doc.line_kinds == _line_kinds_by_definition(doc)
        lines += len(doc.lines) if doc.regions else 0
    assert lines > 1000


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["# Title", "text `code` more", "```", "    indented", "| a | b |", "|---|---|",
                                 "- item", "> quote", "", "<div>", "$ ls -l", "KEY=value", "plain prose line."]),
                max_size=25))
def test_line_kinds_fast_paths_on_generated_markdown(lines):
    from corpuslint.document import Document

    for name in ("t.md", "t.txt"):
        doc = Document(name, "\n".join(lines) + "\n")
        assert doc.line_kinds == _line_kinds_by_definition(doc)


def test_word_ids_memo_per_list():
    # Q103 and Q112 share the ids of one words list; another list (even equal) is numbered anew
    from corpuslint_quality.rules import _word_ids

    words = ["b", "a", "b", "c"]
    first = _word_ids(words)
    assert first.tolist() == [0, 1, 0, 2] and _word_ids(words) is first
    assert _word_ids(["a", "b"]).tolist() == [0, 1]
    assert _word_ids(list(words)).tolist() == [0, 1, 0, 2]
    assert not first.flags.writeable


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a .\n\r\t\u00a0\u3000\u200b\u200f\ufeff\u202b\u202e\u2066\u2069\u0645")),
               max_size=40))
def test_whitespace_gates_on_generated_text(text):
    # W104 and W111 skip a text only when their patterns find nothing in it
    from corpuslint.families.whitespace import invisible as I
    from corpuslint.families.whitespace import spaces as S

    if S._BLANKISH_FIRST_RE.match(text) is None and S._BLANKISH_START_RE.search(text) is None:
        assert not list(S._BLANKISH_LINE_RE.finditer(text))
    if not any(c in text for c in I._BIDI_CHARS):
        assert not list(I._BIDI_RE.finditer(text))


def test_bidi_characters_are_the_pattern_class():
    from corpuslint.families.whitespace import invisible as I

    assert {chr(c) for c in range(0x10000) if I._BIDI_RE.fullmatch(chr(c))} == set(I._BIDI_CHARS)


def test_last_argument_memo_by_identity():
    from corpuslint.text.memo import last_argument

    calls = []

    @last_argument
    def count(x):
        calls.append(x)
        return len(x)

    a, b = ["x", "y"], ["x", "y"]
    assert count(a) == 2 and count(a) == 2 and len(calls) == 1
    assert count(b) == 2 and len(calls) == 2  # an equal but other object is asked anew
    assert count(a) == 2 and len(calls) == 3


def _spelling_variant_by_definition(x, y):
    if min(len(x), len(y)) < 5 or abs(len(x) - len(y)) > 1 or any(c.isdigit() for c in x + y):
        return False
    if len(x) == len(y):
        return sum(a != b for a, b in zip(x, y)) == 1
    short, long_ = sorted((x, y), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="aab1٣", min_size=3, max_size=8), st.text(alphabet="aab1٣", min_size=3, max_size=8),
       st.integers(0, 8), st.sampled_from(["", "a", "b", "c"]))
def test_spelling_variant_as_defined(x, y, at, edit):
    # generated pairs, and pairs one edit apart (a character replaced, deleted or inserted)
    from corpuslint.families.duplicate.meaning import _spelling_variant

    near = [x[:at] + edit + x[at + 1 :], x[:at] + x[at + 1 :], x[:at] + edit + x[at:]]
    for a, b in [(x, y)] + [(x, z) for z in near] + [(z, x) for z in near]:
        assert _spelling_variant(a, b) == _spelling_variant_by_definition(a, b), (a, b)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.integers(0, 5), max_size=10), max_size=12), st.integers(1, 4))
def test_first_seen_keys_sort_as_ranks(toks, min_words):
    # D103's tie order: the keys sort the pairs as the ranks of walking every posting do
    from itertools import combinations

    from corpuslint.families.duplicate.local import (
        MAX_PAIR_SENTENCES,
        _first_seen_keys,
        _postings,
    )

    order: dict = {}  # pair -> its rank, first met walking every pair of every posting
    for ids in _postings(toks, min_words).values():
        if 1 < len(ids) <= MAX_PAIR_SENTENCES:
            for pair in combinations(ids, 2):
                order.setdefault(pair, len(order))
    pairs = sorted(order)
    keys = _first_seen_keys(toks, min_words, pairs)
    assert sorted(pairs, key=order.__getitem__) == sorted(pairs, key=keys.__getitem__)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=12), st.lists(st.sampled_from("abcde"), max_size=12),
       st.integers(0, 12), st.sampled_from(["a", "f"]))
def test_parallel_statements_bound_as_defined(a, b, at, word):
    # the shared-words bound decides only pairs the alignment rejects too
    from difflib import SequenceMatcher

    from corpuslint.families.duplicate.local import (
        PARALLEL_MAX_CHANGED,
        parallel_statements,
    )

    def by_definition(a, b):
        if not a or not b or abs(len(a) - len(b)) > 1:
            return False
        changed = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in
                      SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op != "equal")
        return 0 < changed <= PARALLEL_MAX_CHANGED * max(len(a), len(b))

    for x, y in ((a, b), (a, a[:at] + [word] + a[at + 1 :]), (a, a[:at] + [word] + a[at:])):
        assert parallel_statements(x, y) == by_definition(x, y)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PHRASE_WORDS), st.sampled_from(sorted(_MATCHER.exact)),
                          st.text(alphabet="ab،,.!-_ أبت«»\u064e", min_size=1, max_size=6)), max_size=12))
def test_boilerplate_run_prefilter_keeps_every_match(parts):
    # A103 normalises only lines whose runs may match: every line that matches may
    from corpuslint.text.normalize import normalize_line

    line = " ".join(parts)
    if _MATCHER.match(normalize_line(line)) is not None:
        assert _MATCHER.may_match(line.split())


def test_boilerplate_run_prefilter_on_catalogue_phrases():
    from corpuslint.text.normalize import normalize_line

    for phrase in _MATCHER.exact:
        for line in (phrase, phrase.upper() + " :", "« " + phrase + " »", "قبل " + phrase + " بعد"):
            if _MATCHER.match(normalize_line(line)) is not None:
                assert _MATCHER.may_match(line.split())
    assert not _MATCHER.may_match(["وقالت", "وكالة", "الأنباء", "المركزية", "الكورية", "الرسمية"])


def _bidi_hints(doc, directions):
    """``_bidi_hint`` of every mark run W112 looks at in ``doc``."""
    from corpuslint.families.whitespace.invisible import _MARKS, _bidi_hint

    runs = __import__("re").finditer(f"[{_MARKS}]+", doc.text)
    return [_bidi_hint(doc, doc.text, m, directions) for m in runs if m.start()]


def test_w112_line_directions_memo_on_real_text():
    # each line's direction asked once per document gives every mark the answer of asking it anew
    docs = [d for d in _realtext_documents() if "\u200f" in d.text or "\u200e" in d.text]
    assert len(docs) >= 2
    for doc in docs:
        assert _bidi_hints(doc, {}) == _bidi_hints(doc, None)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ ،.()\n\u0645\u05d0\u200e\u200f\u061c")), max_size=60))
def test_w112_line_directions_memo_on_generated_text(text):
    from corpuslint.document import Document

    doc = Document("t.txt", text)
    assert _bidi_hints(doc, {}) == _bidi_hints(doc, None)


def _run_matches_on_trigger_lines(text):
    from corpuslint.families.artifact import hexid
    from corpuslint.text.lines import lines_holding

    lines = list(lines_holding(text, hexid._RUN_TRIGGER))
    return [[m.span() for s, e in lines for m in p.finditer(text, s, e)] for p in (hexid._HEXRUN_RE, hexid._B64_RE)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet="0aF9z+/_-=", min_size=10, max_size=30),
                          st.text(alphabet="x \n\r\t\u0645.é٣", max_size=4)), max_size=12))
def test_a101_runs_on_trigger_lines_as_on_the_text(parts):
    # hex and base64 runs found on the lines holding 12 base64 characters are those of the whole text
    from corpuslint.families.artifact import hexid

    text = "".join(parts)
    whole = [[m.span() for m in p.finditer(text)] for p in (hexid._HEXRUN_RE, hexid._B64_RE)]
    assert _run_matches_on_trigger_lines(text) == whole


def test_a101_runs_on_trigger_lines_on_real_text():
    from corpuslint.families.artifact import hexid

    found = 0
    for doc in _realtext_documents():
        whole = [[m.span() for m in p.finditer(doc.text)] for p in (hexid._HEXRUN_RE, hexid._B64_RE)]
        assert _run_matches_on_trigger_lines(doc.text) == whole
        found += len(whole[0]) + len(whole[1])
    assert found


def test_markdown_parsed_once_for_regions_and_containers():
    # both orders give what each computes from a parse of its own, and the shared parse
    # is dropped once both have read it
    from corpuslint import structure
    from corpuslint.document import Document

    docs = [d for d in _realtext_documents() if d.suffix in structure.MARKDOWN_SUFFIXES]
    assert docs
    for doc in docs:
        alone_regions = Document(doc.path, doc.text).regions
        alone_containers = structure.markdown_containers(Document(doc.path, doc.text))
        first = Document(doc.path, doc.text)
        assert first.regions == alone_regions
        assert structure.markdown_containers(first) == alone_containers
        second = Document(doc.path, doc.text)
        assert structure.markdown_containers(second) == alone_containers
        assert second.regions == alone_regions
        assert "_block_tokens" not in first.__dict__ and "_block_tokens" not in second.__dict__


def _runs_matching_by_definition(joined, runs):
    """The runs holding a match of ``units._NEEDS_SCRIPT_RE``: each match's run, by bisection."""
    from bisect import bisect_right

    import numpy as np

    from corpuslint.families.duplicate import units as U

    starts = np.cumsum([0] + [len(r) + 1 for r in runs[:-1]]).tolist()
    return sorted({bisect_right(starts, m.start()) - 1 for m in U._NEEDS_SCRIPT_RE.finditer(joined)})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="ab\u0301中文ไทย\u0e31", max_size=6), min_size=1, max_size=12))
def test_units_runs_matching_one_search_per_run(runs):
    from corpuslint.families.duplicate import units as U

    joined = "\n".join(runs)
    assert U._runs_matching(U._NEEDS_SCRIPT_RE, joined, runs) == _runs_matching_by_definition(joined, runs)


def test_units_runs_matching_on_real_text():
    from corpuslint.families.duplicate import units as U
    from corpuslint.text import normalize

    found = 0
    for doc in _realtext_documents():
        runs = normalize.normalize_chars("\n".join(doc.text.split())).split("\n")
        joined = "\n".join(runs)
        fast = U._runs_matching(U._NEEDS_SCRIPT_RE, joined, runs)
        assert fast == _runs_matching_by_definition(joined, runs)
        found += len(fast)
    assert found


_GLUE_ALPHABET = list("ab \n\r.,٫0١۲٣\u0645\u0628\u064e\u0640\u06fa")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_GLUE_ALPHABET), max_size=40))
def test_w120_trigger_written_from_the_digit(text):
    # the trigger found at the digit holds the lines of a letter (or mark) then a digit, or a digit then a letter
    import re

    from corpuslint.families.whitespace import script_digits as SD
    from corpuslint.text.lines import lines_holding

    definition = re.compile(f"[{SD._LETTERS}{SD._MARKS}][{SD._DIGITS}]|[{SD._DIGITS}][{SD._LETTERS}]")
    assert list(lines_holding(text, SD._TRIGGER_RE)) == list(lines_holding(text, definition))


# structure's literal triggers and the patterns they replace
_LITERAL_TRIGGER_PATTERNS = (("_CONFIG_TRIGGER_RE", r"[=;{}\\]"), ("_COLUMNS_TRIGGER_RE", r" {2}|\t"),
                             ("_MACHINE_TRIGGER_RE", r"/|-----|@"))
_LITERAL_PIECES = list("\n\n\r\t   =;{}\\/-@ab") + ["-----", "  ", "\t\t", "--"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LITERAL_PIECES), max_size=40).map("".join))
def test_literal_triggers_hold_the_lines_of_their_patterns(text):
    # the structure triggers as literal strings (str.find) give the lines of the patterns they replace
    import regex

    from corpuslint import structure as S
    from corpuslint.text.lines import lines_holding

    for name, pattern in _LITERAL_TRIGGER_PATTERNS:
        assert list(lines_holding(text, getattr(S, name))) == list(lines_holding(text, regex.compile(pattern)))


def test_literal_triggers_on_real_text():
    import regex

    from corpuslint import structure as S
    from corpuslint.text.lines import lines_holding

    found = 0
    for doc in _realtext_documents():
        for name, pattern in _LITERAL_TRIGGER_PATTERNS:
            fast = list(lines_holding(doc.text, getattr(S, name)))
            assert fast == list(lines_holding(doc.text, regex.compile(pattern)))
            found += len(fast)
    assert found


def _first_seen_by_definition(keys):
    """The distinct keys in first-seen order, walked one by one (a dict)."""
    new_run, first_at, local = {}, [], []
    for j, k in enumerate(keys):
        r = new_run.get(k)
        if r is None:
            r = new_run[k] = len(first_at)
            first_at.append(j)
        local.append(r)
    return first_at, local


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(1, 2**64 - 1) | st.sampled_from([1, 7, 2**63, 2**64 - 1]), max_size=40))
def test_units_first_seen_runs_as_walked(values):
    import numpy as np

    from corpuslint.families.duplicate import units as U

    keys = np.array(values, dtype=np.uint64)
    for many in (False, True):  # (walked, and by np.unique: the keys repeated past the walk's limit)
        if many:
            keys = np.tile(keys, 1 + U._FIRST_SEEN_WALK // max(1, len(values)))
        first_at, local = U._first_seen(keys)
        assert (first_at.tolist(), local.tolist()) == _first_seen_by_definition(keys.tolist())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 中文ไทยカ\u0e31\n1")), max_size=40))
def test_word_count_from_memoised_weights(text):
    # word weights from the memo sum to the definition's count, asked once and again
    from corpuslint.text import tokens as T

    definition = sum(map(T.word_weight, T.tokens(text)))
    assert T.word_count(text) == definition
    assert T.word_count(text) == definition


def test_word_count_from_memoised_weights_on_real_text():
    from corpuslint.text import tokens as T

    spaceless = [d for d in _realtext_documents() if T.has_spaceless(d.text)]
    assert spaceless
    for doc in spaceless:
        assert T.word_count(doc.text) == sum(map(T.word_weight, T.tokens(doc.text)))


def test_markdown_regions_without_inline_post_processing_on_real_text():
    # the inline tokens' post-processing (emphasis pairing, text joining) changes no region
    from corpuslint import structure
    from corpuslint.document import Document

    docs = [d for d in _realtext_documents() if d.suffix in structure.MARKDOWN_SUFFIXES]
    fast = [Document(d.path, d.text).regions for d in docs]
    ruler2 = structure._parser().inline.ruler2
    ruler2.enable(ruler2.get_all_rules())
    try:
        assert ruler2.getRules("")
        assert [Document(d.path, d.text).regions for d in docs] == fast
    finally:
        ruler2.disable(ruler2.get_all_rules())
    assert any(r.kind == structure.CODE for regions in fast for r in regions)


def _cleans_by_tokenising(backend, text: str, cleans) -> list[tuple[int, int, str]]:
    """``Backend.find_cleans`` as defined: every ``token_re`` token of the whole text whose
    ``clean`` spelling is wanted."""
    out = []
    for m in backend.token_re.finditer(text):
        clean = backend.clean(m.group())
        if clean in cleans:
            out.append((m.start(), m.end(), clean))
    return out


# letters, marks (harakat, shadda, tatweel, dagger alef, Quranic signs), alef wasla, the
# marks NFC composes (U+0653-U+0655), a presentation form, space, punctuation, Latin
_AR_PIECES = list("كتبالوفيىةأ") + ["\u064e", "\u0651", "\u064b", "\u0640", "\u0670", "\u06d6", "\u0671", "\u0654",
                                  "\ufefb", " ", "،", ".", "\n", "x"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_AR_PIECES), max_size=60), st.integers(0, 2 ** 16))
def test_arabic_find_cleans_as_tokenising(text, pick):
    # S103's occurrences without tokenising: the same tokens, offsets and clean spellings
    from corpuslint.families.spelling.backends import get_backend

    b = get_backend("ar")
    every = sorted({b.clean(m.group()) for m in b.token_re.finditer(text)})
    cleans = {c for k, c in enumerate(every) if pick >> (k % 16) & 1}
    found = b.find_cleans(text, cleans)
    if found is None:  # only where clean does more than delete marks and read ٱ as ا
        assert any(c in text for c in "\u0653\u0654\u0655\ufefb")
    else:
        assert found == _cleans_by_tokenising(b, text, cleans)


def test_arabic_find_cleans_on_real_text():
    from pathlib import Path

    from corpuslint.families.spelling.backends import get_backend

    b = get_backend("ar")
    root = Path(__file__).parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root.parent / "samples" / "news-ar").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "data" / "realtext").rglob("*.txt"))][:40]
    used = 0
    for text in texts:
        cleans = sorted({b.clean(m.group()) for m in b.token_re.finditer(text)})[::7]
        found = b.find_cleans(text, set(cleans))
        if found is not None:
            used += 1
            assert found == _cleans_by_tokenising(b, text, set(cleans))
    assert used >= 5


def test_s103_occurrences_without_tokenising_on_real_text():
    # transliteration._occurrences given the target's vocabulary: the same occurrences
    from pathlib import Path

    from corpuslint.document import Document
    from corpuslint.families.spelling import transliteration
    from corpuslint.families.spelling.analysis import analyse
    from corpuslint.families.spelling.backends import get_backend

    b = get_backend("ar")
    used = 0
    for p in sorted((Path(__file__).parent.parent / "samples" / "news-ar").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        ls = analyse(Document(str(p), text), ("ar",)).langs["ar"]
        forms = dict.fromkeys(sorted({b.form(c) for c in ls.vocab})[::5])
        fast = list(transliteration._occurrences(b, text, forms, ls.vocab))
        used += transliteration._found_occurrences(b, text, forms, ls.vocab) is not None
        assert fast and fast == list(transliteration._occurrences(b, text, forms))
    assert used


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 40), st.sampled_from([8, 16, 128]), st.integers(1, 4), st.sampled_from([0.3, 0.5, 0.8, 0.95, 1.3]),
       st.integers(0, 2 ** 32 - 1))
def test_d102_brute_force_agreements_in_two_steps(n, m, values, threshold, seed):
    # the pairs near_duplicate_pairs verifies below brute_force_below: those whose mean
    # signature agreement (every pair, every column) is >= threshold - 0.2
    import numpy as np

    from corpuslint.families.duplicate import lsh

    rng = np.random.default_rng(seed)
    sigs = rng.integers(0, values, size=(n, m)).astype(np.uint32)  # few values: many agreements
    sigs[rng.random(n) < 0.3] = sigs[0]  # and some copies
    sets = np.arange(n, dtype=np.uint32)  # (one element each: the sets do not matter here)
    off = np.arange(n + 1, dtype=np.int64)
    i, j = np.triu_indices(n, 1)
    want = np.stack((i, j), axis=1)[(sigs[i] == sigs[j]).mean(axis=1) >= threshold - 0.2]
    asked = []
    real_verify = lsh.verify

    def verify(pairs, *args):  # the candidate pairs, as verify is given them
        asked.append(pairs)
        return real_verify(pairs, *args)

    lsh.verify, sharing = verify, lsh._sharing_pairs
    lsh._sharing_pairs = lambda *a: None  # (the agreements path: sets that share values take the inverted index)
    try:
        lsh.near_duplicate_pairs(sigs, sets, off, threshold, brute_force_below=300)
    finally:
        lsh.verify, lsh._sharing_pairs = real_verify, sharing
    assert np.array_equal(asked[0], want.astype(np.int64))


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 60), st.integers(2, 60), st.sampled_from([0.3, 0.5, 0.8, 0.9, 1.0]), st.booleans(),
       st.integers(0, 2 ** 32 - 1))
def test_d102_brute_force_by_shared_values(n, vocab, threshold, with_sigs, seed):
    # near_duplicate_pairs below brute_force_below pairs only the sets that share a value
    # (lsh._sharing_pairs) and asks the signature estimate of the pairs that pass the exact
    # Jaccard: the same pairs, order and similarities as every pair's agreements, then verify
    import numpy as np

    from corpuslint.families.duplicate import lsh
    from corpuslint.families.duplicate import units as U

    rng = np.random.default_rng(seed)
    base = [np.unique(rng.integers(0, vocab, int(rng.integers(1, 30)))) for _ in range(n)]
    for _ in range(int(rng.integers(0, n))):  # near copies: a set less its first value, plus one
        a, b = rng.integers(0, n, 2)
        kept = base[a][1:] if len(base[a]) > 3 and rng.random() < 0.5 else base[a]
        base[b] = np.unique(np.concatenate([kept, rng.integers(0, vocab, int(rng.integers(0, 2)))]))
    sets = np.concatenate(base).astype(np.uint32)
    off = np.concatenate(([0], np.cumsum([len(x) for x in base]))).astype(np.int64)
    sigs = U.signatures(sets, off) if with_sigs else None
    got = lsh.near_duplicate_pairs(sigs, sets, off, threshold, brute_force_below=300)
    sharing = lsh._sharing_pairs
    lsh._sharing_pairs = lambda *a: None
    try:
        want = lsh.near_duplicate_pairs(sigs, sets, off, threshold, brute_force_below=300)
    finally:
        lsh._sharing_pairs = sharing
    assert got[0].dtype == want[0].dtype and got[0].shape == want[0].shape and np.array_equal(got[0], want[0])
    assert np.array_equal(got[1], want[1])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aé\u0645\ufeff\n\r\t \U0001f600\u200b")), max_size=40))
def test_loaded_document_hash_from_its_bytes(text):
    # files.load hashes the file's bytes: the content hash of the decoded text
    from corpuslint import files
    from corpuslint.document import Document

    doc = files.load(files.Source("x.txt", "x.txt"), text.encode("utf-8"))
    assert doc.text == text and doc.content_hash == Document("x.txt", text).content_hash


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a \t\r\n\u2028\u0085\x0b\x0c\U0001f600\u0645")), max_size=60))
def test_blank_out_as_one_replacement_per_character(text):
    # Document.masked's blanking: every character but CR and LF becomes a space
    import regex

    from corpuslint.document import _blank_out

    assert _blank_out(text) == regex.sub(r"[^\r\n]", " ", text)


def test_masked_markdown_on_real_text():
    import regex
    from pathlib import Path

    from corpuslint import structure
    from corpuslint.document import Document

    root = Path(__file__).parent / "data" / "realtext"
    docs = [Document(p.name, p.read_text(encoding="utf-8")) for p in sorted(root.glob("*.md"))]
    assert len(docs) >= 3
    for doc in docs:
        masked = doc.masked(frozenset({structure.PROSE}))
        text = doc.text
        assert len(masked) == len(text)
        assert all(m == t or (m == " " and t not in "\r\n") for m, t in zip(masked, text))
        # the regions of other kinds are blanked exactly as one replacement per character would
        for r in doc.regions:
            if r.kind != structure.PROSE:
                assert masked[r.start : r.end] == regex.sub(r"[^\r\n]", " ", text[r.start : r.end])


def test_repeat_matches_tried_at_run_starts_only():
    # S104's pattern is tried at the run starts repeat_starts finds, each from where the
    # last match ended: overlapping repeats, look-behinds that read the text before the
    # run, runs across a line feed or the end of a chunk, as one scan of the whole text
    from corpuslint.families.spelling import repeated

    texts = ["في في في", "the the the the", "a a a\nb b b", "x-ab ab ab", "1ab ab", "l'ab ab", "Ab aB.", "ab\nab ab",
             "ab ab\n", "İi ıI ii", "قالَ قالَ", "de de\tde", "a\u00a0a\u202fa"]
    chunk, scan = repeated._CHUNK_CHARS, repeated._SCAN_MAX_CHARS
    repeated._SCAN_MAX_CHARS = 0  # (short texts are scanned: the run starts of these are tested)
    try:
        for text in texts:
            want = [m.span() for m in repeated._REPEAT_RE.finditer(text, overlapped=False)]
            assert [m.span() for m in repeated.repeat_matches(text)] == want, text
        repeated._CHUNK_CHARS = 4
        text = "\n".join(texts)
        want = [m.span() for m in repeated._REPEAT_RE.finditer(text, overlapped=False)]
        assert len(want) >= 12 and [m.span() for m in repeated.repeat_matches(text)] == want
    finally:
        repeated._CHUNK_CHARS, repeated._SCAN_MAX_CHARS = chunk, scan


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("{}()[];,'\".…#$%ab \t\n\r\x0b\x0c\x1c\x85\u2028") + ["..", "\n  (", "\n...\n"]),
                max_size=40).map("".join))
def test_code_punct_lines_as_finditer(text):
    # plain_text_regions' punctuation lines: the pattern tried only at line starts whose
    # first non-blank character can open a match, as one scan of the whole text
    from corpuslint import structure

    want = [m.span() for m in structure._CODE_PUNCT_LINE_RE.finditer(text)]
    assert [m.span() for m in structure._code_punct_lines(text)] == want


def test_plain_text_regions_gates_on_real_text():
    # the indented-line gate (two spaces or a tab somewhere) and the punctuation lines on real text
    from pathlib import Path

    from corpuslint import structure

    root = Path(__file__).parent / "data" / "realtext"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    found = 0
    for text in texts:
        want = [m.span() for m in structure._CODE_PUNCT_LINE_RE.finditer(text)]
        assert [m.span() for m in structure._code_punct_lines(text)] == want
        found += len(want)
        if not ("  " in text or "\t" in text):
            assert structure._INDENTED_LINE_RE.search(text) is None
    assert found >= 3


def _letter_tokens_by_definition(text: str) -> tuple[int, int]:
    """Q111's count as defined: the tokens of ``text.split()`` where ``\\p{L}`` matches."""
    import regex

    tokens = text.split()
    return sum(1 for t in tokens if regex.search(r"\p{L}", t)), len(tokens)


def test_letter_tokens_on_real_text():
    # Q111 counts from the code points (codepoints.letter_tokens): the same as the split
    # tokens tested one by one, on each real document and on the prose Q111 measures
    from corpuslint_quality.rules import prose

    from corpuslint.families.duplicate.codepoints import letter_tokens

    total = 0
    for doc in _realtext_documents():
        for text in (doc.text, prose(doc).text):
            assert letter_tokens(text) == _letter_tokens_by_definition(text)
        total += letter_tokens(doc.text)[1]
    assert total > 10_000


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ1_.-' \n\t\r\x1c\x1f\u00a0\u2003\u3000\u200b\u0645\u064e\u0640"
                                              "\u0660\u4e2d\u02b0\u2160\u00aa\U0001d400\U00020000\U0001d7d9\U0001f600")),
               max_size=60))
def test_letter_tokens_on_generated_text(text):
    # Arabic letters with a haraka, tatweel and Arabic-Indic digits, CJK, a modifier letter,
    # a Roman numeral (Nl: not a letter), supplementary-plane letters, digits and an emoji,
    # every kind of white space str.split cuts at (and U+200B, which it does not)
    from corpuslint.families.duplicate.codepoints import letter_tokens

    assert letter_tokens(text) == _letter_tokens_by_definition(text)


def test_s103_cleans_of_forms_as_defined_on_real_text():
    # transliteration._cleans_of_forms (corpus form ids): the target's spellings whose
    # form is wanted, as the comprehension over its vocabulary that it replaces; _rejected likewise
    from pathlib import Path

    from corpuslint.document import Document
    from corpuslint.families.spelling import analysis, transliteration

    paths = sorted((Path(__file__).parent.parent / "samples" / "news-ar").glob("*.txt"))
    states = {str(p): analysis.analyse(Document(str(p), p.read_text(encoding="utf-8")), ("ar",)) for p in paths}
    lc = analysis.merge(states, ("ar",)).langs["ar"]
    b = lc.backend
    every = sorted({b.form(c) for c in lc.words})
    found = 0
    for k, (path, state) in enumerate(states.items()):
        ls = state.langs["ar"]
        for forms in (dict.fromkeys(every[k::3]), dict.fromkeys(every[::50] + ["not a form"]), {}):
            expected = [c for c in ls.vocab if b.form(c) in forms]
            assert transliteration._cleans_of_forms(lc, lc.doc_words.get(path), forms) == expected
            found += len(expected)
        # and _rejected: the target's rejected spellings and their forms, through the same ids
        rejected = transliteration._rejected(lc, lc.doc_words.get(path), ls)
        assert rejected == (ls.rejected_cleans, {b.form(c) for c in ls.rejected_cleans})
        found += len(rejected[0])
    assert found > 100


def test_merge_of_spilled_states_keyed_by_their_references_and_doc_ids_from_the_held_state():
    # analysis.merge of a --no-cache spill (store.SpilledStates): keyed by where the states
    # were spilled, the first merge decodes each state once (not twice: content key, then
    # build), the second rule's merge none, and the corpus is the one of the decoded states;
    # _DocWords.get given the target's LangState (held by SpellingCorpusRule.targets) gives
    # the ids it reads from the states, without decoding the state again
    from pathlib import Path

    import numpy as np

    from corpuslint.document import Document
    from corpuslint.families.spelling import analysis
    from corpuslint.store import SpilledStates, StateSpill

    paths = sorted((Path(__file__).parent.parent / "samples" / "news-ar").glob("*.txt"))
    states = {str(p): analysis.analyse(Document(str(p), p.read_text(encoding="utf-8")), ("ar",)) for p in paths}
    spill = StateSpill()
    decoded = []
    real_get = spill.get
    spill.get = lambda ref: decoded.append(ref) or real_get(ref)
    try:
        refs = {p: spill.put(s) for p, s in states.items()}
        refs["gone"] = None
        analysis.forget_merged()
        plain = analysis.merge(dict(states), ("ar",)).langs["ar"]
        analysis.forget_merged()
        first = analysis.merge(SpilledStates(spill, refs), ("ar",))
        assert len(decoded) == len(states)
        second_view = SpilledStates(spill, dict(refs))  # the next rule's mapping: the same references
        assert analysis.merge(second_view, ("ar",)) is first and len(decoded) == len(states)
        lc = first.langs["ar"]
        assert lc.words == plain.words and lc.keys == plain.keys
        for name in ("count", "word_key", "pairs", "first_at", "rejected"):
            assert np.array_equal(getattr(lc, name), getattr(plain, name)), name
        del decoded[:]
        for path, state in states.items():
            ls = state.langs["ar"]
            held = lc.doc_words.get(path, None, ls)
            assert not decoded
            lc.doc_words.memo.clear()
            read = lc.doc_words.get(path)
            assert len(decoded) == 1 and np.array_equal(held, read) and np.array_equal(held, plain.doc_words.get(path))
            del decoded[:]
            lc.doc_words.memo.clear()
            assert np.array_equal(analysis.doc_word_ids(lc, path, ls), read)
        assert lc.doc_words.get("gone") is None
        # another spill with the same contents: found by content (each state decoded once more)
        other = StateSpill()
        try:
            assert analysis.merge(SpilledStates(other, {p: other.put(s) for p, s in states.items()}),
                                  ("ar",)) is first
        finally:
            other.close()
    finally:
        analysis.forget_merged()
        spill.close()


def _news_ar_states() -> dict:
    """The spelling states (``analysis.analyse``, Arabic) of samples/news-ar's files."""
    from pathlib import Path

    from corpuslint.document import Document
    from corpuslint.families.spelling import analysis

    texts = {str(p): p.read_text(encoding="utf-8")
             for p in sorted((Path(__file__).parent.parent / "samples" / "news-ar").glob("*.txt"))}
    return {p: analysis.analyse(Document(p, t), ("ar",)) for p, t in texts.items()}


def test_merged_corpus_count_tables_read_as_the_counters_they_replace():
    # LangCorpus.clean_count / key_count / doc_freq (analysis.CountTable over the word ids
    # and the bigram terms) against the Counters they stand for, built as defined: every
    # get, [], in, iteration and items (in order), for present names, context forms of
    # the terms that are not keys, and names the corpus lacks
    from collections import Counter

    from corpuslint.families.spelling import analysis

    states = _news_ar_states()
    analysis.forget_merged()
    try:
        lc = analysis.merge(states, ("ar",)).langs["ar"]
        key = lc.backend.key
        clean_count: Counter = Counter()
        docs: Counter = Counter()
        for state in states.values():
            ls = state.langs.get("ar")
            if ls is None:
                continue
            clean_count.update(dict(zip(ls.vocab, ls.count.tolist())))
            docs.update({key(w) for w in ls.vocab})
        clean_count = Counter({w: clean_count[w] for w in lc.words})  # (corpus first-occurrence order)
        key_count: Counter = Counter()
        for w, n in clean_count.items():
            key_count[key(w)] += n
        key_count = Counter({k: key_count[k] for k in lc.keys})
        doc_freq = Counter({k: docs[k] for k in lc.keys})
        others = [t for t in lc.bigrams.terms if t not in key_count][:300] + ["", "not a word", "zzz"]
        assert len(others) > 10
        for got, want in ((lc.clean_count, clean_count), (lc.key_count, key_count), (lc.doc_freq, doc_freq)):
            assert isinstance(got, analysis.CountTable)
            assert list(got.items()) == list(want.items()) and list(got) == list(want) and len(got) == len(want)
            assert got == want
            for name in [*list(want)[::7], *others]:
                assert (name in got) == (name in want)
                assert got.get(name) == want.get(name) and got.get(name, 0) == want.get(name, 0)
                assert got[name] == want[name] and type(got[name]) is int
    finally:
        analysis.forget_merged()


def _candidates_by_definition(lc, key: str, min_count: int) -> set[str]:
    """``analysis.candidates`` as defined: a dict from each one-letter deletion (and the
    vkey itself) of every key seen ``min_count`` times or more to those keys; the keys
    sharing a deletion with ``key``'s vkey, one edit away."""
    from corpuslint.families.spelling.analysis import _deletions, edit_shape

    index: dict[str, set[str]] = {}
    vkey = lc.backend.vkey
    for k, n in lc.key_count.items():
        if n >= min_count and len(k) >= 2:
            for d in _deletions(vkey(k)):
                index.setdefault(d, set()).add(k)
    v = vkey(key)
    found = set().union(*(index.get(d, set()) for d in _deletions(v)))
    return {k for k in found if edit_shape(v, vkey(k)) is not None}


def test_deletion_index_arrays_give_the_candidates_of_the_string_index():
    # analysis.DeletionIndex (string hashes of the deletions, sorted, and their keys) against
    # the dict of deletion strings it replaces, for every key of a real corpus (Arabic news),
    # one-letter slips of them, and words it lacks
    import random

    from corpuslint.families.spelling import analysis

    states = _news_ar_states()
    analysis.forget_merged()
    try:
        lc = analysis.merge(states, ("ar",)).langs["ar"]
        rnd = random.Random(14)
        letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
        keys = list(lc.keys)
        slips = []
        for k in rnd.sample(keys, min(400, len(keys))):
            i = rnd.randrange(len(k))
            slips += [k[:i] + rnd.choice(letters) + k[i + 1 :], k[:i] + k[i + 1 :], k[:i] + rnd.choice(letters) + k[i:]]
        asked = keys + slips + ["", "x", "not a key"]
        nonempty = 0
        for min_count in (2,):
            for key in asked:
                got = analysis.candidates(lc, key, min_count)
                assert got == _candidates_by_definition(lc, key, min_count), key
                nonempty += bool(got)
        assert nonempty > 300
        assert isinstance(lc._index, analysis.DeletionIndex)
    finally:
        analysis.forget_merged()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.integers(0, 9).map(lambda x: x * 477218588), max_size=12), max_size=12),
       st.integers(0, 5))  # (word hashes up to 2**32 - 4)
def test_rare_shared_counts_as_defined(toks, max_df):
    # D103's vectorised distinctive-word test (local._rare_shared) against its definition:
    # the distinct words two sentences share that occur in at most max_df sentences
    from collections import Counter

    import numpy as np

    from corpuslint.families.duplicate.local import _rare_shared

    values = np.array([t for s in toks for t in s], dtype=np.uint32)
    cuts = np.cumsum([0] + [len(s) for s in toks]).astype(np.int64)
    df = Counter(t for s in toks for t in set(s))
    pairs = [(i, j) for i in range(len(toks)) for j in range(i + 1, len(toks))]
    i = np.array([a for a, _ in pairs], dtype=np.int64)
    j = np.array([b for _, b in pairs], dtype=np.int64)
    got = _rare_shared(values, cuts, i, j, max_df).tolist()
    assert got == [sum(1 for t in set(toks[a]) & set(toks[b]) if df[t] <= max_df) for a, b in pairs]


def _document_sentences_by_definition(doc):
    """``Document.sentences`` as defined: ``sentence_ends`` of each non-blank line's
    text, each sentence's line from ``Document.position``."""
    from corpuslint.document import Unit, sentence_ends

    text, out = doc.text, []
    for line in doc.line_paragraphs:
        pos = line.start
        for gap_start, gap_end in sentence_ends(text[line.start : line.end]):
            end = line.start + gap_start
            if text[pos:end].strip():
                out.append(Unit(pos, end, doc.position(pos)[0]))
            pos = line.start + gap_end
        if text[pos : line.end].strip():
            out.append(Unit(pos, line.end, doc.position(pos)[0]))
    return out


def test_document_sentences_inlined_on_real_text():
    total = 0
    for doc in _realtext_documents():
        found = doc.sentences
        assert found == _document_sentences_by_definition(doc)
        total += len(found)
    assert total > 1000


@settings(max_examples=400)
@given(st.text(alphabet="ab .!?؟؛…\"'”’»)]\n\r\t\u2028\x1c\x85\u00a0\ufeffو", max_size=40))
def test_document_sentences_inlined_on_any_text(text):
    # marks at line ends, quotes after them, CR/CRLF endings, separators that are white
    # space but not line ends (U+2028, U+001C, NEL), a byte-order mark
    from corpuslint.document import Document

    assert Document("a.txt", text).sentences == _document_sentences_by_definition(Document("a.txt", text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab\n\r\u2028 ك\ufeff", max_size=40))
def test_line_starts_as_the_line_ending_scan(text):
    # Document._line_starts for text without CR (str.split + accumulate) against its
    # definition: 0, then the offset after each \r\n, \n or \r; and positions through it
    import re

    from corpuslint.document import Document

    doc = Document(path="x.txt", text=text)
    expected = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]
    assert doc._line_starts == expected
    for offset in range(len(text) + 1):
        line = sum(1 for s in expected if s <= offset)
        column = offset - expected[line - 1] + 1 - (line == 1 and offset > 0 and text.startswith("\ufeff"))
        assert doc.position(offset) == (line, column)


# words that trip each of significant_change's tests: numbers, operators, names, options,
# contrast openers, defined terms, negations, antonyms, fillers, content words, variants
_MEANING_WORDS = ("the", "is", "not", "no", "لا", "لم", "16-bit", "32-bit", "1,000", "1000", "<", "<=", "Intel",
                  "AMD", "vmx", "-l", "--all", "Whereas", "أما", "بينما", "Enable", "Disable", "install",
                  "uninstall", "before", "after", "disk", "cache", "package", "field", "lists", "الحزمة",
                  "الحزمه", "قال", "أكد", "Term:", "Other:", "`ls`", "شويغو", "شويجو", "كوريا", "الشمالية", ".")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MEANING_WORDS), min_size=1, max_size=14),
       st.lists(st.tuples(st.integers(0, 13), st.sampled_from(_MEANING_WORDS + ("",))), max_size=4),
       st.booleans())
def test_differs_is_significant_change_found(words, edits, paraphrase):
    # meaning.differs asks the word alignment first: the same verdict as significant_change
    from corpuslint.families.duplicate import meaning

    other = list(words)
    for at, w in edits:  # a near copy: some words replaced, dropped or added
        if at < len(other):
            other[at] = w
        else:
            other.append(w)
    a, b = " ".join(words), " ".join(w for w in other if w)
    assert meaning.differs(a, b, paraphrase=paraphrase) == (meaning.significant_change(a, b, paraphrase=paraphrase)
                                                             is not None)


def test_differs_on_real_sentence_pairs():
    # every pair of sentences of two news articles (and each with a word changed)
    from pathlib import Path

    from corpuslint.families.duplicate import meaning

    sentences = []
    for p in sorted((Path(__file__).parent.parent / "samples" / "news-ar").glob("*.txt"))[:2]:
        sentences += [s.strip() for s in p.read_text(encoding="utf-8").replace("\n", " ").split(".") if s.strip()]
    sentences += [s.replace(s.split()[1], "لم", 1) for s in sentences if len(s.split()) > 3][:10]
    seen = set()
    for a in sentences[:40]:
        for b in sentences[:40]:
            for paraphrase in (False, True):
                found = meaning.significant_change(a, b, paraphrase=paraphrase)
                seen.add(found is None)
                assert meaning.differs(a, b, paraphrase=paraphrase) == (found is not None)
    assert seen == {True, False}


def test_spelling_map_vocabulary_as_a_pass_over_the_tokens_on_real_text():
    # analysis._analyse_lang's local vocabulary (_TokenTable.first_seen: one scatter of
    # token positions, set back after, instead of np.unique + argsort): each document's
    # words in first-occurrence order, their counts and first (line, column), as a plain
    # pass over its tokens gives them, for documents analysed one after another (a word
    # the table has seen in an earlier document starts unseen again) and once more
    from collections import Counter
    from pathlib import Path

    from corpuslint.document import Document
    from corpuslint.families.spelling import analysis
    from corpuslint.families.spelling.backends import get_backend
    from corpuslint.text.script import document_spans

    analysis.reset()
    b = get_backend("ar")
    paths = sorted((Path(__file__).parent.parent / "samples" / "news-ar").glob("*.txt"))
    checked = 0
    for p in paths + paths[::-1]:
        text = p.read_text(encoding="utf-8")
        doc = Document(str(p), text)
        spans = analysis._spans(text, b, document_spans(doc))
        ls = analysis._analyse_lang(doc, b, spans)
        tokens = [(s + m.start(), b.clean(m.group())) for s, e in spans for m in b.token_re.finditer(text[s:e])]
        first = {}
        for start, clean in tokens:
            first.setdefault(clean, start)
        counts = Counter(clean for _, clean in tokens)
        assert ls.vocab == list(first)
        assert ls.count.tolist() == [counts[w] for w in first]
        assert ls.first.tolist() == [list(doc.position(first[w])) for w in first]
        checked += len(first)
    assert checked > 2000


_LINE_ALPHABET = st.sampled_from(list("ab é中\u0558 .1ـ\u064e-\u00a0\n\t\u3000x"))


@settings(max_examples=400, deadline=None)
@given(st.text(_LINE_ALPHABET, max_size=600), st.integers(0, 600), st.integers(0, 600), st.integers(1, 14))
def test_w114_reads_only_as_far_as_its_tokens_and_word(text, a, b, n):
    # W114 read a mark's neighbour tokens and last word by slicing or searching the line from
    # its start for every mark (quadratic in a one-line file): the bounded reads equal the
    # definitions on any range
    from corpuslint.families.whitespace.punctuation import _last_word, _tokens_after, _tokens_before

    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    assert _tokens_after(text, lo, hi, n) == text[lo:hi].split()[:n]
    assert _tokens_before(text, lo, hi, n) == text[lo:hi].split()[-n:]
    m = regex.search(r"(\p{L}+)\Z", text[lo:hi])
    assert _last_word(text, lo, hi) == (m.group(1).casefold() if m else "")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["service", "service", "operation", "the", "—", "(", ")", "\"", " - ", "x"]),
                max_size=30))
def test_s104_synopsis_by_bisection_as_the_scan(parts):
    # S104 scanned a line's synopses again for every repetition: the spans found once per line
    # and bisected give the first-match answer of the scan for every word of the line
    from corpuslint.families.spelling.repeated import _EN_FUNCTION_WORDS, _SYNOPSIS_RE, _in_synopsis, _synopses

    text = " ".join(parts)
    synopses = _synopses(text, 0, len(text))
    for m in regex.finditer(r"[a-z]+(?: [a-z]+)?", text, overlapped=True):
        expected = False
        for s in _SYNOPSIS_RE.finditer(text, 0, len(text)):
            if s.start("syn") <= m.start() and m.end() <= s.end("syn"):
                expected = not any(w in _EN_FUNCTION_WORDS for w in s.group("syn").split())
                break
        assert _in_synopsis(m, synopses) == expected
