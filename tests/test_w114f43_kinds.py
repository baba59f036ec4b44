"""W114 where the mark is named in the text, a program's comment or a list's separator, as
w114f43 fixed fresh31's kinds (LibreOffice help in Greek and Khmer, the Marathi UDHR). Each
kind on its real excerpt, and a true finding of the same shape still reported with its fix.
Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_paths, lint_text

REALTEXT = Path(__file__).parent / "data" / "realtext"
NO_CACHE = {"cache": False}


def found(path: Path) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in lint_paths([str(path)], config={"select": ["W114"], **NO_CACHE})]


def fixes(text: str, path: str = "page.txt") -> list[tuple[int, int, str]]:
    """(line, column, fix safety) of each W114 finding of ``text``."""
    return [(f.line, f.column, f.fix.applicability.value if f.fix else None)
            for f in lint_text(text, path=path, config={"select": ["W114"], **NO_CACHE})]


# -- (b) the mark named after a Greek article or preposition, or a verb of using it -------

def test_w114_leaves_a_mark_named_after_a_greek_article_or_a_verb_of_using_it():
    # "Χρησιμοποιήστε το ; για να ξεχωρίσετε" (use the ; to separate: joined, "Use it?"),
    # "σχόλια από ένα ; μέχρι" (from a ; to), "Χρησιμοποιήστε , ή ;" (use , or ;), "Το ? δουλεύει"
    # (the ? works), and the date patterns "D,Y ; Y-M ; M.D.Y": all named, none reported
    assert found(REALTEXT / "libreoffice-el-named-semicolon.txt") == []
    # the same page untranslated in the Khmer help: "Use ; to separate each pattern."
    assert fixes("You can add more patterns. Use ; to separate each pattern.\n") == []


def test_w114_still_reports_a_greek_question_mark_set_off():
    # a question's ";" after a pronoun, the line's end or a capital after it: a slip (the space)
    text = "Θέλεις να το δεις ;\n\nΘέλεις να το δεις ; Ναι, αύριο.\n"
    assert fixes(text) == [(1, 18, "safe"), (3, 18, "safe")]
    # a word in lower case after it: the mark may be named, no safe fix
    assert fixes("Πατήστε το πλήκτρο ; για να συνεχίσετε.\n") == [(1, 19, "unsafe")]


# -- (c) a program's comment or a list of codes in help text ------------------------------

def test_w114_leaves_librelogo_comments_and_lists_of_codes():
    # "ΜΟΡΦΗΓΕΜΙΣΜΑΤΟΣ 0 ; γέμισμα χωρίς διαγραμμίσεις", "ΚΥΚΛΟΣ 100 ; σχεδίαση", "; – χρώμα"
    assert found(REALTEXT / "libreoffice-el-librelogo.txt") == []
    # "FILLSTYLE 0 ; បំពេញ...", "CIRCLE 100 ; គូរ...", "D,Y ; Y-M ; M.D.Y", "Use ; to separate"
    assert found(REALTEXT / "libreoffice-km-librelogo.txt") == []


def test_w114_still_reports_an_acronym_or_a_list_of_words_before_a_spaced_semicolon():
    text = "We write the page in HTML ; it works everywhere.\n\nBirds of prey ; Owls ; Big birds\n"
    assert [(line, col) for line, col, _ in fixes(text)] == [(1, 26), (3, 14), (3, 21)]


# -- (a) a mark between spaces: no safe fix ------------------------------------------------

def test_w114_gives_no_safe_fix_to_a_mark_between_spaces_before_a_word_in_lower_case():
    # the mark may be named, a separator or a comment: joining it may change what the text says
    text = "Separate the values ; the program reads each one.\nIt ends here :\n"
    assert fixes(text) == [(1, 20, "unsafe"), (2, 13, "safe")]
    # named after "and"/"or" (LibreOffice help: "use the replace pattern .*...* and : as the replacement text")
    assert fixes("Use the pattern .*...* and : as the replacement text.\n") == []
    # before a capital it is a slip, its fix safe (hadith-abudawud's English: "He asked : Where")
    assert fixes("He asked : Where were you, O Abu Hurairah?\n") == [(1, 9, "safe")]


def test_w114_keeps_a_safe_fix_for_a_comma_in_english_prose():
    assert fixes("He came home , and then he slept.\n") == [(1, 13, "safe")]
    assert fixes("Κάθε άτομο έχει δικαίωμα στη ζωή , στην ελευθερία.\n") == [(1, 33, "safe")]


# -- the Marathi UDHR's numbered headings, the same in every format -----------------------

def test_w114_reports_a_numbered_heading_s_spaced_colon_in_plain_text_as_in_markdown():
    # "कलम १ :" (Article 1 :) over each article: reported in .md (a heading) and in .txt alike
    # (a numbered heading is no key of a list, "0 : Schwarz" is)
    assert found(REALTEXT / "udhr-mar-articles.txt") == [(5, 6), (9, 6)]
    body = (REALTEXT / "udhr-mar-articles.txt").read_text(encoding="utf-8")
    md = body.replace("कलम १ :", "## कलम १ :").replace("कलम २ :", "## कलम २ :")
    assert [(line, col) for line, col, _ in fixes(md, "mar.md")] == [(5, 9), (9, 9)]
    assert [(line, col) for line, col, _ in fixes(body, "mar.txt")] == [(5, 6), (9, 6)]
