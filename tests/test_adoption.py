"""Adopting corpuslint on a corpus with existing findings: baseline, ignore file,
inline directives, U100 unused-suppression, and the text output for people."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import corpuslint
from corpuslint import baseline as bl
from corpuslint.config import ConfigError
from corpuslint.document import Document
from corpuslint.outputs.text import FSI, PDI, isolate_rtl

from .conftest import SAMPLES, run_cli, run_json, seed

NEW_DEFECT = "أضيف هذا السطر  بمسافتين.\n"  # W103: two spaces


def _corpus(tmp_path: Path) -> Path:
    repo = tmp_path / "corpus"
    shutil.copytree(SAMPLES, repo / "news-ar")
    for f in (repo / "news-ar").iterdir():
        f.chmod(0o644)
    (repo / "corpuslint.toml").write_text("")
    return repo


def _check(repo: Path, *args: str):
    return run_cli("check", "--no-cache", *args, "news-ar", cwd=repo)


def test_baseline_survives_edits_above_and_reports_only_the_new_defect(tmp_path):
    repo = _corpus(tmp_path)
    wrote = _check(repo, "--write-baseline", "baseline.json")
    assert wrote.returncode == 0, wrote.stderr
    entries = json.loads((repo / "baseline.json").read_text())["findings"]
    assert entries and all(bl._FP_RE.match(e["fingerprint"]) for e in entries)
    assert _check(repo, "--baseline", "baseline.json").returncode == 0

    article = next((repo / "news-ar").glob("002_*.txt"))
    original = article.read_text(encoding="utf-8")
    # lines inserted above every baselined finding: line numbers shift, fingerprints don't
    article.write_text("سطر أول جديد.\nسطر ثان جديد.\n" + original, encoding="utf-8")
    shifted = _check(repo, "--baseline", "baseline.json")
    assert shifted.returncode == 0, shifted.stdout

    # a new defect: exit 1 with exactly that finding
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(10, NEW_DEFECT)
    article.write_text("".join(lines), encoding="utf-8")
    code, data = run_json("--baseline", "baseline.json", "news-ar", cwd=repo)
    assert code == 1
    assert [(d["code"], d["line"]) for d in data["diagnostics"]] == [("W103", 11)]

    # fixed again -> exit 0; the baseline entries that went away are counted
    del lines[10]
    article.write_text("".join(lines[2:]).replace("\u00a0\n", "\n", 1), encoding="utf-8")
    fixed = _check(repo, "--baseline", "baseline.json")
    assert fixed.returncode == 0, fixed.stdout
    assert "1 baseline entry no longer occurs (" in fixed.stderr


def test_baseline_counts_identical_findings(tmp_path):
    """Two identical defects are baselined; a third identical copy is new."""
    repo = tmp_path
    doc = repo / "a.txt"
    doc.write_text("كلمة  أولى.\nكلمة  أولى.\n", encoding="utf-8")
    (repo / "corpuslint.toml").write_text('select = ["W103"]\nbaseline = "b.json"\n')
    assert run_cli("check", "--no-cache", "--write-baseline", "b.json", ".", cwd=repo).returncode == 0
    assert json.loads((repo / "b.json").read_text())["findings"][0]["count"] == 2
    assert run_cli("check", "--no-cache", ".", cwd=repo).returncode == 0  # baseline from config
    doc.write_text("كلمة  أولى.\nكلمة  أولى.\nكلمة  أولى.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", ".", cwd=repo)
    assert proc.returncode == 1 and proc.stdout.count("W103") == 1


@pytest.mark.parametrize("content, message", [
    ("not json", "not JSON"),
    ('{"version": 2, "findings": []}', "expected"),
    ('{"version": 1, "findings": [{"fingerprint": "xyz"}]}', "16 hex digits"),
    ('{"version": 1, "findings": [{"fingerprint": "0123456789abcdef", "count": 0}]}', "positive integer"),
])
def test_bad_baseline_is_one_line_error(tmp_path, content, message):
    (tmp_path / "b.json").write_text(content)
    (tmp_path / "a.txt").write_text("ok\n")
    proc = run_cli("check", "--no-cache", "--baseline", str(tmp_path / "b.json"), str(tmp_path / "a.txt"))
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_baseline_on_a_few_hundred_generated_files(tmp_path):
    """The adoption flow on a larger corpus built from the samples' real lines."""
    repo = tmp_path / "big"
    repo.mkdir()
    (repo / "corpuslint.toml").write_text("")  # every default rule, corpus rules (D105...) too
    lines = [ln for f in sorted(SAMPLES.iterdir()) for ln in f.read_text(encoding="utf-8").splitlines()]
    for i in range(300):
        chunk = [lines[(i * 7 + k * 13) % len(lines)] for k in range(12)]
        (repo / f"doc{i:03d}.txt").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    run = lambda *a: run_cli("check", "--no-cache", "--format", "json", *a, ".", cwd=repo)  # noqa: E731
    first = run("--write-baseline", "b.json")
    assert first.returncode == 0, first.stderr
    assert sum(e["count"] for e in json.loads((repo / "b.json").read_text())["findings"]) > 300
    target = repo / "doc150.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text("تمهيد جديد.\n" + text + NEW_DEFECT, encoding="utf-8")
    proc = run("--baseline", "b.json")
    diags = json.loads(proc.stdout)["diagnostics"]
    assert proc.returncode == 1
    assert [(d["path"], d["code"]) for d in diags] == [("doc150.txt", "W103")]
    target.write_text("تمهيد جديد.\n" + text, encoding="utf-8")
    assert run("--baseline", "b.json").returncode == 0


# -- suppressions -------------------------------------------------------------------


def test_ignore_file_ranges_fingerprints_and_add_ignore(tmp_path):
    (tmp_path / "corpuslint.toml").write_text('select = ["W103", "W101", "U100"]\n')
    a = tmp_path / "a.txt"
    a.write_text("واحد  اثنان.\nثلاثة  أربعة.\nخمسة \n", encoding="utf-8")
    code, data = run_json(".", cwd=tmp_path)
    assert sorted((d["code"], d["line"]) for d in data["diagnostics"]) == [("W101", 3), ("W103", 1), ("W103", 2)]
    (tmp_path / ".corpuslint-ignore").write_text("a.txt:1-2:W103  # quoted verbatim from the source\n"
                                                 "a.txt:9:W1  # stale\n")
    code, data = run_json(".", cwd=tmp_path)
    got = sorted((d["code"], d["path"], d["line"]) for d in data["diagnostics"])
    assert got == [("U100", ".corpuslint-ignore", 2), ("W101", "a.txt", 3)]

    proc = run_cli("check", "--no-cache", "--add-ignore", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "--reason" in proc.stderr
    proc = run_cli("check", "--no-cache", "--select", "W101,W103", "--add-ignore", "--reason", "legacy", ".",
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    added = (tmp_path / ".corpuslint-ignore").read_text().splitlines()[-1]
    assert added.startswith("fingerprint:") and "W101 a.txt:3 - legacy" in added
    # the fingerprint survives moving the line
    a.write_text("سطر جديد.\nواحد  اثنان.\nثلاثة  أربعة.\nخمسة \n", encoding="utf-8")
    code, data = run_json("--select", "W101", ".", cwd=tmp_path)
    assert code == 0 and data["diagnostics"] == []


def test_bad_ignore_file_line_is_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("ok\n")
    (tmp_path / ".corpuslint-ignore").write_text("a.txt:x:W101\n")
    proc = run_cli("check", "--no-cache", str(tmp_path / "a.txt"), cwd=tmp_path)
    assert proc.returncode == 2 and ".corpuslint-ignore:1" in proc.stderr


MD = """# عنوان

<!-- corpuslint: disable=W103 -->
سطر  فيه مسافتان.
<!-- corpuslint: enable=W103 -->
سطر  آخر فيه مسافتان.

<!-- corpuslint: disable-next-line -->
مسافة في الآخر 
مسافة أخرى في الآخر 

<!-- corpuslint: disable=A110 -->

```markdown
<!-- corpuslint: disable=W101 -->
```
"""


def test_inline_directives_in_markdown():
    found = corpuslint.lint_text(MD, path="doc.md", config={"select": ["W101", "W103", "A110", "U100"]})
    assert [(f.code, f.line) for f in found] == [("W103", 6), ("W101", 10)]
    docs = bl.directives(Document("doc.md", MD))
    # the directive quoted in the code block is not a directive
    assert [(e.codes, e.lines) for e in docs] == [
        (("W103",), (3, 5)), (("ALL",), (9, 9)), (("A110",), (12, len(MD.splitlines()))),
    ]


def test_directive_quoted_in_inline_code_is_an_example():
    text = "Write `<!-- corpuslint: disable -->` to silence a section.\nسطر  فيه مسافتان.\n"
    assert bl.directives(Document("howto.md", text)) == []
    assert [f.code for f in corpuslint.lint_text(text, path="howto.md", config={"select": ["W103"]})] == ["W103"]


def test_unused_inline_directive_reported_by_u100(tmp_path):
    (tmp_path / "doc.md").write_text(MD, encoding="utf-8")
    code, data = run_json("--select", "W101,W103,A110,U100", "doc.md", cwd=tmp_path)
    u100 = [(d["line"], d["message"]) for d in data["diagnostics"] if d["code"] == "U100"]
    assert u100 == [(12, "unused suppression (A110): it matched no finding")]
    # a directive for a rule that did not run is not judged
    code, data = run_json("--select", "W101,W103,U100", "doc.md", cwd=tmp_path)
    assert not [d for d in data["diagnostics"] if d["code"] == "U100"]


def test_clean_text_has_no_u100():
    found = corpuslint.lint_text("نص سليم.\n", path="a.md", config={"select": ["W", "U100"]})
    assert found == []


def test_directive_with_bad_code_is_an_error():
    with pytest.raises(ConfigError, match="rule codes"):
        bl.directives(Document("a.md", "<!-- corpuslint: disable=W1-01 -->\n"))


# -- text output for people -----------------------------------------------------------


def test_isolates_keep_arabic_spans_in_order():
    msg = "possible slip 'يونج': 'يانج' (4×) is one letter away"
    out = isolate_rtl(msg)
    assert out == f"possible slip '{FSI}يونج{PDI}': '{FSI}يانج{PDI}' (4×) is one letter away"
    assert isolate_rtl("plain ascii") == "plain ascii"
    assert isolate_rtl("زعيما روسيا، أرشيفية") == f"{FSI}زعيما روسيا، أرشيفية{PDI}"


def test_full_output_has_severity_source_caret_and_fix_hint():
    proc = run_cli("check", "--no-cache", "--output-format", "full", "--select", "W101,S101", str(SAMPLES))
    out = proc.stdout
    # W101 at 002:21:156: the caret sits under column 156 of the shown (cut) line
    block = out.split("002_c951edba429ed671.txt:21:156: warning[W101] [*] trailing whitespace")[1].split("\n\n")[0]
    source, underline = [ln for ln in block.splitlines() if ln.startswith("21 |") or ln.startswith("   |")][1:3]
    line = seed("002").read_text(encoding="utf-8").splitlines()[20]
    assert source.startswith("21 | …") and source.endswith(line[-30:].rstrip("\u00a0") + "\u00a0")
    assert underline.index("^") == source.index("\u00a0", len(source) - 2)
    assert "= help: safe fix (--fix): delete U+00A0" in block
    assert f"error[S101] possible slip '{FSI}الحققت{PDI}'" in out
    assert f"^^^^^^ '{FSI}الحققت{PDI}'" in out  # six code points, six carets


def test_concise_is_the_default_when_piped():
    proc = run_cli("check", "--no-cache", "--select", "W101", str(seed("002")))
    assert proc.stdout.splitlines()[0].endswith(":21:156: W101 [*] trailing whitespace (U+00A0 NO-BREAK SPACE)")
    assert FSI not in proc.stdout


def test_statistics_alone_prints_only_the_table():
    proc = run_cli("check", "--no-cache", "--select", "W,A", "--statistics", str(SAMPLES))
    lines = proc.stdout.splitlines()
    assert not any(".txt:" in ln for ln in lines)
    assert lines[0].split() == ["count", "code", "name", "safe", "unsafe"]
    row = next(ln.split() for ln in lines if " W102 " in ln)
    assert row[2] == "non-standard-space" and row[0] == row[3] and row[4] == "0"
    a103 = next(ln.split() for ln in lines if " A103 " in ln)
    assert a103[3] == "0" and a103[4] == a103[0]  # boilerplate fixes are unsafe
    both = run_cli("check", "--no-cache", "--select", "W,A", "--statistics", "--show-findings", str(SAMPLES))
    assert ".txt:" in both.stdout and "count  code" in both.stdout


def test_quiet_prints_findings_only_and_fix_only_reports_fixes(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("سطر \nثان  هنا\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "W101", "-q", str(doc))
    assert proc.returncode == 1 and proc.stdout.count("\n") == 1 and "Found" not in proc.stdout
    proc = run_cli("check", "--no-cache", "--select", "W101,W103", "--fix-only", str(doc))
    assert proc.returncode == 0 and proc.stdout == "" and "fixed 2 findings" in proc.stderr
    assert doc.read_text(encoding="utf-8") == "سطر\nثان هنا\n"


def test_verbose_names_config_and_rules(tmp_path):
    (tmp_path / "corpuslint.toml").write_text('select = ["W101"]\n')
    (tmp_path / "a.txt").write_text("ok\n")
    proc = run_cli("check", "--no-cache", "-v", "a.txt", cwd=tmp_path)
    assert "corpuslint.toml" in proc.stderr and "1 rules active, 1 files checked" in proc.stderr


# -- progress -------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci():
    from corpuslint import progress

    assert progress.wanted(_Tty(), environ={})
    assert not progress.wanted(io.StringIO(), environ={})
    assert not progress.wanted(_Tty(), environ={"CI": "true"})
    assert not progress.wanted(_Tty(), quiet=True, environ={})


def test_progress_bar_counts_every_document():
    from corpuslint.engine import build_registry, run
    from corpuslint.progress import Progress

    config, registry = build_registry([str(SAMPLES)])
    config.use_cache = False
    stream = _Tty()
    bar = Progress(stream, delay=0)
    result = run([str(SAMPLES)], config, registry, progress=bar)
    assert result.files_checked == 5 and bar.counted == {"checking": 5}
    assert "checking:" in stream.getvalue() and "/5 [" in stream.getvalue()


def test_full_format_is_the_default_on_a_terminal(monkeypatch):
    import argparse

    from corpuslint import adoption

    monkeypatch.setattr("sys.stdout", _Tty())
    assert adoption.default_output_format(argparse.Namespace(output_file=None)) == "full"
    assert adoption.default_output_format(argparse.Namespace(output_file="x.txt")) == "concise"
