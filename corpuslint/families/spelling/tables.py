"""Corpus word statistics as a tree reduction of count tables (a reduction plan, see
``corpuslint/reduction.py``), for executors that spread the reduce (Dask).

``analysis.merge`` sums every document's ``LangState`` into one ``LangCorpus`` per
language: spelling counts, key counts, document frequencies (IDF), the number of
documents, and the set of neighbour bigrams. All of it adds, so each partition sums
its own documents (``partial_tables``), partial tables are added pairwise on the
workers (``add_tables``, a tree), and only the corpus-wide tables reach the client,
with each document's state less what only the merge needed (its bigrams, and for a
document that is not checked its counts, patterns and vowel marks:
``slim_states``). The rule's ``reduce`` gets the merged ``Corpus`` as ``facts``
instead of merging itself, so the findings are those of a local run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from ...reduction import tree
from .analysis import Corpus, DocState, LangCorpus, LangState
from .backends import available_backend


def partial_tables(states: dict[str, Any], languages: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """``{language: {"clean", "key", "df" (Counters), "bigrams" (set), "docs" (int)}}`` of
    the documents in ``states``, exactly as ``analysis.merge`` sums them."""
    out: dict[str, dict[str, Any]] = {}
    backends: dict[str, Any] = {}
    for state in states.values():
        if not isinstance(state, DocState):
            continue
        for lang, ls in state.langs.items():
            if lang not in languages:
                continue
            if lang not in backends:
                backends[lang] = available_backend(lang)
            backend = backends[lang]
            if backend is None:
                continue
            t = out.get(lang)
            if t is None:
                t = out[lang] = {"clean": Counter(), "key": Counter(), "df": Counter(), "bigrams": set(), "docs": 0}
            t["clean"].update(ls.counts)
            t["bigrams"] |= ls.bigrams
            if ls.counts:
                t["docs"] += 1
                key = backend.key
                keys = Counter()
                for clean, n in ls.counts.items():
                    keys[key(clean)] += n
                t["key"].update(keys)
                t["df"].update(keys.keys())
    return out


def add_tables(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``a`` + ``b`` (``a`` is updated and returned: each partial table is added once)."""
    for lang, tb in b.items():
        ta = a.get(lang)
        if ta is None:
            a[lang] = tb
            continue
        for f in ("clean", "key", "df"):
            ta[f].update(tb[f])
        ta["bigrams"] |= tb["bigrams"]
        ta["docs"] += tb["docs"]
    return a


def slim_states(states: dict[str, Any], targets: set[str]) -> dict[str, Any]:
    """The states the reduce still reads once the tables are merged: no bigrams; for a
    document that is not checked, only what S103's variant groups read (variants,
    neighbours, rejected spellings)."""
    out: dict[str, Any] = {}
    for path, state in states.items():
        if not isinstance(state, DocState):
            out[path] = state
            continue
        langs = {}
        for lang, ls in state.langs.items():
            if path in targets:
                langs[lang] = replace(ls, bigrams=set())
            else:
                langs[lang] = LangState(variants=ls.variants, nbrs=ls.nbrs, rejected=ls.rejected)
        out[path] = DocState(state.content_hash, langs, state.version)
    return out


def corpus_from_tables(tables: dict[str, dict[str, Any]], languages: tuple[str, ...]) -> Corpus:
    """The ``Corpus`` ``analysis.merge`` would build from the same documents."""
    langs = {}
    for lang in languages:
        t = tables.get(lang)
        if t is None:
            continue
        backend = available_backend(lang)
        if backend is None:
            continue
        lc = LangCorpus(backend)
        lc.clean_count.update(t["clean"])
        lc.key_count.update(t["key"])
        lc.doc_freq.update(t["df"])
        lc.bigrams = t["bigrams"]
        lc.n_docs = t["docs"]
        langs[lang] = lc
    return Corpus(langs)


class CountTables:
    """Reduction plan of the spelling corpus rules (S101-S103): one tree reduction per
    run and language set, shared by the rules (as ``analysis.merge`` is)."""

    def run(self, rule, ops, targets: set[str]):
        languages = tuple(rule.project.languages)
        memo = ops.memo.setdefault(("spelling-tables", languages), {})
        if "result" in memo:
            return memo["result"]
        handles = ops.states(rule.code)
        partial = ops.map(partial_tables, handles, [languages] * len(handles))
        total = tree(ops, partial, add_tables)
        tables = ops.gather([total])[0] if total is not None else {}
        states: dict[str, Any] = {}
        shipped = ops.put(targets)
        for part in ops.gather(ops.map(slim_states, handles, [shipped] * len(handles))):
            states.update(part)
        memo["result"] = (states, corpus_from_tables(tables, languages))
        return memo["result"]


COUNT_TABLES = CountTables()
