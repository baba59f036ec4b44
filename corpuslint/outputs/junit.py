"""JUnit XML: one test case per finding; only findings at or above ``fail-on`` fail.

A finding below ``fail-on`` (e.g. an info finding with the default ``fail-on =
"warning"``) is a passing test case whose text is in ``<system-out>``, so a CI test
report agrees with the exit code. A test case carries the ``file`` and its ``line`` (pytest's
attributes): a plain file's line, a JSON Lines record's line in the file
(``readers.jsonl.RecordLines``); a record of a compressed JSON Lines, Parquet or Arrow file has
no line of text (the case's name gives the record).
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..findings import where
from ..readers.jsonl import RecordLines


def _at(f) -> str:
    """The record as the text report names it: ``#7:`` (a data file's), ``cell 3:`` (a notebook's)."""
    return "" if f.record is None else where(f.path, f.record)[len(f.path) + 1:] + ":"


def write(result, stream) -> None:
    failing = {id(f) for f in result.failing()}
    findings = sorted(result.findings, key=lambda f: f.sort_key())
    tests, failures = str(len(findings)), str(len(failing))
    suites = ET.Element("testsuites", name="corpuslint", tests=tests, failures=failures)
    suite = ET.SubElement(suites, "testsuite", name="corpuslint", tests=tests, failures=failures,
                          errors="0", skipped="0")
    records = RecordLines(getattr(result, "config", None))
    for f in findings:
        case = ET.SubElement(suite, "testcase", classname=f.path, name=f"{f.code} {f.rule} at {_at(f)}{f.line}:{f.column}")
        record_line = records.line(f.path, f.record)
        if record_line is None and f.record is None:
            record_line = f.line  # (a plain file's line)
        if record_line:  # the file and its line, as pytest's JUnit XML gives them (no line: a Parquet record's)
            case.set("file", f.path)
            case.set("line", str(record_line))
        text = f"{f.path}:{_at(f)}{f.line}:{f.column}: {f.code} {f.message}"
        if id(f) in failing:
            failure = ET.SubElement(case, "failure", message=f.message, type=f.severity.value)
            failure.text = text
        else:
            ET.SubElement(case, "system-out").text = f"{f.severity.value}: {text}"
    if not findings:
        ET.SubElement(suite, "testcase", classname="corpuslint", name="all checks passed")
    stream.write(ET.tostring(suites, encoding="unicode", xml_declaration=True))
    stream.write("\n")
