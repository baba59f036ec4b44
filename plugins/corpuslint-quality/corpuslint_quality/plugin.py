"""The corpuslint entry point of corpuslint-quality (``[project.entry-points.corpuslint]``)."""

from corpuslint.hookspecs import hookimpl

from .assistant import RULES as ASSISTANT_RULES
from .language import RULES as LANGUAGE_RULES
from .rules import RULES


@hookimpl
def corpuslint_register_rules():
    return [*RULES, *ASSISTANT_RULES, *LANGUAGE_RULES]
