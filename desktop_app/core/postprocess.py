"""Scores → ranked predictions: softmax over *all* classes (once), background class, top-k."""

from __future__ import annotations

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
    row = raw.reshape(raw.shape[0], -1)[0] if raw.ndim > 1 else raw
    return row.astype(np.float32, copy=False)


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
        scores = class_scores(raw)
        probs = scores if self.output_kind == PROBABILITIES else softmax(scores)
        return probs[1:] if self.background else probs  # index 0 of 1001 is "background"

    def __call__(self, raw: np.ndarray) -> tuple[Prediction, ...]:
        probs = self.probabilities(raw)
        k = min(self.top_k, probs.size)
        best = np.argpartition(-probs, k - 1)[:k]
        best = best[np.argsort(-probs[best], kind="stable")]
        return tuple(self._prediction(int(i), float(probs[i])) for i in best)

    def _prediction(self, index: int, probability: float) -> Prediction:
        if self.labels is None:
            return Prediction(index, f"class {index}", None, probability)
        return Prediction(index, self.labels.name(index), self.labels.wnid(index), probability)
