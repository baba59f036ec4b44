"""The HTML report: self-contained, plots rendered, Arabic shown right to left with the
span highlighted; opened in a real headless Chromium (Debian's `chromium` package,
installed by .ci/run)."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import SAMPLES, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SAMPLES, repo / "news-ar")
    # a near-copy of an article: a near-duplicate cluster of two files
    src = next((repo / "news-ar").glob("001_*.txt")).read_text(encoding="utf-8")
    (repo / "news-ar" / "005_copy.txt").write_text(src.replace("جزيرة", "الجزيرة", 1), encoding="utf-8")
    # a site's footer on every article (D106 boilerplate-line): shared by design, it must
    # not join all the files into one "near-duplicate" cluster (fresh13: 171 man pages in one)
    for path in (repo / "news-ar").glob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\nجميع الحقوق محفوظة لموقع الأخبار\n",
                        encoding="utf-8")
    (repo / "corpuslint.toml").write_text("")
    out = repo / "report.html"
    proc = run_cli("check", "--no-cache", "--format", "html", "-o", str(out), "news-ar", cwd=repo)
    assert proc.returncode == 1, proc.stderr
    return out


def test_report_is_one_self_contained_file(report):
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # nothing to fetch: no external scripts, styles, images or fonts
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(http" not in page
    assert page.count("<svg") >= 5  # per rule, per file, family x severity, clusters, quality
    # the slip's line is shown in its own direction with the span highlighted
    assert "<mark>الحققت</mark>" in page and "class=src dir=auto" in page
    # the message stays left to right with the Arabic words isolated
    assert "possible slip '<bdi>الحققت</bdi>'" in page
    # the near-duplicate cluster with its size, and the related copy side by side
    assert "D106" in page  # (the footer is reported, as boilerplate)
    cluster = re.search(r"<tr><td>#1</td><td>(\d+)</td><td>([^<]*)<br>([^<]*)</td></tr>", page)
    assert cluster and cluster.group(1) == "2" and "<td>#2</td>" not in page
    assert {Path(cluster.group(2)).name, Path(cluster.group(3)).name} >= {"005_copy.txt"}
    assert "<div class=pair>" in page and "related: news-ar/" in page


def test_missing_report_extra_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("نص  فيه مسافتان.\n", encoding="utf-8")
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "vl_convert.py").write_text("raise ImportError('blocked', name='vl_convert')\n")
    env = {"PYTHONPATH": os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")])}
    proc = run_cli("check", "--no-cache", "--format", "html", str(tmp_path / "a.txt"), env=env)
    assert proc.returncode == 2 and "corpus-quality-lint[report]" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def _chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-first-run", f"--user-data-dir={tmp / 'chromium-profile'}", "--enable-logging=stderr", "--v=0",
         *args],
        capture_output=True, text=True, timeout=180,
    )


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                    reason="chromium not installed (apt-get install chromium); CI installs it and runs this")
def test_report_renders_in_headless_chromium(report, tmp_path):
    assert CHROMIUM, "CI must have chromium (.ci/run installs it)"
    url = report.as_uri()
    dom = _chromium("--virtual-time-budget=5000", "--dump-dom", url + "#code=W101", tmp=tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "CONSOLE" not in dom.stderr, [ln for ln in dom.stderr.splitlines() if "CONSOLE" in ln]
    html = dom.stdout
    assert html.count("<svg") >= 5 and html.count('aria-roledescription="bar"') > 20  # the plots' bars
    # the filter script ran: with #code=W101 only the W101 rows stay visible
    rows = [("hidden" in attrs, re.search(r'data-code="(\w+)"', attrs).group(1))
            for attrs in re.findall(r"<tr ([^>]*data-code[^>]*)>", html)]
    assert rows and {code for hidden, code in rows if not hidden} == {"W101"}
    assert any(hidden for hidden, _ in rows)

    shot = tmp_path / "report.png"
    proc = _chromium(f"--screenshot={shot}", "--window-size=1400,2400", url, tmp=tmp_path)
    assert proc.returncode == 0 and shot.stat().st_size > 50_000, proc.stderr[-2000:]
    assert "CONSOLE" not in proc.stderr
    artifacts = os.environ.get("CORPUSLINT_ARTIFACTS")
    if artifacts:  # keep the screenshot where CI (or a person) can look at it
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(artifacts) / "report.png")
    print(f"screenshot: {shot}")


REALTEXT = Path(__file__).resolve().parent / "data" / "realtext"


@pytest.fixture(scope="module")
def records_report(tmp_path_factory) -> tuple[Path, dict]:
    """A report over records and strings: two .po catalogues (a Persian string's trailing
    space, a Uyghur string's doubled space on the catalogue's line 23), chatterbot's
    records as JSONL and as Parquet, and a notebook's markdown cells (tests/data/realtext)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    repo = tmp_path_factory.mktemp("records")
    for name in ("django-fa-conf-excerpt.po", "libreoffice-ug-svt-excerpt.po", "chatterbot-riddles.jsonl",
                 "nbconvert-library-excerpt.ipynb"):
        shutil.copy(REALTEXT / name, repo / name)
    rows = [json.loads(line) for line in (REALTEXT / "chatterbot-riddles.jsonl").read_text(encoding="utf-8").splitlines()]
    pq.write_table(pa.Table.from_pylist(rows), repo / "chatterbot-riddles.parquet")
    (repo / "corpuslint.toml").write_text("")
    args = ("check", "--no-cache", "--select", "W101,W103", ".")
    report = json.loads(run_cli(*args, "--format", "json", cwd=repo).stdout)
    out = repo / "report.html"
    proc = run_cli(*args, "--format", "html", "-o", str(out), cwd=repo)
    assert proc.returncode == 1, proc.stderr
    return out, report


def _rows(page: str) -> dict[str, str]:
    """location -> the finding cell's HTML, per row of the findings table."""
    rows = re.findall(r'<tr [^>]*data-code=[^>]*>.*?<td class="?loc"?>([^<]*)</td><td>(.*?)</td></tr>', page, re.S)
    return {html.unescape(loc): cell for loc, cell in rows}


def test_report_shows_the_flagged_text_of_strings_records_and_cells(records_report):
    out, report = records_report
    rows = _rows(out.read_text(encoding="utf-8"))
    where = {f"{d['path']}:{'cell ' if str(d['record']).startswith('cell') else '#'}"
             f"{str(d['record']).removeprefix('cell ')}:{d['line']}:{d['column']}": d for d in report["diagnostics"]}
    assert set(rows) == set(where)  # every finding listed, named as the text report names it
    assert {d["path"].rsplit(".", 1)[1] for d in report["diagnostics"]} == {"po", "jsonl", "parquet", "ipynb"}
    for loc, cell in rows.items():  # each with its source line and the flagged span marked
        assert re.search(r'<div class="?src"? dir="?auto"?>.*<mark', cell), (loc, cell)
    # the .po string's line (the catalogue's line 23 is the string's third line), the span marked
    uyghur = rows["libreoffice-ug-svt-excerpt.po:#19:23:72"]
    assert "سەۋەبى پۈتۈككە" in uyghur and "بولغانلىقتىن<mark" in uyghur and "بولۇشى مۇمكىن." in uyghur
    assert "وارد کنید.<mark" in rows["django-fa-conf-excerpt.po:#19:20:73"]
    assert "is<mark" in rows["chatterbot-riddles.jsonl:#3:1:3"] and "is<mark" in rows["chatterbot-riddles.parquet:#3:1:3"]
    assert "various contexts.<mark" in rows["nbconvert-library-excerpt.ipynb:cell 1:3:122"]


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                    reason="chromium not installed (apt-get install chromium); CI installs it and runs this")
def test_records_report_renders_the_flagged_text_in_headless_chromium(records_report, tmp_path):
    assert CHROMIUM, "CI must have chromium (.ci/run installs it)"
    out, report = records_report
    dom = _chromium("--virtual-time-budget=5000", "--dump-dom", out.as_uri(), tmp=tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "CONSOLE" not in dom.stderr
    rows = _rows(dom.stdout)
    assert len(rows) == len(report["diagnostics"])
    assert all('<div class="src" dir="auto">' in cell and '<mark class="ws" title="U+0020">' in cell
               for cell in rows.values()), rows


def test_a_rule_with_many_findings_shows_its_first_rows_and_says_how_many_more(tmp_path, monkeypatch, capsys):
    """fresh19: 31,262 A109 findings on a data set's ANSI escapes made a 29 MB page that
    Chromium took 4 minutes to open; the table now shows each rule's first ROWS_PER_RULE
    rows and names the rest (here with the limit at 3, on the sample corpus: W102's 11
    findings show 3, '8 more W102'; S103's 6, '3 more S103'), the plots and clusters stay."""
    from corpuslint import cli
    from corpuslint.outputs import html as html_report

    monkeypatch.setattr(html_report, "ROWS_PER_RULE", 3)
    out = tmp_path / "report.html"
    cli.main(["check", "--no-cache", "--format", "html", "-o", str(out), str(SAMPLES)])
    capsys.readouterr()
    page = out.read_text(encoding="utf-8")
    shown = re.findall(r'<tr [^>]*data-code="(\w+)"', page)
    report = json.loads(run_cli("check", "--no-cache", "--format", "json", str(SAMPLES)).stdout)
    counts: dict[str, int] = {}
    for d in report["diagnostics"]:
        counts[d["code"]] = counts.get(d["code"], 0) + 1
    assert {c: shown.count(c) for c in set(shown)} == {c: min(n, 3) for c, n in counts.items()}
    note = re.search(r"<p class=meta id=hidden>(.*?)</p>", page, re.S).group(1)
    assert "8 more W102" in note and "3 more S103" in note and "1 more A103" in note
    assert f"{sum(min(n, 3) for n in counts.values())} shown" in page
