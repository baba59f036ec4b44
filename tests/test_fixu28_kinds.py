"""Whitespace false-alarm kinds a new user (fresh28) met in Chinese, Japanese, Korean and
Thai text: rendered man pages (manpages-ja, manpages-zh), a Korean bill (konlpy's kobill),
GNOME's Thai catalogues. Each kind with its real excerpt, and a true finding of the same
rule beside it still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_paths, lint_text
from corpuslint.document import Document
from corpuslint.engine import apply_fixes
from corpuslint.families.whitespace._common import justified_lines
from corpuslint.findings import Applicability
from corpuslint.text.width import cell_width, display_width, index_at_column

REALTEXT = Path(__file__).parent / "data" / "realtext"
NO_CACHE = {"cache": False}


def found(codes: str, path: Path) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in lint_paths([str(path)], config={"select": codes.split(","), **NO_CACHE})]


def text_found(code: str, text: str, path: str = "page.txt", **config) -> list:
    return lint_text(text, path=path, config={"select": [code], **NO_CACHE, **config})


# -- the display width helper -------------------------------------------------------------

def test_display_width_counts_wide_characters_twice_and_marks_not_at_all():
    assert display_width("タイプ 2") == 8
    assert display_width("quota  を") == 9
    assert display_width("พื้น") == 2  # (two letters, two marks above)
    assert cell_width("\u00ad") == 0 and cell_width("護") == 2 and cell_width("a") == 1
    line = "       タイプ 2       護符 (amulet)"
    assert index_at_column(line, 22) == line.index("護") == 19
    assert index_at_column(line, 8) is None  # (the second cell of タ)
    assert index_at_column(" " * 22 + "聖水", 22) == 22


# -- 1. W103: a justified page's fill -----------------------------------------------------

def test_w103_leaves_the_fill_of_justified_man_pages():
    # e2fsck(8) in Japanese: "ルシステム ... e2fsck  は", "-n  また", 78 cells each
    assert found("W103", REALTEXT / "manpages-ja-e2fsck-justified.txt") == []
    text = (REALTEXT / "manpages-ja-e2fsck-justified.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    justified = justified_lines(Document("e2fsck.8.txt", text))
    assert 27 in justified and lines[27].endswith("-p  オプ")  # (e2fsck.8.txt:167, fresh28's example)
    assert 28 not in justified  # a paragraph's last line is never stretched


def test_w103_still_reports_a_paragraphs_last_line_and_ragged_text():
    # chat(8) in Chinese: justified Chinese and English lines (":22", ":23", "this  file." at
    # :29) are left; the paragraph's last line, 69 cells, keeps its doubled space
    assert found("W103", REALTEXT / "manpages-zh-chat-justified.txt") == [("W103", 11, 35)]
    # ragged hard-wrapped text is no justified page (Apache-2.0 as Debian ships it)
    ragged = (REALTEXT / "apache-2.0-sections-2-3.txt").read_text(encoding="utf-8")
    assert justified_lines(Document("apache.txt", ragged)) == frozenset()
    assert [text_found("W103", "It is written with two  spaces between two words of a sentence.\n")[0].column] == [23]


# -- 2. W103: columns compared in display cells ------------------------------------------

def test_w103_compares_columns_in_display_cells():
    # bc(1) in Japanese, :665 "指数   累乗演算": the text starts at cell 14, where the lines
    # around it (across a blank line) start theirs; code point 10
    assert found("W103", REALTEXT / "manpages-ja-bc-limits.txt") == []
    # phantasia(6) in Japanese, :409: "タイプ 2       護符" over its continuation, indented to cell 22
    page = "       タイプ 2       護符 (amulet) - 呪われた宝物から身を守ります。\n" \
           "                      聖水 (holy water) - assorted faeries を殺します。\n"
    assert text_found("W103", page) == []


def test_w103_reports_a_run_whose_column_no_neighbour_shares_in_cells():
    # kobill 1809897 (konlpy 0.6.0), lines 22-23: in code points the run ended where the line
    # above has a character after a space; in cells it does not (a doubled space, reported)
    bill = ("    가. 국군부대의 임무는 UAE군 특수전 부대에 대한 교육훈련 지원, \n"
            "UAE군 특수전 부대와 연합훈련 및 연습,  유사시 우리 국민 보호임.   \n")
    assert [(f.line, f.column) for f in text_found("W103", bill)] == [(2, 24)]


# -- 3. W103, W114: Korean letter-spaced labels (균등 배분) --------------------------------

def test_korean_letter_spaced_labels_are_form_layout():
    # 발  의  자 :, 현      행, 개   정   안, (생  략), <신  설>: no W103, and no W114 for the
    # label's colon; "발의연월일 :" (line 10), no letter-spacing, keeps its W114
    assert found("W103,W114", REALTEXT / "kobill-1809895-form.txt") == [("W114", 10, 6)]
    # kobill 1809892 (konlpy 0.6.0), lines 339 and 419: a table heading's cell and a signature
    # block's title, then the name set apart
    assert text_found("W103", "비  율(B/A)\n") == []
    assert text_found("W103", "팀      장   정 문 종\n") == []


def test_two_korean_syllables_spaced_inside_a_sentence_stay_reported():
    # kobill 1809898, line 20: a doubled space after a word of a sentence
    line = "      셋째,  국내외 관계기관에서 파견연장을 요청하고 있음.\n"
    assert [f.column for f in text_found("W103", line)] == [10]
    # two single syllables with a run between, inside a sentence (not a label; a minimal pair
    # of the kind's definition, no such slip in the bills): reported
    assert [f.column for f in text_found("W103", "그러나 그 외  세 가지 안건은 다음 회기로 넘긴다.\n")] == [8]


# -- 4. Thai: the sentence space and soft hyphens -----------------------------------------

def test_thai_sentence_space_and_soft_hyphens_are_kept(tmp_path):
    # gedit's Thai catalogue: "ได้  ใช้ค่า" (no full stop in Thai: two spaces end the sentence)
    assert found("W103", REALTEXT / "gedit-th-sentence-space.po") == []
    # gnome-control-center's Thai panel names: "พื้น\xadหลัง", "ความ\xadเป็น…"; and "Wa\xadcom",
    # whose msgid "Wa\xadcom Tab\xadlet" marks its break points so
    assert found("W112", REALTEXT / "gnome-control-center-th-soft-hyphens.po") == []


def test_thai_true_findings_stay():
    # three spaces between Thai words, two between Thai and a Latin word: reported
    assert [f.column for f in text_found("W103", "ใช้ค่า   จะหมายถึง\n")] == [7]
    assert [f.column for f in text_found("W103", "ใช้ค่า  gedit\n")] == [7]
    # a soft hyphen between Latin letters, and one in a Thai word beside a space, reported
    assert len(text_found("W112", "The Wa\u00adcom tablet settings.\n")) == 1
    assert len(text_found("W112", "พื้น \u00adหลัง\n")) == 1


# -- 5. W103's fix after a full-width mark -----------------------------------------------

# bunzip2(1) in Traditional Chinese (manpages-zh 1.6.4, GFDL-1.2+), lines 197-199 joined into
# one paragraph record (as an export of paragraphs writes it): its run after "。" is no
# longer a justified line's fill
BUNZIP2_ZH_TW = ("壓縮後的資料塊以一個 48 位的結構分界，因而有可能在合理的範圍內找到塊邊界。  "
                 "每個資料塊也帶著自己的 32 位 CRC 校驗碼，因此可以區分損壞與未損壞的資料塊。\n")


def test_w103_fix_after_a_full_width_stop_removes_the_run():
    findings = text_found("W103", BUNZIP2_ZH_TW)
    assert len(findings) == 1 and findings[0].fix.applicability is Applicability.SAFE
    fixed, count = apply_fixes(BUNZIP2_ZH_TW, findings, unsafe=False)
    assert count == 1 and "塊邊界。每個資料塊" in fixed
    # elsewhere the run keeps one space, as before: "48  位" -> "48 位"
    other = BUNZIP2_ZH_TW.replace("48 位", "48  位")
    fixed, count = apply_fixes(other, text_found("W103", other), unsafe=False)
    assert count == 2 and "48 位的" in fixed and "界。每個" in fixed
    # Korean spaces its sentences: after a full-width mark before Hangul one space stays
    korean = "이 법은 공포한 날부터 시행한다。  다만 제2조는 그러하지 아니하다.\n"
    fixed, _ = apply_fixes(korean, text_found("W103", korean), unsafe=False)
    assert "시행한다。 다만" in fixed
