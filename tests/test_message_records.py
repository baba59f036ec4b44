"""A data file's records as software messages (``record-kind``, ``source-field``,
``readers.base.message_plan``), Fluent's markup (A106), and D107 on records that differ in
their other columns (a list ``text-field``; a message's key)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from corpuslint import structure
from corpuslint.readers import BUILTIN_READERS, ReaderOptions
from corpuslint.readers.base import file_plan, is_message_key, message_plan

from .conftest import run_cli, run_json

REAL = Path(__file__).parent / "data" / "realtext"
FIREFOX_TSV = REAL / "firefox-el-ui-strings.tsv"  # Firefox el strings (id, text), MPL-2.0
FIREFOX_JSONL = REAL / "firefox-ui-strings.jsonl"  # the same strings as {"id", "text", "lang"}
SPHINX_CSV = REAL / "sphinx-hi-strings.csv"  # Sphinx's Hindi catalogue as msgid,text,occurrence
LAO_CSV = REAL / "laonlp-lao-eng-senses.csv"  # laonlp's Lao-English dictionary (ID, LaoWord, English, ...)

CSV = next(r for r in BUILTIN_READERS if r.format == "csv")
JSONL = next(r for r in BUILTIN_READERS if r.format == "jsonl")


def _codes(data, code=None):
    return sorted((d["record"], d["code"]) for d in data["diagnostics"] if code is None or d["code"] == code)


# -- detection ---------------------------------------------------------------------


def test_firefox_and_sphinx_tables_are_detected_as_messages():
    assert file_plan(CSV, str(FIREFOX_TSV), ReaderOptions()).message  # Fluent keys beside the text
    jsonl = file_plan(JSONL, str(FIREFOX_JSONL), ReaderOptions())  # sentences, but with { $displayUrl }
    assert jsonl.message and jsonl.source_field is None
    sphinx = file_plan(CSV, str(SPHINX_CSV), ReaderOptions())  # a msgid column
    assert sphinx.message and sphinx.source_field == "msgid"


def test_datasets_are_not_detected_as_messages():
    # the Lao dictionary: an ID column of numbers, no source column
    assert not file_plan(CSV, str(LAO_CSV), ReaderOptions(text_field="LaoWord")).message
    # every record format's realtext fixture of data that is not a catalogue reads as it did
    for name in ("chatterbot-riddles.jsonl", "alpaca-en-list-answers.jsonl", "ah-translit-bench-records.csv"):
        reader = CSV if name.endswith(".csv") else JSONL
        rows = [row for _, row in reader.rows(str(REAL / name), ReaderOptions())]
        fields = [f for f in ("text", "output", "Arabic") if f in rows[0]] or list(rows[0])[:1]
        assert not message_plan(rows, ReaderOptions(text_field=fields[0])).message, name
    # ids that read as keys but are a dataset's numbering, a hash or a title; a provenance "source"
    numbered = [{"id": f"doc-{i:04d}", "text": "Name a prime."} for i in range(20)]
    hashed = [{"id": f"{i:08x}deadbeef", "text": "Name a prime."} for i in range(20)]
    titles = [{"id": t, "text": "x"} for t in ("Albert_Einstein", "Ada_Lovelace", "Alan_Turing", "Emmy_Noether",
                                                "Kurt_Godel", "Marie_Curie")]
    provenance = [{"source": "wikipedia", "text": f"Sentence {i} of an article."} for i in range(20)]
    for rows in (numbered, hashed, titles, provenance):
        assert not message_plan(rows, ReaderOptions()).message, rows[0]
    few = [{"source": "%s files", "text": "%s Dateien"}, {"source": "%d lines", "text": "%d Zeilen"}]
    assert not message_plan(few, ReaderOptions()).message  # too few to tell
    # a msgid column is gettext's own name: Sphinx's Tamil catalogue as CSV has two strings
    assert message_plan([{"msgid": "%d found", "text": "%d கண்டு ப்பிடித்த விட்டது"}, {"msgid": "next", "text": "அடுத்த"}],
                        ReaderOptions()).message


def test_message_keys():
    for key in ("update-failed-main", "aboutDialog-title.title", "malformedURI2",
                "browser/chrome/el/locale/browser/appstrings.properties:fileNotFound"):
        assert is_message_key(key), key
    for key in ("doc-0001", "Albert_Einstein", "12345", "3f2a8b1c", "a", "hello world", "", None):
        assert not is_message_key(key), key


# -- the message rules on tables of messages -----------------------------------------------


def test_firefox_strings_as_tsv_and_jsonl_no_markup_finding_and_two_keys_alike_are_two_entries(tmp_path):
    shutil.copy(FIREFOX_TSV, tmp_path / "firefox_el.tsv")
    shutil.copy(FIREFOX_JSONL, tmp_path / "firefox_strings.jsonl")
    _, data = run_json("--select", "A106,A107,D107,W101", "firefox_el.tsv", "firefox_strings.jsonl", cwd=tmp_path)
    # was: A106 on every <label data-l10n-name="manual-link"> and </label>; D107 on
    # "Ελαχιστοποίηση" (Minimize) for a tooltip and a menu item, and on each string the
    # JSON Lines dump holds under another key
    assert data["diagnostics"] == []


def test_a_message_row_given_twice_stays_a_copy(tmp_path):
    lines = FIREFOX_TSV.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "firefox_el.tsv").write_text("".join(lines + [lines[-1]]), encoding="utf-8")  # the last row again
    jsonl = FIREFOX_JSONL.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "strings.jsonl").write_text("".join(jsonl + [jsonl[3]]), encoding="utf-8")  # line 4 again
    _, data = run_json("--select", "D107", "firefox_el.tsv", "strings.jsonl", cwd=tmp_path)
    assert [(d["path"], d["record"], d["related"][0]["record"]) for d in data["diagnostics"]] == [
        ("firefox_el.tsv", 29, 28), ("strings.jsonl", 13, 4)]


def test_sphinx_msgid_column_relaxes_what_the_msgid_holds_and_keeps_the_translators_space(tmp_path):
    shutil.copy(SPHINX_CSV, tmp_path / "sphinx_hi.csv")
    _, data = run_json("--select", "A107,W101", "sphinx_hi.csv", cwd=tmp_path)
    # was also W101 on #9 (", में ": msgid ", in " ends in a space too) and A107 on the
    # msgid's own "&#8212;" (#11, #12); "खोज परीणाम " for "Search Results" is the translator's
    assert _codes(data) == [(5, "W101")]


def test_record_kind_text_and_per_glob_tables(tmp_path):
    shutil.copy(SPHINX_CSV, tmp_path / "sphinx_hi.csv")
    (tmp_path / "pyproject.toml").write_text('[tool.corpuslint.readers."sphinx_*.csv"]\nrecord-kind = "text"\n')
    _, data = run_json("--select", "A107,W101", "sphinx_hi.csv", cwd=tmp_path)
    assert _codes(data) == [(5, "W101"), (9, "W101"), (11, "A107"), (12, "A107")]  # read as prose: as before
    (tmp_path / "pyproject.toml").write_text('[tool.corpuslint.readers."other/*.csv"]\nrecord-kind = "text"\n')
    _, data = run_json("--select", "A107,W101", "sphinx_hi.csv", cwd=tmp_path)
    assert _codes(data) == [(5, "W101")]  # the glob does not match: detected


def test_record_kind_message_and_source_field_declared(tmp_path):
    # the Sphinx strings with their columns renamed: nothing to detect, the config says so
    text = SPHINX_CSV.read_text(encoding="utf-8").replace("msgid,text,occurrence", "english,hindi,where", 1)
    (tmp_path / "strings.csv").write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.corpuslint.readers.csv]\ntext-field = "hindi"\n')
    _, data = run_json("--select", "A107,W101", "strings.csv", cwd=tmp_path)
    assert _codes(data) == [(5, "W101"), (9, "W101"), (11, "A107"), (12, "A107")]
    (tmp_path / "pyproject.toml").write_text('[tool.corpuslint.readers.csv]\ntext-field = "hindi"\n'
                                             'source-field = "english"\n')
    _, data = run_json("--select", "A107,W101", "strings.csv", cwd=tmp_path)
    assert _codes(data) == [(5, "W101")]
    (tmp_path / "pyproject.toml").write_text('[tool.corpuslint.readers]\nrecord-kind = "nonsense"\n')
    proc = run_cli("check", "strings.csv", cwd=tmp_path)
    assert proc.returncode == 2 and "record-kind: must be one of 'auto', 'message', 'text'" in proc.stderr


# -- Fluent's markup anywhere --------------------------------------------------------------


def test_fluent_elements_are_the_programs_markup_in_any_text(tmp_path):
    rows = [line.split("\t", 1)[1] for line in FIREFOX_TSV.read_text(encoding="utf-8").splitlines()[1:]]
    fluent = [r for r in rows if "data-l10n-name" in r]
    assert len(fluent) == 9
    # one string a paragraph in a plain text: no message kind there, the elements are Fluent's
    (tmp_path / "strings.txt").write_text("\n\n".join(fluent) + "\n", encoding="utf-8")
    _, data = run_json("--select", "A106", "strings.txt", cwd=tmp_path)
    assert data["diagnostics"] == []
    # a tag that is no Fluent element, in the same text, is still a leftover
    (tmp_path / "strings.txt").write_text("\n\n".join(fluent + [fluent[0].replace(" data-l10n-name=", " class=")])
                                          + "\n", encoding="utf-8")
    _, data = run_json("--select", "A106", "strings.txt", cwd=tmp_path)
    assert [d["message"] for d in data["diagnostics"]] == ["HTML markup `<label class=\"download-status\">`",
                                                         "HTML markup `</label>`"]
    spans = structure.fluent_elements(fluent[0])
    assert [fluent[0][a:b] for a, b in spans] == ['<label data-l10n-name="download-status">{ $transfer }</label>']


# -- D107: what makes a record the same ----------------------------------------------------


def test_dictionary_senses_are_not_copies_with_a_list_text_field_and_a_whole_row_again_is(tmp_path):
    shutil.copy(LAO_CSV, tmp_path / "lao.csv")
    _, data = run_json("--select", "D107", "--text-field", "text,th,LaoWord", "lao.csv", cwd=tmp_path)
    # was: 7 findings, each head word given again with another English sense (#30: ຈຸໄຣ
    # "line of depilation around the topknot" after #29 "the hairline")
    assert [(d["record"], d["related"][0]["record"]) for d in data["diagnostics"]] == [("34.LaoWord", "3.LaoWord")]
    # ID 10034 repeats ID 9300 (ຈື່, remember, cheu, v) but for its ID: a copy


def test_one_text_field_compares_the_text_alone_as_before(tmp_path):
    shutil.copy(LAO_CSV, tmp_path / "lao.csv")
    _, data = run_json("--select", "D107", "--text-field", "LaoWord", "lao.csv", cwd=tmp_path)
    assert (30, 29) in [(d["record"], d["related"][0]["record"]) for d in data["diagnostics"]]
    assert len(data["diagnostics"]) == 7


def test_a_jsonl_line_repeated_verbatim_is_a_copy_with_a_list_text_field(tmp_path):
    objs = [json.loads(line) for line in FIREFOX_JSONL.read_text(encoding="utf-8").splitlines()]
    rows = [{"id": n, "text": o["text"], "note": o["id"]} for n, o in enumerate(objs, 1)]
    rows.append(dict(rows[0], id=99))  # the first record again, under another number
    rows.append(dict(rows[1], id=100, note="elsewhere"))  # the second's text, another note: not a copy
    (tmp_path / "d.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                      encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.corpuslint.readers]\nrecord-kind = "text"\n')
    _, data = run_json("--select", "D107", "--text-field", "text,body", "d.jsonl", cwd=tmp_path)
    assert [(d["record"], d["related"][0]["record"]) for d in data["diagnostics"]] == [("13.text", "1.text")]


def test_one_entry_in_two_catalogues_is_two_entries(tmp_path):
    # Sphinx's "%(filename)s &#8212; %(docstitle)s" is left as it is by every language: the
    # same row in the Hindi and the Nepali catalogue is each catalogue's entry, not a copy
    shutil.copy(SPHINX_CSV, tmp_path / "sphinx_hi.csv")
    shutil.copy(SPHINX_CSV, tmp_path / "sphinx_ne.csv")
    _, data = run_json("--select", "D107", "sphinx_hi.csv", "sphinx_ne.csv", cwd=tmp_path)
    assert data["diagnostics"] == []


# -- --fix of a message catalogue ----------------------------------------------------


def test_fix_of_a_message_catalogue_reports_what_a_check_after_it_finds(tmp_path):
    """fresh34 bug 1: ``--fix --fix-data`` on Firefox's Thai strings re-linted the rewritten file
    from records the store held without their message flag, source or other columns
    (``DocumentStore._compact``): read as prose, 7,704 messages gave 14,843 findings (Q108, Q105,
    D107 ...) where a check after the fix finds 3. Here two messages mend (a doubled space, a
    no-break space) and nothing else is found, before the fix or after it."""
    shutil.copy(REAL / "firefox-th-ui-strings.jsonl", tmp_path / "ui.jsonl")
    (tmp_path / "corpuslint.toml").write_text("", encoding="utf-8")
    _, before = run_json("ui.jsonl", cwd=tmp_path)
    assert sorted(d["code"] for d in before["diagnostics"]) == ["W102", "W103"]
    _, fixed = run_json("ui.jsonl", "--fix", "--fix-data", cwd=tmp_path)
    _, after = run_json("ui.jsonl", cwd=tmp_path)
    assert fixed["summary"]["fixed"] == 2
    assert fixed["diagnostics"] == after["diagnostics"] == []
