"""Telling the user: the status bar for everything, a dialog at most for what needs an answer.

GUI thread. Sessions get this object instead of the window, so they can report without knowing
where or how it is shown. On stage (presenter mode) the status bar is hidden and messages show
over the bottom of the picture instead (:class:`StageToast`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QMessageBox, QSizeGrip, QStatusBar, QStyleOption, QWidget

from .. import APP_NAME
from .messages import wrappable

STATUS_MS = 8000
TOAST_MARGIN = 24

# A message as text, or as what makes its text (``lambda: self.tr(…)``): a made one is said again
# in the new language when the language changes while it shows (it stayed in the old one).
Said = str | Callable[[], str]


class ElidingStatusBar(QStatusBar):
    """A status bar whose message ends in "…" when it is wider than the window, with the whole
    message in its tooltip. Qt's own cuts a long message off mid-letter at the window's edge (a
    model's path in an error, in a narrow window) and leaves no way to read the rest."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.messageChanged.connect(self._on_message_changed)

    def shown_text(self) -> str:
        """The message as painted: whole, or elided to the room it has."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight,
                                             self._message_rect().width())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self.currentMessage():
            super().paintEvent(event)  # permanent widgets' frames, which no message covers
            return
        from PySide6.QtWidgets import QStyle  # here: its Python enums cost 6 ms at start-up

        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        align = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self._message_rect(), int(align | Qt.TextFlag.TextSingleLine), self.shown_text())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._on_message_changed(self.currentMessage())

    def _on_message_changed(self, message: str) -> None:
        self.setToolTip(message if message and self.shown_text() != message else "")

    def _message_rect(self) -> QRect:
        # Where Qt paints a message: 6 px in, up to the size grip (or 12 px short of the edge).
        grip = self.findChild(QSizeGrip)
        right = grip.x() if grip is not None and grip.isVisible() else self.width() - 12
        return QRect(6, 0, max(0, right - 6), self.height())


class StageToast(QLabel):
    """A message over the bottom of the picture, where the audience looks. A status bar that
    appeared with each message would move the whole layout on stage (the rankings jumped, and the
    lab's caption went below the fold); this floats over the picture and moves nothing."""

    def __init__(self, view: QWidget):
        super().__init__(view)
        self._view = view
        self.setObjectName("stageToast")
        self.message = ""
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.hide)
        self.hide()
        view.installEventFilter(self)  # follows the picture's size

    def show_message(self, message: str, ms: int) -> None:
        self.message = message  # as given: the text shown has break opportunities in long names
        self.setText(wrappable(message))
        self.show()
        self.raise_()
        self._place()
        self._timer.start(ms)

    def clear(self) -> None:
        self._timer.stop()
        self.hide()

    def _place(self) -> None:
        view = self._view
        width = max(120, view.width() - 2 * TOAST_MARGIN)
        height = min(self.heightForWidth(width), view.height() - 2 * TOAST_MARGIN)
        self.setGeometry(TOAST_MARGIN, view.height() - height - TOAST_MARGIN, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False


class Feedback:
    def __init__(self, status_bar: QStatusBar, parent: QWidget, toast: StageToast | None = None):
        self._bar, self._parent, self._toast = status_bar, parent, toast
        self.automated = False  # --snapshot/--run-seconds and tests: never a modal dialog
        self.on_stage = False  # messages go to the toast too (the status bar is hidden)
        self.dialog: QMessageBox | None = None  # the one error dialog open, if any
        self._maker: Callable[[], str] | None = None  # what makes the message shown, if it can be made
        self._texts: set[str] = set()  # what the message shown has read as, in each language
        self._until = 0.0  # time.monotonic() when it goes

    def error(self, message: Said, dialog: bool = False) -> str:
        """Show an error (for twice as long as a status); the text shown."""
        message = self._show(message, STATUS_MS * 2)
        if not dialog or not self._parent.isVisible() or self.automated:
            return message
        # Window-modal but not blocking: a blocking warning() held up the slots after it (the badge
        # said "Loading model…" until the dialog was closed), and each refusal stacked another.
        if self.dialog is not None:
            self.dialog.setText(message)
            return message
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, self._parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._dialog_closed)
        self.dialog = box
        box.open()
        return message

    def _dialog_closed(self, _result: int) -> None:
        self.dialog = None

    def status(self, message: Said) -> str:
        """Show a status message; the text shown."""
        return self._show(message, STATUS_MS)

    def retranslate(self) -> None:
        """The language changed: a message that can be made again says itself in the new one, for
        the time it had left."""
        left = round((self._until - time.monotonic()) * 1000)
        if self._maker is None or left <= 0 or self._bar.currentMessage() not in self._texts:
            return
        text = self._maker()
        self._texts.add(text)
        self._bar.showMessage(text, left)
        if self._toast is not None and self._toast.isVisible() and self._toast.message in self._texts:
            self._toast.show_message(text, left)

    def set_stage(self, on: bool) -> None:
        self.on_stage = on
        if not on and self._toast is not None:
            self._toast.clear()

    def clear(self, message: str) -> None:
        """Take ``message`` away if it is still the one shown (it no longer holds), also when it
        has been said again in another language since."""
        texts = self._texts if message in self._texts else {message}
        if self._bar.currentMessage() in texts:
            self._bar.clearMessage()
        if self._toast is not None and self._toast.isVisible() and self._toast.message in texts:
            self._toast.clear()

    def _show(self, message: Said, ms: int) -> str:
        self._maker = None if isinstance(message, str) else message
        text = message if isinstance(message, str) else message()
        self._texts, self._until = {text}, time.monotonic() + ms / 1000
        self._bar.showMessage(text, ms)  # kept while hidden: it is there on leaving the stage
        if self.on_stage and self._toast is not None:
            self._toast.show_message(text, ms)
        return text

    @property
    def current(self) -> str:
        return self._bar.currentMessage()
