"""HTML report (``--format html -o report.html``): one self-contained file, no network.

Sections: a summary by family and severity; plots (findings per rule, per file with
severity, near-duplicate cluster sizes, document signals when the quality plugin ran);
a table of near-duplicate clusters; a searchable, filterable table of every finding
with its source line shown in its own direction (``dir="auto"``: Arabic right to
left), the flagged span highlighted and, for duplicates, the related copy beside it.

Plots are Vega-Lite specifications built with altair and rendered to inline SVG by
``vl-convert-python`` (a bundled Vega engine, no browser, no network), so the report
needs no JavaScript library at all; the only script is the table filter below.
Both come with the ``report`` extra: ``pip install 'corpus-quality-lint[report]'``.
"""

from __future__ import annotations

import html
import statistics
from collections import Counter
from importlib import resources

from .. import __version__
from ..clusters import components
from ..document import Document
from ..findings import where as where_of
from .text import RTL_RUN_RE

SEVERITIES = ("error", "warning", "info")
COLORS = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}
MAX_SHOWN = 240  # code points of a source line shown around the span
TOP_FILES = 30
# A report is read by people and opened in a browser: a rule with 31,000 findings (A109 on
# a data set's ANSI escapes, fresh19) made a 29 MB page that took Chromium 4 minutes. The
# table shows each rule's first ROWS_PER_RULE findings (in report order) and says how many
# more there are; the JSON, SARIF and text formats list every finding.
ROWS_PER_RULE = 200
TOP_CLUSTERS = 30  # clusters in the plot (the table lists TABLE_CLUSTERS)
TABLE_CLUSTERS = 200


def require() -> None:
    """ConfigError (one line) without the report extra; the CLI calls it before the run."""
    from ..extras import require as require_extra

    require_extra("report", "--format html")


def write(result, stream) -> None:
    require()
    findings = result.findings
    documents = getattr(result, "documents", {}) or {}
    by_sev = Counter(f.severity.value for f in findings)
    clusters = duplicate_clusters(findings)
    parts = [
        _head(),
        "<header><h1>corpuslint report</h1>",
        f"<p class=meta>corpuslint {html.escape(__version__)} · {result.files_checked} files checked · "
        f"{len(findings)} findings · " + " · ".join(
            f'<span class="sev {s}">{by_sev[s]} {s}</span>' for s in SEVERITIES) + _baselined(result) + "</p></header>",
        "<section><h2>Summary</h2>", _summary_table(findings), "</section>",
        "<section><h2>Plots</h2><div class=plots>",
    ]
    for title, chart in _charts(result, clusters):
        parts.append(f'<figure class=plot><figcaption>{html.escape(title)}</figcaption>{_svg(chart)}</figure>')
    parts.append("</div></section>")
    parts.append(_clusters_table(clusters))
    parts.append(_findings_table(findings, documents))
    parts.append(f"<script>{_asset('report.js')}</script></body></html>\n")
    stream.write("\n".join(parts))


# -- data -----------------------------------------------------------------------------


# A line shared by many documents by design (a site's footer, D106 boilerplate-line) says
# nothing about two documents being copies: through it, every file of a corpus with one
# footer would join one "cluster" (171 man pages, fresh13).
NOT_COPIES = frozenset({"D106"})


def _baselined(result) -> str:
    """`` · N hidden by the baseline`` when a baseline hid findings (fresh22: a report
    of "0 findings" said nothing of the 1,800 the baseline hid)."""
    n = getattr(result, "baselined", None)
    return f" · {n} hidden by the baseline" if n else ""


def duplicate_clusters(findings) -> list[list[str]]:
    """Files joined by cross-file duplicate findings (a finding in file A whose related
    location is in file B; not ``NOT_COPIES``), as connected components of two or more
    files, largest first."""
    pairs = (
        (f.key, rel.key)
        for f in findings if f.family == "duplicate" and f.code not in NOT_COPIES
        for rel in f.related if rel.key != f.key  # key: path, or path#record for a dataset record
    )
    return sorted((sorted(g) for g in components(pairs) if len(g) > 1), key=lambda g: (-len(g), g[0]))


def _document_signals(result) -> dict[str, list[float]]:
    """Per signal, one value a document with words: its word count and mean word length
    (the quantities the quality plugin's Q107/Q108 thresholds are about), for the
    histograms."""
    signals: dict[str, list[float]] = {"words": [], "mean word length": []}
    for doc in (getattr(result, "documents", {}) or {}).values():
        words = doc.words
        if words:
            signals["words"].append(len(words))
            signals["mean word length"].append(statistics.fmean(len(w) for w in words))
    return signals


def histogram(values, maxbins: int = 30) -> list[dict]:
    """``values`` counted in equal bins of a "nice" width (1, 2 or 5 times a power of ten,
    Vega-Lite's choice for ``bin(maxbins=...)``): ``[{"start", "end", "documents"}]``, one
    row per bin from the first holding a value to the last, at most about ``maxbins``.

    The report draws these rows (``bin="binned"``) instead of handing Vega every document:
    fresh35's 34,000 rows were validated one by one by altair's JSON schema and binned by
    Vega, ~13 s CPU and 380 MB of a 45 s run (8 s for the JSON report's whole run)."""
    import math

    import numpy as np

    arr = np.asarray(values, dtype=float)
    if not len(arr):
        return []
    lo, hi = float(arr.min()), float(arr.max())
    span = hi - lo if hi - lo >= 1e-3 else 1.0  # (values all but equal: bins of a 20th)
    step = 10.0 ** round(math.log10(span) - math.ceil(math.log10(maxbins)))
    while math.ceil(span / step) > maxbins:
        step *= 10
    for div in (5, 2):  # (the finest of step/5, step/2 that keeps to maxbins)
        if span / (step / div) <= maxbins:
            step /= div
            break
    start = math.floor(lo / step) * step
    n = int((hi - start) // step) + 1
    while start + step * n < hi:  # (the last edge at or after hi: numpy's last bin is closed)
        n += 1
    edges = start + step * np.arange(n + 1)
    counts, _ = np.histogram(arr, bins=edges)
    nonzero = np.flatnonzero(counts)
    first, last = int(nonzero[0]), int(nonzero[-1])  # (a bin of rounding's making left out)
    return [{"start": round(float(edges[k]), 10), "end": round(float(edges[k + 1]), 10), "documents": int(counts[k])}
            for k in range(first, last + 1)]


# -- plots ----------------------------------------------------------------------------


def _charts(result, clusters):
    import altair as alt

    findings = result.findings
    scale = alt.Scale(domain=list(SEVERITIES), range=[COLORS[s] for s in SEVERITIES])
    charts = []
    if findings:
        per_rule = Counter((f.code, f.rule, f.severity.value) for f in findings)
        data = [{"rule": f"{c} {n}", "severity": s, "findings": k} for (c, n, s), k in per_rule.items()]
        charts.append(("Findings per rule", alt.Chart(alt.Data(values=data)).mark_bar().encode(
            x=alt.X("findings:Q", title="findings"),
            y=alt.Y("rule:N", sort="-x", title=None),
            color=alt.Color("severity:N", scale=scale),
            tooltip=["rule:N", "severity:N", "findings:Q"],
        ).properties(width=420)))
        per_file = Counter(f.path for f in findings)
        top = {p for p, _ in per_file.most_common(TOP_FILES)}
        counts = Counter((f.path, f.severity.value) for f in findings if f.path in top)
        data = [{"file": p, "severity": s, "findings": k} for (p, s), k in counts.items()]
        title = "Findings per file, by severity" + (f" (top {TOP_FILES} files)" if len(per_file) > TOP_FILES else "")
        charts.append((title, alt.Chart(alt.Data(values=data)).mark_bar().encode(
            x=alt.X("findings:Q", stack="zero", title="findings"),
            y=alt.Y("file:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color("severity:N", scale=scale),
            order=alt.Order("severity:N"),
            tooltip=["file:N", "severity:N", "findings:Q"],
        ).properties(width=420)))
        per_family = Counter((f.family, f.severity.value) for f in findings)
        data = [{"family": fam, "severity": s, "findings": k} for (fam, s), k in per_family.items()]
        # (cells wide enough for a five-digit count: at Vega-Lite's default step of 20 px,
        # "5", "31" and "39711" of one row ran into each other, "5,31,3971116")
        charts.append(("Findings per family and severity", (alt.Chart(alt.Data(values=data)).mark_rect().encode(
            x=alt.X("severity:N", sort=list(SEVERITIES), title=None),
            y=alt.Y("family:N", title=None),
            color=alt.Color("findings:Q", scale=alt.Scale(scheme="oranges")),
            tooltip=["family:N", "severity:N", "findings:Q"],
        ) + alt.Chart(alt.Data(values=data)).mark_text().encode(
            x=alt.X("severity:N", sort=list(SEVERITIES)), y="family:N", text=alt.Text("findings:Q", format=",d"))
        ).properties(width=alt.Step(80))))
    if clusters:
        unit = _member_unit(clusters)
        data = [{"cluster": f"#{i}", unit: len(c)} for i, c in enumerate(clusters[:TOP_CLUSTERS], 1)]
        title = f"Near-duplicate clusters: {unit} per cluster" + (
            f" (the {TOP_CLUSTERS} largest of {len(clusters)})" if len(clusters) > TOP_CLUSTERS else "")
        charts.append((title, alt.Chart(alt.Data(values=data)).mark_bar().encode(
            y=alt.Y("cluster:N", sort=None, title="cluster"), x=alt.X(f"{unit}:Q", title=unit),
            tooltip=["cluster:N", f"{unit}:Q"]).properties(width=300)))
    if any(getattr(r, "family", "") == "quality" for r in result.rules.values()):
        for signal, values in _document_signals(result).items():
            if values:
                charts.append((f"Quality signal: {signal} per document",
                               alt.Chart(alt.Data(values=histogram(values))).mark_bar().encode(
                                   x=alt.X("start:Q", bin="binned", title=signal), x2="end:Q",
                                   y=alt.Y("documents:Q", title="documents"),
                                   tooltip=[alt.Tooltip("start:Q", title=f"{signal} from"),
                                            alt.Tooltip("end:Q", title="to"), "documents:Q"])))
    return charts


def _svg(chart) -> str:
    import vl_convert

    svg = vl_convert.vegalite_to_svg(chart.to_dict())
    return svg[svg.index("<svg"):] if "<svg" in svg else svg


# -- tables ---------------------------------------------------------------------------


def _summary_table(findings) -> str:
    counts = Counter((f.family, f.severity.value) for f in findings)
    families = sorted({f.family for f in findings})
    rows = ["<table class=summary><thead><tr><th>family</th>"
            + "".join(f"<th>{s}</th>" for s in SEVERITIES) + "<th>total</th></tr></thead><tbody>"]
    for fam in families:
        cells = "".join(f"<td>{counts[(fam, s)]}</td>" for s in SEVERITIES)
        rows.append(f"<tr><th>{html.escape(fam)}</th>{cells}<td>{sum(counts[(fam, s)] for s in SEVERITIES)}</td></tr>")
    total = Counter(f.severity.value for f in findings)
    rows.append("<tr class=total><th>all</th>" + "".join(f"<td>{total[s]}</td>" for s in SEVERITIES)
                + f"<td>{len(findings)}</td></tr></tbody></table>")
    return "".join(rows)


def _member_unit(clusters) -> str:
    """What a cluster's members are: "records" when one is a data set's record
    (``path#record``), else "files"."""
    return "records" if any("#" in m for c in clusters for m in c) else "files"


def _clusters_table(clusters) -> str:
    if not clusters:
        return "<section><h2>Near-duplicate clusters</h2><p>No files share duplicated content.</p></section>"
    rows = "".join(
        f"<tr><td>#{i}</td><td>{len(c)}</td><td>" + "<br>".join(html.escape(p) for p in c) + "</td></tr>"
        for i, c in enumerate(clusters[:TABLE_CLUSTERS], 1)
    )
    more = (f"<p class=meta>The {TABLE_CLUSTERS} largest of {len(clusters)} clusters are listed.</p>"
            if len(clusters) > TABLE_CLUSTERS else "")
    return ("<section><h2>Near-duplicate clusters</h2><table class=clusters><thead><tr><th>cluster</th>"
            f"<th>{_member_unit(clusters)}</th><th>members</th></tr></thead><tbody>{rows}</tbody></table>{more}</section>")


def _doc_line(doc, line: int, column: int) -> int:
    """The document's own line of a location's ``line``/``column``, which are the file's
    (``Document.place``): the same, except where a reader maps text to another layout
    (a .po string's lines are the catalogue's; a notebook cell's, the cell's own)."""
    if type(doc).place is Document.place:
        return line
    for offset in range(len(doc.text) + 1):  # (a .po string: short)
        if doc.place(offset) == (line, column):
            return doc.position(offset)[0]
    return line


def _line_html(doc, line_no: int, start: int | None = None, end: int | None = None) -> str:
    """The source line, with ``[start, end)`` (offsets into the document) in <mark>;
    with a span, the line is the one holding ``start`` (``line_no`` is the file's line,
    which for a .po string is not the string's own)."""
    if doc is not None and start is not None and 0 <= start <= len(doc.text):
        line_no = doc.position(start)[0]
    if doc is None or not (1 <= line_no <= len(doc.lines)):
        return ""
    line = doc.lines[line_no - 1]
    text = doc.text[line.start:line.end]
    if start is None:
        a = b = 0
    else:
        a = min(max(start - line.start, 0), len(text))
        b = min(max(end - line.start, a), len(text))
    lo = max(0, a - MAX_SHOWN // 2) if len(text) > MAX_SHOWN else 0
    hi = min(len(text), max(b, a + 1) + MAX_SHOWN // 2) if len(text) > MAX_SHOWN else len(text)
    b = min(b, a + MAX_SHOWN)
    before, span, after = text[lo:a], text[a:b], text[b:hi]
    if span and not span.strip():
        mark = "".join(f'<mark class=ws title="U+{ord(c):04X}">·</mark>' for c in span)
    elif start is not None and a == b:
        mark = '<mark class=ws title="here">▏</mark>'
    else:
        mark = f"<mark>{html.escape(span)}</mark>" if span else ""
    return (f'<div class=src dir=auto>{"…" if lo else ""}{html.escape(before)}{mark}'
            f'{html.escape(after)}{"…" if hi < len(text) else ""}</div>')


def _findings_table(findings, documents) -> str:
    families = sorted({f.family for f in findings})
    codes = sorted({f.code for f in findings})
    out = [
        "<section><h2>Findings</h2><div class=filters>",
        '<input id=q type=search placeholder="search path, code, message, text…" aria-label="search">',
        "<select id=sev><option value=''>all severities</option>"
        + "".join(f"<option>{s}</option>" for s in SEVERITIES) + "</select>",
        "<select id=fam><option value=''>all families</option>"
        + "".join(f"<option>{html.escape(x)}</option>" for x in families) + "</select>",
        "<select id=code><option value=''>all rules</option>"
        + "".join(f"<option>{html.escape(x)}</option>" for x in codes) + "</select>",
        f"<span id=count>{sum(min(n, ROWS_PER_RULE) for n in Counter(f.code for f in findings).values())} shown</span></div>",
        "<table id=findings><thead><tr><th>severity</th><th>rule</th><th>location</th><th>finding</th></tr>"
        "</thead><tbody>",
    ]
    shown: Counter = Counter()
    for f in findings:
        shown[f.code] += 1
        if shown[f.code] > ROWS_PER_RULE:
            continue
        doc = documents.get(f.key)
        record = getattr(f, "record", None)
        where = f"{where_of(f.path, record)}:{f.line}:{f.column}"  # (as the text report: d.jsonl:#2:1:7)
        source = _line_html(doc, f.line, f.start, f.end) if doc is not None else ""
        related = ""
        if f.related:
            rel = f.related[0]
            rel_doc = documents.get(rel.key)
            other = _line_html(rel_doc, _doc_line(rel_doc, rel.line, rel.column) if rel_doc is not None else rel.line)
            related_where = html.escape(f"{where_of(rel.path, rel.record)}:{rel.line}:{rel.column}")
            if other:
                related = (f"<div class=pair><div><div class=lbl>this copy</div>{source}</div>"
                           f"<div><div class=lbl>related: {related_where}</div>{other}</div></div>")
                source = ""
            else:
                related = f"<div class=lbl>related: {related_where}</div>"
        fix = ""
        if f.fix is not None:
            fix = f' <span class="fix {f.fix.applicability.value}">{f.fix.applicability.value} fix</span>'
        out.append(
            f'<tr data-sev="{f.severity.value}" data-fam="{html.escape(f.family)}" data-code="{f.code}">'
            f'<td><span class="sev {f.severity.value}">{f.severity.value}</span></td>'
            f"<td><b>{f.code}</b><br><small>{html.escape(f.rule)}</small></td>"
            f"<td class=loc>{html.escape(where)}</td>"
            f"<td><div class=msg dir=ltr>{_message_html(f.message)}{fix}</div>{source}{related}</td></tr>"
        )
    out.append("</tbody></table>")
    hidden = {code: n - ROWS_PER_RULE for code, n in sorted(shown.items()) if n > ROWS_PER_RULE}
    if hidden:
        out.append(f"<p class=meta id=hidden>The table shows the first {ROWS_PER_RULE} findings of each rule; not "
                   "shown: " + ", ".join(f"{n:,} more {html.escape(code)}" for code, n in hidden.items())
                   + " (every finding: <code>--format json</code>, <code>sarif</code> or <code>text</code>).</p>")
    out.append("</section>")
    return "\n".join(out)


def _message_html(message: str) -> str:
    """The (left-to-right, English) message with each right-to-left run in <bdi>, the
    HTML form of the FSI … PDI isolates of the text output."""
    out, pos = [], 0
    for m in RTL_RUN_RE.finditer(message):
        out.append(html.escape(message[pos:m.start()], quote=False))
        out.append(f"<bdi>{html.escape(m.group(), quote=False)}</bdi>")
        pos = m.end()
    out.append(html.escape(message[pos:], quote=False))
    return "".join(out)


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _head() -> str:
    return ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width, initial-scale=1'>"
            f"<title>corpuslint report</title><style>{_asset('report.css')}</style></head><body>")
