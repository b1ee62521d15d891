"""Helpers for widget tests."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QPoint, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication


class _Relay(QObject):
    """Lives on the GUI thread: a worker's signal reaches ``take`` queued, and ``fired`` then
    carries its arguments on the GUI thread. qtbot's own receiver ran on the emitting thread and
    stopped its timer from there ("QObject::killTimer: Timers cannot be stopped from another thread")."""

    fired = Signal(tuple)

    def take(self, *args) -> None:
        self.fired.emit(args)


class _Arrived:
    """What a wait for ``signal`` gives the test: the signal's own arguments, as qtbot's blocker does."""

    def __init__(self, blocker):
        self._blocker = blocker

    @property
    def args(self):
        return list(self._blocker.args[0]) if self._blocker.args else None


@contextmanager
def settled(qtbot, signal, timeout: int = 10_000):
    """Wait for a signal (from any thread) on the GUI thread, then let every receiver's queued slot
    run too (the relay may be served before the window has seen the same signal)."""
    relay = _Relay()
    signal.connect(relay.take, Qt.ConnectionType.QueuedConnection)
    try:
        with qtbot.waitSignal(relay.fired, timeout=timeout) as blocker:
            yield _Arrived(blocker)
    finally:
        signal.disconnect(relay.take)
    QApplication.processEvents()


def unloaded_window(qtbot, settings_path, settings=None):
    """A shown window whose model has not started loading (``start`` loads it); closed by the caller."""
    from desktop_app.core.settings import AppSettings
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.settings_store import SettingsStore
    from desktop_app.gui.worker import InferenceService

    window = MainWindow(settings or AppSettings(language="en"), SettingsStore(settings_path), InferenceService())
    window.automated = True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def drop(window, paths) -> None:
    """What the OS sends: a drag entering the window (which must accept it), then the drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, event)


def photo_folder(photos: dict, folder: Path) -> Path:
    """A folder holding copies of the test photos (a test may change or delete them)."""
    folder.mkdir()
    for path in photos.values():
        shutil.copyfile(path, folder / path.name)
    return folder
