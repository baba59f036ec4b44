"""A state stored by columns in the --no-cache spill is read back as it was put (issue 14).

Its header in the spill's main file is now its schema's number (the group and each field's
name, dtype and number of dimensions, kept by the spill in memory) and each field's shape
and place in its column, as int64 numbers, where it was a msgpack list of names, dtype
strings, shapes and offsets, packed and parsed per state (a record's D104 and D106 states:
~2/3 of the spill's cost). Properties: any dicts of arrays of the stored dtypes, of any
shape (0-d, empty, several dimensions, not contiguous), several schemas in one group,
come back equal, as views (``get_many``) and as arrays of their own (``get``); a damaged
header is a ``CodecError``, never a wrong state."""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.codec import CodecError
from corpuslint.store import ColumnState, StateSpill

_DTYPES = ("?", "i1", "u1", "<i2", "<u2", "<i4", "<u4", "<i8", "<u8", "<f4", "<f8")


@st.composite
def _arrays(draw):
    dtype = np.dtype(draw(st.sampled_from(_DTYPES)))
    shape = tuple(draw(st.lists(st.integers(0, 4), max_size=3)))
    values = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape) * draw(st.integers(1, 5))
    a = np.asarray(values).astype(dtype)  # (a 0-d array times an int is a scalar: an array again)
    if a.ndim == 2 and draw(st.booleans()):
        a = a.T  # (not contiguous: written as a contiguous copy)
    return a


_STATES = st.dictionaries(st.sampled_from(["lines", "keys", "sets", "sigs", "bands", "n"]), _arrays(),
                          min_size=1, max_size=5)


def _same(a, b) -> bool:
    return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["D104", "D106"]), _STATES), min_size=1, max_size=40))
def test_states_by_columns_come_back_as_they_were_put(items):
    spill = StateSpill()
    try:
        refs = [spill.put(state, group) for group, state in items]
        views = spill.get_many(refs)
        for (_group, state), ref, view in zip(items, refs, views):
            assert isinstance(view, ColumnState)
            assert list(view) == list(state)
            assert all(_same(view[name], a) for name, a in state.items())
            own = spill.get(ref)
            assert isinstance(own, dict) and list(own) == list(state)
            assert all(_same(own[name], a) and own[name].flags.writeable for name, a in state.items())
        assert spill.get_many(refs, own=True)[-1].keys() == items[-1][1].keys()
    finally:
        spill.close()


def _damage(spill: StateSpill, ref, data: bytes) -> None:
    spill.flush()
    os.pwrite(spill._fh.fileno(), data, ref.offset)


@pytest.mark.parametrize("bad", ["unknown schema", "negative", "partial number"])
def test_a_damaged_header_is_a_codec_error(bad):
    spill = StateSpill()
    try:
        ref = spill.put({"keys": np.arange(6, dtype=np.uint32).reshape(2, 3), "n": np.array(7, dtype="<i8")}, "D104")
        assert _same(spill.get(ref)["keys"], np.arange(6, dtype=np.uint32).reshape(2, 3))
        if bad == "unknown schema":
            _damage(spill, ref, (5).to_bytes(8, "little"))
        elif bad == "negative":
            _damage(spill, ref, (0).to_bytes(8, "little") + (-1).to_bytes(8, "little", signed=True))
        else:
            from corpuslint.store import Spilled

            ref = Spilled(ref.offset, ref.length - 3, "D104")
        with pytest.raises(CodecError):
            spill.get_many([ref])
        with pytest.raises(CodecError):
            spill.get(ref)
    finally:
        spill.close()
