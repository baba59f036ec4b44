"""A one-entry memo by identity, for values several rules ask of the same object."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def last_argument(fn: Callable[[Any], T]) -> Callable[[Any], T]:
    """``fn(x)``, keeping the last argument's answer: asked again of the same object (by
    identity, for strings, or lists never changed once built, such as ``Prose.words``)
    it returns that answer without calling ``fn``. One (argument, answer) tuple, read and
    replaced whole, so concurrent callers never see half of one; the argument is kept
    alive until the next call, so its id is never reused meanwhile."""
    latest: tuple = (object(), None)

    @functools.wraps(fn)
    def remembered(x):
        nonlocal latest
        arg, answer = latest
        if arg is x:
            return answer
        answer = fn(x)
        latest = (x, answer)
        return answer

    return remembered
