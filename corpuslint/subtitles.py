"""Subtitle files (``.srt``, ``.vtt``, ``.sbv``) read with their structure, as Markdown is.

A small strict parser of the line grammar (W3C WebVTT, https://www.w3.org/TR/webvtt1/;
SubRip as written by every tool: index, timing line, text; YouTube's SubViewer ``.sbv``:
a ``0:00:00.599,0:00:04.160`` timing line, then text, ``[br]`` a line break) gives ``structure.Region``
objects, so rules need no change: cue numbers, cue identifiers, timing lines with their
cue settings, the ``WEBVTT`` header with its metadata lines, ``NOTE``, ``STYLE`` and
``REGION`` blocks are ``markup``; caption text is ``prose``; inline tags inside caption
text (``<i>``, ``</b>``, ``<c.magenta>``, ``<v Roger>``, ``<00:17.500>``,
``<font color="#ff00ff">``, ASS override blocks ``{\\an8}``) are ``markup`` spans.

The libraries (pysubs2, srt, webvtt-py) parse captions into objects without the line
and column each came from, and every finding must point at the original text; the
grammar is a few lines, so it is parsed here, offset by offset.

Malformed input fails soft: ``parse`` returns the first problem (a block that is not a
cue, a timing line that does not parse, a ``.vtt`` without its ``WEBVTT`` line) and the
document is read as plain text; rule F009 ``malformed-subtitle`` reports it.
Advanced SubStation (``.ass``, ``.ssa``) is not read: its text is in comma-separated
``Dialogue:`` fields, not lines of prose; nor is SAMI (``.smi``, HTML-like ``<SYNC>`` blocks).
A folder walk counts such files (``UNREAD_SUBTITLE_SUFFIXES``) and the run says so in a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .structure import MARKUP, PROSE, SUBTITLE_SUFFIXES, Region
from .text.lazy_regex import lazy_re

if TYPE_CHECKING:
    from .document import Document

# A timestamp: hours optional, as WebVTT allows; SubRip writes a comma before the
# milliseconds, WebVTT a full stop (both are accepted in both: tools mix them). Digits are
# counted loosely (``0:0:3.540`` is written by real tools), the shape is not.
_TIME = r"(?:\d{1,3}:)?\d{1,2}:\d{1,2}[.,]\d{1,3}"
_TIMING_RE = lazy_re(rf"[ \t]*{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t]+[^\n]*)?[ \t]*")
_SBV_TIMING_RE = lazy_re(rf"[ \t]*{_TIME},{_TIME}[ \t]*")  # SubViewer (YouTube .sbv): start,end
_HEADER_RE = lazy_re(r"WEBVTT(?:[ \t][^\n]*)?")
_VTT_BLOCK_RE = lazy_re(r"(?:NOTE|STYLE|REGION)(?:[ \t][^\n]*)?[ \t]*")
_INDEX_RE = lazy_re(r"[ \t]*\d+[ \t]*")
# Inline markup in caption text: WebVTT cue spans (c, i, b, u, v, lang, ruby, rt, with
# classes and an annotation) and timestamps; SubRip's HTML-like <i> <b> <u> <font ...>;
# ASS override blocks that SubRip files carry ({\an8}, {\i1}).
_TAG_RE = lazy_re(
    r"</?(?:[ibu]|c|v|lang|ruby|rt|font)(?:\.[\w-]+)*(?:[ \t][^<>\n]*)?>"
    r"|<(?:\d{1,3}:)?\d{1,2}:\d{1,2}\.\d{1,3}>"
    r"|\{\\[^{}\n]*\}",
    re.IGNORECASE,
)
_SBV_BREAK = "[br]"  # SubViewer's line break inside a caption line: markup

# Subtitle formats a folder walk finds but nothing reads (``files.discover`` counts them; the
# run names them in a note): their names, for the note.
UNREAD_SUBTITLE_SUFFIXES = {".ass": "Advanced SubStation", ".ssa": "SubStation Alpha", ".smi": "SAMI",
                            ".sami": "SAMI", ".sub": "MicroDVD/SubViewer", ".ttml": "TTML", ".dfxp": "TTML"}


@dataclass(frozen=True, slots=True)
class Problem:
    """Why the file was not read as subtitles: at ``offset`` in the text."""

    offset: int
    message: str


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line's content, without its line terminator."""
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        content_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        out.append((pos, content_end))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of lines that are not blank (a line of spaces is blank: tools pad with them)."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for s, e in lines:
        if text[s:e].strip(" \t\ufeff"):
            current.append((s, e))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def parse(text: str, suffix: str) -> "list[Region] | Problem":
    """The regions of a subtitle text, or the first problem that makes it not one."""
    vtt = suffix == ".vtt"
    sbv = suffix == ".sbv"
    lines = _lines(text)
    regions: list[Region] = []
    if text.startswith("\ufeff") and lines[0][1] >= 1:
        lines[0] = (1, lines[0][1])  # a byte order mark is no part of the first line (W110 reports it)
        regions.append(Region(0, 1, MARKUP))
    # lines of spaces between blocks are layout (Netflix pads with them): markup
    for s, e in lines:
        if s < e and not text[s:e].strip(" \t\ufeff"):
            regions.append(Region(s, e, MARKUP))
    blocks = _blocks(text, lines)
    if vtt:
        if not blocks or not _HEADER_RE.fullmatch(text, blocks[0][0][0], blocks[0][0][1]):
            return Problem(blocks[0][0][0] if blocks else 0, "a WebVTT file starts with a `WEBVTT` line")
        regions.extend(Region(s, e, MARKUP) for s, e in blocks[0])  # the header and its metadata lines
        blocks = blocks[1:]
    pending = list(reversed(blocks))
    while pending:
        block = pending.pop()
        s0, e0 = block[0]
        if vtt and _VTT_BLOCK_RE.fullmatch(text, s0, e0):
            regions.extend(Region(s, e, MARKUP) for s, e in block)  # a comment, CSS, a region's settings
            continue
        if sbv:
            if not _SBV_TIMING_RE.fullmatch(text, s0, e0):
                return Problem(s0, "a block that is not a cue: no SubViewer timing line (`0:00:01.000,0:00:04.000`) "
                                   "at its start")
            head = 1
        elif _TIMING_RE.fullmatch(text, s0, e0):
            head = 1
        elif len(block) > 1 and _TIMING_RE.fullmatch(text, *block[1]) and (
            vtt and "-->" not in text[s0:e0] or not vtt and _INDEX_RE.fullmatch(text, s0, e0)
        ):
            head = 2  # a cue number (SubRip) or a cue identifier (WebVTT) first
        else:
            what = "a cue number" if not vtt else "a cue identifier"
            return Problem(s0, f"a block that is not a cue: no timing line (`00:00:01.000 --> 00:00:02.000`) "
                               f"after {what}, nor at its start")
        regions.extend(Region(s, e, MARKUP) for s, e in block[:head])
        for i in range(head, len(block)):
            s, e = block[i]
            if vtt and "-->" in text[s:e]:
                if not _TIMING_RE.fullmatch(text, s, e):
                    return Problem(s, "`-->` in caption text: WebVTT reads it as a timing line, and this one "
                                      "does not parse")
                pending.append(block[i:])  # WebVTT: a timing line starts the next cue, blank line or not
                break
            pos = s
            tags = [m.span() for m in _TAG_RE.finditer(text, s, e)]
            if sbv:
                at = text.find(_SBV_BREAK, s, e)
                while at >= 0:
                    tags.append((at, at + len(_SBV_BREAK)))
                    at = text.find(_SBV_BREAK, at + len(_SBV_BREAK), e)
                tags.sort()
            for start, end in tags:
                if start > pos:
                    regions.append(Region(pos, start, PROSE))
                regions.append(Region(start, end, MARKUP))
                pos = end
            if pos < e:
                regions.append(Region(pos, e, PROSE))
    regions.sort(key=lambda r: r.start)
    return regions


def subtitle_parse(doc: "Document") -> "list[Region] | Problem":
    """``parse`` of the document, once per document."""
    cache = doc.__dict__
    found = cache.get("_subtitle_parse")
    if found is None:
        found = cache["_subtitle_parse"] = parse(doc.text, doc.suffix)
    return found


def is_subtitle(doc: "Document") -> bool:
    """A .srt or .vtt document read with its structure (it parsed)."""
    return doc.suffix in SUBTITLE_SUFFIXES and not isinstance(subtitle_parse(doc), Problem)
