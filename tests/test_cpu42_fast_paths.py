"""cpu42 (issue 14, target 2): fast paths against the definitions they replace.

Each test computes the old definition next to the fast path on generated input
(hypothesis) and asserts the same answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import structure
from corpuslint.families.duplicate import local


def _hanging_headings_scanned(text: str) -> tuple[list[int], list[int]]:
    """``local._hanging_headings`` as it was: the pattern scanned over every text with a
    line break."""
    starts: list[int] = []
    ends: list[int] = []
    if "\n" in text:
        for m in local._HANGING_HEADING_RE.finditer(text):
            title = m["title"].rstrip()
            if (len(m["body"].expandtabs()) > len(m["indent"].expandtabs()) + 1
                    and len(title.split()) <= local.HANGING_HEADING_MAX_WORDS and title[-1] not in ".!?:;,"):
                starts.append(m.start("indent"))
                ends.append(m.end())
    return starts, ends


# (line breaks, blanks and tabs often enough that headings and indented bodies occur)
_LAYOUT = st.lists(st.sampled_from(["\n", "\n", " ", " ", "\t", "\r", "a", "b", "DESCRIPTION", "x y", ".", "\u0627"]),
                   max_size=40).map("".join)


@settings(max_examples=600, deadline=None)
@given(_LAYOUT)
def test_hanging_headings_prechecked_are_the_scanned_ones(text):
    local._HANGING_MEMO[0] = None  # (a fresh text object may reuse a freed one's id: ask afresh)
    assert local._hanging_headings(text) == _hanging_headings_scanned(text)


def test_hanging_heading_of_a_man_page_and_none_in_prose():
    page = "NAME\n  mklost+found - create a lost+found directory\n\nDESCRIPTION\n    mklost+found is used\n"
    local._HANGING_MEMO[0] = None
    found = local._hanging_headings(page)
    assert found == _hanging_headings_scanned(page) and found[0] == [page.index("DESCRIPTION")]
    prose = "قال المتحدث باسم الكرملين.\n\nوقال إنها دولة صديقة.\n"  # (no line opens indented)
    local._HANGING_MEMO[0] = None
    assert local._hanging_headings(prose) == ([], []) == _hanging_headings_scanned(prose)


def _in_stanzas_split(text: str, pos: int, median_chars: int = structure.VERSE_MEDIAN_CHARS,
                      couplets: bool = False) -> bool:
    """``structure.in_stanzas`` as it was: every block of the window split into its lines
    before the block of ``pos`` is looked at."""
    lo, hi = structure.reach(text, pos, 4000), structure.reach(text, pos, 4000, forward=True)
    blocks, start = [], lo
    for m in structure.BLANK_LINES_RE.finditer(text, lo, hi):
        blocks.append((start, m.start()))
        start = m.end()
    blocks.append((start, hi))
    at = next((i for i, (a, b) in enumerate(blocks) if a <= pos <= b), None)
    if at is None:
        return False
    lines = [[x.strip() for x in text[a:b].split("\n") if x.strip()] for a, b in blocks]

    def stanza(i: int) -> bool:
        return len(lines[i]) >= 2 and all((x[0].isalpha() or x[0] in structure.VERSE_QUOTES) and (
            not couplets or len(x) >= structure.COUPLET_LINE_MIN_CHARS
            and not structure.NOT_VERSE_CHAR_RE.search(x)) for x in lines[i])

    first = last = at
    while first > 0 and stanza(first - 1):
        first -= 1
    while last + 1 < len(lines) and stanza(last + 1):
        last += 1
    if not stanza(at) or last - first + 1 < structure.STANZAS_MIN_BLOCKS:
        return False
    lengths = sorted(len(x) for block in lines[first : last + 1] for x in block)
    return lengths[len(lengths) // 2] <= median_chars


# lines of verse, of prose, a key, markup, a blank; blocks of 1-3 of them between blank lines
# (a CRLF one too), so that runs of stanzas occur
_STANZA_LINE = st.sampled_from(["Ein Loch ist im Browser", "گر خطایی رفت رفت"] * 2 + [
    "C", "\\begin{x}", "«Oui»", " ", "", "a line of prose that runs on well past forty-eight characters here", "F10+ ab"])
_STANZA_TEXT = st.lists(st.lists(_STANZA_LINE, min_size=1, max_size=3).map("\n".join), max_size=8).flatmap(
    lambda blocks: st.sampled_from(["\n\n", "\r\n\r\n", "\n \n"]).map(lambda gap: gap.join(blocks)))


@settings(max_examples=600, deadline=None)
@given(_STANZA_TEXT, st.integers(0, 400), st.booleans(),
       st.sampled_from([structure.VERSE_MEDIAN_CHARS, structure.PROSE_MEDIAN_CHARS, 12]))
def test_in_stanzas_split_lazily_is_the_split_one(text, pos, couplets, median):
    pos = min(pos, len(text))
    assert structure.in_stanzas(text, pos, median, couplets) == _in_stanzas_split(text, pos, median, couplets)


def test_in_stanzas_on_a_song_and_on_prose():
    song = "Ein Loch ist im Browser\nich weiß nicht wo\n\nEin Loch ist im Browser\nwie kommt das so\n\n" \
           "Ein Loch ist im Browser\nich schau mal nach\n"
    prose = "قال المتحدث باسم الكرملين إنها دولة صديقة نعمل معها على وقف الحرب.\n\nوقال إن الحرب طالت.\n"
    for text, pos, verse in ((song, 30, True), (prose, 10, False)):
        assert structure.in_stanzas(text, pos) is verse and _in_stanzas_split(text, pos) is verse
