"""Rule base classes: the two kinds of work the engine schedules.

* ``DocumentRule`` — sees one ``Document``, returns findings. Pure: the result
  depends only on the document text and the rule's options, so the engine may run
  it in any process and cache it by content hash.
* ``CorpusRule`` — sees the whole corpus, in two steps the engine schedules
  separately:

  - **map**: ``collect(doc)`` extracts a small, picklable per-document state
    (fingerprints, signatures, word counts). Pure and cacheable like a document rule;
    the on-disk corpus index stores these states so a pre-commit run over a few
    changed files still sees the rest of the repository.
  - **reduce**: ``reduce(corpus)`` receives every document's state and the set of
    *target* paths (the files actually being checked) and returns findings for
    the targets only, pointing at other files through ``related`` locations.

Every rule class carries its metadata as class attributes and its documentation as
its docstring, with the sections What / Why / Example / Fix safety
(``corpuslint rule CODE`` prints it).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import AbstractSet, Any, ClassVar, Iterable, Mapping, Sequence

import regex

from .document import Document
from .findings import Finding, Severity
from .structure import ALL_REGIONS, TEXT_REGIONS
from .text.lazy_regex import lazy

CODE_RE = lazy(r"^[A-Z]{1,3}[0-9]{3}$")
NAME_RE = lazy(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class Rule:
    code: ClassVar[str]  # stable, e.g. "W101"
    name: ClassVar[str]  # kebab-case, names the problem: "trailing-whitespace"
    family: ClassVar[str]  # whitespace / artifact / duplicate / spelling / ...
    default_severity: ClassVar[Severity] = Severity.WARNING
    default_enabled: ClassVar[bool] = True
    fixable: ClassVar[bool] = False
    # Options a user may set under [tool.corpuslint.rules.CODE]; values are defaults.
    options: ClassVar[Mapping[str, Any]] = {}
    # Region kinds (``corpuslint.structure``: prose, heading, table, code, html,
    # front-matter, link-definition, url, markup) this rule reports in. The engine drops
    # a finding (document or corpus rule) lying wholly in regions of other kinds.
    # ``None`` means TEXT_REGIONS (prose, heading, table), or every kind when the rule
    # sets the older flag ``checks_code = True``. Examples:
    #     regions = ALL_REGIONS                      # bytes-level defects: everywhere
    #     regions = TEXT_REGIONS - {"table"}         # prose and headings, not tables
    regions: ClassVar[frozenset[str] | None] = None
    # Older API, still honoured when ``regions`` is None: True = check every region.
    checks_code: ClassVar[bool] = False
    # Codes of broader rules: when one of them reports the same file against the same
    # related file (e.g. D105 "whole document is a copy"), this rule's finding is
    # redundant and the engine drops it (only if that rule is active and fired).
    superseded_by: ClassVar[tuple[str, ...]] = ()
    # A broader rule whose finding on a chat record (a turn path's ``<record>.<turn>``
    # documents, reported at one turn) is about the whole record: it supersedes the
    # narrower rules' findings on every turn of the same pair of records (D107).
    whole_record: ClassVar[bool] = False
    # The finding is about the whole document (D105): baseline fingerprints then use the
    # code and path only, not the span text, which any edit to the document changes.
    whole_document: ClassVar[bool] = False
    # Checks the file as stored (e.g. its final newline), not the text: skipped for the
    # text fields of data-file records (JSONL, Parquet...), which have no such thing.
    file_level: ClassVar[bool] = False
    # Document kinds (``Document.kinds``, ``structure.DOCUMENT_KINDS``) this rule does not
    # apply to: the engine neither checks nor collects a document of such a kind. E.g.
    #     skip_kinds = structure.MESSAGES  # not software messages (.po strings, catalogues as text)
    #     skip_kinds = frozenset({structure.MESSAGE})  # not one .po string (too short to measure)
    # A rule whose exemption depends on its options may set it per instance in __init__;
    # one whose exemption is partial reads ``doc.kinds`` itself.
    skip_kinds: ClassVar[frozenset[str]] = frozenset()
    # The document kinds this rule applies to, if only some: the engine neither checks nor
    # collects a document holding none of them. None (the default): every kind. E.g.
    #     only_kinds = frozenset({structure.MESSAGE})  # a .po string against its msgid (T101)
    only_kinds: ClassVar[frozenset[str] | None] = None
    # The roles (``Document.role``: "user", "assistant", "system", "tool") of the chat
    # turns this rule applies to, if only some: the engine neither checks nor collects a
    # turn whose role is known and not one of them; a document without a role (a file,
    # a record that does not say) is checked. None (the default): every role. E.g.
    #     only_roles = frozenset({"assistant"})  # a model's refusal, not a user's words (Q113)
    only_roles: ClassVar[frozenset[str] | None] = None
    # Filled in by the plugin manager: the plugin that registered the rule.
    origin: ClassVar[str] = "?"
    # The project's ``per-file-language`` table (glob -> language), set by the engine when
    # there is one: part of the fingerprint, so cached results of files whose declared
    # language changed (a file the cache knows unchanged on disk) are not reused.
    per_file_language: Mapping[str, str | None] = {}
    # The project's ``per-file-options`` for this rule (glob -> options), set by the engine:
    # part of the fingerprint as ``per_file_language`` is.
    per_file_options: Mapping[str, Mapping[str, Any]] = {}

    def __init__(
        self,
        options: Mapping[str, Any] | None = None,
        severity: Severity | None = None,
        root: str = ".",
    ):
        merged = dict(type(self).options)
        merged.update(options or {})
        self.opts: dict[str, Any] = merged  # defaults overlaid with [tool.corpuslint.rules.CODE]
        self.severity: Severity = severity or self.default_severity
        self.root = root  # the config file's folder (else the project root): resolve relative option paths here

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def checked_regions(cls) -> frozenset[str]:
        """The region kinds this rule reports in (see ``regions``)."""
        if cls.regions is not None:
            return frozenset(cls.regions)
        return ALL_REGIONS if cls.checks_code else TEXT_REGIONS

    @classmethod
    def fix_safety(cls) -> str:
        """``safe``, ``unsafe``, ``safe/unsafe`` (depends on the finding) or ``—`` (no fix),
        read from the rule's ``Fix safety:`` documentation (an unsafe fix mentions it)."""
        if not cls.fixable:
            return "—"
        m = regex.search(r"Fix safety:\s*(.*?)(?:\n\s*\n|\Z)", cls.doc(), regex.S)
        text = (m.group(1) if m else "").lower()
        safe = regex.search(r"(?<!un)safe", text) is not None
        unsafe = "unsafe" in text
        if safe and unsafe:
            return "safe/unsafe"
        return "unsafe" if unsafe else "safe" if safe else "—"

    @classmethod
    def kind(cls) -> str:
        if issubclass(cls, CorpusRule):
            return "corpus"
        if issubclass(cls, DocumentRule):
            return "document"
        return "engine"

    @classmethod
    def validate_class(cls) -> None:
        """Raise ValueError if the rule's metadata is malformed (checked at registration)."""
        for attr in ("code", "name", "family"):
            if not isinstance(getattr(cls, attr, None), str):
                raise ValueError(f"rule {cls.__qualname__} has no {attr}")
        if not CODE_RE.match(cls.code):
            raise ValueError(f"rule {cls.__qualname__}: code {cls.code!r} must be letters + 3 digits")
        if not NAME_RE.match(cls.name):
            raise ValueError(f"rule {cls.code}: name {cls.name!r} must be kebab-case")
        if not cls.__doc__:
            raise ValueError(f"rule {cls.code} has no documentation")
        if cls.regions is not None and (
            isinstance(cls.regions, str) or not all(isinstance(k, str) for k in cls.regions)
        ):
            raise ValueError(f"rule {cls.code}: regions must be a set of region kinds, got {cls.regions!r}")
        if isinstance(cls.skip_kinds, str) or not all(isinstance(k, str) for k in cls.skip_kinds):
            raise ValueError(f"rule {cls.code}: skip_kinds must be a set of document kinds, got {cls.skip_kinds!r}")
        if cls.only_kinds is not None and (
            isinstance(cls.only_kinds, str) or not all(isinstance(k, str) for k in cls.only_kinds)
        ):
            raise ValueError(f"rule {cls.code}: only_kinds must be a set of document kinds, got {cls.only_kinds!r}")
        if cls.only_roles is not None and (
            isinstance(cls.only_roles, str) or not all(isinstance(k, str) for k in cls.only_roles)
        ):
            raise ValueError(f"rule {cls.code}: only_roles must be a set of roles, got {cls.only_roles!r}")

    def fingerprint(self) -> str:
        """Identifies rule + options for caches: change either and cached results are stale."""
        items = sorted((k, repr(v)) for k, v in self.opts.items())
        languages = f":languages={sorted(self.per_file_language.items())}" if self.per_file_language else ""
        if self.per_file_options:
            languages += f":per-file={sorted((p, sorted((k, repr(v)) for k, v in o.items())) for p, o in self.per_file_options.items())}"
        return f"{self.code}:{type(self).__module__}.{type(self).__qualname__}:{self.severity.value}:{items}{languages}"


class DocumentRule(Rule):
    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError


@dataclass
class CorpusView:
    """What a corpus rule's reduce step sees."""

    states: dict[str, Any]  # path -> state returned by collect() (None if collect returned None)
    # paths being checked: report findings only on these (a set, or a live view of the
    # documents' keys: ``in``, ``len``, iteration and set operators, never changed by a reduce)
    targets: AbstractSet[str]
    documents: dict[str, Document] = field(default_factory=dict)  # loaded targets, by path
    # What the rule's reduction plan computed across partitions (``CorpusRule.reduction``,
    # corpuslint/reduction.py); None when the reduce sees every state (a local run).
    facts: Any = None
    # The rule's aggregate as kept in the corpus index (``CorpusRule.aggregate``,
    # corpuslint/aggregates.py: ``AggregateView``), or None. When set, ``states`` is a
    # lazy mapping (every document, decoded on access): read the few states you need.
    aggregates: Any = None
    # ``settled(key)``: is the file of the document ``key`` as the run's baseline recorded it
    # (``baseline.Settled``)? None without a baseline that records its files. The cross-file
    # duplicate rules keep a settled file's copy before a changed or new one's (``copy_order``).
    settled: Any = None


class CorpusRule(Rule):
    # How the reduce may be split across machines (executors that spread it: Dask).
    # None (the default, and what a third-party rule gets): the reduce needs every state in
    # one place, so the executor gathers them all to one process. Otherwise a reduction
    # plan (corpuslint/reduction.py) whose ``run(rule, ops, targets)`` computes the
    # cross-document part on the partitions and returns the few states and the ``facts``
    # that ``reduce`` then gets in ``CorpusView.facts``.
    reduction: ClassVar[Any] = None
    # Optional incremental reduce (corpuslint/aggregates.py): an ``aggregates.Aggregate``
    # whose ``postings(rule, state)`` (per-document keys and values) the corpus index
    # keeps up to date by deltas, so a run over a few changed files need not decode every
    # file's state. ``reduce`` then gets ``CorpusView.aggregates`` (counts and holders of
    # keys) when the index is in use, else None; it must give the same findings either
    # way. None (the default, and what a third-party rule gets): every state, as before.
    aggregate: ClassVar[Any] = None
    # True: when the run keeps states in a temporary file until their reduce (--no-cache,
    # ``store.StateSpill``), ``CorpusView.states`` is a read-only mapping that decodes a
    # state on each access (``store.SpilledStates``) instead of a dict of every decoded
    # state held for the whole reduce. For a reduce that reads each state a few times and
    # keeps what it needs (the spelling rules); False (the default): a dict.
    lazy_states: ClassVar[bool] = False

    def collect(self, doc: Document) -> Any:
        """Map step: a picklable summary of ``doc`` (must not keep a reference to it)."""
        raise NotImplementedError

    def collect_batch(self, docs: "Sequence[Document]") -> list[Any]:
        """Map step of many documents at once: ``[self.collect(doc) for doc in docs]`` (the
        default). The engine hands a dataset's records (and a worker's documents) to it in
        batches (``engine.MAP_BATCH`` at most), only those the rule applies to (kinds,
        roles, line length: ``engine.skips``). A rule whose ``collect`` has a fixed cost
        per call (numpy set-up: the duplicate rules' sketches) overrides it to share that
        cost across the batch; it must return, in order, exactly what ``collect`` gives
        each document alone (a rule error names the document by collecting them one by one)."""
        return [self.collect(doc) for doc in docs]

    def reduce(self, corpus: CorpusView) -> Iterable[Finding]:
        """Reduce step: findings for the documents in ``corpus.targets``."""
        raise NotImplementedError

    def mapped(self) -> None:
        """Called once the map step of the run is over, before the first reduce: drop the
        per-process memos this rule's ``collect`` kept for the documents still to come, so
        they are not held through the reduces (a later map, e.g. the re-lint after
        ``--fix``, fills them again). Default: nothing."""

    def release(self) -> None:
        """Called once every corpus rule of the run has reduced: drop what this rule's
        reduce kept for the rules reduced after it (e.g. a table several rules share),
        so it is not held while the findings are reported. Default: nothing."""


class EngineRule(Rule):
    """A rule whose findings the engine itself emits (undecodable, binary, unreadable files)."""
