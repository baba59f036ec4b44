"""T101 placeholder-mismatch: a translation's format placeholders against its msgid's;
T102 plural-form-drops-placeholder: a plural form that stands for many numbers without
the number."""

from __future__ import annotations

from ...findings import Severity
from ...readers.po import OFTEN
from ...rules import DocumentRule
from ...structure import ALL_REGIONS, MESSAGE
from . import formats


def format_kinds(flags) -> list[str]:
    """The format kinds (``formats.FORMATS``) an entry's flags declare, as msgfmt reads
    them: ``c-format`` or ``possible-c-format``, unless ``no-c-format`` (and so for
    ``python-format``, ``python-brace-format`` and ``javascript-format``)."""
    return [kind for kind in formats.FORMATS
            if (kind in flags or f"possible-{kind}" in flags) and f"no-{kind}" not in flags]


class _CatalogueStringRule(DocumentRule):
    """What T101 and T102 share: a .po string against its msgid (``structure.MESSAGE``
    documents only, every region, any line length)."""

    family = "translation"
    regions = ALL_REGIONS
    only_kinds = frozenset({MESSAGE})
    long_line_safe = True


class PlaceholderMismatch(_CatalogueStringRule):
    """A translation's format placeholders differ from its msgid's.

    What: Reports a translated string of a gettext catalogue (a `msgstr` of a .po file)
    whose entry is flagged `c-format`, `python-format`, `python-brace-format` or
    `javascript-format`
    (`#, c-format`, also `possible-…`, not when `no-…` is there too) and whose placeholders
    do not match the msgid's, as GNU gettext's `msgfmt --check-format` compares them
    (gettext 0.21): a named placeholder (`%(name)s`, `{name}`, `{0}`, `{a:>10}`) that the
    msgid does not have; one of the msgid's that the translation lacks; a name used as
    another type (`%(count)d` for `%(count)s`); a different number or order of types of
    positional ones (`%s … %d`); positional placeholders where the msgid's are named;
    a translation that is not a valid format string (`50% off`, an unterminated `{name`)
    while its msgid is. A plural form (`msgstr[n]`) is compared with `msgid_plural`
    (also `msgstr[0]`, as msgfmt does); when the entry has more than one form it may
    leave out a named placeholder (`"one file"` for `"%(count)d files"`: a language that
    says "one" needs no number), never add or retype one (python-format; msgfmt lets a
    python-brace-format plural form name others), and it keeps the number of positional
    ones. In `c-format`, the arguments are compared in order, each with its size
    (`%s %d`, or `%1$s`...`%2$d` in any order; `%lu` is not `%u`, nor `%zu`), and a
    plural form may leave out the last ones (msgfmt's relaxed check). A msgid that is not
    a valid format string of its kind is not checked, nor are other format kinds
    (`qt-format`, `java-format`...). In `javascript-format` (Django's `djangojs.po`:
    `interpolate(gettext("%s of %s selected"), [n, total])`), `%s %d` are arguments 1
    and 2 as `%1$s %2$d` are; a translation may use them in another order by number.
    Why: `gettext("%(name)s…") % {"name": …}` with a translation naming another key raises
    KeyError (or TypeError for a tuple) at run time, in the translated language only:
    the page or command fails for those users; C's `printf` reads a `%s` given an
    integer as a pointer and crashes. Django's `compilemessages` and most
    projects' CI run `msgfmt --check-format`, which refuses the catalogue.
    Example: `msgid "“%(path)s” does not exist"` translated `msgstr "\\"%(pad)s\\" وجود ندارد"`
    (`%(pad)s` is not in the msgid, `%(path)s` missing); `msgid "%s: %d files"`,
    `msgstr "%d fichiers : %s"` (a number where the msgid has a string); in C,
    `msgid "%s: %lu bytes"`, `msgstr "%s : %u octets"` (an int where a long is passed).
    Fix safety: no fix — only the translator knows which word the placeholder stands for.
    """

    code = "T101"
    name = "placeholder-mismatch"
    default_severity = Severity.ERROR

    def check(self, doc):
        if MESSAGE not in doc.kinds or doc.source is None:
            return
        kinds = format_kinds(getattr(doc, "flags", ()))
        if not kinds:
            return
        form = getattr(doc, "form", None)
        reference = doc.plural if form is not None and doc.plural is not None else doc.source
        strict = form is None or not getattr(doc, "plural_translations", False)
        against = "msgid_plural" if form is not None and doc.plural is not None else "msgid"
        for kind in kinds:
            try:
                expected = formats.parse(kind, reference)
            except formats.Invalid:
                continue  # (msgfmt checks nothing then)
            try:
                found = formats.parse(kind, doc.text, translated=True)
            except formats.Invalid as exc:
                yield doc.finding(self, 0, len(doc.text), f"not a valid {kind} string, unlike its {against}: {exc}")
                continue
            for problem, arg in formats.compare(kind, expected, found, strict):
                span = found.spans.get(arg) if arg is not None else None
                if arg is None or isinstance(arg, int):
                    what = ""
                else:
                    written = (doc.text[span[0] : span[1]] if span else
                               reference[slice(*expected.spans[arg])])
                    what = f"{written} "
                start, end = span if span else (0, len(doc.text))
                message = f"{what}{problem}".replace("the msgid", f"the {against}")
                yield doc.finding(self, start, end, f"placeholder mismatch ({kind}): {message}")


class PluralFormDropsPlaceholder(_CatalogueStringRule):
    """A plural form that the catalogue uses for many numbers leaves out a placeholder.

    What: Reports a plural form (`msgstr[n]`) of a `python-format` or
    `python-brace-format` entry that lacks a named placeholder of `msgid_plural` (or,
    in python-brace-format, names one it does not have), of a `javascript-format` entry
    that lacks one of its arguments, or of a `c-format` entry that has fewer placeholders
    than `msgid_plural` (`"un fichier"` for `"%d files"`), where the header's
    `Plural-Forms` selects that form for 5 or more numbers of 0..1000: what
    `msgfmt --check` (`-c`: the format check with the plural distribution) refuses and
    `msgfmt --check-format` alone lets through (T101 reports the rest). A form used for
    one number (English, French, German "one") may say "one" instead of the number.
    Why: Russian, Ukrainian, Icelandic, Slovenian... use the "one" form for 21, 31, 101
    too: "Добавить теги к 1 изображению" for `%(counter)s images` tells the user
    "1 image" when 21 are selected.
    Example: wagtail 7.2's Russian `msgstr[0] "Добавить теги к 1 изображению"` for
    `msgid_plural "Add tags to %(counter)s images"` under
    `plural=(n%10==1 && n%100!=11 ? 0 : ...)` (form 0: n = 1, 21, 31, 41, 51...).
    Fix safety: no fix — the translator writes the number into the sentence.
    """

    code = "T102"
    name = "plural-form-drops-placeholder"
    default_severity = Severity.WARNING

    def check(self, doc):
        numbers = getattr(doc, "numbers", None)
        if (MESSAGE not in doc.kinds or doc.plural is None or getattr(doc, "form", None) is None
                or not getattr(doc, "plural_translations", False) or not numbers or len(numbers) < OFTEN):
            return
        for kind in format_kinds(getattr(doc, "flags", ())):
            try:
                expected, found = formats.parse(kind, doc.plural), formats.parse(kind, doc.text, translated=True)
            except formats.Invalid:
                continue  # (T101's, or not checked)
            loose = formats.compare(kind, expected, found, False)
            used = ", ".join(map(str, numbers)) + "..."
            for problem, arg in formats.compare(kind, expected, found, True):
                if (problem, arg) in loose:
                    continue
                span = found.spans.get(arg)
                written = (doc.text[slice(*span)] + " " if span else
                           doc.plural[slice(*expected.spans[arg])] + " " if arg in expected.spans else "")
                start, end = span if span else (0, len(doc.text))
                problem = problem.replace("the msgid", "the msgid_plural")
                yield doc.finding(self, start, end, f"{written}{problem} in plural form {doc.form}, which the "
                                                    f"catalogue uses for many numbers (n = {used}; {kind})")


RULES = [PlaceholderMismatch, PluralFormDropsPlaceholder]
