"""Finding files and reading them: bad input is normal input.

Reading never raises for file content: undecodable bytes, NUL bytes (binary) and OS
errors become ``ReadProblem`` values the engine turns into findings, and the run goes
on. Nothing here writes.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .config import Config
from .document import Document


@dataclass(frozen=True)
class Source:
    path: str  # absolute
    display: str  # as shown to users: relative to cwd when under it
    unknown: bool = False  # named explicitly, but no reader or include glob claims its suffix


@dataclass(frozen=True)
class ReadProblem:
    kind: str  # "undecodable" | "binary" | "unreadable" | "unsupported" | "malformed" (a record)
    message: str
    line: int = 1
    column: int = 1
    record: int | str | None = None  # the data file's record the problem is in


def display_path(path: str, cwd: str | None = None) -> str:
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, cwd or os.getcwd())
    return absolute if rel.startswith("..") else rel


class _Matcher:
    """include/exclude globs compiled once into two regexes (fnmatch semantics).

    A file is checked when its name matches an include glob and neither its name nor
    its path relative to the walked folder (or any parent folder of it) matches an
    exclude glob.
    """

    def __init__(self, include: Iterable[str], exclude: Iterable[str]):
        self._include = _union(include)
        patterns = [p.rstrip("/") for p in exclude]
        self._exclude = _union(patterns + [p + "/*" for p in patterns])

    def included(self, name: str) -> bool:
        return self._include is not None and self._include.match(name) is not None

    def excluded(self, rel: str, name: str) -> bool:
        if self._exclude is None:
            return False
        return self._exclude.match(name) is not None or self._exclude.match(rel.replace(os.sep, "/")) is not None


def _union(globs: Iterable[str]):
    import re

    globs = list(globs)
    return re.compile("|".join(f"(?:{fnmatch.translate(g)})" for g in globs)) if globs else None


def discover(paths: Iterable[str], config: Config, extra_suffixes: Iterable[str] = (),
             report_unknown: bool = False) -> list[Source]:
    """Files to check, sorted and de-duplicated. Directories recurse; symlinked
    directories are not followed (so symlink loops cannot hang the walk). With
    ``report_unknown``, a file named explicitly that no include glob or reader suffix
    claims is returned with ``unknown=True`` (reported, not silently skipped)."""
    matcher = _Matcher(list(config.include) + [f"*{s}" for s in extra_suffixes], config.exclude)
    cwd = os.getcwd()
    seen: set[str] = set()
    out: list[Source] = []

    def add(path: str, real: str, unknown: bool = False) -> None:
        if real not in seen:
            seen.add(real)
            out.append(Source(os.path.abspath(path), display_path(path, cwd), unknown))

    for given in paths:
        if os.path.isdir(given):
            for dirpath, dirnames, filenames in os.walk(given, followlinks=False):
                rel_dir = os.path.relpath(dirpath, given)
                dirnames[:] = sorted(
                    d for d in dirnames if not matcher.excluded(os.path.normpath(os.path.join(rel_dir, d)), d)
                )
                real_dir = os.path.realpath(dirpath)
                for name in filenames:
                    if matcher.included(name) and not matcher.excluded(os.path.normpath(os.path.join(rel_dir, name)), name):
                        add(os.path.join(dirpath, name), os.path.join(real_dir, name))
        else:
            name = os.path.basename(given)
            if matcher.included(name) and not matcher.excluded(display_path(given, cwd), name):
                add(given, os.path.realpath(given))
            elif not os.path.exists(given) and not os.path.islink(given):
                add(given, os.path.abspath(given))  # reported as unreadable: a typo must not pass silently
            elif report_unknown and not matcher.included(name) and not matcher.excluded(display_path(given, cwd), name):
                add(given, os.path.realpath(given), unknown=True)  # named, but nothing reads it: say so
    if config.respect_gitignore and out:
        ignored = git_ignored([s.path for s in out])
        out = [s for s in out if s.path not in ignored]
    out.sort(key=lambda s: s.display)
    return out


@lru_cache(maxsize=4096)
def _git_top(directory: str) -> str | None:
    """The work tree containing ``directory`` (found by its .git entry), or None."""
    if os.path.exists(os.path.join(directory, ".git")):
        return directory
    parent = os.path.dirname(directory)
    return None if parent == directory else _git_top(parent)


def git_ignored(paths: list[str]) -> set[str]:
    """Paths git would ignore (.gitignore, .git/info/exclude, global excludes).

    One `git check-ignore --stdin` call per repository; outside a git work tree, or
    without git, nothing is ignored.
    """
    import subprocess

    roots: dict[str, list[str]] = {}
    for path in paths:
        top = _git_top(os.path.dirname(path))
        if top is not None:
            roots.setdefault(top, []).append(path)
    ignored: set[str] = set()
    for top, members in roots.items():
        try:
            proc = subprocess.run(["git", "check-ignore", "--stdin", "-z"], cwd=top,
                                  input="\0".join(members) + "\0", capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.SubprocessError):
            continue
        ignored.update(p for p in proc.stdout.split("\0") if p)
    return ignored


def read_bytes(path: str) -> bytes | ReadProblem:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        return ReadProblem("unreadable", f"cannot read file: {exc.strerror or exc}")


def decode(data: bytes) -> str | ReadProblem:
    if b"\x00" in data:
        return ReadProblem("binary", "binary file (contains NUL bytes): skipped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[max(line_start, 3 if data.startswith(b"\xef\xbb\xbf") else 0) : exc.start]
                     .decode("utf-8", "replace")) + 1  # a BOM is not a column
        bad = data[exc.start : exc.start + 4].hex(" ")
        return ReadProblem(
            "undecodable",
            f"invalid UTF-8 at byte offset {exc.start} (bytes {bad}): {exc.reason}; file not checked or fixed",
            line,
            column,
        )


def load(source: Source, data: bytes | None = None) -> Document | ReadProblem:
    """The file as a Document (``data``: its bytes when already read, e.g. standard input)."""
    data = read_bytes(source.path) if data is None else data
    if isinstance(data, ReadProblem):
        return data
    text = decode(data)
    if isinstance(text, ReadProblem):
        return text
    return Document(source.display, text)


def read_with(reader, source: Source, data: bytes | None = None) -> list[Document] | ReadProblem:
    """Documents a plugin reader makes of a file (e.g. one per JSONL record)."""
    data = read_bytes(source.path) if data is None else data
    if isinstance(data, ReadProblem):
        return data
    try:
        return list(reader.read(source.path, data, source.display))
    except UnicodeDecodeError as exc:
        return ReadProblem("undecodable", f"invalid UTF-8 at byte offset {exc.start}: {exc.reason}")
    except Exception as exc:  # a reader failing on one file must not end the run
        return ReadProblem("unreadable", f"reader {type(reader).__name__} failed: {type(exc).__name__}: {exc}")


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` as UTF-8: temp file in the same folder, fsync, os.replace, mode kept."""
    import tempfile

    directory = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=".corpuslint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
