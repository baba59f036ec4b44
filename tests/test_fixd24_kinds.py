"""False-alarm and missed kinds fresh24 met on paragraph records built from Debian's
manuals and translated man pages, each as a test on the real excerpt (tests/data/realtext/
SOURCE.md: "fixd24") with a true finding of the same rule beside it."""

from __future__ import annotations

import json

from hypothesis import given, strategies as st

from corpuslint.families.artifact.encoding import misdecoded_words

from .conftest import run_json
from .test_fresh_corpora import found  # (code, line, column) of one rule's findings

# -- Q104/Q105/Q108/Q111: document filters on records that are paragraphs -------------------

# manpages-fr/ru/zh 4.18.1 and English man pages, one paragraph each (fresh24's pretrain-0000)
PTMX = ("The file /dev/ptmx (the pseudoterminal multiplexor device)  is a character file with major "
        "number 5 and minor number 2, usually with mode 0666 and ownership root:root.  It is used to "
        "create a pseudoterminal master and slave pair.")
TO_LIST = "To list multicast domain activations in the current project and location, run:"
# readline(3) zh: Chinese clauses between spaces, with `#` and `$` quoted
INPUTRC = ("~/.inputrc . 当使用 readline 库的程序启动时，将读取初始化文件，按键关联和变量将被设置。 "
           "readline 初始化文件中只允许有很少的基本构造。 空行被忽略。以 # 开始的行是注释。以 $ "
           "开始的行指示了有条件的构造。 其他行表示按键关联和变量设置。")
# proc(5): a /proc/PID/maps excerpt, numbers and paths (a true Q111 finding)
MAPS = ("address           perms offset  dev   inode       pathname 00400000-00452000 r-xp 00000000"
        " 08:02 173521      /usr/bin/dbus-daemon 00651000-00652000 r--p 00051000 08:02 173521      "
        "/usr/bin/dbus-daemon 00652000-00655000 rw-p 00052000 08:02 173521      /usr/bin/dbus-daemo"
        "n 00e03000-00e24000 rw-p 00000000 00:00 0           [heap] 00e24000-011f7000 rw-p 00000000"
        " 00:00 0           [heap] ... 35b1800000-35b1820000 r-xp 00000000 08:02 135522  /usr/lib64"
        "/ld-2.15.so 35b1a1f000-35b1a20000 r--p 0001f000 08:02 135522  /usr/lib64/ld-2.15.so 35b1a2"
        "0000-35b1a21000 rw-p 00020000 08:02 135522  /usr/lib64/ld-2.15.so 35b1a21000-35b1a22000 rw"
        "-p 00000000 00:00 0 35b1c00000-35b1dac000 r-xp 00000000 08:02 135870  /usr/lib64/libc-2.15"
        ".so 35b1dac000-35b1fac000 ---p 001ac000 08:02 135870  /usr/lib64/libc-2.15.so 35b1fac000-3"
        "5b1fb0000 r--p 001ac000 08:02 135870  /usr/lib64/libc-2.15.so 35b1fb0000-35b1fb2000 rw-p 0"
        "01b0000 08:02 135870  /usr/lib64/libc-2.15.so ... f2c6ff8c000-7f2c7078c000 rw-p 00000000 0"
        "0:00 0    [stack:986] ... 7fffb2c0d000-7fffb2c2e000 rw-p 00000000 00:00 0   [stack] 7fffb2"
        "d48000-7fffb2d49000 r-xp 00000000 00:00 0   [vdso]")
# a short document of two paragraphs (not one paragraph): Q108 still judges it whole
STUB = "Page not found.\n\nThe page you asked for does not exist."


def _records(tmp_path, unit: str | None):
    rows = [("man-375587", PTMX), ("man-305822", TO_LIST), ("man-387136", INPUTRC), ("man-377222", MAPS),
            ("stub", STUB)]
    (tmp_path / "pre.jsonl").write_text(
        "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in rows), encoding="utf-8")
    toml = '[readers]\ntext-field = "text"\nid-field = "id"\n'
    if unit is not None:
        toml += "".join(f'[rules.{c}]\nunit = "{unit}"\n' for c in ("Q104", "Q105", "Q108"))
    (tmp_path / "corpuslint.toml").write_text(toml, encoding="utf-8")
    _, out = run_json("--select", "Q104,Q105,Q108,Q111", "pre.jsonl", cwd=tmp_path)
    return sorted((str(f["record"]), f["code"], f["message"]) for f in out["diagnostics"])


def test_paragraph_unit_leaves_paragraph_records_to_paragraph_measures(tmp_path):
    got = _records(tmp_path, "paragraph")
    assert [(r, c) for r, c, _ in got] == [("man-377222", "Q111"), ("stub", "Q108")]


def test_document_unit_says_the_record_is_one_paragraph(tmp_path):
    got = _records(tmp_path, None)
    hinted = {(r, c) for r, c, m in got if 'unit = "paragraph"' in m}
    assert hinted == {("man-375587", "Q108"), ("man-305822", "Q104"), ("man-305822", "Q108"),
                      ("man-377222", "Q104")}
    assert ("stub", "Q108") in {(r, c) for r, c, _ in got}
    assert not any(r == "man-387136" for r, _, _ in got)  # Chinese prose: words, not space-cut runs


# -- A105: mojibake in code regions and on lines that name an encoding ------------------------

# debian-reference-fr / debian-handbook fr-FR / manpages-fr unicode(7) and rtnetlink(7) as fresh24's
# pretrain-0005 holds them, with the cp1252 mojibake it planted
ED = "ed(1) est un Ã©diteur par ligne primitif ;\n"  # read as a C statement (a code region)
LILO = ("# pour amorcer sur le disque et non pas une partition,\n"
        "# on ordonne Ã\u00a0 LILO de s'installer sur le MBR.\nboot=/dev/sda\n")
UNICODE7 = ("De plus, il existe deux formes dâ€™encodage : UTF-8 pour la rÃ©trocompatibilitÃ© avec les "
            "logiciels traitant l'ASCII et UTF-16 pour la gestion rÃ©trocompatible des caractÃ¨res non PMB.\n")
# a line that quotes mojibake as its example (still not reported)
EXAMPLE = "UTF-8 read as Latin-1 shows é as Ã© and è as Ã¨.\n"
# Node.js API docs (MIT) buffer.md: code that decodes with Latin-1 on purpose and shows the output
BUFFER = ("```js\nconst buf1 = Buffer.from('this is a tést');\n\nconsole.log(buf1.toString('latin1'));\n"
          "// Prints: this is a tÃ©st\n```\n")
# ftfy 6.3.1 README (Apache-2.0) as its PyPI long description, fresh24's record pypi-429058
FTFY = "Example:\n\n    >>> ftfy.fix_text(\"l’humanitÃ©\")\n    \"l'humanité\"\n"


def test_a105_reports_mojibake_in_code_regions_and_on_misdecoded_encoding_lines():
    assert found("ed.txt", "A105", ED) == [("A105", 1, 14)]
    assert found("lilo.conf.txt", "A105", LILO) == [("A105", 2, 14)]
    assert [c for c, _, _ in found("unicode.7.txt", "A105", UNICODE7)] == ["A105"]
    assert found("example.txt", "A105", EXAMPLE) == []
    assert found("buffer.md", "A105", BUFFER) == []
    assert found("ftfy.md", "A105", FTFY) == []


@given(st.lists(st.sampled_from(["caractère", "rétro", "à", "l'élément", "UTF-8", "#", "défaut"]), max_size=12))
def test_misdecoded_words_counts_at_most_the_words_and_none_without_repair(words):
    line = " ".join(words)
    bad = line.encode("utf-8").decode("cp1252", errors="replace")
    assert misdecoded_words(line, line) == 0
    assert 0 <= misdecoded_words(bad, line) <= len(words)


# -- A111: an excerpt's elision mark --------------------------------------------------------

# debian-handbook 11 (en-US) sect.windows-file-server-with-samba: the smb.conf excerpt, as
# fresh24's record doc-7266 holds it (its markup read as Markdown: no code region)
SMB = ("[...]\n\n[global]\n\n## Browsing/Identification ###\n\n"
       "# Change this to the workgroup/NT-domain name your Samba server will part of\n"
       "   workgroup = FALCOTNET\n\n[...]\n\n# Windows Internet Name Serving Support Section:\n"
       "# WINS Support - Tells the NMBD component of Samba to enable its WINS Server\n"
       "   wins support = yes \n\n# [...]\n\n|||\n")


def test_a111_elision_marks_are_text_left_out_and_a_bar_row_is_still_reported(tmp_path):
    (tmp_path / "doc.jsonl").write_text(json.dumps({"id": "doc-7266", "text": SMB}) + "\n", encoding="utf-8")
    _, out = run_json("--select", "A111", "doc.jsonl", cwd=tmp_path)
    assert [(f["line"], f["message"]) for f in out["diagnostics"]] == [(18, "line of symbols only `|||`")]


# -- W112: the soft hyphen a charset table documents ------------------------------------------

# manpages-ru 4.18.1 iso_8859-15(7), its tbl table as text (cells between tabs), as fresh24's
# record man-381938 holds it; then a soft hyphen inside a word (a true finding)
ISO_8859_15 = ("254\t172\tAC\t¬\tЗНАК ОТРИЦАНИЯ\n255\t173\tAD\t\u00ad\tМЯГКИЙ ПЕРЕНОС\n"
               "256\t174\tAE\t®\tЗАРЕГИСТРИРОВАННЫЙ ТОВАРНЫЙ ЗНАК\n\nМяг\u00adкий перенос.\n")


def test_w112_soft_hyphen_in_a_tab_separated_code_table_is_documented():
    assert found("iso_8859-15.7.txt", "W112", ISO_8859_15) == [("W112", 5, 4)]


# -- A101: a table of program output joined into one line -----------------------------------

# samples/news-ar/001 line 31: an id glued to a scraped headline (a true finding)
GLUED = "2a02-4780-11–4f جزيرة إم آند إم\n"


def test_a101_maps_table_on_one_line_is_data_and_a_glued_id_is_still_reported():
    assert found("proc.5.txt", "A101", MAPS + "\n") == []
    assert [c for c, _, _ in found("proc.5.txt", "A101", MAPS + "\n\n" + GLUED)] == ["A101"]


# -- Q114: a manual's advice is not an assistant's closer --------------------------------------

# maint-guide-fr 1.2.53 (MIT-like), ch. 2, as fresh24's record doc-47948 holds it
MAINT_FR = ("Les courtes descriptions données ci-dessus ne servent qu’à vous présenter ce que fait chaque "
            "paquet. Avant de continuer, veuillez lire la documentation de chaque programme pertinent. "
            "Cela peut vous sembler fastidieux maintenant, mais plus tard vous serez très content de l'avoir "
            "fait. Si vous avez des questions particulières par la suite, vous devriez relire les documents "
            "mentionnés ci-dessus.\n")
# the same paragraph closed by an offer to answer (a true finding)
OFFER_FR = MAINT_FR.replace("vous devriez relire les documents mentionnés ci-dessus",
                            "n'hésitez pas à me les poser")


def test_q114_a_closing_pointer_to_the_documents_is_a_manuals_advice():
    assert found("maint-guide.fr.txt", "Q114", MAINT_FR) == []
    assert [c for c, _, _ in found("reply.fr.txt", "Q114", OFFER_FR)] == ["Q114"]


# -- D107: a copied conversation is reported where it opens, not at the system prompt ---------

# debian-faq 11.1 (GPL-2+) ch. "Keeping your Debian system up-to-date" as fresh24's chat record
# faq-42 holds it (the system prompt is the builder's, the same in every record)
FAQ_42 = [{"role": "system", "content": "You are a helpful assistant for Debian users."},
          {"role": "user", "content": "I am currently tracking testing (bookworm). What will happen when a "
                                      "release is made?"},
          {"role": "assistant", "content": "It depends on the entries in the /etc/apt/sources.list file."}]


def test_d107_points_at_the_opening_turn_of_a_copied_conversation(tmp_path):
    rows = [{"id": "faq-42", "messages": FAQ_42}, {"id": "faq-43", "messages": FAQ_42[:2]},
            {"id": "faq-42-copy", "messages": FAQ_42}]
    (tmp_path / "chat.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text('[readers]\ntext-field = "messages[*].content"\nid-field = "id"\n',
                                              encoding="utf-8")
    _, out = run_json("--select", "D107", "chat.jsonl", cwd=tmp_path)
    assert [(f["record"], f["line"]) for f in out["diagnostics"]] == [("faq-42-copy.2", 1)]
    assert "#faq-42.2" in out["diagnostics"][0]["message"]
