"""Finding files and reading them: bad input is normal input.

Reading never raises for file content: undecodable bytes, NUL bytes (binary) and OS
errors become ``ReadProblem`` values the engine turns into findings, and the run goes
on. Nothing here writes.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import fnmatch
import operator
import os
import stat
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterable, Iterator

from .config import Config
from .document import Document, hash_utf8
from .info import info_bytes
from .text.legacy import conversion_hint
from .text.lazy_regex import lazy, lazy_re


@dataclass(frozen=True)
class ReadProblem:
    kind: str  # "undecodable" | "binary" | "unreadable" | "unsupported" | "malformed" (a record)
    #          | "special" (FIFO, device, link leaving the root) | "not-written" (a fix)
    #          | "bom" (a UTF-8 byte-order mark before a dataset's record 1: W110)
    message: str
    line: int = 1
    column: int = 1
    record: int | str | None = None  # the data file's record the problem is in
    unread: bool = False  # a "malformed" file refused whole (no record read): not counted as checked


@dataclass(frozen=True)
class Source:
    path: str  # absolute
    display: str  # as shown to users: relative to cwd when under it
    unknown: bool = False  # named explicitly, but no reader or include glob claims its suffix
    problem: ReadProblem | None = None  # found by discovery: never opened, reported instead
    # (size, mtime_ns) of a regular file when the folder walk found it (its ``lstat``), so
    # the corpus index compares it with its record without a second ``stat``; else None
    stat: tuple[int, int] | None = field(default=None, compare=False)
    # the language its text is declared to be in (config ``per-file-language``), or None
    language: str | None = field(default=None, compare=False)


def relative(path: str, start: str) -> str:
    """``os.path.relpath(path, start)``, without its cost for the common case of a path
    under ``start`` (a walk of many files)."""
    absolute = os.path.abspath(path)
    prefix = os.path.abspath(start).rstrip(os.sep) + os.sep
    if absolute.startswith(prefix) and len(absolute) > len(prefix):
        return absolute[len(prefix):]
    return os.path.relpath(absolute, start)


def display_path(path: str, cwd: str | None = None, printable: bool = True) -> str:
    """``path`` relative to ``cwd`` (default: the current folder) when it lies under it,
    else absolute; written as ``printable_name`` does (unless not ``printable``: the name
    itself, for a patch header that quotes it its own way)."""
    rel = relative(path, cwd or os.getcwd())
    shown = os.path.abspath(path) if rel.startswith("..") else rel
    return printable_name(shown) if printable else shown


# What a report cannot show as it is: a byte of the name that is not UTF-8 (Python reads it
# as a surrogate escape, U+DC80..U+DCFF), a C0 or C1 control character, DEL, a backslash
# (escaped too when anything else is, so the escapes read back one way).
_UNSHOWABLE_RE = lazy_re(r"[\x00-\x1f\x7f-\x9f\udc80-\udcff]")
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\"}


def _escape(ch: str) -> str:
    o = ord(ch)
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if o >= 0xDC80:  # the byte itself, in octal as git writes it ("bad\377name.txt")
        return "\\%03o" % (o - 0xDC00)
    return "\\x%02x" % o


def printable_name(path: str) -> str:
    """``path`` as reports show it and key it (``Source.display``, a finding's path).
    Unchanged unless it holds a byte that is not UTF-8 or a control character (a newline
    in a file name): then those are written as escapes, git's way (``bad\\377name.txt``
    for the byte 0xFF, ``new\\nline.txt``; a backslash as two), so every report stays valid
    UTF-8 with one finding a line, and the cache can key the file. The file itself is still
    opened by its real name (``Source.path``)."""
    if path.isprintable() or not _UNSHOWABLE_RE.search(path):
        return path
    return "".join(_escape(ch) if _UNSHOWABLE_RE.match(ch) or ch == "\\" else ch for ch in path)


class _Matcher:
    """include/exclude globs compiled once into two regexes (fnmatch semantics).

    A file is checked when its name matches an include glob and neither its name nor
    its path relative to the walked folder (or any parent folder of it) matches an
    exclude glob.
    """

    def __init__(self, include: Iterable[str], exclude: Iterable[str]):
        include = list(include)
        self._include = _union(include)
        patterns = [p.rstrip("/") for p in exclude]
        self._exclude = _union(patterns + [p + "/*" for p in patterns])
        # The usual globs answered by string tests, the same as the regexes (a walk asks
        # three times a file): includes all "*<suffix>" (fnmatch: ends with the suffix),
        # excludes without wildcards (the name or path itself, or a path under it).
        if include and all(g.startswith("*") and not _has_wildcard(g[1:]) for g in include):
            self.included = self._included_suffix
            self._suffixes = tuple(g[1:] for g in include)
        if all(not _has_wildcard(p) for p in patterns):
            self.excluded = self._excluded_literal
            self._names = frozenset(patterns)
            self._under = tuple(p + "/" for p in patterns)

    def included(self, name: str) -> bool:
        return self._include is not None and self._include.match(name) is not None

    def excluded(self, rel: str, name: str) -> bool:
        if self._exclude is None:
            return False
        return self._exclude.match(name) is not None or self._exclude.match(rel.replace(os.sep, "/")) is not None

    def _included_suffix(self, name: str) -> bool:
        return name.endswith(self._suffixes)

    def _excluded_literal(self, rel: str, name: str) -> bool:
        if os.sep != "/":
            rel = rel.replace(os.sep, "/")
        return name in self._names or rel in self._names or rel.startswith(self._under)  # (a name has no "/")


def _has_wildcard(glob: str) -> bool:
    """``glob`` has an fnmatch wildcard (``*``, ``?`` or a ``[`` set)."""
    return "*" in glob or "?" in glob or "[" in glob


def _union(globs: Iterable[str]):
    import re

    globs = list(globs)
    return re.compile("|".join(f"(?:{fnmatch.translate(g)})" for g in globs)) if globs else None


_KIND = {stat.S_IFIFO: "FIFO", stat.S_IFSOCK: "socket", stat.S_IFCHR: "character device",
         stat.S_IFBLK: "block device", stat.S_IFDIR: "directory"}


def one_line(exc: BaseException) -> str:
    """The first line of ``exc``'s message (its type name when the message is empty):
    for the one-line problems and errors built from a library's exception."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _kind(mode: int) -> str:
    return _KIND.get(stat.S_IFMT(mode), "special file")


def _inside(real: str, root_real: str) -> bool:
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def discover(paths: Iterable[str], config: Config, extra_suffixes: Iterable[str] = (),
             report_unknown: bool = False, skipped: "dict[str, int] | None" = None) -> list[Source]:
    """Files to check, sorted and de-duplicated. Directories are walked iteratively
    (no recursion limit) with ``lstat`` information only: nothing is opened here.
    With ``report_unknown``, a file named explicitly that no include glob or reader
    suffix claims is returned with ``unknown=True`` (reported, not silently skipped).
    With ``skipped`` (a dict, filled here), a walk counts the files it leaves out that a
    user expects checked (``unread_key``: ``{".ass": 2, "NEWS": 3}``), for the run's notes.

    - symlinked directories are not followed (symlink loops cannot hang the walk);
    - FIFOs, sockets and devices matching the include globs become ``special``
      problems (F007, info); named on the command line they are ``unreadable`` (F003);
    - a symlink whose target lies outside the project root is not followed (F007)
      unless ``config.follow_external_symlinks``;
    - a folder that cannot be listed (permissions, path too long) is ``unreadable``.
    """
    matcher = _Matcher(list(config.include) + [f"*{s}" for s in extra_suffixes], config.exclude)
    cwd = os.getcwd()
    root_real = os.path.realpath(config.root)
    follow = getattr(config, "follow_external_symlinks", False)
    seen: set[str] = set()
    out: list[Source] = []
    # the language ``per-file-language`` declares for a display path
    language_for = config.language_for if getattr(config, "per_file_language", None) else _undeclared

    def add(path: str, real: str, problem: ReadProblem | None = None, unknown: bool = False) -> None:
        if real not in seen:
            seen.add(real)
            display = display_path(path, cwd)
            out.append(Source(os.path.abspath(path), display, unknown, problem, language=language_for(display)))

    def check_file(path: str, lst: os.stat_result, explicit: bool, real_dir: str | None = None) -> None:
        """A (non-directory) entry: add it, or add the reason it is not read."""
        if stat.S_ISLNK(lst.st_mode) or real_dir is None:
            real = os.path.realpath(path)
        else:
            real = os.path.join(real_dir, os.path.basename(path))
        st = lst
        if stat.S_ISLNK(lst.st_mode):
            try:
                st = os.stat(path)
            except OSError as exc:  # dangling link or loop: no text of the user's is bad (F007 info), as for
                # a link leaving the root; named on the command line, an error (F003), as a FIFO named
                target = os.readlink(path) if os.path.islink(path) else "?"
                add(path, os.path.abspath(path), ReadProblem(
                    "unreadable" if explicit else "special",
                    f"{'broken ' if exc.errno == errno.ENOENT else ''}symlink to {target}: not read ({exc.strerror or exc})"))
                return
            if not follow and not _inside(real, root_real):
                add(path, os.path.abspath(path), ReadProblem(
                    "special", f"symlink to {real}, outside the project root: not followed"
                               " (--follow-external-symlinks to check it)"))
                return
        if stat.S_ISREG(st.st_mode):
            add(path, real)
        elif not stat.S_ISDIR(st.st_mode):
            kind = "unreadable" if explicit else "special"
            add(path, os.path.abspath(path), ReadProblem(kind, f"not a regular file ({_kind(st.st_mode)}): not read"))

    for given in paths:
        if is_url(given):  # fsspec: memory://, file://, s3://... (read where the run reads)
            from .readers import remote

            for url, display, problem in remote.discover(given, matcher.included, matcher.excluded,
                                                         root_real, follow):
                if url not in seen:
                    seen.add(url)
                    out.append(Source(url, display, problem=problem, language=language_for(display)))
            continue
        try:
            lst = os.lstat(given)
        except OSError as exc:
            add(given, os.path.abspath(given), ReadProblem("unreadable", f"cannot read file: {exc.strerror or exc}"))
            continue  # reported as unreadable: a typo must not pass silently
        if stat.S_ISDIR(lst.st_mode) or (stat.S_ISLNK(lst.st_mode) and os.path.isdir(given)):
            # in a git work tree, a submodule (or nested repository) is another project's
            # files, as git ls-files leaves it out: walked when named, not when found
            in_repo = bool(config.respect_gitignore) and _git_top(os.path.abspath(given)) is not None
            _walk(given, matcher, add, check_file, seen, out, cwd, language_for, skip_repos=in_repo, skipped=skipped)
            continue
        name = os.path.basename(given)
        if matcher.included(name) and not matcher.excluded(display_path(given, cwd), name) or not (
                stat.S_ISREG(lst.st_mode) or stat.S_ISLNK(lst.st_mode)):
            check_file(given, lst, explicit=True)
        elif report_unknown and not matcher.included(name) and not matcher.excluded(display_path(given, cwd), name):
            add(given, os.path.realpath(given), unknown=True)  # named, but nothing reads it: say so
    if config.respect_gitignore and out:
        ignored = git_ignored([s.path for s in out if (s.problem is None or s.problem.kind == "special")
                               and ("://" not in s.path or not is_url(s.path))])
        out = [s for s in out if s.path not in ignored]
    out.sort(key=lambda s: s.display)
    return out


def unclaimed(paths: Iterable[str], config: Config, extra_suffixes: Iterable[str] = (),
              limit: int = 100_000) -> "Counter[str]":
    """What a walk of ``paths`` skipped: the regular files under the given folders that no
    include glob (nor reader suffix in ``extra_suffixes``) claims and no exclude glob
    removes, counted by lower-cased suffix ("" for none). For the note a run that checked
    no file prints; stops after ``limit`` directory entries (a bounded extra walk)."""
    from collections import Counter

    matcher = _Matcher(list(config.include) + [f"*{s}" for s in extra_suffixes], config.exclude)
    counts: Counter[str] = Counter()
    seen = 0
    for given in paths:
        if is_url(given) or not os.path.isdir(given):
            continue
        for dirpath, dirnames, filenames in os.walk(given):
            rel_dir = os.path.relpath(dirpath, given)
            rel_prefix = "" if rel_dir == "." else rel_dir + os.sep
            dirnames[:] = [d for d in dirnames if not matcher.excluded(rel_prefix + d, d)]
            for name in filenames:
                seen += 1
                if not matcher.included(name) and not matcher.excluded(rel_prefix + name, name):
                    counts[os.path.splitext(name)[1].lower()] += 1
            seen += len(dirnames)
            if seen >= limit:
                return counts
    return counts


# Plain-text documents known by their name, without a suffix corpuslint reads (GNU/Debian
# changelog, NEWS, README ...): fresh26's 476 changelogs of 649 files were left out in silence.
# Licences (COPYING, LICENSE) are boilerplate by design: not named.
DOCUMENT_NAMES = frozenset({"readme", "news", "changes", "changelog", "history", "authors", "thanks", "todo"})
# HTML pages: read with their structure when included, not walked by default (a repository's
# HTML is often a build output); a walk counts those it leaves out (fresh27: 60 Persian
# handbook pages left out in silence).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# (compressed, HTML or print formats: not plain text)
_NOT_PLAIN = (".gz", ".bz2", ".xz", ".zst", ".z", ".zip", ".lz", ".lzma", *HTML_SUFFIXES, ".pdf", ".ps", ".dvi")


def unread_key(name: str, subtitle_suffixes) -> str | None:
    """How a walk counts a file it leaves out (not included, not excluded), or None when a
    user would not expect it checked: a subtitle format nothing reads or an HTML page by its
    lower-cased suffix (``".ass"``, one of ``subtitle_suffixes``; ``".html"``, one of
    ``HTML_SUFFIXES``), a plain-text document known by its name (``DOCUMENT_NAMES``:
    ``NEWS``, ``ChangeLog``, ``changelog.Debian``; not a compressed, HTML or print file) by
    the name itself, the glob that would include it."""
    dot = name.find(".")
    if dot > 0:
        suffix = name[name.rfind("."):].lower()
        if suffix in subtitle_suffixes or suffix in HTML_SUFFIXES:
            return suffix
    if name[:dot if dot > 0 else len(name)].lower() in DOCUMENT_NAMES and not name.lower().endswith(_NOT_PLAIN):
        return name
    return None


def _undeclared(display: str) -> None:
    """No ``per-file-language`` table: no file's language is declared."""
    return None


def _walk(top: str, matcher: "_Matcher", add, check_file, seen: set[str], out: list[Source], cwd: str,
          language_for=_undeclared, skip_repos: bool = False, skipped: "dict[str, int] | None" = None) -> None:
    """Iterative, sorted walk of ``top`` (an explicit stack instead of recursion).
    Regular files not ``seen`` (real paths) go to ``out`` with their absolute, display
    and real paths made from their folder's (what ``check_file`` would compute, without
    its per-file path calls) and their ``lstat`` size and mtime; anything else to
    ``check_file``. With ``skip_repos``, a folder below ``top`` holding a ``.git`` entry
    (a git submodule, a nested repository) is not walked. (A walk makes one Source per file: made here without a call per
    file, nor the frozen dataclass's ``object.__setattr__`` per field.)"""
    stack = [(top, ".", os.path.realpath(top))]
    sep = os.sep
    included, excluded, is_regular = matcher.included, matcher.excluded, stat.S_ISREG
    new_source, by_name = object.__new__, operator.attrgetter("name")
    from .subtitles import UNREAD_SUBTITLE_SUFFIXES as unread
    while stack:
        dirpath, rel_dir, real_dir = stack.pop()
        try:
            with os.scandir(dirpath) as it:
                entries = sorted(it, key=by_name)
        except OSError as exc:
            what = "path too long" if exc.errno == errno.ENAMETOOLONG else (exc.strerror or str(exc))
            add(dirpath, os.path.abspath(dirpath), ReadProblem("unreadable", f"cannot list folder: {what}"))
            continue
        abs_dir = os.path.abspath(dirpath)
        shown = display_path(dirpath, cwd)  # "." (cwd itself), relative under cwd, else absolute
        shown_prefix = "" if shown == "." else shown.rstrip(os.sep) + os.sep
        rel_prefix = "" if rel_dir == "." else rel_dir + os.sep
        # (os.path.join of these normalised folders and a name, without its per-call cost)
        abs_prefix = abs_dir if abs_dir.endswith(sep) else abs_dir + sep
        real_prefix = real_dir if real_dir.endswith(sep) else real_dir + sep
        subdirs = []
        top_level = shown_prefix == ""
        for entry in entries:
            name = entry.name
            rel = rel_prefix + name  # == os.path.normpath(os.path.join(rel_dir, name))
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                if skip_repos and os.path.lexists(os.path.join(dirpath, name, ".git")):
                    continue  # (fresh22: vendor/sub's 14 findings and a D105 against its original)
                if not excluded(rel, name):
                    # not a symlink: its real path is its parent's plus its name
                    subdirs.append((os.path.join(dirpath, name), rel, os.path.join(real_dir, name)))
                continue
            if not included(name) or excluded(rel, name):
                if skipped is not None and not excluded(rel, name):
                    key = unread_key(name, unread)
                    if key is not None:
                        skipped[key] = skipped.get(key, 0) + 1
                continue
            try:
                lst = entry.stat(follow_symlinks=False)
            except OSError as exc:
                add(entry.path, os.path.abspath(entry.path),
                    ReadProblem("unreadable", f"cannot read file: {exc.strerror or exc}"))
                continue
            if is_regular(lst.st_mode) and not (top_level and name.startswith("..")):
                real = real_prefix + name
                if real not in seen:
                    seen.add(real)
                    source = new_source(Source)
                    display = shown_prefix + (name if name.isprintable() else printable_name(name))
                    source.__dict__.update(path=abs_prefix + name, display=display, unknown=False, problem=None,
                                           stat=(lst.st_size, lst.st_mtime_ns))
                    if language_for is not _undeclared:  # (else the class default: None)
                        source.__dict__["language"] = language_for(display)
                    out.append(source)
                continue
            if stat.S_ISLNK(lst.st_mode) and os.path.isdir(entry.path):
                continue  # symlinked directories are not followed
            check_file(entry.path, lst, False, real_dir)
        stack.extend(reversed(subdirs))


_GIT_TOPS: dict[str, str | None] = {}


def _git_top(directory: str) -> str | None:
    """The work tree containing ``directory`` (found by its .git entry), or None.
    Iterative (trees can be deeper than the recursion limit); memoised per folder."""
    walked = []
    top: str | None = None
    d = directory
    while True:
        if d in _GIT_TOPS:
            top = _GIT_TOPS[d]
            break
        walked.append(d)
        if os.path.exists(os.path.join(d, ".git")):
            top = d
            break
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    if len(_GIT_TOPS) > 65536:
        _GIT_TOPS.clear()
    for w in walked:
        _GIT_TOPS[w] = top
    return top


def git_ignored(paths: list[str]) -> set[str]:
    """Paths git would ignore (.gitignore, .git/info/exclude, global excludes).

    One `git check-ignore --stdin` call per repository; outside a git work tree, or
    without git, nothing is ignored.
    """
    import subprocess

    roots: dict[str, list[str]] = {}
    # (paths are absolute and normalised; a walk lists folder by folder: few distinct folders)
    folders = [path.rpartition(os.sep)[0] or os.path.dirname(path) for path in paths]
    tops = {folder: _git_top(folder) for folder in dict.fromkeys(folders)}  # folder -> work tree
    if len(set(tops.values())) == 1:  # one work tree (or none) for every path: no grouping per path
        top = next(iter(tops.values()), None)
        if top is not None:
            roots[top] = list(paths)
    else:
        for path, folder in zip(paths, folders):
            top = tops[folder]
            if top is not None:
                roots.setdefault(top, []).append(path)
    ignored: set[str] = set()
    for top, members in roots.items():
        try:
            # as bytes: a file name need not be UTF-8 (os.fsencode gives its bytes back)
            proc = subprocess.run(["git", "check-ignore", "--stdin", "-z"], cwd=top,
                                  input=b"\0".join(map(os.fsencode, members)) + b"\0", capture_output=True,
                                  timeout=120)
        except (OSError, subprocess.SubprocessError):
            continue
        ignored.update(os.fsdecode(p) for p in proc.stdout.split(b"\0") if p)
    return ignored


_URL_RE = lazy_re(r"^[A-Za-z][A-Za-z0-9+.-]+://")  # two letters at least: "C://" is no URL


def is_url(path: str) -> bool:
    """``path`` names a resource by protocol (``scheme://...``): read through fsspec
    (readers/remote.py), never as a local path."""
    return _URL_RE.match(path) is not None


def read_bytes(path: str) -> bytes | ReadProblem:
    """The file's bytes. Opened non-blocking and checked with ``fstat`` before reading,
    so a FIFO or device swapped in after discovery cannot hang or flood the run. A URL
    is read through fsspec."""
    if is_url(path):
        from .readers import remote

        try:
            return remote.read_bytes(path)
        except OSError as exc:
            return ReadProblem("unreadable", str(exc))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return ReadProblem("unreadable", f"cannot read file: {exc.strerror or exc}")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return ReadProblem("unreadable", f"not a regular file ({_kind(st.st_mode)}): not read")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    except OSError as exc:
        return ReadProblem("unreadable", f"cannot read file: {exc.strerror or exc}")
    finally:
        os.close(fd)


# A byte-order mark names a UTF-16 or UTF-32 file reliably (UTF-32's first, since its
# little-endian BOM begins with UTF-16's); without one such a file stays "binary" (F002):
# NUL bytes cannot tell UTF-16 from a binary format.
BOM_ENCODINGS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters no text file holds (C0/C1 controls other than whitespace -- \t \n \v \f \r,
# the separators \x1c-\x1e, NEL --, unassigned, private use, surrogates): more than
# MAX_NONTEXT of them and a BOM-marked file is binary after all. Counted by one regex scan.
_NONTEXT_RE = lazy(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\p{Cn}\p{Co}\p{Cs}]")
MAX_NONTEXT = 0.01


def bom_encoding(data: bytes) -> str | None:
    """The UTF-16/UTF-32 encoding ``data``'s byte-order mark names, else None (UTF-8)."""
    if data[:1] in (b"\xff", b"\xfe", b"\x00"):
        for bom, encoding in BOM_ENCODINGS:
            if data.startswith(bom):
                return encoding
    return None


def encode_text(text: str, encoding: str = "utf-8") -> bytes:
    """The bytes of a document's ``text`` in the file's ``encoding`` (``Document.encoding``):
    UTF-8 as it is (a UTF-8 BOM is part of the text), UTF-16/32 after their BOM."""
    if encoding == "utf-8":
        return text.encode("utf-8", "surrogatepass")
    bom = next(b for b, e in BOM_ENCODINGS if e == encoding)
    return bom + text.encode(encoding)


def _decode_bom(data: bytes, encoding: str) -> str | None:
    """A BOM-marked UTF-16/32 file's text (the BOM left out: it is the encoding's mark,
    written back by ``encode_text``), or None when the bytes after the mark are not
    such text (invalid, or with NULs or characters no text holds: a binary file)."""
    body = data[len(next(b for b, e in BOM_ENCODINGS if e == encoding)):]
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    return None if len(_NONTEXT_RE.findall(text)) > MAX_NONTEXT * len(text) else text


def decode(data: bytes, path: str = "FILE") -> str | ReadProblem:
    """The text of a file's bytes: UTF-8, or UTF-16/UTF-32 with a byte-order mark
    (``bom_encoding``); else a ``binary`` (NUL bytes) or ``undecodable`` problem, the latter
    naming the legacy encoding the bytes look like and the ``iconv`` command that converts
    the file at ``path`` (``text.legacy.conversion_hint``)."""
    encoding = bom_encoding(data)
    if encoding is not None:
        text = _decode_bom(data, encoding)
        if text is not None:
            return text
        if b"\x00" in data:
            name = encoding.upper().replace("-LE", " LE").replace("-BE", " BE")
            return ReadProblem("binary", f"binary file (contains NUL bytes; not {name} text despite its "
                                         "byte-order mark): skipped")
    if b"\x00" in data and not info_bytes(data):  # (a GNU Info file's index markers ^@^H[index^@^H] are text)
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
            f"invalid UTF-8 at byte offset {exc.start} (bytes {bad}): {exc.reason}; file not checked or fixed"
            + conversion_hint(data, path),
            line,
            column,
        )


def load(source: Source, data: bytes | None = None) -> Document | ReadProblem:
    """The file as a Document (``data``: its bytes when already read, e.g. standard input)."""
    if source.problem is not None:
        return source.problem
    data = read_bytes(source.path) if data is None else data
    if isinstance(data, ReadProblem):
        return data
    text = decode(data, source.display)
    if isinstance(text, ReadProblem):
        return text
    doc = Document(source.display, text, language=source.language)
    encoding = bom_encoding(data)
    if encoding is not None:
        doc.encoding = encoding  # --fix writes it back so, BOM first
    else:
        # (``decode`` is strict: the text's UTF-8 encoding is ``data`` itself, hashed without encoding it again)
        doc.__dict__["content_hash"] = hash_utf8(data, source.language)
    return doc


def read_with(reader, source: Source, data: bytes | None = None) -> list[Document] | ReadProblem:
    """Documents a plugin reader makes of a file (e.g. one per JSONL record)."""
    if source.problem is not None:
        return source.problem
    data = read_bytes(source.path) if data is None else data
    if isinstance(data, ReadProblem):
        return data
    try:
        return list(reader.read(source.path, data, source.display))
    except UnicodeDecodeError as exc:
        return ReadProblem("undecodable", f"invalid UTF-8 at byte offset {exc.start}: {exc.reason}")
    except Exception as exc:  # a reader failing on one file must not end the run
        return ReadProblem("unreadable", f"reader {type(reader).__name__} failed: {type(exc).__name__}: {exc}")


TEMP_PREFIX = ".corpuslint-"
TEMP_SUFFIX = ".tmp"
STALE_TEMP_AGE_S = 3600.0


def _inside_root(real: str, root: str) -> bool:
    return _inside(real, os.path.realpath(root))


def write_fixed(path: str, old_text: str, new_text: str, root: str, encoding: str = "utf-8") -> ReadProblem | None:
    """Rewrite ``path`` with ``new_text`` as one transaction; a ``not-written`` problem
    (and the file untouched) instead of an exception when it cannot be done safely.
    ``encoding``: the file's (``Document.encoding``): a UTF-16/32 file is written back in
    its encoding, its byte-order mark first (``encode_text``).

    - a symlink is kept: the fix is written to its target, only if that is inside
      ``root``;
    - the new text goes to a temp file in the target's folder (fsync'd, same mode and,
      when permitted, owner), which is removed on every error path;
    - right before ``os.replace`` the file is read again: if its bytes are not the
      ``old_text`` the fix was computed from (edited or deleted meanwhile), nothing is
      written. (A write landing between this check and the rename, microseconds
      later, can still be lost; no portable API closes that window.)
    """
    if is_url(path):
        return ReadProblem("not-written", "fix not written: a URL is read only")
    target = os.path.realpath(path)
    if os.path.islink(path) and not _inside_root(target, root):
        return ReadProblem("not-written", f"fix not written: symlink to {target}, outside the project root")
    try:
        st = os.stat(target)
    except OSError as exc:
        return ReadProblem("not-written", f"fix not written: file vanished during --fix ({exc.strerror or exc})")
    if not stat.S_ISREG(st.st_mode):
        return ReadProblem("not-written", f"fix not written: no longer a regular file ({_kind(st.st_mode)})")
    try:
        data = encode_text(new_text, encoding)
    except UnicodeEncodeError as exc:  # (a fix never brings a lone surrogate; refuse rather than guess)
        return ReadProblem("not-written", f"fix not written: the fixed text cannot be written as {encoding}: {exc.reason}")

    def unchanged() -> None:
        current = read_bytes(target)
        if isinstance(current, ReadProblem):
            raise _NotWritten("fix not written: file vanished or became unreadable during --fix")
        if current != encode_text(old_text, encoding):
            raise _NotWritten("fix not written: the file changed since it was read (run --fix again)")

    try:
        with replacing(target, st, verify=unchanged) as fh:
            fh.write(data)
    except _NotWritten as exc:
        return ReadProblem("not-written", str(exc))
    except OSError as exc:
        where = exc.filename or os.path.dirname(target)
        return ReadProblem("not-written", f"fix not written: {exc.strerror or exc} ({where})")
    return None


class _NotWritten(Exception):
    pass


@contextlib.contextmanager
def replacing(target: str, st: os.stat_result | None = None,
              verify: Callable[[], None] | None = None) -> Iterator[BinaryIO]:
    """Replace ``target`` atomically with what the ``with`` block writes to the yielded
    binary file: a temp file ``.corpuslint-<pid>-*.tmp`` in the target's folder, fsync'd,
    given ``st``'s mode (and owner, when permitted), ``verify()`` called last (it raises
    to abort), then ``os.replace``. On any error, in the block or after it, the temp
    file is removed and the error re-raised; ``target`` is then untouched."""
    import tempfile

    directory = os.path.dirname(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            os.chmod(tmp, st.st_mode & 0o7777)
            if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass  # not permitted: the rewritten file belongs to the caller, as with any editor
        if verify is not None:
            verify()
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` as UTF-8 through ``replacing`` (mode kept, or the umask default for
    a new file); raises OSError. ``write_fixed`` is the checked variant --fix uses."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = os.stat_result((0o100644 & ~_umask(),) + (0,) * 9)
    with replacing(path, st) as fh:
        fh.write(text.encode("utf-8", "surrogatepass"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def clean_stale_temp_files(directories: Iterable[str]) -> int:
    """Remove ``.corpuslint-*.tmp`` left in ``directories`` by a run that was killed:
    those whose writer process is gone (pid in the name) or older than an hour.
    Returns how many were removed."""
    import time

    removed = 0
    now = time.time()
    for directory in directories:
        try:
            with os.scandir(directory) as it:
                names = [e for e in it if e.name.startswith(TEMP_PREFIX) and e.name.endswith(TEMP_SUFFIX)]
        except OSError:
            continue
        for entry in names:
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                if _writer_alive(entry.name) and now - entry.stat(follow_symlinks=False).st_mtime < STALE_TEMP_AGE_S:
                    continue
                os.unlink(entry.path)
                removed += 1
            except OSError:
                continue
    return removed


def _writer_alive(name: str) -> bool:
    pid_text = name[len(TEMP_PREFIX):].split("-", 1)[0]
    if not pid_text.isdigit():
        return True  # an older name without pid: judged by age only
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # ours, from an earlier run in this process that cannot be live now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
