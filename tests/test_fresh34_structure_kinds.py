"""fresh34's false-alarm kinds of the duplicate family on CJK documentation (D106, D104).
Real text: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from corpuslint import lint_paths
from corpuslint.document import Document
from corpuslint.families.duplicate import regions

REALTEXT = Path(__file__).parent / "data" / "realtext"


# -- D106: a man page's section headings are its structure, not boilerplate -------------------------

def _lines_found(folder: Path, code: str) -> set[tuple[str, str]]:
    found = lint_paths([folder], config={"select": [code], "cache": False})
    out = set()
    for f in found:
        name = f.path.rsplit("/", 1)[-1]
        out.add((name, (folder / name).read_text(encoding="utf-8").split("\n")[f.line - 1].strip()))
    return out


def test_d106_man_page_section_headings_are_structure_the_translators_trailer_boilerplate(tmp_path):
    """exit(3tcl), cd(3tcl) and flush(3tcl) of manpages-zh, rendered as fresh34 did: "描述 DESCRIPTION",
    "关键字 KEYWORDS" ... in every page are the pages' section headings, each over its indented body
    (fresh34: "关键字 KEYWORDS" in 72 pages labelled fp); the translation project's trailer appended to
    every page ("[中文版维护人]", its site) stays boilerplate (labelled tp)."""
    folder = shutil.copytree(REALTEXT / "manpages-zh-tcl-outline", tmp_path / "zh")
    lines = {line for _, line in _lines_found(folder, "D106")}
    for heading in ("总览 SYNOPSIS", "描述 DESCRIPTION", "参见 SEE ALSO", "关键字 KEYWORDS"):
        assert heading not in lines
    assert {"[中文版维护人]", "[中文版最新更新]", "《中国 Linux 论坛 man 手册页翻译计划》:",
            "http://cmpp.linuxforum.net"} <= lines


def test_outline_headings_of_a_rendered_man_page():
    """mke2fs(8) of manpages-ja: its header, "名前" and its last four sections. A heading is at the
    left margin over an indented body; an indented line is body, and one short line over an indented
    sample is no outline."""
    text = (REALTEXT / "manpages-ja-mke2fs-outline.txt").read_text(encoding="utf-8")
    doc = Document("mke2fs.8.txt", text)
    assert [doc.line_text(doc.lines[i]) for i in sorted(regions.outline_headings(doc))] == [
        "名前", "著者", "バグ", "入手方法", "関連項目"]
    indented = Document("m.txt", text.replace("\n関連項目\n", "\n       関連項目\n"))
    assert "       関連項目" not in [indented.line_text(indented.lines[i]) for i in regions.outline_headings(indented)]
    one = Document("one.txt", "Example\n       $ mke2fs /dev/hda1\n\nThat is all.\n")
    assert regions.outline_headings(one) == frozenset()
    # a line wholly in brackets is a note, not a title (a translation's credits)
    trailer = Document("t.txt", "NAME\n       exit - 结束应用\n\n[中文版维护人]\n       寒蝉退士\n\n参见 SEE ALSO\n       exec(n)\n")
    assert [trailer.line_text(trailer.lines[i]) for i in sorted(regions.outline_headings(trailer))] == [
        "NAME", "参见 SEE ALSO"]


# -- D104: a heading is not the copy of the table of contents that lists it ---------------------------

def test_d104_reports_the_contents_entry_not_the_section_heading_or_table_caption(tmp_path):
    """debian-reference-zh-cn as fresh34's records: the list of tables (index), chapter 2's contents
    and section 2.1.8. The section's heading "2.1.8. 对包管理问题的第一个回应" and its table's caption
    "表 2.5. 解决特定软件包问题的主要网站" were reported as copies of the earlier contents' lines
    (labelled fp: the fix deleted the heading); the contents' lines are the copies (tp)."""
    path = tmp_path / "debian-reference-zh.jsonl"
    shutil.copy(REALTEXT / "debian-reference-zh-contents.jsonl", path)
    texts = {n: json.loads(line)["text"].split("\n")  # (records by number: their "id" has a "#")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)}
    found = lint_paths([str(path)], config={"select": ["D104"], "cache": False})
    got = sorted((f.record, texts[f.record][f.line - 1]) for f in found)
    assert got == [(1, "2.5. 解决特定软件包问题的主要网站"), (2, "2.1.8. 对包管理问题的第一个回应")]
    assert {f.related[0].record for f in found} == {3}


def test_d104_reports_the_link_to_a_page_not_the_pages_title(tmp_path):
    """gimp-help-ko's pages "2.7. You are trying to act on a layer group" (its title, line 1), the page
    before it (its link to the next page, line 17) and "Getting started" (its contents, line 99): the
    title was reported as a copy of the link; the link and the contents' line are the copies."""
    folder = shutil.copytree(REALTEXT / "gimp-help-ko-title-links", tmp_path / "ko")
    found = lint_paths([folder], config={"select": ["D104"], "cache": False,
                                         "rules": {"D104": {"boilerplate-docs": 0}}})
    got = sorted((f.path.rsplit("/", 1)[-1], f.line, f.related[0].path.rsplit("/", 1)[-1], f.related[0].line)
                 for f in found if f.line in (1, 17, 99))
    assert got == [("getting-started.txt", 99, "gimp-stuck-layer-group.txt", 1),
                   ("gimp-stuck-indexed-mode.txt", 17, "gimp-stuck-layer-group.txt", 1)]


def test_a_title_may_ask_a_question_a_sentence_is_no_title():
    """debian-reference-ja 2.100's section 9.5.1 as a record opens with a question: its title (fresh34:
    reported as a copy of chapter 9's contents)."""
    assert regions.title_line("9.5.1. だれがシステムを利用している?")
    assert regions.title_line("2.9. No visible effect when trying to use a brush, eraser or other tool")
    assert not regions.title_line("mount(8) はマウントされたファイルシステム (= ディスク) すべてを報告します。")
