"""A105's first question, "does this text show a sign of a legacy codec mix-up?"
(``legacy.might_be_misread``), asked without five full regex scans of every long text
(issue 14, target 2: throughput).

Each of the five signs was searched over the whole text of every non-ASCII document:
~80 ns a character, 0.48 s CPU on the 10 MB bench_scale corpus (A105 was 5.6 s, 4.7%, of
a 100 MB run). A text of ``SIGN_FILTER_CHARS`` or more is now searched only for the signs
whose characters it holds (``_SIGN_NEEDS``: a class every match of the sign holds a
character of), found in one pass (``_distinct_beyond_ascii``): 0.02 s there.

Here: every match of each sign holds a character of its class (the filter never drops a
sign that would match: every character of the Basic Multilingual Plane in runs shaped like
the signs' matches, and generated text); the answer is the five searches' on generated text (long and
short, with astral characters and lone surrogates) and on every committed real-text
excerpt and fixture; and the mix-ups A105 reports are still found in a long document.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.text import legacy

from .conftest import run_cli

HERE = Path(__file__).parent

# characters at and around every class boundary of the signs, and the scripts around them
_ALPHABET = (
    "aZz Ab\n\t.-" "ابتثجح «»،"  # ASCII, Arabic
    "аяёАЯЁѐџЀӿԀ"  # Cyrillic (both cases, the block's ends)
    "¿ÀÖ×Øöø÷ÿĀ"  # Latin-1's upper half and its neighbours
    "\u0080\u009fŒœŠšŸŽžƒˆ˜\u2012–—‘’“”…\u2027‰‹›€™"  # cp1252's signs and neighbours
    "\u303fぁヿ\u3400中\u9fff가"  # kana, Han, Hangul
    "😀\U00020000"  # beyond the Basic Multilingual Plane
    "\udc80"  # a lone surrogate (an undecodable byte read with surrogateescape)
)


# runs that match a sign or nearly do, at the ends of each of its classes
_RUNS = (
    "аАЯ", "яЁА", "ёЯЯ", "ѐАЯ", "яЀА",  # small Cyrillic letter before two capitals
    "ÀÖØ", "öøÿ", "×ÀÖ", "ÿ÷À",  # three letters of Latin-1's upper half
    "aЀ", "ӿz", "ÿѐ", "Ѐÿ", "ZԀ",  # a Latin letter beside a Cyrillic one
    "\u0080x\u009fy", "–a…b", "™c€d", "Œ.œ,", "ˆx˜y", "\u2012a\u2027b", "‰a‹b›c",  # cp1252's signs in a row
    "a中b中", "ヿZ ぁa", "x\u3400 y\u9fff", "a\u303f b가",  # Latin beside kana or Han, twice
)


def _five_searches(text: str) -> bool:
    return not text.isascii() and any(sign.search(text) for sign in legacy._SIGNS)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_RUNS) | st.text(alphabet=_ALPHABET, max_size=4), max_size=12).map("".join),
       st.booleans())
def test_the_answer_is_the_five_searches(text, long):
    if long:  # (past the filter's threshold: Arabic prose around the generated characters)
        filler = "وقال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا. "
        text = filler * (legacy.SIGN_FILTER_CHARS // len(filler) + 1) + text + filler
        assert len(text) >= legacy.SIGN_FILTER_CHARS
    assert legacy.might_be_misread(text) == _five_searches(text)
    for sign in legacy._SIGNS:
        for m in sign.finditer(text):
            assert legacy._SIGN_NEEDS[sign].search(m.group()), (sign.pattern, m.group())


def test_every_match_of_a_sign_holds_a_character_its_filter_looks_for():
    """Each character of the Basic Multilingual Plane beyond ASCII, in runs shaped like
    each sign's matches (alone, repeated, beside Cyrillic capitals or Latin letters):
    whatever a sign matches holds a character of its class (``_SIGN_NEEDS``)."""
    probes = ("{c}{c}{c}", "{c}АЯ", "я{c}{c}", "{c}a{c}b", "a{c}a{c}", "{c}a Z{c}", "a{c} {c}z", "{c}Ѐ", "Ѐ{c}")
    checked = 0
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        for probe in probes:
            text = probe.format(c=c)
            for sign in legacy._SIGNS:
                m = sign.search(text)
                if m is not None:
                    checked += 1
                    assert legacy._SIGN_NEEDS[sign].search(m.group()), (hex(cp), probe, sign.pattern)
    assert checked > 60_000


def test_real_text_gets_the_five_searches_answer():
    paths = sorted(p for d in (HERE / "data" / "realtext", HERE / "fixtures") for p in d.rglob("*") if p.is_file())
    texts = [p.read_bytes().decode("utf-8", "surrogateescape") for p in paths]
    long = [t for t in texts if len(t) >= legacy.SIGN_FILTER_CHARS and not t.isascii()]
    assert len(long) >= 50
    assert [legacy.might_be_misread(t) for t in texts] == [_five_searches(t) for t in texts]


def test_a_long_document_read_with_the_wrong_codec_is_still_reported(tmp_path):
    """A Russian paragraph written in cp1251 and read as cp1252 ("Ïðèìåð"), in a long
    document of Arabic prose with curly quotes and dashes: A105 reports it."""
    russian = "Пример текста, который был прочитан в неправильной кодировке, и это видно сразу.\n"
    misread = russian.encode("cp1251").decode("cp1252")
    prose = "قال المتحدث «إن الاجتماع – الذي تأجل مرتين – سيعقد غدا» في العاصمة.\n" * 60
    doc = tmp_path / "mixed.txt"
    doc.write_text(prose + "\n" + misread * 3 + "\n" + prose, encoding="utf-8")
    assert len(doc.read_text(encoding="utf-8")) >= legacy.SIGN_FILTER_CHARS
    assert legacy._distinct_beyond_ascii(doc.read_text(encoding="utf-8")) is not None
    proc = run_cli("check", "--no-cache", "--select", "A105", "--format", "json", "--exit-zero", str(doc),
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert '"A105"' in proc.stdout and "CP1251" in proc.stdout
