"""Letter bigram counts of Russian, the model A105 (text read with the wrong legacy codec) uses
to tell KOI8-R read as cp1251 from cp1251 read as KOI8-R: both turn Russian into case-inverted
Cyrillic, and both "repairs" are Cyrillic, one Russian, the other letters swapped within the
alphabet (``Ассамблея`` / ``Вххвочнеу``). A unigram rank test (charset-normalizer's
``coherence_ratio``) picks the wrong one for 16 % of random 3-14 word strings of the UDHR in
Russian, letter frequencies alone for 0.2 %; bigrams for 1 in 40,000 (a two-letter word).
Writes ``corpuslint/dictionaries/ru_letter_bigrams.txt``.

Usage: python benchmarks/letter_bigrams.py DIR > corpuslint/dictionaries/ru_letter_bigrams.txt

DIR holds Russian text files (``*.txt``, recursively); corpuslint's own table is counted on the
Russian GNOME help as ``python benchmarks/realtext.py build --corpus gnome-help-ru`` extracts it
(Debian ``gnome-user-docs`` 43.0, CC-BY-SA-3.0). Each word of Russian letters (lowercased, ё
kept) is counted with a boundary ``#`` on either side: ``#с``, ``ст``, ..., ``я#``.
"""

from __future__ import annotations

import collections
import pathlib
import re
import sys

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
WORD_RE = re.compile(f"[{LETTERS}]+")


def count(texts) -> collections.Counter:
    """Bigram counts of the Russian words of ``texts`` (an iterable of str), ``#`` at word
    boundaries."""
    counts: collections.Counter = collections.Counter()
    for text in texts:
        for word in WORD_RE.findall(text.lower()):
            word = f"#{word}#"
            counts.update(word[i : i + 2] for i in range(len(word) - 1))
    return counts


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("Usage: ")[1].split("\n")[0], file=sys.stderr)
        return 2
    files = sorted(pathlib.Path(argv[0]).rglob("*.txt"))
    counts = count(p.read_text(encoding="utf-8", errors="replace") for p in files)
    print(f"# Russian letter bigrams, counted by benchmarks/letter_bigrams.py on {len(files)} files,"
          f" {sum(counts.values())} bigrams;")
    print("# source: Russian GNOME help (Debian gnome-user-docs 43.0, /usr/share/help/ru/gnome-help), CC-BY-SA-3.0")
    for bigram, n in sorted(counts.items()):
        print(f"{bigram}\t{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
