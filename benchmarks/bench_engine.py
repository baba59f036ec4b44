"""Engine + whitespace family throughput, and memory on a 100 MB single-line file.

Run: python benchmarks/bench_engine.py [--mb 100]

Generates its inputs at run time from the seed articles (nothing large is committed):
1. a corpus of N copies of the seeds with planted whitespace defects, linted with
   `--select W` — files/s and MB/s, vs a naive per-line Python baseline a user would
   write (str.rstrip + `in` checks per line); then with every default rule (all
   families, corpus rules included) without cache, with a cold and a warm cache;
2. one file of --mb megabytes on a single line, linted in a subprocess whose peak RSS
   is reported, with `--select W` and with every default rule (target: peak RSS < 6x
   file size, no per-character Python objects; rules that build per-word data skip
   lines over engine.MAX_LINE_CHARS with one F008 finding);
3. applying 40,000 trailing-whitespace fixes to one file (apply_fixes is O(N log N)).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "samples" / "news-ar").glob("*.txt"))


def make_corpus(dest: Path, copies: int) -> int:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    total = 0
    for i in range(copies):
        for j, text in enumerate(texts):
            body = text.replace(" ", "\u00a0", i % 3) + (" \n" if i % 2 else "")
            path = dest / f"doc_{i:05d}_{j}.txt"
            path.write_text(body, encoding="utf-8")
            total += len(body.encode())
    return total


def naive_baseline(paths: list[Path]) -> int:
    """What a user would write: per-line Python checks for a few of the W rules."""
    count = 0
    for p in paths:
        for line in p.read_text(encoding="utf-8").split("\n"):
            if line != line.rstrip():
                count += 1
            count += line.count("\u00a0") + line.count("  ")
    return count


def bench_corpus(copies: int) -> None:
    from corpuslint.engine import build_registry, run

    with tempfile.TemporaryDirectory() as tmp:
        dest = Path(tmp)
        size = make_corpus(dest, copies)
        paths = sorted(dest.iterdir())
        n = len(paths)
        print(f"corpus: {n} files, {size / 1e6:.1f} MB (copies of the seeds with planted defects)")

        def timed(label: str, table: dict) -> None:
            config, registry = build_registry([tmp], table=table)
            t0 = time.perf_counter()
            result = run([tmp], config, registry)
            dt = time.perf_counter() - t0
            print(f"  {label:44s}: {dt:6.2f} s {n / dt:7.0f} files/s {size / 1e6 / dt:5.1f} MB/s"
                  f"  {len(result.findings):6d} findings")

        timed("whitespace family (--select W)", {"select": ["W"], "cache": False})
        t0 = time.perf_counter()
        naive_baseline(paths)
        print(f"  {'naive per-line Python (3 checks, no positions)':44s}: {time.perf_counter() - t0:6.2f} s")
        timed("all default rules, no cache", {"cache": False})
        timed("all default rules, cold cache (fills it)", {})
        timed("all default rules, warm cache", {})


def bench_huge_line(mb: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "huge.txt"
        # Mostly clean prose with one NBSP per ~1000 words: findings scale with defects,
        # memory must scale with the file, not with its characters.
        chunk = "كلمة عربية " * 500 + "كلمة\u00a0عربية "
        reps = mb * 1_000_000 // len(chunk.encode())
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(chunk * reps)
        size = path.stat().st_size
        for label, table in (("--select W", "{'select': ['W'], 'cache': False}"),
                             ("default rules", "{'cache': False}")):
            code = (
                "import resource, sys, time; from corpuslint.engine import build_registry, run;"
                f"c, r = build_registry([{str(path)!r}], table={table});"
                f"t = time.perf_counter(); res = run([{str(path)!r}], c, r); dt = time.perf_counter() - t;"
                "print(len(res.findings), dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
            )
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            findings, seconds, rss_kb = out.split()
            rss = int(rss_kb) * 1024
            print(f"single-line file, {label}: {size / 1e6:.0f} MB -> {findings} findings in {float(seconds):.1f} s, "
                  f"peak RSS {rss / 1e6:.0f} MB ({rss / size:.1f}x file size)")


def bench_many_fixes(n: int = 40_000) -> None:
    """apply_fixes on one file with n trailing-whitespace fixes (was all-pairs: ~40 s)."""
    from corpuslint import lint_text
    from corpuslint.engine import apply_fixes

    text = "".join(f"سطر رقم {i} \n" for i in range(n))
    found = lint_text(text, config={"select": ["W101"], "cache": False})
    t0 = time.perf_counter()
    fixed, count = apply_fixes(text, found, unsafe=False)
    dt = time.perf_counter() - t0
    print(f"apply_fixes: {count} of {len(found)} trailing-whitespace fixes in one file in {dt * 1000:.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=400, help="copies of the 5 seeds (default 400 -> 2000 files)")
    ap.add_argument("--mb", type=int, default=100, help="size of the single-line file")
    args = ap.parse_args()
    # The single-line run goes first: on Linux a child's ru_maxrss starts from its
    # parent's RSS at fork, so it must be forked while this process is still small.
    bench_huge_line(args.mb)
    bench_many_fixes()
    bench_corpus(args.copies)


if __name__ == "__main__":
    main()
