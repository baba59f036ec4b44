"""Adversarial inputs: does any default rule's CPU grow faster than its input?

    python benchmarks/bench_pathological.py [--n 2000] [--only CASE,...] [--timeout 120] [--keep DIR]

Each case is a generator of one file (nothing committed) of ``n`` units and of ``4 n``
units -- a unit is a run of spaces, a mark, a word, a line, a nesting level, a table row,
a continuation line: what the case repeats. One line or many, in several scripts:

* ``runs-latin``, ``runs-arabic``, ``runs-cjk``: one line, words alternating with runs of
  2-6 spaces, tabs and no-break spaces (W103's column checks were quadratic in the runs);
* ``runs-4lines``: the same runs on four long lines (each run has neighbour lines);
* ``glued``: one line of links, addresses, entities, tags, tatweel, padded quotes,
  digits glued to words, hex ids, emphasis and bullets, each beside a word;
* ``copies``: ``n`` copies of one line with a doubled space (no column: W103 walked the
  block from each line);
* ``punct-latin``, ``punct-arabic``: one line of words each followed by a space and a
  mark (``, . ; : ! ?`` and Arabic ``، ؛ ؟``) and bare runs of marks (``!!!??...``);
* ``near-copies``: two paragraphs of ``n`` words of a small vocabulary, the second the
  first with "a" inserted and "the" dropped every 20 words (D102 aligns their words);
* ``period-copies``: two paragraphs of ``n`` words repeating 20, the second with a word
  inserted at a tenth and at nine tenths (no word or run of up to 32 words occurs once);
* ``repeat-latin``, ``repeat-arabic``: one line of one word repeated (S104's case);
* ``token``: one token of ``n * 100`` letters (a 5 MB token: ``--n 12500`` and 4x; past
  1,000,000 characters the per-word rules give way to F008);
* ``bidi``: one Arabic line whose words are separated by RLM, LRM, ZWSP, ZWNJ and ZWJ;
* ``short-lines``: ``n`` lines of one or two words each (many lines);
* ``md-list``, ``md-quote``: Markdown nested ``n / 4`` deep (a list item in each, a
  quotation in each; 1,000 deep at ``--n 4000``);
* ``md-table``: a Markdown table of ``n`` rows of 4 cells;
* ``po-entry``: one .po entry whose msgid and msgstr have ``n`` continuation lines with
  placeholders and newlines;
* ``jsonl-record``: one JSON Lines record whose text field holds ``n`` sentences with
  ``\\n`` escapes (one physical line);
* ``misspelt-path``: one path of ``2 n`` known misspellings, English and Arabic
  ("teh/لاكن/teh/..."): S105 and S106 test each candidate against the URLs and paths of its
  run (``corrections.ProtectedRuns``: once a run, not once a candidate).

For each case and size, a child process runs ``corpuslint check --no-cache --jobs 1
--format json`` on the file with every default rule and reports the CPU seconds of each
rule (``rule_cpu.timed_run``: a document rule's ``check``, a corpus rule's ``collect`` +
``reduce``) and the findings per code. A child past ``--timeout`` is killed; the rule it
was in (each rule's start is written to a side file) is marked ``>timeout`` and the case
re-run without it. Printed: per rule and case, CPU at n and 4 n and their ratio (4 for
linear work, 16 for quadratic) -- only rules whose time at 4 n is at least ``--floor`` s;
ratios are per 4x the characters (the CPU ratio times 4 / the characters' ratio: Markdown
nesting's indentation grows with the depth); every ratio over ``--flag`` (default 8) is flagged ``SUPERLINEAR``. With
``--targets-json FILE`` the worst ratio per case goes to run.py's table.

CPU is process time of one process; on a loaded machine a ratio near 4-6 is noise, one of
16 or more is not. ``--timeout`` is wall time (a loaded machine reaches it sooner); a
case's "total" leaves out the rules that reached it.

Measured 2026-12-04 (load 14-18, ``--n 2000``), lead -> path25, CPU s at n / 4n (ratio):

    runs-latin    W103  0.28 / 4.08 (14.5)   -> under 0.05 s at 4n (below --floor)
    runs-arabic   W103  0.25 / 3.70 (14.7)   -> under 0.05 s
    runs-cjk      W103  0.38 / >120 s wall   -> under 0.05 s
    runs-4lines   W103  0.10 / 1.16 (12.1)   -> under 0.05 s
    copies        W103  2.01 / >120 s wall   -> 0.07 / 0.28 (4.0)
    glued         A101  0.36 / 5.28 (14.4)   -> 0.02 / 0.08 (3.2)
    glued         A106  0.53 / >120 s wall   -> 0.02 / 0.06 (3.4)
    glued         A107  0.43 / >120 s wall   -> under 0.05 s
    glued         W113  0.17 / 2.83 (16.3)   -> under 0.05 s
    bidi          W112  0.05 / 0.68 (12.4)   -> 0.02 / 0.06 (3.5)
    jsonl-record  S104  0.99 / 11.96 (12.1)  -> 0.25 / 1.05 (4.1)
    runs-4lines   D102  0.06 / 0.89 (15.3)   -> not changed (difflib's SequenceMatcher on two
                        paragraphs of thousands of words from a small vocabulary)

Every other rule on every case: ratio at most 5.5 (or under 0.05 s at 4n), before and after.
The Markdown cases' characters grow 16x (indentation); their ratios are per 4x characters.

Measured 2026-12-04 (load 18-26, ``--n 2000``), lead -> d102 (``meaning.word_matcher``: the
patience matcher over passages of more than 500 words each), CPU s at n / 4n (ratio):

    near-copies   D102  1.94 / >400 s wall   -> 0.02 / 0.05 (2.5), findings 1 / 1
    near-copies   D103  0.00 / >400 s wall   -> 0.00 / 0.01
    runs-4lines   D102  0.08 / 1.08 (14.1)   -> 0.07 / 0.09 (1.3)
    period-copies D102  0.03 / 0.41 (13.0)   -> 0.01 / 0.05 (3.4), findings 0 / 0 both

(``meaning._word_change`` alone on near-copies of 500 / 1,000 / 2,000 / 4,000 words: lead
0.03 / 0.23 / 1.85 / 16.45 s, d102 0.04 / 0.00 / 0.01 / 0.02 s; 128,000 words: 0.84 s.)
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

LATIN = ["the", "package", "manager", "version", "release", "story", "chapter", "book"]
ARABIC = ["الكتاب", "في", "المدينة", "قال", "الرئيس", "عن", "السنة", "الجديدة"]
CJK = ["パッケージ", "管理", "システム", "設定", "ファイル", "開発者", "版", "章"]
SPACES = [" ", "\t", "\u00a0"]


def _words(rng: random.Random, vocab: list[str]) -> str:
    return rng.choice(vocab)


def runs(n: int, vocab: list[str], seed: int = 1) -> str:
    rng = random.Random(seed)
    parts = []
    for _ in range(n):
        parts.append(_words(rng, vocab))
        parts.append("".join(rng.choice(SPACES) for _ in range(rng.randrange(2, 7))))
    return "".join(parts) + "end.\n"


def runs_lines(n: int, vocab: list[str], lines: int = 4) -> str:
    """``runs`` of ``n`` runs cut into ``lines`` long lines (neighbour lines: W103's columns)."""
    return "".join(runs(n // lines, vocab, seed=i) for i in range(lines))


def glued(n: int, seed: int = 8) -> str:
    """One line of the things the artifact and whitespace rules match, ``n`` of them:
    links, addresses, entities, tags, tatweel, quotes padded inside, digits glued to words."""
    rng = random.Random(seed)
    items = ["https://example.org/a/b?c=1", "user@example.org", "&amp;", "&nbsp;", "<b>", "</i>", "كتـــاب",
             "\" \u0627\u0644\u0643\u062a\u0627\u0628 \"", "العام2020", "page12", "a0f3c9e1b2d4", "**bold**", "• ·"]
    return " ".join(rng.choice(items) + " " + _words(rng, ARABIC + LATIN) for _ in range(n)) + "\n"


def punct(n: int, vocab: list[str], marks: str, seed: int = 2) -> str:
    rng = random.Random(seed)
    parts = []
    for i in range(n):
        if i % 10 == 9:
            parts.append("".join(rng.choice(marks) for _ in range(rng.randrange(3, 12))) + " ")
        else:
            parts.append(f"{_words(rng, vocab)} {rng.choice(marks)} ")
    return "".join(parts).rstrip() + "\n"


def near_copies(n: int, vocab: list[str], seed: int = 9) -> str:
    """Two paragraphs of ``n`` words of ``vocab``, the second a near-copy of the first: every
    20th word has "a" inserted before it, every 20th (offset) "the" dropped (D102 aligns the
    two paragraphs' words)."""
    rng = random.Random(seed)
    words = [_words(rng, vocab) for _ in range(n)]
    copy = []
    for i, w in enumerate(words):
        if i % 20 == 10:
            copy.append("a")
        if i % 20 == 15 and w == "the":
            continue
        copy.append(w)
    return " ".join(words) + ".\n\n" + " ".join(copy) + ".\n"


def period_copies(n: int, period: list[str]) -> str:
    """Two paragraphs of ``n`` words repeating ``period``, the second with "a" inserted at a
    tenth and "the" at nine tenths (no word and no run of words occurs once: D102's word
    alignment leaves long changed blocks of a few words)."""
    words = (period * (n // len(period) + 1))[:n]
    copy = list(words)
    copy.insert(n // 10, "a")
    copy.insert(9 * n // 10, "the")
    return " ".join(words) + ".\n\n" + " ".join(copy) + ".\n"


def repeat(n: int, word: str) -> str:
    return " ".join([word] * n) + ".\n"


def token(n: int) -> str:
    return "a" * (100 * n) + "\n"


def bidi(n: int, seed: int = 4) -> str:
    rng = random.Random(seed)
    marks = ["\u200f", "\u200e", "\u200b", "\u200c", "\u200d", "\u200f\u200f"]
    return "".join(_words(rng, ARABIC) + rng.choice(marks) for _ in range(n)) + ".\n"


def short_lines(n: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    return "".join(" ".join(_words(rng, LATIN) for _ in range(rng.randrange(1, 3))) + "\n" for _ in range(n))


def md_list(n: int) -> str:
    depth = max(1, n // 4)
    return "".join("  " * i + f"- item {i} of the list\n" for i in range(depth))


def md_quote(n: int) -> str:
    depth = max(1, n // 4)
    return "".join(">" * (i + 1) + f" quoted line {i}\n" for i in range(depth))


def md_table(n: int, seed: int = 6) -> str:
    rng = random.Random(seed)
    rows = ["| name | version | size | notes |", "|------|---------|------|-------|"]
    for i in range(n):
        rows.append(f"| {_words(rng, LATIN)}{i} | 1.{i % 50} | {rng.randrange(10**5)} | {_words(rng, LATIN)} "
                    f"{_words(rng, LATIN)} |")
    return "# Table\n\n" + "\n".join(rows) + "\n"


def po_entry(n: int) -> str:
    def body(lang: str) -> str:
        return "".join(f'"{lang} line {i} with %s and %(name)s and {{{i % 3}}}\\n"\n' for i in range(n))

    return ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
            'msgid ""\n' + body("English") + 'msgstr ""\n' + body("Français") )


def jsonl_record(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    text = "\n".join(" ".join(_words(rng, LATIN) for _ in range(8)).capitalize() + "." for _ in range(n))
    return json.dumps({"id": 1, "text": text}, ensure_ascii=False) + "\n"


CASES = {
    "runs-latin": ("txt", lambda n: runs(n, LATIN)),
    "runs-arabic": ("txt", lambda n: runs(n, ARABIC)),
    "runs-cjk": ("txt", lambda n: runs(n, CJK)),
    "runs-4lines": ("txt", lambda n: runs_lines(n, LATIN)),
    "glued": ("txt", glued),
    "copies": ("txt", lambda n: "The word  is here and there.\n" * n),
    "punct-latin": ("txt", lambda n: punct(n, LATIN, ",.;:!?")),
    "punct-arabic": ("txt", lambda n: punct(n, ARABIC, "،.؛:!؟")),
    "near-copies": ("txt", lambda n: near_copies(n, LATIN)),
    "period-copies": ("txt", lambda n: period_copies(n, LATIN + "of in a to for with and is on it as by".split())),
    "repeat-latin": ("txt", lambda n: repeat(n, "the")),
    "repeat-arabic": ("txt", lambda n: repeat(n, "في")),
    "token": ("txt", token),
    "bidi": ("txt", bidi),
    "short-lines": ("txt", short_lines),
    "md-list": ("md", md_list),
    "md-quote": ("md", md_quote),
    "md-table": ("md", md_table),
    "po-entry": ("po", po_entry),
    "jsonl-record": ("jsonl", jsonl_record),
    "misspelt-path": ("txt", lambda n: "see " + "teh/لاكن/" * n + " end\n"),
}


def write_case(root: str, case: str, n: int) -> str:
    """Write ``case`` at size ``n`` into a folder of its own under ``root`` (the corpus
    scope would otherwise read the other cases); returns the file's path."""
    ext, make = CASES[case]
    folder = os.path.join(root, f"{case}-{n}")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{case}.{ext}")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(make(n))
    return path


def chars(path: str) -> int:
    with open(path, encoding="utf-8") as fh:
        return len(fh.read())


def child(path: str, trace: str, ignore: list[str]) -> None:
    """In a child process: time every rule on ``path``; print one JSON object
    ``{"cpu": {label: s}, "codes": {code: count}, "total": s}``."""
    sys.path.insert(0, HERE)
    import rule_cpu
    from corpuslint import engine

    with open(trace, "w", encoding="utf-8") as fh:

        def started(label: str) -> None:
            fh.write(label + "\n")
            fh.flush()

        # each label is written as it starts: a child killed at the timeout was in the last one
        from corpuslint import index
        compute, collect_one, reduce_one = engine.Linter.compute_findings, index._collect_one, engine.Linter._reduce_one

        def compute_traced(self, doc):
            for rule in self.document_rules + self.record_rules:
                if "_traced" not in rule.__dict__:
                    check = rule.check
                    rule._traced = True
                    rule.check = lambda d, check=check, code=rule.code: (started(f"check {code}"), check(d))[1]
            return compute(self, doc)

        engine.Linter.compute_findings = compute_traced
        index._collect_one = lambda rule, doc: (started(f"collect {rule.code}"), collect_one(rule, doc))[1]
        engine.Linter._reduce_one = lambda self, rule, view: (started(f"reduce {rule.code}"),
                                                              reduce_one(self, rule, view))[1]
        report = path + ".json"
        args = ["--no-cache", "--jobs", "1", "-o", report] + (["--ignore", ",".join(ignore)] if ignore else []) + [path]
        spent, total = rule_cpu.timed_run(args, cwd=os.path.dirname(path))
    cpu: dict[str, float] = collections.defaultdict(float)
    for label, s in spent.items():
        kind, _, code = label.partition(" ")
        if kind in ("check", "collect", "reduce"):
            cpu[code] += s
    with open(report, encoding="utf-8") as fh:
        codes = collections.Counter(d["code"] for d in json.load(fh)["diagnostics"])
    print(json.dumps({"cpu": cpu, "codes": codes, "total": total}))


def measure(path: str, timeout: float) -> dict:
    """Run ``child`` on ``path``; a rule the child is still in after ``timeout`` s is
    reported as ``None`` and the child re-run without it."""
    ignored: list[str] = []
    slow: dict[str, float] = {}
    while True:
        trace = path + ".trace"
        cmd = [sys.executable, os.path.abspath(__file__), "--child", path, "--trace", trace]
        if ignored:
            cmd += ["--ignore-codes", ",".join(ignored)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            with open(trace, encoding="utf-8") as fh:
                labels = fh.read().split()
            code = labels[-1].split()[-1] if labels else "?"
            if code == "?" or code in ignored:
                return {"cpu": {}, "codes": {}, "total": None, "slow": slow}
            ignored.append(code)
            slow[code] = timeout
            continue
        if proc.returncode != 0 or not proc.stdout.strip():  # a crash is a result too: shown, never hidden
            print(f"  {os.path.basename(path)}: the run failed: {(proc.stderr.strip().splitlines() or ['?'])[-1]}")
            return {"cpu": {}, "codes": {}, "total": None, "slow": slow}
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        result["slow"] = slow
        return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="units of the smaller file (the larger: 4x)")
    ap.add_argument("--only", help="comma-separated case names")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per child run")
    ap.add_argument("--floor", type=float, default=0.05, help="hide rules under this CPU (s) at 4 n")
    ap.add_argument("--flag", type=float, default=8.0, help="a 4n/n CPU ratio above this is flagged")
    ap.add_argument("--keep", help="generate into DIR and keep it")
    ap.add_argument("--targets-json", help="write the worst ratio per case here (for run.py)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--trace", help=argparse.SUPPRESS)
    ap.add_argument("--ignore-codes", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.trace, [c for c in args.ignore_codes.split(",") if c])
        return 0
    cases = args.only.split(",") if args.only else list(CASES)
    root = args.keep or tempfile.mkdtemp(prefix="bench-pathological-")
    targets, flagged = {}, []
    try:
        print(f"{'case':14} {'rule':6} {'CPU n':>8} {'CPU 4n':>8} {'ratio':>6}  findings n / 4n"
              "   (ratio: of the CPU, per 4x characters)")
        for case in cases:
            paths = write_case(root, case, args.n), write_case(root, case, 4 * args.n)
            grow = chars(paths[1]) / chars(paths[0])  # 4 but for Markdown nesting (indentation grows too)
            small, large = (measure(p, args.timeout) for p in paths)
            worst = 0.0
            for code in sorted(set(small["cpu"]) | set(large["cpu"]) | set(small["slow"]) | set(large["slow"])):
                a = small["slow"].get(code) or small["cpu"].get(code, 0.0)
                b = large["slow"].get(code) or large["cpu"].get(code, 0.0)
                if b < args.floor and code not in large["slow"]:
                    continue
                ratio = (b / a) * 4 / grow if a > 0.005 else float("nan")
                worst = max(worst, ratio if ratio == ratio else 0.0)
                mark = ""
                if code in large["slow"]:
                    mark = f"  >{args.timeout:g} s SUPERLINEAR"
                elif ratio > args.flag:
                    mark = "  SUPERLINEAR"
                if mark:
                    flagged.append((case, code))
                a_s = f">{a:.0f}" if code in small["slow"] else f"{a:.2f}"
                b_s = f">{b:.0f}" if code in large["slow"] else f"{b:.2f}"
                print(f"{case:14} {code:6} {a_s:>8} {b_s:>8} {ratio:6.1f}  "
                      f"{small['codes'].get(code, 0)} / {large['codes'].get(code, 0)}{mark}", flush=True)
            ta, tb = small["total"], large["total"]
            print(f"{case:14} {'total':6} {ta or 0:8.2f} {tb or 0:8.2f} "
                  f"{(tb / ta) * 4 / grow if ta and tb else float('nan'):6.1f}  "
                  f"({chars(paths[0]):,} / {chars(paths[1]):,} characters)", flush=True)
            targets[f"pathological {case}: worst rule CPU ratio 4n/n"] = {
                "value": round(worst, 1), "target": f"<= {args.flag:g}", "unit": "x",
                "ok": worst <= args.flag and not (small["slow"] or large["slow"])}
        print(f"(n = {args.n}; load average {os.getloadavg()[0]:.1f}; flagged: "
              f"{', '.join(f'{c} on {k}' for k, c in flagged) or 'none'})")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if args.targets_json:
        with open(args.targets_json, "w", encoding="utf-8") as fh:
            json.dump(targets, fh, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
