"""S106 arabic-letter-form: Arabic yeh and kaf (ي ك ى) inside Persian and Urdu words."""

from __future__ import annotations

from ...findings import Edit, Fix, Severity
from ...text import script
from ...text.lazy_regex import lazy, lazy_re
from ...text.script import document_spans
from .backends import available_backend
from .base import SpellingDocumentRule
from .corrections import _PROTECTED_RE

_YEH, _KAF, _ALEF_MAQSURA = "\u064a", "\u0643", "\u0649"
_FARSI_YEH, _KEHEH = "\u06cc", "\u06a9"
# The Arabic letter, the letter Persian and Urdu write for it, and their names.
_PERSIAN_OF = {_YEH: _FARSI_YEH, _KAF: _KEHEH, _ALEF_MAQSURA: _FARSI_YEH}
_NAMES = {
    _YEH: "ARABIC LETTER YEH", _KAF: "ARABIC LETTER KAF", _ALEF_MAQSURA: "ARABIC LETTER ALEF MAQSURA",
    _FARSI_YEH: "FARSI YEH", _KEHEH: "KEHEH",
}
_ZWNJ = "\u200c"
# A word of the Arabic script: letters, marks and tatweel, ZWNJ between them (نمايه‌های).
_WORD_RE = lazy(
    r"[\u0621-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff]"
    r"(?:[\u0621-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06fc\u06ff\u0640\u0670]"
    r"|\u200c(?=[\u0621-\u06ff]))*"
)
_ARABIC_FORMS = lazy_re("[\u064a\u0643\u0649]")
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


class ArabicLetterForm(SpellingDocumentRule):
    """Arabic yeh or kaf inside a Persian or Urdu word: "نمايه" for نمایه, "كه" for که.

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
    function word only Persian and Urdu write: "كه", "از", "را") and the language writes
    the word too (its dictionary knows it with ی ک: "كار", "تصديق"; not
    "صلى" of "صلى الله علیه", an Arabic formula quoted); and any word of a passage that
    reads Arabic: between line breaks, quotation marks, brackets or clause punctuation,
    two words or more, no Persian word, most of them Arabic dictionary words, and a sign
    of Arabic (ة, tanwin, إ, an Arabic function word such as في or الذي, or the article on
    a word only the Arabic dictionary knows: "الا يا ايها الساقي ادر كاسا و ناولها", a Quran
    verse in a Persian commentary). A passage of one word is read with its line (the
    Persian handbook's "( شكل 9.3, “فوروارد کردن...” را مشاهده کنید)"). Arabic, Pashto,
    Sindhi, Kurdish and Uyghur paragraphs are never read: their ي and ك are their own
    letters. A word that mixes Persian letters with
    Arabic ones ("یك", "نمايه‌های", "کريں") is always reported. Urdu's other forms (ه
    for HEH GOAL ہ, a final ي for YEH BARREE ے) are not reported: ه is both ہ and the
    aspiration ھ in Urdu text typed so ("کهانا"; fresh35's "دوباره" stays), and ي and
    ے are two letters.
    Why: search engines, tokenizers and deduplication treat "نمايه" and "نمایه" as two
    words; hazm's and parsivar's normalizers fold these letters for that reason (fresh35:
    Firefox's Persian "نمايه‌های" beside "نمایه" in one string, Urdu "رد کريں").
    Example: "مدیریت نمايه‌های خود" -> "مدیریت نمایه‌های خود"; "ذيلى پوشہ" -> "ذیلی پوشہ".
    Fix safety: the fix replaces only those code points (ي and ى by ی, ك by ک): in a
    Persian or Urdu word they are the same letter in another code point (ی has no dots in
    its final form, as ى; ي's dots are Arabic orthography), so the word keeps its meaning.
    Safe when the whole document is Persian or Urdu (no Arabic paragraph, and no passage
    read as an Arabic quotation) and the word as
    fixed is one the language's dictionary knows or the document itself writes (the
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
        if not _ARABIC_FORMS.search(text):
            return
        spans = document_spans(doc)
        protected = None
        passages: dict[tuple[int, int], str] = {}  # passage bounds -> its reading
        found = []
        for a, b, lang in spans:
            if lang not in ("fa", "ur") or not _ARABIC_FORMS.search(text, a, b):
                continue
            for m in _WORD_RE.finditer(text, a, b):
                word = m.group()
                if not _ARABIC_FORMS.search(word) or _ARABIC_WORD_SIGN.search(word):
                    continue
                start, end = m.span()
                if doc.in_code(start, end):
                    continue
                if protected is None:
                    protected = [p.span() for p in _PROTECTED_RE.finditer(text)]
                if any(p <= start and end <= q for p, q in protected):
                    continue
                if word in self._accepted_words():
                    continue  # (the project's ``accept`` list, as written: a name spelled so on purpose)
                if _PERSIAN_LETTER.search(word) or self._persian_here(doc, m, lang, passages):
                    found.append((start, end, word, lang))
        # (a fix is safe only in a document with no Arabic paragraph nor passage: see the docstring)
        persian_only = all(lang != "ar" for _a, _b, lang in spans) and "ar" not in passages.values()
        for start, end, word, lang in found:
            yield self._finding(doc, start, end, word, word.translate(_TO_PERSIAN), lang, persian_only)

    def _accepted_words(self) -> frozenset[str]:
        words = getattr(self, "_accepted", None)
        if words is None:
            words = self._accepted = frozenset(self.project._words("accept"))
        return words

    def _persian_here(self, doc, m, lang: str, passages) -> bool:
        """The word ``m``, all of whose letters Arabic shares, is Persian or Urdu where it
        stands: its passage does not read Arabic, and the word is no Arabic dictionary word
        or, in a passage with a Persian word, one the language writes too (its folded
        spelling known to the dictionary of ``lang``: "كار", "تصديق"; not "صلى" of "صلى الله
        علیه", an Arabic formula quoted)."""
        ar = available_backend("ar")
        if ar is None:
            return False  # (no Arabic dictionary: only words with a Persian letter are told apart)
        bounds = _passage(doc.text, m.start())
        verdict = passages.get(bounds)
        if verdict is None:
            verdict = passages[bounds] = _passage_reading(doc.text, *bounds, ar)
            if verdict == "" and _one_word(doc.text, *bounds):  # "( شكل 9.3, ...)": read its line
                verdict = _passage_reading(doc.text, *_line(doc.text, m.start()), ar)
        if verdict == "ar":
            return False
        word = m.group()
        if not _arabic_word(ar, word):
            return True
        return verdict == "fa" and _known(lang, word.translate(_TO_PERSIAN))

    def _finding(self, doc, start, end, word, fixed, lang, persian_only):
        letters = sorted({c for c in word if c in _PERSIAN_OF}, key=word.index)
        named = ", ".join(f"{c} ({_NAMES[c]})" for c in letters)
        language = "Persian" if lang == "fa" else "Urdu"
        targets = " and ".join(dict.fromkeys(f"{_PERSIAN_OF[c]} ({_NAMES[_PERSIAN_OF[c]]})" for c in letters))
        article = "a" if lang == "fa" else "an"
        message = f"'{word}': Arabic {named} in {article} {language} word; {language} writes {targets}: '{fixed}'"
        edit = Edit(start, end, fixed)
        known = fixed in doc.text or _known(lang, fixed)
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


def _passage(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the passage of ``pos``: between ``_PASSAGE_BREAK`` characters (at
    most ``_PASSAGE_REACH`` characters each way)."""
    lo = max(0, pos - _PASSAGE_REACH)
    start = lo
    for m in _PASSAGE_BREAK.finditer(text, lo, pos):
        start = m.end()
    m = _PASSAGE_BREAK.search(text, pos, pos + _PASSAGE_REACH)
    return start, m.start() if m else min(len(text), pos + _PASSAGE_REACH)


def _passage_reading(text: str, start: int, end: int, ar) -> str:
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
    if any(not k and _ARABIC_FORMS.search(w) and not _ARABIC_WORD_SIGN.search(w) for w, k in zip(words, known)):
        return "fa"
    return ""


# Function words Persian (and Urdu) write and Arabic does not, in Persian letters (a word
# is compared with its ي ك ى folded): "مسايل ارايه شده" is Persian by its "شده". Left out:
# words that are Arabic too (به "with it", این/اين "where", هم "they", کرد "Kurds", اما, آن).
_PERSIAN_FUNCTION_WORDS = frozenset("که از را است برای های یک شده شود بود نیز باید نمی تا با ها اور کو کا".split())
# Arabic function words Persian does not write (a quotation's "في", "إلى", "الذي").
_ARABIC_FUNCTION_WORDS = frozenset(
    "في الى إلى عن التي الذي الذين هذا هذه ذلك تلك قد لم لن إن أن لا هو هي كان قال".split())


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
