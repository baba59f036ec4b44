"""A120 presentation-form: Arabic letters stored as presentation forms ("ﻹعدادات")."""

from __future__ import annotations

import unicodedata

from ...document import Document
from ...findings import Edit, Fix, Severity
from ...rules import DocumentRule
from ...text.script import PRESENTATION_FORMS_RE


class PresentationForm(DocumentRule):
    """Arabic text stored as presentation forms instead of letters.

    What: characters from Arabic Presentation Forms-A (U+FB50–U+FDFF) and -B
    (U+FE70–U+FEFC): contextual letter shapes and ligatures such as "ﻹ" (U+FEF9, lam
    with alef with hamza below) or "ﻣ" (U+FEE3, meem initial form). One finding per
    run of such characters. Not reported: the word ligatures ﷺ ﷲ ﷽ (U+FDF0–U+FDFF) that
    religious texts use on purpose, the ornate parentheses ﴾﴿, and U+FEFF (W110's).
    Why: they come from PDF extraction or legacy software that shaped the text before
    storing it; they look right on screen but are different code points, so search,
    dictionaries, deduplication and tokenisers do not see the words. The spelling
    family reads them after NFKC normalisation, so this rule is where they are reported.
    Example: "ﻹعدادات الشبكة" → "لإعدادات الشبكة".
    Fix safety: safe: the run is replaced by its NFKC normalisation (the letters it
    stands for), which is how Unicode defines these characters.
    """

    code = "A120"
    name = "presentation-form"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document):
        for m in PRESENTATION_FORMS_RE.finditer(doc.text):
            run = m.group()
            letters = unicodedata.normalize("NFKC", run)
            yield doc.finding(
                self,
                m.start(),
                m.end(),
                f"Arabic presentation forms '{run}' (U+{ord(run[0]):04X}…) instead of the letters '{letters}'",
                fix=Fix.safe(Edit(m.start(), m.end(), letters)),
            )
