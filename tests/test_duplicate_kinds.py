"""False-alarm kinds of the duplicate family (D101-D104) found while labelling the
real-text precision benchmark, each on the real text where it was found
(tests/data/realtext, sources in SOURCE.md there) where its licence allows."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpuslint import lint_paths, lint_text
from corpuslint.families.duplicate import meaning, regions

DATA = Path(__file__).resolve().parent / "data" / "realtext"
NO_CACHE = {"select": ["D"], "cache": False}


def _codes(findings, code):
    return [f for f in findings if f.code == code]


# -- a line that is only a URL or a link is a reference, not prose ------------------------


def test_d104_two_readmes_citing_the_same_rule_urls_are_not_copies(tmp_path, monkeypatch):
    # readme-cjk: two textlint presets list the rules they include, one URL a list item
    # (or block quote): four shared URLs were four D104 warnings
    shutil.copytree(DATA / "readme-cjk-rule-links", tmp_path / "r")
    monkeypatch.chdir(tmp_path / "r")
    assert "> https://github.com/textlint-ja/textlint-rule-no-double-negative-ja" in Path(
        "preset-ja-technical-writing.md").read_text(encoding="utf-8")
    assert _codes(lint_paths(["."], config={"select": ["D"], "cache": False}), "D104") == []


def test_d104_a_copied_paragraph_holding_a_url_is_still_a_copy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    para = ("The preset checks the number of commas in one sentence, as described at "
            "https://github.com/textlint-ja/textlint-rule-max-ten in the rule's own README file.")
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(f"# {name}\n\n{para}\n", encoding="utf-8")
    assert len(_codes(lint_paths(["."], config={"select": ["D104"], "cache": False}), "D104")) == 1


def test_link_only_line():
    for line in ("- https://github.com/textlint-rule/textlint-rule-no-zero-width-spaces",
                 "> https://github.com/textlint-ja/textlint-rule-no-double-negative-ja",
                 ("- [Collection of textlint rule · textlint/textlint Wiki]"
                  "(https://github.com/textlint/textlint/wiki/Collection-of-textlint-rule)"),
                 "<https://example.org/a>", "3. www.example.org/page."):
        assert regions.link_only_line(line), line
        assert regions.structural_line(line, markdown=True), line
    for line in ("See https://example.org for the rules.", "[one](a.md) and [two](b.md)",
                 "The rules live at https://example.org"):
        assert not regions.link_only_line(line), line


# -- a command option on one side only is a minimal pair -----------------------------------


def test_d102_steps_differing_in_a_command_option_are_not_near_copies(tmp_path, monkeypatch):
    # fortunes-zh (the Debian Reference): "type “su -l”" and "type “su”", each followed by
    # what it does to the environment
    shutil.copy(DATA / "fortunes-zh-su-steps.txt", tmp_path / "zh.txt")
    monkeypatch.chdir(tmp_path)
    text = (tmp_path / "zh.txt").read_text(encoding="utf-8")
    assert "输入“su -l”。" in text and "输入“su”。" in text
    assert _codes(lint_paths(["."], config=NO_CACHE), "D102") == []


def test_significant_change_names_a_command_option():
    assert meaning.significant_change("在任意用户的shell提示符下输入“su -l”。", "在任意用户的shell提示符下输入“su”。") \
        == "option '-l'"
    assert meaning.significant_change("Run ls --all in the folder to list every file there.",
                                      "Run ls in the folder to list every file there.") == "option '--all'"
    # hyphens inside words and before digits are not options
    assert meaning.options("a well-known, long-standing rule: -5 degrees - cold") == set()


# -- the conclusion of a text sums up its opening -------------------------------------------


OPENING = ("Oceanic heat storage, the ability of the ocean to store and release heat, plays a crucial "
           "role in regulating the climate of the planet and its weather patterns.")
BODY = ("The ocean absorbs heat from the sun at the surface and redistributes it through currents, "
        "mixing and convection. This heat is exchanged with the atmosphere.\n\n"
        "Coastal regions therefore have milder climates than inland regions, because the water "
        "acts as a buffer against sudden changes in temperature.")
CLOSING = ("Overall, oceanic heat storage plays a crucial role in maintaining the balance of the "
           "climate of the planet and its weather patterns.")


def test_d103_a_conclusion_summing_up_the_opening_is_not_reported():
    # the shape of three labelled false alarms (Alpaca-GPT-4 answers in llm-data-llamafactory,
    # whose licence keeps the real text out of the tests): the last paragraph restates the first
    text = f"{OPENING}\n\n{BODY}\n\n{CLOSING} Its changes have large effects.\n"
    assert _codes(lint_text(text, path="a.txt", config=NO_CACHE), "D103") == []


def test_d103_a_conclusion_summing_up_a_middle_paragraph_is_not_reported():
    # the shape of chat-llamafactory's labelled false alarms (dpo_en_demo 235.4, 189.2;
    # kto_en_demo 77.2: "In conclusion, there are many alternative ways to enjoy socializing
    # and relaxation ..." closing an answer whose second paragraph offered them): the last
    # paragraph restates a point of the body, not of the opening
    text = f"The question has a short answer.\n\n{OPENING}\n\n{BODY}\n\n{CLOSING} Its changes have large effects.\n"
    assert _codes(lint_text(text, path="a.txt", config=NO_CACHE), "D103") == []
    # the same restatement before a last paragraph: reported
    text = f"The question has a short answer.\n\n{OPENING}\n\n{BODY} {CLOSING}\n\nThe rest lists the effects.\n"
    (f,) = _codes(lint_text(text, path="a.txt", config=NO_CACHE), "D103")
    assert text[f.start : f.end].startswith("Overall")


def test_d103_the_same_restatement_inside_the_text_is_still_reported():
    # the same pair, the restatement in the body (not the closing paragraph): reported
    text = f"{OPENING}\n\n{BODY} {CLOSING}\n\nThe rest of the answer lists the effects of the changes.\n"
    (f,) = _codes(lint_text(text, path="a.txt", config=NO_CACHE), "D103")
    assert text[f.start : f.end].startswith("Overall")
