"""False-alarm kinds fresh17 and fresh16 left (note-s33 section 7), each with the real excerpt and
a true finding of the same rule beside it still reported: ``text-format = "auto"`` read a CSV
cell as Markdown for its root prompts and shell comments ("# apt-get update", "# Disables the
magic SysRq key"). Sources: tests/data/realtext/SOURCE.md (left18)."""

from __future__ import annotations

import pytest

from corpuslint.readers.base import RecordDocument

from .test_fixa16_kinds import found, spans  # noqa: F401  (used by the sections below)


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
])
def test_auto_still_reads_atx_headings_as_markdown(text):
    assert RecordDocument("f.jsonl", 1, 1, text, None, "auto").is_markdown
