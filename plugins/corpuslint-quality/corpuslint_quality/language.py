"""Q115 wrong-language-paragraph: a prose paragraph in another language than the one its
document is declared to be in (untranslated text left in a translation, language
contamination of a training set).

The language of a paragraph is identified by py3langid (langid.py's naive Bayes model
over byte n-grams, 140 languages, BSD-3-Clause; a dependency of this plugin, 4.6 MB,
no download at run time), once per paragraph.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from functools import lru_cache

import regex

from corpuslint import structure
from corpuslint.config import ConfigError
from corpuslint.document import Document
from corpuslint.families.duplicate.regions import (
    line_structural, manual_display, outline_headings, plain_headings, plain_table_rows, rendered_manual)
from corpuslint.findings import Finding, Severity
from corpuslint.rules import DocumentRule
from corpuslint.structure import MARKDOWN_SUFFIXES
from corpuslint.text.lazy_regex import lazy
from corpuslint.text.legacy import might_be_misread

FAMILY = "quality"

# A paragraph is identified by its first ``MAX_CHARS`` characters: langid.py's byte
# n-grams tell a language from a few hundred, and the cost of a pure-Python walk grows
# with the length (fresh37's findings are the same with the whole paragraphs).
MAX_CHARS = 600
_WORD_RE = lazy(r"\p{L}[\p{L}\p{M}'’]*")
_PROSE = frozenset({structure.PROSE})

# Languages the model confuses with each other, or that a text mixes by nature (a
# Norwegian page reads Danish to a byte n-gram model): a paragraph identified as one of
# its declared language's group is not reported.
_GROUPS = (
    {"cs", "sk"},
    {"es", "pt", "gl", "ca", "an", "ext", "oc"},
    {"fr", "wa", "oc", "ca"},
    {"it", "vec", "lij", "co"},
    {"no", "nb", "nn", "da", "sv"},
    {"hr", "bs", "sr", "sl", "mk", "sh"},
    {"id", "ms", "jv"},
    {"ru", "uk", "be", "bg"},
    {"ar", "ary", "arz"},
    {"zh", "wuu", "yue", "ja"},
    {"kk", "ky", "tt", "ba"},
    {"de", "lb"},
    {"nl", "af", "fy"},
    {"tr", "az", "crh", "tk"},
    {"uz", "uzs"},
    {"fuv", "ff"},
    {"hi", "mr", "ne", "sa", "gom"},
    {"he", "hbo"},
    {"el", "grc"},
    {"gn", "gug"},
)
# Labels that are no language of prose: never reported.
_NOT_A_LANGUAGE = frozenset({"zxx", "la", "eo", "vo"})
# Languages a text in the declared language quotes by nature: Persian, Urdu, Pashto...
# prose quotes the Qur'an, hadith and Arabic verse (Saadi's Golestan); Urdu quotes
# Persian verse (Ghalib, Iqbal).
_QUOTED = {
    "fa": {"ar"}, "ur": {"ar", "fa"}, "ps": {"ar", "fa"}, "ku": {"ar", "fa"}, "sdh": {"ar", "fa"},
    "sd": {"ar", "fa"}, "ug": {"ar"}, "tg": {"fa"}, "he": {"hbo"},
}
# A licence or copyright notice is kept in its original language on purpose (a
# translation of the GPL has no legal force): the English paragraph at the end of a
# translated manual page is not reported.
_LICENCE_RE = lazy(
    r"\b(?:licen[cs]e[ds]?|copyright|warrant(?:y|ies)|permission is (?:hereby )?granted|"
    r"redistribut\w*|free software)\b", regex.I)


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier with probabilities (loaded once per process, ~0.8 s CPU)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=None)
def _related(declared: str, found: str) -> bool:
    """Is ``found`` confused with ``declared`` (``_GROUPS``) or quoted in it (``_QUOTED``)?"""
    return found in _QUOTED.get(declared, ()) or any(declared in g and found in g for g in _GROUPS)


def paragraphs(doc: Document) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each prose paragraph of ``doc``: runs of adjacent lines of
    kind ``prose`` (``Document.line_kinds``: no heading, code, table, HTML, front matter),
    not structural (``regions.line_structural``: a rendered manual's option tag line, a
    link-only line), a plain-text heading (``regions.plain_headings``: a manual's
    ``DESCRIPTION``) nor a row of a plain-text table; a Markdown list item starts a
    paragraph of its own. ``text`` is the paragraph with other regions (inline code, URLs,
    markup) blanked (``Document.masked``)."""
    kinds = doc.line_kinds
    lines = doc.lines
    masked = doc.masked(_PROSE)
    markdown = doc.suffix in MARKDOWN_SUFFIXES
    item_starts = {first for _l, first, _e in structure.markdown_list_items(doc)} if markdown else set()
    table_rows = plain_table_rows(doc) if not markdown else frozenset()
    headings = plain_headings(doc) | outline_headings(doc) if not markdown else frozenset()
    manual = not markdown and rendered_manual(doc)
    out: list[tuple[int, int, str]] = []
    run: list[int] = []

    def close() -> None:
        if run:
            start, end = lines[run[0]].start, lines[run[-1]].end
            out.append((start, end, masked[start:end]))
            run.clear()

    for i, kind in enumerate(kinds):
        if (kind != structure.PROSE or i in table_rows or i in headings or line_structural(doc, i)
                or manual and manual_display(doc, i)):
            close()
            continue
        if i in item_starts:
            close()
        run.append(i)
    close()
    return out


class WrongLanguageParagraph(DocumentRule):
    """A prose paragraph that is confidently in another language than the one its document
    is declared to be in.

    What: in a document whose language is declared (``per-file-language``, a record's
    ``language``/``lang`` field, a .po header's ``Language``, an XLIFF target language;
    never guessed from the text), each prose paragraph (``paragraphs``: no heading, code,
    table, HTML, manual display; inline code and URLs blanked; a Markdown list item is a
    paragraph of its own) of at least ``min-words`` words (9) is identified once by
    py3langid, from its first ``MAX_CHARS`` characters. It is reported when the language
    found is another one, with a probability of at least ``min-probability`` (0.95), and
    is not a language the model confuses with the declared one (cs/sk; es/pt/gl/ca;
    no/da/sv; hr/bs/sr; ru/uk/be...), one the declared language quotes by nature (Arabic in
    Persian or Urdu: a ghazal's Arabic couplets, a Qur'anic verse; Persian in Urdu), Latin
    or no language (``zxx``). Not judged: a declared language the model does not know, a
    chat's system prompt (``only_roles``), a licence or copyright notice (kept in English
    on purpose) and a paragraph showing a legacy codec mix-up (A105's: Hebrew read as
    cp1252 "reads as" Yoruba).

    Why: an untranslated paragraph left in a translation (gnome-user-docs' French help:
    "**Tablet Mode** determines how the stylus is mapped to the screen.") is language
    contamination of a corpus sorted by language; datatrove's LanguageFilter drops such
    documents whole (fastText), but a paragraph inside an otherwise translated page passes
    it. Shorter paragraphs are not judged: on fresh33-37, 77% of the other-language
    identifications of 3-8 word paragraphs had a probability under 0.95 (of 9+ word ones,
    10%): ls(1)'s "color the output WHEN; more info below" (7 words) is English at 0.68, a
    name or a label is no evidence at all.

    Example: ``help/fr/wacom-mode.md`` (declared ``fr``), line 3: "paragraph reads as en
    (probability 0.96), not fr as declared".

    Fix safety: no fix (translating is not a fix).
    """

    code = "Q115"
    name = "wrong-language-paragraph"
    family = FAMILY
    default_severity = Severity.INFO
    default_enabled = False  # opt-in: see the README (volume, and ~0.8 s CPU to load the model)
    options = {"min-words": 9, "min-probability": 0.95}
    # A chat's system prompt is the dataset maker's instruction, often English on purpose in
    # a dataset of another language (fresh36's Greek UDHR chats: "You are a helpful assistant
    # that quotes the Universal Declaration of Human Rights."): the user's and assistant's
    # turns (and texts without a role) are judged.
    only_roles = frozenset({"user", "assistant"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if importlib.util.find_spec("py3langid") is None:  # (selected: say so in one line, before the run)
            raise ConfigError(f"{self.code} {self.name} needs the py3langid package, which is not installed "
                              "(a dependency of corpuslint-quality: pip install py3langid)")

    def check(self, doc: Document) -> Iterable[Finding]:
        declared = doc.language
        if not declared:
            return ()
        ident = _identifier()
        if declared not in ident.nb_classes:
            return ()  # (a language the model does not know: not judged)
        min_words = int(self.opts["min-words"])
        min_probability = float(self.opts["min-probability"])
        out = []
        for start, end, text in paragraphs(doc):
            if len(_WORD_RE.findall(text)) < min_words or _LICENCE_RE.search(text) or might_be_misread(text):
                continue  # (a legacy codec mix-up, ``Æèâè òàê``, reads as Yoruba: A105's)
            found, probability = ident.classify(text[:MAX_CHARS])
            if (found == declared or probability < min_probability or found in _NOT_A_LANGUAGE
                    or _related(declared, found)):
                continue
            out.append(doc.finding(self, start, end, f"paragraph reads as {found} (probability "
                                   f"{probability:.2f}), not {declared} as declared"))
        return out


RULES = [WrongLanguageParagraph]
