"""Duplicate family (D101-D106): seeds, realistic snippets, fixes, cross-file corpus."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import datasketch
import numpy as np
import pytest

from corpuslint import lint_paths, lint_text
from corpuslint.document import Document
from corpuslint.engine import apply_fixes
from corpuslint.families.duplicate import RULES, lsh
from corpuslint.families.duplicate import units as U
from corpuslint.families.duplicate.local import ExactDuplicateLine, NearDuplicateParagraph, RestatedPassage
from corpuslint.findings import Applicability, Edit, Severity
from corpuslint.store import StateSpill

from .conftest import SAMPLES, run_cli, seed, seed_line

NO_CACHE = {"select": ["D"], "cache": False}

# Real sentences from the seed articles, used to build small realistic corpora.
P1 = seed_line("001", 7)  # agency paragraph, 23 words
P2 = seed_line("001", 15)
P3 = seed_line("002", 15)
P4 = seed_line("003", 9)
P5 = seed_line("002", 25)


def _by_code(findings, code):
    return [f for f in findings if f.code == code]


# -- seeds ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_findings(tmp_path_factory):
    # the seeds alone are the corpus (the repository's other files would join it otherwise)
    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(SAMPLES, root / "news-ar")
    old = os.getcwd()
    os.chdir(root)
    try:
        return lint_paths(["news-ar"], config={"select": ["D"]})
    finally:
        os.chdir(old)


def test_seed_cases_reported_with_related(seed_findings):
    got = {(Path(f.path).name[:3], f.line, f.code): f for f in seed_findings}
    d004 = got[("004", 3, "D101")]
    assert [(Path(r.path).name[:3], r.line) for r in d004.related] == [("004", 1)]
    assert "1.00" in d004.message
    d002 = got[("002", 9, "D101")]
    assert [(Path(r.path).name[:3], r.line) for r in d002.related] == [("002", 7)]
    d000 = got[("000", 4, "D103")]
    assert [(Path(r.path).name[:3], r.line) for r in d000.related] == [("000", 1)]
    assert d000.severity is Severity.WARNING
    assert "0.6" in d000.message  # the similarity is in the message


def test_no_other_duplicate_finding_above_info_on_seeds(seed_findings):
    above = sorted(
        (Path(f.path).name[:3], f.line, f.code) for f in seed_findings if f.severity.rank > Severity.INFO.rank
    )
    assert above == [("000", 4, "D103"), ("002", 9, "D101"), ("004", 3, "D101")]


def test_exact_duplicate_fix_is_unsafe_and_removes_later_copy_only():
    path = seed("004")
    text = path.read_text(encoding="utf-8")
    findings = [f for f in lint_text(text, path=str(path), config=NO_CACHE) if f.code == "D101"]
    # deleting a repeated line is unsafe (poetry, lyrics, dialogue, tables): not applied by --fix
    assert len(findings) == 1 and findings[0].fix.applicability is Applicability.UNSAFE
    assert apply_fixes(text, findings, unsafe=False) == (text, 0)
    fixed, count = apply_fixes(text, findings, unsafe=True)
    assert count == 1
    lines = text.split("\n")
    # line 3 (the repeated headline) and one of the two blank lines around it are gone
    assert fixed == "\n".join(lines[:2] + lines[4:])
    assert fixed.split("\n")[0] == lines[0]  # the first copy is kept
    assert "\n\n\n" not in fixed


def test_cli_fix_without_unsafe_keeps_repeated_lines(tmp_path):
    poem = "I wandered lonely as a cloud\n\nThat floats on high o'er vales and hills\n\nI wandered lonely as a cloud\n"
    _write(tmp_path, {"poem.txt": poem})
    proc = run_cli("check", "poem.txt", "--select", "D101", "--fix", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 1 and "D101" in proc.stdout
    assert (tmp_path / "poem.txt").read_text(encoding="utf-8") == poem


def test_exact_duplicate_differing_punctuation_is_unsafe():
    text = "زيارة محتملة للرئيس الروسي بوتين إلى كوريا الشمالية\n\nعبد الرحمن شريف\n\nزيارة محتملة للرئيس الروسي بوتين إلى كوريا الشمالية!\n"
    (f,) = [f for f in lint_text(text, config=NO_CACHE) if f.code == "D101"]
    assert f.line == 5 and f.fix.applicability is Applicability.UNSAFE
    assert "(differs only in punctuation ('!' added), similarity 1.00)" in f.message


def test_exact_duplicate_short_lines_and_distinct_lines_are_clean():
    rule = ExactDuplicateLine()
    doc = Document("x.txt", "A A\n\nاقرأ أيضا\n\nاقرأ أيضا\n\n" + P1 + "\n\n" + P2 + "\n")
    assert list(rule.check(doc)) == []  # short repeats (< 4 words) are not reported


def test_exact_duplicate_multiline_paragraph_is_one_finding():
    para = "قالت وكالة الأنباء المركزية الكورية الشمالية\nإن الزعيم الكوري الشمالي كيم جونغ أون\nناقش قضايا عملية لتحسين التعاون العسكري"
    doc = Document("x.txt", f"{para}\n\n{P2}\n\n{para}\n")
    findings = list(ExactDuplicateLine().check(doc))
    assert [(f.line, f.end_line) for f in findings] == [(7, 9)]
    assert findings[0].related[0].line == 1
    assert findings[0].message.startswith("lines 7-9 repeat lines 1-3")


# -- near-duplicate paragraphs within a document ------------------------------------


def test_near_duplicate_paragraph_in_document():
    edited = P2.replace("قام أيضا", "قام كذلك")
    doc = Document("x.txt", f"{P2}\n\n{P3}\n\n{edited}\n")
    (f,) = NearDuplicateParagraph().check(doc)
    assert f.line == 5 and f.related[0].line == 1
    assert f.fix.applicability is Applicability.UNSAFE
    sim = float(f.message.split("Jaccard ")[1].rstrip(")"))
    assert 0.8 <= sim < 1.0


def test_near_duplicate_paragraph_clean_on_seeds_and_same_topic_text():
    rule = NearDuplicateParagraph()
    for path in sorted(SAMPLES.glob("*.txt")):
        assert list(rule.check(Document(str(path), path.read_text(encoding="utf-8")))) == []
    assert list(rule.check(Document("x.txt", f"{P1}\n\n{P2}\n\n{P5}\n"))) == []


# -- restated passages ------------------------------------------------------------


def test_restated_passage_seed_000():
    path = seed("000")
    doc = Document(str(path), path.read_text(encoding="utf-8"))
    (f,) = RestatedPassage().check(doc)
    assert (f.line, f.related[0].line) == (4, 1)
    assert doc.text[f.start : f.end].startswith("يشير تقرير وكالة الأنباء")
    assert f.fix.applicability is Applicability.UNSAFE


def test_restated_passage_clean_on_other_seeds_and_snippet():
    rule = RestatedPassage()
    for prefix in ("001", "002", "003", "004"):
        path = seed(prefix)
        assert list(rule.check(Document(str(path), path.read_text(encoding="utf-8")))) == [], prefix
    assert list(rule.check(Document("x.txt", f"{P1} {P2}\n{P5}\n"))) == []


def test_restated_passage_threshold_option():
    path = seed("000")
    doc = Document(str(path), path.read_text(encoding="utf-8"))
    assert list(RestatedPassage({"min-overlap": 0.9}).check(doc)) == []


# -- cross-file ---------------------------------------------------------------------


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def test_same_paragraph_in_two_files_reported_across_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, {"a.txt": f"{P3}\n\n{P1}\n", "b.txt": f"{P4}\n\n{P5}\n\n{P1}\n", "c.txt": f"{P2}\n"})
    findings = _by_code(lint_paths(["."], config={"select": ["D104"]}), "D104")
    assert [(f.path, f.line) for f in findings] == [("b.txt", 5)]
    assert [(r.path, r.line) for r in findings[0].related] == [("a.txt", 3)]
    assert "1.00" in findings[0].message


def test_cross_file_cluster_reported_once_per_later_copy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    near = P1.replace("ناقش", "بحث")
    _write(tmp_path, {"a.txt": P1 + "\n", "b.txt": P5 + "\n\n" + near + "\n", "c.txt": P1 + "\n", "d.txt": P2 + "\n"})
    findings = _by_code(lint_paths(["."], config={"select": ["D104"]}), "D104")
    assert sorted((f.path, f.line) for f in findings) == [("b.txt", 3), ("c.txt", 1)]
    assert all((r.path, r.line) == ("a.txt", 1) for f in findings for r in f.related)
    assert all("3 copies in 3 files" in f.message for f in findings)


def test_cross_file_checking_one_file_uses_the_whole_corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, {"a.txt": f"{P3}\n\n{P1}\n", "b.txt": f"{P1}\n"})
    for cache in (True, False):
        config = {"select": ["D104"], "cache": cache}
        findings = _by_code(lint_paths(["b.txt"], config=config), "D104")
        assert [(f.path, [(r.path, r.line) for r in f.related]) for f in findings] == [("b.txt", [("a.txt", 3)])]
        # pre-commit over a.txt alone (say a new file copying b.txt): the checked file is
        # the later copy, pointing at the established one
        findings = _by_code(lint_paths(["a.txt"], config=config), "D104")
        assert [(f.path, f.line, [(r.path, r.line) for r in f.related]) for f in findings] == [
            ("a.txt", 3, [("b.txt", 1)])
        ]
        # checking both: path order decides, the first copy is not reported
        findings = _by_code(lint_paths(["a.txt", "b.txt"], config=config), "D104")
        assert [(f.path, f.line) for f in findings] == [("b.txt", 1)]


def test_cross_file_distinct_files_are_clean(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, {"a.txt": f"{P1}\n\n{P2}\n", "b.txt": f"{P3}\n\n{P4}\n", "c.txt": P5})
    findings = lint_paths(["."], config={"select": ["D"]})
    assert findings == []


def test_near_duplicate_documents(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = seed("001").read_text(encoding="utf-8")
    _write(tmp_path, {
        "mirror/a.txt": "موقع الأخبار\n\n" + article,
        "news/a.txt": article,
        "news/b.txt": seed("003").read_text(encoding="utf-8"),
    })
    findings = _by_code(lint_paths(["."], config={"select": ["D105"]}), "D105")
    assert [(f.path, [(r.path, r.line) for r in f.related]) for f in findings] == [
        ("news/a.txt", [("mirror/a.txt", 1)])
    ]
    assert "Jaccard 0.9" in findings[0].message or "Jaccard 1.00" in findings[0].message


def test_boilerplate_line_in_many_documents_is_info(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    form = "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"
    _write(tmp_path, {
        "a.txt": f"{P1}\n\n{form}\n", "b.txt": f"{P2}\n\n{form}\n", "c.txt": f"{P3}\n\n{form}\n",
        "d.txt": f"{P4}\n\nاترك تعليقاً\n", "e.txt": f"{P5}\n\nاترك تعليقاً\n",
    })
    findings = lint_paths(["."], config={"select": ["D"]})
    assert {(f.code, f.path, f.line) for f in findings} == {("D106", p, 3) for p in ("a.txt", "b.txt", "c.txt")}
    assert all(f.severity is Severity.INFO for f in findings)
    assert all("3 of 5 documents" in f.message for f in findings)
    assert findings[0].related and findings[0].related[0].path != findings[0].path


def test_every_copy_of_a_boilerplate_line_in_a_document_is_deleted_by_its_fix(tmp_path, monkeypatch):
    # a file that has the line twice: one finding, at the first copy, whose fix deletes both
    # (before, the second copy was reported, and deleted, only by the next run)
    monkeypatch.chdir(tmp_path)
    line = "Subscribe to our newsletter today"
    _write(tmp_path, {"a.txt": f"{P1}\n{line}\n{P2}\n{line}", "b.txt": f"{P3}\n{line}\n", "c.txt": f"{line}\n{P4}\n"})
    findings = lint_paths(["."], config={"select": ["D106"]})
    assert sorted((f.path, f.line) for f in findings) == [("a.txt", 2), ("b.txt", 2), ("c.txt", 1)]
    assert all("3 of 3 documents" in f.message for f in findings)
    (a,) = [f for f in findings if f.path == "a.txt"]
    assert "1 more in this document" in a.message and len(a.fix.edits) == 2
    # two copies at the end without a final newline share a line ending: one deletion
    text = f"{P1}\n{line}\n{line}"
    assert U.merge_deletions([U.remove_span_lines_edit(text, len(P1) + 1, len(P1) + 1 + len(line)),
                              U.remove_span_lines_edit(text, len(text) - len(line), len(text))]) == [
        Edit(len(P1) + 1, len(text))]
    run_cli("check", "--no-cache", "--select", "D106,W106", "--fix", "--unsafe-fixes", ".")
    assert (tmp_path / "a.txt").read_text() == f"{P1}\n{P2}\n"


def test_distributed_line_take_keeps_a_lines_later_copies():
    from corpuslint.families.duplicate.shuffle import _line_take

    state = {"keys": np.array([5, 7, 9], dtype=np.uint64), "lines": np.array([1, 2, 3], dtype=np.int32),
             "spans": np.array([[0, 4], [5, 9], [10, 14]], dtype=np.int64),
             "repeats": np.array([[1, 4, 15, 19], [2, 5, 20, 24], [0, 6, 25, 29]], dtype=np.int64)}
    out = _line_take({"a": state}, ({"a"}, {7, 9}))["a"]
    assert out["keys"].tolist() == [7, 9]
    # the later copies of keys 7 and 9, their key indices now 0 and 1 among the kept keys
    assert out["repeats"].tolist() == [[0, 4, 15, 19], [1, 5, 20, 24]]


def test_template_paragraph_in_many_files_is_boilerplate_not_d104(tmp_path, monkeypatch):
    # npm CLI docs: the `workspace` option text is generated into 35 command pages
    monkeypatch.chdir(tmp_path)
    option = (Path(__file__).parent / "data" / "realtext" / "npm-workspace-option.md").read_text(encoding="utf-8")
    para = next(p for p in option.split("\n\n") if p.startswith("Enable running a command"))
    others = [P1, P2, P3, P4, P5]
    _write(tmp_path, {f"{c}.md": f"# npm {c}\n\n{others[i]}\n\n{option}" for i, c in enumerate("abc")}
           | {"d.md": f"# npm d\n\n{P4}\n", "e.md": f"# npm e\n\n{P5}\n"})
    findings = lint_paths(["."], config={"select": ["D104", "D106"]})
    assert not [f for f in findings if f.code == "D104"]
    lines = para.split("\n")
    d106 = {(f.path, f.line) for f in findings if f.code == "D106"}
    first = option.split("\n").index(lines[0]) + 5
    assert {(p, first + k) for p in ("a.md", "b.md", "c.md") for k in range(len(lines))} <= d106
    assert all(f.severity is Severity.INFO for f in findings)
    # the same page text in two files only is a copy: D104
    (tmp_path / "c.md").write_text(f"# npm c\n\n{P3}\n", encoding="utf-8")
    findings = _by_code(lint_paths(["."], config={"select": ["D104"]}), "D104")
    assert {(f.path, f.related[0].path) for f in findings} == {("b.md", "a.md")}
    # and boilerplate-docs = 0 turns the template rule off
    (tmp_path / "c.md").write_text(f"# npm c\n\n{P3}\n\n{option}", encoding="utf-8")
    cfg = {"select": ["D104"], "rules": {"D104": {"boilerplate-docs": 0}}, "cache": False}
    assert {f.path for f in _by_code(lint_paths(["."], config=cfg), "D104")} == {"b.md", "c.md"}


# Node.js API docs (MIT): http2.md's compatibility API reuses http.md's wording for
# another object (http.md lines 1871 and 2179, http2.md lines 3578 and 3451)
HTTP_FINISH = 'Emitted when the response has been sent. More specifically, this event is\nemitted when the last segment of the response headers and body have been\nhanded off to the operating system for transmission over the network. It\ndoes not imply that the client has received anything yet.'
HTTP2_FINISH = 'Emitted when the response has been sent. More specifically, this event is\nemitted when the last segment of the response headers and body have been\nhanded off to the HTTP/2 multiplexing for transmission over the network. It\ndoes not imply that the client has received anything yet.'
HTTP_TIMEOUT = "Sets the Socket's timeout value to `msecs`. If a callback is\nprovided, then it is added as a listener on the `'timeout'` event on\nthe response object."
HTTP2_TIMEOUT = "Sets the [`Http2Stream`][]'s timeout value to `msecs`. If a callback is\nprovided, then it is added as a listener on the `'timeout'` event on\nthe response object."


def test_near_copy_about_another_thing_is_not_d104(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, {
        "http.md": f"# HTTP\n\n{HTTP_FINISH}\n\n{HTTP_TIMEOUT}\n",
        "http2.md": f"# HTTP/2\n\n{HTTP2_FINISH}\n\n{HTTP2_TIMEOUT}\n",
    })
    assert _by_code(lint_paths(["."], config={"select": ["D104"]}), "D104") == []
    from corpuslint.families.duplicate import meaning

    assert meaning.names(HTTP2_TIMEOUT) - meaning.names(HTTP_TIMEOUT) == {"http2stream"}
    # the same paragraph with an insignificant edit (a comma) is still a near-copy
    (tmp_path / "http2.md").write_text(
        f"# HTTP/2\n\n{HTTP_FINISH.replace('sent. More', 'sent, more')}\n", encoding="utf-8"
    )
    (f,) = _by_code(lint_paths(["."], config={"select": ["D104"]}), "D104")
    assert f.path == "http2.md" and f.related[0].path == "http.md"


def test_cli_reports_cross_file_duplicate_with_related(tmp_path):
    _write(tmp_path, {"a.txt": f"{P3}\n\n{P1}\n", "b.txt": f"{P1}\n"})
    proc = run_cli("check", "b.txt", "--select", "D", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    (diag,) = json.loads(proc.stdout)["diagnostics"]
    assert diag["code"] == "D104" and diag["family"] == "duplicate"
    assert diag["related"] == [{"path": "a.txt", "line": 3, "column": 1}]


# -- MinHash machinery ----------------------------------------------------------------


def test_signatures_match_datasketch_affine32():
    a_ref, b_ref = datasketch.MinHash(num_perm=U.NUM_PERM, seed=U.SEED, scheme=U.SCHEME).permutations
    a_own, b_own = U.permutations()
    assert np.array_equal(a_ref, a_own) and np.array_equal(b_ref, b_own)
    doc = Document("x.txt", f"{P1}\n\n{P2}\n\nكلمة\n")
    a = U.analyse(doc)
    sh, off = U.shingle_hashes(a.stem_hashes, a.bounds)  # every bigram (signatures use the de-duplicated sets)
    for i in range(len(a.units)):
        m = datasketch.MinHash(num_perm=U.NUM_PERM, seed=U.SEED, scheme=U.SCHEME, hashfunc=lambda x: x)
        m.update_batch([int(x) for x in sh[off[i] : off[i + 1]]])
        assert np.array_equal(m.hashvalues, a.signatures[i])
        lean = datasketch.LeanMinHash(seed=U.SEED, hashvalues=a.signatures[i], scheme=U.SCHEME)
        assert lean.jaccard(datasketch.LeanMinHash(m)) == 1.0


def test_stored_permutations_are_the_drawing():
    # the table a process loads (no numpy.random import) is RandomState(SEED)'s drawing
    for k in (U.NUM_PERM, 64):
        a, b = U.permutations(k)
        ra, rb = U.draw_permutations(k)
        assert a.dtype == b.dtype == ra.dtype == np.uint32 and a.shape == b.shape == (k,)
        assert np.array_equal(a, ra) and np.array_equal(b, rb)


def test_lsh_params_favour_recall():
    b, r = lsh.lsh_params(0.8)
    assert b * r <= U.NUM_PERM
    assert 1 - (1 - 0.8**r) ** b >= 0.995


@pytest.mark.parametrize("backend", ["numpy", "datasketch"])
def test_candidate_pairs_backends_find_planted_pair(backend):
    rng = np.random.default_rng(3)
    vocab = [f"w{i}" for i in range(3000)]
    paras = [" ".join(rng.choice(vocab, 40)) for _ in range(300)]
    words = paras[10].split()
    words[20] = "changed"
    paras.append(" ".join(words))
    a = U.analyse(Document("x.txt", "\n\n".join(paras)))
    sets, off = a.shingle_sets
    pairs, sims = lsh.near_duplicate_pairs(a.signatures, sets, off, 0.8, backend)
    assert [tuple(p) for p in pairs.tolist()] == [(10, 300)]
    assert 0.8 <= sims[0] < 1


def test_brute_force_prefilter_keeps_the_pairs_of_the_mean_estimate():
    """lsh.near_duplicate_pairs below ``brute_force_below`` counts agreeing signature
    positions of all pairs at once; it keeps exactly the pairs whose mean agreement
    (the former per-pair gather) is >= threshold - 0.2, on real news paragraphs with
    planted near-copies."""
    paras = []
    for p in sorted((Path(__file__).parent.parent / "samples" / "news-ar").glob("*.txt"))[:3]:
        paras += [x for x in p.read_text(encoding="utf-8").split("\n") if len(x.split()) >= 8]
    paras += [paras[1].replace(paras[1].split()[3], "كذلك"), paras[4] + " أيضا"]
    a = U.analyse(Document("x.txt", "\n\n".join(paras)))
    sets, off = a.shingle_sets
    sigs = a.signatures
    i, j = np.triu_indices(len(paras), 1)
    before = np.stack((i, j), axis=1)[(sigs[i] == sigs[j]).mean(axis=1) >= 0.5 - 0.2]
    want = lsh.verify(before.astype(np.int64), sets, off, 0.5)
    got = lsh.near_duplicate_pairs(sigs, sets, off, 0.5, brute_force_below=300)
    assert len(want[0]) >= 2 and np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])


def test_every_rule_is_documented():
    for cls in RULES:
        doc = cls.doc()
        for section in ("What:", "Why:", "Example:", "Fix safety:"):
            assert any(line.startswith(section) for line in doc.splitlines()), (cls.code, section)
        assert cls.family == "duplicate" and cls.code.startswith("D1")


@pytest.mark.parametrize(
    "text",
    [
        seed("000").read_text(encoding="utf-8"),
        seed("003").read_text(encoding="utf-8"),
        "a\r\nb\r\n\r\n  \nc",
        "x" * 120 + "\n" + "y\n\nz",
        "  a  \n\t\n b\r\rc\n" + "q" * 200 + "\r\nw",
        "\n\nshort\nwrapped\nlines\n\n",
    ],
)
def test_paragraph_units_follow_document_paragraphs(text):
    doc = Document("x.txt", text)
    units = U.paragraph_units(doc)
    covered = [(u.start, u.end) for u in units]
    for block in doc.paragraphs:  # every block is one unit, or one unit per non-blank line
        inside = [c for c in covered if block.start <= c[0] and c[1] <= block.end]
        assert inside and inside[0][0] == block.start and inside[-1][1] == block.end
    for u in units:
        assert doc.position(u.start)[0] == u.line and doc.position(u.end)[0] == u.last_line


def test_unsafe_fixes_keep_the_first_copy_and_touch_nothing_else():
    path = seed("000")
    text = path.read_text(encoding="utf-8")
    (f,) = [f for f in lint_text(text, path=str(path), config=NO_CACHE) if f.code == "D103"]
    assert apply_fixes(text, [f], unsafe=False) == (text, 0)  # unsafe: not applied by --fix
    fixed, count = apply_fixes(text, [f], unsafe=True)
    old_lines, new_lines = text.split("\n"), fixed.split("\n")
    assert count == 1 and len(old_lines) == len(new_lines)
    assert [i for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b] == [3]  # only line 4
    assert new_lines[3] == old_lines[3][old_lines[3].index("وبالتزامن") :]
    assert new_lines[0] == old_lines[0]  # the restated original stays


def test_cli_unsafe_fix_removes_cross_file_copy_only(tmp_path):
    _write(tmp_path, {"a.txt": f"{P3}\n\n{P1}\n", "b.txt": f"{P4}\n\n{P1}\n\n{P5}\n"})
    proc = run_cli("check", "b.txt", "--select", "D104", "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == f"{P4}\n\n{P5}\n"
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == f"{P3}\n\n{P1}\n"


# -- scripts written without spaces (Han, Kana, Thai) -----------------------------------

UDHR = Path(__file__).resolve().parent / "data" / "udhr"


def _udhr_paragraphs(code: str) -> list[str]:
    return (UDHR / f"{code}.txt").read_text(encoding="utf-8").strip().split("\n\n")


def test_script_aware_tokens_split_spaceless_scripts_into_characters():
    from corpuslint.text import tokens as T

    assert T.tokens("人人生而自由,在尊严") == list("人人生而自由在尊严")
    # Thai: one token per character cluster (consonant + its vowel/tone marks)
    assert T.tokens("มนุษย์ทั้งหลาย")[:4] == ["ม", "นุ", "ษ", "ย์"]
    # other scripts keep whole words, including Devanagari vowel signs
    assert T.tokens("हिन्दी text كوريا") == ["हिन्दी", "text", "كوريا"]
    assert 9 <= T.word_count("人人生而自由,在尊严和权利上一律平等。") <= 12


@pytest.mark.parametrize("code", ["cmn_hans", "tha", "jpn"])
def test_paragraph_copied_across_files_in_spaceless_script_is_d104(tmp_path, monkeypatch, code):
    monkeypatch.chdir(tmp_path)
    ps = [p for p in _udhr_paragraphs(code) if len(p) > 40]
    copied = ps[3]
    _write(tmp_path, {
        "a.txt": "\n\n".join(ps[1:6]) + "\n",
        "b.txt": "\n\n".join(ps[10:13] + [copied] + ps[13:15]) + "\n",
    })
    findings = _by_code(lint_paths(["."], config={"select": ["D"]}), "D104")
    assert [(f.path, f.line, [(r.path, r.line) for r in f.related]) for f in findings] == [
        ("b.txt", 7, [("a.txt", 5)])
    ]
    assert "Jaccard 1.00" in findings[0].message


def test_exact_repeated_chinese_line_is_d101():
    ps = _udhr_paragraphs("cmn_hans")
    line = ps[11]  # Article 1: 人人生而自由,在尊严和权利上一律平等。...
    assert line.startswith("人人生而自由")
    # the copy in the same article (section): 第一条 and 第二条 are headings, and a copy
    # under another heading is a per-section note (regions.section_starts)
    text = "\n\n".join(ps[8:12] + [line] + ps[12:14]) + "\n"
    (f,) = ExactDuplicateLine().check(Document("zh.txt", text))
    assert (f.line, f.related[0].line) == (9, 7)
    # the other Chinese UDHR paragraphs do not repeat one another
    assert list(ExactDuplicateLine().check(Document("zh.txt", "\n\n".join(ps) + "\n"))) == []


@pytest.mark.parametrize("code", ["cmn_hans", "tha", "jpn"])
def test_distinct_spaceless_script_files_are_clean(tmp_path, monkeypatch, code):
    monkeypatch.chdir(tmp_path)
    ps = _udhr_paragraphs(code)
    _write(tmp_path, {"a.txt": "\n\n".join(ps[:30]) + "\n", "b.txt": "\n\n".join(ps[30:]) + "\n"})
    findings = [f for f in lint_paths(["."], config={"select": ["D"]}) if f.severity is not Severity.INFO]
    assert findings == []


# -- chained near-duplicates (issue 12): a finding names a copy it really matches -----


def _chain_texts(n_words: int, k: int) -> tuple[str, str, str]:
    """A, B, C built from ``n_words`` distinct real words (UDHR English): B replaces k
    interior words of A, C replaces k more words of B, all far apart, so with word
    bigrams J(A,B) = J(B,C) = (n-1-2k)/(n-1+2k) and J(A,C) = (n-1-4k)/(n-1+4k)."""
    text = (UDHR / "eng.txt").read_text(encoding="utf-8")
    vocab = list(dict.fromkeys(w.lower() for w in text.split() if w.isalpha() and len(w) > 3))
    words, spare = vocab[:n_words], vocab[n_words:]
    step = (n_words - 2) // (2 * k)
    spots = [1 + step * i + step // 2 for i in range(2 * k)]
    b = list(words)
    for i in spots[::2]:
        b[i] = spare.pop()
    c = list(b)
    for i in spots[1::2]:
        c[i] = spare.pop()
    return " ".join(words), " ".join(b), " ".join(c)


def _jaccard(x: str, y: str) -> float:
    a = U.analyse(Document("x.txt", f"{x}\n\n{y}\n"))
    sets, off = a.shingle_sets
    return U.jaccard_sorted(sets[off[0] : off[1]], sets[off[1] : off[2]])


def test_chain_texts_have_the_intended_similarities():
    a, b, c = _chain_texts(37, 2)
    assert _jaccard(a, b) == pytest.approx(0.80) and _jaccard(b, c) == pytest.approx(0.80)
    assert _jaccard(a, c) == pytest.approx(28 / 44)  # 0.64


def test_chained_near_duplicates_never_report_below_threshold(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a, b, c = _chain_texts(37, 2)
    # path order A (a.txt), C (b.txt), B (c.txt): C only reaches A through B
    _write(tmp_path, {"a.txt": f"{a}\n", "b.txt": f"{c}\n", "c.txt": f"{b}\n"})
    findings = _by_code(lint_paths(["."], config={"select": ["D104"]}), "D104")
    assert [(f.path, [r.path for r in f.related]) for f in findings] == [("c.txt", ["a.txt"])]
    assert "Jaccard 0.80" in findings[0].message
    for f in findings:  # every finding names a copy it matches at >= 0.8
        other = (tmp_path / f.related[0].path).read_text(encoding="utf-8").strip()
        assert _jaccard((tmp_path / f.path).read_text(encoding="utf-8").strip(), other) >= 0.8


def test_chained_near_duplicates_unsafe_fix_keeps_a_matching_copy(tmp_path):
    a, b, c = _chain_texts(37, 2)
    _write(tmp_path, {"a.txt": f"{a}\n", "b.txt": f"{c}\n", "c.txt": f"{b}\n"})
    proc = run_cli("check", ".", "--select", "D104", "--fix", "--unsafe-fixes", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    left = {p: (tmp_path / p).read_text(encoding="utf-8").strip() for p in ("a.txt", "b.txt", "c.txt")}
    # B went (it matches A at 0.80); C stays: its only match at >= 0.8 was B
    assert left == {"a.txt": a, "b.txt": c, "c.txt": ""}
    # nothing deleted lost its last copy at >= threshold
    assert _jaccard(b, left["a.txt"]) >= 0.8


def test_chained_near_duplicate_documents_report_a_direct_match(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a, b, c = _chain_texts(60, 3)
    assert _jaccard(a, b) >= 0.8 > _jaccard(a, c)
    _write(tmp_path, {"a.txt": f"{a}\n", "b.txt": f"{c}\n", "c.txt": f"{b}\n"})
    findings = _by_code(lint_paths(["."], config={"select": ["D105"]}), "D105")
    assert [(f.path, [r.path for r in f.related]) for f in findings] == [("c.txt", ["a.txt"])]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def test_restated_passage_tie_between_two_copies_takes_the_first(monkeypatch):
    # seed 000's first paragraph twice: its restatement (now line 6) scores the same against
    # both copies; the pair met first in the word-pair index (the first copy) is reported
    import corpuslint.families.duplicate.local as L

    lines = seed("000").read_text(encoding="utf-8").split("\n")
    doc = Document("000.txt", "\n".join([lines[0], "", lines[0], *lines[1:]]))
    ties = []
    monkeypatch.setattr(L, "_same_score_ties", lambda scored, f=L._same_score_ties: ties.append(f(scored)) or ties[-1])
    (f,) = RestatedPassage().check(doc)
    assert (f.line, f.related[0].line) == (6, 1) and ties == [True]


def test_restated_passage_token_arrays_are_the_content_tokens():
    # D103's arrays (local._content_token_array) hold units.content_tokens_many's tokens
    from corpuslint.families.duplicate import local as L

    for path in sorted(SAMPLES.glob("*.txt")):
        doc = Document(str(path), path.read_text(encoding="utf-8"))
        texts = [doc.text[s.start : s.end] for s in L.paragraph_sentences(doc)]
        values, cuts = L._content_token_array(texts)
        flat, cut = values.tolist(), cuts.tolist()
        assert [flat[cut[k] : cut[k + 1]] for k in range(len(texts))] == U.content_tokens_many(texts)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), max_size=14), max_size=12), st.integers(1, 6))
def test_restated_passage_word_pair_counts_match_the_inverted_index(toks, min_words):
    """D103's vectorised candidate counts (local._shared_word_pairs) equal the inverted
    index's in Python: pairs, shared word-pair counts, document frequencies, eligible sentences."""
    from corpuslint.families.duplicate import local as L

    values = np.array([t for s in toks for t in s], dtype=np.uint32)
    cuts = np.cumsum([0] + [len(s) for s in toks]).astype(np.int64)
    got = L._shared_word_pairs(values, cuts, min_words)
    want = L._shared_word_pairs_python(toks, min_words)
    for a, b in zip(got[:3], want[:3]):
        assert a.tolist() == b.tolist()
    assert got[3] == want[3] and got[4] == want[4]
    pairs = list(zip(got[0].tolist(), got[1].tolist()))  # every counted pair shares a posting: it has a tie key
    assert len(L._first_seen_keys(toks, min_words, pairs)) == len(pairs)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_assign_copies_property_reported_copies_match_kept_copies(data):
    from corpuslint.families.duplicate.corpus import Clusters, assign_copies

    n = data.draw(st.integers(2, 9))
    docs = data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    checked = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    sim = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            sim[i][j] = sim[j][i] = data.draw(st.sampled_from([0.5, 0.64, 0.79, 0.8, 0.9]))
    clusters = Clusters()
    clusters.rep = np.arange(n)
    # LSH may miss verified pairs: drop some edges, the direct check must cover them
    clusters.edges = {}
    for i in range(n):
        for j in range(i + 1, n):
            if sim[i][j] >= 0.8 and data.draw(st.booleans()):
                clusters.edges.setdefault(i, []).append((j, sim[i][j]))
                clusters.edges.setdefault(j, []).append((i, sim[i][j]))
    order = data.draw(st.permutations(list(range(n))))
    out = assign_copies(list(order), clusters, docs, checked, lambda x, y: sim[x][y], 0.8)
    reported = {g for g, _h, _s in out}
    pos = {g: k for k, g in enumerate(order)}
    for g, h, s in out:
        assert checked[g] and s >= 0.8 and s == sim[g][h]
        assert docs[g] != docs[h] and h not in reported and pos[h] < pos[g]
    for g in order:  # a checked copy matching an earlier kept copy elsewhere is reported
        if checked[g] and g not in reported:
            assert not any(
                pos[h] < pos[g] and h not in reported and docs[h] != docs[g] and sim[g][h] >= 0.8 for h in order
            )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), max_size=12).map(lambda xs: np.unique(np.array(xs, np.uint64))),
                max_size=8), st.integers(1, 4), st.integers(1, 3))
def test_frame_counts_in_place_and_one_part_shortcut_match_np_unique(per_doc, need, cut):
    """frames.count_frames (sorted in place) is np.unique with counts, and add_counts of
    one count (its shortcut) equals add_counts of that count split in parts."""
    from corpuslint.families.duplicate import frames as F

    u, c = F.count_frames(per_doc)
    parts = [f for f in per_doc if len(f)]
    eu, ec = np.unique(np.concatenate(parts), return_counts=True) if parts else (np.zeros(0, np.uint64), np.zeros(0))
    assert u.dtype == np.uint64 and u.tolist() == eu.tolist() and c.tolist() == ec.tolist()
    whole = F.add_counts([(u, c)], need)
    split = F.add_counts([F.count_frames(per_doc[:cut]), F.count_frames(per_doc[cut:])], need)
    assert whole.tolist() == split.tolist() == eu[ec >= need].tolist()


def _band_keys_column_by_column(sigs: np.ndarray, b: int, r: int) -> np.ndarray:
    """The band-key definition, one band and one row at a time (the old implementation)."""
    keys = np.empty((b, sigs.shape[0]), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(b):
            h = np.full(sigs.shape[0], np.uint64(0x9E3779B97F4A7C15) ^ np.uint64(k), dtype=np.uint64)
            for c in range(r):
                h = (h ^ sigs[:, k * r + c].astype(np.uint64)) * np.uint64(0x100000001B3)
                h ^= h >> np.uint64(29)
            keys[k] = h
    return keys


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 40), st.sampled_from([(32, 4), (21, 6), (64, 2), (42, 3)]), st.integers(0, 2**32 - 1))
def test_band_keys_vectorised_equal_the_band_by_band_definition(n, band_rows, seed_):
    """lsh._band_keys mixes all bands at once; the keys (stored in the corpus index, so
    they must not change) equal the band-by-band definition, bit for bit."""
    b, r = band_rows
    sigs = np.random.default_rng(seed_).integers(0, 2**32, size=(n, 128), dtype=np.uint64).astype(np.uint32)
    assert np.array_equal(lsh._band_keys(sigs, b, r), _band_keys_column_by_column(sigs, b, r))
    assert np.array_equal(lsh.band_keys(sigs, 0.8), _band_keys_column_by_column(sigs, *lsh.lsh_params(0.8)).T)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("والبكفلمنيه" + "ءأإةى" + "\u064e\u0651" + "abZ1 _-"), max_size=8))
def test_light_stem_prefilter_equals_the_regex_definition(word):
    """light_stem skips the clitic regex for words whose first letter begins no prefix;
    the stems (hashed into every shingle and stored in the corpus index) are those of
    the regex alone, e.g. و + "الد" (وال + one letter fails, و alone strips)."""
    from corpuslint.text import normalize

    stripped = normalize._CLITIC_RE.sub("", word, count=1)
    assert normalize.light_stem(word) == (stripped if len(stripped) >= 2 else word)
    assert normalize.light_stem("والد") == "الد" and normalize.light_stem("كتاب") == "كتاب"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("\u064a\u064b\u064e\u0652\u0653\u066f\u0670\u0671a \U0001d11e\ud800\udfff\uffff"), max_size=12))
def test_harakat_count_equals_counting_each_harakah(text):
    """regions.harakat_count (one pass over the code points) counts what nine
    str.count calls do, with astral characters and lone surrogates around."""
    from corpuslint.families.duplicate import regions

    assert regions.harakat_count(text) == sum(map(text.count, regions._HARAKAT))


# -- the run table: numpy run keys, bucketed lookups, units from one scan (d104x) ---------

_TEXT_PIECES = st.sampled_from(
    ["", " ", "\n", "\n\n", "  \n", "\t", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "\u200b",
     "word", "Word", "كلمة", "قالتِ", "وبالتزامن", "人人生而自由", "มนุษย์", "123", "١٢٣", "É.é_-/%`", "\x00", "\ud800",
     "x" * 33, "y" * 32, "z" * 120, "ab" * 40 + " "]
)


def _reference_words(text: str) -> list[tuple[int, int, bool]]:
    """(stem hash, normalised-word hash, not only digits) of every word of ``text``, one
    whitespace run at a time, straight from the text functions (no run table)."""
    import xxhash

    from corpuslint.text import normalize
    from corpuslint.text import tokens as T

    out = []
    for run in text.split():
        for w in T.tokens(normalize.normalize_chars(run)):
            out.append((xxhash.xxh32_intdigest(normalize.light_stem(w).encode("utf-8", "surrogatepass")),
                        xxhash.xxh64_intdigest(w.encode("utf-8", "surrogatepass")), not w.isdigit()))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_TEXT_PIECES, max_size=12).map("".join), max_size=6))
def test_words_of_equal_the_words_of_each_run(texts):
    index, bounds = U.words_of(texts)
    for k, text in enumerate(texts):
        seg = index[bounds[k] : bounds[k + 1]]
        got = list(zip(U._W_STEM[seg].tolist(), U._W_NORM[seg].tolist(), U.word_flags()[1][seg].tolist()))
        assert got == _reference_words(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT_PIECES, max_size=30).map("".join))
def test_run_keys_split_like_str_split_and_key_equal_runs_equally(text):
    keys, starts, ends = U._run_keys(text)
    runs = [text[s:e] for s, e in zip(starts.tolist(), ends.tolist())]
    assert runs == text.split()
    assert keys.all()
    by_run: dict[str, int] = {}
    for r, k in zip(runs, keys.tolist()):
        assert by_run.setdefault(r, k) == k
    assert len(set(by_run.values())) == len(by_run)  # no two distinct runs share a key here


def test_run_table_small_window_and_cache_reset_give_the_same_words(monkeypatch):
    # a 64-character powers table (runs crossing its period, texts keyed in pieces) and a
    # run cache that starts afresh every few documents: the same words as the defaults
    texts = [seed_line("001", k) for k in (7, 15)] + [seed_line("002", k) for k in (15, 25)] + ["x" * 70 + " " + P4]
    expected = [_reference_words(t) for t in texts]
    monkeypatch.setattr(U, "_WINDOW", 64)
    monkeypatch.setattr(U, "_KEY_TABLES", [])
    monkeypatch.setattr(U, "_RUN_CACHE_MAX", 20)
    for _ in range(3):
        for text, want in zip(texts, expected):
            index, bounds = U.words_of([text, text[::-1]])
            seg = index[bounds[0] : bounds[1]]
            assert list(zip(U._W_STEM[seg].tolist(), U._W_NORM[seg].tolist(), U.word_flags()[1][seg].tolist())) == want
    monkeypatch.undo()
    U._clear_runs()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "\n", "\n\n", "  \n", "\t", "\x0c", "\u2028", "word", "كلمة سلام", "a b",
                                 "x" * 99, "y" * 100, "z" * 130, "%", "\r", "\r\n"]), max_size=25).map("".join),
       st.sampled_from(["x.txt", "x.md"]))
def test_analysis_units_are_the_paragraph_units_with_words(text, path):
    doc = Document(path, text)
    a = U.Analysis(doc)
    with_words = [u for u in U.paragraph_units(doc) if _reference_words(text[u.start : u.end])]
    assert a.units == with_words
    assert a.table.tolist() == [list(u) for u in with_words]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0, 1, 7, 2**31, 2**32 - 1]), min_size=1, max_size=6), max_size=6))
def test_shingle_sets_equal_unique_segments_of_shingle_hashes(units):
    th = np.array([x for u in units for x in u], dtype=np.uint32)
    bounds = np.concatenate(([0], np.cumsum([len(u) for u in units]))).astype(np.int64)
    got, want = U.shingle_sets(th, bounds), U.unique_segments(*U.shingle_hashes(th, bounds))
    assert got[0].dtype == want[0].dtype and got[0].tolist() == want[0].tolist() and got[1].tolist() == want[1].tolist()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["كلمة ", "word ", "Word", "x.y", "a_b", "/usr", "`ls`", "1", "١", "Ⅻ", "\U0001d400",
                                 "\n", " ", ".", "ǅ", "中文", "ไทย", "\U00020000", "々", "ー"]), max_size=12).map("".join))
def test_name_free_means_no_span_has_a_name(text):
    from corpuslint.families.duplicate import codepoints, meaning

    free = meaning.name_free(text, codepoints.name_hints(codepoints.scan(text)[1]))
    assert free == meaning.name_free(text)
    spans = [(0, len(text))] + [(k, len(text)) for k in range(len(text))]
    if free:  # (the converse need not hold: a lone digit is no name)
        assert not any(meaning.names_of_spans(text, spans))
    if any(meaning.names_of_spans(text, spans)):
        assert not free


def test_code_point_classes_are_what_each_test_says():
    from corpuslint.families.duplicate import codepoints as CP

    table = CP.class_table()
    chars = [chr(c) for c in range(0x10000)]
    assert [bool(b & CP.SPACE) for b in table[:-1].tolist()] == [c.isspace() for c in chars]
    assert [bool(b & CP.CAPITAL) for b in table[:-1].tolist()] == [CP.CAPITAL_RE.match(c) is not None for c in chars]
    assert [bool(b & CP.DIGIT) for b in table[:-1].tolist()] == [CP.DIGIT_RE.match(c) is not None for c in chars]
    assert [bool(b & CP.HARAKA) for b in table[:-1].tolist()] == [c in CP.HARAKAT for c in chars]
    import regex

    arabic = regex.compile(r"[\u0621-\u064A\u0671-\u06D3]")  # vocalised's letters, as it once counted them
    assert [bool(b & CP.ARABIC_LETTER) for b in table[:-1].tolist()] == [arabic.match(c) is not None for c in chars]
    from corpuslint.text import tokens as T

    # has_spaceless' first test (a character of these blocks), which name_hints spares
    assert [bool(b & CP.SPACELESS_BLOCK) for b in table[:-1].tolist()] == [T._BLOCKS_RE.match(c) is not None
                                                                           for c in chars]
    # beyond the BMP: maybe a capital, a digit or a spaceless script's character, never space
    assert int(table[-1]) == CP.CAPITAL | CP.DIGIT | CP.SPACELESS_BLOCK
    assert not any(chr(c).isspace() for c in range(0x10000, 0x110000, 7))
    text = "Ab ١\u064e\U0001d400\n"
    cp, classes = CP.scan(text)
    assert cp.tolist() == [ord(c) for c in text] and CP.scan(text)[1] is classes  # the last scan is remembered
    assert classes.tolist() == [CP.SPACE] + table.take(cp, mode="clip").tolist() + [CP.SPACE]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "كتب", "\u064e", "\u0301", "中", "\u3042", "ー", "\u0e01", "\u0e9a", "\u1780",
                                 "\u1000", "\U00020000", "\U0001d400", "\U0001f600", "\n", " ", "\ud800"]),
                max_size=8).map("".join))
def test_needs_script_is_the_pattern_search(text):
    # the table by code point, filled as characters are met, answers as the regex does
    assert U._needs_script(text) == (U._NEEDS_SCRIPT_RE.search(text) is not None)


def test_release_mapping_gives_back_a_columns_pages_values_unchanged():
    # a spilled column read through small views: release_mapping drops every page of
    # its mapping from the process (read again on access); an array in memory is untouched
    from corpuslint.arrays import mapping_root, release_mapping

    def rss_file_kb() -> int:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("RssFile:"))

    values = np.arange(4_000_000, dtype=np.uint32)
    spill = StateSpill()
    try:
        states = spill.get_many([spill.put({"sets": values[k::4].copy()}, "G") for k in range(4)])
        views = [st["sets"] for st in states]
        assert len({id(mapping_root(v)) for v in views}) == 1  # one column, one mapping
        before = rss_file_kb()
        assert sum(int(v.sum(dtype=np.uint64)) for v in views) == int(values.sum(dtype=np.uint64))
        read = rss_file_kb()
        release_mapping(views[2])
        if sys.platform.startswith("linux"):
            assert read - before > 8_000 and rss_file_kb() < read - 8_000  # (16 MB read, then given back)
        assert [v[::997].tolist() for v in views] == [values[k::4][::997].tolist() for k in range(4)]
        own = values.copy()
        release_mapping(own)
        assert np.array_equal(own, values)
    finally:
        spill.close()


def _bucket_candidates_reference(keys: np.ndarray) -> list[tuple[int, int]]:
    pairs = set()
    for k in range(keys.shape[1]):
        buckets: dict[int, list[int]] = {}
        for i, key in enumerate(keys[:, k].tolist()):
            buckets.setdefault(key, []).append(i)
        for m in buckets.values():
            if len(m) <= lsh.MAX_BUCKET_PAIRS:
                pairs.update((a, b) for x, a in enumerate(m) for b in m[x + 1 :])
            else:  # star from the first member + chain
                pairs.update((m[0], b) for b in m[1:])
                pairs.update(zip(m, m[1:]))
    return sorted(pairs)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 160), st.integers(1, 4), st.sampled_from([2, 5, 50, 2**64 - 1]), st.randoms())
def test_bucket_candidates_are_every_shared_band_pair(n, b, span, rnd):
    # the buckets of each band (items sharing a key): all pairs, or star + chain when large
    keys = np.array([[rnd.randint(0, span) for _ in range(b)] for _ in range(n)], dtype=np.uint64).reshape(n, b)
    got = lsh._bucket_candidates(keys, n) if n else np.zeros((0, 2), np.int64)
    assert [tuple(p) for p in got.tolist()] == _bucket_candidates_reference(keys)
    rows = np.arange(n)[::-1].copy()  # read through rows: item i is row rows[i]
    if n:
        want = _bucket_candidates_reference(keys[rows])
        assert [tuple(p) for p in lsh._bucket_candidates(keys, n, rows).tolist()] == want
    merge = lsh._MERGE_CODES
    try:  # each band's new pairs merged into the distinct ones gathered so far: the same pairs
        lsh._MERGE_CODES = rnd.choice([0, 1, 3])
        got = lsh._bucket_candidates(keys, n) if n else np.zeros((0, 2), np.int64)
        assert [tuple(p) for p in got.tolist()] == _bucket_candidates_reference(keys)
    finally:
        lsh._MERGE_CODES = merge


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), max_size=30).map(lambda v: sorted(set(v))), min_size=2, max_size=12),
       st.randoms(), st.sampled_from([0.0, 0.5, 0.8, 1.0]))
def test_verify_counts_are_the_exact_intersections(sets_l, rnd, threshold):
    # both ways of counting |A & B| (tagged values of a step of pairs sorted together; a
    # slot table per first set, its values that lost their slot looked up apart) and
    # verify's Jaccards equal Python sets', pairs in any order
    sets = np.array([x for s in sets_l for x in s], dtype=np.uint32)
    off = np.concatenate(([0], np.cumsum([len(s) for s in sets_l]))).astype(np.int64)
    n = len(sets_l)
    pairs = list({tuple(sorted(rnd.sample(range(n), 2))) for _ in range(25)})
    rnd.shuffle(pairs)
    pairs = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    want = [len(set(sets_l[a]) & set(sets_l[b])) for a, b in pairs.tolist()]
    assert lsh._common_by_merge(pairs, sets, off).tolist() == want
    assert lsh._common_by_slots(pairs, sets, off).tolist() == want
    knobs = lsh._SLOT_BITS, lsh._SLOT_RELEASE, lsh._SEARCH_BLOCK, lsh._SEARCH_STEP
    spill = StateSpill()
    try:  # tiny slot tables (values sharing a slot), pages given back often, sets mapped
        # from a spill, values wider than 32 bits: the same counts
        lsh._SLOT_BITS = (rnd.choice([1, 2, 3]),) * 2
        lsh._SLOT_RELEASE, lsh._SEARCH_BLOCK, lsh._SEARCH_STEP = (rnd.choice([1, 5, 17]) for _ in range(3))
        mapped = spill.get_many([spill.put({"sets": sets}, "G")])[0]["sets"]
        for s in (sets, mapped, sets.astype(np.uint64)):
            assert lsh._common_by_slots(pairs, s, off).tolist() == want
            assert lsh._common_by_merge(pairs, s, off).tolist() == want
    finally:
        lsh._SLOT_BITS, lsh._SLOT_RELEASE, lsh._SEARCH_BLOCK, lsh._SEARCH_STEP = knobs
        spill.close()
    ref = []
    for (a, b), c in zip(pairs.tolist(), want):
        sa, sb = len(sets_l[a]), len(sets_l[b])
        if min(sa, sb) >= threshold * max(sa, sb) and (c / (sa + sb - c) if sa + sb - c else 1.0) >= threshold:
            ref.append((a, b, c / (sa + sb - c) if sa + sb - c else 1.0))
    got, sims = lsh.verify(pairs, sets, off, threshold)
    assert [(a, b, x) for (a, b), x in zip(got.tolist(), sims.tolist())] == ref
    chunk, slot_min = lsh.VERIFY_CHUNK, lsh.SLOT_MIN_SIZE
    try:  # a few candidate pairs verified at a time, either count: the same pairs, order and Jaccards
        lsh.VERIFY_CHUNK, lsh.SLOT_MIN_SIZE = rnd.choice([1, 2, 7]), rnd.choice([0, slot_min])
        got, sims = lsh.verify_in_chunks(pairs, sets, off, threshold)
        assert [(a, b, x) for (a, b), x in zip(got.tolist(), sims.tolist())] == ref
    finally:
        lsh.VERIFY_CHUNK, lsh.SLOT_MIN_SIZE = chunk, slot_min


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["في", "والكتاب", "the", "x1", "٣٤", "12", "中文", "a", "كلمة", " ", "\n", "Word"]),
                max_size=12).map(" ".join), st.booleans())
def test_word_flags_on_demand_are_each_words(text, clear):
    # content / alpha flags, set on demand for the words added since the last call,
    # are what each word's own tests say (a spaceless-script character is no whole word)
    from corpuslint.text import normalize
    from corpuslint.text import tokens as T

    if clear:
        U._clear_runs()
    index, _bounds = U.words_of([text])
    content, alpha = U.word_flags()
    want = []
    for run in text.split():
        for w in T.tokens(normalize.normalize_chars(run)):
            stem = normalize.light_stem(w)
            whole = T.word_weight(w) == 1.0
            want.append((whole and len(stem) >= 2 and stem not in U._stop_stems() and not U._HAS_DIGIT(stem),
                         not w.isdigit()))
    assert list(zip(content[index].tolist(), alpha[index].tolist())) == want


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([1, 3, 59, U._CHUNK_ROWS - 1, U._CHUNK_ROWS, U._CHUNK_ROWS + 1, 700, 2047, 2048, 2049,
                                  4100]), min_size=1, max_size=6), st.integers(0, 2**32 - 1))
def test_signatures_in_blocks_equal_each_units_minimum(sizes, seed_):
    # units packed in blocks of _CHUNK_ROWS shingles (a larger unit on its own): each
    # row is min over the unit of (a * fmix32(h) + b) mod 2**32, computed unit by unit
    rng = np.random.default_rng(seed_)
    sh = rng.integers(0, 2**32, sum(sizes), dtype=np.uint64).astype(np.uint32)
    off = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
    a, b = U.permutations()
    want = [(np.multiply.outer(a, U.fmix32(sh[off[i] : off[i + 1]])) + b[:, None]).min(axis=1) for i in range(len(sizes))]
    assert np.array_equal(U.signatures(sh, off), np.array(want, dtype=np.uint32))


@settings(max_examples=100, deadline=None)
@given(st.sets(st.tuples(st.integers(0, 3), st.integers(1, 2**40)), min_size=1, max_size=300),
       st.integers(1, 2**64 - 1), st.integers(1, 4))
def test_run_table_finds_every_key_it_holds(entries, other, batches):
    # keys crowding a few home buckets (their top bits) spill into later buckets; the
    # table grows as batches arrive: each key is found at the slot holding it, others not
    U._clear_runs()
    try:
        keys = np.array(sorted({(b << 60) | low for b, low in entries}), dtype=np.uint64)
        words = np.arange(len(keys), dtype=np.int64) + 7
        for part in np.array_split(np.arange(len(keys)), min(batches, len(keys))):
            U._insert_keys(keys[part], words[part])
        slots = U._lookup_keys(keys)
        assert U._TAB_KEY.reshape(-1)[slots].tolist() == keys.tolist()
        assert U._RUN_WORDS[slots].tolist() == words.tolist()
        if other not in set(keys.tolist()):
            assert U._lookup_keys(np.array([other], dtype=np.uint64)).tolist() == [-1]
    finally:
        U._clear_runs()


def _lines_edit_reference(doc, first_line, last_line):
    """remove_lines_edit as it was written over ``doc.lines`` before it was computed
    around the span in the text: the reference the span version must equal."""
    lines, text = doc.lines, doc.text
    fi, li = first_line - 1, last_line - 1
    start = lines[fi].start
    end = lines[li].end + len(lines[li].newline)
    if not lines[li].newline:
        if fi > 0:
            start = lines[fi - 1].end
        return Edit(start, end, "")

    def blank(i):
        return 0 <= i < len(lines) and not text[lines[i].start : lines[i].end].strip()

    if (fi == 0 or blank(fi - 1)) and blank(li + 1) and li + 1 < len(lines):
        nxt = lines[li + 1]
        if nxt.newline:
            end = nxt.end + len(nxt.newline)
        elif fi > 0:
            start = lines[fi - 1].end
            end = nxt.end
    return Edit(start, end, "")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "  x", "", "\t"]), min_size=1, max_size=8),
       st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=8, max_size=8), st.booleans(), st.data())
def test_remove_lines_edit_equals_the_line_walk(line_texts, endings, final_newline, data):
    text = "".join(t + e for t, e in zip(line_texts, endings))
    if not final_newline:
        text = text[: len(text) - len(endings[len(line_texts) - 1])]
    doc = Document("x.txt", text)
    lines = doc.lines
    first = data.draw(st.integers(1, len(lines)))
    last = data.draw(st.integers(first, len(lines)))
    want = _lines_edit_reference(doc, first, last)
    assert U.remove_lines_edit(doc, first, last) == want
    assert U.remove_span_lines_edit(text, lines[first - 1].start, lines[last - 1].end) == want
