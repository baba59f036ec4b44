"""False-alarm kinds of the artifact and quality rules on LLM instruction data
(llm-data-llamafactory: Alpaca answers and C4 web text) and on GNOME help, each as a test
with the real defect next to it still reported.

The Alpaca-GPT-4 answers of llm-data-llamafactory are CC-BY-NC data, so their kinds are
written here as texts of the same shape (the record named in each comment); the C4 and
GNOME help excerpts are real (tests/data/realtext/SOURCE.md)."""

from __future__ import annotations

from corpuslint_quality import rules as Q

from corpuslint.document import Document

from .test_fresh_corpora import (  # (code, line, column) of one rule's findings
    REAL,
    found,
)


def quality(rule_cls, text: str, path: str = "answer.txt") -> list[str]:
    return [f.message for f in rule_cls().check(Document(path, text))]


# -- A106: HTML that an answer writes on purpose ---------------------------------------------

# alpaca_en_demo output #374 ("Here's your HTML table:" then the table)
TABLE_ANSWER = """Here's your HTML table:

<table>
    <tr>
        <th>Name</th>
        <th>Age</th>
    </tr>
    <tr>
        <td>Jack</td>
        <td>30</td>
    </tr>
</table>
"""

# alpaca_en_demo output #559 (a page with a doctype, a style sheet and reviews in <p>)
PAGE_ANSWER = """<!DOCTYPE html>
<html>
<head>
<title>Reading Notes</title>
<style>
    .header {
    padding: 50px;
    text-align: center;
    }
</style>
</head>
<body>
    <div class="header">
        <h1>Reading Notes</h1>
    </div>
    <p class="review">The story moves slowly at first, but the last chapters are worth the wait.</p>
</body>
</html>
"""


def test_a106_an_html_table_or_page_written_as_the_answer_is_source_not_debris():
    assert found("answer.txt", "A106", TABLE_ANSWER) == []
    assert found("answer.txt", "A106", PAGE_ANSWER) == []


def test_a106_a_tag_quoted_in_backticks_or_named_in_a_sentence_about_html():
    # alpaca_zh_demo output #210 (the answer is a tag, in backticks) and #857 (tags named
    # in an explanation of HTML)
    assert found("answer.txt", "A106", '输出：`<meta charset="iso-8859-1">`\n') == []
    assert found("answer.txt", "A106", "标签常常成对出现，比如 <html> 和 </html>，前者表示标签的开始。\n") == []
    assert found("answer.txt", "A106", "To draw a divider, use the <hr> tag with some styling.\n") == []


def test_a106_still_reports_tags_left_in_scraped_prose():
    scraped = "<p>The council met on Monday.</p>\n<p>It approved the budget.</p>\n<p>Schools get more.</p>\n"
    assert len(found("page.txt", "A106", scraped)) == 6
    # glued to the words on a line that names HTML: still a leftover
    assert found("page.txt", "A106", "HTML<br>tags were left here\n") == [("A106", 1, 5)]
    # a tag in prose, not in backticks, on a line that does not name markup
    assert found("answer.txt", "A106", 'Output: <meta charset="iso-8859-1">\n') == [("A106", 1, 9)]
    # one table row among paragraphs of prose is not a page
    one = "The results follow.\n\n<tr><td>1</td></tr>\n\nThey were good, and the council agreed with them.\n"
    assert len(found("page.txt", "A106", one)) == 4


# -- A111: drawings, forms, sums and Morse code ------------------------------------------------


def test_a111_the_border_of_an_ascii_drawing_is_not_debris():
    # alpaca_en_demo input #131: a grid drawn for a puzzle
    assert found("input.txt", "A111", "+---+\n|   |\n| A |\n|   |\n+---+\n") == []
    table = "+------+-----+\n| name | age |\n+------+-----+\n| Jack | 30  |\n+------+-----+\n"
    assert found("input.txt", "A111", table) == []


def test_a111_blanks_of_a_form_and_the_bar_of_a_sum_are_layout():
    # alpaca_zh_demo output #469 (a questionnaire) and #798 (a subtraction of equations)
    form = "您的姓名： ____________\n\n您希望我们增加哪些功能？\n____________\n"
    assert found("answer.txt", "A111", form) == []
    assert found("answer.txt", "A111", "x + y + z = 5\n- (y + z = 1)\n___________\nx = 4\n") == []


def test_a111_morse_code_is_a_message():
    # C4 (c4_demo record 83): a French forum post quoting Morse code
    assert found("c4-hobbitd-morse.txt", "A111") == []


def test_a111_still_reports_separators_and_a_stray_list_marker():
    # alpaca_zh_demo input #38 ends its list with an empty item "-"
    assert found("input.txt", "A111", "- 苹果公司是一家科技公司。\n- 它的收入很高。\n-\n") == [("A111", 3, 1)]
    assert found("page.txt", "A111", "First part of the story.\n\n***\n\nSecond part.\n") == [("A111", 3, 1)]
    # a rule line that is neither a form's blank nor a sum's bar
    assert found("page.txt", "A111", "First part.\n\n_____\n\nSecond part.\n") == [("A111", 3, 1)]
    # a border with no drawing beside it
    assert found("page.txt", "A111", "First part.\n\n+-----+\n\nSecond part.\n") == [("A111", 3, 1)]


# -- A103: a key name in a shortcut table ------------------------------------------------------


def test_a103_print_is_a_key_in_a_shortcut_table():
    # gnome-help-ru shell-keyboard-shortcuts: "Print" / "Alt+Print" / "Shift+Print"
    assert found("gnome-help-ru-shortcuts-print.txt", "A103") == []


def test_a103_still_reports_a_print_button_of_a_web_page():
    page = "The minister said the plan would start next year.\n\nPrint\n\nShare this article\n"
    assert [f[:2] for f in found("page.txt", "A103", page)] == [("A103", 3), ("A103", 5)]
    # a document naming other keys (Ctrl+C) but not Print as a key
    page = "Press Ctrl+C to copy the text.\n\nPrint\n"
    assert found("page.txt", "A103", page) == [("A103", 3, 1)]


# -- Q101/Q102: a song's chorus, a script's speaker cues, a drawn grid --------------------------

# alpaca_en_demo output #273 (a song with labelled verses and a chorus sung twice)
SONG = """(Verse 1)
The river runs beside the road
And carries what the mountains know
The willows bend beneath their load
And wave to travellers below

(Chorus)
Sing it loud and sing it long
Every voice can join the song
Carry it home when night is near
Sing it loud for all to hear

(Verse 2)
The lanterns glow along the quay
The boats come home across the bay
The children run down to the sea
To watch the sails at end of day

(Chorus)
Sing it loud and sing it long
Every voice can join the song
Carry it home when night is near
Sing it loud for all to hear
"""

# alpaca_en_demo output #844 (a screenplay: speaker cues and directions before each line)
SCRIPT = "Title: Wrong Number\n\nINT. KITCHEN - DAY\n\n" + "\n\n".join(
    f"{who}\n({how})\n{line}" for who, how, line in [
        ("ANNA", "to phone", "Can you find me a recipe for soup?"),
        ("PHONE", "voice from phone", "Here is a recipe for soap."),
        ("ANNA", "to phone", "No, I said soup, the thing you eat."),
        ("PHONE", "voice from phone", "Sorry, could you repeat that please?"),
        ("ANNA", "to phone", "Never mind, I will cook without you."),
        ("PHONE", "voice from phone", "Ordering twelve bars of soap now."),
    ]) + "\n\nTHE END.\n"


def test_q101_q102_a_songs_chorus_and_a_scripts_cues_repeat_by_design():
    assert quality(Q.RepeatedLines, SONG) == []
    assert quality(Q.RepeatedParagraphs, SONG) == []
    assert quality(Q.RepeatedLines, SCRIPT) == []
    # alpaca_en_demo input #394 ("Deck the Halls", a traditional carol): one stanza whose
    # refrain comes after every line
    carol = ("Deck the halls with boughs of holly\nFa la la la la, la la la la\n"
             "'Tis the season to be jolly\nFa la la la la, la la la la\n"
             "Don we now our gay apparel\nFa la la, la la la, la la la\n"
             "Troll the ancient Yuletide carol\nFa la la la la, la la la la\n")
    assert quality(Q.RepeatedLines, carol) == []
    # its "la" words, counted once per distinct line, are not character soup (Q107)
    assert quality(Q.AbnormalWordLength, carol + carol.replace("Deck the halls", "See the blazing")) == []
    # alpaca_en_demo input #131: the drawn grid's borders are not lines of text
    assert quality(Q.RepeatedLines, "+---+\n|   |\n| A |\n|   |\n+---+\n") == []
    # Gopher's document-wide measure (genre = "prose") still counts them
    assert [f.code for f in Q.RepeatedParagraphs(options={"genre": "prose"}).check(Document("s.txt", SONG))] == ["Q102"]


def test_q101_q102_still_report_a_footer_block_captured_again_and_again():
    article = ("The council approved the new budget on Monday after a long debate about the schools, "
               "the roads and the library that the town has wanted for years.")
    footer = "Leave a comment below today\nYour email address will not be published\nRequired fields are marked with a star"
    page = "\n\n".join([article] + [footer] * 5) + "\n"
    assert len(quality(Q.RepeatedLines, page)) == 1
    assert len(quality(Q.RepeatedParagraphs, page)) == 1
    # the same block repeated with nothing else: one stanza, not a song
    assert len(quality(Q.RepeatedLines, "\n\n".join([footer] * 4) + "\n")) == 1
    # or captured twice without a blank line: a stanza half of whose lines come again
    assert len(quality(Q.RepeatedLines, "\n".join([footer] * 2) + "\n")) == 1


# -- Q106: Weibo hashtags, Morse code; Q107: numbers -------------------------------------------


def test_q106_a_weibo_hashtag_counts_once_and_morse_dots_are_not_ellipses():
    # alpaca_zh_demo output #342: "#充实生活#" is one hashtag (two signs)
    text = "今天的生活很充实，我们一起去爬山，然后在湖边野餐。#充实生活# #快乐周末#\n"
    assert quality(Q.SymbolHeavy, text) == []
    # (a post under 50 words with its tags in its sentence is a post, fp11; a line of tags is a wall)
    assert quality(Q.SymbolHeavy, text.replace("#充实生活# #快乐周末#", "#充实 #生活 #快乐")) == []
    assert len(quality(Q.SymbolHeavy, text.replace("。#充实生活# #快乐周末#", "。\n#充实 #生活 #快乐"))) == 1
    assert quality(Q.SymbolHeavy, text.replace("。#充实生活# #快乐周末#", "。\n#充实生活# #快乐周末#")) == []
    # C4 record 83: 16 dot groups of Morse code in a post of 105 words
    assert quality(Q.SymbolHeavy, (REAL / "c4-hobbitd-morse.txt").read_text(encoding="utf-8")) == []
    assert len(quality(Q.SymbolHeavy, "Wait... what... no... " * 5 + "fine.\n")) == 1


def test_q107_numbers_are_not_words():
    # alpaca_zh_demo output #513: a sorted list of numbers, then the code and its output
    numbers = ", ".join(str(n) for n in range(1, 10)) * 6
    text = f"The sorted list is [{numbers}]. Insertion sort compares neighbouring elements repeatedly.\n"
    assert quality(Q.AbnormalWordLength, text) == []
    soup = "a b c d e f g h i j k l m n o p " * 4 + "\n"
    assert len(quality(Q.AbnormalWordLength, soup)) == 1


# -- A102: a key in a shortcut table, a command on a line of its own ----------------------------


def test_a102_a_key_name_and_a_command_line_are_not_widget_residue():
    # gnome-help-ko keyboard-nav: "Shift+F10 또는" / "Menu" ("Shift+F10 or Menu");
    # gnome-help-ru net-wireless-troubleshooting-hardware-check: "tail -f /var/log/messages"
    assert found("gnome-help-ko-keyboard-nav-menu.txt", "A102") == []
    assert found("gnome-help-ru-pcmcia-command.txt", "A102") == []


def test_a102_still_reports_a_menu_button_and_a_lower_case_widget():
    page = (REAL / "gnome-help-ko-keyboard-nav-menu.txt").read_text(encoding="utf-8")
    # the same line with no chord beside it or anywhere in the text
    lone = page.replace("Shift+F10 또는\nMenu", "Menu").replace("+", " ")
    assert [f[:2] for f in found("x.txt", "A102", lone)] == [("A102", 42)]
    ru = (REAL / "gnome-help-ru-pcmcia-command.txt").read_text(encoding="utf-8")
    assert [f[:2] for f in found("x.txt", "A102", ru.replace("tail -f /var/log/messages", "search box"))] == [
        ("A102", 49)]


def test_a106_a_tag_wrapping_a_word_on_a_line_about_tags_is_still_markup():
    # Django admindocs (ar): "to use these tags, put <code>...</code> in your template":
    # the tags wrap the text they format, so they are markup left in the text
    line = "لإستخدام هذه الوسوم, الرجاء وضع <code>(code)s</code> في القالب الخاص بك.\n"
    assert [f[:2] for f in found("x.txt", "A106", line)] == [("A106", 1), ("A106", 1)]
