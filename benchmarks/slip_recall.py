"""Recall of S101 (slip) on real Arabic, Persian and Urdu text with injected typing slips.

    python benchmarks/slip_recall.py [--dir DIR] [--corpus NAME ...] [--rate 0.01] [--seed 1]
                                     [--show-missed N] [--show-unplanted N] [--json FILE]

For each corpus (default: the Arabic news-ar-web, udhr-ar, debian-handbook-ar,
religious-ar-vocalised, hadith-abudawud and the seeds in samples/news-ar; the Persian
udhr-fa, debian-handbook-fa, poetry-fa-hafez; the Urdu udhr-ur; folders built by
``benchmarks/realtext.py build`` under DIR, default $CORPUSLINT_REALTEXT_DIR, else
benchmarks/.data/realtext) it reads the text (``*.txt``; the ``text`` field of each
``*.jsonl`` record, in the corpus's language), injects slips into about ``--rate`` of the
word tokens, runs S101 and S103 in this process (collect every document, reduce the
corpus), and prints recall, not asserted:

* by slip type: ``key`` (a letter replaced by its left or right neighbour on the
  keyboard row: Arabic 101; Persian standard, also used for Urdu), ``confusion`` (ه/ة,
  ى/ي (these two word-final), ا/أ/إ, ض/ظ in Arabic; ض/ظ/ز/ذ, س/ص/ث, ت/ط, ح/ه, ا/آ, ق/غ in Persian and Urdu,
  with ہ/ھ and ی/ے in Urdu), ``drop``, ``double``, ``swap`` (two neighbouring letters),
  ``space`` (the space between two words lost);
* by stem length: the original word's letters without the article (ال, وال, بال, فال,
  كال, لل) and without marks;
* by how often the original word occurs in the (clean) corpus: 1, 2-4, 5+ (S101 needs
  the right spelling at least twice);
* S103's hits on the same slips, and the S101 findings on words that were not injected
  (``--show-unplanted`` prints them with their line, to read by hand).

A slip is injected only when the word it makes is new to the corpus and rejected by the
language's dictionary (after the usual retries): a slip that makes another real word
(قلب -> قلت) is a real-word error no dictionary rule can see; those are counted
("real-word", not injected). Each injected spelling is distinct, so it occurs once.
Letter positions are uniform over the word (first and last letters included): real slips
fall anywhere. Marks (harakat) stay on their letter. Small corpora get up to five rounds
with other seeds so that each corpus has about ``--min-planted`` slips.

Nothing here is timed; the CPU of the runs is printed for information.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpuslint.document import Document  # noqa: E402
from corpuslint.families.spelling import Slip, TransliterationInconsistency  # noqa: E402
from corpuslint.families.spelling.backends import get_backend  # noqa: E402
from corpuslint.rules import CorpusView  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_spelling import apply_edits  # noqa: E402

CORPORA = {
    "news-ar-web": "ar", "udhr-ar": "ar", "debian-handbook-ar": "ar", "religious-ar-vocalised": "ar",
    "hadith-abudawud": "ar", "samples/news-ar": "ar",
    "udhr-fa": "fa", "debian-handbook-fa": "fa", "poetry-fa-hafez": "fa",
    "udhr-ur": "ur",
}

LETTER = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5"
MARK = "\u064b-\u065f\u0670\u06d6-\u06ed"
TOKEN_RE = re.compile(f"[{LETTER}][{LETTER}{MARK}]*")
CLUSTER_RE = re.compile(f"[{LETTER}][{MARK}]*")
MARKS_RE = re.compile(f"[{MARK}]")
ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")

KEY_ROWS = {
    "ar": ["ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرىةوزظ"],
    "fa": ["ضصثقفغعهخحجچ", "شسیبلاتنمکگ", "ظطزرذدپو"],
    "ur": ["ضصثقفغعہخحجچ", "شسیبلاتنمکگ", "ظطزرذدپو"],
}
CONFUSIONS = {
    "ar": ["هة", "ىي", "اأإ", "ضظ"],
    "fa": ["ضظزذ", "سصث", "تط", "حه", "اآ", "قغ"],
    "ur": ["ضظزذ", "سصث", "تط", "حہ", "اآ", "قغ", "ہھ", "یے"],
}
_FINAL_ONLY = frozenset("هةىيہھیے")
SLIP_TYPES = ("key", "confusion", "drop", "double", "swap", "space")


def strip_marks(s: str) -> str:
    return MARKS_RE.sub("", s)


def stem_length(word: str, lang: str) -> int:
    bare = strip_marks(word)
    if lang == "ar":
        for a in ARTICLES:
            if bare.startswith(a) and len(bare) - len(a) >= 2:
                return len(bare) - len(a)
    return len(bare)


def neighbours(lang: str) -> dict[str, str]:
    out: dict[str, str] = defaultdict(str)
    for row in KEY_ROWS[lang]:
        for i, c in enumerate(row):
            out[c] += (row[i - 1] if i else "") + (row[i + 1] if i + 1 < len(row) else "")
    return out


def confusions(lang: str) -> dict[str, str]:
    out: dict[str, str] = defaultdict(str)
    for group in CONFUSIONS[lang]:
        for c in group:
            out[c] += group.replace(c, "")
    return out


def mutate(word: str, kind: str, lang: str, rng: random.Random) -> str | None:
    """``word`` with one slip of ``kind`` (letters with their marks as units), or None."""
    cl = CLUSTER_RE.findall(word)
    if "".join(cl) != word or len(cl) < 2:
        return None
    i = rng.randrange(len(cl))
    if kind in ("key", "confusion"):
        table = neighbours(lang) if kind == "key" else confusions(lang)
        options = [j for j in range(len(cl)) if table.get(cl[j][0])]
        if kind == "confusion":  # ه/ة and ى/ي (ہ/ھ, ی/ے) are confused at the end of a word
            options = [j for j in options if j == len(cl) - 1 or cl[j][0] not in _FINAL_ONLY]
        if not options:
            return None
        i = rng.choice(options)
        cl[i] = rng.choice(table[cl[i][0]]) + cl[i][1:]
    elif kind == "drop":
        del cl[i]
    elif kind == "double":
        cl.insert(i, cl[i][0])
    elif kind == "swap":
        i = rng.randrange(len(cl) - 1)
        if cl[i][0] == cl[i + 1][0]:
            return None
        cl[i], cl[i + 1] = cl[i + 1], cl[i]
    return "".join(cl)


def read_corpus(folder: Path, max_words: int) -> dict[str, str]:
    """path -> text: ``*.txt`` files and the ``text`` of ``*.jsonl`` records (path#id),
    in sorted order, until ``max_words`` word tokens."""
    out: dict[str, str] = {}
    words = 0
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or p.suffix not in (".txt", ".jsonl"):
            continue
        rel = str(p.relative_to(folder))
        if p.suffix == ".txt":
            items = [(rel, p.read_text(encoding="utf-8", errors="replace"))]
        else:
            items = []
            for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                try:
                    text = json.loads(line).get("text")
                except (ValueError, AttributeError):
                    continue
                if isinstance(text, str) and TOKEN_RE.search(text):
                    items.append((f"{rel}#{n}", text))
        for path, text in items:
            if not TOKEN_RE.search(text):
                continue
            out[path] = text
            words += len(TOKEN_RE.findall(text))
            if words >= max_words:
                return out
    return out


def plant(texts: dict[str, str], lang: str, rng: random.Random, rate: float, tally: Counter):
    """Inject slips; returns (new texts, planted: {(path, start, end): info dict})."""
    backend = get_backend(lang).load()
    counts: Counter = Counter()
    for t in texts.values():
        counts.update(strip_marks(w) for w in TOKEN_RE.findall(t))
    vocab = set(counts)
    used: set[str] = set()
    out, planted = {}, {}
    for path in sorted(texts):
        text = texts[path]
        toks = list(TOKEN_RE.finditer(text))
        edits = []
        skip_until = -1
        for n, m in enumerate(toks):
            if m.start() < skip_until or rng.random() >= rate:
                continue
            word = m.group()
            bare = strip_marks(word)
            if len(bare) < 3 or text[m.end() : m.end() + 1] == "\u200c" or text[m.start() - 1 : m.start()] == "\u200c":
                continue
            kind = rng.choice(SLIP_TYPES)
            end = m.end()
            if kind == "space":
                if n + 1 >= len(toks) or text[m.end() : toks[n + 1].start()] != " " or len(strip_marks(toks[n + 1].group())) < 2:
                    tally["no-slip"] += 1
                    continue
                end = toks[n + 1].end()
                new = word + toks[n + 1].group()
            else:
                new = mutate(word, kind, lang, rng)
            if new is None:
                tally["no-slip"] += 1
                continue
            new_bare = strip_marks(new)
            if new_bare in vocab or new_bare in used:
                tally["real-word"] += 1
                continue
            if backend.known(backend.clean(new)):
                tally["real-word"] += 1
                continue
            used.add(new_bare)
            f = counts[bare]
            edits.append((m.start(), end, new, {
                "kind": kind, "slip": new_bare, "original": strip_marks(text[m.start():end]),
                "stem": stem_length(word, lang), "freq": "1" if f <= 1 else "2-4" if f < 5 else "5+",
            }))
            skip_until = end + 1
        out[path], spans = apply_edits(text, edits)
        planted.update({(path, a, b): info for (a, b), info in spans.items()})
    return out, planted


def run_rules(texts: dict[str, str]) -> tuple[list, list, float]:
    docs = {p: Document(p, t) for p, t in texts.items()}
    slip, translit = Slip(), TransliterationInconsistency()
    c0 = time.process_time()
    states = {p: slip.collect(d) for p, d in docs.items()}
    s101 = list(slip.reduce(CorpusView(states, set(docs), docs)))
    states = {p: translit.collect(d) for p, d in docs.items()}
    s103 = list(translit.reduce(CorpusView(states, set(docs), docs)))
    return s101, s103, time.process_time() - c0


def overlaps(findings: list, planted: dict) -> tuple[set, list]:
    """Planted keys hit by a finding, and the findings on no planted span."""
    by_path: dict[str, list] = defaultdict(list)
    for key in planted:
        by_path[key[0]].append(key)
    hit, other = set(), []
    for f in findings:
        keys = [k for k in by_path.get(f.path, ()) if k[1] < f.end and f.start < k[2]]
        hit.update(keys)
        if not keys:
            other.append(f)
    return hit, other


def stem_bucket(n: int) -> str:
    return "<=3" if n <= 3 else "8+" if n >= 8 else str(n)


def corpus_dir(root: Path, name: str) -> Path:
    return ROOT / name if name.startswith("samples/") else root / name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=Path(os.environ.get("CORPUSLINT_REALTEXT_DIR") or ROOT / "benchmarks" / ".data" / "realtext"))
    ap.add_argument("--corpus", action="append", help=f"corpus (repeatable; default: {', '.join(CORPORA)})")
    ap.add_argument("--rate", type=float, default=0.01, help="share of word tokens a slip is tried on")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min-planted", type=int, default=150, help="more rounds (up to 5) for small corpora")
    ap.add_argument("--max-words", type=int, default=250_000, help="words read per corpus (files in sorted order)")
    ap.add_argument("--show-missed", type=int, default=0, metavar="N")
    ap.add_argument("--show-unplanted", type=int, default=0, metavar="N")
    ap.add_argument("--json", type=Path, help="write the tallies as JSON")
    args = ap.parse_args()
    names = args.corpus or list(CORPORA)
    groups = {"ar": Counter(), "fa": Counter(), "ur": Counter()}
    report = {}
    for name in names:
        lang = CORPORA.get(name, "ar")
        folder = corpus_dir(args.dir, name)
        if not folder.is_dir():
            print(f"{name}: no folder {folder}, skipped")
            continue
        texts = read_corpus(folder, args.max_words)
        n_words = sum(len(TOKEN_RE.findall(t)) for t in texts.values())
        tally: Counter = Counter()
        rows: dict[str, Counter] = defaultdict(Counter)
        unplanted, missed, cpu, rounds, planted_total = [], [], 0.0, 0, 0
        while rounds < 5 and (rounds == 0 or planted_total < args.min_planted):
            rng = random.Random(f"{args.seed}:{name}:{rounds}")
            new_texts, planted = plant(texts, lang, rng, args.rate, tally)
            s101, s103, c = run_rules(new_texts)
            cpu += c
            hit101, other = overlaps(s101, planted)
            hit103, _ = overlaps(s103, planted)
            for key, info in planted.items():
                for dim, val in (("type", info["kind"]), ("stem", stem_bucket(info["stem"])), ("freq", info["freq"]), ("all", "all")):
                    r = rows[f"{dim}:{val}"]
                    r["n"] += 1
                    r["s101"] += key in hit101
                    r["s103"] += key in hit103
                if key not in hit101:
                    missed.append(info)
            if rounds == 0:
                unplanted = [(f, new_texts[f.path]) for f in other]
            planted_total += len(planted)
            rounds += 1
        print(f"\n== {name} ({lang}): {len(texts)} documents, {n_words:,} words; {rounds} round(s), "
              f"{planted_total} slips injected ({tally['real-word']} real-word and {tally['no-slip']} "
              f"impossible tries not injected); S101+S103 CPU {cpu:.1f} s")
        print(f"  {'':<16}{'n':>6}{'S101':>6}{'recall':>8}{'S103':>6}")
        for dim in ("type", "stem", "freq", "all"):
            for k in sorted((k for k in rows if k.startswith(dim + ":")), key=_order):
                r = rows[k]
                print(f"  {k:<16}{r['n']:>6}{r['s101']:>6}{r['s101'] / max(r['n'], 1):>8.2f}{r['s103']:>6}")
                if dim != "all":
                    groups[lang][k + ":n"] += r["n"]
                    groups[lang][k + ":s101"] += r["s101"]
        print(f"  S101 findings on words not injected (round 1): {len(unplanted)} "
              f"({1000 * len(unplanted) / max(n_words, 1):.2f} per 1,000 words)")
        for info in missed[: args.show_missed]:
            print(f"  missed {info['kind']:<9} stem {info['stem']} freq {info['freq']:<4} {info['slip']} <- {info['original']}")
        for f, text in unplanted[: args.show_unplanted]:
            line_start = text.rfind("\n", 0, f.start) + 1
            line_end = text.find("\n", f.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            print(f"  unplanted {f.path}:{f.line} «{text[f.start:f.end]}» {f.message[:100]}\n      {line[:200]}")
        report[name] = {"lang": lang, "words": n_words, "rows": {k: dict(v) for k, v in rows.items()},
                        "unplanted": len(unplanted), "tally": dict(tally)}
    for lang, g in groups.items():
        if not g:
            continue
        print(f"\n== all {lang} corpora: recall of S101")
        for k in sorted({k.rsplit(":", 1)[0] for k in g}, key=_order):
            n, s = g[k + ":n"], g[k + ":s101"]
            print(f"  {k:<16}{n:>6}{s:>6}{s / max(n, 1):>8.2f}")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


def _order(k: str):
    dim, _, val = k.partition(":")
    val = val.split(":")[0]
    rank = {"type": 0, "stem": 1, "freq": 2, "all": 3}.get(dim, 4)
    if dim == "type":
        return (rank, SLIP_TYPES.index(val) if val in SLIP_TYPES else 9, val)
    if dim == "stem":
        return (rank, {"<=3": 3, "8+": 8}.get(val) or int(val), val)
    if dim == "freq":
        return (rank, ["1", "2-4", "5+"].index(val) if val in ("1", "2-4", "5+") else 9, val)
    return (rank, 0, val)


if __name__ == "__main__":
    main()
