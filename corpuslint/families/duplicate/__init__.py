"""Duplicate family (codes D1xx): repeated lines, near-copies, restated passages,
cross-file near-duplicate paragraphs and documents (MinHash LSH), boilerplate lines,
exact duplicate records of datasets.

Modules: ``units`` (normalised tokens, shingles, vectorised MinHash signatures),
``lsh`` (banding, exact verification, clusters), ``local`` (document rules) and
``corpus`` (corpus rules, whose states the corpus index caches) and ``records``
(D107, whole dataset records compared exactly).
"""

from ...hookspecs import hookimpl
from .corpus import BoilerplateLine, CrossFileDuplicateParagraph, NearDuplicateDocument
from .local import ExactDuplicateLine, NearDuplicateParagraph, RestatedPassage
from .records import DuplicateRecord

RULES = [
    ExactDuplicateLine,
    NearDuplicateParagraph,
    RestatedPassage,
    CrossFileDuplicateParagraph,
    NearDuplicateDocument,
    BoilerplateLine,
    DuplicateRecord,
]

__all__ = [cls.__name__ for cls in RULES] + ["RULES"]


@hookimpl
def corpuslint_register_rules():
    return list(RULES)
