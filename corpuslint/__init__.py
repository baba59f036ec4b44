"""corpuslint: a fast, pluggable quality and deduplication linter for text corpora."""

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl", "lint_text", "lint_paths", "lint_records"]


def __getattr__(name):
    """``hookimpl`` (the plugin marker) is imported at first use: ``corpuslint``'s own
    start-up imports pluggy later, with its collector paused (``cli._own_process``)."""
    if name == "hookimpl":
        from .hookspecs import hookimpl

        globals()["hookimpl"] = hookimpl
        return hookimpl
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def lint_text(text, path="<text>", config=None):
    """Lint one text in memory; returns a list of ``Finding`` (document and corpus rules)."""
    from .engine import lint_text as _lint_text

    return _lint_text(text, path=path, config=config)


def lint_paths(paths, config=None):
    """Lint files and directories; returns a list of ``Finding``."""
    from .engine import lint_paths as _lint_paths

    return _lint_paths(paths, config=config)


def lint_records(records, text_field="text", id_field=None, config=None, path="<records>"):
    """Lint an iterable of records (dicts with the text in ``text_field``, dotted paths
    allowed, or plain strings); returns a list of ``Finding`` whose ``record`` is the
    ``id_field`` value or the 1-based record number. Near-duplicate records are found
    among them (D104/D105)."""
    from .engine import lint_records as _lint_records

    return _lint_records(records, text_field=text_field, id_field=id_field, config=config, path=path)
