"""False-alarm kinds a new user (fresh28) met in Chinese and Japanese documentation that are
not CJK-specific, as fixw42 fixed them. Each kind with its real excerpt, and a true finding of
the same rule beside it still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from pathlib import Path

from corpuslint import lint_paths, lint_text

REALTEXT = Path(__file__).parent / "data" / "realtext"
NO_CACHE = {"cache": False}


def found(codes: str, path: Path) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in lint_paths([str(path)], config={"select": codes.split(","), **NO_CACHE})]


def text_found(code: str, text: str, path: str = "page.txt", **config) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in lint_text(text, path=path, config={"select": [code], **NO_CACHE, **config})]


# -- W114: a mark that is the bracket's last word, named ----------------------------------

def test_w114_leaves_a_mark_named_as_a_brackets_value():
    # bash(1) in Japanese, :536 "履歴展開  文字 (通常は !)": the history character, usually "!"
    assert found("W114", REALTEXT / "manpages-ja-bash-history-char.txt") == []
    # bash(1) in English: "the history expansion character, usually !"
    assert text_found("W114", "Quote the history expansion character (usually !) to prevent it.\n") == []


def test_w114_still_reports_a_spaced_mark_ending_a_phrase_or_a_bracketed_question():
    assert text_found("W114", "Say Hello ! to everyone.\nIs that so ?\n") == [(1, 10), (2, 11)]
    # Sphinx's Japanese catalogue (msgid "…(nested numbered toctree?)"): a question in brackets
    page = "%s はすでにセクション番号が割り当てられています (入れ子になった番号の toctree ?)\n"
    assert text_found("W114", page) == [(1, page.index(" ?") + 1)]
    # a CJK word before a spaced ASCII mark that ends the phrase, no bracket after it
    line = "文字 (通常は !) です。Hello ! again.\n"
    assert text_found("W114", line) == [(1, line.index(" ! again") + 1)]

