"""cpu18 (issue 14, target 2): exact short paths of the spelling family, each checked
against the computation it replaces on real text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

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


def _names_by_definition(sentence: str) -> set[str]:
    # local._names before cpu18's short path (no ASCII letter: no name)
    from corpuslint.families.duplicate import local

    latin = len(local._LATIN_LETTER_RE.findall(sentence))
    if latin * 2 < len(local._LETTER_RE.findall(sentence)):
        return set(local._LATIN_RE.findall(sentence))
    return set(local._CODE_NAME_RE.findall(sentence))


_NAME_TEXT = st.text(alphabet=st.sampled_from(list("abzAZ-._/+ 0\u017f\u212aéßЖكتابالمكتبة،.") + ["\u0640", "\n"]),
                     max_size=40)


@settings(max_examples=400, deadline=None)
@given(_NAME_TEXT)
def test_d103_names_short_path_is_the_definition(sentence):
    # D103's _names: a sentence without an ASCII letter has no name (both patterns start
    # a name with [A-Za-z]); the long s and the Kelvin sign are not ASCII letters either
    from corpuslint.families.duplicate import local

    assert local._names(sentence) == _names_by_definition(sentence)


def test_d103_names_on_real_sentences():
    from corpuslint.families.duplicate import local

    text = (SAMPLES / "news-ar").glob("*.txt").__next__().read_text(encoding="utf-8")
    sentences = [s for s in text.replace("؟", ".").split(".") if s.strip()] + [
        "يعمل الأمر dpkg -c على عرض محتوى الحزمة", "debc lists the package without typing its name",
        "The Depends field lists pre-depends and getReport()", "Kelvin \u212a and ſ only"]
    assert len(sentences) > 10
    for s in sentences:
        assert local._names(s) == _names_by_definition(s)
    assert local._names("يعمل الأمر dpkg -c على عرض محتوى الحزمة") == {"dpkg", "-c"}
