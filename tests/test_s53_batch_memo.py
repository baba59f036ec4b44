"""The spelling analysis of a dataset's records is made once a record (issue 14, target 2).

The map gives each corpus rule a batch of records in turn (``engine.MAP_BATCH``): S101
collects the batch, then S103 the same batch. ``analysis.analyse``'s memo held 32 states,
so S103 analysed every record again past the 32nd of a batch, and the two equal states
were spilled and decoded apart. The records here are sentences of the seed articles
(samples/news-ar), each with another one after it so that no two are alike."""

from __future__ import annotations

import json
import re
from pathlib import Path

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
