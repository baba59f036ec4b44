"""cpu44 (issue 14, target 2): fast paths against the definitions they replace.

Each test computes the old definition next to the fast path on generated input
(hypothesis) and asserts the same answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.text import legacy


def _might_be_misread_every_mixup(text: str) -> bool:
    """``legacy.might_be_misread`` as it was: every mix-up's sign searched, one per mix-up
    (the signs four mix-ups share searched four times)."""
    return any(sign.search(text) for _, _, sign in legacy.MIXUPS)


# (letters of every sign: small and capital Cyrillic, Latin-1's upper half, cp1252's signs of
# 0x80-0x9F and the C1 controls, Latin, CJK, Arabic, spaces)
_ALPHABET = st.sampled_from(list("абвёАБВЁ") + list("ÀÉÖ×ØÞßéöøÿ") + list("\u0085\u0093\u0152\u2013\u201c\u2026\u20ac\u2122")
                            + list("aZ ӿЀ") + list("日本語のㄱ") + list("كتاب") + [" ", "\n", "\t"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_might_be_misread_asks_each_sign_once(text):
    assert legacy.might_be_misread(text) == _might_be_misread_every_mixup(text)


def test_each_sign_of_the_mixups_is_asked():
    assert set(legacy._SIGNS) == {sign for _, _, sign in legacy.MIXUPS}
    assert len(legacy._SIGNS) < len(legacy.MIXUPS)  # (signs shared: the reason it is cheaper)


def test_might_be_misread_on_real_mojibake_and_on_prose():
    for text in ("лМБУУЙЮЕУЛЙЕ", "Ïðèìåð", "WaЯenhoven", "“ú–{Œê‚Ì"):  # text.legacy's own examples
        assert legacy.might_be_misread(text) and _might_be_misread_every_mixup(text)
    prose = "قال المتحدث باسم الكرملين – «إنها دولة صديقة» … وأضاف: Moscow."
    assert not legacy.might_be_misread(prose) and not _might_be_misread_every_mixup(prose)
