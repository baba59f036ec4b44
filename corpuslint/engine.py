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
import re
import sys
from bisect import bisect_right
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

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
from .findings import Applicability, Edit, Finding, Location, Severity
from .plugins import Registry, configure, load_plugins
from .rules import CorpusRule, CorpusView, DocumentRule, Rule
from .structure import ALL_REGIONS

MAX_FIX_PASSES = 10
PARALLEL_MIN_DOCS = 64
# Longest line (in characters) that every rule checks. Longer lines are checked only by
# rules of LONG_LINE_FAMILIES (character scans with memory independent of word counts)
# or rules with ``long_line_safe = True``; the others skip the document (one F008 info
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
                root=config.config_dir or config.root,  # relative option paths: the config's folder
            )
        self.document_rules = [r for r in self.rules.values() if isinstance(r, DocumentRule)]
        self.record_rules = [r for r in self.document_rules if not r.file_level]  # for data-file records
        self.corpus_rules = [r for r in self.rules.values() if isinstance(r, CorpusRule)]
        self._cache: dict[tuple[str, str], list[Finding]] = {}
        self._from_disk: set[tuple[str, str]] = set()  # cache keys filled from the on-disk cache
        self.suppressions = None  # baseline.Suppressions: ignore file + inline directives
        self.progress = None  # callable(n) ticked per document checked (progress bar), or None
        self.executor = None  # executors.LocalExecutor (None) or DaskExecutor: runs map and reduce

    def __getstate__(self) -> dict[str, Any]:
        """What an executor ships to its workers (Dask): the rules, not the registry or caches."""
        state = dict(self.__dict__)
        state.update(registry=None, suppressions=None, progress=None, executor=None, _cache={},
                     _from_disk=set())
        return state

    # -- MAP: one document in, findings out -----------------------------------
    def check_document(self, doc: Document) -> list[Finding]:
        key = (doc.path, doc.content_hash)
        cached = self._cache.get(key)
        if cached is None:
            cached = []
            rules = self.record_rules if getattr(doc, "record", None) is not None else self.document_rules
            length, line_no, start = longest_line(doc.text)
            if length > MAX_LINE_CHARS:
                skipped = sorted({r.code for r in rules + self.corpus_rules if not long_line_safe(r)})
                rules = [r for r in rules if long_line_safe(r)]
                note = self.rules.get("F008")
                if skipped and note is not None:
                    cached.append(doc.finding(note, start, start, f"line {line_no} is {length:,} characters long "
                                              f"(limit {MAX_LINE_CHARS:,}): {len(skipped)} rules skipped this document "
                                              f"({', '.join(skipped)})"))
            for rule in rules:
                with rule_errors(rule, doc.path):
                    found = list(rule.check(doc))
                cached.extend(_in_checked_regions(rule, doc, found))
            self._cache[key] = cached
            if self.progress is not None:
                self.progress(1)
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
        if self.progress is not None and len(misses) < len(docs):
            self.progress(len(docs) - len(misses))
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
            with rule_errors(rule, "the corpus"):
                found = list(rule.reduce(view))
            for f in found:
                doc = documents.get(f.key)
                if kinds == ALL_REGIONS or doc is None or not doc.outside(f.start, f.end, kinds):
                    if f.related:  # a related record named by its key: name file and record
                        f.related = tuple(_record_location(r, documents) for r in f.related)
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
            record=problem.record,
        )

    def keep(self, finding: Finding) -> bool:
        return not self.config.is_ignored_for(finding.path, finding.code)


def _in_checked_regions(rule: Rule, doc: Document, found: Iterable[Finding]) -> Iterable[Finding]:
    """The findings of ``rule`` that touch a region kind it checks (``Rule.regions``)."""
    kinds = rule.checked_regions()
    if kinds == ALL_REGIONS:
        return found
    return [f for f in found if not doc.outside(f.start, f.end, kinds)]


def _record_location(loc, documents: Mapping[str, Document]):
    doc = documents.get(loc.path)
    if loc.record is not None or getattr(doc, "record", None) is None:
        return loc
    return Location(doc.file, loc.line, loc.column, doc.record)


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


def _worker_check(item: "tuple[str, str] | Document") -> list[Finding]:
    assert _WORKER is not None
    return _WORKER.check_document(item if isinstance(item, Document) else Document(item[0], item[1]))


def _parallel_map(linter: Linter, docs: list[Document], jobs: int) -> None:
    """Run document rules on ``docs`` in forked workers; results land in the linter's cache."""
    import multiprocessing

    global _WORKER
    _WORKER = linter
    tick, linter.progress = linter.progress, None  # forked workers must not draw
    try:
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            # plain documents travel as (path, text); subclasses (records) pickle themselves
            items = [(d.path, d.text) if type(d) is Document else d for d in docs]
            results = pool.map(_worker_check, items, chunksize=16)
            for doc, found in zip(docs, results):
                linter._cache[(doc.path, doc.content_hash)] = found
                if tick is not None:
                    tick(1)
    finally:
        _WORKER = None
        linter.progress = tick


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
    from .executors import LocalExecutor

    findings = (linter.executor or LocalExecutor()).lint(linter, docs, ctx)  # map + reduce
    findings = _drop_superseded([f for f in findings if linter.keep(f)], linter.rules)
    return linter.suppressions.apply(findings, docs) if linter.suppressions else findings


def _drop_superseded(findings: list[Finding], rules: Mapping[str, Rule]) -> list[Finding]:
    """Drop findings a broader rule already made for the same (file, related file)."""
    narrower = {code: rule.superseded_by for code, rule in rules.items() if rule.superseded_by}
    if not narrower:
        return findings
    broad = {c for codes in narrower.values() for c in codes}
    covered = {(f.code, f.key, f.related[0].key) for f in findings if f.code in broad and f.related}
    if not covered:
        return findings
    return [
        f for f in findings
        if not (f.code in narrower and f.related
                and any((c, f.key, f.related[0].key) in covered for c in narrower[f.code]))
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
        current = doc.with_text(text)
        found = [f for f in linter.check_document(current) if linter.keep(f)]
        if linter.suppressions:
            found = linter.suppressions.apply(found, {doc.path: current}, record=False)
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
         fix_data: bool = False, report_unknown: bool = False, progress=None, executor=None) -> RunResult:
    """Lint ``paths`` (and ``stdin``, never written: its fixed text is in
    ``result.documents[stdin.display]``). ``fix``/``diff`` apply or show fixes to plain
    files; data files' records (JSONL, Parquet) are rewritten only with ``fix_data``
    too. With ``report_unknown``, an explicitly named file nothing can read is F004.
    ``progress`` (optional) is a ``progress.Progress`` shown on stderr."""
    from .baseline import Suppressions

    linter = Linter(config, registry)
    linter.suppressions = Suppressions.load(config.root, linter.rules)
    linter.executor = executor
    sources = files.discover([p for p in paths if p != "-"] if stdin is not None else paths, config,
                             readers.walk_suffixes(registry.readers), report_unknown=report_unknown)
    ctx = RunContext(
        config=config,
        root=config.root,
        use_cache=config.use_cache and config.corpus_scope != SCOPE_TARGETS,
        # files a reader claims (datasets) are not read whole as text into the corpus
        discover=lambda: [s for s in _corpus_sources(config, sources)
                          if readers.reader_for(s.path, registry.readers) is None],
        load=files.load,
    )
    if ctx.use_cache and linter.document_rules:
        from .index import DocumentFindingsCache, cache_dir_for

        cache_dir = cache_dir_for(ctx)
        if cache_dir is not None:
            ctx.doc_cache = DocumentFindingsCache(cache_dir, linter.document_rules, also=linter.rules.values())
    problems: list[Finding] = []
    docs: dict[str, Document] = {}
    writable: set[str] = set()  # documents that are whole files, which fixes may rewrite
    data_files: dict[str, tuple[files.Source, Any, Any]] = {}  # display -> (source, reader, stat when read)
    for source, reader, loaded in readers.iter_sources(sources, registry.readers, config):
        if isinstance(loaded, Document):
            docs[loaded.path] = loaded
            writable.add(loaded.path)
            continue
        if reader is not None and not isinstance(loaded, files.ReadProblem):
            try:
                data_files[source.display] = (source, reader, os.stat(source.path))
            except OSError:
                pass
        _add_documents(linter, source, loaded, docs, problems)
    if stdin is not None:
        source = files.Source("-", stdin.display)
        loaded = readers.read_stdin(source, stdin.data, registry.readers, config)
        if isinstance(loaded, Document):
            docs[loaded.path] = loaded
            writable.add(loaded.path)
        else:
            _add_documents(linter, source, loaded, docs, problems)
    path_of = {s.display: s.path for s in sources}
    if not diff:
        files.clean_stale_temp_files({os.path.dirname(s.path) for s in sources})

    if progress is not None:
        linter.progress = progress.phase("checking", len(docs))
    findings = lint_documents(linter, docs, ctx)
    if progress is not None:
        progress.close()
        linter.progress = None
    fixed = 0
    diffs: list[str] = []
    if fix or diff:
        by_key: dict[str, list[Finding]] = {}
        for f in findings:
            by_key.setdefault(f.key, []).append(f)
        changed: dict[str, Document] = {}
        record_texts: dict[str, dict[int, str]] = {}  # data file -> {record number: fixed text}
        record_fixes: dict[str, int] = {}
        doc_codes = {r.code for r in linter.document_rules}
        plan: list[tuple[str, Document, str, int]] = []  # plain files: written after every fix is computed
        for key, doc in docs.items():
            record_file = getattr(doc, "file", None)
            if record_file is not None:
                entry = data_files.get(record_file)
                if not (fix_data and entry is not None and getattr(entry[1], "writable", False)):
                    continue
            elif key not in writable:
                continue
            if not any(fixable(f, unsafe_fixes) for f in by_key.get(key, ())):
                continue
            # fixes come from findings computed now, never from the on-disk cache
            first = [f for f in by_key[key] if f.code not in doc_codes]
            first += [f for f in linter.fresh_findings(doc) if linter.keep(f)]
            new_text, count = fix_document(linter, doc, first, unsafe_fixes)
            if new_text == doc.text:
                continue
            fixed += count
            if diff:
                diffs.append(_unified_diff(key, doc.text, new_text))
            elif record_file is not None:
                record_texts.setdefault(record_file, {})[doc.number] = new_text
                record_fixes[record_file] = record_fixes.get(record_file, 0) + count
            elif key in path_of:  # standard input is never written
                plan.append((key, doc, new_text, count))
                continue
            changed[key] = doc.with_text(new_text)
        for key, doc, new_text, count in plan:  # one transaction per file (files.write_fixed)
            problem = files.write_fixed(path_of[key], doc.text, new_text, config.root)
            if problem is not None:
                fixed -= count
                finding = linter.problem_finding(files.Source(path_of[key], key), problem)
                if finding is not None:
                    problems.append(finding)
                continue
            changed[key] = doc.with_text(new_text)
        for display, texts in record_texts.items():  # one atomic rewrite per data file
            source, reader, stat = data_files[display]
            try:
                readers.write_dataset(source.path, reader, source.path, readers.options_for(config, reader.format),
                                      texts=texts, expect_stat=stat)
            except (readers.FileChangedError, OSError, ValueError) as exc:
                print(f"corpuslint: warning: {display}: fixes not written: {exc}", file=sys.stderr)
                fixed -= record_fixes[display]
                for key in [k for k, d in changed.items() if getattr(d, "file", None) == display]:
                    del changed[key]
        if changed and not diff:
            docs.update(changed)
            findings = lint_documents(linter, docs, ctx)
    findings.extend(linter.suppressions.apply(problems, {}))
    findings.extend(linter.suppressions.unused(linter.rules))
    findings.sort(key=Finding.sort_key)
    return RunResult(findings, len(sources) + (stdin is not None), linter.rules, registry, config, fixed, diffs, docs)


def _add_documents(linter: Linter, source: files.Source, loaded, docs: dict, problems: list) -> None:
    """A reader's documents (records, streamed) and problems (F003, F005 per record)."""
    for item in [loaded] if isinstance(loaded, files.ReadProblem) else loaded:
        if isinstance(item, files.ReadProblem):
            finding = linter.problem_finding(source, item)
            if finding is not None:
                problems.append(finding)
        else:
            docs[item.path] = item


def _corpus_sources(config: Config, targets: list[files.Source]) -> list[files.Source]:
    """Every file corpus rules see (see ``config.project_root``): the tree under the root,
    the files directly in it, or, without a usable root, only the checked files."""
    if config.corpus_scope == SCOPE_TARGETS:
        return list(targets)
    if config.corpus_scope == SCOPE_FOLDER:
        try:
            names = sorted(os.listdir(config.root))
        except OSError:
            return list(targets)
        entries = [os.path.join(config.root, n) for n in names]
        return files.discover([e for e in entries if os.path.isfile(e)], config)
    return files.discover([config.root], config)


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
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        out.append(f"@@ -{_hunk_range(group[0][1], group[-1][2])} +{_hunk_range(group[0][3], group[-1][4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(_patch_line(" ", line) for line in a[i1:i2])
                continue
            out.extend(_patch_line("-", line) for line in a[i1:i2])
            out.extend(_patch_line("+", line) for line in b[j1:j2])
    return "".join(out)


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
    if not any(c in name for c in '"\\') and all(ord(c) >= 32 and c != "\x7f" for c in name):
        return name
    escapes = {'"': '\\"', "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
    body = "".join(
        escapes.get(c) or (c if ord(c) >= 32 and c != "\x7f" else f"\\{ord(c):03o}") for c in name
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
    doc = Document(path, text)
    ctx = RunContext(cfg, cfg.root, False, discover=lambda: [], load=files.load)
    findings = lint_documents(linter, {path: doc}, ctx)
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
    loaded = unique_records(path, in_memory_records(records, ReaderOptions(text_field, id_field)), id_field is not None)
    _add_documents(linter, source, (item for _, item in loaded), docs, problems)
    ctx = RunContext(cfg, cfg.root, False, discover=lambda: [], load=files.load)
    findings = lint_documents(linter, docs, ctx) + problems
    return sorted(findings, key=Finding.sort_key)


def lint_paths(paths: Iterable[str], config=None) -> list[Finding]:
    paths = [os.fspath(p) for p in paths]
    cfg, registry = _config_for(config, paths)
    return run(paths, cfg, registry, report_unknown=True).findings
