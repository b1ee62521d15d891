"""Scores → ranked predictions: softmax over *all* classes (once), background class, top-k."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .labels import Labels

LOGITS = "logits"
PROBABILITIES = "probabilities"


@dataclass(frozen=True)
class Prediction:
    """One ranked class. ``index`` is the class index after dropping a background class."""

    index: int
    label: str
    wnid: str | None
    probability: float

    def to_dict(self) -> dict:
        return {"index": self.index, "label": self.label, "probability": self.probability}


def class_scores(raw: np.ndarray) -> np.ndarray:
    """The first batch row as a flat float vector ([N,C], [N,C,1,1] or [C])."""
    raw = np.asarray(raw)
    row = raw.reshape(raw.shape[0], -1)[0] if raw.ndim > 1 and raw.shape[0] > 1 else raw.reshape(-1)
    return row if row.dtype == np.float32 else row.astype(np.float32)


def looks_like_probabilities(scores: np.ndarray) -> bool:
    """True if the output is already a distribution (softmax inside the model): never softmax twice."""
    if scores.size == 0 or not np.all(np.isfinite(scores)):
        return False
    total = float(scores.sum(dtype=np.float64))
    return float(scores.min()) >= -1e-6 and float(scores.max()) <= 1 + 1e-6 and abs(total - 1) < 1e-2


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max())
    return shifted / shifted.sum()


class Postprocessor:
    """Ranks one output row. Built once per model/labels/top-k; called per frame."""

    def __init__(self, labels: Labels | None, output_kind: str, background: bool, top_k: int):
        self.labels = labels
        self.output_kind = output_kind
        self.background = background
        self.top_k = max(1, int(top_k))

    def probabilities(self, raw: np.ndarray) -> np.ndarray:
        """The full distribution, background class included (``rank`` drops it): for smoothing."""
        scores = class_scores(raw)
        return scores if self.output_kind == PROBABILITIES else softmax(scores)

    def __call__(self, raw: np.ndarray) -> tuple[Prediction, ...]:
        scores = class_scores(raw)
        return self.rank(scores, self.output_kind == PROBABILITIES)

    def rank(self, scores: np.ndarray, are_probabilities: bool = True) -> tuple[Prediction, ...]:
        """Top-k of a score vector. Logits are ranked as they are (softmax keeps the order); only
        the denominator needs every class (background included), so the softmax is exact but the
        exponentials of the winners are taken in plain Python. Every frame runs this: few calls."""
        candidates = scores[1:] if self.background else scores
        k = min(self.top_k, candidates.size)
        best = np.argpartition(candidates, candidates.size - k)[-k:]
        order = candidates[best].argsort()[::-1]
        best = best[order].tolist()
        values = candidates[best].tolist()
        if not are_probabilities:
            peak = max(values[0], float(scores[0])) if self.background else values[0]
            total = float(np.exp(scores - peak).sum())
            values = [math.exp(v - peak) / total for v in values]
        return tuple(map(self._prediction, best, values))

    def _prediction(self, index: int, probability: float) -> Prediction:
        if self.labels is None:
            return Prediction(index, f"class {index}", None, probability)
        return Prediction(index, self.labels.name(index), self.labels.wnid(index), probability)
