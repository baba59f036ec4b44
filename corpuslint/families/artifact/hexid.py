"""A101 hex-id-fragment."""

from __future__ import annotations

import ipaddress
import re

import regex

from ...document import Document
from ...findings import Edit, Fix, Severity
from ...rules import DocumentRule
from ...structure import is_changelog
from ...text.lazy_regex import lazy  # compiled at first use: most text needs none of these
from ...text.lines import finditer_on_lines, lines_holding
from ._common import asciidoc_listing, line_index_at, link_spans, near, overlap_test, remove_line_fix

_SEP = r"[\p{Pd}:]"  # any Unicode dash (- ‐ ‑ – — ...) or a colon
# Dash/colon-separated groups of hex digits, standing alone (not glued to letters/digits).
# (An underscore glues it to a name: ``ks_c-5601-1987``, an encoding's alias, is one token.)
_GROUPED_RE = lazy(rf"(?<![\p{{L}}\p{{N}}\p{{Pd}}:_])[0-9A-Fa-f]{{1,12}}(?:{_SEP}[0-9A-Fa-f]{{1,12}})+(?![\p{{L}}\p{{N}}_]|{_SEP}[\p{{L}}\p{{N}}])")
# One long hex run (hashes, object ids).
_HEXRUN_RE = lazy(r"(?<![\p{L}\p{N}])[0-9A-Fa-f]{12,}(?![\p{L}\p{N}])")
# Long base64 / url-safe base64 runs (tokens, tracking ids).
_B64_RE = lazy(r"(?<![\p{L}\p{N}+/_-])[A-Za-z0-9+/_-]{24,}={0,2}(?![\p{L}\p{N}+/_=-])")
# What each _GROUPED_RE match holds (``finditer_on_lines`` scans only the lines with one;
# ``re``): two hex digits around a character that is no letter, digit or space (a dash or
# a colon is one).
_GROUPED_TRIGGER = re.compile(r"[0-9A-Fa-f][^\s0-9A-Za-z][0-9A-Fa-f]")
# What each _HEXRUN_RE and _B64_RE match holds (hex digits are base64 characters): the
# lines they are run on (``re``, one scan for both).
_RUN_TRIGGER = re.compile(r"[A-Za-z0-9+/_-]{12}")
_DIGIT_THEN_HEXLETTER = lazy(r"[0-9][A-Fa-f]")
_HEXLETTER = lazy(r"[A-Fa-f]")
_DIGIT = lazy(r"[0-9]")
_SPLIT_RE = lazy(_SEP)
_WORDY_RE = lazy(r"[\p{L}\p{N}]")


# Words that introduce an identifier shown on purpose in technical prose, numbered or not
# ("wireless-key1 0123-4567-89ab-cdef" in a configuration example).
ID_CUE_RE = lazy(
    r"(?i)(?<![\p{L}\p{N}])(?:uuids?|guids?|hash(?:es|ed)?|checksums?|sha-?(?:1|224|256|384|512)?(?:sums?)?|md5(?:sums?)?"
    r"|b2sums?|blake2\w*|crc(?:32)?|fingerprints?|mac|ipv[46]|ip|(?:e-?mail\s)?address(?:es)?|ids?|identifiers?|keys?"
    r"|keyids?|commits?|digests?|signatures?|pgp|gpg|tokens?|serial|devices?|hex(?:adecimal)?|vendor|product"
    r"|base64)\d*(?![\p{L}\p{N}])"
)
_MONTH_RE = lazy(r"(?i)(?:^|[\p{Pd}:])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:$|[\p{Pd}:])")


# A number in E notation, its exponent negative (`8762E-137`: digits, an E, a dash, at most
# three digits): a float literal, whose one hex letter is the exponent's.
_E_NOTATION_RE = lazy(r"[0-9]+[Ee]\p{Pd}[0-9]{1,3}")
# Two-digit groups of a clock time, a letter typed for a digit (a WebVTT cue's `00:00:1d`).
_TIMESTAMP_RE = lazy(r"[0-9]{2}:[0-9][0-9a-fA-F]:[0-9][0-9a-fA-F]|[0-9]{2}:[0-9][0-9a-fA-F]")


def _grouped_is_id(token: str) -> bool:
    if ":" in token and regex.search(r"\p{Pd}", token):
        return False  # mixed dash and colon: references like 10514-1:1996, not an id
    if _MONTH_RE.search(token):
        return False  # a date: 28-Feb-2021
    groups = _SPLIT_RE.split(token)
    hexchars = sum(len(g) for g in groups)
    if not (_HEXLETTER.search(token) and _DIGIT.search(token)):
        return False  # pure numbers (dates, phones, ISBNs) and hex-looking words (bead-face)
    if _TIMESTAMP_RE.fullmatch(token):
        return False  # a subtitle's timestamp mistyped (`00:00:1d.890`: F009's), not an id
    if _E_NOTATION_RE.fullmatch(token):
        return False  # a number in E notation (`8762E-137` in a Python example): its only letter the exponent's
    if _designation(groups):
        return False  # a report's or a part's number, letters then digits (``ABC-DE-12-345``), not an id
    if len(groups) >= 3 and hexchars >= 6:
        return True
    # two groups: only if long and "hexy" (a letter after a digit, as in 2a02 / 4f) --
    # model numbers put their letters first (A350-1000, F-16).
    return hexchars >= 8 and bool(_DIGIT_THEN_HEXLETTER.search(token))


# A Unicode code point's prefix (``U+2000-200A``: a range of code points, as a font's
# change log lists the glyphs it added).
_CODE_POINT_PREFIX = ("U+", "u+")
# A compiler's location: a file name's extension, then a line and a column
# (``builtin.c:968:44: error:``, ``process.c:567:14: warning:``), glued to the name by a dot.
_SOURCE_LOCATION_RE = lazy(r"[A-Za-z]\w{0,3}(?::[0-9]+){1,2}")
_NAME_BEFORE_DOT_RE = lazy(r"[\w-]\.\Z")


def _code_point_range(text: str, start: int) -> bool:
    """True when the hex groups at ``text[start]`` follow ``U+``: a range of Unicode code
    points (``U+2000-200A``), named as such."""
    return text[max(0, start - 2) : start] in _CODE_POINT_PREFIX


def _source_location(text: str, start: int, token: str) -> bool:
    """True when ``token`` (at ``text[start]``) is a file name's extension, a line number and
    a column glued to the name by a dot (GCC's ``builtin.c:968:44``, matched as ``c:968:44``)."""
    return (_SOURCE_LOCATION_RE.fullmatch(token) is not None
            and _NAME_BEFORE_DOT_RE.search(text, max(0, start - 2), start) is not None)


# A git object name (abbreviated to 7 or more hex digits, or full: 40) or an OpenPGP key ID
# or fingerprint (16 or 40 hex digits): hex digits of one case, as git and gpg print them.
_GIT_NAME_RE = lazy(r"[0-9a-f]{7,40}|[0-9A-F]{7,40}")


def _git_name(token: str) -> bool:
    """True when ``token`` is written as git prints a commit (``e80c52986e1bb3afa6a9…``) or gpg
    a key (``A5189DB69C1164D33002936646502EF796917195``): one case, at most 40 digits."""
    return _GIT_NAME_RE.fullmatch(token) is not None


def _designation(groups: list[str]) -> bool:
    """True when dashed groups are each all letters or all digits, the letters first: a
    report's, a standard's or a part's number (groff_mdoc(7)'s citation example "Technical
    Report ABC-DE-12-345"), as model numbers are (``F-16``). Random hex mixes letters and
    digits inside a group (``2a02-4780-11–4f``) or puts digits first."""
    kinds = ["L" if g.isalpha() else "D" if g.isdigit() else "" for g in groups]
    return all(kinds) and "L" in kinds and "DL" not in "".join(kinds)


def _run_is_id(token: str) -> bool:
    return (len(_DIGIT.findall(token)) >= 2 and len(_HEXLETTER.findall(token)) >= 2 and not _counting(token)
            and not _stepping(token) and not _padded(token))


COUNTING_SHARE = 0.75


def _stepping(token: str) -> bool:
    """True when the hex digits of ``token`` mostly count up one by one (``COUNTING_SHARE`` of
    its neighbours at least: Tcl's string(3tcl) searches ``0a23456789abcdef``, the digits
    0-f with one changed): a value typed to show something, not a hash (a random pair steps
    up with odds of 1 in 16)."""
    values = [int(c, 16) for c in token]
    steps = sum(1 for a, b in zip(values, values[1:]) if b == a + 1)
    return steps >= COUNTING_SHARE * (len(values) - 1)


def _padded(token: str) -> bool:
    """True when half or more of the digits of ``token`` are zeros: numbers printed in fixed
    width (pg_resetxlog(1)'s WAL file name ``000000FF0000003A``, a timeline and a segment),
    not a hash, whose 16 digits hold one zero on average (8 or more with odds under 1 in 10^5)."""
    return 2 * token.count("0") >= len(token)


def _counting(token: str) -> bool:
    """True for a made-up value that counts, its letters and its digits each running up one
    by one (a dialogue's new password ``A1b2C3d4E5f6``, ``0123456789abcdef``): an example
    typed on purpose, never a hash's or a scraper's random digits."""
    letters = [ord(c) for c in token.lower() if c.isalpha()]
    digits = [int(c) for c in token if c.isdigit()]
    return all(len(run) >= 2 and all(b == a + 1 for a, b in zip(run, run[1:])) for run in (letters, digits))


# A code identifier in CamelCase, made of capitalised words and numbers (Sphinx's
# ``RemovedInSphinx30Warning``): its class changes are word boundaries, not randomness.
_CAMEL_WORDS_RE = lazy(r"(?:[A-Z][a-z]+|[0-9]+)+")
_CAMEL_WORD_RE = lazy(r"[A-Z][a-z]+")


_B64_SEGMENT_SPLIT = lazy(r"[/+_=-]+")
_CLASS_CHANGE = lazy(r"(?<=[A-Z])(?=[a-z0-9])|(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Za-z])")


def _b64_is_id(token: str) -> bool:
    """Mixed case and digits, and one long segment whose character classes keep changing.

    Paths and identifiers (``include/GLES2/gl2platform``, ``0-with-GPL2-LGPL2-Exception``)
    are made of short word-like segments; random base64 has a segment of 16+ characters
    where upper case, lower case and digits alternate (a class change at >= 30 % of the
    positions, against about 60 % for random base64 and well under 30 % for words).
    """
    if not (regex.search(r"[A-Z]", token) and regex.search(r"[a-z]", token) and len(_DIGIT.findall(token)) >= 2):
        return False
    longest = max(_B64_SEGMENT_SPLIT.split(token), key=len)
    if len(longest) < 16:
        return False
    if _CAMEL_WORDS_RE.fullmatch(longest):
        words = _CAMEL_WORD_RE.findall(longest)
        if len(words) >= 3 and sum(map(len, words)) >= 4 * len(words):
            # RemovedInSphinx30Warning: capitalised words of 4+ letters on average, and numbers;
            # also a name's part after a dash (xvidtune(1)'s XFree86-VidModeExtension)
            return False
    return len(_CLASS_CHANGE.findall(longest)) >= 0.3 * (len(longest) - 1)


# A MAC address written out in full: six two-digit groups, all colons or all dashes.
_MAC_RE = lazy(r"[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}")


def _is_ipv6(token: str) -> bool:
    """True for an IPv6 address written out in full (eight colon-separated groups)."""
    if token.count(":") != 7:
        return False
    try:
        ipaddress.IPv6Address(token)
    except ValueError:
        return False
    return True


class HexIdFragment(DocumentRule):
    """Hex, UUID, IPv6 or base64 identifier fragments left inside prose.

    What: A token that is an identifier, not language: (a) dash- or colon-separated
    groups of hex digits, with any Unicode dash (``2a02-4780-11–4f``, UUIDs, IPv6
    pieces), flagged when the token mixes digits and hex letters and has
    three or more groups (at least 6 hex digits), or two groups with at least 8 hex
    digits and a letter right after a digit (``2a02-4780``); the separators must be all
    dashes or all colons (``10514-1:1996E`` is a standard's reference); (b) a run of 12+ hex
    digits with at least two digits and two letters (hashes, object ids); (c) a run of
    24+ base64 characters mixing upper case, lower case and at least two digits
    (tokens, tracking ids) in which one segment of 16+ characters keeps switching
    between upper case, lower case and digits (file paths and code identifiers made of
    word-like pieces do not). Tokens inside URLs and e-mail addresses are left to A110, also
    in the part of a URL a man page wraps onto the next line (capabilities(7):
    ``⟨https://archive.org/details`` / ``/posix_1003.1e-990310⟩``).
    Not flagged: numbers, dates, phone numbers and ISBNs (no hex letters), words that
    happen to be hex (``cafe-bad``: no digits), model numbers whose letters come first
    (``A350-1000``, ``F-16``, ``كى إن-٢٣``), dates with month names (``28-Feb-2021``),
    IPv6 addresses written with ``::`` or in full, MAC addresses written in full
    (``20:68:9D:89:23:C1``: six two-digit groups), a clock time with a letter typed for a digit
    (a WebVTT cue's ``00:00:1d.890``: F009 names that problem), a code identifier in CamelCase
    made of words and numbers (``RemovedInSphinx30Warning``; also as the part of a dashed name
    that looks random, the X extension ``XFree86-VidModeExtension``), a made-up value whose letters and
    digits count up (a dialogue's new password ``A1b2C3d4E5f6``) or whose hex digits mostly step up
    one by one (string(3tcl)'s ``string first a 0a23456789abcdef``), a run half of whose digits are
    zeros (pg_resetxlog(1)'s WAL file name ``000000FF0000003A``: numbers printed in fixed width), a
    report's or a part's number whose dashed groups are each letters or digits, the letters first
    (groff_mdoc(7)'s "Technical Report ``ABC-DE-12-345``"), a number in E notation
    (``8762E-137``), a user name mentioned after ``@`` (a changelog's ``by @abc1763613206``), a range
    of Unicode code points after ``U+`` (a font's change log: ``added U+2000-200A to Mono``), a
    compiler's location glued to a file name (``builtin.c:968:44: error:``), a commit id or key as
    git and gpg print them (7 to 40 hex digits of one case) in a change log
    (``structure.is_changelog``: Debian or GNU entry headers, release headings, ``git log``):
    ``Revert e80c52986e1bb3afa6a92c58b1cb897877923a66``, ``Add A5189DB69C1164D33002936646502EF796917195``
    (a change log records commits and keys; its entry headers, with the git hash of a snapshot's
    version, ``dash (0.5.11+git20210903+057cd650a4ed-3) unstable; urgency=medium``, are code), a USB
    or PCI device's ``vendor:product`` IDs (two groups of four, as lsusb and ``lspci -nn`` print
    them: ``[10ec:8168]``) on a line naming USB, PCI, lsusb or lspci; identifiers that the text shows on purpose: quoted whole right after "e.g."
    or "for example" (bootctl(1) in German: ``(z.B. »b0e793a9baf14b5fa13ecbe84ff637ac«)``), in
    a backtick code span (git-describe's ``(which was `2414721b…`)``) or an AsciiDoc
    listing block (between ``----`` fences: git-bisect's list of commits), near
    a word naming them on the same line or ending the line above the one they open (a wrapped
    man page's ``Lieferanten-UUID`` / ``4a67b082-…``), printed under a prompt line that names them
    (``$ cat baz.md5`` / ``c157a79031e1c40f85931829bc5fc552  bar``) (UUID, hash, checksum, SHA256, md5sum, base64 (a data
    URI's ``data:image/png;base64,iVBORw0KGgo…``), MAC,
    IPv6, fingerprint, ID, key, commit, signature, device..., also numbered: ``wireless-key1``),
    example data: a command synopsis's cluster of one-letter options (ssh(1)'s
    ``[-46AaCfGgKkMNnqsTtVvXxYy]``: a dash, then letters and digits each listed once), a glob's
    or a regular expression's bracket expression (glob(7): ``"[A-Fa-f0-9]"`` is
    ``"[ABCDEFabcdef0123456789]"``: ranges from a lower to a higher character, or characters
    each listed once, between ``[`` and ``]``), the
    strings and results on a line showing a spreadsheet formula (LibreOffice help's
    ``=REGEX("123456ABCDEF";"[126]";"";"g") returns "345ABCDEF"``);
    and anything in code
    (Markdown code, command lines and program output in plain text: see
    ``corpuslint.structure``; in plain text that quotes code, also a line of three or
    more fields of which fewer than half are words, as a program prints it: proc(5)'s
    ``00e03000-00e24000 rw-p 00000000 00:00 0  [heap]``; in any text, such a line of
    ``TABLE_LINE_FIELDS`` (20) fields or more: a table's rows joined into one line, as a
    dataset of paragraphs holds proc(5)'s maps example).
    Why: Scrapers glue element ids, ad slots and tracking tokens to the text; spell
    checkers skip such tokens on purpose, so nothing else points at them, and they
    pollute vocabularies and n-gram statistics of a training corpus.
    Example: ``2a02-4780-11–4f جزيرة إم آند إم`` (samples/news-ar/001, line 31).
    Fix safety: Unsafe. A line holding nothing but identifiers is removed whole (with
    clean blank-line handling); otherwise only the fragment and one adjacent space are
    removed and every other character of the line is kept.
    """

    code = "A101"
    name = "hex-id-fragment"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True
    options = {"base64": True}

    def check(self, doc: Document):
        text = doc.text
        spans: list[tuple[int, int, str]] = []
        for m in finditer_on_lines(_GROUPED_RE, text, _GROUPED_TRIGGER):
            if "::" in text[max(m.start() - 2, 0) : m.end() + 2] or _is_ipv6(m.group()):
                continue  # an IPv6 address (2001:db8::1, 2001:0db8:13bb:0002:0000:0000:0000:0020), not debris
            if _MAC_RE.fullmatch(m.group()):
                continue  # a MAC address written out (20:68:9D:89:23:C1): an address, as an IP is
            if _DEVICE_ID_RE.fullmatch(m.group()) and _device_line(text, m.start()):
                continue  # "[10ec:8168]", "«1d6b:0001»" beside lspci/lsusb/PCI/USB: a vendor:product ID, shown
            if _code_point_range(text, m.start()) or _source_location(text, m.start(), m.group()):
                continue  # "U+2000-200A" (code points), "builtin.c:968:44" (a compiler's file:line:column)
            if _grouped_is_id(m.group()):
                spans.append((m.start(), m.end(), "hex/ID fragment"))
        lines = list(lines_holding(text, _RUN_TRIGGER))  # (most lines of prose have no such run)
        for start, end in lines:
            for m in _HEXRUN_RE.finditer(text, start, end):
                if m.start() and text[m.start() - 1] == "@":
                    continue  # "by @abc1763613206": a user name mentioned (GitHub), not an id left over
                if _git_name(m.group()) and is_changelog(doc):
                    continue  # "Revert e80c52986e1b…", "Add A5189DB6…": a change log records commits and keys
                if _run_is_id(m.group()):
                    spans.append((m.start(), m.end(), "hex run (hash or object id)"))
        if self.opts["base64"]:
            for start, end in lines:
                for m in _B64_RE.finditer(text, start, end):
                    if _b64_is_id(m.group()):
                        spans.append((m.start(), m.end(), "base64-like token"))
        if not spans:
            return
        in_link = overlap_test(link_spans(text))
        spans = _dedupe(sorted(s for s in spans if not in_link(s[0], s[1]) and not _wrapped_link_tail(text, s[0])))
        # Shown on purpose: the line names what it is (UUID, checksum, MAC, fingerprint...).
        spans = [s for s in spans if not near(doc, s[0], s[1], ID_CUE_RE) and not _named_above(text, s[0])]
        if spans:
            # Technical text: a line of fields that are mostly not words is program output
            # (proc(5)'s "00e03000-00e24000 rw-p 00000000 00:00 0  [heap]"): its hex are values;
            # in any text, a line that is a whole table of them (its rows joined into one line).
            # (asked once a line: a one-line file's hundreds of ids split the line for each)
            data_lines: dict[int, bool] = {}
            for i in sorted({line_index_at(doc, s[0]) for s in spans}):
                data_lines[i] = _data_line(doc.line_text(doc.lines[i]), TABLE_LINE_FIELDS * (not doc.quotes_code))
            spans = [s for s in spans if not data_lines[line_index_at(doc, s[0])]]
        # Shown as code: in a backtick code span ("(which was `2414721b…`)"), or in an
        # AsciiDoc listing block (git-bisect's "----" / "15722f2fa328…" / "----").
        spans = [s for s in spans if not _in_code_span(text, s[0], s[1]) and not asciidoc_listing(doc, s[0])]
        # Example data: a synopsis's cluster of one-letter options, a formula's argument or result,
        # a value quoted after "e.g." (bootctl(1) in German: "(z.B. »b0e793a9baf14b5fa13ecbe84ff637ac«)").
        formula_lines: dict[int, bool] = {}  # (a line's answer, kept for its next id)
        for i, start in {line_index_at(doc, s[0]): s[0] for s in spans}.items():
            formula_lines[i] = _on_a_formula_line(text, start)
        spans = [s for s in spans if not _option_cluster(text, s[0], s[1]) and not _bracket_expression(text, s[0], s[1])
                 and not formula_lines[line_index_at(doc, s[0])]
                 and not _quoted_example(text, s[0], s[1]) and not _prefixed_literal(text, s[0], s[1])]
        if not spans:
            return
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        for s in spans:
            by_line.setdefault(line_index_at(doc, s[0]), []).append(s)
        for index, items in by_line.items():
            line = doc.lines[index]
            # the line without its ids (in order, not overlapping: joined once, not cut once per id)
            pieces, at = [], line.start
            for start, end, _ in items:
                pieces.append(text[at:start])
                at = end
            rest = "".join(pieces) + text[at : line.end]
            whole_line = not _WORDY_RE.search(rest)
            for start, end, kind in items:
                fragment = text[start:end]
                if whole_line:
                    fix = remove_line_fix(doc, index) if len(items) == 1 or (start, end, kind) == items[0] else None
                    msg = f"{kind} `{fragment}` on a line with no words"
                else:
                    fix = Fix.unsafe(_fragment_edit(text, line.start, line.end, start, end))
                    msg = f"{kind} `{fragment}` inside text"
                yield doc.finding(self, start, end, msg, fix=fix)


# A shell prompt opening a line (after indentation and a terminal's colour code): "$ md5sum foo".
_PROMPT_RE = lazy(r"[ \t\u00a0]*(?:\x1b\[[0-9;]*m)?[ \t\u00a0]*[$#][ \t]")
_ABOVE_LINES = 12  # how far up a paragraph's lines are searched for the prompt that printed the id


def _named_above(text: str, start: int) -> bool:
    """True when the identifier at ``start`` opens its line (after blanks) and the line above
    ends with a word naming it (a wrapped man page: "der Lieferanten-UUID" /
    "4a67b082-0a4c-41cf-b6c7-440b29bb8c4f wird verwandt"), or when it is printed by a command
    that names it, on a prompt line above in the same paragraph ("$ cat baz.md5" /
    "c157a79031e1c40f85931829bc5fc552  bar")."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0:
        return False
    opens = not text[line_start:start].strip(" \t\u00a0")
    end = line_start - 1
    for n in range(_ABOVE_LINES):
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end]
        if not line.strip():
            return False  # (a blank line: the paragraph's start)
        if n == 0 and opens:
            last = line.split()[-1].rstrip(".,:;")
            cue = ID_CUE_RE.search(last)
            if cue is not None and cue.end() == len(last):
                return True  # "der Lieferanten-UUID" / "4a67b082-...": the name ends the line above
        if _PROMPT_RE.match(line) and ID_CUE_RE.search(line):
            return True
        if begin == 0:
            return False
        end = begin - 1
    return False


# A USB or PCI device's vendor and product IDs as lsusb and lspci -nn print them
# ("1d6b:0001", "[10ec:8168]"), on a line that names those buses or commands: the
# installation guide's hardware chapter in every language shows them on purpose.
_DEVICE_ID_RE = lazy(r"[0-9a-fA-F]{4}:[0-9a-fA-F]{4}")
_DEVICE_CUE_RE = lazy(r"(?i)(?<![\p{L}\p{N}])(?:lsusb|lspci|pci|usb)(?![\p{L}\p{N}])")


def _device_line(text: str, start: int) -> bool:
    """True when the line holding ``text[start]`` names USB, PCI, lsusb or lspci."""
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", start)
    return _DEVICE_CUE_RE.search(text, s, len(text) if e < 0 else e) is not None


_WORD_TOKEN_RE = lazy(r"[^\p{L}\p{N}/:=]*\p{L}+(?:[-'’.]\p{L}+)*[^\p{L}\p{N}/:=]*")


# Fields a line needs to be a table of program output in text that quotes no code: a
# dataset record holding proc(5)'s /proc/PID/maps example with its rows joined into one
# line ("address perms offset dev inode pathname 00400000-00452000 r-xp 00000000 08:02
# 173521 /usr/bin/dbus-daemon 00651000-00652000 ..."), where a scraped line with an id
# glued to it has a few fields.
TABLE_LINE_FIELDS = 20


def _data_line(line: str, min_fields: int = 0) -> bool:
    """True for a line of three or more fields (``min_fields`` or more, if larger) of which
    fewer than half are words (letters only): a record of numbers, hex values, paths and
    ``key:value`` fields, as a program prints it ("7fc075d2f000-7fc075e6f000 -> /dev/zero
    (deleted)"), not a sentence."""
    tokens = line.split()
    if len(tokens) < max(3, min_fields):
        return False
    words = sum(1 for t in tokens if _WORD_TOKEN_RE.fullmatch(t))
    return 2 * words < len(tokens)
# A spreadsheet formula shown with its result (LibreOffice help: ``=REGEX("123456ABCDEF";
# "[126]";"";"g") returns "345ABCDEF"``, ``=SUBSTITUTE(...) returns 12abc12abc12abc``):
# its strings and results are example data.
_FORMULA_RE = lazy(r"(?m)(?:^|[\s(\"'“])=\p{Lu}[\p{Lu}\d.]*\(")


def _on_a_formula_line(text: str, start: int) -> bool:
    """True when the line holding ``text[start]`` shows a spreadsheet formula."""
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", start)
    return _FORMULA_RE.search(text, s, len(text) if e < 0 else e) is not None


# "For example" (English, German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian
# abbreviations and words) right before an opening quote (a few characters between: "(z.B. »").
_EXAMPLE_CUE_RE = lazy(
    r"(?i)(?:\be\.\s?g\.|\bfor example|\bsuch as|\bz\.\s?B\.|\bzum Beispiel|\bbeispielsweise|\bp\.\s?ex\.|\bpar exemple"
    r"|\bpor ejemplo|\bp\.\s?ej\.|\bad es\.|\bper esempio|\bpor exemplo|\bbijv\.|\bbijvoorbeeld|\bnp\.|\bнапример|\bнапр\.)"
    r"[\s,:]{0,3}\Z"
)
_QUOTE_PAIRS = {"»": "«", "«": "»", '"': '"', "“": "”", "„": "“", "'": "'", "‘": "’", "‚": "‘", "`": "'"}


def _quoted_example(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a value quoted whole right after "e.g." or "for
    example" (bootctl(1) in German: "(z.B. »b0e793a9baf14b5fa13ecbe84ff637ac«)", a machine ID
    shown as an example): typed on purpose, not debris."""
    if start == 0 or end >= len(text):
        return False
    opening, closing = text[start - 1], text[end]
    if _QUOTE_PAIRS.get(opening) != closing:
        return False
    return _EXAMPLE_CUE_RE.search(text, max(0, start - 1 - 24), start - 1) is not None


# A Python string or bytes literal's prefix and opening quote (``b'``, ``rb"``, ``f'``), not
# glued to a word before it.
_LITERAL_PREFIX_RE = lazy(r"(?<![\w'\"])(?:[bB][rR]?|[rR][bB]?|[uU]|[fF][rR]?|[rR][fF])(['\"])\Z")


def _prefixed_literal(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is the whole value of a prefixed Python literal
    (binascii's doctest prints ``b'b9-01-ef'``): a value a program shows, not debris."""
    m = _LITERAL_PREFIX_RE.search(text, max(0, start - 3), start)
    return m is not None and text[end : end + 1] == m.group(1)


def _option_cluster(text: str, start: int, end: int) -> bool:
    """True for a command synopsis's cluster of one-letter options (ssh(1)'s
    ``[-46AaCfGgKkMNnqsTtVvXxYy]``): a dash then letters and digits each listed once,
    after a bracket or a space (24 random base64 characters repeat one with 99 % odds)."""
    token = text[start:end]
    before = text[start - 1] if start else " "
    letters = token[1:]
    return (token.startswith("-") and (before == "[" or before.isspace()) and letters.isalnum()
            and len(set(letters)) == len(letters))


# A bracket expression of a glob or a regular expression (glob(7) in Japanese: `"[A-Fa-f0-9]" は
# "[ABCDEFabcdef0123456789]" と等価`): ranges of letters or digits, each from a lower to a higher
# character, or characters each listed once, between "[" (or "[!", "[^") and "]".
_CLASS_RANGES_RE = lazy(r"(?:[0-9A-Za-z]-[0-9A-Za-z])+")


def _bracket_expression(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is the whole body of a bracket expression (above):
    a set of characters named, not an id (a hash's 12 or more hex digits repeat one with
    99.7 % odds)."""
    opening = start - 1
    if opening >= 1 and text[opening] in "!^" and text[opening - 1] == "[":
        opening -= 1
    if opening < 0 or text[opening] != "[" or text[end : end + 1] != "]":
        return False
    body = text[start:end]
    if _CLASS_RANGES_RE.fullmatch(body) is not None:
        return all(body[i] <= body[i + 2] for i in range(0, len(body), 3))
    return len(set(body)) == len(body)


# The end of a line that breaks a URL: the URL runs to the line end, no closing bracket.
_LINK_AT_END_RE = lazy(r"(?:https?|ftp)://[^\s<>\"'⟩»”)\]]*[ \t]*\Z", regex.IGNORECASE)


def _wrapped_link_tail(text: str, start: int) -> bool:
    """True when ``text[start]`` lies in the first token of its line, the token opens with
    ``/`` and the line before ends inside a URL: a link a man page wraps at a line break
    (capabilities(7): ``⟨https://archive.org/details`` / ``/posix_1003.1e-990310⟩``)."""
    s = text.rfind("\n", 0, start) + 1
    head = text[s:start]
    lead = head.lstrip(" \t")
    if s == 0 or not lead.startswith("/") or any(c.isspace() for c in lead):
        return False
    p = text.rfind("\n", 0, s - 1) + 1
    return _LINK_AT_END_RE.search(text, p, s - 1) is not None


_CODE_SPAN_RE = lazy(r"`[^`\n]+`")


def _in_code_span(text: str, start: int, end: int) -> bool:
    """True when [start, end) lies inside a backtick code span on its line."""
    s = text.rfind("\n", 0, start) + 1
    if "`" not in text[s:start]:
        return False
    e = text.find("\n", end)
    return any(m.start() < start and end < m.end() for m in _CODE_SPAN_RE.finditer(text, s, len(text) if e < 0 else e))


def _dedupe(spans):
    out = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out


def _fragment_edit(text: str, line_start: int, line_end: int, start: int, end: int) -> Edit:
    """Remove ``text[start:end]`` plus one adjacent run of spaces, so no double space remains."""
    e = end
    while e < line_end and text[e] in " \t\u00a0":
        e += 1
    if e > end:
        return Edit(start, e)
    s = start
    while s > line_start and text[s - 1] in " \t\u00a0":
        s -= 1
    return Edit(s, end)
