"""Kinds from fresh15's trial (Russian, Polish, Ukrainian and Czech man pages of
manpages-l10n 4.18.1, GPL-3+; a ShareGPT-shaped set built from Russian man pages), each
next to the real defect still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

import json
from pathlib import Path

from corpuslint import lint_text

from .conftest import run_cli, run_json

NO_CACHE = {"cache": False}


def spans(code: str, text: str, path: str = "page.txt") -> list[str]:
    return [text[f.start : f.end] for f in lint_text(text, path=path, config={"select": [code], **NO_CACHE})]


# -- JSON Lines with a UTF-8 byte-order mark ---------------------------------------------

# sharegpt-ru record 1 (pldd(1), manpages-ru; its double space after "Команда" is real)
PLDD = {"id": "pldd.1", "conversations": [
    {"from": "system", "value": "Вы — помощник по Linux."},
    {"from": "human", "value": "Что делает pldd?"},
    {"from": "gpt", "value": "pldd - отобразить список динамических объектов общего пользования, связанных в процесс"
                            "\n\nКоманда  pldd отображает список динамических объектов общего пользования (DSO), "
                            "связанных в процесс для указанного идентификатора процесса (PID)."}]}
RAM = {"id": "ram.4", "conversations": [
    {"from": "system", "value": "Вы — помощник по Linux."},
    {"from": "human", "value": "Что делает ram?"},
    {"from": "gpt", "value": "ram - устройство для диска в памяти\n\nУстройство ram представляет собой блочное "
                            "устройство, предоставляющее прямой доступ к диску в памяти (ram disk)."}]}
BOM = b"\xef\xbb\xbf"
SHAREGPT = ("--text-field", "conversations[*].value", "--id-field", "id")


def _chat_file(tmp_path, *lines: bytes):
    path = tmp_path / "chat.jsonl"
    path.write_bytes(BOM + b"".join(line + b"\n" for line in lines))
    return path


def _line(record) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def test_jsonl_with_a_bom_reads_record_one_and_reports_the_mark(tmp_path):
    path = _chat_file(tmp_path, _line(PLDD), _line(RAM), b'{"id": "broken", "conversations": [')
    _, report = run_json(*SHAREGPT, "--select", "W,F", str(path))
    found = {(f["record"], f["code"]) for f in report["diagnostics"]}
    assert ("pldd.1.1", "W110") in found  # the mark, on the record it stands before (its first turn)
    assert ("pldd.1.3", "W103") in found  # record 1 is read: its double space is found
    assert not any(f["code"] == "F005" and f["record"] in (1, "pldd.1") for f in report["diagnostics"])
    assert (3, "F005") in found  # a broken record stays one


def test_jsonl_bom_stays_byte_exact_when_record_one_is_fixed(tmp_path):
    path = _chat_file(tmp_path, _line(PLDD), _line(RAM))
    proc = run_cli("check", "--no-cache", *SHAREGPT, "--select", "W103", "--fix", "--fix-data", str(path))
    assert proc.returncode in (0, 1), proc.stderr
    data = path.read_bytes()
    fixed = dict(PLDD, conversations=PLDD["conversations"][:2] + [
        dict(PLDD["conversations"][2], value=PLDD["conversations"][2]["value"].replace("Команда  ", "Команда "))])
    assert data == BOM + _line(fixed) + b"\n" + _line(RAM) + b"\n"


def test_text_file_bom_is_still_w110_with_its_fix(tmp_path):
    path = tmp_path / "pldd.txt"
    path.write_bytes(BOM + PLDD["conversations"][2]["value"].encode("utf-8"))
    _, report = run_json("--select", "W110", str(path))
    assert [(f["code"], f["line"]) for f in report["diagnostics"]] == [("W110", 1)]
    assert report["diagnostics"][0]["fix"] is not None


def test_filter_dropping_w_keeps_record_one_behind_a_bom(tmp_path):
    path = _chat_file(tmp_path, _line(PLDD), _line(RAM))
    out = tmp_path / "out.jsonl"
    proc = run_cli("filter", *SHAREGPT, "--drop", "W110", str(path), str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == path.read_bytes()  # both records kept, the mark where it was


# -- S104: Czech "se se", option placeholders, command examples --------------------------

def s104(text: str, path: str = "page.txt") -> list[str]:
    return spans("S104", text, path)


# man-cs wget(1) lines 790-792
WGET_KEEPALIVE = (
    "           Tato volba se hodí v případě, kdy z nějakého důvodu, trvalá (keep-alive) spojení\n"
    "           nefungují, např. díky chybě v serveru nebo neschopnosti skriptů na straně serveru\n"
    "           vypořádat se se spojeními.\n")
# man-cs bootparam(7) lines 216-220: "Poté je je spuštěn" is a slip
BOOTPARAM = (
    "              (Pouze je-li jádro přeloženo s CONFIG_BLK_DEV_RAM a CONFIG_BLK_DEV_INITRD.) Nyní je\n"
    "              možno přeložit jádro s podporou initrd. Jestliže je tato varianta povolena, při\n"
    "              startu systému se nahraje jak jádro tak iniciální ramdisk, který jádro poté změní\n"
    "              na 'normální' ramdisk připojený pro čtení i zápis jako kořenový svazek. Poté je je\n"
    "              spuštěn program /linuxrc; nato je připojen skutečný kořenový svazek a initrd je\n")


def test_czech_reflexive_se_before_the_preposition_se_is_grammar():
    assert s104(WGET_KEEPALIVE) == []
    assert s104(BOOTPARAM) == ["je je"]


# man-cs wget(1) lines 771-775 and 916-919 (English prose left untranslated, then Czech)
WGET_HTTP_USER = (
    "       --http-user=uživatel\n"
    "       --http-password=heslo\n"
    "           Specify the username user and password password on an HTTP server. According to the\n"
    "           type of the challenge, Wget will encode them using either the \"basic\" (insecure), the\n"
    "           \"digest\", or the Windows \"NTLM\" authentication scheme.\n")
WGET_PROXY_USER = (
    "       --proxy-user=uživatel\n"
    "       --proxy-password=heslo\n"
    "           Nastaví uživatelské jméno uživatel a heslo heslo pro autentizaci na proxy serveru.\n"
    "           Wget je zakóduje autentikačním schématem \"basic\".\n")
# man-pl bsd-mailx(1) lines 165-168: a slip in prose under a section heading
MAILX = (
    "   Character sets and MIME\n"
    "     Generally mail does not handle neither different character sets nor any other MIME feature.\n"
    "     Especially it does not perform any any conversions between character sets while displaying\n"
    "     or sending mails.\n")


def test_placeholder_after_its_noun_in_an_option_description():
    assert s104(WGET_HTTP_USER) == []
    assert s104(WGET_PROXY_USER) == []
    assert s104(MAILX) == ["any any"]


# csv-pl info(1) and dumpkeys(1) (manpages-pl): a command example on a line of its own, a
# keymap line's run of placeholders; file(1): "określony jako jako zapisany" is a slip
INFO = (
    "       Pełna dokumentacja dla info jest dostępna w formacie Texinfo. Jeśli program info jest\n"
    "       poprawnie zainstalowany, to polecenie\n"
    "\n"
    "              info info\n"
    "\n"
    "       powinno dać dostęp do pełnego podręcznika (w Emacsie będzie to skrót M-x).\n")
DUMPKEYS = (
    "                     To pole zawiera listę zakresów kodów akcji w notacji szesnastkowej. Są to\n"
    "                     wartości, które mogą być użyte po prawej stronie definicji klawisza, np.\n"
    "                     symbole vv w linii\n"
    "\n"
    "                            keycode xx = vv vv vv vv\n"
    "\n"
    "                     (Zobacz keymaps(5)  aby poznać dalsze szczegóły formatu linii definicji\n")
FILE_1 = (
    "     Plik, który nie może zostać określony jako jako zapisany w jednym z powyższych zestawów\n"
    "     znaków, jest po prostu określany jako \"data\" (dane).\n")


def test_command_example_lines_and_placeholder_runs():
    assert s104(INFO) == []
    assert s104(DUMPKEYS) == []
    assert s104(FILE_1) == ["jako jako"]
    # a sound said four times is one sound, its second pair too (fresh12's "tu tu tu" kind)
    assert s104("- sru tu tu tu tu, idź już spać!") == []


# -- D103: one note closing two items of one list ---------------------------------------

# man-ru initrd(4) lines 41-66: steps (6) and (7) both end with the same warning
INITRD = (Path(__file__).parent / "data" / "realtext" / "initrd-ru-steps.txt").read_text(encoding="utf-8")


def test_warning_closing_two_numbered_steps_is_each_steps_note():
    assert spans("D103", INITRD) == []
    # the same paragraphs without their step numbers: the sentence is said twice
    plain = INITRD.replace("(6)  ", "     ").replace("(7)  ", "     ")
    assert spans("D103", plain) == ["Смотрите подробности о поведении текущей\n            версии ядра в разделе ЗАМЕЧАНИЯ."]


# LLaMA-Factory dpo_en_demo record 175, its chosen reply (Apache-2.0 package data): items 2
# and 3 close with the same sentence reworded. Labelled tp first, then fp (71dd4ff: one
# statement about two allowances in one frame); since dup18, items that each open with their
# own label and whose sentences name it are parallel statements: reported only without labels
CASTING = (
    "1. Draft Allowance: As mentioned in the passage, increasing the draft allowance can compensate for the "
    "shake allowance. The draft allowance is a taper or slope given to cores and other parts of the casting mold "
    "to enable easy removal of the pattern. By increasing this allowance, the pattern can be removed more easily, "
    "reducing the enlargement caused by the shake allowance.\n\n"
    "2. Shrinkage Allowance: This allowance is made to compensate for the reduction in size of the casting that "
    "occurs as it cools and solidifies. By accurately calculating the shrinkage allowance, one can ensure that the "
    "final product is of the desired dimensions, even after accounting for the shake allowance.\n\n"
    "3. Machining Allowance: This is an extra material allowance provided on the casting to compensate for any "
    "material that might be removed during the finishing or machining process. By strategically planning the "
    "machining allowance, one can ensure that the final product is of the desired dimensions, even after the shake "
    "allowance and other factors are taken into account.\n\n"
    "4. Distortion Allowance: This is an allowance given to compensate for any changes in shape that might occur "
    "during the cooling process. By accurately predicting and allowing for distortion, one can ensure that the "
    "final product is of the desired shape and size.\n")


def test_a_reworded_closing_sentence_of_two_items_is_still_a_restatement():
    assert spans("D103", CASTING) == []  # "2. Shrinkage Allowance:" / "3. Machining Allowance:" (dup18)
    bare = CASTING.replace("2. Shrinkage Allowance: ", "2. ").replace("3. Machining Allowance: ", "3. ")
    assert [s[:40] for s in spans("D103", bare)] == ["By strategically planning the machining "]


# -- Q105/Q108: a user's question and a system prompt are not measured -------------------

def test_short_user_and_system_turns_are_not_measured(tmp_path):
    path = tmp_path / "chat.jsonl"
    path.write_bytes(_line(RAM) + b"\n")
    _, report = run_json(*SHAREGPT, "--select", "Q105,Q108", str(path))
    found = sorted((f["record"], f["code"]) for f in report["diagnostics"])
    # "Вы — помощник по Linux." (ram.4.1) and "Что делает ram?" (ram.4.2) are input; the
    # reply (ram.4.3), 22 words, is one turn of an example, not a document (q44: fresh32's
    # complete short answers): Q105 and Q108 judge whole documents only
    assert found == []


# -- a folder of files no reader takes: nothing checked is no pass ----------------------

def test_folder_of_files_no_reader_takes_is_an_error_not_a_pass(tmp_path):
    # fresh15's case was a folder of .tex and .ipynb files: both are read since nb16, and
    # still are a pass (clean); Org-mode and RTF files are still taken by no reader
    sets = tmp_path / "sets"
    sets.mkdir()
    (sets / "notes.org").write_text("#+TITLE: Notes\n* Heading\nSome text.\n", encoding="utf-8")
    (sets / "letter.rtf").write_text("{\\rtf1\\ansi Hello.}\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "sets", cwd=tmp_path)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stdout == "Nothing checked: 0 files read.\n"  # not "All checks passed!"
    assert "error: no file was checked: 2 files skipped by the include globs" in proc.stderr
    # with the include the user is told to add, the Org file is read (as plain text)
    proc = run_cli("check", "--no-cache", "--select", "W", "--include", "*.org", "sets", cwd=tmp_path)
    assert proc.returncode == 0 and "All checks passed! (1 file checked)" in proc.stdout, proc.stdout


def test_folder_of_latex_and_notebooks_is_read_now(tmp_path):
    sets = tmp_path / "sets"
    sets.mkdir()
    # the first lines of texlive's amsart-template.tex (LPPL-1.3c) and an empty notebook
    (sets / "amsart-template.tex").write_text(
        "%% filename: amsart-template.tex\n%% version: 1.1\n%% date: 2014/07/24\n", encoding="utf-8")
    (sets / "notebook.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n',
                                         encoding="utf-8")
    proc = run_cli("check", "--no-cache", "sets", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "All checks passed! (2 files checked)\n", (proc.stdout, proc.stderr)
