"""cpu18 (issue 14, target 2): exact short paths of the spelling family, each checked
against the computation it replaces on real text."""

from __future__ import annotations

from pathlib import Path

from corpuslint.document import Document
from corpuslint.families.spelling import analysis
from corpuslint.families.spelling.backends import forget_map_memos

SAMPLES = Path(__file__).parent.parent / "samples"


def _merged(folder: str, lang: str):
    paths = sorted((SAMPLES / folder).glob("*.txt"))
    states = {str(p): analysis.analyse(Document(str(p), p.read_text(encoding="utf-8")), (lang,)) for p in paths}
    return analysis.merge(states, (lang,)).langs[lang]


def test_corpus_known_is_the_dictionary_verdict_of_every_corpus_word():
    # LangCorpus.known reads a corpus word's verdict from the map's rejected counts
    # (S101's candidates): the same as asking the back-end (hunspell with its retries)
    lc = _merged("news-ar", "ar")
    b = lc.backend
    forget_map_memos()  # (as in the reduce: the map's verdicts forgotten, hunspell asked afresh)
    words = [w for w in lc.words if len(w) >= b.min_length]
    assert len(words) > 1000
    verdicts = [lc.known(w) for w in words]
    assert verdicts == [b.known(w) for w in words]
    assert 0 < verdicts.count(False) < len(words)  # (both verdicts occur)
    # short words and words outside the corpus are the back-end's own answer
    for w in ["في", "من", "كتابب", "الحققت", "يذهبون", "qwerty"]:
        assert lc.known(w) == b.known(w)
