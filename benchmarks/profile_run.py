"""Where a run's memory and CPU go, phase by phase (issue 14, targets 1 and 4).

    python benchmarks/profile_run.py [--top N] [--frames K] -- [corpuslint check args]

Runs ``corpuslint check --format json --exit-zero ARGS`` in this process (the report
goes to /dev/null) and prints, after the map step, after the corpus states are
collected (with the cache: the index read, filled and written), after each corpus
rule's reduce and after the report is written: the CPU seconds of this process (the
parent) and of its worker processes (``--jobs 2``: the map's and the per-target
reduces' workers) spent in that phase, the peak RSS so far (VmHWM) and the RSS now
(VmRSS, and its file-backed part RssFile: mapped spill columns, libraries; for a reduce,
also the RSS as it began, its states read back). With ``--jobs 2``
the reduces of several rules run at once (``engine.Linter._reduce_in_lanes``): a rule
reduced in a forked child prints its line from there, its CPU counted from the fork
(its wall from the last point of the parent before the fork); the parent's next line
counts the children it waited for as "workers". It ends with a load-independent lower
bound of the wall time on idle cores: each phase takes max(parent CPU, all CPU / cores)
(a phase ends where the parent starts a worker pool, too: what it did before ran alone).
With ``--top N``
it also takes a tracemalloc snapshot at each point and prints the N lines holding the
most memory (tracemalloc slows the run 2-3x and sees only Python allocations: not
hunspell's).

Example (profile first, then optimise):

    cd CORPUS && python benchmarks/profile_run.py --top 15 -- --no-cache --jobs 1 .
    cd CORPUS && python benchmarks/profile_run.py -- --no-cache --jobs 2 .
"""

from __future__ import annotations

import argparse
import linecache
import os
import resource
import sys
import time


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def _status_mb(field: str = "VmHWM") -> float:
    """``field`` of /proc/self/status in MB: VmHWM (peak RSS so far) or VmRSS (RSS now)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hwm_mb() -> float:
    return _status_mb("VmHWM")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=0, help="tracemalloc: the N lines holding the most memory")
    ap.add_argument("--frames", type=int, default=1, help="tracemalloc frames kept per allocation")
    ap.add_argument("args", nargs=argparse.REMAINDER, help="-- then the corpuslint check arguments")
    opts = ap.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    tracemalloc = None
    if opts.top:
        import tracemalloc

        tracemalloc.start(opts.frames)

    import corpuslint.engine as engine
    from corpuslint.cli import main as cli_main
    from corpuslint.outputs import json_format

    main_pid = os.getpid()
    last = [_cpu(), time.perf_counter()]
    total = [0.0, 0.0]
    # [parent, workers, open] CPU of the parent's phases; a phase that ends with reduces
    # running in child processes (engine._Lane) is one with the next ones until they end
    blocks: list[list] = []
    lanes_open = [0]

    def mark(label: str) -> None:
        now, t = _cpu(), time.perf_counter()
        parent, workers = now[0] - last[0][0], now[1] - last[0][1]
        total[0] += parent
        total[1] += workers
        if os.getpid() == main_pid:
            if blocks and blocks[-1][2]:
                blocks[-1][:] = [blocks[-1][0] + parent, blocks[-1][1] + workers, lanes_open[0] > 0]
            else:
                blocks.append([parent, workers, lanes_open[0] > 0])
        print(f"{label:34s} parent {parent:7.1f} s CPU  workers {workers:7.1f} s CPU  wall {t - last[1]:7.1f} s  "
              f"peak RSS so far {_hwm_mb():6.0f} MB  now {_status_mb('VmRSS'):6.0f} MB"
              f" (file-backed {_status_mb('RssFile'):4.0f} MB)", file=sys.stderr, flush=True)
        if tracemalloc is not None:
            current, peak = tracemalloc.get_traced_memory()
            print(f"    tracemalloc: current {current / 2**20:.1f} MB, peak since the last point {peak / 2**20:.1f} MB",
                  file=sys.stderr)
            snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
            for stat in snap.statistics("lineno")[: opts.top]:
                frame = stat.traceback[0]
                code = linecache.getline(frame.filename, frame.lineno).strip()[:80]
                print(f"    {stat.size / 2**20:8.1f} MB {stat.count:9d}  {frame.filename}:{frame.lineno}  {code}",
                      file=sys.stderr)
            tracemalloc.reset_peak()
        last[:] = [_cpu(), time.perf_counter()]  # (the snapshot's own cost is not counted)

    collect = engine.collect_corpus_states

    def collect_marked(*a, **k):
        mark("map")
        states = collect(*a, **k)
        mark("corpus states collected")  # (with the cache: the index read, filled and written)
        return states

    reduce_one = engine.Linter._reduce_one

    def reduce_marked(self, rule, view):
        before = _status_mb("VmRSS")  # this rule's states read back, the reduce not begun
        found = reduce_one(self, rule, view)
        child = "" if os.getpid() == main_pid else "  [in a child process]"
        mark(f"reduce {rule.code} ({len(found)} findings, from {before:.0f} MB){child}")
        return found

    # a reduce in a forked child (engine._Lane: rules reduced at the same time) counts
    # its own CPU from the fork; the parent counts the child's once it has waited for it
    os.register_at_fork(after_in_child=lambda: last.__setitem__(slice(None), [(0.0, 0.0), time.perf_counter()]))

    from concurrent.futures import ProcessPoolExecutor

    pool_init = ProcessPoolExecutor.__init__

    def pool_marked(self, *a, **k):  # what the parent did before it starts workers runs alone
        if os.getpid() == main_pid:
            mark("  (here, before a worker pool)")
        pool_init(self, *a, **k)

    ProcessPoolExecutor.__init__ = pool_marked
    lane = getattr(engine, "_Lane", None)
    if lane is not None:
        fork, result = lane.fork.__func__, lane.result

        def fork_counted(cls, *a, **k):
            forked = fork(cls, *a, **k)
            lanes_open[0] += 1
            return forked

        def result_counted(self):
            try:
                return result(self)
            finally:
                lanes_open[0] -= 1

        lane.fork, lane.result = classmethod(fork_counted), result_counted

    write = json_format.write

    def write_marked(result, stream):
        mark("rest before the report")
        write(result, stream)

    engine.collect_corpus_states = collect_marked
    engine.Linter._reduce_one = reduce_marked
    json_format.write = write_marked
    stdout = sys.stdout
    sys.stdout = open(os.devnull, "w", encoding="utf-8")
    try:
        cli_main(["check", "--format", "json", "--exit-zero", *args])
    finally:
        sys.stdout.close()
        sys.stdout = stdout
    mark("report written")
    share = total[0] / max(total[0] + total[1], 1e-9)
    print(f"total: parent {total[0]:.1f} s CPU, workers {total[1]:.1f} s CPU (parent {share:.0%}); "
          f"peak RSS {_hwm_mb():.0f} MB", file=sys.stderr)
    cores = os.cpu_count() or 1
    estimate = sum(max(p, (p + w) / cores) for p, w, _ in blocks)
    print(f"wall on {cores} idle cores, estimated from CPU: {estimate:.1f} s (at least: each phase of the "
          f"parent takes its CPU or all CPU / {cores}, the larger; phases while reduces run in child processes "
          f"are one); the measured wall depends on the other work on the machine (load average "
          f"{os.getloadavg()[0]:.1f})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
