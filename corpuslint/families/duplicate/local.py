"""Duplicate rules inside one document: exact copies, near-copies, restated sentences."""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain, combinations
from typing import Callable, Iterable

import numpy as np
import regex

from ... import structure
from ...arrays import sorted_unique
from ...document import _NEWLINE_RE
from ...document import _SENTENCE_END_RE as _SENTENCE_END
from ...document import Document, Unit, make_unit
from ...findings import Edit, Finding, Severity
from ...rules import DocumentRule
from ...structure import (
    BLANK_LINES_RE,
    CATALOGUE,
    MESSAGES,
    PROSE_MEDIAN_CHARS,
    VERSE_MEDIAN_CHARS,
    in_stanzas,
    in_verse,
    reach,
    unwrapped,
)
from ...text import normalize
from ...text.lazy_regex import lazy, lazy_re
from ...text.tokens import SCRIPT_FULL_STOPS
from . import lsh, meaning, regions
from . import units as U

FAMILY = "duplicate"
_SYMBOL_RE = lazy(r"[^\p{L}\p{M}\p{N}\s.,;:!?'\"“”‘’«»()\[\]\-–—…،؛؟۔]")


def _symbols(text: str) -> list[str]:
    """Symbols other than sentence punctuation (operators, code marks), in order."""
    return _SYMBOL_RE.findall(normalize.normalize_chars(text))



def _lines_label(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"



PARALLEL_MAX_CHANGED = 1 / 3
# A name: a Latin-script token in other-script text (``debc`` in Arabic), or a token
# shaped like code anywhere (``pre-depends``, ``dpkg -c``, ``log.info``, ``getReport``).
_LATIN_RE = lazy(r"(?<![\w-])-{0,2}[A-Za-z][\w.+-]*")
_CODE_NAME_RE = lazy(r"(?<![\w-])(?:-{1,2}[A-Za-z][\w-]*|[A-Za-z]\w*[-._/][\w./-]*\w|[a-z]+[A-Z]\w*)")
_LETTER_RE = lazy(r"\p{L}")
_LATIN_LETTER_RE = lazy(r"\p{Latin}")


_ASCII_LETTER_RE = lazy_re(r"[A-Za-z]")


def _names(sentence: str) -> set[str]:
    if _ASCII_LETTER_RE.search(sentence) is None:
        return set()  # (every name of both patterns below holds an ASCII letter: none here)
    latin = len(_LATIN_LETTER_RE.findall(sentence))
    if latin * 2 < len(_LETTER_RE.findall(sentence)):
        return set(_LATIN_RE.findall(sentence))
    return set(_CODE_NAME_RE.findall(sentence))


def different_subjects(a: str, b: str) -> bool:
    """True when each sentence names something the other does not (``_names``):
    "debi installs the package without typing its name" / "debc lists the package
    without typing its name" are parallel statements about two tools."""
    return _each_names_more(_names(a), _names(b))


def _each_names_more(na: set[str], nb: set[str]) -> bool:
    return bool(na - nb) and bool(nb - na)


def parallel_statements(a: list[str], b: list[str]) -> bool:
    """True when two sentences (word lists) fill one template: they align word by
    word, differing only in substituted runs (at most one word inserted or dropped in
    all) that cover at most ``PARALLEL_MAX_CHANGED`` of the words. "The Depends field
    lists ..." / "The Pre-Depends field lists ..." state two facts; a restatement
    rewords, reorders or expands."""
    from difflib import SequenceMatcher

    if not a or not b or abs(len(a) - len(b)) > 1:
        return False
    # The alignment's equal runs are a common subsequence, so at most the words the two
    # share (as multisets) are unchanged: more changed words than the bound is decided
    # without aligning (most restatements share too few words).
    limit = PARALLEL_MAX_CHANGED * max(len(a), len(b))
    if len(a) - sum((Counter(a) & Counter(b)).values()) > limit:
        return False
    changed = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            changed += max(i2 - i1, j2 - j1)
    return 0 < changed <= limit


# A sentence's lead-in: up to its first comma, within its first 100 characters.
_LEAD_IN_RE = lazy(r"[^,،，、;\n]{1,100}?(?=[,،，、])")
LEAD_IN_WORDS = (4, 14)


def parallel_lead_ins(a: str, b: str) -> bool:
    """True when two sentences open with lead-ins (up to the first comma, ``LEAD_IN_WORDS``
    words each) that fill one frame with other things: they share at least half their
    words, open with the same two words or more, and differ in two places or more where
    a content word on each side faces the other (installation-guide: "With the newt
    front-end (used mostly with braille), one mostly ..." / "With the text front-end (used
    mostly with speech), one mostly ..."; "Avec le frontal newt (...)," / "Avec le frontal
    text (...),"): each sentence is about its own case."""
    from difflib import SequenceMatcher

    ma, mb = _LEAD_IN_RE.match(a), _LEAD_IN_RE.match(b)
    if ma is None or mb is None:
        return False
    wa, wb = meaning._norm_words(ma.group()), meaning._norm_words(mb.group())
    lo, hi = LEAD_IN_WORDS
    if not (lo <= len(wa) <= hi and lo <= len(wb) <= hi) or wa == wb:
        return False
    ops = SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    shared = sum(i2 - i1 for op, i1, i2, _j1, _j2 in ops if op == "equal")
    if ops[0][0] != "equal" or ops[0][2] < 2 or shared * 2 < max(len(wa), len(wb)):
        return False
    slots = sum(1 for op, i1, i2, j1, j2 in ops
                if op == "replace" and meaning._content(wa[i1:i2]) and meaning._content(wb[j1:j2]))
    return slots >= 2  # (one word swapped is a synonym as often: "According to the Israeli army/military,")


# A goal's lead-in ("To select one cell,"): at most this many words, opening with a word
# that introduces a purpose (English to, Greek για (να), French pour / afin (de), German um,
# Spanish and Portuguese para, Italian per, Dutch om, Russian чтобы, Polish aby / żeby), as
# normalised (lower case, accents kept).
GOAL_LEAD_IN_MAX_WORDS = 10
GOAL_OPENERS = frozenset({"to", "για", "pour", "afin", "um", "para", "per", "om", "чтобы", "aby", "żeby"})


def own_goal_lead_ins(a: str, b: str) -> bool:
    """True when two sentences open with lead-ins of purpose (up to the first comma, at most
    ``GOAL_LEAD_IN_MAX_WORDS`` words each, the first one of ``GOAL_OPENERS``) in one frame,
    their first two words the same, that name different goals: each lead-in has a content word (``meaning._content``) the
    other lacks. Instructions for two goals (LibreOffice help el: "Για να επιλέξετε μια
    ορθογώνια περιοχή με κελιά, κάντε κλικ ..." / "Για να επιλέξετε ένα κελί, κάντε κλικ
    ...", to select a range / one cell; "Για να δημιουργήσετε μια μεμονωμένη γραμμή,
    πληκτρολογήστε ..." / "Για να δημιουργήσετε διπλή γραμμή, ...") say the same steps of two
    things, each sentence of its own; a restatement repeats its case or has none. Other
    lead-ins sharing their opening ("This is associated with radial cleavage ..." / "This is
    associated with spiral cleavage ...") are left to the other tests."""
    ma, mb = _LEAD_IN_RE.match(a), _LEAD_IN_RE.match(b)
    if ma is None or mb is None:
        return False
    wa, wb = meaning._norm_words(ma.group()), meaning._norm_words(mb.group())
    if not (3 <= len(wa) <= GOAL_LEAD_IN_MAX_WORDS and 3 <= len(wb) <= GOAL_LEAD_IN_MAX_WORDS) or wa[:2] != wb[:2]:
        return False
    if wa[0].casefold() not in GOAL_OPENERS:
        return False
    ca, cb = set(meaning._content(wa[2:])), set(meaning._content(wb[2:]))
    return bool(ca - cb) and bool(cb - ca)


# In plain text, a one-line copy of at most one sentence with no sentence end (a title, an
# option's name, a lead-in) counts only this many units (paragraphs) after its first copy: plain
# text has no markup to cut it into sections, and a bundle of help pages converted to text
# repeats "Χρήση βάσης δεδομένων διευθύνσεων για συγχώνευση αλληλογραφίας" as the title of two
# pages 4,800 lines apart: each is its own page's text. A sentence (a fortune entered twice in a
# collection of one-line fortunes) counts anywhere in its section. A headline printed twice (above and below a photo), a title doubled by its heading,
# a line pasted twice in a row, are a few paragraphs apart; a paragraph of two sentences or
# more is compared within its whole section, and so is a line inside a block copied whole
# (``_inside_copied_block``: a scraped page's navigation bar at its head and at its foot).
PLAIN_COPY_WINDOW = 6


def _title_like(line: str) -> bool:
    """True for one line of at most one sentence with no sentence end at its end (a title, an
    option's name, a lead-in ending in a colon): a fortune entered twice ends in its full stop."""
    core = line.rstrip()
    return at_most_one_sentence(line) and bool(core) and core[-1] not in regions._SENTENCE_END


def _inside_copied_block(keys: list[int], first: int, later: int) -> bool:
    """True when the units on both sides of unit ``later`` copy those on both sides of unit
    ``first`` (``keys``: the analysis' unit keys): the line is inside a block copied whole (a
    scraped page's navigation bar at its head and again at its foot)."""
    return (0 < first and later + 1 < len(keys) and keys[later - 1] == keys[first - 1]
            and keys[later + 1] == keys[first + 1])


class ExactDuplicateLine(DocumentRule):
    """A line or paragraph repeats an earlier one in the same document.

    What: a paragraph (a blank-line separated block; in scraped text with long lines,
    each line) whose text, after normalisation (diacritics, tatweel, alef/hamza
    forms, ى/ي, ة/ه, digits, punctuation and spacing), equals an earlier paragraph of
    the same document and has at least ``min-words`` words (default 4; in Chinese,
    Japanese and Thai, characters count as a fraction of a word, see
    ``corpuslint.text.tokens``). The finding points at the first copy (``related``).
    Paragraph-aware: the lines of a hard-wrapped paragraph are not compared one by
    one (two paragraphs may share a wrapped line such as "the package is installed
    by"). Structure is not content: Markdown code and headings, link definitions,
    table rows and label lines ("*When:*", "Default value:") are never reported
    (``regions.prose_mask``), nor are rows of tables flattened to plain text (two
    debconf tables asking the same question), and only copies within one section
    (between two headings: Markdown headings, reStructuredText section titles and rubrics,
    LaTeX sectioning commands (polyglossia's manual: one option text under two languages),
    or in plain text short title lines and "To ...:" lead-ins of step lists, and in a text
    written one element a line with no blank line (a help page made a record) a short title
    line over a sentence, one the text holds once (a scraping loop repeats its "titles"),
    ``regions.section_starts``) count, and in plain text a one-line copy of at most one sentence
    with no sentence end (a title, an option's name) only within ``PLAIN_COPY_WINDOW`` paragraphs of
    its first copy or inside a block copied whole
    (a bundle of help pages repeats an option's title or note on another page); in reStructuredText, two indented copies with a
    line indented less than both between them (the bodies of two definition-list
    entries, options, fields, list items or directives), and in LaTeX two copies in
    environments of one name that name different entries (``\\begin{colorthemeexample}{wolverine}``,
    ``{beaver}``), are each their entry's note: the same note
    under every option of a reference page, the same step ("Open the Activities
    overview and start typing Printers.") in two procedures of a help page, is
    per-section documentation; so is a numbered step repeated in a later numbered list
    (a new list starts with "1." between them: "5. Run the preinst script" in the
    install and in the upgrade procedure), a bulleted item repeated in a later list (a
    paragraph ended the first list: a field shared by two files' field lists), and a
    short line introducing a list or code block, repeated before a different block (an
    instruction: "Configure it as shown below." before two commands, "尝试下列例子" before two
    shell commands after their "$" prompt, in ANSI colour or not, the same quiz
    instruction before two sets of questions); so is a one-line question asked again with a
    different line after each copy (a tutor's "Can you guess what we can do next? 🤔" at two
    steps), and an answer given again after a lead-in that announces a conclusion ("In
    summary, the correct relationship ... is:", «因此，...为：»), and an answer line after a different
    unit ("The answer is Sentence A." closing two examples of a few-shot prompt, each after
    its own reasoning). A line that is itself a title (a
    headline, a caption) is compared with the whole document; a line wholly in brackets (a
    stage direction, "[Enter FATHER, MOTHER, and HYRUM]" in Act I and Act III) is not a title.
    In plain text a headline printed twice in a row is a copy even where paragraphs do not
    show it (``doubled_titles``): the document's first line repeated by the next line or the
    one after a blank line, from two words on ("Chapitre 14. Sécurité" as a page's title and
    its heading), and a paragraph's first line of ``min-words`` words that its second line
    repeats (a scraped page's title above the article with no blank line between), unless
    that paragraph or one beside it is verse (a line sung twice is a refrain).
    A quote collection in fortune(6)'s format (records between lines holding only "%",
    ``structure.fortune_separators``: Debian's fortunes, fortunes-pl) holds a text a record:
    a line repeated inside one quote (Douglas Adams's tripled "Ci fu un terribile, mortale
    silenzio.") and a part of two quotes (the attribution "A.A. Milne" / "Chatka Puchatka"
    under two quotes of one book, a series' title over each of its quotes) are no copies; a
    quote entered twice, the whole record, is (``quote_entered_twice``), wherever it stands
    (a collection has no sections) and however often (no refrain).
    Repetitive genres: with ``genre = "auto"`` (default) a text that occurs ``refrain-copies``
    times or more (default 3) is a refrain (a chorus, a litany, "فبأي آلاء ربكما تكذبان" in Surah al-Rahman), so is a copy whose two
    places are both verse in a hard-wrapped document, the block before the later one
    short-lined (``_verse_repeat``: a stanza quoted twice among poems; a song in two-line
    stanzas, three or more in a row, is verse too: ``structure.in_stanzas``), and fully vocalised
    Arabic-script documents (scripture, hadith, classical poetry), scripture written one verse
    a line (``regions.verse_lines``: each verse closed by "׃" or "॥", or numbered: the Torah's
    "וַיְדַבֵּ֥ר יְהֹוָ֖ה אֶל־מֹשֶׁ֥ה לֵּאמֹֽר׃" opening speech after speech, Psalm 67:4 = 67:6) and software message
    catalogues (the strings of a .po file: two source messages may be translated alike;
    the ``message`` document kind) are not checked; a changelog's entries (``regions.in_two_changelog_entries``: Debian changelog, GNU ChangeLog and NEWS,
    Markdown "## [1.2.3]" entries) are compared each with itself only: every release's "** Bug fixes"
    recurs by design, a line repeated within one entry is still reported;
    ``genre = "prose"`` checks everything, ``genre = "formulaic"`` turns the rule off
    for the files it is set for (per-file-ignores style).
    Why: scrapes repeat headlines, captions and bylines (a headline printed above and
    below the photo); the copy inflates the document and over-weights that text.
    Example: in ``004_*.txt`` line 3 repeats the headline on line 1; in ``002_*.txt``
    line 9 repeats the photo caption on line 7.
    Copies that differ in a symbol other than sentence punctuation (``!=``, ``+``,
    backticks) are not the same text. The message says how the copies differ
    (``how_copies_differ``): "exact copy", or "differs only in punctuation (',' added)"
    (fortunes-es: "A misa temprano nunca va el amo." then "A misa temprano, nunca va el
    amo."), "... letter case", "... line breaks or spacing" (a fortune re-wrapped), or "same
    words after normalisation" when accents, letter forms or digits differ.
    Fix safety: unsafe: the later copy and its line ending are deleted (plus one blank
    line, so no double blank line is left) and the first copy is kept; in a quote
    collection the later record goes whole with one ``%`` line (``_quote_deletion``), so
    no empty entry ("%" over "%") or orphaned attribution is left. Deleting text
    is never safe: in poetry and lyrics a repeated line is a refrain, in dialogue a
    repeated answer, in a table a repeated row, and when the copies differ in
    punctuation or letter forms the kept copy may not be the better spelling.
    """

    code = "D101"
    name = "duplicate-line"
    family = FAMILY
    default_severity = Severity.WARNING
    fixable = True
    options = {"min-words": 4, "genre": "auto", "refrain-copies": 3}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions.check_genre(self)
        if self.opts["genre"] == "auto":  # the strings of a .po file: two messages translated alike are two entries
            self.skip_kinds = MESSAGES

    def check(self, doc: Document) -> Iterable[Finding]:
        min_words = int(self.opts["min-words"])
        genre = str(self.opts["genre"])
        if genre == "formulaic":
            return []
        a = U.analyse(doc)  # (the duplicate family's shared analysis: D104's map computes it anyway)
        if genre == "auto" and (regions.vocalised(doc) or regions.marked_verses(doc)):
            return []  # vocalised Arabic script, verses one a line: refrains and set formulas by design
        text = doc.text
        rst = doc.suffix in structure.RST_SUFFIXES
        tex = doc.suffix in structure.TEX_SUFFIXES
        plain = not (rst or tex or doc.is_wikitext or doc.suffix in regions.MARKDOWN_SUFFIXES)  # (a man page rendered as text)
        # a quote collection (fortune(6)'s "%" lines): only a quote entered twice is a copy (``quote_entered_twice``)
        collection = bool(structure.fortune_separators(doc))
        out: list[Finding] = []
        if plain and not collection:  # a headline printed twice in a row: one paragraph, or a title under min-words
            out.extend(self._doubled_titles(doc, a, min_words, genre))
        if int(np.count_nonzero(a.nwords >= min_words)) < 2:
            return out  # a copy needs two units of min-words: a one-line record or title has one at most
        refrains: set[int] = set()
        if genre == "auto" and not collection:  # (a quote entered three times is three copies, no refrain)
            refrains = _refrain_keys(a, int(self.opts["refrain-copies"]))
        seen: dict[tuple[int, int], int] = {}  # (section, key) -> first unit
        seen_anywhere: dict[int, int] = {}
        seen_heading: dict[int, int] = {}
        nwords = a.nwords.tolist()
        candidates = [k for k, n in enumerate(nwords) if n >= min_words]
        every = unit_prose(a)
        prose = [every[k] for k in candidates]
        sections = regions.section_starts(doc)
        # a line that is itself a heading (a headline, a caption) is compared with the
        # whole document: a headline printed twice is the copy D101 exists for
        headings = {x for x in sections if not _bracketed_line(text, x)}  # (a stage direction is no headline)
        keys = a.keys.tolist()
        first_copy: dict[int, int] | None = None  # key -> first unit (any length), when needed
        for k, is_prose in zip(candidates, prose):
            if not is_prose or keys[k] in refrains:
                continue
            u0, key = a.units[k].start, keys[k]
            first = seen.setdefault((regions.section_of(sections, u0), key), k)
            if u0 in headings:
                first = seen_anywhere.get(key, k)
                seen_heading.setdefault(key, k)
            elif first == k:
                first = seen_heading.get(key, k)
            seen_anywhere.setdefault(key, k)
            if first == k:
                continue
            u, f = a.units[k], a.units[first]
            if (plain and not collection and k - first > PLAIN_COPY_WINDOW and _title_like(text[u.start : u.end])
                    and not _inside_copied_block(keys, first, k)):
                continue  # a page's title or option line again on another page of a bundle of help pages
            if collection:  # the collection's copy of a quote, or none (the tests below read one text's structure)
                if not quote_entered_twice(a, first, k):
                    continue  # "A.A. Milne" under two quotes of one book; Adams's tripled line in one quote
            else:
                if _steps_of_two_lists(text, f, u):
                    continue  # "5. Run the preinst script" in the install and the upgrade procedure
                if (rst or plain) and _bodies_of_two_entries(text, f.start, u.start, block=not rst):
                    continue  # "The default depends on the writer." under two options of a reference
                if tex and _bodies_of_two_environments(text, f.start, u.start):
                    continue  # "\\themeauthor Madhusudan Singh." in two colour themes' example environments
                if _lead_ins_of_two_blocks(doc, f, u, nwords[k]):
                    continue  # "Configure it as shown below." before two different commands
                if u0 in headings and _contents_entry_and_its_heading(text, a.units, first, k, headings):
                    continue  # "3.1. Choose a BIOS password" listed in the chapter's contents, then its section
                if first_copy is None:
                    first_copy = {}
                    for i, key_i in enumerate(keys):
                        first_copy.setdefault(key_i, i)
                if _question_asked_again(text, a.units, keys, first, k):
                    continue  # "Can you guess what we can do next? 🤔" at two steps of a worked example
                if _answer_to_another_question(text, a.units, keys, first, k):
                    continue  # "The answer is Sentence A." closing two examples of a few-shot prompt
                if _after_conclusion_lead_in(text, a.units, keys, first, k):
                    continue  # "Lift = 1.4 times the weight" again after "In summary, the correct relationship ... is:"
                if _second_pass(keys, first_copy, first, k):
                    continue  # "Choose the Page Layout tab." again after "Open the print dialog." again
                if genre == "auto" and _verse_repeat(doc, f.start, u.start):
                    continue  # a refrain, a stanza quoted in two entries: verse repeats on purpose
                if genre == "auto" and regions.in_two_changelog_entries(doc, f.start, u.start):
                    continue  # "** Functional Changes to find" under two releases of findutils' NEWS
            same = text[f.start : f.end].strip() == text[u.start : u.end].strip()
            if not same and _symbols(text[f.start : f.end]) != _symbols(text[u.start : u.end]):
                continue  # `'ax'` vs `'ax+'`, "oifname !=" vs "oifname": the symbol is the meaning
            if not same and _CODE_NAME_RE.findall(text, f.start, f.end) != _CODE_NAME_RE.findall(text, u.start, u.end):
                continue  # flex's "-Cf ... -f" / "-CF ... -F": an option's letter case is the option
            kind = how_copies_differ(text[f.start : f.end], text[u.start : u.end])
            out.append(
                doc.finding(
                    self, u.start, u.end,
                    f"{_lines_label(u.line, u.last_line)} {'repeats' if u.line == u.last_line else 'repeat'} "
                    f"{_lines_label(f.line, f.last_line)} ({kind}, similarity 1.00)",
                    fix=U.deletion_fix(doc, _quote_deletion(doc, u.start) if collection
                                       else U.remove_lines_edit(doc, u.line, u.last_line)),
                    related=[doc.location(f.start)],
                )
            )
        return out

    def _doubled_titles(self, doc: Document, a: U.Analysis, min_words: int, genre: str) -> list[Finding]:
        """Findings for a headline printed twice in a row in plain text (``doubled_titles``),
        the later line pointed at, the first kept."""
        text = doc.text
        out = []
        for first, later in doubled_titles(U.unit_text(doc), a.units, min_words, verse_ok=genre != "auto",
                                           prose=lambda: unit_prose(a)):
            kind = how_copies_differ(text[first[0] : first[1]], text[later[0] : later[1]])
            line, first_line = doc.position(later[0])[0], doc.position(first[0])[0]
            out.append(
                doc.finding(
                    self, later[0], later[1],
                    f"line {line} repeats line {first_line} ({kind}, "
                    "similarity 1.00; a headline printed twice)",
                    fix=U.deletion_fix(doc, U.remove_lines_edit(doc, line, line)),
                    related=[doc.location(first[0])],
                )
            )
        return out


def _quote_deletion(doc: Document, offset: int) -> Edit:
    """Delete the record of a quote collection (fortune(6)'s format, ``structure.fortune_separators``)
    holding ``offset`` with one of the ``%`` lines around it: the next one, or for the last record
    the one before it. Deleting only the copied lines would leave an empty entry, ``%`` over ``%``
    (fortunes-es: "A misa temprano, nunca va el amo." entered again under its first entry), or a
    quote's attribution ("-- Proverbio árabe.") alone in its record."""
    separators, text = structure.fortune_separators(doc), doc.text
    i = bisect_right(separators, offset)
    start = 0 if i == 0 else text.index("\n", separators[i - 1]) + 1
    if i < len(separators):  # the record and the "%" line closing it
        end = text.find("\n", separators[i])
        return Edit(start, len(text) if end < 0 else end + 1)
    return Edit(separators[i - 1] if i else start, len(text))  # the last record, with the "%" line before it


_SPACE_RUN_RE = lazy(r"\s+")


def how_copies_differ(first: str, later: str) -> str:
    """What tells two copies of one text apart that D101's normalisation ignores (its
    message's words): "exact copy", or what differs: the punctuation and symbols (naming the
    marks the later copy adds or drops: fortunes-es's "A misa temprano nunca va el amo." then
    "A misa temprano, nunca va el amo.", "differs only in punctuation (',' added)"), the letter
    case, the line breaks and spacing (a fortune re-wrapped), or, when the letters or digits
    themselves differ, "same words after normalisation (accents, letter forms or digits
    differ)"."""
    a, b = first.strip(), later.strip()
    if a == b:
        return "exact copy"
    marks_a = [c for c in a if unicodedata.category(c)[0] in "PS"]
    marks_b = [c for c in b if unicodedata.category(c)[0] in "PS"]
    words_a = [c for c in a if unicodedata.category(c)[0] in "LMN"]
    words_b = [c for c in b if unicodedata.category(c)[0] in "LMN"]
    if words_a != words_b and [c.casefold() for c in words_a] != [c.casefold() for c in words_b]:
        return "same words after normalisation (accents, letter forms or digits differ)"
    aspects = []
    if marks_a != marks_b:
        added, dropped = Counter(marks_b) - Counter(marks_a), Counter(marks_a) - Counter(marks_b)
        detail = ", ".join([f"{' '.join(map(repr, sorted(added.elements())))} added"] * bool(added)
                           + [f"{' '.join(map(repr, sorted(dropped.elements())))} dropped"] * bool(dropped)) or "moved"
        aspects.append(f"punctuation ({detail})")
    if words_a != words_b:
        aspects.append("letter case")

    def spacing(s: str) -> list[tuple[int, str]]:  # each run of spaces: the letters before it, and the run
        out, n, i = [], 0, 0
        for m in _SPACE_RUN_RE.finditer(s):
            n += sum(unicodedata.category(c)[0] in "LMN" for c in s[i : m.start()])
            out.append((n, m.group()))
            i = m.end()
        return out

    if not aspects or spacing(a) != spacing(b):
        aspects.append("line breaks or spacing")
    return "differs only in " + (", ".join(aspects[:-1]) + " and " + aspects[-1] if len(aspects) > 1 else aspects[0])


# The words a headline printed twice must hold at least (below D101's min-words: "Bourse de
# Paris" / "Bourse de Paris" above an article).
DOUBLED_TITLE_MIN_WORDS = 2


def doubled_titles(text: str, units: list, min_words: int, verse_ok: bool = False,
                   prose: "list[bool] | Callable[[], list[bool]] | None" = None,
                   ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs ``((start, end), (start, end))`` of a line and the copy that follows it at once
    (the same normalised words, ``units.line_keys``; the same symbols): a headline printed
    twice, as scraped news pages hold it (the page title, then the article's heading). Two
    places, in plain text: the document's first line with the first line after it or after one
    blank line (at least ``DOUBLED_TITLE_MIN_WORDS`` words, a letter among them), and a
    paragraph's first line that its second line repeats (at least ``min_words`` words; with
    ``verse_ok`` False neither it nor the paragraph before or after it verse,
    ``structure.in_verse`` or ``structure.in_stanzas``: "Louie Louie, me gotta go" sung twice between
    two stanzas is the song's refrain). ``units``: the document's paragraph units
    (``units.PUnit``), from which the pairs D101's paragraph comparison already finds (two
    one-line units of ``min_words`` words) are left out; ``prose``: whether each unit is prose
    (``unit_prose``: code, tables and markup are not compared), all when None; given as a
    function, it is asked only for a unit that could open a pair (a one-line record, a text
    of one-line paragraphs without a title and its copy, never computes the mask)."""
    pairs: list[tuple[tuple[int, int], tuple[int, int], bool]] = []  # (line, copy, the document's title)

    def line_at(pos: int) -> tuple[int, int]:  # any line ending: a CR-only file's lines too
        eol = _NEWLINE_RE.search(text, pos)
        return pos, eol.start() if eol else len(text)

    def after(end: int) -> int:  # the start of the line after the one ending at ``end``
        eol = _NEWLINE_RE.match(text, end)
        return eol.end() if eol else end

    around: list[tuple[int, ...]] = []  # the paragraph and those before and after it (verse is looked for there)
    for k, u in enumerate(units):
        in_paragraph = u.last_line > u.line  # the copy in the same paragraph
        if not in_paragraph and not (k == 0 and len(units) > 1 and units[1].line <= u.line + 2):
            continue  # (nor the title, a blank line, its copy)
        if callable(prose):
            prose = prose()
        if prose is not None and not prose[k]:
            continue
        top = line_at(u.start)
        pairs.append((top, line_at(after(top[1])) if in_paragraph else line_at(units[1].start), k == 0))
        around.append(tuple(units[x].start for x in (k - 1, k, k + 1) if 0 <= x < len(units)))
    if not pairs:
        return []
    keys, counts, alpha = U.line_keys([text[s:e] for p in pairs for s, e in p[:2]])
    out = []
    for j, (top, copy, title) in enumerate(pairs):
        key, n, letters = keys[2 * j], counts[2 * j], alpha[2 * j]
        if key != keys[2 * j + 1] or not letters or n < (DOUBLED_TITLE_MIN_WORDS if title else min_words):
            continue
        if _symbols(text[top[0] : top[1]]) != _symbols(text[copy[0] : copy[1]]):
            continue
        if title and n >= min_words and len(_NEWLINE_RE.findall(text, top[1], copy[0])) > 1 and units[1].last_line == units[1].line:
            continue  # two one-line paragraphs of min-words: D101's comparison of units reports it
        if not title and not verse_ok and any(in_verse(text, p) or in_stanzas(text, p) for p in around[j]):
            continue  # "Louie Louie, me gotta go" twice between two stanzas: a song's refrain
        out.append((top, copy))
    return out


def _verse_repeat(doc: Document, first: int, later: int, memo: dict | None = None) -> bool:
    """True when the text at offsets ``first`` and ``later`` is verse (``structure.in_verse``),
    the block just before ``later`` is short-lined too (not hard-wrapped prose) or holds
    ``first`` itself (one stanza, its refrain: Morgenstern's "Mondendinge" closing on its
    opening lines), and the
    document is hard-wrapped (``structure.unwrapped``: no paragraphs written as long lines):
    a refrain or a stanza quoted again among poems. A short-lined block copied amid prose
    (program output, a wrapped news paragraph) is a copy. ``memo``: a dict kept across
    the calls on one document (the same offsets recur in many pairs)."""
    text = doc.text
    memo = {} if memo is None else memo
    wrapped = memo.get("wrapped")  # (asked first: one-paragraph-per-line text never computes a verse block)
    if wrapped is None:
        wrapped = memo["wrapped"] = not unwrapped(doc)
    if not wrapped:
        return False

    def verse(pos: int, median: int = VERSE_MEDIAN_CHARS) -> bool:
        v = memo.get((pos, median))
        if v is None:
            v = memo[(pos, median)] = in_verse(text, pos, median_chars=median) or in_stanzas(text, pos, median)
        return v

    before = memo.get(later)
    if before is None:
        blanks = [m.start() for m in BLANK_LINES_RE.finditer(text, reach(text, later, 4000), later)]
        before = memo[later] = len(text[: blanks[-1]].rstrip()) - 1 if blanks else -1  # the end of the block before
    if 0 <= before < first:  # both in one block of verse: a poem written without stanza breaks, its refrain
        return verse(first) and verse(later)  # (no blank line at all: fortune(6) records, "%" between: not one block)
    return before >= 0 and verse(first) and verse(later) and verse(before, PROSE_MEDIAN_CHARS)


# A song in short stanzas: at least this many blank-line separated blocks in a row of two
# lines or more each.
_NUMBERED_ITEM_RE = lazy(r"[ \t]*\d{1,3}[.)][ \t]+\S")
_FIRST_ITEM_RE = lazy(r"^[ \t]*1[.)][ \t]+\S", regex.MULTILINE)
# A step named and numbered ("Step 1:", "Étape 2 :"), and the first of a list of them.
_NAMED_STEP_RE = lazy(r"[ \t]*(?P<name>\p{L}+)[ \t]+(?P<number>\d{1,3})[ \t]?[.:)：]")
_NAMED_STEP_LINE_RE = lazy(r"^[ \t]*(?P<name>\p{L}+)[ \t]+(?P<number>\d{1,3})[ \t]?[.:)：]", regex.MULTILINE)
# A bulleted list item in plain text: its indentation (NBSP too, as HTML-to-text
# converters leave it) and its bullet.
_BULLET_ITEM_RE = lazy(r"(?P<indent>[ \t\u00a0]*)(?P<bullet>[-*+•·▪◦‣])[ \t]+\S")
_NONBLANK_LINE_RE = lazy(r"^(?P<indent>[ \t\u00a0]*)\S.*$", regex.MULTILINE)


def _steps_of_two_lists(text: str, first, later) -> bool:
    """True when both units are items of two different lists: numbered items with a
    new list (an item "1.") starting between them, the same step of two procedures (so
    for steps named and numbered, other steps of the name between them and a "Step 1"
    there or as the later copy: "Step 1: Read the question carefully." under "Question 1"
    and again under "Question 2");
    or items with the same bullet and, between them, a line that is not an item,
    indented no deeper than the later item (a paragraph that ended the first list):
    "* 数字形式的组 ID" (numeric group ID) among the fields of /etc/passwd and again
    among those of /etc/group. Items of one list (no such line between) are compared."""
    if _NUMBERED_ITEM_RE.match(text, first.start) and _NUMBERED_ITEM_RE.match(text, later.start):
        return bool(_FIRST_ITEM_RE.search(text, first.end, later.start))
    a, b = _NAMED_STEP_RE.match(text, first.start), _NAMED_STEP_RE.match(text, later.start)
    if a and b and a["name"] == b["name"]:  # "Step 1: Read the question carefully." under two questions
        between = [m for m in _NAMED_STEP_LINE_RE.finditer(text, first.end, later.start) if m["name"] == a["name"]]
        return bool(between) and (b["number"] == "1" or any(m["number"] == "1" for m in between))
    a, b = _BULLET_ITEM_RE.match(text, first.start), _BULLET_ITEM_RE.match(text, later.start)
    if not (a and b and a["bullet"] == b["bullet"]):
        return False
    depth = len(b["indent"].expandtabs())
    return any(
        len(m["indent"].expandtabs()) <= depth and not _BULLET_ITEM_RE.match(m.group())
        for m in _NONBLANK_LINE_RE.finditer(text, first.end, later.start)
    )


_INDENT_RE = lazy(r"[ \t]*")


def _bodies_of_two_entries(text: str, first: int, later: int, block: bool = False) -> bool:
    """True when, in reStructuredText, the paragraphs at ``first`` and ``later`` are both
    indented (the body of a definition, field, option, list item or directive) and a line
    indented less than both stands between them: another entry's term or directive
    started, so each copy documents its own entry ("The default depends on the writer."
    under two options, ".. versionadded:: 1.3" under two directive options, "The keys
    should be translated to the target language." under two registries). Copies in one
    body are compared. With ``block`` (plain text: a man page rendered by groff, sftp(1)'s
    "Falls der Schalter -p angegeben ist, ..." under ``get`` and under ``put``), every line
    of both copies must be indented that deep: a paragraph whose first line alone is
    indented is prose, not an entry's body."""
    depth = min(_indent(text, first), _indent(text, later))
    if depth == 0:
        return False
    if block and not (_indented_block(text, first, depth) and _indented_block(text, later, depth)):
        return False
    for m in _NONBLANK_LINE_RE.finditer(text, first, later):
        if len(m["indent"].expandtabs()) < depth:
            return True
    return False


# A tagged paragraph of a man page rendered as text (``.TP``/``.IP`` with the tag beside its
# body): indented, a tag of one or two short tokens ("i", "\\L", "-Cf", "-f, --force"), two
# spaces or more, then the body, whose next line (if any) starts in the body's column.
_TAGGED_ENTRY_RE = lazy(r"(?P<indent>[ \t]+)(?P<tag>\S{1,24}(?:,[ \t]\S{1,24})?)[ \t]{2,}(?P<body>)\S")
TAGGED_ENTRY_REACH = 60  # lines of one entry's body read back to its tag


def _entry_tag(text: str, pos: int) -> str | None:
    """The tag of the tagged entry (``_TAGGED_ENTRY_RE``) whose body holds offset ``pos``,
    or None: ``pos`` is on the tag's line, or on a line of the body below
    it, every line from the tag's down to ``pos``'s indented to the body's column (the
    column where the text follows the tag on its line)."""
    line = text.rfind("\n", 0, pos) + 1
    m = _TAGGED_ENTRY_RE.match(text, line)
    if m is not None:  # (a sentence may open with the tag: sed's "\\L  Bir \\U veya ...")
        return m["tag"]
    depth = len(_INDENT_RE.match(text, line).group().expandtabs())
    for _ in range(TAGGED_ENTRY_REACH):
        if line == 0:
            return None
        line = text.rfind("\n", 0, line - 1) + 1
        m = _TAGGED_ENTRY_RE.match(text, line)
        if m is not None and len(text[line : m.start("body")].expandtabs()) == depth:
            return m["tag"]
        indent = _INDENT_RE.match(text, line).group()
        if len(indent.expandtabs()) != depth or text[line + len(indent) : line + len(indent) + 1] in ("\n", ""):
            return None  # a blank line, or a line of another depth: not an entry's body
    return None


def _entries_of_two_tags(text: str, first: int, later: int) -> bool:
    """True when the sentences at offsets ``first`` and ``later`` are in two tagged entries
    of a man page rendered as text (``_entry_tag``) with different tags, compared case
    sensitively: each documents its own command, option or attribute, so a sentence said
    of both is the page's formula ("Yalnızca root kullanıcısı ... bu özniteliği
    atayabilir veya silebilir." under chattr's ``a``, ``i`` and ``j``) or a parallel
    statement (sed's ``\\L`` "... küçük harfe dönüştürülür." / ``\\U`` "... büyük
    harfe dönüştürülür."), not a restatement; the same in a man page flattened to paragraphs, each
    entry opening with its option (``_entries_of_two_options``). Sentences of one entry are
    compared."""
    ta = _entry_tag(text, first)
    if ta is None:
        return False
    tb = _entry_tag(text, later)
    return tb is not None and ta != tb


# An option entry of a man page flattened to paragraphs (fx45a, fresh32's records of
# manpages-tr: "-l, --level DÜZEYLER Çıktı ...", "-n, --console-level DÜZEY Konsola ..."): a
# paragraph that opens with the option, then its description; its example and the lines
# after it are paragraphs of their own up to the next option's.
_FLAT_OPTION_RE = lazy(r"[ \t]*(?P<tag>--?[A-Za-z0-9?][\w-]*)(?:=\S*|\[=[^\]\s]*\])?(?:,|[ \t]+\S)")
_PARAGRAPH_BREAK_RE = lazy(r"(?r)\n[ \t]*\r?\n")  # (searched backwards: the last break before an offset)
FLAT_ENTRY_PARAGRAPHS = 6  # paragraphs of one entry read back to its option


def _flat_option_tag(text: str, pos: int) -> str | None:
    """The option of the flattened option entry (``_FLAT_OPTION_RE``) holding offset ``pos``:
    its paragraph's, or the nearest paragraph's among the ``FLAT_ENTRY_PARAGRAPHS`` before it
    that opens with an option (the -l entry's example ``dmesg --level=err,warn`` and the line
    after it are its paragraphs too); None when none of them does."""
    end = pos
    for _ in range(FLAT_ENTRY_PARAGRAPHS):
        brk = _PARAGRAPH_BREAK_RE.search(text, 0, end)
        start = brk.end() if brk is not None else 0
        m = _FLAT_OPTION_RE.match(text, start)
        if m is not None:
            return m["tag"]
        if start == 0:
            return None
        end = start - 1
        while end > 0 and text[end - 1] in " \t\r\n":
            end -= 1
    return None


def _entries_of_two_options(text: str, first: int, later: int) -> bool:
    """True when the sentences at offsets ``first`` and ``later`` are in two option entries of
    a man page flattened to paragraphs (``_flat_option_tag``) with different options: a
    sentence each entry carries, the page's format, not a restatement (dmesg(1)'s "Desteklenen
    tüm düzeylerin listesi --help seçeneğinin çıktısında bulunabilir." under ``-l`` and under
    ``-n``: the list of levels is in --help's output), as in a man page rendered with its
    indents (``_entries_of_two_tags``). Sentences of one entry are compared."""
    ta = _flat_option_tag(text, first)
    if ta is None:
        return False
    tb = _flat_option_tag(text, later)
    return tb is not None and ta != tb


# An option's term line in a man page rendered as text: its options and their argument
# alone, the body below it, indented deeper ("-m, --device-map=FILE", "--context[=CTX]",
# "-H, --host=", "-i inet_conf"); beside it, the tagged entry's form (``_TAGGED_ENTRY_RE``:
# "-s     使用容量・使用 inode・使用限度を...").
_OPTION_TERM_RE = lazy(r"[ \t]*--?[A-Za-z0-9?][\w-]*(?:=\S*|\[=[^\]\s]*\])?"
                       r"(?:,?[ \t]+--?[A-Za-z0-9?][\w-]*(?:=\S*|\[=[^\]\s]*\])?)*"
                       r"(?:[ \t]+[<\[]?[A-Za-z_][\w.|-]*[>\]]?)?[ \t]*")


def option_entry(text: str, start: int, end: int) -> str | None:
    """The option a paragraph ``text[start:end]`` of a man page rendered as text documents
    when it is an option's entry, its term and its definition: its first line the tag of a
    tagged entry (``_TAGGED_ENTRY_RE``) that is an option, or a term line of options alone
    (``_OPTION_TERM_RE``) over a body indented deeper; a section's heading at the left margin
    may stand over it ("オプション" over "-v     バージョン番号を表示します。"). Else None:
    a sentence that opens with an option ("--suffix も環境変数 SIMPLE_BACKUP_SUFFIX も...")
    is prose."""
    lines = text[start:end].split("\n", 3)
    if len(lines) > 1 and lines[0][:1] not in (" ", "\t") and lines[1][:1] in (" ", "\t"):
        lines = lines[1:]  # (a heading over the entry)
    m = _TAGGED_ENTRY_RE.match(lines[0])
    if m is not None and m["tag"].startswith("-"):
        return m["tag"]
    if len(lines) > 1 and _OPTION_TERM_RE.fullmatch(lines[0]) and _indent(lines[1], 0) > _indent(lines[0], 0):
        return lines[0].strip()
    return None


def option_terms(doc: Document) -> frozenset[int]:
    """Line indexes (0-based) of the option term lines of a man page rendered as text: a
    line of options alone (``_OPTION_TERM_RE``: "-c, --changes", "--color[=CÂND]") whose
    next non-blank line, right below it or after one blank line (sed(1)'s "-u, --unbuffered"),
    is its description, indented deeper; the term of an option entry (``option_entry``).
    Cached per document."""
    cache = doc.__dict__.get("_option_terms")
    if cache is not None:
        return cache
    text, lines, kinds = doc.text, doc.lines, doc.line_kinds
    out = []
    if "-" in text:
        for i, ln in enumerate(lines):
            if text[ln.start : ln.start + 1] not in (" ", "\t", "-") or not _OPTION_TERM_RE.fullmatch(text, ln.start, ln.end):
                continue
            j = i + 1 if i + 1 < len(lines) and kinds[i + 1] != "blank" else i + 2
            if j < len(lines) and kinds[j] != "blank" and _indent(text, lines[j].start) > _indent(text, ln.start):
                out.append(i)
    cache = doc.__dict__["_option_terms"] = frozenset(out)
    return cache


# An entry's label: a paragraph of one short line that ends no sentence, over the entry's
# description (a help page's definition list flattened to paragraphs: GIMP's crop options
# "Position" and "크기" (size), each over "These two text boxes show the position / the size
# ... It is stated in pixels, but you can change the unit ..."; a figure's caption, "그림 8.4.
# 알파 채널 예제: 두 개의 투명한 레이어가 있는 경우", over the step it shows).
ENTRY_LABEL_MAX_WORDS = 10
ENTRY_LABEL_MAX_CHARS = 80
ENTRY_LABEL_REACH = 6  # paragraphs read back from a sentence's to its entry's label
_ENTRY_LABEL_END = frozenset(".!?:;,،؛؟։。！？：；，…" + SCRIPT_FULL_STOPS)


def entry_labels(text: str, units: list) -> list[str | None]:
    """Per paragraph unit: its text when it is an entry's label (one line of at most
    ``ENTRY_LABEL_MAX_WORDS`` words and ``ENTRY_LABEL_MAX_CHARS`` characters, with a letter,
    not ending as a sentence or clause does) that the document holds once, else None. A label
    the text repeats is no entry's name: a scraping loop repeats its titles ("اترك تعليقاً"
    over the same notice, five times)."""
    found: list[str | None] = []
    for u in units:
        s = text[u.start : u.end].strip()
        ok = (u.line == u.last_line and 0 < len(s) <= ENTRY_LABEL_MAX_CHARS and s[-1] not in _ENTRY_LABEL_END
              and len(s.split()) <= ENTRY_LABEL_MAX_WORDS and any(c.isalpha() for c in s))
        found.append(s if ok else None)
    seen = Counter(x for x in found if x is not None)
    return [x if x is not None and seen[x] == 1 else None for x in found]


def _entries_of_two_labels(labels: list[str | None], ui: int, uj: int) -> bool:
    """True when paragraphs ``ui`` < ``uj`` each stand under an entry's label
    (``entry_labels``: the nearest among the ``ENTRY_LABEL_REACH`` paragraphs before each), the
    later one's label between them: a definition list or a figure's steps flattened to
    paragraphs, each entry documenting its own option or figure. A sentence each entry
    carries (GIMP's "It is stated in pixels, but you can change the unit thanks to the
    drop-down list of the px button." under "Position" and under "크기"; "이 옵션은 여러 개의
    이미지를 띄워놓고 작업할 경우에만 유용합니다." under two options of the docks) is the
    page's format, as under two options of a man page (``_entries_of_two_options``); D103 asks
    it of a sentence repeated word for word (overlap 1.00), as of the notes closing two items
    (``_closing_notes_of_two_items``): a note reworded under another label ("Ένας τρόπος
    ορισμού της περιοχής κελιών ..." under the Database argument, "Ένας τρόπος καθορισμού ..."
    under SearchCriteria, LibreOffice help el) is a restatement. Sentences under one label are
    compared."""
    def label_before(u: int, floor: int) -> int | None:
        for k in range(u - 1, max(floor, u - 1 - ENTRY_LABEL_REACH), -1):
            if labels[k] is not None:
                return k
        return None

    if ui >= uj or labels[ui] is not None or labels[uj] is not None:
        return False
    lj = label_before(uj, ui)
    return lj is not None and label_before(ui, -1) is not None


def _entries_of_parallel_openings(text: str, sentences: list, first: list[int], ui: int, uj: int,
                                  i: int, j: int) -> bool:
    """True when sentences ``i`` and ``j``, neither opening its paragraph, are in paragraphs
    ``ui`` and ``uj`` whose opening sentences (``first``: each paragraph's first sentence's
    index) fill one frame with two things, word by word (``parallel_statements``: smbmount(8)'s
    "The variable USER may contain the username of the person using the client." / "The
    variable PASSWD may contain the password ..."). The paragraphs are two entries of a
    reference list, and a sentence each carries ("This information is used only if the
    protocol level is high enough to support session-level passwords.") is said of each entry."""
    fi, fj = first[ui], first[uj]
    if fi < 0 or fj < 0 or fi == i or fj == j:
        return False
    return parallel_statements(_opening_words(text, sentences[fi]), _opening_words(text, sentences[fj]))


def _opening_words(text: str, s) -> list[str]:
    """The words (``normalize.words``) of a paragraph's opening sentence ``s``, less a heading
    on its first line run into the paragraph (a man page's "ENVIRONMENT VARIABLES" over its
    first entry, no blank line between)."""
    start = s.start
    nl = text.find("\n", start, s.end)
    if nl >= 0 and regions.plain_heading(text[start:nl]):
        start = nl + 1
    return normalize.words(text[start : s.end])


def _entries_of_own_subjects(text: str, units: list, sentences: list, first: list[int], ui: int, uj: int,
                             words_i: list[str], words_j: list[str]) -> bool:
    """True when paragraphs ``ui`` and ``uj`` open on two subjects (the first content word of
    each one's opening sentence, ``meaning._content``) and each sentence of the pair
    (``words_i``, ``words_j``: ``normalize.words``) names its own paragraph's subject and not
    the other's: the same statement made of each entry ("With the drop list, you can select
    another sample-image among the names of images present on your screen ..." in the
    paragraph that opens "The sample can be the whole preview ...", "The drop list displays
    the list of images present on your screen ... select another destination image" in the
    one that opens "Destination is, by default, the source image": GIMP's Sample Colorize),
    and one of the ``ENTRY_LABEL_REACH`` paragraphs before the first names both subjects (the
    list's label or lead-in: "Destination, Sample"), as the items of a labelled list
    (``_items_of_own_labels``). A restatement keeps what it speaks of; two paragraphs of an
    answer that open on other words ("If a person were to buy coal ...", "The supposed
    perturbation ...") are no entries of one list."""
    fi, fj = first[ui], first[uj]
    if fi < 0 or fj < 0 or ui >= uj:
        return False
    ca = meaning._content(normalize.words(text[sentences[fi].start : sentences[fi].end]))
    cb = meaning._content(normalize.words(text[sentences[fj].start : sentences[fj].end]))
    if not ca or not cb or ca[0] == cb[0]:
        return False
    a, b, si, sj = ca[0], cb[0], set(words_i), set(words_j)
    if not (a in si and a not in sj and b in sj and b not in si):
        return False
    for k in range(ui - 1, max(-1, ui - 1 - ENTRY_LABEL_REACH), -1):  # the list's label or lead-in names both
        named = set(normalize.words(text[units[k].start : units[k].end]))
        if a in named and b in named:
            return True
    return False


def _own_emphasized_subject(text: str, units: list, sentences: list, first: list[int], ui: int, uj: int,
                            i: int, j: int) -> bool:
    """True when the opening sentence of paragraph ``uj`` sets a term in emphasis (Markdown's,
    ``meaning.emphasized``: at most ``meaning.EMPHASIS_LABEL_MAX_WORDS`` words), sentence ``j``
    names it and paragraph ``ui`` does not (or the same of ``ui``, ``i`` and ``uj``): a
    statement about that paragraph's own subject. GNOME's files-browse page: "Pulse con el
    botón derecho sobre cualquier carpeta de la barra de rutas para abrirla en una pestaña o
    ventana nueva ..." in the paragraph that opens "La *barra de rutas* situada encima de la
    lista ...", after "También puede pulsar con el botón derecho sobre una carpeta para
    abrirla en una pestaña o una ventana nueva." said of a folder in the list: the path bar's
    folders, not the list's."""
    for own_u, own, other_u in ((uj, j, ui), (ui, i, uj)):
        f = first[own_u]
        if f < 0:
            continue
        opening = text[sentences[f].start : sentences[f].end]
        if "*" not in opening and "_" not in opening:
            continue
        said = normalize.words(text[sentences[own].start : sentences[own].end])
        other = normalize.words(text[units[other_u].start : units[other_u].end])
        for term in meaning.emphasized(opening):
            words = normalize.words(term)
            if 0 < len(words) <= meaning.EMPHASIS_LABEL_MAX_WORDS and _holds_term(said, words) and not _holds_term(other, words):
                return True
    return False


def _holds_term(words: list[str], term: list[str]) -> bool:
    """True when ``words`` hold the words of ``term`` in a row, each perhaps inflected: the
    same word but for its last two letters at most, three kept at least ("*Pasek ścieżki*" is
    named in "na pasku ścieżki", on the path bar)."""
    def same(a: str, b: str) -> bool:
        return a == b or meaning.shared_prefix(a, b) >= max(3, max(len(a), len(b)) - 2)

    n = len(term)
    return any(all(same(words[s + k], term[k]) for k in range(n)) for s in range(len(words) - n + 1))


def _indented_block(text: str, start: int, depth: int) -> bool:
    """True when every line of the paragraph at ``start`` (up to a blank line) is indented
    at least ``depth`` columns."""
    end = BLANK_LINES_RE.search(text, start)
    for m in _NONBLANK_LINE_RE.finditer(text, start, end.start() if end else len(text)):
        if len(m["indent"].expandtabs()) < depth:
            return False
    return True


# A hanging heading: a short line (a man page's "DESCRIPTION", an option's "-n, --priority
# prioridad") after a blank line, directly followed by a line indented deeper.
# (the blank line is matched, not looked behind for at every offset: 20x faster, same spans)
_HANGING_HEADING_RE = lazy(r"\n[ \t\r]*\n(?P<indent>[ \t]*)(?P<title>\S[^\r\n]{0,60})\r?\n(?P<body>[ \t]+)\S")
HANGING_HEADING_MAX_WORDS = 6


def _hanging_heading_between(text: str, first: int, later: int) -> bool:
    """True when a hanging heading (``_HANGING_HEADING_RE``: at most
    ``HANGING_HEADING_MAX_WORDS`` words, no sentence end, the next line indented deeper)
    starts after the line of ``first`` and at or before ``later``: the two sentences are
    in two sections of a page laid out like a rendered man page (NAME's one-line summary
    and the DESCRIPTION that opens on the same words)."""
    nl = text.find("\n", first, later)
    if nl < 0:
        return False
    starts, ends = _hanging_headings(text)
    k = bisect_left(starts, nl + 1)
    # (the first after ``nl`` that begins by ``later``; as the scan up to ``later + 200`` found it)
    return any(ends[x] <= later + 200 for x in range(k, bisect_right(starts, later)))


_HANGING_MEMO: list = [None, ([], [])]  # [the text, (starts, ends)]: D103 asks for one document's pairs in a row


def _hanging_headings(text: str) -> tuple[list[int], list[int]]:
    """The spans (starts, ends: sorted offsets) of the text's hanging headings, found once per
    text (a heading starts a line after a blank line: no two overlap, so one scan of the whole
    text finds what a scan of any stretch finds)."""
    if _HANGING_MEMO[0] is not text:
        starts: list[int] = []
        ends: list[int] = []
        # (a match ends on a line indented after a line break: none in most prose, one scan less)
        if "\n " in text or "\n\t" in text:
            for m in _HANGING_HEADING_RE.finditer(text):
                title = m["title"].rstrip()
                if (len(m["body"].expandtabs()) > len(m["indent"].expandtabs()) + 1
                        and len(title.split()) <= HANGING_HEADING_MAX_WORDS and title[-1] not in ".!?:;,"):
                    starts.append(m.start("indent"))
                    ends.append(m.end())
        _HANGING_MEMO[:] = [text, (starts, ends)]
    return _HANGING_MEMO[1]


_CROSS_RUN = 3  # words in each of the two crossed terms, and in the pivot between them
_CROSS_GAPS = range(2, 2 * _CROSS_RUN + 1)  # how far apart the first words of X and Y stand (P between them)


def crossed_terms(a: list, b: list) -> bool:
    """True when two terms swap places around a shared pivot (a chiasmus or antimetabole):
    ``a`` (a word sequence) holds X P Y and ``b`` holds Y Q X, where X and Y are runs of
    1-3 words with none in common and the pivots P, Q (1-3 words each) share a word.
    "Un pintor es un hombre que pinta lo que vende. Un artista ... es un hombre que vende
    lo que pinta." (Picasso); "... daß eine Million Menschen klüger sind als ein Mensch" /
    "... daß ein Mensch klüger ist als eine Million Menschen" (Heinlein): the same words
    say the opposite, not the same thing again. A clause moved ("X said Y on Monday" /
    "On Monday, X said Y") has no shared pivot between the moved parts."""
    # (a cheap necessary test first: X's and Y's first words u, v stand 2-6 words apart in
    # ``a``, v then u 2-6 apart in ``b``; most pairs have no such inversion. The pairs are
    # zipped from shifted lists: no Python step per pair, ~2x fewer CPU s than indexing)
    heads = set().union(*(zip(a, a[d:]) for d in _CROSS_GAPS))  # (u, v): u before v in ``a``...
    heads.intersection_update(chain.from_iterable(zip(b[d:], b) for d in _CROSS_GAPS))  # ...v before u in ``b``
    if not heads:
        return False
    # (only runs opening on such a word are read: X on a u in ``a``, Y on a v in ``b``)
    seen: dict[tuple, list[tuple]] = defaultdict(list)  # (first run, last run) of b -> pivots
    for x, pivot, y in _runs_around_pivots(b, {v for _u, v in heads}):
        seen[x, y].append(pivot)
    for x, pivot, y in _runs_around_pivots(a, {u for u, _v in heads}):
        pivots = seen.get((y, x))
        if pivots and set(x).isdisjoint(y) and any(not set(pivot).isdisjoint(q) for q in pivots):
            return True
    return False


def _runs_around_pivots(seq: list, firsts: set | None = None):
    """Every (X, P, Y) of ``seq`` read as consecutive runs of 1 to ``_CROSS_RUN`` words each
    (tuples); with ``firsts``, only those whose X opens on one of these words."""
    r = _CROSS_RUN
    for s in range(len(seq)):
        if firsts is not None and seq[s] not in firsts:
            continue
        for lx in range(1, r + 1):
            for lp in range(1, r + 1):
                for ly in range(1, r + 1):
                    e = s + lx + lp + ly
                    if e > len(seq):
                        break
                    yield tuple(seq[s : s + lx]), tuple(seq[s + lx : e - ly]), tuple(seq[e - ly : e])


_TEX_BEGIN_RE = lazy(r"\\begin\{([A-Za-z]+\*?)\}")
_TEX_ENTRY_ARGUMENT_RE = lazy(r"[ \t]*(\{[^{}\n]*\}|\[[^\[\]\n]*\])")
_TEX_ENTRY_REACH = 4000  # how far before the first copy its environment may open


def _bodies_of_two_environments(text: str, first: int, later: int) -> bool:
    """True when, in LaTeX, the copy at ``first`` lies in an environment that names its
    entry (an argument after ``\\begin{name}``), that environment closes before ``later``,
    and one of the same name for another entry opens between them, around ``later``: each
    copy belongs to its own entry (beamer's user guide: "\\themeauthor Madhusudan Singh."
    in ``\\begin{colorthemeexample}{wolverine}`` and in ``{beaver}``), as two option
    bodies in reStructuredText do. Copies in one environment, or in two lists without a
    name (``itemize``, ``enumerate``), are compared."""
    opened = None
    for m in _TEX_BEGIN_RE.finditer(text, max(0, first - _TEX_ENTRY_REACH), first):
        if text.find("\\end{" + m.group(1) + "}", m.end(), first) < 0:
            opened = m  # (the last environment still open at the first copy)
    if opened is None:
        return False
    name = opened.group(1)
    entry = _TEX_ENTRY_ARGUMENT_RE.match(text, opened.end())
    close = text.find("\\end{" + name + "}", first, later)
    if entry is None or close < 0:
        return False
    again = text.find("\\begin{" + name + "}", close, later)
    if again < 0 or text.find("\\end{" + name + "}", again, later) >= 0:
        return False
    other = _TEX_ENTRY_ARGUMENT_RE.match(text, again + len(name) + 8)
    return other is not None and other.group(1) != entry.group(1)


def _indent(text: str, start: int) -> int:
    line_start = text.rfind("\n", 0, start) + 1
    return len(_INDENT_RE.match(text, line_start).group().expandtabs())


def _lead_ins_of_two_blocks(doc: Document, first, later, words: int) -> bool:
    """True when units ``first`` and ``later`` are one short line (at most
    ``regions.LEAD_IN_MAX_WORDS`` words, ``words``) each introducing the block that follows
    it, a list or code (``_introduced_block``), and those two blocks differ: an
    instruction, not a copy. "Answer each of the following items "true" or "false""
    opens two quizzes of different questions; "按如下所示的配置它。" (configure it as
    shown below) precedes two different commands. A line copied with its block (a
    heading and its list pasted twice) differs in nothing and is compared."""
    if words > regions.LEAD_IN_MAX_WORDS or first.line != first.last_line or later.line != later.last_line:
        return False
    fragment = _fragment(doc.text[later.start : later.end])
    a, b = _introduced_block(doc, first.end, fragment), _introduced_block(doc, later.end, fragment)
    return a is not None and b is not None and a != b


# A line that is the opening of a sentence its next block finishes: it starts with a
# lower-case letter ("and remove the hold with", "а снять фиксацию с помощью") or, in
# Japanese, ends with a particle that needs what follows ("保留 (hold) の解除は").
_FRAGMENT_END_RE = lazy(r"[はをにでへとが][ \t]*$")
_FIRST_LETTER_RE = lazy(r"\p{L}")
_TITLE_DASH_RE = lazy(r"\s[—–]\s")


def _fragment(line: str) -> bool:
    """True when ``line`` (one line, a short unit) is a sentence's beginning that goes on in
    the block after it: its first letter is lower-case (a cased script), or it ends with a
    Japanese case or topic particle. A headline or a caption starts with a capital and
    ends with a noun (a module's title, "os — Miscellaneous operating system interfaces",
    names it before a dash); a copied fragment before a different block is one instruction
    written for two cases ("With apt ... apt-mark hold package_name / and remove the hold
    with / apt-mark unhold package_name", then the same for aptitude)."""
    first = _FIRST_LETTER_RE.search(line)
    if first is not None and first.group().islower():
        return _TITLE_DASH_RE.search(line) is None  # ("zlib — Compression compatible with gzip" is a title)
    return _FRAGMENT_END_RE.search(line.rstrip()) is not None


def _contents_entry_and_its_heading(text: str, units: list, first: int, later: int, headings: set[int]) -> bool:
    """True when unit ``first`` is one title in a list of titles (a run of at least
    ``CONTENTS_MIN_TITLES`` units that are title lines, ``regions.section_starts``: a table
    of contents) and unit ``later``, its copy, is a title followed by text that is not a
    title (the section the entry lists): a chapter page converted from HTML lists "10.1.
    Keep your system secure", "10.1.1. Tracking security vulnerabilities", ... and then
    opens each section under the same title. A headline printed twice stands alone, not
    in a list of titles, and the Sphinx navigation repeated at the foot of a page is a
    list of titles there too: both are compared."""
    f = units[first]
    if f.line != f.last_line or later + 1 >= len(units) or units[later + 1].start in headings:
        return False

    def title(i: int) -> bool:  # a title line, or a one-line unit opening with a section number ("12.1.1. Is ...?")
        u = units[i]
        return u.start in headings or (u.line == u.last_line and _SECTION_NUMBER_RE.match(text, u.start) is not None)

    need = CONTENTS_MIN_TITLES - (_SECTION_NUMBER_RE.match(text, f.start) is not None)
    run = 1
    for step in (-1, 1):
        i = first + step
        while 0 <= i < len(units) and i != later and run < need and title(i):
            run += 1
            i += step
    return run >= need


# A table of contents lists at least this many titles in a row (one fewer when they are
# numbered as sections: "9.1. Best practices ..." and "9.2. Creating users ...").
CONTENTS_MIN_TITLES = 3
_SECTION_NUMBER_RE = lazy(r"[ \t]*\d{1,3}(?:\.\d{1,3})+\.?[ \t]+\S")


# A shell command after its prompt, in colour or not: fortunes-zh's Debian reference
# writes "\x1b[32;1m    $ type ls\x1b[;m" (green), which no code region finds.
_PROMPT_LINE_RE = lazy(r"(?:\x1b\[[0-9;]*m)*[ \t\u00a0]*\$[ \t\u00a0]+\S")


def _introduced_block(doc: Document, end: int, fragment: bool = False) -> list[str] | None:
    """The words of the block after offset ``end`` (up to the next blank line) when it
    opens with a list item or a line of code (``Document.line_kinds``; a shell command
    after its prompt, ``_PROMPT_LINE_RE``), or whatever it
    holds when the line before it is a ``fragment`` (its sentence goes on in the block),
    else None."""
    text = doc.text
    m = _NONBLANK_LINE_RE.search(text, end)
    if m is None:
        return None
    i = bisect_right(doc._line_starts, m.start()) - 1
    item = _NUMBERED_ITEM_RE.match(m.group()) or _BULLET_ITEM_RE.match(m.group())
    if not (fragment or doc.line_kinds[i] == structure.CODE or item or _PROMPT_LINE_RE.match(m.group())):
        return None
    blank = BLANK_LINES_RE.search(text, m.start())
    return text[m.start() : blank.start() if blank else len(text)].split()


_BRACKETED_RE = lazy(r"[ \t]*[\[(（［][^\n]*[\])）］][ \t]*(?:\n|$)")


def _bracketed_line(text: str, start: int) -> bool:
    """True when the line at offset ``start`` is wholly in brackets or parentheses: a
    play's stage direction ("[Enter FATHER, MOTHER, and HYRUM]", in Act I and again in
    Act III), a transcript's "(Applause)". It may open a section, but it is not a title
    (a headline printed twice), so its copy under another heading is that scene's."""
    return _BRACKETED_RE.match(text, start) is not None


# A line that asks one question: its last sentence-ending mark is a question mark, with
# at most emoji, symbols or closing quotes after it ("Can you guess what we can do next? 🤔").
_QUESTION_LINE_RE = lazy(r"[^\n.!?؟？。]*[?؟？][^\n\w]*")


def _question_asked_again(text: str, units: list, keys: list[int], first: int, later: int) -> bool:
    """True when unit ``later``, a copy of unit ``first``, is one line asking one question,
    the first copy is not the text's opening line (a headline printed twice), and a
    different unit follows each copy: the same question put at two points of a dialogue
    or a worked example, each time answered anew (a tutor's "Can you guess what we can do
    next? 🤔" before adding two numbers, and again before dividing). A question copied with
    its answer is compared."""
    u = units[later]
    if first == 0 or u.line != u.last_line or later + 1 >= len(units):
        return False
    if _QUESTION_LINE_RE.fullmatch(text, u.start, u.end) is None:
        return False
    return keys[first + 1] != keys[later + 1]


def _after_conclusion_lead_in(text: str, units: list, keys: list[int], first: int, later: int) -> bool:
    """True when the unit just before ``later`` (a copy of unit ``first``) announces a
    conclusion and introduces it with a colon (``meaning.conclusion_opener``: "In summary,
    the correct relationship between lift and weight in a banked turn is:", «因此，英文句子
    ...可以翻译成古吉拉特语为：»), and is not itself a copy of the unit before ``first``:
    the answer restated as the conclusion, not a block pasted twice."""
    if later == 0:
        return False
    lead = text[units[later - 1].start : units[later - 1].end].rstrip()
    if not lead.endswith((":", "：")) or meaning.conclusion_opener(lead) is None:
        return False
    return first == 0 or keys[first - 1] != keys[later - 1]


# A line that gives an example's answer in a fixed form: "The answer is Sentence A.", "So the
# final answer is: yes", "Answer: (B)", «答案是 A», «الإجابة هي ...», «Ответ: ...».
_ANSWER_LINE_RE = lazy(
    r"[ \t]*(?:(?:so|thus|therefore|hence)[ \t,]+)?(?:the[ \t]+)?(?:(?:final|correct|right|best)[ \t]+)?answer"
    r"(?:[ \t]+is\b|[ \t]*[:：])"
    r"|[ \t]*(?:答案|正确答案)[ \t]*(?:是|为|[:：])"
    r"|[ \t]*(?:الإجابة|الجواب)[ \t]+(?:هي|هو|[:：])"
    r"|[ \t]*ответ[ \t]*[:：]",
    regex.IGNORECASE,
)


def _answer_to_another_question(text: str, units: list, keys: list[int], first: int, later: int) -> bool:
    """True when unit ``later``, a copy of unit ``first``, is one line giving an answer in
    a fixed form (``_ANSWER_LINE_RE``: "The answer is Sentence A.") and the units before
    the two copies differ: the closing line of two worked examples of a few-shot prompt,
    each after its own question and reasoning (kto_en_demo 273: "Student: Air escapes a
    beach ball ..." / "The answer is Sentence A." after "Botanical gardens are filled
    with ..." / "The answer is Sentence A."). The same reasoning and answer pasted twice is
    compared."""
    u = units[later]
    if first == 0 or u.line != u.last_line or _ANSWER_LINE_RE.match(text, u.start, u.end) is None:
        return False
    return keys[first - 1] != keys[later - 1]


def _second_pass(keys: list[int], first_copy: dict[int, int], first: int, later: int) -> bool:
    """True when unit ``later`` (a copy of unit ``first``) is a step of a procedure
    run a second time: the unit next to it also copies an earlier unit, in the same
    order, from further away (steps were skipped in between). A printing procedure
    has "Open the print dialog." (line 9) ... "Choose the Page Layout tab." (line 37),
    then, for the back sides, "Open the print dialog." (47), "Choose the Page Layout
    tab." (49); a step between may differ in the second pass ("... choose Back side /
    left pages." for "Front side / right pages."), so the copy two units before counts
    too: "Click Print." (53) after "Choose the Page Layout tab." (49). A block copied
    whole (a headline with its lead, a quotation) copies adjacent units instead."""
    for gap in (1, 2):  # (copied from further back than the block before the first copy: not a block copied whole)
        before = later - gap
        if before > first and first_copy[keys[before]] < min(before, first - gap):  # (a step between the two copies)
            return True
    after = later + 1
    return after < len(keys) and first + 1 < first_copy[keys[after]] < later


def unit_prose(a: U.Analysis) -> list[bool]:
    """``regions.prose_mask(doc, units, lists=False)`` of every paragraph unit of the
    analysed document, computed once for D101, D102 and D103 (each asks it of its own
    units: a span's verdict depends on that span alone, so each takes its units' entries)."""
    found = a.__dict__.get("_unit_prose")
    if found is None:
        found = a.__dict__["_unit_prose"] = regions.prose_mask(a.doc, [(u.start, u.end) for u in a.units], lists=False)
    return found


def _near_duplicate_units(doc: Document, threshold: float, min_words: int) -> list[tuple[int, int, float]]:
    """(later unit index, earlier unit index, Jaccard) for near-duplicate paragraph units
    that are not exact copies; each later unit appears once, with its best earlier match."""
    a = U.analyse(doc)
    cache = a.__dict__.setdefault("_near_cache", {})
    found = cache.get((threshold, min_words))
    if found is None:
        found = cache[(threshold, min_words)] = _near_duplicate_units_uncached(a, threshold, min_words)
    return found


def _near_duplicate_units_uncached(a: U.Analysis, threshold: float, min_words: int) -> list[tuple[int, int, float]]:
    idx = np.nonzero(a.nwords >= min_words)[0]
    if len(idx) < 2:
        return []
    doc = a.doc
    prose = np.array(unit_prose(a), dtype=bool)[idx]
    idx = idx[prose]
    if len(idx) < 2:
        return []
    sets, off = a.shingle_sets
    sub_sets, sub_off = _subset(sets, off, idx)
    pairs, sims = lsh.near_duplicate_pairs(a.signatures[idx], sub_sets, sub_off, threshold, brute_force_below=300)
    sections = regions.section_starts(doc)
    keys = a.keys
    text = doc.text
    best: dict[int, tuple[float, int]] = {}
    order = np.argsort(-sims, kind="stable")  # most similar first: the first that passes is the best
    for (i, j), s in zip(pairs[order].tolist(), sims[order].tolist()):
        ui, uj = int(idx[i]), int(idx[j])
        if uj in best or keys[ui] == keys[uj]:
            continue  # already matched, or an exact copy (D101's finding)
        pi, pj = a.units[ui], a.units[uj]
        if regions.section_of(sections, pi.start) != regions.section_of(sections, pj.start):
            continue
        if meaning.differs(text[pi.start : pi.end], text[pj.start : pj.end]):
            continue  # the differing words carry meaning: not a copy
        best[uj] = (s, ui)
    return [(j, i, s) for j, (s, i) in sorted(best.items())]


def _subset(sets: np.ndarray, off: np.ndarray, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The segments ``idx`` (sorted, unique) of a concatenated segment array."""
    n = len(off) - 1
    if len(idx) == n:
        return sets, off
    all_sizes = np.diff(off)
    new_off = np.zeros(len(idx) + 1, dtype=np.int64)
    np.cumsum(all_sizes[idx], out=new_off[1:])
    chosen = np.zeros(n, dtype=bool)
    chosen[idx] = True
    return sets[np.repeat(chosen, all_sizes)], new_off


class NearDuplicateParagraph(DocumentRule):
    """A paragraph is a near-copy of an earlier paragraph in the same document.

    What: two paragraphs of one document (blank-line separated, or one per line in
    scraped text; Markdown list items, code and structure are not compared) with at
    least ``min-words`` words (default 8) whose word-bigram sets, after normalisation
    and light stemming, have Jaccard similarity >= ``threshold`` (default 0.8) without
    being identical, and whose differing words are all insignificant: function words
    and fillers, punctuation, number formatting, one-letter spelling variants
    (``meaning.significant_change``). A negation, an antonym (Enable/Disable), a
    different number (16-bit/32-bit) or a different content word (``deb``/``deb-src``,
    "Immediate"/"Timeout") makes two parallel statements, not a copy. In Markdown only
    paragraphs of the same section are compared. A software message catalogue (the
    strings of a .po file, the ``message`` document kind) is not checked: its strings
    are separate messages. In a script without spaces (compared character by character)
    a changed run of characters is a content word unless it is only grammar
    (``meaning.SPACELESS_FUNCTION_CHARS``: 是个 / 是一个 is a copy, 覆蓋 / 附加 two
    statements). The later one is reported, pointing at its most similar earlier paragraph.
    Repetitive genres: as D101, with ``genre = "auto"`` (default) a variant of a refrain (a
    paragraph that occurs ``refrain-copies`` times or more, default 3: «故你们应当敬畏安拉，
    应当服从我。» five times in a Chinese Qur'an's surah 26, then without its «故») and
    fully vocalised Arabic-script documents and scripture one verse a line (``regions.verse_lines``)
    are not reported, nor near-copies in two entries of
    a changelog (as D101); ``genre = "prose"`` checks
    everything, ``"formulaic"`` turns the rule off for the files it is set for. In a quote
    collection in fortune(6)'s format, as D101, only a quote entered twice counts (two records
    the same but for the near-copied paragraph): a near-copy inside one quote or of a part of
    two quotes (an attribution with another year) does not.
    Why: re-posted updates, lightly edited repeats and template paragraphs duplicate
    content while escaping exact matching.
    Example: a paragraph repeated further down the same article with only "قام أيضا"
    changed to "قام كذلك" (also / likewise).
    Fix safety: unsafe: the later paragraph is deleted, but it may carry a correction
    or extra detail the earlier one lacks; the earlier paragraph is always kept.
    """

    code = "D102"
    skip_kinds = MESSAGES  # software messages: see the docstring
    name = "near-duplicate-paragraph"
    family = FAMILY
    default_severity = Severity.WARNING
    fixable = True
    options = {"threshold": 0.8, "min-words": 8, "genre": "auto", "refrain-copies": 3}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions.check_genre(self)

    def check(self, doc: Document) -> Iterable[Finding]:
        genre = str(self.opts["genre"])
        if genre == "formulaic":
            return []
        a = U.analyse(doc)
        found = _near_duplicate_units(doc, float(self.opts["threshold"]), int(self.opts["min-words"]))
        if not found:
            return []
        if genre == "auto" and regions.scripture(doc):
            return []  # (as D101)
        refrains = _refrain_keys(a, int(self.opts["refrain-copies"])) if genre == "auto" else frozenset()
        out = []
        for j, i, sim in found:
            uj, ui = a.units[j], a.units[i]
            if refrains and (int(a.keys[i]) in refrains or int(a.keys[j]) in refrains):
                continue  # a refrain's variant: «你们应当敬畏安拉，应当服从我。» after «故你们应当敬畏安拉，...»
            if genre == "auto" and regions.in_two_changelog_entries(doc, ui.start, uj.start):
                continue  # "More miscellaneous fixes from Michael Builov" two commit days after the first
            if quote_entered_twice(a, i, j) is False:
                continue  # a quote collection: a near-copy inside one quote, or of an attribution under two
            out.append(
                doc.finding(
                    self, uj.start, uj.end,
                    f"paragraph near-duplicates the paragraph at {_lines_label(ui.line, ui.last_line)} "
                    f"(Jaccard {sim:.2f})",
                    fix=U.deletion_fix(doc, U.remove_lines_edit(doc, uj.line, uj.last_line)),
                    related=[doc.location(ui.start)],
                )
            )
        return out


def _collection_records(a: U.Analysis) -> "tuple[list[int], list[int], dict[int, list[int]]] | None":
    """For a quote collection in fortune(6)'s format (``structure.fortune_separators``), per
    analysed unit the record holding it and its place there, and per record its units' keys
    in order; None for any other document. Computed once an analysis."""
    separators = structure.fortune_separators(a.doc)
    if not separators:
        return None
    found = a.__dict__.get("_collection_records")
    if found is None:
        record = np.searchsorted(np.array(separators, dtype=np.int64), a.table[:, 0], side="right").tolist()
        keys: dict[int, list[int]] = defaultdict(list)
        place = []
        for r, key in zip(record, a.keys.tolist()):
            place.append(len(keys[r]))
            keys[r].append(key)
        found = a.__dict__["_collection_records"] = (record, place, keys)
    return found


def quote_entered_twice(a: U.Analysis, first: int, later: int) -> bool | None:
    """For units ``first`` and ``later`` (a copy, or a near-copy) of an analysed quote
    collection (fortune(6)'s format, ``structure.fortune_separators``): True when the two are
    the collection's copy of a quote: they lie in two records that are the same text (their
    units the same normalised words, in order) but for the pair itself (a near-copy): a quote
    entered twice (fortunes-de's zitate: Walter Heiby's "Sicherheit ist das Irrlicht, dem
    Wünschende nachjagen." three times). False for two units of one record (a quote's own
    repetition: Douglas Adams's tripled "Ci fu un terribile, mortale silenzio.", a joke's
    punchline repeating the nanny's explanation) and for a part of two records (fortunes-pl's
    attribution "A.A. Milne" / "Chatka Puchatka" under two quotes of one book; fortunes-de's
    series title "Das Schwein trägt seinen Namen nicht umsonst" - Stilblüten aus
    Kinderaufsätzen over each child's sentence): each record is a text of its own. None when
    the document is no such collection."""
    found = _collection_records(a)
    if found is None:
        return None
    record, place, keys = found
    rf, rl = record[first], record[later]
    if rf == rl or place[first] != place[later]:
        return False
    kf, kl = keys[rf], keys[rl]
    at = place[first]
    return len(kf) == len(kl) and kf[:at] == kl[:at] and kf[at + 1 :] == kl[at + 1 :]


def _refrain_keys(a: U.Analysis, copies: int) -> frozenset:
    """The unit keys (normalised texts' hashes) that occur ``copies`` times or more in the
    analysed document: its refrains (D101's and D102's ``refrain-copies``)."""
    return frozenset(k for k, c in Counter(a.keys.tolist()).items() if c >= copies)


def _sentence_token_array(doc: Document, sentences: list[Unit]) -> tuple[np.ndarray, np.ndarray]:
    """``_content_token_array`` of the sentences' texts, from the words the document's
    analysis found in each run (``units.words_in_run_spans``: a sentence holds whole runs)
    when it kept them, else by tokenising the sentences again."""
    spans = np.array([(s.start, s.end) for s in sentences], dtype=np.int64).reshape(-1, 2)
    found = U.words_in_run_spans(U.analyse(doc), spans)
    if found is None:
        text = doc.text
        return _content_token_array([text[s.start : s.end] for s in sentences])
    return _content_tokens_of(*found)


def _content_token_array(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``units.content_tokens_many`` as arrays: ``(values, cuts)``, text ``k``'s tokens
    being ``values[cuts[k]:cuts[k+1]]`` (uint32 hashes of the light-stemmed content words;
    cuts int64, ``len(texts) + 1``)."""
    return _content_tokens_of(*U.words_of(texts))


def _content_tokens_of(index: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``_content_token_array`` of the words ``index`` (word table indices), text ``k``'s
    being ``index[bounds[k]:bounds[k+1]]``."""
    keep = U.word_flags()[0][index]
    kept_before = np.zeros(len(index) + 1, dtype=np.int64)
    np.cumsum(keep, out=kept_before[1:])
    return U._W_STEM[index][keep], kept_before[bounds]


# A consecutive content-word pair in more than this many sentences is formula, not evidence (D103).
MAX_PAIR_SENTENCES = 50
# A distinctive word (D103) occurs in at most this many sentences of the document.
RARE_MAX_SENTENCES = 3


def _shared_word_pairs(values: np.ndarray, cuts: np.ndarray, min_words: int):
    """D103's candidate counts, from the sentences' content-word hashes (sentence ``k``'s
    are ``values[cuts[k]:cuts[k+1]]``): ``(i, j, count, df, eligible)``, where ``i < j``
    (int64 arrays, sorted by ``(i, j)``) are the sentences of at least ``min_words`` words
    that share ``count`` distinct consecutive word pairs, each pair counted when at most
    ``MAX_PAIR_SENTENCES`` such sentences hold it; ``df`` maps a word hash to the number
    of sentences holding it; ``eligible`` is the number of sentences with at least
    ``min_words`` distinct words. Vectorised: no Python object per token."""
    n = len(cuts) - 1
    lens = np.diff(cuts)
    empty = np.zeros(0, dtype=np.int64)
    if len(values) == 0:
        return empty, empty, empty, {}, 0
    # dense word ids (by one sort), each token's sentence
    order = np.argsort(values)  # (which of two equal hashes comes first changes no id)
    ordered = values[order]
    step = np.empty(len(values), dtype=bool)
    step[0] = False
    np.not_equal(ordered[1:], ordered[:-1], out=step[1:])
    ids = np.empty(len(values), dtype=np.int64)
    ids[order] = np.cumsum(step)
    v = int(ids[order[-1]]) + 1
    if v * v * n >= 2**62:  # (codes would overflow int64: a giant document, counted in Python)
        flat, cut = values.tolist(), cuts.tolist()
        return _shared_word_pairs_python([flat[cut[k] : cut[k + 1]] for k in range(n)], min_words)
    sid = np.repeat(np.arange(n, dtype=np.int64), lens)
    # document frequency of each word, distinct words per sentence
    word_sent = sorted_unique(sid * v + ids)
    words = ordered[np.concatenate(([True], step[1:]))]  # the distinct hashes, by id
    df = dict(zip(words.tolist(), np.bincount(word_sent % v, minlength=v).tolist()))
    eligible = int((np.bincount(word_sent // v, minlength=n) >= min_words).sum())
    # distinct (word pair, sentence) of the sentences with at least min_words tokens, by word pair
    keep = (sid[:-1] == sid[1:]) & (lens >= min_words)[sid[:-1]]
    code = sorted_unique((ids[:-1][keep] * v + ids[1:][keep]) * n + sid[:-1][keep])
    if len(code) == 0:
        return empty, empty, empty, df, eligible
    code, sent = np.divmod(code, n)
    starts = np.flatnonzero(np.concatenate(([True], code[1:] != code[:-1])))
    sizes = np.diff(np.append(starts, len(code)))
    firsts, seconds = [], []
    for k in sorted_unique(sizes[(sizes >= 2) & (sizes <= MAX_PAIR_SENTENCES)]).tolist():
        rows = sent[starts[sizes == k][:, None] + np.arange(k)]  # each word pair's sentences, ascending
        a, b = _upper_pairs(k)
        firsts.append(rows[:, a].ravel())
        seconds.append(rows[:, b].ravel())
    if not firsts:
        return empty, empty, empty, df, eligible
    pairs = np.sort(np.concatenate(firsts) * n + np.concatenate(seconds))
    cut = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1], [True])))
    pair = pairs[cut[:-1]]
    return pair // n, pair % n, np.diff(cut).astype(np.int64), df, eligible


# At most this many content tokens: ``_may_share_pairs`` (Python) asks first, and the numpy
# set-up of ``_shared_word_pairs`` (~0.5 ms whatever the size) is paid only by a document
# that may hold a candidate (a chat turn or an instruction of a few sentences rarely does).
SMALL_PAIRS_TOKENS = 600


def _may_share_pairs(values: np.ndarray, cuts: np.ndarray, min_words: int, min_pairs: int) -> bool:
    """False when no two sentences (``_shared_word_pairs``' input) of at least ``min_words``
    tokens share ``min_pairs`` distinct consecutive word pairs held by at most
    ``MAX_PAIR_SENTENCES`` sentences: then ``_shared_word_pairs`` gives no count of
    ``min_pairs`` or more (the same counts, in Python: for a few sentences this is ~20x
    cheaper than the arrays)."""
    flat, cut = values.tolist(), cuts.tolist()
    postings: dict[tuple[int, int], list[int]] = {}
    for k in range(len(cut) - 1):
        t = flat[cut[k] : cut[k + 1]]
        if len(t) >= min_words:
            for g in set(zip(t, t[1:])):
                postings.setdefault(g, []).append(k)
    counts: dict[tuple[int, int], int] = {}
    for held in postings.values():
        if 2 <= len(held) <= MAX_PAIR_SENTENCES:
            for ij in combinations(held, 2):
                c = counts[ij] = counts.get(ij, 0) + 1
                if c >= min_pairs:
                    return True
    return False


def _rare_shared(values: np.ndarray, cuts: np.ndarray, i: np.ndarray, j: np.ndarray, max_df: int) -> np.ndarray:
    """For each sentence pair ``(i[k], j[k])`` (sentence ``s``'s word hashes being
    ``values[cuts[s]:cuts[s+1]]``): how many distinct words both hold among the words in
    at most ``max_df`` sentences, i.e. ``sum(1 for t in set(a) & set(b) if df[t] <= max_df)``
    (D103's distinctive-word test) for every pair at once. A rare word lies in at most
    ``max_df`` sentences, so it is shared by at most ``max_df * (max_df - 1) / 2`` pairs:
    those are listed and counted (numpy; int64 array, ``len(i)``)."""
    n = len(cuts) - 1
    if len(i) == 0 or len(values) == 0 or max_df < 2:
        return np.zeros(len(i), dtype=np.int64)
    sid = np.repeat(np.arange(n, dtype=np.int64), np.diff(cuts))
    word_sent = sorted_unique(values.astype(np.int64) * n + sid)  # distinct (word, sentence), by word
    word, sent = np.divmod(word_sent, n)
    starts = np.flatnonzero(np.concatenate(([True], word[1:] != word[:-1])))
    sizes = np.diff(np.append(starts, len(word)))
    codes = []
    for k in range(2, max_df + 1):
        first = starts[sizes == k]
        if len(first):
            rows = sent[first[:, None] + np.arange(k)]  # each rare word's sentences, ascending
            a, b = _upper_pairs(k)
            codes.append((rows[:, a] * n + rows[:, b]).ravel())
    if not codes:
        return np.zeros(len(i), dtype=np.int64)
    pairs = np.sort(np.concatenate(codes))
    cut = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1], [True])))
    keys, counts = pairs[cut[:-1]], np.diff(cut)
    want = i.astype(np.int64) * n + j
    at = np.minimum(keys.searchsorted(want), len(keys) - 1)
    return np.where(keys[at] == want, counts[at], 0).astype(np.int64)


@lru_cache(maxsize=64)
def _upper_pairs(k: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.triu_indices(k, 1)``: the index pairs a < b of ``k`` items, in combinations order."""
    return np.triu_indices(k, 1)


def _postings(toks: list[list[int]], min_words: int) -> dict[tuple[int, int], list[int]]:
    """Consecutive word pair -> the sentences of at least ``min_words`` tokens holding it
    (an inverted index, pairs in the order first met: by sentence, then set order)."""
    postings: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, t in enumerate(toks):
        if len(t) >= min_words:
            for g in set(zip(t, t[1:])):
                postings[g].append(i)
    return postings


def _shared_word_pairs_python(toks: list[list[int]], min_words: int):
    """``_shared_word_pairs`` of the sentences' token lists ``toks``, counted in Python
    with the inverted index (``_postings``)."""
    shared = Counter(chain.from_iterable(
        combinations(ids, 2) for ids in _postings(toks, min_words).values() if 1 < len(ids) <= MAX_PAIR_SENTENCES))
    pairs = sorted(shared)
    sets = [set(t) for t in toks]
    i = np.array([a for a, _b in pairs], dtype=np.int64)
    j = np.array([b for _a, b in pairs], dtype=np.int64)
    count = np.array([shared[p] for p in pairs], dtype=np.int64)
    return i, j, count, dict(Counter(chain.from_iterable(sets))), sum(1 for t in sets if len(t) >= min_words)


def _first_seen_keys(toks: list[list[int]], min_words: int,
                     pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, int, int]]:
    """For each of ``pairs`` (sentence pairs sharing a posting), a key that sorts them in
    the order they are first met walking every pair (``combinations``) of every posting
    of at most ``MAX_PAIR_SENTENCES`` sentences (``_postings``): the order D103 long took
    candidates in, which decides between two pairs with one later sentence and the same
    score. The key is (the first posting holding both, i, j): a pair is first met in the
    first posting holding both, and within a posting ``combinations`` of its ascending
    sentences meets pairs in (i, j) order. Only the asked pairs are looked at."""
    where: dict[int, list[int]] = defaultdict(list)  # sentence -> its postings, ascending
    for p, ids in enumerate(_postings(toks, min_words).values()):
        if 1 < len(ids) <= MAX_PAIR_SENTENCES:
            for i in ids:
                where[i].append(p)
    return {(i, j): (min(set(where[i]).intersection(where[j])), i, j) for i, j in pairs}


class _IdfWeights(dict):
    """D103's IDF weight of a word hash, ``log((n + 1) / (df[t] + 0.5))`` over the ``n``
    sentences of a document (``df``: word hash -> sentences holding it), computed on first
    use and kept: ``sum(map(weights.__getitem__, words))`` looks the known ones up in C."""

    def __init__(self, n: int, df: dict[int, int]) -> None:
        super().__init__()
        self.n = n
        self.df = df

    def __missing__(self, t: int) -> float:
        v = self[t] = math.log((self.n + 1) / (self.df[t] + 0.5))
        return v


def _same_score_ties(scored: list[tuple[float, int, int, int]]) -> bool:
    """Two scored pairs have the same later sentence and the same score."""
    seen = set()
    for score, _i, j, _c in scored:
        if (score, j) in seen:
            return True
        seen.add((score, j))
    return False


class RestatedPassage(DocumentRule):
    """A sentence restates an earlier sentence of the same document in other words.

    What: two sentences (split at . ! ? ؟ ؛ … inside paragraphs, so hard-wrapped
    sentences are whole) of one document that share most of their distinctive
    content: after normalisation, light stemming and dropping function words and
    tokens with digits, both have at least ``min-words`` content words (default 8),
    they share at least ``min-shared-pairs`` consecutive word pairs (default 5) and at
    least ``min-distinctive-words`` words (default 4) that occur in at most three
    sentences of the document (shared formula words such as "Everyone has the right
    to" do not count), and the IDF-weighted share of the shorter sentence's words found
    in the other is >= ``min-overlap`` (default 0.6; IDF over the document's sentences;
    0.5 let parallel statements such as two tools described in the same frame through).
    Minimal pairs are not restatements (``meaning.significant_change``): a negation,
    an antonym (a verb that turns a thing on against the "off" that ends it: "Activate
    QuickMask mode using ..." / "Toggle QuickMask mode off using ..."), a different number, or the same frame with one or two content words
    swapped ("Nul ne peut être arbitrairement privé de sa nationalité" / "... de sa
    propriété"), a quoted label on one side only ("... чтобы открыть «Обзор»" / "Чтобы
    открыть панель списка приложений, ..."), a label set in Markdown's emphasis on each side that
    the other lacks (``meaning.emphasis_change``: "... cliquez sur **Ouvrir avec une autre
    application**." / "... cliquez sur **Chercher de nouvelles applications**.", two buttons), or two lead-ins that fill one frame with other
    cases in two places
    (``parallel_lead_ins``: "With the newt front-end (used mostly with braille), ..." /
    "With the text front-end (used mostly with speech), ..."), or two lead-ins opening
    alike that name two goals (``own_goal_lead_ins``: "Για να επιλέξετε ένα κελί, ..." /
    "Για να επιλέξετε μια ορθογώνια περιοχή, ...", to select one cell / a range), nor is a chiasmus, two terms
    swapping places around a shared pivot (``crossed_terms``: "Un pintor es un hombre que
    pinta lo que vende. Un artista ... es un hombre que vende lo que pinta."). Only prose is compared: no paragraph holding code, program output or
    structure, no Markdown list items or block quotes; only sentences of the same
    passage (between two headings, ``regions.section_starts``, or the hanging headings of a
    man page rendered as text, ``_hanging_heading_between``: NAME's summary and the
    DESCRIPTION opening on its words; with no code sample
    between them, ``regions.passage_starts``: "This function takes an optional
    argument `err` ..." after the ``writeReport()`` example and again after the
    ``getReport()`` one documents two functions); and not the shared frame of two
    parallel paragraphs (paragraphs that align word by word, differing in a
    substituted name: "If `name` is `HttpClient`, ..." / "If `name` is `HttpRequest`,
    ..." each followed by the same sentence); nor sentences of two paragraphs that each
    define their own term (``_definitions_of_two_terms``: "Κανονικό - αυτός ο δευτερεύων
    τύπος ..." / "Σε στοίβα - αυτός ο δευτερεύων τύπος ...", chart types in LibreOffice's
    Greek help, a definition list flattened to text); nor sentences of two entries of a man page
    with different tags or options, indented (``_entries_of_two_tags``: chattr's note under
    ``a``, ``i`` and ``j``) or flattened to paragraphs that open with their option
    (``_entries_of_two_options``: dmesg(1)'s "Desteklenen tüm düzeylerin listesi --help
    seçeneğinin çıktısında bulunabilir." under ``-l`` and ``-n``): a sentence each entry
    carries is the page's format; nor sentences of two entries of a help page flattened to
    paragraphs: word for word under two labels (``_entries_of_two_labels``: a one-line paragraph
    of a few words that ends no sentence and that the text holds once, over the entry: GIMP's
    crop options "Position" and "크기" both saying "It is stated in pixels, but you can change the
    unit ...", a figure's caption over each step; reworded, it is reported), in paragraphs whose
    opening sentences fill one frame word by word (``_entries_of_parallel_openings``: smbmount(8)'s "The variable USER may contain the
    username ..." / "The variable PASSWD may contain the password ...", each followed by "This
    information is used only if the protocol level is high enough ..."), or each naming its own
    paragraph's subject and not the other's (``_entries_of_own_subjects``: "... select another
    sample-image ..." in the paragraph on the sample, "... select another destination image" in
    the one on the destination, both named in the label above: "Destination, Sample"), or one of
    them naming the term its paragraph's opening sentence sets in emphasis, which the other
    paragraph does not name (``_own_emphasized_subject``: "Pulse con el botón derecho sobre
    cualquier carpeta de la barra de rutas ..." under "La *barra de rutas* ...", after the same
    said of a folder in the list); nor the closing sentence of two items of one
    kind of list (numbered, lettered or with one bullet), word for word, a note each item carries (initrd(4)'s
    steps (6) and (7) both ending "... поведение ядра НЕ ОПРЕДЕЛЕНО. Смотрите подробности о
    поведении текущей версии ядра в разделе ЗАМЕЧАНИЯ."); nor a conclusion that sums up what came
    before: a sentence of the last prose paragraph restating one of an earlier paragraph,
    in a text of at least three prose paragraphs, unless it repeats it word for word
    (overlap 1.00) ("Overall, oceanic heat storage plays a crucial role in maintaining
    the balance of the Earth's climate." closing an answer that opened "Oceanic heat
    storage ... plays a crucial role in regulating the Earth's climate."; "In conclusion,
    there are many alternative ways to enjoy socializing and relaxation without ..."
    closing an answer whose second paragraph offered them), nor, anywhere, a sentence that
    announces a conclusion (``meaning.conclusion_opener``: "Thus, this comment is likely to raise
    ...", "So, in answer to your question, ...") unless word for word. Exact repeats of a whole line are
    left to D101. The later sentence is reported, pointing at the earlier one.
    Repetitive genres: with ``genre = "auto"`` (default) a document where at least six
    sentences and more than ``formulaic-share`` (default 0.1) of them look like
    restatements is formulaic (legal articles, parallel narrations, liturgy), and so
    is fully vocalised Arabic-script text (scripture, hadith, classical poetry) and scripture
    one verse a line (``regions.verse_lines``: Leviticus 3 restates the ritual for each
    animal), and a text of verses one unpunctuated paragraph each (``regions.verse_paragraphs``: a
    scripture translation's parallel verses, "... رات طاری کر دے ..." then "... دن طاری
    کر دے ..."): D103 says nothing there, nor on two sentences in verse, the later one amid short lines of a
    hard-wrapped document (``_verse_repeat``: two poems opening with the same line), nor
    in a software message catalogue extracted as text (the ``catalogue`` document kind:
    Django's "You have selected an action, and you haven't made any changes..." and
    "You have selected an action, but you haven't saved your changes..." are two
    messages sharing a clause); one string of a .po file is still checked, or of an XLIFF or
    TMX file, but never one plural variant of a message against another: Symfony's
    ``singular|plural`` ("... It should have {{ limit }} character or more.|... It should
    have {{ limit }} characters or more.", ``structure.plural_variant_starts``) says one
    thing twice by design, as a .po file's ``msgstr[n]`` do (each a string of its own);
    nor on two sentences in two entries of a changelog (as D101: "This release fixes some bugs"),
    nor in a quote collection in fortune(6)'s format (``structure.fortune_separators``): a
    sentence said again inside a quote is its author's (a joke's punchline repeating the
    nanny's explanation word for word), two quotes are two texts (a quote entered twice is
    D101's or D102's).
    ``genre = "prose"`` always checks, ``"formulaic"`` never does.
    Why: machine-written filler and careless rewrites restate a fact already given,
    adding length but no information; plain Jaccard misses these (the seed pair below
    has unigram Jaccard ~0.4, lower than unrelated short sentences on the same topic).
    Example: ``000_*.txt`` line 4 "يشير تقرير وكالة الأنباء الكورية الرسمية إلى أن كوريا
    الشمالية تخطط لتحقيق زيادة في إنتاج الذخائر المدفعية ..." restates line 1 "وتشير
    التقارير إلى أن كوريا الشمالية قد تعتزم زيادة إنتاج الذخائر المدفعية ...".
    Fix safety: unsafe: the later sentence is deleted, which loses whatever it adds
    (here, the clause about inter-Korean relations); review before applying.
    """

    code = "D103"
    name = "restated-passage"
    family = FAMILY
    default_severity = Severity.WARNING
    fixable = True
    options = {
        "min-words": 8, "min-shared-pairs": 5, "min-overlap": 0.6, "min-distinctive-words": 4,
        "max-sentences": 20000, "genre": "auto", "formulaic-share": 0.1,
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions.check_genre(self)
        if self.opts["genre"] == "auto":  # the strings of a .po file as text: two messages sharing a clause
            self.skip_kinds = frozenset({CATALOGUE})

    def check(self, doc: Document) -> Iterable[Finding]:
        min_words = int(self.opts["min-words"])
        min_pairs = int(self.opts["min-shared-pairs"])
        min_overlap = float(self.opts["min-overlap"])
        min_distinctive = int(self.opts["min-distinctive-words"])
        if at_most_one_sentence(doc.text):  # (a .po string, a title: no analysis needed)
            return []
        if structure.fortune_separators(doc):
            return []  # a quote collection: a quote's restatement is its author's, two quotes are two texts
        sentences = paragraph_sentences(doc)
        if len(sentences) < 2 or len(sentences) > int(self.opts["max-sentences"]):
            return []
        text = doc.text
        values, cuts = _sentence_token_array(doc, sentences)
        if len(values) <= SMALL_PAIRS_TOKENS and not _may_share_pairs(values, cuts, min_words, min_pairs):
            return []  # (a few sentences, no pair of them sharing min-shared-pairs word pairs)
        # candidates: sentence pairs sharing consecutive content-word pairs (numpy, by word pair)
        cand_i, cand_j, cand_count, df, eligible = _shared_word_pairs(values, cuts, min_words)
        found = cand_count >= min_pairs
        if not found.any():
            return []
        # the distinctive-word test below, for every candidate at once (most fail it): the
        # pairs it drops are dropped here (each test only drops a pair: the same pairs pass)
        found[found] = _rare_shared(values, cuts, cand_i[found], cand_j[found], RARE_MAX_SENTENCES) >= min_distinctive
        if not found.any():
            return []
        candidates = [((i, j), c) for i, j, c in zip(cand_i[found].tolist(), cand_j[found].tolist(),
                                                       cand_count[found].tolist())]
        cut = cuts.tolist()
        token_lists: dict[int, list[int]] = {}
        token_sets: dict[int, set[int]] = {}

        def toks(k: int) -> list[int]:  # sentence k's content-word hashes, in order (few sentences are asked)
            v = token_lists.get(k)
            if v is None:
                v = token_lists[k] = values[cut[k] : cut[k + 1]].tolist()
            return v

        def sets(k: int) -> set[int]:  # (built as ``set(toks(k))``: the same iteration order each time)
            v = token_sets.get(k)
            if v is None:
                v = token_sets[k] = set(toks(k))
            return v

        n = len(sentences)
        w = _IdfWeights(n, df).__getitem__  # word hash -> its IDF weight, computed on first use
        set_weight: dict[int, float] = {}  # sentence -> sum of its words' weights (in many pairs)

        def weight_of(k: int) -> float:
            v = set_weight.get(k)
            if v is None:
                v = set_weight[k] = sum(map(w, sets(k)))
            return v

        dup_lines = _duplicate_lines(doc)
        # prose paragraphs only (no code, structure, Markdown list items or quotes)
        units = U.analyse(doc).units
        prose_of_unit: list[bool] = []  # ``unit_prose``, on first use
        unit_starts = [u.start for u in units]
        markdown = doc.suffix in regions.MARKDOWN_SUFFIXES
        # Per sentence and per paragraph facts, computed on first use (most sentences
        # are in no candidate pair): prose or not, word lists, names.
        unit_clean: dict[int, bool] = {}
        prose: dict[int, bool] = {}
        words: dict[int, list[str]] = {}
        unit_words: dict[int, list[str]] = {}
        names: dict[int, set[str]] = {}

        def prose_sentence(k: int) -> bool:
            # a sentence counts when its whole paragraph is prose: a paragraph with any
            # code, output or structure line is a transcript or a listing
            v = prose.get(k)
            if v is None:
                s = sentences[k]
                u = bisect_right(unit_starts, s.start) - 1
                clean = unit_clean.get(u)
                if clean is None:
                    if not prose_of_unit:
                        prose_of_unit.extend(unit_prose(U.analyse(doc)))
                    if not prose_of_unit[u]:
                        clean = False
                    elif regions.lines_split_as_splitlines(doc):  # the unit's lines are the document's: their memo
                        clean = not any(regions.line_structural(doc, x) for x in range(units[u].line - 1, units[u].last_line))
                    else:
                        clean = not any(regions.structural_line(ln, markdown=markdown)
                                        for ln in text[units[u].start : units[u].end].splitlines())
                    unit_clean[u] = clean
                v = prose[k] = clean and not regions.structural_line(text[s.start : s.end], markdown=markdown)
            return v

        def sentence_words(k: int) -> list[str]:
            v = words.get(k)
            if v is None:
                v = words[k] = normalize.words(text[sentences[k].start : sentences[k].end])
            return v

        def paragraph_words(u: int) -> list[str]:
            v = unit_words.get(u)
            if v is None:
                v = unit_words[u] = normalize.words(text[units[u].start : units[u].end])
            return v

        def sentence_names(k: int) -> set[str]:
            v = names.get(k)
            if v is None:
                v = names[k] = _names(text[sentences[k].start : sentences[k].end])
            return v

        passages = regions.passage_starts(doc)
        variants = structure.plural_variant_starts(doc)
        if variants:  # the singular and plural of one message restate each other by design
            passages = sorted(passages + variants)
        tex = doc.suffix in structure.TEX_SUFFIXES
        plain = not (tex or doc.is_wikitext or doc.suffix in structure.RST_SUFFIXES
                     or doc.suffix in regions.MARKDOWN_SUFFIXES)
        verse_too = str(self.opts["genre"]) == "auto"
        verse_memo: dict = {}
        scored: list[tuple[float, int, int, int]] = []
        # legal, religious and reference texts restate by design (every article opens
        # "Everyone has the right to", every narration repeats its chain): when many
        # sentences look like restatements, the document is formulaic and D103 is silent.
        # That is known as soon as the pairs kept so far involve enough sentences (every
        # test only drops a pair: the pairs kept at the end involve at least these).
        genre = str(self.opts["genre"])
        if genre == "formulaic" or (genre == "auto" and regions.scripture(doc)):
            return []
        formulaic_over = float(self.opts["formulaic-share"]) * eligible if genre == "auto" else None
        involved: set[int] = set()
        labels: list[str | None] | None = None  # (``entry_labels``, on first use)
        first_sentence: list[int] | None = None  # unit -> its first sentence's index (on first use)
        # Every test below only drops a pair, so they run cheapest first: the word
        # overlap score, then the prose, verse and parallel-statement tests; the chiasmus
        # and man-page heading tests (a scan of every run triple, of the text between) last.
        for (i, j), count in candidates:
            if len(sets(i)) < min_words or len(sets(j)) < min_words:
                continue
            if sentences[j].line in dup_lines and toks(i) == toks(j):
                continue
            if regions.section_of(passages, sentences[i].start) != regions.section_of(passages, sentences[j].start):
                continue
            if genre == "auto" and regions.in_two_changelog_entries(doc, sentences[i].start, sentences[j].start):
                continue  # "This release fixes some bugs ..." in two releases' notes: the genre's formula
            # (the pair shares words of its own, not the document's formula: ``_rare_shared`` above)
            shared = sets(i) & sets(j)
            wa = weight_of(i)
            wb = weight_of(j)
            wi = sum(map(w, shared))
            score = wi / min(wa, wb) if min(wa, wb) > 0 else 0.0
            if score < min_overlap:
                continue
            if not (prose_sentence(i) and prose_sentence(j)):
                continue
            if verse_too and _verse_repeat(doc, sentences[i].start, sentences[j].start, verse_memo):
                continue  # two poems opening with the same line (Marlowe's, then Donne's reply)
            if parallel_statements(sentence_words(i), sentence_words(j)):
                continue
            if parallel_lead_ins(text[sentences[i].start : sentences[i].end], text[sentences[j].start : sentences[j].end]):
                continue  # "With the newt front-end (...), ..." / "With the text front-end (...), ...": two cases
            if own_goal_lead_ins(text[sentences[i].start : sentences[i].end], text[sentences[j].start : sentences[j].end]):
                continue  # "Για να επιλέξετε ένα κελί, ..." after "Για να επιλέξετε μια ορθογώνια περιοχή, ...": two goals
            if _each_names_more(sentence_names(i), sentence_names(j)):  # different_subjects
                continue
            ui, uj = bisect_right(unit_starts, sentences[i].start) - 1, bisect_right(unit_starts, sentences[j].start) - 1
            if ui != uj and parallel_statements(paragraph_words(ui), paragraph_words(uj)):
                continue  # the shared frame of two parallel paragraphs (one case each)
            if score >= 1.0 and ui != uj and _closing_notes_of_two_items(text, units[ui], units[uj], sentences[i],
                                                                          sentences[j]):
                continue  # "... поведение ядра НЕ ОПРЕДЕЛЕНО. Смотрите подробности ..." closing steps (6) and (7)
            if ui != uj and _items_of_own_labels(text, units[ui], units[uj], sentence_words(i), sentence_words(j)):
                continue  # "2. Shrinkage Allowance: ..." / "3. Machining Allowance: ...", each of its own item
            if _definitions_of_two_terms(text, sentences[i].start, sentences[j].start):
                continue  # "Κανονικό - αυτός ο δευτερεύων τύπος ..." / "Σε στοίβα - αυτός ο δευτερεύων τύπος ...": two terms defined
            if plain and ui != uj and _entries_of_two_tags(text, sentences[i].start, sentences[j].start):
                continue  # sed's "\\L  ... küçük harfe" / "\\U  ... büyük harfe", chattr's note under "a", "i", "j"
            if ui != uj and _entries_of_two_options(text, sentences[i].start, sentences[j].start):
                continue  # dmesg's "Desteklenen tüm düzeylerin listesi --help ..." under -l and under -n: each entry's pointer
            if ui != uj:
                if labels is None:
                    labels = entry_labels(text, units)
                if score >= 1.0 and _entries_of_two_labels(labels, ui, uj):
                    continue  # "It is stated in pixels, ..." under GIMP's crop options "Position" and "크기"
                if first_sentence is None:
                    first_sentence = [-1] * len(units)
                    for k in range(n - 1, -1, -1):  # (each unit's first sentence: the lowest index in it)
                        first_sentence[bisect_right(unit_starts, sentences[k].start) - 1] = k
                if _entries_of_parallel_openings(text, sentences, first_sentence, ui, uj, i, j):
                    continue  # "This information is used only if ..." in "The variable USER ..." and "The variable PASSWD ..."
                if _entries_of_own_subjects(text, units, sentences, first_sentence, ui, uj, sentence_words(i),
                                            sentence_words(j)):
                    continue  # "... select another sample-image ..." / "... select another destination image": each its own
                if _own_emphasized_subject(text, units, sentences, first_sentence, ui, uj, i, j):
                    continue  # "... cualquier carpeta de la barra de rutas ..." under "La *barra de rutas* ...": its own subject
            if tex and ui != uj and _entries_of_two_items(text, units[ui].start, units[uj].start):
                continue  # "In this case, it will detokenize ..." under \\cmditem{apptocmd} and \\cmditem{pretocmd}
            if crossed_terms(toks(i), toks(j)):
                continue  # "... un hombre que pinta lo que vende." / "... un hombre que vende lo que pinta.": a chiasmus
            if _hanging_heading_between(text, sentences[i].start, sentences[j].start):
                continue  # "NOM\n  mklost+found - Créer ..." / "DESCRIPTION\n  mklost+found est ...": two sections of a man page
            scored.append((score, i, j, count))
            if formulaic_over is not None:
                involved.add(i)
                involved.add(j)
                if len(involved) >= 6 and len(involved) > formulaic_over:
                    return []  # formulaic (see above)
        if not scored:
            return []
        if genre == "auto" and regions.verse_paragraphs(doc):
            return []  # a translated scripture, one unpunctuated verse a paragraph: parallel by design
        if _same_score_ties(scored):  # which pair is taken for a sentence depends on the pairs' order:
            order = _first_seen_keys([toks(k) for k in range(n)], min_words, [(i, j) for _s, i, j, _c in scored])
            scored.sort(key=lambda t: order[t[1], t[2]])
        best: dict[int, tuple[float, int, int]] = {}
        prose_units = [u for u, p in enumerate(prose_of_unit) if p]  # (filled: every scored sentence is prose)
        for score, i, j, count in sorted(scored, key=lambda t: -t[0]):
            if j in best or sentences[j].line in dup_lines:
                continue  # (taken, or on a line already reported as a (near-)duplicate by D101/D102)
            si, sj = sentences[i], sentences[j]
            if score < 1.0 and len(prose_units) >= CLOSING_ECHO_MIN_PARAGRAPHS and (
                bisect_right(unit_starts, sj.start) - 1 == prose_units[-1]
                and bisect_right(unit_starts, si.start) - 1 != prose_units[-1]
            ):
                continue  # the conclusion sums up an earlier point (an essay's, an answer's, a story's)
            if score < 1.0 and meaning.conclusion_opener(text[sj.start : sj.end]) is not None:
                continue  # "Thus, this comment is likely to ...", "So, in answer to your question, ...": a summary
            if meaning.differs(text[si.start : si.end], text[sj.start : sj.end], paraphrase=True):
                continue  # parallel statements (a negation, a number, the one distinguishing word)
            if turns_to_another(text[sj.start : sj.end]):
                continue  # "In contrast, protostome development ...": the same frame, another thing
            uj = bisect_right(unit_starts, sj.start) - 1
            if units[uj].start < sj.start and units[uj].start > si.start and turns_to_another(text[units[uj].start : sj.end]):
                continue  # "This is associated with spiral cleavage" in the paragraph that opened "In contrast, ..."
            best[j] = (score, i, count)
        out = []
        for j, (score, i, count) in sorted(best.items()):
            sj, si = sentences[j], sentences[i]
            out.append(
                doc.finding(
                    self, sj.start, sj.end,
                    f"sentence restates the sentence at line {si.line} "
                    f"(weighted word overlap {score:.2f}, {count} shared word pairs)",
                    fix=U.deletion_fix(doc, _remove_sentence_edit(doc, sj)),
                    related=[doc.location(si.start)],
                )
            )
        return out


# A sentence that announces a parallel statement about another thing: it opens with a
# contrast or an addition of a like item ("In contrast,", "Similarly,", "Another variation
# is"), or names its subject and turns ("Recall, on the other hand, is ..."). English.
_TURN_TO_ANOTHER_RE = lazy(
    r"^[\W\d_]*(?:(?:in|by)[ \t]+contrast\b|on[ \t]+the[ \t]+other[ \t]+hand\b|conversely\b|similarly\b|likewise\b"
    r"|another\b(?![ \t]+(?:way|words?|time)\b)"
    r"|(?:[\w'’*-]+[ \t]+){0,3}[\w'’*-]+[ \t]*,[ \t]*(?:on[ \t]+the[ \t]+other[ \t]+hand|(?:in|by)[ \t]+contrast)\b)",
    regex.IGNORECASE,
)


def turns_to_another(sentence: str) -> bool:
    """True when ``sentence`` opens as a parallel statement about another thing
    (``_TURN_TO_ANOTHER_RE``): "In contrast, protostome development ... spiral cleavage"
    after "In deuterostome development ... radial cleavage"; "Another variation is
    mini-batch gradient descent" after stochastic gradient descent; "Recall, on the other
    hand, is the number of true positives divided by ..." after precision's definition.
    A restatement says the same thing again; these say it of something else. ("Another
    way to put it" restates.) D103 asks it of the later sentence and of the paragraph
    that holds it, when that paragraph opens after the earlier sentence: "This is
    associated with spiral cleavage, ..." follows "In contrast, protostome development ..."
    as "This is associated with radial cleavage ..." followed the deuterostomes'."""
    return _TURN_TO_ANOTHER_RE.match(sentence) is not None


# A plain-text list item: "(6)", "6.", "6)", "a)", "(b)" or a bullet, then its text.
_ITEM_MARK_RE = lazy(r"[ \t\u00a0]*(?:(?P<num>\(?\d{1,3}[.)])|(?P<letter>\(?[a-z][.)])|(?P<bullet>[-*+•·▪◦‣]))[ \t]+\S")


def _closing_notes_of_two_items(text: str, ua, ub, sa, sb) -> bool:
    """True when sentences ``sa`` and ``sb`` each close their paragraph, and those
    paragraphs are two items of one kind of list (numbered, lettered, or with the same
    bullet): each item's own note or warning, repeated word for word (the caller asks
    overlap 1.00: a reworded closing sentence in each item, "By accurately calculating
    the shrinkage allowance, one can ensure ..." / "By strategically planning the
    machining allowance, one can ensure ...", is a model's filler) at the same place of
    parallel items (initrd(4) steps (6) and (7) both end "... поведение ядра НЕ ОПРЕДЕЛЕНО.
    Смотрите подробности о поведении текущей версии ядра в разделе ЗАМЕЧАНИЯ.")."""
    a, b = _ITEM_MARK_RE.match(text, ua.start), _ITEM_MARK_RE.match(text, ub.start)
    if a is None or b is None or a.lastgroup != b.lastgroup:
        return False
    if a.lastgroup == "bullet" and a["bullet"] != b["bullet"]:
        return False
    return not text[sa.end : ua.end].strip() and not text[sb.end : ub.end].strip()


# A list item's label: its mark, then one to four words (bold or not) and a colon
# ("3. Machining Allowance:", "- **PowerShell**:").
_ITEM_LABEL_RE = lazy(
    r"[ \t\u00a0]*(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[-*+•·▪◦‣])[ \t]+[*_]{0,2}"
    r"(?P<label>[\p{L}\p{M}\p{N}'’-]+(?:[ \t]+[\p{L}\p{M}\p{N}'’-]+){0,3})[*_]{0,2}[ \t]*[:：]"
)


def _items_of_own_labels(text: str, ua, ub, words_a: list[str], words_b: list[str]) -> bool:
    """True when paragraphs ``ua`` and ``ub`` are two items of one kind of list
    (``_ITEM_MARK_RE``), each opening with its own label ("2. Shrinkage Allowance:",
    "3. Machining Allowance:"), and each sentence (``words_a``, ``words_b``: its words,
    ``normalize.words``) names a word of its own item's label that the other sentence
    lacks: the same frame said of each item of the list ("This allowance is made to
    compensate for ..." / "This is an extra material allowance provided ... to compensate
    for ..."), a parallel statement, not a restatement. A sentence that repeats the other
    item's subject, or items without labels, are compared."""
    a, b = _ITEM_MARK_RE.match(text, ua.start), _ITEM_MARK_RE.match(text, ub.start)
    if a is None or b is None or a.lastgroup != b.lastgroup:
        return False
    if a.lastgroup == "bullet" and a["bullet"] != b["bullet"]:
        return False
    la, lb = _ITEM_LABEL_RE.match(text, ua.start), _ITEM_LABEL_RE.match(text, ub.start)
    if la is None or lb is None:
        return False
    label_a, label_b = set(normalize.words(la["label"])), set(normalize.words(lb["label"]))
    if label_a == label_b:
        return False
    sa, sb = set(words_a), set(words_b)
    return bool((label_a - label_b) & (sa - sb)) and bool((label_b - label_a) & (sb - sa))


# A paragraph that defines its term: the term (one to four words, optionally in bold or
# italics) and a dash set off by spaces or a colon, then the definition ("Κανονικό - αυτός
# ο δευτερεύων τύπος γραφήματος ...", "Stacked: this subtype ...").
_TERM_DEFINED_RE = lazy(
    r"[ \t\u00a0]*[*_]{0,2}(?P<term>\p{L}[\p{L}\p{M}\p{N}'’]*(?:[ \t]+[\p{L}\p{M}\p{N}'’]+){0,3})[*_]{0,2}"
    r"[ \t]*[-–—:：][ \t]+\S"
)


def _definitions_of_two_terms(text: str, first: int, later: int) -> bool:
    """True when the sentences starting at ``first`` and ``later`` each open with a term
    being defined (``_TERM_DEFINED_RE``), two different terms (``normalize.words``): a
    definition list flattened to paragraphs, whose entries define each term in one frame
    (LibreOffice help el, chart types: "Κανονικό - αυτός ο δευτερεύων τύπος γραφήματος
    απεικονίζει όλες τις τιμές ..." / "Σε στοίβα - αυτός ο δευτερεύων τύπος γραφήματος
    απεικονίζει τις τιμές ...": normal, stacked). Each sentence documents its own term,
    like the items of a labelled list (``_items_of_own_labels``), even when it says "this
    subtype" rather than the term's name. Entries of the same term are compared (a travel
    plan's "Transportation: Rent a car or book a guided tour" on day 6 and again on day 7,
    each under its "Activities: ..." paragraph)."""
    a, b = _TERM_DEFINED_RE.match(text, first), _TERM_DEFINED_RE.match(text, later)
    if a is None or b is None:
        return False
    return normalize.words(a["term"]) != normalize.words(b["term"])


# A LaTeX command that opens a reference entry on a line of its own, naming it in its
# first argument: etoolbox's ``\\cmditem{apptocmd}{command}{code}``, ``\\csitem{...}``,
# ``\\item[option]``.
_TEX_ENTRY_ITEM_RE = lazy(r"^[ \t]*\\(?P<cmd>[A-Za-z]*item)\*?[ \t]*(?P<arg>\{[^{}\n]*\}|\[[^\[\]\n]*\])", regex.MULTILINE)


def _entries_of_two_items(text: str, first: int, later: int) -> bool:
    """True when, in LaTeX, a command naming a reference entry (``_TEX_ENTRY_ITEM_RE``:
    ``\\cmditem{pretocmd}``) opens a line between offsets ``first`` and ``later``, and
    the last such command before ``first`` names another entry: each sentence documents
    its own entry (etoolbox's manual says "In this case, it will detokenize the
    replacement text of the \\prm{command}, apply the patch, and retokenize it ..." of
    ``\\apptocmd`` and again of ``\\pretocmd``). Sentences of one entry, or of a list
    whose items name nothing (``\\item`` without an argument), are compared."""
    between = list(_TEX_ENTRY_ITEM_RE.finditer(text, first, later))
    if not between:
        return False
    before = None
    for m in _TEX_ENTRY_ITEM_RE.finditer(text, max(0, first - _TEX_ENTRY_REACH), first):
        before = m
    return before is not None and any(m["arg"] != before["arg"] for m in between)


# A text of at least this many prose paragraphs has an opening and a conclusion (D103).
CLOSING_ECHO_MIN_PARAGRAPHS = 3


def _duplicate_lines(doc: Document) -> set[int]:
    """Lines inside later copies that D101/D102 (default settings) report."""
    out: set[int] = set()
    a = U.analyse(doc)
    seen: set[int] = set()
    for u, k, nw in zip(a.units, a.keys.tolist(), a.nwords.tolist()):
        if k in seen and nw >= 4:
            out.update(range(u.line, u.last_line + 1))
        seen.add(k)
    for j, _i, _s in _near_duplicate_units(doc, 0.8, 8):
        u = a.units[j]
        out.update(range(u.line, u.last_line + 1))
    return out


# Where ``paragraph_sentences`` ends a sentence: ``document._SENTENCE_END_RE``'s marks and the
# full stops of scripts that do not use "." (``tokens.SCRIPT_FULL_STOPS``: Hindi's danda "।",
# Khmer's "។", Burmese "။", Tibetan "།"...): the gaps after them (quotes, white space) or the
# empty gap after a final mark. A UDHR article in Hindi is two sentences, "प्रत्येक व्यक्ति को
# विचार, अन्तरात्मा और धर्म की आज़ादी का अधिकार है । इस अधिकार के अन्तर्गत ...", not one.
# (used for a text holding one of them, ``_has_script_stop``: the others are cut by ``_SENTENCE_END``,
# as ``Document.sentences`` cuts them)
_SCRIPT_SENTENCE_END = lazy(rf"[.!?؟؛…{SCRIPT_FULL_STOPS}]([\"'”’»)\]]*\s+)|[.!?؟؛{SCRIPT_FULL_STOPS}]()$")


def _has_script_stop(text: str) -> bool:
    """Does ``text`` hold a full stop of ``SCRIPT_FULL_STOPS``?"""
    return not text.isascii() and any(stop in text for stop in SCRIPT_FULL_STOPS)


# A sentence mark, closing quotes, white space and more text: the first branch of
# ``_SCRIPT_SENTENCE_END`` followed by a character that is not white space (where
# ``paragraph_sentences`` can cut one line into two sentences).
_SENTENCE_CUT_RE = lazy(rf"[.!?؟؛…{SCRIPT_FULL_STOPS}][\"'”’»)\]]*\s+\S")


def at_most_one_sentence(text: str) -> bool:
    """True when ``paragraph_sentences`` of a document with this text gives at most one
    sentence, known without its analysis (``units.analyse``, ~0.2 ms even for a short
    string: most of what D103 costs on a .po file's 30 k one-line strings). Exact: all of
    the text but its leading and trailing spaces, tabs and line breaks is one line, so it
    makes at most one paragraph unit (units break only at "\n" and "\r"), and no sentence
    mark there is followed by white space and more text, so ``_SENTENCE_END`` cuts that
    unit nowhere before its last non-space character (a match of its first branch ends
    where the white space it took ends: at the unit's end or at a character that is not
    white space, which this pattern would find)."""
    core = text.strip(" \t\n\r")
    return "\n" not in core and "\r" not in core and _SENTENCE_CUT_RE.search(text) is None


def paragraph_sentences(doc: Document) -> list[Unit]:
    """Sentences split at . ! ? ؟ ؛ … and the scripts' own full stops (``_SCRIPT_SENTENCE_END``) inside each paragraph unit, so a sentence of a
    hard-wrapped paragraph is whole, not cut at every line end (``Document.sentences``
    splits line by line, which suits one-paragraph-per-line scrapes)."""
    text = doc.text
    out: list[Unit] = []
    starts = doc._line_starts  # (a sentence's line: ``doc.position(pos)[0]``, without the column)
    stops = _has_script_stop(text)
    finditer = (_SCRIPT_SENTENCE_END if stops else _SENTENCE_END).finditer
    append = out.append
    units = U.analyse(doc).units
    for u in units:
        pos = u.start
        line = u.line if u.line == u.last_line else 0  # (a one-line unit: every sentence is on its line)
        for m in finditer(text, u.start, u.end):  # ``sentence_ends``, inlined
            end, after = m.span(m.lastindex)
            if end > pos and not text[pos:end].isspace():  # (``text[pos:end].strip()``)
                append(make_unit(pos, end, line or bisect_right(starts, pos)))
            pos = after
        if u.end > pos and not text[pos : u.end].isspace():
            append(make_unit(pos, u.end, line or bisect_right(starts, pos)))
    if ("sentences" not in doc.__dict__ and type(doc).sentences is Document.sentences and _units_are_lines(doc, units)
            and not stops):  # (``Document.sentences`` does not cut at "।", "។")
        doc.__dict__["sentences"] = list(out)  # (``Document.sentences``, asked by other rules: the same list)
    return out


def _units_are_lines(doc: Document, units: list) -> bool:
    """Each paragraph unit is one non-blank line, and each non-blank line one unit (one
    paragraph a line: news scrapes, generated corpora). Then ``paragraph_sentences`` is
    ``Document.sentences``: both cut the same spans with the same pattern and keep the
    same pieces, and a sentence's line (``bisect_right`` of its start in the line starts)
    is its unit's one line."""
    lines = doc.line_paragraphs
    return len(lines) == len(units) and all(a.start == b.start and a.end == b.end for a, b in zip(lines, units))


def _remove_sentence_edit(doc: Document, s) -> Edit:
    first = doc.lines[s.line - 1]
    last = doc.lines[doc.position(s.end)[0] - 1]
    text = doc.text
    if not text[first.start : s.start].strip() and not text[s.end : last.end].strip():
        return U.remove_lines_edit(doc, first.number, last.number)
    end = s.end
    while end < last.end and text[end] in " \t":
        end += 1
    if end == last.end:  # last sentence of the line: take the space before it instead
        start = s.start
        while start > first.start and text[start - 1] in " \t":
            start -= 1
        return Edit(start, s.end, "")
    return Edit(s.start, end, "")
