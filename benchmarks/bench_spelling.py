"""Benchmark: the whole spelling family (S101-S105) on >= 5 MB of generated Arabic text.

    python benchmarks/bench_spelling.py [--mb 6] [--seed 1] [--doc-kb 5]

The text is generated at run time (nothing large is committed): a word-bigram random
walk over the seed corpus (samples/news-ar), cut into documents of ~``doc-kb`` KB, with
planted errors: one-letter slips (each a distinct, new spelling of a frequent word),
doubled words ("في في") and built-in corrections entries (لاكن). It prints words/s for
the whole family (map + reduce, all five rules, cold verdict caches) and how many
planted errors were found. ``--noise 0.05`` replaces 5% of the tokens by random
one-letter variants, so the corpus has tens of thousands of distinct words (closer to
real text, where per-word caching helps less); planted-slip recall is not meaningful then.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpuslint.document import Document  # noqa: E402
from corpuslint.families.spelling import RULES  # noqa: E402
from corpuslint.families.spelling.backends import get_backend  # noqa: E402
from corpuslint.rules import CorpusRule, CorpusView  # noqa: E402

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def seed_sentences() -> list[list[str]]:
    ar = get_backend("ar")
    out = []
    for path in sorted((ROOT / "samples" / "news-ar").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = ar.token_re.findall(line)
            if len(words) >= 4:
                out.append(words)
    return out


def mutate(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))
    if rng.random() < 0.5:
        return word[:i] + word[i + 1 :]  # deletion
    return word[:i] + rng.choice(LETTERS) + word[i + 1 :]  # substitution


def generate(target_bytes: int, doc_bytes: int, rng: random.Random, noise: float = 0.0):
    sentences = seed_sentences()
    succ: dict[str, list[str]] = defaultdict(list)
    starts = []
    for words in sentences:
        starts.append(words[0])
        for a, b in zip(words, words[1:]):
            succ[a].append(b)
    vocab = {w for s in sentences for w in s}
    ar = get_backend("ar")
    frequent = [w for w in vocab if len(w) >= 5 and ar.known(w)]
    docs: list[str] = []
    planted_slips: dict[str, int] = {}  # slip -> doc index
    planted_repeats = 0
    planted_corrections = 0
    total = 0
    used = set(vocab)
    while total < target_bytes:
        parts: list[str] = []
        size = 0
        while size < doc_bytes:
            w = rng.choice(starts)
            sent = [w]
            for _ in range(rng.randint(8, 30)):
                nxt = succ.get(w)
                if not nxt:
                    break
                w = rng.choice(nxt)
                sent.append(w)
            if noise:  # vocabulary stress: random one-letter variants (new distinct words)
                sent = [mutate(x, rng) if len(x) >= 4 and rng.random() < noise else x for x in sent]
            r = rng.random()
            if r < 0.04:  # a one-letter slip of a frequent word, a spelling never seen before
                j = rng.randrange(len(sent))
                if sent[j] in frequent or len(sent[j]) >= 5:
                    for _ in range(5):
                        slip = mutate(sent[j], rng)
                        if slip not in used and not ar.known(slip):
                            used.add(slip)
                            planted_slips[slip] = len(docs)
                            sent[j] = slip
                            break
            elif r < 0.05:
                j = rng.randrange(len(sent))
                sent.insert(j, sent[j])
                planted_repeats += 1
            elif r < 0.055:
                sent.insert(rng.randrange(len(sent)), "لاكن")
                planted_corrections += 1
            line = " ".join(sent) + "."
            parts.append(line)
            size += len(line.encode("utf-8")) + 1
        text = "\n".join(parts) + "\n"
        docs.append(text)
        total += len(text.encode("utf-8"))
    return docs, planted_slips, planted_repeats, planted_corrections, total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=6.0)
    ap.add_argument("--doc-kb", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--noise", type=float, default=0.0,
                    help="fraction of tokens replaced by random one-letter variants (distinct-word stress)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    get_backend("ar").load()
    load = time.perf_counter() - t0
    rng = random.Random(args.seed)
    texts, slips, repeats, corrections, nbytes = generate(
        int(args.mb * 1e6), int(args.doc_kb * 1000), rng, args.noise
    )
    # Start from cold verdict caches: generation itself asked the dictionary.
    ar = get_backend("ar")
    ar._known.clear()
    ar._morph.clear()
    from corpuslint.families.spelling import analysis

    analysis._INFO.clear()
    analysis._CACHE.clear()
    docs = {f"gen/{i:05d}.txt": Document(f"gen/{i:05d}.txt", t) for i, t in enumerate(texts)}
    n_words = sum(len(ar.token_re.findall(t)) for t in texts)
    distinct = len({w for t in texts for w in ar.token_re.findall(t)})
    print(f"corpus: {len(docs)} documents, {nbytes / 1e6:.2f} MB UTF-8, {n_words:,} words "
          f"({distinct:,} distinct); "
          f"planted {len(slips)} slips, {repeats} doubled words, {corrections} corrections")
    print(f"dictionary load: {load:.2f} s (once per process, not counted below)")

    rules = [cls() for cls in RULES]  # all five, including the off-by-default S102
    findings = []
    t1 = time.perf_counter()
    states: dict[str, dict] = {r.code: {} for r in rules if isinstance(r, CorpusRule)}
    for path, doc in docs.items():
        for rule in rules:
            if isinstance(rule, CorpusRule):
                states[rule.code][path] = rule.collect(doc)
            else:
                findings.extend(rule.check(doc))
    t2 = time.perf_counter()
    for rule in rules:
        if isinstance(rule, CorpusRule):
            findings.extend(rule.reduce(CorpusView(states[rule.code], set(docs), docs)))
    t3 = time.perf_counter()

    by_code: dict[str, int] = defaultdict(int)
    for f in findings:
        by_code[f.code] += 1
    slip_hits = {docs[f.path].text[f.start : f.end] for f in findings if f.code == "S101"}
    found = len(slip_hits & set(slips))
    elapsed = t3 - t1
    print(f"map (collect + document rules): {t2 - t1:.2f} s; reduce: {t3 - t2:.2f} s; total {elapsed:.2f} s")
    print(f"throughput, whole spelling family: {n_words / elapsed:,.0f} words/s "
          f"({nbytes / 1e6 / elapsed:.2f} MB/s)")
    print("findings: " + ", ".join(f"{c} {n:,}" for c, n in sorted(by_code.items())))
    print(f"planted slips reported by S101: {found}/{len(slips)} ({100 * found / max(1, len(slips)):.1f}%); "
          f"S101 findings that are not planted slips: {len(slip_hits - set(slips))}")
    print(f"cpu: {os.cpu_count()} cores, single process")


if __name__ == "__main__":
    main()
