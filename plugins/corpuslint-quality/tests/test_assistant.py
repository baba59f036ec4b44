"""Q113 assistant-disclaimer and Q114 assistant-preamble on real replies of LLM training
data (LLaMA-Factory's demo datasets, tests/data/realtext/SOURCE.md), and on real text
where the same words are not boilerplate (chatterbot dialogue, C4 web text, fortunes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from corpuslint_quality import assistant as A
from corpuslint_quality.assistant import AssistantDisclaimer, AssistantPreamble

from corpuslint import lint_records
from corpuslint.config import ConfigError
from corpuslint.document import Document
from corpuslint.findings import Severity

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "realtext"
REPLIES = {r["id"]: r["text"] for r in map(json.loads, (DATA / "llamafactory-assistant-replies.jsonl").open(encoding="utf-8"))}
NOT_BOILERPLATE = [json.loads(line) for line in (DATA / "assistant-phrases-not-boilerplate.jsonl").open(encoding="utf-8")]


_DEFAULT = {cls: cls() for cls in (AssistantDisclaimer, AssistantPreamble)}  # (compiled once)


def found(text, language=None, path="reply.txt", rules=(AssistantDisclaimer, AssistantPreamble), **opts):
    doc = Document(path, text, language=language)
    out = []
    for rule in rules:
        for f in (rule(options=opts) if opts else _DEFAULT[rule]).check(doc):
            out.append((f.code, f.message.split(" `", 1)[0].removeprefix("assistant "), text[f.start : f.end]))
    return out


@pytest.mark.parametrize(("rid", "expected"), [
    ("glaive_toolcall_en_demo:55.2",
     [("Q113", "refusal", "I'm sorry, but I don't have the capability to book flights.")]),
    ("glaive_toolcall_zh_demo:8.2", [("Q113", "refusal", "很抱歉，我无法帮助您预订机票。")]),
    ("glaive_toolcall_en_demo:33.2", [("Q114", "preamble", "Of course, I can help with that.")]),
    ("glaive_toolcall_en_demo:26.10", [("Q114", "closer", "If you have any other questions, feel free to ask.")]),
    ("glaive_toolcall_zh_demo:11.2", [("Q114", "preamble", "当然，我可以帮助你。")]),
    ("dpo_en_demo:232.chosen", [
        ("Q113", "ai-identity", "As an AI assistant, I strive to provide helpful and accurate information to the best of my ability."),
        ("Q114", "opener", "Certainly!")]),
    ("kto_en_demo:6.2", [
        ("Q113", "ai-identity", "I'm just an AI, it's my duty to provide accurate and informative responses while ensuring safety and respect.")]),
    ("kto_en_demo:8.2", [
        ("Q114", "preamble", "Sure, I'd be happy to help!"),
        ("Q114", "closer", "I hope this helps! Let me know if you have any other questions.")]),
    ("dpo_zh_demo:44.rejected", [("Q114", "preamble", "当然！我很乐意帮忙。")]),
    ("glaive_toolcall_zh_demo:80.2", [("Q113", "refusal", "很抱歉，我目前没有预订机票的功能。"),
                                      ("Q114", "closer", "还有什么我可以帮您的吗？")]),
    ("dpo_en_demo:28.4", [("Q114", "preamble", "I apologize for the confusion.")]),
    # a phrase ending in Latin letters may run straight into Han ones: "作为一名AI助手"
    ("dpo_zh_demo:215.rejected", [
        ("Q113", "ai-identity", "作为一名AI助手，我很高兴能帮助您探索秘鲁的奇迹，以及徒步前往并返回马丘比丘的不可思议之旅！")]),
])
def test_real_assistant_boilerplate_is_found_where_it_sits(rid, expected):
    assert found(REPLIES[rid]) == expected


@pytest.mark.parametrize("record", NOT_BOILERPLATE, ids=lambda r: r["id"])
def test_the_same_words_in_real_dialogue_and_prose_are_not_boilerplate(record):
    # "Claro que sí." answers in a dialogue and "Absolutely." opens a web comment (an
    # opener must be exclaimed); "Let me know if..." mid-page is not the reply's last
    # sentence; "I'm sorry, but my karma..." refuses nothing.
    assert found(record["text"]) == []


def _realtext_texts():
    for path in sorted(DATA.iterdir()):
        if path.name in ("llamafactory-assistant-replies.jsonl", "SOURCE.md"):
            continue
        if path.suffix == ".jsonl":
            for n, line in enumerate(path.open(encoding="utf-8")):
                rec = json.loads(line)
                if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                    yield f"{path.name}#{n}", rec["text"]
        elif path.suffix in (".txt", ".md"):
            yield path.name, path.read_text(encoding="utf-8")


def test_no_finding_in_the_other_real_excerpts():
    # Handbooks, Qur'an and hadith translations, news, poetry, chatterbot dialogue,
    # Markdown docs: text written by people, in many languages.
    texts = list(_realtext_texts())
    assert len(texts) > 20
    hits = [(name, f) for name, text in texts for f in found(text, path=name)]
    assert hits == []


def test_phrases_away_from_their_place_are_prose():
    story = ("He shrugged. Sure, here's the thing: nobody asked. As an AI researcher, I know the field. "
             "I hope this helps, she wrote, and sealed the letter.\nThey left at dawn.")
    assert found(story) == []
    assert found("As an AI researcher, I study language models.") == []
    assert found("Als KI-Forscher weiß ich das.") == []
    # a quoted opening is dialogue, not a reply
    assert found("\"Sure, here's the thing,\" he said. \"Nobody asked.\"") == []
    # quoted phrases are mentions: this plugin's README lists them in a sentence of its own
    readme = ('source cited in its rule doc; and two for chat and instruction replies: Q113\n'
              'assistant-disclaimer (a reply opening with a refusal, "As an AI language model…",\n'
              '«بصفتي نموذج ذكاء اصطناعي», «En tant qu\'IA»: warning) and Q114 assistant-preamble.\n')
    assert found(readme, path="README.md") == []
    assert found("He read it aloud. \"As an AI language model, I cannot help,\" the reply said.") == []
    # a one-sentence answer, or closers alone, are the reply itself
    assert found("Sure!") == []
    assert found("Let me know if you need anything else.") == []


def test_an_ai_phrase_about_the_addressee_is_not_a_disclaimer():
    # alpaca_zh_demo output 748 (its real excerpt is in NOT_BOILERPLATE): "As an AI
    # assistant, YOU are successful" describes the user; lead reported it as the
    # assistant disclaiming. The same kind in other languages, and the disclaimer beside it.
    assert found("作为一名人工智能助手，你是成功的。") == []
    assert found("作为一名人工智能助手，您可以帮助很多人。") == []
    assert found("As an AI assistant, you are successful because you help people.") == []
    assert found("As an AI assistant, your job is to answer clearly.") == []
    assert found("Als KI-Assistent bist du erfolgreich.") == []
    assert found("En tant qu'assistant IA, vous aidez les gens.") == []
    assert found("Как ИИ-ассистент, вы помогаете людям.") == []
    assert found("As an AI assistant, I strive to be helpful.") == [
        ("Q113", "ai-identity", "As an AI assistant, I strive to be helpful.")]
    assert found("作为一名人工智能助手，我无法访问互联网。")[0][:2] == ("Q113", "ai-identity")
    assert found("Als KI-Assistent kann ich das nicht.")[0][:2] == ("Q113", "ai-identity")


def test_refusal_and_identity_in_other_languages():
    assert found("بصفتي نموذج ذكاء اصطناعي، لا يمكنني إبداء رأي شخصي.") == [
        ("Q113", "ai-identity", "بصفتي نموذج ذكاء اصطناعي، لا يمكنني إبداء رأي شخصي.")]
    assert found("Cependant, en tant qu’IA, je n'ai pas accès à Internet.")[0][:2] == ("Q113", "ai-identity")
    assert found("Bir yapay zeka dil modeli olarak, kişisel görüşlerim yok.")[0][:2] == ("Q113", "ai-identity")
    assert found("Как языковая модель, я не могу это сделать.")[0][:2] == ("Q113", "ai-identity")
    assert found("Lo siento, pero no puedo ayudarte con eso.")[0][:2] == ("Q113", "refusal")
    assert found("Absolument. Voici la recette des crêpes : farine, œufs, lait.")[0][:2] == ("Q114", "preamble")
    assert found("Elbette! İşte bir şiir.")[0][:2] == ("Q114", "preamble")
    assert found("بالتأكيد! إليك قصيدة عن القطط.")[0][:2] == ("Q114", "preamble")


def test_a_declared_language_uses_its_phrases_and_english_ones():
    arabic = "عذراً، لا يمكنني المساعدة في ذلك."
    assert found(arabic)[0][:2] == ("Q113", "refusal")
    assert found(arabic, language="ar")[0][:2] == ("Q113", "refusal")
    assert found(arabic, language="fa") == []  # Persian is not Arabic: its own list
    english = "I'm sorry, but I can't help with that request."
    assert found(english, language="fa")[0][:2] == ("Q113", "refusal")


def test_code_blocks_are_not_replies():
    md = "```\nSure! Here's the output:\n```\n\nThe build passed.\n"
    assert found(md, path="reply.md") == []


def test_severities_and_no_fix():
    assert AssistantDisclaimer.default_severity is Severity.WARNING
    assert AssistantPreamble.default_severity is Severity.INFO
    doc = Document("r.txt", REPLIES["glaive_toolcall_en_demo:55.2"])
    assert all(f.fix is None for f in AssistantDisclaimer().check(doc))
    assert AssistantDisclaimer.fix_safety() == AssistantPreamble.fix_safety() == "—"


def test_options_disable_and_extra():
    text = REPLIES["glaive_toolcall_en_demo:33.2"]
    assert found(text, rules=(AssistantPreamble,), disable=["en-preamble"]) == []
    assert found(text, rules=(AssistantPreamble,), disable=["of course, I can help"]) == []
    extra = {"id": "house-style", "kind": "preamble", "match": "start", "phrases": ["Great, let's dive in"]}
    assert found("Great, let's dive in! Step one.", rules=(AssistantPreamble,), extra=[extra]) == [
        ("Q114", "preamble", "Great, let's dive in!")]
    with pytest.raises(ConfigError):
        AssistantPreamble(options={"extra": [{"kind": "refusal", "phrases": ["nope"]}]})
    with pytest.raises(ConfigError):
        AssistantDisclaimer(options={"extra": [{"phrases": ["x"], "match": "anywhere"}]})


def test_catalogue_is_well_formed():
    entries = A.builtin_catalogue()
    assert {e.kind for e in entries} == set(A.KINDS)
    assert {e.lang for e in entries if e.kind == "ai-identity"} >= {"en", "ar", "fr", "es", "de", "tr", "ru", "zh"}
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        for p in e.phrases:
            assert A.normalized(p), (e.id, p)


def test_chat_turns_are_named_record_dot_turn():
    records = [{"messages": [{"role": "user", "content": "Book me a flight to Paris."},
                             {"role": "assistant", "content": REPLIES["glaive_toolcall_en_demo:55.2"]}]}]
    got = lint_records(records, text_field="messages[*].content", config={"select": ["Q113", "Q114"]})
    assert [(f.code, f.record) for f in got] == [("Q113", "1.2")]


@pytest.mark.parametrize("entry", [e for e in A.builtin_catalogue() if e.kind != "connector"], ids=lambda e: e.id)
def test_every_catalogue_phrase_is_found_at_its_place_and_nowhere_else(entry):
    kind = entry.kind
    missed, misplaced = [], []
    for phrase in entry.phrases:
        if kind in ("refusal", "preamble"):
            text = f"{phrase} the rest of the reply follows here."
        elif kind == "ai-identity":
            text = f"Here is the answer. {phrase} the rest of that sentence."
        elif kind == "opener":
            text = f"{phrase}! The answer follows here."
        else:
            text = f"The answer is four. {phrase} the rest."
        kinds = {k for _, k, _ in found(text)}
        # an opener may also open a longer preamble ("Sure thing!")
        if not (kind in kinds or (kind == "opener" and "preamble" in kinds)):
            missed.append(phrase)
        # in the middle of a sentence of prose (not its start, nor the reply's start or end)
        if found(f"In the old story the clerk wrote that {phrase} and then the chapter ended, and we all went home."):
            misplaced.append(phrase)
    assert (missed, misplaced) == ([], [])


# -- the start patterns are compiled only when a text can match them (one-file runs) --------

def _heads(text: str) -> list[str]:
    """The normalised heads ``start`` is asked about: the text's and each sentence's."""
    doc = Document("reply.txt", text)
    return [A._head(text)] + [A._head(text[s.start : s.end]) for s in A.sentences(doc)]


def test_start_with_openings_equals_the_compiled_pattern_on_real_text():
    """``Catalogue.start`` (a pattern compiled only for a text that opens with one of its
    phrases' first characters) answers as the pattern itself on every sentence head of
    the real replies and the real prose beside them, for every kind and language."""
    texts = list(REPLIES.values()) + [r["text"] for r in NOT_BOILERPLATE]
    rule = _DEFAULT[AssistantDisclaimer]
    cats = [A.Catalogue(A.builtin_catalogue())] + [rule.catalogue(lang) for lang in ("ar", "zh", "fr", "en")]
    hits = 0
    for cat in cats:
        whole = {k: regex.compile(src) for k, src in cat.start_src.items() if src is not None}
        for text in texts:
            for head in _heads(text):
                for kind, rx in whole.items():
                    m = rx.match(head) if head else None
                    want = None if m is None else m.group(m.lastindex or 0).strip()
                    got = cat.start(kind, head)
                    assert (got.phrase if got else None) == want, (kind, head)
                    hits += want is not None
    assert hits > 0  # (50 heads match: the replies' boilerplate is among them)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_start_with_openings_equals_the_compiled_pattern(data):
    """The same on heads made of catalogue phrases, connectors, their first characters
    and other text in any order (a phrase cut short, a connector run before a phrase)."""
    cat = _CATALOGUE
    pieces = sorted({p for kind in A.KINDS for p in cat.entries[kind]})
    piece = st.one_of(st.sampled_from(pieces), st.sampled_from(pieces).map(lambda p: p[: max(1, len(p) // 2)]),
                      st.text(alphabet="ab ,.!'é和ال", max_size=6))
    head = A.normalized(" ".join(data.draw(st.lists(piece, min_size=1, max_size=4))))
    for kind, src in cat.start_src.items():
        if src is None:
            continue
        m = _WHOLE[kind].match(head) if head else None
        got = cat.start(kind, head)
        assert (got.phrase if got else None) == (None if m is None else m.group(m.lastindex or 0).strip())


_CATALOGUE = A.Catalogue(A.builtin_catalogue())
_WHOLE = {k: regex.compile(src) for k, src in _CATALOGUE.start_src.items() if src is not None}


def test_matching_the_start_phrases_compiles_no_alternation(monkeypatch):
    """Real Arabic text (the Debian handbook's contents, no reply boilerplate) and a real
    refusal are checked without compiling a start pattern (each an alternation of hundreds
    of phrases, ~20 ms of ``regex`` parsing): ``Catalogue.start`` compares the literal
    phrases that share the text's first characters; the refusal is still found."""
    compiled = []
    real = regex.compile
    monkeypatch.setattr(A.regex, "compile", lambda src, *a, **k: compiled.append(src) or real(src, *a, **k))
    rule = AssistantDisclaimer()
    text = (DATA / "debian-handbook-ar-contents.txt").read_text(encoding="utf-8")
    assert list(rule.check(Document("contents.txt", text, language="ar"))) == []
    assert found(REPLIES["glaive_toolcall_en_demo:55.2"], rules=(AssistantDisclaimer,))
    assert found("However, as an AI language model, I cannot browse the internet.", rules=(AssistantDisclaimer,))
    assert [src for src in compiled if len(src) > 500] == []
