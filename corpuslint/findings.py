"""Findings, fixes and text edits: what rules return and the engine consumes.

All offsets are code-point offsets into ``Document.text``; line and column numbers
shown to users are 1-based and also counted in code points.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (expected info, warning or error)") from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Applicability(str, Enum):
    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (code-point offsets)."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    """A finding's repair: ``edits`` (disjoint) with one ``applicability``.

    ``independent``: each edit is a repair of its own, so any of them may apply without the
    others (W102 turning each no-break space of a line into a space: one finding a line, one
    edit a character); the engine then takes them one by one (``engine.apply_fixes``), and one
    held for another fix's span (an unsafe fix's evidence) does not hold the rest. False (the
    default): the edits apply together or not at all (a fix that moves a word is a deletion
    and an insertion that mean nothing apart)."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    independent: bool = False

    @classmethod
    def safe(cls, *edits: Edit, independent: bool = False) -> "Fix":
        return cls(tuple(edits), Applicability.SAFE, independent)

    @classmethod
    def unsafe(cls, *edits: Edit, independent: bool = False) -> "Fix":
        return cls(tuple(edits), Applicability.UNSAFE, independent)

    def as_unsafe(self) -> "Fix":
        """The same edits with unsafe applicability (shown ``[*]``, applied by ``--unsafe-fixes`` only)."""
        return Fix(self.edits, Applicability.UNSAFE, self.independent)


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based position in a file, used for ``related`` spans (e.g. the first copy).

    ``record`` names the record of a data file (JSONL line, Parquet row; its id or
    1-based number), ``None`` for a plain file; ``line``/``column`` are then inside the
    record's text field."""

    path: str
    line: int
    column: int
    record: int | str | None = None

    @property
    def key(self) -> str:
        """The document's identity: ``path``, or ``path#record`` for a record."""
        return self.path if self.record is None else f"{self.path}#{self.record}"


def where(path: str, record: int | str | None = None) -> str:
    """How reports name a document: ``path``, or ``path:#record`` for a record of a data
    file (``data.jsonl:#3``, then ``:line:column``); a notebook's cell as ruff names it,
    ``nb.ipynb:cell 3`` (``readers.notebook``)."""
    if record is None:
        return path
    if isinstance(record, str) and record.startswith("cell ") and path.lower().endswith(".ipynb"):
        return f"{path}:{record}"
    return f"{path}:#{record}"


def record_location(loc: Location, documents) -> Location:
    """``loc`` with its file and record named when its ``path`` is a record's key
    (``<file>#<record>``, as corpus rules know documents); ``documents`` is a
    ``DocumentStore`` (asked without reading) or a mapping of keys to documents."""
    if loc.record is not None:
        return loc
    record_of = getattr(documents, "record_of", None)  # a DocumentStore: nothing is read here
    if record_of is not None:
        named = record_of(loc.path)
    else:
        doc = documents.get(loc.path)
        named = (doc.file, doc.record) if getattr(doc, "record", None) is not None else None
    return loc if named is None else Location(named[0], loc.line, loc.column, named[1])


def spread(keys, documents) -> str:
    """How many files the documents ``keys`` lie in, for a message: ``"3 files"``;
    the records (and a record's fields or turns) of one data file are ``"1 file"``.
    ``documents`` as for ``record_location``."""
    n = len({record_location(Location(key, 1, 1), documents).path for key in keys})
    return f"{n} file{'s' if n != 1 else ''}"


@dataclass(slots=True)
class Finding:
    code: str
    rule: str
    family: str
    severity: Severity
    message: str
    path: str
    start: int  # code-point offsets into the document text
    end: int
    line: int = 1  # 1-based, filled from offsets by Document.finding()
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    fix: Fix | None = None
    related: tuple[Location, ...] = field(default_factory=tuple)
    record: int | str | None = None  # a data file's record (id or 1-based number); None for a plain file

    @property
    def key(self) -> str:
        """The document's identity: ``path``, or ``path#record`` for a record."""
        return self.path if self.record is None else f"{self.path}#{self.record}"

    def sort_key(self):
        """Report order: (path, record order, line, column, code); ``sort_findings`` sorts by it."""
        return (self.path, _record_order(self), self.line, self.column, self.code)


def _record_order(f: Finding) -> tuple:
    record = f.record
    return (0, 0, "") if record is None else (1, record, "") if isinstance(record, int) else (1, 0, str(record))


def sort_findings(findings: list[Finding]) -> None:
    """Sort ``findings`` in place by ``Finding.sort_key``, one field at a time (stable
    sorts, the last field first: the same order), so no key tuple is made per finding:
    ``list.sort(key=...)`` holds every key at once, a tuple of five (~80 bytes) for each of
    the ~85 k findings of 100 MB of text (bench_scale): +2.4 MB of RSS at the run's end,
    on top of every finding read back."""
    from operator import attrgetter

    for key in (attrgetter("code"), attrgetter("column"), attrgetter("line"), _record_order, attrgetter("path")):
        findings.sort(key=key)


def share_messages(findings: "Iterable[Finding]") -> None:
    """Make the equal values of ``findings`` one object each (in place; no value, nor
    type, changes): their messages, positions (start, end, line, column, end line and
    column: an int above 256 is an object of its own, 28 bytes), related locations (and
    the tuples of them), and their fixes' offsets and replacements. A corpus rule repeats
    them (S103's 5,335 findings on 10 MB of text have 139 distinct messages, ~240 bytes
    each, and point at the first spelling of a name from every copy), and a run holds
    every finding until it is reported."""
    seen: dict = {}  # value -> its shared object (str, int and Location keys never compare equal)

    def share(value):
        return seen.setdefault(value, value) if type(value) in _SHARED else value

    for f in findings:
        f.message = share(f.message)
        f.start, f.end, f.line, f.column = share(f.start), share(f.end), share(f.line), share(f.column)
        f.end_line, f.end_column = share(f.end_line), share(f.end_column)
        if f.related and type(f.related) is tuple and all(type(r) is Location for r in f.related):
            try:
                related = seen.get(f.related)
                if related is None:
                    related = seen.setdefault(f.related, tuple(_shared_location(r, seen, share) for r in f.related))
            except TypeError:  # (a record that is not hashable)
                related = f.related
            f.related = related
        if f.fix is not None:
            for edit in f.fix.edits:
                _share_fields(edit, ("start", "end", "replacement"), share)


_SHARED = (str, int)  # exact types (not bool, not a numpy integer: one of those is not an int seen before)

_SHARING: "dict | None" = None  # while a corpus rule's reduce runs (``sharing``): value -> its shared object


@contextmanager
def sharing():
    """While open, ``Document.finding`` makes each new finding's message, line and column
    numbers and related locations the equal objects made before in the same scope (as
    ``share_messages`` does after a reduce; not the offsets, nearly all distinct), so a
    duplicate is freed as soon as it is made, not held with every other until the reduce
    returns: S103 writes each of its 54,789 messages at 100 MB of text anew (2,032
    distinct, ~280 bytes each) with a tuple of its related location, and what was freed
    after the reduce stayed as holes in the small-object heap among the findings kept.
    Values never change. Scopes do not nest: an inner one shares with the outer."""
    global _SHARING
    if _SHARING is not None:
        yield
        return
    _SHARING = {}
    try:
        yield
    finally:
        _SHARING = None


def shared(value):
    """``value``, or the equal value (same exact type: str, int, or a tuple of
    ``Location``) seen before in the open ``sharing`` scope; ``value`` itself outside one."""
    seen = _SHARING
    if seen is None:
        return value
    kind = type(value)
    if kind in _SHARED:
        return seen.setdefault(value, value)
    if kind is tuple and value and all(type(r) is Location for r in value):
        try:
            return seen.setdefault(value, value)  # (a str or int key never equals a tuple)
        except TypeError:  # (a record that is not hashable)
            return value
    return value


def _share_fields(obj, names: tuple[str, ...], share) -> None:
    """``obj``'s fields ``names`` set to their shared objects (a frozen dataclass too)."""
    for name in names:
        value = getattr(obj, name)
        shared = share(value)
        if shared is not value:  # an equal value of the same type: the object is unchanged
            object.__setattr__(obj, name, shared)


def _shared_location(loc: Location, seen: dict, share) -> Location:
    """``loc``, or the equal Location seen before; its fields shared (``share_messages``)."""
    try:
        held = seen.setdefault(loc, loc)
    except TypeError:  # (a record that is not hashable)
        return loc
    if held is loc:
        _share_fields(loc, ("path", "line", "column"), share)
    return held
