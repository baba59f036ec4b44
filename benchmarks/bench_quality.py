"""Throughput of the corpuslint-quality plugin rules (Q101-Q111) and of config-defined custom rules.

Run: python benchmarks/bench_quality.py [--copies N]

The corpus is generated at run time from the seed articles of samples/news-ar:
``--copies`` shuffled-paragraph variants of each seed (ordinary documents, where no
quality rule fires), plus one long document of about 100,000 words (the Gopher upper
bound). Prints characters per second per rule, for the whole plugin, and for three
custom rules (one of each kind) built from config.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins" / "corpuslint-quality"))

from corpuslint.document import Document  # noqa: E402
from corpuslint.families.custom import rules_from_section  # noqa: E402
from corpuslint_quality.rules import RULES  # noqa: E402

CUSTOM = {
    "comment-box": {"kind": "existence", "tokens": ["اترك تعليقاً", "اقرأ أيضا"], "patterns": [r"لن يتم نشر\S*"]},
    "nisba": {"kind": "substitution", "swap": {"(ال)?كورى": "$1كوري", "فى": "في", "الروسى": "الروسي|روسيا"}},
    "seoul": {"kind": "consistency", "either": [["سيول", "سيئول"], ["بيونغ يانغ", "بيونج يانج"]]},
}


def corpus(copies: int) -> list[Document]:
    rng = random.Random(6)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "news-ar").glob("*.txt"))]
    docs = []
    for i in range(copies):
        for j, text in enumerate(seeds):
            paragraphs = [p for p in text.split("\n") if p.strip()]
            rng.shuffle(paragraphs)
            docs.append(Document(f"gen/{i:05d}_{j}.txt", "\n\n".join(paragraphs) + "\n"))
    long_text = "\n".join(seeds) * 55  # ~100k words
    docs.append(Document("gen/long.txt", long_text))
    return docs


def timed(rule, docs) -> tuple[float, int]:
    start = time.perf_counter()
    found = 0
    for doc in docs:
        found += len(list(rule.check(doc)))
    return time.perf_counter() - start, found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=400)
    args = parser.parse_args()
    docs = corpus(args.copies)
    chars = sum(len(d.text) for d in docs)
    for d in docs:  # shared, cached views (computed once per document by the engine)
        d.lines, d.paragraphs, d.words  # noqa: B018
    print(f"{len(docs)} documents, {chars / 1e6:.1f} M characters (Document views precomputed)")
    total = 0.0
    for cls in RULES:
        seconds, found = timed(cls(), docs)
        total += seconds
        print(f"  {cls.code} {cls.name:26} {chars / seconds / 1e6:8.1f} M chars/s  findings: {found}")
    print(f"  all quality rules               {chars / total / 1e6:8.1f} M chars/s")
    for cls in rules_from_section(CUSTOM):
        seconds, found = timed(cls(), docs)
        print(f"  {cls.code} custom {cls.name:19} {chars / seconds / 1e6:8.1f} M chars/s  findings: {found}")


if __name__ == "__main__":
    main()
