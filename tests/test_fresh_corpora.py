"""False alarms found by linting text corpuslint had never seen, as a new user would
(benchmarks/realtext.py corpora fortunes-en, fortunes-zh, poetry-fa-hafez, markdown-pypi),
each as a test on a real excerpt (tests/data/realtext/SOURCE.md), with the real defect
next to it still reported."""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_paths, lint_text
from corpuslint.document import Document

REAL = Path(__file__).resolve().parent / "data" / "realtext"


def found(name: str, select: str, text: str | None = None) -> list[tuple[str, int, int]]:
    if text is None:
        text = (REAL / name).read_text(encoding="utf-8")
    return [(f.code, f.line, f.column) for f in lint_text(text, path=name, config={"select": [select]})]


# -- W102: typography is not scraped residue ---------------------------------------------


def test_w102_number_binding_no_break_spaces_and_ideographic_spaces_are_typography():
    # Debian Reference (zh) headings and cross-references: DocBook binds the section number
    # to its title and counter with U+00A0; the Book of Songs separates phrases with U+3000.
    assert found("fortunes-zh-debian-reference-shijing.txt", "W102") == []


def test_w102_still_reports_spaces_between_words_and_between_digits():
    assert found("x.txt", "W102", "يزور\u00a0فلاديمير بوتين\n") == [("W102", 1, 5)]
    assert found("x.txt", "W102", "a population of 10\u00a0000 people\n") == [("W102", 1, 19)]
    assert found("x.txt", "W102", "漢字\u3000abc\n") == [("W102", 1, 3)]  # CJK on one side only


# -- W103: Markdown indentation, sentence spacing after a closing quote --------------------


def test_w103_indentation_after_a_block_quote_marker_is_not_a_gap():
    # click 8.5.1 docs: ">    An option ..." (the marker, then indentation); the doubled
    # space in "pass the  desired name" (commands-and-groups.md) is a real slip.
    assert found("click-concepts-blockquote.md", "W103") == [("W103", 12, 24)]


def test_w103_markers_are_indentation_only_in_markdown_containers():
    assert found("list.md", "W103", "1.  First step of the list\n2.  Second step of the list\n") == []
    assert found("notes.txt", "W103", ">    quoted by hand in plain text\n") == [("W103", 1, 2)]


def test_w103_two_spaces_after_a_sentence_ending_in_a_closing_quote():
    # fortune(6) quotations: `"better nature."  He`, `often?"  She`, `time.  Now`.
    assert found("fortunes-en-excerpts.txt", "W103") == []
    assert found("x.txt", "W103", "He  ain't nothing -- he ain't nothing at all...\n") == [("W103", 1, 3)]


def test_w103_two_spaces_after_an_arabic_question_mark_end_a_sentence():
    # chatterbot-corpus (Persian): "...دیگه؟  با عقاب" and "...کربلاس؟  یک لیوان" keep the
    # two-space sentence spacing after ؟ as after ?; "صریحا  چشم" is a doubled space.
    assert found("chatterbot-fa-sentence-spacing.txt", "W103") == [("W103", 5, 16)]
    assert found("x.txt", "W103", "क्या हाल है?  ठीक है।  धन्यवाद\n") == []
    assert found("x.txt", "W103", "یعنی  چی؟ مامان\n") == [("W103", 1, 5)]


# -- S104: contractions and verse ---------------------------------------------------------


def test_s104_a_word_before_its_own_contraction_is_two_words():
    # "telling you you've been fired", "tells you you're allergic"; "you'll be be
    # expected" in the same excerpt is a real doubled word.
    assert found("fortunes-en-excerpts.txt", "S104") == [("S104", 11, 39)]


def test_s104_repetition_in_verse_is_a_device():
    # Hafez, ghazal 83: the radif "رفت رفت" ends every couplet; "یکی یکی" (one by one) in
    # the modern reading is Persian reduplication.
    assert found("hafez-ghazal-083.txt", "S104") == []
    song = "Bum bum bum bum bum bum\nStay on the happy side\nof life, my friend\n"
    assert found("song.txt", "S104", song) == []
    # a song set in two columns with tabs (as in fortune's songs-poems file): verse by its
    # columns; here the public-domain round "Row, Row, Row Your Boat"
    columns = ("Row, row, row your boat,\t\tThen row, row, row your boat again,\n"
               "Gently down the stream.\t\tGently down the winding stream.\n"
               "Merrily merrily, merrily merrily,\tMerrily merrily, merrily merrily,\n"
               "Life is but a dream.\t\tLife is but a dream, a dream.\n")
    assert found("song.txt", "S104", columns) == []
    # in verse an English function word doubled is still a slip
    assert found("song.txt", "S104", song.replace("on the", "on the the")) == [("S104", 2, 9)]


def test_w103_tables_drawn_with_box_characters_are_not_prose():
    # Debian Reference (zh) in fortunes-zh: cells padded with spaces to the column width.
    assert found("fortunes-zh-box-table.txt", "W103") == []
    prose = "    显示所有正在运行的进程的信息，输入  q 退出。\n"
    assert found("x.txt", "W103", prose) == [("W103", 1, 22)]


# -- D101: the same step in two procedures ------------------------------------------------


def test_d101_a_step_shared_by_two_numbered_procedures_is_not_a_copy():
    # Debian Reference (zh): "4. 解包所获取的二进制软件包" … "7. 运行 postinst 脚本" in the
    # upgrade list and again in the install list.
    assert found("fortunes-zh-dpkg-steps.txt", "D101") == []
    pasted_twice = "2. Open the settings window now\n\nThe network tab lists every connection.\n\n2. Open the settings window now\n"
    assert found("steps.txt", "D101", pasted_twice) == [("D101", 5, 1)]  # no new list in between


def test_d101_an_item_of_two_different_lists_is_not_a_copy():
    # Debian Reference (zh): "* 数字形式的组 ID" (numeric group ID) among the fields of
    # /etc/passwd and again among those of /etc/group, paragraphs between the lists.
    assert found("fortunes-zh-passwd-fields.txt", "D101") == []
    one_list = "  * the login name\n\n  * the numeric group ID\n\n  * the home directory\n\n  * the numeric group ID\n"
    assert found("fields.txt", "D101", one_list) == [("D101", 7, 1)]
    continued = one_list.replace("  * the home directory", "    The home directory comes next.")
    assert found("fields.txt", "D101", continued) == [("D101", 7, 1)]  # a paragraph of the item, not a new list


def test_d101_an_instruction_before_two_different_blocks_is_not_a_copy():
    # people: two quizzes (parts 1 and 2 of one joke) open with the same instruction,
    # each before its own numbered questions.
    quiz = (REAL / "fortunes-en-personality-quiz.txt").read_text(encoding="utf-8")
    assert found("people.txt", "D101", quiz) == []
    # Debian Reference (zh): "按如下所示的配置它。" (configure it as shown below) before two
    # different commands; the second ("\u00a0\u00a0\u00a0 $ chmod ...") is indented with
    # no-break spaces and is still a command line.
    config = (REAL / "fortunes-zh-getmail-config.txt").read_text(encoding="utf-8")
    assert found("chinese.txt", "D101", config) == []
    assert Document("chinese.txt", config).line_kinds[29] == "code"
    # the instruction pasted again with the same block, or before prose, is a copy
    first_quiz = quiz[: quiz.index("As many", 1)]
    assert found("people.txt", "D101", first_quiz + first_quiz) == [("D101", 32, 1)]
    lead = "Run the following command now\n\n"
    pasted = f"{lead}    $ sudo apt update\n\nThat refreshes the lists.\n\n{lead}    $ sudo apt update\n"
    assert found("x.txt", "D101", pasted) == [("D101", 7, 1)]
    before_prose = f"{lead}The first quiz was fun to take.\n\n{lead}The second one was not.\n"
    assert found("x.txt", "D101", before_prose) == [("D101", 5, 1)]


def test_d101_records_of_a_fortune_file_are_units():
    # fortune(6) data files separate records with "%" lines, no blank lines: each record
    # is a unit, so a record printed twice is found (it was one unit with the file).
    entries = (REAL / "fortunes-en-emerson.txt").read_text(encoding="utf-8").split("\n\n")
    raw = "%\n".join(e.rstrip("\n") + "\n" for e in entries) + "%\n"
    assert found("emerson", "D101", raw) == []
    twice = raw + entries[1].rstrip("\n") + "\n%\n"
    assert found("emerson", "D101", twice) == [("D101", 13, 1)]


# -- D106: a quotation's attribution is not template boilerplate ----------------------------


def test_d106_an_author_quoted_in_several_documents_is_not_boilerplate(tmp_path, monkeypatch):
    # fortune(6) files art, people and songs-poems each quote Emerson: "\t\t-- Ralph Waldo
    # Emerson" in 3 of the documents is an attribution (--fix --unsafe-fixes deleted it).
    monkeypatch.chdir(tmp_path)
    quotes = (REAL / "fortunes-en-emerson.txt").read_text(encoding="utf-8").split("\n\n")
    footer = "Share this quote with your friends"
    for name, quote in zip("abc", quotes):
        (tmp_path / f"{name}.txt").write_text(f"{quote.rstrip()}\n\n{footer}\n", encoding="utf-8")
    findings = lint_paths(["."], config={"select": ["D106"]})
    assert sorted((f.path, f.line) for f in findings) == [("a.txt", 5), ("b.txt", 4), ("c.txt", 6)]


# -- A109: say what the control characters are ---------------------------------------------


def test_a109_names_overstrike_backspaces_and_terminal_escapes():
    # fortune love file (Tom Lehrer): "_____" then five backspaces underline "least";
    # fortunes-zh keeps a colour reset `ESC[;m` from the terminal.
    lehrer = "communicate, the very _____\b\b\b\b\bleast he can do is to shut up!\n"
    (f,) = lint_text(lehrer, path="love.txt", config={"select": ["A109"]})
    assert f.message == "5 control characters: 5 × U+0008 (backspace)"
    (g,) = lint_text("你可以通过“~/.bashrc”\x1b[;m来定制bash(1)的行为。\n", path="zh.txt", config={"select": ["A109"]})
    assert g.message == "terminal escape sequence `ESC[;m`"


# -- S101: classical Persian poetry (issue 10) ---------------------------------------------


def test_s101_persian_enclitics_plurals_and_verbal_prefixes_are_words():
    from corpuslint.families.spelling import get_backend

    fa = get_backend("fa")
    text = (REAL / "hafez-enclitics.txt").read_text(encoding="utf-8")
    words = (
        # enclitic pronouns م ت ش / تان on a known word; the copula ید and ست
        "حافظش", "نابش", "رحیمت", "کردمت", "دوستتان", "حالید", "صداست", "ابرویست",
        # the plural ان, also on the second half of a compound written with a space
        "بدنان", "گزاران", "پریان",
        # verbal prefixes ب / ن (with the glide ی before ا / آ), a preverb, classical او
        "بخفت", "ننمایی", "بیاورید", "بیاندیش", "بازداد", "اوفتاده",
    )  # fmt: skip
    for word in words:
        assert word in text and fa.known(fa.clean(word)), word
    # real slips stay unknown: "ما گوهیم" (گواهیم), "زندیگتان" (زندگیتان) in this excerpt,
    # "نموید" (نروید) of ghazal 262; a vowel-final stem takes no bare enclitic (گوه + یم,
    # نمو + ید); and the labelled slips of the Debian handbook and GNOME help (fa)
    for slip in ("گوهیم", "زندیگتان", "نموید", "کلاش", "پذیریش", "منشتر", "دورست", "ویریش", "نشن"):
        assert not fa.known(fa.clean(slip)), slip


def test_s101_in_verse_is_info_and_in_prose_an_error():
    # Ghazal 262 "ببرش موی تا نموید باز" (a slip of نروید) beside six half-lines of other
    # ghazals using نماید, one of them before باز: the slip is found, at info level in
    # verse (classical forms the dictionary lacks), at error level in prose.
    text = (REAL / "hafez-verse-slip.txt").read_text(encoding="utf-8")
    (finding,) = lint_text(text, path="verse.txt", config={"select": ["S101"]})
    assert text[finding.start : finding.end] == "نموید" and finding.severity.name == "INFO"
    assert "in verse" in finding.message and "'نماید'" in finding.message
    prose = " ".join(line for line in text.splitlines() if line) + "\n"
    (finding,) = lint_text(prose, path="prose.txt", config={"select": ["S101"]})
    assert prose[finding.start : finding.end] == "نموید" and finding.severity.name == "ERROR"


# -- S105: a correction applies to the language it is written for --------------------------


def test_s105_persian_text_is_corrected_to_the_persian_spelling():
    # Hafez 0.4.2, modern reading of ghazal 187: "... برآورده می شود. انشالله." The Arabic
    # entry (إن شاء الله) does not apply to a Persian paragraph; the Persian one does.
    text = (REAL / "hafez-inshallah.txt").read_text(encoding="utf-8")
    (finding,) = lint_text(text, path="fa.txt", config={"select": ["S105"]})
    assert text[finding.start : finding.end] == "انشالله"
    assert finding.fix.edits[0].replacement == "ان\u200cشاءالله" and "إن شاء الله" not in finding.message
    # Arabic text keeps the Arabic correction; Arabic-only entries stay out of Persian text
    (finding,) = lint_text("وقال انشالله سيأتي غدا.\n", path="ar.txt", config={"select": ["S105"]})
    assert finding.fix.edits[0].replacement == "إن شاء الله"
    persian = "این هاذا را می بینید. خداوند بسیار دوستتان دارد.\n"
    assert lint_text(persian, path="x.txt", config={"select": ["S105"]}) == []


def test_w114_an_emoticon_is_not_a_detached_mark():
    # chatterbot-corpus 1.3.3 (BSD-3-Clause) persian/conversations.yml and emotion.yml messages
    assert found("x.txt", "W114", "خوشحالم :)\n\nچی؟ من نگران بشم؟ :))\n") == []
    # a colon detached from its word is still reported, before a closing parenthesis too
    assert found("x.txt", "W114", "خوشحالم :\n\n(see the list below : )\n") == [("W114", 1, 8), ("W114", 3, 20)]
