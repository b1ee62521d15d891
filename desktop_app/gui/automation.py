"""Automation hooks for tests and docs: open what the command line names, save a snapshot once
the first result shows, or run live for S seconds and write the statistics JSON."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer

from .. import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED
from ..core.dropped import sort_paths
from ..core.files import write_atomic
from ..core.messages import without_name
from ..core.ort_output import silence_stdout, to_stderr
from ..core.sources import list_cameras, resolve_camera_argument
from ..core.startup import process_age_s, timeline

if TYPE_CHECKING:
    from .main_window import MainWindow

SNAPSHOT_SETTLE_MS = 700  # let the bars finish gliding before the picture is taken
SNAPSHOT_TIMEOUT_MS = 60_000
START_TIMEOUT_S = 60  # a run whose source never delivers a frame ends with an error
STALL_PROBE_MS = 10


class Automation(QObject):
    """Drives the window from the command line; uses only the window's public commands and its
    sessions' signals. GUI thread."""

    def __init__(self, window: MainWindow, args):
        super().__init__(window)
        self.window, self.args = window, args
        self.exit_code: int | None = None
        self.first_result_ms: float | None = None
        self._pictures_base = 0
        self._missing = 0  # named paths that are not there (counted as pictures that failed)
        self._ticks = 0
        self._snapshot_due = False
        self._stall_timer = QTimer(self)
        self._stall_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._stall_timer.setInterval(STALL_PROBE_MS)
        self._stall_timer.timeout.connect(self._probe_stall)
        self._last_tick = 0.0

    def begin(self) -> None:
        """GUI thread, once the window is shown: arm the exit conditions, then open the sources
        (in that order: a source can fail on its own thread before the next line runs)."""
        args, window = self.args, self.window
        window.first_result_shown.connect(self._on_first_result)
        if args.snapshot or args.run_seconds:
            # Ctrl+C ends an unattended run as a shell expects (it was swallowed; the run went on).
            # Python runs the handler between Qt's events: the stall probe ticks every 10 ms.
            signal.signal(signal.SIGINT, lambda _signal, _frame: self._interrupted())
        if getattr(args, "lab", None):
            window.lab.refused.connect(self._on_lab_refused)
        if args.snapshot:
            # In the lab, the picture is taken once both rankings show; else at the first result.
            shown = window.lab.result_shown if getattr(args, "lab", None) else window.first_result_shown
            shown.connect(self._schedule_snapshot)
            QTimer.singleShot(SNAPSHOT_TIMEOUT_MS, lambda: self._fail("no result within 60 s; snapshot not taken"))
        if args.run_seconds:
            window.live.started.connect(self._start_run)
            if not args.camera:  # pictures or a folder: the run covers ranking them
                window.pictures.started.connect(self._start_run)
                window.service.worker.job_finished.connect(self._on_job_finished)
            deadline_ms = int((args.run_seconds + START_TIMEOUT_S) * 1000)
            QTimer.singleShot(deadline_ms, lambda: self._fail("the live run did not start or finish in time"))
        if args.run_seconds or args.snapshot:
            window.capture.source_failed.connect(self._on_source_failed)
            window.live.refused.connect(lambda problem: self._on_source_failed(0, problem))
        if args.snapshot:
            window.service.worker.job_finished.connect(self._on_snapshot_job_finished)
        if (args.snapshot or args.run_seconds) and (getattr(args, "model", None) or getattr(args, "labels", None)):
            # The model (or labels) asked for cannot be used: the run went on with the bundled one and
            # exit 0, as if it had measured the model it was given. A usage error, as classify's.
            window.state.model_refused.connect(self._on_model_refused)
        if args.paths:
            if (args.run_seconds or args.snapshot) and not args.camera and self._nothing_to_show(args.paths):
                return
            window.open_paths(args.paths)
        if args.camera:
            self._open_camera(args.camera)

    def _nothing_to_show(self, paths: list[str]) -> bool:
        """Fail at once when no path is a picture or a video (missing, or folders without
        pictures): the run waited 60 s, then said "no result within 60 s"."""
        dropped = sort_paths(paths)
        if dropped.pictures or dropped.videos:
            if dropped.missing:  # ranked the rest and said nothing of these ("pictures_failed": 0)
                to_stderr("synset: warning: file not found: " + ", ".join(dropped.missing))
                self._missing = len(dropped.missing)
            return False
        if dropped.missing:
            self._fail("file not found: " + ", ".join(dropped.missing))
        else:
            self._fail("no pictures in " + ", ".join(dropped.empty_folders or paths))
        return True

    def _on_source_failed(self, _source_id: int, problem) -> None:
        if self._stall_timer.isActive():  # during a timed run: its statistics so far, then exit 1
            self._end_run(failure=str(problem))
        else:
            self._fail(str(problem))

    def _on_model_refused(self, error) -> None:
        if self.exit_code is None:
            to_stderr(f"synset: error: {error}")
            self._finish(2)

    def _on_snapshot_job_finished(self, job_id: int, _completed: bool) -> None:
        """A snapshot of pictures none of which could be read fails at once, with the reason."""
        pictures = self.window.pictures
        if job_id != pictures.job or pictures.pictures_ranked or not pictures.pictures_failed:
            return
        failed = next((r for r in self.window.results.results if r.error), None)
        if failed is not None:
            name = Path(failed.path).name
            self._fail(f"{name}: {without_name(str(failed.error), name)}")

    def _open_camera(self, argument: str) -> None:
        spec = resolve_camera_argument(argument, list_cameras())
        if spec is None:
            self.window.show_error(QCoreApplication.translate("MainWindow", "No camera or video matches '%1'")
                                   .replace("%1", argument))
            if self.args.run_seconds or self.args.snapshot:
                self._fail(f"no camera or video matches '{argument}'")
            return
        if spec.camera:
            self.window.start_camera(spec.camera)
        elif spec.video_path:
            self.window.start_video(spec.video_path)

    def _snapshot(self) -> None:
        path = Path(self.args.snapshot)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._fail(f"cannot write {path}: {exc.strerror or exc}")
            return
        if self.window.save_screenshot(str(path)):
            self._finish(0)
        else:
            self._fail(f"cannot write {path}: {self.window.feedback.current}")

    def _on_first_result(self) -> None:
        """Process start → the first ranking on screen, as the user waits for it."""
        self.first_result_ms = round(process_age_s() * 1e3, 1)

    def _start_run(self) -> None:
        """From the first frame (or the first picture job): fresh statistics, a GUI stall probe,
        and the end of the run."""
        if self._stall_timer.isActive():
            return  # already running
        window = self.window
        window.stats.reset_window()
        window.stats.source_fps = window.capture.source_fps
        self._painted_base = window.view.frames_painted  # the first frame is painted after this
        # Counted by the source itself from the frame on screen: the capture thread runs ahead of
        # the screen, so its count now may already include frames after it (shown 121 of 120).
        shown = window.live.shown_frame
        self._captured_base = shown.number - 1 if shown is not None else window.capture.frames_captured
        self._dropped_base = window.service.frames_dropped
        self._skipped_base = window.capture.frames_skipped
        self._pictures_base = window.pictures.pictures_ranked
        self._failed_base = window.pictures.pictures_failed
        self._last_tick = time.perf_counter()
        self._stall_timer.start()
        # A precise timer: the default coarse one may fire 5 % early or late (a 10 s run lasted 9.7 s)
        self._run_timer = QTimer(self, singleShot=True, timerType=Qt.TimerType.PreciseTimer)
        self._run_timer.timeout.connect(self._end_run)
        self._run_timer.start(int(self.args.run_seconds * 1000))

    def _on_job_finished(self, job_id: int, _completed: bool) -> None:
        if job_id == self.window.pictures.job and self._stall_timer.isActive():
            self._end_run()  # every picture ranked before the time was up

    def _probe_stall(self) -> None:
        now = time.perf_counter()
        stats = self.window.stats
        stats.gui_stall(max(0.0, (now - self._last_tick) * 1e3 - STALL_PROBE_MS))
        self._last_tick = now
        self._ticks += 1
        if self._ticks % 10 == 0:
            stats.sample_rss()

    def _end_run(self, failure: str | None = None) -> None:
        """Write and print the statistics, then exit: 0, or 1 with ``failure`` (the source failed
        during the run: what was measured until then is kept, not thrown away)."""
        if self.exit_code is not None:
            return
        self._stall_timer.stop()
        window = self.window
        stats = window.stats
        stats.sample_rss()
        if window.capture.running:  # the newest delivery, not the last 4 Hz sample's (the rate read 8 % low)
            stats.source_delivered(*window.capture.delivered)
        # Live frames painted; a run of pictures paints pictures, not frames (it said 1 shown of 0 captured).
        stats.frames_shown = window.view.frames_painted - self._painted_base if self.args.camera else 0
        stats.frames_captured = max(0, window.capture.frames_captured - self._captured_base)
        stats.frames_dropped = window.service.frames_dropped - self._dropped_base
        document = stats.to_json() | {
            "first_result_ms": self.first_result_ms,
            "pictures_ranked": window.pictures.pictures_ranked - self._pictures_base,
            "pictures_failed": window.pictures.pictures_failed - self._failed_base + self._missing,
            "frames_skipped": max(0, window.capture.frames_skipped - self._skipped_base),
            "startup_ms": timeline(),
        }
        unwritten = None
        if self.args.stats_json:
            path = Path(self.args.stats_json)
            try:  # a folder that is not there yet is made, as for --snapshot (a run's figures were lost)
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, json.dumps(document, indent=2).encode("utf-8"))
            except OSError as exc:
                unwritten = f"cannot write {path}: {exc.strerror or exc}"  # printed below all the same
        try:
            print(json.dumps(document), flush=True)
        except BrokenPipeError:  # the reader left (``| true``): quietly, as the command line does
            silence_stdout()
            self._finish(EXIT_BROKEN_PIPE)
            return
        except OSError as exc:  # a full disk: the run hung, the exception lost in a slot
            silence_stdout()
            self._fail(f"cannot write the output: {exc.strerror or exc}")
            return
        if failure or unwritten:
            self._fail(failure or unwritten or "")
            return
        if (document["pictures_failed"] and not document["pictures_ranked"] and not self.args.camera
                and not document["frames_inferred"]):  # a video given with them was ranked
            self._fail(f"none of the {document['pictures_failed']} pictures could be ranked")
            return
        self._finish(0)

    def _schedule_snapshot(self, *_result) -> None:
        if not self._snapshot_due:
            self._snapshot_due = True
            QTimer.singleShot(SNAPSHOT_SETTLE_MS, self._snapshot)

    def _on_lab_refused(self, pitfall_id: str, error) -> None:
        """``--lab PITFALL`` that this model cannot show (its own setting): a usage error, exit 2."""
        if pitfall_id == self.args.lab and self.exit_code is None:
            to_stderr(f"synset: error: {error}")
            self._finish(2)

    def _interrupted(self) -> None:
        if self.exit_code is None:
            to_stderr("synset: interrupted")
            self._finish(EXIT_INTERRUPTED)

    def _fail(self, reason: str) -> None:
        if self.exit_code is None:
            to_stderr(f"synset: error: {reason}")
            self._finish(1)

    def _finish(self, code: int) -> None:
        if self.exit_code is None:
            self.exit_code = code
            self.window.close()
            # Queued: a failure in begin() comes before app.exec(), when exit() would be ignored
            # (and the unattended run would never end); the timer fires once the loop runs.
            QTimer.singleShot(0, lambda: QCoreApplication.exit(code))
