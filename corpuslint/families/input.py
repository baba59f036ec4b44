"""Input family (F): problems reading a file. The engine emits these; the run goes on."""

from __future__ import annotations

from ..findings import Severity
from ..hookspecs import hookimpl
from ..rules import DocumentRule, EngineRule
from ..structure import ALL_REGIONS, SUBTITLE_SUFFIXES
from .whitespace.invisible import ByteOrderMark


class UndecodableFile(EngineRule):
    """The file is not valid UTF-8.

    What: Reports the first byte sequence that is not valid UTF-8, with its byte
    offset, line and column, and the legacy encoding the file looks like with the command
    that converts it (charset-normalizer's guess, ``text.legacy.conversion_hint``: "looks
    like KOI8-R (charset-normalizer); convert with `iconv -f KOI8-R -t UTF-8 README`"); no
    guess for a file that is mostly UTF-8 with a few broken bytes.
    Why: Every other rule needs decoded text; a mis-encoded file (Windows-1256, a
    truncated multi-byte character, a binary dump) silently corrupts tokenisers and
    dedup downstream. corpuslint checks nothing else in the file and never rewrites it.
    Example: a file saved as Windows-1256 whose byte 0xC7 (ا) is not valid UTF-8.
    Fix safety: no fix. Re-encode the file yourself (e.g. `iconv -f cp1256 -t utf-8`)
    after checking which encoding it really is.
    """

    code = "F001"
    name = "undecodable-file"
    family = "input"
    default_severity = Severity.ERROR


class BinaryFile(EngineRule):
    """The file contains NUL bytes and was skipped as binary.

    What: A file matched the include patterns but contains NUL bytes (a binary file,
    or UTF-16/UTF-32 text without a byte-order mark, which NUL bytes cannot tell from
    a binary format). UTF-16/UTF-32 text that begins with its byte-order mark (what
    Windows Notepad and Excel write) is decoded and checked instead, and `--fix`
    writes it back in its encoding, its byte-order mark first.
    Why: Binary content in a corpus folder is usually a mistake; it is skipped,
    not checked, so it is reported at info level rather than failing the run.
    Example: `scan.pdf` renamed to `scan.txt`; a UTF-16 export saved without a BOM.
    Fix safety: no fix.
    """

    code = "F002"
    name = "binary-file"
    family = "input"
    default_severity = Severity.INFO


class UnreadableFile(EngineRule):
    """The file could not be read (missing, permission denied, a directory loop...).

    What: Reports operating-system errors when opening or reading a file.
    Why: A path given on the command line that cannot be read must not pass silently.
    Example: `corpuslint check missing.txt`, or a file with mode 000.
    Fix safety: no fix.
    """

    code = "F003"
    name = "unreadable-file"
    family = "input"
    default_severity = Severity.ERROR


class UnsupportedFile(EngineRule):
    """A file named on the command line has a type no reader handles.

    What: Reports a file given explicitly (not found by walking a folder) whose name
    matches neither the ``include`` globs nor a reader's suffixes (.jsonl, .parquet...).
    Why: `corpuslint check data.json` must not print "All checks passed" having checked
    nothing: a CI gate would pass on a file it never read.
    Example: `corpuslint check settings.yaml`; or `corpuslint check package.json`: a
    .json file is read when it holds an array of records (a dataset), and any other
    JSON (an object of settings) is reported as not checked.
    Fix safety: no fix. Convert the file to a supported format, or read it as plain
    text with `--include '*.yaml'` (`--include '*.json'`: JSON datasets as records,
    other JSON as text); `--ignore-unknown` (used by the pre-commit hooks,
    which pass every changed file) skips such files silently.
    """

    code = "F004"
    name = "unsupported-file"
    family = "input"
    default_severity = Severity.ERROR


class MalformedRecord(EngineRule):
    """A record of a data file could not be read as text.

    What: A JSON Lines record that is not valid JSON (or not UTF-8, or not an object),
    or a record (JSONL, JSON array, Parquet, CSV, Arrow) whose text field is missing,
    null or not a string; also a Parquet/CSV file without the text column. One finding
    per record, with its record number (or id); the other records of the file are still
    checked. In a JSON array a syntax error or a cut-off file is one finding at the
    record where reading stopped (the records before it are checked; an array cannot
    be resumed after a syntax error).
    Why: a broken record is silently dropped or crashes the data loader downstream; a
    wrong `text-field` setting would otherwise check nothing.
    Example: `data.jsonl:#17:1:12: F005 invalid JSON: Expecting ',' delimiter`.
    Fix safety: no fix. Repair or drop the record (`corpuslint filter --drop F005`), or
    set `--text-field` / `[tool.corpuslint.readers] text-field`.
    """

    code = "F005"
    name = "malformed-record"
    family = "input"
    default_severity = Severity.ERROR


class FixNotWritten(EngineRule):
    """A fix was computed but the file was left as it was.

    What: `--fix` did not rewrite this file: it changed (or was deleted) between
    being read and being written, its folder or the file is not writable, or it is a
    symlink to a file outside the project root.
    Why: A fix is a transaction per file: it is written only over exactly the bytes it
    was computed from, so an edit made meanwhile (an editor, another tool) is never
    lost, and a link never turns into a copy or writes outside the project.
    Example: appending to `notes.txt` while `corpuslint check --fix` runs.
    Fix safety: no fix; run `--fix` again.
    """

    code = "F006"
    name = "fix-not-written"
    family = "input"
    default_severity = Severity.ERROR


class SpecialFile(EngineRule):
    """A path that is not a regular file (or a link leaving the project) was skipped.

    What: FIFOs, sockets and devices are never opened (reading a FIFO blocks for ever,
    `/dev/zero` never ends); symlinks pointing outside the project root are not
    followed unless `--follow-external-symlinks` is given.
    Why: A corpus walk must never hang or quote files from outside the project (a
    link to `~/.ssh/id_rsa` committed to a repository).
    Example: `mkfifo corpus/pipe.txt`; `ln -s /etc/passwd corpus/x.txt`.
    Fix safety: no fix.
    """

    code = "F007"
    name = "special-file"
    family = "input"
    default_severity = Severity.INFO


class LongLine(EngineRule):
    """A line so long that rules building per-word data skipped the document.

    What: The document has a line of more than `MAX_LINE_CHARS` (1,000,000)
    characters. Rules that only scan characters (the whitespace family) still check
    it; rules that build per-word or per-shingle data (duplicates, spelling, quality,
    most artifact rules) skip this document and are named in the message.
    Why: A 100 MB file on one line (a minified dump, a broken export) must be checked
    in memory proportional to its size, not tens of times more; such a line is rarely
    prose anyway.
    Example: a JSON array of 100 MB written without newlines, saved as `.txt`.
    Fix safety: no fix; split the line or exclude the file.
    """

    code = "F008"
    name = "long-line"
    family = "input"
    default_severity = Severity.INFO


PROBLEM_RULES = {"undecodable": UndecodableFile, "binary": BinaryFile, "unreadable": UnreadableFile,
                 "unsupported": UnsupportedFile, "malformed": MalformedRecord,
                 "not-written": FixNotWritten, "special": SpecialFile, "bom": ByteOrderMark}


@hookimpl
def corpuslint_register_rules():
    # (W110 reports a JSON Lines file's byte-order mark as a read problem; it is registered by its family)
    return [r for r in PROBLEM_RULES.values() if r.family == "input"] + [LongLine, MalformedSubtitle]


class MalformedSubtitle(DocumentRule):
    """A subtitle file (.srt, .vtt) that does not follow its format, read as plain text.

    What: A ``.srt`` or ``.vtt`` file is read with its structure (``corpuslint.subtitles``:
    caption text is prose; cue numbers, identifiers, timing lines, headers, ``NOTE`` and
    ``STYLE`` blocks and inline tags are markup). When a block is not a cue (no timing
    line at its start or after its number or identifier), a timing line does not parse
    (``00:00:07,000 --> 00:00:11:890``), or a ``.vtt`` lacks its ``WEBVTT`` first line,
    the whole file is read as plain text instead, and this finding points at the first
    such line. A WebVTT timing line right after caption text starts the next cue, as the
    W3C parser reads it (YouTube writes them so); it is not reported.
    Why: A player skips or misreads the broken cue; and read as plain text, the file's
    timing lines and tags are checked as if they were prose (trailing spaces after cue
    settings, ``<i>`` as leftover HTML).
    Example: a cue ``2`` followed by ``Caption text #2`` without its timing line.
    Fix safety: no fix: which timing the cue had is not in the text.
    """

    code = "F009"
    name = "malformed-subtitle"
    family = "input"
    default_severity = Severity.WARNING
    regions = ALL_REGIONS

    def check(self, doc):
        if doc.suffix not in SUBTITLE_SUFFIXES or not doc.text:
            return
        from ..subtitles import Problem, subtitle_parse

        found = subtitle_parse(doc)
        if isinstance(found, Problem):
            line_end = doc.text.find("\n", found.offset)
            end = len(doc.text) if line_end < 0 else line_end
            yield doc.finding(self, found.offset, max(end, found.offset + 1),
                              f"not read as {doc.suffix[1:]} subtitles (checked as plain text): {found.message}")
