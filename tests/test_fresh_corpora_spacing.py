"""False alarms of the whitespace rules on real text (benchmarks/realtext.py corpora
markdown-docs, po-django, llm-data-llamafactory), each kind as a test on a real excerpt
(tests/data/realtext/SOURCE.md), with the real defect next to it still reported."""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_text

REAL = Path(__file__).resolve().parent / "data" / "realtext"


def found(name: str, select: str, text: str | None = None) -> list[tuple[str, int, int]]:
    if text is None:
        text = (REAL / name).read_text(encoding="utf-8")
    return [(f.code, f.line, f.column) for f in lint_text(text, path=name, config={"select": [select]})]


# -- W102: a no-break or hair space beside a dash is the dash's typography -----------------


def test_w102_no_break_space_beside_a_dash_is_typography():
    # npm docs (npm-doctor.md): "in some cases –\u00a0especially on Windows –\u00a0you"
    assert found("npm-doctor-dash-nbsp.md", "W102") == []
    # C4 web text: hair spaces set around an em dash
    assert found("x.txt", "W102", "Chapultepec Forest (Bosque de Chapultepec)\u200a—\u200ais Mexico City’s largest oasis\n") == []
    # the same no-break space between two words is still reported
    text = (REAL / "npm-doctor-dash-nbsp.md").read_text(encoding="utf-8")
    assert found("x.md", "W102", text.replace("especially on", "especially\u00a0on")) == [("W102", 3, 33)]
    # and a hair space between two words is no dash's
    assert found("x.txt", "W102", "Mexico\u200aCity\n") == [("W102", 1, 7)]


# -- W102: a count written as a word binds to its unit like a number ---------------------


def test_w102_count_word_bound_to_its_unit_is_typography():
    # Django's Danish humanize catalogue: "en\u00a0time siden" beside "%(count)s\u00a0timer siden"
    assert found("django-po-da-humanize-count-words.txt", "W102") == []
    text = (REAL / "django-po-da-humanize-count-words.txt").read_text(encoding="utf-8")
    # a no-break space after another word is still reported ("time\u00a0siden")
    assert found("x.txt", "W102", text.replace("en\u00a0time siden", "en time\u00a0siden")) == [("W102", 3, 8)]


# -- W111: an embedding that wraps a line and sets its direction (UAX #9) -------------------


def test_w111_balanced_embedding_setting_the_line_direction_is_not_debris():
    # Django's Sorani catalogue: line 1 is an RLE ... PDF around a Kurdish sentence, whose
    # direction is already right-to-left (first strong letter Kurdish): nothing changes
    # without them, reported. Line 3 wraps "%(sel)s لە %(cnt)s هەڵبژێردراوە" (its PDF added):
    # the first strong letter is the placeholder's Latin "s", so without the RLE the line
    # would be left-to-right; the embedding sets its direction, as dir="rtl" would.
    assert found("django-po-ckb-embeddings.txt", "W111") == [("W111", 1, 1)]
    text = (REAL / "django-po-ckb-embeddings.txt").read_text(encoding="utf-8")
    # unterminated, or not wrapping the whole line, it is reported
    assert found("x.txt", "W111", text.replace("\u202c\n", "\n")) == [("W111", 1, 1), ("W111", 3, 1)]
    assert found("x.txt", "W111", text.replace("\u202b%", "x \u202b%")) == [("W111", 1, 1), ("W111", 3, 3)]
    # overrides are always reported, balanced or not (Trojan Source)
    assert found("x.txt", "W111", "\u202eHello world\u202c\n") == [("W111", 1, 1)]
    # an LRE around Latin text is the line's own direction: reported
    assert found("x.txt", "W111", "\u202aHello world.\u202c\n") == [("W111", 1, 1)]


# -- W114: French spacing in a message that declares nothing; ';)' with the Arabic semicolon ---


def test_w114_undeclared_french_message_and_arabic_semicolon_emoticon():
    import json

    from corpuslint import lint_records

    path = REAL / "chatterbot-spaced-marks.jsonl"
    messages = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    w114 = {"select": ["W114"], "cache": False}
    # "Comment vas-tu ?", "Bonjour, ca va ?": French words, more than English ones, make
    # French typography; "فرکانس ؛)": a winking emoticon written with the Arabic semicolon
    assert len(messages) == 5 and lint_records(messages, id_field="id", config=w114) == []
    # English with the same space is still reported, and so is French declared another
    # language than English (a declared English gives way to text that reads French:
    # fixe25, fresh24's records tagged `en` by mistake) and text that is not French: Spanish (chatterbot spanish.jsonl), Arabic with printf
    # placeholders (Sphinx ar), Russian (fortunes-ru murphy.txt)
    slips = [{"id": 1, "text": "How are you ?"}, {"id": 2, "text": "What is this ?"},
             {"id": 3, "text": "Comment vas-tu ?", "language": "de"},
             {"id": 4, "text": "El mar Celta es una parte de la plataforma continental de qué continente ?"},
             {"id": 5, "text": "غير قادر على نسخ الملفات القابلة للتحميل %r : %s"},
             {"id": 6, "text": "Репутация ? это то, что другие не знают о Вас."},
             {"id": 7, "text": "I don't know, it's fine ?"}]
    assert [f.record for f in lint_records(slips, id_field="id", config=w114)] == [1, 2, 3, 4, 5, 6, 7]


# -- W103: a riddle's answer set apart by a run of spaces --------------------------------------


def test_w103_riddle_answer_set_apart_after_the_question():
    import json

    from corpuslint import lint_records

    path = REAL / "chatterbot-riddles.jsonl"
    messages = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    w103 = {"select": ["W103"], "cache": False}
    # Korean riddles: "칼이 정색하면?                           검은색" (question, then its
    # punchline set apart); the English message's "is  a" is a doubled space, still reported
    found = lint_records(messages, id_field="id", config=w103)
    assert [f.record for f in found] == [messages[2]["id"]]
    # the same run before a whole sentence, or after a statement, is reported
    assert [f.code for f in lint_records([{"id": 1, "text": "Why?     I do not know what you mean"},
                                          {"id": 2, "text": "대학원에 갑니다.           대학원"}],
                                         id_field="id", config=w103)] == ["W103", "W103"]


# -- W103: a tagged paragraph of a rendered man page lays its description out in a column -----


AT_JA = (  # at(1) of Debian's manpages-ja (GPL), rendered by groff (fresh13's ja-docs set)
    "説明\n"
    "       at と batch は、 標準入力や指定されたファイルからコマンドを読み取って、\n"
    "       /bin/sh を使って後で実行します。\n"
    "\n"
    "       at      指定された時間にコマンドを実行します。\n"
    "\n"
    "       atq     ペンディングとなっているユーザージョブの一覧を表示します。\n"
    "               ただしスーパーユーザーが起動した場合には、\n"
)
BZIP2RECOVER_TR = (  # bzip2(1) of Debian's manpages-tr (GPL), rendered by groff (fresh13's tr-man set)
    "       Sıkıştırma ve açma gereksinimleri, bayt cinsinden, yaklaşık olarak:\n"
    "\n"
    "           Sıkıştırma:   400k + ( 8 x küme boyu )\n"
    "\n"
    "                 Açma:   100k + ( 4 x küme boyu ) veya\n"
    "                         100k + ( 2.5 x küme boyu )\n"
)


def test_w103_tagged_paragraphs_of_a_rendered_man_page_are_layout():
    assert found("at.1.txt", "W103", AT_JA) == []
    assert found("bzip2.1.txt", "W103", BZIP2RECOVER_TR) == []
    # a doubled space in the description itself, or in a paragraph whose neighbours start
    # their text elsewhere, is still reported
    slipped = BZIP2RECOVER_TR.replace("açma gereksinimleri", "açma  gereksinimleri")
    assert [(c, ln) for c, ln, _ in found("bzip2.1.txt", "W103", slipped)] == [("W103", 1)]
    prose = "The minister said  that the plan was ready.\n\nHe added that the budget was fixed for the year.\n"
    assert found("news.txt", "W103", prose) == [("W103", 1, 18)]
    copies = "       at      run it\n\n       at      run it\n"  # the same line twice is no column
    assert len(found("x.txt", "W103", copies)) == 2


def test_w103_list_tags_and_quoted_string_spaces_of_rendered_man_pages_are_layout():
    # cut(1), bash(1), mknod(1) of manpages-tr / manpages-ja (GPL): a bullet, an option or one
    # letter tags an item whose text is set in the next column
    tags = ("\n       -M  İlkinden M’inciye kadar M’inci dahil bayt, karakter veya alan.\n\n"
            "       •      alias で定義したシェルエイリアス。\n\n"
            "       b   blok (tamponlu) aygıt dosyası oluşturur.\n\n"
            "        ○  Sunucu bağlandığınızda günün iletisini basabilir.\n")
    assert found("man.txt", "W103", tags) == []
    # bc(1): a program's string keeps its leading spaces
    program = ('       print "  Hatırlatma: Depozitolar negatif miktarlardır.\\n"\n'
               '       print "  Çıkış için 0 yazın.\\n\\n"\n')
    assert found("bc.1.txt", "W103", program) == []
    # a doubled space inside the item's text is still reported
    # a doubled space in a paragraph of the page is still reported
    slipped = tags + "\n       Alanın olası değerleri  aşağıda listelenmiştir ve her biri açıklanmıştır.\n"
    assert [(c, ln) for c, ln, _ in found("man.txt", "W103", slipped)] == [("W103", 10)]
