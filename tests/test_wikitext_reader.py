"""MediaWiki pages (wikitext) read as markup, the way .tex and HTML are (fresh30's kind 12,
helper wiki43): templates, links' targets, tables' syntax, ``<ref>``, the HTML MediaWiki
allows, comments and references are markup (``corpuslint.readers.wikitext``,
mwparserfromhell), link labels and the rest prose; .wiki files are walked by default and a
.txt that clearly is wikitext is read so too.

Before, on fresh30's 70 Wikipedia pages: A106 666, A107 1,275, A111 455 on the markup itself
(``<small>``, ``<br>``, ``|-``); the same 5 pages named .txt 5,080 A108 (one a link or a
template); A107's safe fix turned an escaped page's ``&lt;ref&gt;`` into a live ``<ref>``.

The pages are real (tests/data/realtext/SOURCE.md; Wikipedia text, CC BY-SA 4.0): the opening
of "Bodmin" (an infobox, references, a stray "." line), the records table of "History of
rugby union matches between Scotland and Wales", a line of "Anarchism" whose wikitext was
stored escaped (``&lt;ref&gt;&quot;...``), and the table rows of "List of RNLI stations".
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import example, given, settings, strategies as st

from corpuslint import lint_text
from corpuslint.document import Document
from corpuslint.findings import Applicability
from corpuslint.readers.base import RecordDocument
from corpuslint.readers.wikitext import escaped_page, reads_as_wikitext, unclosed, wikitext_regions
from corpuslint.structure import HEADING, MARKUP, PROSE, TABLE, URL

from .conftest import run_cli, run_json

DATA = Path(__file__).parent / "data" / "realtext"
BODMIN = DATA / "wikipedia-bodmin-opening.wiki"
RUGBY = DATA / "wikipedia-scotland-wales-records-table.wiki"
ANARCHISM = DATA / "wikipedia-anarchism-escaped-refs.wiki"
RNLI = DATA / "wikipedia-rnli-stations-table-rows.wiki"
NESTLE = DATA / "nestle1904-luke-24-brackets.txt"  # an edition's [[ ]], no wiki
NO_CACHE = {"cache": False}


def doc_of(path: Path, name: str | None = None) -> Document:
    return Document(name or str(path), path.read_text(encoding="utf-8"))


def kind(doc: Document, needle: str, nth: int = 0) -> str:
    at = -1
    for _ in range(nth + 1):
        at = doc.text.index(needle, at + 1)
    return doc.kind_at(at)


def found(text: str, name: str, select: list[str]) -> list[tuple[str, int, int]]:
    return sorted((f.code, f.line, f.column)
                  for f in lint_text(text, path=name, config={"select": select, **NO_CACHE}))


def test_markup_is_markup_and_prose_is_prose():
    doc = doc_of(BODMIN)
    assert doc.is_wikitext
    assert kind(doc, "{{Infobox UK place") == MARKUP and kind(doc, "Bodmin Public Rooms") == MARKUP
    assert kind(doc, "'''Bodmin'''") == MARKUP and kind(doc, "Bodmin''' (") == PROSE  # bold: its quotes only
    assert kind(doc, "<ref>{{cite web|url=http://www.magakernow") == MARKUP
    assert kind(doc, "List of Place-names agreed") == MARKUP  # inside <ref>: the footnote's, not the sentence's
    assert kind(doc, "civil parishes in England|") == MARKUP  # a link's target
    assert kind(doc, "civil parish]]") == PROSE  # its label
    assert kind(doc, "Bodmin Moor]]") == PROSE  # a link without a label shows its target
    assert kind(doc, "is situated south-west of") == PROSE
    rugby = doc_of(RUGBY)
    assert kind(rugby, "Records") == HEADING and kind(rugby, "===Records") == MARKUP
    assert kind(rugby, '{| class="wikitable"') == MARKUP and kind(rugby, "|-") == MARKUP
    assert kind(rugby, "colspan=3") == MARKUP  # a cell's attributes
    assert kind(rugby, "Longest winning streak") == TABLE and kind(rugby, "Largest points for") == TABLE
    assert kind(rugby, "<small>(3 Feb") == MARKUP and kind(rugby, "3 Feb 1923") == TABLE
    doc = Document("a.wiki", "See [https://example.org the site], [[File:x.jpg|thumb|A cap]] [[de:Bodmin]]"
                   " &nbsp;<!-- note --> __NOTOC__ <math>x^2</math>\n")
    assert kind(doc, "https://example.org") == URL and kind(doc, "the site") == PROSE
    assert kind(doc, "A cap") == MARKUP and kind(doc, "Bodmin") == MARKUP  # a file's caption, an interlanguage link
    assert kind(doc, "&nbsp;") == MARKUP and kind(doc, "note") == MARKUP and kind(doc, "NOTOC") == MARKUP
    assert kind(doc, "x^2") == "code"


def test_artifact_rules_leave_the_markup():
    # main: A106 <small> x13 (the labelled tp at 69:5 of the page is line 21 here), A111 the
    # 11 "|-" rows; now the page's markup is its syntax
    assert found(RUGBY.read_text(encoding="utf-8"), "rugby.wiki", ["A1"]) == []
    assert found(BODMIN.read_text(encoding="utf-8"), "bodmin.wiki", ["A106", "A107", "A108"]) == []
    # the same page named .txt: read as wikitext (main: one A108 a link, a template, a bold)
    assert found(BODMIN.read_text(encoding="utf-8"), "bodmin.txt", ["A108", "A106"]) == []


def test_a_real_artifact_in_the_prose_of_a_wiki_page_is_still_reported():
    bodmin = BODMIN.read_text(encoding="utf-8")
    assert bodmin.splitlines()[32] == "."
    assert found(bodmin, "bodmin.wiki", ["A111"]) == [("A111", 33, 1)]  # a stray "." paragraph, shown on the page
    # a tag MediaWiki does not allow (shown as text on the page), Markdown in the prose,
    # a reference escaped twice
    line = "It is <a href=\"http://www.bodmin.gov.uk\">the council</a>'s **town** hall &amp;nbsp;.\n"
    column = {x: line.index(x) + 1 for x in ("<a href", "</a>", "**town**", "&amp;")}
    assert found(bodmin + line, "bodmin.wiki", ["A106", "A107", "A108"]) == [
        ("A106", 34, column["<a href"]), ("A106", 34, column["</a>"]), ("A107", 34, column["&amp;"]),
        ("A108", 34, column["**town**"])]


def test_an_escaped_page_reports_its_references_with_an_unsafe_fix_for_markup():
    text = ANARCHISM.read_text(encoding="utf-8")
    assert escaped_page(text) and text.count("&lt;ref&gt;") == 3
    refs = [f for f in lint_text(text, path="anarchism.wiki", config={"select": ["A107"], **NO_CACHE})]
    lt = [f for f in refs if f.message.startswith("HTML entity `&lt;`")]
    quot = [f for f in refs if f.message.startswith("HTML entity `&quot;`")]
    assert len(lt) == text.count("&lt;") and len(quot) == text.count("&quot;")
    # decoded, "&lt;ref&gt;" is a live <ref> tag: the page's meaning changes (main: safe)
    assert all(f.fix is not None and f.fix.applicability == Applicability.UNSAFE for f in lt)
    assert all(f.fix is not None and f.fix.applicability == Applicability.SAFE for f in quot)
    # a page that writes its references on purpose: &nbsp; is its syntax
    assert found("The town hall&nbsp;is [[Bodmin|here]]. It is old.\n", "a.wiki", ["A107"]) == []


def test_a_txt_is_read_as_wikitext_only_when_it_clearly_is():
    assert reads_as_wikitext(BODMIN.read_text(encoding="utf-8"))
    assert doc_of(BODMIN, "bodmin.txt").is_wikitext
    assert not doc_of(RNLI, "rnli.txt").is_wikitext  # (11 lines: two links, one template)
    nestle = doc_of(NESTLE)
    assert "[[" in nestle.text and not nestle.is_wikitext
    assert not Document("a.txt", "See [[Paris]] for the capital.\n\n'''Note''': it is big.\n").is_wikitext
    # and there A108 still reports wiki markup left in a plain text
    assert found("See [[Paris]] for the capital.\n", "a.txt", ["A108"]) == [("A108", 1, 5)]


def test_wiki_files_are_walked_by_default(tmp_path):
    for path in (BODMIN, RUGBY):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "page.mediawiki").write_text("== Title ==\nSome [[text]].\n", encoding="utf-8")
    code, report = run_json(str(tmp_path))
    assert report["files_checked"] == 3  # (before: no file checked)


def test_duplicate_rules_read_the_prose():
    # two pages sharing a table's markup only: no boilerplate line; their rows are blanked
    rugby = RUGBY.read_text(encoding="utf-8")
    from corpuslint.families.duplicate.units import unit_text

    blanked = unit_text(Document("rugby.wiki", rugby))
    assert len(blanked) == len(rugby) and "|-" not in blanked and "Longest winning streak" in blanked


# -- offsets: the regions are the text's, and a finding's line:column is the file's ------------

_PIECES = st.sampled_from([
    "word ", "Bodmin ", "\n", "\n\n", "[[Cornwall]] ", "[[civil parishes in England|civil parish]] ",
    "{{cite web|url=http://x.org|title=T}}", "'''bold''' ", "''it'' ", "<ref>note</ref>", "&nbsp;",
    "<br />", "<!-- c -->", "\n== Head ==\n", "\n{|\n|-\n| a || b\n|}\n", "[http://example.org label] ",
    "<small>s</small>", "é", "\u00a0", "|", "}}", "[[", "<", "&", "'''",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.integers(min_value=0, max_value=40))
# (a page whose "<br />" lines made A106 take it for HTML source, its leftover tag unreported)
@example(pieces=["\n== Head ==\n", "<br />", "\n== Head ==\n", "<br />"], at=0)
def test_regions_tile_the_text_and_findings_point_into_the_file(pieces, at):
    at = min(at, len(pieces))
    leftover = "<img src=x.png>"  # a tag MediaWiki shows as text: reported where it stands
    text = "".join(pieces[:at]) + " " + leftover + " " + "".join(pieces[at:])
    doc = Document("p.wiki", text)
    regions = wikitext_regions(doc)
    if regions is None:
        return  # (the plain-text fallback: nothing to check here)
    last = 0
    for r in regions:
        assert last <= r.start < r.end <= len(text) and r.kind != PROSE
        last = r.end
    start = text.index(" " + leftover + " ") + 1
    if doc.kind_at(start) != PROSE:
        return  # (inside a template or a ref another piece left open: markup, as MediaWiki reads it)
    hits = [f for f in lint_text(text, path="p.wiki", config={"select": ["A106"], **NO_CACHE})
            if f.message == f"HTML markup `{leftover}`"]
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    assert (line, column) in [(f.line, f.column) for f in hits]


def test_the_fixed_page_keeps_its_markup(tmp_path):
    page = tmp_path / "bodmin.wiki"
    shutil.copy(BODMIN, page)
    before = page.read_text(encoding="utf-8")
    run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(page))
    after = page.read_text(encoding="utf-8")
    for markup in ("{{Infobox UK place", "<ref>{{cite web", "[[civil parishes in England|civil parish]]", "'''Bodmin'''"):
        assert before.count(markup) == after.count(markup)


def test_a_page_leaving_many_constructs_open_is_read_as_plain_text():
    # mwparserfromhell's time grows with the openers it cannot close (16 KB of "{{a|": 4.5 s
    # of CPU; 200 KB: more than 10 minutes): such a page is read with the plain-text regions
    assert unclosed(BODMIN.read_text(encoding="utf-8")) == 0 and unclosed(RUGBY.read_text(encoding="utf-8")) == 0
    for opener in ("{{a|", "[[a ", "<small>a", "{|\n", "[http://example.org ", "<ref>a"):
        text = opener * 20_000
        assert unclosed(text) == 20_000
        doc = Document("a.wiki", text)
        assert wikitext_regions(doc) is None and doc.is_wikitext
        lint_text(text, path="a.wiki", config={"select": ["A106"], **NO_CACHE})  # (no traceback)
    assert unclosed("{{a|" * 10 + "text") == 10 and wikitext_regions(Document("a.wiki", "{{a|" * 10)) is not None


ALHAYTHAM = DATA / "wikipedia-alhaytham-citation-stop.wiki"
UK = DATA / "wikipedia-uk-indented-table.wiki"


def test_a111_leaves_lines_that_continue_markup_and_tables_indented_or_opened_by_a_template():
    # main: A111 on "}}." (a citation closed before the full stop) and on each "|-" of a
    # table indented with ":" (the parser knows "{|" at a line's start only)
    assert ALHAYTHAM.read_text(encoding="utf-8").endswith("}}.\n")
    assert found(ALHAYTHAM.read_text(encoding="utf-8"), "a.wiki", ["A111"]) == []
    uk = doc_of(UK)
    assert kind(uk, ":{|") == MARKUP and kind(uk, "|-") == MARKUP and kind(uk, "Human Development Index") == TABLE
    assert found(uk.text, "uk.wiki", ["A111"]) == []
    # Harry McPherson's succession box: "{{s-start}}" opens the table, "|-" is its row
    box = "{{s-start}}\n{{s-bef|before=[[Lucius D. Battle|Lucius Battle]]}}\n|-\n{{s-legal}}\n{{s-end}}\n"
    assert found(box, "a.wiki", ["A111"]) == []


def test_d106_leaves_a_wiki_pages_section_headings_and_categories(tmp_path):
    # main: D106 on "==See also==", "==External links==", "[[Category:Living people]]" shared by
    # fresh30's pages (in 25-37 of them): a wiki page's structure, as a Markdown heading is
    for n in range(4):
        (tmp_path / f"p{n}.wiki").write_text(
            f"'''Page {n}''' is a [[town]] in [[Cornwall]], number {n} of the list.\n\n==See also==\n"
            f"* [[Bodmin]]\n\n==External links==\n* [http://example.org/{n} Site {n}]\n\n[[Category:Living people]]\n",
            encoding="utf-8")
    code, report = run_json(str(tmp_path), "--select", "D106", "--no-cache")
    assert report["diagnostics"] == []


def _records_found(tmp_path, pages: dict[str, str], *args: str) -> list[tuple[str, str, int, int]]:
    import json

    with open(tmp_path / "pages.jsonl", "w", encoding="utf-8") as out:
        for name, text in pages.items():
            out.write(json.dumps({"id": name, "text": text}) + "\n")
    code, report = run_json("--id-field", "id", "--select", "A1", *args, "pages.jsonl", cwd=tmp_path)
    return sorted((d["record"], d["code"], d["line"], d["column"]) for d in report["diagnostics"])


ARGENTINE = DATA / "wikipedia-de-argentine-ambassadors-chile-table.wiki"


def test_records_holding_wikitext_are_read_as_wikitext(tmp_path):
    # left44 (fresh30's leftover): a JSONL dump of the 70 pages gave A106 210, A107 1,266,
    # A111 628, A110 1,592 on the markup (the same pages as .wiki files: 3, 2,204, 2, 12);
    # now "auto" sniffs a record as a .txt is sniffed, and text-format = "wikitext" reads
    # every record so
    bodmin, rugby, argentine = (p.read_text(encoding="utf-8") for p in (BODMIN, RUGBY, ARGENTINE))
    line = "It is <a href=\"http://www.bodmin.gov.uk\">the council</a>'s **town** hall &amp;nbsp;.\n"
    pages = {"bodmin": bodmin + line, "argentine": argentine, "rugby": rugby,
             "plain": "See [[Paris]] for the capital.\n"}
    as_files = sorted((name, f.code, f.line, f.column) for name, text in pages.items() if name != "plain"
                      for f in lint_text(text, path=f"{name}.wiki", config={"select": ["A1"], **NO_CACHE}))
    # the true findings in the record's prose stay: the tag MediaWiki does not allow, the
    # Markdown, the reference escaped twice, the stray "." line (as in the .wiki file)
    column = {x: line.index(x) + 1 for x in ("<a href", "</a>", "**town**", "&amp;")}
    assert {("bodmin", "A106", 34, column["<a href"]), ("bodmin", "A106", 34, column["</a>"]),
            ("bodmin", "A107", 34, column["&amp;"]), ("bodmin", "A108", 34, column["**town**"]),
            ("bodmin", "A111", 33, 1)} <= set(as_files)
    wiki = _records_found(tmp_path, pages, "--text-format", "wikitext")
    assert [f for f in wiki if f[0] != "plain"] == as_files
    plain = _records_found(tmp_path, pages, "--text-format", "plain")  # (main's reading of every record)
    assert {("argentine", "A111", 5, 1), ("rugby", "A111", 5, 1)} <= set(plain)
    assert {f[:2] for f in plain} >= {("bodmin", "A106"), ("rugby", "A106")}
    auto = _records_found(tmp_path, pages)
    assert auto == _records_found(tmp_path, pages, "--text-format", "auto")
    # sniffed: the page (links, templates, bold) and the list (links, templates, a table: "{|",
    # "|-" rows, "|}"); the rugby table (no link) and a sentence naming one [[x]] are read
    # as plain text, as a .txt holding them is
    assert reads_as_wikitext(argentine) and not reads_as_wikitext(rugby)
    sniffed = ("bodmin", "argentine")
    assert [f for f in auto if f[0] in sniffed] == [f for f in as_files if f[0] in sniffed]
    assert [f for f in auto if f[0] not in sniffed] != [f for f in wiki if f[0] not in sniffed]
    suffixes = {name: RecordDocument("pages.jsonl", n, name, text, None, "auto").suffix
                for n, (name, text) in enumerate(pages.items(), 1)}
    assert suffixes == {"bodmin": ".wiki", "argentine": ".wiki", "rugby": ".md", "plain": ""}  # (rugby: its "|" rows)
    (tmp_path / "corpuslint.toml").write_text('[readers.jsonl]\ntext-format = "wikitext"\n', encoding="utf-8")
    assert _records_found(tmp_path, pages) == wiki  # the config key, per format as the other record options
