"""Dataset readers: throughput and memory of streaming records, and a full check.

Run: python benchmarks/bench_readers.py [--records 100000]

Generates at run time a JSON Lines dataset (records are the seed articles' lines with
planted defects, plus id and metadata fields), written as .jsonl.zst and as Parquet
(row groups of 10,000). Reported:
1. reader alone: records/s and MB/s of text, and the peak Python heap (tracemalloc)
   while iterating every record without keeping it; target: peak heap independent of
   the dataset size (streaming: a line or a 1,024-row batch at a time), well under
   the text size;
2. `corpuslint check --select W` on the .jsonl.zst in a subprocess: wall time and peak
   RSS (the engine keeps the checked records' text, like it keeps checked files').
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEEDS = sorted((ROOT / "samples" / "news-ar").glob("*.txt"))


def make_dataset(dest: Path, n: int) -> tuple[Path, Path, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq
    import zstandard

    lines = [ln for p in SEEDS for ln in p.read_text(encoding="utf-8").splitlines() if len(ln) > 40]
    texts = []
    for i in range(n):
        text = lines[i % len(lines)] + "\n" + lines[(i * 7) % len(lines)]
        if i % 10 == 0:
            text += "\u00a0"
        texts.append(text)
    size = sum(len(t.encode()) for t in texts)
    zst = dest / "data.jsonl.zst"
    with open(zst, "wb") as fh, zstandard.ZstdCompressor().stream_writer(fh) as sink:
        for i, t in enumerate(texts):
            sink.write(json.dumps({"id": i, "text": t, "meta": {"source": "seed"}}, ensure_ascii=False).encode() + b"\n")
    parquet = dest / "data.parquet"
    pq.write_table(pa.table({"id": list(range(n)), "text": texts}), parquet, row_group_size=10_000)
    return zst, parquet, size


def bench_reader(path: Path, size: int, n: int) -> None:
    from corpuslint.config import Config
    from corpuslint.files import Source
    from corpuslint.readers import BUILTIN_READERS, reader_for

    reader = reader_for(str(path), BUILTIN_READERS)
    tracemalloc.start()
    t0 = time.perf_counter()
    count = 0
    for _doc in reader.documents(Source(str(path), path.name), Config()):
        count += 1
    dt = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == n, (count, n)
    print(f"  {path.name:16s}: {count / dt:9.0f} records/s {size / 1e6 / dt:6.1f} MB/s (tracemalloc on)"
          f"  peak heap {peak / 1e6:6.1f} MB for {size / 1e6:.0f} MB of text")


def bench_check(path: Path, n: int) -> None:
    code = (
        "import resource, sys, time; from corpuslint.cli import main; t = time.perf_counter(); "
        f"rc = main(['check', '--no-cache', '--select', 'W', '--jobs', '1', '--format', 'json', "
        f"'--output-file', '/dev/null', {str(path)!r}]); "
        "print(f'{time.perf_counter() - t:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}', "
        "file=sys.stderr); sys.exit(rc)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    dt, rss = proc.stderr.strip().splitlines()[-1].split()
    print(f"  check --select W {path.name}: {float(dt):6.2f} s, {n / float(dt):7.0f} records/s, "
          f"peak RSS {rss} MB (exit {proc.returncode})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        zst, parquet, size = make_dataset(Path(tmp), args.records)
        print(f"dataset: {args.records} records, {size / 1e6:.1f} MB of text "
              f"({zst.stat().st_size / 1e6:.1f} MB .jsonl.zst, {parquet.stat().st_size / 1e6:.1f} MB .parquet)")
        bench_reader(zst, size, args.records)
        bench_reader(parquet, size, args.records)
        bench_check(zst, args.records)


if __name__ == "__main__":
    main()
