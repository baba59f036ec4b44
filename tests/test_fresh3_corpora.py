"""False-alarm kinds found on the corpora fortunes-de and fortunes-ru (issue 10: text
nobody tuned for), each as a test on a real excerpt (tests/data/realtext/SOURCE.md), with
the real defect next to it still reported."""

from __future__ import annotations

from .test_fresh_corpora import REAL, found  # (code, line, column) of one rule's findings


# -- S104: a German relative pronoun before the same article --------------------------------


def test_s104_a_german_relative_pronoun_then_the_article_is_grammatical_and_den_den_is_not():
    # ", die die Energie einer Atombombe hat" and "Leute, die die Computer anderer zerstören"
    # open relative clauses; "gegen den den True-Type Font" (no clause) is the real slip
    assert found("fortunes-de-relative-pronouns.txt", "S104") == [("S104", 3, 17)]


def test_s104_still_reports_an_article_doubled_after_a_comma_and_a_non_preposition():
    # a preposition may open the relative clause: not reported
    assert found("x.txt", "S104", "Die Firma, mit der der Vertrag lief, ist pleite.\n") == []
    assert found("x.txt", "S104", "Er kam, aber die die Leute gingen.\n") == [("S104", 1, 14)]


# -- W103: a two-line table pads only its shorter cells --------------------------------------


def test_w103_amounts_and_a_mark_aligned_with_the_line_above_or_below_are_a_table():
    # "    100 DM   =  51 Euro 13 Cent." over "    100 Euro = 195 DM   58 Pf.": "=" and the
    # amounts stand in columns
    assert found("fortunes-de-currency-table.txt", "W103") == []


def test_w103_still_reports_an_amount_out_of_its_column_and_a_doubled_space_in_prose():
    text = (REAL / "fortunes-de-currency-table.txt").read_text(encoding="utf-8")
    # "51" no longer ends under "195", nor "13" starts over "58"
    shifted = text.replace("=  51 Euro", "=   51 Euro")
    assert found("x.txt", "W103", shifted) == [("W103", 5, 15), ("W103", 6, 22)]
    doubled = text.replace("Wußten Sie schon...\n... daß fünf", "Wußten Sie schon...\n... daß  fünf")
    assert found("x.txt", "W103", doubled) == [("W103", 2, 8)]
