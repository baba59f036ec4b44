"""Throughput of the artifact family (A1xx), per rule and in total.

Run: python benchmarks/bench_artifact.py [--docs N]

The corpus is generated at run time: the seed articles of samples/news-ar, each copy
with a little injected debris (ids, widget lines, entities, mojibake, links) so every
rule has work to do. Prints characters per second per rule and for the whole family.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpuslint.document import Document  # noqa: E402
from corpuslint.families.artifact import RULES  # noqa: E402

DEBRIS = [
    "2a02-4780-11–4f جزيرة إم آند إم",
    "A A",
    "search",
    "اترك تعليقاً",
    "اقرأ أيضًا: كيم يزور موسكو",
    "قال&nbsp;المتحدث &quot;نعم&quot;",
    "الأخبار اليوم".encode("utf-8").decode("latin-1"),
    "للمزيد: https://example.com/news?id=42",
    "***",
    "<p>نص</p>",
]


def corpus(n: int) -> list[Document]:
    rng = random.Random(7)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "news-ar").glob("*.txt"))]
    docs = []
    for i in range(n):
        lines = seeds[i % len(seeds)].split("\n")
        for _ in range(3):
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(DEBRIS))
        docs.append(Document(f"doc{i}.txt", "\n".join(lines)))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    docs = corpus(args.docs)
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} documents, {chars / 1e6:.1f} M characters")
    total_time = 0.0
    total_findings = 0
    for cls in RULES:
        rule = cls()
        fresh = [Document(d.path, d.text) for d in docs]  # no cached views from other rules...
        for d in fresh:
            d.lines  # ...except the line index, which the engine builds once for all rules
        t0 = time.perf_counter()
        n = sum(len(list(rule.check(d))) for d in fresh)
        dt = time.perf_counter() - t0
        total_time += dt
        total_findings += n
        print(f"{cls.code} {cls.name:<26} {dt * 1000:8.1f} ms  {chars / dt / 1e6:8.1f} M chars/s  {n:6d} findings")
    print(f"all A rules                    {total_time * 1000:8.1f} ms  {chars / total_time / 1e6:8.1f} M chars/s  "
          f"{total_findings} findings ({len(docs) / total_time:.0f} docs/s)")


if __name__ == "__main__":
    main()
