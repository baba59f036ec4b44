"""Fast paths of the map step against the definitions they replace (issue 14, target 2).

Each test computes the slow definition next to the fast path, on generated input
(hypothesis) or real text, and asserts the same answer."""

from __future__ import annotations

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
    for rx in (m.start_re, m.contains_re):
        if rx is None:
            continue
        found = rx.search(normalized)
        if found:
            phrase = found.group().strip()
            entry = m.partial[phrase][0]
            if n_words <= entry.max_words:
                return entry, phrase
    return None


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
