"""Q114 on fresh37's chat records (session 50, helper s50b): an assistant turn that is nothing but
its opener, the answer missing. Real records quoted inline: fresh37's ``llm/chat.jsonl``, a user's
prompt template ("Kannst du mir erklären: {title}?", the prefix "Gerne! ") around GNOME help
pages (gnome-user-docs 43.0-2, CC-BY-SA-3.0); chatterbot-corpus 1.3.3 (BSD-3-Clause), Spanish
``conversations`` dialogue 12. See tests/data/realtext/SOURCE.md, section s50b."""

from __future__ import annotations

from corpuslint import lint_records


def chat(system: str, question: str, reply: str) -> dict:
    return {"messages": [{"role": "system", "content": system}, {"role": "user", "content": question},
                         {"role": "assistant", "content": reply}]}


RECORDS = [
    # de-net-problem, pl-net-wired, hu-disk: the prefix alone, the page's body missing
    chat("Du bist ein hilfsbereiter Assistent für den GNOME-Desktop.", "Kannst du mir erklären: netzwerkprobleme?",
         "Gerne! "),
    chat("Jesteś pomocnym asystentem środowiska GNOME.", "Czy możesz mi wyjaśnić: sieć przewodowa?", "Oczywiście! "),
    chat("Segítőkész asszisztens vagy a GNOME asztali környezethez.", "Elmagyaráznád ezt: lemezek és tárolók?",
         "Persze! "),
    # fr-files-open, its answer's first sentence: the opener opens the reply
    chat("Tu es un assistant serviable pour le bureau GNOME.",
         "Peux-tu m’expliquer : ouverture de fichiers avec une autre application ?",
         "Bien sûr ! Quand vous faites un double-clic (ou clic milieu) sur un fichier dans le gestionnaire de "
         "fichiers, il est ouvert avec l’application par défaut pour ce type de fichier."),
    # the same question answered with nothing at all
    chat("Du bist ein hilfsbereiter Assistent für den GNOME-Desktop.", "Kannst du mir erklären: netzwerkprobleme?", ""),
    # chatterbot's Spanish dialogue: "Claro." is the answer to a yes-or-no question
    {"messages": [{"role": "user", "content": "¿Puedo hacerte una pregunta?"},
                  {"role": "assistant", "content": "Claro."}]},
]


def test_q114_a_reply_that_is_only_its_opener_or_empty_has_no_answer():
    """Seven turns of fresh37's chat data are the template's prefix alone ("Gerne! ", "Oczywiście! ",
    "Persze! "): Q114 read an opener only when more followed (a one-word answer is an answer), and
    knew no Polish, Czech or Hungarian one, so they drew only W101. A turn of the assistant that is
    nothing but an exclaimed opener is reported as the whole reply, an empty one as empty; "Claro."
    answering a yes-or-no question (no "!") is still an answer."""
    found = lint_records(RECORDS, text_field="messages[*].content", config={"select": ["Q114"], "cache": False})
    assert [(f.record, f.message.split(" (catalogue")[0]) for f in found] == [
        ("1.3", "assistant opener `Gerne!` is the whole reply: no answer follows"),
        ("2.3", "assistant opener `Oczywiście!` is the whole reply: no answer follows"),
        ("3.3", "assistant opener `Persze!` is the whole reply: no answer follows"),
        ("4.3", "assistant opener `Bien sûr !` opens the reply"),
        ("5.3", "assistant reply is empty: no answer"),
    ]
