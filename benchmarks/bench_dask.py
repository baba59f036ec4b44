"""Dask executor scaling: 1, 2 and 4 workers of a LocalCluster on a generated corpus.

    python benchmarks/bench_dask.py [--mb 2] [--workers 1 2 4] [--double]

Generates ``--mb`` MB of text files (word-salad paragraphs from a fixed vocabulary,
with 2% planted near-copies of earlier files), runs ``corpuslint check`` on it with
the local executor and with ``--executor dask`` on LocalClusters of each worker count
(1 thread per worker), checks the findings are identical, and prints wall time,
speed-up over 1 worker, and the peak resident memory (ru_maxrss) of each worker and of
the client (which gathers the corpus states and runs the reduce). Workers are warmed up (rules
imported) on a one-file corpus before the clock starts.

``--double`` also runs a corpus twice as large with twice the workers, for the issue's
"per-worker peak of a 2x corpus on 2x workers <= 1.2x" check.

Note: the map is distributed, the reduce is gathered to the client (see
corpuslint/executors/dask.py), so the client's peak grows with the corpus states.
On a 2-core machine, more than 2 workers cannot speed anything up.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = ("river stone market teacher window garden letter winter morning village doctor station harbour "
         "bridge orchard kitchen lantern meadow forest valley island engine library painter season journey "
         "answer evening question silver mountain quiet early bright narrow simple heavy gentle").split()


def generate(folder: Path, mb: float, seed: int = 16) -> int:
    """Files of ~20 KB each until ``mb`` MB; every 50th file is a near-copy of an earlier one."""
    rng = random.Random(seed)
    total, i, texts = 0, 0, []
    while total < mb * 1_000_000:
        if i % 50 == 49 and texts:
            words = rng.choice(texts).split(" ")
            words[rng.randrange(len(words))] = "changed"
            text = " ".join(words)
        else:
            paras = []
            for _ in range(16):
                sents = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."
                         for _ in range(8)]
                paras.append(" ".join(sents))
            text = "\n\n".join(paras) + "\n"
            texts.append(text)
        (folder / f"doc{i:06}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode())
        i += 1
    (folder / "corpuslint.toml").write_text("", encoding="utf-8")
    return i


def _peak_kb() -> int:
    """Peak resident memory of this process in KB: VmHWM of /proc/self/status (per
    address space, so a worker started by fork+exec does not inherit its parent's peak
    as ru_maxrss does); ru_maxrss where /proc is missing."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_once(folder: Path, workers: int | None):
    from distributed import Client, LocalCluster

    from corpuslint import engine
    from corpuslint.executors import ExecutorSettings, LocalExecutor
    from corpuslint.executors.dask import DaskExecutor

    config, registry = engine.build_registry([str(folder)])
    config.use_cache = False
    if workers is None:
        t = time.perf_counter()
        findings = engine.run([str(folder)], config, registry, executor=LocalExecutor()).findings
        return time.perf_counter() - t, findings, []
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                      host="127.0.0.1", silence_logs=logging.ERROR) as cluster:
        executor = DaskExecutor(ExecutorSettings(kind="dask", scheduler=cluster.scheduler_address))
        try:
            warm = folder.parent / f"warm-up-{folder.name}"  # workers import the rules before the clock starts
            warm.mkdir(exist_ok=True)
            (warm / "a.txt").write_text("A short text.\n", encoding="utf-8")
            (warm / "corpuslint.toml").write_text("", encoding="utf-8")
            warm_config, warm_registry = engine.build_registry([str(warm)])
            engine.run([str(warm)], warm_config, warm_registry, executor=executor)
            t = time.perf_counter()
            findings = engine.run([str(folder)], config, registry, executor=executor).findings
            wall = time.perf_counter() - t
            peaks = sorted(executor.client.run(_peak_kb).values())
        finally:
            executor.close()
    return wall, findings, peaks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2; the issue asks for 100)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--double", action="store_true", help="also run 2x the corpus on 2x the largest worker count")
    args = ap.parse_args()
    from corpuslint.findings import Finding
    from corpuslint.outputs.json_format import finding_to_dict

    def as_json(fs):
        return [finding_to_dict(f) for f in sorted(fs, key=Finding.sort_key)]

    print(f"cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "c1"
        folder.mkdir()
        n = generate(folder, args.mb)
        local_wall, local, _ = run_once(folder, None)
        print(f"corpus: {args.mb} MB, {n} files; local executor: {local_wall:.1f} s, {len(local)} findings, "
              f"client peak {_peak_kb() / 1024:.0f} MB")
        base = None
        peak_at = {}
        for w in args.workers:
            wall, found, peaks = run_once(folder, w)
            same = as_json(found) == as_json(local)
            base = base or wall
            peak_at[w] = max(peaks)
            print(f"dask {w} worker(s): {wall:.1f} s, speed-up {base / wall:.2f}x, identical findings: {same}, "
                  f"peak RSS per worker (MB): {', '.join(f'{p / 1024:.0f}' for p in peaks)}, "
                  f"client peak {_peak_kb() / 1024:.0f} MB")
            if not same:
                return 1
        if args.double:
            big = Path(tmp) / "c2"
            big.mkdir()
            n2 = generate(big, 2 * args.mb)
            w = 2 * max(args.workers)
            wall, found, peaks = run_once(big, w)
            ratio = max(peaks) / peak_at[max(args.workers)]
            print(f"2x corpus ({2 * args.mb} MB, {n2} files) on {w} workers: {wall:.1f} s, peak RSS per worker "
                  f"(MB): {', '.join(f'{p / 1024:.0f}' for p in peaks)}; max per-worker peak ratio vs "
                  f"{max(args.workers)} workers on 1x: {ratio:.2f} (issue target <= 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
