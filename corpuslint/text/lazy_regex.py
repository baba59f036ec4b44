"""Module-level regular expressions compiled at first use, not at import.

The ``regex`` module parses patterns in Python (~0.2 ms each; ``re`` ~0.1 ms); a rule module that
compiles a dozen patterns for input it rarely meets (HTML tags, wiki markup, hex ids)
makes every start pay for them. ``lazy(pattern, flags)`` returns a stand-in that
compiles on the first attribute access and then stores the compiled pattern's bound
methods on itself, so later calls (``search``, ``finditer``, ...) cost one instance
attribute lookup, as on a compiled pattern.

Only for patterns used through their methods and attributes: ``regex.sub(PAT, ...)``
or ``isinstance(PAT, regex.Pattern)`` need a real pattern (``PAT.compiled``).
"""

from __future__ import annotations

import re
from typing import Any

import regex

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer", "scanner")


class LazyPattern:
    """A ``regex`` pattern compiled when first used (see the module docstring)."""

    def __init__(self, pattern: str, flags: int = 0, engine: Any = regex):
        self.pattern = pattern
        self.flags_given = flags
        self.engine = engine  # the module whose ``compile`` makes the pattern: regex or re

    @property
    def compiled(self) -> "regex.Pattern":
        c = self.__dict__.get("_compiled")
        if c is None:
            c = self.engine.compile(self.pattern, self.flags_given)
            for name in _METHODS:  # (re's patterns have no splititer)
                method = getattr(c, name, None)
                if method is not None:
                    self.__dict__[name] = method
            self.__dict__["_compiled"] = c
        return c

    def __getattr__(self, name: str) -> Any:  # only for attributes not set yet
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``regex.compile(pattern, flags)``, deferred to the first use."""
    return LazyPattern(pattern, flags)


def lazy_re(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)`` (the standard engine), deferred to the first use."""
    return LazyPattern(pattern, flags, re)
