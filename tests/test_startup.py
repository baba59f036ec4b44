"""Start-up stays light (issue 14, target 5): what a run on one small English file
does NOT load. The CPU figures live in benchmarks/bench_startup.py; these tests check
the behaviour behind them, in a fresh interpreter each."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
import regex

from corpuslint.text.lazy_regex import lazy, lazy_re

ENGLISH = "The committee met on Tuesday to review the proposal.\nMembers agreed to publish the report next month.\n"


def _fresh(code: str, cwd, env: dict | None = None) -> dict:
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_check_on_english_text_loads_no_arabic_dictionary_and_no_heavy_optional_module(tmp_path):
    (tmp_path / "one.txt").write_text(ENGLISH, encoding="utf-8")
    out = _fresh("""
        import contextlib, io, json, sys
        from corpuslint.cli import main
        from corpuslint.families.spelling import backends
        stems = set()  # dictionaries read during the run (S101 drops them once it has reduced)
        real = backends._hunspell
        backends._hunspell = lambda stem, packages, read=True: (stems.add(stem) if read else None) or real(stem, packages, read)
        with contextlib.redirect_stdout(io.StringIO()):
            rc = main(["check", "one.txt"])
        loaded = sorted(stems)
        heavy = sorted(m for m in ("ftfy", "qalsadi", "hunspell", "datasketch", "scipy", "pyarrow", "dask",
                                   "altair", "markdown_it", "concurrent.futures.process", "xml.etree.ElementTree",
                                   "html.entities") if m in sys.modules)
        print(json.dumps({"rc": rc, "dictionaries": loaded, "heavy": heavy}))
    """, tmp_path)
    assert out == {"rc": out["rc"], "dictionaries": [], "heavy": []}
    assert out["rc"] in (0, 1)


def test_check_on_one_small_file_compiles_few_patterns_and_skips_numpy_ma(tmp_path):
    """Module-level patterns compile at first use (text/lazy_regex.py), and the one-file
    path's distinct-value sorts do not import numpy.ma (~20 ms): a small English file
    compiles under half of the ~210 patterns the rule modules define."""
    (tmp_path / "one.txt").write_text(ENGLISH, encoding="utf-8")
    out = _fresh("""
        import contextlib, io, json, sys
        import regex
        made = []
        real = regex.compile
        regex.compile = lambda *a, **k: made.append(a[0]) or real(*a, **k)
        from corpuslint.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            rc = main(["check", "one.txt"])
        print(json.dumps({"rc": rc, "compiled": len(made), "numpy.ma": "numpy.ma" in sys.modules}))
    """, tmp_path)
    assert out["rc"] in (0, 1)
    assert out["compiled"] < 105 and out["numpy.ma"] is False


def test_own_process_pauses_the_collector_only_while_loading_and_gives_openblas_one_thread(tmp_path):
    """``corpuslint`` in its own process (the console script's ``__main__.console``)
    loads its modules and plugins with the cyclic collector paused, then freezes them
    and resumes it (the run itself is collected as before); numpy's OpenBLAS gets one
    thread unless the user set ``OPENBLAS_NUM_THREADS``. Called in-process, ``cli.main``
    leaves the caller's collector and environment alone."""
    (tmp_path / "one.txt").write_text(ENGLISH, encoding="utf-8")
    code = """
        import contextlib, gc, io, json, os, sys
        sys.argv = ["corpuslint", "check", "one.txt"]
        from corpuslint import engine
        seen = {}
        real_run = engine.run
        def run(*a, **k):  # the collector's state while the documents are checked
            seen["enabled_in_run"] = gc.isenabled()
            seen["frozen"] = gc.get_freeze_count()
            return real_run(*a, **k)
        import corpuslint.cli
        corpuslint.cli.run = run
        from corpuslint.__main__ import console
        with contextlib.redirect_stdout(io.StringIO()):
            rc = console()
        print(json.dumps(dict(seen, rc=rc, enabled_after=gc.isenabled(), blas=os.environ.get("OPENBLAS_NUM_THREADS"),
                              numpy="numpy" in sys.modules)))
    """
    import os

    unset = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}  # (dask's import sets it here)
    out = _fresh(code, tmp_path, unset)
    assert out["rc"] in (0, 1) and out["numpy"]  # (numpy loaded after the setting)
    assert out["enabled_in_run"] and out["enabled_after"] and out["frozen"] > 10_000
    assert out["blas"] == "1"
    assert _fresh(code, tmp_path, dict(unset, OPENBLAS_NUM_THREADS="2"))["blas"] == "2"  # the user's setting stays
    inproc = _fresh("""
        import contextlib, gc, io, json, os
        from corpuslint.cli import main
        gc.disable()
        with contextlib.redirect_stdout(io.StringIO()):
            rc = main(["check", "one.txt"])
        print(json.dumps({"rc": rc, "enabled": gc.isenabled(), "blas": os.environ.get("OPENBLAS_NUM_THREADS")}))
    """, tmp_path, unset)
    assert inproc == {"rc": out["rc"], "enabled": False, "blas": None}


def test_arabic_text_still_loads_the_arabic_dictionary(tmp_path):
    (tmp_path / "ar.txt").write_text("ذهب الولد إلى المدرسة صباحا ثم عاد إلى البيت.\n", encoding="utf-8")
    out = _fresh("""
        import contextlib, io, json
        from corpuslint.cli import main
        from corpuslint.families.spelling import backends
        stems = set()  # dictionaries read during the run (S101 drops them once it has reduced)
        real = backends._hunspell
        backends._hunspell = lambda stem, packages, read=True: (stems.add(stem) if read else None) or real(stem, packages, read)
        with contextlib.redirect_stdout(io.StringIO()):
            main(["check", "--no-cache", "ar.txt"])
        print(json.dumps(sorted(stems)))
    """, tmp_path)
    assert out == ["ar"]


def test_mojibake_line_still_imports_ftfy_and_is_reported(tmp_path):
    broken = "Café owners said the menus were printed in Zürich last year.".encode("utf-8").decode("latin-1")
    (tmp_path / "m.txt").write_text(broken + "\n", encoding="utf-8")
    out = _fresh("""
        import contextlib, io, json, sys
        from corpuslint.cli import main
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            main(["check", "--no-cache", "--select", "A105", "--output-format", "concise", "m.txt"])
        print(json.dumps({"ftfy": "ftfy" in sys.modules, "out": buf.getvalue()}))
    """, tmp_path)
    assert out["ftfy"] and "A105" in out["out"]


def test_lazy_pattern_compiles_at_first_use_and_matches_like_regex():
    pat = lazy(r"(?<![\p{L}])[0-9A-Fa-f]{4,}", regex.IGNORECASE)
    assert "_compiled" not in pat.__dict__ and pat.pattern.startswith("(?<!")
    real = regex.compile(r"(?<![\p{L}])[0-9A-Fa-f]{4,}", regex.IGNORECASE)
    text = "id beef12 and xcafe, DEAD 12"
    assert [m.span() for m in pat.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert "_compiled" in pat.__dict__
    assert pat.sub("#", text) == real.sub("#", text)
    assert pat.flags == real.flags and pat.groups == real.groups
    assert isinstance(pat.compiled, regex.Pattern)


def test_lazy_re_pattern_matches_like_re_and_lacks_only_what_re_lacks():
    """lazy_re defers ``re.compile``; re's patterns have no ``splititer``, which must be
    an AttributeError, not an endless recursion (the first version recursed)."""
    import re

    pat = lazy_re(r"[\t ]+(\w+)")
    real = re.compile(r"[\t ]+(\w+)")
    text = "a  bc\td e"
    assert pat.findall(text) == real.findall(text) and pat.sub("_", text) == real.sub("_", text)
    assert isinstance(pat.compiled, re.Pattern) and pat.groups == 1
    with pytest.raises(AttributeError):
        pat.splititer(text)


def test_importing_the_cli_loads_no_numpy(tmp_path):
    """``corpuslint.cli`` imports without numpy, which the plugins' rules load after the CLI has
    given OpenBLAS one thread (``cli._own_process``): a rule module importing the duplicate family
    at its top (``regions.rendered_manual``, ``manual_display``) loaded numpy first, and its idle
    BLAS threads took ``--version`` from 0.28 to 0.39 s CPU."""
    out = _fresh("""
        import json, sys
        import corpuslint.cli
        print(json.dumps({"numpy": "numpy" in sys.modules}))
    """, tmp_path)
    assert out == {"numpy": False}
