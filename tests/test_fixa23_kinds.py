"""fresh23's false-alarm kinds of D104, D101 and D103 and its bugs (fixa23): each kind with
its real excerpt (tests/data/realtext/SOURCE.md) beside a true finding that stays."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpuslint import lint_paths

REALTEXT = Path(__file__).resolve().parent / "data" / "realtext"


# -- D104/D106: the boilerplate threshold counts the documents that take part ---------------

def test_d104_licence_paragraph_of_man_pages_beside_po_messages_is_boilerplate(tmp_path, monkeypatch):
    # three Polish man pages end in the translators' licence paragraph; a Django catalogue's
    # 394 messages (documents D104 and D106 skip) counted in "1 % of the documents" made the
    # threshold 4 files: the template was reported as a copy (D104) and D106 said nothing
    shutil.copytree(REALTEXT / "fixa23-man-pl-with-po", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path / "corpus")
    got = lint_paths(["."], config={"select": ["D104", "D106"]})
    d104 = sorted((f.path, f.line) for f in got if f.code == "D104")
    d106 = {(f.path, f.line): f.message for f in got if f.code == "D106"}
    assert ("cksum.1.txt", 115) not in d104 and ("md5sum.1.txt", 94) not in d104
    assert "line appears in 3 of 3 documents" in d106[("cksum.1.txt", 115)]  # the licence's first line
    # the option list md5sum shares with cksum only (two files) is still a copy
    assert ("md5sum.1.txt", 30) in d104


# -- baseline: a pair finding seen from its other file ---------------------------------------

# coreutils du(1) and vdir(1) in Ukrainian (manpages-uk 4.18.1-1, GPL-3+), as fresh23's corpus
# renders them: both describe the SIZE argument in one paragraph
_SIZE = (
    "       Аргумент РОЗМІР є цілим числом із необов'язковою одиницею (наприклад:\n"
    "       10К дорівнює 10*1024). Одиниці можуть бути K,M,G,T,P,E,Z,Y (степені\n"
    "       числа 1024) або KB,MB,... (степені числа 1000). Двійкові префікси також\n"
    "       можна використовувати, як-от KiB=K, MiB=M і так далі.\n"
)
DU = (
    "       Значення показуються в одиницях першого доступного РОЗМІРУ, що вказаний\n"
    "       у --block-size чи змінних середовища DU_BLOCK_SIZE, BLOCK_SIZE і\n"
    "       BLOCKSIZE. В іншому випадку, типово, одиниця дорівнює 1024 байтам (або\n"
    "       512 байтам, якщо вказано POSIXLY_CORRECT).\n\n" + _SIZE
)
VDIR = (
    "       --version\n              виводить інформацію про версію і виходить\n\n" + _SIZE + "\n"
    "       Значенням аргументу СТИЛЬ_ЧАСУ може бути full-iso, long-iso, iso,\n"
    "       locale або +ФОРМАТ. Значення ФОРМАТ обробляється як у date(1).\n"
)
# diff(1)'s -X entry (manpages-uk 4.18.1-1), which du(1) has too: the same option's entry in
# two pages is no copy to report (s48b), so the new copy below is diff's closing paragraph
DIFF_X = (
    "       -X, --exclude-from=ФАЙЛ\n"
    "              виключити файли, назви яких відповідають зразкам з файла,\n"
    "              одному зразку на рядок у цьому файлі\n"
)
DIFF_FILES = (  # (man's justification spaces written as one)
    "       ФАЙЛИ — це «ФАЙЛ1 ФАЙЛ2», чи «КАТАЛОГ1 КАТАЛОГ2», чи «КАТАЛОГ ФАЙЛ», чи\n"
    "       «ФАЙЛ КАТАЛОГ». Якщо вказано --from-file чи --to-file, на ФАЙЛИ\n"
    "       обмежень немає. Якщо ФАЙЛ вказано як «-», дані буде прочитано зі\n"
    "       стандартного потоку введення. Код завершення дорівнює 0, якщо вхідні\n"
    "       файли ідентичні, 1 -- якщо відрізняються, та 2 при виникненні помилок.\n"
)


def _pair_corpus(tmp_path: Path) -> Path:
    repo = tmp_path / "corpus"
    (repo / "man").mkdir(parents=True)
    (repo / "corpuslint.toml").write_text('baseline = "baseline.json"\n', encoding="utf-8")
    (repo / "man" / "du.1.txt").write_text(DU, encoding="utf-8")
    (repo / "man" / "vdir.1.txt").write_text(VDIR, encoding="utf-8")
    (repo / "man" / "diff.1.txt").write_text("       Порівняння файлів.\n\n" + DIFF_X + "\n" + DIFF_FILES, encoding="utf-8")
    return repo


def _d104(repo: Path, *paths: str):
    from .conftest import run_cli

    return run_cli("check", "--no-cache", "--select", "D104", "--format", "json", *paths, cwd=repo)


def _write_baseline(repo: Path, related: bool = True) -> list[dict]:
    from .conftest import run_cli

    assert run_cli("check", "--no-cache", "--select", "D104", "--write-baseline", "baseline.json", ".",
                   cwd=repo).returncode == 0
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    if not related:  # as a baseline written before entries named their pair's other file
        for e in data["findings"]:
            e.pop("related", None)
        (repo / "baseline.json").write_text(json.dumps(data), encoding="utf-8")
    return data["findings"]


@pytest.mark.parametrize("related", [True, False])
def test_baseline_holds_a_copy_seen_from_the_other_file(tmp_path, related):
    repo = _pair_corpus(tmp_path)
    entries = _write_baseline(repo, related)
    # the full run reports vdir's copy (path order); a run over du.1 alone reports du.1's
    assert [(e["path"], e.get("related")) for e in entries] == [("man/vdir.1.txt", "man/du.1.txt" if related else None)]
    alone = _d104(repo, "man/du.1.txt")
    assert alone.returncode == 0 and json.loads(alone.stdout)["diagnostics"] == [], alone.stdout
    # a new copy in du.1 (diff's paragraph on its FILES) is still reported, the baselined pair is not
    (repo / "man" / "du.1.txt").write_text(DU + "\n" + DIFF_FILES, encoding="utf-8")
    again = _d104(repo, "man/du.1.txt")
    got = [(d["path"], d["related"][0]["path"]) for d in json.loads(again.stdout)["diagnostics"]]
    assert again.returncode == 1 and got == [("man/du.1.txt", "man/diff.1.txt")]


# -- D101/D103: an option's case, two tagged entries of a man page ---------------------------

# LLaMA-Factory's kto_en_demo (Apache-2.0), record 107's user turn, its first four lines: the
# pasted test result states the type's summary twice (labelled tp in benchmarks/labels)
IMPRESARIO = (
    "i did a personality test and these were tha results: You are most like The Impresario\n"
    "Impresarios love to entertain, engage socially, and facilitate great experiences with others. They tend to be\n"
    "outgoing, inspiring, energetic and adaptable.\n"
    "Impresarios love to entertain, engage socially, and facilitate great experiences with others.\n"
)


def test_d101_d103_options_and_entries_of_man_pages_are_their_own(tmp_path, monkeypatch):
    # flex(1) in Serbian: "-Cf ... -f" and "-CF ... -F" are two options (D101 folded the case);
    # sed(1) in Turkish: "\L ... küçük harfe" / "\U ... büyük harfe" describe two escapes, and
    # chattr(1)'s "only root ... may set or clear this attribute" closes the entries a, i and j
    # (D103 called both restatements)
    shutil.copytree(REALTEXT / "fixa23-man", tmp_path / "man")
    (tmp_path / "impresario.txt").write_text(IMPRESARIO, encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text('select = ["D101", "D103"]\n[per-file-language]\n"man/tr/**" = "tr"\n',
                                              encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    got = sorted((f.path, f.line, f.code) for f in lint_paths(["."]))
    # what stays: sed's "n" command entry printed twice (D101), the summary pasted twice (D103)
    assert got == [("impresario.txt", 4, "D103"), ("man/tr/sed.1.txt", 280, "D101")]


# -- a file the run did not read is not counted as checked -----------------------------------

def test_unread_files_are_not_counted_as_checked(tmp_path):
    # subsrt's fixtures: an Aegisub .ass script (no reader: F004, reported) beside an .srt
    from .conftest import run_cli

    shutil.copytree(REALTEXT / "fixa23-subtitles", tmp_path / "subs")
    (tmp_path / "corpuslint.toml").write_text("", encoding="utf-8")
    both = run_cli("check", "--no-cache", "--select", "F,W", "subs/sample.ass", "subs/sample.srt", cwd=tmp_path)
    assert "subs/sample.ass:1:1: F004" in both.stdout and "in 1 file checked" in both.stdout, both.stdout
    alone = run_cli("check", "--no-cache", "--select", "F,W", "--format", "json", "subs/sample.ass", cwd=tmp_path)
    assert json.loads(alone.stdout)["files_checked"] == 0 and alone.returncode == 1
    # the .srt read alone is checked (its count is 1, as before)
    srt = run_cli("check", "--no-cache", "--select", "F,W", "--format", "json", "subs/sample.srt", cwd=tmp_path)
    assert json.loads(srt.stdout)["files_checked"] == 1
