"""Character classes and helpers shared by the whitespace rules."""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

import regex

from ...structure import HTML_SUFFIXES, MARKDOWN_SUFFIXES, RST_SUFFIXES, SUBTITLE_SUFFIXES, TEX_SUFFIXES
from ...text.chars import describe
from ...text.lazy_regex import lazy
from ...text.lines import finditer_on_lines  # noqa: F401 (used by the rules)
from ...text.memo import last_argument
from ...text.width import display_width, index_at_column


def rendered_manual(doc) -> bool:
    """``duplicate.regions.rendered_manual`` of ``doc``, imported when first asked: importing the
    duplicate family with this module loaded numpy while ``corpuslint.cli`` was imported, before
    the CLI sets OpenBLAS to one thread (``cli._own_process``): --version cost 0.28 -> 0.39 s CPU."""
    from ..duplicate.regions import rendered_manual as manual

    return manual(doc)


# French typography spaces the double marks (« Pourquoi ? », « Il dit : ») and the inside
# of guillemets: in a document declared French (``Document.language``) that is orthography,
# written with a space or, as typesetters and translation teams do, a no-break one.
FRENCH_SPACED_MARKS = frozenset(":;!?")
FRENCH_SPACED_PAIRS = frozenset({"«»", "‹›"})
FRENCH_SPACED_AFTER = frozenset("«‹")  # the opening guillemets (and before the closing ones)
FRENCH_SPACED_BEFORE = FRENCH_SPACED_MARKS | frozenset("»›")
# CJK's full-width punctuation (the ideographic full stop, full-width comma, colon, semicolon,
# exclamation and question marks): it carries its own spacing, and CJK text sets no space
# beside it (W114 deletes one before it; W103's fix, a run after it).
FULL_WIDTH_MARKS = frozenset("，。：；！？")

# Undeclared French: words French writes and its neighbours do not (not "la", "que",
# "tu", "il", "va", "mais", "ou": Spanish, Italian, Portuguese write them too), subject
# inversion ("vas-tu") and elisions ("qu'", "j'"; not "l'", "d'": Italian), against
# English words. A chat message of three words ("Comment vas-tu ?", "Bonjour, ca va ?")
# declares nothing but reads French; English quoting a French word, Spanish ("de qué
# continente ?") and Arabic with placeholders do not.
_FRENCH_WORD_RE = lazy(
    r"(?i)(?:\b(?:je|nous|vous|elle|elles|ils|est|suis|sont|pas|une|des|du|où|sur|dans|pour|avec|bonjour"
    r"|merci|oui|pourquoi|très|quoi|ça|ca|moi|toi|tes|ses|au|aux|avez|avons|ont|êtes|été|être|leur|leurs|cette|ces|notre|votre)\b(?!['’])"
    r"|\b(?:qu|c|j|n|s|m|t)['’](?=\p{L})|\p{L}-(?:tu|vous|ils?|elles?|on|je|nous)\b)"
)
_ENGLISH_WORD_RE = lazy(
    r"(?i)\b(?:the|is|are|was|you|what|how|do|does|it|this|that|and|of|to|in|on|for|with|my|your|can|i)\b"
)
_WORD_RE = lazy(r"\p{L}+")


def reads_french(text: str) -> bool:
    """True when ``text`` (a document not declared in any language) reads as French: its
    French words (``vas-tu``, ``est``, ``qu'``...) are at least one in ten of its words
    and outnumber its English ones."""
    n = len(_FRENCH_WORD_RE.findall(text))
    return n > 0 and n * 10 >= len(_WORD_RE.findall(text)) and n > len(_ENGLISH_WORD_RE.findall(text))


# French near a mark (``french_near``): the words above that French writes and its neighbours
# do not, less "je", "du" and "des" (Dutch "je", German "du", "des": a paragraph holds enough
# of them to mislead), plus "les", "par", "comme", "peut", "doit", "chaque" and the elisions
# "l’", "d’" ("d’autres", "l’image": Italian and Catalan write them too, so they count only
# beside a word of the list).
_FRENCH_NEAR_WORD_RE = lazy(
    r"(?i)(?:\b(?:nous|vous|elle|elles|ils|est|suis|sont|pas|une|où|sur|dans|pour|avec|bonjour|les|par|comme|peut"
    r"|doit|chaque|merci|oui|pourquoi|très|quoi|ça|moi|toi|tes|ses|au|aux|avez|avons|ont|êtes|été|être|leur|leurs"
    r"|cette|ces|notre|votre|ca|salut|autres?|sous|aussi|plusieurs|selon)\b(?!['’])|\b(?:qu|c|j|n|s|m|t)['’](?=\p{L})|\p{L}-(?:tu|vous|ils?|elles?|on|je|nous)\b)"
)
_ELISION_RE = lazy(r"(?i)\b[ld]['’](?=\p{L})")
_FRENCH_WEAK_RE = lazy(r"(?i)\b(?:des|du|et)\b(?!['’])")
_FRENCH_LETTER_RE = lazy(r"(?i)[èêàçùœâîôû]|\b[ld]['’]\p{L}")
# What says French on a short line beside a no-break space the author set before a mark
# (``FrenchAround._line_set_french``): a French accented letter (é as well) or a demonstrative
# with -ci / -là ("ceux-ci", "celle-là").
_FRENCH_SHORT_LINE_RE = lazy(r"(?i)[éèêàçùœâîôû]|\b(?:ce|celui|celle|ceux|celles)-(?:ci|là)\b")
_SHORT_LINE = 120  # characters: a heading, a list's lead-in
_LATIN_WORD_RE = lazy(r"\p{Latin}[\p{Latin}\p{M}]*")
_NEAR = 300  # characters either side of the mark: a paragraph's sentence or two
_BLANK_LINE_RE = lazy(r"\n[ \t]*\r?\n")


# English words, for the text near a mark: as ``_ENGLISH_WORD_RE``, but "I" only as the
# pronoun (before a word in lower case), not the "I:44" of a popularity count or a Roman one.
# (Not "on": French writes it too, a pronoun: "On affiche le numéro de nœud … comme suit\u00a0:".)
_ENGLISH_NEAR_WORD_RE = lazy(
    r"(?i:\b(?:the|is|are|was|you|what|how|do|does|it|this|that|and|of|to|in|for|with|my|your|can)\b)"
    r"|\bI(?= \p{Ll})"
)


# A parenthesis: an aside, often a gloss in another language (chattr(1) in French: "hiérarchie
# de projet (P : project hierarchy), suppression sécurisée (s : secure deletion)", the English
# names of the attributes in a French sentence; "le périphérique de rebouclage (loop device)").
_PARENTHESIS_RE = lazy(r"\([^()]*\)")
_GUILLEMET_QUOTE_RE = lazy(r"«[^«»\n]*»")


def _reads_french_near(window: str) -> bool | None:
    """French (True), not French (False), or too little to tell (None: no French or English
    word in ``window``), judged by the sentence around its parentheses (glosses in another
    language) when that tells, else with them. One word in 25 is enough: the words counted
    are a closed list, and a technical paragraph is half commands, paths and option names."""
    if "(" in window:
        said = _reads_french_bare(_PARENTHESIS_RE.sub(" ", window))
        if said is not None:
            return said
    return _reads_french_bare(window)


def _reads_french_bare(window: str) -> bool | None:
    """``_reads_french_near`` on ``window`` as it is."""
    words = len(_WORD_RE.findall(window))
    if words and len(_LATIN_WORD_RE.findall(window)) * 2 < words:
        return False  # Russian, Arabic...: "Фрагментировать диск ещё ? (Y/N)" is no French
    n = len(_FRENCH_NEAR_WORD_RE.findall(window))
    # (English quoted between guillemets is a French sentence's quotation: harden-doc-fr's
    # "(ou « Why is the base system the way it is? » : pourquoi ... est-il comme ça ?)")
    en = len(_ENGLISH_NEAR_WORD_RE.findall(_GUILLEMET_QUOTE_RE.sub(" ", window) if "«" in window else window))
    if n == 0:
        if en:
            return False
        # a short line of none of those words: "des", "du", "et" with a letter French
        # accents so ("Liste des outils d’analyse", "encoder et décoder des messages";
        # German "des" has no such letter, Italian "è" no such article)
        return True if _FRENCH_WEAK_RE.search(window) and _FRENCH_LETTER_RE.search(window) else None
    n += len(_ELISION_RE.findall(window))
    if n * 25 >= words and n > en:
        return True
    # too few of those words for the window's length, but no English one and the weak signs
    # above, which alone would say French: a list of French terms ("recherches de répertoire
    # insensibles à la casse, immuable, journalisation des données, non compressé")
    return not en and _FRENCH_WEAK_RE.search(window) is not None and _FRENCH_LETTER_RE.search(window) is not None


_GUILLEMET_QUOTE_RE = lazy(r"«[^«»\n]{1,200}»")
_FAR = 1500  # how far from the mark the nearest paragraph that tells may lie


def french_near(text: str, pos: int, whole=None) -> bool:
    """True when the text around ``text[pos]`` (a document declaring no language) reads
    French: its paragraph, up to 300 characters either side; when that holds no word
    telling French from English (a heading, a table cell: "Bacula\u00a0: sauvegarde"), the
    nearest paragraph that does, after or before it, within 1,500 characters; when none
    does, the whole text (``whole``: a function that says once, or read here). French
    typography is a property of the sentence that sets it, not of the document's share of
    French words, which commands, option names and English terms dilute (debian-reference in
    French: "Le nom de machine dans «\u00a0/etc/exim4/passwd.client\u00a0» ne doit pas être
    un alias", "il faut le réinitialiser de la manière suivante\u00a0:"), nor of an English
    paragraph left untranslated in a French document."""
    lo, hi = max(0, pos - _NEAR), min(len(text), pos + _NEAR)
    start = lo
    for b in _BLANK_LINE_RE.finditer(text, lo, pos):
        start = b.end()
    after = _BLANK_LINE_RE.search(text, pos, hi)
    said = _reads_french_near(text[start : after.start() if after else hi])
    if said is not None:
        return said
    # the paragraphs around, nearest first (the one after, then the one before...)
    nxt = _BLANK_LINE_RE.search(text, pos, min(len(text), pos + _FAR))
    prev_end = text.rfind("\n", 0, start) if start > 0 else -1
    while nxt is not None or prev_end > 0:
        if nxt is not None:
            end = _BLANK_LINE_RE.search(text, nxt.end(), min(len(text), nxt.end() + _NEAR))
            said = _reads_french_near(text[nxt.end() : end.start() if end else min(len(text), nxt.end() + _NEAR)])
            if said is not None:
                return said
            nxt = end if end is not None and end.end() - pos < _FAR else None
        if prev_end > 0:
            begin = max(0, prev_end - _NEAR)
            for b in _BLANK_LINE_RE.finditer(text, begin, prev_end):
                begin = b.end()
            said = _reads_french_near(text[begin:prev_end])
            if said is not None:
                return said
            prev_end = text.rfind("\n", 0, begin) if begin > 0 and pos - begin < _FAR else -1
    return bool(whole()) if whole is not None else bool(_reads_french_near(text))


# A guillemet pair set with no-break (or narrow, thin) spaces inside on both sides,
# «\u00a0/etc/motd\u00a0»: French typography by itself (German, Russian, Arabic set their
# guillemets tight), whatever words the quotation and its sentence hold.
# One pair may hold another (debian-reference's cross-references: "«\u00a0Les paramètres
# linguistiques («\u00a0locale\u00a0»)\u00a0»", "«\u00a0La variable «\u00a0$LANG\u00a0»\u00a0»").
_INNER_PAIR = r"[«‹][\u00a0\u202f\u2009][^\n«»‹›]*?[^\s«»‹›][\u00a0\u202f\u2009][»›]"
_SPACED_GUILLEMETS_RE = lazy(rf"[«‹][\u00a0\u202f\u2009](?:[^\n«»‹›]|{_INNER_PAIR})*?(?:[^\s«»‹›]|{_INNER_PAIR})"
                             r"[\u00a0\u202f\u2009][»›]")


class FrenchAround:
    """``FrenchAround(text)(pos)``: does the French typography rule hold at ``text[pos]``
    (a space beside a mark French spaces off, in a document declaring no language)? The
    space is inside a guillemet pair spaced with no-break spaces, or is a no-break space on
    a line that reads French (or tells nothing, in a text that does: ``_line_set_french``),
    or the text around it reads French (``french_near``; the whole text's answer asked once)."""

    def __init__(self, text: str):
        self.text, self._whole, self._pairs = text, None, None

    def whole(self) -> bool:
        if self._whole is None:
            self._whole = bool(_reads_french_near(self.text))
        return self._whole

    def __call__(self, pos: int) -> bool:
        text = self.text
        if "«" in text or "‹" in text:
            if self._pairs is None:
                self._pairs = [(m.start(), m.end()) for m in _SPACED_GUILLEMETS_RE.finditer(text)]
            if any(s <= pos < e for s, e in self._pairs):  # (few per line; a list is enough)
                return True
        if (text[pos - 1 : pos] in FRENCH_SPACES or text[pos : pos + 1] in FRENCH_SPACES) and self._line_set_french(pos):
            return True
        return french_near(text, pos, self.whole)

    def _line_set_french(self, pos: int) -> bool:
        """A no-break space beside the mark at ``pos``, on a line that reads French or,
        holding no word that tells (a heading, a table cell: "3.1.2. Étage 2\u00a0: le
        chargeur initial", "Bochs\u00a0: émulateur PC IA-32"), in a text that reads French:
        French typography, whatever the paragraphs around say (debian-reference-fr's table
        of contents lists "3.1.1. Stage 1: the UEFI", left untranslated, above that heading;
        "comme suit\u00a0:" comes before English command output). Quotations in guillemets
        and parentheses are set aside: titles and glosses in English ("Un tutoriel
        d’introduction à git\u00a0: deuxième partie «\u00a0A tutorial introduction to git…»").
        A line with an English word keeps the judgement of its paragraph."""
        text = self.text
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        line = text[start : len(text) if end < 0 else end]
        if "«" in line:
            line = _GUILLEMET_QUOTE_RE.sub(" ", line)
        if "(" in line:
            line = _PARENTHESIS_RE.sub(" ", line)
        said = _reads_french_bare(line)
        if said is False and _FRENCH_NEAR_WORD_RE.search(line):
            # as many French words as English ones: the no-break space before the mark tips it
            # ("The teTeX HOWTO\u00a0: le guide local de teTeX sous Linux\u00a0;": a title, its gloss)
            said = len(_FRENCH_NEAR_WORD_RE.findall(line)) >= len(_ENGLISH_NEAR_WORD_RE.findall(line))
        if said is None and not self.whole():
            # a short line of no telling word in a text that does not read French as a whole
            # (debian-handbook's French pages keep English paragraphs): the no-break space the
            # author typed before the mark, and a French letter or demonstrative on the line,
            # say French ("Précédent14.3.\u00a0Supervision\u00a0: prévention, détection",
            # "Parmi ceux-ci, on trouve successivement\u00a0:")
            return len(line) <= _SHORT_LINE and _FRENCH_SHORT_LINE_RE.search(line) is not None
        return said is True or said is None


FRENCH_SPACES = "\u00a0\u202f\u2009"  # no-break, narrow no-break, thin


def french_spacing(text: str, m) -> bool:
    """Is the space ``m`` (a match of one or more space characters) French typography's
    kind: a no-break, narrow no-break or thin space before ; : ! ? » › or after « ‹? A fix
    that deletes it, or makes it an ASCII space, changes French text: never a safe one."""
    if not m.group() or m.group()[-1] not in FRENCH_SPACES and m.group()[0] not in FRENCH_SPACES:
        return False
    after = text[m.end() : m.end() + 1]
    before = text[m.start() - 1 : m.start()] if m.start() else ""
    return (m.group()[-1] in FRENCH_SPACES and after in FRENCH_SPACED_BEFORE and after != "") or (
        m.group()[0] in FRENCH_SPACES and before in FRENCH_SPACED_AFTER and before != "")


# Horizontal whitespace: tab + every Unicode space separator (Zs: SPACE, NBSP, OGHAM,
# EN/EM/THIN/HAIR..., NARROW NBSP, MEDIUM MATHEMATICAL, IDEOGRAPHIC).
HSPACE = r"\t\p{Zs}"
# Invisible format characters that count as whitespace at a line's end.
INVISIBLE = r"\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u061c\u180e"
# Directional marks (LRM, RLM, ALM): invisible, but they order the text around them;
# even at a line's end they are W112's (invisible characters), never "whitespace".
MARKS = "\u200e\u200f\u061c"
EOL = r"(?=\r\n|\n|\r|\Z)"
# Scripts written without spaces between words whose writers mark word boundaries with a
# ZERO WIDTH SPACE: the South East Asian scripts of UAX #14's class SA (Thai, Lao, Khmer,
# Myanmar, Tai Tham...), whose lines break and whose words are found by dictionary unless a
# ZWSP says where ("ចុច\u200bក្នុង": Khmer LibreOffice help), with their punctuation (the
# Khmer khan ។), and Tibetan (Dzongkha).
# Decided by the characters beside the mark (their script), not by a language tag.
SEGMENTED_SCRIPT_RE = lazy(r"[\p{Line_Break=SA}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]")
# Joiners: not whitespace. ZWNJ after a letter chooses its form (Sorani "داوانامه\u200c", heh
# written as the vowel ە; Kannada "ಬ್ಲೂಟೂತ್\u200c", an explicit virama) and ZWJ after one
# joins it (an Indic half form, an emoji sequence), at a line's end too.
JOINERS = "\u200c\u200d"
# A joiner right after a virama (canonical combining class 9: Devanagari ्, Sinhala al-lakuna ්,
# Malayalam ്, Kannada ್...) is part of the word's spelling, not a stray invisible character:
# ZWJ there asks for a half form or a conjunct (Sinhala yansaya and rakaransaya "ප්\u200dර", a
# Malayalam chillu written the old way "ന്\u200d", the Marathi eyelash ra "र्\u200d"), ZWNJ for
# the visible virama (Kannada "ಬ್ಲೂಟೂತ್\u200c"). The Unicode Standard, ch. 12 ("Rendering
# Devanagari": explicit half-consonant, explicit virama) and ch. 13 (Sinhala); IDNA allows the
# two joiners there and nowhere else in these scripts for that reason (RFC 5892, A.1 and A.2:
# "Canonical_Combining_Class(Before(cp)) .eq. Virama"). A regex element matching a joiner that
# does not follow a virama, for rules that report joiners (W112's `flag-zwj`, `flag-zwnj`).
JOINER_NOT_AFTER_VIRAMA = r"(?<!\p{ccc=9})"
NEWLINE_RE = lazy(r"\r\n|\n|\r")
# The space separators (Zs) written out, for ``re`` triggers (``re`` has no \p{Zs}); the
# same characters as ``regex``'s \p{Zs} (a test checks every code point).
ZS = "\u0020\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"


def unit_name(doc) -> str:
    """What a message calls the document: "record" for the text of a data file's record
    or a .po file's string (``RecordDocument``: it has a ``record``), else "file"."""
    return "record" if getattr(doc, "record", None) is not None else "file"


def char_names(text: str) -> str:
    """'U+00A0 NO-BREAK SPACE, U+0020 SPACE' for the distinct characters of ``text``."""
    seen = dict.fromkeys(text)
    return ", ".join(describe(c) for c in seen)


def counted_names(text: str) -> str:
    """'3 no-break spaces (U+00A0), 1 thin space (U+2009)': each distinct character of
    ``text`` with how often it occurs, most frequent first."""
    counts: dict[str, int] = {}
    for c in text:
        counts[c] = counts.get(c, 0) + 1
    parts = []
    for c, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        name = unicodedata.name(c, "unnamed character").lower()
        parts.append(f"{n} {name}{'s' if n != 1 else ''} (U+{ord(c):04X})")
    return ", ".join(parts)


def by_line(doc, matches) -> dict[int, list]:
    """Regex matches grouped by the 1-based line they start on, in order."""
    out: dict[int, list] = {}
    for m in matches:
        out.setdefault(doc.position(m.start())[0], []).append(m)
    return out


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf > lf and crlf >= cr:
        return "\r\n"
    if cr > lf and cr > crlf:
        return "\r"
    return "\n"


@lru_cache(maxsize=128)
def compiled(pattern: str) -> "regex.Pattern":
    """Compile a pattern built from rule options once per process (not once per document)."""
    return regex.compile(pattern)


def same_cell(line: str, other: str, index: int) -> int | None:
    """The index in ``other`` of the character shown in the same display cell as
    ``line[index]`` (``text.width``: a CJK character takes two cells), or None when no
    character of ``other`` starts there. Columns line up on the screen, not in code points:
    ``タイプ 2       護符`` starts its definition at cell 22, code point 19, as the line
    below, indented by 22 spaces, does. Lines of narrow characters only, and an index past
    ``MAX_LAYOUT_COLUMN`` (no page is that wide; a one-line file's runs of spaces would each
    read the line up to themselves): ``index`` itself."""
    if index > MAX_LAYOUT_COLUMN:
        return index
    before = line[:index]
    if before.isascii() and other.isascii():
        return index
    return index_at_column(other, display_width(before))


def leading_bom(doc, line_index: int) -> int:
    """1 on the first line of a text that opens with a byte-order mark, else 0: the offset
    of a column (``Document.position``, which counts no BOM) in that line's text."""
    return 1 if line_index == 0 and doc.text.startswith("\ufeff") else 0


def aligned(doc, line_index: int, column: int, probe, across_blank: bool = False) -> bool:
    """True if the line above or below has ``probe(text, col)`` true, ``col`` (0-based) the
    index in that line of the display cell where ``column`` (0-based) is on this one
    (``same_cell``): columns of a table or of command output line up across lines. With
    ``across_blank``, the nearest non-blank line above and below, across one blank line
    (``nearest_lines``: a list of entries set one to a paragraph, "Version 1.1 — 2019-09-24",
    a blank line, "Version 1   — 2019-08-29")."""
    lines = doc.lines
    here = None
    at = column + leading_bom(doc, line_index)
    if across_blank:
        others = ((j, other) for j, other, _ in nearest_lines(doc, line_index))
    else:
        others = ((j, doc.text[lines[j].start : lines[j].end]) for j in (line_index - 1, line_index + 1)
                  if 0 <= j < len(lines))
    for _, other in others:
        if here is None:  # (up to the page's width: ``same_cell`` reads no further)
            here = doc.text[lines[line_index].start : lines[line_index].start + min(at, MAX_LAYOUT_COLUMN + 1)]
        col = same_cell(here, other, at)
        if col is not None and col < len(other) and probe(other, col):
            return True
    return False


def column_of_gaps(doc, line_index: int, column: int, min_lines: int = 3, memo: "dict | None" = None) -> bool:
    """True if ``min_lines`` or more lines in a row around ``line_index`` (0-based), itself
    included, have a run of 2+ spaces ending right before ``column`` (0-based), in a block of
    consecutive lines that all start a word at ``column`` after a space or tab: a column padded
    to one width on every line ("0-2  -- You are", "3-5  -- There is", "8-10 -- Your soul"),
    the text before it differing between those lines (copies of one line are no column).
    Hard-wrapped prose seldom has three such gaps at one column.

    Each side of the block is summed up line by line from its far end (the lines with gaps,
    up to ``min_lines``, and their cells before the column, up to two different ones) and kept
    in ``memo`` (a dict, one per document): a walk of the block from each of its lines was
    quadratic in a block of thousands of copies of one line. The column is read, never a
    whole line."""
    text, lines = doc.text, doc.lines
    memo = {} if memo is None else memo

    def starts_word(j: int) -> bool:
        at = lines[j].start + column
        return 0 < column < lines[j].end - lines[j].start and text[at - 1] in " \t" and not text[at].isspace()

    def cell(k: int) -> str:
        return text[lines[k].start : min(lines[k].start + column, lines[k].end)].strip()

    def side(j: int, step: int) -> tuple[int, frozenset]:
        """(lines with a gap, up to ``min_lines``; up to two of their cells) of lines j, j + step, ...
        while they start a word at the column."""
        path = []
        while 0 <= j < len(lines) and (j, column, step, min_lines) not in memo and starts_word(j):
            path.append(j)
            j += step
        summary = memo.get((j, column, step, min_lines), (0, frozenset()))
        if path and not (0 <= j < len(lines) and (j, column, step, min_lines) in memo):
            summary = (0, frozenset())  # (the walk ended at a line that starts no word there)
        for k in reversed(path):
            at = lines[k].start + column
            if column >= 2 and (text[at - 1] == "\t" or text[at - 2 : at] == "  "):  # (gap_ends_at)
                gaps, cells = summary
                summary = (min(gaps + 1, min_lines), cells if len(cells) >= 2 else cells | {cell(k)})
            memo[k, column, step, min_lines] = summary
        return summary

    (above, cells_above), (below, cells_below) = side(line_index - 1, -1), side(line_index + 1, 1)
    if 1 + above + below < min_lines:
        return False
    return len({cell(line_index)} | cells_above | cells_below) > 1  # copies of one line are not a column


def gap_ends_at(text: str, column: int, start: int | None = None) -> bool:
    """``text`` has a run of 2+ spaces (or a tab) ending right before ``column``; with
    ``start``, one that starts elsewhere (padding of a different width: a column)."""
    if column < 2 or text[column].isspace():
        return False
    if text[column - 1] == "\t":
        return True
    if not (text[column - 1] == " " and text[column - 2] == " "):
        return False
    if start is None:
        return True
    # where the run starts (``rstrip`` in C: a loop here made a file of long runs quadratic)
    return len(text[: column - 2].rstrip(" ")) != start


MAX_LAYOUT_COLUMN = 160  # a rendered page is 80 columns wide; wide terminals 132-160


def hanging_column(doc, line_index: int, column: int, gap_start: int) -> bool:
    """True if the nearest non-blank line above or below ``line_index`` (0-based; across
    one blank line) starts text at ``column`` (0-based): indented to it, or after a run of
    2+ spaces after other text (a copy of the line is no layout); on the very next line, a
    run that starts elsewhere than ``gap_start`` (two gaps of one width on two lines in a
    row are a coincidence of hard-wrapped prose). That is a tagged paragraph's layout
    (groff's ``.TP`` in a rendered man page: "at      指定された時間に…", the next item
    "atq     ペンディング…" and the continuation lines indented to the description's
    column; "Sıkıştırma:   400k" over "Açma:   100k"), not a doubled space."""
    if column > MAX_LAYOUT_COLUMN:
        return False  # (a page is laid out in its first columns; a long line is checked in linear time)
    lines = doc.lines
    head = doc.text[lines[line_index].start : lines[line_index].start + column].strip()
    at = column + leading_bom(doc, line_index)
    here = doc.text[lines[line_index].start : lines[line_index].start + at]
    for _, other, blanks in nearest_lines(doc, line_index):
        col = same_cell(here, other, at)  # (the same display cell: "マナ (mana)    呪文" over "      で使用")
        if col is None:
            continue
        start = same_cell(here, other, gap_start)
        if col < len(other) and not other[col].isspace() and (
                (col >= 2 and other[:col].strip(" ") == "")
                or (gap_ends_at(other, col, None if blanks else (-1 if start is None else start))
                    and other[:col].strip() != head)):
            return True
    return False


# A justified page (``justified_lines``): its right margin is a page's (60 cells or more:
# ``man`` renders at MANWIDTH - 2, 78 cells on an 80-column terminal); at least
# JUSTIFIED_MIN_LINES lines end there (the long lines a paragraph continues after, and the
# page's header and footer), at least JUSTIFIED_SHARE of those long lines end there or one
# cell short (a wide character that does not fit the last cell, on a line with no space to
# stretch), and at most JUSTIFIED_MAX_OVER of its lines go past it (a table, a URL).
JUSTIFIED_MIN_MARGIN = 60
JUSTIFIED_MIN_LINES = 3
JUSTIFIED_SHARE = 0.25
JUSTIFIED_MAX_OVER = 0.25


# A line's stretch: a run of spaces after a word, not after a sentence's end in Latin
# punctuation (where writers of ragged text type two spaces too), nor after a quote's,
# comment's or list's marker opening the line ("> ", "#  ", "*   "). A drawn table's row
# (box-drawing characters, a "|" opening or ending the line or set off by a space as a cell's
# border) spans its width with padding, no justification; a "|" inside a word is no border
# (zless(1) in German, a line at the margin quoting "»|gzip -cdfq« ... »<Leerzeichen>;*?"()<>[|&^`«").
_STRETCH_RE = lazy(r"(?<=[^\s.!?:;])[ ]{2,}(?=\S)")
_LINE_MARKERS_RE = lazy(r"[ \t]*(?:[>#*+|-]+[ \t]+)*")
_DRAWN_RE = lazy(r"[\u2500-\u257f]|^[ \t]*\||\|[ \t]*$|(?<=\s)\||\|(?=\s)")


@last_argument
def justified_lines(doc) -> frozenset[int]:
    """The lines (0-based) of ``doc`` that justification stretched to the right margin:
    in a document set justified (a rendered man page: groff adjusts both margins), every
    line that its paragraph continues after (the next line is not blank) and that ends
    exactly at the margin, in display cells (``text.width``: a CJK character takes two).
    Justification puts the line's slack into its spaces; a CJK line has one to three, so
    each takes several (``quota は /etc/mtab でリストされている全てのファイルシステムの quota  を``,
    78 cells): layout, not a doubled space. The margin is the width that most of the long
    lines (``JUSTIFIED_MIN_MARGIN`` cells or more) a paragraph continues after end at (or
    one cell short of), that few lines pass (``JUSTIFIED_*`` above), and at which the
    lines show the stretch: two of them, and a quarter or more, hold a run of spaces
    between words (not after a sentence's end; a man page's header and footer count, their
    three columns spread to the margin too). Ragged prose, hard-wrapped at a width, ends its
    lines anywhere below it and stretches none (a doubled space there is a slip); verse,
    subtitles and drawn tables are narrower or are no text. A paragraph's last line is never
    stretched: a run of spaces there, or in ragged text, is reported. A text too short to
    show a page's margin (a paragraph of a man page as a dataset record) is read paragraph
    by paragraph too (``_justified_paragraphs``). Empty for other documents; the widths are
    read once per document."""
    if doc.suffix in _MARKUP_SOURCES:
        return _justified_page(*_rows_and_widths(doc))  # (a writer's source: no formatter filled its paragraphs)
    return plain_justified_lines(doc)


@last_argument
def plain_justified_lines(doc) -> frozenset[int]:
    """``justified_lines`` of ``doc`` read as plain text, whatever its format: what the
    plain-text reading of ``structure`` asks (a record's format is decided by it, so it
    must not ask ``doc.suffix``)."""
    rows, widths = _rows_and_widths(doc)
    return _justified_page(rows, widths) | _justified_paragraphs(rows, widths)


def _rows_and_widths(doc) -> tuple[list[str], list[int]]:
    """The lines of ``doc`` without their trailing spaces, and their display widths (none
    when no line holds a run of two spaces: nothing is justified)."""
    text, lines = doc.text, doc.lines
    if "  " not in text:
        return [], []
    rows = [text[row.start : row.end].rstrip() for row in lines]
    # (a line of more than 4 * MAX_LAYOUT_COLUMN characters is no page's line: its length is
    # its width, read in C, which puts it past any margin)
    widths = [0 if _DRAWN_RE.search(row) else len(row) if len(row) > 4 * MAX_LAYOUT_COLUMN else display_width(row)
              for row in rows]
    return rows, widths


def _justified_page(rows: list[str], widths: list[int]) -> frozenset[int]:
    """``justified_lines`` of a page: the lines at the margin most long lines end at."""
    if len(rows) < JUSTIFIED_MIN_LINES + 1:
        return frozenset()
    go_on = [i for i in range(len(rows) - 1) if widths[i] and widths[i + 1]]
    counts = Counter(widths[i] for i in go_on if widths[i] >= JUSTIFIED_MIN_MARGIN)
    long = sum(counts.values())
    if not long:
        return frozenset()
    margin = max(counts, key=lambda w: (counts[w], w))
    written = [i for i, w in enumerate(widths) if w]
    edges = {i for i in (written[0], written[-1]) if widths[i] == margin}  # (a man page's header and footer)
    at = [i for i in go_on if widths[i] == margin]
    evidence = set(at) | edges  # (distinct lines: a first line at the margin that its paragraph continues after is one)
    if (len(evidence) < JUSTIFIED_MIN_LINES
            or counts[margin] + counts.get(margin - 1, 0) < JUSTIFIED_SHARE * long):
        return frozenset()
    over = sum(1 for i in written[1:-1] if widths[i] > margin)
    if over > JUSTIFIED_MAX_OVER * len(written):
        return frozenset()
    stretched = sum(1 for i in evidence if _STRETCH_RE.search(rows[i], _LINE_MARKERS_RE.match(rows[i]).end()))
    if stretched < 2 or stretched * 4 < len(evidence):
        return frozenset()
    return frozenset(at)


# Markup sources, whose paragraphs a formatter fills later (Markdown, reStructuredText, TeX,
# HTML, subtitles): a reST definition's body "A color passed to ``hyperref`` as value of
# ``linkcolor``  and" over a shorter line is typed, never justified.
_MARKUP_SOURCES = frozenset(MARKDOWN_SUFFIXES + RST_SUFFIXES + TEX_SUFFIXES + HTML_SUFFIXES + SUBTITLE_SUFFIXES)


# The gaps between a line's words, and the words either side of a gap that an unpaddable space
# may fill (a full stop's sentence space, wider before the stretch; French spacing before
# "? ! : ; »" and after "«", which manpages-fr writes "\ ": "fichier\ ?" is not stretched).
_WORDS_RE = lazy(r"\S+")
_SENTENCE_END = frozenset(".!?:;…")
_UNPADDED_BEFORE = frozenset("?!:;»›")
_UNPADDED_AFTER = frozenset("«‹")
_LETTER_RE = lazy(r"\p{L}")


def _spread(row: str) -> tuple[int, int] | None:
    """(the stretch: spaces beyond one in the gaps, the gaps) when the gaps between the words
    of ``row`` are as a justifying formatter leaves them: one width (single spaces: no
    stretch), or two widths a space
    apart with the wider ones together at the line's start or end (groff puts a line's
    slack into its gaps from one end, the other end on the next line: "iso_8859-2  -  Jeu  de
    caractères ISO 8859-2 en…", "…ISO 8859-7  qui  sont  impri‐"), two gaps or more; else
    None. Gaps after a sentence's end, around French spacing and after a leading bullet or
    label (no letter: "•", "(3)") are left out: they need not stretch. A slip, one doubled
    space among single ones, is in the middle of its line as often as anywhere."""
    words = list(_WORDS_RE.finditer(row))
    widths = []
    for n, (a, b) in enumerate(zip(words, words[1:])):
        before, after = a.group(), b.group()
        if (before[-1] in _SENTENCE_END or before[-1] in _UNPADDED_AFTER or after[0] in _UNPADDED_BEFORE
                or (n == 0 and _LETTER_RE.search(before) is None)):
            continue
        gap = row[a.end() : b.start()]
        if gap.strip(" "):
            return None  # a tab: laid out, not filled
        widths.append(len(gap))
    if len(widths) < 2:
        return None
    low = min(widths)
    if any(w not in (low, low + 1) for w in widths):
        return None
    wide = [w == low + 1 for w in widths]
    count = sum(wide)
    if count == 0 and low == 1:
        return 0, len(widths)  # no stretch: the line fitted (its runs after sentences or labels)
    rest = len(wide) - count
    if count and wide != [True] * count + [False] * rest and wide != [False] * rest + [True] * count:
        return None  # wider gaps apart from each other, or in the middle: typed, not filled
    return sum(w - 1 for w in widths), len(widths)


_INDENT_RE = lazy(r"( {2,})(\S+ +)?")


def _margin_kept(row: str, below: str) -> bool:
    """Does ``below`` start at ``row``'s left margin, two spaces or more in (a formatter's
    page offset: man's seven), or at the column of the text after ``row``'s leading tag
    ("       •  Que  se…" over "          fichier ?", a ``.TP`` tag "8859-7 Avait  été…")?"""
    m = _INDENT_RE.match(row)
    if m is None:
        return False
    indent = len(below) - len(below.lstrip(" "))
    return indent == len(m.group(1)) or (m.group(2) is not None and indent == m.end())


def _filled(row: str, below: str) -> bool:
    """Is ``row`` spread as a formatter fills a line (``_spread``), its stretch smaller than
    the first word of the line ``below`` and a space (the word did not fit)?"""
    spread = _spread(row)
    nxt = _WORDS_RE.search(below)
    return spread is not None and nxt is not None and spread[0] < display_width(nxt.group()) + 1


def _justified_paragraphs(rows: list[str], widths: list[int]) -> frozenset[int]:
    """``justified_lines`` read paragraph by paragraph, for a text too short to show a page's
    margin (a man page's paragraph as a dataset record: "NOM" then "iso_8859-2  -  Jeu  de
    caractères ISO 8859-2 en représentations octale," and its last line): in a block of
    non-blank lines, every line it goes on after that is ``JUSTIFIED_MIN_MARGIN`` cells wide
    or more ends at one width, no line passes it, and a line at it shows a formatter's spread
    (``_spread``) of a slack smaller than the next line's first word and a space (the word
    did not fit, so the line was filled). Ragged text ends its long lines at many widths and
    a slip sits anywhere in its line; hard-wrapped prose with a doubled space is reported.
    A block with one line at its width shows no margin by itself: the line below must keep
    its left margin too (``_margin_kept``), as a formatter's indented page does and an
    unindented fortune's line with a doubled space at its end does not. One line at the width
    whose gaps are not a formatter's makes the block ragged: all its lines are checked (and
    the verdict stays when a fix collapses that line's run: the fix is idempotent)."""
    out: set[int] = set()
    n = len(rows)
    i = 0
    while i < n:
        if not rows[i].strip():
            i += 1
            continue
        end = i
        while end + 1 < n and rows[end + 1].strip():
            end += 1
        block = range(i, end + 1)
        long = {widths[j] for j in range(i, end) if widths[j] >= JUSTIFIED_MIN_MARGIN}
        if len(long) == 1 and all(widths[j] or not rows[j] for j in block):
            margin = next(iter(long))
            at = [j for j in range(i, end) if widths[j] == margin]
            if max(widths[j] for j in block) == margin and (len(at) > 1 or _margin_kept(rows[at[0]], rows[at[0] + 1])):
                filled = [j for j in at if "  " in rows[j].lstrip()]
                if filled and all(_filled(rows[j], rows[j + 1]) for j in filled):
                    out.update(filled)  # (all or none: a fix of one line's slip must not change the verdict on the rest)
        i = end + 1
    return frozenset(out)


# Letter-spaced Korean (균등 배분, "equal distribution"): an official document spreads a short
# label's syllables over the width of the longest label in its column, one syllable each with
# equal runs of spaces between ("발  의  자 :" beside "발의연월일 :", a table's heading "현      행",
# "개   정   안", the legislative notes "(생  략)", "<신  설>": konlpy's kobill, the National
# Assembly's bills). Each syllable stands alone (no letter or digit beside it but the runs).
_LETTER_SPACED_RE = lazy(r"(?<![\p{L}\p{N}\p{M}])\p{Hangul}(?:([ ]{2,})\p{Hangul})(?:\1\p{Hangul})*(?![\p{L}\p{N}\p{M}])")
_SPACED_OPENERS, _SPACED_CLOSERS = "(<[〈《「【", ")>]〉》」】"
# what follows a label opening its line: a colon, its value set apart by a run of spaces (a
# signature block's "팀      장   정 문 종"), or a bracket (a table heading's "비  율(B/A)")
_FORM_COLON_RE = lazy(r"[ \t]*[:：]|[ ]{2,}(?=\S)|[(（]")
_BLANK_REST_RE = lazy(r"\s*")
_LETTER_SPACED_REACH = 80  # characters: a label's syllables and runs, or a line's indentation


def letter_spaced(text: str, line_start: int, line_end: int, pos: int) -> bool:
    """True when offset ``pos`` of ``text`` (a run of spaces, or the space right after the
    word) lies inside or ends a letter-spaced Korean word (``_LETTER_SPACED_RE``) on the line
    ``text[line_start:line_end]``, set as a form's layout: three syllables
    or more, or two between brackets (``(생  략)``, ``<신  설>``), or a word alone on its line or
    opening it before a colon, a run of spaces or a bracket (a heading ``현      행``, a form's
    label ``발  의  자 :``, a signature's ``팀      장   정 문 종``, a table's ``비  율(B/A)``); the run
    right after such a label (``pos`` at its end) is the form's too.
    Two syllables spaced so inside a sentence ("그 외  세 가지") are a slip, reported."""
    # (read around ``pos`` only: a one-line file's runs of spaces would each read the whole line)
    for m in _LETTER_SPACED_RE.finditer(text, max(line_start, pos - _LETTER_SPACED_REACH),
                                        min(line_end, pos + _LETTER_SPACED_REACH)):
        if not m.start() < pos <= m.end():
            continue
        if len(m.group().replace(" ", "")) >= 3:
            return True  # "개   정   안"
        before, after = text[m.start() - 1 : m.start()] if m.start() > line_start else "", text[m.end() : m.end() + 1]
        if before and after and before in _SPACED_OPENERS and after in _SPACED_CLOSERS:
            return True  # "(생  략)", "<신  설>"
        alone_before = m.start() - line_start <= _LETTER_SPACED_REACH and not text[line_start : m.start()].strip()
        if alone_before and (_BLANK_REST_RE.match(text, m.end(), line_end).end() == line_end
                             or _FORM_COLON_RE.match(text, m.end(), line_end)):
            return True  # "현      행", "발  의  자 :", "팀      장   정 문 종", "비  율(B/A)"
        return False
    return False


def nearest_lines(doc, line_index: int):
    """The nearest non-blank line above ``line_index`` (0-based) and the nearest below, each
    across at most one blank line: ``(index, text, blanks)`` triples (``blanks`` 0 or 1), above
    first; a side with none (the document's edge, or two blank lines) yields nothing."""
    lines = doc.lines
    for step in (-1, 1):
        j, blanks = line_index + step, 0
        while 0 <= j < len(lines) and blanks <= 1:
            other = doc.text[lines[j].start : lines[j].end]
            if other.strip():
                yield j, other, blanks
                break
            blanks += 1
            j += step


def in_sources(doc, pattern) -> bool:
    """Does a source form of ``doc`` (a .po string's msgid and msgid_plural,
    ``Document.sources``; none for other documents) match ``pattern`` (a compiled
    ``re``/``regex`` pattern)? A translation that writes its whitespace as its msgid does
    keeps the program's layout (the columns of `--help` output, a blank line after a
    usage message), which the translator must keep."""
    return any(pattern.search(s) for s in doc.sources)


# A character the text is about, not a stray one. Documents about typography or character
# sets show the character they discuss: docutils' "todo-lists" page puts a FIGURE SPACE
# between brackets because "the 'figure space' has the correct width", and a code table
# (iso_8859-8(7): "375  253  FD   \u200e    LEFT-TO-RIGHT MARK") lists a mark in its own
# cell. Besides the Unicode name, the short names that such documents use.
_SHORT_NAMES = {
    "\u00a0": ("nbsp", "non-breaking space"),
    "\u202f": ("nnbsp",),
    "\u200b": ("zwsp",),
    "\u200c": ("zwnj",),
    "\u200d": ("zwj",),
    "\u200e": ("lrm",),
    "\u200f": ("rlm",),
    "\u0640": ("tatweel", "tatwil", "kashida", "kasheeda"),
}
# A table cell before the character: a code (octal, decimal, hex; "U+200E", "0xFD") set off
# by two or more spaces, then two or more spaces or the line's end after it.
# A cell ends at two or more spaces, or at a tab (a table converted from a man page's tbl
# source keeps one tab between cells: iso_8859-15(7) ru "255\t173\tAD\t\u00ad\tМЯГКИЙ ПЕРЕНОС")
_CODE_CELL_BEFORE_RE = lazy(r"(?:^|[ \t])(?:U\+|0x)?[0-9A-Fa-f]{2,6}(?:[ \t]{2,}|\t)$")
_CELL_AFTER_RE = lazy(r"(?:[ \t]{2,}|\t)\S|[ \t]*$")


@lru_cache(maxsize=64)
def _name_pattern(char: str) -> "regex.Pattern":
    """The ways a document names ``char`` (its Unicode name, a short name, its code point)."""
    names = [unicodedata.name(char, "")] + list(_SHORT_NAMES.get(char, ()))
    words = [r"[\s-]+".join(regex.escape(w) for w in regex.split(r"[\s-]+", n)) for n in names if n]
    code = f"{ord(char):04x}"
    return regex.compile(rf"(?i)\b(?:{'|'.join(words)})\b|\bU\+0*{code}\b|\\u{code}\b")


def names_character(doc, char: str) -> bool:
    """True when ``doc`` names ``char``: its Unicode name ("figure space", "Left-to-Right
    Mark"), a short name (NBSP, LRM) or its code point (U+2007), so the occurrences of the
    character in it are the document's subject."""
    cache = doc.__dict__.setdefault("_named_characters", {})
    if char not in cache:
        cache[char] = _name_pattern(char).search(doc.text) is not None
    return cache[char]


def in_code_table(doc, start: int, end: int) -> bool:
    """True when the characters at ``start:end`` stand alone in a cell of a code table: a
    code (octal, decimal or hex byte, or a code point) and two or more spaces before them,
    two or more spaces or the line's end after them (iso_8859-8(7)'s "FD   \u200e    LEFT-TO-RIGHT MARK"),
    or a tab on either side (a tbl table as text: "AD\t\u00ad\tSOFT HYPHEN")."""
    text = doc.text
    # Only the cells beside the characters are read (a slice from the line's start or to its
    # end, for each of a one-line file's thousands of marks, was quadratic): the spaces before
    # them and a code of at most 9 characters (a separator, "U+" and 6 digits) before those;
    # the spaces after them and one character.
    line_start = text.rfind("\n", 0, start) + 1
    j = start
    while j > line_start and text[j - 1] in " \t":
        j -= 1
    w = max(line_start, j - 10)
    # ("x" stands for the text before the window: no code, and no line start for "^")
    before = text[w:start] if w == line_start else "x" + text[w:start]
    if _CODE_CELL_BEFORE_RE.search(before) is None:
        return False
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    while line_end > end and text[line_end - 1] == "\r":
        line_end -= 1
    k = end
    while k < line_end and text[k] in " \t":
        k += 1
    return _CELL_AFTER_RE.match(text[end : min(line_end, k + 1)]) is not None


# The format directives of C's printf and strftime that ``PLACEHOLDER`` leaves out and that
# the Arabic-script translations of GNOME and GTK write (Debian 12's gtk30, libgweather,
# gnome-shell, gnome-control-center .po files): printf's ``I`` flag, which prints a number in
# the locale's digits (glibc: "%Id\u00a0°ف", "%I.0f\u200a٪"), and strftime's conversions, with
# the ``E``/``O`` modifiers for the locale's era and digits ("%OM", "%p", "%Op": the hour's
# minute, AM or PM), with the bidi isolates and marks a right-to-left translation wraps them in
# ("\u2066%Ol∶%OM\u2069\u2009%p").
FORMAT_DIRECTIVE = (r"%(?:[-+#0'I]*\d*(?:\.\d+)?(?:hh|ll|[hlLqjzZt])?[sdifuxXeEgGroc]"
                    r"|[-_0^#]?[EO]?[aAbBcCdDeFgGhHIjklmMpPrRSTuUVwWxXyYzZ])")

