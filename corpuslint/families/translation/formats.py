"""Format strings of gettext messages, parsed and compared as GNU gettext's
``msgfmt --check-format`` does (gettext-tools 0.21: format-python.c,
format-pythonbrace.c, msgl-check.c), so that a placeholder mismatch is reported where
msgfmt refuses the catalogue and nowhere else.

* ``python-format``: ``%s``, ``%(name)s``, ``%5.2f``, ``%%``. Named and unnamed
  directives do not mix in one string; a name used twice has one type. Types: ``c``
  (character), ``s r`` (string), ``i d u o x X`` (integer), ``e E f F g G`` (float).
* ``python-brace-format``: ``{name}``, ``{0}``, ``{a.b}``, ``{a[0]}``, ``{a:>10}``,
  ``{a:{width}}``, ``{{`` ``}}``; the argument is the whole field (``a:>10``), as msgfmt
  names it. ``{}`` and ``{a!r}`` are not valid in gettext 0.21 (so a msgid holding one is
  not checked).
* ``c-format`` (format-c.c, format-c-parse.h): ``%s``, ``%3$ld``, ``%*d``, ``%.*s``,
  ``%'lu``, ``%zu``, ``%<PRId64>``, ``%m``, ``%%``; the ``I`` flag in a translation only.
  Numbered (``%2$s``) and unnumbered directives do not mix; numbered ones must use every
  argument up to the highest. An argument's type is its conversion with its size
  (``%ld`` a long integer, ``%lu`` an unsigned long integer, ``%ls`` a wide string,
  ``%Lf`` a long double), as printf reads it.
* ``javascript-format`` (format-javascript.c): ``%s``, ``%2$d``, ``%5.2f``, ``%j``,
  ``%%`` (flags ``0 - + space I``, a width, a precision). ``%s %d`` take arguments 1 and 2,
  as ``%1$s %2$d`` do, but the two ways do not mix; an argument's type is ``s`` string,
  ``b d o x X`` integer, ``f`` float, ``c`` character, ``j`` any (which a loosely checked
  plural form may match with any type). Unlike C, numbers may skip arguments.

A msgid that is not a valid format string of its kind is not checked (msgfmt does not);
a translation that is not, while its msgid is, is an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from ...text.lazy_regex import lazy_re

PYTHON = "python-format"
BRACE = "python-brace-format"
C = "c-format"
JAVASCRIPT = "javascript-format"
FORMATS = (PYTHON, BRACE, C, JAVASCRIPT)

_PY_TYPES = {"c": "character", "s": "string", "r": "string",
             **dict.fromkeys("iduoxX", "integer"), **dict.fromkeys("eEfFgG", "float")}
_IDENT = lazy_re(r"[A-Za-z_][A-Za-z0-9_]*")
_DIGITS = lazy_re(r"[0-9]+")
_SPEC = lazy_re(r"(?:[^{}]?[<>=^])?[-+ ]?#?0?[0-9]*[,_]?(?:\.[0-9]+)?[a-zA-Z%]?")


class Invalid(ValueError):
    """Not a valid format string of its kind (msgfmt's reason)."""


@dataclass
class Spec:
    """The arguments a format string takes: ``named`` {name: type} (brace names have no
    type: None) and ``unnamed`` (types, in order); ``spans`` where each argument is
    written first ({name or index: (start, end)})."""

    named: dict[str, str | None] = field(default_factory=dict)
    unnamed: list[str] = field(default_factory=list)
    spans: dict[str | int, tuple[int, int]] = field(default_factory=dict)


def parse(kind: str, text: str, translated: bool = False) -> Spec:
    """The ``Spec`` of ``text`` as a format string of ``kind`` (``FORMATS``); raises
    ``Invalid``. ``translated``: ``text`` is a msgstr (c-format allows the ``I`` flag
    there only)."""
    if kind == C:
        return _parse_c(text, translated)
    if kind == JAVASCRIPT:
        return _parse_javascript(text)
    return _parse_python(text) if kind == PYTHON else _parse_brace(text)


def _parse_python(s: str) -> Spec:
    spec = Spec()
    i, number, n = 0, 0, len(s)
    while True:
        i = s.find("%", i)
        if i < 0:
            break
        start = i
        number += 1
        i += 1
        if i < n and s[i] == "%":
            i += 1
            continue
        name = None
        if i < n and s[i] == "(":
            depth, j = 1, i + 1
            while j < n and depth:
                depth += {"(": 1, ")": -1}.get(s[j], 0)
                j += 1
            if depth:
                raise Invalid("the string ends in the middle of a directive")
            name, i = s[i + 1 : j - 1], j
        while i < n and s[i] in " +-#0":
            i += 1
        for allow_dot in (False, True):
            if allow_dot:
                if i < n and s[i] == ".":
                    i += 1
                else:
                    break
            if i < n and s[i] == "*":
                spec.unnamed.append("integer")
                i += 1
            else:
                while i < n and s[i].isascii() and s[i].isdigit():
                    i += 1
        if i < n and s[i] in "hlL":  # (one length modifier: "%(n) lluniau" is not "%(n)lu")
            i += 1
        if i >= n:
            raise Invalid("the string ends in the middle of a directive")
        c = s[i]
        i += 1
        if c == "%" and name is None:
            continue  # ("%5%": a percent sign, no argument)
        kind = "percent sign" if c == "%" else _PY_TYPES.get(c)  # ("%(count)%": an argument msgfmt types so)
        if kind is None:
            raise Invalid(f"in directive number {number}, {c!r} is not a valid conversion specifier")
        if name is None:
            spec.spans.setdefault(len(spec.unnamed), (start, i))
            spec.unnamed.append(kind)
        else:
            if spec.named.get(name, kind) != kind:
                raise Invalid(f"the string refers to the argument named {name!r} in incompatible ways")
            spec.named[name] = kind
            spec.spans.setdefault(name, (start, i))
    if spec.named and spec.unnamed:
        raise Invalid("the string refers to arguments both by name and by position")
    return spec


def _parse_brace(s: str) -> Spec:
    spec = Spec()
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c == "{":
            if i + 1 < n and s[i + 1] == "{":
                i += 2
                continue
            end = _directive(s, i, True)
            name = s[i + 1 : end]
            spec.named[name] = None
            spec.spans.setdefault(name, (i, end + 1))
            i = end + 1
        elif c == "}":
            i += 2 if i + 1 < n and s[i + 1] == "}" else 1
        else:
            i += 1
    return spec

_C_SIZES = {"h": "short", "hh": "char-sized", "l": "long", "ll": "long long", "j": "intmax_t",
            "z": "size_t", "t": "ptrdiff_t"}
_C_MACRO = lazy_re(r"<PRI([diouxX])(MAX|PTR|(?:LEAST|FAST)?(?:8|16|32|64))>")


def _c_size(s: str, i: int) -> tuple[str | None, int]:
    """The size modifier of a C directive at ``s[i]`` (format-c-parse.h: ``hh h l ll L q
    j z Z t``, the last one read winning, ``h`` after ``h`` and ``l`` after ``l``
    doubling), and the offset after it."""
    size = None
    while i < len(s) and s[i] in "hlLqjzZt":
        c = s[i]
        if c == "h":
            size = "hh" if size in ("h", "hh") else "h"
        elif c == "l":
            size = "ll" if size in ("l", "ll") else "l"
        else:
            size = {"L": "ll", "q": "ll", "Z": "z"}.get(c, c)
        i += 1
    return size, i


def _c_type(conversion: str, size: str | None) -> str | None:
    """The argument type of a C conversion with its size, named so that two names are
    equal exactly when msgfmt's types are: None for ``%%`` and ``%m``; raises KeyError
    for a character that is no conversion."""
    if conversion in "%m":
        return None
    wide = size in ("l", "ll")
    if conversion in "cC":
        return "wide character" if wide or conversion == "C" else "character"
    if conversion in "sS":
        return "wide string" if wide or conversion == "S" else "string"
    if conversion in "eEfFgGaA":
        return "long double" if size == "ll" else "float"
    if conversion == "p":
        return "pointer"
    if conversion in "diouxXn":
        base = "count pointer" if conversion == "n" else "integer"
        sign = "unsigned " if conversion in "ouxX" else ""
        return f"{sign}{_C_SIZES[size] + ' ' if size else ''}{base}"
    raise KeyError(conversion)


def _c_number(s: str, i: int) -> tuple[int | None, int]:
    """An argument number ``m$`` at ``s[i]``: (m, offset after ``$``), or (None, i)."""
    m = _DIGITS.match(s, i)
    if m is None or not s.startswith("$", m.end()):
        return None, i
    return int(m.group()), m.end() + 1


def _parse_c(s: str, translated: bool) -> Spec:
    spec = Spec()
    numbered: dict[int, str] = {}
    unnumbered: list[str] = []
    n, i, directive = len(s), 0, 0

    def take(number: int | None, kind: str, span: tuple[int, int], what: str) -> None:
        if number == 0:
            raise Invalid(f"in directive number {directive}, the {what}argument number 0 is not a positive integer")
        if (numbered if number is None else unnumbered):
            raise Invalid("the string refers to arguments both by number and without")
        if number is None:
            spec.spans.setdefault(len(unnumbered), span)
            unnumbered.append(kind)
            return
        if numbered.setdefault(number, kind) != kind:
            raise Invalid(f"the string refers to argument number {number} in incompatible ways")
        spec.spans.setdefault(number - 1, span)

    while True:
        i = s.find("%", i)
        if i < 0:
            break
        start, i = i, i + 1
        directive += 1
        number, i = _c_number(s, i)
        if number == 0:
            take(0, "", (start, i), "")
        while i < n and (s[i] in " +-#0'" or (translated and s[i] == "I")):
            i += 1
        for part in ("width", "precision"):
            if part == "precision":
                if not s.startswith(".", i):
                    break
                i += 1
            if s.startswith("*", i):
                star, i = _c_number(s, i + 1)
                if star == 0:
                    take(0, "", (start, i), f"{part}'s ")
                take(star, "integer", (start, i), "")
            else:
                m = _DIGITS.match(s, i)
                i = m.end() if m else i
        if s.startswith("<", i):
            m = _C_MACRO.match(s, i)
            if m is None:
                raise Invalid(f"in directive number {directive}, `<` does not start a format specifier macro "
                              "of ISO C 99 (<PRId64>...)")
            width = m.group(2).lower()
            size = {"max": "intmax_t", "ptr": "intptr_t"}.get(width) or (
                f"int_{width}_t" if width[0] in "lf" else f"int{width}_t")
            kind = f"{'unsigned ' if m.group(1) in 'ouxX' else ''}{size} integer"
            i = m.end()
        else:
            size, i = _c_size(s, i)
            if i >= n:
                raise Invalid("the string ends in the middle of a directive")
            try:
                kind = _c_type(s[i], size)
            except KeyError:
                raise Invalid(f"in directive number {directive}, {s[i]!r} is not a valid conversion specifier") from None
            i += 1
        if kind is not None:
            take(number, kind, (start, i), "")
    if numbered:
        for expected, number in enumerate(sorted(numbered), 1):
            if number != expected:
                raise Invalid(f"the string refers to argument number {number} but ignores argument number {expected}")
        unnumbered = [numbered[k] for k in sorted(numbered)]
    spec.unnamed = unnumbered
    return spec


_JS_TYPES = {"c": "character", "s": "string", "f": "float", "j": "any", **dict.fromkeys("bdoxX", "integer")}


def _parse_javascript(s: str) -> Spec:
    """format-javascript.c's parse: arguments named by their number ("1", "2"...), as
    msgfmt numbers ``%s %d`` too."""
    spec = Spec()
    numbered = unnumbered = 0
    n, i, directive = len(s), 0, 0
    while True:
        i = s.find("%", i)
        if i < 0:
            return spec
        start, i = i, i + 1
        directive += 1
        number, i = _c_number(s, i)
        if number == 0:
            raise Invalid(f"in directive number {directive}, the argument number 0 is not a positive integer")
        while i < n and s[i] in "-+ 0I":
            i += 1
        m = _DIGITS.match(s, i)
        i = m.end() if m else i
        if s.startswith(".", i):
            m = _DIGITS.match(s, i + 1)
            i = m.end() if m else i + 1
        if i >= n:
            raise Invalid("the string ends in the middle of a directive")
        conversion = s[i]
        i += 1
        if conversion == "%":
            continue
        kind = _JS_TYPES.get(conversion)
        if kind is None:
            raise Invalid(f"in directive number {directive}, {conversion!r} is not a valid conversion specifier")
        if number is None:
            if numbered:
                raise Invalid("the string refers to arguments both by number and without")
            unnumbered += 1
            number = unnumbered
        elif unnumbered:
            raise Invalid("the string refers to arguments both by number and without")
        else:
            numbered += 1
        name = str(number)
        if spec.named.setdefault(name, kind) != kind:
            raise Invalid(f"the string refers to argument number {number} in incompatible ways")
        spec.spans.setdefault(name, (start, i))


def _at(s: str, i: int) -> str:
    """The placeholder that starts at ``s[i]``, quoted for a message: "`{name` (at 25)"."""
    end = s.find("}", i)
    shown = s[i : end + 1 if 0 <= end < i + 30 else i + 30]
    return f"`{shown}` (character {i + 1})"


def _directive(s: str, i: int, top: bool) -> int:
    """The offset of the ``}`` closing the directive opened at ``s[i]``; raises ``Invalid``."""
    m = _IDENT.match(s, i + 1) or _DIGITS.match(s, i + 1)
    if m is None:
        raise Invalid(f"{_at(s, i)} has no valid argument name")
    j = m.end()
    while j < len(s) and s[j] in ".[":
        if s[j] == ".":
            m = _IDENT.match(s, j + 1)
            if m is None:
                raise Invalid(f"{_at(s, i)} has no valid attribute name")
            j = m.end()
        else:
            m = _IDENT.match(s, j + 1) or _DIGITS.match(s, j + 1)
            if m is None or not s.startswith("]", m.end()):
                raise Invalid(f"{_at(s, i)} has no valid index")
            j = m.end() + 1
    if j < len(s) and s[j] == ":":
        if not top:
            raise Invalid(f"{_at(s, i)} nests a format specification")
        j += 1
        if j < len(s) and s[j] == "{":
            j = _directive(s, j, False) + 1
        else:
            j = _SPEC.match(s, j).end()
    if j >= len(s) or s[j] != "}":
        raise Invalid(f"{_at(s, i)} is not terminated")
    return j


def compare(kind: str, msgid: Spec, msgstr: Spec, strict: bool) -> list[tuple[str, str | int | None]]:
    """What msgfmt reports between a msgid's (or msgid_plural's) ``Spec`` and a
    translation's: [(problem, the argument, or None)]. ``strict``: every argument of
    the msgid must be in the translation; a plural form that msgfmt checks loosely may
    drop named arguments and, in python-brace-format only, add some; in c-format, leave
    out its last arguments)."""
    if kind == C:
        return _compare_c(msgid, msgstr, strict)
    if kind == JAVASCRIPT:
        return _compare_javascript(msgid, msgstr, strict)
    problems: list[tuple[str, str | int | None]] = []
    if msgid.named and msgstr.unnamed:
        return [("the msgid's placeholders are named (a mapping), the translation's are not (a tuple)", None)]
    if msgid.unnamed and msgstr.named:
        return [("the msgid's placeholders are positional (a tuple), the translation's are named (a mapping)", None)]
    for name in sorted(set(msgid.named) | set(msgstr.named)):
        if name not in msgid.named:
            if strict or kind == PYTHON:  # (msgfmt lets a brace plural form add names: "{n:>3}" for "{n}")
                problems.append(("not in the msgid", name))
        elif name not in msgstr.named:
            if strict:
                problems.append(("missing", name))
        elif msgid.named[name] != msgstr.named[name]:
            problems.append((f"{_a(msgstr.named[name])} here, {_a(msgid.named[name])} in the msgid", name))
    if msgid.unnamed or msgstr.unnamed:
        if len(msgid.unnamed) != len(msgstr.unnamed):
            problems.append((f"{len(msgstr.unnamed)} positional placeholders here, {len(msgid.unnamed)} in the msgid",
                             None))
        else:
            for index, (a, b) in enumerate(zip(msgid.unnamed, msgstr.unnamed)):
                if a != b:
                    problems.append((f"placeholder {index + 1} is {_a(b)} here, {_a(a)} in the msgid", index))
    return problems


def _compare_c(msgid: Spec, msgstr: Spec, strict: bool) -> list[tuple[str, str | int | None]]:
    """format-c.c's check: the same number of arguments (``strict``; else not more than
    the msgid's), then the same type for each of the translation's."""
    want, have = len(msgid.unnamed), len(msgstr.unnamed)
    if want != have if strict else have > want:
        return [(f"{have} placeholder{'s' * (have != 1)} here, {want} in the msgid", None)]
    return [(f"placeholder {index + 1} is {_a(b)} here, {_a(a)} in the msgid", index)
            for index, (a, b) in enumerate(zip(msgid.unnamed, msgstr.unnamed)) if a != b]


def _compare_javascript(msgid: Spec, msgstr: Spec, strict: bool) -> list[tuple[str, str | int | None]]:
    """format-javascript.c's check: each of the translation's arguments is one of the
    msgid's (and, ``strict``, the other way round), with the same type (an ``any`` of
    either side matches every type when not ``strict``)."""
    problems: list[tuple[str, str | int | None]] = []
    for name in sorted(set(msgid.named) | set(msgstr.named), key=int):
        if name not in msgid.named:
            problems.append(("not in the msgid", name))
        elif name not in msgstr.named:
            if strict:
                problems.append(("missing", name))
        else:
            a, b = msgid.named[name], msgstr.named[name]
            if a != b and (strict or "any" not in (a, b)):
                problems.append((f"{_a(b)} here, {_a(a)} in the msgid", name))
    return problems


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"
