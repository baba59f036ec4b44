"""Run every benchmark in this folder and print the issue-14 targets table.

    python benchmarks/run.py [--large] [--quick] [--install] [--realtext] [--build-realtext]

Each ``bench_*.py`` runs in its own process with ``--targets-json FILE``; a bench that
measures issue-14 targets writes ``{"target name": {"value", "target", "unit", "ok"}}``
there (benches that do not write it are fine: their targets show as "not measured"; a
figure with ``"ok": null`` is shown beside its target as "info", not judged).
The scale benchmark (bench_scale.py, memory / MB/s per core / jobs 1 vs 2) runs on a
generated 10 MB and 100 MB corpus, and with ``--large`` on the issue's 1 M-paragraph
corpus (~300 MB, generated in a temporary folder at run time; nothing is committed).
``--quick`` runs bench_scale at 10 MB only. ``--install`` (also implied by ``--large``)
measures target 6: ``pip install`` of this checkout into a throwaway venv (bench_startup.py
``--install``: PyPI, about 2 minutes). At the end, one table: every target of
issue 14, its figure when the issue was filed, the figure measured in this run, and
pass/fail; then (row S) the worst CPU ratio 4n / n of any rule on each adversarial input of
bench_pathological.py (one line of runs of spaces, thousands of marks, tags, references,
deep Markdown nesting, a huge table, .po entry or JSON Lines record).

The real-text precision step (benchmarks/precision.py) runs only when its corpora are
built (benchmarks/realtext.py build; folder: $CORPUSLINT_REALTEXT_DIR or
benchmarks/.data/realtext); nothing here touches the network unless --build-realtext
is given. --realtext makes a missing corpus folder an error instead of a skip.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The issue-14 targets, in the order: (number, what, target). A bench reports a
# figure under a name starting with the target's number ("1 memory: ...").
TARGETS = [
    ("1", "Memory: peak RSS <= 1.5 GB for 1 M paragraphs (~300 MB), cold and warm; <= 2x text size at 100 MB",
     "bench_scale.py (--large for 1 M paragraphs)"),
    ("2", "Throughput: >= 2 MB/s per core cold, default rules; spelling family >= 400 k words/s",
     "bench_scale.py, bench_spelling.py"),
    ("3", "Pre-commit: one changed file in a warm 10 k-file corpus <= 1 s CPU, <= 3% of a cold run, <= 300 MB",
     "bench_precommit.py"),
    ("4", "Cores: --jobs 2 >= 1.7x faster than --jobs 1 on 2 cores, 100 MB, same findings",
     "bench_scale.py"),
    ("5", "Start-up: check one small file <= 0.3 s CPU and <= 3x `corpuslint --version`", "bench_startup.py"),
    ("6", "Install: pip install . <= 250 MB", "bench_startup.py --install (run.py --install or --large)"),
    ("7", "D104 >= 1.5x rensa end-to-end, recall >= 0.95 at J >= 0.8", "bench_duplicates.py"),
    # not issue 14's: "bad input is normal input" (README), measured on adversarial inputs
    ("S", "Scaling: no rule's CPU on an adversarial input grows faster than the input (4n / n <= 8; linear is 4)",
     "bench_pathological.py"),
]


# Each target's figure when the issue was filed (its "Why" section), printed beside
# this run's figure so the table shows the way travelled.
AT_FILING = {
    "1": "0.9 GB at 10 MB, 7.1 GB at 100 MB (71x the text); ~22 GB projected for 1 M paragraphs",
    "2": "0.45-0.56 MB/s per core cold; spelling family 104 k words/s",
    "3": "21.6 s CPU, 3.8 GB, 32% of a cold run",
    "4": "--jobs 2 slower than --jobs 1 (1.43x the wall time at 10 MB)",
    "5": "1.5 s CPU for one small English file; --version 0.26 s",
    "6": "624 MB venv",
    "7": "1.3-1.6x rensa, recall 0.96",
    "S": "W103 14.6x (one line of runs of spaces), A106 15.8x, A107 16.8x, W113 17x, S104 12.2x, W112 12.7x",
}


# Benches that compare source trees on a corpus the caller names (``--dir``): tools for a
# change's author, with no figure of their own to put in the table.
PAIRED = {"bench_docrules.py"}


def run_bench(script: Path, args: list[str], targets_file: Path) -> int:
    print(f"== {script.name} {' '.join(args)}".rstrip(), flush=True)
    return subprocess.run([sys.executable, str(script), *args, "--targets-json", str(targets_file)]).returncode


def accepts_targets_json(script: Path) -> bool:
    try:
        return "--targets-json" in script.read_text(encoding="utf-8")
    except OSError:
        return False


def read_targets(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    out = {}
    for name, v in data.items():
        if isinstance(v, dict) and "value" in v:
            out[str(name)] = v
    return out


# Names the benches use, matched in this order when a name does not start with the
# target's number ("1 memory: ...").
KEYWORDS = [("S", ("pathological",)), ("5", ("startup", "start-up", "version")), ("6", ("install",)),
            ("3", ("precommit", "pre-commit", "pre_commit")), ("7", ("d104", "rensa", "recall")),
            ("4", ("jobs", "cores")), ("1", ("memory", "rss")),
            ("2", ("throughput", "words", "spelling", "mb/s", "mb_s"))]


def target_of(name: str) -> str:
    head = name.split(" ", 1)[0]
    if head in {n for n, _, _ in TARGETS}:
        return head
    low = name.lower()
    for number, words in KEYWORDS:
        if any(w in low for w in words):
            return number
    return "?"


def print_table(measured: dict) -> bool:
    """The targets table; True when every measured figure meets its target."""
    rows = []
    all_ok = True
    for number, what, where in TARGETS + [("?", "Other figures the benches reported", "")]:
        mine = {k: v for k, v in measured.items() if target_of(k) == number}
        if number == "?" and not mine:
            continue
        if not mine:
            rows.append((number, what, "not measured", "", f"({where})"))
            continue
        first = True
        for name, v in sorted(mine.items()):
            ok = v.get("ok")  # (None: a figure shown beside the target, not judged by it)
            all_ok &= ok is None or bool(ok)
            figure = f"{v.get('value')} {v.get('unit', '')}".strip()
            label = name.split(" ", 1)[1] if name.split(" ", 1)[0] == number and " " in name else name
            rows.append((number if first else "", what if first else "", label,
                         f"{figure} (target {v.get('target')})", "info" if ok is None else "PASS" if ok else "FAIL"))
            first = False
    print("\n== issue 14 targets")
    for number, what, name, figure, verdict in rows:
        if what:
            print(f"{number}. {what}")
            if number in AT_FILING:
                before = "when the issue was filed" if number != "S" else "on lead before bench_pathological (2026-12-04)"
                print(f"     {before:70s} {AT_FILING[number]}")
        print(f"     {name:70s} {figure:48s} {verdict}")
    return all_ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--large", action="store_true", help="also the 1 M-paragraph corpus (~300 MB, generated)")
    ap.add_argument("--quick", action="store_true", help="bench_scale at 10 MB only")
    ap.add_argument("--install", action="store_true",
                    help="also target 6: pip install this checkout into a throwaway venv (PyPI, ~2 min; with --large too)")
    ap.add_argument("--realtext", action="store_true", help="require the real-text precision step")
    ap.add_argument("--build-realtext", action="store_true",
                    help="download and build the real-text corpora first (network)")
    args = ap.parse_args()
    failed = 0
    measured: dict = {}
    with tempfile.TemporaryDirectory(prefix="corpuslint-bench-") as tmp:
        for script in sorted(HERE.glob("bench_*.py")):
            if script.name == "bench_scale.py":
                continue
            if script.name in PAIRED:
                print(f"== {script.name}: a comparison of two trees on a corpus you give (see its --help); "
                      "not run here", flush=True)
                continue
            out = Path(tmp) / f"{script.stem}.json"
            extra = ["--large"] if args.large and script.name == "bench_duplicates.py" else []
            if script.name == "bench_records.py" and not args.large:
                # (target 1 on records: 100 k one-paragraph records, default rules, without the
                # corpus index, with it cold and warm; 1 M short records for D107, the default, with --large)
                extra = ["--records", "100000", "--shape", "pretrain", "--select", "",
                         "--modes", "nocache,cold,warm", "--jobs", "1"]
            if script.name == "bench_longlines.py" and args.large:
                extra = ["--cues", "50000"]
            if script.name == "bench_startup.py" and (args.install or args.large):
                extra = ["--install"]
            if accepts_targets_json(script):
                failed |= run_bench(script, extra, out)
                measured.update(read_targets(out))
            else:
                print(f"== {script.name}", flush=True)
                failed |= subprocess.run([sys.executable, str(script), *extra]).returncode
        scale = HERE / "bench_scale.py"
        sizes = [["--mb", "10"]] if args.quick else [["--mb", "10"], ["--mb", "100"]]
        if args.large:
            sizes.append(["--paragraphs", "1000000", "--jobs", "1"])
        for size in sizes:
            out = Path(tmp) / f"scale-{'-'.join(size)}.json"
            failed |= run_bench(scale, size, out)
            measured.update(read_targets(out))
    if args.build_realtext:
        print("== realtext.py build", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / "realtext.py"), "build"]).returncode
    sys.path.insert(0, str(HERE))
    import realtext

    root = realtext.default_dir()
    if realtext.built_corpora(root):
        print(f"== precision.py ({root})", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / "precision.py")]).returncode
    elif args.realtext:
        print(f"== precision.py: no corpora built in {root} (python benchmarks/realtext.py build)", flush=True)
        failed |= 1
    else:
        print(f"== precision.py: skipped, no corpora in {root} (python benchmarks/realtext.py build)", flush=True)
    print_table(measured)
    print(f"(load average while measuring: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          "wall-time ratios need idle cores)")
    return failed


if __name__ == "__main__":
    sys.exit(main())
