"""Shared fixtures: the seed corpus, a CLI runner, and a per-test copy of samples/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# No time limit on a hypothesis example (its default is 200 ms): the first example of a
# spelling property loads a dictionary (2-3 s on a loaded machine), and speed targets live
# in benchmarks/, never in tests. (Loaded at collection, so the plugin's tests have it too.)
settings.register_profile("corpuslint", deadline=None)
settings.load_profile("corpuslint")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "news-ar"


def seed(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. "002")."""
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path


def seed_line(prefix: str, number: int) -> str:
    return seed(prefix).read_text(encoding="utf-8").splitlines()[number - 1]


def run_cli(*args: str, cwd: str | os.PathLike | None = None, env: dict | None = None, input: str | None = None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "corpuslint", *args],
        cwd=cwd, env=full_env, capture_output=True, text=True, input=input, timeout=300,
    )


def run_json(*args: str, cwd=None, env=None) -> tuple[int, dict]:
    proc = run_cli("check", "--format", "json", "--no-cache", *args, cwd=cwd, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def shadow_site_packages(dest: Path) -> Path:
    """``dest`` filled with symlinks to this environment's installed packages, minus
    corpuslint, its plugins and any .pth or editable-install hooks: the parent's
    dependencies for a test venv that installs corpuslint itself. Site folders that do
    not exist are skipped (Debian's Python lists ``…/local/lib/python3.X/dist-packages``
    in a venv without creating it)."""
    import site

    dest.mkdir(parents=True, exist_ok=True)
    for site_dir in site.getsitepackages():
        if not os.path.isdir(site_dir):
            continue
        for entry in sorted(Path(site_dir).iterdir()):
            name = entry.name.lower()
            if ("corpuslint" in name or "corpus_quality_lint" in name or name.startswith("__editable__")
                    or name.endswith(".pth") or name == "__pycache__"):
                continue
            if not (dest / entry.name).exists():
                (dest / entry.name).symlink_to(entry)
    return dest


@pytest.fixture
def samples_copy(tmp_path: Path) -> Path:
    """A private copy of samples/news-ar (tests may fix it in place)."""
    dest = tmp_path / "news-ar"
    shutil.copytree(SAMPLES, dest)
    for f in dest.iterdir():
        f.chmod(0o644)
    return dest


def replayed(matcher, a: list, b: list) -> list:
    """``b`` rebuilt by replaying ``matcher``'s opcodes on ``a`` (a difflib-style matcher over
    ``a`` and ``b``), asserting that each of its equal spans is equal on both sides."""
    rebuilt: list = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
            rebuilt += a[i1:i2]
        else:
            rebuilt += b[j1:j2]
    return rebuilt


def local_and_dask(root: Path, table: dict) -> tuple[list, list]:
    """Findings of ``root`` with configuration ``table`` by the local executor and on a
    Dask LocalCluster made for the call (2 worker processes, 1 thread each, as `--executor
    dask` makes one): a corpus rule's state that the distributed reduce does not carry
    shows as a difference (or a RuleError). tests/test_dask_executor.py shares one cluster
    across its module instead."""
    import logging

    import dask
    import distributed

    from corpuslint import engine
    from corpuslint.executors import ExecutorSettings, LocalExecutor
    from corpuslint.executors import dask as executor_dask
    from corpuslint.executors.dask import DaskExecutor

    config, registry = engine.build_registry([str(root)], table=table)
    local = engine.run([str(root)], config, registry, executor=LocalExecutor()).findings
    with dask.config.set(executor_dask.LOCAL_CLUSTER_CONFIG):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address="127.0.0.1:0", host="127.0.0.1",
                                           silence_logs=logging.ERROR)
    try:
        executor = DaskExecutor(ExecutorSettings(kind="dask", scheduler=cluster.scheduler_address))
        try:
            on_dask = engine.run([str(root)], config, registry, executor=executor).findings
        finally:
            executor.close()
    finally:
        cluster.close()
    return local, on_dask


SCRIPTURE = Path(__file__).resolve().parent / "data" / "realtext" / "scripture"


def scripture_corpus(tmp_path: Path, monkeypatch, *parts: str) -> Path:
    """The scripture fixture folders or files ``parts`` (under tests/data/realtext/scripture)
    copied under a git work tree (the project root) at ``tmp_path``, made the current folder."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for part in parts:
        src = SCRIPTURE / part
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, tmp_path / part)
        else:
            shutil.copy(src, tmp_path / part)
    monkeypatch.chdir(tmp_path)
    return tmp_path
