"""A data file planned for the corpus index does not hold its mapped records (issue 14, target 1).

With the corpus index, a data file read as a stream small enough to keep rows
(``index.CHECKED_ROWS_MAX_BYTES``) is read whole and planned (``_RecordStream.planned``)
so that a warm run serves its records' stored states. Its list of documents was iterated
plainly, so every mapped record stayed alive with its cached views (regions, the rules'
weakly keyed memos) until the file's last record was mapped: 20 k generated pre-training
records (``benchmarks/bench_records.py --shape pretrain``) held 1.6 M more Python objects
at the map's end and peaked at ~340 MB RSS cold against ~130 MB without the index. The
records here are real: the Urdu Qur'an excerpt, Thai Firefox strings and the seed
articles' paragraphs.
"""

from __future__ import annotations

import gc
import weakref

from corpuslint import engine
from corpuslint.cli import main
from tests.test_s54_streamed_parallel import _folder


def test_a_planned_data_file_drops_each_record_once_it_is_mapped(tmp_path, monkeypatch):
    folder = _folder(tmp_path / "d")
    monkeypatch.setattr(engine, "STREAM_RECORD_BYTES", 0)  # (every data file a stream)
    monkeypatch.setattr(engine, "MAP_BATCH", 8)  # (many batches a file)
    monkeypatch.chdir(folder)
    seen: list[weakref.ref] = []
    alive_before: list[int] = []
    map_items = engine._map_items

    def watched(linter, batch, *args):
        gc.collect()
        alive_before.append(sum(ref() is not None for ref in seen))
        seen.extend(weakref.ref(doc) for doc in batch if isinstance(doc, engine.Document))
        return map_items(linter, batch, *args)

    monkeypatch.setattr(engine, "_map_items", watched)
    reports = []
    for run in ("cold", "warm"):
        out = tmp_path / f"{run}.json"
        seen.clear()
        alive_before.clear()
        assert main(["check", "--exit-zero", "--jobs", "1", "--format", "json", "-o", str(out), "."]) == 0
        reports.append(out.read_text(encoding="utf-8"))
        assert len(alive_before) > 20 and len(seen) > 200, run  # (the files' records, mapped 8 at a time)
        # before each batch, at most the batch before it is still referenced (the loop's name
        # for it); read whole and iterated plainly, every record mapped so far was
        assert max(alive_before) <= 8, (run, max(alive_before), len(seen))
    assert reports[0] == reports[1]
    assert '"code": "D107"' in reports[0]  # (the copied records are found with the planned files)


def test_handed_out_gives_the_list_in_order_and_empties_it():
    docs = [object() for _ in range(5)]
    want = list(docs)
    got = []
    for item in engine._handed_out(docs):
        got.append(item)
        assert len(docs) == 5 - len(got)  # (each item leaves the list as it is handed out)
    assert got == want and docs == []
