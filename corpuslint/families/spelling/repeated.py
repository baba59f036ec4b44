"""S104 repeated-word: the same word twice in a row ("في في")."""

from __future__ import annotations

import regex

from ...findings import Edit, Fix, Severity
from .base import SpellingDocumentRule

# Same word, separated only by spaces/tabs on one line (not across a line break or
# punctuation, where repetition is usually deliberate: "لا، لا").
_REPEAT_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_])(?P<w>\p{L}[\p{L}\p{M}]*)(?P<gap>[ \t\u00A0\u202F]+)(?P=w)(?![\p{L}\p{M}\p{N}_])",
    regex.IGNORECASE,
)
# Reduplications that are correct: Arabic emphatic/distributive adverbs and English "had had".
DEFAULT_EXCEPTIONS = [
    "جدا", "جداً", "رويدا", "رويداً", "شيئا", "شيئاً", "قليلا", "قليلاً", "كثيرا", "كثيراً",
    "بعيدا", "بعيداً", "حقا", "حقاً", "يوما", "يوماً", "خطوة", "شيئًا", "جدًا", "رويدًا", "قليلًا",
    "كلا", "نعم", "لا", "ها", "آه", "آمين",
    "had", "that", "bye", "no", "yes", "very", "so", "ha", "la", "go",
]


class RepeatedWord(SpellingDocumentRule):
    """The same word written twice in a row.

    What: a word immediately repeated on the same line, separated only by spaces
    ("في في", "the the"), compared case-insensitively; single letters are skipped
    (scraped "A A" buttons are boilerplate, not a slip). Repetition across a line break
    or punctuation is not reported, nor are reduplications that are correct (جداً جداً,
    رويداً رويداً, شيئاً شيئاً, "had had"); the ``exceptions`` option replaces that list.
    Why: a doubled word is a classic editing slip (a phrase rewritten, a join in
    scraping) and a dictionary cannot see it, because each word alone is correct.
    Example: "أطلقت كوريا الشمالية في في أكتوبر" → "أطلقت كوريا الشمالية في أكتوبر".
    Fix safety: unsafe: deletes the second copy and the space before it, which is right
    for a slip but wrong for a deliberate repetition the exceptions list does not know.
    """

    code = "S104"
    name = "repeated-word"
    default_severity = Severity.ERROR
    fixable = True
    options = {"exceptions": DEFAULT_EXCEPTIONS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._exceptions = {str(w).casefold() for w in self.opts["exceptions"]}

    def check(self, doc):
        for m in _REPEAT_RE.finditer(doc.text, overlapped=False):
            word = m.group("w")
            if len(word) < 2 or word.casefold() in self._exceptions:
                continue
            start2 = m.start("gap")
            yield doc.finding(
                self,
                m.start(),
                m.end(),
                f"'{word}' is repeated",
                fix=Fix.unsafe(Edit(start2, m.end(), "")),
            )
