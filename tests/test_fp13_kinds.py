"""False-alarm kinds left on real text after stop 29 (fp13): typography and character
tables in docutils' documentation and Debian's manpages-ru, per-entry notes of reference
documents, each with the real defect next to it still reported."""

from __future__ import annotations

from corpuslint import lint_text

NO_CACHE = {"cache": False}


def found(code: str, text: str, path: str = "t.txt") -> list[str]:
    return [text[f.start : f.end] for f in lint_text(text, path=path, config={"select": [code], **NO_CACHE})]


# -- W102: no-break spaces set as typography ------------------------------------------

# docutils docs/user/latex.rst lines 92-93 and docs/user/config.rst line 801
LATEX_PX = (
    "* In LaTeX, the size of the *pixel unit* defaults to **1\u202fpx\u00a0=\u00a01/72\u202fin**\n"
    "  while the `CSS3 pixel unit`_ is defined as 1\u202fpx\u00a0=\u00a01/96\u202fin.\n"
)
CONFIG_LE = "Keep element identifiers_ compatible to Docutils \u2264\u00a00.22.\n"


def test_w102_a_relation_sign_bound_to_its_number():
    assert found("W102", LATEX_PX, "latex.rst") == []
    assert found("W102", CONFIG_LE, "config.rst") == []
    assert found("W102", LATEX_PX) == []  # the same as plain text
    # a sign bound to a word is no typography (coreutils-de.po's "(=\u00a0aktuelles")
    assert found("W102", "Enthält der NAME keine „/“, wird „.“ (=\u00a0aktuelles Verzeichnis)") == ["\u00a0"]
    assert found("W102", "zwischen 10\u00a0000 Punkten") == ["\u00a0"]  # between two digits: still reported


# docutils docs/ref/doctree.rst lines 2244-2245 and 3965-3970; docs/dev/policies.rst 405-406, 424-425
DOCTREE = (
    "It is up to the author to ensure compatibility of the image data format\n"
    "with the output format or user agent (LaTeX engine, HTML\u00a0browser, ...).\n"
    "\n"
    ".. [#inline-targets] Inline <target> elements will be deprecated in\n"
    "   Docutils\u00a01.0 and invalid in Docutils\u00a02.0.  The \"rst\" parser will\n"
    "   use `\\<inline>`_ elements for inline targets.\n"
)
POLICIES = (
    "* The default state of the repository during active development is\n"
    "  release\u00a0level = \"beta\", serial = 0, release = False.\n"
    "\n"
    "`PEP\u00a0440`_-conforming version specifier.  For version comparison\n"
    "operations, use `docutils.__version_info__`_.\n"
)
# Node.js doc/api/net.md lines 1640 and 1652: stray no-break spaces, and no typographic one
NODE_NET = (
    "Gets the current default value of the `autoSelectFamily`\u00a0option of [`socket.connect(options)`][].\n"
    "\n"
    "* `value` {boolean}\u00a0The new default value. The initial default value is `false`.\n"
)


def test_w102_an_author_who_sets_no_break_spaces_as_typography_sets_the_others_too():
    assert found("W102", DOCTREE, "doctree.rst") == []
    assert found("W102", POLICIES, "policies.rst") == []
    # the same text read as plain text or Markdown (possibly converted from HTML) is reported
    assert found("W102", DOCTREE, "doctree.txt") == ["\u00a0"]
    assert found("W102", POLICIES, "policies.md") == ["\u00a0"]
    # stray ones in a document that sets none as typography stay reported
    assert found("W102", NODE_NET, "net.md") == ["\u00a0", "\u00a0"]
    # more stray than typographic ones, in reStructuredText too: reported
    strays = "Chapter\u00a03 of the\u00a0book is\u00a0about the\u00a0war.\n"
    assert found("W102", strays, "book.rst") == ["\u00a0book is\u00a0about the\u00a0"]


# docutils docs/user/todo-lists.rst lines 13-17
TODO_LISTS = (
    "[x] ASCII-art checkbox.\n"
    "\n"
    "[ ] ASCII space character and NBSP are smaller than the x.\n"
    "\n"
    "[\u2007] The \"figure space\" has the correct width but is not easy to type.\n"
)


def test_w102_a_space_the_document_names_is_its_subject():
    assert found("W102", TODO_LISTS, "todo-lists.rst") == []
    assert found("W102", "[\u2007] The box has the correct width.\n", "todo-lists.rst") == ["\u2007"]


# -- W112: a mark listed in a character table ---------------------------------------

# manpages-ru iso_8859-8(7), as groff renders it (lines 72-74)
ISO_8859_8 = (
    "       БУКВА     «РЕШ»     371  249  F9   ש    ЕВРЕЙСКАЯ      БУКВА      «ШИН»\n"
    "       372  250  FA   ת    ЕВРЕЙСКАЯ   БУКВА   «ТАВ»  375  253  FD   \u200e    ЗНАК\n"
    "       СЛЕВА НАПРАВО 376  254  FE   \u200f    ЗНАК СПРАВА НАЛЕВО\n"
)


def test_w112_a_mark_in_its_cell_of_a_code_table_is_the_table_subject():
    assert found("W112", ISO_8859_8, "iso_8859-8.7.txt") == []
    # the same mark pasted into a sentence is reported
    assert found("W112", "Это\u200e слово в предложении.\n") == ["\u200e"]


def test_w112_a_mark_the_document_names_is_its_subject():
    text = "Insert a LRM (U+200E) after the number: 12\u200e.\n"
    assert found("W112", text) == []
    assert found("W112", "Insert a mark after the number: 12\u200e done.\n") == ["\u200e"]


# -- A101: hex values in program output of a manual -----------------------------------

# manpages-ru proc(5), lines 792-797, 767-768, 578: example memory maps and fdinfo
PROC_MAPS = (
    "              Формат файла:\n"
    "\n"
    "                  address           perms offset  dev   inode       pathname\n"
    "                  00400000-00452000 r-xp 00000000 08:02 173521      /usr/bin/dbus-daemon\n"
    "                  00e03000-00e24000 rw-p 00000000 00:00 0           [heap]\n"
    "                  35b1800000-35b1820000 r-xp 00000000 08:02 135522  /usr/lib64/ld-2.15.so\n"
    "\n"
    "                  lrw-------. 1 root root 64 Apr 16 21:33\n"
    "                              7fc075d2f000-7fc075e6f000 -> /dev/zero (deleted)\n"
    "\n"
    "                  inotify wd:2 ino:7ef82a sdev:800001 mask:800afff ignored_mask:0 fhandle-bytes:8"
    " fhandle-type:1 f_handle:2af87e00220ffd73\n"
    "\n"
    "       $ cat /proc/self/maps\n"
)


def test_a101_hex_in_lines_of_program_output_are_values():
    assert found("A101", PROC_MAPS, "proc.5.txt") == []
    # debris glued to prose is still reported (samples/news-ar/001)
    assert found("A101", "2a02-4780-11–4f جزيرة إم آند إم\n") == ["2a02-4780-11–4f"]
    # and a hex run inside a sentence of the same manual
    text = PROC_MAPS + "\n       Смотрите также запись 7fc075d2f0a1 в этом файле для примера.\n"
    assert found("A101", text, "proc.5.txt") == ["7fc075d2f0a1"]


# -- W114: a sequence written out one character at a time ------------------------------

# manpages-ru console_codes(4), lines 418-421
CONSOLE_CODES = (
    "       The program xterm(1)  (in VT100 mode) recognizes ESC c, ESC # 8, ESC >,\n"
    "       ESC =, ESC D, ESC E, ESC H, ESC M, ESC N, ESC O, ESC P ... ESC \\, ESC Z\n"
    "       (it answers ESC [ ? 1 ; 2 c, \"I am a VT100 with advanced video option\")\n"
    "       and ESC ^ ... ESC \\ with the same  meanings  as  indicated  above.   It\n"
)


def test_w114_a_spelled_out_escape_sequence_is_not_a_detached_mark():
    assert found("W114", CONSOLE_CODES, "console_codes.4.txt") == []
    assert found("W114", "The answer is yes ; the program stops.\n") == [" "]
    assert found("W114", "أخبار متعلقة :\n") == [" "]


# -- D101: the same note under two entries of a reference ------------------------------

# docutils docs/howto/i18n.rst lines 136-153: two entries of a definition list
I18N = """\
``directives``
    This is a mapping from language-dependent directive names to
    canonical directive names.  The canonical directive names are
    registered in ``docutils/parsers/rst/directives/__init__.py``,
    in ``_directive_registry`` and documented in
    `reStructuredText Directives`_.

    The keys should be translated to the target language.  Synonyms
    (multiple keys with the same values) are allowed; this is useful
    for abbreviations.

``roles``
    This is a mapping language-dependent role names to canonical role
    names for interpreted text.  The canonical role names are
    registered in ``docutils/parsers/rst/states.py``, in
    ``Inliner._interpreted_roles`` (this may change) and documented
    in `reStructuredText Interpreted Text Roles`_.

    The keys should be translated to the target language.  Synonyms
    (multiple keys with the same values) are allowed; this is useful
    for abbreviations.
"""
# docutils docs/ref/doctree.rst lines 4960-4984: two sections, titles that are inline literals
DOCTREE_ATTRIBUTES = """\
``namest``
==========

Attribute type: NMTOKEN_.  Default value: none.


The ``namest`` attribute is used in the `\\<entry>`_ element to specify the
leftmost column of a span.

The attribute is defined in the `Exchange Table Model`_.
It cannot be specified in reStructuredText and is ignored by Docutils
which uses the morecols_ attribute instead.


``nameend``
===========

Attribute type: NMTOKEN_.  Default value: none.

The ``nameend`` attribute is used in the `\\<entry>`_ element to specify the
rightmost column of a span.

The attribute is defined in the `Exchange Table Model`_.
It cannot be specified in reStructuredText and is ignored by Docutils
which uses the morecols_ attribute instead.
"""
KEYS = "    The keys should be translated to the target language.  Synonyms\n"


def test_d101_a_note_repeated_under_two_entries_of_a_reference():
    assert found("D101", I18N, "i18n.rst") == []
    # within one entry's body the copy is reported
    one_body = I18N.split("``roles``")[0] + "    Another paragraph here.\n\n" + I18N.split("\n\n")[1] + "\n"
    assert [s.splitlines()[0] for s in found("D101", one_body, "i18n.rst")] == [KEYS.rstrip("\n")]


def test_d101_sections_of_a_rst_document_are_its_titles():
    assert found("D101", DOCTREE_ATTRIBUTES, "doctree.rst") == []
    # the same text as one section (no title between) is a copy
    one_section = DOCTREE_ATTRIBUTES.replace("``nameend``\n===========\n", "")
    assert [s.splitlines()[0] for s in found("D101", one_section, "doctree.rst")] == [
        "Attribute type: NMTOKEN_.  Default value: none.", "The attribute is defined in the `Exchange Table Model`_."]


# -- S104: two copies in two roles, a saying, a split word -----------------------------

def s104(text: str) -> list[str]:
    return found("S104", text)


def test_s104_a_word_doubled_in_two_roles_is_two_words():
    # llm-data-llamafactory c4_demo.jsonl (C4 web text): the object then the subject of the
    # clause told; a pronoun then a time adverbial's determiner; a particle then a preposition
    assert s104("the warning on the inside of our car door that tells you you might hit your head on it") == []
    assert s104("This pasta looks AMAZING! I need good easy dinners like this this month!") == []
    assert s104("Want to stay in in style? Look no further than a night of fine dining") == []
    # the labelled slips of the same file stay reported
    assert s104("There is a boma with with braai facilities, electric stove, hotplate") == ["with with"]
    assert s104("direct the executor to search for for them dutifully.") == ["for for"]
    assert s104("sent to the the Governor’s desk") == ["the the"]
    assert s104("I need this this book now.") == ["this this"]  # no time adverbial after it
    assert s104("Thank you you are great.") == ["you you"]  # no verb of telling before it


def test_s104_two_doublings_in_one_frame_are_a_saying():
    # fortunes-es refranes (Debian fortunes-es, GPL): "call bread bread and wine wine"
    assert s104("Castellano fino, el pan pan y el vino vino.") == []
    # hadith-abudawud english.jsonl: two slips near each other, in no common frame
    assert s104("for the beginning of the time of the the fair prayer prayer when the dawn broke.") == [
        "the the", "prayer prayer"]


# quran-json-translations quran_ur.jsonl, 3:36 (Urdu): لڑکی written "لڑ کی", then کی
QURAN_UR_3_36 = (
    "پھر جب وہ بچی اس کے ہاں پیدا ہوئی تو اس نے کہا \"مالک! میرے ہاں تو لڑکی پیدا ہو گئی ہے حالانکہ جو کچھ"
    " اس نے جنا تھا، اللہ کو اس کی خبر تھی اور لڑکا لڑ کی کی طرح نہیں ہوتا\n"
)


def test_s104_the_tail_of_a_split_word_then_the_word_itself():
    assert s104(QURAN_UR_3_36) == []
    # without the joined spelling in the text, or after a whole word, it stays a slip
    assert s104(QURAN_UR_3_36.replace("تو لڑکی پیدا", "تو بچی پیدا")) == ["کی کی"]
    assert s104("غلط فہمی میں میں مبتلا ہیں\n") == ["میں میں"]


# -- S101: an alef madda is two letters ---------------------------------------------

def test_s101_a_word_with_alef_madda_is_not_a_slip_of_a_word_with_ain():
    from .test_fresh_corpora import REAL

    # poetry-fa-hafez 058.txt line 22 ("رسیدن به آمال و آرزوهایت", hopes) and the 18
    # places the corpus writes اعمال (deeds): ء-م-ل against ع-م-ل, not a dropped ع
    text = (REAL / "hafez-amal-commentary.txt").read_text(encoding="utf-8")
    assert "آمال" in text and text.count("اعمال") == 18
    assert found("S101", text, "058.txt") == []
    # a real dropped letter of the same word is still reported
    slip = text.replace("به آمال و", "به اعال و")
    assert found("S101", slip, "058.txt") == ["اعال"]
