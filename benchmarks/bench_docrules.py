"""Paired CPU of the document rules, one source tree against another (issue 14, target 2).

    python benchmarks/bench_docrules.py --dir CORPUS --tree /work/main --tree . [--reps 3] [--top 12]

The machine is shared, so two builds are compared in runs started together: for each
repetition, one child process per ``--tree`` (its ``corpuslint`` and plugin imported from
that tree: ``TREE`` and ``TREE/plugins/corpuslint-quality`` on ``PYTHONPATH``) reads every
``*.txt`` of ``--dir`` into ``Document`` objects, then runs every enabled document rule on
every document in the engine's order, timing each rule's ``check`` in CPU seconds
(``time.process_time``). Work a rule asks of the document first (lines, regions, the
duplicate family's analysis, the quality rules' prose) counts for that rule, as in
``rule_cpu.py``. It prints each rule's seconds per tree (the ``--top`` largest), the total,
and whether the trees' findings are the same (each finding's ``repr``, in order).

Example (10 MB: ``bench_scale.generate(Path(DIR), 34000)``):

    python benchmarks/bench_docrules.py --dir /tmp/gen-10 --tree /work/main --tree . --reps 3

``--readers`` reads every file through the configured readers instead (a .po catalogue:
one document per string; each rule skips the kinds it skips in a run), e.g. on 102
LibreOffice catalogues (ka, bn, th; 30,536 strings), where D103 skips a one-line string
without its sentence analysis (``local.at_most_one_sentence``; cpu16, one pair at load ~14):

    python benchmarks/bench_docrules.py --dir PO_DIR --readers --tree /work/main --tree . --reps 1
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path


def _read_documents(folder: str, cfg, registry) -> list:
    """Every document the configured readers make of ``folder``'s files (a .po file: one
    document per string), as ``corpuslint check`` reads them (not timed)."""
    from corpuslint import files
    from corpuslint import readers as R
    from corpuslint.document import Document

    docs = []
    sources = files.discover([folder], cfg, R.walk_suffixes(registry.readers))
    for _source, _reader, got in R.iter_sources(sources, registry.readers, cfg):
        docs.extend(d for d in ([got] if not hasattr(got, "__next__") else got) if isinstance(d, Document))
    return docs


def measure(folder: str, readers: bool = False) -> dict:
    """In this process: CPU seconds per document rule over ``folder``'s .txt files (with
    ``readers``: every document its readers make, each rule skipping the document kinds
    it skips in a run), and a digest of the findings."""
    from corpuslint.document import Document
    from corpuslint.engine import Linter, build_registry, skips_kind

    cfg, registry = build_registry([folder])
    linter = Linter(cfg, registry)
    if readers:
        docs = _read_documents(folder, cfg, registry)
    else:
        docs = [Document(os.path.relpath(p, folder), p.read_text(encoding="utf-8"))
                for p in sorted(Path(folder).glob("*.txt"))]
    spent: dict[str, float] = {}
    digest = hashlib.sha256()
    start = time.process_time()
    for doc in docs:
        rules = linter.record_rules if getattr(doc, "record", None) is not None else linter.document_rules
        for rule in rules:
            if readers and skips_kind(rule, doc):
                continue
            t = time.process_time()
            found = list(rule.check(doc))
            spent[rule.code] = spent.get(rule.code, 0.0) + time.process_time() - t
            for f in found:
                digest.update(repr(f).encode("utf-8", "surrogatepass"))
    return {"cpu": spent, "total": time.process_time() - start, "docs": len(docs), "findings": digest.hexdigest()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", required=True)
    ap.add_argument("--tree", action="append", default=[], help="a source tree (repeatable; two to compare)")
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--readers", action="store_true",
                    help="read every file through the configured readers (a .po file: one document per string)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.dir, args.readers)))
        return 0
    trees = [os.path.abspath(t) for t in args.tree] or [str(Path(__file__).resolve().parent.parent)]
    for rep in range(1, args.reps + 1):
        procs = []
        for tree in trees:  # started together: both see the same load
            env = dict(os.environ, PYTHONPATH=os.pathsep.join((tree, os.path.join(tree, "plugins", "corpuslint-quality"))))
            procs.append(subprocess.Popen([sys.executable, __file__, "--child", "--dir", args.dir,
                                           *(["--readers"] if args.readers else [])], env=env,
                                          stdout=subprocess.PIPE, text=True))
        results = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
        print(f"run {rep}: CPU s per document rule ({results[0]['docs']} documents)   " + "   ".join(trees))
        codes = sorted(results[0]["cpu"], key=lambda c: -results[0]["cpu"][c])[: args.top]
        for code in codes:
            print(f"  {code:6}" + "".join(f"{r['cpu'].get(code, 0.0):10.3f}" for r in results))
        print("  total " + "".join(f"{r['total']:10.3f}" for r in results))
        if len(results) > 1:
            same = len({r["findings"] for r in results}) == 1
            print(f"  findings {'identical' if same else 'DIFFER'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
