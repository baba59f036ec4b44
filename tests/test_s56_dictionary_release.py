"""The hunspell dictionary is not held where no rule asks it (issue 14, target 1: 100 MB
of text, at most twice its size).

* After the map of a large corpus (``backends.RELEASE_DICTIONARY_WORDS`` distinct words)
  the dictionaries go with the map's memos: the index's tables and the duplicate rules'
  reduces ran with the Arabic one held (~34 MB of C heap), which S101 asks again. S103's
  few questions (``prefetch_verdicts``) are then asked in S101's reduce, which reads it
  again anyway, not read a third time in S103's.
* The partial dictionary reader (``hunspell_index.PartialHunspell``), once it can load no
  more and the whole dictionary has been read, goes: its stems, lines and hunspell object
  were held from the map's first seconds to the run's end.

Here, on the seed articles and their words: the reports are byte for byte those of runs
that keep the dictionary, the reduces before S101 run without it, and S103's never
reads it; the exhausted reader goes and every verdict is the whole dictionary's.
"""

from __future__ import annotations

import gc
import random
import shutil

import regex

from corpuslint import cli, engine
from corpuslint.families.spelling import analysis, backends, hunspell_index
from corpuslint.index import CorpusIndex, use_verdicts

from .conftest import SAMPLES

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأؤئإآ"


def _seed_words() -> list[str]:
    return sorted({w for p in SAMPLES.glob("*.txt") for w in regex.findall(r"\p{Arabic}+", p.read_text("utf-8"))})


def _run(root, out, monkeypatch, threshold: int) -> tuple[bytes, dict, list]:
    """The seed corpus's report with ``--no-cache`` (the map reads the whole dictionary),
    whether the Arabic dictionary was held as each corpus rule's reduce began, and the
    reduce (or None: the map) in which each whole read happened."""
    monkeypatch.setattr(backends, "RELEASE_DICTIONARY_WORDS", threshold)
    held: dict[str, bool] = {}
    reads: list = []
    current = [None]
    reduce_rule, read_whole = engine.Linter._reduce_rule, hunspell_index.read_whole

    def one_reduce(self, rule, *a, **k):
        held[rule.code] = backends.get_backend("ar").dictionary_read
        current[0] = rule.code
        try:
            return reduce_rule(self, rule, *a, **k)
        finally:
            current[0] = None

    def counted_read(*a, **k):
        reads.append(current[0])
        return read_whole(*a, **k)

    monkeypatch.setattr(engine.Linter, "_reduce_rule", one_reduce)
    monkeypatch.setattr(hunspell_index, "read_whole", counted_read)
    gc.collect()  # (rules of earlier tests still alive would change what S101's reduce lets go)
    analysis.reset()
    backends.forget_map_memos()
    backends.forget_dictionaries()  # (what earlier tests in this process read: read again here)
    cli.main(["check", "--format", "json", "--exit-zero", "--no-cache", "--jobs", "1", "-o", str(out), str(root)])
    monkeypatch.setattr(engine.Linter, "_reduce_rule", reduce_rule)
    monkeypatch.setattr(hunspell_index, "read_whole", read_whole)
    return out.read_bytes(), held, reads


def test_a_large_maps_dictionary_goes_with_its_memos_and_the_report_is_the_same(tmp_path, monkeypatch, capsys):
    root = tmp_path / "corpus"
    shutil.copytree(SAMPLES, root)
    kept, held_kept, reads_kept = _run(root, tmp_path / "kept.json", monkeypatch, 10**9)
    let_go, held_let_go, reads_let_go = _run(root, tmp_path / "let-go.json", monkeypatch, 10)
    capsys.readouterr()
    assert b'"S101"' in kept and b'"S103"' in kept
    assert let_go == kept
    # kept: every reduce up to S101's began with the dictionary the map read; let go: none
    assert all(held_kept[code] for code in ("D104", "D105", "D106", "D107", "S101"))
    assert not any(held_let_go[code] for code in ("D104", "D105", "D106", "D107", "S101")), held_let_go
    # read in the map, then once more in S101's reduce (S103's questions asked there), never in S103's
    assert reads_kept.count(None) == 1 and reads_let_go.count(None) == 1
    assert reads_let_go.count("S101") == reads_kept.count("S101") + 1
    assert "S103" not in reads_let_go and "S103" not in reads_kept


def test_an_exhausted_partial_reader_goes_when_the_whole_dictionary_is_read(tmp_path, monkeypatch):
    cache = str(tmp_path / "cache")
    CorpusIndex(cache).open().close()
    rng = random.Random(3)
    words = rng.sample(_seed_words(), 40)
    words += [w[:-1] + rng.choice(LETTERS) for w in words[:20]]  # slips: rejected words too
    whole = backends.ArabicBackend()  # (no verdict store: the whole dictionary answers)
    expected = [whole.spell(w) for w in words]
    assert False in expected and True in expected
    monkeypatch.setattr(hunspell_index, "MAX_LOADS", 3)
    with use_verdicts(cache):
        b = backends.ArabicBackend()
        got, partial_seen = [], False
        for word in words:
            got.append(b.spell(word))  # one word a load: the fourth word not yet loaded reads it all
            partial_seen |= bool(b._partial)
            if b.dictionary_read:
                assert b._partial is False  # (exhausted: it goes with what it loaded)
        assert partial_seen and b.dictionary_read
    assert got == expected
    b.release_dictionary()
    assert b.dictionary_dropped and not b.dictionary_read
    with use_verdicts(str(tmp_path / "other")):  # later questions: the whole dictionary again
        assert [b.spell(w) for w in words[-5:]] == expected[-5:] and b.dictionary_read


def test_s103s_questions_are_asked_in_s101s_reduce_when_the_map_let_the_dictionary_go(tmp_path, monkeypatch):
    """The catalogue excerpts of test_cpu19_fast_paths (كإسم, a hamza seat on an alef: its
    bare-alef spelling is asked, ``_alef_seat_questions``): with the dictionary let go after
    the map, S101 reads it again and asks S103's question there; S103 reads nothing."""
    from corpuslint import lint_paths

    from .test_spell18_kinds import AS_A_NAME, CURSORS, DIVISORS, PROFILES, WORDS, _po

    (tmp_path / "sc.po").write_text(_po(DIVISORS + CURSORS), encoding="utf-8")
    (tmp_path / "cui.po").write_text(_po(AS_A_NAME), encoding="utf-8")
    (tmp_path / "gtk30.po").write_text(_po(PROFILES), encoding="utf-8")
    (tmp_path / "ui.po").write_text(_po(WORDS), encoding="utf-8")
    reads, current = [], [None]
    real, reduce_rule = backends._hunspell, engine.Linter._reduce_rule

    def counted(stem, packages, read=True):
        if read:
            reads.append(current[0])
        return real(stem, packages, read)

    def one_reduce(self, rule, *a, **k):
        current[0] = rule.code
        try:
            return reduce_rule(self, rule, *a, **k)
        finally:
            current[0] = None

    monkeypatch.setattr(backends, "_hunspell", counted)
    monkeypatch.setattr(engine.Linter, "_reduce_rule", one_reduce)
    found = {}
    for threshold in (10**9, 10):
        monkeypatch.setattr(backends, "RELEASE_DICTIONARY_WORDS", threshold)
        reads.clear()
        gc.collect()  # (rules of earlier tests still alive would keep S101 from dropping the dictionary)
        backends.forget_dictionaries()
        backends.forget_map_memos()
        findings = lint_paths([str(tmp_path)], config={"select": ["S101", "S103"], "cache": False})
        found[threshold] = sorted((f.path, f.code, f.start, f.message) for f in findings)
        assert "S103" not in reads, (threshold, reads)
        assert reads == ([None] if threshold > 10 else [None, "S101"])
    assert found[10] == found[10**9]
    assert [m.split("'")[1] for _, code, _, m in found[10] if code == "S103"] == ["لاحة", "لاحة"]
    # what that run let go is not the next run's: its rules start with no drop (else S103's
    # questions would have a warm run read the dictionary for them)
    ar = backends.get_backend("ar")
    assert ar.dictionary_dropped
    english = tmp_path / "english" / "note.txt"  # (no Arabic word: its dictionary is neither read nor let go)
    english.parent.mkdir()
    english.write_text("The catalogue was updated twice before the release.\n", encoding="utf-8")
    reads.clear()
    lint_paths([str(english.parent)], config={"select": ["S101", "S103"], "cache": False})
    assert reads == [] and not ar.dictionary_dropped
