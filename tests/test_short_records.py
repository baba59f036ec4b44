"""Short paths for short documents (a record's field, a chat turn) against the array
paths they stand in for (issue 14: the fixed cost per record). Each test computes both
on real or generated text and asserts the same answer, byte for byte where it is a state."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.document import Document

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "realtext"

# white space str.split knows and a few it does not, letters of several scripts, marks,
# digits, symbols, characters beyond U+FFFF (a letter, an emoji) and a lone surrogate
_TRICKY = (" \t\n\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u3000\u200b"
           "abcXYZ019.,;-_\u00b2\u2160\u0627\u0628\u064b\u0670\u06f3\U0001D400\U0001F600\U00020000\ud800")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_TRICKY, max_size=80))
def test_letter_tokens_short_path_counts_as_the_arrays(text):
    from corpuslint.families.duplicate import codepoints as CP

    short = CP.letter_tokens(text)
    saved = CP.SHORT_LETTER_TEXT
    CP.SHORT_LETTER_TEXT, CP._LAST[0] = -1, None
    try:
        assert CP.letter_tokens(text) == short
    finally:
        CP.SHORT_LETTER_TEXT = saved


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), max_size=14), min_size=2, max_size=8),
       st.integers(1, 9), st.integers(0, 6))
def test_d103_pair_prefilter_says_what_the_arrays_find(sentences, min_words, min_pairs):
    # few distinct word hashes, so sentences do share consecutive pairs (and repeat them)
    from corpuslint.families.duplicate.local import _may_share_pairs, _shared_word_pairs

    values = np.array([w * 2654435761 % 2**32 for s in sentences for w in s], dtype=np.uint32)
    cuts = np.zeros(len(sentences) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in sentences], out=cuts[1:])
    counts = _shared_word_pairs(values, cuts, min_words)[2]
    assert _may_share_pairs(values, cuts, min_words, min_pairs) == bool((counts >= min_pairs).any())


def _real_lines() -> list[str]:
    out = []
    for name in ("debian-handbook-apt.txt", "apache-2.0-sections-2-3.txt", "chatterbot-fa-colloquial.txt",
                 "chatterbot-fa-trivia-nahj.txt", "django-po-ar-admindocs.txt"):
        out += [ln for ln in (REAL / name).read_text(encoding="utf-8").splitlines() if ln.strip()]
    for path in sorted((ROOT / "samples" / "news-ar").glob("*.txt"))[:3]:
        out += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return out


def test_d106_words_from_the_analysis_give_the_same_state():
    # a record's lines keyed from the duplicate family's analysis (``words_in_run_spans``)
    # or tokenised again (``words_of``): the same keys, counts and letters
    from corpuslint.families.duplicate import units as U
    from corpuslint.families.duplicate.corpus import BoilerplateLine

    rule = BoilerplateLine()
    lines = _real_lines()
    texts = lines[:60] + ["\n".join(lines[k : k + 4]) for k in range(0, 80, 4)]
    texts += ["one line\x1ctwo words here\u2028three words again", "  padded  line  \n\n  and another one  \n"]
    # lines of >= 100 characters: each its own unit (the lines' keys are the units'), one of digits only
    wide = [ln for ln in lines if len(ln) >= 100]
    texts += ["\n".join(wide[k : k + 3]) for k in range(0, 30, 3)]
    texts += [wide[0] + "\n" + "2026 12 03 14 05 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29"]
    compared = fast = 0
    for k, text in enumerate(texts):
        plain, analysed = Document(f"a{k}.txt", text), Document(f"b{k}.txt", text)
        fast += U.analyse(analysed).run_words is not None
        one, two = rule.collect(plain), rule.collect(analysed)
        assert (one is None) == (two is None), text
        if one is not None:
            assert one.keys() == two.keys()
            for name in one:
                assert one[name].dtype == two[name].dtype and np.array_equal(one[name], two[name]), (text, name)
            compared += 1
    assert compared > 40 and fast > 40


def test_state_spill_gathers_writes_and_reads_them_back():
    from corpuslint.store import Spilled, StateSpill

    spill = StateSpill()
    try:
        states = [{"words": ["w%d" % k] * (k % 5), "n": k} for k in range(3000)]
        states.append({"big": "x" * (3 << 20)})  # (more than the gathered bytes: written through)
        refs = [spill.put(s) for s in states]
        arrays = spill.put({"keys": np.arange(7, dtype=np.uint64)}, "D106")
        assert all(isinstance(r, Spilled) for r in refs)
        assert spill.get(refs[5]) == states[5]  # read before a flush: what is gathered is written first
        more = spill.put({"n": -1})
        assert spill.get(more) == {"n": -1} and spill.get(refs[-1]) == states[-1]
        spill.flush()
        assert spill._pending == bytearray() and spill._written == spill._end
        assert [spill.get(r) for r in refs] == states
        assert np.array_equal(spill.get(arrays)["keys"], np.arange(7, dtype=np.uint64))
    finally:
        spill.close()


def _analyses(texts: list[str], short: bool) -> tuple[list, tuple]:
    """Each text's duplicate-family ``Analysis`` on an emptied word table, by the short path
    or by the array path, and the word table it left (its words' hashes)."""
    from corpuslint.families.duplicate import units as U

    saved = U.SHORT_ANALYSIS
    U._clear_runs()
    if not short:
        U.SHORT_ANALYSIS = -1
    try:
        got = [U.Analysis(Document(f"r{k}.jsonl", t)) for k, t in enumerate(texts)]
    finally:
        U.SHORT_ANALYSIS = saved
    n = U._N_WORDS
    return got, (n, U._N_RUNS, U._W_STEM[:n].copy(), U._W_NORM[:n].copy())


def _same_analyses(texts: list[str]) -> None:
    arrays, table_a = _analyses(texts, short=False)
    short, table_b = _analyses(texts, short=True)
    assert table_a[:2] == table_b[:2] and all(np.array_equal(x, y) for x, y in zip(table_a[2:], table_b[2:]))
    for text, a, b in zip(texts, arrays, short):
        for name in ("table", "nwords", "bounds", "stem_hashes", "keys"):
            x, y = getattr(a, name), getattr(b, name)
            assert x.dtype == y.dtype and x.shape == y.shape and np.array_equal(x, y), (text, name)
        assert a.name_hints == b.name_hints, text
        assert a.units == b.units, text
        assert (a.run_words is None) == (b.run_words is None), text
        for x, y in zip(a.run_words[:4] if a.run_words else (), b.run_words[:4] if b.run_words else ()):
            assert x.dtype == y.dtype and np.array_equal(x, y), text
        assert np.array_equal(a.shingle_sets[0], b.shingle_sets[0]) and np.array_equal(a.signatures, b.signatures)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_TRICKY + "\n\n\n" + "x" * 12, max_size=160), min_size=1, max_size=5),
       st.integers(0, 3))
def test_analysis_short_path_gives_the_arrays_of_the_array_path(texts, long_lines):
    # long lines (>= WRAPPED_LINE_MAX characters) in a block of several lines: one unit a line
    texts = texts + ["\n".join(["word " * 25] * long_lines + texts[:1])]
    _same_analyses(texts)


def test_analysis_short_path_on_real_fields():
    lines = _real_lines()
    texts = lines[:150] + ["\n".join(lines[k : k + 3]) for k in range(0, 120, 3)]
    texts += ["\n\n".join(lines[k : k + 2]) for k in range(150, 200, 2)] + ["", " \n \t", "- . , ;", "a\n\n\nb"]
    from corpuslint.families.duplicate import units as U

    assert sum(len(t) <= U.SHORT_ANALYSIS and "%" not in t for t in texts) > 150  # (the short path's texts)
    _same_analyses(texts)
