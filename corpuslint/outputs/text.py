"""Human-readable output: ``path:line:col: CODE message`` and a summary.

A record of a data file is named between path and line: ``data.jsonl:#17:3:5: W101 ...``
(record 17, line 3 and column 5 of its text field)."""

from __future__ import annotations

from collections import Counter

from ..engine import fixable


def write(result, stream, *, statistics: bool = False, unsafe_fixes: bool = False) -> None:
    for f in result.findings:
        mark = " [*]" if fixable(f, unsafe_fixes) else ""
        stream.write(f"{_where(f)}:{f.line}:{f.column}: {f.code}{mark} {f.message}\n")
        for rel in f.related:
            stream.write(f"    related: {_where(rel)}:{rel.line}:{rel.column}\n")
    if statistics:
        write_statistics(result, stream)
    write_summary(result, stream, unsafe_fixes=unsafe_fixes)


def write_statistics(result, stream) -> None:
    counts = Counter(f.code for f in result.findings)
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = result.registry.rules[code]
        fix = "[*]" if rule.fixable else "   "
        stream.write(f"{n:6d}  {code}  {fix} {rule.name}\n")


def write_summary(result, stream, *, unsafe_fixes: bool = False) -> None:
    n = len(result.findings)
    by_sev = Counter(f.severity.value for f in result.findings)
    parts = ", ".join(
        f"{by_sev[s]} {s}{'s' if by_sev[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if by_sev[s]
    )
    fixed = f", {result.fixed} fixed" if result.fixed else ""
    if n == 0:
        stream.write(f"All checks passed! ({_files(result.files_checked, _records(result))} checked{fixed})\n")
        return
    stream.write(f"Found {n} finding{'s' if n != 1 else ''} ({parts}) in {_files(result.files_checked, _records(result))} checked{fixed}.\n")
    safe = sum(1 for f in result.findings if fixable(f, False))
    unsafe = sum(1 for f in result.findings if fixable(f, True)) - safe
    if safe and not unsafe_fixes:
        stream.write(f"[*] {safe} fixable with `corpuslint check --fix`")
        stream.write(f" ({unsafe} more with --unsafe-fixes).\n" if unsafe else ".\n")
    elif unsafe_fixes and safe + unsafe:
        stream.write(f"[*] {safe + unsafe} fixable with `corpuslint check --fix --unsafe-fixes`.\n")
    elif unsafe:
        stream.write(f"{unsafe} fixable with `corpuslint check --fix --unsafe-fixes`.\n")


def _where(loc) -> str:
    """``path``, or ``path:#record`` for a record of a data file."""
    return loc.path if loc.record is None else f"{loc.path}:#{loc.record}"


def _records(result) -> int:
    """Dataset records checked (documents of data files, plus unreadable records)."""
    documents = getattr(result, "documents", {}) or {}
    read = sum(1 for d in documents.values() if getattr(d, "record", None) is not None)
    return read + sum(1 for f in result.findings if f.code == "F005" and f.record is not None)


def _files(n: int, records: int = 0) -> str:
    files = f"{n} file{'s' if n != 1 else ''}"
    return f"{files} ({records} record{'s' if records != 1 else ''})" if records else files
