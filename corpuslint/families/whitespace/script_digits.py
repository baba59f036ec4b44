"""W120: Arabic-script letters glued to digits ("يساوي4374", "64بت")."""

from __future__ import annotations

import re

from ...findings import Edit, Fix
from ...rules import DocumentRule
from ...text.lazy_regex import lazy
from ...text.lines import lines_holding

_LETTERS = r"\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FC"
_MARKS = r"\u064B-\u065F\u0670\u0640"
_DIGITS = r"0-9\u0660-\u0669\u06F0-\u06F9"
# A word of two or more letters and a number written with no space between them, in
# either order, not inside a longer alphanumeric token (URL, identifier, code).
_GLUED_RE = lazy(
    rf"(?<![\p{{L}}\p{{N}}_/@.:#-])"
    rf"(?:(?P<word>[{_LETTERS}][{_LETTERS}{_MARKS}]+)(?P<num1>[{_DIGITS}]+(?:[.,٫][{_DIGITS}]+)*)"
    rf"|(?P<num2>[{_DIGITS}]+(?:[.,٫][{_DIGITS}]+)*)(?P<unit>[{_LETTERS}][{_LETTERS}{_MARKS}]*))"
    rf"(?![\p{{L}}\p{{N}}_/@-])"
)
# What every match holds: a letter (or mark) then a digit, or a digit then a letter. The
# ``re`` engine finds these ~10x faster than ``_GLUED_RE`` scans, and only the lines
# holding one are scanned (matches never cross a line break: see ``_glued``). Written
# from the digit (a digit after a letter or mark, or before a letter): the engine then
# looks only at digits, rare in prose, not at every letter (~6x faster on Arabic text).
_TRIGGER_RE = re.compile(f"[{_DIGITS}](?:(?<=[{_LETTERS}{_MARKS}].)|(?=[{_LETTERS}]))")


def _glued(text: str):
    """``_GLUED_RE.finditer(text)``, run line by line on the lines holding a trigger."""
    for start, end in lines_holding(text, _TRIGGER_RE):
        yield from _GLUED_RE.finditer(text, start, end)


# Written glued by convention, never reported: era signs after a year (Arabic 1445هـ, 2020م;
# Urdu and Shahmukhi Punjabi ۱۴۰۰ء, the year sign ء for عیسوی, "CE", and ۱۴۴۵ھ for ہجری),
# Persian suffixes on a numeral (plural "۱ها" = "the 1s", ordinal "۲ام", "۳مین"), the
# Persian/Kurdish ezafe ی on one (Kurdish "6ی بەیانی", 6 a.m.) and the ordinal suffixes of
# Pashto ("۲يم", "۲يمه", the second: Pashto's -یم/-یمه, written in Arabic ي or Persian ی)
# and Urdu ("۲۰ویں", the 20th).
_ERA_MARKERS = frozenset({"هـ", "ه", "م", "ق", "ش", "ء", "ھ", "ها", "های", "ام", "امین", "مین", "ی",
                          "يم", "یم", "يمه", "یمه", "ویں", "واں"})
# Turkic languages written in Arabic script (Uyghur, Kazakh and Kyrgyz in China, South
# Azerbaijani, Turkmen, Afghan Uzbek, Tatar, Bashkir) attach case and derivational suffixes to
# a numeral as to any word (Uyghur "(16لىك ياكى ASCII)", "16-bit or ASCII": -لىك makes the
# adjective; "3نچى", the third): a space there would cut the suffix off its stem. Decided by
# the declared language or, undeclared, by the letters on the line that only these orthographies write (the
# vowels ۇ ۈ ې ۋ, and ى inside a word, where Arabic, Persian and Urdu write it only last).
_TURKIC_LANGUAGES = frozenset({"ug", "kk", "ky", "az", "azb", "tk", "uz", "tt", "ba"})
_TURKIC_SUFFIX_RE = lazy(r"[\u06c7\u06c8\u06d0\u06cb]|\u0649(?=\p{L})")


def _turkic(doc, at: int) -> bool:
    """Is ``doc`` (its declared language) or, undeclared, the line holding ``at`` written in
    a Turkic language in Arabic script (``_TURKIC_LANGUAGES``, ``_TURKIC_SUFFIX_RE``)?"""
    if doc.language is not None:
        return doc.language.replace("_", "-").split("-")[0].lower() in _TURKIC_LANGUAGES
    text = doc.text
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return _TURKIC_SUFFIX_RE.search(text, start, len(text) if end < 0 else end) is not None


# Unit abbreviations (km, kg, cm, bit, ...): the space is house style, not a slip, so
# they are reported without a safe fix.
_UNITS = frozenset(
    "كم كغ كلغ كجم غ غم جم سم مم ملم مل ل لتر م² كم² بت بايت ك ميغا جيجا غيغا دج دولار ريال درهم دينار".split()
)


# Latin letters spelled in Arabic script ("أي" A, "بي" B, "سي" C): one glued to a number of
# one or two digits is a size or model name, written as one token ("أي4" = A4, "بي5" = B5).
_LETTER_NAMES = frozenset(
    "أي اي إي بي سي دي إف اف جي إتش آي كي إل ال إم ام إن ان أو او كيو آر ار إس اس تي يو في واي زد".split()
)
# ... and as Persian spells them (ی, ک; پ for P, وی for V): "آی‌پی۶" is IPv6, its letters joined
# by a zero-width non-joiner (glib's fa strings: "نشانی آی‌پی۶"), written as one token
_LETTER_NAMES |= {n.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9") for n in _LETTER_NAMES} | {"پی", "وی"}
_NAME_NUMBER_RE = lazy(r"[\u0030-\u0039\u0660-\u0669\u06F0-\u06F9]{1,2}")
# A word glued to one digit is a numbered name, an identifier with its index written on it as
# the program writes it: PIN2 "پین۲", PUK2 "پوک۲", F1 "تابع۱" (the key), nick1 "نک1", key1
# "کلید1", Meta2 "ميتا2", Adam7 "آدم7" (the interlacing), Etc/GMT0 "گرینیچ۰" (Debian's
# gnome-control-center and pidgin translations, exported to text without their msgids).
# A lost space before a number that counts (a year, a quantity) stands before two digits or
# more ("يساوي4374"), and one before an item's number stands before its full stop (a table of
# contents flattened to text, "الكتاب5. Contributing"): both still reported.
_INDEX_DIGIT_RE = lazy(r"[\u0030-\u0039\u0660-\u0669\u06F0-\u06F9]")
# A msgid's own gluing: a letter then a digit ("A4", "User-defined1"), a digit then a letter
# ("16K"), not inside a longer alphanumeric token's other side.
_SOURCE_WORD_NUMBER_RE = lazy(r"\p{L}\p{N}")
_SOURCE_NUMBER_UNIT_RE = lazy(r"\p{N}\p{L}")


class LettersGluedToDigits(DocumentRule):
    """An Arabic-script word and a number written without a space between them.

    What: an Arabic, Persian or Urdu word of two or more letters immediately followed
    by a number of two or more digits, or letters immediately after a number (ASCII,
    Arabic-Indic or Extended Arabic-Indic digits): "يساوي4374", "64بت". Not reported: era
    and year signs written glued by convention (Arabic "1445هـ", "2020م"; Urdu and
    Shahmukhi "۱۴۰۰ء", the year sign ء, and "۱۴۴۵ھ"), Persian suffixes on a numeral
    ("۱ها", "۳مین"), the ezafe ی ("6ی بەیانی"), the ordinal suffixes of Pashto ("۲يمه",
    "۲یم") and Urdu ("۲۰ویں"); a word glued to one digit not followed by a full stop (an
    item's number), a numbered name written as the program writes it (PIN2 "پین۲", F1
    "تابع۱", nick1 "نک1"); a suffix
    on a numeral in a Turkic language written in Arabic script (Uyghur "16لىك", declared
    `ug`, `kk`, `ky`, `az`..., or undeclared on a line with a vowel letter only these write: ۇ ۈ
    ې ۋ, a ى inside a word),
    tokens inside identifiers, paths and URLs (a "/", "_", "-", "@" or a Latin letter
    next to them), a Latin letter spelled in Arabic script glued to a number of one or
    two digits, a paper size or model name ("أي4" = A4, "بي5" = B5; Persian "آی‌پی۶" = IPv6), and in a .po string
    gluing its msgid has too (msgid "A4", "User-defined1" → "عرّفه المستخدم١"; "16K" →
    "16ك"), as W104 and W115 follow the msgid. Several on one line (a table of contents
    flattened to text, debian-handbook ar-MA's "مقدمةتمهيد1. لماذا هذا الكتاب؟2. لمن ...": 238
    on one line) are one finding naming how many, as A109 does, whose fix inserts every
    space (the spaces before unit abbreviations in a second finding of their own, unsafe).
    Why: the glued token is neither the word nor the number for search, counting and
    tokenisers; it is usually text extracted from a layout (a table cell, a line break
    lost) or a missed space.
    Example: "الناتج يساوي4374" → "الناتج يساوي 4374"; "نظام 64بت" → "نظام 64 بت".
    Fix safety: safe (a space is inserted, no character changes) for a word glued to a
    number and for a number glued to a word of two or more letters; a number glued to a
    unit abbreviation ("5كم", "64بت") is reported without a safe fix because some house
    styles write units glued, and so is a number glued to one letter ("٣ج", 3G), a sign or
    an abbreviation the rule cannot tell from a slip: the fix is unsafe there.
    """

    code = "W120"
    name = "letters-glued-to-digits"
    family = "whitespace"
    fixable = True

    def check(self, doc):
        """One finding a line and fix safety (``_line_finding``: the safe spaces, and those
        before a unit abbreviation, unsafe) for the glued pairs found."""
        text = doc.text
        found = list(self._glued_pairs(doc))
        if len(found) < 2:
            for m, message, fix in found:
                yield doc.finding(self, m.start(), m.end(), message, fix=fix)
            return
        line: dict = {}  # fix safety -> the pairs of one line with that safety
        for k, pair in enumerate(found):
            line.setdefault(pair[2].applicability, []).append(pair)
            if k + 1 == len(found) or text.find("\n", pair[0].end(), found[k + 1][0].start()) >= 0:
                yield from sorted((self._line_finding(doc, group) for group in line.values()), key=lambda f: f.start)
                line = {}

    def _line_finding(self, doc, group: list):
        """The finding for the glued pairs ``(match, message, fix)`` of one line whose fixes
        are all safe or all unsafe: one pair's own finding, or for several one finding from
        the first to the last, "N words and numbers written without a space on this line:
        'مقدمةتمهيد1', 'العام4', ..." (the first ``_LINE_PAIRS_SHOWN`` named), whose fix
        inserts each pair's space (the same edits as the pairs' own findings)."""
        if len(group) == 1:
            m, message, fix = group[0]
            return doc.finding(self, m.start(), m.end(), message, fix=fix)
        shown = ", ".join(f"'{m.group()}'" for m, _message, _fix in group[:_LINE_PAIRS_SHOWN])
        more = ", ..." if len(group) > _LINE_PAIRS_SHOWN else ""
        edits = [edit for _m, _message, fix in group for edit in fix.edits]
        fix = Fix(tuple(edits), group[0][2].applicability, independent=True)  # (each pair's own fix)
        return doc.finding(self, group[0][0].start(), group[-1][0].end(),
                           f"{len(group)} words and numbers written without a space on this line: {shown}{more}", fix=fix)

    def _glued_pairs(self, doc):
        """``(match, message, fix)`` for each word glued to a number that is reported, in text order."""
        text = doc.text
        source = doc.source  # a .po string's msgid: gluing it has too is the string's own
        for m in _glued(text):
            if m.group("word"):
                at = m.start("num1")
                word, number = m.group("word"), m.group("num1")
                if word in _LETTER_NAMES and _NAME_NUMBER_RE.fullmatch(number):
                    continue  # "أي4", "بي5": a paper size or model name (A4, B5), one token
                if _INDEX_DIGIT_RE.fullmatch(number) and text[m.end() : m.end() + 1] != ".":
                    continue  # "پین۲" (PIN2), "تابع۱" (F1), "نک1" (nick1): a numbered name, one token
                if source and _SOURCE_WORD_NUMBER_RE.search(source):
                    continue  # msgid "User-defined1", "A4": the letter and digit are glued there too
                message = f"no space between '{word}' and the number '{number}'"
                fix = Fix.safe(Edit(at, at, " "))
            else:
                unit = m.group("unit")
                if unit in _ERA_MARKERS:
                    continue
                if source and _SOURCE_NUMBER_UNIT_RE.search(source):
                    continue  # msgid "16K": the number and the letter are glued there too
                if _turkic(doc, m.start()):
                    continue  # "16لىك": a Uyghur suffix on the numeral, written on it
                at = m.start("unit")
                message = f"no space between the number '{m.group('num2')}' and '{unit}'"
                edit = Edit(at, at, " ")
                # a unit abbreviation, or one letter (a sign or an abbreviation of a kind not
                # listed: "٣ج" = 3G, a year sign of another orthography): unsafe
                sure = unit.rstrip("ـ") not in _UNITS and len(unit.rstrip("ـ")) > 1
                fix = Fix.safe(edit) if sure else Fix.unsafe(edit)
            yield m, message, fix


# The glued pairs a line's finding names (the count says how many there are).
_LINE_PAIRS_SHOWN = 4


RULES = [LettersGluedToDigits]
