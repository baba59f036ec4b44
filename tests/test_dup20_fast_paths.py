"""dup20's exact cuts of the map step (issue 14, target 2): same values, less work.

* ``document.make_line`` / ``make_unit`` build the same frozen ``Line`` / ``Unit`` as the
  dataclasses' ``__init__``, through the slot descriptors;
* ``local.unit_prose`` (one prose mask of every unit, shared by D101-D103) gives each
  unit the verdict ``regions.prose_mask`` gives it alone;
* D103 leaves a formulaic document as soon as the pairs kept involve enough sentences:
  the same silence as counting them all, and a document with one restatement is still
  reported.
"""

from __future__ import annotations

import dataclasses
import pickle
import re

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
