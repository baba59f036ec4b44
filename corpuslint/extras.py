"""Optional extras, checked before a run: an output or executor that cannot be had is a
usage error found out before anything is linted, fixed or written (exit 2, one line).

``corpuslint check t2 --fix --format html -o r.html`` without the ``report`` extra used to
write the fixes and only then fail on the report; every optional module a run will need
(``--format html``: altair and vl-convert; ``--executor dask``: dask and distributed;
``corpuslint filter IN OUT.parquet``: pyarrow; an fsspec URL: fsspec and its back-end) is
imported here first. A plugin's formatter can take part: a ``require`` attribute on the
formatter (a callable raising ``ConfigError``) is called before the run
(``corpuslint/hookspecs.py``, ``corpuslint_register_formats``).
"""

from __future__ import annotations

import importlib

from .config import ConfigError

# extra name (pyproject.toml [project.optional-dependencies]) -> modules a run imports from it
EXTRAS: dict[str, tuple[str, ...]] = {
    "report": ("altair", "vl_convert"),
    "parquet": ("pyarrow", "pyarrow.parquet"),
    "dask": ("dask", "distributed"),
}


def require(extra: str, what: str) -> None:
    """Import the modules of ``extra``; ``ConfigError`` naming ``what`` needs it (and the
    first missing module) when one cannot be imported."""
    for module in EXTRAS[extra]:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise ConfigError(f"{what} needs the {extra} extra ({exc.name or module} is missing): "
                              f"pip install 'corpus-quality-lint[{extra}]'") from None


def require_formatter(formatter) -> None:
    """What a ``--format`` needs, checked before the run: the formatter's ``require()``."""
    check = getattr(formatter, "require", None)
    if callable(check):
        check()
