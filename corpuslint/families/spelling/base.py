"""Common base for the spelling rules."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...rules import CorpusRule, CorpusView, DocumentRule
from .analysis import SEP, STATE_VERSION, DocState, LangCorpus, LangState, analyse, candidates, merge
from .project import SpellingRuleMixin

FAMILY = "spelling"


class SpellingDocumentRule(SpellingRuleMixin, DocumentRule):
    family = FAMILY

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_project()


class SpellingCorpusRule(SpellingRuleMixin, CorpusRule):
    family = FAMILY

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_project()

    def collect(self, doc):
        return analyse(doc, self.project.languages)

    def fingerprint(self) -> str:
        return f"{super().fingerprint()}:state-v{STATE_VERSION}"

    def targets(self, corpus: CorpusView):
        """(path, Document, DocState, merged corpus) for every target that has a state."""
        merged = merge(corpus.states, self.project.languages)
        for path in sorted(corpus.targets):
            state = corpus.states.get(path)
            doc = corpus.documents.get(path)
            if isinstance(state, DocState) and doc is not None:
                yield path, doc, state, merged

    def unlisted_rejections(self, corpus: CorpusView):
        """(doc, language, LangCorpus, LangState, occurrence, key, document key counts) for
        every dictionary-rejected word of a target that the project neither accepts nor
        rejects (rejected words are S105's)."""
        for _path, doc, state, merged in self.targets(corpus):
            for lang, ls in state.langs.items():
                lc = merged.langs.get(lang)
                if lc is None:
                    continue
                doc_keys = None
                for occ in ls.rejected:
                    key = lc.backend.key(occ[2])
                    if self.project.accepted(lang, key) or self.project.rejected(lang, key):
                        continue
                    if doc_keys is None:  # computed once per document and language, only if needed
                        doc_keys = doc_key_counts(lc, ls)
                    yield doc, lang, lc, ls, occ, key, doc_keys


@dataclass
class SlipEvidence:
    kind: str  # "context" or "pattern"
    message: str
    suggestions: list[str]


def slip_evidence(
    lc: LangCorpus,
    ls: LangState,
    occurrence: tuple[int, int, str, str, str],
    *,
    max_count: int,
    min_candidate_count: int,
    doc_keys: Counter,
) -> SlipEvidence | None:
    """The second signal for a dictionary-rejected occurrence, or None."""
    _start, _end, clean, left, right = occurrence
    backend = lc.backend
    explanation = ls.pattern.get(clean)
    if explanation:
        return SlipEvidence("pattern", explanation, [])
    key = backend.key(clean)
    if lc.key_count.get(key, 0) > max_count:
        return None
    # Very short candidates (أن, في) are one edit away from too many foreign words.
    cands = {k for k in candidates(lc, key, min_candidate_count) if len(k) >= backend.min_length}
    if not cands:
        return None
    bigrams = lc.bigrams
    supported = []
    for k in sorted(cands):
        if left and left + SEP + k in bigrams:
            supported.append((k, left))
        if right and k + SEP + right in bigrams:
            supported.append((k, right))
    if not supported:
        return None
    # Strongest evidence first: a content-word neighbour (not في / من), then frequency.
    supported.sort(key=lambda s: (len(s[1]) < 3, -lc.key_count.get(s[0], 0), s[0], s[1]))
    # Add spellings of the same name (same transliteration key) as alternatives.
    vkey = backend.vkey
    chosen = {k for k, _ in supported}
    supported_v = {vkey(k) for k in chosen}
    chosen |= {k for k in cands if vkey(k) in supported_v}
    ranked = sorted(chosen, key=lambda k: (-doc_keys.get(k, 0), -lc.key_count.get(k, 0), k))
    prefix, _ = backend.split_prefix(clean)
    suggestions = []
    for k in ranked:
        s = lc.spell_key(k, prefix, near=clean)
        # The corrected spelling must itself occur in the corpus, unless only a
        # transparent prefix (و / ف) was added: "بالكاد" must not become "بالكان".
        if s and s != clean and s not in suggestions and (s in lc.clean_count or backend.transparent_prefix(prefix)):
            suggestions.append(s)
    if not suggestions:
        return None
    best, neighbour = supported[0]
    shown = lc.bare_spelling(best) or best
    near = lc.bare_spelling(neighbour) or neighbour
    seen = lc.key_count.get(key, 0)
    rarity = "occurs once in the corpus" if seen <= 1 else f"occurs only {seen}× in the corpus"
    message = (
        f"{rarity}, while '{shown}' ({lc.key_count[best]}×) is one letter away "
        f"and appears next to the same word '{near}'"
    )
    return SlipEvidence("context", message, suggestions)


def doc_key_counts(lc: LangCorpus, ls: LangState) -> Counter:
    key = lc.backend.key
    out: Counter = Counter()
    for clean, n in ls.counts.items():
        out[key(clean)] += n
    return out
