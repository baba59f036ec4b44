"""fresh37's kinds (session 49, helper s49c): European Latin-script man pages rendered with
``man -l | col -bx``, GNOME help in Markdown, fortunes. Each kind on its real excerpt (quoted
inline: manpages-l10n 4.18.1-1, GPL-3+; gnome-user-docs 43.0-2, CC-BY-SA-3.0; fortunes-es,
bookworm, free; see tests/data/realtext/SOURCE.md), with a true finding of the same shape kept."""

from __future__ import annotations

from corpuslint import lint_text

NO_CACHE = {"cache": False}


def fixes(code: str, text: str, path: str = "page.txt", lang: str | None = None) -> list[tuple[int, int, str | None]]:
    """(line, column, fix safety) of each ``code`` finding of ``text``, its file declared ``lang``."""
    config = {"select": [code], **NO_CACHE}
    if lang:
        config["per-file-language"] = {"*": lang}
    return [(f.line, f.column, f.fix.applicability.value if f.fix else None)
            for f in lint_text(text, path=path, config=config)]


# -- W114: a mark alone at a line end as a preposition's object (the dot named) -------------

# ls(1)/vdir(1) in Romanian and dir(1) in Spanish (manpages-ro, manpages-es 4.18.1-1), lines 13-21
VDIR_RO = """\
DESCRIERE
       Listează informații despre FIȘIERE (directorul curent în mod implicit).

       Argumentele obligatorii pentru opțiunile lungi sunt obligatorii și pentru
       opțiunile scurte.

       -a, --all
              nu ignoră intrările care încep cu .

       -A, --almost-all
              în mod implicit, nu listează . și ..

EXEMPLE
       ls -la /tmp
"""
DIR_ES = VDIR_RO.replace("nu ignoră intrările care încep cu .", "no oculta las entradas que comienzan con .")


def test_w114_leaves_the_dot_named_after_a_preposition_at_a_line_end_of_a_manual():
    assert fixes("W114", VDIR_RO, "man/ro/vdir.1.txt", "ro") == []
    assert fixes("W114", DIR_ES, "man/es/dir.1.txt", "es") == []
    # the same page with a sentence ending in a long word: a slip, its fix safe
    text = VDIR_RO.replace("care încep cu .", "care încep cu punct .")
    assert fixes("W114", text, "man/ro/vdir.1.txt", "ro") == [(8, 54, "safe")]


def test_w114_gives_no_safe_fix_to_a_dot_after_a_short_word_ending_a_manuals_line():
    # no language declared (or one without a list): still reported, but "cu." would change the meaning
    assert fixes("W114", VDIR_RO, "man/ro/vdir.1.txt") == [(8, 48, "unsafe")]
    assert fixes("W114", DIR_ES, "man/es/dir.1.txt", "hu") == [(8, 55, "unsafe")]


def test_w114_keeps_a_preposition_before_a_lost_link_in_help_text_without_a_safe_fix():
    # gnome-help in Spanish converted to Markdown, the link's text lost: a defect, but "en." mends nothing
    text = ("El sistema depende del sistema de gestión de color Argyll para soportar instrumentos de color. "
            "Puede encontrar una lista de instrumentos de medida soportados en .\n")
    assert fixes("W114", text, "help/es/color-calibrationdevices.md", "es") == [(1, 161, "unsafe")]


def test_w114_reports_a_separable_prefix_or_reflexive_pronoun_in_its_declared_language():
    # German "an" ends the clause (anrufen), Czech "se" is the reflexive: the space is a slip
    assert fixes("W114", "Er ruft morgen an .\n", "help/de/x.md", "de") == [(1, 18, "safe")]
    assert fixes("W114", "Usmál se .\n", "help/cs/x.md", "cs") == [(1, 9, "safe")]
    # English "an" before a named mark is still the article ("an . at the start")
    assert fixes("W114", "Each hidden name has an . at its start\n", "x.md", "en") == []


# -- W103: a rendered manual's layout (man -l page | col -bx) ---------------------------------

# sed(1) in Romanian (manpages-ro 4.18.1-1): the header, NUME, and the start of COMANDĂ REZUMAT,
# whose short tags ("}", "=") set their text on their own line at the paragraphs' indentation
SED_RO = """\
SED(1)                        Comenzi utilizator                        SED(1)

NUME
       sed - editor de flux pentru filtrarea și transformarea textului

COMANDĂ REZUMAT
       Acesta este doar un rezumat scurt ale comenzilor sed pentru a servi  ca
       o  aducere  aminte  pentru  cei  care  știu deja sed; altă documentație
       (precum documentul texinfo)  trebuie să fie consultată pentru descrieri
       mai complete.

   „Comenzi” de adresă zero
       : label
              Etichetă pentru comenzile b și t.

       #comment
              Comentariul  se  extinde  până  la  următoarea  linie  nouă (sau
              sfărșitul unui fragment de script -e).

       }      Paranteza de închidere a unui bloc { }.

   Comenzi de adresă zero sau unu
       =      Tipărește numărul de linie curentă.

       a \\
"""


def test_w103_leaves_a_manuals_short_tag_padded_to_its_paragraphs_indentation():
    assert fixes("W103", SED_RO, "man/ro/sed.1.txt", "ro") == []
    # padded to another column (12, not the paragraphs' 14): reported, and no safe fix for the
    # run of four (a manual's run of three or more may pad a column)
    text = SED_RO.replace("=      Tipărește", "=    Tipărește")
    assert fixes("W103", text, "man/ro/sed.1.txt", "ro") == [(23, 9, "unsafe")]


# zless(1) in German (manpages-de 4.18.1-1), justified by groff: a line at the margin quoting
# "[|&^`" is no drawn table's row, and its stretch "von  less(1)." is the justification's
ZLESS_DE = """\
ZLESS(1)                    General Commands Manual                   ZLESS(1)

BEZEICHNUNG
       zless - Dateiansichtsfilter für die Bildschirmausgabe von komprimiertem
       Text

ÜBERSICHT
       zless [ Name … ]

BESCHREIBUNG
       Der Befehl zless ist ein Filter, der die seitenweise Untersuchung  kom‐
       primierter oder einfacher Textdateien in einem Terminal ermöglicht. Der
       Befehl entspricht dem Setzen der Umgebungsvariablen LESSOPEN auf »|gzip
       -cdfq  -- %s« sowie LESSMETACHARS auf »<Leerzeichen><Tabulator><Zeilen‐
       umbruch>;*?"()<>[|&^`#\\$%=~« und nachfolgender Ausführung von  less(1).
       Wie  auch  immer, offensichtlich gibt es genug Benutzer, die den Befehl
       zless für wichtig genug halten, um dessen Existenz zu rechtfertigen.
"""


def test_w103_leaves_the_stretch_of_a_justified_line_holding_a_pipe_inside_a_word():
    assert fixes("W103", ZLESS_DE, "man/de/zless.1.txt", "de") == []
    # the paragraph's last line is never stretched: two spaces there are reported
    text = ZLESS_DE.replace("um dessen Existenz", "um  dessen Existenz")
    assert fixes("W103", text, "man/de/zless.1.txt", "de") == [(17, 42, "safe")]


# -- A106: the HTML a manual shows as its tool's output --------------------------------------

# linuxdoc(1) in Italian (manpages-it 4.18.1-1): the header, NOME, and lines 163-177, the
# default footer and header the tool writes shown one column deeper than their paragraph
LINUXDOC_IT = """\
LINUXDOC(1)                 General Commands Manual                LINUXDOC(1)

NOME
       linuxdoc - LinuxDoc DTD SGML convertitore ad altri formati di uscita

DRIVER DI BACKEND
       --footer, -F
              Usa il file  specificato  come  il  footer  in  ogni  file  html
              ottenuto. Il footer predefinito è solo il semplice

               </BODY>\\n </HTML>\\n

       --header, -H
              Usa il file specificato come la parte più alta dell'intestazione
              in ogni file html ottenuto. Notare che questo non è la parte
              completa dell'intestazione. (per esempio, il titolo e i links
              (next,previous,contents) non sono tenuti nell'intestazione
              predefinita. L'intestazione predefinita è

               <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\\n
               <HTML>\\n <HEAD>\\n
"""


def test_a106_leaves_the_html_a_manual_displays_as_its_tools_output():
    assert fixes("A106", LINUXDOC_IT, "man/it/linuxdoc.1.txt", "it") == []
    # a tag left in the paragraph's own prose is still a leftover
    text = LINUXDOC_IT.replace("Il footer predefinito", "Il <b>footer</b> predefinito")
    assert fixes("A106", text, "man/it/linuxdoc.1.txt", "it") == [(9, 28, "unsafe"), (9, 37, "unsafe")]


# -- S104: a word broken by a hyphen at a line's end; Hungarian "az az" ----------------------

# numfmt(1) in French (manpages-fr 4.18.1-1, as fresh37's pretrain record man-fr-numfmt.1):
# groff breaks "entrée" with U+2010 HYPHEN after an "en"
NUMFMT_FR = """\
       --from=UNITÉ
              mettre automatiquement à l'échelle d’UNITÉ les  nombres  en  en\u2010
              trée ; « none » par défaut ; consultez UNITÉ plus bas
"""


def test_s104_leaves_a_word_broken_by_a_hyphen_at_a_line_end():
    assert fixes("S104", NUMFMT_FR, "numfmt.txt", "fr") == []
    # the soft hyphen U+00AD breaks a word as well
    assert fixes("S104", NUMFMT_FR.replace("\u2010", "\u00ad"), "numfmt.txt", "fr") == []
    # a doubled "en" before a whole word is still a slip
    text = NUMFMT_FR.replace("en  en\u2010\n              trée", "en en entrée\n              plus")
    assert fixes("S104", text, "numfmt.txt", "fr") == [(2, 72, "unsafe")]


# GNOME help in Hungarian (gnome-user-docs 43.0-2, files-open, as fresh37's chat record hu-files-open)
FILES_OPEN_HU = ("Amikor duplán (vagy a középső gombbal) kattint egy fájlra a fájlkezelőben, akkor az az adott "
                 "fájltípus alap alkalmazásával kerül megnyitásra.\n")


def test_s104_leaves_hungarian_demonstrative_then_article_before_a_vowel():
    # "az" (that), then the article "az" before a vowel: "az az adott fájltípus", that given file type
    assert fixes("S104", FILES_OPEN_HU, "hu/files-open.txt", "hu") == []
    assert fixes("S104", FILES_OPEN_HU, "files-open.txt") == []  # written Hungarian (ő, "vagy", "egy")
    # before a consonant the article is "a": "az az fájltípus" is a slip
    text = FILES_OPEN_HU.replace("az az adott fájltípus", "az az fájltípus")
    assert fixes("S104", text, "hu/files-open.txt", "hu") == [(1, 82, "unsafe")]


# -- D101: the message says how two copies differ ---------------------------------------------

# fortunes-es (Debian bookworm) refranes, lines 1243-1254: one proverb twice, the second with a comma
# (fresh37's report named the same kind at line 1261, "A misa temprano, nunca va el amo.")
REFRANES_ES = """\
Amigo sin dinero eso quiero; que dinero sin amigo, a veces no vale un higo.
%
Amigo sin dinero, eso quiero; que dinero sin amigo, a veces no vale un higo.
%
Amigo si te echas novia, échatela entre semana, porque en llegando al domingo, la más cochina se lava
%
Amigos y libros: pocos y buenos.
%
Amigo traidorcillo, mas hiere que un cuchillo.
%
Amigo viejo, tocino y vino viejo.
%
"""


def test_d101_says_the_copies_differ_only_in_punctuation():
    (finding,) = lint_text(REFRANES_ES, path="fortunes/es-refranes.txt",
                           config={"select": ["D101"], "per-file-language": {"*": "es"}, **NO_CACHE})
    assert finding.line == 3
    assert finding.message == "line 3 repeats line 1 (differs only in punctuation (',' added), similarity 1.00)"
    # a fortune re-wrapped: only its line breaks differ
    text = ("Wußten Sie schon, daß Pflaumenessen krank macht?\n%\n"
            "Wußten Sie schon, daß\n    Pflaumenessen krank macht?\n%\n")
    (finding,) = lint_text(text, path="fortunes/de.txt", config={"select": ["D101"], **NO_CACHE})
    assert "(differs only in line breaks or spacing, similarity 1.00)" in finding.message
