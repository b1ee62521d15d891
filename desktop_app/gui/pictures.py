"""Pictures on the window: dropped or opened files and folders, pasted images, their results.

Runs on the GUI thread; decoding and inference happen on the worker, results come back as signals.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Slot
from PySide6.QtGui import QGuiApplication, QImage, QPixmap

from ..core.export import write_csv
from . import dialogs
from .messages import describe
from .worker import FileResult


class PictureSession(QObject):
    """Which pictures are being classified (one job at a time) and which result is shown."""

    def __init__(self, window):
        super().__init__(window)
        self._w = window
        self.pictures: list[str] = []
        self.job = 0
        self.running = False  # a job is classifying pictures right now
        self._reselect = 0
        worker = window.service.worker
        worker.file_classified.connect(self._on_worker_file_classified)
        worker.files_finished.connect(self._on_worker_files_finished)
        window.results.result_selected.connect(self.show)
        window.results.export_requested.connect(self.export_csv)
        window.results.cancel_requested.connect(self.stop)

    def classify(self, pictures: list[str], keep_selection: bool = False) -> None:
        """Start a job; with ``keep_selection`` (a setting changed) the same picture stays shown."""
        results = self._w.results
        self._reselect = max(0, results.table.currentRow()) if keep_selection else 0
        self.pictures = list(pictures)
        self.job = self._w.service.classify_files(self.pictures)
        self.running = True
        results.setVisible(len(self.pictures) > 1 and not self._w.presenter)
        results.start(len(self.pictures))

    def stop(self) -> None:
        """Stop the running job; what was ranked so far stays listed (and exportable)."""
        self.running = False
        self._w.service.cancel_files()
        self._w.results.finish()
        self._w.show_status(self.tr("Stopped after %1 of %2 pictures").replace("%1", str(len(self._w.results.results)))
                            .replace("%2", str(len(self.pictures))))

    def clear(self) -> None:
        self.running = False
        self._w.service.cancel_files()
        self.job = -1  # the picture being classified right now must not be shown afterwards
        self.pictures = []
        self._w.results.hide()

    def paste(self) -> None:
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        if mime.hasUrls():
            self._w.open_paths([u.toLocalFile() for u in mime.urls() if u.isLocalFile()])
        elif mime.hasImage():
            array = qimage_to_rgb(clipboard.image())
            self._w.live.stop()
            self.clear()
            self._reselect = 0
            self._w.results.start(1)
            self.job = self._w.service.classify_array(self.tr("Pasted picture"), array)
            self.running = True
        else:
            self._w.show_error(self.tr("The clipboard holds no picture"))

    def export_csv(self, path: str | None = None) -> None:
        w = self._w
        rows = [(r.path, r.classification or str(r.error)) for r in w.results.results]
        if not rows:
            w.show_error(self.tr("Nothing to export yet"))
            return
        path = path or dialogs.ask_csv_path(w)
        if not path:
            return
        try:
            write_csv(path, rows, w.settings.top_k)
        except OSError as exc:
            w.show_error(self.tr("Could not save %1").replace("%1", f"{path}: {exc.strerror}"))
            return
        w.show_status(self.tr("Saved %1").replace("%1", path))

    @Slot(object)
    def _on_worker_file_classified(self, result: FileResult) -> None:
        if result.job_id != self.job:
            return  # a cancelled or replaced job
        self._w.results.add(result)
        if result.index == self._reselect:
            self._w.results.table.setCurrentCell(result.index, 0)  # shows it, through the selection

    @Slot(int)
    def _on_worker_files_finished(self, job_id: int) -> None:
        if job_id != self.job:
            return
        self.running = False
        results = self._w.results
        results.finish()
        errors = sum(1 for r in results.results if r.error)
        if errors and len(self.pictures) > 1:
            self._w.show_error(self.tr("%1 of %2 pictures could not be read").replace("%1", str(errors))
                               .replace("%2", str(len(results.results))))

    def show(self, result: FileResult) -> None:
        w = self._w
        if result.error:
            w.view.set_image(None)
            w.chart.set_predictions(())
            w.show_error(describe(result.error))
            return
        w.view.set_mirrored(False)  # a photo is shown as it is; only a live camera is mirrored
        w.view.set_image(result.image, "rgb", key=("file", result.job_id, result.index))
        w.outline_model_region(result.image.shape[1], result.image.shape[0])
        w.chart.set_predictions(result.classification.top)
        timings = result.classification.timings_ms
        w.stats.stages_received(timings | {"capture": timings.get("decode", 0.0)})
        w.note_result(result.classification)


def qimage_to_rgb(image: QImage) -> np.ndarray:
    """A clipboard QImage as a contiguous HxWx3 RGB array (rows copied past the line padding)."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    buffer = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    rows = buffer.reshape(height, image.bytesPerLine())[:, : width * 3]
    return np.ascontiguousarray(rows.reshape(height, width, 3))


def png_bytes(pixmap: QPixmap) -> bytes:
    """A grabbed window as PNG bytes, to be written atomically (never half a file)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        raise OSError("the picture could not be encoded as PNG")
    buffer.close()
    return bytes(data)
