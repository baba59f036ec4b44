"""The engine: map document work, reduce corpus state, apply fixes.

    sources ──load──▶ Documents ──MAP──▶ document-rule findings      (per document, pure,
                                   └───▶ corpus-rule states          parallel, cacheable)
                      corpus states ──REDUCE──▶ corpus-rule findings (cross-file)
    findings ──fixes──▶ edited texts ──(repeat until stable)──▶ atomic writes

Rules never touch files: they return findings whose fixes are text edits; only
``apply_fixes`` + ``files.write_atomic`` write, and only files that decoded cleanly.
"""

from __future__ import annotations

import difflib
import os
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
from .structure import ALL_REGIONS

MAX_FIX_PASSES = 10
PARALLEL_MIN_DOCS = 64


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

    # -- MAP: one document in, findings out -----------------------------------
    def check_document(self, doc: Document) -> list[Finding]:
        key = (doc.path, doc.content_hash)
        cached = self._cache.get(key)
        if cached is None:
            cached = []
            for rule in self.document_rules:
                cached.extend(_in_checked_regions(rule, doc, rule.check(doc)))
            self._cache[key] = cached
        return cached

    def map_documents(self, docs: list[Document], disk_cache=None) -> list[Finding]:
        """Document rules over ``docs``: from the on-disk cache where the content is
        unchanged, else computed (in worker processes when ``jobs`` > 1 and enough)."""
        hits = disk_cache.get(docs) if disk_cache is not None and self.document_rules else {}
        for doc in docs:
            if doc.path in hits:
                self._cache[(doc.path, doc.content_hash)] = hits[doc.path]
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
            kinds = rule.checked_regions()
            for f in rule.reduce(view):
                doc = documents.get(f.path)
                if kinds == ALL_REGIONS or doc is None or not doc.outside(f.start, f.end, kinds):
                    out.append(f)
        return out

    def problem_finding(self, source: files.Source, problem: files.ReadProblem) -> Finding | None:
        rule = self.rules.get(PROBLEM_RULES[problem.kind].code)
        if rule is None:
            return None
        return Finding(
            code=rule.code, rule=rule.name, family=rule.family, severity=rule.severity,
            message=problem.message, path=source.display, start=0, end=0,
            line=problem.line, column=problem.column, end_line=problem.line, end_column=problem.column,
        )

    def keep(self, finding: Finding) -> bool:
        return not self.config.is_ignored_for(finding.path, finding.code)


def _in_checked_regions(rule: Rule, doc: Document, found: Iterable[Finding]) -> Iterable[Finding]:
    """The findings of ``rule`` that touch a region kind it checks (``Rule.regions``)."""
    kinds = rule.checked_regions()
    if kinds == ALL_REGIONS:
        return found
    return [f for f in found if not doc.outside(f.start, f.end, kinds)]


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


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool) -> tuple[str, int]:
    """Apply the fixes whose edits overlap no edit already accepted; returns (text, count)."""
    accepted: list[Edit] = []
    count = 0
    candidates = sorted(
        (f for f in findings if fixable(f, unsafe)),
        key=lambda f: (min(e.start for e in f.fix.edits), f.code),
    )
    for finding in candidates:
        edits = finding.fix.edits
        if any(_overlaps(e, a) for e in edits for a in accepted) or _self_overlap(edits):
            continue
        accepted.extend(edits)
        count += 1
    for edit in sorted(accepted, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text, count


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions: clash on the same point
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def _self_overlap(edits: tuple[Edit, ...]) -> bool:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    return any(_overlaps(x, y) for x, y in zip(ordered, ordered[1:]))


def fix_document(linter: Linter, doc: Document, first: list[Finding], unsafe: bool) -> tuple[str, int]:
    """First pass uses all findings (incl. corpus rules); later passes re-run document
    rules on the edited text until nothing changes (bounded)."""
    text, total = apply_fixes(doc.text, first, unsafe)
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

        ctx.doc_cache = DocumentFindingsCache(cache_dir_for(ctx), linter.document_rules)
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

    findings = lint_documents(linter, docs, ctx)
    fixed = 0
    diffs: list[str] = []
    if fix or diff:
        by_path: dict[str, list[Finding]] = {}
        for f in findings:
            by_path.setdefault(f.path, []).append(f)
        changed: dict[str, Document] = {}
        for path, doc in docs.items():
            if path not in writable or not any(fixable(f, unsafe_fixes) for f in by_path.get(path, ())):
                continue
            new_text, count = fix_document(linter, doc, by_path[path], unsafe_fixes)
            if new_text == doc.text:
                continue
            fixed += count
            if diff:
                diffs.append(_unified_diff(path, doc.text, new_text))
            else:
                files.write_atomic(path_of[path], new_text)
            changed[path] = Document(path, new_text)
        if changed and not diff:
            docs.update(changed)
            findings = lint_documents(linter, docs, ctx)
    findings.extend(problems)
    findings.sort(key=Finding.sort_key)
    return RunResult(findings, len(sources), linter.rules, registry, config, fixed, diffs, docs)


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
