"""Artifact family (A1xx): seed truths on samples/news-ar, and each rule on positive and
negative real-text snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpuslint.document import Document
from corpuslint.families.artifact import RULES
from corpuslint.families.artifact.boilerplate import BoilerplatePhrase
from corpuslint.families.artifact.encoding import Mojibake, ReplacementCharacter
from corpuslint.families.artifact.hexid import HexIdFragment
from corpuslint.families.artifact.links import LinkOrAddress
from corpuslint.families.artifact.markup import ControlCharacter, HtmlEntity, HtmlTag, LightweightMarkup
from corpuslint.families.artifact.residue import ScriptMismatchResidue
from corpuslint.families.artifact.symbols import SymbolOnlyLine
from corpuslint import lint_paths
from corpuslint.findings import Applicability, Severity

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "news-ar"
SEED = {p.name[:3]: p for p in SAMPLES.glob("*.txt")}

# A real paragraph from the seeds (002 l.15) used as surrounding prose in snippets.
PROSE = "اكتشفت سيئول ما لا يقل عن 10 آلاف حاوية شحن مرسلة من كوريا الشمالية إلى روسيا، تحوي 5 ملايين قذيفة مدفعية."


def seed_doc(key: str) -> Document:
    path = SEED[key]
    return Document(f"samples/news-ar/{path.name}", path.read_text(encoding="utf-8"))


def run(rule_cls, text: str, path: str = "doc.txt", **options):
    rule = rule_cls(options=options)
    return list(rule.check(Document(path, text)))


def all_findings(doc: Document):
    out = []
    for cls in RULES:
        out.extend(cls().check(doc))
    return out


def arabic_doc(*lines: str) -> str:
    """An Arabic article (enough Arabic letters for a dominant script) around ``lines``."""
    return "\n\n".join([PROSE, PROSE, *lines, PROSE]) + "\n"


def apply(text: str, findings, unsafe: bool = True) -> str:
    """Tiny fix applier (non-overlapping edits, right to left) for rule-level tests."""
    edits = []
    for f in findings:
        if f.fix is None or (f.fix.applicability is Applicability.UNSAFE and not unsafe):
            continue
        if any(e.start < a.end and a.start < e.end for e in f.fix.edits for a in edits):
            continue
        edits.extend(f.fix.edits)
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


# ---------------------------------------------------------------- seeds

SEED_TRUTHS = [
    ("001", 31, "A101", "2a02-4780-11–4f"),
    ("002", 13, "A102", "A A"),
    ("002", 47, "A102", "search"),
    ("003", 5, "A103", "تابع أحدث الأخبار عبر تطبيق"),
    ("003", 52, "A103", "أخبار متعلقة :"),
    ("004", 23, "A103", "اترك تعليقاً"),
    ("004", 25, "A103", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"),
]


@pytest.mark.parametrize("key,line,code,span", SEED_TRUTHS)
def test_seed_debris_is_reported_on_the_right_line(key, line, code, span):
    doc = seed_doc(key)
    assert doc.line_text(doc.lines[line - 1]).strip().startswith(span.split()[0])
    hits = [f for f in all_findings(doc) if f.line == line and f.code == code]
    assert len(hits) == 1, [(f.code, f.line, f.message) for f in all_findings(doc)]
    f = hits[0]
    assert f.family == "artifact"
    assert doc.text[f.start : f.end] == span
    assert f.fix is not None and f.fix.applicability is Applicability.UNSAFE


def test_seeds_have_no_other_artifact_findings_above_info():
    expected = {(k, line) for k, line, _, _ in SEED_TRUTHS}
    for key in SEED:
        for f in all_findings(seed_doc(key)):
            if f.severity.rank > Severity.INFO.rank:
                assert (key, f.line) in expected, (key, f.line, f.code, f.message)


@pytest.mark.parametrize(
    "key,line,text",
    [
        ("004", 21, "*المصدر:   Transparency News"),
        ("004", 7, "24/1/2024"),
        ("002", 3, "07:13 ص"),
        ("002", 1, "الجمعة، 22 نوفمبر 2024"),
        ("004", 1, "زيارة محتملة للرئيس الروسي بوتين إلى كوريا الشمالية"),
    ],
)
def test_seed_must_not_lines_stay_clean(key, line, text):
    doc = seed_doc(key)
    assert doc.line_text(doc.lines[line - 1]).replace("\u00a0", " ").strip() == text.replace("\u00a0", " ")
    assert [f for f in all_findings(doc) if f.line == line] == []


def test_hex_fragment_fix_removes_only_the_fragment():
    doc = seed_doc("001")
    (f,) = [f for f in HexIdFragment().check(doc)]
    fixed = apply(doc.text, [f])
    assert fixed.splitlines()[30] == "جزيرة إم آند إم"
    assert fixed.splitlines()[:30] == doc.text.splitlines()[:30]


def test_every_rule_is_documented():
    codes = [cls.code for cls in RULES]
    assert codes == sorted(codes) and len(set(codes)) == len(codes) == 14  # (left20: A121; nfc43: A122)
    for cls in RULES:
        cls.validate_class()
        assert cls.family == "artifact" and cls.code.startswith("A1")
        doc = cls.doc()
        starts = [line.split(":")[0] + ":" for line in doc.splitlines()]
        for section in ("What:", "Why:", "Example:", "Fix safety:"):
            assert section in starts, (cls.code, section)
        assert cls.fixable == (cls.code not in {"A104", "A110"})


# ---------------------------------------------------------------- A101 hex-id-fragment


@pytest.mark.parametrize(
    "token",
    [
        "2a02-4780-11–4f",  # en dash inside
        "2a02:4780:0011:004f",  # IPv6 piece
        "550e8400-e29b-41d4-a716-446655440000",  # UUID
        "2a02-4780",  # two groups, long, digit-then-letter
        "36f253348d6565aa",  # hash / object id
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "eyJhbGciOiJIUzI1NiJ9QxZ3Rva2VuX2lk",  # base64 token
    ],
)
def test_hex_id_positive(token):
    findings = run(HexIdFragment, f"قال المتحدث {token} إن الزيارة ستتم قريبا.\n")
    assert len(findings) == 1 and findings[0].start == len("قال المتحدث ")
    assert findings[0].end - findings[0].start == len(token)


@pytest.mark.parametrize(
    "text",
    [
        "أطلقت كوريا الشمالية صاروخ كى إن-٢٣ في عام 2024.",
        "وصلت طائرات F-16 و A350-1000 إلى المطار في 2024-11-22 عند 12:30:45.",
        "للاتصال: 0123-4567-890 أو +20 100 555 1234.",
        "ISBN 978-3-16-148410-0, a cafe-bad-bed joke, COVID-19 and H5N1.",
        "See ISO/IEC 10514-1:1996E and include/GLES2/gl2platform.h under GPL-2.0-with-GPL2-LGPL2-Exception.",
        "الرابط https://example.com/a/550e8400-e29b-41d4-a716-446655440000 للخبر.",
        PROSE,
    ],
)
def test_hex_id_negative(text):
    assert run(HexIdFragment, text + "\n") == []


def test_hex_id_on_its_own_line_removes_the_line_cleanly():
    text = "فقرة أولى.\n\n9f86d081-884c-7d65-9a2f\n\nفقرة ثانية.\n"
    (f,) = run(HexIdFragment, text)
    assert "no words" in f.message
    assert apply(text, [f]) == "فقرة أولى.\n\nفقرة ثانية.\n"


# ---------------------------------------------------------------- A102 script-mismatch-residue


@pytest.mark.parametrize("line", ["search", "A A", "A A A", "A- A A+", "menu share", "Facebook Twitter WhatsApp", "поиск"])
def test_residue_positive(line):
    text = arabic_doc(line)
    findings = run(ScriptMismatchResidue, text)
    assert [text[f.start : f.end] for f in findings] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "*المصدر:   Transparency News",
        "Reuters",
        "Transparency News",
        'قال المتحدث إن صحيفة "New York Times" نشرت التقرير.',
        "Search engines and the news.",  # sentence punctuation
        "iPhone 15",
        "بحث",
    ],
)
def test_residue_negative(line):
    assert run(ScriptMismatchResidue, arabic_doc(line)) == []


def test_residue_needs_a_dominant_script():
    # An English document: a short lower-case English line is not "foreign".
    text = "The minister said the talks would continue next week in Geneva and Paris. " * 5 + "\n\nsearch\n"
    assert run(ScriptMismatchResidue, text) == []
    # ...but a short Arabic line in it is.
    text = "The minister said the talks would continue next week in Geneva and Paris. " * 5 + "\n\nتسجيل الدخول\n"
    assert len(run(ScriptMismatchResidue, text)) == 1


# ---------------------------------------------------------------- A103 boilerplate-phrase


@pytest.mark.parametrize(
    "line",
    [
        "اترك تعليقاً",
        "اترك  تعليقا!",  # spacing, punctuation, tanween dropped
        "أخبار ذات صلة:",
        "اقرأ أيضًا: كيم يزور موسكو",
        "إقرأ ايضا",  # hamza/alef variants
        "تابعونا على فيسبوك وتويتر",
        "جميع الحقوق محفوظة © 2024 بوابة المساء",
        "إعلان",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "© 2024 Example News. All rights reserved.",
        "ADVERTISEMENT",
        "We use cookies to improve your experience on our site.",
    ],
)
def test_boilerplate_positive(line):
    text = arabic_doc(line)
    findings = run(BoilerplatePhrase, text)
    assert [text[f.start : f.end] for f in findings] == [line]


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "وقال المتحدث إن الأخبار المتعلقة بالزيارة لم تنشر بعد، وإن التعليقات الرسمية ستصدر لاحقا عبر التطبيق الرسمي للوزارة.",
        "*المصدر:   Transparency News",
        "اقرأ أيضًا هذا التقرير المطول عن العلاقات بين روسيا وكوريا الشمالية الذي نشرته الصحيفة أمس وتناول فيه الكاتب تاريخ التحالف بين البلدين منذ الحرب الباردة",
        "Related to the visit, the ministry said talks would continue.",
    ],
)
def test_boilerplate_negative(line):
    assert run(BoilerplatePhrase, arabic_doc(line)) == []


def test_boilerplate_config_extends_and_disables():
    text = arabic_doc("اترك تعليقاً", "موقع بوابة المساء الاخباري", "حصريا على موقعنا: تفاصيل الخبر")
    assert len(run(BoilerplatePhrase, text)) == 1
    found = run(
        BoilerplatePhrase,
        text,
        extra=["موقع بوابة المساء الإخباري", {"phrases": ["حصريا على موقعنا"], "match": "start", "id": "site"}],
        disable=["ar-comment-form"],
    )
    assert sorted(f.line for f in found) == [7, 9]
    assert any("catalogue entry site" in f.message for f in found)
    assert any("catalogue entry extra[0]" in f.message for f in found)
    assert run(BoilerplatePhrase, text, disable=["اترك تعليقا"]) == []  # by phrase, normalised
    assert run(BoilerplatePhrase, text, builtin=False) == []


def test_boilerplate_bad_extra_is_a_config_error():
    from corpuslint.config import ConfigError

    with pytest.raises(ConfigError):
        BoilerplatePhrase(options={"extra": [{"phrases": ["x"], "match": "fuzzy"}]})


# ---------------------------------------------------------------- A104 / A105 encoding

ARABIC = "وفي مسار بيونغ يانغ لتعزيز الردع العسكري ضد واشنطن وسيول، عملت على محورين."


def test_strict_cp1252_cannot_make_arabic_mojibake():
    # Why the tests below use latin-1 and ftfy's sloppy-windows-1252: in UTF-8, ف is
    # D9 81 and 0x81 is undefined in cp1252, so the strict codec raises, and
    # errors="replace" would write U+FFFD, which is lossy and not what real mis-decoders
    # (browsers, Windows tools) produce: they map undefined bytes to the C1 control of
    # the same value, which is exactly what sloppy-windows-1252 does.
    with pytest.raises(UnicodeDecodeError):
        ARABIC.encode("utf-8").decode("cp1252")


@pytest.mark.parametrize("codec", ["sloppy-windows-1252", "latin-1"])
def test_mojibake_detected_and_repaired(codec):
    import ftfy.bad_codecs  # noqa: F401  registers sloppy-windows-1252

    broken = ARABIC.encode("utf-8").decode(codec)
    assert broken.startswith("Ù\x88Ù\x81") or broken.startswith("ÙˆÙ")
    text = arabic_doc(broken)
    (f,) = run(Mojibake, text)
    assert f.severity is Severity.ERROR and f.line == 5
    assert f.fix.applicability is Applicability.UNSAFE
    assert apply(text, [f]) == arabic_doc(ARABIC)
    # The C1 controls inside latin-1 mojibake belong to A105, not A109:
    # a safe fix must never make the repair impossible.
    assert run(ControlCharacter, text) == []


def test_lossy_cp1252_mojibake_is_repaired_as_far_as_possible():
    # errors="replace" turned the undefined byte 0x81 (second byte of ف) into U+FFFD
    # before the text reached us: ftfy repairs the rest, the lost letter stays U+FFFD
    # and A104 then reports it. This is why the faithful tests above do not use it.
    broken = ARABIC.encode("utf-8").decode("cp1252", errors="replace")
    text = arabic_doc(broken)
    (f,) = run(Mojibake, text)
    repaired = apply(text, [f])
    assert repaired == arabic_doc(ARABIC.replace("ف", "\ufffd"))
    assert len(run(ReplacementCharacter, repaired)) == ARABIC.count("ف")


def test_mojibake_edit_is_narrowed_to_the_broken_words():
    broken = "الأخبار".encode("utf-8").decode("sloppy-windows-1252")
    text = f"قال التقرير {broken} اليوم.\n"
    (f,) = run(Mojibake, text)
    assert text[f.start : f.end] == broken
    assert apply(text, [f]) == "قال التقرير الأخبار اليوم.\n"


def test_a_c1_control_inside_a_word_of_another_script_is_a_lost_byte_with_no_repair():
    # fresh14, LibreOffice 7.4 help in Khmer (MPL-2.0; scalc/01/04060181 line 239 and
    # 12090105 line 85): RO (U+179A, UTF-8 E1 9E 9A) and CHA (U+1785, E1 9E 85) lost their
    # first two bytes; ftfy's cp1252 reading offered `š` and `…` inside Khmer words
    for line, lost in [("\u200bឲ្យ\u200bសម្\x9aាប់\u200bគំរូ", "\x9a"), ("រូវ\u200bបាន\u200b\x85ែក\u200bនឹង", "\x85")]:
        text = line + "\n"
        (f,) = run(Mojibake, text)
        assert text[f.start : f.end] == lost and f.fix is None
        assert "lost" in f.message and f"U+{ord(lost):04X}" in f.message
    # the same byte between Latin letters is cp1252 read as Latin-1: repaired
    text = "don\x92t stop\n"
    (f,) = run(Mojibake, text)
    assert apply(text, [f]) == "don’t stop\n"


@pytest.mark.parametrize(
    "text",
    [PROSE, "Café, naïve, São Paulo, Zürich — “quoted” – 25 °C, 3 × 4, © 2024.", "Ø is a Danish letter; Ù too."],
)
def test_mojibake_negative(text):
    assert run(Mojibake, text + "\n") == []


def test_replacement_character():
    text = "المنطقة ال\ufffd\ufffdولية اليوم \ufffd.\n"
    findings = run(ReplacementCharacter, text)
    # one finding a line: from its first run to its last, the characters and runs counted
    assert [(f.column, f.end - f.start, f.message) for f in findings] == [
        (11, 14, "3 U+FFFD replacement characters in 2 runs on this line")]
    assert [(f.column, f.end - f.start) for f in run(ReplacementCharacter, "ال\ufffd\ufffdولية\nاليوم \ufffd.\n")] == [
        (3, 2), (7, 1)]
    assert all(f.fix is None and f.severity is Severity.ERROR for f in findings)
    assert run(ReplacementCharacter, PROSE) == []


# ---------------------------------------------------------------- A106-A109 markup


def test_html_tags():
    text = "قال المتحدث<br>إن الزيارة <p>ستتم</p> قريبا <!-- ad slot -->.\n"
    findings = run(HtmlTag, text)
    assert [text[f.start : f.end] for f in findings] == ["<br>", "<p>", "</p>", "<!-- ad slot -->"]
    assert apply(text, findings) == "قال المتحدث إن الزيارة ستتم قريبا .\n"
    assert run(HtmlTag, "if a <b and c > d then x <3 and <<quoted>> <Reuters>\n") == []


def test_html_entities_safe_decode():
    text = "قال&nbsp;المتحدث &quot;نعم&quot; &#1575;&#x644; AT&T R&D; &bogus;\n"
    findings = run(HtmlEntity, text)
    assert [text[f.start : f.end] for f in findings] == ["&nbsp;", "&quot;", "&quot;", "&#1575;", "&#x644;"]
    assert all(f.fix.applicability is Applicability.SAFE for f in findings)
    assert apply(text, findings, unsafe=False) == 'قال\u00a0المتحدث "نعم" ال AT&T R&D; &bogus;\n'
    assert run(HtmlEntity, PROSE + " Q&A & more\n") == []


def test_lightweight_markup_in_txt_only():
    text = "## عاجل\n\n**عاجل** اقرأ [التفاصيل](https://example.com/a) و[[روسيا|الروسي]] {{cite web}}\n"
    findings = run(LightweightMarkup, text, path="a.txt")
    assert len(findings) == 5
    assert apply(text, findings) == "عاجل\n\nعاجل اقرأ التفاصيل والروسي \n"
    assert run(LightweightMarkup, text, path="a.md") == []
    clean = "*المصدر:   Transparency News\n- بند أول\n* بند ثان\n#هاشتاغ و 5 * 3 = 15\n"
    assert run(LightweightMarkup, clean, path="a.txt") == []


def test_control_characters_safe_removal():
    text = "الرئيس\x08 الروسي\x00\x00 قال \x1b[31mعاجل\x1b[0m\x9d.\tنعم\r\n"
    findings = run(ControlCharacter, text)
    assert len(findings) == 1  # one finding a line, counting them (left20: 31 k findings on fresh19's set)
    assert findings[0].message == ("6 control characters and escape sequences on this line: U+0008 (backspace), "
                                   "2 × U+0000 (null), `ESC[31m`, `ESC[0m`, ...")
    assert all(f.fix.applicability is Applicability.SAFE for f in findings)
    assert apply(text, findings, unsafe=False) == "الرئيس الروسي قال عاجل.\tنعم\r\n"
    # A lone C1 character that is cp1252 punctuation read as Latin-1 (U+0085 for …)
    # is mojibake: A105 repairs it, A109 leaves it alone.
    text = "قال المتحدث\x85 نعم.\n"
    assert run(ControlCharacter, text) == []
    (f,) = run(Mojibake, text)
    assert apply(text, [f]) == "قال المتحدث… نعم.\n"
    assert run(ControlCharacter, "a\tb\r\nc\n" + PROSE) == []


# ---------------------------------------------------------------- A110 links, A111 symbols


def test_links_and_addresses_are_info():
    text = "للمزيد: https://almasaa.net/news?id=42. راسلونا على editor@almasaa.net أو www.almasaa.org)\n"
    findings = run(LinkOrAddress, text)
    assert [text[f.start : f.end] for f in findings] == [
        "https://almasaa.net/news?id=42", "editor@almasaa.net", "www.almasaa.org"]
    assert all(f.severity is Severity.INFO and f.fix is None for f in findings)
    assert len(run(LinkOrAddress, text, emails=False)) == 2
    assert run(LinkOrAddress, PROSE + " في 24/1/2024 الساعة 07:13\n") == []


@pytest.mark.parametrize("line", ["***", "|||", "* * *", "• • •", "-----", "»", "👍👍"])
def test_symbol_only_line_positive(line):
    text = f"فقرة أولى.\n\n{line}\n\nفقرة ثانية.\n"
    (f,) = run(SymbolOnlyLine, text)
    assert f.line == 3 and text[f.start : f.end] == line
    assert apply(text, [f]) == "فقرة أولى.\n\nفقرة ثانية.\n"


@pytest.mark.parametrize("line", ["24/1/2024", "07:13 ص", "2024", "10,000", "1 | 2 | 3", "   ", "\u00a0", "+20 100 555"])
def test_symbol_only_line_negative(line):
    assert run(SymbolOnlyLine, f"فقرة أولى.\n\n{line}\n\nفقرة ثانية.\n") == []


def test_catalogued_ui_line_is_reported_once_by_boilerplate():
    text = arabic_doc("Share", "Advertisement")
    assert run(ScriptMismatchResidue, text) == []
    assert [f.line for f in run(BoilerplatePhrase, text)] == [5, 7]


# ---------------------------------------------------------------- whole-line removal


@pytest.mark.parametrize(
    "text,expected",
    [
        ("a.\n\n***\n\nb.\n", "a.\n\nb.\n"),  # blank above and below: one blank goes too
        ("a.\n***\nb.\n", "a.\nb.\n"),  # no blanks around: just the line
        ("***\n\na.\n", "a.\n"),  # first line: the blank below goes too
        ("a.\n\n***\n", "a.\n"),  # last line with newline
        ("a.\n\n***", "a.\n"),  # last line without newline: takes the previous line ending
        ("a.\r\n\r\n***\r\n\r\nb.\r\n", "a.\r\n\r\nb.\r\n"),  # CRLF kept
        ("a.\n\n***\n\n---\n\nb.\n", "a.\n\nb.\n"),  # adjacent debris lines: edits do not overlap
    ],
)
def test_line_removal_is_clean(text, expected):
    findings = run(SymbolOnlyLine, text)
    assert apply(text, findings) == expected


def test_character_classes_compiled_by_re_hold_the_same_characters():
    """Character classes of code points scanned over whole texts or many lines are
    compiled with the standard ``re`` engine, which scans faster than ``regex``: A105's
    suspect and A109's control characters (a document's first test), the code symbols
    duplicate.regions counts on every line. Each holds the same characters as the
    ``regex`` class."""
    import regex

    from corpuslint.families.artifact import encoding
    from corpuslint.families.duplicate import regions
    from corpuslint.text.controls import ANY_CONTROL_RE

    for gate in (encoding._SUSPECT_RE, ANY_CONTROL_RE, regions._SYMBOL_RE):
        same = regex.compile(gate.pattern)
        assert [cp for cp in range(0x3000) if bool(gate.search(chr(cp))) != bool(same.search(chr(cp)))] == []
        assert gate.search("نص عربي بلا شيء") is None
    assert encoding._SUSPECT_RE.search("Ã©tÃ©") and ANY_CONTROL_RE.search("a\x08b")
    assert len(regions._SYMBOL_RE.findall("a/b=c <x> {x} [y] |z_ $@#%&*+\\~^")) == 20


def test_grouped_hex_ids_are_found_on_the_trigger_lines_as_in_the_whole_text():
    """A101 scans for dash/colon-grouped hex ids only on the lines where two hex digits
    stand around a character that is no letter, digit or space: on every short string of
    the characters that matter, the same matches as one scan of the whole text."""
    import itertools

    from corpuslint.families.artifact import hexid
    from corpuslint.text.lines import finditer_on_lines

    alphabet = ["a", "F", "3", "-", ":", "–", " ", "\n", "ك", "abcdef0123", "٣"]
    for n in range(5):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            assert [m.span() for m in finditer_on_lines(hexid._GROUPED_RE, text, hexid._GROUPED_TRIGGER)] == [
                m.span() for m in hexid._GROUPED_RE.finditer(text)], text


def test_a_records_empty_value_mark_is_not_symbol_debris(tmp_path):
    """fresh12: a Sindhi WordNet CSV writes an empty column as `-`; read with
    `--text-field synonyms`, 149,140 of its 163,523 records were A111 warnings. A record
    whose whole text is one to three marks is an empty value; a line of marks inside a
    record's text is still reported."""
    excerpt = Path(__file__).parent / "data" / "realtext" / "sindhi-wordnet-excerpt.csv"
    config = {"select": ["A111"], "cache": False, "readers": {"text-field": "synonyms"}}
    assert lint_paths([excerpt], config=config) == []
    for field in ("tenses", "hyp", "antonyms"):
        assert lint_paths([excerpt], config={**config, "readers": {"text-field": field}}) == []
    prose = tmp_path / "d.csv"
    prose.write_text('id,text\n1,"اَبِناسِي، اَزَلِي\n* * *\nلازَوالُ، لافانِي"\n2,—\n', encoding="utf-8")
    found = lint_paths([prose], config={"select": ["A111"], "cache": False})
    assert [(f.record, f.line) for f in found] == [(1, 2)]  # (the line of the record's text)
