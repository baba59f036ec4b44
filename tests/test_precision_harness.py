"""The real-text precision harness (benchmarks/precision.py, benchmarks/realtext.py):
label fingerprints, precision arithmetic, word counts, HTML extraction. No network."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import precision  # noqa: E402
import realtext  # noqa: E402


def finding(code, path, line, col, end_col, severity="error"):
    return {"code": code, "path": path, "line": line, "column": col, "end_line": line,
            "end_column": end_col, "severity": severity, "message": "m"}


@pytest.fixture()
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text("سطر أول\nفي الضروف الصعبة\nقال قال رسول الله\n", encoding="utf-8")
    return tmp_path


def test_span_is_the_flagged_text_by_1_based_end_exclusive_columns(corpus):
    (loc,) = precision.locate([finding("S101", "a.txt", 2, 4, 10)], corpus)
    assert loc.span == "الضروف"
    assert loc.line_text == "في الضروف الصعبة"


def test_label_survives_line_renumbering_and_whitespace_changes(corpus):
    before = precision.locate([finding("S101", "a.txt", 2, 4, 10)], corpus)
    label = precision.stub(before[0], "c") | {"label": "tp"}
    # the file gains two lines on top and the flagged line gets a double space
    (corpus / "a.txt").write_text("جديد\nجديد\nسطر أول\nفي  الضروف الصعبة\nقال قال رسول الله\n", encoding="utf-8")
    after = precision.locate([finding("S101", "a.txt", 4, 5, 11)], corpus)
    assert after[0].span == "الضروف"
    table = precision.precision_table(after, [label])
    assert table["S101"] == {"count": 1, "labelled": 1, "tp": 1, "fp": 0, "precision": 1.0,
                             "gone_tp": 0, "gone_fp": 0}


def test_label_does_not_match_another_code_or_another_line(corpus):
    loc = precision.locate([finding("S101", "a.txt", 2, 4, 10)], corpus)[0]
    label = precision.stub(loc, "c") | {"label": "fp"}
    other_code = precision.locate([finding("S102", "a.txt", 2, 4, 10)], corpus)
    other_line = precision.locate([finding("S101", "a.txt", 3, 1, 4)], corpus)
    assert precision.precision_table(other_code, [label])["S101"]["gone_fp"] == 1
    row = precision.precision_table(other_line, [label])["S101"]
    assert (row["labelled"], row["gone_fp"], row["precision"]) == (0, 1, None)


def test_precision_counts_only_labels_that_still_occur():
    def loc(code, span, h):
        return precision.Located({}, "", span, precision.fingerprint(code, "p.txt", span, h))

    located = [loc("S104", "قال", "h1"), loc("S104", "قال", "h2"), loc("S104", "x", "h3"),
               loc("S101", "y", "h4")]
    labels = [
        {"code": "S104", "path": "p.txt", "span": "قال", "line_hash": "h1", "label": "fp"},
        {"code": "S104", "path": "p.txt", "span": "قال", "line_hash": "h2", "label": "fp"},
        {"code": "S104", "path": "p.txt", "span": "x", "line_hash": "h3", "label": "tp"},
        {"code": "S104", "path": "p.txt", "span": "z", "line_hash": "h9", "label": "fp"},  # gone
        {"code": "S101", "path": "p.txt", "span": "y", "line_hash": "h4", "label": "fp"},
        {"code": "S101", "path": "p.txt", "span": "y", "line_hash": "h4", "label": "tp"},  # relabelled
        {"code": "W101", "path": "p.txt", "span": "w", "line_hash": "h5", "label": "tp"},  # gone, rule silent now
    ]
    table = precision.precision_table(located, labels)
    assert table["S104"]["count"] == 3
    assert (table["S104"]["tp"], table["S104"]["fp"], table["S104"]["gone_fp"]) == (1, 2, 1)
    assert table["S104"]["precision"] == pytest.approx(1 / 3)
    assert (table["S101"]["tp"], table["S101"]["fp"], table["S101"]["precision"]) == (1, 0, 1.0)
    assert table["W101"] == {"count": 0, "labelled": 0, "tp": 0, "fp": 0, "precision": None,
                             "gone_tp": 1, "gone_fp": 0}


def test_labels_file_rejects_unknown_label_values(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"code": "S101", "path": "a", "span": "b", "line_hash": "c", "label": "?"}) + "\n")
    with pytest.raises(ValueError, match="label must be"):
        precision.load_labels(path)


def test_pick_skips_labelled_findings_and_is_seeded(corpus):
    located = precision.locate([finding("S104", "a.txt", 3, 1, 8), finding("S101", "a.txt", 2, 4, 10)], corpus)
    labels = [precision.stub(located[0], "c") | {"label": "fp"}]
    assert precision.pick(located, "S104", 5, labels, seed=1) == []
    assert precision.pick(located, "S101", 5, [], seed=1) == precision.pick(located, "S101", 5, [], seed=1)


def test_word_count_counts_characters_over_two_for_scripts_without_spaces():
    assert realtext.count_words("في الظروف الصعبة، قال: hello world") == 6
    assert realtext.count_words("بِسْمِ اللَّهِ") == 2  # harakat stay inside the word
    assert realtext.count_words("می‌دانیم") == 1  # ZWNJ is part of a Persian word
    assert realtext.count_words("人人生而自由") == 3
    assert realtext.count_words("มนุษย์ทั้งหลาย") == pytest.approx(7)


def test_html_to_text_keeps_pre_and_drops_navigation():
    markup = (
        "<html><head><title>t</title></head><body><ul class='docnav'><li>Prev</li></ul>"
        "<div class='para'>First   <code>apt</code>\n paragraph.</div>"
        "<pre class='programlisting'># apt install x\n  indented  line\n</pre>"
        "<table><tr><th>a</th><td>b</td></tr></table><p>Last &amp; done</p></body></html>"
    )
    assert realtext.html_to_text(markup, {"docnav"}) == (
        "First apt paragraph.\n\n# apt install x\n  indented  line\n\na\nb\n\nLast & done\n"
    )


def test_mallard_help_pages_keep_key_sequences_menu_paths_and_link_targets():
    markup = (
        '<page><info><credit><name>Someone</name></credit></info><title>عنوان</title>'
        "<p>Press <keyseq><key>Shift</key><key>Delete</key></keyseq>, choose "
        "<guiseq><gui>File</gui>\n <gui>Export</gui></guiseq>. See <link xref=\"files-rename\"/>.</p>"
        "<screen>$ ls  -l\n</screen></page>"
    )
    text = realtext.html_to_text(markup, block_tags=realtext.MALLARD_BLOCKS, pre_tags=("screen",),
                                 skip_tags=realtext.SKIP_TAGS | {"info"},
                                 seq_separators={"keyseq": "+", "guiseq": " ▸ "}, empty_link=("link", "xref", "href"))
    assert text == "عنوان\n\nPress Shift+Delete, choose File ▸ Export. See files-rename.\n\n$ ls  -l\n"


def test_mallard_conditionals_keep_one_branch_so_platform_variants_are_not_duplicates():
    page = (
        '<page xmlns="http://projectmallard.org/1.0/" xmlns:if="http://projectmallard.org/if/1.0/">'
        '<p>Open <if:choose><if:when test="platform:gnome-classic">the menu</if:when>'
        '<if:else>the <em>overview</em></if:else></if:choose> now.</p>'
        '<note if:test="!platform:gnome">only on Ubuntu</note><p if:test="platform:x, platform:gnome">shown</p></page>'
    )
    text = realtext.html_to_text(realtext.mallard_flatten(page), block_tags=realtext.MALLARD_BLOCKS)
    assert text == "Open the overview now.\n\nshown\n"


def test_columns_on_the_first_line_do_not_count_a_bom(tmp_path):
    (tmp_path / "b.txt").write_text("\ufeffفي  الضروف\n", encoding="utf-8")
    (loc,) = precision.locate([finding("W103", "b.txt", 1, 3, 5)], tmp_path)
    assert loc.span == "  "
    assert loc.line_text == "في  الضروف"


def test_fortune_files_become_paragraphs():
    data = "\x1b[32m《送别》\x1b[m\n\x1b[33m作者：王维\x1b[m\n下马饮君酒，\n%\nArt is a jealous mistress.\n\t\t-- Ralph Waldo Emerson\n%\n"
    assert realtext.fortune_text(data) == (
        "《送别》\n作者：王维\n下马饮君酒，\n\nArt is a jealous mistress.\n\t\t-- Ralph Waldo Emerson"
    )


def test_po_msgstrs_are_the_translations_one_per_string_and_plural_form():
    # the shape of Django's humanize .po (de): header, a fuzzy entry, plural forms,
    # continuation lines with escapes, an untranslated string and an obsolete entry
    po = (
        '# German translation\nmsgid ""\nmsgstr ""\n"Project-Id-Version: django\\n"\n"Language: de\\n"\n\n'
        '#: humanize/templatetags/humanize.py:35\nmsgctxt "ordinal 11, 12, 13"\nmsgid "{}th"\nmsgstr "{}."\n\n'
        '#, fuzzy\nmsgid "%(value).1f million"\nmsgid_plural "%(value).1f million"\n'
        'msgstr[0] "%(value).1f Million"\nmsgstr[1] "%(value).1f Millionen"\n\n'
        'msgid ""\n"a long "\n"message"\nmsgstr ""\n"vor %(count)s\u00a0Sekunden, "\n"\\"zitiert\\"\\n"\n"zweite\\tZeile"\n\n'
        'msgid "untranslated"\nmsgstr ""\n\n#~ msgid "old"\n#~ msgstr "alt"\n'
    )
    assert realtext.po_msgstrs(po) == [
        "{}.", "%(value).1f Million", "%(value).1f Millionen",
        'vor %(count)s\u00a0Sekunden, "zitiert"\nzweite\tZeile',
    ]


def test_jsonl_records_are_counted_and_located_by_their_text_field(tmp_path):
    realtext.write_jsonl(tmp_path, "q.jsonl", [{"id": "1:1", "text": "In the name of Allah"},
                                              {"id": "1:2", "text": "Narrated Jabir:\nWhen the  Prophet"}])
    path = tmp_path / "q.jsonl"
    assert path.read_text(encoding="utf-8").count("\n") == 2
    assert realtext.count_words(realtext.linted_text(path)) == 5 + 5
    # corpuslint numbers a record by its line in the file and a line inside its text
    (loc,) = precision.locate([finding("W103", "q.jsonl", 2, 9, 11) | {"record": 2}], tmp_path)
    assert (loc.span, loc.line_text) == ("  ", "When the  Prophet")


def test_chatterbot_dialogues_become_one_chat_message_a_record():
    # the shape of chatterbot-corpus 1.3.3's YAML: categories, dialogues of alternating
    # turns; YAML 1.1 would read "no" as false and 22 as an int, the corpus wrote text;
    # ukrainian/ai.yml writes one dialogue as a single "Q? - A." string
    data = (
        "categories:\n- ai\nconversations:\n- - Хто ти?\n  - Я просто штучний інтелект.\n  - no\n"
        "- - '22'\n  - 22\n- Хто ти? - Я просто штучний інтелект.\n"
    )
    records = realtext.chatterbot_messages(data, "ai")
    assert [(r["id"], r["role"], r["text"]) for r in records] == [
        ("ai:0:0", "user", "Хто ти?"), ("ai:0:1", "assistant", "Я просто штучний інтелект."),
        ("ai:0:2", "user", "no"), ("ai:1:0", "user", "22"), ("ai:1:1", "assistant", "22"),
        ("ai:2:0", "user", "Хто ти? - Я просто штучний інтелект."),
    ]
    with pytest.raises(ValueError):
        realtext.chatterbot_messages("categories:\n- ai\n", "ai")


def test_instruction_dataset_fields_become_one_file_of_records_each():
    # the shape of an Alpaca-format dataset (LLaMA-Factory's alpaca_en_demo.json):
    # instruction, input (mostly empty), output
    records = [{"instruction": "Describe a process.", "input": "", "output": "First,\n\n1. mix"},
               {"instruction": "Translate this.", "input": "Bonjour", "output": "Hello"},
               {"instruction": "No output"}]
    assert realtext.field_records(records, "input") == [{"id": 1, "text": "Bonjour"}]
    assert realtext.field_records(records, "output") == [{"id": 0, "text": "First,\n\n1. mix"}, {"id": 1, "text": "Hello"}]
    assert [r["id"] for r in realtext.field_records(records, "instruction")] == [0, 1, 2]


def test_chat_datasets_become_one_example_a_record():
    # the shapes of LLaMA-Factory's chat demos: ShareGPT conversations (glaive_toolcall),
    # a preference pair after the prompt (dpo), OpenAI-style messages (kto)
    records = [
        {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!"},
                           {"from": "function_call", "value": "{}"}], "tools": "[]"},
        {"conversations": [{"from": "human", "value": "Rate this"}],
         "chosen": {"from": "gpt", "value": "Good."}, "rejected": {"from": "gpt", "value": "Bad."}},
        {"messages": [{"role": "user", "content": "Q"}, {"role": "assistant", "content": "A"}], "label": True},
    ]
    assert realtext.chat_examples(records) == [
        {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"},
                      {"role": "function_call", "content": "{}"}], "tools": "[]"},
        {"messages": [{"role": "user", "content": "Rate this"}, {"role": "assistant", "content": "Good."},
                      {"role": "assistant", "content": "Bad.", "rejected": True}]},
        {"messages": [{"role": "user", "content": "Q"}, {"role": "assistant", "content": "A"}], "label": True},
    ]


def test_a_turn_of_a_chat_record_is_located_in_its_message(tmp_path):
    lines = [json.dumps({"messages": [{"role": "user", "content": "Hi"},
                                      {"role": "assistant", "content": "Hello!\nHow can I help?"}]})]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    src = precision.LineSource(tmp_path)
    assert src.line("c.jsonl", 2, "1.2") == "How can I help?"
    assert src.line("c.jsonl", 1, "1.5") == ""
