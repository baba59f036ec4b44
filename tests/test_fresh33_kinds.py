"""fresh33's kinds (a Cyrillic and Hebrew news archive): safe fixes never edit a byte of
mojibake (bug 1), W102 and Cyrillic typography, W112 and a needed LRM, A107 in a documented
example (bug 5). Real text: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

import re
from pathlib import Path

from corpuslint import lint_text
from corpuslint.text.legacy import misread_utf8_bytes

REALTEXT = Path(__file__).parent / "data" / "realtext"


def _read(name: str) -> str:
    return (REALTEXT / name).read_text(encoding="utf-8")


def _codes(text: str, path: str, *codes: str) -> list:
    return [f for f in lint_text(text, path=path) if f.code in codes]


# -- 1. a character that is a byte of a mis-decoded letter gets no fix --------------------------------

def test_nbsp_of_hebrew_utf8_read_as_cp1255_is_the_letter_nun():
    """Mishnah Kilayim 1:1 in UTF-8 read as cp1255: ``׳\\u00a0`` is נ (D7 A0); W102's safe fix made
    the 3 nuns spaces (fresh33 bug 1). The line stays reported, once: A105's mojibake (fx33a),
    whose span A104 leaves (its U+FFFD are bytes cp1255 could not read)."""
    text = _read("mishnah-kilayim-utf8-read-as-cp1255.txt")
    assert text.count("\u00a0") == 3
    assert _codes(text, "moj.txt", "W102") == []
    assert [f.code for f in _codes(text, "moj.txt", "A104", "A105")] == ["A105"]  # the defect stays reported
    back = text.encode("cp1255", errors="replace").decode("utf-8", errors="replace")
    assert back.count("נ") == 3


def test_no_break_spaces_between_arabic_words_are_no_misread_bytes():
    """Seed 002 with every space written as two no-break spaces (``&nbsp;&nbsp;`` of a web page):
    an Arabic letter's cp1256 byte before A0 A0 (``ن``, E4) is a valid UTF-8 sequence, but no
    sequence is continued by anything but the spaces themselves, so they are spaces (CI of int45:
    W103 lost ``عن\u00a0\u00a0`` of a generated line; 31 of these 785 were taken for letter bytes)."""
    text = (Path(__file__).parent.parent / "samples" / "news-ar" / "002_c951edba429ed671.txt").read_text(encoding="utf-8")
    doubled = text.replace(" ", "\u00a0\u00a0")
    spots = [m.start() for m in re.finditer("\u00a0", doubled)]
    assert len(spots) > 700
    assert [i for i in spots if misread_utf8_bytes(doubled, i, i + 1)] == []
    # each one reported: W102, W101 at a line's end, W103 in a run
    covered = {i for f in _codes(doubled, "002.txt", "W101", "W102", "W103") for i in range(f.start, f.end)}
    assert all(i in covered for i in spots)


def test_middle_dot_of_russian_utf8_read_as_cp1251_is_a_letter_byte():
    """fortunes-ru read as cp1251: ``Р·`` is з (D0 B7); A121 called the B7 a middle dot."""
    text = _read("fortunes-ru-utf8-read-as-cp1251.txt")
    assert "\u00b7" in text
    assert _codes(text, "f.txt", "A121") == []
    assert [f.code for f in _codes(text, "f.txt", "A105")] == ["A105"]


def test_soft_hyphen_of_a_cp866_path_read_as_cp1251_is_the_letter_en():
    """Double Commander's Ukrainian multiarc page quotes a DOS path (cp866 read as cp1251:
    ``Ђ¤¬Ё\\u00adЁбва`` is "Администра"): W112 deleted the soft hyphen, byte AD, "н"."""
    text = _read("doublecmd-uk-multiarc-cp866-path.md")
    assert text.count("\u00ad") == 2
    assert _codes(text, "multiarc.md", "W112") == []


def test_real_separators_are_no_mojibake_bytes():
    for text in ("В\u00a0Україні", "café\u00a0»", "с\u00a0тобой", "пока\u00a0или", "10\u00a0000",
                 "слово\u00a0— слово", "з\u00a0ўсім", "«\u00a0bonjour\u00a0»", "Ã\u00a0"):
        i = text.index("\u00a0")
        assert not misread_utf8_bytes(text, i, i + 1), text


def test_a_true_nbsp_a_true_middle_dot_and_a_true_soft_hyphen_stay_reported():
    """``тоб\\u00a0то`` (for тобто) in the Ukrainian regexp page; GTK's Arabic dotted labels; a
    soft hyphen inside a Ukrainian word of the same page."""
    regexp = _read("doublecmd-uk-regexp-nbsp-in-word.md")
    assert [f.code for f in _codes(regexp, "regexp.md", "W102")] == ["W102"]
    assert _codes(_read("debian-gtk30-properties-ar-labels.txt"), "gtk.txt", "A121")
    shy = regexp.replace("співпадають", "спів\u00adпадають", 1)
    assert shy != regexp
    assert [f.code for f in _codes(shy, "regexp.md", "W112")] == ["W112"]


# -- 2. W102 and Cyrillic typography -----------------------------------------------------------------

def _w102(text: str, path: str, language: str | None = None) -> list:
    config = {"select": ["W102"]}
    if language:
        config["per-file-language"] = {path: language}
    return [f for f in lint_text(text, path=path, config=config) if f.code == "W102"]


def test_cyrillic_thousands_separator_is_typography():
    """LibreOffice's Russian help: "10\\u00a0000 денежных единиц" (fresh33 kind 5)."""
    text = _read("libreoffice-ru-thousands-nbsp.txt")
    assert _w102(text, "ru/help/scalc.txt", "ru") == []
    assert _w102(text, "scalc.txt") == []  # Cyrillic lines, no language declared


def test_cyrillic_menu_path_and_dash_are_typography():
    """Double Commander's Russian help: "Перейти к умолчаниям\\u00a0– открывает раздел Цвета\\u00a0>
    Файловые панели." (the dash was already kept; the menu path's ">" was reported)."""
    text = _read("doublecmd-ru-menu-path-nbsp.md")
    assert _w102(text, "ru/articles/configuration.md", "ru") == []
    assert _w102(text, "configuration.md") == []


def test_belarusian_one_letter_preposition_before_a_placeholder_is_typography():
    """Firefox's Belarusian strings: "ў\\u00a0радку", "і\\u00a0іншую" were kept, "з\\u00a0{ -vendor-short-name }"
    was reported (and --fix made the line inconsistent)."""
    text = _read("firefox-be-one-letter-nbsp.txt")
    assert "з\u00a0{" in text
    assert _w102(text, "be/ui/browser.txt", "be") == []


def test_cyrillic_stray_no_break_spaces_stay_reported():
    """A no-break space inside a word (``тоб\\u00a0то``, uk) and one for every space (ru index page)
    are no typography; nor is a group of two digits, or a one-letter word inside a longer one."""
    regexp = _read("doublecmd-uk-regexp-nbsp-in-word.md")
    assert len(_w102(regexp, "uk/articles/regexp.md", "uk")) == 1
    everywhere = _read("doublecmd-ru-nbsp-everywhere.md")
    assert len(_w102(everywhere, "ru/articles/index.md", "ru")) == 1
    thousands = _read("libreoffice-ru-thousands-nbsp.txt")
    assert len(_w102(thousands.replace("10\u00a0000", "10\u00a000"), "ru/a.txt", "ru")) == 1
    menu = _read("doublecmd-ru-menu-path-nbsp.md")
    assert len(_w102(menu, "fr/configuration.md", "fr")) == 2  # (declared French: its two lines' ">" are reported)


def test_cyrillic_typography_is_not_taken_for_other_scripts():
    """The same spaces in Latin-script text (no Cyrillic on the line, nothing declared) stay reported."""
    assert len(_w102("Open Colors\u00a0> File panels, then 10\u00a0000 units.\n", "en.txt")) == 1


# -- 3. W112 and a directional mark the display needs -----------------------------------------------

_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def _shown(line: str) -> str:
    """The line as a browser lays it out: markup tags not shown, then the Unicode bidi
    algorithm (python-bidi, paragraph direction from the first strong character), marks dropped."""
    from bidi import get_display

    return get_display(_TAG_RE.sub("", line)).translate({ord(c): None for c in "\u200e\u200f\u061c"})


def _redundant_marks(text: str) -> set[tuple[int, int]]:
    """(line, column) of each LRM/RLM/ALM whose removal leaves the display unchanged."""
    out = set()
    for i, line in enumerate(text.split("\n")):
        for k, c in enumerate(line):
            if c in "\u200e\u200f\u061c" and _shown(line) == _shown(line[:k] + line[k + 1 :]):
                out.add((i + 1, k + 1))
    return out


def test_w112_keeps_an_lrm_that_keeps_a_colon_with_a_latin_term_inside_a_tag():
    """"עקב מגבלת <strong>\\u200e:visited</strong>": the tag is not shown, the mark follows Hebrew
    and keeps ":" with "visited" (fresh33 kind 8; main reported 8:67: it took the tag's name for
    the strong character before the mark)."""
    text = _read("firefox-he-devtools-tooltips.txt")
    assert "<strong>\u200e:visited" in text
    reported = {(f.line, f.column) for f in _codes(text, "he/ui/tooltips.txt", "W112")}
    assert reported == _redundant_marks(text) == set()


def test_w112_still_reports_a_mark_inside_a_latin_word_of_the_same_page():
    text = _read("firefox-he-devtools-tooltips.txt").replace(":visited", ":vis\u200eited", 1)
    reported = {(f.line, f.column) for f in _codes(text, "he/ui/tooltips.txt", "W112")}
    assert reported == _redundant_marks(text) == {(8, 72)}


# -- 4. A107 and references shown as an example --------------------------------------------------------

def test_a107_leaves_the_references_of_an_htmlencode_example():
    """LibreOffice's Basic help: ``HtmlEncode("<a href=""https://a.b.com"">From α to ω</a>") ' "&lt;a
    href=&quot;…&quot;&gt;From &#945; to &#969;&lt;/a&gt;"``: main reported 8 references and its safe
    fix decoded ``&quot;`` and ``&#945;``, so the documented output became wrong (fresh33 bug 5)."""
    text = _read("libreoffice-ru-sf-string-htmlencode.txt")
    assert "&#945;" in text and "HtmlEncode" in text
    assert _codes(text, "ru/help/sf_string.txt", "A107") == []
    # the same line without the function's name still shows its input beside the references
    assert _codes(text.replace("HtmlEncode", "Convert"), "ru/help/sf_string.txt", "A107") == []


def test_a107_still_reports_references_left_in_a_string():
    """Firefox's Kazakh certificate viewer: ``&lt;қолдауы жоқ&gt;`` is a leftover, decoded safely."""
    text = _read("firefox-kk-certviewer-escaped.txt")
    found = _codes(text, "kk/ui/certviewer.txt", "A107")
    assert [f.message for f in found] == ["HTML entity `&lt;` (decodes to `<`)", "HTML entity `&gt;` (decodes to `>`)"]
    assert all(f.fix is not None and f.fix.applicability.value == "safe" for f in found)


# -- A102: a parameter table flattened to one cell a line is no widget residue ------------------------

def _a102(text: str, path: str) -> list[str]:
    return [text[f.start : f.end] for f in lint_text(text, path=path) if f.code == "A102"]


def test_parameter_values_in_a_flattened_table_column_are_no_residue():
    # Double Commander's Russian help: "side" / "left" / its meaning / "right" / ... / "both",
    # the cells of a three-column table written one a line (fresh33: 236 A102 on this page)
    text = _read("doublecmd-ru-cmds-tabs-parameters.md")
    assert _a102(text, "cmds.md") == []


def test_a_parameter_alone_in_its_rows_on_a_reference_page_is_no_residue():
    # "activepath" over the value "путь" and its meaning: no other Latin cell within two lines,
    # but the page's key column (cm_TransferLeft / "Ctrl+ ←" / ...) makes it a reference page
    text = _read("doublecmd-ru-cmds-changedir-parameters.md")
    assert _a102(text, "cmds.md") == []


def test_a_lone_latin_word_between_russian_paragraphs_is_still_residue():
    # the same word alone in prose (UDHR's Russian preamble, "activepath" between two
    # paragraphs; "search" in the Arabic seed 002 stays a finding too, test_artifact)
    paragraphs = _read("udhr-ru-preamble.md").split("\n\n")
    text = "\n\n".join(paragraphs[:4] + ["activepath"] + paragraphs[4:])
    assert _a102(text, "udhr.md") == ["activepath"]


# -- A111: a documented token over its meaning, one cell a line; a line of mojibake -------------------

def test_buttons_each_over_its_meaning_one_cell_a_line_are_documented_tokens():
    # LibreOffice's Russian help, "Insert Database Columns": >> / "Перенос всех ..." / > / ... / <<
    # (the help made a record, one element a line: main reported the four buttons)
    text = _read("libreoffice-ru-database-columns-buttons.txt")
    assert _codes(text, "columns.txt", "A111") == []
    # one of them alone between the page's paragraphs above the table is debris again
    lines = text.splitlines()
    stray = "\n".join(lines[:4]) + "\n\n>>\n\n" + "\n".join(lines[4:8]) + "\n"
    assert [stray[f.start : f.end] for f in _codes(stray, "columns.txt", "A111")] == [">>"]


def test_a_line_of_hebrew_read_as_cp1255_is_a105s_not_a_line_of_symbols():
    # Mishnah Kilayim 1:1 in UTF-8 read as cp1255: "׳" and symbols only as read (fresh33: 77 A111
    # on such lines beside A105's finding)
    text = _read("mishnah-kilayim-utf8-read-as-cp1255.txt")
    assert [f.code for f in _codes(text, "moj.txt", "A105", "A111")] == ["A105"]


# -- W115: a number format code's quoted text ---------------------------------------------------------

def test_the_space_opening_a_number_formats_quoted_text_is_printed():
    # LibreOffice's Russian help: `0,0 " млн"` shows 10 200 000 as "10,2 млн", the space its own
    text = _read("libreoffice-ru-number-format-text.txt")
    assert _codes(text, "format.txt", "W115") == []
    # the same quotation after a word is a stray space
    said = text.replace('0,0 " млн"', 'Введите " млн"', 1)
    assert [f.message for f in _codes(said, "format.txt", "W115")] == ['space after opening "']


# -- D101: two procedures of a help page written one element a line ----------------------------------

def test_the_same_step_in_two_procedures_one_element_a_line_is_per_section():
    # LibreOffice's Russian help as a record, no blank line: each procedure's title over its steps,
    # both opening with "Choose View - Styles ..." and ending with "Enter a name ..." (fresh33: D101
    # 352 -> 189 in the help pages)
    text = _read("libreoffice-ru-styles-two-procedures.txt")
    assert _codes(text, "styles.txt", "D101") == []
    # without the second title (and the icon's caption over it) the steps are one section: the
    # repeated steps are copies again, as main reported them on the page (lines 11, 12, 15)
    merged = text.replace("Создание нового стиля путём перетаскивания\n", "").replace("Styles actions menu icon\n", "")
    assert [f.line for f in _codes(merged, "styles.txt", "D101")] == [9, 10, 13]


def test_a_title_the_text_repeats_opens_no_section():
    # the second procedure's title made the first one's: a title the text repeats is no section's
    # name (a scraping loop repeats its "titles": plugins' test_repeated_lines_flags_a_scraping_loop),
    # so "Enter a name for the new style ..." is a copy within one section again
    text = _read("libreoffice-ru-styles-two-procedures.txt")
    first = text.split("\n", 1)[0]
    same = text.replace("Создание нового стиля путём перетаскивания\n", first + "\n")
    assert [f.line for f in _codes(same, "styles.txt", "D101")] == [15]
