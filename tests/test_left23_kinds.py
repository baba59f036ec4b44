"""left23: kinds fresh21 and fresh22 left open (D101, S104, S101, W120, W102, W112), each on a
real excerpt (tests/data/realtext/SOURCE.md) that lead got wrong, next to a true finding of
the same rule that stays reported."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import lint_text
from corpuslint.families.whitespace.script_digits import LettersGluedToDigits

from tests.test_precision_kinds import DATA

ROOT = DATA.parents[2]


def findings(text: str, code: str, path: str = "x.txt") -> list:
    return lint_text(text, path=path, config={"select": [code]})


# -- D101: a headline printed twice in a row ----------------------------------------------------


def test_d101_a_short_title_printed_twice_is_a_copy():
    # debian-handbook fr security.html: its <title> "Chapitre 14. Sécurité", then the chapter's
    # heading, as a scraper keeping both writes them. Three words, under min-words: lead said
    # nothing.
    text = (DATA / "debian-handbook-fr-security-title.txt").read_text(encoding="utf-8")
    (f,) = findings(text, "D101")
    assert (f.line, text[f.start : f.end]) == (3, "Chapitre 14. Sécurité")
    assert "headline printed twice" in f.message and f.related[0].line == 1
    assert f.fix is not None and f.fix.edits  # the later copy's line deleted (unsafe)


def test_d101_a_headline_repeated_on_the_next_line_is_a_copy():
    # samples/news-ar/004: the headline printed again two lines down (a blank line between:
    # reported by lead); the same page written without that blank line puts both copies in one
    # paragraph, which lead compared only with other paragraphs.
    lines = (ROOT / "samples" / "news-ar" / "004_d2699a1dccc3a5cf.txt").read_text(encoding="utf-8").split("\n")
    as_scraped = "\n".join(lines)
    assert [f.line for f in findings(as_scraped, "D101")] == [3]  # (true finding, unchanged)
    one_paragraph = "\n".join([lines[0], lines[2]] + lines[3:])
    (f,) = findings(one_paragraph, "D101")
    assert (f.line, f.related[0].line) == (2, 1)
    assert one_paragraph[f.start : f.end] == lines[0]


def test_d101_doubled_headline_with_every_line_ending():
    # The same one-paragraph page with CR-only and CRLF line endings: the merge of the doubled
    # headline raised IndexError on a CR-only file (a whole file read as one line, then a read
    # past its end), which stopped the run with exit 2 (test_outputs' cr-only.txt).
    lines = (ROOT / "samples" / "news-ar" / "004_d2699a1dccc3a5cf.txt").read_text(encoding="utf-8").split("\n")
    lf = "\n".join([lines[0], lines[2]] + lines[3:])
    want = [(f.line, f.column, f.end_line, f.end_column) for f in findings(lf, "D101")]
    assert want and want[0][0] == 2
    for eol in ("\r", "\r\n"):
        got = findings(lf.replace("\n", eol), "D101")
        assert [(f.line, f.column, f.end_line, f.end_column) for f in got] == want, repr(eol)
    assert findings("one \rtwo  words\rthree ", "D101") == []


def test_d101_a_line_sung_twice_in_a_stanza_is_not_a_doubled_headline():
    # "John Brown's Body" (1861, traditional, public domain): a verse line sung three times.
    song = ("John Brown's body lies a-mouldering in the grave,\n" * 3 + "His soul goes marching on.\n\n"
            "Glory, glory, hallelujah!\nGlory, glory, hallelujah!\nGlory, glory, hallelujah!\n"
            "His soul goes marching on.\n")
    text = "Songs of the Union army, as printed in 1861.\n\n" + song
    assert findings(text, "D101") == []


# -- S104: a command's synopsis in prose after the noun "command" --------------------------------


def test_s104_a_command_then_its_argument_of_the_same_name():
    # debian-handbook fr unix-services: "La commande de manipulation d'un service service service
    # opération" (the command ``service``, then its placeholders *service* and *opération*);
    # sect.http-web-server's "follow section Section 10.2.1" (a doubled cross-reference noun)
    # stays reported.
    text = (DATA / "debian-handbook-fr-service-synopsis.txt").read_text(encoding="utf-8")
    assert "d'un service service service opération" in text
    assert [text[f.start : f.end] for f in findings(text, "S104")] == ["section Section"]


# -- S101: hamzat al-wasl written with a hamza ---------------------------------------------------


def test_s101_suggests_the_plain_alef_for_a_hamza_on_hamzat_al_wasl():
    # debian-handbook ar-MA index.html: "فإن إستدامة هذا الكتاب" (the masdar of a tenth-form verb,
    # written with إ): lead suggested 'استخدامه', the word one letter away that the document
    # writes. "باستخدم" (for باستخدام) stays a slip of the word the corpus writes.
    text = (DATA / "debian-handbook-ar-wasl-hamza.txt").read_text(encoding="utf-8")
    found = {text[f.start : f.end]: f for f in findings(text, "S101")}
    assert set(found) == {"إستدامة", "باستخدم"}
    wasl = found["إستدامة"]
    assert "did you mean 'استدامة'?" in wasl.message and "استخدامه" not in wasl.message
    assert wasl.fix.edits[0].replacement == "استدامة"
    assert "did you mean 'باستخدام'" in found["باستخدم"].message


def test_s101_offers_the_plain_alef_only_where_the_letters_after_it_are_a_derived_forms():
    # The 10 MB corpus built from samples/news-ar (benchmarks/bench_scale.py) plants slips of
    # "بإنتاج" (fourth-form masdar: hamzat al-qatʿ), "إيران" and "إنهاء"; ayaspell accepts the
    # hamza-less "بانتا", "ايرشن", "انهي", and the merge first offered those. A derived form's
    # hamzat al-wasl still gets its plain alef.
    from corpuslint.families.spelling.backends import get_backend
    from corpuslint.families.spelling.slip import _wasl_spelled

    ar = get_backend("ar")
    for slip in ("بإنتا", "إيرشن", "إنهي", "إنتاج"):
        assert _wasl_spelled(ar, slip) is None, slip
    assert _wasl_spelled(ar, "إستدامة") == ("استدامة", "إ")
    assert _wasl_spelled(ar, "بإستخدام") == ("باستخدام", "إ")


# -- W120: one finding a line ------------------------------------------------------------------


def test_w120_a_flattened_table_of_contents_is_one_finding_a_line():
    # debian-handbook ar-MA index.html's table of contents with its tags stripped: 31 numbers
    # glued to the titles before them on one line (lead: 31 findings); "12غ.ب" (12 GB, a
    # unit: an unsafe fix) on its own line keeps its own finding.
    text = (DATA / "debian-handbook-ar-contents.txt").read_text(encoding="utf-8")
    first, unit = findings(text, "W120")
    assert first.line == first.end_line == 1 and first.message.startswith("31 words and numbers written without a space")
    assert len(first.fix.edits) == 31 and first.fix.applicability.name == "SAFE"
    assert unit.message == "no space between the number '12' and 'غ'" and unit.fix.applicability.name == "UNSAFE"


_PIECES = st.sampled_from(["الكتاب", "مقدمة", "12", "6.1", "كم", "هـ", " ", " ", "\n", "a", "-", "٣"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_w120_line_findings_hold_every_pair_and_its_edit(pieces):
    # against the definition: every glued pair (``_glued_pairs``) is in exactly one finding, of
    # its line and its fix safety, whose fix holds that pair's edit; a line's lone pair keeps
    # its own message.
    text = "".join(pieces)
    rule = LettersGluedToDigits()
    pairs = list(rule._glued_pairs(_doc(text)))
    got = list(rule.check(_doc(text)))  # (the rule's own findings, before the engine's region filter)
    assert sorted((e.start, e.end, e.replacement) for f in got for e in f.fix.edits) == sorted(
        (e.start, e.end, e.replacement) for _m, _msg, fix in pairs for e in fix.edits)
    for f in got:
        assert text.count("\n", f.start, f.end) == 0
        mine = [p for p in pairs if f.start <= p[0].start() and p[0].end() <= f.end
                and p[2].applicability == f.fix.applicability]
        assert len(mine) == len(f.fix.edits)
        if len(mine) == 1:
            assert f.message == mine[0][1]


def _doc(text: str):
    from corpuslint.document import Document

    return Document(path="x.txt", text=text)


# -- W102: the IDEOGRAPHIC SPACE of a line holding CJK, answered once a line --------------------


def _ideographic_space_reference(text: str, m, cjk: bool) -> bool:
    """W102's ``_ideographic_space`` as lead defined it (the line read back to its start for
    each space)."""
    from corpuslint.families.whitespace.spaces import _CJK_RE, _PLACEHOLDER_END_RE, _PLACEHOLDER_START_RE

    before, after = text[m.start() - 1], text[m.end()]
    if _CJK_RE.match(before) and _PLACEHOLDER_START_RE.match(text, m.end()):
        return True
    if _CJK_RE.match(after) and _PLACEHOLDER_END_RE.search(text, max(0, m.start() - 40), m.start()):
        return True
    if cjk:
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        return _CJK_RE.search(text, line_start, len(text) if line_end < 0 else line_end) is not None
    return False


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("漢aかZ1 \u3000\n\r\t") + ["%s", "%(n)s", "{0}", "。", "、"]), max_size=40),
       st.booleans())
def test_w102_ideographic_space_as_the_reference(pieces, declared):
    text = "".join(pieces)
    from corpuslint.families.whitespace.spaces import _ODD_SPACE_RE, CjkLines, _ideographic_space

    lines = CjkLines(text) if declared else False
    for m in _ODD_SPACE_RE.finditer(text):
        if m.group() == "\u3000":
            want = _ideographic_space_reference(text, m, declared)
            assert _ideographic_space(text, m, lines) == want
            assert _ideographic_space(text, m, declared) == want


def test_w102_declared_japanese_line_findings_unchanged():
    # a line with CJK and an IDEOGRAPHIC SPACE between two Latin words: typography in text
    # declared ja, reported in text that is not; a line without CJK: reported either way
    text = "パッケージの Debian\u3000GNU 版です。\nDebian\u3000GNU only\n"
    ja = lint_text(text, path="x.txt", config={"select": ["W102"], "per-file-language": {"*.txt": "ja"}})
    assert [f.line for f in ja] == [2]
    assert [f.line for f in findings(text, "W102")] == [1, 2]


# -- W112: an RLM closing a number after Hebrew -------------------------------------------------


def test_w112_rlm_after_a_number_ending_a_hebrew_string_is_a_bidi_hint():
    # LibreOffice 7.4.7 he UI strings (svx, dba), one a line: "סוג 1\u200f", "ברירת מחדל:
    # 3306\u200f" close the number as right-to-left for what the program puts after it (lead
    # reported each). An RLM between two Hebrew sentences (dkt) and one inside the abbreviation
    # סה"כ (pcr) are redundant and stay reported; so does an RLM after a number in Arabic text
    # (fresh16: "سنة 2020\u200f", digits after Arabic letters are Arabic numbers already) and
    # after a placeholder ("מסמך: %1\u200f", sc).
    text = (DATA / "libreoffice-he-rlm-after-number.txt").read_text(encoding="utf-8")
    assert [f.line for f in findings(text, "W112")] == [6, 7]
    assert [f.line for f in findings("سنة 2020\u200f\nמסמך: %1\u200f\n", "W112")] == [1, 2]


# -- D103: two terms defined, two goals instructed ----------------------------------------------

LO_EL = DATA / "libreoffice-help-el-d103"


def d103(name: str) -> list[tuple[int, int]]:
    text = (LO_EL / f"{name}.txt").read_text(encoding="utf-8")
    return [(f.line, f.related[0].line) for f in findings(text, "D103")]


def test_d103_definitions_of_two_terms_are_not_restatements():
    # LibreOffice 7.4 help el, chart types: "Κανονικό - αυτός ο δευτερεύων τύπος γραφήματος
    # απεικονίζει ..." (normal) / "Σε στοίβα - αυτός ο δευτερεύων τύπος ..." (stacked): a
    # definition list flattened to paragraphs (lead: line 25 restates line 23).
    assert d103("schart_01_type_column_bar") == []


def test_d103_instructions_for_two_goals_are_not_restatements():
    # "Για να επιλέξετε μια ορθογώνια περιοχή με κελιά, κάντε κλικ ..." / "Για να επιλέξετε ένα
    # κελί, κάντε κλικ ..." (to select a range / one cell); "Για να επιλέξετε έναν πίνακα με το
    # ποντίκι, ..." / "Για να επιλέξετε μια γραμμή ή στήλη με το ποντίκι, ..." (lead: one each).
    assert d103("simpress_guide_table_insert") == []
    assert d103("swriter_guide_table_select") == []
    # a restatement stays: the migration wizard "μετακινεί υπάρχουσες μακροεντολές ..." and
    # again "μπορεί να μετακινήσει τις μακροεντολές ... στην περιοχή αποθήκευσης"
    assert d103("sdatabase_migrate_macros") == [(17, 11)]


def test_d103_the_same_term_defined_twice_is_compared():
    # LLaMA-Factory dpo_en_demo record 8 (a travel plan): "Transportation: Rent a car or book a
    # guided tour" on day 6 and on day 7, each after its own "Activities: ..." line, is the same
    # line twice (a labelled tp of chat-llamafactory): the same term, not two terms defined.
    from corpuslint.families.duplicate.local import _definitions_of_two_terms

    text = ("Activities: Begin your experience by exploring the park on a guided game drive\n"
            "Transportation: Rent a car or book a guided tour\n\n"
            "Activities: Continue exploring the park's natural wonders\n\n"
            "Transportation: Rent a car or book a guided tour\n")
    later = text.rindex("Transportation")
    assert not _definitions_of_two_terms(text, text.index("Transportation"), later)
    assert _definitions_of_two_terms(text, text.index("Activities"), later)
