"""The CI recipes work as written: the composite action's steps run as a script, and
the README's GitLab job installs from this repository at the README's `rev`.

Both install corpuslint into a throwaway venv that borrows this environment's
dependencies (a .pth file) and builds the package offline
(``PIP_NO_DEPS``, ``PIP_NO_INDEX``, no build isolation): only the install source
(the action's checkout, the README's git URL) is what the recipe says.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, SAMPLES, shadow_site_packages

EXPR_RE = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def _readme_block(after: str, lang: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tail = readme[readme.index(after):]
    return re.search(rf"```{lang}\n(.*?)```", tail, re.S).group(1)


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> dict:
    """A venv (with pip) over this environment's packages, without corpuslint itself."""
    base = tmp_path_factory.mktemp("ci")
    # this environment's packages minus corpuslint (as in test_plugins_install.py)
    shadow = shadow_site_packages(base / "deps")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=300)
    python = venv / "bin" / "python"
    # ensurepip may bring an old setuptools into the venv; build with this environment's
    subprocess.run([str(python), "-m", "pip", "uninstall", "-y", "-q", "setuptools"],
                   capture_output=True, timeout=300)
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "_ci_test_deps.pth").write_text(f"{shadow}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CORPUSLINT_DISABLE_PLUGINS", "CI")}
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}", VIRTUAL_ENV=str(venv),
               PIP_NO_DEPS="1", PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="0",
               PIP_DISABLE_PIP_VERSION_CHECK="1", CORPUSLINT_DISABLE_PLUGINS="all")
    return {"dir": base, "env": env, "python": venv / "bin" / "python"}


def _sh(command: str, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-c", command], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=600)


def _installed_from(venv: dict) -> str:
    proc = subprocess.run([str(venv["python"]), "-c", "import corpuslint; print(corpuslint.__file__)"],
                          env=venv["env"], capture_output=True, text=True, cwd=venv["dir"])
    return proc.stdout.strip()


def _corpus(where: Path) -> Path:
    corpus = where / "corpus"
    shutil.copytree(SAMPLES, corpus / "news-ar")
    (corpus / "corpuslint.toml").write_text('select = ["W", "A"]\n')
    return corpus


def test_action_steps_run_as_a_script(venv, tmp_path):
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    checkout = tmp_path / "action"  # what the runner puts at github.action_path
    shutil.copytree(ROOT, checkout, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "*.egg-info", "__pycache__", ".pytest_cache", ".corpuslint_cache"))
    corpus = _corpus(tmp_path)
    inputs = {k: v.get("default", "") for k, v in action["inputs"].items()}
    inputs.update(paths="news-ar", args="--no-cache")
    context = {"github.action_path": str(checkout), **{f"inputs.{k}": v for k, v in inputs.items()}}

    def expand(value: str) -> str:
        def one(m):
            assert m.group(1) in context, f"action.yml uses ${{{{ {m.group(1)} }}}}, not simulated"
            return context[m.group(1)]
        return EXPR_RE.sub(one, str(value))

    ran, gate = [], None
    for step in action["runs"]["steps"]:
        if "uses" in step:
            if "upload-sarif" in step["uses"]:  # the file it uploads is the one the SARIF step wrote
                assert expand(step["with"]["sarif_file"]) == inputs["sarif-file"]
                assert "always()" in step["if"]
            continue
        assert step["shell"] == "bash"
        env = dict(venv["env"], **{k: expand(v) for k, v in step.get("env", {}).items()})
        assert "${{" not in step["run"], "expressions in run: are script injection; pass them through env"
        proc = _sh(step["run"], env, corpus)
        ran.append(step["name"])
        if step is action["runs"]["steps"][-1]:
            gate = proc
        else:
            assert proc.returncode == 0, f"{step['name']}: {proc.stdout}\n{proc.stderr}"
    assert len(ran) == 3
    assert _installed_from(venv).startswith(str(venv["dir"] / "venv"))
    sarif = json.loads((corpus / inputs["sarif-file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    assert gate.returncode == 1 and "::warning file=news-ar/" in gate.stdout


def test_readme_gitlab_job_installs_from_the_repository_at_its_rev(venv, tmp_path):
    job = yaml.safe_load(_readme_block("### GitLab CI", "yaml"))["corpuslint"]
    script = job["script"]
    assert "pip install corpuslint" not in " ".join(script)
    install = script[0]
    assert "git+https://example.invalid/corpuslint@" in install
    # the same command, with this repository as the URL: the rev must exist here
    install = install.replace("git+https://example.invalid/corpuslint", f"git+file://{ROOT}")
    corpus = _corpus(tmp_path)
    proc = _sh(install, venv["env"], corpus)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _installed_from(venv).startswith(str(venv["dir"] / "venv"))
    report_cmd, gate_cmd = script[1], script[2]
    assert _sh(report_cmd, venv["env"], corpus).returncode == 0
    report = json.loads((corpus / job["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8"))
    assert report and len({r["fingerprint"] for r in report}) == len(report)
    for r in report:
        assert r["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert r["location"]["path"].startswith("news-ar/") and r["location"]["lines"]["begin"] >= 1
        assert r["check_name"] and r["description"].startswith(r["check_name"])
    assert _sh(gate_cmd, venv["env"], corpus).returncode == 1
