"""fp11: kinds of false alarm left in the weakest labelled rules (benchmarks/labels), each
as a test on the real excerpt (tests/data/realtext/SOURCE.md, "fp11"), with a true
positive next to it that must stay reported."""

from __future__ import annotations

from corpuslint import lint_records, lint_text


def found(text: str, code: str, path: str = "x.txt") -> list[str]:
    return [text[f.start : f.end] for f in lint_text(text, path=path, config={"select": [code], "cache": False})]


# -- S104: intensifiers and quantifiers doubled for emphasis; a man named after his father --


def test_s104_doubled_intensifiers_are_emphasis():
    # docutils 0.23 docs/user/rst/demo.rst; black CHANGES.md (markdown-black);
    # LLaMA-Factory kto_en_demo.jsonl (chat-llamafactory), quoting Elmer Fudd
    for text in ("    end, much much thicker in the middle and then thin again at the\n",
                 '  pre-existing "magic" trailing commas. This fixes issue #1629 and all of its many many\n',
                 "If I heard Elmer Fudd's notorious \"Be vewy vewy quiet, I'm hunting wabbits\"\n",
                 "I really really like this song.\n"):  # (made up)
        assert found(text, "S104") == [], text
    # a doubled function word next to them is still a slip
    assert found("It is much much thicker in the the middle.\n", "S104") == ["the the"]
    assert found("you'll be be expected to bring many things\n", "S104") == ["be be"]


def test_s104_arabic_name_of_a_man_named_after_his_father():
    # ah-translit-bench (MIT) msa_bibliographic_benchmark_2000.csv record 1878: a catalogue's
    # author field "Surname, Given-name Father's-name"
    records = [{"id": 1878, "text": "امام، ابراهيم ابراهيم."},
               {"id": 2, "text": "حضر الاجتماع أحمد محمد محمد مدير الإدارة."}]
    assert lint_records(records, id_field="id", config={"select": ["S104"], "cache": False}) == []
    # doubled prepositions and nouns are still slips, and so is "على على" (not a name)
    assert found("أطلقت كوريا الشمالية في في أكتوبر صاروخا\n", "S104") == ["في في"]
    assert found("وضع الكتاب على على الطاولة\n", "S104") == ["على على"]
    assert found("قال ان الحكومة الحكومة قررت\n", "S104") == ["الحكومة الحكومة"]


# -- A111: one punctuation mark that is a paragraph or record of its own -----------------


def test_a111_a_lone_mark_that_is_the_answer_or_a_catalogue_string():
    # LLaMA-Factory alpaca_en_demo record 698 ("Pick the right punctuation mark at the end of
    # the sentence." / "Why did you forget to buy the milk"): the answer is "?"
    answer = ('?\n\n(Explanation: Since the given sentence is a question, the correct punctuation '
              'mark to use at the end of the sentence is a question mark "?".)')
    assert lint_records([{"id": 698, "text": answer}], id_field="id",
                        config={"select": ["A111"], "cache": False}) == []
    # Django 5 conf/locale/ur django.po as one string a paragraph: the list separator "،" (msgid ", ")
    assert found("اکتوبر\n\nنومبر\n\nدسمبر\n\nیا\n\n،\n", "A111") == []
    # LLaMA-Factory alpaca_zh_demo input of record 285: a stray empty list item under the list
    stray = ("- 苹果公司是一家美国跨国科技公司，设计、开发和销售消费电子、计算机软件和在线服务。\n"
             "- 它是世界上收入最高的信息技术公司之一，也是世界上最有价值的公司之一。\n-")
    assert [f.line for f in lint_records([{"id": 285, "text": stray}], id_field="id",
                                         config={"select": ["A111"], "cache": False})] == [3]
    # separators between paragraphs are still debris, and so is a mark inside a paragraph
    assert found("First paragraph.\n\n|||\n\nSecond paragraph.\n", "A111") == ["|||"]
    assert found("First paragraph.\n\n* * *\n\nSecond paragraph.\n", "A111") == ["* * *"]
    assert found("Some words here\n?\nmore words\n", "A111") == ["?"]


# -- Q106: the hashtags of a short post that its task asks for ---------------------------


def test_q106_a_short_post_with_its_hashtags_is_not_a_hashtag_wall():
    from corpuslint_quality import rules as Q
    from corpuslint.document import Document

    def q106(text):
        return [f.message for f in Q.SymbolHeavy().check(Document("x.txt", text))]

    # LLaMA-Factory alpaca_en_demo output 756 and alpaca_zh_demo outputs 341 and 713: posts
    # that an instruction asked for, with their hashtags (4 for 35 words, 4 for 14, 3 for 19)
    for text in ("Don't miss the opportunity to join industry leaders, tech experts and innovative thinkers "
                 "at the #UpcomingConference2020! 🚀 Network, learn, and discover the latest trends and "
                 "technology shaping our future. Grab your tickets now! #event #innovation #conferences.",
                 '#充实生活# 可以使用标签 "#丰富多彩#"、"#充实快乐#" 或者 "#生活充实#"。',
                 '"早起的鸟儿有虫吃，早起的我却有这壮观的日出美景😍 #日出 #美景 #感恩新的一天"'):
        assert q106(text) == [], text
    # walls stay: tags outnumbering the words, a page's lines of tags alone, and a page of
    # 50+ words with Gopher's 0.1
    assert q106("#news #sport #today #follow #like #share and more") != []
    assert q106("Home\nNews\nSport\n#news #sport #today\nRead more\n#follow #like #share\n") != []
    page = ("Don't miss the opportunity to join industry leaders, tech experts and innovative thinkers. " * 4
            + "#event #innovation #conferences #tech #future #ai")
    assert q106(page) != []


# -- D106: a short Markdown label introducing a sample -----------------------------------

# FastAPI's Spanish docs (MIT): docs/es/docs/tutorial/middleware.md lines 74-81, async.md
# lines 284-289, tutorial/testing.md lines 135-140
FASTAPI_ES = {
    "middleware.md": ("En el camino de la response, se ejecuta al final.\n\nPor ejemplo:\n\n"
                      "```Python\napp.add_middleware(MiddlewareA)\napp.add_middleware(MiddlewareB)\n```\n"),
    "async.md": ("Ejemplos comunes de operaciones limitadas por la CPU son cosas que requieren procesamiento "
                 "matemático complejo.\n\nPor ejemplo:\n\n* **Procesamiento de audio** o **imágenes**.\n"),
    "testing.md": ("Luego simplemente haces lo mismo en tus pruebas.\n\nPor ejemplo:\n\n"
                   "* Para pasar un parámetro de *path* o *query*, añádelo a la URL misma.\n"),
}
# textlint-rule-ja-no-abusage, -no-mixed-period, -no-redundant-expression README.md (MIT,
# corpus readme-cjk): one author's README template, a lead-in of six words
TEXTLINT = ("## Running tests\n\nInstall devDependencies and Run `npm test`:\n\n    npm i -d && npm test\n\n"
            "## Contributing\n")


def d106(tmp_path, files: dict[str, str]) -> list[tuple[str, int]]:
    from corpuslint import lint_paths

    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = lint_paths([tmp_path], config={"select": ["D106"], "cache": False})
    return sorted((f.path.rsplit("/", 1)[-1], f.line) for f in found)


def test_d106_a_label_before_a_sample_is_structure(tmp_path):
    assert d106(tmp_path, FASTAPI_ES) == []
    # npm's docs (markdown-docs, Artistic-2.0): "For example:" closing a paragraph's first
    # sentence, before a code block (npm-deprecate.md, npm-root.md, npm-install.md)
    npm = {f"npm-{k}.md": f"Useful for using npm in shell scripts number {k}.\nFor example:\n\n```bash\nnpm {k}\n```\n"
           for k in ("root", "deprecate", "install")}
    (tmp_path / "npm").mkdir()
    assert d106(tmp_path / "npm", npm) == []


def test_d106_template_lines_and_labels_before_prose_are_still_reported(tmp_path):
    readmes = {f"readme-{k}.md": TEXTLINT for k in range(3)}
    assert d106(tmp_path, readmes) == [(f"readme-{k}.md", 3) for k in range(3)]


def test_d106_a_label_before_prose_or_closing_a_wrapped_sentence_is_still_reported(tmp_path):
    # the same label followed by a sentence, or ending a sentence wrapped over two lines
    files = {f"{k}.md": f"Intro {k}.\n\nPor ejemplo:\n\nEsto es un texto que sigue, número {k}.\n" for k in range(3)}
    files.update({f"w{k}.md": f"The options are given with\nthe following values:\n\n* a{k}\n" for k in range(3)})
    assert d106(tmp_path, files) == sorted([(f"{k}.md", 3) for k in range(3)]
                                           + [(f"w{k}.md", n) for k in range(3) for n in (1, 2)])


# -- A103: a navigation phrase that labels a menu the text describes -----------------------


def test_a103_a_menu_described_by_an_answer_is_not_navigation_debris():
    # LLaMA-Factory alpaca_en_demo output 409 (Apache-2.0): an outline of a website
    answer = ("Here's an overview of what the website could look like:\n\n"
              'Header: "Understanding Blockchain Technology: A Comprehensive Guide"\n\n'
              "Main Menu: \n- Introduction to blockchain\n- History of blockchain \n- How does blockchain work\n")
    assert lint_records([{"id": 409, "text": answer}], id_field="id",
                        config={"select": ["A103"], "cache": False}) == []
    # a scraped page's menu is still navigation debris, with or without a colon
    assert found("Main Menu\nHome\nAbout us\n\nThe council met on Tuesday.\n", "A103") == ["Main Menu"]
    assert found("Main menu:\nHome\nAbout us\n\nThe council met on Tuesday.\n", "A103") == ["Main menu:"]
    assert found("Skip to content\n\n- Home\n- News\n", "A103") == ["Skip to content"]
