"""T103 newline-mismatch: a translation beginning or ending with a line break where its
msgid does not, or the other way round (plain ``msgfmt`` refuses the catalogue).

Real text: XZ Utils 5.4.1's German ``--help`` strings (tests/data/realtext/
xz-de-help-excerpt.po, public domain), which begin and end with line breaks as the
program lays them out; the tests edit them as translators slip. Where msgfmt is
installed, it is the ground truth of every case."""

from __future__ import annotations

import shutil
import subprocess

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import lint_paths
from corpuslint.families.translation.newlines import NewlineMismatch
from corpuslint.findings import Severity
from corpuslint.readers.po import PoDocument

from .conftest import ROOT, run_cli

XZ_DE = ROOT / "tests" / "data" / "realtext" / "xz-de-help-excerpt.po"
CONFIG = {"select": ["T103"], "cache": False}


def msgfmt_refuses(path) -> bool | None:
    """Whether plain ``msgfmt`` refuses ``path`` (None where gettext is not installed)."""
    if not shutil.which("msgfmt"):
        return None
    return subprocess.run(["msgfmt", "-o", "/dev/null", str(path)], capture_output=True, check=False).returncode != 0


def slipped(tmp_path, edits: dict[str, str]):
    """The XZ excerpt with the msgstr of each msgid in ``edits`` replaced."""
    po = polib.pofile(str(XZ_DE))
    for entry in po:
        if entry.msgid in edits:
            entry.msgstr = edits[entry.msgid]
    path = tmp_path / "de.po"
    po.save(str(path))
    return path, po


def test_the_real_catalogue_lays_out_its_strings_as_the_msgids_do():
    assert lint_paths([XZ_DE], config=CONFIG) == []
    assert msgfmt_refuses(XZ_DE) in (False, None)


SLIPS = {
    # msgid -> (the translator's slip, what T103 says)
    " Operation mode:\n": (" Aktionsmodus:", "does not end"),
    "\n Operation modifiers:\n": (" Aktionsmodifikatoren:\n", "does not begin"),
    "  -z, --compress      force compression\n  -d, --decompress    force decompression\n"
    "  -t, --test          test compressed file integrity\n  -l, --list          list information about .xz files":
        ("  -z, --compress        Kompression erzwingen\n  -d, --decompress      Dekompression erzwingen\n"
         "  -t, --test            Dateiintegrität überprüfen\n  -l, --list            Dateiinformationen anzeigen\n",
         "ends"),
}


@pytest.mark.parametrize("msgid", list(SLIPS))
def test_a_line_break_lost_or_added_at_an_edge_is_reported_and_fixed(tmp_path, msgid):
    slip, says = SLIPS[msgid]
    path, po = slipped(tmp_path, {msgid: slip})
    found = lint_paths([path], config=CONFIG)
    assert len(found) == 1 and found[0].severity == Severity.ERROR and says in found[0].message, found
    line = path.read_text(encoding="utf-8").split("\n")[found[0].line - 1]
    assert line.startswith(("msgstr", '"')), line
    assert msgfmt_refuses(path) in (True, None)
    proc = run_cli("check", "--fix", "--no-cache", "--select", "T103", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    fixed = {e.msgid: e.msgstr for e in polib.pofile(str(path))}
    original = {e.msgid: e.msgstr for e in polib.pofile(str(XZ_DE))}
    assert fixed == original  # (the translator's words kept; the line breaks as the msgid's)
    assert msgfmt_refuses(path) in (False, None)
    assert lint_paths([path], config=CONFIG) == []


def test_other_whitespace_and_inner_line_breaks_are_not_its_business(tmp_path):
    """Only a ``\\n`` as the first or last character counts (msgfmt's test): a translation
    that wraps differently inside, or ends with a space, is left to the W rules."""
    path, _ = slipped(tmp_path, {
        "Mandatory arguments to long options are mandatory for short options too.\n":
            "Obligatorische Argumente für lange Optionen sind auch für kurze Optionen zwingend.\n",
        " Operation mode:\n": " Aktions-\nmodus:\n",
    })
    assert lint_paths([path], config=CONFIG) == []
    assert msgfmt_refuses(path) in (False, None)


def test_rule_docs_and_registration():
    proc = run_cli("rule", "T103")
    assert proc.returncode == 0 and "newline-mismatch" in proc.stdout and "Fix safety: safe" in proc.stdout


EDGES = st.sampled_from(["", "\n", "\n\n"])
WORDS = st.text(st.sampled_from("ab \n%"), min_size=1, max_size=8).filter(lambda s: s.strip("\n"))


@settings(max_examples=300, deadline=None)
@given(EDGES, WORDS, EDGES, EDGES, WORDS, EDGES)
def test_the_fix_makes_the_edges_as_the_msgids_keeps_the_rest_and_is_idempotent(a, core, b, c, inner, d):
    msgid, text = a + core + b, c + inner + d
    doc = PoDocument("x.po", 1, text, msgid)
    rule = NewlineMismatch()
    found = list(rule.check(doc))
    edges_differ = (msgid[0] == "\n") != (text[0] == "\n") or (msgid[-1] == "\n") != (text[-1] == "\n")
    assert bool(found) == edges_differ
    fixed = text
    for edit in sorted((e for f in found for e in f.fix.edits), key=lambda e: e.start, reverse=True):
        fixed = fixed[: edit.start] + edit.replacement + fixed[edit.end :]
    assert fixed.strip("\n") == text.strip("\n")  # no word or inner break touched
    assert (fixed[0] == "\n") == (msgid[0] == "\n") and (fixed[-1] == "\n") == (msgid[-1] == "\n")
    assert list(rule.check(PoDocument("x.po", 1, fixed, msgid))) == []
