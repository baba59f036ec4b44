"""False-alarm kinds found while labelling the real-text precision benchmark (issue 10,
benchmarks/precision.py over benchmarks/realtext.py corpora), each on the real text
where it was found (tests/data/realtext, sources in SOURCE.md there)."""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text
from corpuslint.engine import apply_fixes

DATA = Path(__file__).resolve().parent / "data" / "realtext"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def findings(text: str, select: str, path: str = "doc.txt"):
    return lint_text(text, path=path, config={"select": [select]})


# -- W113 tatweel ------------------------------------------------------------------


def test_w113_tatweel_next_to_a_haraka_is_not_elongation_but_stray_tatweel_is():
    text = read("handbook-ar-tatweel.txt")
    lines = text.split("\n")
    got = [(f.line, lines[f.line - 1][f.column - 1 - 3 : f.column - 1 + 4]) for f in findings(text, "W113")]
    # تُـنَـبِّه، يونـِكس، تُثَـبَّت، الدَبيَنَـة (lines 1-7 of the fixture, paragraphs 1-4) stay clean;
    # the stray kashidas in موثـقة، الـمخدمات، بـبنية are reported
    assert [line for line, _ in got] == [9, 11, 13]
    assert ["ـ" in span for _, span in got] == [True, True, True]
    fixed, count = apply_fixes(text, findings(text, "W113"), False)
    assert count == 3 and "موثقة" in fixed and "المخدمات" in fixed and "ببنية" in fixed
    assert fixed.count("\u0640") == text.count("\u0640") - 3  # the kashidas by harakat stay
    assert "يونـِكس" in fixed


# -- W114 space before punctuation -------------------------------------------------


def test_w114_a_dot_followed_by_a_lower_case_word_is_named_not_used():
    # GNOME help: "rename it with a . at the beginning of its name", "a . as the first
    # character": the dot is the subject, not a full stop
    for name in ("files-hidden.txt",):
        assert findings(read(f"gnome-help-fa/{name}"), "W114") == [], name
    rename = read("gnome-help-fa/files-rename.txt")
    got = [f.line for f in findings(rename, "W114")]
    assert 21 not in got  # "a file with a . as the first character"
    # real slips on the same site stay reported: a space before the Persian comma and
    # before a full stop at the end of a sentence
    right = read("gnome-help-fa/a11y-right-click.txt")
    assert [(f.line, f.message) for f in findings(right, "W114")] == [
        (3, "space before '.'"), (11, "space before '،'")]
    # in cased text a full stop before a capital is still a full stop
    assert [f.code for f in findings("Files are hidden . The manager shows them.\n", "W114")] == ["W114"]


# -- W105 blank-line runs ----------------------------------------------------------


def test_w105_reports_a_page_that_always_uses_three_blank_lines_once_and_fixes_every_run():
    text = read("npm-config-excerpt.md")
    runs = text.count("\n\n\n\n#")  # three blank lines before an entry heading
    assert runs >= 5
    (f,) = findings(text, "W105", path="config.md")
    assert f.message.startswith(f"{runs} runs of 3 consecutive blank lines (max 2), at lines ")
    fixed, count = apply_fixes(text, [f], False)
    assert count == 1 and "\n\n\n\n" not in fixed and fixed.count("\n\n\n#") == runs
    assert findings(fixed, "W105", path="config.md") == []


# -- W112 directional marks, judged by the Unicode bidi algorithm --------------------

MARKS = "\u200e\u200f\u061c"


def display(line: str) -> str:
    """The line as the Unicode bidi algorithm (UAX #9, paragraph direction from its
    first strong character, P2-P3) lays it out, marks dropped (python-bidi)."""
    from bidi import get_display

    return get_display(line).translate({ord(c): None for c in MARKS})


def test_w112_reports_exactly_the_marks_whose_removal_leaves_the_display_unchanged():
    # Handbook lines with LRM/RLM set around mixed-direction snippets: of each pair
    # around `2×N` and `nfs(5)` one mark does the job and its partner is redundant;
    # the marks around `debianization“ .diff.gz` all matter; an LRM between Latin
    # words of an English line is redundant.
    text = read("handbook-ar-bidi.txt")
    lines = text.split("\n")
    reported = {(f.line, f.column) for f in findings(text, "W112")}
    redundant = set()
    for i, line in enumerate(lines):
        for k, c in enumerate(line):
            if c in MARKS and display(line) == display(line[:k] + line[k + 1 :]):
                redundant.add((i + 1, k + 1))
    assert reported == redundant == {(1, 107), (2, 24), (4, 337)}


def test_w112_hadith_rlms_around_punctuation_change_nothing_in_a_right_to_left_line():
    # Jami' al-Tirmidhi sets every quotation mark and full stop between RLMs
    # (`قَالَ \u200f"\u200f إِنَّ`); with Arabic letters on both sides the UBA resolves the
    # neutral mark right-to-left anyway (rule N1), so the RLMs are redundant: reported,
    # with an unsafe fix (a viewer that forces a left-to-right paragraph would differ).
    text = read("tirmidhi-001-parallel-narrations.txt")
    found = findings(text, "W112")
    assert [f.line for f in found] == [1, 2, 4, 5]
    fixed, count = apply_fixes(text, found, True)
    assert count == 4 and fixed.count("\u200f") == 2  # line-final ones after "." are left alone
    for before, after in zip(text.split("\n"), fixed.split("\n")):
        assert display(before) == display(after)
    assert apply_fixes(text, found, False)[1] == 0  # not a safe fix


# -- A111 symbol-only lines, A108 markup -------------------------------------------


def test_a111_last_line_of_a_wrapped_sentence_holding_inline_code_is_not_debris():
    for name in ("nodejs-packages-exports.md", "npm-view.md"):
        text = read(name)
        assert "\n`./`.\n" in text or "\n`.`):\n" in text
        assert findings(text, "A111", path=name) == [], name
    # the same line in plain text outside a Markdown file is still a line of symbols
    assert [f.code for f in findings("All paths must start with\n\n`./`.\n\nThe end.\n", "A111")] == ["A111"]


def test_a108_a_dunder_identifier_is_not_markdown_bold():
    text = read("handbook-en/sect.selinux-excerpt.txt")
    assert "__default__" in text
    assert findings(text, "A108") == []
    assert [f.message for f in findings("a __Bold claim__ here\n", "A108")] == ["Markdown bold `__Bold claim__`"]


# -- A104 U+FFFD -------------------------------------------------------------------


def test_a104_documentation_that_names_the_replacement_character_shows_it():
    text = read("nodejs-buffer-fffd.md")
    assert "\ufffd" in text
    assert findings(text, "A104", path="buffer.md") == []
    damaged = "المنطقة ال\ufffd\ufffdولية تشهد توترا\n"
    assert [f.code for f in findings(damaged, "A104")] == ["A104"]


# -- A101 hex/ID fragments -----------------------------------------------------------


def test_a101_an_ipv6_address_written_in_full_is_an_address():
    text = read("handbook-zh-ipv6.txt")
    assert "2001:0db8:13bb:0002:0000:0000:0000:0020" in text
    assert findings(text, "A101") == []


# -- A103 boilerplate ----------------------------------------------------------------


def test_a103_see_also_a_man_page_is_a_cross_reference():
    text = read("nodejs-fs-see-also.md")
    assert "See also: rename(2)." in text
    assert findings(text, "A103", path="fs.md") == []
    assert [f.code for f in findings("Read more: the president visits Moscow\n", "A103")] == ["A103"]


# -- A102 short foreign-script lines -------------------------------------------------


def test_a102_a_shell_session_in_persian_prose_is_code():
    text = read("handbook-fa-pwd.txt")
    assert "\n$ pwd\n/home/rhertzog\n" in text
    assert findings(text, "A102") == []


# -- W103 doubled spaces in quoted output and INI files ----------------------------


def test_w103_whatis_output_and_ini_files_are_code():
    text = read("handbook-ar-whatis-gbp.txt")
    assert "scp (1)              - OpenSSH" in text and "postbuild  = autopkgtest" in text
    assert findings(text, "W103") == []
    # a doubled space in the Arabic prose of the same chapter is still one
    prose = "هذا الوصف المختصر  مضمّن في قسم NAME في بداية كل صفحة من الدليل.\n"
    assert [f.code for f in findings(text + "\n" + prose, "W103")] == ["W103"]


def test_w114_an_ascii_sign_named_between_arabic_script_or_cjk_words():
    text = read("handbook-signs-named.txt")
    got = [(f.line, f.message) for f in findings(text, "W114")]
    # the Persian "با ; از هم جدا" and "با استفاده از , می‌توانند", "برابر با ! باشد", the
    # Japanese "? は任意の文字", the Arabic "علامة الاستفهام ? أي محرف" name the sign;
    # "از طرف دیگر ، اجرای" (line 9) is a real space before the Persian comma
    assert got == [(9, "space before '،'")]
    # a line-final ASCII ; after Chinese text is still a stray space
    assert [f.code for f in findings("/srv/: 在这个系统上的服务使用的数据 ;\n", "W114")] == ["W114"]


# -- W115 spaces inside quotes -------------------------------------------------------


def test_w115_a_quoted_literal_keeps_its_space():
    text = read("quoted-literal-spaces.txt")
    assert len(text.splitlines()) == 3
    assert findings(text, "W115") == []
    # the seed's “التعاون الاستراتيجي ” is still a stray space
    assert [f.code for f in findings("بحث “التعاون الاستراتيجي ” أمس\n", "W115")] == ["W115"]


def test_w114_a_spaced_ellipsis_is_not_a_detached_full_stop():
    text = read("udhr-my-head.txt")
    assert " . . ." in text
    assert findings(text, "W114") == []


def test_a102_a_translated_key_name_in_a_partly_translated_help_page():
    text = read("gnome-help-fa/screen-shot-record.txt")
    assert "\nورود\n" in text
    assert findings(text, "A102") == []
    # an interface label in a script the page has no sentence in is still residue
    page = "\n".join(["The screenshot tool saves the picture in your Pictures folder by default."] * 6 + ["ورود", ""])
    assert [f.code for f in findings(page, "A102")] == ["A102"]
