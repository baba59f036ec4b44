"""Plugin loading paths the plugin-package tests don't cover: repo-local plugins (opt-in),
their formats and readers, and config-defined rule codes used in config files."""

from __future__ import annotations

import json
import textwrap

from .conftest import run_cli

LOCAL_PLUGIN = textwrap.dedent('''
    import json
    from corpuslint import hookimpl
    from corpuslint.document import Document
    from corpuslint.rules import DocumentRule

    class ShoutingLine(DocumentRule):
        """A line written entirely in capitals.

        What: Reports lines of three or more words with no lowercase letter.
        Why: Shouted lines are usually navigation residue.
        Example: `BREAKING NEWS TODAY`
        Fix safety: no fix.
        """
        code, name, family = "X101", "shouting-line", "house-style"

        def check(self, doc):
            for line in doc.lines:
                text = doc.line_text(line)
                if len(text.split()) >= 3 and text.isupper():
                    yield doc.finding(self, line.start, line.end, "line is all capitals")

    class JsonlReader:
        suffixes = (".jsonl",)

        def read(self, path, data, display):
            for number, raw in enumerate(data.decode("utf-8").splitlines(), 1):
                yield Document(f"{display}#{number}", json.loads(raw)["text"])

    def count_format(result, stream):
        stream.write(f"{len(result.findings)} findings\\n")

    @hookimpl
    def corpuslint_register_rules():
        return [ShoutingLine]

    @hookimpl
    def corpuslint_register_formats():
        return {"count": count_format}

    @hookimpl
    def corpuslint_register_readers():
        return [JsonlReader()]
''')


def test_local_plugin_needs_explicit_opt_in(tmp_path):
    (tmp_path / "house_rules.py").write_text(LOCAL_PLUGIN)
    (tmp_path / "a.txt").write_text("BREAKING NEWS TODAY\nquiet line here\n")
    (tmp_path / "records.jsonl").write_text('{"text": "ONE TWO THREE"}\n{"text": "fine text here"}\n')
    # Without opt-in the module is never imported: its code is unknown.
    proc = run_cli("check", "--no-cache", "--select", "X", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown rule code or prefix 'X'" in proc.stderr
    (tmp_path / "corpuslint.toml").write_text('[plugins]\nlocal = ["house_rules"]\n')
    proc = run_cli("check", "--no-cache", "--select", "X", "--format", "json", ".", cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert sorted((d["path"], d["line"]) for d in data["diagnostics"]) == [("a.txt", 1), ("records.jsonl#1", 1)]
    proc = run_cli("check", "--no-cache", "--select", "X", "--format", "count", ".", cwd=tmp_path)
    assert proc.stdout == "2 findings\n"
    assert "X101" in run_cli("rules", cwd=tmp_path).stdout


def test_broken_local_plugin_is_one_error_line(tmp_path):
    (tmp_path / "house_rules.py").write_text("raise RuntimeError('boom')\n")
    (tmp_path / "corpuslint.toml").write_text('[plugins]\nlocal = ["house_rules"]\n')
    (tmp_path / "a.txt").write_text("text\n")
    proc = run_cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "corpuslint: error: local plugin 'house_rules' failed to load: RuntimeError: boom"


def test_config_defined_codes_can_be_configured_in_the_file(tmp_path):
    (tmp_path / "corpuslint.toml").write_text(textwrap.dedent('''
        select = ["C1"]
        [severity]
        c187 = "error"
        [custom-rules.no-fi]
        kind = "substitution"
        swap = { "فى" = "في" }
    '''))
    (tmp_path / "a.txt").write_text("ذهب فى الصباح\n")
    proc = run_cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    (d,) = json.loads(proc.stdout)["diagnostics"]
    assert (d["code"], d["severity"], d["fix"]["applicability"]) == ("C187", "error", "safe")
    listed = run_cli("rules", cwd=tmp_path).stdout
    assert "C187" in listed and "custom" in listed
    assert "Fix safety:" in run_cli("rule", "c187", cwd=tmp_path).stdout
