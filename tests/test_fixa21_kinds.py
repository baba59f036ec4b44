"""Kinds a new user (fresh21) found on a corpus of Hebrew (WLC, LibreOffice/GNOME
catalogues), Greek, Indic and South-East Asian text, each with the real excerpt and a
true finding of the same rule beside it still reported. Sources: tests/data/realtext/
SOURCE.md (fixa21): Debian libreoffice-l10n-he and libreoffice-help-el/km 4:7.4.7 (MPL-2.0),
GNOME help el/gu (gnome-user-docs 43.0, CC BY-SA 3.0), Firefox ESR 153 l10n km (MPL-2.0),
npm quran-json 3.1.2 Bengali (CC BY-SA 4.0), and the real-text
files already there for the baseline tree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from corpuslint import baseline as bl

from .conftest import run_cli
from .test_fixa16_kinds import found, spans

DATA = Path(__file__).parent / "data" / "realtext"


# -- 1. a baseline on a run over some files concerns those files only -------------------------

TREE = ("debian-handbook-apparmor.txt", "django-po-ar-admindocs.txt", "sphinx-po-fa-changes.txt",
        "firefox-th-downloadUI.txt")


def _tree(tmp_path: Path) -> Path:
    repo = tmp_path / "corpus"
    repo.mkdir()
    for name in TREE:
        shutil.copyfile(DATA / name, repo / name)
    (repo / "corpuslint.toml").write_text('baseline = "b.json"\n')
    return repo


def _entries(repo: Path) -> list[dict]:
    return json.loads((repo / "b.json").read_text(encoding="utf-8"))["findings"]


def test_a_run_on_one_file_keeps_and_does_not_count_the_other_files_entries(tmp_path):
    """fresh21: checking 1 file said "7011 baseline entries no longer occur (run
    --write-baseline to shrink it)"; doing so wrote a baseline of that file alone and the
    next full run failed on every other finding."""
    repo = _tree(tmp_path)
    check = lambda *a: run_cli("check", "--no-cache", *a, cwd=repo)  # noqa: E731
    assert check("--write-baseline", "b.json", ".").returncode == 0
    full = _entries(repo)
    assert {e["path"] for e in full} == set(TREE)
    one = check(TREE[0])  # the pre-commit case: only the changed file is checked
    assert one.returncode == 0, one.stdout
    assert "no longer occur" not in one.stderr
    assert check("--write-baseline", "b.json", TREE[0]).returncode == 0
    assert _entries(repo) == full  # the other files' entries kept as they were
    assert check(".").returncode == 0  # so the full run still passes

    # a finding fixed in the checked file is stale, and writing on that file drops it alone
    target = repo / TREE[0]
    text = target.read_text(encoding="utf-8")
    mine = [e for e in full if e["path"] == TREE[0]]
    assert len(mine) >= 2
    target.write_text("This line is clean.\n", encoding="utf-8")
    fixed = check(TREE[0])
    assert f"{sum(e['count'] for e in mine)} baseline entries no longer occur" in fixed.stderr
    assert check("--write-baseline", "b.json", TREE[0]).returncode == 0
    rewritten = _entries(repo)
    assert [e for e in rewritten if e["path"] != TREE[0]] == [e for e in full if e["path"] != TREE[0]]
    assert not {e["fingerprint"] for e in mine} & {e["fingerprint"] for e in rewritten}
    target.write_text(text, encoding="utf-8")
    assert check(".").returncode == 1  # its findings are new again

    # a deleted file's entries go away (they are stale on the full run)
    assert check("--write-baseline", "b.json", ".").returncode == 0
    (repo / TREE[1]).unlink()
    gone = sum(e["count"] for e in full if e["path"] == TREE[1])
    assert f"{gone} baseline entries no longer occur" in check(".").stderr
    assert check("--write-baseline", "b.json", ".").returncode == 0
    assert _entries(repo) == [e for e in full if e["path"] != TREE[1]]


def test_a_run_of_some_rules_keeps_the_other_rules_entries(tmp_path):
    repo = _tree(tmp_path)
    check = lambda *a: run_cli("check", "--no-cache", *a, cwd=repo)  # noqa: E731
    assert check("--write-baseline", "b.json", ".").returncode == 0
    full = _entries(repo)
    codes = sorted({e["code"] for e in full})
    assert len(codes) >= 2
    some = check("--select", codes[0], ".")
    assert some.returncode == 0 and "no longer occur" not in some.stderr
    assert check("--select", codes[0], "--write-baseline", "b.json", ".").returncode == 0
    assert _entries(repo) == full


def test_out_of_scope_is_about_files_checked_rules_run_and_files_that_exist(tmp_path):
    (tmp_path / "a.txt").write_text("x\n")
    entry = {"fingerprint": "0123456789abcdef", "count": 1, "code": "W103", "path": "a.txt"}
    assert bl.out_of_scope(entry, set(), {"W103"}, str(tmp_path))  # exists, not checked
    assert not bl.out_of_scope(entry, {"a.txt"}, {"W103"}, str(tmp_path))
    assert bl.out_of_scope(entry, {"a.txt"}, {"W101"}, str(tmp_path))  # its rule did not run
    assert not bl.out_of_scope({**entry, "path": "gone.txt"}, set(), {"W103"}, str(tmp_path))
    assert not bl.out_of_scope({"fingerprint": "0123456789abcdef"}, set(), set(), str(tmp_path))


# -- 2/3. W111/W112: the ordering marks of a Hebrew translator's embeddings ------------------

from .test_fixa19_kinds import in_records  # noqa: E402

# Debian libreoffice-l10n-he 4:7.4.7 svx msgstrs (MPL-2.0; fresh21's he/po/libreoffice-svx.po:line)
SVX_HE = {
    "svx-3164": "סינית מסורתית \u200f\u202a(Big5)\u200f",  # LRE left open to the line's end, an RLM in it
    "svx-3236": "מזרח אירופה \u200f\u202a(ISO-8859-2)\u200f",
    "svx-4618": "עיקום \u200f\u202a%1\u202c\u200f במעגל",  # RLMs around an LRE-wrapped placeholder
    "svx-3272": "עברית (חלונות-\u200f\u202a1255\u202c\u200f)\u200f",
}
# the same file: an LRE around Hebrew words (it reorders them), and RLMs after commas between
# Hebrew words (they order nothing): still reported
SVX_HE_STRAY = {
    "svx-4690": "מירכוז \u200f\u202aשל %1",
    "svx-2806": "מספרי,\u200f אותיות קטנות,\u200f תבליט עיגול מלא קטן",
}


def test_w111_w112_marks_inside_and_around_a_translators_embedding_are_left_alone(tmp_path):
    assert in_records(tmp_path, "W111", SVX_HE, lang="he") == []
    assert in_records(tmp_path, "W112", SVX_HE, lang="he") == []
    assert [f.record for f in in_records(tmp_path, "W111", SVX_HE_STRAY, lang="he")] == ["svx-4690"]
    assert [f.record for f in in_records(tmp_path, "W112", SVX_HE_STRAY, lang="he")] == ["svx-2806"]


# -- 4. A121: the Greek ano teleia is punctuation, not a dot for a space ---------------------

# Debian libreoffice-help-el 4:7.4.7, scalc/01/04060106 (SUBTOTAL), fresh21's el/lo-help/...:1139
SUBTOTAL_EL = ("Χρησιμοποιήστε τους αριθμούς 1-11 για να συμπεριλάβετε χειροκίνητα κρυφές γραμμές ή 101-111 για να "
               "τις αποκλείσετε·αποκλείονται και τα φιλτραρισμένα κελιά.\n")


def _apply(findings: list, text: str) -> str:
    for e in sorted((e for f in findings for e in f.fix.edits), key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


def test_a121_a_greek_ano_teleia_is_kept_and_at_most_a_space_added_after_it():
    (f,) = found("A121", SUBTOTAL_EL)
    assert "ano teleia" in f.message and "joined" not in f.message and SUBTOTAL_EL[f.start : f.end] == "\u00b7"
    assert "αποκλείσετε\u00b7 αποκλείονται" in _apply([f], SUBTOTAL_EL)  # the dot stays
    # the same rule still calls GTK's Arabic dotted words (left20's true finding) spaces lost
    from .test_left20_kinds import GTK_AR

    text = GTK_AR["ar-gtk20-properties-296"] + "\n"
    (g,) = found("A121", text)
    assert "where spaces belong" in g.message and "\u00b7" not in _apply([g], text)


# -- 5. D103: a scripture translation's numbered verses, one a line --------------------------

from .test_fixa20_kinds import _doc, _lint  # noqa: E402
from corpuslint.families.duplicate import regions  # noqa: E402


def test_d103_numbered_verses_one_a_line_are_not_restatements():
    # npm quran-json 3.1.2 Bengali, surah 15 (al-Hijr) 1-33: "26. I created man from dried clay
    # of black mud", then 28 and 33 say it again of the angels and of Iblis (parallel verses)
    name = "quran-json-bn-015-numbered-verses.txt"
    assert regions.numbered_verses((DATA / name).read_text(encoding="utf-8"))
    assert _lint(name, ["D103"]) == []
    # what the rule finds there (lines 30 and 35 against 28) is still found when asked for prose
    assert [f.line for f in _lint(name, ["D103"], rules={"D103": {"genre": "prose"}})] == [30, 35]
    # punctuated prose stays reported (fixa20's Persian handbook restatement), and is no verse
    assert [f.line for f in _lint("debian-handbook-fa-aptitude-cli.txt", ["D103"])] == [33]
    assert not regions.verse_paragraphs(_doc("debian-handbook-fa-aptitude-cli.txt"))
    # a numbered list out of order, or numbered lines among prose lines, is no verse text
    assert not regions.numbered_verses("".join(f"{n}. line number {n} of a list\n" for n in (3, 1, 7, 2) * 4))
    assert not regions.numbered_verses("".join(f"{n}. item {n}\nprose between the items.\n" for n in range(1, 15)))


# -- 6. D102: Khmer messages that differ by the words one adds at its start ------------------

# Firefox ESR 153 l10n km, nsserrors (fresh21's km/firefox/nsserrors.txt:317 and :319): "the
# certificate's issuer (អ្នក​ចេញ) was marked untrusted by the user" / "the certificate was ..."
ISSUER_KM = ("អ្នក\u200bចេញ\u200bវិញ្ញាបនបត្រ\u200bរបស់\u200bម៉ាស៊ីន\u200bដូចគ្នា\u200bត្រូវ\u200bបាន\u200bសម្គាល់\u200bមិន\u200bជឿ"
             "\u200bទុកចិត្ត\u200bដោយ\u200b\u200bអ្នក\u200bប្រើ\u00a0។")
CERT_KM = ("វិញ្ញាបនបត្រ\u200bរបស់\u200bម៉ាស៊ីន\u200bដូចគ្នា\u200bត្រូវ\u200bបាន\u200bសម្គាល់\u200bមិន\u200bជឿ\u200bទុកចិត្ត"
           "\u200bដោយ\u200bអ្នក\u200bប្រើ\u00a0។")


def test_d102_khmer_messages_differing_by_a_leading_word_are_not_copies():
    assert found(["D102"], f"{ISSUER_KM}\n\n{CERT_KM}\n") == []
    # the same message copied with its sign doubled is still a near-duplicate
    copy = CERT_KM.replace("\u00a0។", " ។ ។")
    assert [(f.code, f.line) for f in found(["D102"], f"{CERT_KM}\n\n{copy}\n")] == [("D102", 3)]


# -- 7. W102: a no-break space before Khmer punctuation, a ZWSP between -----------------------

# Debian libreoffice-help-km 4:7.4.7, scalc/01/04060118 (fresh21's km/lo-help/...:237 and :321)
COUPDAYS_KM = ("\u179a\u1780\u200b\u1785\u17c6\u1793\u17bd\u1793\u200b\u200b\u1780\u17b6\u179b\u200b\u1794\u179a\u17b7"
               "\u1785\u17d2\u1786\u17c1\u1791\u200b\u1780\u17b6\u179a\u200b\u1794\u17d2\u179a\u17b6\u1780\u17cb"
               "\u00a0\u200b\u200b?\n")
PRINCIPAL_KM = ("\u1794\u17d2\u179a\u17b6\u1780\u17cb\u200b\u178a\u17be\u1798\u1782\u17ba\u200b\u1787\u17b6\u200b"
                "\u1780\u17b6\u179a\u200b\u1785\u17b6\u1794\u17cb\u1795\u17d2\u178a\u17be\u1798\u200b\u178a\u17be"
                "\u1798\u1791\u17bb\u1793\u00a0\u200b\u200b\u200b\u17d4\n")


def test_w102_a_no_break_space_before_khmer_punctuation_with_zwsps_between():
    assert found("W102", COUPDAYS_KM) == [] and found("W102", PRINCIPAL_KM) == []
    # a no-break space between two Khmer words (ZWSP or not after it) is still reported
    between = PRINCIPAL_KM.replace("\u1787\u17b6\u200b", "\u1787\u17b6\u00a0\u200b", 1)
    assert [between[f.start : f.end] for f in found("W102", between)] == ["\u00a0"]


# -- 8. W112: runs of ZWSP in Khmer: what is redundant, and where -----------------------------

# Debian libreoffice-help-km 4:7.4.7, sbasic/shared/01170101 (fresh21's km/lo-help/...:289), a
# heading whose word boundaries are written with two and four ZWSPs
MASK_KM = "## \u179a\u1794\u17b6\u17c6\u1784\u200b\u200b\u178f\u1798\u17d2\u179b\u17c3\u200b\u200b\u200b\u200b\u178f\u17d2\u179a\u1784\u17cb\n"


def test_w112_runs_of_zwsp_say_and_point_at_the_redundant_ones():
    (f,) = found("W112", MASK_KM)
    # lead: "6 zero width spaces" over both runs whole, each replaced by one ZWSP
    assert f.message.startswith("invisible characters: 4 zero width spaces (U+200B); 2 runs of ZWSP keep one")
    assert [(e.start, e.end, e.replacement) for e in f.fix.edits] == [(9, 10, ""), (16, 19, "")]
    assert (f.start, f.end) == (9, 19)
    fixed = _apply([f], MASK_KM)
    assert fixed == MASK_KM.replace("\u200b\u200b\u200b\u200b", "\u200b").replace("\u200b\u200b", "\u200b")
    # a ZWSP inside an Arabic word (no word boundary there) is reported whole and becomes a space
    (g,) = found("W112", "كوريا\u200bالشمالية\n")
    assert g.message == "invisible character: 1 zero width space (U+200B)" and g.fix.edits[0].replacement == " "


# -- 5b. D103: Greek and Gujarati parallel statements that differ in a negation or a number ---

from corpuslint.families.duplicate import meaning  # noqa: E402

# Debian libreoffice-help-el 4:7.4.7, shared/01/05020301 lines 13 and 15: two sections / three
TWO_SECTIONS_EL = ("Εάν ο κωδικός μορφής αριθμού έχει δύο τμήματα, το πρώτο αντιπροσωπεύει τις θετικές τιμές και το "
                   "μηδέν και το δεύτερο τις αρνητικές τιμές.")
THREE_SECTIONS_EL = ("Σε έναν κωδικό μορφής αριθμού με τρία τμήματα, το πρώτο τμήμα εφαρμόζεται σε θετικές τιμές, το "
                     "δεύτερο τμήμα σε αρνητικές τιμές και το τρίτο στην τιμή μηδέν.")


def test_d103_greek_and_gujarati_parallel_statements_are_not_restatements():
    # gnome-user-docs 43.0 el keyboard-nav (Shift+F10: the menu of the selection; Ctrl+F10: of the
    # folder, "and not (όχι) of any item"); gu nautilus-file-properties-permissions 17-27 (the user
    # will not see the files / will not see them, but will not (નહિં) open, create or delete them)
    assert _lint("gnome-help-el-keyboard-nav.md", ["D103"]) == []
    assert _lint("gnome-help-gu-folder-permissions.md", ["D103"]) == []
    assert meaning.significant_change(TWO_SECTIONS_EL, THREE_SECTIONS_EL) == "number"
    assert meaning.numbers("δύο τμήματα") == meaning.numbers("2 τμήματα")  # a cardinal is its digits
    # the same rule still reports a restatement (fixa20's Persian handbook), and a Greek
    # sentence copied with its number kept is no difference
    assert [f.line for f in _lint("debian-handbook-fa-aptitude-cli.txt", ["D103"])] == [33]
    assert not meaning.differs(TWO_SECTIONS_EL, TWO_SECTIONS_EL.replace(", το πρώτο", " το πρώτο"), paraphrase=True)


# -- 9. W115: a value the text says a program gives, a number format's text -------------------

# Debian libreoffice-help-hi/el 4:7.4.7 (MPL-2.0; its untranslated English and Greek lines):
# sbasic/shared/03/sf_string (fresh21's .../sbasic_shared_03_sf_string.md:1085), shared/01/05020301 :97
TRUNCATED = ("If the final length exceeds the maxlength parameter, the latter part of the string is replaced by "
             "\" ... (N)\" where N is the total length of the original string before truncation.\n")
TOTAL_FOR_EL = ("Για να συμπεριλάβετε κείμενο σε μια μορφή αριθμού η οποία εφαρμόζεται σε ένα κελί το οποίο μπορεί "
                "να περιέχει κείμενο, περικλείστε το κείμενο με διπλά εισαγωγικά (\" \") και κατόπιν προσθέστε ένα "
                "σύμβολο (@). Παραδείγματος χάρη, εισάγετε \"Σύνολο για \"@ για να εμφανίσετε \"Σύνολο για "
                "Δεκέμβριο\".\n")
# Debian installation-guide 20230508 el (GPL-2+), apas02 line 27: a section's title quoted with a stray space
SECTION_EL = "Για βοηθητικές υποδείξεις και λεπτομέρειες δείτε Τμήμα\u00a05.1.1, «Εκκίνηση από USB stick μνήμης »."


def test_w115_spaces_of_a_value_a_program_gives_are_the_values():
    assert found("W115", TRUNCATED, "help.md") == [] and found("W115", TOTAL_FOR_EL, "help.md") == []
    (f,) = found("W115", SECTION_EL + "\n", "guide.md")
    assert f.message == "space before closing »"
