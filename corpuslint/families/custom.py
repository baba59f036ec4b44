r"""Rules written in configuration: existence, substitution and consistency (the Vale model).

Each table ``[tool.corpuslint.custom-rules.NAME]`` becomes one real rule class when
the configuration is loaded (through the public ``corpuslint_configure`` hook, like any
plugin could do), with its own code, severity and generated documentation, so
``corpuslint rules`` lists it and ``corpuslint rule CODE`` explains it::

    [tool.corpuslint.custom-rules.no-comment-box]
    kind = "existence"                      # flag every match
    tokens = ["اترك تعليقاً"]                # literal words/phrases (whole words)
    patterns = ['لن يتم نشر عنوان بريدك\S*']  # regular expressions (used as written)
    message = "comment-form boilerplate: '{match}'"

    [tool.corpuslint.custom-rules.alef-maqsura-ya]
    kind = "substitution"                   # bad -> good; one suggestion = safe fix
    swap = { '(ال)?كورى' = "$1كوري", "فى" = "في" }

    [tool.corpuslint.custom-rules.seoul-spelling]
    kind = "consistency"                    # one form per document
    either = [["سيول", "سيئول"]]

Keys (all kinds): ``kind`` (required), ``message`` (``{match}``, ``{suggestion}``,
``{preferred}`` and ``{count}`` are filled in), ``severity``, ``code`` (see "Codes" below), ``ignorecase``,
``nonword`` (``true``: do not require word boundaries around tokens, swap keys and
either forms), ``exceptions`` (regexes: a match inside an exception's match is not
reported), ``description`` (the "Why" of the generated doc) and ``enabled``.
Kind keys: ``tokens`` / ``patterns`` (existence), ``swap`` (substitution: a table of
regex -> replacement, ``$1`` / ``${name}`` group references, ``"a|b"`` = several
suggestions and no fix), ``either`` (consistency: a table ``{form = other}`` or a list
of lists of forms, each a regex).

Rules can also live in their own file, named in the section:
``[tool.corpuslint.custom-rules] custom-rules-file = "house-rules.toml"`` (a path or a
list of paths relative to the config file; each top-level table is one rule).

Codes: a rule's code is its ``code`` key, else derived from its name alone:
``C`` + (100 + blake2b-64(name) mod 900), e.g. ``no-comment-box`` -> always the same
code in C100-C999. Adding, removing or editing another rule never renumbers a rule,
so ``ignore``/``select``/``severity`` entries keep their target. Two names (or a name
and an explicit ``code``) that land on the same code are a configuration error that
names both and suggests a free code for one of them, never a silent renumbering.

Everything is validated when the config is loaded: an unknown key, a wrong type or a
regex that does not compile is a ``ConfigError`` naming the rule and key (exit 2).
"""

from __future__ import annotations

import hashlib
import os
import sys
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import regex

from ..config import ConfigError, read_toml
from ..document import Document
from ..findings import Edit, Finding, Fix, Severity
from ..hookspecs import hookimpl
from ..rules import CODE_RE, NAME_RE, DocumentRule
from ..text.lazy_regex import lazy

SECTION = "custom-rules"
# Wall-clock limit for one pattern over one document (the `regex` module's timeout), so a
# catastrophic pattern such as `(a+)+$` is one finding naming the rule, never a hang.
REGEX_TIMEOUT_S = 2.0
FILE_KEY = "custom-rules-file"
FAMILY = "custom"
AUTO_CODE_FIRST, AUTO_CODE_LAST = 100, 999  # derived codes: C100-C999

KINDS = ("existence", "substitution", "consistency")
COMMON_KEYS = {"kind", "message", "severity", "code", "ignorecase", "nonword", "exceptions", "description", "enabled"}
KIND_KEYS = {"existence": {"tokens", "patterns"}, "substitution": {"swap"}, "consistency": {"either"}}
DEFAULT_MESSAGES = {
    "existence": "avoid '{match}'",
    "substitution": "use '{suggestion}' instead of '{match}'",
    "consistency": "'{match}' is inconsistent with '{preferred}' ({count}× in this document)",
}

# Script-aware word boundaries: a letter, mark, digit or underscore may not touch the match.
_WORDCHAR = r"[\p{L}\p{M}\p{N}_]"
_GROUP_REF_RE = lazy(r"\$(?:(\d+)|\{(\w+)\}|(\$))")


class _Invalid(Exception):
    """Internal: (key, message) of a validation failure, turned into a ConfigError."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key
        self.message = message


# -- compiled rule specifications ----------------------------------------------------


@dataclass(frozen=True)
class _Group:
    ref: "int | str"  # group number or name


@dataclass
class Template:
    """A replacement with ``$1`` / ``${name}`` / ``$$`` references, parsed once."""

    parts: list["str | _Group"]  # literal strings and group references

    @classmethod
    def parse(cls, text: str, pattern: "regex.Pattern", key: str) -> "Template":
        parts: list[str | _Group] = []
        pos = 0
        for m in _GROUP_REF_RE.finditer(text):
            parts.append(text[pos : m.start()])
            number, name, dollar = m.groups()
            if dollar:
                parts.append("$")
            elif number is not None:
                index = int(number)
                if index > pattern.groups:
                    raise _Invalid(key, f"replacement {text!r} refers to group ${index} but the pattern has {pattern.groups}")
                parts.append(_Group(index))
            else:
                if name not in pattern.groupindex:
                    raise _Invalid(key, f"replacement {text!r} refers to unknown group ${{{name}}}")
                parts.append(_Group(name))
            pos = m.end()
        parts.append(text[pos:])
        return cls([p for p in parts if p != ""])

    def expand(self, match: "regex.Match") -> str:
        return "".join(p if isinstance(p, str) else (match.group(p.ref) or "") for p in self.parts)


@dataclass
class Spec:
    """One validated custom rule, ready to become a class."""

    name: str
    kind: str
    source: str
    code: str | None = None
    message: str = ""
    severity: Severity = Severity.WARNING
    enabled: bool = True
    description: str = ""
    raw: dict[str, Any] = field(default_factory=dict)
    patterns: list[Any] = field(default_factory=list)  # existence: compiled regexes
    swaps: list[tuple[Any, list[Template]]] = field(default_factory=list)  # substitution
    groups: list[list[Any]] = field(default_factory=list)  # consistency: lists of compiled forms
    exceptions: list[Any] = field(default_factory=list)

    def digest(self) -> str:
        data = repr(sorted((k, repr(v)) for k, v in self.raw.items()))
        return hashlib.blake2b(data.encode("utf-8"), digest_size=4).hexdigest()


def _str_list(value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Invalid(key, "must be a list of strings")
    if any(v == "" for v in value):
        raise _Invalid(key, "must not contain empty strings")
    return value


def _bool(raw: Mapping[str, Any], key: str, default: bool) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise _Invalid(key, f"must be true or false, got {value!r}")
    return value


def _compile(pattern: str, key: str, flags: int, words: bool):
    try:
        compiled = regex.compile(pattern, flags)
    except regex.error as exc:
        raise _Invalid(key, f"bad regex {pattern!r}: {exc}") from None
    if compiled.match(""):
        raise _Invalid(key, f"regex {pattern!r} matches the empty string")
    if not words:
        return compiled
    # The wrapper adds no capturing group, so $1 still means the user's first group.
    return regex.compile(rf"(?<!{_WORDCHAR})(?:{pattern})(?!{_WORDCHAR})", flags)


def parse_spec(name: str, raw: Any, source: str) -> Spec:
    if not isinstance(raw, dict):
        raise _Invalid("", f"must be a table ([{SECTION}.{name}]) with at least a 'kind' key")
    if not NAME_RE.match(name):
        raise _Invalid("", "the rule name must be kebab-case (lowercase words joined by '-'): it becomes the rule's name")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise _Invalid("kind", f"must be one of {', '.join(KINDS)}, got {kind!r}")
    allowed = COMMON_KEYS | KIND_KEYS[kind]
    for key in raw:
        if key not in allowed:
            raise _Invalid(key, f"unknown key for {kind} rules (allowed: {', '.join(sorted(allowed))})")
    spec = Spec(name=name, kind=kind, source=source, raw=dict(raw))
    spec.message = raw.get("message", DEFAULT_MESSAGES[kind])
    if not isinstance(spec.message, str) or not spec.message.strip():
        raise _Invalid("message", "must be a non-empty string")
    description = raw.get("description", "")
    if not isinstance(description, str):
        raise _Invalid("description", "must be a string")
    spec.description = description.strip()
    if "severity" in raw:
        try:
            spec.severity = Severity.parse(raw["severity"])
        except ValueError as exc:
            raise _Invalid("severity", str(exc)) from None
    if "code" in raw:
        code = raw["code"]
        if not isinstance(code, str) or not CODE_RE.match(code):
            raise _Invalid("code", f"must be 1-3 capital letters and 3 digits (e.g. 'C901'), got {code!r}")
        spec.code = code
    spec.enabled = _bool(raw, "enabled", True)
    flags = regex.IGNORECASE if _bool(raw, "ignorecase", False) else 0
    words = not _bool(raw, "nonword", False)
    spec.exceptions = [
        _compile(p, "exceptions", flags, False) for p in _str_list(raw.get("exceptions", []), "exceptions")
    ]

    if kind == "existence":
        tokens = _str_list(raw.get("tokens", []), "tokens")
        patterns = _str_list(raw.get("patterns", []), "patterns")
        if not tokens and not patterns:
            raise _Invalid("tokens", "an existence rule needs 'tokens' (literal words) or 'patterns' (regexes)")
        if tokens:
            # one alternation of the literals, longest first so a phrase wins over its prefix
            alternation = "|".join(regex.escape(t) for t in sorted(set(tokens), key=lambda t: (-len(t), t)))
            spec.patterns.append(_compile(alternation, "tokens", flags, words))
        spec.patterns.extend(_compile(p, "patterns", flags, False) for p in patterns)
    elif kind == "substitution":
        swap = raw.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise _Invalid("swap", "must be a non-empty table of 'pattern' = 'replacement'")
        for bad, good in swap.items():
            key = f"swap.{bad!r}"
            if not isinstance(good, str):
                raise _Invalid(key, f"the replacement must be a string, got {good!r}")
            pattern = _compile(bad, key, flags, words)
            alternatives = [Template.parse(alt, pattern, key) for alt in good.split("|")]
            spec.swaps.append((pattern, alternatives))
    else:
        either = raw.get("either")
        if isinstance(either, dict):
            groups = [[a, b] for a, b in either.items()]
        elif isinstance(either, list) and all(isinstance(g, list) for g in either):
            groups = either
        else:
            raise _Invalid("either", "must be a table {form = other-form} or a list of lists of forms")
        if not groups:
            raise _Invalid("either", "needs at least one pair of forms")
        for i, group in enumerate(groups):
            key = f"either[{i}]"
            forms = _str_list(group, key)
            if len(forms) < 2:
                raise _Invalid(key, "a consistency group needs at least two forms")
            spec.groups.append([_compile(form, key, flags, words) for form in forms])
    return spec


def load_specs(section: Mapping[str, Any], *, root: str, source: str) -> list[Spec]:
    """Validate the ``custom-rules`` section (and any rules files); raise ConfigError."""
    entries: list[tuple[str, Any, str]] = []  # (name, raw table, where it was defined)
    for name, raw in section.items():
        if name == FILE_KEY:
            continue
        entries.append((name, raw, source))
    if FILE_KEY in section:
        try:
            paths = _str_list(section[FILE_KEY], FILE_KEY)
        except _Invalid as exc:
            raise ConfigError(f"{source}: {SECTION}.{FILE_KEY}: {exc.message}") from None
        for path in paths:
            full = path if os.path.isabs(path) else os.path.join(root, path)
            data = read_toml(full, referrer=f"{source}: {SECTION}.{FILE_KEY}", shown=repr(path))
            for name, raw in data.items():
                entries.append((name, raw, full))

    specs: list[Spec] = []
    seen: dict[str, str] = {}
    for name, raw, where in entries:
        if name in seen:
            raise ConfigError(f"{where}: {SECTION}.{name}: defined twice (also in {seen[name]})")
        seen[name] = where
        try:
            specs.append(parse_spec(name, raw, where))
        except _Invalid as exc:
            key = f"{SECTION}.{name}" + (f".{exc.key}" if exc.key else "")
            raise ConfigError(f"{where}: {key}: {exc.message}") from None
    _assign_codes(specs, ConfigError)
    return specs


def derived_code(name: str) -> str:
    """The code of a custom rule without a ``code`` key: a function of its name only."""
    digest = int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "big")
    return f"C{AUTO_CODE_FIRST + digest % (AUTO_CODE_LAST - AUTO_CODE_FIRST + 1)}"


def _assign_codes(specs: list[Spec], ConfigError) -> None:
    """Explicit codes first, then derived ones; any clash is an error (never a renumbering)."""
    used: dict[str, str] = {}
    for spec in specs:
        if spec.code is not None:
            if spec.code in used:
                raise ConfigError(
                    f"{spec.source}: {SECTION}.{spec.name}.code: {spec.code} is also used by custom rule {used[spec.code]!r}"
                )
            used[spec.code] = spec.name
    derived = {spec.name: derived_code(spec.name) for spec in specs if spec.code is None}
    taken = set(used) | set(derived.values())
    for spec in sorted((s for s in specs if s.code is None), key=lambda s: s.name):
        code = derived[spec.name]
        if code in used:
            free = next(f"C{n}" for n in range(AUTO_CODE_LAST, AUTO_CODE_FIRST - 1, -1) if f"C{n}" not in taken)
            raise ConfigError(
                f"{spec.source}: {SECTION}.{spec.name}: its code derived from the name, {code}, is also the code "
                f"of custom rule {used[code]!r}; give one of them an explicit code (e.g. code = \"{free}\")"
            )
        spec.code = code
        used[code] = spec.name


# -- the rule classes ---------------------------------------------------------------


class CustomRule(DocumentRule):
    """Base of rules built from ``[tool.corpuslint.custom-rules.*]`` (see the subclasses' docs)."""

    family = FAMILY
    spec: Spec

    def check(self, doc: Document) -> list[Finding]:
        try:
            return list(self.check_matches(doc))
        except _PatternTimeout as exc:
            return [doc.finding(self, 0, 0, f"custom rule {self.name!r} ({self.code}): pattern {exc.pattern!r} took "
                                            f"over {REGEX_TIMEOUT_S:g} s on this document (catastrophic "
                                            "backtracking?); the rule skipped it")]

    def check_matches(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    @staticmethod
    def finditer(pattern: Any, text: str):
        try:
            return list(pattern.finditer(text, timeout=REGEX_TIMEOUT_S))
        except TimeoutError:
            raise _PatternTimeout(pattern.pattern) from None

    def render(self, match: str, **values: str) -> str:
        message = self.spec.message.replace("{match}", match)
        for key, value in values.items():
            message = message.replace("{" + key + "}", value)
        return message

    def exception_spans(self, text: str) -> tuple[list[int], list[int]]:
        """Starts of the exception matches (sorted) and the running maximum of their ends."""
        spans = sorted((m.start(), m.end()) for p in self.spec.exceptions for m in self.finditer(p, text))
        starts, reach, furthest = [], [], -1
        for start, end in spans:
            furthest = max(furthest, end)
            starts.append(start)
            reach.append(furthest)
        return starts, reach

    @staticmethod
    def excepted(starts: list[int], reach: list[int], start: int, end: int) -> bool:
        """Is [start, end) inside some exception span (one starting at or before it and reaching its end)?"""
        i = bisect_right(starts, start) - 1
        return i >= 0 and reach[i] >= end

    def matches(self, patterns: Iterable[Any], text: str) -> list[tuple[int, Any]]:
        """Non-overlapping matches of several patterns, leftmost-longest first: (pattern index, match)."""
        found = [
            (m.start(), -(m.end()), i, m) for i, p in enumerate(patterns) for m in self.finditer(p, text)
            if m.end() > m.start()
        ]
        if not found:
            return []
        found.sort(key=lambda item: item[:3])
        starts, reach = self.exception_spans(text) if self.spec.exceptions else ([], [])
        out, last_end = [], -1
        for start, neg_end, index, m in found:
            if start < last_end:
                continue
            if starts and self.excepted(starts, reach, start, -neg_end):
                continue
            out.append((index, m))
            last_end = -neg_end
        return out


class _PatternTimeout(Exception):
    def __init__(self, pattern: str):
        super().__init__(pattern)
        self.pattern = pattern


class ExistenceRule(CustomRule):
    def check_matches(self, doc: Document) -> Iterable[Finding]:
        for _, m in self.matches(self.spec.patterns, doc.text):
            yield doc.finding(self, m.start(), m.end(), self.render(m.group()))


class SubstitutionRule(CustomRule):
    def check_matches(self, doc: Document) -> Iterable[Finding]:
        swaps = self.spec.swaps
        for index, m in self.matches([p for p, _ in swaps], doc.text):
            found = m.group()
            suggestions = list(dict.fromkeys(t.expand(m) for t in swaps[index][1]))
            if found in suggestions:
                continue  # the pattern also matches the right form
            fix = Fix.safe(Edit(m.start(), m.end(), suggestions[0])) if len(suggestions) == 1 else None
            message = self.render(found, suggestion="' or '".join(suggestions))
            yield doc.finding(self, m.start(), m.end(), message, fix=fix)


class ConsistencyRule(CustomRule):
    def check_matches(self, doc: Document) -> Iterable[Finding]:
        out: list[Finding] = []
        for forms in self.spec.groups:
            by_form: dict[int, list[Any]] = {}
            for index, m in self.matches(forms, doc.text):
                by_form.setdefault(index, []).append(m)
            if len(by_form) < 2:
                continue
            # the preferred form: most frequent; a tie goes to the form that appears first
            preferred = min(by_form, key=lambda i: (-len(by_form[i]), by_form[i][0].start()))
            texts = Counter(m.group() for m in by_form[preferred])
            target = texts.most_common(1)[0][0]
            count = len(by_form[preferred])
            related = (doc.location(by_form[preferred][0].start()),)  # where the preferred form is used
            for index, found in by_form.items():
                if index == preferred:
                    continue
                for m in found:
                    message = self.render(m.group(), preferred=target, count=str(count))
                    fix = Fix.unsafe(Edit(m.start(), m.end(), target))
                    out.append(doc.finding(self, m.start(), m.end(), message, fix=fix, related=related))
        out.sort(key=lambda f: f.start)
        return out


_BASES = {"existence": ExistenceRule, "substitution": SubstitutionRule, "consistency": ConsistencyRule}


def _quote(items: Iterable[str], limit: int = 6) -> str:
    items = list(items)
    shown = ", ".join(repr(i) for i in items[:limit])
    return shown + (f", ... ({len(items)} in all)" if len(items) > limit else "")


def _doc(spec: Spec) -> str:
    raw = spec.raw
    where = f"{spec.source} [{SECTION}.{spec.name}]" if spec.source else f"[{SECTION}.{spec.name}]"
    flags = []
    if raw.get("ignorecase"):
        flags.append("case-insensitive")
    if raw.get("nonword"):
        flags.append("matches inside words too")
    else:
        flags.append("whole words only")
    if raw.get("exceptions"):
        flags.append(f"except inside matches of {_quote(raw['exceptions'])}")
    if spec.kind == "existence":
        parts = []
        if raw.get("tokens"):
            parts.append(f"the words/phrases {_quote(_str_list(raw['tokens'], 'tokens'))}")
        if raw.get("patterns"):
            parts.append(f"the patterns {_quote(_str_list(raw['patterns'], 'patterns'))}")
        summary = f"Custom existence rule: flags {spec.name.replace('-', ' ')}."
        what = f"Flags every occurrence of {' and '.join(parts)} ({'; '.join(flags)})."
        example = f"{_quote(_str_list(raw.get('tokens') or raw.get('patterns'), 'tokens')[:1])} is reported."
        fix = "No automatic fix: the rule only reports."
    elif spec.kind == "substitution":
        pairs = [f"{bad!r} -> {good!r}" for bad, good in raw["swap"].items()]
        summary = f"Custom substitution rule: {spec.name.replace('-', ' ')}."
        what = f"Replaces {', '.join(pairs[:8])}{' ...' if len(pairs) > 8 else ''} ({'; '.join(flags)})."
        bad, good = next(iter(raw["swap"].items()))
        example = f"text matching {bad!r} is reported with the suggestion {good!r}."
        fix = (
            "Safe when the replacement is a single suggestion (applied by --fix); a replacement "
            "listing several suggestions ('a|b') is reported without a fix."
        )
    else:
        groups = [list(g) for g in ([[a, b] for a, b in raw["either"].items()] if isinstance(raw["either"], dict) else raw["either"])]
        summary = f"Custom consistency rule: {spec.name.replace('-', ' ')}."
        what = (
            "Allows only one of these forms per document: "
            + "; ".join(" / ".join(repr(f) for f in g) for g in groups[:8])
            + f" ({'; '.join(flags)}). The form used most often (or first, on a tie) wins; every "
            "occurrence of the other forms is reported."
        )
        example = f"a document using both {groups[0][0]!r} and {groups[0][1]!r}."
        fix = "Unsafe: replaces the minority form with the preferred one (only with --unsafe-fixes)."
    why = spec.description or f"House rule from the project configuration; message: {spec.message!r}."
    return f"{summary}\n\nWhat: {what}\nDefined in {where}.\nWhy: {why}\nExample: {example}\nFix safety: {fix}\n"


def build_rule_class(spec: Spec) -> type[CustomRule]:
    base = _BASES[spec.kind]
    qualname = f"Custom_{spec.code}_{spec.digest()}"  # the digest makes cache fingerprints follow the spec
    cls = type(
        qualname,
        (base,),
        {
            "__doc__": _doc(spec),
            "__module__": __name__,
            "__qualname__": qualname,
            "code": spec.code,
            "name": spec.name,
            "family": FAMILY,
            "default_severity": spec.severity,
            "default_enabled": spec.enabled,
            "fixable": spec.kind != "existence",
            "options": {},
            "spec": spec,
        },
    )
    # Reachable by name, so the class pickles by reference in forked workers.
    setattr(sys.modules[__name__], qualname, cls)
    return cls


def rules_from_section(section: Mapping[str, Any], *, root: str = ".", source: str = "config") -> list[type[CustomRule]]:
    return [build_rule_class(spec) for spec in load_specs(section, root=root, source=source)]


# -- hooks --------------------------------------------------------------------------


@hookimpl
def corpuslint_register_rules():
    return []  # the rules come from the configuration, in corpuslint_configure


@hookimpl
def corpuslint_config_options():
    return {SECTION: {}}  # opaque: validated here, in corpuslint_configure


@hookimpl
def corpuslint_configure(config):
    section = config.section(SECTION) if hasattr(config, "section") else dict(config).get(SECTION, {})
    if not section:
        return []
    root = getattr(config, "config_dir", None) or getattr(config, "root", None) or os.getcwd()
    source = getattr(config, "source", None) or "config"
    return rules_from_section(section, root=root, source=source)
