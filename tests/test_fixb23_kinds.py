"""fixb23: false-alarm kinds a new user (fresh23) found on a translation corpus: Debian man pages
rendered as text in seven languages, Django and Sphinx catalogues, npm READMEs.

Excerpts (sources and licences in tests/data/realtext/SOURCE.md, "fixb23") are inline, as
fresh23's corpus holds them; each test keeps a true finding of the same rule beside them."""

from __future__ import annotations

import polib
import pytest

from corpuslint.engine import lint_text

from .conftest import run_cli


def _found(text: str, code: str, path: str = "page.txt") -> list:
    return [f for f in lint_text(text, path) if f.code == code]


# -- 4. W114: a mark named as itself (its safe fix glued it to the word, changing what is said) --

# du(1) in Ukrainian (manpages-uk 4.18.1, GPL-3+): "the pattern ? matches any single character",
# the sentence wrapped after the mark; who(1) in Serbian: "adds the user's message status as +,
# - or ?", the mark ending a list of signs.
DU_UK = """ВЗІРЦІ
       ВЗІРЕЦЬ є взірцем командної оболонки (не формальним виразом). Взірець ?
       відповідає будь-якому одинарному символу, а * відповідає будь-якому
       рядку (що складається з нуля, одного або декількох символів).
"""
WHO_SR = """       -T, -w, --mesg
              додаје стање поруке корисника као +, - или ?

       -u, --users
              исписује пријављене кориснике
"""
# a spaced full stop after a placeholder (Django 5.2 bg, conf/locale, BSD-3-Clause; labelled true)
BG_STOP = "Уверете се, че тази стойност е по-малка или равна на %(limit_value)s .\n"


def test_w114_a_mark_named_at_a_line_end_or_among_signs_is_not_a_sentence_mark():
    # lead: "Взірець ?" -> safe fix "Взірець?". The mark may be named: no safe fix (and on the
    # whole page, which quotes commands, no finding: a manual's indented text naming the mark)
    assert [f.fix.applicability.value for f in _found(DU_UK, "W114")] == ["unsafe"]
    assert _found(WHO_SR, "W114") == []  # lead: "или ?" -> "или?"
    assert [f.column for f in _found(BG_STOP, "W114")] == [69]
    # a question ended before a capital on the next line is a question: still a safe fix
    question = "Чи можна так ?\nТак, можна.\n"
    assert [f.fix.applicability.value for f in _found(question, "W114", "q.md")] == ["safe"]
    # a lone dash before the short word is no list of signs: "gtbl - або ?" stays reported, and so
    # does a spaced list's separator after a short item (C4 in llm-data-llamafactory, record 198)
    assert len(_found("Він написав gtbl - або ? Ні.\n", "W114", "p.md")) == 1
    c4 = "Birdcalls ; a variety of nests ; Extraordinary eggs ; Birds of prey ; Owls ; Big birds -- 7.\n"
    assert len(_found(c4, "W114", "p.md")) == 5


# -- 5. Fixes that chain: W114 on a formula's conditional operator once W103 unaligned it -----

# capabilities(7) in Russian (manpages-ru 4.18.1, GPL-3+ translation of the Linux man-pages,
# "Transformation of capabilities during execve()"), with a true doubled space above it.
CAPABILITIES_RU = """              Since Linux 5.12, this capability is also needed to map user ID
              0 in a new user namespace; see user_namespaces(7)  for details.

   Преобразование мандатов при execve()
       При execve(2) ядро вычисляет новые мандаты процесса по следующему
       алгоритму:

           P'(ambient) =     (привилегированный файл) ? 0 : P(ambient)

           P'(permitted)   = (P(inheritable) & F(inheritable)) |
                             (F(permitted) & P(bounding)) | P'(ambient)

           P'(effective) =   F(effective) ? P'(permitted) : P'(ambient)

           P'(inheritable) = P(inheritable)    [т. е., не изменяется]
"""


def test_w114_a_conditional_operator_is_the_formulas():
    # the line as lead's --fix left it (W103 had unaligned it): W114 then fired on ": P"
    unaligned = CAPABILITIES_RU.replace("P'(ambient) =     (", "P'(ambient) = (")
    assert _found(unaligned, "W114") == []
    assert _found(unaligned.replace("  F(effective)", " F(effective)"), "W114") == []
    assert len(_found(unaligned + BG_STOP, "W114")) == 1  # the stray stop beside it stays


def test_fix_fixes_what_check_reported_on_the_formula(tmp_path):
    page = tmp_path / "capabilities.7.txt"
    page.write_text(CAPABILITIES_RU, encoding="utf-8")
    check = run_cli("check", "--no-cache", "--select", "W103,W114", "--output-format", "concise", str(page))
    assert check.stdout.count(" W103 ") == 1 and " W114 " not in check.stdout  # only "(7)  for"
    fixed = run_cli("check", "--no-cache", "--select", "W103,W114", "--fix", str(page))
    assert "1 fixed" in fixed.stdout  # lead: 2 reported, "3 fixed" (W114 found by the second pass)
    text = page.read_text(encoding="utf-8")
    assert "user_namespaces(7) for details" in text
    assert "P'(ambient) =     (привилегированный файл) ? 0 : P(ambient)" in text


# -- 6. W103 on a rendered man page's layout ------------------------------------------------

# psselect(1) in Polish (manpages-pl 4.18.1, GPL-3+): the footer, its left column empty
PSSELECT_PL = """       Błędy w tłumaczeniu strony podręcznika prosimy zgłaszać na adres listy
       dyskusyjnej ⟨manpages-pl-list@lists.sourceforge.net⟩.

                           PSUtils Wydanie 1 Łata 17               PSSELECT(1)
"""
# rsync(1) in Turkish (manpages-tr 2.0.6, GPL): an example's notes in a column, two lines padded
# to one width
RSYNC_TR = """           Örnek komut: rsync -a /home/ben/ /home/sen/ /hedef
           +/- kalıbı: /foo/bar               (dikkat: "ben" yok)
           +/- kalıbı: /bar/baz               (dikkat: "sen" yok)
           Hedef dosya: /hedef/foo/bar
           Hedef dosya: /hedef/bar/baz

           Örnek komut: rsync -a --relative /home/ben/ /home/sen /hedef
           +/- kalıbı: /home/ben/foo/bar       (dikkat: tam dosyayolu)
           +/- kalıbı: /home/sen/bar/baz       (keza bu da)
           Hedef dosya: /hedef/home/ben/foo/bar
"""
# procmailrc(5) in Czech (manpages-cs 4.18.1, GPL-3+): two spaces after an emoticon ending a sentence
PROCMAILRC_CS = """       LOGFILE     Tento soubor bude obsahovat jakákoliv chybová nebo
                   diagnostická hlášení procmailu (za normálních okolností
                   žádná :-)  příp. jiných programů spuštěných procmailem.
                   Jestliže tento soubor není definován, veškerá diagnostická
"""
# less(1) in Polish (manpages-pl 4.18.1, GPL-3+) and mailx(1) (bsd-mailx): tagged paragraphs,
# a short tag padded to its text's column, as wide as the next item's tag or its text's indent
LESS_PL = """       latin9 To samo, co iso8859.

       dos    Wybiera zestaw znaków odpowiedni dla MS-DOS-u.

       ebcdic Wybiera zestaw znaków EBCDIC.
"""
MAILX_PL = """     ~rplik
     ~<plik  Dodaje zawartość podanego pliku do edytowanej wiadomości.

     ~stekst
             Zmienia temat wiadomości na podany tekst.
"""
# systemctl(1) in Ukrainian (manpages-uk 4.18.1, GPL-3+): a doubled space inside a sentence
SYSTEMCTL_UK = """           керування системою. Це означає, що команда має бути успішною,
           навіть якщо  засіб керування системою зазнав збою.
"""


@pytest.mark.parametrize("layout", [PSSELECT_PL, RSYNC_TR, PROCMAILRC_CS, CAPABILITIES_RU.split("\n\n", 1)[1],
                                    LESS_PL, MAILX_PL])
def test_w103_man_page_layout_is_not_a_doubled_space(layout):
    assert _found(layout, "W103") == []
    found = _found(SYSTEMCTL_UK + "\n" + layout, "W103")
    assert [(f.line, f.column) for f in found] == [(2, 23)]  # "якщо  засіб" stays


def test_w103_copies_of_one_line_padded_alike_are_no_column():
    copy = "           see the notes here      (and there)\n"
    assert len(_found("Prose first.\n\n" + copy + copy, "W103")) == 2
    # a doubled space after a paragraph's first word is no tag when the next paragraph's first
    # word does not fill that column
    prose = "       Tento  soubor bude obsahovat hlášení.\n\n       Jestliže tento soubor není definován.\n"
    assert len(_found(prose, "W103")) == 1


# -- 8. Marks and spaces set on purpose ------------------------------------------------------

# Django 5.2 fa, contrib/admin (BSD-3-Clause): "%(app)s administration", the placeholder between LRMs
FA_ADMIN = 'msgid "%(app)s administration"\nmsgstr "مدیریت \u200e%(app)s\u200e"\n'


def _po(entries: list[tuple[str, str]], lang: str) -> str:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": lang}
    for msgid, msgstr in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    return str(po)


def test_w112_marks_around_a_placeholder_in_right_to_left_text_isolate_it(tmp_path):
    wrapped = ("%(app)s administration", "مدیریت \u200e%(app)s\u200e")
    (tmp_path / "django.po").write_text(_po([wrapped], "fa"), encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "W112", "--output-format", "concise", str(tmp_path / "django.po"))
    assert " W112 " not in proc.stdout, proc.stdout
    # a mark after the placeholder without its pair before it, and an RLM between two Persian words
    stray = [("%(app)s administration", "مدیریت %(app)s\u200e"), ("Log in", "ورود\u200f کاربر")]
    (tmp_path / "django.po").write_text(_po([wrapped, *stray], "fa"), encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "W112", "--output-format", "concise", str(tmp_path / "django.po"))
    assert proc.stdout.count(" W112 ") == 2, proc.stdout


# nanoid 5.1.16 README (MIT): an article bound to the next word with a no-break space; the
# author's others ("unique\u00a0string", "No\u00a0dependencies") bind longer words, as a stray
# would, and stay reported (numbers bound to their words were typography already)
NANOID = ("A tiny, secure, URL-friendly, unique\u00a0string ID\u00a0generator for\u00a0JavaScript.\n\n"
          "- **Small.** 118 bytes (minified and brotlied). No\u00a0dependencies.\n"
          "  [Size Limit] controls the size.\n"
          "- **Short IDs.** It uses a\u00a0larger alphabet than UUID (`A-Za-z0-9_-`).\n"
          "  So ID size was reduced from\u00a036\u00a0to\u00a021\u00a0symbols.\n")
# Django 5.2 pl conf/locale (BSD-3-Clause; labelled true): a stray one after a long word
PL_GRAPHIC = "Aktualnie przesłany plik nie jest grafiką\u00a0lub jest uszkodzony.\n"


def test_w102_a_one_letter_word_bound_to_the_next_is_typography():
    found = _found(NANOID + PL_GRAPHIC, "W102", "README.md")
    assert [(f.line, f.message) for f in found] == [
        (1, "non-standard spaces: 3 no-break spaces (U+00A0)"), (3, "non-standard space: 1 no-break space (U+00A0)"),
        (7, "non-standard space: 1 no-break space (U+00A0)")]
