"""Legacy encodings: which one a file that is not UTF-8 is in (F001's hint), and text read
with the wrong one of them (A105's mix-ups: KOI8-R, KOI8-U, cp1251, cp1255, Latin-1/cp1252, GBK,
EUC-JP, Shift-JIS; and UTF-8 of a European text read as GBK).

The judgement is charset-normalizer's (``charset_normalizer.from_bytes`` for a file's bytes,
its mess detector ``charset_normalizer.md.mess_ratio`` for a decoded text); the names given
are the ones ``iconv`` knows.
"""

from __future__ import annotations

import functools
import math
import re
import shlex
from pathlib import Path
from typing import NamedTuple
from .lazy_regex import lazy_re

# Codecs that decode the same bytes into the same text as charset-normalizer's best guess
# (``CharsetMatch.could_be_from_charset``) are named in this order, the most used first: a
# German Latin-1 file decodes alike as cp1250, cp1252, cp1254 and cp1257, and is cp1252.
PREFERRED = ("cp1252", "cp1251", "koi8_r", "cp1250", "iso8859_15", "cp866", "gb18030", "shift_jis", "big5", "euc_jp",
             "euc_kr")
# A file's guess is given only when its text reads as text: charset-normalizer's mess ratio
# (0 clean, 1 chaos) of the decoded text at most this.
MAX_CHAOS = 0.1
# Bytes that start a valid UTF-8 sequence of two to four bytes.
_UTF8_MULTIBYTE_RE = lazy_re(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_NON_ASCII_RE = lazy_re(rb"[\x80-\xff]+")
_C1_BYTES_RE = lazy_re(rb"[\x80-\x9f]")


def iconv_name(codec: str) -> str:
    """The name ``iconv`` (glibc, libiconv) knows a Python codec by: ``koi8_r`` -> ``KOI8-R``,
    ``latin_1`` -> ``ISO-8859-1``, ``iso8859_15`` -> ``ISO-8859-15``, ``cp1251`` -> ``CP1251``,
    ``shift_jis`` -> ``SHIFT_JIS``."""
    name = codec.lower()
    if name in ("latin_1", "latin1", "iso8859_1"):
        return "ISO-8859-1"
    if name.startswith("iso8859_"):
        return "ISO-8859-" + name[len("iso8859_"):]
    if name == "shift_jis":
        return "SHIFT_JIS"
    return name.upper().replace("_", "-")


def guess_encoding(data: bytes) -> str | None:
    """The Python codec a file's bytes that are not UTF-8 most likely are in
    (charset-normalizer's best match, or the most used codec that decodes them to the same
    text: ``PREFERRED``; ``latin_1`` for cp1252 without a byte 0x80-0x9F), or None: when
    charset-normalizer finds none whose text reads as text (``MAX_CHAOS``: its sampled
    chunks' mean, or failing that the whole text's mess ratio: ``_whole_chaos``), or when the bytes
    are mostly UTF-8 (as many valid multi-byte sequences as runs of other non-ASCII bytes: a
    UTF-8 file with a few broken bytes, which converting as a whole from an 8-bit codec would
    turn into mojibake)."""
    non_ascii = len(_NON_ASCII_RE.findall(data))
    if non_ascii == 0 or len(_UTF8_MULTIBYTE_RE.findall(data)) * 2 >= non_ascii:
        return None
    from charset_normalizer import from_bytes  # ~30 ms to import: only for a file that is not UTF-8

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    if best.chaos > MAX_CHAOS and _whole_chaos(str(best)) > MAX_CHAOS:
        return None
    same = best.could_be_from_charset
    codec = next((c for c in PREFERRED if c in same), best.encoding)
    if codec == "cp1252" and _C1_BYTES_RE.search(data) is None:
        codec = "latin_1"  # no byte where cp1252 differs from ISO-8859-1: the plainer name
    return codec


def _whole_chaos(text: str) -> float:
    """charset-normalizer's mess ratio of the whole decoded ``text`` (stopping once past
    MAX_CHAOS). Its ``chaos`` is the mean over a few 512-byte chunks it samples, and one short
    chunk can outweigh a clean file: fresh33's KOI8-R and cp1251 fortunes (3-25 kB, ``%``
    separators and ``\t\t-- Author`` lines) scored 0.167 each, their whole text 0.000-0.004,
    so F001 named no codec."""
    from charset_normalizer.md import mess_ratio

    return mess_ratio(text, MAX_CHAOS)


def conversion_hint(data: bytes, path: str) -> str:
    """F001's hint for a file that is not UTF-8: ``; looks like KOI8-R (charset-normalizer);
    convert with `iconv -f KOI8-R -t UTF-8 PATH`'`` (the converted text on standard output:
    the file itself is never rewritten), or "" when no encoding is likely
    (``guess_encoding``)."""
    codec = guess_encoding(data)
    if codec is None:
        return ""
    name = iconv_name(codec)
    return f"; looks like {name} (charset-normalizer); convert with `iconv -f {name} -t UTF-8 {shlex.quote(path)}`"


# -- A105: text read with the wrong legacy codec ----------------------------------------------

# (read as, written in): the 8-bit codec a text was decoded with and the one its bytes are in
# (8-bit too, or two bytes a character: GBK, EUC-JP, Shift-JIS). ftfy's "sloppy" codecs read
# the bytes cp1251/cp1252 leave undefined as Latin-1 does (C1 controls).
# Each with what a document read so shows somewhere (searched first, at C speed: a small
# Cyrillic letter before two capitals, three Latin-1 letters of the upper half in a row, a
# Latin letter beside a Cyrillic one, cp1252's signs of the bytes 0x80-0x9F in a row).
_INVERTED_SIGN = lazy_re("[а-яё][А-ЯЁ]{2}")
_HIGH_LATIN_SIGN = lazy_re("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]{3}")
_MIXED_SIGN = lazy_re("[A-Za-z\u00c0-\u00ff][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z\u00c0-\u00ff]")
# cp1252's characters of the bytes 0x80-0x9F (or Latin-1's C1 controls), each before another
# character, twice in a row: Shift-JIS's lead bytes (``‚Ì‚·``, ``\x93ú\x96{``)
_SJIS_SIGN = lazy_re("(?:[\u0080-\u009f\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                     "\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]\\S){2}")
# A Latin letter beside a Han character or a kana, twice: UTF-8 of Latin-1's letters read as GBK
# (two bytes "\xc3\xbc", ü, are the GBK character 眉: "F眉r", "Klavierst眉ck")
_CJK_SIGN_RANGE = "\u3040-\u30ff\u3400-\u9fff"
_LATIN_HAN_SIGN = lazy_re(f"(?:[A-Za-z][{_CJK_SIGN_RANGE}]|[{_CJK_SIGN_RANGE}][A-Za-z]).*?"
                          f"(?:[A-Za-z][{_CJK_SIGN_RANGE}]|[{_CJK_SIGN_RANGE}][A-Za-z])")
LATIN1_READING = "sloppy-windows-1252"  # read as cp1252, or as Latin-1 (``round_trip``)
MIXUPS = (
    ("sloppy-windows-1251", "koi8_r", _INVERTED_SIGN),  # лМБУУЙЮЕУЛЙЕ: case-inverted Cyrillic
    ("koi8_r", "sloppy-windows-1251", _INVERTED_SIGN),  # оПХЛЕП НТНПЛКЕМХЪ
    # Ukrainian KOI8-U read as cp1251 (ЖПТНБМШОЙН Ч¦ТБЪПН: і, ї, є, ґ are box drawing in KOI8-R);
    # its Russian is KOI8-R's, whose repair is the same text and is named (``misreading``)
    ("sloppy-windows-1251", "koi8_u", _INVERTED_SIGN),
    (LATIN1_READING, "koi8_r", _HIGH_LATIN_SIGN),  # ëÌÁÓÓÉÞÅÓËÉÅ
    (LATIN1_READING, "sloppy-windows-1251", _HIGH_LATIN_SIGN),  # Ïðèìåð
    # Hebrew cp1255 (or ISO-8859-8, its subset for letters) read as Latin-1/cp1252: ä÷ìéï
    # (הקלין); cp1255 leaves 0xFB, 0xFC and 0xFF undefined, Russian's ы, ь, я: cp1251 is no candidate
    (LATIN1_READING, "cp1255", _HIGH_LATIN_SIGN),
    ("sloppy-windows-1251", "sloppy-windows-1252", _MIXED_SIGN),  # WaЯenhoven: a Cyrillic letter in a Latin word
    ("koi8_r", "sloppy-windows-1252", _MIXED_SIGN),  # WaÚenhoven
    # two bytes a character: Chinese GBK (ÕâÊÇÒ»¸ö²âÊÔ), Japanese EUC-JP (ÆüËÜ¸ì¤Î) read as Latin-1
    (LATIN1_READING, "gbk", _HIGH_LATIN_SIGN),
    (LATIN1_READING, "euc_jp", _HIGH_LATIN_SIGN),
    (LATIN1_READING, "shift_jis", _SJIS_SIGN),  # “ú–{Œê‚Ì (日本語の)
    # UTF-8 read as GBK: a European text's accented letters (two bytes each) become one Han
    # character each, without loss (F眉r Elise, tr猫s bien); Chinese (three bytes a character)
    # loses bytes to U+FFFD and is no round trip (A104 reports its U+FFFD)
    ("gbk", "utf_8", _LATIN_HAN_SIGN),
)
CODEC_NAMES = {"sloppy-windows-1251": "CP1251", LATIN1_READING: "Latin-1/CP1252", "koi8_r": "KOI8-R", "gbk": "GBK",
               "euc_jp": "EUC-JP", "shift_jis": "SHIFT_JIS", "utf_8": "UTF-8", "koi8_u": "KOI8-U", "cp1255": "CP1255"}

# Words a wrong codec makes: Latin and Cyrillic (or Hebrew, CJK) letters in one word (``WaЯenhoven``;
# ``v鎟dien``, Danish "værdien" taken for GBK), a small letter before capitals only
# (``лМБУУЙЮЕУЛЙЕ``: KOI8-R and cp1251 invert the case), three letters or more of the Latin-1
# upper half and no other (``ÐÏÄÄÅÒÖËÏÊ``).
_L = "[^\\W\\d_]"  # a letter
_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f"  # kana, Han, Hangul, half-width kana
# (Hebrew too: Danish ``på`` "repaired" as cp1255 is ``pו``)
_MIXED_WORD_RE = lazy_re(f"{_L}*(?:[A-Za-z\u00c0-\u024f][\u0400-\u04ff\u05d0-\u05ea{_CJK}]|"
                         f"[\u0400-\u04ff\u05d0-\u05ea{_CJK}][A-Za-z\u00c0-\u024f]){_L}*")
_INVERTED_WORD_RE = lazy_re(f"(?<!{_L})[\u00df-\u00ff\u0430-\u045f][A-Z\u00c0-\u00de\u0400-\u042f]{{2,}}(?!{_L})")
_HIGH_LATIN_WORD_RE = lazy_re(f"(?<!{_L})[\u00c0-\u00ff]{{3,}}(?!{_L})")
_WRONG_WORD_RES = (_MIXED_WORD_RE, _INVERTED_WORD_RE, _HIGH_LATIN_WORD_RE)
# Repairs of a document are made only with this many such words (or ftfy's bad sequences) on
# its lines that show a sign at least, the repair leaving at most a third of the number
# (``wrongness``), and when charset-normalizer's mess detector finds the repaired lines less
# messy.
MIN_WRONG_WORDS = 2
_SCANNED = 20_000  # characters of a document's changed lines given to the mess detector at most


def wrong_words(text: str) -> int:
    """How many words of ``text`` are words a wrong codec makes (``WaЯenhoven``,
    ``лМБУУЙЮЕУЛЙЕ``, ``ÐÏÄÄÅÒÖËÏÊ``); a word of two such kinds counts twice."""
    return sum(len(pattern.findall(text)) for pattern in _WRONG_WORD_RES)


def wrongness(text: str) -> int:
    """``wrong_words`` of ``text`` plus ftfy's count of character sequences mojibake is made
    of (``ftfy.badness.badness``: cp1252 punctuation between Latin-1 letters, Shift-JIS read
    as cp1252's ``‚Ì‚·``), which words alone miss."""
    from ftfy.badness import badness

    return wrong_words(text) + badness(text)


# Russian letter pairs (``benchmarks/letter_bigrams.py``; dictionaries/SOURCES.md): KOI8-R read
# as cp1251 and cp1251 read as KOI8-R both make case-inverted Cyrillic, and both repairs are
# Cyrillic, one Russian (``Ассамблея``), the other its letters permuted (``Вххвочнеу``); the
# one whose letter pairs are likelier is Russian. On random strings of 3-14 words of the UDHR
# in Russian, charset-normalizer's letter ranks (``coherence_ratio``) pick the wrong one 16 %
# of the time, letter pairs once in 40,000, for a two-letter word: the mix-up is named only
# when the mean log-probability of the two repairs' pairs differs by this much at least
# (random strings: 99.99 % differ by 0.67 or more).
_BIGRAMS = Path(__file__).resolve().parent.parent / "dictionaries" / "ru_letter_bigrams.txt"
_RUSSIAN_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_RUSSIAN_WORD_RE = lazy_re(f"[{_RUSSIAN_LETTERS}]+")
_CYRILLIC_LETTER_RE = lazy_re("[\u0400-\u04ff]")
_CYRILLIC_WORD_RE = lazy_re("[\u0400-\u04ff]+")
_LETTER_RE = lazy_re(_L)
MIN_RUSSIAN_MARGIN = 0.3
# A Cyrillic repair outranks a repair into another script only when its letter pairs are this
# likely at least (``russian_likeness``): Russian about -2.5, Ukrainian -2.7; Hebrew cp1255 read
# as Latin-1 and "repaired" as KOI8-R -4.9 (``ДНГФИЬ ГЕА``), as cp1251 -5.2
MIN_CYRILLIC_LIKENESS = -3.5


@functools.cache
def _russian_pairs() -> dict[str, float]:
    """Natural log-probability of each Russian letter pair (``#`` a word boundary) given its
    first letter, add-half smoothed over the 34 symbols."""
    counts: dict[str, int] = {}
    for line in _BIGRAMS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("# "):
            pair, n = line.split("\t")
            counts[pair] = int(n)
    symbols = "#" + _RUSSIAN_LETTERS
    firsts = {a: sum(counts.get(a + b, 0) for b in symbols) for a in symbols}
    return {a + b: math.log((counts.get(a + b, 0) + 0.5) / (firsts[a] + 0.5 * len(symbols)))
            for a in symbols for b in symbols}


def russian_likeness(text: str) -> float | None:
    """Mean natural log-probability of the letter pairs of ``text``'s Russian words under
    Russian (``_russian_pairs``; about -2.5 for Russian, -3.5 and below for Cyrillic with
    its letters swapped by a wrong codec), or None when fewer than half of its letters are
    Cyrillic."""
    letters = len(_LETTER_RE.findall(text))
    if not letters or len(_CYRILLIC_LETTER_RE.findall(text)) * 2 < letters:
        return None
    pairs = _russian_pairs()
    total = count = 0
    for word in _RUSSIAN_WORD_RE.findall(text.lower()):
        word = f"#{word}#"
        for i in range(len(word) - 1):
            total += pairs[word[i : i + 2]]
            count += 1
    return total / count if count else None


class Misreading(NamedTuple):
    """Lines of a document read with the wrong legacy codec: ``read_as`` and ``written_in``
    (``CODEC_NAMES``: ``CP1251``, ``KOI8-R``, ``Latin-1/CP1252``, ``GBK``...), ``repairs``
    maps a line's index to its repair (``round_trip``)."""

    read_as: str
    written_in: str
    repairs: dict[int, str]


def round_trip(line: str, read_as: str, written_in: str) -> str | None:
    """``line`` encoded as ``read_as`` and decoded as ``written_in``, or None when it does not
    change, holds a character ``read_as`` has not (the line was not read with it) or its
    bytes are not ``written_in``. Text read as cp1252 (``LATIN1_READING``) may have been
    read as Latin-1, which has C1 controls where cp1252 has signs."""
    try:
        data = line.encode(read_as)
    except UnicodeEncodeError:
        if read_as != LATIN1_READING:
            return None
        try:
            data = line.encode("latin-1")  # read as Latin-1: C1 controls where cp1252 has signs (\x93ú\x96{)
        except UnicodeEncodeError:
            return None
    try:
        fixed = data.decode(written_in)
    except UnicodeDecodeError:
        return None
    return None if fixed == line else fixed


# Each sign of ``MIXUPS`` once (four of nine mix-ups share one: a document without a sign
# was scanned nine times, four suffice: 0.55 -> 0.28 s CPU on the 10 MB bench_scale corpus)
_SIGNS = tuple(dict.fromkeys(sign for _, _, sign in MIXUPS))
# For each sign, a character class every match of it holds a character of: a text holding
# none is not searched for that sign (``might_be_misread``)
_SIGN_NEEDS = {
    _INVERTED_SIGN: lazy_re("[а-яё]"),
    _HIGH_LATIN_SIGN: lazy_re("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]"),
    _MIXED_SIGN: lazy_re("[\u0400-\u04ff]"),
    _SJIS_SIGN: lazy_re("[\u0080-\u009f\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                        "\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]"),
    _LATIN_HAN_SIGN: lazy_re(f"[{_CJK_SIGN_RANGE}]"),
}
# A text of this many characters or more is searched only for the signs whose characters
# it holds (``_distinct_beyond_ascii``: ~0.05 ms for 17 k characters, where each of the five
# searches costs ~0.3 ms; below this, searching costs less than finding the characters)
SIGN_FILTER_CHARS = 2000


def might_be_misread(text: str) -> bool:
    """Does ``text`` show a sign of a legacy codec mix-up (``MIXUPS``) anywhere? (cheap: for
    most documents, no: each sign holds a character outside ASCII, and a long text is
    searched only for the signs whose characters it holds: 0.48 -> 0.02 s CPU on the 10 MB
    bench_scale corpus of Arabic news)"""
    if text.isascii():
        return False
    chars = _distinct_beyond_ascii(text) if len(text) >= SIGN_FILTER_CHARS else None
    return any((chars is None or _SIGN_NEEDS[sign].search(chars)) and sign.search(text) for sign in _SIGNS)


def _distinct_beyond_ascii(text: str) -> str | None:
    """The distinct characters of ``text`` above U+007F, in code point order (one of each);
    None when it holds one beyond the Basic Multilingual Plane (not counted: every sign is
    searched)."""
    import numpy as np

    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if int(cp.max()) > 0xFFFF:
        return None
    present = np.flatnonzero(np.bincount(cp)[0x80:]) + 0x80  # (at most 65,536 counts)
    return "".join(map(chr, present.tolist()))


# Cyrillic letters that look like Latin ones (Unicode's confusables of ASCII letters): a word
# of Latin letters and these only is a homoglyph typed or pasted in (``escaрe``, Cyrillic р),
# no sign of Latin-1 read as cp1251, whose words hold letters no Latin one looks like
# (``WaЯenhoven``, ``Mьller``); its "repair" (``escaðe``) is no more a word than it is.
_LATIN_LOOKING_CYRILLIC = "аеорсухіјѕһԁԛԝӏАВЕКМНОРСТХУІЈЅҺԚԜ"
_HOMOGLYPH_WORD_RE = lazy_re(f"(?<!{_L})(?=[A-Za-z{_LATIN_LOOKING_CYRILLIC}]*[{_LATIN_LOOKING_CYRILLIC}])"
                             f"(?=[A-Za-z{_LATIN_LOOKING_CYRILLIC}]*[A-Za-z])[A-Za-z{_LATIN_LOOKING_CYRILLIC}]+(?!{_L})")


def homoglyph_words(text: str) -> int:
    """How many words of ``text`` mix ASCII Latin letters with Cyrillic letters that look
    like Latin ones (``_LATIN_LOOKING_CYRILLIC``) and no other letters: ``escaрe``."""
    return len(_HOMOGLYPH_WORD_RE.findall(text))


# The script of the languages whose text A105's mix-ups make and repair: a candidate whose
# repair turns lines into another script than the declared language's loses
# (``misreading``: Hebrew cp1255 read as Latin-1 is no KOI8-R).
LANGUAGE_SCRIPTS = {
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "kk", "ky", "mn", "tg", "tt", "ba", "cv", "sah", "os"), "Cyrillic"),
    **dict.fromkeys(("he", "yi", "lad"), "Hebrew"),
    **dict.fromkeys(("en", "de", "fr", "es", "it", "pt", "nl", "da", "sv", "no", "nb", "nn", "fi", "is", "ga", "ca",
                     "eu", "gl", "pl", "cs", "sk", "hu", "ro", "hr", "sl", "tr", "et", "lv", "lt", "af", "sq"), "Latin"),
}
_SCRIPT_RES = {"Cyrillic": re.compile("[\u0400-\u04ff]"), "Hebrew": re.compile("[\u05d0-\u05ea]"),
               "Latin": re.compile("[A-Za-z\u00c0-\u024f]")}


def script_of(text: str) -> str | None:
    """The script (``_SCRIPT_RES``: Cyrillic, Hebrew, Latin) most of ``text``'s letters are
    in, when at least half are; else None."""
    letters = len(_LETTER_RE.findall(text))
    if not letters:
        return None
    name, n = max(((name, len(pattern.findall(text))) for name, pattern in _SCRIPT_RES.items()), key=lambda x: x[1])
    return name if n * 2 >= letters else None


# A document whose lines that show a mix-up are fewer than this share of its non-ASCII lines,
# and whose other lines are likelier Russian than their "repair", shows the mix-up on purpose
# (LibreOffice's Russian help names tOGGLE cASE ``пЕРЕКЛЮЧИТЬ рЕГИСТР`` among 49 correct lines).
MIN_MISREAD_SHARE = 0.25


def _likelier(fixed: str, line: str) -> bool:
    """Is ``fixed`` (a line's repair) likelier Russian than ``line`` by ``MIN_RUSSIAN_MARGIN``
    at least (``russian_likeness``), or Cyrillic where ``line`` is not?"""
    new = russian_likeness(" ".join(_CYRILLIC_WORD_RE.findall(fixed)))  # (its Cyrillic words: ``ДМС Debian``)
    if new is None:
        return False
    old = russian_likeness(" ".join(_CYRILLIC_WORD_RE.findall(line)))
    return old is None or new - old >= MIN_RUSSIAN_MARGIN


def misreading(text: str, lines: list[str], language: str | None = None) -> Misreading | None:
    """The legacy codec mix-up (``MIXUPS``) that ``lines`` (the lines of a document whose
    text is ``text``, declared in ``language``: ``language_tag``'s, or None) show, or None.

    A mix-up is judged on the lines that show its sign (``MIXUPS``), encode in the codec
    they were read with and change: it is a candidate when they hold ``MIN_WRONG_WORDS``
    words or sequences a wrong codec makes or more (``wrongness``; a homoglyph such as
    ``escaрe``, ``homoglyph_words``, is none) and the repair leaves at most a third of
    them; it is taken when charset-normalizer's mess ratio
    (``charset_normalizer.md.mess_ratio``) of the repaired lines is at most ``MAX_CHAOS``
    and lower than that of the lines as they are. A candidate whose repair turns the lines
    into another script (``script_of``) than the declared language's (``LANGUAGE_SCRIPTS``)
    is none: Hebrew cp1255 read as Latin-1 is no KOI8-R in a document declared ``he``; nor is a
    Cyrillic repair whose lines are less Russian than they were (``russian_likeness``: a
    deliberate ``пЕРЕКЛЮЧИТЬ рЕГИСТР``). Of several, Cyrillic repairs (when one is as
    little messy as any other) are ranked by Russian letter pairs (``russian_likeness``:
    KOI8-R read as cp1251 and cp1251 read as KOI8-R are both case-inverted Cyrillic, told
    apart by which repair is Russian; when the two are closer than ``MIN_RUSSIAN_MARGIN``,
    None; KOI8-U's repair is KOI8-R's but for Ukrainian letters, and is named for a document
    declared ``uk`` or when it is less messy); other repairs by the least mess, then by how much
    their letters are like a language's to charset-normalizer
    (``charset_normalizer.cd.coherence_ratio``).

    Then each line is judged on its own: it is repaired when it shows the mix-up itself (its
    sign, and fewer wrong words repaired) or its repair is clearly better text (fewer wrong
    words; for a Cyrillic repair, likelier Russian letters by ``MIN_RUSSIAN_MARGIN``: a line
    of KOI8-R capitals read as cp1251 shows no sign of its own). A document whose lines that
    show the mix-up are fewer than ``MIN_MISREAD_SHARE`` of its non-ASCII lines, and whose
    other lines are likelier Russian than their repair, is not misread. Correct Russian with a
    Latin letter typed in a word (``папy``) is no candidate: its repair makes every Cyrillic
    word Latin-1 noise; nor is a mix-up whose repair is noise too (Japanese EUC-JP read as
    cp1251, "repaired" as KOI8-R)."""
    mixups = [m for m in MIXUPS if m[2].search(text)]
    if not mixups:
        return None
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows codecs)

    declared = LANGUAGE_SCRIPTS.get(language or "")
    found = []
    for read_as, written_in, sign in mixups:
        old, new = [], []  # the lines that show the sign, as they are and repaired
        for line in lines:
            fixed = None if line.isascii() or sign.search(line) is None else round_trip(line, read_as, written_in)
            if fixed is not None:
                old.append(line)
                new.append(fixed)
        old_text, new_text = "\n".join(old), "\n".join(new)
        before = wrongness(old_text)
        if before - homoglyph_words(old_text) < MIN_WRONG_WORDS or wrongness(new_text) * 3 > before:
            continue
        if declared is not None and script_of(new_text) not in (declared, script_of(old_text)):
            continue  # Hebrew read as Latin-1 "repaired" as KOI8-R: Cyrillic in a Hebrew document
        found.append((read_as, written_in, old_text[:_SCANNED], new_text[:_SCANNED]))
    if not found:
        return None
    from charset_normalizer.cd import coherence_ratio
    from charset_normalizer.md import mess_ratio

    cyrillic, other = [], []  # (key, read as, written in), the best key the least
    for read_as, written_in, old, new in found:
        mess_new = mess_ratio(new, 1.0)
        if mess_new > MAX_CHAOS or mess_new >= mess_ratio(old, 1.0):
            continue  # (EUC-JP read as cp1251 "repaired" as KOI8-R: box-drawing noise, not text)
        russian = russian_likeness(new)
        if russian is not None:
            was = russian_likeness(old)
            if was is not None and russian <= was:
                continue  # correct Russian with a case-inverted example: its "repair" is less Russian
            uk_first = 0 if (language == "uk") == (written_in == "koi8_u") else 1
            cyrillic.append(((-russian, round(mess_new, 2), uk_first), read_as, written_in))
        else:
            languages = coherence_ratio(new)
            other.append(((round(mess_new, 2), -(languages[0][1] if languages else 0.0)), read_as, written_in))
    if cyrillic and (not other or (min(k[1] for k, _, _ in cyrillic) <= min(k[0] for k, _, _ in other)
                                   and -min(cyrillic)[0][0] >= MIN_CYRILLIC_LIKENESS)):
        # Cyrillic repairs are told apart by Russian letter pairs first: a wrong one's mess
        # ratio may be as low (fortunes-ru's computer.txt: 0.027 against 0.029, letter pairs
        # -5.10 against -2.67)
        (key, read_as, written_in), *rest = sorted(cyrillic)
        koi8 = {"koi8_u": "koi8_r"}.get  # (KOI8-U and KOI8-R repair Russian alike: one direction)
        reverse = [k for k, r, w in rest
                   if (koi8(r, r), koi8(w, w)) == (koi8(written_in, written_in), koi8(read_as, read_as))]
        if reverse and reverse[0][0] - key[0] < MIN_RUSSIAN_MARGIN:
            return None  # KOI8-R read as cp1251, or the reverse: too few letters to tell ("Пе"/"Не")
    elif other:
        _, read_as, written_in = min(other)
    else:
        return None
    sign = next(m[2] for m in MIXUPS if m[:2] == (read_as, written_in))
    cyrillic_repair = bool(cyrillic) and any(r == read_as and w == written_in for _, r, w in cyrillic)
    repairs, shown, non_ascii = {}, [], 0
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        non_ascii += 1
        fixed = round_trip(line, read_as, written_in)
        if fixed is None:
            continue
        was, now = wrongness(line), wrongness(fixed)
        if cyrillic_repair and _likelier(line, fixed):
            continue  # a case-inverted example in a misread page: its "repair" is less Russian
        if sign.search(line) is not None and now < was:
            shown.append(i)
            repairs[i] = fixed
        elif now < was or (now == was and (_likelier(fixed, line) if cyrillic_repair else True)):
            repairs[i] = fixed
    if cyrillic_repair and len(shown) < MIN_MISREAD_SHARE * non_ascii:
        # a few lines show it among lines that read as Russian: misread only when their
        # repair is clearly likelier Russian (one garbled line), not a deliberate example
        rest = [line for i, line in enumerate(lines) if not line.isascii() and i not in shown]
        kept = "\n".join(rest)
        kept_fixed = "\n".join(round_trip(x, read_as, written_in) or x for x in rest)
        if (russian_likeness(kept) is not None and not _likelier(kept_fixed, kept)
                and not _likelier("\n".join(repairs[i] for i in shown), "\n".join(lines[i] for i in shown))):
            return None
    if not repairs:
        return None
    return Misreading(CODEC_NAMES[read_as], CODEC_NAMES[written_in], repairs)


# Code pages that UTF-8 is read with by mistake (Western and Central European, Cyrillic, Greek,
# Turkish, Hebrew, Arabic, Baltic): each byte of a multi-byte sequence becomes one character,
# 0xA0 (``נ`` is D7 A0) a no-break space, 0xAD a soft hyphen, 0xB7 (``з`` is D0 B7) a middle dot.
UTF8_READINGS = ("cp1252", "cp1251", "cp1255", "cp1250", "cp1253", "cp1254", "cp1256", "cp1257")
_MISREAD_AROUND = 12  # characters read on each side of the one asked about
MIN_MISREAD_SEQUENCES = 2  # valid UTF-8 sequences in the run at least (``Ã\u00a0`` alone may be meant)
# The characters asked about: a no-break space, a soft hyphen, a middle dot, a C1 control.
_SUSPECT_CHAR_RE = lazy_re("[\u00a0\u00ad\u00b7\u0080-\u009f]")


def _byte_read_as(char: str, codec: str) -> int | None:
    """The byte 0x80-0xFF that ``codec`` reads as ``char``, or None (ASCII, or not of the
    code page). A C1 control is its own byte (read as Latin-1, or a code page's undefined
    byte kept); U+FFFD stands for a byte the code page left undefined (any continuation byte)."""
    if char == "\ufffd":
        return 0x80
    if "\x80" <= char <= "\x9f":
        return ord(char)
    try:
        data = char.encode(codec)
    except UnicodeEncodeError:
        return None
    return data[0] if len(data) == 1 and data[0] >= 0x80 else None


def misread_utf8_bytes(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` (a no-break space, a soft hyphen, a middle dot, C1
    controls...) are bytes of UTF-8 characters read with a code page (``UTF8_READINGS``):
    with the run of non-ASCII characters around them (``_MISREAD_AROUND`` each side) they
    encode, in one of those code pages, to bytes of which they are part of a valid multi-byte
    sequence, the run holds ``MIN_MISREAD_SEQUENCES`` such sequences at least (a U+FFFD outside
    them, a byte the code page could not read, counts as one) and they make half of its bytes
    at least, and one sequence at least is continued by another character than those asked
    about (or a byte was lost). So UTF-8 Hebrew read as cp1255 (``׳\u00a0׳™׳�``, "ני" + a
    lost byte: D7 A0 D7 99 D7 9D) and Russian read as cp1251 (``Р·РЅ``, "зн") are; a
    one-letter word before a no-break space (``В\u00a0Україні``: C2 A0 is one sequence among
    bytes that are no UTF-8) and French ``é\u00a0»`` are not. Such a character is no space,
    no invisible character and no punctuation of its own but a byte of a mis-decoded letter:
    whitespace and artifact rules leave it to A105 or A104 (replacing it loses the letter
    for good once the text is decoded back)."""
    if end <= start:
        return False
    for codec in UTF8_READINGS:
        middle = [_byte_read_as(c, codec) for c in text[start:end]]
        if None in middle:
            continue
        before: list[int] = []
        k = start - 1
        while k >= max(0, start - _MISREAD_AROUND) and (b := _byte_read_as(text[k], codec)) is not None:
            before.append(b)
            k -= 1
        after: list[int] = []
        k = end
        while k < min(len(text), end + _MISREAD_AROUND) and (b := _byte_read_as(text[k], codec)) is not None:
            after.append(b)
            k += 1
        data = bytes(before[::-1] + middle + after)
        lo, hi = len(before), len(before) + len(middle)
        sequences = [m.span() for m in _UTF8_MULTIBYTE_RE.finditer(data)]
        covered = {i for a, b in sequences for i in range(a, b)}
        # a byte the code page left undefined (U+FFFD) and no sequence holds: a letter's lost
        # bytes ("حف" read as cp1255: D8 AD, then D9 81 both undefined), evidence as a sequence is
        run = text[start - len(before) : end + len(after)]
        lost = [i for i, c in enumerate(run) if c == "\ufffd" and i not in covered]
        # evidence: a sequence continued by a character that is no space nor mark as read ("™" of
        # "׳™", "Ѕ" of "РЅ"), or a lost byte; Arabic letters before no-break spaces ("عن\u00a0\u00a0",
        # E4 A0 A0 in cp1256) make sequences of the suspect characters alone
        evidence = lost or any(_SUSPECT_CHAR_RE.fullmatch(run[i]) is None for a, b in sequences for i in range(a + 1, b))
        if (len(sequences) + len(lost) >= MIN_MISREAD_SEQUENCES and sequences and evidence
                and 2 * (len(covered) + len(lost)) >= len(data)
                and all(i in covered for i in range(lo, hi))):
            return True
    return _misread_8bit(text, start, end)


# Code pages read with another 8-bit one where a no-break space, a soft hyphen or a C1 control
# is a letter: DOS Cyrillic (cp866: 0xA0 "а", 0xAD "н", 0x80-0x9F "А"-"Я") read as cp1251,
# cp1252 or Latin-1 (``Ђ¤¬Ё\u00adЁбва`` for "Администра").
_8BIT_MIXUPS = (("cp1251", "cp866"), ("cp1252", "cp866"), ("latin-1", "cp866"))
MIN_MISREAD_SIGNS = 2  # characters of the run that are no letter and no space as read, at least


def _misread_8bit(text: str, start: int, end: int) -> bool:
    """``misread_utf8_bytes`` for an 8-bit code page read as another (``_8BIT_MIXUPS``): the
    word around ``text[start:end]`` (its run of non-ASCII characters) decodes, as the code
    page written, to letters only, and holds ``MIN_MISREAD_SIGNS`` characters that are no
    letter and no space as read at least (a Russian word of "а"-"п" alone, ``пока``, reads as cp866
    letters too), and reads as Cyrillic (``russian_likeness`` at least ``MIN_CYRILLIC_LIKENESS``:
    fortunes-es's modem noise ``!!\x91\x9c\x9c/!`` is "СЬЬ" in cp866, -4.1, line noise for A109)."""
    for read_as, written_in in _8BIT_MIXUPS:
        a, b = start, end
        while a > max(0, start - _MISREAD_AROUND) and not text[a - 1].isascii():
            a -= 1
        while b < min(len(text), end + _MISREAD_AROUND) and not text[b].isascii():
            b += 1
        run = text[a:b]
        try:
            written = run.encode(read_as).decode(written_in)
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if written.isalpha() and sum(not c.isalpha() and not c.isspace() for c in run) >= MIN_MISREAD_SIGNS \
                and (russian_likeness(written) or -math.inf) >= MIN_CYRILLIC_LIKENESS:
            return True
    return False
