"""Prove a provider by its answers: the per-frame path on two bundled photos, compared with CPU.

Running is not enough. A provider can run and still answer wrongly: an input bound once on a device
feeds the first picture for ever, a broken driver returns noise, float16 arithmetic overflows. So
every provider (CPU too) runs the real per-frame path on two different photos, and its probability
vectors are compared with a one-shot CPU run on the same tensors. A provider whose answers differ is
refused, with the difference as the reason, exactly like one that fails to start.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from . import paths
from .decode import decode_file

# Largest |p_provider − p_cpu| accepted for any class. fp32 providers agree with CPU to ~1e-6;
# 0.03 leaves room for float16 arithmetic, yet a wrong picture differs by far more (chelsea vs
# coffee on the bundled model: Δp 0.95, see tests/core/test_proof.py).
TOLERANCE = 0.03
TOP_K = 5


@dataclass(frozen=True)
class Proof:
    """What a provider answered through the per-frame path, and what it was fed.

    ``payload`` is whatever the caller needs afterwards (the model as read, its buffers).
    """

    input_name: str
    output_name: str
    tensors: tuple[np.ndarray, ...]  # one per proof picture, copies of what was fed
    answers: tuple[np.ndarray, ...]  # probability vectors from the per-frame path
    to_probabilities: Callable[[np.ndarray], np.ndarray]
    payload: Any = None


@dataclass(frozen=True)
class Agreement:
    """How far a provider's answers are from CPU's: worst class probability and top-k order."""

    max_dp: float  # NaN when one side is not finite where the other is
    same_top: bool

    @property
    def ok(self) -> bool:
        return self.same_top and not math.isnan(self.max_dp) and self.max_dp <= TOLERANCE

    @property
    def detail(self) -> str:
        """For the reason shown to the user, e.g. "Δp 0.62" or "Δp 0.02, another top-5"."""
        if math.isnan(self.max_dp):
            return "answers not finite"
        text = f"Δp {self.max_dp:.2f}"
        return text if self.same_top else f"{text}, another top-{TOP_K}"


@cache
def proof_pictures() -> tuple[np.ndarray, ...]:
    """The bundled proof photos, decoded once per process (RGB, read-only)."""
    pictures = []
    for path in paths.proof_photo_paths():
        image = decode_file(path)
        image.flags.writeable = False
        pictures.append(image)
    return tuple(pictures)


def compare(answer: np.ndarray, reference: np.ndarray) -> Agreement:
    """One picture: the provider's probabilities against CPU's."""
    answer, reference = np.ravel(answer), np.ravel(reference)
    finite = np.isfinite(reference)
    if answer.shape != reference.shape or not np.array_equal(np.isfinite(answer), finite):
        return Agreement(math.nan, False)
    diff = np.abs(answer[finite].astype(np.float64) - reference[finite])
    max_dp = float(diff.max()) if diff.size else 0.0
    return Agreement(max_dp, _same_top(answer, reference))


def worst(agreements: Sequence[Agreement]) -> Agreement:
    """The agreement of several pictures: the largest difference, any top-k that differs."""
    dps = [a.max_dp for a in agreements]
    max_dp = math.nan if any(math.isnan(d) for d in dps) else max(dps, default=0.0)
    return Agreement(max_dp, all(a.same_top for a in agreements))


def _same_top(answer: np.ndarray, reference: np.ndarray) -> bool:
    """Same top-k, rank by rank, except where CPU's own probabilities are a near tie."""
    k = min(TOP_K, reference.size)
    mine, theirs = _top(answer, k), _top(reference, k)
    return all(a == r or abs(float(reference[a]) - float(reference[r])) <= TOLERANCE
               for a, r in zip(mine, theirs, strict=True))


def _top(scores: np.ndarray, k: int) -> list[int]:
    ranked = np.where(np.isfinite(scores), scores, -np.inf)
    return np.argsort(-ranked, kind="stable")[:k].tolist()
