"""The corpuslint plugin API.

A plugin is a Python module (or object) with functions decorated by
``corpuslint.hookimpl`` whose names match the hook specifications below. Register
it through the ``corpuslint`` entry-point group in your package metadata::

    [project.entry-points.corpuslint]
    quality = "corpuslint_quality.plugin"

The built-in rule families register through exactly these hooks (see
``corpuslint/families/``), so anything they do, a plugin can do.

Hooks are called once per run, when the plugin manager is created (before any file
is read), except ``corpuslint_configure`` which is called after the configuration
has been loaded. Every hook is optional. Return values of all plugins are collected
into lists by pluggy; a hook that has nothing to add may return ``None``.

Blocking: setting ``CORPUSLINT_DISABLE_PLUGINS=name1,name2`` (entry-point names) skips
those plugins; ``CORPUSLINT_DISABLE_PLUGINS=all`` skips every third-party plugin.
Built-in families always load.

Repo-local plugins (a module inside the checked repository) are imported only when the
configuration opts in explicitly (``[tool.corpuslint.plugins] local = ["module"]``,
``paths = ["folder"]``): checking an untrusted pull request must not run its code.

Errors: an exception while importing a plugin or inside any hook (other than
``ConfigError`` from ``corpuslint_configure``) becomes a ``PluginError`` naming the
plugin and the hook; the CLI prints it as one line and exits 2.

A step-by-step guide and this reference in prose: ``docs/writing-plugins.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

import pluggy

if TYPE_CHECKING:
    from .config import Config
    from .outputs import Formatter
    from .readers import Reader
    from .rules import Rule

PROJECT = "corpuslint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def corpuslint_register_rules() -> "list[type[Rule]] | None":
    """Return the rule classes this plugin provides.

    Each item is a subclass of ``corpuslint.rules.DocumentRule`` (one document in,
    findings out; pure and cacheable) or ``corpuslint.rules.CorpusRule`` (a
    ``collect`` map step per document and a ``reduce`` step over the corpus). A corpus
    rule may also map many documents in one call, ``collect_batch(docs)`` (a list of
    states, in order, each what ``collect`` gives that document alone): the engine hands
    a dataset's records to it in batches (``engine.MAP_BATCH``), so a fixed cost per call
    (numpy set-up) is paid once a batch; the default calls ``collect`` on each.
    Codes must be unique across all loaded plugins: a clash is a plugin error (exit 2).

    Called once, when plugins are loaded (before the configuration is read, so the
    config validator knows every code). Each class is checked at registration
    (``Rule.validate_class``: code = 1-3 capital letters + 3 digits, kebab-case name,
    a family, a docstring) and gets ``origin`` = the plugin's name, which
    ``corpuslint rules`` shows.

    Regions: a rule's ``regions`` class attribute (a set of kinds from
    ``corpuslint.structure``: prose, heading, table, code, html, front-matter,
    link-definition, url, markup) says where it reports; the engine drops any finding
    lying wholly in regions of other kinds, for document and corpus rules alike.
    Default: ``TEXT_REGIONS`` (prose, heading, table), or every kind if the class sets
    the older ``checks_code = True``. Markdown is parsed with markdown-it-py once per
    document; ``Document.regions``, ``line_kinds`` and ``masked(kinds)`` expose it.

    Document kinds: a rule's ``skip_kinds`` (a set of ``structure.DOCUMENT_KINDS``, e.g.
    ``{"message"}``) names the kinds of document it does not apply to; the engine does
    not run it (check or collect) on a document whose ``Document.kinds`` holds one. A
    reader sets the kind it knows (the .po reader: every msgstr is a ``message``, its
    msgid in ``Document.source``; a dataset record with a ``role`` or ``from`` field is a
    ``chat-message``, one message of a conversation); otherwise ``Document.kinds`` is guessed from the text
    (``"catalogue"``: ``structure.looks_like_catalogue``). A rule that applies to some
    kinds only declares ``only_kinds`` (e.g. ``{"message"}``: T101 compares a .po string
    with its msgid); the engine skips every document holding none of them.

    Chat roles: a reader that knows who wrote a text sets ``Document.role`` ("user",
    "assistant", "system", "tool", or a dataset's own speaker name; None when unknown)
    and ``Document.previous_turn`` (a hash of the turn before it in its conversation, of
    the two before it in a record's turn list; "" for an opening turn and for the prompt
    turns of a preference example, ``readers.base.preference_prompt_turns``). A rule that reads only some roles' turns declares
    ``only_roles`` (e.g. ``{"assistant"}``: Q113 looks for a model's refusal); the engine
    skips a turn whose role is known and not listed, and checks every text without a
    role. A rule whose results depend on the role must not cache by text alone: the
    record's ``content_hash`` includes both.
    """


@hookspec
def corpuslint_register_formats() -> "Mapping[str, Formatter] | None":
    """Return ``{name: formatter}`` output formats for ``--format NAME``.

    A formatter is a callable ``formatter(result, stream)`` where ``result`` is a
    ``corpuslint.engine.RunResult`` (findings, files_checked, rules, config, fixed)
    and ``stream`` a text file object to write the whole report to. A formatter that
    needs something which may be missing (an optional package) can carry a ``require``
    attribute: a callable taking no argument that raises ``corpuslint.config.ConfigError``
    (one line: what is missing, how to install it). The CLI calls it before anything is
    linted or fixed, so a report that cannot be written never follows written fixes.

    Called once at plugin loading. The built-in names are text, json, sarif, github
    and junit: choose another name (a name registered twice is not an error, but which
    formatter wins is unspecified).
    """


@hookspec
def corpuslint_register_readers() -> "list[Reader] | None":
    """Return input readers: objects that turn a file into one or more Documents.

    A reader has ``suffixes`` (e.g. ``(".jsonl",)``) and either
    ``documents(source: files.Source, config) -> Iterable[Document | files.ReadProblem]``
    (streaming, preferred: yield documents as they are read; a ReadProblem with
    ``record`` set is an F005 finding for that record) or ``read(path, data: bytes,
    display: str) -> Iterable[Document]`` (given the whole file). It is chosen by the
    longest matching suffix (on a tie, the reader registered last: a plugin's over a
    built-in); the built-in plain-text reader handles the ``include`` globs. A reader's
    suffixes are added to the files ``check`` discovers (unless it sets ``walk =
    False``: then only named or included files). The built-in dataset readers
    (``corpuslint/readers/``: JSONL, Parquet, Arrow, CSV) register through this hook;
    their ``RecordDocument`` is the model for one document per record. Called once at
    plugin loading.
    """


@hookspec
def corpuslint_config_options() -> "Mapping[str, Any] | None":
    """Return ``{section: {key: default}}`` for top-level config sections the plugin reads.

    Declared sections are accepted by the config validator (unknown keys are an
    error) and handed back merged with the user's values through
    ``Config.section(name)``. An empty dict default (``{"custom-rules": {}}``) declares
    an opaque section: any keys are accepted and the plugin validates them itself in
    ``corpuslint_configure``. Per-rule options need no hook: declare them in the
    rule class's ``options`` mapping and users set them under
    ``[tool.corpuslint.rules.CODE]``.

    Called once at plugin loading, before the configuration is read.
    """


@hookspec
def corpuslint_configure(config: "Config") -> "list[type[Rule]] | None":
    """Called once the configuration is loaded; may return more rule classes.

    This is how rules defined as data (``[tool.corpuslint.custom-rules.*]``) become
    real rules: the hook reads the config and builds classes from it. Raise
    ``corpuslint.config.ConfigError`` for invalid settings.

    Receives the loaded ``corpuslint.config.Config``: ``config.section(name)`` (a
    declared section, defaults overlaid with the user's values), ``config.config_dir``
    (the config file's folder, or ``None``: resolve relative paths against it, else
    against ``config.root``, the project root) and ``config.source`` (the config
    file's path, or ``None``). Called once per run after the
    configuration is validated and repo-local plugins are registered, before any file
    is read. Returned classes are validated and registered like those of
    ``corpuslint_register_rules``. A ``ConfigError``'s message is shown as one line
    (exit 2), so make it name the file, the section and the key.
    """
