"""left21: leftover false alarms of S101, S104 and D101 on real text, by kind. Each kind on
a real excerpt (tests/data/realtext/SOURCE.md) that lead reported, next to a true finding
of the same rule that stays reported."""

from __future__ import annotations

from corpuslint import lint_text

from tests.test_precision_kinds import DATA

# Ghazal 262 "ببرش موی تا نموید باز" (a slip of نروید) beside half-lines using نماید: the
# verse slip S101 keeps, at info level.
VERSE_SLIP = (DATA / "hafez-verse-slip.txt").read_text(encoding="utf-8")


def s101(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.severity.name) for f in lint_text(text, path="x.txt", config={"select": ["S101"]})]


# -- S101: rhymes before a ghazal's refrain, compounds in verse ---------------------------------


def test_s101_two_rhymes_before_the_refrain_are_not_slips_of_each_other():
    # Ghazal 36 rhymes سقیم، نعیم، مقیم، نسیم before its refrain "افتادست": rhymes differ
    # before the rhyme by design, and they share the refrain as their neighbour. سقیم was an
    # info "slip" of مقیم, نعیم one of نسیم. نموید (ghazal 262, before the refrain "باز")
    # differs from نماید in the rhyme's vowel: it stays, a rhyme before a refrain too.
    text = (DATA / "hafez-rhymes-before-radif.txt").read_text(encoding="utf-8") + "\n" + VERSE_SLIP
    for word in ("سقیم", "نعیم", "مقیم", "نسیم"):
        assert f"{word} افتادست" in text
    assert s101(text) == [("نموید", "INFO")]


def test_s101_a_compound_in_verse_is_not_the_shorter_word_with_a_letter_added():
    # Ghazal 138 "کاغذین جامه به خوناب بشویم" (blood-tears: خون + آب) beside eight
    # half-lines with خواب: a letter added inside the word that doubles no neighbour is
    # a compound the modern dictionary lacks, not a typing slip.
    text = (DATA / "hafez-compound-khunab.txt").read_text(encoding="utf-8") + "\n" + VERSE_SLIP
    assert "خوناب" in text.split()
    assert s101(text) == [("نموید", "INFO")]
    # a letter doubled (the typing slip benchmarks/slip_recall.py plants) stays reported
    slipped = text.replace("به خوناب بشویم", "به خوااب بشویم")
    assert ("خوااب", "INFO") in s101(slipped)



# -- S101: an Urdu izafat typed ئہ is suggested as ۂ ---------------------------------------------


def test_s101_suggests_the_izafat_for_an_urdu_word_in_yeh_hamza_heh():
    # Qur'an 3:49 (Urdu, quran-json 3.1.2) "(فرشتوں نے پھر سلسلئہ کلام میں کہا)" beside eight
    # verses writing سلسلہ: a labelled slip (quran-json-translations) of the izafat سلسلۂ
    # کلام (the thread of speech); lead suggested سلسلہ, which drops the izafat.
    text = (DATA / "quran-ur-izafat.txt").read_text(encoding="utf-8")
    (finding,) = lint_text(text, path="x.txt", config={"select": ["S101"]})
    assert text[finding.start : finding.end] == "سلسلئہ"  # still reported
    assert "did you mean 'سلسلۂ'?" in finding.message
    assert finding.fix.edits[0].replacement == "\u06c2".join(["سلسل", ""])


# -- S104: a German reflexive after a preposition, then the verb's reflexive --------------------

import pytest  # noqa: E402

from tests.test_fixa19_kinds import in_records  # noqa: E402
from tests.test_left20_kinds import GERMAN_SLIPS  # noqa: E402

# fortunes-de 0.35 (GPL-2+), as fresh19's fortunes/de.jsonl holds them (ids)
GERMAN_REFLEXIVE_AFTER_PREPOSITION = {
    # in others one loves perfections, in oneself oneself ("an sich": in itself)
    "de-zitate-8248": "An andern liebt man Vollkommenheiten, an sich sich.\n\t\t-- Jean Paul",
}
# still reported: "sich sich" after a pronoun (a joke on Schiller's "wer sich ewig bindet",
# but a doubled word the reader stumbles on), a doubled article after a preposition
GERMAN_STILL = {
    "de-unfug-378": "Drum prüfe wer sich sich ewig bindet ob er nicht noch was bess'res findet.",
    "de-computer-37": GERMAN_SLIPS["de-computer-37"],
    "de-witze-1032": GERMAN_SLIPS["de-witze-1032"],
}


@pytest.mark.parametrize("lang", [None, "de"])
def test_s104_a_german_reflexive_after_a_preposition_then_the_verbs_reflexive(tmp_path, lang):
    assert in_records(tmp_path, "S104", GERMAN_REFLEXIVE_AFTER_PREPOSITION, lang=lang) == []
    got = in_records(tmp_path, "S104", GERMAN_STILL, lang=lang)
    assert sorted((f.record, GERMAN_STILL[f.record][f.start:f.end]) for f in got) == [
        ("de-computer-37", "den den"), ("de-unfug-378", "sich sich"), ("de-witze-1032", "ist ist")]


# -- D101: a song in two-line stanzas; a lead-in before colour-escaped commands ---------------


def d101(text: str) -> list[int]:
    return [f.line for f in lint_text(text, path="x.txt", config={"select": ["D101"]})]


def test_d101_a_song_in_two_line_stanzas_closing_on_its_first_stanza_is_verse():
    # fortunes-de 0.35 (GPL-2+) de-ms-236, "Ein Loch ist im Browser" (after "There's a hole
    # in the bucket"): fourteen two-line stanzas, the last one the first again. Blocks of
    # two lines were never verse (structure.in_verse needs three lines in a block).
    text = (DATA / "fortunes-de-ms-236-song.txt").read_text(encoding="utf-8")
    assert text.split("\n")[38:40] == text.split("\n")[2:4]
    assert d101(text) == []
    # the same stanzas written one a line are paragraphs of prose: the copy is reported
    one_a_line = "\n\n".join(" ".join(block.split("\n")) for block in text.split("\n\n"))
    assert d101(one_a_line) == [27]


def test_d101_a_lead_in_before_two_different_colour_escaped_commands_is_an_instruction():
    # fortunes-zh 2.98 (GPL-3.0+) zh-chinese-74, from the Debian Reference: "尝试下列例子"
    # (try the following examples) before "$ alias la='ls -la'" and again before "$ type ls",
    # each command coloured with an ANSI escape ("\x1b[32;1m    $ type ls\x1b[;m"), which
    # hid it from the code test of D101's lead-in kind.
    text = (DATA / "fortunes-zh-chinese-74-alias.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[4] == lines[21] == "\xa0\xa0\xa0 尝试下列例子" and lines[23].startswith("\x1b[32;1m    $ type ls")
    assert d101(text) == []
    # the lead-in pasted again with the same command after it is a copy: reported
    copied = "\n".join(lines[:23] + [lines[6]] + lines[31:])
    assert d101(copied) == [22]


# -- D102/D103 normalisation: Arabic proclitics are not stripped from Urdu or Persian words -----


def test_meaning_words_keep_urdu_and_persian_words_whole():
    from corpuslint.families.duplicate.meaning import _norm_words

    # Qur'an 48:4 and 48:7 in Urdu (quran-json 3.1.2, CC-BY-SA-4.0): "وہی" (that very one)
    # became the particle "ہی" of "اللہ ہی کے", and "اللہ" became "لہ": one word of two,
    # by Arabic's proclitics و and ال, which Urdu does not have
    first = _norm_words("وہی ہے جس نے مومنوں کے دلوں میں سکینت نازل فرمائی")
    second = _norm_words("زمین اور آسمانوں کے لشکر اللہ ہی کے قبضہ قدرت میں ہیں")
    assert first[0] != second[6] and first[0].startswith("و") and second[5].startswith("ال")
    # Persian: "وزیر" (minister) is not "زیر" (under)
    assert _norm_words("وزیر زیر")[0] != _norm_words("وزیر زیر")[1]
    # Arabic keeps its proclitics stripped: "والكتاب" is "الكتاب" is "كتاب"
    assert _norm_words("والكتاب الكتاب كتاب") == ["كتاب"] * 3


# -- W115: a data set's padded quotations, copied intact ------------------------------------------

# PyPI llamafactory 0.9.5 (Apache-2.0), data/kto_en_demo.json record 99, the user turn (lines
# 3-9): a translation task whose tokenized queries quote values padded on both sides, which the
# translations keep intact (corpus chat-llamafactory; three labelled false alarms)
KTO_99 = ('where are the best " fast food " joints in my area .\n周辺で最高の" fast food "レストランは？\n\n'
          'search for " steakhouse " restaurants in my city\n市内の" steakhouse "レストランを検索して。\n\n'
          'search for restaurants in " reno , nevada " .\n')
# data/dpo_en_demo.json record 245, turn 3, line 11: a stray space after the opening quote (a labelled tp)
DPO_245 = '5. " să mulțumesc" - This is the Romanian word for "to thank".\n'


def test_w115_quotations_padded_as_the_data_copies_them_are_its_format():
    assert lint_text(KTO_99, path="x.txt", config={"select": ["W115"]}) == []
    (finding,) = lint_text(DPO_245, path="x.txt", config={"select": ["W115"]})
    assert finding.message == 'space after opening "'
    # one padded quotation, never written again, is still reported
    once = 'search for " steakhouse " restaurants in my city\n'
    assert len(lint_text(once, path="x.txt", config={"select": ["W115"]})) == 2


# -- D106: a Markdown "See also" link and an API field line are references, not boilerplate -------

import shutil  # noqa: E402

from corpuslint import lint_paths  # noqa: E402


def test_d106_a_see_also_link_is_a_reference_and_an_option_description_stays_boilerplate(tmp_path):
    # npm CLI docs (corpus markdown-docs, MIT): the `include-workspace-root` option text the
    # documentation generator writes into npm-publish, npm-uninstall and npm-audit (labelled
    # tp) and the "See Also" item "* [npm deprecate](/commands/npm-deprecate)" of npm-publish,
    # npm-undeprecate and npm-unpublish (labelled fp: a reference to another page)
    folder = shutil.copytree(DATA / "npm-cli-see-also", tmp_path / "npm")
    found = lint_paths([folder], config={"select": ["D106"], "cache": False})
    lines = {(f.path.rsplit("/", 1)[-1], (folder / f.path.rsplit("/", 1)[-1]).read_text(encoding="utf-8")
              .split("\n")[f.line - 1]) for f in found}
    assert not any("npm-deprecate)" in line for _, line in lines)
    workspace_root = "Include the workspace root when workspaces are enabled for a command."
    assert {name for name, line in lines if line == workspace_root} == {"npm-audit.md", "npm-publish.md", "npm-uninstall.md"}
    # an API field whose value is a type ("* Returns: {string}", nodejs-api) is a field too,
    # a sentence with a colon is not
    from corpuslint.families.duplicate.corpus import _MARKDOWN_REFERENCE_RE

    assert _MARKDOWN_REFERENCE_RE.fullmatch("* Returns: {string}")
    assert _MARKDOWN_REFERENCE_RE.fullmatch("    **Default:** `0`.")
    assert not _MARKDOWN_REFERENCE_RE.fullmatch(workspace_root)
    assert not _MARKDOWN_REFERENCE_RE.fullmatch("* Default: false")
    # a link to another site under every README of one author is a signature: still counted
    assert not _MARKDOWN_REFERENCE_RE.fullmatch("- [github/azu](https://github.com/azu)")
    # a parameter and its type, the same line once normalised ("* `type` {string}")
    assert _MARKDOWN_REFERENCE_RE.fullmatch("* `type` {string}") and _MARKDOWN_REFERENCE_RE.fullmatch("* Type {string}")
    assert not _MARKDOWN_REFERENCE_RE.fullmatch("Run `npm test`")
