"""False-alarm kinds a new user (fresh17) met linting Python's and Debian's documentation turned
into plain text and data set fields: W103's safe fix rewrote code (a doctest's indentation, an
inline comment's spacing) and aligned columns (argparse's help, ``ulimit -a``'s output, a
kernel configurator's menu); W114 joined a shell command's own marks (``if ! [``, ``echo .``,
``cut -d :``, ``a[i : hi]``). Each kind with the real excerpt, and a true finding of the same
rule beside it still reported. Sources: tests/data/realtext/SOURCE.md (fixa17)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


from .test_fresh14_kinds import SAFE, apply_safe

from .test_fixa16_kinds import found, spans


# -- 1. W103: code and aligned columns are never squeezed by a safe fix -----------------------

# python3.11-doc library/argparse.html as text (txt-longform/py-library__argparse.html.txt 172-179)
ARGPARSE_DOCTEST = (
    "Filling an ArgumentParser with information about program arguments is done by making calls to the "
    "add_argument() method. For example:\n\n"
    ">>> parser.add_argument('integers', metavar='N', type=int, nargs='+',\n"
    "...                     help='an integer for the accumulator')\n"
    ">>> parser.add_argument('--sum', dest='accumulate', action='store_const',\n"
    "...                     const=sum, default=max,\n"
    "...                     help='sum the integers (default: find the max)')\n")
# the same page, lines 426-441: the help that ArgumentDefaultsHelpFormatter prints
ARGPARSE_HELP = (
    ">>> parser.print_help()\n"
    "usage: PROG [-h] [--foo FOO] [bar ...]\n\n"
    "positional arguments:\n"
    " bar         BAR! (default: [1, 2, 3])\n\n"
    "options:\n"
    " -h, --help  show this help message and exit\n")
# parquet-pydoc faq/programming.html paragraph 47 (a paragraph of its own: one record's list item)
FAQ_DOCTEST = ">>> x = 10\n>>> def foo():\n...     print(x)\n...     x += 1\n"
# tutorial/introduction.html and reference/datamodel.html: code, two spaces, a comment (PEP 8)
INLINE_COMMENTS = (">>> word[0:2]  # characters from position 0 (included) to 2 (excluded)\n\n"
                   "Here is an example:\n\n"
                   "    x = C()  # Automatically calls: x.__set_name__(A, 'x')\n")
# reference/expressions.html lines 116 and lexical_analysis.html lines 468-476 (a doctest's output)
GRAMMAR = 'A list display is a possibly empty series of expressions:\n\nlist_display ::=  "[" [starred_list | comprehension] "]"\n'
FSTRING_OUTPUT = (">>> line = \"The mill's closed\"\n>>> f\"{line = :20}\"\n\"line = The mill's closed   \"\n")
# tutorial/datastructures.html lines 515-521: comparisons laid out in two columns
COMPARISONS = ("(1, 2, 3)              < (1, 2, 4)\n[1, 2, 3]              < [1, 2, 4]\n"
               "'ABC' < 'C' < 'Pascal' < 'Python'\n(1, 2, 3, 4)           < (1, 2, 4)\n"
               "(1, 2)                 < (1, 2, -1)\n(1, 2, 3)             == (1.0, 2.0, 3.0)\n"
               "(1, 2, ('aa', 'ab'))   < (1, 2, ('abc', 'a'), 4)\n")
# harden-doc 3.19 en-US/ch04s11.html (csv-harden record; read as Markdown, "auto": its "# auth"
# line is an ATX heading): ulimit's output and login.defs keys; bridge-fw.html: menuconfig's tree
ULIMIT = ("$ ulimit -a\ncore file size        (blocks, -c) 0\ndata seg size         (kbytes, -d) 102400\n"
          "file size             (blocks, -f) 2048\nopen files                    (-n) 1024\n"
          "pipe size          (512 bytes, -p) 8\nstack size            (kbytes, -s) 8192\n"
          "cpu time             (seconds, -t) unlimited\nmax user processes            (-u) 100\n"
          "virtual memory        (kbytes, -v) unlimited\n\n# auth       required   pam_issue.so issue=/etc/issue\n\n"
          "The next step is to edit the basic configuration and action upon user login.\n\n"
          "  FAILLOG_ENAB        yes\n\nIf you enable this variable, failed logins will be logged.\n")
MENUCONFIG = ("In the section Networking options, enable the following options:\n\n"
              "[*] Network packet filtering (replaces ipchains)\n[ ]   Network packet filtering debugging (NEW)\n"
              "<*> 802.1d Ethernet Bridging\n[*]   netfilter (firewalling) support (NEW)\n")
# harden-doc 3.19 en-US (csv-harden records, read as Markdown): deb-pack-sign.html 377-378 and
# 131, firewall-setup.html 256-257, chroot-ssh-env.html 311-314 and 808-809, ch04s10.html 23-24:
# a shell line's strings and arguments, a tree, ls's columns, a date, a key fingerprint
PRINTED = ["    echo\n    sed 's/^/    /' < UNVALIDATED\n",
           '$  while true; do test=""; read  -t 20 -p "OK? " test ; \\\n  [ -z "$test" ] && /etc/init.d/firewall clear ; done\n',
           "|       `-- pam_wheel.so\n|-- sbin\n|   `-- start-stop-daemon\n|-- usr\n",
           "  alex@joker:/tmp# /lib/ld-linux.so.2 ./date\n  Sun Dec  3 17:49:23 CET 2000\n",
           "      Key fingerprint = 0847 50FC 01A6 D388 A643  D869 0109 0831 2D23 0C5F\n",
           "# chroot /var/chroots/users/foo/ ls\nbin  dev  etc  lib  proc  sbin  usr\n"]
# dpo/maint-faq-dpo prompt 116 (debian-faq as one line: a heading joined to its text by two spaces)
JOINED_HEADING = "Mailing lists  There are a lot of Debian-related mailing lists (https://lists.debian.org/).\n"


def test_w103_leaves_code_and_columns_in_plain_text():
    for text in (ARGPARSE_DOCTEST, ARGPARSE_HELP, FAQ_DOCTEST, INLINE_COMMENTS, GRAMMAR, FSTRING_OUTPUT,
                 COMPARISONS, MENUCONFIG):
        assert found("W103", text) == [], text
    for text in PRINTED:
        assert found("W103", text, path="record.md") == [], text
    assert found("W103", ULIMIT, path="record.md") == []
    assert found("W103", ULIMIT) == []
    # a heading joined to its paragraph by two spaces is still reported, with its safe fix
    assert spans("W103", JOINED_HEADING) == ["  "]
    assert spans("W103", FAQ_DOCTEST + "\n" + JOINED_HEADING) == ["  "]
    # a wrapped line of prose with two doubled spaces is no line of columns (Node.js docs,
    # errors.md line 2782: realtext corpus markdown-docs)
    nodejs = ("### `ERR_TLS_INVALID_PROTOCOL_METHOD`\n\nThe specified  `secureProtocol` method is invalid. "
              "It is  either unknown, or\ndisabled because it is insecure.\n")
    assert spans("W103", nodejs, "errors.md") == ["  ", "  "]
    # and a slip in a sentence next to a doctest
    text = ARGPARSE_DOCTEST.replace("is done by making", "is done by  making")
    assert spans("W103", text) == ["  "]


_WORD = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_CODE = st.builds(lambda a, b, c: f"{a} = {b}({c!r})", _WORD, _WORD, _WORD)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 3), _CODE, st.integers(0, 3)), min_size=1, max_size=5), _CODE)
def test_w103_safe_fix_never_changes_a_doctest_line(body, first):
    """No safe W103 fix changes a line of a doctest block (its ``...`` lines' indentation,
    the spaces before an inline comment)."""
    lines = [f">>> def {first.split()[0]}():"]
    for depth, code, pad in body:
        lines.append("... " + " " * (4 * (depth + 1)) + code + ("  " + " " * pad + "# note" if pad else ""))
    text = "Here is how it goes:\n\n" + "\n".join(lines) + "\n"
    out = apply_safe(found("W103", text), text)
    assert out.split("\n")[2:] == text.split("\n")[2:]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.lists(_WORD, min_size=1, max_size=2), st.lists(_WORD, min_size=1, max_size=2)),
                min_size=3, max_size=6), st.integers(3, 8), st.sampled_from(["page.txt", "page.md"]))
def test_w103_safe_fix_never_changes_a_two_column_layout(rows, pad, path):
    """No safe W103 fix changes a two-column layout (labels padded to one column, as
    ``ulimit -a`` or a help text prints them)."""
    labels = [" ".join(a) for a, _ in rows]
    width = max(map(len, labels)) + pad
    text = "\n".join(label.ljust(width) + " ".join(b) for label, (_, b) in zip(labels, rows)) + "\n"
    out = apply_safe([f for f in found("W103", text, path) if f.fix and f.fix.applicability == SAFE], text)
    assert out == text


# -- 2. W114: a shell command's or a subscript's own marks --------------------------------------

# harden-doc 3.19 en-US (csv-harden records): bpp-lower-privs.html 29-32, firewall-setup.html
# 118-119, ch12.html 119-120, chroot-ssh-env.html 753-756, ch03s05.html 13, ch04s11.html 206,
# checklist.html line 127 (a sentence's clause)
SHELL = [
    '  # 1. create group if not existing\n  if ! getent group | grep -q "^$SERVER_GROUP:" ; then\n'
    '     echo -n "Adding group $SERVER_GROUP.."\n',
    "if ! [ -x /sbin/iptables ]; then  \n    exit 0\n",
    '  cut -f 1 -d : /etc/passwd | \\\n  while read i; do find / -user "$i" | grep -q . || echo "$i"; done\n',
    "if [ $? == 0 ]; then\n  echo .\n  exit 0\n",
    "  # update-rc.d name stop XX 2 3 4 5 .\n",
    "$ awk -F : '{if ($3<1000) print $1}' /etc/passwd > /etc/ftpusers\n",
    "Also remember to periodically run apt-get update ; apt-get upgrade (perhaps install as a cron job?) as "
    "explained in Section 4.2.\n",
    # parquet-pydoc faq/programming.html: a paragraph of its own
    "You can do it from the shell prompt by running compileall.py and providing the path of a directory "
    "containing Python files to compile:\n\npython -m compileall .\n",
    # developers-reference 12.18 best-pkging-practices (nested-zst record, reST read as text)
    "3. Make a copy of all the PO files.\n\n   .. code-block:: sh\n\n      mkdir po_fridge; cp *.po po_fridge\n\n"
    "5. Regenerate the PO files.\n\n   .. code-block:: sh\n\n      cp po_fridge/*.po .\n",
    # python3.11-doc library/bisect.html: Python's slices in a sentence
    "The returned insertion point i partitions the array a into two halves so that all(val < x for val in "
    "a[lo : i]) for the left side and all(val >= x for val in a[i : hi]) for the right side.\n",
]
# harden-doc fr-FR changelog_history.html line 613: English quoted in French (undeclared)
QUOTED_ENGLISH_FR = ("Réorganisation de la section sécurisation du serveur de mail suite à la discussion "
                     "Secure/hardened/minimal Debian (ou « Why is the base system the way it is? » : pourquoi le "
                     "système de base est-il comme ça ?) sur la liste de diffusion debian-security (mai 2002).\n")
# harden-doc en-US ch04s17.html line 55 (its end): an English slip, still reported
SUPERUSER = ("The only way to change a protected file would be to boot the system in single-user mode or using "
             "another bootdisk, two operations that require physical access to the machine !\n")


def test_w114_leaves_shell_words_and_subscripts():
    for text in SHELL:
        assert found("W114", text) == [], text
    assert found("W114", QUOTED_ENGLISH_FR) == []
    assert spans("W114", SUPERUSER) == [" "]
    # beside a command, a slip in the sentence after it is still reported
    assert spans("W114", SHELL[6] + "\n" + SUPERUSER) == [" "]
    assert spans("W114", "For binaries from FLATHUB, run them in Flatpak . (No manual configuration required.)\n") == [" "]


# -- 3. S104: a noun then the parameter of its name, C's "long long" ------------------------------

# python3.11-doc library/calendar.html 67-69, codecs.html 272-284 (shortened to the two
# signatures and their sentences), ctypes.html 1623-1625, array.html 110-121 (a table's cells)
CALENDAR = ("monthdatescalendar(year, month)¶\n\nReturn a list of the weeks in the month month of the year as full "
            "weeks. Weeks are lists of seven datetime.date objects.\n")
CODECS = ("codecs.register_error(name, error_handler)¶\n\nRegister the error handling function error_handler "
          "under the name name.\n\ncodecs.lookup_error(name)¶\n\nReturn the error handler previously registered "
          "under the name name.\n")
CTYPES = ("class ctypes.c_longlong¶\n\nRepresents the C signed long long datatype. The constructor accepts an "
          "optional integer initializer; no overflow checking is done.\n")
ARRAY = "'q'\n\nsigned long long\n\nint\n\n8\n\n'Q'\n\nunsigned long long\n"
# debian-faq 11.1 en (txt-longform/debian-faq.en.txt line 3618): a command and its argument
MAN_MAN = "        execute man ls. Execute man man for more information on\n"
# the quoted slip, German subject and object "sie sie" (grammatical): silent
QUOTED = "The word 'the the' is a common typo.\n"
GERMAN = "Er schreibt es auf, damit sie sie lesen kann.\n"


def test_s104_leaves_parameters_and_c_types():
    for text in (CALENDAR, CODECS, CTYPES, ARRAY, MAN_MAN, QUOTED, GERMAN):
        assert found("S104", text) == [], text
    # without the signature the doubled noun is reported, and a slip beside it too
    assert spans("S104", CALENDAR.split("\n\n", 1)[1]) == ["month month"]
    assert spans("S104", CODECS + "\nIf you find a bug in it it will not be fixed.\n") == ["it it"]
    assert spans("S104", CTYPES + "\nIt is the the best.\n") == ["the the"]
    # "See section Section 12.5" (a cross-reference's noun doubled) is still reported
    assert spans("S104", "      * See section Section\u00a012.5, “How do I report a bug in Debian?”\n") == ["section Section"]


# -- 4. W102: a no-break space an author put on purpose -----------------------------------------

# debian-faq 11.1 fr (txt-longform/debian-faq.fr.txt lines 1250, 4186, 1703, 3407) and
# maint-guide 1.2.53 fr (hf-debian-docs record maint-fr-0): a name's two parts, the number
# sign and its number, a language's letter, a command and its option
BOUND = ["        486, Pentium, Pentium\u00a0Pro, Pentium\u00a0II (Klamath et Celeron),\n",
         "    Elle encourage les programmeurs à utiliser la licence GNU\u00a0GPL ou\n",
         "    (unstable), voir le bogue n°\u00a0516394 (https://bugs.debian.org/\n",
         "    Debian ne comporte qu'une subtilité\u00a0: les bibliothèques\u00a0C de\n",
         "* ajouter une nouvelle révision au début du fichier changelog Debian, par exemple avec dch\u00a0-i, ou "
         "explicitement avec dch\u00a0-v version-révision, et\n"]


def test_w102_leaves_names_and_options_bound_on_purpose():
    for text in BOUND:
        assert found("W102", text) == [], text
    # a line scraped with a no-break space between every word keeps its finding (and its safe fix)
    scraped = "The\u00a0President\u00a0Joe\u00a0Biden said on Monday.\n"
    assert [f.fix.applicability for f in found("W102", scraped)] == [SAFE]
    assert len(found("W102", "يزور\u00a0فلاديمير\u00a0بوتين\n")) == 1
    # and a no-break space between two lower-case words beside a bound name
    assert len(found("W102", BOUND[1].replace("les programmeurs", "les\u00a0programmeurs"))) == 1


# -- 5. A106: the HTML a program prints, inside its string ----------------------------------------

# python3.11-doc library/cgi.html as text, lines 54-58 and 87-88
CGI = ("Here’s Python code that prints a simple piece of HTML:\n\n"
       'print("<TITLE>CGI script output</TITLE>")\nprint("<H1>This is my first CGI script</H1>")\n'
       'print("Hello, world!")\n    return\nprint("<p>name:", form["name"].value)\nprint("<p>addr:", form["addr"].value)\n')


def test_a106_leaves_html_in_a_string_of_code():
    assert found("A106", CGI) == []
    # a tag left in the sentence beside it is still reported
    text = CGI.replace("prints a simple piece", "prints a <b>simple</b> piece")
    assert spans("A106", text) == ["<b>", "</b>"]


# -- 6. A111: reStructuredText's syntax in a field not read as reST -------------------------------

# developers-reference 12.18 (MIT-style) best-pkging-practices.rst.txt, nested-zst records 0 and 17
DEVREF_TITLE = ("Best Packaging Practices\n" + "*" * 128 + "\n\nDebian's quality is largely due to the `Debian\n"
                "Policy <https://www.debian.org/doc/debian-policy/>`__, which defines\n"
                "explicit baseline requirements that all Debian packages must fulfill.\n")
DEVREF_LITERAL = ("The following examples demonstrate some common errors or examples of bad\nstyle in changelog "
                  "entries.\n\n::\n\n     * Fixed all outstanding bugs.\n\nThis doesn't tell readers anything too "
                  "useful, obviously.\n\n::\n\n     * Applied patch from Jane Random.\n\nWhat was the patch about?\n")


def test_a111_leaves_rst_syntax_in_plain_fields():
    assert found("A111", DEVREF_TITLE) == []
    assert found("A111", DEVREF_LITERAL) == []
    # a "::" with no indented block after it, and a bar line between paragraphs, are still reported
    assert spans("A111", DEVREF_LITERAL.replace("     * Applied", "* Applied")) == ["::"]
    assert spans("A111", DEVREF_TITLE + "\n|||\n\nMore text follows here.\n") == ["|||"]
