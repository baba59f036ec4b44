"""An optional extra that a run needs but cannot import is found out before anything is
linted, fixed or written: exit 2, one line on standard error, every file unchanged.

fresh13's run `corpuslint check t2 --fix --format html -o out/r2.html` without the report
extra wrote the fixes, then failed on the report ("altair is missing")."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpuslint import extras
from corpuslint.config import ConfigError

from .conftest import run_cli

TEXT = "نص  فيه مسافتان. \n"  # a double space and a trailing space: safe fixes to write


def _blocked(tmp_path: Path, *modules: str) -> dict:
    """An environment in which ``modules`` raise ImportError on import (as if not installed)."""
    blocker = tmp_path / "block"
    blocker.mkdir(exist_ok=True)
    for module in modules:
        (blocker / f"{module}.py").write_text(f"raise ImportError('blocked', name={module!r})\n")
    return {"PYTHONPATH": os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")])}


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "t2"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text("")
    return corpus


def _one_line_error(proc, *words: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("corpuslint: error: "), proc.stderr
    for word in words:
        assert word in lines[0], proc.stderr


@pytest.mark.parametrize("module", ["altair", "vl_convert"])
def test_fix_with_html_report_without_report_extra_writes_nothing(tmp_path, module):
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    proc = run_cli("check", "--no-cache", "t2", "--fix", "--format", "html", "-o", "out/r2.html",
                   cwd=tmp_path, env=_blocked(tmp_path, module))
    _one_line_error(proc, "--format html", f"{module} is missing", "corpus-quality-lint[report]")
    assert (corpus / "a.txt").read_text(encoding="utf-8") == TEXT  # the fixes were not written
    assert not (out / "r2.html").exists() and not (tmp_path / ".corpuslint_cache").exists()


def test_the_same_fix_run_with_the_extra_writes_fixes_and_report(tmp_path):
    corpus = _corpus(tmp_path)
    (tmp_path / "out").mkdir()
    proc = run_cli("check", "--no-cache", "t2", "--fix", "--format", "html", "-o", "out/r2.html", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert (corpus / "a.txt").read_text(encoding="utf-8") == "نص فيه مسافتان.\n"
    assert (tmp_path / "out" / "r2.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_diff_and_text_runs_do_not_need_the_report_extra(tmp_path):
    _corpus(tmp_path)
    env = _blocked(tmp_path, "altair")
    proc = run_cli("check", "--no-cache", "t2", "--diff", "--format", "html", cwd=tmp_path, env=env)
    assert proc.returncode == 1 and "+نص فيه مسافتان." in proc.stdout, proc.stderr  # --diff prints no report
    proc = run_cli("check", "--no-cache", "t2", cwd=tmp_path, env=env)
    assert proc.returncode == 1 and "W10" in proc.stdout, proc.stderr


@pytest.mark.parametrize("module", ["distributed", "dask"])
def test_fix_on_dask_without_dask_extra_writes_nothing(tmp_path, module):
    corpus = _corpus(tmp_path)
    proc = run_cli("check", "--no-cache", "t2", "--fix", "--executor", "dask", cwd=tmp_path,
                   env=_blocked(tmp_path, module))
    _one_line_error(proc, "--executor dask", f"{module} is missing", "corpus-quality-lint[dask]")
    assert (corpus / "a.txt").read_text(encoding="utf-8") == TEXT


def test_dask_from_the_config_file_is_checked_the_same(tmp_path):
    corpus = _corpus(tmp_path)
    (tmp_path / "corpuslint.toml").write_text('[executor]\nkind = "dask"\n')
    proc = run_cli("check", "--no-cache", "t2", "--fix", cwd=tmp_path, env=_blocked(tmp_path, "distributed"))
    _one_line_error(proc, "needs the dask extra")
    assert (corpus / "a.txt").read_text(encoding="utf-8") == TEXT


def test_filter_to_parquet_without_pyarrow_is_refused_before_linting(tmp_path):
    data = tmp_path / "d.jsonl"
    data.write_text('{"text": "نص  فيه مسافتان."}\n', encoding="utf-8")
    proc = run_cli("filter", str(data), str(tmp_path / "o.parquet"), "--drop", "W", "--fix",
                   cwd=tmp_path, env=_blocked(tmp_path, "pyarrow"))
    _one_line_error(proc, "o.parquet", "pyarrow is missing", "corpus-quality-lint[parquet]")
    assert not (tmp_path / "o.parquet").exists()


def test_url_without_fsspec_is_refused_before_local_files_are_fixed(tmp_path):
    corpus = _corpus(tmp_path)
    url = (tmp_path / "t2" / "a.txt").as_uri()
    proc = run_cli("check", "--no-cache", "t2", url, "--fix", cwd=tmp_path, env=_blocked(tmp_path, "fsspec"))
    _one_line_error(proc, "needs fsspec")
    assert (corpus / "a.txt").read_text(encoding="utf-8") == TEXT


def test_a_plugin_formatter_require_is_called(tmp_path):
    calls = []

    def fmt(result, stream):  # pragma: no cover - never reached
        raise AssertionError

    def require():
        calls.append(1)
        raise ConfigError("--format mine needs the frobnicate package")

    fmt.require = require
    with pytest.raises(ConfigError, match="frobnicate"):
        extras.require_formatter(fmt)
    assert calls == [1]
    extras.require_formatter(lambda result, stream: None)  # no require: nothing to check
