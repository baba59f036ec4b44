"""Words of a translation that spell a Latin word of its source string in Arabic letters.

A user interface catalogue translates "Asia/Kashgar" as "آسيا/كاشغر", "Braille" as
"البرايل", "Assamese" as "الأسامية", "PostScript Level 3" as "بوستسكريبت المستوى الثالث":
the Arabic word is the source's name or term written in Arabic letters, which no Arabic
dictionary lists, and S101 took them for slips of a common word one letter away (كاشغر /
أصغر). When a document has a source (a .po string's msgid), a rejected word whose
consonants are those of one of the source's Latin words, in order, is read as that word
transliterated, as the dictionary would read a word it knows.

The comparison is on consonant skeletons: each Arabic letter stands for the Latin sounds
it transliterates (ب for b and p, ق ك for k c q g, غ for g, ج for j and g, ط ت for t,
تش for ch, ...); long vowels (ا, و and ي between consonants), hamza seats and ع are
vowels; the article ال and a nisba or feminine ending (ي, ية, ة, ه: "الأسامية" for
Assamese) are not part of the name. Latin vowels are dropped, doubled letters read once,
digraphs (sh ch th kh gh ph ck) read as one sound, and a camel-cased term is also read as
its parts ("SmartArt" -> Smart, Art). Two skeletons match when they are equal, or when
the Arabic one is the Latin one less its last consonant (the Latin suffix -an, -ish:
"الكورنية" for Cornish, "الصوربية" for Sorbian), with at least two consonants matched
and, for two, a word of four letters or more without its article. A Latin u or o before
an a is also read as the glide w it is in "Guam", "Guatemala", "Alagoas" ("جوام",
"ألاغواس"), beside the reading without it.

S103 asks ``names_source`` of a spelling it would pair with another: "جوام" writes the
msgid's "Guam" and "قوائم" (lists), the corpus's other spelling of that form, does not,
so the two are a name and a word, not one name written two ways; "جواتيمالا" and
"غواتيمالا" both write "Guatemala" and stay a pair.
"""

from __future__ import annotations


from ...text.lazy_regex import lazy, lazy_re

# Latin sound classes an Arabic consonant letter writes.
_AR_SOUNDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "ب": "b p", "پ": "p", "ت": "t", "ط": "t", "ث": "t s", "ج": "j g", "چ": "ch", "ح": "h", "خ": "kh",
    "د": "d", "ض": "d", "ذ": "d z", "ر": "r", "ز": "z s", "ظ": "z d", "س": "s", "ص": "s", "ش": "sh ch",
    "غ": "g r", "ف": "f v", "ڤ": "v f", "ق": "k g", "ك": "k g", "ک": "k g", "گ": "g", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w v", "ي": "y j", "ی": "y j",
}.items()}
_CH = frozenset({"ch", "sh"})  # تش
_AR_VOWELS = frozenset("اأإآءئؤعى")
_LATIN_VOWELS = frozenset("aeiouyåäöüéèêáàíóúâîôûæø")
_DIGRAPHS = {"sh": "sh", "ch": "ch", "th": "t", "kh": "kh", "gh": "g", "ph": "f", "ck": "k", "qu": "k"}
_LATIN_SOUND = {"c": "k", "q": "k", "x": "k", "w": "w", "j": "j", "y": "y"}
_ARTICLE_RE = lazy_re(r"^(?:وال|فال|بال|كال|لل|ال)(?=\w{3,}$)")
_LATIN_WORD_RE = lazy_re(r"[A-Za-zÀ-ÖØ-öø-ÿ]{3,}")
_CAMEL_RE = lazy(r"[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+|[A-ZÀ-ÖØ-Þ]+(?![a-z])")


def latin_skeletons(sources) -> list[tuple[str, ...]]:
    """The consonant skeletons of the Latin words of ``sources`` (a msgid and its plural),
    each word whole and, when camel-cased, each of its parts."""
    out: list[tuple[str, ...]] = []
    for source in sources:
        for m in _LATIN_WORD_RE.finditer(source or ""):
            word = m.group()
            parts = [word] + [p for p in _CAMEL_RE.findall(word) if p != word and len(p) >= 3]
            for part in parts:
                for glide in (False, True):
                    sk = _latin_skeleton(part.lower(), glide)
                    if sk and sk not in out:
                        out.append(sk)
    return out


def _latin_skeleton(word: str, glide: bool = False) -> tuple[str, ...]:
    """``glide``: a u or o before an a is the consonant w (Guam: g-w-m, Alagoas: l-g-w-s)."""
    sounds: list[str] = []
    i, n = 0, len(word)
    while i < n:
        two = word[i : i + 2]
        if two in _DIGRAPHS:
            s, i = _DIGRAPHS[two], i + 2
        elif glide and word[i] in "uo" and two[1:] == "a":
            s, i = "w", i + 1
        else:
            c, i = word[i], i + 1
            if c in _LATIN_VOWELS and not (c in "yw" and i < n and word[i] in _LATIN_VOWELS):
                continue
            if c == "c" and i < n and word[i] in "eiy":
                s = "s"
            else:
                s = _LATIN_SOUND.get(c, c)
        if not sounds or sounds[-1] != s:
            sounds.append(s)
    return tuple(sounds)


_HAMZA = frozenset({"ʔ"})  # a sound no Latin letter writes
_MEDIAL_HAMZA = frozenset("ئؤء")


def _arabic_skeleton(clean: str, hamza: bool = False) -> list[frozenset[str]]:
    """``hamza``: a hamza after the first letter (قوائم) is the glottal stop it is in an
    Arabic word, not a vowel seat."""
    m = _ARTICLE_RE.match(clean)
    word = clean[m.end() :] if m else clean
    for ending in ("ية", "يه", "ي", "ة", "ه"):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            word = word[: -len(ending)]
            break
    out: list[frozenset[str]] = []
    i, n = 0, len(word)
    while i < n:
        c = word[i]
        if c == "ت" and i + 1 < n and word[i + 1] == "ش":
            sound, i = _CH, i + 2
        else:
            i += 1
            if hamza and i > 1 and c in _MEDIAL_HAMZA:
                sound = _HAMZA
            elif c in _AR_VOWELS:
                continue
            else:
                sound = _AR_SOUNDS.get(c)
            if sound is None:
                continue
            if c in "وويی":
                # a consonant at the start of the word or before a long ā (بايان: b-y-n);
                # elsewhere a long vowel or a diphthong (البرايل: Braille, بهلوي)
                if i > 1 and (i >= n or word[i] not in "اآ"):
                    continue
        if not out or out[-1] != sound:
            out.append(sound)
    return out


def transliterates(clean: str, skeletons: list[tuple[str, ...]]) -> bool:
    """``clean`` (an Arabic word) writes one of the Latin ``skeletons`` in Arabic letters."""
    return bool(_written(clean, skeletons))


def names_whole_source(clean: str, text: str, sources) -> bool:
    """A translated string that is one word (``text``, stripped, is ``clean``) for a msgid
    of one Latin word, which ``clean`` writes in Arabic letters: iso-codes' "Lek" as
    "الليك", a currency's name. The word stands for the whole source, so two consonants
    are enough even when the word, its article aside, is shorter than four letters (which
    ``transliterates`` asks of a word among others)."""
    words = [w for s in sources for w in _LATIN_WORD_RE.findall(s or "")]
    if text.strip() != clean or len(words) != 1 or "".join(sources).strip() != words[0]:
        return False
    return bool(_written(clean, latin_skeletons(words), short=True))


def names_source(clean: str, other: str, skeletons: list[tuple[str, ...]], rooted) -> bool:
    """``clean`` writes a Latin word of the source (``skeletons``) that ``other``, another
    spelling of its form, does not: the name the source gives, beside a word ("جوام" for
    Guam, "قوائم" lists; "ألاغواس" for Alagoas, "أقواس" brackets). ``rooted(other)``: the
    morphology derives ``other`` from an Arabic root, so its hamza is a consonant (قوائم
    cannot write "Guam"); a name's hamza may be a vowel seat ("سيئول", Seoul). ``clean``'s
    own hamza is always read as a consonant: "كانئات" (a slip of كائنات) is not "contain"
    with its vowels moved."""
    mine = _written(clean, skeletons, hamza=True)
    if not mine:
        return False
    return not mine <= _written(other, skeletons) or not mine <= _written(other, skeletons, hamza=rooted(other))


def _written(clean: str, skeletons: list[tuple[str, ...]], hamza: bool = False, short: bool = False) -> set[int]:
    """The indices of the ``skeletons`` that ``clean`` writes (``short``: two consonants
    suffice whatever the word's length)."""
    if not skeletons:
        return set()
    ar = _arabic_skeleton(clean, hamza)
    if len(ar) < 2:
        return set()
    m = _ARTICLE_RE.match(clean)
    long_enough = short or len(clean) - (m.end() if m else 0) >= 4
    found = set()
    for i, sk in enumerate(skeletons):
        if len(sk) == len(ar) or len(sk) == len(ar) + 1:
            if all(s in a for s, a in zip(sk, ar)) and (len(ar) >= 3 or long_enough):
                found.add(i)
    return found
