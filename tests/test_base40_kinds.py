"""What the report hides, no fix touches (fresh26, bug 3: the fix hook, with a baseline,
fixed 47 baselined findings on untouched lines of tcsh's changelog, and every commit
after that said "46 baseline entries no longer occur").

Every way a finding is suppressed holds for ``--fix``, ``--fix-only`` (the
``corpuslint-fix`` hook) and ``--diff`` alike, as ruff never fixes what ``noqa``
suppresses: the baseline (``baseline.held_for_fixes`` / ``not_held``), the
``.corpuslint-ignore`` file and inline directives (``Suppressions.apply``, now in the
first fix pass too; an ignore-file line entry follows its line through the passes,
``engine._original_lines``). ``--ignore`` and per-file-ignores already held
(``Linter.keep``). A finding that is not baselined is still fixed, and the notes say
how many fixable ones the baseline kept.

Real text: lines 1590-1640 of tcsh 6.24.07's changelog (Debian; five lines that end in
a space) and lines 1-45 of Mock.js 1.1.0's CHANGELOG.md (npm; one), see SOURCE.md.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings, strategies as st

from corpuslint import baseline as bl
from corpuslint.engine import build_registry, fixable, run
from corpuslint.findings import Finding

from .conftest import ROOT, run_cli

REAL = ROOT / "tests" / "data" / "realtext"
TCSH = REAL / "tcsh-fixes-1992.txt"
MOCKJS = REAL / "mockjs-changelog-zh.md"
NEW_ENTRY = "Changes 6.24.08: a new entry with a trailing space \n"


def _hook_entry(hook_id: str) -> list[str]:
    """The command a hook of .pre-commit-hooks.yaml runs (its ``entry``), as arguments."""
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (entry,) = [h["entry"] for h in hooks if h["id"] == hook_id]
    assert entry.startswith("corpuslint ")
    return entry.split()[1:]


def _repo(tmp_path: Path) -> tuple[Path, Path]:
    repo = tmp_path / "corpus"
    repo.mkdir()
    shutil.copy(TCSH, repo / "changelog.txt")
    (repo / "corpuslint.toml").write_text('select = ["W"]\nbaseline = "corpuslint-baseline.json"\n')
    return repo, repo / "changelog.txt"


def _check(repo: Path, *args: str):
    return run_cli("check", "--no-cache", *args, cwd=repo)


def _fixable_now(repo: Path) -> int:
    """Findings with a fix in ``repo`` by the same rules without the baseline."""
    out = run_cli("check", "--no-cache", "--format", "json", "--config", "plain.toml", ".", cwd=repo)
    return sum(1 for d in json.loads(out.stdout)["diagnostics"] if d.get("fix"))


def test_fix_hook_leaves_baselined_lines_and_fixes_the_new_entry(tmp_path):
    repo, log = _repo(tmp_path)
    (repo / "plain.toml").write_text('select = ["W"]\n')  # the same rules, no baseline
    wrote = _check(repo, "--write-baseline", "corpuslint-baseline.json", ".")
    assert wrote.returncode == 0, wrote.stderr
    old = TCSH.read_bytes()
    held = _fixable_now(repo)
    assert held >= 1  # the excerpt's own trailing spaces, now in the baseline
    log.write_bytes(NEW_ENTRY.encode() + old)  # a commit adds an entry on top: every old line moves down

    hook = run_cli(*_hook_entry("corpuslint-fix"), "changelog.txt", cwd=repo)
    assert hook.returncode == 0, hook.stderr
    assert log.read_bytes() == NEW_ENTRY.replace(" \n", "\n").encode() + old  # old lines byte-identical
    assert f"fixed 1 finding; {held} fixable in the baseline left as they are" in hook.stderr

    after = run_cli(*_hook_entry("corpuslint"), "changelog.txt", cwd=repo)
    assert after.returncode == 0, after.stdout + after.stderr
    assert "no longer occur" not in after.stderr  # (fresh26: "46 baseline entries no longer occur" each commit)
    assert f"{held} hidden by the baseline, {held} of them fixable but left by --fix" in after.stdout


def test_diff_with_a_baseline_is_what_fix_writes(tmp_path):
    repo, log = _repo(tmp_path)
    assert _check(repo, "--write-baseline", "corpuslint-baseline.json", ".").returncode == 0
    log.write_bytes(NEW_ENTRY.encode() + TCSH.read_bytes())
    twin = tmp_path / "twin"
    shutil.copytree(repo, twin)
    diff = _check(repo, "--diff", ".")
    added = [line for line in diff.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert diff.returncode == 1 and added == ["+" + NEW_ENTRY.rstrip()], diff.stdout  # the new line alone
    subprocess.run(["git", "apply", "-"], input=diff.stdout, text=True, cwd=repo, check=True)
    fixed = _check(twin, "--fix", ".")
    assert fixed.returncode == 0, fixed.stdout
    assert log.read_bytes() == (twin / "changelog.txt").read_bytes()
    assert json.loads(_check(twin, "--format", "json", ".").stdout)["summary"]["baselined_fixable"] >= 1


def test_ignore_file_and_inline_directives_hold_for_fixes(tmp_path):
    """An ignore-file line entry and a disable-next-line directive keep their line as it
    is under --fix; a planted defect beside them is fixed. The ignore-file entry's line
    moves up when W105 collapses the blank lines planted above it (a later fix pass): it
    is still the entry's line in that run. After it, the entry names the line as it was,
    as after an edit by hand above it, and --fix warns that it moved the line (a
    fingerprint entry, ``--add-ignore``, follows its text)."""
    repo = tmp_path / "corpus"
    repo.mkdir()
    lines = TCSH.read_text(encoding="utf-8").splitlines(keepends=True)
    kept_line = next(i for i, line in enumerate(lines) if line.endswith(" \n") and i > 5)
    planted = lines[:2] + ["\n"] * 4 + lines[2:]  # W105 (fixed) above the kept line: it moves up by two
    (repo / "changelog.txt").write_text("".join(planted), encoding="utf-8")
    (repo / ".corpuslint-ignore").write_text(f"changelog.txt:{kept_line + 5}:W101  # kept as the source has it\n")
    md = MOCKJS.read_text(encoding="utf-8").splitlines(keepends=True)
    directive_at = next(i for i, line in enumerate(md) if line.endswith(" \n"))
    md.insert(directive_at, "<!-- corpuslint: disable-next-line=W101 -->\n")
    md[2] = md[2].replace("\n", "\t\n")  # a planted trailing tab on the first heading: fixed
    (repo / "CHANGELOG.md").write_text("".join(md), encoding="utf-8")
    (repo / "corpuslint.toml").write_text('select = ["W"]\n')

    report = _check(repo, ".")
    shown = {(line.split(":")[0], line.split(":")[1]) for line in report.stdout.splitlines() if ": W101" in line}
    assert ("changelog.txt", str(kept_line + 5)) not in shown and ("CHANGELOG.md", "3") in shown
    fixing = _check(repo, "--fix", ".")  # (exit 1: the entry names the line as it was; the fix moved it up by two)
    # and says so: the next --fix would take the entry's number for another line (fixe42)
    assert (f".corpuslint-ignore:1: names line {kept_line + 5} of changelog.txt (W101), which --fix moved "
            f"(now line {kept_line + 3})") in fixing.stderr
    assert "CHANGELOG.md" not in fixing.stderr  # (no entry names its lines)
    text = (repo / "changelog.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    assert text[kept_line + 2] == lines[kept_line]  # held: trailing space and all
    assert sum(1 for line in text if line.endswith(" \n")) == 1  # the others fixed
    assert text.count("\n") == 2  # W105 fixed
    fixed_md = (repo / "CHANGELOG.md").read_text(encoding="utf-8").splitlines(keepends=True)
    assert fixed_md[directive_at + 1] == md[directive_at + 1] and fixed_md[2] == md[2].replace("\t", "")


# -- property: --fix changes exactly the fixable spans the baseline does not hold ----------

TCSH_LINES = [line.rstrip(" \n") for line in TCSH.read_text(encoding="utf-8").splitlines(keepends=True)]
_REGISTRY = build_registry(["."], table={"cache": False, "select": ["W101", "W103"]})


def _planted(line: str, trailing: int, doubled: int) -> str:
    """``line`` with ``trailing`` spaces at its end and its ``doubled``-th inner space
    (between two words) made two: W101 and W103 defects that never touch each other."""
    words = line.split(" ")
    inner = [i for i in range(1, len(words)) if words[i - 1] and words[i]]
    if inner and doubled:
        i = inner[doubled % len(inner)]
        words[i] = " " + words[i]
    return " ".join(words) + " " * trailing + "\n"


line_st = st.tuples(st.integers(0, len(TCSH_LINES) - 1), st.integers(0, 2), st.integers(0, 3))
folder_st = st.lists(st.lists(line_st, min_size=1, max_size=12), min_size=1, max_size=3)


def _reference(text: str, findings: list[Finding], held: dict[str, int], doc, root: str) -> str:
    """``text`` with the fixes of the findings the baseline does not hold applied: per
    fingerprint, the first ``count`` in report order are held (as the report hides them)."""
    left = dict(held)
    edits = []
    for f in sorted(findings, key=Finding.sort_key):
        fp = bl.fingerprint(f, doc, root)
        if left.get(fp, 0) > 0:
            left[fp] -= 1
        elif fixable(f, False):
            edits.extend(f.fix.edits)
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folder=folder_st, picks=st.lists(st.booleans(), min_size=60, max_size=60))
# (s54: a line with a doubled space, another line twice, the first line again: both at 63
# cells, so the first line, counted as a line at the margin and as the page's header, made
# three lines of a justified page; W103 left its run as justification and reported the last
# line's, whose fix then let the re-lint report the first: the fix changed more than the check)
@example(folder=[[(38, 0, 1), (0, 0, 0), (0, 0, 0), (38, 0, 1)]], picks=[False] * 60)
def test_fix_changes_exactly_the_fixable_spans_not_in_the_baseline(folder, picks):
    config, registry = _REGISTRY
    with tempfile.TemporaryDirectory() as d:
        config.root = d
        texts = {}
        for n, lines in enumerate(folder):
            texts[f"f{n}.txt"] = "".join(_planted(TCSH_LINES[i], t, k) for i, t, k in lines)
            (Path(d) / f"f{n}.txt").write_text(texts[f"f{n}.txt"], encoding="utf-8")
        checked = run([d], config, registry)
        findings = checked.findings
        chosen = [f for f, pick in zip(sorted(findings, key=Finding.sort_key), picks * 10) if pick]
        path = str(Path(d) / "baseline.json")
        bl.write_baseline(path, chosen, checked.documents, d, checked.rules)
        entries = bl.load_entries(path)
        want = {}
        for name, text in texts.items():
            mine = [f for f in findings if f.path.endswith(name)]
            doc = checked.documents.get(mine[0].key) if mine else None
            held = {}
            for f in chosen:
                if f.path.endswith(name):
                    fp = bl.fingerprint(f, doc, d)
                    held[fp] = held.get(fp, 0) + 1
            want[name] = _reference(text, mine, held, doc, d)
        result = run([d], config, registry, fix=True, baseline=entries)
        got = {name: (Path(d) / name).read_text(encoding="utf-8") for name in texts}
        assert got == want
        left = bl.apply_entries(entries, result.findings, result.documents, d, result.rules, result.checked)
        assert not [f for f in left.kept if fixable(f, False)]  # no new finding left, none appeared
        assert left.stale == 0  # every baselined finding still there: none was fixed


def test_fix_data_leaves_baselined_records(tmp_path):
    """Records of a JSONL file: the baselined ones are kept as they are by --fix --fix-data,
    a record added after the baseline is fixed (the tcsh excerpt's entries as records)."""
    entries = [line for line in TCSH.read_text(encoding="utf-8").splitlines() if line.endswith(" ")]
    assert len(entries) >= 2
    data = tmp_path / "entries.jsonl"
    data.write_text("".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in enumerate(entries[:-1])))
    (tmp_path / "corpuslint.toml").write_text('select = ["W"]\n')
    assert run_cli("check", "--no-cache", "--write-baseline", "b.json", ".", cwd=tmp_path).returncode == 0
    before = data.read_text()
    data.write_text(before + json.dumps({"id": len(entries), "text": entries[-1]}) + "\n")
    proc = run_cli("check", "--no-cache", "--baseline", "b.json", "--fix", "--fix-data", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert data.read_text() == before + json.dumps({"id": len(entries), "text": entries[-1].rstrip()}) + "\n"
