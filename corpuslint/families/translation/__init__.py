"""Translation family (T): checks of a translated message against its source (the .po
reader's records, ``structure.MESSAGE``: ``Document.source``). Registered through the
public plugin hook like any plugin."""

from ...hookspecs import hookimpl
from . import newlines, placeholders, plurals

RULES = placeholders.RULES + newlines.RULES + plurals.RULES


@hookimpl
def corpuslint_register_rules():
    return RULES
