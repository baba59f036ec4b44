"""False-alarm kinds of D106 (boilerplate-line) and D104 (cross-file-duplicate-paragraph) from
fresh35 (GNOME help in Hindi) and fresh34 (manpages-zh): real text, tests/data/realtext/SOURCE.md
(section s48b)."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpuslint import lint_paths

from .conftest import local_and_dask

REAL = Path(__file__).parent / "data" / "realtext"


def _found(folder: Path, code: str, monkeypatch) -> set[tuple[str, str]]:
    """(path, line text) of each ``code`` finding over the files of ``folder``."""
    monkeypatch.chdir(folder)
    out = set()
    for f in lint_paths(["."], config={"select": [code], "cache": False}):
        if f.code == code:
            out.add((f.path, (folder / f.path).read_text(encoding="utf-8").split("\n")[f.line - 1]))
    return out


# the first lines of the description of three command pages of the npm CLI docs (npm 11.21.2, Artistic-2.0)
NPM_DESCRIPTIONS = {
    "npm-audit": "The audit command submits a description of the dependencies configured in your project to your "
                 "default registry and asks for a report of known vulnerabilities.",
    "npm-ci": "This command is similar to [`npm install`](/commands/npm-install), except it's meant to be used in "
              "automated environments such as test platforms, continuous integration, and deployment -- or any "
              "situation where you want to make sure you're doing a clean install of your dependencies.",
    "npm-exec": "This command allows you to run an arbitrary command from an npm package (either one installed "
                "locally, or fetched remotely), in a similar context as running it via `npm run`.",
}


def test_d106_steps_of_a_pages_own_procedure_are_not_boilerplate(tmp_path, monkeypatch):
    """Three pages of GNOME's help (fresh35, hi: left in English) open their procedures with the
    same two steps, "- Open the Activities overview and start typing Settings." and "- Click on
    Settings.", then go on with their own ("- Select your screen."): the steps are the procedure's,
    deleting them breaks it (fresh35: 10 of 10 labelled false). A list whose every item recurs is
    still a template: npm's ``workspace`` option, generated into the command pages, reports its
    list item "* Path to a parent workspace directory (will result in selecting all" (labelled
    true in markdown-docs)."""
    folder = shutil.copytree(REAL / "s48b-gnome-help-hi", tmp_path / "hi")
    option = (REAL / "npm-workspace-option.md").read_text(encoding="utf-8")
    for name, about in NPM_DESCRIPTIONS.items():
        (folder / f"{name}.md").write_text(f"# {name}\n\n### Description\n\n{about}\n\n{option}", encoding="utf-8")
    found = _found(folder, "D106", monkeypatch)
    assert not {line for path, line in found if not path.startswith("npm-")}
    assert {("npm-audit.md", "* Path to a parent workspace directory (will result in selecting all")} <= found


def test_d106_translators_trailer_set_as_a_heading_is_still_boilerplate(tmp_path, monkeypatch):
    """inittab(5) of manpages-zh writes the translation project's trailer without brackets,
    "中文版维护人" over its translator's name as groff lays out a section; cd, exit and flush(3tcl)
    write it "[中文版维护人]" (fresh34: labelled true). A section heading whose words stand in other
    pages as such a note is that note: reported (main lost these 16 findings in fresh34 when it
    stopped counting section headings); the page's own headings ("参考", "作者") are not."""
    folder = shutil.copytree(REAL / "manpages-zh-tcl-outline", tmp_path / "zh")
    shutil.copy(REAL / "s48b-manpages-zh-trailer" / "inittab.5.txt", folder)
    found = {line for path, line in _found(folder, "D106", monkeypatch) if path == "inittab.5.txt"}
    assert found == {"中文版维护人", "中文版最新更新", "中国 Linux 论坛 man 手册页翻译计划",
                     "       http://cmpp.linuxforum.net"}


def test_d104_the_same_option_entry_in_two_man_pages_is_no_copy(tmp_path, monkeypatch):
    """mkfifo(1) and mkdir(1) of manpages-zh document the option they both take in the same
    words, "--context[=CTX]" over "类似 -Z，或者如果指定了上下文，..." (fresh34: labelled false: each
    page documents its option, deleting one breaks that page's list). Their copyright notice,
    prose under "版权", is still a copy."""
    folder = shutil.copytree(REAL / "s48b-manpages-zh-context", tmp_path / "zh")
    found = _found(folder, "D104", monkeypatch)
    assert {line.strip() for _, line in found} == {
        "Copyright © 2022 Free Software Foundation, Inc.  License GPLv3+: GNU GPL version 3 or later "
        "<https://gnu.org/licenses/gpl.html>.", "本软件是自由软件：您可以自由修改和重新发布它。在法律允许的范围内，不提供任何保证。"}


def test_d106_steps_and_trailer_headings_on_dask_as_locally(tmp_path):
    """The distributed reduce (``shuffle.LINE_COUNTS``) takes the checked files' states restricted
    to the common lines: the steps of a list and their lists' items, and an outline's headings,
    go with them, so the Dask executor reports what the local one does (the pages of the two
    tests above in one corpus)."""
    root = shutil.copytree(REAL / "s48b-gnome-help-hi", tmp_path / "c")
    for name in ("cd.3tcl.txt", "exit.3tcl.txt", "flush.3tcl.txt"):
        shutil.copy(REAL / "manpages-zh-tcl-outline" / name, root)
    shutil.copy(REAL / "s48b-manpages-zh-trailer" / "inittab.5.txt", root)
    local, on_dask = local_and_dask(root, {"select": ["D106"], "cache": False})
    found = sorted((f.path.rsplit("/", 1)[-1], f.line, f.message) for f in local)
    assert sorted((f.path.rsplit("/", 1)[-1], f.line, f.message) for f in on_dask) == found
    assert not [f for f in found if f[0].endswith(".md")]  # (the steps)
    assert [f[1] for f in found if f[0] == "inittab.5.txt"] == [10, 13, 16, 17]  # (the trailer, as headings)


def test_d106_steps_and_trailer_headings_of_one_checked_page_from_the_index(tmp_path, monkeypatch):
    """A check of one page reads the others' lines from the corpus index (``incremental.line_counts``):
    the trailer's headings of inittab(5) are counted there too, and the steps of a GNOME page stay
    unreported, as in a full run."""
    root = shutil.copytree(REAL / "s48b-gnome-help-hi", tmp_path / "c")
    for name in ("cd.3tcl.txt", "exit.3tcl.txt", "flush.3tcl.txt"):
        shutil.copy(REAL / "manpages-zh-tcl-outline" / name, root)
    shutil.copy(REAL / "s48b-manpages-zh-trailer" / "inittab.5.txt", root)
    monkeypatch.chdir(root)
    config = {"select": ["D106"], "jobs": 1}
    lint_paths(["."], config=config)  # (fills the index)
    for page in ("inittab.5.txt", "a11y-slowkeys.md"):
        from_index = [(f.line, f.message) for f in lint_paths([page], config=config) if f.code == "D106"]
        assert from_index == [(f.line, f.message) for f in lint_paths([page], config={**config, "cache": False})
                              if f.code == "D106"]
        assert [line for line, _ in from_index] == {"inittab.5.txt": [10, 13, 16, 17], "a11y-slowkeys.md": []}[page]
