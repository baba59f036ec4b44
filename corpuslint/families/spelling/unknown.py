"""S102 unknown-word: a dictionary-rejected word with no second signal (off by default)."""

from __future__ import annotations

from ...findings import Severity
from .base import SpellingCorpusRule


class UnknownWord(SpellingCorpusRule):
    """A word the dictionary does not know and the project has not accepted.

    What: every occurrence of a word the language's dictionary rejects (after the same
    retries as S101) that is not a slip (S101 reports those), not listed in
    ``[tool.corpuslint.spelling] accept`` or the ``allowlist-file`` (one word per line,
    ``#`` comments), and not learned from the corpus: a spelling seen at least
    ``learn-frequency`` times across the corpus is treated as a word of the corpus
    (names such as يانغ or كوريا recur; slips do not).
    Why: useful when curating a word list for a new corpus, but on news text most
    dictionary-rejected words are names and regional spellings, so it is off by
    default and only informational.
    Example: "خاركيف" in 004 (a city name seen once) is reported until it is added to
    the allowlist file.
    Fix safety: no fix; the remedy is either correcting the word or allowlisting it.
    """

    code = "S102"
    name = "unknown-word"
    default_severity = Severity.INFO
    default_enabled = False
    options = {"learn-frequency": 3}
    asks_evidence = True
    # findings on a target depend on the merged corpus and that target only (engine._parallel_reduce)
    reduce_by_target = True

    def reduce(self, corpus):
        learn = int(self.opts["learn-frequency"])
        below = learn - 1 if learn > 0 else None  # words seen ``learn`` times are learned: skipped in bulk
        for doc, lang, lc, ls, occ, key, doc_keys in self.unlisted_rejections(corpus, max_count=below):
            if learn > 0 and lc.key_count.get(key, 0) >= learn:
                continue
            if self.evidence(lc, ls, occ, doc_keys, max_count=1, min_candidate_count=2):
                continue  # a slip: S101's
            start, end, clean = occ[:3]
            yield doc.finding(self, start, end, f"'{clean}' is not in the {lang} dictionary")
