"""Closed-class words of South Asian languages from Universal Dependencies treebanks: the list
S104 (repeated word) reads to report a doubled postposition, auxiliary, conjunction or particle
(Hindi "के के", "है है") in languages that reduplicate their content words as grammar ("धीरे
धीरे"). Writes ``corpuslint/dictionaries/closed_class_words.txt``.

Usage: python benchmarks/ud_closed_class.py LANG=TREEBANK_DIR[@COMMIT] ... > closed_class_words.txt

A word is listed when, among its surface occurrences in the treebank's .conllu files (the parts of
a multiword token are not surface words; the token is, and counts as open-class):
  * UPOS ADP, AUX, CCONJ, SCONJ or PART, not ``Polarity=Neg`` (a negation doubled is an answer,
    "नहीं नहीं", "না না") and not ``fixed`` (the second word of a multiword postposition, "के साथ",
    "के बीच": a relational noun, which reduplicates: "साथ साथ", "बीच बीच में"), makes at least
    ``SHARE`` of them (Hindi "है" is AUX, and VERB as a predicate's root: 0.77), and
  * it occurs so at least ``MIN_COUNT`` times, and
  * it is written in letters and marks only (GujTB's "છે." is a token with its full stop), and
  * it is none of the words that double as grammar although UD tags them ADP, AUX, SCONJ or PART,
    without a feature that tells them apart (``DOUBLING``): relative and correlative words ("जब
    जब ... तब तब", whenever; "जैसे जैसे", as ... so), relational nouns used as postpositions,
    which double as distributives and iteratives ("साथ साथ", side by side; "बीच बीच में", now and
    then; Gujarati "સાથે સાથે", Tamil "இடையே"), a participle doubled as an adverb ("जाते जाते", on
    the way out), and a negation not marked ``Polarity=Neg`` (Gujarati "ના ના", "નહીં નહીં": no, no).
"""

from __future__ import annotations

import collections
import glob
import os
import sys

import regex

CLOSED = frozenset({"ADP", "AUX", "CCONJ", "SCONJ", "PART"})
SHARE = 0.75
MIN_COUNT = 3
# Words that double as grammar (the docstring): relative-correlative pairs (Hindi जब/तब, जैसे/वैसे,
# ज्यों/त्यों, जहाँ/वहाँ, जितना/उतना; Marathi जसे/तसे, जेव्हा/तेव्हा; Gujarati જ્યારે/ત્યારે, જેમ/તેમ),
# relational nouns (Hindi साथ बीच पास ऊपर नीचे आगे पीछे बाद पहले सामने अंदर बाहर; Gujarati સાથે પાસે
# ઉપર નીચે આગળ પાછળ પછી; Tamil அருகே இடையே பிறகு; Amharic ላይ, ውስጥ, በኋላ: "ላይ ላይ", superficially), the
# participle जाते, Gujarati ના and નહીં.
DOUBLING = frozenset("""जब तब जैसे वैसे जैसा वैसा जैसी वैसी ज्यों त्यों जहाँ जहां वहाँ वहां जितना उतना जितने
    उतने जसे तसे जेव्हा तेव्हा જ્યારે ત્યારે જેમ તેમ જેવું તેવું
    साथ बीच पास ऊपर नीचे आगे पीछे बाद पहले सामने अंदर बाहर સાથે પાસે ઉપર નીચે આગળ પાછળ પછી
    அருகே இடையே பிறகு ላይ ውስጥ በኋላ जाते ના નહીં""".split())
_LETTERS_RE = regex.compile(r"[\p{L}\p{M}]+")


def surface_words(path: str):
    """(form, upos, feats, deprel) of each surface word of a .conllu file."""
    skip_until = 0
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 8 or line.startswith("#"):
            if not line.strip():
                skip_until = 0
            continue
        ident = cols[0]
        if "-" in ident:
            skip_until = int(ident.split("-")[1])
            yield cols[1], "MWT", "_", "_"
            continue
        if "." in ident or int(ident) <= skip_until:
            continue
        yield cols[1], cols[3], cols[5], cols[7]


def closed_class(directory: str) -> list[tuple[str, str, int, int]]:
    """(word, its closed-class UPOS tags joined by '+', closed count, all count), most frequent first."""
    tags: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for path in sorted(glob.glob(os.path.join(directory, "*.conllu"))):
        for form, upos, feats, deprel in surface_words(path):
            closed = upos in CLOSED and "Polarity=Neg" not in feats and deprel != "fixed"
            tags[form][upos if closed else "open"] += 1
    out = []
    for form, counts in tags.items():
        total = sum(counts.values())
        closed = total - counts["open"]
        if (closed >= MIN_COUNT and closed >= SHARE * total and form not in DOUBLING
                and _LETTERS_RE.fullmatch(form)):
            upos = "+".join(sorted(t for t in counts if t != "open"))
            out.append((form, upos, closed, total))
    out.sort(key=lambda r: (-r[2], r[0]))
    return out


def main(argv: list[str]) -> None:
    print("# Closed-class words (postpositions, auxiliaries, conjunctions, particles) by language, from")
    print("# Universal Dependencies treebanks: written by benchmarks/ud_closed_class.py (its docstring says")
    print("# which words are kept). Columns: language, word, UPOS, closed-class count, all occurrences.")
    for arg in argv:
        lang, _, where = arg.partition("=")
        directory, _, source = where.partition("@")
        print(f"# {lang}: {source or directory}")
        for form, upos, closed, total in closed_class(directory):
            print(f"{lang}\t{form}\t{upos}\t{closed}\t{total}")


if __name__ == "__main__":
    main(sys.argv[1:])
