"""A102 script-mismatch-residue."""

from __future__ import annotations

import regex

from ...document import Document
from ...findings import Severity
from ...rules import DocumentRule
from ...structure import ATTRIBUTION_LINE_RE, MESSAGES, is_command_word, reads_as_prose
from ...text.lazy_regex import lazy
from ...text.normalize import normalize_line
from ._common import (
    EMAIL_RE,
    SCRIPTS,
    URL_RE,
    dominant_script,
    names_a_key,
    remove_line_fix,
    script_re,
)
from .boilerplate import builtin_matcher

# A line of one repeated single letter, optionally with +/- (font-size widgets: A A, A A A, A- A A+).
_REPEATED_LETTER_RE = lazy(r"^\s*(\p{L})[+\-−]?(?:\s+\1[+\-−]?)+\s*$", regex.IGNORECASE)
_SENTENCE_PUNCT_RE = lazy(r"[.!?؟:;؛…,،\"“”«»'()\[\]。，、：；！？「」『』（）]")
_LETTER_RE = regex.compile(r"\p{L}")
_UPPER_RE = lazy(r"\p{Lu}")
_LOWER_RE = lazy(r"\p{Ll}")
_TOKEN_RE = regex.compile(r"\S+")
# The arguments of a command line: an option or a path (``tail -f /var/log/messages``).
_COMMAND_ARGS_RE = lazy(r"\s(?:--?[A-Za-z]|[\w.~-]*/)")
# A term of a list of command-line options: the line opens with an option (``-z --compress``,
# ``--help``, ``-o file`` over its description in a man page).
_OPTION_TERM_RE = lazy(r"--?[\p{L}\p{N}]")

# Interface labels that scrapers keep as lines of their own; matched case-insensitively,
# so capitalised buttons ("Search", "Facebook Twitter") are residue too.
UI_WORDS = frozenset(
    """search menu share print close login logout signup register subscribe home next
    previous prev more back top email e-mail tweet facebook twitter whatsapp telegram
    linkedin instagram youtube pinterest reddit tiktok snapchat messenger follow like comment comments reply
    send submit ok cancel loading advertisement ad ads sponsored toggle navigation open copy link copied
    english arabic français francais español deutsch en ar fr es de""".split()
)


# Interface labels in scripts without case (Arabic), and labels of several words (not
# their words alone: ``in`` on its own line is the inch in a table of units), matched as
# whole lines.
UI_PHRASES = frozenset(
    {"log in", "sign in", "sign up", "skip to content", "main menu", "بحث", "القائمة", "مشاركة", "شارك", "طباعة", "إغلاق", "تسجيل الدخول", "تسجيل الخروج", "اشترك", "الرئيسية",
     "التالي", "السابق", "المزيد", "تعليق", "تعليقات", "إرسال", "إلغاء", "إعلان", "تابعنا", "جستجو", "ورود", "خروج"}
)


def _written_in(doc: Document, line: str) -> bool:
    """True when a sentence of the document (a line of 6+ words ending in sentence
    punctuation) is written in the script of ``line``'s letters: the document is partly
    in that script (a half-translated help page), so a short line in it is not residue."""
    scripts = [name for name in SCRIPTS if script_re(name).search(line)]
    if not scripts:
        return False
    pattern = script_re(scripts[0])
    for other in doc.lines:
        text = doc.text[other.start : other.end]
        if len(text) > 20 and pattern.search(text) and reads_as_prose(text):
            if len(pattern.findall(text)) * 2 > len(_LETTER_RE.findall(text)):
                return True
    return False


CELL_TOKENS = 3


def _among_cells(doc: Document, index: int) -> bool:
    """True when line ``index`` is a paragraph of its own among short paragraphs: a
    paragraph of at most ``CELL_TOKENS`` tokens lies one or two paragraphs before or
    after it. A table flattened to one cell a paragraph (LibreOffice help's units:
    ``Χιλιοστό`` / ``mm`` / ``2``; a formula's variables ``P`` / ``p`` / ``X``) or a list
    of terms and their descriptions (``^`` / "Click to move up" / ``v``)."""
    text, lines = doc.text, doc.lines

    def blank(j: int) -> bool:
        return not (0 <= j < len(lines)) or not text[lines[j].start : lines[j].end].strip()

    if not (blank(index - 1) and blank(index + 1)):
        return False
    for step in (-1, 1):
        j, seen = index + step, 0
        while 0 <= j < len(lines) and seen < 2:
            if not blank(j):
                seen += 1
                if len(text[lines[j].start : lines[j].end].split()) <= CELL_TOKENS:
                    return True
            j += step
    return False


COLUMN_REACH = 2  # non-blank lines read on each side of a line for another cell of its column
REFERENCE_CELLS = 3  # column cells that make a document a reference page (every short term in it a term)
_CELL_WORD_RE = lazy(r"[\p{L}\p{N}]")


def _cell(text: str, dominant: str, max_tokens: int) -> bool:
    """True when ``text`` could be a cell of a column: 1 to ``max_tokens`` tokens with a
    letter or digit, none of the ``dominant`` script, no sentence punctuation, and not only
    interface labels (``inactive``, ``c - character``, ``z=1024``, ``222+``)."""
    tokens = _TOKEN_RE.findall(text)
    if not 0 < len(tokens) <= max_tokens or not _CELL_WORD_RE.search(text) or script_re(dominant).search(text):
        return False
    if _SENTENCE_PUNCT_RE.search(text):
        return False  # "[stderr]" over "%r": a message's lines, not a table's cells
    return not all(t.casefold() in UI_WORDS for t in tokens)


def _in_column(doc: Document, index: int, dominant: str, max_tokens: int) -> bool:
    """True when another cell (``_cell``) lies within ``COLUMN_REACH`` lines of line ``index``
    in its block: a column of a table flattened to one cell a line, no blank line between (Double
    Commander's help in Russian: the parameter values ``active`` / "будут скопированы вкладки из
    активной панели..." / ``inactive`` / ... / ``both``; ``d - directory`` among ``c - character``
    and ``f - fifo``; ``x`` over its meaning, then ``z=1024``). A scraper's widget stands alone
    in the article (``search`` between two paragraphs)."""
    text, lines = doc.text, doc.lines
    for step in (-1, 1):
        j, seen = index + step, 0
        while 0 <= j < len(lines) and seen < COLUMN_REACH:
            content = text[lines[j].start : lines[j].end].strip()
            j += step
            if not content:
                break  # the block's edge: a column is one block of lines
            seen += 1
            if _cell(content, dominant, max_tokens):
                return True
    return False


def _reference_page(doc: Document, dominant: str, max_tokens: int, memo: dict) -> bool:
    """True when at least ``REFERENCE_CELLS`` lines of the document are cells in a column
    (``_in_column``): a reference page whose tables were flattened to lines, so its other short
    lines in a foreign script are terms too (``confirmation`` over ``1/true/on/yes``, under the
    header "Параметр Значение Описание"). ``memo``: one dict per document."""
    if "reference" not in memo:
        text, count = doc.text, 0
        for j, line in enumerate(doc.lines):
            content = text[line.start : line.end].strip()
            if content and _cell(content, dominant, max_tokens) and _in_column(doc, j, dominant, max_tokens):
                count += 1
                if count >= REFERENCE_CELLS:
                    break
        memo["reference"] = count >= REFERENCE_CELLS
    return memo["reference"]


# A definition list's description (Pandoc, PHP Markdown Extra; markdownify writes a <dl> so):
# ":   Its text", the colon or tilde indented up to three spaces, under its term.
_DEFINITION_RE = lazy(r"[ ]{0,3}[:~][ \t]+\S")


def _definition_term(doc: Document, index: int) -> bool:
    """True when the line at ``index`` is the term of a definition list: the next line, or
    the one after a single blank line, opens with the description's marker (``:   ``)."""
    lines, text = doc.lines, doc.text
    for step in (1, 2):
        j = index + step
        if j >= len(lines):
            return False
        line = lines[j]
        if _DEFINITION_RE.match(text, line.start, line.end):
            return True
        if text[line.start : line.end].strip():
            return False
    return False


def _attribution(doc: Document, index: int) -> bool:
    """True when the line at ``index`` is a quotation's attribution (``ATTRIBUTION_LINE_RE``:
    a dash, then a name) right under a line of text: fortunes-ru's "\t\t-- janoo" under a
    Russian fortune names its author by a nick in Latin letters."""
    lines, text = doc.lines, doc.text
    line = lines[index]
    if index == 0 or ATTRIBUTION_LINE_RE.match(text, line.start, line.end) is None:
        return False
    above = lines[index - 1]
    return bool(text[above.start : above.end].strip())


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _item_term(doc: Document, index: int) -> bool:
    """True when the line at ``index`` is the term of an indented definition list: the next
    line holds text indented deeper (a man page's item, ``set backup`` or ``-# --fast
    --best`` at 7 columns over its description at 10)."""
    lines, text = doc.lines, doc.text
    if index + 1 >= len(lines):
        return False
    this, below = lines[index], lines[index + 1]
    term, description = text[this.start : this.end], text[below.start : below.end]
    return bool(description.strip()) and _indent(description) > _indent(term)


class ScriptMismatchResidue(DocumentRule):
    """Short widget-residue line in a foreign script, or a line of repeated single letters.

    What: In a document whose letters are at least ``min-share`` (default 80 %) one
    script (Arabic, Latin, Cyrillic, ...; at least ``min-letters`` letters), a line of at
    most ``max-tokens`` (3) tokens that holds no letter of that script, no digits and
    no sentence punctuation, and whose words are either all lower-case / caseless or all
    interface labels (search, menu, share, print, Facebook, ...). Separately, in any
    document: a line made of one single letter repeated, optionally with + / −
    (``A A``, ``A A A``, ``A- A A+``: font-size widgets).
    Lines in a script without case (Persian or Chinese menu labels and headings in a
    help text that is mostly English) are flagged only when they are interface labels,
    and not when the document has sentences in that script (a partly translated help
    page: `ورود`, the Enter key in its shortcut table, is a translated label).
    Capitalised short lines (``Reuters``, ``Transparency News``) are *not* flagged:
    they are usually source credits or names, and a line that mixes in the dominant
    script (``*المصدر:   Transparency News``) or sits in a sentence is never flagged.
    Nothing is flagged in a software message catalogue (the strings of a .po file, see
    A103): its short lines are the interface's messages (``%r``, an untranslated label).
    Neither is a key in a table of keyboard shortcuts (``Menu`` after ``Shift+F10 또는``,
    "Shift+F10 or"; ``Home`` in a column of keys with ``End`` and ``PgUp``, LibreOffice help in
    Greek: ``_common.names_a_key``) nor a command on a line of its own (a
    known command with an option or a path: ``tail -f /var/log/messages`` in a Russian
    help page), nor a term of a list of command-line options (``-z --compress``, ``--help``
    over its description in a Ukrainian man page) or of any list whose description is
    indented deeper on the next line (``set backup``, ``-# --fast --best`` in a man page),
    nor a quotation's attribution under its text (a dash, then the name: ``-- janoo`` under a
    Russian fortune),
    nor a definition list's term over its
    ``:   description`` (Pandoc, PHP Markdown Extra: the installation guide's ``console-setup``,
    ``**fdisk**`` in Greek and Korean), nor a word that is no interface label standing as a paragraph of its own
    one or two paragraphs from another short paragraph (at most three tokens): a cell
    of a table flattened to text (LibreOffice help's units ``Χιλιοστό`` / ``mm`` /
    ``2``, a formula's variables ``P`` / ``p`` / ``X``) or a term in a list of terms and
    their descriptions (``^`` / "Click to move up" / ``v``), nor a cell of a table flattened
    to one cell a line, with another such short line within two lines (Double Commander's
    Russian help: ``active`` / its meaning / ``inactive`` / ... / ``both``), nor a short term
    on a page with three such cells or more (a reference page: ``activepath`` over the value
    ``путь``).
    Lines in the built-in boilerplate catalogue (``Share``, ``Advertisement``) are left
    to A103, so one line gets one finding.
    The dominant script is measured on written text only (code, command lines and
    program output excluded: a Chinese handbook quoting shell sessions is Chinese), and
    full-width punctuation (``，。：``) counts as sentence punctuation.
    Why: Buttons, search boxes and font-size widgets survive HTML-to-text conversion
    as tiny lines in another script; they are noise in a monolingual corpus and skew
    language-identification and script statistics.
    Example: ``A A`` (samples/news-ar/002, line 13) and ``search`` (002, line 47) in an
    Arabic article.
    Fix safety: Unsafe: removes the whole line and its line ending, plus one adjacent
    blank line when two blank lines would otherwise meet.
    """

    code = "A102"
    skip_kinds = MESSAGES  # software messages: see the docstring
    name = "script-mismatch-residue"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True
    options = {"max-tokens": 3, "min-letters": 200, "min-share": 0.8}

    def check(self, doc: Document):
        dominant = None
        dominant_checked = False
        memo: dict = {}
        max_tokens = int(self.opts["max-tokens"])
        for index, line in enumerate(doc.lines):
            content = doc.text[line.start : line.end]
            stripped = content.strip()
            if not stripped or len(stripped) > 60:
                continue
            if _REPEATED_LETTER_RE.match(stripped):
                yield self._finding(doc, index, content, f"repeated single letter `{stripped}` (widget residue)")
                continue
            tokens = _TOKEN_RE.findall(stripped)
            if len(tokens) > max_tokens or not _LETTER_RE.search(stripped):
                continue
            if _SENTENCE_PUNCT_RE.search(stripped) or regex.search(r"\p{N}", stripped):
                continue
            if URL_RE.search(stripped) or EMAIL_RE.search(stripped):
                continue
            if not dominant_checked:
                dominant = dominant_script(
                    doc.masked(), min_letters=int(self.opts["min-letters"]), min_share=float(self.opts["min-share"])
                )
                dominant_checked = True
            if dominant is None:
                return
            if script_re(dominant).search(stripped):
                continue
            if builtin_matcher().match(normalize_line(stripped)):
                continue  # "Share", "Advertisement": A103 reports it with its catalogue entry
            lowered = [t.casefold() for t in tokens]
            all_ui = all(t in UI_WORDS for t in lowered) or " ".join(lowered) in UI_WORDS | UI_PHRASES
            if not all_ui and _UPPER_RE.search(stripped):
                continue  # capitalised: a name or source credit, not a widget
            if not all_ui and not _LOWER_RE.search(stripped):
                continue  # caseless script (Persian, Arabic, CJK): a label or heading, not a widget
            if _written_in(doc, stripped):
                continue  # a partly translated page: its short lines in the other script are labels
            if not all_ui and _among_cells(doc, index):
                continue  # "Χιλιοστό" / "mm" / "2": a cell of a table flattened to paragraphs
            if not all_ui and (_in_column(doc, index, dominant, max_tokens) or _reference_page(doc, dominant, max_tokens, memo)):
                continue  # "active" / its meaning / "inactive": a column of a table flattened to lines
            if len(tokens) == 1 and names_a_key(doc, index, stripped):
                continue  # "Shift+F10 또는" / "Menu": a key in a table of shortcuts
            if _definition_term(doc, index):
                continue  # "console-setup" / ":   Παρουσιάζει μία λίστα...": a definition list's term, a program's name
            if _OPTION_TERM_RE.match(stripped) or _item_term(doc, index):
                continue  # "-z --compress", "set backup" over its indented description: a man page's item, not a widget
            if len(tokens) > 1 and is_command_word(tokens[0]) and _COMMAND_ARGS_RE.search(stripped):
                continue  # "tail -f /var/log/messages": a command shown on its own line
            if _attribution(doc, index):
                continue  # "-- janoo" under a Russian fortune: its author, not a widget
            yield self._finding(
                doc,
                index,
                content,
                f"short line `{stripped}` with no {dominant}-script letters in a document written in {dominant} script",
            )

    def _finding(self, doc: Document, index: int, content: str, message: str):
        line = doc.lines[index]
        lead = len(content) - len(content.lstrip())
        trail = len(content.rstrip())
        return doc.finding(self, line.start + lead, line.start + trail, message, fix=remove_line_fix(doc, index))
