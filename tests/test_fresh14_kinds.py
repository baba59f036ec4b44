"""Safe fixes that changed meaning in scripts a new user (fresh14) tried first: Khmer and
Dzongkha LibreOffice 7.4 help (MPL-2.0), Sorani and Uyghur GNOME/GTK catalogues (LGPL/GPL),
Kannada GNOME help (CC-BY-SA-3.0). Each kind with the real excerpt, the real defect next to
it still reported, and a hypothesis property of the safe fixes. Sources:
tests/data/realtext/SOURCE.md."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuslint import lint_paths, lint_text
from corpuslint.findings import Applicability

from .test_fix_properties import fix

NO_CACHE = {"cache": False}
SAFE = Applicability.SAFE


def found(code: str, text: str, path: str = "page.txt", **config) -> list:
    return lint_text(text, path=path, config={"select": [code], **NO_CACHE, **config})


def apply_safe(findings: list, text: str) -> str:
    """``text`` with the safe fixes of ``findings`` applied (edits back to front)."""
    edits = sorted((e for f in findings if f.fix and f.fix.applicability == SAFE for e in f.fix.edits),
                   key=lambda e: e.start, reverse=True)
    for e in edits:
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


def safe_fixed(code: str, text: str, path: str = "page.txt") -> str:
    return apply_safe(found(code, text, path), text)


# -- W112: a ZWSP in Khmer, Thai, Lao, Myanmar, Tibetan is the word boundary -----------------

# libreoffice-help-km 7.4.7 scalc/guide/matrixformula line 17 (MPL-2.0)
KHMER_F2 = 'ចុច F2 ឬ\u200bចុច\u200bក្នុង\u200bបន្ទាត់\u200bបញ្ចូល\u200bនៃ "របារ\u200bរូបមន្ត" ។\n'
# sbasic/shared/03050500 line 23: a doubled ZWSP between two words
KHMER_DOUBLED = ("GoTo 0: បិទ\u200bកម្ម\u200bវិធី\u200bដោះស្រាយ\u200bកំហុស\u200b\u200bក្នុង\u200bបែបបទ"
                 "\u200bបច្ចុប្បន្ន\u200b ។\u200b\n")


def test_w112_khmer_word_boundaries_are_kept():
    assert found("W112", KHMER_F2) == []
    assert safe_fixed("W112", KHMER_F2) == KHMER_F2
    # by script, not by language tag: Thai and Lao words of UDHR article 1, segmented with ZWSP
    assert found("W112", "มนุษย์\u200bทั้งหลาย\u200bเกิด\u200bมา\u200bมี\u200bอิสระ\n") == []
    assert found("W112", "ບັນດາ\u200bມະນຸດ\u200bທັງຫຼາຍ\n") == []


def test_w112_a_doubled_khmer_zwsp_keeps_one():
    (f,) = found("W112", KHMER_DOUBLED)
    assert f.fix.applicability == SAFE
    fixed = safe_fixed("W112", KHMER_DOUBLED)
    assert "កំហុស\u200bក្នុង" in fixed and "\u200b\u200b" not in fixed
    # one of the pair goes, and the one before a space (the space is the boundary)
    assert fixed.count("\u200b") == KHMER_DOUBLED.count("\u200b") - 2
    assert "បច្ចុប្បន្ន ។" in fixed


def test_w112_still_reports_zwsp_in_arabic_and_chinese():
    assert safe_fixed("W112", "كوريا\u200bالشمالية\n") == "كوريا الشمالية\n"
    assert safe_fixed("W112", "鳲鳩\u200b在桑\n") == "鳲鳩在桑\n"  # Chinese breaks anywhere: only a hint


# -- W101: joiners are not whitespace; a Khmer line's last ZWSP before more text is a boundary --

# libgtk-3-common 3.24 ckb (Sorani) gtk30.po line 130, msgid "Application": heh + ZWNJ is
# the older spelling of the vowel ە ("داوانامە"); without the ZWNJ it reads as an h.
SORANI_PO = 'msgid ""\nmsgstr ""\n"Language: ckb\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' \
            'msgid "Application"\nmsgstr "داوانامه\u200c"\n'
# gnome-user-docs 43.0 kn: the first lines of gnome-help bluetooth.page and help-mailing-list.page
KANNADA_TITLES = ["ಬ್ಲೂಟೂತ್\u200c\n\nBluetooth is a wireless protocol.\n", "ಮೈಲಿಂಗ್ ಲಿಸ್ಟ್\u200d\n"]


def test_w101_a_zwnj_after_a_letter_is_not_whitespace(tmp_path):
    assert po_findings(tmp_path, "W101", SORANI_PO, "gtk30.po") == []
    assert found("W101", "داوانامه\u200c\n") == []
    for text in KANNADA_TITLES:
        assert found("W101", text) == [], text
    # spaces after the joiner are still trailing whitespace; the joiner stays
    assert safe_fixed("W101", "داوانامه\u200c  \n") == "داوانامه\u200c\n"


def test_w112_flag_zwnj_reports_it_at_a_line_end_too():
    (f,) = found("W112", "داوانامه\u200c\n", rules={"W112": {"flag-zwnj": True}})
    assert f.fix.applicability == Applicability.UNSAFE


def test_w101_khmer_zwsp_at_a_paragraph_end_is_reported_before_more_text_kept():
    # libreoffice-help-km sbasic/shared/01/06130000 lines 40-42: a heading ending in ZWSP, then a blank line
    heading = "\nអ្នក\u200bរៀបចំ\u200b\n\nបើក\u200bប្រអប់\u200b\n"
    assert safe_fixed("W101", heading) == "\nអ្នក\u200bរៀបចំ\n\nបើក\u200bប្រអប់\n"
    # the same words wrapped at the ZWSP: it is the boundary of the two lines' words
    wrapped = "អ្នក\u200b\nរៀបចំ\n"
    assert found("W101", wrapped) == []


# -- W102: a no-break space before Khmer punctuation, before French high punctuation ----------

# libreoffice-help-km scalc/01/04060106 line 45 and schart/01/04060000 line 61 (end)
KHMER_NBSP = ["=ABS(-56) ត្រឡប់ 56\u00a0។\n",
              "ដឺក្រេ\u200b(គំនូស\u200bតាង\u200bចំណិត\u200bត្រីមាត្រ)\u00a0។\n",
              "ពី LibreOffice Basic\u00a0។\n"]


def test_w102_nbsp_before_the_khmer_khan_is_typography():
    for text in KHMER_NBSP:
        assert found("W102", text) == [], text
    # scalc/01/04060103 line 371 (end): "?" after a Khmer word; 04060106 line 173 (end): a
    # word ending in a vowel sign bound to its number, then the khan
    assert found("W102", "តើ\u200bថិរវេលា\u200bដែល\u200bត្រូវ\u200bបាន\u200bកែប្រែ\u200bមាន\u200bរយៈ\u200bពេល\u200bប៉ុន្មាន\u00a0?\n") == []
    assert found("W102", "តង់សង់\u200bនៃ ៤៥ ដឺក្រេ\u200bគឺ\u00a0១\u00a0។\n") == []
    # between two Khmer words it is still reported
    assert len(found("W102", "បើក\u00a0ប្រអប់\n")) == 1


def test_w102_a_space_shown_in_brackets_is_the_subject():
    # libreoffice-help-dz scalc/guide/value_with_name line 21 (English, untranslated)
    assert found("W102", "blank (\u00a0) - allowed within a name, but not as first or last character\n") == []
    assert len(found("W102", "a name\u00a0(with a space)\n")) == 1


def test_w102_undeclared_french_spaces_its_high_punctuation():
    # Wiktionary-style chat lines (tests/test_fp13_kinds.py has the declared case)
    assert found("W102", "Comment vas-tu\u00a0? Je suis là\u00a0!\n") == []
    assert len(found("W102", "What is this\u00a0?\n")) == 1  # English: reported


# -- W113: the tatweel the text is about ------------------------------------------------------

# libreoffice-help-dz 7.4.7 shared/01/02100000 line 123 (English, untranslated), -el line 121
KASHIDA_DZ = ("Searches exact match, does not include Arabic Tatweel mark U+0640 (also known as Kashida) in "
              "search. For example, searching for كتاب will not match كـتاب or كتــــاب and so on.\n")
KASHIDA_EL = ("Αναζητά ακριβή συμφωνία, δεν συμπεριλαμβάνει το αραβικό σημάδι Tatweel U+0640 (γνωστό και ως "
              "κασίδα). Παραδείγματος χάρη, η αναζήτηση για كتاب δεν συμφωνεί με كـتاب ή كتــــاب κ.ο.κ.\n")


def test_w113_a_document_about_the_tatweel_keeps_it():
    assert found("W113", KASHIDA_DZ) == []
    assert found("W113", KASHIDA_EL) == []
    # the spellings shown side by side, without the sentence that names the mark
    assert found("W113", "For example, searching for كتاب will not match كـتاب or كتــــاب and so on.\n") == []


def test_w113_still_reports_elongation():
    assert len(found("W113", "الـعـربـيـة والعربية\n")) == 4
    assert safe_fixed("W113", "كتاب كـتاب\n") == "كتاب كتاب\n"  # Arabic prose, one spelling: elongation


def test_w113_a_tatweel_standing_for_a_mnemonic_is_not_deleted_safely(tmp_path):
    # libgtk-3-common 3.24 ckb gtk30.po (LGPL-2+): the msgid's mnemonic "_" became a tatweel,
    # between two words ("هەمووی دیاری بکە", select all); deleting it glues them
    po = ('msgid ""\nmsgstr ""\n"Language: ckb\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
          'msgid "Select _All"\nmsgstr "هەموویـدیاریبکە"\n\nmsgid "Last modified:"\nmsgstr "دوواـدەستکاریکراو"\n')
    path = tmp_path / "gtk30.po"
    path.write_text(po, encoding="utf-8")
    fs = lint_paths([path], config={"select": ["W113"], **NO_CACHE})
    assert [f.fix.applicability for f in fs] == [Applicability.UNSAFE, SAFE]


# -- W120: a Turkic case suffix on a numeral --------------------------------------------------

# gnome-control-center-data 43.6 ug (Uyghur) line 3808, msgid "WEP 40/128-bit Key (Hex or ASCII)"
UYGHUR = "WEP 40/128 بىتلىق ئاچقۇچ(16لىك ياكى ASCII)\n"


def po_findings(tmp_path, code: str, po: str, name: str) -> list:
    path = tmp_path / name
    path.write_text(po, encoding="utf-8")
    return lint_paths([path], config={"select": [code], **NO_CACHE})


def test_w120_a_uyghur_suffix_on_a_numeral_is_grammar(tmp_path):
    assert found("W120", UYGHUR) == []
    po = ('msgid ""\nmsgstr ""\n"Language: ug\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
          'msgid "WEP 40/128-bit Key (Hex or ASCII)"\nmsgstr "WEP 40/128 بىتلىق ئاچقۇچ(16لىك ياكى ASCII)"\n')
    assert po_findings(tmp_path, "W120", po, "gnome-control-center-2.0.po") == []
    # declared Uyghur: a suffix without a letter only Uyghur writes is its grammar too
    assert po_findings(tmp_path, "W120", po.replace("16لىك", "16دا"), "ug2.po") == []
    assert len(po_findings(tmp_path, "W120", po.replace("16لىك", "16دا").replace("Language: ug", "Language: ar"),
                           "ar.po")) == 1
    assert len(found("W120", "الناتج يساوي4374\n")) == 1  # Arabic: still reported


# -- properties of the safe fixes -------------------------------------------------------------

KHMER = "កខគចជញដតទនបពមយរលសហអាិីុូេែោំះ្"
THAI = "กขคงจฉชซญดตถทนบปผพฟมยรลวสหอะาิีุู่้"
SORANI = "ابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆهەیێ"
KANNADA = "ಕಖಗಚಜಟಡತದನಪಬಮಯರಲವಸಹಾಿೀುೂೆೇ್"
JOINING_SEPARATORS = ["", "", " ", "\n", "\n\n", "\u200b", "\u200b\u200b", "\u200c", "\u200d", " \u200b",
                      "\u200b ", "\u00a0", "\u00a0។", " ។", "\u00ad", "\u2060"]
_word = st.one_of(*(st.text(s, min_size=1, max_size=6) for s in (KHMER, THAI, SORANI, KANNADA)))
_texts = st.lists(st.tuples(_word, st.sampled_from(JOINING_SEPARATORS)), min_size=1, max_size=25).map(
    lambda ps: "".join(w + s for w, s in ps))
_SEGMENTED = regex.compile(r"[\p{Khmer}\p{Thai}]")
_HINTS = regex.compile(r"[\u00ad\u2060]")  # invisible hints a safe fix may delete anywhere
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
W = ("W101", "W102", "W103", "W104", "W112", "W113", "W120")


def _boundaries(text: str) -> list[str]:
    """The words of ``text`` for a segmenter: split at whitespace and ZWSP."""
    return [w for w in regex.split(r"[\s\u200b]+", _HINTS.sub("", text).replace("។", "")) if w]


def _joined_letters(text: str) -> int:
    """How many ZWNJ/ZWJ follow a letter or mark: each chooses that letter's form."""
    return len(regex.findall(r"[\p{L}\p{M}][\u200c\u200d]", _HINTS.sub("", text)))


@PROPS
@given(_texts)
def test_safe_fixes_keep_word_boundaries_and_joiners(text):
    fixed, _ = fix(text, W, False)
    # no safe fix removes a ZWSP between two characters of a script written without
    # spaces (the words a segmenter finds are the same), nor glues two words
    assert _boundaries(fixed) == _boundaries(text)
    for m in regex.finditer(r"(?<=[\p{L}\p{M}])\u200b(?=[\p{L}\p{M}])", text):
        if _SEGMENTED.match(text[m.start() - 1]) or _SEGMENTED.match(text[m.end()]):
            pair = text[m.start() - 1] + "\u200b" + text[m.end()]
            assert pair in fixed, (pair, fixed)
    # no safe fix removes a joiner written after a letter
    assert _joined_letters(fixed) >= _joined_letters(text)
