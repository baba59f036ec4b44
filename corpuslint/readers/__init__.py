"""Input readers: files in, documents out (the first step of the pipeline).

    readers ──▶ documents ──▶ map ──▶ reduce ──▶ fixes ──▶ outputs

A reader is chosen by file suffix. Plain text (the ``include`` globs: .txt, .md, ...)
is read by ``files.load``; the built-in *record readers* below are registered through
the public ``corpuslint_register_readers`` hook, exactly like a plugin's:

==========  ===================================================  ==================
format      suffixes                                             needs
==========  ===================================================  ==================
jsonl       .jsonl .ndjson (+ .gz .bz2 .xz .zst)                 (zstandard)
json        .json (+ .gz ...): one array of records, named or    --
            included only (``jsonarray``)
parquet     .parquet                                             ``[parquet]`` extra
arrow       .arrow (Hugging Face ``save_to_disk`` shards)        ``[parquet]`` extra
csv         .csv .tsv (+ .gz .bz2 .xz .zst), with a header row   --
po          .po .pot (gettext catalogues: one record a msgstr)   polib
ipynb       .ipynb (Jupyter nbformat 4: one record a markdown    --
            or code cell, ``cell N``; outputs never read)
xliff       .xlf .xliff (XLIFF 1.2, 2.x: one record a target)    --
tmx         .tmx (TMX 1.4: one record a ``<seg>`` a language)    --
==========  ===================================================  ==================

Each record's text field becomes one ``RecordDocument`` (key ``<file>#<record>``);
its findings carry ``record`` (id or 1-based number) and line/column inside the text.
A chat record's document has its ``role`` and ``previous_turn`` (``Document``; read by
``base.record_turn``/``item_role``, chained by ``base.unique_records``).
A record that cannot be read is one F005 finding; the rest of the file is checked.

Options (``ReaderOptions``), in config and on the command line (which wins)::

    [tool.corpuslint.readers]          # every format
    text-field = "text"                # dotted path into nested objects: "meta.body"; a turn
                                       # path "messages[*].content": one document a list item;
                                       # several: ["instruction", "input", "output"], each field
                                       # one document, record "17.output" (--text-field a,b,c)
    id-field = "id"                    # default: none, records are numbered from 1
    language-field = "meta.lang"       # default: "language", "lang" or "metadata.language" (datatrove)
    text-format = "markdown"           # default "auto": wikitext if a record clearly is (a
                                       # dump of MediaWiki pages, sniffed as a .txt is), else
                                       # Markdown if it has a fenced code block, a table or an
                                       # ATX heading (not a "# command" or a script's "# comment");
                                       # or "plain", "markdown", "wikitext" (every record)
    record-kind = "message"            # default "auto": each record one software message
                                       # (as a .po string) when the file plainly is a table
                                       # of them (``base.message_plan``); or "text"
    source-field = "msgid"             # the column a message translates (default: msgid,
                                       # source, original, en... beside the text)
    [tool.corpuslint.readers.parquet]  # one format: jsonl, json, parquet, arrow, csv
    text-field = "content"
    [tool.corpuslint.readers."ui/*.csv"]   # the files a glob matches (as per-file-language's)
    record-kind = "message"

Reader protocol (for plugins): ``suffixes`` and either ``documents(source, config)
-> Iterable[Document | files.ReadProblem]`` (streaming, preferred) or
``read(path, data: bytes, display) -> Iterable[Document]`` (the whole file's bytes).
Optionally ``claims(path, options) -> str | None``: None when the file is the reader's,
else why not (the ``json`` reader: a .json that is not an array of records); the file
is then treated as if no reader claimed its suffix (F004 when named, text when matched
by ``include``).
"""

from __future__ import annotations

import os
import tempfile
from typing import Any, Callable, Iterable, Iterator, Protocol

from .. import files
from ..config import ConfigError
from ..hookspecs import hookimpl
from ..structure import HTML_SUFFIXES
from ..subtitles import UNREAD_SUBTITLE_SUFFIXES
from .arrow import ArrowReader, ParquetReader
from .base import (RECORD_KINDS, TEXT_FORMATS, ReaderOptions, RecordDocument, RecordReader, add_fixed_text,
                   turn_path)
from .delimited import DelimitedReader
from .jsonarray import JsonReader
from .jsonl import JsonlReader
from .notebook import NotebookReader
from .po import PoReader
from .xliff import TmxReader, XliffReader

__all__ = ["Reader", "ReaderOptions", "RecordDocument", "RecordReader", "BUILTIN_READERS", "options_for",
           "reader_for", "reader_lookup", "reads_data_files", "iter_sources", "turn_path", "write_dataset",
           "add_fixed_text"]

BUILTIN_READERS: tuple[RecordReader, ...] = (JsonlReader(), JsonReader(), ParquetReader(), ArrowReader(), DelimitedReader(),
                                             PoReader(), NotebookReader(), XliffReader(), TmxReader())
FORMATS = tuple(r.format for r in BUILTIN_READERS)
# Formats whose files are rewritten in place only, never written from another file's records
# nor with records left out (``filter`` refuses them as its output).
IN_PLACE_FORMATS = frozenset({"po", "xliff", "tmx", "ipynb"})
SECTION = "readers"
_OPTION_KEYS = {"text-field", "id-field", "language-field", "text-format", "record-kind", "source-field"}
# A key of [readers] naming the files a glob matches (a table of options for them): it holds
# a character a format's name never does.
_GLOB_CHARS = frozenset("*?[/.")
_OVERRIDE = "--command-line"  # not a valid TOML-written key: command-line values live here


class Reader(Protocol):
    suffixes: tuple[str, ...]


@hookimpl
def corpuslint_register_readers():
    return list(BUILTIN_READERS)


@hookimpl
def corpuslint_config_options():
    return {SECTION: {}}  # validated in corpuslint_configure


@hookimpl
def corpuslint_configure(config):
    where = f"{config.source or 'config'}: {SECTION}"
    for key, value in config.section(SECTION).items():
        if key in FORMATS or (isinstance(value, dict) and not _GLOB_CHARS.isdisjoint(key)):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}.{key}: must be a table")
            for k, v in value.items():
                _check(f"{where}.{key}.{k}", k, v)
        else:
            _check(f"{where}.{key}", key, value)
    return None


def _check(where: str, key: str, value: Any) -> None:
    if key not in _OPTION_KEYS:
        raise ConfigError(f"{where}: unknown key (allowed: {', '.join(sorted(_OPTION_KEYS))} or a format table: "
                          f"{', '.join(FORMATS)})")
    if key == "text-format":
        if value not in TEXT_FORMATS:
            raise ConfigError(f"{where}: must be one of {', '.join(map(repr, TEXT_FORMATS))}, not {value!r}")
    elif key == "record-kind":
        if value not in RECORD_KINDS:
            raise ConfigError(f"{where}: must be one of {', '.join(map(repr, RECORD_KINDS))}, not {value!r}")
    elif key == "text-field" and isinstance(value, list):
        if not value or not all(isinstance(v, str) and v for v in value) or len(set(value)) < len(value):
            raise ConfigError(f"{where}: must be a field name or a list of different field names "
                              '(text-field = ["instruction", "input", "output"])')
    elif not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: must be a non-empty string (a field name or dotted path)")


def set_overrides(config, *, text_field: str | None = None, id_field: str | None = None,
                  text_format: str | None = None) -> None:
    """Command-line ``--text-field`` / ``--id-field`` / ``--text-format``: win over every config table.
    ``--text-field instruction,input,output`` names several text fields."""
    if text_field and "," in text_field:
        text_field = [f.strip() for f in text_field.split(",") if f.strip()]
    given = {k: v for k, v in (("text-field", text_field), ("id-field", id_field), ("text-format", text_format))
             if v}
    if given:
        config.sections.setdefault(SECTION, {}).setdefault(_OVERRIDE, {}).update(given)


def options_for(config, fmt: str, path: str | None = None) -> ReaderOptions:
    """Options of format ``fmt``: defaults < [readers] < [readers.<fmt>] < [readers."<glob>"]
    (the tables whose glob matches the data file's ``path``, matched as ``per-file-language``
    matches, in the order written) < command line. With ``path``, and no text-field set
    anywhere, the text fields the ``dataset_info.json`` beside it names for it
    (LLaMA-Factory: ``datasetinfo``)."""
    section = config.section(SECTION) if config is not None else {}
    merged = {k: v for k, v in section.items() if k in _OPTION_KEYS}
    merged.update(section.get(fmt, {}))
    if path is not None:
        for key, value in section.items():
            if key not in FORMATS and key != _OVERRIDE and isinstance(value, dict) and config.path_matches(path, key):
                merged.update(value)
    merged.update(section.get(_OVERRIDE, {}))
    text_field = merged.get("text-field")
    if text_field is None and path is not None:
        from .datasetinfo import text_fields

        text_field = text_fields(path)
    text_field = text_field or "text"
    if not isinstance(text_field, str):  # several text fields
        text_field = text_field[0] if len(text_field) == 1 else tuple(text_field)
    return ReaderOptions(text_field=text_field, id_field=merged.get("id-field") or None,
                         language_field=merged.get("language-field") or None,
                         text_format=merged.get("text-format", "auto"), record_kind=merged.get("record-kind", "auto"),
                         source_field=merged.get("source-field") or None)


def walk_suffixes(readers: Iterable) -> list[str]:
    """Suffixes folder walks pick up (readers with ``walk = False`` only read files
    named explicitly or matched by ``include``)."""
    return [s for r in readers if getattr(r, "walk", True) for s in getattr(r, "suffixes", ())]


def reader_for(path: str, readers: Iterable) -> Any | None:
    """The reader whose longest suffix ends ``path`` (case-insensitive), or None. On
    equal suffixes the one registered last wins: a plugin's reader over a built-in."""
    name = path.lower()
    best, best_len = None, 0
    for reader in readers:
        for suffix in getattr(reader, "suffixes", ()):
            if len(suffix) >= best_len and name.endswith(suffix.lower()):
                best, best_len = reader, len(suffix)
    return best


def is_source_file(path: str, all_readers: Iterable | None = None) -> bool:
    """Is ``path`` read by a reader of source files (a .po catalogue), whose records
    ``--fix`` rewrites without ``--fix-data``? ``all_readers``: the run's readers
    (plugins' too); the built-in ones by default."""
    return getattr(reader_for(path, BUILTIN_READERS if all_readers is None else all_readers), "source_files", False)


def reads_data_files(reader: Any) -> bool:
    """Is ``reader`` a reader of data files (datasets: JSONL, JSON arrays, Parquet, Arrow,
    CSV/TSV), whose records a run sees only when the file is among the files checked? True
    for a reader of records (``documents``) whose files are not sources a project edits
    (``source_files``: .po catalogues and notebooks are); False for None (plain text) and
    for a plugin reader of whole files."""
    return reader is not None and hasattr(reader, "documents") and not getattr(reader, "source_files", False)


def reader_lookup(readers: Iterable) -> "Callable[[str], Any | None]":
    """``reader_for`` bound to ``readers`` (read once, not changed afterwards) and
    memoised on the lower-cased file name from its first dot (all a suffix that starts
    with a dot can match): many files of a few kinds cost a dictionary lookup each.
    Readers with another kind of suffix are looked up path by path."""
    readers = list(readers)
    suffixes = [s for r in readers for s in getattr(r, "suffixes", ())]
    if not all(s.startswith(".") and "/" not in s and os.sep not in s for s in suffixes):
        return lambda path: reader_for(path, readers)
    memo: dict[str, Any] = {}

    def lookup(path: str) -> Any | None:
        name = path[path.rfind(os.sep) + 1 :].lower()
        if os.altsep:
            name = name[name.rfind(os.altsep) + 1 :]
        dot = name.find(".")
        tail = name[dot:] if dot >= 0 else ""
        try:
            return memo[tail]
        except KeyError:
            found = memo[tail] = reader_for(tail, readers)
            return found

    return lookup


def iter_sources(sources: Iterable[files.Source], readers: Iterable, config) -> Iterator[
        tuple[files.Source, Any, "files.Document | files.ReadProblem | Iterable"]]:
    """(source, reader or None, what it gives): a Document (plain text, read whole), a
    ReadProblem, or an iterable of Documents and ReadProblems (records, streamed)."""
    readers = list(readers)
    reader_of = reader_lookup(readers)
    for source in sources:
        if source.problem is not None:  # FIFO, device, link leaving the root...: never opened
            yield source, None, source.problem
            continue
        named = source.unknown  # named on the command line, no include glob matches it
        if source.unknown and reader_of(source.path) is not None:
            source = files.Source(source.path, source.display, language=source.language)  # named: a reader claims it
        if source.unknown:
            suffix = os.path.splitext(source.display)[1] or source.display
            subtitle = UNREAD_SUBTITLE_SUFFIXES.get(suffix.lower())
            yield source, None, files.ReadProblem(
                "unsupported", f"not checked: no reader for {suffix!r} files (supported: "
                f"{', '.join(sorted({s for r in readers for s in r.suffixes if '.' not in s[1:]}))} and the include "
                f"globs); {f'{subtitle} subtitles: convert it to .srt to check it, or ' if subtitle else ''}"
                f"{'check it (as HTML)' if suffix.lower() in HTML_SUFFIXES else 'read it as text'} with "
                f"--extend-include '*{suffix}', or skip it with --ignore-unknown")
            continue
        reader = reader_of(source.path)
        why = (reader.claims(source.path, options_for(config, reader.format, source.path)) if hasattr(reader, "claims")
               else None)
        if why is not None:  # a .json that is not a dataset (package.json): as if no reader claimed it
            if named:
                yield source, None, files.ReadProblem("unsupported", f"not checked: {why} (a dataset is an array of "
                                                      "records; read it as text with --extend-include '*.json')")
            else:  # matched by an include glob: plain text
                yield source, None, files.load(source)
        elif reader is None:
            yield source, None, files.load(source)
        elif hasattr(reader, "documents"):
            yield source, reader, reader.documents(source, config)
        else:  # a plugin reader of whole-file bytes
            yield source, reader, files.read_with(reader, source)


def read_stdin(source: files.Source, data: bytes, readers: Iterable, config):
    """Standard input checked as ``source.display`` (``--stdin-filename``): a Document,
    a ReadProblem, or a list of record documents and problems (a dataset reader reads
    the bytes from a temporary file, since it streams from a path)."""
    reader = reader_for(source.display, readers)
    if reader is None:
        return files.load(source, data)
    if not hasattr(reader, "documents"):
        return files.read_with(reader, source, data)
    suffix = next((s for s in reader.suffixes if source.display.lower().endswith(s.lower())), "")
    with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
        tmp.write(data)
        tmp.flush()
        return list(reader.documents(files.Source(tmp.name, source.display, language=source.language), config))


# -- writing datasets (check --fix-data, filter) -------------------------------------


def output_reader(path: str) -> RecordReader | None:
    """The built-in format a dataset written to ``path`` gets (JSONL or Parquet)."""
    reader = reader_for(path, BUILTIN_READERS)
    return reader if reader is not None and reader.writable else None


def write_dataset(in_path: str, reader: RecordReader, out_path: str, options: ReaderOptions, *,
                  keep=lambda number: True, texts=None, expect_stat: os.stat_result | None = None) -> int:
    """Write ``in_path``'s records to ``out_path`` atomically: a temp file in the target
    folder, fsync, ``os.replace``. Records whose number ``keep`` rejects are left out;
    ``texts[number]`` replaces a record's text field (with a turn path, ``{turn: text}``
    replaces those turns: ``add_fixed_text``); everything else is copied (same
    format keeps every other field, byte for byte for JSON Lines). The output format
    follows ``out_path``'s suffix (JSONL, optionally compressed, or Parquet). With
    ``expect_stat``, the input must not have changed since it was read (else
    ``FileChangedError`` and nothing is written). Returns the records written."""
    texts = texts or {}
    out_reader = output_reader(out_path)
    if out_reader is None:
        raise ValueError(f"{out_path}: cannot write this format (write .jsonl[.gz|.bz2|.xz|.zst], .json or .parquet)")
    try:
        st = os.stat(out_path)
    except OSError:
        st = None

    def unchanged() -> None:
        if expect_stat is not None:
            now = os.stat(in_path)
            if (now.st_size, now.st_mtime_ns) != (expect_stat.st_size, expect_stat.st_mtime_ns):
                raise FileChangedError(f"{in_path} changed since it was read; not rewritten")

    with files.replacing(out_path, st, verify=unchanged) as fh:
        if type(out_reader) is type(reader):
            return reader.rewrite(in_path, fh, out_path, keep, texts, options)
        return _convert(in_path, reader, fh, out_path, out_reader, keep, texts, options)


class FileChangedError(Exception):
    pass


def _convert(in_path, reader, fh, out_path, out_reader, keep, texts, options) -> int:
    from .base import set_text

    def rows():
        for number, row in reader.rows(in_path, options):
            if keep(number):
                if number in texts:
                    set_text(row, options.text_field, texts[number])
                yield row

    if out_reader.format in IN_PLACE_FORMATS:
        raise ValueError(f"{out_path}: a {out_reader.format} file is only rewritten in place (check --fix)")
    if out_reader.format == "parquet":
        from .arrow import write_rows
        return write_rows(rows(), fh)
    if out_reader.format == "json":
        from .jsonarray import write_rows as write_array
        return write_array(rows(), fh, out_path)
    from .jsonl import write_rows
    return write_rows(rows(), fh, out_path)
