"""Duplicate-family bug and false-alarm kinds of fresh26's changelog corpus (fixi26): each with
a real excerpt (tests/data/realtext/SOURCE.md, fixi26) beside a true duplicate that stays
reported."""

from __future__ import annotations

from corpuslint import lint_paths

NO_CACHE = {"cache": False}

# file 1:5.43 ChangeLog (Debian bookworm libmagic1/file /usr/share/doc/*/changelog, BSD-2-Clause)
# lines 1-30: GNU ChangeLog entries, each opened by a "date  time  Name <email>" header line
FILE_CHANGELOG = (
    "2922-12-26  12:26  Christos Zoulas <christos@zoulas.com>\n\n\t* release 5.43\n\n"
    "2022-12-14   9:24  Christos Zoulas <christos@zoulas.com>\n\n"
    "\t* Handle nan's so that we don't get internal floating point exceptions\n"
    "\t  when they are enabled (Vincent Mihalkovic)\n\n"
    "2022-10-23  10:21  Christos Zoulas <christos@zoulas.com>\n\n"
    "\t* PR/397: Restore the ability to process files from stdin immediately.\n\n"
    "2022-09-20  17:12  Christos Zoulas <christos@zoulas.com>\n\n\t* fixed various clustefuzz issues\n\n"
    "2022-09-19  15:54  Christos Zoulas <christos@zoulas.com>\n\n"
    "\t* Fix error detection for decompression code (Vincent Mihalkovic)\n\n"
    "2022-09-15  13:50  Christos Zoulas <christos@zoulas.com>\n\n"
    "\t* Add MAGIC_NO_COMPRESS_FORK and use it to produce a more\n"
    "\t  meaningful error message if we are sandboxing.\n\n"
    "2022-09-15  10:45  Christos Zoulas <christos@zoulas.com>\n\n"
    "\t* Add built-in lzip decompression support (Michal Gorny)\n"
)


def test_d105_copied_gnu_changelog(tmp_path):
    # bug 2: libmagic1's changelog is file's, byte for byte. D105 located its finding at the
    # first paragraph, the entry header, a code region: the finding was dropped, and D104
    # reported every paragraph instead (309 on the whole file). (".txt": a file named "changelog" is
    # not in the default include, fresh26 bug 1, fixj26's)
    (tmp_path / "file").mkdir()
    (tmp_path / "libmagic1").mkdir()
    (tmp_path / "file" / "changelog.txt").write_text(FILE_CHANGELOG, encoding="utf-8")
    (tmp_path / "libmagic1" / "changelog.txt").write_text(FILE_CHANGELOG, encoding="utf-8")
    found = lint_paths([tmp_path], config={"select": ["D104", "D105"], **NO_CACHE})
    assert [(f.code, f.path.split("/")[-2], f.line) for f in found] == [("D105", "libmagic1", 3)]
    assert found[0].related[0].path.endswith("file/changelog.txt")
    # a different changelog is not a copy
    (tmp_path / "libmagic1" / "changelog.txt").write_text(
        FILE_CHANGELOG.replace("Christos Zoulas <christos@zoulas.com>", "Other Person <o@example.org>")
        .split("2022-09-20")[0], encoding="utf-8")
    assert lint_paths([tmp_path], config={"select": ["D105"], **NO_CACHE}) == []
