"""The plugin system: the installed corpuslint-quality plugin, blocking, broken plugins,
repo-local plugins and the "Writing a plugin" guide's example, built from the guide.

Third-party plugins are simulated the way pip installs them: a module plus a
``NAME-VERSION.dist-info`` folder (METADATA + entry_points.txt) in a temporary folder
put on PYTHONPATH of a ``python -m corpuslint`` subprocess.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from corpuslint import lint_paths, lint_text
from corpuslint.plugins import DISABLE_ENV, PluginError, load_plugins

from .conftest import ROOT, SAMPLES, run_cli

Q_CODES = [f"Q{n}" for n in range(101, 116)]
GUIDE = ROOT / "docs" / "writing-plugins.md"


def _require_quality_plugin():
    names = {ep.name: ep.value for ep in entry_points(group="corpuslint")}
    if names.get("quality") != "corpuslint_quality.plugin":
        pytest.fail(
            "the corpuslint-quality plugin is not installed in this environment: "
            "run `pip install -e ./plugins/corpuslint-quality` before the tests",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    monkeypatch.delenv(DISABLE_ENV, raising=False)


def fake_dist(where: Path, dist: str, version: str, entry: dict[str, str], modules: dict[str, str]) -> Path:
    """Write modules plus a dist-info registering them in the corpuslint entry-point group."""
    where.mkdir(parents=True, exist_ok=True)
    for rel, source in modules.items():
        path = where / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    info = where / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    lines = "".join(f"{name} = {value}\n" for name, value in entry.items())
    (info / "entry_points.txt").write_text(f"[corpuslint]\n{lines}", encoding="utf-8")
    return where


def cli(*args, path: Path | None = None, disable: str | None = None, cwd=ROOT):
    env = {"PYTHONPATH": os.pathsep.join([str(path), str(ROOT)] if path else [str(ROOT)]), DISABLE_ENV: disable or ""}
    return run_cli(*args, env=env, cwd=cwd)


def one_error_line(proc) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


# -- the installed quality plugin -----------------------------------------------------


def test_quality_plugin_rules_are_registered_with_their_origin():
    _require_quality_plugin()
    registry = load_plugins()
    assert [c for c in sorted(registry.rules) if c.startswith("Q")] == Q_CODES
    assert {registry.rules[c].origin for c in Q_CODES} == {"quality"}
    (info,) = [p for p in registry.plugins if p.name == "quality"]
    assert not info.builtin and info.version == "0.1.0"
    # built-in families are plugins too, registered through the same hooks
    assert {"whitespace", "artifact", "custom"} <= {p.name for p in registry.plugins if p.builtin}


def test_cli_rules_shows_origin_and_version_lists_plugins():
    _require_quality_plugin()
    rules = cli("rules")
    assert rules.returncode == 0, rules.stderr
    q_lines = [line.split() for line in rules.stdout.splitlines() if line.startswith("Q")]
    assert [line[0] for line in q_lines] == Q_CODES
    assert all(line[-1] == "quality" and line[2] == "quality" for line in q_lines)
    assert any(line.startswith("W101") and line.split()[-1] == "whitespace" for line in rules.stdout.splitlines())
    version = cli("--version")
    assert version.returncode == 0 and "plugin quality 0.1.0" in version.stdout
    doc = cli("rule", "Q103")
    assert doc.returncode == 0 and "from: quality" in doc.stdout and "Rae et al. 2021" in doc.stdout


# A scraped navigation/tag page: the kind of document training-data filters remove.
NAV_PAGE = "\n".join(
    ["الرئيسية", "أخبار", "رياضة", "اقتصاد", "#كوريا #روسيا #بوتين #كيم #عاجل", "اقرأ أيضا...", "شاهد المزيد..."] * 2
) + "\n"


def test_quality_rules_fire_on_a_low_quality_document():
    _require_quality_plugin()
    findings = lint_text(NAV_PAGE, path="page.txt", config={"select": ["Q"]})
    got = {f.code: (f.severity.value, f.line, f.column) for f in findings}
    assert got == {
        "Q101": ("warning", 1, 1),  # half the lines repeat
        "Q105": ("info", 1, 1),  # 12 of 14 lines are short
        "Q106": ("warning", 1, 1),  # 10 hash signs for 26 words
        "Q108": ("info", 1, 1),  # 26 words
        # no Q103/Q112: under 50 words (Gopher's length filter, Q108's) n-grams are not measured
    }
    by_code = {f.code: f.message for f in findings}
    assert by_code["Q108"] == "word count 26 is below min 50"
    # the menu captured four times (52 words): its 3-gram covers 0.23 of the text
    (q103,) = [f for f in lint_text(NAV_PAGE * 2, path="page.txt", config={"select": ["Q103"]})]
    assert "'الرئيسية أخبار رياضة' occurs 4 times" in q103.message  # shown as written


def test_quality_rules_are_silent_on_the_seed_articles():
    _require_quality_plugin()
    findings = lint_paths([str(SAMPLES)], config={"select": ["Q"]})
    assert findings == []  # not even at info severity


def test_quality_severity_and_options_from_config(tmp_path):
    _require_quality_plugin()
    config = {
        "select": ["Q"],
        "severity": {"Q108": "error"},
        "rules": {"Q108": {"min-words": 20}, "Q101": {"max-line-fraction": 0.6, "max-char-fraction": 0.6}},
    }
    got = {f.code: f.severity.value for f in lint_text(NAV_PAGE, path="page.txt", config=config)}
    assert "Q101" not in got and "Q108" not in got
    config["rules"]["Q108"] = {"min-words": 30}
    got = {f.code: f.severity.value for f in lint_text(NAV_PAGE, path="page.txt", config=config)}
    assert got["Q108"] == "error"


# -- blocking -------------------------------------------------------------------------


def test_disable_env_blocks_the_plugin_in_process(monkeypatch):
    _require_quality_plugin()
    monkeypatch.setenv(DISABLE_ENV, "quality")
    registry = load_plugins()
    assert not any(code.startswith("Q") for code in registry.rules)
    assert "quality" not in {p.name for p in registry.plugins}
    assert "W101" in registry.rules  # built-ins are never blocked
    monkeypatch.setenv(DISABLE_ENV, "all")
    assert not any(code.startswith("Q") for code in load_plugins().rules)
    monkeypatch.setenv(DISABLE_ENV, "something-else")
    assert "Q101" in load_plugins().rules


def test_disable_env_blocks_the_plugin_in_the_cli(tmp_path):
    _require_quality_plugin()
    rules = cli("rules", disable="quality")
    assert rules.returncode == 0
    assert not [line for line in rules.stdout.splitlines() if line.startswith("Q")]
    page = tmp_path / "page.txt"
    page.write_text(NAV_PAGE, encoding="utf-8")
    assert cli("check", "--no-cache", "--select", "Q", str(page)).returncode == 1
    line = one_error_line(cli("check", "--no-cache", "--select", "Q", str(page), disable="quality"))
    assert "unknown rule code or prefix 'Q'" in line


# -- broken plugins: exit 2, one line naming the plugin -----------------------------------


def test_plugin_failing_at_import(tmp_path):
    where = fake_dist(tmp_path / "site", "broken", "0.1", {"broken": "broken_plugin"},
                      {"broken_plugin.py": 'raise RuntimeError("boom: missing model file")\n'})
    for args in (("check", "--no-cache", str(SAMPLES)), ("--version",)):
        line = one_error_line(cli(*args, path=where))
        assert line == (
            "corpuslint: error: plugin 'broken' (broken_plugin) failed to load: RuntimeError: boom: missing model file"
        )
    # blocked, the run works again
    assert cli("rules", path=where, disable="broken").returncode == 0


def plugin_error(monkeypatch, where: Path) -> str:
    """Load plugins in-process with ``where`` on sys.path; return the PluginError message."""
    monkeypatch.syspath_prepend(str(where))
    with pytest.raises(PluginError) as info:
        load_plugins()
    message = str(info.value)
    assert "\n" not in message
    return message


def test_plugin_missing_dependency(tmp_path, monkeypatch):
    where = fake_dist(tmp_path / "site", "needs-torch", "0.3", {"needs-torch": "needs_torch"},
                      {"needs_torch.py": "import a_module_that_is_not_installed\n"})
    message = plugin_error(monkeypatch, where)
    assert message.startswith("plugin 'needs-torch' (needs_torch) failed to load: ModuleNotFoundError")


def test_plugin_whose_hook_raises(tmp_path):
    source = """
        from corpuslint import hookimpl

        @hookimpl
        def corpuslint_register_rules():
            return {}["rules"]
    """
    where = fake_dist(tmp_path / "site", "hookfail", "1.0", {"hookfail": "hookfail"}, {"hookfail.py": source})
    line = one_error_line(cli("check", "--no-cache", str(SAMPLES), path=where))
    assert line == "corpuslint: error: plugin 'hookfail' failed in corpuslint_register_rules: KeyError: 'rules'"


RULE_TEMPLATE = '''
    from corpuslint import hookimpl
    from corpuslint.rules import DocumentRule

    class Rule(DocumentRule):
        {doc}
        code = "{code}"
        name = "{name}"
        family = "test"

        def check(self, doc):
            return []

    @hookimpl
    def corpuslint_register_rules():
        return [Rule]
'''
GOOD_DOC = '"""A rule.\n\n        What: x\n        Why: x\n        Example: x\n        Fix safety: x\n        """'


@pytest.mark.parametrize(
    "doc, code, name, expected",
    [
        (GOOD_DOC, "Q101", "clash", "rule code Q101 is already registered by"),
        ('""""""', "Z101", "no-doc", "rule Z101 has no documentation"),
        (GOOD_DOC, "z1", "bad-code", "code 'z1' must be letters + 3 digits"),
        (GOOD_DOC, "Z102", "Bad_Name", "name 'Bad_Name' must be kebab-case"),
    ],
)
def test_plugin_with_an_invalid_rule(tmp_path, monkeypatch, doc, code, name, expected):
    _require_quality_plugin()
    source = RULE_TEMPLATE.format(doc=doc, code=code, name=name)
    module = f"badrule_{name.replace('-', '_').lower()}"
    where = fake_dist(tmp_path / "site", "badrule", "1.0", {"badrule": module}, {f"{module}.py": source})
    message = plugin_error(monkeypatch, where)
    assert expected in message and "'badrule'" in message


def test_a_working_third_party_plugin_appears_with_its_origin(tmp_path, monkeypatch):
    source = RULE_TEMPLATE.format(doc=GOOD_DOC, code="Z101", name="always-clean")
    where = fake_dist(tmp_path / "site", "zplug", "2.5", {"zplug": "zplug"}, {"zplug.py": source})
    monkeypatch.syspath_prepend(str(where))
    registry = load_plugins()
    assert registry.rules["Z101"].name == "always-clean" and registry.rules["Z101"].origin == "zplug"
    assert [(p.name, p.version, p.builtin) for p in registry.plugins if p.name == "zplug"] == [("zplug", "2.5", False)]
    monkeypatch.setenv(DISABLE_ENV, "zplug")
    assert "Z101" not in load_plugins().rules


# -- repo-local plugins: only on explicit opt-in ----------------------------------------------

LOCAL_PLUGIN = '''
    import pathlib
    from corpuslint import hookimpl
    from corpuslint.rules import DocumentRule

    pathlib.Path(__file__).with_name("IMPORTED").write_text("yes")

    class SearchWidget(DocumentRule):
        """The word "search" left over from a site's search box.

        What: flags the line "search".
        Why: scraped UI text.
        Example: the last line of 002.
        Fix safety: no fix.
        """
        code = "H101"
        name = "search-widget"
        family = "house"

        def check(self, doc):
            for line in doc.lines:
                if doc.line_text(line).strip() == "search":
                    yield doc.finding(self, line.start, line.end, "search-box text")

    @hookimpl
    def corpuslint_register_rules():
        return [SearchWidget]
'''


def test_local_plugins_load_only_when_the_config_opts_in(tmp_path):
    project = tmp_path / "project"
    (project / "lint").mkdir(parents=True)
    (project / "lint" / "house_rules.py").write_text(textwrap.dedent(LOCAL_PLUGIN), encoding="utf-8")
    (project / "news.txt").write_text((SAMPLES / next(p.name for p in SAMPLES.iterdir() if p.name.startswith("002"))).read_text(encoding="utf-8"), encoding="utf-8")
    marker = project / "lint" / "IMPORTED"

    # a plain config: the module sitting in the repository is never imported
    (project / "corpuslint.toml").write_text('include = ["*.txt"]\n', encoding="utf-8")
    plain = cli("check", "--no-cache", "news.txt", cwd=project)
    assert plain.returncode in (0, 1), plain.stderr
    assert "H101" not in plain.stdout and not marker.exists()

    (project / "corpuslint.toml").write_text(
        'include = ["*.txt"]\n\n[plugins]\nlocal = ["house_rules"]\npaths = ["lint"]\n', encoding="utf-8"
    )
    opted = cli("check", "--no-cache", "--select", "H", "news.txt", cwd=project)
    assert marker.exists()
    assert opted.returncode == 1, opted.stderr
    assert "news.txt:47:1: H101 search-box text" in opted.stdout


# -- the guide's example, built from the guide itself ---------------------------------------------


def guide_files() -> dict[str, str]:
    text = GUIDE.read_text(encoding="utf-8")
    files = {}
    for block in re.findall(r"```(?:python|toml)\n(.*?)```", text, flags=re.S):
        first, _, rest = block.partition("\n")
        if first.startswith("# file: "):
            files[first[len("# file: "):].strip()] = rest
    return files


def test_the_guide_example_plugin_works_end_to_end(tmp_path, monkeypatch):
    files = guide_files()
    assert set(files) == {
        "pyproject.toml",
        "corpuslint_placeholder/__init__.py",
        "corpuslint_placeholder/plugin.py",
        "tests/test_placeholder.py",
    }
    project = tmp_path / "corpuslint-placeholder"
    for rel, source in files.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(source, encoding="utf-8")
    # what `pip install` makes of the guide's pyproject.toml: a dist-info with its entry points
    meta = tomllib.loads(files["pyproject.toml"])["project"]
    fake_dist(project, meta["name"], meta["version"], meta["entry-points"]["corpuslint"], {})

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(project), str(ROOT)]), **{DISABLE_ENV: ""})
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=project, env=env, capture_output=True, text=True, timeout=120,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "3 passed" in tests.stdout

    monkeypatch.syspath_prepend(str(project))
    rule = load_plugins().rules["PH101"]
    assert (rule.name, rule.family, rule.origin) == ("placeholder-text", "placeholder", "placeholder")
    assert 'What: Flags "Lorem ipsum"' in rule.doc()

    page = tmp_path / "page.txt"
    page.write_text("عنوان\nهذا النص هو مثال لنص يمكن أن يستبدل في نفس المساحة.\n", encoding="utf-8")
    check = cli("check", "--no-cache", "--select", "PH", str(page), path=project)
    assert check.returncode == 1
    assert "page.txt:2:1: PH101 template filler text: 'هذا النص هو مثال لنص يمكن أن يستبدل'" in check.stdout
