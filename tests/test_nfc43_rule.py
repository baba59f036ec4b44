"""A122 non-nfc-text (opt-in): text not in Unicode NFC, on real text (tests/data/realtext)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import lint_text
from corpuslint.engine import apply_fixes
from corpuslint.families.artifact.normalization import non_nfc_runs

from .conftest import run_cli

REALTEXT = Path(__file__).resolve().parent / "data" / "realtext"


def _a122(text: str, name: str = "t.txt"):
    return lint_text(text, path=name, config={"select": ["A122"], "cache": False})


def _apply(text: str, findings) -> str:
    """``text`` with every finding's fix applied, unsafe ones too, by the engine."""
    return apply_fixes(text, findings, unsafe=True)[0]


def test_decomposed_french_is_reported_and_the_safe_fix_gives_the_nfc_text():
    text = (REALTEXT / "debian-handbook-fr-security-title.txt").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert _a122(text) == []  # the handbook as shipped: nothing
    nfd = unicodedata.normalize("NFD", text)  # as a macOS export stores it
    found = _a122(nfd)
    assert found and all(f.fix.applicability.value == "safe" for f in found)
    assert "'e\u0301' (U+0065 + U+0301) for '\u00e9' (U+00E9)" in found[0].message
    assert _apply(nfd, found) == text


def test_arabic_marks_in_typing_order_are_reported_with_an_unsafe_fix():
    # Tirmidhi types shadda before its vowel (U+0651 U+064E); NFC puts the vowel first:
    # renderers without UTR #53's mark reordering then show it wrongly.
    text = (REALTEXT / "tirmidhi-001-parallel-narrations.txt").read_text(encoding="utf-8")
    found = _a122(text)
    assert found and all(f.fix.applicability.value == "unsafe" for f in found)
    assert any("U+0651 + U+064E" in f.message for f in found)
    assert _apply(text, found) == unicodedata.normalize("NFC", text)


def test_uthmani_madd_sign_on_alef_is_not_composed_safely():
    # "وَأَغْرَقْنَآ": alef + U+0653, the Uthmani madd sign, which NFC turns into the letter آ.
    text = (REALTEXT / "quran-ar-uthmani-002-050-maddah.txt").read_text(encoding="utf-8")
    found = _a122(text)
    assert len(found) == 1 and found[0].fix.applicability.value == "unsafe"
    assert "U+0627 + U+0653" in found[0].message and "(U+0622)" in found[0].message


def test_a_hamza_typed_before_its_vowel_on_tatweel_is_reordered_unsafely():
    # "ـَٔ" (U+0640 U+0654 U+064E): tatweel and the marks are of no one script (Script=Common,
    # Inherited); their Script_Extensions say Arabic.
    text = (REALTEXT / "quran-ar-uthmani-003-085-tatweel-hamza.txt").read_text(encoding="utf-8")
    found = _a122(text)
    assert found and all(f.fix.applicability.value == "unsafe" for f in found)
    assert any("U+0640 + U+0654 + U+064E" in f.message for f in found)


def test_combining_hamza_on_alef_is_composed_safely():
    # the same verse's أ written as alef + combining hamza above (U+0654): NFC gives U+0623, its letter
    verse = (REALTEXT / "quran-ar-uthmani-002-050-maddah.txt").read_text(encoding="utf-8")
    text = next(word for word in verse.split() if "\u0623" in word)  # فَأَنجَيْنَـٰكُمْ
    typed = text.replace("\u0623", "\u0627\u0654")
    assert _a122(text) == [] and typed != text
    found = _a122(typed)
    assert len(found) == 1 and found[0].fix.applicability.value == "safe"


def test_pointed_hebrew_and_polytonic_greek_get_unsafe_fixes_only():
    hebrew = (REALTEXT / "tanakh-pointed-joshua-21-34-39.txt").read_text(encoding="utf-8")
    greek = (REALTEXT / "nestle1904-luke-24-brackets.txt").read_text(encoding="utf-8")
    for text in (hebrew, greek):
        found = _a122(text)
        assert found and all(f.fix.applicability.value == "unsafe" for f in found)
        assert _apply(text, found) == unicodedata.normalize("NFC", text)
    assert any("U+1F71" in f.message or "U+1F77" in f.message or "U+1F73" in f.message for f in _a122(greek))


def test_off_by_default_and_not_in_code(tmp_path):
    nfd = unicodedata.normalize("NFD", (REALTEXT / "debian-handbook-fr-security-title.txt").read_text(encoding="utf-8"))
    (tmp_path / "a.txt").write_text(nfd, encoding="utf-8")
    default = run_cli("check", "--no-cache", "--exit-zero", str(tmp_path / "a.txt"))
    assert "A122" not in default.stdout
    chosen = run_cli("check", "--no-cache", "--exit-zero", "--select", "A122", str(tmp_path / "a.txt"))
    assert "A122" in chosen.stdout
    block = "Texte :\n\n```\n" + nfd.splitlines()[0] + "\n```\n"
    assert _a122(block, name="a.md") == []


def test_fix_writes_nfc_and_a_second_run_changes_nothing(tmp_path):
    text = (REALTEXT / "debian-handbook-fr-security-title.txt").read_text(encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    run_cli("check", "--no-cache", "--select", "A122", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == text
    again = run_cli("check", "--no-cache", "--select", "A122", str(path))
    assert again.returncode == 0


_MARKS = st.sampled_from(["\u0301", "\u0300", "\u0308", "\u0323", "\u0327", "\u0651", "\u064e", "\u0653",
                          "\u0654", "\u05bc", "\u05b4", "\u0345", "\u1161", "\u11a8"])
_BASES = st.sampled_from(list("aeiouAEcnsz ") + ["\u0627", "\u0648", "\u05d1", "\u03b1", "\u1100", "\u1f71",
                                                  "\uf900", "\u2126", "\u037e", "\u00e9", "x"])


@given(st.lists(st.tuples(_BASES, st.lists(_MARKS, max_size=3)), max_size=30))
@settings(max_examples=300, deadline=None)
def test_runs_replaced_by_their_nfc_give_the_line_nfc(parts):
    line = "".join(base + "".join(marks) for base, marks in parts)
    runs = non_nfc_runs(line)
    pieces, pos = [], 0
    for start, end, nfc in runs:
        assert pos <= start < end <= len(line)  # disjoint, in order, never empty
        assert nfc == unicodedata.normalize("NFC", line[start:end]) or (start, end) == (0, len(line))
        pieces += [line[pos:start], nfc]
        pos = end
    assert "".join(pieces) + line[pos:] == unicodedata.normalize("NFC", line)
    assert (runs == []) == unicodedata.is_normalized("NFC", line)
