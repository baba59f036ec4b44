"""One line of aligned columns in plain text (a man page's header or footer) is code
itself, but it no longer makes the rest of its block code, nor the document "technical
text" (``Document.quotes_code``), so the next line's slips are still reported.

fresh13: `printf 'GNU coreutils 9.0                 Eylul 2021     LS(1)\\nyeni satir ve ve
hata  burada\\n'` gave no finding; without the wide gaps S104 and W103 fire."""

from __future__ import annotations

from corpuslint.document import Document

from .conftest import run_json

# the footer of ls(1) in Debian manpages-tr 2.0.6 (rendered groff -Tutf8 | col -bx), and
# fresh13's line with a doubled word and a doubled space under it
FOOTER = "GNU coreutils 9.0                 Eylül 2021                             LS(1)"
SLIPS = "yeni satir ve ve hata  burada"


def _codes(tmp_path, text: str) -> list[tuple[int, str]]:
    (tmp_path / "ls.txt").write_text(text, encoding="utf-8")
    _, report = run_json("--select", "S104,W103", str(tmp_path / "ls.txt"))
    return sorted((d["line"], d["code"]) for d in report["diagnostics"])


def test_a_lone_aligned_line_does_not_hide_the_next_lines_slips(tmp_path):
    expected = [(2, "S104"), (2, "W103")]
    assert _codes(tmp_path, "GNU coreutils 9.0                 Eylul 2021     LS(1)\n" + SLIPS + "\n") == expected
    assert _codes(tmp_path, FOOTER + "\n" + SLIPS + "\n") == expected
    assert _codes(tmp_path, "GNU coreutils 9.0 Eylul 2021 LS(1)\n" + SLIPS + "\n") == expected  # as without the gaps


def test_the_aligned_line_itself_stays_code_and_is_not_quoted_code():
    doc = Document("ls.txt", FOOTER + "\n" + SLIPS + "\n")
    assert doc.line_kinds[:2] == ["code", "prose"]
    assert [r.aligned for r in doc.regions] == [True]
    assert not doc.quotes_code


def test_two_aligned_lines_are_a_table_whose_block_is_code(tmp_path):
    # `df -h` output: every row aligned; a row with one gap is part of the table
    text = ("Filesystem      Size  Used Avail Use% Mounted on\n"
            "/dev/sda1        30G   12G   17G  42% /\n"
            "tmpfs  3.9G\n")
    doc = Document("df.txt", text)
    assert doc.line_kinds[:3] == ["code", "code", "code"]
    assert doc.quotes_code


def test_indented_output_under_an_aligned_line_stays_code():
    # Debian Administrator's Handbook: `netstat` output, then `mdadm --detail` output
    doc = Document("handbook.txt", "udp        0      0 0.0.0.0:68              0.0.0.0:*\n"
                                   "    Rebuild Status : 13% complete\n")
    assert doc.line_kinds[:2] == ["code", "code"]
    assert doc.quotes_code


def test_a_comment_beside_a_lone_aligned_record_stays_code():
    # Debian Administrator's Handbook, sect.domain-name-servers: a reverse zone file
    doc = Document("zone.txt", "Reverse zone:\n\n; 192.168.3.1 -> pau\n"
                               "1.3     IN      PTR     pau.internal.falcot.com.\n")
    assert doc.line_kinds == ["prose", "blank", "code", "code"]
    assert doc.quotes_code


def test_prose_beside_a_lone_aligned_line_in_fortunes_is_prose():
    # fortune(6) work: a quotation whose first line has two-space gaps after its colon and
    # its full stop, its second line prose. Alone in its block with gaps of two spaces only,
    # the first line is no column layout (fixo27): prose too, and its typewriter sentence
    # spacing is still not reported
    text = 'Loan-department manager:  "There isn\'t any fine print.  At these\ninterest rates, we don\'t need it."\n'
    doc = Document("work.txt", text)
    assert doc.line_kinds == ["prose", "prose"]
    assert not doc.quotes_code


def test_prose_with_two_doubled_spaces_is_not_aligned_columns(tmp_path):
    # fresh27: a prose line with two runs of two spaces was taken for a lone aligned line
    # (code), so W103, W114 and W120 skipped it; with one run it was reported
    text = ("Line one is prose here and nothing else.\nthis is  a new sentence  and it is written .\n"
            "Line three is prose too, nothing more.\n")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    _, report = run_json("--select", "W103,W114", str(tmp_path / "b.txt"))
    assert sorted((d["line"], d["column"], d["code"]) for d in report["diagnostics"]) == [
        (2, 8, "W103"), (2, 24, "W103"), (2, 43, "W114")]
    # real column evidence is kept: a wider gap, or two two-space lines in one block (a table)
    assert Document("a.txt", "this is  a new sentence     and it is written .\n").line_kinds == ["code"]
    table = "name  size  date\nfoo  12  2021\n"
    assert Document("t.txt", table).line_kinds == ["code", "code"]

