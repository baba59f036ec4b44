"""lang43: fresh30's language false alarms (European literature, man pages, LaTeX, wiki text), each
on real text, with a true finding of the same rule kept beside it.

S104 (repeated word): German "da da" (the conjunction opening a clause, then the adverb there:
systemd-cat(1) in German), Italian expressive doubling ("armeggi armeggi, giri giri": fortunes-it).
S105 (known misspelling): a paragraph dense with one-letter-off non-words is play (a drunk
recipe's "seaspoon of tugar ... teh ... untill"); an IRC line quoted in a chat fortune is the
speaker's typing, an action without a time stamp ("* BenC wonders ...") too.
A102 (script-mismatch residue): a fortune's attribution "-- janoo" under Russian text.
A101 (hex id): a dashed name whose part after the dash is CamelCase words
(``XFree86-VidModeExtension``).
W114 (space before punctuation): a French title quoted in English text, the numbered text of a
critical edition that spaces ":" as its convention (a "?" after a Windows path stays reported:
the real-text labels hold it a true finding).
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text
from corpuslint.document import Document
from corpuslint.families.spelling.corrections import PLAY_MIN_WORDS, builtin_corrections, play_paragraph
from corpuslint.families.spelling.repeated import ITALIAN_FUNCTION_WORDS, italian_reduplication
from corpuslint.structure import chat_log_lines

REALTEXT = Path(__file__).parent / "data" / "realtext"


def _read(name: str) -> str:
    return (REALTEXT / name).read_text(encoding="utf-8")


def _found(code: str, text: str, name: str = "a.txt", language: str | None = None) -> list[tuple[int, int, str]]:
    config: dict = {"select": [code], "cache": False}
    if language:
        config["per-file-language"] = {name: language}
    return [(f.line, f.column, f.message) for f in lint_text(text, path=name, config=config)]


# -- S104: German "da da", Italian expressive doubling ---------------------------------------------

SYSTEMD_CAT_DE = _read("manpages-de-systemd-cat-da-da.txt")
MATHEMATIKER_DE = _read("fortunes-de-mathematiker-ich-ich.txt")
NORM_IT = _read("fortunes-it-norm-armeggi-giri.txt")
ZUSE_IT = _read("fortunes-it-zuse-anche-anche.txt")


def test_s104_leaves_german_da_da_opening_a_clause():
    assert "werden, da da nicht mehrere Prozesse" in SYSTEMD_CAT_DE
    assert _found("S104", SYSTEMD_CAT_DE, "systemd-cat.1.txt", "de") == []
    assert _found("S104", SYSTEMD_CAT_DE, "systemd-cat.1.txt") == []  # German by its words, undeclared


def test_s104_still_reports_german_slips_and_da_da_inside_a_clause():
    assert _found("S104", MATHEMATIKER_DE, "m.txt", "de") == [(4, 22, "'ich' is repeated")]  # "aber ich ich weiß"
    text = "Er sagte, das Buch liegt da da drüben auf dem Tisch und und ist nicht schön.\n"
    assert [m for *_, m in _found("S104", text, "a.txt", "de")] == ["'da' is repeated", "'und' is repeated"]
    # Portuguese "da da" after a comma stays a slip in Portuguese text
    assert _found("S104", "É diferente, da da máquina do anfitrião.\n", "a.txt", "pt") != []


def test_s104_leaves_italian_expressive_doubling():
    assert "armeggi armeggi, giri giri" in NORM_IT
    assert _found("S104", NORM_IT, "norm.txt", "it") == []
    assert _found("S104", NORM_IT, "norm.txt") == []  # Italian by its words, undeclared
    assert italian_reduplication("giri", None) and italian_reduplication("papale", "parla")


def test_s104_still_reports_italian_function_words_and_nouns_doubled():
    assert "anche" in ITALIAN_FUNCTION_WORDS
    assert _found("S104", ZUSE_IT, "zuse.txt", "it") == [(2, 46, "'anche' is repeated")]  # "lo e' anche anche bere"
    # a noun after an article is a noun doubled: a slip
    assert [m for *_, m in _found("S104", "Apri il file file che hai salvato ieri sera.\n", "a.txt", "it")] == [
        "'file' is repeated"]
    # an English function word doubled in Italian text is a slip too
    assert [m for *_, m in _found("S104", "Il titolo era \"read the the manual\", e poi basta.\n", "a.txt", "it")] == [
        "'the' is repeated"]
    # the same doubling in text declared English is reported
    assert _found("S104", "You fiddle and fiddle: giri giri and pull.\n", "a.txt", "en") != []


# -- S105: play and chat transcripts ---------------------------------------------------------------

RUM_CAKE = _read("fortunes-en-drugs-rum-cake.txt")
SEPARATE_CELLS = _read("fortunes-en-science-seperate-cells.txt")
LINUX_IRC = _read("fortunes-en-linux-irc-ispell.txt")
KNGHTBRD_IRC = _read("fortunes-en-knghtbrd-irc-actions.txt")


def test_s105_leaves_misspellings_in_a_paragraph_of_play():
    assert "the rum teh absolutely" in RUM_CAKE and "beat untill high" in RUM_CAKE
    assert _found("S105", RUM_CAKE, "drugs.txt", "en") == []
    doc = Document("drugs.txt", RUM_CAKE)
    assert play_paragraph(doc, RUM_CAKE.index("teh"), builtin_corrections(), {})
    assert not play_paragraph(doc, RUM_CAKE.index("Christmas"), builtin_corrections(), {})  # the list of ingredients


def test_s105_still_reports_a_misspelling_in_plain_prose():
    assert _found("S105", SEPARATE_CELLS, "science.txt", "en") == [
        (4, 17, "'seperate' is a known misspelling of 'separate'")]
    # the recipe's own paragraph with its spoonerisms spelled right: "teh" is a slip again
    fixed = RUM_CAKE
    for play, word in (("seaspoon", "teaspoon"), ("tugar", "sugar"), ("orge laggs", "large eggs"), ("druit", "fruit"),
                       ("toncisticity", "consistency"), ("toda", "soda"), ("schopped", "chopped"), ("chups", "cups"),
                       ("bablespoon", "tablespoon"), ("gugar", "sugar"), ("mell", "well"), ("gredees", "degrees"),
                       ("poothtick", "toothpick"), ("crean", "clean")):
        fixed = fixed.replace(play, word)
    assert [m for *_, m in _found("S105", fixed, "drugs.txt", "en")] == [
        "'teh' is a known misspelling of 'the'", "'untill' is a known misspelling of 'until'"]


def test_s105_play_needs_several_words_one_letter_off():
    # two non-words beside "teh" are no play
    text = "Meanwhile, make sure the rum teh absolutely highest quality. Add 2 orge laggs and beat.\n"
    assert len(_found("S105", text, "a.txt", "en")) == 1
    assert PLAY_MIN_WORDS > 2


def test_s105_leaves_irc_lines_of_a_chat_fortune():
    assert "* Myxie needs an ircii addon that pipes teh command line through ispell :)" in LINUX_IRC
    assert _found("S105", LINUX_IRC, "linux.txt", "en") == []
    assert "* BenC wonders why he has upgraded to 3.3.5-1 before teh X maintainer" in KNGHTBRD_IRC
    assert _found("S105", KNGHTBRD_IRC, "knghtbrd.txt", "en") == []
    # the action lines are the log's: BenC speaks in it; joeyh's stands in the block of a said line
    doc = Document("knghtbrd.txt", KNGHTBRD_IRC)
    lines = KNGHTBRD_IRC.splitlines()
    actions = {i for i, line in enumerate(lines) if line.startswith("* ")}
    assert actions and actions <= chat_log_lines(doc)


def test_s105_still_reports_a_list_item_beside_a_chat_log():
    # a Markdown-style item in a document that quotes a chat log is no IRC action
    text = LINUX_IRC + "\nRelease notes:\n\n* fixed teh crash on start\n"
    assert [m for *_, m in _found("S105", text, "linux.txt", "en")] == ["'teh' is a known misspelling of 'the'"]


# -- A102: an attribution under a fortune --------------------------------------------------------------

D41_RU = _read("fortunes-ru-d41-janoo.txt")


def test_a102_leaves_an_attribution_under_a_russian_fortune():
    assert "\t\t-- janoo\n" in D41_RU
    assert _found("A102", D41_RU, "d41.txt", "ru") == []


def test_a102_still_reports_a_widget_line_in_russian_text():
    text = D41_RU + "\nsearch\n\n" + D41_RU
    assert [(line, m) for line, _, m in _found("A102", text, "d41.txt", "ru")] == [
        (29, "short line `search` with no Cyrillic-script letters in a document written in Cyrillic script")]


# -- A101: a dashed name of CamelCase words --------------------------------------------------------------

XVIDTUNE_FR = _read("manpages-fr-xvidtune-extension.txt")


def test_a101_leaves_a_dashed_camelcase_extension_name():
    assert XVIDTUNE_FR.count("XFree86-VidModeExtension") == 2
    assert _found("A101", XVIDTUNE_FR, "xvidtune.1.txt", "fr") == []


def test_a101_still_reports_random_base64_after_a_dash():
    text = "Le jeton de session est sess-aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Q4Mz dans la page.\n"
    assert [m for *_, m in _found("A101", text)] == [
        "base64-like token `sess-aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Q4Mz` inside text"]


# -- W114: a French title, a critical edition's text, a Windows path ------------------------------------

ANARCHISM_WIKI = _read("wikipedia-anarchism-french-titles.wiki")
RELEDPAR_LATIN = _read("reledpar-dictys-latin-numbered.tex")
COMPUTER_RU = _read("fortunes-ru-computer-temp-path.txt")


def test_w114_leaves_a_french_title_quoted_in_english_text():
    assert "''Théorie du corps amoureux : pour une érotique solaire''" in ANARCHISM_WIKI
    assert _found("W114", ANARCHISM_WIKI, "anarchism.wiki", "en") == []
    # the same title in a plain .txt, between quotes
    text = 'Onfray wrote "Théorie du corps amoureux : pour une érotique solaire" in 2000.\n'
    assert _found("W114", text, "a.txt", "en") == []


def test_w114_still_reports_a_spaced_mark_in_an_english_sentence_or_title():
    text = "Onfray wrote ''The Theory of the Lover's Body : for a solar erotics'' and more .\n"
    assert [m for *_, m in _found("W114", text, "a.wiki", "en")] == ["space before ':'", "space before '.'"]
    assert _found("W114", "He wrote this book : a fine one.\n", "a.txt", "en") != []


def test_w114_leaves_a_critical_editions_spaced_colons():
    assert "habuere : itemque" in RELEDPAR_LATIN
    found = _found("W114", RELEDPAR_LATIN, "reledpar.tex")
    assert [m for *_, m in found if m == "space before ':'"] == []


def test_w114_still_reports_marks_an_edition_writes_tight():
    found = _found("W114", RELEDPAR_LATIN, "reledpar.tex")
    # ";" the numbered text mostly writes tight ("Cretam convenere; Creteus"): its spaced ones are slips
    assert RELEDPAR_LATIN.count("; ") > RELEDPAR_LATIN.count(" ; ")
    assert {m for *_, m in found} == {"space before ';'"}
    # outside \beginnumbering ... \endnumbering, a spaced colon in Latin is reported
    plain = RELEDPAR_LATIN.replace("\\beginnumbering", "").replace("\\endnumbering", "")
    assert "space before ':'" in {m for *_, m in _found("W114", plain, "reledpar.tex")}


def test_w114_still_reports_a_question_mark_after_a_windows_path():
    # fresh30 labelled "D:\\TEMP ?" a false alarm (the space keeps "?" out of the path); the
    # real-text labels (benchmarks/labels/fortunes-ru.jsonl, computer.txt line 11) hold it a true
    # one (Russian typography sets no space there): it stays reported until that is settled
    assert "папку D:\\TEMP ?" in COMPUTER_RU
    assert _found("W114", COMPUTER_RU, "computer.txt", "ru") == [(3, 46, "space before '?'")]
