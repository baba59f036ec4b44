"""fresh32's quality kinds (its report, kinds 5-7): whole-document filters (Q105, Q108, Q111) on
one turn or field of a fine-tuning record, Q107 on Vietnamese (a word is a syllable), Q106 on
the ellipses of a command synopsis ("repeatable"). Real text: fresh32's records and man pages
(tests/data/realtext/SOURCE.md: ``fresh32-sft-parts.jsonl`` and the files after it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from corpuslint import lint_records, lint_text

from .conftest import run_json

REAL = Path(__file__).parent / "data" / "realtext"
TEXT_FIELDS = "messages[*].content,instruction,input,output"


def _codes(found: dict) -> list[tuple[str, str]]:
    return sorted((d["code"], str(d["record"])) for d in found["diagnostics"])


def test_whole_document_filters_skip_chat_turns_and_instruction_fields(tmp_path):
    """A complete one-sentence answer ("Tidak menghitung subtotal.": 1 of 1 lines short, 3
    words) and an instruction field ("Artikulo 25": 1 of 2 tokens without a letter) are parts
    of an example; main gave Q105 and Q108 on the answer and Q108/Q111 on the fields."""
    shutil.copy(REAL / "fresh32-sft-parts.jsonl", tmp_path / "parts.jsonl")
    _, found = run_json("--select", "Q105,Q108,Q111", "--text-field", TEXT_FIELDS, "--id-field", "id",
                        str(tmp_path / "parts.jsonl"))
    assert _codes(found) == []


def test_whole_document_filters_still_judge_a_record_that_is_a_document():
    """The same answer as the whole text of a pre-training record (no turn, no role) is still
    a 3-word document: Q105 and Q108 report it; the field "Artikulo 25" as a plain file is a
    2-word document, reported by Q108 as short, not by Q111 (a share of two tokens says
    nothing: fresh36's index pages "# Region & Language")."""
    line = (REAL / "fresh32-sft-parts.jsonl").read_text(encoding="utf-8").splitlines()[0]
    answer = json.loads(line)["messages"][2]["content"]
    assert answer == "Tidak menghitung subtotal."
    found = lint_records([{"id": 1, "text": answer}], id_field="id",
                         config={"select": ["Q105", "Q108", "Q111"]})
    assert sorted(f.code for f in found) == ["Q105", "Q108"]
    title = json.loads((REAL / "fresh32-sft-parts.jsonl").read_text(encoding="utf-8").splitlines()[2])["instruction"]
    assert [f.code for f in lint_text(title, path="t.txt", config={"select": ["Q108", "Q111"]})] == ["Q108"]


def test_q107_spares_vietnamese_syllables_declared_or_not():
    """LibreOffice's Vietnamese help (swriter/guide/word_completion_adjust): mean 2.9 letters
    a word, each word a syllable; main reported it below min 3."""
    line = (REAL / "fresh32-sft-parts.jsonl").read_text(encoding="utf-8").splitlines()[1]
    answer = json.loads(line)["messages"][2]["content"]
    assert lint_records([{"id": 1, "text": answer, "lang": "vi"}], id_field="id",
                        config={"select": ["Q107"]}) == []
    assert [f for f in lint_text(answer, path="a.txt") if f.code == "Q107"] == []  # guessed from its letters


def test_q107_still_reports_vietnamese_letters_spaced_out():
    """The same text with its letters spaced out (mean 1 character) is character soup in any language."""
    line = (REAL / "fresh32-sft-parts.jsonl").read_text(encoding="utf-8").splitlines()[1]
    answer = json.loads(line)["messages"][2]["content"]
    soup = " ".join(c for c in answer if not c.isspace())
    found = [f for f in lint_text(soup, path="a.txt") if f.code == "Q107"]
    assert len(found) == 1 and "below min 2" in found[0].message


def test_q106_spares_the_ellipses_of_command_synopses():
    """cp(1) in Vietnamese ("cp [TÙY_CHỌN]… NGUỒN… THƯ_MỤC", 5 for 19 words) and zgrep(1) in
    Turkish ("[ -e ] şablon dosya ...", 3 for 18): main reported both."""
    for name in ("manpages-vi-cp-synopsis.txt", "manpages-tr-zgrep-synopsis.txt"):
        text = (REAL / name).read_text(encoding="utf-8")
        assert [f for f in lint_text(text, path="s.txt", config={"select": ["Q106"]})] == [], name


def test_q106_still_counts_menu_and_stub_ellipses():
    """LibreOffice's Vietnamese "more filters" section: "Để truy cập lệnh này..." (the stub
    fresh32 labelled true under Q110) and "Standard Filter..." menu items: 3 for 27 words."""
    text = (REAL / "libreoffice-vi-more-filters-stub.txt").read_text(encoding="utf-8")
    found = lint_text(text, path="s.txt", config={"select": ["Q106"]})
    assert [f.message for f in found] == ["symbol-heavy: 3 ellipses for 27 words (0.11 per word > max 0.10)"]
