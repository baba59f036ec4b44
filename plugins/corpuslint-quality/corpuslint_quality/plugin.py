"""The corpuslint entry point of corpuslint-quality (``[project.entry-points.corpuslint]``)."""

from corpuslint.hookspecs import hookimpl

from .rules import RULES


@hookimpl
def corpuslint_register_rules():
    return list(RULES)
