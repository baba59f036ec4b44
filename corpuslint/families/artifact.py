"""Placeholder: this family is being written in the current change set."""

from ..hookspecs import hookimpl


@hookimpl
def corpuslint_register_rules():
    return []
