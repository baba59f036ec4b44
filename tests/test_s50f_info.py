"""GNU Info files read with their structure (session 50, helper s50f; fresh38's kinds 1, 3, 8).

Excerpts quoted inline, as fresh38 holds them (see tests/data/realtext/SOURCE.md): with-editor.info
of Debian elpa-with-editor 3.0.5-1 (GPL-3+) and the General Index node of texinfo.info-3 of Debian
texinfo 6.8-6+b1 (the manual: GFDL-1.3), both written by makeinfo."""

from __future__ import annotations

from corpuslint import lint_paths, lint_records, lint_text
from corpuslint.document import Document
from corpuslint.files import Source, load

NO_CACHE = {"cache": False}

# with-editor.info: its preamble, the Top node (cut), a node with an example and the sentence
# naming the literal ^_ in it, the Function Index node, the tag table and local variables
WITH_EDITOR = """\
This is with-editor.info, produced by makeinfo version 6.8 from
with-editor.texi.

     Copyright (C) 2015-2021 Jonas Bernoulli <jonas@bernoul.li>


INFO-DIR-SECTION Emacs
START-INFO-DIR-ENTRY
* With-Editor: (with-editor). Using the Emacsclient as $EDITOR.
END-INFO-DIR-ENTRY

\x1f
File: with-editor.info,  Node: Top,  Next: Using the With-Editor package,  Up: (dir)

With-Editor User Manual
***********************

The library ‘with-editor’ makes it easy to use the Emacsclient as the
‘$EDITOR’ of child processes, making sure they know how to call home.

* Menu:

* Using the With-Editor package::
* Command Index::
* Function Index::

\x1f
File: with-editor.info,  Node: Configuring With-Editor,  Next: Using With-Editor commands,  Up: Using the With-Editor package

1.1 Configuring With-Editor
===========================

     If you use such a shell (e.g.  ‘csh’ on FreeBSD, but not Debian),
     then you have to edit this option.  You can either replace ‘sh’
     with ‘bash’ (and install that), or you can use the older, less
     performant implementation:

          "sh -c '\\
          echo \\"WITH-EDITOR: $$ OPEN $0\x1f IN $(pwd)\\"; \\
          trap \\"exit 0\\" USR1; \\
          while true; do sleep 1; done'"

     Note that the unit separator character (\x1f) right after the file name
     ($0) is required.

\x1f
File: with-editor.info,  Node: Function Index,  Next: Variable Index,  Prev: Command Index,  Up: Top

Appendix B Function Index
*************************

\x00\x08[index\x00\x08]
* Menu:

* with-editor:                           Using With-Editor as a library.
                                                               (line 16)
* with-editor-export-editor:             Using With-Editor commands.
                                                               (line 62)

\x1f
Tag Table:
Node: Top\x7f773
Node: Function Index\x7f14719
\x1f
End Tag Table

\x1f
Local Variables:
coding: utf-8
End:
"""


def found(code: str, text: str, path: str = "info/with-editor.info") -> list[tuple[int, int, str | None]]:
    """(line, column, fix safety) of each ``code`` finding of ``text`` in a file named ``path``."""
    config = {"select": [code], **NO_CACHE}
    return [(f.line, f.column, f.fix.applicability.value if f.fix else None)
            for f in lint_text(text, path=path, config=config)]


def kinds(text: str, path: str = "info/with-editor.info") -> dict[str, str]:
    """The kind of each distinct line of ``text`` (its first occurrence), by its text."""
    doc = Document(path, text)
    out: dict[str, str] = {}
    for line, kind in zip(doc.lines, doc.line_kinds):
        out.setdefault(text[line.start : line.end], kind)
    return out


# -- kind 1: an Info file is recognised by its content and read with its regions ----------------


def test_an_info_files_separators_headers_menus_index_and_tag_table_are_markup():
    got = kinds(WITH_EDITOR)
    doc = Document("info/with-editor.info", WITH_EDITOR)
    assert {doc.kind_at(i) for i, c in enumerate(WITH_EDITOR) if c == "\x1f" and WITH_EDITOR[i - 1] == "\n"} == {"markup"}
    for line in ("File: with-editor.info,  Node: Top,  Next: Using the With-Editor package,  Up: (dir)",
                 "* Menu:", "* Command Index::", "\x00\x08[index\x00\x08]",
                 "* with-editor:                           Using With-Editor as a library.",
                 "                                                               (line 16)",
                 "Tag Table:", "Node: Top\x7f773", "End Tag Table", "coding: utf-8",
                 "INFO-DIR-SECTION Emacs", "START-INFO-DIR-ENTRY", "***********************"):
        assert got[line] == "markup", line
    assert got["With-Editor User Manual"] == "heading"
    assert got["1.1 Configuring With-Editor"] == "heading"
    # an @example (indented deeper than the text above it, after a blank line) is code
    assert got["          trap \\\"exit 0\\\" USR1; \\"] == "code"
    # the node's text, and the paragraphs of a definition (indented five columns: filled prose), are prose
    assert got["The library ‘with-editor’ makes it easy to use the Emacsclient as the"] == "prose"
    assert got["     If you use such a shell (e.g.  ‘csh’ on FreeBSD, but not Debian),"] == "prose"
    assert got["     Note that the unit separator character (\x1f) right after the file name"] == "prose"


def test_an_info_node_is_recognised_in_a_txt_file_and_in_a_record_not_by_its_name():
    assert Document("manual.txt", WITH_EDITOR).is_info
    node = WITH_EDITOR[WITH_EDITOR.index("File: with-editor.info,  Node: Top") : WITH_EDITOR.index("\x1f\nFile: with-editor.info,  Node: Conf")]
    assert Document("texinfo.jsonl#Top", node, suffix=".jsonl").is_info
    assert kinds(node, "node.txt")["* Function Index::"] == "markup"
    # a .info file that is no Info file, and a text that quotes a header line: plain text
    plain = "Some notes.\nFile: x.info,  Node: Top,  Up: (dir) is the first header of a manual.\n"
    assert not Document("notes.info", "Just some notes.\n").is_info
    assert not Document("notes.txt", plain).is_info
    # Markdown is Markdown
    assert not Document("node.md", node).is_info


# find.info of Debian findutils 4.9.0-4 (GFDL-1.3): the first file of a split manual, its preamble
# (cut) and tables only, the nodes being in find.info-1 and find.info-2
FIND_INFO = """\
This is find.info, produced by makeinfo version 6.8 from find.texi.

   Copyright (C) 1994-2022 Free Software Foundation, Inc.
INFO-DIR-SECTION Basics
START-INFO-DIR-ENTRY
* Finding files: (find).        Operating on files matching certain criteria.
END-INFO-DIR-ENTRY

\x1f
Indirect:
find.info-1: 1201
find.info-2: 312546
\x1f
Tag Table:
(Indirect)
Node: Top\x7f1201
Node: Introduction\x7f2897
\x1f
End Tag Table
"""


def test_the_first_file_of_a_split_info_manual_is_read_as_info():
    assert Document("find.info", FIND_INFO).is_info
    assert set(kinds(FIND_INFO, "find.info").values()) == {"markup", "blank"}
    assert found("W103", FIND_INFO, "find.info") == []  # main: the dir entry's padding (line 6)
    assert found("A109", FIND_INFO, "find.info") == []


# -- kind 2: A109 leaves the format's own control characters; a named one keeps its character ---


def test_a109_leaves_the_node_separators_and_index_markers_and_no_safe_fix_for_a_named_character():
    # main: 6 separators and the index marker reported, each safe-fixed away (info reads no node then);
    # the ^_ inside the example's code is code; the one the sentence names is reported, unsafe
    assert found("A109", WITH_EDITOR) == [(43, 46, "unsafe")]
    # a stray control character in a node's text is still reported, its fix safe
    text = WITH_EDITOR.replace("makes it easy to use", "makes it\x08 easy to use")
    assert found("A109", text) == [(18, 35, "safe"), (43, 46, "unsafe")]


def test_a109_gives_no_safe_fix_to_a_control_character_quoted_in_prose_outside_info():
    # with-editor.org (the same manual's Org source) writes the ^_ literally too
    org = "Note that the unit separator character (\x1f) right after the file name ($0) is required.\n"
    assert found("A109", org, "org/with-editor.org") == [(1, 41, "unsafe")]
    assert found("A109", org.replace("(\x1f)", "\x1f"), "org/with-editor.org") == [(1, 40, "safe")]


# -- kind 3: W103 on the header lines, menu and index columns, examples ----------------------------


def test_w103_leaves_headers_menus_index_columns_and_examples_of_an_info_file():
    table = WITH_EDITOR.replace("          trap \\\"exit 0\\\" USR1; \\",
                                "          -rw-r--r--  1 jonas  jonas  773  Top")
    assert found("W103", table) == []
    # a doubled space inside a sentence of the node's text is still reported
    slip = WITH_EDITOR.replace("making sure they know", "making  sure they know")
    assert found("W103", slip) == [(19, 37, "safe")]


GENERAL_INDEX = (
    "File: texinfo.info,  Node: General Index,  Prev: Command and Variable Index,  Up: Top\n\n"
    "General Index\n*************\n\n\x00\x08[index\x00\x08]\n* Menu:\n\n"
    "* \" (undirected double quote character): Inserting Quotation Marks.\n"
    "                                                              (line  43)\n"
    "* #line directive:                       #line Directive.     (line   6)\n"
    "* #line directive, not processing with TeX: #line and TeX.    (line   6)\n"
    "* #line directive, syntax details:       #line Syntax Details.\n"
    "                                                              (line   6)\n"
    "* $Id expansion, preventing:             @w.                  (line  27)\n"
    "* &#xHEX;, output from @U:               Inserting Unicode.   (line  27)\n"
    "* ':                                     Inserting Quotation Marks.\n"
    "                                                              (line  43)\n"
    "* (dir) as Up node of Top node:          First Node.          (line  15)\n"
    "* -, breakpoint within @code:            @allowcodebreaks.    (line   6)\n"
    "* 8-bit characters, in HTML cross-references: HTML Xref 8-bit Character Expansion.\n"
    "                                                              (line   6)\n"
    "* @ as continuation in definition commands: Def Cmd Continuation Lines.\n"
    "                                                              (line   6)\n"
    "* ^@^H for images in Info:               Image Syntax.        (line  78)\n"
    "* _, breakpoint within @code:            @allowcodebreaks.    (line   6)\n"
)


def test_w103_and_a109_leave_an_index_node_record_and_q111_still_measures_it():
    got = lint_records([{"id": "texinfo.info-3/General Index", "text": GENERAL_INDEX}], id_field="id",
                       config={"select": ["W103", "A109", "Q111"], **NO_CACHE}, path="texinfo.jsonl")
    # main: the header's two-space gaps and every padded entry (W103), the marker (A109); Q111 at the header
    # line, markup, was dropped by the engine: now reported at the node's title
    assert [(f.code, f.line) for f in got] == [("Q111", 3)]


# -- kind 4: F002 on an Info file whose index holds NUL markers ------------------------------------


def test_an_info_file_with_index_markers_is_read_as_text_and_a_binary_file_is_not(tmp_path):
    (tmp_path / "with-editor.info").write_text(WITH_EDITOR, encoding="utf-8")
    (tmp_path / "blob.info").write_bytes(WITH_EDITOR.encode() + b"\x00\x01\x02binary")
    (tmp_path / "fake.info").write_bytes(b"\x00\x08[index\x00\x08]\n* Menu:\n\x00\x00")
    doc = load(Source(str(tmp_path / "with-editor.info"), "with-editor.info"))
    assert isinstance(doc, Document) and doc.is_info
    got = lint_paths([str(tmp_path)], config={"extend-include": ["*.info"], "select": ["F002", "A109"], **NO_CACHE})
    assert sorted((f.path.rsplit("/", 1)[-1], f.code) for f in got) == [
        ("blob.info", "F002"), ("fake.info", "F002"), ("with-editor.info", "A109")]


# -- kind 5: D106 on menu lines -------------------------------------------------------------------


def test_d106_leaves_menu_lines_shared_by_info_nodes():
    menu = "* Menu:\n\n* Command Index::\n* Function Index::\n* Variable Index::\n"
    records = [{"id": name, "text": f"File: {name}.info,  Node: Top,  Up: (dir)\n\n{name} manual\n"
                                     f"{'*' * (len(name) + 7)}\n\nThe {name} package does {n} things for you.\n\n{menu}"}
               for n, name in enumerate(["magit", "transient", "with-editor", "forge"])]
    got = lint_records(records, id_field="id", config={"select": ["D106"], **NO_CACHE}, path="manuals.jsonl")
    assert got == []
