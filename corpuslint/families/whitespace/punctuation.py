"""Rules about spaces next to punctuation and quotation marks."""

from __future__ import annotations

import regex

from ...findings import Edit, Fix
from ...rules import DocumentRule
from ._common import compiled


class SpaceBeforePunctuation(DocumentRule):
    """A space between a word and the punctuation mark that ends it.

    What: Reports spaces between a letter or digit and one of the marks in option
    `marks` (default `، ؛ ؟ . , ; : ! ?`) when the mark ends the phrase (it is
    followed by a space, a line end or a closing quote). Ellipses and decimal points
    are not matched.
    Why: Arabic and English typography attach these marks to the preceding word; a
    detached mark becomes a token of its own and the same sentence is written two
    ways across the corpus. (French puts a space before : ; ! ? — set `marks` to
    `،.,` for French text.)
    Example: `أخبار متعلقة :` → `أخبار متعلقة:`; `قال الوزير ، ثم` → `قال الوزير، ثم`.
    Fix safety: safe — only the spaces are deleted.
    """

    code = "W114"
    name = "space-before-punctuation"
    family = "whitespace"
    fixable = True
    options = {"marks": "،؛؟.,;:!?"}

    def check(self, doc):
        marks = regex.escape(self.opts["marks"])
        if not marks:
            return
        pattern = compiled(rf"(?<=[\p{{L}}\p{{N}}\p{{M}}])[ \p{{Zs}}]+(?=[{marks}](?:[\s\"'”’»)]|\Z))")
        for m in pattern.finditer(doc.text):
            mark = doc.text[m.end()]
            yield doc.finding(self, m.start(), m.end(), f"space before {mark!r}", fix=Fix.safe(Edit(m.start(), m.end())))


def _plausible_pair(text: str, start: int, end: int) -> bool:
    """A straight-quote pair whose opening mark starts a word and whose closing mark
    ends one (``foo", bar "baz`` is a closing then an opening quote, not a pair)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return (before.isspace() or before in "([{«“‘") and not after.isalnum()


class SpaceInsideQuotes(DocumentRule):
    """Spaces just inside quotation marks.

    What: Reports spaces after an opening or before a closing quotation mark, for the
    pairs in option `pairs` (default “” «» ‹› and straight double quotes, which are
    paired left to right on each line; lines with an odd number of them, or whose
    quotes don't pair up — a closing mark glued to the end of a word — are skipped).
    Why: `“التعاون الاستراتيجي ”` and `“التعاون الاستراتيجي”` are the same quote; the
    stray space is scraping residue and splits the closing mark from the word.
    (French « guillemets » take spaces inside: remove «» from `pairs` for French.)
    Example: `“التعاون الاستراتيجي ”` → `“التعاون الاستراتيجي”`.
    Fix safety: safe — only the spaces are deleted.
    """

    code = "W115"
    name = "space-inside-quotes"
    family = "whitespace"
    fixable = True
    options = {"pairs": ["“”", "«»", "‹›", '""']}

    def check(self, doc):
        for pair in self.opts["pairs"]:
            if len(pair) != 2 or pair[0] not in doc.text:
                continue
            open_, close = (regex.escape(c) for c in pair)
            body = rf"[^{open_}{close}\r\n]*" if pair[0] != pair[1] else rf"[^{open_}\r\n]*"
            pattern = compiled(rf"{open_}({body}){close}")
            for line in doc.lines if pair[0] == pair[1] else [None]:
                if line is None:
                    start, end = 0, len(doc.text)
                else:
                    start, end = line.start, line.end
                    if doc.text.count(pair[0], start, end) % 2 or pair[0] not in doc.text[start:end]:
                        continue
                for m in pattern.finditer(doc.text, start, end):
                    inner = m.group(1)
                    if not inner.strip():
                        continue
                    if pair[0] == pair[1] and not _plausible_pair(doc.text, m.start(), m.end()):
                        break  # the line's straight quotes don't pair up left to right
                    lead = len(inner) - len(inner.lstrip(" \u00a0\u2009\u202f"))
                    trail = len(inner) - len(inner.rstrip(" \u00a0\u2009\u202f"))
                    s, e = m.start(1), m.end(1)
                    if lead:
                        yield doc.finding(self, s, s + lead, f"space after opening {pair[0]}",
                                          fix=Fix.safe(Edit(s, s + lead)))
                    if trail:
                        yield doc.finding(self, e - trail, e, f"space before closing {pair[1]}",
                                          fix=Fix.safe(Edit(e - trail, e)))


RULES = [SpaceBeforePunctuation, SpaceInsideQuotes]
