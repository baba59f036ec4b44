"""fresh27 (an Arabic-script corpus: Urdu, Persian, Pashto, Shahmukhi Punjabi, Arabic UI strings of
Debian 12's .po catalogues exported to text): the whitespace family's kinds, each on a real excerpt
(tests/data/realtext/SOURCE.md) with a true finding kept beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings, strategies as st

from corpuslint import lint_text
from corpuslint.document import Document
from corpuslint.families.whitespace.script_digits import LettersGluedToDigits

from .conftest import run_json

REAL = Path(__file__).resolve().parent / "data" / "realtext"


def _findings(name: str, select: str, text: str | None = None) -> list:
    if text is None:
        text = (REAL / name).read_text(encoding="utf-8")
    return list(lint_text(text, path=name, config={"select": [select]}))


def _spans(name: str, select: str, text: str | None = None) -> list[tuple[int, str]]:
    if text is None:
        text = (REAL / name).read_text(encoding="utf-8")
    return [(f.line, text[f.start : f.end]) for f in _findings(name, select, text)]


# -- 1. W120: year signs, ordinal suffixes and numbered names are written glued -------------------

W120_FILE = "fresh27-w120-year-signs-ordinals-names.txt"


def test_w120_year_sign_ordinal_and_numbered_name_are_not_glued_slips():
    # Shahmukhi "۱۴۰۰ء" (the year sign ء, CE), Pashto "۲يمه" (the second), Persian "پین۲" (PIN2),
    # "پوک۲" (PUK2), "تابع۱" (F1): none reported; Urdu "0بائٹس" (0 bytes) still is, with its safe fix
    found = _findings(W120_FILE, "W120")
    text = (REAL / W120_FILE).read_text(encoding="utf-8")
    assert [(f.line, text[f.start : f.end]) for f in found] == [(15, "0بائٹس")]
    assert found[0].fix.applicability.name == "SAFE"


def test_w120_a_word_glued_to_a_number_that_counts_is_still_reported():
    # a year or quantity of two digits or more after a word, an item's number before its stop
    assert _spans("x.txt", "W120", "مدھ فرانسیسی، سال۱۴۰۰ توں\n") == [(1, "سال۱۴۰۰")]
    assert _spans("x.txt", "W120", "مقدمةتمهيد1. لماذا هذا الكتاب\n") == [(1, "مقدمةتمهيد1")]


def test_w120_one_letter_after_a_number_has_no_safe_fix():
    # gnome-control-center ar: "(٣ج، ٤ج، واي‌ماك)", 3G and 4G: a letter the rule cannot tell
    # from a slip keeps its finding, with an unsafe fix (lead: safe, inserting "٣ ج")
    (f,) = _findings("x.txt", "W120", "يمكن تعطل شبكات الهاتف المحمول (٣ج، ٤ج، واي‌ماك، إلخ.) لتوفير الطاقة.\n")
    assert f.fix.applicability.name == "UNSAFE" and len(f.fix.edits) == 2


_W120_PIECES = st.sampled_from(["سال", "۱۴۰۰", "ء", "يمه", "ج", "ھ", "بائٹس", "5", "۲", " ", "\n", "پین"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_W120_PIECES, max_size=30))
def test_w120_safe_fixes_never_split_a_year_sign_or_a_letter_off_a_number(pieces):
    # the safety rule: a safe edit never lands between a number and one letter (ء, ج, ھ) nor
    # between a number and an ordinal suffix; a word then a single digit is never reported
    text = "".join(pieces)
    for f in LettersGluedToDigits().check(Document("x.txt", text)):
        if f.fix.applicability.name != "SAFE":
            continue
        for e in f.fix.edits:
            after = text[e.start :].split(" ")[0].split("\n")[0]
            if text[e.start - 1 : e.start].isdigit():
                assert len(after) > 1 and after not in ("يمه", "ھ", "ء")
            else:
                assert sum(c.isdigit() for c in after) > 1 or text[e.start + len(after) - 1 : e.start + len(after)] == "."


# -- 2. W114: the Urdu full stop ۔ --------------------------------------------------------------

W114_FILE = "fresh27-w114-urdu-full-stop.txt"


def test_w114_space_before_the_urdu_full_stop_is_reported():
    # pidgin's Urdu strings: "منتخب کرنا چاہیے۔" is right, "ہے ۔" and "ہیں ۔" are not (lead: none)
    text = (REAL / W114_FILE).read_text(encoding="utf-8")
    found = _findings(W114_FILE, "W114")
    assert [(f.line, text[f.end]) for f in found] == [(1, "۔"), (3, "۔"), (5, "۔")]
    assert all(f.fix.applicability.name == "SAFE" for f in found)
    assert _findings("x.txt", "W114", "0بائٹس کی فائل بھیج نہیں سکتا۔\n") == []
    # Django's Urdu catalogue (benchmarks/realtext.py po-django, ur conf): "%s ک ۔ ب" (KB), the
    # abbreviation's point between its two letters, is no full stop
    assert _findings("x.txt", "W114", "%(size)d بائٹس\n\n%s ک ۔ ب\n\n%s م ۔ ب\n") == []


# -- 3. W103/W114: a prose line with two doubled spaces is no aligned column ---------------------


def test_prose_line_with_two_doubled_spaces_keeps_its_findings():
    # pidgin ur: "آپ مندرجہ ذیل فہرست سے  قابل/ ناقابل اكاؤنٹس  كرسكتے ہیں ۔" (11 words, two
    # doubled spaces): lead took it for a lone line of aligned columns (code) and reported nothing
    text = (REAL / W114_FILE).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert Document("x.txt", text).line_kinds[4] == "prose"
    assert [(f.line, f.column) for f in _findings(W114_FILE, "W103")] == [
        (3, lines[2].index("  ") + 1), (5, lines[4].index("  ") + 1), (5, lines[4].rindex("  ") + 1)]


# -- 4. W102: a format's number bound to its unit sign, AM/PM parts -----------------------------


def test_w102_number_format_bound_to_its_unit_is_typography():
    # libgweather fa "%Id\u00a0°ف", gtk30 fa "%Id\u200a٪", gnome-control-center ar "ص\u00a0\\\u00a0م"
    # (AM / PM) and fa "\u2066%Ol∶%OM\u2069\u2009%p": typography; gnome-maps ar "تعتبر\u00a0علامات",
    # a no-break space between two words, is still reported
    assert _spans("fresh27-w102-format-units.txt", "W102") == [(11, "\u00a0")]


# -- 5. W111: display marks around a time in Persian text, an RLE before a date format --------------


def test_w111_isolates_around_a_time_in_undeclared_persian_text_are_a_display_fix(tmp_path):
    # rhythmbox fa "%a \u2066%OI:%OM\u2069 %p" among Persian strings, no language declared: the
    # text is Persian by its letters, as declaring it says (lead: two findings); gnome-disk-utility's
    # line whose PDF closes no embedding is still reported
    assert [(f.line, f.column) for f in _findings("fresh27-w111-fa-time-formats.txt", "W111")] == [(11, 1)]
    shutil.copy(REAL / "fresh27-w111-fa-time-formats.txt", tmp_path / "fa.txt")
    # a document in Latin script with the same line: nothing says it runs right to left
    latin = "%a \u2066%OI:%OM\u2069 %p\n\nThe time format of the clock in the panel\n"
    assert [(f.line, f.column) for f in _findings("x.txt", "W111", latin)] == [(1, 4)]


def test_w111_rle_before_a_date_format_in_a_right_to_left_record(tmp_path):
    # pidgin ps "\u202b%x %X", "\u202b%B %Y" (records declaring "lang": "ps"): the embedding sets the
    # direction of a date the program writes in Pashto words; in an English record it is reported
    src = REAL / "fresh27-w111-ps-date-formats.jsonl"
    shutil.copy(src, tmp_path / "ps.jsonl")
    _, report = run_json("--select", "W111", str(tmp_path / "ps.jsonl"))
    assert report["diagnostics"] == []
    (tmp_path / "en.jsonl").write_text(src.read_text(encoding="utf-8").replace('"lang": "ps"', '"lang": "en"'),
                                       encoding="utf-8")
    _, report = run_json("--select", "W111", str(tmp_path / "en.jsonl"))
    assert len(report["diagnostics"]) == 2
