"""False-alarm kinds fresh17 and fresh16 left (note-s33 section 7), each with the real excerpt and
a true finding of the same rule beside it still reported: A103 on the body of Sphinx's "See
also" admonition and on Python code ("print()"); A101 on a bytes literal a doctest prints and
on an encoding's alias; W103 on GnuPG's key listing; ``text-format = "auto"`` read a CSV cell
as Markdown for its root prompts and shell comments ("# apt-get update", "# Disables the magic
SysRq key"). Sources: tests/data/realtext/SOURCE.md (left18)."""

from __future__ import annotations

import pytest

from corpuslint.readers.base import RecordDocument

from .test_fixa16_kinds import found, spans  # noqa: F401  (used by the sections below)


# -- 1. A103: documentation's own "See also"; code is no share button ------------------------

# python3.11-doc 3.11.2 (PSF licence) as fresh17's txt-longform (HTML to text): library/array.html
# lines 266-276, cmath.html 164-168, ast.html 1948-1950, reference/compound_stmts.html 680-686,
# asyncio-api-index.html 145-147, cgi.html 282-288, curses.html 1099-1101, simple_stmts.html
# 418-426 (its list of what may come before a future statement)
SEE_ALSO_MODULE = ("array('d', [1.0, 2.0, 3.14])\n\nSee also\n\nModule struct\n\n"
                   "Packing and unpacking of heterogeneous binary data.\n\nModule xdrlib\n\n"
                   "Packing and unpacking of External Data Representation (XDR) data as used in some remote "
                   "procedure call systems.\n")
SEE_ALSO_PEP = "See also\n\nPEP 485 – A function for testing approximate equality\n\nConstants¶\n"
SEE_ALSO_RESOURCE = ("See also\n\nGreen Tree Snakes, an external documentation resource, has good details on "
                     "working with Python ASTs.\n")
SEE_ALSO_TITLE = ("See also\n\nCustomizing positional arguments in class pattern matching\n\n"
                  "II. Once all positional patterns have been converted to keyword patterns,\n")
SEE_ALSO_SENTENCE = "Examples\n\nExecuting a shell command.\n\nSee also the subprocess APIs documentation.\n"
CGI_PRINT = ("If you suspect that there may be a problem in importing the cgitb module, you can use an even more "
             "robust approach (which only uses built-in modules):\n\nimport sys\nsys.stderr = sys.stdout\n"
             "print(\"Content-Type: text/plain\")\nprint()\n...your code here...\n")
CURSES_KEY = "KEY_RESET\n\nReset or hard reset (unreliable)\n\nKEY_PRINT\n\nPrint\n\nKEY_LL\n"
FUTURE_LIST = ("A future statement must appear near the top of the module. The only lines that can appear before a "
               "future statement are:\n\nthe module docstring (if any),\n\ncomments,\n\nblank lines, and\n\n"
               "other future statements.\n")
# LibreOffice 7.4 help (MPL-2.0) common_func, as tests/test_tri14_kinds.py has it: a "See also"
# whose links the conversion lost, over a sentence about the function itself
LO_LOST_LINKS = ("Technical information\n\nSee also\n\nThis function is not part of the Open Document Format for "
                 "Office Applications (OpenDocument) Version 1.3.\n")


@pytest.mark.parametrize("text", [SEE_ALSO_MODULE, SEE_ALSO_PEP, SEE_ALSO_RESOURCE, SEE_ALSO_TITLE,
                                  SEE_ALSO_SENTENCE, CGI_PRINT, CURSES_KEY, FUTURE_LIST])
def test_a103_documentation_see_also_and_code_are_not_boilerplate(text):
    assert spans("A103", text) == []


def test_a103_a_scraped_see_also_is_still_reported():
    assert spans("A103", LO_LOST_LINKS) == ["See also"]
    assert spans("A103", "Executing a shell command.\n\nSee also: Our newsletter\n") == ["See also: Our newsletter"]
    assert spans("A103", SEE_ALSO_SENTENCE + "\nShare\n\nPrint\n") == ["Share", "Print"]


# -- 1. A101: a bytes literal a doctest prints, an encoding's alias -----------------------------

# library/binascii.html lines 103-106, codecs.html line 880 (its table of codecs and aliases)
BINASCII = (">>> import binascii\n>>> binascii.b2a_hex(b'\\xb9\\x01\\xef')\nb'b901ef'\n"
            ">>> binascii.hexlify(b'\\xb9\\x01\\xef', '-')\nb'b9-01-ef'\n")
CODECS = "euc_kr\n\neuckr, korean, ksc5601, ks_c-5601, ks_c-5601-1987, ksx1001, ks_x-1001\n\nKorean\n"


def test_a101_a_bytes_literal_and_an_encoding_alias_are_not_debris():
    assert spans("A101", BINASCII) == [] and spans("A101", CODECS) == []
    # samples/news-ar/001 line 31's scraped fragment beside them is still reported
    leak = "2a02-4780-11–4f جزيرة إم آند إم\n"
    assert spans("A101", BINASCII + "\n" + leak) == ["2a02-4780-11–4f"]
    assert spans("A101", CODECS + "\n" + leak) == ["2a02-4780-11–4f"]


# -- 1. W103: GnuPG's key listing in a record read as Markdown ----------------------------------

# harden-doc 3.19+nmu1 (GPL-2+) en-US/deb-pack-sign.html lines 90-93, 133 and 163-164 (fresh17's
# csv-harden cell, a record read as Markdown), and gpg 2's layout of the same listing
GPG = ("# apt-key list\n/etc/apt/trusted.gpg\n--------------------\n"
       "pub   1024D/4F368D5D 2005-01-31 [expires: 2006-01-31]\n"
       "uid                  Debian Archive Automatic Signing Key (2005) <ftpmaster@debian.org>\n\n"
       "sig!3        2D230C5F 2006-01-03  Debian Archive Automatic Signing Key\n\n"
       "pub   1024D/2D230C5F 2006-01-03\n"
       "uid                  Debian Archive Automatic Signing Key (2006) <ftpmaster@debian.org>\n\n"
       "pub   rsa4096 2019-04-15 [SC]\nuid           [ unknown] Debian Archive Automatic Signing Key (10/buster)\n")


def test_w103_gpg_key_listing_is_laid_out_by_gpg():
    assert spans("W103", GPG, "page.md") == []
    # a doubled space in the sentence under it is still a slip
    slip = GPG + "\nThe key of the archive is  listed above, with its date.\n"
    assert spans("W103", slip, "page.md") == ["  "]


# -- 3. text-format "auto": a shell comment or a root prompt is no Markdown heading -------------

# harden-doc 3.19+nmu1 (GPL-2+) as fresh17's csv-harden cells: en-US/restrict-sysrq.html (its
# last paragraphs), en-US/ch04s10.html (a root prompt between paragraphs), en-US/bridge-fw.html
# (comments over command lines), fr-FR/bind-chuser.html (a comment between two parts of a script)
SYSRQ = ("To do this edit the /etc/sysctl.conf and add the following lines:\n\n"
         "# Disables the magic SysRq key\nkernel.sysrq = 0\n\n"
         "For more information, read security chapter in the Remote Serial Console HOWTO, Kernel SysRQ "
         "documentation. and the Magic_SysRq_key wikipedia entry.\n")
LSOF = ("Note that the Post-Invoke may fail with a \"/usr busy\" error message. This happens mainly when you are "
        "using files during the update that got updated. You can find these programs by running\n\n# lsof +L1\n\n"
        "Stop or restart these programs and run the Post-Invoke manually.\n")
BRIDGE = ("The following commands show how this bridge can be configured.\n\n# Create the interface br0\n"
          "/usr/sbin/brctl addbr br0\n\n# Add the Ethernet interface to use with the bridge\n"
          "/usr/sbin/brctl addif br0 eth0\n/usr/sbin/brctl addif br0 eth1\n")
BIND_FR = ("else\n  echo \"Attention : l'utilisateur $USER existe déjà. Il ne sera pas créé.\"\nfi\n\n"
           "# Modifier le script init.d\n\n"
           "# D'abord faire une sauvegarde (vérifier qu'il n'y en a pas déjà une)\nif [ ! -f $INITDBAK ] \nthen\n"
           "  cp $INITD $INITDBAK\nfi\n")


@pytest.mark.parametrize("text", [SYSRQ, LSOF, BRIDGE, BIND_FR])
def test_auto_reads_shell_comments_and_root_prompts_as_plain_text(text):
    doc = RecordDocument("harden-doc.csv", 1, "en-US/x.html", text, None, "auto")
    assert doc.suffix == "" and not doc.is_markdown
    assert doc.regions == RecordDocument("harden-doc.csv", 1, "en-US/x.html", text, None, "plain").regions


@pytest.mark.parametrize("text", [
    "# Securing Debian\n\nThe Magic SysRq key is a key combination.\n",  # a title over prose
    "## Steps\n\n1. Mix.\n2. Bake.\n",
    SYSRQ + "\n## Next steps\n\nRead the HOWTO.\n",  # a real heading beside the comment
    "# Install\n\nRun the installer, then reboot.\n\n# Use\n\nOpen the menu.\n",
    "# corpuslint\n[![PyPI](https://img.shields.io/pypi/v/x.svg)](https://pypi.org/project/x/)\n",  # a badge under a title
    "## Prices\nApples > pears this week.\n",
    # llm-data-llamafactory's alpaca_en_demo output 762 (LLaMA-Factory's demo data, as
    # tests/test_answer_markup_kinds.py quotes it): a Markdown level no shell comment writes
    '### Output:\n["Apple", "Banana", "Orange", "Grape"]',
])
def test_auto_still_reads_atx_headings_as_markdown(text):
    assert RecordDocument("f.jsonl", 1, 1, text, None, "auto").is_markdown


# -- 4. debian-reference in French: "On" is French, guillemets nest, a title's gloss ----------

# debian-reference-fr 2.100 (GPL-2+) as fresh16 built it (HTML to text): ch01 lines 917-921 (with
# its command, cut after /dev/sda's line), ch12 lines 113-115 (an English paragraph left
# untranslated, its cross-reference's French title nesting guillemets), ch08 lines 309-311 (a
# table's cells), ch11 lines 1107-1109, ch07 lines 1269-1271 (a transcript flattened into a line)
ON_FR = ("Pour l’accès normal à une imprimante, utilisez lp(1).\n\nOn affiche le numéro de nœud du périphérique en "
         "utilisant la commande ls(1) comme suit\u00a0:\n\n$ ls -l /dev/sda /dev/sr0 /dev/ttyS0 /dev/zero brw-rw---T 1 "
         "root disk 8, 0 Oct 16 20:57 /dev/sda\n")
NESTED_FR = ("12.1.1.\u00a0Compatibilité de l’interpréteur de commandes avec POSIX\n\nMany system scripts may be "
             "interpreted by any one of POSIX shells (see Tableau\u00a01.13, «\u00a0Liste d’interpréteurs de commandes "
             "(«\u00a0shells\u00a0»)\u00a0»).\n")
CELLS_FR = "366\n\nMultilingue\u00a0: Indien, Arabe et autres\n"
TITLE_FR = ("De nombreuses références sont disponibles pour TeX et LaTeX\u00a0:\n\n"
            "The teTeX HOWTO\u00a0: le guide local de teTeX sous Linux\u00a0;\n")
XHOST = ("Access to the X server by the applications which use X core protocol and run on the same host but in an "
         "environment such as chroot where the authority file is not accessible, can be authorized securely with "
         "xhost by using the User-based access, e.g. \"gitk\" as the following.\n\n"
         "username $ xhost + si:localuser:root ; sudo chroot /path/to # cd /src # gitk # exit username $ xhost -\n")
# ch01 line 201 (a no-break space before a full stop) and ch07 line 1009 (a space before a stop
# in an English paragraph): slips, as tests/test_fixa16_kinds.py has them
from .test_fixa16_kinds import FLATPAK, ROOT_FR  # noqa: E402


@pytest.mark.parametrize("text", [ON_FR, NESTED_FR, CELLS_FR, TITLE_FR])
def test_w102_w114_french_typography_in_debian_reference(text):
    assert found(["W102", "W114"], text) == []


def test_w114_a_semicolon_between_commands_of_a_flattened_transcript():
    assert found("W114", XHOST) == []


def test_w102_w114_slips_beside_them_are_still_reported():
    assert spans("W102", ON_FR + "\n" + ROOT_FR) == ["\u00a0"]
    assert [f.code for f in found(["W102", "W114"], NESTED_FR + "\n" + ROOT_FR)] == ["W102"]
    assert spans("W114", XHOST + "\n" + FLATPAK) == [" "]


# -- 3. (consequence) W114 in plain text that quotes code: a lone "." ending a sentence ----------

# maint-guide 1.2.53 vi (MIT-style) chapter 0 as fresh17's hf-debian-docs record maint-vi-0, lines
# 1257-1261 (a record read as plain text: its "# ..." lines are a Makefile's comments) and line 835
DOC_BASE_VI = ("Đây là tệp doc-base của gói gentoo gentoo.doc-base trong giống như sau:\n\n"
               "Document: gentoo Title: Gentoo Manual Author: Emil Brink Abstract: This manual describes what Gentoo "
               "is, and how it can be used. Section: File Management Format: HTML Index: /usr/share/doc/gentoo/html\n\n"
               "Thông tin về định dạng tệp tin này, xem install-docs(8) và the Debian doc-base manual ở bản copy "
               "/usr/share/doc/doc-base/ doc-base.html/index.html trên máy của bạn được cung cấp bởi gói doc-base .\n\n"
               "$ dpkg-buildpackage -us -uc\n")
DOT_NAMED_VI = ("Dòng 13 là nơi diễn tả dài. Đây sẽ là một đoạn cho biết thêm chi tiết về gói. Cột 1 của mỗi dòng nên để "
                "trống. Không có dòng trắng, nhưng bạn có thể đặt một . (dấu chấm) trong một cột để mô phỏng. Ngoài ra, "
                "không có nhiều dòng trống sau mô tả dài. ^[34]\n")


# manpages-fr 4.18.1 (GPL-3+) env(1) lines 60-67 (a dot set off the command it follows)
ENV_FR = ("   Utilisation de -S/--split-string dans des scripts\n"
          "       script nommé 1.pl contenant la première ligne suivante :\n\n"
          "              #!/usr/bin/env -S perl -w -T\n              ...\n\n       exécutera perl -w -T 1.pl .\n")


def test_w114_a_spaced_full_stop_in_text_that_quotes_code():
    from corpuslint.document import Document

    assert Document("page.txt", DOC_BASE_VI).quotes_code
    assert spans("W114", DOC_BASE_VI) == [" "]  # "gói doc-base .": the sentence's end, a slip
    assert spans("W114", DOC_BASE_VI + "\n" + DOT_NAMED_VI) == [" "]  # "một . (dấu chấm)": the dot named
    # a dot after a file name: a dot kept off the command it ends
    assert found("W114", ENV_FR) == []
