"""False-alarm kinds left over from fresh16 and nb16 (left17): LibreOffice help's value lists,
flattened BASIC routines, spreadsheet function syntax and a mark named after "segno" (W114);
each kind with the real excerpt, beside a true finding of the same rule that stays reported.
Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations


from .test_fixa16_kinds import found, spans


def lines_of(code: str, text: str, path: str = "page.txt") -> list[int]:
    return [f.line for f in found(code, text, path)]


# -- W114: LibreOffice help (libreoffice-help-de/-it 7.4.7, fresh16's parquet-lohelp bodies) ---

# sbasic/shared/03010304 (de) body lines 21-27: a value list, a paragraph an item
COLOURS_DE = "ColorNumber können die folgenden Werte zugewiesen werden:\n\n0 : Schwarz\n\n1 : Blau\n\n2 : Grün\n"
# sbasic/shared/03101000 (de) body lines 21-30: a term over its meaning, then the next term
TYPES_DE = ("Ausdruckstypen und Rückgabewerte der Konvertierung\n\nBoolean :\n\n"
            "Zeichenfolge, die entweder als True oder als False ausgewertet wird.\n\nDate :\n\n"
            "Zeichenfolge, die das Datum und die Uhrzeit enthält.\n")
# sbasic/shared/03/sf_ui (de) body lines 227-231: one parameter spaced among parameters
# that write "name: text" (a slip: the help writes "name: text" 2,806 times, spaced 79)
PARAMS_DE = ("Parameter:\n\ndocumenttype : \"Calc\", \"Writer\", … Wenn nicht vorhanden, muss das Argument "
             "templatefile vorhanden sein.\n\ntemplatefile: Der vollständige FileName der Vorlage, auf der das "
             "neue Dokument aufgebaut werden soll.\n")


def test_w114_value_list_spacing_its_key_colons():
    assert found("W114", COLOURS_DE) == []
    assert found("W114", TYPES_DE) == []
    # the lone spaced parameter among "name: text" ones stays reported
    assert lines_of("W114", PARAMS_DE) == [3]
    # and so does an item whose neighbours attach their colon (03090404's "End Select :"
    # between "End Property:" and "End Sub:")
    ends = ("End Property: Markiert das Ende einer Anweisung Property.\n\nEnd Select : Kennzeichnet das "
            "Ende eines Select Case-Blockes\n\nEnd Sub: Beendet eine Anweisung Sub.\n")
    assert lines_of("W114", ends) == [3]


# sbasic/shared/03050100 (de) body line 23: a routine that lost its line breaks (the comma
# after "Now" is 120 characters from the nearest assignment)
ERROR_DE = ("Sub ExampleError On Error GoTo ErrorHandler ' Fehlerbehandlung anmelden Dim iVar As Integer Dim sVar "
            "As String ' Hier wird ein Fehler verursacht, da die Datei nicht existiert iVar = Freefile Open "
            "\"\\file9879.txt\" For Input As #iVar Line Input #iVar, sVar Close #iVar Exit Sub ErrorHandler: MsgBox "
            "\"Fehler \" & err & \": \" & Error$ + chr(13) + \"In Line : \" + Erl + chr(13) + Now , 16 ,\"Fehler "
            "aufgetreten\" End Sub\n")
# sbasic/shared/03090101 (de) body line 21: prose about If…Then…ElseIf, a real slip "True ist ."
IF_DE = ("Die Anweisung If…Then führt Programmblöcke abhängig von gegebenen Bedingungen aus. Wenn LibreOffice "
         "Basic auf eine Anweisung If stößt, wird die Bedingung getestet. Wenn die Bedingung True ist, werden alle "
         "nachfolgenden Anweisungen bis zur nächsten Anweisung Else oder ElseIf ausgeführt. Wenn die Bedingung "
         "False ist und eine Anweisung ElseIf folgt, testet LibreOffice Basic den nächsten Ausdruck und führt die "
         "folgenden Anweisungen aus, wenn die Bedingung True ist . Bei False fährt das Programm entweder mit der "
         "nächsten Anweisung ElseIf oder Else fort.\n")


# Django 4.2 ug catalogue (po-django's ug-conf-django.txt line 715): HTML attributes are no code
DJANGO_UG = ('سىز بۇ بەتنى كۆرۈۋاتىسىز ، چۈنكى <a href="https://docs.djangoproject.com/en/%(version)s/ref/settings/#debug" '
             'target="_blank" rel="noopener">DEBUG = True</a> سىزنىڭ تەڭشەك ھۆججىتىڭىزدە ،شۇنداقلا ھېچقانداق URL '
             'تەڭشەلىمىگەن.\n')


def test_w114_flattened_routine_is_code():
    assert found("W114", ERROR_DE) == []
    assert spans("W114", DJANGO_UG) == [" "]
    # keywords named in prose are no code: the stray space before the full stop is reported
    assert [f.message for f in found("W114", IF_DE)] == ["space before '.'"]


# scalc/01/04060183 (de) body line 263, a syntax line; scalc/01/04060104 (de) body line 457
LOGNORM_DE = "Syntax\n\nLOGNORM.INV(Zahl ; Mittelwert ; StAbw)\n"
TYPE_DE = ("Ergibt den Typ von Werte, wobei 1 = Zahl, 2 = Text, 4 = boolescher Wert, 8 = Formel, "
           "16 = Fehlerwert , 64 = Matrix bedeutet.\n")


def test_w114_spreadsheet_function_syntax():
    assert found("W114", LOGNORM_DE) == []
    assert spans("W114", TYPE_DE) == [" "]
    # a parenthesis of prose is no argument list
    assert spans("W114", "Die Werte (siehe unten , dort) sind Zahlen.\n") == [" "]


# sbasic/shared/conventions (it) body line 25
SEGNO_IT = ("Un insieme di istruzioni di LibreOffice Basic, con etichette opzionali, fa uso del segno : (due punti) "
            "per separarle, può concludersi con un commento opzionale. REM o un apostrofo precedono il commento.\n")


def test_w114_mark_named_after_sign_noun():
    assert found("W114", SEGNO_IT) == []
    # the same sentence with the mark used after another word is reported, and so is a
    # comma after "symbol" with no name of the mark after it (gnome-help ru,
    # keyboard-shortcuts-set line 52, an image's alt text)
    assert spans("W114", SEGNO_IT.replace("del segno :", "del segno due punti :")) == [" "]
    assert spans("W114", "Explorer key symbol или Explorer key symbol , или Проводник\n") == [" "]


# -- W102/W114: a French line beside English (debian-reference-fr 2.100, manpages-fr 4.18.1) ---

# index.fr lines 297-319: the table of contents, one heading left untranslated above French ones
TOC_FR = ("2.7.10. Retour d’urgence à une version précédente (downgrade)\n\n2.7.11. Qui a envoyé le paquet ?\n\n"
          "2.7.12. Paquet equivs\n\n2.7.13. Porter un paquet vers le système stable\n\n"
          "2.7.14. Serveur mandataire (proxy) pour APT\n\n2.7.15. Autres lectures concernant la gestion des paquets\n\n"
          "3. Initialisation du système\n\n3.1. Aperçu du processus d’amorçage du système\n\n3.1.1. Stage 1: the UEFI\n\n"
          "3.1.2. Étage 2\u00a0: le chargeur initial\n\n3.1.3. Étage 3\u00a0: le système mini-Debian\n\n"
          "3.1.4. Étage 4\u00a0: le système Debian normal\n")
# chattr(1) lines 18-22: English names of the attributes glossed in a French sentence
CHATTR_FR = ("       Les lettres «\u00a0aAcCdDeFijmPsStTux\u00a0» sélectionnent les nouveaux attributs des fichiers :\n"
             "       ajout uniquement (a : append), pas de mise à jour de la date d'accès (A : no atime\n"
             "       updates), compressé (c : compressed), pas de copie sur écriture (C : no copy on write),\n"
             "       pas de dump (d : no dump), mises à jour synchrones des répertoires (D : synchronous\n"
             "       directory updates), format étendu (e : extent format), recherches de répertoire\n"
             "       insensibles à la casse (F : case-insensitive directory lookups), immuable (i : immutable),\n"
             "       journalisation des données (j : data journalling), non compressé (m : don't compress),\n"
             "       hiérarchie de projet (P : project hierarchy), suppression sécurisée (s : secure deletion),\n")
# fixa16's English sentence with a no-break space before its colon: still reported, unsafe
ENGLISH_NBSP = "The host name in the file\u00a0: it must not be an alias, and it is checked on start.\n"


def test_w102_w114_french_line_beside_english():
    assert found(["W102", "W114"], TOC_FR) == []
    # the untranslated heading set with a no-break space (an English word on its line) is
    # judged by its paragraph: reported, without a safe fix (W102 keeps "1\u00a0:" after a
    # number); so is fixa16's English sentence
    got = found(["W102", "W114"], TOC_FR.replace("Stage 1: the UEFI", "Stage 1\u00a0: the UEFI"))
    assert [(f.code, f.line) for f in got] == [("W114", 17)]
    assert all(f.fix.applicability != "safe" for f in got)
    assert [f.code for f in found(["W102", "W114"], ENGLISH_NBSP)] == ["W102", "W114"]


def test_w114_english_glosses_in_a_french_sentence():
    assert found("W114", CHATTR_FR) == []
    # an English sentence after it, with a space before its colon, is reported
    english = "\nIn order to check it, run the following with the hostname of the server it is on :\n"
    assert spans("W114", CHATTR_FR + english) == [" "]


# -- A103: a numbered or LaTeX cross-reference after "See also" --------------------------------

# debian-reference-fr ch06 lines 829-831 (an English paragraph left untranslated)
SEE_SECTION = ("Although shellinabox is not a SSH program, it is listed here as an interesting alternative for the "
               "remote terminal access.\n\nSee also Section 7.8, « X server connection » for connecting to remote X "
               "client programs.\n")
# memoir 3.8 manual (memman.tex lines 3859-3860 and 6272-6273)
SEE_REF_TEX = ("See also Section~\\ref{sec:predefined-layouts}\n(\\emph{\\titleref{sec:predefined-layouts}}) for some "
               "predefined layouts.\n\n\\fancybreak{}\n\nSee also \\cite{textcase} for some information about upper casing\n"
               "citations using a non-nummeric style.\n")


def test_a103_numbered_and_latex_cross_references():
    assert found("A103", SEE_SECTION) == []
    assert found("A103", SEE_REF_TEX, path="memman.tex") == []
    # a bare "See also" whose links a scrape lost stays reported
    assert lines_of("A103", SEE_SECTION.replace("See also Section 7.8, « X server connection » for connecting to "
                                                "remote X client programs.", "See also")) == [3]


# -- A101: an example value, a number in E notation ---------------------------------------------

# manpages-de 4.18.1 bootctl(1) lines 236-238
BOOTCTL_DE = ("           Wird dies auf machine-id gesetzt, dann werden die Einträge nach der Maschinenkennung\n"
              "           des laufenden Systems benannt (z.B. »b0e793a9baf14b5fa13ecbe84ff637ac«). Siehe\n"
              "           machine-id(5) für Details über das Konzept der Maschinenkennung und der Datei.\n")
# libreoffice-help-de 7.4.7 sbasic/python/python_2_basic, body line 57 (a Python example, flattened)
PYTHON_2_BASIC = ('def playWithArgs(): Print("Fun with *args ", -9.81, 297864.681974, 8762E-137) '
                  'Print(SUM(45, -9.81, 297864.681974)) Print(SUM(45, -9.81, 297864.681974, 8762E+137))\n')


def test_a101_example_value_and_e_notation():
    assert found("A101", BOOTCTL_DE) == []
    assert found("A101", PYTHON_2_BASIC) == []
    # the same run outside the quoted example is reported, and so is news-ar's debris
    assert len(found("A101", BOOTCTL_DE.replace("(z.B. »b0e793a9baf14b5fa13ecbe84ff637ac«)",
                                                "b0e793a9baf14b5fa13ecbe84ff637ac"))) == 1
    assert len(found("A101", "2a02-4780-11–4f جزيرة إم آند إم\n")) == 1


# -- LaTeX: S104 "million million", D101 per-entry text (texlive-latex-recommended-doc 2022) -----

# memoir's manual, memman.tex lines 36079-36083 and 12374-12377
HANOI_TEX = ("    The number of separate transfers of single discs is $2^{64} - 1$\nor just under eighteen and a half "
             "million million moves, give or take a few,\nto move the pile. At the rate of one disc per second, with "
             "no mistakes,\nit would take more than 58 million million years before we would have to \nstart being "
             "concerned.\n")
RULEFILL_TEX = ("\\begin{egresult}[Rules for spaces]{eg:rulefill}\nThe last line of this paragraph will be be set by "
                "ending it with\na rule to fill up any space.\\lastlinerulefill\n\\end{egresult}\n")


def test_s104_number_words_that_multiply():
    assert found("S104", HANOI_TEX, path="memman.tex") == []
    assert [f.line for f in found("S104", HANOI_TEX + "\n" + RULEFILL_TEX, path="memman.tex")] == [8]


# polyglossia.tex lines 1062-1080 and 1100-1116 (v1.60): the Dutch and the Finnish
# shorthands, one text under two \subsection's
_SHORTHANDS = ("\t\t\\begin{shorthands}\n"
               "\t\t\\item[¦\"|¦] disables a ligature at this position.\n"
               "\t\t\\item[¦\"\"¦] allows for a line break at this position (without hyphenation sign).\n"
               "\t\t\\item[¦\"/¦] a slash that allows for a subsequent line break. As opposed to \\cmd\\slash,\n"
               "\t\t            hyphenation at the breakpoints preset in the hyphenation patterns is still allowed.\n"
               "\t\t\\end{shorthands}\n")
POLYGLOSSIA_TEX = ("\\subsection{dutch}\\label{dutch}\n\\paragraph*{Options:}\n\\begin{itemize}\n"
                   "  \\item \\xpgboolkeyfalse{babelshorthands}\n\t\tIf this is turned on, the following shorthands "
                   "defined for fine-tuning hyphenation and\n\t\tmicro-typography of Dutch words are activated:\n"
                   + _SHORTHANDS + "\\end{itemize}\n\n\\subsection{finnish}\\label{finnish}\n\\paragraph*{Options:}\n"
                   "\\begin{itemize}\n  \\item \\xpgboolkeyfalse[1.45]{babelshorthands}\n\t\tIf this is turned on, the "
                   "following shorthands for fine-tuning hyphenation\n\t\tand micro-typography of Finnish words are "
                   "activated:\n" + _SHORTHANDS + "\\end{itemize}\n")
# polyglossia.tex lines 1331-1350 and 2093-2108
HUNGARIAN_TEX = '\\subsection{hungarian}\\label{hungarian}\n\\paragraph*{Options:}\n\\begin{itemize}\n\t\\item \\xpgchoicekey[1.46]{swapstrings}{\\xpgdefaultvalue{\\xpgpresetvalue{all}},\n\t\\xpgvalue{captions}, \\xpgvalue{headings}, \\xpgvalue{headers}, \\xpgvalue{hheaders}, or \\xpgvalue{none}}\n\t       In Hungarian, some caption strings need to be in a different order than in other languages\n\t       (\\eg \\emph{1. fejezet} instead of \\emph{Chapter 1}). By default, \\pkg{polyglossia} tries hard to\n\t       provide the correct order for different classes and packages (standard classes, \\pkg{KOMA-script},\n\t       \\pkg{memoir}, and \\pkg{titlesec} package should work, as well as \\pkg{fancyhdr} and \\pkg{caption}).\n\t       However, since the definition of these strings is not standardized, the redefinitions might not work\n\t       and even interfere badly if you use specific classes or packages that redefine the respective strings\n\t       themselves. In this case, you can disable some or all changes.\n\t       The possibilities are:\n\t       \\begin{itemize}\n\t       \t\\item ¦all¦: Redefine figure and table captions, part and chapter headings, and running headers (=~default setting)\n\t       \t\\item ¦captions¦: Redefine figure and table captions only\n\t       \t\\item ¦headings¦: Redefine part and chapter headings only\n\t       \t\\item ¦headers¦: Redefine running headers only\n\t       \t\\item ¦hheaders¦: Redefine part and chapter headings as well as running headers\n\t       \t\\item ¦none¦: Do not redefine anything\n'
UYGHUR_TEX = '\t\\item \\xpgchoicekey[1.53]{swapstrings}{\\xpgdefaultvalue{\\xpgpresetvalue{all}},\n\t\t\\xpgvalue{captions}, \\xpgvalue{headings}, \\xpgvalue{headers}, \\xpgvalue{hheaders}, or \\xpgvalue{none}}\n\tIn Uyghur, table and figure caption strings need to be in a different order and format than in other languages.\n\tBy default, \\pkg{polyglossia} provides the correct for different classes and packages (standard classes, \\pkg{KOMA-script},\n\t\\pkg{memoir}, and \\pkg{titlesec} package should work, as well as \\pkg{fancyhdr} and \\pkg{caption}).\n\tHowever, since the definition of these strings is not standardized, the redefinitions might not work\n\tand even interfere badly if you use specific classes or packages that redefine the respective strings\n\tthemselves. In this case, you can disable some or all changes.\n\tThe possibilities are:\n\t\\begin{itemize}\n\t\t\\item ¦all¦: Redefine figure and table captions, part and chapter headings, and running headers (=~default setting)\n\t\t\\item ¦captions¦: Redefine figure and table captions only\n\t\t\\item ¦headings¦: Redefine part and chapter headings only\n\t\t\\item ¦headers¦: Redefine running headers only\n\t\t\\item ¦hheaders¦: Redefine part and chapter headings as well as running headers\n\t\t\\item ¦none¦: Do not redefine anything\n'
# beamer 3.68 user guide, beamerug-color.tex lines 132-142
THEMES_TEX = ("\\begin{colorthemeexample}{wolverine}\n  The theme is based on the colors of the University of "
              "Michigan's mascot, a wolverine.\n\n  \\themeauthor Madhusudan Singh.\n\\end{colorthemeexample}\n\n"
              "\\begin{colorthemeexample}{beaver}\n  The theme is based on the colors of MIT's mascot, a beaver.\n\n"
              "  \\themeauthor Madhusudan Singh.\n\\end{colorthemeexample}\n")


def test_d101_latex_sections_and_environments_are_entries():
    assert found("D101", POLYGLOSSIA_TEX, path="polyglossia.tex") == []
    assert found("D101", THEMES_TEX, path="beamerug-color.tex") == []
    # the Hungarian and the Uyghur swapstrings option under their \subsection's: not reported;
    # with the Uyghur one moved under the Hungarian heading, the copy is
    assert found("D101", HUNGARIAN_TEX + "\n\\subsection{uyghur}\\label{uyghur}\n" + UYGHUR_TEX,
                 path="polyglossia.tex") == []
    assert len(found("D101", HUNGARIAN_TEX + "\n" + UYGHUR_TEX, path="polyglossia.tex")) >= 1
    # two environments for one entry (the same argument) are no two entries (their copied
    # paragraph of text: "\\themeauthor Madhusudan Singh." is two words of text, under min-words,
    # now that the duplicate family reads LaTeX with its markup blanked)
    same_entry = THEMES_TEX.replace("{beaver}", "{wolverine}").replace(
        "MIT's mascot, a beaver", "the University of Michigan's mascot, a wolverine")
    assert len(found("D101", same_entry, path="beamerug-color.tex")) == 1
