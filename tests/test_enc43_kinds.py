"""Encoding kinds fresh30 met (enc43), each on real text: text read with the wrong 8-bit codec
(KOI8-R read as cp1251 or Latin-1, cp1251 read as KOI8-R, Latin-1 read as cp1251) is A105's
mojibake; F001 on a file that is not UTF-8 names the encoding it looks like and the ``iconv``
command; C1 control characters amid signs of line noise are A109's, not A105's.

The legacy files are as Debian ships them (tests/data/realtext/SOURCE.md): the KOI8-R README of
lcyw and the cp1251 gost2008 example (texlive-lang-cyrillic), the Latin-1 preamble of
bibleref-german (texlive-lang-german). The mojibake is made from their bytes, read with the
wrong codec, as a tool that assumed one would."""

from __future__ import annotations

import shutil
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers ftfy's sloppy-windows codecs)

from hypothesis import HealthCheck, given, settings, strategies as st

from corpuslint import lint_paths, lint_text
from corpuslint.text.legacy import MIN_RUSSIAN_MARGIN, guess_encoding, iconv_name, misreading, russian_likeness

LEGACY = Path(__file__).parent / "data" / "realtext" / "legacy"
REALTEXT = Path(__file__).parent / "data" / "realtext"
KOI8 = (LEGACY / "lcyw-README.koi8-r").read_bytes()
CP1251 = (LEGACY / "gost2008-cp1251.tex").read_bytes()
LATIN1 = (LEGACY / "bibleref-german-preamble-latin1.tex").read_bytes()
NO_CACHE = {"cache": False}


def a105(text: str, path: str = "page.txt") -> list:
    return [f for f in lint_text(text, path=path, config={"select": ["A105"], **NO_CACHE})]


def repaired(text: str, path: str = "page.txt") -> str:
    """``text`` with every A105 repair applied (the findings' edits, last first)."""
    edits = sorted((e for f in a105(text, path) for e in f.fix.edits), key=lambda e: e.start, reverse=True)
    for e in edits:
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


# -- A105: 8-bit codec mix-ups -----------------------------------------------------------------

def test_koi8r_read_as_cp1251_is_mojibake_and_repairs_to_the_russian_text():
    moji = KOI8.decode("cp1251")  # лМБУУЙЮЕУЛЙЕ Computer Modern ЫТЙЖФЩ: case-inverted Cyrillic
    assert moji.startswith("лМБУУЙЮЕУЛЙЕ Computer Modern")
    found = a105(moji)
    assert found and all("KOI8-R text read as CP1251" in f.message for f in found)
    assert found[0].line == 1 and "`Классические Computer Modern шрифты" in found[0].message
    assert repaired(moji) == KOI8.decode("koi8_r")


def test_koi8r_read_as_latin1_is_mojibake():
    moji = KOI8.decode("latin-1")  # ëÌÁÓÓÉÞÅÓËÉÅ
    found = a105(moji)
    assert found and all("KOI8-R text read as Latin-1/CP1252" in f.message for f in found)
    assert repaired(moji) == KOI8.decode("koi8_r")


def test_cp1251_read_as_koi8r_is_mojibake():
    moji = CP1251.decode("koi8_r")  # % cmap МЮДН ЦПСГХРЭ ДН inputenc / оПХЛЕП НТНПЛКЕМХЪ
    found = a105(moji, "gost2008.tex")
    assert [f.line for f in found] == [2, 10, 12]
    assert all("CP1251 text read as KOI8-R" in f.message for f in found)
    assert "`Пример оформления списка литературы с помощью стиля`" in found[1].message
    assert repaired(moji, "gost2008.tex") == CP1251.decode("cp1251")


def test_latin1_read_as_cp1251_is_mojibake_one_letter_in_a_latin_word():
    moji = LATIN1.decode("cp1251")  # Dominik WaЯenhoven, Ьberschriften, FuЯnoten
    assert "WaЯenhoven" in moji
    found = a105(moji, "preamble.tex")
    assert found[0].line == 2 and "Latin-1/CP1252 text read as CP1251), repairs to `ß`" in found[0].message
    assert repaired(moji, "preamble.tex") == LATIN1.decode("latin-1")


def test_correct_text_of_the_same_scripts_is_not_mojibake():
    # the same files decoded right
    assert a105(KOI8.decode("koi8_r")) == []
    assert a105(CP1251.decode("cp1251"), "gost2008.tex") == []
    assert a105(LATIN1.decode("latin-1"), "preamble.tex") == []
    # fortunes-ru: Russian jokes typed with Latin letters in Cyrillic words ("папy", "yмного",
    # "stoр"): read back as cp1252 every Cyrillic word would become Latin-1 noise
    ru = (REALTEXT / "fortunes-ru-computer-latin-letters.txt").read_text(encoding="utf-8")
    assert "папy" in ru and "stoр" in ru
    assert a105(ru) == []
    # Django's Danish catalogue: "ÅÅÅÅ-MM-DD" is a word of Latin-1 letters only, not KOI8-R
    da = (REALTEXT / "django-da-date-formats.txt").read_text(encoding="utf-8")
    assert "ÅÅÅÅ-MM-DD" in da
    assert a105(da) == []
    # Russian with an abbreviation whose first letter is small ("мРНК", messenger RNA)
    assert a105("Рибосомы читают мРНК и синтезируют белок по её матрице.\n") == []


def test_utf8_mojibake_is_still_ftfys_repair():
    # UTF-8 Russian read as cp1251 (fresh30's probe of a fortunes-ru quote): ftfy's repair, no codec named
    moji = "Я открываю неизвестную страницу,\n".encode("utf-8").decode("cp1251")
    found = a105(moji)
    assert len(found) == 1 and "read as" not in found[0].message
    assert "repairs to `Я открываю неизвестную страницу`" in found[0].message


UDHR = Path(__file__).parent / "data" / "udhr"


def test_chinese_and_japanese_legacy_encodings_read_as_latin1_are_mojibake():
    # the UDHR's preamble (tests/data/udhr): Chinese saved as GBK, Japanese as EUC-JP or
    # Shift-JIS, read as cp1252 or as Latin-1 (C1 controls: "\x93ú\x96{\x8cê\x82Ì" for "日本語の")
    for name, codec, read, label in (("cmn_hans.txt", "gbk", "sloppy-windows-1252", "GBK"),
                                     ("jpn.txt", "euc_jp", "sloppy-windows-1252", "EUC-JP"),
                                     ("jpn.txt", "shift_jis", "latin-1", "SHIFT_JIS")):
        text = (UDHR / name).read_text(encoding="utf-8")
        moji = text.encode(codec).decode(read)
        found = a105(moji)
        assert found and all(f"{label} text read as Latin-1/CP1252" in f.message for f in found), (name, codec)
        assert repaired(moji) == text
        assert a105(text) == []  # the text itself


def test_a_wrong_mix_up_is_never_offered_as_a_repair():
    # Japanese EUC-JP read as cp1251 looks like case-inverted Cyrillic, but "repairing" it as
    # KOI8-R gives box-drawing noise (charset-normalizer's mess ratio 2.5): not reported so
    moji = (UDHR / "jpn.txt").read_text(encoding="utf-8").encode("euc_jp").decode("cp1251", errors="replace")
    assert not any("KOI8-R" in f.message for f in a105(moji))
    # the UDHR in Russian, correct
    assert a105((UDHR / "rus.txt").read_text(encoding="utf-8")) == []


# words of the UDHR in Russian (tests/data/udhr/rus.txt), as sentences of them are drawn
RUS_WORDS = sorted(set((UDHR / "rus.txt").read_text(encoding="utf-8").split()))
sentences = st.lists(st.lists(st.sampled_from(RUS_WORDS), min_size=3, max_size=14).map(" ".join),
                     min_size=1, max_size=6).map("\n".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences)
def test_russian_is_never_a_mix_up_and_its_koi8r_read_as_cp1251_repairs_to_itself(text):
    assert misreading(text, text.split("\n")) is None
    moji = text.encode("koi8_r").decode("cp1251")
    found = misreading(moji, moji.split("\n"))
    if found is not None:  # (a few words may show no sign of the mix-up)
        assert (found.read_as, found.written_in) == ("CP1251", "KOI8-R")
        assert all(text.split("\n")[i] == fixed for i, fixed in found.repairs.items())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences)
def test_russian_cp1251_read_as_koi8r_repairs_to_itself(text):
    moji = text.encode("cp1251").decode("koi8_r")
    found = misreading(moji, moji.split("\n"))
    if found is not None:
        assert (found.read_as, found.written_in) == ("KOI8-R", "CP1251")
        assert all(text.split("\n")[i] == fixed for i, fixed in found.repairs.items())


def test_the_direction_of_a_koi8r_cp1251_mix_up_is_read_from_russian_letter_pairs():
    # found by the property above in CI (stop 44): charset-normalizer's letter ranks found
    # "Вххвочнеу, Вххвочнеу, хеоелпиб фенкъкк" (the reverse repair) as Russian as the text
    text = "Ассамблея, Ассамблея, семейную религии"
    moji = text.encode("koi8_r").decode("cp1251")
    assert moji == "бУУБНВМЕС, бУУБНВМЕС, УЕНЕКОХА ТЕМЙЗЙЙ"
    assert misreading(moji, [moji]) == ("CP1251", "KOI8-R", {0: text})
    back = text.encode("cp1251").decode("koi8_r")
    assert misreading(back, [back]) == ("KOI8-R", "CP1251", {0: text})
    # one two-letter word: "Не" and "Пе" (its reverse repair) are both Russian enough to
    # tell apart by less than the margin a mix-up is named with
    assert abs(russian_likeness("Не") - russian_likeness("Пе")) < MIN_RUSSIAN_MARGIN
    assert russian_likeness("Вххвочнеу") < russian_likeness("Ассамблея") - MIN_RUSSIAN_MARGIN
    assert russian_likeness("Test") is None


# -- F001: the encoding a file that is not UTF-8 looks like ------------------------------------

def f001(path: Path) -> list[str]:
    return [f.message for f in lint_paths([str(path)], config={"select": ["F001"], **NO_CACHE})]


def test_f001_names_the_likely_encoding_and_the_iconv_command(tmp_path):
    for name, codec in (("lcyw-README.koi8-r", "KOI8-R"), ("gost2008-cp1251.tex", "CP1251"),
                        ("bibleref-german-preamble-latin1.tex", "ISO-8859-1")):
        target = tmp_path / name.replace(".koi8-r", ".txt")
        shutil.copyfile(LEGACY / name, target)
        before = target.read_bytes()
        [message] = f001(target)
        assert message.startswith("invalid UTF-8 at byte offset")
        assert f"looks like {codec} (charset-normalizer); convert with `iconv -f {codec} -t UTF-8 " in message
        assert message.endswith(f"{target.name}`") or message.endswith(f"{target}`")
        assert target.read_bytes() == before  # never rewritten


def test_f001_gives_no_encoding_for_utf8_with_a_broken_byte():
    # a UTF-8 file cut inside a character: converting it from an 8-bit codec would make mojibake
    data = "Классические шрифты с поддержкой кириллицы".encode("utf-8")[:-1]
    assert guess_encoding(data) is None
    assert guess_encoding(KOI8) == "koi8_r" and guess_encoding(CP1251) == "cp1251"
    assert iconv_name("latin_1") == "ISO-8859-1" and iconv_name("koi8_r") == "KOI8-R"


# -- A105 and A109: C1 controls amid signs are line noise ---------------------------------------

def test_c1_controls_amid_signs_are_line_noise_not_mojibake():
    # fortunes-es informatica: a modem-noise joke, "vue$$@@!!\x91\x9c\x9c/!(*!3..."
    page = (REALTEXT / "fortunes-es-informatica-modem-noise.txt").read_text(encoding="utf-8")
    assert "!!\x91\x9c\x9c/!" in page
    found = [(f.code, f.line) for f in lint_text(page, path="informatica", config={"select": ["A105", "A109"], **NO_CACHE})]
    assert found == [("A109", 5)]


def test_cp1252_punctuation_read_as_latin1_is_still_mojibake():
    line = "Dijo \x93Hola\x94 y se fue \x96 r\u00e1pido\x85\n"
    found = a105(line)
    assert len(found) == 1 and "repairs to `“Hola” y se fue – rápido…`" in found[0].message


# -- left44: UTF-8 read as GBK -----------------------------------------------------------------

MATHEMATIKER = (REALTEXT / "fortunes-de-mathematiker-ich-ich.txt").read_text(encoding="utf-8")


def test_european_utf8_read_as_gbk_is_mojibake_and_repairs_to_the_text():
    # main: nothing (a GBK reading of UTF-8 had no mix-up): "zun盲chst alle T眉ren ... schlie脽en"
    moji = MATHEMATIKER.encode("utf-8").decode("gbk")  # lossless: two bytes a letter, one Han character
    assert "zun盲chst alle T眉ren" in moji
    found = a105(moji)
    assert found and all("UTF-8 text read as GBK" in f.message for f in found)
    assert repaired(moji) == MATHEMATIKER


def test_chinese_and_japanese_text_with_latin_words_is_no_gbk_reading():
    for name in ("debian-handbook-zh-cn-community.txt", "debian-handbook-ja-journal.txt",
                 "fortunes-zh-compare-versions.txt"):
        text = (REALTEXT / name).read_text(encoding="utf-8")
        assert not a105(text), name
    # and GBK read as Latin-1 is still that mix-up
    chinese = (REALTEXT / "fortunes-zh-compare-versions.txt").read_text(encoding="utf-8")
    found = a105(chinese.encode("gbk").decode("latin-1"))
    assert found and all("GBK text read as Latin-1/CP1252" in f.message for f in found)
