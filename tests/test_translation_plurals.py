"""T104 plural-forms-count: a plural entry with more or fewer ``msgstr[n]`` than its
header's ``nplurals`` (what ``msgfmt --check`` refuses).

Real text: Django 5.2.19's Hebrew catalogue (4 forms declared, 3 given) and French
humanize catalogue (2 declared, 3 given), tests/data/realtext/django-*-plural-forms-excerpt.po
(BSD-3-Clause). Where msgfmt is installed, it is the ground truth."""

from __future__ import annotations

import gettext
import shutil
import subprocess

import polib

from corpuslint import lint_paths
from corpuslint.findings import Severity

from .conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data" / "realtext"
HE = DATA / "django-he-plural-forms-excerpt.po"
FR = DATA / "django-fr-humanize-plural-forms-excerpt.po"
CONFIG = {"select": ["T104"], "cache": False}


def msgfmt_check_refuses(path) -> bool | None:
    if not shutil.which("msgfmt"):
        return None
    return subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True,
                          check=False).returncode != 0


def test_hebrew_entries_missing_a_form_are_errors_on_their_first_form():
    found = lint_paths([HE], config=CONFIG)
    lines = HE.read_text(encoding="utf-8").split("\n")
    assert len(found) == 2 and all(f.severity == Severity.ERROR for f in found)
    assert all(lines[f.line - 1].startswith("msgstr[0]") or lines[f.line - 2].startswith("msgstr[0]") for f in found)
    assert all("3 plural forms" in f.message and "nplurals=4" in f.message for f in found)
    assert msgfmt_check_refuses(HE) in (True, None)


def test_the_missing_form_is_shown_in_english(tmp_path):
    """The "Why": Python's gettext, given the compiled catalogue, shows the English
    msgid_plural for every n the formula sends to form 3 (n = 3..9, 11..19...)."""
    po = polib.pofile(str(HE))
    mo = tmp_path / "django.mo"
    po.save_as_mofile(str(mo))
    with mo.open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    entry = next(e for e in po if e.msgid_plural)
    assert catalogue.ngettext(entry.msgid, entry.msgid_plural, 2) == entry.msgstr_plural[1]
    assert catalogue.ngettext(entry.msgid, entry.msgid_plural, 5) == entry.msgid_plural  # English


def test_french_entry_with_an_extra_form_is_a_warning(tmp_path):
    found = lint_paths([FR], config=CONFIG)
    assert len(found) == 1 and found[0].severity == Severity.WARNING and "never shown" in found[0].message
    assert msgfmt_check_refuses(FR) in (True, None)
    po = polib.pofile(str(FR))
    for entry in po:
        entry.msgstr_plural.pop(2, None)
    fixed = tmp_path / "fr.po"
    po.save(str(fixed))
    assert lint_paths([fixed], config=CONFIG) == []
    assert msgfmt_check_refuses(fixed) in (False, None)


def test_a_catalogue_whose_entries_match_its_header_is_clean(tmp_path):
    po = polib.pofile(str(HE))
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural[3] = entry.msgstr_plural[2]
    fixed = tmp_path / "he.po"
    po.save(str(fixed))
    assert lint_paths([fixed, DATA / "django-da-humanize-excerpt.po", DATA / "xz-de-help-excerpt.po"],
                      config=CONFIG) == []
    assert msgfmt_check_refuses(fixed) in (False, None)


def test_fuzzy_and_untranslated_entries_are_not_counted(tmp_path):
    """msgfmt drops a fuzzy entry and one whose msgstr[0] is empty before it counts."""
    po = polib.pofile(str(HE))
    entries = [e for e in po if e.msgid_plural]
    entries[0].flags.append("fuzzy")
    for n in entries[1].msgstr_plural:
        entries[1].msgstr_plural[n] = ""
    path = tmp_path / "he.po"
    po.save(str(path))
    assert lint_paths([path], config=CONFIG) == []
    assert msgfmt_check_refuses(path) in (False, None)


def test_rule_docs():
    proc = run_cli("rule", "T104")
    assert proc.returncode == 0 and "plural-forms-count" in proc.stdout and "What:" in proc.stdout
