"""The spelling family (S1xx): dictionary + corpus context + morphology.

Rules:

* S101 slip — dictionary-rejected AND a second signal (corpus neighbour / ال+verb);
* S102 unknown-word — dictionary-rejected, no second signal (info, off by default);
* S103 transliteration-inconsistency — one name, two transliterations;
* S104 repeated-word — "في في";
* S105 known-misspelling — codespell-format corrections + the project reject list;
* S106 arabic-letter-form — Arabic ي ك ى (Urdu: a final ه) inside Persian and Urdu words ("نمايه" for نمایه).

Project word lists live in ``[tool.corpuslint.spelling]`` (see ``project.py``);
language back-ends (hunspell dictionary, qalsadi morphology) in ``backends.py``.
"""

from __future__ import annotations

import os

from ...hookspecs import hookimpl
from . import project
from .backends import Backend, BackendUnavailable, get_backend, register_backend
from .corrections import KnownMisspelling, parse_corrections
from .letter_forms import ArabicLetterForm
from .project import add_project_words
from .repeated import RepeatedWord
from .slip import Slip
from .transliteration import TransliterationInconsistency
from .unknown import UnknownWord

RULES = [Slip, UnknownWord, TransliterationInconsistency, RepeatedWord, KnownMisspelling, ArabicLetterForm]

__all__ = [
    "ArabicLetterForm",
    "Backend",
    "BackendUnavailable",
    "KnownMisspelling",
    "RULES",
    "RepeatedWord",
    "Slip",
    "TransliterationInconsistency",
    "UnknownWord",
    "add_project_words",
    "get_backend",
    "parse_corrections",
    "register_backend",
]


@hookimpl
def corpuslint_register_rules():
    return list(RULES)


@hookimpl
def corpuslint_config_options():
    return {project.SECTION: dict(project.DEFAULTS)}


@hookimpl
def corpuslint_configure(config):
    section = config.section(project.SECTION) if hasattr(config, "section") else None
    project.configure(section)
    _exclude_word_files(config, section or {})
    return []


def _exclude_word_files(config, section) -> None:
    """The allowlist and corrections files are configuration, not corpus text: never
    check or fix them (a corrections file is full of misspellings by design)."""
    exclude = getattr(config, "exclude", None)
    if exclude is None:
        return
    options = (getattr(config, "rule_options", None) or {}).get(KnownMisspelling.code, {})
    for path in (section.get("allowlist-file"), section.get("corrections-file"), options.get("file")):
        if not path or not isinstance(path, str):
            continue
        if os.path.isabs(path):
            path = os.path.relpath(path, getattr(config, "root", "."))
        rel = path.replace("\\", "/").removeprefix("./")
        for pattern in (rel, "*/" + rel):
            if pattern not in exclude:
                exclude.append(pattern)
