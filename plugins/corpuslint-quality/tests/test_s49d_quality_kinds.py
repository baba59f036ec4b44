"""Q101/Q102 on quote collections in fortune(6)'s format (fresh37's fortunes/): real text,
tests/data/realtext/SOURCE.md (section s49d)."""

from __future__ import annotations

from pathlib import Path

from corpuslint.document import Document
from corpuslint_quality import rules as Q

REAL = Path(__file__).resolve().parents[3] / "tests" / "data" / "realtext"

# six entries of fortunes-es's proverbios (Debian fortunes-es 1.34, free), each proverb over its attribution
PROVERBIOS = """Hay que darle al niño malo, más amor y menos palo.
\t\t-- Refrán. 
%
Quien mucho da, mucho recibe.
\t\t-- Refrán. 
%
Por el humo se sabe donde está el fuego.
\t\t-- Refrán. 
%
Quien guisa antes del Shabbat, comerá en Shabbat.
\t\t-- Refrán hebreo. 
%
Ayúdate y te ayudaré.
\t\t-- Refrán. 
%
Según hagas tu cama, así dormirás.
\t\t-- Refrán. 
"""


def _messages(rule, path: str, text: str) -> list[str]:
    return [f.message for f in rule().check(Document(path, text))]


def test_q101_attributions_under_the_records_of_a_fortune_file_are_no_repeats():
    """Each proverb of fortunes-es's proverbios stands over "-- Refrán." (fresh37: 232 of 643
    lines "repeat", Q101 labelled false): a fortune file is a list of records, each a text of
    its own, and a line recurring across records is their form. The same proverbs entered
    twice (the records themselves repeated) are still repeats."""
    assert _messages(Q.RepeatedLines, "es-proverbios.txt", PROVERBIOS) == []
    twice = PROVERBIOS + "%\n" + PROVERBIOS
    assert _messages(Q.RepeatedLines, "es-proverbios.txt", twice) != []


def test_q102_a_series_formula_over_each_record_is_no_repeat():
    """fortunes-pl's dzieci opens its entries with "Miłość w oczach dzieci:" (and 21 with "Wpis w
    dzienniczku ucznia:"): a heading paragraph over each child's answer (fresh37: 45 of 108
    paragraphs "repeat", Q102 labelled false; fewer than 40% open with one formula, so
    ``formulaic_entries`` did not skip it). The first five entries; entered twice, the first
    four are still repeats."""
    text = (REAL / "s49d-fortunes-pl-dzieci.txt").read_text(encoding="utf-8")
    assert _messages(Q.RepeatedParagraphs, "pl-dzieci.txt", text) == []
    four = text[: text.index("\n%\nMiłość", text.index("Jan, 9"))]  # (four entries twice: no series of 10)
    assert _messages(Q.RepeatedParagraphs, "pl-dzieci.txt", f"{four}\n%\n{four}\n") != []


# a page that is its title over a table (as fresh37's SOURCES.md: the packages and licences of its parts)
SOURCES = """# Sources

| part | package | version | licence |
|---|---|---|---|
| man/XX/*.txt | Debian bookworm manpages-de, manpages-fr, manpages-es | 4.18.1-1 | GPL-3+ |
| help/XX/*.md | Debian gnome-user-docs (gnome-help) converted to Markdown | 43.0-2 | CC-BY-SA 3.0 |
| bible/rv1909-*.txt | Debian sword-text-sparv, the Reina-Valera 1909 read with pysword | 2.60-1 | public domain |
| fortunes/*.txt | Debian fortunes-de, fortunes-cs, fortunes-es, fortunes-it, fortunes-pl | bookworm | free |
"""


def test_q104_q105_q108_count_a_tables_rows_as_lines_of_the_page():
    """fresh37's SOURCES.md is a title over a table: Q104 said "only 0 of 1 lines", Q105 "1 of 1
    lines are 30 characters or shorter", Q108 "word count 1" (labelled false: the rows were not
    counted). A table's rows are lines of the page, as a text extractor gives them, each a
    record whole as it is (no sentence left open, no menu's short line): the page passes. A
    short title over short unterminated lines is still reported."""
    assert _messages(Q.ShortLines, "SOURCES.md", SOURCES) == []
    assert _messages(Q.WordCountOutOfRange, "SOURCES.md", SOURCES) == []
    assert _messages(Q.UnterminatedLines, "SOURCES.md", SOURCES) == []
    menu = "# Sources\n\nman pages\n\nhelp pages\n\nthe Bible\n\nfortunes\n"
    assert _messages(Q.UnterminatedLines, "SOURCES.md", menu) != []
