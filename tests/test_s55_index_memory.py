"""What a first cached run holds beside its states (issue 14, target 1: 100 MB of text,
at most twice its size). Two kinds of per-word memory the corpus index's run kept:

* the dictionary verdicts found in the map waited in ``index.VerdictStore.new`` until the
  run ended (148 k words at 100 MB of Arabic news, ~30 MB): now written every
  ``VERDICT_FLUSH_WORDS``;
* the spelling table (``table._lang_table``), built 256 documents at a time into the
  index, asked ``backend.key`` of every chunk's words, which filled two lru caches
  (the back-end's and ``normalize.light_stem``'s) that the reduces then ran on top of:
  now ``key_once``.

Here: on real words (the seed articles, their one-letter slips) the store never holds a
flush's worth, the verdicts are in the index before the run ends and serve the next run
whole; a table built from real states fills no memo and equals one built through
``key``; and the seed corpus's report is byte for byte the same with a flush every few
words, cold and warm.
"""

from __future__ import annotations

import random
import shutil
import sqlite3

import regex

from corpuslint import cli
from corpuslint import index as index_module
from corpuslint.families.spelling import backends
from corpuslint.families.spelling import table as spell_table
from corpuslint.document import Document
from corpuslint.families.spelling import analysis
from corpuslint.families.spelling.analysis import analyse
from corpuslint.index import CorpusIndex, use_verdicts
from corpuslint.text import normalize

from .conftest import SAMPLES

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأؤئإآ"


def _seed_words() -> list[str]:
    return sorted({w for p in SAMPLES.glob("*.txt") for w in regex.findall(r"\p{Arabic}+", p.read_text("utf-8"))})


def _verdict_rows(cache: str) -> int:
    conn = sqlite3.connect(f"{cache}/corpus-index.sqlite3")
    try:
        return conn.execute("SELECT count(*) FROM verdicts").fetchone()[0]
    finally:
        conn.close()


def test_new_verdicts_are_written_every_flush_not_held_to_the_end(tmp_path, monkeypatch):
    cache = str(tmp_path / "cache")
    CorpusIndex(cache).open().close()
    rng = random.Random(5)
    words = rng.sample(_seed_words(), 50)
    words += [w[:-1] + rng.choice(LETTERS) for w in words[:30]]  # slips: verdicts of rejected words too
    monkeypatch.setattr(index_module, "VERDICT_FLUSH_WORDS", 7)
    with use_verdicts(cache) as store:
        first = backends.ArabicBackend()
        verdicts = []
        for word in words:
            verdicts.append(first.known(word))
            assert len(store.new) < 7
        written = _verdict_rows(cache)
        assert written >= len(set(words)) - 7  # (all but the last unflushed few, before the run ends)
    assert _verdict_rows(cache) >= len(set(words))
    assert False in verdicts and True in verdicts
    monkeypatch.undo()
    with use_verdicts(cache) as store:  # every verdict kept: no dictionary read at all
        again = backends.ArabicBackend()
        again.prepare(words)
        assert again._partial is None and [again.known(w) for w in words] == verdicts
        assert again._hs is None and store.hits >= len(set(words))


def test_the_spelling_table_asks_each_words_key_without_filling_a_memo():
    states = {p.name: analyse(Document(p.name, p.read_text("utf-8")), ("ar",)) for p in sorted(SAMPLES.glob("*.txt"))}
    backends.forget_key_memos()
    table = spell_table.of_documents(states.items())
    backend = backends.get_backend("ar")
    assert type(backend).key.cache_info().currsize == 0
    assert normalize.light_stem.cache_info().currsize == 0
    ar = table.langs["ar"]
    assert len(ar.vocab) > 1000
    # each word's key is the one ``key`` gives (the memoised call the table used before)
    assert [ar.keyl[k] for k in ar.word_key.tolist()] == [backend.key(w) for w in ar.vocab]
    backends.forget_key_memos()


def test_a_flush_every_few_words_gives_the_same_report_cold_and_warm(tmp_path, monkeypatch, capsys):
    reports = {}
    for flush in (10_000, 3):
        root = tmp_path / f"flush{flush}"
        shutil.copytree(SAMPLES, root)
        monkeypatch.chdir(root)
        monkeypatch.setattr(index_module, "VERDICT_FLUSH_WORDS", flush)
        for run in ("cold", "warm"):
            out = tmp_path / f"{flush}-{run}.json"  # (outside the project: not a file it checks)
            analysis.reset()  # (states and verdicts this process memoised earlier: asked again)
            backends.forget_map_memos()
            cli.main(["check", "--format", "json", "--exit-zero", "--jobs", "1", "-o", str(out), "."])
            reports[flush, run] = out.read_bytes()
        capsys.readouterr()
        assert _verdict_rows(str(root / ".corpuslint_cache")) > 1000
    assert len(set(reports.values())) == 1
    assert b'"S101"' in reports[3, "cold"]
