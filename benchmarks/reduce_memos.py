"""What the spelling reduces leave memoised: per-word memos and lru caches, after each rule.

    cd CORPUS && python benchmarks/reduce_memos.py -- --no-cache --jobs 1 [--select S101,S103] .

Runs ``corpuslint check --format json --exit-zero ARGS`` in this process (the report goes to
/dev/null) and prints, after the reduce of each of S101-S103 and whenever a back-end
releases its morphology, VmRSS, the entries of the back-ends' ``key``/``form`` lru caches,
the size of the merged corpus (words, keys, distinct pairs, rejected words) and of the
per-word morphology memos (``_morph``, ``_classes``, ``_types``, ``_flagged``, ``_part``)
and hunspell verdicts (``_known``), measured with ``sys.getsizeof`` over their contents.

Example (issue 14, target 1; 100 MB of bench_scale, ``--select S101,S103``, lead 088e7c7):
the merged corpus has 47,752 words (43,278 keys, 118,698 distinct pairs, 36,953 rejected);
at the end of S101 the key and form memos held 38,300 and 47,864 words (~1/3 KB each
with the spelling they keep) and ``_morph`` 36,069 verdicts (4.2 MB), all kept through
S103 until the family's ``release``; mem16 empties the key/form memos when S101 is done.

mem16, whole run on that corpus (``/usr/bin/time -f "%U %S %e %M" corpuslint check --no-cache
--jobs 1 --format json --exit-zero -o OUT .``, lead 088e7c7 and mem16 started together at
load 25-40): peak RSS 265,120 -> 252,192 KB, CPU 156.7 -> 157.8 s, JSON identical (cmp).
``peak_where.py --stages`` (MB, start -> peak -> end): S101 158.2 -> 238.4 -> 218.3 (was
158.1 -> 242.0 -> 226.1), S103 219.0 -> 247.3 -> 243.2 (was 226.6 -> 259.2 -> 258.7).
Left: loading qalsadi is the largest step of S101 (+45 MB of RSS on top of the merged
corpus, ``--select S101,S103``: 147 -> 192 MB); the 13 k stop-word forms keyed through the
memo (``Backend.function_words``) are ~2/3 of the key memo S101 leaves at 10 MB.

mem17 (``Backend.key_once``/``form_once``: the merge, the stop-word list and S103's word
forms fill neither the key/form memos nor ``normalize.light_stem``'s): at 10 MB the memos at
S101's end hold key 5,722 (was 19,212), light_stem 9,395 (was 24,894) words. 100 MB, whole
run, lead bb9edf5 and mem17 started together at load 25-30: peak RSS 252,224 -> 248,864 KB,
CPU 151.8 -> 152.7 s (user+sys), JSON identical (cmp); the 48 realtext corpora with
``--select S101,S102,S103,S104,S105``: 0 differ. The peak (S103/the report, ~247 MB) is
still 2.36x the text: qalsadi's load and its freed-but-fragmented arenas (S101 keeps ~+27 MB
after ``release_morphology`` even in isolation), S101's 21 k and S103's 56 k findings.
"""

from __future__ import annotations

import sys


def _rss() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def _deep(o, seen: set) -> int:
    if id(o) in seen:
        return 0
    seen.add(id(o))
    n = sys.getsizeof(o)
    if isinstance(o, dict):
        n += sum(_deep(k, seen) + _deep(v, seen) for k, v in o.items())
    elif isinstance(o, (list, tuple, set, frozenset)):
        n += sum(_deep(x, seen) for x in o)
    return n


def main() -> int:
    args = sys.argv[1:]
    args = args[1:] if args[:1] == ["--"] else args
    from corpuslint import engine
    from corpuslint.cli import main as cli_main
    from corpuslint.families.spelling import analysis, backends

    def lru() -> str:
        from corpuslint.text import normalize

        b = backends.ArabicBackend
        return (f"key memo {b.key.cache_info().currsize} words, form memo {b.form.cache_info().currsize} words, "
                f"light_stem memo {normalize.light_stem.cache_info().currsize} words")

    reduce_one = engine.Linter._reduce_one

    def reduced(self, rule, view):
        out = reduce_one(self, rule, view)
        if rule.code in ("S101", "S102", "S103"):
            merged = analysis._MERGED[1]
            sizes = ""
            for lang, lc in (merged.langs.items() if merged is not None else ()):
                sizes += (f"; {lang}: {len(lc.words)} words, {len(lc.keys)} keys, {len(lc.pairs)} pairs, "
                          f"{int(lc.rejected.sum())} rejected, cached {sorted(map(str, lc.cache))}")
            print(f"after {rule.code}: RSS {_rss():.1f} MB, {lru()}{sizes}", flush=True)
        return out

    release = backends.ArabicBackend.release_morphology

    def released(self):
        seen: set = set()
        memos = ", ".join(f"{name} {len(getattr(self, name))} ({_deep(getattr(self, name), seen) / 1e6:.2f} MB)"
                          for name in ("_morph", "_classes", "_types", "_flagged", "_part", "_known"))
        print(f"morphology released: RSS {_rss():.1f} MB, {lru()}; {memos}", flush=True)
        return release(self)

    engine.Linter._reduce_one = reduced
    backends.ArabicBackend.release_morphology = released
    try:
        cli_main(["check", "--format", "json", "--exit-zero", "-o", "/dev/null", *args])
    except SystemExit:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
