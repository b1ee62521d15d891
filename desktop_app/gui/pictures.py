"""Pictures on the window: dropped or opened files and folders, pasted images, their results.

GUI thread. Reading and ranking happen in a :class:`RankPictures` job on the worker; each picture is
read once and kept display-sized, so a model or preprocessing change ranks the kept copies again
without reading a file. Up to :data:`KEPT_BUDGET_BYTES`: beyond it a picture keeps only its path
and ranking, and is read again when it is shown or ranked again (a folder of thousands of photos
would otherwise keep gigabytes).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication, QImage, QPixmap

from ..core.decode import flatten_alpha
from ..core.display import kept_copy, read_picture
from ..core.errors import SynsetError
from ..core.export import write_csv
from ..core.jobs import FileResult, LoadedModel
from ..core.live_stats import LiveStats
from ..core.messages import Message
from ..core.picture_jobs import PictureEntry, RankPictures, entry_of
from . import dialogs
from .app_state import AppState
from .feedback import Feedback
from .messages import describe
from .views import Views
from .worker import InferenceService

KEPT_BUDGET_BYTES = 768 * 2**20  # display copies kept in memory: ~200 photos of 12 MP (3.7 MB each)


class PictureSession(QObject):
    """Which pictures are being ranked (one job at a time) and which result is shown."""

    started = Signal()  # a job began: live sources stop
    paths_pasted = Signal(list)  # files copied in a file manager and pasted: open them like a drop
    result_shown = Signal(object)  # Classification now on screen
    picture_shown = Signal(object)  # the read-only RGB picture now on screen (for the lab); None: unreadable

    def __init__(self, service: InferenceService, state: AppState, views: Views, stats: LiveStats,
                 feedback: Feedback, parent: QObject | None = None):
        super().__init__(parent)
        self._service, self._state, self._views, self._stats, self._feedback = service, state, views, stats, feedback
        self.entries: list[PictureEntry] = []  # every picture of the current set, read or not yet
        self.kept_bytes = 0  # the entries' display copies in memory (see KEPT_BUDGET_BYTES)
        self.job = 0
        self.running = False  # a job is ranking pictures right now
        self.user_started = False  # ... that the user started (not a re-rank after a change)
        self.set_finished = False  # the set was ranked to its end (or stopped) at least once
        self._error_shown: str | None = None  # the message of the picture shown, if it failed
        self.presenter = False  # presenter mode hides the results list
        self.pictures_ranked = 0  # pictures ranked since the start (all jobs)
        self.pictures_failed = 0  # ... and those that could not be read or ranked
        self._reselect = 0
        self._skip_failed = False  # a new set: the first picture that could be ranked is selected
        self._announce = False  # ... and, on stage, said to be the first of so many
        self._summary: str | None = None  # "3 of 305 pictures could not be read"
        worker = service.worker
        worker.job_progress.connect(self._on_worker_job_progress)
        worker.job_finished.connect(self._on_worker_job_finished)
        worker.job_failed.connect(self._on_worker_job_failed)
        views.results.result_selected.connect(self.show)
        views.results.export_requested.connect(self.export_csv)
        views.results.cancel_requested.connect(self.stop)

    @property
    def count(self) -> int:
        return len(self.entries)

    def classify(self, paths: list[str]) -> None:
        """Read and rank these files (a new set: the previous one is dropped)."""
        self._start([PictureEntry(i, path) for i, path in enumerate(paths)], keep_selection=False)

    def rank_again(self) -> None:
        """The model or its preprocessing changed: rank the same set again, from what is in memory
        (pictures not read yet are read now), on the same picture as before. A set not yet ranked
        to its end (a folder dropped with a model, or opened while the model loads) is still the
        user's first ranking: Stop and Esc end it (they were refused, and a large folder could only
        be left by quitting)."""
        if self.entries:
            self._start(self.entries, keep_selection=True, user_started=not self.set_finished)

    def paste(self) -> None:
        if not self.open_mime(QGuiApplication.clipboard().mimeData()):
            self._feedback.error(lambda: self.tr("The clipboard holds no picture"))

    def open_mime(self, mime: QMimeData | None) -> bool:
        """What a paste or a drop carries: files on this computer open as a drop does, else a
        picture in it is ranked (a browser's "copy image" brings its web address too); a web
        address alone is refused with a reason. False if it carries nothing of these."""
        if mime is None:  # an empty clipboard
            return False
        local = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if local:
            self.paths_pasted.emit(local)
        elif mime.hasImage() and isinstance(data := mime.imageData(), QImage) and not data.isNull():
            image = kept_copy(qimage_to_rgb(data))  # ranked as a file of the same size would be
            self._start([PictureEntry(0, self.tr("Pasted picture"), image)], keep_selection=False)
        elif mime.hasUrls():
            self._feedback.error(lambda: self.tr("Only files on this computer can be opened (nothing is downloaded)"))
        else:
            return False
        return True

    def stop(self) -> None:
        """Stop the running job; what was ranked so far stays listed (and exportable), and is the
        set from now on: a later model or settings change ranks those again, not the whole folder."""
        self.running = False
        self._service.cancel(RankPictures.kind)
        self._views.results.finish()
        ranked, total = len(self._views.results.results), self.count
        del self.entries[ranked:]  # the job ranks in order: the ranked ones are the first
        self.set_finished = True
        self._feedback.status(lambda: self.tr("Stopped after %1 of %2 pictures")
                              .replace("%1", str(ranked)).replace("%2", str(total)))

    def clear(self) -> None:
        """A live source takes over: drop the set (and stop its job)."""
        self.running = False
        self._service.cancel(RankPictures.kind)
        self.job = -1  # the picture being ranked right now must not be shown afterwards
        self.entries = []
        self._views.results.hide()

    def export_csv(self, path: str | None = None) -> None:
        rows = [(r.path, r.classification or str(r.error)) for r in self._views.results.results]
        if not rows:
            self._feedback.error(lambda: self.tr("Nothing to export yet"))
            return
        path = path or dialogs.ask_csv_path(self._views.results.window())
        if not path:
            return
        try:
            write_csv(path, rows, self._state.settings.top_k)
        except OSError as exc:
            self._feedback.error(self.tr("Could not save %1").replace("%1", f"{path}: {exc.strerror or exc}"))
            return
        if self.running:  # exported part-way: say so, or the file looks like the whole folder
            self._feedback.status(self.tr("Saved %1: %2 of %3 pictures, the rest are still being ranked")
                                  .replace("%1", path).replace("%2", str(len(rows))).replace("%3", str(self.count)))
            return
        self._feedback.status(lambda: self.tr("Saved %1").replace("%1", path))

    def step(self, delta: int) -> bool:
        """Show the next (+1) or previous (−1) picture of the set, as ↓/↑ in its list do: on stage
        the list is hidden, and a presenter had to leave full screen to show the next photo.
        False if there is no set of pictures to step through."""
        results = self._views.results
        rows = results.table.rowCount()
        if self.count < 2:
            return False
        row = results.table.currentRow()
        target = min(rows - 1, max(0, row + delta))
        if rows == 0 or target == row:
            if rows and delta < 0:
                self._feedback.status(lambda: self.tr("The first picture"))
            elif rows < self.count:  # the folder's first ranking has not got further yet (or begun)
                self._feedback.status(self.tr("Picture %1 of %2 is still being ranked")
                                      .replace("%1", str(rows + 1)).replace("%2", str(self.count)))
            else:
                self._feedback.status(lambda: self.tr("The last picture"))
            return True
        result = results.results[target]
        results.table.setCurrentCell(target, 0)  # shows it, through the selection
        if not result.error:  # one that cannot be read has said why (show); this would hide it
            # Said after it is shown: leaving a broken picture put the folder's summary ("1 of 14
            # pictures could not be read") up again, over this
            self._feedback.status(self._position(target, result.path))
        return True

    def _position(self, index: int, path: str) -> str:
        return (self.tr("Picture %1 of %2: %3").replace("%1", str(index + 1)).replace("%2", str(self.count))
                .replace("%3", Path(path).name))

    def set_presenter(self, presenter: bool) -> None:
        self.presenter = presenter
        self._views.show_results(self.count > 1 and not presenter)

    def _start(self, entries: list[PictureEntry], keep_selection: bool, user_started: bool = True) -> None:
        results = self._views.results
        self._reselect = max(0, results.table.currentRow()) if keep_selection else 0
        # A new set opens on its first picture that could be ranked: a broken first file showed the
        # empty window's "Drop pictures here" after the rest of the folder was ranked. So does a set
        # on which nothing was selected yet (opened while the model loaded, then ranked again).
        self._skip_failed = not keep_selection or results.table.currentRow() < 0
        # A new set: on stage, say how many follow; also once a set dropped while the model loaded
        # is ranked (its first ranking was that of no model, and nothing was selected)
        self._announce = not keep_selection or (self._announce and results.table.currentRow() < 0)
        if not keep_selection:
            self.set_finished = False
            self._summary = None
        self.entries = list(entries)
        self.kept_bytes = sum(e.image.nbytes for e in self.entries if e.image is not None)
        self.started.emit()
        self.job = self._service.run_job(RankPictures(self.entries))
        self.running, self.user_started = True, user_started
        self._views.show_results(self.count > 1 and not self.presenter)
        results.start(self.count)
        # A re-rank after a settings change is not the user's to stop: stopping it would keep only
        # the pictures re-ranked so far, and the rest of the folder would be gone.
        results.cancel.setEnabled(user_started)

    @Slot(int, object)
    def _on_worker_job_progress(self, job_id: int, result) -> None:
        if job_id != self.job or not isinstance(result, FileResult) or result.index >= len(self.entries):
            return  # a cancelled or replaced job, another kind's, or one ranked after Esc stopped it
        if result.classification is not None:
            self.pictures_ranked += 1
            # Every ranked picture's stages, not only those shown: a folder run's inference_ms
            # came from the one picture on screen.
            self._stats.stages_received(result.classification.timings_ms)
        else:
            self.pictures_failed += 1
        entry, previous = entry_of(result), self.entries[result.index]
        if previous.image is not None:
            self.kept_bytes -= previous.image.nbytes
        size = entry.image.nbytes if entry.image is not None else 0
        if size and self.kept_bytes and self.kept_bytes + size > KEPT_BUDGET_BYTES:
            entry, result = replace(entry, image=None), replace(result, image=None)  # read again when needed
        else:
            self.kept_bytes += size
        self.entries[result.index] = entry  # read once: kept for the next ranking (within the budget)
        self._views.results.add(result)
        if result.index == self._reselect:
            if self._skip_failed and result.classification is None and result.index + 1 < self.count:
                self._reselect += 1  # the next one, unless this is the last: then its reason shows
                return
            self._skip_failed = False
            self._views.results.table.setCurrentCell(result.index, 0)  # shows it, through the selection
            if self._announce and self.presenter and self.count > 1 and result.classification is not None:
                # On stage the list is hidden: the audience saw one picture and not that more follow
                self._feedback.status(self._position(result.index, result.path))
            self._announce = False

    @Slot(int, bool)
    def _on_worker_job_finished(self, job_id: int, completed: bool) -> None:
        if job_id != self.job:
            return
        self.running = False
        self.set_finished = self.set_finished or completed
        results = self._views.results
        results.finish()
        errors = sum(1 for r in results.results if r.error)
        if completed and errors and self.count > 1:
            self._summary = (self.tr("%1 of %2 pictures could not be read").replace("%1", str(errors))
                             .replace("%2", str(len(results.results))))
            self._feedback.error(self._summary)

    @Slot(int, object)
    def _on_worker_job_failed(self, job_id: int, error) -> None:
        if job_id == self.job:
            self.running = False
            self._views.results.finish()
            self._feedback.error(lambda: describe(error))

    def show(self, result: FileResult) -> None:
        v = self._views
        if result.image is None and result.error is None and result.classification is not None:
            result = self._read_again(result)  # ranked, but over the budget: its copy was not kept
        if result.image is not None and _no_model(result.error):
            # Read, but ranked while no model was loaded: the one asked for failed (the window
            # said why) and the bundled one is on its way, which ranks the picture (rank_again).
            # Not an error of the picture: shown unranked, and the reason stays on screen.
            self._clear_error()
            v.view.set_mirrored(False)
            v.view.set_image(result.image, "rgb", key=("file", self.job, result.index))
            v.chart.set_predictions(())
            self.picture_shown.emit(None)  # nothing to rank it both ways with either
            return
        if result.error or result.image is None or result.classification is None:
            self._error_shown = describe(result.error)
            v.view.set_image(None, reason=self._error_shown)  # not "Drop pictures here": the reason
            v.chart.set_predictions(())
            self._feedback.error(self._error_shown)
            self.picture_shown.emit(None)  # the lab must not go on ranking what was shown before
            return
        self._clear_error()
        v.view.set_mirrored(False)  # a photo is shown as it is; only a live camera is mirrored
        v.view.set_image(result.image, "rgb", key=("file", self.job, result.index))
        shown: LoadedModel | None = self._state.shown
        v.outline_model_region(shown.description if shown else None, result.image.shape[1], result.image.shape[0])
        v.chart.set_predictions(result.classification.top)
        self.result_shown.emit(result.classification)
        self.picture_shown.emit(result.image)

    def _clear_error(self) -> None:
        """Another picture is shown: the error of the one shown before no longer holds; how many of
        the set could not be read still does (the status bar went blank)."""
        if self._error_shown is not None:
            self._feedback.clear(self._error_shown)
            self._error_shown = None
            if self._summary is not None:
                self._feedback.error(self._summary)

    def _read_again(self, result: FileResult) -> FileResult:
        """The picture of a result whose copy was not kept, read again to be shown (a JPEG at a
        reduced DCT scale: tens of milliseconds on a click); its ranking is the one already made."""
        try:
            return replace(result, image=read_picture(result.path))
        except SynsetError as exc:  # moved, deleted or changed since it was ranked
            return replace(result, error=exc.message or str(exc))


def _no_model(error) -> bool:
    return isinstance(error, Message) and error.code == "model.none"


def qimage_to_rgb(image: QImage) -> np.ndarray:
    """A clipboard QImage as an HxWx3 RGB array, transparency composited on white as a dropped
    PNG's is. The pixels are copied while both QImages live: converting ARGB to RGB888 and
    reading the result after the source was released gave garbage rows (a use after free)."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)  # straight (not premultiplied) alpha
    width, height, stride = rgba.width(), rgba.height(), rgba.bytesPerLine()
    data = bytes(rgba.constBits())[: stride * height]
    picture = Image.frombuffer("RGBA", (width, height), data, "raw", "RGBA", stride, 1)
    return np.ascontiguousarray(np.asarray(flatten_alpha(picture), dtype=np.uint8))


def png_bytes(pixmap: QPixmap) -> bytes:
    """A grabbed window as PNG bytes, to be written atomically (never half a file)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        raise OSError("the picture could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())
