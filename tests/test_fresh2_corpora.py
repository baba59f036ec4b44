"""False-alarm kinds left on the corpora fortunes-en, fortunes-zh, poetry-fa-hafez and
markdown-pypi (issue 10), each as a test on a real excerpt (tests/data/realtext/SOURCE.md),
with the real defect next to it still reported."""

from __future__ import annotations

from .test_fresh_corpora import REAL, found  # (code, line, column) of one rule's findings


# -- S104: two copies meeting at a phrase boundary -----------------------------------------


def test_s104_copies_at_a_phrase_boundary_are_grammatical():
    # "driving along at at least sixty" (preposition, then the adverb "at least");
    # "That that is is that that is not is not." (a subject clause's verb, then the main verb)
    assert found("fortunes-en-phrase-boundaries.txt", "S104") == []


def test_s104_still_reports_at_and_is_doubled_inside_a_phrase():
    assert found("x.txt", "S104", "We met at at the station.\n") == [("S104", 1, 8)]
    assert found("x.txt", "S104", "The problem is is serious.\n") == [("S104", 1, 13)]


# -- W103: a column padded to one width -----------------------------------------------------


def test_w103_a_score_table_padded_to_one_width_is_aligned():
    # fortune's nerd quiz: "0-2  --", "3-5  --", "6-7  --", "8-10 --", "11+  --"; the quiz
    # line "Is Batman your hero?  Superman?" keeps its sentence spacing (not reported either)
    assert found("fortunes-en-score-table.txt", "W103") == []


def test_w103_still_reports_a_lone_gap_and_two_gaps_at_one_column():
    table = (REAL / "fortunes-en-score-table.txt").read_text(encoding="utf-8")
    doubled = table.replace("Do you think Mary Jane", "Do you  think Mary Jane")
    assert found("x.txt", "W103", doubled) == [("W103", 5, 7)]
    # two lines only: a coincidence of hard-wrapped prose, not a column
    two = "He said  no to all\nof your  and my friends in\nthe room and went home.\n"
    assert found("x.txt", "W103", two) == [("W103", 1, 8), ("W103", 2, 8)]


# -- D101/D103: verse repeats on purpose ----------------------------------------------------


def test_d101_d103_a_stanza_quoted_twice_and_two_poems_opening_alike_are_verse():
    # Carroll's "Just the place for a Snark!" stanza in two entries; Marlowe's first line
    # opening a parody and Donne's "The Bait"
    assert found("fortunes-en-verse-copies.txt", "D101") == []
    assert found("fortunes-en-verse-copies.txt", "D103") == []


def test_d101_still_reports_a_paragraph_of_prose_copied_after_verse():
    text = (REAL / "fortunes-en-verse-copies.txt").read_text(encoding="utf-8")
    para = ("The package's second reading repeats the first one word for word, which a careful "
            "editor would have removed before the collection was published.\n")
    doubled = text + "\n" + para + "\n" + para
    lines = doubled.count("\n")
    assert found("x.txt", "D101", doubled) == [("D101", lines, 1)]


# -- A101: identifiers shown on purpose -----------------------------------------------------


def test_a101_a_numbered_key_and_a_mac_address_are_shown_on_purpose():
    # "wireless-key1 0123-4567-89ab-cdef" in an interfaces example; "乙：20:68:9D:89:23:C1"
    # (a physical address as the punchline of a dialogue joke)
    assert found("fortunes-zh-addresses.txt", "A101") == []


def test_a101_still_reports_an_id_glued_into_a_sentence():
    assert found("x.txt", "A101", "他说 0123-4567-89ab-cdef 今天不来了。\n") == [("A101", 1, 4)]
    assert found("x.txt", "A101", "乙：20:68:9D:89:23:C1:7F\n") == [("A101", 1, 3)]  # seven groups: not a MAC


# -- W115: a script in plain text -----------------------------------------------------------


def test_w115_a_block_opened_by_a_shebang_is_a_script():
    # the Debian Reference's getmail wrapper: echo "getmail has not been running ... " >&2
    assert found("fortunes-zh-getmail-script.txt", "W115") == []
    # without its "#!/bin/sh" line nothing marks the block as code, but the string is still
    # what `echo` prints: a quoted value, whose trailing space is the string's
    text = (REAL / "fortunes-zh-getmail-script.txt").read_text(encoding="utf-8")
    assert found("x.txt", "W115", text.replace("#!/bin/sh\n", "")) == []
    # the same sentence quoted in prose is still reported
    assert found("x.txt", "W115", 'He wrote "getmail has not been running for a while " to us.\n') == [("W115", 1, 51)]


# -- A106: markup syntax shown as an example ------------------------------------------------


def test_a106_a_placeholder_comment_shows_the_syntax():
    assert found("fortunes-zh-xml-syntax.txt", "A106") == []
    assert found("x.txt", "A106", "正文<!-- google_ad_section_start -->开始\n") == [("A106", 1, 3)]


# -- W114: a shell command list -------------------------------------------------------------


def test_w114_a_semicolon_between_two_shell_commands_is_syntax():
    assert found("fortunes-zh-compare-versions.txt", "W114") == []
    assert found("x.txt", "W114", "We waited ; then we left the station.\n") == [("W114", 1, 10)]


# -- W103: a right-aligned end mark; W114: a dot named in CJK text ------------------------------


def test_w103_a_mark_pushed_to_the_end_of_the_line_is_right_aligned():
    # Euler's formula typeset with spaces; its last line ends "sin(x)   <45 spaces>   ::"
    assert found("fortunes-zh-euler-proof.txt", "W103") == []
    assert found("x.txt", "W103", "see the Introduction        12\n") == []
    # a gap before a word, or a short gap, is still a doubled space
    assert found("x.txt", "W103", "= cos(x) + i sin(x)      and more\n") == [("W103", 1, 20)]
    assert found("x.txt", "W103", "the end  ::\n") == [("W103", 1, 8)]


def test_w114_a_dot_quoted_after_cjk_words_is_named():
    # `元字符的 ."。`: the sentence ends with 。; the ASCII dot inside quotes is the thing named
    assert found("fortunes-zh-find-name.txt", "W114") == []
    # the same corpus's real slip: a space before the ASCII comma closing a clause
    assert found("x.txt", "W114", '在 perl(1)例子中 , "-i" 是在每一个目标文件的原处编辑。\n') == [("W114", 1, 13)]
    assert found("x.txt", "W114", "我们完成了 .\n") == [("W114", 1, 6)]


def test_a106_a_tag_named_as_a_word_before_a_comma_is_not_a_leftover():
    # fortunes-ru: "Веб-мастер: <BR>, как холодно" (the tag for "Brrr,")
    assert found("fortunes-ru-webmaster.txt", "A106") == []
    assert found("x.txt", "A106", "Use <br>, not <p>, for a line break.\n") == []
    # leftovers against the text they formatted are still reported
    assert found("x.txt", "A106", "قال المتحدث<br>، إن الزيارة\n") == [("A106", 1, 12)]
    assert found("x.txt", "A106", "Text <br> more text\n") == [("A106", 1, 6)]
