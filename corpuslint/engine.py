"""The engine: map document work, reduce corpus state, apply fixes.

    sources ──load──▶ Documents ──MAP──▶ document-rule findings      (per document, pure,
                                   └───▶ corpus-rule states          parallel, cacheable)
                      corpus states ──REDUCE──▶ corpus-rule findings (cross-file)
    findings ──fixes──▶ edited texts ──(repeat until stable)──▶ atomic writes

Rules never touch files: they return findings whose fixes are text edits; only
``apply_fixes`` + ``files.write_atomic`` write, and only files that decoded cleanly.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import sys
import unicodedata
import zlib
from array import array
from bisect import bisect_right
from collections import deque
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from itertools import accumulate, chain, islice
from typing import Any, Callable, Iterable, Iterator, Mapping

import regex

from . import files, readers
from .config import (
    Config,
    ConfigError,
    build_config,
    SCOPE_FOLDER,
    SCOPE_TARGETS,
    local_plugin_settings,
    locate_config,
    project_root,
    select_rules,
    validate_codes,
)
from .document import Document
from .families.input import PROBLEM_RULES
from .findings import (Applicability, Edit, Finding, Fix, Severity, record_location, share_messages, sharing,
                       sort_findings)
from .plugins import Registry, configure, load_plugins
from .rules import CorpusRule, CorpusView, DocumentRule, Rule
from .store import DocumentStore, FindingSpill, Spilled, SpilledStates, StateRefs, StateSpill
from .structure import ALL_REGIONS, HTML_SUFFIXES
from .text.controls import MIRC_COLOUR, show_overstrikes
from .text.lazy_regex import lazy, lazy_re
from .text.sequences import PatienceMatcher
from .text.tokens import token_spans

MAX_FIX_PASSES = 10
# read problems that leave a whole file unread (undecodable, binary, missing or unreadable,
# no reader, special file or symlink leaving the root): when their F finding is not reported
# (--select, --ignore, per-file-ignores), the run says so on standard error (RunResult.not_checked)
UNREAD_KINDS = frozenset({"undecodable", "binary", "unreadable", "unsupported", "special"})
PARALLEL_MIN_DOCS = 64
# Longest line (in characters) that every rule checks. Longer lines are checked only by
# rules of LONG_LINE_FAMILIES (character scans with memory independent of word counts)
# or rules with ``long_line_safe = True``; the others skip the document (one F008 info
# finding names them), so a 100 MB single line costs a small multiple of its size.
MAX_LINE_CHARS = 1_000_000
LONG_LINE_FAMILIES = frozenset({"whitespace", "input"})
_NEWLINE_RE = lazy_re(r"\r\n|\n|\r")


def longest_line(text: str) -> tuple[int, int, int]:
    """(length, 1-based number, start offset) of the longest line of ``text``."""
    if len(text) <= MAX_LINE_CHARS:
        return len(text), 1, 0  # cannot exceed the limit: no scan needed
    best, best_no, best_start, pos, no = 0, 1, 0, 0, 1
    for m in _NEWLINE_RE.finditer(text):
        if m.start() - pos > best:
            best, best_no, best_start = m.start() - pos, no, pos
        pos, no = m.end(), no + 1
    if len(text) - pos > best:
        best, best_no, best_start = len(text) - pos, no, pos
    return best, best_no, best_start


def _checks(r: Rule, role: "str | None", kinds: frozenset) -> bool:
    """Does rule ``r`` check a document of this ``role`` (``Rule.only_roles``) and these
    ``kinds`` (``only_kinds``, ``skip_kinds``)?"""
    return ((role is None or r.only_roles is None or role in r.only_roles)
            and not ((r.only_kinds is not None and r.only_kinds.isdisjoint(kinds))
                     or (r.skip_kinds and not r.skip_kinds.isdisjoint(kinds))))


def long_line_safe(rule: Rule) -> bool:
    return getattr(rule, "long_line_safe", rule.family in LONG_LINE_FAMILIES)


def skips(rule: Rule, doc: Document) -> bool:
    """Does ``rule`` skip ``doc``: a line over MAX_LINE_CHARS, or a document kind the rule
    does not apply to (``Rule.skip_kinds``)?"""
    return (not long_line_safe(rule) and longest_line(doc.text)[0] > MAX_LINE_CHARS) or skips_kind(rule, doc)


def skips_kind(rule: Rule, doc: Document) -> bool:
    """Is ``doc`` of a kind ``rule`` does not apply to (``Rule.skip_kinds``), or of none of
    the kinds it only applies to (``Rule.only_kinds``; ``Document.kinds``), or a chat
    turn of a role it does not apply to (``Rule.only_roles``; ``Document.role``)?"""
    only = getattr(rule, "only_kinds", None)
    if only is not None and only.isdisjoint(doc.kinds):
        return True
    roles = getattr(rule, "only_roles", None)
    if roles is not None and doc.role is not None and doc.role not in roles:
        return True
    return bool(rule.skip_kinds) and not rule.skip_kinds.isdisjoint(doc.kinds)



@dataclass
class RunContext:
    """What the corpus-state collection step may use (see ``collect_corpus_states``)."""

    config: Config
    root: str
    use_cache: bool
    # every corpus file under the project root but the data files (datasets are compared only
    # among the files checked); notebooks and .po catalogues are read by their reader
    discover: Callable[[], list[files.Source]]
    # a file's Document, its ReadProblem, or, for a file a reader claims, the list of its
    # record documents (``corpus_loader``)
    load: Callable[[files.Source], "Document | files.ReadProblem | list[Document]"]
    doc_cache: Any = None  # index.DocumentFindingsCache when the on-disk cache is on
    state_reader: Any = None  # index.StateReader: cached corpus-rule states, looked up in the map step
    region_cache: Any = None  # index.RegionCache: files' regions, read by the filter of the reduces' findings
    # what decides a claimed file's records besides its bytes (``corpus_loader``): reader,
    # options, declared language; None for a file read whole as text
    read_key: Callable[[files.Source], "str | None"] = lambda source: None
    # record key -> (data file, record) of the records of files beyond the checked ones
    # (``index.collect_states`` fills it; ``DocumentStore.record_of`` names them)
    beyond: dict = field(default_factory=dict)
    # does a reader claim this path (a Dask run reads only plain files beyond the checked ones)
    claimed: Callable[[str], bool] = lambda path: False
    # the checked files a reader claims, with their (size, mtime_ns) before they were read: the
    # corpus index keeps their records' states for the next run that checks others (notebooks,
    # .po) or checks them again (a data file: ``index.StateReader.record_state``)
    checked_claimed: list = field(default_factory=list)
    # record key -> (data file, record) of the checked records (``DocumentStore.record_of``)
    record_of: Callable[[str], Any] = lambda key: None
    # data files whose stored records states the map step found invalid: their rows are written again
    records_bad: set = field(default_factory=set)
    # display path -> content hash of every corpus file, when the run needs them (``index.collect_states``
    # fills it for ``baseline.Settled``: a baseline that records its files' fingerprints); None: not kept
    file_hashes: "dict[str, str] | None" = None


@dataclass(frozen=True)
class StdinInput:
    """Standard input (``corpuslint check -``): its bytes and the name it is checked as
    (``--stdin-filename``, which also picks the reader and matches per-file-ignores)."""

    data: bytes
    display: str = "-"


@dataclass
class RunResult:
    findings: list[Finding]
    files_checked: int
    rules: dict[str, Rule]
    registry: Registry
    config: Config
    fixed: int = 0
    diffs: list[str] = field(default_factory=list)
    # final texts, by display path: a store.DocumentStore (files read again on demand)
    documents: Mapping[str, Document] = field(default_factory=dict)
    # files not read whose F finding is not reported: display -> (code, message) (not in files_checked)
    not_checked: dict[str, tuple[str, str]] = field(default_factory=dict)
    # the display paths of the files checked (standard input: its display name), for a
    # baseline that concerns only them (``baseline.out_of_scope``)
    checked: list[str] = field(default_factory=list)
    # findings the baseline hid (None: no baseline applied); the reports say how many
    baselined: int | None = None
    # of those, the findings with a fix the run could apply (--fix and --diff leave them)
    baselined_fixable: int | None = None
    # files a folder walk left out that a user expects checked (``files.unread_key``):
    # a subtitle suffix (".ass") or a document's name ("NEWS") -> count; the command line
    # names them in a note, the JSON report in ``not_included``
    unread: dict[str, int] = field(default_factory=dict)

    def failing(self, fail_on: Severity | None = None) -> list[Finding]:
        level = (fail_on or self.config.fail_on).rank
        return [f for f in self.findings if f.severity.rank >= level]


class Linter:
    """The active rules of one run, instantiated with their options and severities."""

    def __init__(self, config: Config, registry: Registry):
        self.config = config
        self.registry = registry
        self.rules: dict[str, Rule] = {}
        for code in select_rules(config, registry.rules):
            cls = registry.rules[code]
            self.rules[code] = cls(
                options=config.rule_options.get(code),
                severity=config.severity_for(code, cls.default_severity),
                root=config.config_dir or config.root,  # relative option paths: the config's folder
            )
            if config.per_file_language:  # (part of every rule's fingerprint: caches keyed by it)
                self.rules[code].per_file_language = dict(config.per_file_language)
        # per-file-options: each (glob, code) an instance of the rule with those options
        # over [rules.CODE]'s, used for the files the glob matches (``compute_findings``)
        self._scoped: dict[tuple[str, str], Rule] = {}
        for pattern, by_code in config.per_file_options.items():
            for code, opts in by_code.items():
                rule = self.rules.get(code)
                if rule is None:
                    continue  # (not selected)
                rule.per_file_options = {**rule.per_file_options, pattern: dict(opts)}  # (in its fingerprint)
                self._scoped[(pattern, code)] = scoped = type(rule)(
                    options={**config.rule_options.get(code, {}), **opts}, severity=rule.severity, root=rule.root)
                scoped.per_file_language = rule.per_file_language
        self.document_rules = [r for r in self.rules.values() if isinstance(r, DocumentRule)]
        self.record_rules = [r for r in self.document_rules if not r.file_level]  # for data-file records
        self.corpus_rules = [r for r in self.rules.values() if isinstance(r, CorpusRule)]
        self._cache: dict[tuple[str, str], list[Finding]] = {}
        # documents computed here without a finding: path -> content hash (no tuple key and
        # findings list for each of a million clean records); read through ``_cached``
        self._clean: dict[str, str] = {}
        self._from_disk: set[tuple[str, str]] = set()  # cache keys filled from the on-disk cache
        # ``keep_findings`` keeps the map's findings per document for a later pass (``--fix``,
        # ``--diff``: fixes and the re-lint); a check run that makes no second pass sets it
        # False: a tuple key and dict entry per record with findings (~140 bytes, fresh24's
        # 450 k paragraph records ~60 MB), held to the end for nothing
        self.keep_map_findings = True
        self.suppressions = None  # baseline.Suppressions: ignore file + inline directives
        # baseline.Settled: is a document's file as the baseline recorded it (``CorpusView.settled``), or None
        self.settled = None
        self.progress = None  # callable(n) ticked per document checked (progress bar), or None
        self.executor = None  # executors.LocalExecutor (None) or DaskExecutor: runs map and reduce
        # files this run did not read whose input finding (F001-F004, F007) is not selected or
        # is ignored: display -> (code, message); said on standard error, never in silence
        self.not_checked: dict[str, tuple[str, str]] = {}
        self.unread: set[str] = set()  # files not read (UNREAD_KINDS), reported or not: never counted as checked
        self._lanes_busy = False  # reducing the lead rule while child processes reduce others
        # where the reduce running here writes its findings as it makes them (``_reduce_rule``
        # with ``into``): a callable given each chunk; None: ``_reduce_one`` returns them
        self._sink: "Callable[[list[Finding]], None] | None" = None

    def __getstate__(self) -> dict[str, Any]:
        """What an executor ships to its workers (Dask): the rules, not the registry or caches."""
        state = dict(self.__dict__)
        state.update(registry=None, suppressions=None, progress=None, executor=None, _cache={}, _clean={},
                     _from_disk=set(), _rule_lists={}, settled=None, _sink=None)
        return state

    # -- MAP: one document in, findings out -----------------------------------
    def check_document(self, doc: Document) -> list[Finding]:
        key = (doc.path, doc.content_hash)
        cached = self._cached(*key)
        if cached is None:
            cached = self._cache[key] = self.compute_findings(doc)
            if self.progress is not None:
                self.progress(1)
        return cached

    def _cached(self, path: str, content_hash: str) -> "list[Finding] | tuple | None":
        """The document-rule findings kept for this content of ``path`` (None: none kept)."""
        found = self._cache.get((path, content_hash))
        if found is None and self._clean.get(path) == content_hash:
            return _NO_FINDINGS
        return found

    def keep_findings(self, path: str, content_hash: str, found: list[Finding], from_disk: bool = False) -> None:
        """Keep the document-rule findings of this content of ``path`` (``_cached``);
        nothing without ``keep_map_findings``."""
        if not self.keep_map_findings:
            return
        if found or from_disk:
            self._clean.pop(path, None)
            self._cache[(path, content_hash)] = found
            if from_disk:
                self._from_disk.add((path, content_hash))
        else:
            self._clean[path] = content_hash

    def map_document(self, doc: Document, doc_cache=None, state_reader=None, path: str | None = None,
                     encode: bool = False) -> "MapResult":
        """The whole map step for one document: document-rule findings (from the on-disk
        cache when its content is unchanged, else computed), corpus-rule states (from
        the corpus index by content hash, else ``collect``), inline suppressions. With
        ``encode``, states travel as codec blobs (to the parent process). ``path``:
        the file's absolute path, for the index lookups (None for records, stdin)."""
        return self.map_documents([doc], doc_cache, state_reader, [path], encode)[0]

    def map_documents(self, docs: list[Document], doc_cache=None, state_reader=None,
                      paths: "list[str | None] | None" = None, encode: bool = False) -> "list[MapResult]":
        """``map_document`` of each of ``docs``, in order, each corpus rule collecting the
        states of the whole batch at once (``CorpusRule.collect_batch``: a dataset's
        records, a few hundred at a time, share the rule's fixed cost per call).
        ``paths``: each document's absolute path (None: all None)."""
        paths = paths if paths is not None else [None] * len(docs)
        pre = []
        for doc in docs:
            found = self._cached(doc.path, doc.content_hash)  # a re-lint after fixes: unchanged documents
            from_disk = (doc.path, doc.content_hash) in self._from_disk
            bad = None
            if found is None and doc_cache is not None and self.document_rules:
                found = doc_cache.lookup(doc)
                from_disk = found is not None
                if doc_cache.bad:
                    bad, doc_cache.bad[:] = list(doc_cache.bad), []
            row = None
            if found is None:
                found = self.compute_findings(doc)
                if doc_cache is not None and self.document_rules:
                    row = doc_cache.encode(doc, found)
            pre.append((found, from_disk, row, bad))
        states_of: list[dict[str, Any]] = [{} for _ in docs]
        if self.corpus_rules:
            from .index import MISS, _collect_many, _collect_one

            records = bool(getattr(state_reader, "record_files", None))
            for rule in self.corpus_rules:
                todo = []
                for i, doc in enumerate(docs):
                    if state_reader is not None and paths[i] is not None and state_reader.has(
                            paths[i], rule.code, doc.content_hash):
                        states_of[i][rule.code] = HIT
                        continue
                    if records and paths[i] is None:  # a record of an unchanged data file: its stored state
                        state = state_reader.record_state(doc, rule.code)
                        if state is not MISS:
                            states_of[i][rule.code] = state
                            continue
                    states_of[i][rule.code] = None  # (its place in rule order: filled below)
                    todo.append(i)
                if len(todo) == 1:
                    states_of[todo[0]][rule.code] = _collect_one(rule, docs[todo[0]])
                elif todo:
                    for i, state in zip(todo, _collect_many(rule, [docs[i] for i in todo])):
                        states_of[i][rule.code] = state
        if encode:
            for states in states_of:
                blobs: dict[int, tuple[Any, Any]] = {}  # id(state) -> (state, blob): a shared state is encoded once
                for code, state in states.items():
                    if state is not None and not (isinstance(state, str) and state == HIT):
                        if id(state) not in blobs:  # (the state is kept in ``blobs`` so that its id is not reused)
                            blobs[id(state)] = (state, _encode_state(state))
                        states[code] = blobs[id(state)][1]
        states_bad = None
        if getattr(state_reader, "bad", None):
            states_bad, state_reader.bad[:] = list(state_reader.bad), []
        out = []
        for doc, (found, from_disk, row, bad), states in zip(docs, pre, states_of):
            inline = None
            if self.suppressions is not None:
                from .baseline import directives

                inline = directives(doc)
            result = MapResult(doc.path, doc.content_hash, len(doc.text.encode("utf-8", "surrogatepass")),
                               found, from_disk, row, states, inline, bad)
            result.regions = doc.__dict__.get("regions")  # computed by a document rule: kept for the reduce
            result.starts = _kept_line_starts(doc)
            if states_bad is not None:  # (told once, with the first document of the batch)
                result.states_bad, states_bad = states_bad, None
            out.append(result)
        return out

    def compute_findings(self, doc: Document) -> list[Finding]:
        """Document rules on ``doc``, computed now (no cache); the safe fixes that would glue,
        split or delete words together come as unsafe (``keeping_words``)."""
        cached: list[Finding] = []
        base = self.record_rules if getattr(doc, "record", None) is not None else self.document_rules
        scoped = self.config.option_patterns_for(doc.path) if self._scoped else None
        if scoped:  # per-file-options: the rules with this file's options, then filtered as below
            rules = [r for r in (self._scoped[(scoped[r.code], r.code)] if r.code in scoped else r for r in base)
                     if _checks(r, doc.role, doc.kinds)]
        else:
            rules = self._rules_for(base, doc.role, doc.kinds)  # (by role and kinds: one list per shape, kept)
        length, line_no, start = longest_line(doc.text)
        if length > MAX_LINE_CHARS:
            skipped = sorted({r.code for r in base + self.corpus_rules if not long_line_safe(r)})
            rules = [r for r in rules if long_line_safe(r)]
            note = self.rules.get("F008")
            if skipped and note is not None:
                cached.append(doc.finding(note, start, start, f"line {line_no} is {length:,} characters long "
                                          f"(limit {MAX_LINE_CHARS:,}): {len(skipped)} rules skipped this document "
                                          f"({', '.join(skipped)})"))
        rule = None
        try:  # (one handler for the loop: a context manager per rule and document costs)
            for rule in rules:
                found = list(rule.check(doc))
                if found:
                    cached.extend(_in_checked_regions(rule, doc, found))
        except RuleError:
            raise
        except Exception as exc:
            raise rule_failed(rule, doc.path, exc) from exc
        return keeping_words(doc.text, cached)

    def _rules_for(self, base: list, role: "str | None", kinds: frozenset) -> list:
        """The rules of ``base`` that check a document of this ``role`` (``Rule.only_roles``:
        a chat turn's) and these ``kinds`` (``skips_kind``), in order: computed once per
        (list, role, kinds) and kept (a run of records has a few such shapes, not one per
        record; the filtering per document was ~0.2 ms of the fixed cost of a short record)."""
        memo = self.__dict__.setdefault("_rule_lists", {})
        key = (id(base), len(base), role, kinds)
        got = memo.get(key)
        if got is not None and got[0] is base:
            return got[1]
        rules = [r for r in base if _checks(r, role, kinds)]
        memo[key] = (base, rules)
        return rules

    def fresh_findings(self, doc: Document) -> list[Finding]:
        """Document-rule findings computed now, never taken from the on-disk cache
        (fixes are only ever applied from findings this process computed)."""
        key = (doc.path, doc.content_hash)
        if key in self._from_disk:
            self._from_disk.discard(key)
            self._cache.pop(key, None)
        return self.check_document(doc)

    # -- REDUCE: corpus states in, cross-document findings out -----------------
    def reduce(self, states: Mapping[str, dict[str, Any]], documents: dict[str, Document],
               facts: Mapping[str, Any] | None = None, release: bool = False,
               spill: "StateSpill | None" = None, into: "FindingSpill | None" = None) -> list[Finding]:
        """Corpus-rule findings from ``states`` ({code: {key: state}}); ``facts`` ({code: facts})
        for the rules whose reduction plan an executor ran (``CorpusRule.reduction``). With
        ``release`` (``states`` a dict the caller gives up), each rule's states are dropped
        from it as its reduce starts, so they are freed when that reduce ends. ``spill``:
        where the map step wrote the states that are ``store.Spilled`` references; each
        rule's are read back as its reduce starts (a state several rules share, decoded once),
        or on each access for a rule with ``lazy_states`` (``store.SpilledStates``).
        ``into``: each rule's findings are written there as its reduce makes them, not held
        while it and the next rules reduce (``store.FindingSpill``), and the list returned is empty."""
        unspill = _Unspill(spill, states, self.corpus_rules) if spill is not None else None
        lanes = self._lanes(states, documents, facts)
        out: list[Finding] = []
        if lanes is None:
            for rule in self.corpus_rules:
                out += self._reduce_rule(rule, states, documents, facts, release, unspill, into=into)
        else:
            out = self._reduce_in_lanes(lanes, states, documents, release, unspill, into)
        for rule in self.corpus_rules:  # what the reduces shared (the spelling rules' merged corpus)
            release_rule = getattr(rule, "release", None)
            if release_rule is not None:
                with rule_errors(rule, "the corpus"):
                    release_rule()
        return out

    def _reduce_rule(self, rule: CorpusRule, states, documents, facts, release: bool, unspill: "_Unspill | None",
                     prepare: "Callable[[CorpusRule, CorpusView], bool] | None" = None,
                     into: "FindingSpill | None" = None) -> list[Finding]:
        """One corpus rule's findings (``reduce``), those outside the regions it checks
        dropped; its states are taken from ``states`` (popped with ``release``).
        ``prepare(rule, view)``: called with the rule's view before its reduce; True: the
        reduce is not split across processes (``_reduce_one``): other processes are busy.
        ``into``: the findings are written there as the reduce makes them (``REDUCE_CHUNK``
        at a time), not held to its end, and the list returned is empty."""
        from .aggregates import LazyStates
        from .arrays import trim_heap

        own = states.pop(rule.code, {}) if release else states.get(rule.code, {})
        fresh = False  # is ``own`` a dict made here (not copied again for the view)?
        if unspill is not None and not isinstance(own, LazyStates):  # (a LazyStates reads its references itself)
            lazy = getattr(rule, "lazy_states", False)
            own, fresh = SpilledStates(unspill.spill, own) if lazy else unspill.states(own), not lazy
        # an index's LazyStates (corpuslint/aggregates.py) and SpilledStates stay lazy: states decoded on access
        view = CorpusView(states=own if fresh or isinstance(own, (LazyStates, SpilledStates)) else dict(own),
                          targets=documents.keys(),  # (a view: a set of every key was ~80 bytes a record, a reduce long)
                          documents=documents, facts=(facts or {}).get(rule.code),
                          aggregates=getattr(own, "aggregates", None), settled=self.settled)
        del own
        self._lanes_busy = prepare is not None and prepare(rule, view)
        kept = self._kept(rule.checked_regions(), documents)
        self._sink = None if into is None else (lambda chunk: into.extend(kept(chunk), rule.code))
        try:
            with rule_errors(rule, "the corpus"):
                found = self._reduce_one(rule, view)  # (empty when written to the sink)
        finally:
            self._lanes_busy = False
            self._sink = None
            del view  # (with ``release``: this rule's states are freed before the next rule's reduce)
            trim_heap()  # (what the reduce's temporaries left free in the heap goes back to the system)
        share_messages(found)
        out = kept(found)
        if into is not None:
            into.extend(out, rule.code)
            return []
        return out

    def _kept(self, kinds, documents) -> "Callable[[list[Finding]], list[Finding]]":
        """A filter of a corpus rule's findings: those in the regions ``kinds`` it checks,
        each related record named by its file and record (``record_location``)."""
        # a file's regions as the map step found them (``DocumentStore.outside``): the file
        # is not read again for them (each rule's findings, file by file: ~1/3 of a run's reads)
        # or, in a warm run, as the region cache holds them (``index.RegionCache``); regions
        # computed here are given back to the store (``note_regions``), which caches them
        stored = getattr(documents, "outside", None) if kinds != ALL_REGIONS else None
        note = getattr(documents, "note_regions", None) if stored is not None else None

        def kept(found: list[Finding]) -> list[Finding]:
            out: list[Finding] = []
            for f in found:
                keep = kinds == ALL_REGIONS
                if not keep:
                    away = stored(f.key, f.start, f.end, kinds) if stored is not None else None
                    if away is None:
                        doc = documents.get(f.key)
                        away = doc is not None and doc.outside(f.start, f.end, kinds)
                        if doc is not None and note is not None:
                            note(f.key, doc)
                    keep = not away
                if keep:
                    if f.related:  # a related record named by its key: name file and record
                        named = tuple(record_location(r, documents) for r in f.related)
                        if any(a is not b for a, b in zip(named, f.related)):  # (else the shared tuple is kept)
                            f.related = named
                    out.append(f)
            return out

        return kept

    def _parallel_jobs(self) -> int:
        """Processes a reduce may use: ``jobs`` (default: the cores) in a local run, else 1."""
        local = self.executor is None or hasattr(self.executor, "lint_items")  # not a Dask client
        return (self.config.jobs or os.cpu_count() or 1) if local and not _IN_LANE else 1

    def _lanes(self, states, documents, facts) -> "tuple[list, CorpusRule, list] | None":
        """How the reduces of a local run with ``jobs`` >= 2 share the cores (None: one
        after the other here): (rules reduced in a child process forked now, the rule
        reduced in this process, rules reduced in a child forked once that rule's
        cross-target tables are built: ``_reduce_in_lanes``)."""
        from .aggregates import LazyStates

        rules = self.corpus_rules
        if (self._parallel_jobs() < 2 or facts or len(rules) < 2 or len(documents) < PARALLEL_MIN_DOCS
                or not hasattr(os, "fork")):
            return None
        if any(isinstance(states.get(r.code), LazyStates) for r in rules):  # the corpus index: states read
            return None  # through its SQLite connection, which a forked child must not share
        by_target = [r for r in rules if getattr(r, "reduce_by_target", False)]
        others = [r for r in rules if r not in by_target]
        if not by_target:
            return others[1:], others[0], []
        return others, by_target[0], by_target[1:]

    def _reduce_in_lanes(self, lanes, states, documents, release: bool, unspill,
                         into: "FindingSpill | None" = None) -> list[Finding]:
        """The reduces of ``lanes`` (see ``_lanes``) in two or three processes at once:
        the first rules in a child forked at once (the duplicate rules: they share nothing
        with the spelling rules), the lead rule here, the last rules in a child forked
        after the lead's reduce has run on no target, which builds what a
        ``reduce_by_target`` rule shares across targets and with the rules of its family
        (the spelling rules' merged corpus), so that child inherits it instead of building
        it again; with ``jobs`` 2 it starts once the first child is done. Each child sends
        back its rules' findings; they are concatenated in rule order: the findings, and
        their order, of one process reducing rule after rule. A child that fails (no fork,
        killed) has its rules reduced here afterwards.
        ``into``: the lead's findings are written there as it makes them, and each child
        writes its rules' to a file of its own (``FindingSpill.part``) and sends back only
        where they are; the list returned is empty (``FindingSpill.read`` puts the rules
        in order)."""
        first, lead, last = lanes
        found: dict[str, list[Finding]] = {}
        forked: list[tuple[list, _Lane, "FindingSpill | None"]] = []
        jobs = self._parallel_jobs()

        def lane(rules: list) -> None:
            if rules:
                # with two cores, one child reduces at a time (the other core is this process's)
                after = forked[-1][1] if forked and jobs < 3 else None
                part = into.part() if into is not None else None

                def work() -> list:  # (in the child: one list a rule, empty when written to ``part``)
                    lists = [self._reduce_rule(r, states, documents, None, False, unspill, into=part) for r in rules]
                    return lists if part is None else [*lists, part.sent()]

                try:
                    child = _Lane.fork(work, after)
                except OSError as exc:  # (no process to be had: these rules are reduced here, after the lead)
                    print(f"corpuslint: warning: cannot fork ({exc}): reducing one rule after the other",
                          file=sys.stderr)
                    return
                forked.append((rules, child, part))

        def prepare(rule: CorpusRule, view: CorpusView) -> bool:
            if last:
                with rule_errors(rule, "the corpus"):
                    for _ in rule.reduce(replace(view, targets=set())):  # no target: no finding
                        pass
                lane(last)
            return bool(forked) and bool(last)  # (a lone lead beside the first rules' child: split)

        if unspill is not None:
            unspill.spill.flush()  # (nothing left in a file buffer for the children to write again)
        try:
            lane(first)
            found[lead.code] = self._reduce_rule(lead, states, documents, None, release, unspill, prepare, into)
        finally:
            results = [(rules, child.result(), part) for rules, child, part in forked]  # (every child waited for)
        for rules, result, part in results:
            if isinstance(result, BaseException) and not isinstance(result, OSError):
                raise result  # a rule failed (RuleError): as it would have here
            if isinstance(result, list):
                found.update((r.code, f) for r, f in zip(rules, result))
                if part is not None:
                    into.adopt(part, result[-1])
                continue
            print(f"corpuslint: warning: reduce of {', '.join(r.code for r in rules)} in a child process failed "
                  f"({result}); reducing in this process", file=sys.stderr)
        out: list[Finding] = []
        for rule in self.corpus_rules:
            if rule.code not in found:
                found[rule.code] = self._reduce_rule(rule, states, documents, None, release, unspill, into=into)
            else:
                if unspill is not None and rule is not lead and not getattr(rule, "lazy_states", False):
                    unspill.skip(states.get(rule.code, {}))
                if release:
                    states.pop(rule.code, None)
            out.extend(found.pop(rule.code))
        return out

    def _reduce_one(self, rule: CorpusRule, view: CorpusView) -> list[Finding]:
        """``rule.reduce(view)``; split by targets across ``jobs`` forked processes when the
        rule allows it (``reduce_by_target``), the run is local, there are enough targets
        and no other process is reducing other rules (``_lanes_busy``). Reduced here with a
        ``_sink``, its findings go there ``REDUCE_CHUNK`` at a time and the list is empty."""
        jobs = 1 if self._lanes_busy else self._parallel_jobs()
        if (jobs < 2 or view.facts is not None or not getattr(rule, "reduce_by_target", False)
                or len(view.targets) < PARALLEL_MIN_DOCS):
            with sharing():  # (each new finding's message and positions shared as it is made)
                if self._sink is None:
                    return list(rule.reduce(view))
                found = iter(rule.reduce(view))
                while chunk := list(islice(found, REDUCE_CHUNK)):
                    self._sink(chunk)
                return []
        try:
            return _parallel_reduce(rule, view, jobs)
        except (OSError, RuntimeError) as exc:  # no fork, a worker killed: the whole reduce here
            print(f"corpuslint: warning: parallel reduce of {rule.code} failed ({exc}); reducing in this process",
                  file=sys.stderr)
            return list(rule.reduce(view))

    def problem_finding(self, source: files.Source, problem: files.ReadProblem) -> Finding | None:
        cls = PROBLEM_RULES[problem.kind]
        rule = self.rules.get(cls.code)
        if rule is None and problem.kind == "not-written" and not any(
                i == "ALL" or cls.code.startswith(i) for i in self.config.ignore):
            # a fix that was not written is reported even under --select W (unless ignored)
            rule = cls(severity=self.config.severity_for(cls.code, cls.default_severity))
        unread = (problem.kind in UNREAD_KINDS or problem.unread) and problem.record is None
        if unread:
            self.unread.add(source.display)
        if rule is None or (unread and not self.keep_code(source.display, cls.code)):
            if unread:  # a file not read: never "All checks passed" about it (ruff warns whatever --select says)
                self.not_checked.setdefault(source.display, (cls.code, problem.message))
            return None
        return Finding(
            code=rule.code, rule=rule.name, family=rule.family, severity=rule.severity,
            message=problem.message, path=source.display, start=0, end=0,
            line=problem.line, column=problem.column, end_line=problem.line, end_column=problem.column,
            record=problem.record,
        )

    def keep_code(self, path: str, code: str) -> bool:
        return not self.config.is_ignored_for(path, code)

    def keep(self, finding: Finding) -> bool:
        return self.keep_code(finding.path, finding.code)


def _in_checked_regions(rule: Rule, doc: Document, found: Iterable[Finding]) -> Iterable[Finding]:
    """The findings of ``rule`` that touch a region kind it checks (``Rule.regions``)."""
    kinds = rule.checked_regions()
    if kinds == ALL_REGIONS:
        return found
    return [f for f in found if not doc.outside(f.start, f.end, kinds)]


class RuleError(Exception):
    """A rule raised while checking: the message names the rule, its plugin and the
    document. Exit code 2, one line (a traceback only with --verbose)."""


def rule_failed(rule: Rule, where: str, exc: Exception) -> RuleError:
    """The one-line error for ``rule`` raising ``exc`` on ``where``."""
    origin = getattr(rule, "origin", "?")
    return RuleError(f"rule {rule.code} ({rule.name}, from plugin {origin!r}) failed on {where}: "
                     f"{type(exc).__name__}: {exc}")


@contextmanager
def rule_errors(rule: Rule, where: str):
    try:
        yield
    except RuleError:
        raise
    except Exception as exc:
        raise rule_failed(rule, where, exc) from exc


# -- the streaming map ----------------------------------------------------------------
#
#   items (plain files as Sources, read by whoever maps them; records and texts in
#   memory as Documents) ──map_document──▶ MapResult (findings, compact states) ──▶
#   the document is dropped; only its name and content hash stay (store.DocumentStore).

HIT = "corpuslint-index-hit"  # a state the corpus index holds for this content: not carried
PARALLEL_CHUNK_CHARS = 2_000_000  # characters of text per task sent to a worker (at most, about)
PARALLEL_MIN_CHUNK_CHARS = 100_000  # ... and at least (the last tasks, smaller: workers finish together)
PARALLEL_WARMUP_CHARS = 200_000  # mapped by the parent before it forks the workers (at most, about)
# What mapping one document costs besides its text, in characters of text mapped in the
# same time (a Document's views, each rule's call, the result sent back): a batch of short
# records is sized by this as much as by its text. /tmp/fresh31/jobs (42,555 records of
# UI strings, 11 characters each, and 256 text files): the warm-up batch of 200,000 characters
# held 17,947 records: the parent's CPU before the fork was 3.8 s (start-up ~1 s; the whole
# --jobs 1 run: 14.9 s), ~0.15 ms a record, the time of ~120 bytes of bench_scale's text
# files (1.2 us a byte); 1.4 s with this cost.
PARALLEL_DOC_CHARS = 100


class _Unspill:
    """Reads the ``store.Spilled`` states of one rule at a time (``Linter.reduce``); a
    state several rules share (the spelling rules' one state per document) is decoded
    once and kept only until the last rule holding it has been given it."""

    def __init__(self, spill: "StateSpill", states: Mapping[str, dict[str, Any]], rules: list) -> None:
        from .aggregates import LazyStates
        from .store import Spilled

        self.spill, self._spilled = spill, Spilled
        # offset -> rules still to be given that state, for the states several rules hold
        # (``Spilled.shared``): a state of one rule (one per record of a dataset) is not counted
        self.left: dict[int, int] = {}
        for rule in rules:
            # (given ``SpilledStates``, or the corpus index's ``LazyStates``: decoded on access, not here)
            if getattr(rule, "lazy_states", False) or isinstance(states.get(rule.code), LazyStates):
                continue
            for value in states.get(rule.code, {}).values():
                if isinstance(value, Spilled) and value.shared:
                    self.left[value.offset] = self.left.get(value.offset, 0) + 1
        self.decoded: dict[int, Any] = {}

    def states(self, own: Mapping[str, Any]) -> dict[str, Any]:
        # the states not decoded yet, read together (a column of states once: ``StateSpill.get_many``);
        # a rule's own states in the order of ``own``, taken in that order below (no dict by
        # offset beside the result: 1 M records, ~100 MB), the shared ones by offset
        spilled, decoded = self._spilled, self.decoded
        shared = {value.offset: value for value in own.values()
                  if isinstance(value, spilled) and value.shared and value.offset not in decoded}
        shared = dict(zip(shared, self.spill.get_many(list(shared.values()))))
        fresh = iter(self.spill.get_many([value for value in own.values()
                                          if isinstance(value, spilled) and not value.shared]))
        out = {}
        for key, value in own.items():
            if isinstance(value, spilled):
                at = value.offset
                if not value.shared:
                    out[key] = next(fresh)
                    continue
                # (membership, not ``get``: a state may decode to None, e.g. one worker blob of None shared by rules)
                state = decoded[at] if at in decoded else shared[at]
                self.left[at] -= 1
                if self.left[at]:
                    self.decoded[at] = state
                else:
                    self.decoded.pop(at, None)
                value = state
            out[key] = value
        return out

    def skip(self, own: Mapping[str, Any]) -> None:
        """The rule holding ``own`` was reduced elsewhere (a child process): the states it
        shares with other rules are no longer kept for it."""
        for value in own.values():
            if isinstance(value, self._spilled) and value.shared and value.offset in self.left:
                self.left[value.offset] -= 1
                if not self.left[value.offset]:
                    self.decoded.pop(value.offset, None)


class MapResult:
    """What the map step keeps of one document (see ``Linter.map_document``)."""

    __slots__ = ("key", "content_hash", "nbytes", "findings", "from_disk", "cache_row", "states", "inline",
                 "cache_bad", "regions", "starts", "states_bad")

    def __init__(self, key, content_hash, nbytes, findings, from_disk, cache_row, states, inline, cache_bad=None):
        self.key, self.content_hash, self.nbytes = key, content_hash, nbytes
        self.findings, self.from_disk, self.cache_row = findings, from_disk, cache_row
        self.states, self.inline = states, inline
        self.cache_bad = cache_bad  # invalid on-disk cache entries met (warned once, by the parent)
        self.regions = None  # the document's structure.Region list, when the map computed it
        self.starts = None  # (its line starts as an array, byte-order mark or not), when computed: ``_kept_line_starts``
        self.states_bad = None  # (data file, why) of invalid stored records states met (``StateReader.record_state``)


def _kept_line_starts(doc: Document) -> "tuple[array, bool] | None":
    """``doc._line_starts`` as a compact array (4 bytes a line) and whether the text opens
    with a byte-order mark, when the map step computed them (placing a finding): kept by
    the ``DocumentStore`` so that the reduces' reads of the file and the report's
    positions of fixes do not compute them again, or read the file for them."""
    starts = doc.__dict__.get("_line_starts")
    if starts is None:
        return None
    return array("I" if starts[-1] < 1 << 32 else "Q", starts), doc.text.startswith("\ufeff")


class Collected:
    """A mapped document as the corpus index sees it (``index.collect_states``): its
    content hash, size and the states the map step collected, without its text.
    ``states``: a dict {code: state}, or a tuple of states in the order of ``at``
    ({code: index}, one dict shared by every document of a run: a dict of states per
    document cost ~200 bytes, 200 MB for 1 M records)."""

    __slots__ = ("path", "abspath", "content_hash", "nbytes", "states", "reader", "language", "at")

    def __init__(self, path, abspath, content_hash, nbytes, states, reader, language=None, at=None):
        self.path, self.abspath, self.content_hash, self.nbytes = path, abspath, content_hash, nbytes
        self.states, self.reader = states, reader
        self.language = language  # the file's declared language (files.Source.language)
        self.at = at

    def state(self, code: str) -> Any:
        if self.at is None:
            value = self.states[code]
        else:
            i = self.at.get(code)
            if i is None:
                raise KeyError(code)
            value = self.states[i]
        if isinstance(value, str) and value == HIT:
            from .index import MISS

            value = MISS if self.reader is None else self.reader.state(self.abspath, code, self.content_hash)
            if value is MISS:  # the row went away since the map step: collect again from the file
                raise KeyError(code)
        return value

    def load(self) -> Document | None:
        """The document again from its file (None if it changed or is not a file)."""
        if self.abspath is None:
            return None
        doc = files.load(files.Source(self.abspath, self.path, language=self.language))
        return doc if isinstance(doc, Document) and doc.content_hash == self.content_hash else None


class MappedTable(Mapping[str, Collected]):
    """What ``_map_reduce`` hands the corpus index of the documents it mapped when their
    states were spilled (``store.StateSpill``): ``{key: Collected}``, in map order, with
    no object per document: the keys in one ``store.KeyIndex``, each rule's references
    in a ``store.RefColumns`` column, and for a plain file (read again from its path) its
    (absolute path, content hash, bytes, declared language). ``table[key]`` builds its
    ``Collected`` (a record's content hash made again by the ``DocumentStore``).
    A ``Collected`` a record held until the reduces was ~500 bytes with its tuple of
    references and its content hash; here a record costs its index entry and 16 bytes
    a rule. ``rule_states(code, skip)``: the rule's references as a ``store.StateRefs``
    (``index.collect_states`` gives it to the reduce instead of a dict of them); None
    when some document lacks some rule's state (``RefColumns.partial``: that document's
    ``Collected`` then raises KeyError for it, as the map's own did)."""

    def __init__(self, codes: list[str], store: DocumentStore, reader=None, spill: "StateSpill | None" = None) -> None:
        from .store import RefColumns

        self.refs = RefColumns(codes)
        self._files: dict[int, tuple] = {}  # position -> (abspath, content hash, bytes, language) of a plain file
        self._store, self._reader, self._spill = store, reader, spill

    @property
    def spill(self) -> "StateSpill | None":
        """Where the map wrote the states (an aggregate's ``LazyStates`` writes there too)."""
        return self._spill

    def decoded(self, values: list, own: bool = True) -> list:
        """``values`` (what ``Collected.state`` gives: ``store.Spilled`` references, None,
        values kept in memory) with each reference replaced by its state read back from
        the spill, read together (``StateSpill.get_many``; ``own``: a dict of arrays as
        ``collect`` made it, else read-only views of the mapped columns, as a reduce gets
        them), for the corpus index to encode (a stored row is the state, never its
        reference) or for an aggregate's ``LazyStates``."""
        at = [k for k, value in enumerate(values) if type(value) is Spilled]
        out = list(values)
        if at and self._spill is not None:
            for k, state in zip(at, self._spill.get_many([values[k] for k in at], own=own)):
                out[k] = state
        return out

    def add(self, key: str, abspath: "str | None", content_hash: str, nbytes: int, states: dict[str, Any],
            language: "str | None" = None) -> None:
        at = self.refs.put(key, states)
        if abspath is not None:
            self._files[at] = (abspath, content_hash, nbytes, language)
        else:
            self._files.pop(at, None)

    def __getitem__(self, key: str) -> Collected:
        at = self.refs.index.position(key)
        if at is None:
            raise KeyError(key)
        states = {}
        for code in self.refs.codes:
            try:
                states[code] = self.refs.get(at, code)
            except KeyError:
                continue
        entry = self._files.get(at)
        if entry is None:
            return Collected(key, None, self._store.content_hash(key), None, states, self._reader)
        abspath, content_hash, nbytes, language = entry
        return Collected(key, abspath, content_hash, nbytes, states, self._reader, language)

    def __contains__(self, key: object) -> bool:
        return self.refs.index.position(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.refs.index.keys)

    def __len__(self) -> int:
        return len(self.refs.index)

    def rule_states(self, code: str, skip: Iterable[str] = ()) -> "StateRefs | None":
        """Rule ``code``'s references of every document but the keys ``skip``, or None
        (see the class doc)."""
        position = self.refs.index.position
        return self.refs.rule_states(code, {position(key) for key in skip} - {None})


def _encode_state(state: Any) -> Any:
    """A state for the trip back from a worker: codec bytes (``_Blob``), or the value
    itself when the codec does not store it (a plugin's own state type)."""
    from .codec import CodecError, dumps

    try:
        return _Blob(dumps(state))
    except CodecError:
        return state


class _Blob(bytes):
    """A state encoded with ``corpuslint.codec`` by a worker."""


def _decode_state(value: Any) -> Any:
    if isinstance(value, _Blob):
        from .codec import loads

        return loads(bytes(value))
    return value


def _decode_states(states: dict[str, Any]) -> dict[str, Any]:
    """One worker result's states ({code: blob}) decoded; a blob several rules share (the
    spelling rules' one state, encoded once and pickled once) is decoded once, so the
    rules share the decoded state as they do in a one-process run."""
    decoded: dict[int, Any] = {}
    out: dict[str, Any] = {}
    for code, value in states.items():
        if id(value) not in decoded:
            decoded[id(value)] = _decode_state(value)
        out[code] = decoded[id(value)]
    return out


def _fork_pool(workers: int, initializer: Callable | None = None, initargs: tuple = ()):
    """A ``ProcessPoolExecutor`` of ``workers`` forked processes, each of which leaves
    when this process dies (``_exit_with_parent``), then runs ``initializer(*initargs)``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # (not imported by a one-process run)

    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_worker, initargs=(os.getpid(), initializer, initargs))


def _start_worker(parent: int, initializer: Callable | None, initargs: tuple) -> None:
    _exit_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    """In a forked child of ``parent`` (a pid): a daemon thread that ends the child
    (``os._exit(1)``) once its parent is gone, checked every ``every`` seconds. A
    parent killed with SIGKILL (or by the kernel's out-of-memory killer) runs no
    clean-up: without this its workers would wait for ever on a pipe no one reads."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="corpuslint-parent-watch", daemon=True).start()


# Worker side of the parallel map: the Linter (rules, options) is inherited through
# fork; the pool initializer opens the caches once per worker; heavy resources
# (dictionaries) are loaded on first use and kept for the worker's life.
_WORKER: "tuple[Linter, Any, Any] | None" = None


def _init_worker(doc_cache, state_reader) -> None:
    global _WORKER
    linter = _PARENT_LINTER
    assert linter is not None
    linter.progress = None  # only the parent draws
    _WORKER = (linter, doc_cache, state_reader)


_PARENT_LINTER: "Linter | None" = None


def _map_item(linter: "Linter", item, doc_cache, state_reader, encode: bool):
    """(MapResult | None, ReadProblem | None) for one item: a Source is read here."""
    path = None
    if isinstance(item, files.Source):
        doc = files.load(item)
        if not isinstance(doc, Document):
            return None, doc
        path = item.path
    else:
        doc = item
    return linter.map_document(doc, doc_cache, state_reader, path, encode), None


# Documents in memory (a dataset's records) are mapped this many at a time
# (``Linter.map_documents``): each corpus rule collects a batch in one call.
MAP_BATCH = 256


def _map_items(linter: "Linter", items: list, doc_cache, state_reader, encode: bool) -> list:
    """``_map_item`` of each of ``items``, in order, a run of Documents (records) mapped
    MAP_BATCH at a time (``Linter.map_documents``); ReadProblems among them (a stream's)
    give (None, problem)."""
    out: list = []
    i, n = 0, len(items)
    while i < n:
        if not isinstance(items[i], (Document, files.ReadProblem)):
            out.append(_map_item(linter, items[i], doc_cache, state_reader, encode))
            i += 1
            continue
        j = i
        while j < n and j - i < MAP_BATCH and isinstance(items[j], (Document, files.ReadProblem)):
            j += 1
        docs = [d for d in items[i:j] if isinstance(d, Document)]
        results = iter(linter.map_documents(docs, doc_cache, state_reader, None, encode) if docs else ())
        out.extend((None, d) if isinstance(d, files.ReadProblem) else (next(results), None) for d in items[i:j])
        i = j
    return out


def _worker_map(chunk: list, plans: "dict | None" = None) -> list:
    """``_map_items`` of ``chunk`` in a worker; ``plans``: the parent's ``record_files``
    entries of the chunk's data files, planned after this worker was forked."""
    assert _WORKER is not None
    linter, doc_cache, state_reader = _WORKER
    if plans:
        state_reader.record_files.update(plans)
    out = _map_items(linter, chunk, doc_cache, state_reader, True)
    from .index import verdict_cache

    store = verdict_cache()  # dictionary verdicts found in this worker (the parent flushes its own)
    if store is not None:
        store.flush()
    return out


def _record_plans(docs: list, state_reader) -> "dict | None":
    """The ``StateReader.record_files`` entries of the data files ``docs`` are records of
    (for a worker: ``_worker_map``), or None."""
    planned = getattr(state_reader, "record_files", None)
    if not planned:
        return None
    files_of = {getattr(doc, "file", None) for doc in docs}
    return {f: planned[f] for f in files_of if f in planned} or None


def _item_chars(item) -> int:
    """What mapping ``item`` costs, in characters of text: its size (a file's bytes, a
    record's characters) and PARALLEL_DOC_CHARS for the document."""
    if isinstance(item, files.Source):
        try:
            return os.stat(item.path).st_size + PARALLEL_DOC_CHARS
        except OSError:
            return PARALLEL_DOC_CHARS
    return len(item.text) + PARALLEL_DOC_CHARS


def _chunks(items: list, jobs: int, state_reader=None) -> Iterator[list]:
    """Contiguous batches of items, sized by their cost (``_item_chars``: text and
    documents). The first, of about PARALLEL_WARMUP_CHARS, is mapped
    by the parent before it forks the workers (``_parallel_stream``); each next one holds
    about a ``4 * jobs``-th of the text left, between PARALLEL_MIN_CHUNK_CHARS and
    PARALLEL_CHUNK_CHARS (smaller towards the end, so that no worker maps a large last
    batch while the others wait). Without much text, at least 8 batches per worker.

    A ``_RecordStream`` (a data file's records) costs its bytes in the plan and is read as
    the batches are taken: a batch holds the stream itself where its records start
    (``_chunk_triples`` gives its marker there), its records' documents, and each read
    problem as ``(the stream's source, problem)``; so at most the batches in flight are
    in memory, never a data file's every record (read whole before the map, 100 MB of
    records were ~150 MB more at the parallel map's start). ``state_reader``: a stream
    whose stored states it may serve is planned as it is reached (``_RecordStream.planned``)."""
    sizes = [_stream_chars(it) if isinstance(it, _RecordStream) else _item_chars(it) for it in items]
    left = sum(sizes)
    small = max(1, left // (jobs * 8))
    per = min(PARALLEL_WARMUP_CHARS, small)
    cur: list = []
    size = 0

    def parts():
        for it, n in zip(items, sizes):
            if not isinstance(it, _RecordStream):
                yield it, n
                continue
            yield it, 0
            for doc in it.planned(state_reader):
                yield ((it.source, doc), 0) if isinstance(doc, files.ReadProblem) else (doc, _item_chars(doc))

    for it, n in parts():
        cur.append(it)
        size += n
        if size >= per:
            yield cur
            left -= size
            cur, size = [], 0
            per = min(small, max(PARALLEL_MIN_CHUNK_CHARS, min(PARALLEL_CHUNK_CHARS, left // (jobs * 4))))
    if cur:
        yield cur


def _stream_records(stream: "_RecordStream") -> int:
    """The records a data file may hold before it is read: STREAM_BYTES_A_RECORD a record, one at least."""
    return max(1, stream.nbytes // STREAM_BYTES_A_RECORD)


def _stream_chars(stream: "_RecordStream") -> int:
    """``_item_chars`` of a data file's records before they are read: its bytes, and
    PARALLEL_DOC_CHARS for each record it may hold (``_stream_records``)."""
    return stream.nbytes + PARALLEL_DOC_CHARS * _stream_records(stream)


def _mapped_part(chunk: list) -> list:
    """The items of a ``_chunks`` batch that are mapped (not a stream's marker or read problem)."""
    return [it for it in chunk if not isinstance(it, (_RecordStream, tuple))]


def _chunk_triples(chunk: list, results, decode: bool) -> Iterator[tuple]:
    """``map_stream``'s triples of a ``_chunks`` batch, given the ``_map_items`` results
    of its ``_mapped_part`` (``decode``: a worker's, whose states are codec blobs)."""
    results = iter(results)
    for it in chunk:
        if isinstance(it, _RecordStream):
            yield it, None, None
        elif isinstance(it, tuple):
            yield it[0], None, it[1]
        else:
            result, problem = next(results)
            if result is not None and decode:
                result.states = _decode_states(result.states)
            yield it, result, problem


# A data file of at least this many bytes is read while the map step runs (``_RecordStream``)
# in a local run, not before it: its records are never all in memory as documents at once
# (1 M short records: ~430 MB read before the first was mapped). Every data file (at
# 1 MiB, a dataset of many small shards was read whole before the map); one whose records'
# states the corpus index may hold is read whole when the map reaches it
# (``_RecordStream.planned``: at most ``index.CHECKED_ROWS_MAX_BYTES``).
STREAM_RECORD_BYTES = 0
# bytes of a data file counted as one record when a parallel map is weighed (``map_stream``)
STREAM_BYTES_A_RECORD = 100


class _RecordStream:
    """A data file's records, read as the map step reaches them (``_read_plan`` puts one
    in the read plan for each data file of a local run): ``documents()`` gives each
    record's document or read problem, once, in the reader's order."""

    __slots__ = ("loaded", "nbytes", "source")

    def __init__(self, source: files.Source, loaded, nbytes: int) -> None:
        self.source, self.loaded, self.nbytes = source, loaded, nbytes

    def documents(self):
        loaded, self.loaded = self.loaded, ()
        yield from loaded

    def planned(self, state_reader) -> Iterator:
        """``documents()``; when the corpus index may hold its records' states (a data file
        small enough to keep rows: ``StateReader.stream_files``), read whole first and
        planned (``StateReader.plan_stream``), so that an unchanged file's records are not
        collected again: one such file in memory at a time."""
        if self.source.display not in getattr(state_reader, "stream_files", ()):
            return self.documents()
        docs = list(self.documents())
        state_reader.plan_stream(self.source.display, docs)
        return _handed_out(docs)


def _handed_out(docs: list) -> Iterator:
    """The items of ``docs`` in order, each dropped from the list as it is handed out
    (``docs`` is emptied): a mapped record keeps its cached views (regions, the rules'
    weakly keyed memos) only while the map holds it. Iterated plainly, a planned data
    file's list held every mapped record to the file's end (20 k pre-training records
    with the corpus index: 1.6 M more Python objects at the map's end, ~340 against
    ~130 MB peak RSS without the index)."""
    docs.reverse()
    pop = docs.pop
    while docs:
        yield pop()


def map_stream(linter: "Linter", items: list, doc_cache=None, state_reader=None, decode: bool = True):
    """(item, MapResult | None, ReadProblem | None) for every item, in order: in this
    process, or in ``jobs`` worker processes (fork, initializer) when enough text.
    Without ``decode``, the states a worker encoded stay codec blobs (``_Blob``). A
    ``_RecordStream`` item gives ``(stream, None, None)``, then its records' triples (a
    read problem's item is the stream's source), its records read as the map reaches
    them in both ways (``_chunks``)."""
    jobs = linter.config.jobs or os.cpu_count() or 1
    if jobs > 1 and (linter.document_rules or linter.corpus_rules) and sum(
            _stream_records(it) if isinstance(it, _RecordStream) else 1 for it in items) >= PARALLEL_MIN_DOCS:
        yield from _parallel_stream(linter, items, jobs, doc_cache, state_reader, decode)
        return
    i = 0
    while i < len(items):  # (not a slice: ``_map_reduce`` replaces each mapped record by its key)
        item = items[i]
        if isinstance(item, _RecordStream):  # a data file's records, read a batch at a time (after it: a marker)
            yield item, None, None
            records = item.planned(state_reader)
            while True:
                batch = list(islice(records, MAP_BATCH))
                if not batch:
                    break
                for doc, (result, problem) in zip(batch, _map_items(linter, batch, doc_cache, state_reader, False)):
                    yield (item.source, None, problem) if result is None else (doc, result, problem)
            i += 1
            continue
        j = i + 1  # a run of documents in memory (records of small data files): mapped as a batch
        while j < len(items) and j - i < MAP_BATCH and isinstance(items[j], Document) and isinstance(item, Document):
            j += 1
        batch = items[i:j]
        for it, (result, problem) in zip(batch, _map_items(linter, batch, doc_cache, state_reader, False)):
            yield it, result, problem
        i = j


def _parallel_stream(linter: "Linter", items: list, jobs: int, doc_cache, state_reader, decode: bool = True):
    global _PARENT_LINTER
    chunks = _chunks(items, jobs, state_reader)
    # The first (small) chunk is mapped here, before the fork: the rules' lazily loaded
    # resources (dictionaries, function words, per-word verdict caches of the frequent
    # words) are then inherited by every worker instead of being built again in each.
    def mapped_here(chunk):
        return _chunk_triples(chunk, _map_items(linter, _mapped_part(chunk), doc_cache, state_reader, False), False)

    first = next(chunks, None)
    if first is None:
        return
    yield from mapped_here(first)
    second = next(chunks, None)
    if second is None:
        return
    broken: list = []  # the first failure of the pool (no fork, no processes, a worker killed)

    def here(chunk, exc):
        """A chunk the pool could not map, and every chunk after it: mapped in this process
        (None: ``_in_order``'s result for it)."""
        if exc is not None and not broken:
            broken.append(exc)
            print(f"corpuslint: warning: parallel map failed ({exc}); mapping in this process", file=sys.stderr)

    def submit(chunk):
        if broken:
            return None
        try:
            docs = _mapped_part(chunk)
            return pool.submit(_worker_map, docs, _record_plans(docs, state_reader))
        except (OSError, RuntimeError) as exc:
            return here(chunk, exc)

    _PARENT_LINTER = linter
    try:
        try:
            pool = _fork_pool(jobs, _init_worker, (doc_cache, state_reader))
        except (OSError, RuntimeError) as exc:  # (no semaphores: /dev/shm missing)
            pool = here(None, exc)
        with pool if pool is not None else nullcontext():
            # at most a few chunks in flight per worker: results are consumed as they come
            for chunk, results in _in_order(chain([second], chunks), submit, 2 * jobs, here):
                yield from mapped_here(chunk) if results is None else _chunk_triples(chunk, results, decode)
                chunk.clear()  # (its documents: held by the store from now on, without their views)
    finally:
        _PARENT_LINTER = None


def _in_order(chunks: Iterable[list], submit: Callable[[list], Any], in_flight: int,
              failed: "Callable[[list, BaseException | None], Any] | None" = None) -> Iterator[tuple[list, Any]]:
    """``(chunk, its result)`` for each of ``chunks`` in their order, computed by
    ``submit(chunk)`` (a ``concurrent.futures`` future) with at most ``in_flight`` chunks
    submitted and not yet consumed: ``chunks`` is read as the results are taken, and the
    next chunk is submitted before a result is handed out. Raises what a future raises;
    with ``failed``, a chunk ``submit`` gave None for, or whose future raised OSError or
    RuntimeError (a worker killed: ``BrokenProcessPool``), has ``failed(chunk, the
    exception or None)`` as its result."""
    pending: deque = deque()
    it = iter(chunks)
    for chunk in it:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= in_flight:
            break
    while pending:
        chunk, future = pending.popleft()
        if failed is None:
            result = future.result()
        elif future is None:
            result = failed(chunk, None)
        else:
            try:
                result = future.result()
            except (OSError, RuntimeError) as exc:
                result = failed(chunk, exc)
        nxt = next(it, None)
        if nxt is not None:
            pending.append((nxt, submit(nxt)))
        yield chunk, result


# -- the parallel reduce of a rule whose findings are per target ------------------------
#
# A corpus rule with ``reduce_by_target = True`` promises that its findings on a target
# depend on the states (all of them) and that target only, never on which other
# documents are targets, and that it reports targets in sorted order. Its reduce then
# runs on contiguous slices of the sorted targets: the first (small) slice here, which
# builds what the rule memoises across targets (the spelling rules' merged corpus, the
# morphology of frequent words), then the others in worker processes forked after it,
# which inherit that (copy-on-write) and send back their findings. Concatenated in slice
# order they are the findings of one reduce over every target, in the same order.

_REDUCE_JOB: "tuple[CorpusRule, CorpusView] | None" = None


def _reduce_slice(targets: list[str]) -> list[Finding]:
    assert _REDUCE_JOB is not None
    rule, view = _REDUCE_JOB
    return list(rule.reduce(replace(view, targets=set(targets))))  # every other field (aggregates too) kept


def _parallel_reduce(rule: CorpusRule, view: CorpusView, jobs: int) -> list[Finding]:
    global _REDUCE_JOB
    targets = sorted(view.targets)
    first = max(1, len(targets) // (jobs * 8))
    rest = targets[first:]
    per = max(1, -(-len(rest) // (jobs * 4)))  # a few slices per worker: a slow slice does not hold the others
    slices = [rest[k : k + per] for k in range(0, len(rest), per)]
    _REDUCE_JOB = (rule, view)
    try:
        found = _reduce_slice(targets[:first])
        if not slices:
            return found
        with _fork_pool(min(jobs, len(slices))) as pool:
            for part in pool.map(_reduce_slice, slices):
                found.extend(part)
        return found
    finally:
        _REDUCE_JOB = None


# -- reduces of several corpus rules at once (``Linter._reduce_in_lanes``) ---------------

_IN_LANE = False  # True in a child process reducing rules for its parent: no further processes


class _Lane:
    """A child process forked to run ``work()`` (a list of findings lists), which sends
    its result back pickled through a pipe; read (and the child waited for) by ``result``.
    ``gate``: the read end of a pipe that reaches its end when the child's work is done
    (a lane forked ``after`` it waits for that before starting its own)."""

    def __init__(self, pid: int, fd: int, gate: int) -> None:
        self.pid, self.fd, self.gate = pid, fd, gate

    @classmethod
    def fork(cls, work: Callable[[], list], after: "_Lane | None" = None) -> "_Lane":
        import pickle

        read, write = os.pipe()
        gate, done = os.pipe()
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError:
            for fd in (read, write, gate, done):
                os.close(fd)
            raise
        if pid:
            os.close(write)
            os.close(done)
            return cls(pid, read, gate)
        global _IN_LANE
        _IN_LANE = True
        _exit_with_parent(parent)
        os.close(read)
        os.close(gate)
        try:  # the child: whatever happens, it leaves through os._exit (no atexit, no stdio flush)
            if after is not None:
                os.read(after.gate, 1)  # (nothing is written: it returns when that lane's work is done)
            try:
                payload = pickle.dumps((True, work()), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException as exc:  # a rule failed (RuleError): raised again by the parent
                try:
                    payload = pickle.dumps((False, exc), protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:
                    payload = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
            os.close(done)  # (before a write that waits for the parent to read)
            with os.fdopen(write, "wb") as fh:
                fh.write(payload)
        finally:
            os._exit(0)

    def result(self) -> Any:
        """The child's findings lists; the exception it raised; or a ``ChildProcessError``
        when it died before sending anything (killed, out of memory)."""
        import pickle

        with os.fdopen(self.fd, "rb") as fh:
            payload = fh.read()
        os.close(self.gate)
        _, status = os.waitpid(self.pid, 0)
        try:
            _, value = pickle.loads(payload)  # (our own child's bytes, never read from disk)
        except Exception:
            return ChildProcessError(f"the child process ended with status {os.waitstatus_to_exitcode(status)}")
        return value


# CORPUS-INDEX SEAM
def collect_corpus_states(
    rules: list[CorpusRule], target_docs: dict[str, Document], ctx: RunContext
) -> dict[str, dict[str, Any]]:
    """Map step of corpus rules: ``{rule code: {path: state}}``.

    The default looks only at the documents being checked; the corpus index
    (corpuslint/index.py) extends this to every file under the project root.
    """
    from .index import collect_states  # the on-disk corpus index (SQLite, incremental)

    return collect_states(rules, target_docs, ctx)


def lint_documents(linter: Linter, docs: "Mapping[str, Document]", ctx: RunContext) -> list[Finding]:
    """Map + reduce over documents given in memory (the Python API, ``filter``)."""
    store = DocumentStore()
    return lint_items(linter, list(docs.values()), ctx, store, [])


def lint_items(linter: Linter, items: list, ctx: RunContext, store: DocumentStore,
               problems: list[Finding]) -> list[Finding]:
    """Map + reduce over ``items`` (Sources of plain files, read when mapped, and
    Documents) on the linter's executor. ``store`` is filled with every checked
    document (named, not held, for plain files); read problems go to ``problems``."""
    from .executors import LocalExecutor

    executor = linter.executor or LocalExecutor()
    region_cache = getattr(ctx, "region_cache", None)  # (``index.RegionCache``: the reduce's filter reads it)
    if region_cache is not None:
        store.region_cache = region_cache
    if hasattr(executor, "lint_items"):
        findings = executor.lint_items(linter, items, ctx, store, problems)
    elif hasattr(executor, "map_items"):  # Dask: plain files read on the workers, named in ``store``
        findings = executor.map_items(linter, items, ctx, store, problems)
    else:  # an executor of whole document dicts (Dask): the documents are read here
        docs: dict[str, Document] = {}
        for item in items:
            doc = files.load(item) if isinstance(item, files.Source) else item
            if isinstance(doc, Document):
                docs[doc.path] = doc
            else:
                finding = linter.problem_finding(item, doc)
                if finding is not None:
                    problems.append(finding)
        for doc in docs.values():
            store.hold(doc)
        findings = executor.lint(linter, docs, ctx)
    if region_cache is not None:  # the regions the filter computed or took from the map: for the next run
        region_cache.put(store.new_regions())
    findings = _drop_superseded([f for f in findings if linter.keep(f)], linter.rules)
    return linter.suppressions.apply(findings, store) if linter.suppressions else findings


# Corpus-rule states wait for their reduce in a temporary file (store.StateSpill), not in
# memory (~3x the text; a record's decoded states ~7 KB): the same findings either way.
# With the corpus index too: the index encodes the states the references name
# (``MappedTable.decoded``), and an aggregate's ``LazyStates`` reads them back on access
# (held in memory, a first cached run's map grew 28 -> 459 MB on 100 MB of text, its
# peak 996 MB; records' states: 100 k generated records' were ~700 MB).
SPILL_STATES = True
# The findings of the map and of each corpus rule's reduce wait for the report in a
# temporary file (store.FindingSpill), not in memory, while the later rules reduce: at
# 100 MB of text (bench_scale) the ~85 k findings were ~30 MB of small objects held
# through S101's and S103's reduces, where the run peaks.
SPILL_FINDINGS = True
REDUCE_CHUNK = 2048  # findings a reduce makes before they are filtered and written (``_reduce_rule`` with ``into``)


def map_reduce_local(linter: Linter, items: list, ctx: RunContext, store: DocumentStore,
                     problems: list[Finding]) -> list[Finding]:
    """The local pipeline: stream ``items`` through the map (``map_stream``), keep
    findings, compact states and the documents' names, then reduce."""
    spill = StateSpill() if SPILL_STATES and linter.corpus_rules else None
    try:
        return _map_reduce(linter, items, ctx, store, problems, spill)
    finally:
        if spill is not None:
            spill.close()


def _map_reduce(linter: Linter, items: list, ctx: RunContext, store: DocumentStore, problems: list[Finding],
                spill: StateSpill | None) -> list[Finding]:
    findings: list[Finding] = []
    doc_cache = getattr(ctx, "doc_cache", None)
    state_reader = getattr(ctx, "state_reader", None) if linter.corpus_rules else None
    rows: list = []
    bad: list[str] = []
    tick = linter.progress
    codes = [rule.code for rule in linter.corpus_rules]
    # the states' references by columns when they are spilled (``MappedTable``), else a Collected a document
    collected: "dict[str, Collected] | MappedTable" = (
        MappedTable(codes, store, state_reader, spill) if spill is not None else {})
    at_codes = {code: i for i, code in enumerate(codes)}  # ``Collected.at``, shared
    ats: dict[tuple, dict] = {}  # another order of codes (not expected) -> its own ``Collected.at``
    if state_reader is not None and hasattr(state_reader, "plan_records"):  # unchanged data files: stored states
        state_reader.plan_records(items, [src for src, _ in getattr(ctx, "checked_claimed", ())],
                                  getattr(ctx, "read_key", None))
    records_bad: list[tuple[str, str]] = []  # (data file, why) of invalid stored records states
    at = -1
    streamed: dict[int, list[str]] = {}  # index of a ``_RecordStream`` in ``items`` -> its records' keys
    messages: dict[str, str] = {}  # a finding's message -> the equal one kept before (``_share_messages``)
    keys: list[str] | None = None  # (of the stream being mapped)
    for item, result, problem in map_stream(linter, items, doc_cache, state_reader, spill is None):
        if isinstance(item, _RecordStream):  # its records come next
            at += 1
            keys = streamed[at] = []
            continue
        if keys is not None and not (at + 1 < len(items) and items[at + 1] is item):
            record = True  # one of the stream's records (or a read problem of it)
        else:
            at += 1
            keys, record = None, False
        if tick is not None:
            tick(1)
        if result is None:
            finding = linter.problem_finding(item, problem) if isinstance(item, files.Source) else None
            if finding is not None:
                problems.append(finding)
            continue
        key = result.key
        abspath = item.path if isinstance(item, files.Source) else None
        language = item.language if abspath is not None else None
        if abspath is not None:
            store.add_file(key, abspath, result.content_hash, result.nbytes, result.regions, language, result.starts)
        else:
            store.hold(item)
            # the mapped document (its cached views, the rules' per-document memos keyed
            # weakly by it) is dropped: ``items`` keeps its key (the store holds its text)
            if record:
                keys.append(key)
            else:
                items[at] = key
        if result.findings:
            _share_messages(result.findings, messages)
        linter.keep_findings(key, result.content_hash, result.findings, result.from_disk)
        findings.extend(result.findings)
        if result.cache_bad:
            bad += result.cache_bad
        if result.states_bad:
            records_bad += result.states_bad
        if result.cache_row is not None:
            rows.append(result.cache_row)
            if len(rows) >= 2000:
                doc_cache.put_rows(rows)
                rows = []
        if linter.suppressions is not None and result.inline is not None:
            linter.suppressions.note(key, result.content_hash, result.inline)
        if linter.corpus_rules:
            states = result.states
            if spill is not None:
                spilled: dict[int, Any] = {}  # id(state) -> its reference: a shared state is written once
                several: dict[int, bool] = {}  # id(state) -> held by several rules (only these are counted by ``_Unspill``)
                for state in states.values():
                    several[id(state)] = id(state) in several
                for code, state in states.items():
                    if isinstance(state, str) and state == HIT:  # (the index holds it: resolved by ``Collected.state``)
                        continue
                    if id(state) not in spilled:  # (a worker's blob is written as it came)
                        put = spill.put_blob if isinstance(state, _Blob) else spill.put
                        ref = put(state, code)  # (dict-of-arrays states: by columns, per rule)
                        if several[id(state)] and isinstance(ref, Spilled):
                            ref = ref.as_shared()
                        spilled[id(state)] = ref
                    states[code] = spilled[id(state)]
            if spill is not None:
                collected.add(key, abspath, result.content_hash, result.nbytes, states, language)
                continue
            if list(states) != codes:  # (the map gives every rule's state, in rule order: a tuple)
                order = tuple(states)
                where = ats.get(order)
                if where is None:
                    where = ats[order] = {code: i for i, code in enumerate(order)}
            else:
                where = at_codes
            collected[key] = Collected(key, abspath, result.content_hash, result.nbytes, tuple(states.values()),
                                       state_reader, language, where)
    if spill is not None:
        spill.flush()  # (the states' bytes gathered in memory go to the files before any read or fork)
    end_records = getattr(state_reader, "end_records", None)
    if end_records is not None:
        end_records()
    if streamed:  # the plan names each record mapped, as if it had been read before the map
        items[:] = [key for i, item in enumerate(items) for key in (streamed[i] if i in streamed else (item,))]
    if rows:
        doc_cache.put_rows(rows)
    if bad:
        doc_cache.report_bad(bad)
    if records_bad:  # discarded: the records were collected again, and their rows are written again
        from .index import _warn

        files_bad = sorted({file for file, _ in records_bad})
        more = f" and {len(files_bad) - 1} more" if len(files_bad) > 1 else ""
        _warn(f"corpus index: invalid records states for {files_bad[0]} ({records_bad[0][1]}){more}; "
              "discarded and recomputed")
        ctx.records_bad = set(files_bad)
    if linter.corpus_rules:
        _mapped(linter)
        ctx.record_of = store.record_of
        states = collect_corpus_states(linter.corpus_rules, collected, ctx)
        del collected
        into = FindingSpill() if SPILL_FINDINGS else None
        if into is None:
            findings.extend(linter.reduce(states, store, release=True, spill=spill))
            return findings
        try:  # the map's findings and each reduce's wait in a file while the next rules reduce
            into.extend(findings)
            findings.clear()
            linter.reduce(states, store, release=True, spill=spill, into=into)
            del states
            return into.read([r.code for r in linter.corpus_rules])
        finally:
            into.close()
    return findings


_NO_FINDINGS: tuple = ()
_MESSAGES_MAX = 50_000  # distinct messages ``_share_messages`` keeps (emptied when full)


def _share_messages(found: list[Finding], messages: dict[str, str]) -> None:
    """Each finding's message made the equal one kept in ``messages`` before (values do
    not change), the map's findings being held until the report: a document rule writes
    the same message for many documents (fresh19's 65 k records: Q108's 61,180 "word
    count N is below min 50" are 49 strings, 4.75 MB of copies held as the map's
    temporaries come and go). ``messages`` is emptied at ``_MESSAGES_MAX`` entries."""
    if len(messages) > _MESSAGES_MAX:
        messages.clear()
    setdefault = messages.setdefault
    for f in found:
        f.message = setdefault(f.message, f.message)


def _mapped(linter: Linter) -> None:
    """The map is over: the per-process memos it filled (text normalisation runs, each
    corpus rule's own: ``CorpusRule.mapped``) are emptied, so that the reduces reuse
    their memory instead of adding to it, and the C heap's free memory goes back to the
    system (at 100 MB of text: 159.5 -> 148.8 MB of RSS before the first reduce); from
    here on, the reduces' large arrays are mapped, and unmapped when freed
    (``arrays.fix_mmap_threshold``)."""
    from .arrays import fix_mmap_threshold, trim_heap
    from .text import normalize

    normalize.forget_runs()
    for rule in linter.corpus_rules:
        mapped = getattr(rule, "mapped", None)
        if mapped is not None:
            with rule_errors(rule, "the corpus"):
                mapped()
    trim_heap()
    fix_mmap_threshold()


def _drop_superseded(findings: list[Finding], rules: Mapping[str, Rule]) -> list[Finding]:
    """Drop findings a broader rule already made for the same (file, related file); for
    records, in either direction: D104 orders records by key ("d.jsonl#10" before
    "d.jsonl#2"), D107 by record number, so the two may name a pair the other way round."""
    narrower = {code: rule.superseded_by for code, rule in rules.items() if rule.superseded_by}
    if not narrower:
        return findings
    broad = {c for codes in narrower.values() for c in codes}
    covered = set()
    # chat records copied whole (D107), as clusters: a record reported against the first
    # copy is a copy of every other copy too (49, 102 and 218 alike: D104 on 218's turns
    # pointing at 102's is the same copy)
    parent: dict[tuple[str, str], tuple[str, str]] = {}
    members: set[tuple[str, str]] = set()

    def root(node):
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    for f in findings:
        if f.code in broad and f.related:
            covered.add((f.code, f.key, f.related[0].key))
            if f.related[0].record is not None:
                covered.add((f.code, f.related[0].key, f.key))
                whole = (_example_key(f), _example_key(f.related[0]))  # a chat record: every turn
                if None not in whole and getattr(rules.get(f.code), "whole_record", False):
                    members.update(((f.code, whole[0]), (f.code, whole[1])))
                    a, b = root((f.code, whole[0])), root((f.code, whole[1]))
                    if a != b:
                        parent[a] = b
    if not covered:
        return findings

    def same_record(c: str, f: Finding) -> bool:
        mine, theirs = _example_key(f), _example_key(f.related[0])
        return (c, mine) in members and (c, theirs) in members and root((c, mine)) == root((c, theirs))

    return [
        f for f in findings
        if not (f.code in narrower and f.related
                and any((c, f.key, f.related[0].key) in covered or (members and same_record(c, f))
                        for c in narrower[f.code]))
    ]


def _example_key(where) -> str | None:
    """The key of the whole record a turn belongs to (a turn path names its documents
    ``<record>.<turn>``: ``readers.base.field_records``), for a finding or location of a
    turn; None for any other. D107 reports a chat record copied whole once, at its first
    turn: D104/D105 on its other turns name the same pair of records."""
    record = where.record
    if not isinstance(record, str):
        return None
    head, dot, turn = record.rpartition(".")
    return f"{where.path}#{head}" if dot and head and turn.isdigit() else None


# -- fixes --------------------------------------------------------------------


def fixable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (unsafe or finding.fix.applicability is Applicability.SAFE)


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool,
                defer: frozenset[str] = frozenset()) -> tuple[str, int]:
    """Apply the fixes whose edits overlap no edit already accepted; returns (text, count).

    Fixes are taken in order of their first edit (then code), those of the ``defer``
    codes after all others; a fix is accepted whole or not at all, but for a fix of independent
    edits (``Fix.independent``: W102's no-break spaces of a line), taken as one fix per edit
    (``_fix_parts``) and counted once if one of them applies. Accepted edits are kept sorted, so each candidate edit is compared
    only with its neighbours: O(N log N) for N edits, and the new text is built in one
    pass (40,000 trailing-whitespace fixes in one file cost milliseconds).

    A deferred fix's edit that deletes whole lines (``_line_deletion``) is not refused
    for an accepted edit inside those lines (it is deleted with them: W101's trailing
    spaces on a boilerplate line D106 deletes), for an accepted whole-line deletion it
    overlaps (one deletion of both), nor for an insertion at its end (W106's final
    newline after a last line D106 deletes with the line ending before it): all apply in
    this run, as the next run would have applied them. Any other overlap refuses it.

    A fix this run does not apply (unsafe, without ``unsafe``) still takes its place in
    that order and holds its edits' spans: a safe fix overlapping it is refused too, so
    that no safe fix destroys the evidence of a repair only --unsafe-fixes makes (W102
    turning the no-break space of A105's mojibake «CarrÃ\u00a0mba» into a space, after
    which «Carràmba» can no longer be recovered). A safe fix taken before an unsafe one (its
    first edit earlier) is refused too if another of its edits changes that unsafe fix's span
    (``_Evidence``; not the deferred codes'), in both modes. ``--fix`` thus applies the safe
    part of what ``--fix --unsafe-fixes`` would apply, never an edit it would refuse, but for
    one kind: an unsafe deletion of whole lines reads nothing inside its lines, so without
    ``unsafe`` it holds only their line breaks (``_held_spans``), and a safe edit inside them
    that keeps those (W101's trailing spaces on the line D101 deletes) applies, where
    ``--unsafe-fixes`` deletes it with the lines: the next ``--unsafe-fixes`` leaves the text it
    would have left. A safe fix held for ever by an unsafe one is reported unsafe (``held_back``).

    Safe fixes never glue, split or change words, alone or together: without ``unsafe``,
    the text all the accepted safe fixes leave is compared, around their edits, with the
    text they were given (``_word_changing_fixes``: word tokens, ``text.tokens``), and a set
    of fixes that changes the words there is demoted to unsafe as ``candidates`` order takes
    them: the first ones that keep the words apply, each other one only holds its span (A109
    deleting the bell and W112 the ZERO WIDTH SPACE of «ء\\a\\u200bء», each harmless alone,
    glue «ءء» together: A109's applies, W112's waits for the next pass, which puts a space).
    The document rules' findings come so already (``keeping_words``).
    """
    candidates, whole, accepted, held, owner, applied = _accept(text, findings, unsafe, defer)
    if applied and not unsafe:  # safe fixes that glue, split or change words together: held as unsafe
        demoted = _word_changing_fixes(text, accepted, held, owner)
        if demoted:
            held.update(i for i, rank in owner.items() if rank in demoted)
            applied -= demoted
    count = len({id(whole[rank]) for rank in applied})
    if not count:
        return text, 0
    pieces: list[str] = []
    pos = 0
    for e in accepted:
        if id(e) in held:
            continue
        pieces.append(text[pos : e.start])
        pieces.append(e.replacement)
        pos = e.end
    pieces.append(text[pos:])
    return "".join(pieces), count


def keeping_words(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` (on ``text``) with each safe fix that ``apply_fixes`` would hold for
    changing words together with the others (``_word_changing_fixes``) made unsafe, as it
    is reported and as ``--fix`` treats it; ``findings`` itself when there is none."""
    edits = sorted((e for f in findings if f.fix is not None and f.fix.applicability is Applicability.SAFE
                    for e in f.fix.edits), key=lambda e: (e.start, e.end))
    if not edits:
        return findings
    # (first, over the edits of all safe fixes, whether one may change words at all: W101's
    # trailing spaces cannot, nor can any white space deleted beside white space no edit touches)
    n, last, reach = len(text), len(edits) - 1, -1
    for k, e in enumerate(edits):
        if _judged(text, e, reach, edits[k + 1].start if k < last else n + 1):
            break
        reach = max(reach, e.end)
    else:
        return findings
    candidates, whole, accepted, held, owner, applied = _accept(text, findings, False, frozenset())
    demoted = _word_changing_fixes(text, accepted, held, owner) if applied else ()
    if not demoted:
        return findings
    # (a fix of independent edits stays safe while one of them applies: ``apply_fixes`` holds the others)
    unsafe = {id(whole[rank]) for rank in demoted} - {id(whole[rank]) for rank in applied - demoted}
    if not unsafe:
        return findings
    return [replace(f, fix=f.fix.as_unsafe()) if id(f) in unsafe else f for f in findings]


def held_back(text: str, findings: list[Finding], defer: frozenset[str] = frozenset()) -> list[Finding]:
    """``findings`` (on ``text``) with each safe fix that ``--fix`` never applies made unsafe,
    as reports show it: one refused for the span of an unsafe fix that ``--fix`` leaves as it is
    (``_accept``'s ``waiting``: W102's no-break space inside A105's mojibake «Ã\u00a0») waits
    for ``--unsafe-fixes``, which repairs that span, after which the finding is computed again.
    Shown ``[*]`` and counted fixable, it was "1 fixable" after every ``--fix`` (ruff shows a fix
    only where ``--fix`` applies it). ``findings`` itself when there is none; ``defer``: the
    codes ``apply_fixes`` takes last (the corpus rules', ``fix_document``'s first pass)."""
    waiting: set[int] = set()
    _candidates, whole, _accepted, _held, _owner, applied = _accept(text, findings, False, defer, waiting)
    if not waiting:
        return findings
    # (a fix of independent edits, one of which applies, is applied: the others wait, and the
    # finding computed again after ``--fix`` holds only them)
    demote = {id(whole[rank]) for rank in waiting} - {id(whole[rank]) for rank in applied}
    if not demote:
        return findings
    return [replace(f, fix=f.fix.as_unsafe()) if id(f) in demote else f for f in findings]


def _may_hold_back(findings: list[Finding], defer: frozenset[str]) -> bool:
    """Might ``held_back`` change ``findings`` (of one document)? Only if an edit of a safe fix
    changes the span of an unsafe one taken in order (not ``defer``'s); spans only, no text."""
    safe = sorted((e for f in findings if f.fix is not None and f.fix.applicability is Applicability.SAFE
                   for e in f.fix.edits), key=lambda e: (e.start, e.end))
    if not safe:
        return False
    unsafe = [e for f in findings if f.fix is not None and f.fix.applicability is not Applicability.SAFE
              and f.code not in defer for e in f.fix.edits]
    if not unsafe:
        return False
    spans = _Evidence(unsafe)
    return any(map(spans.changed_by, safe))


def _accept(text: str, findings: Iterable[Finding], unsafe: bool, defer: frozenset[str],
            waiting: "set[int] | None" = None
            ) -> tuple[list[Finding], list[Finding], list[Edit], set[int], dict[int, int], set[int]]:
    """``apply_fixes``' choice of fixes: (the fixes in order, as (code, fix), the finding each comes from, the
    accepted edits sorted, the ids of those only held, the place in that order of each applied
    edit's fix by its id, the places of the fixes that apply). A fix of independent edits
    (``Fix.independent``) is taken as one fix per edit (``_fix_parts``), in its place in the
    order. ``waiting``, if given, receives the places of the safe fixes refused for an unsafe
    fix's span this run holds (``_Evidence``, or a held edit they change)."""
    starts: list[int] = []  # accepted edits, sorted by (start, end); pairwise disjoint
    accepted: list[Edit] = []
    held: set[int] = set()  # ids of accepted edits that only hold their span (unsafe, not applied)
    owner: dict[int, int] = {}  # id of an applied edit -> its fix's place in ``candidates``
    applied: set[int] = set()
    ordered = sorted(_fix_parts(findings), key=lambda p: (p[0] in defer, min(e.start for e in p[1].edits), p[0]))
    candidates = [(code, fix) for code, fix, _ in ordered]
    whole = [finding for _, _, finding in ordered]
    n = len(text)
    evidence = _Evidence(g for code, fix in candidates if fix.applicability is not Applicability.SAFE
                         and code not in defer for e in fix.edits if 0 <= e.start <= e.end <= n
                         for g in ((e,) if unsafe else _held_spans(text, e)))
    for rank, (code, fix) in enumerate(candidates):
        edits = fix.edits
        safe = fix.applicability is Applicability.SAFE
        applies = unsafe or safe
        if any(not 0 <= e.start <= e.end <= n for e in edits) or len(edits) > 1 and _self_overlap(edits):
            continue
        if safe and any(map(evidence.changed_by, edits)):
            if waiting is not None:
                waiting.add(rank)
            continue  # (whatever the order: W102's first edit before A105's «Ã\u00a0», its second inside)
        if any(_clashes(e, starts, accepted, held) for e in edits):
            if waiting is not None and safe and any(
                    _changes_inside(e, a) for e in edits for a in _near(e, starts, accepted) if id(a) in held):
                waiting.add(rank)
            if code not in defer or not applies:
                continue
            absorbed = _absorbed(text, edits, starts, accepted, held)
            if absorbed is None:
                continue
            edits, inside = absorbed
            for i in reversed(inside):  # deleted with the lines that hold them
                del starts[i], accepted[i]
        for e in edits if applies else (g for e in edits for g in _held_spans(text, e)):
            i = bisect_right(starts, e.start)
            while i > 0 and (accepted[i - 1].start, accepted[i - 1].end) > (e.start, e.end):
                i -= 1
            starts.insert(i, e.start)
            accepted.insert(i, e)
            if applies:
                owner[id(e)] = rank
            else:
                held.add(id(e))
        if applies:
            applied.add(rank)
    return candidates, whole, accepted, held, owner, applied


def _fix_parts(findings: Iterable[Finding]) -> Iterator[tuple[str, Fix, Finding]]:
    """(code, fix, the finding it comes from) for each finding with a fix of at least one
    edit: its fix, or for a fix of independent edits (``Fix.independent``: W102's no-break
    spaces of a line) one fix per edit, so that an edit held for another fix's span (A105's
    mojibake «Ã\u00a0», a repeated word S104 deletes) holds only itself."""
    for f in findings:
        fix = f.fix
        if fix is None or not fix.edits:
            continue
        if fix.independent and len(fix.edits) > 1:
            for e in fix.edits:
                yield f.code, Fix((e,), fix.applicability), f
        else:
            yield f.code, fix, f


class _Evidence:
    """The spans of the unsafe fixes' edits (not deferred), which no safe fix may change
    whatever the order of the fixes (``_changes_inside``): a safe fix whose first edit comes
    before such a span, so that it is taken first, would otherwise change the evidence inside
    it (W102's no-break spaces at 3 and 9 of «ء ء\u00a0ء_\x08nÃ\u00a0، » turning the one of
    A105's mojibake «Ã\u00a0» at 8 into a space). Spans are sorted by start, with the greatest
    end so far beside each, so an edit is compared only with the spans that may reach it."""

    def __init__(self, edits: Iterable[Edit]):
        self.spans = sorted(edits, key=lambda e: (e.start, e.end))
        self.starts = [e.start for e in self.spans]
        self.reach = list(accumulate((e.end for e in self.spans), max))

    def changed_by(self, e: Edit) -> bool:
        """Does ``e`` change a character of one of the spans, or insert inside one?"""
        i = bisect_right(self.starts, e.end) - 1
        while i >= 0 and self.reach[i] > e.start:
            if _changes_inside(e, self.spans[i]):
                return True
            i -= 1
        return False


_LINE_BREAK_RE = lazy_re(r"\r\n|[\n\r]")


def _held_spans(text: str, e: Edit) -> tuple[Edit, ...]:
    """What an unsafe edit not applied this run holds (``_accept``): its span, which no safe
    edit may change (the evidence its replacement is made of: A105's mojibake «Ã\u00a0»), or
    for a deletion of whole lines (``_line_deletion``: D101's duplicate line, D103's sentence
    paragraph, a record D107 deletes) only the line breaks inside it. Such a deletion reads
    nothing inside its lines: a safe edit there that leaves every line break as it is (W101's
    trailing spaces) leaves the same lines to delete, and the next ``--unsafe-fixes`` deletes
    them with it; held whole, it kept that edit waiting for ever (fresh29: ``--fix`` printed
    "1 fixable" on every run, the pre-commit hook never settled)."""
    if not _line_deletion(text, e):
        return (e,)
    return tuple(Edit(m.start(), m.end()) for m in _LINE_BREAK_RE.finditer(text, e.start, e.end))


def _clashes(e: Edit, starts: list[int], accepted: list[Edit], held: set[int] = frozenset()) -> bool:
    """Does ``e`` overlap an accepted edit? Accepted edits are disjoint and sorted, so
    only those starting at or before ``e.end`` whose end reaches ``e.start`` can. An
    edit that is only held (``held``: ids of unsafe edits not applied) clashes only with
    an edit that changes a character it reads (``_changes_inside``)."""
    i = bisect_right(starts, e.end) - 1
    while i >= 0:
        a = accepted[i]
        if a.end < e.start:
            return False
        if _changes_inside(e, a) if id(a) in held else _overlaps(e, a):
            return True
        i -= 1
    return False


def _changes_inside(e: Edit, span: Edit) -> bool:
    """Does ``e`` delete or replace a character of ``span``'s text, or insert between
    two of them? (Not an insertion at either end: W106's final newline after a last
    character an unsafe fix would rewrite leaves that fix's evidence whole.)"""
    if e.start == e.end:
        return span.start < e.start < span.end
    return e.start < span.end and span.start < e.end


def _line_deletion(text: str, e: Edit) -> bool:
    """Does ``e`` delete whole lines, so that no two words can meet where it was? Either
    from a line's start to just after a line ending (or the end of the text), or, for
    the last line of a text without a final newline, from the line ending before it to
    the end of the text (``units.remove_span_lines_edit``)."""
    if e.replacement or e.start == e.end:
        return False
    at_line_start = e.start == 0 or text[e.start - 1] in "\n\r"
    if at_line_start and (e.end == len(text) or text[e.end - 1] in "\n\r"):
        return True
    return e.end == len(text) and text[e.start] in "\n\r"


def _absorbed(text: str, edits: tuple[Edit, ...], starts: list[int], accepted: list[Edit],
              held: "set[int] | frozenset[int]" = frozenset()) -> tuple[tuple[Edit, ...], list[int]] | None:
    """A deferred fix's edits as they apply over the accepted edits, and the indices of
    the accepted edits they absorb; None if they clash otherwise. Only a whole-line
    deletion ``e`` (``_line_deletion``) absorbs: an accepted edit inside it goes with its
    lines, and an accepted whole-line deletion that overlaps it is merged into one
    deletion of both (D101 deleting a file's last line, D106 the same line's first copy
    and its line ending); an insertion at its end is kept (it belongs to what follows:
    W106's final newline). An edit that is only held (``held``: ids of the spans of unsafe
    fixes this run does not apply) is never merged: the merged deletion would delete what only
    ``--unsafe-fixes`` deletes (a held CRLF of an empty line, «\r\n», and a safe deletion from
    its «\n» on: the «\r» went too); it clashes unless inside ``e``."""
    out: list[Edit] = []
    gone: set[int] = set()
    for e in edits:
        if not any(_overlaps(e, a) for a in _near(e, starts, accepted)):
            out.append(e)
            continue
        if not _line_deletion(text, e):
            return None
        grown = True
        while grown:
            grown = False
            i = bisect_right(starts, e.end) - 1
            while i >= 0 and accepted[i].end >= e.start:
                a = accepted[i]
                if i not in gone and _overlaps(e, a) and not (a.start == a.end == e.end):
                    if e.start <= a.start and a.end <= e.end:
                        gone.add(i)
                    elif id(a) not in held and _line_deletion(text, a):
                        e = Edit(min(e.start, a.start), max(e.end, a.end))
                        gone.add(i)
                        grown = True
                    else:
                        return None
                i -= 1
        out.append(e)
    merged = tuple(out)
    if _self_overlap(merged):
        return None
    return merged, sorted(gone)


def _near(e: Edit, starts: list[int], accepted: list[Edit]) -> Iterable[Edit]:
    """The accepted edits that may overlap ``e`` (sorted and disjoint: the neighbours)."""
    i = bisect_right(starts, e.end) - 1
    while i >= 0 and accepted[i].end >= e.start:
        yield accepted[i]
        i -= 1


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions: clash on the same point
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def _self_overlap(edits: tuple[Edit, ...]) -> bool:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    return any(_overlaps(x, y) for x, y in zip(ordered, ordered[1:]))


# -- safe fixes keep the words -------------------------------------------------------

# How far (characters) the neighbourhood of an edit reaches when no white space ends it
# first: a word token cut there is cut alike before and after the edits.
_WORD_REACH = 64
_SPACE_RE = lazy_re(r"\s")
_SPACE_BACK_RE = lazy(r"(?r)\s")
# What shows no letter: an ANSI escape sequence, a mIRC colour code and ZERO WIDTH SPACE
# show a word break; the other format characters (LRM, ZWJ, soft hyphen, BOM...) and
# tatweel show nothing (``_shown``)
_SHOWN_RE = lazy(rf"\x1b\[[0-9;?]*[A-Za-z]|{MIRC_COLOUR}|[\p{{Cf}}\u0640]", regex.V1)


def _word_changing_fixes(text: str, accepted: list[Edit], held: set[int], owner: dict[int, int]) -> set[int]:
    """The ranks (``owner`` values) of the safe fixes to demote so that the applied edits
    keep ``text``'s words: in each neighbourhood of judged edits (``_neighbourhoods``)
    whose word tokens the applied edits change (``_keeps_words``), the fixes are taken in
    rank order and each is kept only if the words stay with it and those kept before it.
    Repeated until every neighbourhood keeps its words (a demoted fix's edits elsewhere
    no longer apply, which changes those neighbourhoods). ``accepted``: sorted, disjoint;
    ``held``: ids of edits not applied."""
    demoted: set[int] = set()
    n = len(text)
    while True:
        applied = [e for e in accepted if id(e) not in held and owner[id(e)] not in demoted]
        last = len(applied) - 1
        judged = [_judged(text, e, applied[k - 1].end if k else -1, applied[k + 1].start if k < last else n + 1)
                  for k, e in enumerate(applied)]
        changed = False
        for left, right, lo, hi in _neighbourhoods(text, applied, judged):
            here = [(e, j) for e, j in zip(applied[lo:hi], judged[lo:hi]) if owner[id(e)] not in demoted]
            if _keeps_words(text, left, right, here):
                continue
            changed = True
            ranks = sorted({owner[id(e)] for e, j in here if j})
            kept = {owner[id(e)] for e, _ in here} - set(ranks)  # (fixes with no judged edit here)
            for rank in ranks:
                if _keeps_words(text, left, right, [(e, j) for e, j in here if owner[id(e)] in kept
                                                     or owner[id(e)] == rank]):
                    kept.add(rank)
                else:
                    demoted.add(rank)
        if not changed:
            return demoted


def _judged(text: str, e: Edit, before: int, after: int) -> bool:
    """Must the words around the applied edit ``e`` be compared? Not for an insertion (it
    deletes no word break: W113's space between a word and a number is its purpose), a
    deletion of whole lines (``_line_deletion``), white space becoming white space, nor white
    space deleted beside a white space or end of the text no other edit touches (W101's
    trailing spaces). ``before``: where the previous applied edit ends, ``after``: where the
    next one starts."""
    if e.start == e.end or _line_deletion(text, e):
        return False
    old = text[e.start : e.end]
    if not old.isspace():
        return True
    if e.replacement:
        return not e.replacement.isspace()
    return not ((e.start == 0 or before < e.start and text[e.start - 1].isspace())
                or (e.end == len(text) or after > e.end and text[e.end].isspace()))


def _neighbourhoods(text: str, applied: list[Edit], judged: list[bool]) -> Iterable[tuple[int, int, int, int]]:
    """(left, right, lo, hi): the neighbourhoods ``text[left:right]`` of the judged edits,
    each holding ``applied[lo:hi]``. One reaches from a judged edit to the nearest white
    space no edit touches on each side, at most ``_WORD_REACH`` characters past an edit;
    an applied edit within that reach (no white space between) joins it and it reaches on
    from there. Its ends are in unedited text, so the words outside it are the same before
    and after the edits. ``applied``: sorted, disjoint."""
    n, last = len(text), len(applied) - 1
    i = 0
    while i <= last:
        if not judged[i]:
            i += 1
            continue
        lo = i
        while True:
            start = applied[lo].start
            floor = applied[lo - 1].end if lo else 0
            limit = max(floor, start - _WORD_REACH)
            space = _SPACE_BACK_RE.search(text, limit, start)
            if space is not None or limit > floor or lo == 0:
                left = space.end() if space is not None else limit
                break
            lo -= 1
        hi = i
        while True:
            end = applied[hi].end
            ceiling = applied[hi + 1].start if hi < last else n
            limit = min(ceiling, end + _WORD_REACH)
            space = _SPACE_RE.search(text, end, limit)
            if space is not None or limit < ceiling or hi == last:
                right = space.start() if space is not None else limit
                break
            hi += 1
        yield left, right, lo, hi + 1
        i = hi + 1


def _keeps_words(text: str, left: int, right: int, edits: list[tuple[Edit, bool]]) -> bool:
    """Do the (edit, judged) ``edits`` (sorted, within ``text[left:right]``) keep its words?
    Compares the word tokens of the neighbourhood as it shows (``_shown``) with the judged
    edits' old text (``_old_shows``) and with their replacements; an unjudged edit is
    applied in both. A token is named by the places its first and last characters come
    from (a character of ``text``, or an edit's replacement taken whole) and the edits it
    holds, so a replacement may change the letters of a word (A107's ``&eacute;``, a config
    rule's swap) but two words joined into one (also inside a replacement: «well-being» to
    «wellbeing»), one split in two, or a letter or word deleted differ."""
    return _word_ends(text, left, right, edits, False) == _word_ends(text, left, right, edits, True)


def _word_ends(text: str, left: int, right: int, edits: list[tuple[Edit, bool]], after: bool) -> list[tuple]:
    """(first, last, edits) of each word token of ``text[left:right]``, in order, as it shows with
    ``edits`` applied (``after``) or with the judged ones' old text (see ``_keeps_words``):
    the places of its first and last characters (a character of ``text``: its offset in
    its shown piece plus the piece's start; a character of edit k: -(k + 1)) and the edits
    with a character in it (a deletion of a letter inside a word keeps its ends)."""
    pieces: list[str] = []
    at: list[int] = []  # where each piece starts in the joined text
    base: list[tuple[int, int]] = []  # each piece's place of its first character, and step
    length = 0

    def add(piece: str, first: int, step: int) -> None:
        nonlocal length
        if piece:
            pieces.append(piece)
            at.append(length)
            base.append((first, step))
            length += len(piece)

    pos = left
    for k, (e, judged) in enumerate(edits):
        if pos < e.start:
            add(_shown(text[pos : e.start]), pos, 1)
        add(_old_shows(text[e.start : e.end]) if judged and not after else _shown(e.replacement), -(k + 1), 0)
        pos = e.end
    if pos < right:
        add(_shown(text[pos:right]), pos, 1)
    joined = "".join(pieces)

    def place(i: int) -> int:
        j = bisect_right(at, i) - 1
        first, step = base[j]
        return first + (i - at[j]) * step

    def held(s: int, e: int) -> tuple[int, ...]:  # the edits with a character in joined[s:e]
        j = bisect_right(at, e - 1) - 1
        out = []
        while j >= 0 and at[j] + len(pieces[j]) > s:
            if base[j][1] == 0:
                out.append(base[j][0])
            j -= 1
        return tuple(out)

    return [(place(s), place(e - 1), held(s, e)) for s, e in token_spans(joined)]


def _shown(s: str) -> str:
    """``s`` as its words show: an overstrike the characters it shows
    (``text.controls.show_overstrikes``), escape sequences, mIRC colour codes and ZERO WIDTH
    SPACE a space (a word break), other format characters and tatweel nothing (``_SHOWN_RE``)."""
    if s.isascii() and "\x1b" not in s and "\x03" not in s and "\b" not in s:
        return s
    return _SHOWN_RE.sub(_shown_piece, show_overstrikes(s))


def _shown_piece(m) -> str:
    found = m.group()
    return " " if found == "\u200b" or found[0] in "\x1b\x03" else ""


def _old_shows(old: str) -> str:
    """What the text an edit replaces shows (``_shown``), as its replacement is meant to:
    character references what they decode to (A107), compatibility characters their NFKC
    form (Arabic presentation forms); an overstrike its characters (A109 writes them)."""
    if "&" in old:
        import html

        old = html.unescape(old)
    if not old.isascii():
        old = unicodedata.normalize("NFKC", old)
    return _shown(old)


def _sparing_markup(doc: Document, findings: list[Finding]) -> list[Finding]:
    """``findings`` without those whose fix would delete or rewrite an HTML page's or a
    wikitext page's markup (``readers.html.edits_markup``): tags, templates, links'
    targets are the page's syntax. The duplicate family offers no such fix
    (``units.deletion_fix``); this keeps any other rule's, a plugin's included, from
    breaking a page. Other documents: ``findings`` unchanged."""
    if not findings or (doc.suffix not in HTML_SUFFIXES and not doc.is_wikitext):
        return findings
    from .readers.html import edits_markup

    return [f for f in findings if f.fix is None or not edits_markup(doc, f.fix.edits)]


def _not_suppressed(linter: Linter, doc: Document, found: list[Finding],
                    held: "Mapping[str, int] | None", checked: "Document | None" = None) -> list[Finding]:
    """The findings of ``doc`` (the text of one fix pass) that a fix may touch: those no
    ``.corpuslint-ignore`` entry or inline directive covers (``Suppressions.apply``) and,
    with ``held`` (``baseline.held_for_fixes``: the baseline's findings of this document),
    none the baseline covers (``baseline.not_held``). What the report hides, no fix
    changes (ruff never fixes what ``noqa`` suppresses). ``--ignore`` and
    per-file-ignores: ``Linter.keep``, applied by the caller. ``checked``: the document
    as checked, when ``doc`` is a later pass's text: an ignore-file entry naming lines is
    about the lines as checked (``_original_lines``)."""
    if linter.suppressions:
        lines_of = None
        if (checked is not None and checked.text != doc.text and getattr(doc, "file", None) is None
                and linter.suppressions.lines_pinned(doc.path)):
            lines_of = _original_lines(checked, doc)
        found = linter.suppressions.apply(found, {doc.path: doc}, record=False, lines_of=lines_of)
    if held:
        from .baseline import not_held

        found = not_held(found, doc, linter.config.root, held, linter.rules)
    return found


def _original_lines(checked: Document, current: Document) -> Callable[[Finding], tuple[int, ...]]:
    """For a finding in ``current`` (a fix pass's text of ``checked``), the 1-based numbers
    of the lines of ``checked`` its line comes from (``_line_origins``). A finding is thus
    held by an ignore-file line entry whenever its line may be one the entry names."""
    origin = _line_origins(checked, current)

    def lines_of(finding: Finding) -> tuple[int, ...]:
        return origin[finding.line - 1] if 1 <= finding.line <= len(origin) else (finding.line,)

    return lines_of


def _line_origins(checked: Document, current: Document) -> list[tuple[int, ...]]:
    """For each line of ``current`` (``checked`` after fixes), the 1-based numbers of the
    lines of ``checked`` it comes from: the same line where the fixes kept it or changed it
    in place (a line for a line, ``PatienceMatcher``), every line of a block the fixes
    joined or split (W105 collapsing blank lines), the lines beside an inserted one."""
    old = [checked.line_text(line) for line in checked.lines]
    new = [current.line_text(line) for line in current.lines]
    origin: list[tuple[int, ...]] = [()] * len(new)
    for _tag, i1, i2, j1, j2 in PatienceMatcher(None, old, new, autojunk=False).get_opcodes():
        for j in range(j1, j2):
            if i2 - i1 == j2 - j1:
                origin[j] = (i1 + (j - j1) + 1,)
            elif i1 < i2:
                origin[j] = tuple(range(i1 + 1, i2 + 1))
            else:
                origin[j] = tuple(n for n in (i1, i1 + 1) if 1 <= n <= len(old))
    return origin


def moved_pins(linter: Linter, doc: Document, new_text: str) -> list[str]:
    """Warnings for the ``.corpuslint-ignore`` entries that name lines of ``doc`` by number
    (``Suppressions.pinned_entries``) when ``new_text``, the text --fix writes, moves or
    removes one of those lines: the entry would hold another line in the next run, and a
    later --fix would change what it was written to keep. The entry is not rewritten (the
    ignore file is the user's): the warning says where the line went."""
    entries = linter.suppressions.pinned_entries(doc.path) if linter.suppressions else []
    if not entries:
        return []
    origin = _line_origins(doc, doc.with_text(new_text))
    now = {o[0]: j for j, o in enumerate(origin, 1) if len(o) == 1}
    out = []
    for e in entries:
        lo, hi = e.lines
        went = [(n, now.get(n)) for n in range(lo, hi + 1) if now.get(n) != n]
        if went:
            n, m = went[0]
            where = "removed or joined to another" if m is None else f"now line {m}"
            out.append(f"{e.where_path}:{e.where_line}: names line {n} of {e.path} ({', '.join(e.codes)}), "
                       f"which --fix moved ({where}): update the entry, or pin the findings by "
                       f"fingerprint (check --add-ignore --reason ...)")
    return out


def fix_document(linter: Linter, doc: Document, first: list[Finding], unsafe: bool,
                 held: "Mapping[str, int] | None" = None) -> tuple[str, int]:
    """First pass uses all findings (incl. corpus rules); later passes re-run document
    rules on the edited text until nothing changes (bounded). In every pass the
    suppressed findings and, with ``held`` (``{fingerprint: count}`` of the baselined
    findings of ``doc``, ``baseline.held_for_fixes``), the baselined ones are left as
    they are (``_not_suppressed``).

    Corpus-rule fixes are validated against the document-rule fixes: in the first pass
    (the only one where both refer to the same text) a corpus-rule fix is applied only
    if none of its edits overlaps a document-rule edit, which wins. So an unsafe
    "delete this word" (S101, computed on «إلى\u200bقال» as one token) can never
    override W112 separating the two words; the re-lint after writing reports what
    the corpus rules think of the new text, and only a next --fix applies it. The
    exception is a deletion of whole lines (D106, D104): the edits inside those lines
    go with them and W106's newline after them is kept (``apply_fixes``), so one run
    does what two did."""
    corpus_codes = frozenset(r.code for r in linter.corpus_rules)
    first = _not_suppressed(linter, doc, first, held)
    text, total = apply_fixes(doc.text, _sparing_markup(doc, first), unsafe, defer=corpus_codes)
    for _ in range(MAX_FIX_PASSES):
        current = doc.with_text(text)
        found = [f for f in linter.check_document(current) if linter.keep(f)]
        found = _sparing_markup(current, _not_suppressed(linter, current, found, held, doc))
        new_text, count = apply_fixes(text, found, unsafe)
        if count == 0 or new_text == text:
            break
        text, total = new_text, total + count
    return text, total


# ``check --fix`` fixes documents in worker processes (forked, as the map's) when at least
# this many documents have fixes and ``jobs`` > 1 (a fork costs a few ms; fixing a document,
# a check of it at least) ...
PARALLEL_MIN_FIXES = 16
# ... a task holding about this many characters of text (the documents of at least one file)
FIX_CHUNK_CHARS = 250_000

_FIX_JOB: "tuple[Linter, bool] | None" = None  # (linter, unsafe) of the workers of ``fix_documents``


def _fix_one(linter: Linter, doc: Document, first: list[Finding], unsafe: bool,
             held: "Mapping[str, int] | None" = None) -> tuple[str, int]:
    """``fix_document`` with ``first``, the corpus rules' (and input) findings of ``doc``,
    and its document-rule findings computed now, never taken from the on-disk cache
    (fixes are only ever applied from findings this process computed); ``held``: the
    baseline's findings of ``doc`` the fixes leave (``fix_document``)."""
    return fix_document(linter, doc, first + [f for f in linter.fresh_findings(doc) if linter.keep(f)], unsafe, held)


def _fix_chunk(chunk: list) -> list:
    """``fix_document`` of each (document, first findings, held) of ``chunk``, in a worker:
    (fixed text, fixes applied, the final text's content hash and the document-rule
    findings its last pass computed on it, or None)."""
    assert _FIX_JOB is not None
    linter, unsafe = _FIX_JOB
    out = []
    for doc, first, held in chunk:
        text, count = _fix_one(linter, doc, first, unsafe, held)
        found = None
        if text != doc.text:
            final = doc.with_text(text).content_hash
            found = linter._cached(doc.path, final)
            found = (final, list(found)) if found is not None else None
        out.append((text, count, found))
    return out


def fix_documents(linter: Linter, tasks: Iterable[tuple[Any, Document, list[Finding], Any]],
                  unsafe: bool) -> Iterator[tuple[Any, Document, str, int]]:
    """``fix_document`` of each task ``(tag, document, corpus-rule and input findings,
    the baseline's held findings or None)`` (its document-rule findings computed then:
    ``_fix_one``): ``(tag,
    document, fixed text, fixes applied)``, in the order of ``tasks``, which are read as
    the results are consumed (a few chunks ahead). With ``jobs`` > 1 (a local run) and at
    least PARALLEL_MIN_FIXES tasks, the documents are fixed in ``jobs`` worker processes
    forked from this one (the rules' loaded resources and the map's kept findings are
    inherited); each fixed document's last-pass findings come back into this process's
    ``Linter`` cache, so the re-lint does not check that text again. Raises what a rule
    raises (``RuleError``), as ``fix_document``."""
    jobs = linter._parallel_jobs()
    tasks = iter(tasks)
    head = list(islice(tasks, PARALLEL_MIN_FIXES)) if jobs > 1 else []
    if len(head) < PARALLEL_MIN_FIXES:
        for tag, doc, first, held in chain(head, tasks):
            yield (tag, doc, *_fix_one(linter, doc, first, unsafe, held))
        return
    yield from _parallel_fixes(linter, chain(head, tasks), unsafe, jobs)


def _parallel_fixes(linter: Linter, tasks: Iterator, unsafe: bool, jobs: int):
    global _FIX_JOB

    def chunks():
        chunk, size = [], 0
        for task in tasks:
            chunk.append(task)
            size += len(task[1].text)
            if size >= FIX_CHUNK_CHARS:
                yield chunk
                chunk, size = [], 0
        if chunk:
            yield chunk

    _FIX_JOB = (linter, unsafe)
    try:
        with _fork_pool(jobs) as pool:
            # at most a few chunks in flight per worker: documents read as they are fixed
            for chunk, results in _in_order(chunks(), lambda chunk: pool.submit(_fix_chunk, [t[1:] for t in chunk]),
                                            2 * jobs):
                for (tag, doc, *_), (text, count, found) in zip(chunk, results):
                    if found is not None:
                        linter._cache[(doc.path, found[0])] = found[1]
                    yield tag, doc, text, count
    finally:
        _FIX_JOB = None


# -- runs -----------------------------------------------------------------------


def build_registry(config_paths: Iterable[str] = (".",), *, config_file: str | None = None,
                   table: Mapping[str, Any] | None = None) -> tuple[Config, Registry]:
    """Find and read the config, load plugins (incl. opted-in local ones), let plugins
    configure themselves, then validate every code the config mentions."""
    config_paths = list(config_paths) or ["."]
    source, raw, root = locate_config(config_paths, config_file=config_file, table=table)
    config_dir = os.path.dirname(os.path.abspath(source)) if source else root
    modules, paths = local_plugin_settings(raw, config_dir, source or "config")
    project = project_root(config_paths, source)[0]
    if modules and source and not config_file and not _inside_dir(config_dir, project):
        # plugin code runs only from the project itself (a config above the work tree: settings only)
        print(f"corpuslint: warning: {source}: [plugins] local ignored: the config is outside the project "
              f"root {project}", file=sys.stderr)
        modules, paths = [], []
    registry = load_plugins(local_modules=modules, local_paths=paths)
    cfg = build_config(raw, root=root, source=source, registry=registry)
    cfg.corpus_scope = project_root(config_paths, source)[1]
    configure(registry, cfg)
    validate_codes(cfg, registry.rules)
    return cfg, registry


def _inside_dir(path: str, root: str) -> bool:
    path, root = os.path.realpath(path), os.path.realpath(root)
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def run(paths: list[str], config: Config, registry: Registry, *, executor=None, **options) -> RunResult:
    """``_run`` (below) on ``executor``: an executor, or ``executors.ExecutorSettings`` or
    ``None`` (the ``[executor]`` table of ``config``) for one made and closed here.
    Raises ``executors.ExecutorError`` when the run cannot complete on it."""
    from .executors import ExecutorSettings, for_settings, settings_for

    own = executor is None or isinstance(executor, ExecutorSettings)
    if own:
        executor = for_settings(executor or settings_for(config))
    try:
        return _run(paths, config, registry, executor=executor, **options)
    finally:
        if own:
            executor.close()


def _run(paths: list[str], config: Config, registry: Registry, *, fix: bool = False,
         unsafe_fixes: bool = False, diff: bool = False, stdin: StdinInput | None = None,
         fix_data: bool = False, report_unknown: bool = False, progress=None, executor=None,
         baseline: "list[dict] | None" = None) -> RunResult:
    """Lint ``paths`` (and ``stdin``, never written: its fixed text is in
    ``result.documents[stdin.display]``). ``fix``/``diff`` apply or show fixes to plain
    files; data files' records (JSONL, Parquet) are rewritten only with ``fix_data``
    too. With ``report_unknown``, an explicitly named file nothing can read is F004.
    ``progress`` (optional) is a ``progress.Progress`` shown on stderr. ``baseline``:
    the entries of a baseline file (``baseline.load_entries``) whose findings the fixes
    leave as they are (``baseline.held_for_fixes``); the caller applies it to the
    findings returned (``adoption.after_run``)."""
    from .baseline import Suppressions

    linter = Linter(config, registry)
    linter.suppressions = Suppressions.load(config.root, linter.rules)
    linter.executor = executor
    linter.keep_map_findings = fix or diff  # (read again only by the fixes and the re-lint)
    unread_by_walk: dict[str, int] = {}
    sources = files.discover([p for p in paths if p != "-"] if stdin is not None else paths, config,
                             readers.walk_suffixes(registry.readers), report_unknown=report_unknown,
                             skipped=unread_by_walk)
    ctx = RunContext(
        config=config,
        root=config.root,
        use_cache=config.use_cache and config.corpus_scope != SCOPE_TARGETS,
        # files a reader claims (notebooks, .po) are read by it (their records), not whole as
        # text; those checked in this run are their checked records already; data files are not
        # seen beyond the checked ones
        discover=lambda: _beyond_sources(_corpus_sources(config, sources, registry.readers), sources + (
            [files.Source(os.path.abspath(stdin.display), stdin.display)] if stdin is not None else []),
            registry.readers),
        load=corpus_loader(registry.readers, config),
        read_key=read_key_for(registry.readers, config),
        claimed=(lambda lookup: lambda path: lookup(path) is not None)(readers.reader_lookup(registry.readers)),
    )
    if ctx.use_cache and linter.document_rules:
        from .index import DocumentFindingsCache, cache_dir_for

        cache_dir = cache_dir_for(ctx)
        if cache_dir is not None:
            ctx.doc_cache = DocumentFindingsCache(cache_dir, linter.document_rules, also=linter.rules.values())
    if ctx.use_cache and linter.corpus_rules:
        from .index import RegionCache, StateReader, cache_dir_for

        cache_dir = cache_dir_for(ctx)
        if cache_dir is not None:
            ctx.state_reader = StateReader(cache_dir, linter.corpus_rules, ctx.root)
            ctx.region_cache = RegionCache(cache_dir)  # (the regions a reduce's findings are filtered by)
            # a data file is never read beyond a check, but its records' states are kept for the
            # next check of it (``StateReader.record_state``: an unchanged file's are not collected again)
            ctx.checked_claimed = _checked_claimed(sources, ctx.claimed)
    problems: list[Finding] = []
    writable: set[str] = set()  # documents that are whole files, which fixes may rewrite
    data_files: dict[str, tuple[files.Source, Any, Any]] = {}  # display -> (source, reader, stat when read)
    stdin_docs: list[Document] = []
    if stdin is not None:
        source = files.Source("-", stdin.display, language=config.language_for(stdin.display))
        loaded = readers.read_stdin(source, stdin.data, registry.readers, config)
        if isinstance(loaded, Document):
            writable.add(loaded.path)
            stdin_docs.append(loaded)
        else:
            _add_documents(linter, source, loaded, stdin_docs, problems)
    split = None if (fix or diff) else getattr(executor, "data_parts", None)  # Dask: data files read on the workers
    from .executors import LocalExecutor

    stream = executor is None or type(executor) is LocalExecutor  # (records streamed through the local map)
    items = _read_plan(linter, sources, registry, config, problems, writable, data_files, split, stream) + stdin_docs
    path_of = {s.display: s.path for s in sources}
    if not diff:
        files.clean_stale_temp_files({os.path.dirname(s.path) for s in sources})

    if progress is not None:
        streams = any(isinstance(it, _RecordStream) for it in items)  # (how many records: not known yet)
        linter.progress = progress.phase("checking", None if streams else len(items))
    store = DocumentStore()
    store.beyond = ctx.beyond  # (the records of files beyond the checked ones, named by the corpus index)
    settle = None  # the files as the baseline recorded them: which copy of a duplicate a change made
    if getattr(baseline, "files", None):
        from .baseline import Settled

        ctx.file_hashes = {}
        settle = lambda store: Settled(baseline.files, config.root, store, ctx.file_hashes)  # noqa: E731
        linter.settled = settle(store)
    from .index import cache_dir_for, use_verdicts

    with use_verdicts(cache_dir_for(ctx) if ctx.use_cache else None):  # per-word dictionary verdicts
        findings = lint_items(linter, items, ctx, store, problems)
    if progress is not None:
        progress.close()
        linter.progress = None
    fixed = 0
    diffs: list[str] = []
    if fix or diff:
        held: dict[str, Any] = {}  # document key -> {fingerprint: count} the baseline keeps as it is
        if baseline:
            from .baseline import held_for_fixes

            held = held_for_fixes(baseline, findings, store, config.root, linter.rules,
                                  _checked_displays(sources, linter, stdin))
        by_key: dict[str, list[Finding]] = {}
        for f in findings:
            by_key.setdefault(f.key, []).append(f)
        changed: dict[str, Document] = {}
        record_texts: dict[str, dict[int, str]] = {}  # data file -> {record number: fixed text}
        record_fixes: dict[str, int] = {}
        doc_codes = {r.code for r in linter.document_rules}

        def tasks():
            """(key, document read again, first-pass findings, the baseline's held ones) of each document to fix."""
            for item in items:  # one file at a time, read again (never one that changed since it was checked)
                key = item if isinstance(item, str) else item.display if isinstance(item, files.Source) else item.path
                if not any(fixable(f, unsafe_fixes) for f in by_key.get(key, ())):
                    continue
                doc = store.get(key)
                if doc is None:
                    if key in store and key in path_of:
                        finding = linter.problem_finding(files.Source(path_of[key], key), files.ReadProblem(
                            "not-written", "fix not written: the file changed since it was read (run --fix again)"))
                        if finding is not None:
                            problems.append(finding)
                    continue
                record_file = getattr(doc, "file", None)
                if record_file is not None:
                    entry = data_files.get(record_file)
                    if not (entry is not None and getattr(entry[1], "writable", False)
                            and (fix_data or getattr(entry[1], "source_files", False))):
                        continue  # (a .po catalogue is a source file: fixed with --fix alone)
                elif key not in writable:
                    continue
                # fixes come from findings computed now, never from the on-disk cache
                yield (key, doc, [f for f in by_key[key] if f.code not in doc_codes],  # (+ the document rules': ``_fix_one``)
                       held.get(key))

        for key, doc, new_text, count in fix_documents(linter, tasks(), unsafe_fixes):
            record_file = getattr(doc, "file", None)
            if new_text == doc.text:
                continue
            fixed += count
            if diff and record_file is None:  # (the file's own name, not its escaped display)
                name = files.display_path(path_of[key], printable=False) if key in path_of else key
                if doc.encoding == "utf-8":
                    diffs.append(_unified_diff(name, doc.text, new_text))
                else:  # UTF-16/32: the bytes --fix writes, as a binary patch (text hunks would be UTF-8)
                    diffs.append(_binary_diff(name, files.encode_text(doc.text, doc.encoding),
                                              files.encode_text(new_text, doc.encoding)))
            elif record_file is not None:
                readers.add_fixed_text(record_texts.setdefault(record_file, {}), doc, new_text)
                record_fixes[record_file] = record_fixes.get(record_file, 0) + count
            elif key in path_of:  # standard input is never written
                problem = files.write_fixed(path_of[key], doc.text, new_text, config.root, doc.encoding)  # one transaction per file
                if problem is not None:
                    fixed -= count
                    finding = linter.problem_finding(files.Source(path_of[key], key), problem)
                    if finding is not None:
                        problems.append(finding)
                    continue
                for warning in moved_pins(linter, doc, new_text):
                    print(f"corpuslint: warning: {warning}", file=sys.stderr)
            changed[key] = doc.with_text(new_text)
        for display, texts in record_texts.items():  # one atomic rewrite per data file
            source, reader, stat = data_files[display]
            if diff:  # the whole file as --fix would write it, against the file as it is
                problem = _data_file_diff(display, source, reader, config, texts, diffs)
                if problem is not None:
                    print(f"corpuslint: warning: {display}: no diff: {problem}", file=sys.stderr)
                    fixed -= record_fixes[display]
                continue
            try:
                readers.write_dataset(source.path, reader, source.path, readers.options_for(config, reader.format, source.path),
                                      texts=texts, expect_stat=stat)
            except (readers.FileChangedError, OSError, ValueError) as exc:
                print(f"corpuslint: warning: {display}: fixes not written: {exc}", file=sys.stderr)
                fixed -= record_fixes[display]
                for key in [k for k, d in changed.items() if getattr(d, "file", None) == display]:
                    del changed[key]
        if changed and not diff:
            # the re-lint: files are read again (as written), documents in memory replaced
            # (a mapped document is named by its key: the store holds it)
            items = [item if isinstance(item, files.Source) else (changed[item] if item in changed else store.get(item))
                     if isinstance(item, str) else changed.get(item.path, item) for item in items]
            store = DocumentStore()
            if settle is not None:  # (the files fixed are changed since the baseline now)
                linter.settled = settle(store)
            findings = lint_items(linter, items, ctx, store, [])
    findings = _as_fix_applies(findings, store, frozenset(r.code for r in linter.corpus_rules))
    findings.extend(linter.suppressions.apply(problems, {}))
    findings.extend(linter.suppressions.unused(linter.rules))
    sort_findings(findings)
    unread = {s.display for s in sources} & linter.not_checked.keys()  # (hidden: a warning each, out of scope)
    not_read = {s.display for s in sources} & (linter.unread | linter.not_checked.keys())
    return RunResult(findings, len(sources) + (stdin is not None) - len(not_read), linter.rules, registry, config, fixed,
                     diffs, store, {d: linter.not_checked[d] for d in sorted(unread)},
                     _checked_displays(sources, linter, stdin), unread=unread_by_walk)


def _as_fix_applies(findings: list[Finding], store: "Mapping[str, Document]", defer: frozenset[str]) -> list[Finding]:
    """The findings to report, each safe fix that ``--fix`` would not apply made unsafe
    (``held_back``), so that ``[*]``, the fixable counts and the JSON ``fix`` show what
    ``--fix`` does; only the documents where a safe edit meets an unsafe fix's span are read
    again (``_may_hold_back``)."""
    by_key: dict[str, list[Finding]] = {}
    for f in findings:
        if f.fix is not None and f.fix.edits:
            by_key.setdefault(f.key, []).append(f)
    shown: dict[int, Finding] = {}
    for key, found in by_key.items():
        if not _may_hold_back(found, defer):
            continue
        doc = store.get(key)
        if doc is None:
            continue
        fixed = held_back(doc.text, found, defer)
        if fixed is not found:
            shown.update((id(old), new) for old, new in zip(found, fixed) if new is not old)
    if not shown:
        return findings
    return [shown.get(id(f), f) for f in findings]


def _checked_displays(sources: list[files.Source], linter: Linter, stdin: "StdinInput | None") -> list[str]:
    """``RunResult.checked``: the display paths of the files checked (standard input: its
    display name), without those not read whose F finding is out of scope (``not_checked``)."""
    unread = {s.display for s in sources} & linter.not_checked.keys()
    return [s.display for s in sources if s.display not in unread] + ([stdin.display] if stdin is not None else [])


def _read_plan(linter: Linter, sources: list[files.Source], registry: Registry, config: Config,
               problems: list[Finding], writable: set[str], data_files: dict, split=None,
               stream: bool = False) -> list:
    """What the map step reads, in order: a plain file as its Source (read by whoever
    maps it, then dropped), a data file as its records (Documents), problems reported.
    With ``stream`` (a local run), a data file of ``STREAM_RECORD_BYTES`` or more as a
    ``_RecordStream``: its records are read as the map step reaches them.
    ``split(source, reader, options, start)``: the parts a data file is read in
    elsewhere (``executors.dask.DataPart``, numbered from ``start``) instead, or None."""
    items: list = []
    parts = 0
    reader_of = readers.reader_lookup(registry.readers)
    for source in sources:
        reader = reader_of(source.path)
        if source.problem is None and not source.unknown and reader is None:
            items.append(source)
            writable.add(source.display)
            continue
        if split is not None and source.problem is None and reader is not None:
            found = split(source, reader, readers.options_for(config, reader.format, source.path), parts)
            if found is not None:
                items.extend(found)
                parts += len(found)
                continue
        for src, reader, loaded in readers.iter_sources([source], registry.readers, config):
            if isinstance(loaded, Document):
                items.append(loaded)
                writable.add(loaded.path)
                continue
            stat = None
            if reader is not None and not isinstance(loaded, files.ReadProblem):
                try:
                    stat = data_files[src.display] = (src, reader, os.stat(src.path))
                except OSError:
                    pass
            if stream and stat is not None and stat[2].st_size >= STREAM_RECORD_BYTES:
                items.append(_RecordStream(src, loaded, stat[2].st_size))  # read as the map reaches it
                continue
            _add_documents(linter, src, loaded, items, problems)
    return items


def _add_documents(linter: Linter, source: files.Source, loaded, docs: "dict | list", problems: list) -> None:
    """A reader's documents (records, streamed) and problems (F003, F005 per record)."""
    for item in [loaded] if isinstance(loaded, files.ReadProblem) else loaded:
        if isinstance(item, files.ReadProblem):
            finding = linter.problem_finding(source, item)
            if finding is not None:
                problems.append(finding)
        elif isinstance(docs, list):
            docs.append(item)
        else:
            docs[item.path] = item


def _plain_sources(sources: list, all_readers) -> list:
    """The sources no reader claims (read whole as text)."""
    reader_of = readers.reader_lookup(all_readers)
    return [s for s in sources if reader_of(s.path) is None]


def _checked_claimed(sources: list, claimed: Callable[[str], bool]) -> list:
    """(Source, (size, mtime_ns)) of the checked files a reader claims, their size and
    mtime taken before they are read (the walk's ``lstat``, or a ``stat`` now): the corpus
    index stores their records' states only if the file still has them after the run."""
    out = []
    for src in sources:
        if src.problem is not None or files.is_url(src.path) or not claimed(src.path):
            continue
        st = src.stat
        if st is None:
            try:
                full = os.stat(src.path)
            except OSError:
                continue
            st = (full.st_size, full.st_mtime_ns)
        out.append((src, st))
    return out


def _beyond_sources(sources: list, targets: list, all_readers) -> list:
    """The corpus files corpus rules see besides the checked documents: ``sources`` but
    the checked files a reader claims (their records are checked documents already, under
    their own keys) and every data file (``readers.reads_data_files``: a dataset's shards
    are compared only among the files checked, so a check of one shard reads no other
    one); a checked plain file stays (it is matched by its display path)."""
    reader_of = readers.reader_lookup(all_readers)
    checked = {os.path.normcase(t.path) for t in targets if reader_of(t.path) is not None}
    return [s for s in sources if not readers.reads_data_files(reader_of(s.path))
            and (not checked or os.path.normcase(s.path) not in checked)]


def corpus_loader(all_readers, config: Config) -> Callable[[files.Source], Any]:
    """``RunContext.load``: a corpus file as a check reads it: a Document (read whole as
    text, or by a plugin reader of whole files), a ReadProblem, or the list of its record
    documents (a notebook's cells, a .po file's messages, a dataset's records; their
    read problems are the checked file's, not reported from beyond)."""
    all_readers = list(all_readers)

    def load(source: files.Source):
        for _src, reader, loaded in readers.iter_sources([source], all_readers, config):
            if reader is None or isinstance(loaded, (Document, files.ReadProblem)):
                return loaded
            return [doc for doc in loaded if isinstance(doc, Document)]
        return files.ReadProblem("unreadable", "not read")

    return load


def read_key_for(all_readers, config: Config) -> Callable[[files.Source], "str | None"]:
    """``RunContext.read_key``: for a file a reader claims, a digest of what decides its
    records besides its bytes (the reader, its options for that file, the file's declared
    language), so the corpus index never reuses records read with other settings; None
    for a file read whole as text."""
    reader_of = readers.reader_lookup(all_readers)

    def key(source: files.Source) -> str | None:
        reader = reader_of(source.path)
        if reader is None:
            return None
        fmt = getattr(reader, "format", type(reader).__name__)
        options = readers.options_for(config, fmt, source.path) if hasattr(reader, "format") else None
        text = f"{type(reader).__module__}.{type(reader).__qualname__}|{fmt}|{options!r}|{source.language}"
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()

    return key


def _corpus_sources(config: Config, targets: list[files.Source], all_readers=()) -> list[files.Source]:
    """Every file corpus rules see (see ``config.project_root``): the tree under the root,
    the files directly in it, or, without a usable root, only the checked files; the
    files readers claim are found as a check of the folder finds them (``walk_suffixes``)."""
    if config.corpus_scope == SCOPE_TARGETS:
        return list(targets)
    suffixes = readers.walk_suffixes(all_readers)
    if config.corpus_scope == SCOPE_FOLDER:
        try:
            names = sorted(os.listdir(config.root))
        except OSError:
            return list(targets)
        entries = [os.path.join(config.root, n) for n in names]
        return files.discover([e for e in entries if os.path.isfile(e)], config, suffixes)
    return files.discover([config.root], config, suffixes)


def _data_file_diff(display: str, source: files.Source, reader, config: Config, texts: dict,
                    diffs: list[str]) -> str | None:
    """Append to ``diffs`` the unified diff of data file ``source`` rewritten with the
    records' fixed ``texts`` (written to a temporary copy, exactly as ``--fix`` writes
    it, then compared as text); None, or why there is no text diff (a binary or
    compressed file, e.g. Parquet: fix it with --fix --fix-data)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="corpuslint-diff-") as tmp:
        out = os.path.join(tmp, os.path.basename(source.path))
        try:
            readers.write_dataset(source.path, reader, out, readers.options_for(config, reader.format, source.path),
                                  texts=texts)
            with open(source.path, "rb") as fh:
                old = fh.read()
            with open(out, "rb") as fh:
                new = fh.read()
        except (OSError, ValueError) as exc:
            return str(exc)
    try:
        diffs.append(_unified_diff(display, old.decode("utf-8"), new.decode("utf-8")))
    except UnicodeDecodeError:
        return "not a UTF-8 text file (a binary or compressed format): run --fix --fix-data to write the fixes"
    return None


def _unified_diff(path: str, old: str, new: str, context: int = 3) -> str:
    """One file's fixes as a git-style unified diff that ``git apply`` and ``patch -p1`` accept.

    Patch lines are split at LF only, as git and patch split them: a CRLF line keeps its
    CR as content, and a CR-only file is one patch line (splitting at CR, U+2028 or form
    feed would make hunks that neither tool can apply). A last line without LF is followed
    by ``\\ No newline at end of file``. The ``diff --git`` header says the file is
    modified, so a fix that empties a file is not read as a deletion.
    """
    a, b = _patch_lines(old), _patch_lines(new)
    name = path.replace(os.sep, "/").lstrip("/")  # outside the working folder: relative to / (as git does)
    old_name, new_name = _patch_path("a/" + name), _patch_path("b/" + name)
    tab = "\t" if " " in name else ""  # as git does, so that GNU patch reads names with spaces
    out = [f"diff --git {old_name} {new_name}\n", f"--- {old_name}{tab}\n", f"+++ {new_name}{tab}\n"]
    matcher = PatienceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        out.append(f"@@ -{_hunk_range(group[0][1], group[-1][2])} +{_hunk_range(group[0][3], group[-1][4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(_patch_line(" ", line) for line in a[i1:i2])
                continue
            out.extend(_patch_line("-", line) for line in a[i1:i2])
            out.extend(_patch_line("+", line) for line in b[j1:j2])
    return "".join(out)


def _binary_diff(path: str, old: bytes, new: bytes) -> str:
    """One file's fixes as a ``GIT binary patch`` (a literal of the new bytes) that ``git
    apply`` accepts: for a file not in UTF-8 (UTF-16/32, with its BOM), whose lines a text
    patch, written in UTF-8, would not match (fresh22: ``git apply`` refused the UTF-16 file's
    hunks). The ``index`` line names both blobs in full, as git requires of a binary patch
    (it checks the file against the old one). ``patch -p1`` skips binary patches: apply the
    patch with ``git apply`` (outside a repository too)."""
    name = path.replace(os.sep, "/").lstrip("/")
    old_name, new_name = _patch_path("a/" + name), _patch_path("b/" + name)
    out = [f"diff --git {old_name} {new_name}\n", f"index {_blob_id(old)}..{_blob_id(new)}\n",
           "GIT binary patch\n"]
    for data in (new, old):  # the forward literal, then the reverse one (as git writes them)
        out.append(f"literal {len(data)}\n")
        packed = zlib.compress(data, 9)
        for i in range(0, len(packed), 52):  # git's base85 lines: a length letter, then 52 bytes at most
            chunk = packed[i : i + 52]
            size = len(chunk)
            out.append((chr(ord("A") + size - 1) if size <= 26 else chr(ord("a") + size - 27))
                       + base64.b85encode(chunk, pad=True).decode("ascii") + "\n")
        out.append("\n")
    return "".join(out)


def _blob_id(data: bytes) -> str:
    """The git blob id (SHA-1) of ``data``."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _patch_lines(text: str) -> list[str]:
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _patch_line(mark: str, line: str) -> str:
    return mark + line if line.endswith("\n") else f"{mark}{line}\n\\ No newline at end of file\n"


def _hunk_range(start: int, stop: int) -> str:
    """``start,length`` of a hunk side, 1-based; an empty side names the line before it."""
    length = stop - start
    first = start + 1 if length else start
    return str(first) if length == 1 else f"{first},{length}"


def _patch_path(path: str) -> str:
    """A path as git writes it in a patch header: C-quoted when it holds a quote,
    backslash, control character or tab (spaces and non-ASCII letters stay as they are)."""
    name = path
    if not any(c in name for c in '"\\') and all(32 <= ord(c) < 0xDC80 and c != "\x7f" for c in name):
        return name
    escapes = {'"': '\\"', "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
    body = "".join(
        escapes.get(c) or (c if 32 <= ord(c) < 0xDC80 and c != "\x7f"
                           # a byte of the name that is not UTF-8 (a surrogate escape): the byte
                           else f"\\{ord(c) - 0xDC00 if ord(c) >= 0xDC80 else ord(c):03o}")
        for c in name
    )
    return f'"{body}"'


# -- Python API -----------------------------------------------------------------


def _config_for(config, paths) -> tuple[Config, Registry]:
    if isinstance(config, Config):
        registry = load_plugins()
        configure(registry, config)
        return config, registry
    if config is None:
        return build_registry(paths)
    if isinstance(config, Mapping):
        return build_registry(paths, table=config)
    if isinstance(config, (str, os.PathLike)):
        return build_registry(paths, config_file=os.fspath(config))
    raise ConfigError(f"config must be a dict, a path or a Config, not {type(config).__name__}")


def lint_text(text: str, path: str = "<text>", config=None) -> list[Finding]:
    cfg, registry = _config_for(config, ["."])
    linter = Linter(cfg, registry)
    from .baseline import Suppressions

    linter.suppressions = Suppressions(cfg.root, [], linter.rules)  # inline directives only
    doc = Document(path, text, language=cfg.language_for(path))  # (per-file-language, as for a file)
    ctx = RunContext(cfg, cfg.root, False, discover=lambda: [], load=files.load)
    findings = lint_documents(linter, {path: doc}, ctx)
    findings = _as_fix_applies(findings, {path: doc}, frozenset(r.code for r in linter.corpus_rules))
    return sorted(findings, key=Finding.sort_key)


def lint_records(records: Iterable, text_field: str = "text", id_field: str | None = None,
                 config=None, path: str = "<records>") -> list[Finding]:
    """Lint records in memory: dicts (text in ``text_field``, a dotted path allowed;
    named by ``id_field`` or their 1-based number) or strings. Findings carry
    ``path`` and ``record``; line/column are inside the text. Corpus rules (near-duplicate
    records, D104/D105) compare the records with each other."""
    from .readers.base import ReaderOptions, in_memory_records, unique_records

    cfg, registry = _config_for(config, ["."])
    linter = Linter(cfg, registry)
    docs: dict[str, Document] = {}
    problems: list[Finding] = []
    source = files.Source(path, path)
    configured = readers.options_for(cfg, "jsonl")
    options = ReaderOptions(text_field, id_field, configured.language_field, configured.text_format)
    loaded = unique_records(path, in_memory_records(records, options), id_field is not None, cfg.language_for(path),
                            options.text_format)
    _add_documents(linter, source, (item for _, item in loaded), docs, problems)
    ctx = RunContext(cfg, cfg.root, False, discover=lambda: [], load=files.load)
    findings = _as_fix_applies(lint_documents(linter, docs, ctx), docs, frozenset(r.code for r in linter.corpus_rules))
    return sorted(findings + problems, key=Finding.sort_key)


def lint_paths(paths: Iterable[str], config=None) -> list[Finding]:
    paths = [os.fspath(p) for p in paths]
    cfg, registry = _config_for(config, paths)
    return run(paths, cfg, registry, report_unknown=True).findings
