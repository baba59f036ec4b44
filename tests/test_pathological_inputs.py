"""Adversarial inputs (benchmarks/bench_pathological.py's generators, at a modest size): the
findings they should give. A rule asked, for each of its matches, a question about the whole
line (or paragraph, or block) took time quadratic in a one-line file; those questions are now
answered once a line. Hypothesis checks each replaced definition against the one it replaced.

No timing here (benchmarks/bench_pathological.py measures the CPU at n and 4 n)."""

from __future__ import annotations

import os
import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.document import Document
from corpuslint.engine import lint_text
from corpuslint.families.whitespace import spaces
from corpuslint.families.whitespace._common import column_of_gaps, gap_ends_at
from tests.conftest import replayed

sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir, "benchmarks"))
import bench_pathological as gen  # noqa: E402


def _found(text: str, path: str, code: str) -> list:
    return [f for f in lint_text(text, path, config={"select": [code]}) if f.code == code]


# -- W103: one line of words and runs of spaces, tabs and no-break spaces -------------------

def test_w103_one_line_of_runs_reports_every_run_between_words():
    # 600 runs on one line, no neighbour line, no sentence mark: every run of two or more
    # space separators between two non-spaces is a doubled space (tabs are not W103's)
    for vocab in (gen.LATIN, gen.ARABIC, gen.CJK):
        text = gen.runs(600, vocab)
        expected = [(m.start(), m.end()) for m in regex.finditer(r"(?<=\S)\p{Zs}{2,}(?=\S)", text)]
        found = _found(text, "runs.txt", "W103")
        assert len(expected) > 100
        assert [(f.start, f.end) for f in found] == expected
        assert all(f.line == 1 and "consecutive spaces" in f.message for f in found)


def test_w103_four_long_lines_of_runs_keep_their_columns():
    # the same runs on four long lines: a run whose next word starts where a run of the
    # neighbour line ends is a column (aligned) and not reported, the others are
    text = gen.runs_lines(800, gen.LATIN)
    found = _found(text, "runs.txt", "W103")
    runs = list(regex.finditer(r"(?<=\S)\p{Zs}{2,}(?=\S)", text))
    assert 0 < len(found) <= len(runs)
    assert {f.line for f in found} == {1, 2, 3, 4}


def _column_of_gaps_reference(doc, line_index: int, column: int, min_lines: int = 3) -> bool:
    # the definition column_of_gaps had before (a slice of the whole line at each call)
    lines = doc.lines

    def text_of(j: int) -> str:
        return doc.text[lines[j].start : lines[j].end]

    def starts_word(other: str) -> bool:
        return 0 < column < len(other) and other[column - 1] in " \t" and not other[column].isspace()

    gaps = 1
    cells = {text_of(line_index)[:column].strip()}
    for step in (-1, 1):
        j = line_index + step
        while 0 <= j < len(lines) and starts_word(other := text_of(j)):
            if gap_ends_at(other, column):
                gaps += 1
                cells.add(other[:column].strip())
            j += step
    return gaps >= min_lines and len(cells) > 1


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "ab", " ", "  ", "\t", "\n", "x1"]), min_size=1, max_size=60),
       st.data())
def test_column_of_gaps_is_the_definition_it_replaced(parts, data):
    doc = Document("t.txt", "".join(parts))
    memo: dict = {}  # shared by the questions about one document, as W103 shares it
    for _ in range(data.draw(st.integers(1, 6))):
        index = data.draw(st.integers(0, len(doc.lines) - 1))
        column = data.draw(st.integers(0, 12))
        min_lines = data.draw(st.integers(1, 4))
        assert column_of_gaps(doc, index, column, min_lines, memo) == _column_of_gaps_reference(
            doc, index, column, min_lines)


def _in_session_reference(doc, index: int) -> bool:
    # the walk _doctest_or_code made from each run of spaces up its block of lines
    text, lines = doc.text, doc.lines
    if ">>>" not in text:
        return False
    i = index
    while i >= 0 and text[lines[i].start : lines[i].end].strip():
        if spaces._PROMPT_LINE_RE.match(text, lines[i].start) is not None:
            return True
        i -= 1
    return False


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([">>> x", "... y", "out", " ", "\n", "\n\n", " >>>", ">>>"]), min_size=1,
                max_size=30))
def test_session_lines_are_the_walk_they_replaced(parts):
    doc = Document("t.txt", "".join(parts))
    session = spaces._session_lines(doc)
    assert [i in session for i in range(len(doc.lines))] == [
        _in_session_reference(doc, i) for i in range(len(doc.lines))]


def test_w103_copies_of_a_line_with_a_doubled_space():
    # 600 copies of one line with a doubled space: no column (copies), each line reported
    # once; a padded column of different cells in the same file is not reported
    copies = "The word  is here and there.\n" * 600
    table = "".join(f"{name}  -- {what}\n" for name, what in [("0-2", "You are"), ("3-5", "There is"), ("6-7", "Nothing")])
    found = _found(copies + "\n" + table, "c.txt", "W103")
    assert [f.line for f in found] == list(range(1, 601))


def test_w103_python_session_and_grammar_still_left_alone():
    # the per-line answers keep what the per-run ones said: a session's output below its
    # ">>>" line, a grammar rule's "::=" and a doubled space in a sentence beside them
    text = (">>> print(x)\nline = The mill's closed   here\n\nlist_display ::=  \"[\" items\n\n"
            "A sentence with  a doubled space in it, as written here.\n")
    found = _found(text, "t.txt", "W103")
    assert [(f.line, f.column) for f in found] == [(6, 16)]


# -- W112 / W102: thousands of marks on one line (in_code_table asked per mark) --------------

def _in_code_table_reference(doc, start: int, end: int) -> bool:
    # the definition in_code_table had before (the line sliced from its start, to its end)
    from corpuslint.families.whitespace import _common

    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return (_common._CODE_CELL_BEFORE_RE.search(text[line_start:start]) is not None
            and _common._CELL_AFTER_RE.match(text[end:line_end].rstrip("\r")) is not None)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["\u200e", "FD", "0x", "U+", "200E", "A", "xyz", " ", "  ", "\t", "\n", "\r",
                                 "LEFT-TO-RIGHT MARK", "1"]), min_size=1, max_size=40), st.data())
def test_in_code_table_is_the_definition_it_replaced(parts, data):
    from corpuslint.families.whitespace._common import in_code_table

    doc = Document("t.txt", "".join(parts))
    start = data.draw(st.integers(0, len(doc.text) - 1))
    end = data.draw(st.integers(start + 1, min(len(doc.text), start + 3)))
    assert in_code_table(doc, start, end) == _in_code_table_reference(doc, start, end)


def test_w112_thousands_of_marks_on_one_line():
    # 800 Arabic words, each followed by RLM, LRM, ZWSP, ZWNJ, ZWJ or two RLMs: the same
    # findings as the marks' rule gives each kind (counted, one finding a line and kind)
    text = gen.bidi(800)
    found = _found(text, "bidi.txt", "W112")
    assert found and all(f.line == 1 for f in found)
    # a code table's cell keeps its mark: "FD   \u200e    LEFT-TO-RIGHT MARK"
    table = "375  253  FD   \u200e    LEFT-TO-RIGHT MARK\n376  254  FE   \u200f    RIGHT-TO-LEFT MARK\n"
    assert _found(table, "iso.txt", "W112") == []


# -- S104: one JSON Lines record of thousands of lines, one paragraph -----------------------

def _command_output_reference(text: str, line_start: int) -> bool:
    # the definition before: the paragraph searched back from each repetition's line
    from corpuslint.families.spelling import repeated

    para_start = text.rfind("\n\n", 0, line_start)
    para_start = 0 if para_start < 0 else para_start + 2
    return repeated._PROMPT_LINE_RE.search(text, para_start, line_start) is not None


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["$ ls", "# cat x", " $ a", "$", "word", " ", "\n", "\n\n", "\n\n\n", "#"]),
                min_size=1, max_size=30), st.data())
def test_command_output_is_the_definition_it_replaced(parts, data):
    from corpuslint.families.spelling import repeated

    text = "".join(parts)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    line_start = data.draw(st.sampled_from(starts))
    assert repeated._command_output(text, line_start) == _command_output_reference(text, line_start)


def _split_word_tail_reference(text: str, m, line_start: int) -> bool:
    # the definition before: two patterns compiled and searched over the text per repetition
    from corpuslint.families.spelling import repeated

    before = repeated._TOKEN_BEFORE_RE.search(text, max(line_start, m.start() - 40), m.start())
    if before is None:
        return False
    head, word = before.group("t"), m.group("w")
    joined = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(head + word)}(?![\p{{L}}\p{{M}}])")
    alone = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(head)}(?![\p{{L}}\p{{M}}])")
    return joined.search(text) is not None and len(alone.findall(text)) <= 1


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["لڑ", "کی", "لڑکی", "ab", "a", "b", "abb", "\u0651", " ", "\n", ".", "1"]),
                min_size=2, max_size=30))
def test_split_word_tail_is_the_definition_it_replaced(parts):
    from corpuslint.families.spelling import repeated

    text = " ".join(parts)
    for m in repeated._REPEAT_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        split = repeated._split_word_head(text, m, line_start)
        assert (split is not None and split[1] <= 1) == _split_word_tail_reference(text, m, line_start)


def test_s104_record_of_thousands_of_lines():
    # one record, 300 sentences of 8 words from a vocabulary of 8: each doubled word is one
    # finding (the same as the text read from a file), and a split word stays left alone
    import json

    record = json.loads(gen.jsonl_record(300))
    from corpuslint import lint_records

    found = [f for f in lint_records([record], config={"select": ["S104"]}) if f.code == "S104"]
    expected = [m for m in regex.finditer(r"(?<![\p{L}])(?P<w>\p{L}+) (?P=w)(?!\p{L})", record["text"],
                                          flags=regex.I, overlapped=False)]
    assert found and len(found) <= len(expected)
    assert all(f.record == 1 and "repeated" in f.message.lower() for f in found)
    assert _found("لڑکا لڑ کی کی طرح لڑکی\n", "ur.txt", "S104") == []


# -- A106: thousands of tags on one line (a paragraph's answers asked per tag) --------------

def test_a106_tags_on_one_line_each_reported_once_and_a_paragraph_naming_html_apart():
    # one line of 600 items, links, entities, tags...: every <b> and </i> standing in it is
    # a leftover (the line names no HTML); a paragraph above that names the element keeps its
    # own tag, and the answer for that paragraph is not carried to the next
    line = gen.glued(600)
    tags = line.count("<b>") + line.count("</i>")
    assert tags > 50
    found = _found(line, "g.txt", "A106")
    assert len(found) == tags and {f.message for f in found} == {"HTML markup `<b>`", "HTML markup `</i>`"}
    found = _found("The <b> element makes text bold.\n\n" + line, "g.txt", "A106")
    assert len(found) == tags and all(f.line == 3 for f in found)


# -- A101: hundreds of ids on one line (its fields, AsciiDoc's fences, asked per id) ---------

def _asciidoc_listing_reference(doc, start: int) -> bool:
    # the definition before: the fences scanned from the text's start for each offset
    from corpuslint.families.artifact import _common

    opened = None
    text = doc.text
    for m in _common._LISTING_FENCE_RE.finditer(text, 0, start):
        above_end = m.start() - 1
        above = text[text.rfind("\n", 0, max(above_end, 0)) + 1 : max(above_end, 0)].strip()
        if opened is None and above and abs(len(above) - len(m.group(1))) <= 2:
            continue
        if opened is None:
            opened = m.group(1)
        elif m.group(1) == opened:
            opened = None
    if opened is None:
        return False
    return _common.asciidoc(doc) and _common._LISTING_FENCE_RE.search(text, start) is not None


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["----", "-----", "....", "--", "SEE ALSO", "abc", "15722f2fa328", " ", "\n",
                                 "\n\n", "== Title", "NAME\n", "----\n", "\t"]), min_size=1, max_size=30),
       st.data())
def test_asciidoc_listing_is_the_definition_it_replaced(parts, data):
    from corpuslint.families.artifact._common import asciidoc_listing

    doc = Document(data.draw(st.sampled_from(["t.adoc", "t.txt"])), "".join(parts))  # (.adoc: AsciiDoc by name)
    start = data.draw(st.integers(0, len(doc.text)))
    assert asciidoc_listing(doc, start) == _asciidoc_listing_reference(doc, start)


def test_a101_ids_on_one_line_and_in_a_listing():
    # the glued line's hex ids are each a finding; the same id in an AsciiDoc listing
    # block of a page (a title's underline, then fences) is quoted output
    line = gen.glued(600)
    found = _found(line, "g.txt", "A101")
    assert len(found) == line.count("a0f3c9e1b2d4") > 20
    page = ("git-bisect(1)\n=============\n\nNAME\n----\ngit-bisect - find\n\n"
            "------------\n15722f2fa328c2d6cc7dd5dcef8b7cd1a7c3a43b is the first bad commit\n------------\n")
    assert _found(page, "git-bisect.txt", "A101") == []


# -- W113: thousands of tatweels on one line (the line's words read per tatweel) -------------

def _spelling_shown_reference(text: str, m) -> bool:
    # the definition before: the word found by a search from the line's start, the line's
    # words and letters read for each tatweel
    from corpuslint.families.whitespace import invisible

    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    start = regex.search(r"[\p{scx=Arabic}\p{M}]*$", text[line_start : m.start()]).start() + line_start
    end = invisible._ARABIC_WORD_AFTER.match(text, m.end(), line_end).end()
    word = text[start:end]
    bare = word.replace("\u0640", "")
    if not bare:
        return False
    line = text[line_start:line_end]
    words = regex.findall(r"[\p{scx=Arabic}\p{M}]+", line)
    if bare not in words:
        return False
    spellings = {w for w in words if w != bare and w.replace("\u0640", "") == bare}
    if len(spellings) > 1:
        return True
    if text[start - 1 : start] in invisible._QUOTES or text[end : end + 1] in invisible._QUOTES:
        return True
    letters = len(invisible._LETTERS.findall(line))
    return letters > 0 and len(invisible._ARABIC_LETTERS.findall(line)) * 2 < letters


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["كتاب", "كـتاب", "كتــــاب", "ـ", "ــ", "ك", "«", "»", " ", "\n", "book", "the",
                                 "\u064e", "or", "2"]), min_size=1, max_size=30))
def test_spelling_shown_is_the_definition_it_replaced(parts):
    from corpuslint.families.whitespace import invisible

    text = "".join(parts)
    memo: dict = {}
    for pattern in (invisible.TatweelElongation._inner, invisible.TatweelElongation._run):
        for m in pattern.finditer(text):
            assert invisible._spelling_shown(text, m, memo) == _spelling_shown_reference(text, m)


def test_w113_tatweels_on_one_line():
    # the glued line's elongated word (كتـــاب) beside words of both scripts, 600 items: each
    # is one finding; the same word listed beside its plain spelling is shown on purpose
    line = gen.glued(600)
    found = _found(line, "g.txt", "W113")
    assert len(found) == line.count("كتـــاب") > 20
    assert _found("searching for كتاب will not match كـتاب or كتــــاب in the index\n", "t.txt", "W113") == []


# -- A107: thousands of references on one line (the line read per reference) ---------------

def _mentioned_reference(text: str, start: int, end: int, decoded: str) -> bool:
    # the definition before: the line searched, and cut and substituted, for each reference
    from corpuslint.families.artifact import markup as M

    if start == 0:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    b = start - 1
    while b > line_start and text[b] in M._BIDI_MARKS:
        b -= 1
    a = end
    while a < line_end and text[a] in M._BIDI_MARKS:
        a += 1
    before, after = text[b], text[a] if a < len(text) else " "
    quoted = a < len(text) and M._QUOTE_PAIRS.get(before) == after
    opens = before.isspace() or before in M._OPENING or before in M._BIDI_MARKS
    standing = opens and (after.isspace() or after in M._CLOSING)
    if ((standing or before == ":" and (after.isspace() or after in M._CLOSING))
            and M._ABOUT_REFERENCES_RE.search(text, line_start, line_end) is not None):
        return True
    apart = standing and decoded in M._ENTITY_RE.sub(" ", text[line_start:b] + " " + text[a + 1 : line_end])
    if not (quoted or apart):
        return False
    return M._NAMES_ENTITIES_RE.search(text, line_start, line_end) is not None


def _table_cell_reference(text: str, start: int, end: int, decoded: str) -> bool:
    from corpuslint.families.artifact import markup as M

    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    following = text[line_end:line_end + 200].lstrip()
    if not following.startswith(decoded) or following[len(decoded):len(decoded) + 1] not in ("", " ", "\t", "\n"):
        return False
    return M._NAMES_ENTITIES_RE.search(text, max(0, line_start - M._CELL_WINDOW), line_start) is not None


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["&amp;", "&lt;", "&#38;", "&", "<", "&amp", ";", " ", "\n", "\t", "(", ")", "\"",
                                 "\u200e", "\u200f", ":", "HTML", "entity", "ampersand", "x", "&nbsp;", "\u00a0",
                                 "\x1c", "&NotEqualTilde;"]), min_size=1, max_size=30))
def test_mentioned_and_table_cell_are_the_definitions_they_replaced(parts):
    import html

    from corpuslint.families.artifact import markup as M

    text = "".join(parts)
    memo: dict = {}
    for m in M._ENTITY_RE.finditer(text):
        decoded = html.unescape(m.group())
        assert M._mentioned(text, m.start(), m.end(), decoded, memo) == _mentioned_reference(
            text, m.start(), m.end(), decoded)
        assert M._table_cell(text, m.start(), m.end(), decoded, memo) == _table_cell_reference(
            text, m.start(), m.end(), decoded)


def test_a107_references_on_one_line():
    # the glued line's &amp; and &nbsp;: each a finding (the line names no entity); a line
    # about references that shows the character keeps its example
    line = gen.glued(600)
    found = _found(line, "g.txt", "A107")
    assert len(found) == line.count("&amp;") + line.count("&nbsp;") > 20
    assert _found("Write the ampersand (&) as &amp; in HTML.\n", "t.txt", "A107") == []


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="a\n -", min_size=0, max_size=40), st.data())
def test_paragraph_start_is_the_search_it_replaced(text, data):
    from corpuslint.families.spelling import repeated

    line_start = data.draw(st.integers(0, len(text)))
    para = text.rfind("\n\n", 0, line_start)
    assert repeated._paragraph_start(text, line_start) == (0 if para < 0 else para + 2)


# -- D102: two long near-copies of a small vocabulary ------------------------------------------

def test_d102_near_copies_of_a_small_vocabulary():
    # 1,200 words of eight, the second paragraph the first with "a" inserted and "the" dropped
    # every 20 words: a near-copy, reported once at the copy. No word occurs once: the
    # patience matcher anchors the two on runs of words (difflib's search took 30 s at 8,000)
    from corpuslint.families.duplicate import meaning

    text = gen.near_copies(1200, gen.LATIN)
    first, copy = text.rstrip("\n").split("\n\n")
    wa, wb = meaning._norm_words(first), meaning._norm_words(copy)
    assert isinstance(meaning.word_matcher(wa, wb), meaning._WordMatcher)
    assert meaning.significant_change(first, copy) is None
    assert [(f.line, f.related[0].line) for f in _found(text, "n.txt", "D102")] == [(3, 1)]
    # one content word changed in the copy's middle: two statements, not a copy
    words = copy.split(" ")
    words[600] = "kernel"
    changed = first + "\n\n" + " ".join(words) + "\n"
    assert meaning.significant_change(first, " ".join(words)) == "content word 'kernel'"
    assert _found(changed, "n.txt", "D102") == []


_FUNCTION = "the a of to in and is it that for on with as".split()
_CONTENT = "package manager version release story chapter book server disk cache file kernel module user".split()


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6), st.integers(520, 800), st.sampled_from([2, 4, 8, 14]),
       st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.sampled_from(["insert", "delete", "swap", "content"]),
                          st.integers(0, 100)), max_size=12),
       st.booleans())
def test_word_change_of_long_passages_is_difflibs(seed, n, vocabulary, edits, paraphrase):
    """Two passages of more than ``WORD_CELLS`` word pairs (one a copy of the other with
    function words inserted, deleted and swapped, and content words changed) are aligned
    by the patience matcher: its answer is difflib's."""
    import random

    from corpuslint.families.duplicate import meaning

    rng = random.Random(seed)
    content = _CONTENT[:vocabulary]
    base = [rng.choice(_FUNCTION) if rng.random() < 0.45 else rng.choice(content) for _ in range(n)]
    copy = list(base)
    for where, op, k in edits:
        i = int(where * len(copy))
        if op == "insert":
            copy.insert(i, _FUNCTION[k % len(_FUNCTION)])
        elif op == "delete" and copy[i] in _FUNCTION:
            del copy[i]
        elif op == "swap" and copy[i] in _FUNCTION:
            copy[i] = _FUNCTION[k % len(_FUNCTION)]
        elif op == "content":
            copy[i] = _CONTENT[k % len(_CONTENT)]
    a, b = " ".join(base), " ".join(copy)
    assert isinstance(meaning.word_matcher(meaning._norm_words(a), meaning._norm_words(b)), meaning._WordMatcher)
    found = meaning._word_change(a, b, paraphrase)
    cells = meaning.WORD_CELLS
    meaning.WORD_CELLS = 10**12  # (difflib's alignment at every size, as before)
    try:
        expected = meaning._word_change(a, b, paraphrase)
    finally:
        meaning.WORD_CELLS = cells
    assert (found is None) == (expected is None)
    assert found == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "a", "book", "of", "disk", "كتاب"]), max_size=80),
       st.lists(st.sampled_from(["the", "a", "book", "of", "disk", "كتاب"]), max_size=80))
def test_word_matcher_opcodes_rebuild_the_new_words(a, b):
    # the patience matcher with run anchors (here on every gap over 4 word pairs) is exact:
    # its equal spans are equal and replaying its opcodes on a gives b
    from corpuslint.families.duplicate import meaning

    class SmallGaps(meaning._WordMatcher):
        gap_cells = 4

    assert replayed(SmallGaps(None, a, b, autojunk=False), a, b) == b


def _unpaired_reference(cx, cy):
    # the pairing _word_change made: each word of cx with the first variant left in cy
    from corpuslint.families.duplicate.meaning import _spelling_variant

    cx, cy = list(cx), list(cy)
    for w in list(cx):
        v = next((u for u in cy if _spelling_variant(w, u)), None)
        if v is not None:
            cx.remove(w)
            cy.remove(v)
    return cx, cy


_VARIANTS = ["colour", "color", "colors", "kolour", "colour", "شويغو", "شويجو", "شويغوا", "manager", "manage",
             "menager", "disk", "disks", "ab12cd", "ab13cd", "version", "versions", "aversion"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_VARIANTS), max_size=25), st.lists(st.sampled_from(_VARIANTS), max_size=25))
def test_unpaired_is_the_pairing_it_replaced(cx, cy):
    from corpuslint.families.duplicate.meaning import _unpaired

    assert _unpaired(list(cx), list(cy)) == _unpaired_reference(cx, cy)


def test_d102_long_changed_blocks_of_a_few_words():
    # two 4,000-word passages of a five-word period, a word inserted near each end: the
    # changed blocks hold thousands of content words, paired off as spelling variants
    # in time linear in them; the answer stays a content word, as difflib's was
    from corpuslint.families.duplicate import meaning

    period = ["the", "package", "of", "manager", "version"]
    base = (period * 800)[:4000]
    copy = list(base)
    copy.insert(400, "a")
    copy.insert(3600, "the")
    assert meaning.significant_change(" ".join(base), " ".join(copy)) == "content word 'package'"
