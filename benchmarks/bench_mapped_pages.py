"""What reading a spilled column through its file mapping costs in resident memory (issue 14, target 1).

    python benchmarks/bench_mapped_pages.py [--mb 64] [--touches 16]

The reduces read corpus states from the spill's column files mapped read-only
(``store._Column.mapped``): pages count in the process' RSS (RssFile) once touched, until
given back (``arrays.release_pages`` / ``release_mapping``). How much one touch maps is
the kernel's business: 4 KB pages with 64 KB of fault-around on many systems, but on a
file system with large folios (ext4 on Linux 6.x) a fault maps the whole folio the page
cache holds, up to 2 MB. This prints, on this machine, the RssFile added per random
one-byte touch of a freshly written column file and after ``release_mapping``: with
~1.5 MB a touch (measured on the issue's machine, ext4, 6.18), D104 verifying 505 k
candidate pairs at random would map the whole 68 MB shingle column within a few dozen
pairs, so its verification gives pages back every 1,024 pairs and its findings every
256 clusters. Linux only (reads /proc/self/status); nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _rss_file_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("RssFile:"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=int, default=64, help="size of the column file")
    ap.add_argument("--touches", type=int, default=16, help="random one-byte reads (few: the column is soon mapped whole)")
    ap.add_argument("--targets-json", metavar="FILE", help="(accepted for benchmarks/run.py; no target here)")
    args = ap.parse_args()
    if not sys.platform.startswith("linux"):
        print("bench_mapped_pages: Linux only (RssFile of /proc/self/status); skipped")
        return 0
    import numpy as np

    from corpuslint.arrays import release_mapping
    from corpuslint.store import StateSpill

    n = (args.mb << 20) // 4
    spill = StateSpill()
    try:
        ref = spill.put({"sets": np.random.default_rng(0).integers(0, 2**32, n, dtype=np.uint32)}, "G")
        column = spill.get_many([ref])[0]["sets"]
        before = _rss_file_kb()
        t0 = time.perf_counter()
        total = 0
        for at in np.random.default_rng(1).integers(0, n, args.touches).tolist():
            total += int(column[at])
        read = _rss_file_kb()
        dt = time.perf_counter() - t0
        release_mapping(column)
        after = _rss_file_kb()
    finally:
        spill.close()
    per = (read - before) / max(1, args.touches)
    print(f"mapped column of {args.mb} MB: {args.touches} random reads added {(read - before) / 1024:.1f} MB of "
          f"RssFile ({per:.0f} KB a read, {dt * 1e6 / max(1, args.touches):.1f} us a read); "
          f"after release_mapping: {(after - before) / 1024:+.1f} MB")
    if args.targets_json:
        with open(args.targets_json, "w", encoding="utf-8") as fh:
            fh.write("{}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
