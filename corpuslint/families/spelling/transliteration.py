"""S103 transliteration-inconsistency: one name written two ways."""

from __future__ import annotations

import itertools
from collections import defaultdict

import numpy as np

from ...arrays import sorted_unique
from ...findings import Location, Severity
from ...text.script import language_spans
from .analysis import R_WORD, _spans, doc_word_ids, token_table
from .base import SpellingCorpusRule
from .source_names import latin_skeletons, names_source
from ...text.lazy_regex import lazy


NAME_MAX_COUNT = 50  # a spelling seen more often than this is a common word, not a name


class _Group:
    __slots__ = ("forms", "strong", "named", "best")

    def __init__(self):
        self.forms: dict[str, list] = {}  # form -> [corpus count, first Location, keys]
        self.strong = False
        self.named = False  # strong because every spelling stands next to an inconsistent name
        self.best: str | None = None  # ``_most_frequent``, once the counts are final


def _word_tables(lc):
    """Per corpus word: its vkey id, form, and whether it may join a variant group
    (at least ``min_length`` letters); cached on the merged corpus."""
    cached = lc.cache.get("word_tables")
    if cached is not None:
        return cached
    b = lc.backend
    # (a vkey that folds nothing is the key's own string: the names share the corpus's strings)
    of_key = [k if v == k else v for v, k in zip(b.vkeys(lc.keys), lc.keys)]
    vkeys = dict(zip(dict.fromkeys(of_key), range(len(of_key))))  # vkey -> id, in order of first appearance
    key_vkey = np.fromiter(map(vkeys.__getitem__, of_key), np.int64, len(of_key))
    word_vkey = key_vkey[lc.word_key] if len(lc.words) else np.zeros(0, np.int64)
    eligible = np.fromiter(map(len, lc.words), np.int64, len(lc.words)) >= b.min_length
    cached = lc.cache["word_tables"] = (list(vkeys), word_vkey, eligible)
    return cached


def _variant_groups(lc) -> dict[str, _Group]:
    """vkey -> group of spellings across the corpus (cached on the merged corpus).

    Computed on the corpus count tables: only the words whose vkey has two or more
    forms are looked at one by one."""
    cached = lc.cache.get("variants")
    if cached is not None:
        return cached
    b = lc.backend
    vkey_names, word_vkey, eligible = _word_tables(lc)
    form_names, _, form_of = _word_forms(lc)  # (each word's form computed once, not memoised per word)

    def form(w: int) -> str:
        return form_names[form_of[w]]
    # forms per vkey among the eligible words: only vkeys with two forms or more matter
    cand = np.flatnonzero(eligible)
    forms_of: dict[int, set[str]] = defaultdict(set)
    multi_vkeys: set[int] = set()
    # a vkey shared by two eligible words at least (one word has one form)
    vk, n = np.unique(word_vkey[cand], return_counts=True)
    shared = vk[n > 1]
    cand = cand[np.isin(word_vkey[cand], shared)]  # (the words of those vkeys only)
    for w, v in zip(cand.tolist(), word_vkey[cand].tolist()):
        forms_of[v].add(form(w))
    multi_vkeys = {v for v, fs in forms_of.items() if len(fs) > 1}
    in_group = eligible & np.isin(word_vkey, np.fromiter(multi_vkeys, np.int64, len(multi_vkeys)))
    groups: dict[str, _Group] = {}
    if multi_vkeys:
        # first spelling of each form: word ids are in corpus first-occurrence order
        # (documents in path order, words in text order)
        for w in np.flatnonzero(in_group).tolist():
            name = vkey_names[int(word_vkey[w])]
            group = groups.get(name)
            if group is None:
                group = groups[name] = _Group()
            f = form(w)
            entry = group.forms.get(f)
            if entry is None:
                p, line, col = lc.first_at[w].tolist()
                entry = group.forms[f] = [0, Location(lc.paths[p], line, col), lc.keys[int(lc.word_key[w])]]
            # corpus counts per form, and strength: a spelling of the group the dictionary rejected
            entry[0] += int(lc.count[w])
            if lc.rejected[w]:
                group.strong = True
    strong = {v for v, g in groups.items() if g.strong}
    vkey = b.vkey
    weak = [g for g in groups.values() if not g.strong and all(e[0] <= NAME_MAX_COUNT for e in g.forms.values())]
    if weak:
        nbrs = _neighbours(lc, {e[2] for g in weak for e in g.forms.values()})
        for g in weak:
            # All spellings known to the dictionary: only a name if every spelling sits next
            # to a name that is itself inconsistently spelled ("سيرغي شويغو" / "سيرجي شويجو").
            # Names are rare words; "كان" / "كائن" stand next to everything.
            if all(any(vkey(n) in strong for n in nbrs.get(entry[2], ())) for entry in g.forms.values()):
                g.strong = g.named = True
    groups = {v: g for v, g in groups.items() if g.strong}
    lc.cache["variants"] = groups
    return groups


def _neighbours(lc, keys: set[str]) -> dict[str, set[str]]:
    """key -> keys of the words adjacent to a variant-prone word with that key (either side)."""
    b = lc.backend
    key_id = {k: i for i, k in enumerate(lc.keys)}
    wanted = np.fromiter((key_id[k] for k in keys if k in key_id), np.int64)
    variant = lc.cache.get("variant_prone")
    if variant is None:
        variant = lc.cache["variant_prone"] = np.fromiter(b.variant_prone_flags(lc.words), np.bool_, len(lc.words))
    out: dict[str, set[str]] = defaultdict(set)
    a, c = lc.pairs[:, 0], lc.pairs[:, 1]
    ka, kc = lc.word_key[a], lc.word_key[c]
    for this, other, this_word in ((ka, kc, a), (kc, ka, c)):
        m = variant[this_word] & np.isin(this, wanted)
        for k, o in zip(this[m].tolist(), other[m].tolist()):
            out[lc.keys[k]].add(lc.keys[o])
    return out


class TransliterationInconsistency(SpellingCorpusRule):
    """A name transliterated two ways: different letters for the same foreign sound.

    What: spellings that differ only in the letters Arabic uses for a foreign g/ch sound
    (غ ج ق ك) or only in a hamza seat (ئ ؤ vs none; not in both: in plain text, without a
    msgid, "جوام", Guam, and "قوائم", lists, are two words), after normalisation (diacritics, ى/ي,
    ة/ه, alef seats and clitic prefixes ignored). A group counts when at least one
    spelling is unknown to the dictionary (foreign names are), or when every spelling
    stands next to a name that is itself inconsistent (سيرغي before شويغو); only a
    spelling the dictionary rejects is reported, unless the group is such a name (two
    dictionary words that fold together, كان / كائن or درج / درک, are different words), nor,
    in a translated string (a .po msgstr), a spelling that writes a Latin word of its msgid
    which the other spelling does not ("Pacific/Guam": "جوام" beside قوائم, lists; "Alagoas":
    "ألاغواس" beside أقواس; ``source_names.names_source``), nor a spelling the dictionary
    rejects only for a hamza seat on an alef, which the groups ignore ("كإسم" = كاسم, as a
    name, is not قاسم), nor a word cut by a letter in parentheses ("المشر(و)ط"). Inside one
    document, each occurrence of the minority spelling is reported (severity of the
    rule) pointing at the majority one; ties go to the corpus-wide majority, then to
    the spelling used first. When a document is consistent but the rest of the corpus
    prefers another spelling, its first occurrence is reported once with
    ``cross-document-severity`` (default info; "off" disables the corpus-wide check).
    "The rest of the corpus" is the project's other files, checked or not, and the
    datasets checked in the run (S101's corpus); its related location may point into a
    file the run did not check, named as checked files are (relative to the current folder
    under it, else absolute). Words in ``[tool.corpuslint.spelling] accept`` are never
    reported. A pair that differs only in a hamza seat ئ/ؤ where the other spelling is a
    word derived from an Arabic root is no name: its message says so ("لاحة" for لائحة,
    the hamza dropped: a slip; "مسئول" / مسؤول: a convention; ``_hamza_difference``).
    Why: a corpus that writes بيونغ يانغ and بيونج يانج splits one entity in two for
    search, counting and training; inside one article it is an editing slip.
    Example: 001 writes "سيرغي شويغو" (l.5) and "سيرجي شويجو" (l.9, 13); 002 writes
    "بيونج يانج" while the rest of the corpus writes "بيونغ يانغ"; 002 has both سيئول
    (l.15) and سيول (l.37).
    Fix safety: no automatic fix: which spelling is the house style is an editorial
    choice (add a corrections-file entry, S105, to enforce one).
    """

    code = "S103"
    name = "transliteration-inconsistency"
    default_severity = Severity.WARNING
    options = {"cross-document-severity": "info"}
    # findings on a target depend on the merged corpus (its variant groups) and that target only
    reduce_by_target = True

    def reduce(self, corpus):
        cross = str(self.opts["cross-document-severity"]).lower()
        cross_sev = None if cross in ("off", "none", "false", "") else Severity.parse(cross)
        for path, fetch, state, merged in self.targets(corpus):
            for lang, ls in state.langs.items():
                lc = merged.langs.get(lang)
                if lc is None or not len(ls.count):
                    continue
                yield from self._check(path, fetch, lang, ls, lc, _variant_groups(lc), cross_sev)

    def prefetch_verdicts(self, merged) -> None:
        """The dictionary verdicts ``_alef_seat_only`` may ask (``_alef_seat_questions``),
        asked of each back-end whose dictionary is read now, or was read and let go (the
        map of a large corpus lets it go: ``RELEASE_DICTIONARY_WORDS``; S101's reduce,
        which calls this, reads it again): S101's reduce lets it go before this rule
        reduces, and reading it again for these few words (7 in 10 MB of bench_scale's
        news text) cost ~1.3 s CPU; a back-end that has not read it (its verdicts come
        from the corpus index) is left alone."""
        for lc in merged.langs.values():
            b = lc.backend
            if b.dictionary_read or b.dictionary_dropped:
                for folded in _alef_seat_questions(lc):
                    b.known(folded)

    def _check(self, path, fetch, lang, ls, lc, groups, cross_sev):
        """Findings of one target in one language; ``fetch()`` gives its Document (read
        only when there is something to report; None: skipped)."""
        b = lc.backend
        local: dict[str, dict[str, list]] = defaultdict(dict)  # vkey -> form -> [count, line, col]
        vkey_names, word_vkey, eligible = _word_tables(lc)
        g = doc_word_ids(lc, path, ls)
        if g is None:
            return
        grouped = lc.cache.get("grouped")
        if grouped is None:
            ids = [i for i, name in enumerate(vkey_names) if name in groups]
            grouped = lc.cache["grouped"] = eligible & np.isin(word_vkey, np.asarray(ids, dtype=np.int64))
        info = self._word_info(lc, lang, groups)
        idx = np.flatnonzero(grouped[g])
        if not len(idx):
            return
        words, counts, first = g[idx].tolist(), ls.count[idx].tolist(), ls.first[idx].tolist()
        for w, count, (line, col) in zip(words, counts, first):
            found = info[w]
            if found is None:
                continue  # (not in a group, or accepted)
            v, form = found
            entry = local[v].get(form)
            if entry is None:
                local[v][form] = [count, line, col]
            else:
                entry[0] += count
                if (line, col) < (entry[1], entry[2]):
                    entry[1], entry[2] = line, col
        report: dict[str, tuple] = {}  # minority form -> (majority, msg, loc, all, named)
        # Only a spelling the dictionary rejects is reported: two dictionary words that
        # fold together (كان / كائن, درج / درک, كاد / قائد) are different words.
        rejected_cleans, rejected_forms = _rejected(lc, g, ls)
        for v, forms in local.items():
            group = groups[v]
            if len(forms) > 1:
                ranked = sorted(
                    forms, key=lambda f: (-forms[f][0], -group.forms[f][0], forms[f][1], forms[f][2])
                )
                major = ranked[0]
                loc = Location(path, forms[major][1], forms[major][2])
                for f in ranked[1:]:
                    if f in rejected_forms or group.named:
                        report[f] = (major, "in this document", loc, True, group.named)
            elif cross_sev is not None:
                (f,) = forms
                # the corpus's most frequent spelling (the first in the group's order), if more
                # frequent than this one: max(forms, key=(count, form == f)) unless f ties it
                best = _most_frequent(group)
                if group.forms[best][0] > group.forms[f][0] and (f in rejected_forms or group.named):
                    report[f] = (best, "in the rest of the corpus", group.forms[best][1], False, group.named)
        doc = fetch() if report else None
        if doc is None:
            return
        first_done: set[str] = set()
        skeletons = None  # (a translated string's Latin source words, read on the first finding)
        wanted = _cleans_of_forms(lc, g, report)
        for start, end, token, clean, form in _occurrences(b, doc.text, report, wanted=wanted):
            major, where, loc, every, named = report[form]
            # This very spelling must be one the dictionary rejects (not another spelling
            # with the same form), and written without vowels: vocalised classical text
            # spells Arabic names, not transliterations ("قَرْمٍ", "أَجَلْ").
            if (not named and clean not in rejected_cleans) or b.marked(token) or len(b.key(clean)) < 3:
                continue
            if not named and _alef_seat_only(b, clean):
                continue  # "كإسم" is كاسم (as a name) with a hamza on its alef, not قاسم
            if _PAREN_AFTER_RE.match(doc.text, end) or _PAREN_BEFORE_RE.search(doc.text[max(0, start - 8) : start]):
                continue  # a word written with a letter in parentheses: "المشر(و)ط" (knock-(o)ut)
            if not every:
                if form in first_done:
                    continue
                first_done.add(form)
            spelled = self._spelling(lc, major)
            if skeletons is None:
                skeletons = latin_skeletons(getattr(doc, "sources", ()) or ())
            if skeletons and names_source(clean, spelled, skeletons, b.rooted):
                continue  # the msgid's name beside a word ("Guam": جوام, not قوائم lists)
            if not b.one_variation(clean, spelled):
                continue  # جوام (Guam) and قوائم (lists): ق for ج and a hamza seat, two words
            finding = doc.finding(self, start, end, _message(b, clean, spelled, where), related=[loc])
            if not every:
                finding.severity = cross_sev
            yield finding

    def _word_info(self, lc, lang: str, groups: dict) -> "_WordInfo":
        """``_WordInfo`` of this rule's project on the merged corpus ``lc`` (a word recurs
        in many documents; a merged corpus outlives a run when the next one has the same
        states, and may then be asked by a rule with other accepted words)."""
        info = lc.cache.get(("word info", self.code))
        if info is None or info.project is not self.project or info.groups is not groups:
            info = lc.cache[("word info", self.code)] = _WordInfo(lc, lang, groups, self.project)
        return info

    @staticmethod
    def _spelling(lc, form: str) -> str:
        """The corpus's most frequent spelling of ``form`` without a clitic prefix (the
        first in corpus order among equals), or ``form``: asked per reported form, from
        the words of that form (``_word_forms``), not a table of every form of the corpus."""
        cache = lc.cache.setdefault("form_spelling", {})
        found = cache.get(form)
        if found is None:
            found = form
            _, ids, of_word = _word_forms(lc)
            f = ids.get(form)
            if f is not None:
                split, words, best = lc.backend.split_prefix, lc.words, -1
                for w in np.flatnonzero(of_word == f).tolist():  # (word ids: corpus order)
                    clean = words[w]
                    n = int(lc.count[w])
                    if n > best and not split(clean)[0]:
                        found, best = clean, n
            cache[form] = found
        return found


class _WordInfo(dict):
    """Corpus word id -> (vkey, form), or None for a word in no variant group or one the
    project accepts: computed on first ask (``info[w]``)."""

    def __init__(self, lc, lang: str, groups: dict, project):
        super().__init__()
        self.lc, self.lang, self.groups, self.project = lc, lang, groups, project

    def __missing__(self, w: int):
        b = self.lc.backend
        clean = self.lc.words[w]
        key = b.key(clean)
        v = b.vkey(key)
        found = None if v not in self.groups or self.project.accepted(self.lang, key) else (v, b.form(clean))
        self[w] = found
        return found


_ALEF_SEATS = str.maketrans("أإآ", "ااا")
# A word cut by a parenthesised letter or two that belong to it: "عد(م) المشروط أو
# المشر(و)ط" (LibreOffice's knock-(i)n / knock-(o)ut); the piece before it, and the piece after.
_PAREN_AFTER_RE = lazy(r"\(\p{L}{1,2}\)\p{L}")
_PAREN_BEFORE_RE = lazy(r"\p{L}\(\p{L}{1,2}\)$")


def _alef_seat_only(b, clean: str) -> bool:
    """The dictionary rejects ``clean`` only for a hamza seat on an alef, which variant
    groups ignore: written with bare alefs it is a dictionary word ("كإسم": كاسم, as a
    name), so its group with "قاسم" is not one name spelled two ways."""
    folded = clean.translate(_ALEF_SEATS)
    return folded != clean and b.known(folded)


def _alef_seat_questions(lc) -> list[str]:
    """The spellings ``_alef_seat_only`` may ask the dictionary about in a reduce over the
    merged corpus ``lc``: each corpus word that has a rejected occurrence, writes a hamza
    seat on an alef and has a form of a variant group that is not a name's (the words
    ``_check`` asks it of), with bare alefs."""
    groups = _variant_groups(lc)
    if not groups or lc.rejected is None:
        return []
    _, ids, of_word = _word_forms(lc)
    grouped = np.asarray(sorted({ids[f] for g in groups.values() if not g.named for f in g.forms if f in ids}),
                         dtype=np.int64)
    rejected = np.asarray(lc.rejected[: len(of_word)], dtype=bool)
    asked = np.flatnonzero(rejected & np.isin(of_word[: len(rejected)], grouped))
    words = lc.words
    out = []
    for w in asked.tolist():
        folded = words[w].translate(_ALEF_SEATS)
        if folded != words[w]:
            out.append(folded)
    return out


# What a hamza-only pair of an Arabic word is (``_hamza_difference``), as the message says it.
_HAMZA_WORDING = {
    "dropped": "the same Arabic word without its hamza: a spelling slip, not a transliteration",
    "added": "the same Arabic word with a hamza it does not have: a spelling slip, not a transliteration",
    "seat": "the same Arabic word with its hamza on another seat: a spelling convention, not a transliteration",
}


def _hamza_difference(b, clean: str, spelled: str) -> str | None:
    """How the reported ``clean`` differs from the corpus's ``spelled`` when the two differ
    only in hamza seats ئ/ؤ (one ``key``, two forms) and ``spelled`` is a word the
    morphology derives from an Arabic root (``Backend.rooted``): "dropped" ("لاحة" for
    لائحة, "رسال" for رسائل), "added", or "seat" (ئ for ؤ: "مسئول" / مسؤول); None for
    any other pair. A native word's hamza is a consonant of its root, so such a pair is
    a slip or a convention; a name's hamza may be a vowel seat, and the name's other
    spelling is no rooted word ("سيئول" / سيول, Seoul: a transliteration)."""
    if b.key(clean) != b.key(spelled) or b.form(clean) == b.form(spelled) or not b.rooted(spelled):
        return None
    mine, theirs = (sum(map(w.count, "ئؤ")) for w in (clean, spelled))
    return "dropped" if mine < theirs else "added" if mine > theirs else "seat"


def _message(b, clean: str, spelled: str, where: str) -> str:
    """The finding's message: a transliteration, or a native word's hamza (``_hamza_difference``)."""
    kind = _hamza_difference(b, clean, spelled)
    what = "same name, different transliteration" if kind is None else _HAMZA_WORDING[kind]
    return f"'{clean}' is spelled '{spelled}' {where} ({what})"


def _most_frequent(group: _Group) -> str:
    """The first of the group's forms with the highest corpus count (cached on the group)."""
    if group.best is None:
        top = max(e[0] for e in group.forms.values())
        group.best = next(f for f, e in group.forms.items() if e[0] == top)
    return group.best


def _cleans_of_forms(lc, g: np.ndarray, forms) -> list[str]:
    """The words of a document whose form is in ``forms`` (``[c for c in vocab if
    b.form(c) in forms]`` over its ``LangState.vocab``, in that order), given its corpus word
    ids ``g`` (``LangCorpus.doc_words``): the form of each corpus word is asked once a
    run (``_word_forms``), not once per document that has it."""
    _, ids, of_word = _word_forms(lc)
    want = [ids[f] for f in forms if f in ids]
    sel = g[np.isin(of_word[g], np.asarray(want, dtype=np.int64))] if want else g[:0]
    words = lc.words
    return [words[w] for w in sel.tolist()]


def _rejected(lc, g: np.ndarray, ls) -> tuple[set[str], set[str]]:
    """(``ls.rejected_cleans``, their forms) of a document's ``LangState`` ``ls``, read
    through its corpus word ids ``g`` (``LangCorpus.doc_words``): no split of its
    vocabulary, no ``b.form`` per spelling."""
    rej = sorted_unique(g[ls.rej[:, R_WORD]]).tolist()  # (not np.unique: it imports numpy.ma, ~15 ms)
    names, _, of_word = _word_forms(lc)
    words = lc.words
    return {words[w] for w in rej}, {names[f] for f in of_word[rej].tolist()}


def _word_forms(lc):
    """(form names, form -> id, corpus word id -> form id) of ``lc.words`` (cached on
    the merged corpus)."""
    cached = lc.cache.get("word_forms")
    if cached is None:
        # (not through the memos of ``form`` or ``light_stem``: every word of the corpus, asked once here;
        # a form equal to the word's key is the key's own string: the names share the corpus's strings)
        of_word = list(map(lc.backend.form_once, lc.words))
        if lc.word_key is not None and len(lc.word_key) == len(of_word):
            of_word = [k if f == k else f for f, k in zip(of_word, map(lc.keys.__getitem__, lc.word_key.tolist()))]
        ids = dict(zip(dict.fromkeys(of_word), itertools.count()))
        cached = lc.cache["word_forms"] = (
            list(ids), ids, np.fromiter(map(ids.__getitem__, of_word), np.int64, len(of_word)))
    return cached


def _occurrences(b, text: str, forms, vocab: list[str] | None = None, wanted: list[str] | None = None):
    """(start, end, token, clean, form) of every token of ``text`` whose form is in
    ``forms``, in text order: one tokenisation, the form asked once per distinct spelling.
    ``vocab``: the distinct clean spellings of the back-end's tokens of ``text`` (its
    ``LangState.vocab``), which spare the tokenisation where ``_found_occurrences`` applies;
    ``wanted``: those of them whose form is in ``forms`` (``_cleans_of_forms``), which
    spare ``vocab``."""
    if vocab is not None or wanted is not None:
        found = _found_occurrences(b, text, forms, vocab, wanted)
        if found is not None:
            yield from found
            return
    table = token_table(b)
    with table.lock:
        found = table.tokenize(text, [(0, len(text))])
        if found is None:
            return
        tids, starts, _adj = found
        lens = table.tok_len.view[tids]
        cids = table.tok_clean.view[tids]
        fids = table.form_ids(cids)
        wanted = {table.forms[f]: f for f in forms if f in table.forms}
    where = np.flatnonzero(np.isin(fids, np.fromiter(wanted, np.int64, len(wanted))))
    for i in where.tolist():
        start = int(starts[i])
        end = start + int(lens[i])
        yield start, end, text[start:end], table.cleans[int(cids[i])], wanted[int(fids[i])]


def _found_occurrences(
    b, text: str, forms, vocab: list[str] | None, wanted: list[str] | None = None
) -> list[tuple] | None:
    """``_occurrences`` without tokenising ``text`` (``Backend.find_cleans``), or None
    where it does not apply: the back-end must own all of ``text`` (one span), so that
    every token's clean spelling is in ``vocab`` and the wanted ones are those of a
    wanted form (``wanted``, if given: then ``vocab`` is not read)."""
    if _spans(text, b, language_spans(text)) != [(0, len(text))]:
        return None
    form = b.form
    if wanted is None:
        wanted = [clean for clean in vocab if form(clean) in forms]
    found = b.find_cleans(text, wanted)
    if found is None:
        return None
    return [(start, end, text[start:end], clean, form(clean)) for start, end, clean in found]
