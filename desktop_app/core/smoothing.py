"""Temporal smoothing of class probabilities, so that live bars don't flicker."""

from __future__ import annotations

import numpy as np


class ProbabilitySmoother:
    """Exponential moving average over the full distribution (not over the shown top-k, which
    would let classes jump in and out). Used on the inference worker thread."""

    def __init__(self, alpha: float = 0.35):
        self.alpha = alpha
        self._state: np.ndarray | None = None

    def reset(self) -> None:
        self._state = None

    def __call__(self, probabilities: np.ndarray) -> np.ndarray:
        if self._state is None or self._state.shape != probabilities.shape:
            self._state = probabilities.astype(np.float32, copy=True)
        else:
            self._state += self.alpha * (probabilities - self._state)
        return self._state
