"""How often a run asks hunspell and qalsadi, and about how many distinct words (issue 14,
target 2: "analyse each distinct word once per run").

    cd CORPUS && python benchmarks/s101_calls.py -- [corpuslint check args]

Runs ``corpuslint check --format json --exit-zero ARGS`` in this process (the report goes
to /dev/null) and counts, per phase (the map; each corpus rule's reduce; the report):

* hunspell: ``Backend.spell`` calls, the distinct words they were about, and their CPU
  seconds (user + sys of this process, ``time.process_time``; the first call of a
  back-end also reads its dictionary, ~1.8 s for Arabic, ~0.6 s for Persian);
* qalsadi: the analyses ``ArabicBackend`` asks for (one stemmer, ``_stemmer_types``, or
  a whole ``check_word``), the distinct words, their seconds, and who asked (the
  first caller outside the back-end).

Measured at 2026-12-03 (lead 1e0f3de, ``--no-cache --jobs 1 --select S101``, load ~15):

    corpus (bench_scale)          10 MB (340 files)          100 MB (3,400 files)
    spell calls / distinct words  17,637 / 16,145            102,393 / 88,518 (11.6 s)
      of them in S101's reduce    3,743 (0.31 s)             -
    qalsadi verb stemmer          277 words, 1.8 ms each     2,444 words, 1.1 ms each (2.8 s)
    qalsadi noun stemmer          605 words, 1.1 ms each     2,707 words, 1.0 ms each (2.7 s)
    qalsadi whole analyses        165 words                  1,242 calls, 1,222 words (1.6 s)
    distinct words to qalsadi     734                        4,517 (7.0 s of S101's ~25 s reduce)

qalsadi is asked once per distinct word and stemmer (``ArabicBackend._part``/``_types``);
hunspell once per distinct word in the map and again in the reduce for the words the
reduce asks about after ``forget_map_memos`` (the map's verdicts are not kept: memory).
cpu18: S101's candidates (corpus words) take their verdict from the merged corpus
(``LangCorpus.known``): 10 MB, reduce spell calls 3,743 -> 2,607.
cpu19 (``--select S101,S103``, 10 MB): S103's reduce asked hunspell 36 times (35 words, the
alef-seat check ``_alef_seat_only``) after S101 had dropped the dictionary, reading it
again (1.28 s of a 8.7 s run); S103 now asks them before the drop (``prefetch_verdicts``:
+203 calls in S101's reduce, ~0.02 s), and its reduce asks none (run 6.9 s). Answering the
reduces' other calls from the merged corpus (as ``LangCorpus.known``) was tried: 142 of
3,524 asked words are corpus words (``_article_verb``'s remainders, ``hamza_below``'s
spellings are not), ~0.01 s: not kept.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time


def phase_tracking(reduce_one, phase: list[str]):
    """``engine.Linter._reduce_one`` wrapped to set ``phase[0]`` to "reduce CODE" while a corpus
    rule reduces, then "report" (the map runs before with ``phase[0] == "map"``)."""

    def in_phase(self, rule, view):
        phase[0] = "reduce " + rule.code
        try:
            return reduce_one(self, rule, view)
        finally:
            phase[0] = "report"

    return in_phase


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("args", nargs=argparse.REMAINDER, help="-- then the corpuslint check arguments")
    opts = ap.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args

    from corpuslint import engine
    from corpuslint.cli import main as cli_main
    from corpuslint.families.spelling import backends as B

    phase = ["map"]
    spell_calls: collections.Counter = collections.Counter()
    spell_secs: collections.Counter = collections.Counter()
    spell_words: dict[str, set] = collections.defaultdict(set)
    q_calls: collections.Counter = collections.Counter()
    q_secs: collections.Counter = collections.Counter()
    q_words: dict[str, set] = collections.defaultdict(set)
    q_askers: collections.Counter = collections.Counter()

    spell = B.Backend.spell

    def counted_spell(self, word):
        t = time.process_time()
        try:
            return spell(self, word)
        finally:
            spell_secs[phase[0]] += time.process_time() - t
            spell_calls[phase[0]] += 1
            spell_words[phase[0]].add((self.name, word))
            spell_words["(run)"].add((self.name, word))

    count_word = B.ArabicBackend._count_word

    def counted_word(self, analyse, *a):
        t = time.process_time()
        try:
            return count_word(self, analyse, *a)
        finally:
            what = "stemmer " + a[-1] if getattr(analyse, "__name__", "") == "_stemmer_types" else "whole analysis"
            word = a[1] if what.startswith("stemmer") else a[0]
            q_secs[what] += time.process_time() - t
            q_calls[what] += 1
            q_words[what].add(word)
            q_words["(run)"].add(word)
            f = sys._getframe(1)
            while f is not None and f.f_code.co_filename.endswith("backends.py"):
                f = f.f_back
            q_askers[f"{f.f_code.co_name}" if f is not None else "?"] += 1

    B.Backend.spell = counted_spell
    B.ArabicBackend._count_word = counted_word
    reduce_one = engine.Linter._reduce_one
    engine.Linter._reduce_one = phase_tracking(reduce_one, phase)
    t0 = time.process_time()
    try:
        cli_main(["check", "--format", "json", "--exit-zero", "-o", "/dev/null", *args])
    except SystemExit:
        pass
    finally:
        B.Backend.spell, B.ArabicBackend._count_word, engine.Linter._reduce_one = spell, count_word, reduce_one
    total = time.process_time() - t0
    print(f"run: {total:.2f} s CPU")
    print(f"{'hunspell spell':<28}{'calls':>9}{'distinct':>10}{'CPU s':>9}")
    for name in [p for p in spell_calls]:
        print(f"  {name:<26}{spell_calls[name]:>9,}{len(spell_words[name]):>10,}{spell_secs[name]:>9.2f}")
    print(f"  {'(run)':<26}{sum(spell_calls.values()):>9,}{len(spell_words['(run)']):>10,}"
          f"{sum(spell_secs.values()):>9.2f}")
    print(f"{'qalsadi':<28}{'calls':>9}{'distinct':>10}{'CPU s':>9}")
    for name in sorted(q_calls):
        print(f"  {name:<26}{q_calls[name]:>9,}{len(q_words[name]):>10,}{q_secs[name]:>9.2f}")
    print(f"  {'(run)':<26}{sum(q_calls.values()):>9,}{len(q_words['(run)']):>10,}{sum(q_secs.values()):>9.2f}")
    print("qalsadi asked by: " + ", ".join(f"{k} {n}" for k, n in q_askers.most_common(6)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
