"""gettext catalogues (.po, .pot) read as records: one per translated string, its msgid
known; findings at the .po file's line and column (through escapes and continuation
lines); header, fuzzy, obsolete and untranslated entries are not records; fixes rewrite
only the fixed strings and the file still parses; document kinds ("message") declared
by rules (``Rule.skip_kinds``) and applied by the engine.

The catalogues are real excerpts (tests/data/realtext/SOURCE.md): Django 5.2.19's
Persian and Danish translations and Sphinx 9.0.4's Russian one. The fuzzy and obsolete
entries are made by the tests from those real entries (the released files have none)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import lint_paths
from corpuslint.document import Document
from corpuslint.engine import skips_kind
from corpuslint.files import Source
from corpuslint.readers import ReaderOptions, write_dataset
from corpuslint.readers.po import PoReader, escape, unescape
from corpuslint.structure import CATALOGUE, MESSAGE

from .conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data" / "realtext"
FA = DATA / "django-fa-conf-excerpt.po"  # escapes \" and continuation lines
DA = DATA / "django-da-humanize-excerpt.po"  # plural forms, NBSP as the msgid has it
RU = DATA / "sphinx-ru-excerpt.po"  # \n in a one-line msgstr, padding the msgid has
FR = DATA / "django-fr-admin-excerpt.po"  # "Language: fr"; no-break spaces before : ? and inside « »
NO_CACHE = {"cache": False}


def records(path: Path) -> list:
    return list(PoReader().documents(Source(str(path), path.name), None))


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def line_no(path: Path, needle: str) -> int:
    """1-based number of the one line of ``path`` holding ``needle``."""
    found = [i for i, line in enumerate(lines_of(path), 1) if needle in line]
    assert len(found) == 1, found
    return found[0]


def test_each_translated_msgstr_is_a_record_with_its_msgid_and_the_header_is_not():
    docs = records(FA)
    # every msgstr keyword's line but the header's (the first)
    assert [d.record for d in docs] == [i for i, ln in enumerate(lines_of(FA), 1) if ln.startswith("msgstr")][1:]
    texts = [d.text for d in docs]
    entries = [e for e in polib.pofile(str(FA)) if e.msgstr]
    assert texts == [e.msgstr for e in entries]  # unescaped as gettext reads them
    assert texts[0].startswith('یک "اسلاگ" معتبر') and texts[0].endswith("وارد کنید. ")
    assert texts[2] == '"%(path)s" وجود ندارد '
    assert [d.source for d in docs] == [e.msgid for e in entries]
    for doc in docs:  # the record is the line of its msgstr keyword
        assert lines_of(FA)[doc.record - 1].startswith("msgstr")
        assert doc.kinds == frozenset({MESSAGE}) and doc.path == f"{FA.name}#{doc.record}"
    assert not any("Project-Id-Version" in t for t in texts)


def test_plural_forms_are_records_knowing_the_msgid_plural():
    docs = records(DA)
    assert [d.text for d in docs] == ["%(delta)s siden", "en\u00a0time siden", "%(count)s\u00a0timer siden"]
    assert [lines_of(DA)[d.record - 1].split(" ")[0] for d in docs] == ["msgstr", "msgstr[0]", "msgstr[1]"]
    assert docs[1].source == "an hour ago" and docs[2].source == "%(count)s\u00a0hours ago"
    assert docs[1].sources == ("an hour ago", "%(count)s\u00a0hours ago")


def test_findings_point_to_the_file_line_and_column_through_escapes_and_continuations():
    found = lint_paths([FA], config={"select": ["W101", "W103"], **NO_CACHE})
    got = sorted((f.code, f.record, f.line, f.column, f.end_line, f.end_column) for f in found)
    lines = lines_of(FA)
    slug = line_no(FA, "وارد کنید. ")  # the continuation line after `msgstr ""`
    referer = line_no(FA, '"\\"Referer header\\"  ')
    path = line_no(FA, 'msgstr "\\"%(path)s\\" وجود ندارد "')
    want = [
        # the trailing space: the character before the closing quote, after two \" escapes
        ("W101", slug - 1, slug, lines[slug - 1].rindex(' "') + 1, slug, len(lines[slug - 1])),
        # two spaces after `\"Referer header\"` on the second continuation line
        ("W103", referer - 2, referer, lines[referer - 1].index("  ") + 1, referer, lines[referer - 1].index("  ") + 3),
        ("W101", path, path, lines[path - 1].rindex(' "') + 1, path, len(lines[path - 1])),
    ]
    assert got == sorted(want)
    assert all(f.path == str(FA) or f.path.endswith(FA.name) for f in found)


def test_fuzzy_obsolete_and_untranslated_entries_are_not_records(tmp_path):
    text = FA.read_text(encoding="utf-8")
    path_entry = '#, python-format\nmsgid "“%(path)s” does not exist"\nmsgstr "\\"%(path)s\\" وجود ندارد "\n'
    assert path_entry in text
    fuzzy = tmp_path / "fuzzy.po"
    fuzzy.write_text(text.replace("#, python-format\nmsgid \"“%(path)s", "#, fuzzy, python-format\nmsgid \"“%(path)s"),
                     encoding="utf-8")
    obsolete = tmp_path / "obsolete.po"
    obsolete.write_text(text.replace(path_entry, "".join(f"#~ {ln}\n" for ln in path_entry.splitlines()[1:])),
                        encoding="utf-8")
    empty = tmp_path / "untranslated.po"
    empty.write_text(text.replace('msgstr "\\"%(path)s\\" وجود ندارد "', 'msgstr ""'), encoding="utf-8")
    whole = [d.text for d in records(FA)]
    for variant in (fuzzy, obsolete, empty):
        assert [d.text for d in records(variant)] == whole[:2], variant.name
        assert len(lint_paths([variant], config={"select": ["W101"], **NO_CACHE})) == 1  # the slug's only


def test_the_msgid_settles_padding_and_spaces_that_are_the_programs():
    # Sphinx's msgid ends "source files. ": the Russian translation keeps the space (not reported)
    assert lint_paths([RU], config={"select": ["W101"], **NO_CACHE}) == []
    # Danish "en\xa0time siden": Django's msgid_plural "%(count)s\xa0hours ago" asks for the NBSP
    assert lint_paths([DA], config={"select": ["W102"], **NO_CACHE}) == []


def test_the_same_strings_with_other_msgids_are_still_reported(tmp_path):
    ru = tmp_path / "ru.po"
    ru.write_text(RU.read_text(encoding="utf-8").replace('"source files. "', '"source files."'), encoding="utf-8")
    assert [f.code for f in lint_paths([ru], config={"select": ["W101"], **NO_CACHE})] == ["W101"]
    da = tmp_path / "da.po"
    # (a no-break space after the count word "en" is typography whatever the msgid says:
    # moved between two other words of the same string)
    da.write_text(DA.read_text(encoding="utf-8").replace("%(count)s\u00a0hours", "%(count)s hours")
                  .replace("en\u00a0time siden", "en time\u00a0siden"), encoding="utf-8")
    found = lint_paths([da], config={"select": ["W102"], **NO_CACHE})
    assert [(f.code, f.line) for f in found] == [("W102", line_no(da, 'msgstr[0] "en'))]


XZ_DE = DATA / "xz-de-help-excerpt.po"  # `--help` columns and a blank line after the usage line
XZ_HR = DATA / "xz-hr-help-excerpt.po"  # a description moved up beside its option


def test_a_translation_keeps_the_layout_of_its_msgids_help_text(tmp_path):
    """XZ Utils' German and Croatian `--help` texts realign the msgid's option columns
    and keep its blank line after the usage line: the program's layout, not slips.
    The same runs and blank lines where the msgid has none are the translator's."""
    rules = {"select": ["W103", "W107", "W114"], **NO_CACHE}
    assert lint_paths([XZ_DE, XZ_HR], config=rules) == []
    de = tmp_path / "de.po"
    de.write_text(XZ_DE.read_text(encoding="utf-8")
                  .replace('"zwingend.\\n"', '"zwingend.\\n"\n"\\n"')  # a blank line the msgid lacks
                  .replace('" Aktionsmodus:\\n"', '" Aktions  modus:\\n"')  # a doubled space, no columns
                  .replace('" Aktionsmodifikatoren:\\n"', '" Aktionsmodifikatoren :\\n"'), encoding="utf-8")
    found = lint_paths([de], config=rules)
    assert sorted((f.code, f.line) for f in found) == sorted([
        ("W107", line_no(de, '"zwingend.\\n"') + 1), ("W103", line_no(de, "Aktions  modus")),
        ("W114", line_no(de, "Aktionsmodifikatoren :"))])
    hr = tmp_path / "hr.po"  # a msgid without columns: the same run is the translator's
    hr.write_text(re.sub(r'msgid ""\n(?:".*"\n)+', 'msgid "--block-size=SIZE: start a new .xz block"\n',
                         XZ_HR.read_text(encoding="utf-8").split("\n\n", 1)[1].join([XZ_HR.read_text(
                             encoding="utf-8").split("\n\n", 1)[0] + "\n\n", ""])), encoding="utf-8")
    assert [f.code for f in lint_paths([hr], config=rules)] == ["W103"]


def test_a_spaced_mark_is_kept_where_the_msgid_spaces_it(tmp_path):
    """msgid "suffixes may be . for octal": the dot is named, spaced in the msgid, and
    the translation spaces it the same way (W114 reported it)."""
    po = tmp_path / "ru.po"
    header = XZ_DE.read_text(encoding="utf-8").split("\n\n")[0].replace("Language: de", "Language: ru")
    po.write_text(header + '\n\nmsgid "suffixes may be . for octal and b for multiply by 512"\n'
                  'msgstr "суффикс . — как восьмеричные числа, суффикс b — умножение на 512"\n\n'
                  'msgid "suffixes may be given for octal"\n'
                  'msgstr "суффикс . — как восьмеричные числа"\n', encoding="utf-8")
    found = lint_paths([po], config={"select": ["W114"], **NO_CACHE})
    assert [f.line for f in found] == [line_no(po, 'msgstr "суффикс . — как восьмеричные числа"')]


def test_the_header_language_declares_french_typography(tmp_path):
    docs = records(FR)
    assert {d.language for d in docs} == {"fr"}
    # "Action\xa0:", "« %(object)s »" with no-break spaces, "supprimé\xa0?": French orthography
    spacing = {"select": ["W102", "W114", "W115"], **NO_CACHE}
    assert lint_paths([FR], config=spacing) == []
    # the doubled space before "«" is still a slip (W103), at its file line
    found = lint_paths([FR], config={"select": ["W103"], **NO_CACHE})
    assert [(f.code, f.line) for f in found] == [("W103", line_no(FR, "identifiant  «"))]
    # the same catalogue without its Language field: a string that reads French ("n’existe
    # pas. Peut-être a-t-il été supprimé\xa0?") still spaces its question mark (W102 as W114);
    # "Action\xa0:" alone reads as no language: reported
    bare = tmp_path / "fr.po"
    bare.write_text(FR.read_text(encoding="utf-8").replace('"Language: fr\\n"\n', ""), encoding="utf-8")
    assert {d.language for d in records(bare)} == {None}
    found = lint_paths([bare], config=spacing)
    action = line_no(bare, "Action\u00a0:")
    assert [(f.code, f.line) for f in found] == [("W102", action), ("W114", action)]
    # a per-file-language table wins over the header
    assert {d.language for d in PoReader().documents(Source(str(FR), FR.name, language="de"), None)} == {"de"}


def test_a_persian_catalogue_is_spelled_as_persian(tmp_path):
    # two entries of Django 5.2.19's fa admin catalogue: "شئ" (object) is how Persian
    # writes it; Arabic spells it "شيء". The header's "Language: fa" says which.
    entries = '\nmsgid "LogEntry Object"\nmsgstr "شئ LogEntry"\n\nmsgid "This year"\nmsgstr "امسال"\n'
    fa = tmp_path / "fa.po"
    fa.write_text(FA.read_text(encoding="utf-8") + entries, encoding="utf-8")
    assert {d.language for d in records(fa)} == {"fa"}
    assert lint_paths([fa], config={"select": ["S105"], **NO_CACHE}) == []
    # without "Language: fa" its Language-Team ("Persian (http://...)") still says Persian
    team_only = tmp_path / "team.po"
    team_only.write_text(fa.read_text(encoding="utf-8").replace('"Language: fa\\n"\n', ""), encoding="utf-8")
    assert {d.language for d in records(team_only)} == {"fa"}
    assert lint_paths([team_only], config={"select": ["S105"], **NO_CACHE}) == []
    bare = tmp_path / "bare.po"
    bare.write_text(team_only.read_text(encoding="utf-8").replace("Language-Team: Persian", "Language-Team: LANGUAGE"),
                    encoding="utf-8")
    found = lint_paths([bare], config={"select": ["S105"], **NO_CACHE})
    assert [(f.code, f.line) for f in found] == [("S105", line_no(bare, 'msgstr "شئ LogEntry"'))]


def test_a_template_gives_its_msgids_and_is_never_rewritten(tmp_path):
    pot = tmp_path / "sphinx.pot"
    entries = polib.pofile(str(RU))
    text = RU.read_text(encoding="utf-8")
    pot.write_text(text[: text.index('msgstr "Теперь')] + 'msgstr ""\n', encoding="utf-8")  # as a template has it
    docs = records(pot)
    assert [d.text for d in docs] == [e.msgid for e in entries]
    assert docs[0].source is None and lines_of(pot)[docs[0].record - 1] == 'msgid ""'
    try:
        write_dataset(str(pot), PoReader(), str(pot), ReaderOptions(), texts={docs[0].record: "x"})
    except ValueError as exc:
        assert "template" in str(exc)
    else:
        raise AssertionError("a .pot was rewritten")


def test_the_engine_skips_rules_declaring_the_kind(tmp_path):
    from corpuslint.families.artifact.markup import HtmlTag

    doc = records(FA)[0]
    assert skips_kind(HtmlTag, doc)
    plain = Document("a.txt", doc.text)
    assert not skips_kind(HtmlTag, plain) and plain.kinds == frozenset()
    # the same message as text, its markup reported (A106), and not as a string of a .po
    html = 'Vis <a href="https://docs.djangoproject.com/en/%(version)s/releases/">udgivelsesnoter</a>'
    page = tmp_path / "page.txt"
    page.write_text(html + "\n", encoding="utf-8")
    assert [f.code for f in lint_paths([page], config={"select": ["A106"], **NO_CACHE})] == ["A106", "A106"]
    po = tmp_path / "da.po"
    po.write_text(DA.read_text(encoding="utf-8") + f'\nmsgid "x"\nmsgstr "{escape(html)}"\n', encoding="utf-8")
    assert lint_paths([po], config={"select": ["A106"], **NO_CACHE}) == []
    catalogue = Document("c.txt", "\n\n".join([html] * 6))
    assert catalogue.kinds == frozenset({CATALOGUE})


def test_fix_rewrites_only_the_fixed_strings_and_the_file_parses(tmp_path):
    po = tmp_path / "django.po"
    shutil.copy(FA, po)
    before = lines_of(po)
    proc = run_cli("check", "--no-cache", "--select", "W101,W103", "--fix", po.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = lines_of(po)
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 3
    for old, new in changed:  # only whitespace went, escapes and quotes kept
        assert old.replace(" ", "") == new.replace(" ", "") and new.endswith('"')
    old_entries, new_entries = polib.pofile(str(FA)), polib.pofile(str(po))
    assert [e.msgstr.split() for e in old_entries] == [e.msgstr.split() for e in new_entries]
    assert [e.msgid for e in old_entries] == [e.msgid for e in new_entries]
    assert new_entries[2].msgstr == '"%(path)s" وجود ندارد'
    assert "  " not in new_entries[1].msgstr
    if shutil.which("msgfmt"):  # gettext's own check, where gettext is installed
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)


_TEXT = st.text(alphabet=st.sampled_from(list('ab "\\\t\n\u00a0ف.:\u2028\u2029\x85\x1c')), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, split=st.booleans())
def test_rewrite_round_trip(tmp_path_factory, text, split):
    """A msgstr holding quotes, backslashes, tabs, newlines and the characters that
    ``str.splitlines`` cuts at but gettext does not (U+2028, U+2029, U+0085, U+001C)
    reads back unescaped, and a whitespace fix written back parses to the fixed text,
    every other line unchanged."""
    folder = tmp_path_factory.mktemp("po")
    if split:  # the gettext layout: msgstr "" then one string per line, cut after \n
        parts = [p for p in text.splitlines(keepends=True)]
        block = 'msgstr ""\n' + "".join(f'"{escape(p)}"\n' for p in parts)
    else:
        block = f'msgstr "{escape(text)}"\n'
    source = RU.read_text(encoding="utf-8")
    start = source.index('msgstr "Теперь')
    po = folder / "x.po"
    po.write_text(source[:start] + block, encoding="utf-8")
    docs = records(po)
    assert [d.text for d in docs] == [text]
    fixed = "\n".join(line.rstrip(" \t\u00a0") for line in text.split("\n"))
    if fixed == text or not fixed:
        return
    write_dataset(str(po), PoReader(), str(po), ReaderOptions(), texts={docs[0].record: fixed})
    assert polib.pofile(str(po))[0].msgstr == fixed
    assert po.read_text(encoding="utf-8")[:start] == source[:start]
    assert unescape(escape(fixed)) == fixed


def test_cached_and_parallel_runs_give_the_same_file_positions(tmp_path):
    for name in (FA, DA, RU):
        shutil.copy(name, tmp_path / name.name)
    (tmp_path / "corpuslint.toml").write_text("", encoding="utf-8")
    fresh = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", "--exit-zero", ".", cwd=tmp_path)
    runs = [run_cli("check", "--jobs", "2", "--format", "json", "--exit-zero", ".", cwd=tmp_path) for _ in range(2)]
    assert (tmp_path / ".corpuslint_cache").is_dir()  # the second run read the findings back from it
    assert fresh.stdout == runs[0].stdout == runs[1].stdout and '"line": ' in fresh.stdout


def test_findings_cached_on_disk_decode_at_the_file_positions():
    from corpuslint.index import decode_findings, encode_findings

    found = lint_paths([FA], config={"select": ["W101", "W103"], **NO_CACHE})
    rules = {f.code: type("R", (), {"code": f.code, "name": f.rule, "family": f.family})() for f in found}
    for doc in records(FA):
        mine = [f for f in found if f.record == doc.record]
        back = decode_findings(encode_findings(mine, doc), doc, rules.values())  # (raises on a line/column mismatch)
        assert [(f.line, f.column, f.end_line, f.end_column) for f in back] == [
            (f.line, f.column, f.end_line, f.end_column) for f in mine]


# Characters a translator pastes (from a word processor, a web page) that gettext keeps
# inside a string but that Python's str.splitlines() takes for line ends.
_BREAKS = "\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e\r"


def _with_breaks(newline: str = "\n", inside: str = "\u2029") -> tuple[str, str, str]:
    """The Persian excerpt with a U+2028 after ``\\"Referer header\\"`` (before its two
    spaces) and ``inside`` (U+2029) inside ``وجود ندارد``: (file text, the changed part of
    the second msgstr, the third msgstr's end)."""
    source = FA.read_text(encoding="utf-8")
    source = source.replace('\\"Referer header\\"  برای', '\\"Referer header\\"\u2028  برای')
    source = source.replace("وجود ندارد ", f"وجود{inside}ندارد ")
    assert source.count("\u2028") == 1 + inside.count("\u2028")
    return source.replace("\n", newline), "\u2028  برای", f"وجود{inside}ندارد "


def test_unicode_line_breaks_inside_a_msgstr_are_characters_of_the_string(tmp_path):
    """U+2028 and U+2029 inside a msgstr (and NEL, VT, FF, U+001C..U+001E, a lone CR):
    one string as gettext reads it (msgfmt accepts the file), not a syntax error of the
    whole file; findings at the line and column of the file's lines, cut at LF only."""
    for char in _BREAKS:
        text, middle, last = _with_breaks(inside=char)
        po = tmp_path / "each.po"
        po.write_bytes(text.encode("utf-8"))
        assert [d.text for d in records(po)][1:] == [
            records(FA)[1].text.replace('"  برای', '"' + middle), '"%(path)s" ' + last], repr(char)
    text, middle, last = _with_breaks()
    po = tmp_path / "django.po"
    po.write_bytes(text.encode("utf-8"))
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)
    docs = records(po)
    assert not [d for d in docs if not hasattr(d, "source")], docs  # (no ReadProblem)
    assert [d.text for d in docs][1:] == [
        records(FA)[1].text.replace('"  برای', '"' + middle), '"%(path)s" ' + last]
    found = lint_paths([po], config={"select": ["W101", "F005"], **NO_CACHE})
    assert [f.code for f in found] == ["W101", "W101"]
    file_lines = text.split("\n")
    for f in found:  # the trailing space: the character before the closing quote
        assert file_lines[f.line - 1][f.column - 1 :] == ' "'
    assert found[1].line == line_no(po, "%(path)s\\\" وجود\u2029")


def test_fix_of_a_file_with_unicode_line_breaks_changes_only_the_fixed_lines(tmp_path):
    """--fix on a CRLF catalogue holding U+2028 and U+2029: byte for byte the same file
    but the fixed strings' lines, which keep their CRLF and the characters."""
    for newline in ("\n", "\r\n"):
        text, _, last = _with_breaks(newline)
        po = tmp_path / "django.po"
        po.write_bytes(text.encode("utf-8"))
        proc = run_cli("check", "--no-cache", "--select", "W101", "--fix", po.name, cwd=tmp_path)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        before, after = text.encode("utf-8").split(b"\n"), po.read_bytes().split(b"\n")
        changed = [(a, b) for a, b in zip(before, after) if a != b]
        assert len(before) == len(after) and len(changed) == 2
        for old, new in changed:  # the trailing space went; the line ending stayed
            head, tail = old.rsplit(b' "', 1)
            assert new == head + b'"' + tail and tail == newline[:-1].encode()
        assert polib.pofile(str(po))[-1].msgstr == '"%(path)s" ' + last.rstrip()
        if shutil.which("msgfmt"):
            subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)


def test_json_fix_edits_are_in_the_files_coordinates(tmp_path):
    """A .po finding's fix edits in the JSON output are where the finding is: the file's
    line and column (through escapes), their replacement escaped as the file writes it,
    so applying them (the safe ones) to the .po file gives what --fix writes."""
    import json

    for name in (FA,):  # (three safe whitespace fixes, one on a continuation line after \")
        po, fixed = tmp_path / "django.po", tmp_path / "fixed" / "django.po"
        fixed.parent.mkdir(exist_ok=True)
        shutil.copy(name, po)
        shutil.copy(name, fixed)
        proc = run_cli("check", "--no-cache", "--select", "W101,W103", "--format", "json", "--exit-zero", po.name,
                       cwd=tmp_path)
        diagnostics = json.loads(proc.stdout)["diagnostics"]
        edits = [e for d in diagnostics if d["fix"] and d["fix"]["applicability"] == "safe" for e in d["fix"]["edits"]]
        assert edits and all((e["line"], e["column"]) == (d["line"], d["column"])
                             for d in diagnostics for e in d["fix"]["edits"][:1])
        lines = po.read_text(encoding="utf-8").split("\n")
        for e in sorted(edits, key=lambda e: (e["line"], e["column"]), reverse=True):
            assert e["line"] == e["end_line"]
            text = lines[e["line"] - 1]
            lines[e["line"] - 1] = text[: e["column"] - 1] + e["replacement"] + text[e["end_column"] - 1 :]
        run_cli("check", "--no-cache", "--select", "W101,W103", "--fix", "--exit-zero", "django.po",
                cwd=fixed.parent)
        assert "\n".join(lines) == fixed.read_text(encoding="utf-8") != name.read_text(encoding="utf-8")


def test_a_replacement_is_written_escaped_at_the_files_place():
    doc = records(RU)[0]
    assert doc.written('a "b"\n\tc\\') == 'a \\"b\\"\\n\\tc\\\\'
    assert Document("x.txt", "a\n").written('"\n') == '"\n'


UG = ROOT / "tests" / "data" / "realtext" / "libreoffice-ug-svt-excerpt.po"


def test_fix_of_a_string_whose_emptied_line_goes_then_a_later_string(tmp_path):
    """fresh14: a fix that empties a string's last line (its line goes) moved every later
    string up one line, and the transaction's read-back compared them at their old lines:
    "fixes not written", for ever. And the msgstr's last line of one space is the
    msgid's too (the program's): W104 deleting it made msgfmt refuse the catalogue."""
    po = tmp_path / "svt.po"
    po.write_bytes(UG.read_bytes())
    found = lint_paths([po], config={"select": ["W103", "W104"], **NO_CACHE})
    assert [f.code for f in found] == ["W103", "W103"], found  # no W104 on the msgid's own line
    proc = run_cli("check", "--no-cache", "--select", "W101,W103,W104", "--fix", str(po), cwd=tmp_path)
    assert proc.returncode == 0 and "not written" not in proc.stderr, proc.stdout + proc.stderr
    before, after = polib.pofile(str(UG)), polib.pofile(str(po))
    for old, new in zip(before, after):
        assert new.msgstr == old.msgstr.replace("  ", " ")
        assert new.msgstr.endswith("\n") == new.msgid.endswith("\n")  # msgfmt's check
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(po)], check=True)
    # where the line of one space is the translator's alone (the msgid without it), W104's
    # fix empties that line of the file: the later entry's W103 fix is written all the same
    text = UG.read_text(encoding="utf-8").replace('document.\\n"\n" "\nmsgstr', 'document.\\n"\nmsgstr', 1)
    assert text != UG.read_text(encoding="utf-8")
    po.write_text(text, encoding="utf-8")
    found = lint_paths([po], config={"select": ["W103", "W104"], **NO_CACHE})
    assert sorted(f.code for f in found) == ["W103", "W103", "W104"], found
    proc = run_cli("check", "--no-cache", "--select", "W103,W104", "--fix", str(po), cwd=tmp_path)
    assert proc.returncode == 0 and "not written" not in proc.stderr, proc.stdout + proc.stderr
    fixed = polib.pofile(str(po))
    assert [e.msgstr for e in fixed] == [e.msgstr.replace("  ", " ").removesuffix(" ") for e in before]
    assert len(po.read_text(encoding="utf-8").splitlines()) == len(text.splitlines()) - 1
