"""False-alarm kinds found on text nobody tuned for (fresh4: Django's Arabic-script .po
translations, an Urdu Qur'an translation as JSON Lines, black's Markdown docs), each as a
test on a real excerpt (tests/data/realtext/SOURCE.md), with the real defect next to it
still reported."""

from __future__ import annotations

from .test_fresh_corpora import found  # (code, line, column) of one rule's findings


# -- S104: Urdu reduplicates content words of every class ----------------------------------


def test_s104_urdu_reduplication_is_grammar_and_a_doubled_postposition_is_a_slip():
    # "گن گن کر", "اونچے اونچے", "ہمیشہ ہمیشہ", "مار مار کر", "چپکے چپکے", "طرح طرح",
    # "پکار پکار کر", "اپنی اپنی", "دے دے" are Urdu; "غلط فہمی میں میں مبتلا" (54:47) is the slip
    assert found("quran-ur-reduplication.txt", "S104") == [("S104", 10, 31)]


def test_s104_urdu_closed_class_words_doubled_are_still_reported():
    # Django's Urdu admin .po (BSD-3-Clause): "درج کریں تاکہ تاکہ ھم تصدیق کر سکیں"
    text = "براہ مھربانی اپنا نیا لفظ اجازت دو مرتبہ درج کریں تاکہ تاکہ ھم تصدیق کر سکیں۔\n"
    assert found("x.txt", "S104", text) == [("S104", 1, 51)]
