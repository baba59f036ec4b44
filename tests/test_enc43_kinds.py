"""Encoding kinds fresh30 met (enc43), each on real text: C1 control characters amid signs of
line noise are A109's, not A105's."""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text

REALTEXT = Path(__file__).parent / "data" / "realtext"
NO_CACHE = {"cache": False}


def a105(text: str, path: str = "page.txt") -> list:
    return [f for f in lint_text(text, path=path, config={"select": ["A105"], **NO_CACHE})]


# -- A105 and A109: C1 controls amid signs are line noise ---------------------------------------

def test_c1_controls_amid_signs_are_line_noise_not_mojibake():
    # fortunes-es informatica: a modem-noise joke, "vue$$@@!!\x91\x9c\x9c/!(*!3..."
    page = (REALTEXT / "fortunes-es-informatica-modem-noise.txt").read_text(encoding="utf-8")
    assert "!!\x91\x9c\x9c/!" in page
    found = [(f.code, f.line) for f in lint_text(page, path="informatica", config={"select": ["A105", "A109"], **NO_CACHE})]
    assert found == [("A109", 5)]


def test_cp1252_punctuation_read_as_latin1_is_still_mojibake():
    line = "Dijo \x93Hola\x94 y se fue \x96 r\u00e1pido\x85\n"
    found = a105(line)
    assert len(found) == 1 and "repairs to `“Hola” y se fue – rápido…`" in found[0].message
