"""fresh34's smaller kinds (a new user's CJK and Thai documentation, Debian packages), each
line quoted from the corpus with its source.

* W115: a quotation holding a format string or a shell expansion is a value a program
  reads; its spaces are printed (hexdump(1) in Japanese, manpages-ja 0.5.0.0.20221215;
  debian-reference 2.100 in Japanese, GPL-2+).
* W114: in Thai a colon set off by spaces on both sides is the phrase break's, as a ``?``
  is (Firefox ESR's Thai strings, firefox-esr-l10n-th 153.8.0esr, MPL-2.0).
* A108: bash(1)'s list of reserved words ends in ``[[ ]]``, the conditional command's
  brackets with nothing inside: no wiki link (manpages-zh 1.6.4.0, GFDL-1.2+).
* SARIF (fresh34's bug 3): a finding in a JSON Lines record has its columns, those of the
  JSON that writes the flagged characters in the record's line (escapes counted as
  written), so a code-scanning viewer underlines them, not the whole line.
"""

from __future__ import annotations

import json

from corpuslint import lint_text
from corpuslint.cli import main


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
    # a Fluent placeholder padded inside quotes (Firefox's Persian strings; fresh35): still reported
    assert len(_w115('به اشتراک گذاری دوربین با " { $streamTitle } "\n')) == 2


THAI = ["สำคัญมาก : หากคุณลืมรหัสผ่านสำรองใบรับรอง คุณจะไม่สามารถเรียกคืนข้อมูลที่สำรองไว้ได้อีกต่อไป ควรบันทึกรหัสผ่านนี้ไว้ในที่ปลอดภัย",
        "อื่น ๆ : { $type } ({ $pid })"]


def _w114(text: str) -> list:
    return [f.message for f in lint_text(text, path="th.txt", config={"select": ["W114"]}) if f.code == "W114"]


def test_w114_spares_a_thai_colon_set_off_on_both_sides():
    for line in THAI:
        assert _w114(line + "\n") == [], line
    # a comma there, the space before it is still reported
    assert _w114(THAI[0].replace(" : ", " , ", 1) + "\n") == ["space before ','"]


def test_sarif_gives_a_jsonl_records_finding_its_columns(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = [{"id": "a", "text": THAI[0]},
            # escaped as ASCII: each Thai letter and the no-break space six characters in the file
            {"id": "b", "text": "ตัวเลือก Options\nthe other\u00a0value is kept."},
            {"id": "c", "text": "Cannot connect  now, please try again."}]
    lines = [json.dumps(rows[0], ensure_ascii=False), json.dumps(rows[1]), json.dumps(rows[2], ensure_ascii=False)]
    (tmp_path / "th.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    main(["check", "--no-cache", "--select", "W102,W103", "--id-field", "id", "--format", "sarif",
          "-o", "out.sarif", "th.jsonl"])
    results = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    got = {}
    for res in results:
        (loc,) = res["locations"]
        region = loc["physicalLocation"]["region"]
        raw = lines[region["startLine"] - 1]
        got[res["ruleId"]] = (region["startLine"], raw[region["startColumn"] - 1 : region["endColumn"] - 1],
                              (loc["properties"]["recordLine"], loc["properties"]["recordColumn"]))
    assert got == {"W102": (2, "\\u00a0", (2, 10)), "W103": (3, "  ", (1, 15))}


BASH_RESERVED = '       ! case  do done elif else esac fi for function if in select then until while { } time [[ ]]\n'


def test_a108_empty_double_brackets_are_no_wiki_link():
    def a108(text):
        return [f.message for f in lint_text(text, path="bash.1.txt", config={"select": ["A108"]}) if f.code == "A108"]

    assert a108(BASH_RESERVED) == []
    assert a108(BASH_RESERVED.replace("[[ ]]", "[[Bash]]")) == ["wiki link `[[Bash]]`"]
