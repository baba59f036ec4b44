"""Kinds fixl25 met on fresh25's literary corpus (fortunes in eight languages, the Divan of
Hafez plain and vocalised) and checked on its real text (tests/data/realtext/SOURCE.md:
"fixl25"): the Persian copula and pronouns written after a ZWNJ (S101), verse laid out one
couplet a block (S101, S104), Czech "se se" across a line break, Italian "via via", a word
doubled again and again as a word game (S104). Each beside a true finding that stays."""

from __future__ import annotations

from hypothesis import given, strategies as st

from corpuslint import lint_text
from corpuslint.families.spelling import get_backend

from .conftest import ROOT
from .test_fresh_corpora import found

REAL = ROOT / "tests" / "data" / "realtext"
ZWNJ = "\u200c"


# -- S101: the copula or a pronoun after a ZWNJ on a known word -----------------------------

# Vocalised Hafez (fatol-hafez 0.1.3): نی‌ام (I am not), روی‌ات (your face), کِی‌ات (when ... you),
# نه‌ایم (we are not): each word the dictionary knows, then ZWNJ + ام / ات / ایم.
CLITIC_WORDS = ("نی‌ام", "روی‌ات", "کِی‌ات", "نه‌ایم")
# the copula (ام ای است ایم اید اند, ست) and the pronouns (ات اش مان تان شان)
CLITICS = ("ام", "ای", "است", "ایم", "اید", "اند", "ست", "ات", "اش", "مان", "تان", "شان")


def test_s101_copula_and_pronouns_after_zwnj_are_words():
    fa = get_backend("fa")
    text = (REAL / "hafez-vocalised-zwnj-clitics.txt").read_text(encoding="utf-8")
    for word in CLITIC_WORDS:
        assert word in text and fa.known(fa.clean(word)), word
    # real slips stay unknown (the labelled ones of test_fresh_corpora), and so does a
    # clitic after a ZWNJ on a word that is not one ("زندیگ‌ات": زندگی misspelt)
    # a pronoun on the plural ها (هایم written short): GNOME help fa net-email-virus
    # "لازم است رایانه‌هام را برای ویروس بپویم؟" (my computers), which lead did not report
    # but would once رایانه‌ام (my computer) is a word
    assert fa.known(fa.clean("رایانه‌هام"))
    for slip in ("گوهیم", "زندیگتان", "نموید", "منشتر", "زندیگ‌ات"):
        assert not fa.known(fa.clean(slip)), slip


@given(st.sampled_from(("نی", "روی", "نه", "شاهد", "ساقی", "چراغ", "معامله")), st.sampled_from(CLITICS))
def test_s101_any_clitic_after_zwnj_on_a_known_word_is_known(head, clitic):
    fa = get_backend("fa")
    assert fa.known(fa.clean(head))
    assert fa.known(fa.clean(head + ZWNJ + clitic))


# -- S101, S104: verse one couplet a block is verse ----------------------------------------


def test_s104_couplets_of_a_ghazal_are_verse_and_the_same_lines_as_prose_are_not():
    # Hafez (PyPI hafez 0.4.2) as fresh25 laid it out, one bayt a block: ghazal 83's radif
    # "رفت رفت", ghazal 240 "وجه می می خواهم" (wine, then the verb's prefix), 492 "جدایی جدایی"
    text = (REAL / "hafez-couplets-repeats.txt").read_text(encoding="utf-8")
    assert found("hafez-couplets-repeats.txt", "S104") == []
    # the same words in one paragraph of prose are reported (the exemption is verse's; the
    # radif "رفت رفت", doubled four times within 300 characters, reads as a word game there)
    prose = " ".join(line for line in text.splitlines() if line) + "\n"
    words = {prose[f.start : f.end].split()[0] for f in lint_text(prose, path="prose.txt", config={"select": ["S104"]})}
    assert words == {"سوخت", "می", "جدایی"}


def test_couplets_are_two_line_blocks_of_long_lines_not_a_key_table():
    from corpuslint.structure import in_stanzas

    ghazal = (REAL / "hafez-couplets-repeats.txt").read_text(encoding="utf-8")
    assert in_stanzas(ghazal, ghazal.index("جدایی"), couplets=True)
    # GNOME help fa screen-shot-record: a shortcut table flattened into two-line blocks (the
    # key, its action); its true slip "تغغیر" (تغییر) stays an error, not verse's info
    keys = (REAL / "gnome-help-fa-screen-shot-keys.txt").read_text(encoding="utf-8")
    assert not in_stanzas(keys, keys.index("تغغیر"), couplets=True)
    assert in_stanzas(keys, keys.index("تغغیر"))  # (what the duplicate rules' stanzas still see)
    # keyboard-shortcuts-set: an action and its key ("دگرساز+F10"), its slip "پنرجه" (پنجره)
    keys = (REAL / "gnome-help-fa-shortcut-keys.txt").read_text(encoding="utf-8")
    assert not in_stanzas(keys, keys.index("پنرجه"), couplets=True)


def test_s101_a_slip_in_couplets_is_info_as_in_verse():
    # ghazal 262's slip "نموید" (نروید), one bayt a block: found, at info level, as in verse
    lines = [line for line in (REAL / "hafez-verse-slip.txt").read_text(encoding="utf-8").splitlines() if line]
    couplets = "\n\n".join("\n".join(lines[i : i + 2]) for i in range(0, len(lines), 2)) + "\n"
    (finding,) = lint_text(couplets, path="couplets.txt", config={"select": ["S101"]})
    assert couplets[finding.start : finding.end] == "نموید" and finding.severity.name == "INFO"


# -- S104: grammatical and deliberate doubles ----------------------------------------------

# Debian installation-guide cs (as test_fixa18_kinds.NA_NA_CS): a true "na na"
NA_NA_CS = ("Základní nastavení RAID10 je stejné jako u RAID1. V expertním režimu debian-installeru budete "
            "navíc dotázáni na na rozložení pole. Rozložení se skládá ze dvou částí.\n")


def test_s104_czech_se_se_before_a_word_on_the_next_line():
    # fortunes-cs market.txt: "vyrovnat se se\nsituací" (reflexive, then "with")
    text = (REAL / "fortunes-cs-se-se.txt").read_text(encoding="utf-8")
    assert found("cs.txt", "S104", text) == []
    assert found("cs.txt", "S104", text + "%\n" + NA_NA_CS) == [("S104", 7, 110)]  # "na na"


def test_s104_italian_via_via_is_one_adverb():
    # fortunes-it zuse.txt: "e poi via via piu' complesse" (little by little); "anche anche bere" a slip
    assert found("fortunes-it-zuse-via-via.txt", "S104") == [("S104", 2, 46)]


def test_s104_a_word_doubled_again_and_again_is_a_word_game():
    # fortunes education.txt "between Fish and and, and and and And, ..." (the word named as
    # itself); magic.txt's "say the the heroes" (Pratchett) stays
    assert found("fortunes-en-and-and.txt", "S104") == [("S104", 11, 67)]
