"""A110 link-or-address."""

from __future__ import annotations

import ipaddress
from bisect import bisect_left, bisect_right
from urllib.parse import urlsplit

import regex

from ...document import Document
from ...findings import Severity
from ...rules import DocumentRule
from ...structure import CATALOGUE, CODE, MESSAGE, TEX_SUFFIXES, URL
from ...text.lazy_regex import lazy
from ._common import EMAIL_RE, HTML_TAG_RE, URL_RE

# The part before "@" of a Message-ID as news and mail software writes it: B/C News
# (1993Jun5.052825.3897), sendmail (199711071749.JAA29751), Mozilla (3D617693.4030404), mutt
# (20030321131806.GA1234), Pine (Pine.LNX.4.44.0303…), slrn (slrn96m73q.8p6.fefe), Gnus (m3abc.fsf).
_MESSAGE_ID_LOCAL_RE = lazy(
    r"\d{4}[A-Z][a-z]{2}\d{1,2}\.\d{6}\.\d+|\d{12,14}\.[A-Za-z]{2,3}\d{4,6}|[0-9A-F]{8}\.\d{4,8}"
    r"|\d{14}\.G[A-Z]\d+|Pine\.[\w.-]+|slrn[\w.]+|[\w-]+\.fsf"
)
# A header naming a post before "<" (any shape), or "in"/"w" after a name citing one by number.
_MESSAGE_ID_HEADER_RE = lazy(r"(?i:Message-ID|References|In-Reply-To):[ \t]*\Z")
_MESSAGE_ID_CUE_RE = lazy(r"\s(?:in|w)[ \t]+\Z")


def _message_id(text: str, start: int, end: int) -> bool:
    """True when the address at ``text[start:end]`` is a Message-ID in angle brackets
    (``<199711071749.JAA29751@wall.org>``): a generator's shape before "@"
    (``_MESSAGE_ID_LOCAL_RE``), any after a header (``Message-ID:``), or digits alone after
    a citing "in"/"w" (``_MESSAGE_ID_CUE_RE``)."""
    if text[start - 1 : start] != "<" or text[end : end + 1] != ">":
        return False
    local = text[start : text.index("@", start)]
    if _MESSAGE_ID_LOCAL_RE.fullmatch(local) or _MESSAGE_ID_HEADER_RE.search(text, max(0, start - 40), start - 1):
        return True
    return local.isdigit() and _MESSAGE_ID_CUE_RE.search(text, max(0, start - 40), start - 1) is not None


# Hosts that name no site: the top-level domains reserved for examples and tests (RFC 2606,
# RFC 6761: .example, .test, .invalid, .localhost), the label "example" (example.com, .net and
# .org are reserved; ftp.example.com, example.hostname.com), "localhost", and a placeholder
# label that tells the reader to put their own machine there (myserver, yourdomain,
# servername, hostname). A translated help page translates the example host too: the word
# "example" in its language (LibreOffice's Turkish help: ``http://www.ornek.com`` where the
# English has ``http://www.example.com``), as a host is written: ASCII letters (``ornek``,
# ``przyklad``) or the language's own (``örnek``, ``przykład``, ``пример``). Not "primer"
# (Serbian, Croatian, Slovene; an English word too) nor a short or common name.
_RESERVED_TLDS = frozenset({"example", "test", "invalid", "localhost"})
_EXAMPLE_WORDS = (
    "beispiel|exemple|ejemplo|esempio|exemplo|exemplu|voorbeeld|exempel|eksempel|esimerkki|ornek|örnek"
    "|przyklad|przykład|priklad|příklad|pelda|példa|primjer|pavyzdys|piemers|piemērs|naide|näide|contoh"
    "|пример|приклад|παράδειγμα|paradeigma"
)
_PLACEHOLDER_LABEL_RE = lazy(
    rf"example|{_EXAMPLE_WORDS}|localhost|(?:my|your)[-_]?(?:server|domain|host|site|website|company|computer|machine)"
    r"|(?:server|host|domain|computer|machine)[-_]?name",
    regex.IGNORECASE,
)


def _host(address: str, email: bool) -> str:
    """The host of a URL (``urlsplit``'s: after its scheme and ``user@``, before its port or
    path; a ``www.`` address has no scheme) or of an e-mail address (after its ``@``), in
    lower case; "" when it has none (``file:///...``) or cannot be read."""
    if email:
        return address.rpartition("@")[2].lower()
    try:
        return urlsplit(address if "://" in address else "//" + address).hostname or ""
    except ValueError:  # (an unclosed "[" of an IPv6 literal)
        return ""


def _names_no_site(address: str, email: bool) -> bool:
    """True when ``address`` (a URL or an e-mail address) names no site anyone could visit
    or write to: a reserved or placeholder host (``_PLACEHOLDER_LABEL_RE``,
    ``_RESERVED_TLDS``: ``ftp://username@ftp.example.com/path/``, ``http://myserver.com``)
    or an IP address of the reader's own machine or network, or one reserved for
    documentation (loopback, private, link-local, unspecified: ``http://127.0.0.1:8000``,
    ``http://192.168.1.1``), or a file URL without a host (``file:///C:/work/images/img.jpg``):
    an address to type in a help page, not a link to share nor anyone's address."""
    host = _host(address, email).rstrip(".")
    if not host:
        return address[:5].lower() == "file:"  # "file:///C:/work/images/img.jpg": a file of the reader's machine
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        labels = host.split(".")
        return labels[-1] in _RESERVED_TLDS or any(_PLACEHOLDER_LABEL_RE.fullmatch(label) for label in labels)
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_unspecified


def _program_message(doc: Document) -> bool:
    """Is ``doc`` a program's message: a string its reader declares one (``MESSAGE``: a .po
    entry, a record of a dataset of interface strings), or text made of such strings
    (``CATALOGUE``) without a code block? A catalogue extracted as text quotes no code; a
    page that does is documentation, whose links are its own, even when its table of format
    directives reads as a catalogue (stat(1) in Japanese: ``%a``, ``%A`` ... one a line, and
    its links to gnu.org). (Placeholders in code do not make a catalogue: ``looks_like_catalogue``.)"""
    kinds = doc.kinds
    return MESSAGE in kinds or CATALOGUE in kinds and not any(r.kind == CODE for r in doc.regions)


# What ends a URL written in LaTeX: a brace (``\\doc{memman.pdf}{http://texdoc.net/pkg/memoir}``)
# or a command (``http://www.cmp.uea.ac.uk/\\hfill``)
_TEX_URL_END_RE = lazy(r"[{}]|\\[A-Za-z@]")


def _url_end(doc: Document, start: int, m_end: int, tex: bool) -> int:
    """Where the URL matched at ``text[start:end]`` ends: at the end of the ``url`` region it
    starts in (``\\href{http://luatex.org/}{the ...}``'s target, whatever follows it), and in
    LaTeX at a brace or a command (``_TEX_URL_END_RE``); -1 when no URL is left."""
    end = m_end
    if tex:
        m = _TEX_URL_END_RE.search(doc.text, start, end)
        if m is not None:
            end = m.start()
    i = bisect_right(doc._region_starts, start) - 1
    if i >= 0 and doc.regions[i].kind == URL and start < doc.regions[i].end:
        end = min(end, doc.regions[i].end)
    if end == m_end:
        return end
    cut = URL_RE.match(doc.text, start, end)  # (what is left, its trailing punctuation off again)
    return cut.end() if cut is not None else -1


class LinkOrAddress(DocumentRule):
    """URLs and e-mail addresses in body text (info by default).

    What: ``http(s)://`` / ``ftp://`` URLs, bare ``www.`` addresses (a URL ends on a
    letter, digit or ``/ # % & = + - @ $``: trailing punctuation such as ``.``, ``)``,
    ``**`` or the danda ``।`` is not part of the match, nor an unpaired parenthesis or a
    bracket: ``[Starlette](https://starlette.dev/)।``) and e-mail addresses. A URL in a
    Markdown link's destination is markup (a ``url`` region) and is not reported; one
    shown as the link's text is; so is one that is an HTML tag's attribute value
    (``<a href="https://...">`` in a .po message or a scraped page: markup, which A106
    reports as a tag), and, in reStructuredText, a hyperlink's embedded target
    (```text <https://...>`__``). A change log's entry headers are machine lines (code, see
    ``corpuslint.structure``), their addresses not reported: Debian's trailer ``-- Name <e-mail>
    date``, GNU's header ``2007-10-04  Name <e-mail>``; a URL or an address in an entry's text
    (``Reported by Dan Jacobon in http://bugs.gnu.org/39769.``) is reported like any other.
    An address that names no site is not reported (``_names_no_site``): a host reserved for
    examples (RFC 2606, RFC 6761: ``example.com``, ``.example``, ``.test``, ``.invalid``,
    ``localhost``), such a host translated with its page (the word "example" in the page's
    language: LibreOffice's Turkish help's ``http://www.ornek.com``, ``beispiel.de``) or a
    placeholder for the reader's own (``myserver``, ``yourdomain``, ``servername``,
    ``hostname``), an IP address of the reader's machine or network
    (``127.0.0.1``, ``192.168.1.1``) or a file URL naming a file there
    (``file:///X:/dr/test.ods``): a help page teaching how to type an address
    (``ftp://username@ftp.example.com/path/``, ``https://myserver.com/work/images/img.jpg``).
    Nor is a URL in a program's message (a gettext string, a dataset of interface strings,
    their text extracted, no code: ``_program_message``): the program shows it to the user, its own
    link or the page the message sends them to (Firefox's "learn more at ``<a ...>www.antiphishing.org</a>``",
    "visit https://www.openh264.org/ to see the codec's source"); an e-mail address there is
    still reported (a translator's credits name people).
    An e-mail address is written in one script (Latin letters, digits and ``_ . + -``, or the
    letters of one other script: ``老板@公司.com``): where the words of a text without spaces
    are glued to it, it starts and ends where the script changes (``请将错误报告发送至bug-sed@gnu.org。``
    reports ``bug-sed@gnu.org``; ``samba-bugs@samba.org创建`` is found, ``samba-bugs@samba.org``).
    A URL that starts in a ``url`` region (LaTeX's ``\\url{..}``, ``\\href``'s target) ends where
    the region ends, and so is markup, not reported, as a Markdown link's destination: fresh38's
    ``http://luatex.org/}{the`` of ``\\href{http://luatex.org/}{the \\luatex site}``. In LaTeX a
    brace or a command ends a URL (``\\doc{memman.pdf}{http://texdoc.net/pkg/memoir}\\footnote{%``
    reports ``http://texdoc.net/pkg/memoir``) and ``\\_`` is an underscore (``\\lr{madad\\_sh@yahoo.com}``
    reports ``madad_sh@yahoo.com``, from its first letter).
    Options ``urls`` and ``emails`` (both true) turn either kind off.
    Why: Links and addresses in scraped articles are usually share links, tracking
    URLs or contact boxes, and addresses are personal data; many corpora keep them on
    purpose, hence info severity: raise it with ``severity`` in the config when your
    corpus must be link-free. A Usenet or mail Message-ID in angle brackets is the name of a
    post, not anyone's address, and is not reported: a generator's shape (B/C News'
    ``<1993Jun5.052825.3897@netlabs.com>``, sendmail's ``<199711071749.JAA29751@wall.org>``,
    Mozilla's ``<3D617693.4030404@gazeta.pl>``, mutt's ``<20030321131806.GA1234@host>``, Pine's,
    slrn's, Gnus' ``.fsf``), any after ``Message-ID:``, ``References:`` or ``In-Reply-To:``, or a
    number alone after a citing "in"/"w" (fortunes' ``-- Larry Wall in <10209@jpl-devvax.JPL.NASA.GOV>``;
    ``-- Larry Wall <6849@jpl-devvax.JPL.NASA.GOV>`` is still reported, as a personal address would be).
    Example: ``للمزيد: https://almasaa.net/news?id=42`` or ``editor@almasaa.net`` in a scraped
    article; not ``http://myserver.com`` in a help page.
    Fix safety: No fix: whether to delete, mask or keep a link is a corpus policy.
    """

    code = "A110"
    name = "link-or-address"
    family = "artifact"
    default_severity = Severity.INFO
    options = {"urls": True, "emails": True}

    def check(self, doc: Document):
        text = doc.text
        tex = doc.suffix in TEX_SUFFIXES
        spans = []
        if self.opts["urls"] and ("://" in text or "www." in text.lower()):
            pos = 0
            while (m := URL_RE.search(text, pos)) is not None:
                end = _url_end(doc, m.start(), m.end(), tex)
                if end > 0:
                    spans.append((m.start(), end, "URL"))
                # (after a URL cut short, the next may start in what followed it: ``\\href``'s
                # target, then its text, ``{https://ctan.org/...}``)
                pos = m.end() if end == m.end() else max(end, m.start() + 1)
        if self.opts["emails"] and "@" in text:
            # (TeX's escaped underscore is an underscore: ``madad\_sh@yahoo.com``, read at the same offsets)
            scan = text.replace("\\_", "__") if tex and "\\_" in text else text
            spans += [(m.start(), m.end(), "e-mail address") for m in EMAIL_RE.finditer(scan)
                      if not _message_id(scan, m.start(), m.end())]
        tags = [m.span() for m in HTML_TAG_RE.finditer(text)] if spans and "<" in text else []
        tag_starts = [a for a, _ in tags]  # (sorted, not overlapping: one bisection a URL)
        last_end = -1
        message = None  # (asked at the first URL)
        for start, end, kind in sorted(spans):
            if start < last_end:
                continue  # an e-mail inside a URL (mailto, query string) is reported once
            i = bisect_left(tag_starts, start) - 1
            if i >= 0 and end < tags[i][1]:
                continue  # <a href="https://...">: an attribute's value, markup
            last_end = end
            if _names_no_site(text[start:end], kind != "URL"):
                continue  # "ftp://username@ftp.example.com/path/" in a help page: an example to type
            if kind == "URL" and (message := _program_message(doc) if message is None else message):
                continue  # a program's message shows its URLs to the user: "visit https://www.openh264.org/"
            shown = text[start:end].replace("\\_", "_") if tex else text[start:end]
            yield doc.finding(self, start, end, f"{kind} `{shown}`")
