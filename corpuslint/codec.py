"""A data-only codec for the on-disk cache: msgpack plus numpy arrays, never pickle.

The corpus index lives in the project folder, so a repository can ship a crafted one.
Loading must therefore never run code chosen by the data: this codec only builds
plain values (None, bool, int, float, str, bytes, list, tuple, set, frozenset, dict),
numpy arrays of a fixed list of little-endian numeric dtypes, and instances of the
dataclasses a rule module registered with ``state_type`` (looked up by a fixed name
in a table built by our own imports, never imported by name from the data).

Anything else raises ``CodecError`` on dump (the state is then not cached, only
recomputed) and on load (the row is treated as corrupt and discarded).

Format of a state blob::

    b"CLD1" + msgpack(value, with ext types 1 = ndarray, 2 = tuple, 3 = set,
                      4 = frozenset, 5 = registered dataclass)

A dict of arrays (the duplicate rules' states) is stored as::

    b"CLA1" + u32 header length + msgpack([[key, dtype, shape], ...]) + raw array bytes

and loaded as zero-copy read-only views after checking that the sizes add up.

Either may be wrapped in one zstd frame (RFC 8878, magic ``28 B5 2F FD``, with its
content checksum: a damaged frame fails instead of giving other values; ``compress``,
``compress_pieces``), as the corpus index stores a state of ``COMPRESS_MIN_BYTES`` or
more: ``loads`` and ``load_items`` inflate it first, at most ``INFLATE_RATIO_MAX`` times
its size plus ``INFLATE_SLACK`` (a crafted frame that claims or gives more is a
``CodecError``, not an allocation). Inside the frame only a ``CLD1`` or ``CLA1`` blob
is accepted.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import Any, Callable, Iterable, Iterator

import msgpack
import numpy as np
import zstandard

MAGIC_VALUE = b"CLD1"
MAGIC_ARRAYS = b"CLA1"
MAGIC_ZSTD = b"\x28\xb5\x2f\xfd"  # a zstd frame's first bytes (RFC 8878)
COMPRESS_MIN_BYTES = 1024  # smaller blobs are stored as they are (a frame costs ~20 bytes and a call)
COMPRESS_LEVEL = 1  # the corpus index's states: 42.9 -> 25.5 MB at 10 MB of text, ~0.12 s CPU
INFLATE_RATIO_MAX = 1024  # a frame inflates to at most this many times its size ...
INFLATE_SLACK = 64 << 20  # ... plus this many bytes
_EXT_ARRAY, _EXT_TUPLE, _EXT_SET, _EXT_FROZENSET, _EXT_DATACLASS = 1, 2, 3, 4, 5
MAX_DEPTH = 64

# little-endian (or byte-order-free) numeric dtypes only: no object, no structured dtypes
ALLOWED_DTYPES = frozenset(
    np.dtype(t).str for t in ("?", "i1", "u1", "<i2", "<u2", "<i4", "<u4", "<i8", "<u8", "<f4", "<f8")
)

_STATE_TYPES: dict[str, type] = {}


class CodecError(ValueError):
    """A value that this codec does not store, or a blob that is not a valid encoding."""


def state_type(cls: type) -> type:
    """Class decorator: let the cache store instances of this dataclass (by name).

    Loading calls ``cls(**fields)`` with exactly the dataclass's fields; nothing else
    is ever constructed from cached data."""
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    _STATE_TYPES[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return cls


# -- dump ---------------------------------------------------------------------------


def _array_header(a: np.ndarray) -> list:
    dtype = a.dtype.str
    if dtype not in ALLOWED_DTYPES:
        raise CodecError(f"array dtype {dtype} is not storable")
    return [dtype, list(a.shape)]


def _default(obj: Any):
    if isinstance(obj, np.ndarray):
        a = np.ascontiguousarray(obj)
        return msgpack.ExtType(_EXT_ARRAY, _pack([_array_header(a), a.tobytes()]))
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, tuple):
        return msgpack.ExtType(_EXT_TUPLE, _pack(list(obj)))
    if isinstance(obj, frozenset):
        return msgpack.ExtType(_EXT_FROZENSET, _pack(sorted(obj, key=repr)))
    if isinstance(obj, set):
        return msgpack.ExtType(_EXT_SET, _pack(sorted(obj, key=repr)))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        name = f"{type(obj).__module__}.{type(obj).__qualname__}"
        if _STATE_TYPES.get(name) is not type(obj):
            raise CodecError(f"{name} is not a registered state type")
        fields = {f: getattr(obj, f) for f in _field_names(type(obj))}
        return msgpack.ExtType(_EXT_DATACLASS, _pack([name, fields]))
    raise CodecError(f"{type(obj).__name__} values are not storable")


_FIELDS: dict[type, tuple[tuple[str, ...], frozenset]] = {}  # dataclass -> (its fields' names, those init takes)


def _fields_of(cls: type) -> tuple[tuple[str, ...], frozenset]:
    """(every field's name in order, the names ``__init__`` takes) of a dataclass, found once
    (``dataclasses.fields`` per state was ~10% of encoding and decoding a spelling state)."""
    got = _FIELDS.get(cls)
    if got is None:
        fields = dataclasses.fields(cls)
        got = _FIELDS[cls] = (tuple(f.name for f in fields), frozenset(f.name for f in fields if f.init))
    return got


def _field_names(cls: type) -> tuple[str, ...]:
    return _fields_of(cls)[0]


def _pack(value: Any) -> bytes:
    try:
        return msgpack.packb(value, default=_default, use_bin_type=True, strict_types=True)
    except CodecError:
        raise
    except (TypeError, ValueError, OverflowError) as exc:
        raise CodecError(str(exc)) from None


def dumps(value: Any) -> bytes:
    """Encode a state; raises ``CodecError`` for values the codec does not store."""
    if isinstance(value, dict) and value and all(isinstance(k, str) for k in value) and all(
        isinstance(v, np.ndarray) for v in value.values()
    ):
        arrays = [np.ascontiguousarray(v) for v in value.values()]
        header = _pack([[k, *_array_header(a)] for k, a in zip(value, arrays)])
        return b"".join([MAGIC_ARRAYS, len(header).to_bytes(4, "little"), header] + [a.tobytes() for a in arrays])
    return MAGIC_VALUE + _pack(value)


def iter_items(items: Iterable[Any], count: int) -> Iterator[bytes]:
    """The pieces of ``dumps`` of the list of the ``count`` values ``items`` gives (joined:
    the same bytes), each value encoded as it comes, so that the values need not be held
    together (a data file's records states, decoded a batch at a time:
    ``index._records_blob``) nor the whole encoding (``compress_pieces``). Raises
    ``CodecError`` as ``dumps`` does, and after the last piece when ``items`` does not give
    ``count`` values."""
    yield MAGIC_VALUE
    yield msgpack.Packer().pack_array_header(count)
    given = 0
    for value in items:
        yield _pack(value)
        given += 1
    if given != count:
        raise CodecError(f"{given} values given for a list of {count}")


def _compressor() -> zstandard.ZstdCompressor:
    return zstandard.ZstdCompressor(level=COMPRESS_LEVEL, write_checksum=True)


_ZSTD = threading.local()  # this thread's (compressor, decompressor): zstd contexts are not thread-safe


def _contexts() -> tuple[zstandard.ZstdCompressor, zstandard.ZstdDecompressor]:
    got = getattr(_ZSTD, "contexts", None)
    if got is None:
        got = _ZSTD.contexts = (_compressor(), zstandard.ZstdDecompressor())
    return got


def compress(blob: bytes) -> bytes:
    """``blob`` (a ``dumps`` encoding) in a zstd frame when it is ``COMPRESS_MIN_BYTES`` or
    more and the frame is smaller, else ``blob`` itself; ``loads`` reads either."""
    if len(blob) < COMPRESS_MIN_BYTES:
        return blob
    framed = _contexts()[0].compress(blob)
    return framed if len(framed) < len(blob) else blob


def compress_pieces(pieces: Iterable[bytes]) -> bytes:
    """A zstd frame of ``b"".join(pieces)`` made without the joined bytes (a records state
    of a data file, ``iter_items``: only the frame so far is held). Unlike ``compress``,
    always a frame, whatever its size (``loads`` and ``load_items`` read both alike); it
    does not record the content size, so ``loads`` inflates it by chunks. Raises what
    ``pieces`` raises."""
    stream = _compressor().compressobj()  # (a context of its own: see ``_Inflating``)
    out = [stream.compress(piece) for piece in pieces]
    out.append(stream.flush())
    return b"".join(out)


def inflate(blob: bytes) -> bytes:
    """The blob inside the zstd frame ``blob``; raises ``CodecError`` for a damaged frame, or
    one that claims or gives more than ``INFLATE_RATIO_MAX`` times its size plus
    ``INFLATE_SLACK`` (never allocated first)."""
    limit = INFLATE_RATIO_MAX * len(blob) + INFLATE_SLACK
    try:
        size = zstandard.frame_content_size(blob)
        if size > limit:
            raise CodecError(f"a frame claiming {size:,} bytes from {len(blob):,}")
        if size >= 0:
            return _contexts()[1].decompress(blob)
        out, total = [], 0
        with _contexts()[1].stream_reader(blob) as reader:
            while True:
                chunk = reader.read(1 << 20)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise CodecError(f"a frame of {len(blob):,} bytes inflating past {limit:,}")
                out.append(chunk)
        return b"".join(out)
    except zstandard.ZstdError as exc:
        raise CodecError(f"damaged zstd frame ({exc})") from None


class _Prefixed:
    """A source's ``read(n)`` whose first bytes (``head``) were read already; ``taken``:
    the bytes it has given."""

    __slots__ = ("_head", "_read", "taken")

    def __init__(self, head: bytes, read: Callable[[int], bytes]) -> None:
        self._head, self._read, self.taken = head, read, 0

    def read(self, n: int) -> bytes:
        head, self._head = self._head[:n], self._head[n:]
        data = head + self._read(n - len(head)) if len(head) < n else head
        self.taken += len(data)
        return data


class _Inflating:
    """``read(n)`` of the data inside a zstd frame that ``read`` gives (``head``: its first
    bytes, read already), inflated as it is asked for (``load_items``), at most
    ``INFLATE_RATIO_MAX`` times the frame's bytes read so far plus ``INFLATE_SLACK`` (then
    ``CodecError``: a crafted row of a few KB never streams gigabytes of tiny items to a
    reader that scans them). A stream has a decompressor of its own: streams read in turns
    (the rules' ``index._RecordsCursor`` over one data file) on one shared context
    corrupted each other's data."""

    __slots__ = ("_source", "_reader", "given")

    def __init__(self, head: bytes, read: Callable[[int], bytes]) -> None:
        self._source = _Prefixed(head, read)
        self._reader = zstandard.ZstdDecompressor().stream_reader(self._source)
        self.given = 0  # (bytes inflated)

    def read(self, n: int) -> bytes:
        data = self._reader.read(n)
        self.given += len(data)
        if self.given > INFLATE_RATIO_MAX * self._source.taken + INFLATE_SLACK:
            raise CodecError(f"a frame of {self._source.taken:,} bytes read inflating past {self.given:,}")
        return data


# -- load ---------------------------------------------------------------------------


def _shape(shape: Any) -> tuple[int, ...]:
    if not isinstance(shape, list) or len(shape) > 8 or not all(
        isinstance(d, int) and not isinstance(d, bool) and 0 <= d < 2**40 for d in shape
    ):
        raise CodecError(f"bad array shape {shape!r}")
    return tuple(shape)


def _dtype(name: Any) -> np.dtype:
    if not isinstance(name, str) or name not in ALLOWED_DTYPES:
        raise CodecError(f"array dtype {name!r} is not allowed")
    return np.dtype(name)


def _count(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n


class _Loader:
    def __init__(self) -> None:
        self.depth = 0

    def unpack(self, data: bytes) -> Any:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise CodecError("nested too deeply")
        try:
            return msgpack.unpackb(data, ext_hook=self.ext, raw=False, strict_map_key=False,
                                   use_list=True)
        finally:
            self.depth -= 1

    def ext(self, code: int, data: bytes) -> Any:
        if code == _EXT_ARRAY:
            header, raw = self.unpack(data)
            if not isinstance(header, list) or len(header) != 2 or not isinstance(raw, bytes):
                raise CodecError("bad array")
            dt, shape = _dtype(header[0]), _shape(header[1])
            if len(raw) != _count(shape) * dt.itemsize:
                raise CodecError("array size does not match its shape")
            return np.frombuffer(raw, dtype=dt).reshape(shape)
        if code in (_EXT_TUPLE, _EXT_SET, _EXT_FROZENSET):
            items = self.unpack(data)
            if not isinstance(items, list):
                raise CodecError("bad sequence")
            try:
                return tuple(items) if code == _EXT_TUPLE else (set(items) if code == _EXT_SET else frozenset(items))
            except TypeError as exc:  # unhashable member of a set
                raise CodecError(str(exc)) from None
        if code == _EXT_DATACLASS:
            item = self.unpack(data)
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)
                    and isinstance(item[1], dict)):
                raise CodecError("bad record")
            cls = _STATE_TYPES.get(item[0])
            if cls is None:
                raise CodecError(f"unknown state type {item[0]!r}")
            names = _fields_of(cls)[1]
            if item[1].keys() != names:
                raise CodecError(f"{item[0]}: fields {sorted(map(str, item[1]))} do not match {sorted(names)}")
            return cls(**item[1])
        raise CodecError(f"unknown extension type {code}")


def loads(blob: bytes) -> Any:
    """Decode a blob made by ``dumps``; raises ``CodecError`` for anything else."""
    if not isinstance(blob, (bytes, bytearray, memoryview)):
        raise CodecError("not a byte string")
    blob = bytes(blob)
    if blob[:4] == MAGIC_ZSTD:
        blob = inflate(blob)
        if blob[:4] == MAGIC_ZSTD:
            raise CodecError("a zstd frame inside a zstd frame")
    try:
        if blob[:4] == MAGIC_VALUE:
            return _Loader().unpack(blob[4:])
        if blob[:4] == MAGIC_ARRAYS:
            return _load_arrays(blob)
    except CodecError:
        raise
    except (ValueError, TypeError, KeyError, msgpack.ExtraData, msgpack.FormatError, msgpack.StackError,
            RecursionError, MemoryError) as exc:
        raise CodecError(f"{type(exc).__name__}: {exc}") from None
    raise CodecError("unknown format (not written by this corpuslint)")


# what msgpack raises on bytes it did not write (or written by another codec version), read item by item,
# and zstd on a damaged frame around them
_READ_ERRORS = (ValueError, TypeError, KeyError, msgpack.ExtraData, msgpack.FormatError, msgpack.StackError,
                msgpack.OutOfData, RecursionError, MemoryError, zstandard.ZstdError)


def load_items(read: Callable[[int], bytes], chunk: int = 256 * 1024) -> Iterator[Any]:
    """The items of a list ``dumps`` encoded, decoded one at a time from ``read`` (a
    file's ``read(n)``: an ``io.BytesIO``, a ``sqlite3.Blob``), ``chunk`` bytes read at a
    time: neither the encoded list nor its decoded items are held whole. Raises
    ``CodecError`` (when the next item is asked) for anything ``dumps`` did not write as
    a list; the items before a damaged one have been given already."""
    try:
        head = read(4)
        if head == MAGIC_ZSTD:  # (``compress_pieces``' frame: inflated as the items are read)
            read = _Inflating(head, read).read
            head = b""
            while len(head) < 4:
                more = read(4 - len(head))
                if not more:
                    break
                head += more
        if head != MAGIC_VALUE:
            raise CodecError("unknown format (not written by this corpuslint)")
        loader = _Loader()
        unpacker = msgpack.Unpacker(_Reads(read), read_size=chunk, ext_hook=loader.ext, raw=False,
                                    strict_map_key=False, use_list=True)
        count = unpacker.read_array_header()
    except CodecError:
        raise
    except _READ_ERRORS as exc:
        raise NotAList(f"not a list ({type(exc).__name__}: {exc})") from None
    for _ in range(count):
        try:
            item = unpacker.unpack()
        except CodecError:
            raise
        except _READ_ERRORS as exc:
            raise CodecError(f"{type(exc).__name__}: {exc}") from None
        yield item
    try:
        unpacker.unpack()
    except msgpack.OutOfData:
        return
    except Exception:  # noqa: BLE001 (anything there is a damaged tail)
        pass
    raise CodecError("trailing bytes after the list")


class NotAList(CodecError):
    """``load_items`` was given a value that is not a list."""


class _Reads:
    """A ``read(n)`` as the file object ``msgpack.Unpacker`` reads from."""

    __slots__ = ("read",)

    def __init__(self, read: Callable[[int], bytes]) -> None:
        self.read = read


def _load_arrays(blob: bytes) -> dict[str, np.ndarray]:
    size = int.from_bytes(blob[4:8], "little")
    pos = 8 + size
    if len(blob) < pos:
        raise CodecError("truncated header")
    header = _Loader().unpack(blob[8:pos])
    if not isinstance(header, list):
        raise CodecError("bad header")
    out: dict[str, np.ndarray] = {}
    for entry in header:
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], str)):
            raise CodecError("bad header entry")
        dt, shape = _dtype(entry[1]), _shape(entry[2])
        nbytes = _count(shape) * dt.itemsize
        if pos + nbytes > len(blob):
            raise CodecError("array data truncated")
        out[entry[0]] = np.frombuffer(blob, dtype=dt, count=_count(shape), offset=pos).reshape(shape)
        pos += nbytes
    if pos != len(blob):
        raise CodecError("trailing bytes after the arrays")
    return out
