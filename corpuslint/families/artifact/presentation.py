"""A120 presentation-form: letters stored as presentation forms (Arabic "ﻹعدادات", the Latin
ligature in "oﬀer")."""

from __future__ import annotations

import re
import unicodedata

from ...document import Document
from ...findings import Edit, Fix, Severity
from ...rules import DocumentRule
from ...text.script import PRESENTATION_FORMS_RE

# The Latin ligatures of Alphabetic Presentation Forms (U+FB00-U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), which
# PDF extraction leaves where the font set them ("free shipping now.+to+oﬀer+higher", C4);
# NFKC gives their letters. Beside the Arabic forms, in one scan.
LATIN_LIGATURES = "\uFB00-\uFB06"
_FORMS_RE = re.compile(f"[{LATIN_LIGATURES}{PRESENTATION_FORMS_RE.pattern[1:-2]}]+")
_LATIN_LIGATURE_END = 0xFB06


class PresentationForm(DocumentRule):
    """Arabic text stored as presentation forms instead of letters, and Latin ligatures.

    What: characters from Arabic Presentation Forms-A (U+FB50–U+FDFF) and -B
    (U+FE70–U+FEFC): contextual letter shapes and ligatures such as "ﻹ" (U+FEF9, lam
    with alef with hamza below) or "ﻣ" (U+FEE3, meem initial form); and the Latin
    ligatures of Alphabetic Presentation Forms (U+FB00–U+FB06: "ﬀ" in C4's "oﬀer", "ﬁ",
    "ﬂ"), which PDF extraction leaves where the font set a ligature. One finding per
    run of such characters (of one script). Not reported: the word ligatures ﷺ ﷲ ﷽ (U+FDF0–U+FDFF) that
    religious texts use on purpose, the ornate parentheses ﴾﴿, and U+FEFF (W110's).
    The Hebrew presentation forms (U+FB1D–U+FB4F: "שׁ" as one code point) are not
    reported yet: a Yiddish text may write "ײַ" and "אַ" so on purpose.
    Why: they come from PDF extraction or legacy software that shaped the text before
    storing it; they look right on screen but are different code points, so search,
    dictionaries, deduplication and tokenisers do not see the words. The spelling
    family reads them after NFKC normalisation, so this rule is where they are reported.
    Example: "ﻹعدادات الشبكة" → "لإعدادات الشبكة"; "oﬀer" → "offer".
    Fix safety: safe: the run is replaced by its NFKC normalisation (the letters it
    stands for), which is how Unicode defines these characters.
    """

    code = "A120"
    name = "presentation-form"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document):
        for m in _FORMS_RE.finditer(doc.text):
            start = m.start()
            for latin, part in _by_script(m.group()):
                end = start + len(part)
                letters = unicodedata.normalize("NFKC", part)
                what = "Latin ligature" if latin else "Arabic presentation forms"
                yield doc.finding(
                    self, start, end,
                    f"{what} '{part}' (U+{ord(part[0]):04X}…) instead of the letters '{letters}'",
                    fix=Fix.safe(Edit(start, end, letters)),
                )
                start = end


def _by_script(run: str) -> list[tuple[bool, str]]:
    """``run`` (presentation forms) cut into its Latin ligatures and its Arabic forms, in
    order: (True for Latin, the part)."""
    if ord(run[0]) > _LATIN_LIGATURE_END and ord(run[-1]) > _LATIN_LIGATURE_END:
        return [(False, run)]  # (Arabic only, as nearly always: the two blocks are never one word)
    out: list[tuple[bool, str]] = []
    for ch in run:
        latin = ord(ch) <= _LATIN_LIGATURE_END
        if out and out[-1][0] == latin:
            out[-1] = (latin, out[-1][1] + ch)
        else:
            out.append((latin, ch))
    return out
