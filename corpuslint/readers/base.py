"""What every record reader shares: the record document, options, field access.

A *record* is one training example of a data file: a JSON Lines line, a Parquet,
Arrow or CSV row. Its text field becomes one ``RecordDocument`` whose ``path`` is the
stable key ``<file>#<record>`` (the engine, the caches and corpus rules key documents
by it) and whose findings carry ``path=<file>`` and ``record=<id or number>``;
line and column are inside the text field.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterator

from .. import structure
from ..document import Document, hash_utf8, language_tag
from ..files import ReadProblem, Source
from ..findings import Location
from ..text.lazy_regex import lazy_re


@dataclass(frozen=True)
class ReaderOptions:
    """``text_field``: the field holding the text (dotted path into nested objects or
    Arrow structs: ``meta.body``; a CSV column name; a *turn path* ``messages[*].content``
    or ``turns[*]`` into a list, each item one document, ``turn_path``). ``id_field``: the
    field naming a record (``None``: the 1-based record number). Several text fields
    (``("instruction", "input", "output")``: a tuple, ``text-field = [...]`` in config):
    the fields a record may have, whichever it has. Each field of a record is one
    document, named ``<record>.<field>`` (``17.output``; a turn path's items
    ``17.conversations.3``); a field a record lacks (or holds null) is skipped, since
    such columns are optional (Alpaca's ``input``, a ``system`` prompt) and one list
    serves files of several schemas (pre-training ``text`` shards beside chat and
    Alpaca files); a record with none of them is one F005 (``NONE_OF``), and a file
    whose records have none of them is one F005 for the file."""

    text_field: "str | tuple[str, ...]" = "text"
    id_field: str | None = None
    # the field holding the record's language (a BCP 47 tag: "tr", "fr-CA"); None: the
    # first of ``LANGUAGE_FIELDS`` a record has, an invalid value there being ignored
    language_field: str | None = None
    # what a record's text is written in: "auto" (wikitext when the text clearly is, as a
    # .txt is sniffed: ``readers.wikitext.reads_as_wikitext``; else Markdown when it holds a
    # fenced code block, a table or an ATX heading: LLM answers), "markdown" (parsed as a .md
    # file is: code, tables, headings become regions every rule reads), "wikitext" (parsed
    # as a .wiki page is: a dump of MediaWiki pages, ``readers.wikitext``) or "plain"
    text_format: str = "auto"
    # what a record is (``RECORD_KINDS``): "message" (one software message, a string of an
    # interface exported as a table: ``structure.MESSAGE``, as a .po string is), "text"
    # (a record of prose, never a message) or "auto" (``message_plan`` decides from the
    # file's first records, conservatively)
    record_kind: str = "auto"
    # the field holding a message's source string (the msgid its text translates:
    # ``Document.source``); None: a column named as ``SOURCE_FIELDS`` are, beside the text
    source_field: str | None = None

    @property
    def fields(self) -> tuple[str, ...]:
        """The text fields, one or several."""
        return (self.text_field,) if isinstance(self.text_field, str) else tuple(self.text_field)

    @property
    def several(self) -> bool:
        return not isinstance(self.text_field, str)

    def only(self, field: str) -> "ReaderOptions":
        """These options reading the one text field ``field``."""
        return dataclasses.replace(self, text_field=field)


TEXT_FORMATS = ("plain", "markdown", "wikitext", "auto")
# the suffix a record of each fixed format reads as (its regions and rules are that file type's)
_FORMAT_SUFFIXES = {"markdown": ".md", "wikitext": ".wiki", "plain": ""}
RECORD_KINDS = ("auto", "message", "text")


# Where records carry their language when ``language-field`` is not set: a top-level
# field, or datatrove's ``metadata.language`` (what its language filters write).
LANGUAGE_FIELDS = ("language", "lang", "metadata.language")
_LANGUAGE_TOPS = frozenset(field.split(".", 1)[0] for field in LANGUAGE_FIELDS)  # ("language", "lang", "metadata")


@dataclass(frozen=True, slots=True)
class Record:
    """One record as read: ``number`` is 1-based (the line number in JSON Lines, the
    row number in Parquet/Arrow/CSV); ``record`` is what findings show (the id field's
    value, else ``number``); ``text`` is None when ``problem`` says why."""

    number: int
    record: int | str
    text: str | None
    problem: str | None = None
    column: int = 1
    language: str | None = None  # the record's own declared language (``record_language``)
    language_problem: str | None = None  # why its language field was not a language tag
    # a UTF-8 byte-order mark stood before the record (read without it): where, and what it breaks (W110)
    bom: str | None = None
    turn: int | None = None  # with a turn path: the 1-based item of the list this text is
    role: str | None = None  # who wrote the text, when the record says (``record_turn``)
    # with a role: the turn before it is the record before it in the file (one message a
    # record: ``chain``), or is ``previous_turn`` (an Alpaca field: its record's prompt;
    # None: not known, a message nested in a record of another shape)
    chain: bool = False
    previous_turn: str | None = None
    # a turn of the prompt a preference example shares by design with its other
    # completions (``preference_prompt_turns``): it takes no part in duplicate rules
    shared_prompt: bool = False
    field: str | None = None  # with several text fields: the one this text is (``ReaderOptions.fields``)
    # with a turn whose content is a list of parts (OpenAI's multimodal ``[{"type": "text",
    # "text": ...}, {"type": "image_url", ...}]``): the 0-based index of the text part this is
    part: int | None = None
    # the record is one software message (``RecordPlan.message``) and, when its file has
    # one, the source string it translates (``RecordPlan.source_field``)
    message: bool = False
    source: str | None = None
    # what else makes the record itself (``RecordPlan.compare``): a digest of its other
    # columns, which D107 compares with its text; None when only the text counts
    others: str | None = None


def _reads_as_wikitext(text: str) -> bool:
    """``readers.wikitext.reads_as_wikitext`` (imported only for a text holding "[[")."""
    if "[[" not in text:
        return False
    from .wikitext import reads_as_wikitext

    return reads_as_wikitext(text)


class RecordDocument(Document):
    """The text field of one record. ``path`` is the key ``<file>#<record>``;
    ``language`` is the record's declared language (its field, else its file's);
    ``text_format`` is the ``ReaderOptions.text_format`` it was read with: a Markdown
    record has ``suffix`` ".md" (its regions and rules are those of a .md file), a wikitext
    one ".wiki" (a MediaWiki page's: ``readers.wikitext``), a plain one "". With "auto" the
    text decides, when ``suffix`` is first read: ".wiki" when it clearly is wikitext
    (``readers.wikitext.reads_as_wikitext``, the sniff of a .txt), else ".md" when it
    reads as Markdown (``structure.looks_like_markdown``), else "". ``role`` and ``previous_turn``: see ``Document``
    (set by ``unique_records`` for a chat record)."""

    def __init__(self, file: str, number: int, record: int | str, text: str, language: str | None = None,
                 text_format: str = "plain", turn: int | None = None, role: str | None = None,
                 previous_turn: str | None = None, chat_message: bool = False, field: str | None = None,
                 part: int | None = None, message: bool = False, source: str | None = None,
                 others: str | None = None):
        super().__init__(f"{file}#{record}", text, suffix="", language=language)
        if message:  # one software message (``Record.message``), with its source string when known
            self.message = True
            if source is not None:
                self.source, self.sources = source, (source,)
        if others is not None:  # (``Record.others``: what D107 compares besides the text)
            self.others = others
        if part is not None:  # (else the class's None)
            self.part = part  # the 0-based text part of its turn's content list (for rewriting)
        self.field = field  # with several text fields: the one this text is (for rewriting)
        # one message of a conversation stored one message a record (``Record.chain``: a
        # known role beside the record's own text field; ``structure.CHAT_MESSAGE``)
        self.chat_message = chat_message
        self.file = file  # the data file's display path
        self.number = number  # 1-based position in the file (for rewriting)
        self.turn = turn  # with a turn path: the 1-based item of the record's list (for rewriting)
        self.record = record  # what findings show: id or number
        self.text_format = text_format
        if role is not None:  # (else the class's None: most records are not chat turns)
            self.role = role
            self.previous_turn = previous_turn
        self._suffix = _FORMAT_SUFFIXES.get(text_format)  # (None: "auto", decided when first read)

    part: int | None = None  # with a turn whose content is a list of parts: the text part (``Record.part``)
    message: bool = False  # one software message (``Record.message``): kind ``structure.MESSAGE``
    plural: str | None = None  # (a .po entry's msgid_plural: a table of messages has none)
    others: str | None = None  # a digest of the record's other columns (``Record.others``), for D107

    @property
    def suffix(self) -> str:
        found = self._suffix
        if found is None:  # "auto", decided once
            found = self._suffix = (".wiki" if _reads_as_wikitext(self.text)
                                    else ".md" if structure.looks_like_markdown(self) else "")
        return found

    @suffix.setter
    def suffix(self, value: str) -> None:
        self._suffix = value

    @cached_property
    def content_hash(self) -> str:
        """``Document.content_hash``, and the text format unless plain (a record read
        as Markdown is another document), and a chat turn's role and previous turn (rules
        read them: Q113 checks an assistant's turn only, D104 compares a turn with the
        turns that follow the same turn)."""
        plain = hash_utf8(self.text.encode("utf-8", "surrogatepass"), self.language)
        if self.text_format != "plain":
            # ("auto" sniffs wikitext since left44: a record cached under the older "auto",
            # read as plain text, is another document)
            fmt = "auto+wikitext" if self.text_format == "auto" else self.text_format
            plain = hash_utf8(f"{plain}|format={fmt}".encode())
        if self.role is not None:
            plain = hash_utf8(f"{plain}|role={self.role}|after={self.previous_turn}".encode())
        if self.message or self.others is not None:
            plain = hash_utf8(f"{plain}|message={self.message}|source={self.source}|others={self.others}"
                              .encode("utf-8", "surrogatepass"))
        return plain

    @cached_property
    def kinds(self) -> frozenset[str]:
        """``Document.kinds``, and ``structure.CHAT_MESSAGE`` for one message of a conversation,
        ``structure.MESSAGE`` for one software message (``Record.message``)."""
        if self.message:
            return frozenset({structure.MESSAGE})
        found = Document.kinds.func(self)
        return found | {structure.CHAT_MESSAGE} if self.chat_message else found

    def finding(self, *args, **kwargs):
        found = super().finding(*args, **kwargs)
        found.path, found.record = self.file, self.record
        return found

    def location(self, offset: int) -> Location:
        line, column = self.place(offset)
        return Location(self.file, line, column, self.record)

    def with_text(self, text: str) -> "RecordDocument":
        return RecordDocument(self.file, self.number, self.record, text, self.language, self.text_format, self.turn,
                              self.role, self.previous_turn, self.chat_message, self.field, self.part, self.message,
                              self.source, self.others)

    def __reduce__(self):  # to worker processes: the text, not the cached views
        return (RecordDocument, (self.file, self.number, self.record, self.text, self.language, self.text_format,
                                 self.turn, self.role, self.previous_turn, self.chat_message, self.field, self.part,
                                 self.message, self.source, self.others))


_MISSING = object()


def get_field(obj: Any, dotted: str) -> Any:
    """``obj[dotted]`` if that key exists, else follow ``a.b.c`` through nested dicts;
    ``_MISSING`` when absent."""
    if isinstance(obj, dict) and dotted in obj:
        return obj[dotted]
    for part in dotted.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return _MISSING
        obj = obj[part]
    return obj


def set_field(obj: dict, dotted: str, value: Any) -> None:
    """Set the field ``get_field`` found (the literal key if present, else the path)."""
    if dotted in obj:
        obj[dotted] = value
        return
    parts = dotted.split(".")
    for part in parts[:-1]:
        obj = obj[part]
    obj[parts[-1]] = value


def set_text(obj: dict, field: "str | tuple[str, ...]", value: "str | dict") -> None:
    """Write a record's fixed text into ``obj`` (a record as parsed, changed in place):
    ``value`` is the text of a plain ``field``, or for a turn path ``{turn: text}``, the
    fixed turns (1-based, as ``Record.turn``); the other turns are left as they are.
    With several fields (a tuple, ``ReaderOptions.text_field``), ``value`` is
    ``{field: text or {turn: text}}``, the fixed fields only."""
    if not isinstance(field, str):
        for one, text in value.items():
            set_text(obj, one, text)
        return
    turns = turn_path(field)
    if turns is None:
        set_field(obj, field, value)
        return
    items = get_field(obj, turns[0])
    for turn, text in value.items():
        if isinstance(text, dict):  # {part: text}: text parts of a content list, the others untouched
            parts = get_field(items[turn - 1], turns[1])
            for part, one in text.items():
                parts[part][PART_TEXT] = one
        elif turns[1] is None:
            items[turn - 1] = text
        else:
            set_field(items[turn - 1], turns[1], text)


def add_fixed_text(texts: dict, doc: "RecordDocument", text: str) -> None:
    """Record ``doc``'s fixed ``text`` in ``texts``, the map ``write_dataset`` takes:
    ``texts[number]`` is the text, or with turns ``{turn: text}``, or with several
    fields ``{field: text or {turn: text}}`` (``set_text``)."""
    field = getattr(doc, "field", None)
    part = getattr(doc, "part", None)
    if field is not None:
        slot = texts.setdefault(doc.number, {})
        if doc.turn is None:
            slot[field] = text
        elif part is not None:
            slot.setdefault(field, {}).setdefault(doc.turn, {})[part] = text
        else:
            slot.setdefault(field, {})[doc.turn] = text
    elif doc.turn is None:
        texts[doc.number] = text
    elif part is not None:  # a text part of its turn's content list: ``{turn: {part: text}}``
        texts.setdefault(doc.number, {}).setdefault(doc.turn, {})[part] = text
    else:
        texts.setdefault(doc.number, {})[doc.turn] = text


def text_of(value: Any, field: str) -> tuple[str | None, str | None]:
    """(text, None) or (None, why it is not a text)."""
    if value is _MISSING:
        return None, f"record has no field {field!r}"
    if value is None:
        return None, f"field {field!r} is null"
    if not isinstance(value, str):
        return None, f"field {field!r} is {type(value).__name__}, not a string"
    return value, None


TURNS = "[*]"


def turn_path(field: str) -> tuple[str, str | None] | None:
    """(list field, item field) of a turn path: ``"messages[*].content"`` ->
    ``("messages", "content")`` (OpenAI/HF chat), ``"conversations[*].value"`` (ShareGPT),
    ``"turns[*]"`` -> ``("turns", None)`` (a list of strings); None for a plain field."""
    if TURNS not in field:
        return None
    head, _, tail = field.partition(TURNS)
    return head, tail.lstrip(".") or None


def top_field(field: str) -> str:
    """The field a record must have for ``field``: a turn path's list, else ``field``."""
    turns = turn_path(field)
    return field if turns is None else turns[0]


def record_texts(number: int, rid: int | str, obj: Any, options: ReaderOptions,
                 roles: "dict[str, str | None] | None" = None) -> Iterator[Record]:
    """The ``Record``s of one record ``obj``: ``field_records`` of its text field, or
    of each of several (``ReaderOptions.fields``), named ``<record>.<field>`` and
    skipping a field the record lacks or holds null for (none of them: one ``Record``
    whose problem is ``none_of``). ``roles``: the role the
    reader knows for a field (an Alpaca column), as ``field_records``' ``role``."""
    if not options.several:
        field = options.text_field
        yield from field_records(number, rid, obj, get_field(obj, top_field(field)), options,
                                 roles.get(field) if roles else None)
        return
    read = False
    for field in options.fields:
        top = top_field(field)
        value = get_field(obj, top)
        if value is _MISSING or value is None:
            continue
        read = True
        yield from field_records(number, f"{rid}.{top}", obj, value, _only(options, field),
                                 roles.get(field) if roles else None, field)
    if not read:
        yield Record(number, rid, None, none_of(options))


def none_of(options: ReaderOptions) -> str:
    """The F005 problem of a record that has none of its several text fields (each
    absent or null)."""
    return f"record has none of the text fields {', '.join(map(repr, options.fields))}"


@functools.lru_cache(maxsize=64)
def _only(options: ReaderOptions, field: str) -> ReaderOptions:
    return options.only(field)


def has_text_field(obj: Any, options: ReaderOptions) -> bool:
    """Does the record ``obj`` have (one of) its text field(s)?"""
    return any(get_field(obj, top_field(f)) is not _MISSING for f in options.fields)


def field_records(number: int, rid: int | str, obj: Any, value: Any, options: ReaderOptions,
                  role: str | None = None, field_name: str | None = None) -> Iterator[Record]:
    """The ``Record``s of one record ``obj`` whose ``top_field`` holds ``value``: one, or
    with a turn path one a list item, named ``<record>.<turn>`` (1-based: record 17's
    third message is ``17.3``). Each has its role (``item_role``, ``record_role``; else
    ``role``, what the reader knows of the file: an Alpaca column)."""
    language = record_language(obj, options)
    field = options.text_field
    turns = turn_path(field)
    if turns is None:
        speaker, chain, previous = record_turn(obj, field)
        if speaker is None and role is not None:  # the reader's Alpaca column (its record holds only some)
            speaker, previous = role, alpaca_prompt(obj, field) if isinstance(obj, dict) else None
        yield Record(number, rid, *text_of(value, field), 1, *language, role=speaker, chain=chain,
                     previous_turn=previous, field=field_name)
        return
    if value is _MISSING or not isinstance(value, list):
        why = text_of(value, turns[0])[1] or f"field {turns[0]!r} is {type(value).__name__}, not a list"
        yield Record(number, rid, None, why, field=field_name)
        return
    prompt_turns = preference_prompt_turns(obj, turns[0], len(value))
    for turn, item in enumerate(value, 1):
        where = f"{turns[0]}[{turn}]"
        speaker = None
        if turns[1] is None:
            text, why = text_of(item, where)
        elif isinstance(item, dict):
            content = get_field(item, turns[1])
            if content is None or (content is _MISSING and any(k in item for k in CALL_KEYS)):
                continue  # a turn without text by design (OpenAI's tool-call turn: ``content: null``)
            speaker = item_role(item)
            if content_parts(content):  # OpenAI's multimodal content: its text parts are the turn's text
                texts = [(i, part) for i, part in enumerate(content) if is_text_part(part)]
                for i, part in texts:
                    yield Record(number, f"{rid}.{turn}" if len(texts) == 1 else f"{rid}.{turn}.{i + 1}",
                                 *text_of(part.get(PART_TEXT, _MISSING), f"{where}.{turns[1]}[{i + 1}].{PART_TEXT}"),
                                 1, *language, turn=turn, role=speaker, field=field_name, part=i,
                                 shared_prompt=speaker is not None and turn <= prompt_turns)
                continue
            text, why = text_of(content, f"{where}.{turns[1]}")
        else:
            text, why = None, f"{where} is {type(item).__name__}, not an object with {turns[1]!r}"
        yield Record(number, f"{rid}.{turn}", text, why, 1, *language, turn=turn, role=speaker, field=field_name,
                     shared_prompt=speaker is not None and turn <= prompt_turns)


# OpenAI's chat content as a list of parts (multimodal input): ``{"type": "text", "text":
# "..."}`` parts are text, ``image_url``, ``input_audio``, ``file``... parts are not read.
PART_TEXT = "text"
PART_TYPES = frozenset({"text", "input_text", "output_text"})  # (Responses API: input_text, output_text)


def is_text_part(part: Any) -> bool:
    return isinstance(part, dict) and part.get("type") in PART_TYPES


def content_parts(content: Any) -> bool:
    """Is a turn's ``content`` a list of typed parts (OpenAI multimodal), not a text?"""
    return (isinstance(content, list) and bool(content)
            and all(isinstance(p, dict) and isinstance(p.get("type"), str) for p in content))


# A preference example beside its turn list: KTO's desirability flag (LLaMA-Factory's
# ``kto_tag``, TRL's ``label``: a boolean), or DPO's two completions.
KTO_FLAGS = ("label", "kto_tag")
DPO_FIELDS = ("chosen", "rejected")


def preference_prompt_turns(obj: Any, top: str, n: int) -> int:
    """How many turns of the turn list ``top`` (``n`` turns) of record ``obj`` are the
    prompt of a preference example: all but the last (the completion) beside a boolean
    KTO flag, all of them beside DPO's ``chosen`` and ``rejected``; 0 otherwise. Such an
    example pairs one prompt with several completions (kto_en_demo's records 65 and 196:
    eleven turns alike, the last reply desirable in one, undesirable in the other), and a
    KTO and a DPO example are often built from one conversation: the prompt's turns
    repeat by design and only the completion is trained on."""
    if not isinstance(obj, dict) or "." in top:
        return 0
    if any(isinstance(obj.get(k), bool) for k in KTO_FLAGS):
        return n - 1
    if all(k in obj for k in DPO_FIELDS):
        return n
    return 0


# A chat turn that calls a tool instead of speaking: OpenAI's ``tool_calls`` (and the older
# ``function_call``), whose ``content`` is null or absent by the format's definition.
CALL_KEYS = ("tool_calls", "function_call")

# Where a chat turn names its speaker: OpenAI/HF ``role``, ShareGPT ``from``, others ``speaker``.
ROLE_KEYS = ("role", "from", "speaker")
# The speakers' names chat formats use -> ``Document.role``: ShareGPT's human/gpt/system
# (LLaMA-Factory's function_call is the assistant's, its observation the tool's reply).
ROLE_NAMES = {
    "user": "user", "human": "user", "prompter": "user",
    "assistant": "assistant", "gpt": "assistant", "chatgpt": "assistant", "bot": "assistant", "model": "assistant",
    "function_call": "assistant",
    "system": "system",
    "tool": "tool", "function": "tool", "observation": "tool", "ipython": "tool",
}
# Alpaca records (``instruction``, ``input``, ``output``, optional ``system``): the
# output is the assistant's, the instruction and input the user's.
ALPACA_ROLES = {"instruction": "user", "input": "user", "output": "assistant", "system": "system"}


def role_name(value: Any, known_only: bool = False) -> str | None:
    """``Document.role`` for a speaker's name: ``ROLE_NAMES``' role, else the name
    lower-cased (None with ``known_only``: a plain field's sibling named ``from`` may be
    an e-mail's sender); None for an empty or non-string value."""
    if not isinstance(value, str):
        return None
    name = value.strip().lower()
    role = ROLE_NAMES.get(name)
    return role if role is not None or known_only else (name or None)


def item_role(item: dict) -> str | None:
    """The role of one turn of a turn path (an object of the list): its first
    ``ROLE_KEYS`` field that names a speaker."""
    for key in ROLE_KEYS:
        if key in item:
            role = role_name(item[key])
            if role is not None:
                return role
    return None


def record_turn(obj: Any, field: str) -> tuple[str | None, bool, str | None]:
    """(role, chain, previous turn) of a record whose text is the plain ``field``: a
    ``ROLE_KEYS`` field beside it naming a known speaker (``{"role": "assistant",
    "text": ...}``: one message a record, chained to the record before it when the text
    is the record's own field; a message nested in a record, ``chosen.value``, has no
    known previous turn); else in an Alpaca record (``instruction`` and ``output`` beside
    it) ``ALPACA_ROLES`` of the field, after its record's prompt: the output after the
    instruction and input, the input after the instruction, the instruction and system
    prompt opening the example; (None, False, None) otherwise."""
    top = isinstance(obj, dict) and field in obj
    if top:
        container, last = obj, field
    else:
        parent, _, last = field.rpartition(".")
        container = get_field(obj, parent) if parent else obj
        top = not parent
    if not isinstance(container, dict):
        return None, False, None
    for key in ROLE_KEYS:
        if key != last and key in container:
            role = role_name(container[key], known_only=True)
            if role is not None:
                return role, top, None
    if last in ALPACA_ROLES and "instruction" in container and "output" in container:
        return ALPACA_ROLES[last], False, alpaca_prompt(container, last)
    return None, False, None


def record_role(obj: Any, field: str) -> str | None:
    """The role of a record whose text is the plain ``field`` (``record_turn``)."""
    return record_turn(obj, field)[0]


def alpaca_prompt(record: dict, field: str) -> str | None:
    """``Document.previous_turn`` of an Alpaca ``field``: "" for the instruction (and
    system), the instruction's ``turn_hash`` for the input, the instruction and input's
    for the output; None when they are not strings (a reader that did not decode them)."""
    if field in ("instruction", "system"):
        return ""
    parts = [record.get("instruction")] + ([record.get("input") or ""] if field == "output" else [])
    if not all(isinstance(p, str) for p in parts):
        return None
    return turn_hash("\n".join(parts))


def context_hash(before: str, last: str) -> str:
    """``Document.previous_turn`` of a turn of a turn path: a hash of the two turns before
    it (their ``turn_hash``es; ``before`` is "" after an opening turn). One turn is too
    little context: "Thank you!" / "You're welcome! If you have any other questions, feel
    free to ask." closes many different dialogues of a function-calling set, each example
    its own; the whole conversation so far too much: an example repeated turn for turn
    but for its first question (left untranslated) is still the example twice."""
    return turn_hash(f"{before} {last}") if before else last


def turn_hash(text: str) -> str:
    """``Document.previous_turn`` of the turn after ``text`` (whitespace runs count as one space)."""
    return hashlib.blake2b(" ".join(text.split()).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


# Fields naming who speaks in a message of a conversation (OpenAI/HF ``role``, ShareGPT ``from``)
def record_language(obj: Any, options: ReaderOptions) -> tuple[str | None, str | None]:
    """(language, None), or (None, why) when the ``language_field`` that options name
    holds something other than a language tag (``document.language_tag``). Without a
    ``language_field``, the first of ``LANGUAGE_FIELDS`` present and not null is read,
    and a value that is not a language tag there (a code dataset's ``"lang": "Python"``)
    is not a declaration: (None, None)."""
    if options.language_field:
        fields: tuple[str, ...] = (options.language_field,)
    elif isinstance(obj, dict) and not _LANGUAGE_TOPS.isdisjoint(obj):
        fields = LANGUAGE_FIELDS
    else:
        return None, None  # (the common case, checked without a field lookup each)
    for field in fields:
        value = get_field(obj, field)
        if value is _MISSING or value is None:
            continue
        try:
            return language_tag(value), None
        except ValueError as exc:
            return None, (f"field {field!r}: {exc}; the record's language is guessed from its text"
                          if options.language_field else None)
    return None, None


def language_columns(names: list[str], options: ReaderOptions) -> list[str]:
    """The top-level columns of ``names`` that ``record_language`` may read."""
    fields = (options.language_field,) if options.language_field else LANGUAGE_FIELDS
    out = []
    for field in fields:
        top = field if field in names else field.split(".", 1)[0]
        if top in names and top not in out:
            out.append(top)
    return out


def record_id(value: Any, number: int) -> int | str:
    """The record name findings show: an int or str id as is, anything else as str."""
    if value is _MISSING or value is None:
        return number
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        return value
    return str(value)


# -- software messages exported as a table (``ReaderOptions.record_kind``) ---------------

# Columns holding the source string a message's text translates, beside its text: gettext's
# msgid, or the source language's own column ("en", "original": an interface's strings
# exported as a table). The first a file has is ``Document.source``.
SOURCE_FIELDS = ("msgid", "source", "source_text", "original", "en", "en-US", "en_US")
# Columns naming a message (its key) rather than holding text.
KEY_FIELDS = ("id", "key", "msgctxt", "string_id", "message_id", "name")
# Columns naming a record rather than holding its content (lower-cased): never compared by D107.
ID_FIELDS = frozenset({"id", "_id", "idx", "index", "uuid", "guid", "key", "row_id", "record_id", "line"})
# How many records of a file ``message_plan`` reads to decide what its records are, and
# how many it needs to decide that they are messages without being told.
PLAN_SAMPLE = 200
PLAN_MIN_RECORDS = 5
# A message key: the last part of a key column's value (after a "file.ftl:" or "path/"
# prefix) made of ASCII words joined by "-", "_" or "." or written camelCase, opening in
# lower case: Fluent's ``update-failed-main`` and ``aboutDialog-title.title``, a
# .properties file's ``malformedURI2``; not a number, a hash, a title ("Albert_Einstein").
_MESSAGE_KEY_RE = lazy_re(r"[a-z][a-z0-9]*(?:[A-Z][A-Za-z0-9]*|(?:[-_.][A-Za-z][A-Za-z0-9]*)+)"
                          r"(?:[-_.][A-Za-z0-9]+)*")
# Fluent's placeables in a message's text: ``{ $displayUrl }``, ``{ -brand-short-name }``.
FLUENT_PLACEABLE_RE = lazy_re(r"\{ ?[$-][A-Za-z][\w-]*(?:\.[\w-]+)?(?:\([^(){}]*\))? ?\}")
# Messages are interface strings: half of a catalogue's texts have at most this many words
# (Firefox's: 3; Sphinx's: 6); a dataset whose ids happen to read as keys has longer texts.
MESSAGE_MEDIAN_WORDS = 12


@dataclass(frozen=True)
class RecordPlan:
    """What a data file's records are, decided once a file (``message_plan``):
    ``message``: each is one software message (``structure.MESSAGE``, as a .po string);
    ``source_field``: the column holding the source string each translates (None: the
    file has none); ``exclude``: with several text fields, the columns D107 does not
    compare besides the texts (the text fields, the id field; ``ID_FIELDS`` always), the
    rest of the record being compared with them (``Record.others``); None: D107 compares
    the text only. A message is compared whole, its key included (``extras``): two keys
    translated alike are two entries, a row given twice is a copy."""

    message: bool = False
    source_field: str | None = None
    exclude: frozenset[str] | None = None

    @property
    def plain(self) -> bool:
        """Nothing to add to a record (the common case: no per-record work)."""
        return not self.message and self.exclude is None

    def extras(self, obj: Any) -> dict:
        """``Record`` fields of one record ``obj`` (a dict: a JSON object, a CSV row by
        column name): ``message``, ``source``, ``others``."""
        out: dict = {}
        if self.message:
            out["message"] = True
            if self.source_field is not None and isinstance(obj, dict):
                value = get_field(obj, self.source_field)
                if isinstance(value, str) and value:
                    out["source"] = value
        if isinstance(obj, dict):
            if self.message:  # a message is its key and its text: the whole row, its key included
                out["others"] = others_digest(obj, frozenset(self.exclude or ()), ids=True)
            elif self.exclude is not None:
                out["others"] = others_digest(obj, self.exclude)
        return out


def others_digest(obj: dict, exclude: frozenset[str], ids: bool = False) -> str:
    """A digest of the columns of record ``obj`` not in ``exclude`` nor (unless ``ids``)
    ``ID_FIELDS`` (their names and values, in name order): what makes two records with the
    same texts two records (a dictionary's head word with another sense; a message's key)."""
    rest = {k: v for k, v in obj.items() if k not in exclude and (ids or str(k).lower() not in ID_FIELDS)}
    data = json.dumps(rest, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def is_message_key(value: Any) -> bool:
    """Is ``value`` a message's key (``_MESSAGE_KEY_RE``, after its file or path prefix)?"""
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        return False
    last = value.rsplit(":", 1)[-1].rsplit("/", 1)[-1]
    return _MESSAGE_KEY_RE.fullmatch(last) is not None


def message_plan(rows: "list[dict]", options: ReaderOptions) -> RecordPlan:
    """The ``RecordPlan`` of a file whose first records (up to ``PLAN_SAMPLE``, as dicts)
    are ``rows``. Its records are messages when ``record_kind`` says "message", or a
    ``source_field`` is named (and ``record_kind`` is not "text"), or, with "auto", when
    they plainly are (``looks_like_messages``). The source column is ``source_field``,
    else the first of ``SOURCE_FIELDS`` the records have that is not a text field."""
    texts = {top_field(f) for f in options.fields}
    exclude = None
    if options.several:
        exclude = frozenset(texts | ({options.id_field} if options.id_field else set()))
    if options.record_kind == "text" or not rows:
        return RecordPlan(False, None, exclude)
    names: dict = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    source = options.source_field
    if source is None:
        source = next((f for f in SOURCE_FIELDS if f in names and f not in texts), None)
    if options.record_kind == "message" or options.source_field is not None:
        return RecordPlan(True, source, exclude)
    if looks_like_messages(rows, options, source, names):
        return RecordPlan(True, source, exclude)
    return RecordPlan(False, None, exclude)


def looks_like_messages(rows: "list[dict]", options: ReaderOptions, source: str | None, names) -> bool:
    """Are the records ``rows`` (a file's first, as dicts) plainly software messages? A
    ``msgid`` column beside the text (gettext's own name) filled in nine records of ten;
    or, in ``PLAN_MIN_RECORDS`` records at least, another ``SOURCE_FIELDS`` column ("source",
    "en") whose values are mostly different (not a provenance label: "wikipedia") and show
    a program's strings (two hold a printf, ``{0}`` or Fluent placeholder) or sit beside
    message keys; or a key column (``KEY_FIELDS``, or ``id_field``) whose values are
    message keys (``is_message_key``: nine in ten, eight in ten of them different even
    with their digits left out, so not ``doc-0001``, ``doc-0002``...) beside short texts
    (a median of ``MESSAGE_MEDIAN_WORDS`` words at most) or texts of which two hold what
    a program fills in (``program_markup``: Firefox's about dialog, sentences with
    ``{ $displayUrl }``). A detected catalogue must be one: a dataset that is not reads as
    it did."""
    n = len(rows)
    texts = [v for row in rows for f in options.fields if isinstance(v := get_field(row, top_field(f)), str)]
    if not texts:
        return False
    if source == "msgid":  # (gettext's own name: a catalogue of two strings is one too, Sphinx's Tamil)
        return sum(1 for row in rows if isinstance(row.get(source), str) and row[source]) >= 0.9 * n
    if n < PLAN_MIN_RECORDS:
        return False
    key = options.id_field if options.id_field in names else next((f for f in KEY_FIELDS if f in names), None)
    keyed = False
    if key is not None:
        values = [row.get(key) for row in rows]
        keys = [v for v in values if is_message_key(v)]
        keyed = (len(keys) >= 0.9 * n and len({re.sub(r"\d+", "", k) for k in keys}) >= 0.8 * len(keys)
                 and (sorted(len(t.split()) for t in texts)[len(texts) // 2] <= MESSAGE_MEDIAN_WORDS
                      or sum(1 for t in texts if program_markup(t)) >= 2))
    if source is None:
        return keyed
    sources = [v for row in rows if isinstance(v := row.get(source), str) and v]
    if len(sources) < 0.9 * n or len(set(sources)) < 0.8 * len(sources):
        return False
    return keyed or sum(1 for s in sources if program_markup(s)) >= 2


def program_markup(text: str) -> bool:
    """Does ``text`` hold what a program fills in: a printf or ``{0}`` placeholder, a
    Fluent placeable (``{ $displayUrl }``) or element (``data-l10n-name``)?"""
    return (structure.has_placeholder(text) or FLUENT_PLACEABLE_RE.search(text) is not None
            or "data-l10n-name" in text)


def file_plan(reader: "RecordReader", path: str, options: ReaderOptions) -> RecordPlan:
    """``message_plan`` of the data file ``path`` from its first ``PLAN_SAMPLE`` records
    (``reader.rows``), read once a file version (its size and modification time) and
    options; ``RecordPlan()`` without reading when there is nothing to decide (one text
    field, ``record_kind`` "text") or the file cannot be read (its reader reports that)."""
    if options.record_kind == "text" and not options.several:
        return RecordPlan()
    try:
        st = os.stat(path)
    except OSError:
        return RecordPlan()
    return _file_plan(reader, path, st.st_size, st.st_mtime_ns, options)


@functools.lru_cache(maxsize=256)
def _file_plan(reader, path: str, size: int, mtime: int, options: ReaderOptions) -> RecordPlan:
    rows: list[dict] = []
    try:
        for _, row in reader.rows(path, options):
            if isinstance(row, dict):
                rows.append(row)
            if len(rows) >= PLAN_SAMPLE:
                break
    except Exception:  # (a malformed file: its records say why, one F005/F003)
        pass
    return message_plan(rows, options)


class FileProblem(Exception):
    """The whole file cannot give records (e.g. no text column): one F005 finding."""


class RecordReader:
    """Base of the built-in readers: subclasses implement ``records(path, options)``.

    ``documents`` streams: one record at a time from ``records`` (which reads in
    batches), never the whole file; a failure part-way (a truncated archive) becomes
    one F003 finding after the records read so far."""

    format: str = "?"
    suffixes: tuple[str, ...] = ()
    writable: bool = False  # can rewrite the file (check --fix-data, filter output)
    walk: bool = True  # its suffixes are found when walking folders (else: named or included only)
    source_files: bool = False  # its files are sources a project edits (.po): --fix rewrites them without --fix-data

    def records(self, path: str, options: ReaderOptions) -> Iterator[Record]:
        raise NotImplementedError

    def rows(self, path: str, options: ReaderOptions) -> Iterator[tuple[int, dict]]:
        """(number, all fields) of every record, for writing another format."""
        raise NotImplementedError

    def documents(self, source: Source, config) -> Iterator["RecordDocument | ReadProblem"]:
        for _, item in self.numbered_documents(source, config):
            yield item

    def numbered_documents(self, source: Source, config) -> Iterator[tuple[int | None, "RecordDocument | ReadProblem"]]:
        """(record number, document or F005 problem); (None, problem) for the whole file."""
        from . import options_for

        options = options_for(config, self.format, source.path)
        yield from self.guarded(source, lambda: self.records(source.path, options), options.id_field is not None,
                                options.text_format)

    def guarded(self, source: Source, records, by_id: bool, text_format: str = "plain") -> Iterator[
            tuple[int | None, "RecordDocument | ReadProblem"]]:
        """``unique_records`` of ``records()`` (a callable giving ``Record``s), a failure
        part-way ending in one problem (F003/F005), as ``numbered_documents`` gives them. A
        file refused before its first record (no text column) is ``ReadProblem.unread``."""
        given = False  # a record was given: the file was read, if only in part
        try:
            for item in unique_records(source.display, records(), by_id, getattr(source, "language", None),
                                       text_format):
                given = True
                yield item
        except FileProblem as exc:
            yield None, ReadProblem("malformed", str(exc), unread=not given)
        except ImportError:
            yield None, missing_pyarrow(source.path)
        except OSError as exc:
            yield None, ReadProblem("unreadable", f"cannot read file: {exc.strerror or exc}")
        except Exception as exc:  # corrupt archive or file: the records read so far stay checked
            yield None, ReadProblem("unreadable", f"cannot read {self.format} file: {type(exc).__name__}: {exc}")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {', '.join(self.suffixes)}>"


def unique_records(file: str, records: Iterator[Record], by_id: bool = True,
                   language: str | None = None, text_format: str = "plain",
                   ) -> Iterator[tuple[int, "RecordDocument | ReadProblem"]]:
    """(number, document or F005 problem) of ``records``; a record whose id repeats an
    earlier one's is named ``<id>@<number>`` instead (keys must be unique). Names are
    remembered only when records are named ``by_id`` (numbers are unique), so memory
    stays flat without an id field. A record's language is its own (``Record.language``),
    else ``language`` (the file's, from ``per-file-language``); a language field that is
    not a language tag is one F005 problem before the record's document. ``text_format``:
    ``ReaderOptions.text_format``. A chat turn (a record with a ``role``) gets its
    ``previous_turn``: the turn before it in its record's list (a turn path), or the
    record before it in the file when each record is one message (a file of messages is
    read as one conversation, in order); "" for the first turn, a system prompt and the
    turn after it (setup, not an exchange), or what the record says (``record_turn``)."""
    seen: set = set()
    last: str | None = None  # ``turn_hash`` of the previous chat turn
    before: str = ""  # (a turn path: ``turn_hash`` of the turn before ``last``'s)
    for rec in records:
        name = rec.record
        if by_id:
            if str(name) in seen:
                name = f"{name}@{rec.number}"  # the repeated id, at its record number
            seen.add(str(name))
        if rec.problem is not None:
            last = None
            yield rec.number, ReadProblem("malformed", rec.problem, 1, rec.column, record=name)
            continue
        if rec.language_problem is not None:
            yield rec.number, ReadProblem("malformed", rec.language_problem, 1, 1, record=name)
        if rec.bom:
            yield rec.number, ReadProblem("bom", f"UTF-8 byte order mark {rec.bom}", 1, 1, record=name)
        own = rec.language
        previous = None
        if rec.role is None:
            last = None
        elif rec.turn is None and not rec.chain:
            previous = rec.previous_turn  # (an Alpaca field: its record's prompt)
        else:
            if rec.turn == 1:
                last, before = None, ""  # a new conversation
            if rec.role == "system":
                previous = ""  # a system prompt sets the conversation up: the next turn opens it
            elif rec.chain:  # one message a record: the record before (no conversation bounds)
                previous, last = last or "", turn_hash(rec.text)
            else:  # a turn path: the exchange before it, its two previous turns (``context_hash``)
                previous = context_hash(before, last) if last else ""
                before, last = last or "", turn_hash(rec.text)
            if rec.shared_prompt:
                previous = ""  # a preference example's prompt: shared with its other completions by design
        yield rec.number, RecordDocument(file, rec.number, name, rec.text, language if own is None else own,
                                         text_format, rec.turn, rec.role, previous, chat_message=rec.chain,
                                         field=rec.field, part=rec.part, message=rec.message, source=rec.source,
                                         others=rec.others)


# Where a dataset's UTF-8 byte-order mark stands and what it breaks, by reader format
# (``Record.bom``: W110 on record 1, the mark read past; a rewrite keeps it where it was).
BOM_WHERE = {
    "jsonl": "before the record (read without it; a loader reading the line with json.loads fails on it)",
    "json": "before the file's array (read without it; json.load of the file fails on it: "
            "\"Unexpected UTF-8 BOM\")",
    "csv": "before the header row (read without it; Python's csv module reading the file as UTF-8 "
           "names the first column with the mark glued to it)",
}


def mark_bom(records: Iterator[Record], marked: list, fmt: str) -> Iterator[Record]:
    """``records``, record 1's first text marked ``BOM_WHERE[fmt]`` once ``marked`` (filled by
    the reader when the file starts with a UTF-8 byte-order mark) is true; a record 1 that
    cannot be read is its own problem, and the mark is not reported."""
    for rec in records:
        if marked and rec.number == 1 and rec.problem is None:
            marked.clear()  # reported once, with the record's first text
            rec = dataclasses.replace(rec, bom=BOM_WHERE[fmt])
        yield rec


def in_memory_records(items, options: ReaderOptions) -> Iterator[Record]:
    """Records of an iterable of dicts (text in ``options.text_field``) or strings."""
    for number, item in enumerate(items, 1):
        if isinstance(item, str):
            yield Record(number, number, item)
        elif isinstance(item, dict):
            rid = record_id(get_field(item, options.id_field), number) if options.id_field else number
            yield from record_texts(number, rid, item, options)
        else:
            yield Record(number, number, None, f"record is {type(item).__name__}, not a dict or a string")


def missing_pyarrow(path: str) -> ReadProblem:
    return ReadProblem("unreadable", f"reading {os.path.basename(path)} needs pyarrow: "
                                     "pip install 'corpus-quality-lint[parquet]'")
