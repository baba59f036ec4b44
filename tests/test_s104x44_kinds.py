"""s104x44: fresh31's S104 (repeated word, error severity) kinds, each on real text with a true
finding of the rule kept beside it.

1. Khmer (Thai, Lao, Burmese): a space sets off a phrase, a ZWSP separates words inside one; the
   last word of one phrase and the first of the next are no doubling ("ជា\u200bមុន
   មុន\u200bពេល\u200bបោះពុម្ព", beforehand | before printing). Two whole chunks still are.
2. Greek «με με» after an adjective that takes «με» (a relation's name, "ίσο με", then "με δύο
   δείκτες τοποθέτησης"), and a pair whose second copy is assigned to (LibreLogo code in the Greek
   help: "ΚΑΘΟΛΙΚΟ περί περί = “LibreLogo”"). «για για», «και και» stay reported.
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text
from corpuslint.families.spelling.repeated import (
    closed_class_words,
    greek_relation_name,
    repeat_matches,
    south_asian_slip,
)

REALTEXT = Path(__file__).parent / "data" / "realtext"


def _read(name: str) -> str:
    return (REALTEXT / name).read_text(encoding="utf-8")


def _found(text: str, name: str = "a.txt", language: str | None = None) -> list[tuple[int, int, str]]:
    config: dict = {"select": ["S104"], "cache": False}
    if language:
        config["per-file-language"] = {name: language}
    return [(f.line, f.column, f.message) for f in lint_text(text, path=name, config=config)]


# -- 1. scripts written without spaces: a space is a phrase boundary ----------------------------

KM_PHRASES = _read("libreoffice-km-s104-phrases.txt")


def test_s104_leaves_khmer_words_on_both_sides_of_a_phrase_space():
    lines = KM_PHRASES.splitlines()
    assert "ជា\u200bមុន មុន\u200bពេល\u200bបោះពុម្ព" in lines[0]  # beforehand | before printing
    assert "របស់\u200bអ្នក អ្នក\u200bអាច" in lines[3]  # your own | you can
    assert "ពាក្យ\u200bបញ្ជា បញ្ជា(Ctrl)" in lines[2]  # the compound Command, then Ctrl
    # (main reported all six of lines 1-4: 'មុន', 'ទំព័រ', 'ស៊ុម', 'បញ្ជា' twice, 'អ្នក')
    for language in ("km", None):
        assert _found(KM_PHRASES, "all_swriter.txt", language) == [(5, 8, "'ទូទៅ' is repeated")]


def test_s104_still_reports_whole_chunks_doubled_in_khmer_and_thai():
    # "គិត​ជា ទូទៅ ទូទៅ." (counted in general general.): both copies are whole chunks
    assert "ទូទៅ ទូទៅ." in KM_PHRASES.splitlines()[4]
    assert [m for *_, m in _found("ចុច\u200bប៊ូតុង អ្នក អ្នក ។\n", "a.txt", "km")] == ["'អ្នក' is repeated"]
    assert [m for *_, m in _found("กรุณา ที่ ที่ ถูกต้อง\n", "a.txt", "th")] == ["'ที่' is repeated"]
    # a ZWSP on the far side of a space is no part of the chunk (W112's redundant one)
    assert [m for *_, m in _found("ចុច \u200bអ្នក អ្នក\u200b ។\n", "a.txt", "km")] == ["'អ្នក' is repeated"]
    # outside these scripts a ZWSP changes nothing: "the the" is reported
    assert [m for *_, m in _found("Read\u200bthe the manual.\n")] == ["'the' is repeated"]


def test_s104_khmer_unspaced_match_is_still_a_match_of_the_pattern():
    # the pattern still finds the pair; the rule declines it (not the scanner)
    assert [m.group("w") for m in repeat_matches("ជា\u200bមុន មុន\u200bពេល")] == ["មុន"]


# -- 2. Greek names of relations and code ---------------------------------------------------------

EL_NAMES = _read("libreoffice-el-s104-names.txt")


def test_s104_leaves_greek_relation_names_ending_in_me_and_librelogo_code():
    lines = EL_NAMES.splitlines()
    assert "σχέση μικρότερο ή ίσο με με δύο δείκτες τοποθέτησης" in lines[1]
    assert "υπερσύνολο ή ίσο με με δύο" in lines[3]
    assert "ΚΑΘΟΛΙΚΟ περί περί = “LibreLogo”" in lines[5]
    # (main reported lines 2, 4 and 6 too: 'με', 'με', 'περί')
    expected = [(1, 111, "'και' is repeated"), (5, 114, "'για' is repeated")]  # true ones stay
    assert _found(EL_NAMES, "all_smath.txt", "el") == expected
    assert _found(EL_NAMES, "all_smath.txt") == expected


def test_s104_still_reports_other_greek_and_english_doubled_words():
    # «με με» after a verb or a noun is a slip
    assert [m for *_, m in _found("Συνδέστε τον εκτυπωτή με με το καλώδιο USB.\n", "a.txt", "el")] == [
        "'με' is repeated"]
    assert [m for *_, m in _found("Ξεκινά με με την πρώτη γραμμή.\n", "a.txt", "el")] == ["'με' is repeated"]
    # an English function word before "=" is still a slip; "the the" in prose too
    assert [m for *_, m in _found("Set the the = sign in the the formula.\n")] == [
        "'the' is repeated", "'the' is repeated"]
    # the same code in English is code too: GLOBAL about, then about = "LibreLogo"
    assert _found("GLOBAL about about = “LibreLogo” TO example PRINT about END\n") == []


def test_greek_relation_name_reads_accents_and_case_away():
    for text in ("ίσο με με δύο", "ΙΣΟ ΜΕ ΜΕ ΔΥΟ", "ισοδύναμο με με δύο", "παρόμοια με με"):
        m = next(iter(repeat_matches(text)))
        assert greek_relation_name(text, m), text
    m = next(iter(repeat_matches("μαζί με με δύο")))
    assert not greek_relation_name("μαζί με με δύο", m)


# -- 3. Brahmic scripts: a doubled closed-class word is a slip ----------------------------------

HI_PUD = _read("ud-hindi-pud-ki-ki.txt")
TA_HELP = _read("gnome-help-ta-s104.txt")
GU_HELP = _read("gnome-help-gu-sathe-sathe.txt")
HI_LIBREOFFICE = _read("libreoffice-hi-jaise-jaise.txt")
GU_UDHR = _read("udhr-guj-te-te.txt")


def test_s104_reports_a_doubled_hindi_conjunction_not_tamil_without_a_list():
    # UD Hindi PUD: "विश्लेषण से पता चला कि कि व्यवधान ..." (the analysis showed that that ...)
    assert "पता चला कि कि व्यवधान" in HI_PUD.splitlines()[1]
    for language in ("hi", None):  # declared, or read by its script (Devanagari: Hindi and Marathi)
        assert _found(HI_PUD, "pud.txt", language) == [(2, 21, "'कि' is repeated")]
    # GNOME help in Tamil: "உள்ளீட்டு முறை என்பது என்பது" (an input method is is) is a slip, but
    # Tamil has no shipped list (UD_Tamil-TTB is CC BY-NC-SA; UD_Tamil-MWTT, CC BY-SA 4.0, is 534
    # grammar-book sentences: 5 words pass the list's rule, not "என்பது"): like Bengali, nothing
    # is reported, nor the reduplication "நாட்கள் ஆக ஆக" (as the days go by) on the next line
    assert "நாட்கள் ஆக ஆக" in TA_HELP.splitlines()[1]
    assert _found(TA_HELP, "tips.txt", "ta") == []
    # the slips the brief named, in Hindi and Marathi
    text = "अधिकारों के के मामले में में यह है है।\n"
    assert [m for *_, m in _found(text, "a.txt", "hi")] == [
        "'के' is repeated", "'में' is repeated", "'है' is repeated"]
    assert [m for *_, m in _found("तो घरी आहे आहे आणि आणि बाहेर\n", "a.txt", "mr")] == [
        "'आहे' is repeated", "'आणि' is repeated"]


def test_s104_leaves_brahmic_reduplication():
    # LibreOffice help in Hindi: "जैसे जैसे आप टाइप करते हैं" (as you type): a correlative, doubled
    assert _found(HI_LIBREOFFICE, "auto_off.txt", "hi") == []
    # GNOME help in Gujarati: "એની સાથે સાથે" (along with it): a relational noun, doubled
    assert "સાથે સાથે" in GU_HELP and _found(GU_HELP, "backup-what.txt", "gu") == []
    # the UDHR in Gujarati: "તે તે કોમ" (each such community): a pronoun, doubled
    assert "તે તે કોમ" in GU_UDHR and _found(GU_UDHR, "guj.txt", "gu") == []
    for text in ("वह धीरे धीरे घर घर गया।\n", "वे साथ साथ बीच बीच में आते जाते जाते हैं।\n"):
        assert _found(text, "a.txt", "hi") == [], text
    # languages without a list (Bengali, Punjabi, Nepali...) are left as before
    assert _found("মানুষ ও ও মাঝে মাঝে আসে।\n", "a.txt", "bn") == []


def test_closed_class_words_come_from_the_shipped_list():
    hindi = closed_class_words("hi")
    assert {"के", "में", "है", "कि", "और", "भी"} <= hindi
    assert not {"साथ", "बीच", "जैसे", "जब", "धीरे"} & hindi  # relational nouns, correlatives, content words
    assert "છે" in closed_class_words("gu") and closed_class_words("ta") == frozenset()
    assert closed_class_words("bn") == frozenset()
    assert south_asian_slip("के", None) and not south_asian_slip("के", "bn")


# -- 4. modern Greek: a closed set of words doubles as grammar, any other doubled word is a slip --

EL_DOUBLING = _read("libreoffice-el-s104-doubling.txt")


def test_s104_modern_greek_reports_a_doubled_noun_not_its_reduplication():
    # LibreOffice's Greek help: "τις σελίδες δίπλα δίπλα" (side by side), "σας καθοδηγεί βήμα βήμα"
    # (step by step) are the grammar; "εγγράφου εκκίνησης εκκίνησης", "ταιριάζουν ακριβώς ακριβώς",
    # "τελευταία σελίδα σελίδα οδηγών" are slips. Declared el (it exempted every doubled word) or
    # declaring nothing (it reported the reduplication too), the same verdicts.
    for language in ("el", None):
        found = [m for *_, m in _found(EL_DOUBLING, "el.txt", language)]
        assert found == ["'εκκίνησης' is repeated", "'ακριβώς' is repeated", "'σελίδα' is repeated"], language
    assert [m for *_, m in _found("Πήγαινε σιγά σιγά, λίγο λίγο, ένας ένας.\n", "a.txt", "el")] == []
    # Ancient Greek keeps its doubling ("ἀμὴν ἀμὴν λέγω", John 3:11), declared or written polytonic
    assert _found("ἀμὴν ἀμὴν λέγω ὑμῖν\n", "a.txt", "grc") == []
