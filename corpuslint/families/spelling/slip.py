"""S101 slip: a dictionary-rejected word backed by a second, independent signal."""

from __future__ import annotations

from ...findings import Edit, Fix, Severity
from .base import SpellingCorpusRule, slip_evidence


class Slip(SpellingCorpusRule):
    """A misspelled word: rejected by the dictionary and contradicted by the corpus or the grammar.

    What: a word the language's dictionary rejects (after retrying an Egyptian final ى as ي
    and stripping the conjunctions و/ف) that also has a second, independent signal:
    (a) corpus context: the word occurs once in the whole corpus, and a word seen at
    least twice differs from it by one letter (after normalisation, ignoring clitic
    prefixes) and appears next to the same neighbour word; or (b) morphology: the
    Arabic article ال is glued to a form that can only be a verb (qalsadi). Spellings
    that differ only in the letters used for a foreign g/ch sound (غ ج ق ك) or in the
    hamza seat are not slips but S103 transliteration-inconsistency. Project word lists
    (``[tool.corpuslint.spelling]``: ``accept``, ``allowlist-file``, ``reject``; plugins
    and config-defined rules feed the same lists through ``add_project_words``): an
    accepted word is never reported by any spelling rule, a rejected word is always
    reported, by S105.
    Why: a dictionary alone drowns the user in names (يانغ، شويغو، ترامب) and
    regional spellings (فى، التى); requiring two signals keeps only real slips.
    Example: "كيم جوج أون" where the corpus writes "كيم جونج أون" / "كيم جونغ أون"
    (suggests جونغ/جونج); "النتائج الحققت" (ال + the verb حققت: meant "المحققة" or
    "التي حققت"). A suggestion is offered only when the corrected spelling itself occurs
    in the corpus (or differs only by و / ف), and candidates shorter than three letters
    (أن, في) are ignored.
    Fix safety: unsafe. The context fix replaces the word by the top suggestion
    (same document's spelling first, then the most frequent), keeping its clitic
    prefix; it is a statistical guess, so it is applied only with --unsafe-fixes. The
    morphology signal has no automatic fix (المحققة or التي حققت needs a human).
    """

    code = "S101"
    name = "slip"
    default_severity = Severity.ERROR
    fixable = True
    options = {"max-count": 1, "min-candidate-count": 2}

    def reduce(self, corpus):
        max_count = int(self.opts["max-count"])
        min_cand = int(self.opts["min-candidate-count"])
        for doc, _lang, lc, ls, occ, _key, doc_keys in self.unlisted_rejections(corpus):
            ev = slip_evidence(lc, ls, occ, max_count=max_count, min_candidate_count=min_cand, doc_keys=doc_keys)
            if ev is None:
                continue
            start, end, clean = occ[:3]
            if ev.kind == "taa":
                finding = doc.finding(self, start, end, f"'{clean}': {ev.message}")
                finding.severity = min(finding.severity, Severity.WARNING, key=lambda s: s.rank)
                yield finding
                continue
            shown = " or ".join(f"'{s}'" for s in ev.suggestions[:3])
            message = f"possible slip '{clean}': {ev.message}"
            if shown:
                message += f"; did you mean {shown}?"
            fix = None
            if ev.kind == "context" and ev.suggestions and doc.text[start:end] == clean:
                fix = Fix.unsafe(Edit(start, end, ev.suggestions[0]))
            yield doc.finding(self, start, end, message, fix=fix)

