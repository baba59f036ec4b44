"""Quality rules measure prose, script-aware (issue 10 item 7), on real text.

Fixtures: tests/data/udhr (UDHR excerpts: Chinese, Japanese, Thai ...) and
tests/data/realtext (npm docs page, hadith excerpt); sources in their SOURCE.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpuslint.document import Document
from corpuslint_quality.rules import (
    AbnormalWordLength,
    RepeatedLines,
    ShortLines,
    SymbolHeavy,
    UnterminatedLines,
    WordCountOutOfRange,
    prose,
)

DATA = Path(__file__).resolve().parents[3] / "tests" / "data"


def _doc(rel: str) -> Document:
    path = DATA / rel
    return Document(path.name, path.read_text(encoding="utf-8"))


def test_heading_signs_are_not_symbols():
    doc = _doc("realtext/npm-get.md")
    assert doc.text.count("#") / len(doc.words) > 0.1  # what Q106 used to count
    assert list(SymbolHeavy().check(doc)) == []
    p = prose(doc)
    assert "#" not in p.text and "Synopsis" in p.lines and "npm get [<key> ...]" not in p.text
    assert not any(line.startswith("title:") for line in p.lines)  # front matter is not prose


def test_hashtag_wall_is_still_symbol_heavy():
    doc = Document("tags.md", "Follow us today\n\n" + " ".join(f"#news{i} #sport{i}" for i in range(20)) + "\n")
    (f,) = SymbolHeavy().check(doc)
    assert "hash signs" in f.message


def test_same_text_as_plain_text_counts_heading_signs():
    doc = _doc("realtext/npm-get.md")
    plain = Document("npm-get.txt", doc.text)
    # (its prose is under 50 words, where hash signs must pass max-hash-ratio-short: set it
    # to Gopher's 0.1 to see them counted)
    assert list(SymbolHeavy().check(plain)) == []
    assert [f.code for f in SymbolHeavy({"max-hash-ratio-short": 0.1}).check(plain)] == ["Q106"]
    assert list(SymbolHeavy({"max-hash-ratio-short": 0.1}).check(doc)) == []  # Markdown: headings


@pytest.mark.parametrize("code", ["cmn_hans", "jpn", "tha"])
def test_normal_chinese_japanese_thai_is_not_abnormal_word_length(code):
    doc = _doc(f"udhr/{code}.txt")
    assert list(AbnormalWordLength().check(doc)) == []
    assert list(WordCountOutOfRange().check(doc)) == []
    assert list(ShortLines().check(doc)) == []


def test_thai_without_full_stops_is_not_unterminated():
    doc = _doc("udhr/tha.txt")
    assert list(UnterminatedLines().check(doc)) == []


def test_word_length_still_measured_on_latin_and_arabic():
    assert list(AbnormalWordLength().check(_doc("udhr/eng.txt"))) == []
    soup = Document("x.txt", " ".join("a b c d e f g h" for _ in range(20)) + "\n")
    (f,) = AbnormalWordLength().check(soup)
    assert "below min 3" in f.message


def test_word_count_of_chinese_is_estimated_from_characters():
    short = Document("zh.txt", "人人生而自由,在尊严和权利上一律平等。\n")
    (f,) = WordCountOutOfRange().check(short)
    assert "word count 10 is below min 50" in f.message  # 17 characters, about 10 words


def test_hadith_lines_ending_in_rlm_after_full_stop_are_terminated():
    doc = _doc("realtext/tirmidhi-001-parallel-narrations.txt")
    assert list(UnterminatedLines().check(doc)) == []


def test_repeated_code_lines_in_markdown_are_not_repeated_lines():
    code = "\n".join(["```js", "  }", "});", "  }", "});", "  }", "});", "```"])
    text = "# Example\n\nThe callback runs once per request and closes the stream.\n\n" + code + "\n"
    assert list(RepeatedLines().check(Document("x.md", text))) == []
    # plain text: the code-like lines (``}``, ``});``) are code regions too (structure)
    assert list(RepeatedLines().check(Document("x.txt", text))) == []
    plain = "The callback runs once per request and closes the stream.\n" + "\n".join(["It closes."] * 6) + "\n"
    assert [f.code for f in RepeatedLines().check(Document("x.txt", plain))] == ["Q101"]


def test_reference_pages_and_vocalised_text_repeat_by_design():
    from corpuslint_quality.rules import RepeatedLongNgrams, RepeatedParagraphs, designed_repetition, reference_page

    doc = _doc("realtext/nodejs-api-globals.md")
    assert reference_page(doc)
    for rule in (RepeatedLines, RepeatedParagraphs, RepeatedLongNgrams):
        assert list(rule().check(doc)) == []
    # the same page measured as prose is over Gopher's duplicate-line and -paragraph
    # thresholds; its repeats are whole lines, so Q112 leaves them to Q101
    for rule, expected in ((RepeatedLines, 1), (RepeatedParagraphs, 1), (RepeatedLongNgrams, 0)):
        assert len(list(rule(options={"genre": "prose"}).check(doc))) == expected, rule.code
    hadith = _doc("realtext/tirmidhi-001-parallel-narrations.txt")
    assert designed_repetition(hadith) and not reference_page(hadith)
    # an ordinary article pasted three times is still flagged
    article = "# News\n\n" + "\n\n".join(
        ["The council approved the new budget on Monday after a long debate about schools."] * 3
        + ["Residents may comment on the plan until the end of the month at the town hall."]
    ) + "\n"
    plain = Document("news.md", article)
    assert not designed_repetition(plain)
    assert len(list(RepeatedParagraphs().check(plain))) == 1
