"""Adopting corpuslint on a corpus that already has findings: baselines and suppressions.

* **Fingerprint** — ``fingerprint(finding, doc, root)``: 16 hex digits (BLAKE2b, 8
  bytes) of the rule code, the path relative to the project root, the finding's
  record (when a reader gave it one) and the *normalised* text of the flagged span and
  of its line (NFC, whitespace runs collapsed, stripped). No line or column numbers:
  editing other lines of the file leaves it unchanged. Findings of rules marked
  ``whole_document`` (D105 near-duplicate-document) are keyed by code and path alone.
* **Baseline** — a JSON file (``--write-baseline FILE``) of ``{fingerprint, count}``
  entries; ``--baseline FILE`` (or ``baseline = "…"`` in config) drops findings whose
  fingerprint is in it, at most ``count`` of each (so a *new* copy of an old defect in
  the same file is still reported), and counts the entries that no longer occur. Each
  entry also keeps its content fingerprint (without the path): the entries of a file
  that no longer exists cover the same findings in a file the baseline does not name
  (a file renamed or moved keeps its baseline).
  The baseline also records each checked file's content fingerprint (``files``: path ->
  16 hex digits, ``file_fingerprint``). A run with it knows which files are as they were
  when it was written (``Settled``): the cross-file duplicate rules (D104, D105, D107)
  keep such a file's copy and report the copy in a file changed or added since, in a
  full run as in a pre-commit run over the changed files (path order decides between
  two files both unchanged or both changed; without ``files``, as before).
  Baselines are data: parsed and validated, never executed.
* **Ignore file** — ``.corpuslint-ignore`` at the project root, one entry a line,
  ``# reason`` after it::

      news/a.txt:12-14:W101,A1   # path (or glob) : line or range or * : codes/prefixes
      fingerprint:3f2a9c0d11e4b7a8  # W101 news/a.txt:21 - quoted from the source

  ``corpuslint check --add-ignore --reason "…"`` appends a fingerprint entry for each
  current finding. A line entry holds its line through the passes of one ``--fix`` run;
  when the fixes move or remove that line, ``--fix`` warns (``engine.moved_pins``): the
  entry is the user's to update (a fingerprint entry follows its text).
* **Inline directives** in Markdown and HTML comments::

      <!-- corpuslint: disable=W101,A106 -->   … <!-- corpuslint: enable=W101,A106 -->
      <!-- corpuslint: disable-next-line=A110 -->
      <!-- corpuslint: disable -->   (every rule)

* **U100 unused-suppression** (off by default, like ruff's RUF100) reports ignore-file
  entries and directives that suppressed nothing in a run where their rules ran.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from typing import Collection, Iterable, Mapping

from . import structure
from .config import ConfigError
from .findings import Finding, Severity
from .hookspecs import hookimpl
from .rules import EngineRule
from .text.lazy_regex import lazy

BASELINE_VERSION = 1
IGNORE_FILE = ".corpuslint-ignore"
_FP_RE = lazy(r"^[0-9a-f]{16}$")
_WS_RE = lazy(r"\s+")
_CODE_RE = lazy(r"^(?:ALL|[A-Z]{1,3}[0-9]{0,3})$")
_DIRECTIVE_RE = lazy(
    r"<!--\s*corpuslint:\s*(disable-next-line|disable|enable)\s*(?:=\s*([^>]*?))?\s*-->"
)
DIRECTIVE_SUFFIXES = (".md", ".markdown", ".html", ".htm")


class UnusedSuppression(EngineRule):
    """A suppression (ignore-file entry or inline directive) that suppressed nothing.

    What: Reports `.corpuslint-ignore` entries and `<!-- corpuslint: disable… -->`
    directives that matched no finding in this run, for rules that did run (a
    directive for a rule that was not selected is not judged).
    Why: Suppressions outlive the defects they hid; a stale one will silently hide the
    next real defect at that place. Like ruff's RUF100 (unused-noqa).
    Example: `news/a.txt:21:W101  # NBSP kept on purpose` after the NBSP was removed.
    Fix safety: no fix; delete the entry or directive yourself.
    """

    code = "U100"
    name = "unused-suppression"
    family = "suppression"
    default_severity = Severity.WARNING
    default_enabled = False


@hookimpl
def corpuslint_register_rules():
    return [UnusedSuppression]


# -- fingerprints -------------------------------------------------------------------


def _norm(text: str) -> str:
    return _WS_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def relative_path(path: str, root: str) -> str:
    """``path`` relative to the project root, with ``/`` separators (as stored)."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return rel.replace(os.sep, "/")


def whole_document_codes(rules: Mapping[str, object]) -> frozenset[str]:
    """Codes of the rules whose findings are about a whole document (``whole_document``)."""
    return frozenset(code for code, rule in rules.items() if getattr(rule, "whole_document", False))


def fingerprint(finding: Finding, doc=None, root: str = ".", whole: Collection[str] = (),
                path: str | None = None) -> str:
    """16 hex digits identifying a finding independently of line numbers (see module
    doc); findings of the codes in ``whole`` are keyed by code and path only. ``path``
    replaces the finding's relative path in the key (``""``: the content fingerprint, the
    same in a file renamed)."""
    span = line = ""
    if doc is not None and finding.code not in whole and 0 <= finding.start <= finding.end <= len(doc.text):
        span = doc.text[finding.start : finding.end]
        lines = doc.lines
        if 1 <= finding.line <= len(lines):
            line = doc.line_text(lines[finding.line - 1])
    record = getattr(finding, "record", None)
    rel = relative_path(finding.path, root) if path is None else path
    key = "\x1f".join((finding.code, rel, "" if record is None else str(record),
                       _norm(span), _norm(line)))
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def fingerprints(findings: Iterable[Finding], documents: Mapping[str, object], root: str,
                 rules: Mapping[str, object] | None = None) -> list[str]:
    whole = whole_document_codes(rules or {})
    return [fingerprint(f, documents.get(f.key), root, whole) for f in findings]


# -- baseline -----------------------------------------------------------------------


@dataclass
class BaselineResult:
    kept: list[Finding]
    suppressed: int  # findings matched by the baseline
    stale: int  # baseline occurrences that no longer occur


def write_baseline(path: str, findings: list[Finding], documents: Mapping[str, object], root: str,
                   rules: Mapping[str, object] | None = None, keep: Iterable[dict] = (),
                   files: Mapping[str, str] | None = None) -> int:
    """Write the findings' fingerprints to ``path`` (JSON), with the entries ``keep`` (of
    an earlier baseline, outside this run: ``out_of_scope``) as they were, and ``files``
    (relative path -> ``file_fingerprint``: the files as checked); returns the number of
    entries."""
    entries: dict[str, dict] = {}
    whole = whole_document_codes(rules or {})
    for f, fp in zip(findings, fingerprints(findings, documents, root, rules)):
        entry = entries.get(fp)
        if entry is None:
            entries[fp] = {"fingerprint": fp, "code": f.code, "path": relative_path(f.path, root),
                           "count": 1, "message": f.message[:200]}
            if f.code not in whole:  # (a whole-document finding is its path's: no content to follow)
                entries[fp]["content"] = fingerprint(f, documents.get(f.key), root, whole, path="")
            other = _other_file(f, root)
            if other is not None:  # a pair (a copy and its original): found from the other side too
                entries[fp]["related"] = other
        else:
            entry["count"] += 1
    for entry in keep:
        if entry["fingerprint"] in entries:  # (cannot happen: its path or code was not checked)
            entries[entry["fingerprint"]]["count"] += entry.get("count", 1)
        else:
            entries[entry["fingerprint"]] = dict(entry)
    data = {"version": BASELINE_VERSION, "tool": "corpuslint",
            "findings": sorted(entries.values(), key=lambda e: (str(e.get("path", "")), str(e.get("code", "")),
                                                                 e["fingerprint"]))}
    if files:
        data["files"] = dict(sorted(files.items()))
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    os.replace(tmp, path)
    return len(entries)


class Baseline(dict):
    """``{fingerprint: count}``, and in ``moved`` what follows a renamed file: for each
    entry written with a content fingerprint (the fingerprint without the path),
    ``{fingerprint: (path, content fingerprint)}``; in ``pairs``, for each entry of a copy
    naming its original's file, ``{fingerprint: (code, path, related path)}``."""

    def __init__(self, counts=(), moved: "Mapping[str, tuple[str, str]] | None" = None):
        super().__init__(counts)
        self.moved = dict(moved or {})
        self.pairs: dict[str, tuple[str, str, str]] = {}


def load_baseline(path: str) -> Baseline:
    """``{fingerprint: count}`` (a ``Baseline``) from a baseline file; ConfigError (exit 2)
    if it is not one."""
    return counts(load_entries(path))


def counts(entries: Iterable[dict]) -> Baseline:
    """``{fingerprint: count}`` (a ``Baseline``, with what follows a rename) of baseline
    entries (as ``load_entries`` gives them)."""
    out = Baseline()
    for entry in entries:
        fp = entry["fingerprint"]
        out[fp] = out.get(fp, 0) + entry.get("count", 1)
        content, where = entry.get("content"), entry.get("path")
        if isinstance(content, str) and _FP_RE.match(content) and isinstance(where, str):
            out.moved[fp] = (where, content)
        code, other = entry.get("code"), entry.get("related")
        if isinstance(code, str) and isinstance(where, str) and isinstance(other, str):
            out.pairs[fp] = (code, where, other)
    return out


class Entries(list):
    """A baseline file's entries (``load_entries``) and ``files``: relative path -> the
    file's content fingerprint when the baseline was written (``file_fingerprint``;
    empty for a baseline written before it recorded them)."""

    def __init__(self, entries=(), files: "Mapping[str, str] | None" = None):
        super().__init__(entries)
        self.files = dict(files or {})


def load_entries(path: str) -> Entries:
    """The entries of a baseline file, validated (``fingerprint``: 16 hex digits,
    ``count``: a positive integer; ``code``, ``path``, ``message`` and ``content`` as
    written; ``files``, if there, an object of paths to 16 hex digits); ConfigError
    (exit 2) if it is not one."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise ConfigError(f"baseline {path}: cannot read: {exc.strerror}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"baseline {path}: not JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(
        data.get("findings"), list
    ):
        raise ConfigError(f"baseline {path}: expected {{\"version\": {BASELINE_VERSION}, \"findings\": [...]}}")
    for i, entry in enumerate(data["findings"]):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        count = entry.get("count", 1) if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not _FP_RE.match(fp):
            raise ConfigError(f"baseline {path}: findings[{i}]: 'fingerprint' must be 16 hex digits")
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise ConfigError(f"baseline {path}: findings[{i}]: 'count' must be a positive integer")
    files = data.get("files", {})
    if not isinstance(files, dict) or not all(isinstance(v, str) and _FP_RE.match(v) for v in files.values()):
        raise ConfigError(f"baseline {path}: 'files' must map paths to 16 hex digits")
    return Entries(data["findings"], files)


def out_of_scope(entry: dict, checked: Collection[str], codes: Collection[str], root: str) -> bool:
    """Whether a baseline entry is about something this run did not look at: a file not
    checked in it that still exists (under ``root``), or a rule that did not run. Such
    entries are neither stale nor rewritten (a pre-commit run on the changed files keeps
    the rest of the baseline); a deleted file's entries are in scope (they go away).
    ``checked``: the checked files' paths relative to the root (``relative_path``); an
    entry without ``path`` (hand-written) is always in scope."""
    path = entry.get("path")
    if not isinstance(path, str):
        return False
    if path in checked:
        code = entry.get("code")
        return isinstance(code, str) and code not in codes
    return os.path.lexists(os.path.join(root, path))


# -- which files are as the baseline recorded them -----------------------------------


def file_fingerprint(content_hash: str | None, path: str) -> str | None:
    """16 hex digits of a file's content: a plain file's ``Document.content_hash`` (its
    text and declared language) cut short, else (a data file, whose documents are its
    records; a notebook; standard input: ``content_hash`` None) a digest of the bytes at
    ``path``; None when they cannot be read (not a file)."""
    if content_hash is not None and not content_hash.startswith("R"):  # ("R...": a claimed file's records, index.py)
        return content_hash[:16]
    digest = hashlib.blake2b(digest_size=8)
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def checked_files(checked: Iterable[str], documents: Mapping[str, object], root: str) -> dict[str, str]:
    """``{relative path: file_fingerprint}`` of the files ``checked`` (display paths) as
    this run read them (``documents``: a ``DocumentStore``): what ``--write-baseline``
    records in ``files``."""
    hash_of = getattr(documents, "content_hash", None)
    record_of = getattr(documents, "record_of", None)
    out = {}
    for display in checked:
        plain = hash_of is not None and display in documents and (record_of is None or record_of(display) is None)
        fp = file_fingerprint(hash_of(display) if plain else None, display)
        if fp is not None:
            out[relative_path(display, root)] = fp
    return out


class Settled:
    """``settled(key)``: is the file of the document ``key`` (an engine key: a file, a
    record of a data file, a notebook's cell) as the baseline recorded it (its ``files``,
    by ``file_fingerprint``)? False for a file changed or added since. The cross-file
    duplicate rules keep such a file's copy first (``CorpusView.settled``): the copy
    reported is the one a change made, whichever files the run checks. ``documents``: the
    run's ``DocumentStore`` (the checked documents' hashes and records' files); ``hashes``:
    display path -> content hash of the other corpus files (``index.collect_states`` fills
    it in a run over a few files: ``RunContext.file_hashes``). A file whose content is
    not at hand counts as settled (the order is then the one without a baseline)."""

    def __init__(self, files: Mapping[str, str], root: str, documents: Mapping[str, object],
                 hashes: Mapping[str, str] | None = None):
        self.files, self.root, self.documents = files, root, documents
        self.hashes = {} if hashes is None else hashes
        self._memo: dict[str, bool] = {}

    def __call__(self, key: str) -> bool:
        record_of = getattr(self.documents, "record_of", None)
        named = record_of(key) if record_of is not None else None
        file = key if named is None else named[0]
        known = self._memo.get(file)
        if known is None:
            known = self._memo[file] = self._settled(file, named is not None)
        return known

    def _settled(self, file: str, record: bool) -> bool:
        rel = relative_path(file, self.root)
        was = self.files.get(rel)
        if was is None:
            return False  # added since the baseline was written
        h = None
        if not record:
            h = self.hashes.get(file)
            hash_of = getattr(self.documents, "content_hash", None)
            if h is None and hash_of is not None and file in self.documents:
                h = hash_of(file)
        fp = file_fingerprint(h, os.path.join(self.root, rel))
        return fp is None or fp == was


def _other_file(finding: Finding, root: str) -> str | None:
    """The path (relative to ``root``) of the first ``related`` location of ``finding``
    in another file (a copy's original), or None."""
    for r in finding.related:
        if r.path != finding.path:
            return relative_path(r.path, root)
    return None


def apply_baseline(findings: list[Finding], documents: Mapping[str, object], root: str,
                   baseline: Mapping[str, int], rules: Mapping[str, object] | None = None,
                   pairs: Iterable[dict] = ()) -> BaselineResult:
    """Drop findings the baseline covers (at most ``count`` per fingerprint, in output order).

    A file renamed (``git mv``) keeps its baseline: the entries of a path that no longer
    exists cover, by their content fingerprint (the same finding in the same text, any
    path), the findings of paths the baseline does not name (fresh22: an article moved
    showed its 14 old findings as new). Entries of a baseline written before content
    fingerprints (no ``content``) match by path only.
    A pair seen from its other file: ``pairs`` are the entries of files not checked in
    this run (``out_of_scope``). A run over some files reports a copy in a checked file
    against its original in an unchecked one, where the full run reported the other
    file's copy (fresh23: the full run's D104 on vdir.1 "copies du.1:124", a pre-commit
    run over du.1 reports du.1:124 "copies vdir.1:209"). A finding whose ``related``
    file is the path of such an entry of its code is covered by it when the entry's
    ``related`` names the finding's file, or, for an entry written without
    ``related``, when the two have one content fingerprint (the same text: an exact
    copy). These entries are never stale here (their file was not checked)."""
    left = dict(baseline)
    kept: list[Finding] = []
    unmatched: list[int] = []
    suppressed = 0
    for f, fp in zip(findings, fingerprints(findings, documents, root, rules)):
        if left.get(fp, 0) > 0:
            left[fp] -= 1
            suppressed += 1
        else:
            unmatched.append(len(kept))
            kept.append(f)
    moved = getattr(baseline, "moved", {})
    if unmatched and moved:
        named = {where for where, _content in moved.values()}
        gone: dict[str, list[str]] = {}  # content fingerprint -> entries of vanished paths
        for fp, (where, content) in moved.items():
            if left.get(fp, 0) > 0 and not os.path.lexists(os.path.join(root, where)):
                gone.setdefault(content, []).append(fp)
        whole = whole_document_codes(rules or {})
        dropped = set()
        for i in unmatched if gone else ():
            f = kept[i]
            if f.code in whole or relative_path(f.path, root) in named:
                continue
            fps = [fp for fp in gone.get(fingerprint(f, documents.get(f.key), root, whole, path=""), ()) if left[fp] > 0]
            if fps:
                left[fps[0]] -= 1
                suppressed += 1
                dropped.add(i)
        kept = [f for i, f in enumerate(kept) if i not in dropped]
    kept, turned = _turned_pairs(kept, root, getattr(baseline, "pairs", {}), left)
    suppressed += turned
    mirrored = _pair_counts(pairs)
    if mirrored and kept:
        whole = whole_document_codes(rules or {})
        out = []
        for f in kept:
            other = _other_file(f, root)
            key = None if other is None else (f.code, other, "related", relative_path(f.path, root))
            if key is not None and mirrored.get(key, 0) <= 0:
                key = (f.code, other, "content", fingerprint(f, documents.get(f.key), root, whole, path=""))
            if key is not None and mirrored.get(key, 0) > 0:
                mirrored[key] -= 1
                suppressed += 1
            else:
                out.append(f)
        kept = out
    return BaselineResult(kept, suppressed, sum(left.values()))


def _turned_pairs(kept: list[Finding], root: str, pairs: Mapping[str, tuple[str, str, str]],
                  left: dict[str, int]) -> tuple[list[Finding], int]:
    """``kept`` without the copies an entry of the same pair, reported the other way round
    and not found again (``left``), covers: a finding of code C on file A naming file B
    (``related``) and an entry of C on B naming A. Which copy of a pair is kept follows the
    files' changes since the baseline (``Settled``): an edit elsewhere in the kept copy's
    file turns the pair, and the pair stays baselined. Returns (kept, how many covered)."""
    open_: dict[tuple[str, str, str], list[str]] = {}
    for fp, key in pairs.items():
        if left.get(fp, 0) > 0:
            open_.setdefault(key, []).append(fp)
    if not open_ or not kept:
        return kept, 0
    out, covered = [], 0
    for f in kept:
        other = _other_file(f, root)
        fp = None
        if other is not None:
            fp = next((x for x in open_.get((f.code, other, relative_path(f.path, root)), ()) if left[x] > 0), None)
        if fp is None:
            out.append(f)
        else:
            left[fp] -= 1
            covered += 1
    return out, covered


def apply_entries(entries: list[dict], findings: list[Finding], documents: Mapping[str, object], root: str,
                  rules: Mapping[str, object], checked: Iterable[str]) -> BaselineResult:
    """``apply_baseline`` with the entries of a baseline file (``load_entries``) for a run
    that checked the files ``checked`` (display paths) with the rules ``rules``: the
    entries about them are applied, those of files not checked that still exist serve as
    ``pairs``, the rest (rules not run) are left out (``out_of_scope``)."""
    inside_paths = {relative_path(p, root) for p in checked}
    outside = [out_of_scope(e, inside_paths, rules, root) for e in entries]
    inside = counts(e for e, out in zip(entries, outside) if not out)
    pairs = [e for e, out in zip(entries, outside) if out and e.get("path") not in inside_paths]
    return apply_baseline(findings, documents, root, inside, rules, pairs)


def held_for_fixes(entries: list[dict], findings: list[Finding], documents: Mapping[str, object], root: str,
                   rules: Mapping[str, object], checked: Iterable[str]) -> dict[str, Baseline]:
    """What ``--fix`` and ``--diff`` leave as it is: per document key, ``{fingerprint:
    count}`` of the findings the baseline hides in this run's report (``apply_entries`` on
    ``findings`` in report order, the same choice among identical ones), by fingerprints
    of the text as checked. Only the codes that offer a fix somewhere are looked at (a
    baseline entry only covers findings of its own code). ``not_held`` applies it to each
    fix pass. Like ruff's ``noqa``, which ``--fix`` never overrides: a baseline is findings
    the maintainer accepted for now, not a list of fixes to make."""
    codes = {f.code for f in findings if f.fix is not None}
    ordered = sorted((f for f in findings if f.code in codes), key=Finding.sort_key)
    if not ordered:
        return {}
    kept = {id(f) for f in apply_entries(entries, ordered, documents, root, rules, checked).kept}
    whole = whole_document_codes(rules)
    held: dict[str, Baseline] = {}
    for f in ordered:
        if id(f) not in kept:
            fp = fingerprint(f, documents.get(f.key), root, whole)
            counted = held.setdefault(f.key, Baseline())
            counted[fp] = counted.get(fp, 0) + 1
    return held


def not_held(findings: list[Finding], doc, root: str, held: Mapping[str, int],
             rules: Mapping[str, object]) -> list[Finding]:
    """``findings`` of the document ``doc`` (one fix pass: the text that pass sees) without
    those its ``held`` counts (``held_for_fixes``) cover: at most ``count`` per fingerprint,
    the first in report order (``Finding.sort_key``), the order of ``findings`` kept.
    Each pass is judged afresh on its own text: a fingerprint has no line number and
    normalises whitespace, so a baselined finding an earlier pass moved (lines fixed above
    it, the trailing spaces of its own line removed) is still held; one whose span or line
    a fix did change is no longer the finding the maintainer accepted, and may be fixed."""
    if not held or not findings:
        return findings
    ordered = sorted(findings, key=Finding.sort_key)
    kept = {id(f) for f in apply_baseline(ordered, {doc.path: doc}, root, held, rules).kept}
    return [f for f in findings if id(f) in kept]


def _pair_counts(entries: Iterable[dict]) -> dict[tuple[str, str, str, str], int]:
    """``{(code, path, "related", related path) or (code, path, "content", content
    fingerprint): count}`` of baseline entries (``apply_baseline``'s ``pairs``): by the
    file an entry's finding related to, or by its content when it names none."""
    out: dict[tuple[str, str, str, str], int] = {}
    for e in entries:
        code, path, count = e.get("code"), e.get("path"), e.get("count", 1)
        other, content = e.get("related"), e.get("content")
        if not isinstance(code, str) or not isinstance(path, str):
            continue
        if isinstance(other, str):
            key = (code, path, "related", other)
        elif isinstance(content, str) and _FP_RE.match(content):
            key = (code, path, "content", content)
        else:
            continue
        out[key] = out.get(key, 0) + count
    return out


# -- suppressions: ignore file and inline directives ---------------------------------


@dataclass
class _Entry:
    """One suppression: an ignore-file line or an inline directive."""

    where_path: str  # where the suppression itself is written (display path)
    where_line: int
    where_column: int
    codes: tuple[str, ...]  # codes or prefixes; ("ALL",) for every rule
    path: str | None = None  # ignore file: path (or glob) relative to the root
    lines: tuple[int, int] | None = None  # inclusive; None = whole file
    fp: str | None = None
    hits: int = 0

    def covers_code(self, code: str) -> bool:
        return any(c == "ALL" or code.startswith(c) for c in self.codes)


def _parse_codes(text: str, where: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in text.split(",") if c.strip())
    bad = [c for c in codes if not _CODE_RE.match(c)]
    if not codes or bad:
        raise ConfigError(f"{where}: expected rule codes or prefixes, got {text.strip()!r}")
    return codes


def parse_ignore_file(text: str, display: str) -> list[_Entry]:
    """Entries of a ``.corpuslint-ignore`` text; ConfigError names the bad line."""
    out: list[_Entry] = []
    for number, raw in enumerate(text.splitlines(), 1):
        body = raw.split("#", 1)[0].strip()
        if not body:
            continue
        where = f"{display}:{number}"
        column = len(raw) - len(raw.lstrip()) + 1
        if body.startswith("fingerprint:"):
            fp = body[len("fingerprint:"):].strip()
            if not _FP_RE.match(fp):
                raise ConfigError(f"{where}: fingerprint must be 16 hex digits, got {fp!r}")
            out.append(_Entry(display, number, column, ("ALL",), fp=fp))
            continue
        parts = body.rsplit(":", 2)
        if len(parts) != 3 or not parts[0]:
            raise ConfigError(f"{where}: expected 'PATH:LINES:CODES' or 'fingerprint:HEX', got {body!r}")
        path, lines_text, codes_text = (p.strip() for p in parts)
        lines: tuple[int, int] | None = None
        if lines_text != "*":
            lo, _, hi = lines_text.partition("-")
            if not lo.isdigit() or (hi and not hi.isdigit()):
                raise ConfigError(f"{where}: line range must be N, N-M or *, got {lines_text!r}")
            lines = (int(lo), int(hi or lo))
        out.append(_Entry(display, number, column, _parse_codes(codes_text, where),
                          path=path.replace(os.sep, "/").removeprefix("./"), lines=lines))
    return out


def _pair(cached: "str | tuple | None") -> "tuple[str, list[_Entry]] | None":
    """A ``Suppressions._inline`` value as (content hash, entries)."""
    return (cached, []) if type(cached) is str else cached


# ``Suppressions._inline`` value of a document whose kind holds no directive (``directives``
# of an empty tuple): no content hash kept for it
_HOLDS_NONE = object()


def directives(doc) -> "list[_Entry] | tuple[()]":
    """Inline ``<!-- corpuslint: … -->`` directives of a Markdown/HTML document as
    line-range entries. In Markdown only HTML regions of the CommonMark parse
    (``Document.regions``) hold directives: one quoted in a code block or in inline
    code is an example, not a directive. An empty tuple (not list) for a document whose
    suffix is none of ``DIRECTIVE_SUFFIXES`` (a data file's plain-text record): no text
    of it holds one (``Suppressions.note`` then keeps no content hash for it)."""
    if doc.suffix not in DIRECTIVE_SUFFIXES:
        return ()
    if "corpuslint:" not in doc.text:
        return []
    if doc.is_markdown:
        spans = [(r.start, r.end) for r in doc.regions if r.kind == structure.HTML]
    else:
        spans = [(0, len(doc.text))]
    out: list[_Entry] = []
    open_: dict[tuple[str, ...], _Entry] = {}
    last = len(doc.lines)
    for m in (m for s, e in spans for m in _DIRECTIVE_RE.finditer(doc.text, s, e)):
        line, column = doc.position(m.start())
        end_line = doc.position(m.end())[0]
        where = f"{doc.path}:{line}"
        codes = _parse_codes(m.group(2), where) if m.group(2) else ("ALL",)
        kind = m.group(1)
        if kind == "disable-next-line":
            out.append(_Entry(doc.path, line, column, codes, path=doc.path, lines=(end_line + 1, end_line + 1)))
        elif kind == "disable":
            entry = _Entry(doc.path, line, column, codes, path=doc.path, lines=(line, last))
            open_[codes] = entry
            out.append(entry)
        else:  # enable: closes the disable with the same codes (or every open one for bare "enable")
            keys = list(open_) if codes == ("ALL",) else [codes] if codes in open_ else []
            for key in keys:
                entry = open_.pop(key)
                entry.lines = (entry.lines[0], line)
    return out


class Suppressions:
    """Ignore-file entries plus the inline directives of the documents seen.

    ``apply`` filters findings and counts, per entry, what it suppressed; ``unused``
    turns entries that suppressed nothing into U100 findings."""

    def __init__(self, root: str, entries: list[_Entry], rules: Mapping[str, object] | None = None):
        self.root = root
        self.file_entries = entries
        self.whole = whole_document_codes(rules or {})
        # path -> (content hash, entries); a document without directives -> its content hash
        # alone (no tuple and list for each of a million records)
        self._inline: dict[str, "str | tuple[str, list[_Entry]]"] = {}
        self._rel: dict[str, str] = {}

    @classmethod
    def load(cls, root: str, rules: Mapping[str, object] | None = None) -> "Suppressions":
        path = os.path.join(root, IGNORE_FILE)
        entries: list[_Entry] = []
        if os.path.isfile(path):
            from .files import display_path

            try:
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{path}: cannot read: {exc}") from None
            entries = parse_ignore_file(text, display_path(path))
        return cls(root, entries, rules)

    def _rel_path(self, path: str) -> str:
        rel = self._rel.get(path)
        if rel is None:
            rel = self._rel[path] = relative_path(path, self.root)
        return rel

    def _inline_for(self, doc) -> list[_Entry]:
        if doc is None or self._inline.get(doc.path) is _HOLDS_NONE:
            return []
        cached = _pair(self._inline.get(doc.path))
        if cached is None or cached[0] != doc.content_hash:
            found = directives(doc)
            self.note(doc.path, doc.content_hash, found)
            if not found:
                return []
            cached = _pair(self._inline[doc.path])
        return cached[1]

    def note(self, path: str, content_hash: str, entries: "list[_Entry] | tuple[()]") -> None:
        """The inline directives of a document, found during the map step (``directives``),
        so that ``apply`` need not read the document again. ``entries`` an empty tuple: the
        document's kind holds none (kept without its content hash: a 32-character string,
        ~80 bytes a record held to the end of the run)."""
        if type(entries) is tuple and not entries:
            self._inline[path] = _HOLDS_NONE
        else:
            self._inline[path] = (content_hash, entries) if entries else content_hash

    def _entries_for(self, documents: Mapping[str, object], key: str) -> list[_Entry]:
        value = self._inline.get(key)
        if value is _HOLDS_NONE:
            return []
        cached = _pair(value)
        hash_of = getattr(documents, "content_hash", None)  # a DocumentStore: no read needed
        if cached is not None and hash_of is not None and cached[0] == hash_of(key):
            return cached[1]
        return self._inline_for(documents.get(key))

    def lines_pinned(self, path: str) -> bool:
        """Whether an ignore-file entry names lines of the file ``path`` (a line or range,
        not ``*`` nor a fingerprint): the entries ``apply`` judges by line number."""
        return bool(self.pinned_entries(path))

    def pinned_entries(self, path: str) -> list[_Entry]:
        """The ignore-file entries that name lines of the file ``path`` (``lines_pinned``)."""
        rel = self._rel_path(path)
        return [e for e in self.file_entries
                if e.fp is None and e.lines is not None and (e.path == rel or fnmatch.fnmatchcase(rel, e.path))]

    def apply(self, findings: list[Finding], documents: Mapping[str, object], *, record: bool = True,
              lines_of=None) -> list[Finding]:
        """The findings no suppression covers. ``record`` counts hits (off for the
        re-lint passes of ``--fix``, whose line numbers are intermediate). ``lines_of``:
        for a finding, the line numbers the ignore file's line entries are compared with
        (default its own line; a later ``--fix`` pass gives the lines of the text as
        checked it comes from, ``engine._original_lines``); inline directives move with
        the text and always use the finding's line."""
        if not self.file_entries and not any(self._entries_for(documents, k) for k in documents):
            return findings
        fps = any(e.fp for e in self.file_entries)
        kept: list[Finding] = []
        for f in findings:
            rel = self._rel_path(f.path)
            fp = fingerprint(f, documents.get(f.key), self.root, self.whole) if fps else None
            hit = None
            for e in self._entries_for(documents, f.key):
                if e.covers_code(f.code) and e.lines[0] <= f.line <= e.lines[1]:
                    hit = e
                    break
            if hit is None:
                for e in self.file_entries:
                    if e.fp is not None:
                        if e.fp == fp:
                            hit = e
                            break
                    elif e.covers_code(f.code) and (e.lines is None or any(
                        e.lines[0] <= n <= e.lines[1] for n in (lines_of(f) if lines_of else (f.line,)))) and (
                        e.path == rel or fnmatch.fnmatchcase(rel, e.path)
                    ):
                        hit = e
                        break
            if hit is None:
                kept.append(f)
            elif record:
                hit.hits += 1
        return kept

    def unused(self, rules: Mapping[str, object]) -> list[Finding]:
        """U100 findings for entries that suppressed nothing (if U100 is active)."""
        rule = rules.get(UnusedSuppression.code)
        if rule is None:
            return []
        entries = list(self.file_entries) + [e for v in self._inline.values() if type(v) is tuple for e in v[1]]
        out = []
        for e in entries:
            if e.hits or not any(e.covers_code(code) for code in rules if code != UnusedSuppression.code):
                continue
            what = f"fingerprint {e.fp}" if e.fp else ",".join(e.codes)
            out.append(Finding(
                code=rule.code, rule=rule.name, family=rule.family, severity=rule.severity,
                message=f"unused suppression ({what}): it matched no finding",
                path=e.where_path, start=0, end=0, line=e.where_line, column=e.where_column,
                end_line=e.where_line, end_column=e.where_column,
            ))
        return out


def add_ignore_entries(root: str, findings: list[Finding], documents: Mapping[str, object], reason: str,
                       rules: Mapping[str, object] | None = None) -> int:
    """Append one fingerprint entry per distinct current finding to the ignore file."""
    path = os.path.join(root, IGNORE_FILE)
    reason = " ".join(reason.split())
    seen: set[str] = set()
    lines: list[str] = []
    for f, fp in zip(findings, fingerprints(findings, documents, root, rules)):
        if fp in seen:
            continue
        seen.add(fp)
        lines.append(f"fingerprint:{fp}  # {f.code} {relative_path(f.path, root)}:{f.line} - {reason}\n")
    if lines:
        prefix = ""
        if os.path.exists(path):
            with open(path, "rb") as fh:
                data = fh.read()
            if data and not data.endswith(b"\n"):
                prefix = "\n"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(prefix + "".join(lines))
    return len(lines)
