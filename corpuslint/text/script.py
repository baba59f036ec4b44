"""Which language an Arabic-script paragraph is written in, told by its letters.

Persian and Urdu are not Arabic: they share most letters but add their own
(Persian پ چ ژ گ ک ی, Urdu also ٹ ڈ ڑ ں ے ھ ۃ), and they write the Arabic-only
forms (ي ك ة) rarely or never. ``arabic_script_language(text)`` counts those letters
with one compiled regex per language (C speed, no per-character Python loop) and says
"ar", "fa" or "ur"; ``language_spans(text)`` applies it per paragraph (blank-line
separated), so an Arabic document quoting a Persian verse routes only the verse to the
Persian dictionary.

Sources for the letter sets: Unicode's Arabic block chart (U+0600–U+06FF) and the
CLDR exemplar characters of fa and ur.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from .lazy_regex import lazy, lazy_re

# Letters Urdu uses and Persian does not (retroflex ٹ ڈ ڑ, noon ghunna ں, bari yeh ے,
# do-chashmi heh ھ as an aspiration mark, heh goal ہ, taa marbuta goal ۃ).
_URDU_ONLY = regex.compile(r"[\u0679\u0688\u0691\u06BA\u06D2\u06BE\u06C1\u06C3]")
# Letters Persian and Urdu use and Arabic does not (پ چ ژ گ, keheh ک, Farsi yeh ی).
_PERSIAN_URDU = regex.compile(r"[\u067E\u0686\u0698\u06AF\u06A9\u06CC]")
# Arabic-only spellings Persian and Urdu avoid (ي ك, taa marbuta ة, alef maqsura ى).
_ARABIC_ONLY = lazy(r"[\u064A\u0643\u0629\u0649]")
# Letters Arabic never writes and Persian and Urdu do, whatever keyboard wrote their yeh and
# kaf (پ چ ژ گ, heh with yeh ۀ, and Urdu's own): an older Persian or Urdu translation typed
# on an Arabic layout writes ي ك for ی ک but keeps these ("سپس", "گزینه").
_NEVER_ARABIC = lazy(r"[\u067E\u0686\u0698\u06AF\u06C0\u0679\u0688\u0691\u06BA\u06D2\u06BE\u06C1\u06C3]")
_TAA_MARBUTA = "\u0629"  # ة: Arabic's feminine ending; Persian and Urdu write ه (اجازه, not اجازة)
_ARABIC_LETTER = lazy_re(r"[\u0621-\u064A\u0671-\u06D3]")  # (re: faster counts, same code points)
# Letters of other Arabic-script languages that Arabic, Persian and Urdu never use
# (CLDR exemplars): their text goes to none of the three dictionaries.
# A letter two of them share (ې, ۆ) counts for both. Left out: ڤ (U+06A4), which Arabic
# writes for a foreign v (ڤ once in debian-handbook-ar), and ژ, a Persian letter.
_OTHER_LETTERS = {
    # Pashto ټ ډ ړ ښ ږ ځ څ ڼ ۍ ګ ې
    "ps": regex.compile(r"[\u067C\u0689\u0693\u069A\u0696\u0681\u0685\u06BC\u06CD\u06AB\u06D0]"),
    "ug": regex.compile(r"[\u06C7\u06C6\u06C8\u06AD\u06CB\u06D0]"),  # Uyghur ۇ ۆ ۈ ڭ ۋ ې
    "ckb": regex.compile(r"[\u0695\u06B5\u06CE\u06C6\u06D5]"),  # Central Kurdish ڕ ڵ ێ ۆ ە
    # Sindhi ڀ ٻ ڄ ڃ ڙ ڦ ڻ ڱ ڳ, implosives and retroflexes ڇ ٺ ٽ ڏ ڊ ڌ ڍ, swash kaf ڪ,
    # and its two signs ۾ ("in") and ۽ ("and")
    "sd": regex.compile(
        r"[\u0680\u067B\u0684\u0683\u0699\u06A6\u06BB\u06B1\u06B3"
        r"\u0687\u067A\u067D\u068F\u068A\u068C\u068D\u06AA\u06FE\u06FD]"
    ),
}
# ae ە (U+06D5): a letter of Kurdish and Uyghur, never of Arabic, Persian or Urdu.
_AE = lazy_re("\u06d5")
# Every language ``arabic_script_language`` tells apart.
ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "ur", *_OTHER_LETTERS})
_ANY_OTHER = lazy("|".join(p.pattern for p in _OTHER_LETTERS.values()))
# Any letter of _PERSIAN_URDU, _URDU_ONLY or _ANY_OTHER, in one class for one scan with
# the standard ``re`` engine (code points only: the same set; ~7x faster than the three
# ``regex`` scans on a text without any of them, the common case of ``language_spans``).
_NOT_ONLY_ARABIC = lazy_re(
    "[" + "".join(p.pattern[1:-1] for p in (_PERSIAN_URDU, _URDU_ONLY, *_OTHER_LETTERS.values())) + "]"
)
_PARAGRAPH_BREAK = lazy(r"\n[ \t\r]*\n")  # (a CRLF blank line too)

# Presentation forms (ligatures and contextual shapes): Arabic Presentation Forms-A
# (U+FB50–U+FDFF) and -B (U+FE70–U+FEFC). They render like letters but are different
# code points, so dictionaries and comparisons miss them; NFKC maps them back to
# letters. Left out: the word ligatures U+FDF0–U+FDFF (ﷺ ﷲ ﷽), which religious texts
# use on purpose and whose NFKC is a whole phrase, the ornate parentheses ﴾﴿, and
# U+FEFF (a byte-order mark / zero-width no-break space, not a letter).
PRESENTATION_FORMS_RE = re.compile(r"[\uFB50-\uFD3D\uFD40-\uFDEF\uFE70-\uFEFC]+")  # (re: faster, same code points)


def nfkc_presentation_forms(text: str) -> str:
    """``text`` with only the Arabic presentation-form runs NFKC-normalised (ﻹ -> لإ).

    NFKC on the whole text would also fold other compatibility characters (superscripts,
    full-width Latin) that are not this module's business."""
    if not PRESENTATION_FORMS_RE.search(text):
        return text
    return PRESENTATION_FORMS_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def arabic_script_language(text: str, default: str | None = None, declared: str | None = None) -> str | None:
    """"ar", "fa", "ur", another language's code ("ps", "ug", "ckb", "sd": no dictionary
    here), or None when ``text`` has no Arabic-script letters.

    Another language ("sd", "ps"...) when its letters, which Arabic, Persian and Urdu
    never write (none in the Arabic, Persian and Urdu corpora of benchmarks/realtext.py),
    make up at least 0.5% of the Arabic-script letters, two of them at least (one in text
    under 40 letters: a Sindhi synonym list "آسمانَ,اُڀَ").
    Urdu when its own letters make up at least 1% of the Arabic-script letters; Persian
    when Persian/Urdu letters outnumber the Arabic-only ones (ي ك ة ى) and are at
    least 1%; otherwise Arabic (a Persian name in an Arabic article stays Arabic).
    Short text whose letters decide nothing (a heading with one ی and no ي ك ة ى, or
    none of either) is ``default`` when one is given: the document's language; without
    one, text with a Persian or Urdu letter and no Arabic-only one is Persian (Urdu with
    an Urdu letter). When that
    is another language ("ckb", "ug"...), so is short text (under 40 letters: "ئەفریقی"
    has Persian letters, Uyghur "ياق" Arabic ones) and text with ە.

    Persian or Urdu also when the letters Arabic never writes (پ چ ژ گ ۀ and Urdu's
    own) outnumber taa marbuta ة and are at least 1% of the letters, two at least (one in
    text under 40 letters: "كمانڈ بلاؤ"; none of another language's letters, nor that
    language as ``default``): a translation typed on an Arabic keyboard writes
    ي ك for ی ک throughout ("گزينه هاي چاپ"). ``declared``: the language a record, file
    or .po header declares ("fa" or "ur"; others are ``declared_other_language``): it
    wins over the letters,
    unless the text has no Persian or Urdu letter and writes Arabic's taa marbuta ة (an
    Arabic quotation); "شما اجازه لازم براى" (its only telling letter ى) is Persian in
    a Persian file."""
    letters = len(_ARABIC_LETTER.findall(text))
    if letters == 0:
        return None
    if default in _OTHER_LETTERS and (letters < 40 or _AE.search(text)):
        return default  # a short paragraph, or one with ە, of a Kurdish, Uyghur... document
    if _ANY_OTHER.search(text):
        counts = {lang: len(p.findall(text)) for lang, p in _OTHER_LETTERS.items()}
        lang, n = max(counts.items(), key=lambda kv: kv[1])
        if n * 200 >= letters and (n >= 2 or letters < 40):
            return lang  # (one such letter decides a short text: "بيوَس,بيڪس,وِچارو" is Sindhi)
    fa_ur = len(_PERSIAN_URDU.findall(text))
    urdu = len(_URDU_ONLY.findall(text))
    if urdu * 100 >= letters and urdu >= 2:
        return "ur"
    if declared in ("fa", "ur"):
        if fa_ur or urdu or _TAA_MARBUTA not in text:
            return declared
        return "ar"  # an Arabic quotation: "الحمد لله رب العالمين" with ة somewhere
    arabic = len(_ARABIC_ONLY.findall(text))
    if fa_ur * 100 >= letters and fa_ur >= 2 and fa_ur > arabic:
        return "ur" if default == "ur" else "fa"  # Urdu uses every Persian letter too
    # (not in a Uyghur, Sindhi... paragraph, whose letters چ پ ھ are their own too: one of
    # their letters in it, or their document's language, keeps it from Persian and Urdu)
    never = 0 if default in _OTHER_LETTERS or _ANY_OTHER.search(text) else len(_NEVER_ARABIC.findall(text))
    if never > text.count(_TAA_MARBUTA) and (never * 100 >= letters and never >= 2 or letters < 40):
        return "ur" if urdu or default == "ur" else "fa"  # ی ک typed as ي ك, گ چ پ kept
    if default in ("fa", "ur") and letters < 40 and 0 < arabic <= fa_ur + urdu:
        return default  # "سايو کائه‌تانو دو سول" in a Persian file: ک against ي, a tie its file settles
    if default is not None and arabic == 0 and (fa_ur > 0 or urdu > 0 or letters < 40):
        return default if default != "ar" or urdu == 0 else "ur"
    if arabic == 0 and (fa_ur > 0 or urdu > 0):
        # a short text with a Persian or Urdu letter and none of Arabic's own (ي ك ة ى):
        # Arabic writes at least one of them in any sentence ("بعضی ها علاقه دارن", a chat
        # message of three words, is Persian; no Arabic paragraph of the 44 real-text
        # corpora has this shape)
        return "ur" if urdu > 0 else "fa"
    return "ar"


# Uthmani (Quranic) orthography: alef wasla, small high letters and stop signs. Its
# spelling (الصلوة، ءاتينا) is canonical, not modern Arabic: no modern dictionary fits.
_UTHMANI = lazy_re(r"[\u0671\u06D6-\u06ED]")


def is_uthmani(text: str) -> bool:
    """True when Uthmani marks make up at least 1% of the Arabic-script letters."""
    marks = len(_UTHMANI.findall(text))
    return marks >= 2 and marks * 100 >= len(_ARABIC_LETTER.findall(text))


# Languages written in the Arabic script that are neither Arabic, Persian nor Urdu, by
# their declared code (``Document.language``: ISO 639-1 where there is one, else 639-3).
# Their spelling is their own: Sindhi ڀورا is the plural of ڀورو, not a slip of Arabic.
# Sindhi, Central and Southern Kurdish, Pashto, Uyghur, Kashmiri, Balochi, Western Punjabi
# (Shahmukhi), Saraiki, South Azerbaijani, Luri, Mazanderani, Gilaki, Brahui, Khowar,
# Burushaski, Ottoman Turkish.
WRITTEN_IN_ARABIC_SCRIPT = frozenset({
    "sd", "ckb", "sdh", "ps", "ug", "ks", "bal", "pnb", "skr", "azb", "lrc", "mzn", "glk",
    "brh", "khw", "bsk", "ota",
})
# Languages written in the Arabic script by some of their writers and in another by the
# rest: Malay (Jawi), Punjabi (Shahmukhi), Kurdish (Sorani; Kurmanji is Latin),
# Azerbaijani (Iran), Uzbek, Turkmen and Tajik (Afghanistan), Kazakh and Kyrgyz (China),
# Hausa (Ajami). A document of one of them is in Arabic script when most of its letters
# are Arabic-script ones; otherwise its Arabic-script text is a quotation (a Malay
# article quoting a verse in Arabic), told apart by its letters as in any document.
SOMETIMES_ARABIC_SCRIPT = frozenset({"ms", "pa", "ku", "az", "uz", "tk", "tg", "kk", "ky", "ha"})
_LETTER = lazy(r"\p{L}")


def declared_other_language(doc) -> str | None:
    """The declared language of ``doc`` when its Arabic-script text is in that language
    and it is none of Arabic, Persian and Urdu (``WRITTEN_IN_ARABIC_SCRIPT``; one of
    ``SOMETIMES_ARABIC_SCRIPT`` whose letters are mostly Arabic-script ones), else None.
    Such a document is one span of that language: no Arabic, Persian or Urdu dictionary,
    and no Arabic boilerplate phrase, applies to it."""
    declared = doc.language
    if declared in WRITTEN_IN_ARABIC_SCRIPT:
        return declared
    if declared in SOMETIMES_ARABIC_SCRIPT:
        arabic = len(_ARABIC_LETTER.findall(doc.text))
        if arabic and arabic * 2 > len(_LETTER.findall(doc.text)):
            return declared
    return None


def document_spans(doc) -> list[tuple[int, int, str]]:
    """``language_spans`` of a ``Document``'s text, taking its declared language
    (``Document.language``) as the default when it is an Arabic-script one: a short
    Persian string whose letters decide nothing ("استفاده", "البته") is Persian when its
    record, file or .po header says so, not Arabic. A document declared in another
    language written in the Arabic script (``declared_other_language``: Sindhi, Pashto,
    Kurdish...) is one span of that language, whatever its letters."""
    other = declared_other_language(doc)
    if other is not None:
        return [(0, len(doc.text), other)]
    declared = doc.language
    return language_spans(doc.text, declared if declared in ARABIC_SCRIPT_LANGUAGES else "ar")


def language_spans(text: str, default: str = "ar") -> list[tuple[int, int, str]]:
    """(start, end, language) per paragraph of ``text``; adjacent paragraphs of one
    language are merged, so a one-language document is a single span.

    A paragraph without Arabic-script letters takes the language of the document as a
    whole (or ``default``). A ``default`` of "fa" or "ur" is a declared language, which
    wins over a paragraph's letters (``arabic_script_language``'s ``declared``)."""
    if not _NOT_ONLY_ARABIC.search(text):
        return [(0, len(text), default)]  # the common case: no Persian/Urdu letter at all
    # (a declared language decides what the letters leave open, as for each paragraph)
    declared = default if default in ("fa", "ur") else None
    whole = arabic_script_language(text, declared, declared) or default
    if whole != "ar" and not _PARAGRAPH_BREAK.search(text):
        return [(0, len(text), whole)]
    spans: list[tuple[int, int, str]] = []
    pos = 0
    bounds = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    for end in bounds:
        lang = arabic_script_language(text[pos:end], whole, declared) or whole
        if spans and spans[-1][2] == lang:
            spans[-1] = (spans[-1][0], end, lang)
        else:
            spans.append((pos, end, lang))
        pos = end
    return spans
