"""Can anything answer hunspell's verdicts cheaper than hunspell? (issue 14, target 2)

    cd CORPUS && python benchmarks/hunspell_filters.py -- [corpuslint check args]

Runs ``corpuslint check --format json --exit-zero ARGS`` in this process with every call
into a hunspell object logged (phase: the map or a rule's reduce; the asking function;
the word; the verdict), then, on the distinct words the run asked, in this process
(CPU seconds, ``time.process_time``):

* hunspell's own cost per accepted and per rejected word;
* the words asked twice (the map, then a reduce), and how many of those a reduce could
  read from the merged corpus (``LangCorpus.rejected``: corpus words the map rejected;
  ``known`` asks ``spell`` of the word itself first, so hunspell rejects them too);
* a filter before hunspell: a word none of whose affix-undone stems
  (``hunspell_index.AffixReversal.stems``: a superset of the stems hunspell may look up)
  is a ``.dic`` word is rejected without asking; its catch rate and its cost, with that
  generic search and with ``_product_stems`` below (the same set, prefix and suffix
  sides undone apart and combined), against hunspell alone; and a ``.dic`` word asked as
  it is (no affix), which hunspell may accept without its affix search.

Measured at 2026-12-05 (cpu44, main 889806c2, the 10 MB bench_scale corpus, ``--no-cache
--jobs 1``, load 10-15): 20,093 hunspell calls for 19,052 distinct Arabic words (4,279
accepted at ~33 us, 14,773 rejected at ~67-83 us: ~1.2 s of hunspell, plus 0.62 s to read
the dictionary). Asked twice: 876 words (map then S101's reduce: ``hamza_below`` 468,
``flagged_classes`` 237, ``_article_verb`` 102; ~0.06 s), of which only 129 are corpus
words the map rejected (the rest are the map's retries: hamza seats, a conjunction
dropped), so reading them from the merged corpus spares ~0.01 s (tried: reduce calls
5,918 -> 5,789 rejected; not kept). The stems filter catches 73% of the rejected words
(10,861 of 14,773; 7,050 of the map's 9,795, 2,798 of ``flagged_classes``' 3,603 seated
spellings) with verdicts identical on all 19,052 words, but costs more than it spares:
the generic search ~123-130 us a word, the product form ~41 us (hunspell rejects in
~67); over the 19,052 words hunspell alone 1.11-1.20 s, filter then hunspell 1.54-1.99 s
with the product form (3.43 s with the generic search), plus 0.37-0.41 s to read the
``.dic`` words into a set (and ~30 MB held). A ``.dic`` word asked
as it is: 1,736 of the 4,279 accepted words (~0.06 s of hunspell at most, less than the
set costs). Hunspell is at its floor per distinct word from Python: what is left is
asking fewer words (the map's retries, S101's seated and hamza spellings) or a cheaper
dictionary.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import time

from s101_calls import phase_tracking  # (benchmarks/: the script's own folder is on sys.path)


def _product_stems(rev, word: str) -> set[str]:
    """``rev.stems(word)`` (an ``AffixReversal``), computed as the prefix side's undone
    forms ``(A, i)`` (the word is ``A + word[i:]`` after up to two prefixes are undone)
    times the suffix side's ``(B, j)`` (``word[:j] + B``), ``A + word[i:j] + B`` for
    ``i <= j``; a state where a further affix could reach into the other side's undone
    part (the middle shorter than the longest affix) goes on with the generic search."""
    pre, suf, lp, ls = rev.prefixes, rev.suffixes, rev._longest_p, rev._longest_s
    w = word.translate(dict.fromkeys(map(ord, rev.ignore))) if rev.ignore else word
    n = len(w)
    sides = []
    for table, longest, is_pre in ((pre, lp, True), (suf, ls, False)):
        states = {("", 0 if is_pre else n): 0}
        first = []
        for k in range(min(n, longest) + 1):
            for s in table.get(w[:k] if is_pre else w[n - k:], ()):
                cut = k if is_pre else n - k
                states.setdefault((s, cut), 1)
                first.append((s, cut))
        for s1, c1 in first:
            x = s1 + w[c1:] if is_pre else w[:c1] + s1
            m, l1 = len(x), len(s1)
            for k in range(min(m, longest) + 1):
                for s in table.get(x[:k] if is_pre else x[m - k:], ()):
                    if is_pre:
                        st = (s + s1[k:], c1) if k <= l1 else (s, c1 + k - l1)
                    else:
                        st = (s1[: l1 - k] + s, c1) if k <= l1 else (s, c1 - (k - l1))
                    states.setdefault(st, 2)
        sides.append(states)
    out: set[str] = set()
    todo = []
    for (a, i), p in sides[0].items():
        for (b, j), s in sides[1].items():
            if i > j:
                continue
            x = a + w[i:j] + b
            out.add(x)
            m = len(x)
            mid_p, mid_s = len(a) + j - i, len(b) + j - i
            if (p < 2 and any(x[:k] in pre for k in range(mid_p + 1, min(m, lp) + 1))) or (
                    s < 2 and any(x[m - k:] in suf for k in range(mid_s + 1, min(m, ls) + 1))):
                todo.append((x, p, s))
    seen = set(todo)
    while todo:
        x, p, s = todo.pop()
        out.add(x)
        nxt = ([(u, p + 1, s) for u in rev._unprefix(x)] if p < 2 else []) + (
            [(u, p, s + 1) for u in rev._unsuffix(x)] if s < 2 else [])
        for item in nxt:
            if item not in seen:
                seen.add(item)
                todo.append(item)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("args", nargs=argparse.REMAINDER, help="-- then the corpuslint check arguments")
    opts = ap.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args

    from corpuslint import engine
    from corpuslint.cli import main as cli_main
    from corpuslint.families.spelling import analysis
    from corpuslint.families.spelling import hunspell_index as HI

    phase, log, objects = ["map"], [], {}
    read_whole = HI.read_whole

    class Logged:
        def __init__(self, hs, directory, stem):
            self.hs, self.where = hs, (directory, stem)

        def spell(self, word):
            verdict = self.hs.spell(word)
            f = sys._getframe(1)
            while f is not None and f.f_code.co_name in ("spell", "<genexpr>"):
                f = f.f_back
            log.append((phase[0], self.where, word, verdict, f.f_code.co_name if f else "?"))
            return verdict

        def __getattr__(self, name):
            return getattr(self.hs, name)

    def logged_read(directory, stem):
        objects[(directory, stem)] = hs = read_whole(directory, stem)
        return Logged(hs, directory, stem)

    merged_rejects: dict = {}
    merge = analysis.merge

    def kept_merge(*a, **k):
        merged = merge(*a, **k)
        for lc in merged.langs.values():
            if lc.rejected is not None:
                merged_rejects.setdefault(lc.backend.name, set()).update(
                    w for w, r in zip(lc.words, lc.rejected.tolist()) if r)
        return merged

    reduce_one = engine.Linter._reduce_one
    HI.read_whole, engine.Linter._reduce_one = logged_read, phase_tracking(reduce_one, phase)
    analysis.merge = kept_merge
    import corpuslint.families.spelling.base as base
    base.merge = kept_merge
    try:
        cli_main(["check", "--format", "json", "--exit-zero", "-o", "/dev/null", *args])
    except SystemExit:
        pass
    finally:
        HI.read_whole, engine.Linter._reduce_one, analysis.merge, base.merge = read_whole, reduce_one, merge, merge

    for where, hs in objects.items():
        directory, stem = where
        mine = [e for e in log if e[1] == where]
        verdicts = {w: v for _, _, w, v, _ in mine}
        print(f"{stem}: {len(mine):,} calls, {len(verdicts):,} distinct words")
        for v in (True, False):
            words = [w for w, x in verdicts.items() if x is v]
            if words:
                t = time.process_time()
                for w in words:
                    hs.spell(w)
                sec = time.process_time() - t
                print(f"  {'accepted' if v else 'rejected'}: {len(words):,} words, {1e6 * sec / len(words):.1f} us each")
        first, twice = {}, collections.Counter()
        rejected_corpus = set().union(*merged_rejects.values()) if merged_rejects else set()
        readable = 0
        for ph, _, w, v, asker in mine:
            if w in first and first[w] == "map" and ph != "map":
                twice[asker] += 1
                readable += w in rejected_corpus
            first.setdefault(w, ph)
        print(f"  asked in the map and again in a reduce: {sum(twice.values()):,} ({dict(twice.most_common(5))}); "
              f"corpus words the map rejected among them: {readable:,}")
        rev = HI.AffixReversal(os.path.join(directory, stem + ".aff"))
        if not rev.usable:
            print("  (the .aff compounds: no stems filter)")
            continue
        t = time.process_time()
        with open(os.path.join(directory, stem + ".dic"), "rb") as fh:
            raw = fh.read().split(b"\n", 1)[-1]
        table = dict.fromkeys(map(ord, rev.ignore))
        dic = {s.decode("utf-8", "replace").translate(table) for s in re.findall(rb"(?m)^[^/\t \n\r]+", raw)}
        built = time.process_time() - t
        words = list(verdicts)
        t = time.process_time()
        base_v = [hs.spell(w) for w in words]
        alone = time.process_time() - t
        for name, stems in (("generic", rev.stems), ("product", lambda w: _product_stems(rev, w))):
            t = time.process_time()
            out = [False if rev.handles(w) and stems(w).isdisjoint(dic) else hs.spell(w) for w in words]
            both = time.process_time() - t
            caught = sum(1 for w in words if rev.handles(w) and stems(w).isdisjoint(dic))
            print(f"  stems filter ({name}): catches {caught:,} of {base_v.count(False):,} rejected; "
                  f"hunspell alone {alone:.2f} s, filter then hunspell {both:.2f} s (+{built:.2f} s to read the "
                  f".dic words); verdicts identical: {out == base_v}")
        plain = sum(1 for w, v in verdicts.items() if v and w in dic)
        print(f"  accepted words that are .dic words as they are: {plain:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
