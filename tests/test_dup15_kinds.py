"""False-alarm kinds of the warning rules D103, D104, D105 and A111 on real text, each next
to the real defect still reported: turns of LLaMA-Factory's chat demos (corpus
chat-llamafactory: Glaive function calling, DPO and KTO demos, Apache-2.0 package data)
and Sunan Abu Dawud (corpus hadith-abudawud, public domain). Sources:
tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from corpuslint import lint_records, lint_text
from corpuslint.readers.base import ReaderOptions, in_memory_records, unique_records

NO_CACHE = {"cache": False}
TURNS = "messages[*].content"


def codes(records, select, field=TURNS):
    found = lint_records(records, text_field=field, config={"select": select, **NO_CACHE})
    return sorted((f.code, str(f.record)) for f in found)


def spans(code: str, text: str, path: str = "page.txt") -> list[str]:
    return [text[f.start : f.end] for f in lint_text(text, path=path, config={"select": [code], **NO_CACHE})]


def msgs(*pairs):
    return {"messages": [{"role": r, "content": c} for r, c in pairs]}


WELCOME = "You're welcome! If you have any other questions, feel free to ask."

# glaive_toolcall_en_demo 108 (stock prices) and 114 (distances), verbatim: two different
# dialogues closed by the same exchange ("Thank you for the information." / WELCOME)
STOCKS = msgs(*[('user', "Hi, can you tell me the current price of Apple's stock?"), ('function_call', '{"name": "get_stock_price", "arguments": {"stock_symbol": "AAPL"}}'), ('observation', '{"stock_price": "145.09"}'), ('assistant', "The current price of Apple's stock (AAPL) is $145.09."), ('user', "That's great. Can you also tell me the current price of Microsoft's stock?"), ('function_call', '{"name": "get_stock_price", "arguments": {"stock_symbol": "MSFT"}}'), ('observation', '{"stock_price": "216.54"}'), ('assistant', "The current price of Microsoft's stock (MSFT) is $216.54."), ('user', 'Thank you for the information.'), ('assistant', "You're welcome! If you have any other questions, feel free to ask.")])
DISTANCES = msgs(*[('user', 'Hi, I need to know the distance between New York and Los Angeles.'), ('function_call', '{"name": "calculate_distance", "arguments": {"origin": "New York", "destination": "Los Angeles"}}'), ('observation', '{"distance": 2448.5, "unit": "miles"}'), ('assistant', 'The distance between New York and Los Angeles is approximately 2448.5 miles.'), ('user', "That's quite far. What about the distance between London and Paris?"), ('function_call', '{"name": "calculate_distance", "arguments": {"origin": "London", "destination": "Paris"}}'), ('observation', '{"distance": 213.7, "unit": "miles"}'), ('assistant', 'The distance between London and Paris is approximately 213.7 miles.'), ('user', 'Thank you for the information.'), ('assistant', "You're welcome! If you have any other questions, feel free to ask.")])
# glaive_toolcall_en_demo 170 and 201, verbatim: the same request, call and result, then
# other rates and another "thank you"
CURRENCY = msgs(*[('user', 'Hi, I need to convert 1000 USD to Euros. Can you help me with that?'), ('function_call', '{"name": "convert_currency", "arguments": {"amount": 1000, "from_currency": "USD", "to_currency": "EUR"}}'), ('observation', '{"converted_amount": 850.50, "from_currency": "USD", "to_currency": "EUR"}'), ('assistant', 'Sure, 1000 USD is approximately 850.50 Euros.'), ('user', 'Great, thanks! Now, can you convert 5000 Japanese Yen to British Pounds?'), ('function_call', '{"name": "convert_currency", "arguments": {"amount": 5000, "from_currency": "JPY", "to_currency": "GBP"}}'), ('observation', '{"converted_amount": 34.20, "from_currency": "JPY", "to_currency": "GBP"}'), ('assistant', '5000 Japanese Yen is approximately 34.20 British Pounds.'), ('user', "That's helpful. Thank you!"), ('assistant', "You're welcome! If you have any other questions, feel free to ask.")])
CURRENCY_AGAIN = msgs(*[('user', 'Hi, I need to convert 1000 USD to Euros. Can you help me with that?'), ('function_call', '{"name": "convert_currency", "arguments": {"amount": 1000, "from_currency": "USD", "to_currency": "EUR"}}'), ('observation', '{"converted_amount": 850.50, "from_currency": "USD", "to_currency": "EUR"}'), ('assistant', 'Sure, 1000 USD is approximately 850.50 Euros.'), ('user', 'Great, thanks! Now, can you convert 5000 Japanese Yen to British Pounds?'), ('function_call', '{"name": "convert_currency", "arguments": {"amount": 5000, "from_currency": "JPY", "to_currency": "GBP"}}'), ('observation', '{"converted_amount": 34.25, "from_currency": "JPY", "to_currency": "GBP"}'), ('assistant', '5000 Japanese Yen is approximately 34.25 British Pounds.'), ('user', 'Thank you for your help!'), ('assistant', "You're welcome! If you have any other questions, feel free to ask.")])


def test_d104_a_canned_closing_exchange_of_two_dialogues_is_not_a_copy():
    assert STOCKS["messages"][9]["content"] == DISTANCES["messages"][9]["content"] == WELCOME
    assert codes([STOCKS, DISTANCES], ["D104"]) == []


def test_d104_the_same_conversation_in_two_examples_is_still_reported():
    found = codes([CURRENCY, CURRENCY_AGAIN], ["D104"])
    assert ("D104", "2.2") in found and ("D104", "2.3") in found, found  # the call and the result
    assert ("D104", "2.10") not in found  # WELCOME, after another "thank you"
    # an example repeated turn for turn but for its first question (glaive_toolcall_zh_demo 93
    # and 5, the first question left in English): the reply two turns on is still the copy
    pasta = [("user", "番茄酱意大利面或通心粉？"), ("assistant", "意大利面。"),
             ("user", "还有哪些其他类型的意大利面通常搭配番茄酱食用？"),
             ("assistant", "其他常与番茄酱汁搭配食用的意大利面种类包括螺旋粉、管形面、蝴蝶面和螺丝粉。这些意大利面形状的凹槽和缝隙能够"
                           "锁住酱汁，让你在每一口中都能享受到番茄酱汁的完整风味。")]
    english = [("user", "Spaghetti or penne with tomato sauce")] + pasta[1:]
    assert codes([msgs(*pasta), msgs(*english)], ["D104"]) == [("D104", "2.4")]


# kto_en_demo 37 and 103, verbatim (the completions cut after their opening sentence): one
# KTO prompt (five turns), two completions
ONCE = [('user', 'To what type of sentence does the word "once" belong?'), ('assistant', 'The word "once" can belong to different types of sentences, depending on its usage. For instance:\n\n1. If "once" is used as an adverb meaning "at some time in the past," it can belong to a simple past sentence. Example: She once lived in France.\n2. If "once" is used as a conjunction meaning "as soon as," it can belong to a complex sentence. Example: Once I finish this task, I\'ll take a break.\n3. If "once" is used to mean "in the past, formerly," it can belong to a narrative sentence. Example: Once upon a time, there was a king who ruled a large kingdom.'), ('user', 'Considering the various uses of "once" in different sentence structures, can you formulate a sentence where "once" is used as a preposition to indicate a specific point in time, and explain your reasoning behind the sentence structure?'), ('assistant', 'Sure, here\'s an example: "Once a week, we have a team meeting."\n\nIn this sentence, "once" is used as a preposition to indicate a specific frequency in time - that is, the team meeting happens one time per week. The structure of the sentence is such that "once a week" is the prepositional phrase acting as an adverbial phrase of time, modifying the main clause "we have a team meeting." This tells us when the action of the main clause occurs.'), ('user', 'Elaborate on the differences between "once" used as a preposition and "once" used as an adverb.')]
DESIRABLE = ('assistant', 'Certainly! Here are some key differences between using "once" as a preposition and using "once" as an adverb:\n\n1. Function:')
UNDESIRABLE = ('assistant', 'When comparing the usage of "once" as a preposition versus its use as an adverb, it is important to highlight how they function syntactically and semantically in different situations within a sentence.')


def test_d104_d105_the_prompt_a_kto_example_shares_with_another_completion_takes_no_part():
    good = dict(msgs(*ONCE, DESIRABLE), label=True)
    bad = dict(msgs(*ONCE, UNDESIRABLE), label=False)
    assert codes([good, bad], ["D104", "D105"]) == []
    # the same conversation without the KTO flag (supervised examples): the prompt twice is reported
    assert ("D105", "2.2") in codes([msgs(*ONCE, DESIRABLE), msgs(*ONCE, UNDESIRABLE)], ["D104", "D105"])
    # a KTO example given twice, completion and all, is still reported (D107: the record twice)
    assert codes([good, dict(good)], ["D104", "D105", "D107"]) == [("D107", "2.1")]


def test_preference_prompt_turns_and_context_of_a_turn():
    options = ReaderOptions(text_field=TURNS)

    def prev(records):
        return [d.previous_turn for _, d in unique_records("d.jsonl", in_memory_records(records, options),
                                                           by_id=False)]

    kto = prev([dict(msgs(*ONCE, DESIRABLE), label=True)])
    assert kto[:5] == [""] * 5 and kto[5] != ""  # the completion is compared, after its prompt
    dpo = prev([dict(msgs(*ONCE), chosen=DESIRABLE[1], rejected=UNDESIRABLE[1])])
    assert dpo == [""] * 5  # the whole list is the prompt of a DPO pair
    # a turn's context is the exchange before it: the same "Thank you" after another answer differs
    a, b = prev([STOCKS]), prev([DISTANCES])
    assert a[0] == b[0] == "" and a[1] != ""  # the turn after the opening one: after that turn only
    assert a[5] != b[5]  # "You're welcome!" after "Thank you for the information." after another answer


# -- D105: one hadith narrated through two chains --------------------------------------

# Sunan Abu Dawud, records 184 and 493 (Arabic, fully vocalised), verbatim: one chain of
# narrators, four questions in 184, the last two of them in 493 (another chapter)
HADITH_184 = 'حَدَّثَنَا عُثْمَانُ بْنُ أَبِي شَيْبَةَ، حَدَّثَنَا أَبُو مُعَاوِيَةَ، حَدَّثَنَا الأَعْمَشُ، عَنْ عَبْدِ اللَّهِ بْنِ عَبْدِ اللَّهِ الرَّازِيِّ، عَنْ عَبْدِ الرَّحْمَنِ بْنِ أَبِي لَيْلَى، عَنِ الْبَرَاءِ بْنِ عَازِبٍ، قَالَ سُئِلَ رَسُولُ اللَّهِ صلى الله عليه وسلم عَنِ الْوُضُوءِ مِنْ لُحُومِ الإِبِلِ فَقَالَ \u200f"\u200f تَوَضَّئُوا مِنْهَا \u200f"\u200f \u200f.\u200f وَسُئِلَ عَنْ لُحُومِ الْغَنَمِ فَقَالَ \u200f"\u200f لاَ تَتَوَضَّئُوا مِنْهَا \u200f"\u200f \u200f.\u200f وَسُئِلَ عَنِ الصَّلاَةِ فِي مَبَارِكِ الإِبِلِ فَقَالَ \u200f"\u200f لاَ تُصَلُّوا فِي مَبَارِكِ الإِبِلِ فَإِنَّهَا مِنَ الشَّيَاطِينِ \u200f"\u200f \u200f.\u200f وَسُئِلَ عَنِ الصَّلاَةِ فِي مَرَابِضِ الْغَنَمِ فَقَالَ \u200f"\u200f صَلُّوا فِيهَا فَإِنَّهَا بَرَكَةٌ \u200f"\u200f \u200f.\u200f'
HADITH_493 = 'حَدَّثَنَا عُثْمَانُ بْنُ أَبِي شَيْبَةَ، حَدَّثَنَا أَبُو مُعَاوِيَةَ، حَدَّثَنَا الأَعْمَشُ، عَنْ عَبْدِ اللَّهِ بْنِ عَبْدِ اللَّهِ الرَّازِيِّ، عَنْ عَبْدِ الرَّحْمَنِ بْنِ أَبِي لَيْلَى، عَنِ الْبَرَاءِ بْنِ عَازِبٍ، قَالَ سُئِلَ رَسُولُ اللَّهِ صلى الله عليه وسلم عَنِ الصَّلاَةِ فِي مَبَارِكِ الإِبِلِ فَقَالَ \u200f"\u200f لاَ تُصَلُّوا فِي مَبَارِكِ الإِبِلِ فَإِنَّهَا مِنَ الشَّيَاطِينِ \u200f"\u200f \u200f.\u200f وَسُئِلَ عَنِ الصَّلاَةِ فِي مَرَابِضِ الْغَنَمِ فَقَالَ \u200f"\u200f صَلُّوا فِيهَا فَإِنَّهَا بَرَكَةٌ \u200f"\u200f \u200f.\u200f'


def test_d105_a_hadith_through_two_chains_is_the_collections_design():
    assert codes([{"text": HADITH_184}, {"text": HADITH_493}], ["D105"], field="text") == []
    # the same two records without their vowel marks (read as prose): a near-duplicate, reported
    bare = [{"text": "".join(c for c in t if not "\u064b" <= c <= "\u0652")} for t in (HADITH_184, HADITH_493)]
    assert codes(bare, ["D105"], field="text") == [("D105", "2")]


# -- A111: a chat turn's separators -----------------------------------------------------

def test_a111_a_separator_in_a_chat_turn_is_markdown():
    # dpo_zh_demo 115 (a few-shot prompt, "----" between question and answer), kto_en_demo 227
    few_shot = ("问题：死亡谷位于北美洲的哪里？选项：- 国家 - 大陆 - 西弗吉尼亚州 - 山区 - 山地区 答案是“大陆”，因为\n----\n"
                "答案：大陆是一片广阔的陆地\n\n\n问题：詹姆斯对莎拉并不怎么尊重。他对她说话是怎样的？选项：- 侮辱 - 轻蔑 - 憎恶 - 安静地 - "
                "忽视 答案是“侮辱”，因为\n----\n答案：不尊重意味着不太喜欢某人。\n")
    task = 'Given a sentence, judge the quality of this sentence by indicating "Good" and "Bad". The quality depends on the grammar and the meaning of the sentence. If a sentence is easily understandable, and doesn\'t have grammatical errors, answer with "Good", otherwise answer with "Bad".\n--------\nQuestion: Some of the faculty have contributed to the Friends account this year but many have not. Support from the faculty is important to demonstrate to the community our own commitment to the goals of Friends.\n'  # (its first three lines)
    assert codes([msgs(("user", few_shot), ("assistant", "答案：昂贵表示价格高昂。"))], ["A111"]) == []
    assert codes([msgs(("user", task), ("assistant", "Good"))], ["A111"]) == []
    # the same separator in a scraped page (no role) is still debris
    assert spans("A111", task) == ["--------"]
    # kto_en_demo 55: a Python cell marker in code pasted without a fence
    code = 'I have the following code:\n#%% Generate geoTiffs with index values based on one large geotiff with all individual bands\nimport rasterio\nplt.imshow(ndvi\\_gaussianFiltered)\n\n#%%\n\nimport jenkspy\n'  # (lines 1-3 and 52-56)
    assert codes([msgs(("user", code), ("assistant", "Sure."))], ["A111"]) == []
    # what a chat turn still reports: a stray dot, an empty list item (labelled tp)
    assert codes([msgs(("user", "What colour is a banana?"), ("assistant", "Yellow\n .\n"))], ["A111"]) == [
        ("A111", "1.2")]
    assert codes([msgs(("user", "List ways to avoid overfitting."),
                       ("assistant", "1. Regularization:\n\t* L1 and L2 regularization can be used to penalize "
                                     "large weights.\n2. Early stopping:\n\t*\n"))], ["A111"]) == [
        ("A111", "1.2")]


# -- D103: a parallel statement about another thing -------------------------------------

# glaive_toolcall_en_demo 104 and 261, kto_en_demo 147: answers that define two things in one frame
PRECISION = ("Precision and recall are two common measures used to evaluate the performance of a classification "
             "model. Precision is defined as the number of true positives divided by the sum of true positives and "
             "false positives. In other words, it measures how many of the items predicted to be positive are "
             "actually positive. Recall, on the other hand, is the number of true positives divided by the sum of "
             "true positives and false negatives. It measures how many of the actual positive items were correctly "
             "identified by the model.\n")
DESCENT = ("However, there are several variations of gradient descent that can be used to improve its performance. "
           "One such variation is stochastic gradient descent (SGD), which uses a random subset of the training data "
           "(known as a mini-batch) to compute the gradient at each step, rather than the entire training set. This "
           "allows SGD to converge faster than the basic gradient descent algorithm.\n\nAnother variation is "
           "mini-batch gradient descent, which uses a fixed-size batch of training examples to compute the gradient "
           "at each step. This strikes a balance between the efficiency of SGD and the stability of the basic "
           "gradient descent algorithm.\n")


def test_d103_a_parallel_statement_about_another_thing_is_no_restatement():
    for text in (PRECISION, DESCENT):
        assert spans("D103", text) == [], text[:60]
    # the same sentence announced as a restatement ("In other words") is reported
    again = PRECISION.replace("Recall, on the other hand, is", "In other words, recall is")
    assert spans("D103", again) == [
        "In other words, recall is the number of true positives divided by the sum of true positives and false "
        "negatives."]
