"""S105 known-misspelling: a corrections dictionary in codespell's format, plus the reject list."""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ...findings import Edit, Fix, Severity
from ...structure import chat_log_lines
from ...text.lazy_regex import lazy
from ...text.script import ARABIC_SCRIPT_LANGUAGES, document_spans
from .backends import available_backend, get_backend
from .base import SpellingDocumentRule
from .project import config_error, resolve

_BOUND_L = r"(?<![\p{L}\p{M}\p{N}_])"
_BOUND_R = r"(?![\p{L}\p{M}\p{N}_])"
_AR_PREFIX = r"(?P<pre>وال|بال|فال|كال|لل|ال|و|ف|ب|ل|ك)?"
_ARABIC_RE = lazy(r"[\u0600-\u06FF]")
# Text a correction must never edit: URLs, e-mail addresses, file paths (things that
# name something, where "teh" may be a real host or file name).
_PROTECTED_RE = lazy(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+"  # URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|(?:~|\.{1,2})?(?:/[\w.@%+-]+){2,}/?"  # /usr/share/doc, ./a/b
    r"|[\w.-]+(?:/[\w.-]+)+\.\w{1,5}\b"  # docs/teh.md
    r"|[A-Za-z]:\\[^\s]+",  # C:\path
    regex.IGNORECASE,
)
# No match of _PROTECTED_RE holds white space: the one holding a word lies in the word's
# white-space-separated run, found from the word outwards (backwards, then forwards)
_RUN_BEFORE_RE = lazy(r"\S*", regex.REVERSE)
_RUN_AFTER_RE = lazy(r"\S*")


class ProtectedRuns:
    """Whether a word of ``text`` lies in a URL, an e-mail address or a file path (a match
    of ``_PROTECTED_RE`` over the whole text), from the matches of the word's
    white-space-separated run only: the whole-text search cost ~1 ms a 5 KB Arabic document,
    where each word character may begin an e-mail address. Words are asked in text order
    (a rule's matches): the last run's matches are kept, so a run is read once however many
    candidates it holds (a 72 KB path of misspellings: linear, not one scan a word)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lo = self.hi = -1
        self.starts: list[int] = []
        self.ends: list[int] = []

    def holds(self, start: int, end: int) -> bool:
        """``text[start:end]`` (a word, no white space) lies inside a match."""
        if not (self.lo <= start and end <= self.hi):
            text = self.text
            self.lo = _RUN_BEFORE_RE.match(text, 0, start).start()
            self.hi = _RUN_AFTER_RE.match(text, end).end()
            spans = [m.span() for m in _PROTECTED_RE.finditer(text, self.lo, self.hi)]
            self.starts, self.ends = [a for a, _ in spans], [b for _, b in spans]
        k = bisect_right(self.starts, start) - 1  # (matches do not overlap: the last one starting at or before)
        return k >= 0 and end <= self.ends[k]


@dataclass(frozen=True)
class Correction:
    wrong: str
    choices: tuple[str, ...]
    reason: str = ""
    fixable: bool = True
    language: str = ""  # "" any; else the language ("ar", "fa") whose paragraphs it applies to


class CorrectionsError(ValueError):
    pass


def parse_corrections(text: str, source: str = "<corrections>") -> dict[str, Correction]:
    """Parse codespell's dictionary format.

    ``wrong->right`` (one choice, fixable), ``wrong->a, b,`` (trailing comma: choices
    only, never auto-fixed), ``wrong->right, reason`` (text after the last comma is a
    reason, never auto-fixed). Blank lines and ``#`` comments are skipped; a comment
    ``# language: fa`` makes the entries after it apply only to paragraphs of that
    language (``# language: any`` ends it): the table key is then ``wrong@fa``. Only the
    Arabic-script languages that paragraphs are told apart by (``ARABIC_SCRIPT_LANGUAGES``)
    may head a section; another code raises ``CorrectionsError`` (its entries would
    never apply).
    """
    out: dict[str, Correction] = {}
    language = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            m = _LANGUAGE_RE.match(line)
            if m:
                language = "" if m.group(1) == "any" else m.group(1)
                if language and language not in SECTION_LANGUAGES:  # its entries would never apply
                    raise CorrectionsError(
                        f"{source}:{number}: '# language: {language}': sections are for the languages a "
                        f"paragraph is told to be in: the Arabic-script ones by their letters "
                        f"({', '.join(sorted(ARABIC_SCRIPT_LANGUAGES))}) and English by its function words (en)")
            continue
        if "->" not in line:
            raise CorrectionsError(f"{source}:{number}: expected 'wrong->right', got {raw!r}")
        wrong, rhs = (part.strip() for part in line.split("->", 1))
        if not wrong or not rhs:
            raise CorrectionsError(f"{source}:{number}: empty side in {raw!r}")
        comma = rhs.rfind(",")
        reason = ""
        fixable = True
        if comma < 0:
            choices = [rhs]
        elif comma == len(rhs) - 1:
            choices = [c.strip() for c in rhs[:-1].split(",")]
            fixable = False
        else:
            reason = rhs[comma + 1 :].strip()
            choices = [c.strip() for c in rhs[:comma].split(",")]
            fixable = False
        choices = [c for c in choices if c]
        if not choices:
            raise CorrectionsError(f"{source}:{number}: no correction in {raw!r}")
        if wrong in choices:
            raise CorrectionsError(f"{source}:{number}: {wrong!r} is corrected to itself in {raw!r}")
        key = wrong if _ARABIC_RE.search(wrong) else wrong.lower()
        if language:
            key += "@" + language
        out[key] = Correction(wrong, tuple(choices), reason, fixable and len(choices) == 1, language)
    return out


_LANGUAGE_RE = lazy(r"#\s*language:\s*([a-z]{2,3}|any)\s*$")
SECTION_LANGUAGES = ARABIC_SCRIPT_LANGUAGES | {"en"}

# -- English entries apply to English text ---------------------------------------------
# "teh" is a slip in English and a word in Slovenian ("objave teh strani", of these pages:
# 37 of wagtail 8.0.1's 38 S105 findings). An entry of the "# language: en" section
# applies where the text is English: a document declared English (its record's field,
# per-file-language, a .po header's "Language: en"); in one declared in another language,
# a paragraph that shows English by its function words (a quoted English sentence); in
# one not declared, a paragraph (or the whole text, when the paragraph is short) that does
# not show another language: 5 Latin words or more and no English function word among
# them is not English. The function words are ones other Latin-script languages do not
# write ("in", "a", "to", "is", "was", "of", "for", "by", "at", "but", "will" are
# Slovenian, Dutch, German, Danish, Czech or French words too).
_EN_FUNCTION_WORD_RE = lazy(
    r"(?<![\p{L}\p{M}])(?:the|and|with|this|that|these|those|which|you|your|are|not|be|been|from|they|their|"
    r"there|what|when|would|should|could|have|has|had|it|its|we|our|if|can)(?![\p{L}\p{M}])",
    regex.IGNORECASE,
)
_LATIN_WORD_RE = lazy(r"\p{Latin}[\p{Latin}\p{M}'’]*")
_SHORT_LATIN = 5  # fewer Latin words than this show no language


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the paragraph holding ``pos`` (between blank lines)."""
    a = text.rfind("\n\n", 0, pos)
    b = text.find("\n\n", pos)
    return a + 1 if a >= 0 else 0, len(text) if b < 0 else b


def english_evidence(text: str) -> tuple[int, int]:
    """(English function words, Latin words) of ``text``."""
    return len(_EN_FUNCTION_WORD_RE.findall(text)), len(_LATIN_WORD_RE.findall(text))


class EnglishEvidence:
    """``english_evidence`` of a document's paragraphs (and of its whole text), each counted
    once: a paragraph of many candidates (a 72 KB line of them) is not counted again for
    each, nor searched for its ends again (``at`` keeps the last paragraph's)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.first = self.end = -1  # (the last asked position, its paragraph's end)
        self.bounds = (0, 0)
        self.counts: dict[int, tuple[int, int]] = {}  # paragraph start -> its evidence; -1: the whole text's

    def at(self, pos: int) -> tuple[tuple[int, int], bool]:
        """The evidence of the paragraph holding ``pos`` (a word's start, not a line feed),
        and whether that paragraph is the whole text."""
        if not (self.first <= pos <= self.end):  # (no blank line starts between: the same paragraph)
            self.bounds = _paragraph(self.text, pos)
            self.first, self.end = pos, self.bounds[1]
        lo, hi = self.bounds
        if lo not in self.counts:
            self.counts[lo] = english_evidence(self.text[lo:hi])
        return self.counts[lo], hi - lo >= len(self.text)

    def whole(self) -> tuple[int, int]:
        if -1 not in self.counts:
            self.counts[-1] = english_evidence(self.text)
        return self.counts[-1]


def reads_english(doc, pos: int, evidence: "EnglishEvidence | None" = None) -> bool:
    """True when the text at ``pos`` of ``doc`` is English for the "# language: en" entries
    (see above): declared English; declared another language and the paragraph shows
    English (2+ function words, a twentieth of its Latin words); not declared and the
    paragraph, or the whole text when the paragraph has under 5 Latin words, does not show
    another language (under 5 Latin words, or an English function word per twenty).
    ``evidence``: the document's ``EnglishEvidence`` so far (the positions asked in text order)."""
    if doc.language == "en":
        return True
    evidence = EnglishEvidence(doc.text) if evidence is None else evidence
    (en, words), whole = evidence.at(pos)
    if doc.language is not None:
        return en >= 2 and en * 20 >= words
    if words < _SHORT_LATIN and not whole:
        en, words = evidence.whole()
    return words < _SHORT_LATIN or (en >= 1 and en * 20 >= words)


# -- A misspelling among play -------------------------------------------------------------
# A paragraph whose writer misspells on purpose: a drunk recipe's spoonerisms (Debian fortunes'
# ``drugs``: "Add 1 seaspoon of tugar ... make sure the rum teh absolutely highest quality ...
# Add 2 orge laggs, 2 cups of fried druit and beat untill high"), olde spelling ("intire of it
# selfe"), a parody. A listed misspelling there is part of the play, not a slip. Such a
# paragraph (between blank lines or a fortune's ``%`` lines) holds ``PLAY_MIN_WORDS`` distinct
# non-words at least, and they are ``PLAY_MIN_SHARE`` of its words or more: words in lower
# case of 4+ letters, in its text (not code), that the English dictionary does not know but
# knows with one letter changed or two neighbours swapped (tugar: sugar, druit: fruit, toda:
# soda), each written in this paragraph only (a term the document uses again, a program's
# name, is its vocabulary), and not itself a listed misspelling (a writer who cannot spell
# "recieve", "seperate", "goverment" is not playing). Jargon is rarely one letter from a word
# ("confval", "autodoc", "graphviz"): a technical paragraph keeps its findings.
PLAY_MIN_WORDS = 7
PLAY_MIN_SHARE = 1 / 20
_PLAY_REACH = 4000  # characters read each way for a paragraph's bounds
_PLAY_WORD_RE = lazy(r"(?<![\p{L}\p{M}\p{N}_'’./@#$\\-])[a-z]{4,}(?![\p{L}\p{M}\p{N}_'’/@(-])")
_PLAY_BREAK_RE = lazy(r"\n[ \t]*(?:%[ \t]*)?\r?\n")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _play_bounds(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the paragraph of ``pos``: between blank lines or fortune ``%`` lines
    (at most ``_PLAY_REACH`` characters each way)."""
    start = max(0, pos - _PLAY_REACH)
    for m in _PLAY_BREAK_RE.finditer(text, start, pos):
        start = m.end()
    m = _PLAY_BREAK_RE.search(text, pos, pos + _PLAY_REACH)
    return start, m.start() + 1 if m else min(len(text), pos + _PLAY_REACH)


@lru_cache(maxsize=8192)
def _near_word(word: str) -> bool:
    """True when the English dictionary knows ``word`` with one letter changed or two
    neighbouring letters swapped (tugar: sugar)."""
    backend = get_backend("en")
    for i, old in enumerate(word):
        if any(c != old and backend.spell(word[:i] + c + word[i + 1 :]) for c in _LETTERS):
            return True
    return any(word[i] != word[i + 1] and backend.spell(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
               for i in range(len(word) - 1))


def play_paragraph(doc, pos: int, table: dict, answers: dict) -> bool:
    """True when the paragraph of ``pos`` in ``doc`` is play (above). ``table``: the
    corrections (its words are no evidence); ``answers``: the document's answers so far (a
    dict: paragraph bounds -> bool, and the document's word counts)."""
    bounds = _play_bounds(doc.text, pos)
    verdict = answers.get(bounds)
    if verdict is not None:
        return verdict
    backend = available_backend("en")
    if backend is None:
        return False
    counts = answers.get("counts")
    if counts is None:
        counts = answers["counts"] = Counter(_PLAY_WORD_RE.findall(doc.text))
    words = [m for m in _PLAY_WORD_RE.finditer(doc.text, *bounds) if not doc.in_code(m.start(), m.end())]
    mine = Counter(m.group() for m in words)
    odd = {w for w, n in mine.items()
           if counts[w] == n and w not in table and f"{w}@en" not in table and not backend.known(w) and _near_word(w)}
    verdict = answers[bounds] = len(odd) >= PLAY_MIN_WORDS and len(odd) >= PLAY_MIN_SHARE * len(words)
    return verdict


@lru_cache(maxsize=1)
def builtin_corrections() -> dict[str, Correction]:
    text = resources.files(__package__).joinpath("corrections.txt").read_text(encoding="utf-8")
    return parse_corrections(text, "corrections.txt (built-in)")


@lru_cache(maxsize=32)
def _user_corrections(path: str, mtime: int) -> dict[str, Correction]:
    with open(path, encoding="utf-8-sig") as fh:
        return parse_corrections(fh.read(), path)


# A misspelling cited as an example, an arrow to or from its correction next to it
# (git's SubmittingPatches: ``typographical fixes ... ("teh -> "the")``).
_CITED_AFTER_RE = lazy(r"[\"'”’`]?[ \t]*(?:->|→|=>|⇒)")
_CITED_BEFORE_RE = lazy(r"(?:<-|←|->|→|=>|⇒)[ \t]*[\"'“‘`]?$")
# A misspelling set against its correction (aspell's change log: ``words like the vs. teh``,
# ``words such as "the" instead of "teh"``): the word on the other side of "vs." ("versus",
# "instead of", "rather than") is one of the entry's choices.
_CONTRAST = r"(?:vs\.?|versus|instead[ \t]+of|rather[ \t]+than)"
_CONTRAST_BEFORE_RE = lazy(rf"(?i)(\w+)[\"'”’`]?\s+{_CONTRAST}\s+[\"'“‘`]?\Z")
_CONTRAST_AFTER_RE = lazy(rf"(?i)[\"'”’`]?\s+{_CONTRAST}\s+[\"'“‘`]?(\w+)")


def _contrasted(text: str, start: int, end: int, choices: list[str]) -> bool:
    """True when ``text[start:end]`` is set against one of ``choices`` by "vs." / "instead of"
    ("the vs. teh"): the misspelling cited on purpose, as an arrow cites it."""
    wanted = {c.lower() for c in choices}
    before = _CONTRAST_BEFORE_RE.search(text, max(0, start - 40), start)
    after = _CONTRAST_AFTER_RE.match(text, end)
    return any(m is not None and m.group(1).lower() in wanted for m in (before, after))


def _match_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class KnownMisspelling(SpellingDocumentRule):
    """A word listed as a misspelling: built-in list, project corrections file, or reject list.

    What: words found in a corrections dictionary in codespell's format — a small
    built-in list of unambiguous errors (هاذا→هذا, ذالك→ذلك, لاكن→لكن, إنشاء الله→إن شاء الله,
    hamzat al-wasl written with a hamza: إستخدام→استخدام, a few English classics) plus
    the project's own file (``[tool.corpuslint.spelling] corrections-file``, or this
    rule's ``file`` option; one ``wrong->right`` per line, ``wrong->a, b,`` for several
    choices, ``wrong->right, reason`` to explain). Arabic entries also match after a
    clitic prefix (و ف ب ل ك ال ...), which the fix keeps; English entries match any
    case and the fix keeps the case. An entry under a ``# language: fa`` comment applies
    only to paragraphs of that language: Arabic entries (إن شاء الله) stay out of
    Persian text, which gets its own (انشالله → ان‌شاءالله). Words in the project ``reject`` list
    (``[tool.corpuslint.spelling] reject``, also fed by config-defined rule lists) are
    always reported here; words in ``accept`` never are. Set ``builtin = false`` to use
    only your own list.
    A misspelling cited with an arrow to its correction (``("teh -> "the")``, ``teh → the``)
    is an example, not a slip, and is not reported; nor is one set against its correction by
    "vs.", "versus", "instead of" or "rather than" (aspell's change log: ``words like the vs.
    teh``, ``"the" instead of "teh"``). An English entry ("teh", "untill") is not reported on a
    line of a chat log a text quotes (``structure.chat_log_lines``: ``<nick> …``, an action
    ``* Myxie needs … teh command line``): the speaker's typing; nor in a paragraph of play
    (``play_paragraph``): 7 or more distinct non-words one letter from a word, each written
    there only, a twentieth of its words at least (a drunk recipe's "seaspoon of tugar … orge
    laggs … fried druit … beat untill high").
    Why: some misspellings are frequent and certain enough to list once and fix
    everywhere; codespell and typos cannot do this for Arabic.
    Example: "لاكن الوضع" → "لكن الوضع"; "الإستخدام" → "الاستخدام".
    Fix safety: unsafe: the word is rewritten as the entry's one choice (entries with
    no reason), which is right for the slip but rewrites a word, and a listed spelling
    can be meant (a quoted form, a name, another language's word); entries with several
    choices, a reason or a trailing comma, and reject-list words, are reported without
    a fix.
    """

    code = "S105"
    name = "known-misspelling"
    default_severity = Severity.ERROR
    fixable = True
    options = {"file": "", "builtin": True}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._compiled = None
        for path in self._paths():  # a missing or malformed file is a config error (exit 2)
            self._load(path)

    def word_files(self) -> list[str]:
        files = super().word_files()
        return files + [p for p in self._paths() if p not in files]

    def _paths(self) -> list[str]:
        paths = []
        for p in (self.spelling_section.get("corrections-file") or "", self.opts.get("file") or ""):
            if p:
                paths.append(resolve(self.root, p))
        return paths

    @staticmethod
    def _load(path: str) -> dict[str, Correction]:
        try:
            return _user_corrections(path, os.stat(path).st_mtime_ns)
        except OSError as exc:
            config_error(f"spelling corrections file {path}: {exc.strerror or exc}")
        except CorrectionsError as exc:
            config_error(f"spelling corrections file: {exc}")

    def corrections(self) -> dict[str, Correction]:
        table: dict[str, Correction] = {}
        if self.opts.get("builtin", True):
            table.update(builtin_corrections())
        for path in self._paths():
            table.update(self._load(path))
        return table

    def _compile(self):
        if self._compiled is None:
            table = self.corrections()
            words = {k.split("@", 1)[0] for k in table}
            arabic = sorted((k for k in words if _ARABIC_RE.search(k)), key=len, reverse=True)
            other = sorted((k for k in words if not _ARABIC_RE.search(k)), key=len, reverse=True)
            ar_re = other_re = None
            if arabic:
                alt = "|".join(regex.escape(k) for k in arabic)
                # (compiled at its first use: a text without the entries' letters never asks)
                ar_re = lazy(f"{_BOUND_L}{_AR_PREFIX}(?P<w>{alt}){_BOUND_R}")
            if other:
                alt = "|".join(regex.escape(k) for k in other)
                other_re = regex.compile(f"{_BOUND_L}(?P<w>{alt}){_BOUND_R}", regex.IGNORECASE)
            # Cheap exact pre-checks, so most documents skip the alternation scans: an
            # Arabic entry matches only where its letters occur verbatim; an entry of
            # ASCII letters matches (ignoring case) only where some character folds to
            # an ASCII letter: one itself, KELVIN SIGN, LONG S, I WITH DOT, DOTLESS I.
            ascii_only = all(k.isascii() for k in other)
            # (the standard ``re`` engine: it scans a character class ~3x faster than ``regex``)
            other_gate = re.compile(r"[A-Za-z\u212a\u017f\u0130\u0131]") if ascii_only else None
            # an entry that starts with another entry occurs only where that one does:
            # ``_entry_starts`` need not look for it (إتفاقية after إتفاق, هاذان after هاذا)
            firsts = tuple(k for k in arabic if not any(o != k and k.startswith(o) for o in arabic))
            self._compiled = (table, ar_re, other_re, firsts, other_gate)
        return self._compiled

    def check(self, doc):
        table, ar_re, other_re, arabic_keys, other_gate = self._compile()
        text = doc.text
        protected = ProtectedRuns(text)
        evidence = EnglishEvidence(text)  # (``reads_english``'s counts)
        spans = None
        play: dict = {}  # the document's answers for ``play_paragraph``
        for pattern in (ar_re, other_re):
            if pattern is None:
                continue
            if pattern is other_re and other_gate is not None and other_gate.search(text) is None:
                continue
            # (Arabic: tried only where an entry occurs verbatim, the usual case being nowhere)
            found = _matches_at(ar_re, text, _entry_starts(text, arabic_keys)) if pattern is ar_re else pattern.finditer(text)
            for m in found:
                word = m.group("w")
                if pattern is ar_re:  # an entry written for one language applies only there
                    entry = table.get(word) or table.get(word.lower())
                    if spans is None:
                        spans = document_spans(doc)
                    lang = next((lg for a, b, lg in spans if a <= m.start() < b), "ar")
                    entry = table.get(f"{word}@{lang}") or entry
                    if entry is not None and m.group("pre") and entry.language not in ("", "ar"):
                        entry = None  # the clitic prefixes are Arabic
                else:  # an English entry applies to English text ("teh" is Slovenian for "of these")
                    entry = table.get(word.lower()) or table.get(word)
                    if entry is None and (english := table.get(word.lower() + "@en")) is not None:
                        entry = english if reads_english(doc, m.start(), evidence) else None
                if entry is None or self._accepted(word):
                    continue
                start, end = m.span("w")
                choices = [_match_case(word, c) for c in entry.choices]
                if word in choices or word in entry.choices:
                    continue  # already the listed spelling ("GitHub" for github->GitHub)
                if doc.in_code(start, end) or protected.holds(start, end):
                    continue
                if _CITED_AFTER_RE.match(text, end) or _CITED_BEFORE_RE.search(text[max(0, start - 8) : start]):
                    continue  # '("teh -> "the")': the misspelling cited with its correction
                if _contrasted(text, start, end, choices):
                    continue  # "words like the vs. teh": the misspelling set against its correction
                if entry.language == "en" and (doc.position(start)[0] - 1 in chat_log_lines(doc)
                                               or play_paragraph(doc, start, table, play)):
                    continue  # "* Myxie needs ... teh command line": said in a chat log; "orge laggs ... untill": play
                shown = " or ".join(f"'{c}'" for c in choices)
                message = f"'{word}' is a known misspelling of {shown}"
                if entry.reason:
                    message += f" ({entry.reason})"
                fix = Fix.unsafe(Edit(start, end, choices[0])) if entry.fixable else None
                yield doc.finding(self, start, end, message, fix=fix)
        yield from self._rejected(doc)

    def _accepted(self, word: str) -> bool:
        for lang in self.project.languages:
            b = get_backend(lang)
            if b.token_re.fullmatch(word) and self.project.accepted(lang, b.key(b.clean(word))):
                return True
        return False

    def _rejected(self, doc):
        seen: set[tuple[int, int]] = set()  # Arabic-script languages tokenize the same words
        for lang in self.project.languages:
            keys = self.project.reject_keys(lang)
            if not keys:
                continue
            b = get_backend(lang)
            for m in b.token_re.finditer(doc.text):
                clean = b.clean(m.group())
                if b.key(clean) in keys and m.span() not in seen:
                    seen.add(m.span())
                    yield doc.finding(
                        self, m.start(), m.end(), f"'{clean}' is on the project's reject list (spelling.reject)"
                    )


_PREFIX_MAX = 3  # the longest clitic prefix of _AR_PREFIX (وال بال فال كال)


def _entry_starts(text: str, keys: tuple[str, ...]) -> list[int]:
    """Where a match of the Arabic pattern can start: at each occurrence of an entry
    (``str.find``), or up to ``_PREFIX_MAX`` characters before it (a clitic prefix)."""
    starts: set[int] = set()
    for k in keys:
        q = text.find(k)
        while q >= 0:
            starts.update(range(max(0, q - _PREFIX_MAX), q + 1))
            q = text.find(k, q + 1)
    return sorted(starts)


def _matches_at(pattern, text: str, starts: list[int]):
    """``pattern.finditer(text)`` when every match starts at one of ``starts`` (sorted):
    the matches tried there, left to right, each from where the last one ended (its
    look-behind reads the text before; no match is empty)."""
    end = 0
    for s in starts:
        if s < end:
            continue
        m = pattern.match(text, s)
        if m is not None:
            yield m
            end = m.end()
