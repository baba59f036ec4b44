"""T101 placeholder-mismatch: a .po translation's format placeholders against its msgid's,
as GNU gettext's ``msgfmt --check-format`` (0.21) compares them.

Real text: Sphinx 9.0.4's Persian catalogue, whose msgstr puts ``{permitted}`` where the
msgid has ``{default.__name__}`` (tests/data/realtext/sphinx-fa-placeholders-excerpt.po),
and Django 5.2.19's Danish and Persian entries (the excerpts of tests/test_po_reader.py),
whose translations the table below edits as translators slip. Where msgfmt is installed,
every case is also checked against it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from corpuslint import lint_paths, lint_text
from corpuslint.document import Document
from corpuslint.engine import skips_kind
from corpuslint.families.translation import formats
from corpuslint.families.translation.placeholders import PlaceholderMismatch
from corpuslint.findings import Severity

from .conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data" / "realtext"
SPHINX_FA = DATA / "sphinx-fa-placeholders-excerpt.po"
DA = DATA / "django-da-humanize-excerpt.po"  # header: Plural-Forms: nplurals=2; plural=(n != 1)
NO_CACHE = {"cache": False}


def test_the_sphinx_persian_translation_that_msgfmt_refuses():
    found = lint_paths([SPHINX_FA], config={"select": ["T101"], **NO_CACHE})
    lines = SPHINX_FA.read_text(encoding="utf-8").split("\n")
    bad = next(i for i, ln in enumerate(lines, 1) if ln.startswith("msgstr") and "{permitted} است." in ln)
    assert {f.line for f in found} == {bad} and all(f.severity == Severity.ERROR for f in found)
    messages = sorted(f.message for f in found)
    assert messages == ["placeholder mismatch (python-brace-format): {default.__name__} missing",
                        "placeholder mismatch (python-brace-format): {permitted} not in the msgid"]
    extra = next(f for f in found if "{permitted}" in f.message)
    assert lines[bad - 1][extra.column - 1 : extra.end_column - 1] == "{permitted}"
    if shutil.which("msgfmt"):
        proc = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(SPHINX_FA)],
                              capture_output=True, text=True, check=False)
        assert proc.returncode == 1 and f":{bad}: " in proc.stderr


# (flags, msgid, msgid_plural or None, translations, the forms T101 reports)
CASES = [
    # Django fa conf: the msgid's %(path)s renamed, dropped, retyped, kept
    ("python-format", "“%(path)s” does not exist", None, ['"%(pad)s" وجود ندارد'], [0]),
    ("python-format", "“%(path)s” does not exist", None, ["وجود ندارد"], [0]),
    ("python-format", "“%(path)s” does not exist", None, ['"%(path)d" وجود ندارد'], [0]),
    ("python-format", "“%(path)s” does not exist", None, ['"%(path)s" وجود ندارد، %(path)r'], []),
    ("python-format", "“%(path)s” does not exist", None, ['"%s" وجود ندارد'], [0]),  # a tuple for a mapping
    ("python-format", "“%(path)s” does not exist", None, ['"%(path)s" ۵۰٪ وجود ندارد'], []),  # (no % sign)
    ("python-format", "“%(path)s” does not exist", None, ['"%(path)s" 50% وجود ندارد'], [0]),  # "% و" is not valid
    ("python-format", "“%(path)s” does not exist", None, ['"%(path)s" 50%% وجود ندارد'], []),
    ("no-python-format", "“%(path)s” does not exist", None, ['"%(pad)s" وجود ندارد'], []),
    ("", "“%(path)s” does not exist", None, ['"%(pad)s" وجود ندارد'], []),  # no flag: msgfmt does not check
    ("possible-python-format", "“%(path)s” does not exist", None, ['"%(pad)s" وجود ندارد'], [0]),
    # Sphinx: positional placeholders keep their number and types
    ("python-format", "%s: %d files", None, ["%d fichiers : %s"], [0]),
    ("python-format", "%s: %d files", None, ["%s : %i fichiers"], []),
    ("python-format", "%s: %d files", None, ["%s : fichiers"], [0]),
    ("python-format", "50% of %s", None, ["la moitié de %s"], [0]),  # "% o": an octal directive, for Python too
    ("python-format", "100% %s", None, ["la totalité de"], []),  # "% %" is a percent sign: no argument
    ("python-format", "at 100%", None, ["à 100 %s"], []),  # msgid not a valid format string: not checked
    # Django da humanize: a plural form may drop the count, never rename or add one
    ("python-format", "an hour ago", "%(count)s hours ago", ["en time siden", "%(count)s timer siden"], []),
    ("python-format", "an hour ago", "%(count)s hours ago", ["en time siden", "%(antal)s timer siden"], [1]),
    ("python-format", "an hour ago", "%(count)s hours ago", ["%(n)s time siden", "%(count)s timer siden"], [0]),
    ("python-format", "an hour ago", "%(count)s hours ago", ["en time siden"], [0]),  # one form: strict
    ("python-format", "%d hour ago", "%d hours ago", ["en time siden", "%d timer siden"], [0]),  # positional: counted
    ("python-format", "%(count)s hour ago", "%(count)s hours ago", ["%(count) timer", "%(count)s timer"], [0]),
    # python-brace-format: the field as written ({a:>10} is not {a}); a plural form may add names
    ("python-brace-format", "The config value `{name}`", None, ["مقدار '{name}'"], []),
    ("python-brace-format", "The config value `{name}`", None, ["مقدار '{nom}'"], [0]),
    ("python-brace-format", "The config value `{name}`", None, ["مقدار '{name:>10}'"], [0]),
    ("python-brace-format", "The config value `{name}`", None, ["مقدار '{{name}}'"], [0]),
    ("python-brace-format", "The config value `{name}`", None, ["مقدار '{name'"], [0]),
    ("python-brace-format", "The config value `{name}`", None, ["مقدار '{name}' }"], []),
    ("python-brace-format", "one page", "{n} pages", ["une page", "{m} pages"], []),
    ("python-brace-format", "{} pages", None, ["{x} pages"], []),  # "{}": msgid not valid in gettext 0.21
    # c-format (GNU coreutils, wget, tar messages): arguments in order, each with its size
    ("c-format", "cannot access %s", None, ["немагчыма атрымаць доступ да %s"], []),
    ("c-format", "Resolving %s... ", None, ["Распознаётся %i… "], [0]),
    ("c-format", "cannot access %s", None, ["немагчыма атрымаць доступ да %lls"], [0]),  # (a wide string)
    ("c-format", "Could only read %lu of %lu bytes", None, ["Прочитано лише %lu з %u байтів"], [0]),
    ("c-format", "Could only read %lu of %lu bytes", None, ["Прочитано лише %lu з %zu байтів"], [0]),
    ("c-format", "%s: %d files", None, ["%2$d fichiers : %1$s"], []),  # numbered: any order
    ("c-format", "%s: %d files", None, ["%d fichiers : %s"], [0]),
    ("c-format", "%s: %d files", None, ["%2$d fichiers"], [0]),  # ignores argument 1: not valid
    ("c-format", "%s: %d files", None, ["%1$s : %d fichiers"], [0]),  # numbered and unnumbered mixed
    ("c-format", "invalid mode %s", None, ["неисправан режим „%s“ %s"], [0]),
    ("c-format", "%s: file is unchanged; not dumped", None, ["%s : fichier inchangé, 50% fait"], [0]),  # "% f"
    ("c-format", "%s: %'d%% done", None, ["%s : %'d %% fait"], []),
    ("c-format", "%*d %.*s", None, ["%*d %.*s"], []),
    ("c-format", "%*d %.*s", None, ["%d %.*s"], [0]),  # a star reads an int argument
    ("c-format", "size %<PRIu64>", None, ["taille %<PRIu64>"], []),
    ("c-format", "size %<PRIu64>", None, ["taille %lu"], [0]),
    ("c-format", "size %<PRIu64>", None, ["taille %<PRIu63>"], [0]),
    ("c-format", "%d items", None, ["%Id éléments"], []),  # the I flag (locale digits) in a translation
    ("c-format", "%Id items", None, ["%s éléments"], []),  # ... not in a msgid: not checked
    ("c-format", "%s: %m", None, ["%s : %m"], []),
    ("no-c-format", "invalid mode %s", None, ["режим %d"], []),
    ("possible-c-format", "invalid mode %s", None, ["режим %d"], [0]),
    # a c-format plural form may leave out the last arguments (msgfmt's relaxed check), never add or retype
    ("c-format", "%d file", "%d files", ["un fichier", "%d fichiers"], []),
    ("c-format", "%d file", "%d files", ["%s fichier", "%d fichiers"], [0]),
    ("c-format", "%d file", "%d files", ["%d fichier %s", "%d fichiers"], [0]),
    ("c-format", "%d file", "%d files", ["un fichier"], [0]),  # one form only: strict
    # javascript-format (Django 5.2.19's admin djangojs.po, French): `%s` is argument 1, as `%1$s` is
    ("javascript-format", "Available %s", None, ["%s disponible(s)"], []),
    ("javascript-format", "Available %s", None, ["%1$s disponible(s)"], []),
    ("javascript-format", "Available %s", None, ["%d disponible(s)"], [0]),
    ("javascript-format", "Available %s", None, ["Valeurs disponibles"], [0]),
    ("javascript-format", "Available %s", None, ["%s disponible(s), 100 % sûr"], [0]),  # "% s": argument 2
    ("javascript-format", "Available %s", None, ["%s disponible(s) à 100%"], [0]),  # not a valid format
    ("javascript-format", "Available %s", None, ["%s disponible(s) à 100%%"], []),
    ("javascript-format", "%s of %d", None, ["%2$d sur %1$s"], []),
    ("javascript-format", "%s of %d", None, ["%d sur %s"], [0]),
    ("javascript-format", "%s of %d", None, ["%1$s sur %d"], [0]),  # numbered and unnumbered mixed
    ("javascript-format", "%d selected", "%d selected", ["un sélectionné", "%d sélectionnés"], []),
    ("javascript-format", "%d selected", "%d selected", ["%s sélectionné", "%d sélectionnés"], [0]),
    ("javascript-format", "%j selected", "%j selected", ["%d sélectionné", "%j sélectionnés"], []),  # any
    ("javascript-format", "%j selected", None, ["%d sélectionné"], [0]),
]

HEADER = DA.read_text(encoding="utf-8").split("\n\n")[0] + "\n\n"


def _entry(flags: str, msgid: str, plural: str | None, forms: list[str]) -> str:
    out = f"#, {flags}\n" if flags else ""
    out += f'msgid "{polib.escape(msgid)}"\n'
    if plural is None:
        return out + f'msgstr "{polib.escape(forms[0])}"\n'
    out += f'msgid_plural "{polib.escape(plural)}"\n'
    return out + "".join(f'msgstr[{i}] "{polib.escape(s)}"\n' for i, s in enumerate(forms))


@pytest.mark.parametrize("flags,msgid,plural,forms,expected", CASES)
def test_placeholders_compared_as_msgfmt_does(tmp_path, flags, msgid, plural, forms, expected):
    po = tmp_path / "django.po"
    po.write_text(HEADER + _entry(flags, msgid, plural, forms), encoding="utf-8")
    found = lint_paths([po], config={"select": ["T101"], **NO_CACHE})
    lines = po.read_text(encoding="utf-8").split("\n")
    reported = sorted({0 if lines[f.line - 1].startswith("msgstr ") else int(lines[f.line - 1][7]) for f in found})
    assert reported == expected, [f.message for f in found]
    if shutil.which("msgfmt"):  # the ground truth, where gettext is installed
        proc = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=False)
        assert (proc.returncode != 0) == bool(expected), proc.stderr


def test_only_strings_of_a_catalogue_are_checked():
    """The rule declares ``only_kinds = {"message"}``: a text file quoting a format string,
    or a catalogue extracted as text, is not a .po string and has no msgid."""
    rule = PlaceholderMismatch()
    text = Document("notes.txt", "Use %(name)s and {0} in the message.\n")
    assert skips_kind(rule, text) and lint_text(text.text, config={"select": ["T101"], **NO_CACHE}) == []
    po = lint_paths([SPHINX_FA], config={"select": ["T101"], **NO_CACHE})
    assert po  # (the same engine runs it on the .po file's strings)


def test_the_engine_runs_an_only_kinds_rule_on_those_kinds_only(tmp_path):
    """``Rule.only_kinds`` is the engine's to honour: a rule that does not check
    ``doc.kinds`` itself (as a plugin's may not) sees the .po strings and no text file.
    (The rule loop inlines ``skips_kind`` for speed; this holds the two together.)"""
    from corpuslint import files
    from corpuslint.engine import Linter, build_registry
    from corpuslint.readers.po import PoReader
    from corpuslint.rules import DocumentRule
    from corpuslint.structure import MESSAGE

    class EveryString(DocumentRule):
        code, name, family = "X901", "every-string", "test"
        default_severity = Severity.INFO
        only_kinds = frozenset({MESSAGE})

        def check(self, doc):
            yield doc.finding(self, 0, 0, "seen")

    config, registry = build_registry([str(tmp_path)])
    registry.rules["X901"] = EveryString
    config.select = ["X901"]
    linter = Linter(config, registry)
    rule = next(r for r in linter.document_rules + linter.record_rules if r.code == "X901")
    text = Document("notes.txt", "Use %(name)s here.\n")
    strings = [d for d in PoReader().documents(files.Source(str(SPHINX_FA), "fa.po"), config)
               if isinstance(d, Document)]
    assert strings and all(skips_kind(rule, d) is False for d in strings) and skips_kind(rule, text)
    assert linter.compute_findings(text) == []
    assert [f.code for f in linter.compute_findings(strings[0])] == ["X901"]


def test_format_parsers_read_what_msgfmt_reads():
    spec = formats.parse(formats.PYTHON, "%(a)s %(b)5.2f %%")
    assert spec.named == {"a": "string", "b": "float"} and spec.unnamed == []
    assert formats.parse(formats.PYTHON, "%s %*d %5%").unnamed == ["string", "integer", "integer"]
    assert set(formats.parse(formats.BRACE, "{a.b[0]} {0:>3} {{x}} {c:{w}}").named) == {"a.b[0]", "0:>3", "c:{w}"}
    for kind, text in [(formats.PYTHON, "%(a)s %s"), (formats.PYTHON, "100%"), (formats.PYTHON, "%(a)s %(a)d"),
                       (formats.PYTHON, "%(n) lluniau"), (formats.BRACE, "{}"), (formats.BRACE, "{a!r}"),
                       (formats.BRACE, "{a:%Y}"), (formats.BRACE, "{ a }")]:
        with pytest.raises(formats.Invalid):
            formats.parse(kind, text)


def test_c_format_parser_reads_what_msgfmt_reads():
    """format-c-parse.h's reading of printf directives: sizes, numbered arguments, stars,
    ISO C 99 macros, and what makes a string not a C format string."""
    spec = formats.parse(formats.C, "%s %ld %lu %zu %hhd %Lf %lf %ls %C %p %n %<PRId64> %<PRIuLEAST32> %% %m")
    assert spec.unnamed == ["string", "long integer", "unsigned long integer", "unsigned size_t integer",
                            "char-sized integer", "long double", "float", "wide string", "wide character",
                            "pointer", "count pointer", "int64_t integer", "unsigned int_least32_t integer"]
    assert formats.parse(formats.C, "%2$s %1$*3$d").unnamed == ["integer", "string", "integer"]
    assert formats.parse(formats.C, "%Id", translated=True).unnamed == ["integer"]
    assert formats.parse(formats.C, "50% off").unnamed == ["unsigned integer"]  # "% o": as printf reads it
    for text in ["%Id", "%1$s %s", "%2$s", "%0$s", "%1$s %1$d", "%<PRId63>", "%", "%l", "%y", "%@"]:
        with pytest.raises(formats.Invalid):
            formats.parse(formats.C, text)


def test_a_c_format_form_used_for_many_numbers_must_show_the_number(tmp_path):
    """Russian form 0 (n = 1, 21, 31...) of a c-format entry without the `%d`: msgfmt's
    relaxed `--check-format` lets it through, `--check` refuses it (T102)."""
    header = WAGTAIL_RU.read_text(encoding="utf-8").split("\n\n")[0] + "\n\n"
    po = tmp_path / "ru.po"
    po.write_text(header + _entry("c-format", "%d file removed", "%d files removed",
                                  ["удалён один файл", "удалено %d файла", "удалено %d файлов", "удалено %d файла"]),
                  encoding="utf-8")
    found = lint_paths([po], config={"select": ["T101", "T102"], **NO_CACHE})
    assert [(f.code, f.message) for f in found] == [
        ("T102", "0 placeholders here, 1 in the msgid_plural in plural form 0, which the catalogue uses for many "
                 "numbers (n = 1, 21, 31, 41, 51...; c-format)")]
    if shutil.which("msgfmt"):
        for option, refused in (("--check", True), ("--check-format", False)):
            proc = subprocess.run(["msgfmt", option, "-o", "/dev/null", str(po)], capture_output=True, text=True,
                                  check=False)
            assert (proc.returncode != 0) == refused, proc.stderr


def test_rule_docs_and_registration():
    proc = run_cli("rule", "T101")
    assert proc.returncode == 0 and "placeholder-mismatch" in proc.stdout and "Fix safety" in proc.stdout
    proc = run_cli("rules")
    assert "T101" in proc.stdout and "translation" in proc.stdout


def test_a_clean_catalogue_has_no_finding(tmp_path):
    for path in (DA, DATA / "django-fa-conf-excerpt.po", DATA / "sphinx-ru-excerpt.po"):
        assert lint_paths([Path(path)], config={"select": ["T101"], **NO_CACHE}) == []


WAGTAIL_RU = DATA / "wagtail-ru-plural-excerpt.po"


def test_a_russian_one_form_used_for_21_31_must_show_the_number(tmp_path):
    """wagtail's Russian "Добавить теги к 1 изображению" (form 0: n = 1, 21, 31...):
    T102 (msgfmt --check refuses it), not T101 (msgfmt --check-format lets it through)."""
    found = lint_paths([WAGTAIL_RU], config={"select": ["T101", "T102"], **NO_CACHE})
    lines = WAGTAIL_RU.read_text(encoding="utf-8").split("\n")
    assert [(f.code, lines[f.line - 1][:9]) for f in found] == [("T102", "msgstr[0]")]
    assert found[0].message == ("%(counter)s missing in plural form 0, which the catalogue uses for many numbers "
                                "(n = 1, 21, 31, 41, 51...; python-format)")
    assert found[0].severity == Severity.WARNING
    fixed = tmp_path / "django.po"  # the number written in: nothing to report
    fixed.write_text(WAGTAIL_RU.read_text(encoding="utf-8").replace("к 1 изобр", "к %(counter)s изобр"), "utf-8")
    assert lint_paths([fixed], config={"select": ["T101", "T102"], **NO_CACHE}) == []
    english_like = tmp_path / "en.po"  # a form used for n = 1 only may say "one"
    english_like.write_text(WAGTAIL_RU.read_text(encoding="utf-8").replace(
        "nplurals=4; plural=(n%10==1", "nplurals=4; plural=(n==1"), "utf-8")
    assert lint_paths([english_like], config={"select": ["T101", "T102"], **NO_CACHE}) == []
    if shutil.which("msgfmt"):
        for path, refused in ((WAGTAIL_RU, True), (fixed, False), (english_like, False)):
            proc = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True,
                                  check=False)
            assert (proc.returncode != 0) == refused, proc.stderr
            proc = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], capture_output=True,
                                  text=True, check=False)
            assert proc.returncode == 0, proc.stderr


def test_plural_numbers_of_real_formulas():
    from corpuslint.readers.po import plural_numbers

    russian = ("nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : "
               "n%10==0 || (n%10>=5 && n%10<=9) || (n%100>=11 && n%100<=14)? 2 : 3);")
    assert plural_numbers(russian) == ((1, 21, 31, 41, 51), (2, 3, 4, 22, 23), (0, 5, 6, 7, 8), ())
    assert plural_numbers("nplurals=2; plural=(n != 1);") == ((1,), (0, 2, 3, 4, 5))
    assert plural_numbers("nplurals=1; plural=0;") == ((0, 1, 2, 3, 4),)
    for bad in ("", "nplurals=2; plural=__import__('os');", "nplurals=2; plural=(n != 1;", "nplurals=2; plural=n/0;"):
        assert plural_numbers(bad) is None
    # a long formula (hostile or broken header) is not evaluated 1,001 times: a balanced
    # one of 65,536 terms (~0.5 MB, shallow, so no RecursionError) would take a minute
    balanced = "n"
    for _ in range(16):
        balanced = f"({balanced}+{balanced})"
    assert plural_numbers(f"nplurals=2; plural={balanced} % 2;") is None
    deep = "nplurals=2; plural=" + "(" * 5_000 + "n" + ")" * 5_000 + ";"  # and deep nesting ends
    assert plural_numbers(deep) is None
