"""Where one corpus rule's reduce spends its time: pyinstrument over that reduce only.

    cd CORPUS && python benchmarks/reduce_profile.py S101 -- --no-cache --jobs 1 [--select S101] .

Runs ``corpuslint check --format json --exit-zero ARGS`` in this process (the report goes
to /dev/null) with a sampling profiler started and stopped around ``Linter._reduce_one``
of the rule CODE, and prints its call tree. ``--select CODE`` skips the document rules
(the map is then the rule's own ``collect``): a quicker loop at 100 MB of text.
pyinstrument samples wall time: on a loaded machine compare shares within one run, and
time a candidate change apart (a sample landing in a short C call is not its cost).

Example (issue 14, 100 MB of bench_scale, S101 only; shares of S101's reduce): qalsadi
~35% (pattern_slip on rejected article words, same_class on candidates), the
deletion-index candidates ~7%, spell_candidate ~5%, the merge ~5.5%, re-reading and
placing the documents with a finding ~6%.
"""

from __future__ import annotations

import argparse
import sys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("code", help="the corpus rule whose reduce is profiled (S101, S103, D104, ...)")
    ap.add_argument("--interval", type=float, default=0.002, help="sampling interval in seconds")
    ap.add_argument("check_args", nargs=argparse.REMAINDER, help="-- then corpuslint check arguments")
    args = ap.parse_args()
    check_args = args.check_args[1:] if args.check_args[:1] == ["--"] else args.check_args
    from pyinstrument import Profiler

    from corpuslint import engine
    from corpuslint.cli import main as cli_main

    reduce_one = engine.Linter._reduce_one
    profiler = Profiler(interval=args.interval)

    def profiled(self, rule, view):
        if rule.code != args.code:
            return reduce_one(self, rule, view)
        profiler.start()
        try:
            return reduce_one(self, rule, view)
        finally:
            profiler.stop()

    engine.Linter._reduce_one = profiled
    try:
        cli_main(["check", "--format", "json", "--exit-zero", "-o", "/dev/null", *check_args])
    except SystemExit:
        pass
    finally:
        engine.Linter._reduce_one = reduce_one
    print(profiler.output_text(unicode=False, color=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
