"""Work asked twice is done once (issue 14, target 2), with the same answers.

The spelling analysis of a dataset's records, once a record: the map gives each corpus
rule a batch of records in turn (``engine.MAP_BATCH``): S101 collects the batch, then S103
the same batch. ``analysis.analyse``'s memo held 32 states, so S103 analysed every record
again past the 32nd of a batch, and the two equal states were spilled and decoded apart.
The records here are sentences of the seed articles (samples/news-ar), each with another
one after it so that no two are alike.

D103's slot substitution (``meaning._slot_substitution``) stemmed each word of a changed
place once per word of the other side; now once, the stems found in the same order.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.document import Document
from corpuslint.engine import MAP_BATCH
from corpuslint.families.spelling import analysis

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "news-ar"


def _sentences() -> list[str]:
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for part in re.split(r"(?<=[.!؟])\s+", path.read_text(encoding="utf-8")):
            part = " ".join(part.split())
            if len(part.split()) >= 6 and part not in out:
                out.append(part)
    return out


def _records(n: int) -> list[str]:
    sentences = _sentences()
    assert len(sentences) > 40
    texts = []
    for i in range(n):
        a, b = sentences[i % len(sentences)], sentences[(7 * i + 3) % len(sentences)]
        texts.append(f"{a} {b}" if i < len(sentences) else f"{b} {a} ({i})")
    assert len(set(texts)) == n
    return texts


def test_the_memo_holds_a_batch_of_records():
    assert analysis._CACHE_STATES >= MAP_BATCH
    analysis.reset()
    docs = [Document(f"r{i}.txt", text) for i, text in enumerate(_records(MAP_BATCH + 40))]
    batch = docs[:MAP_BATCH]
    first = [analysis.analyse(d, ("ar",)) for d in batch]  # (S101's turn)
    again = [analysis.analyse(d, ("ar",)) for d in batch]  # (S103's turn: the same states)
    assert all(a is b for a, b in zip(first, again))
    for d in docs[MAP_BATCH:]:  # the next batch: the oldest states give way first
        analysis.analyse(d, ("ar",))
    assert len(analysis._CACHE) <= analysis._CACHE_STATES
    assert analysis.analyse(docs[-1], ("ar",)) is analysis.analyse(docs[-1], ("ar",))
    analysis.reset()


def test_the_memo_is_bounded_by_the_texts_it_holds(monkeypatch):
    monkeypatch.setattr(analysis, "_CACHE_CHARS", 20_000)
    analysis.reset()
    long = [Document(f"f{i}.txt", text * 12) for i, text in enumerate(_records(80))]  # ~2-4 k characters each
    for d in long:
        analysis.analyse(d, ("ar",))
        held = sum(n for _state, n in analysis._CACHE.values())
        assert held == analysis._cache_chars
        assert len(analysis._CACHE) <= 33 or held <= analysis._CACHE_CHARS  # (32 states are always kept)
    assert len(analysis._CACHE) >= 32  # (as many as the bound of old, for long files)
    analysis.reset()
    assert not analysis._CACHE and analysis._cache_chars == 0


def test_records_are_analysed_once_and_report_as_before(tmp_path, monkeypatch, capsys):
    from corpuslint.cli import main

    texts = _records(MAP_BATCH + 60)
    with open(tmp_path / "data.jsonl", "w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            fh.write(json.dumps({"id": f"r{i}", "text": text}, ensure_ascii=False) + "\n")
    made = []
    analyse_lang = analysis._analyse_lang

    def counted(doc, *args, **kwargs):
        made.append(doc.text)
        return analyse_lang(doc, *args, **kwargs)

    monkeypatch.setattr(analysis, "_analyse_lang", counted)
    monkeypatch.chdir(tmp_path)

    def report() -> list:
        analysis.reset()
        made.clear()
        out = tmp_path / "out.json"
        assert main(["check", "--no-cache", "--jobs", "1", "--select", "S101,S103", "--format", "json",
                     "--exit-zero", "-o", str(out), "data.jsonl"]) == 0
        capsys.readouterr()
        return json.loads(out.read_text(encoding="utf-8"))["diagnostics"]

    found = report()
    assert {d["code"] for d in found} == {"S101", "S103"}  # (the seeds' slips: «الحققت», «جوج»...)
    assert len(made) == len(texts)  # one analysis a record, shared by S101 and S103
    assert len(set(made)) == len(texts)
    monkeypatch.setattr(analysis, "_CACHE_STATES", 32)  # the memo of old: S103 analyses again
    monkeypatch.setattr(analysis, "_CACHE_CHARS", 0)
    old = report()
    assert len(made) > len(texts) + MAP_BATCH // 2
    assert found == old


def test_a_record_copying_an_old_one_keeps_its_state_for_the_next_rule():
    """A batch opening with copies of the oldest records held, then new records: S101 is
    given the old states, and the new ones push out the states asked least recently, not
    those just asked, so S103 is given the same states (a D107 copy in a data set)."""
    analysis.reset()
    texts = _records(analysis._CACHE_STATES + 200)
    held = [Document(f"old{i}.txt", t) for i, t in enumerate(texts[: analysis._CACHE_STATES])]
    for d in held:
        analysis.analyse(d, ("ar",))
    assert len(analysis._CACHE) == analysis._CACHE_STATES
    batch = ([Document(f"copy{i}.txt", held[i].text) for i in range(56)]
             + [Document(f"new{i}.txt", t) for i, t in enumerate(texts[analysis._CACHE_STATES:])])
    s101 = [analysis.analyse(d, ("ar",)) for d in batch]
    s103 = [analysis.analyse(d, ("ar",)) for d in batch]
    assert all(a is b for a, b in zip(s101, s103))
    analysis.reset()


def _slot_substitution_as_written(blocks, wa, wb):
    """``meaning._slot_substitution`` as it was: every pair stemmed again (the oracle)."""
    from collections import Counter

    from corpuslint.families.duplicate.meaning import _content, _same_stem

    reps: list[str] = []

    def stem(w):
        for i, r in enumerate(reps):
            if _same_stem(w, r):
                return i
        reps.append(w)
        return len(reps) - 1

    in_a = {stem(w) for w in _content(wa)}
    in_b = {stem(w) for w in _content(wb)}
    support: Counter = Counter()
    first: dict = {}
    for x, y in blocks:
        pairs = {(stem(u), stem(v)) for u in x for v in y}
        for pair in pairs:
            if pair[0] != pair[1] and pair[0] not in in_b and pair[1] not in in_a:
                support[pair] += 1
                first.setdefault(pair, reps[pair[1]])
    best = [pair for pair, n in support.items() if n >= 2]
    return first[best[0]] if best else None


# words over a few letters, so that two forms often share a stem and the relation is not
# transitive ("abab" ~ "ababa" ~ "ababb", not "abab" ~ "ab"): which word becomes a stem's
# form depends on the order the words are met in
_WORDS = st.text(alphabet="abc", min_size=2, max_size=7)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(_WORDS, max_size=4), st.lists(_WORDS, max_size=4)), max_size=5),
       st.lists(_WORDS, max_size=8), st.lists(_WORDS, max_size=8))
def test_slot_substitution_stems_each_word_once_with_the_same_answer(blocks, wa, wb):
    from corpuslint.families.duplicate.meaning import _slot_substitution

    assert _slot_substitution(blocks, wa, wb) == _slot_substitution_as_written(blocks, wa, wb)


def test_slot_substitution_on_libreoffice_help():
    """The docstring's pair: the same sentence said of another feature."""
    from corpuslint.families.duplicate.meaning import _slot_substitution

    wa = "criteria can be created using wildcards provided that wildcards have been enabled".split()
    wb = ("even more powerful criteria can be created using regular expressions provided that regular "
          "expressions have been enabled").split()
    blocks = [(["wildcards"], ["regular", "expressions"]), (["wildcards"], ["regular", "expressions"])]
    assert _slot_substitution(blocks, wa, wb) == _slot_substitution_as_written(blocks, wa, wb)
    assert _slot_substitution(blocks, wa, wb) in ("regular", "expressions")


_LINES = st.lists(st.one_of(st.just(""), st.lists(st.sampled_from(["News", "news", "report", "تقرير", "كوريا", "—",
                                                                 ":", "Breaking", "2024", "a", "    $ ls"]),
                                                 min_size=1, max_size=8).map(" ".join)), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(_LINES, st.booleans())
def test_doubled_titles_asks_the_prose_mask_only_for_a_unit_that_could_open_a_pair(lines, verse_ok):
    """D101's doubled titles with the prose mask given as a function equal those with the
    mask given whole, and a text none of whose paragraphs could open a pair (a one-line
    record: no second line in a paragraph, no title with its copy next) never computes it."""
    from corpuslint.families.duplicate import units as U
    from corpuslint.families.duplicate.local import doubled_titles, unit_prose

    doc = Document("r.txt", "\n".join(lines) + "\n")
    a = U.analyse(doc)
    text = U.unit_text(doc)
    asked = []

    def mask():
        asked.append(True)
        return unit_prose(a)

    for min_words in (1, 3):
        lazy = doubled_titles(text, a.units, min_words, verse_ok=verse_ok, prose=mask)
        assert lazy == doubled_titles(text, a.units, min_words, verse_ok=verse_ok, prose=unit_prose(a))
    units = a.units
    could = any(u.last_line > u.line for u in units) or (len(units) > 1 and units[1].line <= units[0].line + 2)
    assert bool(asked) == could
    if len(units) == 1 and units[0].last_line == units[0].line:
        assert not asked  # (one line: the record's case)


def test_a_headline_printed_twice_is_still_found_with_the_mask_asked_late():
    from corpuslint.families.duplicate.local import ExactDuplicateLine

    text = ("كيم جونغ أون يتفقد نظاما صاروخيا تكتيكيا\nكيم جونغ أون يتفقد نظاما صاروخيا تكتيكيا\n\n"
            + (SEEDS / "000_36f253348d6565aa.txt").read_text(encoding="utf-8"))
    found = [f for f in ExactDuplicateLine().check(Document("n.txt", text)) if "headline" in f.message]
    assert [(f.line, f.related[0].line) for f in found] == [(2, 1)]
    assert [f for f in ExactDuplicateLine().check(Document("r.txt", "كيم جونغ أون يتفقد نظاما صاروخيا تكتيكيا\n"))] == []
