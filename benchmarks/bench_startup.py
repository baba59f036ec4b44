"""Benchmark: start-up cost and install size (issue 14, targets 5 and 6).

    python benchmarks/bench_startup.py                 # start-up CPU (a few seconds)
    python benchmarks/bench_startup.py --install       # also install size (fresh venv, ~2 min, PyPI)
    python benchmarks/bench_startup.py --targets-json targets.json

Start-up: CPU seconds (user + system of the child process, the minimum of ``--repeat``
runs: the machine is shared, so the minimum is the least disturbed figure) of

* ``corpuslint --version`` (the peer: interpreter + CLI + plugin registry), and
* ``corpuslint check one_small_file.txt`` on a small English file that needs no
  dictionary, in a fresh folder (cold cache: nothing cached yet), with default rules.

Targets: check <= 0.3 s CPU and <= 3x ``--version`` in the same run.

Install size (``--install``): a throwaway venv gets ``pip install <this checkout>``
(a copy of the tracked files, so nothing here is touched); the figure is the growth of
the venv in MB (``du`` of the venv minus a bare venv made the same way), with the
largest packages listed. Target: <= 250 MB.

``--targets-json FILE`` writes ``{"name": {"value", "target", "unit", "ok"}}`` for
benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SMALL_FILE = (
    "The committee met on Tuesday to review the proposal.\n"
    "Members agreed to publish the report next month, after one more reading.\n"
)


def _env(pycache: str) -> dict[str, str]:
    """The children's environment: this checkout first on the path, and byte code cached
    (in ``pycache``, not in the checkout) as an installed package has it: pip compiles
    .pyc files at install time, so PYTHONDONTWRITEBYTECODE would time the compiler."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (ROOT, env.get("PYTHONPATH", "")) if p)
    env.pop("CORPUSLINT_DEBUG", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = pycache
    return env


def child_cpu(cmd: list[str], cwd: str, env: dict[str, str]) -> float:
    """CPU seconds (user + sys) of one child process run to completion."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_startup(repeat: int) -> dict[str, float]:
    pycache = tempfile.mkdtemp(prefix="corpuslint-pycache-")
    try:
        return _bench_startup(repeat, _env(pycache))
    finally:
        shutil.rmtree(pycache, ignore_errors=True)


def _bench_startup(repeat: int, env: dict[str, str], cli: list[str] | None = None,
                   python: str = sys.executable) -> dict[str, float]:
    cli = cli or [python, "-m", "corpuslint"]
    version, check = [], []
    # warm the OS file cache and write the .pyc files once (not timed)
    with tempfile.TemporaryDirectory(prefix="corpuslint-startup-") as tmp:
        with open(os.path.join(tmp, "one_small_file.txt"), "w", encoding="utf-8") as fh:
            fh.write(SMALL_FILE)
        subprocess.run(cli + ["check", "one_small_file.txt"], cwd=tmp, env=env, capture_output=True)
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="corpuslint-startup-") as tmp:
            with open(os.path.join(tmp, "one_small_file.txt"), "w", encoding="utf-8") as fh:
                fh.write(SMALL_FILE)
            version.append(child_cpu(cli + ["--version"], tmp, env))
            check.append(child_cpu(cli + ["check", "one_small_file.txt"], tmp, env))
    bare = min(child_cpu([python, "-c", "pass"], ROOT, env) for _ in range(repeat))
    return {"version": min(version), "check": min(check), "python": bare}


def _du_mb(path: str) -> float:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(dirpath, f)).st_blocks * 512
            except OSError:
                pass
    return total / 2**20


def bench_install(python: str, keep: bool) -> dict:
    tmp = tempfile.mkdtemp(prefix="corpuslint-install-")
    try:
        src = os.path.join(tmp, "src")
        files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.split("\n")
        for rel in filter(None, files):
            if os.path.isfile(os.path.join(ROOT, rel)):
                os.makedirs(os.path.dirname(os.path.join(src, rel)), exist_ok=True)
                shutil.copy2(os.path.join(ROOT, rel), os.path.join(src, rel))
        bare, venv = os.path.join(tmp, "bare"), os.path.join(tmp, "venv")
        for d in (bare, venv):
            subprocess.run([python, "-m", "venv", d], check=True)
        pip = os.path.join(venv, "bin", "pip")
        proc = subprocess.run([pip, "install", "-q", "--disable-pip-version-check", src], capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"pip install failed:\n{proc.stderr[-3000:]}")
        growth = _du_mb(venv) - _du_mb(bare)
        # start-up as a user gets it: the venv's own `corpuslint` (byte code compiled by pip)
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "CORPUSLINT_DEBUG")}
        startup = _bench_startup(5, env, [os.path.join(venv, "bin", "corpuslint")], os.path.join(venv, "bin", "python"))
        site = subprocess.run([os.path.join(venv, "bin", "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              capture_output=True, text=True, check=True).stdout.strip()
        sizes: dict[str, float] = {}
        for name in os.listdir(site):
            p = os.path.join(site, name)
            key = name.split("-")[0].split(".")[0] if name.endswith((".dist-info", ".libs")) else name
            sizes[key] = sizes.get(key, 0.0) + (_du_mb(p) if os.path.isdir(p) else os.lstat(p).st_blocks * 512 / 2**20)
        top = sorted(sizes.items(), key=lambda kv: -kv[1])[:12]
        return {"growth_mb": growth, "top": top, "venv": venv if keep else None, "startup": startup}
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="runs per command; the minimum CPU is reported")
    ap.add_argument("--install", action="store_true", help="also measure `pip install .` in a throwaway venv (network)")
    ap.add_argument("--python", default=sys.executable, help="interpreter for the throwaway venvs")
    ap.add_argument("--keep", action="store_true", help="keep the throwaway venv (its path is printed)")
    ap.add_argument("--targets-json", metavar="FILE", help="write the targets as JSON for benchmarks/run.py")
    args = ap.parse_args()
    targets: dict[str, dict] = {}

    s = bench_startup(args.repeat)
    ratio = s["check"] / s["version"]
    print(f"start-up CPU (min of {args.repeat}): python -c pass {s['python']:.3f} s, "
          f"corpuslint --version {s['version']:.3f} s, check one_small_file.txt {s['check']:.3f} s")
    ok_abs, ok_ratio = s["check"] <= 0.3, ratio <= 3.0
    print(f"target 5: check one small file <= 0.3 s CPU: {s['check']:.3f} s [{'ok' if ok_abs else 'MISSED'}]; "
          f"<= 3x --version: {ratio:.2f}x [{'ok' if ok_ratio else 'MISSED'}]")
    targets["startup_check_cpu"] = {"value": round(s["check"], 3), "target": 0.3, "unit": "s CPU", "ok": ok_abs}
    targets["startup_check_vs_version"] = {"value": round(ratio, 2), "target": 3.0, "unit": "x", "ok": ok_ratio}

    if args.install:
        r = bench_install(args.python, args.keep)
        print(f"install: `pip install .` grows a fresh venv by {r['growth_mb']:.0f} MB; largest: "
              + ", ".join(f"{n} {mb:.0f}" for n, mb in r["top"]))
        if r["venv"]:
            print(f"  venv kept: {r['venv']}")
        st = r["startup"]
        print(f"start-up in that fresh venv (its own `corpuslint`, min of 5): python -c pass {st['python']:.3f} s, "
              f"--version {st['version']:.3f} s, check one_small_file.txt {st['check']:.3f} s "
              f"({st['check'] / st['version']:.2f}x --version)")
        ok_fresh = st["check"] <= 0.3
        targets["startup_check_cpu_fresh_venv"] = {"value": round(st["check"], 3), "target": 0.3, "unit": "s CPU",
                                                   "ok": ok_fresh}
        ok = r["growth_mb"] <= 250
        print(f"target 6: install <= 250 MB: {r['growth_mb']:.0f} MB [{'ok' if ok else 'MISSED'}]")
        targets["install_mb"] = {"value": round(r["growth_mb"]), "target": 250, "unit": "MB", "ok": ok}
    else:
        print("target 6: install size not measured (--install: fresh venv + pip install ., about 2 minutes)")

    if args.targets_json:
        with open(args.targets_json, "w", encoding="utf-8") as fh:
            json.dump(targets, fh, indent=1)


if __name__ == "__main__":
    main()
