"""Does the difference between two similar passages carry meaning?

Near-duplicate (D102) and restatement (D103) findings claim that a later passage
adds nothing to an earlier one. Word overlap alone cannot support that claim for
minimal pairs, where the few differing words are exactly what the passage says:

* a negation: "Nul ne peut ..." / "... peut ...", "is" / "is not", لا / لم / ليس;
* an antonym: "Enable the disk cache" / "Disable the disk cache", "install" /
  "uninstall", "before" / "after", or the counterpart for the other sex: "women" / "men",
  "her" / "him" (the Qur'an's rules for daughters and for sons);
* a number: "unsigned 16-bit integers" / "unsigned 32-bit integers", or a share written
  as a word: "a quarter" / "an eighth" («un cuarto» / «un octavo», «le quart» / «le huitième»);
* a comparison operator: "expr1 < expr2" / "expr1 <= expr2" (bc(1)'s list of
  relational expressions, each with its one-line description);
* the one content word that distinguishes two parallel statements: ``deb`` /
  ``deb-src``, "Immediate" / "Timeout" objects, "privé de sa nationalité" / "privé de
  sa propriété", narrations of one hadith through different narrators;
* with ``paraphrase`` (D103), a quoted label on one side only: "... to open «Обзор»" / "To
  open the app list, ...", od's „f“ / „d“ type letters; two labels in Markdown's emphasis, one
  on each side: "cliquez sur **Ouvrir avec une autre application**" / "... sur **Chercher de
  nouvelles applications**".

``significant_change(a, b)`` compares the two passages word by word (difflib's
longest-matching-blocks alignment over normalised words; for passages of more than 500
words each, a patience alignment, ``word_matcher``) and names the first such
difference, or returns None when every difference is insignificant: function words
and fillers, punctuation and spacing, number formatting (1,000 / 1000 / ١٠٠٠),
diacritics and letter variants, and one-letter spelling variants of long words.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

import regex

from ...text import normalize
from ...text import tokens as T
from ...text.lazy_regex import lazy
from ...text.sequences import PatienceMatcher
from . import codepoints as CP

# Negators (and negative quantifiers) in the languages the project meets most.
NEGATIONS = frozenset(
    normalize.normalize_chars(w)
    for w in """
    not no never none nothing nobody nowhere neither nor cannot can't don't doesn't didn't isn't aren't
    wasn't weren't won't wouldn't shouldn't mustn't without n't
    ne pas jamais aucun aucune rien personne nul nulle sans
    nicht kein keine keinen niemals nie ohne
    لا لم لن ليس ليست ليسوا غير بدون دون ما عدم
    نه نمی نیست هیچ بی
    نہیں نہ بغیر
    δεν μην όχι ούτε μηδέ χωρίς κανένας καμία κανένα τίποτα ποτέ
    नहीं न मत बिना नाही नको नये નહિં નહીં ન નથી વગર না নয় নেই নি বিনা ਨਹੀਂ ਨਾ ਬਿਨਾਂ
    இல்லை அல்ல లేదు కాదు ಇಲ್ಲ ಅಲ್ಲ ഇല്ല അല്ല නැත නැහැ නොවේ
    không chưa chẳng
    tidak bukan belum
    değil
    """.split()
)
# (Vietnamese không "not", chưa "not yet", chẳng "not (at all)": L. C. Thompson, A Vietnamese
# Reference Grammar, 1965, on the negative adverbs; Indonesian tidak "not" (verbs,
# adjectives), bukan "not" (nouns), belum "not yet": J. N. Sneddon, Indonesian: A Comprehensive
# Grammar, 1996, on negation; Turkish değil, the negator of nominal predicates: A. Göksel
# and C. Kerslake, Turkish: A Comprehensive Grammar, 2005, on negation. Turkish verbs negate
# with the suffix -mA-, which a word list cannot tell from the verbal noun -mA, so it is
# not listed.)

# Prefixes that turn a word into its opposite (enable/disable, install/uninstall;
# Spanish and French igual/desigual, ordre/désordre).
ANTONYM_PREFIXES = ("un", "dis", "non", "in", "im", "il", "ir", "de", "des", "dés", "anti", "mis", "no")

# Opposites that share no prefix; a verb that turns a thing on faces the particle that turns it
# off ("Activate QuickMask mode using ..." / "Toggle QuickMask mode off using ...").
ANTONYM_PAIRS = frozenset(
    frozenset(p.split("/"))
    for p in """
    allow/deny accept/reject add/remove before/after increase/decrease min/minimum max/maximum
    minimum/maximum true/false yes/no on/off up/down open/close start/stop import/export
    include/exclude always/never first/last left/right input/output read/write get/set
    show/hide enabled/disabled private/public inner/outer upper/lower push/pull
    load/unload lock/unlock less/more least/most above/below inside/outside success/failure
    synchronous/asynchronous sync/async client/server request/response
    activate/off enable/off
    """.split()
) | frozenset(  # a statement and its counterpart for the other sex (the Qur'an's rules for wives
    # and for husbands, daughters and sons): man/woman, him/her, in the languages met most
    frozenset(p.split("/"))
    for p in """
    man/woman men/women he/she him/her his/her male/female boy/girl father/mother son/daughter brother/sister
    husband/wife sons/daughters brothers/sisters husbands/wives homme/femme hommes/femmes il/elle ils/elles
    fils/fille frère/sœur père/mère mari/épouse hombre/mujer hombres/mujeres él/ella hijo/hija hijos/hijas
    padre/madre hermano/hermana mann/frau männer/frauen sohn/tochter bruder/schwester man/kvinna män/kvinnor
    han/hon honom/henne son/dotter söner/döttrar bror/syster
    """.split()
)

# Sentence openers that set the sentence against the one before it: a contrast
# states a second case ("A normal dependency indicates ... . As for a pre-dependency,
# it stipulates ..."), not the first one again.
CONTRAST_OPENERS_TEXT = """
whereas | unlike | in contrast | by contrast | on the other hand | conversely | as for | as opposed to
en revanche | par contre | contrairement | alors que | à l'inverse
dagegen | hingegen | im gegensatz | im unterschied
أما | بينما | بخلاف | على عكس | على العكس | في المقابل | بالمقابل | في حين
اما | در مقابل | برخلاف | بر خلاف | در حالی که
جبکہ | اس کے برعکس | برعکس
"""

# Sentence openers that announce a conclusion: the sentence sums up, or applies, what
# came before ("In summary, ...", "Thus, this comment is likely to ...", "So, in answer
# to your question, ...", «因此，...»), so it restates by design.
CONCLUSION_OPENERS_TEXT = """
in conclusion | in summary | to sum up | to summarize | to summarise | in short | in brief | all in all
thus | therefore | hence | so | consequently
en conclusion | en résumé | en somme | donc | ainsi | par conséquent
zusammenfassend | daher | somit | folglich | en conclusión | en resumen | por lo tanto | por tanto | así que
لذلك | لذا | وبالتالي | وختاما | ختاما | في الختام | خلاصة القول | وعليه
بنابراین | در نتیجه | در مجموع
因此 | 所以 | 总之 | 综上所述 | 总而言之
"""

# Fractions and ordinals written as words (a share, a rank): "a quarter" / "an eighth",
# «le quart» / «le huitième», "en fjärdedel" / "en åttondel" are two numbers. Cardinals
# are left out: "one", «un», «en» are also articles and pronouns, Swedish «sex» is English;
# and so are the words that mean something else as often (Arabic ثمن is also a price, German
# «achte» also heeds).
# Cardinals written as words, where none is also an article, a pronoun or a common word
# (Greek: "ένα" is also "a", left out): they count as the digits ("δύο τμήματα" / "τρία
# τμήματα", two / three sections, are two numbers; "2 τμήματα" is "δύο τμήματα").
CARDINAL_WORDS_TEXT = """
2: δύο δυο
3: τρία τρεις
4: τέσσερα τέσσερις
5: πέντε
6: έξι
7: επτά εφτά
8: οκτώ οχτώ
9: εννέα εννιά
10: δέκα
"""
NUMBER_WORDS_TEXT = """
2: half halves moitié mitad hälfte hälften halva metade metà نصف
3: third thirds tiers tercio tercera drittel tredjedel terço terzo troisième tercero dritte ثلث
4: quarter quarters fourth quart cuarto cuarta viertel fjärdedel quarto quatrième vierte ربع
5: fifth cinquième quinto quinta fünftel femtedel fünfte خمس
6: sixth sixième sexto sexta sechstel sjättedel sechste sesto سدس
7: seventh septième séptimo siebtel sjundedel siebte settimo
8: eighth huitième octavo octava achtel åttondel oitavo ottavo
9: ninth neuvième noveno neuntel niondel neunte nono
10: tenth dixième décimo zehntel tiondel zehnte decimo
"""

# Words whose presence or absence changes no content: function words (the D103 list),
# plus English fillers and reporting verbs (news rewrites swap "said" for "stated").
FILLERS_TEXT = """
the a an of to in and or is are was were be been being for on at by with as that this these those it its
their his her our your my also just very really then so such there here which who whom whose what when
where while thus hence however moreover furthermore indeed please note will would shall should can could
may might must do does did has have had all any each every some more most other another same own
said says stated added noted told explained reported
le la les un une des du de d l à au aux et ou en dans par pour sur avec est sont été être ce cet cette
ces qui que qu se sa son ses leur leurs
der die das ein eine und oder ist sind zu mit von für auf im
قال قالت أكد أكدت أضاف أضافت أوضح أوضحت ذكر ذكرت صرح أشار أشارت
و ف ثم
"""


# Scripts without spaces are aligned character by character (``tokens.tokens``). A run of
# such characters that changes between two paragraphs is a content word unless it is only
# grammar: Chinese function characters and Japanese particles (each character of the run
# among these: 是个 / 是一个), or one Thai function word (the run as a whole).
SPACELESS_FUNCTION_CHARS = frozenset(
    "的了一个個是在也都就故和與与及或而之其这這那此着著过過吗嗎呢吧啊把被对對从從将將所为為以于於得地很还還又再才"
    "のはがをにでともへやかなね"
)
THAI_FUNCTION_WORDS = frozenset("ที่ ซึ่ง และ ได้ จะ ของ ให้ ว่า ก็ นี้ นั้น ไป มา อยู่ แล้ว ๆ ใน กับ โดย การ ความ".split())


def _inner_change(op, na: int, nb: int) -> bool:
    """A difflib opcode over texts of ``na`` and ``nb`` tokens that changes a word for
    another, or adds one before or inside the text: not what one copy adds at its end
    (the chapter an attribution names, «--《论语》» / «--《论语》学而», is the same passage
    cited more fully). Words added at the start change what the text is about: Firefox's
    Khmer "អ្នក​ចេញ​វិញ្ញាបនបត្រ ..." (the certificate's issuer ...) / "វិញ្ញាបនបត្រ ..."
    (the certificate ...)."""
    tag, i1, i2, j1, j2 = op
    return tag == "replace" or not (i2 == na and j2 == nb)


def _spaceless_content(words) -> list[str]:
    """The runs of consecutive spaceless-script tokens in ``words`` that are content
    (``SPACELESS_FUNCTION_CHARS``, ``THAI_FUNCTION_WORDS``), each joined into one string:
    «覆蓋» / «附加» (overwrite / append), «พิมพ์» / «วาง» (typed / pasted)."""
    out, run = [], []
    for w in list(words) + [""]:
        if w and T.is_spaceless(w):
            run.append(w)
            continue
        if run:
            span = "".join(run)
            if not (span in THAI_FUNCTION_WORDS or all(c in SPACELESS_FUNCTION_CHARS for c in span)):
                out.append(span)
            run = []
    return out


_NT_RE = lazy(r"(?<=\w)n['’]t\b")


def _norm_words(text: str) -> list[str]:
    return list(_norm_words_of(text))


# (D102 and D103 compare one paragraph or sentence with several others: its words and
# its contrast marker are computed once while it is among the last texts compared)
@lru_cache(maxsize=1024)
def _norm_words_of(text: str) -> tuple[str, ...]:
    """The words of ``text``, normalised; in Arabic text (not Persian or Urdu: a letter of
    ``_NOT_ARABIC_RE``) without their proclitics (``normalize.light_stem``)."""
    arabic = _NOT_ARABIC_RE.search(text) is None
    text = _NT_RE.sub(" not", normalize.normalize_chars(text))  # don't -> do not
    return tuple(normalize.light_stem(w) for w in T.tokens(text)) if arabic else tuple(T.tokens(text))


# Letters of Persian and Urdu that Arabic lacks (Farsi yeh and keheh included, which
# ``normalize_chars`` folds): Arabic's proclitics و and ال are not those languages'
# prefixes, and stripping them made other words of them (Urdu "وہی" that very one became
# the particle "ہی", "والدین" parents became "دین" religion; Persian "وزیر" minister "زیر").
_NOT_ARABIC_RE = lazy(r"[\u067e\u0686\u0698\u06af\u06cc\u06a9\u06c1\u06be\u06d2\u06ba\u0679\u0688\u0691\u06c2\u06d3\u06c0]")


_FILLERS: set[str] = set()
_CONTRAST: list[tuple[str, ...]] = []


def contrast_opener(text: str) -> str | None:
    """The contrast marker ``text`` opens with (``CONTRAST_OPENERS_TEXT``: "whereas",
    "in contrast", «أما», «بينما», «در مقابل» ...), normalised, or None."""
    return _contrast_opener(text[:80])


@lru_cache(maxsize=1024)
def _contrast_opener(head: str) -> str | None:
    return _opener(head, _CONTRAST, CONTRAST_OPENERS_TEXT)


_CONCLUSION: list[tuple[str, ...]] = []


_SO_COMMA_RE = lazy(r"\W*so[ \t]*,", regex.IGNORECASE)


def conclusion_opener(text: str) -> str | None:
    """The conclusion marker ``text`` opens with (``CONCLUSION_OPENERS_TEXT``: "In
    summary", "Thus", "So,", «因此» ...), normalised, or None. "So" counts only with its
    comma: "So many people ...", "So-called experts ..." open no conclusion."""
    found = _conclusion_opener(text[:80])
    if found == "so" and _SO_COMMA_RE.match(text) is None:
        return None
    return found


@lru_cache(maxsize=1024)
def _conclusion_opener(head: str) -> str | None:
    return _opener(head, _CONCLUSION, CONCLUSION_OPENERS_TEXT)


def _opener(head: str, markers: list[tuple[str, ...]], source: str) -> str | None:
    """The marker of ``source`` (``|``- or line-separated phrases; ``markers`` is filled
    with their normalised words on first use) that ``head``'s words open with, or None."""
    if not markers:
        markers.extend(tuple(_norm_words(m)) for m in source.replace("\n", "|").split("|") if m.strip())
    words = _norm_words_of(head)
    for m in markers:
        if m and tuple(words[: len(m)]) == m:
            return " ".join(m)
    return None


def _fillers() -> set[str]:
    if not _FILLERS:
        from .units import STOPWORDS_TEXT

        _FILLERS.update(w for word in (STOPWORDS_TEXT + FILLERS_TEXT).split() for w in _norm_words(word))  # (each in its language)
    return _FILLERS


_NUMBER_RE = lazy(r"\d(?:[\d,.\u066b\u066c'\u00a0\u202f]*\d)?")


# A comparison operator standing between spaces, as formulas and manuals write them
# (not "->", "=>" or a tag's "<b>").
_OPERATOR_RE = lazy(r"(?<=\s)(?:<=|>=|==|!=|<>|<|>|≤|≥|≠)(?=\s)")


def operators(text: str) -> Counter[str]:
    """Comparison operators written between operands in ``text``."""
    return Counter(_OPERATOR_RE.findall(text))


def numbers(text: str) -> Counter[str]:
    """Numbers in ``text`` with their formatting removed (1,000 = 1000 = ١٠٠٠), and the
    fractions and ordinals it writes as words (``NUMBER_WORDS_TEXT``: "quarter" and
    "fourth" are both ``"/4"``)."""
    return Counter(_numbers_of(text))


_NUMBER_WORDS: dict[str, str] = {}


@lru_cache(maxsize=1024)  # (a sentence compared with several others: see ``_norm_words_of``)
def _numbers_of(text: str) -> Counter[str]:
    if not _NUMBER_WORDS:
        for row in NUMBER_WORDS_TEXT.strip().splitlines():
            n, words = row.split(":")
            _NUMBER_WORDS.update((w, "/" + n) for word in words.split() for w in _norm_words(word))
        for row in CARDINAL_WORDS_TEXT.strip().splitlines():
            n, words = row.split(":")
            _NUMBER_WORDS.update((w, n) for word in words.split() for w in _norm_words(word))
    out = Counter(regex.sub(r"\D", "", n) for n in _NUMBER_RE.findall(normalize.normalize_chars(text)))
    out.update(v for v in map(_NUMBER_WORDS.get, _norm_words_of(text)) if v is not None)
    return out


def _antonyms(x: str, y: str) -> bool:
    if frozenset((x, y)) in ANTONYM_PAIRS:
        return True
    short, long_ = sorted((x, y), key=len)
    if len(short) >= 3 and long_.endswith(short):
        return long_[: len(long_) - len(short)] in ANTONYM_PREFIXES
    # disable/enable, deactivate/activate: prefix swap on a shared stem (of 4+ letters):
    # x = negative prefix + stem and y = ("en" | "" | "re") + stem, or the other way round
    return not (_negated_stems(x).isdisjoint(_base_stems(y)) and _negated_stems(y).isdisjoint(_base_stems(x)))


# word -> the words ANTONYM_PAIRS pairs it with
_PARTNERS: dict[str, frozenset[str]] = {}
for _pair in ANTONYM_PAIRS:
    for _w in _pair:
        _PARTNERS[_w] = _PARTNERS.get(_w, frozenset()) | (_pair - {_w} if len(_pair) > 1 else _pair)
_PREFIX_INITIALS = frozenset(p[0] for p in ANTONYM_PREFIXES)


def _prefix_stripped(words: set[str]) -> set[str]:
    """Each word less each ``ANTONYM_PREFIXES`` prefix it starts with (any remainder)."""
    return {w[len(p) :] for w in words if w[:1] in _PREFIX_INITIALS for p in ANTONYM_PREFIXES if w.startswith(p)}


def _may_hold_antonyms(removed: set[str], added: set[str]) -> bool:
    """False only when no ``_antonyms(x, y)`` holds for x in ``removed``, y in ``added``.
    ``_antonyms`` holds for a pair in ANTONYM_PAIRS, for one word that is the other with
    an ``ANTONYM_PREFIXES`` prefix, and for a prefix-stripped stem of one that is a
    ``_base_stems`` of the other: the last two both need a prefix-stripped form of one
    side among the other side's base stems (a word is its own base stem). Words that
    start with no such prefix (all Arabic, most English) leave only the pairs to check."""
    for x in removed:
        partners = _PARTNERS.get(x)
        if partners is not None and not partners.isdisjoint(added):
            return True
    stripped = _prefix_stripped(removed)
    if stripped and any(not stripped.isdisjoint(_base_stems(y)) for y in added):
        return True
    stripped = _prefix_stripped(added)
    return bool(stripped) and any(not stripped.isdisjoint(_base_stems(x)) for x in removed)


@lru_cache(maxsize=1 << 16)
def _negated_stems(word: str) -> frozenset[str]:
    """``word`` less each ``ANTONYM_PREFIXES`` prefix it starts with, where 4+ letters remain."""
    return frozenset(word[len(p) :] for p in ANTONYM_PREFIXES if word.startswith(p) and len(word) - len(p) >= 4)


@lru_cache(maxsize=1 << 16)
def _base_stems(word: str) -> frozenset[str]:
    """``word`` less a leading "en" or "re", and itself."""
    return frozenset(word[len(q) :] for q in ("en", "", "re") if word.startswith(q))


def _spelling_variant(x: str, y: str) -> bool:
    """One edit apart, both at least 5 characters (a typo or a transliteration
    variant: شويغو / شويجو), and not a number: one substitution, or one deletion from
    the longer (tried at the first position where the two differ: deleting any other
    character that works deletes a copy of the same character, the same string)."""
    if min(len(x), len(y)) < 5 or abs(len(x) - len(y)) > 1 or _has_digit(x) or _has_digit(y):
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    if len(x) == len(y):
        return i < len(x) and x[i + 1 :] == y[i + 1 :]
    return long_[i + 1 :] == short[i:]


def _unpaired(cx: list[str], cy: list[str]) -> tuple[list[str], list[str]]:
    """``cx`` and ``cy`` less the spelling variants (``_spelling_variant``) that pair off:
    each word of ``cx`` in turn with the first word of ``cy`` not yet paired that is its
    variant. Only the words of ``cy`` that share a key with it are tried (a word less one
    of its letters, or the word itself: two words one edit apart share one), each distinct
    word once, at its first position not yet paired: linear in the words (two long changed
    blocks of a few words repeated compared each pair, d102: 14.7 million for 3,839 words
    each, 240 s)."""
    if not cx or not cy:
        return cx, cy
    where: dict[str, list[int]] = {}  # a distinct word of cy -> its positions
    for p, u in enumerate(cy):
        where.setdefault(u, []).append(p)
    sharing: dict[str, list[str]] = {}  # a key -> the distinct words of cy that have it
    for u in where:
        for k in _variant_keys(u):
            sharing.setdefault(k, []).append(u)
    taken = dict.fromkeys(where, 0)  # a distinct word of cy -> how many of its first positions are paired
    paired_x: set[int] = set()
    paired_y: set[int] = set()
    for i, w in enumerate(cx):
        best = None
        for u in {u for k in _variant_keys(w) for u in sharing.get(k, ())}:
            if u != w and taken[u] < len(where[u]) and _spelling_variant(w, u):
                p = where[u][taken[u]]
                if best is None or p < best[0]:
                    best = (p, u)
        if best is not None:
            taken[best[1]] += 1
            paired_x.add(i)
            paired_y.add(best[0])
    if not paired_x:
        return cx, cy
    return ([w for i, w in enumerate(cx) if i not in paired_x], [u for p, u in enumerate(cy) if p not in paired_y])


@lru_cache(maxsize=1 << 16)
def _variant_keys(word: str) -> tuple[str, ...]:
    """``word`` and ``word`` less each of its letters; none for a word that no
    ``_spelling_variant`` has (under 5 characters, or with a digit)."""
    if len(word) < 5 or _has_digit(word):
        return ()
    return (word, *(word[:i] + word[i + 1 :] for i in range(len(word))))


@lru_cache(maxsize=1 << 16)
def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _content(words: list[str]) -> list[str]:
    """The content words of ``words``: not a filler, not only digits, not a character of
    a spaceless script (each distinct word judged once: ``_CONTENT_WORD``)."""
    return list(filter(_CONTENT_WORD.__getitem__, words))


def _content_word(w: str) -> bool:
    return w not in _fillers() and not w.isdigit() and not T.is_spaceless(w)


_CONTENT_WORD = normalize.RunMemo(_content_word)  # word -> ``_content_word(word)``


# Names: a capitalised word after the first word of a sentence (Intel / AMD), or an
# identifier with inner digits, dots, slashes or underscores (vmx, /proc/cpuinfo).
_NAME_ALTERNATIVES = (
    r"(?<=[\w,;:)\]\"'’»] +)\p{Lu}[\p{L}\p{M}\p{N}]*",  # a capitalised word after the first
    r"[\w-]*[\w][_/.][\w/._-]*\w",  # an identifier with inner _ / .
    r"(?=\w*\p{L})\w*\d\w*",  # a word with a digit
)
_NAME_RE = lazy("|".join(_NAME_ALTERNATIVES))
# What each alternative's match holds: where a text has none, that alternative never
# matches, and ``names`` scans with a pattern of the others (same matches: findall tries
# the alternatives in order at each position, and one that cannot match changes nothing).
# Prose without capitals, identifiers or digits (Arabic, CJK) then costs one quick scan.
# (the second written from its separator: found exactly where ``\w[_/.][\w/._-]*\w`` is,
# and ~10x faster to look for in prose, where nearly every character is a ``\w``)
_NAME_NEEDS = (CP.CAPITAL_RE, regex.compile(r"(?<=\w)[_/.][\w/._-]*\w"), CP.DIGIT_RE)
_NAME_PATTERNS: dict[tuple[bool, ...], regex.Pattern | None] = {}


def _name_pattern(text: str, present: tuple[bool, ...] | None = None) -> regex.Pattern | None:
    """``_NAME_RE`` less the alternatives that cannot match in ``text`` (None: no name);
    ``present``: which alternatives' preconditions hold in ``text``, when already known."""
    if present is None:
        present = tuple(need.search(text) is not None for need in _NAME_NEEDS)
    if present not in _NAME_PATTERNS:
        alts = [a for a, p in zip(_NAME_ALTERNATIVES, present) if p]
        _NAME_PATTERNS[present] = regex.compile("|".join(alts)) if alts else None
    return _NAME_PATTERNS[present]


_CODE_SPAN_RE = lazy(r"(`+)([^`\n]+?)\1")


def names(text: str) -> set[str]:
    """Proper names and identifiers in ``text`` (casefolded), see ``_NAME_RE``, and the
    content of inline code spans (```ls```, ```--allow-scripts-pending```): in
    technical text a code span names the thing a sentence is about; in text of a script
    written without spaces, its words in Latin letters and its numbers (``embedded_names``)."""
    return _names(text, _name_pattern(text)) | embedded_names(text)


def _names(text: str, pattern: regex.Pattern | None) -> set[str]:
    out = {m.casefold() for m in pattern.findall(text)} if pattern is not None else set()
    if "`" in text:
        out.update(m.group(2).strip().casefold() for m in _CODE_SPAN_RE.finditer(text))
    return out


# In a paragraph of a script written without spaces (Han, Kana, Thai...), whose words D104
# compares as character bigrams, a word in Latin letters is a name whatever its case: a
# program, a command, a product kept in its own spelling (manpages-ja's "aclocal の完全な
# ドキュメントは Texinfo マニュアルとして…" beside automake(1)'s "automake  の完全な…"). There
# it is one token among a hundred character bigrams, where in English it is one of a dozen
# words: the same sentence about two programs is 0.91 alike in Japanese, 0.73 in English, so
# the name it stands for, not the similarity, tells the two apart. Text mostly in Latin
# letters under a CJK word (manpages-zh's "版权 Copyright © 2022 Free Software Foundation…")
# is English: its words are words. (The share asked is low, far from where a CJK sentence
# with names lies, so that two near-copies are judged alike: evince's Chinese help "使用
# PDF-Shuffler 将空白页合并到您的 PDF 文档末尾" has half its letters in Han, and its copy
# with "空白的 PDF" in place of "空白页" a little less.)
# So is a number there, the slot a page for each size fills (evince's Japanese help: "12
# ページの小冊子を印刷することは簡単です。PDF ドキュメントを 12 ページにするために…" on the
# 12-page booklet's page, "16" on the 16-page one's).
_LATIN_WORD_RE = lazy(r"\p{Latin}[\p{Latin}\p{N}_+-]+|\p{Nd}+")
_LATIN_RE = lazy(r"[\p{Latin}\p{Nd}]")
LATIN_NAMES_SHARE = 0.25  # of the letters at least in spaceless scripts


def embedded_names(text: str) -> set[str]:
    """The words in Latin letters (two or more characters, casefolded) and the numbers of
    ``text`` when a ``LATIN_NAMES_SHARE`` of its letters or more are of scripts written
    without spaces (above); else none."""
    if not T.has_spaceless(text) or _LATIN_RE.search(text) is None or T.spaceless_share(text) < LATIN_NAMES_SHARE:
        return set()
    return {m.casefold() for m in _LATIN_WORD_RE.findall(text)}


def name_free(text: str, maybe: tuple[bool, bool, bool] = (True, True, True)) -> bool:
    """True when no part of ``text`` has a name (``names`` is empty for every span): no
    capital, digit, identifier or code span anywhere, nor a Latin word or a number in text
    of a spaceless script (``embedded_names``). ``maybe``: ``codepoints.name_hints`` of the
    text, when known (a False there spares the search for that class: a capital, a digit,
    a character of a spaceless script)."""
    if "`" in text:
        return False
    if maybe[2] and T.has_spaceless(text) and _LATIN_WORD_RE.search(text) is not None:
        return False
    if ("_" in text or "/" in text or "." in text) and _NAME_NEEDS[1].search(text) is not None:
        return False
    return not any(m and _NAME_NEEDS[k].search(text) is not None for k, m in zip((0, 2), maybe))


def names_of_spans(text: str, spans: list[tuple[int, int]]) -> list[set[str]]:
    """``[names(text[s:e]) for s, e in spans]``, the same sets, with each alternative's
    precondition (``_NAME_NEEDS``) looked for once in the whole ``text``: a character
    class absent from the text is absent from every span, and where it is present a
    span holds it iff one of its positions falls inside. Prose without capitals,
    digits or identifiers (Arabic, CJK) then costs three scans per document, not per
    paragraph."""
    upper_need, ident_need, digit_need = _NAME_NEEDS
    upper = [m.start() for m in upper_need.finditer(text)]
    digits = [m.start() for m in digit_need.finditer(text)]
    # an identifier holds _ / or . (``_NAME_NEEDS[1]``): str.__contains__ rules most prose out
    ident_anywhere = ("_" in text or "/" in text or "." in text) and ident_need.search(text) is not None

    def inside(positions: list[int], s: int, e: int) -> bool:
        k = bisect_left(positions, s)
        return k < len(positions) and positions[k] < e

    latin = T.has_spaceless(text) and _LATIN_RE.search(text) is not None  # (``embedded_names``, asked per span)
    out = []
    for s, e in spans:
        part = text[s:e]
        present = (inside(upper, s, e), ident_anywhere and ident_need.search(part) is not None, inside(digits, s, e))
        found = _names(part, _name_pattern(part, present))
        if latin:
            found |= embedded_names(part)
        out.append(found)
    return out


# A command-line option: a hyphen or two after a space, a quote or the start, then a letter
# ("su -l", "ls --all"); a hyphen inside a word ("well-known") or before a digit is not one.
_KEY_CHORD_RE = lazy(r"(?<![\w+])(?:(?:shift|ctrl|control|alt|altgr|cmd|command|option|meta|super|fn|strg|umschalt)\+)+\w+",
                     regex.IGNORECASE)


def key_chords(text: str) -> Counter[str]:
    """The key chords of ``text``, casefolded, with their counts: "Shift+Tab",
    "Ctrl+Shift+F6" (modifier names followed by "+" and a key)."""
    return Counter(m.group().casefold() for m in _KEY_CHORD_RE.finditer(text)) if "+" in text else Counter()


def _chord_change(a: str, b: str) -> str | None:
    """A key chord on one side only, where the other side names another chord or the chord's
    bare key: "Tab - putar semua tombol ... dari atas ke bawah" / "Shift+Tab - putar semua
    tombol ... ke arah yang berlawanan" (LibreOffice's Indonesian help: two keys, two
    directions), a contrast. A chord the other side leaves unnamed is not one (a restatement
    may drop the shortcut)."""
    ka, kb = key_chords(a), key_chords(b)
    if ka == kb:
        return None
    for chords, other, other_chords in ((ka - kb, b, kb), (kb - ka, a, ka)):
        for chord in chords:
            key = chord.rsplit("+", 1)[1]
            if other_chords or regex.search(rf"(?<![\w+]){regex.escape(key)}(?!\w)", other, regex.IGNORECASE):
                return f"key '{chord}'"
    return None


_OPTION_RE = lazy(r"(?<![\w\-])--?[A-Za-z][\w-]*")


def options(text: str) -> set[str]:
    """Command-line options in ``text``: "su -l" and "su" are two commands."""
    return set(_OPTION_RE.findall(text))


# A definition's term: a label of a few words before a colon that opens the passage
# ("Power regression: finds a power curve ...", "Logarithmic regression: finds ...").
_TERM_RE = lazy(r"[ \t]*([^\s:][^:\n]{0,60}?)[ \t]*:[ \t]+\S")
TERM_MAX_WORDS = 12


def defined_term(text: str) -> str | None:
    """The term a passage defines when it opens with a label and a colon (at most
    ``TERM_MAX_WORDS`` words, no sentence end in it), else None."""
    m = _TERM_RE.match(text)
    if m is None or len(m.group(1).split()) > TERM_MAX_WORDS or regex.search(r"[.!?;]", m.group(1)):
        return None
    return m.group(1)


# A quoted label: one to four words (LABEL_MAX_WORDS), at most 40 characters, between
# quotation marks that open and close differently («Обзор», “Save”, „f“, ‘Open’) or straight
# double quotes: the name of a menu item, a key, a type letter.
_LABEL_RE = lazy(r'«([^«»\n]{1,40}?)»|“([^“”\n]{1,40}?)[”“]|„([^„“”\n]{1,40}?)[“”]|‘([^‘’\n]{1,40}?)’'
                 r'|(?<!\w)"([^"\n]{1,40}?)"(?!\w)')
LABEL_MAX_WORDS = 4
# A sentence quoting more phrases than this quotes data (the phrases of a text it
# translates), not the names of the things it is about.
LABEL_MAX_QUOTES = 2


def quoted_labels(text: str) -> set[str]:
    """The quoted labels of ``text`` (``_LABEL_RE``), stripped: a single letter or key (od's
    „f“, „C“), or, in a text quoting at most ``LABEL_MAX_QUOTES`` phrases, a name of one to
    ``LABEL_MAX_WORDS`` words opening with a capital («Обзор», “Save”). Case is kept („f“
    and „F“ are two type letters). Lowercase phrases in quotes are scare quotes or
    quotations ('storing faces in "buckets"', 'saying "shave them"'), not labels."""
    if not any(q in text for q in '«“„‘"'):
        return set()
    found = [next(g for g in m.groups() if g is not None).strip() for m in _LABEL_RE.finditer(text)]
    out = set()
    for label in found:
        if len(label) == 1 and not label.isspace():
            out.add(label)
        elif (len(found) <= LABEL_MAX_QUOTES and label[:1].isupper() and len(label.split()) <= LABEL_MAX_WORDS):
            out.add(label)
    return out


# An emphasised label may be longer than a quoted one: a button's name translated
# ("**Ouvrir avec une autre application**", Open With Other Application).
EMPHASIS_LABEL_MAX_WORDS = 6


def emphasized_labels(text: str) -> set[str]:
    """The labels ``text`` sets in Markdown's emphasis (``emphasized``), as ``quoted_labels``
    reads quotation marks: in a text emphasising at most ``LABEL_MAX_QUOTES`` phrases, a name of
    one to ``EMPHASIS_LABEL_MAX_WORDS`` words opening with a capital (GNOME help's buttons,
    "cliquez sur **Chercher de nouvelles applications**"); a letter in emphasis is no key ("2*3*4")."""
    found = emphasized(text)
    if len(found) > LABEL_MAX_QUOTES:
        return set()
    return {x for x in found if x[:1].isupper() and len(x.split()) <= EMPHASIS_LABEL_MAX_WORDS}


@lru_cache(maxsize=1)
def _inline_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def emphasized(text: str) -> list[str]:
    """The texts of the emphasis and strong emphasis spans of ``text`` read as Markdown's inline
    content (CommonMark, markdown-it: "**Couleur**", "*barra de rutas*"; not "2*3*" nor a
    snake_case name), stripped, in order; an emphasis inside another is part of it."""
    if "*" not in text and "_" not in text:
        return []
    out, depth, parts = [], 0, []
    for block in _inline_parser().parseInline(text):
        for tok in block.children or ():
            if tok.type in ("em_open", "strong_open"):
                depth += 1
            elif tok.type in ("em_close", "strong_close"):
                depth -= 1
                if depth == 0:
                    out.append("".join(parts).strip())
                    parts = []
            elif depth > 0:
                parts.append(tok.content)
    return [x for x in out if x]


def emphasis_change(a: str, b: str) -> str | None:
    """A label each side sets in emphasis (``emphasized_labels``) that the other lacks, as a
    word of its own too, or None: "Si vous ne trouvez pas l'application voulue, cliquez sur
    **Ouvrir avec une autre application**." / "Si néanmoins vous ne trouvez toujours pas
    l'application voulue, cliquez sur **Chercher de nouvelles applications**." name two
    buttons. Unlike a quoted label, one on one side only is no difference: a variant of a
    sentence naming one more ("... junto al botón de **Actividades** ..." / "... junto a los
    menús de **Actividades** y **Lugares** ...") still restates it."""
    la, lb = emphasized_labels(a), emphasized_labels(b)
    if la == lb or not la or not lb:
        return None
    only_a = sorted(x for x in la - lb if not _names_label(b, x))
    only_b = sorted(x for x in lb - la if not _names_label(a, x))
    return f"label '{only_b[0]}'" if only_a and only_b else None


def _names_label(text: str, label: str) -> bool:
    """True when ``text`` holds ``label`` as words of its own (case kept)."""
    return regex.search(r"(?<![\w-])" + regex.escape(label) + r"(?![\w-])", text) is not None


def label_change(a: str, b: str) -> str | None:
    """A quoted label (``quoted_labels``) on one side that the other side lacks, quoted or
    as a word of its own (case kept), or None: GNOME's "... swipe up to open «Обзор»" /
    "To open the app list, ... swipe up again" open two things; od's "If TYPE is one of
    „d“, „o“, „u“ or „x“, ... „C“ for sizeof(char) ..." / "If TYPE is „f“, ... „F“ for
    sizeof(float) ..." says what each type letter allows. A label the other passage has
    as a word ("Click „Speichern“" / "... mit Speichern gesichert") is no difference."""
    la, lb = quoted_labels(a), quoted_labels(b)
    if la == lb:
        return None
    for label, other in sorted((x, b) for x in la - lb) + sorted((x, a) for x in lb - la):
        if not _names_label(other, label):
            return f"label '{label}'"
    return None


def significant_change(a: str, b: str, *, paraphrase: bool = False) -> str | None:
    """Name the meaningful difference between passages ``a`` and ``b``, or None.

    Returns "number", "operator '</<='" (a comparison operator: ``expr1 < expr2`` /
    ``expr1 <= expr2``), "name 'x'" (a proper name or identifier on one side only: Intel
    / AMD, ``vmx`` / ``svm``), "option 'x'" (a command-line option on one side only: ``su -l``
    / ``su``), "contrast 'x'" (one passage opens with a contrast
    marker: «أما», "whereas", "in contrast"), "term 'x'" (each opens with a different
    term and a colon: parallel definitions, "Logarithmic regression: finds ..." / "Power
    regression: finds ..."), "negation", "antonym 'x'/'y'" or "content word 'x'"
    (the first found). With ``paraphrase`` (D103: a restatement is expected to use other words),
    differing content words count only in a *minimal pair*: the passages share their
    frame (at least 60% of the shorter one's words, in order) and differ in at most
    two places (the same substitution repeated counts once), where a content word on one
    side faces different content (or none) on the other — parallel statements, not a
    restatement; and a quoted label on one side only counts ("label 'x'", ``label_change``:
    «Обзор» / the app list), since a restatement may reword everything but the thing it names;
    so does a label in Markdown's emphasis on each side that the other lacks (``emphasis_change``).
    """
    return (_marked_change(a, b) or _word_change(a, b, paraphrase)
            or ((label_change(a, b) or emphasis_change(a, b)) if paraphrase else None))


def differs(a: str, b: str, *, paraphrase: bool = False) -> bool:
    """``significant_change(a, b, paraphrase=paraphrase) is not None``, with the word
    alignment asked first: most pairs D103 asks about differ in a content word, a
    negation or an antonym, and are then decided without looking for numbers, operators,
    names, options, contrast markers or defined terms (each a pass over both texts)."""
    return (_word_change(a, b, paraphrase) is not None or _marked_change(a, b) is not None
            or (paraphrase and (label_change(a, b) is not None or emphasis_change(a, b) is not None)))


def _marked_change(a: str, b: str) -> str | None:
    """The first of ``significant_change``'s differences found without aligning words:
    a number, an operator, a name, an option, a contrast marker, a defined term."""
    if numbers(a) != numbers(b):
        return "number"
    ops_a, ops_b = operators(a), operators(b)
    if ops_a != ops_b:
        return f"operator '{'/'.join(sorted((ops_a - ops_b) + (ops_b - ops_a)))}'"
    na, nb = names(a), names(b)
    if na != nb:  # a name on one side only (not even as a plain word on the other)
        lower_a, lower_b = a.casefold(), b.casefold()
        differing = sorted([n for n in na - nb if n not in lower_b] + [n for n in nb - na if n not in lower_a])
        if differing:
            return f"name '{differing[0]}'"
    if "-" in a or "-" in b:
        oa, ob = options(a), options(b)
        if oa != ob:
            return f"option '{min(oa ^ ob)}'"
    if "+" in a or "+" in b:
        chord = _chord_change(a, b)
        if chord:
            return chord
    ca, cb = contrast_opener(a), contrast_opener(b)
    if ca != cb:
        return f"contrast '{cb or ca}'"
    ta, tb = defined_term(a), defined_term(b)
    if ta and tb and ta.casefold() != tb.casefold():
        return f"term '{tb}'"
    return None


class _WordMatcher(PatienceMatcher):
    """The patience matcher (``text.sequences``) over two passages' words: after the common
    head and tail, a gap of at most ``WORD_CELLS`` word pairs is difflib's (a unique word is
    no anchor there: a word once in each of two 100-word gaps, in different places, made
    a near-copy whose difflib changes are four function words one with 82 words moved); a larger gap is anchored on its unique words,
    or without one on its unique runs of words (two long paragraphs of a few words repeated)."""

    gap_cells = 250_000
    exact_cells = gap_cells
    same_length_pairwise = False
    run_anchors = True


WORD_CELLS = _WordMatcher.gap_cells


def word_matcher(wa: list[str], wb: list[str]) -> difflib.SequenceMatcher:
    """The alignment of the words ``wa`` and ``wb`` that ``significant_change`` reads:
    difflib's (``autojunk=False``) for passages of at most ``WORD_CELLS`` word pairs (500
    words each; nearly every paragraph), the patience matcher's (``_WordMatcher``) for
    longer ones, on which difflib's search is quadratic in the words the passages repeat
    (d102: two near-copies of 8,000 words of an eight-word vocabulary, over 400 s)."""
    if len(wa) * len(wb) <= WORD_CELLS:
        return difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    return _WordMatcher(None, wa, wb, autojunk=False)


def _word_change(a: str, b: str, paraphrase: bool) -> str | None:
    """The first of ``significant_change``'s differences found by aligning the words: a
    negation, an antonym, a content word (with ``paraphrase``: only in a minimal pair)."""
    wa, wb = _norm_words(a), _norm_words(b)
    neg_a = sum(1 for w in wa if w in NEGATIONS)
    neg_b = sum(1 for w in wb if w in NEGATIONS)
    if neg_a != neg_b:
        return "negation"
    sm = word_matcher(wa, wb)
    changes = [op for op in sm.get_opcodes() if op[0] != "equal"]
    blocks = [(wa[i1:i2], wb[j1:j2]) for tag, i1, i2, j1, j2 in changes]
    removed = [w for x, _ in blocks for w in x]
    added = [w for _, y in blocks for w in y]
    if _may_hold_antonyms(set(removed), set(added)):
        for x in dict.fromkeys(removed):  # (in the passages' order: a set's varied with the hash seed)
            for y in dict.fromkeys(added):
                if _antonyms(x, y):
                    return f"antonym '{x}'/'{y}'"
    content_blocks = []
    for (x, y), op in zip(blocks, changes):
        cx, cy = _content(x), _content(y)
        if not paraphrase and _inner_change(op, len(wa), len(wb)):  # (D102, in a script without spaces)
            cx += _spaceless_content(x)
            cy += _spaceless_content(y)
        cx, cy = _unpaired(cx, cy)  # (spelling variants pair off)
        if cx or cy:
            content_blocks.append((cx, cy))
    if not content_blocks:
        return None
    first = content_blocks[0][1] or content_blocks[0][0]
    if not paraphrase:
        return f"content word '{first[0]}'"
    matched = sum(m.size for m in sm.get_matching_blocks())
    # (one substitution made wherever its term occurs is one place: renice(1)'s "renice'ing
    # a process group causes all processes in the process group to ..." / "renice'ing a
    # user causes all processes owned by the user to ...")
    places = {(tuple(x), tuple(y)) for x, y in content_blocks}
    if len(places) <= 2 and matched >= 0.6 * min(len(wa), len(wb)):
        return f"content word '{first[0]}'"
    if max(len(wa), len(wb)) <= SLOT_MAX_WORDS and matched >= SLOT_FRAME_SHARE * min(len(wa), len(wb)):
        slot = _slot_substitution(content_blocks, wa, wb)
        if slot is not None:
            return f"content word '{slot}'"
    return _minimal_pair_after_lead_in(changes, wa, wb)


# A frame said of another thing: the passages share at least this share of the shorter one's
# words (in order), and one term of the first is replaced by one term of the second at two
# places or more (``_slot_substitution``).
SLOT_FRAME_SHARE = 0.5
SLOT_MAX_WORDS = 300  # (sentences; a longer run of words is no sentence, and its stems' pairing is quadratic)
STEM_MIN_PREFIX = 4  # characters two inflected forms share at least (``_same_stem``)


def shared_prefix(u: str, v: str) -> int:
    """How many characters ``u`` and ``v`` share at their start."""
    n = 0
    for a, b in zip(u, v):
        if a != b:
            break
        n += 1
    return n


def _same_stem(u: str, v: str) -> bool:
    """Two forms of one word, read without a language's morphology: equal, or sharing a
    prefix of at least ``STEM_MIN_PREFIX`` characters and 60 % of the shorter word
    ("χαρακτήρες" / "χαρακτήρων", "εκφράσεις" / "εκφράσεων", "अधिकार" / "अधिकारों"), not
    "ορισμού" / "καθορισμού"."""
    return u == v or shared_prefix(u, v) >= max(STEM_MIN_PREFIX, 0.6 * min(len(u), len(v)))


def _slot_substitution(blocks: list[tuple[list[str], list[str]]], wa: list[str], wb: list[str]) -> str | None:
    """The word of ``wb`` filling the slot where ``wa`` had another term, when two
    passages share one frame and differ in what fills it: a content word (any inflected
    form, ``_same_stem``) that is nowhere in ``wb`` faces one that is nowhere in ``wa`` in
    at least two of the changed places (``blocks``: each place's content words, of ``wa``
    and of ``wb``). LibreOffice's help: "Criteria can be created using wildcards, provided
    that wildcards have been enabled via the option Enable wildcards in formulas ..." /
    "Even more powerful criteria can be created using regular expressions, provided that
    regular expressions have been enabled via ... Enable regular expressions in formulas
    ...": the same sentence said of another feature, not a restatement, which keeps its
    subject and rewords the rest. None when no term is so replaced."""
    reps: list[str] = []  # one form a stem (the first met)
    stems: dict[str, int] = {}  # word -> its stem's index (a word's stem never changes once found)

    def stem(w: str) -> int:
        i = stems.get(w)
        if i is None:
            i = next((k for k, r in enumerate(reps) if _same_stem(w, r)), len(reps))
            if i == len(reps):
                reps.append(w)
            stems[w] = i
        return i

    in_a = {stem(w) for w in _content(wa)}
    in_b = {stem(w) for w in _content(wb)}
    support: Counter[tuple[int, int]] = Counter()
    first: dict[tuple[int, int], str] = {}
    for x, y in blocks:
        if not x or not y:
            continue
        # (stemmed in the order the pairs met them: x's first word, y's, then x's others)
        head = stem(x[0])
        of_y = [stem(v) for v in y]
        pairs = {(a, b) for a in (head, *(stem(u) for u in x[1:])) for b in of_y}
        for pair in pairs:
            if pair[0] != pair[1] and pair[0] not in in_b and pair[1] not in in_a:
                support[pair] += 1
                first.setdefault(pair, reps[pair[1]])
    best = [pair for pair, n in support.items() if n >= 2]
    return first[best[0]] if best else None


def _minimal_pair_after_lead_in(changes, wa: list[str], wb: list[str]) -> str | None:
    """The word that makes two sentences a minimal pair once their differing lead-ins
    are set aside: the first difference opens both sentences ("Specifically, before
    entering any runlevel, ..." / "Then ..."), and after it the sentences differ only in
    one or two single content words swapped one for one, over a body at least 60 %
    shared ("... all the scripts beginning with 'K' are run; these scripts kill
    services." / "... with 'S' are run; these scripts start services."): the same frame
    said of another thing, not a restatement. ``changes``: difflib's opcodes of ``wa``/``wb``
    less the equal ones."""
    if len(changes) < 2 or len(changes) > 3 or changes[0][1] != 0 or changes[0][3] != 0:
        return None
    lead = changes[0]
    for tag, i1, i2, j1, j2 in changes[1:]:
        if tag != "replace" or i2 - i1 != 1 or j2 - j1 != 1 or not (_content([wa[i1]]) and _content([wb[j1]])):
            return None
        if _spelling_variant(wa[i1], wb[j1]):
            return None
    body = min(len(wa) - lead[2], len(wb) - lead[4])
    matched = body - (len(changes) - 1)
    if body < 6 or matched < 0.6 * body:
        return None
    return f"content word '{wb[changes[1][3]]}'"
