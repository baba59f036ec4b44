"""``corpuslint filter``: write a cleaned copy of a dataset.

    IN ──reader──▶ records ──lint (drop codes [+ fix rules])──▶ findings
       ──select──▶ kept records (+ safe fixes) ──writer──▶ OUT (+ JSON summary)

A record is dropped when it has a finding whose code matches a ``--drop`` selector
(a code or prefix: ``D105``, ``Q``, ``F005``). Duplicate-family findings that point at
another record (D104, D105) are clusters, not verdicts on one record: of each cluster
one record is kept, the first by input order (deterministic), unless it is dropped for
another selected code, then the next. Kept records are copied unchanged (JSON Lines:
byte for byte) unless ``fix`` applies safe fixes to their text. The output format
follows OUT's suffix (.jsonl, optionally .gz/.bz2/.xz/.zst, or .parquet) and is
written atomically. The corpus is the input file alone (no project index).
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

from . import files, readers
from .clusters import components
from .config import ConfigError, validate_codes
from .families.input import PROBLEM_RULES
from .engine import Linter, RunContext, fix_document, fixable, lint_documents


def _matches(code: str, selectors: list[str]) -> str | None:
    return next((s for s in selectors if s == "ALL" or code.startswith(s)), None)


def filter_dataset(in_path: str, out_path: str, config, registry, drop: list[str], *,
                   fix: bool = False, unsafe_fixes: bool = False) -> dict[str, Any]:
    """Write the records of ``in_path`` that have no finding in ``drop`` to
    ``out_path``; returns the summary (records in and out, dropped per code, fixes)."""
    reader = readers.reader_for(in_path, registry.readers)
    if not isinstance(reader, readers.RecordReader):
        raise ConfigError(f"filter: {in_path}: not a dataset file (read: "
                          f"{', '.join(s for r in readers.BUILTIN_READERS for s in r.suffixes if s.count('.') == 1)})")
    out_reader = readers.output_reader(out_path)
    if out_reader is None:
        raise ConfigError(f"filter: {out_path}: write .jsonl (optionally .gz, .bz2, .xz, .zst) or .parquet")
    if out_reader.format in readers.IN_PLACE_FORMATS:  # (an XLIFF, TMX, .po or notebook file: records kept in place)
        raise ConfigError(f"filter: {out_path}: cannot write {out_reader.format.upper()} files (one is only "
                          "rewritten in place, by `check --fix`; its records are never left out): write .jsonl "
                          "(optionally .gz, .bz2, .xz, .zst) or .parquet")
    if out_reader.format == "parquet":
        from .extras import require

        require("parquet", f"filter: writing {os.path.basename(out_path)}")  # before the input is linted
    if os.path.exists(out_path) and os.path.samefile(in_path, out_path):
        raise ConfigError("filter: OUT must differ from IN (use `check --fix --fix-data` to fix in place)")
    if not os.path.isfile(in_path):
        raise ConfigError(f"filter: {in_path}: no such file")
    if fix:
        config.extend_select = list(config.extend_select) + drop
    else:
        config.select = list(drop)  # only the rules that decide
    validate_codes(config, registry.rules)
    linter = Linter(config, registry)
    source = files.Source(os.path.abspath(in_path), files.display_path(in_path))

    docs: dict[str, Any] = {}
    number_of: dict[str, int] = {}
    reasons: dict[int, str] = {}  # record number -> the code it is dropped for
    records_in = 0
    counted = None  # the last record number counted
    for number, item in reader.numbered_documents(source, config):
        if isinstance(item, files.ReadProblem):
            if number is None:  # the file itself failed (no text column, corrupt archive)
                raise ConfigError(f"filter: {in_path}: {item.message}")
            records_in += number != counted
            counted = number  # a record with an invalid language field: its problem, then its document
            code = PROBLEM_RULES[item.kind].code
            # (a byte-order mark before record 1 is the file's, not the record's: never a reason to drop it)
            if item.kind != "bom" and _matches(code, drop) is not None:
                reasons[number] = code
            continue
        records_in += number != counted  # (the turns of a record share its number)
        counted = number
        docs[item.path] = item
        number_of[item.path] = number
    ctx = RunContext(config, config.root, False, discover=lambda: [], load=files.load)
    findings = lint_documents(linter, docs, ctx)

    edges: list[tuple[str, str, str]] = []
    for f in sorted(findings, key=lambda f: (number_of.get(f.key, 0), f.code)):
        if _matches(f.code, drop) is None:
            continue
        others = [r.key for r in f.related if r.key != f.key and r.key in docs]
        if f.family == "duplicate" and others:
            edges.extend((f.key, o, f.code) for o in others)
        else:
            reasons.setdefault(number_of[f.key], f.code)
    for members, code in _clusters(edges):
        ordered = sorted(number_of[m] for m in members)
        survivors = [n for n in ordered if n not in reasons]
        for n in survivors[1:]:
            reasons[n] = code

    texts: dict = {}
    fixes = 0
    if fix:
        by_key: dict[str, list] = {}
        for f in findings:
            by_key.setdefault(f.key, []).append(f)
        for key, doc in docs.items():
            if doc.number in reasons or not any(fixable(f, unsafe_fixes) for f in by_key.get(key, ())):
                continue
            new_text, count = fix_document(linter, doc, by_key[key], unsafe_fixes)
            if new_text != doc.text:
                readers.add_fixed_text(texts, doc, new_text)
                fixes += count
    options = readers.options_for(config, reader.format, in_path)
    written = readers.write_dataset(in_path, reader, out_path, options, keep=lambda n: n not in reasons,
                                    texts=texts)
    return {
        "input": source.display,
        "output": files.display_path(out_path),
        "records_in": records_in,
        "records_out": written,
        "dropped": len(reasons),
        "dropped_by_code": dict(sorted(Counter(reasons.values()).items())),
        "fixed_records": len(texts),
        "fixes": fixes,
    }


def _clusters(edges: list[tuple[str, str, str]]) -> list[tuple[set[str], str]]:
    """Connected components of the edges, each with the code of its first edge."""
    code_of: dict[str, str] = {}
    for a, b, code in edges:
        code_of.setdefault(a, code)
        code_of.setdefault(b, code)
    return [(members, code_of[min(members)]) for members in components((a, b) for a, b, _ in edges)]
