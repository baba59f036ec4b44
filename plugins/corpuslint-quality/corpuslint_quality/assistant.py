"""Q113 assistant-disclaimer and Q114 assistant-preamble: chat-assistant boilerplate in
LLM training data, looked for only where a reply puts it.

One document is one reply: a record's text field, or one chat turn (``text-field =
"messages[*].content"``, documents ``<record>.<turn>``). The phrases are a catalogue in
A103's format (``assistant.toml``, loaded and validated by A103's own
``boilerplate._entry``, normalised by ``normalize_line`` like A103's), each with the
place in a reply where it is boilerplate: its start (refusals, preambles), the start of
any of its sentences (AI self-descriptions), its whole first sentence ("Sure!") or its
last sentences (closers). A phrase anywhere else is prose.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, ClassVar

import regex

from corpuslint import structure
from corpuslint.document import Document, Unit
from corpuslint.families.artifact.boilerplate import Entry, _entry, listed
from corpuslint.findings import Finding, Severity
from corpuslint.rules import DocumentRule
from corpuslint.text.lazy_regex import lazy
from corpuslint.text.normalize import RunMemo, normalize_line

FAMILY = "quality"
CATALOGUE_PATH = Path(__file__).with_name("assistant.toml")
KINDS = ("connector", "ai-identity", "refusal", "preamble", "opener", "closer")

_HEAD_WORDS = 24  # words of a reply (or sentence) normalised to look for a phrase at its start
_MAX_CLOSERS = 3  # closing sentences looked at, from the last one back
# A phrase ending in a character of a script written without spaces needs no word
# boundary after it: "很抱歉，我无法" opens "很抱歉，我无法帮助您预订机票。".
_UNSPACED_END_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]$")
_UNSPACED_START_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_LETTER_RE = regex.compile(r"\p{L}")
# Sentence ends that ``Document.sentences`` leaves inside a sentence: the full-width
# marks of Chinese and Japanese (no space after them), with closing brackets.
_CJK_END_RE = lazy(r"[。！？]+[”」』）)]*\s*")
# A reply that opens with a quotation is dialogue (fiction, a transcript), not a reply.
_OPENING_QUOTE_RE = regex.compile(r"\s*[\"“„«‹「『'‘]")


def normalized(text: str) -> str:
    """``normalize_line`` of ``text``, Turkish dotted capital I folded ("İşte" -> "işte")."""
    return normalize_line(text).replace("\u0307", "")


def _head(text: str, words: int = _HEAD_WORDS) -> str:
    """The first ``words`` white-space-separated words of ``text``, normalised."""
    return normalized(" ".join(islice(iter(text.split()), words)))


@lru_cache(maxsize=1)
def builtin_catalogue() -> tuple[Entry, ...]:
    data = tomllib.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    entries = tuple(_entry(raw, f"assistant.toml #{i}") for i, raw in enumerate(data["entry"]))
    for e in entries:
        if e.kind not in KINDS:
            raise ValueError(f"assistant.toml entry {e.id}: kind {e.kind!r} is not one of {KINDS}")
    return entries


# After a phrase: not inside a word of a spaced script ("as an ai" is not "as an aide");
# Han or Kana may follow at once ("作为一名ai助手").
_BOUNDARY = r"(?![^\W\p{Han}\p{Hiragana}\p{Katakana}])"
_BOUNDARY_RE = lazy(_BOUNDARY)


def _alternation(phrases: Iterable[str]) -> str:
    """Longest first, each phrase followed by a word boundary unless it ends unspaced."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        parts.append(regex.escape(p) + ("" if _UNSPACED_END_RE.search(p) else _BOUNDARY))
    return "|".join(parts)


_OPENING_CHARS = 3  # characters of a phrase's start that ``_openings`` keeps


def _openings(phrases: Iterable[str]) -> tuple[tuple[int, ...], frozenset[str]]:
    """(sizes, openings): the first ``_OPENING_CHARS`` characters of each of ``phrases``
    (the whole phrase when shorter) and their lengths. A start pattern (``Catalogue``)
    matches only a text that begins with one of its phrases or connectors, literally,
    so a text none of whose first 1..3 characters is an opening cannot match it."""
    openings = frozenset(p[:_OPENING_CHARS] for p in phrases if p)
    return tuple(sorted({len(o) for o in openings})), openings


@dataclass(frozen=True)
class Hit:
    entry: Entry
    phrase: str  # normalised


class Catalogue:
    """The entries one document is searched with: per kind the phrases a text may open with
    (``match = "start"``; ``start``, answering as the pattern ``start_src``) and a set of
    whole units (``match = "line"``)."""

    def __init__(self, entries: Iterable[Entry]):
        self.entries: dict[str, dict[str, Entry]] = {k: {} for k in KINDS}
        self.lines: dict[str, dict[str, Entry]] = {k: {} for k in KINDS}
        for e in entries:
            for p in e.phrases:
                key = normalized(p)
                if key:
                    (self.lines if e.match == "line" else self.entries)[e.kind].setdefault(key, e)
        # ``start`` answers as the start pattern (``start_src``, the tests' oracle) without
        # compiling it, nor writing it: the phrases are literal, so it looks up those sharing
        # the text's first characters (``_openings``) and compares them; the compiled
        # alternation of hundreds of phrases cost a one-file pre-commit run ~20 ms CPU of
        # ``regex`` parsing whenever a sentence opened with "the".
        self._by_opening: dict[str, dict[str, tuple[str, ...]]] = {}  # kind -> opening -> phrases, longest first
        self._connectors: tuple[str, ...] = ()  # as the pattern writes them (a space after a spaced one), longest first
        self._openings: dict[str, tuple[tuple[int, ...], frozenset[str]]] = {}
        for kind, phrases in self.entries.items():
            if kind == "connector" or not phrases:
                continue
            firsts = list(phrases)
            if kind == "ai-identity":
                # "However, as an AI language model", "但是作为一个人工智能": connectors first.
                self._connectors = tuple(c + ("" if _UNSPACED_END_RE.search(c) else " ")
                                         for c in sorted(self.entries["connector"], key=len, reverse=True))
                firsts += self.entries["connector"]
            self._openings[kind] = _openings(firsts)
            groups: dict[str, list[str]] = {}
            for p in sorted(set(phrases), key=len, reverse=True):
                groups.setdefault(p[:_OPENING_CHARS], []).append(p)
            self._by_opening[kind] = {o: tuple(ps) for o, ps in groups.items()}
        # What an ai-identity sentence can open with: the first word of a connector or
        # phrase, or the first character of one written without spaces ("作为…", "但是…").
        openers = [*self.entries["connector"], *self.entries["ai-identity"]] if self.entries["ai-identity"] else []
        self.identity_first = frozenset(p.split(" ", 1)[0] for p in openers)
        self.identity_first_chars = frozenset(p[0] for p in openers if _UNSPACED_START_RE.match(p))
        # (a ``RunMemo``: emptied with the others when the map is over, ``normalize.forget_runs``;
        # a dict kept for the run held fresh19's 100 k first runs, ~11 MB, through every reduce)
        self._may_open = RunMemo(self._opens_identity)

    def has_phrases(self, kind: str) -> bool:
        """The catalogue has phrases a text of ``kind`` may open with."""
        return kind in self._by_opening

    @cached_property
    def start_src(self) -> dict[str, str | None]:
        """Per kind, the regular expression ``start`` answers as (None: no phrases of the
        kind): an alternation of the phrases, longest first, each followed by a word boundary
        unless it ends unspaced; for ai-identity, after any run of connectors."""
        src: dict[str, str | None] = {}
        for kind, phrases in self.entries.items():
            if kind not in self._by_opening:
                src[kind] = None
                continue
            body = f"(?:{_alternation(phrases)})"
            if kind == "ai-identity":
                conns = [regex.escape(c) for c in self._connectors]
                body = (f"(?:(?:{'|'.join(conns)})*)" if conns else "") + f"({body})"
            src[kind] = "^" + body
        return src

    def may_open_identity(self, first_run: str) -> bool:
        """False when a sentence whose first white-space-free run is ``first_run`` cannot
        open with an ai-identity phrase (most sentences of prose: one memoised look-up)."""
        return self._may_open[first_run]

    def _opens_identity(self, first_run: str) -> bool:
        norm = normalized(first_run)
        return bool(norm) and (norm.split(" ", 1)[0] in self.identity_first or norm[0] in self.identity_first_chars)

    def start(self, kind: str, norm: str) -> Hit | None:
        if not norm or kind not in self._by_opening:
            return None
        sizes, openings = self._openings[kind]
        if not any(norm[:n] in openings for n in sizes):
            return None  # (the pattern is literal phrases anchored at the start: no match)
        phrase = self._phrase_at(kind, norm, 0, {}) if kind == "ai-identity" else self._phrase(kind, norm, 0)
        if phrase is None:
            return None
        phrase = phrase.strip()
        return Hit(self.entries[kind][phrase], phrase)

    def _phrase(self, kind: str, norm: str, pos: int) -> str | None:
        """The first phrase of the pattern's alternation (the longest) written at ``pos``."""
        by_opening = self._by_opening[kind]
        best = None
        for n in range(1, _OPENING_CHARS + 1):
            for p in by_opening.get(norm[pos : pos + n], ()) if pos + n <= len(norm) else ():
                if (best is None or len(p) > len(best)) and norm.startswith(p, pos) and (
                        _UNSPACED_END_RE.search(p) or _BOUNDARY_RE.match(norm, pos + len(p))):
                    best = p
                    break  # (the group is longest first)
        return best

    def _phrase_at(self, kind: str, norm: str, pos: int, failed: dict[int, None]) -> str | None:
        """As the pattern's greedy run of connectors before the phrase, backtracking:
        the longest connector at ``pos`` that leads to a phrase, else none."""
        if pos in failed:
            return None
        for c in self._connectors:
            if norm.startswith(c, pos):
                found = self._phrase_at(kind, norm, pos + len(c), failed)
                if found is not None:
                    return found
        found = self._phrase(kind, norm, pos)
        if found is None:
            failed[pos] = None
        return found

    def whole(self, kind: str, norm: str) -> Hit | None:
        entry = self.lines[kind].get(norm)
        return Hit(entry, norm) if entry is not None else None


class AssistantBoilerplate(DocumentRule):
    """Base: the catalogue's entries of ``kinds`` (and the connectors), per declared language."""

    family = FAMILY
    kinds: ClassVar[frozenset[str]] = frozenset()
    options: ClassVar[dict[str, Any]] = {"extra": [], "disable": []}
    fixable = False
    regions = frozenset({structure.PROSE})
    skip_kinds = structure.MESSAGES  # a software message is not a reply
    only_roles = frozenset({"assistant"})  # a chat turn of the user (or system, tool) is not a reply

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        extra, disable = listed(self.opts.get("extra")), listed(self.opts.get("disable"))
        try:
            extras = [_entry(raw, f"[tool.corpuslint.rules.{self.code}] extra[{i}]", f"extra[{i}]")
                      for i, raw in enumerate(extra)]
        except ValueError as exc:
            from corpuslint.config import ConfigError

            raise ConfigError(str(exc)) from None
        for e in extras:
            if e.kind not in self.kinds | {"connector"}:
                from corpuslint.config import ConfigError

                raise ConfigError(f"[tool.corpuslint.rules.{self.code}] extra {e.id}: kind must be one of "
                                  f"{sorted(self.kinds | {'connector'})}, got {e.kind!r}")
        off = set(disable) | {normalized(d) for d in disable}
        self._entries = [
            Entry(e.id, e.kind, e.match, tuple(p for p in e.phrases if normalized(p) not in off), e.max_words, e.lang)
            if off else e  # (nothing disabled: the entries as they are, no phrase normalised twice)
            for e in (*builtin_catalogue(), *extras)
            if e.kind in self.kinds | {"connector"} and e.id not in off
        ]
        self._languages = frozenset(e.lang for e in self._entries if e.lang)
        self._catalogues: dict[str | None, Catalogue] = {}

    def catalogue(self, language: str | None) -> Catalogue:
        """All phrases for an undeclared language (or one without phrases of its own);
        else that language's, English ones and those of no language."""
        key = language if language in self._languages else None
        cat = self._catalogues.get(key)
        if cat is None:
            keep = (lambda e: True) if key is None else (lambda e: e.lang in ("", key, "en"))
            cat = self._catalogues[key] = Catalogue(e for e in self._entries if keep(e))
        return cat

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.text.strip():
            return ()
        return self.find(doc, self.catalogue(doc.language))

    def find(self, doc: Document, cat: Catalogue) -> Iterator[Finding]:
        raise NotImplementedError

    def _finding(self, doc: Document, start: int, end: int, hit: Hit, where: str) -> Finding:
        excerpt = " ".join(doc.text[start:end].split())
        if len(excerpt) > 80:
            excerpt = excerpt[:77] + "…"
        return doc.finding(self, start, end, f"assistant {hit.entry.kind} `{excerpt}` {where} "
                                             f"(catalogue entry {hit.entry.id})")


def sentences(doc: Document) -> list[Unit]:
    """``Document.sentences``, also split after 。！？ (Chinese and Japanese)."""
    text = doc.text
    if "。" not in text and "！" not in text and "？" not in text:
        return doc.sentences
    out: list[Unit] = []
    for s in doc.sentences:
        pos = s.start
        for m in _CJK_END_RE.finditer(text, s.start, s.end):
            if m.start() > pos and text[pos : m.start()].strip():
                out.append(Unit(pos, m.start() + len(m.group().rstrip()), s.line))
            pos = m.end()
        if text[pos : s.end].strip():
            out.append(Unit(pos, s.end, s.line))
    return out


def _opening(doc: Document, cat: Catalogue, kind: str, sentences: list[Unit]) -> tuple[int, int, Hit] | None:
    """(start, end, hit) of a ``kind`` phrase at the start of the reply: its first
    ``sentences`` up to the one where the phrase ends. None when the reply does not
    open with prose, or opens with a quotation."""
    if not sentences or doc.kind_at(sentences[0].start) != structure.PROSE or _OPENING_QUOTE_RE.match(doc.text):
        return None
    hit = cat.start(kind, _head(doc.text[sentences[0].start : sentences[0].start + 400]))
    if hit is None:
        return None
    need = hit.phrase.count(" ") + 1
    got = 0
    for s in sentences:
        got += len(normalized(doc.text[s.start : s.end]).split())
        if got >= need:
            return sentences[0].start, s.end, hit
    return sentences[0].start, sentences[-1].end, hit


# After a refusal's words, a verb of being somewhere: the writer of a requested letter or
# message declines to come, not the assistant a task ("I'm sorry, but I'm unable to come
# into work today due to unforeseen medical issues.": the sick-day e-mail asked for).
_ATTENDANCE = frozenset({"come", "attend", "travel"})


def _declines_attendance(opening: str, phrase: str) -> bool:
    """True when the refusal ``phrase`` at the start of ``opening`` goes on with (``to``
    and) a verb of ``_ATTENDANCE``."""
    rest = _head(opening)[len(phrase):].split()
    if rest[:1] == ["to"]:
        rest = rest[1:]
    return bool(rest) and rest[0] in _ATTENDANCE


# The second person, as the subject (or its possessive) of the clause an "As an AI …"
# phrase opens: the phrase then describes the addressee ("As an AI assistant, you are
# successful"), not the assistant disclaiming ("As an AI language model, I cannot").
# Normalised like the text (``normalized``: lower case, no punctuation). German puts the
# verb first ("Als KI-Assistent bist du …"), so the two words after the phrase are read.
_SECOND_PERSON = frozenset({
    "you", "you're", "youre", "you've", "you'll", "your", "yours",   # en
    "vous", "tu", "votre", "vos", "ton", "ta", "tes",                   # fr
    "tú", "usted", "ustedes", "vosotros", "vosotras", "tus",           # es ("tu": fr)
    "du", "bist", "dein", "deine", "ihr", "euer", "eure",              # de
    "sen", "siz", "senin", "sizin",                                    # tr
    "вы", "ты", "ваш", "ваша", "ваше", "ваши", "твой", "твоя", "твоё", "твое", "твои",  # ru
    "انت", "أنت", "انتم", "أنتم", "انتي",                               # ar
    "شما", "تو",                                                       # fa
    "آپ", "تم",                                                        # ur
})
# Han and Kana text has no spaces: the reply goes on at once with 你 / 您 / あなた.
_SECOND_PERSON_UNSPACED = ("你", "您", "あなた", "君は", "きみは")


def _addresses_user(head: str, phrase: str) -> bool:
    """True when the normalised sentence ``head``, which opens with the ai-identity
    ``phrase``, goes on with the second person: the phrase is about the addressee."""
    rest = head[len(phrase):]
    if rest.lstrip().startswith(_SECOND_PERSON_UNSPACED):
        return True
    return any(w in _SECOND_PERSON for w in rest.split()[:2])


class AssistantDisclaimer(AssistantBoilerplate):
    """An assistant's refusal or AI disclaimer in a reply of LLM training data.

    What: A reply (a record's text, or one chat turn with ``text-field =
    "messages[*].content"``) that opens with a refusal ("I'm sorry, but I can't…",
    "很抱歉，我无法…", «عذراً، لا يمكنني…», «Je suis désolé, mais je ne peux pas…») or has a
    sentence that opens, perhaps after "However,", "But", "Unfortunately," and the like,
    with the assistant describing itself as an AI ("As an AI language model, I…",
    «بصفتي نموذج ذكاء اصطناعي», «En tant qu'IA», "Als KI-Sprachmodell", "Bir yapay zeka
    dil modeli olarak", "Как языковая модель", "作为一个人工智能语言模型"). Phrases are
    listed per language (en, ar, fa, ur, fr, es, de, tr, ru, zh, ja) in
    ``corpuslint_quality/assistant.toml``, matched after A103's normalisation, only at
    these places: "I cannot help with that" inside a story or "as an AI researcher" is
    not flagged. A document declared to be in a language is searched with its
    language's phrases and English ones. Prose regions only (not code blocks).
    Chat turns whose role the record says (``Document.role``: a ``role``/``from``/
    ``speaker`` field, ShareGPT's human/gpt, an Alpaca ``output``) are checked only when
    they are the assistant's: a user who writes "I'm sorry, but I can't find my keys"
    is not a model refusing; a text without a role is taken as a reply.
    Nor is an opening whose refusal goes on with a verb of being somewhere ("I'm sorry, but
    I'm unable to come into work today…", "…to attend…", "…to travel…"): the apology of a
    letter or message the instruction asks for, not the assistant declining a task.
    Nor is an "As an AI…" sentence that goes on with the second person ("As an AI
    assistant, you are successful…", "作为一名人工智能助手，你是成功的…", "Als KI-Assistent
    bist du…"): the phrase then describes the addressee, the user, not the assistant.
    Options: ``extra`` (more entries, A103's table format with ``kind = "refusal"`` or
    ``"ai-identity"``), ``disable`` (entry ids such as ``"en-refusal"`` or phrases).
    Why: Dataset builders drop such replies (the "unfiltered" ShareGPT and WizardLM
    sets drop every conversation holding "As an AI language model" and phrases like
    it): trained on them, a model learns to refuse and to disclaim where it should
    answer. Measured on LLaMA-Factory's demo replies: 74 of 77 labelled findings are
    such boilerplate (the misses: a requested e-mail that apologises, a chatbot's
    joke), and none fires on 23 corpora of prose (handbooks, news, scripture, poetry,
    fortunes, Markdown docs), so it warns.
    Example: ``I'm sorry, but I don't have the capability to book flights.``
    (LLaMA-Factory's glaive_toolcall_en_demo), ``很抱歉，我无法帮助您预订机票。``
    (glaive_toolcall_zh_demo), ``As an AI language model, I cannot…`` (dpo_en_demo).
    Fix safety: No automatic fix: whether to drop the reply, the record or the
    sentence is the dataset builder's choice, and deleting words is never safe.
    """

    code = "Q113"
    name = "assistant-disclaimer"
    default_severity = Severity.WARNING
    kinds = frozenset({"refusal", "ai-identity"})

    def find(self, doc, cat):
        covered = -1
        units = sentences(doc)
        opening = _opening(doc, cat, "refusal", units)
        if opening is not None and _declines_attendance(doc.text[opening[0] : opening[1]], opening[2].phrase):
            opening = None  # "I'm sorry, but I'm unable to come into work today": a letter's apology
        if opening is not None:
            start, covered, hit = opening
            yield self._finding(doc, start, covered, hit, "opens the reply")
        if not cat.has_phrases("ai-identity"):
            return
        text = doc.text
        for s in units:
            if s.start < covered:
                continue
            runs = text[s.start : min(s.end, s.start + 60)].split(None, 1)
            if not runs or not cat.may_open_identity(runs[0]) or doc.kind_at(s.start) != structure.PROSE:
                continue
            if _OPENING_QUOTE_RE.match(text, s.start):  # a quoted phrase is a mention («…», "…")
                continue
            head = _head(doc.text[s.start : min(s.end, s.start + 400)])
            hit = cat.start("ai-identity", head)
            if hit is not None and not _addresses_user(head[head.find(hit.phrase):], hit.phrase):
                yield self._finding(doc, s.start, s.end, hit, "in the reply")


# A sentence that sends the reader to documentation: a manual's advice ("Si vous avez des
# questions particulières par la suite, vous devriez relire les documents mentionnés
# ci-dessus.", maint-guide-fr), not an assistant offering to answer. A verb of reading or
# consulting, then a document, in the closer languages with Latin script (en, fr, es, de).
_POINTS_TO_DOCS_RE = lazy(
    r"(?i)\b(?:re-?read|read|refer to|consult|relire|lire|lisez|relisez|consulte[rz]?|reportez-vous|"
    r"leer|lea|releer|lesen Sie|schauen Sie)\b[^.!?]{0,60}?\b(?:documents?|documentation|docs|manual|"
    r"manuel|guide|FAQ|handbook|man pages?|pages? de manuel|documentación|Dokumentation|Handbuch)\b")


class AssistantPreamble(AssistantBoilerplate):
    """An assistant's preamble or closing formula around a reply of LLM training data.

    What: A reply (a record's text, or one chat turn with ``text-field =
    "messages[*].content"``) that opens with a preamble ("Sure! Here's…", "Certainly, I'd
    be happy to…", «Absolument. Voici…», «Elbette, işte…», «بالتأكيد! إليك…», "当然，以下是…")
    or with a lone exclaimed interjection followed by the answer ("Certainly! The…",
    "当然！…"; "Absolutely." opens web pages, "Claro que sí." answers in dialogue), or
    that ends with closing sentences ("I hope this helps!", "Let me know if you have any
    other questions.", "如果您还有其他问题，随时可以问。"). Phrases are listed
    per language (en, ar, fr, es, de, tr, ru, zh, ja; openers also pl, cs, hu) in ``corpuslint_quality/assistant.toml``
    and matched after A103's normalisation at the start of the reply, as its whole first
    sentence (when more follows: a one-word answer is an answer) or in its last sentences
    (when something precedes them): "Sure, here's the thing" in a novel is not flagged;
    a chat turn of the assistant (its role known, ``Document.role``) that is nothing but such an
    exclaimed opener ("Gerne! ", "Oczywiście! ": a template's prefix whose answer is missing,
    fresh37's GNOME help chats) is reported as the whole reply, and one that is empty or blank
    as an empty reply ("Claro." answering "¿Puedo hacerte una pregunta?" ends in a full stop, an
    answer, and a text without a role, a one-word record, is not read as a reply);
    nor is a closing sentence that sends the reader to documentation (a manual's advice:
    «Si vous avez des questions … vous devriez relire les documents mentionnés ci-dessus»).
    A document declared to be in a language is searched with its language's phrases and
    English ones. Prose regions only. A chat turn whose role is known is checked only
    when it is the assistant's (as Q113: "Sure! Here's my question" from a user is not a
    model's formula). Options: ``extra`` (``kind = "preamble"``,
    ``"opener"`` or ``"closer"``), ``disable`` (entry ids such as ``"openers"``, or phrases).
    Why: The formula carries no content; repeated over thousands of replies it teaches a
    model a verbal tic, and dataset builders strip or filter it. Info, although 53 of 55
    labelled findings on LLaMA-Factory's demos are such formulas: a preamble is a
    style many datasets keep; raise it with ``[tool.corpuslint.severity] Q114 =
    "warning"`` to filter them.
    Example: ``Sure, I'd be happy to help!`` (LLaMA-Factory's dpo_en_demo),
    ``当然，我可以帮助你。`` (glaive_toolcall_zh_demo), ``If you have any other questions,
    feel free to ask.`` (glaive_toolcall_en_demo).
    Fix safety: No automatic fix: deleting words is never safe, and a preamble may hold
    the answer's first words ("Sure, here's a haiku about autumn:").
    """

    code = "Q114"
    name = "assistant-preamble"
    default_severity = Severity.INFO
    kinds = frozenset({"preamble", "opener", "closer"})

    def check(self, doc: Document) -> Iterable[Finding]:
        if doc.role is not None and not doc.text.strip():  # (a chat turn of the assistant: ``only_roles``)
            return [doc.finding(self, 0, len(doc.text), "assistant reply is empty: no answer")]
        return super().check(doc)

    def find(self, doc, cat):
        units = sentences(doc)
        if not units:
            return
        first = 0
        opening = _opening(doc, cat, "preamble", units)
        if opening is not None:
            start, end, hit = opening
            first = end
            yield self._finding(doc, start, end, hit, "opens the reply")
        elif (len(units) > 1 or doc.role is not None) and doc.kind_at(units[0].start) == structure.PROSE and (
                not _OPENING_QUOTE_RE.match(doc.text)):
            s = units[0]
            if doc.text[s.start : s.end].rstrip().endswith(("!", "！")):  # "Sure!", not "Absolutely."
                hit = cat.whole("opener", normalized(doc.text[s.start : s.end]))
                if hit is not None:
                    first = s.end
                    # (a chat turn that is only "Gerne! ": the formula of a reply whose answer is missing)
                    yield self._finding(doc, s.start, s.end, hit, "opens the reply" if len(units) > 1
                                        else "is the whole reply: no answer follows")
        yield from self._closing(doc, cat, units, first)

    def _closing(self, doc, cat, units, after):
        """The last sentences of prose, when closers and something else precedes them."""
        if not cat.has_phrases("closer"):
            return
        tail: list[Unit] = []  # the last prose sentences, last first
        for s in reversed(units):
            if doc.kind_at(s.start) == structure.PROSE:
                tail.append(s)
                if len(tail) > 2 * _MAX_CLOSERS:
                    break
        text = doc.text
        last = 0
        while last < len(tail) and not _LETTER_RE.search(text[tail[last].start : tail[last].end]):
            last += 1  # an emoji after the closer: "Enjoy! 😊"
        k = last
        hit = None
        while k < len(tail) and k - last < _MAX_CLOSERS:
            h = cat.start("closer", _head(text[tail[k].start : min(tail[k].end, tail[k].start + 400)]))
            if h is None or _POINTS_TO_DOCS_RE.search(text, tail[k].start, tail[k].end):
                break  # (or a manual's advice: "if you have questions, re-read the documents above")
            hit, k = h, k + 1
        if hit is None or k == len(tail) or tail[k - 1].start < after:
            return  # no closer, or nothing before it: the reply is not a closing formula
        yield self._finding(doc, tail[k - 1].start, tail[last].end, hit, "closes the reply")


RULES = [AssistantDisclaimer, AssistantPreamble]
