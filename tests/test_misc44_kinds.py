"""misc44: fresh31's kinds on LibreOffice help (el, km, hi) and UDHR texts, each on real text.

W112 with `flag-zwj` / `flag-zwnj` (fresh31 bug 6): a joiner right after a virama is the word's
spelling (Sinhala yansaya ``ප්\u200dර``, Malayalam chillu ``ന്\u200d``, Marathi eyelash ra
``र्\u200d``; the Unicode Standard ch. 12-13, RFC 5892 A.1/A.2), never reported; a joiner
anywhere else still is when the option asks.
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text

REALTEXT = Path(__file__).parent / "data" / "realtext"
UDHR_JOINERS = (REALTEXT / "udhr-joiners-after-virama.txt").read_text(encoding="utf-8")
FIREFOX_KN_ZWJ = (REALTEXT / "firefox-kn-stray-zwj.txt").read_text(encoding="utf-8")
FLAG_JOINERS = {"W112": {"flag-zwj": True, "flag-zwnj": True}}


def _found(code: str, text: str, path: str = "a.txt", rules=None) -> list:
    return lint_text(text, path=path, config={"select": [code], "cache": False, "rules": rules or {}})


def test_w112_flag_zwj_spares_the_joiners_after_a_virama_in_sinhala_malayalam_marathi():
    assert UDHR_JOINERS.count("\u200d") == 19
    assert all(UDHR_JOINERS[i - 1] in "\u0dca\u0d4d\u094d" for i, c in enumerate(UDHR_JOINERS) if c == "\u200d")
    assert _found("W112", UDHR_JOINERS, rules=FLAG_JOINERS) == []
    # one line at a time too (no document-wide grouping hides them)
    for line in UDHR_JOINERS.splitlines():
        assert _found("W112", line + "\n", rules=FLAG_JOINERS) == [], line


def test_w112_flag_zwj_still_reports_a_joiner_not_after_a_virama():
    # Firefox 153 kn strings (MPL-2.0): ZWJ after a vowel sign or a letter
    found = _found("W112", FIREFOX_KN_ZWJ, rules=FLAG_JOINERS)
    assert [(f.line, f.column) for f in found] == [(1, 21), (2, 6), (3, 8)]
    assert all("U+200D" in f.message for f in found)
    # a second joiner after the one a virama takes is reported, the first kept
    (f,) = _found("W112", "ക്\u200d\u200dവ\n", rules=FLAG_JOINERS)
    assert f.column == 4
    # off by default: nothing
    assert _found("W112", FIREFOX_KN_ZWJ) == []


# -- A105/A109: C1 control characters in or next to a Khmer word (fresh31 bug 2) ---------------

KM_LOST = (REALTEXT / "libreoffice-km-lost-bytes.txt").read_text(encoding="utf-8")


def test_a105_c1_bytes_in_or_next_to_a_khmer_word_are_lost_bytes_one_verdict():
    # LibreOffice 7.4 help in Khmer (MPL-2.0): ក្រោ\x98 (MO, E1 9E 98, lost E1 9E), \x9e\x94ញ្ចូល
    # (BA, E1 9E 94, lost E1), បញ្\x85ូល, ប្រវត្\x8fិ (0x8F: no cp1252 character, ftfy sees nothing)
    found = lint_text(KM_LOST, path="all_shared.txt", config={"select": ["A105", "A109"], "cache": False})
    assert [(f.code, f.line, f.column, KM_LOST[f.start : f.end]) for f in found] == [
        ("A105", 1, 103, "\x98"), ("A105", 3, 7, "\x9e\x94"), ("A105", 5, 4, "\x85"), ("A105", 7, 170, "\x8f")]
    assert all(f.fix is None and "bytes of a character were lost" in f.message for f in found)
    assert not any(c in f.message for f in found for c in "˜ž”…")  # no cp1252 "repair" offered


def test_a105_cp1252_punctuation_beside_latin_or_arabic_words_is_still_repaired():
    # a code page's script (Latin, Arabic...): the byte can be its punctuation, read as Latin-1
    for text, repaired in [("قال المتحدث\x85 نعم.\n", "قال المتحدث… نعم.\n"),
                           ("\x93Hola\x94, dijo\x85 bien.\n", "“Hola”, dijo… bien.\n")]:
        (f,) = lint_text(text, config={"select": ["A105", "A109"], "cache": False})
        assert f.code == "A105" and f.fix is not None
        assert text[: f.start] + f.fix.edits[0].replacement + text[f.end :] == repaired
    # mojibake elsewhere on a line with lost bytes is still repaired, the lost bytes kept apart
    text = "ក្រោ\x98 and caf\xc3\xa9 here\n"
    found = lint_text(text, config={"select": ["A105"], "cache": False})
    assert [(f.column, f.fix is None) for f in found] == [(5, True), (14, False)]
    assert found[1].fix.edits[0].replacement == "é"


def test_a109_reports_c1_controls_on_a_line_ftfy_repairs_but_a105_does_not_report():
    # the A109/A105 gap (fresh30's leftover): a line about encodings (A105 leaves its mojibake, an
    # example) and a token of random bytes (noise): A109 used to leave their C1 controls to A105
    # because ftfy could repair the line, and nobody reported them
    for text in ["Encoding errors: caf\xc3\xa9 and \x93quoted\x94 text\n", "Ăh4ŢײćçKSSd˝osK^Ć=O96\x93 zzz\n"]:
        assert [f.code for f in lint_text(text, config={"select": ["A105", "A109"], "cache": False})] == ["A109"]


# -- A111: a heading of symbols naming a button or a key (fresh31 kind 7) -------------------------

EL_BUTTONS = (REALTEXT / "libreoffice-el-button-headings.md").read_text(encoding="utf-8")
HI_KEYS = (REALTEXT / "libreoffice-hi-key-headings.md").read_text(encoding="utf-8")


def _a111(text: str, path: str) -> list[tuple[int, str]]:
    found = lint_text(text, path=path, config={"select": ["A111"], "cache": False})
    return [(f.line, text[f.start : f.end]) for f in found]


def test_a111_leaves_a_heading_that_names_a_button_or_a_key():
    # LibreOffice 7.4 help (MPL-2.0): the table-control wizard's buttons > >> < << each a section
    # ("Πατήστε για να μετακινήσετε...", click to move...), the chart shortcuts' "+/-" key
    assert [line for line in EL_BUTTONS.splitlines() if line.startswith("## ") and len(line) <= 5] == [
        "## >", "## >>", "## <", "## <<"]
    assert "### +/-" in HI_KEYS.splitlines()
    assert _a111(EL_BUTTONS, "shared_02_01170802.md") == []
    assert _a111(HI_KEYS, "schart_04_01020000.md") == []
    # the same as a reStructuredText title over its paragraph
    assert _a111("<<\n==\n\nΠατήστε για να μετακινήσετε όλα τα πεδία.\n", "page.rst") == []


def test_a111_still_reports_separator_headings_and_a_symbol_heading_without_a_section():
    page = EL_BUTTONS.replace("## <<\n", "## ***\n")
    assert _a111(page, "page.md") == [(25, "## ***")]
    assert _a111(EL_BUTTONS.replace("## <<\n", "## ...\n"), "page.md") == [(25, "## ...")]
    # a symbol heading over another heading, or ending the page, heads no section
    assert _a111("Κείμενο.\n\n## <<\n\n## Επόμενο\n\nΚείμενο.\n", "page.md") == [(3, "## <<")]
    assert _a111("Κείμενο.\n\n## <<\n", "page.md") == [(3, "## <<")]
    # not a heading: a line of symbols in a paragraph of its own
    assert _a111("Κείμενο.\n\n<<\n\nΚείμενο.\n", "page.md") == [(3, "<<")]


# -- W115: the edge space of a string the reader types or the program completes (fresh31 kind 4) --

EL_TYPED = (REALTEXT / "libreoffice-el-typed-strings.txt").read_text(encoding="utf-8")
KM_TYPED = (REALTEXT / "libreoffice-km-typed-strings.txt").read_text(encoding="utf-8")


def _w115(text: str) -> list[tuple[int, int, str]]:
    found = lint_text(text, path="all_swriter.txt", config={"select": ["W115"], "cache": False})
    return [(f.line, f.column, f.fix.applicability.value) for f in found]


def test_w115_leaves_the_space_of_a_string_typed_or_completed_by_the_program():
    # LibreOffice 7.4 help (MPL-2.0), footnote and chapter-numbering settings: "type "Κεφάλαιο " to
    # show "Κεφάλαιο 1"", "for example "Συνεχίζεται από τη σελίδα "" (Writer adds the page number)
    for quoted in ['"Κεφάλαιο "', '"Στο "', '"Συνεχίζεται στη σελίδα "', '"Συνεχίζεται από τη σελίδα "']:
        assert quoted in EL_TYPED
    for quoted in ['"ត\u200bទៅ\u200bទំព័រ "', '"ត\u200bពី\u200bទំព័រ "', '"ជំពូក\u200bទី "']:
        assert quoted in KM_TYPED
    el, km = _w115(EL_TYPED), _w115(KM_TYPED)
    assert not [f for f in el if f[0] <= 7] and not [f for f in km if f[0] > 1]


def test_w115_still_reports_stray_spaces_in_quotations_on_the_same_pages():
    # " Κείμενο υπό συνθήκες" (after "πατήστε", click), "Ο ήλιος " (a caption's words, no typing),
    # " Λίστα τιμών " and " Προσωρινή αποδοχή..." (UI names); Khmer " To 1" (the second quotation
    # after "វាយ", type: what is shown, with a slip)
    assert _w115(EL_TYPED) == [(9, 35, "safe"), (11, 270, "safe"), (13, 111, "safe"), (13, 123, "safe"),
                               (15, 44, "safe")]
    assert _w115(KM_TYPED) == [(1, 108, "safe")]
    # a capitalised "Type" inside a sentence names a list, no instruction to type
    assert _w115('In the Type list, click "Conditional text ".\n') == [(1, 42, "safe")]
    assert _w115('Type "Chapter " to display "Chapter 1".\n') == []
    assert _w115('For example, type "Continued on page ". Writer adds the number.\n') == []
