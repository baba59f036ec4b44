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


# -- A106: markup a page shows as its example ------------------------------------------------


def test_a106_spares_markup_a_page_shows_as_its_example():
    """GIMP's Korean help on the Slice filter (the HTML table the filter writes, one tag or a
    cell a line, and a sentence on its ``<a href="#"> ... </a>`` stub), GNOME's Korean help on the
    server list (the XBEL file flattened onto the line after "…예제는 다음과 같습니다:"), lsblk(8)
    in Japanese (an escape's notation, ``\\x<code>``): main reported 64, 2 and 2 tags here."""
    assert _found(_text("gimp-help-ko-python-fu-slice.txt"), "A106") == []
    assert _found(_text("gnome-help-ko-network-server-list.txt"), "A106") == []
    assert _found(_text("manpages-ja-lsblk8-raw-escapes.txt"), "A106", "lsblk.8.txt") == []


def test_a106_still_reports_residue_in_those_pages():
    """A tag against the words of the Slice page's prose, and the page's paragraphs each
    wrapped in ``<p>`` (a line that opens and ends with tags but holds prose: residue, not an
    example), stay reported; so does a tag after a backslash once the text closes its element
    (``\\x<code>7f</code>``: markup, and the other ``\\x<code>`` with it)."""
    text = _text("gimp-help-ko-python-fu-slice.txt")
    glued = text.replace("simple and easy to use helper", "simple and <b>easy</b> to use helper")
    assert [f for f in _found(glued, "A106") if f[0] == 17] == [(17, "HTML markup `</b>`"), (17, "HTML markup `<b>`")]
    lines = text.split("\n")
    for i in (16, 18):  # (lines 17 and 19, the page's first two paragraphs)
        lines[i] = f"<p>{lines[i]}</p>"
    assert [f for f in _found("\n".join(lines), "A106") if f[0] in (17, 19)] == [
        (17, "HTML markup `</p>`"), (17, "HTML markup `<p>`"), (19, "HTML markup `</p>`"), (19, "HTML markup `<p>`")]
    closed = _text("manpages-ja-lsblk8-raw-escapes.txt").replace("(\\x<code>)", "(\\x<code>7f</code>)", 1)
    assert _found(closed, "A106", "lsblk.8.txt") == [
        (4, "HTML markup `</code>`"), (4, "HTML markup `<code>`"), (10, "HTML markup `<code>`")]


# -- A103: a man page's copyright notice, a DocBook cross-reference --------------------------


def test_a103_spares_a_man_pages_copyright_section_and_a_numbered_cross_reference():
    """perlfaq(7) in Chinese, "Author and Copyright Information" over the indented "Copyright
    (c) 1997-2003 Tom Christiansen …" and "All rights reserved." (a licence obliges a corpus to
    keep the notice); GIMP's Korean help, "See also 2절. “텍스트”" (DocBook's cross-reference to
    section 2, "Text"). Main reported both."""
    assert _found(_text("manpages-zh-perlfaq7-copyright.txt"), "A103", "perlfaq.7.txt") == []
    assert _found(_text("gimp-help-ko-tool-text-see-also.txt"), "A103") == []


def test_a103_still_reports_a_notice_or_a_read_also_outside_those_forms():
    """The notice at the margin (a web page's footer, no section it belongs to) and "See also"
    over a headline with a number and quotation marks but no numbered part stay reported."""
    text = _text("manpages-zh-perlfaq7-copyright.txt").replace("       All rights reserved.", "All rights reserved.")
    assert [line for line, _ in _found(text, "A103", "perlfaq.7.txt")] == [29]
    read_also = _text("gimp-help-ko-tool-text-see-also.txt").replace("2절. “텍스트”", "5 “tips” for fonts")
    assert [line for line, _ in _found(read_also, "A103")] == [8]


# -- A101: example values and a report's number ----------------------------------------------


def test_a101_spares_example_values_and_a_reports_number():
    """string(3tcl) in Chinese searches ``0a23456789abcdef`` (0-f, one digit changed),
    pg_resetxlog(1) names the WAL file ``000000FF0000003A`` (zero-padded numbers), groff_mdoc(7)
    in Japanese cites "Technical Report ABC-DE-12-345": main reported each."""
    assert _found(_text("manpages-zh-string3tcl-first.txt"), "A101", "string.3tcl.txt") == []
    assert _found(_text("manpages-zh-pg-resetxlog1-options.txt"), "A101", "pg_resetxlog.1.txt") == []
    assert _found(_text("manpages-ja-groff-mdoc7-citation.txt"), "A101", "groff_mdoc.7.txt") == []


def test_a101_still_reports_a_hash_or_a_uuid_piece_in_those_texts():
    """A random hash in place of the example string, and a UUID's groups (digits and letters
    mixed in a group) in place of the report's number, stay reported."""
    text = _text("manpages-zh-string3tcl-first.txt").replace("0a23456789abcdef", "e80c52986e1bb3af")
    assert [m for _, m in _found(text, "A101", "string.3tcl.txt")] == [
        "hex run (hash or object id) `e80c52986e1bb3af` inside text"]
    text = _text("manpages-ja-groff-mdoc7-citation.txt").replace("ABC-DE-12-345", "4a67b082-0a4c-41cf")
    assert [m for _, m in _found(text, "A101", "groff_mdoc.7.txt")] == ["hex/ID fragment `4a67b082-0a4c-41cf` inside text"]


# -- A111: the blank line of a debian/control field ------------------------------------------


def test_a111_spares_the_blank_line_of_a_control_files_description():
    """debian-reference in Chinese shows equivs' control paragraph (``Package: equivs`` /
    ``Priority: optional`` / ``Section: admin`` / ``Description: …`` / its lines, ``.`` between
    its paragraphs, the leading space lost): main reported both ``.`` lines."""
    records = [json.loads(line) for line in _text("debian-reference-zh-equivs-control.jsonl").splitlines()]
    assert [f for f in lint_records(records, config={"select": ["A111"]}) if f.code == "A111"] == []


def test_a111_still_reports_a_stray_full_stop_in_prose():
    """The same ``.`` under the record's prose paragraph, no field above it, stays reported."""
    records = [json.loads(line) for line in _text("debian-reference-zh-equivs-control.jsonl").splitlines()]
    text = records[0]["text"]
    end = text.index("\n\nPackage: equivs")  # the end of the paragraph before the fields
    stray = dict(records[0], text=text[:end] + "\n." + text[end:])
    found = [f for f in lint_records([stray], config={"select": ["A111"]}) if f.code == "A111"]
    assert [(f.line, f.message) for f in found if f.line == 6] == [(6, "line of symbols only `.`")]
