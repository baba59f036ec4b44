"""False-alarm kinds of the duplicate family's D101 (duplicate line), D103 (restated
passage) and D106 (boilerplate line) left in the labelled findings of the 49 benchmark corpora and
in debian-reference's HTML (prec20): each kind with the
real excerpt, beside a true finding of the same rule that stays reported (the excerpt with the
one thing that makes it a kind taken out).

Sources (tests/data/realtext/SOURCE.md): GNOME help in Russian (Debian ``gnome-user-docs`` 43.0,
``touchscreen-gestures.page``, CC-BY-SA-3.0, as corpus ``gnome-help-ru`` extracts it), GNU
coreutils 9.1 ``de.po`` (GPL-3+, corpus ``po-gnu-files``: od's ``--help`` entry, src/od.c:399),
the LLaMA-Factory demo data (PyPI ``llamafactory`` 0.9.5, ``data/kto_en_demo.json`` example
273, Apache-2.0) as corpus ``chat-llamafactory`` writes it, and debian-reference 2.100 (es, fr, ja;
GPL-2+) HTML pages cut to a few lines (``debref-d106/``), and three lines of the Debian
Administrator's Handbook's HTML (the HTML reader's kind)."""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_paths
from corpuslint.document import Document
from corpuslint.families.duplicate import meaning
from corpuslint.structure import CODE, HEADING, PROSE

from .test_fixa16_kinds import NO_CACHE, found
from .test_prec19_kinds import lines_of

DATA = Path(__file__).parent / "data" / "realtext"


# -- D103: a quoted label on one side only names another thing --------------------------------

# touchscreen-gestures.page, whole: three fingers up open «Обзор», up again the app list (lines 10-11)
GESTURES_RU = (DATA / "gnome-help-ru-touchscreen-gestures.txt").read_text(encoding="utf-8")


def test_d103_quoted_label_names_another_thing():
    assert found("D103", GESTURES_RU) == []
    first, second = GESTURES_RU.splitlines()[9:11]
    assert meaning.label_change(first, second) == "label 'Обзор'"
    # without the label, both sentences open the app list: a restatement, still reported
    assert lines_of("D103", GESTURES_RU.replace("«Обзор»", "панель списка приложений")) == [11]


# coreutils 9.1 de.po lines 8202-8218 (read as a catalogue), od's type letters: „d“, „o“, „u“, „x“
# take C, S, I, L; „f“ takes F, D, L
OD_DE_PO = (
    '\n'
    '#: src/od.c:399\n'
    'msgid ""\n'
    '"\\n"\n'
    '"SIZE is a number.  For TYPE in [doux], SIZE may also be C for\\n"\n'
    '"sizeof(char), S for sizeof(short), I for sizeof(int) or L for\\n"\n'
    '"sizeof(long).  If TYPE is f, SIZE may also be F for sizeof(float), D\\n"\n'
    '"for sizeof(double) or L for sizeof(long double).\\n"\n'
    'msgstr ""\n'
    '"\\n"\n'
    '"ANZAHL ist eine Zahl. Wenn TYP einer von „d“, „o“, „u“, oder „x“ ist, kann\\n"\n'
    '"ANZAHL auch „C“ für sizeof(char), „S“ für sizeof(short) , „I“ für "\n'
    '"sizeof(int)\\n"\n'
    '"oder „L“ für sizeof(long) sein. Wenn TYP „f“ ist, kann ANZAHL auch „F“ für\\n"\n'
    '"sizeof(float), „D“ für sizeof(double) oder „L“ für sizeof(long double) "\n'
    '"sein.\\n"\n'
    '\n'
)


def test_d103_type_letters_of_two_types(tmp_path):
    po = tmp_path / "coreutils-de.po"
    po.write_text(OD_DE_PO, encoding="utf-8")
    assert lint_paths([po], config={"select": ["D103"], **NO_CACHE}) == []
    assert meaning.label_change("Wenn TYP „f“ ist, kann ANZAHL auch „F“ sein.",
                                "Wenn TYP „d“ ist, kann ANZAHL auch „C“ sein.")
    # a label the other sentence has as a word of its own is no difference
    assert meaning.label_change("Klicken Sie auf „Speichern“, um die Datei zu sichern.",
                                "Die Datei wird mit Speichern gesichert.") is None
    # case is kept („f“ and „F“ are two type letters); a lowercase phrase is a scare quote, five
    # words a quotation, and a sentence quoting three phrases quotes data (a text it translates)
    assert meaning.quoted_labels("„f“ und „F“, „d“ oder „x“") == {"f", "F", "d", "x"}
    assert meaning.quoted_labels('Click “Save” or "Keep all of these files"') == {"Save"}
    assert meaning.quoted_labels('storing faces in "buckets", saying "shave them"') == set()
    assert meaning.quoted_labels('"Dle președinte" (Mr. President), "din nou" (again), "muncă" (work)') == set()


# -- D101: the answer line closing two examples of a few-shot prompt ---------------------------

# kto_en_demo 273.1, lines 1-26: three worked examples, two of them answered "Sentence A"
FEW_SHOT = (
    'question in book:\n'
    'Which of the following two sentences does not make sense?\n'
    'Options:\n'
    '- Sentence A: "I want to go to the botanical garden to see giraffes."\n'
    '- Sentence B: "I want to go to the zoo to see giraffes."\n'
    '\n'
    'standard solution:\n'
    'Botanical gardens are filled with flower/plants and a giraffe is seen at a zoo which hold animals so one cannot see giraffes in a botanical garden.\n'
    'The answer is Sentence A.\n'
    '\n'
    '[TEACHER] Of the following two sentences, which one is against common sense?\n'
    'Options:\n'
    '- Sentence A: "Explorers usually like to explore in zoos"\n'
    '- Sentence B: "Explorers usually like to explore in the jungle"\n'
    '\n'
    '[Student] Explorers like to see animals in the wild.\n'
    'The answer is Sentence A.\n'
    '\n'
    'Teacher: One of the following sentences is nonsensical. Which one is it?\n'
    'Options:\n'
    '- Sentence A: "air leaked out of the beach ball because it had a picture on it"\n'
    '- Sentence B: "air leaked out of the beach ball because it had a hole on it"\n'
    '\n'
    "Student: Air escapes a beach ball due to a hole or compromise in the ball's material/structural integrity.\n"
    'The answer is Sentence A.\n'
    '\n'
)


def test_d101_answer_line_of_two_examples():
    assert found("D101", FEW_SHOT) == []
    # the first example's reasoning and answer pasted again in place of the third's: a copy
    pasted = FEW_SHOT.replace(
        "Student: Air escapes a beach ball due to a hole or compromise in the ball's material/structural integrity.\n",
        "Botanical gardens are filled with flower/plants and a giraffe is seen at a zoo which hold animals so one"
        " cannot see giraffes in a botanical garden.\n",
    )
    assert lines_of("D101", pasted) == [24, 25]


# -- D106: a table's value and column-header cells are its data -------------------------------

# debian-reference 2.100 (es, fr, ja), chapter 9's table "Information on the initialization of vim"
# in three translations, the navigation bar of chapter 9 (es) and the footers of chapters 8 and 10
DEBREF = DATA / "debref-d106"


def test_d106_code_and_header_cells_of_a_table():
    found = lint_paths([DEBREF], config={"include": ["*.html"], "select": ["D106"], **NO_CACHE})
    lines = sorted((f.path.rsplit("/", 1)[-1], f.line) for f in found)
    # the chapter title in the navigation header (a cell spanning the table) and in the two
    # footers (cells of text) is the template's, still reported; '<th ...> key strokes </th>'
    # and '<td ...> <code class="literal">:help package</code> </td>' in the three translations are not
    assert lines == [("ch08.es.html", 19), ("ch09.es.html", 18), ("ch10.es.html", 13)]


# -- HTML reader: an end tag closes the elements left open inside its element ------------------

# The Debian Administrator's Handbook 11 (Debian ``debian-handbook``, GPL-2+ / CC-BY-SA-3.0),
# en-US/sect.apt-get.html lines 16-18 (line 18 up to the heading 6.2.2): a command in a <pre>, the
# next paragraph, the next section's heading
APT_GET = (
    '\t\t\t</div><div class="informalexample"><pre class="screen"><code class="computeroutput">$ </code><strong class="userinput"><code>sudo apt -o "Acquire::PDiffs=false" update</code></strong></pre></div><a id="id-1.9.17.10.7.7" class="indexterm"></a><div class="para">\n'
    '\t\t\t\tThe <code class="literal">Acquire::*</code> options also control other aspects of the download, and even the download methods. <code class="literal">Acquire::Languages</code> can limit or disable the download of <code class="filename">Translation-<em class="replaceable">language-code</em></code> files and save even more time. For a complete reference see <span class="citerefentry"><span class="refentrytitle">apt.conf</span>(5)</span>.\n'
    '\t\t\t</div></div></div><div class="section"><div class="titlepage"><div><div><h3 class="title"><a xmlns="" id="sect.apt.install"></a>6.2.2.\xa0Installing and Removing</h3></div></div></div>\n'
)


def test_html_end_tag_of_the_block_ends_a_pre_left_open():
    # the page with its </pre> lost: </div> ends the <pre> inside it (HTML's tree construction)
    broken = Document("sect.apt-get.html", APT_GET.replace("</pre>", ""))
    assert broken.kind_at(broken.text.index("sudo apt -o")) == CODE
    assert broken.kind_at(broken.text.index("options also control")) == PROSE  # lead: code to the end
    assert broken.kind_at(broken.text.index("Installing and Removing")) == HEADING
    # a <code> left open is a formatting element: a browser reopens it after the end tag of
    # the block around it, so the text after it stays code
    open_code = Document("p.html", APT_GET.replace("</code></strong></pre>", "</strong></pre>"))
    assert open_code.kind_at(open_code.text.index("options also control")) == CODE
