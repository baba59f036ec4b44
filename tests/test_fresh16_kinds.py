"""False-alarm kinds a new user (fresh16) met: French, German, Spanish, Dutch man pages
(manpages-l10n 4.18.1, GPL-3+, rendered with ``man -l | col -bx``), debian-reference 2.100
(GPL-2+), Arabic .po catalogues of LibreOffice 7.4.7 (MPL-2.0) and GTK 3.24 (LGPL-2+), and
LibreOffice's French UI strings (MPL-2.0). Each kind with the real excerpt, and a true
finding of the same rule beside it still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from corpuslint import lint_paths, lint_text
from corpuslint.cli import main

NO_CACHE = {"cache": False}


def found(code: str, text: str, path: str = "page.txt", **config) -> list:
    return lint_text(text, path=path, config={"select": [code], **NO_CACHE, **config})


def spans(code: str, text: str, path: str = "page.txt") -> list[str]:
    return [text[f.start : f.end] for f in found(code, text, path)]


def in_po(tmp_path, code: str, text: str, name: str = "vcl.po") -> list:
    """Findings of ``code`` in ``text`` read as a .po file (each msgstr a record, its msgid its source)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return lint_paths([str(path)], config={"select": [code], **NO_CACHE})


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


# manpages-fr diff3(1) lines 1-4 (the header as rendered, "de" doubled as fresh16 met it)
HEADER_FR = ("DIFF3(1)                            Commandes de de l'utilisateur                           DIFF3(1)\n\n"
             "NOM\n       diff3 - Comparer trois fichiers ligne par ligne\n")


def test_s104_doubled_word_in_a_man_page_header():
    assert spans("S104", HEADER_FR) == ["de de"]
    assert spans("S104", HEADER_FR.replace("de de", "de")) == []
    # still nothing in code: a doubled word in a fenced block of Markdown
    assert spans("S104", "Texte.\n\n```\nls de de\n```\n", "notes.md") == []


def test_s104_arabic_line_style_in_a_catalogue(tmp_path):
    # LibreOffice 7.4.7 ar editeng.po line 638, svx.po ("Dash Dot Dot")
    text = po(("Overline (dot dot dash)", "خط علوي (نقطة نقطة شرطة)"), ("Dash Dot Dot", "شَرْطة نقطة نقطة"),
              ("Open in window", "افتح في في نافذة"))
    assert [f.message for f in in_po(tmp_path, "S104", text, "editeng.po")] == ["'في' is repeated"]


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


# -- 1. W111 / W112: bidi controls a translator set around a Latin or digit run ---------------

# LibreOffice 7.4.7 ar svx.po line 2361, vcl.po line 334; GTK 3.24 ar gtk30.po lines 3426, 3454;
# svx.po line 2393 ("#11 Envelope"), line 2181 (Greek numbering: an override over letters)
ON_SCREEN = ("On-screen Show (4:3)", "عرض على الشاشة (\u202e4:3)")
ON_SCREEN_16_9 = ("On-screen Show (16:9)", "عرض على الشاشة (16:\u202e9)")
A4_EXTRA = ("A4 Extra", "\u200f\u202aA4\u202c أكبر")
ENVELOPE = ("#11 Envelope", "مغلف \u202a#11\u202c")
A3_EXTRA = ("A3 Extra", "\u202e\u202aA3\u202c إضافي")  # an RLO left open over an Arabic word
GREEK = ("α, β, γ, ... (Greek)", "\u202eα, β, γ, ... (يوناني)")
SCREEN = ("Screen 16:10", "شاشة 16\u200f:10")


def test_w111_display_fix_in_right_to_left_strings(tmp_path):
    text = po(ON_SCREEN, ON_SCREEN_16_9, A4_EXTRA, ENVELOPE, A3_EXTRA, GREEK)
    assert [f.line for f in in_po(tmp_path, "W111", text)] == [19, 22]  # A3 Extra, Greek
    # a reversed price stays reported, in Latin and in Arabic text; so does a PDF without opener
    assert spans("W111", "price\u202e001\u202c\n") == ["\u202e001\u202c"]
    assert spans("W111", "السعر \u202e001\u202c ريال\n") == ["\u202e001\u202c"]
    assert spans("W111", "السعر \u202cA4 ريال\n") == ["\u202c"]
    # overrides around every space and sign, a word processor's debris (news-ar-web, arramooz's
    # random text, labelled true), stay reported
    assert len(found("W111", "\u202e \u202cابتُليت\u202e \u202cأمتنا\u202e \u202cالعربية\n")) == 1
    assert len(found("W111", "\u202e❊) \u202cهذه\u202e \u202cالجملة\u202e \u202cأرويها\n")) == 1
    # and so do controls in code
    assert len(found("W111", "```\nx = \"\u202aA4\u202c أكبر\"\n```\n", "notes.md")) == 1


def test_w112_mark_ordering_a_number_in_right_to_left_text(tmp_path):
    text = po(SCREEN, ("Slide %1 of %2 (%3)", "الشّريحة %1 من %2 \u200f(%3)"))
    assert in_po(tmp_path, "W112", text) == []
    assert [f.line for f in in_po(tmp_path, "W112", po(("Catalan", "\u200f\u200fالكتالانية")))] == [7]
    for line in (SCREEN[1], "الشّريحة %1 من %2 \u200f(%3)"):
        assert spans("W112", line + "\n") == []
    # svt.po line 786: RLMs before an Arabic word change nothing
    assert spans("W112", "اللغة: \u200f\u200fالكتالانية\n") == ["\u200f\u200f"]
    assert spans("W112", "سنة 2020\u200f\n") == ["\u200f"]  # after a number at the line's end: nothing to order


# -- 2. W120: paper-size names; gluing the msgid has too ------------------------------------

def test_w120_paper_sizes_and_the_msgids_gluing(tmp_path):
    # LibreOffice 7.4.7 ar vcl.po lines 74, 114; svx.po line 2441; sw.po line 2005
    text = po(("A4", "أي4"), ("B4 (ISO)", "بي4 (ISO)"), ("16k (195 x 270)", "16ك (195 × 270)"),
              ("User-defined1", "عرّفه المستخدم١"), ("The result is 4374", "الناتج يساوي4374"))
    assert [f.message for f in in_po(tmp_path, "W120", text)] == ["no space between 'يساوي' and the number '4374'"]
    # in any text, a Latin letter spelled in Arabic and a number of one or two digits is a size name
    line = "مقاس الورق أي4 أو بي5، والناتج يساوي4374 ونظام 64بت\n"
    assert spans("W120", line) == ["يساوي4374", "64بت"]


# -- 3. S101: a keyboard accelerator inside a word; the broken plural أفعال ------------------

def _words(text: str, source: str | None) -> list[str]:
    from corpuslint.document import Document
    from corpuslint.families.spelling.analysis import analyse

    doc = Document("svx.po", text)
    doc.source = source
    state = analyse(doc, ("ar",))
    return state.langs["ar"].words.split("\n") if "ar" in state.langs else []


def test_spelling_reads_a_word_without_its_accelerator():
    # LibreOffice 7.4.7 ar svx.po line 9336 (msgid "Ma_tch case"), cui.po line 4291 ("_Replace By")
    assert _words("م_طابقة حالة الأحرف", "Ma_tch case")[0] == "مطابقة"
    assert _words("ا_ستبدال بِـ", "_Replace By")[0] == "استبدال"
    assert _words("ا~ستبدال الكل", "~Replace All")[0] == "استبدال"
    # outside a .po string a word's only marker is read the same (fresh27: a catalogue's strings
    # exported as plain text, "ر_وشنی"; fixp27), but two markers in one word are not a mnemonic
    assert _words("م_طابقة حالة الأحرف", None)[:2] == ["مطابقة", "حالة"]
    assert _words("م_طا_بقة حالة الأحرف", None)[:3] == ["م", "طا", "بقة"]


def test_s101_article_on_a_broken_plural_of_the_afaal_pattern():
    from corpuslint.families.spelling.backends import get_backend

    backend = get_backend("ar")
    # LibreOffice 7.4.7 ar sw.po line 7341: "الأنساق المتاحة" (the available formats), plural of نسق
    assert backend.pattern_slip("الأنساق") is None
    # "البدأ" (for البدء: the article on the verb بدأ) stays a slip
    assert "only a verb form" in backend.pattern_slip("البدأ")


# -- 5. A107: a table of references lists each beside its character -------------------------

# debian-reference 2.100 de, ch11 lines 707-731 (a table rendered one cell a line)
ENTITY_TABLE = (
    "Anders als beim Hinzufügen von Markierungen (Markups) erfordert XML minimale Konvertierungen am Inhalt, "
    "um vordefinierte Entitäten für die folgenden Zeichen zu nutzen:\n\n"
    "Tabelle 11.7. Liste von vordefinierten Entitäten für XML\n\nvordefinierte Entität\n\n"
    "Zeichen, in das konvertiert werden soll\n\n&quot;\n\n\" (Anführungszeichen)\n\n&apos;\n\n' (Apostroph)\n\n"
    "&lt;\n\n< (kleiner-als)\n\n&gt;\n\n> (größer-als)\n\n&amp;\n\n& (kaufmännisches Und)\n\nAchtung\n"
)


def test_a107_entities_listed_beside_their_characters():
    assert spans("A107", ENTITY_TABLE) == []
    # a reference left in a sentence beside the table is still reported
    assert spans("A107", ENTITY_TABLE + "\nEr sagte &quot;Hallo&quot; zum Paket.\n") == ["&quot;", "&quot;"]
    # and a lone reference whose next line is its character, with no table of entities above
    assert spans("A107", "Hinweis\n\n&quot;\n\n\" (Anführungszeichen)\n") == ["&quot;"]
