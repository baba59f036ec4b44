"""Spelling family end to end: CLI JSON on the seeds, config section, fix round trip."""

from __future__ import annotations

from pathlib import Path

import corpuslint

from .conftest import SAMPLES, run_cli, run_json


def _words(data, root=SAMPLES):
    """(code, seed prefix, line, flagged text) of every diagnostic."""
    out = []
    for d in data["diagnostics"]:
        name = Path(d["path"]).name
        line = (root / name).read_text(encoding="utf-8").splitlines()[d["line"] - 1]
        out.append((d["code"], name[:3], d["line"], line[d["column"] - 1 : d["end_column"] - 1]))
    return out


def test_cli_json_on_seeds(samples_copy):
    # Run inside a private copy: corpus statistics come from every file under the project root.
    code, data = run_json("--select", "S", "news-ar", cwd=samples_copy.parent)
    assert code == 1
    assert {d["family"] for d in data["diagnostics"]} == {"spelling"}
    got = _words(data, samples_copy)
    slips = sorted(x for x in got if x[0] == "S101")
    assert slips == [("S101", "000", 1, "الحققت"), ("S101", "002", 19, "يونج"), ("S101", "003", 7, "جوج")]
    incons = {x for x in got if x[0] == "S103"}
    assert {("S103", "001", 5, "شويغو"), ("S103", "001", 9, "سيرجي"), ("S103", "002", 15, "سيئول")} <= incons
    assert not any(x[0] == "S102" for x in got)  # unknown-word is off by default
    jooj = next(d for d in data["diagnostics"] if d["code"] == "S101" and d["line"] == 7)
    assert jooj["fix"]["applicability"] == "unsafe" and jooj["severity"] == "error"


def test_fix_round_trip(samples_copy):
    extra = samples_copy / "005_slips.txt"
    original = "قالت الوكالة إن الزعيم زار في في أكتوبر المصنع، ولاكن التفاصيل غير معروفة.\n"
    extra.write_text(original, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in samples_copy.iterdir()}
    cwd = samples_copy.parent
    proc = run_cli("check", "--no-cache", "--select", "S", "--fix", "news-ar", cwd=cwd)
    assert proc.returncode == 1, proc.stderr  # the unsafe/no-fix findings remain
    # --fix applies safe fixes only: the spelling correction and the repeated word
    # both rewrite or delete words (unsafe), so nothing changes.
    assert all(p.read_bytes() == before[p.name] for p in samples_copy.iterdir())

    proc = run_cli("check", "--no-cache", "--select", "S", "--fix", "--unsafe-fixes", "news-ar", cwd=cwd)
    assert extra.read_text(encoding="utf-8") == original.replace("ولاكن", "ولكن").replace("في في", "في")
    f003 = next(samples_copy.glob("003_*.txt"))
    old003 = before[f003.name].decode("utf-8")
    assert f003.read_text(encoding="utf-8") == old003.replace("كيم جوج أون", "كيم جونغ أون")
    f002 = next(samples_copy.glob("002_*.txt"))
    assert f002.read_text(encoding="utf-8") == before[f002.name].decode("utf-8").replace("بيونج يونج", "بيونج يانج")

    code, data = run_json("--select", "S101,S104,S105", "news-ar", cwd=cwd)
    # Only the ال+verb slip is left: it has no automatic fix.
    assert _words(data, samples_copy) == [("S101", "000", 1, "الحققت")]


def test_config_section_and_errors(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("قال ديمتري بيسكوف إن بيونج يانج ترحب.\n", encoding="utf-8")
    (tmp_path / "words.txt").write_text("بيسكوف\n", encoding="utf-8")
    (tmp_path / "fixes.txt").write_text("بيونج->بيونغ\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.corpuslint]\nselect = ["S102", "S105"]\n\n[tool.corpuslint.spelling]\n'
        'allowlist-file = "words.txt"\ncorrections-file = "fixes.txt"\naccept = ["يانج"]\n',
        encoding="utf-8",
    )
    code, data = run_json("corpus", cwd=tmp_path)
    got = sorted((d["code"], d["message"].split("'")[1]) for d in data["diagnostics"])
    # بيسكوف is allowlisted (file), يانج accepted (list); بيونج is in the corrections file.
    assert got == [("S102", "بيونج"), ("S102", "ديمتري"), ("S105", "بيونج")]

    (tmp_path / "fixes.txt").write_text("no arrow\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "corpus", cwd=tmp_path)
    assert proc.returncode == 2 and "fixes.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_lint_text_api_and_rule_doc():
    findings = corpuslint.lint_text("النتائج الحققت في في المصانع.\n", path="x.txt", config={"select": ["S"]})
    assert sorted(f.code for f in findings) == ["S101", "S104"]
    clean = corpuslint.lint_text("حققت المصانع نتائج جيدة هذا العام.\n", path="y.txt", config={"select": ["S"]})
    assert clean == []
    proc = run_cli("rule", "S103")
    assert proc.returncode == 0 and "transliteration-inconsistency" in proc.stdout and "Fix safety:" in proc.stdout
