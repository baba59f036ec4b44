"""False-alarm kinds a new user (fresh16) met in the spacing rules and the repeated-word rule:
French man pages and debian-reference (undeclared French, whose safe fixes rewrote French
typography), quoted commands and values, LibreOffice help's BASIC examples flattened into
text, Arabic UI strings binding the conjunction و with a no-break space, and a .po
translation padding a quotation as its msgid does. Each kind with the real excerpt, and a true
finding of the same rule beside it still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuslint import lint_paths, lint_text


from .test_fresh14_kinds import SAFE, apply_safe

NO_CACHE = {"cache": False}


def found(codes, text: str, path: str = "page.txt", **config) -> list:
    codes = [codes] if isinstance(codes, str) else codes
    return lint_text(text, path=path, config={"select": codes, **NO_CACHE, **config})


def spans(code: str, text: str, path: str = "page.txt") -> list[str]:
    return [text[f.start : f.end] for f in found(code, text, path)]


# -- 1. French typography, judged near the mark, never undone by a safe fix --------------------

# debian-reference-fr 2.100 ch06 lines 535-541 (the command and its output dilute the French)
EXIM_FR = ("Lancer exim4 par la commande suivante\u00a0:\n\n$ sudo systemctl start exim4\n\n"
           "Le nom de machine dans «\u00a0/etc/exim4/passwd.client\u00a0» ne doit pas être un alias. "
           "Vérifiez le nom de machine réel comme suit\u00a0:\n\n"
           "$ host smtp.hostname.dom smtp.hostname.dom is an alias for smtp99.hostname.dom. "
           "smtp99.hostname.dom has address 123.234.123.89\n")
# manpages-fr 4.18.1 false(1) lines 41-46 (translators' addresses dilute it)
FALSE_FR = ("       <jcristau@debian.org>, Nicolas François <nicolas.francois@centraliens.net>, Bastien Scher\n"
            "       <bastien0705@gmail.com>, David Prévot <david@tilapin.org> et Jean-Philippe MENGUAL\n"
            "       <jpmengual@debian.org>\n\n"
            "       Cette traduction est une documentation libre\u00a0; veuillez vous reporter à la GNU General\n"
            "       Public License version\u00a03 ⟨https://www.gnu.org/licenses/gpl-3.0.html⟩ concernant les\n")
# debian-reference-fr ch09 lines 2419-2423
LOOP_FR = ("Cela peut être simplifié de la manière suivante\u00a0:\n\n"
           "# mkdir -p /mnt/loop0 # mount -t auto -o loop partition.img /mnt/loop0 ...hack...hack...hack # umount partition.img\n\n"
           "Chaque partition de l’image disque «\u00a0disk.img\u00a0» contenant plusieurs partitions peut être montée en "
           "utilisant le périphérique de rebouclage (loop device). Étant donné que le périphérique de rebouclage ne gère "
           "pas, par défaut, les partitions, il faut le réinitialiser de la manière suivante\u00a0:\n")
# debian-reference-fr ch01 line 201 (a no-break space before a full stop: a slip) and ch07
# line 1009 (an English paragraph left untranslated: a space before its full stop)
ROOT_FR = ("Voici quelques méthodes de base pour obtenir l’invite de l’interpréteur de commande de "
           "l’administrateur en utilisant le mot de passe de «\u00a0root\u00a0»\u00a0.\n")
FLATPAK = "For binaries from FLATHUB, run them in Flatpak . (No manual configuration required.)\n"


def test_w102_w114_french_typography_near_the_mark():
    for text in (EXIM_FR, FALSE_FR, LOOP_FR):
        assert found(["W102", "W114", "W115"], text) == [], text
    # the no-break space before a full stop is no French typography: still reported
    assert [(f.code, f.line) for f in found(["W102", "W114"], EXIM_FR + "\n" + ROOT_FR)] == [("W102", 9)]
    # an English paragraph in the French document keeps its finding (debian-reference-en's
    # sentence, with the space before its colon added), and so does FLATPAK's stray space in
    # a text that quotes no code
    assert spans("W114", EXIM_FR + "\nIn order to check it, run the following with the hostname of the server it is on :\n") == [" "]
    assert spans("W114", ROOT_FR + "\n" + FLATPAK) == [" "]
    # English with the same no-break space before a colon is still reported, without a safe fix
    english = "The host name in the file\u00a0: it must not be an alias, and it is checked on start.\n"
    got = found(["W102", "W114"], english)
    assert [f.code for f in got] == ["W102", "W114"]
    assert all(f.fix.applicability != SAFE for f in got)


# debian-reference-fr 2.100: apa line 1, ch10 line 151, ch02 line 289
COUNTERS_FR = ("Annexe\u00a0A.\u00a0Annexe\n\narchiveur de style UNIX System\u00a0V, utiliser avec find(1)\n\n"
               "Ne pas installer de paquets provenant d’un mélange aléatoire de suites. Cela va probablement casser "
               "la cohérence des paquets, comme l’ABI, d’un compilateur, la version d’une bibliothèque, les "
               "fonctionnalités d’un interpréteur,\u00a0etc.\n")


def test_w102_letter_counters_and_french_etc():
    assert found("W102", COUNTERS_FR) == []
    # a no-break space between two words is still reported
    assert spans("W102", COUNTERS_FR + "\nle mot de\u00a0passe\n") == ["\u00a0"]


# debian-reference-fr pr01 line 193 (a clause of it): a space then a no-break space before »
APTITUDE_FR = ("iquée par la commande «\u00a0apt-cache show\u00a0» ou «\u00a0aptitude show \u00a0» "
               "(actuellement sur l’architecture amd64)\n")


def test_w103_fix_keeps_the_no_break_space_before_guillemet():
    got = found("W103", APTITUDE_FR)
    assert [APTITUDE_FR[f.start : f.end] for f in got] == [" \u00a0"]
    assert apply_safe(got, APTITUDE_FR) == APTITUDE_FR.replace("show \u00a0»", "show\u00a0»")


_WORDS = st.sampled_from(["Nom", "dans", "est", "pas", "the", "file", "is", "x", "/etc/motd", "vous",
                          "«", "»", ":", ";", "!", "?", ".", ",", "\u00a0", "\u202f", " ", " ", "\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, min_size=1, max_size=30))
def test_safe_fixes_never_undo_french_spacing(parts):
    text = "".join(parts)
    marks = ("\u00a0:", "\u00a0;", "\u00a0!", "\u00a0?", "\u00a0»", "«\u00a0",
             "\u202f:", "\u202f;", "\u202f!", "\u202f?", "\u202f»", "«\u202f")
    fixed = apply_safe(found(["W102", "W103", "W114", "W115"], text), text)
    assert sum(fixed.count(m) for m in marks) >= sum(text.count(m) for m in marks)


# -- 2. W114: a quoted command or value is a literal ---------------------------------------------

# debian-reference-de 2.100 ch01 line 1623, ch06 line 509; pr01 line 63 (a true slip)
NETRW_DE = ('Vim bringt das Netrw-Paket mit. Netrw unterstützt das Lesen und Schreiben von Dateien sowie das '
            'Durchsuchen von Verzeichnissen über das Netzwerk und lokal! Probieren Sie Netrw, indem Sie "vim ." '
            'ausführen (also ein Punkt als Argument zu vim) und lesen Sie das Handbuch mittels ":help netrw".\n')
EXIM_DE = ('Bei "IP-Adressen, an denen eingehende SMTP-Verbindungen erwartet werden" wählen Sie den '
           'Standardwert "127.0.0.1 ; ::1".\n')
CUPS_DE = ("Freie Software in Debian stammt von GNU, Linux, BSD, X, ISC, Apache, Ghostscript, Common Unix "
           "Printing System , Samba, GNOME, KDE, Mozilla, LibreOffice, Vim, TeX, LaTeX, DocBook.\n")


def test_w114_quoted_command_or_value_is_a_literal():
    assert found("W114", NETRW_DE) == [] and found("W114", EXIM_DE) == []
    assert spans("W114", NETRW_DE + EXIM_DE + CUPS_DE) == [" "]
    # a quoted sentence keeps its finding
    assert spans("W114", 'Er sagte "Das ist gut , danke" und ging.\n') == [" "]


# -- 3. W114, S104: code flattened into the text of a help page ---------------------------------

# libreoffice-help-de 7.4.7 sbasic/python/python_listener, sbasic/shared/partition,
# sbasic/shared/03120301 (a true slip in prose)
LISTENER_DE = ("Dim act As Object ' com.sun.star.awt.XActionListener Dim rc As Object : rc = "
               "com.sun.star.ui.dialogs.ExecutableDialogResults BasicLibraries.LoadLibrary(MY_LIBRARY)\n")
PARTITION_DE = ('print "20:20 Die Zahl 20 kommt im Bereich vor: " & retStr retStr = Partition(120, 0, 99, 5) '
                'print "100: Die Zahl 120 kommt im Bereich vor: " & retStr\n')
FORMAT_DE = ("0: Wenn Ausdruck eine Ziffer an der Stelle von der 0 im Code für Format hat , wird diese "
             "Ziffer angezeigt. Ansonsten wird eine Null angezeigt.\n")
# debian-reference-de ch12 line 1637 (a true doubled word)
UND_DE = ('Wenn Sie sich absolut sicher sind, dass der Installationsprozess Dateien nur unter "/usr/local/" '
          'abgelegt hat und und es nichts Wichtiges mehr dort gibt, können Sie alternativ auch alles löschen.\n')


def test_code_flattened_into_text_is_skipped():
    assert found("W114", LISTENER_DE) == []
    assert spans("W114", LISTENER_DE + "\n" + FORMAT_DE) == [" "]
    assert found("S104", PARTITION_DE) == []
    assert spans("S104", PARTITION_DE + "\n" + UND_DE) == ["und und"]


# -- 4. W102: the Arabic conjunction و bound to its word --------------------------------------

# nautilus-data 43 ar (GPL-3+) msgstr of "Nautilus supports all the basic functions...";
# gnome-control-center-data 43.6 ar (GPL-2+); libreoffice-l10n-ar 7.4.7 sc "Date&Time" with
# the no-break space between two words (a true finding), here as text
NAUTILUS_AR = ("يمكنك البحث في ملفاتك و\u00a0مجلداتك و\u00a0إدارتها، محليًا أو عبر الشبكة، و\u00a0قراءة\n"
               "و\u00a0كتابة البيانات من و\u00a0إلى الوسائط المنفصلة، و\u00a0تشغيل البرامج.\n")
GCC_AR = "اتصل بحساباتك على الإنترنت و\u00a0اختر ما الذي تستخدمه منهم\n"


def test_w102_arabic_conjunction_bound_to_its_word():
    assert found("W102", NAUTILUS_AR) == [] and found("W102", GCC_AR) == []
    assert spans("W102", NAUTILUS_AR + "الوقت\u00a0والتاريخ\n") == ["\u00a0"]


# -- 5. W115: a .po translation pads a quotation as its msgid does -----------------------------

SW_PO = ('msgid ""\nmsgstr ""\n"Language: ar\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
         'msgctxt "footnotepage|extended_tip|contfromed"\nmsgid ""\n'
         '"Enter the text that you want to display on the page where the footnotes are "\n'
         '"continued, for example, \\"Continued from Page \\". Writer automatically "\n'
         '"inserts the number of the previous page."\nmsgstr ""\n'
         '"أدخِل النص الذي تريد عَرضه على الصفحة التي تُواصَل فيها الملاحظات الذيلية، مثلا "\n'
         '"\\"مُواصَلة من صفحة \\". رايتر سيُدرج رقم الصفحة السابقة تلقائيًا."\n')


def test_w115_quotation_padded_as_the_msgid(tmp_path):
    po = tmp_path / "sw.po"
    po.write_text(SW_PO, encoding="utf-8")
    assert lint_paths([po], config={"select": ["W115"], **NO_CACHE}) == []
    # the msgid not padding its quotation, the translation's space is a slip
    po.write_text(SW_PO.replace('Continued from Page \\"', 'Continued from Page\\"'), encoding="utf-8")
    assert [f.code for f in lint_paths([po], config={"select": ["W115"], **NO_CACHE})] == ["W115"]
