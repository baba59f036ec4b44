"""Benchmark: the whole spelling family (S101-S105) on >= 5 MB of generated Arabic text.

    python benchmarks/bench_spelling.py [--mb 6] [--seed 1] [--doc-kb 5] [--findings-out FILE]

The text is generated at run time (nothing large is committed): a word-bigram random
walk over the seed corpus (samples/news-ar), cut into documents of ~``doc-kb`` KB, with
planted errors: one-letter slips (each a distinct, new spelling of a frequent word),
doubled words ("في في") and built-in corrections entries (لاكن). It prints, in CPU
seconds (``time.process_time``; the machine is shared, wall time is noise):

* words/s of the whole family (map + reduce, all five rules, cold verdict, morphology
  and token caches), next to the issue-14 target (>= 400,000 words/s), twice: without
  the one-off load (the hunspell dictionary, the function words and the qalsadi
  analyser, read before the clock by ``Backend.preload``: "dictionary load" below) and
  with it; and the CPU of each step (shared map, each document rule, each reduce);
* the peer in the same run: raw hunspell asked once per distinct token, after the same
  tokeniser (no retries, no rules) -- the ratio family / peer;
* how many planted errors were found. ``--noise 0.05`` replaces 5% of the tokens by random
  one-letter variants, so the corpus has tens of thousands of distinct words (closer to
  real text, where per-word caching helps less); planted-slip recall is not meaningful then.

    python benchmarks/bench_spelling.py --throughput DIR [DIR ...]

The same figures on the ``*.txt`` files of real-text folders (e.g. the debian-handbook-ar,
news-ar-web and religious-ar-vocalised corpora of benchmarks/realtext.py).

    python benchmarks/bench_spelling.py --share DIR [DIR ...]

The family's share of a whole lint (default rules, no cache): the CLI run in a child
process on each folder with and without ``--ignore S``, CPU of both, and
``corpuslint --version`` for the start-up floor.

``--findings-out FILE`` writes every finding as sorted JSON lines: run it with two
versions of the code (PYTHONPATH) to check that an optimisation keeps the findings.

    python benchmarks/bench_spelling.py --realtext [DIR ...] [--seed 1]

Recall per slip kind on REAL text (issue 9): slips are planted into real corpora
(default: the news-ar-web and debian-handbook-ar corpora of benchmarks/realtext.py under
$CORPUSLINT_REALTEXT_DIR, else the committed fixtures tests/fixtures/spelling/handbook-ar
and samples/news-ar) and S101 is run on the whole corpus:

* ``al-verb``: "التي/الذي + verb" written as "ال + verb" ("النتائج التي حققت" ->
  "النتائج الحققت"), where the verb has no noun reading (qalsadi);
* ``context-sub`` / ``context-del`` / ``context-swap``: a frequent word (≥ 5 times in
  the corpus, ≥ 5 letters, known to the dictionary) with one inner letter replaced by a
  neighbouring key or a letter told apart by dots, dropped, or swapped with its
  neighbour, producing a spelling the dictionary rejects and the corpus never uses.

It prints, per kind, planted / found / recall, and the S101 findings that are not
planted slips (per 1,000 words): the precision side of the same run.
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
from corpuslint.families.spelling import RULES, Slip  # noqa: E402
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


def seed_walk(sentences: list[list[str]] | None = None) -> tuple[list[str], dict[str, list[str]]]:
    """A word-bigram Markov chain of the demo articles: (sentence-initial words, word ->
    successors), for ``walk``."""
    succ: dict[str, list[str]] = defaultdict(list)
    starts = []
    for words in seed_sentences() if sentences is None else sentences:
        starts.append(words[0])
        for a, b in zip(words, words[1:]):
            succ[a].append(b)
    return starts, succ


def walk(rng: random.Random, starts: list[str], succ: dict[str, list[str]], longest: int) -> list[str]:
    """One generated sentence: a random start, then 8..``longest`` successor steps."""
    w = rng.choice(starts)
    sent = [w]
    for _ in range(rng.randint(8, longest)):
        nxt = succ.get(w)
        if not nxt:
            break
        w = rng.choice(nxt)
        sent.append(w)
    return sent


def mutate(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))
    if rng.random() < 0.5:
        return word[:i] + word[i + 1 :]  # deletion
    return word[:i] + rng.choice(LETTERS) + word[i + 1 :]  # substitution


def generate(target_bytes: int, doc_bytes: int, rng: random.Random, noise: float = 0.0):
    sentences = seed_sentences()
    starts, succ = seed_walk(sentences)
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
            sent = walk(rng, starts, succ, 30)
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


# ----------------------------------------------------------------------------- real text

_KEY_NEIGHBOURS = None


def _typo_letters(ar) -> dict[str, str]:
    """letter -> letters a typist may hit instead (keyboard neighbours, dot twins)."""
    global _KEY_NEIGHBOURS
    if _KEY_NEIGHBOURS is None:
        out: dict[str, set[str]] = defaultdict(set)
        for a, b in ar.confusable:
            if a in LETTERS and b in LETTERS:
                out[a].add(b)
        _KEY_NEIGHBOURS = {a: "".join(sorted(b)) for a, b in out.items()}
    return _KEY_NEIGHBOURS


def realtext_dirs(given: list[str]) -> list[Path]:
    if given:
        return [Path(g) for g in given]
    root = os.environ.get("CORPUSLINT_REALTEXT_DIR")
    if root and all((Path(root) / c).is_dir() for c in ("news-ar-web", "debian-handbook-ar")):
        return [Path(root) / "news-ar-web", Path(root) / "debian-handbook-ar"]
    return [ROOT / "tests" / "fixtures" / "spelling" / "handbook-ar", ROOT / "samples" / "news-ar"]


def plant_realtext(texts: dict[str, str], rng: random.Random, rate: float):
    """Plant slips into ``texts`` (path -> text); returns new texts and
    {(path, start, end): (kind, slip, original)}."""
    import regex

    ar = get_backend("ar").load()
    token_re = ar.token_re
    counts: dict[str, int] = defaultdict(int)
    for t in texts.values():
        for w in token_re.findall(t):
            counts[w] += 1
    vocab = set(counts)
    planted_keys = {ar.key(w) for w in vocab}  # a new slip is a new key: seen once
    neighbours = _typo_letters(ar)
    fw = ar.function_words
    planted: dict[tuple[str, int, int], tuple[str, str, str]] = {}
    out: dict[str, str] = {}
    al_verb_re = regex.compile(r"(?<![\p{L}\p{M}])(?:التي|الذي) (?P<v>[\u0621-\u064A]{3,})(?![\p{L}\p{M}])")
    for path in sorted(texts):
        text = texts[path]
        edits: list[tuple[int, int, str, str, str]] = []  # start, end, new, kind, original
        # al-verb: at most one per document, where the verb has no noun reading.
        for m in al_verb_re.finditer(text):
            verb = m.group("v")
            slip = "ال" + verb
            if slip not in vocab and not ar.known(slip) and ar.pattern_slip(slip) and rng.random() < 0.5:
                edits.append((m.start(), m.end(), slip, "al-verb", m.group()))
                break
        # context slips: about ``rate`` per word, on frequent known words.
        taken = {(e[0], e[1]) for e in edits}
        for m in token_re.finditer(text):
            w = m.group()
            if rng.random() >= rate or len(w) < 5 or counts[w] < 5 or w != ar.clean(w):
                continue
            if ar.key(w) in fw or not ar.known(w) or any(a <= m.start() < b for a, b in taken):
                continue
            kind = rng.choice(["context-sub", "context-del", "context-swap"])
            i = rng.randrange(1, len(w) - 1)  # inner letter: not the first, not the last
            if kind == "context-sub":
                if w[i] not in neighbours:
                    continue
                slip = w[:i] + rng.choice(neighbours[w[i]]) + w[i + 1 :]
            elif kind == "context-del":
                slip = w[:i] + w[i + 1 :]
            else:
                if i + 1 >= len(w) - 0 or w[i] == w[i + 1]:
                    continue
                slip = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
            if slip in vocab or ar.key(slip) in planted_keys or ar.known(slip):
                continue
            vocab.add(slip)
            planted_keys.add(ar.key(slip))
            edits.append((m.start(), m.end(), slip, kind, w))
            taken.add((m.start(), m.end()))
        edits.sort()
        out[path], spans = apply_edits(text, [(s, e, new, (kind, new, orig)) for s, e, new, kind, orig in edits])
        planted.update({(path, a, b): info for (a, b), info in spans.items()})
    return out, planted


def apply_edits(text: str, edits: list[tuple[int, int, str, object]]) -> tuple[str, dict]:
    """``text`` with ``edits`` [(start, end, replacement, payload)] applied (sorted, not
    overlapping), and {(start, end) of each replacement in the new text: its payload}."""
    pieces, pos, shift, spans = [], 0, 0, {}
    for start, end, new, payload in edits:
        pieces.append(text[pos:start])
        spans[(start + shift, start + shift + len(new))] = payload
        pieces.append(new)
        shift += len(new) - (end - start)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), spans


def realtext_main(args) -> None:
    rng = random.Random(args.seed)
    texts: dict[str, str] = {}
    for d in realtext_dirs(args.realtext):
        for p in sorted(d.rglob("*.txt")):
            texts[f"{d.name}/{p.relative_to(d)}"] = p.read_text(encoding="utf-8", errors="replace")
    planted_texts, planted = plant_realtext(texts, rng, args.rate)
    docs = {p: Document(p, t) for p, t in planted_texts.items()}
    ar = get_backend("ar")
    n_words = sum(len(ar.token_re.findall(t)) for t in planted_texts.values())
    rule = Slip()
    t0 = time.perf_counter()
    states = {p: rule.collect(d) for p, d in docs.items()}
    found = list(rule.reduce(CorpusView(states, set(docs), docs)))
    elapsed = time.perf_counter() - t0
    hits = {(f.path, f.start, f.end) for f in found}
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed: dict[str, list[str]] = defaultdict(list)
    for key, (kind, slip, original) in planted.items():
        by_kind[kind][0] += 1
        if key in hits:
            by_kind[kind][1] += 1
        else:
            missed[kind].append(f"{slip}<-{original}")
    unplanted = [f for f in found if (f.path, f.start, f.end) not in planted]
    dirs = ", ".join(str(d) for d in realtext_dirs(args.realtext))
    print(f"real text: {dirs}: {len(docs)} documents, {n_words:,} Arabic words; S101 in {elapsed:.1f} s")
    print(f"{'kind':<14}{'planted':>8}{'found':>7}{'recall':>8}")
    for kind in sorted(by_kind):
        n, k = by_kind[kind]
        print(f"{kind:<14}{n:>8}{k:>7}{k / max(n, 1):>8.2f}")
    ctx = [v for k, v in by_kind.items() if k.startswith("context")]
    n, k = sum(v[0] for v in ctx), sum(v[1] for v in ctx)
    print(f"{'context (all)':<14}{n:>8}{k:>7}{k / max(n, 1):>8.2f}")
    print(f"S101 findings that are not planted slips: {len(unplanted)} "
          f"({1000 * len(unplanted) / max(n_words, 1):.2f} per 1,000 words)")
    if args.verbose:
        for kind, items in sorted(missed.items()):
            print(f"missed {kind}: " + " ".join(items[:40]))
        for f in unplanted:
            print(f"unplanted: {f.path}:{f.line} {planted_texts[f.path][f.start:f.end]} {f.message[:90]}")


TARGET_WORDS_PER_S = 400_000  # issue 14 target 2 for the spelling family


def raw_hunspell(texts: list[str]) -> tuple[float, int, int]:
    """The peer: tokenise with the Arabic back-end's regex, then ask a fresh hunspell
    instance once per distinct word (no retries, no corpus statistics, no rules).
    Returns (CPU seconds, words, distinct words)."""
    import hunspell

    from corpuslint.families.spelling.backends import _find_dictionary

    ar = get_backend("ar")
    directory, stem = _find_dictionary(*ar.dictionary)
    hs = hunspell.Hunspell(stem, hunspell_data_dir=directory)  # loaded outside the timing
    c0 = time.process_time()
    n = 0
    distinct: set[str] = set()
    for t in texts:
        words = ar.token_re.findall(t)
        n += len(words)
        distinct.update(words)
    known = sum(1 for w in distinct if hs.spell(w))
    cpu = time.process_time() - c0
    assert known >= 0
    return cpu, n, len(distinct)


def run_family(docs: dict) -> tuple[list, float, float]:
    """All five spelling rules over ``docs`` from cold caches: findings, map CPU s, reduce
    CPU s; CPU seconds per rule and step are left in ``RULE_CPU``."""
    reset_caches()
    RULE_CPU.clear()
    rules = [cls() for cls in RULES]  # all five, including the off-by-default S102
    findings = []
    clock = time.process_time
    c1 = clock()
    states: dict[str, dict] = {r.code: {} for r in rules if isinstance(r, CorpusRule)}
    for path, doc in docs.items():
        for rule in rules:
            t = clock()
            if isinstance(rule, CorpusRule):
                states[rule.code][path] = rule.collect(doc)
                RULE_CPU["map (shared analyse, S101/S102/S103)"] += clock() - t
            else:
                findings.extend(rule.check(doc))
                RULE_CPU[f"{rule.code} check"] += clock() - t
    c2 = clock()
    for rule in rules:
        if isinstance(rule, CorpusRule):
            t = clock()
            findings.extend(rule.reduce(CorpusView(states[rule.code], set(docs), docs)))
            RULE_CPU[f"{rule.code} reduce"] += clock() - t
    c3 = clock()
    return findings, c2 - c1, c3 - c2


RULE_CPU: dict[str, float] = defaultdict(float)


def reset_caches() -> None:
    """Cold verdict and morphology caches (the dictionary itself stays loaded)."""
    from corpuslint.families.spelling import analysis, backends

    for b in backends._INSTANCES.values():
        for name in ("_known", "_morph", "_classes", "_types", "_part", "_flagged"):
            cache = getattr(b, name, None)
            if isinstance(cache, dict):
                cache.clear()
        for name in ("form", "key"):  # per-word memos (functools.lru_cache) of the back-end class
            clear = getattr(getattr(type(b), name, None), "cache_clear", None)
            if clear is not None:
                clear()
    for name in ("_INFO", "_CACHE"):
        cache = getattr(analysis, name, None)
        if isinstance(cache, dict):
            cache.clear()
    if hasattr(analysis, "reset"):
        analysis.reset()


def report_throughput(label: str, texts: list[str], docs: dict, load: float = 0.0) -> list:
    ar = get_backend("ar")
    n_words = sum(len(ar.token_re.findall(t)) for t in texts)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    findings, map_cpu, reduce_cpu = run_family(docs)
    cpu = map_cpu + reduce_cpu
    peer_cpu, peer_words, distinct = raw_hunspell(texts)
    family = n_words / cpu
    peer = peer_words / peer_cpu
    print(f"{label}: {len(docs)} documents, {nbytes / 1e6:.2f} MB, {n_words:,} Arabic words ({distinct:,} distinct)")
    print(f"  spelling family (S101-S105, cold caches): map {map_cpu:.2f} s + reduce {reduce_cpu:.2f} s "
          f"= {cpu:.2f} s CPU -> {family:,.0f} words/s ({nbytes / 1e6 / cpu:.2f} MB/s); "
          f"target >= {TARGET_WORDS_PER_S:,} words/s: {'met' if family >= TARGET_WORDS_PER_S else 'NOT met'}")
    loaded = n_words / (cpu + load)
    print(f"  with the dictionary load ({load:.2f} s) included: {cpu + load:.2f} s CPU -> {loaded:,.0f} words/s; "
          f"target: {'met' if loaded >= TARGET_WORDS_PER_S else 'NOT met'}")
    total = sum(RULE_CPU.values()) or 1.0
    print("  CPU by step: " + ", ".join(f"{k} {v:.2f} s ({100 * v / total:.0f}%)" for k, v in
                                       sorted(RULE_CPU.items(), key=lambda kv: -kv[1])))
    print(f"  peer, raw hunspell once per distinct word: {peer_cpu:.2f} s CPU -> {peer:,.0f} words/s; "
          f"family / peer = {family / peer:.2f}")
    return findings


def _child_cpu(argv: list[str]) -> tuple[float, int]:
    """CPU seconds (user + system) and peak RSS (KB) of one CLI run in a child process
    (its own peak, not the maximum over this process's children: ``measured.py``)."""
    import subprocess

    import measured

    _, usage = measured.wait(measured.spawn([sys.executable, "-m", "corpuslint", *argv], stdout=subprocess.DEVNULL))
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def share(folder: Path) -> None:
    """Whole lint of ``folder`` with the default rules, with and without the spelling
    family (``--ignore S``): the family's share of the CPU, in one run."""
    base = ["check", "--no-cache", "--exit-zero", "--format", "json", str(folder)]
    whole, rss = _child_cpu(base)
    without, _ = _child_cpu(base + ["--ignore", "S"])
    version, _ = _child_cpu(["--version"])
    print(f"{folder.name}: whole lint {whole:.2f} s CPU (peak RSS of the children so far {rss / 1024:.0f} MB), "
          f"without spelling "
          f"{without:.2f} s -> spelling family {whole - without:.2f} s = {100 * (whole - without) / whole:.0f}% "
          f"of the lint (corpuslint --version: {version:.2f} s)")


_MORPHOLOGY_RSS = """
import gc
import pyarabic.araby
from corpuslint.arrays import trim_heap
from corpuslint.families.spelling.backends import _analyzer
def rss():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS:"))
before = rss()
if {slim!r}:
    analex = _analyzer()
else:
    import qalsadi.analex
    analex = qalsadi.analex.Analex()
gc.collect()
trim_heap()
print(rss() - before)
"""


def morphology_rss() -> tuple[int, int] | None:
    """RSS (KB) an Arabic morphology analyser adds to a process, as qalsadi builds it
    (``Analex()``) and as corpuslint holds it (``backends._analyzer``: bound look-ups,
    ``_slim``): what S101's reduce loads on top of the merged corpus. Each in a fresh
    child process; None without qalsadi or outside Linux (no /proc)."""
    import subprocess

    out = []
    for slim in (False, True):
        run = subprocess.run([sys.executable, "-c", _MORPHOLOGY_RSS.format(slim=slim)],
                             capture_output=True, text=True, check=False)
        if run.returncode != 0 or not run.stdout.strip().isdigit():
            return None
        out.append(int(run.stdout.strip()))
    return out[0], out[1]


def write_findings(findings: list, path: str | None) -> None:
    if not path:
        return
    import json

    rows = sorted(
        json.dumps([f.path, f.start, f.end, f.code, f.severity.value, f.message,
                    [(r.path, r.line, r.column) for r in f.related or ()],
                    [(e.start, e.end, e.replacement) for e in (f.fix.edits if f.fix else ())]], ensure_ascii=False)
        for f in findings
    )
    Path(path).write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows):,} findings written to {path}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--realtext", nargs="*", default=None, metavar="DIR",
                    help="recall per slip kind on real text (see the module docstring)")
    ap.add_argument("--rate", type=float, default=0.004, help="--realtext: planted context slips per word")
    ap.add_argument("--verbose", action="store_true", help="--realtext: list missed and unplanted slips")
    ap.add_argument("--mb", type=float, default=6.0)
    ap.add_argument("--doc-kb", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--noise", type=float, default=0.0,
                    help="fraction of tokens replaced by random one-letter variants (distinct-word stress)")
    ap.add_argument("--throughput", nargs="+", default=None, metavar="DIR",
                    help="words/s of the family vs raw hunspell on the *.txt files of real-text folders")
    ap.add_argument("--share", nargs="+", default=None, metavar="DIR",
                    help="CPU share of the spelling family in a whole lint (default rules, no cache) of each folder")
    ap.add_argument("--findings-out", default=None, metavar="FILE",
                    help="write every finding (sorted JSON lines) to FILE, to compare two versions")
    args = ap.parse_args()
    if args.realtext is not None:
        realtext_main(args)
        return

    if args.share:
        for d in args.share:
            share(Path(d))
        return
    c0 = time.process_time()
    get_backend("ar").preload()  # the dictionary is read here, not on the first ``spell`` inside the clock
    load = time.process_time() - c0
    print(f"dictionary load (hunspell, function words, qalsadi): {load:.2f} s CPU "
          f"(once per process, counted apart below)")
    morph = morphology_rss()
    if morph is not None:
        print(f"morphology RSS (qalsadi, S101's reduce): Analex() {morph[0] / 1024:.1f} MB, "
              f"as corpuslint holds it {morph[1] / 1024:.1f} MB ({morph[1] / morph[0]:.2f}x)")
    if args.throughput:
        texts, docs = [], {}
        for d in args.throughput:
            for p in sorted(Path(d).rglob("*.txt")):
                t = p.read_text(encoding="utf-8", errors="replace")
                texts.append(t)
                key = f"{Path(d).name}/{p.relative_to(d)}"
                docs[key] = Document(key, t)
        label = "real text " + ", ".join(Path(d).name for d in args.throughput)
        findings = report_throughput(label, texts, docs, load)
        write_findings(findings, args.findings_out)
        return

    rng = random.Random(args.seed)
    texts, slips, repeats, corrections, nbytes = generate(
        int(args.mb * 1e6), int(args.doc_kb * 1000), rng, args.noise
    )
    docs = {f"gen/{i:05d}.txt": Document(f"gen/{i:05d}.txt", t) for i, t in enumerate(texts)}
    print(f"generated corpus: planted {len(slips)} slips, {repeats} doubled words, {corrections} corrections")
    findings = report_throughput("generated corpus", texts, docs, load)
    write_findings(findings, args.findings_out)
    by_code: dict[str, int] = defaultdict(int)
    for f in findings:
        by_code[f.code] += 1
    slip_hits = {docs[f.path].text[f.start : f.end] for f in findings if f.code == "S101"}
    found = len(slip_hits & set(slips))
    print("findings: " + ", ".join(f"{c} {n:,}" for c, n in sorted(by_code.items())))
    print(f"planted slips reported by S101: {found}/{len(slips)} ({100 * found / max(1, len(slips)):.1f}%); "
          f"S101 findings that are not planted slips: {len(slip_hits - set(slips))}")
    print(f"cpu: {os.cpu_count()} cores, single process, CPU seconds (time.process_time)")


if __name__ == "__main__":
    main()
