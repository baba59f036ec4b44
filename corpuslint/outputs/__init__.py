"""Output formats, registered through the public ``corpuslint_register_formats`` hook.

A formatter is ``formatter(result: RunResult, stream: TextIO) -> None``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, TextIO

from ..hookspecs import hookimpl
from . import github, gitlab, html, json_format, junit, sarif, text

if TYPE_CHECKING:
    from ..engine import RunResult

Formatter = Callable[["RunResult", TextIO], None]


@hookimpl
def corpuslint_register_formats():
    return {
        "text": text.write,
        "json": json_format.write,
        "sarif": sarif.write,
        "github": github.write,
        "junit": junit.write,
        "gitlab": gitlab.write,
        "html": html.write,
    }
