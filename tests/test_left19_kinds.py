"""False-alarm kinds a docs maintainer (fresh18) found in Debian's installation-guide,
debian-reference and GNOME help, each with the real excerpt and a true finding of the same
rule beside it still reported. Sources: tests/data/realtext/SOURCE.md (left19): Debian
bookworm packages debian-reference-en / -ja / -zh-cn 2.100 (GPL-2+) and installation-guide-amd64
20230508+deb12u1 (GPL-2+); HTML converted with benchmarks/realtext.py's ``html_to_text``
keeping headings and no-break spaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_fixa16_kinds import found, spans


# -- 4. W102: DocBook binds a heading's label, number and title with no-break spaces -----------

# debian-reference-zh-cn 2.100 apa.zh-cn.html (its first heading and a section heading)
APPENDIX_ZH = "附录\u00a0A.\u00a0附录\n\n本文档背景\n\nA.1.\u00a0Debian 迷宫\n"
# debian-reference-en 2.100 ch04.en.html: a table caption whose title opens with a digit
TABLE_EN = ("4.1.\u00a0Normal Unix authentication\n\nNormal Unix authentication is provided by the pam_unix(8) "
            "module under the PAM (Pluggable Authentication Modules). Its 3 important configuration files, with "
            "\":\" separated entries, are the following.\n\n"
            "Table\u00a04.1.\u00a03 important configuration files for pam_unix(8)\n")


# installation-guide-amd64 20230508+deb12u1 zh_CN: cross-references in prose, apbs01.html
# ("第 B.2.3 节": section B.2.3) and ch06s03.html ("附录 C, ...": appendix C)
XREFS_ZH = ("它还让安装运行在 critical 优先级下，避免不重要的问题。参阅 第\u00a0B.2.3\u00a0节 “auto 模式” 了解详细信息。\n\n"
            "要是您对分区还有心存疑虑，或者只是想多了解一些细节，请参阅 附录\u00a0C, 为 Debian 准备分区。\n")
# the same caption as Markdown (markdownify: HTML to Markdown), bold
TABLE_MD = "**Table\u00a04.1.\u00a03 important configuration files for `pam_unix`(8)**\n"


@pytest.mark.parametrize("text", [APPENDIX_ZH, TABLE_EN, XREFS_ZH])
def test_w102_a_docbook_label_bound_to_its_number_and_title_is_typography(text):
    assert spans("W102", text) == []
    assert spans("W102", TABLE_MD, path="ch04.md") == []


def test_w102_a_scraped_no_break_space_beside_the_labels_is_still_reported():
    # a no-break space between two Chinese words and a letter that counts nothing, and one
    # between every word of a scraped English line
    assert spans("W102", APPENDIX_ZH + "\n他说\u00a0A 是对的。\n") == ["\u00a0"]
    assert spans("W102", TABLE_EN + "\nThe\u00a0President\u00a0said\n") == ["\u00a0President\u00a0"]


# -- 2. A103: the installer's component "main-menu" is a program's name -------------------------

# installation-guide-amd64 20230508+deb12u1 en/ch06s02.html and de/ch06s02.html (their first
# lines; the description's first sentence)
MAIN_MENU_EN = ("Here is a list of installer components with a brief description of each component's purpose. "
                "Details you might need to know about using a particular component are in Section 6.3, "
                "“Using Individual Components”.\n\nmain-menu\n\nShows the list of components to the user during "
                "installer operation, and starts a component when it is selected.\n")
MAIN_MENU_DE = ("6.2. Einführung in die Komponenten\n\nHier ist eine Liste der Installer-Komponenten mit einer kurzen "
                "Beschreibung ihrer Aufgabe. Details über die Verwendung einer speziellen Komponente finden Sie im "
                "Abschnitt 6.3, „Die einzelnen Komponenten“.\n\nmain-menu\n\nZeigt die Liste der Komponenten während "
                "des Installationsvorgangs an und startet eine ausgewählte Komponente, wenn diese aktiviert wird.\n")


@pytest.mark.parametrize("text", [MAIN_MENU_EN, MAIN_MENU_DE])
def test_a103_a_program_named_main_menu_is_not_navigation(text):
    assert spans("A103", text) == []


def test_a103_a_scraped_main_menu_is_still_reported():
    assert spans("A103", MAIN_MENU_EN + "\nMain menu\n\nSkip to content\n") == ["Main menu", "Skip to content"]
    assert spans("A103", MAIN_MENU_DE + "\nMain Menu\n") == ["Main Menu"]


# -- 5. W115: a quotation nested in another ------------------------------------------------------

# debian-reference-en 2.100 ch01.en.html (a footnote: every literal is set in quotes, and this
# literal holds a quoted pattern) and ch02.en.html (a command quoted with a stray space)
NESTED = ("The \"[\" and \"]\" in the regular expression of the \"ps aux | grep -e \"[e]xim4*\"\" command above enable "
          "grep to avoid matching itself. The \"4*\" in the regular expression means 0 or more repeats of character "
          "\"4\" thus enables grep to match both \"exim\" and \"exim4\".\n")
STRAY = ("You should remove all cached data by \"sudo rm -rf /var/lib/apt/* \" and try again. (If apt-cacher-ng is "
         "used, you should also run \"sudo rm -rf /var/cache/apt-cacher-ng/* \".)\n")


def test_w115_a_quotation_nested_in_another_is_no_space_inside_quotes():
    assert spans("W115", NESTED) == []
    # the same page's quoted commands with a space before the closing mark are still reported
    assert [f.message for f in found("W115", NESTED + "\n" + STRAY)] == ['space before closing "'] * 2
    # debian-reference-ja 2.100 ch04.ja.html: a stray space before the closing mark, the
    # abbreviation's bracket right after it
    apop = ("CPU に友好的な代替方法として、POP には \"パスワードを認証されたポストオフィスプロトコル \"(APOP) や SMTP や IMAP には "
            "\"チャレンジレスポンス認証メカニズム MD5\" (CRAM-MD5) といったセキュアーな認証プロトコルでパスワードのみを保護しつつ"
            "通信はプレーンテキストですることもできます。\n")
    assert [f.message for f in found("W115", NESTED + "\n" + apop)] == ['space before closing "']


# -- 3. D106: a package table's popcon cells and a Japanese loanword are no template lines ------

# debian-reference-en 2.100: rows of the package tables of ch06 (table 6.7), ch10 and ch12,
# one cell a line as html_to_text flattens a table row ("V:856, I:997" is popcon's vote and
# install counts)
POPCON_EN = {
    "ch06.txt": ("Table 6.7. List of remote access server and utilities\n\npackage\npopcon\nsize\ntool\ndescription\n\n"
                 "openssh-client\nV:856, I:997\n5609\nssh(1)\nSecure shell client\n"),
    "ch10.txt": ("coreutils\nV:908, I:999\n18062\nGNU cp\nlocally copy files and directories (\"-a\" for recursive)\n\n"
                 "openssh-client\nV:856, I:997\n5609\nscp\nremotely copy files and directories (client, \"-r\" for "
                 "recursive)\n"),
    "ch12.txt": "small and fast POSIX-compliant shell for sh\n\ncoreutils\nV:908, I:999\n18062\nGNU core utilities\n",
    "ch09.txt": "coreutils\nV:908, I:999\n18062\nnice(1): run a program with modified scheduling priority\n",
}
# debian-reference-ja 2.100: the admonition title "ヒント" (Tip) and a table header of ch06,
# ch07 and ch09
POPCON_JA = {
    "ch06.txt": ("ヒント\n\n最近の Debian に特化したネットワークインターフェースのガイドは、 The Debian Administrator's Handbook — "
                 "Network Infrastructure を参照ください。\n\n表6.1 ウェッブブラウザーのリスト\n\n"
                 "パッケージ\nポプコン\nサイズ\nタイプ\nウェッブブラウザーの説明\n\nchromium\nV:37, I:118\n212471\n"),
    "ch07.txt": ("ヒント\n\nDependency packages selected by a task metapackage may be out of sync with the latest package "
                 "transition state under the Debian unstable/testing environment.\n\n"
                 "パッケージ\nポプコン\nパッケージサイズ\n説明\n\nmutter\nV:3, I:99\n199\nGNOME の mutter ウィンドウマネージャ [自動]\n"),
    "ch09.txt": ("パッケージ\nポプコン\nサイズ\n説明\n\nmc\nV:54, I:226\n1482\n「ミッドナイトコマンダー (MC)」を参照\n\nヒント\n\n"
                 "screen を使うと、切断してもプロセスをアクティブにしておけその後で再接続した時にリアタッチできるので、"
                 "ダイヤルアップやパケット接続のような計量されたネットワーク接続での接続料金の節約ができます。\n"),
}


def _d106(root, files: dict[str, str]) -> list[tuple[str, str]]:
    from corpuslint import lint_paths

    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    found = lint_paths([root], config={"select": ["D106"], "cache": False})
    return sorted((f.path.rsplit("/", 1)[-1], (root / f.path.rsplit("/", 1)[-1]).read_text(encoding="utf-8")
                   .splitlines()[f.line - 1]) for f in found)


def test_d106_popcon_cells_and_a_lone_loanword_are_not_boilerplate(tmp_path):
    assert _d106(tmp_path / "en", POPCON_EN) == []
    assert _d106(tmp_path / "ja", POPCON_JA) == []


def test_d106_a_line_shared_by_the_pages_is_still_reported_beside_them(tmp_path):
    # a footer under every page, and the package cell "openssh-client" once more in a third page
    footer = "Share this page with your friends"
    en = {k: v + "\n" + footer + "\n" for k, v in POPCON_EN.items()}
    en["ch09.txt"] += "\nopenssh-client\nV:856, I:997\n5609\nssh(1)\n"
    got = _d106(tmp_path / "en", en)
    assert got == sorted([(k, footer) for k in POPCON_EN] + [(k, "openssh-client") for k in ("ch06.txt", "ch09.txt", "ch10.txt")])
    # in Japanese, a line of more than one word is still counted
    ja = {k: v.replace("パッケージ\nポプコン", "パッケージ名\nポプコン") for k, v in POPCON_JA.items()}
    assert _d106(tmp_path / "ja", ja) == [(k, "パッケージ名") for k in sorted(POPCON_JA)]


# -- 1. D103: parallel sentences whose lead-ins fill one frame with other cases -------------------

# installation-guide-amd64 20230508+deb12u1 en/ch05s02.html and fr/ch05s02.html, their first 13
# lines: 5.2.1's paragraphs on the newt and the text front-ends, each opening with its own case
REAL = Path(__file__).parent / "data" / "realtext"
FRONT_ENDS_EN = (REAL / "installation-guide-en-front-ends.txt").read_text(encoding="utf-8")
FRONT_ENDS_FR = (REAL / "installation-guide-fr-front-ends.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", [FRONT_ENDS_EN, FRONT_ENDS_FR])
def test_d103_sentences_about_two_front_ends_are_not_a_restatement(text):
    assert spans("D103", text) == []


def test_d103_a_restatement_is_still_reported_beside_them():
    news = (Path(__file__).parents[1] / "samples/news-ar/000_36f253348d6565aa.txt").read_text(encoding="utf-8")
    assert [f.line for f in found("D103", news)] == [4]
    assert [f.line for f in found("D103", FRONT_ENDS_EN + "\n" + news)] == [FRONT_ENDS_EN.count("\n") + 1 + 4]
    # one word swapped in the lead-in is as often a synonym: such a pair is still compared
    from corpuslint.families.duplicate.local import parallel_lead_ins

    assert not parallel_lead_ins("According to the Israeli army, the strike on the camp killed five people.",
                                 "According to the Israeli military, the strike killed five people.")
    first, second = (p for p in FRONT_ENDS_EN.split("\n\n") if p.startswith("With the "))
    assert parallel_lead_ins(first, second)
