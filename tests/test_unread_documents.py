"""fresh26: a software-text corpus whose Debian/GNU changelogs and NEWS files (476 of
649 files) a folder walk left out in silence: the default ``include`` reads suffixes, and
those documents have none that corpuslint reads. The walk now names such documents in one
note (and the JSON summary's ``not_included``); including them checks them."""

import json
import os
import subprocess
import sys
from pathlib import Path

from corpuslint.files import unread_key
from corpuslint.subtitles import UNREAD_SUBTITLE_SUFFIXES

# debian/changelog of GNU make 4.3-4.1 (Debian, GPL-3+), its first entry's opening lines
CHANGELOG = ("make-dfsg (4.3-4.1) unstable; urgency=medium\n\n  * Non-maintainer upload.\n"
             "  * Fix FTBFS with glibc 2.34.\n\n -- Name <name@example.org>  Sun, 01 Aug 2021 10:00:00 +0200\n")


def _run(*args, cwd):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.run([sys.executable, "-m", "corpuslint", "check", "--no-cache", *args], cwd=cwd,
                          capture_output=True, text=True, env=env)


def test_unread_key_names_documents_by_name_and_subtitles_by_suffix():
    assert unread_key("NEWS", UNREAD_SUBTITLE_SUFFIXES) == "NEWS"
    assert unread_key("ChangeLog", UNREAD_SUBTITLE_SUFFIXES) == "ChangeLog"
    assert unread_key("changelog.Debian", UNREAD_SUBTITLE_SUFFIXES) == "changelog.Debian"
    assert unread_key("movie.ASS", UNREAD_SUBTITLE_SUFFIXES) == ".ass"
    # fresh27: 60 Persian handbook pages left out in silence; HTML is counted by its suffix
    assert unread_key("History.html", UNREAD_SUBTITLE_SUFFIXES) == ".html"
    assert unread_key("index.HTM", UNREAD_SUBTITLE_SUFFIXES) == ".htm"
    for name in ("changelog.Debian.gz", "History.pdf", "COPYING", "LICENSE", "Makefile", "logo.png", ".news", "newsletter"):
        assert unread_key(name, UNREAD_SUBTITLE_SUFFIXES) is None, name


def test_a_walk_names_the_changelogs_it_leaves_out_and_checks_them_when_included(tmp_path):
    (tmp_path / "deb" / "make").mkdir(parents=True)
    (tmp_path / "deb" / "make" / "changelog.Debian").write_text(CHANGELOG, encoding="utf-8")
    (tmp_path / "deb" / "make" / "NEWS").write_text("Version 4.3  \n\nA release.\n", encoding="utf-8")
    (tmp_path / "deb" / "make" / "COPYING").write_text("GNU GENERAL PUBLIC LICENSE\n", encoding="utf-8")
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\nFirst release.\n", encoding="utf-8")
    proc = _run("--format", "json", ".", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert report["files_checked"] == 1
    assert report["summary"]["not_included"] == {"NEWS": 1, "changelog.Debian": 1}
    notes = [line for line in proc.stderr.splitlines() if "note:" in line]
    assert notes == ['corpuslint: note: 2 text files without a suffix corpuslint reads not checked: 1 NEWS, '
                     '1 changelog.Debian; to check them add extend-include = ["NEWS", "changelog.Debian"] '
                     '(or --extend-include NAME)']
    quiet = _run("--quiet", ".", cwd=tmp_path)
    assert "note:" not in quiet.stderr
    included = _run("--format", "json", "--extend-include", "NEWS", "--extend-include", "changelog.Debian", ".",
                    cwd=tmp_path)
    report = json.loads(included.stdout)
    assert report["files_checked"] == 3 and "not_included" not in report["summary"]
    assert "note:" not in included.stderr
    # NEWS's trailing spaces are found once it is read
    assert any(d["code"] == "W101" and d["path"].endswith("NEWS") for d in report["diagnostics"])


def test_a_walk_names_the_html_pages_it_leaves_out_and_checks_them_when_included(tmp_path):
    # debian-handbook 11.20220922 (fa), CC-BY-SA-3.0 / GPL-2+: a page's opening paragraph, with a trailing space
    page = ('<html><head><title>پیشگفتار</title></head><body>\n<p>دبیان یک سیستم عامل آزاد است. \n'
            'این کتاب درباره آن است.</p>\n</body></html>\n')
    (tmp_path / "html").mkdir()
    for name in ("a.html", "b.html", "c.htm"):
        (tmp_path / "html" / name).write_text(page, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("A note.\n", encoding="utf-8")
    proc = _run("--format", "json", ".", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert report["files_checked"] == 1
    assert report["summary"]["not_included"] == {".htm": 1, ".html": 2}
    notes = [line for line in proc.stderr.splitlines() if "note:" in line]
    assert notes == ['corpuslint: note: 3 HTML pages not checked (HTML is not walked by default: it is often a '
                     'build output); to check them add extend-include = ["*.htm", "*.html"] '
                     "(or --extend-include '*.html')"]
    included = _run("--format", "json", "--extend-include", "*.html", "--extend-include", "*.htm", ".", cwd=tmp_path)
    report = json.loads(included.stdout)
    assert report["files_checked"] == 4 and "not_included" not in report["summary"]
    assert sum(d["code"] == "W101" for d in report["diagnostics"]) == 3
