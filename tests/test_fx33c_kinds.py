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
    # the built-in back-end the run leaves off is named as such (fresh37: "built in: ar, en, fa, ur"
    # beside "run are ar, fa, ur" left the user asking why en was not run)
    assert "the spelling back-ends run are ar, fa, ur (set by [tool.corpuslint.spelling] languages; " \
           "also built in, not run: en)" in err
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


# -- A104: one finding a line, not one a lost character -----------------------------------

def test_a104_reports_each_line_once_with_its_count():
    from corpuslint import lint_text

    # a C4 web page whose apostrophes were lost to U+FFFD in 10 places: one finding, not 10
    text = (REALTEXT / "c4-cloakroom-lost-bytes.txt").read_text(encoding="utf-8")
    found = lint_text(text, path="c4.txt", config={"select": ["A104"], "cache": False})
    line = text.split("\n")[0]
    assert [f.line for f in found] == [1]
    assert found[0].message == "10 U+FFFD replacement characters in 10 runs on this line"
    assert found[0].column == line.index("\ufffd") + 1
    assert (found[0].end_line, found[0].end_column) == (1, line.rindex("\ufffd") + 2)
    # the Mishnah as UTF-8 read as cp1255 (a byte of six letters read as U+FFFD): A105 reports
    # each line as mojibake, once, and A104 leaves the lines to it (fx33a; 79 findings before)
    text = (REALTEXT / "mishnah-he-utf8-as-cp1255.txt").read_text(encoding="utf-8")
    found = lint_text(text, path="he.txt", config={"select": ["A104", "A105"], "cache": False})
    assert [(f.code, f.line) for f in found] == [("A105", 1), ("A105", 3), ("A105", 5)]


def test_a104_one_run_keeps_its_message():
    from corpuslint import lint_text

    found = lint_text("المنطقة ال\ufffd\ufffdولية\n", path="ar.txt", config={"select": ["A104"], "cache": False})
    assert [(f.line, f.column, f.message) for f in found] == [(1, 11, "2 U+FFFD replacement characters")]


# -- S104: the same form in two roles (Russian), a doubled word inside mojibake ------------

def s104(text: str, path: str = "page.txt", language: str | None = None) -> list[tuple[int, str]]:
    from corpuslint import lint_text

    config = {"select": ["S104"], "cache": False}
    if language is not None:
        config["per-file-language"] = {path: language}
    return [(f.line, f.message.split("'")[1]) for f in lint_text(text, path=path, config=config)]


def test_s104_leaves_a_genitive_after_a_preposition_then_a_negated_verbs_object():
    text = (REALTEXT / "fortunes-ru-ot-dobra.txt").read_text(encoding="utf-8")
    assert s104(text) == []
    assert s104(text, language="ru") == []


def test_s104_still_reports_russian_words_typed_twice_before_ne():
    # "на которые которые не было", "Типы атрибутов атрибутов не используются": no preposition
    # governing the genitive before the first copy (fresh33's true findings)
    text = (REALTEXT / "manpages-ru-s104-slips.txt").read_text(encoding="utf-8")
    assert s104(text, language="ru") == [(1, "которые"), (2, "атрибутов")]
    assert s104("А я про всё на на Свете забываю\n") == [(1, "на")]


def test_s104_leaves_a_doubled_word_inside_mojibake_to_a105():
    from corpuslint import lint_text

    text = (REALTEXT / "mishnah-he-cp1255-as-cp1252.txt").read_text(encoding="utf-8")
    assert s104(text) == []
    assert s104(text, language="he") == []
    assert any(f.line == 3 for f in lint_text(text, path="he.txt", config={"select": ["A105"], "cache": False}))
    # a doubled Latin-1 word in clean text stays a slip
    assert s104("Le café café est chaud.\n") == [(1, "café")]


# -- F001: a codec hint for a plain KOI8-R or cp1251 file -----------------------------------

def test_f001_names_the_codec_of_plain_koi8r_and_cp1251_fortunes(tmp_path):
    from corpuslint import lint_paths
    from corpuslint.text.legacy import guess_encoding

    legacy = REALTEXT / "legacy"
    for name, codec, iconv, phrase in (("fortunes-ru-human-being.koi8-r", "koi8_r", "KOI8-R", "Евгений Кащеев"),
                                       ("fortunes-ru-haiku.cp1251", "cp1251", "CP1251", "Хруснула ветка")):
        data = (legacy / name).read_bytes()
        assert guess_encoding(data) == codec
        assert phrase in data.decode(codec)  # the hint's codec gives back the Russian text
        target = tmp_path / (name.split(".")[0] + ".txt")
        target.write_bytes(data)
        [message] = [f.message for f in lint_paths([str(target)], config={"select": ["F001"], "cache": False})]
        assert f"looks like {iconv} (charset-normalizer); convert with `iconv -f {iconv} -t UTF-8 " in message


def test_f001_still_names_no_codec_for_bytes_that_read_as_no_text():
    from corpuslint.text.legacy import guess_encoding

    noise = bytes((37 * i + 11) % 128 + 128 for i in range(3000))  # high bytes only, no words, no spaces
    assert guess_encoding(noise) is None
