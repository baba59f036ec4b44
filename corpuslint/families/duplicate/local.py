"""Duplicate rules inside one document: exact copies, near-copies, restated sentences."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Iterable

import numpy as np

from ...document import Document
from ...findings import Edit, Finding, Fix, Severity
from ...rules import DocumentRule
from . import lsh
from . import units as U

FAMILY = "duplicate"


def _lines_label(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


class ExactDuplicateLine(DocumentRule):
    """A line or paragraph repeats an earlier one in the same document.

    What: a non-blank line (or a multi-line paragraph) whose text, after normalisation
    (diacritics, tatweel, alef/hamza forms, ى/ي, ة/ه, digits, punctuation and spacing),
    equals an earlier line or paragraph of the same document and has at least
    ``min-words`` words (default 4). The finding points at the first copy (``related``).
    Why: scrapes repeat headlines, captions and bylines (a headline printed above and
    below the photo); the copy inflates the document and over-weights that text.
    Example: in ``004_*.txt`` line 3 repeats the headline on line 1; in ``002_*.txt``
    line 9 repeats the photo caption on line 7.
    Fix safety: safe when the later copy is byte-identical to the first (after trimming
    spaces): the later copy and its line ending are deleted (plus one blank line, so no
    double blank line is left) and the first is kept. When the copies differ in
    punctuation, diacritics or letter forms the fix is unsafe (the kept copy may not be
    the better spelling).
    """

    code = "D101"
    name = "duplicate-line"
    family = FAMILY
    default_severity = Severity.WARNING
    fixable = True
    options = {"min-words": 4}

    def check(self, doc: Document) -> Iterable[Finding]:
        min_words = int(self.opts["min-words"])
        text = doc.text
        lines = doc.lines
        covered: set[int] = set()
        out: list[Finding] = []

        def report(first: tuple[int, int, int, int], start: int, end: int, line: int, last: int) -> None:
            f_start, f_end, f_line, f_last = first
            same = text[f_start:f_end].strip() == text[start:end].strip()
            edit = U.remove_lines_edit(doc, line, last)
            fix = Fix.safe(edit) if same else Fix.unsafe(edit)
            kind = "exact copy" if same else "same text after normalisation"
            out.append(
                doc.finding(
                    self, start, end,
                    f"{_lines_label(line, last)} {'repeats' if line == last else 'repeat'} "
                    f"{_lines_label(f_line, f_last)} ({kind}, similarity 1.00)",
                    fix=fix, related=[doc.location(f_start)],
                )
            )

        # multi-line paragraphs first: a repeated paragraph is one finding, not one per line
        blocks = []
        for block in doc.paragraphs:
            fi = block.line - 1
            li = fi
            while lines[li].end < block.end:
                li += 1
            if li > fi:
                blocks.append((block, fi, li))
        if blocks:
            keys, counts, _alpha = U.line_keys([text[b.start : b.end] for b, _fi, _li in blocks])
            seen: dict[int, tuple[int, int, int, int]] = {}
            for (block, fi, li), key, count in zip(blocks, keys, counts):
                if count < min_words:
                    continue
                if key in seen:
                    report(seen[key], block.start, block.end, fi + 1, li + 1)
                    covered.update(range(fi, li + 1))
                else:
                    seen[key] = (block.start, block.end, block.line, li + 1)
        todo = [ln for i, ln in enumerate(lines) if ln.start != ln.end and i not in covered]
        keys, counts, _alpha = U.line_keys([text[ln.start : ln.end] for ln in todo])
        seen_lines: dict[int, tuple[int, int, int, int]] = {}
        for ln, key, count in zip(todo, keys, counts):
            if count < min_words:
                continue
            first = seen_lines.get(key)
            if first is None:
                seen_lines[key] = (ln.start, ln.end, ln.number, ln.number)
            else:
                report(first, ln.start, ln.end, ln.number, ln.number)
        return out


def _near_duplicate_units(doc: Document, threshold: float, min_words: int) -> list[tuple[int, int, float]]:
    """(later unit index, earlier unit index, Jaccard) for near-duplicate paragraph units
    that are not exact copies; each later unit appears once, with its best earlier match."""
    a = U.analyse(doc)
    cache = a.__dict__.setdefault("_near_cache", {})
    found = cache.get((threshold, min_words))
    if found is None:
        found = cache[(threshold, min_words)] = _near_duplicate_units_uncached(a, threshold, min_words)
    return found


def _near_duplicate_units_uncached(a: U.Analysis, threshold: float, min_words: int) -> list[tuple[int, int, float]]:
    idx = np.nonzero(a.nwords >= min_words)[0]
    if len(idx) < 2:
        return []
    sets, off = a.shingle_sets
    sub_sets, sub_off = _subset(sets, off, idx)
    pairs, sims = lsh.near_duplicate_pairs(a.signatures[idx], sub_sets, sub_off, threshold, brute_force_below=300)
    best: dict[int, tuple[float, int]] = {}
    keys = a.keys
    for (i, j), s in zip(pairs.tolist(), sims.tolist()):
        ui, uj = int(idx[i]), int(idx[j])
        if keys[ui] == keys[uj]:
            continue  # exact copy: D101's finding
        if s > best.get(uj, (-1.0, 0))[0]:
            best[uj] = (s, ui)
    return [(j, i, s) for j, (s, i) in sorted(best.items())]


def _subset(sets: np.ndarray, off: np.ndarray, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The segments ``idx`` (sorted, unique) of a concatenated segment array."""
    n = len(off) - 1
    if len(idx) == n:
        return sets, off
    all_sizes = np.diff(off)
    new_off = np.zeros(len(idx) + 1, dtype=np.int64)
    np.cumsum(all_sizes[idx], out=new_off[1:])
    chosen = np.zeros(n, dtype=bool)
    chosen[idx] = True
    return sets[np.repeat(chosen, all_sizes)], new_off


class NearDuplicateParagraph(DocumentRule):
    """A paragraph is a near-copy of an earlier paragraph in the same document.

    What: two paragraphs of one document (blank-line separated, or one per line in
    scraped text) with at least ``min-words`` words (default 8) whose word-bigram
    sets, after normalisation and light stemming, have Jaccard similarity >=
    ``threshold`` (default 0.8) without being identical. The later one is reported,
    pointing at its most similar earlier paragraph.
    Why: re-posted updates, lightly edited repeats and template paragraphs duplicate
    content while escaping exact matching.
    Example: a paragraph repeated with one word changed ("... قال الوزير ..." then
    "... أكد الوزير ...") further down the same article.
    Fix safety: unsafe: the later paragraph is deleted, but it may carry a correction
    or extra detail the earlier one lacks; the earlier paragraph is always kept.
    """

    code = "D102"
    name = "near-duplicate-paragraph"
    family = FAMILY
    default_severity = Severity.WARNING
    fixable = True
    options = {"threshold": 0.8, "min-words": 8}

    def check(self, doc: Document) -> Iterable[Finding]:
        a = U.analyse(doc)
        out = []
        for j, i, sim in _near_duplicate_units(doc, float(self.opts["threshold"]), int(self.opts["min-words"])):
            uj, ui = a.units[j], a.units[i]
            out.append(
                doc.finding(
                    self, uj.start, uj.end,
                    f"paragraph near-duplicates the paragraph at {_lines_label(ui.line, ui.last_line)} "
                    f"(Jaccard {sim:.2f})",
                    fix=Fix.unsafe(U.remove_lines_edit(doc, uj.line, uj.last_line)),
                    related=[doc.location(ui.start)],
                )
            )
        return out


class RestatedPassage(DocumentRule):
    """A sentence restates an earlier sentence of the same document in other words.

    What: two sentences (split at . ! ? ؟ ؛ … and line ends) of one document that
    share most of their distinctive content: after normalisation, light stemming and
    dropping function words and tokens with digits, both have at least ``min-words``
    content words (default 8), they share at least ``min-shared-pairs`` consecutive word pairs (default 5),
    and the IDF-weighted share of the shorter sentence's words found in the other is
    >= ``min-overlap`` (default 0.5; IDF over the document's sentences, so words that
    appear everywhere in the article count little). Exact repeats of a whole line are
    left to D101. The later sentence is reported, pointing at the earlier one.
    Why: machine-written filler and careless rewrites restate a fact already given,
    adding length but no information; plain Jaccard misses these (the seed pair below
    has unigram Jaccard ~0.4, lower than unrelated short sentences on the same topic).
    Example: ``000_*.txt`` line 4 "يشير تقرير وكالة الأنباء الكورية الرسمية إلى أن كوريا
    الشمالية تخطط لتحقيق زيادة في إنتاج الذخائر المدفعية ..." restates line 1 "وتشير
    التقارير إلى أن كوريا الشمالية قد تعتزم زيادة إنتاج الذخائر المدفعية ...".
    Fix safety: unsafe: the later sentence is deleted, which loses whatever it adds
    (here, the clause about inter-Korean relations); review before applying.
    """

    code = "D103"
    name = "restated-passage"
    family = FAMILY
    default_severity = Severity.WARNING
    fixable = True
    options = {"min-words": 8, "min-shared-pairs": 5, "min-overlap": 0.5, "max-sentences": 20000}

    def check(self, doc: Document) -> Iterable[Finding]:
        min_words = int(self.opts["min-words"])
        min_pairs = int(self.opts["min-shared-pairs"])
        min_overlap = float(self.opts["min-overlap"])
        sentences = doc.sentences
        if len(sentences) < 2 or len(sentences) > int(self.opts["max-sentences"]):
            return []
        text = doc.text
        toks = U.content_tokens_many([text[s.start : s.end] for s in sentences])
        # candidates: sentence pairs sharing consecutive content-word pairs (inverted index)
        postings: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, t in enumerate(toks):
            if len(t) >= min_words:
                for g in set(zip(t, t[1:])):
                    postings[g].append(i)
        shared: Counter[tuple[int, int]] = Counter()
        for ids in postings.values():
            if 1 < len(ids) <= 50:  # a pair in >50 sentences is formulaic, not evidence
                for x in range(len(ids)):
                    for y in range(x + 1, len(ids)):
                        shared[(ids[x], ids[y])] += 1
        candidates = [(pair, c) for pair, c in shared.items() if c >= min_pairs]
        if not candidates:
            return []
        sets = [set(t) for t in toks]
        df: Counter[int] = Counter()
        for st in sets:
            df.update(st)
        n = len(sentences)
        weight = {}

        def w(t: int) -> float:
            v = weight.get(t)
            if v is None:
                v = weight[t] = math.log((n + 1) / (df[t] + 0.5))
            return v

        dup_lines = _duplicate_lines(doc)
        best: dict[int, tuple[float, int, int]] = {}
        for (i, j), count in candidates:
            if len(sets[i]) < min_words or len(sets[j]) < min_words:
                continue
            if sentences[j].line in dup_lines and toks[i] == toks[j]:
                continue
            a, b = sets[i], sets[j]
            wa = sum(map(w, a))
            wb = sum(map(w, b))
            wi = sum(map(w, a & b))
            score = wi / min(wa, wb) if min(wa, wb) > 0 else 0.0
            if score >= min_overlap and score > best.get(j, (-1.0, 0, 0))[0]:
                best[j] = (score, i, count)
        out = []
        for j, (score, i, count) in sorted(best.items()):
            sj, si = sentences[j], sentences[i]
            if sj.line in dup_lines:
                continue  # the whole line is already reported as a (near-)duplicate
            out.append(
                doc.finding(
                    self, sj.start, sj.end,
                    f"sentence restates the sentence at line {si.line} "
                    f"(weighted word overlap {score:.2f}, {count} shared word pairs)",
                    fix=Fix.unsafe(_remove_sentence_edit(doc, sj)),
                    related=[doc.location(si.start)],
                )
            )
        return out


def _duplicate_lines(doc: Document) -> set[int]:
    """Lines inside later copies that D101/D102 (default settings) report."""
    out: set[int] = set()
    a = U.analyse(doc)
    seen: set[int] = set()
    for u, k, nw in zip(a.units, a.keys.tolist(), a.nwords.tolist()):
        if k in seen and nw >= 4:
            out.update(range(u.line, u.last_line + 1))
        seen.add(k)
    for j, _i, _s in _near_duplicate_units(doc, 0.8, 8):
        u = a.units[j]
        out.update(range(u.line, u.last_line + 1))
    return out


def _remove_sentence_edit(doc: Document, s) -> Edit:
    line = doc.lines[s.line - 1]
    text = doc.text
    if not text[line.start : s.start].strip() and not text[s.end : line.end].strip():
        return U.remove_lines_edit(doc, s.line, s.line)
    end = s.end
    while end < line.end and text[end] in " \t":
        end += 1
    if end == line.end:  # last sentence of the line: take the space before it instead
        start = s.start
        while start > line.start and text[start - 1] in " \t":
            start -= 1
        return Edit(start, s.end, "")
    return Edit(s.start, end, "")
