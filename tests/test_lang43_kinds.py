"""lang43: fresh30's language false alarms (European literature, man pages, LaTeX, wiki text), each
on real text, with a true finding of the same rule kept beside it.

S104 (repeated word): German "da da" (the conjunction opening a clause, then the adverb there:
systemd-cat(1) in German), Italian expressive doubling ("armeggi armeggi, giri giri": fortunes-it).
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text
from corpuslint.families.spelling.repeated import ITALIAN_FUNCTION_WORDS, italian_reduplication

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
    # the same doubling in text declared English is reported
    assert _found("S104", "You fiddle and fiddle: giri giri and pull.\n", "a.txt", "en") != []
