"""fresh35: W111 on the bidi controls of Firefox's Persian (and Urdu) interface strings.

Records of Debian ``firefox-esr-l10n-fa`` / ``-ur`` 153.8.0esr (MPL-2.0), the Fluent
messages as fresh35's ``datasets/firefox_ui_strings.jsonl`` holds them
(``tests/data/realtext/firefox-fa-necko-bidi-embeddings.jsonl``).

necko.ftl's status messages wrap the string in an RLE and the host name in an LRE, each
closed by its PDF (``\\u202bدر انتظار \\u202a{ $host }\\u202c…\\u202c``): balanced, nested,
a left-to-right placeholder set in right-to-left text; a translator's display fix, not
reported. The unbalanced ones are: an RLE never closed (``looked-up``, ``aboutDialog``), an
LRE at the string's end with nothing to embed (Urdu), a PDF with no embedding open before
an LRE (``connection-proxy-noproxy-desc``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpuslint import lint_text

from .test_fixa19_kinds import in_records

REAL = Path(__file__).parent / "data" / "realtext"
RECORDS = {(o := json.loads(line))["id"]: o for line in
           (REAL / "firefox-fa-necko-bidi-embeddings.jsonl").read_text(encoding="utf-8").splitlines()}
NECKO = "localization/fa/netwerk/necko.ftl:network-connection-status-"
UNBALANCED = [
    NECKO + "looked-up",  # "\u202bدر حال پیدا کردن { $host }...": RLE never closed
    "browser/localization/fa/browser/aboutDialog.ftl:aboutDialog-version-nightly",  # RLE never closed
    "browser/localization/fa/browser/preferences/connection.ftl:connection-proxy-noproxy-desc",  # stray PDF
    "localization/ur/toolkit/global/extensionPermissions.ftl:webext-perms-description-downloads",  # lone LRE
]


def _w111(tmp_path, texts: dict[str, str], lang: str | None = "fa") -> list[str]:
    return sorted(f.record for f in in_records(tmp_path, "W111", texts, lang=lang))


def test_w111_balanced_nested_embeddings_in_firefox_persian_are_not_reported(tmp_path):
    from corpuslint import lint_paths

    config = {"select": ["W111"], "cache": False, "readers": {"id-field": "id"}}
    got = lint_paths([str(REAL / "firefox-fa-necko-bidi-embeddings.jsonl")], config=config)
    # the eight balanced necko.ftl strings are left alone; the four unbalanced ones reported
    assert sorted(f.record for f in got) == sorted(UNBALANCED)


@pytest.mark.parametrize("lang", ["fa", None])
def test_w111_each_balanced_necko_string_alone(tmp_path, lang):
    balanced = {k: o["text"] for k, o in RECORDS.items() if k.startswith(NECKO) and k not in UNBALANCED}
    assert len(balanced) == 8
    assert _w111(tmp_path, balanced, lang) == []


def test_w111_broken_copies_of_the_balanced_strings_stay_reported(tmp_path):
    text = RECORDS[NECKO + "waiting"]["text"]  # "\u202bدر انتظار \u202a{ $host }\u202c…\u202c"
    assert text.count("\u202c") == 2
    broken = {
        "outer-left-open": text[:-1],  # the RLE never closed
        "inner-left-open": text.replace("\u202c…", "…"),  # the LRE's PDF gone: the RLE's closes it
        "stray-pdf": "\u202c" + text,
        "extra-pdf": text + "\u202c",
        "override-outer": text.replace("\u202b", "\u202e"),  # RLO: reverses the Persian letters
        "override-inner": text.replace("\u202a", "\u202d"),  # LRO
        "pdi-closes-embedding": text.replace("\u202c…", "\u2069…"),
        "empty-inner": text.replace("{ $host }", " "),  # nothing embedded
        "rtl-inner": text.replace("{ $host }", "میزبان"),  # an LRE around Persian letters
        "latin-outer": "\u202bwaiting for \u202a{ $host }\u202c…\u202c",  # an RLE with no RTL letter
        "no-inner": "\u202bدر انتظار میزبان…\u202c",  # an RLE around a sentence of its own direction
    }
    assert _w111(tmp_path, broken) == sorted(broken)


def test_w111_balanced_isolates_and_code(tmp_path):
    text = RECORDS[NECKO + "connected"]["text"]  # "\u202bاتصال با \u202a{ $host }\u202c برقرار شد…\u202c"
    isolates = text.replace("\u202b", "\u2067").replace("\u202a", "\u2066").replace("\u202c", "\u2069")
    assert _w111(tmp_path, {"isolates": isolates}) == []
    # in code the same controls are reported (Trojan Source)
    md = f"```\nmsg = \"{text}\"\n```\n"
    assert [f.code for f in lint_text(md, path="notes.md", config={"select": ["W111"]})] == ["W111"]
    assert lint_text(f"{text}\n", path="notes.txt", config={"select": ["W111"]}) == []
