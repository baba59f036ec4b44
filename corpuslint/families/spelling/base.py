"""Common base for the spelling rules."""

from __future__ import annotations

import bisect
import functools
import weakref
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ...aggregates import TableAggregate
from ...arrays import sorted_unique, trim_heap
from ...rules import CorpusRule, CorpusView, DocumentRule
from .analysis import (R_LEFT, R_RIGHT, R_WORD, RSEP, SEP, STATE_VERSION, Bigrams, CountTable, DocState, LangCorpus,
                       LangState, analyse, candidates, doc_word_ids, edit_shape, merge, reset)
from . import table as spell_table
from .backends import (TAA_MARBUTA, DictionaryDeferred, forget_dictionaries, forget_drops, forget_key_memos,
                       forget_map_memos, forget_reduce_memos, key_memo_words, made_backends)
from .project import SpellingRuleMixin
from .table import SPELLING_TREE, SpellTable

FAMILY = "spelling"
# live rules whose reduce asks ``SpellingCorpusRule.evidence``: its memo pays only when two do
_EVIDENCE_ASKERS: "weakref.WeakSet[SpellingCorpusRule]" = weakref.WeakSet()
# live rules whose reduce asks the dictionary after S101's drops it (``prefetch_verdicts``)
_LATE_ASKERS: "weakref.WeakSet[SpellingCorpusRule]" = weakref.WeakSet()
# Entries of the key/form memos (``backends.key_memo_words``) past which a reduce empties
# them between two targets (~1/4 KB each): at 100 MB of text S101's evidence filled 124 k
# (key 25 k, form 48 k, light_stem 51 k; 6%, 71% and 29% of their calls hit), ~30 MB held
# to its end, for ~0.5 s of CPU saved at most
REDUCE_MEMO_WORDS = 20_000


class SpellingDocumentRule(SpellingRuleMixin, DocumentRule):
    family = FAMILY

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_project()


class SpellingTableAggregate(TableAggregate):
    """The spelling corpus table (``table.SpellTable``) as the rules' incremental
    aggregate: the corpus index keeps it summed over every file (a changed file's old
    state subtracted, its new state added), shared by S101-S103 (same states), so a
    pre-commit run reads the table and the checked files' states only.

    The index stores the *pruned* table (``table.prune``: each word's first occurrence
    in the corpus only, ~1/15 of the complete table, which grows with the documents
    times their vocabularies) and the first occurrence of each word in each document as
    rows (``aggregates.TableRows``: (language, word, path) -> (line, column)), read only
    for the words whose first occurrence leaves with a changed document
    (``table.update``)."""

    version = "2"  # 2: pruned table + per-document rows

    def shared(self, rule) -> str:
        return f"spelling-table|{','.join(rule.project.languages)}|{STATE_VERSION}"

    def empty(self):
        return spell_table.empty()

    def valid(self, table) -> bool:
        return isinstance(table, SpellTable) and not any(t.complete for t in table.langs.values())

    def add(self, table, path, state):
        return spell_table.add(table, path, state) if isinstance(state, DocState) else table

    def subtract(self, table, path, state):
        return spell_table.subtract(table, path, state) if isinstance(state, DocState) else table

    def of_documents(self, items):
        return spell_table.of_documents(items)

    def merge(self, a, b):
        return spell_table.merge(a, b)

    def apply(self, table, removed, added, rows):
        gone, new = self.of_documents(removed), self.of_documents(added)
        for batch in spell_table.detail_rows(gone):
            rows.delete(batch)
        for batch in spell_table.detail_rows(new):
            rows.insert(batch)
        return spell_table.update(table, gone, new, rows.smallest)


class _Subset(Mapping):
    """``states`` restricted to ``keys`` (in that order), each read from ``states`` when
    asked: an index's ``LazyStates`` decodes a spelling state on each access, so a full
    run's targets are not all held at once (a dict of them was +140 MB at 100 MB)."""

    def __init__(self, states: Mapping, keys: list[str]):
        self._states, self._keys, self._set = states, keys, frozenset(keys)

    def __getitem__(self, key: str):
        if key not in self._set:
            raise KeyError(key)
        return self._states[key]

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def release_views(state: DocState) -> None:
    """Drop the derived views (``LangState.vocab``, ``rejected``, ...: Python strings and
    tuples per word, ~9x the size of the compact state) a reduce cached on ``state``; they
    are computed again if asked for. A reduce over every document's state would
    otherwise keep them all until the run ends (26 MB for 10 MB of text)."""
    for ls in state.langs.values():
        for name in [k for k in ls.__dict__ if k.startswith("_")]:
            del ls.__dict__[name]


def share_vocab(lc: LangCorpus, ls: LangState, path: str) -> None:
    """Make ``ls.vocab`` (a target's words, not yet split from ``ls.words``) the merged
    corpus's own strings of those words (``lc.words`` by ``doc_word_ids``: equal, in
    the same order), when it has the document's word ids: what a reduce memoises per
    word (``pattern_slip``'s verdicts, the key memos, waiting evidence) then holds the
    corpus's strings, not one copy per target (at 100 MB of text S101's dictionary turn
    memoised 34 k verdicts, keyed by copies)."""
    if "_vocab" in ls.__dict__:
        return
    g = doc_word_ids(lc, path, ls)
    if g is not None and len(g) == len(ls.count):
        ls.__dict__["_vocab"] = list(map(lc.words.__getitem__, g.tolist()))  # (``release_views`` lets it go)


class SpellingCorpusRule(SpellingRuleMixin, CorpusRule):
    family = FAMILY
    # On Dask the documents' states are summed into the corpus table on the workers
    # (table.SpellingTree); the client gets the table and the targets' states.
    reduction = SPELLING_TREE
    # With the corpus index, the same table is kept up to date there (by deltas).
    aggregate = SpellingTableAggregate()

    asks_evidence = False  # reduce calls ``evidence`` (S101, S102)
    # states read on access from the --no-cache spill (merged once, then one target's at a
    # time): not every document's state held through S101-S103
    lazy_states = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_project()
        forget_drops()  # (a run's rules are made as it starts)
        if self.asks_evidence:
            _EVIDENCE_ASKERS.add(self)
        if type(self).prefetch_verdicts is not SpellingCorpusRule.prefetch_verdicts:
            _LATE_ASKERS.add(self)

    def prefetch_verdicts(self, merged) -> None:
        """Ask now, while the dictionaries are read, the verdicts (``Backend.known``, kept
        in its memo) this rule's reduce will ask of the merged corpus ``merged`` after an
        earlier reduce lets the dictionaries go (``forget_dictionaries``): reading the
        Arabic one again costs ~1.3 s CPU. Nothing here: a rule that asks overrides it."""

    def collect(self, doc):
        return analyse(doc, self.project.languages)

    def fingerprint(self) -> str:
        return f"{super().fingerprint()}:state-v{STATE_VERSION}"

    def targets(self, corpus: CorpusView):
        """(path, fetch, DocState, merged corpus) for every target that has a state;
        ``fetch()`` gives the target's Document (or None: gone), so a document that is a
        file is read (again) only for a finding.

        The corpus tables come from ``corpus.facts`` when a reduction plan summed them
        elsewhere (a ``table.SpellTable``: then ``corpus.states`` need only hold the
        targets), else from every state in ``corpus.states``."""
        merged = self.merged_corpus(corpus)
        yield from self._target_items(corpus, merged, sorted(corpus.targets))
        self._targets_done(corpus, merged)

    def merged_corpus(self, corpus: CorpusView):
        """The merged corpus (``analysis.merge``) of ``corpus``'s states, or of the table a
        reduction plan or the corpus index summed (``targets``)."""
        table = corpus.facts if isinstance(corpus.facts, SpellTable) else None
        states = corpus.states
        if table is None and corpus.aggregates is not None and isinstance(corpus.aggregates.table, SpellTable):
            table = corpus.aggregates.table  # kept in the corpus index: only the targets' states are read
            states = _Subset(corpus.states, [p for p in sorted(corpus.targets) if p in corpus.states])
        return merge(states, self.project.languages, table)

    def _target_items(self, corpus: CorpusView, merged, paths):
        """``targets``' items for ``paths`` (sorted), each target's derived views let go
        once the caller asks for the next."""
        for path in paths:
            state = corpus.states.get(path)
            if not isinstance(state, DocState):
                continue
            yield path, functools.partial(corpus.documents.get, path), state, merged
            release_views(state)  # the target is done: its derived views would otherwise stay for the run
            for lc in merged.langs.values():  # and its word ids (``LangCorpus.doc_words``: 8 bytes a word)
                memo = getattr(lc.doc_words, "memo", None)
                if memo:
                    memo.pop(path, None)
            # the key/form memos hold every word asked since the reduce began: bounded
            if key_memo_words() > REDUCE_MEMO_WORDS:
                forget_key_memos()

    def _targets_done(self, corpus: CorpusView, merged) -> None:
        """What ``targets`` lets go after its last target."""
        if self.asks_evidence and len(_EVIDENCE_ASKERS) < 2:  # the only rule that asks: the rest never will
            forget_slip_tables(merged)
            for lc in merged.langs.values():  # nor ask for morphology (qalsadi: ``slip_evidence``; S103's hamza wording,
                # ``Backend.rooted``, makes it again for the few words it reports)
                lc.backend.release_morphology()
            # and the key/form memos its candidates filled (~1/3 KB a word: 100 k words at 100 MB
            # of text); S103 asks for a few words of them again
            forget_key_memos()
            if corpus.targets:  # (not the pass on no target that builds the merged corpus for --jobs lanes)
                for rule in list(_LATE_ASKERS):  # (S103: a few words a later reduce asks)
                    rule.prefetch_verdicts(merged)
                forget_dictionaries()  # and the dictionaries, which no later reduce asks (read again if one does)

    def in_turns(self, corpus: CorpusView, findings_of):
        """The findings of ``findings_of(item, later)`` for each item of ``targets``,
        asking the dictionaries and the morphology (qalsadi) in turns, never both in
        memory at once (issue 14: the Arabic dictionary, ~33 MB, and qalsadi, ~26 MB,
        held together made the peak of S101's reduce).

        The dictionaries' turn goes through every target; a morphology question not
        memoised is guessed (``Backend.turn``), the questions past it asked on that
        guess, so that the dictionary verdicts the true answer may lead to are asked now
        (kept in a table), and what depends on it waits (``Pending``): ``findings_of``
        appends to ``later`` a callable giving those findings. The dictionaries go; in
        the morphology's turn each of ``later`` is called: qalsadi is asked, the
        dictionaries' verdicts read from the table. A verdict not there
        (``DictionaryDeferred``: a guess that led elsewhere) lets the dictionary be read
        again for the rest of the turn. The findings are those of one pass with both.
        With S102 on too (its evidence memo shared with this rule's), one pass with both."""
        if len(_EVIDENCE_ASKERS) >= 2:
            for item in self.targets(corpus):
                yield from findings_of(item, None)
            return
        merged = self.merged_corpus(corpus)
        later: list = []
        if corpus.targets:  # S103's verdicts, asked while the dictionaries are read and before the evidence's
            for rule in list(_LATE_ASKERS):  # tables fill the memory (its own tables are kept for it)
                rule.prefetch_verdicts(merged)
        try:
            for b in made_backends():
                b.turn(True)
            for item in self._target_items(corpus, merged, sorted(corpus.targets)):
                yield from findings_of(item, later)
            if later:
                # what only the candidates' search asks (``candidates``, ``compound_half``,
                # ``doc_key_table``): a waiting evidence has its candidates
                for lc in merged.langs.values():
                    lc._index = None
                    for name in ("reversed_spellings", "key_id"):
                        lc.cache.pop(name, None)
                forget_key_memos()
                forget_dictionaries()
                trim_heap()  # (the dictionary's C heap given back before qalsadi comes in)
                for b in made_backends():
                    b.turn(False)
                for i in range(len(later)):
                    try:
                        found = later[i]()
                    except DictionaryDeferred:
                        for b in made_backends():
                            b.turn(None)  # (a verdict the table lacks: read as before, the dictionary beside qalsadi)
                        found = later[i]()
                    later[i] = None
                    yield from found
        finally:
            for b in made_backends():
                b.turn(None)
        self._targets_done(corpus, merged)

    def mapped(self) -> None:
        reset()  # the token tables the map filled (~1/2 KB a distinct token): the reduce needs none of them
        forget_map_memos()  # and its per-word memos of every distinct token (keys, forms, verdicts)

    def release(self) -> None:
        # every spelling rule has reduced: the merged corpus (and its memos), the token
        # tables S103 filled to find occurrences, the morphology and the key/form memos go
        reset()
        forget_reduce_memos()

    def unlisted_rejections(self, corpus: CorpusView, *, max_count: int | None = None, or_pattern: bool = False):
        """(doc, language, LangCorpus, LangState, occurrence, key, document key counts) for
        every dictionary-rejected word of a target that the project neither accepts nor
        rejects (rejected words are S105's).

        With ``max_count``, only the occurrences whose key the corpus has at most
        ``max_count`` times, or (``or_pattern``) whose spelling has a morphology
        explanation (``LangState.pattern``): the rest, most rejected occurrences of a
        corpus (names, regional spellings), are told apart once per distinct word of the
        document (``possible_rows``), for a rule that has nothing to say about them; no
        tuple is built for them, and a document with none left is not read again."""
        for item in self.targets(corpus):
            yield from self.target_rejections(item, max_count=max_count, or_pattern=or_pattern)

    def target_rejections(self, item, *, max_count: int | None = None, or_pattern: bool = False):
        """``unlisted_rejections`` of one item of ``targets``."""
        path, fetch, state, merged = item
        doc = None
        for lang, ls in state.langs.items():
            lc = merged.langs.get(lang)
            if lc is None or not len(ls.rej):
                continue
            share_vocab(lc, ls, path)
            doc_keys = None
            if max_count is None:
                occurrences, keys = ls.rejected, None
            else:
                kid = local_key_ids(lc, ls, path)
                rows = ls.rej[possible_rows(lc, ls, max_count, or_pattern, key_ids=kid)]
                names = _row_keys(lc, kid, rows) if kid is not None else None
                occurrences = ls.occurrences(rows, names)
                keys = [names[w] for w in rows[:, R_WORD].tolist()] if names is not None else None
            for i, occ in enumerate(occurrences):
                key = keys[i] if keys is not None else lc.backend.key(occ[2])
                if self.project.accepted(lang, key) or self.project.rejected(lang, key):
                    continue
                if doc is None:  # read only for an occurrence to report
                    doc = fetch()
                    if doc is None:
                        break
                if doc_keys is None:  # computed once per document and language, only if needed
                    doc_keys = doc_key_table(lc, ls, path)
                yield doc, lang, lc, ls, occ, key, doc_keys
            else:
                continue
            break  # the document is gone (changed since it was checked)

    def evidence(self, lc: LangCorpus, ls: LangState, occ, doc_keys, *, max_count: int, min_candidate_count: int,
                 key: str | None = None):
        """``slip_evidence``, memoised on the merged corpus while another rule that asks
        for it is alive: S101 and S102 ask about the same occurrences with the same
        thresholds by default. Asked by one rule only (S102 is off by default), the memo
        would only hold an entry per rejected occurrence of the corpus to the end of the
        run (~1 MB per MB of text). ``key``: ``backend.key`` of the occurrence's word, when
        the caller has it (``unlisted_rejections`` does)."""
        if len(_EVIDENCE_ASKERS) < 2:
            return slip_evidence(
                lc, ls, occ, max_count=max_count, min_candidate_count=min_candidate_count, doc_keys=doc_keys, key=key
            )
        memo = lc.cache.setdefault("slip_evidence", {})
        k = (ls.words, occ, max_count, min_candidate_count)
        if k not in memo:
            memo[k] = slip_evidence(
                lc, ls, occ, max_count=max_count, min_candidate_count=min_candidate_count, doc_keys=doc_keys, key=key
            )
        return memo[k]


@dataclass
class SlipEvidence:
    kind: str  # "context", "pattern" or "taa" (taa marbuta written as haa: warning level)
    message: str
    suggestions: list[str]
    # context evidence of a lone slip only: no candidate shares a neighbour with the word
    # or is written in its document; the candidate is only frequent in the corpus
    unseen: bool = False


# Context evidence: how many independent signals an occurrence needs (two for plain
# text; three for vocalised text, whose rare words are mostly names and classical forms
# the dictionary does not list), and what makes a candidate "frequent".
MIN_SIGNALS = 2
MIN_SIGNALS_VOCALISED = 3
FREQUENT_COUNT = 5
FREQUENT_RATIO = 5
# A neighbour present in more than this share of the documents carries no information
# (IDF too low) once the corpus has at least IDF_MIN_DOCS documents.
MAX_NEIGHBOUR_DF = 0.75
IDF_MIN_DOCS = 8
LONE_MIN_LENGTH = 5
# A four-letter stem goes without a shared neighbour only with a typing-shaped edit
# (neighbouring key, dot twin, swap) towards a word its own document uses ("الرئصس" in a
# document writing "الرئيس"): "الأيض" (three letters) beside "الأرض" stays out.
LONE_SHORT_LENGTH = 4
LONE_MIN_COUNT = 8
# A function word of this many letters or more may be the candidate of a lone slip, one
# typing slip away ("كاانت" for كانت, "أيضاا"); shorter ones (في، من، أن) are one edit
# from too many names and foreign words.
FW_LONE_LENGTH = 4


def forget_slip_tables(merged) -> None:
    """Drop what only ``slip_evidence`` derives from the merged corpus (S101, S102): the
    deletion index, the spellings by key, the reversed spellings, the key ids (~1/2 of
    the merged corpus's size); S103 reduces next without them. Each is built again if
    asked for (``LangCorpus.deletion_index``, ``spellings``, ``words_ending_with``,
    ``doc_key_table``)."""
    for lc in merged.langs.values():
        lc._index = lc._bare = None
        for name in ("reversed_spellings", "key_id"):
            lc.cache.pop(name, None)


def _without_article(backend, clean: str) -> str:
    """``clean`` less the article its backend splits off (``ال``, ``وال``, ``بال``, ``لل``...),
    keeping other one-letter proclitics ("ويدوز" stays five letters)."""
    prefix, rest = backend.split_prefix(clean)
    return rest if prefix.endswith(("ال", "لل")) else clean


def informative_neighbour(lc: LangCorpus, key: str) -> bool:
    """A neighbour that is evidence: not a function word, not too short, not in most
    documents (inverse document frequency)."""
    if not key or len(key) < 3 or key in lc.backend.function_words:
        return False
    if lc.n_docs >= IDF_MIN_DOCS and lc.doc_freq.get(key, 0) > MAX_NEIGHBOUR_DF * lc.n_docs:
        return False
    return True


def typo_shaped(backend, key: str, cand: str) -> bool:
    """The one edit from ``key`` to ``cand`` is one a typist makes: a confusable or
    neighbouring letter, two neighbours swapped, or a letter dropped/doubled in a long word."""
    shape = edit_shape(key, cand)
    if shape is None:
        return False
    kind, x, y = shape
    if kind == "sub":
        return (x, y) in backend.confusable
    if kind == "swap":
        return True
    return max(len(key), len(cand)) >= 5


_LONG_VOWELS = frozenset("اآويىی")


def pattern_edit(a: str, b: str) -> bool:
    """The one edit between ``a`` and ``b`` drops, adds or moves a long vowel: in a short
    word that is as often another pattern of the same root (Hafez: "زهاد" ascetics /
    زاهد, "انجم" stars / انجام, "زمنی" / زمانی) as a slip."""
    shape = edit_shape(a, b)
    return shape is not None and shape[0] != "sub" and bool({shape[1], shape[2]} & _LONG_VOWELS)


def madda_apart(backend, clean: str, spelled: str) -> bool:
    """True when ``clean`` or ``spelled`` writes ALEF WITH MADDA (آ, a hamza and a long ā)
    and the two are one edit apart only once it is folded to ا, as the spelling keys
    fold it: read as its two letters (ءا), they are two edits apart. Persian "آمال"
    (hopes, the plural of امل) against "اعمال" (deeds) is a hamza against an ع, two roots,
    not an ع dropped from "اعمال"."""
    if "آ" not in clean and "آ" not in spelled:
        return False
    a = backend.surface(clean.replace("آ", "ءا"))
    b = backend.surface(spelled.replace("آ", "ءا"))
    return edit_shape(a, b) is None and a != b


def doubled_last(a: str, b: str) -> bool:
    """``a`` is ``b`` with its last letter written twice ("تقسيمم", "الخلفيةة"): Arabic
    script writes a doubled consonant once (with shadda), so no word ends so; a suffix
    that repeats the last letter (Persian خاموش + ش) is the dictionary's to accept."""
    return len(a) == len(b) + 1 and len(b) >= 3 and a[:-1] == b and a[-1] == b[-1]


def inner_edit(a: str, b: str) -> bool:
    """The one edit between ``a`` and ``b`` is inside the word: not its first letter (where
    clitics live: كيبي / ميبي) nor its last (case endings and suffixes: سكربتًا / سكربتات)."""
    shape = edit_shape(a, b)
    if shape is None:
        return False
    i = next((i for i, (p, q) in enumerate(zip(a, b)) if p != q), min(len(a), len(b)))
    # A swap of the last two letters is a suffix too when both are suffix letters (dual
    # "تعليمتا" / plural "تعليمات"); a stem letter swapped with the last one is a typo
    # ("باستخدما" / "باستخدام", "الأسلبو" / "الأسلوب", "اللاحةق" / "اللاحقة").
    if shape[0] == "swap" and i == len(a) - 2 and not {shape[1], shape[2]} <= _SWAP_SUFFIX_LETTERS:
        return i > 0
    return 0 < i < min(len(a), len(b)) - (shape[0] == "sub") - 2 * (shape[0] == "swap")


# Letters that end an Arabic word in suffixes (ات / تا, ان / نا, ون / نو, ين / ني, اه / ها):
# two of them swapped at the end of a word are another inflection, not a typo.
_SWAP_SUFFIX_LETTERS = frozenset("اهكيتنوةى")


# Letters that end an Arabic word as a suffix: pronouns ه ك ي, the feminine ت, the dual
# or plural ن, the accusative ا. A rejected word that is a frequent word plus one of them
# is an inflection the dictionary lacks ("طرفيته", "برامجاً"), not a slip.
_SUFFIX_LETTERS = frozenset("اهكيتن")


def inflection_of(key: str, cand: str, enclitics: str = "") -> bool:
    """``key`` is ``cand`` with a suffix letter added (or taa marbuta + pronoun: طرفيته;
    or one of the language's one-letter ``enclitics``: Persian possessive م / ش on
    "بلوتوثی"), or the broken plural فِعال / فُعول of a three-letter noun (كبل -> كبال,
    قلب -> قلوب): a long vowel inserted before its last letter."""
    if len(key) == len(cand) + 1 and key.startswith(cand) and (key[-1] in _SUFFIX_LETTERS or key[-1] in enclitics):
        return True
    if len(cand) == 3 and len(key) == 4 and key[2] in "او" and key == cand[:2] + key[2] + cand[2]:
        return True
    if cand.endswith("ه") and key == cand[:-1] + "يه":  # abstract noun: موثوقة -> الموثوقية
        return True
    return cand.endswith("ه") and key == cand[:-1] + "ت" + key[-1:] and len(key) == len(cand) + 1


def spell_candidate(lc: LangCorpus, k: str, key: str, rest: str | None, clean: str, prefix: str) -> str | None:
    """How the corpus writes candidate ``k`` in place of ``clean``: keeping the
    one-letter proclitic when ``k`` is a candidate of ``rest`` ("لإعدادت" -> "لإعدادات")."""
    backend = lc.backend
    if rest is not None and edit_shape(backend.vkey(key), backend.vkey(k)) is None:
        cut = clean.find(key[0]) + 1
        if cut > 0:
            bare = lc.spell_key(k, "", near=clean[cut:])
            return clean[:cut] + bare if bare else None
    return lc.spell_key(k, prefix, near=clean)


def slip_evidence(
    lc: LangCorpus,
    ls: LangState,
    occurrence: tuple[int, int, str, str, str],
    *,
    max_count: int,
    min_candidate_count: int,
    doc_keys: Counter | KeyCounts,
    key: str | None = None,
) -> SlipEvidence | None:
    """The second signal for a dictionary-rejected occurrence, or None: the morphology's
    (``LangState.pattern``), else the corpus context's (``context_evidence``), else, for
    a broken plural أفعال the morphology reads as the article on a verb, a far more
    frequent word one edit away (``broken_plural_evidence``)."""
    ev = context_evidence(lc, ls, occurrence, max_count=max_count, min_candidate_count=min_candidate_count,
                          doc_keys=doc_keys, key=key)
    clean = occurrence[2]
    waits = isinstance(ev, Pending)  # (S101's dictionary turn: None or not, told in the morphology's)
    if ev is not None and not waits or not lc.backend.broken_plural(clean):
        return ev
    key = key if key is not None else lc.backend.key(clean)
    seen = lc.key_count.get(key, 0)
    if seen > max_count or clean not in ls.pattern.unmarked:
        return ev if waits else None  # (a word its writer vocalised was read: not ال + a verb)
    plural = broken_plural_evidence(lc, clean, key, seen, min_candidate_count)
    return Pending(functools.partial(_first_of, ev, plural)) if waits else plural


def _first_of(ev, other):
    """``ev`` resolved, or else ``other`` resolved."""
    ev = resolved(ev)
    return ev if ev is not None else resolved(other)


class Pending:
    """Evidence that waits for the morphology: made in S101's dictionary turn, where a
    morphology question was guessed (``Backend.turn``); ``resolve()``, in the
    morphology's turn, asks it and gives the ``SlipEvidence`` or None (the dictionary's
    verdicts asked past the guess read from the table the turn kept)."""

    __slots__ = ("resolve",)

    def __init__(self, resolve):
        self.resolve = resolve


class ExplanationPending(Pending):
    """``Pending`` evidence that is the morphology's explanation of the occurrence's word
    alone (``explanation_evidence``: no corpus evidence waits beside it), so a waiting
    occurrence need keep only its place and word (S101: ``slip.Waiting``). At 100 MB of
    text 58% of the occurrences that wait (6,956 of 11,966): a frequent rejected word."""

    __slots__ = ()


def resolved(ev):
    """``ev``, or what it resolves to when it is ``Pending``."""
    return ev.resolve() if isinstance(ev, Pending) else ev


def context_evidence(
    lc: LangCorpus,
    ls: LangState,
    occurrence: tuple[int, int, str, str, str],
    *,
    max_count: int,
    min_candidate_count: int,
    doc_keys: Counter | KeyCounts,
    key: str | None = None,
) -> SlipEvidence | None:
    """The morphology's or the corpus context's signal for a dictionary-rejected
    occurrence, or None (``slip_evidence``).

    Corpus context counts independent signals for each candidate one edit away: an
    informative neighbour shared on the left, one on the right, the candidate used in the
    same document, a typo-shaped edit, and a candidate far more frequent than the word.
    A shared informative neighbour is required, plus at least one more signal
    (``MIN_SIGNALS``; in vocalised text both neighbours and ``MIN_SIGNALS_VOCALISED``
    signals in all, since its rare words are names and classical vocabulary). Without a
    shared neighbour, a long unvocalised word one inner edit from a frequent dictionary
    word also counts. Function words are never evidence and never suggested."""
    clean = occurrence[2]
    backend = lc.backend
    guessed = backend.guessed
    explanation = ls.pattern.get(clean)
    if backend.guessed == guessed:
        if explanation:
            return _explained(explanation)
        return _context(lc, ls, occurrence, max_count, min_candidate_count, doc_keys, key)
    # S101's dictionary turn (``Backend.turn``): the morphology was guessed (no
    # explanation); the corpus context's evidence is found now and waits for it
    then = _context(lc, ls, occurrence, max_count, min_candidate_count, doc_keys, key)
    if then is None:  # (most waiting occurrences: a frequent word, whose only evidence is its explanation)
        return ExplanationPending(functools.partial(explanation_evidence, backend, clean))
    return Pending(functools.partial(_explained_else, backend, clean, then))


def _explained(explanation: str) -> SlipEvidence:
    """The morphology's evidence for ``pattern_slip``'s ``explanation``."""
    if explanation.startswith(TAA_MARBUTA):
        return SlipEvidence("taa", explanation[len(TAA_MARBUTA) :], [explanation.rsplit("'", 2)[1]])
    return SlipEvidence("pattern", explanation, [])


def _explained_else(backend, clean: str, then) -> SlipEvidence | None:
    """The morphology's evidence for ``clean`` if it has one, else ``then`` (resolved)."""
    explanation = backend.pattern_slip(clean)
    return _explained(explanation) if explanation else resolved(then)


def explanation_evidence(backend, clean: str) -> SlipEvidence | None:
    """The morphology's evidence for the dictionary-rejected ``clean`` (``backend.pattern_slip``), or None."""
    return _explained_else(backend, clean, None)


def _context(lc: LangCorpus, ls: LangState, occurrence, max_count: int, min_candidate_count: int, doc_keys,
             key: str | None) -> "SlipEvidence | Pending | None":
    """``context_evidence`` for an occurrence without a morphology explanation."""
    _start, _end, clean, left, right = occurrence
    backend = lc.backend
    if key is None:
        key = backend.key(clean)
    seen = lc.key_count.get(key, 0)
    if seen > max_count:
        return None
    left_ok = informative_neighbour(lc, left)
    right_ok = informative_neighbour(lc, right)
    vocalised = clean in ls.vocalised
    # Without a shared neighbour, only a long unvocalised word one inner edit away from
    # a frequent dictionary word, that this document or the corpus uses a lot, is a slip
    # ("باستخدم" beside "باستخدام"): rare names are short and not next to their twin.
    # Long means the word without its article: one letter changed in a three- or
    # four-letter noun ("الأيض", metabolism, beside "الأرض") is as often another word.
    stem_length = len(_without_article(backend, clean))
    lone = stem_length >= LONE_SHORT_LENGTH and not vocalised
    short = stem_length < LONE_MIN_LENGTH
    if not (left_ok or right_ok or lone):
        return None  # (asked before the candidates: without this, none can count)
    fw = backend.function_words
    cands = candidates(lc, key, min_candidate_count)
    rest = backend.proclitic_rest(key)
    if rest is not None and lc.key_count.get(rest, 0):
        rest = None  # "ببايت" is ب + "بايت", a word of the corpus: no slip of anything
    if rest is not None:  # "باستخدم" is ب + a slip of "استخدام"
        cands |= candidates(lc, rest, min_candidate_count)
        cands.discard(rest)  # "ببايت" is ب + "بايت", a correct word
    if key[:1] in "وفبلك":
        cands.discard(key[1:])  # "وويندوز": a conjunction or preposition on a known word
    # A slip inside the article itself ("اانطاق", "املخدم", "كااتالي") is two edits away
    # in key space, where the article is stripped: repair the article, then look up.
    repairs: dict[str, str] = {}
    for repaired in backend.article_repairs(clean):
        k = backend.key(repaired)
        if lc.key_count.get(k, 0) >= min_candidate_count and repaired in lc.clean_count:
            cands.add(k)
            repairs[k] = repaired
    # Very short candidates (أن, في) are one edit away from too many foreign words.
    cands = {k for k in cands if len(k) >= backend.min_length and (k not in fw or (lone and len(k) >= FW_LONE_LENGTH))}
    if not cands:
        return None
    bigrams = lc.bigrams
    ctx = backend.ctx_key
    left_c, right_c = ctx(left), ctx(right)
    needed = MIN_SIGNALS_VOCALISED if vocalised else MIN_SIGNALS
    prefix, _ = backend.split_prefix(clean)
    vform = backend.vkey(backend.form(clean))
    scored = []
    # candidate -> how the corpus writes it here (asked again by the part-of-speech test
    # and the suggestions below: the same value, computed once)
    spelled_of: dict[str, str | None] = {}
    for k in sorted(cands):
        shared = []
        if left_ok and left_c + SEP + k in bigrams:
            shared.append(left)
        if right_ok and k + RSEP + right_c in bigrams:
            shared.append(right)
        if not shared and not lone or k in fw and (shared or not typo_shaped(backend, key, k)):
            continue  # (a function word only as a lone candidate, one typing slip away: "كاانت")
        # One edit on the written form too, not only on the key (which drops ئ ؤ):
        # "يؤتمت" is not a slip of "يتم".
        spelled = spelled_of[k] = repairs.get(k) or spell_candidate(lc, k, key, rest, clean, prefix)
        if spelled is None or (
            edit_shape(vform, backend.vkey(backend.form(spelled))) is None
            and edit_shape(backend.vkey(backend.surface(clean)), backend.vkey(backend.surface(spelled))) is None
        ):
            continue
        if inflection_of(key, k, backend.enclitics):
            continue
        if madda_apart(backend, clean, spelled):
            continue  # "آمال" (hopes, root ء-م-ل) is not "اعمال" (deeds) less its ع
        if k in (left, right) and len(key) == len(k) and key[:-1] == k[:-1]:
            continue  # beside its own candidate with another last letter: a jingle pair ("کھلم کھلا")
        if backend.variant_of(clean, spelled):
            continue  # another spelling of the same word (Persian "سیناء" / سینا)
        if edit_shape(key, k) is None and rest is None and k not in repairs and lc.known(spelled):
            continue  # one edit only after folding g-letters: a name's variant, never a dictionary word (جيسي / قياسي)
        if key[-1:] == "ي" and k[-1:] == "ي" and len(key) >= 4 and not lc.known(spelled):
            continue  # two nisba names (العنقزي / العنزي, الأرحبي / الرحبي) are two tribes
        n = lc.key_count.get(k, 0)
        signals = len(shared)
        signals += doc_keys.get(k, 0) > 0
        base = key if rest is None or edit_shape(backend.vkey(key), backend.vkey(k)) else rest
        signals += typo_shaped(backend, base, k)
        signals += n >= FREQUENT_COUNT and n >= FREQUENT_RATIO * max(seen, 1)
        if shared and signals >= needed and (not vocalised or (len(shared) == 2 and n >= FREQUENT_COUNT)):
            scored.append((signals, k, shared))
        elif (
            not shared
            and n >= FREQUENT_COUNT
            and n >= FREQUENT_RATIO * max(seen, 1)
            and (doc_keys.get(k, 0) > 0 or n >= LONE_MIN_COUNT)
            and (inner_edit(backend.surface(clean), backend.surface(spelled)) or doubled_last(key, k))
            and (not backend.lone_needs_typo_shape or typo_shaped(backend, key, k))
            and (not short or (typo_shaped(backend, base, k) and not pattern_edit(base, k)))
            and (
                lc.known(spelled)
                # a plural the dictionary lacks (الفحوصات), used in this document and
                # often in the corpus, one typo-shaped letter away (ص / ض)
                or (doc_keys.get(k, 0) > 0 and n >= LONE_MIN_COUNT and typo_shaped(backend, key, k))
            )
        ):
            scored.append((signals, k, shared))
    if not scored or backend.loanword(clean) or compound_half(lc, clean, left, right) or backend.informal_form(clean):
        return None
    if backend.phrase_word(clean, left, right):
        return None  # "نافه هاش" (ها + ش written apart), "بارک الله" (an Arabic formula)
    if backend.inflected_corpus_word(clean, lambda stem: lc.clean_count.get(stem, 0)):
        return None  # a stem the dictionary lacks plus an enclitic (Persian "حوران" = حور + ان)
    # Never suggest a word of another part of speech (a noun for a verb, a verb for a
    # word with ال): asked of the morphology only for these few candidates, and only
    # once there is a candidate at all (qalsadi costs milliseconds per word).
    flaggable = backend.flaggable(clean)
    if not flaggable:
        return _suggest(lc, clean, key, rest, prefix, seen, scored, cands, spelled_of, repairs, False, doc_keys)
    # (S101's dictionary turn, ``Backend.turn``: the part of speech may be guessed; then
    # the evidence waits for the morphology, with what it needs of the document's counts)
    guessed = backend.guessed
    waiting = _suggest_needs(backend, scored, cands, spelled_of, repairs, doc_keys) if backend.guessing else None
    ev = _suggest(lc, clean, key, rest, prefix, seen, scored, cands, spelled_of, repairs, True, doc_keys)
    if backend.guessed == guessed:
        return ev
    asked, spelled, repaired, counts = waiting
    return Pending(functools.partial(_suggest, lc, clean, key, rest, prefix, seen, scored, asked, spelled, repaired,
                                     True, counts))


_NOTHING: dict = {}  # (an empty table waiting evidence shares: ``_suggest`` only reads its repairs and counts)


def _suggest_needs(backend, scored: list, cands: set, spelled_of: dict, repairs: dict, doc_keys) -> tuple:
    """What ``_suggest`` reads of ``cands``, ``spelled_of``, ``repairs`` and ``doc_keys``
    (in that order), for evidence that waits for the morphology (``Pending``): only
    the candidates that share a ``vkey`` with a scored one (``_suggest`` adds no other:
    its ``supported_v`` are vkeys of scored candidates, the scored ones included), their
    known spellings and repairs, and their non-zero counts in the document; each
    ``_suggest`` reads only these keys, so its answer is the same (a spelling it lacks
    is made again by ``spell_candidate``, which reads the corpus, not the dictionary).
    The whole tables were ~2/3 of a waiting evidence (~2.6 KB) at 100 MB of text."""
    vkey = backend.vkey
    supported = {vkey(k) for _, k, _ in scored}
    asked = {k for k in cands if vkey(k) in supported}
    spelled = {k: spelled_of[k] for k in asked if k in spelled_of}  # (its own: ``_suggest`` adds to it)
    repaired = {k: repairs[k] for k in asked if k in repairs} or _NOTHING
    counts = {k: n for k in asked if (n := doc_keys.get(k, 0))} or _NOTHING
    return asked, spelled, repaired, counts


def _suggest(lc: LangCorpus, clean: str, key: str, rest: str | None, prefix: str, seen: int, scored: list, cands: set,
             spelled_of: dict, repairs: dict, flaggable: bool, doc_keys) -> SlipEvidence | None:
    """``context_evidence``'s last step: the candidates ``scored`` of another part of
    speech than ``clean`` dropped (``flaggable``: asked of the morphology), the rest
    ranked into suggestions and the message."""
    backend = lc.backend

    def same_class(k: str) -> bool:
        if not flaggable:
            return True
        if k not in spelled_of:
            spelled_of[k] = repairs.get(k) or spell_candidate(lc, k, key, rest, clean, prefix)
        if not spelled_of[k]:
            return True
        return backend.same_class(clean, spelled_of[k])

    scored = [s for s in scored if same_class(s[1])]
    if not scored:
        return None
    scored.sort(key=lambda s: (-s[0], -lc.key_count.get(s[1], 0), s[1]))
    # Add spellings of the same name (same transliteration key) as alternatives.
    vkey = backend.vkey
    chosen = {k for _, k, _ in scored}
    supported_v = {vkey(k) for k in chosen}
    chosen |= {k for k in cands if vkey(k) in supported_v and same_class(k)}
    ranked = sorted(chosen, key=lambda k: (-doc_keys.get(k, 0), -lc.key_count.get(k, 0), k))
    suggestions = []
    for k in ranked:
        if k not in spelled_of:
            spelled_of[k] = repairs.get(k) or spell_candidate(lc, k, key, rest, clean, prefix)
        s = spelled_of[k]
        # The corrected spelling must itself occur in the corpus, unless only a
        # transparent prefix (و / ف) was added: "بالكاد" must not become "بالكان".
        if s and s != clean and s not in suggestions and (s in lc.clean_count or backend.transparent_prefix(prefix)):
            suggestions.append(s)
    if not suggestions:
        return None
    _signals, best, shared = scored[0]
    shown = lc.bare_spelling(best) or best
    near = " and ".join(f"'{lc.bare_spelling(n) or n}'" for n in shared)
    rarity = "occurs once in the corpus" if seen <= 1 else f"occurs only {seen}× in the corpus"
    words = "words" if len(shared) > 1 else "word"
    # Without a shared neighbour, a candidate counts when this document writes it or when it
    # is a dictionary word the corpus writes often (``_context``'s lone slip): the message
    # says which (ممدود in a ghazal beside a frequent مسدود that only other files write).
    if shared:
        where = f"appears next to the same {words} {near}"
    elif doc_keys.get(best, 0) > 0:
        where = "is written so in this same document"
    else:
        where = "is a dictionary word the corpus writes far more often"
    message = f"{rarity}, while '{shown}' ({lc.key_count[best]}×) is one letter away and {where}"
    unseen = not any(sh or doc_keys.get(k, 0) > 0 for _, k, sh in scored)
    return SlipEvidence("context", message, suggestions, unseen)


# A broken plural أفعال the morphology reads only as ال + a verb (الأنساق, the formats)
# is a slip when the corpus writes a word one letter away at least this many times as
# often as it. Measured: the planted slip "الأنباع" has "الأنباء" 45,142 times beside it in
# the 100 MB benchmark corpus; in the Arabic text of the 48 corpora and the 41 Arabic
# catalogues (679 k words) the words one written letter from such a form are at most 16
# times as frequent (الأوراق beside الأيراق; الأنفاق 5 beside the real الأنساق).
PLURAL_SLIP_RATIO = 50


def broken_plural_evidence(lc: LangCorpus, clean: str, key: str, seen: int, min_candidate_count: int):
    """Morphology evidence for ``clean``, a broken plural أفعال whose singular is a word
    and which qalsadi reads only as the article on a verb (``Backend.broken_plural_slip``),
    when the corpus writes a word one letter away from it, as written (hamza seats and
    article kept), ``PLURAL_SLIP_RATIO`` times as often: "الأنباع" (نبع is a word too)
    beside a frequent "الأنباء" is a slip, "الأنساق" (of نسق) with no such word is a word.
    Else None."""
    backend = lc.backend
    fw = backend.function_words
    best = None
    for k in sorted(candidates(lc, key, min_candidate_count)):
        if len(k) < backend.min_length or k in fw:
            continue
        for spelled in lc.spellings(k):
            n = lc.clean_count.get(spelled, 0)
            if n >= PLURAL_SLIP_RATIO * max(seen, 1) and edit_shape(clean, spelled) and (best is None or n > best[0]):
                best = (n, spelled)
    if best is None:
        return None
    guessed = backend.guessed
    verdict = backend.broken_plural_slip(clean)
    if backend.guessed != guessed:  # (S101's dictionary turn: the morphology guessed)
        return Pending(functools.partial(_plural_slip, backend, clean, best))
    return _plural_slip(backend, clean, best, verdict)


def _plural_slip(backend, clean: str, best: tuple[int, str], verdict: str | None = "?") -> SlipEvidence | None:
    """``broken_plural_evidence``'s finding for ``verdict`` (asked when not given)."""
    if verdict == "?":
        verdict = backend.broken_plural_slip(clean)
    if verdict is None:
        return None
    n, spelled = best
    return SlipEvidence("pattern", f"{verdict}; '{spelled}' ({n}×) is one letter away", [spelled])


_ZWNJ = "\u200c"
# A spaced compound's half: the second element of at least this many dictionary words of
# the corpus whose first element is a word too (باره: دوباره، درباره).
COMPOUND_TAILS = 2


def compound_half(lc: LangCorpus, clean: str, left: str, right: str) -> bool:
    """``clean`` is one half of a compound written with a space, in a language that writes
    them so (``Backend.spaced_compounds``: Persian, Urdu): joined to its left or right
    neighbour (directly or with a ZWNJ; not to a function word) it is a dictionary word
    ("گره گشا", "جبران ناپذیر"), or its left neighbour is a word and ``clean`` is the
    second element of ``COMPOUND_TAILS`` or more dictionary words of the corpus that start
    with a word ("یک باره" beside دوباره and درباره; "سایه بان" beside باغبان, نگهبان).
    ``left``/``right`` are the neighbours' keys ("" for none)."""
    backend = lc.backend
    if not backend.spaced_compounds:
        return False
    fw = backend.function_words
    joined = [left + clean, left + _ZWNJ + clean] if len(left) >= 2 and left not in fw else []
    joined += [clean + right, clean + _ZWNJ + right] if len(right) >= 2 and right not in fw else []
    if any(backend.spell(j) for j in joined):
        return True
    if not left or not lc.known(left):
        return False
    tails = 0
    for word in words_ending_with(lc, clean):
        head = word[: -len(clean)].rstrip(_ZWNJ)
        if len(head) >= 2 and lc.known(word) and lc.known(head):
            tails += 1
            if tails >= COMPOUND_TAILS:
                return True
    return False


def words_ending_with(lc: LangCorpus, tail: str) -> list[str]:
    """The corpus spellings that end with ``tail`` and are longer, from a sorted list of
    reversed spellings built once per merged corpus (``lc.cache``)."""
    rev = lc.cache.get("reversed_spellings")
    if rev is None:
        rev = lc.cache["reversed_spellings"] = sorted(w[::-1] for w in lc.clean_count)
    lo = bisect.bisect_left(rev, tail[::-1])
    out = []
    for r in rev[lo:]:
        if not r.startswith(tail[::-1]):
            break
        if len(r) > len(tail):
            out.append(r[::-1])
    return out


def local_key_ids(lc: LangCorpus, ls: LangState, path: str) -> np.ndarray | None:
    """The key id (into ``lc.keys``) of each word of a document's ``ls``, in its
    vocabulary order (an int array: each corpus word's key id, ``LangCorpus.word_key``,
    no string made), or None when the merged corpus has no word ids for the document.
    Computed with the memoised ``key``, a reduce over the rejected words of every
    document would keep every one of them and its key to the end of the run (~1/3 KB a
    word)."""
    if lc.word_key is None or not isinstance(lc.key_count, CountTable):
        return None
    g = doc_word_ids(lc, path, ls)
    if g is None:
        return None
    return lc.word_key[g]


def _row_keys(lc: LangCorpus, kid: np.ndarray, rows: np.ndarray) -> dict[int, str]:
    """local word -> its key (``lc.keys`` of ``local_key_ids``), for the words, left and right neighbours of
    ``rows`` of ``ls.rej`` only (what ``LangState.occurrences`` reads): a rare word's
    occurrences are a few of a document's thousands of words."""
    local = sorted_unique(rows[:, [R_WORD, R_LEFT, R_RIGHT]].reshape(-1))
    local = local[local >= 0]
    names = lc.keys
    return dict(zip(local.tolist(), [names[k] for k in kid[local].tolist()]))


def possible_rows(lc: LangCorpus, ls: LangState, max_count: int, or_pattern: bool,
                  keys: list[str] | None = None, key_ids: np.ndarray | None = None) -> np.ndarray:
    """Indices of the rows of ``ls.rej`` (rejected occurrences, in order) whose word's key
    the corpus has at most ``max_count`` times, or, with ``or_pattern``, whose spelling
    has a morphology explanation (``ls.pattern``): the occurrences ``slip_evidence`` may
    find evidence for with that ``max_count`` (it returns None for the others before
    anything else). Asked once per distinct rejected word of the document. ``keys``:
    the key of each word of the document (in vocabulary order), if the caller has them;
    ``key_ids``: ``local_key_ids`` of the document (the counts are then read by key id,
    in one array look-up)."""
    words = ls.rej[:, R_WORD]
    distinct = sorted_unique(words)  # (not np.unique: it imports numpy.ma, ~13 ms)
    vocab, key_count, pattern = ls.vocab, lc.key_count, ls.pattern
    backend = lc.backend

    def explained(w: int) -> bool:
        guessed = backend.guessed
        # (S101's dictionary turn, ``Backend.turn``: a guessed morphology keeps the word,
        # its evidence waiting for the morphology's turn, ``Pending``)
        return bool(pattern.get(vocab[w])) or backend.guessed != guessed

    if key_ids is not None and isinstance(key_count, CountTable):
        rare = key_count.counts[key_ids[distinct]] <= max_count  # (a key id is always < its size)
        kept = distinct[rare].tolist()
        if or_pattern:  # the morphology only for the frequent ones, in word order as below
            kept += [w for w in distinct[~rare].tolist() if explained(w)]
    else:
        key = keys.__getitem__ if keys is not None else (lambda w: lc.backend.key(vocab[w]))
        kept = [w for w in distinct.tolist() if key_count.get(key(w), 0) <= max_count or (or_pattern and explained(w))]
    return np.flatnonzero(np.isin(words, np.asarray(kept, dtype=words.dtype)))


class KeyCounts:
    """key -> occurrences in one document, read like a ``Counter`` (``get`` only): counts
    by corpus key id (``LangCorpus.keys``) for the document's own keys, so no string is
    made for a key not asked about and the cost follows the document, not the corpus."""

    __slots__ = ("counts", "key_id")

    def __init__(self, key_id: dict[str, int], counts: dict[int, int]):
        self.key_id, self.counts = key_id, counts

    def get(self, key: str, default=None):
        i = self.key_id.get(key)
        n = self.counts.get(i, 0) if i is not None else 0
        return n if n else default


def doc_key_table(lc: LangCorpus, ls: LangState, path: str) -> KeyCounts | Counter:
    """``doc_key_counts`` as a ``KeyCounts`` (the document's word counts summed by key id
    in one sort) when the merged corpus has the document's word ids, else as that ``Counter``."""
    g = doc_word_ids(lc, path, ls)
    if g is None or lc.word_key is None:
        return doc_key_counts(lc, ls, path)
    key_id = lc.bigrams.terms if isinstance(lc.bigrams, Bigrams) else lc.cache.get("key_id")
    if key_id is None:  # (the bigram terms are the keys by id, then context forms: ids no document counts)
        key_id = lc.cache["key_id"] = dict(zip(lc.keys, range(len(lc.keys))))
    keys = lc.word_key[g]
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else keys
    sums = np.add.reduceat(ls.count[order].astype(np.int64), starts) if len(keys) else keys
    return KeyCounts(key_id, dict(zip(keys[starts].tolist(), sums.tolist())))


def doc_key_counts(lc: LangCorpus, ls: LangState, path: str | None = None) -> Counter:
    """key -> occurrences in one document, from the merged corpus's word-key table."""
    g = doc_word_ids(lc, path, ls) if path is not None else None
    if g is None or lc.word_key is None:
        key = lc.backend.key
        out: Counter = Counter()
        for clean, n in ls.counts.items():
            out[key(clean)] += n
        return out
    keys, inverse = np.unique(lc.word_key[g], return_inverse=True)
    sums = np.bincount(inverse.reshape(-1), weights=ls.count, minlength=len(keys)).astype(np.int64)
    return Counter(dict(zip([lc.keys[k] for k in keys.tolist()], sums.tolist())))
