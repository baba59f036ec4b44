"""fresh32's D103 false alarms on contrast pairs, each on real text beside a true finding that stays.

- A negation in Vietnamese, Indonesian or Turkish (``meaning.NEGATIONS``: không, chưa, chẳng;
  tidak, bukan, belum; değil): LibreOffice's Vietnamese help "Nếu một phần tử … được chọn, …" /
  "Nếu không có phần tử nào được chọn, …" (if an element is selected / if none is) states two cases.
- A key chord against another key (``meaning.key_chords``): the Indonesian help's "Tab - putar
  semua tombol …" / "Shift+Tab - putar semua tombol … ke arah yang berlawanan" names two keys.
- A true restatement in Turkish stays: xgettext(1)'s "Çevirmenlerin … reddetmeleri beklenir,
  böylece paket sahipleri … yasal risk almadan … dağıtabilir" said again in the next sentence.

Sources: tests/data/realtext/SOURCE.md (section d103x44).
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text
from corpuslint.families.duplicate import meaning

DATA = Path(__file__).parent / "data" / "realtext"


def _d103(name: str) -> list[tuple[int, int]]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [(f.line, f.related[0].line) for f in lint_text(text, path=name, config={"select": ["D103"], "cache": False})]


def test_d103_a_vietnamese_if_not_pair_is_not_a_restatement():
    assert _d103("libreoffice-help-vi-data-labels.txt") == []
    lines = (DATA / "libreoffice-help-vi-data-labels.txt").read_text(encoding="utf-8").splitlines()
    first, second = lines[2].split(". ", 1)
    assert meaning.significant_change(first, second, paraphrase=True) == "negation"


def test_d103_negators_of_vietnamese_indonesian_and_turkish_are_known():
    for word in ("không", "chưa", "chẳng", "tidak", "bukan", "belum", "değil"):
        assert meaning.normalize.normalize_chars(word) in meaning.NEGATIONS
    # the Indonesian help's hyphenation page: "if text is selected / if no text is selected"
    assert meaning.significant_change(
        "Jika teks dipilih, dialog Hyphenation hanya berfungsi pada teks yang dipilih.",
        "Jika tidak ada teks yang dipilih, dialog Hyphenation berfungsi pada seluruh dokumen.",
        paraphrase=True) == "negation"


def test_d103_tab_and_shift_tab_are_two_keys():
    assert _d103("libreoffice-help-id-draft-keys.txt") == []
    lines = (DATA / "libreoffice-help-id-draft-keys.txt").read_text(encoding="utf-8").splitlines()
    assert meaning.significant_change(lines[3][2:], lines[4][2:], paraphrase=True) == "key 'shift+tab'"
    assert meaning.key_chords(lines[2]) == {"shift+f6": 1}


def test_key_chord_the_other_side_leaves_unnamed_is_no_contrast():
    # a restatement may drop the shortcut: only a chord against another key counts
    assert meaning._chord_change("Press Ctrl+S to save the document.", "Save the document often.") is None
    assert meaning._chord_change("Press Ctrl+S to save.", "Press Ctrl+S to save.") is None
    assert meaning._chord_change("Press Ctrl+S to save.", "Press Ctrl+Shift+S to save as.") == "key 'ctrl+s'"


def test_d103_a_turkish_restatement_stays():
    assert _d103("manpages-tr-xgettext-copyright.txt") == [(9, 8)]
