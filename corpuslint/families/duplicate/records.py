"""Exact duplicate records of datasets (D107): the same record text twice.

D104 and D105 compare paragraphs of 10+ and documents of 50+ words by word bigrams: a
dataset of short records (sentence pairs, instructions, chat exchanges) never has its
repeated records reported. D107 compares whole records, any length, exactly.

Map: each record document (one text field, or one turn of a chat record) gives a
state of five ints: the 128-bit hash of its normalised text (``record_hash``, two
halves) and its place (record number, turn, normalised length). Reduce: the turns of a record
are combined in turn order into one record hash, records are grouped by hash (one
numpy sort), and each group is verified on the texts themselves, so a hash collision
never merges two different records.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Iterable

import numpy as np
import xxhash

from ...document import Document
from ...findings import Finding, Location, Severity, where
from ...rules import CorpusView
from ...structure import ALL_REGIONS, CHAT_MESSAGE, MESSAGE, NOTEBOOK_CELL
from . import regions
from .corpus import _DuplicateCorpusRule, copy_order
from .local import FAMILY

NORMALIZATION = "nfc-ws1"  # names what ``normalise`` does: bump when it changes (states hold its hashes)


def normalise(text: str) -> str:
    """The text records are compared by: NFC, every run of white space one space, no
    white space at either end. Case, punctuation, diacritics and digits are kept."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def record_hash(text: str) -> tuple[int, int]:
    """The 128-bit xxh3 hash of ``text`` (normalised), as two 64-bit halves."""
    h = xxhash.xxh3_128_intdigest(text.encode("utf-8", "surrogatepass"))
    return h >> 64, h & 0xFFFF_FFFF_FFFF_FFFF


def _file_of(documents, key: str) -> str:
    """The data file of the record ``key`` (``<file>#<record>``), without reading it."""
    record_of = getattr(documents, "record_of", None)
    if record_of is not None:
        named = record_of(key)
        if named is not None:
            return named[0]
    else:
        doc = documents.get(key)
        if getattr(doc, "file", None) is not None:
            return doc.file
    return key.rpartition("#")[0] or key



def _opening_turn(corpus: CorpusView, keys: list[str], ds: list[int]) -> int:
    """The index in ``ds`` (a record's documents in turn order) of the turn a D107 finding
    points at: the first turn that is not the system prompt (``Document.role``), where the
    conversation opens (a chat dataset repeats one system prompt in every record: a copy
    reported there points at text every record holds); 0 for a record without roles."""
    for j, d in enumerate(ds):
        doc = corpus.documents.get(keys[d])
        if doc is None or doc.role != "system":
            return j
    return 0

def _others(doc: Document) -> str | None:
    """What D107 compares besides a record's text (``RecordDocument.others``: with several
    text fields, the other columns; for a message, the whole row), and a message's file: the
    same entry in two catalogues (Hindi's and Marathi's "भारत", Sphinx's untranslated
    "%s" in five languages) is two entries; None when the text alone counts."""
    others = getattr(doc, "others", None)
    if others is not None and MESSAGE in doc.kinds:
        return f"{others}\0{doc.file}"
    return others


class DuplicateRecord(_DuplicateCorpusRule):
    """A record of a dataset is an exact copy of an earlier record.

    What: records of data files (JSON Lines, Parquet, Arrow, CSV) whose text is the
    same, after normalisation, as the text of an earlier record of the corpus (the same
    file or another). The unit is the whole record: its text field, or with a turn path
    (``text-field = "messages[*].content"``) all its turns in order, so a reply "Yes."
    in two different conversations is not a duplicate record, while the same
    conversation twice is. Normalisation: Unicode NFC and white space collapsed (runs
    of spaces, tabs and newlines are one space; none at either end), as exact
    deduplication (datatrove's ``ExactDedupFilter``, ``drop_duplicates``) compares
    content; case, punctuation, diacritics and digits count, so "Yes." and "yes" or
    a vocalised and a bare Arabic sentence are different records (near-copies are
    D104's and D105's). With one text field, fields other than the text (ids, labels,
    roles, a translation column) are not compared: two rows with the same source sentence
    and different translations are reported (a benchmark that asks the same question
    twice). With several text fields (``text-field = ["LaoWord", ...]``) the record is
    all of it: its texts and its other columns but the id (``readers.base.ID_FIELDS``
    and ``id-field``), so a dictionary's head word given again with another sense (laonlp's
    Lao-English dictionary, record 9329: the English column differs) is another record,
    while a row repeated whole is a copy. Empty records are not compared. Plain-text files
    take no part (a copied file is D105's), nor do gettext's messages (.po, XLIFF). A table
    of messages (``record-kind = "message"``, or detected: a ``msgid`` column, Fluent
    keys) is compared row by row within its file, its key included: one string translated
    alike for two keys (Firefox's "Ελαχιστοποίηση" for two buttons) or in two catalogues
    is two entries, a row given twice is a copy.
    A record is what the file holds: a file of replies split out of their
    conversations (``{id, text}``, one reply a record) is compared reply by reply, as
    an exact-dedup pass over that file would; lint the conversations with their turn
    path to compare whole examples. A scripture's own repetition (Qur'an 26:1 and 28:1,
    both «طسم», translated alike) is reported: the record is in the dataset twice
    (and trained on twice), whatever the reason, and an exact-dedup pass (datatrove's)
    drops it; a maintainer who keeps it records it in a ``--baseline`` or
    ``per-file-ignores``. Where the record is itself a verse by its form
    (``regions.verse_record``: closed by a sof pasuq or a śloka's "||५-३||", fully vocalised
    Arabic, polytonic Greek), the copy is the text's own design, a verse-per-record
    export of the Torah repeats "וַיְדַבֵּ֥ר יְהֹוָ֖ה אֶל־מֹשֶׁ֥ה לֵּאמֹֽר׃" in 69 records, Numbers 7 its
    offering verse for each tribe, the Gospels a verse of Matthew in Mark: the finding says
    so and is info, not a warning. It stays a finding because the builder's choice is
    the same either way (keep the refrain under each id, or let exact dedup drop it: a
    model then sees the formula once), and only the builder knows which the dataset
    wants; it is info because nothing in the file is wrong.
    Each later copy is reported once (a chat record at its first turn after the system
    prompt: ``Document.role``), pointing at the first copy (files in path order,
    records by number; a copy in a file not being checked comes first, and with a
    baseline that records its files a copy in a file unchanged since, as in D104).
    Where D107 reports a pair, D104 and D105 do not report it again.
    Why: a repeated record is trained on twice and, in an evaluation set, scored twice;
    copies across a train and a test file leak the answer.
    Example: row 1975 of ah-translit-bench's ``msa_dailyuse_benchmark_2000.csv`` repeats
    row 120 ("أنا ولد."): ``msa_dailyuse_benchmark_2000.csv:#1975:1:1: D107 record is an
    exact copy of msa_dailyuse_benchmark_2000.csv:#120 (2 copies)``.
    Fix safety: no automatic fix (``check --fix`` never deletes a record);
    ``corpuslint filter IN OUT --drop D107`` writes a copy keeping the first record of
    each group (review first: a repeated record may be intended, e.g. an answer
    sampled twice).
    """

    code = "D107"
    name = "duplicate-record"
    family = FAMILY
    default_severity = Severity.WARNING
    whole_document = True
    # a finding on a chat record (at its first turn) is about every turn: D104/D105 on
    # its other turns, against the same other record, are superseded (engine._drop_superseded)
    whole_record = True
    # one message of a conversation is part of one, and so is a notebook's cell (a header
    # cell copied into every notebook of a project); a .po string is a message, not a record
    # (``collect``: a message of a table is compared whole, its key included)
    skip_kinds = frozenset({CHAT_MESSAGE, NOTEBOOK_CELL})
    # the finding is about the record, wherever its first line lies (a record whose text
    # reads as a code block or a table is a record all the same)
    regions = ALL_REGIONS
    # its states read once each, in one pass, into one array (not a dict of every decoded
    # state held through the reduce: ~300 bytes a record, 30 MB at 100 k records)
    lazy_states = True

    def fingerprint(self) -> str:
        return f"{super().fingerprint()}:{NORMALIZATION}:xxh3-128"

    def collect(self, doc: Document) -> Any:
        number = getattr(doc, "number", None)
        if getattr(doc, "record", None) is None or number is None:
            return None  # a plain file, standard input: not a dataset record
        if MESSAGE in doc.kinds and getattr(doc, "others", None) is None:
            return None  # a .po or XLIFF string: one entry of a catalogue, not a record
        text = normalise(doc.text)
        others = _others(doc)
        hi, lo = record_hash(text if others is None else f"{text}\0{others}")
        turn = getattr(doc, "turn", None)
        # five ints, not a dict of arrays: a record's state is tiny, and a tuple costs the
        # map and the state spill a third of the CPU and memory (50 k records: see bench_records)
        return (hi, lo, number, 0 if turn is None else turn, len(text))

    def reduce(self, corpus: CorpusView) -> Iterable[Finding]:
        keys: list[str] = []

        def values():  # (each state decoded once, its five ints straight into the table)
            for k, state in corpus.states.items():
                if state is not None:
                    keys.append(k)
                    yield from state

        table = np.fromiter(values(), dtype=np.uint64)
        n = len(keys)
        if n < 2 or not any(k in corpus.targets for k in keys):
            return []
        table = table.reshape(n, 5)
        hashes = np.ascontiguousarray(table[:, :2])
        at = table[:, 2:].astype(np.int64)
        del table
        file_index: dict[str, int] = {}  # data file -> its number, in order of first sight
        fidx = np.fromiter((file_index.setdefault(_file_of(corpus.documents, k), len(file_index)) for k in keys),
                           np.int64, n)
        rank = np.empty(len(file_index), dtype=np.int64)  # ... made its number in path order
        rank[np.fromiter(map(file_index.__getitem__, sorted(file_index)), np.int64, len(file_index))] = \
            np.arange(len(file_index))
        fidx = rank[fidx]
        order = np.lexsort((at[:, 1], at[:, 0], fidx))  # by file, record number, turn
        fidx, at, hashes = fidx[order], at[order], hashes[order]
        keys = [keys[i] for i in order.tolist()]
        # records: runs of documents with the same (file, number)
        starts = np.flatnonzero(np.concatenate(([True], (fidx[1:] != fidx[:-1]) | (at[1:, 0] != at[:-1, 0]))))
        bounds = np.append(starts, n)
        rec_hash = hashes[starts].copy()
        multi = np.flatnonzero((np.diff(bounds) > 1) | (at[starts, 1] != 0))
        for r in multi.tolist():  # records of several turns: one hash of their turns in order
            a, b = int(bounds[r]), int(bounds[r + 1])
            h = xxhash.xxh3_128_intdigest(np.concatenate((at[a:b, 1], hashes[a:b].view(np.int64).ravel())).tobytes())
            rec_hash[r] = (h >> 64, h & 0xFFFF_FFFF_FFFF_FFFF)
        chars = np.add.reduceat(at[:, 2], starts)
        keep = np.flatnonzero(chars > 0)  # empty records are not compared
        if len(keep) < 2:
            return []
        rh = rec_hash[keep]
        by_hash = keep[np.lexsort((keep, rh[:, 1], rh[:, 0]))]  # equal hashes together, in record order
        sh = rec_hash[by_hash]
        new = np.concatenate(([True], (sh[1:] != sh[:-1]).any(axis=1)))
        group_starts = np.flatnonzero(new).tolist() + [len(by_hash)]
        target = np.fromiter((k in corpus.targets for k in keys), bool, n)
        newer = copy_order(corpus)
        out: list[Finding] = []
        for g0, g1 in zip(group_starts, group_starts[1:]):
            if g1 - g0 < 2:
                continue
            members = by_hash[g0:g1].tolist()
            docs_of = [list(range(int(bounds[r]), int(bounds[r + 1]))) for r in members]
            checked = [any(target[d] for d in ds) for ds in docs_of]
            if not any(checked):
                continue
            # report order: records in files the baseline holds as they are first (``copy_order``),
            # then records in files not being checked, then file and number
            ranked = sorted(range(len(members)), key=lambda m: (newer(keys[docs_of[m][0]]), checked[m]))
            out.extend(self._report(corpus, keys, [docs_of[m] for m in ranked], [checked[m] for m in ranked]))
        return out

    def _report(self, corpus: CorpusView, keys: list[str], records: list[list[int]],
                checked: list[bool]) -> Iterable[Finding]:
        """Findings for the later copies among ``records`` (each its documents' indices,
        in report order; equal hashes), verified on their normalised texts: a record is
        a copy of the first record with the same texts (a record whose documents cannot
        be read again counts by its hash alone)."""
        first: dict[Any, int] = {}
        copies: list[tuple[int, int]] = []
        for m, ds in enumerate(records):
            texts: Any = []
            for d in ds:
                doc = corpus.documents.get(keys[d])
                if doc is None:
                    texts = None  # (changed on disk, or not at hand): the hash decides
                    break
                texts.append((normalise(doc.text), _others(doc)))
            texts = None if texts is None else tuple(texts)
            was = first.setdefault(texts, m)
            if was != m:
                copies.append((m, was))
        count: dict[int, int] = {}
        for _, was in copies:
            count[was] = count.get(was, 1) + 1
        for m, was in copies:
            if not checked[m]:
                continue
            j = _opening_turn(corpus, keys, records[m])
            doc = corpus.documents.get(keys[records[m][j]])
            orig = corpus.documents.get(keys[records[was][min(j, len(records[was]) - 1)]])
            if doc is None or orig is None:
                continue
            text = doc.text
            end = text.find("\n")
            rel = Location(orig.file, 1, 1, orig.record)
            message = f"record is an exact copy of {where(rel.path, rel.record)} ({count[was]} copies)"
            verse = regions.verse_record(text)
            if verse:  # "וַיְדַבֵּ֥ר יְהֹוָ֖ה אֶל־מֹשֶׁ֥ה לֵּאמֹֽר׃" in 69 records of a Torah export: the text's own refrain
                message += (": a verse its scripture repeats (a formula, a refrain, a parallel passage); "
                            "info only: an exact-dedup pass drops it all the same")
            finding = doc.finding(self, 0, len(text) if end < 0 else end, message, related=[rel])
            if verse:
                finding.severity = Severity.INFO
            yield finding
