"""fresh37's kinds (session 50, helper s50b): unsafe fixes that must leave well-formed text,
on real excerpts quoted inline (fortunes-es and fortunes-de, Debian bookworm, free;
manpages-l10n 4.18.1-1, GPL-3+; see tests/data/realtext/SOURCE.md, section s50b)."""

from __future__ import annotations

from corpuslint import lint_paths, lint_text
from corpuslint.engine import apply_fixes

from .test_s49c_kinds import REFRANES_ES  # (its lines 1243-1254: the start of this excerpt)

NO_CACHE = {"cache": False}


def fixed(code: str, text: str, path: str = "page.txt") -> tuple[list[int], str]:
    """(lines of the ``code`` findings of ``text``, the text ``--fix --unsafe-fixes`` leaves)."""
    found = [f for f in lint_text(text, path=path, config={"select": [code], **NO_CACHE}) if f.code == code]
    return [f.line for f in found], apply_fixes(text, found, unsafe=True)[0]


# -- D101 in a quote collection: the copy's record goes whole, with one "%" line -----------------

# fortunes-es (bookworm) refranes, lines 1243-1264 (trailing spaces dropped): two proverbs entered
# again with a comma ("A misa temprano, nunca va el amo." is fresh37's line 1261)
REFRANES = REFRANES_ES + """\
Amigo y de fiel empeño; es el perro con su dueño.
%
A misa, no se va con prisa.
%
A misa temprano nunca va el amo.
%
A misa temprano, nunca va el amo.
%
Amistad de boquilla, no vale una cerilla.
%
"""

# fortunes-de (bookworm) wusstensie, lines 297-311 (cut): each entry "Wußten Sie schon..." then
# its "... daß" line; the last entry is the third again
WUSSTENSIE = """\
Wußten Sie schon...
... daß ein Doppelgänger keineswegs vier Füße braucht?
%
Wußten Sie schon...
... daß auch eine Zuckerpuppe ganz schön sauer werden kann?
%
Wußten Sie schon...
... daß Goethe, trotz seiner sprichwörtlichen Verlogenheit, nicht
gelogen hat?
%
Wußten Sie schon...
... daß ein Doppelgänger keineswegs vier Füße braucht?
"""


def test_d101_fix_deletes_a_quote_entered_twice_with_its_separator():
    """Deleting only the copied line of a fortune left an empty entry, "%" over "%" (fresh37's
    es-refranes:1261), or the entry's header alone ("Wußten Sie schon..." over "%"): the
    record goes whole with the "%" line after it, or before it for the last record."""
    lines, text = fixed("D101", REFRANES)
    assert lines == [3]
    assert text == REFRANES.replace("Amigo sin dinero, eso quiero; que dinero sin amigo, a veces no vale un higo.\n%\n", "")
    lines, text = fixed("D101", WUSSTENSIE)
    assert lines == [11]
    assert text == WUSSTENSIE[: WUSSTENSIE.rindex("%\n")]


# -- D106 on a hard-wrapped sentence: no fix that deletes a part of it -------------------------

# csv2rec(1), rec2csv(1), recdel(1) of manpages-pt-br 4.18.1-1 (GPL-3+), lines 35-48 (recdel: 63-76)
# as ``man -l | col -bx`` renders them: "VEJA TAMBÉM" names the page's program in its second line
RECUTILS_SEE_ALSO = """\
DIREITOS AUTORAIS
       Copyright © 2010-2020 Jose E. Marchesi. Licença GPLv3+: GNU GPL  versão
       3 ou posterior <http://gnu.org/licenses/gpl.html>.
       Este é um software livre: você é livre para alterá-lo e redistribuí-lo.
       NÃO HÁ QUALQUER GARANTIA, na máxima extensão permitida em lei.

VEJA TAMBÉM
       A documentação completa para {name} é mantida como um{wide}manual  Texinfo.
       Se  {os}programas info e {name} estiverem instalados apropriadamente em
       sua máquina, o comando

              info recutils

       deve lhe dar acesso ao manual completo.
"""
RECUTILS = {"csv2rec": (" ", "os "), "rec2csv": (" ", "os "), "recdel": ("  ", "os  ")}


# npm 11 CLI docs (Artistic-2.0): the package forms listed in developers.md (line 24-25) and in
# npm-publish.md / npm-install.md (49-50, 40-41), the first item's link written only in the latter
NPM_FORMS = {
    "developers.md": "* a) a folder containing a program described by a package.json file\n",
    "npm-publish.md": "* a) a folder containing a program described by a [`package.json`](/configuring-npm/package-json) file\n",
    "npm-install.md": "* a) a folder containing a program described by a [`package.json`](/configuring-npm/package-json) file\n",
}


def test_d106_a_common_part_of_a_wrapped_sentence_is_reported_without_a_fix(tmp_path, monkeypatch):
    """The recutils pages share "sua máquina, o comando", the display "info recutils" and "deve lhe
    dar acesso ao manual completo.", but the sentence they end opens on a line naming each page's
    program: deleting them left "... instalados apropriadamente em" cut (fresh37's csv2rec:44,
    labelled false for its fix). They are still reported (the sentence is the template's), without a
    fix; the copyright paragraph, common whole, keeps its fix, and the fixes leave whole sentences."""
    for name, (wide, os_) in RECUTILS.items():
        (tmp_path / f"{name}.1.txt").write_text(RECUTILS_SEE_ALSO.format(name=name, wide=wide, os=os_), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = [f for f in lint_paths(["."], config={"select": ["D106"], **NO_CACHE}) if f.path == "csv2rec.1.txt"]
    assert [(f.line, f.fix is not None) for f in found] == [
        (2, True), (3, True), (4, True), (5, True), (10, False), (12, False), (14, False)]
    text = (tmp_path / "csv2rec.1.txt").read_text(encoding="utf-8")
    assert apply_fixes(text, found, unsafe=True)[0] == "DIREITOS AUTORAIS\n" + text[text.index("\nVEJA") :]
    # a list's next item is no wrapped line of the one before: "* b) a gzipped tarball containing (a)"
    # after "* a) …" (whose link developers.md does not write) keeps its fix
    for name, first in NPM_FORMS.items():
        (tmp_path / name).write_text(f"# {name}\n\n{first}* b) a gzipped tarball containing (a)\n", encoding="utf-8")
    found = [f for f in lint_paths(["."], config={"select": ["D106"], **NO_CACHE}) if f.path == "developers.md"]
    assert [(f.line, f.fix is not None) for f in found] == [(4, True)]


# -- S104: a noun, then the placeholder its man page's synopsis names -----------------------------

# memusage(1) in French (manpages-fr 4.18.1-1, GPL-3+), lines 1-12 as ``man -l | col -bx`` renders
# them: "programme" is the synopsis's argument, set in italics after the noun in the description
MEMUSAGE_FR = """\
memusage(1)                 General Commands Manual                memusage(1)

NOM
       memusage - Profiler l'utilisation par un programme de la mémoire

SYNOPSIS
       memusage [option]... programme [optionprogramme]...

DESCRIPTION
       memusage est un script bash qui profile l'utilisation de la mémoire par
       le programme programme. Il  précharge  la  bibliothèque  libmemusage.so
       dans  l'environnement de l'appelant (au moyen de la variable d'environ‐
"""

# linuxdoc(1) in Italian (manpages-it 4.18.1-1, GPL-3+), lines 1-10 and 77-79: "di di", a slip
LINUXDOC_IT = """\
LINUXDOC(1)                 General Commands Manual                LINUXDOC(1)

NOME
       linuxdoc - LinuxDoc DTD SGML convertitore ad altri formati di uscita

SINTASSI
       linuxdoc --backend=formato
       --papersize=size --language=linguaggio --charset=carattere --style=file
       --debug --define attributo=valore --include entity [opzione-backend...]
       file(.sgml)

              condizionali "if" e "unless". Vedere la  Guida  dell'Utente  per
              una  discussione  estesa  di  di  questa  caratteristica. Questa
"""


def test_s104_a_noun_then_the_synopsis_placeholder_of_that_name_is_no_slip():
    """memusage(1) fr, "le programme programme" (fresh37, labelled false): the noun, then the
    argument its synopsis names ("memusage [option]... programme [optionprogramme]..."), whose
    italics plain text lost. A doubled word the synopsis does not name is still reported."""
    assert fixed("S104", MEMUSAGE_FR, "memusage.1.txt")[0] == []
    assert fixed("S104", MEMUSAGE_FR.replace("programme [option", "commande [option"), "memusage.1.txt")[0] == [11]
    assert fixed("S104", LINUXDOC_IT, "linuxdoc.1.txt")[0] == [13]
