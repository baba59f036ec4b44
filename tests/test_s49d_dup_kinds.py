"""False-alarm kinds of the duplicate rules from fresh37 (European Latin-script languages: man pages
of manpages-l10n, GNOME help, the Reina-Valera 1909): real text, tests/data/realtext/SOURCE.md
(section s49d)."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpuslint import lint_paths

from .test_s48b_dup_kinds import _found as found_lines

REAL = Path(__file__).parent / "data" / "realtext"


def _found(folder: Path, code: str, monkeypatch) -> set[tuple[str, str]]:
    """(path, stripped line text) of each ``code`` finding over the files of ``folder``."""
    return {(path, line.strip()) for path, line in found_lines(folder, code, monkeypatch)}


def test_d106_an_options_term_line_is_no_boilerplate(tmp_path, monkeypatch):
    """chmod(1), mkdir(1) and rmdir(1) of manpages-cs each document "-v, --verbose", its term
    line over its own description (fresh37: 210 such D106 lines in man/, "-c, --changes",
    "-d, --directory" labelled false; the unsafe fix deleted the option's name). The term is the
    entry's, as in D104 (``local.option_entry``). The translators' trailer under every page and
    the description of --version generated into every coreutils page are still reported
    (labelled true)."""
    folder = shutil.copytree(REAL / "s49d-man-cs", tmp_path / "cs")
    found = _found(folder, "D106", monkeypatch)
    assert not {line for _, line in found if line.startswith("-")}
    assert {
        ("chmod.1.txt", "Pokud narazíte na nějaké chyby v překladu této příručky, pošlete e-mail"),
        ("mkdir.1.txt", "Vypíše informaci o verzi programu a skončí"),
    } <= found


def test_d106_a_numbered_chapter_heading_is_no_boilerplate(tmp_path, monkeypatch):
    """Each book of the Reina-Valera 1909 heads its chapters "Capítulo 1", "Capítulo 2", ...: the
    same heading in every book with more than one chapter (fresh37: 24 findings, labelled false;
    the unsafe fix deleted the chapter breaks). A line numbered in a series of the document's
    headings is its structure; a recurring line of the same form that numbers nothing is still
    counted (a book's "Reina-Valera 1909" line set under its title)."""
    folder = shutil.copytree(REAL / "s49d-rv1909", tmp_path / "bible")
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\n", "\nTraducción Reina-Valera 1909\n", 1), encoding="utf-8")
    found = _found(folder, "D106", monkeypatch)
    assert not {line for _, line in found if line.startswith("Capítulo")}
    assert ("rv1909-rut.txt", "Traducción Reina-Valera 1909") in found


def test_d104_one_step_shared_by_two_task_pages_is_no_copy(tmp_path, monkeypatch):
    """GNOME help's "clock-world" and "clock-calendar" (de) both open their procedure with "1.
    Klicken Sie auf die Uhr in der oberen Leiste."; "color-calibrate-screen" and
    "color-assignprofiles" (fr) both have the step "Cliquez sur **Couleur** dans la barre latérale
    pour ouvrir le panneau." (4. there, 3. here). Each step is the page's own procedure's, its
    other steps its own (fresh37: 7 such D104 in help/, labelled false), as D106 decided for the
    steps of lists. A step of the same procedure copied (a page's translations leaving its third
    step in English, "3. Choose between tablet (or absolute) mode ...": the same item of a list as
    long) is still reported, and so is a procedure copied whole."""
    folder = shutil.copytree(REAL / "s49d-help", tmp_path / "help")
    procedure = (folder / "fr" / "color-assignprofiles.md").read_text(encoding="utf-8").split("\n", 2)[2]
    (folder / "fr" / "copied.md").write_text(f"# Copie\n\n{procedure}", encoding="utf-8")
    found = _found(folder, "D104", monkeypatch)
    assert not {p for p, _ in found if "clock" in p or "color" in p}
    assert ("fr/wacom-mode.md", "3. Choose between tablet (or absolute) mode and touchpad (or relative) mode. "
            "For tablet mode, switch **Tablet Mode** to on.") in found
    assert ("fr/copied.md", "4. Sélectionnez le périphérique auquel vous souhaitez ajouter un profil.") in found


def test_d103_parallel_instructions_naming_other_ui_elements_are_no_restatement(tmp_path, monkeypatch):
    """GNOME help pages as chat answers (fresh37's llm/chat.jsonl): "Si vous ne trouvez pas
    l'application voulue, cliquez sur **Ouvrir avec une autre application**." then "Si néanmoins
    vous ne trouvez toujours pas l'application voulue, cliquez sur **Chercher de nouvelles
    applications**." name two buttons (the sentences differ in their emphasised label); "...
    pulsar con el botón derecho sobre una carpeta para abrirla en una pestaña o una ventana
    nueva." then "Pulse con el botón derecho sobre cualquier carpeta de la barra de rutas ..."
    in the paragraph that opens "La *barra de rutas* ..." (Polish: "*Pasek ścieżki*", named
    "na pasku ścieżki") say it of the path bar (labelled false, 3 of 4 D103). The converter's
    merged variants of one sentence, the second naming **Lugares** too, are still a
    restatement (labelled true)."""
    data = tmp_path / "chat.jsonl"
    shutil.copy(REAL / "s49d-chat.jsonl", data)
    monkeypatch.chdir(tmp_path)
    config = {"select": ["D103"], "cache": False,
              "readers": {"id-field": "id", "jsonl": {"text-field": ["messages[*].content"]}}}
    found = {(f.record, f.line) for f in lint_paths(["chat.jsonl"], config=config)}
    assert found == {("es-shell-introduction.3", 1)}
