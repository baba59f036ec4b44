"""Kinds fixq42 met on fresh27's Arabic-script UI corpus (Debian 12 catalogues as .po files and
as their text exports), each on a real excerpt (tests/data/realtext/SOURCE.md: "fixq42") beside a
true finding of the same rule that stays."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from corpuslint import lint_records
from corpuslint.families.spelling import get_backend
from corpuslint.families.spelling.transliteration import _hamza_difference

from .conftest import SAMPLES, run_cli, run_json

REAL = Path(__file__).resolve().parent / "data" / "realtext"


# -- S103: a native word with and without its hamza is no transliteration --------------------


def test_s103_a_native_word_without_its_hamza_is_a_slip_and_a_name_stays_a_transliteration():
    # gtk30 (libgtk-3-common) writes "لاحة" twice for لائحة (list), which aptitude and
    # aisleriot write; orca writes "رسال" beside its own "بالرسائل" (messages). main called
    # both "same name, different transliteration". هونج كونج / هونغ كونغ (timezones,
    # iso_3166) is a name spelled with two letters for its g: it stays a transliteration.
    path = REAL / "fresh27-s103-hamza-words.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    found = lint_records(records, id_field="id", config={"select": ["S103"], "cache": False})
    by_word = {f.message.split("'")[1]: f.message for f in found}
    assert set(by_word) == {"لاحة", "رسال", "هونغ", "كونغ"}
    for word in ("لاحة", "رسال"):
        assert "without its hamza: a spelling slip" in by_word[word]
        assert "same name" not in by_word[word]
    assert by_word["لاحة"].startswith("'لاحة' is spelled 'لائحة' in the rest of the corpus")
    assert by_word["رسال"].startswith("'رسال' is spelled 'رسائل' in this document")
    for word in ("هونغ", "كونغ"):
        assert by_word[word].endswith("(same name, different transliteration)")


def test_s103_hamza_difference_of_a_rooted_word_only():
    ar = get_backend("ar")
    assert _hamza_difference(ar, "لاحة", "لائحة") == "dropped"
    assert _hamza_difference(ar, "مسئول", "مسؤول") == "seat"  # gnome-maps' مسئولة: a convention
    # Seoul: its other spelling سيول is no word of an Arabic root here, a name's vowel seat
    assert _hamza_difference(ar, "سيئول", "سيول") is None
    assert _hamza_difference(ar, "هونغ", "هونج") is None  # a g-letter, not a hamza


# -- S103: a related location in a file beyond the checked path ----------------------------


def _hong_kong_project(root: Path) -> None:
    """fresh27's Arabic exports of iso_3166 (هونغ كونغ) under txt/ar, and of the timezones and
    gnome-calculator (هونج كونج) under other/ar, from the fixture's records."""
    path = REAL / "fresh27-s103-hamza-words.jsonl"
    records = {r["id"]: r["text"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    (root / "corpuslint.toml").write_text('[per-file-language]\n"**" = "ar"\n', encoding="utf-8")
    for folder, name in (("txt/ar", "iso_3166.ar"), ("other/ar", "gnome-control-center-2.0-timezones.ar"),
                         ("other/ar", "gnome-calculator.ar")):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / f"{name}.txt").write_text(records[name] + "\n", encoding="utf-8")


def test_s103_related_location_beyond_the_checked_path_names_the_file_from_the_cwd(tmp_path):
    # `check txt/ar` reports iso_3166's هونغ against the rest of the project's هونج: the
    # related location is that evidence, in a file the run did not check (SARIF's
    # relatedLocations may point anywhere). Its path is written as the checked paths are:
    # relative to the cwd under it, else absolute; either way the file is there.
    _hong_kong_project(tmp_path)
    for cwd, args, shown in ((tmp_path, ["txt/ar"], "other/ar/"),
                             (tmp_path / "txt", ["ar"], str(tmp_path / "other" / "ar") + "/")):
        _, out = run_json("--select", "S103", *args, cwd=cwd)
        found = [d for d in out["diagnostics"] if d["message"].startswith("'هونغ'")]
        assert len(found) == 1, out["diagnostics"]
        (related,) = found[0]["related"]
        assert related["path"].startswith(shown), related
        assert (Path(cwd) / related["path"]).is_file()
        assert not found[0]["path"].startswith(("/", ".."))  # the checked file: under the cwd


# -- S101/S103: a check of one file counts the project's words ------------------------------


def _spelling_findings(out: dict, name: str) -> list:
    return sorted((d["code"], d["line"], d["column"], d["message"]) for d in out["diagnostics"]
                  if d["path"].endswith(name))


def test_s101_s103_a_check_of_one_file_reports_with_the_projects_counts(tmp_path):
    # The demo corpus (samples/, its own project root): 002's "يونج" is a slip of يانج, which
    # the project writes 4 times, 3 of them in files a check of 002 alone does not name; its
    # بيونج is spelled بيونغ "in the rest of the corpus" (000). Checked alone, from the root or
    # from its folder, with the corpus index or without, 002 gets the findings and the counts
    # a check of the whole project gives it.
    root = tmp_path / "samples"
    shutil.copytree(SAMPLES.parent, root)
    name = "002_c951edba429ed671.txt"
    _, whole = run_json("--select", "S101,S103", ".", cwd=root)
    expected = _spelling_findings(whole, name)
    assert ("S101", 19, 142, "possible slip 'يونج': occurs once in the corpus, while 'يانج' (4×) is one letter "
            "away and appears next to the same word 'بيونج'; did you mean 'يانج' or 'يانغ'?") in expected
    assert any(m.startswith("'بيونج' is spelled 'بيونغ' in the rest of the corpus") for _, _, _, m in expected)
    _, alone = run_json("--select", "S101,S103", name, cwd=root / "news-ar")
    assert _spelling_findings(alone, name) == expected
    for _ in range(2):  # the index built, then read
        proc = run_cli("check", "--format", "json", "--select", "S101,S103", f"news-ar/{name}", cwd=root)
        assert proc.returncode == 1, proc.stderr
        assert _spelling_findings(json.loads(proc.stdout), name) == expected
