"""Document regions: Markdown parsed with markdown-it-py, code-like lines of plain text,
and the engine filtering findings by the regions each rule checks."""

from __future__ import annotations

import corpuslint
from corpuslint.document import Document
from corpuslint.rules import DocumentRule
from corpuslint.structure import ALL_REGIONS, TEXT_REGIONS

MD = (
    "---\n"
    "title: x\n"
    "---\n"
    "# Head `c` #\n"
    "\n"
    'Para with `code` and <kbd>Ctrl</kbd> [link](http://x.y "t") <http://a.b>\n'
    "- item  one\n"
    "  > quote\n"
    "\n"
    "| a | `b` |\n"
    "|---|---|\n"
    "\n"
    "[ref]: http://e.com\n"
    "\n"
    "    indented code\n"
    "\n"
    "<div>\n"
    "html\n"
    "</div>\n"
    "\n"
    "---\n"
    "Title\n"
    "=====\n"
)


def kinds_of(doc: Document) -> list[tuple[str, str]]:
    return [(r.kind, doc.text[r.start : r.end]) for r in doc.regions]


def test_markdown_regions_are_typed_with_exact_offsets():
    doc = Document("x.md", MD)
    got = kinds_of(doc)
    for expected in [
        ("front-matter", "---\ntitle: x\n---"),
        ("markup", "# "),
        ("heading", "Head "),
        ("code", "`c`"),
        ("prose", "Para with "),
        ("code", "`code`"),
        ("html", "<kbd>"),
        ("prose", "Ctrl"),
        ("html", "</kbd>"),
        ("url", '(http://x.y "t")'),
        ("url", "<http://a.b>"),
        ("markup", "- "),
        ("prose", "item  one"),
        ("markup", "  > "),
        ("prose", "quote"),
        ("code", "`b`"),
        ("link-definition", "[ref]: http://e.com"),
        ("code", "    indented code"),
        ("html", "<div>\nhtml\n</div>"),
        ("markup", "---"),
        ("heading", "Title"),
    ]:
        assert expected in got
    assert ("table", "| a | ") in got  # the cell's inline code is painted over the table
    assert doc.line_kinds[:6] == ["front-matter", "front-matter", "front-matter", "heading", "blank", "prose"]
    assert doc.line_kinds[9:11] == ["table", "table"]
    assert doc.line_kinds[-2:] == ["heading", "markup"]
    # regions never overlap and are sorted
    assert all(a.end <= b.start for a, b in zip(doc.regions, doc.regions[1:]))


def test_masked_keeps_offsets_and_shows_only_the_kinds_asked_for():
    doc = Document("x.md", MD)
    masked = doc.masked({"prose"})
    assert len(masked) == len(doc.text)
    assert masked.count("\n") == doc.text.count("\n")
    line6 = masked.splitlines()[5]
    assert "Para with" in line6 and "Ctrl" in line6 and "code" not in line6 and "http" not in line6
    assert "title" not in masked and "Head" not in masked


def test_plain_text_has_code_regions_only_for_code_like_lines():
    # Shapes from the Debian Administrator's Handbook (debian-handbook package, .txt).
    text = (
        "Install the package as root:\n"  # 1 prose
        "\n"
        "# apt install dnsmasq\n"  # 3 a root prompt and a command
        "$ ls -l /etc\n"
        "# ldapvi -Y EXTERNAL -h ldapi:///\n"  # an unknown command with options
        "[...]\n"
        "## your SIP domain\n"  # a comment inside a block of code
        "SIP_DOMAIN=sip.falcot.com\n"
        "}\n"
        "\n"
        "# Introduction\n"  # 11 a lone `# Title` between paragraphs: not code
        "\n"
        "a=stable defines the name of the selected distribution.\n"  # 13 prose
        "\n"
        "#\n"  # 15 a block of comments
        "# Uncomment it if you want to have the turnserver running\n"
        "\n"
        "udp        0      0 0.0.0.0:68              0.0.0.0:*\n"  # 18 columns
        "    Rebuild Status : 13% complete\n"
        "\n"
        "  Name : debian:0\n"  # 21 an indented block
        "  Raid Devices : 2\n"
        "\n"
        "  An indented first line of a paragraph.\n"  # 24 prose
    )
    doc = Document("handbook.txt", text)
    kinds = doc.line_kinds
    assert [i + 1 for i, k in enumerate(kinds) if k == "code"] == [3, 4, 5, 6, 7, 8, 9, 15, 16, 18, 19, 21, 22]
    assert kinds[0] == kinds[10] == kinds[12] == kinds[23] == "prose"


def test_unregioned_text_counts_as_prose():
    doc = Document("a.txt", "just text\n")
    assert doc.regions == []
    assert doc.kind_at(3) == "prose"
    assert not doc.outside(0, 4, {"prose"})


class _CodeOnly(DocumentRule):
    """Reports every `x` (test rule).

    What: x. Why: test. Example: x. Fix safety: none.
    """

    code = "T901"
    name = "letter-x"
    family = "test"
    regions = frozenset({"code"})

    def check(self, doc):
        for i, c in enumerate(doc.text):
            if c == "x":
                yield doc.finding(self, i, i + 1, "x")


class _Legacy(_CodeOnly):
    """Reports every `x`, the older way (test rule).

    What: x. Why: test. Example: x. Fix safety: none.
    """

    code = "T902"
    name = "letter-x-legacy"
    regions = None
    checks_code = True


class _Default(_CodeOnly):
    """Reports every `x`, default regions (test rule).

    What: x. Why: test. Example: x. Fix safety: none.
    """

    code = "T903"
    name = "letter-x-default"
    regions = None


def test_rules_declare_regions_and_checks_code_still_works():
    assert _CodeOnly.checked_regions() == {"code"}
    assert _Legacy.checked_regions() == ALL_REGIONS
    assert _Default.checked_regions() == TEXT_REGIONS


def test_engine_filters_document_findings_by_region(monkeypatch):
    from corpuslint.config import build_config
    from corpuslint.engine import Linter
    from corpuslint.plugins import load_plugins

    registry = load_plugins()
    for cls in (_CodeOnly, _Legacy, _Default):
        registry.rules[cls.code] = cls
    config = build_config({"select": ["T901", "T902", "T903"]}, root=".", source=None, registry=registry)
    linter = Linter(config, registry)
    doc = Document("a.md", "x `x` [t](http://x)\n\n```\nx\n```\n")
    found: dict[str, list[int]] = {}
    for f in linter.check_document(doc):
        found.setdefault(f.code, []).append(f.line)
    assert found["T901"] == [1, 4]  # inline code and the fenced block only
    assert found["T902"] == [1, 1, 1, 4]  # every x
    assert found["T903"] == [1]  # prose only: not the code, not the link destination


def test_corpuslint_readme_kbd_and_links_are_not_artifacts():
    md = "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, see [the docs](https://example.com/a-b).\n"
    codes = {f.code for f in corpuslint.lint_text(md, path="guide.md", config={"select": ["A"]})}
    assert codes == set()
    assert "A106" in {f.code for f in corpuslint.lint_text(md, path="page.txt", config={"select": ["A"]})}


def test_markdown_containers_come_from_the_parser():
    from corpuslint.families.duplicate import regions
    from corpuslint.structure import BLOCKQUOTE, HEADING_START, LIST_ITEM, PARAGRAPH_BREAKS, markdown_containers

    text = (
        "# Title\n\n## `audit`\n\n- item one\n  continued\n\n> quoted\n\n"
        "```sh\n# not a heading\n```\n\nSetext\n======\n\nPlain paragraph.\n"
    )
    doc = Document("x.md", text)
    c = markdown_containers(doc)
    assert c[HEADING_START] == {0, 2, 13}  # the `# not a heading` in the fence is code
    assert c[LIST_ITEM] == {4, 5, 6}  # the parser maps the trailing blank line too
    assert c[BLOCKQUOTE] == {7}
    assert regions.section_starts(doc) == [doc.lines[i].start for i in (0, 2, 13)]
    spans = [(doc.lines[i].start, doc.lines[i].end) for i in (4, 7, 10, 16)]
    assert regions.prose_mask(doc, spans, lists=False) == [False, False, False, True]
    assert regions.prose_mask(doc, spans) == [True, True, False, True]
    assert markdown_containers(Document("x.txt", "# apt update\n- a\n")) == {
        LIST_ITEM: frozenset(), BLOCKQUOTE: frozenset(), HEADING_START: frozenset(), PARAGRAPH_BREAKS: frozenset()
    }


def test_a_line_of_hashtags_is_not_a_comment():
    # a scraped news page's tag line (twice in one block) is text, not two comment lines;
    # two shell comment lines in one block are still code
    tags = "#كوريا #روسيا #بوتين #كيم #عاجل"
    page = "\n".join(["الرئيسية", tags, "اقرأ أيضا...", "الرئيسية", tags, "اقرأ أيضا..."]) + "\n"
    assert Document("page.txt", page).regions == []
    config = "# enable the cache\n#CacheSize 40\nother line\n"
    assert [r.kind for r in Document("notes.txt", config).regions] == ["code"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = list("\n\n\r\t   =;{}\\/-@:aAZ_b(\"'.$x1<>؟") + [
    "-----", " -- ", "deb http://x", "KEY=v", "a  b  c", "-----BEGIN X-----", "f(x) {", " -- N <a@b>  D"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_line_patterns_tried_only_on_trigger_lines_match_as_a_full_scan(text):
    """structure._line_matches (config, column and machine lines tried only on lines
    holding a trigger character) finds exactly what a scan of the whole text finds."""
    from corpuslint import structure as S

    for pattern, trigger in ((S._CONFIG_LINE_RE, S._CONFIG_TRIGGER_RE), (S._COLUMNS_LINE_RE, S._COLUMNS_TRIGGER_RE),
                             (S._MACHINE_LINE_RE, S._MACHINE_TRIGGER_RE)):
        assert list(S._line_matches(pattern, text, trigger)) == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["=", "= ", "$v", "(", ";", "}", "{", "\\", ".", "?", " ", "\t", "\u00a0",
                                           "A_B=", "key=value", "x", "؟"]), max_size=30).map("".join))
def test_the_linear_config_test_for_long_lines_agrees_with_the_pattern(text):
    """structure._long_config_line (used on lines over MAX_PATTERN_LINE characters, where
    _CONFIG_LINE_RE backtracks quadratically) gives the pattern's verdict on every line."""
    from corpuslint import structure as S

    for line in text.split("\n"):
        assert S._long_config_line(line) == (S._CONFIG_LINE_RE.match(line) is not None), line


def test_a_long_minified_line_is_code_in_linear_time():
    # 224 k characters of "x = 1 ;": a configuration/code line (not prose) without the
    # pattern's quadratic backtracking; a long prose line stays prose
    line = "x = 1 ;" * 32000
    doc = Document("min.txt", line + "\n")
    assert [r.kind for r in doc.regions] == ["code"]
    prose = "word and more words, " * 1000
    assert all(r.kind != "code" for r in Document("p.txt", prose + "\n").regions)
    assert [r.kind for r in Document("p.txt", prose + ";\n").regions] == []  # no "x = y": not code


_SENTENCE_PIECES = list(".!?؟؛…\"'”’»)] \n\taب") + ["word", "كلمة", "..", "?\"", " \n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=30).map("".join), st.integers(0, 5), st.integers(0, 5))
def test_sentence_ends_match_the_look_behind_pattern(text, a, b):
    """document.sentence_ends (the mark matched, not looked behind for) gives the gaps the
    former look-behind pattern gave, on a whole text and on a window of it."""
    import regex

    from corpuslint.document import sentence_ends

    before = regex.compile(r"(?<=[.!?؟؛…])(?:[\"'”’»)\]]*)\s+|(?<=[.!?؟؛])$")
    pos, end = min(a, len(text)), max(min(a, len(text)), len(text) - b)
    if pos and text[pos - 1] in ".!?؟؛…":  # windows start at a line start, never right after a mark
        return
    assert list(sentence_ends(text)) == [m.span() for m in before.finditer(text)]
    assert list(sentence_ends(text, pos, end)) == [m.span() for m in before.finditer(text, pos, end)]


def test_prompt_lines_are_tried_where_a_prompt_sign_and_a_space_are_as_in_the_whole_text():
    """plain_text_regions tries its prompt pattern only at the start of the lines holding
    a prompt sign then a space or tab (``%`` is common in prose): on every short string
    of the characters that matter, the same matches as one scan of the whole text."""
    import itertools

    from corpuslint import structure

    alphabet = ["a", "#", "$", "%", ">", " ", "\t", "\n", "\r", "\u00a0", "ls", "root@host:~", "-x", "ك"]
    for n in range(5):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            assert [m.span() for m in structure._prompt_matches(text)] == [
                m.span() for m in structure._PROMPT_RE.finditer(text)], text
