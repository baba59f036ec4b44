"""Plugin loading: built-in families and third-party entry points, through one pluggy manager."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, Sequence

import pluggy

from . import hookspecs
from .families import BUILTIN_FAMILIES
from .rules import Rule

ENTRY_POINT_GROUP = "corpuslint"
DISABLE_ENV = "CORPUSLINT_DISABLE_PLUGINS"


class PluginError(Exception):
    """A plugin failed to load or registered something invalid. Exit code 2."""


@dataclass
class PluginInfo:
    name: str
    version: str | None
    builtin: bool


@dataclass
class Registry:
    manager: pluggy.PluginManager
    plugins: list[PluginInfo] = field(default_factory=list)
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    formats: dict[str, Any] = field(default_factory=dict)
    readers: list[Any] = field(default_factory=list)
    config_sections: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add_rules(self, origin: str, classes) -> None:
        for cls in classes or ():
            try:
                cls.validate_class()
            except ValueError as exc:
                raise PluginError(f"plugin {origin!r}: {exc}") from None
            other = self.rules.get(cls.code)
            if other is not None and other is not cls:
                raise PluginError(
                    f"plugin {origin!r}: rule code {cls.code} is already registered by {other.origin!r}"
                )
            cls.origin = origin
            self.rules[cls.code] = cls


def _disabled() -> set[str]:
    return {p.strip() for p in os.environ.get(DISABLE_ENV, "").split(",") if p.strip()}


def _call(registry: Registry, hook_name: str, **kwargs):
    """Call a hook on every plugin separately, so errors and results name their plugin."""
    for name, plugin in registry.manager.list_name_plugin():  # registration order: stable
        impl = getattr(plugin, hook_name, None)
        if impl is None or not hasattr(impl, "corpuslint_impl"):
            continue
        try:
            yield name, impl(**kwargs)
        except PluginError:
            raise
        except Exception as exc:  # a broken plugin is one clear error, not a traceback
            if type(exc).__name__ == "ConfigError":
                raise
            raise PluginError(f"plugin {name!r} failed in {hook_name}: {type(exc).__name__}: {exc}") from exc


# top-level module -> plugin name, for every third-party or local plugin loaded in this
# process: what an internal error's traceback is matched against (cli._plugin_of)
PLUGIN_MODULES: dict[str, str] = {}


def load_plugins(*, third_party: bool = True, local_modules: Sequence[str] = (),
                 local_paths: Sequence[str] = ()) -> Registry:
    """Built-in families, then entry-point plugins (unless blocked), then repo-local
    plugin modules (only those the config names explicitly), then every hook."""
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    registry = Registry(manager)
    for module_name in BUILTIN_FAMILIES:
        module = importlib.import_module(module_name)
        manager.register(module, name=module_name.rsplit(".", 1)[-1])
        registry.plugins.append(PluginInfo(module_name.rsplit(".", 1)[-1], None, True))
    disabled = _disabled()
    if third_party and "all" not in disabled:
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if ep.name in disabled:
                continue
            try:
                plugin = ep.load()
                manager.register(plugin, name=ep.name)
            except Exception as exc:
                raise PluginError(f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}") from exc
            version = ep.dist.version if ep.dist is not None else None
            PLUGIN_MODULES[ep.module.split(".")[0]] = ep.name
            registry.plugins.append(PluginInfo(ep.name, version, False))
    if local_modules:
        _register_local(registry, local_modules, local_paths)
    for name, classes in _call(registry, "corpuslint_register_rules"):
        registry.add_rules(name, classes)
    for name, formats in _call(registry, "corpuslint_register_formats"):
        registry.formats.update(formats or {})
    for name, readers in _call(registry, "corpuslint_register_readers"):
        registry.readers.extend(readers or ())
    for name, sections in _call(registry, "corpuslint_config_options"):
        for section, keys in (sections or {}).items():
            registry.config_sections.setdefault(section, {}).update(keys)
    return registry


def configure(registry: Registry, config) -> None:
    """Run the corpuslint_configure hook (rules defined in config become classes here)."""
    for name, classes in _call(registry, "corpuslint_configure", config=config):
        registry.add_rules(name, classes)


def _register_local(registry: Registry, modules: Sequence[str], paths: Sequence[str]) -> None:
    """Repo-local plugin modules: loaded only when the config opts in explicitly
    (``[tool.corpuslint.plugins] local = ["module"]``), never just because they exist,
    so checking an untrusted pull request runs no code from it by default."""
    import sys

    for p in paths:
        if p not in sys.path:
            sys.path.insert(0, p)
    for module_name in modules:
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:
            raise PluginError(f"local plugin {module_name!r} failed to load: {type(exc).__name__}: {exc}") from exc
        registry.manager.register(module, name=module_name)
        PLUGIN_MODULES[module_name.split(".")[0]] = module_name
        registry.plugins.append(PluginInfo(module_name, None, False))
