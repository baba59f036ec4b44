"""reStructuredText structure (corpuslint/rst.py): .rst is parsed with docutils into the
regions Markdown has, so rules need no change. Excerpts: docutils' quickstart (public
domain) and Sphinx's documentation (BSD-2-Clause); see tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpuslint import rst
from corpuslint.document import Document

from .conftest import run_cli

DATA = Path(__file__).parent / "data" / "realtext"
QUICKSTART = (DATA / "docutils-quickstart.rst").read_text(encoding="utf-8")
SPHINX = (DATA / "sphinx-directives.rst").read_text(encoding="utf-8")


def kinds(text: str, name: str = "doc.rst") -> dict:
    """Each non-blank line (stripped) -> its line kind (a tuple of them for a line that
    occurs more than once)."""
    doc = Document(name, text)
    out: dict = {}
    for ln, k in zip(doc.lines, doc.line_kinds):
        if k != "blank":
            key = doc.line_text(ln).strip()
            out[key] = k if key not in out else (out[key] if isinstance(out[key], tuple) else (out[key],)) + (k,)
    return out


def span_kind(doc: Document, needle: str, nth: int = 0) -> set[str]:
    """The region kinds over the characters of the ``nth`` occurrence of ``needle``."""
    at = -1
    for _ in range(nth + 1):
        at = doc.text.index(needle, at + 1)
    return {doc.kind_at(i) for i in range(at, at + len(needle)) if not doc.text[i].isspace()}


def test_docutils_quickstart_lines_take_the_kind_of_their_construct():
    k = kinds(QUICKSTART)
    assert k["A ReStructuredText Primer"] == "heading"
    assert k["========================="] == "markup"  # the underline
    assert k[".. include:: ../../header2.rst"] == "markup"  # (not read: file insertion is off)
    assert k[".. contents::"] == "markup"
    assert k[".. _Quick reStructuredText: quickref.html"] == "markup"
    assert k["https://docutils.sourceforge.io/docs/user/rst/quickref.html"] == "markup"  # a target's URL
    assert k["__"] == "markup"
    assert k[":Author: Richard Jones"] == "prose"  # the field's value is text, its name markup
    assert k["reStructuredText.  The `What Next?`_ section below has links to"] == "prose"  # inside .. Note::
    assert k["From the outset, let me say that \"Structured Text\" is probably a bit"] == "prose"
    # the literal block after "For example::", then the same text as a block quote ("Results in:")
    assert k["This is a paragraph.  It's quite"] == ("code", "prose")
    assert k["text, typically used for quoting other text."] == ("code", "prose")
    doc = Document("q.rst", QUICKSTART)
    assert span_kind(doc, ":Author:") == {"markup"} and span_kind(doc, "Richard Jones") == {"prose"}
    assert span_kind(doc, ".. Note::") == {"markup"}


def test_sphinx_roles_directives_and_tables():
    doc = Document("s.rst", SPHINX)
    k = kinds(SPHINX)
    assert k["Field Lists"] == "heading" and k[".. highlight:: rst"] == "markup"
    assert k[":fieldname: Field content"] == "code"  # a literal block
    assert k["| body row 1, column 1   | column 2   | column 3 | column 4 |"] == ("code", "table")
    assert k["strings. You cannot use Python collections such as lists or dictionaries."] == "prose"  # .. note::
    assert span_kind(doc, ":ref:`As previously discussed <rst-field-lists>`") == {"markup"}  # a Sphinx role
    assert span_kind(doc, "*docinfo*") == {"prose"}
    # Sphinx's rst:directive and version-changed (unknown to docutils): their text is prose
    assert k["which added the described feature."] == "prose"
    assert k["The previous name is retained as an alias."] == "prose"
    assert k[".. version-changed:: 9.0"] == "markup" and k[".. index:: pair: added; in version"] == "markup"
    assert span_kind(doc, ":rst:dir:`versionadded`") == {"markup"}
    assert span_kind(doc, "There must be no blank line") == {"prose"}  # .. attention:: (docutils')
    # a grid table: its rows are table, its borders markup; the same table quoted after "::" is code
    lines = [doc.line_text(ln) for ln in doc.lines]
    row = lines.index("| body row 1, column 1   | column 2   | column 3 | column 4 |")
    assert doc.line_kinds[row] == "table" and doc.line_kinds[row - 1] == "markup"
    quoted = lines.index("   | body row 1, column 1   | column 2   | column 3 | column 4 |")
    assert doc.line_kinds[quoted] == "code"
    assert span_kind(doc, "(:duref:`ref <grid-tables>`)") == {"prose", "markup"}


def found(tmp_path, name: str, text: str, *codes: str) -> list[tuple[str, int]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    out = run_cli("check", "--no-cache", "--format", "json", "--select", ",".join(codes), name, cwd=tmp_path)
    import json

    return sorted((d["code"], d["line"]) for d in json.loads(out.stdout)["diagnostics"])


def test_a_slip_in_prose_is_still_found_and_markup_is_not(tmp_path):
    """A doubled word and a trailing space in a paragraph of the quickstart are reported;
    the same in its literal block, field names and directive lines are not."""
    lines = QUICKSTART.split("\n")
    i = lines.index("of a misnomer.  It's more like \"Relaxed Text\" that uses certain")
    lines[i] = "of a misnomer.  It's more like like \"Relaxed Text\" that uses certain "
    j = lines.index("  This is a paragraph.  It's quite")
    lines[j] = "  This is a paragraph paragraph.  It's quite"
    text = "\n".join(lines)
    assert found(tmp_path, "q.rst", text, "S104", "W101") == [("S104", i + 1), ("W101", i + 1)]


def test_html_tags_written_as_text_in_rst_are_not_leftovers(tmp_path):
    """docutils' element reference (doctree.rst) names elements as ``<caption>``: reST has
    no inline HTML, so a tag standing apart, or escaped (```\\<meta>`_``), is text."""
    text = (
        "<caption>\n=========\n\n"
        ":Analogues:  <header> is analogous to the HTML_ <header> element.\n"
        "             There are no direct analogies to <header> in HTML4 or DocBook.\n\n"
        "The ``name`` attribute in the `\\<meta>`_ element accepts `NMTOKEN`_ values.\n\n"
        "Text left over<br>from a page.\n"
    )
    assert found(tmp_path, "doctree.rst", text, "A106") == [("A106", 9)]  # the tag against words only
    # plain text: a tag alone on a line is a leftover (line 5's <header> stands apart in a
    # paragraph that names HTML and elements: named there in plain text too, fresh15's kind)
    assert found(tmp_path, "doctree.txt", text, "A106") == [("A106", 1), ("A106", 7), ("A106", 9)]


def test_unknown_directives_and_roles_do_not_fail_the_file(tmp_path):
    text = (
        "Intro\n=====\n\n.. mermaid::\n\n   graph TD; A-->B;\n\n.. some-extension:: x\n   :opt: 1\n\n"
        "   Hidden body.\n\nSee :unknownrole:`thing` and :py:func:`len`.\n"
    )
    doc = Document("u.rst", text)
    k = kinds(text)
    assert k["graph TD; A-->B;"] == "code" and k["Hidden body."] == "markup" and k[":opt: 1"] == "markup"
    assert span_kind(doc, ":unknownrole:`thing`") == {"markup"} and span_kind(doc, "See") == {"prose"}


def test_file_insertion_and_raw_are_off(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT\n", encoding="utf-8")
    text = f".. include:: {secret}\n\n.. raw:: html\n   :file: {secret}\n\n.. csv-table::\n   :file: {secret}\n\nText.\n"
    tree = rst.parse(text)
    assert "SECRET-CONTENT" not in tree.astext()
    assert kinds(text)["Text."] == "prose"


def test_malformed_and_huge_input_fall_back_to_plain_text():
    long_line = "word " * 4000  # over docutils' line-length limit (10,000): the parse stops
    doc = Document("long.rst", "Title\n=====\n\n" + long_line + "\n\n$ ls -l /tmp\n")
    assert doc.line_kinds[3] == "prose" and doc.line_kinds[5] == "code"  # plain-text regions
    deep = "".join(" " * i + "- item\n\n" for i in range(0, 400, 2))  # deeply nested lists
    doc = Document("deep.rst", deep)
    assert len(doc.line_kinds) == len(doc.lines)
    broken = "+-----+\n| a |\n+--+\n\n.. |x| unknown:: y\n\n`unclosed\n\n:\n\n.. [#\n"
    doc = Document("broken.rst", broken)
    assert len(doc.line_kinds) == len(doc.lines)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "Title", "=====", "", "   indented", ".. note::", "- item", "::", "``code``", ":field: v", "+--+--+",
    "| a | b |", ".. _t:", "`x`_", ":ref:`y`", "\t tab", "\u2028", "\r", "text *emph", ">>> 1", ".. code-block:: py",
]), max_size=30))
@example(["| a | b |", "   indented", "\t tab"])  # a line block whose tab docutils expands: its span ran past the text
def test_regions_are_sorted_disjoint_and_inside_the_text(parts):
    text = "\n".join(parts)
    doc = Document("h.rst", text)
    regions = doc.regions
    for a, b in zip(regions, regions[1:]):
        assert a.end <= b.start
    assert all(0 <= r.start < r.end <= len(text) for r in regions)
    assert len(doc.line_kinds) == len(doc.lines)


def test_double_spaces_in_rst_prose(tmp_path):
    """docutils' docs (doctree.rst, directives.rst, restructuredtext.rst): two spaces
    after a sentence closed by inline markup or a footnote reference are the two-space
    convention; a doubled space inside a sentence is a slip, also in a document that
    quotes code in literal blocks (plain text with code checks only sentence-like lines:
    reST's code is parsed, so every prose line is checked)."""
    text = (
        ":Parameter Entities:\n"
        "  `%body.elements`_  directly includes all body elements,\n"
        "  `%structure.model`_ indirectly includes all body elements.\n\n"
        "**Deprecated.**  Use the `line block syntax`_ instead.\n\n"
        "Unicode categories are listed below. [#uni-version]_  For example::\n\n"
        "    Ps (Open)  Pi (Initial quote)\n"
    )
    assert found(tmp_path, "doctree.rst", text, "W103") == [("W103", 2)]


def test_list_items_block_quotes_and_titles_are_containers():
    from corpuslint import structure

    doc = Document("q.rst", QUICKSTART)
    lines = [doc.line_text(ln) for ln in doc.lines]
    c = structure.markdown_containers(doc)
    assert lines.index("A ReStructuredText Primer") in c[structure.HEADING_START]
    quote = [i for i, t in enumerate(lines) if t == "  This is a paragraph.  It's quite"][1]  # after "Results in:"
    assert quote in c[structure.BLOCKQUOTE] and quote not in c[structure.LIST_ITEM]
    doc = Document("l.rst", "Intro.\n\n- item one\n  continues\n- item two\n")
    assert structure.markdown_containers(doc)[structure.LIST_ITEM] == {2, 3, 4}


def test_a_term_with_a_classifier_is_markup(tmp_path):
    """docutils' publisher.rst documents parameters numpydoc-style, ``name : type``: a
    definition-list term and its classifier, not a sentence with a space before ':'."""
    text = (
        "Parameters\n----------\n\nsource : file-like\n    Input source, a file-like object with a ``read()`` method.\n\n"
        "source_path : str | pathlib.Path\n    Path to the source file.\n\nWhat is it : a question.\n"
    )
    k = kinds(text)
    assert k["source : file-like"] == "markup" and k["Input source, a file-like object with a ``read()`` method."] == "prose"
    assert found(tmp_path, "publisher.rst", text, "W114") == [("W114", 10)]  # (a paragraph, not a term)


def test_blank_lines_before_a_section_or_target_are_layout_in_rst(tmp_path):
    """docutils' docs (tools.rst, doctree.rst) put three blank lines before many section
    titles and targets: the reST source's layout. Between two paragraphs they are still
    reported, and in a .txt file before a title too."""
    text = "Intro text.\n\n\n\nreStructuredText-Generating Tools\n=================================\n\nSome text.\n\n\n\n.. _reference name:\n\nMore text.\n\n\n\nLast text.\n"
    assert found(tmp_path, "tools.rst", text, "W105") == [("W105", 17)]
    assert found(tmp_path, "tools.txt", text, "W105") == [("W105", 4)]  # (3 runs, reported once)


def test_a_file_of_one_unknown_directive_is_markup():
    """(The parse of a file over the line-length limit stops with one message; a file
    that is one directive docutils does not know also parses to one message, and is reST.)"""
    text = ".. toctree::\n   :maxdepth: 2\n\n   intro\n   usage/quickstart\n"
    assert set(kinds(text).values()) == {"markup"}
