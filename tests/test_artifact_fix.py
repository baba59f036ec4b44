"""Artifact family end to end: engine, config and CLI, and the --unsafe-fixes round trip."""

from __future__ import annotations

import difflib
import os
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpuslint import engine
from corpuslint.families.artifact import RULES

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "corpuslint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )


def a_findings(path: Path, cwd: Path) -> list[dict]:
    proc = cli("check", str(path), "--select", "A", "--format", "json", "--no-cache", "--exit-zero", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    items = data["diagnostics"]
    return [f for f in items if str(f.get("code", "")).startswith("A")]


def test_samples_report_exactly_the_seed_debris_through_the_cli(tmp_path):
    found = a_findings(SAMPLES, REPO)
    got = sorted((Path(f["path"]).name[:3], f["line"], f["code"]) for f in found if f["severity"] != "info")
    assert got == [
        ("001", 31, "A101"),
        ("002", 13, "A102"),
        ("002", 47, "A102"),
        ("003", 5, "A103"),
        ("003", 52, "A103"),
        ("004", 23, "A103"),
        ("004", 25, "A103"),
    ]
    assert all(f.get("family", "artifact") == "artifact" for f in found)


def test_unsafe_fix_round_trip_removes_only_the_debris(tmp_path):
    work = tmp_path / "samples"
    shutil.copytree(SAMPLES, work)
    before = {p.name: p.read_text(encoding="utf-8") for p in (work / "news-ar").glob("*.txt")}
    proc = cli("check", ".", "--select", "A", "--fix", "--unsafe-fixes", "--no-cache", cwd=work)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Second run: nothing left.
    assert a_findings(work, work) == []
    after = {p.name: p.read_text(encoding="utf-8") for p in (work / "news-ar").glob("*.txt")}
    removed: dict[str, list[str]] = {}
    for name, old in before.items():
        new = after[name]
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            if tag == "replace":  # only the hex fragment line may change in place
                assert name.startswith("001") and [l.rstrip("\n") for l in old_lines[i1:i2]] == [
                    "2a02-4780-11–4f جزيرة إم آند إم"] and new_lines[j1:j2] == ["جزيرة إم آند إم"], (name, tag)
                continue
            assert tag == "delete", (name, tag, old_lines[i1:i2], new_lines[j1:j2])
            removed.setdefault(name[:3], []).extend(l.rstrip("\r\n") for l in old_lines[i1:i2])
    assert {k: [l for l in v if l.strip()] for k, v in removed.items()} == {
        "002": ["A A", "search"],
        "003": ["تابع أحدث الأخبار عبر تطبيق", "أخبار متعلقة :"],
        "004": ["اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"],
    }
    # One blank line went with each removed debris line, so no blank lines pile up...
    for name, new in after.items():
        if not name.startswith("000"):  # 000 ends with a run of blank lines in the source itself
            assert "\n\n\n" not in new, name
    # ...and file 000, which has no debris, stays byte-identical.
    (clean,) = [n for n in before if n.startswith("000")]
    assert after[clean] == before[clean]


def test_lint_text_with_config_dict():
    text = "\n\n".join(["اكتشفت سيئول ما لا يقل عن 10 آلاف حاوية شحن مرسلة من كوريا الشمالية إلى روسيا."] * 3)
    text += "\n\nاترك تعليقاً\n\nموقع بوابة المساء الاخباري\n\nhttps://almasaa.net/x\n"
    codes = [(f.code, f.line) for f in engine.lint_text(text, path="a.txt", config={"select": ["A"]})]
    assert codes == [("A103", 7), ("A110", 11)]
    cfg = {"select": ["A"], "rules": {"A103": {"extra": ["موقع بوابة المساء الإخباري"], "disable": ["ar-comment-form"]}}}
    codes = [(f.code, f.line) for f in engine.lint_text(text, path="a.txt", config=cfg)]
    assert codes == [("A103", 9), ("A110", 11)]


@pytest.mark.parametrize("code", [cls.code for cls in RULES])
def test_rule_command_prints_the_doc(code):
    proc = cli("rule", code, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    for section in ("What:", "Why:", "Example:", "Fix safety:"):
        assert section in proc.stdout
