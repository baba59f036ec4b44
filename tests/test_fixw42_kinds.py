"""False-alarm kinds a new user (fresh28) met in Chinese and Japanese documentation that are
not CJK-specific, as fixw42 fixed them. Each kind with its real excerpt, and a true finding of
the same rule beside it still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_paths, lint_text

REALTEXT = Path(__file__).parent / "data" / "realtext"
NO_CACHE = {"cache": False}


def found(codes: str, path: Path) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in lint_paths([str(path)], config={"select": codes.split(","), **NO_CACHE})]


def text_found(code: str, text: str, path: str = "page.txt", **config) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in lint_text(text, path=path, config={"select": [code], **NO_CACHE, **config})]


# -- W114: a mark that is the bracket's last word, named ----------------------------------

def test_w114_leaves_a_mark_named_as_a_brackets_value():
    # bash(1) in Japanese, :536 "履歴展開  文字 (通常は !)": the history character, usually "!"
    assert found("W114", REALTEXT / "manpages-ja-bash-history-char.txt") == []
    # bash(1) in English: "the history expansion character, usually !"
    assert text_found("W114", "Quote the history expansion character (usually !) to prevent it.\n") == []


def test_w114_still_reports_a_spaced_mark_ending_a_phrase_or_a_bracketed_question():
    assert text_found("W114", "Say Hello ! to everyone.\nIs that so ?\n") == [(1, 10), (2, 11)]
    # Sphinx's Japanese catalogue (msgid "…(nested numbered toctree?)"): a question in brackets
    page = "%s はすでにセクション番号が割り当てられています (入れ子になった番号の toctree ?)\n"
    assert text_found("W114", page) == [(1, page.index(" ?") + 1)]
    # a CJK word before a spaced ASCII mark that ends the phrase, no bracket after it
    line = "文字 (通常は !) です。Hello ! again.\n"
    assert text_found("W114", line) == [(1, line.index(" ! again") + 1)]


# -- A105: the characters of a mojibake span are A105's ---------------------------------

# fortunes-it 1.99 italia, lines 16315-16317 (GPL-2+): "Carràmba" read as cp1252, whose
# "à" (C3 A0) became "Ã" and a no-break space
GRILLO = 'a caso, lo siringa e lo porta qui.\n\t\t-- Beppe Grillo, su "CarrÃ\u00a0mba che sorpresa", Feb 1998\n%\n'
# fresh28's t3/moji_zh.txt: a Chinese sentence of theirs, UTF-8 read as cp1252 (bytes
# cp1252 leaves undefined became U+FFFD), so its no-break spaces and soft hyphens are bytes
# of mis-decoded characters ("æ\u00ad£" is "正"), as its U+FFFDs are
MOJI_ZH = ("è¿™æ˜¯ä¸€ä¸ªæµ‹è¯•æ®µè\ufffd½ï¼Œç”¨äºŽæ£€æŸ¥ä¹±ç\u00a0\ufffd"
           "æ£€æµ‹ã€‚æˆ‘ä»¬å¸Œæœ›å®ƒèƒ½å¤Ÿæ\u00ad£ç¡®å·¥ä½œã€‚\n")


def codes(text: str, path: str = "page.txt") -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in lint_text(text, path=path, config={"select": ["A104", "A105", "W102", "W112"], **NO_CACHE})]


def test_a_mojibake_span_is_one_finding():
    assert codes(GRILLO, "italia") == [("A105", 2, 28)]  # not W102 on its no-break space too
    assert "\u00a0" in MOJI_ZH and MOJI_ZH.count("\ufffd") == 2
    assert codes(MOJI_ZH) == [("A105", 1, 1)]  # not A104 twice, W102 and W112 inside it


def test_the_same_characters_outside_a_mojibake_span_are_still_reported():
    text = GRILLO + "Noi siamo\u00a0la piu' grande portaerei americana.\n"  # a lone NBSP beside it
    assert codes(text, "italia") == [("A105", 2, 28), ("W102", 4, 10)]
    line = MOJI_ZH + "这是一个测试段\ufffd，用于检查乱码。软\u00ad连字符。\n"
    assert codes(line) == [("A105", 1, 1), ("A104", 2, 8), ("W112", 2, 18)]


# -- D104: a Latin name in text compared by character bigrams ----------------------------

def test_d104_a_latin_name_in_cjk_text_tells_two_programs_apart(tmp_path):
    # manpages-ja: aclocal(1) and automake(1) say "the full documentation of aclocal
    # (automake) is a Texinfo manual ..." in one sentence frame: Jaccard 0.91 in character
    # bigrams (0.73 in English, under the threshold): two programs, not a copy
    paths = []
    for name in ("aclocal", "automake"):
        p = tmp_path / f"{name}.txt"
        p.write_text((REALTEXT / f"manpages-ja-{name}-see-also.txt").read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(str(p))
    found = [(Path(f.path).name, f.line) for f in lint_paths(paths, config={"select": ["D104"], **NO_CACHE})]
    assert ("automake.txt", 1) not in found and ("aclocal.txt", 1) not in found
    # (its last sentence, "を実行して完全なマニュアルを参照できます。", is the same text in both: a copy)
    assert found == [("automake.txt", 8)]


def test_latin_words_are_names_only_in_text_mostly_of_a_spaceless_script():
    from corpuslint.families.duplicate.meaning import embedded_names, names

    see_also = (REALTEXT / "manpages-ja-aclocal-see-also.txt").read_text(encoding="utf-8")
    assert {"aclocal", "texinfo"} <= names(see_also) and embedded_names(see_also) == {"aclocal", "texinfo", "info"}
    assert embedded_names("PDF ドキュメントを 12 ページにするために空白の 2 ページを追加する") == {"pdf", "12", "2"}
    # manpages-zh's coreutils pages: English under a CJK heading; its words are words
    assert embedded_names("版权 Copyright © 2022 Free Software Foundation, Inc. License GPLv3+: GNU GPL version 3") == set()
    assert embedded_names("The full documentation for aclocal is maintained as a Texinfo manual.") == set()


def test_d104_still_reports_a_cjk_near_copy_with_the_same_embedded_names(tmp_path):
    text = (REALTEXT / "manpages-ja-aclocal-see-also.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    edited = text.replace("適切に", "正しく")  # two characters changed, aclocal and Texinfo kept
    assert edited != text
    (tmp_path / "b.txt").write_text(edited, encoding="utf-8")
    found = [(Path(f.path).name, f.line) for f in lint_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
                                                              config={"select": ["D104"], **NO_CACHE})]
    assert ("b.txt", 1) in found


# -- A101: a glob's bracket expression --------------------------------------------------

def test_a101_leaves_a_bracket_expression():
    # glob(7) in Japanese: '"[A-Fa-f0-9]" は "[ABCDEFabcdef0123456789]" と等価となる' (:38)
    assert found("A101", REALTEXT / "manpages-ja-glob-ranges.txt") == []
    assert text_found("A101", "Use [!0-9a-f] or [^A-F] to exclude them.\n") == []


def test_a101_still_reports_an_id_in_brackets():
    # a hash's digits repeat: "[c480bd48f707c69dec54c9e7b6e22dd04cac659e]" is no character set
    assert text_found("A101", "The page [c480bd48f707c69dec54c9e7b6e22dd04cac659e] was reverted.\n") == [(1, 11)]
    # dash-separated groups in brackets are no ranges of single characters
    assert text_found("A101", "The page [9f3a-7b1c-0d2e-4a5b] was reverted.\n") == [(1, 11)]


# -- A103: a man page's section in capitals -----------------------------------------------

def test_a103_leaves_a_man_pages_section_heading():
    # chat(8) in Simplified Chinese keeps its English sections: "COMMENTS" over an indented body
    assert found("A103", REALTEXT / "manpages-zh-chat-comments.txt") == []


def test_a103_still_reports_a_menu_in_capitals():
    page = "HOME\nNEWS\nSPORTS\nCOMMENTS\nThe minister said on Monday that the talks would go on.\n"
    assert text_found("A103", page) == [(4, 1)]
    page = "HOME\nNEWS\nSPORTS\n\nCOMMENTS\n\nLeave a reply to the minister.\n"
    assert (5, 1) in text_found("A103", page)


# -- D105/D104: a page for each number ------------------------------------------------------

def _copied(tmp_path, names: list[str], texts: list[str], codes: str) -> list[tuple[str, str, int, str]]:
    paths = []
    for name, text in zip(names, texts):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return [(f.code, Path(f.path).name, f.line, f.message.split(" (")[0])
            for f in lint_paths(paths, config={"select": codes.split(","), **NO_CACHE})]


def test_d105_d104_leave_pages_that_differ_in_their_numbers(tmp_path):
    # evince's Japanese help: the 10-page and the 14-page booklet, one page each ("# 10
    # ページの小冊子"), whose steps differ in their page numbers; the steps they share word
    # for word (the help's template, in every booklet page) are D104's copies
    texts = [(REALTEXT / f"evince-ja-duplex-{n}pages.md").read_text(encoding="utf-8") for n in (10, 14)]
    got = _copied(tmp_path, ["evince-duplex-10pages.md", "evince-duplex-14pages.md"], texts, "D104,D105")
    assert not [g for g in got if g[0] == "D105" or "near-duplicates" in g[3]]
    assert got and all(g[3].startswith("paragraph copies") for g in got)


def test_d105_still_reports_a_page_copied_under_its_own_title(tmp_path):
    text = (REALTEXT / "evince-ja-duplex-14pages.md").read_text(encoding="utf-8")
    edited = text.replace("14, 3, 4, 13,", "14, 3, 4, 31,")  # one number slipped, the title kept
    assert edited != text
    got = _copied(tmp_path, ["a.md", "b.md"], [text, edited], "D104,D105")
    assert [g[:3] for g in got] == [("D105", "b.md", 1)]
