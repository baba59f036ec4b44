"""Markdown extension syntax is structure, not prose: extension containers (pymdownx
Blocks ``/// tip`` ... ``///``, Python-Markdown admonitions ``!!! note``, ``:::``
containers), template spans (``{* ... *}`` include macros, ``{% ... %}``) and attribute
lists (``{ #recap }``). Real excerpts from FastAPI's Spanish and Hindi docs (MIT; see
tests/data/realtext/SOURCE.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpuslint import lint_paths, lint_text
from corpuslint.document import Document

from .conftest import run_cli

DATA = Path(__file__).parent / "data" / "realtext"
CLASSES = (DATA / "fastapi-es-classes-as-dependencies.md").read_text(encoding="utf-8")
LINKS = (DATA / "fastapi-hi-links.md").read_text(encoding="utf-8")


def _kinds(text: str, path: str = "x.md") -> dict[str, str]:
    """line text -> its line kind (the last line of that text wins)."""
    doc = Document(path, text)
    return {doc.line_text(line): kind for line, kind in zip(doc.lines, doc.line_kinds)}


def _codes(findings, code: str) -> list:
    return [f for f in findings if f.code == code]


def test_pymdownx_block_fences_are_markup_and_their_content_prose():
    kinds = _kinds(CLASSES)
    assert kinds["//// tab | Python 3.10+"] == "markup"
    assert kinds["//// tab | Python 3.10+ sin `Annotated`"] == "markup"
    assert kinds["/// tip | Consejo"] == "markup"
    assert kinds["///"] == "markup"
    assert kinds["////"] == "markup"
    assert kinds["Prefiere usar la versión `Annotated` si es posible."] == "prose"
    assert kinds["```Python"] == "code"  # a fence inside a tab is still code
    assert kinds["{* ../../docs_src/dependencies/tutorial001_an_py310.py hl[9] *}"] == "markup"
    doc = Document("x.md", CLASSES)
    heading = "# Clases como dependencias { #classes-as-dependencies }"
    start = CLASSES.index(heading)
    spans = [(r.kind, CLASSES[r.start : r.end]) for r in doc.regions if start <= r.start < start + len(heading)]
    assert ("markup", "{ #classes-as-dependencies }") in spans
    assert any(k == "heading" and t.startswith("Clases como dependencias") for k, t in spans)


def test_no_symbol_line_repeated_lines_or_paragraphs_for_container_fences():
    findings = lint_text(CLASSES, path="classes-as-dependencies.md")
    assert not _codes(findings, "A111")  # lead: 16 (every /// and //// closing line)
    assert not _codes(findings, "Q101")  # lead: 32 of 106 lines repeat (0.302 > 0.300)
    assert not _codes(findings, "Q102")
    # a line of symbols in the text itself is still reported
    findings = lint_text(CLASSES + "\n|||\n\nFin del ejemplo.\n", path="classes-as-dependencies.md")
    assert [f.line for f in _codes(findings, "A111")] == [CLASSES.count("\n") + 2]


def test_include_macro_is_not_prose_for_the_spacing_rules():
    text = (
        "Luego creamos una dependencia `Annotated` `SessionDep` para simplificar el resto del código "
        "que usará esta dependencia.\n\n"
        "{* ../../docs_src/sql_databases/tutorial001_an_py310.py ln[25:30]  hl[25:27,30] *}\n\n"
        "### Crear Tablas de Base de Datos al Arrancar { #create-database-tables-on-startup }\n"
    )
    assert not _codes(lint_text(text, path="sql-databases.md"), "W103")
    doubled = text.replace("simplificar el", "simplificar  el")
    assert [f.line for f in _codes(lint_text(doubled, path="sql-databases.md"), "W103")] == [1]


def test_other_extension_containers_and_template_tags():
    text = (
        "# Guía\n\n"
        "::: warning Cuidado\n"
        "No borres la base de datos de producción.\n"
        ":::\n\n"
        ":::{note}\n"
        "Esta página usa MyST.\n"
        ":::\n\n"
        "!!! tip \"Consejo\"\n"
        "    Prefiere usar la versión `Annotated` si es posible.\n\n"
        "{% include aviso.html %}\n\n"
        "Texto normal después.\n"
    )
    kinds = _kinds(text)
    for line in ("::: warning Cuidado", ":::", ":::{note}", '!!! tip "Consejo"', "{% include aviso.html %}"):
        assert kinds[line] == "markup", line
    assert kinds["No borres la base de datos de producción."] == "prose"
    assert kinds["Esta página usa MyST."] == "prose"
    # the admonition's indented content is Markdown, not an indented code block
    assert kinds["    Prefiere usar la versión `Annotated` si es posible."] == "prose"
    assert not _codes(lint_text(text, path="guia.md"), "A111")
    # a bare ":::" or "///" opens nothing: a line of symbols in a paragraph
    assert _codes(lint_text("Texto.\n\n///\n\nMás texto.\n", path="y.md"), "A111")


def test_link_spans_end_before_emphasis_danda_and_brackets():
    findings = lint_text(LINKS, path="index.md", config={"select": ["A110"]})
    urls = [f.message.split("`")[1] for f in findings]
    # link destinations are url regions (not reported); the two URLs written as text
    # end where they end, not at "**", "।" or "](": ...
    assert urls == ["https://fastapi.tiangolo.com"], urls  # (the others are in code spans)
    from corpuslint.families.artifact._common import URL_RE

    found = [m.group() for m in URL_RE.finditer(LINKS)]
    assert "https://starlette.dev/" in found
    assert "https://fastapicloud.com" in found
    assert "https://doublespeak.chat/#/handbook#deterministic-output" in found
    assert "http://127.0.0.1:8000/api/v1/app" in found
    assert "https://fastapi.tiangolo.com/hi" in found
    assert not any(c in u for u in found for c in "*।`[]")
    assert [m.group() for m in URL_RE.finditer("see http://[::1]:8000/docs.")] == ["http://[::1]:8000/docs"]
    # npm textlint-rule-preset-ja-technical-writing 12.0.2 README (MIT): no space after a
    # link in Japanese; a parenthesis in a pair is the URL's (Wikipedia titles)
    ja = "技術文書向けの[textlint](https://textlint.github.io/)ルールプリセットです。"
    assert [m.group() for m in URL_RE.finditer(ja)] == ["https://textlint.github.io/"]
    assert not lint_text(ja + "\n", path="README.md", config={"select": ["A110"]})
    wiki = "(https://en.wikipedia.org/wiki/Negation_(linguistics))"
    assert [m.group() for m in URL_RE.finditer(wiki)] == ["https://en.wikipedia.org/wiki/Negation_(linguistics)"]
    assert not list(URL_RE.finditer('the argument must start with "http://" or "https://"'))
    # the Debian Administrator's Handbook in Chinese (corpus debian-handbook-zh): no space
    # after a URL that ends a sentence
    zh = "管理界面可以通过在网络浏览器中输入地址 https://localhost:10000。注意！不是所有的模块都是直接可用的。"
    assert [m.group() for m in URL_RE.finditer(zh)] == ["https://localhost:10000"]


RECAP = {
    "request-forms-and-files.md": "Usa `File` y `Form` juntos cuando necesites recibir datos y archivos en el mismo request.",
    "sql-databases.md": (
        "Puedes usar [**SQLModel**](https://sqlmodel.tiangolo.com/) para interactuar con una base de datos SQL "
        "y simplificar el código con *modelos de datos* y *modelos de tablas*."
    ),
    "sub-dependencies.md": (
        "Aparte de todas las palabras rimbombantes usadas aquí, el sistema de **Inyección de Dependencias** "
        "es bastante simple."
    ),
}
SHARED = "Prefiere usar la versión `Annotated` si es posible."


def _recap_tree(root: Path) -> None:
    for name, para in RECAP.items():
        (root / name).write_text(
            f"# Página\n\n/// tip | Consejo\n\n{SHARED}\n\n///\n\n## Resumen {{ #recap }}\n\n{para}\n",
            encoding="utf-8",
        )


def test_a_heading_repeated_across_pages_is_not_boilerplate(tmp_path):
    _recap_tree(tmp_path)
    d106 = _codes(lint_paths([str(tmp_path)], config={"select": ["D106"]}), "D106")
    texts = {Path(f.path).read_text(encoding="utf-8").splitlines()[f.line - 1] for f in d106}
    assert texts == {SHARED}, texts  # the shared note is still reported; the heading and fences are not


def test_unsafe_fixes_keep_headings_and_fences_and_are_idempotent(tmp_path):
    _recap_tree(tmp_path)
    for src in ("fastapi-es-classes-as-dependencies.md",):
        shutil.copy(DATA / src, tmp_path / src)
    before = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    run = run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(tmp_path))
    assert run.returncode in (0, 1), run.stderr
    after = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    structure = ("#", "///", "```", "{*")
    for name, text in before.items():
        kept = after[name].splitlines()
        for line in text.splitlines():
            if line.startswith(structure):
                assert line in kept, (name, line)
    again = run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(tmp_path))
    assert again.returncode in (0, 1), again.stderr
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == after

