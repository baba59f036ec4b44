"""Where the checked documents are after the map step: named, not held.

The engine streams documents through the map step and drops them (memory grows with
findings and compact corpus states, never with the text). What comes after the map
still needs a document now and then: a corpus rule's reduce building a finding
(line/column of an offset, a fix's line span), suppressions, fixes, output snippets.
``DocumentStore`` is the mapping they read it from:

* a plain file is remembered as (absolute path, content hash, size in bytes) and read
  again on ``get``, with the regions the map step found in it (``Document.regions``)
  and its line starts (4 bytes a line), so a reduce placing findings does not parse its
  structure or cut its lines again, and the report places a fix's edits (``place``)
  without reading it; regions the map did not find are read from the region cache
  (``index.RegionCache``: a warm run's unchanged files), and those a reduce's filter
  built or took from the map are stored there (``note_regions``, ``new_regions``);
  a file whose content
  hash is no longer the one checked (changed on disk since the map step) gives
  ``None``, so nothing is ever reported or fixed against text that was not checked;
* a record that a Dask worker read from a part of a data file (``add_record``) is
  remembered as (part, content hash, file, number, record) and read again on ``get``
  with the rest of its part (``parts[part]()``: the part's documents, in order), whose
  records are then held as below (up to ``PART_CHARS``), so a part is read again once;
* a record of a data file read here is held as its text, number and name (its
  content hash is made again from them), its other fields (file, language, format, role...) in one tuple shared by the
  records that have the same (``_RecordShape``), ~100 bytes beside its text where a
  bare ``RecordDocument`` took ~300; ``get`` builds the document again;
* documents that cannot be read again (standard input, texts given in memory through
  the Python API) are held whole, without their cached views.

Reads go through a small LRU cache (``CACHE_CHARS`` characters), so a reduce that
builds its findings file by file reads each file once.
"""

from __future__ import annotations

import collections.abc
import itertools
import mmap  # (at import: a run that drops privileges later may not reach lib-dynload)
import os
from collections import OrderedDict
from collections.abc import MutableMapping
from typing import Any, Iterable, Iterator, Mapping, Sequence

from . import files, structure
from .document import Document, line_column

# characters of re-read text kept (recent documents); with their line views such a
# document takes ~3x its text in memory (16 M characters held ~45 MB of Arabic text).
# A reduce reads its targets in path order, each rule again (the cache spans no rule):
# 4 M characters saved 467 of 2,656 reads (0.1 ms each) at 10 MB and held ~11 MB more.
CACHE_CHARS = 500_000
# characters of records read again from Dask parts and then held (``_read_part``, as a local
# run holds every record: ~110 bytes in memory, the text in a temporary file), for the parts
# a reduce reads back (its findings' records), so a part is read again once, not per record.
PART_CHARS = 64_000_000
# bytes of held records' UTF-8 text kept in memory before they are appended to the
# store's temporary file (``HeldRecords``)
HELD_TEXT_BUFFER = 1 << 20


def read_exactly(fh, at: int, n: int) -> bytes:
    """``n`` bytes of the temporary file ``fh`` from offset ``at`` (``os.pread``: no
    shared file position, no mapping); OSError when the file holds fewer."""
    blob = os.pread(fh.fileno(), n, at)
    if len(blob) != n:
        raise OSError(f"temporary file truncated ({len(blob)} of {n} bytes)")
    return blob


class DocumentStore(Mapping[str, Document]):
    """Display path (record key) -> Document, read again on demand (see module doc)."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[str, str, int, str | None]] = {}  # key -> (absolute path, content hash, bytes, language)
        self._regions: dict[str, tuple] = {}  # key -> the file's regions, when the map step computed them
        self._starts: dict[str, tuple] = {}  # key -> (line starts array, byte-order mark), when the map computed them
        self._held: dict[str, Document] = {}
        self._recs = HeldRecords()  # key -> (text, number, record, shape, own): held records, by columns
        self._shapes = self._recs.shapes  # one shared tuple per distinct record shape (``_record_shape``)
        self._records: dict[str, tuple] = {}  # key -> (part, content hash, file, number, record)
        self._part_recs = HeldRecords()  # key -> a record of a part read again, held as ``_recs`` is
        self._part_chars = 0  # characters held there (at most PART_CHARS)
        self.parts: dict = {}  # part -> callable giving the part's documents again (Dask data-file parts)
        self._lru: OrderedDict[str, Document] = OrderedDict()
        self._lru_chars = 0
        self._region_starts: dict[str, list[int]] = {}  # ``outside``: the last file's region starts
        # ``outside``: where regions the map step did not keep are looked up (``index.RegionCache``),
        # the files found there or not, and the files whose regions it used that are not stored there
        self.region_cache = None
        self._regions_looked: set[str] = set()
        self._regions_new: set[str] = set()
        self.changed: set[str] = set()  # files whose content changed since the map step
        # record key -> (data file, record) of records beyond the checked documents, which
        # corpus rules may name (``engine.RunContext.beyond``); never read
        self.beyond: dict[str, tuple] = {}

    # -- filling ----------------------------------------------------------------
    def add_file(self, key: str, path: str, content_hash: str, nbytes: int, regions: list | None = None,
                 language: str | None = None, starts: tuple | None = None) -> None:
        """A plain file checked from ``path`` (read again on demand); ``regions``: its
        ``Document.regions`` if known (set again on the document read back); ``language``:
        its declared language (``files.Source.language``); ``starts``: (its line starts
        as an ``array``, whether it opens with a byte-order mark) if known (``place``; set
        again on the document read back)."""
        self._held.pop(key, None)
        self._recs.pop(key, None)
        self._files[key] = (path, content_hash, nbytes, language)
        self._regions_looked.discard(key)
        self._regions_new.discard(key)
        if regions is not None:
            self._regions[key] = tuple(regions)  # (an empty one is the interpreter's one shared ())
        else:
            self._regions.pop(key, None)
        if starts is not None:
            self._starts[key] = starts
        else:
            self._starts.pop(key, None)

    def hold(self, doc: Document) -> None:
        """A document kept in memory (text only: its cached views are dropped)."""
        self._files.pop(doc.path, None)
        self._regions.pop(doc.path, None)
        self._starts.pop(doc.path, None)
        self._lru.pop(doc.path, None)
        if type(doc) is _record_class():  # (a subclass may carry more: held whole)
            self._held.pop(doc.path, None)
            self._recs[doc.path] = self._compact(doc)
            return
        self._recs.pop(doc.path, None)
        bare = doc
        if doc.__dict__.keys() - _BARE - {"content_hash"}:
            bare = doc.with_text(doc.text)  # the same text object, without the cached views
            if "content_hash" in doc.__dict__:
                bare.__dict__["content_hash"] = doc.__dict__["content_hash"]
        self._held[doc.path] = bare

    def _compact(self, doc) -> tuple:
        """A ``RecordDocument`` as held: (text, number, record, shape, own), ``own`` its
        message source and other columns' digest when it has either (a software message's
        ``source``, D107's ``others``: ``(source, others)``), else None. Not its content
        hash: ``RecordDocument.content_hash`` is made from those fields (text, language,
        format, role, message, source, others), so the document built again has the same
        one; kept, it was a 32-character string a record (~80 bytes) held to the end of the run."""
        source, others = getattr(doc, "source", None), doc.others
        own = None if source is None and others is None else (source, others)
        return (doc.text, doc.number, doc.record, _record_shape(doc), own)

    def add_record(self, key: str, part, content_hash: str, file: str, number: int, record) -> None:
        """A record of a data file read elsewhere from ``part`` (read again on demand
        through ``parts[part]``); ``file``, ``number``, ``record``: its ``RecordDocument``
        fields."""
        self._records[key] = (part, content_hash, file, number, record)

    # -- reading ----------------------------------------------------------------
    def content_hash(self, key: str) -> str | None:
        """The content hash of what was checked for ``key`` (without reading it)."""
        entry = self._files.get(key) or self._records.get(key)
        if entry is not None:
            return entry[1]
        rec = self._recs.get(key)
        if rec is not None:
            return _record_document(rec).content_hash
        doc = self._held.get(key)
        return None if doc is None else doc.content_hash

    def peek(self, key: str) -> Document | None:
        """A held document (record, standard input), never read from disk."""
        doc = self._held.get(key)
        return doc if doc is not None or key not in self._recs else self.get(key)

    def record_of(self, key: str) -> tuple[str, int | str] | None:
        """(data file, record) of the record ``key``, without reading it; None for a file."""
        entry = self._records.get(key)
        if entry is not None:
            return entry[2], entry[4]
        named = self._recs.name_of(key)
        if named is not None:
            return named
        doc = self._held.get(key)
        if doc is None:
            return self.beyond.get(key)
        return (doc.file, doc.record) if getattr(doc, "record", None) is not None else None

    def is_file(self, key: str) -> bool:
        return key in self._files

    def outside(self, key: str, start: int, end: int, kinds) -> bool | None:
        """``Document.outside(start, end, kinds)`` of the file ``key`` as checked, from the
        regions the map step found in it (the ones ``get`` sets on the document it reads
        back) or else from ``region_cache`` (``index.RegionCache``: a warm run's unchanged
        files), without reading the file again; None when they were not kept (a record, a
        document no rule asked the regions of and not cached, a file already found changed
        on disk): the caller then computes them and gives them to ``note_regions``."""
        if key not in self._files or key in self.changed:
            return None
        regions = self._regions.get(key)
        if regions is None:
            if self.region_cache is None or key in self._regions_looked:
                return None
            self._regions_looked.add(key)
            _, content_hash, nbytes, _ = self._files[key]
            regions = self.region_cache.get(key, content_hash, nbytes)
            if regions is None:
                return None
            self._regions[key] = regions  # (``get`` sets them on the document it reads back too)
        elif key not in self._regions_looked:
            self._regions_new.add(key)  # the map step's: stored for the next run (``new_regions``)
        starts = self._region_starts.get(key)
        if starts is None:  # (the findings of a reduce come file by file: the last file's kept)
            self._region_starts = {key: (starts := [r.start for r in regions])}
        return structure.outside(regions, starts, start, end, kinds)

    def note_regions(self, key: str, doc: Document) -> None:
        """``doc`` (the file ``key`` as checked, read again by ``get``) had its regions
        computed to filter findings: kept for ``outside`` (the file's next findings) and
        stored for the next run (``new_regions``)."""
        regions = doc.__dict__.get("regions")
        if regions is not None and key in self._files and key not in self.changed:
            self._regions[key] = tuple(regions)
            self._regions_looked.add(key)
            self._regions_new.add(key)

    def new_regions(self) -> list[tuple[str, str, tuple]]:
        """(display path, content hash, regions) of the files whose regions ``outside``
        used in this run and did not find in ``region_cache``; emptied."""
        out = [(key, self._files[key][1], self._regions[key]) for key in sorted(self._regions_new)
               if key in self._files and key not in self.changed and key in self._regions]
        self._regions_new.clear()
        return out

    def place(self, key: str):
        """``Document.place`` of the file ``key`` as checked (an offset -> its 1-based (line,
        column)), from the line starts the map step kept, without reading the file again;
        None when they were not kept (a record, a document no finding was placed in during
        the map, a file already found changed on disk)."""
        kept = self._starts.get(key) if key in self._files and key not in self.changed else None
        if kept is None:
            return None
        starts, bom = kept
        return lambda offset: line_column(starts, offset, bom=bom)

    def __getitem__(self, key: str) -> Document:
        doc = self.get(key)
        if doc is None:
            raise KeyError(key)
        return doc

    def get(self, key: str, default=None):  # type: ignore[override]
        held = self._held.get(key)
        if held is not None:
            return held
        if key in self.changed:
            return default
        doc = self._lru.get(key)
        if doc is not None:
            self._lru.move_to_end(key)
            if "regions" not in doc.__dict__ and key in self._regions:  # (found since it was read: a warm run's cache)
                doc.__dict__["regions"] = list(self._regions[key])
            return doc
        rec = self._recs.get(key) or self._part_recs.get(key)
        if rec is not None:
            doc = _record_document(rec)
            self._keep(key, doc)
            return doc
        if key in self._records:
            return self._read_part(key, default)
        entry = self._files.get(key)
        if entry is None:
            return default
        path, content_hash, _, language = entry
        loaded = files.load(files.Source(path, key, language=language))
        if not isinstance(loaded, Document) or loaded.content_hash != content_hash:
            self.changed.add(key)  # changed on disk since it was checked: nothing refers to it
            return default
        regions = self._regions.get(key)
        if regions is not None:  # what the map step found in this very content
            loaded.__dict__["regions"] = list(regions)
        kept = self._starts.get(key)
        if kept is not None:
            loaded.__dict__["_line_starts"] = kept[0].tolist()
        self._keep(key, loaded)
        return loaded

    def _keep(self, key: str, doc: Document) -> None:
        self._lru[key] = doc
        self._lru_chars += len(doc.text)
        while self._lru_chars > CACHE_CHARS and len(self._lru) > 1:
            _, old = self._lru.popitem(last=False)
            self._lru_chars -= len(old.text)

    def _read_part(self, key: str, default):
        """``key``'s record, read again with its part; a record whose content changed gives
        ``default``. The part's records are then held as a record read here is (text and
        name), up to ``PART_CHARS`` characters in all, beyond that kept in the LRU cache as
        far as it holds them: a reduce asks for records in its own order, not the part's,
        and reading a part again for each (D104/D107 on a file of copies) took the Dask
        run of fresh17's 1,040 records past 19 minutes against 30 s locally."""
        part = self._records[key][0]
        found = None
        for doc in self.parts[part]():
            entry = self._records.get(doc.path)
            if entry is None or entry[0] != part:
                continue
            if doc.content_hash != entry[1]:
                self.changed.add(doc.path)
                continue
            if self._part_chars < PART_CHARS and type(doc) is _record_class():
                if doc.path not in self._part_recs:
                    self._part_recs[doc.path] = self._compact(doc)
                    self._part_chars += len(doc.text)
            elif doc.path not in self._lru:
                self._keep(doc.path, doc)
            if doc.path == key:
                found = doc
        if found is None:
            self.changed.add(key)
            return default
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._files or key in self._held or key in self._recs or key in self._records

    def __iter__(self) -> Iterator[str]:
        yield from self._files
        yield from self._held
        yield from self._recs
        yield from self._records

    def __len__(self) -> int:
        return len(self._files) + len(self._held) + len(self._recs) + len(self._records)

    def records(self) -> int:
        """How many records of data files were checked: a record read as several text
        fields (``--text-field instruction,output``) is one record, not one per field.
        A record's field documents arrive one after another, so a record is counted
        where (file, number) changes, without a set of them."""
        count, last = 0, None
        for entry in self._records.values():
            if (entry[2], entry[3]) != last:
                count, last = count + 1, (entry[2], entry[3])
        for file, number in self._recs.files_and_numbers():
            if (file, number) != last:
                count, last = count + 1, (file, number)
        for doc in self._held.values():
            if getattr(doc, "record", None) is not None and (doc.file, doc.number) != last:
                count, last = count + 1, (doc.file, doc.number)
        return count


class HeldRecords:
    """The records a ``DocumentStore`` holds (``hold``), by columns: ``{key: (text,
    number, record, shape, own)}`` as ``DocumentStore._compact`` gives them, stored as each
    key's position (one dict), its text in one UTF-8 buffer (``surrogatepass``: a lone
    surrogate a JSON string may hold comes back) with its end in an ``array('Q')``, its
    number in an ``array('q')``, its shape's number in an ``array('I')`` (one shared
    tuple per distinct shape, ``shapes``; a chat turn's own previous turn makes its shape
    its own) and its name as ``key[len(file) + 1:]`` (a reader's ``file#record`` key), as
    its number, or else in ``other``, and ``own`` (a message's source, other columns'
    digest) when not None in ``own``. Was a tuple, the text, number and name objects and
    a dict entry: ~490 bytes a record of fresh24's paragraph records (~165 characters),
    held to the end of the run; here ~110 bytes beside the text's UTF-8 bytes.
    ``get`` and ``[key]`` give the tuple again (new objects each time).

    The text does not stay in memory: once the buffer holds ``HELD_TEXT_BUFFER`` bytes
    it is appended to an unnamed temporary file (in ``TMPDIR``, removed when closed or
    at exit) and a record's bytes are read back with ``os.pread`` when asked for (the
    buffer is written whole, so a record's bytes are in the file or in the buffer,
    never split). A run over 100 MB of JSON Lines records held 100 MB of their text to
    its end. When the file cannot be made or written (no space, no temporary folder), or
    in a forked process that did not make it (its writes would land in its parent's
    file), the text stays in the buffer, as before."""

    __slots__ = ("_pos", "_text", "_ends", "_numbers", "_shape_of", "_kind", "shapes", "_shape_list", "_shape_ids",
                 "other", "own", "_gone", "_file", "_written", "_owner")

    def __init__(self) -> None:
        from array import array

        self._pos: dict[str, int] = {}
        self._text = bytearray()
        self._ends = array("Q")
        self._numbers = array("q")
        self._shape_of = array("I")
        self._kind = bytearray()  # the name: 0 as the key's tail, 1 the number, 2 in ``other``
        self.shapes: dict[tuple, tuple] = {}  # one shared tuple per distinct shape
        self._shape_list: list[tuple] = []
        self._shape_ids: dict[int, int] = {}  # id(shared shape) -> its number
        self.other: dict[int, Any] = {}  # position -> a name neither the key's tail nor the number
        self.own: dict[int, tuple] = {}  # position -> (source, others) of a record that has either
        self._gone = 0  # positions whose key was popped or held again
        self._file = None  # the temporary file of the text written out (made on first use)
        self._written = 0  # bytes of text in it: ``_text`` holds the text from this offset on
        self._owner: int | None = os.getpid()  # the process that writes the file (None: none does)

    def __setitem__(self, key: str, rec: tuple) -> None:
        text, number, record, shape, own = rec
        was = self._pos.get(key)
        if was is not None:  # (held again: the key keeps its place in the order, its old entry is left unused)
            self.other.pop(was, None)
            self.own.pop(was, None)
            self._gone += 1
        at = len(self._ends)
        if shape[5] is None:  # (no previous turn of its own: shared)
            shape = self.shapes.setdefault(shape, shape)
            sid = self._shape_ids.get(id(shape))
            if sid is None:
                sid = self._shape_ids[id(shape)] = len(self._shape_list)
                self._shape_list.append(shape)
        else:
            sid = len(self._shape_list)
            self._shape_list.append(shape)
        if type(record) is str and len(key) == len(shape[0]) + 1 + len(record) and key.endswith(record) \
                and key.startswith(shape[0]) and key[len(shape[0])] == "#":
            kind = 0
        elif type(record) is int and record == number:
            kind = 1
        else:
            kind = 2
            self.other[at] = record
        self._text += text.encode("utf-8", "surrogatepass")
        self._ends.append(self._written + len(self._text))
        if len(self._text) >= HELD_TEXT_BUFFER:
            self._write_out()
        self._numbers.append(number)
        self._shape_of.append(sid)
        self._kind.append(kind)
        if own is not None:
            self.own[at] = own
        self._pos[key] = at

    def get(self, key: str, default=None):
        at = self._pos.get(key)
        if at is None:
            return default
        return self._entry(key, at)

    def __getitem__(self, key: str) -> tuple:
        return self._entry(key, self._pos[key])

    def name_of(self, key: str) -> tuple[str, int | str] | None:
        """(data file, record) of the held record ``key`` (its text not decoded), or None."""
        at = self._pos.get(key)
        if at is None:
            return None
        file = self._shape_list[self._shape_of[at]][0]
        kind = self._kind[at]
        return file, key[len(file) + 1 :] if kind == 0 else self._numbers[at] if kind == 1 else self.other[at]

    def _entry(self, key: str, at: int) -> tuple:
        start, end = self._ends[at - 1] if at else 0, self._ends[at]
        if start >= self._written:
            text = self._text[start - self._written : end - self._written].decode("utf-8", "surrogatepass")
        else:
            text = read_exactly(self._file, start, end - start).decode("utf-8", "surrogatepass")
        number = self._numbers[at]
        shape = self._shape_list[self._shape_of[at]]
        kind = self._kind[at]
        record = key[len(shape[0]) + 1 :] if kind == 0 else number if kind == 1 else self.other[at]
        return (text, number, record, shape, self.own.get(at))

    def pop(self, key: str, default=None):
        at = self._pos.get(key)
        if at is None:
            return default
        rec = self._entry(key, at)
        del self._pos[key]
        self.other.pop(at, None)
        self.own.pop(at, None)
        self._gone += 1
        return rec

    def __contains__(self, key: object) -> bool:
        return key in self._pos

    def __iter__(self) -> Iterator[str]:
        return iter(self._pos)

    def __len__(self) -> int:
        return len(self._pos)

    @property
    def text_bytes(self) -> int:
        """Bytes of UTF-8 text held, in the temporary file and the buffer."""
        return self._written + len(self._text)

    def _write_out(self) -> None:
        """The buffer appended to the temporary file (made on first use), then emptied;
        kept when the file cannot be made or written (see the class doc): the text
        written before stays there, what follows stays in memory."""
        if os.getpid() != self._owner:
            return
        try:
            if self._file is None:
                import tempfile

                self._file = tempfile.TemporaryFile(prefix="corpuslint-records-", buffering=0)
            view, at = memoryview(self._text), 0
            try:
                while at < len(view):  # (positioned writes: one may write less)
                    at += os.pwrite(self._file.fileno(), view[at:], self._written + at)
            finally:
                view.release()
        except OSError:
            self._owner = None  # (no more writes: a partial one past ``_written`` is never read)
            return
        self._written += len(self._text)
        self._text = bytearray()

    def files_and_numbers(self) -> Iterator[tuple[str, int]]:
        """(data file, record number) of each record held, in the order they were held."""
        shapes, numbers, shape_of = self._shape_list, self._numbers, self._shape_of
        for at in self._pos.values():
            yield shapes[shape_of[at]][0], numbers[at]


_BARE = frozenset({"path", "text", "suffix", "file", "number", "record"})


def _record_class() -> type:
    from .readers.base import RecordDocument

    return RecordDocument


def _record_shape(doc) -> tuple:
    """The fields of a ``RecordDocument`` other than its text, number and name that most
    records of a file share: what ``RecordDocument.with_text`` passes on (and the
    Markdown-or-not of an "auto" record, once decided), but a message's source and the other
    columns' digest (``DocumentStore._compact``: each record's own)."""
    return (doc.file, doc.language, doc.text_format, doc.turn, doc.role, doc.previous_turn, doc.chat_message,
            doc.field, doc._suffix, doc.part, doc.message)


def _record_document(rec: tuple) -> Document:
    """The ``RecordDocument`` a held record (``DocumentStore.hold``) was: as its bare copy
    (``with_text``) was; its content hash is made again from the same fields."""
    text, number, record, shape, own = rec
    file, language, text_format, turn, role, previous, chat, field, suffix, part, message = shape
    source, others = own if own is not None else (None, None)
    doc = _record_class()(file, number, record, text, language, text_format, turn, role, previous, chat, field, part,
                          message, source, others)
    if suffix is not None:
        doc._suffix = suffix
    return doc


class Spilled(int):
    """Where ``StateSpill`` wrote one state: (``offset``, ``length``) in its file. With a
    ``group`` (a dict of arrays), that is its header, and its arrays are in the group's
    columns (see ``StateSpill.put``). ``shared``: held by several rules (the spelling
    rules' one state), set by the engine (``as_shared``).

    One int (56 bytes by ``sys.getsizeof``): a run holds one per corpus rule and record
    until the reduces; as an object of four slots and two ints (~136 bytes) they
    were 31 MB of fresh19's 65 k records (321,761 references), long-lived small objects
    among the map's temporaries. Bits: offset 0-47, length 48-87, shared 88, the group's
    number (``_GROUPS``, 0: none) from 89, and a top bit so that no reference is 0."""

    __slots__ = ()

    def __new__(cls, offset: int, length: int, group: str | None = None, shared: bool = False):
        if not (0 <= offset < 1 << 48 and 0 <= length < 1 << 40):
            raise ValueError(f"spilled state out of range: offset {offset}, length {length}")
        gid = 0 if group is None else _GROUP_IDS.get(group) or _group_id(group)
        return int.__new__(cls, offset | length << 48 | bool(shared) << 88 | gid << 89 | 1 << 104)

    @property
    def offset(self) -> int:
        return int(self) & 0xFFFF_FFFF_FFFF

    @property
    def length(self) -> int:
        return int(self) >> 48 & 0xFF_FFFF_FFFF

    @property
    def shared(self) -> bool:
        return bool(int(self) >> 88 & 1)

    @property
    def group(self) -> str | None:
        return _GROUPS[int(self) >> 89 & 0x7FFF]

    def as_shared(self) -> "Spilled":
        """This reference, marked as held by several rules (counted by ``engine._Unspill``)."""
        return self if self.shared else int.__new__(Spilled, int(self) | 1 << 88)

    def __getnewargs__(self):
        return self.offset, self.length, self.group, self.shared

    def __repr__(self) -> str:
        return f"Spilled({self.offset}, {self.length}, {self.group!r}, shared={self.shared})"


_GROUPS: list[str | None] = [None]  # a ``Spilled`` group's number -> its name (rule codes: a few)
_GROUP_IDS: dict[str, int] = {}


def _group_id(group: str) -> int:
    if len(_GROUPS) >= 0x8000:
        raise ValueError("too many spill groups")
    _GROUP_IDS[group] = len(_GROUPS)
    _GROUPS.append(group)
    return _GROUP_IDS[group]


class _Column:
    """One temporary file holding one field (of one dtype) of every state of a group,
    appended state by state."""

    __slots__ = ("end", "fh")

    def __init__(self) -> None:
        import tempfile

        self.fh = tempfile.TemporaryFile(prefix="corpuslint-states-")
        self.end = 0

    def append(self, a) -> int:
        """``a`` (a numpy array of any shape) written at the column's end: where it starts.
        (Written as the array, without a view of its bytes made first: a record's state of
        13 fields made 39 numpy calls for it.)"""
        at = self.end
        self.fh.write(a if a.flags.c_contiguous else a.copy(order="C"))
        self.end += a.nbytes
        return at

    def read(self, lo: int, hi: int):
        """Bytes ``lo:hi`` of the column, read into a uint8 array of their own."""
        import numpy as np

        from .codec import CodecError

        self.fh.flush()
        buf = np.empty(hi - lo, dtype=np.uint8)
        got = 0
        while got < hi - lo:  # (one read may return less: very large columns)
            n = os.preadv(self.fh.fileno(), [buf[got:]], lo + got)
            if n <= 0:
                raise CodecError("spilled state truncated")
            got += n
        return buf

    def mapped(self, lo: int, hi: int):
        """Bytes ``lo:hi`` of the column as a read-only uint8 array mapped from the file
        (``mmap``): pages are read when first touched and can be dropped again
        (``arrays.release_pages``), so a reduce that reads a column sparsely (a shingle
        set per candidate pair) never holds it whole. The mapping outlives ``close``."""
        import numpy as np

        self.fh.flush()
        start = lo - lo % mmap.ALLOCATIONGRANULARITY
        mm = mmap.mmap(self.fh.fileno(), hi - start, access=mmap.ACCESS_READ, offset=start)
        return np.frombuffer(mm, dtype=np.uint8)[lo - start :]


_SPILL_TOKENS = itertools.count()
_PENDING_MAX = 1 << 20  # bytes ``StateSpill._write`` gathers before writing them to its file


class StateSpill:
    """Corpus-rule states written to unnamed temporary files during the map step and
    read back one rule at a time for its reduce, so a run holds the states of the rule
    being reduced, not every rule's states for the whole run (they were ~3x the text).

    States are encoded with the data-only codec (``corpuslint.codec``, never pickle);
    ``put`` gives a ``Spilled`` reference, or the state itself when the codec does not
    store it (a plugin's own state type: kept in memory) or it is None. ``get`` decodes
    a reference; a dict of arrays (the duplicate rules' states) comes back as writable
    arrays of its own, as ``collect`` made it. The files are removed when closed (or
    when the process exits).

    A dict of arrays put with a ``group`` (the engine passes the rule's code) is stored
    by columns: each field (of one dtype) of every state of the group in a file of its
    own, the state's header in the main file: its schema's number (``_schemas``: the
    group and each field's name, dtype and number of dimensions, kept in memory, for
    the spill is this process's own), then each field's shape and place in its column,
    as int64 numbers (a header of names and dtype strings packed and parsed per state was
    ~2/3 of the spill's cost for a short record's states). ``get_many`` then maps a
    column once (read-only, ``mmap``) and gives each state views of it: pages are read
    when a reduce touches them, so one that reads a field sparsely (D104/D105 verify a
    shingle set per candidate pair) or band by band (LSH keys, ``arrays.release_pages``)
    never holds the column whole, and the states of a rule cost no memory before its
    reduce reads them (read back document by document, they raised the peak RSS by
    about their size, ~33 MB at 30 MB of text; read into one array per column, by that
    size again at 100 MB: ~150 MB)."""

    def __init__(self) -> None:
        import tempfile

        self._fh = tempfile.TemporaryFile(prefix="corpuslint-states-", buffering=0)
        self._end = 0
        # what ``_write`` was given and not written yet: the main file gets one write per
        # ~1 MB (a short record's state header is ~100 bytes: one system call each was ~8%
        # of the spill's cost); read back or forked only after ``_drain``
        self._pending = bytearray()
        self._written = 0  # the file's length (``_end`` - len(_pending))
        self.token = next(_SPILL_TOKENS)  # names this spill for the run (``SpilledStates.content_key``)
        self._columns: dict[tuple[str, str, str], _Column] = {}  # (group, field, dtype) -> its column
        # (group, ((field, dtype str, ndim), ...)) -> its number, and by number: that key,
        # each field's (column key, dtype, ndim) and the count of a header's numbers
        self._schema_ids: dict[tuple, int] = {}
        self._schemas: list[tuple] = []
        self._schema_fields: list[list[tuple]] = []
        self._schema_sizes: list[int] = []
        self.bytes = 0  # bytes written (benchmarks)

    def put(self, state, group: str | None = None):
        """``Spilled`` for ``state`` written now; ``state`` itself when not storable or None.
        ``group``: store a dict of arrays by columns (see the class doc)."""
        from .codec import CodecError, dumps

        if state is None:
            return None
        if group is not None and _arrays(state):
            return self._put_columns(state, group)
        try:
            blob = dumps(state)
        except CodecError:
            return state
        return self.put_blob(blob)

    def put_blob(self, blob: bytes, group: str | None = None) -> Spilled:
        """``Spilled`` for a state already encoded with ``codec.dumps`` (by a worker);
        with ``group``, a dict of arrays goes to the group's columns (see ``put``)."""
        from .codec import MAGIC_ARRAYS, loads

        if group is not None and blob[:4] == MAGIC_ARRAYS:
            state = loads(blob)  # (views of the blob: written to the columns, not kept)
            if _arrays(state):
                return self._put_columns(state, group)
        return Spilled(self._write(blob), len(blob))

    def _write(self, blob: bytes) -> int:
        at = self._end
        self._end += len(blob)
        self.bytes += len(blob)
        if len(blob) >= _PENDING_MAX:
            self._drain()
            self._write_out(blob)
            return at
        self._pending += blob
        if len(self._pending) >= _PENDING_MAX:
            self._drain()
        return at

    def _write_out(self, blob) -> None:
        view = memoryview(blob)
        while view:
            view = view[self._fh.write(view):]
        self._written += len(blob)

    def _drain(self) -> None:
        """Write out what ``_write`` holds (before the file is read, or the process forks)."""
        if self._pending:
            self._write_out(self._pending)
            self._pending = bytearray()

    def _put_columns(self, state: dict, group: str) -> Spilled:
        from array import array

        key = (group, tuple((name, a.dtype.str, a.ndim) for name, a in state.items()))
        sid = self._schema_ids.get(key)
        if sid is None:
            sid = self._schema(key)
        numbers = [sid]
        for a, (column_key, _dtype, _ndim) in zip(state.values(), self._schema_fields[sid]):
            column = self._columns.get(column_key)
            if column is None:
                column = self._columns[column_key] = _Column()
            numbers += a.shape
            numbers.append(column.append(a) if a.nbytes else 0)
            self.bytes += a.nbytes
        blob = array("q", numbers).tobytes()
        return Spilled(self._write(blob), len(blob), group)

    def _schema(self, key: tuple) -> int:
        """The number of the schema ``key`` (group, ((field, dtype str, ndim), ...)), new."""
        import numpy as np

        group, fields = key
        sid = self._schema_ids[key] = len(self._schemas)
        self._schemas.append(key)
        self._schema_fields.append([((group, name, dtype), _DTYPES.setdefault(dtype, np.dtype(dtype)), ndim)
                                    for name, dtype, ndim in fields])
        self._schema_sizes.append(1 + sum(ndim + 1 for _, _, ndim in fields))
        return sid

    def get(self, ref: Spilled):
        """The state ``ref`` names, decoded (raises ``CodecError`` if the file was damaged)."""
        if ref.group is not None:
            return self.get_many([ref], own=True)[0]
        import numpy as np

        from .codec import CodecError, loads

        if ref.offset + ref.length > self._written:
            self._drain()
        blob = os.pread(self._fh.fileno(), ref.length, ref.offset)
        if len(blob) != ref.length:
            raise CodecError("spilled state truncated")
        state = loads(blob)
        if isinstance(state, dict) and blob[:4] == b"CLA1":  # views of the blob: own arrays instead
            state = {k: np.array(v) for k, v in state.items()}
        return state

    def get_many(self, refs: list[Spilled], own: bool = False) -> list:
        """The states ``refs`` name, in order (``get`` of each). A state stored by columns
        comes back as a ``ColumnState``: a mapping whose arrays are read-only views of one
        array per column (the span of it these states cover, mapped from the column's
        file: ``_Column.mapped``), made when a field is asked for (an empty array is an
        array of its own); with ``own``, a dict of writable copies of its own instead."""
        from array import array

        import numpy as np

        from .codec import CodecError, _count

        out: list = [None] * len(refs)
        # each state's index in refs, schema and where its numbers start in ``ints``, as arrays (a
        # tuple of three ints a state was ~100 bytes a record until the states were made, rec43)
        lazy, lazy_sid, lazy_start = array("q"), array("q"), array("q")
        headers: dict[int, tuple[int, list[int]]] = {}  # (``own``: each state's schema and numbers)
        # a state's header numbers (each field's shape, then its offset in its column), in
        # one array for every state: a parsed header held per state (lists, strings) and a
        # dict of views made at once cost ~6 KB a D104 state (65 k records: +255 MB at its reduce);
        # int32 while every number fits (a column under 2 GiB), else int64: a D104 state's 29
        # numbers are ~116 bytes, not ~232 (held through its reduce, a record each)
        ints = array("i")
        schemas: dict[tuple, int] = {}  # the spill's schema key -> its number in this call (``_ColumnSource``)
        local: dict[int, int] = {}  # the spill's schema number -> its number in this call
        spans: dict[tuple[str, str, str], list[int]] = {}  # column -> [first byte, end] of what is read
        users: dict[tuple[str, str, str], int] = {}  # column -> states with a non-empty field in it
        window: list = [0, b""]  # (the main file's bytes read last: headers are read ~256 KB at a time)
        fields_of = self._schema_fields
        for k, ref in enumerate(refs):
            if ref.group is None:
                out[k] = self.get(ref)
                continue
            sid, numbers = self._header(ref, window)
            if own:
                headers[k] = (sid, numbers)
            else:
                mine = local.get(sid)
                if mine is None:
                    mine = local[sid] = schemas.setdefault(self._schemas[sid], len(schemas))
                lazy.append(k)
                lazy_sid.append(mine)
                lazy_start.append(len(ints))
                ints = _extended(ints, numbers[1:])
            at = 1
            for key, dt, ndim in fields_of[sid]:
                nbytes = dt.itemsize
                for d in numbers[at : at + ndim]:
                    nbytes *= d
                lo = numbers[at + ndim]
                at += ndim + 1
                if nbytes:
                    span = spans.get(key)
                    if span is None:
                        spans[key] = [lo, lo + nbytes]
                    else:
                        if lo < span[0]:
                            span[0] = lo
                        if lo + nbytes > span[1]:
                            span[1] = lo + nbytes
                    if not own:
                        users[key] = users.get(key, 0) + 1
        read: dict[tuple[str, str, str], np.ndarray] = {}
        for key, (lo, hi) in spans.items():
            column = self._columns.get(key)
            if column is None or hi > column.end:
                raise CodecError("spilled state truncated")
            read[key] = column.read(lo, hi) if own else column.mapped(lo, hi)
        if lazy:
            src = _ColumnSource(read, {key: lo for key, (lo, _) in spans.items()}, ints, schemas, users)
            for k, sid, start in zip(lazy, lazy_sid, lazy_start):
                out[k] = ColumnState(src, sid, start)
        for k, (sid, numbers) in headers.items():
            state, at = {}, 1
            for key, dt, ndim in fields_of[sid]:
                name = key[1]  # (a column's key: group, field, dtype)
                shape = tuple(numbers[at : at + ndim])
                offset = numbers[at + ndim]
                at += ndim + 1
                nbytes = _count(shape) * dt.itemsize
                if not nbytes:
                    state[name] = np.empty(shape, dtype=dt)
                    continue
                lo = spans[key][0]
                state[name] = read[key][offset - lo : offset - lo + nbytes].view(dt).reshape(shape).copy()
            out[k] = state
        return out

    def _header(self, ref: Spilled, window: list | None = None) -> tuple[int, list[int]]:
        """The header of a state stored by columns: (its schema's number, its numbers: that
        number, then each field's shape and offset in its column), checked (a known
        schema, as many numbers as it has, none negative). ``window``: [offset, bytes] of
        the main file read last, reused and replaced here (``get_many``: one read per
        ``_HEADER_WINDOW`` bytes, not one per state)."""
        from array import array

        from .codec import CodecError

        if ref.offset + ref.length > self._written:
            self._drain()
        if window is None:
            blob = os.pread(self._fh.fileno(), ref.length, ref.offset)
        else:
            lo, buf = window
            if not (lo <= ref.offset and ref.offset + ref.length <= lo + len(buf)):
                lo, buf = ref.offset, os.pread(self._fh.fileno(), max(ref.length, _HEADER_WINDOW), ref.offset)
                window[0], window[1] = lo, buf
            blob = buf[ref.offset - lo : ref.offset - lo + ref.length]
        if len(blob) != ref.length:
            raise CodecError("spilled state truncated")
        numbers = array("q")
        if len(blob) % numbers.itemsize:
            raise CodecError("spilled state damaged: a header of a partial number")
        numbers.frombytes(blob)
        numbers = numbers.tolist()
        sid = numbers[0] if numbers else -1
        if not 0 <= sid < len(self._schemas) or len(numbers) != self._schema_sizes[sid] or min(numbers) < 0:
            raise CodecError("spilled state damaged: a header that matches no schema of the spill")
        return sid, numbers

    def flush(self) -> None:
        """Write out what the columns' file buffers hold (before a fork: a child that
        reads a column flushes its copy of the buffer too, into the same file)."""
        self._drain()
        for column in self._columns.values():
            column.fh.flush()

    def close(self) -> None:
        self._pending = bytearray()
        self._fh.close()
        for column in self._columns.values():
            column.fh.close()
        self._columns.clear()


class FindingSpill:
    """Findings written to an unnamed temporary file as a run's reduces make them, read
    back once for the report (``read``), so the findings of the map and of the rules
    reduced before are not held while a later rule reduces. At 100 MB of text (bench_scale)
    the 85 k findings held ~30 MB of small objects through S101's and S103's reduces
    (S101's 20.8 k ~720 bytes each with their fixes and distinct messages, S103's 54.6 k
    ~240 bytes), where the run peaked.

    Rows are msgpack data (never pickle), written by this process (or one it forked) and
    read by this one; a finding whose values msgpack does not store (a plugin's record id
    of its own type) is held in memory and comes back in its place. ``read`` gives the
    findings in the order they were added, grouped by key (the map's, then each corpus
    rule's in rule order), equal in every field; equal messages, paths and related
    locations are again one object each (``findings.share_messages``'s sharing).

    A process forked to reduce rules (a reduce lane) writes to a ``part`` of its own and
    sends back only where its rows are (``sent``), which the parent ``adopt``s: at 100 MB
    with jobs 2 the children pickled their findings back (S103's 54.6 k) and the parent read
    them whole, while S101 held its own to its end: both processes peaked at ~230 MB
    (2.24x the text), now 185 MB."""

    def __init__(self) -> None:
        import tempfile

        import msgpack

        # unbuffered, one write a call of ``extend``: nothing waits in a buffer that a
        # process forked for a reduce could write again
        self._fh = tempfile.TemporaryFile(prefix="corpuslint-findings-", buffering=0)
        self._packer = msgpack.Packer(use_bin_type=True)
        self._held: list = []  # findings msgpack does not store, in order (a row ``[i]`` names one)
        self._size = 0  # bytes written to ``_fh``
        # where the rows are, in the order written: [key, file, start, end, held], one
        # key's rows in one file each (a rule's code; None: the map's)
        self._parts: list[list] = []
        self._others: list = []  # the spills made by ``part`` (closed with this one)
        self.count = 0

    def extend(self, found: "Iterable", key: "str | None" = None) -> None:
        """Write ``found`` (findings) at the end of the spill, as ``key``'s (a corpus rule's
        code, None for the map's: ``read`` gives them in the order of their keys)."""
        pack, rows = self._packer.pack, bytearray()
        write = rows.extend
        for f in found:
            fix = f.fix
            try:
                write(pack([f.code, f.rule, f.family, f.severity.value, f.message, f.path, f.record, f.start, f.end,
                            f.line, f.column, f.end_line, f.end_column,
                            None if fix is None else [fix.applicability.value, fix.independent,
                                                      [[e.start, e.end, e.replacement] for e in fix.edits]],
                            [[r.path, r.line, r.column, r.record] for r in f.related]]))
            except (AttributeError, TypeError, ValueError, OverflowError):  # (not msgpack data: kept as it is)
                self._held.append(f)
                write(pack([len(self._held) - 1]))
            self.count += 1
        if not rows:
            return
        view = memoryview(rows)
        while view:
            view = view[self._fh.write(view):]
        start, self._size = self._size, self._size + len(rows)
        last = self._parts[-1] if self._parts else None
        if last is not None and last[0] == key and last[1] is self._fh and last[3] == start:
            last[3] = self._size
        else:
            self._parts.append([key, self._fh, start, self._size, self._held])

    def part(self) -> "FindingSpill":
        """A new spill (a file of its own) for a process forked to fill it (a reduce lane:
        ``engine.Linter._reduce_in_lanes``); the child sends back ``sent()``, which this
        spill ``adopt``s."""
        other = FindingSpill()
        self._others.append(other)
        return other

    def sent(self) -> tuple:
        """What a forked process that filled this spill sends back for ``adopt``: where its
        rows are (key, start, end) and the findings it held (not msgpack data), a few
        bytes where the findings themselves would be ~250 bytes each."""
        return [(key, start, end) for key, _, start, end, _ in self._parts], self._held, self.count

    def adopt(self, other: "FindingSpill", sent: tuple) -> None:
        """Take the rows a forked process wrote to ``other`` (one of ``part()``'s), as it
        described them (``sent()``), after the rows written so far."""
        parts, held, count = sent
        self._parts.extend([key, other._fh, start, end, held] for key, start, end in parts)
        self.count += count

    def read(self, order: "Sequence[str]" = ()) -> list:
        """Every finding added: first those of key None (the map's) and of keys not in
        ``order``, as they were added, then each key's of ``order`` in turn, each in the order
        added. The files are emptied (the spill may be reused) and the adopted ones closed."""
        import msgpack

        from .findings import Applicability, Edit, Finding, Fix, Location, Severity

        rank = {key: i for i, key in enumerate(order)}
        parts = sorted(self._parts, key=lambda part: -1 if part[0] is None else rank.get(part[0], -1))
        seen: dict = {}  # a message, path or position -> its one object (a str and an int never compare equal)
        share = seen.setdefault
        # the related tuples and locations of the findings of one path: a reduce's findings
        # come target by target, and those of a target point at the same few places (S103:
        # the first spelling in the same file); kept for the whole spill, their keys (~9 MB
        # at 100 MB of text) cost more than the copies they save
        here: dict = {}
        at = None
        severities = {s.value: s for s in Severity}
        applicabilities = {a.value: a for a in Applicability}
        out = []
        for row, in_memory in _rows(parts):
            if len(row) == 1:
                out.append(in_memory[row[0]])
                continue
            code, rule, family, severity, message, path, record, start, end, line, column, end_line, end_column, \
                fix, related = row
            if fix is not None:
                fix = Fix(tuple(Edit(share(a, a), share(b, b), share(r, r)) for a, b, r in fix[2]),
                          applicabilities[fix[0]], fix[1])
            if related:
                if path != at:
                    here.clear()
                    at = path
                held = here.get(related)  # (a tuple of locations' tuples and a location's tuple never compare equal)
                if held is None:
                    held = here[related] = tuple(here.setdefault(r, Location(
                        share(r[0], r[0]), share(r[1], r[1]), share(r[2], r[2]), r[3])) for r in related)
                related = held
            # (an int above 256 is an object of its own, 28 bytes: positions repeat across files)
            out.append(Finding(code=share(code, code), rule=share(rule, rule), family=share(family, family),
                               severity=severities[severity], message=share(message, message),
                               path=share(path, path), start=share(start, start), end=share(end, end),
                               line=share(line, line), column=share(column, column),
                               end_line=share(end_line, end_line), end_column=share(end_column, end_column),
                               fix=fix, related=related, record=record))
        self._fh.seek(0)
        self._fh.truncate()
        self._close_others()
        self._held, self._parts, self._size = [], [], 0
        self.count = 0
        return out

    def _close_others(self) -> None:
        for other in self._others:
            other.close()
        self._others = []

    def close(self) -> None:
        self._fh.close()
        self._close_others()
        self._held, self._parts = [], []


def _rows(parts: list) -> "Iterator[tuple]":
    """(row, held list) for each msgpack row of ``parts`` ([key, file, start, end, held]),
    in order, read ``_ROWS_READ`` bytes at a time."""
    import msgpack

    for _, fh, start, end, held in parts:
        unpacker = msgpack.Unpacker(raw=False, use_list=False, max_buffer_size=1 << 30)
        fd = fh.fileno()
        while start < end:
            data = os.pread(fd, min(_ROWS_READ, end - start), start)
            if not data:
                raise OSError(f"findings spill: {end - start} bytes missing (the temporary file was cut)")
            start += len(data)
            unpacker.feed(data)
            for row in unpacker:
                yield row, held


_ROWS_READ = 1 << 20


_HEADER_WINDOW = 1 << 18  # bytes of the main file ``get_many`` reads at a time for the headers
_DTYPES: dict = {}  # a stored dtype's ``str`` (codec.ALLOWED_DTYPES) -> its numpy dtype (``_header``)
_STORED_DTYPES: dict = {}  # numpy dtype -> is its ``str`` in codec.ALLOWED_DTYPES (asked per state)


def _arrays(state) -> bool:
    """Is ``state`` a dict of numpy arrays of dtypes the codec stores (by columns)?"""
    if type(state) is not dict or not state:
        return False
    import numpy as np

    ndarray, known = np.ndarray, _STORED_DTYPES
    for k, v in state.items():
        if type(k) is not str or not isinstance(v, ndarray):
            return False
        ok = known.get(v.dtype)
        if ok is None:
            from .codec import ALLOWED_DTYPES

            ok = known[v.dtype] = v.dtype.str in ALLOWED_DTYPES
        if not ok:
            return False
    return True


def _extended(ints, numbers: list[int]):
    """``ints`` (an ``array`` of int32 or int64) with ``numbers`` (>= 0) appended: the same
    array, or, when a number does not fit an int32 one, an int64 copy of it (every number
    kept, in order)."""
    from array import array

    filled = len(ints)
    try:
        ints.extend(numbers)
    except OverflowError:  # (what was appended before the number that did not fit goes: appended again)
        del ints[filled:]
        ints = array("q", ints)
        ints.extend(numbers)
    return ints


class _ColumnSource:
    """What the ``ColumnState`` objects of one ``StateSpill.get_many`` share: the columns
    read (mapped), where each read span starts, every state's header numbers and, per
    schema, each field's (dtype, ndim, position in a state's numbers, column). ``users``:
    per column, the states still reading a non-empty field from it; a column every such
    state has replaced (set or deleted: D104's ``_concat`` shares a copy) is let go."""

    __slots__ = ("read", "lo", "ints", "fields", "names", "users")

    def __init__(self, read: dict, lo: dict, ints, schemas: dict[tuple, int], users: dict) -> None:
        self.read, self.lo, self.ints, self.users = read, lo, ints, users
        self.fields: list[dict[str, tuple]] = [None] * len(schemas)  # type: ignore[list-item]
        self.names: list[tuple[str, ...]] = [None] * len(schemas)  # type: ignore[list-item]
        for (group, shape_of), sid in schemas.items():
            fields, at = {}, 0
            for name, dtype, ndim in shape_of:
                fields[name] = (_DTYPES[dtype], ndim, at, (group, name, dtype))
                at += ndim + 1
            self.fields[sid], self.names[sid] = fields, tuple(fields)


_UNSET = object()  # (``ColumnState``: a field deleted)


class ColumnState(MutableMapping):
    """A dict-of-arrays state read back from a ``StateSpill``'s columns (``get_many``):
    ``state[name]`` is a read-only view of the mapped column holding that field, made on
    each access (the same values, dtype and shape as the array ``collect`` gave; pages are
    read when touched). Setting or deleting a field changes this mapping only (kept in a
    small dict). Costs ~100 bytes plus 8 per shape number and field, against ~6 KB for a
    dict of a D104 state's 13 views made at once. Valid while the spill is open."""

    __slots__ = ("_src", "_sid", "_start", "_own")

    def __init__(self, src: _ColumnSource, sid: int, start: int) -> None:
        self._src, self._sid, self._start = src, sid, start
        self._own: dict | None = None  # fields set (or deleted: ``_UNSET``) on this mapping

    def __getitem__(self, name: str):
        own = self._own
        if own is not None and name in own:
            value = own[name]
            if value is _UNSET:
                raise KeyError(name)
            return value
        src = self._src
        dt, ndim, at, key = src.fields[self._sid][name]
        ints, base = src.ints, self._start + at
        shape = tuple(ints[base : base + ndim])
        offset = ints[base + ndim]
        n = dt.itemsize
        for d in shape:
            n *= d
        if not n:
            import numpy as np

            return np.empty(shape, dtype=dt)
        lo = src.lo[key]
        return src.read[key][offset - lo : offset - lo + n].view(dt).reshape(shape)

    def __setitem__(self, name: str, value) -> None:
        own = self._own
        if own is None:
            own = self._own = {}
        if name not in own:
            src = self._src
            field = src.fields[self._sid].get(name)
            if field is not None:
                key, ints, base = field[3], src.ints, self._start + field[2]
                n = field[0].itemsize
                for d in ints[base : base + field[1]]:
                    n *= d
                if n and key in src.users:  # (this state no longer reads that column)
                    src.users[key] -= 1
                    if not src.users[key]:
                        del src.users[key], src.read[key]
        own[name] = value

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self[name] = _UNSET

    def __contains__(self, name: object) -> bool:
        own = self._own
        if own is not None and name in own:
            return own[name] is not _UNSET
        return name in self._src.fields[self._sid]

    def __iter__(self) -> Iterator[str]:
        own = self._own
        for name in self._src.names[self._sid]:
            if own is None or own.get(name) is not _UNSET:
                yield name
        if own is not None:
            fields = self._src.fields[self._sid]
            yield from (name for name, v in own.items() if v is not _UNSET and name not in fields)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class KeyIndex:
    """The keys of the documents a run mapped, each once, in map order: the one index
    the corpus rules' reference columns (``StateRefs``) share, in place of a dict of
    references per rule (six rules held six dict entries and five ``Spilled`` ints a
    record, ~450 bytes, to the end of the run). ``keys[i]`` is the key at position ``i``;
    ``position`` finds one: among the keys added last (a dict of at most
    ``KEY_BATCH`` or an eighth of the rest), else by bisection in one sorted array of
    the other keys' ``hash`` and one of their positions (16 bytes a key; a dict of every
    key was ~70 bytes a key with its position's int; the key strings are the store's).
    Hashes are this process's: pickled, the index is made again from ``keys``."""

    __slots__ = ("keys", "_recent", "_hashes", "_at")

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self.keys: list[str] = []
        self._recent: dict[str, int] = {}  # key -> position, for the keys not in the arrays yet
        self._hashes = None  # (numpy int64, sorted) hash of each key in the arrays
        self._at = None  # (numpy int64) its position, in the same order
        for key in keys:
            self.add(key)

    def __reduce__(self):
        return KeyIndex, (self.keys,)

    def add(self, key: str) -> tuple[int, bool]:
        """(``key``'s position, whether it is new here)."""
        at = self.position(key)
        if at is not None:
            return at, False
        at = self._recent[key] = len(self.keys)
        self.keys.append(key)
        if len(self._recent) >= max(KEY_BATCH, (len(self.keys) - len(self._recent)) >> 3):
            self._compact()
        return at, True

    def _compact(self) -> None:
        """The recent keys moved into the sorted arrays (one merge: ``np.insert`` at
        their sorted places)."""
        import numpy as np

        recent, self._recent = self._recent, {}
        hashes = np.fromiter(map(hash, recent), np.int64, len(recent))
        at = np.fromiter(recent.values(), np.int64, len(recent))
        order = np.argsort(hashes, kind="stable")
        hashes, at = hashes[order], at[order]
        if self._hashes is None:
            self._hashes, self._at = hashes, at
        else:
            where = self._hashes.searchsorted(hashes, side="right")
            self._hashes, self._at = np.insert(self._hashes, where, hashes), np.insert(self._at, where, at)

    def position(self, key: object) -> int | None:
        at = self._recent.get(key)  # type: ignore[call-overload]
        hashes = self._hashes
        if at is not None or hashes is None:
            return at
        h = hash(key)
        i, n = int(hashes.searchsorted(h)), len(hashes)
        while i < n and hashes[i] == h:  # (keys of one hash: compared)
            at = int(self._at[i])
            if self.keys[at] == key:
                return at
            i += 1
        return None

    def __len__(self) -> int:
        return len(self.keys)


KEY_BATCH = 4096  # keys a ``KeyIndex`` keeps in its dict at least before it moves them to its arrays


# A reference's two words in a ``RefColumns`` column: (low 64 bits, the rest) of a
# ``Spilled`` (whose top bit, 104, makes the second word >= 2**40), or one of these
# second words with a first word of 0:
_NONE_WORD = 0  # the state is None
_KEPT_WORD = 1  # a value the spill does not store (a plugin's own state type): in ``RefColumns.kept``
_ABSENT_WORD = 2  # the rule gave no state for the document (``Collected.state`` raises KeyError)
_LOW = (1 << 64) - 1


class RefColumns:
    """Each corpus rule's state reference for every document of a ``KeyIndex``, by
    columns: per rule an ``array('Q')`` of two words a document (see ``_NONE_WORD``),
    16 bytes where a dict entry and a ``Spilled`` int took ~100. ``codes``: the rules,
    in the order ``put`` is given their values; ``kept``: {(position, column): value}
    for values that are not references (kept in memory, as the spill gave them back);
    ``partial``: some document lacks some rule's state (``_absent``: how many such states)."""

    __slots__ = ("index", "codes", "_col", "columns", "kept", "_absent")

    def __init__(self, codes: list[str], index: KeyIndex | None = None) -> None:
        from array import array

        self.index = index if index is not None else KeyIndex()
        self.codes = list(codes)
        self._col = {code: i for i, code in enumerate(self.codes)}
        self.columns: list = [array("Q") for _ in self.codes]
        self.kept: dict[tuple[int, int], Any] = {}
        self._absent = 0

    @property
    def partial(self) -> bool:
        return self._absent > 0

    def put(self, key: str, states: Mapping[str, Any]) -> int:
        """Adds (or, for a key already here, replaces) ``key``'s references: ``states``
        {code: ``Spilled``, None or a value kept in memory}; a code missing from it is a
        state the rule did not give (``get`` raises KeyError). Returns its position."""
        if not self._col.keys() >= states.keys():
            raise ValueError(f"states of rules not in this table: {sorted(set(states) - set(self._col))}")
        at, new = self.index.add(key)
        for i, code in enumerate(self.codes):
            if not new:  # (the key's previous values are replaced)
                self.kept.pop((at, i), None)
                self._absent -= self.columns[i][2 * at + 1] == _ABSENT_WORD
            if code in states:
                value = states[code]
                if value is None:
                    lo, hi = 0, _NONE_WORD
                elif type(value) is Spilled:
                    ref = int(value)
                    lo, hi = ref & _LOW, ref >> 64
                else:
                    lo, hi = 0, _KEPT_WORD
                    self.kept[(at, i)] = value
            else:
                lo, hi = 0, _ABSENT_WORD
                self._absent += 1
            column = self.columns[i]
            if new:
                column.append(lo)
                column.append(hi)
            else:
                column[2 * at], column[2 * at + 1] = lo, hi
        return at

    def get(self, at: int, code: str) -> Any:
        """The value ``put`` gave for position ``at`` and rule ``code`` (a ``Spilled``
        made again from its words); KeyError when the rule gave none."""
        i = self._col[code]
        column = self.columns[i]
        return self._value(column[2 * at], column[2 * at + 1], at, i, code)

    def _value(self, lo: int, hi: int, at: int, i: int, code: str) -> Any:
        if hi > _ABSENT_WORD:
            return int.__new__(Spilled, lo | hi << 64)
        if hi == _NONE_WORD:
            return None
        if hi == _KEPT_WORD:
            return self.kept[(at, i)]
        raise KeyError(code)

    def rule_states(self, code: str, skip: "set[int] | frozenset[int]" = frozenset()) -> "StateRefs | None":
        """``{key: value}`` of rule ``code`` over every document here but the positions
        ``skip`` (documents a caller gives their states otherwise), as a ``StateRefs``;
        None when ``partial`` (a mapping with no value for some key)."""
        return None if self.partial else StateRefs(self, code, skip)


class StateRefs(MutableMapping):
    """``{key: state reference}`` of one corpus rule (the ``Linter.reduce`` input for
    that rule), read from a ``RefColumns`` column through the shared ``KeyIndex``, as a
    dict of them would be: iteration in the index's order (the map's), then the keys
    added here that the index lacks (documents collected after the map: the corpus
    index's work items), in the order they were added; values made on access.
    ``skip``: index positions that are not part of this mapping (set here, they count
    as added keys). Setting an indexed key keeps its place (``_over``)."""

    __slots__ = ("_refs", "_code", "_i", "_skip", "_extra", "_over", "_gone")

    def __init__(self, refs: RefColumns, code: str, skip: "set[int] | frozenset[int]" = frozenset()) -> None:
        self._refs, self._code, self._i = refs, code, refs._col[code]
        self._skip = frozenset(skip)
        self._extra: dict[str, Any] = {}
        self._over: dict[int, Any] = {}  # position -> a value set here for an indexed key
        self._gone: set[int] = set()  # positions deleted from this mapping

    def _at(self, key: object) -> int | None:
        at = self._refs.index.position(key)
        if at is None or at in self._skip or at in self._gone:
            return None
        return at

    def __getitem__(self, key: str) -> Any:
        at = self._at(key)
        if at is None:
            return self._extra[key]
        if self._over and at in self._over:
            return self._over[at]
        return self._refs.get(at, self._code)

    def __setitem__(self, key: str, value: Any) -> None:
        at = self._at(key)
        if at is None:
            self._extra[key] = value
        else:
            self._over[at] = value

    def __delitem__(self, key: str) -> None:
        at = self._at(key)
        if at is None:
            del self._extra[key]
        else:
            self._gone.add(at)
            self._over.pop(at, None)

    def __contains__(self, key: object) -> bool:
        return self._at(key) is not None or key in self._extra

    def _positions(self) -> Iterator[int]:
        skip, gone = self._skip, self._gone
        if not skip and not gone:
            yield from range(len(self._refs.index))
        else:
            yield from (at for at in range(len(self._refs.index)) if at not in skip and at not in gone)

    def __iter__(self) -> Iterator[str]:
        keys = self._refs.index.keys
        for at in self._positions():
            yield keys[at]
        yield from self._extra

    def __len__(self) -> int:
        n = len(self._refs.index) - len(self._skip) - len(self._gone - self._skip)
        return n + len(self._extra)

    def items(self):
        return _RefItems(self)

    def values(self):
        return _RefValues(self)

    def _pairs(self) -> Iterator[tuple[str, Any]]:
        refs, i, code, over = self._refs, self._i, self._code, self._over
        keys, column, value = refs.index.keys, refs.columns[i], refs._value
        for at in self._positions():
            if over and at in over:
                yield keys[at], over[at]
            else:
                yield keys[at], value(column[2 * at], column[2 * at + 1], at, i, code)
        yield from self._extra.items()


class _RefItems(collections.abc.ItemsView):
    def __iter__(self):
        return self._mapping._pairs()


class _RefValues(collections.abc.ValuesView):
    def __iter__(self):
        return (value for _, value in self._mapping._pairs())


class ContentDigest:
    """A 128-bit digest of a sequence of items (each given to ``append`` in turn, by its
    ``repr``: keys, offsets, content hashes): what a cache key that was a tuple of one
    item a document names, in 16 bytes where the tuple held ~150 a document to the end
    of the run (``analysis.merge``'s key of the merged corpus, ``SpilledStates.content_key``)."""

    __slots__ = ("_hash",)

    def __init__(self, items=()) -> None:
        import hashlib

        self._hash = hashlib.blake2b(digest_size=16)
        for item in items:
            self.append(item)

    def append(self, item) -> None:
        self._hash.update(repr(item).encode("utf-8", "surrogatepass") + b"\n")

    def digest(self) -> bytes:
        return self._hash.digest()


class SpilledStates(Mapping[str, Any]):
    """``{key: state}`` of one corpus rule over a ``StateSpill``: a ``Spilled`` value is
    decoded from the spill on each access and not kept (the caller holds a state only
    as long as it uses it), other values (None, a plugin's own state type) are given as
    they are. For a reduce that reads each state a few times (``CorpusRule.lazy_states``);
    valid while the spill is open."""

    decodes_on_access = True  # (a consumer may read a state again rather than hold it: spelling's merge)

    def __init__(self, spill: StateSpill, values: Mapping[str, Any]) -> None:
        self._spill = spill
        # (a rule's ``StateRefs`` is read in place: a dict of its references was ~100 bytes a document)
        self._values = values if isinstance(values, StateRefs) else dict(values)

    def __getitem__(self, key: str) -> Any:
        value = self._values[key]
        return self._spill.get(value) if isinstance(value, Spilled) else value

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def content_key(self, kind: type) -> tuple:
        """A key naming the contents of the states of type ``kind`` (with a
        ``content_hash``) without decoding any: equal for two mappings over one spill
        holding the same keys and references (the spelling rules share each document's
        state: one spilled state, ``merge`` keyed by it). A spilled state is named by
        where it was written; one held in memory by its ``content_hash``. The key is
        (the spill's token, a ``ContentDigest`` of those names in key order): a
        merged corpus keeps it to the end of the run."""
        items = []
        for key, value in self._values.items():
            if isinstance(value, Spilled):
                items.append((key, value.offset, value.group))
            elif isinstance(value, kind):
                items.append((key, value.content_hash))
        items.sort()
        return (self._spill.token, ContentDigest(items).digest())
