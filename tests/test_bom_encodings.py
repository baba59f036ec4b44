"""UTF-16 and UTF-32 files that begin with their byte-order mark are decoded and linted,
and ``--fix`` writes them back in their encoding, BOM first, every other byte as it was.
Without a BOM such a file stays F002 binary (NUL bytes cannot tell it from a binary format).

fresh13 saved a text as UTF-16 (what Notepad and Excel write) and got only
"F002 binary file (contains NUL bytes): skipped"."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import files

from .conftest import run_cli, run_json

DATA = Path(__file__).parent / "data" / "realtext"
# Deuteronomy 1:1-3, Westminster Leningrad Codex via OSHB (public domain), one verse a line
WLC = (DATA / "wlc-deuteronomy-1-1-3.txt").read_text(encoding="utf-8")
BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}


def _slipped() -> str:
    """The verses with two slips W101/W103 fix: a doubled space, a trailing space; CRLF ends."""
    first, second, rest = WLC.split("\n", 2)
    return first.replace(" ", "  ", 1) + "\r\n" + second + " \r\n" + rest.replace("\n", "\r\n")


def _codes(report: dict, name: str) -> list[str]:
    return sorted(d["code"] for d in report["diagnostics"] if d["path"].endswith(name))


def test_bom_encoded_files_are_linted_like_their_utf8_copy(tmp_path):
    text = _slipped()
    (tmp_path / "utf8.txt").write_bytes(text.encode("utf-8"))
    for encoding, bom in BOMS.items():
        (tmp_path / f"{encoding}.txt").write_bytes(bom + text.encode(encoding))
    _, report = run_json("--select", "W,F", str(tmp_path))
    expected = _codes(report, "utf8.txt")
    assert "W103" in expected and "W101" in expected and "F002" not in expected
    for encoding in BOMS:
        assert _codes(report, f"{encoding}.txt") == expected, encoding
        where = [(d["line"], d["column"]) for d in report["diagnostics"]
                 if d["path"].endswith(f"{encoding}.txt")]
        assert (1, WLC.index(" ") + 1) in where  # the doubled space after the first word: the BOM is no column


def test_fix_writes_utf16_back_with_its_bom_byte_exact(tmp_path):
    text = _slipped()
    fixed = WLC.replace("\n", "\r\n")
    for encoding, bom in BOMS.items():
        (tmp_path / f"{encoding}.txt").write_bytes(bom + text.encode(encoding))
    proc = run_cli("check", "--no-cache", "--select", "W101,W103", "--fix", str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for encoding, bom in BOMS.items():
        assert (tmp_path / f"{encoding}.txt").read_bytes() == bom + fixed.encode(encoding), encoding


def test_fix_from_standard_input_comes_back_in_its_encoding():
    data = codecs.BOM_UTF16_LE + _slipped().encode("utf-16-le")
    proc = run_cli_bytes("check", "--select", "W101,W103", "--fix", "-", input=data)
    assert proc.stdout == codecs.BOM_UTF16_LE + WLC.replace("\n", "\r\n").encode("utf-16-le")


def run_cli_bytes(*args: str, input: bytes):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "corpuslint", *args], input=input, capture_output=True,
                          timeout=300, env=dict(os.environ))


def test_utf16_without_bom_stays_binary(tmp_path):
    (tmp_path / "nobom.txt").write_bytes(WLC.encode("utf-16-le"))
    _, report = run_json(str(tmp_path))
    assert [(d["code"], d["message"]) for d in report["diagnostics"]] == [
        ("F002", "binary file (contains NUL bytes): skipped")]


def test_a_binary_file_that_begins_like_a_bom_stays_binary():
    # a PNG-like header after FF FE: NUL bytes, control characters, private-use code points
    data = codecs.BOM_UTF16_LE + b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
    problem = files.decode(data)
    assert isinstance(problem, files.ReadProblem) and problem.kind == "binary"
    assert "not UTF-16 LE text despite its byte-order mark" in problem.message
    # a UTF-32 BOM with code points beyond U+10FFFF
    problem = files.decode(codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff" * 4)
    assert isinstance(problem, files.ReadProblem) and problem.kind == "binary"


def test_utf8_decoding_is_unchanged():
    assert files.decode("\ufeffنص".encode("utf-8")) == "\ufeffنص"  # a UTF-8 BOM stays text (W-rule fixes it)
    assert files.bom_encoding("\ufeffنص".encode("utf-8")) is None
    assert files.decode(b"a\x00b").kind == "binary"


_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cn", "Co", "Cs")) | st.sampled_from("\n\r\t"),
                min_size=1, max_size=200)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from(sorted(BOMS)))
def test_decode_then_encode_gives_the_bytes_back(text, encoding):
    data = BOMS[encoding] + text.encode(encoding)
    decoded = files.decode(data)
    assert decoded == text
    assert files.bom_encoding(data) == encoding
    assert files.encode_text(decoded, encoding) == data
