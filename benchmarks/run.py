"""Run every benchmark in this folder: python benchmarks/run.py [--realtext] [--build-realtext]

The real-text precision step (benchmarks/precision.py) runs only when its corpora are
built (benchmarks/realtext.py build; folder: $CORPUSLINT_REALTEXT_DIR or
benchmarks/.data/realtext); nothing here touches the network unless --build-realtext
is given. --realtext makes a missing corpus folder an error instead of a skip.
"""

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--realtext", action="store_true", help="require the real-text precision step")
    ap.add_argument("--build-realtext", action="store_true", help="download and build the real-text corpora first (network)")
    args = ap.parse_args()
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        failed |= subprocess.run([sys.executable, str(script)]).returncode
    if args.build_realtext:
        print("== realtext.py build", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / "realtext.py"), "build"]).returncode
    sys.path.insert(0, str(HERE))
    import realtext

    root = realtext.default_dir()
    if realtext.built_corpora(root):
        print(f"== precision.py ({root})", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / "precision.py")]).returncode
    elif args.realtext:
        print(f"== precision.py: no corpora built in {root} (python benchmarks/realtext.py build)", flush=True)
        failed |= 1
    else:
        print(f"== precision.py: skipped, no corpora in {root} (python benchmarks/realtext.py build)", flush=True)
    sys.exit(failed)
