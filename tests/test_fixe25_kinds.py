"""Leftovers of fresh24's report (an LLM dataset of Debian manuals and man pages in JSON
Lines, JSON and Parquet shards), each on a real excerpt (tests/data/realtext/SOURCE.md:
"fixe25") with a true finding of the same rule beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpuslint import lint_text

from .conftest import run_cli, run_json

# -- bug 3: one list of text fields for shards of several schemas -----------------------------

# fresh24's records: a pre-training paragraph (gcloud man page), a Debian FAQ chat, a
# debian-handbook section as Alpaca (sft-alpaca-0001.parquet's first row)
PARAGRAPH = {"id": "man-247399", "lang": "en",
             "text": "deny-403 Denies the request from HTTP(S) Load Balancing, with an HTTP response status code of 403."}
CHAT = {"id": "faq-129", "lang": "en", "messages": [
    {"role": "system", "content": "You are a helpful assistant for Debian users."},
    {"role": "user", "content": "Are there any alternative strategies for booting the system installer?"},
    {"role": "assistant", "content": "Yes. Apart from CD or DVD, you can install Debian GNU/Linux by booting from "
                                     "USB memory stick, directly from hard disk, or using TFTP net booting."}]}
ALPACA = {"id": "sec-278", "lang": "ar", "instruction": "Explain: B.1. الصَدَفة (shell) والأوامر الأساسية",
          "input": "", "output": "نظرة سريعة بدء مُفسِّر الأوامر"}
FIELDS = '["text", "messages[*].content", "instruction", "input", "output"]'


def test_a_list_of_text_fields_reads_whichever_each_shard_has(tmp_path):
    # a record with none of the fields (a metadata line written into a shard) stays one F005
    stray = {"id": "man-000000", "lang": "en", "body": "written under another name"}
    (tmp_path / "pretrain.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                                     for r in (PARAGRAPH, stray)), encoding="utf-8")
    (tmp_path / "chat.jsonl").write_text(json.dumps(CHAT) + "\n", encoding="utf-8")
    (tmp_path / "alpaca.json").write_text(json.dumps([ALPACA], ensure_ascii=False), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist([ALPACA]), tmp_path / "alpaca.parquet")
    pq.write_table(pa.Table.from_pylist([{"id": "x", "label": 1}]), tmp_path / "labels.parquet")
    (tmp_path / "corpuslint.toml").write_text(
        f'include = ["*.json", "*.jsonl", "*.parquet"]\n[readers]\ntext-field = {FIELDS}\nid-field = "id"\n',
        encoding="utf-8")
    _, out = run_json("--select", "F,Q108", ".", cwd=tmp_path)
    got = sorted((f["path"], str(f["record"]), f["message"]) for f in out["diagnostics"] if f["code"] == "F005")
    assert got == [
        ("labels.parquet", "None", "no column 'text', 'messages[*].content', 'instruction', 'input', 'output' for "
                                   "the text (columns: id, label; set --text-field)"),
        ("pretrain.jsonl", "man-000000", "record has none of the text fields 'text', 'messages[*].content', "
                                         "'instruction', 'input', 'output'")]
    # every shard was read: Q108 sees the short pre-training paragraph; the chat's turns and the
    # Alpaca fields are parts of an example, which it does not measure (q44), and the report
    # counts their records (pretrain 2, chat 1, each Alpaca file 1; labels.parquet none)
    read = {(f["path"], str(f["record"])) for f in out["diagnostics"] if f["code"] == "Q108"}
    assert read == {("pretrain.jsonl", "man-247399.text")}, read
    proc = run_cli("check", "--no-cache", "--exit-zero", "--select", "F,Q108", ".", cwd=tmp_path)
    assert "in 4 files (5 records) checked" in proc.stdout, proc.stdout


# -- kind 2, W103: a man page's definition list and example session flattened into a record --

# fresh24's pretrain-0000 paragraphs: gcloud pages' option and command lists (their tag's
# indentation gone with the paragraph's), intro(1) es's example session joined into one line
MAN_LISTS = [
    ("man-244381", "--mtu=MTU  Maximum transmission unit (MTU) is the size of the largest IP packet passing "
                   "through this interconnect attachment. Must be one of 1440, 1460, 1500, or 8896. If not "
                   "specified, the value will default to 1440."),
    ("man-214996", "describe  Show details of the management server."),
    ("man-293713", "set-iam-policy  (BETA) Set the IAM policy for a backup."),
    ("man-335370", "knuth login: aeb Password: ******** $ date Tue Aug  6 23:50:44 CEST 2002 $ cal      August 2002 Su Mo Tu We Th Fr Sa              1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31  $ ls bin  tel $ ls -l total 2 drwxrwxr-x   2 aeb       1024 Aug  6 23:51 bin -rw-rw-r--   1 aeb         37 Aug  6 23:52 tel $ cat tel maja    0501-1136285 peter   0136-7399214 $ cp tel tel2 $ ls -l total 3 drwxr-xr-x   2 aeb       1024 Aug  6 23:51 bin -rw-r--r--   1 aeb         37 Aug  6 23:52 tel -rw-r--r--   1 aeb         37 Aug  6 23:53 tel2 $ mv tel tel1 $ ls -l total 3 drwxr-xr-x   2 aeb       1024 Aug  6 23:51 bin -rw-r--r--   1 aeb         37 Aug  6 23:52 tel1 -rw-r--r--   1 aeb         37 Aug  6 23:53 tel2 $ diff tel1 tel2 $ rm tel1 $ grep maja tel2 maja    0501-1136285 $"),
    # true findings: a doubled space between words of a sentence (localedef(1) ru, scriptreplay(1) fr)
    ("man-374543", "4 Произошла  ошибка, результат не записан."),
    ("man-356861", "Si vous découvrez un bogue dans la traduction de cette page de manuel,  veuillez envoyer "
                   "un message à"),
]


def test_definition_lists_and_sessions_of_man_pages_in_records(tmp_path):
    (tmp_path / "pre.jsonl").write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                                                for i, t in MAN_LISTS), encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text('[readers]\nid-field = "id"\n', encoding="utf-8")
    _, out = run_json("--select", "W103", "pre.jsonl", cwd=tmp_path)
    assert sorted((f["record"], f["column"]) for f in out["diagnostics"]) == [("man-356861", 71),
                                                                             ("man-374543", 12)]


# -- kind 3, W114: a wrong language tag against text that plainly reads French ------------------

# developers-reference-fr 12.18 paragraphs that fresh24's records tag "en" (pretrain-0000
# doc-53170; sft-alpaca-0001.parquet sec-4592's output, its first two paragraphs and a list's lead)
DISTS = "Le répertoire racine contient deux répertoires : dists/ et pool/. Le second contient un ensemble de répertoires où sont stockés les paquets, gérés dans la base de données de l'archive, et les programmes d’accompagnement. Le premier répertoire contient les distributions stable, testing et unstable. Les fichiers Packages et Sources des sous-répertoires de distribution font référence aux fichiers du répertoire pool/. Le découpage en sous-répertoires est identique d'une distribution à l'autre. Ce qui est exposé ci-dessous pour la distribution stable est également valable pour les distributions unstable et testing."
TESTING = ("Les paquets sont habituellement installés dans la distribution testing après avoir subi "
           "suffisamment de tests dans unstable.\n\nL'inclusion d'un paquet d'unstable est soumise aux "
           "conditions suivantes :")
# a true finding: an English question with a stray space before its mark (LLaMA-Factory's
# kto_en_demo record 22, turn 7), tagged "en" as it is
STEP = "was there a step after 4 ?"


def test_a_declared_language_gives_way_to_text_that_plainly_reads_french(tmp_path):
    rows = [("doc-53170", DISTS), ("sec-4592", TESTING), ("kto-22", STEP)]
    (tmp_path / "d.jsonl").write_text("".join(json.dumps({"id": i, "lang": "en", "text": t}, ensure_ascii=False)
                                              + "\n" for i, t in rows), encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text('[readers]\nid-field = "id"\n', encoding="utf-8")
    _, out = run_json("--select", "W114", "d.jsonl", cwd=tmp_path)
    assert [(f["record"], f["message"]) for f in out["diagnostics"]] == [("kto-22", "space before '?'")]


# -- kind 7, D101/Q101/Q102: the same step in two flows of one procedure ----------------------

# debian-reference 2.100 §2.1.3 "The event flow of the package management", its nested lists
# flattened to one-line paragraphs, as fresh24's record sec-2595 (sft-alpaca-0000.json) holds it
APT_FLOWS = "Here is a summary of the simplified event flow of the package management by APT.\n\nUpdate (\"apt update\", \"aptitude update\" or \"apt-get update\"):\n\nFetch archive metadata from remote archive\n\nReconstruct and update local metadata for use by APT\n\nUpgrade (\"apt upgrade\" and \"apt full-upgrade\", or \"aptitude safe-upgrade\" and \"aptitude full-upgrade\", or \"apt-get upgrade\" and \"apt-get dist-upgrade\"):\n\nChoose candidate version which is usually the latest available version for all installed packages (see Section 2.7.3, “Tweaking candidate version” for exception)\n\nMake package dependency resolution\n\nFetch selected binary packages from remote archive if candidate version is different from installed version\n\nUnpack fetched binary packages\n\nRun preinst script\n\nInstall binary files\n\nRun postinst script\n\nInstall (\"apt install …\", aptitude install …\" or \"apt-get install …\"):\n\nChoose packages listed on the command line\n\nMake package dependency resolution\n\nFetch selected binary packages from remote archive\n\nUnpack fetched binary packages\n\nRun preinst script\n\nInstall binary files\n\nRun postinst script\n\nRemove (\"apt remove …\", \"aptitude remove …\" or \"apt-get remove …\"):\n\nChoose packages listed on the command line\n\nMake package dependency resolution\n\nRun prerm script\n\nRemove installed files except configuration files\n\nRun postrm script\n\nPurge (\"apt purge\", \"aptitude purge …\" or \"apt-get purge …\"):\n\nChoose packages listed on the command line\n\nMake package dependency resolution\n\nRun prerm script\n\nRemove installed files including configuration files\n\nRun postrm script\n\nHere, I intentionally skipped technical details for the sake of big picture."


def test_a_step_repeated_in_two_flows_of_a_procedure_is_no_copy(tmp_path):
    record = {"id": "sec-2595", "lang": "en", "instruction": "Explain: The event flow of the package management",
              "input": "", "output": APT_FLOWS}
    (tmp_path / "sft.json").write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text(
        '[readers]\ntext-field = ["instruction", "input", "output"]\nid-field = "id"\n', encoding="utf-8")
    _, out = run_json("--select", "D101,D103,Q101,Q102", "sft.json", cwd=tmp_path)
    assert [(f["code"], f["line"]) for f in out["diagnostics"]] == []
    # a headline printed again two lines down (samples/news-ar/004) stays a copy
    news = (Path(__file__).parents[1] / "samples" / "news-ar" / "004_d2699a1dccc3a5cf.txt").read_text(encoding="utf-8")
    assert [(f.code, f.line) for f in lint_text(news, path="x.txt", config={"select": ["D101"]})] == [("D101", 3)]


# -- kind 8, S104: a noun, then the placeholder it names -----------------------------------------

# mount(8) fr of manpages-fr 4.18.1 (fresh24 record man-371799): "/sbin/mount.type" names the
# placeholder, then "le type type" (the page's italic placeholder, lost in text)
MOUNT_TYPE = "Pour la plupart des types, mount n’effectue qu’un appel système mount(2) et aucune connaissance détaillée du système de fichiers n'est nécessaire. Pour certains types toutefois (comme nfs, nfs4, cifs, smbfs et ncpfs), du code supplémentaire est indispensable. Les systèmes de fichiers nfs, nfs4, cifs, smbfs et ncpfs ont un programme de montage indépendant. Afin de rendre uniforme le traitement de tous les types, mount exécutera le programme /sbin/mount.type (s'il existe) lorsqu'il est invoqué avec le type type. Comme différentes versions de smbmount ont des conventions d'appels diverses, /sbin/mount.smbfs peut être un script shell qui réalise l'appel voulu."
# a true finding: cpuset(7) ru of manpages-ru 4.18.1 (record man-380594), "наиболее наиболее"
CPUSET = ("Необходимо разместить локальные данные нити в узлах памяти близко к ЦП, на которых выполняются "
          "нити, то есть наиболее наиболее востребованные данные;")


def test_a_noun_then_the_placeholder_it_names_is_no_doubled_word(tmp_path):
    rows = [("man-371799", "fr", MOUNT_TYPE), ("man-380594", "ru", CPUSET)]
    (tmp_path / "d.jsonl").write_text("".join(json.dumps({"id": i, "lang": g, "text": t}, ensure_ascii=False)
                                              + "\n" for i, g, t in rows), encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text('[readers]\nid-field = "id"\n', encoding="utf-8")
    _, out = run_json("--select", "S104", "d.jsonl", cwd=tmp_path)
    assert [(f["record"], f["message"]) for f in out["diagnostics"]] == [("man-380594", "'наиболее' is repeated")]
