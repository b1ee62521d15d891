"""Scores → ranked predictions: softmax over *all* classes (once), background class, top-k."""

from __future__ import annotations

import itertools
import math
import threading
from dataclasses import dataclass

import numpy as np

from .errors import InferenceError
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
    """The first batch row as a flat float vector ([N,C], [N,C,1,1] or [C]).

    An 8-bit unsigned output is a quantized softmax (a TFLite-style converted classifier: 0..255
    for 0..1), read back to 0..1 (:func:`is_quantized_probabilities`)."""
    raw = np.asarray(raw)
    row = raw.reshape(raw.shape[0], -1)[0] if raw.ndim > 1 and raw.shape[0] > 1 else raw.reshape(-1)
    if row.dtype == np.uint8:
        return row.astype(np.float32) / np.float32(255)
    return row if row.dtype == np.float32 else row.astype(np.float32)


def is_quantized_probabilities(raw: np.ndarray) -> bool:
    """An 8-bit unsigned output: probabilities, never logits. Its values were rounded down, so
    they sum to a little under 1 (0.93 for chelsea.jpg) and do not pass as a distribution; taken
    as logits they were softmaxed again: "tiger cat 100 %" where the model says 40 %."""
    return np.asarray(raw).dtype == np.uint8


def looks_like_probabilities(scores: np.ndarray) -> bool:
    """True if the output is already a distribution (softmax inside the model): never softmax twice."""
    if scores.size == 0 or not np.all(np.isfinite(scores)):
        return False
    total = float(scores.sum(dtype=np.float64))
    return float(scores.min()) >= -1e-6 and float(scores.max()) <= 1 + 1e-6 and abs(total - 1) < 1e-2


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max())
    return shifted / shifted.sum()


def finite_peak(scores: np.ndarray) -> float:
    """The highest score; :class:`InferenceError` if any score is NaN or +infinity (the maximum
    carries both), which would rank anywhere and print as "nan%". One pass, no extra array."""
    peak = float(scores.max())
    if not math.isfinite(peak):
        raise InferenceError.of("inference.not_finite")
    return peak


class Postprocessor:
    """Ranks one output row. Built once per model/labels/top-k; called per frame."""

    def __init__(self, labels: Labels | None, output_kind: str, background: bool, top_k: int):
        self.labels = labels
        self.output_kind = output_kind
        self.background = background
        self.top_k = max(1, int(top_k))
        self._scratch = threading.local()

    def probabilities(self, raw: np.ndarray, checked: bool = False) -> np.ndarray:
        """The full distribution, background class included (``rank`` drops it): for smoothing.
        ``checked``: :class:`InferenceError` if the output is not finite (before it is smoothed)."""
        scores = class_scores(raw)
        if checked:
            finite_peak(scores)
        return scores if self.output_kind == PROBABILITIES else softmax(scores)

    def __call__(self, raw: np.ndarray) -> tuple[Prediction, ...]:
        """The ranking of one raw output; :class:`InferenceError` if it is not finite."""
        return self.rank(class_scores(raw), self.output_kind == PROBABILITIES, checked=True)

    def rank(self, scores: np.ndarray, are_probabilities: bool = True,
             checked: bool = False) -> tuple[Prediction, ...]:
        """Top-k of a score vector, ties in index order; ``checked``: :class:`InferenceError` if a
        score is NaN or +infinity (the scan for the winners finds the maximum anyway). Logits
        are ranked as they are (softmax keeps the order); only the denominator needs every class
        (background included), so the softmax is exact but the exponentials of the winners are
        taken in plain Python.

        Every frame runs this right after an inference, when the caches are cold: each numpy call
        then costs 10–50 µs instead of 1–3 (measured step by step after ``session.run``). So it
        makes few: the winners by ``argmax`` on a reused copy (``argpartition`` took twice as
        long), the maximum from that scan, the denominator in a reused buffer."""
        candidates = scores[1:] if self.background else scores
        k = min(self.top_k, candidates.size)
        left, exps = self._buffers(scores)
        left = left[: candidates.size]
        np.copyto(left, candidates)
        ranked: list[tuple[int, float]] = []
        for _ in range(k):
            best = int(left.argmax())
            value = float(left[best])
            if value == -math.inf:  # only taken or -inf classes are left: the rest in index order
                ranked += _untaken(candidates, ranked, k - len(ranked))
                break
            ranked.append((best, value))
            left[best] = -np.inf
        peak = ranked[0][1] if ranked else -math.inf
        if self.background:  # class 0 counts for the maximum too
            zero = float(scores[0])
            peak = math.nan if math.isnan(zero) or math.isnan(peak) else max(zero, peak)
        if checked and not math.isfinite(peak):
            raise InferenceError.of("inference.not_finite")
        if are_probabilities:
            return tuple(self._prediction(index, value) for index, value in ranked)
        np.subtract(scores, peak, out=exps)
        total = float(np.exp(exps, out=exps).sum())
        return tuple(self._prediction(index, math.exp(value - peak) / total) for index, value in ranked)

    def _buffers(self, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Two scratch vectors like ``scores``, kept per thread (any thread may rank)."""
        pair = getattr(self._scratch, "pair", None)
        if pair is None or pair[0].shape != scores.shape or pair[0].dtype != scores.dtype:
            pair = self._scratch.pair = (np.empty_like(scores), np.empty_like(scores))
        return pair

    def _prediction(self, index: int, probability: float) -> Prediction:
        if self.labels is None:
            return Prediction(index, f"class {index}", None, probability)
        return Prediction(index, self.labels.name(index), self.labels.wnid(index), probability)


def _untaken(candidates: np.ndarray, ranked: list[tuple[int, float]], count: int) -> list[tuple[int, float]]:
    """The first ``count`` classes not in ``ranked``, in index order (all score -inf or were taken)."""
    taken = {index for index, _ in ranked}
    rest = (index for index in range(candidates.size) if index not in taken)
    return [(index, float(candidates[index])) for index in itertools.islice(rest, count)]
