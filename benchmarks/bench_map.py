"""Benchmark: the per-document map step of a cold run, per rule (issue 14, target 2).

    python benchmarks/bench_map.py [--mb 10] [--dir DIR ...] [--top 12] [--targets-json FILE]

A whole run's CPU is the map step (every document rule's ``check`` and every corpus
rule's ``collect``, per document) plus the corpus reduces and the start-up. This bench
times the map step apart, in CPU seconds (``time.process_time``; the machine is shared,
wall time is noise), for a generated corpus (``bench_scale.generate``, written to a
temporary folder and deleted; ``--mb`` of text) and for each ``--dir`` given (e.g. the
real-text corpora of benchmarks/realtext.py), in a fresh process each (cold caches).
It prints, per corpus:

* MB/s per core of the map step alone and of the whole run: the whole run can reach
  target 2 (>= 2 MB/s per core) only if its map step is well above it;
* the CPU of the map step's parts: document rules, the spelling family's shared map
  (``collect S101``, which the other spelling rules reuse; the hunspell dictionaries are
  read inside it, once per run: ~1.5 s for Arabic, shown apart), the other corpus rules'
  maps, and the rest of the run (reading, reduces, report);
* the ``--top`` document rules and maps by CPU, with their share of the map step. Work a
  rule asks of the document first (lines, regions, the duplicate family's word table)
  counts for that rule (see ``rule_cpu.py``, which also times the reduces).

With ``--targets-json FILE`` it writes the generated corpus's map-step figure for
``run.py`` ("2 throughput: map step ...", target 2 MB/s per core: necessary, not
sufficient, for the whole run's target).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(folder: str) -> dict:
    """The run in this process (call it in a fresh one): CPU s per label, and the text's MB."""
    sys.path.insert(0, str(HERE))
    from rule_cpu import timed_run

    mb = sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file()) / 1e6
    spent, whole = timed_run(["--no-cache", "--jobs", "1", "."], cwd=folder)
    spent["whole run"] = whole
    return {"mb": mb, "cpu": dict(spent)}


def report(name: str, m: dict, top: int) -> float:
    cpu, mb = m["cpu"], m["mb"]
    doc_rules = cpu.get("document rules", 0.0)
    spelling = cpu.get("collect S101", 0.0)
    load = cpu.get("load hunspell", 0.0)  # (inside the map: the first word asked of a dictionary reads it)
    other = sum(v for k, v in cpu.items() if k.startswith("collect ") and k != "collect S101")
    map_step = doc_rules + spelling + other
    whole = cpu["whole run"]
    print(f"{name}: {mb:.1f} MB (files on disk)")
    print(f"  map step {map_step:.2f} s CPU -> {mb / max(map_step, 1e-9):.2f} MB/s per core "
          f"({mb / max(map_step - load, 1e-9):.2f} without the dictionary load); "
          f"whole run {whole:.2f} s CPU -> {mb / max(whole, 1e-9):.2f} MB/s per core")
    print(f"  map step: document rules {doc_rules:.2f} s, spelling map (collect S101) {spelling:.2f} s "
          f"({load:.2f} s of it reading hunspell dictionaries, once per run), other corpus-rule maps "
          f"{other:.2f} s; rest of the run (reading, reduces, report) {whole - map_step:.2f} s")
    parts = sorted(((v, k) for k, v in cpu.items() if k.startswith(("check ", "collect "))), reverse=True)
    for v, k in parts[:top]:
        print(f"    {v:7.2f} s {100 * v / max(map_step, 1e-9):5.1f}%  {k}")
    return mb / max(map_step, 1e-9)


def child(folder: str) -> dict:
    """``measure(folder)`` in a fresh interpreter (cold caches, no state from an earlier corpus)."""
    out = subprocess.run([sys.executable, __file__, "--child", folder], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"bench_map on {folder} failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="MB of generated text (0: none)")
    ap.add_argument("--dir", action="append", default=[], help="also a corpus folder (repeatable)")
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--targets-json", type=Path)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0
    targets = {}
    if args.mb > 0:
        sys.path.insert(0, str(HERE))
        import bench_scale

        with tempfile.TemporaryDirectory(prefix="corpuslint-map-") as tmp:
            paragraphs = int(round(args.mb * 3400))  # (bench_scale: 34,000 paragraphs ~ 10 MB)
            bench_scale.generate(Path(tmp), paragraphs)
            v = report(f"generated ({paragraphs:,} paragraphs)", child(tmp), args.top)
        targets[f"2 throughput: map step (document rules + corpus-rule maps), {args.mb:.0f} MB generated"] = {
            "value": round(v, 2), "target": 2.0, "unit": "MB/s per core (>=; necessary for the whole run's)",
            "ok": v >= 2.0}
    for folder in args.dir:
        report(folder, child(folder), args.top)
    print(f"cpu: {os.cpu_count()} cores, one process per corpus, CPU seconds (time.process_time)")
    if args.targets_json:
        old = {}
        if args.targets_json.exists():
            try:
                old = json.loads(args.targets_json.read_text(encoding="utf-8"))
            except ValueError:
                old = {}
        old.update(targets)
        args.targets_json.write_text(json.dumps(old, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
