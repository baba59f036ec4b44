"""False-alarm kinds fresh22 met on a news/doc archive built from debian-handbook (ar-MA,
fr-FR, en-US), the Debian FAQ and maint-guide-fr, each as a test on the real excerpt
(tests/data/realtext/SOURCE.md: "fixc22") with a true finding of the same rule beside it."""

from __future__ import annotations

from .test_fresh_corpora import found  # (code, line, column) of one rule's findings

# -- W102: a no-break space after an arrow, in a spelt-out count, before a letter label -----

# debian-handbook 11 (en-US) conclusion.html as text: each cited link under "→\u00a0"
ARROW = (
    "Debian 11 Release Notes\n"
    "\n"
    "\u2192\u00a0https://www.debian.org/releases/bullseye/amd64/release-notes\n"
)
# debian-handbook 11 (en-US) the-debian-project: the count spelt out, bound to its noun
COUNT = ("Currently, it officially supports nine\u00a0hardware release architectures and several "
         "variations of each kernel.\n")
# debian-handbook 11 (fr-FR) sect.debian-internals: the appendix and its letter, after "l'"
LABEL_FR = ("Le plus connu est sans conteste Ubuntu, mais il y en a un grand nombre\u00a0; "
            "consultez l'Annexe\u00a0A, Distributions dérivées pour découvrir leurs particularités.\n")
# debian-handbook 11 (ar-MA) user-space, kernel-role-and-tasks: an Arabic label, a Latin letter
LABEL_AR = ("تبيّن جاهزيته لقراءة أمر جديد. ملحق\u00a0B, دورة تذكيرية قصيرة يصف أساسيات استخدام الصدفة.\n"
            "\n"
            "مثال\u00a0B.1.\u00a0مثال عن المعلومات التي يقدمها الأمر lspci والأمر lsusb\n")
# debian-handbook 11 (fr-FR) sect.selinux: a port number broken by a no-break space (a true finding)
PORT = ("Ainsi, si l'on veut que le serveur web puisse également écouter sur le port 8\u00a0080, "
        "il faut exécuter la commande semanage port -m -t http_port_t -p tcp 8080.\n")


def test_w102_arrow_spelt_count_and_letter_labels_are_typography():
    assert found("conclusion-00.txt", "W102", ARROW) == []
    assert found("the-debian-project-00.txt", "W102", COUNT) == []
    assert found("sect.debian-internals-03.txt", "W102", LABEL_FR) == []
    assert found("user-space-00.txt", "W102", LABEL_AR) == []


def test_w102_still_reports_a_number_broken_by_a_no_break_space():
    assert found("sect.selinux-01.txt", "W102", PORT) == [("W102", 1, PORT.index("\u00a0") + 1)]
    # the same arrow glued to a word is no lead mark: "a→\u00a0b" is reported
    assert found("x.txt", "W102", "see a→\u00a0b here\n") == [("W102", 1, 7)]


# -- W114: French spacing on a short line, a named dot, a path before the full stop --------

# debian-handbook 11 (fr-FR) sect.apparmor as text: the page's navigation line after an
# English paragraph left untranslated; unix-services: a list's lead-in
APPARMOR_FR = (
    "If you want the generated profile to be complete, you should use the program in all the ways "
    "that it is legitimately used.\n"
    "\n"
    "And /etc/apparmor.d/usr.sbin.dhclient-script might be similar to "
    "/usr/share/apparmor/extra-profiles/sbin.dhclient, shipped in apparmor-profiles too.\n"
    "\n"
    "Précédent14.3.\u00a0Supervision\u00a0: prévention, détection, dissua...\n"
)
LEAD_IN_FR = (
    "The System V init system (which we'll call init for brevity) executes several processes, "
    "following instructions from the /etc/inittab file.\n"
    "\n"
    "Parmi ceux-ci, on trouve successivement\u00a0:\n"
)
# debian-handbook 11 (ar-MA) network-services: English left in the Arabic page, the dot named
DOT_NAMED = ('sets of allowed characters (for instance, [0-9] means "any digit", and . — a dot — means '
             '"any character"), quantification.\n')
# debian-handbook 11 (ar-MA) network-services, sect.ldap-directory: a path kept off the full stop;
# then a space before the Arabic comma on the same line (a true finding)
PATH_AR = ("يسمح للمستخدمين بفرز بريدهم الإلكتروني الوارد وفقًا للقواعد المخزنة في ملف ~/.procmailrc ."
           " يقترح كل من Postfix و Exim4 procmail بشكل افتراضي ، ولكن هناك بدائل مثل maildrop.\n")


def test_w114_french_short_line_named_dot_and_path_are_not_reported():
    assert found("sect.apparmor-00.txt", "W114", APPARMOR_FR) == []
    assert found("unix-services-01.txt", "W114", LEAD_IN_FR) == []
    assert found("network-services-03.txt", "W114", DOT_NAMED) == []


def test_w114_still_reports_the_space_before_an_arabic_comma_beside_the_path():
    col = PATH_AR.index(" ،") + 1
    assert found("network-services-00.txt", "W114", PATH_AR) == [("W114", 1, col)]
    # an English short line with a space before its colon keeps its finding
    assert found("x.txt", "W114", "The first paragraph is English and long enough to tell.\n\nNote\u00a0: done\n") \
        == [("W114", 3, 5)]


# -- D106: a definition list's term and code on an HTML line are no template ----------------

# debian-handbook 11 HTML pages (advanced-administration.html:48, basic-configuration.html:52
# and :67), the same lines in the en-US, fr-FR and ar-MA pages; the third paragraph, left in
# English in all three, is prose around a <code> and stays reported
HANDBOOK_LINES = [
    '\t\t\t\t\t\t\t</div></div></dd><dt><span class="term">RAID-4</span></dt><dd><div class="para">',
    '\t\t\t</div><pre class="screen"><code class="computeroutput">$ </code><strong class="userinput">'
    '<code>ls travail/</code></strong>',
    '\t\t\t\tFor simple text files, you can use <code class="command">recode</code> (in the package of '
    'the same name) which allows automatic recoding.',
]


# each page's own text (debian-handbook 11: basic-configuration in fr-FR and ar-MA, the-debian-project in en-US)
OWN = {
    "en-US": "Currently, it officially supports nine hardware release architectures and several variations of "
             "each kernel (Linux, FreeBSD, Hurd). With more than 60,000 source packages, the available software "
             "can meet almost any need that one could have, whether at home or in the enterprise.",
    "fr-FR": "Le plus connu est sans conteste Ubuntu, mais il y en a un grand nombre ; consultez l'annexe pour "
             "découvrir leurs particularités et leurs positionnements respectifs vis-à-vis de Debian, dont "
             "elles reprennent une large part du travail.",
    "ar-MA": "يسمح للمستخدمين بفرز بريدهم الإلكتروني الوارد وفقًا للقواعد المخزنة في ملف خاص، ويقترح كل من "
             "النظامين برنامجًا افتراضيًا لذلك، ولكن هناك بدائل أخرى تؤدي المهمة نفسها بطرق مختلفة.",
}


def test_d106_a_term_and_a_command_shared_by_translations_are_not_boilerplate():
    # the lines D106 counts across the corpus (its per-document state): the page's own paragraph
    # and the English paragraph around a <code> are counted, the <dt> term and the <pre> command not
    from corpuslint.document import Document
    from corpuslint.families.duplicate.corpus import BoilerplateLine

    for lang, own in OWN.items():
        # (the <pre> of the second line closes a few lines below it in the pages: "</pre>" here,
        # else the third line would be read as inside it, code)
        body = "\n".join(["<html><body>", f"<p>{own}</p>", *HANDBOOK_LINES[:2], "</pre>", HANDBOOK_LINES[2],
                          "</body></html>", ""])
        state = BoilerplateLine().collect(Document(f"{lang}-page.html", body))
        assert state["lines"].tolist() == [2, 6]


def test_w114_still_reports_a_space_between_a_path_and_a_cjk_full_stop():
    # debian-handbook 11 (zh-CN) basic-configuration (corpus debian-handbook-zh, a labelled tp)
    line = "打开支持的语言环境存储在 /etc/locale.gen 。它可以被手工编辑。\n"
    assert found("basic-configuration.txt", "W114", line) == [("W114", 1, line.index(" 。") + 1)]
