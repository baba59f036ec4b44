"""AsciiDoc in fresh38 (session 50; and A103 on git-notes(1)): git-doc 1:2.39.5-0+deb12u3 (Debian, GPL-2) quoted inline.

* git-stripspace(1)'s EXAMPLES list its input in a listing block, '$' marking each line's end:
  "|   $", "|$" are the listing's text, no debris (A111 reported 10).
* giteveryday(7)'s "Examples" section as a dataset record: its title underline "~~~~~~~~"
  parsed as a Markdown tilde fence made the record Markdown, where AsciiDoc's "+" list
  continuations were lines of symbols (A111 reported 17, with unsafe fixes).
"""

from __future__ import annotations

from corpuslint import lint_records, lint_text
from corpuslint.document import Document
from corpuslint.structure import looks_like_markdown

STRIPSPACE = """\
EXAMPLES
--------

Given the following noisy input with '$' indicating the end of a line:

---------
|A brief introduction   $
|   $
|$
|A new paragraph$
|# with a commented-out line    $
|explaining lots of stuff.$
|$
|# An old paragraph, also commented-out. $
|      $
|The end.$
|  $
---------

Use 'git stripspace' with no arguments to obtain:
"""

EVERYDAY = """\
Examples
~~~~~~~~

Clone the upstream and work on it.  Feed changes to upstream.::
+
------------
$ git clone git://git.kernel.org/pub/scm/.../torvalds/linux-2.6 my2.6
$ cd my2.6
$ git switch -c mine master <1>
$ edit/compile/test; git commit -a -s <2>
$ git format-patch master <3>
------------
+
<1> checkout a new branch `mine` from master.
<2> repeat as needed.
<3> extract patches from your branch, relative to master,

See linkgit:git-clone[1], linkgit:git-switch[1] and linkgit:git-format-patch[1].
"""


def _a111(text: str, path: str) -> list[int]:
    return [f.line for f in lint_text(text, path=path, config={"select": ["A111"], "cache": False})]


def test_a111_leaves_the_lines_of_an_asciidoc_listing():
    assert _a111(STRIPSPACE, "git-stripspace.adoc") == []
    assert _a111(STRIPSPACE.replace("---------\n", ""), "git-stripspace.adoc")  # (outside a listing: debris)


def test_an_asciidoc_title_underline_of_tildes_is_no_markdown_fence():
    assert not looks_like_markdown(Document("record", EVERYDAY))
    assert looks_like_markdown(Document("record", "Run it:\n\n~~~~\n$ make\n~~~~\n"))  # a real tilde fence
    found = lint_records([{"id": "git-doc/giteveryday#4", "text": EVERYDAY}], id_field="id",
                         config={"select": ["A111"], "cache": False})
    assert found == []


# git-notes(1) (git-doc 1:2.39.5, GPL-2), its --stdin option's description (fresh38's adoc/git-notes.adoc:174)
NOTES_STDIN = """\
--stdin::
\tAlso read the object names to remove notes from the standard
\tinput (there is no reason you cannot combine this with object
\tnames from the command line).
"""


def test_a103_leaves_a_sentence_whose_verb_is_also_read():
    found = lint_text(NOTES_STDIN, path="git-notes.adoc", config={"select": ["A103"], "cache": False})
    assert found == []
    teaser = "The vote is on Tuesday.\n\nAlso read: The best phones of 2024\n"  # (a news page's teaser: boilerplate)
    assert [f.code for f in lint_text(teaser, path="news.txt", config={"select": ["A103"], "cache": False})] == ["A103"]
