"""fresh35's kinds (a new user's Indic, Persian and Urdu documentation, UI strings and poetry).

* W114: a lone "." before a word of a script without case may be the dot named with its
  particle (GNOME's Tamil help on hidden files, gnome-user-docs 43.0, CC-BY-SA-3.0): its fix
  is no longer safe; a mark after "or" ending a table's item is an item ("W or ,", the keys of
  LibreOffice Impress's white screen, libreoffice-help-hi 7.4.7, MPL-2.0).
* A110 (its bug 4): an ``ssh://``, ``smb://`` or ``dav://`` address is a URL as an ``ftp://``
  one is, not an e-mail address from its ``user@host`` (GNOME's help on connecting to a
  server, gnome-user-docs 43.0, CC-BY-SA-3.0).
* D104 (its bug 2): in Markdown an ATX heading right under a list item (no blank line) is a
  unit of its own, as CommonMark reads it: the item's copy in another file no longer takes
  the heading with it, nor does the unsafe fix delete it (GNOME's Persian and Hindi help on
  renaming files, gnome-user-docs 43.0, CC-BY-SA-3.0: both keep the English list items).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from corpuslint import lint_paths, lint_text
from corpuslint.findings import Applicability

TAMIL_DOT = 'நீங்கள் ஒரு கோப்புக்கு . ஐ முதல் எழுத்தாகக் கொண்டு பெயரிட்டால், கோப்பு மேலாளர் மூலம் பார்க்க முயற்சிக்கும் போது அக்கோப்பு மறைந்துள்ள கோப்பாக இருக்கும்.'
IMPRESS_KEYS = "B or .\n\nShow black screen until next key or mouse wheel event.\n\nW or ,\n\nShow white screen until next key or mouse wheel event.\n"


def _w114(text: str, path: str = "page.md") -> list:
    return [f for f in lint_text(text, path=path, config={"select": ["W114"]}) if f.code == "W114"]


def test_w114_fix_is_not_safe_for_a_dot_before_an_uncased_word():
    (f,) = _w114(TAMIL_DOT + "\n")
    assert f.message == "space before '.'" and f.fix.applicability == Applicability.UNSAFE
    # before a capital the dot ends a sentence: the fix is safe
    (f,) = _w114("Rename the file . Then open it.\n")
    assert f.fix.applicability == Applicability.SAFE


def test_w114_spares_a_mark_listed_after_or():
    assert _w114(IMPRESS_KEYS) == []
    assert [f.message for f in _w114(IMPRESS_KEYS.replace("W or ,", "Show it ,"))] == ["space before ','"]


REAL = Path(__file__).parent / "data" / "realtext"


def test_d104_a_heading_under_a_list_item_is_not_part_of_its_copy(tmp_path):
    for lang in ("fa", "hi"):
        shutil.copy(REAL / f"gnome-help-{lang}-files-rename-limits.md", tmp_path / f"{lang}.md")
    found = [f for f in lint_paths([str(tmp_path)], config={"select": ["D104"], "cache": False}) if f.code == "D104"]
    assert found
    for f in found:
        text = Path(f.path).read_text(encoding="utf-8")
        lines = text.split("\n")
        assert f.end_line == f.line and lines[f.line - 1].startswith("- "), (f.path, f.line)
        flagged = text[f.start : f.end]
        assert "#" not in flagged and "\n" not in flagged.strip()
        for edit in f.fix.edits:
            assert "## " not in text[edit.start : edit.end]


SERVERS = """- A typical SSH URL looks like this:
- ssh://username@servername.example.com/folder
- A typical FTP URL looks like this:
- ftp://ftp.example.com/path/
- smb://servername/Share
- davs://example.hostname.com/path
"""


def test_a110_names_every_scheme_a_url():
    def found(text):
        return [f.message for f in lint_text(text, path="nautilus-connect.md", config={"select": ["A110"]})
                if f.code == "A110"]

    assert found(SERVERS) == []  # example and placeholder hosts (s48c): addresses to type, not links
    real = SERVERS.replace("servername.example.com", "gnome.org").replace("example.com", "gnome.org")
    real = real.replace("servername/", "files.gnome.org/").replace("example.hostname.com", "dav.gnome.org")
    assert found(real) == ["URL `ssh://username@gnome.org/folder`", "URL `ftp://ftp.gnome.org/path/`",
                           "URL `smb://files.gnome.org/Share`", "URL `davs://dav.gnome.org/path`"]
