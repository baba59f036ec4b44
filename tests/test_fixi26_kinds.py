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


# -- kind 4: D106 on a changelog's stock items ---------------------------------------------------
# Debian bookworm changelog.Debian entries (each package's debian/copyright licence): apache2
# 2.4.48-3.1 (lines 350-356 of apache2-bin's), aspell 0.60.7~20110707-1.3 (154-159), autoconf
# 2.69-11.1 (79-85): three non-maintainer uploads
NMU = {
    "apache2": "apache2 (2.4.48-3.1) unstable; urgency=medium\n\n  * Non-maintainer upload.\n"
               "  * Direct init script reload output from logrotate to syslog, to\n"
               "    avoid mail-spamming the local admin (Closes: #990580)\n\n"
               " -- Thorsten Glaser <tg@mirbsd.de>  Sat, 10 Jul 2021 23:31:28 +0200\n",
    "aspell": "aspell (0.60.7~20110707-1.3) unstable; urgency=medium\n\n  * Non-maintainer upload.\n"
              "  * Break pre-multiarch arch:any aspell dictionaries.\n"
              "    Their 64 bit versions will no longer work with new aspell package\n    (Closes: #764189).\n",
    "autoconf": "autoconf (2.69-11.1) unstable; urgency=medium\n\n  * Non-maintainer upload.\n"
                "  * Build-Depend on texlive-plain-generic instead of\n    texlive-generic-recommended Closes: #947950\n\n"
                " -- Paul Gevers <elbrus@debian.org>  Thu, 02 Jan 2020 21:24:24 +0100\n",
}
# GNU NEWS files' licence notice: gawk 1:5.2.1-2 NEWS lines 1-5, texinfo 6.8-6 (info) NEWS 1-7 (GPL-3+),
# findutils 4.9.0-4 NEWS 387-392 (GPL-3+)
GAWK_NEWS = ("   Copyright (C) 2019, 2020, 2021, 2022 Free Software Foundation, Inc.\n   \n"
             "   Copying and distribution of this file, with or without modification,\n"
             "   are permitted in any medium without royalty provided the copyright\n"
             "   notice and this notice are preserved.\n")
INFO_NEWS = ("This NEWS file records noteworthy changes, very tersely.\nSee the manual for detailed information.\n\n"
             "  Copyright 1992-2020 Free Software Foundation, Inc.\n\n"
             "  Copying and distribution of this file, with or without modification,\n"
             "  are permitted in any medium without royalty provided the copyright\n"
             "  notice and this notice are preserved.\n")
FINDUTILS_NEWS = ("* Major changes in release 4.5.16, 2015-12-23\n\n** Functional Changes to find\n"
                  "Using -regextype egrep now has the same effect as -regextype\n"
                  "posix-egrep.  This is the result of a change to gnulib to bring it\n"
                  "into line with GNU grep (see https://debbugs.gnu.org/20974#22).\n")


def test_d106_changelog_stock_items(tmp_path):
    for name, text in NMU.items():
        (tmp_path / f"{name}.changelog.txt").write_text(text, encoding="utf-8")
    for name, text in (("gawk", GAWK_NEWS), ("info", INFO_NEWS), ("findutils", GAWK_NEWS + "\n" + FINDUTILS_NEWS)):
        (tmp_path / f"{name}.NEWS.txt").write_text(text, encoding="utf-8")
    found = lint_paths([tmp_path], config={"select": ["D106"], **NO_CACHE})
    # "* Non-maintainer upload." in three changelogs is the genre's stock item, not a template
    # line: its unsafe fix deleted it; the licence notice under three NEWS files is
    reported = {(f.path.rsplit("/", 1)[-1].split(".")[0], f.line) for f in found}
    assert {name for name, _ in reported} == {"gawk", "info", "findutils"}
    assert not any(name in NMU for name, _ in reported)


# -- kind 6: D101 on a changelog's recurring section heading --------------------------------------
# findutils 4.9.0-4 NEWS lines 475-480, 533-539 and 575-578, cut (GPL-3+): one heading under two releases;
# libidn2 2.3.3-1 ChangeLog lines 1507-1514 (GPL-3+/LGPL-3+): a commit, its revert and the commit
# again on one day (one entry): the line repeated within one entry stays reported
FINDUTILS_TWO_RELEASES = (
    "* Major changes in release 4.5.12, 2013-09-22\n\n** Functional Changes to find\n\n"
    "The GNU extension \"find ... -perm /MODE\" is no longer disabled when\n"
    "the POSIXLY_CORRECT environment variable is set.\n\n"
    "* Major changes in release 4.5.11, 2013-02-02\n\n** Documentation Changes\n\n"
    "The Texinfo manual and the find manual pafe now explain why two find\n"
    "binaries (either 'find' and 'oldfind', or 'find' and 'ftsfind') are\ninstalled.\n\n"
    "** Functional Changes to find\n\n"
    "For find -printf, the format specifiers %{, %[ and %( are all now\n"
    "reserved for future use.\n")
LIBIDN2_DAY = (
    "2017-03-17  Nikos Mavrogiannopoulos  <nmav@redhat.com>\n\n"
    "\tREADME.md: build badge points to pipelines page [ci skip]\n\n"
    "\tRevert \"README.md: build badge points to pipelines page [ci skip]\"\n"
    "\tThis reverts commit 91c091490a8efe6090d37ad8acb5a08a1e355e9a.\n\n"
    "\tREADME.md: build badge points to pipelines page [ci skip]\n")


def test_d101_changelog_heading_under_two_releases():
    assert found("D101", FINDUTILS_TWO_RELEASES, "NEWS.txt") == []
    assert [f.line for f in found("D101", LIBIDN2_DAY, "ChangeLog.txt")] == [8]


def found(code, text, path):
    from corpuslint import lint_text
    return lint_text(text, path=path, config={"select": [code], **NO_CACHE})
