"""False-alarm kinds of the duplicate family's default rules D101 (duplicate line) and D103
(restated passage), from fresh17's sets, left17's etoolbox manual and the labelled findings
of the 48 benchmark corpora (dup18): each kind with the real excerpt, beside a true finding
of the same rule that stays reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from pathlib import Path

from .test_fixa16_kinds import found

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "news-ar"


def lines_of(code: str, text: str, path: str = "page.txt") -> list[int]:
    return [f.line for f in found(code, text, path)]


# -- D101: a table of contents entry, then the section it lists ------------------------------

# harden-doc 3.19+nmu1 en-US/ch10.html as text (fresh17's csv-harden body) lines 1-45, the
# body paragraphs cut after their first sentence
_CH10_BODY = (
    "10.1. Keep your system secure\n\nYou should strive to keep your system secure by monitoring its usage and "
    "also the vulnerabilities that might affect it, patching them as soon as patches are available.\n\n"
    "10.1.1. Tracking security vulnerabilities\n\nAlthough most administrators are aware of security "
    "vulnerabilities affecting their systems when they see a patch that is made available you can strive to "
    "keep ahead of attacks and introduce temporary countermeasures for security vulnerabilities by detecting "
    "when your system is vulnerable.\n\n10.1.2. Continuously update the system\n\nYou should conduct security "
    "updates frequently.\n"
)
CH10 = (
    "Securing Debian Manual\n\nNext\n\nChapter 10. Before the compromise\n\n10.1. Keep your system secure\n\n"
    "10.1.1. Tracking security vulnerabilities\n\n10.1.2. Continuously update the system\n\n10.1.3. Avoid using "
    "the unstable branch\n\n10.1.4. Security support for the testing branch\n\n10.1.5. Automatic updates in a "
    "Debian GNU/Linux system\n\n10.2. Do periodic integrity checks\n\n10.3. Set up Intrusion Detection\n\n"
    + _CH10_BODY
)
# harden-doc en-US/ch12.html lines 1-25: FAQ entries end in "?" and "." (no plain heading)
CH12 = (
    "Securing Debian Manual\n\nNext\n\nChapter 12. Frequently asked Questions (FAQ)\n\n12.1. Security in the "
    "Debian operating system\n\n12.1.1. Is Debian more secure than X?\n\n12.1.2. My system is vulnerable! (Are "
    "you sure?)\n\n12.2. Specific software\n\n12.2.1. proftpd is vulnerable to a Denial of Service attack.\n\n"
    "12.3. Questions regarding the Debian security team\n\nThis chapter introduces some of the most common "
    "questions from the Debian security mailing list.\n\n12.1. Security in the Debian operating system\n\n"
    "12.1.1. Is Debian more secure than X?\n\nNo, the fact is that no matter which distribution you use ...\n"
)


def test_d101_contents_entry_and_its_section_title():
    assert found("D101", CH10) == []
    assert found("D101", CH12) == []
    # a title listed alone (no list of titles around it) printed again is a copy
    alone = "Securing Debian Manual\n\nNext\n\nChapter 10. Before the compromise\n\n" + _CH10_BODY.replace(
        "10.1. Keep your system secure\n\n", "10.1. Keep your system secure\n\n10.1. Keep your system secure\n\n", 1)
    assert lines_of("D101", alone) == [9]
    # the headline printed twice (the seed: news-ar 004 line 3 repeats line 1) stays reported
    (seed,) = SAMPLES.glob("004_*.txt")
    assert 3 in lines_of("D101", seed.read_text(encoding="utf-8"), path=seed.name)


# -- D101: one instruction written for two cases ---------------------------------------------

# debian-faq 11.1 (GPL-2+; debian-faq.en.txt as shipped) lines 2413-2456: answer 7.12 and the
# opening of 7.13; debian-faq.ja.txt lines 2432-2474, the same in Japanese
HOLD_EN = (
    '7.12.\xa0How do I put a package on hold?\n\n'
    '\xa0\xa0\xa0 There are three ways of holding back packages, with dpkg, apt or\n    aptitude.\n\n'
    '\xa0\xa0\xa0 With dpkg, you have to export the list of package selections,\n    with:\n\n'
    '\xa0\xa0\xa0 dpkg --get-selections \\* > selections.txt\n\n'
    '\xa0\xa0\xa0 Then edit the resulting file selections.txt, change the line\n    containing the package you wish to hold, e.g. libc6, from this:\n\n'
    '\xa0\xa0\xa0 libc6                                           install\n\n'
    '\xa0\xa0\xa0 to this:\n\n'
    '\xa0\xa0\xa0 libc6                                           hold\n\n'
    '\xa0\xa0\xa0 Save the file, and reload it into dpkg database with:\n\n'
    '\xa0\xa0\xa0 dpkg --set-selections < selections.txt\n\n'
    '\xa0\xa0\xa0 With apt, you can set a package to hold using\n\n'
    '\xa0\xa0\xa0 apt-mark hold package_name\n\n'
    '\xa0\xa0\xa0 and remove the hold with\n\n'
    '\xa0\xa0\xa0 apt-mark unhold package_name\n\n'
    '\xa0\xa0\xa0 With aptitude, you can hold a package using\n\n'
    '\xa0\xa0\xa0 aptitude hold package_name\n\n'
    '\xa0\xa0\xa0 and remove the hold with\n\n'
    '\xa0\xa0\xa0 aptitude unhold package_name\n\n'
    '7.13.\xa0How do I install a source package?\n\n'
    '    Debian source packages can\'t actually be "installed", they are\n\xa0\xa0\xa0 just unpacked in whatever directory you want to build the binary\n    packages they produce.\n'
)
HOLD_JA = (
    '7.12. パッケージを保留 (hold) しておく方法は?\n\n'
    '\xa0\xa0\xa0 パッケージを保留 (hold) しておく方法は dpkg、apt、aptitude で3つ\n    あります。\n\n'
    '\xa0\xa0\xa0 dpkg では、パッケージ選択一覧をエクスポートする必要があります:\n\n'
    '\xa0\xa0\xa0 dpkg --get-selections \\* > selections.txt\n\n'
    '\xa0\xa0\xa0 それからできたファイル selections.txt を編集し、保留 (hold) した\n    いパッケージがある行を変更します。例えば libc6 の場合\n\n'
    '\xa0\xa0\xa0 libc6                                           install\n\n'
    '\xa0\xa0\xa0 から\n\n'
    '\xa0\xa0\xa0 libc6                                           hold\n\n'
    '\xa0\xa0\xa0 に変更してファイルを保存し、dpkg データベースに読ませます:\n\n'
    '\xa0\xa0\xa0 dpkg --set-selections < selections.txt\n\n'
    '\xa0\xa0\xa0 apt では、パッケージの保留 (hold) は\n\n'
    '\xa0\xa0\xa0 apt-mark hold package_name\n\n'
    '\xa0\xa0\xa0 保留 (hold) の解除は\n\n'
    '\xa0\xa0\xa0 apt-mark unhold package_name\n\n'
    '\xa0\xa0\xa0 aptitude では、パッケージの保留 (hold) は\n\n'
    '\xa0\xa0\xa0 aptitude hold package_name\n\n'
    '\xa0\xa0\xa0 保留 (hold) の解除は\n\n'
    '\xa0\xa0\xa0 aptitude unhold package_name\n\n'
    '7.13. ソースパッケージをインストールする方法は?\n\n'
    '    Debian ソースパッケージを実際に「インストール」することはできま\n\xa0\xa0\xa0 せん、生成するバイナリパッケージをビルドしようとするディレクトリ\n    に展開するだけです。\n'
)


def test_d101_sentence_opening_finished_by_two_blocks():
    assert found("D101", HOLD_EN, path="debian-faq.en.txt") == []
    assert found("D101", HOLD_JA, path="debian-faq.ja.txt") == []
    # copied with the block that finishes it, the fragment is a copy
    same = HOLD_EN.replace("aptitude unhold package_name", "apt-mark unhold package_name")
    assert lines_of("D101", same, path="debian-faq.en.txt") == [36]
    # a line opening with a capital is no fragment: a title printed again stays compared
    caps = HOLD_EN.replace("and remove the hold with", "And remove the hold with")
    assert lines_of("D101", caps, path="debian-faq.en.txt") == [36]


# LLaMA-Factory 0.9.5 data/kto_en_demo.json example 21, its reply (chat-llamafactory 21.2), cut
# after the second question's second step
PENALTIES = (
    "Yes, I understand the problem. Here are the steps to solve each question:\n\nQuestion 1: How many penalties "
    "has Cristiano Ronaldo scored this season in comparison to Lionel Messi?\n\nStep 1: Read the question "
    "carefully.\n\nStep 2: Identify the key information needed to answer the question: the number of penalties "
    "scored by Cristiano Ronaldo and Lionel Messi this season.\n\nStep 3: Use your knowledge of soccer to find "
    "the answer. For example, you might know that Cristiano Ronaldo has scored 25 penalties this season, while "
    "Lionel Messi has scored 30 penalties.\n\nStep 4: Compare the number of penalties scored by both players and "
    "determine the answer to the question. In this case, the answer would be \"No, Cristiano Ronaldo has not "
    "scored more penalties than Lionel Messi this season.\"\n\nQuestion 2: Are Messi and Cristiano Ronaldo the "
    "only soccer players who can score more than 50 goals in a season in Europe? Is Neymar close?\n\nStep 1: "
    "Read the question carefully.\n\nStep 2: Identify the key information needed to answer the question: "
    "whether Messi and Cristiano Ronaldo are the only soccer players who can score more than 50 goals in a season "
    "in Europe, and whether Neymar is close.\n"
)


def test_d101_named_step_of_two_procedures():
    assert found("D101", PENALTIES) == []
    # without the step's name and number, or as a step numbered alike in one run of steps
    # (no "Step 1" restarting them), the line said again is a copy
    assert lines_of("D101", PENALTIES.replace("Step 1: Read", "Read")) == [15]
    assert lines_of("D101", PENALTIES.replace("Step 1: Read", "Step 3: Read")) == [15]


# GNOME help (el, CC-BY-SA 3.0; benchmark corpus gnome-help-el) printing-booklet-singlesided.txt,
# whole: the print steps run again for the back sides, one of them changed
BOOKLET_EL = (
    'Εκτύπωση φυλλαδίου σε εκτυπωτή μονής όψης\n\n'
    'Αυτές οι οδηγίες είναι για εκτύπωση φυλλαδίου από έγγραφο PDF.\n\n'
    'Εάν θέλετε να εκτυπώσετε ένα φυλλάδιο από ένα έγγραφο LibreOffice, πρώτα εξάγετε το σε PDF επιλέγοντας Αρχείο ▸ Εξαγωγή ως PDF…. Το έγγραφό σας χρειάζεται να έχει ένα πολλαπλάσιο του αριθμού 4 των σελίδων (4, 8, 12, 16,…). Μπορεί να χρειαστείτε να προσθέσετε μέχρι 3 κενές σελίδες.\n\n'
    'Για εκτύπωση:\n\n'
    'Ανοίξτε τον διάλογο εκτύπωσης. Αυτό μπορεί κανονικά να γίνει μέσα από την Εκτύπωση στο μενού ή χρησιμοποιώντας τη συντόμευση πληκτρολογίου Ctrl+P.\n\n'
    'Click the Properties… button\n\n'
    'Στην πτυσσόμενη λίστα Προσανατολισμός, σιγουρευτείτε πως είναι επιλεγμένο το Οριζόντια.\n\n'
    'Κάντε κλικ στο Εντάξει για να μεταβείτε πίσω στον διάλογο εκτύπωσης.\n\n'
    'Στο Εύρος και αντίγραφα, επιλέξτε Σελίδες.\n\n'
    'Πληκτρολογήστε τους αριθμούς των σελίδων με αυτήν τη σειρά (n είναι ο συνολικός αριθμός των σελίδων και ένα πολλαπλάσιο του 4):\n\n'
    'n, 1, 2, n-1, n-2, 3, 4, n-3, n-4, 5, 6, n-5, n-6, 7, 8, n-7, n-8, 9, 10, n-9, n-10, 11, 12, n-11…\n\n'
    '…μέχρι να τυπώσετε όλες τις σελίδες.\n\n'
    'Παραδείγματα:\n\n'
    '4σέλιδο φυλλάδιο: Πληκτρολογήστε 4,1,2,3\n\n'
    '8σέλιδο φυλλάδιο: Πληκτρολογήστε 8,1,2,7,6,3,4,5\n\n'
    '12σέλιδο φυλλάδιο: Πληκτρολογήστε 12,1,2,11,10,3,4,9,8,5,6,7\n\n'
    '16σέλιδο φυλλάδιο: Πληκτρολογήστε 16,1,2,15,14,3,4,13,12,5,6,11,10,7,8,9\n\n'
    '20σέλιδο φυλλάδιο: Πληκτρολογήστε 20,1,2,19,18,3,4,17,16,5,6,15,14,7,8,13,12,9,10,11\n\n'
    'Επιλέξτε την καρτέλα Διαμόρφωση σελίδας.\n\n'
    'Στο Διάταξη, επιλέξτε Φυλλάδιο.\n\n'
    'Στο Πλευρές σελίδας, στην πτυσσόμενη λίστα Συμπερίληψη, επιλέξτε Μπροστά πλευρά / δεξιές σελίδες.\n\n'
    'Κάντε κλικ στο Εκτύπωση.\n\n'
    'Όταν όλες οι σελίδες εκτυπωθούν, αναστροφή των σελίδων και τοποθέτηση τους πίσω στον εκτυπωτή.\n\n'
    'Ανοίξτε τον διάλογο εκτύπωσης. Αυτό μπορεί κανονικά να γίνει μέσα από την Εκτύπωση στο μενού ή χρησιμοποιώντας τη συντόμευση πληκτρολογίου Ctrl+P.\n\n'
    'Επιλέξτε την καρτέλα Διαμόρφωση σελίδας.\n\n'
    'Στο Πλευρές σελίδας, στην πτυσσόμενη λίστα Συμπερίληψη, επιλέξτε Πίσω πλευρά / αριστερές σελίδες.\n\n'
    'Κάντε κλικ στο Εκτύπωση.\n'
)


def test_d101_step_of_a_second_pass_with_a_changed_step_between():
    assert found("D101", BOOKLET_EL) == []
    # with no copied step two units before it ("Choose the General tab" instead of the Page
    # Layout one), "Click Print." is compared as before
    at = BOOKLET_EL.rindex("Επιλέξτε την καρτέλα Διαμόρφωση σελίδας.")
    general = BOOKLET_EL[:at] + BOOKLET_EL[at:].replace("Διαμόρφωση σελίδας", "Γενικά", 1)
    assert lines_of("D101", general) == [53]


# Python 3.11.2 docs (PSF licence; python3.11-doc's library/colorsys.html as text, fresh17's
# txt-longform) lines 1-34 and 83-121: the navigation bar at the top and at the foot of the page
COLORSYS = (
    'Navigation\n\n'
    'index\n\n'
    'modules |\n\n'
    'next |\n\n'
    'previous |\n\n'
    'Python »\n\n'
    '3.11.2 Documentation »\n\n'
    'The Python Standard Library »\n\n'
    'Multimedia Services »\n\n'
    'colorsys — Conversions between color systems\n\n'
    '|\n\n'
    'colorsys — Conversions between color systems¶\n\n'
    'Source code: Lib/colorsys.py\n\n'
    'The colorsys module defines bidirectional conversions of color values between colors expressed in the RGB (Red Green Blue) color space used in computer monitors and three other coordinate systems: YIQ, HLS (Hue Lightness Saturation) and HSV (Hue Saturation Value). Coordinates in all of these color spaces are floating point values. In the YIQ space, the Y coordinate is between 0 and 1, but the I and Q coordinates can be positive or negative. In all other spaces, the coordinates are all between 0 and 1.\n\n'
    'See also\n\n'
    'More information about color spaces can be found at https://poynton.ca/ColorFAQ.html and https://www.cambridgeincolour.com/tutorials/color-spaces.htm.\n\n'
    'The colorsys module defines the following functions:\n\n'
    'Previous topic\n\n'
    'wave — Read and write WAV files\n\n'
    'Next topic\n\n'
    'Internationalization\n\n'
    'This Page\n\n'
    'Report a Bug\n\n'
    'Show Source\n\n'
    '«\n\n'
    'Navigation\n\n'
    'index\n\n'
    'modules |\n\n'
    'next |\n\n'
    'previous |\n\n'
    'Python »\n\n'
    '3.11.2 Documentation »\n\n'
    'The Python Standard Library »\n\n'
    'Multimedia Services »\n\n'
    'colorsys — Conversions between color systems\n\n'
    '|\n\n'
    '© Copyright 2001-2026, Python Software Foundation. This page is licensed under the Python Software Foundation License Version 2. Examples, recipes, and other code in the documentation are additionally licensed under the Zero Clause BSD License. See History and License for more information. The Python Software Foundation is a non-profit corporation. Please donate. Last updated on October 07, 2026. Found a bug? Created using Sphinx 5.3.0.\n'
)


def test_d101_navigation_copied_whole_stays_reported():
    # a block copied whole is no second pass, whatever lies two units before a copy
    assert lines_of("D101", COLORSYS, path="colorsys.txt") == [63, 65]


# -- D103: each item of a list with its own label ---------------------------------------------

# LLaMA-Factory 0.9.5 data/dpo_en_demo.json example 175, turn 4 (chat-llamafactory 175.4)
ALLOWANCES = (
    "The casting process involves several allowances, each with a specific purpose. To counteract the negative "
    "effect of the shake allowance, one might consider manipulating these other factors:\n\n1. Draft Allowance: As "
    "mentioned in the passage, increasing the draft allowance can compensate for the shake allowance. The draft "
    "allowance is a taper or slope given to cores and other parts of the casting mold to enable easy removal of the "
    "pattern. By increasing this allowance, the pattern can be removed more easily, reducing the enlargement caused "
    "by the shake allowance.\n\n2. Shrinkage Allowance: This allowance is made to compensate for the reduction in "
    "size of the casting that occurs as it cools and solidifies. By accurately calculating the shrinkage allowance, "
    "one can ensure that the final product is of the desired dimensions, even after accounting for the shake "
    "allowance.\n\n3. Machining Allowance: This is an extra material allowance provided on the casting to "
    "compensate for any material that might be removed during the finishing or machining process. By "
    "strategically planning the machining allowance, one can ensure that the final product is of the desired "
    "dimensions, even after the shake allowance and other factors are taken into account.\n\n4. Distortion "
    "Allowance: This is an allowance given to compensate for any changes in shape that might occur during the "
    "cooling process. By accurately predicting and allowing for distortion, one can ensure that the final product "
    "is of the desired shape and size.\n\nIn conclusion, while the shake allowance is a negative allowance that "
    "can affect the final dimensions of the casting, it can be counteracted by strategically manipulating other "
    "allowances and factors in the casting process."
)


def test_d103_items_each_of_its_own_label():
    assert found("D103", ALLOWANCES) == []
    # the same definition under two labels is a restatement: items 2 and 3 both of shrinkage
    both = ALLOWANCES.replace(
        "3. Machining Allowance: This is an extra material allowance provided on the casting to compensate for any "
        "material that might be removed during the finishing or machining process.",
        "3. Cooling Allowance: This is an extra allowance made to compensate for the reduction in size of the "
        "casting that occurs as it cools and solidifies.")
    assert lines_of("D103", both) == [7]
    # and without labels the two items' sentences stay compared
    bare = ALLOWANCES.replace("2. Shrinkage Allowance: ", "2. ").replace("3. Machining Allowance: ", "3. ")
    assert 7 in lines_of("D103", bare)


# -- D103: a paragraph that opens on another thing ----------------------------------------

# LLaMA-Factory 0.9.5 data/kto_en_demo.json example 147, its sixth turn (chat-llamafactory 147.6)
CLEAVAGE = (
    "Certainly, the development patterns of deuterostomes and protostomes are significant because they influence the organization and final structure of the adult organism's body plan.\n\n"
    'In deuterostome development, seen in Chordates, the blastopore (the first opening formed during embryonic development) becomes the anus, and the mouth is formed later. This is associated with radial cleavage during early embryogenesis, where the planes of cell division are either parallel or perpendicular to the vertical axis of the embryo, leading to cells being directly above or below each other.\n\n'
    'Deuterostome development also typically involves coelom formation by enterocoely, where the coelom (body cavity) forms from outpocketings of the archenteron (gut). This leads to a well-organized coelomic cavity, which in many Chordates houses complex organ systems.\n\n'
    'In contrast, protostome development, seen in Arthropods, involves the blastopore becoming the mouth, with the anus forming later. This is associated with spiral cleavage, where the planes of cell division are diagonal to the vertical axis of the embryo. This results in the cells of one pole of the embryo being nestled into the spaces between the cells at the opposite pole.\n\n'
    'Protostome development typically involves coelom formation by schizocoely, where the coelom forms from splits in the mesoderm. This can lead to a more segmented body plan, as seen in many Arthropods.\n\n'
    'These different developmental patterns can influence the complexity and arrangement of organ systems, the segmentation of the body, and other aspects of the adult body plan.'
)


def test_d103_sentence_of_a_paragraph_opening_in_contrast():
    assert found("D103", CLEAVAGE) == []
    # the paragraph without its cue is no parallel statement: the sentence stays reported
    plain = CLEAVAGE.replace("In contrast, protostome development", "Protostome development")
    assert lines_of("D103", plain) == [7]


# -- D103: one note under two entries of a LaTeX reference -----------------------------------

# etoolbox 2.5k manual (texlive-latex-recommended-doc 2022.20230122-3, LPPL-1.3c; etoolbox.tex)
# lines 473-498: the Patching subsection up to \pretocmd's text
ETOOLBOX_TEX = (
    '\\subsection{Patching}\n\\label{aut:pat}\n\n'
    'The tools in this section are useful to hook into or modify existing code. All commands presented here preserve the parameters and the prefixes of the patched \\prm{command}. Note that \\cs{outer} commands may not be patched. Also note that the commands in this section will not automatically issue any error messages if patching fails. Instead, they take a \\prm{failure} argument which should provide suitable fallback code or an error message. Issuing \\cmd{tracingpatches} in the preamble will cause the commands to write debugging information to the transcript file.\n\n'
    '\\begin{ltxsyntax}\n\n'
    '\\cmditem{patchcmd}[prefix]{command}{search}{replace}{success}{failure}\n\n'
    'This command extracts the replacement text of a \\prm{command}, replaces \\prm{search} with \\prm{replace}, and reassembles the \\prm{command}. The pattern match is category code agnostic and matches the first occurence of the \\prm{search} pattern in the replacement text of the \\prm{command} to be patched. Note that the patching process involves detokenizing the replacement text of the \\prm{command} and retokenizing it under the current category code regime after patching. The category code of the @ sign is temporarily set to 11. If the replacement text of the \\prm{command} includes any tokens with non"=standard category codes, the respective category codes must be adjusted prior to patching. If the code to be replaced or inserted refers to the parameters of the \\prm{command} to be patched, the parameter characters need not be doubled. If an optional \\prm{prefix} is specified, it replaces the prefixes of the \\prm{command}. An empty \\prm{prefix} argument strips all prefixes from the \\prm{command}. The assignment is local. This command implicitly performs the equivalent of an \\cmd{ifpatchable} test prior to patching. If this test succeeds, the command applies the patch and executes \\prm{success}. If the test fails, it executes \\prm{failure} without modifying the original \\prm{command}. This command is robust.\n\n'
    '\\cmditem{ifpatchable}{command}{search}{true}{false}\n\n'
    'This command executes \\prm{true} if the \\prm{command} may be patched with \\cmd{patchcmd} and if the \\prm{search} pattern is found in its replacement text, and \\prm{false} otherwise. This command is robust.\n\n'
    '\\cmditem*{ifpatchable*}{command}{true}{false}\n\n'
    'Similar to \\cmd{ifpatchable} except that the starred variant does not require a search pattern. Use this version to check if a command may be patched with \\cmd{apptocmd} and \\cmd{pretocmd}.\n\n'
    '\\cmditem{apptocmd}{command}{code}{success}{failure}\n\n'
    'This command appends \\prm{code} to the replacement text of a \\prm{command}. If the \\prm{command} is a parameterless macro, it behaves like \\cmd{appto} from section \\ref{aut:hok:app}. In contrast to \\cmd{appto}, \\cmd{apptocmd} may also be used to patch commands with parameters. In this case, it will detokenize the replacement text of the \\prm{command}, apply the patch, and retokenize it under the current category code regime. The category code of the @ sign is temporarily set to 11. The \\prm{code} may refer to the parameters of the \\prm{command}. The assignment is local. If patching succeeds, this command executes \\prm{success}. If patching fails, it executes \\prm{failure} without modifying the original \\prm{command}. This command is robust.\n\n'
    '\\cmditem{pretocmd}{command}{code}{success}{failure}\n\n'
    'This command is similar to \\cmd{apptocmd} except that the \\prm{code} is inserted at the beginning of the replacement text of the \\prm{command}. If the \\prm{command} is a parameterless macro, it behaves like \\cmd{preto} from section \\ref{aut:hok:app}. In contrast to \\cmd{preto}, \\cmd{pretocmd} may also be used to patch commands with parameters. In this case, it will detokenize the replacement text of the \\prm{command}, apply the patch, and retokenize it under the current category code regime. The category code of the @ sign is temporarily set to 11. The \\prm{code} may refer to the parameters of the \\prm{command}. The assignment is local. If patching succeeds, this command executes \\prm{success}. If patching fails, it executes \\prm{failure} without modifying the original \\prm{command}. This command is robust.\n'
)


def test_d103_latex_entries_each_with_its_note():
    assert found("D103", ETOOLBOX_TEX, path="etoolbox.tex") == []
    # the two paragraphs under one entry: the sentence said again is reported
    one_entry = ETOOLBOX_TEX.replace("\\cmditem{pretocmd}{command}{code}{success}{failure}\n\n", "")
    assert lines_of("D103", one_entry, path="etoolbox.tex") == [24]
    # two entries of one name are one entry
    same_name = ETOOLBOX_TEX.replace("\\cmditem{pretocmd}", "\\cmditem{apptocmd}")
    assert lines_of("D103", same_name, path="etoolbox.tex") == [26]
