"""False-alarm kinds found on the corpora fortunes-de and fortunes-ru (issue 10: text
nobody tuned for), each as a test on a real excerpt (tests/data/realtext/SOURCE.md), with
the real defect next to it still reported."""

from __future__ import annotations

from .test_fresh_corpora import found  # (code, line, column) of one rule's findings


# -- S104: a German relative pronoun before the same article --------------------------------


def test_s104_a_german_relative_pronoun_then_the_article_is_grammatical_and_den_den_is_not():
    # ", die die Energie einer Atombombe hat" and "Leute, die die Computer anderer zerstören"
    # open relative clauses; "gegen den den True-Type Font" (no clause) is the real slip
    assert found("fortunes-de-relative-pronouns.txt", "S104") == [("S104", 3, 17)]


def test_s104_still_reports_an_article_doubled_after_a_comma_and_a_non_preposition():
    assert found("x.txt", "S104", "Er kam, aber die die Leute gingen.\n") == [("S104", 1, 14)]
