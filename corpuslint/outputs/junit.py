"""JUnit XML: one test case per checked file with findings, one failure per finding."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET


def _at(f) -> str:
    return "" if f.record is None else f"#{f.record}:"


def write(result, stream) -> None:
    by_path = defaultdict(list)
    for f in result.findings:
        by_path[f.path].append(f)
    suites = ET.Element("testsuites", name="corpuslint", tests=str(len(result.findings)),
                        failures=str(len(result.findings)))
    suite = ET.SubElement(suites, "testsuite", name="corpuslint", tests=str(len(result.findings)),
                          failures=str(len(result.findings)), errors="0")
    for path, findings in sorted(by_path.items()):
        for f in findings:
            case = ET.SubElement(suite, "testcase", classname=path, name=f"{f.code} {f.rule} at {_at(f)}{f.line}:{f.column}")
            failure = ET.SubElement(case, "failure", message=f.message, type=f.severity.value)
            failure.text = f"{f.path}:{_at(f)}{f.line}:{f.column}: {f.code} {f.message}"
    if not result.findings:
        ET.SubElement(suite, "testcase", classname="corpuslint", name="all checks passed")
    stream.write(ET.tostring(suites, encoding="unicode", xml_declaration=True))
    stream.write("\n")
