"""read25: subtitle files a user expects checked (fresh23: a folder walk skipped .ass, .ssa,
.sbv and .smi files in silence, while a named one was F004).

* YouTube's SubViewer ``.sbv`` (timing line ``0:00:00.599,0:00:04.160``, text, ``[br]`` a
  line break) is read as subtitles (``corpuslint/subtitles.py``), walked like .srt and .vtt;
* formats nothing reads (Advanced SubStation, SAMI, MicroDVD, TTML) that a walk leaves out
  are named in one note on standard error: findings and exit code unchanged.

``subsrt-sample.sbv`` is subsrt 1.1.1's test fixture (npm, MIT; tests/data/realtext/SOURCE.md)."""

from __future__ import annotations

import shutil

from corpuslint.document import Document
from corpuslint.structure import MARKUP, PROSE

from .conftest import ROOT, run_cli, run_json

SBV = ROOT / "tests" / "data" / "realtext" / "subsrt-sample.sbv"


def test_sbv_timing_lines_and_line_breaks_are_markup_and_captions_are_prose():
    doc = Document("sample.sbv", SBV.read_text(encoding="utf-8"))
    kinds = [(r.kind, doc.text[r.start : r.end]) for r in doc.regions][:4]
    assert kinds == [(MARKUP, "0:00:00.599,0:00:04.160"), (PROSE, ">> ALICE: Hi, my name is Alice Miller"),
                     (MARKUP, "[br]"), (PROSE, "and this is John Brown")]


def test_a_named_or_walked_sbv_file_is_checked(tmp_path):
    # lead: named, one F004 ("no reader for '.sbv'"); walked, skipped without a word
    shutil.copy(SBV, tmp_path / "sample.sbv")
    _, named = run_json("--select", "W,F,A", str(tmp_path / "sample.sbv"))
    _, walked = run_json("--select", "W,F,A", str(tmp_path))
    for report in (named, walked):
        assert report["files_checked"] == 1
        # the fixture ends without a newline (true), and its [br] and timing lines are no artifact
        assert [(d["code"], d["line"]) for d in report["diagnostics"]] == [("W106", 15)]


def test_a_walk_names_the_subtitle_files_it_does_not_read_in_one_note(tmp_path):
    shutil.copy(SBV, tmp_path / "sample.sbv")
    (tmp_path / "a.ass").write_text("[Script Info]\nTitle: x\n", encoding="utf-8")
    (tmp_path / "b.smi").write_text("<SAMI><BODY><SYNC Start=0><P>Hi</SAMI>\n", encoding="utf-8")
    (tmp_path / "c.ssa").write_text("[Script Info]\n", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    proc = run_cli("check", "--no-cache", "--select", "W106", str(tmp_path))
    assert proc.returncode == 1  # (W106 on the .sbv: the note changes no exit code)
    notes = [line for line in proc.stderr.splitlines() if "subtitle" in line]
    assert notes == ["corpuslint: note: 3 subtitle files not checked: 1 .ass (Advanced SubStation), 1 .smi (SAMI), "
                     "1 .ssa (SubStation Alpha); corpuslint reads .srt, .vtt and .sbv (convert them, e.g. "
                     "`ffmpeg -i FILE.ass FILE.srt`)"]
    assert "1 file checked" in proc.stdout
    # read on purpose, excluded, or --quiet: no note
    for extra in (["--extend-include", "*.ass,*.smi,*.ssa"], ["--exclude", "*.ass,*.smi,*.ssa"], ["--quiet"]):
        proc = run_cli("check", "--no-cache", "--select", "W106", *extra, str(tmp_path))
        assert "subtitle" not in proc.stderr, (extra, proc.stderr)


def test_a_named_subtitle_file_of_a_format_nothing_reads_says_to_convert_it(tmp_path):
    (tmp_path / "a.ass").write_text("[Script Info]\nTitle: x\n", encoding="utf-8")
    _, report = run_json(str(tmp_path / "a.ass"))
    [f004] = report["diagnostics"]
    assert f004["code"] == "F004" and "Advanced SubStation subtitles: convert it to .srt to check it" in f004["message"]
