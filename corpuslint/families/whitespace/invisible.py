"""Rules about invisible characters: BOM, bidi controls, zero-width marks, tatweel."""

from __future__ import annotations

import re

import regex

from ...findings import Edit, Fix, Severity
from ...rules import DocumentRule
from ...structure import ALL_REGIONS, PLACEHOLDER
from ...text.controls import MIRC_COLOUR
from ...text.lazy_regex import lazy, lazy_re
from ..artifact._common import dominant_script
from ..artifact.encoding import mojibake_byte
from ._common import (
    FORMAT_DIRECTIVE,
    HSPACE,
    INVISIBLE,
    JOINER_NOT_AFTER_VIRAMA,
    SEGMENTED_SCRIPT_RE,
    by_line,
    char_names,
    compiled,
    counted_names,
    in_code_table,
    names_character,
    unit_name,
)

_BIDI_RE = lazy_re(r"[\u202a-\u202e\u2066-\u2069]+")  # (re: a faster scan, same code points)
# The same code points, each looked for with str.__contains__ (~10x faster than the class
# scan over a text holding none of them, the usual case).
_BIDI_CHARS = tuple(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
# Safe to delete: they never change how text renders or reads.
_SAFE_INVISIBLE = "\u200b\u2060\ufeff\u00ad\u180e"
# Directional marks change the display order of neutral characters: unsafe.
_MARKS = "\u200e\u200f\u061c"
_AT_EOL = rf"(?![{HSPACE}{INVISIBLE}]*(?:\r\n|\n|\r|\Z))"
_ARABIC_LETTER = r"[\u0620-\u063f\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff]"
_HARAKAT = r"[\u064b-\u065f\u0670]"


class ByteOrderMark(DocumentRule):
    """The file starts with a UTF-8 byte order mark.

    What: Reports U+FEFF as the first character of the file. In a dataset (JSON Lines,
    a JSON array, CSV/TSV) the mark stands before the first record, the array or the
    header row, outside any text: the records are read without it and the mark reported on
    record 1 (no fix; ``--fix-data`` keeps it where it was).
    Why: UTF-8 needs no BOM; it ends up glued to the first token (`\\ufeffعدد`) and
    breaks header matching and exact deduplication; `json.loads` of a JSON Lines file's
    first line fails on it ("Unexpected UTF-8 BOM"), so a loader drops or stops at record 1;
    `json.load` of a JSON array fails on the whole file; Python's `csv` module reading a
    CSV file as UTF-8 names its first column `\\ufeffid`, so `row["id"]` is missing.
    Example: a file saved by Notepad as "UTF-8 with BOM".
    Fix safety: safe — the three BOM bytes are removed (text files).
    """

    code = "W110"
    name = "byte-order-mark"
    family = "whitespace"
    regions = ALL_REGIONS
    fixable = True

    def check(self, doc):
        if doc.text.startswith("\ufeff"):
            yield doc.finding(self, 0, 1, f"UTF-8 byte order mark at start of {unit_name(doc)}", fix=Fix.safe(Edit(0, 1)))


class BidiControl(DocumentRule):
    """Bidirectional override or isolate control characters.

    What: Reports LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI
    (U+2066–U+2069), once per line (the finding spans them all; the fix removes them all).
    Why: These reorder how text is displayed, so what a reviewer sees differs from
    the stored characters (the "Trojan Source" trick, CVE-2021-42574). In a corpus
    they are a security smell or copy-paste residue; either way a reviewer must look.
    A line wrapped whole in one LRE or RLE and its PDF is not reported when, by UAX #9
    (a line is a paragraph; its direction is its first strong character's), the
    embedding's direction is not the line's own: it sets the line's direction, as an HTML
    `dir` attribute does (`\\u202b%(sel)s لە %(cnt)s\\u202c`, an RTL string opening with
    a placeholder); one of the line's own direction changes nothing and is reported.
    Nor is a translator's display fix in right-to-left text, outside code: controls that
    only set a Latin or digit run, each closed by its PDF or PDI or by the line's end, an
    LRE/LRO/LRI/FSI run with no right-to-left letter (`\\u202aA4\\u202c أكبر`), an
    RLE/RLO/RLI run with no letter and no number of 3+ digits (`(\\u202e4:3)`), each run
    holding a Latin letter or digit (directional marks inside a run are no content: an
    LRE left open to the line's end after `(Big5)\\u200f`); controls that reorder letters, a PDF without its
    opener, a reversed price, or overrides around spaces (a word processor's debris) are
    reported. Nor is an LRE or RLE opening a string (after markup tags, placeholders or
    signs only) whose text opens with a positional string placeholder (pidgin's Pashto
    `<h1>\\u202b%s سره مرکه</h1>`): a Latin name put there would otherwise set the line's
    direction (UAX #9 P2), so the embedding keeps the string's own (before `%d`, or
    Django's named `%(count)s`, filled with numbers, it changes nothing and is reported).
    Nor, outside code, are embeddings and isolates (no override) each closed on the line by
    its own PDF or PDI, nested in order, that set left-to-right text in right-to-left text:
    an RLE or RLI holding right-to-left letters and an LRE, LRI or FSI around a placeholder,
    a host name or an address with no right-to-left letter (Firefox's Persian
    `\u202bدر انتظار \u202a{ $host }\u202c…\u202c`); a control left open, a PDF without its
    opener, an empty scope or an RLE with no left-to-right scope inside are reported.
    Example: `price\\u202e001\\u202c` displays as a different number.
    Fix safety: unsafe — deleting them changes how the surrounding text displays;
    review the line first.
    """

    code = "W111"
    name = "bidi-control-character"
    family = "whitespace"
    regions = ALL_REGIONS
    default_severity = Severity.ERROR
    fixable = True

    def check(self, doc):
        # One finding per line: text pasted from word processors can carry hundreds.
        by_line: dict[int, list] = {}
        if not any(c in doc.text for c in _BIDI_CHARS):
            return
        for m in _BIDI_RE.finditer(doc.text):
            by_line.setdefault(doc.position(m.start())[0], []).append(m)
        rtl = _RightToLeft(doc)
        for matches in by_line.values():
            if _directional_wrapper(doc.text, matches, rtl):
                continue  # "\u202b%(sel)s لە %(cnt)s\u202c": the embedding sets the line's direction
            if _guards_a_placeholder(doc.text, matches):
                continue  # "<h1>\u202b%s سره مرکه</h1>": the value put at the string's start sets no direction
            if _display_fix(doc, doc.text, matches, rtl):
                continue  # "\u202aA4\u202c أكبر", "(\u202e4:3)": a Latin or digit run set in right-to-left text
            if _nested_embeddings(doc, doc.text, matches, rtl):
                continue  # "\u202bدر انتظار \u202a{ $host }\u202c…\u202c": a placeholder set left to right in an RTL embedding
            chars = "".join(m.group() for m in matches)
            what = "character" if len(chars) == 1 else f"characters ({len(chars)} on this line)"
            first, last = matches[0], matches[-1]
            yield doc.finding(self, first.start(), last.end(), f"bidirectional control {what}: {char_names(chars)}",
                              fix=Fix.unsafe(*(Edit(m.start(), m.end()) for m in matches)))


def _directional_wrapper(text: str, matches, rtl=lambda: False) -> bool:
    """True when a line's only bidi controls are one LRE or RLE opening it and the PDF
    closing it, or one left open (UAX #9 closes it at the line's end) before text of both
    directions that opens with a word of the other direction (``_opens_other_direction``:
    xkeyboard-config's Hebrew ``\u202bCtrl ממופה ל־Win ימני``) (``matches``: the line's runs of
    controls), and the embedding's direction
    is not the one the line takes by itself: by UAX #9 (rules P2-P3: a line is a
    paragraph, its direction that of its first strong character, left-to-right without
    one) the embedding then changes how the line displays; it sets the direction of a
    string that starts with a Latin placeholder or a number (``\u202b%(sel)s لە
    %(cnt)s\u202c``), as ``dir="rtl"`` would. An embedding of the line's own direction
    (RLE around a Kurdish sentence, or left open before ``%(count)s چرکە پێشتر``) changes
    nothing and is reported, as are other unbalanced, overriding or isolating controls.
    An RLE left open before a line of format directives alone (pidgin's Pashto ``\u202b%x
    %X``, ``\u202b%B %Y``: a date the program fills in with the locale's words) sets its
    direction as well when the text is right to left (``rtl()``: ``_RightToLeft``)."""
    first, last = matches[0], matches[-1]
    if first.group() not in ("\u202a", "\u202b"):
        return False
    start = text.rfind("\n", 0, first.start()) + 1
    end = text.find("\n", last.end())
    end = len(text) if end < 0 else end
    if text[start : first.start()].strip():
        return False  # not the whole line: an embedding inside a sentence
    if len(matches) == 1:  # left open: UAX #9 closes it at the line's end ("\u202bCtrl ממופה ל־Win ...")
        if first.group() == "\u202b" and _only_directives(text[first.end() : end]) and rtl():
            return True  # "\u202b%x %X": a date's format, set right to left for the values filled in
        return _opens_other_direction(text, first.end(), end, first.group() == "\u202b")
    if len(matches) != 2 or last.group() != "\u202c" or text[last.end() : end].strip():
        return False
    strong = _STRONG_L.search(text, first.end(), last.start())
    line_rtl = strong is not None and _RTL.match(strong.group()) is not None
    return line_rtl != (first.group() == "\u202b")


_PLACEHOLDER_RE = lazy(PLACEHOLDER)


def _opens_other_direction(text: str, start: int, end: int, rtl: bool) -> bool:
    """True when ``text[start:end]``, its placeholders left out (a number or a name goes
    there: ``\u202b%(count)s چرکە پێشتر`` opens, at run time, with its Kurdish word), holds
    letters of the direction ``rtl`` and its first strong character runs the other way: an
    embedding left open at the line's start then sets the line's direction. A line of one
    direction only (an untranslated ``\u202bCould not allocate %lu byte ...``) is left
    to be reported."""
    run = _PLACEHOLDER_RE.sub(" ", text[start:end])
    strong = _STRONG_L.search(run)
    if strong is None or bool(_RTL.match(strong.group())) == rtl:
        return False
    return (_RTL.search(run) is not None) if rtl else (_LTR_LETTER.search(run) is not None)


_MARKUP_TAG_RE = lazy(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")  # "<h1>", "</b>", "<br>": not displayed


def _guards_a_placeholder(text: str, matches) -> bool:
    """True when a line's bidi controls are one LRE or RLE and, if any, the PDF closing it
    (``matches``: the line's runs of controls), the embedding opens the string (before it
    only markup tags, placeholders, directional marks and neutral signs: ``<h1>\u202b%s سره
    مرکه</h1>``, ``(%s) \u202b%s ووتلو``; after its PDF no strong character), its text opens
    with a positional string placeholder (``%s``, ``%1$s``; a number's, ``%d``, sets no
    direction, nor does Django's named ``%(value)s`` or ``%(count)s``, which its humanize
    and admin strings fill with numbers: their embedding changes nothing, labelled so in
    benchmarks/labels/po-django.jsonl) before any strong character outside it, and holds letters of the
    embedding's direction, placeholders left out (pidgin's Pashto ``\u202b%s بې کار شو``,
    ``%s`` a buddy's name). By UAX #9 (rules P2-P3) a paragraph takes the direction of its
    first strong character: a Latin name or a number put at the start of a Pashto, Persian
    or Kurdish string would turn the whole line left to right. The embedding is the
    translator's way to keep the string's direction whatever the program puts there or
    concatenates before it, though the string's own letters already run its way (which
    ``_directional_wrapper`` alone would call a change of nothing). Overrides (LRO, RLO),
    isolates, more controls on the line, an embedding inside a sentence or before a string
    with no placeholder at its start (``\u202bLaunchpad Contributions:``) are left to be
    reported."""
    first = matches[0]
    if first.group() not in ("\u202a", "\u202b") or len(matches) > 2:
        return False
    if len(matches) == 2 and matches[1].group() != "\u202c":
        return False
    start = text.rfind("\n", 0, first.start()) + 1
    end = text.find("\n", first.end())
    end = len(text) if end < 0 else end
    close = matches[1].start() if len(matches) == 2 else end
    if len(matches) == 2 and _STRONG_L.search(_MARKUP_TAG_RE.sub(" ", text[matches[1].end() : end])):
        return False  # text after the PDF: the embedding does not end the string
    before = _MARKUP_TAG_RE.sub(" ", _PLACEHOLDER_RE.sub(" ", _MARKS_RE.sub(" ", text[start : first.start()])))
    if _STRONG_L.search(before):
        return False  # an embedding inside a sentence
    run = _MARKUP_TAG_RE.sub(" ", text[first.end() : close])
    opening = _PLACEHOLDER_RE.search(run)
    if opening is None or _STRONG_L.search(run, 0, opening.start()) is not None:
        return False
    if not opening.group().endswith("s") or "(" in opening.group():
        return False  # "\u202b%d ڕۆژ", Django's "\u202b%(value)s بلیۆن": a number sets no direction
    own = _RTL if first.group() == "\u202b" else _LTR_LETTER
    return own.search(_PLACEHOLDER_RE.sub(" ", run[opening.end() :])) is not None


_DIRECTIVE_RE = lazy(FORMAT_DIRECTIVE + "|" + PLACEHOLDER)


def _only_directives(run: str) -> bool:
    """Does ``run`` hold a format directive or placeholder and, those left out, no strong
    character (``%x %X``, ``%B %Y``: a format the program fills in)?"""
    left = _DIRECTIVE_RE.sub(" ", run)
    return left != run and _STRONG_L.search(left) is None


class _RightToLeft:
    """Is ``doc`` right-to-left text: declared in a right-to-left language (``RTL_LANGUAGES``,
    by its primary subtag: ``fa-IR``, ``fa_IR``), or, declaring none, written in Arabic or
    Hebrew script (``dominant_script``: at least half of its letters outside format directives,
    20 letters or more: a Persian catalogue exported to text, its date formats ``%a
    \u2066%OI:%OM\u2069 %p`` among Persian strings)? Asked once a document: the answer is kept."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.answer: bool | None = None

    def __call__(self) -> bool:
        if self.answer is None:
            language = self.doc.language
            if language is not None:
                self.answer = language.replace("_", "-").split("-")[0].lower() in RTL_LANGUAGES
            else:
                # (format directives left out: the Latin letters of "%OI:%OM" are not its words)
                script = dominant_script(_DIRECTIVE_RE.sub(" ", self.doc.text), min_letters=20, min_share=0.5)
                self.answer = script in ("Arabic", "Hebrew")
        return self.answer


_LTR_LETTER = lazy(r"\p{Bidi_Class=L}")
_MARKS_RE = lazy_re(f"[{_MARKS}]")
_LTR_OPENERS = "\u202a\u202d\u2066\u2068"  # LRE, LRO, LRI, FSI: their run holds no right-to-left letter
_LTR_EMBEDDINGS = "\u202a\u2066\u2068"  # LRE, LRI, FSI (not the override): may hold signs only ("\u202a'<'\u202c")
_RTL_EMBEDDINGS = "\u202b\u2067"  # RLE, RLI (not the override): may set an RTL phrase in left-to-right text
# Languages written right to left: a string declared in one (a catalogue's record) is
# right-to-left text even when it holds no letter outside its controls ("%A %Oe %B %Oy، \u2066%OH:%OM:%OS\u2069").
RTL_LANGUAGES = frozenset("ar fa he ur ps sd ug ckb yi dv ks pnb azb prs skr bal arz ary".split())
_RTL_OPENERS = "\u202b\u202e\u2067"  # RLE, RLO, RLI: their run holds no letter (digits, signs)
_LETTER = lazy(r"\p{L}")
_LONG_NUMBER = lazy(r"\p{Nd}{3}")
_LATIN_OR_DIGIT = lazy(r"[\p{Nd}\p{Bidi_Class=L}]")


def _rtl_phrase(run: str) -> bool:
    """True when ``run`` (the text inside an RLE or RLI) opens with a right-to-left letter
    (its first strong character) and holds no number of 3+ digits."""
    strong = _STRONG_L.search(run)
    return strong is not None and _RTL.match(strong.group()) is not None and not _LONG_NUMBER.search(run)


def _bidi_scopes(text: str, matches, openers: str):
    """The scopes of the bidi controls in ``matches`` (``_BIDI_RE``'s, in order):
    ``(closed, open)``, ``closed`` a list of (opener, content start, content end, enclosing
    opener or None) for each opener of ``openers`` closed by its own PDF (an embedding's or
    an override's) or PDI (an isolate's), ``open`` the (opener, content start) left open; None
    when a PDF or PDI has no opener of its kind, or a control is neither one of ``openers``
    nor a PDF or PDI."""
    stack: list[tuple[str, int]] = []
    closed: list[tuple[str, int, int, "str | None"]] = []
    for m in matches:
        for i in range(m.start(), m.end()):
            c = text[i]
            if c in openers:
                stack.append((c, i + 1))
                continue
            if c not in "\u202c\u2069" or not stack or (c == "\u2069") != (stack[-1][0] in _ISOLATES):
                return None
            opener, at = stack.pop()
            closed.append((opener, at, i, stack[-1][0] if stack else None))
    return closed, stack


def _display_fix(doc, text: str, matches, rtl=None) -> bool:
    """True when a line's bidi controls (``matches``: its runs of them) only set a Latin or
    digit run in right-to-left text, as translators of a user interface do: each embedding,
    override or isolate is closed by its own PDF or PDI, or left open only to the line's end
    (where UAX #9 closes it: a line is a paragraph), and holds no right-to-left letter (LRE,
    LRO, LRI, FSI: ``\u202aA4\u202c أكبر``, ``\u202a#11\u202c``) or no letter at all (RLE,
    RLO, RLI: digits and signs, ``(\u202e4:3)``, but no number of three digits or more,
    which reversed reads as another number: ``\u202e001\u202c``), and holds a Latin letter
    or a digit (an override around a space or a sign is a word processor's debris; an LRE,
    LRI or FSI around signs keeps them left to right: ``قوس بزاوية \u202a'<'\u202c``, the
    bracket not mirrored); the line has right-to-left letters outside them, or the text is
    in a right-to-left language (``rtl()``, ``_RightToLeft``: declared so, or undeclared and
    written in Arabic or Hebrew script: a date format ``%A %Oe %B %Oy، \u2066%OH:%OM:%OS\u2069``); or an RLE or RLI opens an RTL phrase
    (``_rtl_phrase``) after left-to-right text (``  FILE      \u202bیک پروندهٔ elf (...)``,
    a program's help in Persian); not in code. Controls that reorder the letters of a word, that a PDF closes
    without an opener, or that stand in code are reported (Trojan Source)."""
    first, last = matches[0], matches[-1]
    if doc.in_code(first.start(), last.end()):
        return False
    start = text.rfind("\n", 0, first.start()) + 1
    end = text.find("\n", last.end())
    end = len(text) if end < 0 else end
    found = _bidi_scopes(text, matches, _LTR_OPENERS + _RTL_OPENERS)
    if found is None:
        return False  # a PDF or PDI without its opener
    scopes = [(opener, at, close) for opener, at, close, _ in found[0]]
    scopes += [(opener, at, end) for opener, at in found[1]]  # closed by the line's end
    outside = list(_MARKS_RE.sub(" ", text[start:end]))
    phrases: list[int] = []  # where an RTL phrase is embedded (it needs left-to-right text before it)
    for opener, a, b in scopes:
        # (directional marks are no content: "‪(Big5)‏" left open to the line's end)
        run = _MARKS_RE.sub("", _BIDI_RE.sub("", text[a:b]))
        if opener in _RTL_EMBEDDINGS and _rtl_phrase(run):
            phrases.append(a)  # "  FILE      \u202bیک پروندهٔ elf (...)": a Persian phrase in a Latin line
        elif (_LETTER if opener in _RTL_OPENERS else _RTL).search(run):
            return False
        elif opener in _RTL_OPENERS and _LONG_NUMBER.search(run):
            return False  # "\u202e001\u202c ريال": a price reversed, a different number
        elif not _LATIN_OR_DIGIT.search(run) and not (opener in _LTR_EMBEDDINGS and run.strip()):
            return False  # "\u202e \u202c" around every space, "\u202e❊) \u202c": a word processor's debris
        outside[a - start : b - start] = [" "] * (b - a)
    if any(_STRONG_L.search(text, start, a) is None or _RTL.match(_STRONG_L.search(text, start, a).group())
           for a in phrases):
        return False  # an RTL phrase after right-to-left text, or opening the line: nothing to set apart
    if len(phrases) == len(scopes):
        return True
    if _RTL.search("".join(outside)) is not None:
        return True
    return (rtl or _RightToLeft(doc))()


_LTR_SCOPES = "\u202a\u2066\u2068"  # LRE, LRI, FSI (an FSI around no right-to-left letter resolves to LRI)
_RTL_SCOPES = "\u202b\u2067"  # RLE, RLI
_ISOLATES = "\u2066\u2067\u2068"


def _nested_embeddings(doc, text: str, matches, rtl=lambda: False) -> bool:
    """True when a line's bidi controls (``matches``: its runs of them) are embeddings and
    isolates only (LRE, RLE, LRI, RLI, FSI; no override), each closed on the line by its own
    PDF or PDI in the order they were opened (none left open, no PDF or PDI without its
    opener), that set left-to-right text inside right-to-left text: every LRE, LRI or FSI
    holds something shown and no right-to-left letter (a placeholder, a host name, an
    address: ``\u202a{ $host }\u202c``) and stands in an RLE or RLI or on a line with
    right-to-left letters outside the controls' scopes, or in a right-to-left text (``rtl()``,
    ``_RightToLeft``); every RLE or RLI holds right-to-left letters and such a left-to-right
    scope (Firefox's Persian ``\u202bدر انتظار \u202a{ $host }\u202c…\u202c``,
    ``\u202b\u202a{ $host }\u202c خوانده شد\u202c``: the outer embedding keeps the string right to
    left wherever the program shows it, the inner one keeps the host name and the ellipsis
    after it in their places); at least one RLE or RLI (an LRE alone in Persian text is
    ``_display_fix``'s); not in code. Such controls reorder no letter and their scopes are
    closed where they open: a translator's display fix. A stray PDF (``\u202c\u202a192.168.1.0/24\u202c``),
    an embedding left open, an RLE around a sentence with no left-to-right scope in it (its
    own direction: ``_directional_wrapper``), overrides (Trojan Source) are left to be reported."""
    first, last = matches[0], matches[-1]
    start = text.rfind("\n", 0, first.start()) + 1
    end = text.find("\n", last.end())
    end = len(text) if end < 0 else end
    found = _bidi_scopes(text, matches, _LTR_SCOPES + _RTL_SCOPES)
    if found is None:
        return False  # an override, or a PDF or PDI without its opener
    scopes, stack = found
    if stack or not any(opener in _RTL_SCOPES for opener, *_ in scopes):
        return False  # left open (to the line's end), or no right-to-left embedding
    if doc.in_code(first.start(), last.end()):
        return False
    outside = list(text[start:end])
    for opener, a, b, _ in scopes:
        outside[a - start : b - start] = [" "] * (b - a)
    line_rtl = _RTL.search("".join(outside)) is not None
    for opener, a, b, parent in scopes:
        run = _MARKS_RE.sub("", _BIDI_RE.sub("", text[a:b]))
        if opener in _LTR_SCOPES:
            if _RTL.search(run) or not run.strip():
                return False  # right-to-left letters in a left-to-right scope, or nothing shown
            if parent is None and not (line_rtl or rtl()) or parent is not None and parent not in _RTL_SCOPES:
                return False  # not set in right-to-left text
        elif not _RTL.search(run) or not any(o in _LTR_SCOPES and a <= x and y <= b for o, x, y, _ in scopes):
            return False  # an RLE with no right-to-left letter, or with no left-to-right scope to hold
    return True


class InvisibleCharacter(DocumentRule):
    """Zero-width and other invisible characters inside a line.

    What: Reports ZERO WIDTH SPACE, WORD JOINER, ZERO WIDTH NO-BREAK SPACE (not as
    BOM), SOFT HYPHEN, MONGOLIAN VOWEL SEPARATOR, and the directional marks LRM, RLM
    and ALM. ZERO WIDTH NON-JOINER (required in Persian, e.g. می‌خواهم) and ZERO WIDTH
    JOINER (emoji sequences, Indic scripts) are legitimate and only reported when
    options `flag-zwnj` / `flag-zwj` are true; even then not one right after a virama,
    which is the word's spelling (Sinhala yansaya `ප්\u200dර`, a Malayalam chillu `ന്\u200d`,
    Marathi `र्\u200d`, Kannada's visible virama `ಬ್ಲೂಟೂತ್\u200c`: the Unicode Standard ch. 12
    and 13, RFC 5892 A.1/A.2); a second joiner after it is reported. Invisible characters at a line's end
    are W101's, except the directional marks, reported here wherever they stand. One
    finding per line (two when the line has both safely and unsafely removable
    characters), counting them: `101 right-to-left marks (U+200F)`. When more than
    `max-lines` (10) lines of a document carry unsafe ones (directional marks, ZWJ,
    ZWNJ), they are a convention of the source (some editions set every quotation
    mark and bracket between RLMs): one finding for the document, with the number of
    lines and characters, whose fix covers every occurrence (`max-lines = 0`: always
    one finding per line). A directional mark that does its job in mixed-direction
    text is left alone: one whose nearest strong character on either side (same
    line) runs the other way (`Christian Perrier، \u200fDavid Bercot` in an Arabic
    paragraph, `SLAAC\u200f (...)`; a line's end counts as the direction of most of
    the line's strong characters; a mark right after a closing bracket or punctuation
    at a line's end, `(OSF/1)\u200e`, keeps it with its text; one before a number, or
    between a number and its separator, in right-to-left text orders the number's parts:
    `شاشة 16\u200f:10`, `\u200f(%3)`; an RLM closing a line that ends in a number after Hebrew
    (bidi class R, whose digits stay European numbers: LibreOffice's `סוג 1\u200f`, `ברירת
    מחדל: 3306\u200f`) keeps the number on the right-to-left side of what follows it (after
    Arabic letters, class AL, the digits are Arabic numbers already: `سنة 2020\u200f` is
    reported); one between two printf or brace placeholders in
    right-to-left text, `«%s%s%s\u200e%s»`, parts two texts the program puts there, whose
    directions the string cannot know, and a pair of them around a placeholder in
    right-to-left text, `مدیریت \u200e%(app)s\u200e`, isolates the value put there, whose
    direction and ending the string cannot know either (a value ending in "(beta)" would
    show its bracket on the wrong side without the closing mark; a mark after a placeholder
    without its pair before it, `مدیریت %(app)s\u200e`, is reported); one right before an embedding, override or
    isolate control or right after its PDF or PDI, in right-to-left text, sets the
    embedding apart (a translator's convention: `עיקום \\u200f\\u202a%1\\u202c\\u200f במעגל`;
    W111 judges the embedding);
    one between text of its own direction (an RLM closing an Arabic line) is redundant
    and reported. A character the document shows as its subject is left alone: one
    standing alone in a cell of a code table, after its code (iso_8859-8(7): `FD
    \\u200e    LEFT-TO-RIGHT MARK`), or one the document names (its Unicode name, a short
    name such as LRM or ZWSP, or its code point U+200E). A soft hyphen inside a span that
    A105 reports as mojibake (``artifact.encoding.in_mojibake``: ``æ\u00ad£``, "正" read as
    cp1252) is a byte of a mis-decoded letter, A105's one defect.
    Why: Invisible characters split words for tokenisers and search
    (`كوريا\\u200bالشمالية` never matches `كورياالشمالية` or `كوريا الشمالية`).
    Example: `الصواريخ\\u200b` inside a sentence.
    In scripts written without spaces whose writers mark word boundaries with ZWSP
    (Khmer, Thai, Lao, Myanmar, Tibetan; decided by the Unicode script of the characters
    beside it, not by a language tag) a ZWSP between a character of such a script and
    another visible character is the word boundary (`ចុច\\u200bក្នុង`): not reported;
    a run of them is reported and keeps one. A SOFT HYPHEN between two letters of Thai, Lao,
    Khmer or Myanmar is a break hint the writer put between syllables (`พื้น\u00adหลัง`), as
    is one in a .po string whose msgid marks its break points so (`Wa\u00adcom Tab\u00adlet`):
    not reported.
    Fix safety: a ZWSP that is the only separator between two letters becomes a space,
    never deleted (safe in cursive scripts such as Arabic, unsafe elsewhere; deleted
    between Chinese or Japanese characters; kept, one, in Khmer, Thai...). Otherwise safe for ZWSP, WORD JOINER, ZWNBSP, SOFT HYPHEN and MVS (pure
    formatting hints); unsafe for LRM/RLM/ALM/ZWJ/ZWNJ, whose removal can change
    display order or letter joining.
    """

    code = "W112"
    name = "invisible-character"
    family = "whitespace"
    regions = ALL_REGIONS
    fixable = True
    options = {"flag-zwnj": False, "flag-zwj": False, "max-lines": 10}

    def check(self, doc):
        chars = _SAFE_INVISIBLE + _MARKS
        joiners = ("\u200c" if self.opts["flag-zwnj"] else "") + ("\u200d" if self.opts["flag-zwj"] else "")
        # (a flagged joiner right after a virama is spelling, never reported: ``JOINER_NOT_AFTER_VIRAMA``)
        joiner = rf"|{JOINER_NOT_AFTER_VIRAMA}[{joiners}]" if joiners else ""
        # Inside a line; directional marks also at its end (they are not whitespace), and
        # flagged joiners right after the line's last character (W101 leaves them: they
        # choose that character's form).
        at_end = rf"|(?<=[^\s{INVISIBLE}])(?:{JOINER_NOT_AFTER_VIRAMA}[{joiners}])+(?=\r\n|\n|\r|\Z)" if joiners else ""
        pattern = compiled(rf"(?<=[^\r\n])(?:(?:[{chars}]{joiner})+{_AT_EOL}|[{_MARKS}]+{at_end})")
        safe = set(_SAFE_INVISIBLE)
        # One finding per line and fix kind (safe / unsafe), counting the characters:
        # a pasted right-to-left paragraph can hold a hundred RLMs on one line.
        text = doc.text
        directions: dict[int, bool] = {}  # line start -> the line's direction (asked once per line, not per mark)
        per_line = by_line(doc, (m for m in pattern.finditer(text)
                                 if m.start() and not _bidi_hint(doc, text, m, directions)
                                 and not _subject(doc, m) and _separator(text, m)[0] != m.group()
                                 and not _syllable_break_hint(text, m, doc.sources)
                                 and not (m.group() == "\u00ad" and mojibake_byte(doc, m.start(), m.end()))))
        unsafe_lines: list[list] = []
        for matches in per_line.values():
            safe_group = [m for m in matches if set(m.group()) <= safe and not _separator(text, m)[1]]
            if safe_group:
                yield self._finding(doc, safe_group, Fix.safe)
            unsafe_group = [m for m in matches if not set(m.group()) <= safe or _separator(text, m)[1]]
            if unsafe_group:
                unsafe_lines.append(unsafe_group)
        limit = int(self.opts["max-lines"])
        if limit and len(unsafe_lines) > limit:
            # Used throughout the document (a source that sets every quotation mark and
            # bracket between RLMs): one finding for the document, fixing them all.
            group = [m for matches in unsafe_lines for m in matches]
            chars = "".join(m.group() for m in group)
            yield doc.finding(
                self, group[0].start(), group[0].end(),
                f"invisible characters on {len(unsafe_lines)} lines of this document: {counted_names(chars)}",
                fix=Fix.unsafe(*(Edit(m.start(), m.end(), _separator(text, m)[0]) for m in group)),
            )
            return
        for group in unsafe_lines:
            yield self._finding(doc, group, Fix.unsafe)

    def _finding(self, doc, group, fix):
        edits = [_edit(doc.text, m) for m in group]
        # (what the fix removes: a run of ZWSPs in Khmer, Thai... keeps one, the word boundary)
        chars = "".join(doc.text[e.start : e.end] for e in edits)
        what = "character" if len(chars) == 1 else "characters"
        kept = sum(e.start > m.start() for e, m in zip(edits, group))
        note = f"; {kept} run{'s' * (kept > 1)} of ZWSP keep{'s' * (kept == 1)} one, the word boundary" if kept else ""
        return doc.finding(self, edits[0].start, edits[-1].end, f"invisible {what}: {counted_names(chars)}{note}",
                           fix=fix(*edits))


def _edit(text: str, m) -> Edit:
    """The fix's edit of an invisible run ``m``: the run replaced by its ``_separator``; a
    run that opens with the ZWSP it keeps (a word boundary of Khmer, Thai...) loses only
    what follows it, so the edit covers exactly the redundant characters."""
    replacement = _separator(text, m)[0]
    if replacement == "\u200b" and m.group()[0] == "\u200b":
        return Edit(m.start() + 1, m.end())
    return Edit(m.start(), m.end(), replacement)


# A SOFT HYPHEN between two letters (or marks) of a South East Asian script written without
# spaces: Thai, Lao, Khmer, Myanmar. There a line may break only where a dictionary or the
# writer says, and a translator marks the syllable boundaries of a long label with soft
# hyphens so that a narrow widget can wrap it (gnome-control-center's Thai catalogue:
# "พื้น\u00adหลัง", "ความ\u00adเป็น\u00adส่วน\u00adตัว"): the writer's break hints, as a
# ZWSP there is the word boundary (``_separator``). Between Latin letters ("Wa\u00adcom") it
# is reported.
_SEA_LETTER_RE = lazy(r"[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}&&[\p{L}\p{M}]]", regex.V1)


def _syllable_break_hint(text: str, m, sources=()) -> bool:
    """True when the run ``m`` is soft hyphens only, between two letters of Thai, Lao, Khmer
    or Myanmar (``_SEA_LETTER_RE``), or in a .po string whose msgid (``sources``) marks its
    break points with soft hyphens too (GNOME's "Wa\u00adcom Tab\u00adlet", kept in the
    translation "แท็บ\u00adเล็ต Wa\u00adcom"): break hints kept."""
    if set(m.group()) != {"\u00ad"}:
        return False
    if any("\u00ad" in s for s in sources):
        return True
    return (m.start() > 0 and _SEA_LETTER_RE.match(text, m.start() - 1) is not None
            and _SEA_LETTER_RE.match(text, m.end()) is not None)


def _subject(doc, m) -> bool:
    """True for characters that the document shows as its subject: one character standing
    alone in a cell of a code table (iso_8859-8(7): "FD   \u200e    LEFT-TO-RIGHT MARK"), or
    any run of characters that the document names ("the ZWSP", "U+200B")."""
    run = m.group()
    if len(run) == 1 and in_code_table(doc, m.start(), m.end()):
        return True
    return all(names_character(doc, c) for c in set(run))


# A ZERO WIDTH SPACE between two letters is the only thing separating two words: deleting
# it would glue them («إلى\u200bقال» → «إلىقال»), so the fix puts a space there instead
# (safe between letters of a cursive script, where it visibly separated them; unsafe
# elsewhere). In the scripts written without spaces whose writers mark word boundaries with
# it (Khmer, Thai, Lao, Myanmar, Tibetan: ``SEGMENTED_SCRIPT_RE``) it is the boundary
# ("ចុច\u200bក្នុង"), kept: one ZWSP between a character of such a script and a visible
# character is not reported, a run keeps one. Chinese and Japanese break lines at any
# character: a ZWSP there is only a hint, deleted.
_LETTER_RE = lazy(r"[\p{L}\p{M}]")
_NO_SPACE_SCRIPT_RE = lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# (a run of what shows nothing: control characters but the white-space ones, with a mIRC
# colour code's digits, and format marks)
_HIDDEN = rf"(?:{MIRC_COLOUR}|[\p{{Cf}}[^\P{{Cc}}\t\n\v\f\r\x1c-\x1f\x85]])+"
_HIDDEN_RE = lazy(_HIDDEN, regex.V1)
_HIDDEN_END_RE = lazy(_HIDDEN + r"\Z", regex.V1)
_JOINING_SCRIPT_RE = lazy(r"[\p{scx=Arabic}\p{scx=Syriac}\p{scx=Nko}\p{scx=Mongolian}]")


def _separator(text: str, m) -> tuple[str, bool]:
    """(replacement, needs an unsafe fix) for an invisible run: a space when it holds a
    ZWSP that is the only separator of two letters (issue 11: fixes never glue words)."""
    if "\u200b" not in m.group() or m.start() == 0 or m.end() >= len(text):
        return "", False
    # the visible characters on each side: past control characters and format marks, which
    # other safe fixes delete (A109's bell in «ء\a\u200bء»: both deletions glued the words)
    window = text[max(0, m.start() - 16) : m.start()]
    hidden = _HIDDEN_END_RE.search(window)
    shown = window[: hidden.start()] if hidden else window
    after_window = text[m.end() : m.end() + 16]
    hidden = _HIDDEN_RE.match(after_window)
    after_shown = after_window[hidden.end() :] if hidden else after_window
    before = shown[-1] if shown else text[m.start() - 1]
    after = after_shown[0] if after_shown else text[m.end()]
    if (SEGMENTED_SCRIPT_RE.match(before) or SEGMENTED_SCRIPT_RE.match(after)) and not (
            before.isspace() or after.isspace()):
        return "\u200b", False  # a word boundary of Khmer, Thai...: kept (a run keeps one)
    if not (_LETTER_RE.match(before) and _LETTER_RE.match(after)) or (
            _NO_SPACE_SCRIPT_RE.match(before) or _NO_SPACE_SCRIPT_RE.match(after)):
        return "", False
    return " ", not (_JOINING_SCRIPT_RE.match(before) and _JOINING_SCRIPT_RE.match(after))


_STRONG_L = lazy(r"[\p{Bidi_Class=L}\p{Bidi_Class=R}\p{Bidi_Class=AL}]")
_STRONG_L_BACK = lazy(r"(?r)[\p{Bidi_Class=L}\p{Bidi_Class=R}\p{Bidi_Class=AL}]")
_RTL = lazy(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")
_RTL_ALL = lazy(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]+")
_STRONG_ALL = lazy(r"[\p{Bidi_Class=L}\p{Bidi_Class=R}\p{Bidi_Class=AL}]+")


def _line_rtl(text: str, line) -> bool:
    """The direction of ``line`` (a ``document.Line``): right-to-left when most of the
    strong characters of its first 2,000 characters are (an Arabic sentence may start
    with a Latin word)."""
    sample = text[line.start : min(line.end, line.start + 2000)]
    return len(_RTL_ALL.findall(sample)) * 2 > len(_STRONG_ALL.findall(sample))


# A directional mark before a number (after at most an opening bracket and a sign: "\u200f(%3)")
# in right-to-left text, or between a number and its separator then digits ("16\u200f:10"):
# it sets the order of weak characters (digits, separators), which have no direction of their own.
_NUMBER_BESIDE = lazy(r"[(\[%#+\-−]{0,2}\p{Nd}")
# A letter of bidi class R (Hebrew, not Arabic's AL): digits after it stay European numbers
# (UAX #9 rule W2 makes them Arabic numbers only after AL), whose order beside what follows
# them depends on the next strong character. LibreOffice's and Firefox's Hebrew strings
# close a number ending the string with an RLM ("סוג 1\u200f", "ברירת מחדל: 3306\u200f"), so
# that what the program puts after it stays on the number's right-to-left side.
_HEBREW_CLASS = lazy(r"\p{Bidi_Class=R}")
_PLACEHOLDER_NUMBER_BACK = lazy(r"[%$\{]\d+\Z")  # "%1", "$2", "{0": a placeholder's number, not a number
_NUMBER_AFTER_MARK = lazy(r"[:/.,،٫٬\-]?\p{Nd}")


# A printf or brace placeholder right after or right before a directional mark.
_PLACEHOLDER_AFTER = lazy(PLACEHOLDER)
# The bidi controls that open an embedding, override or isolate, and those that close one.
_EMBEDDING_OPENERS = "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"
_EMBEDDING_CLOSERS = "\u202c\u2069"
_PLACEHOLDER_BEFORE = lazy(rf"{PLACEHOLDER}\Z")
# A placeholder between two directional marks (Django's Persian admin: "مدیریت \u200e%(app)s\u200e",
# "administration of %(app)s"): the marks isolate the text the program puts there.
_MARKED_PLACEHOLDER_AFTER = lazy(rf"{PLACEHOLDER}[{_MARKS}]")
_MARKED_PLACEHOLDER_BEFORE = lazy(rf"[{_MARKS}]{PLACEHOLDER}\Z")


def _shown_strong(text: str, lo: int, hi: int, backward: bool):
    """The strong character (bidi class L, R or AL) of ``text[lo:hi]`` nearest to ``hi``
    (``backward``) or to ``lo``, outside markup tags (``_MARKUP_TAG_RE``: a browser shows
    "מגבלת <strong>\u200e:visited</strong>" as "מגבלת \u200e:visited", whose nearest strong
    character before the mark is Hebrew), as a match, or None."""
    pattern = _STRONG_L_BACK if backward else _STRONG_L
    while (found := pattern.search(text, lo, hi)) is not None:
        lt = text.rfind("<", lo, found.start())
        tag = _MARKUP_TAG_RE.match(text, lt) if lt >= 0 and text.find(">", lt, found.start()) < 0 else None
        if tag is None or tag.end() <= found.start():
            return found
        if backward:
            hi = lt
        else:
            lo = tag.end()
    return None


def _bidi_hint(doc, text: str, m, directions: dict[int, bool] | None = None) -> bool:
    """True for a run of directional marks that does its job: the nearest strong
    character on one side (same line) runs in the other direction than the mark
    (``Perrier، \u200fDavid``: an RLM ordering Latin names in an Arabic list); a line's
    start or end counts as the line's own direction (``_line_rtl``). A mark with its own
    direction on both sides changes nothing. ``directions``: the lines' directions
    found so far in ``doc`` ({line start: right-to-left}), filled as lines are asked."""
    run = m.group()
    if not set(run) <= set(_MARKS):
        return False
    rtl_mark = run[-1] != "\u200e"
    line = doc.lines[doc.position(m.start())[0] - 1]
    after = _STRONG_L.search(text, m.end(), line.end)
    before = m.start() > line.start and text[m.start() - 1]
    if after is None and before and not before.isspace() and not before.isalnum():
        return True  # after a closing bracket or mark at the line's end: keeps it with its text
    if (_NUMBER_BESIDE.match(text, m.end(), line.end) or before and before.isdigit() and _NUMBER_AFTER_MARK.match(
            text, m.end(), line.end)) and _RTL.search(text, line.start, line.end):
        return True  # "شاشة 16\u200f:10", "\u200f1، \u200f2": a number's parts ordered right to left
    if after is None and rtl_mark and before and before.isdigit() and not _PLACEHOLDER_NUMBER_BACK.search(
            text, max(line.start, m.start() - 12), m.start()) and (
            last := _STRONG_L_BACK.search(text, line.start, m.start())) and _HEBREW_CLASS.match(last.group()):
        return True  # "סוג 1\u200f": a number after Hebrew closed as right-to-left for what the program appends
    if (m.end() < line.end and text[m.end()] in _EMBEDDING_OPENERS or m.start() > line.start
            and text[m.start() - 1] in _EMBEDDING_CLOSERS) and _RTL.search(text, line.start, line.end):
        return True  # "עיקום ‏‪%1‬‏ במעגל": marks setting an embedding apart (W111 judges it)
    if (_PLACEHOLDER_AFTER.match(text, m.end(), line.end) and _PLACEHOLDER_BEFORE.search(
            text, max(line.start, m.start() - 16), m.start())) and _RTL.search(text, line.start, line.end):
        return True  # "«%s%s%s\u200e%s»": it parts two texts the program puts there, their directions unknown
    if (_MARKED_PLACEHOLDER_AFTER.match(text, m.end(), line.end) or _MARKED_PLACEHOLDER_BEFORE.search(
            text, max(line.start, m.start() - 24), m.start())) and _RTL.search(text, line.start, line.end):
        return True  # "مدیریت \u200e%(app)s\u200e": marks isolating a value of unknown direction (it may end in "(beta)")
    # (the strong characters shown: a markup tag's name is not, "מגבלת <strong>\u200e:visited")
    for found in (_shown_strong(text, line.start, m.start(), True), _shown_strong(text, m.end(), line.end, False)):
        if found is not None:
            rtl = bool(_RTL.match(found.group()))
        elif directions is None:  # a line boundary
            rtl = _line_rtl(text, line)
        else:
            rtl = directions.get(line.start)
            if rtl is None:
                rtl = directions[line.start] = _line_rtl(text, line)
        if rtl != rtl_mark:
            return True
    return False


class TatweelElongation(DocumentRule):
    """Tatweel (kashida, U+0640) used to stretch a word.

    What: Reports tatweel between two Arabic letters (`الـعـربـيـة`) and runs of two
    or more tatweels anywhere. A single tatweel after a word as an abbreviation mark
    (`مشار إليها بـ *`, `د.ـ`) is legitimate and not reported, nor is a tatweel that
    carries a superscript alef or a hamza (`الرَّحْمَـٰنِ` in vocalised Quranic text: the
    tatweel is the seat of the mark), nor one next to a haraka (`تُـنَـبِّه`, `يونـِكس`:
    vocalised technical text stretches a letter so its vowel mark can be read).
    Why: Kashida is a justification glyph, not a letter: `الـعربية` and `العربية` are
    the same word but different strings for search, dedup and tokenisers.
    A tatweel the text is about is left alone: in a document that names the character
    ("Arabic Tatweel mark U+0640 (also known as Kashida)": its Unicode name, tatweel,
    kashida, U+0640), and in a word shown as a spelling beside the same word without it on
    its line (quoted, in a list of spellings, or in a sentence of another script: "searching
    for كتاب will not match كـتاب or كتــــاب").
    In a .po string whose msgid marks a mnemonic (`Select _All`) and which has no `_`,
    a lone tatweel stands where the translator put the mnemonic (Sorani GTK:
    `هەموویـدیاریبکە`, often between two words): reported with an unsafe fix.
    Example: `الـعـربـيـة` → `العربية`; `بــ` → `بـ`.
    Fix safety: safe — tatweels between letters are deleted, longer runs are cut to
    one; no letter changes (unsafe for a mnemonic's stand-in, above).
    """

    code = "W113"
    name = "tatweel-elongation"
    family = "whitespace"
    fixable = True

    # A tatweel carrying a superscript (dagger) alef or a hamza is the seat of that mark
    # (Quranic orthography, e.g. Tanzil's الرَّحْمَـٰنِ), not elongation.
    # A tatweel next to a haraka (``تُـنَـبِّه``, ``يونـِكس``) gives the vowel mark room in a
    # vocalised word: a legibility device of vocalised typesetting, not stretching.
    _inner = regex.compile(rf"(?<={_ARABIC_LETTER})\u0640+(?![\u0670\u0654\u0655])(?={_ARABIC_LETTER})")
    _run = regex.compile(r"\u0640{2,}")

    def check(self, doc):
        if "\u0640" not in doc.text or names_character(doc, "\u0640"):
            return  # none, or the document's subject ("Arabic Tatweel mark U+0640 (also known as Kashida)")
        memo: dict = {}  # (a line's words, for its next tatweel)
        inner = [m for m in self._inner.finditer(doc.text) if not _spelling_shown(doc.text, m, memo)]
        spans = {m.start() for m in inner}
        # a .po string whose msgid marks a mnemonic ("Select _All") and that has no "_" of its
        # own: a lone tatweel stands where the translator meant the mnemonic, often between
        # two words ("هەموویـدیاریبکە"): reported, deleted only by an unsafe fix
        mnemonic = "_" not in doc.text and any(_MNEMONIC_RE.search(s) for s in doc.sources)
        for m in inner:
            if mnemonic and len(m.group()) == 1:
                yield doc.finding(self, m.start(), m.end(),
                                  "tatweel (kashida) where the msgid marks its mnemonic with '_'",
                                  fix=Fix.unsafe(Edit(m.start(), m.end())))
                continue
            yield doc.finding(self, m.start(), m.end(), "tatweel (kashida) elongating a word",
                              fix=Fix.safe(Edit(m.start(), m.end())))
        for m in self._run.finditer(doc.text):
            if m.start() not in spans and not _spelling_shown(doc.text, m, memo):
                yield doc.finding(self, m.start(), m.end(), f"run of {len(m.group())} tatweels",
                                  fix=Fix.safe(Edit(m.start(), m.end(), "\u0640")))


_MNEMONIC_RE = lazy(r"_(?=[^\W\d_])")  # GTK's mnemonic mark: "Select _All", "Cu_t"
_ARABIC_WORD_BEFORE = lazy(r"[\p{scx=Arabic}\p{M}]*", regex.REVERSE)  # (matched back from the end)
_ARABIC_WORD_AFTER = lazy(r"[\p{scx=Arabic}\p{M}]*")
_ARABIC_LETTERS = lazy(r"\p{sc=Arabic}")
_LETTERS = lazy(r"\p{L}")
_QUOTES = "\"'«»“”‘’„‹›"


def _spelling_shown(text: str, m, memo: "dict | None" = None) -> bool:
    """True when the word holding the tatweel ``m`` is shown as a spelling, beside the same
    word without tatweel on its line: in a list of spellings (another tatweel spelling of
    the word on the line), in quotes, or in a line written mostly in another script (text
    about Arabic: "searching for كتاب will not match كـتاب or كتــــاب"). Removing the
    tatweel there erases the difference the text shows. ``memo`` (a dict, one per text) keeps
    a line's words and letters for its next tatweel (read again for each, a one-line file of
    thousands was quadratic)."""
    memo = {} if memo is None else memo
    line_start, line_end = memo.get("line", (1, 0))
    if not line_start <= m.start() <= m.end() <= line_end:  # (not the last tatweel's line)
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        memo["line"] = line_start, line_end
    start = _ARABIC_WORD_BEFORE.match(text, line_start, m.start()).start()  # (read backwards from the tatweel)
    end = _ARABIC_WORD_AFTER.match(text, m.end(), line_end).end()
    word = text[start:end]
    bare = word.replace("\u0640", "")
    if not bare:
        return False
    if line_start not in memo:
        line = text[line_start:line_end]
        spellings: dict[str, set[str]] = {}  # each bare word's spellings on the line (itself too)
        for w in regex.findall(r"[\p{scx=Arabic}\p{M}]+", line):
            spellings.setdefault(w.replace("\u0640", ""), set()).add(w)
        letters = len(_LETTERS.findall(line))
        memo[line_start] = spellings, letters > 0 and len(_ARABIC_LETTERS.findall(line)) * 2 < letters
    spellings, about_arabic = memo[line_start]
    if bare not in spellings.get(bare, ()):
        return False  # no plain spelling beside it: elongation
    if len(spellings[bare] - {bare}) > 1:
        return True  # "كـتاب or كتــــاب": a list of spellings
    if text[start - 1 : start] in _QUOTES or text[end : end + 1] in _QUOTES:
        return True  # «كـتاب»: quoted
    return about_arabic  # a Latin/Greek sentence about it


RULES = [ByteOrderMark, BidiControl, InvisibleCharacter, TatweelElongation]
