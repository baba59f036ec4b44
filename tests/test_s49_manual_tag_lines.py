"""W103 on a rendered manual's tag lines (session 49, the lead): procfs(5) in Russian
(manpages-ru 4.18.1-1, GPL-3+; fresh33's rendering, groff -Tutf8: its header and lines 1563-1579,
quoted inline): a ``.TP`` tag set with groff's unpaddable spaces, "(38) exit_signal  %d  (since
Linux 2.1.22)", is the page's layout; a double space in the text under it is still reported."""

from __future__ import annotations

from corpuslint import lint_text

PROCFS_RU = """\
proc(5)                       File Formats Manual                      proc(5)



ИМЯ
       proc - псевдо-файловая система с информацией о процессах

ОПИСАНИЕ
       Файловая   система   proc   —   это  псевдо-файловая  система,  которая
       предоставляет  интерфейс  к  структурам  данных   ядра.   Обычно,   она
       монтируется  в /proc и это выполняется системой автоматически, но также
       можно монтировать её вручную с помощью команды:

              (37) cnswap  %lu
                     () Суммарное значение nswap  для  процессов-потомков  (не
                     сопровождается).

              (38) exit_signal  %d  (since Linux 2.1.22)
                     Сигнал,  который  будет  послан  родителю,  когда процесс
                     завершит работу.

              (39) processor  %d  (начиная с Linux 2.2.8)
                     Номер процессора, на  котором  последний  раз  выполнялся
                     процесс.

              (40) rt_priority  %u  (начиная с Linux 2.5.19)
                     Приоритет   выполнения   в  реальном  времени,  число  из
                     диапазона  от  1  до  99  для  процессов  запланированных
                     выполняться согласно политике реального времени или 0 для
                     процессов,  выполняющихся  не  в  реальном  времени  (см.
"""


def w103(text: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in lint_text(text, path="ru/man/procfs.5.txt",
                                                  config={"select": ["W103"], "cache": False})]


def test_a_rendered_manuals_tag_lines_keep_their_spaces():
    assert w103(PROCFS_RU) == []


def test_the_same_lines_outside_a_rendered_manual_are_still_reported():
    # without the page's outline (its header, section names at the margin over indented bodies)
    # the lines are no manual's tags: their double spaces are reported as before
    body = PROCFS_RU.split("\n\n\n\n", 1)[1].split("\n\n", 2)[2]
    assert body.lstrip().startswith("(37) cnswap")
    assert len(w103(body)) >= 4
