"""S105 and S106 leave a word inside a URL, an e-mail address or a file path alone
(``corrections._PROTECTED_RE``). They used to search the whole document for those
(~1 ms a 5 KB Arabic document: each word character may begin an e-mail address) as soon
as one candidate turned up; ``corrections.ProtectedRuns`` searches only the candidate's
white-space-separated run, where every such match lies, once a run: the same answer for
every word. Likewise ``corrections.EnglishEvidence`` counts a paragraph's English
evidence once, not once a candidate (both were quadratic in a line of candidates:
benchmarks/bench_pathological.py's ``misspelt-path``).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import lint_text
from corpuslint.document import Document
from corpuslint.families.spelling.corrections import (_PROTECTED_RE, EnglishEvidence, KnownMisspelling, ProtectedRuns,
                                                      reads_english)


REAL = Path(__file__).parent / "data" / "realtext"


def _by_whole_text(text: str, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in (m.span() for m in _PROTECTED_RE.finditer(text)))


def _word_spans(text: str) -> list[tuple[int, int]]:
    import regex

    return [m.span() for m in regex.finditer(r"[\p{L}\p{M}\p{N}_]+", text)]


_PIECES = st.sampled_from(["teh", "recieve", "لاكن", "http://", "https://x.org/", "www.", "a@b.org", "user@",
                           "/usr/share/doc", "./a/b", "~/x/y", "docs/teh.md", "C:\\teh\\x", ".", "/", "@", ":",
                           " ", "\n", "\t", "\u00a0", "\u2003", "(", ")", "-", "+", "%", "é", "ـ", "1"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_a_words_run_gives_the_whole_texts_answer(text):
    runs = ProtectedRuns(text)
    words = _word_spans(text)
    for start, end in words + words[::-1]:  # (in text order, as the rules ask, and against it)
        assert runs.holds(start, end) == _by_whole_text(text, start, end), (text, start, end)


def test_every_word_of_the_real_texts_gets_the_whole_texts_answer():
    words = protected = 0
    for path in sorted(p for p in REAL.rglob("*") if p.is_file()):
        text = path.read_bytes().decode("utf-8", "replace")
        if len(text) > 200_000:
            continue
        runs = ProtectedRuns(text)
        spans = [m.span() for m in _PROTECTED_RE.finditer(text)]
        for start, end in _word_spans(text):
            want = any(a <= start and end <= b for a, b in spans)
            assert runs.holds(start, end) == want, (path.name, text[start:end])
            words += 1
            protected += want
    assert words > 100_000 and protected > 500  # (manuals and READMEs: URLs and paths aplenty)


def test_a_misspelling_in_a_url_or_path_is_left_and_in_prose_reported():
    text = ("لاكن الخبر صحيح.\n\nانظر http://example.org/لاكن/teh.html و docs/لاكن.md و user.لاكن@mail.org\n\n"
            "I recieve mail at teh@host.org and at ~/teh/recieve/x and teh end.\n")
    for name in ("a.txt", "a.md"):
        found = list(KnownMisspelling().check(Document(name, text)))
        got = sorted((f.start, text[f.start:f.end]) for f in found)
        assert [w for _s, w in got] == ["لاكن", "recieve", "teh"], got  # (the first word of each prose sentence)
        assert all(not _by_whole_text(text, f.start, f.end) for f in found)


def test_persian_letter_forms_inside_a_url_or_a_path_are_left():
    text = ("این صفحه به شما کمک می‌کند تا نمايه‌های خود را مدیریت کنید.\n\n"
            "ببینید https://fa.example.org/wiki/نمايه‌های/كتاب و /usr/share/doc/نمايه‌های/كتاب را.\n")
    got = lint_text(text, "page.txt", config={"select": ["S106"], "per-file-language": {"*.txt": "fa"},
                                              "cache": False})
    assert [text[f.start:f.end] for f in got] == ["نمايه\u200cهای"] and got[0].start < text.index("\n")


def test_english_evidence_counted_once_a_paragraph_gives_each_words_answer():
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(REAL.rglob("*")) if p.is_file()]
    texts = [t for t in texts if len(t) < 60_000 and _latin_text(t)][:40]
    texts.append("objave teh strani\n\nI saw teh cat and the dog.\n\n" + "teh/" * 300 + "\n")
    asked = 0
    for text in texts:
        for language in (None, "sl"):
            doc = Document("a.txt", text, language=language) if language else Document("a.txt", text)
            evidence = EnglishEvidence(text)
            for start, _end in _word_spans(text)[:400]:
                assert reads_english(doc, start, evidence) == reads_english(doc, start), (start, language)
                asked += 1
    assert asked > 5000


def _latin_text(text: str) -> bool:
    return sum(c.isascii() and c.isalpha() for c in text[:5000]) > 500
