"""A121 middle-dot-space: a middle dot standing for the space between words ("الفضاء·الإضافي·الذي")."""

from __future__ import annotations


from ...document import Document
from ...findings import Edit, Fix, Severity
from ...rules import DocumentRule
from ...text.lazy_regex import lazy
from .encoding import mojibake_byte

# Words (letters, marks, digits) joined by middle dots (U+00B7).
_DOTTED_RE = lazy(r"[\p{L}\p{M}\p{N}]+(?:\u00b7[\p{L}\p{M}\p{N}]+)+")
# Scripts that use the dot themselves: the Chinese and Japanese name separator (间隔号,
# "理查德·马修·斯托曼", "C·克拉克", "雨霖铃·寒蝉凄切"), Korean.
_CJK_RE = lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# Catalan's geminate l (the letter "l·l": "mil·lisegons", "col·lecció").
_CATALAN_RE = lazy(r"(?i)(?<=l)\u00b7(?=l)")
# French inclusive writing: a suffix of up to four lower-case letters after the dot
# ("sélectionné·e·s", "étudiant·es", "acteur·rice").
_SUFFIX_RE = lazy(r"\p{Ll}{1,4}")
# A Greek letter (with its accents) ending a word and one opening the next: between them a single dot is the ano teleia, the
# Greek semicolon (U+0387 normalises to U+00B7).
_GREEK_END_RE = lazy(r"(?=\p{L})\p{sc=Greek}\p{M}*\Z")
_GREEK_START_RE = lazy(r"(?=\p{L})\p{sc=Greek}")
MIN_WORD_CHARS = 2


class MiddleDotSpace(DocumentRule):
    """A middle dot written where a space belongs.

    What: words joined by MIDDLE DOT (U+00B7) instead of spaces: two dots or more in a run
    of words ("الفضاء·الإضافي·الذي·سيوضع", "Sans·Italic·12"), or one between two words of
    at least ``MIN_WORD_CHARS`` characters each ("NULL·لعلامات"). One finding per line,
    its fix covering the line's other dots between two visible characters too ("الإبن،·فكم",
    "1.0·الكل"), but beside Han, kana or Hangul, inside a run whose dots are meant (below)
    or in code (a Markdown code span: corpuslint's own README quotes these examples).
    Not reported: the dot where a writing system uses it: the name and title separator of
    Chinese and Japanese (any Han, kana or Hangul in the run: "理查德·马修·斯托曼",
    "J·R·R·托尔金"), Catalan's l·l ("mil·lisegons"), French inclusive writing (short
    lower-case suffixes after the dots: "sélectionné·e·s"), and a product of one-letter
    variables ("A·B"); nor a dot that is a byte of a mis-decoded letter (``Р·РЅ``, "зн" in
    UTF-8 read as cp1251: ``encoding.mojibake_byte``, A105's defect). One dot between two Greek words is the ano teleia, the Greek
    semicolon (U+0387 normalises to U+00B7): its own finding says the space after it is
    missing ("αποκλείσετε·αποκλείονται"), and its fix adds that space, never removes it.
    Why: editors that show spaces as middle dots (a translation tool's visible whitespace)
    let translators and copy-pasters keep the dots: the words no longer split, so
    tokenisers, search and dictionaries see one long word. glib/GTK's Arabic catalogue
    writes some property descriptions entirely this way.
    Example: ``مقدار·تحريك·السهم·باتجاه·ص·عند·تحرير·الزر`` (GTK, Arabic).
    Fix safety: unsafe: each dot of the run becomes a space; a dot that was meant (a
    notation, a brand written with dots) would be lost, so review first (a Greek ano
    teleia keeps its dot: a space is added after it).
    """

    code = "A121"
    name = "middle-dot-space"
    family = "artifact"
    default_severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document):
        text = doc.text
        if "\u00b7" not in text:
            return
        checked = self.checked_regions()
        runs: list[tuple[int, int]] = []
        kept: list[tuple[int, int]] = []  # runs whose dots are meant (or code): no fix touches them
        for m in _DOTTED_RE.finditer(text):
            run = m.group()
            words = run.split("\u00b7")
            if (doc.kind_at(m.start()) not in checked  # a code span, a URL: the dots are the code's
                    or _CJK_RE.search(run) or _CATALAN_RE.search(run)  # a name separator; Catalan's l·l
                    or all(_SUFFIX_RE.fullmatch(w) for w in words[1:])  # French inclusive writing
                    or any(mojibake_byte(doc, k, k + 1) for k in range(m.start(), m.end()) if text[k] == "\u00b7")):
                kept.append(m.span())
                continue
            if len(words) == 2 and _GREEK_END_RE.search(words[0]) and _GREEK_START_RE.match(words[1]):
                kept.append(m.span())  # "αποκλείσετε·αποκλείονται": the Greek semicolon, a space missing after it
                dot = m.start() + len(words[0])
                yield doc.finding(self, dot, dot + 1, "Greek ano teleia (U+00B7, the Greek semicolon) with no "
                                  "space after it", fix=Fix.unsafe(Edit(dot + 1, dot + 1, " ")))
                continue
            if len(words) == 2 and min(len(w) for w in words) < MIN_WORD_CHARS:
                continue  # "A·B", "p·ssaro" alone: a product of variables, a lost letter
            runs.append(m.span())
        # one finding per line: its runs, and its other dots beside punctuation or a number
        # ("الإبن،·فكم", "للإبن.·0.0", "المتوفر··أكبر", "1.0·الكل")
        i = 0
        while i < len(runs):
            nl = text.find("\n", runs[i][0])
            line_end = len(text) if nl < 0 else nl
            j = i
            while j + 1 < len(runs) and runs[j + 1][0] < line_end:
                j += 1
            line_start = text.rfind("\n", 0, runs[i][0]) + 1
            dots = [k for k in range(line_start, line_end) if text[k] == "\u00b7" and 0 < k < len(text) - 1
                    and not text[k - 1].isspace() and not text[k + 1].isspace()
                    and not _CJK_RE.match(text[k - 1]) and not _CJK_RE.match(text[k + 1])
                    and doc.kind_at(k) in checked and not any(a < k < b for a, b in kept)]
            start, end = min(runs[i][0], dots[0]), max(runs[j][1], dots[-1] + 1)
            i = j + 1
            yield doc.finding(
                self, start, end,
                f"{len(dots)} middle dot{'s' * (len(dots) > 1)} (U+00B7) where spaces belong between the words",
                fix=Fix.unsafe(*(Edit(k, k + 1, " ") for k in dots), independent=True),
            )
