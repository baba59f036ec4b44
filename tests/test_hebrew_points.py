"""Hebrew points (niqqud and cantillation) are deleted before comparison, as Arabic
harakat are: a vocalised Bible verse and its unpointed copy are the same paragraph for
D104/D105. Measured first: none of the 48 built corpora holds a Hebrew point (udhr-he and
the chatterbot Hebrew dialogues are unpointed), so their findings cannot change; fresh13's
he-tanakh (WLC, fully pointed) is where pointed and unpointed copies meet."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from corpuslint.text import normalize

from .conftest import run_json

# Deuteronomy 1:1-3, WLC via OSHB (public domain), one verse a line
WLC = (Path(__file__).parent / "data" / "realtext" / "wlc-deuteronomy-1-1-3.txt").read_text(encoding="utf-8")


def _unpointed(text: str) -> str:
    return "".join(ch for ch in text if not ("\u0591" <= ch <= "\u05c7" and unicodedata.category(ch) == "Mn"))


def test_points_are_deleted_punctuation_stays():
    first = WLC.splitlines()[0]
    assert normalize.normalize_chars(first) == normalize.normalize_chars(_unpointed(first))
    bare = normalize.normalize_chars(first)
    assert "\u05be" in bare and bare.endswith("\u05c3")  # maqaf and sof pasuq are punctuation
    assert not any(unicodedata.category(ch) == "Mn" for ch in bare)
    assert normalize.normalize_chars("שָׁלוֹם") == "שלום"


def test_a_pointed_verse_and_its_unpointed_copy_are_duplicates(tmp_path):
    text = " ".join(WLC.splitlines()) + "\n"  # the three verses as one paragraph
    (tmp_path / "pointed.txt").write_text(text, encoding="utf-8")
    (tmp_path / "unpointed.txt").write_text(_unpointed(text), encoding="utf-8")
    assert _unpointed(text) != text
    _, report = run_json("--select", "D104,D105", str(tmp_path))
    found = {(d["code"], Path(d["path"]).name) for d in report["diagnostics"]}
    assert found & {("D105", "pointed.txt"), ("D105", "unpointed.txt"), ("D104", "pointed.txt"),
                    ("D104", "unpointed.txt")}, report["diagnostics"]
