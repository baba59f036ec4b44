"""Kinds left from the last stop (left16), each next to a real finding of the same rule
still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

import json

from .conftest import run_json


def _line(record) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def _jsonl(tmp_path, *records, name: str = "chat.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"".join(_line(r) + b"\n" for r in records))
    return path


# -- plugin Q104/Q109: a user's turn is the model's input --------------------------------

# chatterbot-corpus (BSD-3-Clause), english/ai.yml as chat-chatterbot stores it: a
# user's question typed without its question mark, then the bot's answer
ROBOT = [{"id": "ai:58:0", "role": "user", "text": "What is your robot body"},
         {"id": "ai:58:1", "role": "assistant", "text": "An IBM PC XT which has been painted red."}]
# fresh15's sharegpt-ru (manpages-l10n 4.18.1, GPL-3+): rpc(5)'s example file flattened
# into a reply (no line ends in a mark: what Q104 is for), and pthreads(7)'s list of
# attributes cut from its lead-in (a reply made of bullets alone: what Q109 is for)
RPC_REPLY = ("# # rpc 88/08/01 4.0 RPCSRC; from 1.12   88/02/07 SMI # portmapper      100000  portmap sunrpc "
             "rstatd          100001  rstat rstat_svc rup perfmeter rusersd         100002  rusers nfs             "
             "100003  nfsprog ypserv          100004  ypprog mountd          100005  mount showmount")
PTHREADS_REPLY = ("•  Идентификатор группы процессов и сеанса\n\n•  Управляющий терминал\n\n"
                  "•  Идентификаторы пользователя и группы\n\n•  Открытые файловые дескрипторы\n\n"
                  "•  Обычные блокировки (смотрите fcntl(2))\n\n•  Обработчики сигналов")
# LLaMA-Factory's glaive_toolcall_zh_demo (Apache-2.0), example 49: the user's request
# is four numbered questions
WIND = [{"role": "user", "content": "1. 你能想出不同种类的文学手法来传达风在不同环境中的力量吗，除了比喻手法之外？\n"
                                    "2. 分析一下句子“风是一位无情的主人”在沙漠或海洋环境中变化的意义。\n"
                                    "3. 分享你对自然，特别是火和水，如何影响人类情感和体验的看法。\n"
                                    "4. 最后，比较和对比不同语言形式在表达自然力量这一主题上的有效性。你能提供一个包含这一主题的谜语吗？"},
        {"role": "assistant", "content": PTHREADS_REPLY}]


def test_unterminated_user_turn_is_not_measured_but_a_reply_is(tmp_path):
    records = [*ROBOT, {"id": "rpc.5:0", "role": "user", "text": "Расскажи подробнее."},
               {"id": "rpc.5:1", "role": "assistant", "text": RPC_REPLY}]
    path = _jsonl(tmp_path, *records)
    _, report = run_json("--select", "Q104", "--id-field", "id", str(path))
    # lead: "What is your robot body" (a user's question) was reported too
    assert [f["record"] for f in report["diagnostics"]] == ["rpc.5:1"]


def test_bulleted_user_turn_is_not_measured_but_a_bulleted_reply_is(tmp_path):
    path = _jsonl(tmp_path, {"messages": WIND})
    _, report = run_json("--select", "Q109", "--text-field", "messages[*].content", str(path))
    # lead: the user's four numbered questions (1.2 is the reply) were reported too
    assert [f["record"] for f in report["diagnostics"]] == ["1.2"]
