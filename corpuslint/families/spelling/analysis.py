"""Shared map/reduce work of the spelling corpus rules.

``analyse(doc, languages)`` is the map step shared by slip, unknown-word and
transliteration-inconsistency. Per language it tokenises the document's paragraphs of
that language once, with one C-level ``split`` per paragraph run (no per-token Python
loop), maps each token to a process-wide token id, and reads the facts of each distinct
token and each distinct cleaned spelling (dictionary verdict, vowel marks) from tables
filled once per process: the dictionary is asked once per distinct spelling per run.

The state it returns (``DocState``/``LangState``) is compact and mergeable: the
document's vocabulary (one string), a count per word, the position of each word's first
occurrence, the distinct adjacent word pairs, and the dictionary-rejected occurrences,
all as small int32 numpy arrays indexing that vocabulary. It grows with the document's
vocabulary, not its length, and the data-only codec stores it as a handful of arrays.

``merge(states, languages[, table])`` is the reduce-side aggregation: a corpus
vocabulary with a count table (word -> corpus count), key counts, document frequencies
and the adjacent pair table (``LangCorpus``), summed from the states here in one pass
(``corpus_of_states``), or read from the additive, order-independent corpus table of
``table.py`` when one is given (``SpellTable``: summed on Dask workers or kept up to date
by an incremental index), with the same result. It is computed once per corpus view and
shared by the rules that need it.
"""

from __future__ import annotations

import re
import threading
import warnings
from bisect import bisect_left
from collections import Counter, OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import regex

from ...arrays import sorted_unique, trim_heap
from ...codec import state_type
from ...document import Document
from ...store import ContentDigest
from ...text.lazy_regex import lazy
from ...text.script import document_spans, is_uthmani
from .backends import Backend, BackendUnavailable, available_backend, get_backend

STATE_VERSION = 3
SEP = "\x1f"  # "ctx(left)<SEP>key(right)": a word's left neighbour
RSEP = "\x1e"  # "key(left)<RSEP>ctx(right)": a word's right neighbour
# Text between two tokens that still makes them neighbours: no line break, no sentence end.
_BREAK_RE = lazy(r"[\n\r.!?؟؛:;|]")
_WORD_SEP = "\n"  # joins a vocabulary into one string (tokens never contain a line break)

# Columns of ``LangState.rej`` (one row per dictionary-rejected occurrence).
R_START, R_END, R_WORD, R_LEFT, R_RIGHT, R_MARKED, R_VOCALISED = range(7)


def _empty(*shape: int) -> np.ndarray:
    return np.zeros(shape, dtype=np.int32)


@state_type  # stored in the corpus index as plain data (corpuslint.codec), never pickled
@dataclass
class LangState:
    """One language's share of a document, as count tables over its vocabulary.

    ``words``: the distinct cleaned spellings, in order of first occurrence, joined by
    line breaks; word ``i`` is the ``i``-th. ``count[i]``: occurrences of word ``i``.
    ``first[i]``: (line, column) of its first occurrence (1-based, as ``Document.position``).
    ``pairs``: distinct (left word, right word) pairs of adjacent tokens (same line, no
    sentence end between). ``rej``: one row per dictionary-rejected occurrence, columns
    start, end (code-point offsets), word, left neighbour word, right neighbour word
    (-1: none), marked (any diacritic), vocalised (two or more vowel marks).
    """

    lang: str = ""
    words: str = ""
    count: Any = field(default_factory=lambda: _empty(0))
    first: Any = field(default_factory=lambda: _empty(0, 2))
    pairs: Any = field(default_factory=lambda: _empty(0, 2))
    rej: Any = field(default_factory=lambda: _empty(0, 7))

    # -- derived views (computed on demand, cached on the instance, never stored) --
    def _cached(self, name: str, make):
        value = self.__dict__.get(name)
        if value is None:
            value = self.__dict__[name] = make()
        return value

    @property
    def vocab(self) -> list[str]:
        return self._cached("_vocab", lambda: self.words.split(_WORD_SEP) if len(self.count) else [])

    @property
    def backend(self) -> Backend:
        return get_backend(self.lang)

    @property
    def counts(self) -> dict[str, int]:
        """cleaned spelling -> count."""
        return self._cached("_counts", lambda: dict(zip(self.vocab, self.count.tolist())))

    @property
    def variants(self) -> dict[str, tuple[int, int, int]]:
        """Spellings of at least ``min_length`` letters: clean -> (count, first line, first column)."""

        def make():
            min_length = self.backend.min_length
            return {
                w: (n, line, col)
                for w, n, (line, col) in zip(self.vocab, self.count.tolist(), self.first.tolist())
                if len(w) >= min_length
            }

        return self._cached("_variants", make)

    @property
    def rejected(self) -> list[tuple[int, int, str, str, str]]:
        """Dictionary-rejected occurrences: (start, end, clean, left key, right key)."""

        return self._cached("_rejected", lambda: self.occurrences(self.rej))

    def occurrences(self, rows: np.ndarray, keys: list[str] | dict[int, str] | None = None
                    ) -> list[tuple[int, int, str, str, str]]:
        """``rejected``'s tuples of the given rows of ``rej`` (an [n, 7] array), in their order.
        ``keys``: word -> its ``backend.key`` (a list over the document's words, or a dict
        of at least the rows' words and neighbours), when the caller has them (read from
        the merged corpus: ``base.local_key_ids``), so that no key is computed or
        memoised here."""
        vocab = self.vocab
        if keys is not None:
            return [(start, end, vocab[w], keys[left] if left >= 0 else "", keys[right] if right >= 0 else "")
                    for start, end, w, left, right, _m, _v in rows.tolist()]
        key = self.backend.key
        out = []
        for start, end, w, left, right, _m, _v in rows.tolist():
            out.append((start, end, vocab[w], key(vocab[left]) if left >= 0 else "",
                        key(vocab[right]) if right >= 0 else ""))
        return out

    @property
    def rejected_cleans(self) -> set[str]:
        return self._cached("_rejected_cleans", lambda: {self.vocab[w] for w in self.rej[:, R_WORD].tolist()})

    @property
    def vocalised(self) -> set[str]:
        """Rejected spellings seen with two or more vowel marks."""
        return self._cached(
            "_vocalised", lambda: {self.vocab[w] for w in self.rej[self.rej[:, R_VOCALISED] != 0, R_WORD].tolist()}
        )

    @property
    def pattern(self) -> "_Pattern":
        """clean -> morphology explanation (``Backend.pattern_slip``) for the rejected
        spellings with an occurrence written without diacritics (a diacritised word was
        read by its writer: "الأشجّ" is not ال + a verb). Asked lazily, per spelling."""
        return self._cached(
            "_pattern",
            lambda: _Pattern(self.backend, {self.vocab[w] for w in self.rej[self.rej[:, R_MARKED] == 0, R_WORD].tolist()}),
        )

    def __getstate__(self):  # pickle the stored fields only, not the derived views
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}


class _Pattern:
    """A lazy mapping clean -> ``backend.pattern_slip(clean)`` over the unmarked rejected spellings."""

    def __init__(self, backend: Backend, unmarked: set[str]):
        self.backend = backend
        self.unmarked = unmarked

    def get(self, clean: str, default=None):
        if clean not in self.unmarked:
            return default
        return self.backend.pattern_slip(clean) or default


@state_type
@dataclass
class DocState:
    content_hash: str
    langs: dict[str, LangState]
    version: int = STATE_VERSION


# --------------------------------------------------------------------------- map side


class _Column:
    """A growable numpy column (capacity doubling), for the per-process token tables."""

    def __init__(self, dtype) -> None:
        self.data = np.zeros(1024, dtype=dtype)
        self.n = 0

    def extend(self, values: list) -> None:
        need = self.n + len(values)
        if need > len(self.data):
            grown = np.zeros(max(need, 2 * len(self.data)), dtype=self.data.dtype)
            grown[: self.n] = self.data[: self.n]
            self.data = grown
        self.data[self.n : need] = values
        self.n = need

    @property
    def view(self) -> np.ndarray:
        return self.data[: self.n]


def _splitter(pattern):
    """``split`` of a pattern that keeps the tokens: [gap, token, gap, token, ..., gap].
    The standard ``re`` engine when it reads the pattern the same way (plain character
    classes, as the built-in back-ends use), else the ``regex`` module."""
    if pattern.groups == 0 and not pattern.flags & regex.VERSION1:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                flags = re.IGNORECASE if pattern.flags & regex.IGNORECASE else 0
                return re.compile(f"({pattern.pattern})", flags).split
        except (re.error, FutureWarning, DeprecationWarning):
            pass
    if pattern.groups == 0:
        return regex.compile(f"({pattern.pattern})", pattern.flags).split

    def split(text: str) -> list[str]:  # a pattern with its own groups: one match at a time
        out, pos = [], 0
        for m in pattern.finditer(text):
            out += [text[pos : m.start()], m.group()]
            pos = m.end()
        out.append(text[pos:])
        return out

    return split


class _NewIds(dict):
    """str -> id, handing out the next id to a string it has not seen (``__missing__``:
    a Python call only for a new string; a known one is a C-level look-up through
    ``map(ids.__getitem__, ...)``). The new strings wait in ``pending``, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[str] = []

    def __missing__(self, item: str) -> int:
        i = self[item] = len(self)
        self.pending.append(item)
        return i


class _GapCodes(dict):
    """Text between two tokens -> 2 * its length + 1 when it holds a line break or a
    sentence end (computed on first sight, ``__missing__``)."""

    def __missing__(self, gap: str) -> int:
        code = self[gap] = 2 * len(gap) + (_BREAK_RE.search(gap) is not None)
        return code


class _TokenTable:
    """Per back-end and process: distinct raw tokens and distinct cleaned spellings, with
    everything the map step needs about them, computed once (the dictionary verdict is
    one ``Backend.known`` call per distinct spelling)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.split = _splitter(backend.token_re)
        self.lock = threading.Lock()
        self.tid = _NewIds()  # raw token -> token id (a new token gets the next id, then ``_add``)
        self.tok_clean = _Column(np.int32)  # token id -> clean id
        self.tok_len = _Column(np.int32)  # token id -> length in code points
        self.tok_flags = _Column(np.int8)  # token id -> 1 marked | 2 vocalised (rejected spellings only); -1 not yet
        self.tokens: list[str] = []  # token id -> raw token
        self.cid: dict[str, int] = {}  # cleaned spelling -> clean id
        self.cleans: list[str] = []
        self.known = _Column(np.int8)  # clean id -> dictionary verdict 1/0 (short words: 1); -1 not asked yet
        self.form_id = _Column(np.int32)  # clean id -> id of ``backend.form(clean)`` in ``forms``; -1 not yet
        self.forms: dict[str, int] = {}
        self.gap_codes = _GapCodes()  # text between two tokens -> 2 * length + holds a break (bounded memo)
        self.scratch = np.zeros(0, dtype=np.int64)  # clean id -> _UNSEEN, between two ``first_seen`` calls

    def _add(self, tokens: list[str]) -> None:
        """New (distinct) tokens, already given the next ids in ``tid``: their cleaned
        spelling now; the dictionary later (``resolve``)."""
        cleaned = list(map(self.backend.clean, tokens))
        cid, n0 = self.cid, len(self.cleans)
        new = [c for c in dict.fromkeys(cleaned) if c not in cid]
        cid.update(zip(new, range(n0, n0 + len(new))))
        self.cleans.extend(new)
        self.known.extend([-1] * len(new))
        self.form_id.extend([-1] * len(new))
        self.tokens.extend(tokens)
        self.tok_clean.extend(list(map(cid.__getitem__, cleaned)))
        self.tok_len.extend(list(map(len, tokens)))
        self.tok_flags.extend([-1] * len(tokens))

    def resolve(self, tids: np.ndarray) -> None:
        """Dictionary verdicts (once per distinct spelling) and vowel-mark flags (once per
        distinct token) for the tokens that do not have them yet."""
        flags = self.tok_flags.view
        if not (flags[tids] < 0).any():
            return
        b = self.backend
        todo = sorted_unique(tids[flags[tids] < 0]).tolist()
        known = self.known.data
        cids = {int(self.tok_clean.data[t]) for t in todo}
        b.prepare([self.cleans[c] for c in sorted(cids) if known[c] < 0 and len(self.cleans[c]) >= b.min_length])
        for t in todo:
            c = int(self.tok_clean.data[t])
            if known[c] < 0:
                clean = self.cleans[c]
                known[c] = len(clean) < b.min_length or b.known(clean)
            token = self.tokens[t]
            marked = not known[c] and b.marked(token)
            vocalised = marked and b.vocalised(token)
            self.tok_flags.data[t] = int(marked) | 2 * int(vocalised)

    def ids(self, tokens: list[str]) -> np.ndarray:
        """Token ids of ``tokens``; tokens never seen get the next ids (in order of
        appearance) and their table rows."""
        tid = self.tid
        out = np.fromiter(map(tid.__getitem__, tokens), np.int32, len(tokens))
        if tid.pending:
            new, tid.pending = tid.pending, []
            self._add(new)
        return out

    def tokenize(self, text: str, spans: list[tuple[int, int]]):
        """Tokens of ``text[start:end]`` for each span: (token ids, start offsets, adjacent
        flags: token i and token i-1 are in one span with no line break or sentence end
        between them). Must be called with ``self.lock`` held."""
        ids, starts, adjacent = [], [], []
        codes = self.gap_codes
        for s, e in spans:
            parts = self.split(text if (s, e) == (0, len(text)) else text[s:e])
            tokens = parts[1::2]
            if not tokens:
                continue
            gaps = parts[0:-1:2]
            tids = self.ids(tokens)
            # each gap as one code: length * 2 + 1 when it holds a line break or sentence end
            if len(codes) > 100_000:
                codes.clear()
            gap = np.fromiter(map(codes.__getitem__, gaps), np.int64, len(gaps))
            lens = self.tok_len.data[tids]
            ends = np.cumsum((gap >> 1) + lens)
            ends += s
            adj = (gap & 1) == 0
            adj[0] = False  # a new span starts after a paragraph break
            ids.append(tids)
            starts.append(ends - lens)
            adjacent.append(adj)
        if not ids:
            return None
        if len(ids) == 1:
            return ids[0], starts[0], adjacent[0]
        return np.concatenate(ids), np.concatenate(starts), np.concatenate(adjacent)

    def first_seen(self, cids: np.ndarray) -> np.ndarray:
        """For each position ``i`` of ``cids`` (clean ids of a document's tokens), the
        position of the first occurrence of ``cids[i]``: no sort (``np.unique`` sorted
        every token of every document), one scatter into a table over the clean ids
        that is set back after. Must be called with ``self.lock`` held."""
        n = len(self.cleans)
        if len(self.scratch) < n:
            grown = np.full(max(n, 2 * len(self.scratch), 1024), _UNSEEN, dtype=np.int64)
            grown[: len(self.scratch)] = self.scratch
            self.scratch = grown
        scratch = self.scratch
        np.minimum.at(scratch, cids, np.arange(len(cids), dtype=np.int64))
        first = scratch[cids]
        scratch[cids] = _UNSEEN
        return first

    def form_ids(self, cids: np.ndarray) -> np.ndarray:
        """``backend.form`` ids of clean ids, asked once per distinct spelling per process.
        Must be called with ``self.lock`` held."""
        fid = self.form_id.data
        todo = sorted_unique(cids[fid[cids] < 0]).tolist()
        form, forms = self.backend.form, self.forms
        for c in todo:
            fid[c] = forms.setdefault(form(self.cleans[c]), len(forms))
        return fid[cids]


_UNSEEN = np.iinfo(np.int64).max  # (``_TokenTable.scratch``: no position yet)
_INFO: dict[str, _TokenTable] = {}  # back-end name -> its token table (reset: clear this dict)


def token_table(backend: Backend) -> _TokenTable:
    table = _INFO.get(backend.name)
    if table is None or table.backend is not backend:
        table = _INFO[backend.name] = _TokenTable(backend)
    return table


def reset() -> None:
    """Forget every per-process table and memo (benchmarks start cold with it)."""
    global _cache_chars
    _INFO.clear()
    _CACHE.clear()
    _cache_chars = 0
    forget_merged()


def forget_merged() -> None:
    """Drop the merged corpus ``merge`` keeps for the next spelling rule of the run."""
    with _MERGE_LOCK:
        _MERGED[:] = [None, None, None]


def _spans(text: str, backend: Backend, all_spans) -> list[tuple[int, int]]:
    """The (start, end) ranges of ``text`` the back-end owns."""
    if backend.script_language is None:
        return [(0, len(text))]
    return [
        (start, end)
        for start, end, lang in all_spans
        if lang == backend.script_language and not (lang == "ar" and is_uthmani(text[start:end]))
    ]


def _positions(doc, offsets: np.ndarray) -> np.ndarray:
    """(line, column) rows of code-point offsets, as ``Document.position`` gives them
    (vectorised; a document type with its own ``position`` is asked offset by offset)."""
    if not isinstance(doc, Document) or type(doc).position is not Document.position:
        return np.array([doc.position(int(o)) for o in offsets], dtype=np.int32).reshape(-1, 2)
    starts = np.asarray(doc._line_starts, dtype=np.int64)
    index = np.searchsorted(starts, offsets, side="right") - 1
    out = np.empty((len(offsets), 2), dtype=np.int32)
    out[:, 0] = index + 1
    column = offsets - starts[index] + 1
    if doc.text.startswith("\ufeff"):
        column -= (index == 0) & (offsets > 0)
    out[:, 1] = column
    return out


def _analyse_lang(doc, backend: Backend, spans: list[tuple[int, int]]) -> LangState:
    text = doc.text
    table = token_table(backend)
    with table.lock:
        found = table.tokenize(text, spans)
        if found is None:
            return LangState(backend.name)
        tids, starts, adj = found
        table.resolve(tids)
        cids = table.tok_clean.view[tids]
        lens = table.tok_len.view[tids]
        flags = table.tok_flags.view[tids]
        known = table.known.view[cids] > 0
        cleans = table.cleans
        at = table.first_seen(cids)
    n = len(tids)
    # local vocabulary in order of first occurrence: ids 0, 1, 2... as words first appear
    is_new = at == np.arange(n, dtype=np.int64)
    rank = np.cumsum(is_new, dtype=np.int64)
    rank -= 1
    local = rank[at]
    v = int(rank[-1]) + 1
    words = _WORD_SEP.join(map(cleans.__getitem__, cids[is_new].tolist()))
    count = np.bincount(local, minlength=v).astype(np.int32)
    first = _positions(doc, starts[is_new])
    # distinct adjacent pairs
    m = adj[1:]
    codes = sorted_unique(local[:-1][m] * v + local[1:][m])
    pairs = np.empty((len(codes), 2), dtype=np.int32)
    pairs[:, 0], pairs[:, 1] = np.divmod(codes, v) if len(codes) else (0, 0)
    # rejected occurrences with their neighbours
    ri = np.flatnonzero(~known)
    rej = np.empty((len(ri), 7), dtype=np.int32)
    if len(ri):
        rej[:, R_START] = starts[ri]
        rej[:, R_END] = starts[ri] + lens[ri]
        rej[:, R_WORD] = local[ri]
        rej[:, R_LEFT] = np.where(adj[ri], local[ri - 1], -1)
        nxt = np.minimum(ri + 1, n - 1)
        rej[:, R_RIGHT] = np.where((ri + 1 < n) & adj[nxt], local[nxt], -1)
        f = flags[ri]
        rej[:, R_MARKED] = f & 1
        rej[:, R_VOCALISED] = (f >> 1) & 1
    return LangState(backend.name, words, count, first, pairs, rej)


# ``analyse``'s memo, shared by the spelling corpus rules. The map gives a dataset's records
# to each corpus rule a batch at a time (``engine.MAP_BATCH``, 256: S101 collects the
# batch, then S103 the same batch), so the memo holds a batch's states: bounded at 32
# (emptied when full) it kept the last 32 of 256, and S103 analysed every other record
# again, the two equal states spilled and decoded apart. The states asked least recently
# go first (a record copying an earlier one is given that one's state, and S103 asks for
# it after S101), past ``_CACHE_STATES`` (>= MAP_BATCH) states, or past 32 states holding
# more than ``_CACHE_CHARS`` characters of text (a state is ~4 bytes a character: ~32
# long files' states, as before, ~4 MB).
_CACHE: "OrderedDict[tuple, tuple[DocState, int]]" = OrderedDict()  # key -> (state, characters of its text)
_CACHE_STATES = 512
_CACHE_CHARS = 1_000_000
_cache_chars = 0  # characters of the texts whose states ``_CACHE`` holds
_FACTORY_SCRIPT: dict[str, str] = {}  # language -> its back-end's script_language ("" if none)
_CACHE_LOCK = threading.Lock()


# A user interface string's keyboard accelerator inside an Arabic word ("م_طابقة", "ا~ستبدال",
# GTK's "_", LibreOffice's and Qt's "~" and "&"): read as a tatweel, which every Arabic-script
# back-end keeps in the word and ``clean`` deletes (same length: offsets stay the text's).
_AR = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3"
_ACCELERATOR_RE = lazy(rf"(?<=[{_AR}])[_~&](?=[{_AR}])")
# The same in any other text (the strings of a catalogue exported as plain text, a dataset of
# UI strings: "ر_وشنی-کنتراست"), where no msgid vouches for it: one marker in a word of
# Arabic-script letters (and their marks); two or more ("ا_ب_ج") are not a mnemonic, and a
# word with a Latin letter or digit (snake_case) is code.
_AR_RUN = rf"[{_AR}][{_AR}\p{{M}}]*"  # letters and their marks ("ا_ندازهٔ": hamza above)
_ONE_ACCELERATOR_RE = lazy(rf"(?<![\w~&]){_AR_RUN}\K[_~&](?={_AR_RUN}(?![\w~&]))")


def _with_accelerators_read(doc) -> str | None:
    """``doc.text`` with each accelerator marker inside an Arabic-script word read as a
    tatweel (a .po string, a document with a msgid: every marker between two letters;
    any other document: a word's only marker, ``_ONE_ACCELERATOR_RE``); None when there
    is none."""
    text = doc.text
    if not ("_" in text or "~" in text or "&" in text):
        return None
    pattern = _ACCELERATOR_RE if getattr(doc, "source", None) is not None else _ONE_ACCELERATOR_RE
    return pattern.sub("\u0640", text) if pattern.search(text) else None


class _Reading:
    """A document seen through another text of the same length (its accelerators read)."""

    def __init__(self, doc, text: str):
        self._doc, self.text = doc, text

    def __getattr__(self, name):
        return getattr(self._doc, name)


def analyse(doc, languages: tuple[str, ...]) -> DocState:
    """The shared map step (memoised, so the three corpus rules pay for it once)."""
    global _cache_chars
    read = _with_accelerators_read(doc)
    if read is not None:
        doc = _Reading(doc, read)
    cache_key = (doc.content_hash, languages, read is not None)
    with _CACHE_LOCK:
        held = _CACHE.get(cache_key)
        if held is not None:
            _CACHE.move_to_end(cache_key)  # (asked again: a copy of an earlier record, then its next rule)
            return held[0]
    langs = {}
    spans = None  # language spans of the document's paragraphs (Arabic-script languages)
    for lang in languages:
        script = _FACTORY_SCRIPT.get(lang)
        if script is None:
            try:
                backend = get_backend(lang)
                script = backend.script_language or ""
            except BackendUnavailable:
                script = ""
            _FACTORY_SCRIPT[lang] = script
        if script:
            if spans is None:
                spans = document_spans(doc)
            if not any(span_lang == script for _s, _e, span_lang in spans):
                continue  # no paragraph in this language: its dictionary is not even loaded
            try:
                if get_backend(lang).token_re.search(doc.text) is None:
                    continue  # not one word in this script (an English file): nothing to load
            except BackendUnavailable:
                pass
        backend = available_backend(lang)
        if backend is not None:
            langs[lang] = _analyse_lang(doc, backend, _spans(doc.text, backend, spans or ()))
    state = DocState(doc.content_hash, langs)
    with _CACHE_LOCK:
        again = _CACHE.pop(cache_key, None)  # (another thread's state of the same text: replaced)
        if again is not None:
            _cache_chars -= again[1]
        _CACHE[cache_key] = (state, len(doc.text))
        _cache_chars += len(doc.text)
        while len(_CACHE) > _CACHE_STATES or (len(_CACHE) > 32 and _cache_chars > _CACHE_CHARS):
            _cache_chars -= _CACHE.popitem(last=False)[1][1]
    return state


# --------------------------------------------------------------------------- reduce side


class Bigrams:
    """The corpus's adjacent word pairs, as two sorted int64 code tables over a term
    vocabulary: "ctx(left)<SEP>key(right)" and "key(left)<RSEP>ctx(right)" strings
    are answered by ``in`` without ever being built."""

    def __init__(self, terms: dict[str, int], left: np.ndarray, right: np.ndarray):
        self.terms = terms
        self.size = max(len(terms), 1)
        self.left = left
        self.right = right

    def _has(self, table: np.ndarray, a: str, b: str) -> bool:
        i, j = self.terms.get(a), self.terms.get(b)
        if i is None or j is None or not len(table):
            return False
        code = i * self.size + j
        k = int(np.searchsorted(table, code))
        return k < len(table) and int(table[k]) == code

    def __contains__(self, item: str) -> bool:
        if SEP in item:
            a, b = item.split(SEP, 1)
            return self._has(self.left, a, b)
        if RSEP in item:
            a, b = item.split(RSEP, 1)
            return self._has(self.right, a, b)
        return False

    def __len__(self) -> int:
        return len(self.left) + len(self.right)


class CountTable(Mapping):
    """name -> count, read like the ``Counter`` it stands for (``get``, ``[]``, ``in``,
    iteration and ``items`` in id order): a name's id from ``ids`` (a dict the merged
    corpus holds anyway: ``word_id``, the bigram terms), its count ``counts[id]`` (an
    int64 array); ids ``>= size`` name no entry (the terms' context forms). No dict of
    its own: 3 of them (by word, by key twice) were ~1/8 of S101's peak at 100 MB of text."""

    __slots__ = ("counts", "ids", "names", "size")

    def __init__(self, names: list[str], ids: dict[str, int], counts: np.ndarray):
        self.names, self.ids, self.counts, self.size = names, ids, counts, len(names)

    def get(self, name, default=None):
        i = self.ids.get(name)
        return int(self.counts[i]) if i is not None and i < self.size else default

    def __getitem__(self, name):
        i = self.ids.get(name)
        return int(self.counts[i]) if i is not None and i < self.size else 0  # (a Counter's missing count)

    def __contains__(self, name) -> bool:
        i = self.ids.get(name)
        return i is not None and i < self.size

    def __iter__(self):
        return iter(self.names)

    def __len__(self) -> int:
        return self.size

    def items(self):
        return zip(self.names, self.counts.tolist())


class DeletionIndex:
    """vkey deletions (``_deletions``) -> the keys that have them, as two arrays:
    ``hashes``, the string hash of each distinct (deletion, key) pair's deletion, sorted,
    and ``owner``, the key's index into ``keys`` (a dict of deletion strings and sets was
    ~1/3 of the merged corpus at 100 MB of text). ``sharing`` may also give keys whose
    deletion only has the same hash: ``candidates`` verifies every proposal (a key one
    edit away always shares a deletion), so its answer is the one of exact strings.
    String hashes hold in this process (and its forks) only: the merged corpus is never
    pickled (its back-end holds a lock)."""

    __slots__ = ("hashes", "keys", "owner")

    def __init__(self, keys: list[str], hashes: np.ndarray, owner: np.ndarray):
        self.keys, self.hashes, self.owner = keys, hashes, owner

    @classmethod
    def of(cls, pairs) -> DeletionIndex:
        """Of (key, its vkey) pairs."""
        keys: list[str] = []
        hashes: list[int] = []
        owner: list[int] = []
        for key, v in pairs:
            deletions = _deletions(v)
            hashes.extend(map(hash, deletions))
            owner.extend([len(keys)] * len(deletions))
            keys.append(key)
        h = np.asarray(hashes, dtype=np.int64)
        order = np.argsort(h, kind="stable")
        return cls(keys, h[order], np.asarray(owner, dtype=np.int32 if len(keys) < 2**31 else np.int64)[order])

    def sharing(self, deletions: set[str]) -> set[str]:
        """The keys that have one of ``deletions`` (and any whose deletion hashes alike)."""
        q = np.fromiter(map(hash, deletions), np.int64, len(deletions))
        lo = np.searchsorted(self.hashes, q, "left").tolist()
        hi = np.searchsorted(self.hashes, q, "right").tolist()
        keys, owner = self.keys, self.owner
        found: set[str] = set()
        for a, b in zip(lo, hi):
            if a < b:
                found.update([keys[i] for i in owner[a:b].tolist()])
        return found


@dataclass
class LangCorpus:
    """One language over the whole corpus: count tables built by ``merge``.

    ``words``/``word_id``: the corpus vocabulary of cleaned spellings, in corpus
    first-occurrence order; ``count``: corpus count per word (int64); ``word_key``: key
    id per word into ``keys``; ``pairs``: distinct adjacent (word, word) pairs;
    ``rejected``: per word, whether the dictionary rejected it; ``first_at``: per word,
    (path id into ``paths``, line, column) of its first occurrence in the corpus;
    ``doc_words.get(path)``: a document's local vocabulary as word ids (documents whose
    state the reduce holds). ``key_count``/``clean_count``/``doc_freq`` are the same
    tables as dicts by string."""

    backend: Backend
    key_count: Counter = field(default_factory=Counter)
    clean_count: Counter = field(default_factory=Counter)
    bigrams: Any = field(default_factory=set)
    doc_freq: Counter = field(default_factory=Counter)  # key -> documents containing it
    n_docs: int = 0
    cache: dict[str, Any] = field(default_factory=dict)  # rule-specific derived data
    words: list[str] = field(default_factory=list)
    word_id: dict[str, int] = field(default_factory=dict)
    count: Any = None
    keys: list[str] = field(default_factory=list)
    word_key: Any = None
    pairs: Any = None
    rejected: Any = None
    doc_words: Any = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)
    first_at: Any = None
    _index: DeletionIndex | None = None
    _bare: Any = None  # ``spellings``' table

    def known(self, clean: str) -> bool:
        """``backend.known(clean)``, read from the map's verdicts when ``clean`` is a corpus
        word of at least ``backend.min_length`` letters: the map asked the dictionary about
        every distinct spelling of the corpus (``_TokenTable.resolve``: ``backend.known``,
        or known when shorter) and each word's rejected occurrences are summed
        (``rejected``), so a word is known there exactly when it has none. S101's reduce
        asks about candidate spellings, most of them corpus words, after the map's verdicts
        were forgotten (``forget_map_memos``): ~90 us of hunspell each, spared."""
        rejected = self.rejected
        if rejected is not None and len(clean) >= self.backend.min_length:
            i = self.word_id.get(clean)
            if i is not None and i < len(rejected):
                return not rejected[i]
        return self.backend.known(clean)

    def deletion_index(self, min_count: int) -> DeletionIndex:
        """vkey and its one-letter deletions -> the keys seen at least ``min_count`` times
        that have it (``DeletionIndex``: arrays, not a dict of strings and sets)."""
        if self._index is None:
            self._index = DeletionIndex.of(
                ((key, self.backend.vkey(key)) for key, n in self.key_count.items() if n >= min_count and len(key) >= 2)
            )
        return self._index

    def spellings(self, key: str) -> list[str]:
        """Cleaned spellings of ``key`` in the corpus, most frequent first (equal counts
        in code-point order)."""
        if self._bare is None:
            self._bare = self._spellings_by_key()
        if isinstance(self._bare, dict):
            return self._bare.get(key, [])
        starts, order = self._bare
        k = self.bigrams.terms.get(key)
        if k is None or k >= len(self.keys):  # (a context form, not a key)
            return []
        words = self.words
        return [words[w] for w in order[starts[k] : starts[k + 1]].tolist()]

    def _spellings_by_key(self):
        """``spellings``' table: (starts, order) arrays, key id ``k``'s spellings being
        ``order[starts[k]:starts[k + 1]]`` (word ids), from the word-key table (no
        ``backend.key`` call, no list per key: ~1/8 the size of a dict of lists); a dict
        key -> spellings for a corpus without one."""
        if self.word_key is None or self.count is None or not isinstance(self.bigrams, Bigrams):
            by_key: dict[str, list[tuple[int, str]]] = {}
            k_of = self.backend.key
            for clean, n in self.clean_count.items():
                by_key.setdefault(k_of(clean), []).append((n, clean))
            return {k: [c for _, c in sorted(v, key=lambda x: (-x[0], x[1]))] for k, v in by_key.items()}
        word_key = np.asarray(self.word_key, dtype=np.int64)
        order = np.lexsort((-np.asarray(self.count, dtype=np.int64), word_key))  # by key, most frequent first
        grouped = word_key[order]
        starts = np.searchsorted(grouped, np.arange(len(self.keys) + 1, dtype=np.int64))
        # equal counts of one key in code-point order (their word ids are in first-occurrence order)
        counts = np.asarray(self.count, dtype=np.int64)[order]
        tie = np.flatnonzero((grouped[1:] == grouped[:-1]) & (counts[1:] == counts[:-1]))
        if len(tie):
            words = self.words
            runs = np.split(tie, np.flatnonzero(np.diff(tie) > 1) + 1)
            for run in runs:
                lo, hi = int(run[0]), int(run[-1]) + 2
                order[lo:hi] = sorted(order[lo:hi].tolist(), key=words.__getitem__)
        return starts, order.astype(np.int32 if len(order) < 2**31 else np.int64)

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
    v = lc.backend.vkey(key)
    found = lc.deletion_index(min_count).sharing(_deletions(v))
    vkey = lc.backend.vkey
    return {k for k in found if edit_shape(v, vkey(k)) is not None}


@dataclass
class Corpus:
    langs: dict[str, LangCorpus]


_MERGED: list[Any] = [None, None, None]  # cache key, Corpus, the table given to merge
_MERGE_LOCK = threading.Lock()


class PackedIds:
    """Each document's words as ids, in one array: document ``d`` of ``paths`` (sorted,
    distinct) holds ``ids[ends[d - 1]:ends[d]]`` (from 0 for the first). What ``_LangSum``
    keeps in place of an array of its own and a dict entry a document (an array object
    is 112 bytes before its data), held as long as the merged corpus; ``find`` looks a
    path up by bisection in ``paths`` (the merged corpus's own list, ``LangCorpus.paths``)."""

    __slots__ = ("paths", "ends", "ids")

    def __init__(self, paths: list[str], ends: np.ndarray, ids: np.ndarray) -> None:
        self.paths, self.ends, self.ids = paths, ends, ids

    def find(self, path: str) -> np.ndarray | None:
        """``path``'s ids (a view of ``ids``), or None when it holds none."""
        paths = self.paths
        d = bisect_left(paths, path)
        if d == len(paths) or paths[d] != path:
            return None
        return self.ids[int(self.ends[d - 1]) if d else 0 : int(self.ends[d])]

    def __len__(self) -> int:
        return len(self.paths)


class _DocWords:
    """path -> a document's local vocabulary as corpus word ids (``LangCorpus.doc_words``),
    computed on demand from the states the reduce holds (on Dask: the targets' only).
    ``ids``: when the corpus table was summed from these states here, every document's
    word ids, read with no look-up per word: a ``PackedIds`` (``_LangSum``, in the
    smallest dtype that holds the corpus ids: 2 bytes a (document, word) pair below
    65,536 words), or (path -> (offset, size), one array) (``table._lang_table``)."""

    def __init__(self, lang: str, word_id: dict[str, int], states: dict[str, Any], ids=None):
        self.lang, self.word_id, self.states = lang, word_id, states
        if isinstance(ids, PackedIds):
            self.packed, self.at, self.ids = ids, {}, None
        else:
            self.packed = None
            self.at, self.ids = ids if ids is not None else ({}, None)
        self.memo: dict[str, np.ndarray] = {}

    def get(self, path: str, default=None, ls: LangState | None = None):
        """``ls``: the document's state in this language, when the caller holds it (a
        target's: ``SpellingCorpusRule.targets`` decoded it), so it is not read again
        from ``states`` (on the --no-cache spill, decoded again)."""
        got = self.memo.get(path)
        if got is None:
            if ls is None:
                state = self.states.get(path)
                ls = state.langs.get(self.lang) if isinstance(state, DocState) else None
            if ls is None:
                return default
            own = self.packed.find(path) if self.packed is not None else None
            if own is not None and len(own) == len(ls.count):
                got = self.memo[path] = own.astype(np.int64)
                return got
            at = self.at.get(path)
            if at is not None and at[1] == len(ls.count):
                got = self.memo[path] = self.ids[at[0] : at[0] + at[1]].astype(np.int64)
                return got
            # (not ``ls.vocab``, which stays cached on a state another rule's reduce holds)
            vocab = ls.words.split(_WORD_SEP) if len(ls.count) else []
            got = self.memo[path] = np.fromiter(map(self.word_id.__getitem__, vocab), np.int64, len(vocab))
        return got


def doc_word_ids(lc: LangCorpus, path: str, ls: LangState):
    """``lc.doc_words.get(path)`` (the document's words as corpus word ids, or None),
    given ``ls``, the document's state in ``lc``'s language (not read again)."""
    doc_words = lc.doc_words
    return doc_words.get(path, None, ls) if isinstance(doc_words, _DocWords) else doc_words.get(path)


def _build(lc: LangCorpus, lang: str, lt, states: dict[str, Any]) -> None:
    """Fill ``lc``'s tables from the language's corpus table ``lt`` (``table.LangTable``).

    Word ids are in corpus first-occurrence order: by the (path, line, column) of each
    word's first occurrence, i.e. documents in path order, words in text order (ties
    that depend on word order follow it, whatever order the documents came in)."""
    fr = lt.firsts()
    doc_ids = getattr(lt, "doc_ids", None)  # (``table._lang_table``: the table was summed here)
    _finish(lc, lang, states, lt.vocab, fr[:, 1:], lt.count, lt.rejected, lt.word_key, lt.keyl, lt.key_docs,
            lt.pairs[:, 0], lt.pairs[:, 1], lt.pathl, lt.n_docs, doc_ids)


def _finish(lc: LangCorpus, lang: str, states, vocab: list[str], first: np.ndarray, count: np.ndarray,
            rejected: np.ndarray, word_key: np.ndarray, keyl: list[str], key_docs: np.ndarray,
            pair_a: np.ndarray, pair_b: np.ndarray, paths: list[str], n_docs: int, doc_ids,
            tiebreak: np.ndarray | None = None) -> None:
    """Fill ``lc`` from one language's corpus tables over some word ids: ``vocab[i]``
    is word ``i``; ``first[i]`` (path id into ``paths``, line, column) its first
    occurrence in the corpus; ``count[i]``/``rejected[i]`` its (rejected) occurrences;
    ``word_key[i]`` its key (id into ``keyl``, whose documents are ``key_docs``);
    ``pair_a``/``pair_b`` the distinct adjacent pairs; ``doc_ids``: None, each
    document's words as ids (a ``PackedIds``: made corpus ids in place, in the smallest
    dtype that holds them), or (path -> (offset, size), each document's words as ids,
    one int array). The ids are made corpus first-occurrence ids (ties in order of
    ``tiebreak``, else of the ids)."""
    backend = lc.backend
    v = len(vocab)
    columns = (first[:, 2], first[:, 1], first[:, 0])
    order = np.lexsort(columns if tiebreak is None else (tiebreak, *columns))  # id of the i-th word
    rank = np.empty(v, dtype=np.int64)
    rank[order] = np.arange(v, dtype=np.int64)
    words = lc.words = [vocab[i] for i in order.tolist()]
    word_id = lc.word_id = dict(zip(words, range(v)))
    if isinstance(doc_ids, PackedIds):  # (in place, a chunk at a time: no second copy of every document's ids)
        small = np.uint16 if v <= 1 << 16 else np.int32 if v < 2**31 else np.int64
        ranked = rank.astype(small)
        ids = doc_ids.ids if doc_ids.ids.dtype == small else doc_ids.ids.astype(small)
        for a in range(0, len(ids), PAIR_CHUNK):
            ids[a : a + PAIR_CHUNK] = ranked[ids[a : a + PAIR_CHUNK]]
        doc_ids.ids = ids
    elif doc_ids:
        doc_ids = (doc_ids[0], rank.astype(doc_ids[1].dtype)[doc_ids[1]])
    lc.doc_words = _DocWords(lang, word_id, states, doc_ids)
    lc.n_docs = n_docs
    lc.paths = paths
    lc.first_at = first[order]
    lc.count = count[order].astype(np.int64, copy=False)
    # keys (and the context forms of keys) share one term vocabulary
    # key ids in order of first appearance, from the table's key of each word (no
    # ``backend.key`` call per word of the corpus: ~5 us each)
    table_key = word_key[order]
    distinct, at = np.unique(table_key, return_index=True)
    appear = distinct[np.argsort(at, kind="stable")]
    remap = np.empty(len(keyl), dtype=np.int64)
    remap[appear] = np.arange(len(appear), dtype=np.int64)
    word_key = remap[table_key]
    terms: dict[str, int] = dict(zip([keyl[k] for k in appear.tolist()], range(len(appear))))
    term = terms.setdefault
    n_keys = len(terms)
    lc.keys = keys = list(terms)
    lc.word_key = word_key
    key_count = np.bincount(word_key, weights=lc.count, minlength=n_keys).astype(np.int64)
    docs = np.empty(n_keys, dtype=np.int64)
    docs[remap[appear]] = key_docs[appear]  # (documents of each key, by new key id)
    lc.clean_count = CountTable(words, word_id, lc.count)
    lc.key_count = CountTable(keys, terms, key_count)
    lc.doc_freq = CountTable(keys, terms, docs)
    lc.rejected = rejected[order] > 0
    codes = np.sort(rank[pair_a] * v + rank[pair_b])  # distinct pairs
    lc.pairs = np.stack([codes // max(v, 1), codes % max(v, 1)], axis=1)
    # bigram tables: ctx(key(a)) <SEP> key(b) and key(a) <RSEP> ctx(key(b))
    ctx = backend.ctx_key
    key_ctx = np.fromiter((term(ctx(k), len(terms)) for k in keys), np.int64, n_keys)
    size = max(len(terms), 1)
    ka, kb = word_key[lc.pairs[:, 0]], word_key[lc.pairs[:, 1]]
    left = sorted_unique(key_ctx[ka] * size + kb)
    right = sorted_unique(ka * size + key_ctx[kb])
    lc.bigrams = Bigrams(terms, left, right)


# adjacent-pair codes ``_LangSum`` gathers before making them distinct (8 bytes each; most
# repeat pairs already held: at 100 MB of text 9.4 M codes make ~120 k distinct pairs)
PAIR_CHUNK = 1 << 19
SMALL_IDS = 1 << 16  # words a corpus has at most while ``_LangSum`` keeps a document's ids in 2 bytes


class _LangSum:
    """One language's corpus tables summed document by document (``add``, documents in
    path order), for ``_finish``: what ``table.of_documents`` + ``_build`` give, in one
    pass over the states and without the table's per-(document, word) rows (only each
    word's first occurrence is kept: the row of the first document holding it) or
    every document's pairs at once (made distinct every ``PAIR_CHUNK`` codes)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        # each word's key once: not through a memo of ``key`` or ``normalize.light_stem``
        # (an lru_cache would keep every word of the corpus and its key, ~360 bytes a word)
        self.key = backend.key_once
        self.word_ids = _NewIds()  # word -> id, in order of appearance
        self.key_ids = _NewIds()  # key -> id, in order of appearance
        self.word_key = _Column(np.int64)
        self.count = _Column(np.int64)
        self.rejected = _Column(np.int64)
        self.first = [_Column(np.int32) for _ in range(3)]  # path id, line, column
        self.key_docs = _Column(np.int64)
        self.paths: list[str] = []
        # every document's word ids, one after another (``PackedIds``; 2 bytes a word while the
        # corpus has at most ``SMALL_IDS`` words), and where each document's end (``_DocWords``)
        self.ids = _Column(np.uint16)
        self.ends = _Column(np.int64)
        self.pairs = np.zeros(0, dtype=np.int64)  # distinct (a << 32 | b) codes
        self.pending: list[np.ndarray] = []
        self.n_pending = 0

    def add(self, path: str, ls: LangState) -> None:
        n = len(ls.count)
        if not n:
            return
        d = len(self.paths)
        self.paths.append(path)
        word_ids = self.word_ids
        n0 = len(word_ids)
        mine = np.fromiter(map(word_ids.__getitem__, ls.words.split(_WORD_SEP)), np.int64, n)
        if word_ids.pending:
            new, word_ids.pending = word_ids.pending, []
            key_ids = self.key_ids
            self.word_key.extend(list(map(key_ids.__getitem__, map(self.key, new))))
            if key_ids.pending:
                self.key_docs.extend([0] * len(key_ids.pending))
                key_ids.pending = []
            self.count.extend([0] * len(new))
            self.rejected.extend([0] * len(new))
            fresh = np.asarray(ls.first).reshape(-1, 2)[mine >= n0]  # (new ids: n0, n0 + 1, ... in this order)
            self.first[0].extend([d] * len(new))
            self.first[1].extend(fresh[:, 0])
            self.first[2].extend(fresh[:, 1])
        self.count.data[mine] += ls.count  # (a document's words are distinct)
        if len(ls.rej):
            np.add.at(self.rejected.data, mine[np.asarray(ls.rej[:, R_WORD], dtype=np.int64)], 1)
        self.key_docs.data[sorted_unique(self.word_key.data[mine])] += 1
        pairs = np.asarray(ls.pairs, dtype=np.int64).reshape(-1, 2)
        if len(pairs):
            self.pending.append((mine[pairs[:, 0]] << 32) | mine[pairs[:, 1]])
            self.n_pending += len(pairs)
            if self.n_pending > PAIR_CHUNK:
                self._distinct_pairs()
        # (the smallest dtype that holds the ids so far: 2 bytes a word below 65,536 words)
        if len(word_ids) > SMALL_IDS and self.ids.data.dtype == np.uint16:
            self.ids.data = self.ids.data.astype(np.int32)
        self.ids.extend(mine)
        self.ends.extend([self.ids.n])

    def _distinct_pairs(self) -> None:
        if self.pending:
            self.pairs = sorted_unique(np.concatenate([self.pairs, *self.pending]))
            self.pending, self.n_pending = [], 0

    def finish(self, lc: LangCorpus, lang: str, states) -> None:
        self._distinct_pairs()
        vocab = list(self.word_ids)
        v = len(vocab)
        first = np.stack([c.view for c in self.first], axis=1)
        order = np.lexsort((first[:, 2], first[:, 1], first[:, 0]))
        ranked = first[order]
        tiebreak = None
        if v > 1 and (ranked[1:] == ranked[:-1]).all(axis=1).any():  # two words first seen at one place
            tiebreak = np.empty(v, dtype=np.int64)  # (a crafted state): ties go in code-point order, as the table's
            tiebreak[np.fromiter(sorted(range(v), key=vocab.__getitem__), np.int64, v)] = np.arange(v)
        for column in (self.ids, self.ends):  # (their unused capacity given back, in place)
            column.data.resize(column.n, refcheck=False)
        ids = PackedIds(self.paths, self.ends.data, self.ids.data)
        self.ids = self.ends = None
        _finish(lc, lang, states, vocab, first, self.count.view, self.rejected.view, self.word_key.view,
                list(self.key_ids), self.key_docs.view, self.pairs >> 32, self.pairs & 0xFFFFFFFF, self.paths,
                len(self.paths), ids, tiebreak)


def corpus_of_states(states, languages: tuple[str, ...], seen: list | None = None) -> Corpus:
    """The reduce's view of the corpus ``states`` ({path: DocState}; a mapping that
    decodes on access, ``SpilledStates``, is read once): ``corpus_of(table.of_documents(
    states.items()), states, languages)`` in one pass over the documents, without the
    corpus table (whose per-(document, word) rows and all-pair codes were ~2x the
    merged corpus at its peak). ``seen``: given a list (or a ``store.ContentDigest``),
    (path, content hash) of each state is appended to it, in path order (``merge``'s key,
    from this one pass)."""
    sums: dict[str, _LangSum | None] = {}
    for path in sorted(states):
        state = states[path]
        if not isinstance(state, DocState):
            continue
        if seen is not None:
            seen.append((path, state.content_hash))
        for lang, ls in state.langs.items():
            if lang not in languages or not len(ls.count):
                continue
            if lang not in sums:
                backend = available_backend(lang)
                sums[lang] = _LangSum(backend) if backend is not None else None
            if sums[lang] is not None:
                sums[lang].add(path, ls)
        del state
    langs = {}
    for lang in languages:
        s = sums.pop(lang, None)
        if s is not None:
            lc = langs[lang] = LangCorpus(s.backend)
            s.finish(lc, lang, states)
    return Corpus(langs)


def corpus_of(table, states: dict[str, Any], languages: tuple[str, ...]) -> Corpus:
    """The reduce's view of the corpus table ``table`` (``table.SpellTable``);
    ``states`` ({path: DocState}) are the documents whose local tables the rules may ask
    for (``LangCorpus.doc_words``): the targets at least."""
    langs = {}
    for lang in languages:
        lt = table.langs.get(lang)
        backend = available_backend(lang) if lt is not None else None
        if backend is not None:
            lc = langs[lang] = LangCorpus(backend)
            _build(lc, lang, lt, states)
    return Corpus(langs)


def _content_key(states, languages: tuple[str, ...]) -> tuple:
    """The states' contents as ``merge`` keys them: a digest (``store.ContentDigest``) of
    (path, content hash) of each ``DocState``, in path order (every state decoded once,
    on a spill), and ``languages``."""
    items = sorted((p, s.content_hash) for p, s in states.items() if isinstance(s, DocState))
    return ContentDigest(items).digest(), languages


def merge(states: dict[str, Any], languages: tuple[str, ...], table=None) -> Corpus:
    """The merged corpus of ``states`` ({path: DocState}), or of ``table`` (a
    ``table.SpellTable`` summed elsewhere, e.g. on Dask workers) when given; computed once
    per corpus and shared by the spelling rules."""
    # Keyed by content, not object identity: states unpickled from the corpus index are
    # distinct objects per rule, but the same corpus merges once for all three rules.
    # A mapping that decodes on access (the --no-cache spill: ``store.SpilledStates``)
    # also names its states without decoding them (where they were spilled): the rules
    # after the first find the merged corpus by that name, and the first, with nothing
    # merged yet, builds it without a pass over the states for their content key (the
    # build's own pass gives it); each pass decodes every state of the corpus.
    quick = getattr(states, "content_key", None)
    quick_key = (quick(DocState), languages) if quick is not None else None
    with _MERGE_LOCK:
        held_key = _MERGED[0]
        cache_key = None
        if held_key is not None and _MERGED[2] is table:  # (the same table, or None)
            if quick_key is None or held_key[1] != quick_key:
                cache_key = _content_key(states, languages)
            if (quick_key is not None and held_key[1] == quick_key) or held_key[0] == cache_key:
                corpus = _MERGED[1]
                for lc in corpus.langs.values():  # read through this caller's mapping (the same contents;
                    if isinstance(lc.doc_words, _DocWords):  # an earlier one may read a closed spill)
                        lc.doc_words.states = states
                if quick_key is not None:
                    _MERGED[0] = (held_key[0], quick_key)
                return corpus
        # (summed here in one pass over the states: a mapping that decodes them on access,
        # the --no-cache spill, is read once, no state held after its pass)
        if table is None:
            seen = ContentDigest()  # (not a tuple of (path, hash) a document, held as long as the corpus)
            corpus = corpus_of_states(states, languages, seen)
            if cache_key is None:
                cache_key = (seen.digest(), languages)  # (``_content_key``: the same paths in the same order)
        else:
            corpus = corpus_of(table, states, languages)
            if cache_key is None:
                cache_key = _content_key(states, languages)
        _MERGED[:] = [(cache_key, quick_key), corpus, table]
        # the states' decoding and the pair sorts left free memory in the C heap (~40 MB at
        # 100 MB of text): given back before the reduce that asked goes on (S101 loads qalsadi)
        trim_heap()
        return corpus
