"""fresh34's smaller kinds (a new user's CJK and Thai documentation, Debian packages), each
line quoted from the corpus with its source.

* W115: a quotation holding a format string or a shell expansion is a value a program
  reads; its spaces are printed (hexdump(1) in Japanese, manpages-ja 0.5.0.0.20221215;
  debian-reference 2.100 in Japanese, GPL-2+).
* W114: in Thai a colon set off by spaces on both sides is the phrase break's, as a ``?``
  is (Firefox ESR's Thai strings, firefox-esr-l10n-th 153.8.0esr, MPL-2.0).
"""

from __future__ import annotations

from corpuslint import lint_text


def _w115(text: str) -> list:
    return [f for f in lint_text(text, path="page.txt", config={"select": ["W115"]}) if f.code == "W115"]


HEXDUMP = ('各行がフォーマット文字列であり、「"%08.8_ax  "」 「8/1 "%02x "」 といった部分がフォーマット単位である。\n\n'
           '          "%08.8_Ax\\n"\n'
           '          "%08.8_ax  " 8/1 "%02x " "  " 8/1 "%02x "\n')
SHELL = 'この例では "$1 $2 $3 $4 … " のように引数が展開される。\n'


def test_w115_spares_a_format_string_and_a_shell_expansion():
    assert _w115(HEXDUMP) == []
    assert _w115(SHELL) == []


def test_w115_still_reports_words_quoted_with_a_stray_space():
    # the same quotations with words in place of the conversions and parameters
    words = HEXDUMP.replace("%02x", "two").replace("%08.8_ax", "eight")
    assert [(f.line, f.column, f.message) for f in _w115(words)] == [(4, 17, 'space before closing "')]
    assert [f.message for f in _w115(SHELL.replace("$1 $2 $3 $4", "一 二 三 四"))] == ['space before closing "']
    assert [f.message for f in _w115('The sale was "50% off " today.\n')] == ['space before closing "']


THAI = ["สำคัญมาก : หากคุณลืมรหัสผ่านสำรองใบรับรอง คุณจะไม่สามารถเรียกคืนข้อมูลที่สำรองไว้ได้อีกต่อไป ควรบันทึกรหัสผ่านนี้ไว้ในที่ปลอดภัย",
        "อื่น ๆ : { $type } ({ $pid })"]


def _w114(text: str) -> list:
    return [f.message for f in lint_text(text, path="th.txt", config={"select": ["W114"]}) if f.code == "W114"]


def test_w114_spares_a_thai_colon_set_off_on_both_sides():
    for line in THAI:
        assert _w114(line + "\n") == [], line
    # a comma there, the space before it is still reported
    assert _w114(THAI[0].replace(" : ", " , ", 1) + "\n") == ["space before ','"]
