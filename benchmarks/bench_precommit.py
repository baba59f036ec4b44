"""Pre-commit benchmark (issue 14, target 3): one changed file in a warm 10 k-file corpus.

    python benchmarks/bench_precommit.py [--files 10000] [--paragraphs-per-file 3]
                                         [--targets-json FILE] [--keep DIR] [--no-cold]

The corpus is generated at run time in a temporary folder (nothing is committed) with
bench_scale's generator (bench_spelling's Markov walk over the seed articles, 2% of the
words mutated, 1% of the paragraphs near-copies of a paragraph of another file, every
200th file a near-copy of an earlier one), with ``--paragraphs-per-file`` paragraphs
per file (default 3: 10 000 files, about 7 MB).

Measured, each as one ``corpuslint check`` subprocess (default rules, ``--format json``)
whose CPU seconds (user + system, children included) and peak RSS (``ru_maxrss``) come
from ``os.wait4``:

1. cold: ``check --no-cache .`` (every file, nothing cached);
2. cache fill: ``check .`` with an empty cache (the pre-commit hook's first run), then
   ``check .`` again, nothing changed (a warm CI run: what it costs beyond the read-back
   of the cache, e.g. corpus-rule findings filtered by cached regions, not re-parsed);
3. then one file is changed (a paragraph appended that near-copies a paragraph of an
   unchanged file, with a spelling slip of a word of the corpus) and the pre-commit
   hook's command runs on it alone: ``check --ignore-unknown <file>`` (see
   .pre-commit-hooks.yaml), twice: after the edit (the figure) and again unchanged;
4. the same file checked with ``--no-cache`` (a full, non-incremental run): its JSON
   findings must be identical to the incremental run's;
5. another file gets a paragraph of a third one verbatim (every word seen before, so
   no dictionary is read: the per-word verdicts are cached), checked both ways too.

Targets: the incremental run <= 1 s CPU, <= 3% of the cold run's CPU, peak RSS <= 300 MB,
identical findings. ``--targets-json FILE`` writes them for benchmarks/run.py.

The runs read compiled byte code (in a temporary ``PYTHONPYCACHEPREFIX``, compiled
before the cold run), as an installed package has it: with PYTHONDONTWRITEBYTECODE
every run would also time the compiler (~0.1-0.2 s, as in bench_startup.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_scale  # noqa: E402  (the same generated corpus as the scale benchmark)


run_check = bench_scale.run_corpuslint  # one corpuslint run: CPU, peak RSS, findings, stderr


def change_one_file(folder: Path, seed: int = 3) -> str:
    """Append to one file a near-copy of a paragraph of another file plus a sentence with
    a one-letter slip of a word of the corpus; returns the file's name."""
    rng = random.Random(seed)
    names = sorted(p.name for p in folder.glob("doc*.txt"))
    target = names[len(names) // 2]
    source = names[len(names) // 3]
    paras = (folder / source).read_text(encoding="utf-8").split("\n\n")
    para = max(paras, key=len).strip()
    copy = bench_scale._near_copy(para, rng)
    words = [w for w in para.split() if len(w) >= 5]
    slip = bench_scale.mutate(words[0], rng) if words else "كتابب"
    path = folder / target
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}\n\n{copy}\n\nوقال {slip} في البيان.\n", encoding="utf-8")
    return target


def copy_into_one_file(folder: Path) -> str:
    """Append to another file a paragraph of a third one, verbatim: every word of the
    edit was seen before (no dictionary needed); returns the file's name."""
    names = sorted(p.name for p in folder.glob("doc*.txt"))
    target, source = names[2 * len(names) // 3], names[len(names) // 4]
    para = (folder / source).read_text(encoding="utf-8").split("\n\n")[0].strip()
    path = folder / target
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{para}\n", encoding="utf-8")
    return target


def _compiled(pycache: str, folder: Path) -> None:
    """Children (inheriting this environment) read byte code from ``pycache``: the
    corpuslint package compiled here, and what a check of a copy of one file of
    ``folder`` imports (dependencies too: their __pycache__ is not read under a prefix)."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = pycache
    subprocess.run([sys.executable, "-c", "import compileall, corpuslint, os; "
                    "compileall.compile_dir(os.path.dirname(corpuslint.__file__), quiet=1)"], check=True)
    with tempfile.TemporaryDirectory(prefix="corpuslint-precommit-warmup-") as tmp:
        one = sorted(folder.glob("doc*.txt"))[0]
        shutil.copy(one, Path(tmp) / one.name)
        run_check(Path(tmp), "--no-cache", one.name)


def _row(label: str, r: dict, cold: dict | None = None) -> str:
    share = f" {100 * r['cpu'] / cold['cpu']:5.1f}% of cold" if cold else ""
    n = "" if r["findings"] is None else f" {len(r['findings'])} findings"
    return (f"  {label:34s}: {r['cpu']:7.2f} s CPU {r['wall']:7.2f} s wall {r['rss_mb']:6.0f} MB peak RSS"
            f"{share}{n}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=10_000, help="files in the corpus (default 10000)")
    ap.add_argument("--paragraphs-per-file", type=int, default=3, help="paragraphs per file (default 3)")
    ap.add_argument("--keep", type=Path, help="generate into (or reuse) this folder instead of a temp one")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold run (reuse --keep's warm cache)")
    ap.add_argument("--targets-json", type=Path, help="write the measured issue-14 target 3 here")
    args = ap.parse_args()
    bench_scale.PARAS_PER_FILE = args.paragraphs_per_file
    with (bench_scale.corpus_folder(args.keep, "corpuslint-precommit-") as folder,
          tempfile.TemporaryDirectory(prefix="corpuslint-precommit-out-") as out_dir,
          tempfile.TemporaryDirectory(prefix="corpuslint-pycache-") as pycache):
        outs = Path(out_dir)
        if bench_scale.ensure_corpus(folder, args.files * args.paragraphs_per_file):
            subprocess.run(["git", "init", "-q", str(folder)], check=False)  # as in a repository
        n_files = len(list(folder.glob("*.txt")))
        mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
        print(f"corpus: {n_files} files, {mb:.1f} MB in {folder} "
              f"(load average {' '.join(f'{x:.2f}' for x in os.getloadavg())})", flush=True)
        _compiled(pycache, folder)
        results: dict[str, dict] = {}
        if not args.no_cold:
            results["cold"] = run_check(folder, "--no-cache", ".")
            print(_row("cold, --no-cache, whole corpus", results["cold"]), flush=True)
            shutil.rmtree(folder / ".corpuslint_cache", ignore_errors=True)
            results["fill"] = run_check(folder, ".")
            print(_row("cache fill, whole corpus", results["fill"], results["cold"]), flush=True)
            results["warm"] = run_check(folder, ".")
            print(_row("warm, whole corpus, nothing changed", results["warm"], results["cold"]), flush=True)
        cold = results.get("cold")
        target = change_one_file(folder)
        hook = ["--ignore-unknown", target]
        results["incremental"] = run_check(folder, *hook, out=outs / "incremental.json")
        print(_row("pre-commit: one changed file", results["incremental"], cold), flush=True)
        results["again"] = run_check(folder, *hook, out=outs / "again.json")
        print(_row("pre-commit: same file, unchanged", results["again"], cold), flush=True)
        results["full"] = run_check(folder, "--no-cache", *hook, out=outs / "full.json")
        print(_row("same file, --no-cache (full)", results["full"], cold), flush=True)
        inc, full = results["incremental"]["findings"], results["full"]["findings"]
        same = inc == full and results["again"]["findings"] == full
        seen = copy_into_one_file(folder)
        results["seen"] = run_check(folder, "--ignore-unknown", seen, out=outs / "seen.json")
        print(_row("pre-commit: edit of seen words only", results["seen"], cold), flush=True)
        results["seen full"] = run_check(folder, "--no-cache", "--ignore-unknown", seen, out=outs / "seen-full.json")
        same_seen = results["seen"]["findings"] == results["seen full"]["findings"]
        print(f"  (that edit: {len(results['seen']['findings'])} findings, incremental == full: {same_seen})")
        same = same and same_seen
        codes = sorted({f["code"] for f in full})
        print(f"  findings of the changed file: {len(full)} ({', '.join(codes)}); incremental == full: {same}")
        if not same:
            print(f"  incremental only: {[f for f in inc if f not in full][:3]}")
            print(f"  full only: {[f for f in full if f not in inc][:3]}")
        for k in ("incremental", "again"):
            if results[k]["stderr"].strip():
                print(f"  stderr ({k}): {results[k]['stderr'].strip()[:500]}")
        if args.targets_json:
            write_targets(args.targets_json, n_files, results, same)
    return 0


def write_targets(path: Path, n_files: int, results: dict, same: bool) -> None:
    inc = results["incremental"]
    label = f"{n_files / 1000:.0f} k files" if n_files >= 1000 else f"{n_files} files"
    targets = {
        f"3 pre-commit: CPU, one changed file, warm {label}": {
            "value": round(inc["cpu"], 2), "target": 1.0, "unit": "s CPU (<=), same findings",
            "ok": bool(inc["cpu"] <= 1.0 and same)},
        f"3 pre-commit: peak RSS, one changed file, warm {label}": {
            "value": round(inc["rss_mb"]), "target": 300, "unit": "MB (<=)", "ok": inc["rss_mb"] <= 300},
    }
    if "cold" in results:
        share = 100 * inc["cpu"] / results["cold"]["cpu"]
        targets[f"3 pre-commit: CPU / cold full run, {label}"] = {
            "value": round(share, 2), "target": 3.0, "unit": "% (<=)", "ok": share <= 3.0}
    path.write_text(json.dumps(targets, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
