"""False-alarm kinds fresh25 met on a literary corpus (Debian fortunes-* packages), each as a
test on the real excerpt (tests/data/realtext/SOURCE.md: "fixm25") with a true finding beside it."""

from __future__ import annotations

from hypothesis import given, strategies as st

from corpuslint import lint_text
from corpuslint.document import Document
from corpuslint.structure import plain_text_regions

# -- CRLF = LF: a line's "\r" is its line ending, not its text ---------------------------------

# fortunes-ru 1.52 b0 (lines 1-12), as the package ships it: CRLF line endings, "%" between records
B0 = ("Фигурой женщина напоминает грушу,\nВ которой ищем мы родную душу.\n\t\t-- Н. Векшин\n%\n"
      "В жизни встречаются просто божественные фигуры, но геометрия, увы, не в силах их\nописать.\n"
      "\t\t-- Ф.Е. Топорищев\n%\nДжентельмен должен уметь описывать красоту Лоллобриджиды, не описывая руками\n"
      "дуг.\n\t\t-- Мариан Эйле\n%\n")
# a stray row of bars between two paragraphs of prose (a true A111 finding, in either ending)
BARS = "Фигурой женщина напоминает грушу,\nВ которой ищем мы родную душу.\n\n|||\n\nВ жизни встречаются.\n"


def _found(text: str, select: str) -> list[tuple[str, int, int, str]]:
    return sorted((f.code, f.line, f.column, f.message) for f in lint_text(text, path="b0.txt", config={"select": [select]}))


def test_a111_fortune_separators_with_crlf_endings_are_read_as_with_lf():
    assert _found(B0.replace("\n", "\r\n"), "A111") == _found(B0, "A111") == []
    assert _found(BARS.replace("\n", "\r\n"), "A111") == _found(BARS, "A111") == [("A111", 4, 1, "line of symbols only `|||`")]


# fortunes-pl kloczkish lines 144-146: "? :)", a mark then an emoticon (not reported in either ending)
KLOCZEK = "%\nZnaczy się mówisz o zastygnięciu prac na pld-linux.org ? :)\nA to się zgodzę w zupełności.\n"


def test_w114_a_mark_before_an_emoticon_at_a_crlf_line_end_is_read_as_at_an_lf_one():
    assert _found(KLOCZEK.replace("\n", "\r\n"), "W114") == _found(KLOCZEK, "W114") == []


def _code_lines(text: str) -> list[tuple[int, str, bool]]:
    doc = Document("doc.txt", text)
    lines = []
    for region in plain_text_regions(doc):
        first = text.count("\n", 0, region.start) + 1
        lines.append((first, region.kind, region.aligned, text[region.start:region.end].replace("\r", "")))
    return lines


_LINE = st.sampled_from([
    "%", "}", "[...]", "# apt install x", "$ ls -l /tmp", "KEY=value", "a  b  c", "    indented line",
    "# comment", "#!/bin/sh", "Field: value", "[section]", "key = value", "`tar cf x`", "| a | b |",
    "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0", "Apr  1 12:00:00 host sshd[42]: ok", "deb https://deb.debian.org/ x",
    "Фигурой женщина напоминает грушу,", "\t\t-- Н. Векшин", "", "  ", "plain words here.",
])


@given(st.lists(_LINE, min_size=1, max_size=12))
def test_plain_text_regions_are_the_same_for_crlf_and_lf_lines(lines):
    text = "\n".join(lines) + "\n"
    assert _code_lines(text.replace("\n", "\r\n")) == _code_lines(text)


# -- W114, W103, A106: a chat log quoted verbatim is speech, its layout the log's ------------------

# fortunes-pl 0.0.20130525 pld lines 1219-1224 and 1552-1557 (IRC, a said line wrapped), pplug lines
# 13-15 (an action after a time stamp), ospl-ad lines 105-107 (prose: a true W114 finding)
PLD = ("#pld\n19:36:25 <@djrzulf> jakby był adres wolnego oprogroamowania po polsku ?\n"
       "19:36:29 <@djrzulf> http://www.wolneprogramy.org?\n19:36:33 <@djrzulf> czy coś tkaiego ?\n"
       "19:37:08 <@gausus> djrzulf: - woooolne oprogramowanie - www.microsoft.com/poland\n%\n"
       "#pld\n18:10:45 <+Psyborg> czemu po 3 dniach od daty wysłania maila do agarana w\n"
       "                    kwestii RW jest zerowa reakcja ?\n18:12:33 <@jack_> Psyborg: Bo agaran to kloczek reloaded\n%\n"
       "#pplug\n13:56  * drzewko wlasnie sprawdzila ze jej slack stoi juz 11 m-cy ;-)\n"
       "13:57 <@konewka> to niezle dziurawiec musi byc :P\n%\n"
       "to bardzo fajna strona, internetowa znaczy się, to ta która ma adres\n"
       "_http://www.opensourcepl.org_, czyli jeżeli się wpisze w przeglądarce\n"
       "http://www.opensourcepl.org, to ta właśnie ciekawa strona się wyświetli !\n%\n")
# fortunes-de 0.35 infodrom lines 1461-1466: HTML the speaker quotes; then a stray tag in prose
INFODROM = ("%\n* Joey fällt um\n<Joey> <address>[..], 3 Jan '101</address>\n"
            "<Joey> Bitte sagt mir, daß das nicht nach Y2k-Bug aussieht.\n\n%\n"
            "<falcon78> War der erste Einzeller jetzt ein Huhn oder nicht?\n\t\t-- #LinuxGER\n%\n"
            "Und jetzt ist Ruhe,<br>ihr lenkt mich ab.\n")


def test_w114_w103_leave_a_quoted_chat_log_and_report_the_prose_beside_it():
    assert _found(PLD, "W114") == [("W114", 18, 72, "space before '!'")]
    assert _found(PLD, "W103") == []


def test_a106_html_quoted_by_a_chat_speaker_is_speech_and_a_stray_tag_is_reported():
    assert _found(INFODROM, "A106") == [("A106", 10, 20, "HTML markup `<br>`")]


# fortunes 1.99.1 miscellaneous lines 1756-1759: an attribution right-aligned after the sentence;
# education lines 604-606: a doubled space between two words (a true W103 finding)
CHIEF = ("hills and have no blankets, no food. No one knows where they are...Hear\n"
         "me, my Chiefs!! I am tired: my heart is sick and sad. From where the sun\n"
         "now stands, I will fight no more.              Chief Joseph, (Nez Perce)\n%\n"
         "I'm looking forward to working with you on this next year.\n"
         "\t\t-- Professor, Harvard, on a  senior thesis.\n%\n")


def test_w103_a_right_aligned_attribution_is_layout_and_a_doubled_space_is_reported():
    assert _found(CHIEF, "W103") == [("W103", 6, 30, "2 consecutive spaces (U+0020 SPACE)")]


# -- A110: a Message-ID names a post, not a person ---------------------------------------------------

# fortunes 1.99.1 perl lines 980-983; fortunes-pl pcol line 169 (a header); then an address in an
# attribution, as fortunes-pl's logs sign (a true finding; the address altered here)
PERL = ("And other operators aren't so special syntactically, but weird\n"
        "in other ways, like \"scalar\", and \"goto\".\n\t\t-- Larry Wall in <199711071749.JAA29751@wall.org>\n%\n"
        "\t\t--- Larry Wall in <10209@jpl-devvax.JPL.NASA.GOV>\n%\n"
        "Message-ID: <8dgu9b-i77.ln@fastviper.viper.lan>\n%\nslawek <sd000001@fastviper.pl>\n")


def test_a110_a_message_id_is_not_an_address_and_an_address_is_reported():
    assert _found(PERL, "A110") == [("A110", 9, 9, "e-mail address `sd000001@fastviper.pl`")]


# -- A108, W105, A105: ASCII art and random bytes are not markup, layout slips or mojibake --------

# fortunes-it 1.99 italia lines 8235-8245: a drawing whose edge is three backticks; then a
# Markdown fence left in the text (added here: fortunes-it holds none), a true A108 finding
CUP = ("\t\t   _.-^^          -~_\n                _--                  --_\n"
       "               <                        >)\n               |                         |\n"
       "                \\._                   _./\n\t\t   ```--. . , ; .--'''\n\t\t         | |   |\n"
       "\t\t      .-=||  | |=-.\n\t\t      `-=#$%&%$#=-'\n\t\t         | ;  :|\n"
       "                _____.,-#%&$@%#&#~,._____\n%\n```sh\nfortune -m Grillo\n```\n")


def test_a108_backticks_in_a_drawing_are_no_fence_and_a_fence_is_reported():
    assert _found(CUP, "A108") == [("A108", 13, 1, "Markdown code fence ````sh`"), ("A108", 15, 1, "Markdown code fence `````")]


# fortunes-de 0.35 asciiart lines 103-124: a mule drawn, then drawn blank "im virtual Mode";
# fortunes 1.99.1 cookie lines 3993-3998: three blank lines before a sign-off (a true W105 finding)
MULE = (' /|__\n///,-`\no o ,\n| .\' ",\n(_)\\  ""-------.\n    :           \\.\n    | /.____.\\ ||\\\\\n'
        '    ())       ()) "\n    |||       |||\n    <>>       <>>\n MULI im "real Mode"\n' + "\n" * 10
        + ' MULI im "virtual Mode"\n%\n-- Usenet BBS (713) 438-5018\n\n\n\nth-th-th-th-That\'s all, folks!\n')


def test_w105_blank_lines_drawn_in_ascii_art_are_layout_and_a_blank_run_is_reported():
    assert _found(MULE, "W105") == [("W105", 27, 1, "3 consecutive blank lines (max 2)")]


# fortunes-pl linuxpl line 3313: an IRC flood of random bytes; fortunes-it italia line 16316:
# real mojibake (a true A105 finding)
FLOOD = ("Ăh4Ţ×˛ćçKSSd˝osK^Ć=O96ĐżPţÎN^ŮzS#úźYŔD×>1Ż^Ân°^Ř^ÄkU&~(Hń^ÎĎó&ç\"ßŁ\\ˇ^\n%\n"
         "\t\t-- Beppe Grillo, su \"CarrÃ\u00a0mba che sorpresa\", Feb 1998\n")


def test_a105_random_bytes_are_not_repaired_and_mojibake_is():
    assert [(code, line) for code, line, _, _ in _found(FLOOD, "A105")] == [("A105", 3)]


@given(st.text(st.characters(categories=("L", "M", "N", "P")), max_size=40))
def test_noise_token_never_holds_words_numbers_or_punctuation(token):
    from corpuslint.families.artifact.encoding import noise_token
    assert not noise_token(token)
