"""Shares of one run's CPU time by function, sampled (issue 14, target 2: where a cold run goes).

    cd CORPUS && python benchmarks/sample_cpu.py [--interval 0.002] [--top 40] -- [corpuslint check args]

Runs ``corpuslint check ARGS`` in this process with a CPU-time interval timer
(``signal.setitimer(ITIMER_PROF)``: it fires after ``--interval`` seconds of user + sys
CPU of this process, whatever the machine's load) and, at each tick, records the Python
stack: the innermost function ("self": its own code and the C calls it makes, e.g.
hunspell's ``spell`` or a numpy kernel) and every function on the stack once
("inclusive"). Prints both as shares of the samples, largest first; each function is
``(file, first line, name)``, the file relative to site-packages or this tree.

Why besides ``rule_cpu.py`` and ``stage_cpu.py`` (CPU per rule and stage): it looks inside a
stage. Why not cProfile: cProfile's cost is per Python call, so deep pure-Python call trees
(qalsadi, libqutrub, per-sentence loops) look several times their size against C calls
(a call into hunspell or numpy costs it one event); a sampler's cost is per tick (~1% at
2 ms) and lands where the CPU is. Example (cpu25, lead ae2fcfa, 10 MB of bench_scale,
default rules, load ~13): cProfile gave qalsadi's noun and verb stemmers ~25% of S101's
reduce and SQLite look-ups ~5%; timed apart they cost 0.30 s and 0.08 s of a 5.9 s
``--select S101,S103`` run, and this sampler puts hunspell's own ``spell`` at 12.9% of the
whole default run (1.13 s: 15,713 rejected verdicts at ~65 us, 4,380 accepted at ~27 us).

Only this process is sampled (``--jobs 1``). Signal handlers run between bytecodes, so a
sample during a long C call lands on the Python frame that made it, after it returns, and
the ticks during one C call make one sample: a long call is undercounted (cpu44: the
Arabic dictionary's read, 0.62 s in one hunspell call, showed as 0.3% of a 15 s run;
hunspell's ``spell``, ~30-70 us a call, is counted fairly). The kernel's timer ticks set
the real interval: 3,265 samples at ``--interval 0.002`` for ~15 s of CPU (one every
~4.5 ms); the shares hold, the absolute seconds do not.

``--tree NAME`` also prints the call tree below every frame whose function is NAME (or
whose ``file:line:name`` ends with it), each node with its share of the run and its
self share, down to ``--depth`` levels and nodes of at least ``--min`` percent (cpu44:
``--tree in_turns`` for S101's reduce, ``--tree _count_word`` for qalsadi).
"""

from __future__ import annotations

import argparse
import collections
import os
import signal
import sys

_TREE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def _where(code) -> tuple[str, int, str]:
    """(file, first line, name) of a code object, the file shortened."""
    path = code.co_filename.split(os.sep + "site-packages" + os.sep)[-1]
    if path.startswith(_TREE):
        path = path[len(_TREE) :]
    return path, code.co_firstlineno, code.co_name


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--interval", type=float, default=0.002, help="CPU seconds between samples")
    ap.add_argument("--top", type=int, default=40, help="print the N largest lines of each table")
    ap.add_argument("--tree", action="append", default=[], help="print the call tree below this function")
    ap.add_argument("--depth", type=int, default=4, help="levels of a --tree")
    ap.add_argument("--min", type=float, default=0.2, help="smallest node of a --tree, in percent")
    ap.add_argument("args", nargs=argparse.REMAINDER, help="-- then the corpuslint check arguments")
    opts = ap.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args

    own: collections.Counter = collections.Counter()
    inclusive: collections.Counter = collections.Counter()
    samples = [0]

    stacks: list[tuple] = []  # (--tree) each sample's stack, outermost first

    def tick(_signum, frame) -> None:
        samples[0] += 1
        own[_where(frame.f_code)] += 1
        seen = set()
        stack = []
        while frame is not None:
            key = _where(frame.f_code)
            stack.append(key)
            if key not in seen:
                seen.add(key)
                inclusive[key] += 1
            frame = frame.f_back
        if opts.tree:
            stacks.append(tuple(reversed(stack)))

    from corpuslint.cli import main as cli_main

    signal.signal(signal.SIGPROF, tick)
    signal.setitimer(signal.ITIMER_PROF, opts.interval, opts.interval)
    try:
        code = cli_main(args)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    n = max(samples[0], 1)
    out = sys.stderr
    print(f"{samples[0]} samples, one every {opts.interval * 1000:g} ms of CPU", file=out)
    for title, table in (("self", own), ("inclusive", inclusive)):
        print(f"--- {title}", file=out)
        for (path, line, name), count in table.most_common(opts.top):
            print(f"{100 * count / n:6.1f}%  {path}:{line} {name}", file=out)
    for root in opts.tree:
        _print_tree(stacks, root, n, opts.depth, opts.min, out)
    return code


def _print_tree(stacks: list[tuple], root: str, n: int, depth: int, smallest: float, out) -> None:
    """The call tree below the outermost frame of each stack whose function is ``root``
    (or whose ``file:line:name`` ends with it): each node's share of all ``n`` samples
    and its self share, children largest first."""
    below = []
    for stack in stacks:
        for i, (path, line, name) in enumerate(stack):
            if name == root or f"{path}:{line}:{name}".endswith(root):
                below.append(stack[i + 1:])
                break
    print(f"--- tree below {root}: {100 * len(below) / n:.1f}% of the samples", file=out)

    def show(paths: list[tuple], level: int) -> None:
        if level > depth:
            return
        for key, count in collections.Counter(p[0] for p in paths if p).most_common():
            if 100 * count / n < smallest:
                break
            sub = [p[1:] for p in paths if p and p[0] == key]
            mine = sum(1 for p in sub if not p)
            print(f"{'  ' * level}{100 * count / n:5.1f}% (self {100 * mine / n:4.1f}%)  {key[0]}:{key[1]} {key[2]}",
                  file=out)
            show(sub, level + 1)

    show(below, 1)


if __name__ == "__main__":
    raise SystemExit(main())
