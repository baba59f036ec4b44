"""Kinds fresh33 found in a Cyrillic and Hebrew news archive, as fx33c fixed them: the
spelling rules' silence on languages they cannot check, ... Each on its real excerpt.
Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpuslint.cli import main
from corpuslint.families.spelling import project

REALTEXT = Path(__file__).parent / "data" / "realtext"


# -- spelling: say which languages the dictionary rules did not check ---------------------

def _corpus(tmp_path: Path, config: str = "") -> Path:
    for name in ("udhr-ru-preamble.md", "udhr-uk-preamble.md"):
        shutil.copy(REALTEXT / name, tmp_path / name)
    (tmp_path / "pyproject.toml").write_text("[tool.corpuslint]\ncache = false\n" + config, encoding="utf-8")
    return tmp_path


def _check(monkeypatch, capsys, root: Path, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    code = main(["check", "udhr-ru-preamble.md", "udhr-uk-preamble.md", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_selected_spelling_rules_name_the_undeclared_script_they_did_not_check(tmp_path, monkeypatch, capsys):
    root = _corpus(tmp_path)
    code, out, err = _check(monkeypatch, capsys, root, "--select", "S101,S102")
    assert code == 0 and "All checks passed" in out  # a note, not a finding: CI is not failed by it
    notes = [line for line in err.splitlines() if "spelling (S101, S102)" in line]
    assert len(notes) == 1  # one note a run, not one a file
    assert "Cyrillic-script text (2 files)" in notes[0]
    assert "CORPUSLINT_HUNSPELL_DIR" in notes[0] and "dictionaries" in notes[0]


def test_declared_languages_are_named_and_quiet_flag_silences_the_note(tmp_path, monkeypatch, capsys):
    root = _corpus(tmp_path, '[tool.corpuslint.per-file-language]\n"udhr-ru-*" = "ru"\n"udhr-uk-*" = "uk"\n')
    _code, _out, err = _check(monkeypatch, capsys, root, "--select", "S1")
    assert "checked no word of ru (1 file), uk (1 file)" in err
    _code, _out, err = _check(monkeypatch, capsys, root, "--select", "S1", "--quiet")
    assert "checked no word" not in err


def test_a_default_run_is_quiet_unless_most_files_are_in_unchecked_languages(tmp_path, monkeypatch, capsys):
    root = _corpus(tmp_path)
    _code, _out, err = _check(monkeypatch, capsys, root)  # undeclared: not read again, no note
    assert "checked no word" not in err
    root2 = tmp_path / "declared"
    root2.mkdir()
    _corpus(root2, '[tool.corpuslint.per-file-language]\n"udhr-*" = "ru"\n')
    _code, _out, err = _check(monkeypatch, capsys, root2)  # all declared ru: the note
    assert "checked no word of ru (2 files)" in err
    # a rule that reads any language (S104) is no reason for the note
    _code, _out, err = _check(monkeypatch, capsys, root2, "--select", "S104")
    assert "checked no word" not in err


def test_a_language_with_a_back_end_is_not_named():
    assert project.unchecked_languages({"ar": 3, "ru": 1}, {"Arabic": 2, "Cyrillic": 1}, ["ar", "fa", "ur"]) == [
        ("Cyrillic-script text", 1), ("ru", 1)]
    assert project.unchecked_languages({"en": 1}, {"Latin": 1}, ["ar", "en"]) == []
    text = (REALTEXT / "udhr-uk-preamble.md").read_text(encoding="utf-8")
    assert project.dominant_script(text) == "Cyrillic"
    assert project.dominant_script("OK 42") is None
