"""False alarms of error-level rules that a new user found on text nobody here had tuned
on (wagtail 8.0.1 .po catalogues, docutils 0.23 .rst docs, the ah-translit-bench CSV
benchmark), each kind as a test on a real excerpt (tests/data/realtext/SOURCE.md), with
the real defect next to it still reported."""

from __future__ import annotations

import json
from pathlib import Path

from corpuslint import lint_paths, lint_text
from corpuslint.document import Document
from corpuslint.families.spelling.corrections import KnownMisspelling

REAL = Path(__file__).resolve().parent / "data" / "realtext"
NO_CACHE = {"cache": False}


def codes(text: str, select: str, path: str = "x.txt", language: str | None = None):
    if language is not None:
        rule = {"S105": KnownMisspelling}[select]()
        return [(text[f.start : f.end], f.line) for f in rule.check(Document(path, text, language=language))]
    return [(text[f.start : f.end], f.line) for f in lint_text(text, path=path, config={"select": [select]})]


# -- S105: English entries apply to English text -----------------------------------------


def test_s105_slovenian_teh_is_not_english_teh(tmp_path):
    # wagtail 8.0.1 admin/locale/sl django.po: "teh strani" (of these pages), Language: sl
    po = REAL / "wagtail-sl-teh.po"
    assert lint_paths([po], config={"select": ["S105"], **NO_CACHE}) == []
    # the same catalogue without its Language field: the strings show no English word
    bare = tmp_path / "bare.po"
    bare.write_text(po.read_text(encoding="utf-8").replace('"Language: sl\\n"\n', ""), encoding="utf-8")
    assert lint_paths([bare], config={"select": ["S105"], **NO_CACHE}) == []
    assert codes("Nimate dovoljenja za preklic objave teh strani\n", "S105") == []


def test_s105_english_slips_are_still_reported():
    assert codes("The Parser analyzes teh input document.\n", "S105") == [("teh", 1)]
    assert codes("Teh report.\n", "S105") == [("Teh", 1)]  # too short to show a language
    assert codes("I recieve teh mail\n", "S105", language="en") == [("recieve", 1), ("teh", 1)]
    # declared Slovenian, with an English sentence quoted in it
    text = "Napaka v prevodu:\n\nThe file has teh wrong name and it will not be read.\n"
    assert codes(text, "S105", language="sl") == [("teh", 3)]
    assert codes("Izberite eno od teh možnosti.\n", "S105", language="sl") == []
    # Arabic entries stay where they were: an Arabic paragraph of an undeclared document
    assert codes("تأكد أن إسم هذا الملف صحيح.\n", "S105") == [("إسم", 1)]


# -- W102: IDEOGRAPHIC SPACE is the space of CJK text ------------------------------------


def test_w102_ideographic_space_beside_a_placeholder_in_japanese(tmp_path):
    # wagtail 8.0.1 images/locale/ja django.po: "...：%(supported_formats)s\u3000ファイルサイズ..."
    po = REAL / "wagtail-ja-ideographic-space.po"
    assert lint_paths([po], config={"select": ["W102"], **NO_CACHE}) == []
    bare = tmp_path / "bare.po"  # not declared: the placeholder beside CJK is enough
    bare.write_text(po.read_text(encoding="utf-8").replace('"Language: ja\\n"\n', ""), encoding="utf-8")
    assert lint_paths([bare], config={"select": ["W102"], **NO_CACHE}) == []
    text = "最大ファイルサイズ\u3000%(max_upload_size)s\n"
    assert codes(text, "W102") == []


def test_w102_ideographic_space_outside_cjk_text_is_still_reported():
    assert codes("漢字\u3000abc\n", "W102") == [("\u3000", 1)]
    assert codes("size: %(size)s\u3000bytes\n", "W102") == [("\u3000", 1)]
    assert codes("Total\u3000%(count)s files\n", "W102") == [("\u3000", 1)]


# -- S104: a word written twice that is no slip -----------------------------------------

BENCH = REAL / "ah-translit-bench-records.csv"


def bench(field: str, select: str) -> list[tuple[int, str]]:
    cfg = {"select": [select], **NO_CACHE, "readers": {"csv": {"text-field": field}}}
    return [(f.record, f.message) for f in lint_paths([BENCH], config=cfg)]


def test_s104_arabic_why_not_and_a_conditional_answer():
    # ah-translit-bench: "لم لم تخبر أحدا؟" (why did you not tell anyone?), Qur'an 26:130
    # "وإذا بطشتم بطشتم جبارين" (when you strike, you strike as tyrants): no finding
    assert bench("Arabic", "S104") == []
    assert codes("لم لم يذهب إلى المدرسة.\n", "S104") == [("لم لم", 1)]  # no question: a slip
    assert codes("ذهب الولد الى الى المدرسة\n", "S104") == [("الى الى", 1)]
    assert codes("وإذا الشمس الشمس كورت\n", "S104") == [("الشمس الشمس", 1)]  # not a verb
    assert codes("قال ان الحكومة الحكومة قررت\n", "S104") == [("الحكومة الحكومة", 1)]


def test_s104_vietnamese_syllables_of_two_words(tmp_path):
    # wagtail 8.0.1 locale/vi django.po: "Xuất bản bản nháp" (xuất bản, publish + bản nháp, draft)
    po = REAL / "wagtail-vi-syllables.po"
    assert lint_paths([po], config={"select": ["S104"], **NO_CACHE}) == []
    bare = tmp_path / "bare.po"  # not declared: its letters say Vietnamese
    bare.write_text(po.read_text(encoding="utf-8").replace('"Language: vi\\n"\n', ""), encoding="utf-8")
    assert lint_paths([bare], config={"select": ["S104"], **NO_CACHE}) == []
    assert codes("Đây là sách của của tôi và bạn\n", "S104") == [("của của", 1)]  # a function word


def test_s104_columns_and_command_arguments_in_docutils_docs():
    # docutils 0.23 docs/user/latex.rst (font tables), user/rst/cheatsheet.rst, dev/release.rst
    # ("pip install --no-binary docutils docutils"), dev/hacking.rst ("analyzes the the input")
    text = (REAL / "docutils-s104.rst").read_text(encoding="utf-8")
    assert [w for w, _ in codes(text, "S104", path="docutils-s104.rst")] == ["the the"]
    assert codes("you use the  the image directive.\n", "S104") == [("the  the", 1)]
    assert codes("It is is fine to use --force here\n", "S104") == [("is is", 1)]
    assert codes("è stata inviata per per essere approvata\n", "S104") == [("per per", 1)]


# -- W114: a library catalogue's ISBD punctuation ----------------------------------------


def test_w114_isbd_fields_of_a_catalogue():
    # ah-translit-bench's bibliographic records: "القاهرة :", "تأليف ... ؛ وترجمة ...",
    # "القاهرة : دار المعارف، 1966" and their Hindi transliterations; the detached marks of
    # its everyday sentences ("تحدثنا حتى الثانية صباحا .", "كيف حالكم ؟") are still reported
    assert bench("Arabic", "W114") == [(2, "space before '.'"), (3, "space before '؟'")]
    assert bench("Hindi", "W114") == []


def test_w114_prose_with_the_same_marks_is_still_reported(tmp_path):
    # hadith-abudawud (english.jsonl) shapes: a narrator line, and sentences around " ; "
    assert codes("Narrated Anas b. Malik :\n", "W114") == [(" ", 1)]
    text = "Hussain b. Abi Laila, saying ; Until Mu’adh came. Shu’bah said ; I heard it\n"
    assert len(codes(text, "W114")) == 2
    assert codes("أخبار متعلقة :\nنص الخبر هنا.\n", "W114") == [(" ", 1)]
    # hadith-abudawud english.jsonl record 621: one statement closed by a full stop, but
    # with a ";" written against its word too: prose, not a catalogue field
    text = ("Al-Bara b.‘Azib said ; we used to pray along with the prophet (ﷺ); none of us bowed "
            "his back until he saw that the prophet (ﷺ) bowed (his back).")
    data = tmp_path / "hadith.jsonl"
    data.write_text(json.dumps({"id": 621, "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [f.code for f in lint_paths([data], config={"select": ["W114"], **NO_CACHE})] == ["W114"]
    # a text file's one line is not a catalogue field
    assert codes("القاهرة :\n", "W114") == [(" ", 1)]
    assert codes("We waited ; then we left the station.\n", "W114") == [(" ", 1)]


def test_doubled_sounds_and_asterisk_actions_in_chat_replies_are_deliberate():
    """chat-llamafactory's KTO demo replies speak in a child's voice: "Ooh ooh ah ah!",
    "yum yum", "*nod nod*", "*bounce bounce*" are the sound and the action (309 S104
    errors on that file, all of this kind); a model's degenerate "continuous continuous
    continuous" in a DPO reply is still a repeated word."""
    from corpuslint.families.spelling.repeated import RepeatedWord

    rule = RepeatedWord()
    path = Path(__file__).parent / "data" / "realtext" / "llamafactory-doubled-sounds.jsonl"
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        doc = Document("reply.txt", record["text"])
        found[record["id"]] = [doc.text[f.start : f.end] for f in rule.check(doc)]
    assert found["kto_en_demo:45.2"] == [] and found["kto_en_demo:55.2"] == [] and found["kto_en_demo:80.2"] == []
    assert found["dpo_en_demo:133.rejected"] and all("continuous" in s for s in found["dpo_en_demo:133.rejected"])
    # not an asterisk action: a doubled word inside emphasis that goes on is still reported
    assert [f.code for f in rule.check(Document("t.txt", "It was *the the best* day."))] == ["S104"]
