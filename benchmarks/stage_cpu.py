"""Exclusive CPU seconds of each stage of one run (issue 14, target 2: where a cold run goes).

    cd CORPUS && python benchmarks/stage_cpu.py [--top N] -- [corpuslint check args]

Runs ``corpuslint check ARGS`` in this process with a timer (``time.process_time``,
user + sys of this process: load-independent) around each stage, and prints every
stage's seconds and share of the run, largest first. A stage's time excludes the
stages it calls (a rule's ``check`` that first asks a ``Document`` view pays only for
its own work; the view is its own line). Stages:

* ``read+decode``: ``files.load`` (bytes read, decoded, content-hashed), in the map and
  again in the reduces (a reduce reads a target back for a finding);
* ``Document.<view>``: each cached view of a document (lines, regions, words...), by
  whichever rule asks first;
* ``doc rule CODE``: a document rule's ``check``, iterated;
* ``map CODE``: a corpus rule's ``collect`` (the spelling rules share one analysis:
  the first asking, S101, pays for it);
* ``spill put``: corpus states written to the ``--no-cache`` spill;
* ``reduce CODE``: a corpus rule's reduce, with its findings' region filter;
* ``(other)``: start-up (imports), the read plan, the report.

Then the same CPU by rule family (each rule's ``family``; the rest is "engine"), each
with the MB/s per core it would allow were it the whole run, and target 2 as a budget:
the CPU the run may take at 2 MB/s per core of the text it read (each file's size once),
against the run with and without its largest family.

Only the one-process run is timed (``--jobs 1``: with ``--jobs 2`` the workers' CPU is
not seen). The timer costs ~5% of the run.

Measured at 2026-12-03 (lead bb9edf5, cold ``--no-cache --jobs 1 --format json``,
load 15-22), largest stages (seconds, share):

    corpus (bench_scale)      10 MB (340 files)   100 MB (3,400 files)
    reduce S101               3.33  19%           24.70  16.6%
    map S101 (spelling)       3.81  22%           18.33  12.3%
    doc rule D103             1.62   9%           16.22  10.9%
    reduce S103               0.53   3%            8.17   5.5%
    doc rule D101             0.79   5%            7.57   5.1%
    doc rule A103             0.52   3%            5.47   3.7%
    doc rule D102             0.52   3%            5.12   3.4%
    Document.words            0.48   3%            5.03   3.4%
    read+decode               0.39   2%            4.29   2.9%  (29,322 reads of 3,400 files)
    Document.sentences        0.25   1.5%          3.55   2.4%
    all document rules                            60.9   41%
    all reduces                                   38.9   26%
    all corpus-rule maps                          26.1   18%
    all Document views                            13.4    9%
    total                    17.2                148.8   (0.71 MB/s per core)

cpu17 (paired with lead, started together, load ~27, 10 MB): total 20.94 -> 20.42 s;
read+decode 0.58 s (2,656 reads) -> 0.43 s (1,669: a corpus rule's findings are
filtered by the regions the map stored, ``DocumentStore.outside``); Document.sentences
0.29 s -> 0 (given by D103's ``paragraph_sentences`` when each unit is one line);
D103 1.78 -> 1.89 s (it now compares its units with the lines); JSON identical.

The S101 map at 30 MB (1,000 files, cProfile): 38% hunspell ``spell`` (31,006 calls for
21,188 distinct cleaned words, ~75 us each: a rejected word tries its retries), 29%
tokenising (one regex split, the token and gap ids), the rest numpy; plus a fixed
~1.4 s to read the Arabic dictionary.

cpu18 (lead 1e0f3de, load 15-40). 100 MB, this tool: reduce S101 31.8 s, map S101 19.1,
D103 18.5, reduce S103 10.3, D101 7.8, A103 5.6, Document.words 5.2, D102 5.2 (156 s in
all). S101 alone at 100 MB (``s101_calls.py``, timers around its parts): hunspell 102,393
calls for 88,518 distinct words (11.6 s, ~2.4 s of it reading the ar and fa_IR
dictionaries); qalsadi 4,517 distinct words (7.0 s: noun stemmer 2,707 words, verb
stemmer 2,444, whole analyses 1,222; ~1.1 ms a call, each word and stemmer once); in the
reduce (exclusive s): context_evidence 4.2 (26,139 occurrences), pattern look-ups 3.9 and
same_class 1.9 (mostly qalsadi), merge 1.8, possible_rows 1.7, documents read again 1.6,
candidates 1.3, spell_key 1.3 (220,758 calls). Cuts, exact: S101's candidate verdicts from
the merged corpus (``LangCorpus.known``: reduce spell calls 3,743 -> 2,607 at 10 MB), each
candidate's corpus spelling once per occurrence (spell_key 22,963 -> 17,799 at 10 MB),
D103's ``_names`` without counting letters in a sentence with no ASCII letter (17.3 ->
1.2 us a sentence). 10 MB, 3 pairs (S101 cuts): 16.18 -> 16.04 s CPU (-0.9%); 3 pairs
(all cuts): 17.83 -> 17.58 s (-1.4%); 100 MB pair (S101 cuts): 134.2 -> 133.1 s (-0.85%,
0.785 -> 0.792 MB/s per core). JSON identical in every pair. No single cut gets near the
2.5x still missing: the largest remaining pieces are hunspell (one call per distinct word
already, ~100 us each) and qalsadi (one call per distinct word and stemmer, ~1.1 ms).

cpu19 (lead 68eb06b, load 24-37, cold ``--no-cache --jobs 1 --format json``, all rules).
cProfile on CPU time (``cProfile.Profile(time.process_time)``), 100 MB, ``--select
S101,S103`` (101 s under the profiler): map 20.8 s (``_analyse_lang`` 18.3: hunspell
``resolve`` 8.6, tokenising 5.8); S101's reduce 52.5 (``context_evidence`` 30.9, of it the
morphology through ``pattern_slip`` 11.8 and ``same_class`` 5.6; ``possible_rows`` 10.5,
8.1 of it ``pattern_slip`` on rejected words the corpus has often; the merge 3.4); S103's
reduce 12.5 (``_check`` 10.4 for 54,789 findings; reading the Arabic dictionary again for
``_alef_seat_only`` 1.3). Rejected occurrences are nearly all distinct words (10 MB: 5,278
``context_evidence`` calls, 4,902 words; 12,701 ``spell_candidate`` calls, all distinct):
no per-word memo pays there. Cut: S103 asks its alef-seat verdicts before S101 drops the
dictionary (``prefetch_verdicts``; 45 words, 0.05 s at 10 MB; 522 words, 0.15 s of
hunspell at 100 MB, plus S103's variant groups, 0.21 s, made earlier rather than later). Pairs started together:
10 MB 15.33 -> 14.09 s and 15.62 -> 14.27 s CPU (-8.1%, -8.6%); 100 MB 121.32 -> 121.03 s
(the same ~1.3 s, below the noise of one pair at that load); JSON identical in each.

cpu23 (lead feb611b, load 11-15, cold ``--no-cache --jobs 1 --format json``, default rules,
lead and cpu23 started together). This tool, 100 MB: total 81.36 -> 77.65 s; reduce D105
4.47 -> 1.86 (its exact verification: 182 k candidate pairs of ~1,360 shingles whose
Jaccard is ~0.45, none kept, once counted by dense ids rebuilt per chunk of 65 k pairs:
a sort and a binary search of 4.5 M values each time; now a slot table per first set),
reduce D104 2.46 -> 1.95 (505 k pairs of ~22 values: a binary search per pair -> the
tagged values of 64 pairs sorted together), D103 10.73 -> 9.91 (``crossed_terms`` on
2,306 pairs at 10 MB 0.075 -> 0.030 s; ``numbered_verses`` matched line by line, not by a
MULTILINE scan that cost ~0.4 ms a document), Q101 1.29 -> 1.16 (the formulaic openings in
one match). ``/usr/bin/time`` pairs: 100 MB 81.44 -> 77.79 s CPU (user+sys, -4.5%; 1.27 ->
1.33 MB/s per core at that load), peak RSS 211,512 -> 211,664 KB; 10 MB 9.87 -> 9.54 s
(-3.3%), 126,024 -> 125,736 KB; JSON identical (85,233 and 9,955 findings; samples/ and 10
real-text corpora: Arabic, vocalised Arabic, Persian, Russian, Greek, Thai, CJK, English
fortunes, Markdown docs). Left: the spelling family (S101 map 10.1 s, of it hunspell's
first verdicts ~4.6 s; S101 and S103 reduces 18.9 s), D101-D103 (17.5 s, flat: no helper
above ~1.5 s), A103 2.6 s (a dict look-up per run of every line under 40 words).

cpu25 (lead ae2fcfa, load 14-23, cold ``--no-cache --jobs 1 --format json``, default rules).
Sampled (``sample_cpu.py``, CPU-time timer; cProfile's per-call cost had shown qalsadi at
~25% of S101's reduce, 0.30 s of 5.9 s when timed apart), 100 MB, self shares: hunspell's
``spell`` 8.7% (one call per distinct word already: a rejected word ~65 us, an accepted
~27 us), MinHash ``signatures`` 7.4%, ``RunMemo`` misses 3.0%, the spelling tokeniser 2.2%,
numpy call overhead 2.1%, D105's ``_common_by_slots`` 1.9%, S105's ``_entry_starts`` 1.5%;
inclusive: S101's reduce 19.9%, S101's map 13.2%, D103 11.5%, D102 9.8%. Cut, exact:
``signatures`` in blocks of 512 shingles (cache-resident), D102 0.409 -> 0.329 s at 10 MB
(``bench_docrules.py``). ``/usr/bin/time`` pairs, 100 MB: 91.55 -> 90.84 s and 89.12 ->
88.11 s CPU (-0.8%, -1.1%), peak RSS 201,884 -> 202,144 and 202,188 -> 200,764 KB; 10 MB
11.10 -> 11.17 s (noise); JSON identical (85,233 and 9,955 findings; samples/ and 7
real-text corpora: Arabic, Russian, Thai, Chinese, Greek, Persian, Markdown).

cpu43 (lead 309b1c9b, load 17-28, 10 MB, cold ``--no-cache --jobs 1 --format json``): map
S101 3.08 -> 2.30 s, the Arabic dictionary read 1.5 -> 0.65 s (``hunspell_index.read_whole``:
hunspell's IGNORE line cost ~1.8 us on each of the 466 k .dic lines). Whole runs, 6
alternated rounds: median 15.08 -> 14.08 s CPU (0.68 -> 0.73 MB/s per core), 9,933 findings
identical. S101's reduce (3.2-3.4 s): 5,393 context evidences for 4,948 distinct words (it
asks only of words the corpus has once), so per-word memos would spare <0.1 s; its cost is
qalsadi (~30%, 726 words, once each already), hunspell (~16%: 6,194 words, 841 of them
asked in the map too), the targets' rows and documents (~13%), the candidates (~10%).

cpu44 (main 889806c2, load 10-33, 10 MB, cold ``--no-cache --jobs 1 --format json``), this
tool: reduce S101 3.47 s 22.7%, map S101 2.51 16.4%, D103 1.59 10.4%, D101 0.81, map D104
0.73, A105 0.63, reduce S103 0.58; total 15.28 s. Inside S101 (``s101_calls.py``,
``hunspell_filters.py``, ``sample_cpu.py --tree``): hunspell 20,093 calls for 19,052
distinct words (accepted ~26-33 us, rejected ~67 us: ~1.2 s, plus 0.62 s to read the
dictionary), qalsadi 1,050 calls for 740 words (0.79 s: noun stemmer 601 words 0.34 s, verb
stemmer 271 words 0.31 s, its SQL look-ups 7,414 for 6,740 distinct stems: no memo pays).
Measured and not kept: a filter before hunspell (no affix-undone stem a ``.dic`` word:
rejected) catches 73% of the rejections with identical verdicts but costs more than
hunspell (``hunspell_filters.py``); the map's rejections shared with S101's reduce spare 129
calls of the 876 asked twice (the rest are the map's retries). Cut, exact: A105's first
test searched each sign once per mix-up (9 scans of every document, 4 distinct signs):
0.55-0.64 -> 0.28-0.32 s. Whole runs (``/usr/bin/time`` user+sys), 5 alternated rounds, load
27-33: main 15.98/15.20/14.93/14.57/15.26, cpu44 14.60/14.85/14.99/14.37/15.07 s, median
15.20 -> 14.85 s (0.68 -> 0.69 MB/s per core), 9,933 findings identical.

cpu61 (main 816c6a26, load ~1, cold ``--no-cache --jobs 1 --format json``, default rules and
the quality plugin), by family: 10.3 MB (334 files) 12.68 s in all: spelling 5.96 s (1.73 MB/s
per core were it the whole run), duplicate 3.59, engine 1.52, artifact 0.72, quality 0.54,
whitespace 0.37; budget at 2 MB/s 5.2 s. 106.4 MB (3,434 files) 112.9 s (0.94 MB/s per core):
spelling 42.45 s (2.51 MB/s), duplicate 39.07 (2.72), engine 14.97, artifact 7.36, quality 5.30,
whitespace 3.73; budget 53.2 s; without the spelling family 70.4 s (1.51 MB/s per core). Each
of the two largest families alone takes ~80% of target 2's budget, and each is spread over
dozens of steps none above ~19% of the run (the lists above; hunspell and qalsadi are
asked once per distinct word already).
"""

from __future__ import annotations

import argparse
import collections
import functools
import os
import sys
import time
from functools import cached_property


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=40, help="print the N largest stages")
    ap.add_argument("args", nargs=argparse.REMAINDER, help="-- then the corpuslint check arguments")
    opts = ap.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    if args[:1] != ["check"]:
        args = ["check", *args]  # (the check arguments alone, as rule_cpu.py takes them)

    import corpuslint.document as document
    import corpuslint.engine as engine
    import corpuslint.files as files
    import corpuslint.index as index
    import corpuslint.store as store
    from corpuslint.cli import main as cli_main

    spent: dict[str, float] = collections.defaultdict(float)
    calls: collections.Counter = collections.Counter()
    stack: list[list] = []  # [stage, seconds of the stages it called]

    def timed(name: str, fn, iterate: bool = False):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            t = time.process_time()
            stack.append([name, 0.0])
            try:
                out = fn(*a, **k)
                return list(out) if iterate else out
            finally:
                elapsed = time.process_time() - t
                _, inner = stack.pop()
                spent[name] += elapsed - inner
                calls[name] += 1
                if stack:
                    stack[-1][1] += elapsed

        return wrapper

    sizes: dict[str, int] = {}  # bytes of each file read (the text's size, for the target-2 budget)
    load = files.load

    def load_sized(source, data=None):
        if source.path not in sizes:
            size = source.stat[0] if source.stat else len(data) if data is not None else None
            try:
                sizes[source.path] = os.path.getsize(source.path) if size is None else size
            except OSError:
                pass
        return load(source, data)

    files.load = timed("read+decode", load_sized)
    for attr, value in list(vars(document.Document).items()):
        if isinstance(value, cached_property):
            view = cached_property(timed("Document." + attr, value.func))
            view.attrname = attr
            setattr(document.Document, attr, view)

    compute = engine.Linter.compute_findings

    families: dict[str, str] = {}  # rule code -> its family (``Rule.family``)

    def compute_findings(self, doc):
        for rule in self.document_rules + self.record_rules:
            families[rule.code] = rule.family
            if not getattr(rule.check, "_stage", False):
                rule.check = timed("doc rule " + rule.code, rule.check, iterate=True)
                rule.check._stage = True
        return compute(self, doc)

    engine.Linter.compute_findings = timed("document rules (engine)", compute_findings)
    collect_one = index._collect_one
    per_rule: dict = {}

    def collect(rule, doc):
        families[rule.code] = rule.family
        fn = per_rule.get(rule.code)
        if fn is None:
            fn = per_rule[rule.code] = timed("map " + rule.code, collect_one)
        return fn(rule, doc)

    index._collect_one = collect
    engine.Linter.map_document = timed("map step (engine)", engine.Linter.map_document)
    reduce_rule = engine.Linter._reduce_rule

    def reduce_one(self, rule, *a, **k):
        families[rule.code] = rule.family
        return timed("reduce " + rule.code, reduce_rule)(self, rule, *a, **k)

    engine.Linter._reduce_rule = reduce_one
    store.StateSpill.put = timed("spill put", store.StateSpill.put)
    engine.collect_corpus_states = timed("collect states", engine.collect_corpus_states)

    start = time.process_time()
    try:
        cli_main(args)
    except SystemExit:
        pass
    total = time.process_time() - start
    spent["(other)"] = total - sum(spent.values())
    print(f"{'stage':40s} {'CPU s':>8s} {'share':>6s} {'calls':>7s}", file=sys.stderr)
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1])[: opts.top]:
        print(f"{name:40s} {sec:8.2f} {100 * sec / total:5.1f}% {calls[name]:7d}", file=sys.stderr)
    print(f"{'total':40s} {total:8.2f}", file=sys.stderr)
    print_families(spent, total, sum(sizes.values()) / 1e6, families)
    return 0


def print_families(spent: dict, total: float, mb: float, families: dict[str, str]) -> None:
    """CPU by rule family (``families``: rule code -> ``Rule.family``; a stage of no rule,
    reading, a ``Document`` view, the spill, start-up and the report, is "engine"; the
    shared spelling analysis is paid by S101's map), and issue 14's target 2 (>= 2 MB/s
    per core cold) as a budget: how much CPU the run may take for ``mb`` MB of text,
    against the whole run and against the run less its largest family."""
    by: dict = collections.defaultdict(float)
    for name, sec in spent.items():
        kind, _, code = name.rpartition(" ")
        by[families.get(code, "engine") if kind in ("doc rule", "map", "reduce") else "engine"] += sec
    print(f"by family (CPU s, share{', MB/s per core if it were the whole run' if mb else ''}):", file=sys.stderr)
    for fam, sec in sorted(by.items(), key=lambda kv: -kv[1]):
        if sec < 0.005:
            continue
        rate = f" {mb / sec:7.2f}" if mb else ""
        print(f"  {fam:38s} {sec:8.2f} {100 * sec / total:5.1f}%{rate}", file=sys.stderr)
    rules = [(f, sec) for f, sec in by.items() if f != "engine"]
    if mb and total > 0 and rules:
        top, top_sec = max(rules, key=lambda kv: kv[1])
        rest = f"{total - top_sec:.1f} s ({mb / (total - top_sec):.2f} MB/s per core)" if total > top_sec else "0 s"
        print(f"target 2 budget at 2 MB/s per core: {mb / 2:.1f} s CPU for {mb:.1f} MB; this run {total:.1f} s "
              f"({mb / total:.2f} MB/s per core); without the {top} family {rest}", file=sys.stderr)

if __name__ == "__main__":
    sys.exit(main())
