"""Kinds fixq42 met on fresh27's Arabic-script UI corpus (Debian 12 catalogues as .po files and
as their text exports), each on a real excerpt (tests/data/realtext/SOURCE.md: "fixq42") beside a
true finding of the same rule that stays."""

from __future__ import annotations

import json
from pathlib import Path

from corpuslint import lint_records
from corpuslint.families.spelling import get_backend
from corpuslint.families.spelling.transliteration import _hamza_difference

REAL = Path(__file__).resolve().parent / "data" / "realtext"


# -- S103: a native word with and without its hamza is no transliteration --------------------


def test_s103_a_native_word_without_its_hamza_is_a_slip_and_a_name_stays_a_transliteration():
    # gtk30 (libgtk-3-common) writes "لاحة" twice for لائحة (list), which aptitude and
    # aisleriot write; orca writes "رسال" beside its own "بالرسائل" (messages). main called
    # both "same name, different transliteration". هونج كونج / هونغ كونغ (timezones,
    # iso_3166) is a name spelled with two letters for its g: it stays a transliteration.
    path = REAL / "fresh27-s103-hamza-words.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    found = lint_records(records, id_field="id", config={"select": ["S103"], "cache": False})
    by_word = {f.message.split("'")[1]: f.message for f in found}
    assert set(by_word) == {"لاحة", "رسال", "هونغ", "كونغ"}
    for word in ("لاحة", "رسال"):
        assert "without its hamza: a spelling slip" in by_word[word]
        assert "same name" not in by_word[word]
    assert by_word["لاحة"].startswith("'لاحة' is spelled 'لائحة' in the rest of the corpus")
    assert by_word["رسال"].startswith("'رسال' is spelled 'رسائل' in this document")
    for word in ("هونغ", "كونغ"):
        assert by_word[word].endswith("(same name, different transliteration)")


def test_s103_hamza_difference_of_a_rooted_word_only():
    ar = get_backend("ar")
    assert _hamza_difference(ar, "لاحة", "لائحة") == "dropped"
    assert _hamza_difference(ar, "مسئول", "مسؤول") == "seat"  # gnome-maps' مسئولة: a convention
    # Seoul: its other spelling سيول is no word of an Arabic root here, a name's vowel seat
    assert _hamza_difference(ar, "سيئول", "سيول") is None
    assert _hamza_difference(ar, "هونغ", "هونج") is None  # a g-letter, not a hamza

