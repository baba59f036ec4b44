"""Kinds left from the last stop (left16), each next to a real finding of the same rule
still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

import json

from .conftest import run_cli, run_json


def _line(record) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def _jsonl(tmp_path, *records, name: str = "chat.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"".join(_line(r) + b"\n" for r in records))
    return path


# -- plugin Q104/Q109: a user's turn is the model's input --------------------------------

# chatterbot-corpus (BSD-3-Clause), english/ai.yml as chat-chatterbot stores it: a
# user's question typed without its question mark, then the bot's answer
ROBOT = [{"id": "ai:58:0", "role": "user", "text": "What is your robot body"},
         {"id": "ai:58:1", "role": "assistant", "text": "An IBM PC XT which has been painted red."}]
# fresh15's sharegpt-ru (manpages-l10n 4.18.1, GPL-3+): rpc(5)'s example file flattened
# into a reply (no line ends in a mark: what Q104 is for), and pthreads(7)'s list of
# attributes cut from its lead-in (a reply made of bullets alone: what Q109 is for)
RPC_REPLY = ("# # rpc 88/08/01 4.0 RPCSRC; from 1.12   88/02/07 SMI # portmapper      100000  portmap sunrpc "
             "rstatd          100001  rstat rstat_svc rup perfmeter rusersd         100002  rusers nfs             "
             "100003  nfsprog ypserv          100004  ypprog mountd          100005  mount showmount")
PTHREADS_REPLY = ("•  Идентификатор группы процессов и сеанса\n\n•  Управляющий терминал\n\n"
                  "•  Идентификаторы пользователя и группы\n\n•  Открытые файловые дескрипторы\n\n"
                  "•  Обычные блокировки (смотрите fcntl(2))\n\n•  Обработчики сигналов")
# LLaMA-Factory's glaive_toolcall_zh_demo (Apache-2.0), example 49: the user's request
# is four numbered questions
WIND = [{"role": "user", "content": "1. 你能想出不同种类的文学手法来传达风在不同环境中的力量吗，除了比喻手法之外？\n"
                                    "2. 分析一下句子“风是一位无情的主人”在沙漠或海洋环境中变化的意义。\n"
                                    "3. 分享你对自然，特别是火和水，如何影响人类情感和体验的看法。\n"
                                    "4. 最后，比较和对比不同语言形式在表达自然力量这一主题上的有效性。你能提供一个包含这一主题的谜语吗？"},
        {"role": "assistant", "content": PTHREADS_REPLY}]


def test_unterminated_user_turn_is_not_measured_but_a_reply_is(tmp_path):
    records = [*ROBOT, {"id": "rpc.5:0", "role": "user", "text": "Расскажи подробнее."},
               {"id": "rpc.5:1", "role": "assistant", "text": RPC_REPLY}]
    path = _jsonl(tmp_path, *records)
    _, report = run_json("--select", "Q104", "--id-field", "id", str(path))
    # lead: "What is your robot body" (a user's question) was reported too
    assert [f["record"] for f in report["diagnostics"]] == ["rpc.5:1"]


def test_bulleted_user_turn_is_not_measured_but_a_bulleted_reply_is(tmp_path):
    path = _jsonl(tmp_path, {"messages": WIND})
    _, report = run_json("--select", "Q109", "--text-field", "messages[*].content", str(path))
    # lead: the user's four numbered questions (1.2 is the reply) were reported too
    assert [f["record"] for f in report["diagnostics"]] == ["1.2"]


# -- W110: a UTF-8 byte-order mark before a JSON array or a CSV header ---------------------

# fresh15's sharegpt-ru records pldd.1 and ram.4 (fixb15's), as a ShareGPT JSON array saved "UTF-8 with BOM"
from .test_fixb15_kinds import BOM, PLDD, RAM, SHAREGPT  # noqa: E402


def _json_array(tmp_path, mark: bytes = BOM):
    path = tmp_path / "chat.json"
    path.write_bytes(mark + json.dumps([PLDD, RAM], ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    return path


def test_json_array_with_a_bom_reports_the_mark_on_record_one(tmp_path):
    _, report = run_json(*SHAREGPT, "--select", "W,F", str(_json_array(tmp_path)))
    found = [(f["record"], f["code"]) for f in report["diagnostics"]]
    # lead: read silently, only the real double space was reported
    assert ("pldd.1.1", "W110") in found
    assert ("pldd.1.3", "W103") in found  # record 1 is read as before
    w110 = [f for f in report["diagnostics"] if f["code"] == "W110"]
    assert len(w110) == 1 and w110[0]["fix"] is None and "json.load" in w110[0]["message"]
    assert not any(code.startswith("F") for _, code in found)
    # the same file without the mark: no W110
    _, report = run_json(*SHAREGPT, "--select", "W110", str(_json_array(tmp_path, b"")))
    assert report["diagnostics"] == []


def test_json_array_bom_stays_byte_exact_when_record_one_is_fixed(tmp_path):
    path = _json_array(tmp_path)
    before = path.read_bytes()
    proc = run_cli("check", "--no-cache", *SHAREGPT, "--select", "W103,W110", "--fix", "--fix-data", str(path))
    assert proc.returncode in (0, 1), proc.stderr
    assert path.read_bytes() == before.replace("Команда  pldd".encode(), "Команда pldd".encode())


def test_filter_dropping_w110_keeps_record_one_of_a_json_array(tmp_path):
    path = _json_array(tmp_path)
    out = tmp_path / "out.jsonl"
    proc = run_cli("filter", *SHAREGPT, "--drop", "W110", str(path), str(out))
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["pldd.1", "ram.4"]


# fresh15's csv-pl (manpages-pl 4.18.1, GPL-3+): whole man pages in cells; here dc(1)'s
# NAZWA and OPIS lines, saved with a BOM
DC_BODY = ("NAZWA\n       dc - kalkulator dowolnej precyzji\n\nOPIS\n"
           "       dc jest kalkulatorem pracującym w odwrotnej notacji polskiej, obsługującym arytmetykę\n"
           "       nieograniczonej precyzji.  Pozwala również na definiowanie i wywoływanie makr.\n")


def _csv(tmp_path, mark: bytes = BOM):
    import csv
    import io

    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(["id", "section", "name", "body"])
    writer.writerow(["dc.1", "1", "dc - kalkulator dowolnej precyzji", DC_BODY])
    writer.writerow(["ram.4", "4", "ram - urządzenie dysku w pamięci", "NAZWA\n       ram - urządzenie dysku w pamięci\n"])
    path = tmp_path / "manpages.csv"
    path.write_bytes(mark + buf.getvalue().encode("utf-8"))
    return path


def test_csv_with_a_bom_reports_the_mark_on_record_one(tmp_path):
    args = ("--text-field", "body", "--id-field", "id", "--select", "W110,F")
    _, report = run_json(*args, str(_csv(tmp_path)))
    # lead: read silently (utf-8-sig), nothing reported. The record is named by its id:
    # the mark is not glued to the "id" column's name (that would be an F005 for the file)
    assert [(f["record"], f["code"]) for f in report["diagnostics"]] == [("dc.1", "W110")]
    assert report["diagnostics"][0]["fix"] is None and "csv" in report["diagnostics"][0]["message"]
    _, report = run_json(*args, str(_csv(tmp_path, b"")))
    assert report["diagnostics"] == []


def test_filter_dropping_w110_keeps_record_one_of_a_csv(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run_cli("filter", "--text-field", "body", "--id-field", "id", "--drop", "W110", str(_csv(tmp_path)), str(out))
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["dc.1", "ram.4"]


# -- W115: a space escaped by a backslash is reST markup ---------------------------------

def spans(code: str, text: str, path: str = "page.txt") -> list[str]:
    from corpuslint import lint_text

    return [text[f.start : f.end] for f in lint_text(text, path=path, config={"select": [code], "cache": False})]


# Sphinx docs (BSD-2-Clause), doc/usage/restructuredtext/roles.rst lines 268-271
CWE = ("   A reference to a `Common Weakness Enumeration`_.\n"
       "   This generates appropriate index entries.\n"
       "   The text \"CWE *number*\\ \" is generated; in the HTML output,\n"
       "   with a link to an online copy of the specified CWE.\n")
# debian-handbook-zh (GPL-2+ / CC-BY-SA-3.0), sect.foundation-documents: labelled tp
GPL_ZH = "“GNU通用公共许可证 ”, “BSD”, 和 “艺术” 许可证是一些我们认为“自由”的例子。\n"


def test_escaped_space_before_a_closing_quote_is_markup():
    assert spans("W115", CWE, "roles.rst") == []  # lead: the space after the backslash was reported
    assert spans("W115", GPL_ZH) == [" "]  # a stray space inside curly quotes still is


# -- A101: identifiers that are words, counting examples, a named data URI, a timestamp ----

# Sphinx docs (BSD-2-Clause), doc/changes/2.0.rst line 13: a class name
SPHINX_WARNING = "* LaTeX: some system labels are not translated\n* RemovedInSphinx30Warning is marked as pending\n"
# LLaMA-Factory glaive_toolcall_en_demo (Apache-2.0) examples 168 (turn 4) and 284 (turn 5),
# glaive_toolcall_zh_demo 263 (turn 6)
PASSWORD = "Here is your new password: A1b2C3d4E5f6. Please make sure to save it in a secure place.\n"
PASSWORD_ZH = "您的新密码是：a1b2c3d4e5f6。请确保将其保存在安全的地方。\n"
QR_CODE = ('{"qr_code": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAMgAAADICAYAAACtWK6eAAAACXBIWXMAAAsTAAA'
           'LEwEAmpwYAAAKT2lDQ1BQaG90b3Nob3AgSUN... (truncated)"}\n')
# webvtt-py's test file invalid_timeframe.vtt (MIT), whole: its second timing line is broken
VTT = ("WEBVTT\n\n00:00:00.500 --> 00:00:07.000\nCaption text #1\n\n"
       "00:00:07.000 --> 00:00:1d.890\nCaption text #2\n")
# samples/news-ar/001 line 31: an element id glued to a headline (the rule's own example)
NEWS_ID = "2a02-4780-11–4f جزيرة إم آند إم\n"


def test_words_counting_values_data_uris_and_timestamps_are_not_ids():
    for text in (SPHINX_WARNING, PASSWORD, PASSWORD_ZH, QR_CODE, VTT):
        assert spans("A101", text) == [], text  # lead: each was reported
    assert spans("A101", NEWS_ID) == ["2a02-4780-11–4f"]
    # a hash that does not count, a base64 blob no word names: still reported
    assert spans("A101", "Here is your new password: 9fceb02d0ae5. Save it.\n") == ["9fceb02d0ae5"]
    assert spans("A101", "see iVBORw0KGgoAAAANSUhEUgAAAMgAAADICAYAAACtWK6e here\n") == [
        "iVBORw0KGgoAAAANSUhEUgAAAMgAAADICAYAAACtWK6e"]


# -- D101: a help page's step again in its next section, or in a second pass ------------

def test_a_step_repeated_under_a_long_title_is_no_copy():
    from pathlib import Path

    data = Path(__file__).parent / "data" / "realtext"
    # "Περιορίσετε το χρονικό διάστημα ... σας" (11 words, no full stop, between two
    # sentences) opens the second procedure: its "Click on File History & Trash to open
    # the panel." is that procedure's step (lead: lines 23 and 29 reported)
    privacy = (data / "gnome-help-el-privacy-history-recent-off.txt").read_text(encoding="utf-8")
    assert spans("D101", privacy) == []
    # a headline printed twice (samples/news-ar/004, lines 1 and 3): still a copy
    news = next((Path(__file__).parents[1] / "samples" / "news-ar").glob("004_*.txt")).read_text(encoding="utf-8")
    assert spans("D101", news) == ["زيارة محتملة للرئيس الروسي بوتين إلى كوريا الشمالية"]


# -- A103: a list item the author wrote, the end of a wrapped sentence ---------------------

# docutils docs (public domain): dev/enthought-rfp.rst lines 34-36, ref/rst/directives.rst
# lines 1524-1526, peps/pep-0258.rst lines 840-845 (PEP 258 quoting the Python Reference
# Manual); Flask docs (BSD-3-Clause) tutorial/next.rst lines 19-26
ENTHOUGHT = ("1. Documentation will be generated directly from Python source code,\n"
             "   drawing from the code structure, docstrings, and possibly other\n"
             "   comments.\n")
COPYRIGHT_EXAMPLE = ("results in:\n\n    Copyright |copy| 2003, |BogusMegaCorp (TM)| |---|\n"
                     "    all rights reserved.\n")
PEP_258 = ("       A future statement must appear near the top of the module.  The\n"
           "       only lines that can appear before a future statement are:\n\n"
           "       * the module docstring (if any),\n       * comments,\n       * blank lines, and\n"
           "       * other future statements.\n")
FLASK_IDEAS = ("*   A detail view to show a single post. Click a post's title to go to\n    its page.\n"
               "*   Like / unlike a post.\n*   Comments.\n*   Tags. Clicking a tag shows all the posts with that tag.\n"
               "*   A search box that filters the index page by name.\n")
# llm-data-llamafactory c4_demo (ODC-BY) record 27 line 4: a web page's copyright line (tp)
C4_COPYRIGHT = "Coosa Creek, LLC. All rights reserved; 2010.\n"


def test_list_items_and_wrapped_sentence_ends_are_no_boilerplate():
    assert spans("A103", ENTHOUGHT, "enthought-rfp.rst") == []
    assert spans("A103", COPYRIGHT_EXAMPLE, "directives.rst") == []
    assert spans("A103", PEP_258, "pep-0258.rst") == []
    assert spans("A103", FLASK_IDEAS, "next.rst") == []
    assert spans("A103", C4_COPYRIGHT) == ["Coosa Creek, LLC. All rights reserved; 2010."]
    # a comment form's label alone on its line, and one a "•" list kept from a page: still reported
    assert spans("A103", "Great article today\n\nLeave a comment\n") == ["Leave a comment"]
    assert spans("A103", "• Leave a comment\n") == ["• Leave a comment"]


# -- plugin Q113: a requested letter's apology is no refusal -----------------------------

# LLaMA-Factory alpaca_en_demo (Apache-2.0) example 780, output (the instruction: "Generate
# an excuse for not coming to work"), its first two sentences; glaive_toolcall_en_demo's
# refusal (the rule's own example, labelled tp)
SICK_DAY = ("I'm sorry, but I'm unable to come into work today due to unforeseen medical issues. I woke up with "
            "a severe migraine and I am unable to get out of bed without feeling dizzy and nauseous.\n")
NO_FLIGHTS = "I'm sorry, but I don't have the capability to book flights. My current function allows me to search.\n"


def test_an_excuse_for_not_coming_to_work_is_no_refusal():
    assert spans("Q113", SICK_DAY) == []  # lead: reported as a refusal
    assert spans("Q113", NO_FLIGHTS) == ["I'm sorry, but I don't have the capability to book flights."]
    assert spans("Q113", "I'm sorry, but I'm unable to help with that request.\n") == [
        "I'm sorry, but I'm unable to help with that request."]


# -- A106: a PHP script's HTML, SGML's empty end tag, element names joined in reST ---------

# LLaMA-Factory dpo_en_demo (Apache-2.0) example 132, the chosen reply (verbatim, whole)
PHP_REPLY = "Hello! I'm here to help you with your PHP code for a guessing game. However, I must inform you that the code you provided contains a security vulnerability that could potentially expose user input to unauthorized access.\nIn the code you provided, the `$_POST['guess']` variable is being used without proper sanitization or filtering. This could allow an attacker to inject malicious data into the system, potentially leading to a security breach.\nTo fix this issue, I recommend implementing proper input validation and sanitization techniques to ensure that user input is safe and secure. One approach is to use the `filter_var()` function in PHP, which can help filter out any malicious input and prevent security breaches.\nHere's an updated version of the code that includes input validation and sanitization:\n<?php\n$word = \"carriage\";\n$guess = filter_var($_POST['guess'], FILTER_SANITIZE_STRING);\nif($guess == $word) {\n    echo \"Congratulations! You guessed the word!\";\n    } else {\n        echo \"Sorry, that is not the correct word. Please try again.\";\n    }\n?>\n<form method=\"POST\">\n    <label for=\"guess\">Guess the word:</label>\n    <input type=\"text\" id=\"guess\" name=\"guess\" value=\"<?php echo $guess;?>\">\n\n    <button type=\"submit\" name=\"submit\">Submit</button>\n</form>\nI hope this updated code helps you create a safe and secure guessing game! If you have any further questions or concerns, please feel free to ask."
# docutils docs (public domain): dev/todo.rst lines 260-274 (a book's SGML, shown) and 1992-2003,
# ref/doctree.rst lines 1821-1823
ADMONITION = "  When I was working with SGML in Japan, we had a system where there\n  was a top-level coordinating file, book.sgml, which contained the\n  top-level structure of a book: the <book> element, containing the\n  book <title> and empty component elements (<preface>, <chapter>,\n  <appendix>, etc.), each with filename attributes pointing to the\n  actual source for the component.  Something like this::\n\n      <book id=\"bk01\">\n      <title>Title of the Book</title>\n      <preface inrefid=\"pr01\"></preface>\n      <chapter inrefid=\"ch01\"></chapter>\n      <chapter inrefid=\"ch02\"></chapter>\n      <chapter inrefid=\"ch03\"></chapter>\n      <appendix inrefid=\"ap01\"></appendix>\n      </book>\n\n* \"Normalize\" special admonitions (note, hint, warning, ...) during parsing\n  (similar to _`transforms.writer_aux.Admonitions`). There is no need to\n  keep them as distinct elements in the doctree specification.\n\n  [DG 2017-01-02:] -1: <note>{body}</> is much more concise and\n  expressive than <admonition><title>Note</>{body}</>, and the title\n  translation can be put off until much later in the process.\n\n  [GM 2017-02-04]:\n\n  -0 for <admonition class=note><title>Note</>... instead of <note>:\n     a document is rarely printed/used as doctree or XML.\n"
FIELD = (":Analogues:  <field> has no direct analogues in common DTDs.\n"
         "             HTML_ uses <div> elements inside <dl> lists for\n             grouping <dt>/<dd> pairs.\n")
# dpo_en_demo example 8, the reply's Java sample opened in HTML (a StackOverflow-style
# leftover, labelled tp)
PRE_CODE = "Here is a Java code sample for itinerary planning:\n\n<pre><code>import java.awt.*;\nimport java.awt.GridLayout;\n"


def test_php_scripts_sgml_notation_and_joined_element_names_are_no_leftover_tags():
    assert spans("A106", PHP_REPLY) == []  # lead: <form ...>, <button ...>, </button>, </form>
    assert spans("A106", ADMONITION, "todo.rst") == []  # lead: <title>
    assert spans("A106", FIELD, "doctree.rst") == []  # lead: <dt>, <dd>
    assert spans("A106", PRE_CODE) == ["<pre>", "<code>"]
    assert spans("A106", "The <b>bold</b> word.\n", "page.rst") == ["<b>", "</b>"]  # wrapping a word, in reST too


# -- W101: a .po translation padded to its msgid's width -----------------------------------

# GNU coreutils 9.1 de.po (GPL-3+), the header's first lines and pinky's column headers
# (lines 8462-8468); the third entry, a trailing space the msgid lacks, is made up for the test
PINKY_PO = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
            '#: src/pinky.c:411\nmsgid "When"\nmsgstr "Wann"\n\n'
            '#: src/pinky.c:414\nmsgid "Where"\nmsgstr "Wo   "\n\n'
            'msgid "Idle"\nmsgstr "Untätig "\n\n'
            # Sphinx's fr.po (BSD-2-Clause): one space, a sentence as long as its msgid by chance
            'msgid "image file not readable: %s"\nmsgstr "fichier image %s illisible "\n')


def test_a_translation_padded_to_its_msgids_width_keeps_the_column(tmp_path):
    path = tmp_path / "de.po"
    path.write_text(PINKY_PO, encoding="utf-8")
    _, report = run_json("--select", "W101", str(path))
    # lead: "Wo   " (line 12) reported too; a space the msgid has no room for still is
    assert [(f["line"], f["column"], f["end_column"]) for f in report["diagnostics"]] == [(15, 16, 17), (18, 35, 36)]
