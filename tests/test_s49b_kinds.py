"""s49b's kinds, left from fresh34 (CJK/Thai docs) and fresh36 (Ethiopic, Caucasian, Greek,
Vietnamese, Turkish docs).

* A110: a translated help page's example host, the word "example" in its language, names no
  site (LibreOffice's Turkish help, libreoffice-help-tr 4:7.4.7-1+deb12u14, MPL-2.0:
  ``http://www.ornek.com`` where the English has ``http://www.example.com``).
* A110 (EMAIL_RE): an e-mail address glued to the words of a text without spaces starts and
  ends where the script changes (man pages in Chinese of Debian manpages-zh 1.6.4.0-1,
  GFDL-1.2+: sed(1), smbtar(1); a record of LLaMA-Factory's glaive_toolcall_zh_demo.jsonl,
  Apache-2.0, for an address wholly in Han).
* looks_like_catalogue: printf placeholders in code (literal blocks, inline literals) do not
  make a page a message catalogue (Sphinx 9.0.4's extlinks.rst, BSD-2-Clause:
  tests/data/realtext/sphinx-extlinks-excerpt.rst); a catalogue extracted as text still is one
  (Django 5.2.19's ug auth catalogue, tests/data/realtext/django-po-ug-auth.txt).
* plain_text_regions: a paragraph of a man page rendered justified is prose, not aligned
  columns, though groff's fill sets its words two and three spaces apart (most where it names
  options): diff(1) in Ukrainian, rm(1) in Romanian and Hungarian (manpages-l10n 4.18.1-1,
  GPL-3+); D104 compares it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from corpuslint import lint_paths, lint_text
from corpuslint.document import Document
from corpuslint.structure import CATALOGUE

REAL = Path(__file__).parent / "data" / "realtext"


def _a110(text: str, path: str) -> list[str]:
    return [text.splitlines()[f.line - 1][f.column - 1 : f.end_column - 1]
            for f in lint_text(text, path=path, config={"select": ["A110"]}) if f.code == "A110"]


# libreoffice-help-tr 7.4.7, text/swriter/guide/words_count (as fresh36 converted it to Markdown), line 13
WORDS_COUNT_TR = (
    "Kelimler harf, sayı, numara ve özel karakterlerin karışımı olabilir. Bu nedenle aşağıdaki metin dört "
    'kelime olarak sayılır: abc123 1.23 "$" http://www.ornek.com.\n'
)


def test_a110_leaves_an_example_host_translated_with_its_page():
    assert _a110(WORDS_COUNT_TR, "tr/words_count.md") == []
    assert _a110(WORDS_COUNT_TR.replace("www.ornek.com", "www.örnek.com.tr"), "tr/words_count.md") == []
    assert _a110("Siehe http://www.beispiel.de/seite und mailto:name@beispiel.de.\n", "de.md") == []
    # the word is the host's label, not a part of it: a site whose name starts with it is a site
    assert _a110(WORDS_COUNT_TR.replace("www.ornek.com", "www.ornekler.com"), "tr/words_count.md") == [
        "http://www.ornekler.com"]
    assert _a110("Ayrıntılar: https://www.libreoffice.org/download/ sayfasında.\n", "tr/x.md") == [
        "https://www.libreoffice.org/download/"]


# manpages-zh 1.6.4.0-1: sed.1 (rendered by man) line 190, smbtar.1 line 69
SED_ZH = "       请将错误报告发送至bug-sed@gnu.org。另外，请在邮件正文中尽量包含 ``sed --version''的信息。\n"
SMBTAR_ZH = "       samba软件和相关工具最初由Andrew Tridgell samba-bugs@samba.org创建。samba现在由 开发组作为类似Linux内核开发采用的开放源代码计划方式来发展。\n"


def test_a110_an_address_glued_to_chinese_starts_and_ends_where_the_script_changes():
    assert _a110(SED_ZH, "sed.1.txt") == ["bug-sed@gnu.org"]
    assert _a110(SMBTAR_ZH, "smbtar.1.txt") == ["samba-bugs@samba.org"]
    # two addresses joined by 和 ("and") are two
    text = "参会人员是john.doe@gnu.org和jane.doe@gnu.org。\n"
    assert _a110(text, "a.txt") == ["john.doe@gnu.org", "jane.doe@gnu.org"]
    # a local part wholly in Han is an (internationalised) address, kept whole
    text = '{"recipient": "老板@公司.com", "subject": "项目更新"}\n'
    assert _a110(text, "a.txt") == ["老板@公司.com"]
    # a Latin address after a space or a colon is as before
    assert _a110("バグレポートは、bug-groff@gnu.org までお願いします。\n", "groff.1.txt") == ["bug-groff@gnu.org"]


def test_placeholders_in_code_do_not_make_a_page_a_catalogue():
    rst = (REAL / "sphinx-extlinks-excerpt.rst").read_text(encoding="utf-8")
    assert CATALOGUE not in Document("extlinks.rst", rst).kinds
    # the same placeholders in prose would: the page's literal lines, unquoted
    prose = "\n\n".join(line.strip() for line in rst.splitlines() if "%s" in line)
    assert CATALOGUE in Document("extlinks.txt", prose.replace("``", "") + "\n").kinds
    # a catalogue's strings extracted as text are still one
    po = (REAL / "django-po-ug-auth.txt").read_text(encoding="utf-8")
    assert CATALOGUE in Document("ug-auth.txt", po).kinds



# Rendered man pages, justified (groff adjusts both margins): manpages-uk 4.18.1-1 diff(1), lines 216-229;
# manpages-ro and manpages-hu 4.18.1-1 rm(1), lines 1-36 (their DESCRIPTION left in coreutils' English)
def _kinds(name: str, first: int, last: int) -> set[str]:
    text = (REAL / name).read_text(encoding="utf-8")
    return set(Document(name, text).line_kinds[first - 1 : last])


def test_a_justified_man_page_paragraph_naming_options_is_prose(tmp_path):
    # the formatter's fill between words is no column layout
    assert _kinds("s49b-man-uk-diff1-justified.txt", 10, 14) == {"prose"}
    assert _kinds("s49b-man-ro-rm1-excerpt.txt", 13, 22) == {"prose", "blank"}
    # so D104 compares it: the same English paragraphs in two translations' rm(1)
    for lang in ("hu", "ro"):
        shutil.copy(REAL / f"s49b-man-{lang}-rm1-excerpt.txt", tmp_path / f"{lang}-rm.1.txt")
    found = [(f.path.rsplit("/", 1)[-1], f.line) for f in lint_paths([str(tmp_path)], config={"select": ["D104"]})]
    assert ("ro-rm.1.txt", 13) in found and ("ro-rm.1.txt", 18) in found
