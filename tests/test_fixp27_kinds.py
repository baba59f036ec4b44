"""Kinds fixp27 met on fresh27's Arabic-script corpus (Debian 12 UI translations in Arabic,
Persian, Urdu, Pashto, Sorani, Uyghur, Sindhi, Shahmukhi as .po files and as plain text,
and the Urdu Qur'an translation of npm quran-json 3.1.2), checked on its real text
(tests/data/realtext/SOURCE.md: "fixp27"): a GTK mnemonic inside a word of plain text
(S101/S103), Persian and Urdu strings typed with Arabic ي ك given the Arabic dictionary
(S101/S103), an Arabic adverb with tanwin and an infinitive's feminine in Urdu (S101), UI
labels read as web boilerplate (A103), C++ spelled out and a split word before a
doubled postposition (S104). Each beside a true finding that stays."""

from __future__ import annotations

import json

from hypothesis import given, strategies as st

from corpuslint import lint_records, lint_text
from corpuslint.document import Document
from corpuslint.families.spelling import get_backend
from corpuslint.families.spelling.analysis import _with_accelerators_read
from corpuslint.text.script import arabic_script_language, language_spans

from .conftest import ROOT, SAMPLES

REAL = ROOT / "tests" / "data" / "realtext"


def _read(name: str) -> str:
    return (REAL / name).read_text(encoding="utf-8")


def _words(text: str, findings, code: str) -> list[str]:
    return [text[f.start : f.end] for f in findings if f.code == code]


# -- S101/S103: a mnemonic underscore inside a word of plain text -------------------------


def test_s101_mnemonic_inside_a_word_of_plain_text_is_the_word():
    # GIMP 2.10.34 (Debian gimp-data) Arabic strings as text: "وهج التدر_ج..." (التدرج with
    # its access key) read as ال + the verb تدر; gtk30-properties' "البدأ" (for البدء) stays
    text = _read("debian-gimp-gtk-ar-mnemonics.txt")
    found = lint_text(text, path="ar.txt", config={"select": ["S101", "S103"], "cache": False})
    assert _words(text, found, "S101") == ["البدأ", "البدأ"]
    # Persian GIMP: "ر_وشنی-کنتراست..." was 'وشنی', a slip of روشنی
    text = _read("debian-gimp-fa-mnemonics.txt")
    found = lint_text(text, path="fa.txt", config={"select": ["S101", "S103"], "cache": False})
    assert "ر_وشنی" in text and _words(text, found, "S101") == []


_AR_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" + "پچژگکی"


@given(st.text(_AR_LETTERS, min_size=2, max_size=8), st.data())
def test_one_marker_inside_a_word_is_read_as_tatweel_and_two_are_not(word, data):
    cut = data.draw(st.integers(1, len(word) - 1))
    marker = data.draw(st.sampled_from("_~&"))
    one = Document("a.txt", f"x {word[:cut]}{marker}{word[cut:]} y")
    read = _with_accelerators_read(one)
    assert read is not None and read.replace("\u0640", "") == f"x {word} y"
    # two markers in one word, or a Latin letter or digit in it (snake_case), is not a mnemonic
    for text in (f"{word[:cut]}_{word[cut:]}_{word}", f"{word[:cut]}_{word[cut:]}x", f"a_{word}", f"{word}_1"):
        assert _with_accelerators_read(Document("a.txt", text)) is None, text


# -- S101/S103: the declared language, and letters Arabic never writes ---------------------

# Pidgin 2.14.12 (Debian pidgin-data), Persian and Urdu, typed with Arabic ي ك ى in places
PIDGIN_FA = "شما اجازه لازم براى حذف اين برنامه را نداريد."
PIDGIN_FA_GNU = ("$(^Name) تحت مجوز عمومى همگانى گنو (GPL) منتشر شده است. اين مجوز تنها براى "
                 "اطلاع‌رسانى اينجا ارائه شده است. $_CLICK")
PIDGIN_UR = ("%s سائن آف ہوچكا۔", "كمانڈ بلاؤ")


def test_declared_persian_or_urdu_wins_over_arabic_yeh_and_kaf():
    assert language_spans(PIDGIN_FA) == [(0, len(PIDGIN_FA), "ar")]  # (no Persian letter: the letters say Arabic)
    assert language_spans(PIDGIN_FA, "fa") == [(0, len(PIDGIN_FA), "fa")]
    text = PIDGIN_FA_GNU + "\n\n" + PIDGIN_FA
    assert {lang for *_, lang in language_spans(text, "fa")} == {"fa"}
    # an Arabic quotation in a Persian file (taa marbuta, no Persian letter) stays Arabic
    quote = "قال رسول الله إنما الأعمال بالنية"
    assert language_spans("این جمله فارسی است و بیشتر می‌گوید\n\n" + quote, "fa")[-1][2] == "ar"


def test_letters_arabic_never_writes_mark_persian_or_urdu_though_yeh_and_kaf_are_arabic():
    assert arabic_script_language(PIDGIN_FA_GNU) == "fa"  # همگانى گنو: گ twice, ي ى ك elsewhere
    assert [arabic_script_language(t) for t in PIDGIN_UR] == ["ur", "ur"]  # ہ, ڈ
    # a Uyghur string (GLib 2.74.6, Debian libglib2.0-data) writes چ پ ھ too: one Uyghur ۇ
    # in it, or its Uyghur document, keeps it from Urdu
    ug = "'%2$s' دىكى ئاچقۇچ ھالقىسىدىن كىملىكى %1$d بولغان cookie نى تاپالمىدى"
    assert arabic_script_language(ug, "ug") != "ur" and arabic_script_language(ug) != "ur"
    # a short string of a Persian file with as many Persian letters as Arabic-only ones
    # (libgweather 4.2.0's Persian locations: "سايو کائه‌تانو دو سول", São Caetano do Sul)
    assert arabic_script_language("سايو کائه\u200cتانو دو سول", "fa") == "fa"
    assert arabic_script_language("سايو کائه\u200cتانو دو سول", "ar") == "ar"
    # Arabic news naming a Persian or Russian name stays Arabic (samples/news-ar, real text)
    for path in sorted(SAMPLES.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            assert arabic_script_language(paragraph) in ("ar", None), paragraph[:60]


def test_s101_s103_pidgin_persian_and_urdu_are_not_compared_with_arabic():
    # one corpus: the Persian and Urdu strings (declared, as a .po header's Language: or the
    # project's per-file-language does) beside Arabic strings with the words they were
    # compared with (Debian iso-codes / GNOME Arabic: جنو, أجهزة, بلا, ميكروفون)
    arabic = ("مشروع جنو\n\nنظام جنو\n\nرخصة جنو العمومية\n\nأجهزة الصوت\n\nأجهزة الإدخال\n\n"
              "أجهزة العرض\n\nلا بلا شك\n\nبلا اسم\n\nميكروفون\n\nميكروفون داخلي\n\n")
    records = [{"id": "ar", "text": arabic, "lang": "ar"},
               {"id": "fa", "text": PIDGIN_FA_GNU + "\n\n" + PIDGIN_FA, "lang": "fa"},
               {"id": "ur", "text": "\n\n".join((*PIDGIN_UR, "مائكروفون")), "lang": "ur"}]
    found = lint_records(records, id_field="id", config={"select": ["S101", "S103"], "cache": False})
    assert [(f.record, f.code) for f in found if f.record in ("fa", "ur")] == []


# -- S101: an Arabic adverb with tanwin, an infinitive's feminine in Urdu -------------------

# npm quran-json 3.1.2 (CC-BY-4.0), Urdu: 13:15 "طوعاً و کرہاً" (willingly or unwillingly),
# 22:5 "اگلنی" (to spit out, feminine infinitive), and real typos of the same translation
def test_s101_urdu_tanwin_adverb_and_infinitive_are_words_and_typos_stay():
    ur = get_backend("ur")
    assert ur.known(ur.clean("اگلنی")) and ur.known(ur.clean("اگلنا"))
    assert ur.tanwin_loan(ur.clean("کرہاً"))
    excerpt = REAL / "quran-json-ur-excerpt.jsonl"
    records = [json.loads(line) for line in excerpt.read_text(encoding="utf-8").splitlines()]
    assert "طوعاً و کرہاً" in records[2]["text"] and "اگلنی" in records[3]["text"]
    found = lint_records(records, id_field="id", config={"select": ["S101"], "cache": False})
    reported = {f.message.split("'")[1] for f in found}
    assert {"جائں", "تمیں"} <= reported and not reported & {"کرہا", "اگلنی"}


# -- A103: a label of a list of UI strings -------------------------------------------------


def test_a103_label_in_a_list_of_ui_strings_is_not_a_comment_form():
    # GTK 3.24.38 (Debian libgtk-3-common) Arabic property names as text: "الاسم" (Name)
    text = _read("debian-gtk30-properties-ar-labels.txt")
    assert lint_text(text, path="gtk30-properties.ar.txt", config={"select": ["A103"], "cache": False}) == []
    from corpuslint.structure import looks_like_label_list

    assert looks_like_label_list(Document("a.txt", text))
    # a scraped news page's comment form stays (samples/news-ar/004: "اترك تعليقاً")
    page = (SAMPLES / "004_d2699a1dccc3a5cf.txt").read_text(encoding="utf-8")
    assert not looks_like_label_list(Document("004.txt", page))
    found = lint_text(page, path="004.txt", config={"select": ["A103"], "cache": False})
    assert any("اترك تعليق" in page[f.start : f.end] for f in found)


# -- S104: C++ spelled out; a split word before a doubled postposition ---------------------


def test_s104_cpp_spelled_out_is_not_repeated_and_a_real_doubling_stays():
    # Geany 1.38 (Debian geany-common) Arabic: "مكتبة سي بلس بلس القياسية", "سي، سي بلس بلس،
    # جافا"; GTK 3 properties: "الإضافي للإبن للإبن نفسه" is a real doubling
    text = _read("debian-geany-ar-cpp.txt")
    found = lint_text(text, path="geany.ar.txt", config={"select": ["S104"], "cache": False})
    assert [text[f.start : f.end] for f in found] == ["للإبن للإبن"]
    assert lint_text("C plus plus and Notepad plus plus\n", config={"select": ["S104"]}) == []
    assert len(lint_text("one plus plus two\n", config={"select": ["S104"]})) == 1


def test_s104_split_word_before_a_doubled_postposition_has_no_deletion():
    # quran-json 3.1.2 Urdu, 3:13 ("لڑ رہا", the verb) and 3:36 "لڑکا لڑ کی کی طرح" (لڑکی split):
    # deleting a کی would take the genuine postposition away
    text = _read("quran-json-ur-003-split-word.md")
    (f,) = lint_text(text, path="003.md", config={"select": ["S104"], "cache": False})
    assert text[f.start : f.end] == "کی کی" and f.fix is None and "'لڑکی'" in f.message
    # a doubling with no fragment before it keeps its unsafe fix
    (g,) = lint_text("اور وہ کی کی طرح\n", path="x.md", config={"select": ["S104"], "cache": False})
    assert g.fix is not None
