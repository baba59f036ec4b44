"""S106 arabic-letter-form: Arabic yeh and kaf (ي ك ى) inside Persian and Urdu words.

fresh35 reported Firefox's Persian "نمايه‌های" (Arabic yeh) beside "نمایه" in one string, and
Urdu "ويب پر تلاش کريں": search, tokenizers and deduplication take them for other words.
The excerpts (``tests/data/realtext/s48d-arabic-letter-forms.jsonl``, sources in
``tests/data/realtext/SOURCE.md``): Firefox's Persian and Urdu strings, symfony's Urdu
validators, chatterbot's Persian dialogues, the Persian Debian handbook (reported); the
Arabic and Pashto Universal Declaration of Human Rights (never: ي ك are their letters).
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from corpuslint import lint_paths, lint_records, lint_text
from corpuslint.findings import Applicability

from .test_fresh14_kinds import apply_safe

REAL = Path(__file__).parent / "data" / "realtext" / "s48d-arabic-letter-forms.jsonl"
RECORDS = {(o := json.loads(line))["id"]: o for line in REAL.read_text(encoding="utf-8").splitlines()}
NO_CACHE = {"cache": False}


def _s106(findings) -> list[tuple[str, str]]:
    return [(f.record, f.message.split("'")[1]) for f in findings if f.code == "S106"]


def _records(*ids: str, **over) -> list:
    recs = [dict(RECORDS[i], **over) for i in ids]
    return lint_records(recs, id_field="id", config={"select": ["S106"], **NO_CACHE})


def test_s106_reports_arabic_letters_in_persian_and_urdu_words_of_real_strings():
    got = _s106(lint_paths([str(REAL)], config={"select": ["S106"], "readers": {"id-field": "id"}, **NO_CACHE}))
    assert sorted(got) == sorted([
        ("chatterbot-fa-1335", "یك"), ("chatterbot-fa-1335", "كار"), ("chatterbot-fa-1335", "محكم\u200cكاری"),
        ("chatterbot-fa-1335", "نمی\u200cكنه"),
        ("chatterbot-fa-1344", "كه"), ("chatterbot-fa-1344", "شكم"),
        # (not "صلى" of "صلى الله علیه و آله": the Arabic formula, quoted)
        ("chatterbot-fa-943", "شایعاتى"), ("chatterbot-fa-943", "مى\u200cشد"), ("chatterbot-fa-943", "مى\u200cدادند"),
        ("debian-handbook-fa-remote-login-70", "شكل"),  # "( شكل 9.3, ...)": a passage of one word, read with its line
        ("firefox-fa-18463", "مسئوليت"), ("firefox-fa-27465", "نمايه\u200cهای"),
        ("firefox-ur-12347", "ويب"), ("firefox-ur-12347", "کريں"),
        ("firefox-ur-13352", "نشانى"), ("firefox-ur-13352", "ہٹائيں"),
        ("firefox-ur-13568", "ذيلى"), ("firefox-ur-17458", "تصديق"),
        # Urdu's final ه for ہ ("هو", whose ه is not final, is left: ہ or the aspiration ھ)
        ("firefox-ur-12241", "دوباره"), ("firefox-ur-17730", "نامه"), ("firefox-ur-17730", "سلسله"),
        ("symfony-validators-ur-99", "ويليو"),
    ])  # and nothing in the Arabic and Pashto declarations (udhr-arb, udhr-pbu), whose ي ك are their own


def test_s106_never_in_arabic_text_even_declared_persian():
    # the Arabic preamble: undeclared, declared Arabic, and quoted in a Persian record (its own passage)
    for lang in (None, "ar"):
        assert _s106(_records("udhr-arb-preamble-3", **({"lang": lang} if lang else {}))) == []
    quoted = RECORDS["chatterbot-fa-1344"]["text"] + "\n«" + RECORDS["udhr-arb-preamble-3"]["text"] + "»"
    got = lint_records([{"id": "q", "lang": "fa", "text": quoted}], id_field="id",
                       config={"select": ["S106"], **NO_CACHE})
    assert _s106(got) == [("q", "كه"), ("q", "شكم")]
    # a document with a passage read as Arabic gets no safe fix: the passage test may miss one
    assert {f.fix.applicability for f in got} == {Applicability.UNSAFE}
    # Hafez's Arabic hemistich (ghazal 1) as Arabic editions print it, ي ك, in a Persian file
    hafez = "الا يا ايها الساقي ادر كاسا و ناولها\nکه عشق آسان نمود اول ولی افتاد مشکل‌ها\n"
    assert _s106(lint_text(hafez, "ghazal.txt", config={"select": ["S106"], "per-file-language": {"*.txt": "fa"},
                                                          **NO_CACHE})) == []
    # Pashto: ي is its letter ("بايد", "ځايه")
    assert _s106(_records("udhr-pbu-preamble-3")) == []
    assert _s106(_records("udhr-pbu-preamble-3", "firefox-fa-27465")) == [("firefox-fa-27465", "نمايه\u200cهای")]


def test_s106_safe_fix_in_a_persian_string_keeps_the_word():
    rec = RECORDS["firefox-fa-27465"]
    got = [f for f in _records("firefox-fa-27465") if f.code == "S106"]
    assert [f.fix.applicability for f in got] == [Applicability.SAFE]  # fa_IR knows نمایه‌های; the string writes نمایه
    assert "'نمایه\u200cهای'" in got[0].message and "ARABIC LETTER YEH" in got[0].message
    assert apply_safe(got, rec["text"]) == rec["text"].replace("نمايه", "نمایه")
    # a language name no dictionary knows (Firefox ur "اسپيرانتو", Esperanto) keeps an unsafe fix
    names = lint_records([{"id": "eo", "lang": "ur", "text": "اسپيرانتو"}], id_field="id",
                         config={"select": ["S106"], **NO_CACHE})
    assert [f.fix.applicability for f in names] == [Applicability.UNSAFE]


def test_s106_not_in_code_or_urls():
    text = ("این صفحه به شما کمک می‌کند تا نمايه‌های خود را مدیریت کنید.\n\n"
            "`كه` در https://fa.wikipedia.org/wiki/كتاب\n")
    got = lint_text(text, "page.md", config={"select": ["S106"], "per-file-language": {"*.md": "fa"}, **NO_CACHE})
    assert _s106(got) == [(None, "نمايه\u200cهای")]


# -- the fix changes only the Arabic code points, and once ------------------------------------

_WORDS = {
    "fa": ["نمایه", "کتاب", "که", "یک", "برای", "می\u200cکند", "مسایل", "پیوست", "شکل", "کار", "تاریخچه", "ویرایش",
           "چکیده", "سوی", "تصدیق", "نامه"],
    "ur": ["ذیلی", "کریں", "ہٹائیں", "دوبارہ", "نامہ", "سلسلہ", "کچھ", "مجھ", "تصدیق", "ویب", "اللہ", "کیے"],
}
_TO_ARABIC = {"ی": "يى", "ک": "ك", "ہ": "ه", "ھ": "ه"}  # (ه for ہ ھ: Urdu text typed on an Arabic layout)
_FIXED = {("ي", "ی"), ("ى", "ی"), ("ك", "ک"), ("ه", "ہ"), ("ه", "ھ")}


@st.composite
def _typed(draw, lang):
    words = []
    for w in draw(st.lists(st.sampled_from(_WORDS[lang]), min_size=1, max_size=12)):
        words.append("".join(draw(st.sampled_from(c + _TO_ARABIC.get(c, ""))) for c in w))
    seps = draw(st.lists(st.sampled_from([" ", " ", "، ", "\n", ". "]), min_size=len(words), max_size=len(words)))
    return lang, "".join(w + s for w, s in zip(words, seps))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["fa", "ur"]).flatmap(_typed))
def test_s106_fix_only_changes_arabic_letters_and_is_idempotent(typed):
    lang, text = typed
    config = {"select": ["S106"], "per-file-language": {"*.txt": lang}, **NO_CACHE}
    found = lint_text(text, "t.txt", config=config)
    fixed = text
    for e in sorted((e for f in found for e in f.fix.edits), key=lambda e: e.start, reverse=True):
        fixed = fixed[: e.start] + e.replacement + fixed[e.end :]
    assert len(fixed) == len(text)
    for a, b in zip(text, fixed):
        assert a == b or (a, b) in _FIXED and (lang == "ur" or a != "ه")
    assert lint_text(fixed, "t.txt", config=config) == []  # nothing left to fix, so fixing again changes nothing


def test_s106_not_on_words_quoted_in_a_text_of_another_script():
    """corpuslint's README (undeclared, English): its rule table quotes Persian and Urdu words
    (S101's "Persian راه + ید", S106's "دوبارہ"), which made the table read as Urdu by its
    Arabic-script letters, and "راه" was reported (CI of 0f416ca6, test_own_docs). A Persian
    line in the same file is still read."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = "".join(line + "\n" for line in readme.splitlines() if line.startswith("| S1"))
    assert "راه" in table and _s106(lint_text(table, path="README.md", config={"select": ["S106"]})) == []
    persian = table + "\nمدیریت نمايه‌های خود را از اینجا انجام دهید.\n"
    assert _s106(lint_text(persian, path="README.md", config={"select": ["S106"]})) == [(None, "نمايه‌های")]
