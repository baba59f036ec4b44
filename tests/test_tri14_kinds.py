"""False-alarm kinds read by hand on LLaMA-Factory's chat demos rebuilt one example a record
(corpus chat-llamafactory: DPO, KTO and Glaive function-calling demos, Apache-2.0 package
data), and fresh13's leftovers (LibreOffice 7.4 Hindi help, MPL-2.0; GNOME help in Greek,
CC-BY-SA-3.0), each kind next to the real defect still reported. Sources:
tests/data/realtext/SOURCE.md."""

from __future__ import annotations

import json

from corpuslint import lint_text

from .conftest import run_json

NO_CACHE = {"cache": False}


def spans(code: str, text: str, path: str = "page.txt") -> list[str]:
    return [text[f.start : f.end] for f in lint_text(text, path=path, config={"select": [code], **NO_CACHE})]


# -- W114: tokenized text, every mark a token ------------------------------------------

# prompts of the DPO/KTO demos that quote an NLP data set's tokenized sentences
TOKENIZED = [
    # sentence simplification (dpo_en_demo 202): a clitic split off ("admiral 's")
    "PROBLEM: however , admirals have always needed additional facilities ; a meeting room large enough to hold "
    "all the captains of the fleet , and a place for the admiral 's staff to make plans and draw up orders.",
    # a story continued (dpo_en_demo 289): Penn Treebank quotes
    "Continue writing the following text: `` well , mostly portraits , '' soren answered . a faint smile shaded "
    "his lips . `` he actually painted one of you , with me describing the way you looked in your first "
    "lifetime . ''",
    # a blog post (kto_en_demo 111): "we ' ve", "( orange ... )"
    "Then we came back to the hotel for some time out before dinner . For dinner we went to Markus ir Ko - "
    "supposedly Lithuanian style food . I had roast veal with chanterelles ( orange coloured mushrooms we ' ve "
    "seen since Finland ) . David had an English pepper steak . The meal was good but expensive .",
    # a detokenization task's input (dpo_zh_demo 236): no clitic, every mark spaced, the stop too
    "Q: The adult literacy program Read Santa Clara marked its tenth anniversary today with a gathering of program "
    "participants , staff , and supporters from the community .",
    # AnCora-style Catalan (dpo_en_demo 198)
    "Input: La promotora Garraf Mediterrània SA és una societat participada per les empreses promotores "
    "Qualitat Promocions SCCL ; Qualitat Obres SL ____ i Raiding SA ; a més de les entitats financeres Caixa "
    "Manresa i Caixa de Sabadell .",
]

# the same corpus's stray spaces, one in a line of ordinary punctuation
STRAYS = {
    "You are given a statement written in Gujarati. Choose the most logical word from the given 4 options which "
    "can be used to replace the <MASK> token in the statement. Output the word from the correct option .": " ",
    "The answer: Lebanon , Kansas.": " ",
    "was there a step after 4 ?": " ",
    "If you ask teachers and management , you'll get conflicting answers. The curriculum": " ",
}


def test_w114_a_tokenized_line_is_not_a_stray_space():
    for line in TOKENIZED:
        assert spans("W114", line + "\n") == [], line


def test_w114_a_stray_space_is_still_reported():
    for line, span in STRAYS.items():
        assert spans("W114", line + "\n") == [span], line
    # C4 debris (a link's text stripped: corpus llm-data-llamafactory, labelled tp): one
    # clitic, one spaced mark
    assert spans("W114", "Think 's , which is a masterful, humorous, knowledgeable take on these.\n") == [" "]
    # a writer's habit, two marks and no tokenizer's sign (chatterbot's Marathi, fortunes-ru
    # computer: both labelled tp)
    assert spans("W114", "नंतर , आपण काय आहत ?\n") == [" ", " "]
    assert spans("W114", "Пропала несущая ? Заплатите налоги !\n") == [" ", " "]
    # Arabic written with every comma spaced (the rule's own example) is no tokenizer's work
    assert spans("W114", "قال الوزير ، ثم أضاف ، وقال .\n") == [" ", " ", " "]


# -- A111: the structure a line of symbols belongs to -----------------------------------

SETEXT = ("\n自我照顾的心理方面\n-------------------------------\n\n让我们从自我照顾的心理方面开始。心理健康和身体健康"
          "一样重要，但往往被忽视。\n")  # dpo_zh_demo 207, an answer
SETEXT_EN = ("Here's an updated outline that includes DBSCAN:\n\nOutline of functionality\n------------------------\n\n"
             "1. Detect faces in the frame\n2. For each face, extract their face embedding\n")  # dpo_en_demo 171
SUM = ("To find the solution for 472547338 + 960397912423686, simply add the two numbers together:\n\n472547338\n"
       "+960397912423686\n-------\n1007411131329104\n\nSo the sum is 1007411131329104.\n")  # dpo_en_demo 145
POWERSHELL = ('if ($currentProcessId -eq $foregroundProcessId) {\n    Write-Warning "The active window belongs to the '
              'current process, cannot switch tab."\n    return\n}\n\n$wbem = [System.Managementxp:WbemScripting.'
              "SWbemLocator]::Connect()\n")  # kto_en_demo 268, code in an answer without a fence
PYTHON = ("def check_cpu_usage():\n    cpu_percent = psutil.cpu_percent(interval=1)\n    if cpu_percent > CPU_THRESHOLD:\n"
          "        send_email(\n            f'High CPU Usage Alert ({cpu_percent}%)',\n"
          "            f'The CPU usage has exceeded the threshold of {CPU_THRESHOLD}%.'\n        )\n")  # dpo_en_demo 31
# LibreOffice 7.4 Hindi help, scalc/01/12090103 (the operators of a filter's conditions)
OPERATORS = ("Conditions:\n\n=\n\nके बराबर\n\n<\n\nसे कम\n\n>\n\nसे बड़ा\n\n<=\n\nसे कम है या समान है\n\n>=\n\n"
             "से बड़ा है या समान है\n\n<>\n\nnot equal to\n")


def test_a111_structure_is_not_debris():
    for text in (SETEXT, SETEXT_EN, SUM, POWERSHELL, PYTHON, OPERATORS):
        assert spans("A111", text) == [], text


def test_a111_debris_is_still_reported():
    assert spans("A111", "Yellow\n .\n") == ["."]  # glaive_toolcall_en_demo 124: a stray dot
    # dpo_en_demo 296: an empty list item where the answer was cut off
    assert spans("A111", "1. Regularization:\n\t* L1 and L2 regularization can be used to penalize large weights."
                         "\n2. Early stopping:\n\t*\n") == ["*"]
    # one operator alone is no list of operators; a rule under a paragraph is no heading
    assert spans("A111", "The result is below.\n\n<=\n\nThat is all.\n") == ["<="]
    assert spans("A111", "We went home and then we slept for a long time.\n-----\n\nNext day.\n") == ["-----"]


# -- D107 clusters: every copy of a record copied whole ---------------------------------

PASSWORD = {"messages": [
    {"role": "user", "content": "Hi, I need a new password. Can you generate one for me?"},
    {"role": "assistant", "content": "Of course, I can help with that. How long would you like your password to be?"},
    {"role": "user", "content": "I would like it to be 12 characters long."},
    {"role": "function_call", "content": '{"name": "generate_password", "arguments": {"length": 12}}'},
    {"role": "observation", "content": '{"password": "aB3#fG7!kL9@"}'},
    {"role": "assistant", "content": "Here is your new password: aB3#fG7!kL9@. Please make sure to save it in a "
                                     "secure place."},
]}


def test_a_record_copied_three_times_is_d107_only(tmp_path):
    # glaive_toolcall_en_demo holds this example three times (49, 102, 218): D107 reports 102
    # and 218 against 49, and D104 on 218's turns against 102's is the same copy
    other = {"messages": [{"role": "user", "content": "What is the weather like in Paris today, please?"},
                          {"role": "assistant", "content": "I am sorry, but I cannot check the weather right now "
                                                           "for you, I have no such function."}]}
    lines = [PASSWORD, other, PASSWORD, other, PASSWORD]
    (tmp_path / "chat.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    _, data = run_json("--select", "D104,D105,D107", "--text-field", "messages[*].content", "chat.jsonl", cwd=tmp_path)
    codes = sorted((d["code"], d["record"]) for d in data["diagnostics"])
    assert codes == [("D107", "3.1"), ("D107", "4.1"), ("D107", "5.1")], codes


# -- fresh13's leftovers ---------------------------------------------------------------

def test_s104_a_noun_then_its_capitalised_name():
    # LibreOffice 7.4 help (scalc/01/04060181, statistics_sampling): a parameter, a label
    assert spans("S104", "Returns the number of empty cells in the cell range Range.\n") == []
    assert spans("S104", "Samples are not put back to the population (exclusive with With replacement).\n") == []
    # Debian Administrator's Handbook (sect.x509-cert): the generated cross-reference label
    # repeats the prose's noun, a real doubling (labelled tp)
    assert spans("S104", "They want to use it for a VPN server (see section Section 10.3, \u201cVirtual Private "
                         "Network\u201d).\n") == ["section Section"]
    # kto_en_demo 95: a slip, still reported
    assert spans("S104", "the villagers thought each was was the BEST or the WORST, and the wise man only said "
                         "\u201cMaybe\u201d.\n") == ["was was"]


def test_a103_see_also_over_the_names_it_lists():
    # LibreOffice 7.4 help scalc/01/04060110: a heading over the function it names
    assert spans("A103", "=BASE(255;16;4) returns 00FF in the hexadecimal system.\n\nSee also\n\nDECIMAL\n\n"
                         "Technical information\n") == []
    # common_func: the label whose links were lost stays reported
    assert spans("A103", "Technical information\n\nSee also\n\nThis function is not part of the Open Document "
                         "Format for Office Applications (OpenDocument) Version 1.3.\n") == ["See also"]


# GNOME help in Greek (gnome-user-docs 43.0, el: headings that ask; U+037E written as ";")
GREEK_QUESTIONS = ["Γιατί πρέπει να προσθέσω έναν λογαριασμό;", "Ποια όργανα μέτρησης χρώματος υποστηρίζονται;",
                   "Πώς βαθμονομώ τον σαρωτή μου;", "Τι είναι ένα προφίλ χρώματος;"]


def test_q104_a_greek_question_ends_with_a_semicolon():
    from corpuslint_quality.rules import _terminals, _terminated

    terminal = _terminals("…،؛", True)
    assert all(_terminated(q, terminal) for q in GREEK_QUESTIONS)
    assert not _terminated("int x = 1;", terminal) and not _terminated("a = b;", terminal)  # code keeps its ";"
    assert lint_text("\n".join(GREEK_QUESTIONS) + "\n", path="el.txt", config={"select": ["Q104"], **NO_CACHE}) == []
