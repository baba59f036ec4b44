"""T103 newline-mismatch: a translation that begins or ends with a line break where its
msgid does not, or the other way round (what plain ``msgfmt`` refuses)."""

from __future__ import annotations

from ...findings import Edit, Fix, Severity
from .placeholders import _CatalogueStringRule


class NewlineMismatch(_CatalogueStringRule):
    """A translation begins or ends with a line break and its msgid does not, or the other way round.

    What: Reports a translated string of a gettext catalogue (a `msgstr` or `msgstr[n]`
    of a .po file) whose first character is a line break (`\\n`) while its msgid's is
    not, or the other way round; and so for the last character. A plural form is compared
    with `msgid_plural`. These are GNU gettext's `'msgid' and 'msgstr' entries do not both
    begin with '\\n'` / `... end with '\\n'` checks (gettext 0.21, `msgl-check.c`), which
    plain `msgfmt` makes on every translated, non-fuzzy entry, whatever its flags.
    Why: `msgfmt` refuses the whole catalogue (`found 1 fatal error`, exit 1), so the
    build or `compilemessages` fails for every language; and where a catalogue is loaded
    without msgfmt (polib, Babel), the program prints its lines run together or a blank
    line where the source has none: the program, not the translator, decides the layout.
    Example: `msgid "Try '%s --help' for more information.\\n"` translated
    `msgstr "Essayez « %s --help » pour plus d'informations."` (the final `\\n` lost);
    `msgid "\\nReport bugs to: %s"`, `msgstr "Signalez les bogues à : %s"`.
    Fix safety: safe — the line breaks at the string's edges are made as the msgid's
    (one `\\n` added, or the run of `\\n` at that edge removed); no word is touched.
    """

    code = "T103"
    name = "newline-mismatch"
    default_severity = Severity.ERROR
    fixable = True

    def check(self, doc):
        reference = doc.source
        text = doc.text
        if not reference or not text:
            return
        against = "msgid_plural" if getattr(doc, "form", None) and doc.plural is not None else "msgid"
        want = reference[0] == "\n"
        if (text[0] == "\n") != want:
            if want:
                edit, start, end, says = Edit(0, 0, "\n"), 0, 1, "does not begin"
            else:
                run = len(text) - len(text.lstrip("\n"))
                edit, start, end, says = Edit(0, run), 0, run, "begins"
            yield doc.finding(self, start, end, f"the translation {says} with a line break ('\\n') and its "
                                                f"{against} {'does' if want else 'does not'}: msgfmt refuses "
                                                f"the catalogue", fix=Fix.safe(edit))
        want = reference[-1] == "\n"
        if (text[-1] == "\n") != want:
            if want:
                edit, start, says = Edit(len(text), len(text), "\n"), len(text) - 1, "does not end"
            else:
                run = len(text) - len(text.rstrip("\n"))
                edit, start, says = Edit(len(text) - run, len(text)), len(text) - run, "ends"
            if edit.start == 0 and text.strip("\n") == "":
                return  # (a string of line breaks only: the begin check above said it)
            yield doc.finding(self, start, len(text), f"the translation {says} with a line break ('\\n') and "
                                                      f"its {against} {'does' if want else 'does not'}: msgfmt "
                                                      f"refuses the catalogue", fix=Fix.safe(edit))


RULES = [NewlineMismatch]
