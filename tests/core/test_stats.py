"""Percentiles as the readout and bench report them."""

from __future__ import annotations

import numpy as np


def test_percentiles_match_numpys_default_method():
    from desktop_app.core.stats import percentiles

    rng = np.random.default_rng(7)
    for size in (2, 3, 10, 101, 1000):
        samples = rng.gamma(2.0, 5.0, size)
        ours = percentiles(samples, (1, 50, 95, 99))
        assert ours == {f"p{q}": round(float(np.percentile(samples, q)), 3) for q in (1, 50, 95, 99)}
    assert percentiles([]) == {"p50": 0.0, "p95": 0.0} and percentiles([4.2], (99,)) == {"p99": 4.2}
