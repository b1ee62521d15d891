"""The pitfalls lab on the window: which pitfall is shown, on which picture or live frame.

GUI thread. Live frames are ranked both ways by the worker while the lab is on (``set_lab``); a
picture on screen is ranked both ways by a :class:`LabPicture` job. Results of another model
generation, source or picture are stale and ignored.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from ..core.jobs import LiveLabResult, LoadedModel
from ..core.lab import LabResult
from ..core.live_stats import LiveStats
from ..core.picture_jobs import LabPicture
from ..core.pitfalls import PITFALL_IDS, Pitfall, pitfall, usable
from . import pitfall_texts
from .app_state import AppState
from .feedback import Feedback
from .lab_panel import LabPanel
from .live import LiveSession
from .messages import describe
from .seen_view import SeenView
from .worker import InferenceService


class LabSession(QObject):
    toggled = Signal(bool)  # the lab was switched on or off
    result_shown = Signal(object)  # LabResult now on screen
    refused = Signal(str, object)  # pitfall id, why this model cannot show it

    def __init__(self, service: InferenceService, state: AppState, panel: LabPanel, live: LiveSession,
                 stats: LiveStats, feedback: Feedback, seen: SeenView, parent: QObject | None = None):
        super().__init__(parent)
        self._service, self._state, self._panel, self._live = service, state, panel, live
        self._seen = seen
        self.seen_large = False  # what the model saw is shown over the picture (V)
        self._stats, self._feedback = stats, feedback
        self.active = False
        self.pitfall_id: str | None = None
        self._available: tuple[Pitfall, ...] = ()
        self._model_known = False  # no model shown yet: which pitfalls it shows is not known
        self._start_when_known = False
        self._picture: np.ndarray | None = None  # the picture on screen, when it is not a live frame
        self._job = 0
        self._gave_way: str | None = None  # "This model does not show X; the lab shows Y", while true
        worker = service.worker
        worker.lab_ready.connect(self._on_worker_lab_ready)
        live.frame_failed.connect(self._on_live_frame_failed)
        worker.lab_failed.connect(self._on_worker_lab_failed)
        worker.job_progress.connect(self._on_worker_job_progress)
        worker.job_failed.connect(self._on_worker_job_failed)
        panel.pitfall_chosen.connect(self.set_pitfall)

    # ---- commands ---------------------------------------------------------------------------
    def start(self, pitfall_id: str | None = None) -> None:
        """Switch the lab on, with ``pitfall_id`` (else the one shown last, else the first)."""
        chosen = pitfall_id or self.pitfall_id or self._first()
        if chosen is None and not self._model_known:  # L pressed while the model still loads
            self._start_when_known = True
            self._feedback.status(self._waiting_text())
            return
        if chosen is None:
            self._feedback.error(lambda: self.tr("This model shows none of the pitfalls"))
            return
        self.active = True
        self.pitfall_id = chosen
        self._apply()
        self.toggled.emit(True)

    def stop(self) -> None:
        self._forget_gave_way()
        self._drop_pending_start()  # L again before the model was ready: no longer opening
        self.active = False
        self._seen.hide()  # V is remembered: a clicker's "blank" (B) and back shows it again
        self._service.set_lab(None)
        self._panel.clear()
        self.toggled.emit(False)
        # A frozen frame was ranked only both ways while the lab was on (perhaps under settings
        # changed since): the chart it returns to ranks it now, as it stands.
        self._live.rank_frozen_frame()

    def toggle(self) -> None:
        self.stop() if self.active or self._start_when_known else self.start()

    def toggle_seen(self) -> None:
        """V: what the model saw, both ways, large over the picture, or the picture again."""
        if not self.active:
            self._feedback.status(lambda: self.tr("What the model sees is shown in the pitfalls lab: press L first"))
            return
        self._show_seen(not self.seen_large)

    def set_pitfall(self, pitfall_id: str) -> None:
        if pitfall_id not in PITFALL_IDS:
            return
        if pitfall_id != self.pitfall_id:
            self._forget_gave_way()
        self.pitfall_id = pitfall_id
        if self.active:
            self._apply()

    def step(self, delta: int) -> None:
        """Next (+1) or previous (−1) pitfall this model can show; switches the lab on."""
        ids = [p.id for p in self._available]
        if not ids:  # the model still loads (the lab opens once it is ready), or it shows none
            self.start()
            return
        index = ids.index(self.pitfall_id) if self.pitfall_id in ids else -1 if delta > 0 else 0
        self._forget_gave_way()
        self.pitfall_id = ids[(index + delta) % len(ids)]
        if self.active:
            self._apply()
        else:
            self.start(self.pitfall_id)

    def picture_shown(self, image: np.ndarray | None) -> None:
        """A picture (not a live frame) is on screen, or None: one that could not be read is, and
        nothing else. The lab ranks the picture when it is on."""
        self._picture = image
        if not self.active:
            return
        if image is None:  # a picture that could not be read: the rankings of the last one go
            self._job = 0
            self._forget_result("unreadable")
        else:
            self._job = self._service.run_job(LabPicture(image))

    def _forget_result(self, why: str) -> None:
        self._panel.clear(why)
        if self.seen_large:
            self._show_seen(True)  # and what the model saw of it, large: it showed on

    @Slot()
    def _on_live_frame_failed(self) -> None:
        """The live frame on screen could not be ranked: the lab's rankings of an earlier one go."""
        if self.active:
            self._forget_result("failed")

    def live_started(self) -> None:
        self._picture = None
        self._panel.forget_note_heights()  # another source: its winners' names, not the last one's

    def model_shown(self, loaded: LoadedModel) -> None:
        d = loaded.description
        shown_before = self.pitfall_id in [p.id for p in self._available]  # by the model before this one
        self._available = usable(loaded.model_defaults, d.output_kind, d.input.dtype)  # not the overrides
        self._panel.set_pitfalls(self._available, self.pitfall_id)
        self._model_known = True
        if self._drop_pending_start():
            self.start()
        elif self.active:
            if shown_before:  # asked for (--lab) before any model was known, it is refused instead
                self._keep_a_usable_pitfall()
            self._apply()

    def _keep_a_usable_pitfall(self) -> None:
        """The new model shows another set of pitfalls: one that became its own setting gives way
        to the first it shows (the lab closed, after saying so twice, and did not come back)."""
        ids, old = [p.id for p in self._available], self.pitfall_id
        if old is None or old in ids or not ids:
            return
        self.pitfall_id = ids[0]
        self._gave_way = (self.tr("This model does not show %1; the lab shows %2")
                          .replace("%1", pitfall_texts.title(pitfall(old)))
                          .replace("%2", pitfall_texts.title(self._available[0])))
        self._feedback.status(self._gave_way)

    def _forget_gave_way(self) -> None:
        """Another pitfall, or the lab off: "the lab shows X" no longer holds (it stayed up)."""
        if self._gave_way is not None:
            self._feedback.clear(self._gave_way)
            self._gave_way = None

    def model_refused(self, *_error) -> None:
        """The model that was loading cannot be used: L pressed meanwhile opens nothing later."""
        self._drop_pending_start()

    # ---- what the worker reports ------------------------------------------------------------
    @Slot(object)
    def _on_worker_lab_ready(self, result: LiveLabResult) -> None:
        live = self._live
        stale = not self._state.is_current(result.generation) or result.source_id != live.capture.source_id
        shown = live.shown_frame
        if stale or not self.active or result.lab.pitfall.id != self.pitfall_id:
            return
        if live.frozen and (shown is None or result.frame_number != shown.number):
            # A frame sent as the view froze took the frozen one's place in the worker's mailbox:
            # the lab kept an older frame's rankings under "Frozen". Rank the frozen one (as live does).
            live.rank_frozen_frame()
            return
        if not live.frozen:  # a frozen frame ranked again is no live figure (as in LiveSession)
            self._stats.lab_result_received(result.captured_at)
        self._show(result.lab)

    @Slot(int, object)
    def _on_worker_job_progress(self, job_id: int, item) -> None:
        if job_id == self._job and isinstance(item, LabResult) and self.active and item.pitfall.id == self.pitfall_id:
            self._show(item)

    @Slot(int, object)
    def _on_worker_job_failed(self, job_id: int, error) -> None:
        if job_id == self._job:  # the picture on screen could not be ranked both ways: say why
            self._feedback.error(lambda: describe(error))

    @Slot(str, object)
    def _on_worker_lab_failed(self, pitfall_id: str, error) -> None:
        if self.active and pitfall_id != self.pitfall_id:
            return  # the pitfall the lab showed before a model switch moved it on (see model_shown)
        self._feedback.error(lambda: describe(error))
        self.refused.emit(pitfall_id, error)
        if self.active and pitfall_id == self.pitfall_id:
            self.stop()

    def _show(self, result: LabResult) -> None:
        self._panel.show_result(result)
        if self.seen_large:
            self._show_seen(True)
        self.result_shown.emit(result)

    def _show_seen(self, on: bool) -> None:
        self.seen_large = on
        seen = self._seen
        if not on or not self.active:
            seen.hide()
            return
        result = self._panel.result
        if result is None:
            seen.set_views((), ())
        else:
            titles = (self._panel.correct_title.text(), pitfall_texts.title(result.pitfall))
            seen.set_views((result.correct.view, result.wrong.view), titles)
        seen.note = (self.tr("The same input both ways: this mistake is made with the model's output")
                     if result is not None and result.pitfall.kind == "postprocess" else "")
        seen.placeholder = self._panel.correct_note.text()  # "Waiting for a picture or a camera frame"
        seen.setAccessibleName(self.tr("What the model saw, both ways"))
        told = (*seen.titles, seen.note) if seen.titles else (seen.placeholder,)
        seen.setAccessibleDescription("; ".join(text.replace("\u2060", "") for text in told if text))
        if seen.isHidden():
            seen.show_over_picture()
        seen.update()

    def retranslate(self) -> None:
        """The language changed: the large view's titles too (the panel retranslates itself)."""
        if self.seen_large:
            self._show_seen(True)

    def _apply(self) -> None:
        self._panel.set_pitfalls(self._available, self.pitfall_id)
        self._service.set_lab(self.pitfall_id)
        if self._picture is not None:
            self._job = self._service.run_job(LabPicture(self._picture))
        else:
            self._live.rank_frozen_frame()  # a frozen frame is ranked both ways at once

    def _drop_pending_start(self) -> bool:
        """Forget an L pressed while the model loaded, and its message; whether there was one."""
        pending, self._start_when_known = self._start_when_known, False
        if pending:
            self._feedback.clear(self._waiting_text())
        return pending

    def _waiting_text(self) -> str:
        return self.tr("The pitfalls lab opens once the model is ready")

    def _first(self) -> str | None:
        return self._available[0].id if self._available else None
