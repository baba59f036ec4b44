"""A check of some files (a pre-commit run) sees, beyond them, every file of the project as
a full check reads it: the records of the notebooks and .po catalogues that are not checked
too (their cells, their messages), through the corpus index as for plain files.

Real text (tests/data/realtext/SOURCE.md): nbsphinx 0.9.8's ``doc/timeout.ipynb`` and
``doc/allow-errors.ipynb`` (MIT, its first two cells), whose second cells say the same about the
``nbsphinx_*`` options in nearly the same words (D104); Django 5.2.19's Urdu admin
catalogues (BSD-3-Clause), where ``djangojs.po`` has the slips 'کاوائی' and 'مخفوظ' that
``django.po``'s 'کاروائی' and 'محفوظ' show up (S101)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from corpuslint import lint_paths

from .conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data" / "realtext"
TIMEOUT = DATA / "nbsphinx-timeout.ipynb"
ALLOW_ERRORS = DATA / "nbsphinx-allow-errors-excerpt.ipynb"
UR_DJANGO = DATA / "django-ur-admin.po"
UR_DJANGOJS = DATA / "django-ur-admin-djangojs.po"


def _seen(found, name: str | None = None) -> list[tuple]:
    return sorted((Path(f.path).name, f.record, f.line, f.column, f.code, f.message,
                   tuple((Path(r.path).name, r.record, r.line) for r in f.related))
                  for f in found if name is None or Path(f.path).name == name)


def _project(tmp_path: Path, *files: tuple[Path, str]) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "corpuslint.toml").write_text("", encoding="utf-8")
    for src, name in files:
        shutil.copy(src, root / name)
    return root


def _check(root: Path, names: list[str], config: dict) -> list:
    cwd = os.getcwd()
    os.chdir(root)  # (as pre-commit runs the hook: from the work tree, the changed files named)
    try:
        return lint_paths(names, config=config)
    finally:
        os.chdir(cwd)


def test_a_notebook_checked_alone_is_compared_with_the_notebooks_not_checked(tmp_path):
    root = _project(tmp_path, (TIMEOUT, "timeout.ipynb"), (ALLOW_ERRORS, "allow-errors.ipynb"))
    config = {"select": ["D104"], "cache": True}
    full = _seen(_check(root, ["."], {**config, "cache": False}), "timeout.ipynb")
    # (the two notebooks' first cell is nbsphinx's one-line banner: a copy too)
    assert [(name, record, code, related) for name, record, _l, _c, code, _m, related in full] == [
        ("timeout.ipynb", "cell 1", "D104", (("allow-errors.ipynb", "cell 1", 1),)),
        ("timeout.ipynb", "cell 2", "D104", (("allow-errors.ipynb", "cell 2", 7),))], full
    # the pre-commit run names the changed notebook only: the other one is read (cold index),
    # then found in the index (warm), and without the index read each time
    cold = _seen(_check(root, ["timeout.ipynb"], config))
    warm = _seen(_check(root, ["timeout.ipynb"], config))
    uncached = _seen(_check(root, ["timeout.ipynb"], {**config, "cache": False}))
    assert cold == warm == uncached == full
    # the changed notebook given on standard input (an editor's check): not a copy of itself on disk
    proc = run_cli("check", "-", "--stdin-filename", "timeout.ipynb", "--select", "D104", "--format", "json",
                   "--no-cache", cwd=root, input=(root / "timeout.ipynb").read_text(encoding="utf-8"))
    piped = sorted((d["record"], d["line"], d["message"]) for d in json.loads(proc.stdout)["diagnostics"])
    assert piped == [(record, line, message) for _n, record, line, _c, _code, message, _rel in full], proc.stderr
    # the unchanged notebook's copy is edited away: the index reads it again, the copy is gone
    nb = json.loads((root / "allow-errors.ipynb").read_text(encoding="utf-8"))
    nb["cells"] = nb["cells"][2:]
    (root / "allow-errors.ipynb").write_text(json.dumps(nb, indent=1), encoding="utf-8")
    assert _check(root, ["timeout.ipynb"], config) == []


def test_the_notebooks_checked_are_not_read_again_beyond_themselves(tmp_path):
    root = _project(tmp_path, (TIMEOUT, "timeout.ipynb"), (ALLOW_ERRORS, "allow-errors.ipynb"))
    config = {"select": ["D104", "D106"], "cache": True}
    full = _seen(_check(root, ["."], config))
    both = _seen(_check(root, ["timeout.ipynb", "allow-errors.ipynb"], config))
    # (each copy once, "2 copies in 2 files": a checked notebook is not a third copy of itself)
    assert both == full and [f[4] for f in full] == ["D104", "D104"], full
    assert full[1][5].endswith("(Jaccard 0.81; 2 copies in 2 files)"), full


def test_a_catalogue_checked_alone_counts_the_words_of_the_catalogues_not_checked(tmp_path):
    root = _project(tmp_path, (UR_DJANGO, "django.po"), (UR_DJANGOJS, "djangojs.po"))
    config = {"select": ["S101"], "cache": True}
    full = _seen(_check(root, ["."], {**config, "cache": False}), "djangojs.po")
    assert [(name, code, message.split(":")[0]) for name, _r, _l, _c, code, message, _rel in full] == [
        ("djangojs.po", "S101", "possible slip 'کاوائی'"), ("djangojs.po", "S101", "possible slip 'مخفوظ'")], full
    assert "(9×)" in full[0][5]  # 'کاروائی': 7 times in django.po, 2 in djangojs.po
    cold = _seen(_check(root, ["djangojs.po"], config))
    warm = _seen(_check(root, ["djangojs.po"], config))
    uncached = _seen(_check(root, ["djangojs.po"], {**config, "cache": False}))
    assert cold == warm == uncached == full
    # each catalogue is one row of the index, its records' states in it: the unchecked one's read
    # beyond the checked files, the checked one's from the states its check collected (par19)
    rows = _file_rows(root)
    assert sorted(rows) == ["django.po", "djangojs.po"] and all(h.startswith("R") for h in rows.values()), rows
    # read with other settings (another declared language): read again, not taken from the index
    config = {**config, "per-file-language": {"django.po": "fa"}}
    again = _seen(_check(root, ["djangojs.po"], config))
    assert _file_rows(root)["django.po"].split(":")[0] != rows["django.po"].split(":")[0]
    assert again == _seen(_check(root, ["."], {**config, "cache": False}), "djangojs.po")


def _file_rows(root: Path) -> dict[str, str]:
    """The corpus index's content hash of each file (``index.CorpusIndex.files``)."""
    import sqlite3

    db = root / ".corpuslint_cache" / "corpus-index.sqlite3"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return dict(conn.execute("SELECT path, content_hash FROM files"))


def test_a_check_of_one_file_after_a_full_check_reads_no_other_claimed_file(tmp_path, monkeypatch):
    """A full check keeps the records' states of the notebooks and catalogues it checked in
    the corpus index, so the first pre-commit run of one file after it finds the others
    there. On lead a full check stored nothing for them (they were checked, not beyond the
    checked files), and deleted their rows: the first one-file run read every claimed file
    again (nb18: 3.0 s the first time, 1.05 s warm; po-django-files' 116 catalogues: 2.15 CPU s
    vs 0.85). Its findings stay the full check's: Urdu djangojs.po's slips (S101, 'کاروائی'
    counted in django.po too) and the notebooks' shared second cell (D104)."""
    from corpuslint import index

    root = _project(tmp_path, (UR_DJANGO, "django.po"), (UR_DJANGOJS, "djangojs.po"),
                    (TIMEOUT, "timeout.ipynb"), (ALLOW_ERRORS, "allow-errors.ipynb"))
    config = {"select": ["S101", "D104"], "cache": True}
    full = _check(root, ["."], config)
    assert sorted(_file_rows(root)) == ["allow-errors.ipynb", "django.po", "djangojs.po", "timeout.ipynb"]
    read: list[str] = []
    load = index._load
    monkeypatch.setattr(index, "_load", lambda ctx, display, *a, **k: read.append(display) or load(ctx, display, *a, **k))
    for name in ("djangojs.po", "timeout.ipynb"):
        one = _seen(_check(root, [name], config))
        assert read == [], (name, read)
        assert one == _seen(full, name) and one, (name, one)
    assert {f[4] for f in _seen(full, "djangojs.po")} == {"S101"} and "(9×)" in _seen(full, "djangojs.po")[0][5]
    # a catalogue edited since: read again (its row no longer matches), the others still not
    text = (root / "django.po").read_text(encoding="utf-8")
    (root / "django.po").write_text(text + "\n", encoding="utf-8")
    _check(root, ["djangojs.po"], config)
    assert read == ["django.po"], read


def test_a_full_check_writes_the_claimed_files_rows_one_file_at_a_time(tmp_path, monkeypatch):
    """rec22 (issue 14): the rows of the claimed files a full check keeps (par19) are written
    one state row at a time, each encoded when its turn comes, not every file's blobs held
    until one write (a full cached check of a JSONL set grew by them), a file's row after
    its states. The rows are those of before: every file is there, and the next one-file
    run reads no other."""
    from corpuslint import index

    root = _project(tmp_path, (UR_DJANGO, "django.po"), (UR_DJANGOJS, "djangojs.po"),
                    (TIMEOUT, "timeout.ipynb"), (ALLOW_ERRORS, "allow-errors.ipynb"))
    config = {"select": ["S101", "D104"], "cache": True}
    rows_per_write: list[list[tuple[str, str]]] = []  # (path, code) of each write's state rows
    write = index.CorpusIndex.write

    def counted(self, files, states, *a, **k):
        states = list(states)
        rows_per_write.append([(row[0], row[2]) for row in states])
        return write(self, files, states, *a, **k)

    monkeypatch.setattr(index.CorpusIndex, "write", counted)
    full = _check(root, ["."], config)
    assert sorted(_file_rows(root)) == ["allow-errors.ipynb", "django.po", "djangojs.po", "timeout.ipynb"]
    assert {p for rows in rows_per_write for p, _ in rows} == set(_file_rows(root)), rows_per_write
    assert max(len(rows) for rows in rows_per_write) == 1, rows_per_write
    monkeypatch.setattr(index.CorpusIndex, "write", write)
    read: list[str] = []
    load = index._load
    monkeypatch.setattr(index, "_load", lambda ctx, display, *a, **k: read.append(display) or load(ctx, display, *a, **k))
    one = _seen(_check(root, ["djangojs.po"], config))
    assert read == [] and one == _seen(full, "djangojs.po") and one


def _shard(root: Path, name: str, notebook: Path, cells: list[int]) -> None:
    """A JSONL data file whose records are the notebook's ``cells`` (numbered from 1)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    with open(root / name, "w", encoding="utf-8") as out:
        for cell in cells:
            text = "".join(nb["cells"][cell - 1]["source"])
            out.write(json.dumps({"text": text}) + "\n")


def test_a_data_file_checked_alone_reads_no_other_data_file(tmp_path, monkeypatch):
    """scale24 (fresh24 bug 1): a check of one shard of a dataset read and compared every
    shard beside it (30 records and one 19k-record sibling: 96.6 s against 0.36 s alone;
    the corpus index of the 24-shard folder grew to 1 GB for a check of one 200 KB file).
    As the README says, data files are compared among the files checked: the shard named
    alone keeps its own copies (the banner cell written twice, D107) and reads no other
    shard, cold, warm or without the index; checked together the shards' near copies are
    found (D104, the nbsphinx notebooks' second cells). Notebooks and .po catalogues are
    still read beyond the checked files (the tests above)."""
    from corpuslint import index

    root = _project(tmp_path)
    _shard(root, "timeout.jsonl", TIMEOUT, [1, 2, 1])
    _shard(root, "allow-errors.jsonl", ALLOW_ERRORS, [2])
    config = {"select": ["D104", "D107"], "cache": True}
    both = _seen(_check(root, ["."], {**config, "cache": False}), "timeout.jsonl")
    assert [(record, code, related) for _n, record, _l, _c, code, _m, related in both] == [
        (2, "D104", (("allow-errors.jsonl", 1, 7),)), (3, "D107", (("timeout.jsonl", 1, 1),))], both
    read: list[str] = []
    load = index._load
    monkeypatch.setattr(index, "_load", lambda ctx, display, *a, **k: read.append(display) or load(ctx, display, *a, **k))
    alone = [_seen(_check(root, ["timeout.jsonl"], c)) for c in (config, config, {**config, "cache": False})]
    assert read == [], read
    assert alone[0] == alone[1] == alone[2] == [f for f in both if f[4] == "D107"], alone
    # the corpus index keeps the checked shard's own records (its next check takes their states
    # from there: cache44, test_incremental_records.py), never the other shard's: it is not read
    assert list(_file_rows(root)) == ["timeout.jsonl"]
