"""The one long-lived inference worker: owns the session on its own thread.

Latest frame wins: the capture thread leaves frames in a one-place mailbox and wakes the worker;
a frame that arrives while another waits replaces it (counted as dropped). Every result carries
the model generation and source id, so the GUI can ignore stale ones.

Everything else is a :class:`~desktop_app.core.jobs.Job` run through one path (``run_job``):
progress items as they finish, a newer job of the same kind cancels the older one, and a waiting
live frame is ranked between items.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core.classifier import Classifier
from ..core.frames import Frame, LatestSlot
from ..core.jobs import Job, JobCancelled, JobContext, LiveFailure, LiveLabResult, LiveResult, LoadedModel, ModelRequest
from ..core.lab import Lab
from ..core.picture_jobs import problem
from ..core.preprocess import Preprocessor
from ..core.providers import installed_kinds
from ..core.smoothing import ProbabilitySmoother
from ..core.startup import mark

SHUTDOWN_TIMEOUT_MS = 800
log = logging.getLogger("synset")


class InferenceWorker(QObject):
    """Lives on the worker thread; its slots run there. Talks to the GUI only through signals."""

    model_loaded = Signal(object)  # LoadedModel
    model_failed = Signal(int, object)  # generation, Message or text
    provider_changed = Signal(str, object)  # provider, fallback messages: a GPU failed mid-run
    prediction_ready = Signal(object)  # LiveResult
    inference_failed = Signal(object)  # LiveFailure: which frame, and why
    job_progress = Signal(int, object)  # job id, one item (e.g. a FileResult)
    job_finished = Signal(int, bool)  # job id, completed (False: cancelled)
    job_failed = Signal(int, object)  # job id, Message or text
    lab_ready = Signal(object)  # LiveLabResult: a live frame ranked both ways
    lab_failed = Signal(str, object)  # pitfall id, why it cannot be shown with this model

    def __init__(self, slot: LatestSlot, engine_options: dict | None = None):
        super().__init__()
        self.slot = slot
        # session_factory / available for Classifier.load: tests put fake device providers here
        self._engine_options = engine_options or {}
        self.cancelled: dict[str, int] = {}  # job kind → highest cancelled id; written by the GUI thread
        self.stopping = False  # set by the GUI thread at shutdown: a job or decode in progress stops
        self.frames_taken = 0  # live frames taken from the mailbox (ranked, failed or without a model)
        self._classifier: Classifier | None = None
        self._request: ModelRequest | None = None
        self._smoother: ProbabilitySmoother | None = None
        self._smoothed_source: int | None = None  # the source whose frames the smoother holds
        self._provider: tuple | None = None  # (provider, fallback) last reported
        self._pitfall: str | None = None  # the lab's pitfall, while the lab is on
        self._lab: Lab | None = None
        # What the capture thread fits live frames with (read there; one attribute store is atomic):
        # the classifier's own preprocessor, or None while the lab ranks frames its own two ways.
        self.fitter: Preprocessor | None = None
        # The newest model request sent (set on the GUI thread before it is queued, read here): a
        # queued request that a newer one replaced is skipped, not built (a session each, seconds
        # on a GPU) only for its answer to be ignored (see load).
        self.newest_request: ModelRequest | None = None

    @Slot(object)
    def load(self, request: ModelRequest) -> None:
        """Worker thread. Reloads the session only when the model or provider changed; if the new
        request fails, the previous classifier keeps running (the GUI is told why).

        A request that a newer one replaced while it waited is skipped without a reply (the GUI
        awaits the newest) when the newer one needs another session anyway: its session would only
        be thrown away. One the newer one builds on (a dropped model, then its labels) is loaded,
        so that if the newer one fails, that model runs on."""
        newest = self.newest_request
        if newest is not None and request is not newest and not newest.same_session(request):
            return
        try:
            if self._classifier is not None and request.same_session(self._request):
                classifier = self._classifier.reconfigured(request.overrides, request.top_k, request.labels_path)
            else:
                classifier = Classifier.load(
                    request.model_path, request.labels_path, request.overrides, request.choice, request.top_k,
                    **self._engine_options,
                )
        except Exception as exc:  # a SynsetError says why; anything else is logged as a bug
            self.model_failed.emit(request.generation, problem(exc))
            return
        self._classifier, self._request = classifier, request
        self._publish_fitter()  # before anyone hears of the new model
        mark("model_loaded")
        self._forget_smoothing()
        self._emit_loaded(request)
        self._build_lab()

    @Slot(object)
    def set_lab(self, pitfall_id: str | None) -> None:
        """Worker thread. Rank live frames both ways with this pitfall (None: the lab is off)."""
        self._pitfall = pitfall_id
        self._forget_smoothing()  # the frames before the lab, minutes ago perhaps, are not these
        self._build_lab()

    def _forget_smoothing(self) -> None:
        if self._smoother is not None:
            self._smoother.reset()

    def _build_lab(self) -> None:
        self._lab = None
        if self._pitfall is not None and self._classifier is not None:
            try:
                self._lab = Lab(self._classifier, self._pitfall)
            except Exception as exc:  # the model's own setting, or a pitfall this model cannot show
                self.lab_failed.emit(self._pitfall, problem(exc))
        self._publish_fitter()

    def _publish_fitter(self) -> None:
        """The capture thread fits live frames for the classifier, unless the lab fits them itself."""
        self.fitter = self._classifier.preprocessor if self._classifier is not None and self._lab is None else None

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
        if self._lab is not None:
            self._run_lab(frame)
            return
        if frame.source_id != self._smoothed_source:
            # Another camera or video: a coffee video's first frame showed the cats of the one before
            self._smoothed_source = frame.source_id
            self._forget_smoothing()
        try:
            smoother = None if frame.still else self._smoother
            result = self._classifier.classify(frame.image, frame.pixel_order, decode_ms=frame.decode_ms,
                                               smoother=smoother, fitted=frame.fitted)
        except Exception as exc:
            self._failed(frame, exc)
            return
        self._note_provider()
        self.prediction_ready.emit(
            LiveResult(self._request.generation, frame.number, frame.source_id, frame.captured_at,
                       frame.decode_ms, result)
        )

    def _run_lab(self, frame: Frame) -> None:
        assert self._lab is not None and self._request is not None
        try:
            result = self._lab.run(frame.image, frame.pixel_order)
        except Exception as exc:
            self._failed(frame, exc)
            return
        self._note_provider()
        self.lab_ready.emit(LiveLabResult(self._request.generation, frame.number, frame.source_id,
                                          frame.captured_at, result))

    def _failed(self, frame: Frame, exc: Exception) -> None:
        assert self._request is not None
        self.inference_failed.emit(LiveFailure(self._request.generation, frame.number, frame.source_id, problem(exc)))

    @Slot(int, object)
    def run_job(self, job_id: int, job: Job) -> None:
        """Worker thread: run ``job`` to the end, or until a newer job of its kind (or shutdown)."""
        context = JobContext(
            classifier=self._classifier,
            lab=self._lab,
            generation=self._request.generation if self._request else 0,
            report=lambda item: self.job_progress.emit(job_id, item),
            cancelled=lambda: self.stopping or self.cancelled.get(job.kind, 0) >= job_id,
            yield_to_live=self.process_pending,
        )
        try:
            if context.cancelled():
                raise JobCancelled()
            job.run(context)
        except JobCancelled:
            self.job_finished.emit(job_id, False)
            return
        except Exception as exc:
            self.job_failed.emit(job_id, problem(exc))
            return
        finally:
            self._note_provider()
        self.job_finished.emit(job_id, True)

    def _note_provider(self) -> None:
        """A provider that failed mid-run was replaced by CPU: say so once, as an event."""
        engine = self._classifier.engine if self._classifier else None
        now = (engine.provider, engine.fallback) if engine else None
        if now != self._provider:
            self._provider = now
            if now is not None:
                self.provider_changed.emit(*now)

    def _emit_loaded(self, request: ModelRequest) -> None:
        classifier = self._classifier
        assert classifier is not None  # called right after a load succeeded
        engine = classifier.engine
        self._provider = (engine.provider, engine.fallback)
        self.model_loaded.emit(
            LoadedModel(request, classifier.description, classifier.default_preprocessing(),
                        engine.provider, engine.fallback, tuple(installed_kinds(engine.available)))
        )


class InferenceService(QObject):
    """GUI-thread handle on the worker thread: submit frames, load models, run jobs, stop."""

    _wake = Signal()
    _load = Signal(object)
    _run_job = Signal(int, object)
    _smoothing = Signal(bool)
    _lab = Signal(object)

    def __init__(self, parent: QObject | None = None, engine_options: dict | None = None):
        super().__init__(parent)
        self.slot = LatestSlot()
        self._thread = QThread()
        self._thread.setObjectName("inference")
        self.worker = InferenceWorker(self.slot, engine_options)
        self.worker.moveToThread(self._thread)
        self._thread.finished.connect(self.worker.deleteLater)  # the worker dies on its own thread
        self._wake.connect(self.worker.process_pending)
        self._load.connect(self.worker.load)
        self._run_job.connect(self.worker.run_job)
        self._smoothing.connect(self.worker.set_smoothing)
        self._lab.connect(self.worker.set_lab)
        self._job = 0
        self._latest: dict[str, int] = {}  # job kind → id of its newest job
        self.frames_submitted = 0
        self._thread.start()

    @property
    def frames_dropped(self) -> int:
        return self.slot.dropped

    def submit(self, frame: Frame) -> None:
        """Any thread (the capture thread calls it directly): fit the frame to the model's input
        size here, off the inference thread, then leave it and wake the worker."""
        self.frames_submitted += 1  # only the capture thread submits
        if not self.slot.put(frame.fitted_by(self.worker.fitter)):
            self._wake.emit()  # the mailbox was empty: one wake per waiting frame, never a backlog

    def load(self, request: ModelRequest) -> None:
        self.slot.clear()
        self.worker.newest_request = request  # before it is queued: older queued ones are skipped
        self._load.emit(request)

    def set_smoothing(self, enabled: bool) -> None:
        self._smoothing.emit(enabled)

    def set_lab(self, pitfall_id: str | None) -> None:
        """Live frames ranked both ways with this pitfall from now on (None: the lab is off)."""
        self._lab.emit(pitfall_id)

    def run_job(self, job: Job) -> int:
        """Queue ``job`` on the worker, cancelling the running or queued one of its kind; returns
        its id, which its progress and end signals carry."""
        self.cancel(job.kind)
        self._job += 1
        self._latest[job.kind] = self._job
        self._run_job.emit(self._job, job)
        return self._job

    def cancel(self, kind: str) -> None:
        """Stop the newest job of ``kind`` (between items, or inside a long read)."""
        self.worker.cancelled[kind] = self._latest.get(kind, 0)

    def shutdown(self) -> bool:
        """Stop the worker thread; True if it ended within the timeout."""
        self.worker.stopping = True
        self.slot.clear()
        self._thread.quit()
        return self._thread.wait(SHUTDOWN_TIMEOUT_MS)


