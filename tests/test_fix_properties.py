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
from hypothesis import HealthCheck, example, given, settings, strategies as st

from corpuslint.engine import build_registry, fixable, run
from corpuslint.text.tokens import tokens

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
    return _fix_counted(text, select, unsafe)[:2]


def _fix_counted(text: str, select: tuple[str, ...] | None, unsafe: bool) -> tuple[str, list, int]:
    """(fixed text, findings left that this command shows fixable, how many fixes it applied)."""
    config, registry = _registry(select)
    with tempfile.TemporaryDirectory() as d:
        config.root = d
        path = Path(d) / "t.txt"
        path.write_bytes(text.encode("utf-8"))
        result = run([d], config, registry, fix=True, unsafe_fixes=unsafe)
        left = [f for f in result.findings if fixable(f, unsafe)]
        return path.read_bytes().decode("utf-8"), left, result.fixed


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


# -- the whole rule set's safe fixes keep the words (fixk25: fresh25's bugs 1 and 2) -----------------

CYRILLIC = "абвгдежзиклмнопрстуфхцчшщыэюя"
GREEK = "αβγδεζηθικλμνξοπρστυφχψω"
HAN = "中文字词语句段"
# pieces a safe fix may touch: backspace overstrike (nroff underline and bold), stray controls,
# terminal and mIRC colour codes, cp1252 mojibake (à, é), tatweel, bidi and zero-width marks
SPECIAL = ["_\bn", "I\bI", "___\b\b\bABC", "\a", "\a\a", "\x00", "\b", "\x1b[31m", "\x1b[0m", "\x038,1", "\x02",
           "Ã\u00a0", "Ã©", "\u0640", "\u200f", "\u200e", "\u200c", "\u2067", "\u2069"]
mixed_word = st.one_of(*(st.text(a, min_size=1, max_size=6) for a in (ARABIC, LATIN, CYRILLIC, GREEK, HAN)))
mixed_piece = st.tuples(st.sampled_from(PUNCT), mixed_word,
                        st.lists(st.sampled_from(SPECIAL), max_size=2).map("".join),
                        st.sampled_from(PUNCT), st.sampled_from(SEPARATORS))
mixed_texts = st.lists(mixed_piece, min_size=1, max_size=12).map(lambda ps: "".join(map("".join, ps)))

_CODES = regex.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x03\d{1,2}(?:,\d{1,2})?")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\n\r]")  # (as A109 reads a line)


def _overstruck(text: str) -> str:
    """``text`` as nroff's overstrike shows it: k characters, k backspaces and k characters
    where each pair is a character and ``_`` (underline) or the same character twice (bold)
    show that character; other backspaces are left."""
    out, pos = [], 0
    for m in regex.finditer(r"\x08+", text):
        k = len(m.group())
        before, after = text[m.start() - k : m.start()], text[m.end() : m.end() + k]
        if (m.start() - k < pos or len(after) < k or _CONTROL.search(before + after)
                or not all(a == b or (a == "_" and not b.isspace()) or (b == "_" and not a.isspace())
                           for a, b in zip(before, after))):
            continue
        out += [text[pos : m.start() - k], "".join(a if b == "_" else b for a, b in zip(before, after))]
        pos = m.end() + k
    return "".join(out) + text[pos:]


def _shown_words(text: str) -> list[str]:
    """The text's word tokens (``corpuslint.text.tokens``) after normalising only what a safe
    fix may change: a backspace overstrike shows one character (``_overstruck``), terminal and
    mIRC colour codes and invisible marks show nothing (ZERO WIDTH SPACE and white space of any
    kind are one word break); tatweel is no letter."""
    text = _CODES.sub("\x1b", _overstruck(text)).replace("\u200b", " ")
    return tokens(regex.sub(r"[\p{Cf}\u00ad\u0640]", "", text))


# randomized: paths on which safe fixes, each keeping the words alone, glue them together are
# closed in the engine (apply_fixes judges the words on the text all safe fixes leave, glue40), and
# so are those on which a safe fix taken first changes an unsafe fix's evidence further on
# (_Evidence, glue41: W102's NBSPs at 3 and 9, one inside A105's «Ã\xa0» at 8): pinned below
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("ء ء\xa0ء_\x08nÃ\xa0، ")  # W102's second NBSP in A105's mojibake, its first before it (glue41)
@example("ء ء ء ء\x07\u200bء ")  # A109 deleted the bell, W112 the ZWSP it judged beside a control: "ءء"
@example("ء ء ء ء\x038,1\u200bء ")  # the same past a mIRC colour code A109 deletes with its digits
@example("ء ء ء ء\x07\u200eء ")  # A109's bell between a letter and an LRM before a letter: "ءء" shown
@example("ء ء\x07_\x08n ")  # A109 deleted the bell, the overstrike gave "n": "ءn" (one token)
@example('su "CarrÃ\u00a0mba", Feb\n')  # W102's space in A105's mojibake (fresh25, bug 1)
@example("ء ء ء ء_\x08n_\x08n\u200bء_\x08nÃ\xa0 ")  # a cp1252 pair A105 does not report: W102 may fix it
@example("ء ء ء ء α\u200b___\x08\x08\x08ABC ء ")  # W112 deleted the ZWSP before an underline, A109 showed "ABC": "αABC"
@example("ء ء ء ء ء ء ء ء\u200b_\x08n ")  # the same with one underlined letter: "ءn" (glue40's random search)
@given(mixed_texts)
def test_default_rules_safe_fix_keeps_the_words(text):
    once, _ = fix(text, None, False)
    assert _shown_words(once) == _shown_words(text)
    # and no safe fix destroys what only an unsafe one repairs: the mojibake A105 reports stays
    # as it was (a cp1252 pair A105 does not take for mojibake, beside Arabic letters, is text)
    import corpuslint

    reported = [text[f.start : f.end] for f in corpuslint.lint_text(text, "t.txt", config={"select": ["A105"], "cache": False})]
    for span in set(reported):
        assert once.count(span) >= reported.count(span)


# -- --fix converges over the whole rule set (conv29: fresh29's bug B1) --------------------------------
# W101's trailing space on a line D101 deletes (unsafe, so not applied) waited for ever behind the
# deletion's span: every --fix said "1 fixed ... [*] 1 fixable". Lines of real text (the Spanish
# verses of tests/data/realtext/quran-es-83.txt, the Persian UDHR of tests/data/udhr/pes_1.txt),
# drawn from a few so that they repeat, each with what a safe or an unsafe fix may touch at its end
# or between its words; property: one --fix leaves nothing it shows fixable, a second applies nothing.

_DATA = Path(__file__).parent / "data"
VERSES = [line for line in (_DATA / "realtext" / "quran-es-83.txt").read_text(encoding="utf-8").splitlines()
          if len(line.split()) >= 4][:6]
PERSIAN = [p for p in (_DATA / "udhr" / "pes_1.txt").read_text(encoding="utf-8").split("\n\n")
           if 4 <= len(p.split()) <= 40][:4]
ENDS = ["", "", " ", "  ", "\t", "\u00a0", " \u200b", "\u200f", "\u0640", "\x07"]
INSIDE = ["", "", "\u00a0", "Ã\u00a0", "\u200b", "  ", "\u0640", "\x1b[31m"]
BREAKS = ["\n", "\n", "\n\n", "\r\n", "\n\n\n"]


def _decorated(line: str, inside: str, where: int, end: str) -> str:
    words = line.split(" ")
    k = where % len(words)
    return " ".join(words[:k]) + (" " if k else "") + inside + " ".join(words[k:]) + end if inside else line + end


verse = st.builds(_decorated, st.sampled_from(VERSES + PERSIAN), st.sampled_from(INSIDE), st.integers(0, 30),
                  st.sampled_from(ENDS))
verse_texts = st.lists(st.tuples(verse, st.sampled_from(BREAKS)), min_size=2, max_size=10).map(
    lambda ls: "".join(v + b for v, b in ls))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("".join(v + "\n" for v in VERSES[:5]) + VERSES[1] + " \n")  # W101 on the line D101 deletes (fresh29)
@example(VERSES[0] + "\n\n" + VERSES[0] + "\u00a0\n")  # the same with a no-break space (W102)
@example(VERSES[2] + "\n" + VERSES[2] + " Ã\u00a0\n")  # the copy holds mojibake too (A105's evidence)
@given(verse_texts)
def test_default_rules_fix_converges(text):
    once, left, _ = _fix_counted(text, None, False)
    assert not left, [(f.code, f.line, f.message) for f in left]
    twice, left, fixed = _fix_counted(once, None, False)
    assert (twice, fixed) == (once, 0)


# -- misc44: what a fix must never take (fresh31's bug 6, bug 2, kind 4) ------------------------------
# W112 with flag-zwj/flag-zwnj: a joiner right after a virama is spelling (Sinhala yansaya, Malayalam
# chillu, Marathi eyelash ra): no fix, safe or unsafe, removes it. A105/A109: C1 bytes touching a Khmer
# word are lost bytes: no fix deletes them or writes cp1252's characters (˜, ž, ”...) into the text.
# W115: a quotation padded at its end, the first after a verb of typing in its sentence, is the
# string typed: no fix.

_JOINER_REGISTRY: dict = {}


def _fix_with(text: str, table: dict, unsafe: bool) -> tuple[str, list]:
    key = repr(sorted(table.items()))
    if key not in _JOINER_REGISTRY:
        _JOINER_REGISTRY[key] = build_registry(["."], table={"cache": False, **table})
    config, registry = _JOINER_REGISTRY[key]
    with tempfile.TemporaryDirectory() as d:
        config.root = d
        path = Path(d) / "t.txt"
        path.write_bytes(text.encode("utf-8"))
        result = run([d], config, registry, fix=True, unsafe_fixes=unsafe)
        return path.read_bytes().decode("utf-8"), [f for f in result.findings if fixable(f, unsafe)]


INDIC = "කපරයනමවලනകവരയसरयकतम"
VIRAMAS = ["\u0dca", "\u0d4d", "\u094d", ""]
JOINS = ["\u200d", "\u200c", "\u200d\u200d", "", "\u200b"]
indic_piece = st.tuples(st.text(INDIC, min_size=1, max_size=4), st.sampled_from(VIRAMAS), st.sampled_from(JOINS),
                        st.sampled_from(["", " ", "\n", "", "\u00a0"]))
indic_texts = st.lists(indic_piece, min_size=1, max_size=30).map(lambda ps: "".join("".join(p) for p in ps))
_AFTER_VIRAMA = regex.compile(r"\p{ccc=9}[\u200c\u200d]")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("ප්\u200dර ന്\u200d\u200dവ\n", True)
@given(indic_texts, st.booleans())
def test_w112_flag_zwj_fix_keeps_every_joiner_after_a_virama(text, unsafe):
    table = {"select": ["W112"], "rules": {"W112": {"flag-zwj": True, "flag-zwnj": True}}}
    once, left = _fix_with(text, table, unsafe)
    assert not left, [(f.code, f.message) for f in left]
    assert len(_AFTER_VIRAMA.findall(once)) == len(_AFTER_VIRAMA.findall(text))
    assert _fix_with(once, table, unsafe)[0] == once


KHMER = "កខគងចញដតនបពមយរលសហអាិីុូេែោំះ្"
C1 = "\x85\x8f\x94\x98\x9a\x9e"
khmer_word = st.builds(str.__add__, st.sampled_from(KHMER[:16]), st.text(KHMER, max_size=4))  # a consonant first
khmer_piece = st.tuples(st.text(C1, max_size=2), khmer_word, st.text(C1, max_size=2),
                        st.sampled_from([" ", "\u200b", "\n", " ។ ", "\u200b"]))
khmer_texts = st.lists(khmer_piece, min_size=1, max_size=20).map(lambda ps: "".join("".join(p) for p in ps))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("ក្រោ\x98 ៖ \x9e\x94ញ្ចូល\n", True)
@given(khmer_texts, st.booleans())
def test_lost_bytes_in_khmer_words_are_never_repaired_as_cp1252(text, unsafe):
    # (a Khmer letter, a vowel sign or the coeng on each C1 run's side: no run stands between spaces)
    once, _ = _fix_with(text, {"select": ["A105", "A109"]}, unsafe)
    assert once == text


typed = st.builds(lambda before, verb, inner, after: f"{before}. {verb} \"{inner} \" {after}.\n",
                  st.text("αβγδεζηθικλμνξοπρστυφχψω ", min_size=1, max_size=20),
                  st.sampled_from(["πληκτρολογήστε", "type", "Εισάγετε το κείμενο, για παράδειγμα,"]),
                  st.text("αβγδεζηθικλμνξοπρστυφχψω", min_size=1, max_size=10),
                  st.text("αβγδεζηθικλμνξοπρστυφχψω ", min_size=0, max_size=20))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed, st.booleans())
def test_w115_fix_keeps_the_space_of_a_string_typed(text, unsafe):
    assert _fix_with(text, {"select": ["W115"]}, unsafe)[0] == text


# -- safe fixes never edit a byte of mojibake (fx33b: fresh33's bug 1) ----------------------------
# UTF-8 text read with a code page: each byte of a letter becomes a character, 0xA0 a no-break
# space (Hebrew נ is D7 A0), 0xAD a soft hyphen, 0xB7 a middle dot (Cyrillic з is D0 B7), a byte
# the code page leaves undefined U+FFFD. A safe fix that turns one of them into a space or deletes
# it loses the letter for good once the text is decoded back.

HEBREW = "אבגדהוזחטיכלמנסעפצקרשתםןץףך"
EUROPEAN = "àâçéèêëîïôùûüÿœæßäöñåøšžčřłąęőű"
READINGS = ("cp1252", "cp1255", "cp1251")
# (words of two letters at least: a one-letter word read as a code page is one pair, "×\u00a0" for
# נ, "Ã\u00a0" for à, which text writes as itself too, "2\u00a0×\u00a03": A105 judges its line)
script_word = st.one_of(*(st.text(a, min_size=2, max_size=8) for a in (HEBREW, CYRILLIC, GREEK, EUROPEAN, ARABIC)))
script_texts = st.lists(st.tuples(script_word, st.sampled_from(["", ".", ",", ":", "!"]),
                                  st.sampled_from([" ", " ", "\n"])),
                        min_size=1, max_size=24).map(lambda ps: "".join(map("".join, ps)))


def _read_back(text: str, codec: str) -> str:
    """``text`` (UTF-8 read as ``codec``) encoded back to its bytes and decoded as UTF-8."""
    return text.encode(codec, errors="replace").decode("utf-8", errors="replace")


def _letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("החטים והזונין אינן כלאים זה בזה\n", "cp1255")  # Mishnah Kilayim 1:1: W102 made its 3 nuns spaces (fresh33)
@example("Лишний вес - это дополнительная нагрузка на... кошелёк\n", "cp1251")  # A121's "middle dot" is з's byte B7
@example("Вісім зірок: з\n", "cp1252")
@given(script_texts, st.sampled_from(READINGS))
def test_safe_fixes_inside_mojibake_lose_no_letter_of_the_original(text, codec):
    misread = text.encode("utf-8").decode(codec, errors="replace")
    fixed, _, _ = _fix_counted(misread, None, False)
    assert _letters(_read_back(fixed, codec)) == _letters(_read_back(misread, codec))
