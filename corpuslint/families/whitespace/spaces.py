"""Rules about spaces inside lines: trailing, non-standard, runs, whitespace-only lines."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter

import regex

from ...findings import Edit, Fix
from ...rules import DocumentRule
from ...structure import (
    ALL_REGIONS,
    chat_log_lines,
    BLOCKQUOTE,
    CODE,
    HEADING,
    LIST_ITEM,
    MARKDOWN_SUFFIXES,
    PARAGRAPH_BREAKS,
    MARKUP,
    RST_SUFFIXES,
    PLACEHOLDER,
    PROSE,
    SUBTITLE_SUFFIXES,
    HTML_SUFFIXES,
    TEX_SUFFIXES,
    is_command_word,
    markdown_containers,
    message_catalogue,
    reads_as_prose,
)
from ._common import FORMAT_DIRECTIVE, FRENCH_SPACES, FULL_WIDTH_MARKS, french_spacing
from ...text.lazy_regex import lazy, lazy_re
from ...text.memo import last_argument
from ..artifact.encoding import mojibake_byte
from ...text.lines import lines_holding
from ._common import (
    in_sources,
    EOL,
    FRENCH_SPACED_AFTER,
    FRENCH_SPACED_BEFORE,
    HSPACE,
    INVISIBLE,
    JOINERS,
    MARKS,
    SEGMENTED_SCRIPT_RE,
    FrenchAround,
    ZS,
    aligned,
    by_line,
    char_names,
    column_of_gaps,
    counted_names,
    finditer_on_lines,
    gap_ends_at,
    hanging_column,
    same_cell,
    justified_lines,
    leading_bom,
    rendered_manual,
    letter_spaced,
    MAX_LAYOUT_COLUMN,
    names_character,
    nearest_lines,
)

# Trailing spaces and invisible characters, except directional marks (W112's): a line
# ending `text \u200f` gets one finding, W112's for its RLM (its space becomes trailing
# whitespace once the RLM is gone).
_TRAILING_RE = lazy(rf"(?<=[^\s{INVISIBLE}]|[{MARKS}])[{HSPACE}{INVISIBLE}--{MARKS}]+{EOL}", regex.V1)
# (the standard ``re`` engine: the same characters, as ZS is \p{Zs}; ~2x faster over a text)
_BLANKISH_LINE_RE = lazy_re(rf"(?<![^\r\n])[\t{ZS}{INVISIBLE}]+{EOL}")
# Where every such line starts: the text's start or a line break, then one of its characters.
_BLANKISH_START_RE = lazy_re(rf"[\r\n][\t{ZS}{INVISIBLE}]")
_BLANKISH_FIRST_RE = lazy_re(rf"[\t{ZS}{INVISIBLE}]")
# A single non-ASCII space separator between two non-space characters. Runs of two or
# more spaces are W103's, trailing runs W101's, whitespace-only lines W104's.
_ODD_SPACE_RE = lazy(r"(?<=\S)[\p{Zs}--\x20](?=\S)", regex.V1)
_NEWLINE_RE = lazy_re(r"\r\n|\n|\r")
_MARK_RE = lazy(r"\p{M}")  # a combining mark: the space before it is its base
# What each match holds (``finditer_on_lines``): a space or invisible character before a
# line end (W101), a space separator other than U+0020 (W102).
_BEFORE_EOL_TRIGGER = re.compile(rf"[\t{ZS}{INVISIBLE}](?=[\r\n]|\Z)")
_ODD_SPACE_TRIGGER = re.compile(f"[{ZS.replace(' ', '')}]")
# Deliberate typography, not scraped residue: IDEOGRAPHIC SPACE between CJK characters (the
# space of CJK text: "鳲鳩在桑\u3000其子七兮"), and a no-break, narrow no-break or thin space
# binding a number to the word or label next to it ("第\u00a03\u00a0章", "2.1.5.\u00a0Debian",
# "Chapter\u00a03", "5\u202fMB"). Between two digits ("10\u202f000") it is still reported.
_CJK_RE = lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3001-\u303f\uff01-\uff60]")
_NUMBER_SPACES = "\u00a0\u202f\u2009"
# A dash set off by a no-break, narrow no-break, thin or hair space on either side is
# typeset so on purpose: the space keeps the dash off the start of a line ("cases\u00a0–
# especially", Russian "слово\u00a0— слово") or sets it closer than a word space
# ("Forest)\u200a—\u200ais": hair spaces around an em dash in web text).
_DASH_SPACES = _NUMBER_SPACES + "\u200a"
_DASHES = frozenset("\u2012\u2013\u2014\u2015\u2e3a\u2e3b")
# A number written as a word binds to its unit as a numeral does: the singular form of a
# plural message spells its count ("en\u00a0time siden" beside "%(count)s\u00a0timer
# siden" in Django's Danish catalogue, whose translators are told to keep the no-break
# space between count and time unit). The word "one" and the indefinite articles that
# count ("an hour", "un minuto"), in the languages of the message catalogues read here
# (not a single letter: "a\u00a0b" is no count).
_COUNT_WORDS = frozenset({
    "an", "one", "en", "et", "ett", "ein", "eine", "einen", "einem", "einer", "un", "une", "uno", "una",
    "um", "uma", "één", "een", "jeden", "jedna", "jedno", "один", "одна", "одно", "одну", "bir",
    # and the small numbers spelt out in English and French prose ("supports nine\u00a0hardware
    # release architectures": debian-handbook binds a count to its noun as it binds a numeral)
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze",
})
_WORD_BEFORE_RE = lazy(r"(?:^|[\s(\[«\"'“‘])(\p{L}+)$")
_DIGIT_RE = lazy(r"\d")
# A word of one letter of a cased script, alone (an opening bracket or quote may come first):
# typesetters bind it to the next word with a no-break space so that it does not end a line
# (Czech and Slovak typography requires it after a one-letter preposition or conjunction,
# "v\u00a0Praze"; Polish and Russian typography do it too; nanoid's README writes English so:
# "It uses a\u00a0larger alphabet"). Two letters are not enough: "mot de\u00a0passe" is a stray.
_SHORT_WORD_RE = lazy(r"[(\[«\"'“‘„]?[\p{Latin}\p{Cyrillic}\p{Greek}]")
# (not in a run of words each bound to the next, "a\u00a0b\u00a0c": no-break spaces for all spaces)
_BOUND_ON_RE = lazy(r"\p{L}{1,40}\u00a0")
# A placeholder stands for a value, mostly a number: a template binds it to its unit with a
# no-break space on purpose (Django's "%(count)s\u00a0hours ago", whose translators are told
# to keep it).
_PLACEHOLDER_END_RE = lazy(PLACEHOLDER + "$")
# The parts of an abbreviation of short words, each with its dot ("z. B.", "d. h.", "u. a.",
# "i. e."): typesetters bind them with a no-break or narrow space (Duden).
_ABBREVIATION_START_RE = lazy(r"(?:^|[\s(\[„\"'«“‘])\p{L}{1,2}\.$")
_ABBREVIATION_PART_RE = lazy(r"\p{L}{1,2}\.")
_PLACEHOLDER_START_RE = lazy(PLACEHOLDER)
_NUMBER_OR_FORMAT_END_RE = lazy(rf"(?:\d|{FORMAT_DIRECTIVE})[\u200e\u200f\u061c\u2066-\u2069]*$")
# What a unit sign after a number is: a percent or per-mille sign (Arabic ٪ too, printf's
# "%%"), a degree (°ف, °C), or the AM/PM directive of a time ("%p", "%Op").
_UNIT_SIGN_RE = lazy(r"[\u200e\u200f\u061c\u2066-\u2069]*(?:%%|[%٪‰؉°℃℉]|%[EO]?[pP])")
# A sign between two one-letter abbreviations or two numbers, bound to both with the same
# space: Arabic "ص\u00a0\\\u00a0م" (AM / PM: gnome-control-center's msgid "AM / PM"), df(1)
# in Czech "10\u202f*\u202f1024". The sign and its spaces, a space at either side.
_BOUND_SIGNS = "*/\\"
_BOUND_SIGN_RE = lazy(r"(?<![^\s(])(?:\p{L}|\d+)([\u00a0\u202f\u2009])[*/\\]\1(?:\p{L}|\d+)(?=\s|[).,،]|$)")


# The Arabic conjunction و ("and") is one letter that joins the word after it; a writer who
# sets it apart binds it to that word with a no-break space, so that it never ends a line
# alone (nautilus and gnome-control-center in Arabic: "و\u00a0مجلداتك و\u00a0إدارتها").
_LETTER_RE = lazy(r"[\p{L}\p{M}]")

# A letter or a Roman number that counts, after the capitalised label it numbers ("Annexe\u00a0A",
# "Appendix\u00a0B.", "System\u00a0V", "Chapitre\u00a0IV"), or after a CJK label of a few
# characters (DocBook's Chinese "附录\u00a0A.\u00a0附录"); not the English pronoun "I" before a word.
_LETTER_COUNTER_RE = lazy(r"(?:[A-HJ-Z]|I(?![ \u00a0]\p{Ll})|[IVX]{2,4})(?![\p{L}\p{N}])")
_COUNTER_LABEL = r"(?:\p{Lu}\p{Ll}{2,}|[\p{Han}\p{Hangul}]{1,4})"
_LABEL_BEFORE_RE = lazy(r"(?:^|[\s(\[«\"“'’])\p{Lu}\p{Ll}{2,}\Z")  # (French elides: "l'Annexe\u00a0A")
# A label in Arabic script, which has no capitals, before a Latin letter that counts
# (debian-handbook's Arabic "ملحق\u00a0B, دورة تذكيرية", "قسم\u00a0B.3.4", "مثال\u00a0B.1.").
_ARABIC_LABEL_BEFORE_RE = lazy(r"(?:^|[\s\p{P}])\p{Arabic}{2,}\Z")
_CJK_LABEL_BEFORE_RE = lazy(r"(?:^|[\s\p{Han}\p{Hangul}\p{P}])[\p{Han}\p{Hangul}]{1,4}\Z")
_COUNTER_DOT_RE = lazy(r"(?:[A-Z]|[IVX]{2,4})(?:\.\d+)*(?:[.,，、،\u00a0]|\Z)")
# The number of a CJK label, bound to the counter word after it ("第\u00a0B.2.3\u00a0节",
# "第\u00a06\u00a0章": section B.2.3, chapter 6).
_CJK_COUNTER_BEFORE_RE = lazy(r"[\p{Han}\p{Hangul}]\u00a0(?:[A-Z]|\d+)(?:\.\d+)*\Z")
# A numbered heading's or caption's label and number, then its title: "Annexe\u00a0A.\u00a0Annexe",
# "附录\u00a0A.\u00a0附录", "Table\u00a04.1.\u00a03 important configuration files" (DocBook binds
# label, number and title with no-break spaces; the title may itself open with a digit), also in
# Markdown's bold ("**Table\u00a04.1.\u00a03 important ...**").
_LETTER_COUNTER_END_RE = lazy(r"(?:^|[\s*_])" + _COUNTER_LABEL + r"[\u00a0 ](?:[A-Z]|[IVX]{2,4}|\d+(?:\.\d+)*)\.\Z")

# A no-break space an author puts on purpose in Latin text (debian-faq, maint-guide in French): it
# binds the two parts of a name, each capitalised or an acronym, or a Roman number or a letter
# ("Pentium\u00a0Pro", "Pentium\u00a0II", "GNU\u00a0GPL", "System\u00a0z", "bibliothèques\u00a0C"),
# or a command to its option ("dch\u00a0-i", "dch\u00a0-v version"). Only a name of two parts
# with ordinary spaces or punctuation around it: a line scraped with a no-break space between
# every word ("The\u00a0President\u00a0Joe") keeps its finding.
_NAME_PART_BEFORE_RE = lazy(r"(?:^|[\s(\[«\"“,;])\p{Lu}[\p{Ll}\p{Lu}\d]+\Z")
_LOWER_WORD_BEFORE_RE = lazy(r"(?:^|\s)\p{Ll}{3,}\Z")
_LETTER_AFTER_RE = lazy(r"[B-HJ-Z](?![\p{L}\p{N}\u00a0])")
_NAME_PART_AFTER_RE = lazy(r"(?:\p{Lu}[\p{Ll}\p{Lu}\d]*|[IVX]{2,4}|[a-z])(?![\p{L}\p{N}\u00a0\u202f])(?![.,]?\u00a0)")
_COMMAND_BEFORE_RE = lazy(r"(?:^|[\s(,])[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*\Z")
_OPTION_AFTER_RE = lazy(r"--?[A-Za-z][\w-]*(?![\u00a0])")


def _bound_name_or_option(text: str, start: int, end: int) -> bool:
    """True when the no-break space at ``text[start:end]`` binds a name's two parts or a
    command and its option (above)."""
    lo = max(0, start - 30)
    if (_NAME_PART_BEFORE_RE.search(text, lo, start) and _NAME_PART_AFTER_RE.match(text, end)) or (
            _LOWER_WORD_BEFORE_RE.search(text, lo, start) and _LETTER_AFTER_RE.match(text, end)):
        word_start = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start)) + 1
        return "\u00a0" not in text[max(lo, word_start) : start]  # (the first part bound to no word before it)
    return _COMMAND_BEFORE_RE.search(text, lo, start) is not None and _OPTION_AFTER_RE.match(text, end) is not None


# Languages whose script's own space is IDEOGRAPHIC SPACE.
CJK_LANGUAGES = frozenset({"ja", "zh", "ko"})
# Languages written in Cyrillic whose typography sets no-break spaces (GOST 7.0.97, Мильчин's
# handbook; the same for Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian): after a
# one-letter preposition or conjunction, between a number's groups, before a dash (any
# language: ``_DASHES``) and around the ">" or "→" of a menu path.
CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk"})
_CYRILLIC_RE = lazy(r"\p{Cyrillic}")
# one-letter prepositions and conjunctions (ru в с к и а о у, uk і й з, be ў)
_CYRILLIC_ONE_LETTER_WORDS = frozenset("вскиаоуійзўВСКИАОУІЙЗЎ")
_MENU_SEPARATORS = frozenset(">→")
# a number's groups of three digits: "10\u00a0000", "2\u00a0147\u00a0483\u00a0648"
_GROUPS_BEFORE_RE = lazy(r"(?<![\d.,])\d{1,3}(?:\u00a0\d{3})*\Z")
_GROUP_AFTER_RE = lazy(r"\d{3}(?!\d)")


def _cyrillic_typography(text: str, start: int, end: int) -> bool:
    """Is the no-break space ``text[start:end]`` Cyrillic typography (``CYRILLIC_LANGUAGES``):
    after a one-letter preposition or conjunction, whatever comes next (``в\u00a0Москве``,
    ``з\u00a0«{ -brand-name }»``, ``і\u00a0<label>``), between a number's groups of three
    digits (``10\u00a0000``), or beside a spaced menu path separator (``Настройки\u00a0>
    Плагины``, ``Налады\u00a0→ Оформ``)?"""
    before, after = text[start - 1], text[end : end + 1]
    if (after in _MENU_SEPARATORS and text[end + 1 : end + 2] == " ") or (
            before in _MENU_SEPARATORS and text[start - 2 : start - 1] == " "):
        return True
    if before.isdigit() and _GROUP_AFTER_RE.match(text, end) and _GROUPS_BEFORE_RE.search(text, max(0, start - 40), start):
        return True
    return (before in _CYRILLIC_ONE_LETTER_WORDS and not after.isspace() and after != ""
            and (start < 2 or not _LETTER_RE.match(text[start - 2])))


class LinesHolding:
    """``LinesHolding(text, pattern)(pos)``: does the line of ``text`` (``\n``-separated)
    holding offset ``pos`` hold a match of ``pattern`` (a CJK character: ``CjkLines``; a
    Cyrillic letter)? The lines that do are found once, by one scan of the text
    (``lines_holding``), when first asked, and each question is a bisection: a one-line file
    of 8 MB asked once per IDEOGRAPHIC SPACE read the whole line back to its start each time
    (90 s)."""

    def __init__(self, text: str, pattern=None):
        self.text = text
        self.pattern = _CJK_RE if pattern is None else pattern
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def __call__(self, pos: int) -> bool:
        if self._starts is None:
            spans = list(lines_holding(self.text, self.pattern))
            self._starts, self._ends = [s for s, _e in spans], [e for _s, e in spans]
        k = bisect_right(self._starts, pos) - 1
        return k >= 0 and pos < self._ends[k]


CjkLines = LinesHolding  # (of a CJK character, the pattern by default)


def _ideographic_space(text: str, m, cjk=False) -> bool:
    """True when the IDEOGRAPHIC SPACE ``m`` is the space of CJK text beyond two CJK
    characters around it (``_typographic_space``'s own case): between one and a
    placeholder, which a program fills with a CJK string or a value (wagtail's ja
    catalogue: "フォーマット：%(supported_formats)s\u3000ファイルサイズ");
    anywhere in a line holding CJK of a document declared Japanese, Chinese or Korean
    (``cjk``: True, or a ``CjkLines`` of the text, which answers without reading the line
    again), whose script spaces so. "漢字\u3000abc" in text not declared is reported."""
    before, after = text[m.start() - 1], text[m.end()]
    if _CJK_RE.match(before) and _PLACEHOLDER_START_RE.match(text, m.end()):
        return True  # "ファイル\u3000%(size)s"
    if _CJK_RE.match(after) and _PLACEHOLDER_END_RE.search(text, max(0, m.start() - 40), m.start()):
        return True  # "%(supported_formats)s\u3000ファイルサイズ"
    if not cjk:
        return False
    if _CJK_RE.match(before) or _CJK_RE.match(after):
        return True  # (a CJK neighbour is on the line: ``_ODD_SPACE_RE`` has no line break beside the space)
    if callable(cjk):
        return cjk(m.start())
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    return _CJK_RE.search(text, line_start, len(text) if line_end < 0 else line_end) is not None


# Khmer punctuation set off from the word before it, as typesetters do with a no-break space
# (so it never starts a line): khan ។, bariyoosan ៕, camnuc pii kuuh ៖ (a colon), lek too ៘,
# koomuut ៚ (Khmer LibreOffice help: "ត្រឡប់ 3\u00a0។", "លំនាំដើម\u00a0៖").
_KHMER_SPACED_MARKS = frozenset("\u17d4\u17d5\u17d6\u17d8\u17da")
# Invisible format characters (ZWSP, ZWNJ, ZWJ, word joiner, ZWNBSP) a Khmer writer leaves
# between the no-break space and the mark: they do not separate them.
_FORMAT_RUN_RE = lazy(r"[\u200b-\u200d\u2060\ufeff]*")
_KHMER_RE = lazy(r"\p{sc=Khmer}")  # (and ? ! after a Khmer word: "ប៉ុន្មាន\u00a0?")
# A space alone between brackets or quotes is shown, not used: LibreOffice help's "blank
# (\u00a0) - allowed within a name" lists the no-break space as a character a name may hold.
# (Not square brackets: "[\u2007] The box" is a checkbox that uses the space.)
_SHOWN_PAIRS = frozenset({"()", '""', "''", "«»", "“”", "‘’", "「」"})
# A mark that stands alone before what it introduces (an arrow before a link, a bullet before
# an item: debian-handbook's "→\u00a0https://www.debian.org/…" under each paragraph that cites
# one): the no-break space keeps the mark off a line's end, as after a dash.
_BULLETS = frozenset("•‣◦⁃∙·▪▫►▸▹▶➜➔➤✓✔✗✘")


def _lead_mark(text: str, start: int) -> bool:
    """True when the character before ``text[start]`` is an arrow, a bullet or another
    symbol (Unicode Sm, So) standing alone: at the line's start or after a space."""
    before = text[start - 1]
    if not (before in _BULLETS or unicodedata.category(before) in ("Sm", "So")):
        return False
    return start < 2 or text[start - 2].isspace()


def _typographic_space(text: str, m, french=False, cjk: bool = False, cyrillic=False) -> bool:
    """Is the space ``m`` typography (see NonStandardSpace)? ``french``: whether the text is
    French, or a function of the space's position that says whether the text there is
    (asked only beside a mark French spaces off); ``cyrillic`` the same for a language of
    ``CYRILLIC_LANGUAGES`` (a ``LinesHolding`` of Cyrillic letters, in text declaring none)."""
    if m.group() == "\u3000" and _ideographic_space(text, m, cjk):
        return True
    before, after = text[m.start() - 1], text[m.end()]
    if before + after in _SHOWN_PAIRS:
        return True  # "blank (\u00a0) - allowed within a name": the character shown in brackets
    if m.group() == "\u3000":
        return bool(_CJK_RE.match(before) and _CJK_RE.match(after))
    if m.group() in _DASH_SPACES and (before in _DASHES or after in _DASHES):
        return True  # "cases –\u00a0especially", "Forest)\u200a—\u200ais": the dash's own spacing
    if m.group() in _DASH_SPACES and _UNIT_SIGN_RE.match(text, m.end()) and _NUMBER_OR_FORMAT_END_RE.search(
            text, max(0, m.start() - 12), m.start()):
        return True  # "%Id\u00a0°ف", "%Id\u200a٪", "%d\u200a%%", "%OM\u2069\u2009%p": a number and its unit sign
    if m.group() in _NUMBER_SPACES and (before in _BOUND_SIGNS or after in _BOUND_SIGNS) and any(
            m.start() in (b.start(1), b.start(1) + 2)
            for b in _BOUND_SIGN_RE.finditer(text, max(0, m.start() - 40), min(len(text), m.end() + 40))):
        return True  # "ص\u00a0\\\u00a0م" (AM / PM), "10\u202f*\u202f1024": a sign bound on both sides
    if m.group() not in _NUMBER_SPACES:
        return False
    if _lead_mark(text, m.start()):
        return True  # "→\u00a0https://…", "•\u00a0item": a mark bound to what it introduces
    if m.group() == "\u00a0" and (cyrillic(m.start()) if callable(cyrillic) else cyrillic) and _cyrillic_typography(
            text, m.start(), m.end()):
        return True  # "в\u00a0Москве", "10\u00a0000", "Настройки\u00a0> Плагины": Cyrillic typography
    if before == "\u0648" and (m.start() < 2 or not _LETTER_RE.match(text[m.start() - 2])) and (
            _LETTER_RE.match(after) or after == "<"):
        return True  # "و\u00a0مجلداتك": the conjunction و written apart, kept with its word (Arabic UI strings)
    mark_at = _FORMAT_RUN_RE.match(text, m.end()).end()  # (ZWSPs between: "ក្រឡា\u00a0\u200b។")
    mark = text[mark_at : mark_at + 1]
    if mark in _KHMER_SPACED_MARKS or (mark and mark in "?!" and _KHMER_RE.match(before)):
        return True  # "កំណត់\u00a0។", "ប៉ុន្មាន\u00a0?": Khmer sets its punctuation off, with a no-break space
    if (after in FRENCH_SPACED_BEFORE or before in FRENCH_SPACED_AFTER) and (french(m.start()) if callable(french) else french):
        return True  # "Nom d’utilisateur\u00a0:", "«\u00a0{name}\u00a0»" in a text declared French
    if before == "." and _ABBREVIATION_PART_RE.match(text, m.end()) and _ABBREVIATION_START_RE.search(
            text, max(0, m.start() - 4), m.start()):
        return True  # German "z.\u00a0B.", "d.\u00a0h.", "u.\u00a0a.": one abbreviation, kept on one line
    if before == "." and _LETTER_COUNTER_END_RE.search(text, max(0, m.start() - 40), m.start()):
        return True  # "Annexe\u00a0A.\u00a0Annexe", "Table\u00a04.1.\u00a03 important ...": a numbered heading's number, then its title
    if after.isdigit() and before in "°º№":
        return True  # French "n°\u00a0516394": the number sign bound to its number
    if after.isdigit():
        # "第\u00a01", "Chapter\u00a03", and a relation or operator bound to its number
        # ("≤\u00a00.22", "1\u202fpx\u00a0=\u00a01/72\u202fin"); "10\u202f000" is reported
        return unicodedata.category(before)[0] in "LM" or unicodedata.category(before) == "Sm"  # (ends in a vowel sign: "គឺ\u00a0១")
    if _PLACEHOLDER_START_RE.match(text, m.end()):
        return True  # "Chapter\u00a0%(number)s"
    if _LETTER_COUNTER_RE.match(text, m.end()) and _LABEL_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
        return True  # "Annexe\u00a0A", "System\u00a0V": a label bound to its letter or Roman number, as to a digit
    if _COUNTER_DOT_RE.match(text, m.end()) and _CJK_LABEL_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
        return True  # "附录\u00a0A.": a CJK label bound to its letter, a numbered heading's (not "他说\u00a0A 是")
    if _COUNTER_DOT_RE.match(text, m.end()) and _ARABIC_LABEL_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()):
        return True  # "ملحق\u00a0B, دورة", "قسم\u00a0B.3.4": an Arabic label bound to its letter
    if _CJK_RE.match(after) and _CJK_COUNTER_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
        return True  # "第\u00a0B.2.3\u00a0节": a CJK label's number bound to its counter word
    if m.group() == "\u00a0" and _bound_name_or_option(text, m.start(), m.end()):
        return True  # "Pentium\u00a0Pro", "GNU\u00a0GPL", "dch\u00a0-i": a name's parts, a command and its option
    if text.startswith("etc.", m.end()) and before == "," and (french(m.start()) if callable(french) else french):
        return True  # "les fonctionnalités d’un interpréteur,\u00a0etc.": French sets etc. with a no-break space
    # (the line's start looked for in those 40 characters only: a one-line file of 16 MB
    # spent 4 s in rfind back to its start, once for each no-break space)
    lo = max(0, m.start() - 40)
    tokens = text[text.rfind("\n", lo, m.start()) + 1 or lo : m.start()].split()  # any Unicode space
    if not tokens:
        return False
    if _PLACEHOLDER_END_RE.search(tokens[-1]) or _NUMBER_OR_FORMAT_END_RE.search(tokens[-1]):
        return True  # "%(count)s\u00a0hours ago", "{0}\u00a0MB", "%Id\u00a0ك" (kelvin, glibc's locale digits)
    if after.isalpha() and (w := _WORD_BEFORE_RE.search(tokens[-1])) and w.group(1).casefold() in _COUNT_WORDS:
        return True  # "en\u00a0time siden": a count written as a word, bound to its unit
    if m.group() == "\u00a0" and after.isalpha() and _SHORT_WORD_RE.fullmatch(tokens[-1]) and text[
            m.start() - 2 : m.start() - 1] != "\u00a0" and _BOUND_ON_RE.match(text, m.end()) is None:
        return True  # "a\u00a0larger", "v\u00a0Praze": a one-letter word kept off a line's end
    # "2.1.5.\u00a0Debian", "5\u202fMB", and a short counter after its number: "第 1 章\u00a0GNU"
    return _DIGIT_RE.search(tokens[-1]) is not None or (
        len(tokens) > 1 and len(tokens[-1]) <= 2 and _DIGIT_RE.search(tokens[-2]) is not None)


# The end of a message that a program completes with a value: a colon, comma or ellipsis
# ("Author: ", "building [%s]: ", "loading translations [%s]... ", ", in ").
_SEPARATOR_END_RE = lazy(r"(?:[:：,，،;؛…]|\.\.|\(in|, in|，在|، در)\Z")


class TrailingWhitespace(DocumentRule):
    """Whitespace or invisible marks at the end of a line.

    What: Reports spaces at the end of a line that has other content, counting every
    Unicode space separator (NO-BREAK SPACE, THIN SPACE, IDEOGRAPHIC SPACE…), tabs and
    invisible characters (ZERO WIDTH SPACE, SOFT HYPHEN…), not only ASCII spaces.
    Directional marks (LRM, RLM, ALM) at a line's end are not whitespace: right-to-left
    text often ends lines with RLM on purpose, and W112 reports them. Nor are the joiners
    ZWNJ and ZWJ right after the line's last character: they choose its form (Sorani
    `داوانامه\\u200c`, heh written as the vowel ە; Kannada `ಬ್ಲೂಟೂತ್\\u200c`, an explicit
    virama; an Indic half form, an emoji sequence). A ZERO WIDTH SPACE after a character of
    a script written without spaces (Khmer, Thai, Lao, Myanmar, Tibetan) is the word
    boundary of a line the text goes on from (the next line is not blank) or of a record's
    end (a .po string a program joins to another): kept; at a paragraph's end it is reported.
    In Markdown files (.md, .markdown) two or more spaces ending a line that its paragraph
    goes on after are a hard line break (CommonMark 6.7): two are markup, not reported; more
    are reported and the fix keeps two (option `markdown-linebreaks`). Exactly two spaces
    elsewhere (a paragraph's last line) are let be, as markdownlint's MD009 does by default
    (`br_spaces` 2); three or more there break nothing and are deleted. In a code block
    they are its verbatim text (a linter's README shows "文末に空白がある。   " in a fence),
    left alone. In a software message catalogue extracted as
    text (the ``message`` document kind) one space after a colon, comma or ellipsis is
    part of a message that the program completes (`作者: `, "Author: "); in a string of a
    .po file (whose msgid the reader gives), or of a table of messages with a source column
    (``record-kind = "message"``, ``source-field``: Sphinx's strings as ``msgid,text`` CSV), whitespace is the program's where the msgid
    ends the same line with whitespace too (msgid " By %(filter_title)s "), or where it
    pads a one-line translation to its msgid's width (pinky's column header: msgid "Where",
    msgstr "Wo   "), and the
    translator's everywhere else ("fichier image %s illisible " for "image file not
    readable: %s").
    Why: Trailing NBSP is everywhere in scraped web text; it is invisible in editors,
    breaks exact-match deduplication and adds noise tokens.
    In a subtitle file (.srt, .vtt, read with its structure) only caption text is checked:
    a space after a timing line's cue settings (``line:84.67% ``) or a line of padding
    between cues is the format's. pre-commit-hooks'
    trailing-whitespace only strips ASCII whitespace and misses it.
    Example: `قال الرئيس` followed by U+00A0 at the end of the line.
    Fix safety: safe — the trailing characters are deleted; nothing else on the line changes.
    Unsafe after an odd number of backslashes in TeX source, Markdown or code (`\\TeX\\ `
    ending a line, a shell's escaped space): the backslash would then escape the line break, another token
    (TeX's `\\^^M`, a control space in plain TeX and LaTeX only; a shell's or C's line
    continuation, which joins the next line; a Markdown backslash hard break), so the
    finding stays and only `--unsafe-fixes` deletes it.
    """

    code = "W101"
    name = "trailing-whitespace"
    family = "whitespace"
    regions = ALL_REGIONS
    fixable = True
    options = {"markdown-linebreaks": True}

    def check(self, doc):
        keep_md = self.opts["markdown-linebreaks"] and doc.suffix in MARKDOWN_SUFFIXES
        subtitle = doc.suffix in SUBTITLE_SUFFIXES and any(r.kind == MARKUP for r in doc.regions)
        source = doc.source  # a .po string's msgid: it says which padding is the program's
        for m in finditer_on_lines(_TRAILING_RE, doc.text, _BEFORE_EOL_TRIGGER):
            start = _kept_marks_end(doc, m)
            if doc.text[start : start + 1] == "\u00a0" and mojibake_byte(doc, start, start + 1):
                start += 1  # "×’×\u00a0 ", "גנ" (D7 92 D7 A0) read as cp1252: the no-break space is נ's last byte
            if start == m.end():
                continue  # "داوانامه\u200c", "ಬ್ಲೂಟೂತ್\u200c", a Khmer line wrapped after "ចុច\u200b": not whitespace
            kept = start  # (where the deleted characters end: a hard line break's two spaces stay)
            if keep_md and m.group().endswith("  "):
                if doc.kind_at(m.start()) == CODE:
                    continue  # "print(x)  " in a fenced block: verbatim, as its writer left it (kept as before)
                if not m.group().endswith("   ") or (
                        doc.position(m.start())[0] - 1 in markdown_containers(doc)[PARAGRAPH_BREAKS]):
                    kept = m.end() - 2  # two spaces: a hard line break's, or its look (MD009's br_spaces)
                    if kept <= start:
                        continue  # "line  ": a CommonMark hard line break inside a paragraph, markup
            if subtitle and doc.kind_at(m.start()) == MARKUP:
                continue  # after a cue's settings, on a line of padding: the subtitle format's, not text
            if source is not None:
                if _padded_like(source, "\n" not in doc.text[m.end() :]):
                    continue  # msgid " By %(filter_title)s ", "source files. ": the program's padding
                if _padded_to_width(doc.text, source):
                    continue  # msgid "Where", msgstr "Wo   ": padded to the column the program prints
            elif (m.group() == " " and _SEPARATOR_END_RE.search(doc.text[max(0, m.start() - 4) : m.start()])
                    and message_catalogue(doc)):
                continue  # "Author: ", "building [%s]: ": a message the program completes
            if kept > start:  # "line     " or "line\u00a0  " inside a paragraph: more than the break's two spaces
                yield doc.finding(self, start, kept, f"trailing whitespace before a hard line break "
                                  f"({char_names(doc.text[start:kept])}; its two spaces kept)",
                                  fix=Fix.safe(Edit(start, kept)))
                continue
            # An odd number of backslashes right before the run escapes its first space: TeX's
            # control space ("\TeX\ " ending a line), Markdown's escaped space, a shell's in
            # code. Deleting it leaves the backslash before the line break: TeX reads another
            # token (\^^M, which plain TeX and LaTeX define as a control space, other formats
            # need not), Markdown a hard line break, a shell or C preprocessor a line
            # continuation that joins the next line. (In plain text a backslash is a character,
            # an ASCII drawing's stroke: "/  \_/  \ ".)
            make = Fix.unsafe if _escaped(doc.text, start) and (
                doc.suffix in TEX_SUFFIXES or doc.suffix in MARKDOWN_SUFFIXES or doc.kind_at(start) == CODE) else Fix.safe
            yield doc.finding(self, start, m.end(), f"trailing whitespace ({char_names(doc.text[start : m.end()])})",
                              fix=make(Edit(start, m.end())))


def _escaped(text: str, pos: int) -> bool:
    """Is ``text[pos]`` after an odd number of backslashes (escaped by the last one)?"""
    n = 0
    while pos - n > 0 and text[pos - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _kept_marks_end(doc, m) -> int:
    """Where the whitespace of the trailing run ``m`` starts: past the joiners (ZWNJ, ZWJ)
    right after the line's last character, which choose its form (Sorani "داوانامه\u200c",
    Kannada "ಬ್ಲೂಟೂತ್\u200c") and are no whitespace, and past a ZERO WIDTH SPACE after a
    character of a script written without spaces (Khmer, Thai...: ``SEGMENTED_SCRIPT_RE``)
    when the text goes on on the next line or the run ends a record (a .po string that a
    program joins to another): the word boundary of a wrapped line, kept. At a paragraph's
    or a file's end that ZWSP bounds nothing and is reported."""
    text, start = doc.text, m.start()
    end = start
    while end < m.end() and text[end] in JOINERS:
        end += 1
    if (end < m.end() and text[end] == "\u200b" and start > 0 and SEGMENTED_SCRIPT_RE.match(text[start - 1])
            and end == start):
        nxt = _NEWLINE_RE.match(text, m.end())
        if (m.end() == len(text) and getattr(doc, "record", None) is not None) or (
                nxt is not None and nxt.end() < len(text) and not text[nxt.end()].isspace()):
            end += 1
            while end < m.end() and text[end] == "\u200b":
                end += 1
    return end


# A column header: a short msgid, which a translation pads with two or more spaces.
COLUMN_HEADER_MAX_CHARS = 20


def _padded_to_width(text: str, source: str) -> bool:
    """Is the one-line translation ``text`` padded with two or more spaces to exactly the
    width of its short one-line msgid ``source`` (pinky's column header: msgid "Where",
    msgstr "Wo   ")? The program prints its columns at the width of the English words. One
    space, or a sentence, that happens to come out as long is the translator's ("fichier
    image %s illisible " for "image file not readable: %s")."""
    if "\n" in text or "\n" in source or len(source) > COLUMN_HEADER_MAX_CHARS:
        return False
    bare = text.rstrip(" ")
    return len(text) == len(source) and len(text) - len(bare) >= 2


def _padded_like(source: str, last: bool) -> bool:
    """Does the msgid ``source`` end its last line (``last``) or another line with
    whitespace (a translation that keeps it there keeps the program's layout)?"""
    lines = source.split("\n")
    if last:
        return lines[-1] != lines[-1].rstrip()
    return any(line != line.rstrip() for line in lines[:-1])


class NonStandardSpace(DocumentRule):
    """A Unicode space other than U+0020 between words.

    What: Reports a NO-BREAK SPACE, THIN SPACE, EN/EM SPACE, NARROW NO-BREAK SPACE,
    IDEOGRAPHIC SPACE or other space separator standing alone between two words
    (runs of spaces are W103's, trailing ones W101's). Characters listed in option `allow` (e.g. "\\u202f" for French
    typography) are accepted. Typography is left alone: an IDEOGRAPHIC SPACE between CJK
    characters, between one and a placeholder (`%(supported_formats)s\\u3000ファイルサイズ`), or
    in a line holding CJK of a document declared Japanese, Chinese or Korean; and a no-break, narrow no-break or thin space that binds a number to the
    word or label beside it (`第\\u00a03\\u00a0章`, `2.1.5.\\u00a0Debian`, `5\\u202fMB`), or a
    printf/format placeholder, which stands for such a number, to its unit
    (`%(count)s\\u00a0hours ago` in a .po translation, `{0}\\u00a0MB`), or a count written as a
    word, "one" or an indefinite article, to its unit (Danish `en\\u00a0time siden` beside
    `%(count)s\\u00a0timer siden`), or a relation or operator sign to its number
    (`≤\\u00a00.22`, `1\\u202fpx\\u00a0=\\u00a01/72\\u202fin`; an ASCII `*` or `/` between two
    numbers, bound on both sides: df(1) in Czech, `10\\u202f*\\u202f1024`), or the parts of an abbreviation (German `z.\\u00a0B.`,
    `d.\\u00a0h.`); a no-break, narrow no-break, thin or hair space beside a
    dash (`cases –\\u00a0especially`, `Forest)\\u200a—\\u200ais`), which keeps the dash off a
    line's start or sets it close; between two digits (`10\\u202f000`) it is reported. In a record or file declared
    French (its `language` field, `per-file-language`, a .po header's `Language: fr`),
    a no-break, narrow no-break or thin space before `: ; ! ? »` or after `«` is French
    typography (`Nom\\u00a0:`, `«\\u00a0{name}\\u00a0»`), as it is in a text declaring no
    language where the text around the space reads French (its paragraph, or the nearest
    one that tells: French words, `vas-tu`, `est`, `dans`, `qu'`, `d’`, outnumber English
    ones: `Comment vas-tu\\u00a0?`, debian-reference's `ne doit pas être\\u00a0;` among
    commands and English terms) or inside guillemets spaced so on both sides
    (`«\\u00a0/etc/motd\\u00a0»`), and so is `,\\u00a0etc.` there; a letter or Roman
    number bound to the capitalised label it counts (`Annexe\\u00a0A.\\u00a0Annexe`,
    `System\\u00a0V`) or to a CJK label (`附录\\u00a0A.\\u00a0附录`) as a digit is, and a
    caption's number bound to its title (`Table\\u00a04.1.\\u00a03 important files`), after an
    elided article too (`l'Annexe\\u00a0A,`) or an Arabic label (`ملحق\\u00a0B,`); a count spelt
    out bound to its noun (`nine\\u00a0hardware`); an arrow, bullet or other symbol standing
    alone bound to what it introduces (`→\\u00a0https://…`); the Arabic conjunction و written apart and bound to
    its word (`ملفاتك و\\u00a0مجلداتك`: Arabic UI strings keep it off a line's end); and one before
    Khmer punctuation, the khan `។`, `៕`, `៖` (`ត្រឡប់ 3\\u00a0។`), or before `?` or `!` after
    a Khmer word, is Khmer typography (with ZWSPs or other format characters between the
    space and the mark too: `ក្រឡា\\u00a0\\u200b។`); a no-break space after a word of one
    letter of a cased script, which keeps it off a line's end (Czech, Slovak, Polish, Russian
    typography: `v\\u00a0Praze`; nanoid's README: `a\\u00a0larger`; `de\\u00a0passe`,
    `grafiką\\u00a0lub` are reported); a no-break space that binds a name's two parts in Latin
    script (``Pentium\u00a0Pro``, ``GNU\u00a0GPL``, ``bibliothèques\u00a0C``; not in a line with one
    between every word), the number sign to its number (``n°\u00a0516394``) or a command to its
    option (``dch\u00a0-i``) is the author's, and so, in a translated string (a .po msgstr), is one that binds
    two Arabic-script words writing one Latin word of the msgid (GNOME's Arabic "واي\u00a0فاي"
    for "Wi-Fi", "آيِسل\u00a0رايوت" for "Aisleriot": one name, kept on one line). A space alone between parentheses or quotes is
    shown, not used (`blank (\\u00a0) - allowed within a name`). A space that carries a
    combining mark is the mark's base (a spacing clone, The Unicode Standard 2.11), not a gap
    between words: the Uthmani Qur'an of Tanzil/quran-json sets the dagger alif and hamza that
    follow a non-joining letter on a THIN SPACE inside the word (`فَٱدَّـٰرَ\u2009ٰٔتُمۡ`, 2:72),
    and a fix to U+0020 would split the word. In reStructuredText, whose author types every
    character, a document that sets a space character as typography (the cases above) at
    least as often as otherwise sets the others on purpose too (docutils' `HTML\\u00a0browser`, `` `CSS\\u00a0Level\\u00a01`__ `` beside
    `Docutils\\u00a00.22`: a name kept on one line); a space the document names (its
    Unicode name, "figure space", a short name, NBSP, or its code point, U+2007) is its
    subject, not a stray. In an HTML page a NO-BREAK SPACE is HTML's own `&nbsp;` written as
    a character (DocBook's XSLT writes `&#160;` so: `Appendix\u00a0B.`, a navigation cell's
    `</a>\u00a0</td>`): the page's typography, not a stray. A no-break space inside a span
    that A105 reports as mojibake (``artifact.encoding.in_mojibake``: fortunes-it's
    ``CarrÃ\u00a0mba``, "à" read as cp1252) is a byte of a mis-decoded letter, A105's one
    defect: its repair needs it.
    Why: Scrapers copy `&nbsp;` from HTML as U+00A0. Tokenisers, regexes and
    deduplication treat `كيم\\u00a0جونغ` and `كيم جونغ` as different strings.
    One finding per line, with the count and the characters (`3 no-break spaces (U+00A0)`).
    Example: `يزور\\u00a0فلاديمير\\u00a0بوتين` → `يزور فلاديمير بوتين`.
    Fix safety: safe — each such character on the line becomes one ASCII space (each on its
    own: one inside another fix's span waits, the others apply); unsafe
    when one of them is a no-break, narrow no-break or thin space before `: ; ! ? »` or after
    `«` (French typography in text not read as French: `Action\\u00a0:`).
    """

    code = "W102"
    name = "non-standard-space"
    family = "whitespace"
    fixable = True
    options = {"allow": []}

    def check(self, doc):
        allowed = set(self.opts["allow"])
        # declared French, or (no language declared) text that reads French around the space
        # ("Comment vas-tu\u00a0?", "ne doit pas être\u00a0;"), asked beside a mark French spaces off
        french = doc.language == "fr" if doc.language is not None else FrenchAround(doc.text)
        cjk = CjkLines(doc.text) if doc.language in CJK_LANGUAGES else False
        cyrillic = (doc.language in CYRILLIC_LANGUAGES if doc.language is not None
                    else LinesHolding(doc.text, _CYRILLIC_RE))
        if doc.suffix in HTML_SUFFIXES:
            allowed.add("\u00a0")  # (HTML's &nbsp;, written as a character: see the docstring)
        if doc.sources:  # a .po string: a space its msgid (or msgid_plural) holds is the program's
            allowed |= set(_ODD_SPACE_TRIGGER.findall("".join(doc.sources)))
        found, typographic = [], Counter()
        for m in finditer_on_lines(_ODD_SPACE_RE, doc.text, _ODD_SPACE_TRIGGER):
            if allowed and m.group() in allowed:
                continue
            if _MARK_RE.match(doc.text, m.end()):
                continue  # "فَٱدَّـٰرَ\u2009ٰٔتُمۡ": the base of a detached mark (a spacing clone), no gap between words
            if _typographic_space(doc.text, m, french, cjk, cyrillic):
                typographic[m.group()] += 1
            elif not (m.group() == "\u00a0" and mojibake_byte(doc, m.start(), m.end())):
                found.append(m)  # (not "Ã\u00a0", à read as cp1252: a byte of A105's mis-decoded letter; nor
                # "׳\u00a0", נ of UTF-8 Hebrew read as cp1255, which A104 reports for its lost bytes)
        if not found:
            return
        # The author of a reStructuredText source types every character (nothing is scraped
        # into it, and docutils' spec tells them to type a NO-BREAK SPACE to keep words
        # together): one who sets a space as typography ("Docutils\u00a00.22",
        # "1\u202fpx\u00a0=\u00a01/72\u202fin") at least as often as otherwise sets the others
        # on purpose too ("HTML\u00a0browser", "`CSS\u00a0Level\u00a01`__": a name kept on
        # one line). And a space that the document names ("figure space") is its subject.
        rst = doc.suffix in RST_SUFFIXES
        others = Counter(m.group() for m in found)
        found = [m for m in found if not (rst and typographic[m.group()] >= others[m.group()])
                 and not names_character(doc, m.group())]
        if doc.sources and found:  # a .po string: "واي\u00a0فاي" for the msgid's "Wi-Fi"
            found = [m for m in found if not _binds_source_name(doc.text, m, doc.sources)]
            if not found:
                return
        # One finding per line (a scraped paragraph can hold dozens), its fix covering all.
        # A fix that turns a no-break space before ; : ! ? » or after « into a breaking one
        # undoes French typography where the text was not read as French: no safe fix.
        text = doc.text
        for matches in by_line(doc, found).values():
            chars = "".join(m.group() for m in matches)
            make = Fix.unsafe if any(french_spacing(text, m) for m in matches) else Fix.safe
            yield doc.finding(self, matches[0].start(), matches[-1].end(),
                              f"non-standard space{'s' if len(chars) > 1 else ''}: {counted_names(chars)}",
                              fix=make(*(Edit(m.start(), m.end(), " ") for m in matches), independent=True))


_ARABIC_WORD_BEFORE_RE = lazy(r"[\p{Arabic}\p{Mn}]+\Z")
_ARABIC_WORD_AFTER_RE = lazy(r"\p{Arabic}[\p{Arabic}\p{Mn}]*")
_LATIN_HYPHEN_RE = lazy(r"(?<=[A-Za-z])-(?=[A-Za-z])")


def _binds_source_name(text: str, m, sources) -> bool:
    """Does the no-break space ``m`` of a translated string bind two Arabic-script words
    that together write one Latin word of its msgid (``sources``) in Arabic letters
    (``source_names.transliterates``; a hyphenated word read as one: "Wi-Fi")? GNOME's
    Arabic translators write "واي\u00a0فاي" for "Wi-Fi", "آيِسل\u00a0رايوت" for
    "Aisleriot": one name of the source in two Arabic words, kept on one line as
    "Pentium\u00a0Pro" is; a fix to a space would let the name break. Two words that
    are not the source's name ("تعتبر\u00a0علامات") are not."""
    if m.group() != "\u00a0":
        return False
    before = _ARABIC_WORD_BEFORE_RE.search(text[max(0, m.start() - 40) : m.start()])
    after = _ARABIC_WORD_AFTER_RE.match(text, m.end())
    if before is None or after is None:
        return False
    from ..spelling.source_names import latin_skeletons, transliterates

    skeletons = latin_skeletons([_LATIN_HYPHEN_RE.sub("", source or "") for source in sources])
    return transliterates(before.group() + after.group(), skeletons)


# The cell after a run of spaces: a number ("51", "1.234,50") or a mark without letters or
# digits ("=", "--", "|").
_NUMBER_CELL_RE = lazy(r"[-+]?\d[\d.,]*(?=\s|$)")
_MARK_CELL_RE = lazy(r"[^\s\p{L}\p{N}]+(?=\s|$)")


def _same_cell(text: str, column: int, other: str, at: int) -> bool:
    """True when the cell of ``text`` starting at ``column`` (0-based) has a cell of its kind
    at the same place in ``other`` (where ``other[at]`` is shown in the same display cell:
    ``same_cell``): a number starting or ending at the same column (amounts aligned left or
    right), or the same mark at the same column. Two lines of a small table ("100 DM   =  51
    Euro", "100 Euro = 195 DM") pad only the shorter cell."""
    if (m := _NUMBER_CELL_RE.match(text, column)) is not None:
        end = same_cell(text, other, m.end())
        for n in _NUMBER_CELL_RE.finditer(other):
            if (n.start() == at or n.end() == end) and (n.start() == 0 or other[n.start() - 1].isspace()):
                return True
        return False
    if (m := _MARK_CELL_RE.match(text, column)) is not None:
        mark = m.group()
        return (other[at : at + len(mark)] == mark and 0 < at and other[at - 1].isspace()
                and (at + len(mark) == len(other) or other[at + len(mark)].isspace()))
    return False


# A line of a Python interactive session (``>>> x = 10``, ``...     print(x)``): its spaces
# are the code's indentation and layout (fresh17: `--fix` made ``...     print(x)`` of a
# doctest ``... print(x)``, an IndentationError).
_DOCTEST_LINE_RE = lazy(r"[ \t]*(?:>>>|\.\.\.)(?=[ \t]|$)")
_PROMPT_LINE_RE = lazy(r"[ \t]*>>>(?=[ \t]|$)")
# Code then an inline comment after two or more spaces (PEP 8: ``x = C()  # Automatically
# calls``, ``print(b.result())  # b will never complete``): code before the run.
_CODE_BEFORE_COMMENT_RE = lazy(r"[^\n]*(?:[()\[\]{}=]|\w\.\w)[^\n]*")
# A grammar rule (``list_display ::=  "[" ...``): the spaces after ``::=`` lay it out (``_doctest_or_code``).
# A menu's check box before an indented entry (``[*]   netfilter (firewalling) support``,
# ``[ ]   Network packet filtering``): the kernel configurator's tree, not a gap.
_CHECKBOX_RE = lazy(r"[ \t]*(?:\[[ *xXM]\]|<[ *M]>|\([ *xX]\))")
# An item of a program's help (argparse's `` bar         BAR! (default: [1, 2, 3])``): an
# indented name alone before the run, under a heading ending in ":" (``positional
# arguments:``) or beside another such item.
_HELP_ITEM_RE = lazy(r"[ \t]+-{0,2}[\w][\w.-]*(?:,?[ \t]+-{1,2}[\w-]+(?:[ =][\w.-]+)?)*")
# a configuration key alone before its value (login.defs: ``  FAILLOG_ENAB        yes``)
_CONFIG_KEY_RE = lazy_re(r"[ \t]*[A-Z][A-Z0-9]*_[A-Z0-9_]+")  # (re: regex scans the range for the "_" first)
_INNER_RUN_RE = lazy(r"\S[\p{Zs}]{3,}\S")


# A shell command line (harden-doc: "    sed 's/^/    /' < BAD", "$  while true; do test=\"\";
# read  -t 20", "/sbin/iptables ... ${SSH_PORT}  -j ACCEPT"): after its indentation and a prompt,
# a known command (or a path to one) and a sign of the shell (an option, a variable, a pipe, a
# quote), or a variable assigned a string: the spaces are its strings' and arguments'.
_SHELL_LINE_RE = lazy(r"[ \t]*(?:[$#%][ \t]+)?([a-z./][\w./+-]*)[ \t]")
_SHELL_ASSIGNMENT_RE = lazy(r"[ \t]*[A-Za-z_]\w*=[\"'`$]")
_SHELL_SIGN_RE = lazy(r"(?:^|\s)--?\w|[$|'\"`;<>]")
# A tree's drawing ("|   `-- start-stop-daemon", "|       |-- LC_MESSAGES"), a date's padded day
# ("Sun Dec  3 17:49:23 CET 2000"), a key fingerprint's two halves ("A643  D869").
_TREE_BEFORE_RE = lazy(r"[ \t|`+]*[|`+][ \t|`+-]*")
_TREE_AFTER_RE = lazy(r"(?:[|`+]--|\|(?:[ \t]|$))", regex.M)
_DATE_DAY_RE = lazy(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\Z")
_HEX_GROUP_BEFORE_RE = lazy(r"\b[0-9A-F]{4}\Z")
_HEX_GROUP_AFTER_RE = lazy(r"[0-9A-F]{4}\b")


# A line of GnuPG's key listing (``gpg --list-keys``, ``--check-sigs``: harden-doc's
# "pub   1024D/4F368D5D 2005-01-31 [expires: 2006-01-31]", "uid                  Debian
# Archive Automatic Signing Key (2005) <ftpmaster@debian.org>", "sig!3        2D230C5F
# 2006-01-03  Debian Archive…"; gpg 2's "pub   rsa4096 2019-04-15 [SC]", "uid   [ unknown]
# …"): a record's tag, then columns gpg pads. The tag alone is not enough ("sub  total" in
# prose): a key's size and type or algorithm, a key id, a date, a validity, or an address.
_GPG_LISTING_RE = lazy(
    r"[ \t]*(?:pub|sub|sec|ssb|uid|uat|sig|rev|fpr|grp)[!?%-]?\d?[ \t]+"
    r"(?=[^\n]*(?:\b\d{3,5}[DRgGE]?/(?:0x)?[0-9A-F]{8,16}\b|\b(?:rsa|dsa|elg|ed25519|cv25519|nistp|brainpool)\d*\b"
    r"|\b[0-9A-F]{8,16}[ \t]+\d{4}-\d\d-\d\d\b|\[[ \t]*(?:unknown|undefined|never|marginal|full|ultimate|expired|revoked)\]"
    r"|<[^<>@\s]+@[^<>\s]+>))"
)


def _shell_line(text: str, start: int, end: int) -> bool:
    if _SHELL_ASSIGNMENT_RE.match(text, start, end):
        return True  # X="`echo "$X" | sed 's/  */ /g'`"
    m = _SHELL_LINE_RE.match(text, start, end)
    return m is not None and is_command_word(m.group(1)) and _SHELL_SIGN_RE.search(text, m.end(), end) is not None


# A shell prompt then a command (``$ ls -l``, ``# mount``) inside a line
_PROMPT_RE = lazy(r"(?:^|(?<=\s))[$#][ \t]+([a-z./][\w./+-]*)")


def _terminal_session(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (one line) a terminal session joined into one line: three
    shell prompts or more, each before a known command (intro(1)'s example session
    "$ date Tue Aug  6 23:50:44 CEST 2002 $ cal      August 2002 Su Mo Tu … $ ls -l total 2
    drwxrwxr-x   2 aeb       1024 …" in a record of one paragraph)? The runs of spaces
    there are the programs' output padding its columns."""
    found = 0
    for m in _PROMPT_RE.finditer(text, start, end):
        if is_command_word(m.group(1)):
            found += 1
            if found >= 3:
                return True
    return False


def _drawn_or_printed(text: str, line_start: int, gap_start: int, gap_end: int) -> bool:
    """A tree drawing's indentation, a date's padded day, a fingerprint's gap (above)."""
    if _TREE_BEFORE_RE.fullmatch(text, line_start, gap_start) and _TREE_AFTER_RE.match(text, gap_end):
        return True
    if text[gap_end : gap_end + 1].isdigit() and _DATE_DAY_RE.search(text, max(line_start, gap_start - 3), gap_start):
        return True
    return bool(_HEX_GROUP_BEFORE_RE.search(text, max(line_start, gap_start - 5), gap_start)
                and _HEX_GROUP_AFTER_RE.match(text, gap_end))


def _doctest_or_code(doc, index: int, gap_start: int, gap_end: int) -> bool:
    """True when the run at ``[gap_start, gap_end)`` on line ``index`` (0-based) lies in code
    written in the text: a line of a Python session (``>>>``/``...``) or its output (a line
    below a ``>>>`` line of its block: ``"line = The mill's closed   "``), an inline comment
    after code, or a grammar rule's ``::=``."""
    text, lines = doc.text, doc.lines
    line_start = lines[index].start
    if index in _session_lines(doc):
        return True  # a ">>>" line above in the block: the session's code or its output
    prefix = _DOCTEST_LINE_RE.match(text, line_start)
    if prefix is not None and prefix.end() == gap_start:
        return True  # "...     print(x)": a continuation line's indentation (its ">>>" in another record)
    if text.startswith(("#", "//"), gap_end) and _CODE_BEFORE_COMMENT_RE.fullmatch(text, line_start, gap_start):
        return True
    return text.endswith("::=", line_start, gap_start)  # (read at the run, not searched from the line's start)


@last_argument
def _session_lines(doc) -> frozenset[int]:
    """The lines (0-based) at or below a ``>>>`` line in their block of non-blank lines: a
    Python session's code and output. One pass over the lines (a walk up the block from each
    run of spaces was quadratic in a long block's lines)."""
    text, found, inside = doc.text, set(), False
    if ">>>" not in text:
        return frozenset()
    for i, row in enumerate(doc.lines):
        if not text[row.start : row.end].strip():
            inside = False
            continue
        inside = inside or _PROMPT_LINE_RE.match(text, row.start) is not None
        if inside:
            found.add(i)
    return frozenset(found)


_WORD_RE = lazy(r"\p{L}{2,}")
_WIDE_GAP_RE = lazy(r"(?<=\S)[\p{Zs}]{2,}(?=\S)")
_MACHINE_SIGN_RE = lazy(r"[=/\[\]{}<>|@]")  # ("password   [success=1 default=ignore]      pam_unix.so")
_SENTENCE_INSIDE_RE = lazy(r"[.!?][ \t]+\p{Lu}")
_SINGLE_GAP_RE = lazy(r"(?<=\S)[\p{Zs}](?=\S)")  # (a wrapped line of prose: "It is  either unknown, or")
# two or more inner gaps of 2+ spaces (``structure``'s column lines: ``auth     requisite
# pam_securetty.so``, a PAM line in a record read as Markdown, where no code region finds it)
_COLUMNS_RE = lazy(r"\S(?: {2,}|\t)\S.*?\S(?: {2,}|\t)\S")


def _sentence_like(line: str) -> bool:
    """``reads_as_prose`` with four or more words of letters (not ``(1, 2, ('aa', 'ab'))   <
    (1, 2, ('abc', 'a'), 4)``, whose "words" are a tuple's items)."""
    return reads_as_prose(line) and len(_WORD_RE.findall(line, 0, 400)) >= 4


def _layout_lines(doc, index: int) -> bool:
    """True when the line at ``index`` (0-based) and two neighbours in its block (the lines
    just above and below, or the two above or below) each have an inner run of three or more
    spaces and none reads as a sentence: a two-column layout (``ulimit -a``'s ``open files
    (-n) 1024`` over ``pipe size          (512 bytes, -p) 8``), whose cells are padded."""
    lines = doc.lines
    text = doc.text

    def laid_out(i: int) -> bool:
        if not 0 <= i < len(lines):
            return False
        line = text[lines[i].start : lines[i].end]
        return _INNER_RUN_RE.search(line) is not None and not _sentence_like(line)

    line = text[lines[index].start : lines[index].end]
    if _COLUMNS_RE.search(line) is not None and len(line.split(None, 24)) <= 24 and not _sentence_like(line) and (
            len(_WIDE_GAP_RE.findall(line.strip())) >= len(_SINGLE_GAP_RE.findall(line.strip()))
            or (_MACHINE_SIGN_RE.search(line) is not None and _SENTENCE_INSIDE_RE.search(line) is None)):
        return True  # a line of columns (two gaps or more, as many as single spaces or signs of a machine): "bin  dev  etc"
    if not laid_out(index):
        return False
    return (laid_out(index - 1) and laid_out(index + 1)) or (laid_out(index - 1) and laid_out(index - 2)) or (
        laid_out(index + 1) and laid_out(index + 2))


_GAP_END_RE = lazy(r"(?<=\S)[\p{Zs}]{2,}(?=\S)")


_CELL_RE = lazy(r"\S+")


def _near_miss(doc, index: int, column: int) -> bool:
    """True when a run of spaces on the line above or below ends one or two columns from
    ``column`` (0-based, where this line's run ends) and none there ends at ``column``, nor
    ends its cell where this one's ends (right-aligned: ``==`` under ``<``): a cell pushed
    out of its column ("=   51 Euro" under "=  51"), which W103 reports."""
    text, lines = doc.text, doc.lines
    here = _CELL_RE.match(text, lines[index].start + column)
    cell_end = column + (len(here.group()) if here else 0)
    near = exact = False
    for i in (index - 1, index + 1):
        if 0 <= i < len(lines):
            start = lines[i].start
            for g in _GAP_END_RE.finditer(text, start, lines[i].end):
                d = abs(g.end() - start - column)
                cell = _CELL_RE.match(text, g.end())
                exact |= d == 0 or (cell is not None and cell.end() - start == cell_end)
                near |= 0 < d <= 2
    return near and not exact


def _help_item(doc, index: int, gap_start: int) -> bool:
    """True when the line at ``index`` is an indented name and its text (``_HELP_ITEM_RE``)
    under a line ending in ":" or beside a line of the same form: a help text's list."""
    lines = doc.lines
    text = doc.text
    if _HELP_ITEM_RE.fullmatch(text, lines[index].start, gap_start) is None:
        return False
    above = index - 1
    while above >= 0 and not text[lines[above].start : lines[above].end].strip():
        above -= 1
    if above >= 0 and text[lines[above].start : lines[above].end].rstrip().endswith(":"):
        return True
    for i in (index - 1, index + 1):
        if 0 <= i < len(lines):
            line = text[lines[i].start : lines[i].end]
            m = _HELP_ITEM_RE.match(line)
            if m is not None and line.startswith("  ", m.end()):
                return True
    return False


# An indented tag alone before a run of spaces, and a tag as wide as its column, then one space.
_TAG_HEAD_RE = lazy(r"([ \t]+)\S+")
_TAG_THEN_TEXT_RE = lazy(r"([ \t]+)\S+ (?=\S)")


def _tagged_item(doc, index: int, gap_start: int, column: int) -> bool:
    """True when line ``index`` (0-based) is an indented tag, one token, padded by the run from
    ``gap_start`` (an offset in ``doc.text``) to its text at ``column`` (0-based), and the
    nearest item beside it (``nearest_lines``) at the same indentation shows that column: a
    tag as wide as it, one space, then its text (less(1) in Polish: "dos    Wybiera" under
    "latin9 To samo"; groff(1): "ascii  Wyjście" over "cp1047 Wyjście"), or, below, a tag alone
    whose next line is indented to the column (mailx(1): "~<plik  Dodaje" over "~stekst" and
    its text): a rendered man page's tagged paragraphs (``.TP``), their tags padded."""
    text, lines = doc.text, doc.lines
    head = _TAG_HEAD_RE.fullmatch(text, lines[index].start, gap_start)
    if head is None or column > MAX_LAYOUT_COLUMN:
        return False
    indent = head.group(1)
    at = column + leading_bom(doc, index)
    here = text[lines[index].start : lines[index].start + at]  # (columns compared in display cells: ``same_cell``)
    for j, other, _ in nearest_lines(doc, index):
        tag = _TAG_THEN_TEXT_RE.match(other)
        if tag is not None and tag.group(1) == indent and tag.end() == same_cell(here, other, at):
            return True
        if j > index and j + 1 < len(lines) and other.strip() and _TAG_HEAD_RE.fullmatch(other.rstrip()) \
                and other[: len(indent)] == indent and not other[len(indent)].isspace():
            below = text[lines[j + 1].start : lines[j + 1].end]
            col = same_cell(here, below, at)
            if col is not None and len(below) > col and not below[:col].strip() and not below[col].isspace():
                return True
    return False


# A tag of a rendered manual's tagged paragraph (``.TP``), one token at the left of its line:
# "{", "=", "}" in sed(1)'s command list, "-a", "DIR".
_INDENTED_TAG_RE = lazy(r"[ \t]+[^\s]{1,12}")
BODY_INDENT_MIN_LINES = 3  # lines of a manual indented to a column for it to be its body's
TAG_LINE_MAX_CHARS = 40  # a line above a tag, at its indentation, as long as this at most: a tag too


def _body_indent(doc) -> Counter:
    """How many lines of ``doc`` start their text at each column (0-based; indented lines only),
    read once per document: the columns a rendered manual indents its paragraphs to."""
    cache = doc.__dict__.get("_body_indent")
    if cache is None:
        text = doc.text
        cache = Counter()
        for row in doc.lines:
            i = row.start
            while i < row.end and text[i] == " ":
                i += 1
            if row.start < i < row.end and not text[i].isspace():
                cache[i - row.start] += 1
        doc.__dict__["_body_indent"] = cache
    return cache


def _tag_to_body(doc, index: int, gap_start: int, column: int) -> bool:
    """True when line ``index`` (0-based) of a rendered manual (``rendered_manual``) opens with
    an indented tag, one token, and the run of spaces from ``gap_start`` (an offset in
    ``doc.text``) ends at ``column`` (0-based), a column to which the manual indents the text of
    ``BODY_INDENT_MIN_LINES`` lines or more: groff sets a short tag's text on the tag's line at
    the paragraph's indentation (sed(1) in German, "{      Beginnt einen Befehlsblock" among
    paragraphs indented to that column; in Romanian, "=      Tipărește numărul de linie"), the
    run its padding. The tag opens its item: the line above is blank, less indented, short (a
    tag of its own, ``TAG_LINE_MAX_CHARS`` at most: perlfunc(1)'s "abs VALUE" over "abs     Returns
    the absolute value"; a filled paragraph's line reaches near the margin), or an item of the
    same layout (its text at ``column`` after a run); a paragraph's line ("the  LaTeX" under "the
    `DocBook \\<footnoteref>`_ element or", at one indentation) is no tag."""
    text, row = doc.text, doc.lines[index]
    tag = _INDENTED_TAG_RE.fullmatch(text, row.start, gap_start)
    if tag is None or _body_indent(doc)[column] < BODY_INDENT_MIN_LINES or not rendered_manual(doc):
        return False
    if index == 0:
        return True
    above = text[doc.lines[index - 1].start : doc.lines[index - 1].end]
    indent = len(text[row.start : gap_start]) - len(text[row.start : gap_start].lstrip(" \t"))
    return (not above.strip() or len(above) - len(above.lstrip(" \t")) < indent or len(above.rstrip()) <= TAG_LINE_MAX_CHARS
            or (len(above) > column and above[column - 2 : column] == "  " and not above[column].isspace()))


_SENTENCE_IN_LINE_RE = lazy(r"[.!?。！？؟۔](?=\s|$)|[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]{12}")


def _tag_line(doc, index: int) -> bool:
    r"""True when line ``index`` (0-based) of a rendered manual (``rendered_manual``) is the tag
    line of a tagged paragraph (``.TP``): indented, after a blank line, its text on the next line
    indented deeper, to a column the manual indents ``BODY_INDENT_MIN_LINES`` lines or more to,
    and holding no sentence (a sentence's end, or a run of a script written without spaces: a tag
    with its text on the same line, "env    Tcl     把这个变量维护为一个数组，…", keeps its text's
    runs reported). A tag's spaces are the writer's
    (groff's unpaddable ``\ ``): procfs(5)'s "(38) exit_signal  %d  (since Linux 2.1.22)",
    "(42) delayacct_blkio_ticks  %llu  (начиная с Linux 2.6.18)"."""
    if index == 0 or index + 1 >= len(doc.lines):
        return False
    text, rows = doc.text, doc.lines
    here, above, below = (text[rows[i].start : rows[i].end] for i in (index, index - 1, index + 1))
    indent, deeper = len(here) - len(here.lstrip(" ")), len(below) - len(below.lstrip(" "))
    return (0 < indent < deeper and above.strip() == "" and below.strip() != "" and not _SENTENCE_IN_LINE_RE.search(here)
            and _body_indent(doc)[deeper] >= BODY_INDENT_MIN_LINES and rendered_manual(doc))


# reST markup that may close a sentence before its two spaces: footnote and citation
# references (`` [#]_``, `` [1]_``, ``[CIT2002]_``), then end-strings of inline markup.
_RST_CLOSE_RE = lazy(r"(?:\s*\[[^\]\s]+\]_)+$|[*`_|]+$")


# An ANSI SGR sequence (a colour code, "\x1b[33m", "\x1b[;m") ending where a run of spaces starts:
# fortunes-zh colours its lines for a terminal, then indents ("\x1b[33m    --《论语》").
_SGR_END_RE = lazy(r"\x1b\[[0-9;]*m\Z")
# A year range left open for the year to come: "(1951-    )", a blank to fill in.
_YEAR_BLANK_RE = lazy(r"\(\d{3,4}[-–]\Z")
# A copyright notice's years, right before the two spaces that set the holder's name apart: the
# GNU licences' "How to Apply" template, "Copyright (C) <year>  <name of author>", copied into
# READMEs and file headers (simpler-wick's "Copyright (C) 2015  Joshua Ellis"; "Copyright ©
# 1999, 2003-2005  Free Software Foundation, Inc."). Read back from the run, a notice's length.
_COPYRIGHT_YEARS_RE = lazy(
    r"(?i:\bcopyright)(?:[ \t]+(?:\([cC]\)|©))?[ \t]+\d{4}(?:[ \t]*[-–,][ \t]*\d{2,4})*\Z|©[ \t]*\d{4}"
    r"(?:[ \t]*[-–,][ \t]*\d{2,4})*\Z")
_COPYRIGHT_REACH = 80  # characters before the run: "Copyright (C) " and a list of years


# An emoticon closing a sentence, as its full stop would (procmailrc(5) in Czech: "(za normálních
# okolností žádná :-)  příp. jiných", "(normally none :-)  or other"): eyes, an optional nose, a mouth.
_EMOTICON_END_RE = lazy(r"(?<!\S)[:;=8][-^o']?[()\[\]DPpO/|*]\Z")
# The title of a rendered man page, its name and section, ending its header and footer lines
# ("PSSELECT(1)", "ATD(8)", "вступ(7)").
_MAN_TITLE_END_RE = lazy(r"[ \t]{2,}[^\s()]+\(\d[\w]{0,3}\)\Z")
_NON_SPACE_RE = lazy(r"\S")


def _man_page_margin(doc, index: int) -> bool:
    """True when line ``index`` (0-based) is the first or last non-blank line of ``doc`` and
    ends, after a run of spaces, with a man page's title (``NAME(section)``): the header or
    footer ``man`` lays out in three columns ("PSUtils Wydanie 1 Łata 17      PSSELECT(1)", the
    left one empty; "14. listopadu 2009      ATD(8)")."""
    text, row = doc.text, doc.lines[index]
    end = row.end
    while end > row.start and text[end - 1] in " \t":
        end -= 1
    # (read from the line's end, a title's length back: a search of a one-line file's whole
    # line, once for each of its runs of spaces, would take time quadratic in its length)
    if text[end - 1 : end] != ")" or _MAN_TITLE_END_RE.search(text, max(row.start, end - 80), end) is None:
        return False
    if _NON_SPACE_RE.search(text, row.end) is None:
        return True  # the footer: nothing but blank lines after it
    return _NON_SPACE_RE.search(text, 0, row.start) is None  # the header, the page's first line


# The column a formula's right-hand sides start at: a sign ("=", ":=", "->") and the spaces
# after it, then the side (capabilities(7): "P'(ambient) =     (…)" over "P'(permitted)   = (…)",
# the sides in one column while the signs are not).
_SIGN_BEFORE_RE = lazy(r"(?:^|[ \t])[=:<>-]{1,3}\Z")


def _rhs_column(doc, index: int, gap_start: int, column: int) -> bool:
    """True when the run of spaces from ``gap_start`` (an offset in ``doc.text``) to
    ``column`` (0-based, on line ``index``) follows a sign (``_SIGN_BEFORE_RE``) and the
    nearest non-blank line above or below (across one blank line) has the same sign, then
    spaces, then text at ``column``: the right-hand sides of a block of formulas in one
    column. Reads the two neighbouring lines' first ``column`` characters."""
    start = doc.lines[index].start
    sign = _SIGN_BEFORE_RE.search(doc.text, max(start, gap_start - 4), gap_start)
    if sign is None or column > MAX_LAYOUT_COLUMN:
        return False
    op = sign.group().strip()
    for _, other, _ in nearest_lines(doc, index):
        head = other[:column].rstrip(" \t")
        if (column < len(other) and not other[column].isspace() and other[column - 1] in " \t"
                and head.endswith(op) and head[: -len(op)][-1:] in ("", " ", "\t")):
            return True
    return False


def _cell_or_none(line: str, other: str, index: int) -> int:
    """``same_cell``, -1 where no character of ``other`` starts in that cell (a position no
    run of spaces starts at)."""
    at = same_cell(line, other, index)
    return -1 if at is None else at


# After a full-width mark or the ideographic comma, before Chinese or Japanese text (Han, kana,
# CJK punctuation and full-width forms; not Hangul: Korean spaces its sentences), the whole
# run goes: the mark carries its own spacing, and no word is glued (CJK writes none apart).
_CJK_STOPS = FULL_WIDTH_MARKS | frozenset("、")
_CJK_TEXT_RE = lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}\u3001-\u303f\uff01-\uff60]")


# A Thai letter or mark: Thai writes no full stop; a space ends a sentence, and typists make
# it two (the sentence space, wider than the phrase space: "…ได้  ใช้ค่า").
_THAI_RE = lazy(r"[\p{sc=Thai}&&[\p{L}\p{M}]]", regex.V1)


class _PerLine(dict):
    """``fn(i)`` for a line index ``i``, computed at its first request and kept (one rule's
    check: facts of a line that each of its matches would otherwise compute again)."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __call__(self, i: int):
        if i not in self:
            self[i] = self.fn(i)
        return self[i]


class MultipleSpaces(DocumentRule):
    """Two or more consecutive spaces between words.

    What: Reports runs of two or more space characters (any Unicode space separator)
    between two non-space characters. Leading indentation and tabs are not reported,
    nor are columns laid out with spaces: Markdown tables and code, code-like lines
    of plain text (command output, configuration files: see ``corpuslint.structure``),
    and a run after which the next word starts at the same column as a word after a
    run of spaces of another width on the line above or below, or after runs of spaces on
    two more lines of a block of lines that all start a word at that column (aligned
    columns: "0-2  -- hip", "8-10 -- peril", "11+  -- ...") and a run after which a number
    or a mark without letters lines up with a number (start or end) or the same mark on
    the line above or below (a small table: "100 DM   =  51 Euro", "100 Euro = 195 DM"),
    or on the nearest line across one blank line (a list set one entry to a paragraph:
    "Version 1.1 — 2019-09-24", a blank line, "Version 1   — 2019-08-29"),
    and a run after which the text starts at the column where the nearest non-blank line
    above or below (across one blank line) starts its text (a tagged paragraph of a rendered
    man page: "at      指定された時間に…" over "atq     ペンディング…"), a run after an
    indented bullet, option or escape alone at the start of a line (`•      alias`,
    `-M  İlkinden`), two spaces after a list item's label opening a line (`(1)  Assumi sempre
    un avvocato ricco.`, `a)  Item`: a typed list's layout), and a run right after an opening quote (`print "  Exit by a 0
    transaction.\\n"`: the quoted string's own spaces); a run of four or more spaces after
    which the next word starts at the column where a run of spaces of any width ends on the
    line above or below, the text before it differing (an example's notes padded to one column:
    rsync(1)'s `/foo/bar               (dikkat: "ben" yok)` over `/bar/baz               (…`);
    a run on a rendered man page's first or last line that ends with its title, `NAME(N)`
    (the header, the footer `PSUtils Wydanie 1 Łata 17        PSSELECT(1)`); a run after a
    sign (`=`, `:=`, `->`) whose next word starts the column where the nearest non-blank
    line above or below (across one blank line) starts its text after the same sign (a
    formula's right-hand sides: capabilities(7)'s `P'(ambient) =     (…)` over
    `P'(permitted)   = (…)`); a run after an indented tag, one token, where the nearest
    item beside it at the same indentation has a tag as wide as the column and one space
    (less(1): `dos    Wybiera` under `latin9 To samo`) or, below, a tag alone whose text the
    next line indents to the column (mailx(1): `~<plik  Dodaje` over `~stekst`); in a manual
    rendered as text (``regions.rendered_manual``: an outline of sections, "NAME" over its body),
    a run after an indented tag, one token, that ends at a column to which three or more lines
    of the manual indent their text (sed(1): `{      Beginnt einen Befehlsblock`, `=      Tipărește
    numărul`, a short tag's text set at the paragraphs' indentation);
    in plain text that
    quotes code, only lines that read as sentences (6+ words) are checked. Two ASCII
    spaces after a sentence's final `.`, `!`, `?` or `:`, or Arabic `؟`, Urdu `۔`,
    Devanagari `।` `॥`, or an emoticon ending the sentence (`žádná :-)  příp.`), (closing
    quotes or brackets may follow the mark: `."  She said`,
    `چی؟  مامان`; in reStructuredText also inline markup or a footnote reference: `**Deprecated.**  Use`,
    `languages. [#]_  Hidden`) follow the two-space sentence-spacing convention and are left alone.
    In Markdown, the spaces after a block quote or list marker that open a line (`>    text`, `1.  Item`) are indentation, not a gap between words,
    and so are those after a definition list's marker (Pandoc, PHP Markdown Extra: `:   Its
    definition` under its term; markdownify leaves the installation guide's lists so). A run
    of four or more spaces that pushes a short mark or number without letters to the
    end of the line right-aligns it (a proof's end mark `x = c²        ::`, a page number
    `Introduction        12`). A run of four or more spaces after a question or
    exclamation mark that sets apart a short answer ending the line is a riddle's layout
    (`칼이 정색하면?                           검은색`); one after a sentence's end that pushes
    an attribution to the end of the line (a capitalised name and at most four more words, not a
    sentence, or a dash and a name: fortunes' `I will fight no more.              Chief Joseph, (Nez
    Perce)`, `"Ja, sieht man auch im Fußball."        -- Lutz D.`) is the
    quotation's layout, which one space would run into the sentence. Lines of a chat log quoted
    verbatim (``structure.chat_log_lines``: `13:56  * drzewko …`, `<Aquariophile>  Kennt …`) keep
    the log's layout and the speaker's typing. A string of a .po file whose msgid has
    a run of spaces between words, or a line indented by six or more, is laid out by the
    program (the option columns of a `--help` text: "  -f, --file=DATEI           wie
    --date"), and the translation keeps or rearranges that layout.
    Code and printed layout written in plain text or a Markdown field are left alone too
    (fresh17, the Python docs and harden-doc as text): a line of a Python session (``>>>``,
    ``...``) and the output under a ``>>>`` line of its block, code then two spaces and an
    inline comment, a grammar's ``::=``, a shell command line (a known command or path with a
    sign of the shell: ``sed 's/^/    /'``), a string assigned to a variable, a menu's check
    box (``[*]   netfilter``), a help item under its heading (`` bar         BAR!``), a
    configuration key (``FAILLOG_ENAB        yes``), a tree drawing (``|   `-- zsh4``), a
    date's padded day (``Dec  3``), a key fingerprint's halves, a line of GnuPG's key listing
    (``pub   1024D/4F368D5D 2005-01-31``, ``uid   [ unknown] …``), a line of columns (two gaps or
    more, no sentence) and a line among padded neighbours (``ulimit -a``'s output). A man
    page's definition list flattened into records of one paragraph has lost its
    indentation: an option's tag or a command's name opening the line before its
    description (``--mtu=MTU  Maximum transmission unit…``, ``describe  Show details…``), and
    a terminal session joined into one line (three prompts or more before known commands:
    ``$ cal      August 2002 Su Mo Tu … $ ls -l``) keep their layout's runs.
    A Debian change log's bug-closing trailer ending the line (``(Closes: #107624).``,
    ``(closes: #962590) (LP: #1874953)``: dpkg's and Launchpad's closes syntax, deb-changelog(5))
    is set apart from the change it closes, often padded toward the right margin ("thanks to
    Jeff Sheinberg                  (Closes: #107624)."): the run before it is that layout.
    Two spaces between a copyright notice's years and its holder are the GNU licences'
    template ("Copyright (C) <year>  <name of author>": `Copyright (C) 2015  Joshua Ellis`).
    Spaces right after a terminal's colour code (`\x1b[33m    --《论语》`, fortunes-zh) are the
    line's indentation, and `(1951-    )` a year's blank left to fill in: neither is reported.
    A LaTeX source (.tex) is not checked: TeX typesets a run of spaces as one space, so
    the source's runs (`\\input{body}    % the modules`, a tabular row laid out in
    columns) never reach the text; nor is an HTML page, whose runs of spaces a browser
    shows as one (debian-reference ja's `解決します。  </p>`; `<pre>` is code), nor a MediaWiki
    page (.wiki, or a .txt that is wikitext: ``corpuslint.readers.wikitext``), rendered as HTML
    (a line that opens with a space is MediaWiki's preformatted text: its markup, not a run).
    In a GNU Info file (``corpuslint.info``) the format's layout is markup or code, not
    prose: a node's header line, whose fields are set apart by two spaces (``File:
    texinfo.info,  Node: Top,  Next: Copying Conditions,  Up: (dir)``), menu and index
    entries padded to a column (``* Dir files, compressed:        Invoking install-info.``),
    examples (``ls -l`` output, drawings); a doubled space in a node's sentences is reported.
    Columns are compared in display cells (a CJK character takes two: `タイプ 2       護符`
    starts its text at cell 22, as the indented line below it does, though at code point 19).
    A line that justification stretched to the right margin of a justified document (a
    rendered man page: the lines a paragraph continues after end at one display width,
    and they show the stretch; ``_common.justified_lines``; or, in a text too short to show
    a page, such as a man page's paragraph as a dataset record, a paragraph whose long lines
    end at one width, the line at it filled as groff fills, its wider gaps together at one
    end: "iso_8859-2  -  Jeu  de caractères…"; a ``|`` inside a word, zless(1)'s quoted
    ``[|&^``, does not make a line a drawn table's) holds its fill, not a doubled
    space: in CJK lines, which have one to three spaces, all of it (`quota  を`); the last
    line of a paragraph, and ragged text, are checked. A Korean official document's
    letter-spaced label (균등 배분: `발  의  자 :`, `현      행`, `개   정   안`, `(생  략)`), one
    syllable each with equal runs between, is its form's layout; and two spaces between Thai
    words are the Thai sentence break (Thai writes no full stop: `ได้  ใช้ค่า`).
    Why: Doubled spaces come from removed markup, joined fields or NBSP next to a
    space; they make identical sentences hash differently.
    Example: `*المصدر:   Transparency News` → `*المصدر: Transparency News`.
    Fix safety: safe — the run becomes one ASCII space (one no-break space, the run's own,
    before `» : ; ! ?` or after `«`: French typography kept); after a full-width mark or
    the ideographic comma (`。，、！？：；`) before Chinese or Japanese text the run goes
    (`界。  每個` → `界。每個`: CJK sets no space there, and writes no word apart to glue);
    unsafe for a run of three or more spaces in a rendered manual, which may pad a column
    (bzip2(1) in Polish: `Kompresja:   400 k` over `Dekompresja:  100 k`).
    """

    code = "W103"
    name = "multiple-spaces"
    family = "whitespace"
    fixable = True

    regions = frozenset({PROSE, HEADING})  # not tables or code: aligned on purpose
    _re = regex.compile(r"(?<=\S)[\p{Zs}]{2,}(?=\S)")
    _markers_re = regex.compile(r"(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)]))+")  # Markdown container markers
    # a definition list's marker opening the line (Pandoc, PHP Markdown Extra: "Term" then
    # ":   Its definition", the colon or tilde indented up to three spaces, its text at a tab stop)
    _definition_re = regex.compile(r"(?:[ \t]*>)*[ ]{0,3}[:~]")
    _closers = "\"'”’)]»"
    # sentence-final marks: Latin and the Arabic question mark, the Urdu full stop, the
    # Devanagari danda and double danda (the same two-space convention after them)
    _sentence_ends = frozenset(".!?:\u061f\u06d4\u0964\u0965")
    _right_aligned_re = regex.compile(r"[^\s\p{L}]{1,3}[ \t]*$")  # matched up to the line's end
    # an indented bullet, an option (-M, --suffix), an escape (\c) or one letter (mknod's
    # `b   blok`, indented 4+) alone before the run: the tag of a rendered man page's list
    # item, its text set in the next column
    _tag_re = regex.compile(r"[ \t]+(?:[•·◦‣▪∙○●■□◆◇▸►*+–-]|--?[\w?][\w-]*|\\[\w\\])|[ \t]{4,}\w")
    # a list item's label opening the line, a number, a letter or a small roman numeral in
    # parentheses or before ")" (fortunes-it: "\t(1)  Assumi sempre un avvocato ricco."; "1.  "
    # is the two spaces after a full stop below): typed lists set their text apart with two spaces
    _label_re = regex.compile(r"[ \t]*(?:\((?:\d{1,3}|\p{L}|[ivxlc]{1,5})\)|(?:\d{1,3}|\p{L})\))")
    # An option's tag may open the line unindented, with its value (``--mtu=MTU``,
    # ``-o FILE``, ``--color[=WHEN]``, gcloud's ``--[no-]async``, ``--zone=ZONE; default="a"``)
    # and its other spellings (``-v, --verbose``): a man page's definition list flattened
    # into one record (fresh24, the paragraph records of gcloud's pages: "--mtu=MTU  Maximum
    # transmission unit…"), its indentation gone.
    _option = r"--?(?:\[no-\])?[\w?][\w-]*(?:=\S+|\[=\S+\]|[ ][A-Z][A-Z0-9_]*)?(?:; default=\S+)?"
    # (not in a .po string, whose msgid decides its layout: ``in_sources``)
    _flat_tag_re = lazy(rf"{_option}(?:,[ ]{_option})*")
    # a command's or setting's name opening the line, its description after the run
    # beginning a sentence: gcloud's "describe  Show details…", "set-iam-policy  (BETA) Set…",
    # "use_threading_local  If True, …", a positional argument "URI  Path to…" (a group's
    # command list, a flattened definition list); "name  一个现有操作符的名字" (CJK, caseless; not
    # Persian "dot  با خطایی…", an English word inside a sentence of a right-to-left script)
    _term_re = lazy(r"[a-z][\w.-]*|[A-Z][A-Z0-9_]+")
    _description_re = lazy(r"\(?[\p{Lu}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
    _openers = "\"'“«‘„"
    # a short answer (one to three words, no sentence mark) ending the line after a question
    _answer_re = regex.compile(r"\S+(?:[ \t]\S+){0,2}[ \t]*$")
    # an attribution ending the line: a dash and a name ("-- Lutz D."), or a name not ended as a
    # sentence ("Chief Joseph, (Nez Perce)"): capitalised, with at most four more words
    _attribution_re = lazy(
        r"(?:(?:--?|[–—])[ \t]*\p{Lu}\S*(?:[ \t]\S+){0,4}|\p{Lu}\S*(?:[ \t]\S+){0,4}(?<![.!?…]))[ \t]*(?=\r?$)", regex.M)

    # A bug-closing trailer ending the line: dpkg's closes syntax (deb-changelog(5):
    # /closes:\s*(?:bug)?\#?\s?\d+(?:,\s*(?:bug)?\#?\s?\d+)*/i) and Launchpad's (/lp:\s+\#\d+.../i),
    # in parentheses or not, one or more, kept on the line (a wrapped list ends it with ",")
    _bug_trailer_re = lazy(
        r"(?:\(?(?i:closes:[ \t]*(?:bug)?\#?[ \t]?\d+(?:,[ \t]*(?:bug)?\#?[ \t]?\d+)*"
        r"|lp:[ \t]+\#\d+(?:,[ \t]*\#\d+)*)\)?[.,;]?[ \t]*)+(?=\r?$)", regex.M)

    # What every match holds: two space separators in a row (``re``: ZS is \p{Zs}). A text
    # without one (most prose) is not scanned with the look-behind at every offset; one
    # with any is scanned whole (Markdown indents with spaces on many lines, where a scan
    # line by line costs more).
    _trigger = re.compile(f"[{ZS}]{{2}}")
    # A msgid laid out in columns: a run of spaces between words, or a line indented to a
    # description column ("      --files=[FILE]\n                          read filenames").
    _columns_re = lazy(r"(?<=\S)[\p{Zs}]{2,}(?=\S)|^[ ]{6,}(?=\S)", regex.M)

    def check(self, doc):
        if doc.suffix in TEX_SUFFIXES or doc.suffix in HTML_SUFFIXES or doc.is_wikitext:
            return  # (TeX, browsers and MediaWiki read a run of spaces as one: see the docstring)
        markdown = doc.suffix in MARKDOWN_SUFFIXES
        rst = doc.suffix in RST_SUFFIXES
        if self._trigger.search(doc.text) is None or in_sources(doc, self._columns_re):
            return  # (a .po string whose msgid lays out columns with spaces: `--help` output)
        # What depends on the line alone is asked once a line: a one-line file's runs of spaces
        # would each read the whole line again (quadratic: 30,000 runs on a line took > 300 s).
        line_texts = _PerLine(lambda i: doc.text[doc.lines[i].start : doc.lines[i].end])
        laid_out = _PerLine(lambda i: _layout_lines(doc, i))
        shell_or_gpg = _PerLine(lambda i: _shell_line(doc.text, doc.lines[i].start, doc.lines[i].end)
                                or _GPG_LISTING_RE.match(doc.text, doc.lines[i].start, doc.lines[i].end) is not None)
        prose = _PerLine(lambda i: reads_as_prose(line_texts(i)))
        gap_columns: dict = {}  # (column_of_gaps's sides of a block, for its other lines)
        session_line = (0, False)  # (line, is it a terminal session's: ``_terminal_session``)
        for m in self._re.finditer(doc.text):
            if doc.text[m.start()] == "\u00a0" and mojibake_byte(doc, m.start(), m.start() + 1):
                continue  # "ֳ\ufffdֳ\u00a0 ", "ßà" (C3 9F C3 A0) read as cp1255: the no-break space is à's last byte
            line, column = doc.position(m.end())
            if line - 1 in chat_log_lines(doc):
                continue  # "13:56  * drzewko", "<Aquariophile>  Kennt": a chat log quoted, its layout and the speaker's typing
            if self._bug_trailer_re.match(doc.text, m.end()):
                continue  # "thanks to Jeff Sheinberg       (Closes: #107624).": a change log's trailer, set apart
            gap_start = m.start() - doc.lines[line - 1].start
            if aligned(doc, line - 1, column - 1, lambda other, col: gap_ends_at(other, col, _cell_or_none(
                    line_texts(line - 1), other, gap_start))):
                continue  # the next word starts a column that the neighbouring line shares
            if len(m.group()) >= 4 and aligned(doc, line - 1, column - 1, lambda other, col: gap_ends_at(other, col)
                                               and other[:col].strip() != line_texts(line - 1)[:column - 1].strip()):
                continue  # "+/- kalıbı: /foo/bar      (dikkat" over "/bar/baz      (dikkat": one wide padding, a column
            if _man_page_margin(doc, line - 1):
                continue  # "PSUtils Wydanie 1 Łata 17        PSSELECT(1)": a rendered man page's footer or header
            if _rhs_column(doc, line - 1, m.start(), column - 1):
                continue  # "P'(ambient) =     (…) ? 0 : P(ambient)" over "P'(permitted)   = (…": a formula's sides aligned
            if aligned(doc, line - 1, column - 1, lambda other, col: _same_cell(line_texts(line - 1), column - 1, other, col),
                       across_blank=True):
                continue  # a number or mark in the column of the same kind of cell above or below (a blank line between)
            if column_of_gaps(doc, line - 1, column - 1, memo=gap_columns):
                continue  # a column padded to the same width on 3+ lines: a score table
            if hanging_column(doc, line - 1, column - 1, gap_start):
                continue  # a tagged paragraph: the description's column, as the next item or line has it
            if _tag_to_body(doc, line - 1, m.start(), column - 1):
                continue  # "{      Beginnt einen Befehlsblock": a manual's tag, its text at the paragraphs' indentation
            if _tagged_item(doc, line - 1, m.start(), column - 1):
                continue  # "dos    Wybiera" beside "latin9 To samo": a man page's tag padded to its text's column
            if _tag_line(doc, line - 1):
                continue  # "(38) exit_signal  %d  (since Linux 2.1.22)": a manual's tag line, set with fixed spaces
            line_start = doc.lines[line - 1].start
            if _doctest_or_code(doc, line - 1, m.start(), m.end()) or shell_or_gpg(line - 1):
                continue  # ">>> x = 1", "...     print(x)", "f()  # comment", "a ::=  b", "sed 's/^/    /'": code's own spaces
            if doc.text[m.start() - 1] == "m" and _SGR_END_RE.search(doc.text, max(line_start, m.start() - 16), m.start()):
                continue  # "\x1b[33m    --《论语》": a terminal's colour code, then the line's indentation
            if doc.text[m.end()] == ")" and _YEAR_BLANK_RE.search(doc.text, max(line_start, m.start() - 8), m.start()):
                continue  # "León Gieco (1951-    )": a blank left for a year to fill in
            if m.group() == "  " and doc.text[m.start() - 1].isdigit() and _COPYRIGHT_YEARS_RE.search(
                    doc.text, max(line_start, m.start() - _COPYRIGHT_REACH), m.start()):
                continue  # "Copyright (C) 2015  Joshua Ellis": the GNU notice's two spaces before the holder
            if _drawn_or_printed(doc.text, line_start, m.start(), m.end()):
                continue  # "|   `-- zsh4", "Sun Dec  3", "A643  D869": a tree, a date, a fingerprint as printed
            if (_CHECKBOX_RE.fullmatch(doc.text, line_start, m.start()) or _help_item(doc, line - 1, m.start())
                    or _CONFIG_KEY_RE.fullmatch(doc.text, line_start, m.start())):
                continue  # "[*]   netfilter", " bar   BAR!", "FAILLOG_ENAB   yes": a box, help item or key, then its text
            if laid_out(line - 1) and not _near_miss(doc, line - 1, column - 1):
                continue  # "open files                    (-n) 1024" among padded lines: a layout
            if self._tag_re.fullmatch(doc.text, doc.lines[line - 1].start, m.start()):
                continue  # "•      alias", "-M  İlkinden": a list's bullet or an option's tag, then its text
            if m.group() == "  " and self._label_re.fullmatch(doc.text, line_start, m.start()):
                continue  # "(1)  Assumi", "a)  Item": a typed list's label, then its text (typewriter layout)
            if doc.source is None and (self._flat_tag_re.fullmatch(doc.text, line_start, m.start()) or (
                    self._term_re.fullmatch(doc.text, line_start, m.start())
                    and self._description_re.match(doc.text, m.end()))):
                continue  # "--mtu=MTU  Maximum", "describe  Show details of…": a definition list's term, then its text
            if line != session_line[0]:
                session_line = (line, _terminal_session(doc.text, line_start, doc.lines[line - 1].end))
            if session_line[1]:
                continue  # "$ cal      August 2002 Su Mo Tu … $ ls -l total 2 drwxrwxr-x   2 aeb": a session's output
            if doc.text[m.start() - 1] in self._openers and (
                    m.start() - 1 == doc.lines[line - 1].start or doc.text[m.start() - 2] in " \t(=["):
                continue  # print "  Exit by a 0 transaction.": the spaces are the quoted string's
            if len(m.group()) >= 4 and self._right_aligned_re.match(doc.text, m.end(), doc.lines[line - 1].end):
                continue  # "= c²        ::": a mark or number pushed to the end of the line
            before = doc.text[max(0, m.start() - 4) : m.start()].rstrip(self._closers)
            if rst and before[-1:] in "*`_|":  # reST: inline markup or a footnote closes the sentence
                before = _RST_CLOSE_RE.sub("", doc.text[max(0, m.start() - 24) : m.start()]).rstrip(self._closers)
            if m.group() == "  " and (before[-1:] in self._sentence_ends or _EMOTICON_END_RE.search(
                    doc.text, max(line_start, m.start() - 4), m.start())):
                continue  # two spaces after a sentence (ended by a mark or by an emoticon, "žádná :-)  příp."): a convention
            if m.group() == "  " and _THAI_RE.match(doc.text, m.start() - 1) and _THAI_RE.match(doc.text, m.end()):
                continue  # "ได้  ใช้ค่า": Thai ends a sentence with a space, no mark; typists set it off with two
            if len(m.group()) >= 4 and before[-1:] in "?!؟" and self._answer_re.match(
                    doc.text, m.end(), doc.lines[line - 1].end):
                continue  # "칼이 정색하면?                           검은색": a riddle's answer set apart
            if len(m.group()) >= 4 and before[-1:] in self._sentence_ends and self._attribution_re.match(
                    doc.text, m.end(), doc.lines[line - 1].end):
                continue  # "I will fight no more.              Chief Joseph, (Nez Perce)": the author, right-aligned
            if markdown and self._markers_re.fullmatch(doc.text, doc.lines[line - 1].start, m.start()):
                containers = markdown_containers(doc)
                if line - 1 in containers[BLOCKQUOTE] or line - 1 in containers[LIST_ITEM]:
                    continue  # `>    text`: indentation after the container's marker
            if markdown and self._definition_re.fullmatch(doc.text, doc.lines[line - 1].start, m.start()):
                continue  # ":   Μπορεί να...": a definition list's marker (Pandoc, PHP Markdown Extra), its padding syntax
            if doc.quotes_code and not prose(line - 1):
                continue  # technical text: a short non-sentence line is output or configuration
            if letter_spaced(doc.text, line_start, doc.lines[line - 1].end, m.start()):
                continue  # "발  의  자 :", "(생  략)": a Korean form's letter-spaced label (균등 배분)
            if line - 1 in justified_lines(doc):
                continue  # "quota  を" on a line ending at a justified page's margin: the justification's fill
            # a run ending in a no-break space before » : ; ! ? (or starting with one after «) keeps
            # that one: "«\u00a0aptitude show \u00a0»" becomes "«\u00a0aptitude show\u00a0»", not "show »"
            keep = " "
            if french_spacing(doc.text, m):
                keep = m.group()[-1] if m.group()[-1] in FRENCH_SPACES else m.group()[0]
            elif doc.text[m.start() - 1] in _CJK_STOPS and _CJK_TEXT_RE.match(doc.text, m.end()):
                keep = ""  # "界。  每個" becomes "界。每個": CJK sets no space after its full-width marks
            # a run of three or more spaces in a rendered manual may pad a column (bzip2(1) in Polish,
            # "Kompresja:   400 k" over "Dekompresja:  100 k", one cell off): collapsing it loses the layout
            make = Fix.unsafe if len(m.group()) >= 3 and rendered_manual(doc) else Fix.safe
            yield doc.finding(self, m.start(), m.end(), f"{len(m.group())} consecutive spaces ({char_names(m.group())})",
                              fix=make(Edit(m.start(), m.end(), keep)))


class WhitespaceOnlyLine(DocumentRule):
    """A line that contains only whitespace or invisible marks.

    What: Reports lines made only of spaces (any Unicode space), tabs or invisible
    marks, which look empty but are not.
    Why: They defeat blank-line paragraph splitting and "empty line" checks, and are
    usually residue of an NBSP-only HTML paragraph (`<p>&nbsp;</p>`).
    In a string of a .po file a whitespace-only line that its msgid has too (as its last
    line, or as another) is the program's, kept by the translation: not reported.
    Example: a line holding a single U+00A0.
    Fix safety: safe — the characters are deleted and the line becomes empty; the
    line itself is kept (blank-line rules handle runs).
    """

    code = "W104"
    name = "whitespace-only-line"
    family = "whitespace"
    regions = ALL_REGIONS
    fixable = True

    def check(self, doc):
        text = doc.text
        if _BLANKISH_FIRST_RE.match(text) is None and _BLANKISH_START_RE.search(text) is None:
            return  # (a scan for a line break then a space: ~3x faster than the look-behind's)
        source = doc.source  # a .po string's msgid: a whitespace-only line it has too is the program's
        for m in _BLANKISH_LINE_RE.finditer(text):
            if source is not None and _blank_line_like(source, "\n" not in text[m.end() :]):
                continue  # msgid "...document.\n" " ": the program's last line, kept by the translation
            yield doc.finding(self, m.start(), m.end(), f"line contains only whitespace ({char_names(m.group())})",
                              fix=Fix.safe(Edit(m.start(), m.end())))


def _blank_line_like(source: str, last: bool) -> bool:
    """Does the msgid ``source`` have a line of whitespace only as its last line
    (``last``) or as another line? (Deleting the translation's would also make it end
    without the msgid's ending, which msgfmt refuses.)"""
    lines = source.split("\n")
    if last:
        return lines[-1] != "" and lines[-1].strip() == ""
    return any(line != "" and line.strip() == "" for line in lines[:-1])


RULES = [TrailingWhitespace, NonStandardSpace, MultipleSpaces, WhitespaceOnlyLine]
