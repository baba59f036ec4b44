"""S101 judged where the corpus is known (spell17): a broken plural أفعال whose singular is
a word is exempt from the article-on-a-verb signal unless the corpus writes a word one
letter away far more often. Real excerpts: samples/news-ar/001 line 7; LibreOffice 7.4.7
ar sw.po line 7341 (MPL-2.0). Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from corpuslint import lint_paths
from corpuslint.families.spelling.base import PLURAL_SLIP_RATIO

NO_CACHE = {"cache": False}

# samples/news-ar/001 line 7
NEWS = ("قالت وكالة الأنباء المركزية الكورية الشمالية إن الزعيم الكوري الشمالي كيم جونغ أون "
        "ناقش قضايا عملية لتحسين التعاون العسكري مع وزير الدفاع الروسي.")
# the same sentence with the slip the 100 MB benchmark corpus planted (doc000865 line 71)
SLIP = NEWS.replace("الأنباء", "الأنباع")
# LibreOffice 7.4.7 ar sw.po line 7341: "the available formats" (plural of نسق)
FORMATS = "حدد نَسَق الحجم الذي تريد استخدامه. الأنساق المتاحة تعتمد على العلامة التجارية"


def _corpus(tmp_path, copies: int) -> list[str]:
    """``copies`` occurrences of the news sentence spread over ten files, in all of which
    its neighbours occur (so no neighbour is evidence, as at 100 MB: the context signal
    has nothing to go on), a file with the slip and a file with the real plural; the
    spans S101 reports."""
    per_file = copies // 10
    for i in range(10):
        (tmp_path / f"news{i}.txt").write_text("\n\n".join([NEWS] * per_file) + "\n", encoding="utf-8")
    (tmp_path / "slip.txt").write_text(SLIP + "\n", encoding="utf-8")
    (tmp_path / "formats.txt").write_text(FORMATS + "\n", encoding="utf-8")
    findings = lint_paths([str(tmp_path)], config={"select": ["S101"], **NO_CACHE})
    return [(f.path.rsplit("/", 1)[-1], f.message) for f in findings]


def test_s101_broken_plural_shape_beside_a_far_more_frequent_word_is_a_slip(tmp_path):
    found = _corpus(tmp_path, PLURAL_SLIP_RATIO + 10)
    assert [path for path, _ in found] == ["slip.txt"]
    assert "'الأنباء' (60×) is one letter away; did you mean 'الأنباء'?" in found[0][1]
    assert "only a verb form" in found[0][1]


def test_s101_broken_plural_shape_without_a_far_more_frequent_word_stays_a_word(tmp_path):
    # الأنباء written fewer than PLURAL_SLIP_RATIO times: the corpus does not tell the
    # two apart, and the plural's exemption holds (as for الأنساق, which nothing is near)
    assert _corpus(tmp_path, PLURAL_SLIP_RATIO - 10) == []
