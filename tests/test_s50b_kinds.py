"""fresh37's kinds (session 50, helper s50b): unsafe fixes that must leave well-formed text,
on real excerpts quoted inline (fortunes-es and fortunes-de, Debian bookworm, free;
manpages-l10n 4.18.1-1, GPL-3+; see tests/data/realtext/SOURCE.md, section s50b)."""

from __future__ import annotations

from corpuslint import lint_text
from corpuslint.engine import apply_fixes

NO_CACHE = {"cache": False}


def fixed(code: str, text: str, path: str = "page.txt") -> tuple[list[int], str]:
    """(lines of the ``code`` findings of ``text``, the text ``--fix --unsafe-fixes`` leaves)."""
    found = [f for f in lint_text(text, path=path, config={"select": [code], **NO_CACHE}) if f.code == code]
    return [f.line for f in found], apply_fixes(text, found, unsafe=True)[0]


# -- D101 in a quote collection: the copy's record goes whole, with one "%" line -----------------

# fortunes-es (bookworm) refranes, lines 1243-1264 (trailing spaces dropped): two proverbs entered
# again with a comma ("A misa temprano, nunca va el amo." is fresh37's line 1261)
REFRANES = """\
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
