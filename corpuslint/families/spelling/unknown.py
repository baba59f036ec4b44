"""S102 unknown-word: a dictionary-rejected word with no second signal (off by default)."""

from __future__ import annotations

from ...findings import Severity
from .base import SpellingCorpusRule, doc_key_counts, slip_evidence


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

    def reduce(self, corpus):
        learn = int(self.opts["learn-frequency"])
        for _path, doc, state, merged in self.targets(corpus):
            for lang, ls in state.langs.items():
                lc = merged.langs.get(lang)
                if lc is None:
                    continue
                backend = lc.backend
                doc_keys = doc_key_counts(lc, ls)
                for occ in ls.rejected:
                    start, end, clean, _left, _right = occ
                    key = backend.key(clean)
                    if self.project.accepted(lang, key) or self.project.rejected(lang, key):
                        continue
                    if learn > 0 and lc.key_count.get(key, 0) >= learn:
                        continue
                    if slip_evidence(lc, ls, occ, max_count=1, min_candidate_count=2, doc_keys=doc_keys):
                        continue
                    yield doc.finding(self, start, end, f"'{clean}' is not in the {lang} dictionary")
