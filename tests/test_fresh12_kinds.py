"""False alarms that a new user (fresh12) found on text nobody here had tuned on: Debian
fortunes-pl (GPL; short quotations), gettext catalogues of GNU packages, a Sindhi WordNet
CSV (MIT), each kind with the real defect next to it still reported."""

from __future__ import annotations

from corpuslint import lint_text
from corpuslint.document import Document
from corpuslint.families.spelling.repeated import RepeatedWord

NO_CACHE = {"cache": False}


def s104(text: str, language: str | None = None) -> list[str]:
    if language:  # (a record or file declared in that language)
        return [text[f.start : f.end] for f in RepeatedWord().check(Document("t.txt", text, language=language))]
    return [text[f.start : f.end] for f in lint_text(text, config={"select": ["S104"], **NO_CACHE})]


def test_s104_a_short_word_said_three_times_is_a_sound():
    # fortunes-pl dowcipy.txt and debian.pl.txt
    assert s104("- sru tu tu tu, idź już spać! i odkłada słuchawkę.") == []
    assert s104("odejdź w pokoju szybkim krokiem, a będziesz zbawiony.  *puk puk puk*") == []
    # a long word so repeated is a degenerate generation; an English function word a slip
    assert s104("It was continuous continuous continuous noise.") == ["continuous continuous"]
    assert s104("He said the the the answer.") == ["the the"]
    assert s104("Ten kot kot ma.") == ["kot kot"]


def test_s104_a_doubled_word_between_dialogue_dashes_is_an_utterance():
    # fortunes-pl dowcipy.txt: "Zaraz zaraz" (wait, wait) said by a character
    assert s104("- Zaraz zaraz - mówi informatyk - ale przecież ten chaos też ktoś musiał") == []
    assert s104("- Powiedział zaraz zaraz i poszedł - mówi informatyk") == ["zaraz zaraz"]
    assert s104("- the the - he said") == ["the the"]  # English function words stay slips


def test_s104_west_slavic_to_to_is_pronoun_then_particle():
    # fortunes-pl dowcipy.txt: "w to to nikt mi nie uwierzy" (nobody will believe that)
    assert s104("- No, w to to nikt mi nie uwierzy!!!") == []
    assert s104("Ale w to to nikt", language="pl") == []
    assert s104("I want to to go there, but not now.") == ["to to"]


def a108(text: str) -> list[str]:
    return [text[f.start : f.end] for f in lint_text(text, path="page.txt", config={"select": ["A108"], **NO_CACHE})]


def test_a108_identifiers_drawings_and_synopses_are_not_markup():
    # manpages-ru bootparam(7), as groff renders it: a C macro, not bold
    assert a108("     (Только, если определён __SMP__.) Параметры загрузки «nosmp» или") == []
    assert a108("(__!__) gruba dupa") == []  # fortunes-pl dowcipy.txt: a drawing
    # manpages-pt-br nano(1): a synopsis's nested optional parts and alternatives
    assert a108("       nano [opções] [[+linha[,coluna]] arquivo]...") == []
    assert a108("       nano [opções] [[+[crCR](/|?)string] arquivo]...") == []
    # what A108 is for stays reported
    assert a108("This is __very important__ and **bold**.") == ["__very important__", "**bold**"]
    assert a108("See [[Main Page|the main page]] and [docs](https://x.org/a).") == [
        "[[Main Page|the main page]]", "[docs](https://x.org/a)"]


def test_a106_a_chat_logs_speaker_is_not_an_html_tag():
    # fortunes-pl debian.pl.txt: IRC quotes, each "Mon DD hh:mm:ss <nick> text"; "DT" is an element's name
    log = ("#debian.pl\nJul 08 12:04:35 <fEnIo> MaReK^-^: ludzie dopiero księżyc zaliczyli\n\n"
           "#debian.pl\nJul 09 15:03:08 <K3NY> w /etc/security/limits.conf \"data\" to tos amo co quota?\n\n"
           "#debian.pl\nJul 09 21:28:25 <DT> nie ma sie co oszukiwac, wszyscy mamy ten sam problem -\n"
           "uzytkownikow\n")
    config = {"select": ["A106"], **NO_CACHE}
    assert lint_text(log, path="debian.pl.txt", config=config) == []
    # a tag left inside the text of such a log, and a lone "<DT> text" line in prose, stay
    found = lint_text(log.replace("zaliczyli", "<b>zaliczyli</b>"), path="debian.pl.txt", config=config)
    assert [f.message for f in found] == ["HTML markup `<b>`", "HTML markup `</b>`"]
    assert [f.code for f in lint_text("Intro.\n<DT> Term one\n", path="a.txt", config=config)] == ["A106"]


def w102(text: str, language: str | None = None) -> list[str]:
    from corpuslint.families.whitespace.spaces import NonStandardSpace

    return [text[f.start : f.end] for f in NonStandardSpace().check(Document("de.po", text, language=language))]


def test_w102_an_abbreviation_and_a_c_placeholder_keep_their_no_break_space():
    # coreutils 9.1 po/de.po (date --help): German sets "z. B." with a no-break space
    assert w102("  %b   abgekürzter Monatsname der Lokale (z.\u00a0B. Nov)\n", "de") == []
    assert w102("Das heißt, d.\u00a0h. jede Zeile", "de") == []
    # wget 1.21.3 po/fr.po: "%ld\u00a0octets", a C placeholder (a number) bound to its unit
    assert w102("%s\u00a0: %s\u00a0: échec d’allocation de %ld\u00a0octets\u00a0; mémoire épuisée.\n", "fr") == []
    # a no-break space between two words is still reported (coreutils 9.1 po/ru.po)
    assert w102("и печатает\u00a0на стандартный вывод", "ru") == ["\u00a0"]
    assert w102("Ende.\u00a0Anfang", "de") == ["\u00a0"]


def test_w115_a_quotation_of_marks_alone_is_quoted_syntax():
    # docutils 0.23 docs (public domain): reST's markers and a prompt quoted with their space
    config = {"select": ["W115"], **NO_CACHE}
    for line in ['The footnote is the only explicit markup construct (starts with ".. ")',
                 "  Doctest blocks begin with \">>> \" and end with a blank line.  Neither",
                 '   simply adding "__ " as a synonym for ".. __: " in the original']:
        assert lint_text(line, path="alternatives.rst", config=config) == [], line
    # a quotation with words keeps its finding
    found = lint_text('He said "hello world " today.', config=config)
    assert [f.message for f in found] == ['space before closing "']


def test_a103_a_manuals_see_also_references_are_not_read_also_boilerplate():
    # docutils 0.23 docs (public domain) and Flask 3.1.2 docs (BSD-3): cross-references
    config = {"select": ["A103"], **NO_CACHE}
    for text in ["See also report_level_.\n", "See also the guide by ReadTheDocs_ on how to get started with Sphinx.\n",
                 "See also:\n\n-   :doc:`/server` and :doc:`/cli` for information about running in debug mode.\n",
                 "See also:\n  * Defining a macro for a `custom role`_.\n  * Forcing `page breaks`_.\n"]:
        assert lint_text(text, path="config.rst", config=config) == [], text
    # a scraped "See also" line, and "Read more:" before a list, stay boilerplate
    assert [f.code for f in lint_text("Article text.\n\nSee also\n", path="a.txt", config=config)] == ["A103"]
    assert [f.code for f in lint_text("Read more:\n- Other story\n", path="a.txt", config=config)] == ["A103"]
