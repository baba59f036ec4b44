"""T101 placeholder-mismatch and T103 newline-mismatch against GNU gettext's ``msgfmt
--check-format`` (the ground truth; Debian package gettext), entry by entry; with
``--check``, T102 and T104 plural-forms-count too (T104 file by file: msgfmt names one
entry per catalogue).

Run: python benchmarks/msgfmt_agreement.py DIR... [--mutate N] [--seed S] [--check]

1. The real catalogues under DIR (every ``*.po``): the entries msgfmt refuses for a
   format reason (not a ``\\n`` mismatch, not a header problem) against the entries T101
   reports (true positives, false positives, misses). With ``--check``:
   ``msgfmt --check`` (which also checks a plural form the header's Plural-Forms uses
   for many numbers strictly) against T101 + T102.
2. ``--mutate N``: N real ``c-format`` / ``python-format`` / ``python-brace-format`` entries of those
   catalogues, their translations edited as translators slip (a placeholder dropped,
   renamed, doubled, retyped, swapped, cut short; a stray ``%``, ``{``, ``}``, ``%(x)s``
   appended; half left as they are; plural forms each edited or not), written to .po
   files under their catalogue's Plural-Forms and compared the same way. Entries where
   msgfmt reports a ``\\n`` mismatch instead (it then skips the format check) are left out
   of the format comparison. One string in five also gets a line break added at, or
   removed from, the start or the end of a form (a separate random stream, so the format
   mutations are those of the seed): msgfmt's ``\\n`` checks (which it makes on every
   entry, whatever its flags) against T103, over every mutated entry.

The .po files of PyPI packages (Django, Sphinx, wagtail, django-allauth...) are what it
was measured on for the Python formats: unzip their wheels into a folder (``pip download
--no-deps``); for c-format, the ``po/*.po`` of GNU packages' Debian source tarballs
(``http://deb.debian.org/debian/pool/main/c/coreutils/coreutils_9.1.orig.tar.xz``; tar,
grep, sed, wget, findutils, diffutils, gawk, nano, bash, gettext).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import polib  # noqa: E402

from corpuslint.families.translation.newlines import NewlineMismatch  # noqa: E402
from corpuslint.families.translation.placeholders import PlaceholderMismatch  # noqa: E402
from corpuslint.files import Source  # noqa: E402
from corpuslint.readers.base import FileProblem  # noqa: E402
from corpuslint.readers.po import PoReader, _read, scan  # noqa: E402

FORMAT_RE = re.compile(r"format specification|format string|expect a (?:mapping|tuple)")
NEWLINE_RE = re.compile(r"both (?:end|begin) with")
COUNT_RE = re.compile(r"but some messages have")  # (msgfmt --check: nplurals against an entry's forms)
PH_RE = re.compile(r"%\([^)]*\)[-+ #0]*\d*(?:\.\d+)?[a-zA-Z%]"
                   r"|%(?:\d+\$)?[-+ #0']*(?:\*(?:\d+\$)?|\d+)?(?:\.(?:\*(?:\d+\$)?|\d+))?"
                   r"(?:hh|h|ll|l|L|q|j|z|Z|t)?(?:<PRI[a-zA-Z0-9]+>|[a-zA-Z%])|\{[^{}]*\}")
FORMATS = {"python-format", "python-brace-format", "c-format", "javascript-format"}


def msgfmt(path: str, option: str = "--check-format") -> list[tuple[int, str]]:
    """(line, message) of every error ``msgfmt --check-format`` (or ``option``) reports in ``path``."""
    proc = subprocess.run(["msgfmt", option, "-o", "/dev/null", path], capture_output=True, text=True,
                          check=False)
    out = []
    for line in proc.stderr.splitlines():
        m = re.match(r".*?\.po:(\d+): (.*)", line)
        if m and "warning" not in line:
            out.append((int(m.group(1)), m.group(2)))
    return out


def entry_spans(path: str) -> list[tuple[int, int]]:
    _, lines, _, _ = _read(path)
    return [(entry[0].line, entry[-1].pieces[-1].line) for entry in scan(lines)]


def entry_at(spans, line: int):
    return next((a for a, b in spans if a <= line <= b), None)


def real(dirs: list[str], check: bool = False) -> dict:
    files, unread = [], []
    for f in sorted(str(p) for d in dirs for p in Path(d).rglob("*.po")):
        try:
            entry_spans(f)
        except FileProblem:  # (a header's charset that does not decode: corpuslint reports F001, msgfmt stops)
            unread.append(f)
        else:
            files.append(f)
    truth, newline, count = set(), set(), set()
    for f in files:
        spans = entry_spans(f)
        option = "--check" if check else "--check-format"
        errors = msgfmt(f, option)
        truth |= {(f, entry_at(spans, ln)) for ln, msg in errors if FORMAT_RE.search(msg)}
        newline |= {(f, entry_at(spans, ln)) for ln, msg in errors if NEWLINE_RE.search(msg)}
        count |= {f for _, msg in errors if COUNT_RE.search(msg)}
    codes = "T101,T102,T104" if check else "T101"
    proc = subprocess.run([sys.executable, "-m", "corpuslint", "check", "--no-cache", "--select", codes + ",T103",
                           "--format", "json", "--exit-zero", *files], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    ours, ours_newline, ours_count, spans = set(), set(), set(), {}
    for d in json.loads(proc.stdout)["diagnostics"]:
        f = d["path"]
        if d["code"] == "T104":
            ours_count.add(f)
            continue
        spans.setdefault(f, entry_spans(f))
        (ours_newline if d["code"] == "T103" else ours).add((f, entry_at(spans[f], d["line"])))
    return {"files": len(files), "unread": unread, "msgfmt": len(truth), "t101": len(ours), "tp": len(truth & ours),
            "fp": sorted(ours - truth), "fn": sorted(truth - ours),
            "newline": {"msgfmt": len(newline), "t103": len(ours_newline), "tp": len(newline & ours_newline),
                        "fp": sorted(ours_newline - newline), "fn": sorted(newline - ours_newline)},
            "count": {"msgfmt": len(count), "t104": len(ours_count), "tp": len(count & ours_count),
                      "fp": sorted(ours_count - count), "fn": sorted(count - ours_count)} if check else None}


def mutate(s: str, rnd: random.Random) -> str:
    ph, k = list(PH_RE.finditer(s)), rnd.randrange(10)
    if ph and k == 0:
        m = rnd.choice(ph)
        return s[: m.start()] + s[m.end() :]
    if ph and k == 1:
        m = rnd.choice(ph)
        return s[: m.start()] + re.sub(r"[a-z_]+", lambda x: x.group()[::-1] + "x", m.group(), count=1) + s[m.end() :]
    if ph and k == 2:
        return s + " " + rnd.choice(ph).group()
    if k == 3:
        return s + rnd.choice([" 50% off", " %", " {", " }", " {x", " %%", " {{a}}", " %(", " %5%", " {0}", " %s",
                               " %(zz)s", " {}"])
    if ph and k == 4:
        m = rnd.choice(ph)
        t = m.group()
        new = t[:-1] + rnd.choice("sdfrcixg") if t.startswith("%") else t[:-1] + ":>3}"
        return s[: m.start()] + new + s[m.end() :]
    if len(ph) > 1 and k == 5:
        a, b = sorted(rnd.sample(ph, 2), key=lambda m: m.start())
        return s[: a.start()] + b.group() + s[a.end() : b.start()] + a.group() + s[b.end() :]
    if ph and k == 6:
        m = rnd.choice(ph)
        return s[: m.end() - 1] + s[m.end() :]
    if ph and k == 7:  # (a size modifier added or dropped: "%lu" for "%u", "%u" for "%zu")
        m = rnd.choice(ph)
        t = m.group()
        new = re.sub(r"(hh|h|ll|l|L|z|j|t)(?=[a-zA-Z]$)", "", t) if re.search(r"[hlLzjt][a-zA-Z]$", t) else (
            t[:-1] + rnd.choice(["l", "z", "h", "ll"]) + t[-1])
        return s[: m.start()] + new + s[m.end() :]
    return s


def edge(s: str, rnd: random.Random) -> str:
    """``s`` with a line break added at, or the run of them removed from, its start or end."""
    if rnd.random() < 0.5:
        return s.lstrip("\n") if s.startswith("\n") else "\n" + s
    return s.rstrip("\n") if s.endswith("\n") else s + "\n"


def mutated(dirs: list[str], n: int, seed: int) -> dict:
    rnd, edges = random.Random(seed), random.Random(seed + 1000)

    def slip(s: str) -> str:
        s = mutate(s, rnd)
        return edge(s, edges) if edges.random() < 0.2 and s.strip("\n") else s
    cases = []
    for f in sorted(str(p) for d in dirs for p in Path(d).rglob("*.po")):
        try:
            po = polib.pofile(f)
        except (OSError, ValueError):
            continue
        header = po.metadata.get("Plural-Forms", "nplurals=2; plural=(n != 1);")
        for e in po:
            if e.obsolete or e.fuzzy or not FORMATS & set(e.flags):
                continue
            forms = [e.msgstr_plural[i] for i in sorted(e.msgstr_plural)] if e.msgid_plural else None
            if (forms and all(forms)) or (forms is None and e.msgstr):
                cases.append((header, e, forms))
    rnd.shuffle(cases)
    groups: dict[str, list] = {}
    for case in cases[:n]:
        groups.setdefault(case[0], []).append(case)
    counts = {"entries": 0, "tp": 0, "fp": 0, "fn": 0, "tn": 0, "left_out": 0}
    newlines = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    disagreements = []
    rule, newline_rule = PlaceholderMismatch(), NewlineMismatch()
    for header, group in groups.items():
        text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                f'"Plural-Forms: {polib.escape(header)}\\n"\n\n')
        spans = []
        for _, e, forms in group:
            start = text.count("\n") + 1
            text += f"#, {', '.join(e.flags)}\nmsgctxt \"{start}\"\nmsgid \"{polib.escape(e.msgid)}\"\n"
            if forms is None:
                text += f'msgstr "{polib.escape(slip(e.msgstr))}"\n\n'
            else:
                text += f'msgid_plural "{polib.escape(e.msgid_plural)}"\n' + "".join(
                    f'msgstr[{i}] "{polib.escape(slip(s) if rnd.random() < 0.5 else s)}"\n'
                    for i, s in enumerate(forms)) + "\n"
            spans.append((start, text.count("\n")))
        with tempfile.NamedTemporaryFile("w", suffix=".po", delete=False, encoding="utf-8") as fh:
            fh.write(text)
        try:
            errors = msgfmt(fh.name)
            truth = {entry_at(spans, ln) for ln, msg in errors if FORMAT_RE.search(msg)}
            newline = {entry_at(spans, ln) for ln, msg in errors if NEWLINE_RE.search(msg)}
            docs = list(PoReader().documents(Source(fh.name, fh.name), None))
            ours = {entry_at(spans, doc.record) for doc in docs if list(rule.check(doc))}
            ours_newline = {entry_at(spans, doc.record) for doc in docs if list(newline_rule.check(doc))}
        finally:
            os.unlink(fh.name)
        for a, b in spans:
            counts["entries"] += 1
            t, o = a in newline, a in ours_newline
            newlines["tp" if t and o else "fp" if o else "fn" if t else "tn"] += 1
            if t != o:
                disagreements.append(("T103 fp" if o else "T103 fn", text.split("\n")[a - 1 : b]))
            if a in newline:
                counts["left_out"] += 1
                continue
            t, o = a in truth, a in ours
            counts["tp" if t and o else "fp" if o else "fn" if t else "tn"] += 1
            if t != o:
                disagreements.append(("fp" if o else "fn", text.split("\n")[a - 1 : b]))
    return {**counts, "newline": newlines, "disagreements": disagreements[:20]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--mutate", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--check", action="store_true", help="msgfmt --check against T101 + T102")
    args = parser.parse_args()
    r = real(args.dirs, args.check)
    if r["unread"]:
        print(f"left out: {len(r['unread'])} files whose header's charset does not decode them: {r['unread'][:5]}")
    print(f"real catalogues: {r['files']} files; entries msgfmt {'--check' if args.check else '--check-format'} "
          f"refuses {r['msgfmt']}, {'T101+T102' if args.check else 'T101'} reports {r['t101']}: "
          f"tp {r['tp']}, fp {len(r['fp'])}, missed {len(r['fn'])}")
    for kind in ("fp", "fn"):
        for f, line in r[kind]:
            print(f"  {kind} {f}:{line}")
    nl = r["newline"]
    print(f"real catalogues: entries msgfmt refuses for a \\n at the start or end {nl['msgfmt']}, T103 reports "
          f"{nl['t103']}: tp {nl['tp']}, fp {len(nl['fp'])}, missed {len(nl['fn'])}")
    for kind in ("fp", "fn"):
        for f, line in nl[kind]:
            print(f"  T103 {kind} {f}:{line}")
    if r["count"] is not None:
        c = r["count"]
        print(f"real catalogues: files msgfmt --check refuses for an entry's number of plural forms {c['msgfmt']}, "
              f"files with T104 {c['t104']}: tp {c['tp']}, fp {len(c['fp'])}, missed {len(c['fn'])}")
        for kind in ("fp", "fn"):
            for f in c[kind]:
                print(f"  T104 {kind} {f}")
    if args.mutate:
        m = mutated(args.dirs, args.mutate, args.seed)
        print(f"mutated entries (seed {args.seed}): {m['entries']}; tp {m['tp']}, fp {m['fp']}, missed {m['fn']}, "
              f"tn {m['tn']}; left out (a \\n mismatch msgfmt reports instead) {m['left_out']}")
        nl = m["newline"]
        print(f"  T103 on the same entries: tp {nl['tp']}, fp {nl['fp']}, missed {nl['fn']}, tn {nl['tn']}")
        for kind, lines in m["disagreements"]:
            print(f"  {kind}:", *lines, sep="\n    ")


if __name__ == "__main__":
    main()
