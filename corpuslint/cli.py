"""Command line: ``corpuslint check``, ``corpuslint filter``, ``corpuslint rule CODE``,
``corpuslint rules``.

Exit codes (like ruff): 0 = no findings at or above ``fail-on`` severity remain,
1 = some remain, 2 = usage, configuration, plugin or internal error.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import sys
import traceback
from typing import Sequence

from . import __version__, readers
from .config import ConfigError, check_codes, check_jobs, code_hint, did_you_mean, normalize_code
from .engine import RuleError, StdinInput, build_registry, run
from .executors import ExecutorError, settings_for
from .files import is_url
from .plugins import PluginError, load_plugins

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str) -> list[str]:
    return [normalize_code(c) for c in value.split(",") if c.strip()]


def _globs(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


class _Parser(argparse.ArgumentParser):
    """argparse with "did you mean" for a mistyped flag, command or choice."""

    all_options: list[str] = []  # every flag of every subcommand (unknown flags reach the top parser)

    def add_argument(self, *args, **kwargs):
        _Parser.all_options.extend(a for a in args if a.startswith("--"))
        return super().add_argument(*args, **kwargs)

    def error(self, message: str):
        hint = ""
        unknown = re.match(r"unrecognized arguments: (.*)", message)
        if unknown:
            for arg in unknown.group(1).split():
                if arg.startswith("--"):
                    hint = did_you_mean(arg.split("=", 1)[0], _Parser.all_options)
                    if hint:
                        break
        choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if choice:
            hint = did_you_mean(choice.group(1), re.findall(r"'([^']*)'", choice.group(2)))
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}{hint}\n")


def _parser() -> argparse.ArgumentParser:
    _Parser.all_options = []
    parser = _Parser(
        prog="corpuslint", description="A fast, pluggable quality and deduplication linter for text corpora."
    )
    parser.add_argument("--version", action="store_true", help="print version and loaded plugins")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="lint files and directories")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                       help="files and folders (default: .); '-' reads standard input")
    # (every list option takes comma-separated values and may be repeated: the values add up)
    check.add_argument("--select", type=_codes, action="extend",
                       help="rule codes or prefixes to enable (replaces the default set)")
    check.add_argument("--extend-select", type=_codes, action="extend", default=[],
                       help="codes or prefixes to enable in addition")
    check.add_argument("--ignore", type=_codes, action="extend", default=[], help="codes or prefixes to disable")
    check.add_argument("--fix", action="store_true", help="apply safe fixes")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="also apply unsafe fixes (with --fix or --diff); alone: mark them [*] in the report")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--format", default="text",
                       help="text, json, sarif, github, junit, gitlab, html (or a plugin's)")
    check.add_argument("--output-file", "-o", help="write the report to this file")
    check.add_argument("--output-dir", metavar="DIR",
                       help="write the findings as partitioned JSON Lines DIR/findings-NNNNN.jsonl "
                            "(large corpora) instead of a report")
    check.add_argument("--stdin-filename", help="the name standard input ('-') is checked as (config, reader)")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even if findings remain")
    check.add_argument("--fail-on", choices=["info", "warning", "error"], help="lowest severity that fails the run")
    check.add_argument("--config", help="configuration file (pyproject.toml, corpuslint.toml)")
    check.add_argument("--no-cache", action="store_true", help="do not read or write the corpus index")
    check.add_argument("--jobs", "-j", type=int, help="worker processes for the map step (default 0 = one per core)")
    check.add_argument("--executor", choices=("local", "dask"),
                       help="who runs the map and reduce: this machine (default) or a Dask cluster")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler address (tcp://host:8786); without it --executor dask "
                            "starts a LocalCluster")
    check.add_argument("--include", type=_globs, action="extend",
                       help="file globs to check, replacing the default list and the config's `include` "
                            "(default *.txt,*.text,*.md,*.rst,*.srt,*.vtt,*.tex)")
    check.add_argument("--extend-include", type=_globs, action="extend", default=[],
                       help="file globs to check in addition to the default list or `include` (e.g. '*.html')")
    check.add_argument("--exclude", type=_globs, action="extend", default=[], help="extra globs to exclude")
    _data_arguments(check)
    check.add_argument("--fix-data", action="store_true",
                       help="with --fix: also rewrite data files (JSONL, Parquet) with fixed records, atomically")
    check.add_argument("--ignore-unknown", action="store_true",
                       help="skip named files no reader handles instead of reporting them (F004); for pre-commit")

    check.add_argument("--output-format", choices=["full", "concise"],
                       help="text format: full (source line, caret, fix hint; default on a terminal) or concise")
    check.add_argument("--show-findings", action="store_true", help="with --statistics: print the findings too")
    check.add_argument("--quiet", "-q", action="store_true", help="findings only: no summary, no progress bar")
    check.add_argument("--verbose", "-v", action="store_true",
                       help="say which config, root and rules the run used; tracebacks for errors")
    check.add_argument("--follow-external-symlinks", action="store_true",
                       help="check files behind symlinks that point outside the project root")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not in this baseline file")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings as a baseline; exit 0")
    check.add_argument("--add-ignore", action="store_true",
                       help="append the current findings to .corpuslint-ignore (needs --reason); exit 0")
    check.add_argument("--reason", help="why the findings added by --add-ignore are accepted")
    check.add_argument("--fix-only", action="store_true",
                       help="apply fixes and report only what was fixed; exit 0 (for a fix hook)")

    filt = sub.add_parser("filter", help="write a cleaned dataset: drop records with selected findings")
    filt.add_argument("input", metavar="IN", help="dataset file: .jsonl[.gz|.bz2|.xz|.zst], .json (an array of records), .parquet, .arrow, .csv")
    filt.add_argument("output", metavar="OUT", help="cleaned dataset: .jsonl[.gz|.bz2|.xz|.zst], .parquet, or .json from a .json")
    filt.add_argument("--drop", type=_codes, action="extend", required=True,
                      help="codes or prefixes whose findings drop a record (D105: keep one record per cluster)")
    filt.add_argument("--fix", action="store_true", help="apply safe fixes to the kept records' text")
    filt.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix)")
    filt.add_argument("--summary", metavar="FILE", help="also write the JSON summary to FILE")
    filt.add_argument("--config", help="configuration file (pyproject.toml, corpuslint.toml)")
    _data_arguments(filt)

    rule = sub.add_parser("rule", aliases=["explain"], help="print a rule's documentation (alias: explain)")
    rule.add_argument("code")
    rule.add_argument("--config", help="configuration file (rules defined in config are listed too)")
    rules = sub.add_parser("rules", help="list all rules, including plugins' and config-defined ones")
    rules.add_argument("--config", help="configuration file (rules defined in config are listed too)")
    return parser


def _data_arguments(parser) -> None:
    parser.add_argument("--text-field", help="field holding a record's text (dotted path: meta.body; default text); "
                        "several, comma-separated: instruction,input,output")
    parser.add_argument("--id-field", help="field naming a record in findings (default: its 1-based number)")
    parser.add_argument("--text-format", choices=("plain", "markdown", "wikitext", "auto"),
                        help="what a record's text is written in (default auto: wikitext when it clearly is, "
                             "as a .txt is sniffed; else Markdown when it has a code fence, a table or a # heading)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; every error is one line on stderr and exit code 2. The traceback
    is printed only with ``--verbose`` or ``CORPUSLINT_DEBUG=1``.

    In its own process (``argv`` None: the console script, ``python -m corpuslint``)
    the start-up is made cheaper in two ways that change no result (``_own_process``)."""
    own_process = argv is None  # the command line's run (console script, python -m corpuslint)
    if own_process:
        _own_process()
    argv = list(sys.argv[1:] if argv is None else argv)
    verbose = "--verbose" in argv or os.environ.get("CORPUSLINT_DEBUG", "") not in ("", "0")
    try:
        return _main(argv, own_process)
    except (ConfigError, PluginError, RuleError, ExecutorError) as exc:
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


def _own_process() -> None:
    """Start-up settings of a corpuslint process (issue 14, target 5), never of a caller's:

    * the cyclic garbage collector is paused while modules load and plugins register
      (their objects all live as long as the run; ``_startup_done`` freezes them and
      resumes it): its passes over them were ~12% of a one-small-file run's CPU;
    * OpenBLAS, loaded with numpy, gets one thread unless ``OPENBLAS_NUM_THREADS`` is
      set: corpuslint does no linear algebra (its parallelism is ``--jobs``), and the
      idle BLAS thread spinning after numpy's import cost ~0.03 s CPU a run.
    """
    global _collector_paused
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # read when numpy loads: not imported yet
    if gc.isenabled():
        gc.disable()
        _collector_paused = True


_collector_paused = False


def _resume_collector() -> None:
    """Undo ``_own_process``'s pause (a caller's own ``gc.disable()`` stays)."""
    global _collector_paused
    if _collector_paused:
        gc.enable()
        _collector_paused = False


def _startup_done() -> None:
    """The modules, rules and config loaded so far live as long as the run: out of the
    cyclic collector's way (frozen), its passes over the run's own objects are cheaper
    (a warm 10 k-file pre-commit run: ~0.1 s of ~0.85 s CPU). Resumes the collector
    ``_own_process`` paused."""
    gc.freeze()
    _resume_collector()


def _error(message: str, verbose: bool) -> int:
    if verbose:
        traceback.print_exc()
    print(f"corpuslint: error: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_ERROR


def _plugin_of(exc: BaseException) -> str | None:
    """The loaded plugin (``plugins.PLUGIN_MODULES``) whose code is nearest the error
    in its traceback, or None: an error raised in the standard library or a library
    that corpuslint itself called (``subprocess``, ``sqlite3``) is corpuslint's own."""
    from .plugins import PLUGIN_MODULES

    tb = exc.__traceback__
    last = None
    while tb is not None:
        module = tb.tb_frame.f_globals.get("__name__", "")
        name = PLUGIN_MODULES.get(module.split(".")[0]) if module else None
        if name is not None:
            last = name
        tb = tb.tb_next
    return last


def _main(argv: list[str], own_process: bool = False) -> int:
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
    if args.command in ("rule", "explain"):
        return _cmd_rule(args.code, args.config)
    if args.command == "rules":
        return _cmd_rules(args.config)
    if args.command == "check":
        try:
            return _cmd_check(args)
        finally:
            if not own_process:  # called in-process: nothing stays frozen (``_cmd_check`` froze what was loaded)
                gc.unfreeze()
    if args.command == "filter":
        return _cmd_filter(args)
    parser.print_help(sys.stderr)
    return EXIT_ERROR


def _cmd_rule(code: str, config_file: str | None) -> int:
    _, registry = build_registry(["."], config_file=config_file)
    cls = registry.rules.get(normalize_code(code))
    if cls is None:
        print(f"corpuslint: error: unknown rule {code!r}{code_hint(normalize_code(code), registry.rules)}",
              file=sys.stderr)
        return EXIT_ERROR
    print(f"{cls.code} {cls.name}")
    print(f"family: {cls.family}  severity: {cls.default_severity.value}  "
          f"enabled by default: {'yes' if cls.default_enabled else 'no'}  fix: {cls.fix_safety()}  "
          f"kind: {cls.kind()}  from: {cls.origin}")
    if cls.options:
        print("options: " + ", ".join(f"{k} = {v!r}" for k, v in cls.options.items()))
    print()
    print(cls.doc())
    return EXIT_OK


def _cmd_rules(config_file: str | None) -> int:
    _, registry = build_registry(["."], config_file=config_file)
    print(f"{'code':6} {'name':34} {'family':11} {'severity':8} {'on':3} {'fix':11} {'kind':8} origin")
    for code in sorted(registry.rules):
        c = registry.rules[code]
        print(f"{code:6} {c.name:34} {c.family:11} {c.default_severity.value:8} {'yes' if c.default_enabled else 'no':3} "
              f"{c.fix_safety():11} {c.kind():8} {c.origin}")
    return EXIT_OK


def _check_output_file(path: str) -> None:
    """Refuse an unwritable report path before anything is linted or fixed."""
    if os.path.isdir(path):
        raise ConfigError(f"--output-file {path}: is a directory")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise ConfigError(f"--output-file {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise ConfigError(f"--output-file {path}: not writable")


def _require_extras(args, formatter, settings, paths: list[str]) -> None:
    """Every optional module the run will need, imported now: a missing extra is a usage
    error (exit 2, one line) before any file is read or fixed, never after the fixes
    were written (``corpuslint/extras.py``)."""
    from . import extras

    if not (args.diff or args.output_dir or args.format == "text"):  # those write no --format report
        extras.require_formatter(formatter)
    if settings.kind == "dask":
        extras.require("dask", "--executor dask")
    for p in paths:
        if is_url(p):
            from .readers.remote import filesystem

            filesystem(p)  # URLError: fsspec or its back-end for this protocol is missing


NOT_CHECKED_LINES = 10  # files named one per line; past this, a count


def _warn_not_checked(result, missing: set[str]) -> None:
    """One warning line per file the run did not read whose F finding --select, --ignore
    or per-file-ignores hides (a symlink leaving the root under ``--select W`` said "All
    checks passed"): as ruff warns of a file it cannot read whatever rules are selected.
    Paths that do not exist have their own error line (``missing``)."""
    unread = [(d, code, message) for d, (code, message) in result.not_checked.items() if d not in missing]
    for display, code, message in unread[:NOT_CHECKED_LINES]:
        print(f"corpuslint: warning: {display}: not checked: {message} ({code}, not reported)", file=sys.stderr)
    if len(unread) > NOT_CHECKED_LINES:
        print(f"corpuslint: warning: {len(unread) - NOT_CHECKED_LINES} more files not checked "
              f"({len(unread)} in all)", file=sys.stderr)


def unread_notes(counts: dict[str, int]) -> list[str]:
    """The notes on the files a folder walk left out that a user expects checked
    (``RunResult.unread``, ``files.unread_key`` -> count): subtitle formats nothing reads,
    HTML pages (not walked by default), and plain-text documents known by name (``NEWS``,
    ``changelog.Debian``), each with how to have them checked."""
    from .files import HTML_SUFFIXES
    from .subtitles import UNREAD_SUBTITLE_SUFFIXES

    notes = []
    pages = {k: n for k, n in counts.items() if k in HTML_SUFFIXES}
    if pages:
        total = sum(pages.values())
        globs = ", ".join(f'"*{suffix}"' for suffix in sorted(pages))
        notes.append(f"{total} HTML page{'s' if total > 1 else ''} not checked (HTML is not walked by default: it is "
                     f"often a build output); to check {'them' if total > 1 else 'it'} add extend-include = [{globs}] "
                     f"(or --extend-include '*{max(pages, key=pages.get)}')")
    subtitles = {k: n for k, n in counts.items() if k.startswith(".") and k not in HTML_SUFFIXES}
    if subtitles:
        total = sum(subtitles.values())
        listed = ", ".join(f"{n} {suffix} ({UNREAD_SUBTITLE_SUFFIXES[suffix]})" for suffix, n in sorted(subtitles.items()))
        notes.append(f"{total} subtitle file{'s' if total > 1 else ''} not checked: {listed}; corpuslint reads .srt, "
                     ".vtt and .sbv (convert them, e.g. `ffmpeg -i FILE.ass FILE.srt`)")
    named = sorted(((n, k) for k, n in counts.items() if not k.startswith(".")), key=lambda x: (-x[0], x[1]))
    if named:
        total = sum(n for n, _ in named)
        listed = ", ".join(f"{n} {name}" for n, name in named[:5]) + (", ..." if len(named) > 5 else "")
        globs = ", ".join(f'"{name}"' for _, name in named[:5])
        notes.append(f"{total} text file{'s' if total > 1 else ''} without a suffix corpuslint reads not checked: "
                     f"{listed}; to check them add extend-include = [{globs}] (or --extend-include NAME)")
    return notes


def _note_unchecked_spelling(result, config, registry) -> str | None:
    """The note on the languages the dictionary spelling rules skipped (fresh33: S101 and
    S102 on Russian and Ukrainian said only "All checks passed"), or None. Given when a
    dictionary rule is active and either a selector names it (``S101``, ``S1``, ``S``; not
    ``ALL``) or most checked files are declared in languages no back-end spells; the script
    of a file with no declared language is read (``spelling.project.dominant_script``, its
    first SAMPLE_CHARS characters) only in the first case, so a default run stays quiet
    and reads nothing more."""
    from collections import Counter

    from .config import select_rules

    codes = [c for c in ("S101", "S102", "S103") if c in registry.rules and c in select_rules(config, registry.rules)]
    if not codes or not result.checked:
        return None
    from .families.spelling import project

    selectors = list(config.select or []) + list(config.extend_select)
    explicit = any(sel != "ALL" and code.startswith(sel) for sel in selectors for code in codes)
    declared: Counter[str] = Counter()
    undeclared = []
    for display in result.checked:
        language = config.language_for(display)
        if language:
            declared[language] += 1
        else:
            undeclared.append(display)
    scripts: Counter[str] = Counter()
    if explicit:
        for display in undeclared:
            if readers.reads_data_files(readers.reader_for(display, registry.readers)):
                continue  # a dataset's records (JSONL, Parquet...: compressed, or fields): not sampled
            try:
                with open(display, encoding="utf-8", errors="replace") as fh:
                    script = project.dominant_script(fh.read(project.SAMPLE_CHARS))
            except OSError:  # (standard input, a URL, a record's name)
                continue
            if script is not None:
                scripts[script] += 1
    skipped = project.unchecked_languages(declared, scripts)
    if not skipped or not explicit and sum(n for _l, n in skipped) * 2 <= len(result.checked):
        return None
    return project.unchecked_note(skipped, codes)


def _note_nothing_checked(paths: list[str], config, registry) -> bool:
    """A run that checked no file says what it skipped and how to check it (a CI gate
    over a folder of .rst or .csv files must not pass in silence; ruff warns "No Python
    files found"). True when the folders held files that no reader or include glob took:
    an error (exit 2), since the run read nothing it was pointed at (fresh15: a folder of
    .tex and .ipynb gave "All checks passed", exit 0). An empty folder, or named files
    skipped with --ignore-unknown (pre-commit), is no error: there was nothing to check."""
    from . import files

    skipped = files.unclaimed(paths, config, readers.walk_suffixes(registry.readers))
    if not skipped:
        return False
    common = skipped.most_common(4)
    listed = ", ".join(f"{n} {suffix or '(no suffix)'}" for suffix, n in common)
    more = f" and {sum(skipped.values()) - sum(n for _s, n in common)} more" if len(skipped) > len(common) else ""
    top = next((suffix for suffix, _n in common if suffix), None)
    if top is None:
        hint = "name the files, or set include"
    else:
        reader = readers.reader_for(f"x{top}", registry.readers)
        how = f"read by the {reader.format} reader" if reader is not None else "read as plain text"
        hint = f"name the files, or add --extend-include '*{top}' ({how})"
    print(f"corpuslint: error: no file was checked: {sum(skipped.values())} files skipped by the include "
          f"globs ({listed}{more}); {hint}", file=sys.stderr)
    return True


def _write_stdout(text: "str | bytes") -> None:
    """Bytes as they are (a patch's or a fixed file's CRs must survive), UTF-8."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    sys.stdout.buffer.flush()


# A report longer than this (characters) waits in a temporary file, not in memory: a
# StringIO of Arabic text holds 4 bytes a character and its rollover copies it, so 4 M
# characters added ~9 MB of RSS at the end of a run (peak_where.py --stages, 10 MB corpus,
# S103: the report stage +9.4 MB -> +0.5 MB at 256 k). Copied out 64 k characters at a time.
REPORT_SPOOL_CHARS = 1 << 18
_COPY_CHARS = 1 << 16


def _report_buffer():
    """Where a formatter writes the report before it is shown (nothing is shown if the
    formatter fails): in memory up to REPORT_SPOOL_CHARS characters, then in an
    anonymous temporary file, so a 100 k-finding report is never held whole as text."""
    import tempfile

    return tempfile.SpooledTemporaryFile(max_size=REPORT_SPOOL_CHARS, mode="w+", encoding="utf-8",
                                         errors="surrogatepass", newline="")


def _copy_report(buffer, dest) -> None:
    """The report in ``buffer`` (``_report_buffer``) to ``dest``: a text stream, or the
    path of ``--output-file`` (its bytes: UTF-8, lone surrogates passed through)."""
    buffer.seek(0)
    try:
        if isinstance(dest, str):
            try:
                with open(dest, "w", encoding="utf-8", errors="surrogatepass", newline="") as fh:
                    shutil.copyfileobj(buffer, fh, _COPY_CHARS)
            except OSError as exc:
                raise ConfigError(f"--output-file {dest}: {exc.strerror or exc}") from None
        else:
            shutil.copyfileobj(buffer, dest, _COPY_CHARS)
    finally:
        buffer.close()


def _write_file(path: str, data: bytes) -> None:
    try:
        with open(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise ConfigError(f"--output-file {path}: {exc.strerror or exc}") from None


def _cmd_check(args) -> int:
    paths = list(args.paths)
    stdin = None
    if "-" in paths:
        if len(paths) > 1:
            raise ConfigError("'-' (standard input) cannot be combined with other paths")
        name = args.stdin_filename
        stdin = StdinInput(sys.stdin.buffer.read(), _display(name) if name else "-")
    elif args.stdin_filename:
        raise ConfigError("--stdin-filename needs '-' (standard input) as the path")
    if args.output_file:
        _check_output_file(args.output_file)  # before any fix is written: no half-done run
    if args.unsafe_fixes and not (args.fix or args.diff):
        print("corpuslint: note: --unsafe-fixes without --fix or --diff changes nothing; "
              "unsafe fixes are marked [*] as available (add --fix to apply them)", file=sys.stderr)
    config_paths = [args.stdin_filename or "."] if stdin is not None else paths
    config, registry = build_registry(config_paths, config_file=args.config)
    _startup_done()
    if args.select is not None:
        check_codes(args.select, registry.rules, "command line: --select")
        config.select = args.select
    check_codes(args.extend_select, registry.rules, "command line: --extend-select")
    check_codes(args.ignore, registry.rules, "command line: --ignore")
    config.extend_select = config.extend_select + args.extend_select
    config.ignore = config.ignore + args.ignore
    if args.include:
        config.include = args.include
    config.include = config.include + [g for g in args.extend_include if g not in config.include]
    config.exclude = config.exclude + args.exclude
    if args.no_cache:
        config.use_cache = False
    if args.jobs is not None:
        config.jobs = check_jobs(args.jobs, "--jobs")
    if args.follow_external_symlinks:
        config.follow_external_symlinks = True
    readers.set_overrides(config, text_field=args.text_field, id_field=args.id_field, text_format=args.text_format)
    if args.fail_on:
        from .findings import Severity

        config.fail_on = Severity(args.fail_on)
    formatter = registry.formats.get(args.format)
    if formatter is None:
        raise ConfigError(f"--format: unknown format {args.format!r}{did_you_mean(args.format, registry.formats)} "
                          f"(available: {', '.join(sorted(registry.formats))})")
    missing = [p for p in paths if p != "-" and not is_url(p) and not os.path.exists(p) and not os.path.islink(p)]

    from . import adoption

    baseline = adoption.before_run(args, config)
    settings = settings_for(config, kind=args.executor, scheduler=args.scheduler)
    _require_extras(args, formatter, settings, paths)  # before anything is linted, fixed or written
    settings.verbose = args.verbose
    from . import index as _index
    _index.VERBOSE = bool(args.verbose)
    result = run(paths, config, registry, executor=settings,
                 fix=(args.fix or args.fix_only) and not args.diff,
                 unsafe_fixes=args.unsafe_fixes, diff=args.diff, stdin=stdin, fix_data=args.fix_data,
                 report_unknown=not args.ignore_unknown, progress=adoption.progress_for(args),
                 baseline=None if args.write_baseline else baseline)  # (what the fixes leave as it is)
    reported = {f.path for f in result.findings if f.code == "F003"}
    unreported = [p for p in missing if _display(p) not in reported]
    for p in unreported:
        print(f"corpuslint: error: {p}: no such file or directory", file=sys.stderr)
    _warn_not_checked(result, {_display(p) for p in missing})
    if not args.quiet:
        for note in unread_notes(result.unread):
            print("corpuslint: note: " + note, file=sys.stderr)
        spelling_note = _note_unchecked_spelling(result, config, registry)
        if spelling_note:
            print("corpuslint: note: " + spelling_note, file=sys.stderr)
    if (args.fix or args.diff) and not args.fix_data and any(
            f.record is not None and f.fix is not None and not readers.is_source_file(f.path) for f in result.findings):
        print("corpuslint: note: " + ("fixes in data-file records are not in the diff (add --fix-data to diff the "
                                      "JSONL files as --fix --fix-data would rewrite them)" if args.diff else
                                      "fixes in data-file records were not applied (add --fix-data to rewrite "
                                      "JSONL/Parquet files, or write a cleaned copy with `corpuslint filter`)"),
              file=sys.stderr)
    if result.files_checked == 0 and stdin is None and _note_nothing_checked(paths, config, registry):
        unreported.append("")  # nothing read where files were: exit 2, as for a missing path
    done = adoption.after_run(args, config, result, baseline)
    if done is not None:
        return EXIT_ERROR if unreported else done

    if args.diff:
        if args.output_file:
            _write_file(args.output_file, "".join(result.diffs).encode("utf-8", "surrogatepass"))
        else:
            _write_stdout("".join(result.diffs))
        code = EXIT_OK if not result.diffs or args.exit_zero else EXIT_FINDINGS
        return EXIT_ERROR if unreported else code

    # --fix on standard input: the fixed text goes to stdout, the report to stderr (like ruff)
    report_stream = sys.stderr if stdin is not None and args.fix and not args.output_file else None
    if stdin is not None and args.fix:
        doc = result.documents.get(stdin.display)
        from .files import encode_text

        # (in its own encoding: a UTF-16 input comes back UTF-16, its BOM first; unreadable input: unchanged)
        _write_stdout(encode_text(doc.text, doc.encoding) if doc is not None else stdin.data)

    if args.output_dir:
        from .outputs import partitioned

        try:
            parts = partitioned.write(result, args.output_dir)
        except OSError as exc:
            raise ConfigError(f"--output-dir {args.output_dir}: {exc.strerror or exc}") from None
        print(f"corpuslint: {len(result.findings)} findings written to {len(parts)} file(s) in "
              f"{args.output_dir}", file=sys.stderr)
        if unreported:
            return EXIT_ERROR
        return EXIT_OK if args.exit_zero or not result.failing() else EXIT_FINDINGS

    out = _report_buffer()
    if args.format == "text":
        from .outputs import text

        text.write(result, out, statistics=args.statistics, unsafe_fixes=args.unsafe_fixes,
                   output_format=args.output_format or adoption.default_output_format(args),
                   show_findings=args.show_findings or not args.statistics, quiet=args.quiet)
    else:
        try:
            formatter(result, out)
        except Exception as exc:
            origin = getattr(formatter, "__module__", "?").split(".")[0]
            raise RuleError(f"formatter {args.format!r} (from {origin!r}) failed: {type(exc).__name__}: {exc}") from exc
    if args.output_file:
        _copy_report(out, args.output_file)
        if args.statistics and args.format != "text":
            from .outputs import text

            text.write_statistics(result, sys.stdout)
    else:
        _copy_report(out, report_stream or sys.stdout)
        if args.statistics and args.format != "text":
            from .outputs import text

            text.write_statistics(result, sys.stderr)
    if unreported:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if result.failing() else EXIT_OK


def _cmd_filter(args) -> int:
    import json

    from .filter import filter_dataset

    config, registry = build_registry([args.input], config_file=args.config)
    _resume_collector()  # a long run makes garbage
    readers.set_overrides(config, text_field=args.text_field, id_field=args.id_field, text_format=args.text_format)
    summary = filter_dataset(args.input, args.output, config, registry, args.drop,
                             fix=args.fix, unsafe_fixes=args.unsafe_fixes)
    text = json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.write(text)
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as fh:
            fh.write(text)
    return EXIT_OK


def _display(path: str) -> str:
    from .files import display_path

    return display_path(path)
