"""Progress on standard error for long runs (tqdm), and when to show it.

A bar appears only when standard error is a terminal, the run is not in CI (the
``CI`` environment variable is unset) and ``--quiet`` was not given, and only once a
phase has lasted a second (tqdm's ``delay``): short runs print nothing extra.
"""

from __future__ import annotations

import os
import sys
from typing import Callable, TextIO


def wanted(stream: TextIO | None = None, *, quiet: bool = False, environ=os.environ) -> bool:
    """Should a progress bar be drawn on ``stream`` (default: standard error)?"""
    stream = stream or sys.stderr
    if quiet or environ.get("CI") or environ.get("CORPUSLINT_NO_PROGRESS"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """One bar per phase (``phase("checking", total)`` returns the tick function)."""

    def __init__(self, stream: TextIO | None = None, delay: float = 1.0):
        self.stream = stream or sys.stderr
        self.delay = delay
        self._bar = None
        self.counted: dict[str, int] = {}  # phase -> units ticked, once the phase is closed

    def phase(self, name: str, total: int) -> Callable[[int], None]:
        from tqdm import tqdm

        self.close()
        self._bar = tqdm(total=total, desc=name, unit="doc", file=self.stream, leave=False,
                         delay=self.delay, dynamic_ncols=True)
        return self._bar.update

    def close(self) -> None:
        if self._bar is not None:
            self.counted[self._bar.desc] = self._bar.n
            self._bar.close()
            self._bar = None
