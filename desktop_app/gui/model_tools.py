"""The model's tools in the window: the inspector and the provider benchmark page.

GUI thread. Both are jobs on the one inference worker (the session lives there); this object starts
them and hands what they report to their dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from ..core.bench import BenchProviders, bench_plan
from ..core.inspector import InspectModel
from .app_state import AppState
from .bench_dialog import BenchDialog
from .feedback import Feedback
from .inspector_dialog import InspectorDialog
from .messages import describe
from .worker import InferenceService


class ModelTools(QObject):
    bench_ended = Signal()  # live ranking goes on: its rates must not count the pause

    def __init__(self, service: InferenceService, state: AppState, feedback: Feedback, parent: QWidget):
        super().__init__(parent)
        self._service, self._state, self._feedback = service, state, feedback
        self.inspector = InspectorDialog(parent)
        self.bench = BenchDialog(parent)
        self._inspect_job = self._bench_job = 0
        self._bench_running = False
        self._stopped_because: str | None = None  # said when the benchmark reports its end
        worker = service.worker
        worker.job_progress.connect(self._on_worker_job_progress)
        worker.job_finished.connect(self._on_worker_job_finished)
        worker.job_failed.connect(self._on_worker_job_failed)
        self.bench.start_requested.connect(self.run_bench)
        self.bench.stop_requested.connect(lambda: service.cancel(BenchProviders.kind))

    def inspect(self) -> None:
        """The worker describes the model it runs; the dialog shows it."""
        self._inspect_job = self._service.run_job(InspectModel())

    def show_bench(self) -> None:
        self.bench.show()
        self.bench.raise_()

    def run_bench(self, iterations: int = 100) -> None:
        shown = self._state.shown
        if shown is None:
            self._feedback.error(lambda: self.tr("No model is loaded yet"))
            return
        path = shown.description.path
        self.bench.begin(len(bench_plan(shown.installed_providers)), path, iterations)
        self._bench_job = self._service.run_job(BenchProviders(path, iterations,
                                                               overrides=self._state.settings.overrides))
        self._bench_running, self._stopped_because = True, None
        self._feedback.status(lambda: self.tr("Benchmarking the providers: live ranking pauses until it is done"))

    def retranslate(self) -> None:
        self.bench.retranslate()
        if self.inspector.report is not None:
            self.inspector.show_report(self.inspector.report)

    @Slot(int, object)
    def _on_worker_job_progress(self, job_id: int, item) -> None:
        if job_id == self._inspect_job and isinstance(item, dict):
            self.inspector.show_report(item)
            self.inspector.show()
            self.inspector.raise_()
        elif job_id == self._bench_job and isinstance(item, dict):
            self.bench.add(item)

    def stop_bench_for_another_model(self) -> None:
        """Another model or provider was asked for: a benchmark of the one it leaves stops (the
        switch waited for all of it), and says why."""
        if self._bench_running:
            self._stopped_because = self.tr("Benchmark stopped: another model or provider was chosen")
            self._service.cancel(BenchProviders.kind)

    def say_a_change_waits(self) -> None:
        """A change that keeps the session (labels, top-k, preprocessing) is applied on the worker
        after the benchmark running there: said, not left to look ignored."""
        if self._bench_running:
            self._feedback.status(lambda: self.tr("The change applies once the benchmark is done"))

    @Slot(int, bool)
    def _on_worker_job_finished(self, job_id: int, completed: bool) -> None:
        if job_id == self._bench_job:
            self._bench_running = False
            self.bench.finish()
            stopped = self._stopped_because or self.tr("Benchmark stopped")
            self._feedback.status(lambda: self.tr("Benchmark done") if completed else stopped)
            self.bench_ended.emit()

    @Slot(int, object)
    def _on_worker_job_failed(self, job_id: int, error) -> None:
        if job_id == self._bench_job:
            self._bench_running = False
            self.bench.fail(describe(error))
            self.bench_ended.emit()
        if job_id in (self._bench_job, self._inspect_job):
            self._feedback.error(lambda: describe(error))
