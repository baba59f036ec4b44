"""Command-line edges: project roots, per-file-ignores, missing paths, -o, standard
input, case-insensitive codes, blame and "did you mean", --unsafe-fixes alone, the
rules table and the samples config."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuslint.files
from corpuslint import lint_paths
from corpuslint.config import SCOPE_FOLDER, SCOPE_TARGETS, SCOPE_TREE, Config, build_config, project_root
from corpuslint.engine import build_registry

from .conftest import ROOT, run_cli, run_json, seed_line

PARAGRAPH = seed_line("000", 1)  # a long real paragraph: a cross-file duplicate when copied


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


# -- project root ---------------------------------------------------------------------


def test_root_is_the_git_work_tree(tmp_path):
    repo = tmp_path / "repo"
    _write(repo, {"sub/deeper/a.txt": "x\n"})
    (repo / ".git").mkdir()
    assert project_root([str(repo / "sub/deeper/a.txt")]) == (str(repo), SCOPE_TREE)
    assert project_root([str(repo / "sub")]) == (str(repo), SCOPE_TREE)
    # a config file above the work tree does not widen the project beyond it
    (tmp_path / "corpuslint.toml").write_text("")
    config, _ = build_registry([str(repo / "sub")])
    assert config.source == str(tmp_path / "corpuslint.toml") and config.root == str(repo)
    # a config file inside the work tree makes its folder a sub-project (like samples/)
    (repo / "sub" / "corpuslint.toml").write_text("")
    config, _ = build_registry([str(repo / "sub/deeper/a.txt")])
    assert config.root == str(repo / "sub")


def test_root_is_the_config_folder_outside_git(tmp_path):
    _write(tmp_path / "proj", {"corpuslint.toml": "", "sub/a.txt": "x\n"})
    config, _ = build_registry([str(tmp_path / "proj/sub/a.txt")])
    assert (config.root, config.corpus_scope) == (str(tmp_path / "proj"), SCOPE_TREE)


def test_root_is_the_checked_folder_or_the_files_folder(tmp_path, monkeypatch):
    _write(tmp_path, {"x/a.txt": "x\n"})
    monkeypatch.chdir(tmp_path)  # the working folder no longer matters
    assert project_root(["x"]) == (str(tmp_path / "x"), SCOPE_TREE)
    assert project_root(["x/a.txt"]) == (str(tmp_path / "x"), SCOPE_FOLDER)


def test_one_file_outside_git_indexes_only_its_folder(tmp_path, monkeypatch):
    _write(tmp_path, {"x/a.txt": PARAGRAPH + "\n", "x/sibling.txt": PARAGRAPH + "\n",
                      "x/sub/deep.txt": PARAGRAPH + "\n", "other/far.txt": PARAGRAPH + "\n"})
    monkeypatch.chdir(tmp_path)
    walked = []
    real_discover = corpuslint.files.discover
    monkeypatch.setattr(corpuslint.files, "discover",
                        lambda paths, *a, **k: walked.extend(paths) or real_discover(paths, *a, **k))
    # three copies of one paragraph would be template text (D106); this test is about roots
    cfg = {"select": ["D104"], "rules": {"D104": {"boilerplate-docs": 0}}}
    findings = [f for f in lint_paths(["x/a.txt"], config=cfg) if f.code == "D104"]
    assert {r.path for f in findings for r in f.related} == {"x/sibling.txt"}
    assert all(not os.path.isdir(p) for p in walked)  # only files listed, no folder walked
    # checking the folder sees the whole folder, sub-folders included
    findings = [f for f in lint_paths(["x"], config=cfg) if f.code == "D104"]
    assert {f.path for f in findings} == {"x/sibling.txt", "x/sub/deep.txt"}


def test_root_is_never_slash_or_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    _write(home, {"notes.txt": "x\n", ".git/HEAD": ""})  # a dotfiles repository in ~
    monkeypatch.setenv("HOME", str(home))
    assert project_root([str(home / "notes.txt")]) == (str(home), SCOPE_TARGETS)
    assert project_root(["/nonexistent"])[1] == SCOPE_TARGETS
    assert project_root(["/"]) == ("/", SCOPE_TARGETS)
    assert project_root(["/some-file.txt"]) == ("/", SCOPE_TARGETS)
    assert project_root([str(home)]) == (str(home), SCOPE_TARGETS)
    _write(home, {"corpus/a.txt": "x\n"})  # a folder inside home is fine (the dotfiles repo is not its root)
    assert project_root([str(home / "corpus" / "a.txt")]) == (str(home / "corpus"), SCOPE_FOLDER)
    assert project_root(["/nonexistent/deeper/x.txt"])[1] == SCOPE_TARGETS


def test_checking_a_missing_path_from_tmp_walks_nothing_and_fails(tmp_path, monkeypatch):
    assert not os.path.exists("/nonexistent") and not os.path.exists("/.corpuslint_cache")
    # cache on and a corpus rule selected: the corpus must not be listed from / nor cached there
    proc = run_cli("check", "--select", "F003,D104", "/nonexistent", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("/nonexistent:1:1: F003 ")
    assert not os.path.exists("/.corpuslint_cache")
    assert os.listdir(tmp_path) == []
    # in process: no folder is walked at all
    monkeypatch.chdir(tmp_path)
    walked = []
    real_discover = corpuslint.files.discover
    monkeypatch.setattr(corpuslint.files, "discover",
                        lambda paths, *a, **k: walked.extend(paths) or real_discover(paths, *a, **k))
    assert [f.code for f in lint_paths(["/nonexistent"], config={"select": ["F003", "D104"]})] == ["F003"]
    assert walked == ["/nonexistent"]


# -- per-file-ignores ---------------------------------------------------------------


def test_per_file_ignores_are_relative_to_the_config_file(tmp_path):
    proj = tmp_path / "proj"
    _write(proj, {
        "corpuslint.toml": 'select = ["W101"]\n[per-file-ignores]\n"ar/*" = ["w101"]\n"*.md" = ["W101"]\n',
        "ar/a.txt": "نص \n", "ar/deep/b.md": "نص \n", "c.txt": "نص \n", "en/ar/d.txt": "text \n",
    })
    everything = {"c.txt", "en/ar/d.txt"}
    for cwd, arg, expected in ((proj, ".", everything), (tmp_path, "proj", everything), (proj / "en", "..", everything),
                               (proj / "ar", ".", set()), (proj / "en", ".", {"en/ar/d.txt"})):
        proc = run_cli("check", "--no-cache", "--format", "json", arg, cwd=cwd)
        paths = {os.path.relpath(cwd / d["path"], proj) for d in json.loads(proc.stdout)["diagnostics"]}
        assert paths == expected, (cwd, arg)


# -- missing paths, -o -------------------------------------------------------------------


def test_a_missing_path_fails_even_without_f003(tmp_path):
    (tmp_path / "a.txt").write_text("clean text\n")
    proc = run_cli("check", "--no-cache", "--select", "W", "a.txt", "typo.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "corpuslint: error: typo.txt: no such file or directory"
    proc = run_cli("check", "--no-cache", "--select", "W", "--exit-zero", "typo.txt", cwd=tmp_path)
    assert proc.returncode == 2
    proc = run_cli("check", "--no-cache", "--select", "F,W", "--ignore", "f003", "typo.txt", cwd=tmp_path)
    assert proc.returncode == 2
    proc = run_cli("check", "--no-cache", "--select", "F,W", "typo.txt", cwd=tmp_path)  # F003 selected: a finding
    assert proc.returncode == 1 and "typo.txt:1:1: F003" in proc.stdout


@pytest.mark.parametrize("target", ["outdir", "missing/report.json"])
def test_output_file_problems_are_one_line_before_any_fix(tmp_path, target):
    (tmp_path / "outdir").mkdir()
    (tmp_path / "a.txt").write_text("نص \n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--fix", "-o", target, "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith(f"corpuslint: error: --output-file {target}")
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "نص \n"  # nothing was fixed


# -- standard input --------------------------------------------------------------------


def _stdin(args, data: bytes, cwd):
    return subprocess.run([sys.executable, "-m", "corpuslint", "check", "--no-cache", *args], input=data,
                          cwd=cwd, capture_output=True, env=dict(os.environ))


def test_dash_reads_standard_input(tmp_path):
    _write(tmp_path, {"corpuslint.toml": 'select = ["W"]\n[per-file-ignores]\n"ar/*" = ["W101"]\n', "-": "not me\n"})
    data = "نص  عربي \r\nآخر".encode("utf-8")
    proc = _stdin(["-"], data, tmp_path)
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert "-:1:3: W103" in out and "-:1:9: W101" in out and "1 file checked" in out
    # --stdin-filename: shown, and matched against per-file-ignores and include/readers
    proc = _stdin(["-", "--stdin-filename", "ar/x.txt", "--format", "json"], data, tmp_path)
    codes = {(d["path"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]}
    assert ("ar/x.txt", "W103") in codes and ("ar/x.txt", "W101") not in codes
    # --fix: the fixed text on stdout (bytes kept: CRLF), the report on stderr; nothing written
    proc = _stdin(["-", "--fix"], data, tmp_path)
    assert proc.stdout == "نص عربي\r\nآخر\r\n".encode("utf-8")
    assert "fixed" in proc.stderr.decode()
    assert proc.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["-", "corpuslint.toml"]
    # --diff: a patch for the name given
    proc = _stdin(["-", "--diff", "--stdin-filename", "x.txt"], data, tmp_path)
    assert proc.stdout.decode().startswith("diff --git a/x.txt b/x.txt\n")
    # undecodable input: reported, and --fix gives it back unchanged
    proc = _stdin(["-", "--fix", "--select", "F001"], b"ab\xff\n", tmp_path)
    assert proc.stdout == b"ab\xff\n" and "F001" in proc.stderr.decode()
    assert run_cli("check", "-", "a.txt", cwd=tmp_path).returncode == 2


# -- codes, blame, did you mean ------------------------------------------------------------


def test_codes_are_case_insensitive_everywhere(tmp_path):
    _write(tmp_path, {"a.txt": "نص  عربي \n"})
    _, data = _json(["--select", "w", "--ignore", "w101"], tmp_path)
    assert {d["code"] for d in data["diagnostics"]} == {"W103"}
    (tmp_path / "corpuslint.toml").write_text('select = ["w1"]\nignore = ["w101"]\n[severity]\nw103 = "error"\n'
                                              '[rules.w105]\nmax-blank-lines = 1\n')
    _, data = _json([], tmp_path)
    assert [(d["code"], d["severity"]) for d in data["diagnostics"]] == [("W103", "error")]
    assert run_cli("rule", "w101").stdout.startswith("W101 trailing-whitespace")


def _json(args, cwd):
    proc = run_cli("check", "--no-cache", "--format", "json", *args, ".", cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def test_a_bad_code_on_the_command_line_is_blamed_on_the_command_line(tmp_path):
    (tmp_path / "corpuslint.toml").write_text('select = ["W"]\n')
    proc = run_cli("check", "--select", "W1O1", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "corpuslint: error: command line: --select: unknown rule code or prefix 'W1O1' (did you mean 'W101'?)")
    proc = run_cli("check", "--ignore", "X999", ".", cwd=tmp_path)
    assert proc.stderr.strip().startswith("corpuslint: error: command line: --ignore: unknown rule code or prefix 'X999'")
    (tmp_path / "corpuslint.toml").write_text('select = ["W11O"]\n')
    proc = run_cli("check", ".", cwd=tmp_path)
    assert proc.stderr.strip() == (f"corpuslint: error: {tmp_path / 'corpuslint.toml'}: select: unknown rule code or "
                                   "prefix 'W11O' (did you mean 'W110'?)")


def test_did_you_mean_for_flags_keys_options_codes_and_formats(tmp_path):
    proc = run_cli("check", "--selct", "W", ".", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.strip().endswith(
        "unrecognized arguments: --selct (did you mean '--select'?)")
    assert run_cli("chek", cwd=tmp_path).stderr.strip().endswith("(did you mean 'check'?)")
    assert run_cli("check", "--format", "sarf", cwd=tmp_path).stderr.strip().startswith(
        "corpuslint: error: --format: unknown format 'sarf' (did you mean 'sarif'?)")
    (tmp_path / "corpuslint.toml").write_text('extend-selct = ["W109"]\n')
    assert "extend-selct: unknown key (did you mean 'extend-select'?)" in run_cli("check", cwd=tmp_path).stderr
    (tmp_path / "corpuslint.toml").write_text('[rules.W105]\nmax-blank-line = 1\n')
    assert "rules.W105.max-blank-line: unknown option (did you mean 'max-blank-lines'?)" in run_cli(
        "check", cwd=tmp_path).stderr
    # a pyproject-style table in a file with another name (--config corpuslint.toml)
    (tmp_path / "corpuslint.toml").write_text('[tool.corpuslint]\nselect = ["W"]\n')
    assert "tool: unknown key (only a file named pyproject.toml reads [tool.corpuslint]; in this file write " \
           "its keys at the top level)" in run_cli("check", cwd=tmp_path).stderr
    assert run_cli("rule", "W1011").stderr.strip() == "corpuslint: error: unknown rule 'W1011' (did you mean 'W101'?)"


def test_unsafe_fixes_alone_is_a_note_and_shows_unsafe_fixes(tmp_path):
    _write(tmp_path, {"a.txt": "نص في في البيت \n"})  # S104 (unsafe fix) + W101 (safe)
    proc = run_cli("check", "--no-cache", "--select", "S104,W101", "--unsafe-fixes", ".", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.strip() == ("corpuslint: note: --unsafe-fixes without --fix or --diff changes nothing; "
                                   "unsafe fixes are marked [*] as available (add --fix to apply them)")
    assert "S104 [*]" in proc.stdout and "2 fixable with `corpuslint check --fix --unsafe-fixes`" in proc.stdout
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "نص في في البيت \n"
    plain = run_cli("check", "--no-cache", "--select", "S104,W101", ".", cwd=tmp_path)
    assert plain.stderr == "" and "S104 [*]" not in plain.stdout
    fixed = run_cli("check", "--no-cache", "--select", "S104,W101", "--unsafe-fixes", "--fix", ".", cwd=tmp_path)
    assert fixed.stderr == "" and (tmp_path / "a.txt").read_text(encoding="utf-8") == "نص في البيت\n"


def test_rules_table_shows_fix_safety():
    rows = {line.split()[0]: line.split() for line in run_cli("rules").stdout.splitlines()[1:]}
    fix = {code: row[5] for code, row in rows.items()}
    assert fix["W104"] == "safe" and fix["A101"] == "unsafe" and fix["A104"] == "—" and fix["F001"] == "—"
    assert fix["W101"] == "safe/unsafe"  # (unsafe after a backslash: a TeX control space ending a line)
    assert fix["W112"] == "safe/unsafe" and fix["S104"] == "unsafe"
    assert "fix: unsafe" in run_cli("rule", "A103").stdout


def test_samples_config_holds_the_real_defaults():
    path = ROOT / "samples" / "corpuslint.toml"
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert "defaults" in path.read_text(encoding="utf-8")
    config, registry = build_registry([str(path.parent)])
    assert config.source == str(path)
    defaults = build_config({}, root=str(path.parent), source=None, registry=registry)
    attribute = {"include": "include", "fail-on": "fail_on", "exclude": "exclude", "select": "select",
                 "ignore": "ignore", "jobs": "jobs", "cache": "use_cache"}
    for key in raw:
        if key == "rules":
            for code, opts in raw["rules"].items():
                for opt, value in opts.items():
                    assert registry.rules[code].options[opt] == value, (code, opt)
        else:
            assert getattr(config, attribute[key]) == getattr(defaults, attribute[key]), key
    assert Config().include == raw["include"]


def test_check_called_in_process_leaves_nothing_frozen(tmp_path, monkeypatch, capsys):
    """``check`` freezes what it loaded (out of the collector's way for the run); called
    in-process (not as its own process), it unfreezes on the way out, also after an error."""
    import gc

    from corpuslint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("one  two\n", encoding="utf-8")
    gc.unfreeze()
    assert main(["check", "--no-cache", "a.txt"]) == 1  # W-family finding: exit 1
    assert gc.get_freeze_count() == 0
    assert main(["check", "--no-cache", "--format", "nosuch", "a.txt"]) == 2  # an error after the freeze
    assert gc.get_freeze_count() == 0
    capsys.readouterr()



_GLOB_PART = st.text(alphabet="ab.-_/*?[]!^", max_size=6)


@settings(max_examples=400, deadline=None)
@given(include=st.lists(st.one_of(_GLOB_PART.map(lambda s: "*" + s), _GLOB_PART), max_size=4),
       exclude=st.lists(_GLOB_PART, max_size=4),
       rel=st.text(alphabet="ab.-_/*?[]!^", max_size=12))
def test_walk_matcher_string_tests_answer_as_the_glob_regexes(include, exclude, rel):
    """The folder walk's include/exclude checks take string tests for the usual globs
    ("*.txt"; literal names like ".git"): they must answer as the fnmatch regexes do,
    for every glob (those with other wildcards keep the regexes)."""
    from corpuslint.files import _Matcher

    fast = _Matcher(include, exclude)
    name = rel.rsplit("/", 1)[-1]
    slow_included = fast._include is not None and fast._include.match(name) is not None
    slow_excluded = fast._exclude is not None and (fast._exclude.match(name) is not None
                                                   or fast._exclude.match(rel) is not None)
    assert fast.included(name) == slow_included
    assert fast.excluded(rel, name) == slow_excluded
    assert fast.included("doc1.txt") == (fast._include is not None and fast._include.match("doc1.txt") is not None)


def test_walk_matcher_takes_string_tests_for_the_default_globs():
    """The defaults (include *.txt, *.text, *.md, *.srt, *.vtt and reader suffixes; exclude .git and
    other folder names) are all answered without the regexes."""
    from corpuslint.config import Config
    from corpuslint.files import _Matcher

    cfg = Config()
    m = _Matcher(list(cfg.include) + ["*.jsonl.zst", "*.parquet"], cfg.exclude)
    assert m.included == m._included_suffix and m.excluded == m._excluded_literal
    assert m.included("a.md") and m.included("x.jsonl.zst") and not m.included("a.py") and not m.included("md")
    assert m.excluded("sub/.git", ".git") and m.excluded(".git/config", "config") and not m.excluded("a/b.txt", "b.txt")


def test_a_folder_with_no_file_to_check_says_what_it_skipped(tmp_path):
    """fresh11: `check docs/` over reStructuredText (or CSV) printed "All checks passed!
    (0 files checked)" and nothing else, so a CI gate on the wrong format was green in
    silence. Now one line names what the include globs skipped and how to check it; since
    fresh15 (a folder of .tex and .ipynb) it is an error, exit 2, and the summary says
    nothing was checked. An empty folder has nothing to check: exit 0.
    (reStructuredText is walked by default since rst11: AsciiDoc stands in for it.)"""
    docs = tmp_path / "docs"
    (docs / "user").mkdir(parents=True)
    for name in ("index.adoc", "user/latex.adoc", "user/tools.adoc"):
        (docs / name).write_text("= Title\n\nText.\n", encoding="utf-8")
    (docs / "logo.png").write_bytes(b"\x89PNG\r\n")
    (docs / ".git").mkdir()
    (docs / ".git" / "HEAD.adoc").write_text("x\n", encoding="utf-8")  # an excluded folder is not counted
    proc = run_cli("check", "--no-cache", "docs", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == "Nothing checked: 0 files read.\n"
    assert "error: no file was checked: 4 files skipped by the include globs (3 .adoc, 1 .png)" in proc.stderr, proc.stderr
    assert "--extend-include '*.adoc' (read as plain text)" in proc.stderr
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "bench.csv").write_text("id,text\n1,hello\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "data", cwd=tmp_path)
    assert "--extend-include '*.csv' (read by the csv reader)" in proc.stderr, proc.stderr
    (tmp_path / "rst").mkdir()
    (tmp_path / "rst" / "index.rst").write_text("Title\n=====\n\nText.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "rst", cwd=tmp_path)  # .rst is walked by default
    assert "1 file checked" in proc.stdout and "no file was checked" not in proc.stderr, (proc.stdout, proc.stderr)
    (tmp_path / "empty").mkdir()
    proc = run_cli("check", "--no-cache", "empty", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "Nothing checked: 0 files read.\n" and not proc.stderr
    (docs / "README.md").write_text("# Docs\n\nText.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "docs", cwd=tmp_path)
    assert "1 file checked" in proc.stdout and "no file was checked" not in proc.stderr


def test_a_repeated_list_option_adds_up(tmp_path):
    """fresh12: `--include '*.srt' --include '*.vtt' --include '*.ass'` checked the .ass
    files only, without a word (argparse kept the last). Every list option now takes
    comma-separated values and may be repeated, as ruff's `--select` does."""
    for name in ("a.srt", "b.vtt", "c.ass", "d.txt"):
        (tmp_path / name).write_text("two  spaces, trailing \n", encoding="utf-8")
    code, report = run_json("--include", "*.srt", "--include", "*.vtt,*.ass", "--exclude", "c.*",
                            "--select", "W103", "--select", "W101", "--ignore", "W101", ".", cwd=tmp_path)
    assert code == 1
    assert sorted((d["path"], d["code"]) for d in report["diagnostics"]) == [("a.srt", "W103"), ("b.vtt", "W103")]
    code, report = run_json("--select", "W101,W103", "--ignore", "W103", "--ignore", "W101", "d.txt", cwd=tmp_path)
    assert code == 0 and report["diagnostics"] == []


def test_a_file_not_read_is_said_whatever_select_and_ignore_say(tmp_path):
    """A symlink leaving the project root is not read (F007). Under ``--select W`` (or
    ``--ignore F007``, or a per-file-ignores entry) its finding is filtered and lead said
    "All checks passed! (1 file checked)" about a file it never read. Now each such file is
    a warning line on stderr (as ruff warns of a file it cannot read whatever is selected),
    and it is not counted as checked; the real file beside it is checked and its W101
    (the news sample's NBSP at a line end) still reported."""
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(ROOT / "samples" / "news-ar" / "002_c951edba429ed671.txt", outside / "article.txt")
    project = tmp_path / "proj"
    (project / ".git").mkdir(parents=True)
    (project / "corpuslint.toml").write_text("", encoding="utf-8")
    (project / "link.txt").symlink_to(outside / "article.txt")
    proc = run_cli("check", "--no-cache", "--select", "W", "link.txt", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "All checks passed" not in proc.stdout
    assert "corpuslint: warning: link.txt: not checked: symlink to" in proc.stderr and "(F007" in proc.stderr
    shutil.copy(outside / "article.txt", project / "article.txt")
    for args in (["--select", "W"], ["--ignore", "F007"], ["--config", "pfi.toml"]):
        (project / "pfi.toml").write_text('[per-file-ignores]\n"link.txt" = ["F007"]\n', encoding="utf-8")
        proc = run_cli("check", "--no-cache", "--format", "json", *args, ".", cwd=project)
        assert proc.returncode == 1, (args, proc.stderr)
        data = json.loads(proc.stdout)
        assert {(d["path"], d["code"]) for d in data["diagnostics"]} >= {("article.txt", "W101")}, args
        assert not any(d["path"] == "link.txt" for d in data["diagnostics"]), args
        assert data["files_checked"] == 1, args
        assert proc.stderr.count("warning: link.txt: not checked") == 1, (args, proc.stderr)
    proc = run_cli("check", "--no-cache", "--format", "json", ".", cwd=project)  # selected: a finding, no warning
    assert ("link.txt", "F007") in {(d["path"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]}
    assert "not checked" not in proc.stderr
