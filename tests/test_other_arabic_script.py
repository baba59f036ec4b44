"""Languages written in the Arabic script that are not Arabic, Persian or Urdu (Sindhi,
Pashto, Central Kurdish, Uyghur...) have no dictionary here: the Arabic-script spelling
rules (S101, S103) and the Arabic boilerplate phrases of A103 do not apply to their text,
whether the document declares its language (``Document.language``) or its letters show it
(``corpuslint.text.script``)."""

from __future__ import annotations

import json

from corpuslint import lint_records
from corpuslint.document import Document
from corpuslint.text.script import arabic_script_language, declared_other_language, document_spans

from .test_fresh_corpora import REAL

CODES = ["S101", "S103", "A103"]


def _synonyms(declared: bool) -> list[dict]:
    # 16 synonym cells of the Sindhi WordNet (aadil-nazar-sindhi-nlp 1.1.4, MIT), "lang": "sd"
    records = [json.loads(line) for line in (REAL / "sindhi-wordnet-synonyms.jsonl").read_text("utf-8").splitlines()]
    return records if declared else [{"id": r["id"], "text": r["text"]} for r in records]


def _found(records) -> list[tuple]:
    return sorted((f.record, f.code) for f in lint_records(records, id_field="id", config={"select": CODES}))


def test_declared_sindhi_records_are_not_spelled_or_searched_as_arabic():
    # were: S101 "possible slip 'آوت' ... did you mean 'اپت'" (17816), 'ڏند' / 'ڏنڊ' (50591),
    # and A103 "navigation boilerplate `بحث`" (150383, 131915): Sindhi بحث is "discussion"
    assert _found(_synonyms(declared=True)) == []


def test_undeclared_sindhi_records_are_told_by_their_letters():
    # 'آوت' (17816) is in a cell of 89 characters with ڀ ڌ ڍ (لاڀُ, واڌِ, واڍي): Sindhi, not
    # Persian (ڌ and ڍ were not Sindhi letters to the guess: one ڀ in 89 decided nothing).
    # A record that is the one word بحث is a cell of the dataset (a label, fixq27's
    # ``structure.is_label_record``), not a page's search button among its text: no A103
    # whether or not Sindhi is declared (it was reported until the record declared Sindhi).
    assert _found(_synonyms(declared=False)) == []


def test_letters_of_sindhi_pashto_and_sorani_name_their_language():
    # Sindhi WordNet cells (one Sindhi letter in a short text decides it)
    assert arabic_script_language("بيوَس,بيڪس,وِچارو") == "sd"
    assert arabic_script_language("آسمانَ,اُڀَ") == "sd"
    assert arabic_script_language(
        "آمَد,آوت,اُپت,اُپَتِ,داخلا,دسترس,دَخَلُ,فَائدو,لاڀُ,مزاحمت,مَضبُوطُ,نفعو,واڌِ,واڍي,پيدائش") == "sd"
    # README of nlpashto 0.0.25 (MIT): ښ and ې
    assert arabic_script_language("تاسو رښتیا وایئ خور") == "ps"
    assert arabic_script_language("مړه یو کس وی صرف ځان شرموی او یو ستا غوندے جاهل وی چې قوم او ملت شرموی") == "ps"
    # README of kurdish-sorani-tools 0.1.4 (MIT): ۆ and ە
    assert arabic_script_language("دۆزینەوەی دەقی کوردی") == "ckb"
    assert arabic_script_language("گۆڕینی ژمارە بۆ وشەی کوردی") == "ckb"


def test_arabic_persian_and_urdu_keep_their_guess():
    # udhr-ar (article 1), udhr-fa and udhr-ur (the preamble's first line), and the word
    # ڤيروس: Arabic writes ڤ for a foreign v (debian-handbook-ar), so ڤ names no language
    assert arabic_script_language("يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا") == "ar"
    assert arabic_script_language(
        "از آنجا که شناسائی حیثیت ذاتی کلیهٔ اعضای خانواده بشری و حقوق یکسان و انتقال ناپذیر آنان") == "fa"
    assert arabic_script_language(
        "چونکہ ہر انسان کی ذاتی عزت اور حرمت اور انسانوں کے مساوی اور ناقابلِ انتقال حقوق کو تسلیم کرنا") == "ur"
    assert arabic_script_language("انتشار ڤيروس كورونا في المدينة") == "ar"


def test_a_declared_language_written_in_arabic_script_is_one_span_of_it():
    cell = "آمَد,آوت,اُپت,اُپَتِ,داخلا,دسترس,دَخَلُ,فَائدو,لاڀُ,مزاحمت,مَضبُوطُ,نفعو,واڌِ,واڍي,پيدائش"
    assert document_spans(Document("x.jsonl", cell, language="sd")) == [(0, len(cell), "sd")]
    # a cell without a Sindhi letter, declared (record 16178 minus ڌ ڳ): not Arabic either
    plain = "ارادو,جُدا,خُلاصو,عجيبُ,عَلاحِدو,عَلَحدا,نِرالا,نِيارا"
    assert document_spans(Document("x.jsonl", plain, language="sd")) == [(0, len(plain), "sd")]
    assert document_spans(Document("x.jsonl", plain)) == [(0, len(plain), "ar")]
    assert declared_other_language(Document("x.jsonl", plain, language="ckb")) == "ckb"


def test_a_language_written_in_two_scripts_is_arabic_script_only_when_most_letters_are():
    # (constructed: no Malay or Punjabi corpus here) Malay in Latin letters quoting a verse
    # in Arabic: the quotation is still Arabic
    latin = "Firman Allah: إن الله مع الصابرين yang bermaksud: Sesungguhnya Allah bersama orang yang sabar."
    assert declared_other_language(Document("x.txt", latin, language="ms")) is None
    assert document_spans(Document("x.txt", latin, language="ms"))[0][2] == "ar"
    # Punjabi in Shahmukhi (mostly Arabic-script letters): Punjabi, and no other language
    shahmukhi = "سارے انسان آزاد تے حقوق تے عزت دے اعتبار نال برابر پیدا ہوندے نیں"
    assert declared_other_language(Document("x.txt", shahmukhi, language="pa")) == "pa"
    assert declared_other_language(Document("x.txt", shahmukhi, language="en")) is None


def test_a103_arabic_navigation_word_in_a_sindhi_document_is_not_boilerplate():
    # two cells of the Sindhi WordNet as the lines of one record: its letters are Sindhi
    sindhi = "بحث\nآمَد,آوت,اُپت,اُپَتِ,داخلا,دسترس,دَخَلُ,فَائدو,لاڀُ,مزاحمت,مَضبُوطُ,نفعو,واڌِ,واڍي,پيدائش"
    # the same word alone on a line of an Arabic page (udhr-ar, article 1): the search button
    arabic = "بحث\nيولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا"
    records = [{"id": 1, "text": sindhi}, {"id": 2, "text": arabic}, {"id": 3, "text": arabic, "lang": "sd"}]
    assert [(f.record, f.code, f.line) for f in lint_records(records, id_field="id", config={"select": ["A103"]})] == [
        (2, "A103", 1)]
