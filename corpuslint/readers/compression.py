"""Streaming (de)compression by file suffix: .gz, .bz2, .xz, .zst (zstandard)."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
from typing import BinaryIO

from ..files import is_url

COMPRESSIONS = (".gz", ".bz2", ".xz", ".zst")


def compression_of(path: str) -> str:
    """The compression suffix of ``path`` ('' for none)."""
    lower = path.lower()
    return next((c for c in COMPRESSIONS if lower.endswith(c)), "")


class _Over(io.BufferedReader):
    """A decompressing stream over a URL's stream: closing it closes both."""

    def __init__(self, inner, raw):
        super().__init__(inner, buffer_size=1 << 20)
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def _decompressing(kind: str, raw: BinaryIO):
    """A stream of ``raw``'s content decompressed as ``kind`` (a ``COMPRESSIONS`` suffix)."""
    if kind == ".gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if kind == ".bz2":
        return bz2.BZ2File(raw, "rb")
    if kind == ".xz":
        return lzma.LZMAFile(raw, "rb")
    import zstandard

    return zstandard.ZstdDecompressor().stream_reader(raw, closefd=True, read_across_frames=True)


def open_read(path: str) -> BinaryIO:
    """A buffered binary stream of the decompressed content, read incrementally (a URL
    through fsspec: ``remote.open_binary``)."""
    kind = compression_of(path)
    if is_url(path):
        from .remote import open_binary

        raw = open_binary(path)
        return _Over(_decompressing(kind, raw), raw) if kind else raw
    if kind == ".gz":
        return gzip.open(path, "rb")
    if kind == ".bz2":
        return bz2.open(path, "rb")
    if kind == ".xz":
        return lzma.open(path, "rb")
    if kind == ".zst":
        return io.BufferedReader(_decompressing(kind, open(path, "rb")), buffer_size=1 << 20)
    return open(path, "rb", buffering=1 << 20)


def open_write(fh: BinaryIO, like: str) -> BinaryIO:
    """Wrap the open binary file ``fh`` in the compressor ``like``'s suffix names.

    Closing the returned stream finishes the compressed stream but leaves ``fh`` open
    (the caller fsyncs and renames it)."""
    kind = compression_of(like)
    if kind == ".gz":
        return gzip.GzipFile(fileobj=fh, mode="wb", mtime=0)
    if kind == ".bz2":
        return bz2.BZ2File(fh, "wb")
    if kind == ".xz":
        return lzma.LZMAFile(fh, "wb")
    if kind == ".zst":
        import zstandard

        return zstandard.ZstdCompressor().stream_writer(fh, closefd=False)
    return _Uncompressed(fh)


class _Uncompressed(io.RawIOBase):
    def __init__(self, fh: BinaryIO):
        self._fh = fh

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        return self._fh.write(data)

    def close(self) -> None:
        self._fh.flush()
        super().close()
