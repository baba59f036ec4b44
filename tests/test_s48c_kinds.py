"""s48c's kinds from fresh35 (a new user's Indic, Persian and Urdu docs, UI strings and Hafez).

* A110: an address that names no site is not a stray link nor anyone's address: a reserved
  example domain (RFC 2606, RFC 6761) or a placeholder host in a help page teaching how to
  type an address (GNOME's help on connecting to a server, gnome-user-docs 43.0,
  CC-BY-SA-3.0; LibreOffice's Hindi help, libreoffice-help-hi 7.4.7, MPL-2.0), and a URL
  in a program's message is the program's (Firefox's Fluent strings,
  firefox-esr-l10n-{hi-in,bn,fa} 153.8.0esr, MPL-2.0: tests/data/realtext/firefox-links.jsonl).
* S101: a Persian word that is a stem in a consonantal ه plus an enclitic is not a slip of
  the same stem with another ending: "هنوز در اول راهید" (راه + ید) beside "هنوز اول راهی"
  (the readings of ghazals 402 and 195 in PyPI hafez 0.4.2, MIT; half-lines of ghazals of
  Hafez, public domain).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from corpuslint import lint_paths, lint_text

REAL = Path(__file__).parent / "data" / "realtext"

# gnome-user-docs 43.0, nautilus-connect (fa, left in English), lines 43-55, cut
SERVERS = """- A typical SSH URL looks like this:
- ssh://username@servername.example.com/folder
- A typical FTP URL looks like this:
- ftp://username@ftp.example.com/path/
- A typical anonymous FTP URL looks like this:
- ftp://ftp.example.com/path/
"""
# libreoffice-help-hi 7.4.7: shared/optionen/01010200.md lines 77-79, shared/autopi/01110200.md line 97
# (cut), shared/guide/language_select.md line 60
LIBREOFFICE = """file:///C:/work/images/img.jpg

https://myserver.com/work/images/img.jpg

The URL of your computer is assumed as follows: "http://myserver.com".

- Open your web browser and enter https://www.libreoffice.org/download/.
"""


def _a110(text: str, path: str) -> list[str]:
    return [text.splitlines()[f.line - 1][f.column - 1 : f.end_column - 1]
            for f in lint_text(text, path=path, config={"select": ["A110"]}) if f.code == "A110"]


def test_a110_leaves_example_and_placeholder_addresses_of_a_help_page():
    assert _a110(SERVERS, "nautilus-connect.md") == []
    # the page's own link to a real site stays reported
    assert _a110(LIBREOFFICE, "01010200.md") == ["https://www.libreoffice.org/download/"]
    # and so do the same addresses on a real host
    text = SERVERS.replace("example.com", "gnome.org").replace("servername.", "")
    assert _a110(text, "nautilus-connect.md") == [
        "ssh://username@gnome.org/folder", "ftp://username@ftp.gnome.org/path/", "ftp://ftp.gnome.org/path/"]
    assert _a110("Write to editor@almasaa.net or to editor@localhost.\n", "a.txt") == ["editor@almasaa.net"]


def test_a110_leaves_the_urls_of_a_programs_messages(tmp_path):
    # Firefox's "learn more at <a>www.antiphishing.org</a>" (hi, bn, fa), "visit
    # https://www.openh264.org/ to see the codec's source" (hi, bn), the EME specification
    # (bn) and a search engine's URL shown as an example (fa), among their files' messages
    shutil.copy(REAL / "firefox-links.jsonl", tmp_path / "firefox.jsonl")
    found = [f for f in lint_paths([str(tmp_path)], config={"select": ["A110"], "cache": False}) if f.code == "A110"]
    assert found == []
    # the same sentences as the text of a page are reported
    page = "\n\n".join(line.split('"text": "', 1)[1].rsplit('"', 1)[0]
                       for line in (REAL / "firefox-links.jsonl").read_text(encoding="utf-8").splitlines()
                       if "openh264.org" in line or "antiphishing" in line)
    assert "www.antiphishing.org" in _a110(page + "\n", "page.txt")
    # a page whose placeholders are in its code (Sphinx's extlinks, read as a catalogue for
    # them) is no program's message: the link of its prose is reported
    rst = (REAL / "sphinx-extlinks-excerpt.rst").read_text(encoding="utf-8")
    assert _a110(rst, "extlinks.rst") == ["https://github.com/sphinx-doc/sphinx/issues/123"]


# PyPI hafez 0.4.2: the readings of ghazals 402 (line 18, cut) and 195 (line 20, cut), and three
# half-lines holding راهی (ghazals of Hafez, public domain)
RAHID = {
    "a.txt": "هنوز در اول راهید. عجله نکنید. به مرحله ی بالای زهد و عقل نرسیده اید پس صبر کنید"
             " تا کارها خراب نشود و غم به دلتان راه پیدا نکند.\n",
    "b.txt": "گاهی در بعضی موارد مدعی هستی ولی خودت می دانی که هنوز دست چپ و راستت را نمی شناسی."
             " هنوز اول راهی، از فراز و نشیب نترس.\n",
    "c.txt": "گذار بر ظلمات است خضر راهی کو\nراهی بزن که آهی بر ساز آن توان زد\nزهد رندان نوآموخته راهی بدهیست\n",
}


def test_s101_a_stem_with_another_enclitic_is_not_a_slip(tmp_path):
    for name, text in RAHID.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = [f for f in lint_paths([str(tmp_path)], config={"select": ["S101"], "cache": False}) if f.code == "S101"]
    assert found == []
    # the same ending on a stem the suggestion does not share stays reported (گوهیم, a slip of گواهیم)
    for name, text in RAHID.items():
        (tmp_path / name).write_text(text.replace("راهید", "گوهیم").replace("راهی", "گواهیم"), encoding="utf-8")
    found = [f for f in lint_paths([str(tmp_path)], config={"select": ["S101"], "cache": False}) if f.code == "S101"]
    assert [f.message.split(":")[0] for f in found] == ["possible slip 'گوهیم'"]
