"""Engine, CLI, config, outputs, fixes and bad input — end to end on real files."""

from __future__ import annotations

import json
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

import corpuslint
from corpuslint.document import Document
from corpuslint.engine import apply_fixes
from corpuslint.findings import Edit, Finding, Fix, Severity
from corpuslint.plugins import load_plugins

from .conftest import ROOT, SAMPLES, run_cli, run_json, seed

CLEAN = "هذه جملة عربية نظيفة.\n"


# -- output formats -------------------------------------------------------------------

def test_json_contract():
    code, data = run_json("--select", "W", str(SAMPLES))
    assert code == 1
    assert set(data) == {"version", "files_checked", "diagnostics", "summary"}
    assert data["version"] == 1 and data["files_checked"] == 5
    d = data["diagnostics"][0]
    assert set(d) == {"path", "record", "line", "column", "end_line", "end_column", "code", "rule", "family",
                      "severity", "message", "fix", "related"}
    assert all(x["record"] is None for x in data["diagnostics"])  # plain files have no records
    fix = next(x["fix"] for x in data["diagnostics"] if x["code"] == "W101")
    assert fix["applicability"] == "safe"
    (edit,) = fix["edits"]
    assert set(edit) == {"line", "column", "end_line", "end_column", "replacement"} and edit["replacement"] == ""
    assert data["summary"]["total"] == len(data["diagnostics"])


def test_json_paths_are_relative_to_cwd():
    _, data = run_json("--select", "W", "samples/news-ar", cwd=ROOT)
    assert all(d["path"].startswith("samples/news-ar/") for d in data["diagnostics"])


def test_sarif_validates_against_schema():
    proc = run_cli("check", "--no-cache", "--format", "sarif", "--select", "W", str(SAMPLES))
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    schema = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "W101" in ids
    res = run["results"][0]
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert ids[res["ruleIndex"]] == res["ruleId"]


def test_github_and_junit_formats():
    proc = run_cli("check", "--no-cache", "--format", "github", "--select", "W101", str(seed("002")))
    lines = proc.stdout.splitlines()
    assert len(lines) == 3 and all(line.startswith("::warning file=") for line in lines)
    assert ",line=21,col=" in lines[0] and "title=W101::" in lines[0]
    proc = run_cli("check", "--no-cache", "--format", "junit", "--select", "W101", str(seed("002")))
    root = ET.fromstring(proc.stdout.split("\n", 1)[1] if proc.stdout.startswith("<?xml") else proc.stdout)
    assert len(root.findall(".//failure")) == 3


def test_text_output_statistics_and_output_file(tmp_path):
    out = tmp_path / "report.txt"
    proc = run_cli("check", "--no-cache", "--select", "W", "--statistics", "--show-findings",
                   "--output-file", str(out), str(SAMPLES))
    report = out.read_text()
    assert proc.returncode == 1 and proc.stdout == ""
    assert ":21:156: W101 [*] trailing whitespace (U+00A0 NO-BREAK SPACE)" in report
    assert "W102  non-standard-space" in report
    assert report.rstrip().splitlines()[-1].startswith("[*]")


# -- exit codes, selection, config ----------------------------------------------------------

def test_exit_codes(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    assert run_cli("check", "--no-cache", "--select", "W", str(clean)).returncode == 0
    assert run_cli("check", "--no-cache", "--select", "W", str(SAMPLES)).returncode == 1
    assert run_cli("check", "--no-cache", "--select", "W", "--exit-zero", str(SAMPLES)).returncode == 0
    bad = run_cli("check", "--select", "Z9", str(clean))
    assert bad.returncode == 2 and "unknown rule code or prefix 'Z9'" in bad.stderr
    assert run_cli("check", "--format", "nope", str(clean)).returncode == 2
    assert run_cli("check", "--no-such-flag").returncode == 2


def test_select_prefix_and_ignore():
    text = "قال الوزير ، ثم\u00a0غادر \n"
    got = lambda cfg: sorted({f.code for f in corpuslint.lint_text(text, config=cfg)})  # noqa: E731
    assert got({"select": ["W1"]}) == ["W101", "W102", "W114"]
    assert got({"select": ["W"], "ignore": ["W10"]}) == ["W114"]
    assert got({"select": ["W101"], "extend-select": ["W114"]}) == ["W101", "W114"]


def test_config_file_discovery_options_severity_and_per_file_ignores(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.corpuslint]\n"
        'select = ["W"]\n'
        "[tool.corpuslint.rules.W105]\nmax-blank-lines = 1\n"
        '[tool.corpuslint.severity]\nW105 = "error"\n'
        '[tool.corpuslint.per-file-ignores]\n"legacy/*" = ["W105"]\n',
        encoding="utf-8",
    )
    (tmp_path / "legacy").mkdir()
    body = "a\n\n\nb\n"
    (tmp_path / "new.txt").write_text(body)
    (tmp_path / "legacy" / "old.txt").write_text(body)
    proc = run_cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert [(d["path"], d["code"], d["severity"]) for d in data["diagnostics"]] == [("new.txt", "W105", "error")]


@pytest.mark.parametrize("toml, message", [
    ('bogus = 1\n', "bogus: unknown key"),
    ('[rules.W105]\nmax-blanks = 1\n', "rules.W105.max-blanks: unknown option"),
    ('[rules.W105]\nmax-blank-lines = "two"\n', "expected int"),
    ('[rules.Z999]\n', "rules.Z999: unknown rule code"),
    ('select = ["Q9X"]\n', "unknown rule code or prefix 'Q9X'"),
    ('[severity]\nW101 = "fatal"\n', "unknown severity"),
    ('select = [\n', "invalid TOML"),
])
def test_config_errors_exit_2_and_name_the_key(tmp_path, toml, message):
    (tmp_path / "corpuslint.toml").write_text(toml)
    (tmp_path / "a.txt").write_text(CLEAN)
    proc = run_cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_include_exclude_globs(tmp_path):
    (tmp_path / "keep.txt").write_text("x \n")
    (tmp_path / "skip.dat").write_text("x \n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.txt").write_text("x \n")
    _, data = run_json("--select", "W101", "--exclude", "drafts", ".", cwd=tmp_path)
    assert [d["path"] for d in data["diagnostics"]] == ["keep.txt"]
    _, data = run_json("--select", "W101", "--include", "*.dat", ".", cwd=tmp_path)
    assert [d["path"] for d in data["diagnostics"]] == ["skip.dat"]


def test_gitignored_files_are_skipped_unless_tracked(tmp_path):
    import subprocess

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("drafts/\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text("x \n")
    (tmp_path / "keep.txt").write_text("x \n")
    _, data = run_json("--select", "W101", ".", cwd=tmp_path)
    assert [d["path"] for d in data["diagnostics"]] == ["keep.txt"]
    (tmp_path / "corpuslint.toml").write_text("respect-gitignore = false\n")
    _, data = run_json("--select", "W101", ".", cwd=tmp_path)
    assert [d["path"] for d in data["diagnostics"]] == ["drafts/a.txt", "keep.txt"]


# -- fixing ---------------------------------------------------------------------------------

def test_fix_then_clean_then_idempotent(samples_copy):
    proc = run_cli("check", "--no-cache", "--select", "W", "--fix", str(samples_copy))
    assert proc.returncode == 0, proc.stdout
    assert "fixed" in proc.stdout
    snapshot = {p.name: p.read_bytes() for p in samples_copy.iterdir()}
    assert run_cli("check", "--no-cache", "--select", "W", str(samples_copy)).returncode == 0
    run_cli("check", "--no-cache", "--select", "W", "--fix", str(samples_copy))
    assert {p.name: p.read_bytes() for p in samples_copy.iterdir()} == snapshot
    for name, data in snapshot.items():  # only whitespace changed
        assert "".join(data.decode().split()) == "".join((SAMPLES / name).read_text().split())


def test_diff_prints_and_writes_nothing(samples_copy):
    before = {p.name: p.read_bytes() for p in samples_copy.iterdir()}
    proc = run_cli("check", "--no-cache", "--select", "W101", "--diff", str(samples_copy))
    assert proc.returncode == 1
    assert proc.stdout.count("+++ b/") == 1 and "\u00a0" in proc.stdout
    assert {p.name: p.read_bytes() for p in samples_copy.iterdir()} == before


def test_fix_keeps_permissions_and_leaves_no_temp_files(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("نص \n")
    f.chmod(0o600)
    run_cli("check", "--no-cache", "--select", "W", "--fix", str(f))
    assert f.read_text() == "نص\n"
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_apply_fixes_skips_overlapping_edits():
    def finding(start, end, repl, code="W999"):
        return Finding(code, "x", "x", Severity.WARNING, "m", "p", start, end, fix=Fix.safe(Edit(start, end, repl)))

    # (the deletion takes a hyphen: a safe fix deleting a letter of a word is held, glue40)
    text, count = apply_fixes("abcd--f", [finding(1, 3, "X"), finding(2, 4, "Y"), finding(4, 5, "")], unsafe=False)
    assert (text, count) == ("aXd-f", 2)
    unsafe = Finding("W998", "x", "x", Severity.WARNING, "m", "p", 0, 1, fix=Fix.unsafe(Edit(0, 1)))
    assert apply_fixes("abc", [unsafe], unsafe=False) == ("abc", 0)
    assert apply_fixes("abc", [unsafe], unsafe=True) == ("bc", 1)


# -- bad input is normal input -----------------------------------------------------------------

def test_invalid_utf8_is_reported_and_never_rewritten(tmp_path):
    bad = tmp_path / "bad.txt"
    raw = "سطر أول \n".encode() + b"abc \xff\xfe tail \n"
    bad.write_bytes(raw)
    (tmp_path / "good.txt").write_text("نص \n")
    proc = run_cli("check", "--no-cache", "--format", "json", "--fix", str(tmp_path))
    data = json.loads(proc.stdout)
    f001 = [d for d in data["diagnostics"] if d["code"] == "F001"]
    assert len(f001) == 1 and f001[0]["severity"] == "error"
    offset = raw.index(b"\xff")
    assert f"byte offset {offset}" in f001[0]["message"]
    assert (f001[0]["line"], f001[0]["column"]) == (2, 5)
    assert bad.read_bytes() == raw  # byte-identical after --fix
    assert (tmp_path / "good.txt").read_text() == "نص\n"  # the run went on and fixed the other file
    assert proc.returncode == 1


def test_binary_empty_unreadable_and_symlink_loop(tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing-target.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    proc = run_cli("check", "--no-cache", "--format", "json", str(tmp_path))
    data = json.loads(proc.stdout)
    got = sorted((Path(d["path"]).name, d["code"], d["severity"]) for d in data["diagnostics"])
    # a dangling link found by the walk is F007 info, as a link leaving the root (fixb22;
    # named on the command line it is F003: tests/test_fixb22_kinds.py)
    assert got == [("blob.txt", "F002", "info"), ("dangling.txt", "F007", "info")]


def test_bom_and_crlf_survive_untouched_bytes(tmp_path):
    f = tmp_path / "win.txt"
    raw = "\ufeffسطر \r\nسطر ثان\r\n".encode()
    f.write_bytes(raw)
    run_cli("check", "--no-cache", "--select", "W101", "--fix", str(f))
    assert f.read_bytes() == raw.replace(" \r\n".encode(), b"\r\n", 1)


def test_huge_single_line(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_text(("كلمة " * 1_000_000).rstrip() + "  \n")  # ~10 MB, one line
    proc = run_cli("check", "--no-cache", "--select", "W", "--format", "json", str(f))
    data = json.loads(proc.stdout)
    assert [(d["code"], d["line"]) for d in data["diagnostics"]] == [("W101", 1)]


# -- API, rules, docs ----------------------------------------------------------------------

def test_python_api(tmp_path):
    findings = corpuslint.lint_text("نص\u00a0آخر \n", path="x.txt", config={"select": ["W"]})
    assert [(f.code, f.line, f.column) for f in findings] == [("W102", 1, 3), ("W101", 1, 7)]
    (tmp_path / "a.txt").write_text("نص \n")
    found = corpuslint.lint_paths([tmp_path], config={"select": ["W"]})
    assert [(Path(f.path).name, f.code) for f in found] == [("a.txt", "W101")]


def test_document_model_positions_and_units():
    doc = Document("d.txt", "أ ب.\r\nجملة أولى. جملة ثانية؟\n\nفقرة")
    assert [ln.newline for ln in doc.lines] == ["\r\n", "\n", "\n", ""]
    assert doc.position(doc.text.index("جملة ثانية")) == (2, 12)
    assert len(doc.paragraphs) == 2 and len(doc.line_paragraphs) == 3
    assert [doc.text[s.start:s.end] for s in doc.sentences] == ["أ ب.", "جملة أولى.", "جملة ثانية؟", "فقرة"]


def test_every_rule_is_documented_and_named():
    registry = load_plugins()
    assert registry.rules
    for code, cls in registry.rules.items():
        doc = cls.doc()
        for section in ("What:", "Why:", "Example:", "Fix safety:"):
            assert f"\n{section}" in "\n" + doc, (code, section)
        assert cls.family and cls.name == cls.name.lower()


def test_rule_and_rules_commands():
    proc = run_cli("rule", "W101")
    assert proc.returncode == 0 and "trailing-whitespace" in proc.stdout and "Fix safety:" in proc.stdout
    assert run_cli("rule", "X000").returncode == 2
    table = run_cli("rules").stdout
    assert "W115" in table and "space-inside-quotes" in table and "whitespace" in table
    assert run_cli("--version").stdout.startswith(f"corpuslint {corpuslint.__version__}")


def test_parallel_map_gives_the_same_findings(tmp_path):
    from corpuslint.engine import PARALLEL_MIN_DOCS, build_registry, run

    for i in range(PARALLEL_MIN_DOCS + 6):
        src = seed(f"00{i % 5}")
        (tmp_path / f"{i:03d}_{src.name}").write_bytes(src.read_bytes())

    def findings(jobs):
        config, registry = build_registry([str(tmp_path)], table={"select": ["W", "A"], "jobs": jobs, "cache": False})
        return [(f.path, f.line, f.column, f.code, f.message) for f in run([str(tmp_path)], config, registry).findings]

    serial = findings(1)
    assert len(serial) > PARALLEL_MIN_DOCS
    assert findings(2) == serial


def test_markdown_code_is_quoted_text_not_defects():
    md = (
        "# Sample\n\n"
        "Run `corpuslint  check` on the corpus.\n\n"
        "```text\n"
        "002.txt:21:156: W101   trailing whitespace\n"
        "2a02-4780-11–4f جزيرة\n"
        "***\n"
        "```\n\n"
        "| code | name |\n"
        "| --- | :-: |\n\n"
        "---\n\n"
        "Prose with  two spaces and a stray 2a02-4780-11–4f fragment.\n"
    )
    found = {(f.code, f.line) for f in corpuslint.lint_text(md, path="guide.md", config={"select": ["W", "A"]})}
    assert found == {("W103", 16), ("A101", 16)}
    # The same lines in a .txt file are reported: code spans are Markdown only.
    txt = {(f.code, f.line) for f in corpuslint.lint_text(md, path="guide.txt", config={"select": ["W", "A"]})}
    assert {("W103", 6), ("A101", 7), ("A111", 8)} <= txt
    # Defects that matter in code too are still reported inside a fence.
    fenced = "```\ncode line \u202e\n```\n"
    assert {f.code for f in corpuslint.lint_text(fenced, path="x.md", config={"select": ["W"]})} == {"W111"}


def test_document_findings_are_cached_by_content(tmp_path, monkeypatch):
    from corpuslint.engine import build_registry, run
    from corpuslint.families.whitespace.spaces import TrailingWhitespace

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("نص \n", encoding="utf-8")

    def lint():
        config, registry = build_registry(["."], table={"select": ["W101"]})
        return [(f.path, f.line, f.code) for f in run(["."], config, registry).findings]

    assert lint() == [("a.txt", 1, "W101")]  # cold: computed and stored

    def boom(self, doc):
        raise RuntimeError("document rule ran although the file did not change")

    monkeypatch.setattr(TrailingWhitespace, "check", boom)
    assert lint() == [("a.txt", 1, "W101")]  # warm: served from .corpuslint_cache
    (tmp_path / "a.txt").write_text("نص آخر \n", encoding="utf-8")
    from corpuslint.engine import RuleError

    with pytest.raises(RuleError, match="W101 .*RuntimeError: document rule ran"):
        lint()  # changed content: the rule runs again (its error names the rule)


def test_copied_document_is_one_finding_not_one_per_paragraph(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paragraphs = [seed("000").read_text(encoding="utf-8").split("\n")[i] for i in (0, 2, 4)]
    (tmp_path / "a.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    cfg = {"select": ["D104", "D105"], "cache": False}
    found = [(f.path, f.code, f.related[0].path) for f in corpuslint.lint_paths(["."], config=cfg)]
    assert found == [("b.txt", "D105", "a.txt")]
    # Without D105 the paragraph-level copies are reported, each pointing at a.txt.
    found = [(f.path, f.code) for f in corpuslint.lint_paths(["."], config={**cfg, "select": ["D104"]})]
    assert found == [("b.txt", "D104")] * 3


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["أ", "إ", "آ", "ٱ", "ى", "ة", "ؤ", "ئ", "ی", "ک", "٣", "۷", "\u064e", "\u0651",
                                 "\u0640", "\u0670", "\u200c", "\u00ad", "ﻹ", "ا", "ي", "ه", "و", "ك", "A", "ß", " ",
                                 "\n", "كتاب", "Word"]), max_size=120).map("".join))
def test_normalize_chars_by_replace_passes_equals_one_translate(text):
    """normalize_chars replaces the mapped characters one by one on long texts: the same
    result as one str.translate of the table (no replacement is itself mapped)."""
    import unicodedata

    from corpuslint.text import normalize

    assert not any(ord(c) in normalize._TABLE for _old, new in normalize._PAIRS for c in new)
    assert normalize.normalize_chars(text) == unicodedata.normalize("NFKC", text).translate(normalize._TABLE).casefold()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", " ", "\t", "\n", "\u00a0", "\u2003", "\x1c", ".", ",", "!", "؟", "،", "$", "+",
                                 "«", "»", "—", "كلمة", "word", "ـ", "\u064e"]), max_size=40).map("".join))
def test_normalize_line_in_one_pass_equals_punctuation_then_space_passes(text):
    """normalize_line maps each run of punctuation, symbols and white space to one space
    in one pass: the same as the punctuation pass then the white-space pass."""
    import regex

    from corpuslint.text import normalize

    two = regex.compile(r"\s+").sub(" ", regex.compile(r"[\p{P}\p{S}]+").sub(" ", normalize.normalize_chars(text))).strip()
    assert normalize.normalize_line(text) == two


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", " ", "  ", "\t", "\r", "\n", "\u00a0", "\u2000", "\u3000", "\u2028", "\x85",
                                 "\x1c", "\x1f", ".", "؟", "،", "$", "«", "—", "كلمة", "ـ", "\u064e", "\u0301", "\u0308",
                                 "ﻹ", "Σ", "ß", "İ", "¨", "½", "ﬁ", "\u1100", "\u1161", "\u11a8", "e", "\u0327", "\u200b",
                                 "\u200c", "ｈ", "㎏", "'", "’", "3", "٣"]), max_size=40).map("".join))
def test_normalize_line_run_by_run_equals_one_pass_over_the_line(text):
    """normalize_line and words work per white-space-separated run (memoised): the same as one
    normalize_chars and one punctuation-and-space pass over the whole line, also where
    NFKC maps a character to a space or a mark follows a space, and for the separators
    str.split() cuts at but the pass keeps (U+001C-U+001F)."""
    from corpuslint.text import normalize

    whole = normalize._GAP_RE.sub(" ", normalize.normalize_chars(text)).strip()
    assert normalize.normalize_line(text) == whole
    assert normalize.normalize_line(text) == whole  # (again: from the run memo)
    one_pass = normalize.WORD_RE.findall(normalize.normalize_chars(text))
    assert normalize.words(text) == one_pass  # words, run by run (memoised) too
    assert normalize.words(text) == one_pass


def test_patterns_moved_to_re_match_as_their_regex_compilation():
    """Patterns of explicit code points (no \\p, \\s, \\w, \\d, \\b, no case folding) are
    compiled with the standard ``re`` engine, which scans and counts faster: on every
    BMP code point, and on strings of the characters around them, each matches as the
    ``regex`` compilation of the same pattern."""
    import itertools
    import re

    import regex

    from corpuslint import structure
    from corpuslint.families.whitespace import invisible
    from corpuslint.text import script

    moved = [script.PRESENTATION_FORMS_RE, script._ARABIC_LETTER, script._UTHMANI, invisible._BIDI_RE,
             structure._DATA_LINE_RE]
    for pattern in moved:
        pattern = getattr(pattern, "compiled", pattern)  # (a lazy_re stand-in: its compiled pattern)
        assert isinstance(pattern, re.Pattern)
        same = regex.compile(pattern.pattern, regex.MULTILINE if pattern.flags & re.MULTILINE else 0)
        assert [cp for cp in range(0x10000) if bool(pattern.search(chr(cp))) != bool(same.search(chr(cp)))] == []
        for chars in itertools.product(["a", "ﻹ", "ٱ", "\u06d6", "\u202b", "A" * 16, " ", "\n", "\r", "="], repeat=4):
            text = "".join(chars)
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in same.finditer(text)], text


def test_line_starts_from_the_lines_equal_a_scan_of_the_line_endings():
    """Document._line_starts comes from Document.lines when those exist (no second
    scan): the same offsets, for every mix of \\r, \\n and \\r\\n endings."""
    import itertools

    from corpuslint.document import Document

    for n in range(6):
        for parts in itertools.product(["a", "\r", "\n", "\r\n", "bc"], repeat=n):
            text = "".join(parts)
            scanned = Document("x.txt", text)._line_starts
            doc = Document("x.txt", text)
            assert doc.lines and doc._line_starts == scanned, text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 2**64 - 1), max_size=40), st.sampled_from(["uint64", "int64", "int32"]))
def test_sorted_unique_equals_np_unique(values, dtype):
    import numpy as np

    from corpuslint.arrays import sorted_unique

    info = np.iinfo(dtype)
    arr = np.array([v % (int(info.max) + 1) for v in values], dtype=dtype)
    got, want = sorted_unique(arr), np.unique(arr)
    assert got.dtype == want.dtype and np.array_equal(got, want)
