"""A104 replacement-character and A105 mojibake (ftfy; 8-bit codec mix-ups: text.legacy)."""

from __future__ import annotations

import re
import unicodedata
import weakref
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from ...document import Document
from ...findings import Edit, Fix, Severity
from ...rules import DocumentRule
from ...structure import CODE
from ...text.lazy_regex import lazy, lazy_re
from ...text.legacy import might_be_misread, misread_utf8_bytes, misreading

_FFFD_RE = lazy("\ufffd+")
# Characters that appear in UTF-8-read-as-Latin-1/cp1252 mojibake: Latin-1 supplement,
# C1 controls and the cp1252 punctuation block. A line without any cannot be mojibake.
# (a class of code points: the standard ``re`` engine scans a text for it ~8x faster than ``regex``)
_SUSPECT_RE = re.compile("[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]")


# A run of C1 control characters, and what stands right around it (A105's lost-byte case).
_C1_RUN_RE = lazy_re("[\u0080-\u009f]+")
_ENDS_IN_LETTER_RE = lazy(r"(\p{L})\p{M}*\Z")
_STARTS_WITH_RE = lazy(r"(\p{L})|\p{M}")
_LATIN_RE = lazy(r"\p{Latin}")


# Letters of the scripts an 8-bit Windows code page holds, where the bytes 0x80-0x9F are
# punctuation (``…``, ``“``, ``”``, ``–``, ``—``): Latin (cp1250, 1252, 1254, 1257, 1258), Greek
# (1253), Cyrillic (1251), Hebrew (1255), Arabic (1256), Thai (874). Text of another script
# (Khmer, Lao, Myanmar, Sinhala, the Indic scripts, Ethiopic, Georgian, Armenian, CJK...) was
# never in such a code page: a C1 control character touching one of its words is no
# punctuation of it.
_CODEPAGE_LETTER_RE = lazy(r"[\p{Latin}\p{Greek}\p{Cyrillic}\p{Hebrew}\p{Arabic}\p{Thai}]")
_AROUND = 8  # characters read on each side of a C1 run (a letter and its combining marks)


def _lost_bytes(before: str, old: str, after: str) -> bool:
    """Are the C1 control characters ``old`` the bytes left of lost characters, not cp1252
    read as Latin-1? So they are when a combining mark follows them (a vowel sign needs
    the base letter that was lost: ``\u200b\x85ែក``, Khmer CHA U+1785 gone), when they
    stand inside a word of a script other than Latin (``សម្\x9aាប់``: Khmer RO, U+179A,
    whose UTF-8 ends in 0x9A), or when they touch a word of a script that no 8-bit code page
    holds (``_CODEPAGE_LETTER_RE``) on either side: ``ក្រោ\x98 ៖`` (MO, U+1798, E1 9E 98, lost
    its first two bytes), ``\x9e\x94ញ្ចូល`` (BA, U+1794, lost its first byte). cp1252 would
    make them ``…``, ``š``, ``˜`` and ``ž”``. Between a word of a code page's script and a
    space (``المتحدث\x85 نعم``: cp1256 read as ISO-8859-6) a C1 control is its punctuation."""
    if _C1_RUN_RE.fullmatch(old) is None:
        return False
    nxt = _STARTS_WITH_RE.match(after)
    if nxt is not None and nxt.group(1) is None:  # a combining mark: its base letter is what was lost
        return True
    prev = _ENDS_IN_LETTER_RE.search(before)
    if prev is not None and nxt is not None:
        return not _LATIN_RE.match(prev.group(1)) and not _LATIN_RE.match(nxt.group(1))
    letter = prev or nxt
    return letter is not None and not _CODEPAGE_LETTER_RE.match(letter.group(1))


def _lost_runs(line: str) -> list[tuple[int, int]]:
    """The (start, end) of each run of C1 control characters of ``line`` that lost bytes
    left (``_lost_bytes``), whether or not ftfy sees the line as mis-decoded (it does not
    when the run holds a byte cp1252 leaves undefined: ``ប្រវត្\x8fិ``)."""
    return [(m.start(), m.end()) for m in _C1_RUN_RE.finditer(line)
            if _lost_bytes(line[max(0, m.start() - _AROUND) : m.start()], m.group(), line[m.end() : m.end() + _AROUND])]


@lru_cache(maxsize=8192)
def _chars(n: int) -> str:
    return f"{n} character{'s' if n != 1 else ''}"


def repair(line: str) -> str | None:
    """ftfy's encoding repair of one line, or None if ftfy sees nothing to repair."""
    if not _SUSPECT_RE.search(line):
        return None
    import ftfy  # ~50 ms to import: only for a line with a suspect character
    from ftfy.badness import is_bad

    if not is_bad(line):
        return None
    fixed = ftfy.fix_encoding(line)
    return fixed if fixed != line else None


# A line that talks about character encodings shows mojibake on purpose.
ENCODING_CUE_RE = lazy(
    r"(?i)\b(?:utf-?8|utf-?16|latin-?1|iso-?8859(?:-\d+)?|cp-?125\d|windows-125\d|encod(?:ed|ing|ings)|charsets?|mojibake|codepage)\b"
)


# Words of a line naming an encoding that ftfy repairs into words of letters, at which the
# line is mis-decoded itself, not quoting an example: a French unicode(7) line "La
# reprÃ©sentation des caractÃ¨res UCS ... UTF-8 pour la rÃ©trocompatibilitÃ©" holds 8;
# an example quotes one or two ("é shows as Ã©", "cafÃ©").
CUE_WORDS = 3
_WORD_RE = lazy(r"\p{L}{2,}")


def misdecoded_words(line: str, fixed: str) -> int:
    """How many whitespace-separated words of ``line`` its repair ``fixed`` changes into a
    word of at least two letters (punctuation around it stripped: ``_WORD_RE``); 0 when the
    repair changes the number of words."""
    old, new = line.split(), fixed.split()
    if len(old) != len(new):
        return 0
    return sum(1 for a, b in zip(old, new) if a != b and _WORD_RE.fullmatch(b.strip(".,;:!?()[]{}'\"«»’“”")))


NOISE_TOKEN = 12  # characters of a token of random bytes at least
NOISE_SIGNS = 3  # symbols or control characters in it at least


def noise_token(token: str) -> bool:
    """True when ``token`` (a whitespace-free string) reads as random bytes, not a word:
    ``NOISE_TOKEN`` characters or more, a letter in it and ``NOISE_SIGNS`` or more symbols
    (Unicode category S: ``˝ ^ = ÷ ¸``) or control characters (``Ăh4Ţ×˛ćçKSSd˝osK^Ć=O96``).
    Words, numbers, marks and URLs (their ``/ : . ? &`` are punctuation, not symbols) are not."""
    if len(token) < NOISE_TOKEN or not any(c.isalpha() for c in token):
        return False
    return sum(1 for c in token if unicodedata.category(c)[0] == "S" or unicodedata.category(c) == "Cc") >= NOISE_SIGNS


def _c1_amid_signs(before: str, old: str, after: str) -> bool:
    """Are the C1 control characters ``old`` line noise, not cp1252 punctuation read as
    Latin-1? So they are when they stand between two signs (punctuation or symbols, Unicode
    categories P and S) in a token that reads as random bytes (``noise_token``): fortunes-es'
    modem-noise joke ``vue$$@@!!\x91\x9c\x9c/!(*!3...``, which ftfy would make ``‘œœ``, a
    quote and two ligatures that are no word. cp1252's quotes, dashes and ellipsis read as
    Latin-1 touch a word or a space (``\x93Hola\x94``, `` \x96 ``, ``dijo\x85``)."""
    if _C1_RUN_RE.fullmatch(old) is None or not before or not after:
        return False
    if unicodedata.category(before[-1])[0] not in "PS" or unicodedata.category(after[0])[0] not in "PS":
        return False
    head, tail = before.split(), after.split()
    return noise_token((head[-1] if head else "") + old + (tail[0] if tail else ""))


def _tokens_around(line: str, start: int, end: int) -> list[str]:
    """The whitespace-separated tokens of ``line`` that overlap ``[start, end)`` (or touch
    ``start`` when the span is empty)."""
    out, pos = [], 0
    for token in line.split():
        pos = line.index(token, pos)
        if pos < max(end, start + 1) and pos + len(token) >= start:
            out.append(token)
        pos += len(token)
    return out


_FFFD_CUE_RE = lazy(r"(?i)U\+FFFD|replacement char")


class ReplacementCharacter(DocumentRule):
    """U+FFFD replacement characters: text was decoded with errors replaced.

    What: The runs of U+FFFD (``�``), one finding per line (from its first run to its last,
    the characters and runs counted in the message). The character is what a decoder writes when it
    meets bytes that are not valid in the encoding it assumed; the original character
    is lost.
    Why: The text was already damaged before it reached the corpus (wrong codec,
    truncated multi-byte sequence, ``errors="replace"``); the affected words are
    garbage for training and evaluation, and the fix is to re-fetch or re-decode
    the source, which only the maintainer can do.
    Example: ``المنطقة ال��ولية`` where one Arabic letter became two U+FFFD.
    A line that names the character (``U+FFFD``, "replacement character") or an
    encoding (as for A105: UTF-8, Latin-1, "encoded", "charset"...) shows it as an
    example: "the Unicode replacement character `U+FFFD` � will be used" (Node.js docs).
    A U+FFFD inside a span that A105 reports as mojibake (a byte cp1252 leaves undefined,
    read so: ``æ®µè\ufffd½``) is part of A105's one defect (``in_mojibake``).
    Fix safety: No fix: the lost character cannot be recovered from the text.
    """

    code = "A104"
    name = "replacement-character"
    family = "artifact"
    default_severity = Severity.ERROR

    def check(self, doc: Document):
        if "\ufffd" not in doc.text:
            return
        runs: list[tuple[int, int]] = []  # the kept runs of the current line
        line_no = 0
        for m in _FFFD_RE.finditer(doc.text):
            number = doc.position(m.start())[0]
            if number != line_no and runs:
                yield self._line_finding(doc, runs)
                runs = []
            line_no = number
            line = doc.lines[number - 1]
            content = doc.text[line.start : line.end]
            if _FFFD_CUE_RE.search(content) or ENCODING_CUE_RE.search(content):
                continue  # documentation of decoding shows the character it talks about
            if in_mojibake(doc, m.start(), m.end()):
                continue  # "æµ‹è¯•æ®µè�½": a byte of A105's mis-decoded letters, its repair's to tell
            runs.append((m.start(), m.end()))
        if runs:
            yield self._line_finding(doc, runs)

    def _line_finding(self, doc: Document, runs: list[tuple[int, int]]):
        """One finding for the runs of U+FFFD on one line (fresh33: UTF-8 Hebrew read as
        cp1255 gave 2,964 findings on 77 lines, one per lost letter): from the first run
        to the last, the count of characters and of runs in the message."""
        n = sum(end - start for start, end in runs)
        message = f"{n} U+FFFD replacement character{'s' if n > 1 else ''}"
        if len(runs) > 1:
            message += f" in {len(runs)} runs on this line"
        return doc.finding(self, runs[0][0], runs[-1][1], message)


def _code_about_encodings(doc: Document, start: int, end: int, before: str) -> bool:
    """True when the line ``doc[start:end]`` lies in a code region (``Document.regions``)
    whose text names an encoding (``ENCODING_CUE_RE``: a program or its output that decodes
    with Latin-1 on purpose, Node.js's Buffer docs: ``buf.toString('latin1')`` then
    ``// Prints: this is a tÃ©st``), or when its mojibake opens inside a double-quoted string
    (``before``, the line up to it, holds an odd number of ``"``: ftfy's README
    ``ftfy.fix_text("l’humanitÃ©")``): code that shows mojibake as its input."""
    for region in doc.regions:
        if region.kind == CODE and region.start <= start and end <= region.end:
            return ENCODING_CUE_RE.search(doc.text, region.start, region.end) is not None or before.count('"') % 2 == 1
    return False


class Mojibake(DocumentRule):
    """Mojibake: UTF-8 text decoded with the wrong codec (Latin-1, cp1252, ...).

    What: Lines that ftfy (``ftfy.badness.is_bad``) recognises as mis-decoded text and
    that ``ftfy.fix_encoding`` can repair, e.g. Arabic UTF-8 read as cp1252
    (``Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©`` for ``العربية``) or as Latin-1 (with C1 control characters).
    Only the encoding repair runs (no quote uncurling, no normalisation), and only
    lines that contain characters mojibake is made of are examined. The finding covers
    the changed part of the line; the message shows the repair.
    Why: Mojibake turns words into noise that tokenizers split into many rare pieces;
    it usually affects whole documents from one badly configured source.
    Example: ``Ø§Ù„Ø£Ø®Ø¨Ø§Ø±`` -> ``الأخبار``.
    Text read with the wrong legacy codec is mojibake too: KOI8-R read as cp1251
    (``лМБУУЙЮЕУЛЙЕ``, case-inverted Cyrillic) or as Latin-1/cp1252 (``ëÌÁÓÓÉÞÅÓËÉÅ``),
    cp1251 read as KOI8-R or as Latin-1, Latin-1 read as cp1251 (``WaЯenhoven``) or KOI8-R,
    Chinese GBK, Japanese EUC-JP or Shift-JIS read as Latin-1/cp1252 (``ÕâÊÇ``, ``‚Ì‚·``),
    Ukrainian KOI8-U read as cp1251 (``ЖПТНБМШОЙН``), Hebrew cp1255 or ISO-8859-8 read as
    Latin-1/cp1252 (``ä÷ìéï``). A repair into another script than the document's declared
    language's (``per-file-language``) is no repair (Hebrew is not "KOI8-R read as Latin-1").
    Each line is judged on its own: a correct Russian page that shows a case-inverted example
    (LibreOffice's tOGGLE cASE, ``пЕРЕКЛЮЧИТЬ рЕГИСТР``) is not misread, and in a misread one
    only the lines that show the mix-up or whose repair is clearly better text are repaired.
    A Latin word with a Cyrillic letter that looks like a Latin one (``escaрe``) is a
    homoglyph, no sign of Latin-1 read as cp1251 (its "repair" ``escaðe`` is no word).
    UTF-8 Hebrew read as cp1255 (``׳”׳§׳`` for הק: each letter a geresh and a sign, three
    in a row at least) is one finding a line, repaired when it round-trips; when a byte cp1255
    leaves undefined was read as U+FFFD (the second byte of א ך ל ם מ ן) it is reported with
    no repair, and A104 leaves its U+FFFD to it.
    A document is reported so only when its lines hold words that such a mix-up makes
    (Latin and Cyrillic letters in one word, a small letter before capitals, a word of
    Latin-1 letters only; ftfy's bad sequences), the round trip (encode as the codec it was
    read with, decode as the one it was written in) leaves at most a third of them, and
    charset-normalizer finds the repaired lines less messy, and readable
    (``text.legacy.misreading``); the message names the two codecs, and the repair goes
    before ftfy's on those lines. Russian typed with a Latin letter in a word (``папy``), a Danish
    ``ÅÅÅÅ-MM-DD`` or an abbreviation such as ``мРНК`` is no mix-up: its round trip
    makes more such words, not fewer.
    A line that names an encoding (UTF-8, Latin-1, ISO-8859, cp1252, "encoded",
    "charset", "mojibake") quotes mojibake as an example and is not reported, unless
    the repair mends ``CUE_WORDS`` (3) words or more on it: a French line about UTF-8
    that is itself mis-decoded ("La reprÃ©sentation des caractÃ¨res ... UTF-8").
    Code regions are checked too: bytes read with the wrong codec are wrong in a
    configuration comment or a table as in prose; not a code region that names an
    encoding (a program decoding with Latin-1 on purpose and the output it prints), nor
    a double-quoted string in code (``ftfy.fix_text("l’humanitÃ©")``: a repair's input).
    A C1 control character inside a word of another script than Latin (Khmer
    ``សម្\x9aាប់``, whose RO U+179A ends in the byte 0x9A), or followed by a combining
    mark that has lost its base letter, or next to a word of a script that no 8-bit code
    page holds (Khmer ``ក្រោ\x98 ៖`` and ``\x9e\x94ញ្ចូល``: MO and BA lost their first
    bytes; not Latin, Greek, Cyrillic, Hebrew, Arabic or Thai, where such a byte can be the
    code page's punctuation, ``المتحدث\x85 نعم``), is what lost lead bytes leave, not cp1252
    read as Latin-1: reported with no repair (ftfy would make it ``š``, ``˜``, ``ž”``), one
    verdict whether or not ftfy sees the line as mis-decoded (``ប្រវត្\x8fិ``: 0x8F is no
    cp1252 character); A109 leaves them to A105.
    A repair must give readable text: one whose every token in the changed part is still noise
    (``noise_token``: twelve characters or more, a letter among three symbols or controls or
    more) turned random bytes into other random bytes (fortunes-pl's linuxpl quotes an IRC
    flood, ``Ăh4Ţ×˛ćçKSSd˝osK^Ć=O96…``): not reported. Nor are C1 control characters
    between signs in such a token (fortunes-es' modem noise ``vue$$@@!!\x91\x9c\x9c/!(*!3``,
    not ``‘œœ``): line noise, A109's control characters.
    Fix safety: Unsafe: replaces the span with ftfy's repair. ftfy is reliable, but a
    heuristic: check the diff before committing it.
    """

    code = "A105"
    name = "mojibake"
    family = "artifact"
    default_severity = Severity.ERROR
    fixable = True
    # Mis-decoded bytes are a defect of the file, wherever they stand: in a configuration
    # file's comment ("# on ordonne Ã\xa0 LILO de s'installer"), in a man page's table
    # or in a sentence read as code ("ed(1) est un Ã©diteur par ligne primitif ;").
    checks_code = True

    def check(self, doc: Document):
        for start, end, old, new, lost, codecs in mojibake_spans(doc):
            if lost and codecs:  # UTF-8 Hebrew read as cp1255: bytes cp1255 leaves undefined became U+FFFD
                yield doc.finding(self, start, end,
                                  f"mojibake ({_chars(len(old))}: {codecs}), bytes lost (each U+FFFD after ׳ was one of "
                                  "א ך ל ם מ ן): no repair, re-decode the source")
                continue
            if lost:
                names = ", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(old))
                yield doc.finding(self, start, end,
                                  f"C1 control character{'s' if len(old) > 1 else ''} {names} in or next to a word of "
                                  "another script: bytes of a character were lost (no repair: re-decode the source)")
                continue
            shown = new if len(new) <= 60 else new[:57] + "..."
            yield doc.finding(
                self,
                start,
                end,
                f"mojibake ({_chars(len(old))}{': ' + codecs if codecs else ''}), repairs to `{shown}`" if new
                else f"mojibake `{old if len(old) <= 60 else old[:57] + '...'}` ({_chars(len(old))}), the repair deletes it",
                fix=Fix.unsafe(Edit(start, end, new)),
            )


class MojibakeSpan(NamedTuple):
    """A span A105 reports: ``doc.text[start:end]`` is ``old``, its repair ``new``; ``lost``:
    C1 controls that lost bytes left, with no repair (``_lost_bytes``); ``codecs``: the
    8-bit mix-up the repair undoes (``"KOI8-R read as CP1251"``: ``text.legacy.misreading``),
    "" for ftfy's repair of UTF-8."""

    start: int
    end: int
    old: str
    new: str
    lost: bool
    codecs: str = ""


_SPANS: "weakref.WeakKeyDictionary[Document, list[MojibakeSpan]]" = weakref.WeakKeyDictionary()


def mojibake_spans(doc: Document) -> list[MojibakeSpan]:
    """The spans of ``doc`` that A105 (``Mojibake``) reports, in text order, with the same
    exclusions (a line about encodings, noise, code that shows mojibake). Kept while the
    document lives (never keeping it alive: a document is dropped after its map step): A105
    and the rules that leave its span's characters to it (``in_mojibake``) ask in turn."""
    spans = _SPANS.get(doc)
    if spans is None:
        spans = _SPANS[doc] = _spans_of(doc)
    return spans


# UTF-8 Hebrew read as cp1255: each letter (D7 90-D7 AA) became ``׳`` (0xD7, geresh) and a sign
# of 0x90-0xAA (``׳›׳�``), three in a row; cp1255 leaves 0x90 and 0x9A, 0x9C-0x9F undefined (א ך ל ם מ ן),
# read as U+FFFD: such a line is lost, no round trip.
_CP1255_SECOND = "".join(dict.fromkeys(bytes(range(0x90, 0xAB)).decode("cp1255", errors="replace")))
_UTF8_HEBREW_AS_CP1255_RE = lazy_re(f"(?:\u05f3[{re.escape(_CP1255_SECOND)}]){{3}}")
_UTF8_HEBREW_AS_CP1255_SPAN_RE = lazy_re(f"\u05f3[{re.escape(_CP1255_SECOND)}](?:.*\u05f3[{re.escape(_CP1255_SECOND)}])?")


def _utf8_hebrew_as_cp1255(content: str) -> tuple[int, int, str | None] | None:
    """The span (start, end) of a line of UTF-8 Hebrew read as cp1255 (``׳›׳�``) and its
    repair (None when bytes were lost: a U+FFFD), or None when the line shows no such run."""
    if "\u05f3" not in content or _UTF8_HEBREW_AS_CP1255_RE.search(content) is None:
        return None
    m = _UTF8_HEBREW_AS_CP1255_SPAN_RE.search(content)
    try:
        fixed = content[m.start() : m.end()].encode("cp1255").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        fixed = None
    return m.start(), m.end(), fixed


def _spans_of(doc: Document) -> list[MojibakeSpan]:
    text = doc.text
    hebrew = {}  # line index -> (start, end, repair or None): UTF-8 Hebrew read as cp1255
    if "\u05f3" in text and _UTF8_HEBREW_AS_CP1255_RE.search(text):
        hebrew = {i: found for i, line in enumerate(doc.lines)
                  if (found := _utf8_hebrew_as_cp1255(text[line.start : line.end])) is not None}
    legacy = misreading(text, [text[line.start : line.end] for line in doc.lines], doc.language) if might_be_misread(text) else None
    if legacy is None and not hebrew and not _SUSPECT_RE.search(text):
        return []
    out = []
    for index, line in enumerate(doc.lines):
        content = text[line.start : line.end]
        if index in hebrew:
            a, b, fixed = hebrew[index]
            out.append(MojibakeSpan(line.start + a, line.start + b, content[a:b], fixed or "", fixed is None,
                                    "UTF-8 text read as CP1255"))
            continue
        lost: list[tuple[int, int]] = []
        if legacy is not None and index in legacy.repairs:
            # (before ftfy's, which takes "È¨" of GBK read as Latin-1 for UTF-8's "Ȩ")
            fixed, codecs = legacy.repairs[index], f"{legacy.written_in} text read as {legacy.read_as}"
        else:
            lost = _lost_runs(content) if _C1_RUN_RE.search(content) else []
            for s, e in lost:  # one verdict for them, whatever ftfy makes of the line
                out.append(MojibakeSpan(line.start + s, line.start + e, content[s:e], "", True))
            if lost:  # ftfy reads the rest of the line, the lost bytes masked (same length, same positions)
                parts, pos = [], 0
                for s, e in lost:
                    parts += [content[pos:s], "x" * (e - s)]
                    pos = e
                content = "".join(parts) + content[pos:]
            fixed, codecs = repair(content), ""
        if fixed is None or (ENCODING_CUE_RE.search(content) and misdecoded_words(content, fixed) < CUE_WORDS):
            continue  # a line about encodings quotes mojibake as its example
        # Narrow the edit to the changed part: common prefix and suffix are kept.
        p = 0
        limit = min(len(content), len(fixed))
        while p < limit and content[p] == fixed[p]:
            p += 1
        s = 0
        while s < limit - p and content[len(content) - 1 - s] == fixed[len(fixed) - 1 - s]:
            s += 1
        old = content[p : len(content) - s]
        new = fixed[p : len(fixed) - s]
        if all(noise_token(token) for token in _tokens_around(fixed, p, len(fixed) - s)):
            continue  # "Ăh4Ţ×˛ćçKSSd˝osK^Ć=O96…" repaired to "ײćçKSSd˝osK^Ć=O96…": noise either way
        if _c1_amid_signs(content[:p], old, content[len(content) - s :]):
            continue  # "vue$$@@!!\x91\x9c\x9c/!": line noise (A109's control characters), no letters
        if _code_about_encodings(doc, line.start, line.end, content[:p]):
            continue  # "// Prints: this is a tÃ©st" under "buf.toString('latin1')": the code shows it
        if any(a < len(content) - s and p < b for a, b in lost):
            continue  # (a repair around a masked run would rewrite it: the lost bytes are reported alone)
        out.append(MojibakeSpan(line.start + p, line.start + len(content) - s, old, new, False, codecs))
    out.sort(key=lambda span: span.start)
    return out


def in_mojibake(doc: Document, start: int, end: int) -> bool:
    """True when ``doc.text[start:end]`` lies inside a span A105 reports (``mojibake_spans``):
    its characters are bytes of mis-decoded letters (the no-break space of ``Ã\u00a0`` for
    "à", the soft hyphen of ``æ\u00ad£`` for "正", a U+FFFD where a byte could not be read),
    A105's one defect, not a space, an invisible character or a lost character of their own.
    A104, W102 and W112 leave them to A105 (one defect, one finding), as A109 leaves C1
    controls on a line A105 repairs; so does ``--fix``, whose A105 repair needs them."""
    spans = mojibake_spans(doc)
    k = bisect_right(spans, start, key=lambda x: x.start) - 1
    return k >= 0 and end <= spans[k].end


def mojibake_byte(doc: Document, start: int, end: int) -> bool:
    """True when ``doc.text[start:end]`` (a no-break space, a soft hyphen, a middle dot, C1
    controls) are bytes of mis-decoded letters: inside a span A105 reports (``in_mojibake``),
    or bytes of UTF-8 (or of cp866) read with a code page where A105 reports nothing
    (``legacy.misread_utf8_bytes``: UTF-8 Hebrew read as cp1255 is lossy, A104 reports its
    U+FFFD; ``׳\u00a0`` is "נ"). W102, W112, A109 and A121 never touch them: replacing
    one with a space or deleting it loses the letter for good once the text is decoded back."""
    return in_mojibake(doc, start, end) or misread_utf8_bytes(doc.text, start, end)
