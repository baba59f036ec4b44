"""False-alarm kinds fresh26 met on change logs, NEWS files and release notes of Debian bookworm
packages (A101, A103, A110, A111, W114), each as a test on the real excerpt
(tests/data/realtext/SOURCE.md: "fixh26") with a true finding of the same rule beside it."""

from __future__ import annotations

from hypothesis import given, strategies as st

from corpuslint.document import Document
from corpuslint.families.artifact.hexid import _git_name
from corpuslint.structure import is_changelog

from .test_fresh_corpora import found  # (code, line, column) of one rule's findings

# The rule's own example of debris (samples/news-ar/001, line 31): a stray id glued to prose.
STRAY = "2a02-4780-11–4f جزيرة إم آند إم"

# -- A101: commit ids, key fingerprints, versions, code points and compiler locations ----------

# dash 0.5.12-2, debian/changelog: a snapshot's git hash in the package version
DASH = ("dash (0.5.11+git20210903+057cd650a4ed-9) unstable; urgency=medium\n\n"
        "  [ Johannes Schauer Marin Rodrigues ]\n"
        "  * debian/tests/mmdebstrap: create chroot with the same apt sources as\n"
        "    autopkgtest (Closes: #1016554).\n\n"
        " -- Andrej Shadura <andrewsh@debian.org>  Thu, 01 Sep 2022 16:11:54 +0200\n")
# llvm-toolchain-14 1:14.0.6-12, debian/changelog: the commit a change reverts
LLVM = ("  * Build clangd with GRPC support\n"
        "    Thanks to Sam McCall for the patch\n"
        "  * Revert e80c52986e1bb3afa6a92c58b1cb897877923a66 to be able to build on stretch\n\n"
        " -- Sylvestre Ledru <sylvestre@debian.org>  Thu, 10 Feb 2022 09:25:26 +0100\n")
LLVM_HEADER = "llvm-toolchain-14 (1:14.0.0~+rc1-1) unstable; urgency=medium\n\n"
# findutils 4.9.0-4, debian/changelog: the OpenPGP fingerprint of a signing key added
FINDUTILS = ("findutils (4.7.0-1) unstable; urgency=low\n\n"
             "  * Add A5189DB69C1164D33002936646502EF796917195 (Bernhard Voelker) to\n"
             "    debian/upstream/signing-key.asc. (Key downloaded from\n"
             "    <https://savannah.gnu.org/>.)\n"
             "  * New upstream version.\n")
# m4 1.4.19-3, ChangeLog: GCC's error quoted with its file:line:column
M4 = ("2021-04-17  Eric Blake  <eblake@redhat.com>\n\n"
      "\tOnce that was fixed, I also got compilation failures, from an\n"
      "\tincomplete update to the gnulib execute module:\n\n"
      "\tbuiltin.c: In function 'm4_syscmd':\n"
      "\tbuiltin.c:968:44: error: passing argument 3 of 'execute' from incompatible pointer type"
      " [-Werror=incompatible-pointer-types]\n")
# fonts-dejavu 2.37-6, NEWS (installed as changelog): ranges of code points added to a font
DEJAVU = ("- adjusted weight of U+0256, U+0257, U+0260, U+0272, U+0273, U+0277, U+029B,\n"
          "  U+02A0 and modifed  U+028B and U+027A in Mono (by Denis Jacquerye)\n"
          "- added U+2000-200A to Mono (by Denis Jacquerye)\n"
          "- added vulgar fractions U+2153 - U+215F to Mono (by Gee Fung Sit)\n")


def test_a101_leaves_a_change_logs_versions_commits_and_keys_and_finds_a_stray_id():
    for text in (DASH, LLVM_HEADER + LLVM, FINDUTILS):
        assert found("changelog", "A101", text) == []
    # the same change log with the rule's own debris pasted into an entry: still found
    assert found("changelog", "A101", DASH + "\n  " + STRAY + "\n") == [("A101", 9, 3)]


def test_a101_still_reports_a_hash_outside_a_change_log():
    # the commit id alone, in text that is no change log (no entry header): an id left in prose
    assert found("notes.txt", "A101", LLVM.split("\n")[2] + "\n") == [("A101", 1, 12)]


def test_a101_leaves_code_points_and_compiler_locations_and_finds_a_stray_id():
    assert found("changelog", "A101", DEJAVU) == []
    assert found("changelog", "A101", M4) == []
    assert found("changelog", "A101", DEJAVU + STRAY + "\n") == [("A101", 5, 1)]
    assert found("changelog", "A101", M4 + "\n\t" + STRAY + "\n") == [("A101", 9, 2)]


@given(st.text(alphabet="0123456789abcdef", min_size=7, max_size=40))
def test_git_name_is_hex_of_one_case_of_seven_to_forty_digits(name):
    assert _git_name(name) and _git_name(name.upper())
    assert not _git_name(name + "0" * (41 - len(name)))  # 41 digits: longer than a SHA-1 or a fingerprint
    assert not _git_name(name + "aB")  # both cases: neither git nor gpg prints it so


def test_is_changelog_on_entry_headers_and_release_headings():
    for text in (DASH, FINDUTILS, M4, "* Noteworthy changes in release 1.21.3 (2022-02-26)\n",
                 "v1.5.4 (Feb 2023)\nperf: +20% faster\n", "Changes in version 2.1.12-stable (05 Jul 2020)\n"):
        assert is_changelog(Document("x", text))
    assert not is_changelog(Document("x", LLVM))
    assert not is_changelog(Document("x", "The version 2 of the law (2020) was passed.\n"))


# -- A110: a GNU ChangeLog entry's header is a machine line, as the Debian trailer is ----------

# diffutils 1:3.8-4, ChangeLog: the header, then a bug report's URL in the entry
DIFFUTILS = ("2020-03-15  Jim Meyering  <meyering@fb.com>\n\n"
             "\tprint this: diff3 (1) - (unknown subject).\n"
             "\tReported by Dan Jacobon in http://bugs.gnu.org/39769.\n")


# dash 0.5.12-2, ChangeLog: headers with one name and one gap
DASH_GNU = ("2007-10-04  Herbert Xu <herbert@gondor.apana.org.au>\n\n"
            "\t* Fix parsing of ${##1}.\n"
            "\t* Size optimisations in parameter expansion parser.\n\n"
            "2007-10-04  Alexey Gladkov <legion@altlinux.org>\n")


def test_a110_leaves_gnu_changelog_headers_and_reports_urls_in_entries():
    assert found("changelog", "A110", DASH_GNU) == []
    assert found("changelog", "A110", M4) == []
    # a bug report's URL in an entry: content a link-free corpus may still want to see (info)
    assert found("changelog", "A110", DIFFUTILS) == [("A110", 4, 29)]


# -- A111: separator lines that are a change log's layout ---------------------------------

# libsdl2 2.26.5+dfsg-1, WhatsNew.txt (installed as changelog): each release's title between rules
SDL = ("\nThis is a list of major changes in SDL's version history.\n\n"
       + "-" * 75 + "\n2.26.0:\n" + "-" * 75 + "\n\n"
       "General:\n* Updated OpenGL headers to the latest API from The Khronos Group Inc.\n")
# inkscape 1.2.2-2+deb12u1, NEWS.md: a notice in a box drawn with "="
INKSCAPE = ("    Many crash & bug fixes\n\n\n" + "=" * 66 + "\n"
            "===" + " " * 60 + "===\n"
            "===     The authoritative version of the changelog is at       ===\n"
            "=== https://wiki.inkscape.org/wiki/index.php/Release_notes/1.2 ===\n"
            "===" + " " * 60 + "===\n" + "=" * 66 + "\n\nGeneral user interface\n")
# bind9 1:9.18.49-1~deb12u3, CHANGES (installed as dnsutils' changelog): a reST comment's empty lines
BIND = ('.. Copyright (C) Internet Systems Consortium, Inc. ("ISC")\n..\n'
        ".. SPDX-License-Identifier: MPL-2.0\n..\n"
        ".. This Source Code Form is subject to the terms of the Mozilla Public\n")


def test_a111_leaves_framed_titles_drawn_boxes_and_rest_comments_and_finds_debris():
    assert found("changelog", "A111", SDL) == []
    assert found("NEWS.md", "A111", INKSCAPE) == []
    assert found("changelog", "A111", BIND) == []
    # the rule's own example between two paragraphs of the same texts: still debris
    assert found("changelog", "A111", SDL + "\n|||\n\nGeneral:\n") == [("A111", 11, 1)]
    assert found("changelog", "A111", BIND + "\n..\n\nThe end.\n") == [("A111", 7, 1)]


# -- A103: a change log's entries describe changes, not page widgets ------------------------

# wget 1.21.3-1+deb12u1, NEWS: a feature "now supported"
WGET = ("GNU Wget NEWS -- history of user-visible changes.\n\n"
        "* Noteworthy changes in release 1.21.3 (2022-02-26)\n\n"
        "** Cookies are now supported.  Wget will accept cookies sent by the\n"
        "server and return them in later requests.  Additionally, it can load\n"
        "and save cookies to disk, in the same format that Netscape uses.\n")
# libunistring 1.0-2, ChangeLog: an entry adding a comment to the code
UNISTRING = ("2012-01-15  Bruno Haible  <bruno@clisp.org>\n\n"
             "\tSupport for MSVC 9.\n"
             "\t* woe32dll/export.h (VARIABLE): Define to empty if not using GCC.\n\n"
             "2011-01-28  Bruno Haible  <bruno@clisp.org>\n\n"
             "\tAdd a comment.\n"
             "\t* woe32dll/export.h: Add a reference to the woe32dll writeup.\n")
# hunspell 1.7.1-1, ChangeLog: a patch referred to
HUNSPELL = ("2007-06-29 Németh László <nemeth at OOo>:\n\n"
            "\t* tools/hunspell.cxx: use locale data for default dictionary names.\n"
            "\t  Sf.net Bug ID 1731630, report and patch from Bernhard Rosenkraenzer,\n"
            "\t  See also hunspell-1.1.4-defaultdictfromlang.patch of Fedora Linux\n"
            "\t  from Caolan McNamara.\n")


def test_a103_leaves_change_log_entries_and_reports_a_widget_line():
    for text in (WGET, UNISTRING, HUNSPELL):
        assert found("changelog", "A103", text) == []
    # a comment form's line left at the margin of the same change log: a widget, reported
    assert found("changelog", "A103", UNISTRING + "\nLeave a comment\n") == [("A103", 11, 1)]


# -- W114: a mark named as the character a change is about ----------------------------------

# tcsh 6.24.07-1, Fixes (installed as changelog); texinfo 6.8-6, NEWS; zstd 1.5.4+dfsg2-5, CHANGELOG
TCSH = ("18. New hashing from Marc\n"
        "17. Added : to the ~name separators so ~foo:~bar works.\n"
        "16. New ed.init.c. Added ed.term.c\n")
TEXINFO = ("* info:\n  - arrow keys supported.\n  - trailing : in INFOPATH appends default path.\n"
           "  - new option --index-search for online help support.\n")
ZSTD = "Removed zstdhc => merged into zstd\nAdded : ZBUFF API (see zstd_buffered.h)\nRolling buffer support\n"


def test_w114_leaves_a_mark_a_change_is_about_and_reports_a_spaced_label_colon():
    assert found("changelog", "W114", TCSH) == []
    assert found("NEWS", "W114", TEXINFO) == []
    # zstd's "Added : ZBUFF API": the colon sets off a label, spaced: reported
    assert found("changelog", "W114", ZSTD) == [("W114", 2, 6)]


# -- S104/S105: C's type named in a change log, a misspelling set against its correction -------

# gawk 1:5.2.1-2, ChangeLog: the C type, then a doubled "should" (a slip, reported)
GAWK = ("2020-06-10         Andrew J. Schorr      <aschorr@telemetry-investments.com>\n\n"
        "\tConvert exec_count from long long to unsigned long long.\n"
        "\t* awk.h (INSTRUCTION): Change ldl type from long long to unsigned\n"
        "\tlong long.\n")
GAWK_SLIP = "\t* TODO: Note that we should should eventually allow SYMTAB/FUNCTAB\n"
# aspell 0.60.8-4, manual's news (installed as changelog): the misspelling aspell learns to rank
ASPELL = ("     * Changed the scoring method to produce slightly better results with\n"
          "       words like the vs. teh. And other simpler misspellings where two\n"
          "       letters are swapped.\n"
          '     * Added the ability to give higher priority to words such as "the"\n'
          '       instead of "teh" which are likely to be due to typos.\n')
# base-passwd 3.6.1, changelog: a slip of the same list, reported
BASE_PASSWD = "  * Modify update-passwd to use seperate flag lists for users and\n"


def test_s104_leaves_cs_long_long_in_a_change_log_and_reports_a_doubled_word():
    assert found("changelog", "S104", GAWK) == []
    assert found("changelog", "S104", GAWK + GAWK_SLIP) == [("S104", 6, 23)]


def test_s105_leaves_a_misspelling_set_against_its_correction_and_reports_a_slip():
    assert found("changelog", "S105", ASPELL) == []
    assert found("changelog", "S105", ASPELL + BASE_PASSWD) == [("S105", 6, 33)]
