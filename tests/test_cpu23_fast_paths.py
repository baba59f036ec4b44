"""cpu23 (issue 14, target 2): fast paths against the definitions they replace.

Each test computes the old definition next to the fast path on generated input
(hypothesis) and asserts the same answer. (D104/D105's intersection counts are checked
against Python sets in tests/test_duplicate.py, ``test_verify_counts_are_the_exact_intersections``.)"""

from __future__ import annotations

from collections import defaultdict
from itertools import islice

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.families.duplicate import local, regions


def _crossed_terms_indexed(a: list, b: list) -> bool:
    """``local.crossed_terms`` as it was: the cheap inversion test over index pairs."""
    if not {(a[i], a[j]) for i in range(len(a)) for j in range(i + 2, min(i + 7, len(a)))}.intersection(
            (b[q], b[p]) for p in range(len(b)) for q in range(p + 2, min(p + 7, len(b)))):
        return False
    seen: dict[tuple, list[tuple]] = defaultdict(list)
    for x, pivot, y in local._runs_around_pivots(b):
        seen[x, y].append(pivot)
    for x, pivot, y in local._runs_around_pivots(a):
        pivots = seen.get((y, x))
        if pivots and set(x).isdisjoint(y) and any(not set(pivot).isdisjoint(q) for q in pivots):
            return True
    return False


_WORDS = st.lists(st.integers(0, 7), max_size=16)  # (few distinct words: inversions and pivots do occur)


@settings(max_examples=600, deadline=None)
@given(_WORDS, _WORDS)
def test_crossed_terms_zipped_inversion_test_is_the_indexed_one(a, b):
    assert local.crossed_terms(a, b) == _crossed_terms_indexed(a, b)


def test_crossed_terms_on_the_chiasmus_and_a_moved_clause():
    # Picasso's chiasmus (content words as D103 gives them, hashed to small ints here) and
    # a clause moved to the front, which has no shared pivot between the moved parts
    pintor = [1, 2, 3, 4, 5]  # pintor hombre pinta [que] vende
    artista = [6, 2, 5, 4, 3]  # artista hombre vende [que] pinta
    assert local.crossed_terms(pintor, artista) and _crossed_terms_indexed(pintor, artista)
    said = [10, 11, 12, 13]  # X said Y Monday
    moved = [13, 10, 11, 12]  # Monday X said Y
    assert not local.crossed_terms(said, moved) and not _crossed_terms_indexed(said, moved)


_VERSE_NUMBER_MULTILINE = regex.compile(r"^[ \t]*\(?(\p{Nd}{1,3})(?:[.):।][ \t]+\S|[ \t]+\p{L})", regex.MULTILINE)


def _numbered_verses_scanned(text: str) -> bool:
    """``regions.numbered_verses`` as it was: one MULTILINE scan of the whole text."""
    numbers = [int(m.group(1)) for m in _VERSE_NUMBER_MULTILINE.finditer(text)]
    if len(numbers) < regions.VERSE_MIN_PARAGRAPHS:
        return False
    lines = sum(1 for line in text.splitlines() if line.strip())
    in_order = sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1)
    return (len(numbers) >= regions.NUMBERED_VERSE_SHARE * lines
            and in_order >= regions.NUMBERED_VERSE_SHARE * (len(numbers) - 1))


# Line openings: numbers in three scripts, the marks after them, the line breaks ``^`` does
# not take (\r, \x85, \u2028, \v, \f) and spaces of other kinds
_PIECES = st.sampled_from(["1", "2", "12", "1234", "٣", "২৮", "(", ")", ".", ":", "।", " ", "\t", "\xa0",
                           "\u3000", "\n", "\r\n", "\r", "\x85", "\u2028", "\v", "\f", "word", "ক"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_numbered_verses_line_by_line_is_the_multiline_scan(text):
    assert [m.group(1) for m in map(regions._VERSE_NUMBER_RE.match, text.split("\n")) if m] == [
        m.group(1) for m in _VERSE_NUMBER_MULTILINE.finditer(text)]
    assert regions.numbered_verses(text) == _numbered_verses_scanned(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(10, 30), st.integers(1, 300), st.sampled_from([". ", ": ", ") ", "। "]),
       st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_numbered_verses_of_a_numbered_text(count, first, mark, newline):
    # a scripture exported one numbered verse a line (the case the test is for): the same verdict
    text = newline.join(f"{first + k}{mark}آیه شماره {k}" for k in range(count))
    assert regions.numbered_verses(text) == _numbered_verses_scanned(text)


def _opening_found(para: str) -> tuple[str, ...]:
    """The opening ``corpuslint_quality.rules._formulaic`` counted, as it was found: the
    first ``FORMULA_WORDS`` matches of ``_WORD_RE`` in the first 200 characters."""
    from corpuslint_quality import rules as Q

    return tuple(m.group().casefold() for m in islice(Q._WORD_RE.finditer(para, endpos=200), Q.FORMULA_WORDS))


# Letters, marks (Arabic harakat, a combining acute), digits, apostrophes (which join a
# following letter to a word), punctuation, spaces, case pairs
_OPENING_TEXT = st.lists(st.sampled_from(["a", "B", "é", "\u0301", "ك", "\u064e", "1", "٣", "'", "’", "-", " ", ".",
                                          "\n", "İ", "ß", "x" * 60]), max_size=40).map("".join)


@settings(max_examples=800, deadline=None)
@given(_OPENING_TEXT)
def test_formulaic_opening_in_one_match_is_the_first_words_found(para):
    from corpuslint_quality import rules as Q

    m = Q._OPENING_RE.match(para, 0, 200)
    found = _opening_found(para)
    assert (tuple(w.casefold() for w in m.groups()) if m else None) == (found if len(found) == Q.FORMULA_WORDS else None)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Article 1.", "Everyone has the right", "كل شخص له الحق", "The user's",
                                 "Nul ne peut", "x" * 190 + " ab cd"]), min_size=10, max_size=30))
def test_formulaic_entries_verdict_is_the_counted_one(paragraphs):
    from corpuslint_quality import rules as Q

    openings: dict = {}
    for para in paragraphs:
        words = _opening_found(para)
        if len(words) == Q.FORMULA_WORDS:
            openings[words] = openings.get(words, 0) + 1
    most = max(openings.values(), default=0)
    assert Q._formulaic(paragraphs) == (most >= Q.FORMULA_MIN_PARAGRAPHS and most >= Q.FORMULA_SHARE * len(paragraphs))
