"""fresh34's bug 2 and false-alarm kinds, on a CJK documentation corpus (its report), one
section a rule. Real text: fresh34's files and records (tests/data/realtext/SOURCE.md, section
fresh34)."""

from __future__ import annotations

import json
from pathlib import Path

from corpuslint import lint_records, lint_text
from corpuslint.findings import Applicability

REAL = Path(__file__).parent / "data" / "realtext"


def _text(name: str) -> str:
    return (REAL / name).read_text(encoding="utf-8")


def _found(text: str, code: str, path: str = "page.txt") -> list[tuple[int, str]]:
    return sorted((f.line, f.message) for f in lint_text(text, path=path, config={"select": [code]}) if f.code == code)


# -- A107: a reference in the markup a page documents ----------------------------------------


def test_a107_fix_is_unsafe_for_a_reference_in_documented_markup():
    """man(7) in Chinese on ``.UN``: "转换为 HTML 后为： ``<A NAME="u" id="u">&nbsp;</A>`` (the
    ``&nbsp;`` is optional …)". Main's safe fix turned both references into U+00A0, so the page no
    longer showed the markup it documents: the reference inside the element, and the one the
    sentence names, are still reported, with an unsafe fix."""
    found = [f for f in lint_text(_text("manpages-zh-man7-url-macros.txt"), path="man.7.txt",
                                  config={"select": ["A107"]}) if f.code == "A107"]
    assert [(f.line, f.message) for f in found] == [(7, "HTML entity `&nbsp;` (decodes to U+00A0 no-break space)")] * 2
    assert [f.fix.applicability for f in found] == [Applicability.UNSAFE] * 2


def test_a107_fix_stays_safe_for_a_leftover_reference():
    """vmstat(8)'s author line, ``Henry Ware &lt;all72@yfn.ysu.edu&gt;完成`` (fresh34: true), on a
    line without markup: still a safe fix."""
    found = [f for f in lint_text(_text("manpages-zh-vmstat8-author.txt"), path="vmstat.8.txt",
                                  config={"select": ["A107"]}) if f.code == "A107"]
    assert len(found) == 2 and all(f.fix.applicability is Applicability.SAFE for f in found)
