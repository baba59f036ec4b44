"""`pip install` of the quality plugin makes its rules appear; `pip uninstall` removes them.

A throwaway venv (made with --system-site-packages) gets the test interpreter's
dependencies through a .pth file pointing at a folder of symlinks to its site-packages,
minus anything corpuslint (so the plugin the test run itself has installed is *not*
visible), plus the repository root for corpuslint itself. The plugin is then installed
from a copy of plugins/corpuslint-quality with pip's ``--python`` option, offline
(``--no-deps --no-build-isolation --no-index``) when the test environment can build
wheels (setuptools >= 70.1, or the ``wheel`` package), otherwise with pip's isolated
build (which fetches setuptools from the package index). Takes about 10-20 s.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


from .conftest import ROOT, shadow_site_packages

PLUGIN_SRC = ROOT / "plugins" / "corpuslint-quality"
Q_CODES = [f"Q{n}" for n in range(101, 116)]


def _run(*args, cwd, check=True):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CORPUSLINT_DISABLE_PLUGINS")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if check:
        assert proc.returncode == 0, f"{args}\n{proc.stdout}\n{proc.stderr}"
    return proc


def _listed_codes(python: Path, cwd: Path) -> list[str]:
    proc = _run(python, "-m", "corpuslint", "rules", cwd=cwd)
    return [line.split()[0] for line in proc.stdout.splitlines()[1:] if line.strip()]


def _can_build_wheels() -> bool:
    """setuptools >= 70.1 builds wheels itself; older ones need the 'wheel' package."""
    from importlib.util import find_spec

    try:
        import setuptools
        from packaging.version import Version
    except ImportError:
        return False
    return Version(setuptools.__version__) >= Version("70.1") or find_spec("wheel") is not None


def test_pip_install_adds_the_rules_and_uninstall_removes_them(tmp_path):
    # the parent's packages, minus corpuslint and its plugins and any .pth/editable hooks
    shadow = shadow_site_packages(tmp_path / "parent-site")

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path)
    Path(purelib.stdout.strip(), "_corpuslint_test_deps.pth").write_text(f"{ROOT}\n{shadow}\n", encoding="utf-8")

    before = _listed_codes(python, tmp_path)
    assert "W101" in before, "corpuslint itself must load in the throwaway venv"
    assert not any(code.startswith("Q") for code in before), before

    src = tmp_path / "corpuslint-quality"  # build from a copy: pip writes build/ and egg-info next to the sources
    shutil.copytree(PLUGIN_SRC, src, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__", ".pytest_cache"))
    pip = [sys.executable, "-m", "pip", "--python", python]
    if _can_build_wheels():  # offline, with this environment's setuptools
        _run(*pip, "install", "--no-deps", "--no-build-isolation", "--no-index", "-q", src, cwd=tmp_path)
    else:  # pip fetches a current setuptools for an isolated build from the package index
        _run(*pip, "install", "--no-deps", "-q", src, cwd=tmp_path)

    installed = _listed_codes(python, tmp_path)
    assert [c for c in installed if c.startswith("Q")] == Q_CODES
    rules = _run(python, "-m", "corpuslint", "rules", cwd=tmp_path).stdout
    assert all(line.split()[-1] == "quality" for line in rules.splitlines() if line.startswith("Q"))
    version = _run(python, "-m", "corpuslint", "--version", cwd=tmp_path).stdout
    assert "plugin quality 0.1.0" in version

    # the installed rules fire on a low-quality document in that venv
    page = tmp_path / "page.txt"
    page.write_text("\n".join(["اشترك الآن", "تابعونا", "اترك تعليقاً"] * 12) + "\n", encoding="utf-8")
    check = _run(python, "-m", "corpuslint", "check", "--no-cache", "--select", "Q", page, cwd=tmp_path, check=False)
    assert check.returncode == 1, check.stderr
    assert "Q101" in check.stdout and "Q103" not in check.stdout  # Q103 is opt-in (q17): selected by its code
    check = _run(python, "-m", "corpuslint", "check", "--no-cache", "--select", "Q", "--extend-select", "Q103",
                 page, cwd=tmp_path, check=False)
    assert "Q101" in check.stdout and "Q103" in check.stdout

    _run(*pip, "uninstall", "-y", "-q", "corpuslint-quality", cwd=tmp_path)
    after = _listed_codes(python, tmp_path)
    assert not any(code.startswith("Q") for code in after)
    assert after == before
    gone = _run(python, "-m", "corpuslint", "check", "--select", "Q", page, cwd=tmp_path, check=False)
    assert gone.returncode == 2 and "unknown rule code or prefix 'Q'" in gone.stderr
