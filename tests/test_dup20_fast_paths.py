"""dup20's exact cuts of the map step (issue 14, target 2): same values, less work.

* ``document.make_line`` / ``make_unit`` build the same frozen ``Line`` / ``Unit`` as the
  dataclasses' ``__init__``, through the slot descriptors;
* ``local.unit_prose`` (one prose mask of every unit, shared by D101-D103) gives each
  unit the verdict ``regions.prose_mask`` gives it alone;
* D103 leaves a formulaic document as soon as the pairs kept involve enough sentences:
  the same silence as counting them all, and a document with one restatement is still
  reported;
* ``units.letter_hashes`` (D104's pointed/unpointed fold, issue 14 target 7) classes the
  code points of a group of paragraphs in array passes: the same hashes as its
  definition, the regex ``[\\p{L}\\p{M}]+`` over each paragraph's NFD, words joined by
  a space, marks stripped for the first.
"""

from __future__ import annotations

import dataclasses
import pickle
import re
import unicodedata
from pathlib import Path

import regex
import xxhash

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpuslint.document import Document, Line, Unit, make_line, make_unit
from corpuslint.families.duplicate import local, regions
from corpuslint.families.duplicate import units as U
from corpuslint.families.duplicate.local import RestatedPassage

from .conftest import seed

ints = st.integers(min_value=0, max_value=2**40)


@given(ints, ints, ints)
def test_make_unit_is_the_dataclass_instance(start, end, line):
    made, built = make_unit(start, end, line), Unit(start, end, line)
    assert type(made) is Unit and made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert pickle.loads(pickle.dumps(made)) == built
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = start + 1  # type: ignore[misc]


@given(ints, ints, ints, st.sampled_from(["\n", "\r\n", "\r", ""]))
def test_make_line_is_the_dataclass_instance(number, start, end, newline):
    made, built = make_line(number, start, end, newline), Line(number, start, end, newline)
    assert type(made) is Line and made == built and hash(made) == hash(built) and repr(made) == repr(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.newline = "x"  # type: ignore[misc]


@given(st.lists(st.sampled_from(["word word word", "", "  indented", "a\r", "b\r\n", "x. y! z?", "\u2028"]), max_size=12))
def test_document_views_built_with_makers_match_constructors(parts):
    text = "\n".join(parts)
    doc = Document("t.txt", text)
    expected, pos = [], 0  # the lines, cut again with the constructor
    for m in re.finditer(r"\r\n|\n|\r", text):
        expected.append(Line(len(expected) + 1, pos, m.start(), m.group()))
        pos = m.end()
    if pos < len(text) or not expected:
        expected.append(Line(len(expected) + 1, pos, len(text), ""))
    assert doc.lines == expected
    assert all(type(x) is Line for x in doc.lines) and all(type(u) is Unit for u in doc.sentences + doc.paragraphs)
    assert doc.line_paragraphs == [Unit(x.start, x.end, x.number) for x in doc.lines if text[x.start : x.end].strip()]


MARKDOWN = """# Title

A paragraph of prose that says something about the tool and its options.

- a list item that repeats a note about the tool and its options
- another item

```
code line one = 1
code line two = 2
```

| a | b |
|---|---|
| 1 | 2 |

**Default:** `none`

Another paragraph of prose about the same tool, written as a sentence.
"""


@pytest.mark.parametrize("name,text", [("doc.md", MARKDOWN), ("doc.txt", MARKDOWN.replace("```", "    "))])
def test_unit_prose_is_each_units_own_mask(name, text):
    doc = Document(name, text)
    a = U.analyse(doc)
    shared = local.unit_prose(a)
    alone = [regions.prose_mask(Document(name, text), [(u.start, u.end)], lists=False)[0] for u in a.units]
    assert shared == alone and True in shared and False in shared


# Three restatements, each pair with its own words: six sentences look like restatements,
# more than a tenth of them: a formulaic document (D103 silent), unless the share is 1.
PAIRS = [
    ("The harbour authority closed the northern pier after storm waves damaged its wooden pylons and railings overnight.",
     "After storm waves damaged the wooden pylons and railings overnight, the harbour authority closed the northern pier."),
    ("Local farmers reported that late frost destroyed most apricot blossoms across the eastern valley orchards this spring.",
     "This spring, late frost destroyed most apricot blossoms across the eastern valley orchards, local farmers reported."),
    ("The city library extended its weekend opening hours so students could prepare for winter examinations.",
     "So students could prepare for winter examinations, the city library extended its weekend opening hours."),
]


def test_formulaic_document_is_silent_as_before_and_one_restatement_is_reported():
    text = "\n\n".join(a for a, _ in PAIRS) + "\n\n" + "\n\n".join(b for _, b in PAIRS) + "\n"
    assert list(RestatedPassage().check(Document("t.txt", text))) == []
    counted = [f.line for f in RestatedPassage({"formulaic-share": 1.0}).check(Document("t.txt", text))]
    assert counted  # (the pairs are restatements: only the genre test silences them)
    one = PAIRS[0][0] + "\n\nThe weather stayed calm for the rest of the week.\n\n" + PAIRS[0][1] + "\n"
    assert [f.line for f in RestatedPassage().check(Document("t.txt", one))] == [5]
    path = seed("000")  # the demo corpus' restatement (line 4 restates line 1)
    (f,) = RestatedPassage().check(Document(str(path), path.read_text(encoding="utf-8")))
    assert (f.line, f.related[0].line) == (4, 1)


REAL = Path(__file__).parent / "data" / "realtext"


def _letter_hashes_by_definition(text: str, spans: list[list[int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        para = text[start:end]
        if para.isascii():
            h = xxhash.xxh64_intdigest(re.sub(r"[^A-Za-z]", "", para).encode("utf-32-le"))
            out.append((h, h))
            continue
        marked = " ".join(regex.findall(r"[\p{L}\p{M}]+", unicodedata.normalize("NFD", para)))
        bare = regex.sub(r"\p{M}+", "", marked)
        out.append((xxhash.xxh64_intdigest(bare.encode("utf-32-le")), xxhash.xxh64_intdigest(marked.encode("utf-32-le"))))
    return out


def _paragraph_spans(text: str) -> list[list[int]]:
    return [[m.start(), m.end()] for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]


@pytest.mark.parametrize("name", ["quran-ar-uthmani-002-050-maddah.txt", "quran-ar-uthmani-003-085-tatweel-hamza.txt",
                                  "hafez-vocalised-zwnj-clitics.txt", "tanakh-pointed-joshua-21-34-39.txt",
                                  "quran-json-bn-015-numbered-verses.txt"])
def test_letter_hashes_are_their_definition_on_pointed_text(name):
    text = (REAL / name).read_text(encoding="utf-8")
    spans = _paragraph_spans(text) + [[0, len(text)]]
    got = U.letter_hashes(text, spans)
    assert got.shape == (len(spans), 2)
    assert [tuple(row) for row in got.tolist()] == _letter_hashes_by_definition(text, spans)
    # pointed text: stripping the marks changes some paragraph's hash
    assert any(bare != marked for bare, marked in got.tolist())


def test_letter_hashes_of_groups_and_of_a_paragraph_longer_than_a_group(monkeypatch):
    """Paragraphs split over several array groups, and one longer than a group (the regex path)."""
    text = (REAL / "tanakh-pointed-joshua-21-34-39.txt").read_text(encoding="utf-8")
    spans = _paragraph_spans(text) + [[0, len(text)]]
    monkeypatch.setattr(U, "LETTER_GROUP_CHARS", 300)
    assert [tuple(r) for r in U.letter_hashes(text, spans).tolist()] == _letter_hashes_by_definition(text, spans)


_pieces = st.sampled_from(["a", "é", "e\u0301", "\u0301", " ", "\n", ".", "—", "بِ", "أ", "\u064e", "ק\u05b8",
                           "\u0640", "𝐀", "😀", "\ud800", "\udcff", "\u00a0", "1", "ﷺ", "\u2000", "ǅ"])


@given(st.lists(st.lists(_pieces, max_size=12).map("".join), min_size=1, max_size=8))
def test_letter_hashes_are_their_definition(paragraphs):
    text = "".join(paragraphs)
    spans, pos = [], 0
    for p in paragraphs:
        spans.append([pos, pos + len(p)])
        pos += len(p)
    assert [tuple(r) for r in U.letter_hashes(text, spans).tolist()] == _letter_hashes_by_definition(text, spans)
