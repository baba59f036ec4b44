"""Output formats, registered through the public ``corpuslint_register_formats`` hook.

A formatter is ``formatter(result: RunResult, stream: TextIO) -> None``, optionally with a
``require()`` attribute the CLI calls before the run (``corpuslint/extras.py``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Callable, TextIO

from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..engine import RunResult

Formatter = Callable[["RunResult", TextIO], None]


def _lazy(module: str) -> Formatter:
    """``outputs.<module>.write``, imported when a run writes that format (the HTML
    report and JUnit XML pull in modules a text run never needs)."""

    def write(result: "RunResult", stream: TextIO) -> None:
        return importlib.import_module(f"{__name__}.{module}").write(result, stream)

    def require() -> None:
        """What the format needs that may not be installed (an extra), checked before the run."""
        check = getattr(importlib.import_module(f"{__name__}.{module}"), "require", None)
        if check is not None:
            check()

    write.__qualname__ = write.__name__ = f"{module}.write"
    write.require = require  # type: ignore[attr-defined]
    return write


@hookimpl
def corpuslint_register_formats():
    return {
        "text": _lazy("text"),
        "json": _lazy("json_format"),
        "sarif": _lazy("sarif"),
        "github": _lazy("github"),
        "junit": _lazy("junit"),
        "gitlab": _lazy("gitlab"),
        "html": _lazy("html"),
    }
