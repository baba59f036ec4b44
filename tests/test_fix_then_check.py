"""Property (hypothesis; small generated folders with fixable whitespace and lines shared
across files, some files checked and some only in the corpus): the findings ``check --fix``
reports are those of a from-scratch ``check`` of the fixed folder, with and without the
corpus index (written by inc25; the re-lint that --fix runs must never report stale findings).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from corpuslint.engine import build_registry, run

WORDS = ["news", "the", "river", "market", "closed", "early", "today", "city", "council", "voted",
         "الخبر", "المدينة", "السوق", "اليوم"]
SHARED = ["Subscribe to our newsletter for more stories every day", "All rights reserved by the publisher here",
          "the river market closed early today after the council voted on the plan"]
TAILS = ["", "", " ", "\u00a0", "\t", "  "]

line = st.one_of(
    st.tuples(st.lists(st.sampled_from(WORDS), min_size=3, max_size=9).map(" ".join), st.sampled_from(TAILS)),
    st.tuples(st.sampled_from(SHARED), st.sampled_from(TAILS)),
)
document = st.tuples(st.lists(line, min_size=1, max_size=8), st.sampled_from(["\n", "\n\n", "", "\n\n\n\n"])).map(
    lambda d: "\n\n".join(text + tail for text, tail in d[0]) + d[1])
folder = st.tuples(st.lists(document, min_size=2, max_size=5), st.lists(document, min_size=0, max_size=3))

_REGISTRIES: dict[bool, tuple] = {}


def _registry(cache: bool):
    if cache not in _REGISTRIES:
        _REGISTRIES[cache] = build_registry(["."], table={"cache": cache, "extend-select": ["D104", "D106"]})
    return _REGISTRIES[cache]


def _write(root: Path, checked: list[str], beyond: list[str]) -> Path:
    (root / "checked").mkdir()
    (root / "other").mkdir()
    for i, text in enumerate(checked):
        (root / "checked" / f"c{i}.txt").write_bytes(text.encode("utf-8"))
    for i, text in enumerate(beyond):
        (root / "other" / f"o{i}.txt").write_bytes(text.encode("utf-8"))
    return root / "checked"


def _findings(result) -> list[str]:
    return sorted(json.dumps([f.path, f.line, f.column, f.end_line, f.end_column, f.code, f.message,
                              [(r.path, r.line, r.column) for r in f.related]], ensure_ascii=False)
                  for f in result.findings)


def _fix_then_check(checked: list[str], beyond: list[str], cache: bool) -> tuple[list[str], list[str], int]:
    config, registry = _registry(cache)
    with tempfile.TemporaryDirectory() as d:
        config.root = d
        target = str(_write(Path(d), checked, beyond))
        fixed = run([target], config, registry, fix=True)
        again = run([target], config, registry)
        return _findings(fixed), _findings(again), fixed.fixed


SETTINGS = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(folder)
def test_fix_reports_what_a_check_of_the_fixed_folder_finds_without_the_index(texts):
    after_fix, fresh, _ = _fix_then_check(*texts, cache=False)
    assert after_fix == fresh


@SETTINGS
@given(folder)
def test_fix_reports_what_a_check_of_the_fixed_folder_finds_with_the_index(texts):
    after_fix, fresh, _ = _fix_then_check(*texts, cache=True)
    assert after_fix == fresh
