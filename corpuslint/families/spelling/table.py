"""The spelling corpus table: an additive, order-independent sum of document states.

The spelling corpus rules (S101-S103) need, per language, corpus-wide counts built from
every document's compact state (``analysis.DocState``). ``SpellTable`` is that sum as a
*canonical* value: it does not depend on the order the documents were added in, so

* ``merge(a, b)`` is associative and commutative (a Dask tree reduction adds partition
  tables in any shape: ``reduction.tree``),
* ``subtract(add(t, path, s), path, s) == t`` (an incremental index takes a changed
  document's old state out and puts its new state in),
* ``of_documents(items)`` (one vectorised pass) equals folding ``add`` over ``items``.

Shape of one language's table (``LangTable``; numpy arrays, ``int64`` counts, ``int32``
rows of ``pairs`` and ``first``; ids index the sorted string lists; "documents" are
those with at least one word of the language)::

    words     V distinct cleaned spellings, sorted (code-point order), "\\n"-joined
    count     [V]    corpus occurrences of each word (>= 1)
    rejected  [V]    occurrences the dictionary rejected (0 <= rejected <= count)
    pairs     [P, 3] (left word, right word, documents holding that adjacent pair), rows
                     sorted by (left, right), documents >= 1
    keys      K distinct ``backend.key`` of the words, sorted, "\\n"-joined
    key_docs  [K]    documents holding a word with that key (>= 1)
    word_key  [V]    each word's key (id into keys), so a reduce need not compute them
    paths     D document paths, sorted, "\\0"-joined
    first     [F, 4] (word, path, line, column): the first occurrence of each word in
                     each document holding it (1-based line/column, as
                     ``Document.position``); rows sorted by (word, path), one per pair

    docs      number of documents (``len(paths)`` in a complete table)
    complete  False for a ``prune``d table: ``first`` has one row per word (its
              first occurrence in the corpus) and ``paths`` only the documents named

``SpellTable.langs`` maps a project language ("ar", "fa", ...) to its ``LangTable``;
a language with no document is absent (the empty table is ``SpellTable({})``). Sizes:
V, K, P grow with the corpus vocabulary; F is the number of (document, word) pairs
(the sum of the documents' vocabulary sizes), which is what makes a document removable
exactly (the first occurrence of a word moves to the next document when its holder goes).
The reduce reads "first occurrence in the corpus" as the smallest (path, line, column).

Both dataclasses are ``codec.state_type`` (stored as plain data, never pickled) and
validate themselves on construction: a blob that is not a consistent table (wrong
shape, ids out of range, unsorted or duplicate rows, a count below 1) raises
``ValueError`` (``codec.loads`` reports it as ``CodecError``). ``TABLE_VERSION`` changes
when the layout or the meaning of a field does (with ``analysis.STATE_VERSION``).
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from itertools import compress
from typing import Any, Callable, Iterable, Iterator

import numpy as np

from ...codec import state_type
from .analysis import R_WORD, STATE_VERSION, DocState, LangState, _NewIds, sorted_unique

TABLE_VERSION = 2  # 2: word_key
_WSEP = "\n"  # words and keys never contain a line break
_PSEP = "\0"  # paths never contain a NUL


def _i64(*shape: int) -> np.ndarray:
    return np.zeros(shape, dtype=np.int64)


def _column(a: Any, name: str, ndim: int, width: int | None = None, dtype=np.int64) -> np.ndarray:
    a = np.asarray(a)
    if a.dtype.kind not in "iu" and a.size:
        raise ValueError(f"{name}: integer array expected, got {a.dtype}")
    if a.ndim != ndim or (width is not None and a.shape[1] != width):
        raise ValueError(f"{name}: shape {a.shape} is not (n{', %d' % width if width else ''})")
    if dtype is np.int32 and a.size and (a.min() < -(2**31) or a.max() >= 2**31):
        raise ValueError(f"{name}: values out of the int32 range")
    return a.astype(dtype, copy=False)


def _split(joined: str, n: int, sep: str) -> list[str]:
    return joined.split(sep) if n else []


def _strictly_sorted(items: list[str]) -> bool:
    return all(map(operator.lt, items, items[1:]))  # (compared in C: a corpus's vocabulary, every run)


def _rows_increasing(codes: np.ndarray) -> bool:
    return bool((codes[1:] > codes[:-1]).all())


@state_type
@dataclass(eq=False)
class LangTable:
    """One language's corpus table (fields: see the module docstring)."""

    lang: str = ""
    words: str = ""
    count: Any = field(default_factory=lambda: _i64(0))
    rejected: Any = field(default_factory=lambda: _i64(0))
    pairs: Any = field(default_factory=lambda: _i64(0, 3))
    keys: str = ""
    key_docs: Any = field(default_factory=lambda: _i64(0))
    paths: str = ""
    first: Any = field(default_factory=lambda: _i64(0, 4))
    docs: int = 0
    complete: bool = True
    word_key: Any = field(default_factory=lambda: _i64(0))

    def __post_init__(self) -> None:
        if not isinstance(self.lang, str) or not all(isinstance(s, str) for s in (self.words, self.keys, self.paths)):
            raise ValueError("LangTable: lang, words, keys and paths must be strings")
        if type(self.docs) is not int or type(self.complete) is not bool:
            raise ValueError("LangTable: docs must be an int and complete a bool")
        self.count = _column(self.count, "count", 1)
        self.rejected = _column(self.rejected, "rejected", 1)
        self.pairs = _column(self.pairs, "pairs", 2, 3, np.int32)
        self.key_docs = _column(self.key_docs, "key_docs", 1)
        self.first = _column(self.first, "first", 2, 4, np.int32)
        self.word_key = _column(self.word_key, "word_key", 1)
        self.vocab = _split(self.words, len(self.count), _WSEP)
        self.keyl = _split(self.keys, len(self.key_docs), _WSEP)
        self.pathl = self.paths.split(_PSEP) if self.paths else []
        v, d = len(self.vocab), len(self.pathl)
        problem = None
        if v != len(self.count) or len(self.rejected) != v:
            problem = "words, count and rejected differ in length"
        elif len(self.keyl) != len(self.key_docs):
            problem = "keys and key_docs differ in length"
        elif len(self.word_key) != v or (v and (self.word_key.min() < 0 or self.word_key.max() >= len(self.keyl))):
            problem = "word_key is not one key id per word"
        elif not (_strictly_sorted(self.vocab) and _strictly_sorted(self.keyl) and _strictly_sorted(self.pathl)):
            problem = "words, keys or paths not sorted and distinct"
        elif v and (self.count.min() < 1 or self.rejected.min() < 0 or (self.rejected > self.count).any()):
            problem = "a count below 1 or a rejected count out of range"
        elif (self.docs != d) if self.complete else (self.docs < d or len(self.first) != v):
            problem = "the document count or the first-occurrence rows do not match complete/pruned"
        elif len(self.key_docs) and (self.key_docs.min() < 1 or self.key_docs.max() > self.docs):
            problem = "a key document count out of range"
        elif len(self.pairs) and (
            self.pairs[:, :2].min() < 0 or self.pairs[:, :2].max() >= v or self.pairs[:, 2].min() < 1
            or not _rows_increasing(self.pairs[:, 0].astype(np.int64) * v + self.pairs[:, 1])
        ):
            problem = "pairs out of range, below 1 or not sorted and distinct"
        elif len(self.first) and (
            self.first[:, 0].min() < 0 or self.first[:, 0].max() >= v or self.first[:, 1].min() < 0
            or self.first[:, 1].max() >= d or self.first[:, 2:].min() < 0
            or not _rows_increasing(self.first[:, 0].astype(np.int64) * d + self.first[:, 1])
        ):
            problem = "first-occurrence rows out of range or not sorted and distinct"
        elif v and (  # (rows sorted by word: a word's rows are one run)
            len(self.first) == 0 or np.count_nonzero(np.diff(self.first[:, 0])) + 1 != v
            or not np.bincount(self.first[:, 1], minlength=d).all()
            or (np.bincount(self.first[:, 0], minlength=v) > self.count).any()
        ):
            problem = "a word or path without a first-occurrence row, or more documents than occurrences"
        elif not v and (d or len(self.first) or len(self.keyl) or len(self.pairs)):
            problem = "an empty vocabulary with documents, keys or pairs"
        if problem:
            raise ValueError(f"LangTable {self.lang!r}: {problem}")

    def __getstate__(self):  # pickle (Dask) the stored fields only
        return {k: getattr(self, k) for k in _FIELDS}

    def __setstate__(self, state):
        self.__init__(**state)

    def __eq__(self, other) -> bool:
        return isinstance(other, LangTable) and all(_same(getattr(self, k), getattr(other, k)) for k in _FIELDS)

    __hash__ = None  # mutable arrays inside

    @property
    def n_docs(self) -> int:
        return self.docs

    def firsts(self) -> np.ndarray:
        """[V, 4] rows (word, path, line, column): each word's first occurrence in the
        corpus (the smallest path holding it), in word order."""
        return self.first[_first_of_each(self.first[:, 0])]

    def __repr__(self) -> str:
        return (f"LangTable({self.lang!r}, {len(self.vocab)} words, {len(self.keyl)} keys, {len(self.pairs)} pairs, "
                f"{self.docs} documents, {len(self.first)} first rows{'' if self.complete else ', pruned'})")


_FIELDS = ("lang", "words", "count", "rejected", "pairs", "keys", "key_docs", "paths", "first", "docs", "complete",
           "word_key")


def _same(a, b) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.array_equal(a, b)
    return a == b


@state_type
@dataclass(eq=False)
class SpellTable:
    """The spelling corpus table: ``langs`` maps a language to its ``LangTable`` (only
    languages with at least one document). ``version``: ``TABLE_VERSION`` and
    ``analysis.STATE_VERSION`` of the states it sums; a stored table of another version
    is not valid (rebuild it)."""

    langs: dict = field(default_factory=dict)
    version: str = f"{TABLE_VERSION}.{STATE_VERSION}"

    def __post_init__(self) -> None:
        if self.version != f"{TABLE_VERSION}.{STATE_VERSION}":
            raise ValueError(f"SpellTable version {self.version!r} is not {TABLE_VERSION}.{STATE_VERSION}")
        if not isinstance(self.langs, dict) or not all(
            isinstance(k, str) and isinstance(t, LangTable) and t.n_docs for k, t in self.langs.items()
        ):
            raise ValueError("SpellTable.langs must map language names to non-empty LangTables")

    def __eq__(self, other) -> bool:
        return isinstance(other, SpellTable) and self.langs == other.langs

    __hash__ = None

    @property
    def paths(self) -> set[str]:
        """Documents the table sums (those with words of at least one language)."""
        return {p for t in self.langs.values() for p in t.pathl}


def empty() -> SpellTable:
    return SpellTable({})


# --------------------------------------------------------------------------- building


def _lang_table(lang: str, docs: list[tuple[str, LangState]]) -> LangTable | None:
    """The table of ``docs`` (distinct paths, sorted) for one language, in numpy passes."""
    docs = [(p, ls) for p, ls in docs if len(ls.count)]
    if not docs:
        return None
    backend = docs[0][1].backend
    sizes = np.fromiter((len(ls.count) for _p, ls in docs), np.int64, len(docs))
    # table word ids of every document's words, without a list of all of them (one str
    # per word and document: ~9x the compact states); ids first in order of appearance
    seen = _NewIds()  # (a C-level look-up for a word seen before)
    seen_ids = np.empty(int(sizes.sum()), dtype=np.int64)
    pos = 0
    for _p, ls in docs:
        n = len(ls.count)
        seen_ids[pos : pos + n] = np.fromiter(map(seen.__getitem__, ls.words.split(_WSEP)), np.int64, n)
        pos += n
    seen.pending.clear()
    vocab = sorted(seen)
    v = len(vocab)
    rank = np.empty(v, dtype=np.int64)  # id in order of appearance -> id in sorted order
    rank[np.fromiter(map(seen.__getitem__, vocab), np.int64, v)] = np.arange(v, dtype=np.int64)
    del seen
    ids = rank[seen_ids]
    del seen_ids
    offsets = np.cumsum(sizes) - sizes
    count = np.bincount(ids, weights=np.concatenate([ls.count for _p, ls in docs]), minlength=v)
    n_docs = len(docs)
    rows32 = max(v, n_docs) < 2**31  # ids fit the int32 columns LangTable keeps (else it refuses them)
    # Per document, its local word ids mapped to table ids (no corpus-wide int64 copies of
    # every document's rows: the merge's peak was ~4x the spelling states)
    rej: list[np.ndarray] = []
    codes = np.empty(sum(len(ls.pairs) for _p, ls in docs), dtype=np.int64)
    at = 0
    for (_p, ls), o, n in zip(docs, offsets.tolist(), sizes.tolist()):
        mine = ids[o : o + n]
        if len(ls.rej):
            rej.append(mine[np.asarray(ls.rej[:, R_WORD], dtype=np.int64)])
        pairs = np.asarray(ls.pairs, dtype=np.int64).reshape(-1, 2)
        if len(pairs):
            np.multiply(mine[pairs[:, 0]], v, out=codes[at : at + len(pairs)])
            codes[at : at + len(pairs)] += mine[pairs[:, 1]]
            at += len(pairs)
    codes, pair_docs = _run_counts(codes)  # a document's pairs are distinct
    rejected = np.bincount(np.concatenate(rej) if rej else np.zeros(0, np.int64), minlength=v).astype(np.int64)
    del rej
    doc_of = np.repeat(np.arange(n_docs, dtype=np.int64), sizes)
    # each distinct word once, filling no memo (``key`` keeps every word it is asked in two
    # lru caches: a first cached run's table, built 256 documents at a time, kept ~20 MB
    # of them at 100 MB of text, on top of which the reduces ran)
    word_keys = list(map(backend.key_once, vocab))
    keyl = sorted(set(word_keys))
    kid = dict(zip(keyl, range(len(keyl))))
    word_key = np.fromiter(map(kid.__getitem__, word_keys), np.int64, v)
    k = max(len(keyl), 1)
    doc_keys = doc_of * k
    doc_keys += word_key[ids]
    key_docs = np.bincount(sorted_unique(doc_keys) % k, minlength=len(keyl))
    del doc_keys
    # one row per (word, document): documents are in path order, so a stable sort by word
    # leaves each word's rows in path order
    order = np.argsort(ids, kind="stable")
    firsts = np.concatenate([np.asarray(ls.first).reshape(-1, 2) for _p, ls in docs])
    first = np.empty((len(ids), 4), dtype=np.int32 if rows32 and _fits32(firsts) else np.int64)
    first[:, 0] = ids[order]
    first[:, 1] = doc_of[order]
    del doc_of
    first[:, 2:] = firsts[order]
    del firsts, order
    pair_rows = np.empty((len(codes), 3), dtype=np.int32 if rows32 and _fits32(pair_docs) else np.int64)
    np.floor_divide(codes, max(v, 1), out=pair_rows[:, 0], casting="unsafe")
    np.remainder(codes, max(v, 1), out=pair_rows[:, 1], casting="unsafe")
    pair_rows[:, 2] = pair_docs
    table = LangTable(
        lang, _WSEP.join(vocab), count.astype(np.int64), rejected, pair_rows,
        _WSEP.join(keyl), key_docs.astype(np.int64), _PSEP.join(p for p, _ls in docs), first, n_docs,
        word_key=word_key,
    )
    # Each document's words as table ids, in its own word order (path -> (offset, size)
    # into one int32 array, 4 bytes a (document, word) pair), so the merged corpus has
    # their word ids without a look-up per word (``analysis._DocWords``). Not a field:
    # never stored, gone with the table.
    at = dict(zip((p for p, _ls in docs), zip(offsets.tolist(), sizes.tolist())))
    table.doc_ids = (at, ids.astype(np.int32 if v < 2**31 else np.int64))
    return table


def _fits32(a: np.ndarray) -> bool:
    return not a.size or (int(a.min()) >= -(2**31) and int(a.max()) < 2**31)


def _run_counts(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(codes, return_counts=True)``, sorting ``codes`` in place (no copies
    of the corpus' pair codes beyond the distinct ones)."""
    codes.sort()
    if not len(codes):
        return codes, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    counts = np.diff(np.r_[starts, len(codes)])
    return codes[starts], counts


def of_documents(items: Iterable[tuple[str, DocState]]) -> SpellTable:
    """The table of the documents ``items`` ((path, state) pairs, distinct paths, any
    order; states that are not ``DocState`` are skipped). Equal to folding ``add``."""
    docs = sorted((p, s) for p, s in items if isinstance(s, DocState))
    for (p, _s), (q, _t) in zip(docs, docs[1:]):
        if p == q:
            raise ValueError(f"document {p!r} given twice")
    langs: dict[str, LangTable] = {}
    for lang in sorted({lang for _p, s in docs for lang in s.langs}):
        table = _lang_table(lang, [(p, s.langs[lang]) for p, s in docs if lang in s.langs])
        if table is not None:
            langs[lang] = table
    return SpellTable(langs)


def of_document(path: str, state: DocState) -> SpellTable:
    return of_documents([(path, state)])


# --------------------------------------------------------------------------- algebra


def _union(a: list[str], b: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Sorted union of two sorted lists, and each list's ids in it."""
    if not b:
        return a, np.arange(len(a), dtype=np.int64), np.zeros(0, np.int64)
    at = dict(zip(a, range(len(a))))
    if all(map(at.__contains__, b)):  # b within a (a subtraction; an edit of seen words): no new order
        return a, np.arange(len(a), dtype=np.int64), np.fromiter(map(at.__getitem__, b), np.int64, len(b))
    merged = sorted(set(a).union(b))
    at = dict(zip(merged, range(len(merged))))
    return (merged, np.fromiter(map(at.__getitem__, a), np.int64, len(a)),
            np.fromiter(map(at.__getitem__, b), np.int64, len(b)))


def _scatter(size: int, ia: np.ndarray, xa: np.ndarray, ib: np.ndarray, xb: np.ndarray, sign: int) -> np.ndarray:
    out = np.zeros(size, dtype=np.int64)
    out[ia] += xa
    out[ib] += sign * xb
    return out


def _renumber(keep: np.ndarray) -> np.ndarray:
    """Old id -> new id once the rows where ``keep`` is False are dropped (-1 for those)."""
    return np.where(keep, np.cumsum(keep) - 1, -1)


def _renumbered(first: np.ndarray, word_ids: np.ndarray, path_ids: np.ndarray) -> np.ndarray:
    """``first`` (n x 4) as int64 with its word and path columns mapped through the id
    arrays (``np.column_stack`` of the mapped columns, without its cost: the table's
    largest array); an identity mapping is not applied."""
    out = first.astype(np.int64)
    for col, ids in ((0, word_ids), (1, path_ids)):
        if len(out) and not (len(ids) and ids[0] == 0 and ids[-1] == len(ids) - 1
                             and np.array_equal(ids, np.arange(len(ids)))):
            out[:, col] = ids[out[:, col]]
    return out


def _combine(a: LangTable, b: LangTable, sign: int) -> LangTable | None:
    """``a + b`` (sign 1, disjoint documents) or ``a - b`` (sign -1, ``b``'s documents all
    in ``a`` with the same rows); None when nothing is left."""
    pa, pb = a.pathl, b.pathl
    shared = set(pa).intersection(pb)
    if sign > 0 and shared:
        raise ValueError(f"{a.lang}: documents in both tables ({sorted(shared)[0]!r}...); merge needs disjoint ones")
    if sign < 0 and len(shared) != len(pb):
        missing = sorted(set(pb) - shared)[0]
        raise ValueError(f"{a.lang}: cannot subtract document {missing!r}: it is not in the table")
    words, wa, wb = _union(a.vocab, b.vocab)
    v = len(words)
    count = _scatter(v, wa, a.count, wb, b.count, sign)
    rejected = _scatter(v, wa, a.rejected, wb, b.rejected, sign)
    keyl, ka, kb = _union(a.keyl, b.keyl)
    key_docs = _scatter(len(keyl), ka, a.key_docs, kb, b.key_docs, sign)
    word_key = _word_keys(v, ((wa, ka, a), (wb, kb, b)))
    codes = np.concatenate([wa[a.pairs[:, 0]] * v + wa[a.pairs[:, 1]], wb[b.pairs[:, 0]] * v + wb[b.pairs[:, 1]]])
    codes, inverse = np.unique(codes, return_inverse=True)
    pair_docs = np.zeros(len(codes), np.int64)
    np.add.at(pair_docs, inverse.reshape(-1), np.concatenate([a.pairs[:, 2], sign * b.pairs[:, 2].astype(np.int64)]))
    complete = a.complete and b.complete
    if sign < 0 and not complete:
        raise ValueError(f"{a.lang}: cannot subtract from or with a pruned table")
    paths, da, db = _union(pa, pb)
    rows_a, rows_b = _renumbered(a.first, wa, da), _renumbered(b.first, wb, db)
    if sign > 0:
        # rows_a is sorted by (word, path) (the renumbering is monotone) and the tables'
        # documents are disjoint: insert b's sorted rows where they go (no full sort)
        n_paths = max(len(paths), 1)
        key_a = rows_a[:, 0] * n_paths + rows_a[:, 1]
        key_b = rows_b[:, 0] * n_paths + rows_b[:, 1]
        order = np.argsort(key_b, kind="stable")
        first = np.insert(rows_a, np.searchsorted(key_a, key_b[order]), rows_b[order], axis=0)
        keep_paths = np.ones(len(paths), np.bool_)
        if not complete:  # each word's first occurrence only, and the paths they name
            first = first[_first_of_each(first[:, 0])]
            keep_paths = np.zeros(len(paths), np.bool_)
            keep_paths[first[:, 1]] = True
    else:
        leaving = np.zeros(len(paths), np.bool_)
        leaving[db] = True
        gone = leaving[rows_a[:, 1]]
        taken = rows_a[gone]
        if not np.array_equal(taken, rows_b[np.lexsort((rows_b[:, 1], rows_b[:, 0]))]):
            raise ValueError(f"{a.lang}: cannot subtract: a document's state differs from the one added")
        first = rows_a[~gone]
        keep_paths = np.ones(len(paths), np.bool_)
        keep_paths[db] = False
    if count.min(initial=0) < 0 or rejected.min(initial=0) < 0 or key_docs.min(initial=0) < 0 \
            or pair_docs.min(initial=0) < 0:
        raise ValueError(f"{a.lang}: cannot subtract: counts would fall below zero")
    keep_words, keep_keys, keep_pairs = count > 0, key_docs > 0, pair_docs > 0
    if not keep_words.any():
        return None
    docs = a.docs + sign * b.docs
    if not (keep_words.all() and keep_keys.all() and keep_pairs.all() and keep_paths.all()):
        new_word, new_path = _renumber(keep_words), _renumber(keep_paths)
        words = [w for w, k in zip(words, keep_words.tolist()) if k]
        keyl = [w for w, k in zip(keyl, keep_keys.tolist()) if k]
        paths = [p for p, k in zip(paths, keep_paths.tolist()) if k]
        count, rejected, key_docs = count[keep_words], rejected[keep_words], key_docs[keep_keys]
        word_key = _renumber(keep_keys)[word_key[keep_words]]
        codes, pair_docs = codes[keep_pairs], pair_docs[keep_pairs]
        left, right = new_word[codes // v], new_word[codes % v]
        v = len(words)
        codes = left * v + right  # order kept: the renumbering is monotone
        first = _renumbered(first, new_word, new_path)
    vv = max(v, 1)
    return LangTable(a.lang or b.lang, _WSEP.join(words), count, rejected,
                     np.column_stack([codes // vv, codes % vv, pair_docs]),
                     _WSEP.join(keyl), key_docs, _PSEP.join(paths), first, docs, complete, word_key)


def _word_keys(v: int, parts) -> np.ndarray:
    """[v] key ids of the merged words, from (word ids, key ids, table) of each table."""
    out = np.zeros(v, dtype=np.int64)
    for words, keys, t in parts:
        if len(t.word_key):
            out[words] = keys[t.word_key]
    return out


def _first_of_each(ids: np.ndarray) -> np.ndarray:
    """Index of the first row of each run of equal values in the sorted ``ids``."""
    return np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]]) if len(ids) else np.zeros(0, np.int64)


def _prune(t: LangTable) -> LangTable:
    if not t.complete:
        return t
    first = t.firsts()
    used = sorted_unique(first[:, 1])
    renumber = np.full(max(len(t.pathl), 1), -1, np.int64)
    renumber[used] = np.arange(len(used))
    first = np.column_stack([first[:, 0], renumber[first[:, 1]], first[:, 2:]])
    return LangTable(t.lang, t.words, t.count, t.rejected, t.pairs, t.keys, t.key_docs,
                     _PSEP.join(t.pathl[i] for i in used.tolist()), first, t.docs, False, t.word_key)


def prune(table: SpellTable) -> SpellTable:
    """The table as the reduce reads it: each word's first occurrence in the corpus only
    (``first`` has one row per word, ``paths`` the documents those rows name, ``docs``
    the count of all documents, ``complete`` False). It merges like a complete table
    (``merge(prune(a), prune(b)) == prune(merge(a, b))``), the reduce gives the same
    findings from it, and it grows with the vocabulary, not with the number of
    documents; it cannot be subtracted from (``ValueError``)."""
    return SpellTable({lang: _prune(t) for lang, t in table.langs.items()})


def _apply(a: SpellTable, b: SpellTable, sign: int) -> SpellTable:
    langs = dict(a.langs)
    for lang, tb in b.langs.items():
        ta = langs.get(lang)
        if ta is None:
            if sign < 0:
                raise ValueError(f"{lang}: cannot subtract a document the table does not hold")
            langs[lang] = tb
            continue
        out = _combine(ta, tb, sign)
        if out is None:
            del langs[lang]
        else:
            langs[lang] = out
    return SpellTable(dict(sorted(langs.items())))


def merge(a: SpellTable, b: SpellTable) -> SpellTable:
    """The table of the documents of ``a`` and of ``b`` (which must be disjoint sets;
    ``ValueError`` otherwise). Associative and commutative; neither input is changed."""
    return _apply(a, b, 1)


def add(table: SpellTable, path: str, state: DocState) -> SpellTable:
    """``table`` with document ``path`` (not in it yet) added."""
    return _apply(table, of_document(path, state), 1)


def subtract(table: SpellTable, path: str, state: DocState) -> SpellTable:
    """``table`` without document ``path``, whose state when added was ``state``
    (``ValueError`` when the table does not hold that document with that state)."""
    return _apply(table, of_document(path, state), -1)


# --------------------------------------------------------------------------- kept in an index


ROW_CHUNK = 50_000  # detail rows per batch (``detail_rows``)


def detail_rows(table: SpellTable) -> Iterator[list[tuple[str, str, str, int, int]]]:
    """The first occurrence of each word in each document of a complete ``table``, as
    batches of (language, word, path, line, column) rows: what a pruned table needs to
    take a document out again (``update``). ``ValueError`` for a pruned table."""
    for lang, t in table.langs.items():
        if not t.complete:
            raise ValueError(f"{lang}: a pruned table has no rows per document")
        vocab, paths = t.vocab, t.pathl
        for i in range(0, len(t.first), ROW_CHUNK):
            yield [(lang, vocab[w], paths[d], line, col) for w, d, line, col in t.first[i : i + ROW_CHUNK].tolist()]


def update(table: SpellTable, removed: SpellTable, added: SpellTable,
           first: Callable[[str, list[str]], dict[str, tuple[str, int, int]]]) -> SpellTable:
    """``prune(table - removed + added)`` for a pruned ``table`` (the complete one it
    prunes holds every document of the complete ``removed``, whose states are those it
    was given, and none of ``added`` except those in ``removed``), without the complete
    table: a word whose first occurrence was in a removed document gets it from
    ``first(language, words)`` -> {word: (path, line, column)}, the smallest path
    holding each word among the documents after the update (``added`` included).
    ``ValueError`` when the tables do not fit (a count would fall below zero, a removed
    word is not in ``table``, ``first`` does not know a word that remains)."""
    langs = {}
    for lang in sorted(set(table.langs) | set(added.langs) | set(removed.langs)):
        a, m, p = table.langs.get(lang), removed.langs.get(lang), added.langs.get(lang)
        if a is None:
            if m is not None:
                raise ValueError(f"{lang}: cannot subtract a document the table does not hold")
            out = _prune(p)
        else:
            out = _update(_prune(a), m, p, lambda words: first(lang, words))
        if out is not None:
            langs[lang] = out
    return SpellTable(langs)


def _update(a: LangTable, m: LangTable | None, p: LangTable | None, first) -> LangTable | None:
    empty = LangTable(a.lang)
    m, p = m or empty, p or empty
    words, wa, wp = _union(a.vocab, p.vocab)
    merged, _, wm = _union(words, m.vocab)
    keyl, ka, kp = _union(a.keyl, p.keyl)
    merged_keys, _, km = _union(keyl, m.keyl)
    if len(merged) != len(words) or len(merged_keys) != len(keyl):
        raise ValueError(f"{a.lang}: cannot subtract: a word of a removed document is not in the table")
    v = len(words)

    def total(size: int, parts) -> np.ndarray:
        out = np.zeros(size, dtype=np.int64)
        for ids, values, sign in parts:
            out[ids] += sign * np.asarray(values, dtype=np.int64)  # ids are distinct within a part
        return out

    count = total(v, ((wa, a.count, 1), (wm, m.count, -1), (wp, p.count, 1)))
    rejected = total(v, ((wa, a.rejected, 1), (wm, m.rejected, -1), (wp, p.rejected, 1)))
    key_docs = total(len(keyl), ((ka, a.key_docs, 1), (km, m.key_docs, -1), (kp, p.key_docs, 1)))
    word_key = _word_keys(v, ((wa, ka, a), (wp, kp, p)))
    tables = ((a, wa, 1), (m, wm, -1), (p, wp, 1))
    codes = np.concatenate([ids[t.pairs[:, 0]] * v + ids[t.pairs[:, 1]] for t, ids, _s in tables])
    codes, inverse = np.unique(codes, return_inverse=True)
    pair_docs = np.zeros(len(codes), np.int64)
    np.add.at(pair_docs, inverse.reshape(-1), np.concatenate([s * t.pairs[:, 2].astype(np.int64)
                                                               for t, _i, s in tables]))
    docs = a.docs - m.docs + p.docs
    if min(count.min(initial=0), rejected.min(initial=0), key_docs.min(initial=0), pair_docs.min(initial=0),
           docs) < 0 or (rejected > count).any():
        raise ValueError(f"{a.lang}: cannot subtract: counts would fall below zero")
    keep_words = count > 0
    if not keep_words.any():
        return None
    # first occurrences: (path, line, column) per word; ``a``'s stand unless their
    # document leaves, ``p``'s come in where their path is smaller, the rest are looked up
    # (another document holding a word may come before ``p``'s: ``first`` has them all).
    # As arrays over the words (paths as ids into ``names``, the sorted paths, so that
    # comparing ids compares paths): the cost follows the vocabulary in numpy only.
    names = sorted(set(a.pathl) | set(p.pathl))
    name_id = dict(zip(names, range(len(names))))
    at = np.full((v, 3), -1, np.int64)  # path id, line, column (path -1: none yet)
    lost = np.zeros(v, np.bool_)
    rows_a = a.first.astype(np.int64)
    wa_rows = wa[rows_a[:, 0]]
    leaving = set(m.pathl)
    leaves = np.isin(rows_a[:, 1], np.fromiter((i for i, q in enumerate(a.pathl) if q in leaving), np.int64))
    lost[wa_rows[leaves]] = True
    stay = ~leaves
    a_ids = np.fromiter(map(name_id.__getitem__, a.pathl), np.int64, len(a.pathl))
    at[wa_rows[stay], 0] = a_ids[rows_a[stay, 1]]
    at[wa_rows[stay], 1:] = rows_a[stay, 2:]
    rows_p = p.firsts().astype(np.int64)  # one row per word of ``p``
    if len(rows_p):
        w = wp[rows_p[:, 0]]
        p_ids = np.fromiter(map(name_id.__getitem__, p.pathl), np.int64, len(p.pathl))
        row = np.column_stack([p_ids[rows_p[:, 1]], rows_p[:, 2:]])
        old = at[w]
        smaller = (row[:, 0] < old[:, 0]) | ((row[:, 0] == old[:, 0]) & (
            (row[:, 1] < old[:, 1]) | ((row[:, 1] == old[:, 1]) & (row[:, 2] < old[:, 2]))))
        take = ~lost[w] & ((old[:, 0] < 0) | smaller)
        at[w[take]] = row[take]
    missing = np.flatnonzero(keep_words & lost).tolist()
    if missing:
        found = first([words[w] for w in missing])
        extra = sorted({found[words[w]][0] for w in missing if words[w] in found} - set(name_id))
        if extra:  # paths named only by the look-up: renumbered into one sorted list
            names = sorted(names + extra)
            renum = np.fromiter(map(dict(zip(names, range(len(names)))).__getitem__, [n for n in name_id]),
                                np.int64, len(name_id))
            has = at[:, 0] >= 0
            at[has, 0] = renum[at[has, 0]]
            name_id = dict(zip(names, range(len(names))))
        for w in missing:
            got = found.get(words[w])
            if got is None:
                raise ValueError(f"{a.lang}: no occurrence of {words[w]!r} left to be its first")
            at[w] = (name_id[got[0]], got[1], got[2])
    kept = np.flatnonzero(keep_words)
    at_kept = at[kept]
    if len(kept) and at_kept[:, 0].min() < 0:
        raise ValueError(f"{a.lang}: a word without a first occurrence")
    used = sorted_unique(at_kept[:, 0])  # path ids in use, ascending: the paths in sorted order
    paths = [names[i] for i in used.tolist()]
    first_rows = np.column_stack([np.arange(len(kept), dtype=np.int64), np.searchsorted(used, at_kept[:, 0]),
                                  at_kept[:, 1], at_kept[:, 2]]).reshape(-1, 4)
    kept = kept.tolist()
    keep_keys, keep_pairs = key_docs > 0, pair_docs > 0
    new_word = _renumber(keep_words)
    codes, pair_docs = codes[keep_pairs], pair_docs[keep_pairs]
    left, right = new_word[codes // v], new_word[codes % v]
    return LangTable(a.lang, _WSEP.join(map(words.__getitem__, kept)), count[keep_words], rejected[keep_words],
                     np.column_stack([left, right, pair_docs]), _WSEP.join(compress(keyl, keep_keys.tolist())),
                     key_docs[keep_keys], _PSEP.join(paths), first_rows, docs, False,
                     _renumber(keep_keys)[word_key[keep_words]])


# --------------------------------------------------------------------------- Dask


def _partition_table(states: dict[str, Any]) -> SpellTable:
    return prune(of_documents(states.items()))


def _targets_of(states: dict[str, Any], targets: set[str]) -> dict[str, Any]:
    return {p: s for p, s in states.items() if p in targets}


class SpellingTree:
    """Reduction plan of the spelling corpus rules (``corpuslint/reduction.py``): each
    partition's states are summed into a ``SpellTable`` where they were collected (and
    ``prune``d: first occurrences per word only), the partition tables are merged in a
    tree on the workers (``reduction.tree``), and the client gets the corpus table
    (``facts``, the size of the vocabulary) and the targets' states only. The three
    rules collect the same ``DocState``s, so the first one to run computes both for all
    (``ops.memo``)."""

    def run(self, rule, ops, targets: set[str]):
        from ...reduction import tree

        memo_key = ("spelling-table", tuple(rule.project.languages))
        got = ops.memo.get(memo_key)
        if got is None:
            handles = ops.states(rule.code)
            total = tree(ops, ops.map(_partition_table, handles), merge)
            wanted = ops.put(targets)
            parts = ops.map(_targets_of, handles, [wanted] * len(handles))
            table = ops.gather([total])[0] if total is not None else empty()
            states = {p: s for part in ops.gather(parts) for p, s in part.items()}
            got = ops.memo[memo_key] = (states, table)
        return dict(got[0]), got[1]


SPELLING_TREE = SpellingTree()
