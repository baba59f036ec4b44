"""Inputs given as fsspec URLs: ``memory://``, ``file://``, ``s3://bucket/prefix`` ...

A checked path with a protocol (``scheme://``) is read through fsspec
(https://filesystem-spec.readthedocs.io), wherever it runs: on the client for a local
run, on the Dask workers for ``--executor dask`` (they must have the same fsspec
back-ends installed and the same credentials, e.g. ``s3fs`` and the usual AWS
environment variables). A URL naming a folder (prefix) is walked like a local folder
(the same include/exclude globs and reader suffixes); a URL naming a file is read as
that file: plain text whole, JSON Lines streamed (compressed too), Parquet by row
group, Arrow IPC shards whole.

A URL is read only: fixes are never written back (``--fix`` reports them as not
written). A protocol fsspec does not know, or one whose back-end package is not
installed (``s3://`` without ``s3fs``), is a usage error (``URLError``, exit 2).
"""

from __future__ import annotations

import os
import posixpath
import stat
from typing import BinaryIO

from ..config import ConfigError
from ..files import ReadProblem, _inside, _kind, is_url, one_line

__all__ = ["URLError", "is_url", "filesystem", "discover", "open_binary", "read_bytes"]


class URLError(ConfigError):
    """A URL that cannot be read here (unknown protocol, missing fsspec back-end)."""


def filesystem(url: str):
    """(fsspec filesystem, path inside it) for ``url``; ``URLError`` in one line when
    fsspec is missing, the protocol is unknown or its back-end is not installed."""
    try:
        import fsspec
        from fsspec.core import url_to_fs
    except ImportError:
        raise URLError(f"{url}: reading URLs needs fsspec "
                       "(pip install 'corpus-quality-lint[dask]' or fsspec)") from None
    protocol = url.split("://", 1)[0]
    try:
        fsspec.get_filesystem_class(protocol)
        return url_to_fs(url)
    except ImportError as exc:
        raise URLError(f"{url}: the fsspec back-end for {protocol}:// is not installed ({one_line(exc)})") from None
    except ValueError as exc:
        raise URLError(f"{url}: unknown protocol {protocol}:// ({one_line(exc)})") from None


def discover(url: str, included, excluded, root_real: str | None = None,
             follow_external_symlinks: bool = False) -> list[tuple[str, str, ReadProblem | None]]:
    """(full URL, display, problem or None) of the files ``url`` names: the file itself,
    or every file under the folder (prefix) whose name ``included(name)`` accepts and
    ``excluded(relative path, name)`` does not, sorted. A URL that does not exist or
    cannot be listed gives one entry with an ``unreadable`` problem.

    A ``file://`` URL follows the local walk's rules (``files.discover``): a symlinked
    folder is not walked; a FIFO, socket or device is a ``special`` problem (named
    itself: ``unreadable``), never opened, so it cannot hang the run; a symlink leaving
    ``root_real`` (the project root) is ``special`` unless ``follow_external_symlinks``."""
    fs, root = filesystem(url)
    local = _is_local(fs)
    try:
        if local:
            problem = _local_problem(root, root_real, follow_external_symlinks, explicit=True)
            if problem is not None:
                return [(url, url, problem)]
        if not fs.isdir(root):
            if not fs.isfile(root):
                return [(url, url, ReadProblem("unreadable", "cannot read file: no such file or folder"))]
            return [(url, url, None)]
        found = sorted(fs.find(root))
    except OSError as exc:
        return [(url, url, ReadProblem("unreadable", f"cannot read: {one_line(exc)}"))]
    out = []
    base = url.rstrip("/")
    strip = root.rstrip("/")
    for path in found:
        rel = posixpath.relpath(path, strip) if strip else path.lstrip("/")
        name = posixpath.basename(path)
        if not included(name) or excluded(rel, name):
            continue
        problem = None
        if local:
            if os.path.islink(path) and os.path.isdir(path):
                continue  # symlinked folders are not followed (nor is any link loop)
            problem = _local_problem(path, root_real, follow_external_symlinks, explicit=False)
        out.append((fs.unstrip_protocol(path), f"{base}/{rel}", problem))
    return out


def _is_local(fs) -> bool:
    try:
        from fsspec.implementations.local import LocalFileSystem
    except ImportError:  # pragma: no cover - fsspec without its local back-end
        return False
    return isinstance(fs, LocalFileSystem)


def _local_problem(path: str, root_real: str | None, follow: bool, explicit: bool) -> ReadProblem | None:
    """Why the local file ``path`` (of a ``file://`` URL) is not read, or None (also for
    a folder): the local walk's rules, so a FIFO is never opened."""
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            real = os.path.realpath(path)
            st = os.stat(path)
            if root_real is not None and not follow and not _inside(real, root_real):
                return ReadProblem("special", f"symlink to {real}, outside the project root: not followed"
                                              " (--follow-external-symlinks to check it)")
    except FileNotFoundError:
        return None  # reported by the caller as "no such file or folder"
    except OSError as exc:  # dangling link, loop, permissions
        return ReadProblem("unreadable", f"cannot read file: {exc.strerror or exc}")
    if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode):
        return None
    return ReadProblem("unreadable" if explicit else "special", f"not a regular file ({_kind(st.st_mode)}): not read")


def open_binary(url: str) -> BinaryIO:
    """A binary stream of the resource at ``url`` (``OSError`` when it cannot be read)."""
    fs, path = filesystem(url)
    try:
        return fs.open(path, "rb")
    except (OSError, ValueError) as exc:
        raise OSError(f"cannot read {url}: {one_line(exc)}") from None


def read_bytes(url: str) -> bytes:
    """The whole resource at ``url`` (``OSError`` when it cannot be read)."""
    with open_binary(url) as fh:
        return fh.read()
