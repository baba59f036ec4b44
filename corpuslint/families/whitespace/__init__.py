"""Whitespace family (W): registered through the public plugin hook like any plugin."""

from ...hookspecs import hookimpl
from . import invisible, lines, punctuation, spaces

RULES = spaces.RULES + lines.RULES + invisible.RULES + punctuation.RULES


@hookimpl
def corpuslint_register_rules():
    return RULES
