"""S103 transliteration-inconsistency: one name written two ways."""

from __future__ import annotations

from collections import defaultdict

from ...findings import Location, Severity
from .base import SpellingCorpusRule


NAME_MAX_COUNT = 50  # a spelling seen more often than this is a common word, not a name


class _Group:
    __slots__ = ("forms", "strong", "named")

    def __init__(self):
        self.forms: dict[str, list] = {}  # form -> [corpus count, first Location, keys]
        self.strong = False
        self.named = False  # strong because every spelling stands next to an inconsistent name


def _variant_groups(lc, states) -> dict[str, _Group]:
    """vkey -> group of spellings across the corpus (cached on the merged corpus)."""
    cached = lc.cache.get("variants")
    if cached is not None:
        return cached
    b = lc.backend
    groups: dict[str, _Group] = defaultdict(_Group)
    nbrs: dict[str, set[str]] = defaultdict(set)
    for path in sorted(states):
        state = states[path]
        ls = getattr(state, "langs", {}).get(b.name)
        if ls is None:
            continue
        rejected = {occ[2] for occ in ls.rejected}  # the map step already asked the dictionary
        for clean, (count, line, col) in ls.variants.items():
            key = b.key(clean)
            group = groups[b.vkey(key)]
            form = b.form(clean)
            entry = group.forms.get(form)
            if entry is None:
                group.forms[form] = [count, Location(path, line, col), key]
            else:
                entry[0] += count
            if not group.strong and clean in rejected:
                group.strong = True
        for key, ns in ls.nbrs.items():
            nbrs[key] |= ns
    groups = {v: g for v, g in groups.items() if len(g.forms) > 1}
    strong = {v for v, g in groups.items() if g.strong}
    vkey = b.vkey
    for v, g in groups.items():
        if g.strong:
            continue
        # All spellings known to the dictionary: only a name if every spelling sits next
        # to a name that is itself inconsistently spelled ("سيرغي شويغو" / "سيرجي شويجو").
        # Names are rare words; "كان" / "كائن" stand next to everything.
        if all(entry[0] <= NAME_MAX_COUNT for entry in g.forms.values()) and all(
            any(vkey(n) in strong for n in nbrs.get(entry[2], ())) for entry in g.forms.values()
        ):
            g.strong = g.named = True
    groups = {v: g for v, g in groups.items() if g.strong}
    lc.cache["variants"] = groups
    return groups


class TransliterationInconsistency(SpellingCorpusRule):
    """A name transliterated two ways: different letters for the same foreign sound.

    What: spellings that differ only in the letters Arabic uses for a foreign g/ch sound
    (غ ج ق ك) or in a hamza seat (ئ ؤ vs none), after normalisation (diacritics, ى/ي,
    ة/ه, alef seats and clitic prefixes ignored). A group counts when at least one
    spelling is unknown to the dictionary (foreign names are), or when every spelling
    stands next to a name that is itself inconsistent (سيرغي before شويغو); only a
    spelling the dictionary rejects is reported, unless the group is such a name (two
    dictionary words that fold together, كان / كائن or درج / درک, are different words). Inside one
    document, each occurrence of the minority spelling is reported (severity of the
    rule) pointing at the majority one; ties go to the corpus-wide majority, then to
    the spelling used first. When a document is consistent but the rest of the corpus
    prefers another spelling, its first occurrence is reported once with
    ``cross-document-severity`` (default info; "off" disables the corpus-wide check).
    Words in ``[tool.corpuslint.spelling] accept`` are never reported.
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

    def reduce(self, corpus):
        cross = str(self.opts["cross-document-severity"]).lower()
        cross_sev = None if cross in ("off", "none", "false", "") else Severity.parse(cross)
        for path, doc, state, merged in self.targets(corpus):
            for lang, ls in state.langs.items():
                lc = merged.langs.get(lang)
                if lc is None or not ls.variants:
                    continue
                yield from self._check(doc, lang, ls, lc, _variant_groups(lc, corpus.states), cross_sev)

    def _check(self, doc, lang, ls, lc, groups, cross_sev):
        b = lc.backend
        local: dict[str, dict[str, list]] = defaultdict(dict)  # vkey -> form -> [count, line, col]
        for clean, (count, line, col) in ls.variants.items():
            key = b.key(clean)
            v = b.vkey(key)
            if v not in groups or self.project.accepted(lang, key):
                continue
            form = b.form(clean)
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
        rejected_cleans = {occ[2] for occ in ls.rejected}
        rejected_forms = {b.form(c) for c in rejected_cleans}
        for v, forms in local.items():
            group = groups[v]
            if len(forms) > 1:
                ranked = sorted(
                    forms, key=lambda f: (-forms[f][0], -group.forms[f][0], forms[f][1], forms[f][2])
                )
                major = ranked[0]
                loc = Location(doc.path, forms[major][1], forms[major][2])
                for f in ranked[1:]:
                    if f in rejected_forms or group.named:
                        report[f] = (major, "in this document", loc, True, group.named)
            elif cross_sev is not None:
                (f,) = forms
                mine = group.forms[f][0]
                best = max(group.forms, key=lambda g: (group.forms[g][0], g == f))
                if best != f and group.forms[best][0] > mine and (f in rejected_forms or group.named):
                    report[f] = (best, "in the rest of the corpus", group.forms[best][1], False, group.named)
        if not report:
            return
        first_done: set[str] = set()
        for m in b.token_re.finditer(doc.text):
            clean = b.clean(m.group())
            form = b.form(clean)
            hit = report.get(form)
            if hit is None:
                continue
            major, where, loc, every, named = hit
            # This very spelling must be one the dictionary rejects (not another spelling
            # with the same form), and written without vowels: vocalised classical text
            # spells Arabic names, not transliterations ("قَرْمٍ", "أَجَلْ").
            if (not named and clean not in rejected_cleans) or b.marked(m.group()) or len(b.key(clean)) < 3:
                continue
            if not every:
                if form in first_done:
                    continue
                first_done.add(form)
            spelled = self._spelling(lc, major)
            finding = doc.finding(
                self,
                m.start(),
                m.end(),
                f"'{clean}' is spelled '{spelled}' {where} (same name, different transliteration)",
                related=[loc],
            )
            if not every:
                finding.severity = cross_sev
            yield finding

    @staticmethod
    def _spelling(lc, form: str) -> str:
        cache = lc.cache.setdefault("form_spelling", {})
        if not cache:
            b = lc.backend
            best: dict[str, tuple[int, str]] = {}
            for clean, n in lc.clean_count.items():
                if b.split_prefix(clean)[0]:
                    continue
                f = b.form(clean)
                if f not in best or n > best[f][0]:
                    best[f] = (n, clean)
            cache.update({f: c for f, (n, c) in best.items()})
        return cache.get(form, form)
