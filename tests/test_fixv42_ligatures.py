"""A120 and the Latin ligatures of Alphabetic Presentation Forms (fixv42): "ﬀ" (U+FB00) in C4's
"+to+oﬀer+higher+capacity+" (LLaMA-Factory's c4_demo.jsonl, record 177), left by a PDF
extraction, was never reported; A120 covered the Arabic presentation forms only. Its safe fix
is the NFKC of just the ligature ("ff"), as for the Arabic forms.

Excerpt: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import lint_text
from corpuslint.engine import apply_fixes

C4 = (Path(__file__).resolve().parent / "data" / "realtext" / "c4-offer-ligature.txt").read_text(encoding="utf-8")
LIGATURES = [chr(c) for c in range(0xFB00, 0xFB07)]  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ


def _a120(text: str) -> list:
    return lint_text(text, path="c4.txt", config={"select": ["A120"], "cache": False})


def test_latin_ligature_in_c4_is_reported_and_fixed():
    (f,) = _a120(C4)
    at = C4.index("\ufb00")
    assert (f.start, f.end) == (at, at + 1)
    assert f.message == "Latin ligature 'ﬀ' (U+FB00…) instead of the letters 'ff'"
    fixed, count = apply_fixes(C4, [f], unsafe=False)
    assert count == 1 and "+to+offer+higher+" in fixed and fixed == C4.replace("\ufb00", "ff")


def test_arabic_forms_stay_reported_beside_a_ligature():
    text = "ﻹعدادات الشبكة: oﬁce"
    found = _a120(text)
    assert [f.message for f in found] == ["Arabic presentation forms 'ﻹ' (U+FEF9…) instead of the letters 'لإ'",
                                          "Latin ligature 'ﬁ' (U+FB01…) instead of the letters 'fi'"]
    # the word ligatures religious texts use on purpose (ﷺ) stay unreported
    assert _a120("محمد ﷺ") == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LIGATURES), st.sampled_from(["o", "e", "r", " ", "ا", "ﻹ", "\n"])),
                max_size=30))
def test_fix_is_nfkc_of_the_forms_only(chars):
    text = "".join(chars)
    fixed, _ = apply_fixes(text, _a120(text), unsafe=False)
    # every form becomes its letters; nothing else changes (NFKC of the forms alone)
    expected = "".join(unicodedata.normalize("NFKC", c) if c in LIGATURES or c == "ﻹ" else c for c in chars)
    assert fixed == expected
    assert not any(c in fixed for c in LIGATURES)
