"""The engine: map document work, reduce corpus state, apply fixes.

    sources ──load──▶ Documents ──MAP──▶ document-rule findings      (per document, pure,
                                   └───▶ corpus-rule states          parallel, cacheable)
                      corpus states ──REDUCE──▶ corpus-rule findings (cross-file)
    findings ──fixes──▶ edited texts ──(repeat until stable)──▶ atomic writes

Rules never touch files: they return findings whose fixes are text edits; only
``apply_fixes`` + ``files.write_fixed`` write, and only files that decoded cleanly: every
fix is computed before the first write, and each file is written as a transaction
(temp file + fsync + rename, only over the exact bytes the fix was computed from).
"""

from __future__ import annotations

import difflib
import os
import re
from bisect import bisect_right
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from . import files
from .config import (
    Config,
    ConfigError,
    build_config,
    local_plugin_settings,
    locate_config,
    select_rules,
    validate_codes,
)
from .document import Document
from .families.input import PROBLEM_RULES
from .findings import Applicability, Edit, Finding, Severity
from .plugins import Registry, configure, load_plugins
from .rules import CorpusRule, CorpusView, DocumentRule, Rule

MAX_FIX_PASSES = 10
PARALLEL_MIN_DOCS = 64
# Longest line (in characters) that every rule checks. Longer lines are checked only by
# rules of LONG_LINE_FAMILIES (character scans with memory independent of word counts)
# or rules with ``long_line_safe = True``; the others skip the document (one F006 info
# finding names them), so a 100 MB single line costs a small multiple of its size.
MAX_LINE_CHARS = 1_000_000
LONG_LINE_FAMILIES = frozenset({"whitespace", "input"})
_NEWLINE_RE = re.compile(r"\r\n|\n|\r")


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


def long_line_safe(rule: Rule) -> bool:
    return getattr(rule, "long_line_safe", rule.family in LONG_LINE_FAMILIES)


def skips(rule: Rule, doc: Document) -> bool:
    """Does ``rule`` skip ``doc`` because of a line over MAX_LINE_CHARS?"""
    return not long_line_safe(rule) and longest_line(doc.text)[0] > MAX_LINE_CHARS


@dataclass
class RunContext:
    """What the corpus-state collection step may use (see ``collect_corpus_states``)."""

    config: Config
    root: str
    use_cache: bool
    discover: Callable[[], list[files.Source]]  # every corpus file under the project root
    load: Callable[[files.Source], "Document | files.ReadProblem"]
    doc_cache: Any = None  # index.DocumentFindingsCache when the on-disk cache is on


@dataclass
class RunResult:
    findings: list[Finding]
    files_checked: int
    rules: dict[str, Rule]
    registry: Registry
    config: Config
    fixed: int = 0
    diffs: list[str] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)  # final texts, by display path

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
                root=config.root,
            )
        self.document_rules = [r for r in self.rules.values() if isinstance(r, DocumentRule)]
        self.corpus_rules = [r for r in self.rules.values() if isinstance(r, CorpusRule)]
        self._cache: dict[tuple[str, str], list[Finding]] = {}
        self._from_disk: set[tuple[str, str]] = set()  # cache keys filled from the on-disk cache

    # -- MAP: one document in, findings out -----------------------------------
    def check_document(self, doc: Document) -> list[Finding]:
        key = (doc.path, doc.content_hash)
        cached = self._cache.get(key)
        if cached is None:
            cached = []
            rules = self.document_rules
            length, line_no, start = longest_line(doc.text)
            if length > MAX_LINE_CHARS:
                rules = [r for r in rules if long_line_safe(r)]
                skipped = sorted({r.code for r in self.document_rules + self.corpus_rules if not long_line_safe(r)})
                note = self.rules.get("F006")
                if skipped and note is not None:
                    finding = doc.finding(note, start, start, f"line {line_no} is {length:,} characters long "
                                          f"(limit {MAX_LINE_CHARS:,}): {len(skipped)} rules skipped this document "
                                          f"({', '.join(skipped[:12])}{', ...' if len(skipped) > 12 else ''})")
                    cached.append(finding)
            for rule in rules:
                with rule_errors(rule, doc.path):
                    found = list(rule.check(doc))
                if doc.code_spans and not rule.checks_code:
                    found = [f for f in found if not doc.in_code(f.start, f.end)]
                cached.extend(found)
            self._cache[key] = cached
        return cached

    def fresh_findings(self, doc: Document) -> list[Finding]:
        """Document-rule findings computed now, never taken from the on-disk cache
        (fixes are only ever applied from findings this process computed)."""
        key = (doc.path, doc.content_hash)
        if key in self._from_disk:
            self._from_disk.discard(key)
            self._cache.pop(key, None)
        return self.check_document(doc)

    def map_documents(self, docs: list[Document], disk_cache=None) -> list[Finding]:
        """Document rules over ``docs``: from the on-disk cache where the content is
        unchanged, else computed (in worker processes when ``jobs`` > 1 and enough)."""
        hits = disk_cache.get(docs) if disk_cache is not None and self.document_rules else {}
        for doc in docs:
            if doc.path in hits:
                self._cache[(doc.path, doc.content_hash)] = hits[doc.path]
                self._from_disk.add((doc.path, doc.content_hash))
        misses = [d for d in docs if (d.path, d.content_hash) not in self._cache]
        jobs = self.config.jobs or os.cpu_count() or 1
        if jobs > 1 and len(misses) >= PARALLEL_MIN_DOCS and self.document_rules:
            _parallel_map(self, misses, jobs)
        if disk_cache is not None and misses and self.document_rules:
            disk_cache.put((d, self.check_document(d)) for d in misses)
        out: list[Finding] = []
        for doc in docs:
            out.extend(self.check_document(doc))
        return out

    # -- REDUCE: corpus states in, cross-document findings out -----------------
    def reduce(self, states: Mapping[str, dict[str, Any]], documents: dict[str, Document]) -> list[Finding]:
        out: list[Finding] = []
        for rule in self.corpus_rules:
            view = CorpusView(states=dict(states.get(rule.code, {})), targets=set(documents), documents=documents)
            with rule_errors(rule, "the corpus"):
                found = list(rule.reduce(view))
            for f in found:
                doc = documents.get(f.path)
                if rule.checks_code or doc is None or not doc.in_code(f.start, f.end):
                    out.append(f)
        return out

    def problem_finding(self, source: files.Source, problem: files.ReadProblem) -> Finding | None:
        cls = PROBLEM_RULES[problem.kind]
        rule = self.rules.get(cls.code)
        if rule is None and problem.kind == "not-written" and not any(
                i == "ALL" or cls.code.startswith(i) for i in self.config.ignore):
            # a fix that was not written is reported even under --select W (unless ignored)
            rule = cls(severity=self.config.severity_for(cls.code, cls.default_severity))
        if rule is None:
            return None
        return Finding(
            code=rule.code, rule=rule.name, family=rule.family, severity=rule.severity,
            message=problem.message, path=source.display, start=0, end=0,
            line=problem.line, column=problem.column, end_line=problem.line, end_column=problem.column,
        )

    def keep(self, finding: Finding) -> bool:
        return not self.config.is_ignored_for(finding.path, finding.code)


class RuleError(Exception):
    """A rule raised while checking: the message names the rule, its plugin and the
    document. Exit code 2, one line (a traceback only with --verbose)."""


@contextmanager
def rule_errors(rule: Rule, where: str):
    try:
        yield
    except RuleError:
        raise
    except Exception as exc:
        origin = getattr(rule, "origin", "?")
        raise RuleError(f"rule {rule.code} ({rule.name}, from plugin {origin!r}) failed on {where}: "
                        f"{type(exc).__name__}: {exc}") from exc


# Worker side of the parallel map. With the fork start method the Linter is inherited.
_WORKER: Linter | None = None


def _worker_check(item: tuple[str, str]) -> list[Finding]:
    assert _WORKER is not None
    return _WORKER.check_document(Document(item[0], item[1]))


def _parallel_map(linter: Linter, docs: list[Document], jobs: int) -> None:
    """Run document rules on ``docs`` in forked workers; results land in the linter's cache."""
    import multiprocessing

    global _WORKER
    _WORKER = linter
    try:
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            results = pool.map(_worker_check, [(d.path, d.text) for d in docs], chunksize=16)
            for doc, found in zip(docs, results):
                linter._cache[(doc.path, doc.content_hash)] = found
    finally:
        _WORKER = None


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


def lint_documents(linter: Linter, docs: dict[str, Document], ctx: RunContext) -> list[Finding]:
    findings = linter.map_documents(list(docs.values()), ctx.doc_cache)
    if linter.corpus_rules:
        states = collect_corpus_states(linter.corpus_rules, docs, ctx)
        findings.extend(linter.reduce(states, docs))
    return _drop_superseded([f for f in findings if linter.keep(f)], linter.rules)


def _drop_superseded(findings: list[Finding], rules: Mapping[str, Rule]) -> list[Finding]:
    """Drop findings a broader rule already made for the same (file, related file)."""
    narrower = {code: rule.superseded_by for code, rule in rules.items() if rule.superseded_by}
    if not narrower:
        return findings
    broad = {c for codes in narrower.values() for c in codes}
    covered = {(f.code, f.path, f.related[0].path) for f in findings if f.code in broad and f.related}
    if not covered:
        return findings
    return [
        f for f in findings
        if not (f.code in narrower and f.related
                and any((c, f.path, f.related[0].path) in covered for c in narrower[f.code]))
    ]


# -- fixes --------------------------------------------------------------------


def fixable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (unsafe or finding.fix.applicability is Applicability.SAFE)


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool,
                defer: frozenset[str] = frozenset()) -> tuple[str, int]:
    """Apply the fixes whose edits overlap no edit already accepted; returns (text, count).

    Fixes are taken in order of their first edit (then code), those of the ``defer``
    codes after all others; a fix is accepted whole or not at all. Accepted edits are kept sorted, so each candidate edit is compared
    only with its neighbours: O(N log N) for N edits, and the new text is built in one
    pass (40,000 trailing-whitespace fixes in one file cost milliseconds).
    """
    starts: list[int] = []  # accepted edits, sorted by (start, end); pairwise disjoint
    accepted: list[Edit] = []
    count = 0
    candidates = sorted(
        (f for f in findings if fixable(f, unsafe) and f.fix.edits),
        key=lambda f: (f.code in defer, min(e.start for e in f.fix.edits), f.code),
    )
    n = len(text)
    for finding in candidates:
        edits = finding.fix.edits
        if any(not 0 <= e.start <= e.end <= n for e in edits) or _self_overlap(edits):
            continue
        if any(_clashes(e, starts, accepted) for e in edits):
            continue
        for e in edits:
            i = bisect_right(starts, e.start)
            while i > 0 and (accepted[i - 1].start, accepted[i - 1].end) > (e.start, e.end):
                i -= 1
            starts.insert(i, e.start)
            accepted.insert(i, e)
        count += 1
    if not accepted:
        return text, 0
    pieces: list[str] = []
    pos = 0
    for e in accepted:
        pieces.append(text[pos : e.start])
        pieces.append(e.replacement)
        pos = e.end
    pieces.append(text[pos:])
    return "".join(pieces), count


def _clashes(e: Edit, starts: list[int], accepted: list[Edit]) -> bool:
    """Does ``e`` overlap an accepted edit? Accepted edits are disjoint and sorted, so
    only those starting at or before ``e.end`` whose end reaches ``e.start`` can."""
    i = bisect_right(starts, e.end) - 1
    while i >= 0:
        a = accepted[i]
        if a.end < e.start:
            return False
        if _overlaps(e, a):
            return True
        i -= 1
    return False


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions: clash on the same point
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def _self_overlap(edits: tuple[Edit, ...]) -> bool:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    return any(_overlaps(x, y) for x, y in zip(ordered, ordered[1:]))


def fix_document(linter: Linter, doc: Document, first: list[Finding], unsafe: bool) -> tuple[str, int]:
    """First pass uses all findings (incl. corpus rules); later passes re-run document
    rules on the edited text until nothing changes (bounded).

    Corpus-rule fixes are validated against the document-rule fixes: in the first pass
    (the only one where both refer to the same text) a corpus-rule fix is applied only
    if none of its edits overlaps a document-rule edit, which wins. So an unsafe
    "delete this word" (S101, computed on «إلى\u200bقال» as one token) can never
    override W112 separating the two words; the re-lint after writing reports what
    the corpus rules think of the new text, and only a next --fix applies it."""
    corpus_codes = frozenset(r.code for r in linter.corpus_rules)
    text, total = apply_fixes(doc.text, first, unsafe, defer=corpus_codes)
    for _ in range(MAX_FIX_PASSES):
        current = Document(doc.path, text)
        found = [f for f in linter.check_document(current) if linter.keep(f)]
        new_text, count = apply_fixes(text, found, unsafe)
        if count == 0 or new_text == text:
            break
        text, total = new_text, total + count
    return text, total


# -- runs -----------------------------------------------------------------------


def build_registry(config_paths: Iterable[str] = (".",), *, config_file: str | None = None,
                   table: Mapping[str, Any] | None = None) -> tuple[Config, Registry]:
    """Find and read the config, load plugins (incl. opted-in local ones), let plugins
    configure themselves, then validate every code the config mentions."""
    source, raw, root = locate_config(config_paths, config_file=config_file, table=table)
    modules, paths = local_plugin_settings(raw, root, source or "config")
    registry = load_plugins(local_modules=modules, local_paths=paths)
    cfg = build_config(raw, root=root, source=source, registry=registry)
    configure(registry, cfg)
    validate_codes(cfg, registry.rules)
    return cfg, registry


def run(paths: list[str], config: Config, registry: Registry, *, fix: bool = False,
        unsafe_fixes: bool = False, diff: bool = False) -> RunResult:
    linter = Linter(config, registry)
    extra_suffixes = [s for r in registry.readers for s in getattr(r, "suffixes", ())]
    sources = files.discover(paths, config, extra_suffixes)
    ctx = RunContext(
        config=config,
        root=config.root,
        use_cache=config.use_cache,
        discover=lambda: files.discover([config.root], config),
        load=files.load,
    )
    if config.use_cache and linter.document_rules:
        from .index import DocumentFindingsCache, cache_dir_for

        cache_dir = cache_dir_for(ctx)
        if cache_dir is not None:
            ctx.doc_cache = DocumentFindingsCache(cache_dir, linter.document_rules, also=linter.rules.values())
    problems: list[Finding] = []
    docs: dict[str, Document] = {}
    writable: set[str] = set()  # documents that are whole files, which fixes may rewrite
    for source, loaded in files.iter_documents(sources, registry.readers):
        if isinstance(loaded, files.ReadProblem):
            finding = linter.problem_finding(source, loaded)
            if finding is not None:
                problems.append(finding)
        elif isinstance(loaded, Document):
            docs[loaded.path] = loaded
            writable.add(loaded.path)
        else:  # a plugin reader's documents (JSONL records...): checked, never rewritten
            docs.update((d.path, d) for d in loaded)
    path_of = {s.display: s.path for s in sources}
    if not diff:
        files.clean_stale_temp_files({os.path.dirname(s.path) for s in sources})

    findings = lint_documents(linter, docs, ctx)
    fixed = 0
    diffs: list[str] = []
    if fix or diff:
        plan = plan_fixes(linter, docs, writable, findings, unsafe_fixes)
        changed: dict[str, Document] = {}
        if diff:
            for doc, new_text, count in plan:
                fixed += count
                diffs.append(_unified_diff(doc.path, doc.text, new_text))
        else:
            # every fix is computed before the first write: an error above leaves no file touched
            for doc, new_text, count in plan:
                problem = files.write_fixed(path_of[doc.path], doc.text, new_text, config.root)
                if problem is not None:
                    finding = linter.problem_finding(files.Source(path_of[doc.path], doc.path), problem)
                    if finding is not None:
                        problems.append(finding)
                    continue
                fixed += count
                changed[doc.path] = Document(doc.path, new_text)
        if changed:
            docs.update(changed)
            findings = lint_documents(linter, docs, ctx)
    findings.extend(problems)
    findings.sort(key=Finding.sort_key)
    return RunResult(findings, len(sources), linter.rules, registry, config, fixed, diffs, docs)


def plan_fixes(linter: Linter, docs: Mapping[str, Document], writable: set[str], findings: list[Finding],
               unsafe: bool) -> list[tuple[Document, str, int]]:
    """(document, fixed text, fixes applied) for each whole-file document a fix changes.

    Document-rule findings are recomputed here (never taken from the on-disk cache);
    corpus-rule fixes come from this run's reduce step, computed on the same text."""
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    doc_codes = {r.code for r in linter.document_rules}
    plan = []
    for path, doc in docs.items():
        found = by_path.get(path, ())
        if path not in writable or not any(fixable(f, unsafe) for f in found):
            continue
        first = [f for f in found if f.code not in doc_codes]
        first += [f for f in linter.fresh_findings(doc) if linter.keep(f)]
        new_text, count = fix_document(linter, doc, first, unsafe)
        if new_text != doc.text:
            plan.append((doc, new_text, count))
    return plan


def _unified_diff(path: str, old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{path}", f"b/{path}"
        )
    )


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
    doc = Document(path, text)
    ctx = RunContext(cfg, cfg.root, False, discover=lambda: [], load=files.load)
    findings = lint_documents(linter, {path: doc}, ctx)
    return sorted(findings, key=Finding.sort_key)


def lint_paths(paths: Iterable[str], config=None) -> list[Finding]:
    paths = [os.fspath(p) for p in paths]
    cfg, registry = _config_for(config, paths)
    return run(paths, cfg, registry).findings
