"""Outputs a tool downstream must be able to consume: --diff patches that git and
patch apply, SARIF that validates and whose URIs resolve, JUnit failures that follow
fail-on, editor columns after a BOM."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema
import pytest

from .conftest import ROOT, replayed, run_cli

GIT = shutil.which("git")
PATCH = shutil.which("patch")

# Files whose fixes stress the patch format: no final newline, CR-only and CRLF endings,
# U+2028 and form feed (not line breaks for the linter, nor for git), names with spaces,
# '#', '%' and Arabic letters.
EDGE_FILES = {
    "no final newline.txt": "سطر أول  \nسطر ثان ",
    "cr-only.txt": "one \rtwo  words\rthree ",
    "crlf.txt": "أ \r\nب\r\nج  د\r\n",
    "u2028.txt": "قبل \u2028بعد  النص\x0cهنا \n",
    "blank-only.txt": "   \n\n\n",
    "مجلد عربي/تقرير #1.txt": "نص  عربي \n",
    "100% sure.txt": "text \n",
}


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run(["git", "-c", "user.email=t@example.invalid", "-c", "user.name=t", *args],
                          cwd=cwd, capture_output=True, text=True)
    assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
    return proc


def _corpus(base: Path) -> Path:
    """A git work tree holding a copy of samples/ (with its config) and the edge files."""
    root = base / "repo"
    shutil.copytree(ROOT / "samples", root)
    for name, text in EDGE_FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text.encode("utf-8"))
    _git("init", "-q", ".", cwd=root)
    _git("add", "-A", cwd=root)
    _git("commit", "-qm", "corpus", cwd=root)
    return root


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(root).parts and ".corpuslint_cache" not in p.parts}


@pytest.mark.skipif(GIT is None, reason="needs git")
def test_diff_of_records_is_a_patch_of_their_files(tmp_path):
    """A .po string's and a JSON Lines record's fixes are diffed as their files' lines
    (what --fix writes), never as a record's text under a 'file#record' name."""
    root = tmp_path / "repo"
    (root / "locale").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "data" / "realtext" / "django-fa-conf-excerpt.po", root / "locale" / "fa.po")
    (root / "data.jsonl").write_text('{"id": 1, "text": "two  spaces here"}\n{"id": 2, "text": "clean"}\n',
                                     encoding="utf-8")
    (root / "corpuslint.toml").write_text("", encoding="utf-8")
    _git("init", "-q", ".", cwd=root)
    before = _tree(root)
    proc = subprocess.run([sys.executable, "-m", "corpuslint", "check", "--no-cache", "--diff", "--fix-data", "."],
                          cwd=root, capture_output=True)
    assert proc.returncode == 1, proc.stderr
    patch = proc.stdout.decode("utf-8")
    assert _tree(root) == before  # --diff writes nothing
    assert "a/locale/fa.po\n" in patch and "a/data.jsonl\n" in patch and "#" not in patch.split("@@")[0]
    (tmp_path / "p").write_bytes(proc.stdout)
    _git("apply", "--check", str(tmp_path / "p"), cwd=root)
    # the summary names the command that fixes them: a catalogue is a source file, a dataset is data
    assert run_cli("check", "--no-cache", "locale", cwd=root).stdout.endswith("fixable with `corpuslint check --fix`.\n")
    assert run_cli("check", "--no-cache", "data.jsonl", cwd=root).stdout.endswith(
        "fixable with `corpuslint check --fix --fix-data`.\n")
    # both: how many --fix alone leaves (fresh37: "1219 fixable with --fix --fix-data", then --fix "1207 fixed")
    assert run_cli("check", "--no-cache", ".", cwd=root).stdout.endswith(
        "fixable with `corpuslint check --fix --fix-data` (1 of them in data-file records: --fix alone fixes 5).\n")
    fixed = tmp_path / "fixed"
    shutil.copytree(root, fixed)
    run_cli("check", "--no-cache", "--fix", "--fix-data", ".", cwd=fixed)
    _git("apply", str(tmp_path / "p"), cwd=root)
    assert _tree(root) == _tree(fixed) != before


@pytest.mark.skipif(GIT is None, reason="needs git")
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_diff_is_a_patch_git_applies_to_the_same_bytes_as_fix(tmp_path, unsafe):
    root = _corpus(tmp_path)
    extra = ["--unsafe-fixes"] if unsafe else []
    before = _tree(root)
    proc = subprocess.run([sys.executable, "-m", "corpuslint", "check", "--no-cache", "--diff", *extra, "."],
                          cwd=root, capture_output=True)  # bytes: CRs in the patch must survive
    assert proc.returncode == 1, proc.stderr
    patch = proc.stdout.decode("utf-8")
    assert _tree(root) == before  # --diff writes nothing
    assert patch.count("\\ No newline at end of file") >= 4
    for name in EDGE_FILES:
        assert name in patch
    (tmp_path / "p").write_bytes(proc.stdout)
    run_cli("check", "--no-cache", "--diff", *extra, "-o", str(tmp_path / "p2"), ".", cwd=root)
    assert (tmp_path / "p2").read_bytes() == proc.stdout  # -o gets the same patch, CRs and all
    _git("apply", "--check", str(tmp_path / "p"), cwd=root)

    fixed = tmp_path / "fixed"
    shutil.copytree(root, fixed)
    run_cli("check", "--no-cache", "--fix", *extra, ".", cwd=fixed)
    _git("apply", str(tmp_path / "p"), cwd=root)
    after_patch, after_fix = _tree(root), _tree(fixed)
    assert after_patch == after_fix
    assert after_patch != before
    assert after_patch["blank-only.txt"] == after_fix["blank-only.txt"]  # emptied, not deleted
    assert after_patch["cr-only.txt"] == b"one\rtwo words\rthree\r"

    if PATCH is not None:  # GNU patch reads the same file (names with spaces need the tab git adds)
        _git("checkout", "-q", ".", cwd=root)
        applied = subprocess.run([PATCH, "-p1", "-s", "-i", str(tmp_path / "p")], cwd=root,
                                 capture_output=True, text=True)
        assert applied.returncode == 0, applied.stdout + applied.stderr
        assert _tree(root) == after_fix


def test_diff_splits_lines_only_at_lf_and_marks_missing_newline():
    from corpuslint.engine import _unified_diff

    patch = _unified_diff("a.txt", "x\u2028y \x0cz\r\nlast ", "x\u2028y\x0cz\r\nlast")
    assert patch == (
        "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n"
        "-x\u2028y \x0cz\r\n-last \n\\ No newline at end of file\n"
        "+x\u2028y\x0cz\r\n+last\n\\ No newline at end of file\n"
    )
    # names git would quote are C-quoted, names with spaces get git's trailing tab
    assert _unified_diff('a"b.txt', "x \n", "x\n").startswith('diff --git "a/a\\"b.txt" "b/a\\"b.txt"\n')
    assert "--- a/a b.txt\t\n+++ b/a b.txt\t\n" in _unified_diff("a b.txt", "x \n", "x\n")
    # a file outside the working folder is shown absolute: the patch names it relative to /
    assert _unified_diff("/tmp/x.txt", "x \n", "x\n").startswith("diff --git a/tmp/x.txt b/tmp/x.txt\n")


# -- SARIF ------------------------------------------------------------------------------

ODD_NAMES = ["with space.txt", "hash #1.txt", "100% done.txt", "أخبار محلية/تقرير #1.txt", "a:b.txt"]


def _sarif_files(root: Path) -> dict[str, Path]:
    files = {}
    for name in ODD_NAMES:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("نص  عربي \nسطر ثان\n", encoding="utf-8")
        files[name] = path
    return files


def _resolve(location: dict, run: dict) -> Path:
    """An artifactLocation back to a file, as an RFC 3986 consumer would do it."""
    art = location["physicalLocation"]["artifactLocation"]
    uri = art["uri"]
    assert " " not in uri and "#" not in uri.split("file://")[-1]
    if "uriBaseId" in art:
        base = run["originalUriBaseIds"][art["uriBaseId"]]["uri"]
        assert base.startswith("file:///") and base.endswith("/")
        uri = urljoin(base, uri)
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc, parts.query, parts.fragment) == ("file", "", "", "")
    return Path(unquote(parts.path, encoding="utf-8", errors="strict"))


def test_sarif_uris_resolve_back_to_the_file_and_the_log_validates(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    files = _sarif_files(work)
    outside = tmp_path / "outside #2.txt"  # not under the working folder: an absolute file:// URI
    outside.write_text("x  y\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "sarif", "--select", "W", ".", str(outside), cwd=work)
    assert proc.returncode == 1, proc.stderr
    log = json.loads(proc.stdout)
    schema = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == work.as_uri() + "/"
    resolved = {_resolve(r["locations"][0], run) for r in run["results"]}
    assert resolved == {p.resolve() for p in files.values()} | {outside}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert "hash%20%231.txt" in uris and "100%25%20done.txt" in uris and "a%3Ab.txt" in uris
    assert "%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1%20%D9%85%D8%AD%D9%84%D9%8A%D8%A9/" \
           "%D8%AA%D9%82%D8%B1%D9%8A%D8%B1%20%231.txt" in uris
    assert outside.as_uri() in uris and "%232" in outside.as_uri()
    # columns in code points: the trailing space after 'نص  عربي' is column 9
    w101 = [r for r in run["results"] if r["ruleId"] == "W101"
            and _resolve(r["locations"][0], run).name == "with space.txt"]
    assert w101[0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 9


# -- JUnit ------------------------------------------------------------------------------


def test_junit_fails_only_findings_at_or_above_fail_on(tmp_path):
    (tmp_path / "a.txt").write_text("انظر https://almasaa.net للمزيد \n", encoding="utf-8")  # A110 info + W101 warning
    proc = run_cli("check", "--no-cache", "--format", "junit", "--select", "A110,W101", ".", cwd=tmp_path)
    assert proc.returncode == 1
    suites = ET.fromstring(proc.stdout)
    suite = suites.find("testsuite")
    assert (suites.get("tests"), suites.get("failures")) == ("2", "1")
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    cases = {case.get("name").split()[0]: case for case in suite.iter("testcase")}
    assert cases["W101"].find("failure") is not None
    assert cases["A110"].find("failure") is None
    assert cases["A110"].find("system-out").text.startswith("info: a.txt:1:")
    # fail-on info: both fail; fail-on error: none
    for fail_on, failures in (("info", "2"), ("error", "0")):
        proc = run_cli("check", "--no-cache", "--format", "junit", "--select", "A110,W101", "--fail-on", fail_on, ".",
                       cwd=tmp_path)
        assert ET.fromstring(proc.stdout).get("failures") == failures
        assert proc.returncode == (1 if failures != "0" else 0)


# -- BOM columns ------------------------------------------------------------------------


def test_a_bom_does_not_shift_line_one_columns_in_any_output(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffab  c \nd  e\n".encode("utf-8"))
    proc = run_cli("check", "--no-cache", "--format", "json", "--select", "W", ".", cwd=tmp_path)
    diags = {(d["code"], d["line"]): d for d in json.loads(proc.stdout)["diagnostics"]}
    # as an editor shows the line: 'ab  c ' -> the run of spaces starts at column 3 on both lines' layouts
    assert (diags["W110", 1]["column"], diags["W110", 1]["end_column"]) == (1, 1)
    assert (diags["W103", 1]["column"], diags["W103", 1]["end_column"]) == (3, 5)
    assert diags["W101", 1]["column"] == 6
    assert diags["W103", 2]["column"] == 2  # line 2 is unaffected
    assert diags["W103", 1]["fix"]["edits"] == [{"line": 1, "column": 3, "end_line": 1, "end_column": 5,
                                                 "replacement": " "}]
    text = run_cli("check", "--no-cache", "--select", "W103", ".", cwd=tmp_path).stdout
    assert "bom.txt:1:3: W103" in text
    sarif = json.loads(run_cli("check", "--no-cache", "--format", "sarif", "--select", "W103", ".", cwd=tmp_path).stdout)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 3
    # an undecodable byte on line 1 after a BOM: column as an editor counts it
    (tmp_path / "bad.txt").write_bytes(b"\xef\xbb\xbfab\xff\n")
    proc = run_cli("check", "--no-cache", "--format", "json", "bad.txt", cwd=tmp_path)
    (d,) = json.loads(proc.stdout)["diagnostics"]
    assert (d["code"], d["line"], d["column"]) == ("F001", 1, 3)


# -- messages ---------------------------------------------------------------------------


def test_control_characters_are_named_by_their_unicode_alias():
    from corpuslint import lint_text
    from corpuslint.text.chars import _C0, _C1, describe

    assert len(_C0) == 32 and len(_C1) == 32
    assert describe("\t") == "U+0009 CHARACTER TABULATION"
    assert describe("\x85") == "U+0085 NEXT LINE"
    assert describe("\x7f") == "U+007F DELETE"
    assert describe("\u00a0") == "U+00A0 NO-BREAK SPACE"
    assert describe("\ue000") == "U+E000 PRIVATE USE CHARACTER"
    (f,) = lint_text("نص\t\n", path="a.txt", config={"select": ["W101"]})
    assert f.message == "trailing whitespace (U+0009 CHARACTER TABULATION)"


def test_a105_says_when_the_repair_is_a_deletion():
    from corpuslint import lint_text

    (deleted,) = lint_text("The price is 10\u00c2\u00a0euros today.\n", path="a.txt", config={"select": ["A105"]})
    assert deleted.message == "mojibake `\u00c2` (1 character), the repair deletes it"
    assert deleted.fix.edits[0].replacement == ""
    (replaced,) = lint_text("Le caf\u00c3\u00a9 et le th\u00c3\u00a9\n", path="a.txt", config={"select": ["A105"]})
    assert replaced.message == "mojibake (13 characters), repairs to `\u00e9 et le th\u00e9`"


@pytest.mark.skipif(GIT is None, reason="needs git")
def test_any_diff_applies_with_git_to_exactly_the_new_text(tmp_path):
    """Property: for texts mixing LF, CRLF, lone CR, U+2028, form feed and missing final
    newlines, ``git apply`` of ``_unified_diff(old, new)`` turns old into new, byte for byte."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from corpuslint.engine import _unified_diff

    pieces = st.sampled_from(["a", "b", "نص", " ", "\n", "\r\n", "\r", "\u2028", "\x0c", "\ufeff"])
    texts = st.lists(pieces, max_size=30).map("".join)
    repo = tmp_path / "r"
    repo.mkdir()
    _git("init", "-q", ".", cwd=repo)
    target = repo / "f 1.txt"

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(texts, texts)
    def check(old, new):
        if old == new:
            return
        target.write_bytes(old.encode("utf-8"))
        (tmp_path / "p").write_bytes(_unified_diff("f 1.txt", old, new).encode("utf-8"))
        _git("apply", str(tmp_path / "p"), cwd=repo)
        assert target.read_bytes() == new.encode("utf-8")

    check()


# -- the JSON report streams its diagnostics, as json.dump(report, indent=2) writes them --
def test_line_matcher_opcodes_rebuild_the_new_lines():
    """Property: the patience line matcher's opcodes (``--diff``'s hunks) are exact: the
    equal spans are equal and replaying the opcodes on the old lines gives the new ones,
    on files of lines drawn from a few values (fresh25: a fortune file whose ``%``
    separator repeats, every line fixed), with lines inserted, deleted and changed."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from corpuslint.text.sequences import PatienceMatcher

    lines = st.lists(st.sampled_from(["%\n", "a\n", "b \n", "b\n", "نص\n", "\n", "c"]), max_size=60)

    @settings(max_examples=300, deadline=None)
    @given(lines, lines)
    def check(a, b):
        assert replayed(PatienceMatcher(None, a, b, autojunk=False), a, b) == b

    check()


def test_diff_of_a_file_whose_separator_repeats_keeps_its_unchanged_lines(tmp_path):
    """A file shaped like fortunes-es's refranes (its ``%`` separator on every other line) with a
    trailing space fixed on every text line: the patch names each changed line once and
    no ``%`` line, as ``git diff`` does (difflib's search over the repeated lines took
    80 s on the 9,993-line file)."""
    from corpuslint.engine import _unified_diff

    old = "".join(f"Refrán número {k}. \n%\n" for k in range(400))
    new = old.replace(". \n", ".\n")
    patch = _unified_diff("refranes.txt", old, new)
    changed = [line for line in patch.splitlines() if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))]
    assert len(changed) == 800
    assert not any(line[1:] == "%" for line in changed)


def test_json_report_of_real_findings_is_json_dumps(tmp_path):
    # the report, diagnostic by diagnostic, is what json.dump(report, indent=2) writes
    (tmp_path / "a.txt").write_text("النص  فيه مسافتان.\r\nسطر\u200b ثان \n\n\nوسطر \"مقتبس\" \\ هنا\t\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "json", "--exit-zero", "a.txt", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert report["diagnostics"] and any(d["fix"] for d in report["diagnostics"])
    assert proc.stdout == json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def test_json_diagnostic_text_is_json_dumps_of_the_finding():
    """Property: the report's template for one diagnostic (``diagnostic_text``) writes what
    json.dumps(finding_to_dict(f), ensure_ascii=False, indent=2) writes, indented by 4,
    for any strings (quotes, backslashes, control characters, lone surrogates, Arabic),
    records (none, number, id), fixes with and without edit positions, related spans."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from corpuslint.findings import Applicability, Edit, Finding, Fix, Location, Severity
    from corpuslint.outputs.json_format import diagnostic_text, finding_to_dict

    text = st.text(st.characters(codec=None, blacklist_categories=()), max_size=12) | st.sampled_from(
        ['"', "\\", "\n", "\x00\x1f\x7f", "\ud800", "نص «مقتبس»", "\u2028"])
    number = st.integers(0, 2**40)
    record = st.none() | number | text
    edits = st.lists(st.builds(Edit, number, number, text), max_size=3).map(tuple)
    fix = st.none() | st.builds(Fix, edits, st.sampled_from(list(Applicability)))
    related = st.lists(st.builds(Location, text, number, number, record), max_size=3).map(tuple)
    findings = st.builds(Finding, text, text, text, st.sampled_from(list(Severity)), text, text, number, number,
                         number, number, number, number, fix, related, record)

    @settings(max_examples=300, deadline=None)
    @given(findings, st.booleans())
    def check(f, positioned):
        position = (lambda offset: (offset // 7 + 1, offset % 7 + 1)) if positioned else None
        expected = json.dumps(finding_to_dict(f, position), ensure_ascii=False, indent=2)
        assert diagnostic_text(f, position) == "    " + expected.replace("\n", "\n    ")

    check()
