"""Jupyter notebooks (.ipynb) read as what they are: one document a markdown or code
cell, outputs and raw cells never read, findings at ``cell N`` line:column, ``--fix``
rewriting only the fixed sources (every other byte kept), bad notebooks one clear F005.

The notebooks are real (tests/data/realtext/SOURCE.md): nbconvert 7.17.2's
``rst_output.ipynb`` and ``rawtest.ipynb`` test files and the first eight cells of its
``docs/source/nbconvert_library.ipynb`` (BSD-3-Clause), nbsphinx 0.9.8's
``doc/prolog-and-epilog.ipynb`` (MIT)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuslint import lint_paths
from corpuslint.files import Source
from corpuslint.readers import reader_for, BUILTIN_READERS
from corpuslint.readers.notebook import NotebookCell, NotebookPlaces, NotebookReader, rewrite_sources, source_spans
from corpuslint.structure import CODE, NOTEBOOK_CELL

from .conftest import ROOT, run_cli, run_json

DATA = ROOT / "tests" / "data" / "realtext"
LIBRARY = DATA / "nbconvert-library-excerpt.ipynb"  # markdown cells with trailing spaces, code cells
RST_OUTPUT = DATA / "nbconvert-rst-output.ipynb"  # an HTML output (<div style=...>), HTML in a code string
RAW = DATA / "nbconvert-rawtest.ipynb"  # raw cells only (html, markdown, rst, python, latex)
PROLOG = DATA / "nbsphinx-prolog-and-epilog.ipynb"  # whitespace-only lines in a markdown cell
NO_CACHE = {"cache": False}


def cells(path: Path) -> list:
    return list(NotebookReader().documents(Source(str(path), path.name), None))


def test_each_markdown_and_code_cell_is_a_document_raw_cells_and_outputs_are_not():
    docs = cells(LIBRARY)
    nb = json.loads(LIBRARY.read_text(encoding="utf-8"))
    assert [d.record for d in docs] == [f"cell {i}" for i in range(1, 9)]
    assert [d.text for d in docs] == ["".join(c["source"]) for c in nb["cells"]]
    assert [d.cell_type for d in docs] == [c["cell_type"] for c in nb["cells"]]
    assert all(d.path == f"{LIBRARY.name}#cell {d.number}" and d.kinds == {NOTEBOOK_CELL} for d in docs)
    assert docs[0].suffix == ".md"  # a markdown cell is Markdown: its heading is a heading
    assert docs[0].kind_at(docs[0].text.index("Using nbconvert")) == "heading"
    code = docs[4]
    assert code.cell_type == "code" and [(r.start, r.end, r.kind) for r in code.regions] == [(0, len(code.text), CODE)]
    assert cells(RAW) == []  # raw cells (html, markdown, rst, python, latex for nbconvert) are skipped
    # the HTML output of cell 2 is never read: no document holds it
    assert not any("font-size: 16pt" in d.text and d.number == 2 for d in cells(RST_OUTPUT))


def test_notebooks_are_walked_and_html_outputs_no_longer_read_as_text(tmp_path):
    for path in (RST_OUTPUT, RAW, LIBRARY):
        shutil.copy(path, tmp_path / path.name)
    code, report = run_json(str(tmp_path))  # a folder of notebooks only: read, not "nothing checked"
    assert report["files_checked"] == 3
    codes = {d["code"] for d in report["diagnostics"]}
    assert "A106" not in codes and "D106" not in codes  # (read as text: the JSON's <div> and keys)
    # read as text before (--include): A106 on the output's and the code string's <div>
    assert reader_for("x.IPYNB", BUILTIN_READERS).format == "ipynb"


def test_findings_name_the_cell_and_the_line_and_column_inside_it():
    found = lint_paths([LIBRARY], config={"select": ["W101"], **NO_CACHE})
    got = sorted((f.record, f.line, f.column) for f in found)
    # cell 1 line 3 and cell 6 line 1 end in a space (the JSON strings "...contexts. \n")
    assert got == [("cell 1", 3, 122), ("cell 6", 1, 67)]
    proc = run_cli("check", "--no-cache", "--select", "W101", str(LIBRARY))
    assert f"{LIBRARY.name}:cell 1:3:122: W101" in proc.stdout  # as ruff shows a cell: nb.ipynb:cell 3:2:5
    code, report = run_json("--select", "W101", str(LIBRARY))
    first = report["diagnostics"][0]
    assert (first["record"], first["line"], first["column"]) == ("cell 1", 3, 122)
    sarif = json.loads(run_cli("check", "--no-cache", "--select", "W101", "--format", "sarif", str(LIBRARY)).stdout)
    loc = sarif["runs"][0]["results"][0]["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"].endswith(LIBRARY.name)
    assert loc["logicalLocations"][0]["name"] == "#cell 1"
    junit = run_cli("check", "--no-cache", "--select", "W101", "--format", "junit", str(LIBRARY)).stdout
    assert 'name="W101 trailing-whitespace at cell 1:3:122"' in junit  # (as the text report names it)


def test_code_cells_are_code_and_markdown_math_is_not_prose():
    # prolog-and-epilog cell 2: whitespace-only lines inside a fenced block of a markdown cell
    assert {(f.code, f.record) for f in lint_paths([PROLOG], config={"select": ["W104"], **NO_CACHE})} == {
        ("W104", "cell 2")}
    # a code cell's HTML string is code: no A106 (the rule reads text regions)
    assert lint_paths([RST_OUTPUT], config={"select": ["A106"], **NO_CACHE}) == []
    # nbconvert's notebook2 cell 13 (empty LaTeX formula blocks) as a markdown cell: math, not symbols
    doc = NotebookCell("nb.ipynb", 13, "Make sure markdown parser doesn't crash with empty Latex formulas "
                       "blocks\n$$ $$\n\\[\\]\n$$")
    kinds = {doc.text[r.start:r.end]: r.kind for r in doc.regions}
    assert kinds["$$ $$"] == CODE and kinds["\\[\\]"] == CODE


def test_fix_rewrites_only_the_fixed_sources(tmp_path):
    target = tmp_path / LIBRARY.name
    shutil.copy(LIBRARY, target)
    before = target.read_bytes()
    proc = run_cli("check", "--no-cache", "--select", "W101", "--fix", str(target))  # no --fix-data: a source file
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = target.read_bytes()
    old_lines, new_lines = before.split(b"\n"), after.split(b"\n")
    changed = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    assert len(old_lines) == len(new_lines) and len(changed) == 2
    assert all(a.replace(b". \\n", b".\\n") == b for a, b in changed)
    old, new = json.loads(before), json.loads(after)
    old["cells"][0]["source"][2] = old["cells"][0]["source"][2].replace(". \n", ".\n")
    old["cells"][5]["source"][0] = old["cells"][5]["source"][0].replace(". \n", ".\n")
    assert old == new


def test_bad_notebooks_are_one_clear_finding_and_the_run_goes_on(tmp_path):
    (tmp_path / "cut.ipynb").write_text(LIBRARY.read_text(encoding="utf-8")[:500], encoding="utf-8")
    (tmp_path / "v3.ipynb").write_text(json.dumps({"nbformat": 3, "nbformat_minor": 0, "worksheets": []}))
    (tmp_path / "list.ipynb").write_text("[]")
    bad_cell = json.loads(RST_OUTPUT.read_text(encoding="utf-8"))
    bad_cell["cells"][0]["source"] = 42
    (tmp_path / "cell.ipynb").write_text(json.dumps(bad_cell, indent=1))
    shutil.copy(PROLOG, tmp_path / PROLOG.name)
    proc = run_cli("check", "--no-cache", str(tmp_path))
    assert "Traceback" not in proc.stderr and proc.returncode == 1, proc.stderr
    out = proc.stdout
    assert "cut.ipynb:" in out and "F005 not a notebook: invalid JSON" in out
    assert "v3.ipynb:1:1: F005 not a notebook of nbformat 4: nbformat is 3 (nbformat 3: convert it with" in out
    assert "list.ipynb:1:1: F005 not a notebook: the JSON is a list, not an object" in out
    assert "cell.ipynb:cell 1:1:1: F005 cell's 'source' is not a string or a list of strings" in out
    assert f"{PROLOG.name}:cell 2:" in out  # the good notebook is checked all the same


def _notebook(sources: list[list[str] | str], ascii_only: bool) -> str:
    cells = [{"cell_type": "markdown" if i % 2 == 0 else "code", "metadata": {}, "source": s,
              **({"outputs": [{"output_type": "stream", "name": "stdout", "text": ["out  \n"]}],
                  "execution_count": None} if i % 2 else {})} for i, s in enumerate(sources)]
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4,
                       "nbformat_minor": 5}, indent=1, ensure_ascii=ascii_only) + "\n"


_LINE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=12)
_SOURCE = st.one_of(
    st.lists(_LINE, max_size=4).map(lambda ls: [ln + "\n" for ln in ls[:-1]] + ls[-1:]),
    st.lists(_LINE, max_size=3).map("\n".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sources=st.lists(_SOURCE, min_size=1, max_size=4), ascii_only=st.booleans(), data=st.data())
def test_rewriting_sources_keeps_valid_json_and_every_other_byte(sources, ascii_only, data):
    text = _notebook(sources, ascii_only)
    numbers = data.draw(st.sets(st.integers(1, len(sources)), max_size=len(sources)))
    new_texts = {n: data.draw(st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)) for n in numbers}
    result = rewrite_sources(text, new_texts)
    nb, before = json.loads(result), json.loads(text)
    for n, cell in enumerate(nb["cells"], 1):  # fixed sources read back as fixed, in the same shape
        old = before["cells"][n - 1]["source"]
        got = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        assert got == new_texts.get(n, "".join(old) if isinstance(old, list) else old)
        assert type(cell["source"]) is type(old)
        assert {k: v for k, v in cell.items() if k != "source"} == {
            k: v for k, v in before["cells"][n - 1].items() if k != "source"}
    # every byte outside the rewritten source values is the same
    spans, new_spans = source_spans(text), source_spans(result)
    pieces = lambda t, sp: [t[a:b] for a, b in zip([0] + [e for _, e in sorted(sp.values())],  # noqa: E731
                                                    [s for s, _ in sorted(sp.values())] + [len(t)])]
    assert pieces(text, spans) == pieces(result, new_spans)
    for n in set(spans) - set(new_texts):
        assert text[slice(*spans[n])] == result[slice(*new_spans[n])]


def test_a_cell_is_part_of_a_document_not_a_record(tmp_path):
    # nbsphinx's notebooks open with the same cell; a notebook copied whole is copied
    # paragraph by paragraph (D104), never "record is an exact copy" cell by cell
    for name in ("a.ipynb", "b.ipynb"):
        shutil.copy(PROLOG, tmp_path / name)
    found = lint_paths([tmp_path], config={"select": ["D104", "D105", "D107"], **NO_CACHE})
    codes = {f.code for f in found}
    assert codes == {"D104"}, codes
    assert all(f.path.endswith("b.ipynb") and f.record.startswith("cell ") for f in found)


# -- SARIF regions in the .ipynb file itself --------------------------------------------

_JSON_CONTENT_RE = re.compile(r'(?:[^"\\]|\\u[0-9a-fA-F]{4}|\\["\\/bfnrt])*')
_BETWEEN_ITEMS_RE = re.compile(r'"\s*,\s*"')  # (a string of a cell's list ends, the next begins)
_FILE_NEWLINE_RE = re.compile(r"\r\n|\n|\r")


def _decoded(raw: str) -> str:
    """The text the JSON ``raw`` (inside a cell's source: string content, maybe across
    the items of its list) writes, decoded by json itself."""
    out, pos = [], 0
    while True:
        m = _JSON_CONTENT_RE.match(raw, pos)
        out.append(json.loads(f'"{m.group()}"'))
        pos = m.end()
        if pos == len(raw):
            return "".join(out)
        between = _BETWEEN_ITEMS_RE.match(raw, pos)
        assert between, f"not inside a cell's source: {raw[pos:pos + 40]!r}"
        pos = between.end()


def _file_offset(text: str, line: int, column: int) -> int:
    """The offset of a SARIF line and column (code points; a BOM is not a column) in ``text``."""
    starts = [0] + [m.end() for m in _FILE_NEWLINE_RE.finditer(text)]
    return starts[line - 1] + column - 1 + (line == 1 and text.startswith("\ufeff"))


def _cell_slice(source: str, line: int, column: int, end_line: int, end_column: int) -> str:
    starts = [0] + [m.end() for m in _FILE_NEWLINE_RE.finditer(source)]
    return source[starts[line - 1] + column - 1: starts[end_line - 1] + end_column - 1]


def _udhr_notebook(tmp_path: Path) -> Path:
    """Real text (the UDHR's French and Persian preambles, tests/data/udhr) with the slips
    the whitespace and artifact rules flag, written as nbformat writes a notebook and as
    other tools do: ASCII-escaped (``\u00e9``, a surrogate pair for an emoji, ``\t``,
    ``\u0007``), a single-string source, CR LF between the JSON's lines, a byte-order mark."""
    fra = (ROOT / "tests/data/udhr/fra.txt").read_text(encoding="utf-8").splitlines()[4]
    pes = (ROOT / "tests/data/udhr/pes_1.txt").read_text(encoding="utf-8").splitlines()[4]
    first = fra.replace("la dignité", "la  dignité", 1).replace("humaine", "humaine\u00a0\U0001F600 \u200b", 1)
    sources = [
        ["# Préambule \n", "\n", first + " \n", "\n", "\u2003\n", "\U0001F600\tfin\u0007.\n"],
        "print('x')  \n# \"quoted\"  \\\\ back\\slash \n",
        ["مقدمه\n", "\n", pes.replace(" و ", "  و ", 1) + "\u200f \n"],
    ]
    text = _notebook(sources, True).replace("\n", "\r\n")  # (\u escapes everywhere, CR LF lines)
    plain = _notebook(sources, False)
    (tmp_path / "udhr-escaped.ipynb").write_text("\ufeff" + text, encoding="utf-8", newline="")
    (tmp_path / "udhr.ipynb").write_text(plain, encoding="utf-8", newline="")
    return tmp_path


def test_sarif_regions_point_at_the_notebook_bytes_holding_the_flagged_text(tmp_path):
    # a tool that opens the raw .ipynb (GitHub code scanning, an editor's SARIF viewer)
    # must land on the flagged characters, not on the cell-relative line of the text report
    for path in (LIBRARY, RST_OUTPUT, RAW, PROLOG):
        shutil.copy(path, tmp_path / path.name)
    _udhr_notebook(tmp_path)
    args = ("check", "--no-cache", "--select", "ALL", ".")
    report = json.loads(run_cli(*args, "--format", "json", cwd=tmp_path).stdout)["diagnostics"]
    log = json.loads(run_cli(*args, "--format", "sarif", cwd=tmp_path).stdout)
    jsonschema.validate(log, json.loads((ROOT / "tests" / "sarif-schema-2.1.0.json").read_text()))
    sarif = log["runs"][0]["results"]
    assert [d["code"] for d in report] == [r["ruleId"] for r in sarif]
    cells = [(d, r) for d, r in zip(report, sarif) if d["record"] is not None]
    assert {d["code"] for d, _ in cells} >= {"W101", "W102", "W103", "W104", "W112", "A110", "D104"}
    assert {d["path"] for d, _ in cells} >= {"udhr.ipynb", "udhr-escaped.ipynb", LIBRARY.name, PROLOG.name}
    escaped_lines = related_cells = 0
    for d, r in cells:
        raw = (tmp_path / d["path"]).read_text(encoding="utf-8")
        nb = json.loads(raw.removeprefix("\ufeff"))
        number = int(d["record"].removeprefix("cell "))
        source = nb["cells"][number - 1]["source"]
        source = "".join(source) if isinstance(source, list) else source
        flagged = _cell_slice(source, d["line"], d["column"], d["end_line"], d["end_column"])
        loc = r["locations"][0]
        region = loc["physicalLocation"]["region"]
        start = _file_offset(raw, region["startLine"], region["startColumn"])
        end = _file_offset(raw, region["endLine"], region["endColumn"])
        assert _decoded(raw[start:end]) == flagged, (d, region)
        if flagged:  # an empty span (a missing final newline) has an empty region
            assert end > start
        assert loc["logicalLocations"][0]["name"] == f"#{d['record']}"
        assert loc["properties"] == {"cellLine": d["line"], "cellColumn": d["column"]}
        escaped_lines += "\\u" in raw[start:end]
        for rel_d, rel in zip(d["related"], r.get("relatedLocations", [])):
            if rel_d.get("record") is not None:  # (a related cell: its line's start in the file)
                rel_raw = (tmp_path / rel_d["path"]).read_text(encoding="utf-8")
                at = _file_offset(rel_raw, rel["physicalLocation"]["region"]["startLine"],
                                  rel["physicalLocation"]["region"]["startColumn"])
                assert rel_raw[at - 1] == '"' or rel_raw[at - 2:at] == "\\n"  # (its line's first character)
                related_cells += 1
    assert related_cells  # (D104's copy in the other notebook's cell)
    assert escaped_lines  # (the escaped notebook's \u00e9 and surrogate pairs were crossed)


def test_github_annotations_and_gitlab_lines_are_the_files_as_sarif_regions(tmp_path):
    # annotations sit on the lines of the .ipynb file a pull request's diff shows
    _udhr_notebook(tmp_path)
    args = ("check", "--no-cache", "--select", "W", ".")
    sarif = json.loads(run_cli(*args, "--format", "sarif", cwd=tmp_path).stdout)["runs"][0]["results"]
    github = run_cli(*args, "--format", "github", cwd=tmp_path).stdout.splitlines()
    gitlab = json.loads(run_cli(*args, "--format", "gitlab", cwd=tmp_path).stdout)
    report = json.loads(run_cli(*args, "--format", "json", cwd=tmp_path).stdout)["diagnostics"]
    assert len(sarif) == len(github) == len(gitlab) == len(report) >= 10
    for r, annotation, entry, d in zip(sarif, github, gitlab, report):
        region = r["locations"][0]["physicalLocation"]["region"]
        m = re.match(r"::warning file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=(\w+)::(.*)",
                     annotation)
        assert m and m.group(1) == d["path"] and m.group(6) == d["code"], annotation
        assert [int(x) for x in m.group(2, 3, 4, 5)] == [region[k] for k in (
            "startLine", "startColumn", "endLine", "endColumn")]
        assert m.group(7).startswith(f"{d['code']} {d['record']}:{d['line']}:{d['column']}: ")
        assert entry["location"]["lines"] == {"begin": region["startLine"], "end": region["endLine"]}
        assert region["startLine"] != d["line"]  # (the cells' lines are not the file's here)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sources=st.lists(_SOURCE, min_size=1, max_size=4), ascii_only=st.booleans(), crlf=st.booleans(),
       data=st.data())
def test_every_span_of_a_cell_maps_to_the_json_writing_it(sources, ascii_only, crlf, data):
    text = _notebook(sources, ascii_only)
    if crlf:
        text = text.replace("\n", "\r\n")
    places = NotebookPlaces(text)
    for number, source in enumerate(sources, 1):
        want = "".join(source) if isinstance(source, list) else source
        cell = places.cells[number]
        assert cell.text == want
        start = data.draw(st.integers(0, len(want)))
        end = data.draw(st.integers(start, len(want)))
        line, column, end_line, end_column = places.region(number, start, end)
        a, b = _file_offset(text, line, column), _file_offset(text, end_line, end_column)
        assert _decoded(text[a:b]) == want[start:end]


CONFIGURATION = DATA / "nbsphinx-configuration-excerpt.ipynb"  # cells 20-31 of nbsphinx's configuration.ipynb


def test_the_cells_of_one_notebook_are_one_file_to_d104(tmp_path):
    # nbsphinx documents nbsphinx_input_prompt and nbsphinx_output_prompt (cells 1 and 3
    # here), and the *_path options (cells 7 and 12), in the same words: the notebook's own
    # parallel text, as two paragraphs of one Markdown file are (fresh15: 4 of 8 D104)
    shutil.copy(CONFIGURATION, tmp_path / "configuration.ipynb")
    nb = json.loads(CONFIGURATION.read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in nb["cells"]]
    # (in a folder of its own: D104 compares a file checked alone with the files beside it,
    # the notebook too)
    (tmp_path / "md").mkdir()
    (tmp_path / "md" / "configuration.md").write_text("\n\n".join(sources) + "\n", encoding="utf-8")
    config = {"select": ["D104"], **NO_CACHE}
    assert lint_paths([tmp_path / "md" / "configuration.md"], config=config) == []
    shutil.rmtree(tmp_path / "md")
    assert lint_paths([tmp_path / "configuration.ipynb"], config=config) == []
    # another notebook with cell 3's text: a copy in another file, reported there, once
    other = json.loads(json.dumps(nb))
    other["cells"] = [nb["cells"][2]]
    (tmp_path / "prompts.ipynb").write_text(json.dumps(other, indent=1), encoding="utf-8")
    found = lint_paths([tmp_path / "configuration.ipynb", tmp_path / "prompts.ipynb"], config=config)
    got = sorted((Path(f.path).name, f.record, f.line, Path(f.related[0].path).name, f.related[0].record)
                 for f in found)
    # (each against the earliest copy it matches: "Output prompt ..." is a near-copy of cell 1's "Input prompt ...")
    assert got == [("prompts.ipynb", "cell 1", 3, "configuration.ipynb", "cell 1"),
                   ("prompts.ipynb", "cell 1", 5, "configuration.ipynb", "cell 1")], got
    # two files, not three: nor is a paragraph in two of a notebook's cells and a third file a template (D106's)
    assert all(f.message.endswith("3 copies in 2 files)") for f in found), [f.message for f in found]


CUSTOM_CSS = DATA / "nbsphinx-custom-css.ipynb"
GALLERY = DATA / "nbsphinx-subdir-gallery.ipynb"


def test_the_cells_of_one_notebook_are_one_document_to_d106(tmp_path):
    # nbsphinx links Sphinx's html_static_path option in two cells of configuration.ipynb
    # (7 and 12 of the excerpt) and in custom-css.ipynb: two notebooks, not three documents
    # (fresh15: "30 of 531 documents" counted cells; a line in 3 cells of one notebook was boilerplate)
    config = {"select": ["D106"], **NO_CACHE}
    shutil.copy(CONFIGURATION, tmp_path / "configuration.ipynb")
    shutil.copy(CUSTOM_CSS, tmp_path / "custom-css.ipynb")
    assert lint_paths([tmp_path], config=config) == []
    # a third notebook links it too (subdir/gallery.ipynb): boilerplate of 3 of 3 documents,
    # reported once a notebook, at its first cell holding it, pointing at another notebook
    shutil.copy(GALLERY, tmp_path / "gallery.ipynb")
    found = lint_paths([tmp_path], config=config)
    got = sorted((Path(f.path).name, f.record, f.line, f.message, Path(f.related[0].path).name, f.related[0].record)
                 for f in found)
    static = [g for g in got if g[:3] in {("configuration.ipynb", "cell 7", 8), ("custom-css.ipynb", "cell 2", 8),
                                          ("gallery.ipynb", "cell 2", 13)}]
    assert len(static) == 3, got
    assert all("appears in 3 of 3 documents" in g[3] for g in static), static
    first = static[0]
    # (the end of "it should be located in a directory listed in" / "[html_static_path](…).": no fix)
    assert first[3].endswith("after normalisation; also in cell 12; part of a sentence wrapped on to lines that "
                             "are not boilerplate: no fix)") and first[4] != "configuration.ipynb", first
    assert not any(g[:2] == ("configuration.ipynb", "cell 12") for g in got), got
