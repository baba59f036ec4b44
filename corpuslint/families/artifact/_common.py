"""Helpers shared by the artifact rules: clean whole-line removal, script profile, URL spans."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

from ...document import Document, Line
from ...findings import Edit, Fix
from ...text.lazy_regex import lazy
from ...text.memo import last_argument

# Scripts the residue rule can tell apart. Letters of any other script count towards
# the total only, so a document in an unlisted script simply has no dominant script.
SCRIPTS = ("Arabic", "Latin", "Cyrillic", "Greek", "Hebrew", "Han", "Hangul", "Devanagari", "Thai", "Armenian", "Georgian")
_SCRIPT_RES = {name: lazy(rf"\p{{Script={name}}}") for name in SCRIPTS}  # compiled at first use: a start
_SCRIPT_RUN_RES = {name: lazy(rf"\p{{Script={name}}}+") for name in SCRIPTS}  # on one script compiles ~3, not 22
_LETTER_RUN_RE = lazy(r"\p{L}+")

# A URL ends on a letter, digit, mark or one of ``/ # % & = + - @ $``: punctuation after
# it belongs to the sentence or the markup (``https://starlette.dev/)।`` before a
# Devanagari danda, ``**[FastAPI Cloud](https://fastapicloud.com)**``, a CJK ``。``);
# nor does it hold a square bracket, except an IPv6 host (``http://[::1]:8000``): a link
# whose text is its URL, ``[https://x.org](https://x.org/es)``, is two URLs; a parenthesis
# only in a pair (``wiki/Negation_(linguistics)``): ``[x](https://textlint.github.io/)ルール``
# ends at the ``/``; nor CJK punctuation (``https://localhost:10000。注意！``: ideographic
# full stop, full-width ``！（），：；？``), which a URL holds only percent-encoded.
URL_RE = lazy(
    r"""(?:\b(?:https?|s?ftps?|ssh|smb|davs?|afp|nfs|file|git|svn|rsync|irc|ldaps?|telnet)://(?:\[[0-9A-Fa-f:.]+\])?|\bwww\.)"""
    r"""(?:[^\s<>"'«»“”`\[\]()\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f]|\([^\s<>"'«»“”`\[\]()]*\))+(?<=[\p{L}\p{N}\p{M}/#%&=+\-@$)])""",
    regex.IGNORECASE,
)
# An e-mail address: a local part, "@", a host ending in a Latin top-level domain. Each part
# is written in one script: Latin letters, digits and ``_ . + -`` (``bug-sed``), or the
# letters of one other script (an internationalised address, RFC 6531: ``老板@公司.com``,
# a translated example). Where a text in a script without spaces glues its words to the
# address, the address starts and ends where the script changes: ``请将错误报告发送至bug-sed@gnu.org``
# (``bug-sed@gnu.org``), ``参会人员是john.doe@example.com和jane.doe@example.com`` (two
# addresses, not ``john.doe@example.com和jane.doe``).
_LOCAL_LATIN = r"\p{Latin}\p{M}0-9_.+\-"
_OTHER_LETTER = r"[^\W\p{Latin}0-9_]"  # a letter, mark or digit of another script
EMAIL_RE = lazy(
    rf"(?:(?<![{_LOCAL_LATIN}])[{_LOCAL_LATIN}]+|(?<![\w.+\-]){_OTHER_LETTER}(?:{_OTHER_LETTER}|[.+\-])*)"
    rf"@(?:[\p{{Latin}}\p{{M}}0-9\-]+|{_OTHER_LETTER}+)(?:\.(?:[\p{{Latin}}\p{{M}}0-9\-]+|{_OTHER_LETTER}+))*"
    r"\.[A-Za-z]{2,}(?![\p{Latin}\p{M}0-9_])"
)

# HTML's element names, and where A106 (html-tag) and A110 (links in text) see a tag.
HTML_TAGS = (
    "a abbr address article aside audio b big blockquote body br button caption center cite code col colgroup dd "
    "del details div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr "
    "html i iframe img input ins kbd label legend li link main mark meta nav noscript object ol optgroup option p "
    "picture pre q s samp script section select small source span strike strong style sub summary sup svg table "
    "tbody td template textarea tfoot th thead time title tr tt u ul var video wbr"
).split()
# An element name of ``HTML_TAGS`` as a pattern fragment: multi-letter names in any case;
# one-letter ones (a b i p q s u) only in lower case (``<I>``, ``<P>`` are placeholders in
# technical prose far more often than old HTML).
HTML_TAG_NAME_RE = (r"(?:(?i:" + "|".join(t for t in HTML_TAGS if len(t) > 1) + r")|["
                    + "".join(t for t in HTML_TAGS if len(t) == 1) + r"])")
# An HTML tag (open, close or empty, with or without attributes) or an HTML comment.
HTML_TAG_RE = lazy(r"<!--.*?-->|</?" + HTML_TAG_NAME_RE + r"(?:\s*/?>|\s+[^<>=]*=[^<>]*>)", regex.DOTALL)


def is_blank(doc: Document, line: Line) -> bool:
    return not doc.text[line.start : line.end].strip()


def remove_line_fix(doc: Document, index: int) -> Fix:
    """Unsafe fix deleting ``doc.lines[index]`` cleanly.

    The line goes together with its line ending. If that would leave two blank lines
    next to each other (blank line above and below), the blank line *above* goes too,
    so consecutive debris lines separated by blanks give adjacent, non-overlapping edits.
    The last line of a file without a final newline takes the preceding line ending
    instead, so the file keeps ending where the text ends. Nothing else is touched.
    """
    lines = doc.lines
    line = lines[index]
    prev = lines[index - 1] if index > 0 else None
    nxt = lines[index + 1] if index + 1 < len(lines) else None
    if not line.newline:  # last line, no final newline: take the previous line ending
        if prev is None:
            return Fix.unsafe(Edit(line.start, line.end))
        return Fix.unsafe(Edit(prev.end, line.end))
    end = line.end + len(line.newline)
    start = line.start
    prev_blank = prev is not None and is_blank(doc, prev)
    next_blank = nxt is not None and is_blank(doc, nxt)
    if prev_blank and (next_blank or nxt is None):
        start = prev.start  # blank above + blank (or end of file) below: drop the blank above
    elif prev is None and next_blank:
        end = nxt.end + len(nxt.newline)  # first line: do not leave the file starting blank
    return Fix.unsafe(Edit(start, end))


def line_index_at(doc: Document, offset: int) -> int:
    return doc.position(offset)[0] - 1


def dominant_script(text: str, *, min_letters: int, min_share: float) -> str | None:
    """The script holding at least ``min-share`` of the letters of ``text``, if any.

    Two passes over the text whatever the number of scripts: the candidate is the
    most frequent script among 64 letters sampled evenly, then its exact share is counted.
    """
    letters = "".join(_LETTER_RUN_RE.findall(text))
    total = len(letters)
    if total < min_letters:
        return None
    step = max(1, total // 64)
    votes: dict[str, int] = {}
    for ch in letters[::step]:
        for name, rx in _SCRIPT_RES.items():
            if rx.match(ch):
                votes[name] = votes.get(name, 0) + 1
                break
    if not votes:
        return None
    name = max(votes.items(), key=lambda kv: kv[1])[0]
    count = sum(map(len, _SCRIPT_RUN_RES[name].findall(letters)))
    return name if count >= min_share * total else None


def script_re(name: str):
    return _SCRIPT_RES[name]


def link_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses (other rules skip matches inside them)."""
    spans = [m.span() for m in URL_RE.finditer(text)]
    spans += [m.span() for m in EMAIL_RE.finditer(text)]
    spans.sort()
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def overlap_test(spans: list[tuple[int, int]]):
    """``inside(spans, start, end)`` as a function of ``(start, end)``, for many questions
    about one list: the spans sorted by start, each with the largest end up to it, bisected
    (``inside`` reads every span for each question: quadratic in a text of many links and ids)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach, top = [], float("-inf")
    for _, e in ordered:
        top = max(top, e)
        reach.append(top)

    def overlaps(start: int, end: int) -> bool:
        k = bisect_left(starts, end)  # the spans starting before ``end``
        return k > 0 and reach[k - 1] > start

    return overlaps


def near(doc: Document, start: int, end: int, cue, window: int = 160) -> bool:
    """True if ``cue`` (a compiled regex) matches within ``window`` characters of
    [start, end) on the same line: technical prose names what it shows ("the SHA256
    checksum 75f0...", "UUID=...", "like “Ã©”, it is probably a file encoded as UTF-8")."""
    line = doc.lines[line_index_at(doc, start)]
    return cue.search(doc.text, max(line.start, start - window), min(line.end, end + window)) is not None


# A modifier key in a key chord (``Alt+Print``, ``Shift + F10``, ``Ctrl+C``).
_MODIFIER = r"(?i:ctrl|control|alt|altgr|shift|super|meta|cmd|command|fn|win)[ \t]*\+[ \t]*"
_CHORD_RE = lazy(_MODIFIER + r"\S")
# Modifier names run together, as a chord's keys are when the markup between them is
# stripped (GNOME help's ``<key>Alt</key><key>Print</key>`` read as "AltPrint").
_GLUED_MODIFIERS = r"(?<![\p{L}\d])(?:Ctrl|Alt|AltGr|Shift|Super|Meta|Cmd)+"


# The name of a key printed on a PC keyboard that no scraper's widget is named: on a line of its
# own, a key of a table of keys (``names_a_key``); and those a widget may be named too.
_KEY_NAME_RE = lazy(r"(?i:end|pg ?up|pg ?dn|page ?up|page ?down|ins|del|backspace|esc|f\d{1,2}|caps ?lock"
                    r"|num ?lock|scroll ?lock)")
_WIDGET_KEY_NAME_RE = lazy(r"(?i:home|menu|print|insert|delete|tab|enter|return|space|pause)")
KEY_REACH = 8  # non-blank lines read on each side of a key name for another key's (a table's row: key, actions)


def names_a_key(doc: Document, index: int, word: str) -> bool:
    """True when the one-word line ``index`` (its text ``word``) is a key in a table of
    keyboard shortcuts: the document writes it in a chord (``Alt+Print``, so ``Print`` on
    a line of its own is that key; or ``AltPrint``, a chord whose markup was stripped), or a line next to it holds a chord (``Shift+F10 또는``
    then ``Menu``: "Shift+F10 or Menu"), or, ``word`` a key's name and a paragraph of its own, another
    such paragraph within ``KEY_REACH`` non-blank lines is the name of a key no widget bears
    (``_KEY_NAME_RE``: LibreOffice help's Greek table of keys flattened to a cell a paragraph,
    ``Home`` / its action / ... / ``End`` / ... / ``PgUp``).
    GNOME help's shortcut tables, not a share bar or a menu button left by a scraper."""
    text = doc.text
    if regex.search(_GLUED_MODIFIERS + regex.escape(word) + r"(?!\w)", text) is not None:
        return True  # "AltPrint", "ShiftPrint": a chord whose "+" the conversion to text dropped
    lines = doc.lines

    def paragraph(j: int) -> bool:  # (line j is a paragraph of its own: a table's cell, flattened)
        return all(not (0 <= k < len(lines)) or not text[lines[k].start : lines[k].end].strip() for k in (j - 1, j + 1))

    key = _WIDGET_KEY_NAME_RE.fullmatch(word) or _KEY_NAME_RE.fullmatch(word)
    for step in (-1, 1) if key and paragraph(index) else ():
        j, seen = index + step, 0
        while 0 <= j < len(lines) and seen < KEY_REACH:
            content = text[lines[j].start : lines[j].end].strip()
            j += step
            if content:
                seen += 1
                if _KEY_NAME_RE.fullmatch(content) and paragraph(j - step):
                    return True  # "Home" then "End", "PgUp", each a paragraph: a column of keys flattened
    if "+" not in text:
        return False
    if regex.search(_MODIFIER + regex.escape(word) + r"(?!\w)", text) is not None:
        return True
    for j in (index - 1, index + 1):
        if 0 <= j < len(lines) and _CHORD_RE.search(text, lines[j].start, lines[j].end):
            return True
    return False


# AsciiDoc (``.adoc``, or plain text with its syntax: ``include::x.txt[]``,
# ``linkgit:git-apply[1]``, a labelled list's ``--conflict=<style>::``, a block's
# attributes ``[verse]``, an anchor ``[[emacs]]``, a one-line title ``=== Emacs``).
ASCIIDOC_SUFFIXES = frozenset({".adoc", ".asciidoc", ".asc"})
_ASCIIDOC_MARK_RE = lazy(
    r"^(?:include::\S+\[[^\]\n]*\]|\S[^\n]*::|\[(?:verse|source|listing|literal|quote|NOTE|TIP|WARNING|"
    r"IMPORTANT|CAUTION|horizontal|subs=[^\]\n]*)(?:,[^\]\n]*)?\]|:[\w-]+:(?:[ \t][^\n]*)?"
    r"|\[\[[\w-]+\]\]|={2,5}[ \t]+\S[^=\n]*)[ \t]*$"
    r"|\blinkgit:[\w.-]+\[\d\]",
    regex.MULTILINE,
)
ASCIIDOC_MARKS = 3


def asciidoc(doc: Document) -> bool:
    """True for an AsciiDoc document: by its suffix, or plain text with ``ASCIIDOC_MARKS``
    or more lines of AsciiDoc's own syntax (``_ASCIIDOC_MARK_RE``)."""
    if doc.suffix in ASCIIDOC_SUFFIXES:
        return True
    return sum(1 for _ in zip(range(ASCIIDOC_MARKS), _ASCIIDOC_MARK_RE.finditer(doc.text))) >= ASCIIDOC_MARKS


_LISTING_FENCE_RE = lazy(r"^(-{4,}|\.{4,})[ \t]*$", regex.MULTILINE)


def _fence_step(text: str, m, opened: "str | None") -> "str | None":
    """The listing block open after fence match ``m``, ``opened`` before it (None: none)."""
    above_end = m.start() - 1
    above = text[text.rfind("\n", 0, max(above_end, 0)) + 1 : max(above_end, 0)].strip()
    if opened is None and above and abs(len(above) - len(m.group(1))) <= 2:
        return opened  # "SEE ALSO" / "--------": a title's underline, no fence
    if opened is None:
        return m.group(1)
    return None if m.group(1) == opened else opened


@last_argument
def _fences(doc: Document) -> tuple[list[int], list[int], list["str | None"]]:
    """The fence lines of ``doc`` (``_LISTING_FENCE_RE`` over the whole text): their starts
    and ends, and the block open after each (``_fence_step``), found once a document."""
    starts, ends, states, opened = [], [], [], None
    for m in _LISTING_FENCE_RE.finditer(doc.text):
        opened = _fence_step(doc.text, m, opened)
        starts.append(m.start())
        ends.append(m.end())
        states.append(opened)
    return starts, ends, states


def asciidoc_listing(doc: Document, start: int) -> bool:
    """True when offset ``start`` lies inside a listing or literal block of an AsciiDoc
    document (``asciidoc``): between a ``----`` (or ``....``) fence and the next fence of
    the same characters, the quoted output of a command (git-bisect's ``-------------`` /
    ``15722f2fa328…`` / ``-------------``). The fences above ``start`` are read from
    ``_fences`` (a scan of the text from its start for each offset was quadratic in a text
    of many ids); the text of ``start``'s line before it is read as a fence too."""
    text = doc.text
    starts, ends, states = _fences(doc)
    line_start = text.rfind("\n", 0, start) + 1
    k = bisect_right(ends, line_start) if starts else 0  # the fences on the lines above
    opened = states[k - 1] if k else None
    here = _LISTING_FENCE_RE.match(text, line_start, start)  # (its "$" at the offset, as finditer's end)
    if here is not None:
        opened = _fence_step(text, here, opened)
    if opened is None:
        return False
    return asciidoc(doc) and bool(starts) and starts[-1] >= start  # a fence at or below the offset
