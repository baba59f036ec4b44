"""With ``--jobs 2`` the reduce lanes' findings wait in files too (issue 14, target 1:
100 MB of text, at most twice its size, with the default jobs on two cores).

Session 57 wrote the findings to a ``store.FindingSpill`` as one process reduced rule
after rule; with jobs 2 (``engine.Linter._reduce_in_lanes``) the lead rule (S101) still
held its findings to its end, and each child process sent its rules' findings back
pickled, read whole in the parent at once: the parent and S103's child peaked at ~230 MB
on bench_scale's 100 MB (2.24x the text). Now the lead writes its findings as it makes
them, each child writes its rules' to a spill file of its own (``FindingSpill.part``,
made before the fork) and sends back only where they are (``sent``), which the parent
adopts (``adopt``); ``read(order)`` gives the map's findings, then each rule's in rule
order: the jobs 1 report, byte for byte.

Here: spilled parts come back grouped by key in the order asked, each key's in the order
written (a property); a part filled by a forked process is read back in the parent,
including a finding msgpack cannot store; with jobs 2 the children send no finding and
the findings are the jobs 1 findings; a child that dies after writing some of its
findings has its rules reduced in the parent, none of the dead child's rows read.
"""

from __future__ import annotations

import os
import pickle
import signal

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import engine
from corpuslint.findings import Finding, Severity
from corpuslint.store import FindingSpill

from .test_s57_findings_spill import _findings as _generated
from .test_stream import _findings, _with_slips

_keys = st.sampled_from([None, "D104", "S101", "S103", "Q999"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_keys, st.lists(_generated(), max_size=4)), max_size=8))
def test_a_spill_gives_back_each_keys_findings_in_the_order_asked(writes):
    order = ["D104", "S101", "S103"]  # ("Q999": a key not in the order, read first with the map's)
    spill = FindingSpill()
    try:
        for key, batch in writes:
            spill.extend(batch, key)
        rank = {k: i for i, k in enumerate(order)}
        expected = [f for k in (-1, *range(len(order)))
                    for key, batch in writes if rank.get(key, -1) == k for f in batch]
        assert spill.count == len(expected)
        assert spill.read(order) == expected
        assert spill.read(order) == []
    finally:
        spill.close()


def test_a_part_filled_by_a_forked_process_is_read_in_the_parent():
    odd = frozenset({"a plugin's record id"})  # (not msgpack data: pickled back with the rows' places)
    mine = [Finding("D104", "d", "duplicate", Severity.WARNING, "here", "a.txt", 0, 4)]
    theirs = [Finding("S103", "s", "spelling", Severity.ERROR, f"there {i}", "b.txt", i, i + 2,
                      record=odd if i == 2 else None) for i in range(5)]
    spill = FindingSpill()
    try:
        spill.extend(mine, "D104")
        part = spill.part()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: fill the part, send where the rows are, leave at once
            try:
                os.close(read)
                part.extend(theirs[:3], "S103")
                part.extend(theirs[3:], "S103")
                os.write(write, pickle.dumps(part.sent()))
            finally:
                os._exit(0)
        os.close(write)
        with os.fdopen(read, "rb") as fh:
            sent = pickle.loads(fh.read())
        os.waitpid(pid, 0)
        assert part.count == 0  # (written by the child only)
        spill.adopt(part, sent)
        assert spill.count == 6
        back = spill.read(["S103", "D104"])
    finally:
        spill.close()
    assert back == theirs + mine
    assert back[2].record == odd and back[0].record is None


def test_with_jobs_2_the_children_send_back_no_finding(tmp_path, monkeypatch):
    """The reduce lanes' children write their findings to files and pickle back only where
    they are; the parent's lead (S101) writes its own as it makes them; the findings, in
    report order, are the jobs 1 findings."""
    _with_slips(tmp_path)
    serial = _findings(tmp_path, jobs=1, cache=False)
    assert {"D104", "S101", "S103"} <= {f["code"] for f in serial}
    results: list = []
    result = engine._Lane.result

    def recording(self):
        value = result(self)
        results.append(value)
        return value

    leads: list = []
    reduce_rule = engine.Linter._reduce_rule

    def lead(self, rule, *args, **kwargs):
        out = reduce_rule(self, rule, *args, **kwargs)
        if len(args) >= 6 and args[5] is not None:  # (the lead: reduced with a ``prepare``)
            leads.append((rule.code, out))
        return out

    monkeypatch.setattr(engine._Lane, "result", recording)
    monkeypatch.setattr(engine.Linter, "_reduce_rule", lead)
    assert _findings(tmp_path, jobs=2, cache=False) == serial
    assert len(results) == 2
    for value in results:
        *found, sent = value
        assert found and all(f == [] for f in found)  # one empty list a rule: nothing pickled back
        parts, held, count = sent
        assert count > 0 and held == [] and {key for key, _, _ in parts} <= {"D104", "D105", "D106", "D107", "S103"}
    assert leads == [("S101", [])]


def test_a_child_that_dies_after_writing_findings_has_its_rules_reduced_in_the_parent(tmp_path, monkeypatch, capsys):
    """A child killed after it wrote its rules' findings but before it said where they are:
    its rules are reduced again in the parent (a warning), and what the child wrote is never
    read: the jobs 1 findings, none twice."""
    _with_slips(tmp_path)
    serial = _findings(tmp_path, jobs=1, cache=False)
    fork = engine._Lane.fork.__func__
    wrote: list[int] = []

    def dying(cls, work, after=None):
        def work_then_die():
            work()
            os.kill(os.getpid(), signal.SIGKILL)

        return fork(cls, work_then_die, after)

    adopt = FindingSpill.adopt
    monkeypatch.setattr(FindingSpill, "adopt", lambda self, other, sent: wrote.append(sent) or adopt(self, other, sent))
    monkeypatch.setattr(engine._Lane, "fork", classmethod(dying))
    assert _findings(tmp_path, jobs=2, cache=False) == serial
    assert "in a child process failed" in capsys.readouterr().err
    assert wrote == []
