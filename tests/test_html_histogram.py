"""The HTML report's histograms are counted in Python (``outputs.html.histogram``): a few
bins of a nice width instead of one data row per document for altair and Vega."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint.outputs.html import histogram

values = st.lists(st.one_of(st.integers(0, 200_000), st.floats(0, 60, allow_nan=False)), min_size=1, max_size=300)


@settings(max_examples=300, deadline=None)
@given(values)
def test_histogram_counts_every_value_once_in_few_equal_nice_bins(vals):
    bins = histogram(vals)
    assert sum(b["documents"] for b in bins) == len(vals)
    assert len(bins) <= 31
    width = bins[0]["end"] - bins[0]["start"]
    assert all(abs(b["end"] - b["start"] - width) <= 1e-4 * width for b in bins)
    mantissa = width / 10 ** math.floor(math.log10(width))
    assert min(abs(mantissa - m) for m in (1, 2, 5, 10)) < 1e-4  # 1, 2 or 5 times a power of ten
    assert bins[0]["start"] <= min(vals) < bins[0]["end"] + 1e-9
    assert bins[-1]["start"] <= max(vals) <= bins[-1]["end"] + 1e-9
    for a, b in zip(bins, bins[1:]):
        assert abs(a["end"] - b["start"]) < 1e-9


def test_histogram_of_word_counts_has_vega_lites_bins():
    """Word counts 1..7,000: bins of 500 (Vega-Lite's maxbins=30 choice), the 7,000 in the last."""
    bins = histogram([1, 2, 3, 50, 120, 7000])
    assert (bins[0]["start"], bins[0]["end"], bins[0]["documents"]) == (0, 500, 5)
    assert (bins[-1]["start"], bins[-1]["end"], bins[-1]["documents"]) == (7000, 7500, 1)
    assert histogram([]) == []
