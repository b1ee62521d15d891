"""What crosses between the window and the inference worker: requests, jobs and their results.

Plain frozen data (no Qt), so any thread may hold them. The worker runs one thing at a time on its
own thread: a model load, a live frame, or a :class:`Job` (pictures to rank, and later a benchmark
or a side-by-side comparison). A job reports items as it goes, asks between items whether it was
cancelled (a newer job of the same kind, or the window closing), and lets a waiting live frame
through between items, so live frames keep priority.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from .classifier import Classification, Classifier, ModelDescription
from .messages import Message
from .preprocessing import PreprocessConfig, PreprocessOverrides
from .providers import ProviderChoice


@dataclass(frozen=True)
class ModelRequest:
    """Everything that decides how frames are classified; a new generation makes old results stale."""

    generation: int
    model_path: str | None
    labels_path: str | None
    overrides: PreprocessOverrides
    choice: ProviderChoice
    top_k: int
    reload: bool = False  # read the model file again even if it is the one running

    def same_session(self, previous: ModelRequest | None) -> bool:
        """Whether ``previous``'s session can serve this request (only labels, preprocessing or
        top-k differ), so no new ONNX Runtime session is needed."""
        return (previous is not None and not self.reload
                and (previous.model_path, previous.choice) == (self.model_path, self.choice))


@dataclass(frozen=True)
class LoadedModel:
    """A model the worker now runs, as the window shows it."""

    request: ModelRequest
    description: ModelDescription
    model_defaults: PreprocessConfig
    provider: str
    fallback: tuple[Message, ...]
    installed_providers: tuple[str, ...]

    @property
    def generation(self) -> int:
        return self.request.generation

    @property
    def settings_fields(self) -> dict:
        """The settings this model was loaded with, to restore them after a failed switch."""
        r = self.request
        return {
            "model_path": r.model_path, "labels_path": r.labels_path, "provider": r.choice.kind,
            "device_id": r.choice.device_id, "top_k": r.top_k, **vars(r.overrides),
        }


@dataclass(frozen=True)
class LiveResult:
    """One live frame's ranking; ``decode_ms`` is the source's own decode of that frame."""

    generation: int
    frame_number: int
    source_id: int
    captured_at: float
    decode_ms: float
    classification: Classification


@dataclass(frozen=True)
class LiveFailure:
    """Why one live frame could not be ranked (a Message or text), and which frame it was."""

    generation: int
    frame_number: int
    source_id: int
    problem: Any


@dataclass(frozen=True)
class LiveLabResult:
    """One live frame ranked both ways in the pitfalls lab (``lab`` is a core.lab.LabResult)."""

    generation: int
    frame_number: int
    source_id: int
    captured_at: float
    lab: Any


@dataclass(frozen=True)
class FileResult:
    """One picture of a job; ``image`` is a read-only display-sized RGB copy (None if unreadable)."""

    index: int
    total: int
    path: str
    classification: Classification | None
    error: Message | str | None  # immutable: the exception (and its traceback) stays behind
    image: np.ndarray | None
    generation: int = 0  # the model generation that ranked it


@dataclass(frozen=True)
class JobContext:
    """What a job may use on the worker thread."""

    classifier: Classifier | None
    lab: Any  # the pitfalls lab on this classifier (core.lab.Lab), or None when it is off
    generation: int
    report: Callable[[Any], None]  # hand one finished item to the window (immutable data only)
    cancelled: Callable[[], bool]  # ask between items, and inside long reads
    yield_to_live: Callable[[], None]  # rank a waiting live frame now: live frames keep priority


class Job:
    """Work for the one inference worker. Subclasses set ``kind`` (a newer job of the same kind
    cancels the older one) and implement :meth:`run`, which runs on the worker thread."""

    kind: ClassVar[str] = "job"

    def run(self, context: JobContext) -> Any:
        raise NotImplementedError


class JobCancelled(Exception):
    """Raised inside a job to stop it; the worker reports the job as cancelled, not failed."""
