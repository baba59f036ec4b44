"""Properties of --fix over mixed Arabic/Latin text with NBSP, tabs, CRLF, lone CR,
zero-width and bidi marks (issue 11, hypothesis; bounded examples, no deadline).

For ``--fix`` and ``--fix --unsafe-fixes``:
- idempotent: fixing the fixed text changes nothing;
- no finding that the same command could fix is left;
- with ``--select W``: the text minus whitespace, invisible characters and tatweel
  (the characters the W rules exist to remove) is unchanged, so no letter, digit
  or punctuation mark is ever lost, and no two words are glued together.

The Python API runs in-process on a temp folder; the registry is built once.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import regex
from hypothesis import HealthCheck, given, settings, strategies as st

from corpuslint.engine import build_registry, fixable, run

ARABIC = "ابتثجحخدذرسشصضطظعغفقكلمنهويىةءأإآ"
LATIN = "abcdefghijklmnopqrstuvwxyzABCXYZ"
SEPARATORS = [" ", " ", " ", "  ", "\u00a0", "\t", "\n", "\r\n", "\r", "\n\n\n", "\u200b", "\u200c", "\u200e",
              "\u200f", "\u202b", "\u202c", "\u2067", "\u2069", "\u2060", "\u00ad", " \u200b", "\u3000"]
PUNCT = ["", "", "", "،", ".", ",", "؟", "!", ":", "«", "»", "\u0640"]

word = st.one_of(st.text(ARABIC, min_size=1, max_size=7), st.text(LATIN, min_size=1, max_size=7))
piece = st.tuples(st.sampled_from(PUNCT), word, st.sampled_from(PUNCT), st.sampled_from(SEPARATORS))
texts = st.lists(piece, min_size=1, max_size=40).map(lambda ps: "".join(a + w + b + s for a, w, b, s in ps))

_REMOVABLE = regex.compile(r"[\s\p{Cf}\u00ad\u0640\u3000]+")
_REGISTRIES: dict[tuple, tuple] = {}


def _registry(select: tuple[str, ...] | None):
    if select not in _REGISTRIES:
        table = {"cache": False}
        if select:
            table["select"] = list(select)
        _REGISTRIES[select] = build_registry(["."], table=table)
    return _REGISTRIES[select]


def fix(text: str, select: tuple[str, ...] | None, unsafe: bool) -> tuple[str, list]:
    """(fixed text, findings left that this command could fix)."""
    config, registry = _registry(select)
    with tempfile.TemporaryDirectory() as d:
        config.root = d
        path = Path(d) / "t.txt"
        path.write_bytes(text.encode("utf-8"))
        result = run([d], config, registry, fix=True, unsafe_fixes=unsafe)
        left = [f for f in result.findings if fixable(f, unsafe)]
        return path.read_bytes().decode("utf-8"), left


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, select, unsafe: bool, *, keeps_letters: bool) -> None:
    once, left = fix(text, select, unsafe)
    assert not left, [(f.code, f.message) for f in left]
    twice, _ = fix(once, select, unsafe)
    assert twice == once
    if keeps_letters:
        assert _REMOVABLE.sub("", once) == _REMOVABLE.sub("", text)
        # words are never glued: each word of the input is still delimited in the output
        assert len(_REMOVABLE.split(once.strip())) >= 1


@SETTINGS
@given(texts)
def test_whitespace_fix_keeps_every_visible_character(text):
    _check(text, ("W",), False, keeps_letters=True)


@SETTINGS
@given(texts)
def test_whitespace_unsafe_fix_keeps_every_visible_character(text):
    _check(text, ("W",), True, keeps_letters=True)


def _words(text: str) -> list[str]:
    """Words as a tokeniser sees them: split at whitespace, ZERO WIDTH SPACE (a word
    break) and punctuation; other format characters (LRM, SHY, WJ...) are not word
    breaks and are dropped from inside words."""
    out = []
    for w in regex.split(r"[\s\u200b\p{P}]+", text):
        w = regex.sub(r"[\p{Cf}\u00ad\u0640]", "", w)
        if w:
            out.append(w)
    return out


@SETTINGS
@given(texts)
def test_whitespace_fix_never_glues_words(text):
    once, _ = fix(text, ("W",), True)
    # every word of the fixed text is a word of the input (a glued pair would be new)
    assert set(_words(once)) <= set(_words(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_default_rules_fix_is_idempotent(text):
    _check(text, None, False, keeps_letters=False)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_default_rules_unsafe_fix_is_idempotent(text):
    _check(text, None, True, keeps_letters=False)
