"""Dask executor scaling: 1, 2 and 4 workers of a LocalCluster on a generated corpus.

    python benchmarks/bench_dask.py [--mb 2] [--workers 1 2 4] [--double] [--large] [--select D104,D105]
                                    [--peer-defaults] [--jsonl]

Generates ``--mb`` MB of text files (word-salad paragraphs from a fixed vocabulary,
with 2% planted near-copies of earlier files), runs the check with the local executor
and with the Dask executor on LocalClusters of each worker count (1 thread per worker),
checks the findings are identical (the JSON a ``--format json`` run prints), and prints
wall and CPU time (client + workers), speed-up over 1 worker, and per worker the peak
resident memory (VmHWM) of the whole run and of the reduce alone (the peak is reset
between map and reduce), plus the client's peak. Workers are warmed up (rules imported)
on a one-file corpus before the clock starts. The LocalCluster has the configuration
``--executor dask`` gives its own (``executors.dask.LOCAL_CLUSTER_CONFIG``: no statistical
profiler, slower monitors); ``--peer-defaults`` also runs Dask's defaults, for the ratio.

``--double`` also runs a corpus twice as large on twice the workers (default 2 -> 4)
and prints the ratio of the largest per-worker reduce peak, the issue's target being
<= 1.2 (near-duplicate reduce memory per worker bounded as the corpus grows).
``--large`` checks identity on a 100 MB corpus with 2 workers (long: tens of minutes
on 2 cores). ``--select`` restricts the rules (e.g. ``D104,D105`` for the near-duplicate
reduce alone).

Workers read the checked files; the client reads again only the files a finding needs
(see the README, "Running on a Dask cluster"). ``--mb 100 --workers 2`` is the issue's
acceptance run (every default rule, JSON findings local vs Dask; exit 1 when they differ);
``--jsonl`` writes the same texts as JSON Lines records (100 a file, read on the workers).
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


def generate(folder: Path, mb: float, seed: int = 16, jsonl: bool = False) -> int:
    """Files of ~20 KB each until ``mb`` MB; every 50th file is a near-copy of an earlier one.
    With ``jsonl``, the same texts as records of JSON Lines files of 100 records each."""
    import json

    rng = random.Random(seed)
    shard: list[str] = []
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
        if jsonl:
            shard.append(json.dumps({"text": text}))
            if len(shard) == 100:
                (folder / f"part{i // 100:05}.jsonl").write_text("\n".join(shard) + "\n", encoding="utf-8")
                shard = []
        else:
            (folder / f"doc{i:06}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode())
        i += 1
    if shard:
        (folder / f"part{i // 100:05}.jsonl").write_text("\n".join(shard) + "\n", encoding="utf-8")
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


def _reset_peak() -> int:
    """The peak so far (KB), then reset it (Linux: ``5`` in clear_refs resets VmHWM)."""
    peak = _peak_kb()
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass
    return peak


def _cpu() -> float:
    """CPU seconds of this process and its waited-for children (the local executor's forks)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _config(folder: Path, select: str | None):
    from corpuslint import engine

    config, registry = engine.build_registry([str(folder)])
    config.use_cache = False
    if select:
        from corpuslint.config import select_rules

        config.select = [c.strip() for c in select.split(",")]
        assert select_rules(config, registry.rules), select
    return config, registry


def _gathered(on: bool):
    """Make every corpus rule's reduce gathered (``reduction = None``, as a third-party
    rule's) when ``on``: the peer the distributed reduce is compared with."""
    from corpuslint.families.duplicate import corpus
    from corpuslint.families.spelling.base import SpellingCorpusRule

    classes = (corpus.CrossFileDuplicateParagraph, corpus.NearDuplicateDocument, corpus.BoilerplateLine,
               SpellingCorpusRule)
    saved = {cls: cls.__dict__.get("reduction") for cls in classes}
    if on:
        for cls in classes:
            cls.reduction = None
    return saved


def run_once(folder: Path, workers: int | None, select: str | None = None, gathered: bool = False,
             local_config: bool = True):
    """(wall s, cpu s, findings, whole-run peaks, reduce peaks, client peak) of one run (KB)."""
    from distributed import LocalCluster

    from corpuslint import engine
    from corpuslint.executors import ExecutorSettings, LocalExecutor
    from corpuslint.executors.dask import DaskExecutor

    config, registry = _config(folder, select)
    if workers is None:
        _reset_peak()
        t, c = time.perf_counter(), _cpu()
        findings = engine.run([str(folder)], config, registry, executor=LocalExecutor()).findings
        return time.perf_counter() - t, _cpu() - c, findings, [], [], _peak_kb()
    import dask

    from corpuslint.executors.dask import LOCAL_CLUSTER_CONFIG

    config_of_run = dask.config.set(LOCAL_CLUSTER_CONFIG if local_config else {})  # as `--executor dask` makes it
    with config_of_run, LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                     dashboard_address="127.0.0.1:0", host="127.0.0.1",
                                     silence_logs=logging.ERROR) as cluster:
        executor = DaskExecutor(ExecutorSettings(kind="dask", scheduler=cluster.scheduler_address))
        try:
            warm = folder.parent / f"warm-up-{folder.name}"  # workers import the rules before the clock starts
            warm.mkdir(exist_ok=True)
            (warm / "a.txt").write_text("A short text.\n", encoding="utf-8")
            (warm / "corpuslint.toml").write_text("", encoding="utf-8")
            warm_config, warm_registry = _config(warm, select)
            engine.run([str(warm)], warm_config, warm_registry, executor=executor)
            map_peaks: dict = {}
            executor.before_reduce = lambda client: map_peaks.update(client.run(_reset_peak))
            executor.client.run(_reset_peak)
            cpu0 = sum(executor.client.run(_cpu).values())
            saved = _gathered(gathered)
            _reset_peak()
            t, c = time.perf_counter(), _cpu()
            try:
                findings = engine.run([str(folder)], config, registry, executor=executor).findings
            finally:
                for cls, plan in saved.items():
                    if plan is not None:
                        cls.reduction = plan
                    elif "reduction" in cls.__dict__:
                        del cls.reduction
            wall = time.perf_counter() - t
            client_peak = _peak_kb()
            cpu = _cpu() - c + sum(executor.client.run(_cpu).values()) - cpu0
            reduce_peaks = executor.client.run(_peak_kb)
            peaks = sorted(max(map_peaks.get(w, 0), p) for w, p in reduce_peaks.items())
        finally:
            executor.close()
    return wall, cpu, findings, peaks, sorted(reduce_peaks.values()), client_peak


def _mb(kbs) -> str:
    return ", ".join(f"{k / 1024:.0f}" for k in kbs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2, 4], help="(none: skip the scaling runs)")
    ap.add_argument("--double", action="store_true", help="also run 2x the corpus on 2x the workers")
    ap.add_argument("--double-workers", type=int, default=2, help="workers of the 1x run of --double (default 2)")
    ap.add_argument("--large", action="store_true", help="identity on a 100 MB corpus, 2 workers")
    ap.add_argument("--select", help="rule codes to run (default: the default rules)")
    ap.add_argument("--jsonl", action="store_true", help="the corpus as JSON Lines files of 100 records "
                    "(read on the workers) instead of text files")
    ap.add_argument("--peer-defaults", action="store_true",
                    help="also run each worker count with Dask's default monitors and profiler (the peer of "
                         "executors.dask.LOCAL_CLUSTER_CONFIG) and print the CPU ratio")
    args = ap.parse_args()
    from corpuslint.findings import Finding
    from corpuslint.outputs.json_format import finding_to_dict

    def as_json(fs):
        return [finding_to_dict(f) for f in sorted(fs, key=Finding.sort_key)]

    print(f"cores: {os.cpu_count()}; rules: {args.select or 'default'}")
    with tempfile.TemporaryDirectory() as tmp:
        sizes = [(100.0, [2])] if args.large else [(args.mb, args.workers)] if args.workers else []
        for mb, counts in sizes:
            folder = Path(tmp) / f"c{mb:g}"
            folder.mkdir()
            n = generate(folder, mb, jsonl=args.jsonl)
            local_wall, local_cpu, local, _, _, local_peak = run_once(folder, None, args.select)
            print(f"corpus: {mb:g} MB, {n} files; local executor: {local_wall:.1f} s wall, {local_cpu:.1f} s CPU, "
                  f"{len(local)} findings, peak {local_peak / 1024:.0f} MB (its forked workers not counted)")
            base = None
            for w in counts:
                wall, cpu, found, peaks, reduce_peaks, client = run_once(folder, w, args.select)
                same = as_json(found) == as_json(local)
                base = base or wall
                print(f"dask {w} worker(s): {wall:.1f} s wall, {cpu:.1f} s CPU, speed-up {base / wall:.2f}x, "
                      f"identical findings: {same}; peak RSS per worker (MB): whole run {_mb(peaks)}, "
                      f"reduce {_mb(reduce_peaks)}; client peak {client / 1024:.0f} MB")
                if not same:
                    return 1
                if args.peer_defaults:
                    d_wall, d_cpu, d_found, *_ = run_once(folder, w, args.select, local_config=False)
                    print(f"  same with Dask's default profiler and monitors: {d_wall:.1f} s wall, {d_cpu:.1f} s CPU; "
                          f"CPU corpuslint's LocalCluster / defaults = {cpu / d_cpu:.2f}, identical findings: "
                          f"{as_json(d_found) == as_json(local)}")
        if args.double:
            w = args.double_workers
            peaks_at = {}
            for factor in (1, 2):
                folder = Path(tmp) / f"d{factor}"
                folder.mkdir()
                n = generate(folder, factor * args.mb)
                for gathered in (False, True):
                    wall, cpu, found, peaks, reduce_peaks, client = run_once(folder, factor * w, args.select, gathered)
                    peaks_at[factor, gathered] = (max(peaks), max(reduce_peaks), client)
                    print(f"{factor}x corpus ({factor * args.mb:g} MB, {n} files) on {factor * w} workers, reduce "
                          f"{'gathered' if gathered else 'distributed'}: {wall:.1f} s, {cpu:.1f} s CPU, "
                          f"{len(found)} findings; peak RSS per worker (MB): whole run {_mb(peaks)}, "
                          f"reduce {_mb(reduce_peaks)}; client peak {client / 1024:.0f} MB")
            for gathered in (False, True):
                one, two = peaks_at[1, gathered], peaks_at[2, gathered]
                print(f"reduce {'gathered' if gathered else 'distributed'}: 2x corpus on 2x workers / 1x, largest "
                      f"per-worker peak: whole run {two[0] / one[0]:.2f}, reduce {two[1] / one[1]:.2f}"
                      f"{'' if gathered else ' (issue target <= 1.2)'}; client peak {two[2] / one[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
