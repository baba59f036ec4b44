"""CPU seconds per rule and phase of one run (issue 14, target 2): where a cold run goes.

    python benchmarks/rule_cpu.py [--min-share 0.002] -- [corpuslint check args]

Runs ``corpuslint check --format json --exit-zero ARGS`` in this process (the report goes
to /dev/null, ``--jobs 1`` is best: worker processes are not timed) and prints the
process CPU seconds (``time.process_time``) spent in each document rule's ``check``, in
each corpus rule's map step (``collect``, which includes work shared with other rules it
is the first to ask for, such as the spelling family's analysis) and ``reduce``, and the
total, with each one's share. A sampling profiler's wall time is distorted on a loaded
machine; CPU time per rule is not. Work a rule triggers on the document that a later rule
reuses (``Document.lines``, regions, the duplicate family's word table) counts for the
first rule that asks, so compare one rule's figure before and after a change, in one
period, with every rule enabled.

Example:

    cd CORPUS && python benchmarks/rule_cpu.py -- --no-cache --jobs 1 .
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time


def timed_run(check_args: list[str], cwd: str | None = None) -> tuple[collections.Counter, float]:
    """Run ``corpuslint check --format json --exit-zero CHECK_ARGS`` in this process (in
    ``cwd``; the report goes to /dev/null) and return the CPU seconds
    (``time.process_time``) per label -- ``check CODE`` per document rule, ``document rules``
    for all of them, ``collect CODE`` and ``reduce CODE`` per corpus rule, ``load hunspell``
    for reading the dictionaries -- and the whole run's. Shared by bench_map.py."""
    from corpuslint import engine, index
    from corpuslint.cli import main as cli_main
    from corpuslint.families.spelling import backends

    spent: collections.Counter[str] = collections.Counter()

    def timed(label: str, fn, *a, **k):
        t = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            spent[label] += time.process_time() - t

    compute_findings = engine.Linter.compute_findings

    def compute_findings_timed(self, doc):
        for rule in self.document_rules + self.record_rules:
            if "check" not in rule.__dict__:  # wrap each rule's check once (an instance attribute)
                check = rule.check
                rule.check = lambda d, check=check, label=f"check {rule.code}": timed(label, lambda: list(check(d)))
        return timed("document rules", compute_findings, self, doc)

    collect_one, reduce_one, load = index._collect_one, engine.Linter._reduce_one, backends._hunspell
    engine.Linter.compute_findings = compute_findings_timed
    index._collect_one = lambda rule, doc: timed(f"collect {rule.code}", collect_one, rule, doc)
    engine.Linter._reduce_one = lambda self, rule, view: timed(f"reduce {rule.code}", reduce_one, self, rule, view)
    backends._hunspell = lambda *a, **k: timed("load hunspell", load, *a, **k)
    start = time.process_time()
    real_stdout, sys.stdout = sys.stdout, open(os.devnull, "w")
    here = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        cli_main(["check", "--format", "json", "--exit-zero", *check_args])
    except SystemExit:
        pass
    finally:
        os.chdir(here)
        sys.stdout.close()
        sys.stdout = real_stdout
        engine.Linter.compute_findings, index._collect_one, engine.Linter._reduce_one = (
            compute_findings, collect_one, reduce_one)
        backends._hunspell = load
    return spent, time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-share", type=float, default=0.002, help="hide lines below this share of the total")
    ap.add_argument("check_args", nargs=argparse.REMAINDER)
    args = ap.parse_args(argv)
    spent, total = timed_run([a for a in args.check_args if a != "--"])
    print(f"{'CPU s':>8} {'share':>6}  rule / phase")
    for label, cpu in sorted(spent.items(), key=lambda kv: -kv[1]):
        if cpu >= args.min_share * total:
            print(f"{cpu:8.2f} {100 * cpu / total:5.1f}%  {label}")
    print(f"{total:8.2f} 100.0%  whole run (this process: start-up, reading, map, reduce, report)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
