"""Configuration: discovery, validation and rule selection.

Sources, first found walking up from the first checked path: ``.corpuslint.toml``,
``corpuslint.toml`` (top-level keys) or ``pyproject.toml`` with a
``[tool.corpuslint]`` table. ``--config FILE`` overrides discovery. Unknown keys,
unknown rule codes and bad values raise ``ConfigError`` (exit code 2).
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import tomllib
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .findings import Severity

CONFIG_FILES = (".corpuslint.toml", "corpuslint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ["*.txt", "*.text", "*.md"]
DEFAULT_EXCLUDE = [
    ".git", ".hg", ".svn", ".corpuslint_cache", ".venv", "venv", "node_modules",
    "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", "build", "dist",
]

_LIST_KEYS = {"select", "extend-select", "ignore", "extend-ignore", "include", "exclude", "extend-exclude"}
_KNOWN_KEYS = _LIST_KEYS | {
    "per-file-ignores", "severity", "rules", "fail-on", "respect-gitignore", "cache", "cache-dir",
    "plugins", "jobs", "baseline",
}


class ConfigError(Exception):
    """Invalid configuration: the message names the file and key. Exit code 2."""


@dataclass
class Config:
    root: str = "."
    source: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    respect_gitignore: bool = True
    use_cache: bool = True
    cache_dir: str = ".corpuslint_cache"
    jobs: int = 1
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
        for pattern, codes in self.per_file_ignores.items():
            if _path_matches(path, pattern) and any(_code_matches(code, c) for c in codes):
                return True
        return False

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
    return fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern)


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


def find_config_file(start: str) -> str | None:
    directory = os.path.abspath(start)
    if os.path.isfile(directory):
        directory = os.path.dirname(directory)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                if name != "pyproject.toml" or _has_tool_table(candidate):
                    return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return "corpuslint" in tomllib.load(fh).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def default_root(paths: list[str]) -> str:
    """Project root when no config file exists: the git work tree holding the first
    path; else the current directory if the path is inside it; else the path's own
    folder. Corpus rules (cross-file duplicates, word statistics) see files under it."""
    first = os.path.abspath(paths[0])
    start = first if os.path.isdir(first) else os.path.dirname(first)
    directory = start
    while True:
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    cwd = os.getcwd()
    return cwd if (first + os.sep).startswith(cwd.rstrip(os.sep) + os.sep) else start


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

    ``table`` (a dict shaped like [tool.corpuslint]) skips the file lookup."""
    paths = list(paths) or ["."]
    if table is not None:
        return None, dict(table), default_root(paths)
    source = config_file or find_config_file(paths[0])
    raw = read_config_table(source) if source else {}
    root = os.path.dirname(os.path.abspath(source)) if source else default_root(paths)
    return source, raw, root


def local_plugin_settings(raw: Mapping[str, Any], root: str, where: str) -> tuple[list[str], list[str]]:
    """Module names and sys.path entries of the repo-local plugins the config opts into."""
    local = raw.get("plugins", {})
    if not isinstance(local, dict) or set(local) - {"local", "paths"}:
        raise ConfigError(f"{where}: plugins: expected a table with keys 'local' (module names) and 'paths'")
    modules = local.get("local", [])
    paths = local.get("paths", ["."])
    if not all(isinstance(m, str) for m in modules) or not all(isinstance(p, str) for p in paths):
        raise ConfigError(f"{where}: plugins: 'local' and 'paths' must be lists of strings")
    return list(modules), [os.path.join(root, p) for p in paths]


def build_config(raw: dict[str, Any], *, root: str, source: str | None, registry=None) -> Config:
    where = source or "config"
    plugin_sections = dict(registry.config_sections) if registry is not None else {}
    cfg = Config(root=root, source=source, raw=raw)

    def err(key: str, msg: str) -> ConfigError:
        return ConfigError(f"{where}: {key}: {msg}")

    for key, value in raw.items():
        if key not in _KNOWN_KEYS and key not in plugin_sections:
            raise err(key, "unknown key")
        if key in _LIST_KEYS and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise err(key, "must be a list of strings")

    if "select" in raw:
        cfg.select = list(raw["select"])
    cfg.extend_select = list(raw.get("extend-select", []))
    cfg.ignore = list(raw.get("ignore", [])) + list(raw.get("extend-ignore", []))
    if "include" in raw:
        cfg.include = list(raw["include"])
    if "exclude" in raw:
        cfg.exclude = list(raw["exclude"])
    cfg.exclude += raw.get("extend-exclude", [])

    pfi = raw.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise err("per-file-ignores", "must be a table of glob = [codes]")
    for pattern, codes in pfi.items():
        if not isinstance(codes, list):
            raise err(f"per-file-ignores.{pattern}", "must be a list of codes")
        cfg.per_file_ignores[pattern] = list(codes)

    sev = raw.get("severity", {})
    if not isinstance(sev, dict):
        raise err("severity", "must be a table of CODE = 'error'|'warning'|'info'")
    for code, value in sev.items():
        try:
            cfg.severity[code] = Severity.parse(value)
        except ValueError as exc:
            raise err(f"severity.{code}", str(exc)) from None

    rules = raw.get("rules", {})
    if not isinstance(rules, dict):
        raise err("rules", "must be a table of [rules.CODE] tables")
    for code, opts in rules.items():
        if not isinstance(opts, dict):
            raise err(f"rules.{code}", "must be a table of options")
        cfg.rule_options[code] = dict(opts)

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
        cfg.cache_dir = str(raw["cache-dir"])
    if "jobs" in raw:
        if not isinstance(raw["jobs"], int) or raw["jobs"] < 0:
            raise err("jobs", "must be an integer >= 0 (0 = one per core)")
        cfg.jobs = raw["jobs"]
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
                    raise err(f"{section}.{key}", f"unknown key (allowed: {', '.join(sorted(defaults))})")
        cfg.sections[section] = {**defaults, **value}
    return cfg


def validate_codes(cfg: Config, rules: Mapping[str, type]) -> None:
    """Check every code and per-rule option against the registered rules.

    Runs after plugins' ``corpuslint_configure`` hooks, so rules defined in config
    (custom-rules) can be selected, ignored and given severities like any other.
    """
    where = cfg.source or "config"

    def check(key: str, codes: Iterable[str]) -> None:
        for c in codes:
            if c != "ALL" and not any(code.startswith(c) for code in rules):
                raise ConfigError(f"{where}: {key}: unknown rule code or prefix {c!r}")

    check("select", cfg.select or [])
    check("extend-select", cfg.extend_select)
    check("ignore", cfg.ignore)
    for pattern, codes in cfg.per_file_ignores.items():
        check(f"per-file-ignores.{pattern}", codes)
    for code in cfg.severity:
        check(f"severity.{code}", [code])
    for code, opts in cfg.rule_options.items():
        cls = rules.get(code)
        if cls is None:
            raise ConfigError(f"{where}: rules.{code}: unknown rule code")
        for opt, value in opts.items():
            if opt not in cls.options:
                allowed = ", ".join(sorted(cls.options)) or "none"
                raise ConfigError(f"{where}: rules.{code}.{opt}: unknown option (allowed: {allowed})")
            default = cls.options[opt]
            if default is not None and not _same_kind(default, value):
                raise ConfigError(f"{where}: rules.{code}.{opt}: expected {type(default).__name__}, got {value!r}")


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, type(default))
