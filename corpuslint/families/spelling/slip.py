"""S101 slip: a dictionary-rejected word backed by a second, independent signal."""

from __future__ import annotations

import numpy as np

from ...findings import Edit, Fix, Severity
from ...structure import TEX_SUFFIXES, in_stanzas, in_verse, latex_verse
from ...text.lazy_regex import lazy, lazy_re
from .backends import ARTICLE_VERB
from .base import ExplanationPending, Pending, SlipEvidence, SpellingCorpusRule, explanation_evidence
from .source_names import latin_skeletons, names_whole_source, transliterates


class Slip(SpellingCorpusRule):
    """A misspelled word: rejected by the dictionary and contradicted by the corpus or the grammar.

    What: a word the dictionary of its language rejects — Arabic, Persian (fa_IR) or Urdu
    (ur_PK), chosen per paragraph by its letters; Uthmani Qur'an text and languages with
    no dictionary here (Pashto, Uyghur, Kurdish, Sindhi, by their letters or declared:
    ``text.script.declared_other_language``) are skipped — after marks are
    stripped (harakat, shadda, dagger alef, Quranic signs; ٱ read as ا; presentation
    forms NFKC-normalised) and after the usual retries (Egyptian final ى as ي, the
    conjunctions و/ف, a hamza seat on a bare alef: الافضل = الأفضل; Persian suffixes and
    ZWNJ compounds; the copula or a pronoun after a ZWNJ on a known word: نی‌ام، روی‌ات،
    نه‌ایم, and a pronoun on the plural ها: رایانه‌هام; the Persian negative prefix ن on a known verb: ندهند; the privative نا on a known past participle: ناکرده (خدای ناکرده); the plural ها with a pronoun written apart after a word: نافه هاش; an Arabic word before الله: بارک الله; Persian enclitic
    pronouns and copula on a known word: حافظش، دوستتان، حالید، صداست; the plural ان:
    بدنان; the verbal prefixes ب/ن and preverbs: بخفت، ننمایی، بازداد; classical اوفتاد;
    the prohibitive م on an imperative whose ب form is known: مسپار; Urdu verb forms of
    an infinitive ur_PK knows, stem + نا: the bare stem, the imperfective, the imperative
    and a light verb written joined: کھپا، کھلاتا، کڑھاؤ، کرلو، ہوسکا),
    that also has independent evidence of being a slip:
    (a) morphology: the Arabic article ال glued to a form with no noun reading at all
    (qalsadi), not a nisba adjective or name (الجهني), not a word its writer vocalised
    (الأشجّ), not ف/و + ال + a short name (فاليري), and a broken plural أفعال whose
    singular is a word (الأنساق) only when the corpus writes a word one letter away 50
    times as often ("الأنباع" beside a frequent "الأنباء"); (b) corpus context: the word occurs
    once, a word seen at least twice is one edit away (substitution, insertion, deletion
    or two neighbours swapped; also inside a broken article: املخدم), and either they
    share an informative neighbour (not a function word, not in most documents) plus one
    more signal — a second shared neighbour, the candidate used in the same document, a
    typo-shaped edit (neighbouring key, dot twin, dropped/doubled letter), or a far more
    frequent candidate — or, without a shared neighbour, the word is long (five letters
    without its article: "الأيض", a rare word one letter from "الأرض", is not; four letters
    with a typo-shaped edit that does not drop, add or move a long vowel: "برار" for برابر,
    not "زهاد" beside زاهد) and unvocalised
    and the edit is inside the word (or doubles its last letter: "تقسيمم"; a function word
    of four letters or more may be the candidate here if the edit is typo-shaped: "كاانت")
    towards a frequent dictionary word (or, typo-shaped,
    towards a word this document uses and the corpus has 8+ times, such as a plural the
    dictionary lacks: "الفحوضات" beside "الفحوصات"). Vocalised text
    needs three signals. Inflections the dictionary lacks (a suffix letter, ـيّة) and
    spellings that differ only in the letters of a foreign g/ch sound or a hamza seat
    (S103's) are not slips; nor, in Persian, an Arabic loanword written with ت for ة
    (مرارت: Arabic مرارة; not ـیت, since Arabic derives ـية from any nisba), nor, in
    Persian or Urdu, an Arabic word its writer marked with tanwin that the Arabic
    dictionary knows (Urdu "طوعاً و کرہاً": كرهاً), or one half of
    a compound written with a space (joined to its neighbour a dictionary word: "گره
    گشا"; or after a word, the second element of two or more dictionary words of the
    corpus: "یک باره" beside دوباره, درباره). Nor is a word with ALEF WITH MADDA (آ, a
    hamza and a long ā) a slip of a word one edit away only once آ is folded to ا: "آمال"
    (hopes) against "اعمال" (deeds) is a hamza against an ع, two roots. Nor is a word a slip of another spelling or
    form of the same word: a dagger alef its writer put where the candidate has ا
    ("العٰلمین"), the word beside its own candidate with another last letter ("کھلم کھلا"), in Persian and Urdu an
    Arabic final hamza kept or dropped ("سیناء" / سینا), a word ending in ه beside its ezafe
    form ("باقاعده" / باقاعده‌ی), colloquial Persian (میخونم, اونجا, همچین) and ـگی nouns of
    words in ه (سالگی), Urdu plural forms of one stem (آنکھیوں / آنکھوں); in Urdu, whose
    dictionary lacks many words, a word without a shared neighbour needs a typo-shaped
    edit. A final ه is not taken for Arabic ة when the corpus writes the same word in its
    Persian or Urdu text ("بله البته!" read as Arabic). A suggestion has the flagged word's part
    of speech: a word carrying the article ال (after و/ف, ب/ك, or لل) is a noun, so a
    candidate qalsadi reads only as a verb is never offered for it (a hamza-less verb such as الغى = ألغى
    is not taken for ال + noun); other rejected words get no part of speech from their
    shape, because qalsadi's guesses on misspellings are unreliable ("ذهبو", a slip of
    the verb ذهبوا, reads as a noun). (c) A final ه where the word is the known ة spelling
    (الاستقاله) is reported at warning level with its own message. (d) In verse (a block of
    three or more short lines, or couplets one a block, as S104 tells it: Hafez's ghazals), whose classical and
    poetic forms (بنیوش، فرامش، پادشهی) a modern dictionary lacks, a slip is reported at
    info level, saying so in the message (on the 495 ghazals of Hafez, 4 of 53 such
    findings were slips: a hint to read, not a warning); a lone slip there (no shared
    neighbour) whose candidate its own document does not write is not reported at all: its
    only evidence is the candidate's frequency in the corpus, and a rare word of verse one
    letter from a word only other documents write often is classical vocabulary as often as
    not (fresh35, Hafez beside Firefox and GNOME help: ماچین, ممدود, اوراد, مناع, مکمن, تبدلی,
    پادشایی beside ماشین, مسدود, افراد, منابع, ممکن, تبدیل, پادشاهی; the slip گوهیم for
    گواهیم, whose ghazal's reading has no گویم, went with them); in Persian verse, an Arabic word
    of five letters or more that the Arabic dictionary knows (the Arabic half-lines of a
    ghazal: "تلک الایام"), a long vowel the metre drops or adds against the suggestion
    ("بیهده" / بیهوده, "فرامش" / فراموش), the negative optative ("مرواد", "مرساد") and the
    name of a letter ("در حلقه جیم", "چو نون": the imagery of the ghazal) are not reported at all (``Backend.verse_form``; a doubled or swapped letter stays a slip);
    nor, in any verse, a rhyme of the poem that stands before its refrain (a ghazal's radif,
    ending three lines or more) and differs from the suggestion where rhymes differ, before
    the rhyme ("نسخه سقیم افتادست" beside "که مقیم افتادست"; not "تا نموید باز" / نماید), or
    a word with one letter more inside it than the suggestion that doubles no neighbour, a
    compound ("خوناب" blood-tears / خواب, "کارستان" / کارتان; "خوااب" stays a slip).
    Nor, in a translated string (a .po msgstr), a word whose consonants are those of a
    Latin word of its source string, in order: the source's name or term written in
    Arabic letters ("Asia/Kashgar": "آسيا/كاشغر", "Assamese": "الأسامية", "PostScript":
    "بوستسكريبت"; ``source_names``), nor one its translator gave a short vowel or sukun
    (the writer chose that spelling: GTK's "الحرَاكة" for animations, "موسَّطة" for
    centred; a shadda alone or tanwin is no such sign: "متصحّف" for متصفّح stays a slip).
    Nor, in Arabic, a dictionary word written without the hamza below its first alef
    ("اخطار" = إخطار, notifying, not a slip of إطار: the interrogative is أ, never إ),
    unless a suggestion is the word with the article's lam back ("اسلام" beside السلام).
    Nor, in Persian prose or verse, a stem the corpus uses twice (or fa_IR knows) with an
    enclitic, the plural ان or the indefinite ی ("حوران" = حور + ان, "ندانمت" = ندانم + ت),
    a verb negated after its preverb ("برنخاست" beside برخاست), or هم + a dictionary word
    ("همعنان"); nor, as taa marbuta written as haa, a final ه in a document without a
    letter only Arabic text has (ة ى ي ك) in a corpus whose Persian and Urdu text outweighs
    its Arabic ten times (chatterbot's Persian record "نهج البلاغه"). (e) A Persian word that may be a
    stem ending in a consonantal ه plus an enclitic (شاهم = شاه + م; the slip گوهیم for
    گواهیم has the same shape) is reported at info level, naming that reading (a hint to
    read: neither reading has a second signal); when the suggestion is that stem with another
    ending or none (راهید = راه + ید, "you are", beside راهی = راه + ی, fresh35's Hafez
    reading "هنوز در اول راهید"), the two are forms of one word and it is not reported. Function words are never suggested. Project word lists
    (``[tool.corpuslint.spelling]``: ``accept``, ``allowlist-file``, ``reject``; plugins and config-defined rules feed the same lists
    through ``add_project_words``): an accepted word is never reported by any spelling
    rule, a rejected word is always reported, by S105.
    Corpus: the counts and neighbours of (a) and (b) are this rule's evidence, so they are
    the project's: every file under the project root the configuration includes, checked
    or not (the corpus index, or with --no-cache a read of the others: a check of one
    folder or of pre-commit's changed files reports what a check of the whole project
    does, with the same counts in the messages), and the datasets (JSONL, Parquet, CSV,
    ... records) checked in the run: a dataset is read only when checked, so checking one
    beside the text adds its words to the counts (a message's "N×", and at a threshold a
    verdict, may change).
    Why: a dictionary alone drowns the user in names (يانغ، شويغو، ترامب), regional and
    hamza-less spellings (فى، الافضل) and classical vocabulary; requiring independent
    evidence keeps the real slips (S101 precision on real text is in the README).
    Example: "كيم جوج أون" where the corpus writes "كيم جونغ أون" (suggests جونغ/جونج);
    "النتائج الحققت" (ال + the verb حققت: meant "المحققة" or "التي حققت"); "باستخدم RAID"
    beside "باستخدام" (Debian handbook); "دون طريقو لتطبيق" (و next to ة on the keyboard).
    A suggestion is offered only when the corrected spelling itself occurs in the corpus
    (or differs only by و / ف), and candidates shorter than three letters are ignored; an
    Urdu word in ئہ, the izafat typed with ئ, is offered the izafat form ۂ of the candidate
    ("سلسلئہ کلام": سلسلۂ, not سلسلہ, which would drop the izafat); a word whose alef of
    hamzat al-wasl carries a hamza, where the dictionary writes a plain alef ("إستدامة", the
    masdar of a derived verb), is offered that spelling (استدامة), not the word the corpus
    writes one letter away (استخدامه).
    Fix safety: unsafe. The context fix replaces the word by the top suggestion
    (same document's spelling first, then the most frequent), keeping its clitic
    prefix; it is a statistical guess, so it is applied only with --unsafe-fixes. The
    morphology and taa-marbuta signals have no automatic fix (a human decides).
    """

    code = "S101"
    name = "slip"
    default_severity = Severity.ERROR
    fixable = True
    options = {"max-count": 1, "min-candidate-count": 2}
    asks_evidence = True
    # findings on a target depend on the merged corpus and that target only (engine._parallel_reduce)
    reduce_by_target = True

    def reduce(self, corpus):
        max_count = int(self.opts["max-count"])
        min_cand = int(self.opts["min-candidate-count"])
        # the dictionary and qalsadi in turns, never both in memory (``in_turns``)
        yield from self.in_turns(corpus, lambda item, later: self._findings(item, later, max_count, min_cand))

    def _findings(self, item, later: list | None, max_count: int, min_cand: int):
        """The findings of one item of ``targets``; those that wait for the morphology
        (``Pending`` evidence) appended to ``later`` as one callable giving them
        (``Waiting.findings``)."""
        merged = item[3]  # (its other languages, for the taa check; never kept on the rule: it
        # would outlive the spelling rules' ``release``, ~25 MB at 100 MB of text, to the run's end)
        waiting = None
        rejections = self.target_rejections(item, max_count=max_count, or_pattern=True)  # no evidence for the rest
        for doc, _lang, lc, ls, occ, _key, doc_keys in rejections:
            ev = self.evidence(lc, ls, occ, doc_keys, max_count=max_count, min_candidate_count=min_cand)
            if isinstance(ev, Pending):
                start, end, clean = occ[:3]
                lc.backend.hamza_below(clean)  # (the verdicts ``_finding`` may ask, asked while the dictionary is read)
                surface = doc.text[start:end]
                if _DAGGER_ALEF in surface:
                    _dagger_read(lc.backend, surface, SlipEvidence("context", "", []))
                if waiting is None:
                    waiting = Waiting(self, item[1], merged)
                    later.append(waiting.findings)
                waiting.add(lc, start, end, clean, ev)
                continue
            finding = self._finding(doc, lc, occ, ev, merged) if ev is not None else None
            if finding is not None:
                yield finding
        if waiting is not None:
            waiting.close()

    def _finding(self, doc, lc, occ, ev, merged):
        """The finding for evidence ``ev`` of occurrence ``occ``, or None (``merged``: the
        merged corpus, whose other languages the taa check reads)."""
        start, end, clean = occ[:3]
        if getattr(doc, "sources", ()) and (transliterates(clean, latin_skeletons(doc.sources))
                                            or names_whole_source(clean, doc.text, doc.sources)):
            return None  # the source string's name or term in Arabic letters ("Asia/Kashgar": كاشغر; "Lek": الليك)
        if (ev.kind == "pattern" and ev.message.startswith(ARTICLE_VERB) and _NISBA_AFTER_RE.match(doc.text, end)
                and not _commoner_neighbour(lc, clean)):
            return None  # "الكرونا الأيسلندية": a noun its adjective agrees with (a currency's name), not ال + verb
        if getattr(doc, "source", None) is not None and _VOWEL_MARK_RE.search(doc.text, start, end):
            return None  # a translator who vocalised the word spelled it so on purpose ("الحرَاكة")
        surface = doc.text[start:end]
        if _TANWIN_FATH in surface and lc.backend.tanwin_loan(clean):
            return None  # "طوعاً و کرہاً" in Urdu: Arabic words their writer marked as Arabic
        if ev.kind == "context" and _DAGGER_ALEF in surface and _dagger_read(lc.backend, surface, ev):
            return None
        if ev.kind == "context" and lc.backend.hamza_below(clean) and not _lam_lost(clean, ev.suggestions):
            return None  # "اخطار" = إخطار without its hamza, not a slip of إطار
        if ev.kind == "taa":
            if _persian_spelling(merged, lc, clean) or _persian_text(merged, lc, doc.text):
                return None
            finding = doc.finding(self, start, end, f"'{clean}': {ev.message}")
            finding.severity = min(finding.severity, Severity.WARNING, key=lambda s: s.rank)
            return finding
        suggestions = ev.suggestions
        message = f"possible slip '{clean}': {ev.message}"
        wasl = _wasl_spelled(lc.backend, clean)
        if wasl is not None:  # "إستدامة": hamzat al-wasl written with a hamza, not a slip of استخدامه
            suggestions = [wasl[0]]
            message = (f"possible slip '{clean}': the alef of hamzat al-wasl written with a hamza ('{wasl[1]}'); "
                       "the dictionary writes it with a plain alef")
        if clean.endswith(_IZAFAT_AS_YEH_HAMZA):  # "سلسلئہ کلام": meant سلسلۂ, not سلسلہ
            suggestions = [_izafat_meant(clean, s) for s in suggestions]
        shown = " or ".join(f"'{s}'" for s in suggestions[:3])
        if shown:
            message += f"; did you mean {shown}?"
        fix = None
        if ev.kind == "context" and suggestions and doc.text[start:end] == clean:
            fix = Fix.unsafe(Edit(start, end, suggestions[0]))
        finding = doc.finding(self, start, end, message, fix=fix)
        split = lc.backend.doubtful_split(clean)
        if split and ev.suggestions and lc.backend.key(ev.suggestions[0]).startswith(lc.backend.key(split[0])):
            return None  # "راهید" (راه + ید) beside راهی (راه + ی): one stem, two endings, not a slip
        if split:  # "راهید" = راه + ید, or a slip of راهی: a second signal is missing
            finding.message += f" (info only: it may be '{split[0]}' + the enclitic '{split[1]}')"
            finding.severity = Severity.INFO
        # poetry (a block of short lines, or couplets: a ghazal one bayt a block): classical
        # forms the dictionary lacks
        if (latex_verse(doc.text, start, couplets=True) if doc.suffix in TEX_SUFFIXES
                else in_verse(doc.text, start) or in_stanzas(doc.text, start, couplets=True)):
            if ev.unseen:
                return None  # a rare word of verse one letter from a word only other documents write
            if ev.suggestions and lc.backend.verse_form(clean, ev.suggestions[0]):
                return None  # an Arabic half-line, a metrical long vowel, an optative (Persian)
            if ev.suggestions and (_rhyme_partner(doc.text, start, end, key := lc.backend.key(clean),
                                                  cand := lc.backend.key(ev.suggestions[0]))
                                   or not split and _added_letter(key, cand)):
                return None  # "نسخه سقیم افتادست" beside "که مقیم افتادست": two rhymes; "خوناب" / خواب: a compound
            finding.message += " (info only: in verse, whose classical and poetic forms the dictionary lacks)"
            finding.severity = Severity.INFO
        return finding


class Waiting:
    """One target's occurrences whose evidence waits for the morphology (S101's
    dictionary turn, ``SpellingCorpusRule.in_turns``), in order: each one's place
    (``starts``, ``ends``: int arrays once ``close``d), word (the merged corpus's own
    string, ``LangCorpus.words``, not the target's copy), language (``lcs``) and evidence
    (``evs``: the ``Pending``, or None for ``ExplanationPending``, the word's
    morphology alone). At 100 MB of text 11,966 occurrences wait; one callable with its
    occurrence tuple and evidence each held ~1.5 KB of them (17.6 MB), most of it what
    ``_suggest_needs`` now trims, the rest a few dozen bytes here."""

    __slots__ = ("cleans", "ends", "evs", "fetch", "lcs", "merged", "rule", "starts")

    def __init__(self, rule: Slip, fetch, merged):
        self.rule, self.fetch, self.merged = rule, fetch, merged
        self.starts: list | np.ndarray = []
        self.ends: list | np.ndarray = []
        self.cleans: list[str] = []
        self.lcs: list = []
        self.evs: list = []

    def add(self, lc, start: int, end: int, clean: str, ev: Pending) -> None:
        i = lc.word_id.get(clean)
        if i is not None and i < len(lc.words):
            clean = lc.words[i]  # (equal: the corpus's string, shared)
        self.starts.append(start)
        self.ends.append(end)
        self.cleans.append(clean)
        self.lcs.append(lc)
        self.evs.append(None if isinstance(ev, ExplanationPending) else ev)

    def close(self) -> None:
        """The target is done: its places as int arrays."""
        self.starts = np.asarray(self.starts, dtype=np.int64)
        self.ends = np.asarray(self.ends, dtype=np.int64)

    def findings(self) -> list:
        """The findings of the waiting evidence, in order (the morphology asked; the
        target's document read once, if one has a finding)."""
        rule, doc, out = self.rule, None, []
        starts, ends = np.asarray(self.starts).tolist(), np.asarray(self.ends).tolist()
        for start, end, clean, lc, ev in zip(starts, ends, self.cleans, self.lcs, self.evs):
            ev = explanation_evidence(lc.backend, clean) if ev is None else ev.resolve()
            if ev is None:
                continue
            if doc is None:
                doc = self.fetch()
                if doc is None:
                    break
            finding = rule._finding(doc, lc, (start, end, clean), ev, self.merged)
            if finding is not None:
                out.append(finding)
        return out


_DAGGER_ALEF = "\u0670"
# Alef with hamza above or below, and the proclitics that may stand before it (و ف ب ك ل).
_HAMZA_ALEFS = "\u0623\u0625"
_WASL_PROCLITICS = lazy_re("[\u0648\u0641]?[\u0628\u0643\u0644]?")
# What follows the alef of hamzat al-wasl on a derived verb or its masdar: the tenth form's
# ست (استدامة, استخدم), the seventh form's ن C C ا (انفصال) and the eighth form's C ت C ا
# with its assimilated ط / د (اجتماع, انتخابات, اضطراب, ازدهار). The fourth form's masdar
# إفعال keeps its hamza (إنتاج, hamzat al-qatʿ), and so does every other word.
_WASL_STEM = lazy_re("\u0633\u062a[^\u0627]{2}|\u0646[^\u0627]{2}\u0627|[^\u0627][\u062a\u0637\u062f][^\u0627]\u0627")


def _wasl_spelled(backend, clean: str) -> tuple[str, str] | None:
    """``(spelling, hamza)`` when the rejected ``clean`` opens (after the proclitics و/ف and
    ب/ك/ل) with an alef carrying a hamza (``hamza``: أ or إ) and the dictionary knows the word
    with a plain alef there: hamzat al-wasl, which is not written, given a
    seat, as on the masdar of a derived verb ("إستدامة" for استدامة, tenth form; "إجتماع",
    "إنتخابات"; "بإستخدام" for باستخدام). That spelling is the correction, whatever word the
    corpus context found one letter away (debian-handbook ar-MA: 'استخدامه' for إستدامة). The
    dictionary is asked as it stands (``backend.spell``), not with the retries of ``known``,
    which give a bare alef its hamza back: "اخطار" is known as إخطار, so "أخطار" gets no such
    suggestion. Only where the letters after the alef are a derived form's (``_WASL_STEM``):
    the dictionary accepts hamza-less spellings of many words ("انهي", "بانتا"), so a slip of
    إنتاج or إنهاء is not offered one. None otherwise."""
    at = _WASL_PROCLITICS.match(clean).end()
    if at >= len(clean) - 2 or clean[at] not in _HAMZA_ALEFS or not _WASL_STEM.match(clean, at + 1):
        return None
    spelled = clean[:at] + "\u0627" + clean[at + 1 :]
    return (spelled, clean[at]) if backend.spell(spelled) else None


# A definite adjective of relation right after a word (nisba: "الكرونا الأيسلندية", "الشلن
# التنزاني"): the word is the noun it agrees with. (Two letters at least before its ending:
# not the relative pronouns الذي, التي.)
_NISBA_AFTER_RE = lazy(r"[ \u00a0]+ال[\u0621-\u064a]{2,}(?:ية|يه|ي)(?![\p{L}\p{M}])")

_ARABIC_LETTERS = "".join(chr(c) for c in range(0x621, 0x64B) if chr(c).isalpha())


def _commoner_neighbour(lc, clean: str) -> bool:
    """True when a word one letter away from ``clean`` (a letter inserted, deleted or
    replaced) is in the corpus more often than ``clean``: the word it slipped from
    ("التحاد الأوروبي" beside the corpus's الاتحاد), though a nisba adjective follows it."""
    count = lc.clean_count
    n = count.get(clean, 0)
    for i in range(len(clean) + 1):
        head, tail = clean[:i], clean[i:]
        for c in _ARABIC_LETTERS:
            if count.get(head + c + tail, 0) > n or (tail and count.get(head + c + tail[1:], 0) > n):
                return True
        if tail and count.get(head + tail[1:], 0) > n:
            return True
    return False


# A short vowel or sukun (not tanwin, the accusative ending UI text writes on any noun,
# nor shadda alone, which a typist carries along with a letter: "متصحّف" for متصفّح).
_VOWEL_MARK_RE = lazy_re("[\u064e-\u0650\u0652]")
_TANWIN_FATH = "\u064b"  # ً: an Arabic adverb's accusative ending, which Persian and Urdu keep


# A refrain (the radif of a ghazal) has at most this many words, and ends at least this many
# lines of the poem, each after a word of its own (the rhyme).
RADIF_MAX_WORDS = 3
RADIF_MIN_LINES = 3


def _rhyme_partner(text: str, start: int, end: int, key: str, cand: str) -> bool:
    """The word at ``start:end`` (folded ``key``) is a rhyme of the poem and the suggestion
    (folded ``cand``) another rhyme: the word stands just before the refrain that ends the
    line (up to ``RADIF_MAX_WORDS`` words) and at least ``RADIF_MIN_LINES`` lines of the
    document (this one included), and the two differ where rhymes differ by design, before
    the rhyme: in their first letter (replaced, added or dropped), or in one consonant
    replaced by another before the word's last long vowel. Hafez: "لیکن این هست که این نسخه
    سقیم افتادست" beside "بر در میکده دیدم که مقیم افتادست", "در باغ نعیم افتادست" beside
    "در دست نسیم افتادست", "طوق و یاره کنم" beside "چرا ملامت ... چاره کنم"; a slip in the
    rhyme's vowel ("تا نموید باز", for نروید, beside نماید) stays."""
    if not _before_rhyme(key, cand):
        return False
    line_end = text.find("\n", end)
    tail = text[end : len(text) if line_end < 0 else line_end].split()
    if not 1 <= len(tail) <= RADIF_MAX_WORDS:
        return False
    lines = 0
    for line in text.splitlines():
        words = line.split()
        if len(words) > len(tail) and words[-len(tail) :] == tail:
            lines += 1
            if lines >= RADIF_MIN_LINES:
                return True
    return False


_LONG_VOWEL_LETTERS = frozenset("اآویيى")


def _before_rhyme(key: str, cand: str) -> bool:
    """``key`` and ``cand`` differ in their first letter only (replaced, added or dropped),
    or in one consonant replaced by another before the last long vowel of ``key``."""
    if not key or not cand:
        return False
    if key[1:] == cand[1:] or key == cand[1:] or key[1:] == cand:
        return True
    if len(key) != len(cand):
        return False
    i = next(i for i, (p, q) in enumerate(zip(key, cand)) if p != q)
    return (key[i + 1 :] == cand[i + 1 :] and not {key[i], cand[i]} & _LONG_VOWEL_LETTERS
            and any(c in _LONG_VOWEL_LETTERS for c in key[i + 1 :]))


def _added_letter(key: str, cand: str) -> bool:
    """``key`` is ``cand`` with one letter more inside the word that doubles neither
    neighbour: in verse, a compound or derivation of the candidate that a modern dictionary
    lacks (Hafez: "خوناب" blood-tears / خواب, "کارستان" a great deed / کارتان, "خوگرم" /
    خورم, "اندوده" coated / اندوه), not a typing slip, which adds a letter by doubling one
    ("خیاال" for خیال stays reported); a dropped letter ("دران" / دگران) stays too, and so
    does a word read as a stem in ه plus an enclitic ("گوهیم", a slip of گواهیم, is not
    گویم with an ه added: ``Backend.doubtful_split``, asked by the caller)."""
    if len(key) != len(cand) + 1:
        return False
    i = next((i for i, (p, q) in enumerate(zip(key, cand)) if p != q), len(cand))
    return 0 < i < len(cand) and key[i + 1 :] == cand[i:] and key[i - 1] != key[i] != key[i + 1]


# Urdu's izafat after a word in ہ is ۂ (ہ with hamza above); a writer who types ئ before
# the ہ meant it too: "(فرشتوں نے پھر سلسلئہ کلام میں کہا)" is سلسلۂ کلام (the thread of speech).
_IZAFAT_AS_YEH_HAMZA = "\u0626\u06c1"
_IZAFAT = "\u06c2"


def _izafat_meant(clean: str, spelled: str) -> str:
    """The suggestion for ``clean``, a word in ئہ: the izafat form ۂ of ``spelled`` when
    ``spelled`` is ``clean`` without its ئ (سلسلئہ -> سلسلۂ, not سلسلہ, which drops the
    izafat and so changes the phrase); ``spelled`` otherwise."""
    if spelled == clean[:-2] + "\u06c1":
        return spelled[:-1] + _IZAFAT
    return spelled


def _dagger_read(backend, surface: str, ev) -> bool:
    """The word carries a dagger (superscript) alef its writer put where the suggestion
    has a full alef: the Qur'anic spelling of that word ("رب العٰلمین" beside العالمین,
    "اسمٰعیل" beside اسماعیل), not a slip."""
    read = backend.clean(surface.replace(_DAGGER_ALEF, "ا"))
    return read in ev.suggestions or backend.known(read)


def _lam_lost(clean: str, suggestions) -> bool:
    """A suggestion is ``clean`` with the article's lam back ("اسلام" beside السلام):
    the reading ``retries`` guards against, which a hamza below does not undo."""
    return any(s.replace("ال", "ا", 1) == clean or s == clean[1:] for s in suggestions)


def _persian_spelling(merged, lc, clean: str) -> bool:
    """The corpus writes ``clean`` in its Persian or Urdu paragraphs too, where a final ه
    for Arabic ة is the language's own spelling: a short Persian chat message with no
    letter Arabic lacks ("بله البته!", read as Arabic) is not Arabic with taa marbuta
    written as haa."""
    for other in getattr(merged, "langs", {}).values():
        if other is not lc and other.backend.spaced_compounds and other.clean_count.get(clean):
            return True
    return False


# Letters of Arabic text that Persian text lacks (taa marbuta, alef maqsura, Arabic yeh
# and kaf); Persian's own letters (پ چ ژ گ ی ک) already make a paragraph Persian.
_ARABIC_ONLY_RE = lazy_re("[\u0629\u0649\u064a\u0643]")
# The corpus's Persian and Urdu text outweighs its Arabic text at least so many times.
PERSIAN_CORPUS_RATIO = 10


def _persian_text(merged, lc, text: str) -> bool:
    """A document without a letter that only Arabic text has (ة ى ي ك), in a corpus
    whose Persian and Urdu text outweighs its Arabic text ``PERSIAN_CORPUS_RATIO`` times:
    a short record whose letters do not tell Persian from Arabic (chatterbot's Persian
    trivia answer "نهج البلاغه", read as Arabic) is Persian text, whose final ه is its
    own spelling, not Arabic taa marbuta written as haa."""
    if _ARABIC_ONLY_RE.search(text):
        return False
    others = sum(_words(other) for other in getattr(merged, "langs", {}).values()
                 if other is not lc and other.backend.spaced_compounds)
    return others >= PERSIAN_CORPUS_RATIO * max(_words(lc), 1)


def _words(lc) -> int:
    """Word occurrences of one language of the merged corpus."""
    count = getattr(lc, "count", None)
    return int(count.sum()) if count is not None else sum(lc.clean_count.values())
