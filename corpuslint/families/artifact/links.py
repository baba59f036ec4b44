"""A110 link-or-address."""

from __future__ import annotations

from bisect import bisect_left

from ...document import Document
from ...findings import Severity
from ...rules import DocumentRule
from ._common import EMAIL_RE, HTML_TAG_RE, URL_RE


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
    Options ``urls`` and ``emails`` (both true) turn either kind off.
    Why: Links and addresses in scraped articles are usually share links, tracking
    URLs or contact boxes, and addresses are personal data; many corpora keep them on
    purpose, hence info severity: raise it with ``severity`` in the config when your
    corpus must be link-free.
    Example: ``للمزيد: https://example.com/news?id=42`` or ``editor@example.com``.
    Fix safety: No fix: whether to delete, mask or keep a link is a corpus policy.
    """

    code = "A110"
    name = "link-or-address"
    family = "artifact"
    default_severity = Severity.INFO
    options = {"urls": True, "emails": True}

    def check(self, doc: Document):
        text = doc.text
        spans = []
        if self.opts["urls"] and ("://" in text or "www." in text.lower()):
            spans += [(m.start(), m.end(), "URL") for m in URL_RE.finditer(text)]
        if self.opts["emails"] and "@" in text:
            spans += [(m.start(), m.end(), "e-mail address") for m in EMAIL_RE.finditer(text)]
        tags = [m.span() for m in HTML_TAG_RE.finditer(text)] if spans and "<" in text else []
        tag_starts = [a for a, _ in tags]  # (sorted, not overlapping: one bisection a URL)
        last_end = -1
        for start, end, kind in sorted(spans):
            if start < last_end:
                continue  # an e-mail inside a URL (mailto, query string) is reported once
            i = bisect_left(tag_starts, start) - 1
            if i >= 0 and end < tags[i][1]:
                continue  # <a href="https://...">: an attribute's value, markup
            last_end = end
            yield doc.finding(self, start, end, f"{kind} `{text[start:end]}`")
