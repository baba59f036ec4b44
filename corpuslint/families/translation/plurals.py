"""T104 plural-forms-count: an entry with more or fewer plural forms than its
catalogue's header declares (what ``msgfmt --check`` refuses)."""

from __future__ import annotations

from ...findings import Severity
from .placeholders import _CatalogueStringRule


class PluralFormsCount(_CatalogueStringRule):
    """A plural entry has more or fewer `msgstr[n]` than the header's `nplurals`.

    What: Reports a translated plural entry of a gettext catalogue (one with
    `msgid_plural`, its `msgstr[0]` not empty, not fuzzy) whose number of `msgstr[n]`
    lines differs from `nplurals` in the header's `Plural-Forms`, as GNU gettext's
    `msgfmt --check` (`-c`) counts them (gettext 0.21, `msgl-check.c`: `nplurals = 2 ...
    but some messages have 3 plural forms`). Reported once per entry, on `msgstr[0]`;
    fewer forms than `nplurals` is an error, more is lowered to a warning. A header whose
    Plural-Forms cannot be read is not checked.
    Why: With fewer forms, the numbers the formula sends to a missing form get no
    translation: GNU gettext and Python's `gettext` show the English msgid_plural instead
    (Django 5.2.19's Hebrew catalogues declare 4 forms and give 3, so "2 characters" is
    English for every n the fourth form stands for). With more, the extra forms are never
    shown, the translator's work is lost, and `msgfmt --check` refuses the catalogue;
    usually the header and the translation tool disagree on the language's plural rule.
    Example: Django 5.2.19's `conf/locale/he` catalogue, `Plural-Forms: nplurals=4; ...`,
    with `msgstr[0]`, `msgstr[1]` and `msgstr[2]` only; its French catalogue,
    `nplurals=2; plural=(n > 1);` with `msgstr[2]` too.
    Fix safety: no fix — a missing form needs a translation, and which of the header or
    the forms is right is the translator's call.
    """

    code = "T104"
    name = "plural-forms-count"
    default_severity = Severity.ERROR

    def check(self, doc):
        nplurals, count = getattr(doc, "nplurals", None), getattr(doc, "form_count", 0)
        if getattr(doc, "form", None) != 0 or not nplurals or not count or count == nplurals:
            return
        end = doc.text.find("\n")
        finding = doc.finding(self, 0, len(doc.text) if end < 0 else end,
                              f"the entry has {count} plural form{'s' * (count != 1)} and the header's Plural-Forms "
                              f"declares nplurals={nplurals}: "
                              + ("the numbers its formula sends to the missing forms are shown untranslated"
                                 if count < nplurals else "the extra forms are never shown")
                              + "; msgfmt --check refuses the catalogue")
        if count > nplurals and finding.severity == Severity.ERROR:
            finding.severity = Severity.WARNING
        yield finding


RULES = [PluralFormsCount]
