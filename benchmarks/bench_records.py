"""D107 duplicate-record at scale: CPU and peak RSS on N generated short records.

    python benchmarks/bench_records.py [--records 1000000] [--dup 0.1] [--jobs 1] [--select D107] [--keep DIR]

A JSON Lines file of ``--records`` short records (3-12 words drawn from a 2,000-word
vocabulary, ~60 bytes each) is generated at run time in a temporary folder (nothing is
committed); a ``--dup`` share of them repeat an earlier record (every other one with its
white space changed, which D107 ignores). One ``corpuslint check --select D107
--no-cache`` subprocess is measured: CPU seconds (user + system) and peak RSS come from
``os.wait4``. Printed, never asserted. The findings are checked against the planted
copies (their number), so a fast wrong answer does not pass unnoticed.

Measured 2026-12-02 (2 shared cores, load 10-23): 1 M records, 61.9 MB, 100,147 planted
copies, all found: 78.4 s CPU, 2.93 GB peak RSS; the same file with ``--select W101``
(a document rule: reading, holding the records, the map) 63.5 s, 1.50 GB. D107's share,
~15 s and ~1.4 GB, is mostly the engine's per-document state handling (one spilled and
decoded state per record), not its reduce (3.9 s of 50 k records' 137 s under cProfile).

Measured 2026-12-02 again, lead (85d88e9) and rec13 side by side in one run (load 14-28):
1 M records, D107: lead 81.4 s CPU, 2,928 MB peak RSS; rec13 73.9 s, 1,770 MB (a mapped
record's Document is dropped, only the store's bare copy is kept; ``_Unspill`` counts only
states several rules share). 100 k records, default rules: 593 -> 532 MB, JSON identical.

Measured 2026-12-03, lead (c1e4479) and rec15 side by side (load 17-35): 1 M records, D107:
lead 78.4 s CPU, 1,770 MB; rec15's first commit 71.6 s, 1,380 MB (a record held as its text,
hash, number and name with its other fields in one shared tuple; no dict by offset beside
the states read back; no per-record directive pair or empty findings list). Where lead's
1,770 MB went (``benchmarks/peak_where.py --step 40``): ~430 MB once the records are read,
~1,400 MB at the end of the map (a bare RecordDocument, a Collected with a one-entry dict
of states, a findings cache entry and a directive entry per record), +200 MB decoding the
states (dicts by offset), +145 MB in D107's reduce and findings. tracemalloc at 20 k
records (snapshots at each stage), traced at the end of the map: lead 45.0 MB, rec15
33.4 MB (~580 bytes less per record). rec15 with the Collected tuple and the clean-document
table too (a second pair, load 35-38, so the wall time means nothing): 67.5 s CPU, 1,263 MB
peak RSS, all 100,147 copies found; lead in the same pair 74.9 s, 1,770 MB; the two
JSON reports byte-identical.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time


def generate(path: str, n: int, dup: float, seed: int = 1) -> int:
    """Write ``n`` records to ``path``; returns how many repeat an earlier record."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(2000)]
    made: list[str] = []
    copies = 0
    seen: set[str] = set()
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            if made and rng.random() < dup:
                text = rng.choice(made)
                if i % 2:
                    text = text.replace(" ", "  ", 1) + "\n"
                copies += 1
            else:
                text = " ".join(rng.choice(vocab) for _ in range(rng.randint(3, 12))).capitalize() + "."
                if text in seen:
                    copies += 1  # (drawn twice by chance: a copy too)
                seen.add(text)
                if len(made) < 200_000:
                    made.append(text)
            fh.write(json.dumps({"text": text}) + "\n")
    return copies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--dup", type=float, default=0.1)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--select", default="D107", help="rules checked (D107; '' for the default rules, whose "
                    "findings are not compared with the planted copies)")
    ap.add_argument("--keep", help="generate into DIR and keep it")
    args = ap.parse_args()
    tmp = args.keep or tempfile.mkdtemp(prefix="bench-records-")
    os.makedirs(tmp, exist_ok=True)
    data = os.path.join(tmp, "records.jsonl")
    planted = generate(data, args.records, args.dup)
    mb = os.path.getsize(data) / 1e6
    cmd = [sys.executable, "-m", "corpuslint", "check", *(["--select", args.select] if args.select else []),
           "--no-cache", "--format", "json", "--exit-zero",
           "--jobs", str(args.jobs), "-o", os.path.join(tmp, "out.json"), "records.jsonl"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=tmp)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    with open(os.path.join(tmp, "out.json"), encoding="utf-8") as fh:
        found = sum(1 for d in json.load(fh)["diagnostics"] if d.get("code") == "D107")
    cpu = usage.ru_utime + usage.ru_stime
    print(f"records {args.records:,} ({mb:.1f} MB), planted copies {planted:,}, D107 findings {found:,} "
          f"({'same' if found == planted else 'DIFFERENT'}), exit {os.waitstatus_to_exitcode(status)}")
    print(f"--select {args.select or '(default rules)'}, jobs {args.jobs}: CPU {cpu:.1f} s (user {usage.ru_utime:.1f} + sys {usage.ru_stime:.1f}), "
          f"wall {wall:.1f} s, peak RSS {usage.ru_maxrss / 1024:.0f} MB, load {os.getloadavg()[0]:.1f}")
    if not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
