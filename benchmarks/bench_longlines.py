"""Pathological layouts: CPU and peak RSS of one ``corpuslint check`` on each case.

    python benchmarks/bench_longlines.py [--cues 10000] [--lines 200] [--run 5000] [--keep DIR]

Cases, generated at run time (nothing committed), each in a folder of its own (the
corpus scope would otherwise read the others):

* ``columns.txt``: ``--lines`` lines, a different 6-letter first cell padded by
  ``--run`` spaces to one column, then words (W103's column checks walk the neighbour
  lines of every run: they were quadratic in the run's length);
* ``tags.srt``: ``--cues`` SubRip cues, each a line of 20 inline tags (``<i>w0</i>
  ... <b>x9</b>``): 40 markup regions a cue; and the same bytes as ``tags.txt``.

One ``corpuslint check --no-cache --format json`` subprocess per case, default rules;
CPU seconds (user + system) and peak RSS from ``os.wait4``; the number of findings is
printed so that a fast wrong answer shows. Printed, never asserted.

Measured 2026-12-02 (2 shared cores, load 15-25), lead -> rec13:
columns.txt (200 lines x 5,000 spaces) 9.60 -> 1.36 s CPU; tags.srt of 10 k cues
(2.4 MB) 10.65 s / 405 MB -> 7.23 s / 277 MB (A106 made and the engine dropped 406,920
findings on the cues' tags); findings byte-identical. In one run of this script each
(load 15-18): columns.txt 10.20 -> 1.65 s; tags.srt 10.15 s / 388 MB -> 6.76 s / 266 MB;
tags.txt 24.4 s / 403 MB -> 24.0 s / 394 MB (not changed: 400,004 real A106 findings,
one per tag of a plain-text file).
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
import time


def columns(n: int, run: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    lines = []
    for _ in range(n):
        cell = "".join(rng.choice("abcdefghij") for _ in range(6)).capitalize()
        words = " ".join(rng.choice(["alpha", "beta", "gamma", "delta", "word", "text"]) for _ in range(3))
        lines.append(cell + " " * run + words + ".")
    return "\n".join(lines) + "\n"


def cues(n: int) -> str:
    def stamp(x: int) -> str:
        return f"{x // 3600:02d}:{x // 60 % 60:02d}:{x % 60:02d},000"

    line = " ".join(f"<i>w{j}</i>" for j in range(10)) + " " + " ".join(f"<b>x{j}</b>" for j in range(10))
    return "\n".join(f"{i + 1}\n{stamp(2 * i)} --> {stamp(2 * i + 1)}\n{line}\n" for i in range(n))


def measure(folder: str, name: str) -> None:
    cmd = [sys.executable, "-m", "corpuslint", "check", "--no-cache", "--format", "json", "--exit-zero",
           "-o", os.path.join(folder, "out.json"), name]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=folder)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    with open(os.path.join(folder, "out.json"), encoding="utf-8") as fh:
        found = len(json.load(fh)["diagnostics"])
    mb = os.path.getsize(os.path.join(folder, name)) / 1e6
    print(f"{name:12} {mb:5.1f} MB: CPU {usage.ru_utime + usage.ru_stime:6.2f} s, wall {wall:6.1f} s, "
          f"peak RSS {usage.ru_maxrss / 1024:5.0f} MB, {found:,} findings, exit {os.waitstatus_to_exitcode(status)}",
          flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cues", type=int, default=10_000)
    ap.add_argument("--lines", type=int, default=200)
    ap.add_argument("--run", type=int, default=5_000)
    ap.add_argument("--keep", help="generate into DIR and keep it")
    args = ap.parse_args()
    root = args.keep or tempfile.mkdtemp(prefix="bench-longlines-")
    try:
        subtitles = cues(args.cues)
        for name, text in [("columns.txt", columns(args.lines, args.run)), ("tags.srt", subtitles),
                           ("tags.txt", subtitles)]:
            folder = os.path.join(root, name.replace(".", "-"))
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
                fh.write(text)
            measure(folder, name)
        print(f"(load average {os.getloadavg()[0]:.1f})")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
