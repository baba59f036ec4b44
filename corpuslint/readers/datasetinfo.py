"""LLaMA-Factory's ``dataset_info.json``: the text fields of the data files it names.

A LLaMA-Factory data folder holds its datasets (``alpaca_en_demo.json``,
``dpo_en_demo.json``...) and one ``dataset_info.json`` mapping each dataset name to its
``file_name`` and, optionally, its ``formatting`` (``alpaca``, the default, or
``sharegpt``), ``ranking`` (preference pairs), ``columns`` and ``tags``. When a data
file is named there and no ``text-field`` is configured (config or command line), its
text fields are read from that entry, as LLaMA-Factory's converter reads them:

- alpaca: ``prompt`` (default ``instruction``), ``query`` (``input``), ``response``
  (``output``), or with ``ranking`` ``chosen`` and ``rejected`` instead of the
  response; ``system`` when the entry names that column;
- sharegpt: the ``messages`` list (``conversations``), each message's ``content_tag``
  (``value``) one document; with ``ranking`` the ``chosen`` and ``rejected`` messages'
  content; ``system`` when named.

Other columns (``history``, ``tools``, ``images``, ``kto_tag``) are not text to check.
The entry's role names need no mapping: ``role_tag`` values human/gpt/user/assistant/
observation/function_call are ``base.ROLE_NAMES``. ``dataset_info.json`` itself is
an object of settings, not a dataset (never read as records).
"""

from __future__ import annotations

import functools
import json
import os

NAME = "dataset_info.json"
MAX_BYTES = 16 << 20  # a settings file; anything larger is not one


def text_fields(path: str) -> tuple[str, ...] | None:
    """The text fields of data file ``path`` by the ``dataset_info.json`` beside it, or
    None (no such file, not named in it, unreadable)."""
    if "://" in path:
        return None
    folder = os.path.dirname(os.path.abspath(path))
    info = os.path.join(folder, NAME)
    try:
        st = os.stat(info)
    except OSError:
        return None
    entries = _entries(info, st.st_mtime_ns, st.st_size)
    target = os.path.normcase(os.path.abspath(path))
    for entry in entries:
        name = entry.get("file_name")
        if isinstance(name, str) and os.path.normcase(os.path.abspath(os.path.join(folder, name))) == target:
            return _fields(entry)
    return None


@functools.lru_cache(maxsize=16)
def _entries(info: str, _mtime: int, size: int) -> tuple[dict, ...]:
    if size > MAX_BYTES:
        return ()
    try:
        with open(info, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return ()
    if not isinstance(data, dict):
        return ()
    return tuple(e for e in data.values() if isinstance(e, dict))


def _fields(entry: dict) -> tuple[str, ...] | None:
    columns = entry.get("columns") if isinstance(entry.get("columns"), dict) else {}
    tags = entry.get("tags") if isinstance(entry.get("tags"), dict) else {}
    ranking = bool(entry.get("ranking"))

    def col(key: str, default: str | None) -> str | None:
        value = columns.get(key, default)
        return value if isinstance(value, str) and value else None

    formatting = entry.get("formatting", "alpaca")
    if formatting == "alpaca":
        fields = [col("prompt", "instruction"), col("query", "input")]
        fields += [col("chosen", "chosen"), col("rejected", "rejected")] if ranking else [col("response", "output")]
    elif formatting == "sharegpt":
        content = tags.get("content_tag", "value")
        if not isinstance(content, str) or not content:
            return None
        messages = col("messages", "conversations")
        fields = [f"{messages}[*].{content}" if messages else None]
        if ranking:
            fields += [f"{c}.{content}" for c in (col("chosen", "chosen"), col("rejected", "rejected")) if c]
    else:
        return None
    fields.append(col("system", None))
    found = tuple(dict.fromkeys(f for f in fields if f))
    return found or None
