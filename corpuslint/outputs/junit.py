"""JUnit XML: one test case per finding; only findings at or above ``fail-on`` fail.

A finding below ``fail-on`` (e.g. an info finding with the default ``fail-on =
"warning"``) is a passing test case whose text is in ``<system-out>``, so a CI test
report agrees with the exit code.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..findings import where


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
    for f in findings:
        case = ET.SubElement(suite, "testcase", classname=f.path, name=f"{f.code} {f.rule} at {_at(f)}{f.line}:{f.column}")
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
