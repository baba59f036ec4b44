"""Duplicate rules across files: near-duplicate paragraphs and documents, boilerplate lines.

Each rule's ``collect`` returns a compact dict of numpy arrays (unit lines and spans,
exact keys, sorted shingle sets, MinHash signatures), which the corpus index caches
per file content; ``reduce`` runs LSH over all of them and verifies candidates exactly.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
from typing import Any, Callable, Iterable, Mapping, NamedTuple

import numpy as np
import xxhash

from ...arrays import adjacent, file_mapping_root, frequent, release_mapping, sorted_unique, trim_heap
from ...document import Document
from ...findings import Edit, Finding, Fix, Location, Severity, record_location, spread, where
from ...rules import CorpusRule, CorpusView
from ...store import ColumnState
from ...structure import (ATTRIBUTION_LINE_RE, CODE, HEADING, HEADING_START, HTML_SUFFIXES, LIST_ITEM, MARKUP, MESSAGE,
                          NOTEBOOK_CELL, PROSE, RST_SUFFIXES, SUBTITLE_SUFFIXES, TEX_SUFFIXES, markdown_containers,
                          markdown_list_items)
from ...subtitles import is_subtitle
from ...text.lazy_regex import lazy
from ...text.tokens import SCRIPT_FULL_STOPS
from . import frames as F
from . import incremental, lsh, meaning, regions, shuffle
from . import units as U
from .local import FAMILY, _subset, option_entry, option_terms


class _DuplicateCorpusRule(CorpusRule):
    # One software message (a .po file's msgstr) is not a document: the same or a similar
    # translation in another entry or catalogue (django.po and djangojs.po both translate
    # "July"; the plural forms of a message) is another message, not a copy.
    skip_kinds = frozenset({MESSAGE})

    def fingerprint(self) -> str:
        # states hold signatures: never mix normalisation versions or hash schemes
        return f"{super().fingerprint()}:{U.NORMALIZATION_VERSION}:{U.HASH_SCHEME}"


def _concat(states: dict[str, Any], fields: tuple[str, ...]):
    """Concatenate per-document arrays in path order; returns (paths, doc_index, arrays).

    Each document's array of a field is then replaced in its state (a dict) by a view
    of the concatenated array holding the same values, so the states and the
    concatenation share their memory (the reduce holds one copy of the corpus' arrays,
    not two: ~10 of the 16 bytes a paragraph's state takes per text byte). States read
    back from a spill's columns in path order (``StateSpill.get_many``: the map step
    wrote them in that order) already lie one after another in one mapped column: the
    concatenation is then a view of it (``arrays.adjacent``), nothing is copied and only
    the pages the reduce touches are read."""
    paths = sorted(p for p, s in states.items() if s is not None and len(s["lines"]))
    units = np.array([len(states[p]["lines"]) for p in paths], dtype=np.int64)
    doc_index = np.repeat(np.arange(len(paths), dtype=np.int32 if len(paths) < 1 << 31 else np.int64), units)
    arrays = {}
    for f in fields:
        if f == "off":
            continue
        arrays[f] = _gather(states, paths, f)
    if "sets" in fields:
        arrays["off"] = _set_offsets(states, paths, int(units.sum()))
    return paths, doc_index, arrays


def _set_offsets(states: Mapping[str, Any], order: list[str], units: int) -> np.ndarray:
    """Each document's set offsets (``states[p]["off"]``) in ``order``, shifted by the sets
    of the documents before it: int64, ``units`` + 1 long (filled in place, no copies)."""
    off = np.empty(units + 1, dtype=np.int64)
    at = base = 0
    for p in order:
        mine = states[p]["off"]
        k = len(mine) - 1
        np.add(mine[:-1], base, out=off[at : at + k], casting="unsafe")
        at += k
        base += int(mine[-1])
    off[at] = base
    return off


def _concat_in_place(states: Mapping[str, Any], fields: tuple[str, ...]):
    """``_concat``'s (paths, doc_index, arrays) without copying the arrays, and ``rows``: the
    arrays in the order the states are met in ``states`` (the map's, for states read back from
    a spill) as views of the mapped columns they lie in one after another, and ``rows[i]``
    (int64) the row there of the i-th unit in path order (``doc_index``'s order), the row of
    its set's offsets in ``arrays["off"]`` too. None when a field's arrays do not lie so
    (``arrays.adjacent``: states not read back in that order, a dict's own arrays), or when
    the states are in path order already (``_concat`` gives views then). Records' keys do
    not sort in file order (ids, numbers as strings), so ``_concat`` copied every field
    sorted: ~370 bytes a paragraph record held through D104's reduce (100 k records: +37 MB)."""
    order = [p for p, s in states.items() if s is not None and len(s["lines"])]
    if not order:
        return None
    rank = sorted(range(len(order)), key=order.__getitem__)  # path order -> place in ``order``
    if all(r == k for k, r in enumerate(rank)):
        return None
    arrays = {}
    for f in fields:
        if f == "off":
            continue
        views = []
        for k in range(0, len(order), _GATHER):
            chunk = [states[p][f] for p in order[k : k + _GATHER]]
            if not all(isinstance(a, np.ndarray) for a in chunk):
                return None
            view = adjacent(chunk)
            if view is None:
                if any(a.nbytes for a in chunk):
                    return None
                continue  # (a chunk of empty arrays only: nothing to place)
            views.append(view)
        whole = adjacent(views) if views else None
        if whole is None:
            return None
        arrays[f] = whole
    units = np.array([len(states[p]["lines"]) for p in order], dtype=np.int64)
    if "sets" in fields:  # (in ``order``, the mapped columns' order)
        arrays["off"] = _set_offsets(states, order, int(units.sum()))
    first = np.zeros(len(order), dtype=np.int64)  # each document's first row in ``order``
    np.cumsum(units[:-1], out=first[1:])
    rank_a = np.array(rank, dtype=np.int64)
    del rank
    sorted_units = units[rank_a]
    paths = [order[r] for r in rank_a.tolist()]
    del order
    before = np.zeros(len(paths), dtype=np.int64)  # units before each document in path order
    np.cumsum(sorted_units[:-1], out=before[1:])
    rows = np.repeat(first[rank_a] - before, sorted_units)
    rows += np.arange(len(rows), dtype=np.int64)
    doc_index = np.repeat(np.arange(len(paths), dtype=np.int32 if len(paths) < 1 << 31 else np.int64), sorted_units)
    return paths, doc_index, arrays, rows


# states whose arrays of one field ``_gather`` views at once (a view is ~100 bytes: a list
# of one per record, 450 k records, was ~50 MB beside the copy it was made for)
_GATHER = 4096


def _gather(states: dict[str, Any], paths: list[str], f: str) -> np.ndarray:
    """``np.concatenate([states[p][f] for p in paths])`` (the same values, dtype and
    shape; empty: ``np.zeros(0)``, uint32 for "sets"), ``_GATHER`` states at a time:
    a view of the mapped column when the states lie in it one after another in path
    order (``arrays.adjacent``), else a copy, whose views replace the arrays of dict
    states (``_share``) and after which the mapped columns' pages are given back."""
    if not paths:
        return np.zeros(0, np.uint32 if f == "sets" else np.float64)
    views = []
    for k in range(0, len(paths), _GATHER):
        chunk = [states[p][f] for p in paths[k : k + _GATHER]]
        view = adjacent(chunk)
        if view is None and any(not isinstance(a, np.ndarray) or a.nbytes for a in chunk):
            break  # (a chunk of empty arrays only: nothing to place)
        if view is not None:
            views.append(view)
    else:
        whole = adjacent(views) if views else None
        if whole is not None:  # (the states are views of it already: nothing to copy or share)
            return whole
    del views
    if not all(isinstance(states[p][f], np.ndarray) for p in paths):  # (a plugin's own sequences)
        parts = [states[p][f] for p in paths]
        whole = np.concatenate(parts)
        _share(states, paths, f, parts, whole)
        return whole
    first = states[paths[0]][f]
    total, dtypes = 0, {first.dtype}
    for p in paths:
        a = states[p][f]
        total += len(a)
        dtypes.add(a.dtype)
    whole = np.empty((total, *first.shape[1:]), dtype=np.result_type(*dtypes))
    at = 0
    mapped: dict[int, np.ndarray] = {}  # a part read from a spill's file: its pages may go (the copy has them)
    for k in range(0, len(paths), _GATHER):
        chunk = paths[k : k + _GATHER]
        parts = [states[p][f] for p in chunk]
        n = sum(len(a) for a in parts)
        np.concatenate(parts, out=whole[at : at + n])
        _share(states, chunk, f, parts, whole[at : at + n])
        at += n
        for part in parts:
            root = file_mapping_root(part) if part.nbytes else None
            if root is not None:  # (an array in memory has no pages to give back)
                mapped.setdefault(id(root), part)
    for part in mapped.values():  # (once per mapped column, not a system call per record)
        release_mapping(part)
    return whole


_OWN_STATES = (dict, ColumnState)  # states whose fields the reduce may take or replace (not a plugin's own mapping)


def _share(states: dict[str, Any], paths: list[str], field: str, parts: list, whole: np.ndarray) -> None:
    """Replace ``states[p][field]`` (``parts``, in ``paths`` order) by views of their
    concatenation ``whole`` (same values, shape and dtype), so that a dict's own array is
    freed; a part of another dtype or a state that is not a dict is left as it is. A
    ``ColumnState`` (read back from a spill) is left too: its field is a view of a mapped
    column, made on each access, which costs no memory until touched (its pages are
    given back once copied); replaced, each such state kept a dict of views of its own,
    ~1 KB a record in D104's reduce when the records' keys do not sort in the order the
    map wrote them (``adjacent`` then finds no view: fresh24's record ids, 1.3 KB a
    record at the reduce's peak)."""
    at = 0
    for p, part in zip(paths, parts):
        n = len(part)
        st = states[p]
        if type(st) is dict and isinstance(part, np.ndarray) and part.dtype == whole.dtype and part.ndim == whole.ndim:
            st[field] = whole[at : at + n]
        at += n


class _PageRelease:
    """Gives back, every ``EVERY`` clusters reported on, the pages of the spill's column
    files that ``arrays`` (``_concat``'s, views of mapped columns) lie in
    (``arrays.release_mapping``): building findings reads shingle sets (a member's exact
    Jaccard), name hashes, frames, lines and spans here and there in those columns, and
    each page once read stayed resident (D104 at 100 MB of text: +25 MB of RSS while its
    findings were built). Pages are read from the file again when touched; nothing changes."""

    EVERY = 256

    def __init__(self, arrays: dict[str, np.ndarray], states: dict[str, Any] | None = None,
                 fields: tuple[str, ...] = ()) -> None:
        roots: dict[int, np.ndarray] = {}  # one array per mapping (a column: one per field and dtype)
        # (one view at a time: a list of every state's views, four ~130-byte objects a record,
        # was the peak of D104's reduce on 100 k paragraph records, +20 MB)
        for a in itertools.chain(arrays.values(), (st[f] for st in (states or {}).values()
                                                   if type(st) in _OWN_STATES for f in fields if f in st)):
            root = file_mapping_root(a) if isinstance(a, np.ndarray) and a.nbytes else None
            if root is not None:  # (an array in memory has no pages to give back)
                roots.setdefault(id(root), a)
        self.arrays, self.count = list(roots.values()), 0

    def tick(self) -> None:
        self.count += 1
        if self.count % self.EVERY == 0:
            self.done()

    def done(self) -> None:
        for a in self.arrays:
            release_mapping(a)


class Clusters(list):
    """Connected components (lists of item indices, in index order) plus the verified
    edges: ``rep[i]`` is item i's exact-key representative, ``edges[r]`` the
    ``(other representative, Jaccard)`` pairs verified for representative ``r``."""

    rep: np.ndarray
    edges: dict[int, list[tuple[int, float]]]


def _clusters(
    n: int, keys: np.ndarray, sigs: np.ndarray | None, sets: np.ndarray, off: np.ndarray, threshold: float,
    backend: str, focus: np.ndarray | None = None, bands: np.ndarray | None = None, rows: np.ndarray | None = None,
) -> Clusters:
    """Connected components (size > 1, members in index order) of exact-key groups and
    verified near-duplicate pairs, candidates from the signatures ``sigs`` or their LSH
    band keys ``bands`` (``lsh.band_keys``). Item i (``focus[i]``) is row ``rows[i]`` of
    ``keys``/``sigs``/``bands`` and unit ``rows[i]`` of ``sets``/``off`` (i when ``rows``
    is None): the tables are read in place, never copied. With ``focus`` (bool per
    item), only candidate pairs touching a focused item are verified (a pre-commit run
    checks a few files)."""
    rep, reps = lsh.group_by_key(keys if rows is None else keys[rows])  # (the items' keys: a temporary)
    at = reps if rows is None else rows[reps]
    if bands is not None:
        pairs = lsh.candidate_pairs(None, threshold, bands=bands, rows=at)
    else:
        pairs = lsh.candidate_pairs(sigs[at], threshold, backend)
    if focus is not None and len(pairs):
        touch = np.zeros(len(reps), dtype=bool)
        np.logical_or.at(touch, np.searchsorted(reps, rep), focus)
        pairs = pairs[touch[pairs[:, 0]] | touch[pairs[:, 1]]]
    if len(reps) < 1 << 31:  # (the same pairs in half the bytes while they are verified: 4 MB of D104's at 100 MB)
        pairs = pairs.astype(np.int32)
    pairs, sims = lsh.verify_in_chunks(pairs, sets, off, threshold, rows=at)
    return clusters_from_edges(n, rep, reps[pairs], sims)


def clusters_from_edges(n: int, rep: np.ndarray, pairs: np.ndarray, sims: np.ndarray) -> Clusters:
    """``Clusters`` of ``n`` items from each item's exact-key representative ``rep`` and
    the verified near-duplicate ``pairs`` of representatives ((m, 2), sorted) with their
    Jaccard ``sims``: what a distributed reduce computes on workers (``facts``)."""
    out = Clusters()
    out.rep = rep
    out.edges = {}
    for a, b, s in zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), sims.tolist()):
        out.edges.setdefault(a, []).append((b, s))
        out.edges.setdefault(b, []).append((a, s))
    dup = np.nonzero(rep != np.arange(n))[0]
    src = np.concatenate((dup, pairs[:, 0])).tolist()
    dst = np.concatenate((rep[dup], pairs[:, 1])).tolist()
    if not src:
        return out
    # union-find over the edge endpoints only (few, compared with all units)
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = parent.setdefault(x, x)
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for a, b in zip(src, dst):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for x in sorted(parent):
        groups.setdefault(find(x), []).append(x)
    out.extend(np.array(g, dtype=np.int64) for g in groups.values())
    return out


# Fallback when no verified edge links a member to a kept copy: exact Jaccard against
# at most this many kept copies (LSH misses about 0.5% of pairs at the threshold).
_MAX_DIRECT_CHECKS = 64


def copy_order(corpus: CorpusView) -> Callable[[str], int]:
    """``f(key)``: 0 for a document whose file is as the run's baseline recorded it
    (``CorpusView.settled``), 1 for one changed or added since; 0 for every document without
    such a baseline. The first key of the cross-file duplicate rules' report order after a
    title's rank (D104, D105, D107): the copy kept is a settled file's, so the copy reported
    is the one a change made, in a full run (CI with ``--baseline``) as in a pre-commit run
    over the changed files, whatever their paths (fresh37: help/de/clock.md, a paragraph of
    man/de/autopoint.1.txt pasted in, was reported by the hook and autopoint.1.txt by CI)."""
    settled = corpus.settled
    if settled is None:
        return lambda key: 0
    return lambda key: 0 if settled(key) else 1


def assign_copies(
    group: list[int], clusters: Clusters, doc_of: list[int], checked: list[bool],
    jaccard, threshold: float, parallel=None,
) -> list[tuple[int, int, float]]:
    """Which members of one cluster to report, and against which copy.

    ``group`` is the cluster in report order (the first copy first). Walking it, a
    checked member is reported when it matches, at Jaccard >= ``threshold``, a member
    *kept* so far in another file (exact copy, a verified LSH pair, or failing those an
    exact Jaccard computed directly); it points at the earliest such copy. Any other
    member is kept. So every reported copy names a copy it really matches at or above
    the threshold and that is itself not reported (deleting every reported copy with
    ``--unsafe-fixes`` keeps, for each, a copy at >= threshold): in a chain A~B 0.80,
    B~C 0.80, A~C 0.64, B is reported against A and C is kept. ``parallel(g, h)``, when
    given, is True for two members that are no copies of each other however alike (D105's
    pages for two numbers, ``_renumbered``): ``h`` is not ``g``'s copy, a later kept one may be.
    Returns ``[(member, copy, jaccard)]``.
    """
    rep, edges = clusters.rep, clusters.edges
    pos = {g: k for k, g in enumerate(group)}
    kept_by_rep: dict[int, list[int]] = {}
    kept: list[int] = []
    out: list[tuple[int, int, float]] = []
    for g in group:
        best: tuple[int, int, float] | None = None  # (position, copy, jaccard)
        if checked[g]:
            rg = int(rep[g])
            for r, s in [(rg, 1.0), *edges.get(rg, ())]:
                for h in kept_by_rep.get(r, ()):
                    if doc_of[h] != doc_of[g] and (parallel is None or not parallel(g, h)):
                        if best is None or pos[h] < best[0]:
                            best = (pos[h], h, s)
                        break  # kept lists are in report order: the first fit is the earliest
            if best is None:
                tried = 0
                for h in kept:
                    if doc_of[h] == doc_of[g] or (parallel is not None and parallel(g, h)):
                        continue
                    s = jaccard(g, h)
                    if s >= threshold:
                        best = (pos[h], h, s)
                        break
                    tried += 1
                    if tried >= _MAX_DIRECT_CHECKS:
                        break
        if best is None:
            kept.append(g)
            kept_by_rep.setdefault(int(rep[g]), []).append(g)
        else:
            out.append((g, best[1], best[2]))
    return out


def _exact_jaccard(sets: np.ndarray, off: np.ndarray, i: int, j: int) -> float:
    return U.jaccard_sorted(sets[off[i] : off[i + 1]], sets[off[j] : off[j + 1]])


def _name_hashes(names: set[str]) -> np.ndarray:
    """Sorted unique 64-bit hashes (xxh64) of ``names`` (``meaning.names`` of a paragraph)."""
    if not names:
        return np.zeros(0, dtype=np.uint64)
    return sorted_unique(np.array([xxhash.xxh64_intdigest(n.encode("utf-8")) for n in names], dtype=np.uint64))


def chat_mix(doc: Document) -> int | None:
    """What D104/D105 mix into a chat turn's exact keys and LSH buckets (``Document.
    previous_turn``) so that it meets only the turns that follow the same turn: 0 for a
    document that is not a chat turn (nothing mixed), None for a turn that opens its
    conversation (it takes no part: a system prompt or first question repeated across
    conversations is the dataset's design)."""
    if doc.role is None or doc.previous_turn is None:
        return 0
    return int(doc.previous_turn, 16) | 1 if doc.previous_turn else None


class CrossFileDuplicateParagraph(_DuplicateCorpusRule):
    """A paragraph is a copy or near-copy of a paragraph in another file.

    What: paragraphs (blank-line separated, or one per line in scraped text) with at
    least ``min-words`` words (default 10: shorter lines are often formulaic) whose
    word-bigram sets, after normalisation and light stemming, have Jaccard similarity
    >= ``threshold`` (default 0.8) with a paragraph in another file of the corpus.
    Candidates come from MinHash LSH over the whole corpus (every file under the
    project root, through the corpus index, even when only a few files are checked)
    and every candidate is verified exactly.
    A near-copy (not the same text) whose names differ, a proper name, an identifier
    or an inline code span on one side only (``meaning.names``), is not reported: it
    documents another thing in the same words, as Node's ``http2.md`` does for
    ``Http2Stream`` what ``http.md`` says of ``Socket``, or npm's ``approve-scripts``
    page for ``--allow-scripts-pending`` what ``install-scripts`` says of ``ls``. In
    text of a script written without spaces (Chinese, Japanese, Thai...), compared by
    character bigrams, a word in Latin letters is a name whatever its case, and so is a
    number (``meaning.embedded_names``): manpages-ja's aclocal(1) and automake(1) say "the
    full documentation of aclocal (automake) is a Texinfo manual" in one sentence, 0.91
    alike there and 0.73 in English, where the program's name weighs as one word in a
    dozen; evince's help says how to print a 12-page and a 16-page booklet in one sentence.
    Copies form clusters; each later copy is reported once (never as n² pairs), and
    only the first of a file's copies (its further copies are repeats within the file,
    D101's: a refrain in a scripture translation is not reported ten times),
    pointing (``related``) at the earliest copy it matches directly at >= ``threshold``
    that is not itself reported, so near-duplicates that only chain (A~B 0.80, B~C
    0.80, A~C 0.64) never report a pair below the threshold: B is reported against A,
    C is kept. "Earliest" is path order, except that copies in files not being checked
    come before checked ones: a pre-commit run over a new file that copies an existing
    one reports the new file, pointing at the existing copy; and with a baseline that
    records its files (``copy_order``), copies in files unchanged since it was written
    come first, so CI's full run reports that new file too (fresh37: a paragraph of
    man/de/autopoint.1.txt pasted into help/de/clock.md is help/de/clock.md:5's finding in
    both runs, not autopoint.1.txt:33's in the full one).
    Another edition of a text is one fact, not one per paragraph: a document holding
    another's paragraphs wholly or for the most part (at least ``FOLD_MIN_PARAGRAPHS`` of
    them reported between the two, ``FOLD_SHARE`` of the smaller one's compared
    paragraphs), each differing from its copy only in combining marks (niqqud,
    cantillation, harakat, accents: they are normalised away before comparing), is
    reported once, at its first copied paragraph, counting the paragraphs and naming the
    documents (``related``). The Torah's unpointed edition, one file a book, holds the
    pointed edition's chapter files verse by verse: "1197 paragraphs copy 50 documents,
    first .../01-bereshit/001.txt (...): another edition (differs only in marks)" instead
    of 1,197 findings. Copies of the same text stay reported paragraph by paragraph (a
    Gita chapter's ślokas quoted again above their translations in another file, a help
    page's paragraphs copied into another page: each copy is one a builder deletes). Two
    documents that are near-copies as wholes are D105's (one finding, which supersedes these).
    A paragraph of a Debian change log entry whose earlier copies all lie in entries of
    other source packages (the header's name: "python-attrs (19.3.0-3)" vs "p11-kit
    (0.23.19-1)") is a stock change, made by a team, a bot or a rebuild across packages
    and written each time in its words ("[ Debian Janitor ] * Set upstream metadata fields:
    Bug-Database, Repository…", "* Binary-only non-maintainer upload for amd64; no source
    changes."): not reported. A copy of the same package's entry (its export as a record,
    the changelog two binary packages of one source ship) is.
    A title and the lines that list it: a document's title (its first paragraph, one line
    between blank lines that reads as a title, over more text: a help page's, a section's as a
    record) is the original of its copies, and an entry of a table of contents (a list of
    sections, of tables, a menu) flattened to text, one of at least three paragraphs in a row
    each one line between blank lines that reads as a title (not a text written one verse a
    line, a refrain among its verses), is the copy of the heading or caption it lists, whatever the order
    (``regions.heading_ranks``): debian-reference's section 9.6.1 as a record opens with
    "9.6.1. ディスク空間の利用状況", which chapter 9's contents and the book's list before; a
    table's caption "表 2.5. 解决特定软件包问题的主要网站" is listed in the book's list of
    tables; a GIMP help page's title is the link to it under the page before. The contents'
    line, the link, is reported, pointing at the title; the title, the heading, the caption is
    not (its deletion would leave the section untitled).
    An option's entry in plain text (a man page as groff renders it: its term line, options
    alone, over its definition indented deeper, or a tagged entry, the option beside its
    definition; ``local.option_entry``) copied as the same option's entry in another page is
    not reported: "--context[=CTX]" over "like -Z, or if CTX is specified then set the
    SELinux or SMACK security context to CTX" in mkdir(1), mkfifo(1) and install(1), "-H,
    --host=" in systemd's pages: each page documents an option it takes, and deleting the
    entry would leave that page's list of options without it. A prose paragraph copied
    (a licence notice, "If neither --suffix nor SIMPLE_BACKUP_SUFFIX is set ...") is.
    A step of a Markdown page's own procedure (``_own_step``: an item of an ordered list whose
    first line ends a sentence, in a list of two items at least, another of whose items the
    copy's document does not hold) found as a step of another page is not reported: "1. Klicken Sie
    auf die Uhr in der oberen Leiste." opens the procedures of GNOME help's clock-world and
    clock-calendar, "Click **Color** in the sidebar to open the panel." stands in two colour
    pages' procedures (step 4 there, 3 here); deleting it breaks the page's procedure (as
    D106 leaves such steps). A procedure copied whole, the same step of the same procedure
    (the same item of a list as long: three translations of a page leaving its third step in
    English), and items of a bulleted list (Node's http2 notes on ``set-cookie`` copied from
    http with their list, one item edited) are reported.
    Template text is left to D106 (boilerplate, info): a paragraph whose exact text
    (after normalisation) is in at least max(``boilerplate-docs``,
    ``boilerplate-fraction`` x number of documents) files (defaults 3 and 0.01, D106's
    own ``min-docs`` and ``min-fraction``; the documents counted are those that take
    part, ``taking_part``: a .po catalogue's messages, which D104 skips, do not make 49
    man pages' licence paragraph too rare to be a template), of any length unless
    ``boilerplate-max-words`` (default 0: no limit) is set. Text repeated verbatim in
    many files is a template, not a copy someone made: a licence notice, a site
    footer, the description of a configuration option that npm's documentation
    generator writes into every command page that takes the option (the same
    paragraph in 35 pages). A maintainer does not fix 35 pages; a dataset builder
    strips the template, which D106 reports line by line at info level. A paragraph
    copied into a few files, or edited after copying (a near-duplicate, not the same
    text), is content someone copied: a warning here. A slot template is template
    text too: a short paragraph (6-20 words) that, with one slot of up to 4 words left
    open, is a sentence frame found in as many documents (``frames``; GNOME help writes
    "Click X in the sidebar to open the panel." for every panel, so the two pages about
    Date & Time share the line without copying each other). In Markdown, code and
    markup (tables, HTML, link definitions) are not compared; in the formats whose markup
    runs through their text (LaTeX, HTML, wikitext: ``U.markup_blanked``,
    ``regions.text_words``) a paragraph is compared when it holds ``min-words`` words of
    text, not of markup, code or addresses (a ``<pre>`` block copied between two translations
    of a page is as a Markdown code block; a sentence of eight words around inline code is
    under the threshold too): csbulletin's example preamble (``\\usepackage``
    lines up to ``\\begin{document}``) in its Slovak, English and Czech examples, lshort's
    syntax box ``\\begin{lscommand}`` ``\\ci{parbox}\\verb|[|\\emph{pos}...`` in two of its
    translations are no paragraph of text copied (fresh38: 23 of the 37 findings in .tex,
    whose fix deleted ``\\begin{document}``); in a subtitle file (.srt,
    .vtt) a cue is compared when its caption text, without timing line and tags, has
    ``min-words`` words. A Jupyter notebook is one file, whatever its cells (each cell
    is a document): two cells of one notebook describing two options in the same words
    (nbsphinx's ``nbsphinx_input_prompt`` and ``nbsphinx_output_prompt``) are the
    notebook's own parallel text, as two paragraphs of one Markdown file are.
    Repetitive genres: with ``genre = "auto"`` (default) fully vocalised Arabic-script
    documents (scripture, hadith collections, classical poetry: verses recur across
    surahs, one hadith is narrated through several chains) take no part;
    ``genre = "prose"`` compares every document, ``"formulaic"`` none.
    Chat turns (a record whose role the reader knows, ``Document.role``: one message a
    record beside a ``role``, or a turn of ``messages[*].content``): a turn is compared
    only with turns that follow the same turn (``Document.previous_turn``), so what is
    reported is a repeated exchange, the training example twice. A chat corpus pairs one
    prompt with several replies (chatterbot, preference data) and gives one reply to
    several phrasings of a prompt ("What is AI?", "Define AI"): neither is a copy, and a
    system prompt or opening question repeated across conversations is the dataset's
    design, so a turn that opens its conversation takes no part. A dialogue copied whole
    is reported from its second turn on. Without roles every record is compared, as above.
    Why: a paragraph syndicated across files (agency copy, press releases, scraped
    mirrors) is counted several times by anything trained or measured on the corpus.
    Example: the same agency paragraph "قالت وكالة الأنباء المركزية الكورية ..." in
    ``a.txt`` line 7 and ``b.txt`` line 3: ``b.txt:3`` is reported, related ``a.txt:7``.
    Fix safety: unsafe: the later copy is deleted from its file, which may leave that
    document incomplete; the first copy is always kept. No fix is offered where the
    deletion would break the document's markup (an HTML page's tags, a wikitext template,
    a LaTeX ``\\begin{..}`` without its ``\\end{..}`` or a group's brace without its partner:
    ``U.deletion_fix``).
    """

    code = "D104"
    name = "cross-file-duplicate-paragraph"
    superseded_by = ("D105", "D107")  # a copied document (record) is one D105 (D107) finding, not one per paragraph
    family = FAMILY
    default_severity = Severity.WARNING
    fixable = True
    options = {
        "threshold": 0.8,
        "min-words": 10,
        "boilerplate-docs": 3,
        "boilerplate-fraction": 0.01,
        "boilerplate-max-words": 0,
        "backend": "numpy",  # or "datasketch" (MinHashLSH with LeanMinHash; same buckets, slower)
        "genre": "auto",
    }
    reduction = shuffle.LSH_BANDS  # distributed reduce: LSH band keys as a shuffle
    aggregate = incremental.SignaturePostings()  # incremental reduce from the corpus index

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions.check_genre(self)
        lsh.check_backend(self)

    def collect(self, doc: Document) -> Any:
        return self.collect_batch([doc])[0]

    def collect_batch(self, docs: list[Document]) -> list[Any]:
        """``collect`` of each document; the per-unit arrays (sentence frames, shingle
        sets, signatures, band keys) of the whole batch in one pass each (``U.concat_units``):
        a record of a few units cost ~25 numpy calls of fixed cost here, now a batch does."""
        genre = str(self.opts["genre"])
        out: list[Any] = [None] * len(docs)
        todo = []  # (position, document, analysis, units compared, chat mix)
        for i, doc in enumerate(docs):
            if genre == "formulaic" or (genre == "auto" and regions.vocalised(doc)):
                continue
            mix = chat_mix(doc)
            if mix is None:
                continue  # a chat turn that opens its conversation: a system prompt, a first question
            a = U.analyse(doc)
            idx = (a.nwords >= int(self.opts["min-words"])).nonzero()[0]
            if len(idx) and doc.suffix in regions.MARKDOWN_SUFFIXES:  # no code or markup
                prose = regions.prose_mask(doc, [(a.units[k].start, a.units[k].end) for k in idx.tolist()])
                idx = idx[np.array(prose, dtype=bool)]
            elif len(idx) and U.markup_blanked(doc):  # a paragraph of markup and code: min-words of text
                counted = regions.text_words(doc, [(a.units[k].start, a.units[k].end) for k in idx.tolist()])
                idx = idx[np.array(counted, dtype=np.int64) >= int(self.opts["min-words"])]
            elif len(idx) and is_subtitle(doc):  # a cue: its caption text counts, not its timing line or tags
                idx = idx[np.array(regions.caption_words(doc, [(a.units[k].start, a.units[k].end)
                                                               for k in idx.tolist()]),
                                    dtype=np.int64) >= int(self.opts["min-words"])]
            todo.append((i, doc, a, idx, mix))
        if not todo:
            return out
        # sentence frames of every short unit (templates are counted over all of them)
        if len(todo) == 1:
            frames = [F.frame_hashes(todo[0][2].stem_hashes, todo[0][2].bounds)]
        else:
            th, bounds, starts = U.concat_units([(a.stem_hashes, a.bounds) for _, _, a, _, _ in todo])
            frames = U.split_units(*F.frame_hashes(th, bounds), starts)
        compared = [t for t in todo if len(t[3])]
        U.fill_signatures([a for _, _, a, _, _ in compared])
        sigs = [a.signatures if len(idx) == len(a.nwords) else a.signatures[idx] for _, _, a, idx, _ in compared]
        bands = None
        if self.opts["backend"] != "datasketch" and sigs:
            # LSH band keys (168 bytes a paragraph at 0.8) instead of the signature (512): the
            # numpy back-end buckets the same keys; datasketch's needs the signature itself
            every = lsh.band_keys(sigs[0] if len(sigs) == 1 else np.concatenate(sigs), float(self.opts["threshold"]))
            rows = np.zeros(len(sigs) + 1, dtype=np.int64)
            np.cumsum([len(x) for x in sigs], out=rows[1:])
            r = rows.tolist()
            bands = [every[lo:hi] for lo, hi in zip(r, r[1:])]
        k = 0
        for (i, doc, a, idx, mix), (fr, fr_off) in zip(todo, frames):
            if len(idx) == 0:
                if len(fr):
                    out[i] = {"lines": np.zeros((0, 2), np.int32), "frames": sorted_unique(fr)}
                continue
            out[i] = self._state(doc, a, idx, mix, fr, fr_off, sigs[k], None if bands is None else bands[k])
            k += 1
        return out

    def _state(self, doc: Document, a, idx: np.ndarray, mix: int, fr: np.ndarray, fr_off: np.ndarray,
               sig: np.ndarray, bands: "np.ndarray | None") -> dict:
        """A document's state from its analysis ``a``, the units compared ``idx`` (not
        empty), its frames and the signatures (band keys) of those units."""
        every = len(idx) == len(a.nwords)  # (most often: every unit is kept, no copies taken)
        sets, off = a.shingle_sets
        sub_sets, sub_off = _subset(sets, off, idx)
        table = a.table if every else a.table[idx]  # PUnit rows: start, end, line, last_line
        text = doc.text
        name_off = np.zeros(len(table) + 1, dtype=np.int64)
        names = np.zeros(0, np.uint64)
        if not meaning.name_free(text, a.name_hints):
            name_sets = [_name_hashes(n) for n in meaning.names_of_spans(text, table[:, 0:2].tolist())]
            np.cumsum([len(x) for x in name_sets], out=name_off[1:])
            names = np.concatenate(name_sets)
        unit_frames, unit_frames_off = _subset(fr, fr_off, idx)
        lsh_rows = {"sig": sig} if bands is None else {"bands": bands}
        keys = a.keys if every else a.keys[idx]
        ranks = _heading_ranks(doc, a, idx, table)
        if mix:  # exact keys and LSH buckets of this prompt's replies only (every reduce path reads these)
            keys = keys ^ np.uint64(mix)
            if "bands" in lsh_rows:
                lsh_rows["bands"] = lsh_rows["bands"] ^ np.uint64(mix)
            else:
                lsh_rows["sig"] = sig ^ np.uint32(mix & 0xFFFFFFFF)
        return {
            "names": names,
            "names_off": name_off,
            "lines": table[:, 2:4].astype(np.int32),
            "spans": np.ascontiguousarray(table[:, 0:2]),
            "nwords": a.nwords if every else a.nwords[idx],
            "keys": keys,
            "sets": sub_sets,
            "off": sub_off,
            **lsh_rows,
            "frames": sorted_unique(fr),  # the document's frames
            "letters": a.letters if every else a.letters[idx],  # each unit's letters, bare and marked
            "tframes": unit_frames,  # each unit's frames
            "tframes_off": unit_frames_off,
            **({} if ranks is None else {"ranks": ranks}),  # (a title, entries of a table of contents: the report order)
        }

    def fingerprint(self) -> str:
        # states carry name hashes and frames per paragraph, and band keys instead of signatures
        return f"{super().fingerprint()}:names2:frames1:bands1:letters2:ranks1"  # (names2: Latin words in CJK text)

    def reduce(self, corpus: CorpusView) -> Iterable[Finding]:
        threshold = float(self.opts["threshold"])
        rows = "sig" if self.opts["backend"] == "datasketch" else "bands"
        # a few checked files in an indexed corpus: their neighbours' states only
        plan = incremental.paragraph_plan(self, corpus) if corpus.facts is None else None
        if plan is None:  # (an index's states are decoded on access: its aggregate counts them)
            n_docs = corpus.aggregates.documents() if corpus.aggregates is not None else taking_part(corpus.states)
        states, n_docs, doc_counts = plan or (corpus.states, n_docs, None)
        fields = ("lines", "spans", "nwords", "keys", rows, "sets")
        # the arrays read in place where they lie (the map's order), unit i in path order at row
        # ``unit_rows[i]`` there; else copied in path order (``unit_rows`` None: row i)
        placed = _concat_in_place(states, fields) if corpus.facts is None else None
        paths, doc_of, arr, unit_rows = placed or (*_concat(states, fields), None)
        names_of = _names_lookup(states, paths)
        rank_of = _ranks_lookup(states, paths)
        if len(paths) < 2 or not any(p in corpus.targets for p in paths):
            return []
        file_of = _files_of(paths)  # (a notebook's cells: one file, to copies and to templates)
        keys = arr["keys"].astype(np.uint64, copy=False)
        n = len(keys)
        sigs = arr["sig"].reshape(n, -1).astype(np.uint32, copy=False) if rows == "sig" else None
        bands = arr["bands"].reshape(n, -1) if rows == "bands" else None
        lines = arr["lines"].reshape(n, 2)
        spans = arr["spans"].reshape(n, 2)
        # boilerplate: text repeated verbatim in many files is D106's business
        bp_docs = int(self.opts["boilerplate-docs"]) if corpus.facts is None else 0  # facts: already filtered
        keep = np.ones(n, dtype=bool)
        need = max(bp_docs, math.ceil(float(self.opts["boilerplate-fraction"]) * n_docs))
        if corpus.facts is not None:  # counted by the distributed reduce
            template = corpus.facts.get("template", np.zeros(0, np.uint64))
        elif bp_docs > 0 and doc_counts is not None:  # the frames of the units here, counted by the aggregate
            mine = [states[p]["tframes"] for p in paths if "tframes" in states[p]]
            mine = sorted_unique(np.concatenate(mine)) if mine else np.zeros(0, np.uint64)
            template = mine[doc_counts(incremental.FRAMES, mine) >= need]
        elif bp_docs > 0:
            # a dict of states (owned) gives up each document's frames to the count: not needed
            # again (its units' frames, ``tframes``, are) and freed as they are concatenated;
            # a ``ColumnState`` keeps its field (a view of a mapped column, whose pages ``frequent``
            # gives back): deleted, it took a dict of its own (~200 bytes a record, held to the end)
            # (given one at a time, in the states' order: a list of every document's frames and
            # of (key, state) pairs was ~170 bytes a record at the reduce's peak, rec43)
            owned = type(corpus.states) is dict
            if file_of is not None:  # a notebook's frames once, however many of its cells have them
                framed = [(p, s) for p, s in corpus.states.items() if s is not None and "frames" in s]
                per_doc = _per_file([p for p, _ in framed], [s.pop("frames") if owned and type(s) is dict
                                                              else s["frames"] for _, s in framed])
                del framed
            else:
                per_doc = (s.pop("frames") if owned and type(s) is dict else s["frames"]
                           for s in corpus.states.values() if s is not None and "frames" in s)
            template = frequent(per_doc, need)  # (F.count_frames' counts, >= need, a range at a time)
        else:
            template = np.zeros(0, np.uint64)
        templated = _frames_lookup(states, paths, template)
        if bp_docs > 0:
            if doc_counts is not None:  # documents per key, from the aggregate
                many = doc_counts(incremental.KEYS, keys) >= need
            elif unit_rows is None:
                many = _in_many_files(keys, doc_of, file_of, need)
            else:  # (by row: each row's document)
                row_doc = np.empty_like(doc_of)
                row_doc[unit_rows] = doc_of
                many = _in_many_files(keys, row_doc, file_of, need)
                del row_doc
            max_words = int(self.opts["boilerplate-max-words"])
            if max_words > 0:
                many &= arr["nwords"] <= max_words
            keep &= ~(many if unit_rows is None else many[unit_rows])
        idx = np.nonzero(keep)[0]
        if len(idx) < 2:
            return []
        sets, off = arr["sets"], arr["off"]  # unit idx[i] is item i (read in place)
        at = idx if unit_rows is None else unit_rows[idx]  # item i's row in ``arr``
        target_docs = np.array([p in corpus.targets for p in paths], dtype=bool)
        is_target = target_docs[doc_of[idx]]
        focus = is_target if plan is not None or is_target.mean() < 0.5 else None  # plan: < 0.5 corpus-wide
        if corpus.facts is not None:  # clusters computed by a distributed reduce (shuffle.LSH_BANDS)
            groups = clusters_from_edges(n, corpus.facts["rep"], corpus.facts["pairs"], corpus.facts["sims"])
        else:
            groups = _clusters(len(idx), keys, sigs, sets, off, threshold, str(self.opts["backend"]), focus,
                               bands, rows=at)
        trim_heap()  # (the temporaries of candidates and verification: freed, given back before the findings)
        out: list[Finding] = []
        made: list[_Copy] = []  # (out's findings, in order: what ``_fold_contained`` folds)
        unit_starts = np.searchsorted(doc_of, np.arange(len(paths)))  # (each document's first unit, in _concat order)
        newer = copy_order(corpus)
        release = _PageRelease(arr, states, ("names", "names_off", "tframes", "tframes_off"))
        for group_arr in groups:
            # the members' documents and target flags, by member (a cluster's, not a list of every unit's:
            # 340 k units at 100 MB of text took ~15 MB as Python lists, held while findings were built)
            group = group_arr.tolist()
            target_l = dict(zip(group, is_target[group_arr].tolist()))
            if not any(target_l.values()):
                continue
            doc_l = dict(zip(group, doc_of[idx[group_arr]].tolist()))
            file_l = doc_l if file_of is None else {g: file_of[d] for g, d in doc_l.items()}
            release.tick()
            # report order: a document's title first, an entry of a table of contents last (the
            # page's or section's own title is kept, the contents' line, a link to the next page,
            # is the copy), then copies in files the baseline holds as they are (``copy_order``), then
            # copies in files not being checked first (the established copy, in a pre-commit run),
            # then path order (the stable sort keeps it)
            group.sort(key=lambda g, target_l=target_l, doc_l=doc_l: (
                rank_of(int(idx[g])), newer(paths[doc_l[g]]), target_l[g]))
            n_files = len({file_l[g] for g in group})
            if n_files < 2:
                continue
            spread_of = functools.cache(lambda group=group, doc_l=doc_l: spread(
                [paths[doc_l[x]] for x in group], corpus.documents))  # ("4 copies in 1 file" for records of one file), once a group
            reported: set[int] = set()  # files with a reported copy: a further copy there is D101's
            first_of = functools.cache(lambda group=group, doc_l=doc_l: _first_of_source(
                group, lambda x: corpus.documents.get(paths[doc_l[x]]), lambda x: int(spans[at[x], 0])))
            for g, target, sim in assign_copies(
                group, groups, file_l, target_l, lambda x, y: _exact_jaccard(sets, off, at[x], at[y]), threshold
            ):
                if file_l[g] in reported:
                    continue  # (a refrain repeated in its file: D101 tells it from a slip)
                gi, ti = idx[g], idx[target]  # (units in path order; their rows: ``at``)
                if keys[at[g]] != keys[at[target]] and names_of(int(gi)) != names_of(int(ti)):
                    continue  # a near-copy about another thing (Socket / Http2Stream): parallel docs
                if templated(int(gi)):
                    continue  # a sentence frame many documents fill in: "Click X in the sidebar"
                doc = corpus.documents.get(paths[doc_l[g]])  # read (a file: again) only for a finding
                if doc is None:
                    continue
                start, end = (int(x) for x in spans[at[g]])
                if _same_option_entry(doc, start, end, keys[at[g]] == keys[at[target]],
                                      lambda t=target: (corpus.documents.get(paths[doc_l[t]]), spans[at[t]])):
                    continue  # "--context[=CTX]" and its definition in mkdir(1) and mkfifo(1): the option documented in each
                if _own_step(doc, start, end, lambda t=target: (corpus.documents.get(paths[doc_l[t]]), spans[at[t]])):
                    continue  # "1. Click the clock on the top bar." among a task page's own steps: its procedure's
                if (own := regions.debian_source_at(doc, start)) is not None:
                    first, position = first_of()
                    if min(first.get(own, position[g]), first.get("", position[g])) >= position[g]:
                        continue  # "[ Debian Janitor ] * Set upstream metadata fields…" in other packages' entries: a stock change
                rel = record_location(Location(paths[doc_l[target]], int(lines[at[target], 0]), 1), corpus.documents)
                what = "copies" if sim >= 0.999 else "near-duplicates"
                out.append(
                    doc.finding(
                        self, start, end,
                        f"paragraph {what} {where(rel.path, rel.record)}:{rel.line} (Jaccard {sim:.2f}; "
                        f"{len(group)} copies in {spread_of()})",
                        fix=U.deletion_fix(doc, U.remove_span_lines_edit(doc.text, start, end)),  # (whole lines)
                        related=[rel],
                    )
                )
                made.append(_Copy(doc_l[g], doc_l[target], start, end, int(gi - unit_starts[doc_l[g]]),
                                  int(ti - unit_starts[doc_l[target]]), sim))
                reported.add(file_l[g])
        release.done()
        return _fold_contained(self, out, made, states, paths, corpus.documents)


def _same_option_entry(doc: Document, start: int, end: int, exact: bool, other) -> bool:
    """True when the paragraph ``doc.text[start:end]`` of a plain-text document is an option's
    entry, its term and its definition (``local.option_entry``: a man page's "--context[=CTX]"
    over "like -Z, or if CTX is specified then set the SELinux or SMACK security context to
    CTX"), and its copy (``other()``: document and span, read for a near-copy only; ``exact``:
    the same text) is the same option's entry: each page documents the option it takes, and
    deleting the entry would leave the page's list of options without it."""
    if doc.suffix in regions.MARKDOWN_SUFFIXES or doc.suffix in RST_SUFFIXES or doc.suffix in HTML_SUFFIXES:
        return False
    entry = option_entry(doc.text, start, end)
    if entry is None or exact:
        return entry is not None
    theirs, (t_start, t_end) = other()
    return theirs is not None and option_entry(theirs.text, int(t_start), int(t_end)) == entry


def _own_step(doc: Document, start: int, end: int, other) -> bool:
    """True when the paragraph ``doc.text[start:end]`` of a Markdown document is one item of an
    ordered list (a procedure: "1." ...) of two items at least, a step (its first line ends a
    sentence, as D106's ``_list_steps``), and another item of that list is not an item or line of the document
    that holds its copy (``other()``: document and span): the page's own procedure, one of whose
    steps ("1. Click the clock on the top bar.") another task page takes too. A procedure copied
    whole, every item of it in the other document, is reported, and so is the step of the same
    procedure, its copy the same item (by position) of a list as long (three translations of a
    page leaving its third step in English). Items are compared by their text without the
    list's markers (renumbered: "3." there, "4." here)."""
    if doc.suffix not in regions.MARKDOWN_SUFFIXES:
        return False
    lines = doc.lines
    mine = _list_item_at(doc, start, end)
    if mine is None or len(mine[0]) < 2:
        return False
    items, at = mine
    first_line = lines[items[at][0]]
    if not doc.text[first_line.start : first_line.end].lstrip()[:1].isdigit():
        return False  # (a bulleted list: notes, an API's fields, copied with their list, are no procedure)
    if not _SENTENCE_END_RE.search(doc.text, first_line.start, first_line.end):
        return False
    theirs, (t_start, t_end) = other()
    if theirs is None:
        return False
    if theirs.suffix in regions.MARKDOWN_SUFFIXES and (same := _list_item_at(theirs, int(t_start), int(t_end))):
        if len(same[0]) == len(items) and same[1] == at:
            return False  # (the same step of the same procedure)
    text = doc.masked(U._NOT_MARKUP)  # (the markers blanked: "4. Click" is "3. Click")
    sibling_keys = U.line_keys([text[lines[a].start : lines[b - 1].end] for k, (a, b) in enumerate(items) if k != at])[0]
    their_text = theirs.masked(U._NOT_MARKUP) if theirs.suffix in regions.MARKDOWN_SUFFIXES else theirs.text
    their_lines = theirs.lines
    spans = [(their_lines[a].start, their_lines[b - 1].end) for _, a, b in markdown_list_items(theirs)]
    spans += [(ln.start, ln.end) for ln in their_lines]
    their_keys = set(U.line_keys([their_text[a:b] for a, b in spans])[0])
    return any(k not in their_keys for k in sibling_keys)


def _list_item_at(doc: Document, start: int, end: int) -> "tuple[list[tuple[int, int]], int] | None":
    """The items (first line, end line) of the Markdown list whose item holds ``doc.text[start:end]``
    and that item's index among them; None when no item holds it."""
    lines = doc.lines
    by_list: dict[int, list[tuple[int, int]]] = {}
    mine = None
    for lst, first, stop in markdown_list_items(doc):
        by_list.setdefault(lst, []).append((first, stop))
        if lines[first].start <= start and end <= lines[stop - 1].end:  # (the innermost item holding it: the last)
            mine = (lst, len(by_list[lst]) - 1)
    return None if mine is None else (by_list[mine[0]], mine[1])


def _heading_ranks(doc: Document, a, idx: np.ndarray, table: np.ndarray) -> "np.ndarray | None":
    """Per compared unit (``idx``, rows ``table``): ``regions.TITLE`` for the document's title,
    ``regions.ENTRY`` for an entry of a table of contents, else 0 (``regions.heading_ranks``);
    None when every unit is 0 (most documents: no compared unit is one line that reads as a
    title, and nothing more is computed)."""
    single = table[:, 2] == table[:, 3]
    if not single.any():
        return None
    text = doc.text
    if not any(regions.title_line(text[s:e]) for s, e in table[single, 0:2].tolist()):
        return None
    ranks = regions.heading_ranks(doc, a.table.tolist(), a.nwords.tolist())
    out = np.array([ranks[k] for k in idx.tolist()], dtype=np.int8)
    return out if out.any() else None


def _ranks_lookup(states: Mapping[str, Any], paths: list[str]):
    """``f(i)`` -> the heading rank of the i-th unit in ``_concat`` order (its state's
    ``ranks``; 0 without)."""
    from bisect import bisect_right

    starts = np.concatenate(([0], np.cumsum(np.fromiter((len(states[p]["lines"]) for p in paths),
                                                        np.int64, len(paths))))).tolist()

    def rank_of(i: int) -> int:
        d = bisect_right(starts, i) - 1
        ranks = states[paths[d]].get("ranks")
        return 0 if ranks is None else int(ranks[i - starts[d]])

    return rank_of


class _Copy(NamedTuple):
    """A D104 finding as ``_fold_contained`` reads it: the reported paragraph's document and
    the copied one (``_concat`` indices), the paragraph's span, the two paragraphs' indices
    in their documents' states, and the pair's Jaccard."""

    doc: int
    other: int
    start: int
    end: int
    unit: int  # (the paragraph's index in its document's state, and its copy's in the other's)
    other_unit: int
    sim: float


# A document copied paragraph by paragraph into another (or holding another's paragraphs):
# at least FOLD_MIN_PARAGRAPHS paragraphs reported between the two, FOLD_SHARE or more of the
# compared paragraphs of the smaller one.
FOLD_MIN_PARAGRAPHS = 3
FOLD_SHARE = 0.5


def _fold_contained(rule, out: list[Finding], made: list[_Copy], states, paths: list[str],
                    documents) -> list[Finding]:
    """``out`` (D104's findings, ``made[i]`` telling ``out[i]``) with the findings of a
    document against the documents it holds another edition of folded into one finding,
    at the first of them: one fact, not one per paragraph. Another edition: at least
    ``FOLD_MIN_PARAGRAPHS`` paragraphs reported between the two, ``FOLD_SHARE`` of the
    smaller one's compared paragraphs (one holds the other wholly or for the most part),
    each differing from its copy only in combining marks (``_differ_only_in_marks``:
    niqqud, cantillation, harakat, accents). The Torah's unpointed edition, one file a
    book, holds each chapter file of the pointed edition: 4,545 verses were reported one
    by one. The message counts the paragraphs and names the documents (``related``, each
    at its first copied paragraph). Copies of the same text are still reported paragraph
    by paragraph (a page whose paragraphs another page copies: each copy is one to
    delete). The fix deletes what the folded findings' fixes deleted (none when one of
    them had none). Deterministic in ``out``'s order: the same with a distributed or an
    incremental reduce (a document's findings are all made in the reduce that reports it)."""
    if len(made) < FOLD_MIN_PARAGRAPHS:
        return out
    pairs: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(made):
        pairs.setdefault((c.doc, c.other), []).append(i)

    def compared(d: int) -> int:  # (a distributed reduce's states hold the units in clusters: "whole" counts all)
        st = states[paths[d]]
        return int(np.asarray(st["whole"])[0]) if "whole" in st else len(st["lines"])

    folded: dict[int, list[int]] = {}  # document -> its findings folded (indices of out)
    for (d, o), idx in pairs.items():
        if (len(idx) >= FOLD_MIN_PARAGRAPHS and len(idx) >= FOLD_SHARE * min(compared(d), compared(o))
                and _differ_only_in_marks([made[i] for i in idx], states, paths)):
            folded.setdefault(d, []).extend(idx)
    drop: set[int] = set()
    at: dict[int, Finding] = {}
    for d, idx in folded.items():
        doc = documents.get(paths[d])
        if doc is None:
            continue
        idx.sort(key=lambda i: (made[i].start, made[i].other))
        others: dict[int, Location] = {}
        for i in idx:
            others.setdefault(made[i].other, out[i].related[0])
        edits = [e for i in idx if out[i].fix is not None for e in out[i].fix.edits]
        fix = Fix.unsafe(*_merged_deletions(edits)) if all(out[i].fix is not None for i in idx) else None
        rel = list(others.values())
        named = (where(rel[0].path, rel[0].record) if len(rel) == 1
                 else f"{len(rel)} documents, first {where(rel[0].path, rel[0].record)}")
        at[idx[0]] = doc.finding(
            rule, made[idx[0]].start, made[idx[0]].end,
            f"{len(idx)} paragraphs copy {named} (Jaccard >= {min(made[i].sim for i in idx):.2f} after "
            f"normalisation): another edition (differs only in marks)",
            fix=fix, related=rel,
        )
        drop.update(idx[1:])
    return [at.get(i, f) for i, f in enumerate(out) if i not in drop]


def _merged_deletions(edits: list[Edit]) -> list[Edit]:
    """Deletions ``edits`` (replacement "") in order, those that overlap or touch merged
    into one (two paragraphs' deletions may both take the blank line between them)."""
    merged: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if merged and e.start <= merged[-1].end:
            if e.end > merged[-1].end:
                merged[-1] = Edit(merged[-1].start, e.end)
        else:
            merged.append(e)
    return merged


def _differ_only_in_marks(copies: list[_Copy], states, paths: list[str]) -> bool:
    """True when each of ``copies`` has the letters of its copy in the other document, word
    by word, and at least one differs from it in combining marks (``U.letter_hashes``):
    another edition of the same text, pointed and unpointed. Read from the states (the
    other document may not be at hand: an incremental run reads only the checked files)."""
    differ = False
    for c in copies:
        mine, theirs = states[paths[c.doc]].get("letters"), states[paths[c.other]].get("letters")
        if mine is None or theirs is None:  # (a plugin's own state)
            return False
        a = np.asarray(mine).reshape(-1, 2)[c.unit]
        b = np.asarray(theirs).reshape(-1, 2)[c.other_unit]
        if a[0] != b[0]:
            return False
        differ = differ or a[1] != b[1]
    return differ


def _another_edition(mine: Mapping[str, Any] | None, theirs: Mapping[str, Any] | None) -> bool:
    """True when two D105 states (``mine``, ``theirs``: documents found near-copies as wholes)
    hold two editions of one text, differing only in combining marks: of the paragraphs of
    the document with fewer, at least ``FOLD_MIN_PARAGRAPHS`` and ``FOLD_SHARE`` have their
    letters (``U.letter_hashes``' first column: marks stripped) in the other document, and
    ``FOLD_SHARE`` of those are not there with the same marks (the second column). The Book
    of Job unpointed, as Markdown with numbered verses, against the pointed Job: the same
    letters verse by verse, no verse marked alike. A copy re-encoded (NFD: the hashes are of
    NFD text) or copied as it is has its paragraphs with their marks: not another edition.
    False when either state holds no ``paragraph_letters`` (an ASCII document, a plugin's)."""
    a = None if mine is None else mine.get("paragraph_letters")
    b = None if theirs is None else theirs.get("paragraph_letters")
    if a is None or b is None:
        return False
    a, b = np.asarray(a).reshape(-1, 2), np.asarray(b).reshape(-1, 2)
    if len(a) > len(b):
        a, b = b, a
    bare = np.isin(a[:, 0], b[:, 0])
    shared = int(np.count_nonzero(bare))
    if shared < max(FOLD_MIN_PARAGRAPHS, FOLD_SHARE * len(a)):
        return False
    marked_alike = int(np.count_nonzero(np.isin(a[bare, 1], b[:, 1])))
    return shared - marked_alike >= FOLD_SHARE * shared


def _first_of_source(group: list[int], document, start) -> tuple[dict[str, int], dict[int, int]]:
    """For a cluster ``group`` (report order): the position of its first member in an entry of
    each Debian source package (``regions.debian_source_at``; "" for a member in no Debian
    entry or whose document is not at hand), and each member's position. ``document(x)`` is
    member x's Document (or None), ``start(x)`` its offset there."""
    first: dict[str, int] = {}
    for k, x in enumerate(group):
        d = document(x)
        first.setdefault("" if d is None else regions.debian_source_at(d, start(x)) or "", k)
    return first, {x: k for k, x in enumerate(group)}


def taking_part(states: Mapping[str, Any]) -> int:
    """Documents that take part in a duplicate rule's reduce: those with a state
    (``CorpusView.states`` values not None). A document the rule skips (its kind:
    a .po catalogue's messages to D104/D106; a vocalised text or a chat turn that
    opens its conversation) or in which it found nothing to compare has None and
    does not count in the boilerplate threshold's "fraction of the documents"."""
    return sum(1 for s in states.values() if s is not None)


def _in_many_files(keys: np.ndarray, doc_of: np.ndarray, file_of: list[int] | None, need: int) -> np.ndarray:
    """Bool per unit: its exact key ``keys[i]`` is found in at least ``need`` files
    (``doc_of[i]`` its document, ``file_of`` a document's file or None). Its temporaries
    (the unique keys and their counts: 5 MB at 100 MB of text) go when it returns, not
    at the end of D104's reduce (they were held through candidates and verification)."""
    many = np.zeros(len(keys), dtype=bool)
    uk, counts = np.unique(keys, return_counts=True)
    often = uk[counts >= need]  # (a key in `need` documents occurs `need` times or more)
    del uk, counts
    if len(often):
        sel = np.isin(keys, often).nonzero()[0]
        unit_of = doc_of[sel] if file_of is None else np.asarray(file_of, np.int64)[doc_of[sel]]
        pair = np.unique(np.stack((keys[sel], unit_of.astype(np.uint64)), axis=1), axis=0,
                         return_counts=True)[0]  # (with counts: no numpy.ma import)
        uk, counts = np.unique(pair[:, 0], return_counts=True)
        many[sel] = np.isin(keys[sel], uk[counts >= need])
    return many


def _per_file(paths: list[str], per_doc: list[np.ndarray]) -> list[np.ndarray]:
    """``per_doc`` (one sorted array of hashes a document of ``paths``) with the arrays
    of one notebook's cells merged into one: each file counts once."""
    files = _files_of(paths) or list(range(len(paths)))
    merged: dict[int, list[np.ndarray]] = {}
    for f, a in zip(files, per_doc):
        merged.setdefault(f, []).append(a)
    return [parts[0] if len(parts) == 1 else sorted_unique(np.concatenate(parts)) for parts in merged.values()]


_NOTEBOOK_CELL_KEY_RE = lazy(r"(?i)(.*\.ipynb)#cell \d+")


def is_data_record(record_of, path: str) -> bool:
    """Is the document ``path`` (an engine key) a record of a data file (``populations``)?"""
    return _file_key(path) == path and record_of(path) is not None


def populations(record_of, paths: list[str]) -> tuple[list[str], list[str]] | None:
    """(text files, records of data files) of ``paths`` (engine keys, in their order) when
    both kinds are there; None when they are of one kind (then no list is made: a dataset of
    a million records holds no second list of their keys). A record is a CSV's row, a JSON
    Lines record...: ``record_of`` (``DocumentStore.record_of``) names its file; a notebook's
    cell is part of its notebook, a text file. D106 counts the two apart."""
    first = None
    for p in paths:
        kind = is_data_record(record_of, p)
        if first is None:
            first = kind
        elif kind != first:
            break
    else:
        return None
    texts: list[str] = []
    records: list[str] = []
    for p in paths:
        (records if is_data_record(record_of, p) else texts).append(p)
    return texts, records


def _record_of(corpus: CorpusView):
    """``record_of`` of the reduce's documents (``DocumentStore.record_of``; for a plain
    mapping of documents, the Python API's, a document's ``record``)."""
    store = corpus.documents
    found = getattr(store, "record_of", None)
    return found if found is not None else (lambda p: getattr(store.get(p), "record", None))


def _files_of(paths: list[str]) -> list[int] | None:
    """For each document (``paths``, engine keys), the index of the file it is part of,
    where that is not the document itself: a notebook's cells (``nb.ipynb#cell 3``) are
    one file. None when every document is its own file (no notebook cell here)."""
    if not any("#cell " in p for p in paths):
        return None
    files: dict[str, int] = {}
    out = []
    for p in paths:
        m = _NOTEBOOK_CELL_KEY_RE.fullmatch(p) if "#cell " in p else None
        out.append(files.setdefault(m.group(1) if m else p, len(files)))
    return out


def _file_key(path: str) -> str:
    """The file a document (engine key) is part of, where one file is several documents
    to the duplicate rules: a notebook's cell ``nb.ipynb#cell 3`` is ``nb.ipynb``."""
    m = _NOTEBOOK_CELL_KEY_RE.fullmatch(path) if "#cell " in path else None
    return m.group(1) if m else path


def _cell_number(path: str) -> int:
    """A notebook cell's number from its key (``nb.ipynb#cell 31`` -> 31)."""
    return int(path.rsplit("#cell ", 1)[1])


def _frames_lookup(states: dict[str, Any], paths: list[str], template: np.ndarray):
    """``f(i)`` -> whether the i-th unit in ``_concat`` order is an instance of a frame
    in ``template`` (sorted), i.e. a slot template (``frames``)."""
    if not len(template):
        return lambda i: False
    starts = np.concatenate(([0], np.cumsum([len(states[p]["lines"]) for p in paths])))

    def templated(i: int) -> bool:
        d = int(np.searchsorted(starts, i, side="right")) - 1
        st = states[paths[d]]
        if "tframes" not in st:
            return False
        k = i - int(starts[d])
        off = st["tframes_off"]
        mine = st["tframes"][int(off[k]) : int(off[k + 1])]
        return bool(len(mine)) and bool(np.isin(mine, template, assume_unique=True).any())

    return templated


def _names_lookup(states: dict[str, Any], paths: list[str]):
    """``f(i)`` -> frozenset of name hashes of the i-th unit in ``_concat`` order."""
    from array import array
    from bisect import bisect_right  # (a list search: a finding costs a few us, not a numpy call's)

    # (an array of int64, searched as a list: a list of ints was ~36 bytes a record, held to the reduce's end)
    starts = array("q", np.concatenate(([0], np.cumsum(np.fromiter((len(states[p]["lines"]) for p in paths),
                                                                    np.int64, len(paths))))).tobytes())

    def names_of(i: int) -> frozenset[int]:
        d = bisect_right(starts, i) - 1
        st = states[paths[d]]
        k = i - starts[d]
        off = st["names_off"]
        return frozenset(st["names"][int(off[k]) : int(off[k + 1])].tolist())

    return names_of


class NearDuplicateDocument(_DuplicateCorpusRule):
    """A whole document is a copy or near-copy of another file in the corpus.

    What: documents with at least ``min-words`` words (default 50) whose word-bigram
    sets (normalised, light-stemmed) have Jaccard similarity >= ``threshold`` (default
    0.8) with another file of the corpus (MinHash LSH over every file under the project
    root, verified exactly). Each later copy is reported once at its first paragraph,
    pointing at the earliest file it matches directly at >= ``threshold`` that is not
    itself reported (path order, files not being checked first, and with a baseline that
    records its files, files unchanged since first: ``copy_order``; chains are handled as
    in D104). Chat turns are compared as D104 compares them: a turn only with turns after
    the same turn, a turn opening its conversation not at all (a long answer given again
    to the same question is reported; to another phrasing of it, not).
    Two Markdown pages whose titles (first headings) are one title with other numbers
    are parallel pages, one for each number, not a copy: evince's help has a booklet page
    for each size ("# 10 ページの小冊子", "# 14 ページの小冊子"), whose steps differ in their
    page numbers only; an exact copy is reported whatever its title.
    Repetitive genres: as in D104, with ``genre = "auto"`` (default) fully vocalised
    Arabic-script documents take no part (Abu Dawud gives one hadith through two chains,
    in two chapters: records 184 and 493 share the isnad and differ in the question asked);
    ``"prose"`` compares every document, ``"formulaic"`` none.
    Another edition of the same text, differing only in combining marks (``_another_edition``:
    the Book of Obadiah unpointed, as Markdown with numbered verses, against the pointed book
    with niqqud and cantillation), is reported as such: "document is another edition of ...
    (differs only in marks; ...)", as D104 names the editions it folds; it is not a copy
    someone made, but the corpus holds the text twice. A copy re-encoded (NFD) keeps its
    marks: "a copy".
    Why: the same article scraped twice (mirrors, pagination, re-crawls) duplicates
    every paragraph of it; training on both copies over-weights it.
    Example: ``news/2024/a.txt`` and ``mirror/a-copy.txt`` hold the same article with a
    different header line: ``news/2024/a.txt:1`` is reported against ``mirror/a-copy.txt:1``
    (paths sort ``mirror`` first).
    Fix safety: no automatic fix: deleting a file is a decision for the corpus owner.
    """

    code = "D105"
    # a notebook's cell is part of a document, not one (a test notebook's title cell
    # copied into its sibling: nbclient's Parallel_Execute_A/B): D104 compares its paragraphs
    skip_kinds = frozenset({MESSAGE, NOTEBOOK_CELL})
    name = "near-duplicate-document"
    whole_document = True
    superseded_by = ("D107",)  # a record copied exactly is D107's (any length, whole record)
    family = FAMILY
    default_severity = Severity.WARNING
    options = {"threshold": 0.8, "min-words": 50, "backend": "numpy", "genre": "auto"}  # backend, genre: see D104
    reduction = shuffle.LSH_BANDS  # distributed reduce: LSH band keys as a shuffle
    aggregate = incremental.SignaturePostings()  # incremental reduce from the corpus index

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions.check_genre(self)
        lsh.check_backend(self)

    def fingerprint(self) -> str:
        return f"{super().fingerprint()}:title1"  # (states hold the title's hashes)

    def collect_batch(self, docs: list[Document]) -> list[Any]:
        """``collect`` of each document, the signatures of those compared computed in one
        pass (``U.fill_signatures``; D104's batch has computed most of them already)."""
        if len(docs) > 1:
            genre, low = str(self.opts["genre"]), int(self.opts["min-words"])
            U.fill_signatures([a for a in (U.analyse(d) for d in docs
                                           if genre == "prose" or (genre == "auto" and not regions.vocalised(d)))
                               if len(a.nwords) and int(a.nwords.sum()) >= low])
        return [self.collect(doc) for doc in docs]

    def collect(self, doc: Document) -> Any:
        genre = str(self.opts["genre"])
        if genre == "formulaic" or (genre == "auto" and regions.vocalised(doc)):
            return None  # a hadith narrated again through another chain: the collection's design (see D104)
        mix = chat_mix(doc)  # a chat turn: compared with the turns after the same turn only (see D104)
        if mix is None:
            return None
        a = U.analyse(doc)
        total = int(a.nwords.sum()) if len(a.nwords) else 0
        if total < int(self.opts["min-words"]):
            return None
        sets, _off = a.shingle_sets
        s = np.sort(sets)
        if len(s):
            keep = np.empty(len(s), dtype=bool)
            keep[0] = True
            np.not_equal(s[1:], s[:-1], out=keep[1:])
            s = s[keep]
        # reported at its first paragraph the rule checks: a GNU ChangeLog's first line, the
        # entry header "2022-12-26  12:26  Christos Zoulas <christos@zoulas.com>", is a code
        # region, and a finding there would be dropped (``engine._in_checked_regions``)
        kinds = self.checked_regions()
        u = next((v for v in a.units if not doc.outside(v.start, v.end, kinds)), a.units[0])
        state = {
            "lines": np.array([[u.line, u.last_line]], dtype=np.int32),
            "spans": np.array([[u.start, u.end]], dtype=np.int64),
            "nwords": np.array([total], dtype=np.int32),
            "title": np.array([_title_hashes(doc)], dtype=np.uint64),
            "keys": np.array([xxhash.xxh64_intdigest(a.keys.tobytes()) ^ mix], dtype=np.uint64),
            "sets": s,
            "off": np.array([0, len(s)], dtype=np.int64),
            "sig": a.signatures.min(axis=0, keepdims=True) ^ np.uint32(mix & 0xFFFFFFFF),
        }
        if not doc.text.isascii():  # (ASCII holds no combining mark: no edition of it differs in marks alone)
            state["paragraph_letters"] = a.letters  # (``_another_edition``; D104's map has computed them)
        return state

    def fingerprint(self) -> str:
        return f"{super().fingerprint()}:letters2"  # (states hold each paragraph's letter hashes: of UTF-32)

    def reduce(self, corpus: CorpusView) -> Iterable[Finding]:
        threshold = float(self.opts["threshold"])
        plan = incremental.document_plan(self, corpus) if corpus.facts is None else None  # see D104
        states = corpus.states if plan is None else plan
        fields = ("lines", "spans", "keys", "sig", "sets", "title")
        # as D104: the shingle sets read in place where the map left them (records' keys do not
        # sort in file order: 10,000 web records' sets were copied, +75 MB), document i at row
        # ``rows[i]`` there; its small per-document fields taken in path order
        placed = _concat_in_place(states, fields) if corpus.facts is None else None
        paths, _doc_of, arr, rows = placed or (*_concat(states, fields), None)
        if len(paths) < 2 or not any(p in corpus.targets for p in paths):
            return []
        n = len(paths)
        in_order = (lambda a: a) if rows is None else (lambda a: a[rows])
        titles = in_order(arr["title"].reshape(n, 2))
        all_keys = arr["keys"].astype(np.uint64, copy=False)
        keys = in_order(all_keys)
        sigs = arr["sig"].reshape(n, -1).astype(np.uint32, copy=False)
        spans = in_order(arr["spans"].reshape(n, 2))
        lines = in_order(arr["lines"].reshape(n, 2))
        unit = (lambda i: i) if rows is None else rows.__getitem__  # document i's row of ``sets``/``off``
        is_target = np.array([p in corpus.targets for p in paths], dtype=bool)
        focus = is_target if plan is not None or is_target.mean() < 0.5 else None  # plan: < 0.5 corpus-wide
        if corpus.facts is not None:  # clusters computed by a distributed reduce (shuffle.LSH_BANDS)
            groups = clusters_from_edges(n, corpus.facts["rep"], corpus.facts["pairs"], corpus.facts["sims"])
        else:
            groups = _clusters(n, all_keys, sigs, arr["sets"], arr["off"], threshold, str(self.opts["backend"]), focus,
                               rows=rows)
        out: list[Finding] = []
        target_l = is_target.tolist()
        newer = copy_order(corpus)
        all_docs = list(range(n))
        for group in groups:
            if not is_target[group].any():
                continue
            # settled files first, then unchecked ones (see D104)
            group = sorted(group.tolist(), key=lambda g: (newer(paths[g]), target_l[g]))
            for g, target, sim in assign_copies(
                group, groups, all_docs, target_l,
                lambda x, y: _exact_jaccard(arr["sets"], arr["off"], unit(x), unit(y)), threshold,
                # "# 10 ページの小冊子" / "# 14 ページの小冊子": one page for each number, no copies
                lambda x, y: keys[x] != keys[y] and _renumbered(titles[x], titles[y]),
            ):
                doc = corpus.documents.get(paths[g])
                if doc is None:
                    continue
                rel = record_location(Location(paths[target], int(lines[target, 0]), 1), corpus.documents)
                if _another_edition(states.get(paths[g]), states.get(paths[target])):
                    # the Book of Job unpointed (Markdown) and pointed: one text, two editions
                    message = (f"document is another edition of {where(rel.path, rel.record)} (differs only "
                               f"in marks; Jaccard {sim:.2f} after normalisation; {len(group)} similar documents)")
                else:
                    what = "copy" if keys[g] == keys[target] else "near-duplicate"
                    message = (f"document is a {what} of {where(rel.path, rel.record)} (Jaccard {sim:.2f}; "
                               f"{len(group)} similar documents)")
                out.append(doc.finding(self, int(spans[g, 0]), int(spans[g, 1]), message, related=[rel]))
        return out


# A Markdown document's title, its first ATX heading ("# 14 ページの小冊子"), and its numbers.
_ATX_TITLE_RE = lazy(r"(?m)^[ ]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")
_DIGITS_RE = lazy(r"\d+")


def _title_hashes(doc: Document) -> list[int]:
    """[hash of the title, hash of the title with its numbers masked] of a Markdown
    document (its first ATX heading, case and spacing normalised); [0, 0] without one."""
    if doc.suffix not in regions.MARKDOWN_SUFFIXES:
        return [0, 0]
    m = _ATX_TITLE_RE.search(doc.text)
    if m is None:
        return [0, 0]
    title = " ".join(m.group(1).casefold().split())
    return [xxhash.xxh64_intdigest(title.encode("utf-8")) | 1,
            xxhash.xxh64_intdigest(_DIGITS_RE.sub("0", title).encode("utf-8")) | 1]


def _renumbered(a: np.ndarray, b: np.ndarray) -> bool:
    """True when two documents' titles (``_title_hashes``) are one title with other
    numbers: evince's help has a page for each booklet size, "# 10 ページの小冊子", "# 14
    ページの小冊子", whose steps differ in their page numbers only."""
    return bool(a[0]) and bool(b[0]) and a[0] != b[0] and a[1] == b[1]


# A Markdown reference line (left21): a list item that is only a link to another page of
# the same site (a "See also" entry, "* [npm deprecate](/commands/npm-deprecate)"; not an
# absolute URL: "- [github/azu](https://github.com/azu)" under every README of one author
# is its signature), or a field of an API
# reference whose value is a type or a code span ("* Returns: {string}", "**Default:** `0`."),
# or a parameter and its type ("* `type` {string}", "* Type {string}").
# The same reference under several pages is their structure, not a template line.
_MARKDOWN_REFERENCE_RE = lazy(
    r"[ \t]*[-*+][ \t]+\[[^\]\n]+\]\((?![A-Za-z][\w+.-]*:)[^)\s]+\)[ \t]*"
    r"|[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?\p{Lu}[\p{L} ]{0,20}:(?:\*\*|__)?[ \t]+(?:\{[^{}\n]+\}|`[^`\n]+`)\.?[ \t]*"
    r"|[ \t]*[-*+][ \t]+(?:`[^`\n]+`|\p{L}+)[ \t]+\{[^{}\n]+\}[ \t]*")

# A table cell of values, numbers each labelled by one letter at most: debian-reference's
# popcon column ("V:0, I:1", "I:0") under every package of every chapter's tables. Equal
# numbers in several pages are data, not a template line.
_VALUE_CELL_RE = lazy(r"[ \t]*(?:[A-Za-z][ \t]*:[ \t]*)?[-+]?\d[\d.,]*"
                      r"(?:[ \t]*[,;/|][ \t]*(?:[A-Za-z][ \t]*:[ \t]*)?[-+]?\d[\d.,]*)*[ \t]*")
# An HTML table cell on a line of its own, of at most CELL_MAX_WORDS words, that holds a
# table's data or structure: a value written as code (a package, a path, a locale, a
# command, with its manual section or a link around it:
# '<td style="text-align: left"> <code class="literal">/dev/null</code> </td>') or a column's
# header (a ``<th>`` spanning one column: '<th style="text-align: left"> key strokes </th>'),
# the same in many chapters of debian-reference and in every translation of it. A cell
# deleted would shift its row. A header spanning the table (a navigation bar's chapter title,
# ``colspan="3"``) and a cell of text (a link to the next page) are still counted.
_HTML_CELL_RE = lazy(r"(?i)[ \t]*<(?P<tag>t[dh])\b(?P<attrs>[^<>]*)>(?P<body>.*)</(?P=tag)[ \t]*>[ \t]*")
_CODE_CELL_RE = lazy(r"(?i)[ \t\"“”]*(?:<a\b[^<>]*>[ \t]*)?<code\b[^<>]*>[^<>]+</code>[ \t]*(?:\(\d\w*\))?"
                     r"[ \t]*(?:</a>)?[ \t\"“”]*")
CELL_MAX_WORDS = 4


def _data_cell(line: str) -> bool:
    """True when ``line`` is an HTML table cell of code or a column header (``_HTML_CELL_RE``)."""
    m = _HTML_CELL_RE.fullmatch(line)
    if m is None:
        return False
    if m["tag"].lower() == "th":
        return "colspan" not in m["attrs"].lower()
    return _CODE_CELL_RE.fullmatch(m["body"]) is not None


# An HTML line whose words all stand in a definition list's term or in code (DocBook's
# '</div></dd><dt><span class="term">RAID-4</span></dt><dd><div class="para">', a screen's
# '<pre class="screen"><code class="computeroutput">$ </code><strong class="userinput"><code>ls
# travail/</code></strong>'): a term the page defines, a command it shows, the same in every
# translation of the page; not a template line. The text left outside them has no word.
_TERM_OR_CODE_RE = lazy(r"(?is)<(dt|code|pre|kbd|samp)\b[^<>]*>.*?</\1\s*>|<pre\b[^<>]*>.*")
_TAG_RE = lazy(r"<[^<>]*>")
_WORD_CHAR_RE = lazy(r"[\p{L}\p{N}]")
TERM_OR_CODE_MAX_WORDS = 8


def _term_or_code_line(line: str) -> bool:
    """True when every word of the HTML ``line`` is inside a ``<dt>`` term or in code (above)."""
    if "<" not in line:
        return False
    rest = _TERM_OR_CODE_RE.sub(" ", line)
    return rest != line and _WORD_CHAR_RE.search(_TAG_RE.sub(" ", rest)) is None


# A Japanese loanword alone on its line is one word, though its characters count as more
# (``corpuslint.text.tokens``): debian-reference-ja's table header cells "パッケージ",
# "ポプコン", "サイズ" and its admonition title "ヒント" (en "package", "popcon", "Tip").
_KATAKANA_WORD_RE = lazy(r"[ \t]*[\p{Katakana}ー・]+[ \t]*")


# A label of a Markdown line: a few words ending in a colon ("Example usage:", "Por
# ejemplo:", "For example:"). A longer lead-in says something of its own ("Install
# devDependencies and Run `npm test`:" under every README of one author is template text).
_MD_LEAD_IN_RE = lazy(r"^[ \t]{0,3}(?![*+\-][ \t]|\d+[.)][ \t]|[>#|])[^\n]*[:：][*_]*[ \t]*$")
MD_LEAD_IN_MAX_WORDS = 3
_SAMPLE_KINDS = frozenset({CODE, MARKUP})  # a code block, or an include macro inserting one ("{* ...py *}")
_SENTENCE_END_RE = lazy(rf"[.!?。！？{SCRIPT_FULL_STOPS}][)\]\"'”’*_`]*[ \t]*$")  # (and "।", "۔": ``tokens``)


def _markdown_lead_ins(doc: Document, list_lines: frozenset[int]) -> set[int]:
    """Indexes of the Markdown lines that are a short lead-in (at most
    ``MD_LEAD_IN_MAX_WORDS`` words ending in a colon, not itself a list item, opening its
    paragraph or a sentence: after a blank line or a full stop) whose next
    non-blank line opens a code block (or an include macro: ``{* ...py *}``) or a list: the label introducing a sample
    ("Example usage:", "Por ejemplo:") belongs to its sample, as a heading to its section."""
    if doc.suffix not in regions.MARKDOWN_SUFFIXES:
        return set()
    text, lines, kinds = doc.text, doc.lines, doc.line_kinds
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if kinds[i] != "prose" or i in list_lines:
            continue
        line = text[ln.start : ln.end]
        if (":" not in line and "：" not in line) or not _MD_LEAD_IN_RE.match(line):
            continue
        if len(regions._WORD_RE.findall(line)) > MD_LEAD_IN_MAX_WORDS:
            continue
        if i and kinds[i - 1] != "blank" and not _SENTENCE_END_RE.search(text, lines[i - 1].start, lines[i - 1].end):
            continue  # (the end of a sentence wrapped over lines: "... with the following properties:")
        j = i + 1
        while j < len(lines) and kinds[j] == "blank":
            j += 1
        if j < len(lines) and (kinds[j] in _SAMPLE_KINDS or j in list_lines):
            out.add(i)
    return out


# A step of a procedure: a Markdown list item whose first line ends a sentence ("- Click on
# Settings.", "- روی تنظیمات کلیک کنید.", "- सेटिंग्स पर क्लिक करें।"), in a list of two items
# at least. GNOME's help opens the procedure of every settings page with the same two steps
# ("- Open the Activities overview and start typing Settings.", "- Click on Settings."),
# then the page's own: the steps are the procedure's, not a template around the page.


def _list_steps(doc: Document, key_of: dict[int, int]) -> tuple[dict[int, int], list[tuple[int, int]]]:
    """(line index -> its list, of each step of a Markdown list: an item whose first line ends
    a sentence (``_SENTENCE_END_RE``); (list, key) of every item of the lists holding a step,
    the key of its first line from ``key_of`` (line index -> key of a counted line), 0 for an
    item whose line is not counted): what ``_own_steps`` reads."""
    by_list: dict[int, list[int]] = {}
    for lst, first, _end in markdown_list_items(doc):
        by_list.setdefault(lst, []).append(first)
    text, lines = doc.text, doc.lines
    steps: dict[int, int] = {}
    items: list[tuple[int, int]] = []
    for lst, firsts in by_list.items():
        mine = [i for i in firsts if i in key_of and _SENTENCE_END_RE.search(text, lines[i].start, lines[i].end)]
        if len(firsts) < 2 or not mine:
            continue  # (a list of one item is no procedure)
        steps.update((i, lst) for i in mine)
        items += [(lst, key_of.get(i, 0)) for i in firsts]
    return steps, items


def _own_steps(state: Mapping[str, Any], common: Mapping[int, Any]) -> set[int]:
    """Indexes (in ``state["keys"]``) of the steps of a list (``_list_steps``) that holds an
    item whose line is not ``common``: the page's own procedure, whose common steps ("Click
    on Settings.") are its steps too, not a template line. A list all of whose items are
    common (a menu, an option's description generated into every page) is not one."""
    if state.get("steps") is None:
        return set()
    own = {lst for lst, k in state["items"].tolist() if k not in common}
    return {i for i, lst in enumerate(state["steps"].tolist()) if lst in own}


# A line that ends a sentence or a clause (D106's ``wrapped_fragments``): its last mark, before
# closing quotes and brackets
_CLAUSE_END = frozenset(regions._SENTENCE_END | set(":;：；"))
_CLOSING = "\"'”’»)]）」』"


def _ends_clause(line: str) -> bool:
    core = line.rstrip().rstrip(_CLOSING)
    return bool(core) and core[-1] in _CLAUSE_END


def wrapped_fragments(doc: Document, deleted: set[int]) -> set[int]:
    """Line indexes (0-based) of ``deleted`` whose deletion cuts a sentence: the run of deleted lines
    holding the line, within one hard-wrapped paragraph, goes on from a kept line of it that ends
    no sentence or clause, or ends none itself and goes on in a kept line (a line ending in a link
    before a line opening with a capital is an item of a list of addresses: "Página do GNU
    recutils: <https://www.gnu.org/software/recutils/>" over "Ajuda geral no uso de software GNU:
    <http://www.gnu.org/gethelp/>"). A line goes on in the next when both are lines of text (prose,
    by the document's regions, which a warm run reads from its cache: nothing is parsed again; in a
    rendered manual also a line taken for code, "Public License Version 3 ⟨https://…⟩" inside a
    licence), of one indentation (an option's term over its description, indented deeper, is not;
    a list item's line is indented as its text, after its marker, and a line opening an item opens
    none: "* b) a gzipped tarball containing (a)" under "* a) a folder containing a program described
    by a [`package.json`](…) file", npm's docs; an HTML page's lines are its markup's, left alone),
    and the line is wrapped: the next one's
    first word would not have fitted on it, within the text's width (the 90th percentile of its
    lines' lengths: scraped text holds a paragraph a line, "Subscribe to our newsletter today"
    between two is a line of its own; a help page's table flattened to text, "قفل کردن صفحه" over
    its keys "سوپر+L", a row; a Markdown paragraph's lines, "it should be located in a directory
    listed in" over "[html_static_path](https://…).", nbsphinx's notebooks). In a
    rendered manual a sentence also goes on past a display (``regions.manual_display``) to the next
    line of its indentation (manpages-pt_BR's csv2rec(1): "Se os programas info e csv2rec estiverem
    instalados apropriadamente em" / "sua máquina, o comando" / the display "info recutils" / "deve
    lhe dar acesso ao manual completo.", whose last two lines are common to the recutils pages and
    the first names the page's program)."""
    if not deleted or doc.suffix in HTML_SUFFIXES or doc.suffix in SUBTITLE_SUFFIXES:
        return set()  # (a subtitle's lines are its captions', timed: webvtt-py's "Caption text #5")
    text, lines, kinds = doc.text, doc.lines, doc.line_kinds

    def line(i: int) -> str:
        return text[lines[i].start : lines[i].end]

    def indent(i: int) -> int:  # where its text starts: after a list item's marker ("* ", "1. ": markup)
        start, end = lines[i].start + len(line(i)) - len(line(i).lstrip()), lines[i].end
        while start < end and (doc.kind_at(start) == MARKUP or text[start] in " \t"):
            start += 1
        return start - lines[i].start

    def item(i: int) -> bool:  # line i opens a list item: its first mark is markup ("* b) a gzipped tarball")
        return doc.kind_at(lines[i].start + len(line(i)) - len(line(i).lstrip())) == MARKUP

    def display(i: int) -> bool:
        return manual and regions.manual_display(doc, i)

    # the lines of text: prose; in a rendered manual also lines taken for code ("Public License
    # Version 3 ⟨https://www.gnu.org/licenses/gpl-3.0.html⟩" inside a licence's paragraph)
    manual = regions.rendered_manual(doc)
    wrapped = {PROSE, CODE} if manual else {PROSE}
    sizes = sorted(len(line(k).rstrip()) for k in range(len(lines)) if kinds[k] in wrapped)
    width = sizes[len(sizes) * 9 // 10] if sizes else 0  # the text's width: its lines' 90th percentile

    def after(i: int) -> int | None:  # the line in which line i's sentence or paragraph goes on
        j = i + 1
        if j >= len(lines) or kinds[i] not in wrapped:
            return None
        shown = display(i)
        if kinds[j] != "blank":
            if shown:
                return j if display(j) else None
            if kinds[j] not in wrapped or item(j) or indent(j) != indent(i):
                return None
            # (wrapped: the next line's first word would not have fitted on this one; in scraped
            # text a paragraph a line, a short line between two long ones is one of its own)
            return j if len(line(i).rstrip()) + 1 + len(line(j).split(None, 1)[0]) > width else None
        while j < len(lines) and kinds[j] == "blank":
            j += 1
        if j >= len(lines) or kinds[j] not in wrapped:
            return None
        if not shown:  # (into a display: when the sentence goes on, and comes back after it)
            if _ends_clause(line(i)) or not display(j):
                return None
            k = j
            while k < len(lines) and (kinds[k] == "blank" or display(k)):
                k += 1
            return j if k < len(lines) and kinds[k] in wrapped and indent(k) == indent(i) else None
        if display(j):
            return None  # (another display)
        p = i  # (out of a display: back to the paragraph's indentation, when its sentence went on)
        while p >= 0 and (kinds[p] == "blank" or display(p)):
            p -= 1
        return j if p >= 0 and indent(j) == indent(p) and not _ends_clause(line(p)) else None

    def before(i: int) -> int | None:  # the line whose sentence or paragraph goes on in line i
        j = i - 1
        while j >= 0 and kinds[j] == "blank":
            j -= 1
        return j if j >= 0 and after(j) == i else None

    def ends(i: int, j: int) -> bool:  # line i ends a sentence or clause (line j goes on after it)
        last = line(i).rstrip()  # (a link closing a line before a capital: a list of addresses' item)
        return _ends_clause(last) or (last.endswith((">", "⟩")) and line(j).lstrip()[:1].isupper())

    # a line repeating an earlier line of the document goes too, with D101's fix (its unsafe fix,
    # applied in the same --unsafe-fixes run): a run beside it is judged as without it, so that a
    # second run finds nothing more to delete ("Subscribe to our newsletter today" twice, the
    # second over a boilerplate line)
    seen: set[str] = set()
    repeats: set[int] = set()
    for k in range(len(lines)):
        if kinds[k] != "blank":
            stripped = line(k).strip()
            if stripped in seen:
                repeats.add(k)
            seen.add(stripped)
    gone = set(deleted) | repeats
    out: set[int] = set()
    for i in sorted(deleted):
        if i in out or i in repeats:
            continue  # (a repeat goes with D101's fix whatever this rule does)
        run, first, last = [i], i, i
        while (j := before(first)) is not None and j in gone:
            run.append(first := j)
        while (j := after(last)) is not None and j in gone:
            run.append(last := j)
        if ((j := before(first)) is not None and not ends(j, first)) or (
                (j := after(last)) is not None and not ends(last, j)):
            out.update(k for k in run if k in deleted)
    return out


class BoilerplateLine(_DuplicateCorpusRule):
    """A line recurs in many documents of the corpus (template boilerplate).

    What: a non-blank line with at least ``min-words`` words (default 2, at least one
    of them containing a letter) whose normalised text occurs in at least
    max(``min-docs``, ``min-fraction`` x number of documents) documents (defaults 3
    and 0.01; the documents counted are those with such a line, ``taking_part``: not
    the messages of .po catalogues, which D106 skips). Each such line of a checked file is reported once, at its first copy
    in the file (the message counts the others), pointing at the first other document
    that has it. The records of data files (CSV/TSV rows, JSON Lines, Parquet: ``populations``)
    and the text files are two populations, counted apart: a text file's line is counted
    among the text files ("in 3 of 95 documents": the files), a record's among the records
    of the data files checked, so a CSV of interface strings or word lists joining a corpus of
    pages does not raise the pages' threshold (fresh31: "Σχετικά θέματα", Related topics, closing
    89 of 506 LibreOffice help pages, was no boilerplate beside the word lists' and dictionaries'
    records, and was when the pages were checked alone), and a check of one page, which reads the
    other files from the corpus index but no data file beyond those checked, counts what a
    full run counts; so does the Dask executor's distributed count (``shuffle.LINE_COUNTS``).
    Why: comment-form prompts, share buttons, newsletter calls and site names repeated
    under every scraped article are not content; they skew n-gram statistics.
    Example: "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"
    under every article of a site.
    Not counted: a quotation's attribution on a line of its own ("-- Mark Twain",
    "— Hafez"): the same author quoted in several documents; a table cell of numbers, each
    labelled by one letter at most (debian-reference's popcon column "V:0, I:1" in the
    package tables of many chapters): equal values are data; so is an HTML table cell alone on
    its line of at most four words holding code or heading one column (debian-reference's
    ``<code>/dev/null</code>`` and "key strokes" cells in many chapters and in every translation;
    a navigation bar's chapter title is still counted); an HTML line of at most eight words
    whose words all stand in a ``<dt>`` term or in code (``<pre>``, ``<code>``: DocBook's
    ``<dt>RAID-4</dt>``, ``<pre><code>ls travail/</code>`` in every translation of a page);
    a Japanese loanword alone on its
    line (a table header "パッケージ", an admonition's "ヒント") is one word, as "package"
    is; a Markdown heading
    ("## Resumen { #recap }" in 20 pages of a manual): a section title recurring
    across pages is the documents' structure, and deleting it would merge two sections; so
    is a section heading of a plain-text outline, a man page as groff renders it
    (``regions.outline_headings``: a short line at the left margin after a blank line, over
    its section's indented body, in a page with two such lines at least): "SEE ALSO",
    "関連項目" in 272 of manpages-ja's pages, "关键字 KEYWORDS", "描述 DESCRIPTION" in
    manpages-zh's; a line wholly in brackets is a note, not a title, and is counted (the
    translation project's trailer under every manpages-zh page, "[中文版维护人]" over its
    translator's name, is reported, as is its site's line), and a heading whose words are
    such a common line elsewhere is that line, reported ("中文版维护人", "中文版最新更新" set as
    headings in inittab(5) and perldata(7): the same trailer without its brackets);
    an option's term line in such a page (``local.option_terms``: "-c, --changes", "-d,
    --directory" over its description, indented deeper, in 23 coreutils pages and across
    translations): the name of the entry, which D104 leaves to each page as well, and deleting it
    leaves the description without its option (the description, "Vypíše informaci o verzi
    programu a skončí" under "--version" in every page, is counted); a heading numbered in a
    series of the document's headings (``regions.numbered_headings``: "Capítulo 2" over its
    verses in every book of the Reina-Valera 1909 with a second chapter): the document's divisions;
    a Markdown list item that is a step of the page's own procedure: its first line ends a
    sentence, in a list of two items at least one of which is not common ("- Click on
    Settings." between "- Open the Activities overview and start typing Settings." and
    "- Select your screen." in GNOME's help: every settings page's procedure opens with the
    same steps, which the procedure needs); a list all of whose items are common (a menu, an
    option's description generated into every page) is counted item by item;
    a Markdown label of at most 3 words ending in a colon, on a line of its own after a
    blank line or a full stop, whose next non-blank line opens a code block or a list ("Example usage:", "Por ejemplo:" before a
    sample in 20 pages of a manual): it belongs to its sample as a heading to its section
    (a longer lead-in, "Install devDependencies and Run `npm test`:" in every README of
    one author, is still reported); a Markdown list item that is only a link to another
    page of the site ("* [npm outdated](/commands/npm-outdated)" under "See Also" in several command
    pages) and a field line of an API reference whose value is a type or a code span
    ("* Returns: {string}" under 17 pages' methods, "**Default:** `0`."): references and
    fields are the pages' structure.
    In a changelog (``regions.changelog_entries``: Debian changelog, GNU ChangeLog and NEWS,
    a Markdown CHANGELOG's "## [1.2.3]" entries) the lines of its entries' structure are not
    counted: entry headers, items, contributor blocks, section headings, trailers ("* New
    upstream release.", "* Non-maintainer upload.", "[ Debian Janitor ]", "** Bug fixes" in
    340 to 1,062 of 7,637 changelogs: the genre's stock entries; deleting them deletes
    history); its other prose (a licence paragraph under every GNU NEWS file) is counted.
    In a subtitle file (.srt, .vtt) only caption lines are counted: cue numbers and
    timing lines recur by design; a caption recurring across files ("Subtitles by ...")
    is reported. In a GNU Info manual (``corpuslint.info``) the format's lines are markup and
    not reported: menu entries ("* Command Index::" in every Emacs package's Top node), node
    headers, the preamble's dir entry ("START-INFO-DIR-ENTRY"); its text is counted. In chat data, a turn that opens its conversation (a system prompt, the
    first question after it: ``chat_mix``) is not counted, as in D104 and D105: "You are a
    helpful assistant." and "Tell me a saying, please." in every record are the data
    set's design; a line recurring in the answers is reported. In scripture written one verse
    a line (``regions.verse_lines``) a verse is not counted: "וַיְדַבֵּ֥ר יְהֹוָ֖ה אֶל־מֹשֶׁ֥ה לֵּאמֹֽר׃"
    ("And the LORD spoke to Moses, saying") in 44 chapters of the Torah is a set formula of
    the text, and deleting it would delete a verse; its other lines (a site's footer, a
    title numbering no series) are counted.
    In a format whose markup runs through its text (LaTeX, HTML, wikitext: ``U.markup_blanked``,
    ``regions.text_words``) a line counts with ``min-words`` words of text, not of
    markup, code or addresses: ``\\end{document}`` "in 13 of 222 documents", a verbatim
    block's ``\\end{verbatim}``, plain TeX's ``\\input katalog1.t2``, a row of a parameter table
    ``\\textsf{kashidastretch:} & \\texttt{0.14em plus 5.5em} \\\\`` are no boilerplate (fresh38:
    115 of the 138 findings in .tex); "\\cite{ursoswald} مراجعه کنید." ("see [..]") is the line
    "مراجعه کنید." closing sentences in three chapters, counted.
    Fix safety: unsafe: the line is deleted from this file, every copy of it; some recurring lines
    (a dateline format, a standard disclaimer) are legitimate, so review first. No fix is offered
    where the deletion would break the document's markup (``U.deletion_fix``: a LaTeX line
    ``\\author{..\\\\`` opening a group closed below). A line whose deletion, with the other
    lines this rule deletes in the file, would cut a hard-wrapped sentence (``wrapped_fragments``:
    its sentence goes on from or into a line that is not common) is reported without a fix, its
    message saying so: manpages-pt_BR's csv2rec(1) "sua máquina, o
    comando", common to the recutils pages but the end of a sentence that names each page's program;
    a licence paragraph whose last line, "aceita.", is one word (under ``min-words``, not counted).
    Severity is info because a shared line is often harmless.
    """

    code = "D106"
    name = "boilerplate-line"
    family = FAMILY
    default_severity = Severity.INFO
    fixable = True
    options = {"min-docs": 3, "min-fraction": 0.01, "min-words": 2}
    reduction = shuffle.LINE_COUNTS  # distributed reduce: document counts of line keys, sharded by key
    aggregate = incremental.LinePostings()  # the same counts, kept in the corpus index

    def fingerprint(self) -> str:
        return f"{super().fingerprint()}:verses1:tex2:wiki1:outline1:steps1:terms1"  # (a verse of scripture, a line of LaTeX or wiki markup, a wiki heading, a man page's heading: not counted; steps1: the steps of lists; terms1: an option's term, a numbered heading; tex2: min-words of text)

    def collect(self, doc: Document) -> Any:
        if chat_mix(doc) is None:
            return None  # a system prompt or opening question repeated across conversations: the design
        min_words = int(self.opts["min-words"])
        # (an HTML page's tags, LaTeX's commands blanked: a line of tags, "\end{document}" alone has no words)
        text = U.unit_text(doc)
        tex = doc.suffix in TEX_SUFFIXES
        html = doc.suffix in HTML_SUFFIXES
        markdown = doc.suffix in regions.MARKDOWN_SUFFIXES
        containers = markdown_containers(doc)  # (empty for plain text)
        headings = containers[HEADING_START]
        outline = parts = frozenset()
        if is_subtitle(doc):  # a cue's number, identifier, timing line, a NOTE: the format's, not text
            kinds = doc.line_kinds
            headings = {i for i, kind in enumerate(kinds) if kind == MARKUP}
        elif doc.is_wikitext:  # "==See also==", "==External links==": a wiki page's sections, as Markdown's headings
            headings = {i for i, kind in enumerate(doc.line_kinds) if kind == HEADING}
        elif not (html or markdown or tex or doc.suffix in RST_SUFFIXES):
            # "SEE ALSO", "関連項目": a man page's section headings, kept apart (``heads``): reported
            # only when their words are common as a line that is no heading ("[中文版维护人]")
            outline = regions.outline_headings(doc)
            # "-c, --changes" over its description, "Capítulo 2" over its verses: an option's
            # term in a man page, a numbered division's heading: the page's structure
            parts = option_terms(doc) | regions.numbered_headings(doc)
        lead_ins = _markdown_lead_ins(doc, containers[LIST_ITEM])
        stock = regions.changelog_structure_lines(doc)  # "* New upstream release.", "[ Debian Janitor ]"
        verses = regions.verse_lines(doc)  # a verse recurring in many chapters is a refrain, not a template
        todo = [ln for i, ln in enumerate(doc.lines)
                if ln.start != ln.end and i not in headings and i not in lead_ins and i not in stock and i not in parts
                and not (verses and regions.verse_line(doc.text, ln.start, ln.end))]
        if todo and U.markup_blanked(doc):  # a line of markup or code ("\end{verbatim}"): no words of text
            counted = regions.text_words(doc, [(ln.start, ln.end) for ln in todo])
            todo = [ln for ln, n in zip(todo, counted) if n >= min_words]
        words = found = None
        a = U._ANALYSES.get(doc)  # (the words of its lines, from the analysis when a rule made it)
        if a is not None and a.run_words is not None and todo:
            spans = np.array([(ln.start, ln.end) for ln in todo], dtype=np.int64)
            if len(a.table) == len(todo) and a.run_words[4] == U._EPOCH and np.array_equal(a.table[:, 0:2], spans):
                # each line is a unit of the analysis (a record's field, a chat turn: one line):
                # its key and word count are the unit's, which ``line_keys`` would compute again
                found = (a.keys.tolist(), a.nwords.tolist(),
                         np.logical_or.reduceat(U.word_flags()[1][a.run_words[3]], a.bounds[:-1]).tolist())
            else:
                words = U.words_in_run_spans(a, spans)
        all_keys, counts, alpha = found or U.line_keys([text[ln.start : ln.end] for ln in todo], words)
        keys, lines, spans = [], [], []
        seen: dict[int, int] = {}
        repeats = []  # (index of the key, line, start, end) of a line's later copies here
        step_of, items = _list_steps(doc, {ln.number - 1: k for ln, k, count, has_letter in zip(
            todo, all_keys, counts, alpha) if count >= min_words and has_letter}) if markdown else ({}, [])
        steps = []  # (each kept line's list when it is a step of one, else -1)
        heads = []  # (key, line, start, end) of an outline's section headings
        for ln, k, count, has_letter in zip(todo, all_keys, counts, alpha):
            if count < min_words or not has_letter:
                continue
            if ATTRIBUTION_LINE_RE.match(text, ln.start, ln.end):
                continue  # "-- Mark Twain": an author quoted again, not a template line
            if _VALUE_CELL_RE.fullmatch(text, ln.start, ln.end):
                continue  # "V:0, I:1": a popcon cell of a package table, data
            if markdown and _MARKDOWN_REFERENCE_RE.fullmatch(text, ln.start, ln.end):
                continue  # "* [npm outdated](/commands/npm-outdated)", "* Returns: {string}": a reference, a field
            if html and count <= CELL_MAX_WORDS and _data_cell(doc.text[ln.start : ln.end]):
                continue  # "<td ...> <code>/dev/null</code> </td>": a table's value or header cell
            if html and count <= TERM_OR_CODE_MAX_WORDS and _term_or_code_line(doc.text[ln.start : ln.end]):
                continue  # "<dt><span class="term">RAID-4</span></dt>", "<pre ...><code>ls travail/</code>": a term, code
            if min_words > 1 and _KATAKANA_WORD_RE.fullmatch(text, ln.start, ln.end):
                continue  # "ヒント", "パッケージ": one loanword (Tip, package), one word as in English
            if ln.number - 1 in outline:
                heads.append((k, ln.number, ln.start, ln.end))
                continue
            if k in seen:  # (a document counts once; its fix deletes every copy)
                repeats.append((seen[k], ln.number, ln.start, ln.end))
                continue
            seen[k] = len(keys)
            keys.append(k)
            lines.append(ln.number)
            spans.append((ln.start, ln.end))
            steps.append(step_of.get(ln.number - 1, -1))
        if not keys:
            return None
        state = {
            "keys": np.array(keys, dtype=np.uint64),
            "lines": np.array(lines, dtype=np.int32),
            "spans": np.array(spans, dtype=np.int64).reshape(-1, 2),
        }
        head_rows, head_keys = [], []
        for k, number, start, end in heads:
            if k in seen:  # (a heading with the words of a line counted here: a copy of it)
                repeats.append((seen[k], number, start, end))
            elif k not in head_keys:
                head_keys.append(k)
                head_rows.append((number, start, end))
        if head_keys:
            state["heads"] = np.array(head_keys, dtype=np.uint64)
            state["head_rows"] = np.array(head_rows, dtype=np.int64).reshape(-1, 3)
        if repeats:
            state["repeats"] = np.array(repeats, dtype=np.int64).reshape(-1, 4)
        if step_of:  # (a list's steps: not reported when the list is the page's own, ``_own_steps``)
            state["steps"] = np.array(steps, dtype=np.int32)
            state["items"] = np.array(items, dtype=np.uint64).reshape(-1, 2)
        return state

    def reduce(self, corpus: CorpusView) -> Iterable[Finding]:
        if corpus.aggregates is not None:  # only the checked files' states are read
            paths = sorted(p for p in corpus.targets if corpus.states.get(p) is not None)
        else:
            paths = sorted(p for p, s in corpus.states.items() if s is not None)
        if not paths:
            return []
        if corpus.facts is not None:  # counted by a distributed reduce (shuffle.LINE_COUNTS)
            counted = corpus.facts.get("populations")  # (mixed: the text files', then the records')
            if counted is None:
                yield from self._report(corpus, paths, corpus.facts["n_docs"], corpus.facts["common"])
                return
            record_of = _record_of(corpus)
            records = [is_data_record(record_of, p) for p in paths]  # (the few states with common lines)
            groups = ([p for p, r in zip(paths, records) if not r], [p for p, r in zip(paths, records) if r])
            for group, (n_docs, common) in zip(groups, counted):
                if group and common:
                    yield from self._report(corpus, group, n_docs, common)
            return
        groups = populations(_record_of(corpus), paths)
        if groups is not None and corpus.aggregates is not None:
            # (the index's postings are the text files': data files are no corpus files of it)
            corpus = dataclasses.replace(corpus, aggregates=None)
            paths = sorted(p for p, s in corpus.states.items() if s is not None)
            groups = populations(_record_of(corpus), paths)
        for group in groups or (paths,):  # records and text files are two populations (see the docstring)
            yield from self._reduce_states(corpus, group)

    def _reduce_states(self, corpus: CorpusView, paths: list[str]) -> Iterable[Finding]:
        """Findings of the common lines among the documents ``paths`` (one population: the
        text files, or the data files' records), from the corpus index's aggregate when the
        reduce has it, else from their states."""
        if not paths:
            return
        # a notebook's cells are one document (as to D104): its cells count once, in "N of M"
        # and in the threshold, however many of them hold the line (``_files_of``)
        if corpus.aggregates is not None:  # (documents posting a line key: those with a state)
            n_docs = corpus.aggregates.documents()
        else:
            files_all = _files_of(paths)  # (``paths``: every document of the population with a state, here)
            n_docs = len(paths) if files_all is None else len(set(files_all))
        need = max(2, int(self.opts["min-docs"]), math.ceil(float(self.opts["min-fraction"]) * n_docs))
        if corpus.aggregates is not None:  # counted in the corpus index (incremental.LinePostings)
            yield from self._report(corpus, paths, n_docs, incremental.line_counts(self, corpus, need))
            return
        # (gathered ``_GATHER`` states at a time: a list of every state's view, one per record, was
        # ~110 bytes a record at the reduce's peak, twice: keys, then lines; rec43)
        all_keys = _gather(corpus.states, paths, "keys")
        sizes = np.fromiter((len(corpus.states[p]["keys"]) for p in paths), np.int64, len(paths))
        doc_of = np.repeat(np.arange(len(paths)), sizes)
        del sizes
        files = files_all
        file_of = doc_of if files is None else np.asarray(files, np.int64)[doc_of]
        if files is None:
            uk, counts = np.unique(all_keys, return_counts=True)
        else:  # (documents per key: the distinct (key, file) pairs)
            pairs = np.unique(np.stack((all_keys, file_of.astype(np.uint64)), axis=1), axis=0)
            uk, counts = np.unique(pairs[:, 0], return_counts=True)
        keep = counts >= need
        common = uk[keep]
        if len(common) == 0:
            return
        # (the common keys' counts only: a dict of every distinct line key, ~1 a record, was
        # ~150 bytes a key with its ints, made while the reduce holds its arrays of every line)
        count_of = dict(zip(common.tolist(), counts[keep].tolist()))
        del uk, counts, keep
        common_set = set(common.tolist())
        # the first holders (in path order) of each common key in its first two files, found with one sort
        all_lines = _gather(corpus.states, paths, "lines")
        hit = np.flatnonzero(np.isin(all_keys, common))
        order = hit[np.argsort(all_keys[hit], kind="stable")]  # by key, then path order
        ks = all_keys[order]
        starts = np.flatnonzero(np.concatenate(([True], ks[1:] != ks[:-1])))
        first_at: dict[int, list[tuple[str, int]]] = {}
        ends = np.append(starts[1:], len(order))
        memo: dict = {}
        for s0, e0 in zip(starts.tolist(), ends.tolist()):
            if files is None:  # one text's copies (.md, .rst, .txt of one translation) count once
                n = incremental.copies_counted_once(corpus.states, [paths[i] for i in doc_of[order[s0:e0]].tolist()], memo)
                if n < need:
                    common_set.discard(int(ks[s0]))
                    continue
                count_of[int(ks[s0])] = n
            pair = order[s0 : s0 + 2].tolist()
            if files is not None and len(pair) == 2 and file_of[pair[0]] == file_of[pair[1]]:
                later = order[s0 + 1 : e0]  # two cells of one notebook first: the first holder in another file
                pair = pair[:1] + later[file_of[later] != file_of[pair[0]]][:1].tolist()
            first_at[int(ks[s0])] = [(paths[doc_of[i]], int(all_lines[i])) for i in pair if ks[s0] == all_keys[i]]
        if not common_set:
            return
        yield from self._report(corpus, paths, n_docs, {k: (count_of[k], first_at[k]) for k in common_set})

    def _report(self, corpus: CorpusView, paths: list[str], n_docs: int,
                common: dict[int, tuple[int, list[tuple[str, int]]]]) -> Iterable[Finding]:
        """Findings for the target lines whose key is ``common``: key -> (documents, first holders).
        A line in several cells of one notebook is reported at the first (the message
        names the others: a finding's fix edits its own cell only)."""
        cells: dict[tuple[str, int], list[str]] = {}  # (notebook, key) -> its cells holding the line
        if _files_of(paths) is not None:
            for p in paths:
                st = corpus.states[p] if p in corpus.targets and _file_key(p) != p else None
                for k in [] if st is None else set(st["keys"].tolist()) & common.keys():
                    cells.setdefault((_file_key(p), k), []).append(p)
            for held in cells.values():
                held.sort(key=_cell_number)
        for p in paths:
            if p not in corpus.targets:
                continue
            st = corpus.states[p]
            keys = st["keys"].tolist()
            heads = [] if st.get("heads") is None else list(zip(st["heads"].tolist(), st["head_rows"].tolist()))
            if common.keys().isdisjoint(keys) and common.keys().isdisjoint(k for k, _ in heads):
                continue  # (no line to report here: the file is not read again)
            kinds = self.checked_regions()
            cached = getattr(corpus.documents, "outside", None)
            if cached is not None:  # (a warm run: the file's regions from the cache, set on the document read)
                cached(p, 0, 0, kinds)
            doc = corpus.documents.get(p)
            if doc is None:
                continue
            later: dict[int, list[tuple[int, int]]] = {}  # key index -> spans of its later copies here
            if st.get("repeats") is not None:
                for i, _line, start, end in st["repeats"].tolist():
                    later.setdefault(i, []).append((start, end))
            own = _own_steps(st, common)  # "- Click on Settings." among a page's own steps: the procedure's
            # (an outline's heading last: "中文版维护人", whose words are common as the note "[中文版维护人]")
            lines = list(zip(keys, st["spans"].tolist())) + [(k, (start, end)) for k, (_, start, end) in heads]
            reported = [(i, k, [(start, end)] + later.get(i, [])) for i, (k, (start, end)) in enumerate(lines)
                        if k in common and i not in own]
            # the lines all these fixes delete (not those of a finding dropped for its region: a
            # man page's line taken for code), and those whose deletion cuts a sentence
            cut = wrapped_fragments(doc, {doc.position(a)[0] - 1 for _, _, copies in reported
                                          if not doc.outside(*copies[0], kinds) for a, _ in copies})
            for i, k, copies in reported:
                start, end = copies[0]
                count, holders = common[k]
                other = holders[0] if _file_key(holders[0][0]) != _file_key(p) else holders[1]
                more = f"; {len(copies) - 1} more in this document, deleted with it" if len(copies) > 1 else ""
                if i >= len(keys):
                    more += "; set as a section heading here"
                held = cells.get((_file_key(p), k), ())
                if len(held) > 1:
                    if held[0] != p:
                        continue  # (reported at the notebook's first cell holding it)
                    more += "; also in " + ", ".join(f"cell {_cell_number(c)}" for c in held[1:])
                fix = None
                if any(doc.position(a)[0] - 1 in cut for a, _ in copies):
                    more += "; part of a sentence wrapped on to lines that are not boilerplate: no fix"
                else:
                    fix = U.deletion_fix(doc, *U.merge_deletions(  # (whole lines)
                        [U.remove_span_lines_edit(doc.text, a, b) for a, b in copies]))
                yield doc.finding(
                    self, start, end,
                    f"line appears in {count} of {n_docs} documents (boilerplate; "
                    f"similarity 1.00 after normalisation{more})",
                    fix=fix, related=[Location(other[0], other[1], 1)],
                )
