"""False-alarm kinds a data-set curator (fresh19) left after reading the findings on a
multilingual set built from Debian packages, each with the real excerpt and a true finding
of the same rule beside it still reported. Sources: tests/data/realtext/SOURCE.md (left20):
Debian bookworm fortunes-de 0.35-1 (GPL-2+), fortunes-es 1.36 (GPL-2+), manpages-de,
manpages-es and manpages-fr 4.18.1-1 (GPL-3+, rendered with groff as fresh19's SOURCES.md
says), glib2.0 2.74 / gtk / PackageKit catalogues in fa, ar and he (LGPL-2.1+ / GPL-2+)."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.findings import Applicability, Edit
from corpuslint.text.tokens import tokens

from .test_fixa16_kinds import found, spans
from .test_fresh14_kinds import apply_safe

_CONTROLS = regex.compile(r"(?:\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f])+")

DATA = Path(__file__).parent / "data" / "realtext"
SAMPLES = Path(__file__).parent.parent / "samples" / "news-ar"


def lines_of(code: str, text: str, path: str = "page.txt") -> list[int]:
    return [text.count("\n", 0, f.start) + 1 for f in found(code, text, path)]


# -- 1. D103: chiasmus, antithesis, a refrain, a man page's NAME line and its DESCRIPTION ------

# fortunes-de zitate (record de-zitate-4985): Heinlein's democracy/autocracy chiasmus
HEINLEIN_DE = ("Demokratie basiert auf der Annahme, daß eine Million Menschen klüger\nsind als ein Mensch. Wie war das "
               "gleich? So ganz begreife ich die Logik\nnicht.\nAutokratie basiert auf der Annahme, daß ein Mensch klüger "
               "ist als eine\nMillion Menschen. Sehen wir uns das noch einmal an. Wer entscheidet?\n"
               "\t\t-- Robert Anson Heinlein (Die Leben des Lazarus Long)\n")
# fortunes-es arte.fortunes 99: Picasso's painter/artist antimetabole
PICASSO_ES = ("Un pintor es un hombre que pinta lo que vende. Un artista, en cambio, es\nun hombre que vende lo que "
              "pinta.\n\t\t-- Pablo Picasso. (1881-1973) Pintor español. \n")
# fortunes-es libertad.fortunes 15: the same frame with the antonym igual/desigual
ARISTOTELES_ES = ("Piénsase que lo justo es lo igual, y así es; pero no para todos, sino\npara los iguales. Piénsase por el "
                  "contrario que lo justo es lo desigual,\ny asi es, pero no para todos, sino para los desiguales.\n"
                  "\t\t-- Aristóteles. (384-322 A.C.) Filósofo griego. \n")
# fortunes-de zitate (record de-zitate-7403): Morgenstern's poem closes on its first four lines
MONDENDINGE_DE = ("  Mondendinge\n\nDinge gehen vor im Mond,\ndie das Kalb selbst nicht gewohnt.\nTulemond und Mondamin\n"
                  "liegen heulend auf den Knien.\nHeulend fletschen sie die Zähne\nauf der schwefligen Hyäne.\n"
                  "Aus den Kratern aber steigt\nSchweigen, das sie überschweigt.\nDinge gehen vor im Mond,\n"
                  "die das Kalb selbst nicht gewohnt.\nTulemond und Mondamin\nliegen heulend auf den Knien.\n"
                  "\t\t-- Christian Morgenstern\n")
# manpages-es renice(1) lines 11-18: one frame, "a process group" substituted twice by "a user"
RENICE_ES = ("DESCRIPCIÓN\n       renice alters the scheduling priority of one or more running processes.\n"
             "       The first argument is the priority value to be used. The other\n"
             "       arguments are interpreted as process IDs (by default), process group\n"
             "       IDs, user IDs, or user names. renice'ing a process group causes all\n"
             "       processes in the process group to have their scheduling priority\n"
             "       altered. renice'ing a user causes all processes owned by the user to\n"
             "       have their scheduling priority altered.\n")
# manpages-fr mklost+found(8) lines 1-25: the NAME line, and DESCRIPTION opening on its words
MKLOSTFOUND_FR = ("MKLOST+FOUND(8)             System Manager's Manual            MKLOST+FOUND(8)\n\n\n\nNOM\n"
                  "       mklost+found  - Créer un répertoire lost+found sur une partition montée\n"
                  "       Linux de type ext2\n\nSYNOPSIS\n       mklost+found\n\nDESCRIPTION\n"
                  "       mklost+found est utilisé pour créer un répertoire  lost+found  dans  le\n"
                  "       répertoire  de travail courant sur une partition Linux de type ext2. Il\n"
                  "       y a normalement un répertoire  lost+found  dans  la  racine  de  chaque\n"
                  "       système de fichiers.\n\n"
                  "       mklost+found  pré-alloue  des blocs du disque au répertoire lost+found.\n"
                  "       Ainsi, lorsque e2fsck(8) est  exécuté  pour  restaurer  un  système  de\n"
                  "       fichiers,  il  n'a  pas  besoin  d'allouer  des blocs sur le système de\n"
                  "       fichiers pour stocker un grand nombre de fichiers détachés. Cela permet\n"
                  "       de  s'assurer  que e2fsck n'aura pas à allouer de blocs dans le système\n"
                  "       de fichiers lors de la restauration.\n\nOPTIONS\n")


@pytest.mark.parametrize("text", [HEINLEIN_DE, PICASSO_ES, ARISTOTELES_ES, MONDENDINGE_DE, RENICE_ES, MKLOSTFOUND_FR])
def test_d103_figures_of_speech_refrains_and_man_sections_are_not_restatements(text):
    assert found("D103", text) == []


def test_d103_a_restatement_is_still_reported():
    # the README's seed pair: line 4 restates line 1 in other words
    news = (SAMPLES / "000_36f253348d6565aa.txt").read_text(encoding="utf-8")
    assert lines_of("D103", news) == [4]
    # and laid out as a man page's section (one heading, the body indented under it)
    page = "DESCRIPTION\n" + "".join("       " + ln + "\n" for ln in news.split("\n\n")[0].splitlines()) + "\n"
    body = news.split("\n\n")[1:]
    page += "".join("       " + ln + "\n" for p in body for ln in p.splitlines() if ln.strip())
    assert lines_of("D103", page, "page.txt") != []


# -- 2. D101: the same note under two entries of a man page (sftp(1)'s get and put) -----------

SFTP_DE = (DATA / "manpages-de-sftp-get-put.txt").read_text(encoding="utf-8")


def test_d101_the_same_note_under_two_entries_of_a_man_page_is_per_entry():
    assert found("D101", SFTP_DE) == []


def test_d101_a_copy_in_one_entry_or_in_prose_is_still_reported():
    note = "             Falls der Schalter -f angegeben ist, dann wird nach Abschluss der\n"
    i = SFTP_DE.index(note)
    note = SFTP_DE[i : SFTP_DE.index("\n\n", i) + 1]  # get's -f note (put's differs)
    twice = SFTP_DE.replace(note, note + "\n" + note, 1)  # a second copy in get's own body
    assert lines_of("D101", twice) == [SFTP_DE.count("\n", 0, i) + 5]
    news = (SAMPLES / "004_d2699a1dccc3a5cf.txt").read_text(encoding="utf-8")
    assert 3 in lines_of("D101", news)
    # a paragraph whose first line alone is indented is prose: copies there are copies
    prose = "  Der Patch ist zu lang, und das sagen wir\nhier noch einmal ganz deutlich.\n\nZwischentext.\n\n" \
            "  Der Patch ist zu lang, und das sagen wir\nhier noch einmal ganz deutlich.\n"
    assert lines_of("D101", prose) == [6]


# -- 3. A109: one finding per line, counting its escape sequences ---------------------------------

# fortunes-zh 2.98 chinese (record zh-chinese-74, GPL-3+) lines 1-10: the Debian reference
# coloured for the terminal
ALIAS_ZH = ("\x1b[37;1m1.5.9. 命令别名\x1b[;m\n\n    你可以为经常使用的命令设置一个别名。\n\n    尝试下列例子\n\n"
            "\x1b[32;1m    $ alias la='ls -la'\x1b[;m\n\n"
            "    现在，\x1b[35;1m“la”\x1b[;m是\x1b[35;1m“ls -al”\x1b[;m的简写形式，并同样会以长列表形式列出所有的文\n    件。\n")


def test_a109_one_finding_per_line_with_a_count_and_the_whole_fix():
    got = found("A109", ALIAS_ZH)
    assert [(ALIAS_ZH.count("\n", 0, f.start) + 1, f.message) for f in got] == [
        (1, "2 terminal escape sequences on this line: `ESC[37;1m`, `ESC[;m`"),
        (7, "2 terminal escape sequences on this line: `ESC[32;1m`, `ESC[;m`"),
    ]  # (line 9 reads as program output indented in a listing: A109 leaves such regions alone)
    fixed = apply_safe(got, ALIAS_ZH).split("\n")
    assert fixed[0] == "1.5.9. 命令别名" and fixed[6] == "    $ alias la='ls -la'"
    # one stray character is still its own finding, named as before (fortune love, Tom Lehrer)
    lehrer = "communicate, the very _____\b\b\b\b\bleast he can do is to shut up!\n"
    assert [f.message for f in found("A109", lehrer)] == ["5 control characters: 5 × U+0008 (backspace)"]


def _applied(text: str, edits) -> str:
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


@given(st.lists(st.sampled_from(["a", "б", " ", "\n", "\x1b[33m", "\x1b[m", "\x08", "\x7f", "\x0b", "文"]), max_size=40))
@settings(max_examples=150, deadline=None)
def test_a109_the_fix_deletes_exactly_the_controls(parts):
    # the rule's own findings (Document + check): the engine then leaves lines that read as
    # program output (a code region: "a  \x1b[33m  x") alone, which is the region filter's
    # business, not the fix's
    from corpuslint.document import Document
    from corpuslint.families.artifact.markup import ControlCharacter

    # (fixk25: a deletion between two letters glues them into one token: "I\bJ", "a\x1b[33mx";
    # that fix is unsafe; an overstrike "a\ba" is replaced by the one letter it shows)
    text = "".join(parts) + "x\n"
    got = list(ControlCharacter().check(Document("x.txt", text)))
    for f in got:
        for e in f.fix.edits:
            span = text[e.start : e.end]
            if e.replacement:  # bold overstrike (no "_" among the parts): c, backspaces, c again
                k = len(e.replacement)
                assert span == e.replacement + "\x08" * k + e.replacement
            else:
                assert _CONTROLS.fullmatch(span), span
        # glued: the fix makes fewer tokens than the same fix leaving a space for each deletion
        spaced = [Edit(e.start, e.end, e.replacement or " ") for e in f.fix.edits]
        glued = tokens(_applied(text, f.fix.edits)) != tokens(_applied(text, spaced))
        assert (f.fix.applicability is Applicability.UNSAFE) == glued
    fixed = apply_safe(got, text)
    if all(f.fix.applicability is Applicability.SAFE for f in got) and "\x08" not in text:
        expected = text
        for c in ("\x1b[33m", "\x1b[m", "\x08", "\x7f", "\x0b"):
            expected = expected.replace(c, "")
        assert fixed == expected
    lines = [text.count("\n", 0, f.start) for f in got]
    assert lines == sorted(set(lines))  # one finding a line


# -- 4. W111/W112: direction controls that do work in RTL interface strings ------------------

from .test_fixa19_kinds import in_records  # noqa: E402

# glib 2.74 glib20.mo, gdk-pixbuf 2.42 and xkeyboard-config 2.38 msgstrs as fresh19's ui/*.jsonl
# hold them (LGPL-2.1+ / MIT; the records' ids)
UI_AR = {
    "ar-glib20-56": "انتهى المستند بشكل غير متوقع بعد قوس بزاوية \u202a'<'\u202c",  # '<' kept unmirrored
    "ar-glib20-115": "فشلت في أخذ صفات الملف '%s%s%s%s': فشل fstat\u202a()\u202c\u200f: %s",
}
UI_FA = {
    "fa-glib20-0": "  FILE      \u202bیک پروندهٔ elf (یک کتاب\u200cخانهٔ دودویی یا اشتراکی)\n",  # an RTL phrase in a Latin line
    "fa-glib20-314": "%A %Oe %B %Oy\u060c \u2066%OH:%OM:%OS\u2069",  # a date format: the time kept left to right
    "fa-glib20-576": "مسیر یک سیاهه باید با «\u202a:/\u202c» خاتمه پیدا کند",
    "fa-glib20-804": "نویسهٔ ناشناس پس از \u202a(?\u202c یا \u202a(?-",
    "fa-glib20-279": "شکست در گرفتن مشخصه\u200cهای پروندهٔ «%s%s%s\u200e%s»: fstat()\u200e شکست خورد: %s",
}
UI_HE = {
    "he-xkeyboard-config-213": "\u202bCtrl ממופה ל\u05beWin ימני ול\u05beCtrl הרגיל",  # the line set right to left
    # an RLE opening the string before its %s (a PNG key's name, Latin): without it the name
    # would set the line left to right (fixq27: pidgin's Pashto "\u202b%s بې کار شو", the same kind)
    "he-gdk-pixbuf-123": "\u202b%s של ה\u05bePNG חייב להיות גדול מאפס, אסור להשתמש בערך „%s”",
}
# stray ones, still reported: a PDF without its opener, an RLE on a line already right to left
# (its letters, not a placeholder, open it), the same RLE twice, an RLE before an
# untranslated English message
STRAY = {
    "he-glib20-176": "\u202bCould not allocate %lu byte to read file \u201c%s\u201d",
    "fa-glib20-652": "برای گرفتن راهنمای پرجزییات از «%s help COMMAND\u202c»\u200c استفاده کنید.\n\n",
    "he-gdk-pixbuf-105": "\u202bהמפתח „%s” שגוי. מפתחות למקטעי טקסט ב\u05bePNG חייבים להיות מורכבים מתווי ASCII.",
    "he-gdk-pixbuf-148": "\u202b\u202bהנקודות לאינטש בציר x ב\u05beTIFF חייבות להיות גדולות מאפס, אסור להשתמש בערך „%s”.",
}


@pytest.mark.parametrize("texts,lang", [(UI_AR, "ar"), (UI_FA, "fa"), (UI_HE, "he")])
def test_w111_w112_direction_controls_that_do_work_are_left_alone(tmp_path, texts, lang):
    assert in_records(tmp_path, "W111", texts, lang=lang) == []
    assert in_records(tmp_path, "W112", texts, lang=lang) == []


def test_w111_w112_stray_controls_are_still_reported(tmp_path):
    assert sorted(f.record for f in in_records(tmp_path, "W111", STRAY)) == sorted(STRAY)
    # an RLM between two Persian words, an LRM after a placeholder without its pair before it
    # (Django's Persian admin wraps %(app)s in two: fixb23 leaves that pair alone, it isolates the
    # value), and one between placeholders in a Latin line, do nothing
    stray = {"fa-1": UI_FA["fa-glib20-279"].replace("گرفتن مشخصه", "گرفتن\u200f مشخصه"),
             "fa-2": "مدیریت %(app)s\u200e",
             "en-1": "Error getting attributes of “%s%s%s\u200e%s”: fstat() failed"}
    assert sorted(f.record for f in in_records(tmp_path, "W112", stray)) == ["en-1", "fa-1", "fa-2"]
    # undeclared, the date format shows no right-to-left letter: its isolate is reported
    assert [f.record for f in in_records(tmp_path, "W111", {"r": UI_FA["fa-glib20-314"]})] == ["r"]


# -- 5. S104: a German pronoun or article doubled in two roles --------------------------------

# fortunes-de 0.35 (GPL-2+), as fresh19's fortunes/de.jsonl holds them (ids)
GERMAN_TWO_ROLES = {
    "de-zitate-1526": "Und so sperrten sie sie ins Gefängnis.\n",  # (line 7) they locked them up
    "de-zitate-685": "Da die Kirche die Liebe nicht unterdrücken konnte, hat sie sie\nzumindest deinfizieren wollen, "
                     "und darum die Ehe geschaffen.\n\t\t-- Charles Baudelaire\n",
    "de-zitate-2932": "... härtet vielmehr, Gott sei Dank, ihre echten Kinder gegen die\nSchmerzen und Übel ab, die sie "
                      "ihnen unablässig bereitet, so daß wir\nden den glücklichsten Menschen nennen können, der der "
                      "stärkste wäre,\n",  # (lines 1-3) that one, the happiest
    "de-unfug-813": "Wenn ich so bin, wie ich bin, bin ich ich!\n",
}
# still slips: after a preposition, a conjunction, a noun; other doubled words
GERMAN_SLIPS = {
    "de-computer-37": "Schriften gegen den den True-Type Font 'Zapf Dingbats' aus.\n",
    "de-mathematiker-30": "Der Jurist: \"4, aber ich ich weiß nicht, ob wir vor Gericht damit\ndurchkommen.\"\n",
    "de-zitate-2380": "Beim Film es es wie im Leben: Man beginnt als jugendlicher Liebhaber,\n",
    "de-witze-1032": "Was ist ist braun, hat einen Beutel und hängt am Baum?\n",
    "de-x": "Er kam und und ging.\n",
    # Django 5.2 de admin (BSD-3-Clause; po-django, a labelled tp)
    "de-admin-django": "Aus Sicherheitsgründen bitte zuerst das alte Passwort und darunter dann zweimal das neue "
                       "Passwort eingeben, um sicherzustellen, dass es es korrekt eingegeben wurde.\n",
}


@pytest.mark.parametrize("lang", [None, "de"])
def test_s104_a_german_pronoun_or_article_in_two_roles_is_grammar(tmp_path, lang):
    assert in_records(tmp_path, "S104", GERMAN_TWO_ROLES, lang=lang) == []
    got = in_records(tmp_path, "S104", GERMAN_SLIPS, lang=lang)
    assert sorted((f.record, GERMAN_SLIPS[f.record][f.start:f.end]) for f in got) == [
        ("de-admin-django", "es es"), ("de-computer-37", "den den"), ("de-mathematiker-30", "ich ich"),
        ("de-witze-1032", "ist ist"),
        ("de-x", "und und"), ("de-zitate-2380", "es es")]


# -- 6. A121: middle dots where spaces belong --------------------------------------------------

# gtk+2.0 2.24 gtk20-properties.mo Arabic msgstrs (LGPL-2.1+), as fresh19's ui/ar.jsonl holds them
GTK_AR = {
    "ar-gtk20-properties-296": "الفضاء·الإضافي·الذي·سيوضع·بين·الإبن·وجيرانه·في·الأعلى·و·الأسفل·بالبكسلات",
    "ar-gtk20-properties-323": "وصف الخط كسلسلة، مثلا \"Sans·Italic·12\"",
    "ar-gtk20-properties-470": "إذا·كان·الفراغ·العمودي·المتوفر··أكبر·من·الذي·يطلبه·الإبن،·فكم·سيستخدم·منه·للإبن.·0.0 "
                               "يعني·لا·شيء·و·1.0·الكل",
    "ar-gtk20-properties-642": "الاسم المستخدم للإشارة لعلامة النص. NULL·لعلامات مجهولة الهويّة",
}
# the dot where a writing system uses it: LLaMA-Factory's alpaca_zh_demo (Apache-2.0) records 305 and 770,
# xz-utils 5.4 Catalan (xz-utils-ca.po, public domain / GPL), Django 5.2 fr admin (BSD-3-Clause)
DOTS_MEANT = {
    "zh": "《了不起的盖茨比》是美国作家F·斯科特·菲茨杰拉德创作的小说，其中的主要人物包括：\n",
    "ca": "en comprimir, si han passat més de mil·lisegons de temps\n",
    "fr": "Écrivez dans cette zone pour filtrer la liste des « %s » sélectionné·e·s.\n",
    "math": "点积计算公式为：A·B = x1*x2 + y1*y2 + z1*z2\n",  # (alpaca_zh_demo record 770: a dot product)
}


def test_a121_middle_dots_for_spaces_are_reported_with_a_fix_to_spaces(tmp_path):
    got = in_records(tmp_path, "A121", GTK_AR)
    assert sorted(f.record for f in got) == sorted(GTK_AR)
    (f,) = [f for f in got if f.record == "ar-gtk20-properties-470"]
    fixed = apply_safe([], GTK_AR[f.record])  # (nothing safe)
    assert fixed == GTK_AR[f.record]
    text = GTK_AR[f.record]
    for e in sorted(f.fix.edits, key=lambda e: -e.start):
        text = text[: e.start] + e.replacement + text[e.end :]
    assert "·" not in text and "الإبن، فكم" in text and "للإبن. 0.0" in text


def test_a121_the_dot_a_script_uses_is_left_alone(tmp_path):
    assert in_records(tmp_path, "A121", DOTS_MEANT) == []


def test_a121_dots_in_code_spans_and_meant_dots_stay_out_of_a_lines_fix():
    # corpuslint's own README rule table (its A121 row): the dotted words are examples in
    # code spans; the finding spanned the row from the first to the last and its fix made
    # Catalan "l·l" "l l" and "sélectionné·e·s" "sélectionné e s"
    row = ("| A121 | middle-dot-space (`الفضاء·الإضافي·الذي`; not Chinese names `F·斯科特`, Catalan `l·l`, "
           "French `sélectionné·e·s`) | warning | unsafe |\n")
    head = "| code | rule | severity | fix |\n|---|---|---|---|\n"
    assert found("A121", head + row, "README.md") == []
    # the same words in the table's text are reported, and the fix leaves the meant dots
    prose = row.replace("`", "")
    (f,) = found("A121", head + prose, "README.md")
    text = head + prose
    for e in sorted(f.fix.edits, key=lambda e: -e.start):
        text = text[: e.start] + e.replacement + text[e.end :]
    assert "الفضاء الإضافي الذي" in text and "l·l" in text and "sélectionné·e·s" in text and "F·斯科特" in text
