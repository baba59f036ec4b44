"""Human-readable output, in two forms (``--output-format``):

* ``concise`` — one line per finding, ``path:line:col: CODE [*] message`` (the
  default when standard output is not a terminal: pipes, files, CI logs);
* ``full`` — ruff-style: ``path:line:col: severity[CODE] message``, the source line
  with a caret underline under the flagged span, the fix hint and related locations
  (the default on a terminal).

Columns are counted in Unicode code points everywhere. In ``full`` output,
right-to-left runs (Arabic, Hebrew, Persian, Urdu…) are wrapped in Unicode isolates
(FSI U+2068 … PDI U+2069), so a bidi-aware viewer (a browser, GitHub's log viewer, a
bidi terminal) shows ``'يانج' (4×)`` in order instead of ``(×4) 'يانج'``.

``--statistics`` prints one row per rule: count, code, name and how many of its
findings have a safe or an unsafe fix.

A record of a data file is named between path and line: ``data.jsonl:#17:3:5: W101 ...``
(record 17, line 3 and column 5 of its text field).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from ..engine import fixable
from ..findings import where
from ..text.lazy_regex import lazy
from ..text.width import cell_width as _cell_width

FSI, PDI = "\u2068", "\u2069"
_RTL = r"\p{Bidi_Class=R}\p{Bidi_Class=AL}"
_RTL_WORD = rf"[{_RTL}][{_RTL}\p{{Bidi_Class=NSM}}\p{{Bidi_Class=AN}}]*"
# RTL words joined by spaces and right-to-left punctuation (، ؛ ؟ ٪ ۔); quotes, Latin
# letters and the like end a run, so two quoted words of an English message stay two.
RTL_RUN_RE = lazy(rf"{_RTL_WORD}(?:[\s\u00a0\u060c\u061b\u061f\u066a-\u066d\u06d4]+{_RTL_WORD})*")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
SNIPPET_WIDTH = 100  # code points of source shown; longer lines are cut around the span
CONTEXT = 40


def isolate_rtl(text: str) -> str:
    """Wrap each right-to-left run of ``text`` in FSI … PDI (no-op for other text)."""
    if not RTL_RUN_RE.search(text):
        return text
    return RTL_RUN_RE.sub(lambda m: FSI + m.group() + PDI, text)


def write(result, stream, *, statistics: bool = False, unsafe_fixes: bool = False,
          output_format: str = "concise", show_findings: bool | None = None, quiet: bool = False) -> None:
    """Findings, then the statistics table (if asked), then the summary (unless quiet).

    ``show_findings`` defaults to ``not statistics``: ``--statistics`` alone prints
    only the table."""
    if show_findings is None:
        show_findings = not statistics
    if show_findings:
        if output_format == "full":
            write_full(result, stream, unsafe_fixes=unsafe_fixes)
        else:
            write_concise(result, stream, unsafe_fixes=unsafe_fixes)
    if statistics:
        write_statistics(result, stream)
    if not quiet:
        write_summary(result, stream, unsafe_fixes=unsafe_fixes)


def write_concise(result, stream, *, unsafe_fixes: bool = False) -> None:
    for f in result.findings:
        mark = " [*]" if fixable(f, unsafe_fixes) else ""
        stream.write(f"{_where(f)}:{f.line}:{f.column}: {f.code}{mark} {f.message}\n")
        for rel in f.related:
            stream.write(f"    related: {_where(rel)}:{rel.line}:{rel.column}\n")


def write_full(result, stream, *, unsafe_fixes: bool = False) -> None:
    documents = getattr(result, "documents", {}) or {}
    for f in result.findings:
        mark = " [*]" if fixable(f, unsafe_fixes) else ""
        stream.write(f"{_where(f)}:{f.line}:{f.column}: {f.severity.value}[{f.code}]{mark} {isolate_rtl(f.message)}\n")
        doc = documents.get(f.key)
        lines = _snippet(doc, f) if doc is not None else []
        hint = fix_hint(f, doc)
        gutter = " " * len(str(f.line))
        if lines:
            stream.write(f"{gutter} |\n")
            source, underline = lines
            stream.write(f"{f.line} | {source}\n")
            stream.write(f"{gutter} | {underline}\n")
        if hint:
            stream.write(f"{gutter} = help: {hint}\n")
        for rel in f.related:
            stream.write(f"{gutter} = related: {_where(rel)}:{rel.line}:{rel.column}\n")
        stream.write("\n")


def _visible(ch: str) -> str:
    """A printable stand-in for characters a terminal would act on (tab, controls)."""
    if ch == "\t":
        return " "
    if unicodedata.category(ch) == "Cc":
        return "\u2423"  # OPEN BOX
    return ch


def _snippet(doc, f) -> list[str]:
    """[source line (cut to the span's neighbourhood), caret underline]."""
    if not (1 <= f.line <= len(doc.lines)):
        return []
    line = doc.line_text(doc.lines[f.line - 1])
    start = min(max(f.column - 1, 0), len(line))
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    end = min(max(end, start), len(line))
    lo, hi = 0, len(line)
    if len(line) > SNIPPET_WIDTH:
        end = min(end, start + SNIPPET_WIDTH - CONTEXT)  # a long span is underlined in part
        lo = max(0, start - CONTEXT)
        hi = min(len(line), max(end, start + 1) + CONTEXT)
    before, span, after = line[lo:start], line[start:end], line[end:hi]
    lead = "…" if lo > 0 else ""
    tail = "…" if hi < len(line) else ""
    shown = lead + "".join(map(_visible, before + span + after)) + tail
    pad = len(lead) + sum(_cell_width(_visible(c)) for c in before)
    width = max(1, sum(max(1, _cell_width(_visible(c))) for c in span))
    label = _describe(span) if span.strip() and len(span) <= 60 else ""
    return [shown.rstrip("\n"), " " * pad + "^" * width + (f" {label}" if label else "")]


def _quote(text: str) -> str:
    text = "".join(_ESCAPES.get(ch, ch) for ch in text)
    return "'" + isolate_rtl(text) + "'"


def _describe(text: str) -> str:
    """Quote text, naming it by code point when it is invisible (spaces, marks)."""
    if text and not any(ch.isprintable() and not ch.isspace() for ch in text):
        names = [f"U+{ord(ch):04X}" for ch in text[:5]]
        return " ".join(names) + (" …" if len(text) > 5 else "")
    return _quote(text if len(text) <= 40 else text[:39] + "…")


def fix_hint(f, doc=None) -> str:
    """One line: what ``--fix`` would do for this finding, and whether it is safe."""
    if f.fix is None:
        return ""
    how = "safe fix (--fix)" if f.fix.applicability.value == "safe" else "unsafe fix (--fix --unsafe-fixes)"
    edits = f.fix.edits
    if len(edits) != 1 or doc is None:
        return f"{how}: {len(edits)} edit{'s' if len(edits) != 1 else ''}"
    e = edits[0]
    old = doc.text[e.start : e.end]
    if not old:
        what = f"insert {_describe(e.replacement)}"
    elif not e.replacement:
        what = f"delete {_describe(old)}"
    else:
        what = f"replace {_describe(old)} with {_describe(e.replacement)}"
    return f"{how}: {what}"


def write_statistics(result, stream) -> None:
    """Per rule: count, code, name, findings with a safe fix, with an unsafe fix."""
    counts = Counter(f.code for f in result.findings)
    safe = Counter(f.code for f in result.findings if fixable(f, False))
    unsafe = Counter(f.code for f in result.findings if fixable(f, True) and not fixable(f, False))
    if not counts:
        return
    name_width = max(len(result.registry.rules[c].name) for c in counts)
    stream.write(f"{'count':>6}  {'code':6}{'name':{name_width}}  {'safe':>5}  {'unsafe':>6}\n")
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = result.registry.rules[code]
        stream.write(f"{n:6d}  {code:6}{rule.name:{name_width}}  {safe[code]:5d}  {unsafe[code]:6d}\n")


def write_summary(result, stream, *, unsafe_fixes: bool = False) -> None:
    n = len(result.findings)
    by_sev = Counter(f.severity.value for f in result.findings)
    parts = ", ".join(
        f"{by_sev[s]} {s}{'s' if by_sev[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if by_sev[s]
    )
    fixed = f", {result.fixed} fixed" if result.fixed else ""
    if getattr(result, "baselined", None):
        fixed += f"; {result.baselined} hidden by the baseline"
        held = getattr(result, "baselined_fixable", None)
        if held:  # (--fix leaves them: the report hides them, the summary says why they remain)
            fixed += f", {held} of them fixable but left by --fix"
    if n == 0 and result.files_checked == 0:
        stream.write("Nothing checked: 0 files read.\n")  # (not "All checks passed": no check ran)
        return
    if n == 0:
        stream.write(f"All checks passed! ({_files(result.files_checked, _records(result))} checked{fixed})\n")
        return
    stream.write(f"Found {n} finding{'s' if n != 1 else ''} ({parts}) in {_files(result.files_checked, _records(result))} checked{fixed}.\n")
    safe = sum(1 for f in result.findings if fixable(f, False))
    unsafe = sum(1 for f in result.findings if fixable(f, True)) - safe
    # records of data files (JSON Lines, Parquet) are rewritten only with --fix-data
    data = _in_data_files(result, [f for f in result.findings if fixable(f, unsafe_fixes or not safe)])
    fix = "--fix --fix-data" if data else "--fix"
    if safe and not unsafe_fixes:
        stream.write(f"[*] {safe} fixable with `corpuslint check {fix}`")
        more = [f"{unsafe} more with --unsafe-fixes"] if unsafe else []
        if data and len(data) < safe:  # (the safe fixes' findings: fresh37's "1219 fixable", then "1207 fixed")
            more.insert(0, f"{len(data)} of them in data-file records: --fix alone fixes {safe - len(data)}")
        stream.write(f" ({'; '.join(more)}).\n" if more else ".\n")
    elif unsafe_fixes and safe + unsafe:
        stream.write(f"[*] {safe + unsafe} fixable with `corpuslint check {fix} --unsafe-fixes`.\n")
    elif unsafe:
        stream.write(f"{unsafe} fixable with `corpuslint check {fix} --unsafe-fixes`.\n")


def _in_data_files(result, findings) -> list:
    """Those of ``findings`` in records of a data file (true when any), which ``--fix``
    rewrites only with ``--fix-data`` (a .po catalogue is a source file: fixed with --fix)."""
    from ..readers import is_source_file

    is_data: dict[str, bool] = {}  # path -> a data file's (not a source file's) records?
    out = []
    for f in findings:
        if f.record is not None:
            if f.path not in is_data:
                is_data[f.path] = not is_source_file(f.path, result.registry.readers)
            if is_data[f.path]:
                out.append(f)
    return out


def _where(loc) -> str:
    """``path``, or ``path:#record`` for a record of a data file (``findings.where``)."""
    return where(loc.path, getattr(loc, "record", None))


def _records(result) -> int:
    """Dataset records checked (documents of data files, plus unreadable records)."""
    documents = getattr(result, "documents", {}) or {}
    count = getattr(documents, "records", None)  # a DocumentStore counts without reading files
    read = count() if callable(count) else sum(1 for d in documents.values() if getattr(d, "record", None) is not None)
    return read + sum(1 for f in result.findings if f.code == "F005" and f.record is not None
                      and f"{f.path}#{f.record}" not in documents)  # (not a record checked despite its F005)


def _files(n: int, records: int = 0) -> str:
    files = f"{n} file{'s' if n != 1 else ''}"
    return f"{files} ({records} record{'s' if records != 1 else ''})" if records else files
