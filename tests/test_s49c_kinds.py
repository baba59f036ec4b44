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
