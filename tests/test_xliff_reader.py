"""XLIFF (1.2, 2.x) and TMX files read as records (corpuslint/readers/xliff.py): one record a
target (a template's source; a TMX ``<seg>`` of each language), its language from the file,
findings at the file's line and column, inline codes and references as markup, entity
declarations refused, fixes rewriting only the fixed texts.

Real excerpts (tests/data/realtext/SOURCE.md, "read25"): Symfony 5.4.53's validator
translations (Debian php-symfony-validator, Expat licence), zh_CN units 1-4 and uk units
106-108, as released; an XLIFF 2 template of Angular's extractor (npm ngx-i18nsupport 0.17.1,
MIT). The TMX file and the other inline-code cases are made here (no real TMX file was found
in the registries this project reaches: see SOURCE.md)."""

from __future__ import annotations

import shutil
import string
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.files import ReadProblem, Source
from corpuslint.readers.xliff import TmxReader, XliffReader, markup_regions
from corpuslint.structure import MARKUP, MESSAGE

from .conftest import ROOT, run_cli, run_json

DATA = ROOT / "tests" / "data" / "realtext"
ZH = DATA / "symfony-validators-zh_CN-excerpt.xlf"  # "false 。": a space before the full stop (W114)
UK = DATA / "symfony-validators-uk-excerpt.xlf"  # two zero-width spaces inside a word gap (W112)


def docs(path: Path, reader=None) -> list:
    reader = reader or (TmxReader() if path.suffix == ".tmx" else XliffReader())
    return list(reader.documents(Source(str(path), path.name), None))


def test_each_target_is_a_record_in_the_files_target_language_with_its_source():
    found = docs(ZH)
    assert [d.record for d in found] == ["1", "2", "3", "4"]
    assert found[0].text == "该变量的值应为 false 。"
    assert found[0].source == "This value should be false."
    assert {d.language for d in found} == {"zh"}  # target-language="zh-CN"
    assert all(MESSAGE in d.kinds for d in found)


def test_findings_point_at_the_files_line_and_column_and_fix_only_the_target(tmp_path):
    # lead: a folder walk skipped .xlf files; named, each was one F004 ("no reader")
    shutil.copy(ZH, tmp_path / ZH.name)
    shutil.copy(UK, tmp_path / UK.name)
    _, report = run_json(str(tmp_path))
    got = sorted((Path(d["path"]).name, d["record"], d["line"], d["column"], d["code"]) for d in report["diagnostics"])
    assert got == [(UK.name, "107", 11, 48, "W112"), (ZH.name, "1", 7, 38, "W114"), (ZH.name, "2", 11, 37, "W114")]
    lines = ZH.read_text(encoding="utf-8").split("\n")
    assert lines[6][38 - 1 :].startswith(" 。")
    proc = run_cli("check", "--no-cache", "--fix", str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    before = ZH.read_text(encoding="utf-8").split("\n")
    after = (tmp_path / ZH.name).read_text(encoding="utf-8").split("\n")
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert changed == [7, 11] and len(before) == len(after)
    assert after[6].strip() == "<target>该变量的值应为 false。</target>"
    assert "\u200b" not in (tmp_path / UK.name).read_text(encoding="utf-8")


XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
  <file id="f1">
    <unit id="greeting">
      <segment><source>Click <ph id="1"/> to start.</source><target>Нажмите <ph id="1"/> чтобы  начать.</target></segment>
    </unit>
    <unit id="two">
      <segment id="s1"><source>First.</source><target>Первое.</target></segment>
      <ignorable><source> </source></ignorable>
      <segment id="s2"><source>Second <pc id="b">bold</pc>.</source><target>Второе <pc id="b">жирное</pc>&amp;co .</target></segment>
    </unit>
    <unit id="skip" translate="no"><segment><source>ACME</source><target>ACME  </target></segment></unit>
  </file>
</xliff>
"""


def test_xliff2_units_segments_and_inline_codes(tmp_path):
    path = tmp_path / "app.ru.xlf"
    path.write_text(XLIFF2, encoding="utf-8")
    found = docs(path)
    assert [d.record for d in found] == ["greeting", "two.s1", "two.s2"]  # translate="no": not a record
    assert {d.language for d in found} == {"ru"}
    spans = [found[2].text[r.start : r.end] for r in found[2].regions if r.kind == MARKUP]
    assert spans == ['<pc id="b">', "</pc>&amp;"]  # (touching markup is one region)
    _, report = run_json(str(path))
    got = sorted((d["record"], d["line"], d["column"], d["code"]) for d in report["diagnostics"])
    line = XLIFF2.split("\n")[4]
    assert got == [("greeting", 5, line.index("  начать") + 1, "W103"),
                   ("two.s2", 10, XLIFF2.split("\n")[9].index(" .</target>") + 1, "W114")]


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
  <body>
    <tu tuid="7">
      <tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept>  now.</seg></tuv>
      <tuv xml:lang="fr-FR"><seg>Appuyez sur <bpt i="1">&lt;b&gt;</bpt>Enregistrer<ept i="1">&lt;/b&gt;</ept> maintenant.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_tmx_each_side_is_a_record_in_its_language_and_native_code_is_markup(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(TMX, encoding="utf-8")
    found = docs(path)
    assert [(d.record, d.language) for d in found] == [("7.en", "en"), ("7.fr-FR", "fr")]
    en = found[0]
    assert en.masked().split() == ["Press", "Save", "now."]  # <bpt>&lt;b&gt;</bpt>: native code, not text
    code, report = run_json("--fix-data", str(path))
    assert [(d["record"], d["code"]) for d in report["diagnostics"]] == [("7.en", "W103")]


def test_a_file_without_targets_is_a_template_whose_sources_are_the_records(tmp_path):
    path = tmp_path / "messages.xlf"  # as `ng extract-i18n` writes it: sources, no targets
    path.write_text('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en">'
                    '<body><trans-unit id="a"><source>Hello  world</source></trans-unit></body></file></xliff>',
                    encoding="utf-8")
    assert [(d.record, d.text, d.language, d.source) for d in docs(path)] == [("a", "Hello  world", "en", None)]


def test_entity_declarations_are_refused_and_never_expanded(tmp_path):
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<xliff version="1.2"><file target-language="fr"><body>'
            '<trans-unit id="1"><source>x</source><target>&c;</target></trans-unit></body></file></xliff>\n')
    (tmp_path / "bomb.xlf").write_text(bomb, encoding="utf-8")
    external = ('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff><file>'
                '<body><trans-unit id="1"><source>x</source><target>&e;</target></trans-unit></body></file></xliff>\n')
    (tmp_path / "ext.xlf").write_text(external, encoding="utf-8")
    for name in ("bomb.xlf", "ext.xlf"):
        [problem] = docs(tmp_path / name)
        assert isinstance(problem, ReadProblem) and problem.kind == "malformed"
        assert "entity" in problem.message
    (tmp_path / "broken.xlf").write_text("<xliff><file><body><trans-unit>", encoding="utf-8")
    [problem] = docs(tmp_path / "broken.xlf")
    assert "not well-formed XML: line 1" in problem.message
    _, report = run_json(str(tmp_path))
    assert sorted(d["code"] for d in report["diagnostics"]) == ["F005", "F005", "F005"]


def test_filter_never_writes_records_into_an_xliff_file(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text('{"text": "a  b"}\n', encoding="utf-8")
    proc = run_cli("filter", str(data), str(tmp_path / "out.xlf"), "--drop", "W103")
    assert proc.returncode == 2 and "only rewritten in place" in proc.stderr
    assert not (tmp_path / "out.xlf").exists()


# -- properties: positions through markup, and markup kept by fixes --------------------------

_WORDS = st.text(alphabet=string.ascii_letters + "éж中 \n", min_size=0, max_size=12)
_INLINE = st.sampled_from(['<x id="1"/>', '<g id="2">', "</g>", "&amp;", "&#160;", '<ph id="3">&lt;br/&gt;</ph>',
                           "<!-- c -->", "<![CDATA[a<b]]>"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_WORDS, _INLINE), max_size=6), _WORDS, st.integers(0, 3))
def test_every_character_of_a_target_is_placed_where_the_file_has_it(tmp_path_factory, parts, tail, indent):
    body, depth = "", 0
    for words, inline in parts:
        if inline == "</g>" and depth == 0:
            inline = "<x/>"
        depth += inline.startswith("<g ") - (inline == "</g>")
        body += words + inline
    body += tail + "</g>" * depth
    head = '<xliff version="1.2"><file target-language="fr"><body>\n' + " " * indent + '<trans-unit id="u"><target>'
    text = head + body + "</target></trans-unit></body></file></xliff>\n"
    path = tmp_path_factory.mktemp("x") / "p.xlf"
    path.write_text(text, encoding="utf-8")
    expected = body
    for strip in (str.lstrip, str.rstrip):  # an edge's white space holding a line break is layout
        if "\n" in expected.replace(strip(expected, " \t\r\n"), "", 1):
            expected = strip(expected, " \t\r\n")
    found = docs(path)
    if not expected:
        assert found == []
        return
    [doc] = found
    assert doc.text == expected
    body = expected
    lines = text.split("\n")
    for offset, char in enumerate(body):
        line, column = doc.place(offset)
        assert (lines[line - 1] + "\n")[column - 1] == char
    regions = markup_regions(body)
    assert regions is not None and all(body[r.start] in "<&]" for r in regions)
    # the text the rules read: every tag, reference and comment blanked (a CDATA section's content is text)
    masked = doc.masked()
    assert "&" not in masked and "<" not in masked.replace("a<b", "")


LAYOUT = """<?xml version="1.0" encoding="UTF-8" ?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="fr" datatype="plaintext" original="ng2.template">
    <body>
      <trans-unit id="icu" datatype="html">
        <source>
            <x id="ICU"/>
        </source>
        <target><x id="ICU"/></target>
      </trans-unit>
      <trans-unit id="hello" datatype="html">
        <source>Hello</source>
        <target>
          Bonjour
        </target>
      </trans-unit>
      <trans-unit id="bye" datatype="html">
        <source>Goodbye</source>
        <target>Au revoir </target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_white_space_holding_a_line_break_at_a_texts_edge_is_the_files_layout(tmp_path):
    # first read: T103 (a translation beginning with a line break where its source does not, and the
    # reverse), W104 and W107 on the indentation before </target>: the file's layout, not the text
    path = tmp_path / "messages.fr.xlf"
    path.write_text(LAYOUT, encoding="utf-8")
    assert [d.text for d in docs(path)] == ['<x id="ICU"/>', "Bonjour", "Au revoir "]
    _, report = run_json(str(path))
    # the space the translator left before </target> stays reported
    assert [(d["record"], d["line"], d["column"], d["code"]) for d in report["diagnostics"]] == [("bye", 19, 26, "W101")]


# An XLIFF 2 template as Angular's extractor writes it (CRLF line ends, no targets: its sources
# are the records), lines 1-3 and 31-60 of ngx-i18nsupport 0.17.1's
# test/testdata/i18n/ngExtractedMaster1.xlf2 (npm, MIT; tests/data/realtext/SOURCE.md).
NG2 = DATA / "ngx-i18nsupport-master1-excerpt.xlf"


def test_angular_xliff2_placeholders_and_embedded_html_are_markup_not_text():
    # lead, read as text (--extend-include '*.xlf'): the 30 files of that folder gave 1,018 findings
    # (A106 386 on <ph>/<pc>, A107 91 on &lt;b&gt;, D106 484 on the XML skeleton); read as XLIFF, none
    found = docs(NG2)
    assert [(d.record, d.side, d.language) for d in found] == [
        ("9030312858648510700", "source", "en"), ("7149517499881679376", "source", "en"),
        ("8998006760999956868", "source", "en"), ("5917488050182782344", "source", "en")]
    placeholders, linebreak, embedded, _ = found
    assert placeholders.masked().split() == ["Eintrag", "von", "hinzugefügt."]
    assert embedded.masked().split() == ["Dieser", "Text", "enthält", "eingebettetes", "html"]
    assert linebreak.text == "Dieser Text\r\n  enthält einen Zeilenumbruch."  # (a line break inside is text)
    assert linebreak.place(len("Dieser Text\r\n  ")) == (18, 3)
    _, report = run_json(str(NG2))
    assert report["diagnostics"] == []
