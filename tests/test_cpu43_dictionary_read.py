"""cpu43 (issue 14, target 2): the whole hunspell dictionary read with its IGNORE line
moved (``hunspell_index.read_whole``) answers as the dictionary read as it is, the
definition it replaces (``hunspell.Hunspell(stem, hunspell_data_dir=directory)``): on
the Arabic dictionary's own words, with marks put in, on random strings (hypothesis),
and on small dictionaries written at random around the cases the move must get right
(an IGNORE line after some affix lines, escaped slashes, morphological fields, a word
only of marks)."""

from __future__ import annotations

import random

import hunspell
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuslint.families.spelling import hunspell_index
from corpuslint.families.spelling.backends import _find_dictionary

from .conftest import SAMPLES

AR_DIR, _ = _find_dictionary("ar", ())
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640\u0670"  # the Arabic .aff's IGNORE
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأؤئإآ"


def _as_it_is(directory: str, stem: str):
    """The definition ``read_whole`` replaces: hunspell reads the files as they are."""
    return hunspell.Hunspell(stem, hunspell_data_dir=directory)


@pytest.fixture(scope="module")
def old():
    return _as_it_is(AR_DIR, "ar")


@pytest.fixture(scope="module")
def new():
    return hunspell_index.read_whole(AR_DIR, "ar")


def _dic_words() -> list[str]:
    with open(f"{AR_DIR}/ar.dic", encoding="utf-8") as fh:
        next(fh)
        return [line[: hunspell_index.dic_word_end(line)] for line in fh.read().splitlines()]


def test_the_arabic_dictionary_takes_the_fast_path():
    with open(f"{AR_DIR}/ar.aff", encoding="utf-8") as fh:
        aff = fh.read()
    moved, ignore = hunspell_index._ignore_last(aff)
    assert sorted(ignore) == sorted(MARKS) and moved.rstrip("\n").endswith(f"IGNORE {ignore}")
    assert "\nIGNORE" not in moved[: moved.rindex("IGNORE")]  # (once, at the end)
    with open(f"{AR_DIR}/ar.dic", "rb") as fh:
        dic = fh.read()
    stripped = hunspell_index._strip_dic_words(dic, ignore)
    changed = [(a, b) for a, b in zip(dic.decode().splitlines(), stripped.decode().splitlines()) if a != b]
    assert len(changed) == 9 and ("السيّاد/229\t11", "السياد/229\t11") in changed


def test_every_dictionary_word_and_its_marked_forms_answer_as_before(old, new):
    words = _dic_words()
    rnd = random.Random(43)
    asked = [w for w in words if any(c in w for c in MARKS)] + words[::40]
    for w in words[::97]:
        i = rnd.randrange(1, len(w) + 1)
        asked += [w[:i] + rnd.choice(MARKS) + w[i:], w[:i - 1] + rnd.choice(LETTERS) + w[i:]]
    for path in sorted(SAMPLES.glob("*.txt")):
        asked += regex.findall(r"[\u0621-\u0652\u0670]{2,}", path.read_text(encoding="utf-8"))
    assert len(asked) > 20_000
    assert [w for w in asked if old.spell(w) != new.spell(w)] == []
    assert sum(map(new.spell, asked)) > 10_000  # (most are words)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=LETTERS[:12] + MARKS + "09-. ", max_size=12))
def test_random_strings_answer_as_before(old, new, word):
    # digits, dashes and dots around marks: hunspell's number and BREAK checks see the
    # word before the affix reader drops the marks, in both
    assert old.spell(word) == new.spell(word)


_AFF_HEAD = "SET UTF-8\nFLAG long\nTRY ابت\n"
_REP = "REP 1\nREP ا أ\n"
# (append strings with marks, of marks only, and "0" with a mark: empty once stripped)
_PFX = "PFX Aa Y 3\nPFX Aa 0 ال .\nPFX Aa 0 بِ .\nPFX Aa 0 0\u064e .\n"
_SFX = "SFX Bb Y 4\nSFX Bb 0 ةً .\nSFX Bb 0 ها/Aa .\nSFX Bb 0 \u064b\u0651/Aa .\nSFX Bb 0 \u064f [^ة]\n"
_IGNORE = f"IGNORE {MARKS}\n"
_WORD = st.text(alphabet="كتب" + MARKS[:3] + MARKS[-2:], min_size=1, max_size=5)
_TAIL = st.sampled_from(["", "/Aa", "/BbAa", "/Bb", "\tpo:noun", " st:كتب", "/Aa po:noun", "\\/x", "/"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.one_of(st.just([_REP, _IGNORE, _PFX, _SFX]), st.just([_IGNORE, _REP, _SFX, _PFX]),
                      st.permutations([_REP, _PFX, _SFX, _IGNORE])), lines=st.lists(st.tuples(_WORD, _TAIL), min_size=1,
                                                                          max_size=8),
       asked=st.lists(_WORD, max_size=6))
def test_small_dictionaries_answer_as_before(tmp_path_factory, order, lines, asked):
    # the IGNORE line before or after the affixes (their append strings keep the marks
    # hunspell kept) and before or after REP (the move gains nothing: the files as they are)
    tmp = tmp_path_factory.mktemp("dic")
    (tmp / "t.aff").write_text(_AFF_HEAD + "".join(order), encoding="utf-8")
    dic = [w + tail for w, tail in lines]
    (tmp / "t.dic").write_text(f"{len(dic)}\n" + "\n".join(dic) + "\n", encoding="utf-8")
    old, new = _as_it_is(str(tmp), "t"), hunspell_index.read_whole(str(tmp), "t")
    words = [w for w, _ in lines] + asked
    words += ["ال" + w for w in words] + [w + "ها" for w in words] + [w + "ةً" for w in words]
    assert [w for w in words if old.spell(w) != new.spell(w)] == []


def test_what_the_move_does_not_take(tmp_path, monkeypatch):
    aff = _AFF_HEAD + _REP + _IGNORE + _PFX + _SFX
    moved, _ = hunspell_index._ignore_last(aff)
    # an append string of marks only is written "0", as hunspell reads it once stripped
    assert "SFX Bb 0 0 [^ة]\n" in moved and "SFX Bb 0 0/Aa .\n" in moved and "SFX Bb 0 ة .\n" in moved
    assert hunspell_index._ignore_last(_AFF_HEAD + _IGNORE + _PFX + _REP + _SFX) is None  # REP after the affixes
    assert hunspell_index._ignore_last(_AFF_HEAD + _REP + _PFX) is None  # nothing to move
    assert hunspell_index._ignore_last(aff + _IGNORE) is None  # twice: hunspell refuses the file
    assert hunspell_index._ignore_last(_AFF_HEAD + _REP + _PFX + _IGNORE + _SFX) is None  # words keep their marks
    # a word of marks only, or a backslash the dropping would put before the flags' slash
    assert hunspell_index._strip_dic_words(f"1\n{MARKS[:2]}/Aa\n".encode(), MARKS) is None
    assert hunspell_index._strip_dic_words(f"1\nكت\\{MARKS[0]}/Aa\n".encode(), MARKS) is None
    unmarked = "2\nكتب/Aa\nقلم\n".encode()
    assert hunspell_index._strip_dic_words(unmarked, MARKS) == unmarked
    # no temporary folder: the files as they are, the same verdicts
    (tmp_path / "t.aff").write_text(aff, encoding="utf-8")
    (tmp_path / "t.dic").write_text("2\nكِتاب/Aa\nقلم/Bb\n", encoding="utf-8")

    def no_folder(*a, **k):
        raise OSError("no temporary folder")

    monkeypatch.setattr(hunspell_index.tempfile, "TemporaryDirectory", no_folder)
    fallback = hunspell_index.read_whole(str(tmp_path), "t")
    assert fallback.spell("الكتاب") and fallback.spell("كِتَاب") and fallback.spell("قلمها")


@pytest.mark.parametrize("line, end", [
    ("كتاب/Aa", 4), ("كتاب", 4), ("كتاب\tpo:noun", 4), ("كتاب po:noun", 4), ("كتاب/Aa po:noun", 4),
    ("a\\/b/Aa", 4), ("/ab", 1), ("ab  st:x", 2), ("a:b", 3), (" st:x", 5),
])
def test_dic_word_end(line, end):
    assert hunspell_index.dic_word_end(line) == end
