"""D104's map made cheaper (issue 14, target 7), with the same findings:

* ``units.letter_hashes`` writes each word's separator where it lies (no scatter) and hashes
  each paragraph's UTF-32 bytes in place (no decode and encode a paragraph): every
  paragraph of every committed real text gets its definition's hashes, and an edition
  pointed and unpointed still differs in marks alone while a copy re-encoded to NFD does not;
* ``codepoints.name_hints`` tells ``meaning.name_free`` when a text holds no character of a
  spaceless script, sparing ``tokens.has_spaceless``' scan: the same answer on real text;
* the reduce gives back the pages of file mappings only: an array in memory is not walked
  (``_PageRelease``, ``_gather``), a spilled column still is.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np

from corpuslint.arrays import file_mapping_root
from corpuslint.families.duplicate import codepoints as CP
from corpuslint.families.duplicate import meaning
from corpuslint.families.duplicate import units as U
from corpuslint.families.duplicate.corpus import _PageRelease
from corpuslint.store import StateSpill
from corpuslint.text import tokens as T

from .test_dup20_fast_paths import _letter_hashes_by_definition, _paragraph_spans

REAL = Path(__file__).parent / "data" / "realtext"
TEXTS = sorted(p for p in REAL.rglob("*") if p.is_file() and p.suffix in {".txt", ".md", ".rst", ".text", ""})


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "surrogateescape")


def test_there_are_real_texts_in_many_scripts():
    scripts = {name for p in TEXTS for name, probe in (("arabic", "\u0627"), ("hebrew", "\u05d0"), ("han", "\u4e00-\u9fff"),
                                                       ("cyrillic", "\u0430"), ("thai", "\u0e01"))
               if any(c in _read(p) for c in probe)}
    assert len(TEXTS) >= 40 and {"arabic", "hebrew"} <= scripts


def test_letter_hashes_of_every_real_text_paragraph_are_their_definition():
    checked = marked_apart = 0
    for path in TEXTS:
        text = _read(path)
        spans = _paragraph_spans(text)
        if not spans:
            continue
        got = [tuple(r) for r in U.letter_hashes(text, spans).tolist()]
        assert got == _letter_hashes_by_definition(text, spans), path.name
        checked += len(spans)
        marked_apart += sum(bare != marked for bare, marked in got)
    assert checked > 1000 and marked_apart > 50  # (pointed Hebrew, vocalised Arabic: marks count apart)


def test_an_unpointed_edition_shares_its_bare_letters_and_a_nfd_copy_both():
    pointed = "בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ׃"
    unpointed = "".join(c for c in unicodedata.normalize("NFD", pointed) if not unicodedata.combining(c))
    arabic = "بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ١"
    bare_arabic = "بسم ٱلله ٱلرحمن ٱلرحيم"
    text = "\n\n".join([pointed, unpointed, unicodedata.normalize("NFD", pointed), arabic, bare_arabic, "  ١٢ ."])
    h = U.letter_hashes(text, _paragraph_spans(text))
    assert h[0, 0] == h[1, 0] and h[0, 1] != h[1, 1]  # another edition: the same letters, other marks
    assert (h[0] == h[2]).all()  # the same text in NFD
    assert h[3, 0] == h[4, 0] and h[3, 1] != h[4, 1]  # a verse number and the harakat count in neither
    assert h[5, 0] == h[5, 1] != h[4, 0]  # no letter at all: the hash of nothing, not of another paragraph


def test_name_hints_spare_the_spaceless_scan_and_keep_the_answer():
    for path in TEXTS:
        text = _read(path)
        hints = CP.name_hints(CP.scan(text)[1])
        assert meaning.name_free(text, hints) == meaning.name_free(text), path.name
        if not hints[2]:
            assert not T.has_spaceless(text), path.name
    assert CP.name_hints(CP.scan("中文 text")[1])[2] and CP.name_hints(CP.scan("\U00020000")[1])[2]
    assert not CP.name_hints(CP.scan("نص عربي Text 12")[1])[2]
    assert not meaning.name_free("日本語の word です", CP.name_hints(CP.scan("日本語の word です")[1]))


def test_pages_are_given_back_for_file_mappings_only():
    own = {f"d{k}": {"sets": np.arange(k, k + 50, dtype=np.uint32)} for k in range(5)}
    assert all(file_mapping_root(st["sets"]) is None for st in own.values())
    assert _PageRelease({"sets": np.arange(10, dtype=np.uint32)}, own, ("sets",)).arrays == []
    spill = StateSpill()
    try:
        mapped = spill.get_many([spill.put({"sets": np.arange(k, k + 50_000, dtype=np.uint32)}, "G") for k in range(4)])
        roots = {id(file_mapping_root(st["sets"])) for st in mapped}
        assert len(roots) == 1 and all(file_mapping_root(st["sets"]) is not None for st in mapped)
        states = {**own, **{f"m{k}": st for k, st in enumerate(mapped)}}
        release = _PageRelease({}, states, ("sets",))
        assert len(release.arrays) == 1 and id(file_mapping_root(release.arrays[0])) in roots
        release.done()  # (pages given back: the values read again from the file)
        assert [int(st["sets"][-1]) for st in mapped] == [k + 49_999 for k in range(4)]
    finally:
        spill.close()
