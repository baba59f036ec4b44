"""S106 arabic-letter-form: Arabic yeh and kaf (ي ك ى) inside Persian and Urdu words."""

from __future__ import annotations

from ...findings import Edit, Fix, Severity
from ...text import script
from ...text.lazy_regex import lazy, lazy_re
from ...text.script import document_spans
from .backends import available_backend
from .base import SpellingDocumentRule
from .corrections import ProtectedRuns

_YEH, _KAF, _ALEF_MAQSURA, _HEH = "\u064a", "\u0643", "\u0649", "\u0647"
_FARSI_YEH, _KEHEH, _HEH_GOAL, _DO_CHASHMI = "\u06cc", "\u06a9", "\u06c1", "\u06be"
# The Arabic letter, the letter Persian and Urdu write for it, and their names.
_PERSIAN_OF = {_YEH: _FARSI_YEH, _KAF: _KEHEH, _ALEF_MAQSURA: _FARSI_YEH}
_NAMES = {
    _YEH: "ARABIC LETTER YEH", _KAF: "ARABIC LETTER KAF", _ALEF_MAQSURA: "ARABIC LETTER ALEF MAQSURA",
    _HEH: "ARABIC LETTER HEH", _FARSI_YEH: "FARSI YEH", _KEHEH: "KEHEH", _HEH_GOAL: "HEH GOAL",
    _DO_CHASHMI: "HEH DOACHASHMEE",
}
_ZWNJ = "\u200c"
# A word of the Arabic script: letters, marks and tatweel, ZWNJ between them (نمايه‌های).
_WORD_RE = lazy(
    r"[\u0621-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff]"
    r"(?:[\u0621-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06fc\u06ff\u0640\u0670]"
    r"|\u200c(?=[\u0621-\u06ff]))*"
)
_ARABIC_FORMS = lazy_re("[\u064a\u0643\u0649]")
_ARABIC_FORMS_UR = lazy_re("[\u064a\u0643\u0649\u0647]")  # (and Urdu's final ه: ``_spelled``)
_FINAL_HEH = lazy_re("(?<=[\u0621-\u06d3])\u0647[\u064b-\u065f\u0670]*$")
_DIVINE_NAME = "\u0644\u0644\u0647"  # لله: الله, بالله, عبدالله keep the Arabic spelling in Urdu too
# Letters Persian and Urdu write and Arabic does not (``text.script``'s: پ چ ژ گ ک ی and
# Urdu's own; with ۀ) and ZWNJ: a word that has one beside ي or ك was typed in Persian or
# Urdu, whatever its keyboard.
_PERSIAN_LETTER = lazy_re("[" + script._PERSIAN_URDU.pattern[1:-1] + script._URDU_ONLY.pattern[1:-1] + "\u06c0\u200c]")
# Signs of an Arabic word that Persian and Urdu words do not carry: taa marbuta, tanwin,
# hamza below an alef, alef wasla and the Quranic marks.
_ARABIC_WORD_SIGN = lazy_re("[\u0629\u064b-\u064d\u0625\u0671\u06d6-\u06ed]")
# Where a passage (a quotation, a clause) ends: a line break, brackets and quotation marks,
# sentence and clause punctuation.
_PASSAGE_BREAK = lazy_re(r"[\n\r«»()\[\]{}\"“”﴾﴿.!?؟:؛،;]")
_PASSAGE_REACH = 400  # characters read each way for a passage's bounds


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _mostly_arabic_script(text: str, start: int, end: int) -> bool:
    """Most letters of ``text[start:end]`` (a line, its markup and code masked: an HTML
    page's tags are no text) are of the Arabic script: it is written in it, not a line of
    another script quoting its words (a table of examples in an English
    README, whose Urdu and Persian words made the letters read as Urdu)."""
    letters = [ch for ch in text[start:end] if ch.isalpha()]
    return 2 * sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufefc") > len(letters)


class ArabicLetterForm(SpellingDocumentRule):
    """Arabic yeh or kaf (or, in Urdu, a final heh) inside a Persian or Urdu word: "نمايه" for نمایه.

    What: in a paragraph that is Persian or Urdu (declared, or by its letters:
    ``text.script.document_spans``), a word written with ARABIC LETTER YEH ي (U+064A),
    ARABIC LETTER KAF ك (U+0643) or ALEF MAQSURA ى (U+0649) where Persian and Urdu write
    FARSI YEH ی (U+06CC) and KEHEH ک (U+06A9): text typed on an Arabic keyboard layout or
    converted from an old code page (Windows-1256 has no ی: a final ی became ى, "براى").
    One finding per word occurrence, naming the letters and the spelling with Persian ones.
    Not reported: text in code or a URL; a word with a sign only Arabic words carry (ة,
    tanwin, إ, ٱ, Quranic marks); a word whose letters are all shared with Arabic and which
    the Arabic dictionary knows as written ("على", "صلى", "كار", "شكل"), unless its
    passage holds a Persian word (one with a Persian or Urdu letter or a ZWNJ, or a
    function word only Persian and Urdu write: "كه", "از", "را") and Persian or Urdu
    writes the word too (their dictionaries know it with ی ک: "كار", "تصديق"; not
    "صلى" of "صلى الله علیه", an Arabic formula quoted); and any word of a passage that
    reads Arabic: between line breaks, quotation marks, brackets or clause punctuation,
    two words or more, no Persian word, most of them Arabic dictionary words, and a sign
    of Arabic (ة, tanwin, إ, an Arabic function word such as في or الذي, or the article on
    a word only the Arabic dictionary knows: "الا يا ايها الساقي ادر كاسا و ناولها", a Quran
    verse in a Persian commentary). A passage of one word is read with its line (the
    Persian handbook's "( شكل 9.3, “فوروارد کردن...” را مشاهده کنید)"). Arabic, Pashto,
    Sindhi, Kurdish and Uyghur paragraphs are never read: their ي and ك are their own
    letters; nor, in a document not declared Persian or Urdu, a word on a line most of whose
    letters are of another script (Persian and Urdu words quoted as examples in an English
    table: corpuslint's README, "Persian راه + ید" beside "دوبارہ", read as Urdu). A word that mixes Persian letters with Arabic ones ("یك", "نمايه‌های",
    "کريں") is always reported. In Urdu, a final ARABIC LETTER HEH ه (U+0647) too, for
    HEH GOAL ہ ("دوباره": دوبارہ) or, where old Urdu text typed ه for the aspiration, HEH
    DOACHASHMEE ھ ("کچه": کچھ): whichever of the two the Urdu dictionary knows; neither
    or both, it is left (and so is the name الله, and a ه inside a word, which is either). A final ي is read as ی, never as YEH BARREE ے: two
    letters, not two code points of one.
    Why: search engines, tokenizers and deduplication treat "نمايه" and "نمایه" as two
    words; hazm's and parsivar's normalizers fold these letters for that reason (fresh35:
    Firefox's Persian "نمايه‌های" beside "نمایه" in one string, Urdu "رد کريں").
    Example: "مدیریت نمايه‌های خود" -> "مدیریت نمایه‌های خود"; "ذيلى پوشہ" -> "ذیلی پوشہ";
    Urdu "دوباره کوشش کریں" -> "دوبارہ کوشش کریں".
    Fix safety: the fix replaces only those code points (ي and ى by ی, ك by ک, Urdu's
    final ه by ہ or ھ): in a Persian or Urdu word they are the same letter in another code
    point (ی has no dots in its final form, as ى; ي's dots are Arabic orthography), so the
    word keeps its meaning.
    Safe when the whole document is Persian or Urdu (no Arabic paragraph, and no passage
    read as an Arabic quotation) and the word as fixed is one the Persian or Urdu
    dictionary knows or the document itself writes (the
    corpus's own spelling: "نمايه" beside "نمایه"); unsafe otherwise: an Arabic quotation
    the passage test missed would be rewritten, and a word no dictionary knows may be a
    name whose spelling its writer chose. A word on the project's ``accept`` list, as
    written, is not reported.
    """

    code = "S106"
    name = "arabic-letter-form"
    default_severity = Severity.WARNING
    fixable = True

    def check(self, doc):
        text = doc.text
        if not _ARABIC_FORMS_UR.search(text):
            return
        spans = document_spans(doc)
        protected = ProtectedRuns(text)
        passages: dict[tuple[int, int], str] = {}  # passage bounds -> its reading
        written: dict[int, bool] = {}  # line start -> written in the Arabic script (``_mostly_arabic_script``)
        found = []
        for a, b, lang in spans:
            forms = _ARABIC_FORMS if lang == "fa" else _ARABIC_FORMS_UR
            if lang not in ("fa", "ur") or not forms.search(text, a, b):
                continue
            declared = doc.language in ("fa", "ur")
            for m in _WORD_RE.finditer(text, a, b):
                word = m.group()
                if not forms.search(word) or _ARABIC_WORD_SIGN.search(word):
                    continue
                fixed = _spelled(word, lang)
                if fixed is None:
                    continue
                start, end = m.span()
                if doc.in_code(start, end):
                    continue
                line = text.rfind("\n", 0, start) + 1
                if not declared and line not in written:
                    written[line] = _mostly_arabic_script(doc.masked(), line, _line_end(text, end))
                if not declared and not written[line]:
                    continue  # (words quoted on a line of another script: README's "Persian راه + ید")
                if protected.holds(start, end):
                    continue
                if word in self._accepted_words():
                    continue  # (the project's ``accept`` list, as written: a name spelled so on purpose)
                if _PERSIAN_LETTER.search(word) or self._persian_here(doc, m, fixed, lang, passages):
                    found.append((start, end, word, fixed, lang))
        # (a fix is safe only in a document with no Arabic paragraph nor passage: see the docstring)
        persian_only = all(lang != "ar" for _a, _b, lang in spans) and "ar" not in passages.values()
        for start, end, word, fixed, lang in found:
            yield self._finding(doc, start, end, word, fixed, lang, persian_only)

    def _accepted_words(self) -> frozenset[str]:
        words = getattr(self, "_accepted", None)
        if words is None:
            words = self._accepted = frozenset(self.project._words("accept"))
        return words

    def _persian_here(self, doc, m, fixed: str, lang: str, passages) -> bool:
        """The word ``m``, all of whose letters Arabic shares, is Persian or Urdu where it
        stands: its passage does not read Arabic, and the word is no Arabic dictionary word
        or, in a passage with a Persian word, one Persian or Urdu writes too (its folded
        spelling known to their dictionaries: "كار", "تصديق"; not "صلى" of "صلى الله علیه",
        an Arabic formula quoted)."""
        ar = available_backend("ar")
        if ar is None:
            return False  # (no Arabic dictionary: only words with a Persian letter are told apart)
        verdict = _reading(doc.text, _passage(doc.text, m.start()), ar, lang, passages)
        if verdict == "" and _one_word(doc.text, *_passage(doc.text, m.start())):
            verdict = _line_reading(doc.text, m.start(), ar, lang, passages)  # "( شكل 9.3, ...)": its line's
        if verdict == "ar":
            return False
        word = m.group()
        if not _arabic_word(ar, word):
            return True
        return verdict == "fa" and _persian_known(fixed)

    def _finding(self, doc, start, end, word, fixed, lang, persian_only):
        pairs = dict.fromkeys((a, b) for a, b in zip(word, fixed) if a != b)
        named = ", ".join(dict.fromkeys(f"{a} ({_NAMES[a]})" for a, _b in pairs))
        language = "Persian" if lang == "fa" else "Urdu"
        targets = " and ".join(dict.fromkeys(f"{b} ({_NAMES[b]})" for _a, b in pairs))
        article = "a" if lang == "fa" else "an"
        message = f"'{word}': Arabic {named} in {article} {language} word; {language} writes {targets}: '{fixed}'"
        edit = Edit(start, end, fixed)
        known = fixed in doc.text or _persian_known(fixed)
        fix = Fix.safe(edit) if persian_only and known else Fix.unsafe(edit)
        return doc.finding(self, start, end, message, fix=fix)


_TO_PERSIAN = str.maketrans(_PERSIAN_OF)
_MARKS = lazy_re("[\u064b-\u065f\u0670\u0640]")


def _arabic_word(ar, word: str) -> bool:
    """The Arabic dictionary knows ``word`` as written (marks and ZWNJ aside; hunspell's
    own verdict, without the retries that read "براى" as براي)."""
    clean = _MARKS.sub("", word)
    return _ZWNJ not in clean and ar.spell(clean)


def _known(lang: str, word: str) -> bool:
    backend = available_backend(lang)
    return backend is not None and backend.known(backend.clean(word))


def _persian_known(word: str) -> bool:
    """The Persian or the Urdu dictionary knows ``word``: either, as the two share these
    letters, and a short string's letters may tell one from the other only once fixed."""
    return _known("fa", word) or _known("ur", word)


def _passage(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the passage of ``pos``: between ``_PASSAGE_BREAK`` characters (at
    most ``_PASSAGE_REACH`` characters each way)."""
    lo = max(0, pos - _PASSAGE_REACH)
    start = lo
    for m in _PASSAGE_BREAK.finditer(text, lo, pos):
        start = m.end()
    m = _PASSAGE_BREAK.search(text, pos, pos + _PASSAGE_REACH)
    return start, m.start() if m else min(len(text), pos + _PASSAGE_REACH)


def _spelled(word: str, lang: str) -> str | None:
    """``word`` as Persian (``lang`` "fa") or Urdu ("ur") writes it: ي and ى as ی, ك as
    ک; in Urdu also a final ه as HEH GOAL ہ ("دوباره": دوبارہ) or, where ه stood for
    the aspiration, as ھ ("کچه": کچھ), whichever of the two the Urdu dictionary knows
    (neither or both: the final ه is left, undecided), never in the name الله. None
    when nothing is to change."""
    fixed = word.translate(_TO_PERSIAN)
    if lang == "ur" and _FINAL_HEH.search(fixed) and _DIVINE_NAME not in _MARKS.sub("", word):
        heh = _FINAL_HEH.search(fixed).start()
        readings = [r for r in (fixed[:heh] + c + fixed[heh + 1 :] for c in (_HEH_GOAL, _DO_CHASHMI))
                    if _known("ur", r)]
        if len(readings) == 1:
            fixed = readings[0]
    return None if fixed == word else fixed


def _passage_reading(text: str, start: int, end: int, ar, lang: str) -> str:
    """"fa" when the passage has a Persian or Urdu word: one with a Persian or Urdu letter
    (or a ZWNJ), a function word only they write (``_PERSIAN_FUNCTION_WORDS``: "كه",
    "از", "را"), or a word with ي ك ى that the Arabic dictionary does not know (reported,
    it becomes one with a Persian letter: the passage reads the same once fixed); "ar"
    when it has none, two words or more, most of them Arabic dictionary words, and a sign
    of Arabic (``_arabic_sign``); "" otherwise."""
    words = [m.group() for m in _WORD_RE.finditer(text, start, end)]
    if any(_PERSIAN_LETTER.search(w) or w.translate(_TO_PERSIAN) in _PERSIAN_FUNCTION_WORDS for w in words):
        return "fa"
    known = [_arabic_word(ar, w) for w in words]
    if len(words) >= 2 and sum(known) * 2 > len(words) and any(_arabic_sign(ar, w) for w in words):
        return "ar"
    if any(not k and not _ARABIC_WORD_SIGN.search(w) and _spelled(w, lang) for w, k in zip(words, known)):
        return "fa"
    return ""


# Function words Persian (and Urdu) write and Arabic does not, in Persian letters (a word
# is compared with its ي ك ى folded): "مسايل ارايه شده" is Persian by its "شده". Left out:
# words that are Arabic too (به "with it", این/اين "where", هم "they", کرد "Kurds", اما, آن).
_PERSIAN_FUNCTION_WORDS = frozenset("که از را است برای های یک شده شود بود نیز باید نمی تا با ها اور کو کا".split())
# Arabic function words Persian does not write (a quotation's "في", "إلى", "الذي").
_ARABIC_FUNCTION_WORDS = frozenset(
    "في الى إلى عن التي الذي الذين هذا هذه ذلك تلك قد لم لن إن أن لا هو هي كان قال".split())


def _reading(text: str, bounds: tuple[int, int], ar, lang: str, passages: dict) -> str:
    """``_passage_reading`` of the passage ``bounds``, memoised in ``passages``."""
    verdict = passages.get(bounds)
    if verdict is None:
        verdict = passages[bounds] = _passage_reading(text, *bounds, ar, lang)
    return verdict


def _line_reading(text: str, pos: int, ar, lang: str, passages: dict) -> str:
    """"fa" when the line of ``pos`` has a Persian or Urdu word (``_passage_reading``'s),
    a word reported in its own passage counting as one (once fixed, it has a Persian
    letter); "" otherwise."""
    start, end = _line(text, pos)
    for m in _WORD_RE.finditer(text, start, end):
        w = m.group()
        if _PERSIAN_LETTER.search(w) or w.translate(_TO_PERSIAN) in _PERSIAN_FUNCTION_WORDS:
            return "fa"
        if (not _ARABIC_WORD_SIGN.search(w) and _spelled(w, lang) and not _arabic_word(ar, w)
                and _reading(text, _passage(text, m.start()), ar, lang, passages) != "ar"):
            return "fa"
    return ""


def _one_word(text: str, start: int, end: int) -> bool:
    """The passage holds one word of the Arabic script only (a figure's label "( شكل 9.3,")."""
    words = _WORD_RE.finditer(text, start, end)
    return next(words, None) is not None and next(words, None) is None


def _line(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the line of ``pos``."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def _arabic_sign(ar, word: str) -> bool:
    """``word`` shows Arabic: a sign only Arabic words carry (ة, tanwin, إ, Quranic marks),
    an Arabic function word, or the article ال on an Arabic dictionary word that the
    Persian dictionary does not know as folded ("الساقي"; not "البته")."""
    if _ARABIC_WORD_SIGN.search(word) or _MARKS.sub("", word) in _ARABIC_FUNCTION_WORDS:
        return True
    if not word.startswith(("ال", "وال", "بال", "فال", "لل")) or not _arabic_word(ar, word):
        return False
    return not _known("fa", word.translate(_TO_PERSIAN))
