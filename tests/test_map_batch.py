"""The batched map step: a dataset's records are mapped ``engine.MAP_BATCH`` at a time,
and a corpus rule may collect a batch at once (``CorpusRule.collect_batch``: D104 and
D105 sketch a batch's units in one pass). A record's state, and every finding, must be
what the record gets mapped alone."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from corpuslint import engine
from corpuslint.document import Document
from corpuslint.engine import RuleError, lint_paths
from corpuslint.families.duplicate import units as U
from corpuslint.families.duplicate.corpus import NearDuplicateDocument, CrossFileDuplicateParagraph
from corpuslint.index import _collect_many
from corpuslint.rules import CorpusRule

REAL = Path(__file__).parent / "data" / "realtext"
# real texts of every shape a record has: chat turns (chatterbot, LLaMA-Factory), Qur'an
# verses (vocalised: D104/D105 leave them out), Sindhi synonyms lists, Alpaca answers
RECORDS = sorted(REAL.glob("*.jsonl"))


def _record_texts() -> list[str]:
    """Every record's text: its ``text``, or a fine-tuning example's turns and fields
    (fresh32-sft-parts.jsonl)."""
    out = []
    for path in RECORDS:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "text" in row:
                out.append(row["text"])
            else:
                out += [m["content"] for m in row.get("messages", ())]
                out += [row[k] for k in ("instruction", "input", "output") if row.get(k)]
    return out


def _texts() -> list[str]:
    out = _record_texts()
    # prose of several paragraphs, some under min-words (a unit subset), and a Markdown file
    handbook = (REAL / "debian-handbook-apt.txt").read_text(encoding="utf-8")
    out += [handbook[:1500], handbook[1500:4000], "Short line.\n\n" + handbook[:600]]
    return out


def _docs(texts: list[str]) -> list[Document]:
    docs = [Document(f"r{k}.jsonl", t) for k, t in enumerate(texts)]
    docs.append(Document("page.md", (REAL / "black-changes-sections.md").read_text(encoding="utf-8")))
    return docs


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    if a.keys() != b.keys():
        return False
    return all(a[k].dtype == b[k].dtype and a[k].shape == b[k].shape and np.array_equal(a[k], b[k]) for k in a)


@pytest.mark.parametrize("cls", [CrossFileDuplicateParagraph, NearDuplicateDocument])
@pytest.mark.parametrize("backend", ["numpy", "datasketch"])
def test_a_batch_of_real_records_gets_the_states_each_gets_alone(cls, backend):
    rule = cls(options={"backend": backend} if backend == "datasketch" else None)
    texts = _texts()
    alone = [rule.collect(doc) for doc in _docs(texts)]  # (fresh documents: no analysis shared)
    batch = rule.collect_batch(_docs(texts))
    assert len(batch) == len(alone)
    assert sum(s is not None for s in alone) >= 10  # (most records are compared: the test compares states)
    assert sum(s is None for s in alone) >= 5  # (and the vocalised verses, opening turns... are not)
    assert [k for k, (a, b) in enumerate(zip(alone, batch)) if not _same(a, b)] == []


def test_signatures_of_a_batch_are_those_of_each_document():
    docs = _docs(_texts())
    alone = [U.Analysis(doc) for doc in docs]
    together = [U.Analysis(doc) for doc in docs]
    U.fill_signatures(together)
    for a, b in zip(alone, together):
        assert np.array_equal(a.shingle_sets[0], b.shingle_sets[0])
        assert np.array_equal(a.shingle_sets[1], b.shingle_sets[1])
        assert a.signatures.dtype == b.signatures.dtype and np.array_equal(a.signatures, b.signatures)


def _dataset(tmp_path: Path) -> Path:
    """The real records in one JSON Lines file, with a record copied whole (D107) and one
    copied with a word changed (a near-copy: D104/D105)."""
    rows = [{"text": t} for t in _record_texts()]  # (one shape: no roles, every record compared)
    long = max(rows, key=lambda r: len(r["text"].split()))
    words = long["text"].split()
    rows.append(dict(long))
    rows.append({"text": " ".join(words[:-2] + ["changed"] + words[-1:])})
    out = tmp_path / "data.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return out


def _key(f):
    return (f.code, f.path, f.record, f.line, f.column, f.end_line, f.end_column, f.message,
            tuple((r.path, r.record, r.line) for r in f.related))


def test_findings_of_a_dataset_do_not_depend_on_the_batch_size(tmp_path, monkeypatch):
    data = _dataset(tmp_path)
    config = {"extend-select": ["D104", "D105", "D107"]}
    monkeypatch.setattr(engine, "MAP_BATCH", 1)
    one = sorted(map(_key, lint_paths([str(data)], config=config)))
    monkeypatch.setattr(engine, "MAP_BATCH", 7)  # (many batches, the last one short)
    seven = sorted(map(_key, lint_paths([str(data)], config=config)))
    monkeypatch.setattr(engine, "MAP_BATCH", 256)
    whole = sorted(map(_key, lint_paths([str(data)], config=config)))
    codes = {k[0] for k in one}
    assert "D107" in codes and codes & {"D104", "D105"}  # the planted copies are found
    assert one == seven == whole


class _Picky(CorpusRule):
    """Fails on one document (a test rule).

    What: nothing. Why: a test. Example: none. Fix safety: no fix.
    """

    code = "X901"
    name = "picky"
    family = "test"

    def collect(self, doc):
        if "boom" in doc.text:
            raise ValueError("no boom")
        return len(doc.text)


def test_a_rule_failing_in_a_batch_names_the_document():
    docs = [Document("a.jsonl#1", "fine"), Document("a.jsonl#2", "a boom here"), Document("a.jsonl#3", "ok")]
    rule = _Picky()
    assert _collect_many(_Picky(), [docs[0], docs[2]]) == [4, 2]
    with pytest.raises(RuleError, match=r"X901 .* failed on a.jsonl#2: ValueError: no boom"):
        _collect_many(rule, docs)
