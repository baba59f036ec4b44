"""LaTeX source lines are not the page's lines (session 50, fresh38's kinds).

A Persian LaTeX manual written one clause a source line (alpha-persian's user guide,
Debian texlive-lang-arabic 2022.20230122-1, LPPL-1.3c; its lines 180-189, quoted below) has
a block of short lines, which the plain-text test of verse took for a poem: S101 then
called six real typos of the prose "info only: in verse" (fresh38: 'زی‌پرشن' for
'زی‌پرشین', 'می‌توایند' for 'می‌توانید'). TeX fills those lines into one paragraph;
it sets verse line by line only inside a poem environment or where lines end in ``\\``.
And a zero-width non-joiner joins a Persian word's parts: "به به‌روز کردن" (to updating,
the same guide's line 241) is a preposition before the compound به‌روز, no doubled word.
"""

from __future__ import annotations

from corpuslint import lint_text
from corpuslint.structure import in_verse, latex_verse

# alpha-persian-p.userguide.tex lines 180-189 (trailing spaces as in the file)
ALPHA_PERSIAN = (
    "\\lr{CTAN}\n"
    "قرار گرفته است یکی از سبک‌های\n"
    "\\lr{BibTeX} \n"
    "است که \n"
    "که برای بسته‌ی زی‌پرشین جهت پشتیبانی از زبان فارسی و همچنین\n"
    "بدون استفاده از بسته‌ی زی‌پرشن برای نوشته‌های انگلیسی \n"
    " تنظیم شده‌ است. \n"
    "\\\\\n"
    "قبل از بیان ویژگی‌های این سبک ابتدا جهت آشنایی بهتر با طریقه‌ی\n"
    "مرجع‌نویسی به کمک \n"
)

# William Blake, "The Tyger" (Songs of Experience, 1794; public domain), its first stanza
TYGER = ("Tyger Tyger, burning bright, \\\\\n"
         "In the forests of the night; \\\\\n"
         "What immortal hand or eye, \\\\\n"
         "Could frame thy fearful symmetry?\n")


def test_a_latex_paragraph_written_one_clause_a_line_is_prose_not_verse():
    pos = ALPHA_PERSIAN.index("زی‌پرشن")
    assert in_verse(ALPHA_PERSIAN, pos)  # (the plain-text reading: a block of short lines)
    assert not latex_verse(ALPHA_PERSIAN, pos)
    assert not latex_verse(ALPHA_PERSIAN, pos, couplets=True)


def test_latex_verse_is_a_poem_environment_or_lines_ending_in_a_forced_break():
    poem = "\\begin{verse}\n" + TYGER.replace(" \\\\\n", "\n") + "\\end{verse}\n\nAfter the poem, prose.\n"
    assert latex_verse(poem, poem.index("Tyger"))
    assert not latex_verse(poem, poem.index("prose"))  # (after \end{verse})
    assert latex_verse(TYGER, TYGER.index("forests"))  # each line broken with \\
    assert not latex_verse(TYGER.replace("\\\\", ""), TYGER.index("forests"))  # one filled paragraph


def _s104(text: str, path: str) -> list[str]:
    return [text[f.start:f.end] for f in lint_text(text, path=path, config={"select": ["S104"], "cache": False})]


def test_s104_reports_a_doubled_word_in_latex_prose_written_one_clause_a_line():
    # a slip planted in the guide's short source lines: the plain-text reading called them verse
    planted = ALPHA_PERSIAN.replace("تنظیم شده‌ است.", "تنظیم شده‌ است است.")
    assert _s104(planted, "guide.tex") == ["است است"]
    assert _s104(ALPHA_PERSIAN, "guide.tex") == []


def test_s104_a_word_joined_by_a_zero_width_non_joiner_is_not_a_doubled_word():
    line = "به بالا استفاده می‌کنید نیازی به به‌روز کردن آن جهت استفاده از این سبک ندارید.\n"
    assert _s104(line, "guide.tex") == []
    assert _s104(line, "guide.txt") == []
    assert len(_s104(line.replace("به به‌روز", "به به روز"), "guide.txt")) == 1  # two words: doubled
