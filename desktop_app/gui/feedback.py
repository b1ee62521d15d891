"""Telling the user: the status bar for everything, a dialog at most for what needs an answer.

GUI thread. Sessions get this object instead of the window, so they can report without knowing
where or how it is shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from .. import APP_NAME

STATUS_MS = 8000


class Feedback:
    def __init__(self, status_bar: QStatusBar, parent: QWidget):
        self._bar, self._parent = status_bar, parent
        self.automated = False  # --snapshot/--run-seconds and tests: never a modal dialog

    def error(self, message: str, dialog: bool = False) -> None:
        self._bar.showMessage(message, STATUS_MS * 2)
        if dialog and self._parent.isVisible() and not self.automated:
            QMessageBox.warning(self._parent, APP_NAME, message)

    def status(self, message: str) -> None:
        self._bar.showMessage(message, STATUS_MS)

    def clear(self, message: str) -> None:
        """Take ``message`` away if it is still the one shown (it no longer holds)."""
        if self._bar.currentMessage() == message:
            self._bar.clearMessage()

    @property
    def current(self) -> str:
        return self._bar.currentMessage()
