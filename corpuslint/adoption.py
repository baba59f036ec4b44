"""``corpuslint check`` options for adopting the linter gradually and reading its output:
``--baseline`` / ``--write-baseline``, ``--add-ignore``, ``--fix-only``, progress,
``--quiet`` / ``--verbose`` and the default text ``--output-format``.

The data side (fingerprints, baseline files, the ignore file, inline directives)
lives in ``corpuslint.baseline``; this module only wires it into a CLI run.
"""

from __future__ import annotations

import os
import sys
import time

from . import baseline as bl
from .config import ConfigError

_STARTED = time.monotonic()


def _say(args, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr)


def default_output_format(args) -> str:
    """``full`` when the report goes to a terminal, ``concise`` otherwise."""
    to_terminal = not args.output_file and sys.stdout.isatty()
    return "full" if to_terminal else "concise"


def progress_for(args):
    from . import progress

    if args.diff or not progress.wanted(quiet=args.quiet):
        return None
    return progress.Progress()


def before_run(args, config) -> list[dict] | None:
    """Validate option combinations and load the baseline (its entries) before the (long) run."""
    if args.add_ignore and not (args.reason and args.reason.strip()):
        raise ConfigError("--add-ignore needs --reason \"why these findings are accepted\"")
    if args.verbose:
        print(f"corpuslint: config {config.source or '(none: defaults)'}; root {config.root}; "
              f"jobs {config.jobs}; cache {'on' if config.use_cache else 'off'}", file=sys.stderr)
    if args.write_baseline:  # rewritten: the entries this run does not concern are kept
        return bl.load_entries(args.write_baseline) if os.path.exists(args.write_baseline) else []
    path = args.baseline or config.baseline
    return bl.load_entries(path) if path else None


def after_run(args, config, result, baseline: list[dict] | None) -> int | None:
    """Apply the baseline; handle the options that end the run here (their exit code).
    The fixes of ``--fix`` / ``--diff`` already left the baselined findings as they are
    (``engine.run(baseline=...)``); the notes say how many fixable ones that was.

    Only the baseline entries of the files checked and rules run count (``bl.out_of_scope``):
    a run on some files neither calls the others' entries stale nor drops them on write."""
    root = config.root
    if args.verbose:
        print(f"corpuslint: {len(result.rules)} rules active, {result.files_checked} files checked "
              f"in {time.monotonic() - _STARTED:.1f} s", file=sys.stderr)
    if args.write_baseline:
        checked = {bl.relative_path(p, root) for p in result.checked}
        keep = [e for e in baseline if bl.out_of_scope(e, checked, result.rules, root)] if baseline else []
        # the files as checked (which copy of a cross-file duplicate a later change makes: ``bl.Settled``),
        # and those of an earlier baseline not checked now that still exist
        files = {rel: fp for rel, fp in getattr(baseline, "files", {}).items()
                 if rel not in checked and os.path.lexists(os.path.join(root, rel))}
        files.update(bl.checked_files(result.checked, result.documents, root))
        n = bl.write_baseline(args.write_baseline, result.findings, result.documents, root, result.rules, keep,
                              files)
        _say(args, f"corpuslint: wrote {n} baseline entries ({len(result.findings)} findings"
                   + (f"; {len(keep)} entries of files or rules not checked kept" if keep else "")
                   + f") to {args.write_baseline}")
        return 0
    held = 0  # baselined findings with a fix this run could apply: --fix and --diff left them
    if baseline is not None:
        applied = bl.apply_entries(baseline, result.findings, result.documents, root, result.rules, result.checked)
        held = _fixable(result.findings, args) - _fixable(applied.kept, args)
        result.findings = applied.kept
        result.baselined = applied.suppressed
        result.baselined_fixable = held
        path = args.baseline or config.baseline
        note = f"corpuslint: baseline {os.path.relpath(path)}: {applied.suppressed} findings suppressed"
        if held:
            note += f" ({held} of them fixable: --fix and --diff leave baselined findings as they are)"
        if applied.stale:
            one = applied.stale == 1
            note += (f"; {applied.stale} baseline {'entry' if one else 'entries'} no longer"
                     f" {'occurs' if one else 'occur'} (run --write-baseline to shrink it)")
        _say(args, note)
    if args.add_ignore:
        n = bl.add_ignore_entries(root, result.findings, result.documents, args.reason, result.rules)
        _say(args, f"corpuslint: added {n} entries to {os.path.join(root, bl.IGNORE_FILE)}")
        return 0
    if args.fix_only and not args.diff:
        if result.fixed or held:
            _say(args, f"corpuslint: fixed {result.fixed} finding{'s' if result.fixed != 1 else ''}"
                       + (f"; {held} fixable in the baseline left as they are" if held else ""))
        return 0
    return None


def _fixable(findings, args) -> int:
    from .engine import fixable

    return sum(1 for f in findings if fixable(f, args.unsafe_fixes))
