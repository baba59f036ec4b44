"""gettext message catalogues (.po, .pot): one record per translated string.

Parsed with polib; corpuslint's own scan of the file's lines
finds where each string is written, so that findings point to the file's line and
column of the character (through escapes ``\\"`` ``\\n`` ``\\t`` ``\\\\`` and the
continuation lines of a wrapped string), not into the unescaped text.

* A ``.po`` file: each translated ``msgstr`` (and each plural form ``msgstr[n]``) is a
  record, its text unescaped. The header (``msgid ""``), fuzzy entries (``#, fuzzy``:
  not used by the program until a translator checks them), obsolete entries (``#~``)
  and untranslated ones (empty ``msgstr``) are not records.
* A ``.pot`` template has no translations: its records are the source strings
  (``msgid``, ``msgid_plural``), so a typo in the program's English is found once,
  where every translator reads it. They are never rewritten (a template is generated
  from the source code: fix the string there).

The record (``findings`` ``record``) is the line number of the string's keyword
(``msgstr``, ``msgstr[1]``, ``msgid``); line and column are the file's. Every record is
of the document kind ``message`` (``structure.MESSAGE``: rules with
``skip_kinds = {"message"}`` do not run on it) and carries its entry's ``source`` (the
msgid, or msgid_plural for ``msgstr[n]``, n >= 1) and ``context`` (msgctxt), which
are part of its content hash (a changed msgid is a changed record for the caches).
Its ``language`` (``Document.language``) is the file's ``per-file-language``, else the
header's ``Language`` field (``"Language: fr"``), else, when that is empty, the language
its ``Language-Team`` names (``"Language-Team: Pushto"``: ``team_language``): a .po file says what language its
strings are in, so French spacing before ``:`` ``?`` is not a guess on a short string.

Fixes (``check --fix``: a catalogue is a source file, not a dataset, so ``--fix-data``
is not needed) rewrite only the lines of the fixed strings, escaped
as gettext writes them and split at the same places as before; the new file must parse
back (polib) to the fixed texts with every other entry unchanged, else nothing is written.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterator, Mapping

from ..document import hash_utf8, language_tag
from ..files import ReadProblem, Source
from ..structure import MESSAGE
from .base import FileProblem, ReaderOptions, RecordDocument, RecordReader
from ..text.lazy_regex import lazy_re

_KEYWORD_RE = lazy_re(r'^(\s*)(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"')
_STRING_RE = lazy_re(r'^(\s*)"')
_UNESCAPE = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_ESCAPE = {v: "\\" + k for k, v in _UNESCAPE.items()}
_ESCAPE_RE = lazy_re(r'[\\"\n\t\r\a\b\f\v]')


@dataclass(frozen=True, slots=True)
class Piece:
    """One quoted string of a keyword's block: on file ``line`` (1-based), its content
    (between the quotes, escaped as written) starting at code-point ``column`` (0-based)."""

    line: int
    column: int
    raw: str


@dataclass(slots=True)
class Block:
    """A keyword (``msgid``, ``msgstr[1]``...) and its strings, as written."""

    keyword: str
    pieces: list[Piece]

    @property
    def line(self) -> int:
        return self.pieces[0].line

    def text(self) -> str:
        return "".join(unescape(p.raw) for p in self.pieces)


def unescape(raw: str) -> str:
    """The text of a PO string's content (C escapes resolved; an unknown escape is kept)."""
    if "\\" not in raw:
        return raw
    out, i = [], 0
    while i < len(raw):
        c = raw[i]
        if c == "\\" and i + 1 < len(raw) and raw[i + 1] in _UNESCAPE:
            out.append(_UNESCAPE[raw[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def escape(text: str) -> str:
    """``text`` as PO string content (the inverse of ``unescape``)."""
    return _ESCAPE_RE.sub(lambda m: _ESCAPE[m.group()], text)


def scan(lines: list[str]) -> list[list[Block]]:
    """The entries of a PO file's ``lines`` (without line endings) that are not obsolete,
    in order: each a list of its keyword blocks. A new entry starts at ``msgctxt`` or at
    a ``msgid`` that does not follow one."""
    entries: list[list[Block]] = []
    block: Block | None = None
    for index, line in enumerate(lines):
        m = _KEYWORD_RE.match(line)
        if m is not None:
            keyword = m.group(2)
            block = Block(keyword, [_piece(index + 1, line, m.end() - 1)])
            if keyword == "msgctxt" or (keyword == "msgid" and not (entries and entries[-1][-1].keyword == "msgctxt")):
                entries.append([])
            if not entries:
                raise FileProblem(f"line {index + 1}: {keyword} before any msgid")
            entries[-1].append(block)
            continue
        m = _STRING_RE.match(line)
        if m is not None and block is not None:
            block.pieces.append(_piece(index + 1, line, m.end() - 1))
            continue
        block = None  # a comment or a blank line ends the block
    return entries


def _piece(number: int, line: str, quote: int) -> Piece:
    end = line.rstrip().rfind('"')
    if end <= quote:
        raise FileProblem(f"line {number}: unterminated string")
    return Piece(number, quote + 1, line[quote + 1 : end])


class PoDocument(RecordDocument):
    """One string of a catalogue. ``source``: its msgid (msgid_plural for a plural form
    n >= 1; None for a .pot's own strings); ``plural``: the entry's msgid_plural or None;
    ``context``: the msgctxt or None; ``pieces``: where it is written (``Piece``s), for
    the file positions of findings; ``flags``: the entry's flags (``python-format``,
    ``fuzzy``...); ``form``: n of ``msgstr[n]``, None for a ``msgstr``;
    ``plural_translations``: the entry has more than one ``msgstr[n]`` (msgfmt then
    checks a plural form's placeholders loosely); ``numbers``: the first (up to 5) numbers
    n that the header's Plural-Forms selects this form for (``plural_numbers``), or None;
    ``form_count``: how many ``msgstr[n]`` the entry has (0 for a ``msgstr``);
    ``nplurals``: the header's ``nplurals`` where its Plural-Forms is readable, else None."""

    kinds = frozenset({MESSAGE})

    def __init__(self, file: str, number: int, text: str, source: str | None = None,
                 context: str | None = None, pieces: tuple[Piece, ...] = (), plural: str | None = None,
                 language: str | None = None, flags: frozenset[str] = frozenset(), form: int | None = None,
                 plural_translations: bool = False, numbers: tuple[int, ...] | None = None,
                 form_count: int = 0, nplurals: int | None = None):
        super().__init__(file, number, number, text, language)
        self.source = source
        self.context = context
        self.pieces = pieces
        self.plural = plural  # the entry's msgid_plural, if any
        self.sources = tuple(s for s in (source, plural) if s is not None)
        self.flags = frozenset(flags)
        self.form = form
        self.plural_translations = plural_translations
        self.numbers = numbers
        self.form_count = form_count
        self.nplurals = nplurals

    @cached_property
    def content_hash(self) -> str:
        extra = "" if self.source is None and self.context is None else f"\0{self.source}\0{self.context}\0{self.plural}"
        if self.flags or self.form is not None:  # (what T101 reads besides the text)
            extra += (f"\0{sorted(self.flags)}\0{self.form}\0{self.plural_translations}\0{self.numbers}"
                      f"\0{self.form_count}\0{self.nplurals}")
        return hash_utf8((self.text + extra).encode("utf-8", "surrogatepass"), self.language)

    @cached_property
    def _places(self) -> tuple[list[int], list[Piece]]:
        """Text offsets where each written character starts (and the end), and its piece."""
        starts: list[int] = []
        for piece in self.pieces:
            raw = piece.raw
            i = 0
            while i < len(raw):
                starts.append((piece.line << 24) | (piece.column + i))  # (line, column) packed
                i += 2 if raw[i] == "\\" and i + 1 < len(raw) and raw[i + 1] in _UNESCAPE else 1
        return starts, list(self.pieces)

    def place(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the .po file of the character at text ``offset`` (the
        end of the text: just before the closing quote)."""
        starts, pieces = self._places
        if not pieces:
            return self.number, 1
        if offset < len(starts) and len(starts) == len(self.text):
            packed = starts[offset]
            return packed >> 24, (packed & 0xFFFFFF) + 1
        last = pieces[-1]
        return last.line, last.column + len(last.raw) + 1

    def written(self, text: str) -> str:
        """``text`` as PO string content (escaped), for a fix's replacement at ``place``."""
        return escape(text)

    def with_text(self, text: str) -> "PoDocument":
        return PoDocument(self.file, self.number, text, self.source, self.context,
                          self.pieces if text == self.text else (), self.plural, self.language,
                          self.flags, self.form, self.plural_translations, self.numbers, self.form_count,
                          self.nplurals)

    def __reduce__(self):
        return (PoDocument, (self.file, self.number, self.text, self.source, self.context, self.pieces, self.plural,
                             self.language, self.flags, self.form, self.plural_translations, self.numbers,
                             self.form_count, self.nplurals))


def header_language(value: str | None) -> str | None:
    """The language a catalogue's header declares (``"Language: fr_FR"`` -> "fr"), the
    language of its strings (``Document.language``); None when the header has none or it
    is not a language tag (the rules then guess from the text, as for any file)."""
    try:
        return language_tag(value) if value else None
    except ValueError:
        return None


# The English names a header's Language-Team gives (``"Language-Team: Pushto\n"`` with
# ``Language`` empty, as iso-codes' older catalogues have it), for the languages whose
# text the rules cannot tell apart by script alone (Arabic-script languages first).
TEAM_LANGUAGES = {
    "arabic": "ar", "persian": "fa", "farsi": "fa", "urdu": "ur", "pashto": "ps", "pushto": "ps", "sindhi": "sd",
    "uyghur": "ug", "uighur": "ug", "kurdish": "ku", "central kurdish": "ckb", "sorani": "ckb", "hebrew": "he",
    "yiddish": "yi", "amharic": "am", "tigrinya": "ti", "greek": "el", "turkish": "tr", "russian": "ru",
    "ukrainian": "uk", "hindi": "hi", "bengali": "bn", "khmer": "km", "thai": "th", "dzongkha": "dz",
}
_TEAM_NAME_RE = lazy_re(r"\s*([A-Za-z][A-Za-z ]*?)\s*(?:[<(\[,]|$)")


def team_language(value: str | None) -> str | None:
    """The language a header's ``Language-Team`` names (``"Pushto <ps@li.org>"`` ->
    "ps"), for a catalogue whose ``Language`` is empty: the first words, before an
    address, looked up in ``TEAM_LANGUAGES``; None for any other name."""
    m = _TEAM_NAME_RE.match(value or "")
    return TEAM_LANGUAGES.get(m.group(1).lower()) if m else None


# Plural-Forms: "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : ...);" -- a C expression
# in n, evaluated here by a small parser (data is never code: no eval).
_PLURAL_RE = lazy_re(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]+);?")
_TOKEN_RE = lazy_re(r"\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>?:!()]))")
_BINARY = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, ">": 4, "<=": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6}
OFTEN = 5  # msgfmt: a form is used "often" when 5 or more of n = 0..1000 select it
# Real formulas are under 200 characters (the longest, Arabic's, ~110); a longer one is
# not read: evaluated 1,001 times, a header line of megabytes would stall the run.
MAX_FORMULA_CHARS = 1_000


def plural_numbers(value: str | None) -> tuple[tuple[int, ...], ...] | None:
    """For each plural form of a catalogue whose header's Plural-Forms is ``value``: the
    first (up to ``OFTEN``) numbers n of 0..1000 that its formula selects it for. A form
    with ``OFTEN`` of them is used "often", as msgfmt's ``--check`` counts: it stands
    for many numbers, so it must show the number. None when there is no readable formula."""
    m = _PLURAL_RE.search(value or "")
    if m is None or len(m.group(2)) > MAX_FORMULA_CHARS:
        return None
    try:
        formula = _formula(m.group(2))
        numbers: list[list[int]] = [[] for _ in range(min(int(m.group(1)), 100))]
        for n in range(1001):
            form = formula(n)
            if 0 <= form < len(numbers) and len(numbers[form]) < OFTEN:
                numbers[form].append(n)
    except (ValueError, ZeroDivisionError, IndexError, RecursionError):
        return None
    return tuple(tuple(ns) for ns in numbers)


def _formula(text: str):
    """``text`` (a C expression in n) as a function of n; ValueError if it is not one."""
    tokens, at = [], 0
    text = text.strip()
    while at < len(text):
        m = _TOKEN_RE.match(text, at)
        if m is None or m.end() == at:
            raise ValueError(f"not a plural formula: {text!r}")
        tokens.append(int(m.group(1)) if m.group(1) else m.group(2) or m.group(3))
        at = m.end()
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def unary():
        token = take()
        if token == "!":
            inner = unary()
            return lambda n: int(not inner(n))
        if token == "-":
            inner = unary()
            return lambda n: -inner(n)
        if token == "(":
            inner = ternary()
            if take() != ")":
                raise ValueError("unbalanced parentheses")
            return inner
        if token == "n":
            return lambda n: n
        if isinstance(token, int):
            return lambda n, value=token: value
        raise ValueError(f"unexpected {token!r}")

    def binary(level: int):
        left = unary()
        while isinstance(peek(), str) and _BINARY.get(peek(), 0) >= level:
            op = take()
            right = binary(_BINARY[op] + 1)
            left = _apply(op, left, right)
        return left

    def ternary():
        cond = binary(1)
        if peek() != "?":
            return cond
        take()
        yes = ternary()
        if take() != ":":
            raise ValueError("? without :")
        no = ternary()
        return lambda n: yes(n) if cond(n) else no(n)

    result = ternary()
    if pos != len(tokens):
        raise ValueError(f"not a plural formula: {text!r}")
    return result


def _apply(op: str, a, b):
    if op == "||":
        return lambda n: int(bool(a(n)) or bool(b(n)))
    if op == "&&":
        return lambda n: int(bool(a(n)) and bool(b(n)))
    if op in ("/", "%"):  # (C: unsigned, truncating)
        return (lambda n: a(n) // b(n)) if op == "/" else (lambda n: a(n) % b(n))
    compare = {"==": int.__eq__, "!=": int.__ne__, "<": int.__lt__, ">": int.__gt__, "<=": int.__le__,
               ">=": int.__ge__}
    if op in compare:
        f = compare[op]
        return lambda n: int(f(a(n), b(n)))
    arith = {"+": int.__add__, "-": int.__sub__, "*": int.__mul__}[op]
    return lambda n: arith(a(n), b(n))


class _LFText(str):
    """A catalogue's text whose ``splitlines()`` cuts at LF only. gettext's lines end at
    LF (a CR before it is stripped as white space); U+2028, U+2029, U+0085, VT, FF,
    U+001C..U+001E and a lone CR are characters of a string (msgfmt accepts them), but
    ``str.splitlines`` cuts there too, so polib, which splits the text it is given with
    ``splitlines()`` (``polib._POFileParser``), would read a msgstr holding one as two
    lines and the whole file as a syntax error."""

    __slots__ = ()

    def splitlines(self, keepends: bool = False) -> list[str]:
        return split_lines(self, keepends)


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """``text``'s lines as gettext reads them: cut after each LF only (see ``_LFText``)."""
    lines = str(text).split("\n")
    if keepends:
        lines = [ln + "\n" for ln in lines[:-1]] + [lines[-1]]
    if lines and not lines[-1]:
        lines.pop()  # (the text ends with LF: no line after it)
    return lines


def _parse(text: str, encoding: str):
    """The polib file of a catalogue's ``text``, its lines cut at LF only."""
    import polib

    return polib.pofile(_LFText(text), encoding=encoding, wrapwidth=0)


def _read(path: str):
    """(polib file, its lines without endings, their endings, encoding)."""
    import polib

    with open(path, "rb") as fh:
        data = fh.read()
    encoding = polib.detect_encoding(path)  # the header's charset, else UTF-8
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise FileProblem(f"cannot decode as {encoding} (the header's charset): {exc}") from None
    try:
        catalogue = _parse(text, encoding)
    except (OSError, ValueError) as exc:
        raise FileProblem(f"not a valid gettext catalogue: {exc}") from None
    raw_lines = split_lines(text, keepends=True)
    lines = [ln[:-2] if ln.endswith("\r\n") else ln.removesuffix("\n") for ln in raw_lines]
    endings = [ln[len(body):] for ln, body in zip(raw_lines, lines)]
    return catalogue, lines, endings, encoding


def _paired(catalogue, entries: list[list[Block]]):
    """(polib entry or None for the header, {keyword: Block}) of each entry, in order;
    FileProblem when corpuslint's scan and polib disagree."""
    live = [e for e in catalogue if not e.obsolete]
    first = {b.keyword: b for b in entries[0]} if entries else {}
    if "msgid" in first and "msgctxt" not in first and first["msgid"].text() == "":  # the header (polib keeps it apart)
        entries = entries[1:]
        yield None, first
    if len(live) != len(entries):
        raise FileProblem(f"{len(entries)} entries found, polib reads {len(live)}")
    for entry, blocks in zip(live, entries):
        by = {b.keyword: b for b in blocks}
        msgid = by.get("msgid")
        if msgid is None or msgid.text() != entry.msgid:
            line = blocks[0].line
            raise FileProblem(f"line {line}: the entry's msgid does not read as polib reads it")
        yield entry, by


class PoReader(RecordReader):
    format = "po"
    suffixes = (".po", ".pot")
    writable = True  # .po only (``rewrite``): a .pot is generated from the source code
    source_files = True  # a project's translations: fixed with --fix, like its text files

    def numbered_documents(self, source: Source, config) -> Iterator[tuple[int | None, "PoDocument | ReadProblem"]]:
        try:
            yield from ((doc.number, doc) for doc in self._documents(source.path, source.display, source.language))
        except ImportError:
            yield None, ReadProblem("unreadable", "reading .po files needs polib (a dependency of corpuslint: reinstall it, or pip install polib)")
        except FileProblem as exc:
            yield None, ReadProblem("malformed", str(exc))
        except OSError as exc:
            yield None, ReadProblem("unreadable", f"cannot read file: {exc.strerror or exc}")

    def _documents(self, path: str, display: str, language: str | None = None) -> Iterator[PoDocument]:
        catalogue, lines, _, _ = _read(path)
        template = path.lower().endswith(".pot")
        if language is None and not template:
            language = header_language(catalogue.metadata.get("Language")) or team_language(
                catalogue.metadata.get("Language-Team"))
        numbers = plural_numbers(catalogue.metadata.get("Plural-Forms"))
        nplurals = len(numbers) if numbers else None
        for entry, by in _paired(catalogue, scan(lines)):
            if entry is None or entry.fuzzy:
                continue
            ctx = entry.msgctxt
            if template:
                for keyword in ("msgid", "msgid_plural"):
                    block = by.get(keyword)
                    if block is not None and entry.msgid:
                        yield PoDocument(display, block.line, block.text(), None, ctx, tuple(block.pieces), None, language)
                continue
            flags = frozenset(entry.flags)
            forms = sum(1 for keyword in by if keyword.startswith("msgstr["))
            for keyword, block in by.items():
                if not keyword.startswith("msgstr"):
                    continue
                text = block.text()
                if not text:
                    continue  # untranslated
                form = None if keyword == "msgstr" else int(keyword[7:-1])
                msgid = entry.msgid_plural if form and entry.msgid_plural else entry.msgid
                yield PoDocument(display, block.line, text, msgid, ctx, tuple(block.pieces), entry.msgid_plural or None,
                                 language, flags, form, forms > 1,
                                 numbers[form] if numbers and form is not None and form < len(numbers) else None,
                                 forms, nplurals)

    def records(self, path: str, options: ReaderOptions):
        raise NotImplementedError("PoReader gives PoDocuments: numbered_documents")

    def rows(self, path: str, options: ReaderOptions) -> Iterator[tuple[int, dict]]:
        """(line, {"text", "msgid", "msgctxt"}) of every string ``numbered_documents`` gives."""
        for doc in self._documents(path, path):
            yield doc.number, {"text": doc.text, "msgid": doc.source, "msgctxt": doc.context}

    def rewrite(self, path: str, out, like: str, keep: Callable[[int], bool],
                texts: Mapping[int, str], options: ReaderOptions) -> int:
        """Copy ``path`` to the binary file ``out`` with ``texts[line]`` as the text of the
        string whose keyword is on ``line``; every other line byte for byte. Raises
        ValueError for a .pot, for ``keep`` rejecting a string (a catalogue's entries are
        not left out), or when the result would not read back as intended."""
        if path.lower().endswith(".pot") or like.lower().endswith(".pot"):
            raise ValueError("a .pot template is generated from the source code: fix the string there")
        catalogue, lines, endings, encoding = _read(path)
        blocks = {b.line: b for _, by in _paired(catalogue, scan(lines)) for b in by.values()
                  if b.keyword.startswith("msgstr")}
        kept = [line for line in blocks if blocks[line].text() and keep(line)]
        if len(kept) != sum(1 for line in blocks if blocks[line].text()):
            raise ValueError("the strings of a .po file cannot be left out")
        replaced: dict[int, tuple[int, list[str]]] = {}  # first line -> (lines replaced, new lines)
        for line, text in texts.items():
            block = blocks.get(line)
            if block is None:
                raise ValueError(f"line {line}: no msgstr there")
            replaced[block.line] = (len(block.pieces), _written(block, lines, text))
        body: list[str] = []
        index = 0
        while index < len(lines):
            if index + 1 in replaced:
                count, new = replaced[index + 1]
                ending = endings[index] or "\n"
                last = endings[index + count - 1]
                body.extend(ln + ending for ln in new[:-1])
                body.append(new[-1] + last)
                index += count
                continue
            body.append(lines[index] + endings[index])
            index += 1
        result = "".join(body)
        # where each fixed string's keyword line is now: a string line the edit emptied
        # went (``_written``), moving every later string up
        moved_to, shift = {}, 0
        for first in sorted(replaced):
            moved_to[first] = first + shift
            count, new = replaced[first]
            shift += len(new) - count
        _verify(catalogue, result, encoding, {moved_to[blocks[n].line]: t for n, t in texts.items()})
        out.write(result.encode(encoding))
        return len(kept)


def _written(block: Block, lines: list[str], text: str) -> list[str]:
    """The lines of ``block`` holding ``text``: the same keyword and indentation, split
    where the old text was split (boundaries moved with the edit), escaped."""
    old_parts = [unescape(p.raw) for p in block.pieces]
    old = "".join(old_parts)
    bounds, at = [], 0
    for part in old_parts[:-1]:
        at += len(part)
        bounds.append(at)
    ops = difflib.SequenceMatcher(None, old, text, autojunk=False).get_opcodes()

    def moved(b: int) -> int:  # where old offset ``b`` is in the new text
        for tag, i1, i2, j1, j2 in ops:
            if i1 <= b <= i2:
                if tag == "equal":
                    return j1 + (b - i1)
                return j1 if b == i1 else j2  # (inside a changed span: after it)
        return len(text)

    cuts = [0] + [moved(b) for b in bounds] + [len(text)]
    parts = [text[a:b] for a, b in zip(cuts, cuts[1:])]
    first = parts[0]
    rest = [p for p in parts[1:] if p]  # (a part the edit emptied: its line goes)
    return [lines[piece.line - 1][: piece.column] + escape(part) + '"'
            for piece, part in zip(block.pieces, [first] + rest)]


def _verify(before, result: str, encoding: str, texts: Mapping[int, str]) -> None:
    """ValueError unless ``result`` parses to ``before`` with the strings on ``texts``'
    lines replaced."""
    try:
        after = _parse(result, encoding)
    except (OSError, ValueError) as exc:
        raise ValueError(f"the fixed file would not parse: {exc}") from None
    old = [e for e in before if not e.obsolete]
    new = [e for e in after if not e.obsolete]
    if len(old) != len(new) or before.metadata != after.metadata:
        raise ValueError("the fixed file would not have the same entries")
    lines = scan(split_lines(result))
    strings = {b.line: b.text() for entry in lines for b in entry if b.keyword.startswith("msgstr")}
    for line, text in texts.items():
        if strings.get(line) != text:
            raise ValueError(f"line {line}: the fixed string would not read back as fixed")
    for a, b in zip(old, new):
        if (a.msgid, a.msgctxt, a.msgid_plural, a.flags) != (b.msgid, b.msgctxt, b.msgid_plural, b.flags):
            raise ValueError("the fixed file would not have the same entries")
