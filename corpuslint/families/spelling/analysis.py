"""Shared map/reduce work of the spelling corpus rules.

``analyse(doc, languages)`` is the map step shared by slip, unknown-word and
transliteration-inconsistency: one pass over the tokens per language, dictionary
verdicts cached per distinct word. It returns a small picklable ``DocState`` (plain
dicts, sets and tuples) so the corpus index can store it and a pre-commit run over
a few files still sees the statistics of the whole repository.

``merge(corpus, languages)`` is the reduce-side aggregation (corpus word counts,
bigram contexts, a one-deletion index over frequent words), computed once per corpus
view and shared by the rules that need it.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import regex

from ...codec import state_type
from ...text.script import _ARABIC_LETTER, is_uthmani, language_spans
from .backends import Backend, BackendUnavailable, available_backend, get_backend

STATE_VERSION = 2
SEP = "\x1f"  # "ctx(left)<SEP>key(right)": a word's left neighbour
RSEP = "\x1e"  # "key(left)<RSEP>ctx(right)": a word's right neighbour
# Text between two tokens that still makes them neighbours: no line break, no sentence end.
_BREAK_RE = regex.compile(r"[\n\r.!?؟؛:;|]")


@state_type  # stored in the corpus index as plain data (corpuslint.codec), never pickled
@dataclass
class LangState:
    counts: dict[str, int] = field(default_factory=dict)  # cleaned spelling -> count
    # adjacent tokens, twice: "ctx1<SEP>key2" and "key1<RSEP>ctx2" (ctx = ``Backend.ctx_key``)
    bigrams: set[str] = field(default_factory=set)
    # dictionary-rejected occurrences: (start, end, clean, left key, right key)
    rejected: list[tuple[int, int, str, str, str]] = field(default_factory=list)
    pattern: dict[str, str] = field(default_factory=dict)  # clean -> morphology explanation
    # spellings of at least min_length letters: clean -> (count, first line, first column)
    variants: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    nbrs: dict[str, set[str]] = field(default_factory=dict)  # variant-prone key -> neighbour keys
    vocalised: set[str] = field(default_factory=set)  # cleaned spellings seen with vowel marks


@state_type
@dataclass
class DocState:
    content_hash: str
    langs: dict[str, LangState]
    version: int = STATE_VERSION


class _WordInfo:
    """Per distinct token: everything the map step needs, computed once per process."""

    __slots__ = ("clean", "key", "ctx", "known", "variant", "length", "marked", "vocalised")

    def __init__(self, backend: Backend, token: str):
        clean = backend.clean(token)
        self.clean = clean
        self.key = backend.key(clean)
        self.ctx = backend.ctx_key(self.key)
        self.length = len(clean)
        self.known = self.length < backend.min_length or backend.known(clean)
        self.variant = backend.is_variant_prone(clean)
        self.marked = not self.known and backend.marked(token)
        self.vocalised = self.marked and backend.vocalised(token)


_INFO: dict[str, dict[str, _WordInfo]] = {}


def _info_table(backend: Backend) -> dict[str, _WordInfo]:
    table = _INFO.get(backend.name)
    if table is None:
        table = _INFO[backend.name] = {}
    return table


def _tokens(doc, backend: Backend):
    """Matches of the back-end's tokens in the paragraphs of its language."""
    text = doc.text
    if backend.script_language is None:
        yield from backend.token_re.finditer(text)
        return
    for start, end, lang in language_spans(text):
        if lang == backend.script_language and not (lang == "ar" and is_uthmani(text[start:end])):
            yield from backend.token_re.finditer(text, start, end)


def _analyse_lang(doc, backend: Backend) -> LangState:
    text = doc.text
    table = _info_table(backend)
    st = LangState()
    counts = st.counts
    prev: _WordInfo | None = None
    prev_end = -1
    pending: list | None = None  # rejected occurrence waiting for its right neighbour
    first: dict[str, int] = {}
    for m in _tokens(doc, backend):
        token = m.group()
        info = table.get(token)
        if info is None:
            info = table[token] = _WordInfo(backend, token)
        clean = info.clean
        counts[clean] = counts.get(clean, 0) + 1
        start = m.start()
        adjacent = prev is not None and not _BREAK_RE.search(text, prev_end, start)
        if adjacent:
            st.bigrams.add(prev.ctx + SEP + info.key)
            st.bigrams.add(prev.key + RSEP + info.ctx)
            if pending is not None:
                pending[4] = info.key
            if prev.variant:
                st.nbrs.setdefault(prev.key, set()).add(info.key)
            if info.variant:
                st.nbrs.setdefault(info.key, set()).add(prev.key)
        if pending is not None:
            st.rejected.append(tuple(pending))
            pending = None
        if not info.known:
            pending = [start, m.end(), clean, prev.key if adjacent else "", ""]
            if info.vocalised:
                st.vocalised.add(clean)
            # A diacritised word was read by its writer: "الأشجّ" is not ال + a verb.
            if not info.marked and clean not in st.pattern:
                explanation = backend.pattern_slip(clean)
                if explanation:
                    st.pattern[clean] = explanation
        if clean not in first:
            first[clean] = start
        prev = info
        prev_end = m.end()
    if pending is not None:
        st.rejected.append(tuple(pending))
    min_length = backend.min_length
    position = doc.position
    st.variants = {
        clean: (counts[clean], *position(offset)) for clean, offset in first.items() if len(clean) >= min_length
    }
    return st


_CACHE: dict[tuple, DocState] = {}
_FACTORY_SCRIPT: dict[str, str] = {}  # language -> its back-end's script_language ("" if none)
_CACHE_LOCK = threading.Lock()


def analyse(doc, languages: tuple[str, ...]) -> DocState:
    """The shared map step (memoised, so the three corpus rules pay for it once)."""
    cache_key = (doc.content_hash, languages)
    state = _CACHE.get(cache_key)
    if state is not None:
        return state
    langs = {}
    present = None  # Arabic-script languages of the document's paragraphs
    for lang in languages:
        script = _FACTORY_SCRIPT.get(lang)
        if script is None:
            try:
                script = get_backend(lang).script_language or ""
            except BackendUnavailable:
                script = ""
            _FACTORY_SCRIPT[lang] = script
        if script:
            if present is None:  # (a text without Arabic-script letters loads no such dictionary)
                present = {span_lang for _s, _e, span_lang in language_spans(doc.text)} if _ARABIC_LETTER.search(doc.text) else set()
            if script not in present:
                continue  # no paragraph in this language: its dictionary is not even loaded
        backend = available_backend(lang)
        if backend is not None:
            langs[lang] = _analyse_lang(doc, backend)
    state = DocState(doc.content_hash, langs)
    with _CACHE_LOCK:
        if len(_CACHE) > 32:
            _CACHE.clear()
        _CACHE[cache_key] = state
    return state


# --------------------------------------------------------------------------- reduce side


@dataclass
class LangCorpus:
    backend: Backend
    key_count: Counter = field(default_factory=Counter)
    clean_count: Counter = field(default_factory=Counter)
    bigrams: set[str] = field(default_factory=set)
    doc_freq: Counter = field(default_factory=Counter)  # key -> documents containing it
    n_docs: int = 0
    cache: dict[str, Any] = field(default_factory=dict)  # rule-specific derived data
    _index: dict[str, set[str]] | None = None
    _bare: dict[str, list[str]] | None = None

    def deletion_index(self, min_count: int) -> dict[str, set[str]]:
        """vkey and its one-letter deletions -> keys seen at least ``min_count`` times."""
        if self._index is None:
            index: dict[str, set[str]] = {}
            vkey = self.backend.vkey
            for key, n in self.key_count.items():
                if n < min_count or len(key) < 2:
                    continue
                v = vkey(key)
                for d in _deletions(v):
                    index.setdefault(d, set()).add(key)
            self._index = index
        return self._index

    def spellings(self, key: str) -> list[str]:
        """Cleaned spellings of ``key`` in the corpus, most frequent first."""
        if self._bare is None:
            by_key: dict[str, list[tuple[int, str]]] = {}
            k_of = self.backend.key
            for clean, n in self.clean_count.items():
                by_key.setdefault(k_of(clean), []).append((n, clean))
            self._bare = {k: [c for _, c in sorted(v, key=lambda x: (-x[0], x[1]))] for k, v in by_key.items()}
        return self._bare.get(key, [])

    def spell_key(self, key: str, prefix: str = "", near: str = "") -> str | None:
        """How the corpus writes ``key``: the spelling one edit away from ``near`` if any
        ("امزاعم" -> "المزاعم"), else after the clitic ``prefix`` ("" = bare), or None."""
        split = self.backend.split_prefix
        spellings = self.spellings(key)
        if near:
            for clean in spellings:
                if within_one(near, clean):
                    return clean
        for clean in spellings:  # the same prefix as the word being replaced
            if split(clean)[0] == prefix:
                return clean
        for clean in spellings:  # a bare spelling, prefix added
            if not split(clean)[0]:
                return prefix + clean
        return None

    def bare_spelling(self, key: str) -> str | None:
        return self.spell_key(key, "")


def within_one(a: str, b: str) -> bool:
    """Levenshtein distance of a and b is at most 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def _deletions(word: str) -> set[str]:
    out = {word}
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])
    return out


def edit_shape(a: str, b: str) -> tuple[str, str, str] | None:
    """How ``b`` differs from ``a`` by one edit: ("sub", x, y) for x -> y, ("del", x, "")
    when ``a`` has an extra x, ("ins", "", y) when ``a`` lacks y, ("swap", x, y) for two
    neighbouring letters exchanged; None when a != b needs more than one edit."""
    la, lb = len(a), len(b)
    if a == b or abs(la - lb) > 1:
        return None
    i = 0
    n = min(la, lb)
    while i < n and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return ("sub", a[i], b[i])
        if i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]:
            return ("swap", a[i], a[i + 1])
        return None
    if la > lb:
        return ("del", a[i], "") if a[i + 1 :] == b[i:] else None
    return ("ins", "", b[i]) if a[i:] == b[i + 1 :] else None


def candidates(lc: LangCorpus, key: str, min_count: int) -> set[str]:
    """Keys at edit distance one (or one transposition of neighbours) from ``key`` in
    folded space. The deletion index proposes keys sharing a one-letter deletion (which
    also pairs words two edits apart: جرم / بجر); each proposal is verified."""
    index = lc.deletion_index(min_count)
    v = lc.backend.vkey(key)
    found: set[str] = set()
    for d in _deletions(v):
        hit = index.get(d)
        if hit:
            found |= hit
    vkey = lc.backend.vkey
    return {k for k in found if edit_shape(v, vkey(k)) is not None}


@dataclass
class Corpus:
    langs: dict[str, LangCorpus]


_MERGED: list[Any] = [None, None]  # cache key, Corpus
_MERGE_LOCK = threading.Lock()


def merge(states: dict[str, Any], languages: tuple[str, ...]) -> Corpus:
    # Keyed by content, not object identity: states unpickled from the corpus index are
    # distinct objects per rule, but the same corpus merges once for all three rules.
    items = sorted((p, s.content_hash) for p, s in states.items() if isinstance(s, DocState))
    cache_key = (tuple(items), languages)
    with _MERGE_LOCK:
        if _MERGED[0] == cache_key:
            return _MERGED[1]
        seen = {lang for s in states.values() if isinstance(s, DocState) for lang in s.langs}
        langs = {
            lang: LangCorpus(b) for lang in languages if lang in seen and (b := available_backend(lang)) is not None
        }
        for state in states.values():
            if not isinstance(state, DocState):
                continue
            for lang, lc in langs.items():
                ls = state.langs.get(lang)
                if ls is None:
                    continue
                lc.clean_count.update(ls.counts)
                lc.bigrams |= ls.bigrams
                if ls.counts:
                    lc.n_docs += 1
                    key = lc.backend.key
                    lc.doc_freq.update({key(clean) for clean in ls.counts})
        for lc in langs.values():
            key = lc.backend.key
            kc = lc.key_count
            for clean, n in lc.clean_count.items():
                kc[key(clean)] += n
        corpus = Corpus(langs)
        _MERGED[:] = [cache_key, corpus]
        return corpus
