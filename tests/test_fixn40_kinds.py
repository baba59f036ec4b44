"""False-alarm kinds left from fresh25's literary corpus and fresh26's change logs (fixn40), each
as a test on a real excerpt (tests/data/realtext/SOURCE.md: "fixn40") with a true finding beside
it, and the CRLF = LF property of the spelling and duplicate rules."""

from __future__ import annotations

import json

from hypothesis import example, given, settings, strategies as st

from corpuslint import lint_paths, lint_text
from corpuslint import structure


def _found(text: str, select: str, path: str = "changelog.txt") -> list[tuple[str, int, int, str]]:
    return sorted((f.code, f.line, f.column, f.message) for f in lint_text(text, path=path, config={"select": [select]}))


# -- W103: a Debian change log's bug-closing trailer, padded toward the right margin ----------------

# make-dfsg 4.3-4.1 changelog.Debian (Debian bookworm make, GPL-3+) lines 502-511 (the entry
# fresh26's export holds as make/changelog.Debian#41); fonts-dejavu-core 2.37-6 changelog lines
# 610-613 (a doubled space inside a name: a true finding)
MAKE = ("make (3.80+3.81.rc1-1) unstable; urgency=low\n\n  * New upstream release candidate.\n"
        "  * Bug fix: \"make: the '-W <file>' option used with VPATH does not work\n"
        "    correctly\", thanks to Jeff Sheinberg                  (Closes: #107624).\n"
        "  * Bug fix: \"make shows incorrect line number in error report\", thanks to\n"
        "    Nikita V. Youshchenko                                 (Closes: #274840).\n"
        "  * Bug fix: \"make: [doc] Implicit Rules: C++\", thanks to LI Daobing\n"
        "                                                          (Closes: #335044).\n\n"
        " -- Manoj Srivastava <srivasta@debian.org>  Fri, 24 Feb 2006 16:56:54 -0600\n")
DEJAVU = ("Changes from 2.15 to 2.16\n\n"
          "- fixed hinting instructions for digits in DejaVu Sans Oblique, Bold Oblique,\n"
          "  and Serif Book to not change glyph width (by Eugeniy  Meshcheryakov)\n")


def test_w103_a_padded_closes_trailer_is_layout_and_a_doubled_space_is_reported(tmp_path):
    assert _found(MAKE, "W103") == _found(MAKE.replace("\n", "\r\n"), "W103") == []
    assert _found(MAKE + "\n" + DEJAVU, "W103") == [("W103", 16, 55, "2 consecutive spaces (U+0020 SPACE)")]
    # the same entry exported as a record (fresh26's JSONL shards: one entry a record)
    (tmp_path / "changelog-02.jsonl").write_text(json.dumps({"id": "make/changelog.Debian#41", "text": MAKE}) + "\n",
                                                 encoding="utf-8")
    assert lint_paths([tmp_path], config={"select": ["W103"], "cache": False}) == []
    # a trailer that does not end the line is no trailer: the run before it is reported
    assert [c for c, *_ in _found("  * bad trailer  (Closes: #1) and more words here.\n", "W103")] == ["W103"]


# -- S104: a name written twice in a person's slot --------------------------------------------------

# socat 1.7.4.4-2 changelog (Debian bookworm socat, GPL-2) lines 971-975 ("on on": a true finding)
# and 1017-1018
SOCAT = ("\tRed Hat issue 1182005: socat 1.7.2.4 build failure missing\n\tlinux/errqueue.h\n"
         "\tSocat failed to compile on on PPC due to new requirements for\n"
         "\tincluding <linux/errqueue.h> and a weakness in the conditional code.\n"
         "\tThanks to Michel Normand for reporting this issue.\n\n"
         "\tOn big endian platforms with type long >32bit the range option applied a\n"
         "\tbad base address. Thanks to hejia hejia for reporting and fixing this bug.\n")


def test_s104_a_name_given_twice_after_a_credit_is_the_persons_and_a_slip_is_reported():
    assert _found(SOCAT, "S104") == [("S104", 3, 26, "'on' is repeated")]
    # the slot's other signs: before an e-mail address, after "Reported-by:"; a function word stays a slip
    assert _found("hejia hejia <hejia@example.com>\nReported-by: wang wang\n", "S104") == []
    assert [m for *_, m in _found("\tThanks to the the reviewers for reporting.\n", "S104")] == ["'the' is repeated"]


# -- D104: a stock change in two source packages' entries ----------------------------------------

# Debian bookworm changelog.Debian entries (each package's debian/copyright licence): p11-kit
# 0.24.1-2 (libp11-kit0's, lines 118-129, BSD-3-Clause) and python-attrs 22.2.0-1
# (python3-attr's, lines 95-118, MIT), both with the Debian Janitor's stock block
P11_KIT = ("p11-kit (0.23.19-1) experimental; urgency=low\n\n  [ Debian Janitor ]\n"
           "  * Set upstream metadata fields: Bug-Database, Repository, Repository-\n    Browse.\n"
           "  * Set upstream metadata fields: Bug-Submit.\n\n  [ Andreas Metzler ]\n  * New upstream version.\n"
           "    + Unfuzz enable_locale.diff.\n\n -- Andreas Metzler <ametzler@debian.org>  Wed, 22 Jan 2020 14:49:38 +0100\n")
ATTRS = ("python-attrs (19.3.0-1) unstable; urgency=medium\n\n  [ Adam Cecile ]\n  * New upstream release.\n"
         "  * Update intersphinx mapping patch to prepare to support zope.interface\n"
         "    (but this package does not build sphinx doc yet).\n  * Fix typo in debian/control.\n"
         "  * Improve clean target to be able to build twice in a row.\n\n  [ Ondřej Nový ]\n"
         "  * Use debhelper-compat instead of debian/compat.\n\n  [ Debian Janitor ]\n"
         "  * Set upstream metadata fields: Bug-Database, Repository, Repository-\n    Browse.\n"
         "  * Set upstream metadata fields: Bug-Submit.\n\n  [ Sandro Tosi ]\n  * debian/control\n"
         "    - remove python-sphinx-rtd-theme, no longer needed since attrs/17.1.0\n"
         "      https://github.com/python-attrs/attrs/commit/0563f44b477666143fb81e9c3822de1f87b9a8c5 ;\n"
         "      Closes: #950449\n\n -- Sandro Tosi <morph@debian.org>  Sat, 01 Feb 2020 17:46:43 -0500\n")


def test_d104_a_stock_change_in_another_package_is_not_a_copy_and_the_same_entry_is(tmp_path):
    for name, text in (("libp11-kit0", P11_KIT), ("python3-attr", ATTRS)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "changelog.Debian.txt").write_text(text, encoding="utf-8")
    found = lint_paths([tmp_path], config={"select": ["D104"], "cache": False})
    assert found == []  # (lead: python3-attr's Janitor block "copies" libp11-kit0's)
    # python-attrs' entry exported as a record: a copy of that package's entry, its paragraphs reported
    (tmp_path / "export.jsonl").write_text(json.dumps({"id": "python3-attr/changelog.Debian#7", "text": ATTRS}) + "\n",
                                           encoding="utf-8")
    found = lint_paths([tmp_path], config={"select": ["D104"], "cache": False})
    # (the Janitor block, now in three files, is a template: D106's; the record comes first in path order)
    assert [(f.path.split("/")[-2], f.line, f.related[0].path.rsplit("/", 1)[-1]) for f in found] == [
        ("python3-attr", 3, "export.jsonl"), ("python3-attr", 18, "export.jsonl")]


# -- W102: the Uthmani Qur'an's thin space carries the dagger alif and hamza -------------------------

# quran-json 3.1.2 (npm, CC-BY-4.0) dist/quran.json, surah 2 verse 72 as fresh25 laid it out; then
# fortunes-de 0.35 witze lines 567-570 (a no-break space after a speaker's name: a true finding)
QURAN = ("وَإِذۡ قَتَلۡتُمۡ نَفۡسٗا فَٱدَّـٰرَ\u2009ٰٔتُمۡ فِيهَاۖ وَٱللَّهُ مُخۡرِجٞ مَّا كُنتُمۡ تَكۡتُمُونَ (72)\n\n"
         "Alkoholkontrolle:\nPolizist: Blasen sie in das Röhrchen!\nAutofahrer: Kann ich nicht, ich hab Asthma\n"
         "Polizist:\u00a0Na gut. Dann machen wir eine Blutprobe mit ihnen!\n")


def test_w102_a_space_carrying_a_mark_is_its_base_and_a_stray_nbsp_is_reported():
    assert _found(QURAN, "W102", path="002.md") == [("W102", 6, 10, "non-standard space: 1 no-break space (U+00A0)")]


# -- CRLF = LF for the spelling and duplicate rules -------------------------------------------------

# fortunes-de 0.35 zitate lines 11660-11666 (Goethe: "wir / den den glücklichsten Menschen nennen",
# that one, then the article), ms lines 826-830 ("ein ein": a true finding); fortunes-de linuxtag
# lines 1180-1210 (a fortune quoted again with a prompt line before it)
ZITATE = ("%\n... härtet vielmehr, Gott sei Dank, ihre echten Kinder gegen die\n"
          "Schmerzen und Übel ab, die sie ihnen unablässig bereitet, so daß wir\n"
          "den den glücklichsten Menschen nennen können, der der stärkste wäre,\n"
          "dem Übel zu entgegnen, es von sich zu weisen, und ihm zum Trutz den\nGang seines Willens zu gehen.\n"
          "\t\t-- Johann Wolfgang von Goethe (Schriften zur Kunst)\n%\n"
          " 3. Bei Microsoft ist noch nie etwas entstanden, was von Anfang an Hand\n    und Fuß hatte.\n%\n"
          "Wie wechselt ein ein Windowsprogrammierer eine Glühbirne?\nGar nicht, ist ein Hardwareproblem!\n%\n")
LINUXTAG = ("denn der teilt nicht gerne.\n\t\t-- Michael Manternach\n%\nI hereby declare the System bug-free!\n"
            "\t\t-- Klaus Knopper\n%\nJoey: Gratulation. Damit hast Du die Größe aller Mailboxen,\n"
            "die ich jeh hatte, getoppt. ;-)\n\t\t-- Klaus Knopper\n%\nAlso, die Webseite ist echt nicht Joey-proof.\n"
            "\t\t-- Martin Schulze\n%\nIch bin stolz auf Dich.\n\t\t-- Christel Marquardt zu Joey\n%\n"
            "Ich kann euch nur eines sagen... das ist Historie...\n"
            "Nostalgie pur...  Da bekommt man ja feuchte Augen beim Lesen...\n\t\t-- Martin Schulze\n%\n"
            "[root@hydra /root]# ls -l /var/spool/mail/joey\n"
            "-rw-rw----    1 joey     mail     1306209906 Jan 22 16:27 /var/spool/mail/joey\n\n"
            "Joey: Gratulation. Damit hast Du die Größe aller Mailboxen,\ndie ich jeh hatte, getoppt. ;-)\n"
            "\t\t-- Klaus Knopper\n%\n")


def test_s104_d101_a_crlf_fortune_file_is_read_as_its_lf_original():
    assert _found(ZITATE.replace("\n", "\r\n"), "S104", "zitate") == _found(ZITATE, "S104", "zitate") == [
        ("S104", 12, 14, "'ein' is repeated")]
    assert _found(LINUXTAG.replace("\n", "\r\n"), "D101", "linuxtag") == _found(LINUXTAG, "D101", "linuxtag") == []


_LINE = st.sampled_from([
    "%", "", "  ", "\t\t-- Johann Wolfgang von Goethe", "Schmerzen und Übel ab, so daß wir",
    "den den glücklichsten Menschen nennen können,", "wielka wielka siła uderzy w obiekt?",
    "the the cat sat on the mat today.", "    info info", "$ ls -l /tmp", "# apt install x", "a long long value",
    "Thanks to hejia hejia for reporting this bug.", "Roses are red, violets are blue,",
    "Sugar is sweet and so are you.", "1. First step of the procedure here.", "2. First step of the procedure here.",
    "The quick brown fox jumps over the lazy dog.", "The quick brown fox jumps over the lazy dog!", "DESCRIPTION",
    "       The program does things well enough.", "--http-password=heslo", "heslo heslo jest tajne",
    "Ein Loch ist im Browser, ein Loch", "via via che si va avanti", "vyrovnat se se spojeními a taky",
    "and and and And and", "  * Set upstream metadata fields: Bug-Submit.",
])


@settings(max_examples=40, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=20), st.sampled_from(["S104", "D101", "D102", "D103"]))
@example(["$ ls -l /tmp", "", "via via che si va avanti"], "S104")  # (found on the merge: "\n\n" paragraphs)
@example(["and and and And and", "Schmerzen und Übel ab, so daß wir", "Thanks to hejia hejia for reporting this bug.",
          "Thanks to hejia hejia for reporting this bug.", "and and and And and"], "S104")  # (a 300-character window)
def test_spelling_and_duplicate_findings_are_the_same_for_crlf_and_lf(lines, code):
    text = "\n".join(lines) + "\n"
    assert _found(text.replace("\n", "\r\n"), code, "x.txt") == _found(text, code, "x.txt")


def _crlf_offset(text: str, pos: int) -> int:
    """``pos`` in ``text`` (LF endings) as an offset into its CRLF copy."""
    return pos + text.count("\n", 0, pos)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["Ein Loch ist im Browser, ein Loch", "%", "", "Gar nicht, ist ein Hardwareproblem!",
                                 "wielka wielka siła uderzy w nieskończenie mocny obiekt? został rozwiązany"]),
                min_size=150, max_size=400), st.integers(0, 10**6))
def test_verse_windows_hold_the_same_lines_for_crlf_and_lf(lines, where):
    # (the verse tests look 4,000 characters either side: a CRLF line's "\r" is not counted)
    reach, in_verse, in_stanzas = structure.reach, structure.in_verse, structure.in_stanzas
    text = "\n".join(lines) + "\n"
    crlf = text.replace("\n", "\r\n")
    pos = where % len(text)
    at = _crlf_offset(text, pos)
    assert crlf[reach(crlf, at, 4000) : at].replace("\r\n", "\n") == text[reach(text, pos, 4000) : pos]
    assert crlf[at : reach(crlf, at, 4000, forward=True)].replace("\r\n", "\n").rstrip("\r") == text[
        pos : reach(text, pos, 4000, forward=True)]
    assert in_verse(crlf, at) == in_verse(text, pos)
    assert in_stanzas(crlf, at, couplets=True) == in_stanzas(text, pos, couplets=True)
