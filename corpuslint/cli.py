"""Command line: ``corpuslint check``, ``corpuslint rule CODE``, ``corpuslint rules``.

Exit codes (like ruff): 0 = no findings at or above ``fail-on`` severity remain,
1 = some remain, 2 = usage, configuration, plugin or internal error.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import traceback
from typing import Sequence

from . import __version__
from .config import ConfigError, check_jobs, validate_codes
from .engine import RuleError, build_registry, run
from .plugins import PluginError, load_plugins

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpuslint", description="A fast, pluggable quality and deduplication linter for text corpora."
    )
    parser.add_argument("--version", action="store_true", help="print version and loaded plugins")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="lint files and directories")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--select", type=_codes, help="rule codes or prefixes to enable (replaces the default set)")
    check.add_argument("--extend-select", type=_codes, default=[], help="codes or prefixes to enable in addition")
    check.add_argument("--ignore", type=_codes, default=[], help="codes or prefixes to disable")
    check.add_argument("--fix", action="store_true", help="apply safe fixes")
    check.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix or --diff)")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--format", default="text", help="text, json, sarif, github, junit (or a plugin's)")
    check.add_argument("--output-file", "-o", help="write the report to this file")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even if findings remain")
    check.add_argument("--fail-on", choices=["info", "warning", "error"], help="lowest severity that fails the run")
    check.add_argument("--config", help="configuration file (pyproject.toml, corpuslint.toml)")
    check.add_argument("--no-cache", action="store_true", help="do not read or write the corpus index")
    check.add_argument("--jobs", "-j", type=int, help="worker processes for document rules (0 = one per core)")
    check.add_argument("--include", type=_codes, help="file globs to check (default *.txt,*.text,*.md)")
    check.add_argument("--exclude", type=_codes, default=[], help="extra globs to exclude")
    check.add_argument("--follow-external-symlinks", action="store_true",
                       help="check files behind symlinks that point outside the project root")
    check.add_argument("--verbose", "-v", action="store_true", help="print tracebacks of errors")

    rule = sub.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code")
    rule.add_argument("--config", help="configuration file (rules defined in config are listed too)")
    rules = sub.add_parser("rules", help="list all rules, including plugins' and config-defined ones")
    rules.add_argument("--config", help="configuration file (rules defined in config are listed too)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; every error is one line on stderr and exit code 2. The traceback
    is printed only with ``--verbose`` or ``CORPUSLINT_DEBUG=1``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    verbose = "--verbose" in argv or os.environ.get("CORPUSLINT_DEBUG", "") not in ("", "0")
    try:
        return _main(argv)
    except (ConfigError, PluginError, RuleError) as exc:
        return _error(str(exc), verbose)
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except RecursionError:
        return _error("internal error: recursion too deep (a deeply nested input or config?)", verbose)
    except MemoryError:
        return _error("out of memory", verbose)
    except OSError as exc:
        return _error(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else f"{exc}", verbose)
    except Exception as exc:  # an internal error: one line; the traceback on request
        origin = _plugin_of(exc)
        where = f" in plugin {origin!r}" if origin else ""
        return _error(f"internal error{where}: {type(exc).__name__}: {exc} "
                      "(--verbose or CORPUSLINT_DEBUG=1 for the traceback)", verbose)


def _error(message: str, verbose: bool) -> int:
    if verbose:
        traceback.print_exc()
    print(f"corpuslint: error: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_ERROR


def _plugin_of(exc: BaseException) -> str | None:
    """The distribution/module that raised, when it is not corpuslint itself."""
    tb = exc.__traceback__
    last = None
    while tb is not None:
        module = tb.tb_frame.f_globals.get("__name__", "")
        if module and not module.startswith(("corpuslint.", "corpuslint", "pluggy", "importlib", "concurrent")):
            last = module.split(".")[0]
        tb = tb.tb_next
    return last


def _main(argv: list[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code == 0 else EXIT_ERROR
    if args.version:
        registry = load_plugins()
        print(f"corpuslint {__version__}")
        for p in registry.plugins:
            if not p.builtin:
                print(f"  plugin {p.name} {p.version or ''}".rstrip())
        return EXIT_OK
    if args.command == "rule":
        return _cmd_rule(args.code, args.config)
    if args.command == "rules":
        return _cmd_rules(args.config)
    if args.command == "check":
        return _cmd_check(args)
    parser.print_help(sys.stderr)
    return EXIT_ERROR


def _cmd_rule(code: str, config_file: str | None) -> int:
    _, registry = build_registry(["."], config_file=config_file)
    cls = registry.rules.get(code.upper())
    if cls is None:
        print(f"corpuslint: error: unknown rule {code!r}", file=sys.stderr)
        return EXIT_ERROR
    print(f"{cls.code} {cls.name}")
    print(f"family: {cls.family}  severity: {cls.default_severity.value}  "
          f"enabled by default: {'yes' if cls.default_enabled else 'no'}  fix: {'yes' if cls.fixable else 'no'}  "
          f"kind: {cls.kind()}  from: {cls.origin}")
    if cls.options:
        print("options: " + ", ".join(f"{k} = {v!r}" for k, v in cls.options.items()))
    print()
    print(cls.doc())
    return EXIT_OK


def _cmd_rules(config_file: str | None) -> int:
    _, registry = build_registry(["."], config_file=config_file)
    print(f"{'code':6} {'name':34} {'family':11} {'severity':8} {'on':3} {'fix':3} {'kind':8} origin")
    for code in sorted(registry.rules):
        c = registry.rules[code]
        print(f"{code:6} {c.name:34} {c.family:11} {c.default_severity.value:8} {'yes' if c.default_enabled else 'no':3} "
              f"{'yes' if c.fixable else '':3} {c.kind():8} {c.origin}")
    return EXIT_OK


def _cmd_check(args) -> int:
    for p in args.paths:
        if not os.path.exists(p) and not os.path.islink(p):
            print(f"corpuslint: warning: {p}: no such file or directory", file=sys.stderr)
    config, registry = build_registry(args.paths, config_file=args.config)
    if args.select is not None:
        config.select = args.select
    config.extend_select = config.extend_select + args.extend_select
    config.ignore = config.ignore + args.ignore
    validate_codes(config, registry.rules)
    if args.include:
        config.include = args.include
    config.exclude = config.exclude + args.exclude
    if args.no_cache:
        config.use_cache = False
    if args.jobs is not None:
        config.jobs = check_jobs(args.jobs, "--jobs")
    if args.follow_external_symlinks:
        config.follow_external_symlinks = True
    if args.fail_on:
        from .findings import Severity

        config.fail_on = Severity(args.fail_on)
    formatter = registry.formats.get(args.format)
    if formatter is None:
        raise ConfigError(f"--format: unknown format {args.format!r} (available: {', '.join(sorted(registry.formats))})")

    report = None
    if args.output_file and not args.diff:
        try:  # opened before any fix is written: a bad path must not leave a half-done run
            report = open(args.output_file, "w", encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"--output-file: cannot write {args.output_file!r}: {exc.strerror or exc}") from None
    try:
        result = run(args.paths, config, registry, fix=args.fix and not args.diff,
                     unsafe_fixes=args.unsafe_fixes, diff=args.diff)
        return _report(args, result, report, formatter)
    finally:
        if report is not None:
            report.close()


def _report(args, result, report, formatter) -> int:
    if args.diff:
        sys.stdout.write("".join(result.diffs))
        return EXIT_OK if not result.diffs or args.exit_zero else EXIT_FINDINGS

    out = io.StringIO()
    if args.format == "text":
        from .outputs import text

        text.write(result, out, statistics=args.statistics, unsafe_fixes=args.unsafe_fixes)
    else:
        try:
            formatter(result, out)
        except Exception as exc:
            origin = getattr(formatter, "__module__", "?").split(".")[0]
            raise RuleError(f"formatter {args.format!r} (from {origin!r}) failed: {type(exc).__name__}: {exc}") from exc
    if report is not None:
        report.write(out.getvalue())
        if args.statistics and args.format != "text":
            from .outputs import text

            text.write_statistics(result, sys.stdout)
    else:
        sys.stdout.write(out.getvalue())
        if args.statistics and args.format != "text":
            from .outputs import text

            text.write_statistics(result, sys.stderr)
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if result.failing() else EXIT_OK
