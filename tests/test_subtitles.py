"""Subtitle files (.srt, .vtt) read with their structure (corpuslint.subtitles): the
format's lines and tags are markup, caption text is prose. Real samples of webvtt-py
0.6.0's test data (MIT; see tests/data/realtext/SOURCE.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import lint_paths, lint_text
from corpuslint.document import Document
from corpuslint.subtitles import Problem, parse

from .conftest import run_cli, run_json

DATA = Path(__file__).parent / "data" / "realtext"
NETFLIX = (DATA / "webvtt-netflix-excerpt.vtt").read_text(encoding="utf-8")
COMMENTS = (DATA / "webvtt-comments.vtt").read_text(encoding="utf-8")
IDS = (DATA / "webvtt-non-padded-ids.vtt").read_text(encoding="utf-8")
COLOURS_VTT = (DATA / "webvtt-styles-colours.vtt").read_text(encoding="utf-8")
COLOURS_SRT = (DATA / "webvtt-styles-colours.srt").read_text(encoding="utf-8")
MISSING = (DATA / "webvtt-missing-timeframe.srt").read_text(encoding="utf-8")
YOUTUBE = (DATA / "webvtt-youtube-dl.vtt").read_text(encoding="utf-8")


def _kinds(text: str, path: str) -> dict[str, str]:
    """line text -> its line kind."""
    doc = Document(path, text)
    return {doc.line_text(line): kind for line, kind in zip(doc.lines, doc.line_kinds)}


def _spans(text: str, path: str) -> list[tuple[str, str]]:
    return [(r.kind, text[r.start : r.end]) for r in Document(path, text).regions]


def _codes(findings, code: str) -> list:
    return [f for f in findings if f.code == code]


def test_vtt_lines_are_markup_and_caption_text_prose():
    kinds = _kinds(NETFLIX, "a.vtt")
    timing = "00:00:07.960 --> 00:00:09.480  position:50.00%,middle  align:middle size:80.00%  line:84.67% "
    assert kinds["WEBVTT"] == "markup"
    assert kinds["NOTE Segment=597.080 20887@419 153"] == "markup"
    assert kinds["1"] == "markup"
    assert kinds[timing] == "markup"
    assert kinds["[Alba] <i>En 1928,</i>"] == "prose"
    spans = _spans(NETFLIX, "a.vtt")
    assert ("markup", "<i>") in spans and ("markup", "</i>") in spans
    assert ("prose", "En 1928,") in spans
    kinds = _kinds(IDS, "b.vtt")
    assert kinds["6e2b1f0c-0d3a-4c1e-9a7b-2f5d8e1c4a90/12-0"] == "markup"
    assert kinds["0:0:3.540 --> 0:0:7.23"] == "markup"
    assert ("markup", "<v Jane Doe>") in _spans(IDS, "b.vtt")
    kinds = _kinds(COLOURS_VTT, "c.vtt")
    assert kinds["STYLE"] == kinds["::cue(.magenta) {"] == kinds["sub2"] == "markup"
    assert ("markup", "<c.magenta.bg_black>") in _spans(COLOURS_VTT, "c.vtt")
    assert ("markup", "<i.blue>") in _spans(COLOURS_VTT, "c.vtt")
    srt = _spans(COLOURS_SRT, "c.srt")
    assert ("markup", '<font color="#ff00ff">') in srt and ("prose", "Musique douce") in srt
    assert _kinds(COLOURS_SRT, "c.srt")["00:00:07,120 --> 00:00:09,480"] == "markup"
    # a .txt of the same text is plain text: no markup
    assert "markup" not in {k for k, _ in _spans(NETFLIX, "a.txt")}


def test_the_format_is_not_reported_and_caption_text_still_is():
    found = lint_text(NETFLIX, path="netflix.vtt")
    assert not _codes(found, "W101")  # lead: 3 (every timing line ends "line:84.67% ")
    assert not _codes(found, "A106")  # lead: 8 (<i> </i>)
    assert not _codes(found, "A101")
    # lines of spaces between the header and the first cue are still W104's (a safe fix empties them)
    padding = [i for i, ln in enumerate(NETFLIX.splitlines(), 1) if ln and not ln.strip()]
    assert [f.line for f in _codes(found, "W104")] == padding == [16, 18]
    found = lint_text(IDS, path="ids.vtt")
    assert not _codes(found, "A101")  # lead: 3 (cue identifiers)
    assert not _codes(found, "A106")
    # a trailing space inside a caption line is text: reported
    found = lint_text(COMMENTS, path="comments.vtt")
    (w101,) = _codes(found, "W101")
    assert (w101.line, COMMENTS.splitlines()[w101.line - 1]) == (15, "- Det smakar som te.  ")
    # a doubled word in a caption (the Netflix cue with "mujeres" doubled) is reported
    doubled = NETFLIX.replace("<i>las mujeres éramos</i>", "<i>las mujeres mujeres éramos</i>")
    found = lint_text(doubled, path="netflix.vtt")
    (s104,) = _codes(found, "S104")
    assert doubled.splitlines()[s104.line - 1] == "<i>las mujeres mujeres éramos</i>"
    # and a stray tag that is not subtitle markup is still HTML left in the text
    stray = COMMENTS.replace("- Ta en kopp", "- Ta en <p>kopp", 1)
    assert [f.line for f in _codes(lint_text(stray, path="comments.vtt"), "A106")] == [9]


def test_quality_rules_measure_caption_text():
    found = lint_text(COMMENTS, path="comments.vtt")
    assert not _codes(found, "Q109")  # lead (as .txt): "- " opens every speaker's line
    (q108,) = _codes(found, "Q108")  # the measure is the caption text's, shown on its first line
    assert COMMENTS.splitlines()[q108.line - 1] == "- Ta en kopp varmt te." and "word count 20" in q108.message
    # read as plain text, timing lines and NOTE lines were measured as text
    assert {f.code for f in lint_text(NETFLIX, path="n.txt")} >= {"Q104", "Q111"}
    assert not {f.code for f in lint_text(NETFLIX, path="n.vtt")} & {"Q105", "Q111"}


def test_byte_order_mark_and_crlf():
    for text, path in (("\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nHello there\r\n", "b.srt"),
                       ("\ufeff00:00:01,000 --> 00:00:02,000\r\nHello there\r\n", "b.srt"),
                       ("\ufeffWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHello there\r\n", "b.vtt")):
        regions = parse(text, path[-4:])
        assert not isinstance(regions, Problem), path
        assert [text[r.start : r.end] for r in regions if r.kind == "prose"] == ["Hello there"]
        codes = [f.code for f in lint_text(text, path=path)]
        assert "W110" in codes and "F009" not in codes


def test_a_timing_line_after_caption_text_starts_a_cue_as_webvtt_reads_it():
    assert not isinstance(parse(YOUTUBE, ".vtt"), Problem)
    kinds = _kinds(YOUTUBE, "y.vtt")
    assert kinds["00:05:04.080 --> 00:05:05.069 align:start position:0%"] == "markup"
    assert kinds["<c.colorCCCCCC>what</c>"] == "prose"
    assert not _codes(lint_text(YOUTUBE, path="y.vtt"), "F009")


def test_malformed_subtitles_are_plain_text_with_one_finding():
    found = lint_text(MISSING, path="missing.srt")
    (f009,) = _codes(found, "F009")
    assert f009.line == 5 and "no timing line" in f009.message
    assert "markup" not in {k for k, _ in _spans(MISSING, "missing.srt")}
    no_header = COMMENTS.replace("WEBVTT - Translation of that film I like\n", "")
    (f009,) = _codes(lint_text(no_header, path="x.vtt"), "F009")
    assert f009.line == 2 and "WEBVTT" in f009.message  # (line 1 is now blank)
    bad_time = COLOURS_SRT.replace("00:00:09,720 --> 00:00:29,520", "00:00:09,720 --> 00:00:29:520")
    assert [f.line for f in _codes(lint_text(bad_time, path="x.srt"), "F009")] == [5]
    for text in ("", "\ufeff", "WEBVTT", "1\n", "-->\n\n-->", "\n\n\n", "WEBVTT\n\nNOTE"):
        for suffix in (".srt", ".vtt"):
            lint_text(text, path=f"x{suffix}")  # no traceback
    assert not _codes(lint_text("WEBVTT\n\nNOTE only a note\n", path="x.vtt"), "F009")


def test_html_entity_escaping_markup_is_not_decoded_safely():
    (a107,) = _codes(lint_text(COLOURS_SRT, path="c.srt"), "A107")
    assert a107.line == 11 and a107.fix.applicability.value == "unsafe"
    # WebVTT cue text must escape < and &: the format's references, not leftovers
    assert not _codes(lint_text(COLOURS_VTT, path="c.vtt"), "A107")
    (a107,) = _codes(lint_text(COLOURS_VTT, path="c.txt"), "A107")  # the same text as plain text
    assert a107.line == 46 and a107.fix.applicability.value == "unsafe"
    # plain text without tags: the safe fix stays
    (a107,) = _codes(lint_text("By the way, 2 &lt; 3 !\n", path="x.txt"), "A107")
    assert a107.fix.applicability.value == "safe"
    (a107,) = _codes(lint_text("Le café &eacute; noir <b>fort</b>\n", path="x.txt"), "A107")
    assert a107.fix.applicability.value == "safe"  # é is no markup syntax
    (a107,) = _codes(lint_text("A <b>bold</b> claim: 2 &lt; 3.\n", path="x.txt"), "A107")
    assert a107.fix.applicability.value == "unsafe"
    # Markdown: a reference is CommonMark's own (fixa18); one escaped twice is reported, unsafe:
    # decoded, `&amp;amp;` would turn into `&amp;`, which Markdown reads as `&`
    assert not _codes(lint_text("Fish &amp; chips.\n", path="x.md"), "A107")
    (a107,) = _codes(lint_text("Fish &amp;amp; chips.\n", path="x.md"), "A107")
    assert a107.fix.applicability.value == "unsafe"


def test_an_entity_shown_in_a_text_about_entities_is_a_mention():
    # asosoft 0.2.0's README (line 145), which documents its entity replacement
    line = ('`ReplaceHtmlEntity` replaces HTML Entities with single Unicode characters (e.g. "&eacute;" with "é"). '
            "It is useful in web crawled corpora.\n")
    assert not _codes(lint_text(line, path="asosoft.md"), "A107")
    # a leftover next to words is still reported, on the same kind of line
    # (as plain text: in Markdown a reference is CommonMark's own source, fixa18)
    (a107,) = _codes(lint_text("HTML entities like caf&eacute; are left.\n", path="x.txt"), "A107")
    assert a107.column == 23


def test_subtitles_are_walked_by_default_and_fix_is_idempotent(tmp_path):
    for name in ("webvtt-netflix-excerpt.vtt", "webvtt-comments.vtt", "webvtt-styles-colours.srt",
                 "webvtt-styles-colours.vtt", "webvtt-missing-timeframe.srt"):
        shutil.copy(DATA / name, tmp_path / name)
    _, report = run_json(str(tmp_path))
    assert report["files_checked"] == 5
    first = run_cli("check", "--no-cache", "--fix", str(tmp_path))
    assert first.returncode in (0, 1), first.stderr
    fixed = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    assert fixed["webvtt-comments.vtt"].splitlines()[14] == "- Det smakar som te."
    assert "2 &lt; 3 !" in fixed["webvtt-styles-colours.srt"]  # the unsafe A107 fix was not applied
    for name, text in fixed.items():  # every timing line is kept
        source = (DATA / name).read_text(encoding="utf-8")
        assert [ln for ln in text.splitlines() if "-->" in ln] == [ln for ln in source.splitlines() if "-->" in ln]
    second = run_cli("check", "--no-cache", "--fix", str(tmp_path))
    assert second.returncode in (0, 1), second.stderr
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == fixed
    assert lint_paths([str(tmp_path)])  # (findings left: F009 and the unsafe ones)


_WORD = st.text(alphabet="abcé ñ.,?!-'", min_size=1, max_size=12).filter(lambda w: w.strip() and "-->" not in w)
_CAPTION = st.lists(st.tuples(st.sampled_from(["", "<i>", "<b>", "<c.magenta>", "<v Roger>", "{\\an8}"]), _WORD,
                              st.sampled_from(["", " ", "  "])), min_size=1, max_size=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(_CAPTION, min_size=1, max_size=4), st.booleans(), st.sampled_from(["\n", "\r\n"]))
def test_regions_keep_offsets_and_safe_fixes_keep_every_cue(cues, vtt, eol):
    blocks = []
    for i, lines in enumerate(cues, 1):
        sep = "." if vtt else ","
        timing = f"00:00:0{i % 10}{sep}000 --> 00:00:0{i % 10}{sep}500" + (" line:84.67% " if vtt else "")
        text = [f"{tag}{word}{'</i>' if tag == '<i>' else ''}{pad}" for tag, word, pad in lines]
        blocks.append(eol.join([str(i), timing, *text]))
    doc_text = ("WEBVTT" + eol + eol if vtt else "") + (eol + eol).join(blocks) + eol
    path = "p.vtt" if vtt else "p.srt"
    regions = parse(doc_text, path[-4:])
    assert not isinstance(regions, Problem)
    assert all(0 <= r.start < r.end <= len(doc_text) for r in regions)
    assert all(a.end <= b.start for a, b in zip(regions, regions[1:]))
    assert all("\n" not in doc_text[r.start : r.end] for r in regions)
    prose = [doc_text[r.start : r.end] for r in regions if r.kind == "prose"]
    for (tag, word, _pad) in (x for lines in cues for x in lines):
        assert any(word.strip() in p for p in prose if word.strip())
    # W101 reports trailing spaces only in caption text, and its fix keeps the cues parseable
    found = [f for f in lint_text(doc_text, path=path) if f.code == "W101"]
    doc = Document(path, doc_text)
    assert all(doc.kind_at(f.start) == "prose" for f in found)
    fixed = doc_text
    for f in sorted(found, key=lambda f: -f.start):
        for e in f.fix.edits:
            fixed = fixed[: e.start] + e.replacement + fixed[e.end :]
    again = parse(fixed, path[-4:])
    assert not isinstance(again, Problem)
    assert [ln for ln in fixed.splitlines() if "-->" in ln] == [ln for ln in doc_text.splitlines() if "-->" in ln]
