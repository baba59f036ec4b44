"""False-alarm kinds from fresh14's trial on text nobody here had tried: git's AsciiDoc
documentation (git-doc 2.39.5, GPL-2), LibreOffice 7.4 help in Greek, Khmer and Dzongkha
(MPL-2.0, HTML to text), GNOME help in Panjabi (CC-BY-SA-3.0), Vietnamese man pages
(manpages-vi 4.18.1, GPL-3+), Korean bills (konlpy 0.6.0, GPL-3+); each kind next to the
real defect still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from corpuslint import lint_text

NO_CACHE = {"cache": False}


def spans(code: str, text: str, path: str = "page.txt") -> list[str]:
    return [text[f.start : f.end] for f in lint_text(text, path=path, config={"select": [code], **NO_CACHE})]


# -- A106: a synopsis's placeholders that are elements' names ---------------------------

# git-cat-file.txt lines 10-14 and 30
CAT_FILE = """SYNOPSIS
--------
[verse]
'git cat-file' <type> <object>
'git cat-file' (-e | -p) <object>
'git cat-file' (-t | -s) [--allow-unknown-type] <object>

output format can be overridden using the optional `<format>` argument. If
"""
# git-checkout.txt line 267 and git-cherry.txt lines 11 and 36 (with the synopsis they follow)
CHECKOUT = """'git checkout' [-q] [-f] [-m] [<branch>]
'git checkout' [-q] [-f] [-m] --detach [<commit>]

--conflict=<style>::
\tThe same as `--merge` option above, but changes the way the
\tconflicting hunks are presented.
"""
CHERRY = """'git cherry' [-v] [<upstream> [<head> [<limit>]]]

<head>::
\tWorking branch; defaults to HEAD.
"""


def test_a106_a_placeholder_named_like_an_element_is_no_tag():
    assert spans("A106", CAT_FILE, "git-cat-file.txt") == []
    assert spans("A106", CHECKOUT, "git-checkout.txt") == []
    assert spans("A106", CHERRY, "git-cherry.txt") == []


def test_a106_a_leftover_tag_is_still_reported():
    # the same synopsis with a leftover line break, and a closed element among placeholders
    assert spans("A106", CAT_FILE + "Shows an object.<br>Next\n", "git-cat-file.txt") == ["<br>"]
    assert spans("A106", CHERRY + "The <b>branch</b> to compare.\n") == ["<b>", "</b>"]
    # no placeholders around it: an element's tag left in prose
    assert spans("A106", "The working branch<object> defaults to HEAD.\n") == ["<object>"]


# lohelp-el shared/00/00000020 line 59: "exported as <SPAN> or <DIV> tags"
GREEK_TAGS = ('Τα πλαίσια εξάγονται ως ετικέτες "<SPAN>" ή "<DIV>", εάν δεν περιέχουν στήλες. '
              'Εάν περιέχουν στήλες, τότε εξάγονται ως "<MULTICOL>".\n')


def test_a106_tags_named_in_greek_prose_are_quoted():
    assert spans("A106", GREEK_TAGS) == []
    assert spans("A106", "Τα πλαίσια εξάγονται<SPAN> εάν δεν περιέχουν στήλες.\n") == ["<SPAN>"]


# -- A103: a document's headings and literals are no web boilerplate ---------------------

# git-am.txt lines 266-270; git-config.txt lines 118-122; git-commit.txt line 218
GIT_AM = "include::config/am.txt[]\n\nSEE ALSO\n--------\nlinkgit:git-apply[1].\n\nGIT\n---\n"
GIT_CONFIG = ("+\nFor reading options: read only from global `~/.gitconfig` and from\n"
              "`$XDG_CONFIG_HOME/git/config` rather than from all available files.\n+\nSee also <<FILES>>.\n")
GIT_COMMIT = "This hook is run before the commit is made.\nSee also linkgit:githooks[5].\n"
# man-vi tr.1.txt lines 80-84 (manpages-vi, rendered by man)
TR = """TÊN
       tr - dịch hoặc xoá ký tự

MÔ TẢ
       [:lower:]
              mọi chữ cái viết thường

       [:print:]
              mọi ký tự có thể in, lấy cả khoảng trắng
"""
# lohelp-km sdraw/main0103 lines 44-50; scalc 02070000 lines 76-86; shared/01/01130000 lines 17-21
DRAW_VIEW = """Snap Guides

Specifies the display options for snap guides.

Comments

Show or hide annotations on the page.
"""
PRINT_BUTTON = "Choose File - Print.\n\nOn the Standard bar, click\n\nPrint\n\nOn the Print Preview bar of a text document, click\n"
# ghelp-indic pa gnome-help keyboard-shortcuts-set lines 195-207 (chords whose "+" was lost with the markup)
SHORTCUTS = ("Save a screenshot of a window\n\nAltPrint\n\nSave a screenshot of the entire screen\n\n"
             "ShiftPrint\n\nLaunch the screenshot tool\n\nPrint\n\nRecord a short screencast\n")


def test_a103_headings_cross_references_literals_and_labels_are_no_boilerplate():
    assert spans("A103", GIT_AM, "git-am.txt") == []
    assert spans("A103", GIT_CONFIG, "git-config.txt") == []
    assert spans("A103", GIT_COMMIT, "git-commit.txt") == []
    assert spans("A103", TR, "tr.1.txt") == []
    assert spans("A103", DRAW_VIEW) == []
    assert spans("A103", PRINT_BUTTON) == []
    assert spans("A103", SHORTCUTS) == []


def test_a103_web_boilerplate_is_still_reported():
    article = "The minister said the talks would resume on Monday.\n\nSee also\n\nComments\n\nLeave a reply\n"
    assert spans("A103", article) == ["See also", "Comments", "Leave a reply"]
    assert spans("A103", "The talks resume on Monday.\n\nShare\n\nPrint\n") == ["Share", "Print"]


# -- A111 / A102: structure and table cells ----------------------------------------------

# git-commit-tree.txt lines 85-99 (and a list continuation "+")
COMMIT_TREE = """Discussion
----------

include::i18n.txt[]

FILES
-----
/etc/mailname

SEE ALSO
--------
linkgit:git-write-tree[1]
linkgit:git-commit[1]

-m <message>::
\tA paragraph in the commit log message.
+
Another paragraph.

----
$ git commit-tree -m "msg" 4b825dc
----
"""
# lohelp-el sdatabase/querywizard01 lines 33-43: the wizard's buttons and what they do
BUTTONS = """<<

Πατήστε για να μετακινήσετε όλα τα πεδία στο πλαίσιο το οποίο δείχνει το βέλος.

^

Πατήστε για να μετακινήσετε το επιλεγμένο πεδίο μια θέση πάνω στη λίστα.

v

Πατήστε για να μετακινήσετε το επιλεγμένο πεδίο μια θέση κάτω στη λίστα.
"""
# lohelp-el shared/00/00000020 lines 64-84: a table of units flattened to paragraphs
UNITS = """Όνομα μονάδας μέτρησης στο CSS1

Μέγιστος αριθμός δεκαδικών ψηφίων

Χιλιοστό

mm

2

Εκατοστό

cm

2

Ίντσα

in

2
"""
GREEK_PROSE = ("Στα πεδία εισόδου για μήκη μονάδων μπορείτε επίσης να εισάγετε και τη μονάδα συντόμευσης "
               "σύμφωνα με την παρακάτω λίστα, όπως φαίνεται στον πίνακα που ακολουθεί εδώ. ") * 4


def test_a111_asciidoc_structure_and_button_lists_are_no_debris():
    assert spans("A111", COMMIT_TREE, "git-commit-tree.txt") == []
    assert spans("A111", GREEK_PROSE + "\n\n" + BUTTONS) == []
    # a stray separator in prose is still reported, and "+" outside AsciiDoc
    assert spans("A111", "The talks resume on Monday.\n\n|||\n\nThe minister said so.\n") == ["|||"]
    assert spans("A111", "The talks resume on Monday.\n+\nThe minister said so.\n") == ["+"]


def test_a102_table_cells_are_no_widget_residue():
    assert spans("A102", GREEK_PROSE + "\n\n" + UNITS) == []
    assert spans("A102", GREEK_PROSE + "\n\n" + BUTTONS) == []
    # a widget among paragraphs of prose is still reported
    assert spans("A102", GREEK_PROSE + "\n\nsearch\n\n" + GREEK_PROSE + "\n") == ["search"]


# -- A101: hashes that a text about commits shows ----------------------------------------

# git-describe.txt lines 142-144; git-bisect-lk2009.txt lines 377-388
DESCRIBE = ('The hash suffix is "-g" + an unambigous abbreviation for the tip commit\n'
            "of parent (which was `2414721b194453f058079d897d13c4e377f92dc6`). The\n")
BISECT = """:Author: Christian Couder
:Email: chriscool@tuxfamily.org
:Date: 2009/11/08

So if you used "git bisect skip" (or the run script exited with
special code 125) you could get a result like this:

-------------
There are only 'skip'ped commits left to test.
The first bad commit could be any of:
15722f2fa328eaba97022898a305ffc8172db6b1
78e86cf3e850bd755bb71831f42e200626fbd1e0
We cannot bisect more!
-------------
"""


def test_a101_a_hash_shown_as_code_is_no_debris():
    assert spans("A101", DESCRIBE, "git-describe.txt") == []
    assert spans("A101", BISECT, "git-bisect-lk2009.txt") == []
    # a hash glued into prose outside code is still reported
    assert spans("A101", "He left 2414721b194453f058079d897d13c4e377f92dc6 on the page.\n") == [
        "2414721b194453f058079d897d13c4e377f92dc6"]


# -- S102: a catalogue whose Language-Team names its language -----------------------------

# iso-codes 4.15's Pashto iso_639.po: header lines 1-12 (its "Language:" empty) and the
# entries for Tatar, Turkmen, Uzbek (lines 90-99)
PUSHTO_PO = '''msgid ""
msgstr ""
"Project-Id-Version: iso_639-2\\n"
"PO-Revision-Date: 2004-08-07 21:21+0100\\n"
"Last-Translator: Alastair McKinstry <mckinstry@debian.org>\\n"
"Language-Team: Pushto\\n"
"Language: \\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

msgid "Tatar"
msgstr "تاتار"

msgid "Turkmen"
msgstr "ترکمني"

msgid "Uzbek"
msgstr "ازبکي"
'''


def test_a_po_language_team_declares_the_language(tmp_path):
    from corpuslint.readers.po import team_language

    assert team_language("Pushto") == "ps"
    assert team_language("Persian <translation-team-fa@lists.sourceforge.net>") == "fa"
    assert team_language("LANGUAGE <LL@li.org>") is None and team_language(None) is None
    po = tmp_path / "iso_639.po"
    po.write_text(PUSHTO_PO, encoding="utf-8")
    from corpuslint.files import Source
    from corpuslint.readers.po import PoReader

    assert {d.language for d in PoReader().documents(Source(str(po), po.name), None)} == {"ps"}


# -- S105: a misspelling cited with its correction ---------------------------------------

# git's SubmittingPatches line 99-101
TYPO_EXAMPLE = ("turning en_UK spelling to en_US).  Obvious typographical fixes are much\n"
                'more welcomed ("teh -> "the"), preferably submitted as independent\n')


def test_s105_a_typo_cited_with_an_arrow_is_an_example():
    assert spans("S105", TYPO_EXAMPLE, "SubmittingPatches.txt") == []
    assert spans("S105", "typos (teh → the) are fixed.\n") == []
    assert spans("S105", "Obvious typographical fixes are welcome in teh docs.\n") == ["teh"]


# -- D103: parallel definitions of different terms ----------------------------------------

# LibreOffice help (dz, untranslated English) scalc/01/statistics_regression lines 47-51
REGRESSION = (
    "Logarithmic regression: finds a logarithmic curve in the form of y = b + a1.ln[x1] + a2.ln[x2] + "
    "a3.ln[x3] ..., where ai is the i-th coefficient, b is the intercept and ln[xi] is the natural logarithm "
    "of the i-th independent variable, that best fits the data.\n\n"
    "Power regression: finds a power curve in the form of y = exp( b + a1.ln[x1] + a2.ln[x2] + a3.ln[x3] ...), "
    "where ai is the i-th power, [xi] is the i-th independent variable, and b is intercept that best fits "
    "the data.\n")
# scalc/01/05060000 lines 43-45
HIDDEN_CELLS = (
    "Keep the contents of the hidden cells: The contents of the hidden cells are kept; the results of "
    "formulas referring to the hidden cells will not change.\n\n"
    "Empty the contents of the hidden cells: The contents of the hidden cells are removed; the results of "
    "formulas referring to the hidden cells will be updated.\n")


def test_d103_parallel_definitions_are_no_restatement():
    from corpuslint.families.duplicate.meaning import defined_term, significant_change

    assert defined_term("Power regression: finds a power curve") == "Power regression"
    assert defined_term("It was late. Then: nothing") is None
    assert spans("D103", REGRESSION) == []
    assert spans("D103", HIDDEN_CELLS) == []
    a, b = REGRESSION.split("\n\n")
    assert significant_change(a, b) == "term 'Power regression'"
    same_term = significant_change(a, b.replace("Power regression", "Logarithmic regression"))
    assert not (same_term or "").startswith("term")


# -- Q101/Q102: a reference page's labels are its template --------------------------------


def _reference_page(n: int) -> str:
    """A function reference flattened to paragraphs, as LibreOffice help's scalc/01/04060118
    (Greek) is: each function's name, what it does, "Σύνταξη" (Syntax), its syntax,
    "Παράδειγμα" (Example), an example."""
    out = ["Οικονομικές συναρτήσεις - Μέρος τρίτο"]
    for k in range(n):
        name = f"COUP{'ABCDEFGHIJ'[k]}"
        out += [name, f"Επιστρέφει τον αριθμό των ημερών της περιόδου {k + 1} του τίτλου.", "Σύνταξη",
                f"{name}(Διακανονισμός; Λήξη; Συχνότητα [; Βάση])", "Παράδειγμα",
                f"Το ={name}(\"2001-01-25\"; \"2001-11-15\"; 2; 3) επιστρέφει {70 + k}."]
    return "\n\n".join(out) + "\n"


def test_q101_q102_a_reference_pages_labels_are_no_repeats():
    page = _reference_page(8)
    assert spans("Q101", page) == [] and spans("Q102", page) == []
    # a menu captured again by a scraping loop still repeats
    menu = "\n\n".join(["Home", "News", "Sport", "Weather", "Contact us"])
    looped = "\n\n".join([menu, "The council approved the new budget on Monday.", menu, menu, menu]) + "\n"
    assert len(spans("Q101", looped)) == 1


def test_a103_a_menu_in_capitals_is_still_boilerplate():
    menu = "HOME\n\nNEWS\n\nSPORT\n\nSHARE\n\nThe talks resume on Monday, the minister said.\n"
    assert spans("A103", menu) == ["SHARE"]
