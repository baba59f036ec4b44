"""False-alarm kinds and misses fresh23 met on a translation corpus (Debian man pages in
cs/pl/ru/uk, Django .po catalogues, Sphinx docs), each as a test on the real excerpt
(tests/data/realtext/SOURCE.md: "fixc23") with a true finding of the same rule beside it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import lint_text
from corpuslint.engine import apply_fixes
from corpuslint.families.spelling.repeated import _TERM_LOOKBACK_LINES, _TERM_MAX_CHARS, _item_term
from corpuslint.findings import Applicability

from .test_fresh_corpora import found  # (code, line, column) of one rule's findings


def at(code: str, text: str, needle: str) -> tuple[str, int, int]:
    """(code, line, column) of the first ``needle`` in ``text``, 1-based as findings are."""
    pos = text.index(needle)
    return code, text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)

# -- S104: words doubled in Cyrillic text are reported ------------------------------------

# Debian manpages-ru 4.18.1 random(4) and cpuset(7), manpages-uk gzip(1), as `man | col -bx` renders them
RANDOM_RU = (
    "       Устройство /dev/random является устаревшим интерфейсом, который\n"
    "       относится ко времени времени, когда криптографическим примитивам,\n"
    "       используемым в реализации /dev/urandom, не очень не доверяли. Интерфейс\n"
)
CPUSET_RU = (
    "       •  Необходимо разместить локальные данные нити в узлах памяти близко к\n"
    "          ЦП, на которых выполняются нити, то есть наиболее наиболее\n"
    "          востребованные данные;\n"
)
GZIP_UK = (
    "              Якщо вхідні дані збережено у форматі, який не розпізнає gzip, та\n"
    "              якщо вказано параметр параметр --stdout, копіювати вхідні дані\n"
    "              без змін на стандартне виведення: дозволити zcat поводитися, як\n"
)
# manpages-ru capabilities(7): a one-letter word doubled ("и и")
CAPABILITIES_RU = (
    "              В данной версии поддерживаются 64-битные маски файловых\n"
    "              мандатов, и и новый номер версии стал необходим для поддержки\n"
    "              мандатов более 32. Ядро продолжает прозрачно поддерживать\n"
)


def test_s104_reports_words_doubled_in_cyrillic_text():
    assert found("random.4.txt", "S104", RANDOM_RU) == [at("S104", RANDOM_RU, "времени времени")]
    assert found("cpuset.7.txt", "S104", CPUSET_RU) == [at("S104", CPUSET_RU, "наиболее наиболее")]
    assert found("gzip.1.txt", "S104", GZIP_UK) == [at("S104", GZIP_UK, "параметр параметр")]
    assert found("capabilities.7.txt", "S104", CAPABILITIES_RU) == [at("S104", CAPABILITIES_RU, "и и ")]


def test_s104_latin_words_in_cyrillic_text_stay_commands_and_names():
    # a Latin word doubled among Cyrillic words is a command or a name (the lead's rule, kept)
    assert found("x.txt", "S104", "Запустите команду service service operation на сервере.\n") == []


# manpages-uk size(1): the @file item, its placeholder "файл" after the noun "Файл";
# manpages-cs wget(1): "uživatel"/"heslo" after the options that take them
SIZE_UK = (
    "       @файл\n"
    "           Прочитати параметри командного рядка з файла файл. Прочитані\n"
    "           параметри буде вставлено замість початкового параметра @file.\n"
    "\n"
    "           Параметри у файлі файл слід відокремлювати пробілами. Файл файл може сам містити\n"
    "           додаткові параметри @file; усі такі параметри буде оброблено рекурсивно.\n"
)
WGET_CS = (
    "   Volby FTP\n"
    "       --ftp-user=uživatel\n"
    "       --ftp-password=heslo\n"
    "           Nastaví uživatelské jméno uživatel a heslo heslo pro FTP server.\n"
    "           Bez této volby, nebo odpovídající volby při startu, je jako výchozí\n"
    "           heslo použito -wget@, normálně používané pro anonymní FTP.\n"
)


def test_s104_a_noun_then_the_placeholder_its_item_term_names():
    assert found("size.1.txt", "S104", SIZE_UK) == []
    assert found("wget.1.txt", "S104", WGET_CS) == []
    # a doubled word the term does not name is still reported
    doubled = WGET_CS.replace("pro FTP server", "pro pro FTP server")
    assert found("wget.1.txt", "S104", doubled) == [at("S104", doubled, "pro pro")]


# Sphinx 9.0.4 CHANGES.rst (3.5.2 and 7.2 entries): C++'s "template template parameter" and a slip
CHANGES = (
    "* #8099: autodoc: NameError is raised when target code uses ``TYPE_CHECKING``\n"
    "* C++, fix parsing of template template parameters, broken by the fix of #7944\n"
    "\n"
    "* Restored the the :py:class:`str` interface of the asset classes\n"
    "  (``_CascadingStyleSheet`` and ``_JavaScript``),\n"
)


def test_s104_cpp_template_template_parameter_is_a_term():
    assert found("CHANGES.rst", "S104", CHANGES) == [at("S104", CHANGES, "the the")]
    other = "We use the template template for the page and more words here.\n"
    assert found("x.txt", "S104", other) == [at("S104", other, "template template")]


# -- S105: a correction rewrites a word: unsafe, offered with --unsafe-fixes ---------------

# npm srt-parser-2 1.2.3 README.md (MIT): "Enviroment" in a heading and in prose
README_SRT = (
    "### Enviroment support\n"
    "\n"
    "Since it only process text,  \n"
    "it should work in both `Browser` and `Node.js` enviroment\n"
)


def test_s105_corrections_are_unsafe_fixes():
    findings = lint_text(README_SRT, path="README.md", config={"select": ["S105"]})
    assert [(f.code, f.line, f.column) for f in findings] == [
        at("S105", README_SRT, "Enviroment"), at("S105", README_SRT, "enviroment")]
    assert all(f.fix is not None and f.fix.applicability is Applicability.UNSAFE for f in findings)
    assert apply_fixes(README_SRT, findings, unsafe=False) == (README_SRT, 0)  # --fix: no word rewritten
    fixed, count = apply_fixes(README_SRT, findings, unsafe=True)  # --fix --unsafe-fixes: both corrected
    assert count == 2 and fixed == README_SRT.replace("Enviroment", "Environment").replace("enviroment", "environment")


# -- A102: a man page's item term over its indented description is no widget residue ------

# manpages-uk nanorc(5) and gzip(1): options named on a line of their own, described below
NANORC_UK = (
    "          Автоматично встановлювати відступ у новоствореному рядку, з тієї\n"
    "          самої кількості символів табуляції і/або пробілів, що і у\n"
    "          попередньому рядку (або у наступному рядку, якщо попередній рядок\n"
    "          був початком абзацу).\n"
    "\n"
    "       set backup\n"
    "          При збереженні файла створювати резервну копію, назва якої\n"
    "          утворюється шляхом додавання тильди (~) до назви файла.\n"
    "\n"
    "       set boldtext\n"
    "          Використовувати напівжирний шрифт замість інверсії кольорів на\n"
)
GZIP_OPTIONS_UK = (
    "       -V --version\n"
    "              Версія. Вивести номер версії і параметри збирання, потім\n"
    "              завершити роботу.\n"
    "\n"
    "       -# --fast --best\n"
    "              Регулювати швидкість стискання за допомогою вказаної цифри #, де\n"
    "              -1 або --fast означає найшвидший спосіб стискання (найнижчий\n"
    "              рівень стискання), а -9 або --best означає найповільніший спосіб\n"
    "              стискання (найвищий рівень стискання).\n"
)


def test_a102_man_page_item_terms_are_not_residue():
    assert found("nanorc.5.txt", "A102", NANORC_UK) == []
    assert found("gzip.1.txt", "A102", GZIP_OPTIONS_UK) == []
    # a label left alone between paragraphs is still residue
    widget = NANORC_UK.replace("\n\n       set boldtext\n", "\n\n       menu\n\n       set boldtext\n")
    assert found("nanorc.5.txt", "A102", widget) == [at("A102", widget, "menu")]


# -- A110: a URL that is markup (an rst hyperlink target, an HTML attribute) ---------------

# Sphinx 9.0.4 doc/extdev/index.rst (an anonymous hyperlink's embedded target) and
# CHANGES 1.3 (a bare URL in prose: reported)
EXTDEV = (
    "There are nodes provided by docutils, which are documented `in the docutils\n"
    "documentation <https://docutils.sourceforge.io/docs/ref/doctree.html>`__.\n"
    "Additional nodes are provided by Sphinx and :ref:`documented here <nodes>`.\n"
    "\n"
    "* #1735: Use https://docs.python.org/ instead of ``http`` protocol.\n"
)
# Django 5.2.19 conf/locale/cs/LC_MESSAGES/django.po (an href inside the msgstr) and
# Sphinx 9.0.4 locale/ru/LC_MESSAGES/sphinx.po (a bare URL in a msgstr: reported)
DJANGO_CS = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '\n'
    '#, python-format\n'
    'msgid ""\n'
    '"View <a href=\\"https://docs.djangoproject.com/en/%(version)s/releases/\\" "\n'
    '"target=\\"_blank\\" rel=\\"noopener\\">release notes</a> for Django %(version)s"\n'
    'msgstr ""\n'
    '"Zobrazit <a href=\\"https://docs.djangoproject.com/en/%(version)s/releases/\\" "\n'
    '"target=\\"_blank\\" rel=\\"noopener\\">poznámky k vydání</a> frameworku Django "\n'
    '"%(version)s"\n'
    '\n'
    '#: _cli/__init__.py:113 _cli/__init__.py:181\n'
    'msgid "For more information, visit https://www.sphinx-doc.org/en/master/man/."\n'
    'msgstr "Для получения дополнительной информации посетите https://www.sphinx-doc.org/en/master/man/."\n'
)


def test_a110_urls_that_are_markup_are_not_reported():
    assert found("index.rst", "A110", EXTDEV) == [at("A110", EXTDEV, "https://docs.python.org/")]
    got = found("django.po", "A110", DJANGO_CS)
    sphinx_entry = DJANGO_CS.count("\n", 0, DJANGO_CS.index("#: _cli")) + 1
    assert got and all(line > sphinx_entry for _, line, _ in got)  # the bare URLs, not the href


# -- A106: a tag quoted as the subject of a sentence, wrapped over two lines ---------------

# manpages-cs wget(1), --page-requisites: the tag the author met, quoted, wrapped by man
WGET_LINK_CS = (
    "           Nicméně autor této volby narazil na stránku s tagy typu \"<LINK\n"
    "           REL=\"home\" HREF=\"/\">\" a došlo mu, že určení ignorovaných tagů\n"
    "           nestačí. Člověk prostě nemůže říct Wgetu, aby ignoroval \"<LINK>\",\n"
    "           protože potom se nestáhnou stylesheets.\n"
)


def test_a106_a_quoted_tag_wrapped_over_two_lines_is_named():
    assert found("wget.1.txt", "A106", WGET_LINK_CS) == []
    # the same tag left glued to the words is a leftover
    glued = WGET_LINK_CS.replace('typu "<LINK\n           REL="home" HREF="/">" a', 'typu<LINK\n           REL="home" HREF="/">a')
    assert found("wget.1.txt", "A106", glued) == [at("A106", glued, "<LINK")]


# chatterbot-corpus (the chat-chatterbot real-text corpus): Bengali reduplications, which are
# grammar, and a Ukrainian reply whose last word is doubled (a slip)
BENGALI = (
    '{"id": "food:8:1", "role": "assistant", "text": "মাঝে মাঝে যখন আমার বিদ্যুৎ সরবরাহ ভালো থাকে তখন আমি মদ্যপ বোধ করি"}\n'
    '{"id": "computer:8:1", "role": "assistant", "text": "যারা দ্রুতগতি ও নির্ভুলতার সাথে বড় বড় জটিল কাজ করতে চায়।"}\n'
)
UKRAINIAN = ('{"id": "money:18:1", "role": "assistant", "text": "технічно - це наука про розподіл ресурсів в '
             'умовах їх дефіциту дефіциту."}\n')


def test_s104_south_asian_reduplication_is_grammar_a_cyrillic_doubling_a_slip():
    assert found("bengali.jsonl", "S104", BENGALI) == []
    assert [code for code, _, _ in found("ukrainian.jsonl", "S104", UKRAINIAN)] == ["S104"]


# -- properties ------------------------------------------------------------------------------

def _item_term_by_definition(text: str, line_start: int) -> str | None:
    lines = text[:line_start].split("\n")[:-1]  # the lines above, whole
    line = text[line_start:].split("\n", 1)[0]
    indent = len(line) - len(line.lstrip(" \t"))
    if indent == 0:
        return None
    for above in list(reversed(lines))[:_TERM_LOOKBACK_LINES]:
        if above.strip(" \t\r") and len(above) - len(above.lstrip(" \t")) < indent:
            return above if len(above) <= _TERM_MAX_CHARS else None
    return None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.sampled_from(["", "set backup", "@файл", "-o file", "Прочитати параметри"])),
                min_size=1, max_size=50), st.data())
def test_item_term_reads_indentation_as_the_definition(rows, data):
    text = "".join(" " * n + words + "\n" for n, words in rows)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"][:-1]
    start = data.draw(st.sampled_from(starts))
    assert _item_term(text, start) == _item_term_by_definition(text, start)
