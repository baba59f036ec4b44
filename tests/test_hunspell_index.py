"""Hunspell verdicts from only the dictionary lines a word needs (families/spelling/
hunspell_index.py) equal the whole dictionary's: on every word of the Arabic seed
articles, on one-letter slips of them, and on words built at random from the .aff's
own affixes (hypothesis)."""

from __future__ import annotations

import random
import sqlite3

import hunspell
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuslint.families.spelling import hunspell_index
from corpuslint.families.spelling.backends import _find_dictionary

from .conftest import SAMPLES

AR_DIR, _ = _find_dictionary("ar", ())
AFF, DIC = f"{AR_DIR}/ar.aff", f"{AR_DIR}/ar.dic"
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأؤئإآ"


@pytest.fixture(scope="module")
def full():
    return hunspell.Hunspell("ar", hunspell_data_dir=AR_DIR)


@pytest.fixture(scope="module")
def reversal():
    return hunspell_index.AffixReversal(AFF)


@pytest.fixture(scope="module")
def index(tmp_path_factory, reversal):
    idx = hunspell_index.StemIndex(str(tmp_path_factory.mktemp("stems")), DIC, AFF)
    idx.build(reversal.ignore)
    assert idx.exists()
    return idx


def _seed_words() -> list[str]:
    words = set()
    for path in sorted(SAMPLES.glob("*.txt")):
        words.update(regex.findall(r"[\u0621-\u064A]{2,}", path.read_text(encoding="utf-8")))
    return sorted(words)


def _same(words, full, reversal, index, batch=400) -> int:
    """Asserts the partial verdicts equal the full ones; returns how many were accepted."""
    accepted = 0
    for i in range(0, len(words), batch):
        part = hunspell_index.PartialHunspell(AFF, reversal, index)
        assert part.prepare(words[i: i + batch])
        for w in words[i: i + batch]:
            assert part.spell(w) == full.spell(w), w
            accepted += part.spell(w)
    return accepted


def test_the_arabic_aff_is_usable_and_the_stem_index_holds_every_dic_line(reversal, index):
    assert reversal.usable and reversal.ignore and len(reversal.suffixes) > 100
    with open(DIC, encoding="utf-8") as fh:
        next(fh)
        want = sorted((s, line) for line in fh.read().splitlines() if (s := hunspell_index.dic_stem(line, reversal.ignore)))
    conn = sqlite3.connect(index.path)
    try:
        assert sorted(conn.execute("SELECT stem, line FROM lines")) == want
    finally:
        conn.close()


def test_the_stem_index_is_written_without_a_list_of_every_row(tmp_path, reversal):
    # rows go to SQLite as they are made: the Arabic .dic's 466 k (stem, line) rows as
    # one list held ~170 MB (a first run with the cache peaked there); what stays is
    # the file's text and bytes (~2x its size)
    import os
    import tracemalloc

    tracemalloc.start()
    try:
        hunspell_index.StemIndex(str(tmp_path), DIC, AFF).build(reversal.ignore)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 6 * os.path.getsize(DIC)
    conn = sqlite3.connect(next(tmp_path.glob("hunspell-ar-*.sqlite3")))
    try:
        assert conn.execute("SELECT count(*) FROM lines").fetchone()[0] > 400_000
    finally:
        conn.close()


def test_seed_words_and_their_slips_get_the_whole_dictionary_verdict(full, reversal, index):
    words = _seed_words()
    rng = random.Random(14)
    slips = []
    for w in words:
        i = rng.randrange(len(w))
        slips.append(w[:i] + rng.choice(LETTERS) + w[i + 1:])
    assert len(words) > 1000
    accepted = _same(words + slips, full, reversal, index)
    assert len(words) // 2 < accepted < len(words) + len(slips)  # both verdicts occur


def _affixed(reversal):
    prefixes = sorted(a for a in reversal.prefixes if a.isalpha())
    suffixes = sorted(a for a in reversal.suffixes if a.isalpha())
    core = st.text(alphabet=LETTERS, min_size=2, max_size=6)
    return st.tuples(st.lists(st.sampled_from(prefixes), max_size=2), core,
                     st.lists(st.sampled_from(suffixes), max_size=2)).map(
        lambda t: "".join(t[0]) + t[1] + "".join(t[2]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_words_built_from_the_affixes_get_the_whole_dictionary_verdict(data, full, reversal, index):
    seeds = _seed_words()
    words = data.draw(st.lists(st.one_of(_affixed(reversal), st.sampled_from(seeds).flatmap(
        lambda w: st.sampled_from(sorted(a for a in reversal.prefixes if a.isalpha())).map(lambda p: p + w))), min_size=1, max_size=8))
    part = hunspell_index.PartialHunspell(AFF, reversal, index)
    for w in words:  # one word at a time: each new stem set is a new load
        assert part.spell(w) == full.spell(w), w


def test_what_it_cannot_tell_is_left_to_the_whole_dictionary(tmp_path, reversal, index):
    part = hunspell_index.PartialHunspell(AFF, reversal, index)
    assert part.spell("كتاب-الطالب") is None and part.spell("abc") is None and part.spell("كتاب٣") is None
    en_dir, _ = _find_dictionary("en_US", ("hunspell",))
    assert not hunspell_index.AffixReversal(f"{en_dir}/en_US.aff").usable  # compounding
    latin1 = tmp_path / "x.aff"
    latin1.write_text("SFX A Y 1\nSFX A 0 s .\n", encoding="utf-8")  # no SET: ISO 8859-1
    assert not hunspell_index.AffixReversal(str(latin1)).usable
    budget = hunspell_index.PartialHunspell(AFF, reversal, index)
    budget.loads = hunspell_index.MAX_LOADS
    assert budget.spell("كتابب") is None


def test_a_partial_load_that_cannot_write_its_files_leaves_the_word_to_the_whole_dictionary(monkeypatch, reversal, index):
    def no_symlink(*_args):
        raise PermissionError("symlinks are not allowed here")

    def no_folder(*_args, **_kwargs):
        raise PermissionError("no temporary folder here")

    # (the Arabic .aff is written, its IGNORE line moved: no symlink needed; an .aff that
    # cannot be moved is linked)
    monkeypatch.setattr(hunspell_index.os, "symlink", no_symlink)
    part = hunspell_index.PartialHunspell(AFF, reversal, index)
    assert part._moved is not None and part.spell("كتاب") is True
    part._moved = None
    assert part.spell("كتابهم") is None and part.loads == hunspell_index.MAX_LOADS
    monkeypatch.setattr(hunspell_index.tempfile, "TemporaryDirectory", no_folder)
    part = hunspell_index.PartialHunspell(AFF, reversal, index)
    assert part.spell("كتاب") is None and part.loads == hunspell_index.MAX_LOADS


# -- what else the pre-commit run reads from the cache instead of recomputing -------------

def test_function_words_are_kept_in_the_corpus_index(tmp_path, monkeypatch):
    from corpuslint.families.spelling.backends import ArabicBackend
    from corpuslint.index import CorpusIndex, use_verdicts

    cache = str(tmp_path / "cache")
    CorpusIndex(cache).open().close()
    with use_verdicts(cache):
        computed = ArabicBackend().function_words
    assert len(computed) > 1000 and "في" in computed

    def no_library(self):
        raise AssertionError("the stop-word library was read although the index holds the keys")

    monkeypatch.setattr(ArabicBackend, "function_word_source", no_library)
    with use_verdicts(cache):
        assert ArabicBackend().function_words == computed
    conn = sqlite3.connect(f"{cache}/corpus-index.sqlite3")
    with conn:
        conn.execute("UPDATE backend_words SET words = '{\"not\": \"a list\"}'")  # damaged: recomputed
    conn.close()
    monkeypatch.undo()
    with use_verdicts(cache):
        assert ArabicBackend().function_words == computed
    with use_verdicts(None):  # no index: computed as before
        assert ArabicBackend().function_words == computed


def test_a_documents_new_words_are_read_in_one_load_and_known_as_with_the_whole_dictionary(tmp_path):
    from corpuslint.families.spelling.backends import ArabicBackend
    from corpuslint.index import CorpusIndex, use_verdicts

    cache = str(tmp_path / "cache")
    CorpusIndex(cache).open().close()
    rng = random.Random(3)
    words = rng.sample(_seed_words(), 60)
    words += [w[:-1] + rng.choice(LETTERS) for w in words[:40]]
    with use_verdicts(cache):
        partial = ArabicBackend()
        partial.prepare(words)
        assert partial._partial.loads == 1 and partial._hs is None
        verdicts = [partial.known(w) for w in words]  # retries (hamza seats, و/ف) may read a few more lines
        assert partial._hs is None and partial._partial.loads < hunspell_index.MAX_LOADS
    with use_verdicts(None):
        whole = ArabicBackend()
        assert [whole.known(w) for w in words] == verdicts
        assert whole._hs is not None
    with use_verdicts(cache):  # the verdicts were kept: nothing is read at all
        again = ArabicBackend()
        again.prepare(words)
        assert again._partial is None and [again.known(w) for w in words] == verdicts
