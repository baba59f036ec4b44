"""cpu23 (issue 14, target 2): fast paths against the definitions they replace.

Each test computes the old definition next to the fast path on generated input
(hypothesis) and asserts the same answer. (D104/D105's intersection counts are checked
against Python sets in tests/test_duplicate.py, ``test_verify_counts_are_the_exact_intersections``.)"""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.families.duplicate import local


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
