"""cpu19 (issue 14, target 2): S103 asks the dictionary nothing after S101 let it go.

S101's reduce drops the hunspell dictionaries (mem18: ~48 MB of C heap for Arabic); S103
then asked hunspell whether a rejected spelling with a hamza seat on an alef is a word
once written with a bare alef (``_alef_seat_only``), reading the Arabic dictionary again
(~1.3 s CPU, 10 MB of bench_scale text: 7 such words). S103 now asks those verdicts
(``_alef_seat_questions``, a superset) before the drop. Real excerpts: LibreOffice 7.4.7
and GTK 3 catalogues, as tests/test_spell18_kinds.py has them (sources there)."""

from __future__ import annotations

import gc

from corpuslint import lint_paths
from corpuslint.families.spelling import backends
from .test_spell18_kinds import AS_A_NAME, CURSORS, DIVISORS, PROFILES, WORDS, _po


def test_s103_after_s101_reads_the_dictionary_once_and_keeps_its_verdicts(tmp_path, monkeypatch):
    (tmp_path / "sc.po").write_text(_po(DIVISORS + CURSORS), encoding="utf-8")
    (tmp_path / "cui.po").write_text(_po(AS_A_NAME), encoding="utf-8")
    (tmp_path / "gtk30.po").write_text(_po(PROFILES), encoding="utf-8")
    (tmp_path / "ui.po").write_text(_po(WORDS), encoding="utf-8")
    reads = []
    real = backends._hunspell

    def counted(stem, packages, read=True):
        if read:
            reads.append(stem)
        return real(stem, packages, read)

    monkeypatch.setattr(backends, "_hunspell", counted)
    gc.collect()  # (rules of earlier tests still alive would keep S101 from dropping the dictionary)
    backends.forget_dictionaries()
    backends.forget_map_memos()
    findings = lint_paths([str(tmp_path)], config={"select": ["S101", "S103"], "cache": False})
    s103 = sorted((f.path.rsplit("/", 1)[-1], f.message.split("'")[1]) for f in findings if f.code == "S103")
    # كإسم (as a name: كاسم with a hamza on its alef) is still not paired with القاسم, its
    # verdict asked before S101 dropped the dictionary; the slip لاحة stays reported
    assert s103 == [("gtk30.po", "لاحة"), ("gtk30.po", "لاحة")]
    assert reads == ["ar"]  # lead: ["ar", "ar"] (read again for كاسم in S103's reduce)
