"""Pathological layouts: CPU and peak RSS of one ``corpuslint check`` on each case.

    python benchmarks/bench_longlines.py [--cues 10000] [--lines 200] [--run 5000] [--keep DIR]

Cases, generated at run time (nothing committed), each in a folder of its own (the
corpus scope would otherwise read the others):

* ``columns.txt``: ``--lines`` lines, a different 6-letter first cell padded by
  ``--run`` spaces to one column, then words (W103's column checks walk the neighbour
  lines of every run: they were quadratic in the run's length);
* ``tags.srt``: ``--cues`` SubRip cues, each a line of 20 inline tags (``<i>w0</i>
  ... <b>x9</b>``): 40 markup regions a cue; and the same bytes as ``tags.txt``;
* ``oneline-N.txt``: one line of prose of ``--oneline-mb`` MB and of four times that
  (a table of contents or an article saved without line breaks: fresh22's 50 MB file),
  each sentence with what the whitespace rules look at (a no-break space between words,
  a space before a comma, a padded quotation, an arrow): the CPU of the larger should
  be about 4x the smaller's. Work per match proportional to the line (a slice or a
  count from the match to the line's end) shows as 16x;
* ``oneline-ja-N.txt``: the same for one line of Japanese of ``--cjk-mb`` MB and four times
  that, declared ``ja`` (``per-file-language``), with IDEOGRAPHIC SPACEs between words and
  beside and between Latin words (W102 asks whether the space's line holds CJK). ``--only PREFIX``
  runs only the cases whose file name starts with PREFIX.

One ``corpuslint check --no-cache --format json`` subprocess per case, default rules;
CPU seconds (user + system) and peak RSS from ``os.wait4``; the number of findings is
printed so that a fast wrong answer shows. Printed, never asserted.

Measured 2026-12-05 (2 shared cores, load 5-20), one-line prose (``oneline``, this generator),
default rules, one ``check`` each: main 309b1c9b -> long43 0.5 MB 4.71 -> 3.00 s, 1 MB 12.00 -> 5.62 s,
2 MB 12.49 -> 6.37 s, 4 MB 40.03 -> 12.61 s (142 -> 143 MB), 16 MB > 1,100 s (killed) -> 49.18 s,
412 MB; findings byte-identical up to 4 MB. W114 read the line back to its start (or on to its end)
per mark: ``code_near``/``in_code_run``'s line breaks, ``_in_signature``'s formulas, ``_in_subscript``'s
"[", the address test's tab; S104 (lines up to 1 MB) its options per pair, ``_placeholder_in_name``
the whole text per pair, ``in_verse`` the first line's start: ``--select S`` 1 MB 7.37 -> 3.94 s.

Measured 2026-12-04 (load 17-18), one-line Japanese declared ``ja``, default rules (``--only
oneline-ja --cjk-mb 1``): lead 1.35 / 28.92 s CPU at 1 / 4 MB (W102 read the line back to its
start for each IDEOGRAPHIC SPACE not between CJK characters), left23 1.20 / 0.97 s; the same
finding. W102 alone (``lint_text``): lead 0.91 / 28.4 s, now 0.45 / 0.47 s.

Measured 2026-12-04 (idle), one-line prose of 0.1 / 0.2 MB (this generator), `--select W`:
lead 20.5 s / -, int21 9.8 / 37.3 s (W114's last word searched from the line's start,
its shell-word and spelled-out tests split the line, per mark), now 0.54 / 0.75 s;
`--select S`: 2.64 / 9.57 -> 0.53 / 0.62 s (S104 read the line again per repetition).
fresh22's 50 MB one-line file, default rules: lead killed at 300 s, int21 21.5 s, 442 MB.

Measured 2026-12-02 (2 shared cores, load 15-25), lead -> rec13:
columns.txt (200 lines x 5,000 spaces) 9.60 -> 1.36 s CPU; tags.srt of 10 k cues
(2.4 MB) 10.65 s / 405 MB -> 7.23 s / 277 MB (A106 made and the engine dropped 406,920
findings on the cues' tags); findings byte-identical. In one run of this script each
(load 15-18): columns.txt 10.20 -> 1.65 s; tags.srt 10.15 s / 388 MB -> 6.76 s / 266 MB;
tags.txt 24.4 s / 403 MB -> 24.0 s / 394 MB (not changed: 400,004 real A106 findings,
one per tag of a plain-text file).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

import measured  # (benchmarks/: a command's own CPU seconds and peak RSS)


def columns(n: int, run: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    lines = []
    for _ in range(n):
        cell = "".join(rng.choice("abcdefghij") for _ in range(6)).capitalize()
        words = " ".join(rng.choice(["alpha", "beta", "gamma", "delta", "word", "text"]) for _ in range(3))
        lines.append(cell + " " * run + words + ".")
    return "\n".join(lines) + "\n"


def cues(n: int) -> str:
    def stamp(x: int) -> str:
        return f"{x // 3600:02d}:{x // 60 % 60:02d}:{x % 60:02d},000"

    line = " ".join(f"<i>w{j}</i>" for j in range(10)) + " " + " ".join(f"<b>x{j}</b>" for j in range(10))
    return "\n".join(f"{i + 1}\n{stamp(2 * i)} --> {stamp(2 * i + 1)}\n{line}\n" for i in range(n))


def oneline(mb: float, seed: int = 5) -> str:
    """One line of about ``mb`` MB of sentences, each with a no-break space between
    words, a space before a comma, a padded quotation and an arrow."""
    rng = random.Random(seed)
    words = ["debian", "future", "version", "developers", "release", "book", "chapter", "story"]
    parts, size = [], 0
    while size < mb * 1e6:
        w = [rng.choice(words) for _ in range(6)]
        sentence = (f"The {w[0]}\u00a0{w[1]} is {w[2]} , and \" {w[3]} {w[4]} \" says "
                    f"\u2192\u00a0{w[5]} {rng.randrange(10**6)}. ")
        parts.append(sentence)
        size += len(sentence.encode("utf-8"))
    return "".join(parts).rstrip() + "\n"


def oneline_cjk(mb: float, seed: int = 7) -> str:
    """One line of about ``mb`` MB of Japanese sentences (declared ``ja`` by the case's
    corpuslint.toml), each with IDEOGRAPHIC SPACEs between CJK words, beside a Latin word
    ("APT\u3000パッケージ") and between two ("Debian\u3000GNU"): W102 asks whether the line
    holds CJK of the last."""
    rng = random.Random(seed)
    words = ["パッケージ", "管理", "システム", "設定", "ファイル", "開発者", "版", "章"]
    parts, size = [], 0
    while size < mb * 1e6:
        w = [rng.choice(words) for _ in range(4)]
        sentence = f"{w[0]}\u3000{w[1]}の APT\u3000{w[2]}は Debian\u3000GNU {w[3]}\u3000{rng.randrange(10**6)}です。"
        parts.append(sentence)
        size += len(sentence.encode("utf-8"))
    return "".join(parts) + "\n"


def measure(folder: str, name: str) -> None:
    cmd = [sys.executable, "-m", "corpuslint", "check", "--no-cache", "--format", "json", "--exit-zero",
           "-o", os.path.join(folder, "out.json"), name]
    t0 = time.perf_counter()
    proc = measured.spawn(cmd, cwd=folder)  # (its own peak RSS: see measured.py)
    status, usage = measured.wait(proc)
    wall = time.perf_counter() - t0
    with open(os.path.join(folder, "out.json"), encoding="utf-8") as fh:
        found = len(json.load(fh)["diagnostics"])
    mb = os.path.getsize(os.path.join(folder, name)) / 1e6
    print(f"{name:12} {mb:5.1f} MB: CPU {usage.ru_utime + usage.ru_stime:6.2f} s, wall {wall:6.1f} s, "
          f"peak RSS {usage.ru_maxrss / 1024:5.0f} MB, {found:,} findings, exit {os.waitstatus_to_exitcode(status)}",
          flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cues", type=int, default=10_000)
    ap.add_argument("--lines", type=int, default=200)
    ap.add_argument("--run", type=int, default=5_000)
    ap.add_argument("--oneline-mb", type=float, default=4.0, help="the smaller one-line file, MB (the larger: 4x)")
    ap.add_argument("--cjk-mb", type=float, default=1.0, help="the smaller one-line Japanese file, MB (the larger: 4x)")
    ap.add_argument("--only", help="run only the cases whose file name starts with this")
    ap.add_argument("--keep", help="generate into DIR and keep it")
    args = ap.parse_args()
    root = args.keep or tempfile.mkdtemp(prefix="bench-longlines-")
    try:
        subtitles = cues(args.cues)
        cases = [("columns.txt", columns(args.lines, args.run)), ("tags.srt", subtitles), ("tags.txt", subtitles)]
        cases += [(f"oneline-{mb:g}.txt", oneline(mb)) for mb in (args.oneline_mb, 4 * args.oneline_mb)]
        cases += [(f"oneline-ja-{mb:g}.txt", oneline_cjk(mb)) for mb in (args.cjk_mb, 4 * args.cjk_mb)]
        cases = [c for c in cases if not args.only or c[0].startswith(args.only)]
        for name, text in cases:
            folder = os.path.join(root, name.replace(".", "-"))
            os.makedirs(folder, exist_ok=True)
            if name.startswith("oneline-ja"):  # declared Japanese: W102's IDEOGRAPHIC SPACE branch for CJK text
                with open(os.path.join(folder, "corpuslint.toml"), "w", encoding="utf-8") as fh:
                    fh.write('[per-file-language]\n"*.txt" = "ja"\n')
            with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
                fh.write(text)
            measure(folder, name)
        print(f"(load average {os.getloadavg()[0]:.1f})")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
