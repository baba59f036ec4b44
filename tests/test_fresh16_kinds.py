"""False-alarm kinds a new user (fresh16) met: French, German, Spanish, Dutch man pages
(manpages-l10n 4.18.1, GPL-3+, rendered with ``man -l | col -bx``), debian-reference 2.100
(GPL-2+), Arabic .po catalogues of LibreOffice 7.4.7 (MPL-2.0) and GTK 3.24 (LGPL-2+), and
LibreOffice's French UI strings (MPL-2.0). Each kind with the real excerpt, and a true
finding of the same rule beside it still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from corpuslint import lint_text
from corpuslint.cli import main

NO_CACHE = {"cache": False}


def found(code: str, text: str, path: str = "page.txt", **config) -> list:
    return lint_text(text, path=path, config={"select": [code], **NO_CACHE, **config})


def spans(code: str, text: str, path: str = "page.txt") -> list[str]:
    return [text[f.start : f.end] for f in found(code, text, path)]


def po(*pairs: tuple[str, str]) -> str:
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n'
    return head + "".join(f'\nmsgid "{a}"\nmsgstr "{b}"\n' for a, b in pairs)


# -- 4. S104: doublings that are grammar or a named sequence ------------------------------

# manpages-de find(1) line 521
FIND_DE = "              Dies ist erfolgreich, wenn der Zeitstempel X der Datei als neuer als der der Datei\n"
# manpages-es bash(1) line 1387
BASH_ES = "       Las órdenes nativas declare, local, y readonly aceptan cada una una opción -a para\n"
# debian-reference 2.100 fr, ch09 line 2315
DEBREF_FR = "Identifiez vos disques durs en en affichant la liste avec df(1).\n"
# manpages-nl find(1) line 313
FIND_NL = "              naam van het bestand van de map las en de tijd dat het het bestand probeert te\n"
# LibreOffice 7.4.7 fr svx (jsonl record fr/svx.mo/20015), editeng (fr/editeng.mo/6173)
LINE_STYLE_FR = "Tiret point point\n"
OVERLINE_FR = "Surlignage (point point tiret, gras)\n"
# LibreOffice 7.4.7 fr flt (fr/flt.mo/6337): "prise en charge" with "en" doubled, a slip
FLT_FR = "Un contrôle de formulaire contenait une action non prise en en charge par la norme PDF/A.\n"


def test_s104_grammatical_doublings():
    for text in (FIND_DE, BASH_ES, DEBREF_FR, FIND_NL, LINE_STYLE_FR, OVERLINE_FR):
        assert spans("S104", text) == [], text
    # true slips of the same words stay reported
    assert spans("S104", FLT_FR) == ["en en"]
    assert spans("S104", "Es ist und und so weiter in der Datei, die der der Nutzer las.\n") == ["und und", "der der"]
    assert spans("S104", "Il utilise le le fichier de la liste de de fichiers.\n") == ["le le", "de de"]
    assert spans("S104", "Le point point final.\n") == ["point point"]


def test_s104_arabic_line_style_in_a_catalogue(tmp_path):
    # LibreOffice 7.4.7 ar editeng.po line 638, svx.po ("Dash Dot Dot")
    text = po(("Overline (dot dot dash)", "خط علوي (نقطة نقطة شرطة)"), ("Dash Dot Dot", "شَرْطة نقطة نقطة"),
              ("Open in window", "افتح في في نافذة"))
    assert [f.message for f in found("S104", text, "editeng.po")] == ["'في' is repeated"]


# -- 6. UX: ``explain`` is ``rule``; the index's routine rebuild is no warning ---------------

def test_explain_is_an_alias_of_rule(capsys):
    assert main(["explain", "W114"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("W114 space-before-punctuation")
    assert main(["rule", "W114"]) == 0
    assert capsys.readouterr().out == out


def test_routine_table_rebuild_is_a_verbose_note(capsys, monkeypatch):
    from corpuslint import index

    monkeypatch.delenv("CORPUSLINT_DEBUG", raising=False)
    monkeypatch.setattr(index, "VERBOSE", False)
    index._note("cache: recomputed")
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(index, "VERBOSE", True)
    index._note("cache: recomputed")
    assert capsys.readouterr().err == "corpuslint: note: cache: recomputed\n"
    assert index._owner_words("spelling-table|ar,fa,ur|3") == "spelling-table for ar,fa,ur"
