"""The one long-lived inference worker: owns the session on its own thread.

Latest frame wins: the capture thread leaves frames in a one-place mailbox and wakes the worker;
a frame that arrives while another waits replaces it (counted as dropped). Every result carries
the model generation and source id, so the GUI can ignore stale ones.
"""

from __future__ import annotations

import time
import logging
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core.classifier import Classification, Classifier, ModelDescription
from ..core.decode import DecodeCancelled, decode_file
from ..core.display import kept_copy
from ..core.errors import SynsetError
from ..core.frames import Frame, LatestSlot
from ..core.messages import Message
from ..core.preprocessing import PreprocessConfig, PreprocessOverrides
from ..core.providers import ProviderChoice, installed_kinds
from ..core.smoothing import ProbabilitySmoother

SHUTDOWN_TIMEOUT_MS = 800
log = logging.getLogger("synset")


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


@dataclass(frozen=True)
class LoadedModel:
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
    generation: int
    frame_number: int
    source_id: int
    captured_at: float
    decode_ms: float
    classification: Classification


@dataclass(frozen=True)
class FileResult:
    """One picture of a dropped file or folder; ``image`` is read-only RGB for display."""

    job_id: int
    index: int
    total: int
    path: str
    classification: Classification | None
    error: Message | str | None  # immutable: the exception (and its traceback) stays behind
    image: np.ndarray | None


class InferenceWorker(QObject):
    """Lives on the worker thread; its slots run there. Talks to the GUI only through signals."""

    model_loaded = Signal(object)  # LoadedModel
    model_failed = Signal(int, object)  # generation, Message or text
    prediction_ready = Signal(object)  # LiveResult
    file_classified = Signal(object)  # FileResult
    files_finished = Signal(int)  # job id
    inference_failed = Signal(object)  # Message or text

    def __init__(self, slot: LatestSlot, engine_options: dict | None = None):
        super().__init__()
        self.slot = slot
        # session_factory / available for Classifier.load: tests put fake device providers here
        self._engine_options = engine_options or {}
        self.cancelled_job = 0  # written by the GUI thread; a plain int store is atomic
        self.stopping = False  # set by the GUI thread at shutdown: a decode in progress stops
        self.frames_taken = 0  # live frames taken from the mailbox (ranked, failed or without a model)
        self._classifier: Classifier | None = None
        self._request: ModelRequest | None = None
        self._smoother: ProbabilitySmoother | None = None

    @Slot(object)
    def load(self, request: ModelRequest) -> None:
        """Worker thread. Reloads the session only when the model or provider changed; if the new
        request fails, the previous classifier keeps running (the GUI is told why)."""
        try:
            if self._classifier is not None and _same_session(self._request, request):
                classifier = self._classifier.reconfigured(request.overrides, request.top_k, request.labels_path)
            else:
                classifier = Classifier.load(
                    request.model_path, request.labels_path, request.overrides, request.choice, request.top_k,
                    **self._engine_options,
                )
        except Exception as exc:  # a SynsetError says why; anything else is logged as a bug
            self.model_failed.emit(request.generation, _problem(exc))
            return
        self._classifier, self._request = classifier, request
        if self._smoother is not None:
            self._smoother.reset()
        self._emit_loaded(request)

    @Slot(bool)
    def set_smoothing(self, enabled: bool) -> None:
        self._smoother = ProbabilitySmoother() if enabled else None

    @Slot()
    def process_pending(self) -> None:
        """Worker thread. Classify the newest waiting frame, if any (extra wake-ups are no-ops)."""
        frame = self.slot.take()
        if frame is None:
            return
        self.frames_taken += 1
        if self._classifier is None or self._request is None:
            return
        try:
            result = self._classifier.classify(frame.image, frame.pixel_order, smoother=self._smoother)
        except Exception as exc:
            self.inference_failed.emit(_problem(exc))
            return
        self.prediction_ready.emit(
            LiveResult(self._request.generation, frame.number, frame.source_id, frame.captured_at,
                       frame.decode_ms, result)
        )

    @Slot(int, list)
    def classify_files(self, job_id: int, paths: list[str]) -> None:
        """Worker thread. One picture at a time; a newer job (or a cancel) stops this one, even in
        the middle of decoding a large picture."""
        for index, path in enumerate(paths):
            if self._cancelled(job_id):
                break
            try:
                result = self._classify(job_id, index, len(paths), path, None)
            except DecodeCancelled:
                break
            self.file_classified.emit(result)
            self.process_pending()  # a live frame waiting meanwhile is not starved
        self.files_finished.emit(job_id)

    def _cancelled(self, job_id: int) -> bool:
        """Any thread may ask; the GUI thread sets the flags (plain stores, atomic in Python)."""
        return self.stopping or self.cancelled_job >= job_id

    @Slot(int, str, object)
    def classify_array(self, job_id: int, name: str, image: np.ndarray) -> None:
        """Worker thread: a picture already in memory (the clipboard)."""
        self.file_classified.emit(self._classify(job_id, 0, 1, name, image))
        self.files_finished.emit(job_id)

    def _classify(self, job_id: int, index: int, total: int, name: str, image: np.ndarray | None) -> FileResult:
        """Decode ``name`` unless ``image`` is given, then rank it; errors become the result."""
        try:
            if self._classifier is None:
                raise SynsetError.of("model.none")
            decode_ms = 0.0
            if image is None:
                started = time.perf_counter()
                image = decode_file(name, cancelled=lambda: self._cancelled(job_id))
                decode_ms = (time.perf_counter() - started) * 1e3
            result = self._classifier.classify(image, "rgb", decode_ms=decode_ms)
        except DecodeCancelled:
            raise
        except Exception as exc:
            return FileResult(job_id, index, total, name, None, _problem(exc), None)
        # The full picture is dropped here: a folder of 12 MP photos keeps 3.7 MB each, not 36 MB.
        return FileResult(job_id, index, total, name, result, None, kept_copy(image))

    def _emit_loaded(self, request: ModelRequest) -> None:
        engine = self._classifier.engine
        available = installed_kinds(engine.available)
        self.model_loaded.emit(
            LoadedModel(request, self._classifier.description, self._classifier.default_preprocessing(),
                        engine.provider, engine.fallback, tuple(available))
        )


def _problem(exc: Exception) -> Message | str:
    """What crosses to the GUI thread: the error's message, never the exception object."""
    if isinstance(exc, SynsetError):
        return exc.message or str(exc)
    log.exception("Unexpected error on the inference worker")
    return f"{type(exc).__name__}: {exc}"


def _same_session(previous: ModelRequest | None, request: ModelRequest) -> bool:
    return (previous is not None and not request.reload
            and (previous.model_path, previous.choice) == (request.model_path, request.choice))


class InferenceService(QObject):
    """GUI-thread handle on the worker thread: submit frames, load models, classify files, stop."""

    _wake = Signal()
    _load = Signal(object)
    _files = Signal(int, list)
    _array = Signal(int, str, object)
    _smoothing = Signal(bool)

    def __init__(self, parent: QObject | None = None, engine_options: dict | None = None):
        super().__init__(parent)
        self.slot = LatestSlot()
        self._thread = QThread()
        self._thread.setObjectName("inference")
        self.worker = InferenceWorker(self.slot, engine_options)
        self.worker.moveToThread(self._thread)
        self._wake.connect(self.worker.process_pending)
        self._load.connect(self.worker.load)
        self._files.connect(self.worker.classify_files)
        self._array.connect(self.worker.classify_array)
        self._smoothing.connect(self.worker.set_smoothing)
        self._job = 0
        self.frames_submitted = 0
        self._thread.start()

    @property
    def frames_dropped(self) -> int:
        return self.slot.dropped

    def submit(self, frame: Frame) -> None:
        """Any thread (the capture thread calls it directly): leave the frame and wake the worker."""
        self.frames_submitted += 1  # only the capture thread submits
        self.slot.put(frame)
        self._wake.emit()

    def load(self, request: ModelRequest) -> None:
        self.slot.clear()
        self._load.emit(request)

    def set_smoothing(self, enabled: bool) -> None:
        self._smoothing.emit(enabled)

    def classify_files(self, paths: list[str]) -> int:
        """Start a job (cancelling any running one); returns its id for matching results."""
        self.cancel_files()
        self._job += 1
        self._files.emit(self._job, list(paths))
        return self._job

    def classify_array(self, name: str, image: np.ndarray) -> int:
        self.cancel_files()
        self._job += 1
        image.flags.writeable = False
        self._array.emit(self._job, name, image)
        return self._job

    def cancel_files(self) -> None:
        self.worker.cancelled_job = self._job

    def shutdown(self) -> bool:
        """Stop the worker thread; True if it ended within the timeout."""
        self.worker.stopping = True
        self.cancel_files()
        self.slot.clear()
        self._thread.quit()
        return self._thread.wait(SHUTDOWN_TIMEOUT_MS)
