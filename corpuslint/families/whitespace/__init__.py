"""Whitespace family (W): registered through the public plugin hook like any plugin."""

from ...hookspecs import hookimpl
from . import invisible, lines, punctuation, script_digits, spaces

RULES = spaces.RULES + lines.RULES + invisible.RULES + punctuation.RULES + script_digits.RULES


@hookimpl
def corpuslint_register_rules():
    return RULES
