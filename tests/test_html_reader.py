"""HTML pages (.html, .htm, .xhtml) read as what they are: their regions from Python's
html.parser (tags, comments, references and the head are markup; ``<pre>``, ``<code>``,
``<script>``, ``<style>``... code; ``<h1>``-``<h6>`` headings), so that the rules reading
text see what a browser shows; the duplicate family reads the page with its markup
blanked; a fix never rewrites markup.

The page is real (tests/data/realtext/SOURCE.md): the head and section 6.2.1 of
``sect.apt-get.html`` of the Debian Administrator's Handbook as Debian ships it
(GPL-2+ / CC-BY-SA-3.0). Read as plain text (``--include '*.html'`` before this reader),
it gave six A110 findings on the namespace and DTD URLs of its tags, and, on the 925
pages of Debian's HTML manuals (handbook in 5 languages, debian-reference in 3, the
FAQ, the installation guide, maint-guide), 4,130 A106, 1,315 A107 on ``&nbsp;``-style
references and 12,930 A110 on attribute URLs."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpuslint import lint_paths
from corpuslint.document import Document
from corpuslint.structure import CODE, HEADING, MARKUP, PROSE

from .conftest import ROOT, run_cli, run_json

DATA = ROOT / "tests" / "data" / "realtext"
PAGE = DATA / "debian-handbook-apt-get.html"
NO_CACHE = {"cache": False}


def doc_of(path: Path, text: str | None = None) -> Document:
    return Document(str(path), text if text is not None else path.read_text(encoding="utf-8"))


def kind(doc: Document, needle: str) -> str:
    return doc.kind_at(doc.text.index(needle))


def test_text_is_prose_tags_head_and_references_are_markup_pre_and_code_are_code():
    doc = doc_of(PAGE)
    assert kind(doc, "For any work with APT") == PROSE
    assert kind(doc, "Initialization") == HEADING  # <h3 class="title">
    assert kind(doc, "6.2.1.") == HEADING
    assert kind(doc, '<div class="para">') == MARKUP
    assert kind(doc, "http://www.w3.org/1999/xhtml") == MARKUP  # an attribute's value
    assert kind(doc, "aptitude, apt-get, and apt Commands") == MARKUP  # <title>: the head is not on the page
    assert kind(doc, "Acquire::PDiffs</code>") == CODE  # <code class="literal">
    assert kind(doc, 'sudo apt -o "Acquire::PDiffs=false" update') == CODE  # <pre> ... <strong><code>
    assert kind(doc, "</pre>") == MARKUP
    small = Document("p.htm", "<p>Caf&eacute; &#160;and <!-- a note --> <script>var a = 1;</script> tea</p>")
    assert kind(small, "&eacute;") == MARKUP and kind(small, "&#160;") == MARKUP
    assert kind(small, "a note") == MARKUP and kind(small, "var a = 1;") == CODE
    assert kind(small, "Caf") == PROSE and kind(small, " tea") == PROSE


def test_rules_judge_the_page_text_only_and_a_real_slip_stays_reported(tmp_path):
    # before: A110 on the six URLs of the DOCTYPE, xmlns and <link> attributes
    assert lint_paths([PAGE], config={"include": ["*.html"], **NO_CACHE}) == []
    # the same page with a slip in its text: the rule still sees the prose
    page = tmp_path / "slip.html"
    page.write_text(PAGE.read_text(encoding="utf-8").replace("this can be done simply", "this can can be done simply"),
                    encoding="utf-8")
    found = lint_paths([page], config={"include": ["*.html"], **NO_CACHE})
    assert [f.code for f in found] == ["S104"]
    # and a real byte-level defect is one wherever it stands: trailing spaces after a tag
    page.write_text(PAGE.read_text(encoding="utf-8").replace("<body>\n", "<body>  \n"), encoding="utf-8")
    assert [f.code for f in lint_paths([page], config={"include": ["*.html"], **NO_CACHE})] == ["W101"]


def test_duplicate_family_reads_the_text_not_the_tags(tmp_path):
    # Two pages sharing their markup line for line (a site's template) but not their
    # text: no copy. Before (read as plain text), the template's lines were D104/D106
    # copies across the pages.
    page = PAGE.read_text(encoding="utf-8")
    head = page[: page.index("<body>") + len("<body>")]  # the page's real head, DOCTYPE and all
    for i, words in enumerate(("The first page tells how packages are downloaded and checked before installation.",
                               "Another page explains which mirrors are chosen and how often lists are refreshed.",
                               "A third page describes pinning priorities and when a package is held back.")):
        body = (f'<div class="para">\n\t\t\t\t{words}\n\t\t\t</div><a id="id-1.9.17.6.3" class="indexterm"></a>'
                '<a id="id-1.9.17.6.4" class="indexterm"></a>\n</body></html>\n')
        (tmp_path / f"p{i}.html").write_text(head + "\n" + body, encoding="utf-8")
    code, report = run_json("--include", "*.html", "--select", "D104,D105,D106", str(tmp_path))
    assert report["diagnostics"] == []
    # the same paragraph of text in two pages is a copy (reported at its line)
    shutil.copy(tmp_path / "p0.html", tmp_path / "p3.html")
    code, report = run_json("--include", "*.html", "--select", "D104", str(tmp_path))
    assert {(d["code"], d["line"]) for d in report["diagnostics"]} == {("D104", 4)}


def test_a_fix_never_deletes_markup(tmp_path):
    # D106's unsafe fix deletes a boilerplate line; on an HTML page that line holds tags
    # too: the finding is reported without a fix (the page would break), and the engine
    # applies no fix that deletes markup whatever rule offers it
    nav = '<div class="nav"><a href="index.html">Back to the table of contents</a></div>'
    for i in range(3):
        (tmp_path / f"p{i}.html").write_text(f"<html><body>\n{nav}\n<p>Page {i} of the guide.</p>\n</body></html>\n",
                                             encoding="utf-8")
    code, report = run_json("--include", "*.html", "--select", "D106", str(tmp_path))
    assert [d["code"] for d in report["diagnostics"]] == ["D106"] * 3
    before = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.html")}
    proc = run_cli("check", "--no-cache", "--include", "*.html", "--select", "D106", "--fix", "--unsafe-fixes", str(tmp_path))
    assert proc.returncode == 0 and "fixable" not in proc.stdout, proc.stdout + proc.stderr  # (D106: info)
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.html")} == before
    # a fix of white space applies as in any text file (W101's trailing spaces after a tag)
    (tmp_path / "p0.html").write_text(before["p0.html"].replace("<html><body>", "<html><body>   "), encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--include", "*.html", "--select", "W101", "--fix", str(tmp_path / "p0.html"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "p0.html").read_text(encoding="utf-8") == before["p0.html"]


def test_html_is_not_walked_by_default_and_broken_markup_is_read_as_well_as_it_can_be(tmp_path):
    shutil.copy(PAGE, tmp_path / PAGE.name)
    (tmp_path / "notes.txt").write_text("A note.\n", encoding="utf-8")
    code, report = run_json(str(tmp_path))
    assert report["files_checked"] == 1  # (notes.txt: HTML is opt-in, as ruff's extend-include)
    code, report = run_json(str(tmp_path / PAGE.name))  # named: F004 says how to check it
    assert [d["code"] for d in report["diagnostics"]] == ["F004"]
    assert "check it (as HTML) with --extend-include '*.html'" in report["diagnostics"][0]["message"]
    broken = doc_of(Path("b.html"), "<p>An <b>unclosed <pre>code\n\n<p>still code</p>\n<div><<>></div>\n")
    assert kind(broken, "An ") == PROSE and kind(broken, "code\n") == CODE and kind(broken, "still code") == CODE


def test_spaces_a_browser_collapses_and_html_no_break_spaces_are_the_pages(tmp_path):
    # debian-reference ja 2.100 (Debian package debian-reference-ja, GPL-2+), ch02.ja.html
    # line 1508: a paragraph ending in two spaces before </p> (before: W103); the Debian
    # installation guide (installation-guide-amd64 20230508, GPL-2+), da ch06s05.html lines
    # 16-20: DocBook's navigation cells, a no-break space after the arrow's link (before:
    # W102, 1,277 times in 200 pages); the Persian handbook's "پيوست\u00a0B." (an appendix label)
    ja = ("<ul class=\"itemizedlist\">\n<li class=\"listitem\">\n<p> これは通常バージョン制約付きでパッケージの"
          "インコンパチビリティーを宣言します。一般的にこのフィールドにリストされた全てのパッケージをアップグレードする"
          "ことで解決します。  </p>\n</li>\n</ul>\n")
    nav = ("<tr>\n<td width=\"20%\" align=\"left\">\n<a accesskey=\"p\" href=\"ch06s04.html\"><img src=\"images/prev.png\" "
           "alt=\"forrige\"></a>\u00a0</td>\n<th width=\"60%\" align=\"center\">Kapitel 6. Brug af "
           "Debian-installationsprogrammet</th>\n</tr>\n<p>پيوست\u00a0B.\u00a0درس کاربردی کوتاه</p>\n")
    (tmp_path / "ja.html").write_text(ja, encoding="utf-8")
    (tmp_path / "nav.html").write_text(nav, encoding="utf-8")
    config = {"include": ["*.html"], "select": ["W102", "W103"], **NO_CACHE}
    assert lint_paths([tmp_path / "ja.html", tmp_path / "nav.html"], config=config) == []
    # the same text as plain text: the run and the spaces are reported (the rules still see them)
    (tmp_path / "ja.txt").write_text(ja, encoding="utf-8")
    (tmp_path / "nav.txt").write_text(nav, encoding="utf-8")
    found = lint_paths([tmp_path / "ja.txt", tmp_path / "nav.txt"], config={**config, "include": ["*.txt"]})
    assert sorted((f.code, f.path.rsplit("/", 1)[-1]) for f in found) == [("W102", "nav.txt"), ("W102", "nav.txt"),
                                                                          ("W103", "ja.txt")]
    # a thin space between words of an HTML page is still one (only U+00A0 is HTML's &nbsp;)
    (tmp_path / "thin.html").write_text("<p>Brug af\u2009Debian.</p>\n", encoding="utf-8")
    assert [f.code for f in lint_paths([tmp_path / "thin.html"], config=config)] == ["W102"]


def test_a_construct_that_cannot_close_is_text_and_costs_no_rescans():
    # A page cut off inside a tag (an interrupted download): the page's regions up to the
    # cut are as before, the unclosed tag at the end is text. CPython's html.parser (before
    # 3.11.13) rescans to the end from each such "<": 360 KB of "<a href='" took 147 s;
    # ``closable`` turns only those "<" into spaces (the speed is benchmarks' business).
    from corpuslint.readers.html import closable

    page = PAGE.read_text(encoding="utf-8")
    cut = page[: page.index("For any work with APT")] + "For any work with APT, see <a href='apt.html"
    doc = doc_of(Path("cut.html"), cut)
    assert kind(doc, "Initialization") == HEADING and kind(doc, '<div class="para">') == MARKUP
    assert kind(doc, "<a href='apt.html") == PROSE
    for bad in ("<a href='" * 400, "<!--" * 400, "</" * 400, "<?" * 400, "<p>text</p>" + "<!--" * 400 + ">"):
        fixed = closable(bad)
        assert len(fixed) == len(bad) and fixed.count("\n") == bad.count("\n")
        assert "<" not in fixed[fixed.rfind(">") + 1 :] and "<!--" not in fixed[fixed.rfind("-->") + 1 :]
    assert closable(page) == page  # (a well-formed page: unchanged)
    assert closable("<p>a</p>\n<!-- open") == "<p>a</p>\n !-- open"


def test_the_engine_applies_no_fix_that_deletes_markup_whatever_rule_offers_it():
    # the transaction's own guard (a plugin rule's fix, not the duplicate family's, which
    # offers none): a fix deleting a line with its tags is not applied; one deleting white
    # space between tags, or inserting, is
    from corpuslint.engine import _sparing_markup, build_registry
    from corpuslint.findings import Edit, Fix

    rule = build_registry(["."])[1].rules["D106"]()
    text = "<html><body>\n<p>Back to the top</p>   \n<p>Text.</p>\n</body></html>\n"
    doc = Document("p.html", text)
    line = text.index("<p>Back")
    deletes_tags = doc.finding(rule, line, line + 20, "x", fix=Fix.unsafe(Edit(line, text.index("<p>Text"), "")))
    spaces = text.index("   \n")
    trims = doc.finding(rule, spaces, spaces + 3, "x", fix=Fix.safe(Edit(spaces, spaces + 3, "")))
    inserts = doc.finding(rule, 0, 1, "x", fix=Fix.safe(Edit(len(text), len(text), "\n")))
    words = doc.finding(rule, line, line + 1, "x", fix=Fix.unsafe(Edit(line + 3, line + 8, "")))  # "Back " in prose
    assert _sparing_markup(doc, [deletes_tags, trims, inserts, words]) == [trims, inserts, words]
    plain = Document("p.txt", text)  # (a text file: its angle brackets are text)
    assert _sparing_markup(plain, [deletes_tags]) == [deletes_tags]
