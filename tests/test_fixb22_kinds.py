"""fixb22: hardening and adoption problems a new user (fresh22) found on a messy news archive.

No timing here (speed lives in benchmarks/): the tests check the behaviour that makes a
rule's time proportional to a long line's length, and the CLI on small real trees."""

from __future__ import annotations

import json

import regex

from corpuslint.engine import lint_text
from corpuslint.families.whitespace import punctuation

from .conftest import run_json

# Debian Administrator's Handbook (CC BY-SA 3.0 / GPL-2+), its chapter 16 as flattened into
# one line by fresh22's archive (/tmp/fresh22/scale/s1.txt): a sentence with a spaced mark
# (W114) and a quotation padded inside (W115), repeated as a one-line file repeats them.
_SENTENCE = ('The story of Falcot Corp ends with this last chapter ; but Debian lives on, and the '
             'developers say “ the future will bring surprises” to their users. ')


def _count_calls(monkeypatch, name):
    calls = []
    real = getattr(punctuation, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(punctuation, name, counted)
    return calls


def test_one_long_line_is_read_once_per_line_not_once_per_mark(monkeypatch):
    # W114 read the whole line (its columns, whether it reads as prose, is tokenized, its
    # quotations) again for each spaced mark on it, W115 for each quotation: a 4 MB line
    # took minutes (time ∝ length²). The line is read once; the findings stay per mark.
    tokenized = _count_calls(monkeypatch, "_tokenized")
    prose = _count_calls(monkeypatch, "reads_as_prose")
    line = _SENTENCE * 200
    found = [f for f in lint_text(line + "\n", "news.txt") if f.code in ("W114", "W115")]
    assert sum(f.code == "W114" for f in found) == 200  # " ;" reported each time
    assert sum(f.code == "W115" for f in found) == 200  # "“ the" reported each time
    assert len(tokenized) <= 1
    assert len(prose) <= 2  # once for W114, once for W115 (only in text that quotes code)


def test_patterns_anchored_at_the_mark_are_searched_back_from_it():
    # _PIPELINE_RE ("the command: ls | sort .") and _OPERAND_BEFORE_RE (`print "  Exit"`)
    # must end where the mark is; searched forward from the line start they tried every
    # position of the line for each mark. Searched in reverse they find the same matches.
    for pattern in (punctuation._PIPELINE_RE, punctuation._OPERAND_BEFORE_RE):
        assert pattern.flags & regex.REVERSE
    text = "we type the command: ls | sort ."
    assert punctuation._PIPELINE_RE.search(text, 0, len(text) - 2)
    assert not punctuation._PIPELINE_RE.search("we type the command ls sort .", 0, 27)
    # _operand_before looks only at the few characters a match can take, and finds what the
    # whole prefix's search finds: an indented command, a print, a sign, none in prose
    prose = "Now that Debian version 11 is out, the developers say " * 2000
    for line in ('    SAY "x', 'print  "x', "  " * 40 + 'SAY "x', 'x = "y', prose + 'echo "x', prose + 'he said "x'):
        i = line.rindex('"')
        assert punctuation._operand_before(line, i) == bool(punctuation._OPERAND_BEFORE_RE.search(line, 0, i)), line[-12:]
    assert not punctuation._operand_before(prose + 'he said "x', len(prose) + 8)
    # the findings around them are kept: the pipeline's dot is named, a prose dot is not
    found = lint_text("We type the command: ls | sort .\nThe command ran well and ended here .\n", "a.txt")
    assert [(f.code, f.line) for f in found if f.code == "W114"] == [("W114", 2)]


# debian-handbook (CC BY-SA 3.0 / GPL-2+), an article and a page of it kept as HTML in
# fresh22's archive, with the spaced mark fresh22's scraper left.
_ARTICLE = "The story of Falcot Corp ends with this last chapter ; but Debian lives on.\n"
_PAGE = "<html><body><p>Now that Debian version 11 is out , the developers are busy.</p></body></html>\n"


def _tree(tmp_path, config: str = ""):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "chapter16.txt").write_text(_ARTICLE, encoding="utf-8")
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "chapter16.html").write_text(_PAGE, encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text(config, encoding="utf-8")


def _checked(report) -> set[str]:
    return {d["path"].split("/")[-1] for d in report["diagnostics"] if d["code"] == "W114"}


def test_extend_include_adds_to_the_default_list_and_include_replaces_it(tmp_path):
    # fresh22: `--include '*.html'` checked 24 of 255 files (the HTML alone) where the README
    # read as "add". --extend-include (and extend-include in the config) adds, as ruff's does.
    _tree(tmp_path)
    assert _checked(run_json(".", cwd=tmp_path)[1]) == {"chapter16.txt"}
    assert _checked(run_json("--include", "*.html", ".", cwd=tmp_path)[1]) == {"chapter16.html"}
    assert _checked(run_json("--extend-include", "*.html", ".", cwd=tmp_path)[1]) == {"chapter16.txt", "chapter16.html"}
    (tmp_path / "corpuslint.toml").write_text('extend-include = ["*.html"]\n', encoding="utf-8")
    assert _checked(run_json(".", cwd=tmp_path)[1]) == {"chapter16.txt", "chapter16.html"}
    (tmp_path / "corpuslint.toml").write_text('include = ["*.html"]\n', encoding="utf-8")
    assert _checked(run_json(".", cwd=tmp_path)[1]) == {"chapter16.html"}
    assert _checked(run_json("--extend-include", "*.txt", ".", cwd=tmp_path)[1]) == {"chapter16.txt", "chapter16.html"}


# debian-handbook (CC BY-SA 3.0 / GPL-2+) ch. 11 in en and ar, saved by fresh22 as UTF-16
# (with its BOM) and cp1256: a no-break space between two words is W102's, with a safe fix
# (the one after "→" is typography since fixc22: kept, not in the patch).
_UTF16_TEXT = ("Once the antivirus is set up, its correct\u00a0behavior should be tested. The simplest way to do "
               "that is to send a test email with an attachment containing the eicar.com file.\n\n"
               "→\u00a0https://2016.eicar.org/86-0-Intended-use.html\n")
_CP1256_TEXT = "فصل\u00a011.\u00a0خدمات الشبكة: Postfix،\u200f Apache،\u200f NFS\n"


def _git(*args, cwd):
    import subprocess

    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def test_diff_of_a_utf16_file_applies_and_writes_what_fix_writes(tmp_path):
    # fresh22: `--diff` wrote the UTF-16 file's hunks in UTF-8 and `git apply` refused them
    # (--fix wrote UTF-16 right). A file not in UTF-8 gets a GIT binary patch of the bytes
    # --fix writes; a cp1256 file is not read as text (F001), so it is in no patch.
    from .conftest import run_cli

    for name in ("diff", "fix"):
        tree = tmp_path / name
        tree.mkdir()
        (tree / "utf16-network-services.txt").write_bytes("\ufeff".encode("utf-16-le") + _UTF16_TEXT.encode("utf-16-le"))
        (tree / "cp1256-network-services.txt").write_bytes(_CP1256_TEXT.encode("cp1256"))
        (tree / "plain.txt").write_text("The developers are busy working on the next version .\n", encoding="utf-8")
        assert _git("init", "-q", cwd=tree).returncode == 0
        assert _git("add", ".", cwd=tree).returncode == 0 and _git("commit", "-qm", "x", cwd=tree).returncode == 0
    proc = run_cli("check", "--no-cache", "--diff", ".", cwd=tmp_path / "diff")
    assert proc.returncode == 1, proc.stderr
    (tmp_path / "p.diff").write_text(proc.stdout, encoding="utf-8")
    assert "diff --git a/utf16-network-services.txt" in proc.stdout and "diff --git a/plain.txt" in proc.stdout
    assert "cp1256" not in proc.stdout
    check = _git("apply", "--check", str(tmp_path / "p.diff"), cwd=tmp_path / "diff")
    assert check.returncode == 0, check.stderr
    assert _git("apply", str(tmp_path / "p.diff"), cwd=tmp_path / "diff").returncode == 0
    run_cli("check", "--no-cache", "--fix", ".", cwd=tmp_path / "fix")
    for name in ("utf16-network-services.txt", "cp1256-network-services.txt", "plain.txt"):
        assert (tmp_path / "diff" / name).read_bytes() == (tmp_path / "fix" / name).read_bytes(), name
    fixed = (tmp_path / "diff" / "utf16-network-services.txt").read_bytes().decode("utf-16")
    assert "correct behavior" in fixed and "→\u00a0https://2016" in fixed  # the stray no-break space fixed, the
    # arrow's kept, the file still UTF-16 with its BOM


def test_baseline_follows_a_renamed_file(tmp_path):
    # fresh22: `git mv` of an article showed its 14 baselined findings as new. The entries of
    # the vanished path cover the same findings (content fingerprint) in the new path; a new
    # defect written into the moved article is still reported, and so is the old text
    # copied into a file the baseline already names.
    import shutil

    from .conftest import run_cli

    (tmp_path / "en").mkdir()
    article = tmp_path / "en" / "chapter16.txt"
    article.write_text(_ARTICLE + "Now that Debian version 11 is out , the developers are busy.\n", encoding="utf-8")
    (tmp_path / "en" / "other.txt").write_text("The developers are busy.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--write-baseline", "bl.json", ".", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert all("content" in e for e in json.loads((tmp_path / "bl.json").read_text())["findings"])
    (tmp_path / "news").mkdir()
    shutil.move(article, tmp_path / "news" / "chapter16-renamed.txt")
    _, report = run_json("--baseline", "bl.json", ".", cwd=tmp_path)
    assert report["diagnostics"] == []
    moved = tmp_path / "news" / "chapter16-renamed.txt"
    moved.write_text(moved.read_text(encoding="utf-8") + "A new line with a defect ; here.\n", encoding="utf-8")
    (tmp_path / "en" / "other.txt").write_text(_ARTICLE, encoding="utf-8")
    _, report = run_json("--baseline", "bl.json", ".", cwd=tmp_path)
    assert sorted((d["path"].split("/")[-1], d["line"]) for d in report["diagnostics"] if d["code"] == "W114") == [
        ("chapter16-renamed.txt", 3), ("other.txt", 1)]


def test_reports_say_how_many_findings_the_baseline_hid(tmp_path):
    # fresh22: the HTML report with a baseline said "0 findings" and no word of the ones it
    # hid. HTML, JSON summary and the text summary say how many; with no baseline they don't.
    from .conftest import run_cli

    (tmp_path / "a.txt").write_text(_ARTICLE, encoding="utf-8")
    assert run_cli("check", "--no-cache", "--write-baseline", "bl.json", ".", cwd=tmp_path).returncode == 0
    (tmp_path / "b.txt").write_text("Now that Debian version 11 is out , the developers are busy.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--baseline", "bl.json", "--format", "html", "-o", "r.html", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    hidden = len(json.loads((tmp_path / "bl.json").read_text())["findings"])
    assert hidden >= 1 and f"· {hidden} hidden by the baseline" in page
    _, report = run_json("--baseline", "bl.json", ".", cwd=tmp_path)
    assert report["summary"]["baselined"] == hidden and [d["path"] for d in report["diagnostics"]] != []
    assert all(d["path"].endswith("b.txt") for d in report["diagnostics"])
    proc = run_cli("check", "--no-cache", "--baseline", "bl.json", ".", cwd=tmp_path)
    assert f"; {hidden} hidden by the baseline" in proc.stdout
    _, report = run_json(".", cwd=tmp_path)
    assert "baselined" not in report["summary"]
    proc = run_cli("check", "--no-cache", "--format", "html", "-o", "r.html", ".", cwd=tmp_path)
    assert "hidden by the baseline" not in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_git_submodule_is_left_out_of_the_walk_unless_named(tmp_path):
    # fresh22: vendor/sub, a submodule holding a copy of one article, gave 14 findings and a
    # D105 against its original. In a git work tree a folder walk leaves submodules out (as
    # `git ls-files` does); naming the submodule checks it. Outside a repository, a folder
    # of clones is walked as before.
    origin = tmp_path / "origin"
    origin.mkdir()
    (origin / "chapter16.txt").write_text(_ARTICLE, encoding="utf-8")
    for args in (("init", "-q"), ("add", "."), ("commit", "-qm", "x")):
        assert _git(*args, cwd=origin).returncode == 0
    archive = tmp_path / "archive"
    (archive / "en").mkdir(parents=True)
    (archive / "en" / "chapter16.txt").write_text(_ARTICLE, encoding="utf-8")
    assert _git("init", "-q", cwd=archive).returncode == 0
    added = _git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(origin), "vendor/sub", cwd=archive)
    assert added.returncode == 0, added.stderr
    assert (archive / "vendor" / "sub" / "chapter16.txt").exists()
    _, report = run_json(".", cwd=archive)
    assert report["files_checked"] == 1 and {d["path"] for d in report["diagnostics"]} == {"en/chapter16.txt"}
    _, report = run_json("vendor/sub", cwd=archive)
    assert report["files_checked"] == 1 and any(d["code"] == "W114" for d in report["diagnostics"])
    _, report = run_json(".", cwd=tmp_path)  # not a repository: origin's and the archive's files
    assert report["files_checked"] == 3


def test_a_broken_symlink_found_by_a_walk_is_info_like_one_leaving_the_root(tmp_path):
    # fresh22: links/broken-link.txt was F003 (error: fails CI) while links/outside-link.txt
    # (to /etc/os-release) was F007 info; a broken link is not the user's text being bad.
    # Found by a walk both are F007 info; named on the command line a broken link is F003.
    import os

    (tmp_path / "links").mkdir()
    (tmp_path / "a.txt").write_text(_ARTICLE, encoding="utf-8")
    os.symlink("../nope.txt", tmp_path / "links" / "broken-link.txt")
    os.symlink("/etc/hostname", tmp_path / "links" / "outside-link.txt")
    _, report = run_json("--select", "F", ".", cwd=tmp_path)
    found = {d["path"].split("/")[-1]: (d["code"], d["severity"]) for d in report["diagnostics"]}
    assert found == {"broken-link.txt": ("F007", "info"), "outside-link.txt": ("F007", "info")}
    assert "symlink to ../nope.txt" in report["diagnostics"][0]["message"]
    _, report = run_json("--select", "F", "links/broken-link.txt", cwd=tmp_path)
    assert [(d["code"], d["severity"]) for d in report["diagnostics"]] == [("F003", "error")]


def test_an_invalid_pyproject_table_is_an_error_with_its_line(tmp_path):
    # fresh22: a pyproject.toml whose [tool.corpuslint] table was invalid TOML was skipped
    # without a word (the defaults ran); a broken pyproject.toml without the table still is.
    from .conftest import run_cli

    (tmp_path / "a.txt").write_text(_ARTICLE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.corpuslint]\nselect = [W]\n', encoding="utf-8")
    proc = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "pyproject.toml: invalid TOML: Invalid value (at line 2, column 11)" in proc.stderr
    (tmp_path / "pyproject.toml").write_text('[project\nname = "x"\n', encoding="utf-8")
    assert run_cli("check", "--no-cache", ".", cwd=tmp_path).returncode == 1
