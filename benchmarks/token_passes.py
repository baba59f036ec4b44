"""CPU seconds of every tokenising pass a default run makes over a corpus (issue 14, target 2).

    python benchmarks/token_passes.py CORPUS_DIR

Each family splits the text into words its own way (their definitions differ: the
quality rules' ``normalize.words`` keeps apostrophes inside words, the duplicate
family's word table splits at them and light-stems, the spelling back-ends match their
own script's letters on the raw text); this times each pass alone over every ``*.txt``
and ``*.md`` of CORPUS_DIR (best of two, process CPU, run-wide memos warm as in a
run), so their total can be set against the whole run's CPU (``rule_cpu.py``): the
most a shared token layer could save. At 10 MB of ``bench_scale`` text (Dec 2) they
total ~0.8 s of a ~15 s run (~6%; 1 s before Q111 counted from the code points), the
largest the spelling split (0.3 s).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit(__doc__)
    from corpuslint.document import Document
    from corpuslint.families.duplicate import local as L
    from corpuslint.families.duplicate import units as U
    from corpuslint.families.spelling import analysis as A
    from corpuslint.families.spelling import backends as B
    from corpuslint.text import normalize
    from corpuslint_quality import rules as Q

    paths = sorted(p for p in Path(args[0]).rglob("*") if p.suffix in (".txt", ".md"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    docs = [Document(str(p), t) for p, t in zip(paths, texts)]
    sentences = [L.paragraph_sentences(d) for d in docs]
    words = [normalize.words(t) for t in texts]
    table = A.token_table(B.ArabicBackend())  # (the dictionary is not read: tokens only)

    def best(fn) -> float:
        times = []
        for _ in range(2):
            t = time.process_time()
            fn()
            times.append(time.process_time() - t)
        return min(times)

    def analyses():
        U._ANALYSES.clear()
        for t in texts:
            U.Analysis(Document("a.txt", t))

    passes = [
        ("normalize.words of each text (quality rules' prose words)", lambda: [normalize.words(t) for t in texts]),
        ("codepoints.letter_tokens (Q111)", lambda: [Q.letter_tokens(t) for t in texts]),
        ("_word_ids of the words (Q103, Q112)", lambda: [Q._word_ids.__wrapped__(w) for w in words]),
        ("duplicate Analysis: units, run table, keys (D101-D106)", analyses),
        ("D103 sentences' content words", lambda: [L._content_token_array([d.text[s.start : s.end] for s in ss])
                                                   for d, ss in zip(docs, sentences)]),
        ("spelling split, token ids, gaps (S101-S103 map)", lambda: [table.tokenize(t, [(0, len(t))]) for t in texts]),
    ]
    total = 0.0
    print(f"{len(texts)} files, {sum(map(len, texts)) / 1e6:.1f} M characters")
    for label, fn in passes:
        cpu = best(fn)
        total += cpu
        print(f"{cpu:7.3f} s  {label}")
    print(f"{total:7.3f} s  all tokenising passes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
