"""Precision of corpuslint on real text: findings per 1,000 words and per-rule precision.

    python benchmarks/precision.py [--dir DIR] [--corpus NAME ...] [--select CODES] [--json]
    python benchmarks/precision.py --corpus udhr-ar --sample S101 15      # print findings to label
    python benchmarks/precision.py --corpus udhr-ar --label S101 15       # label them interactively
    python benchmarks/precision.py --reuse ...                            # reuse DIR/<corpus>.findings.json

Corpora are the folders built by ``benchmarks/realtext.py build`` (DIR defaults to
$CORPUSLINT_REALTEXT_DIR, else benchmarks/.data/realtext). For each corpus it runs the
importable corpuslint (``python -m corpuslint check . --no-cache --format json``, from the
corpus folder, whose empty ``corpuslint.toml`` means default settings), writes every
finding to DIR/<corpus>.findings.json and prints, per corpus: words (see
``realtext.count_words``: scripts without spaces count 2 characters as a word), findings
per 1,000 words by severity, and per rule: count, per 1,000 words, labelled sample size,
tp, fp, precision, and labels whose finding is gone.

Labels
------
``benchmarks/labels/<corpus>.jsonl``: one JSON object per labelled finding::

    {"code": "S101", "path": "apt.txt", "span": "الضروف", "line_hash": "3f2a…",
     "label": "tp", "note": "typo for الظروف", "excerpt": "…text around the span…"}

* ``path`` is relative to the corpus folder; ``span`` is the flagged text (the finding's
  columns on its first line); ``line_hash`` is :func:`line_hash` of the whole flagged
  line (whitespace-normalised, so re-wrapping spaces does not lose the label).
* ``label`` is ``"tp"`` (a corpus maintainer would want to change the text) or ``"fp"``.
* ``excerpt`` and ``note`` are for people; matching ignores them.

A label matches the current findings by its fingerprint (code, path, span, line hash),
never by line number, so it survives edits elsewhere in the file. Precision = tp / (tp + fp)
over labels whose fingerprint still occurs. A label whose finding no longer occurs is
"gone": a gone fp is a false alarm that was fixed; a gone tp is lost recall.

``--before FILE`` (a ``--json`` output saved earlier, e.g. benchmarks/precision-baseline.json)
adds the earlier per-rule counts and per-1,000-word rates to the table.

``--sample CODE N`` prints N seeded-random unlabelled findings of CODE with their line and
a label stub to paste (set "label"); ``--label CODE N`` asks tp/fp/skip for each and
appends the answers to the labels file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import realtext  # noqa: E402

LABELS_DIR = HERE / "labels"
SEVERITIES = ("error", "warning", "info")


# ----------------------------------------------------------------------------------
# fingerprints and labels


def normalise_line(text: str) -> str:
    """NFC, whitespace runs collapsed to one space, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def line_hash(text: str) -> str:
    """16 hex digits of SHA-1 of :func:`normalise_line` (UTF-8)."""
    return hashlib.sha1(normalise_line(text).encode("utf-8")).hexdigest()[:16]


def span_of(finding: dict, line_text: str) -> str:
    """The flagged text: the finding's 1-based, end-exclusive columns on its first line."""
    col = max(int(finding.get("column") or 1), 1)
    end_line = finding.get("end_line") or finding.get("line")
    end = finding.get("end_column")
    if end_line != finding.get("line") or not end:
        return line_text[col - 1 :]
    return line_text[col - 1 : max(int(end), col) - 1]


def fingerprint(code: str, path: str, span: str, lhash: str) -> tuple[str, str, str, str]:
    return (code, path.replace(os.sep, "/"), normalise_line(span), lhash)


def label_fingerprint(label: dict) -> tuple[str, str, str, str]:
    lhash = label.get("line_hash") or line_hash(label.get("line", ""))
    return fingerprint(label["code"], label["path"], label.get("span", ""), lhash)


@dataclass
class Located:
    """A finding with its source line, span and fingerprint."""

    finding: dict
    line_text: str
    span: str
    fp: tuple[str, str, str, str]


class LineSource:
    """Lines of the corpus files, read once per file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, list[str]] = {}

    def line(self, path: str, lineno: int, record: int | str | None = None) -> str:
        """Line ``lineno`` (1-based) of the file, or of the ``text`` field of JSON Lines
        record ``record`` (its line number in the file, as corpuslint numbers records), or
        of turn ``t`` of record ``n`` named ``"n.t"`` (a turn path ``messages[*].content``:
        the content of its ``t``-th message)."""
        if path not in self._cache:
            try:
                text = (self.root / path).read_bytes().decode("utf-8", "replace")
            except OSError:
                text = ""
            # corpuslint counts columns after a leading BOM ("a BOM is not a column")
            self._cache[path] = text.removeprefix("\ufeff").split("\n")
        lines = self._cache[path]
        if record is not None and not path.endswith((".po", ".pot", ".xlf", ".xliff", ".tmx")):  # (a .po
            # string's lines are the file's, and an XLIFF or TMX text's)
            try:
                if isinstance(record, str):  # "n.t": a turn of a chat record
                    n, t = (int(x) for x in record.split("."))
                    text = json.loads(lines[n - 1])["messages"][t - 1]["content"]
                else:
                    text = json.loads(lines[record - 1]).get("text", "")
                lines = text.split("\n")
            except (IndexError, ValueError, AttributeError, KeyError, TypeError):
                return ""
        return lines[lineno - 1].rstrip("\r") if 0 < lineno <= len(lines) else ""


def locate(findings: list[dict], root: Path) -> list[Located]:
    src = LineSource(root)
    out = []
    for f in findings:
        path = f.get("path", "").replace(os.sep, "/")
        record = f.get("record")
        turn = isinstance(record, str) and record.count(".") == 1 and record.replace(".", "").isdigit()
        text = src.line(path, int(f.get("line") or 0), record if isinstance(record, int) or turn else None)
        span = span_of(f, text)
        out.append(Located(f, text, span, fingerprint(f["code"], path, span, line_hash(text))))
    return out


def load_labels(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        obj = json.loads(raw)
        if obj.get("label") not in ("tp", "fp"):
            raise ValueError(f"{path}:{n}: label must be 'tp' or 'fp', not {obj.get('label')!r}")
        out.append(obj)
    return out


def precision_table(located: list[Located], labels: list[dict]) -> dict[str, dict]:
    """Per rule code: count, labelled (still occurring, distinct fingerprints), tp, fp,
    precision (None when nothing labelled), gone_tp, gone_fp.

    When a fingerprint is labelled twice the last label wins."""
    current = {loc.fp for loc in located}
    by_fp: dict[tuple, str] = {}
    for lab in labels:
        by_fp[label_fingerprint(lab)] = lab["label"]
    rows: dict[str, dict] = defaultdict(lambda: {"count": 0, "labelled": 0, "tp": 0, "fp": 0,
                                                 "precision": None, "gone_tp": 0, "gone_fp": 0})
    for loc in located:
        rows[loc.fp[0]]["count"] += 1
    for fpr, lab in by_fp.items():
        row = rows[fpr[0]]
        if fpr in current:
            row["labelled"] += 1
            row[lab] += 1
        else:
            row["gone_" + lab] += 1
    for row in rows.values():
        if row["tp"] + row["fp"]:
            row["precision"] = row["tp"] / (row["tp"] + row["fp"])
    return dict(rows)


def severity_rows(located: list[Located], labels: list[dict], words: int) -> dict[str, dict]:
    """For a rule reporting at more than one severity (S101: an error, a warning in verse),
    one extra row per severity, keyed ``CODE/severity``, with its own count and precision
    (labels match by fingerprint; ``gone_*`` stay on the rule's own row)."""
    severities: dict[str, set] = defaultdict(set)
    for loc in located:
        severities[loc.fp[0]].add(loc.finding.get("severity", ""))
    out: dict[str, dict] = {}
    for code, sevs in severities.items():
        if len(sevs) < 2:
            continue
        mine = [lab for lab in labels if label_fingerprint(lab)[0] == code]
        for sev in sorted(sevs):
            row = precision_table([loc for loc in located if loc.fp[0] == code
                                   and loc.finding.get("severity", "") == sev], mine)[code]
            row.update(gone_tp=0, gone_fp=0, severity=sev, per_1k=row["count"] * 1000 / words)
            out[f"{code}/{sev}"] = row
    return out


# ----------------------------------------------------------------------------------
# running corpuslint


def corpuslint_origin() -> str:
    """Where ``python -m corpuslint`` is imported from with this environment (PYTHONPATH)."""
    proc = subprocess.run([sys.executable, "-c", "import corpuslint, os; print(os.path.dirname(corpuslint.__file__))"],
                          capture_output=True, text=True)
    return proc.stdout.strip() or proc.stderr.strip()[-200:]


def run_corpuslint(corpus_dir: Path, out: Path, select: str | None = None) -> dict:
    cmd = [sys.executable, "-m", "corpuslint", "check", ".", "--no-cache", "--format", "json",
           "--exit-zero", "--output-file", str(out)]
    if select:
        cmd += ["--select", select]
    proc = subprocess.run(cmd, cwd=corpus_dir, capture_output=True, text=True)
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"corpuslint on {corpus_dir.name}: exit {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def corpus_report(root: Path, name: str, *, select: str | None, reuse: bool, labels_dir: Path) -> tuple[dict, list[Located]]:
    cdir = root / name
    manifest = json.loads((cdir / "manifest.json").read_text(encoding="utf-8"))
    out = root / f"{name}.findings.json"
    if reuse and out.exists():
        data = json.loads(out.read_text(encoding="utf-8"))
    else:
        data = run_corpuslint(cdir, out, select)
    findings = data.get("diagnostics", [])
    located = locate(findings, cdir)
    labels = load_labels(labels_dir / f"{name}.jsonl")
    rules = precision_table(located, labels)
    words = manifest["words"] or 1
    sev = Counter(f.get("severity") for f in findings)
    severity_of = {f["code"]: f.get("severity") for f in findings}
    for code, row in rules.items():
        row["severity"] = severity_of.get(code, "")
        row["per_1k"] = row["count"] * 1000 / words
    rules.update(severity_rows(located, labels, words))
    report = {
        "corpus": name,
        "genre": manifest.get("genre"),
        "language": manifest.get("language"),
        "files": manifest["files"],
        "words": manifest["words"],
        "findings": len(findings),
        "per_1k": {s: sev.get(s, 0) * 1000 / words for s in SEVERITIES},
        "rules": dict(sorted(rules.items())),
        "labels": len(labels),
    }
    return report, located


def fmt_precision(row: dict) -> str:
    if row["precision"] is None:
        return "-"
    return f"{100 * row['precision']:.0f}%"


def print_report(rep: dict, before: dict | None = None) -> None:
    """One corpus's table; with ``before`` (the same corpus from a ``--json`` run saved
    earlier) each count also shows the earlier count."""
    p = rep["per_1k"]
    was = ""
    if before:
        b = before["per_1k"]
        was = f" (before: error {b['error']:.2f}, warning {b['warning']:.2f}, info {b['info']:.2f})"
    print(f"\n== {rep['corpus']} ({rep['genre']}, {rep['language']}): {rep['files']} files, "
          f"{rep['words']} words, {rep['findings']} findings; per 1,000 words: "
          f"error {p['error']:.2f}, warning {p['warning']:.2f}, info {p['info']:.2f}{was}")
    codes = sorted(set(rep["rules"]) | set((before or {}).get("rules", {})))
    if not codes:
        return
    head = f"  {'rule':12} {'sev':7} {'count':>6} {'/1k':>7} {'lab':>4} {'tp':>4} {'fp':>4} {'prec':>5} {'gone fp':>7} {'gone tp':>7}"
    print(head + (f" {'before':>7}" if before else ""))
    empty = {"severity": "", "count": 0, "per_1k": 0.0, "labelled": 0, "tp": 0, "fp": 0, "precision": None,
             "gone_fp": 0, "gone_tp": 0}
    for code in codes:
        r = rep["rules"].get(code, empty)
        line = (f"  {code:12} {(r['severity'] or (before or {}).get('rules', {}).get(code, {}).get('severity', ''))[:7]:7} "
                f"{r['count']:6} {r['per_1k']:7.2f} {r['labelled']:4} {r['tp']:4} "
                f"{r['fp']:4} {fmt_precision(r):>5} {r['gone_fp']:7} {r['gone_tp']:7}")
        if before:
            line += f" {before.get('rules', {}).get(code, {}).get('count', 0):7}"
        print(line)


# ----------------------------------------------------------------------------------
# sampling and labelling


def excerpt(loc: Located, width: int = 80) -> str:
    text = loc.line_text
    col = max(int(loc.finding.get("column") or 1), 1) - 1
    start = max(0, col - width)
    end = min(len(text), col + len(loc.span) + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def stub(loc: Located, corpus: str) -> dict:
    return {"code": loc.fp[0], "path": loc.fp[1], "span": loc.span, "line_hash": loc.fp[3],
            "label": "?", "note": "", "excerpt": excerpt(loc, 60), "line": loc.finding.get("line"),
            "message": loc.finding.get("message")} | ({"record": loc.finding["record"]} if loc.finding.get("record") is not None else {})


def pick(located: list[Located], code: str, n: int, labels: list[dict], seed: int) -> list[Located]:
    labelled = {label_fingerprint(lab) for lab in labels}
    seen: set = set()
    pool = []
    for loc in located:
        if loc.fp[0] == code and loc.fp not in labelled and loc.fp not in seen:
            seen.add(loc.fp)
            pool.append(loc)
    rng = random.Random(seed)
    return rng.sample(pool, min(n, len(pool)))


def show(loc: Located, corpus: str, i: int) -> None:
    f = loc.finding
    rec = f":#{f['record']}" if f.get("record") is not None else ""
    print(f"\n[{i}] {corpus}/{loc.fp[1]}{rec}:{f.get('line')}:{f.get('column')} {f['code']} ({f.get('severity')}) {f.get('message')}")
    print(f"    span: «{loc.span}»")
    print(f"    line: {excerpt(loc)}")


def pooled(reports: list[dict]) -> dict[str, dict]:
    """Per rule over all corpora: count, labelled, tp, fp, gone_tp, gone_fp, precision,
    and the corpora where the rule fired."""
    out: dict[str, dict] = {}
    for rep in reports:
        for code, r in rep["rules"].items():
            row = out.setdefault(code, {"severity": r["severity"], "count": 0, "labelled": 0, "tp": 0, "fp": 0,
                                        "gone_tp": 0, "gone_fp": 0, "precision": None, "corpora": 0})
            row["severity"] = row["severity"] or r["severity"]
            for key in ("count", "labelled", "tp", "fp", "gone_tp", "gone_fp"):
                row[key] += r[key]
            row["corpora"] += 1 if r["count"] else 0
    split = {code.split("/")[0] for code in out if "/" in code}
    for rep in reports:  # a corpus where a split rule reported at one severity only
        for code, r in rep["rules"].items():
            if code in split and r["count"] and not any(k.startswith(code + "/") for k in rep["rules"]):
                row = out.setdefault(f"{code}/{r['severity']}", {"severity": r["severity"], "count": 0, "labelled": 0,
                                                                 "tp": 0, "fp": 0, "gone_tp": 0, "gone_fp": 0,
                                                                 "precision": None, "corpora": 0})
                for key in ("count", "labelled", "tp", "fp"):
                    row[key] += r[key]
                row["corpora"] += 1
    for row in out.values():
        if row["tp"] + row["fp"]:
            row["precision"] = row["tp"] / (row["tp"] + row["fp"])
    return dict(sorted(out.items()))


def print_pooled(rows: dict[str, dict], n_corpora: int) -> None:
    print(f"\n== all {n_corpora} corpora pooled: labelled findings per rule")
    print(f"  {'rule':12} {'sev':7} {'count':>6} {'corp':>4} {'lab':>4} {'tp':>4} {'fp':>4} {'prec':>5} {'gone fp':>7} {'gone tp':>7}")
    for code, r in rows.items():
        print(f"  {code:12} {r['severity'][:7]:7} {r['count']:6} {r['corpora']:4} {r['labelled']:4} {r['tp']:4} "
              f"{r['fp']:4} {fmt_precision(r):>5} {r['gone_fp']:7} {r['gone_tp']:7}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--corpus", action="append", help="corpus name (repeatable; default: every built corpus)")
    ap.add_argument("--select", help="rule codes passed to corpuslint --select")
    ap.add_argument("--reuse", action="store_true", help="reuse DIR/<corpus>.findings.json instead of running corpuslint")
    ap.add_argument("--json", action="store_true", help="print the tables as JSON")
    ap.add_argument("--sample", nargs=2, metavar=("CODE", "N"), help="print N random unlabelled findings of CODE")
    ap.add_argument("--label", nargs=2, metavar=("CODE", "N"), help="label N random unlabelled findings of CODE (tp/fp/skip)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--labels-dir", type=Path, default=LABELS_DIR)
    ap.add_argument("--before", type=Path, help="a --json output saved earlier: show its counts next to the current ones")
    args = ap.parse_args(argv)
    root = (args.dir or realtext.default_dir()).resolve()
    names = args.corpus or realtext.built_corpora(root)
    if not names:
        print(f"no corpora built in {root}: run python benchmarks/realtext.py build", file=sys.stderr)
        return 2
    missing = [n for n in names if not (root / n / "manifest.json").exists()]
    if missing:
        print(f"not built in {root}: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not (args.json or args.sample or args.label):
        print(f"corpora: {root}\ncorpuslint: {corpuslint_origin()}")
    before = {}
    if args.before:
        before = {r["corpus"]: r for r in json.loads(args.before.read_text(encoding="utf-8"))["corpora"]}
    reports = []
    for name in names:
        rep, located = corpus_report(root, name, select=args.select, reuse=args.reuse, labels_dir=args.labels_dir)
        reports.append(rep)
        todo = args.sample or args.label
        if todo:
            code, n = todo[0], int(todo[1])
            lpath = args.labels_dir / f"{name}.jsonl"
            picked = pick(located, code, n, load_labels(lpath), args.seed)
            for i, loc in enumerate(picked, 1):
                show(loc, name, i)
                s = stub(loc, name)
                if args.sample:
                    print("    " + json.dumps(s, ensure_ascii=False))
                    continue
                answer = input("    tp / fp / skip / quit? ").strip().lower()
                if answer.startswith("q"):
                    break
                if answer not in ("tp", "fp"):
                    continue
                s["label"] = answer
                s["note"] = input("    note: ").strip()
                lpath.parent.mkdir(parents=True, exist_ok=True)
                with lpath.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(s, ensure_ascii=False) + "\n")
        elif not args.json:
            print_report(rep, before.get(name))
    if args.json:
        print(json.dumps({"dir": str(root), "corpora": reports, "pooled": pooled(reports)},
                         ensure_ascii=False, indent=1))
    elif not (args.sample or args.label) and len(reports) > 1:
        print_pooled(pooled(reports), len(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
