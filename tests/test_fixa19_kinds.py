"""False-alarm kinds a new user (fresh19) met curating a multilingual training set (JSONL,
.jsonl.zst, Parquet): glib, GTK and xkeyboard-config UI strings in fa/ar/he, fortunes and man
pages. Each kind with the real excerpt, and a true finding of the same rule beside it still
reported. Sources: tests/data/realtext/SOURCE.md (fixa19)."""

from __future__ import annotations

import json

from corpuslint import lint_paths

from .test_fresh14_kinds import SAFE, apply_safe


def records(tmp_path, texts: dict[str, str], name: str = "ui.jsonl", lang: str | None = None) -> str:
    """Write ``texts`` ({id: text}) as a JSONL file of records {"id", "text"}; return its path."""
    path = tmp_path / name
    path.write_text("".join(json.dumps({"id": k, "text": v, **({"lang": lang} if lang else {})},
                                       ensure_ascii=False) + "\n" for k, v in texts.items()), encoding="utf-8")
    return str(path)


def in_records(tmp_path, code: str, texts: dict[str, str], **kw) -> list:
    config = {"select": [code], "cache": False, "readers": {"id-field": "id"}}
    return lint_paths([records(tmp_path, texts, **kw)], config=config)


# -- 1. A107: a reference a message mentions is its subject, not a leftover --------------------

# glib 2.74 glib20.mo msgstrs (LGPL-2.1+), as fresh19's ui/{fa,ar,he}.jsonl hold them (fa with its LRMs)
GLIB_FA = {
    "fa-glib20-145": "موجودیت خالی «\u200e&;\u200e» مشاهده شد؛ موجودیت\u200cهای معتبر عبارتند از: "
                     "\u200e&amp; &quot; &lt; &gt; &apos;",
    "fa-glib20-75": "ارجاع نویسه\u200cای با نقطه\u200cویرگولی لاتین تمام نشده؛ به احتمال زیاد بدون این که بخواهید "
                    "موجودیتی را بیاغازید از نویسهٔ & استفاده کرده\u200cاید - برای نوشتن علامت & از \u200e&amp;\u200e "
                    "استفاده کنید;",
    "fa-glib20-290": "شکست در تجزیهٔ «\u200e%-.*s»، که باید رقمی داخل یک ارجاع نویسه\u200cای (مثل \u200e&#234;\u200e) "
                     "باشد - شاید رقم خیلی بزرگ است",
}
GLIB_AR = {
    "ar-glib20-65": "رُؤي كيان فارغ '&;'، الكيانات السليمة هي:&amp; &quot; &lt; &gt; &apos; ",
    "ar-glib20-122": "فشل في تحليل '%-.*s'، والتي كان لابد من كتبتها بالأرقام داخل مرجع محرف (&#234; كمثال) - "
                     "ربما الرقم كبير جدًا",
}
GLIB_HE = {  # (he ships these untranslated)
    "he-glib20-258": "Entity did not end with a semicolon; most likely you used an ampersand character without "
                     "intending to start an entity — escape ampersand as &amp;",
    "he-glib20-424": "Failed to parse “%-.*s”, which should have been a digit inside a character reference "
                     "(&#234; for example) — perhaps the digit is too large",
}
# xkeyboard-config 2.38 (MIT) he and ar: the "< >" key's name stored escaped (true, fixed safely)
XKB = {"he-xkeyboard-config-1015": "המקש „&lt; &gt;” בוחר את הרמה החמישית ומתנהג כנעילה חד־פעמית אם לוחצים "
                                   "עליו עם בורר רמה חמישית נוסף",
       "ar-xkeyboard-config-6": 'المستوى الثالث لمفتاح "&lt; &gt;"'}


def test_a107_a_reference_named_by_a_message_about_references_is_not_decoded(tmp_path):
    got = in_records(tmp_path, "A107", {**GLIB_FA, **GLIB_AR, **GLIB_HE, **XKB})
    # lead reported all 12 references of the glib messages, each with a safe fix that changed the
    # message ("write & as `&`", "like ê"); the xkeyboard key names are leftovers, fixed safely
    assert sorted((f.record, f.message.split("`")[1]) for f in got) == [
        ("ar-xkeyboard-config-6", "&gt;"), ("ar-xkeyboard-config-6", "&lt;"),
        ("he-xkeyboard-config-1015", "&gt;"), ("he-xkeyboard-config-1015", "&lt;")]
    assert all(f.fix and f.fix.applicability == SAFE for f in got)
    text = XKB["he-xkeyboard-config-1015"]
    assert apply_safe([f for f in got if f.record == "he-xkeyboard-config-1015"], text).startswith("המקש „< >”")
    # the same words glued to a word, not standing apart: still a leftover
    glued = {"fa-x": "موجودیت\u200cهای معتبر: نام&amp;نشان"}
    assert [f.message.split("`")[1] for f in in_records(tmp_path, "A107", glued)] == ["&amp;"]


# -- 2. outputs read by tools that open the file: a JSON Lines record is on its line ----------

def test_outputs_place_a_jsonl_record_on_its_line(tmp_path, monkeypatch):
    import xml.etree.ElementTree as ET

    from corpuslint.cli import main

    # the glib message of kind 1, second in its file; the xkeyboard key name third
    texts = {"fa-glib20-1": "نامعتبر", **GLIB_FA, "he-xkeyboard-config-6": "רמה שלישית של המקש „&lt;”"}
    records(tmp_path, texts)
    monkeypatch.chdir(tmp_path)
    (f,) = in_records(tmp_path, "A107", texts)
    assert (f.record, f.line, f.column) == ("he-xkeyboard-config-6", 1, 21)
    target = ["ui.jsonl", "--id-field", "id"]

    def out(fmt):
        main(["check", "--no-cache", "--select", "A107", "--format", fmt, "-o", f"out.{fmt}", *target])
        return (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")

    # lead: "file=ui.jsonl,line=1,col=21", SARIF and GitLab line 1, JUnit no line
    github = out("github")
    assert github.startswith("::warning file=ui.jsonl,line=5,col=") and github.split(",title=")[1].startswith(
        "A107::A107 record #he-xkeyboard-config-6:1:21: ")
    (res,) = json.loads(out("sarif"))["runs"][0]["results"]
    (loc,) = res["locations"]
    # (since fresh34: on the JSON that writes "&lt;" in the record's line, not the whole line)
    region = loc["physicalLocation"]["region"]
    raw = (tmp_path / "ui.jsonl").read_text(encoding="utf-8").split("\n")[4]
    assert (region["startLine"], region["endLine"]) == (5, 5)
    assert raw[region["startColumn"] - 1 : region["endColumn"] - 1] == "&lt;"
    assert f",col={region['startColumn']},endLine=5,endColumn={region['endColumn']}," in github
    assert loc["properties"] == {"recordLine": 1, "recordColumn": 21}
    assert json.loads(out("gitlab"))[0]["location"]["lines"] == {"begin": 5, "end": 5}
    case = ET.fromstring(out("junit")).find(".//testcase")
    assert (case.get("file"), case.get("line")) == ("ui.jsonl", "5")

    # a Parquet record has no line of text: the file, the record named
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": list(texts), "text": list(texts.values())}), "ui.parquet")
    target = ["ui.parquet", "--id-field", "id"]
    assert out("github").startswith("::warning file=ui.parquet,title=A107::A107 record #he-xkeyboard-config-6:1:21: ")
    (res,) = json.loads(out("sarif"))["runs"][0]["results"]
    assert "region" not in res["locations"][0]["physicalLocation"]
    assert res["locations"][0]["logicalLocations"][0]["name"] == "#he-xkeyboard-config-6"
    case = ET.fromstring(out("junit")).find(".//testcase")
    assert case.get("line") is None
    # a plain file keeps its own lines
    (tmp_path / "a.txt").write_text("x\nTom &amp; Jerry\n", encoding="utf-8")
    target = ["a.txt"]
    assert out("github").startswith("::warning file=a.txt,line=2,col=5,endLine=2,endColumn=10,title=A107::")
    assert json.loads(out("gitlab"))[0]["location"]["lines"] == {"begin": 2, "end": 2}


# -- 3. S104: German doublings that are grammar ------------------------------------------------

# fortunes-de 0.35 (GPL-2+), as fresh19's fortunes/de.jsonl holds them: records 6085 (witze),
# 658 (fussball; its first two lines), 181 (its last two lines) and 6660
FRAUEN = "Frauen die die Wimpern pinseln, \nsind die, die meist beim Pimpern oben liegen.\n"
FRAGE = ("Muss ich das jetzt als Frage verstehen oder die Antwort so beantworten, wie\n"
         "Sie sie in ihre Frage reingelegt haben? Sie haben Ihre Frage doch beantwortet.\n")
VIREN = "Prince Virus: Tritt nur bei Windows-Anwendungen auf. Tauscht alle\nSchriften gegen den den True-Type Font 'Zapf Dingbats' aus.\n"
BRAUN = "Was ist ist braun, hat einen Beutel und hängt am Baum?\n"


def test_s104_a_german_relative_pronoun_and_formal_sie_are_grammar(tmp_path):
    texts = {"de-witze-457": FRAUEN, "de-fussball-193": FRAGE, "de-anekdoten-181": VIREN, "de-x-6660": BRAUN}
    for lang in (None, "de"):  # guessed from the text, and declared in the record
        got = in_records(tmp_path, "S104", texts, lang=lang)
        # lead: also "die die" (6085) and "Sie sie" (658), errors
        assert sorted((f.record, texts[f.record][f.start:f.end]) for f in got) == [
            ("de-anekdoten-181", "den den"), ("de-x-6660", "ist ist")], lang
    # a doubled article after a capitalised preposition, not a noun, stays a slip
    assert [f.record for f in in_records(tmp_path, "S104", {"r": "In der der Datei ist nichts und auch nicht mehr.\n"})] == ["r"]


# -- 4. A103: a translated man page's "SEE ALSO 参见" is its section heading ------------------

# manpages-zh 1.6.4.0 (GFDL-1.2+) CREATE TABLE AS(7), rendered as fresh19's man/zh.parquet
# record 62 holds it: lines 5-6, 9-11, 14-15 and 52-54
CREATE_TABLE_AS = (
    "NAME\n       CREATE TABLE AS - 从一条查询的结果中创建一个新表\n\n\n"
    "SYNOPSIS\n       CREATE [ [ GLOBAL | LOCAL ] { TEMPORARY | TEMP } ] TABLE table_name [ (column_name [, ...] ) ]\n"
    "           AS query\n\n\n"
    "DESCRIPTION 描述\n       CREATE        TABLE        AS        创建一个表并且用来自        SELECT\n\n"
    "SEE ALSO 参见\n       CREATE  TABLE  [create_table(7)], CREATE VIEW [create_view(l)], EXECUTE\n"
    "       [execute(l)], SELECT [select(l)], SELECT INTO [select_into(l)]\n")


def test_a103_a_translated_man_page_heading_is_structure(tmp_path):
    # lead: "SEE ALSO 参见" was read-also boilerplate (fresh19: 0 of 4 true)
    assert in_records(tmp_path, "A103", {"man-zh-62": CREATE_TABLE_AS}) == []
    # the same line in text with no man page's headings around it is still reported
    page = "从一条查询的结果中创建一个新表。\n\nSEE ALSO 参见\n\n创建一个表并且用来自查询的数据填充该表。\n"
    assert [f.record for f in in_records(tmp_path, "A103", {"web-1": page})] == ["web-1"]


# -- 5. W103: spaces after a terminal's colour code, a year's blank ----------------------------

# fortunes-zh 2.98 (GPL-3+) chinese, fortune 1527; fortunes-es 1.36 (GPL-2+) arte 198 and 388
LUNYU = "子曰：“有德者，必有言。有言者，不必有德。仁者，必有勇。勇者，不必有仁。”\n\x1b[33m    --\x1b[32m《论语》\x1b[m\x1b[m"
GIECO = "Si no sacudes al tiempo ni un intento queda en vos.\n\t\t-- León Gieco. (1951-    ) Cantautor argentino. "
HOUDINI = ("Mi cerebro  es la llave que me libera.\n                -- Erik Weisz \"Harry Houdini\" (1874-1926). Mago\n"
           "                norte-americano.")


def test_w103_indentation_after_a_colour_code_and_a_blank_year(tmp_path):
    texts = {"zh-chinese-1527": LUNYU, "es-arte.fortunes-198": GIECO, "es-arte.fortunes-388": HOUDINI}
    got = in_records(tmp_path, "W103", texts)
    # lead: also the indentation after "\x1b[33m" (4,701 of fresh19's 4,706 zh W103) and "(1951-    )"
    assert [(f.record, f.line, f.column) for f in got] == [("es-arte.fortunes-388", 1, 11)]


# -- 6. W120: Persian "آی‌پی۶" (IPv6) is an abbreviation written with its number ------------

# glib 2.74 glib20.mo fa msgstrs (fresh19 ui/fa.jsonl records 450 and 543); debian-handbook-ar
# sect.book-structure.txt (labelled tp in benchmarks/labels/debian-handbook-ar.jsonl)
IPV6_FA = {"fa-glib20-350": "نشانی آی\u200cپی۶ «%.*s» در نشانی",
           "fa-glib20-520": "پیشکار SOCKSv4 از نشانی آی\u200cپی۶ «%s» پشتیبانی نمی\u200cکند"}


def test_w120_a_persian_spelled_abbreviation_glued_to_its_number(tmp_path):
    # lead: "no space between 'پی' and the number '۶'" on both (fresh19: 0 of 2 true)
    assert in_records(tmp_path, "W120", IPV6_FA) == []
    # a word glued to a chapter's number is still reported, with its safe fix
    (f,) = in_records(tmp_path, "W120", {"ar-1": "‏الفصل 7سيكون فاصلاً هاماً"})
    assert f.fix.applicability == SAFE


# -- 7. A101: an identifier named at the end of the line above, or by the command printing it ---

# manpages-de 4.18.1 (GPL-3+) systemd-gpt-auto-generator(8), fresh19 man/de.parquet record 57
# lines 30-35; fortunes-zh 2.98 (GPL-3+) chinese 440 (Debian Reference's md5sum example) lines 6-9
GPT_AUTO = ("       befindet, suchen. Beachten Sie, dass Unterstützung durch das\n"
            "       Systemstartprogramm benötigt wird: die EFI-Variable\n"
            "       LoaderDevicePartUUID der Lieferanten-UUID\n"
            "       4a67b082-0a4c-41cf-b6c7-440b29bb8c4f wird verwandt, um zu bestimmen,\n"
            "       von welcher Partition und somit welcher Platte das System gestartet\n")
MD5SUM = ("\x1b[32;1m    $ md5sum foo bar >baz.md5\x1b[;m\n\x1b[32;1m    $ cat baz.md5\x1b[;m\n"
          "    d3b07384d113edec49eaa6238ad5ff00  foo\n\u00a0\u00a0\u00a0 c157a79031e1c40f85931829bc5fc552  bar\n")
# samples/news-ar/001 line 31: an ad slot's id left in an article (A101's own example)
AD_SLOT = "2a02-4780-11–4f جزيرة إم آند إم\n"


def test_a101_an_id_named_on_the_line_above_or_by_its_command(tmp_path):
    # lead: the UUID (man/de#57) and the md5 (zh#440) were "inside text"
    assert in_records(tmp_path, "A101", {"man-de-57": GPT_AUTO, "zh-chinese-440": MD5SUM}) == []
    # the same md5 line with no prompt above naming it, and the ad slot's id, are still reported
    got = in_records(tmp_path, "A101", {"x": "Beispiel:\n" + MD5SUM.splitlines()[-1] + "\n", "news-ar-001": AD_SLOT})
    assert sorted(f.record for f in got) == ["news-ar-001", "x"]
