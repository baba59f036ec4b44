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
   RSS (the engine keeps the checked records' text, like it keeps checked files');
3. `--json-mb N` (e.g. 1000; instead of 1 and 2): the ``json`` reader on generated Alpaca-shaped .json
   arrays (indent 2, as alpaca_data.json) of N/10 and N MB, three text fields a record,
   each read in a fresh subprocess: records/s, CPU (user+sys) and peak RSS; target:
   the same peak RSS at both sizes (a record and a 1 MB chunk resident, never the file).
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


def make_json(path: Path, mb: int) -> int:
    """An Alpaca-shaped JSON array of about ``mb`` MB (written record by record); returns
    the records written."""
    lines = [ln for p in SEEDS for ln in p.read_text(encoding="utf-8").splitlines() if len(ln) > 40]
    n = 0
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("[\n  ")
        while size < mb * 1_000_000:
            record = {"instruction": lines[n % len(lines)][:80], "input": "" if n % 3 else lines[(n * 5) % len(lines)],
                      "output": lines[(n * 7) % len(lines)] + "\n" + lines[(n * 11) % len(lines)]}
            text = ("" if not n else ",\n  ") + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            fh.write(text)
            size += len(text.encode())
            n += 1
        fh.write("\n]\n")
    return n


def bench_json(dest: Path, mb: int) -> None:
    code = (
        "import resource, sys, time; from corpuslint.files import Source; "
        "from corpuslint.readers import JsonReader; from corpuslint.config import Config; "
        "cfg = Config(); cfg.sections['readers'] = {'text-field': ['instruction', 'input', 'output']}; "
        "t = time.perf_counter(); n = sum(1 for _ in JsonReader().documents(Source(sys.argv[1], 'd.json'), cfg)); "
        "r = resource.getrusage(resource.RUSAGE_SELF); "
        "print(n, f'{time.perf_counter() - t:.2f} {r.ru_utime + r.ru_stime:.2f} {r.ru_maxrss / 1024:.0f}')"
    )
    for size in (max(1, mb // 10), mb):
        path = dest / f"data-{size}.json"
        records = make_json(path, size)
        proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        docs, wall, cpu, rss = proc.stdout.split()
        assert int(docs) == 3 * records, (docs, records)
        print(f"  json reader {path.stat().st_size / 1e6:7.0f} MB, {records} records ({docs} documents): "
              f"{records / float(wall):8.0f} records/s, {float(cpu):6.1f} s CPU, peak RSS {rss} MB")
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--json-mb", type=int, default=0, help="only this: read generated .json arrays of N/10 and N MB")
    args = parser.parse_args()
    if args.json_mb:
        with tempfile.TemporaryDirectory(dir="/var/tmp") as tmp:
            bench_json(Path(tmp), args.json_mb)
        return
    with tempfile.TemporaryDirectory() as tmp:
        zst, parquet, size = make_dataset(Path(tmp), args.records)
        print(f"dataset: {args.records} records, {size / 1e6:.1f} MB of text "
              f"({zst.stat().st_size / 1e6:.1f} MB .jsonl.zst, {parquet.stat().st_size / 1e6:.1f} MB .parquet)")
        bench_reader(zst, size, args.records)
        bench_reader(parquet, size, args.records)
        bench_check(zst, args.records)


if __name__ == "__main__":
    main()
