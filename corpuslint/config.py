"""Configuration: discovery, validation and rule selection.

Sources, first found walking up from the first checked path: ``.corpuslint.toml``,
``corpuslint.toml`` (top-level keys) or ``pyproject.toml`` with a
``[tool.corpuslint]`` table. ``--config FILE`` overrides discovery. Unknown keys,
unknown rule codes and bad values raise ``ConfigError`` (exit code 2).
"""

from __future__ import annotations

import difflib
import fnmatch
import hashlib
import os
import tomllib
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .document import language_tag
from .findings import Severity

CONFIG_FILES = (".corpuslint.toml", "corpuslint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ["*.txt", "*.text", "*.md", "*.rst", "*.srt", "*.vtt", "*.sbv", "*.tex",  # .rst: corpuslint.rst; subtitles: corpuslint.subtitles; .tex: corpuslint.readers.latex
                   "*.wiki", "*.wikitext", "*.mediawiki"]  # MediaWiki pages: corpuslint.readers.wikitext
DEFAULT_EXCLUDE = [
    ".git", ".hg", ".svn", ".corpuslint_cache", ".venv", "venv", "node_modules",
    "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", "build", "dist",
]

_LIST_KEYS = {"select", "extend-select", "ignore", "extend-ignore", "include", "extend-include", "exclude", "extend-exclude"}
_KNOWN_KEYS = _LIST_KEYS | {
    "per-file-ignores", "per-file-language", "per-file-options", "severity", "rules", "fail-on", "respect-gitignore",
    "cache", "cache-dir",
    "plugins", "jobs", "baseline",
    "executor",  # [executor]: read by corpuslint.executors.settings_for
}


class ConfigError(Exception):
    """Invalid configuration: the message names the file and key. Exit code 2."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices`` (difflib), else ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def code_hint(code: str, codes: Iterable[str]) -> str:
    """`` (did you mean 'W101'?)`` for a mistyped rule code or prefix, else ``""``.

    Letters typed for look-alike digits (``W1O1``, ``W1I1``) are tried first; then the
    code at the smallest edit distance, preferring one the typo starts with (``W1011``
    -> ``W101``), then the first in order."""
    codes = sorted(codes)
    head = len(code) - len(code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    digits = code[: max(head, 1)] + code[max(head, 1):].translate(str.maketrans("OIL", "011"))
    if digits != code and any(c.startswith(digits) for c in codes):
        return f" (did you mean {digits!r}?)"
    scored = [(_edit_distance(code, c), not (code.startswith(c) or c.startswith(code)), c) for c in codes]
    best = min(scored, default=None)
    return f" (did you mean {best[2]!r}?)" if best is not None and best[0] <= 2 else ""


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def normalize_code(code: str) -> str:
    """Rule codes and prefixes are case-insensitive: ``w101`` means ``W101``."""
    return code.strip().upper()


# Corpus scopes: which files corpus rules (cross-file duplicates, word statistics) see.
SCOPE_TREE = "tree"  # every file under the root (git work tree, config folder or checked folder)
SCOPE_FOLDER = "folder"  # the files directly in the root: one file checked outside any project
SCOPE_TARGETS = "targets"  # only the checked files: no usable root (/, the home folder, missing)


@dataclass
class Config:
    root: str = "."
    source: str | None = None
    config_dir: str | None = None  # the config file's folder: per-file-ignores and option paths are relative to it
    corpus_scope: str = SCOPE_TREE
    raw: dict[str, Any] = field(default_factory=dict)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    per_file_language: dict[str, str | None] = field(default_factory=dict)  # glob -> language tag
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    # glob -> {code: options}: a document rule's options for the files a glob matches
    per_file_options: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    respect_gitignore: bool = True
    follow_external_symlinks: bool = False  # symlinks leaving the root: skipped (F005) unless set
    use_cache: bool = True
    cache_dir: str = ".corpuslint_cache"
    # worker processes for the map step; 0 = one per core (the default). Workers read
    # their files, inherit the loaded dictionaries and send back only findings and
    # encoded states: on a 100 MB corpus --jobs 2 was 1.89x faster in wall time than
    # --jobs 1 on an idle 2-core machine, for 0.91x the CPU, with identical findings
    # (benchmarks/bench_scale.py --mb 100 --jobs 1 2); runs of fewer than
    # engine.PARALLEL_MIN_DOCS documents stay in one process.
    jobs: int = 0
    baseline: str | None = None  # baseline file (absolute; `baseline` is relative to the config file)
    local_plugins: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)

    # -- plugin sections -----------------------------------------------------
    def section(self, name: str) -> dict[str, Any]:
        """A plugin-declared top-level section, user values over declared defaults."""
        return self.sections.get(name, {})

    def fingerprint(self) -> str:
        """Stable hash of the settings that change findings (for caches)."""
        data = repr(sorted((k, repr(v)) for k, v in self.raw.items()))
        return hashlib.blake2b(data.encode(), digest_size=8).hexdigest()

    # -- selection -----------------------------------------------------------
    def is_ignored_for(self, path: str, code: str) -> bool:
        """Does a ``per-file-ignores`` entry cover ``code`` in ``path`` (a display path,
        relative to the working folder)? Patterns are matched against the path relative
        to the config file's folder (like ruff), so they mean the same from any working
        folder; a pattern without ``/`` also matches the file name alone."""
        if not self.per_file_ignores:
            return False
        rel = _relative_to(path, self.config_dir or self.root)
        for pattern, codes in self.per_file_ignores.items():
            if _path_matches(rel, pattern) and any(_code_matches(code, c) for c in codes):
                return True
        return False

    def option_patterns_for(self, path: str) -> dict[str, str]:
        """Which ``per-file-options`` pattern gives each rule its options in ``path`` (a
        display path), by rule code: of the patterns that match it (matched as
        ``per-file-ignores`` matches them), the first that names the code ({} if none)."""
        out: dict[str, str] = {}
        if not self.per_file_options:
            return out
        rel = _relative_to(path, self.config_dir or self.root)
        for pattern, by_code in self.per_file_options.items():
            if _path_matches(rel, pattern):
                for code in by_code:
                    out.setdefault(code, pattern)
        return out

    def path_matches(self, path: str, pattern: str) -> bool:
        """Does the glob ``pattern`` match ``path`` (a display path), as ``per-file-ignores``
        patterns match: relative to the config file's folder, or the file name alone?"""
        return _path_matches(_relative_to(path, self.config_dir or self.root), pattern)

    def language_for(self, path: str) -> str | None:
        """The language ``per-file-language`` declares for ``path`` (a display path; for
        a data file, every record without a language field of its own): the first
        pattern that matches, as ``per-file-ignores`` matches them; None if none does."""
        if not self.per_file_language:
            return None
        rel = _relative_to(path, self.config_dir or self.root)
        for pattern, language in self.per_file_language.items():
            if _path_matches(rel, pattern):
                return language
        return None

    def severity_for(self, code: str, default: Severity) -> Severity:
        best, best_len = default, -1
        for prefix, sev in self.severity.items():
            if _code_matches(code, prefix) and len(prefix) > best_len:
                best, best_len = sev, len(prefix)
        return best


def _code_matches(code: str, selector: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def _path_matches(path: str, pattern: str) -> bool:
    path = path.replace(os.sep, "/")
    pattern = pattern.removeprefix("./")
    return fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern)


def _relative_to(path: str, base: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    return path if rel.startswith("..") else rel


def select_rules(config: Config, rules: Mapping[str, type]) -> list[str]:
    """Codes of the active rules.

    A prefix (``W``, ``W1``) selects the rules under it that are enabled by default;
    an exact code or ``ALL`` also enables default-off rules. ``ignore`` wins.
    """

    def expand(selectors: Iterable[str], explicit: bool) -> set[str]:
        out: set[str] = set()
        for sel in selectors:
            for code, cls in rules.items():
                if sel == code or sel == "ALL":
                    out.add(code)
                elif code.startswith(sel) and (cls.default_enabled or not explicit):
                    out.add(code)
        return out

    if config.select is None:
        active = {code for code, cls in rules.items() if cls.default_enabled}
    else:
        active = expand(config.select, explicit=True)
    active |= expand(config.extend_select, explicit=True)
    active -= expand(config.ignore, explicit=False)
    return sorted(active)


# -- loading ----------------------------------------------------------------------


def find_config_file(start: str, *, warn=None) -> str | None:
    """The config file that governs ``start``, walking up its folders.

    Trust boundary (like git's ``safe.directory``): a config file that is owned by
    another user (not the caller, not root) or that sits in, or is, a world-writable
    folder/file is never used (one warning, and the search stops there). A config
    found above the project root (the git work tree) is read for settings, but its
    ``[plugins] local`` modules are not loaded (engine.build_registry)."""
    directory = os.path.abspath(start)
    if os.path.isfile(directory):
        directory = os.path.dirname(directory)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                if name != "pyproject.toml" or _has_tool_table(candidate):
                    reason = untrusted_reason(candidate)
                    if reason is None:
                        return candidate
                    (warn or _warn)(f"ignoring {candidate}: {reason} (config is trusted only from the project)")
                    return None
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _warn(message: str) -> None:
    import sys

    print(f"corpuslint: warning: {message}", file=sys.stderr)


def untrusted_reason(path: str) -> str | None:
    """Why the config file ``path`` must not be trusted, or None.

    Untrusted: owned by a user other than the caller or root, or the file or its
    folder is writable by everyone (a shared /tmp-like place)."""
    import stat

    uid = os.geteuid() if hasattr(os, "geteuid") else None
    for what, p in (("file", path), ("folder", os.path.dirname(os.path.abspath(path)))):
        try:
            st = os.stat(p)
        except OSError as exc:
            return f"cannot stat {what}: {exc.strerror}"
        if uid is not None and st.st_uid not in (uid, 0):
            return f"the {what} is owned by another user (uid {st.st_uid})"
        if st.st_mode & stat.S_IWOTH:
            return f"the {what} is world-writable"
    return None


def max_jobs() -> int:
    return 2 * (os.cpu_count() or 1)


def check_jobs(value: Any, where: str) -> int:
    """``jobs`` bounded: 0 (one per core) to twice the core count."""
    limit = max_jobs()
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= limit:
        raise ConfigError(f"{where}: must be an integer from 0 (one per core) to {limit} (2 x cores), not {value!r}")
    return value


def check_cache_dir(value: Any, root: str, where: str) -> str:
    """``cache-dir`` must stay inside the project root or the user's cache folder."""
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: must be a non-empty string")
    full = os.path.normpath(os.path.join(os.path.abspath(root), os.path.expanduser(value)))
    allowed = [os.path.abspath(root), user_cache_dir()]
    if not any(full == a or full.startswith(a.rstrip(os.sep) + os.sep) for a in allowed):
        raise ConfigError(f"{where}: {value!r} is outside the project root and the user cache folder "
                          f"({user_cache_dir()})")
    return full


def user_cache_dir() -> str:
    """The platform cache folder for corpuslint ($XDG_CACHE_HOME or ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(os.path.abspath(base), "corpuslint")


def _has_tool_table(path: str) -> bool:
    """True when the pyproject.toml at ``path`` has a [tool.corpuslint] table. One that is
    invalid TOML but names the table is a ConfigError with the parser's line and column
    (fresh22: a broken table was skipped without a word and the defaults ran)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        return "corpuslint" in tomllib.loads(data.decode("utf-8")).get("tool", {})
    except OSError:
        return False
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        if b"tool.corpuslint" in data:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        return False


def _git_work_tree(directory: str) -> str | None:
    while True:
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _unusable_root(directory: str) -> bool:
    """``/`` and the home folder are never a project root: walking them indexes a
    whole disk (and a dotfiles repository in ``~`` is not a corpus)."""
    directory = os.path.realpath(directory)
    home = os.path.realpath(os.path.expanduser("~"))
    return directory == os.path.dirname(directory) or directory == home or not os.path.isdir(directory)


def project_root(paths: list[str], source: str | None = None) -> tuple[str, str]:
    """(root, corpus scope) for the first checked path.

    The root is the git work tree holding the path, else the folder of the config file
    found walking up from it, else the path itself (a folder) or its folder (a file).
    When both a work tree and a config file hold the path, the nearer (deeper) one
    wins, so a config file inside a repository (like samples/corpuslint.toml) makes
    its folder a sub-project, as a config file in a parent of the repository does not.
    ``/``, the home folder and missing folders are never roots: then the corpus is just
    the checked files (``SCOPE_TARGETS``) and nothing is cached. One file checked
    outside any project sees only the files next to it (``SCOPE_FOLDER``).
    """
    first = os.path.abspath(paths[0]) if paths else os.getcwd()
    start = first if os.path.isdir(first) else os.path.dirname(first)
    candidates = []
    if os.path.isdir(start):
        git = _git_work_tree(start)
        if git is not None:
            candidates.append(git)
    if source is not None:
        config_dir = os.path.dirname(os.path.abspath(source))
        if (start + os.sep).startswith(config_dir.rstrip(os.sep) + os.sep):
            candidates.append(config_dir)
    candidates = [c for c in candidates if not _unusable_root(c)]
    if candidates:
        return max(candidates, key=len), SCOPE_TREE
    if _unusable_root(start):
        return start, SCOPE_TARGETS
    return start, (SCOPE_TREE if os.path.isdir(first) else SCOPE_FOLDER)


def default_root(paths: list[str]) -> str:
    """Project root when no config file exists (see ``project_root``)."""
    return project_root(paths)[0]


def read_toml(path: str, referrer: str | None = None, shown: str | None = None) -> dict[str, Any]:
    """Parse a TOML file; errors become ConfigError naming the file (as ``shown``, e.g.
    relative to the config that referred to it) and the referring key."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{referrer or path}: cannot read {shown or repr(path)}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def read_config_table(path: str) -> dict[str, Any]:
    data = read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        return data.get("tool", {}).get("corpuslint", {})
    return data


def locate_config(
    paths: Iterable[str] = (".",),
    *,
    config_file: str | None = None,
    table: Mapping[str, Any] | None = None,
) -> tuple[str | None, dict[str, Any], str]:
    """(config file or None, the [tool.corpuslint] table, project root).

    ``table`` (a dict shaped like [tool.corpuslint]) skips the file lookup. The root is
    ``project_root``'s (its corpus scope: ``project_root(paths, source)[1]``)."""
    paths = list(paths) or ["."]
    if table is not None:
        return None, dict(table), project_root(paths)[0]
    source = config_file or find_config_file(paths[0])
    raw = read_config_table(source) if source else {}
    return source, raw, project_root(paths, source)[0]


def local_plugin_settings(raw: Mapping[str, Any], root: str, where: str) -> tuple[list[str], list[str]]:
    """Module names and sys.path entries of the repo-local plugins the config opts into."""
    local = raw.get("plugins", {})
    if not isinstance(local, dict) or set(local) - {"local", "paths"}:
        raise ConfigError(f"{where}: plugins: expected a table with keys 'local' (module names) and 'paths'")
    modules = local.get("local", [])
    paths = local.get("paths", ["."])
    if not all(isinstance(m, str) for m in modules) or not all(isinstance(p, str) for p in paths):
        raise ConfigError(f"{where}: plugins: 'local' and 'paths' must be lists of strings")
    root_real = os.path.realpath(root)
    out = []
    for p in paths:
        full = os.path.realpath(os.path.join(root, p))
        if not (full == root_real or full.startswith(root_real.rstrip(os.sep) + os.sep)):
            raise ConfigError(f"{where}: plugins.paths: {p!r} is outside the project root {root}")
        out.append(full)
    return list(modules), out


def build_config(raw: dict[str, Any], *, root: str, source: str | None, registry=None) -> Config:
    where = source or "config"
    plugin_sections = dict(registry.config_sections) if registry is not None else {}
    cfg = Config(root=root, source=source, raw=raw)
    if source is not None:
        cfg.config_dir = os.path.dirname(os.path.abspath(source))

    def err(key: str, msg: str) -> ConfigError:
        return ConfigError(f"{where}: {key}: {msg}")

    for key, value in raw.items():
        if key not in _KNOWN_KEYS and key not in plugin_sections:
            if key == "tool" and isinstance(value, dict) and "corpuslint" in value:
                raise err(key, "unknown key (only a file named pyproject.toml reads [tool.corpuslint]; "
                          "in this file write its keys at the top level)")
            raise err(key, "unknown key" + did_you_mean(key, sorted(_KNOWN_KEYS | set(plugin_sections))))
        if key in _LIST_KEYS and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise err(key, "must be a list of strings")

    if "select" in raw:
        cfg.select = [normalize_code(c) for c in raw["select"]]
    cfg.extend_select = [normalize_code(c) for c in raw.get("extend-select", [])]
    cfg.ignore = [normalize_code(c) for c in list(raw.get("ignore", [])) + list(raw.get("extend-ignore", []))]
    if "include" in raw:
        cfg.include = list(raw["include"])  # replaces the default list
    cfg.include += [g for g in raw.get("extend-include", []) if g not in cfg.include]  # adds to it
    if "exclude" in raw:
        cfg.exclude = list(raw["exclude"])
    cfg.exclude += raw.get("extend-exclude", [])

    pfi = raw.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise err("per-file-ignores", "must be a table of glob = [codes]")
    for pattern, codes in pfi.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise err(f"per-file-ignores.{pattern}", "must be a list of codes")
        cfg.per_file_ignores[pattern] = [normalize_code(c) for c in codes]

    pfl = raw.get("per-file-language", {})
    if not isinstance(pfl, dict):
        raise err("per-file-language", "must be a table of glob = language tag ('data/quran_tr.jsonl' = 'tr')")
    for pattern, language in pfl.items():
        try:
            cfg.per_file_language[pattern] = language_tag(language)
        except ValueError as exc:
            raise err(f"per-file-language.{pattern}", str(exc)) from None

    sev = raw.get("severity", {})
    if not isinstance(sev, dict):
        raise err("severity", "must be a table of CODE = 'error'|'warning'|'info'")
    for code, value in sev.items():
        try:
            cfg.severity[normalize_code(code)] = Severity.parse(value)
        except ValueError as exc:
            raise err(f"severity.{code}", str(exc)) from None

    rules = raw.get("rules", {})
    if not isinstance(rules, dict):
        raise err("rules", "must be a table of [rules.CODE] tables")
    for code, opts in rules.items():
        if not isinstance(opts, dict):
            raise err(f"rules.{code}", "must be a table of options")
        cfg.rule_options[normalize_code(code)] = dict(opts)

    pfo = raw.get("per-file-options", {})
    if not isinstance(pfo, dict):
        raise err("per-file-options", "must be a table of [per-file-options.\"GLOB\".CODE] tables")
    for pattern, by_code in pfo.items():
        if not isinstance(by_code, dict) or not all(isinstance(o, dict) for o in by_code.values()):
            raise err(f"per-file-options.{pattern}", "must be a table of [per-file-options.\"GLOB\".CODE] tables")
        cfg.per_file_options[pattern] = {normalize_code(code): dict(opts) for code, opts in by_code.items()}

    if "fail-on" in raw:
        try:
            cfg.fail_on = Severity.parse(raw["fail-on"])
        except ValueError as exc:
            raise err("fail-on", str(exc)) from None
    if "respect-gitignore" in raw:
        cfg.respect_gitignore = bool(raw["respect-gitignore"])
    if "cache" in raw:
        cfg.use_cache = bool(raw["cache"])
    if "cache-dir" in raw:
        cfg.cache_dir = check_cache_dir(raw["cache-dir"], root, f"{where}: cache-dir")
    if "jobs" in raw:
        cfg.jobs = check_jobs(raw["jobs"], f"{where}: jobs")
    if "baseline" in raw:
        if not isinstance(raw["baseline"], str) or not raw["baseline"]:
            raise err("baseline", "must be a file name (relative to the config file)")
        cfg.baseline = os.path.join(root, raw["baseline"])
    if "plugins" in raw:
        cfg.local_plugins = dict(raw["plugins"])

    for section, defaults in plugin_sections.items():
        value = raw.get(section, {})
        if not isinstance(value, dict):
            raise err(section, "must be a table")
        if defaults:
            for key in value:
                if key not in defaults:
                    raise err(f"{section}.{key}",
                              f"unknown key{did_you_mean(key, defaults)} (allowed: {', '.join(sorted(defaults))})")
        cfg.sections[section] = {**defaults, **value}
    return cfg


def validate_codes(cfg: Config, rules: Mapping[str, type]) -> None:
    """Check every code and per-rule option against the registered rules.

    Runs after plugins' ``corpuslint_configure`` hooks, so rules defined in config
    (custom-rules) can be selected, ignored and given severities like any other.
    """
    where = cfg.source or "config"
    check_codes(cfg.select or [], rules, f"{where}: select")
    check_codes(cfg.extend_select, rules, f"{where}: extend-select")
    check_codes(cfg.ignore, rules, f"{where}: ignore")
    for pattern, codes in cfg.per_file_ignores.items():
        check_codes(codes, rules, f"{where}: per-file-ignores.{pattern}")
    for code in cfg.severity:
        check_codes([code], rules, f"{where}: severity.{code}")
    for code, opts in cfg.rule_options.items():
        _check_rule_options(code, opts, rules, f"{where}: rules.{code}")
    from .rules import DocumentRule

    for pattern, by_code in cfg.per_file_options.items():
        for code, opts in by_code.items():
            key = f"{where}: per-file-options.{pattern}.{code}"
            _check_rule_options(code, opts, rules, key)
            if not issubclass(rules[code], DocumentRule):  # (a corpus rule: one reduce over every file)
                raise ConfigError(f"{key}: a corpus rule's options hold for the whole corpus: set them in [rules.{code}]")


def _check_rule_options(code: str, opts: Mapping[str, Any], rules: Mapping[str, type], key: str) -> None:
    """Raise ConfigError naming ``key`` for an unknown rule, an unknown option or a value
    of the wrong kind (a bool for a bool, a number >= 0 for a number >= 0)."""
    cls = rules.get(code)
    if cls is None:
        raise ConfigError(f"{key}: unknown rule code{code_hint(code, rules)}")
    for opt, value in opts.items():
        if opt not in cls.options:
            allowed = ", ".join(sorted(cls.options)) or "none"
            raise ConfigError(f"{key}.{opt}: unknown option{did_you_mean(opt, cls.options)} (allowed: {allowed})")
        default = cls.options[opt]
        if default is not None and not _same_kind(default, value):
            raise ConfigError(f"{key}.{opt}: expected {type(default).__name__}, got {value!r}")
        if (isinstance(default, (int, float)) and not isinstance(default, bool) and default >= 0
                and isinstance(value, (int, float)) and not (0 <= value < float("inf"))):
            raise ConfigError(f"{key}.{opt}: must be a number >= 0, not {value!r}")


def check_codes(codes: Iterable[str], rules: Mapping[str, type], where: str) -> None:
    """Raise ConfigError naming ``where`` (``file: key`` or ``command line: --select``)
    for a code that is neither ``ALL`` nor a prefix of a registered rule's code."""
    for c in codes:
        if c != "ALL" and not any(code.startswith(c) for code in rules):
            raise ConfigError(f"{where}: unknown rule code or prefix {c!r}{code_hint(c, rules)}")


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, type(default))
