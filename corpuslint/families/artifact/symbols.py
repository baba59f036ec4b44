"""A111 symbol-only-line."""

from __future__ import annotations

from ...document import Document
from ...findings import Severity
from ...rules import DocumentRule
from ...structure import (
    BLOCKQUOTE,
    CODE,
    HEADING,
    HEADING_START,
    MARKUP,
    MESSAGES,
    PROSE,
    TABLE,
    markdown_containers,
)
from ...text.lazy_regex import lazy
from ._common import asciidoc, asciidoc_listing, remove_line_fix
from .encoding import in_mojibake

# Lines with no letter and no digit but at least one visible character.
_SYMBOL_LINE_RE = lazy(r"^[^\p{L}\p{N}]*$")
_VISIBLE_RE = lazy(r"[^\s\p{Cf}]")
_CODE_ONLY = frozenset({CODE})
# The markers opening a line of a Markdown block quote: a line of only these is the quote's
# blank line, joining two of its paragraphs.
_QUOTE_MARKERS_RE = lazy(r"^[ \t]*(?:>[ \t]?)+")
# A border line of a drawing or an ASCII table: rules, corners and walls only
# (``+---+``, ``|   |``, ``+====+====+``, ``└──┘``).
# A line to write on (``____________``: a worksheet's blank) or a rule under a sum.
_RULE_LINE_RE = lazy(r"^[ \t]*(?:_{3,}|-{3,}|={3,})[ \t]*$")
_INLINE_BLANK_RE = lazy(r"\p{L}[^\n]*_{3,}|_{3,}[^\n]*\p{L}")
# Morse code: five or more groups of dots and dashes of two or more lengths.
MORSE_RE = lazy(r"(?<![^\s])(?=(?:[.\-]{1,6}[ \t]+){4,}[.\-]{1,6}(?![^\s\p{P}]))"
                r"(?=[^\n]*?(?<![.\-])([.\-]{1,6})(?![.\-])[^\n]*?(?<![.\-])(?!\1(?![.\-]))[.\-]{1,6}(?![.\-]))"
                r"(?:[.\-]{1,6}[ \t]+){4,}[.\-]{1,6}")
# One mark of sentence punctuation (no dash, asterisk or bar: those draw separators).
# A thematic break or separator: one mark repeated ("---", "****", "--", "* * *", "====").
_SEPARATOR_RE = lazy(r"^[ \t]*([-*_=~])(?:[ \t]*\1)+[ \t]*$")
# A code cell marker of Python scripts (Jupyter, VS Code, Spyder: "#%%", "# %%").
# An editor's elision mark alone on a line, bracketed, maybe behind a comment sign: "[...]",
# "[..]", "(…)", "# [...]" between the kept lines of a quoted configuration file (the Debian
# handbook's smb.conf excerpt): text left out on purpose, not layout debris.
_ELISION_RE = lazy(r"[ \t]*(?:(?:#|//|;)[ \t]*)?[\[(][ \t]*(?:\.{2,}|…+)[ \t]*[\])][ \t]*")
_CELL_MARKER_RE = lazy(r"^[ \t]*#[ \t]*%%[ \t]*$")
_LONE_MARK_RE = lazy(r"^[ \t]*[?؟!¡¿,،;؛:][ \t]*$")
# Lost characters of an edited text: a run of lacuna marks (□ U+25A1, the editors' box
# for an illegible or lost character in Chinese classical texts; 〓 U+3013, the geta mark
# of Japanese printing) between the punctuation of the sentence (``□□□、□□□。``, a line of
# a Song ci whose words are lost): text, not debris.
_LACUNA_LINE_RE = lazy(r"^[ \t]*(?=[^\n]*[□〓])(?=[^\n]*[\p{P}])[□〓\p{P} \t\u3000]*$")
_BORDER_RE = lazy(r"^[ \t]*[-+|=_:.*\u2500-\u257f]*[+|\u2500-\u257f][-+|=_:.*\u2500-\u257f \t]*$")


def _drawing(doc: Document, index: int) -> bool:
    """True when the block (run of non-blank lines) holding line ``index`` has a drawn
    line with words in it (a ``table`` region of plain text: ``| A |``, ``│ ps │``)."""
    kinds = doc.line_kinds
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(kinds) and kinds[j] != "blank":
            if kinds[j] == TABLE:
                return True
            j += step
    return False


def _whole_paragraph(doc: Document, index: int) -> bool:
    """True when line ``index`` is a paragraph of its own: a blank line or the text's
    start before it, a blank line or the text's end after it."""
    text, lines = doc.text, doc.lines

    def blank(j: int) -> bool:
        return not (0 <= j < len(lines)) or not text[lines[j].start : lines[j].end].strip()

    return blank(index - 1) and blank(index + 1)


# A Setext heading's underline (Markdown, and plain text's own convention): a rule of
# "-" or "=" right under a short line of words that ends in no full stop, a blank line
# or the text's end after it ("Outline of functionality" / "------------------------").
_SETEXT_RULE_RE = lazy(r"^(?:-{3,}|={3,})[ \t]*$")
_HEADING_TEXT_RE = lazy(r"^[ \t]{0,3}(?=[^\n]*\p{L})[^\n]*[^\s.,;:!?。，；：]+[ \t]*$")


# reStructuredText's syntax in a text that is not read as reST (developers-reference's sources
# as data set fields, fresh17): "::" alone, the literal block marker, then an indented block;
# a title's adornment, a line of one punctuation character at least as long as the title
# above it ("Best Packaging Practices" / "*****...", longer: reST allows it), or an overline.
_RST_ADORNMENT_RE = lazy(r"[ \t]*([=\-`:'\"~^_*+#<>.])\1{2,}[ \t]*$")


def _rst_structure(doc: Document, index: int, content: str) -> bool:
    text, lines = doc.text, doc.lines
    if content.strip() == "::":
        for j in range(index + 1, min(len(lines), index + 4)):
            nxt = text[lines[j].start : lines[j].end]
            if nxt.strip():
                return len(nxt) - len(nxt.lstrip()) > len(content) - len(content.lstrip())
        return False
    if content.strip() == "..":
        # an empty line of a reST comment between its lines (BIND's CHANGES: ".. SPDX-License-Identifier: MPL-2.0" / "..")
        return any(0 <= j < len(lines) and text[lines[j].start : lines[j].end].startswith(".. ") for j in (index - 1, index + 1))
    if not _RST_ADORNMENT_RE.match(content):
        return False
    width = len(content.strip())
    for j in (index - 1, index + 1):
        if 0 <= j < len(lines):
            title = text[lines[j].start : lines[j].end]
            if title.strip() and _HEADING_TEXT_RE.match(title) and len(title.split()) <= 12 and width >= len(title.strip()):
                return True
    return False


def _setext_underline(doc: Document, index: int) -> bool:
    """True when line ``index`` underlines the line above it as a heading (above), or
    has its length to within ``UNDERLINE_SLACK`` characters (AsciiDoc's two-line title,
    ``FILES`` / ``-----`` / ``/etc/mailname``: no blank line needed after it)."""
    text, lines = doc.text, doc.lines
    if index == 0:
        return False
    above = text[lines[index - 1].start : lines[index - 1].end]
    if not _HEADING_TEXT_RE.match(above) or len(above.split()) > 12:
        return False
    under = text[lines[index].start : lines[index].end].strip()
    if abs(len(under) - len(above.strip())) <= UNDERLINE_SLACK and len(set(under)) == 1:
        return True
    after = text[lines[index + 1].start : lines[index + 1].end] if index + 1 < len(lines) else ""
    before_above = text[lines[index - 2].start : lines[index - 2].end] if index >= 2 else ""
    return not after.strip() and not before_above.strip()


UNDERLINE_SLACK = 2
_WORD_RE = lazy(r"[\p{L}\p{N}]")


def _block(doc: Document, index: int) -> list[str]:
    """The lines of the block (a run of non-blank lines) holding line ``index``."""
    text, lines = doc.text, doc.lines

    def content(j: int) -> str:
        return text[lines[j].start : lines[j].end]

    first = index
    while first > 0 and content(first - 1).strip():
        first -= 1
    last = index
    while last + 1 < len(lines) and content(last + 1).strip():
        last += 1
    return [content(j) for j in range(first, last + 1)]


def _framed_title(doc: Document, index: int) -> bool:
    """True when the rule line ``index`` (``-----``, ``=====``) and the same rule two lines
    above or below it frame one short line between them: a title written between an overline
    and an underline (SDL's change log: ``-----`` / ``2.26.0:`` / ``-----`` for each release)."""
    text, lines = doc.text, doc.lines
    rule = text[lines[index].start : lines[index].end].strip()
    for step in (-1, 1):
        other, middle = index + 2 * step, index + step
        if not 0 <= other < len(lines):
            continue
        title = text[lines[middle].start : lines[middle].end]
        if (text[lines[other].start : lines[other].end].strip() == rule and _WORD_RE.search(title)
                and len(title.split()) <= 12):
            return True
    return False


def _walled_box(doc: Document, index: int) -> bool:
    """True when line ``index`` belongs to a box drawn with one mark around a notice: every
    line of its block opens and ends with that mark, and a line has words between the walls
    (Inkscape's NEWS.md: ``=====`` / ``===  The authoritative version of the changelog is at  ===``
    / ``=====``). Its borders and empty walled lines are the box, not debris."""
    block = _block(doc, index)
    mark = block[0].strip()[:1]
    if len(block) < 3 or _WORD_RE.search(mark):
        return False
    walled = all(b.strip()[:1] == mark and b.strip()[-1:] == mark for b in block)
    return walled and any(_WORD_RE.search(b) for b in block)
# AsciiDoc's structure lines (``_common.asciidoc``): a delimited block's fence (``----``,
# ``....``, ``====``, ``****``, ``____``, ``++++``, ``////``, ``--``, ``|===``) and a
# list continuation (``+`` alone) are syntax, not debris.
_ASCIIDOC_STRUCTURE_RE = lazy(r"^[ \t]*(?:-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|/{4,}|--|\|===|\+)[ \t]*$")


# A line of closing brackets (and the ";" or "," a statement ends with) that closes the
# bracket an earlier line left open at its end: code pasted into a text without a fence
# (``if ($waitCount -ge $max) {`` ... ``}``, ``send_email(`` ... ``)``).
_CLOSERS_LINE_RE = lazy(r"^[ \t]*([)\]}]+)[;,]?[ \t]*$")
_OPENS = {")": "(", "]": "[", "}": "{"}


def _closes_code_block(doc: Document, index: int, content: str) -> bool:
    m = _CLOSERS_LINE_RE.match(content)
    if m is None:
        return False
    opener = _OPENS[m.group(1)[0]]
    text, lines = doc.text, doc.lines
    for j in range(index - 1, max(-1, index - 80), -1):
        line = text[lines[j].start : lines[j].end].rstrip()
        if line.endswith(opener) and len(line) > 1:
            return True
    return False


def _form_or_sum(doc: Document, index: int) -> bool:
    """True when the rule line ``index`` is a blank of a form (the document has blanks of
    ``___`` inside lines of text too: ``您的姓名： ____________``) or the bar of a sum (the
    lines just above and below it are formulas with ``=``: ``- (y + z = 1)`` / ``___`` /
    ``x = 4``)."""
    text = doc.text
    lines = doc.lines
    if "_" in text[lines[index].start : lines[index].end] and _INLINE_BLANK_RE.search(text):
        return True
    if 0 < index < len(lines) - 1:
        above, below = (text[lines[j].start : lines[j].end] for j in (index - 1, index + 1))
        if _ADDEND_RE.match(above) and _NUMBER_LINE_RE.match(below):
            return True  # "+960397912423686" / "-------" / "1007411131329104": a sum written in columns
        return "=" in above and "=" in below
    return False


_ADDEND_RE = lazy(r"^[ \t]*[+\-−×x*][ \t]*[\d.,]+[ \t]*$")
_NUMBER_LINE_RE = lazy(r"^[ \t]*[\d.,]+[ \t]*$")
_EMPTY_VALUE_RE = lazy(r"\s*[\p{P}\p{S}]{1,3}\s*")
# An operator of one to three characters, at least one a math symbol (``=``, ``<``,
# ``<=``, ``<>``, ``!=``, ``≠``): in a list of operators, each a paragraph followed by
# the paragraph that says what it means (a help table flattened to text: ``<=`` then
# "less than or equal to"), the term being defined.
# (``^`` is a modifier symbol, Sk: the "move up" button in a wizard's list of buttons)
_OPERATOR_LINE_RE = lazy(r"^[ \t]*(?=[^\n]*[\p{Sm}^])[\p{Sm}!&|^~*/%+-]{1,3}[ \t]*$")
_LETTER_RE = lazy(r"\p{L}")


def _operator_term(doc: Document, index: int) -> bool:
    """True when line ``index`` is an operator (``_OPERATOR_LINE_RE``), a paragraph of its
    own followed by a paragraph of words, and another such operator paragraph stands two
    paragraphs before or after it: a list of operators with their meanings."""
    text, lines = doc.text, doc.lines

    def content(j: int) -> str:
        return text[lines[j].start : lines[j].end] if 0 <= j < len(lines) else ""

    if not _whole_paragraph(doc, index) or not _LETTER_RE.search(content(index + 2)):
        return False
    return any(_OPERATOR_LINE_RE.match(content(j)) and _whole_paragraph(doc, j) for j in (index - 4, index + 4))


# A heading made of a few symbols over a section of words names a key, a button or an operator
# the section explains (LibreOffice help: ``## <<`` "Click to move all fields...", ``### +/-``
# "Zoom the chart in or out", ``## >``): the page's structure, written on purpose. At most
# ``_KEY_NAME_CHARS`` visible characters, not one mark repeated as a separator or an ellipsis
# (``## ***``, ``# ---``, ``## ...``: still reported).
_KEY_NAME_CHARS = 5
_ATX_MARKS_RE = lazy(r"^[ \t]{0,3}#{1,6}(?=[ \t])|[ \t]#+[ \t]*$")
_NOT_A_NAME_RE = lazy(r"([-*_=~.•·…#])\1*")
_UNDERLINE_RE = lazy(r"[ \t]*([=\-`:'\"~^_*+#<>.])\1*[ \t]*$")  # (a title's, as short as the title: "<<" / "==")


def _names_a_key(doc: Document, index: int, content: str) -> bool:
    """True when line ``index`` (``content``) is a section title (Markdown or reST: the parser's
    headings, ``markdown_containers``) made of a few symbols (above), and the next line with
    anything on it, past a title's underline, holds a letter and is no heading itself."""
    if index not in markdown_containers(doc)[HEADING_START]:
        return False
    name = "".join(_ATX_MARKS_RE.sub("", content).split())
    if not name or len(name) > _KEY_NAME_CHARS or _NOT_A_NAME_RE.fullmatch(name):
        return False
    text, lines = doc.text, doc.lines
    for j in range(index + 1, min(len(lines), index + 4)):
        line = text[lines[j].start : lines[j].end]
        if not line.strip() or _UNDERLINE_RE.match(line):
            continue  # the blank line or the underline under the title
        return _LETTER_RE.search(line) is not None and j not in markdown_containers(doc)[HEADING_START]
    return False


# A token the text documents, on a line of its own (fx45a, fresh32's LibreOffice help and man
# pages): a typed token of a few characters, ASCII punctuation or mathematical symbols, each
# a key on the keyboard (``.*``, a row of the help's table of regular expressions; ``-?``,
# flex(1)'s option; ``>>``, the button a section explains). Not a mark the text repeats as a
# value (``✓`` in every row of a table: not typed, and on ``_TOKEN_VALUE_LINES`` or more
# lines), nor one mark alone or repeated (``*``, ``.``, ``---``: a stray bullet or rule) unless
# it sits in a column of other tokens.
_TYPED_TOKEN_RE = lazy(r"[ \t]*(?=[^\n]*[!-/:-@\[-`{-~\p{Sm}])[!-/:-@\[-`{-~\p{Sm}]{1,5}[ \t]*")
_TOKEN_VALUE_LINES = 3
_TOKEN_REACH = 4  # lines between a token and its explanation or the next token of its column
_DEFINITION_REACH = 12  # lines between two entries of a definition list of tokens
_WRITTEN = frozenset({PROSE, HEADING})  # (a Markdown container's "///" fence is markup: no token)
_OPTION_TOKEN_RE = lazy(r"--?[^\s\w-][^\s]{0,2}")  # ("-?": an option named by a mark)
_OPTION_LINE_RE = lazy(r"[ \t]*--?[\w?][\w-]*(?:,|[ \t]+\S)")  # ("-h, --help ...", "-n     tùy chọn ...")


def _documented_token(doc: Document, index: int, content: str, memo: dict) -> bool:
    """True when line ``index`` (``content``) is a token the text documents (above): a typed
    token of at most ``_KEY_NAME_CHARS`` characters (``_TYPED_TOKEN_RE``), a paragraph of its
    own, written on fewer than ``_TOKEN_VALUE_LINES`` lines of the text, that either sits in a
    column of different tokens (another within ``_TOKEN_REACH`` lines: a table flattened to one
    cell a paragraph, LibreOffice's ``?`` / ``.`` / ``*`` / ``.*``), or is followed by a line of
    words within ``_TOKEN_REACH`` lines (``_explained``) and is an entry of a definition list
    (another token within ``_DEFINITION_REACH`` lines is explained too: the help's wildcards ``?``
    and ``*``, each over its meaning), or, when it is not one mark alone or repeated (``*``, ``---``: a bullet, a
    rule), an option among option lines (flex(1)'s ``-?`` between ``-n ...`` and ``-h, --help
    ...``) or the term opening a record's text (``>>`` then "Konfirmasi label saat ini ...": a
    help section made a record). ``|||`` between two paragraphs is none of these. ``memo`` (a
    dict, one per document) keeps the text's token lines."""
    if not _TYPED_TOKEN_RE.fullmatch(content) or not _entry_line(doc, index):
        return False
    token = content.strip()
    if _separator(token):
        return False
    if "at" not in memo:
        text, at, counts = doc.text, {}, {}
        for j, line in enumerate(doc.lines):
            stripped = text[line.start : line.end].strip()
            if stripped and _TYPED_TOKEN_RE.fullmatch(stripped) and not _separator(stripped) and _entry_line(
                    doc, j) and doc.kind_at(line.start + text[line.start : line.end].index(stripped)) in _WRITTEN:
                at[j] = stripped
                counts[stripped] = counts.get(stripped, 0) + 1
        memo["at"], memo["counts"] = at, counts
    at = memo["at"]
    if memo["counts"].get(token, 0) >= _TOKEN_VALUE_LINES:
        return False  # a mark the text writes as a value, row after row ("✓" is no typed token anyway)
    if any(at.get(j, token) != token for j in range(index - _TOKEN_REACH, index + _TOKEN_REACH + 1)):
        return True  # "?" / "." / "*" / ".*": a column of a table of tokens
    if not _explained(doc, index):
        return False
    if "explained" not in memo:
        memo["explained"] = {j: t for j, t in at.items() if memo["counts"][t] < _TOKEN_VALUE_LINES and _explained(doc, j)}
    explained = memo["explained"]
    if any(explained.get(j, token) != token for j in range(index - _DEFINITION_REACH, index + _DEFINITION_REACH + 1)):
        return True  # "?" then its meaning, "*" then its meaning: a definition list of tokens
    if _NOT_A_NAME_RE.fullmatch(token):
        return False  # "*" or "---" over words: an empty bullet or a rule, not a name
    if _OPTION_TOKEN_RE.fullmatch(token) and any(
            _OPTION_LINE_RE.match(doc.text, doc.lines[j].start, doc.lines[j].end)
            for j in range(max(0, index - _TOKEN_REACH), min(len(doc.lines), index + _TOKEN_REACH + 1)) if j != index):
        return True  # flex's "-?" between "-n  tùy chọn POSIX ..." and "-h, --help ...": an option list's term
    # ">>" opening a record's text, then "Konfirmasi label saat ini ...": a help section made a record, its
    # term first ("|||" between two paragraphs, or opening a file, is a page's debris)
    return getattr(doc, "record", None) is not None and not doc.text[: doc.lines[index].start].strip()


def _entry_line(doc: Document, index: int) -> bool:
    """True when line ``index`` stands as an entry: a paragraph of its own, or a line whose next
    line holds words (a help table flattened to one cell a line, no blank line between: ``>>`` /
    "Перенос всех перечисленных полей..." / ``>`` / ...; ``<=`` / "меньше или равно")."""
    if _whole_paragraph(doc, index):
        return True
    lines = doc.lines
    if index + 1 >= len(lines):
        return False
    below = doc.text[lines[index + 1].start : lines[index + 1].end]
    return _LETTER_RE.search(below) is not None


def _mojibake_line(doc: Document, start: int, content: str) -> bool:
    """True when the line at ``start`` (``content``) opens a span A105 reports (``in_mojibake``)
    that covers half its characters at least: UTF-8 Hebrew read as cp1255 is ``׳`` and symbols
    only (``׳×׳‘׳•׳�׳”``), one defect, A105's; its line is no layout debris."""
    lead = len(content) - len(content.lstrip())
    body = len(content.strip())
    return in_mojibake(doc, start + lead, start + lead + (body + 1) // 2)


def _separator(token: str) -> bool:
    """True for a token of one separator mark repeated (``***``, ``---``, ``...``, ``==``:
    ``_NOT_A_NAME_RE``, two marks or more): a rule or an ellipsis, never a documented token nor
    a cell of a column of them (``>>``, ``||`` name a button, an operator)."""
    return len(token) > 1 and _NOT_A_NAME_RE.fullmatch(token) is not None


def _explained(doc: Document, index: int) -> bool:
    """True when the next line with anything on it, within ``_TOKEN_REACH`` lines after line
    ``index``, holds a letter."""
    text, lines = doc.text, doc.lines
    for j in range(index + 1, min(len(lines), index + 1 + _TOKEN_REACH)):
        line = text[lines[j].start : lines[j].end]
        if line.strip():
            return _LETTER_RE.search(line) is not None
    return False


# A dash standing for a unit the text lacks, in a text of one unit a line (fixr29, on fresh29's
# Tanakh after the Leningrad Codex, one verse a line: "—" for Joshua 21:36-37, verses the
# codex lacks, keeps each later verse on its own line): one to three dashes (‒ – — ―) alone on
# a line whose nearest neighbours in its block, up to two on each side that are no such line
# (two at least), each end a sentence (``_UNIT_END_RE``: ``.``, ``!``, ``?``, ``;``, ``:``, the
# sof pasuq ``׃``, the ano teleia ``·``, the danda ``।``, ``。``..., then closing quotes or
# brackets). Deleting it would move every later verse onto its neighbour's line; between
# wrapped lines of prose, a paragraph of its own, or beside lines that do not end a
# sentence, a dash line is still reported.
_PLACEHOLDER_DASH_RE = lazy(r"[ \t]*[\u2012-\u2015]{1,3}[ \t]*")
_UNIT_END_RE = lazy(r"[\p{STerm}\u05c3\u0387\u00b7\u037e;:][\"'”’»)\]]*[ \t]*$")
_UNIT_NEIGHBOURS = 2  # lines read on each side of a dash line


def _unit_placeholder(doc: Document, index: int) -> bool:
    """True when line ``index``, a dash line, stands for a missing unit among lines that each
    end a sentence (above)."""
    text, lines = doc.text, doc.lines
    ends = 0
    for step in (-1, 1):
        j, seen = index + step, 0
        while 0 <= j < len(lines) and seen < _UNIT_NEIGHBOURS:
            content = text[lines[j].start : lines[j].end]
            if not content.strip():
                break  # the block's edge
            j += step
            if _PLACEHOLDER_DASH_RE.fullmatch(content):
                continue  # "—" / "—": two verses missing in a row
            if _UNIT_END_RE.search(content) is None:
                return False
            seen += 1
        ends += seen
    return ends >= 2


# fresh30's fortunes and French man pages (fixa30):
# - an e-mail quote's blank line (``>``, ``>>`` alone) in a block of ``>``-quoted lines: the
#   markers are the quoting structure of the mail (a Polish mailing-list fortune's ``>>``
#   between two quoted paragraphs); as Markdown's block quote blank line, in plain text.
# - a line of a drawing: its block (a run of non-blank lines, three at least) is mostly
#   symbols, letters and digits rare, drawn with many different marks (a fortune's ASCII
#   art ``| ;  :|``), not one separator repeated (a column of ``|-`` rows of a wiki table has
#   two marks: still reported).
# - a mark quoted in a sentence wrapped onto its last line (``FICHIER  vaut`` / ``« - ».``):
#   the mark is mentioned, one to three symbols between quotes, then the sentence's end.
_QUOTED_LINE_RE = lazy(r"^[ \t]*(?:>[ \t]?)+(?=[^\n]*\p{L})")
_ART_MIN_LINES = 3
_ART_MAX_WORD_SHARE = 0.15  # letters and digits among the block's visible characters
_ART_MIN_MARKS = 6  # distinct symbols the block is drawn with
_QUOTED_MARK_RE = lazy(r"^[ \t]*([«‹“„\"'‘‚])[ \t\u00a0\u202f]*[^\p{L}\p{N}\s]{1,3}[ \t\u00a0\u202f]*[»›”“\"'’‘][ \t]*[.!?;:,)]*[ \t]*$")
_SENTENCE_END_RE = lazy(r"[.!?:;][\"'”’»)\]]*[ \t]*$")


def _email_quote_blank(doc: Document, index: int, content: str) -> bool:
    """True when line ``index`` is quote markers only (``>``, ``> >``, ``>>``) and a line
    next to it is quoted text (``>> A moze zrobimy...``): the blank line of a quoted e-mail."""
    if _QUOTE_MARKERS_RE.sub("", content).strip():
        return False
    text, lines = doc.text, doc.lines
    return any(0 <= j < len(lines) and _QUOTED_LINE_RE.match(text[lines[j].start : lines[j].end])
               for j in (index - 1, index + 1))


def _ascii_art(doc: Document, index: int) -> bool:
    """True when the block holding line ``index`` is a drawing (above): ``_ART_MIN_LINES``
    lines at least, at most ``_ART_MAX_WORD_SHARE`` of its visible characters letters or
    digits, ``_ART_MIN_MARKS`` distinct symbols at least."""
    block = _block(doc, index)
    if len(block) < _ART_MIN_LINES:
        return False
    visible = [c for b in block for c in b if not c.isspace()]
    words = sum(1 for c in visible if c.isalnum())
    marks = {c for c in visible if not c.isalnum()}
    return words <= _ART_MAX_WORD_SHARE * len(visible) and len(marks) >= _ART_MIN_MARKS


def _quoted_mark_ending_sentence(doc: Document, index: int, content: str) -> bool:
    """True when line ``index`` is a mark between quotes ending a sentence (``« - ».``) and
    the line above is words whose sentence it ends (above)."""
    if not _QUOTED_MARK_RE.match(content) or index == 0:
        return False
    above = doc.text[doc.lines[index - 1].start : doc.lines[index - 1].end]
    return bool(_LETTER_RE.search(above)) and _SENTENCE_END_RE.search(above) is None


_MARKUP_ONLY = frozenset({MARKUP})


# A field of a Debian control file (deb822, RFC 822's form): a name at the margin, a colon, a value.
_CONTROL_FIELD_RE = lazy(r"[A-Za-z][A-Za-z0-9-]*:[ \t]+\S")
CONTROL_FIELDS = 2
CONTROL_REACH = 200  # lines up to the paragraph's start, at most (a field's description is a few dozen)


def _control_paragraph_blank(doc: Document, index: int) -> bool:
    """True when line ``index``, a ``.`` alone, lies in a paragraph that opens with
    ``CONTROL_FIELDS`` or more field lines (``Package: equivs`` / ``Priority: optional`` /
    ... / ``Description: Circumventing Debian package dependencies``): the blank line of a
    multi-line field, which Debian's control files write as " ." (its leading space lost
    when a page's example is flattened), not a stray full stop."""
    text, lines = doc.text, doc.lines
    first = index
    while first > 0 and index - first < CONTROL_REACH and text[lines[first - 1].start : lines[first - 1].end].strip():
        first -= 1
    if index - first <= CONTROL_FIELDS:
        return False
    return all(_CONTROL_FIELD_RE.match(text, lines[i].start, lines[i].end) for i in range(first, first + CONTROL_FIELDS))


class SymbolOnlyLine(DocumentRule):
    """A line made only of punctuation or symbols, carrying no word.

    What: A non-blank line without any letter or digit: separators (``***``, ``---``,
    ``|||``, ``• • •``), stray brackets or quotes, arrows, emoji rows. Lines with a
    digit are never flagged: dates (``24/1/2024``), times (``07:13 ص``), scores, prices
    and numbers are content even on a line of their own. In Markdown files, table
    delimiter rows (``| --- | :-: |``), thematic breaks (``---``), the blank line of
    a block quote (``>`` between two quoted paragraphs) and the closing fences of
    extension containers (pymdownx ``///`` and ``////``, ``:::``: ``markup`` regions, see
    ``corpuslint.structure``) are syntax, not debris, and are not flagged either, nor is
    the syntax of a MediaWiki page (.wiki, .wikitext, .mediawiki, or a .txt that clearly is
    wikitext: ``corpuslint.readers.wikitext`` reads it as markup), its tables' ``{|``,
    ``|-``, ``|``, ``|}`` lines, list markers and ``----``, and a line holding markup there,
    which continues its construct (``}}.`` closing a citation before the sentence's full
    stop); a line of symbols alone in its prose (a stray ``.`` paragraph) is reported; in plain
    text neither is the border of a drawing or an ASCII table (``+---+``, ``|   |`` above
    and below ``| A |``: a line of rules, corners and walls in a block with a drawn line
    that has words in it), a line to write on in a form (``___`` lines in a document whose
    lines of text have ``___`` blanks too), the rule under a sum (between two lines with
    ``=``, or under an addend and above the total: ``+960397`` / ``-------`` / ``1007``),
    the underline of a heading (Setext: ``Outline`` / ``-------``, a short line of words
    with blank lines around the pair, or any underline as long as the line above to within
    two characters: AsciiDoc's ``FILES`` / ``-----``), a title between an overline and the same
    underline (SDL's change log: ``-----`` / ``2.26.0:`` / ``-----``), a box drawn with one
    mark around a notice (every line of the block opens and ends with it, one holds words:
    Inkscape's ``=====`` / ``===  The authoritative version…  ===`` / ``=====``), an empty line
    of a reStructuredText comment (``..`` between ``.. Copyright…`` lines), the structure of an AsciiDoc
    document (``.adoc``, or text with three lines of AsciiDoc's own syntax:
    ``include::x[]``, ``linkgit:git-am[1]``, a labelled list's ``<head>::``, ``[verse]``):
    a delimited block's fence (``----``, ``....``, ``====``, ``|===``, ``--``) and a list
    continuation (``+`` alone), a line of closing brackets that closes a bracket an
    earlier line left open at its end (``if (...) {`` ... ``}``: code pasted without a
    fence), a line of Morse code (``.... . .-.. .-.. ---``), an operator in a list of
    operators, each a paragraph followed by the one that gives its meaning (a help page's
    table as text: ``=``, "equal to", ``<=``, "less than or equal to"), or a line of lost
    characters, lacuna marks (``□``, ``〓``) between sentence punctuation (``□□□、□□□。``,
    a line of a Song ci whose words are lost: deleting it deletes a line of the poem); nor is one mark of sentence
    punctuation (``?``, ``،``, ``;``: not a dash, asterisk or bar) that is a paragraph or a
    record of its own (an answer that is the mark the instruction asks for, a catalogue's
    list separator ``،``: a value, not debris; a stray ``-`` under a list is still
    reported); nor a ``.`` alone in a paragraph that opens with two or more fields of a Debian
    control file (``Package: equivs`` / ``Priority: optional`` / ... / ``Description: …``): the
    blank line of a multi-line field, deb822's ``" ."`` (debian-reference's example of equivs);
    nor, in a chat turn (a record whose role its reader knows: ``Document.role``),
    a separator of one mark repeated (``----``, ``****``, ``--``, ``---``) between the
    examples of a few-shot prompt or the parts of a message: chat text is written in
    Markdown, where such a line is a thematic break (an empty list item, ``*`` or ``-``
    alone, and a stray ``.`` are still reported); nor a Python cell marker (``#%%``,
    ``# %%``: a script pasted without a fence); nor an editor's elision mark, bracketed
    (``[...]``, ``[..]``, ``(…)``, ``# [...]`` in a commented configuration excerpt: text
    left out on purpose; a bare ``...`` is still reported); nor a section title (Markdown or
    reST) of a few symbols over a paragraph of words, which names the key, button or operator
    the section explains (LibreOffice help: ``## <<`` "Click to move all fields...", ``### +/-``;
    ``## ***`` or ``## ...`` is still reported); nor a typed token the text documents, a
    paragraph of its own of at most five ASCII marks or mathematical symbols, written on fewer
    than three lines (``_documented_token``): in a column of other tokens (LibreOffice's table of
    regular expressions flattened one cell a paragraph, ``?`` / ``.`` / ``*`` / ``.*``) or over
    the line that explains it, in a definition list of tokens (the table of wildcards, ``?``
    and ``*`` each over its meaning), as an option among option lines (flex(1)'s ``-?``) or as
    the term opening a record's text (the button ``>>``), also when the table was flattened to
    one cell a line with no blank line between (``>>`` / "Перенос всех перечисленных полей..." /
    ``>`` / ...), while ``|||`` between paragraphs and ``✓`` in every row of a flattened table
    stay reported; nor a line of a span A105 reports as mojibake (UTF-8 Hebrew read as cp1255
    is ``׳`` and symbols only: one defect, A105's); nor is a line holding inline
    code (the last
    line of a wrapped sentence: ``All paths must be relative URLs starting with`` /
    "`./`."); nor is anything in a plain-text document that
    quotes code (command lines, configuration, program output: see
    ``corpuslint.structure``): there ``}``, ``[...]``, ``-----`` and ``#`` lines
    belong to the quoted material; nor in a software message catalogue (the strings of
    a .po file, the ``message`` document kind: ``:``, ``{}.`` are messages); nor in a data
    set's record whose whole text is one to three marks (``-``, ``—``, ``?``, ``...``): a
    column's way of writing an empty value (149,140 such cells in a Sindhi WordNet CSV); nor
    one to three dashes (``—``, ``–``) standing for a unit the text lacks in a text of one unit a
    line: the nearest lines around it in its block, two at least, each end a sentence (a Tanakh
    one verse a line, ``—`` for Joshua 21:36-37, which the Leningrad Codex lacks: deleting it
    moves every later verse onto its neighbour's line); nor
    reStructuredText's syntax in a text not read as reST: ``::`` before an indented literal
    block, a title's adornment at least as long as the title (``****`` under it). Blank and
    whitespace-only lines belong to the whitespace family.
    Why: Such lines are layout debris from table cells, separators and widgets; they
    add no language and break paragraph statistics.
    Example: ``|||`` or ``* * *`` between paragraphs of a scraped article.
    Fix safety: Unsafe (scene-break markers like ``* * *`` can be intended in
    literature): removes the whole line and its line ending, plus one adjacent blank
    line when two blank lines would otherwise meet.
    """

    code = "A111"
    skip_kinds = MESSAGES  # software messages: see the docstring
    name = "symbol-only-line"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True
    # Not tables (delimiter rows), code (``}``, ``[...]`` lines) or Markdown syntax
    # (thematic breaks ``---``, list markers): only written text.
    regions = frozenset({PROSE, HEADING})

    def check(self, doc: Document):
        text = doc.text
        if not doc.is_markdown and not doc.is_wikitext and any(r.kind == CODE for r in doc.regions):
            return  # technical plain text: separators and punctuation lines belong to quoted output
        if getattr(doc, "record", None) is not None and _EMPTY_VALUE_RE.fullmatch(text):
            return  # a data set's field holding "-", "—" or "?": the value is empty, not debris
        adoc, tokens = None, {}  # (tokens: _documented_token's memo)
        for index, line in enumerate(doc.lines):
            content = text[line.start : line.end]
            if not _SYMBOL_LINE_RE.match(content) or not _VISIBLE_RE.search(content):
                continue
            if doc.is_wikitext and not doc.outside(line.start, line.end, _MARKUP_ONLY):
                continue  # "}}." closing a citation, "|-": a wiki page's line holding markup continues its construct
            if not doc.is_markdown and _ASCIIDOC_STRUCTURE_RE.match(content):
                if adoc is None:
                    adoc = asciidoc(doc)
                if adoc:
                    continue  # "----" around a listing, "+" joining a list item's paragraphs: AsciiDoc
            if not doc.is_markdown and asciidoc_listing(doc, line.start):
                continue  # "|$" in git-stripspace(1)'s listing of its input, '$' marking each line's end
            if not doc.is_markdown and _BORDER_RE.match(content) and _drawing(doc, index):
                continue  # "+---+" / "|   |" around "| A |": the border of a drawn box or table
            if not doc.is_markdown and _RULE_LINE_RE.match(content) and _form_or_sum(doc, index):
                continue  # a worksheet's line to write on, or the rule under a sum
            if not doc.is_markdown and _SETEXT_RULE_RE.match(content) and _setext_underline(doc, index):
                continue  # "Outline of functionality" / "-----": a heading underlined (Setext)
            if _SETEXT_RULE_RE.match(content.strip()) and _framed_title(doc, index):
                continue  # "-----" / "2.26.0:" / "-----": a title between an overline and an underline
            if _walled_box(doc, index):
                continue  # "=====" / "=== notice ===" / "=====": a box drawn around a notice
            if not doc.is_markdown and _rst_structure(doc, index, content):
                continue  # "::" before an indented literal block, "****" under a title: reST's syntax in its text
            if _closes_code_block(doc, index, content):
                continue  # "}" closing "if (...) {" above: code pasted without a fence
            if _LACUNA_LINE_RE.match(content):
                continue  # "□□□、□□□。": a line of a poem whose characters are lost
            if MORSE_RE.search(content):
                continue  # ".... . .-.. .-.. ---": a message in Morse code
            if _OPERATOR_LINE_RE.match(content) and _operator_term(doc, index):
                continue  # "<=" then "less than or equal to": a list of operators and their meanings
            if doc.role is not None and _SEPARATOR_RE.match(content):
                continue  # "----" between a few-shot prompt's examples: a chat turn's Markdown break
            if _PLACEHOLDER_DASH_RE.fullmatch(content) and _unit_placeholder(doc, index):
                continue  # "—" for Joshua 21:36, a verse the codex lacks, among lines of one verse each
            if _names_a_key(doc, index, content):
                continue  # "## <<" over "Click to move all fields...": a section about a button, its title
            if _documented_token(doc, index, content, tokens):
                continue  # ".*" in a column of "?", ".", "*"; ">>" over "Konfirmasi label ...": a token documented
            if not content.isascii() and _mojibake_line(doc, line.start, content):
                continue  # "׳×׳‘׳•׳�׳”": Hebrew read as cp1255, symbols only as read: A105's line
            if _ELISION_RE.fullmatch(content):
                continue  # "[...]": an excerpt's elision mark (text left out), not debris
            if _CELL_MARKER_RE.match(content):
                continue  # "#%%": a cell of a Python script pasted without a fence
            if content.strip() == "." and _control_paragraph_blank(doc, index):
                continue  # "Description: …" / "…" / "." / "…": the blank line of a debian/control field
            if _LONE_MARK_RE.match(content) and _whole_paragraph(doc, index):
                continue  # a record that is "?" (the answer asked for), a catalogue string "،"
            if doc.is_markdown and index in markdown_containers(doc)[BLOCKQUOTE]:
                if not _VISIBLE_RE.search(_QUOTE_MARKERS_RE.sub("", content)):
                    continue  # ">": the blank line of a block quote
            if _email_quote_blank(doc, index, content):
                continue  # ">>" between ">> quoted" lines: the blank line of a quoted e-mail
            if _quoted_mark_ending_sentence(doc, index, content):
                continue  # "FICHIER  vaut" / "« - ».": a mark quoted at the end of a wrapped sentence
            if not doc.is_markdown and _ascii_art(doc, index):
                continue  # "| ;  :|" in a block drawn with many marks: a line of ASCII art
            if doc.is_markdown and not doc.outside(line.start, line.end, _CODE_ONLY):
                continue  # a wrapped sentence's last line: "`./`." (the symbols are code)
            lead = len(content) - len(content.lstrip())
            stripped = content.strip()
            yield doc.finding(
                self,
                line.start + lead,
                line.start + len(content.rstrip()),
                f"line of symbols only `{stripped[:30]}`",
                fix=remove_line_fix(doc, index),
            )
