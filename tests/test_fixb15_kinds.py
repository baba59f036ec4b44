"""Kinds from fresh15's trial (Russian, Polish, Ukrainian and Czech man pages of
manpages-l10n 4.18.1, GPL-3+; a ShareGPT-shaped set built from Russian man pages), each
next to the real defect still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

import json

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
