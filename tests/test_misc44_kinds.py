"""misc44: fresh31's kinds on LibreOffice help (el, km, hi) and UDHR texts, each on real text.

W112 with `flag-zwj` / `flag-zwnj` (fresh31 bug 6): a joiner right after a virama is the word's
spelling (Sinhala yansaya ``ප්\u200dර``, Malayalam chillu ``ന്\u200d``, Marathi eyelash ra
``र्\u200d``; the Unicode Standard ch. 12-13, RFC 5892 A.1/A.2), never reported; a joiner
anywhere else still is when the option asks.
"""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text

REALTEXT = Path(__file__).parent / "data" / "realtext"
UDHR_JOINERS = (REALTEXT / "udhr-joiners-after-virama.txt").read_text(encoding="utf-8")
FIREFOX_KN_ZWJ = (REALTEXT / "firefox-kn-stray-zwj.txt").read_text(encoding="utf-8")
FLAG_JOINERS = {"W112": {"flag-zwj": True, "flag-zwnj": True}}


def _found(code: str, text: str, path: str = "a.txt", rules=None) -> list:
    return lint_text(text, path=path, config={"select": [code], "cache": False, "rules": rules or {}})


def test_w112_flag_zwj_spares_the_joiners_after_a_virama_in_sinhala_malayalam_marathi():
    assert UDHR_JOINERS.count("\u200d") == 19
    assert all(UDHR_JOINERS[i - 1] in "\u0dca\u0d4d\u094d" for i, c in enumerate(UDHR_JOINERS) if c == "\u200d")
    assert _found("W112", UDHR_JOINERS, rules=FLAG_JOINERS) == []
    # one line at a time too (no document-wide grouping hides them)
    for line in UDHR_JOINERS.splitlines():
        assert _found("W112", line + "\n", rules=FLAG_JOINERS) == [], line


def test_w112_flag_zwj_still_reports_a_joiner_not_after_a_virama():
    # Firefox 153 kn strings (MPL-2.0): ZWJ after a vowel sign or a letter
    found = _found("W112", FIREFOX_KN_ZWJ, rules=FLAG_JOINERS)
    assert [(f.line, f.column) for f in found] == [(1, 21), (2, 6), (3, 8)]
    assert all("U+200D" in f.message for f in found)
    # a second joiner after the one a virama takes is reported, the first kept
    (f,) = _found("W112", "ക്\u200d\u200dവ\n", rules=FLAG_JOINERS)
    assert f.column == 4
    # off by default: nothing
    assert _found("W112", FIREFOX_KN_ZWJ) == []
