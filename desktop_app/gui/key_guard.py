"""A focused control keeps the plain keys it uses itself; the window's one-key shortcuts get the rest.

Space (freeze), M, C, L, B, P, V, O and Page Up/Down are window shortcuts, and a shortcut wins over
the focused widget: Space on a focused button froze the picture instead of pressing the button,
"b" typed in the channel-order list opened the lab instead of choosing bgr, and Page Down in the
results list opened the lab instead of paging it. In the normal window the control now gets the
keys it uses; on stage (presenter mode) the shortcuts always win, since a presenter's clicker
and keys are the only input there. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

_PAGING = {Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
_COMMAND = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def wants_key(widget: QObject, event: QKeyEvent) -> bool:
    """Whether ``widget``, focused, uses this key itself (so no one-key shortcut may take it)."""
    if event.modifiers() & _COMMAND:
        return False  # Ctrl+O and the like are the window's everywhere
    key = Qt.Key(event.key())
    typed = bool(event.text()) and event.text().isprintable()
    if isinstance(widget, QAbstractButton):
        return key == Qt.Key.Key_Space  # press the button, tick the box
    if isinstance(widget, (QComboBox, QAbstractSpinBox, QLineEdit)):
        return typed or key in _PAGING  # choose by typing, step by pages
    if isinstance(widget, QAbstractItemView):
        return key in _PAGING
    return False


class FocusedControlKeys(QObject):
    """Event filter on the window's controls: accepts the shortcut override for a key the control
    uses, so Qt delivers the key to it instead of firing the window's shortcut."""

    def __init__(self, on_stage: Callable[[], bool], parent: QObject | None = None):
        super().__init__(parent)
        self._on_stage = on_stage

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and not self._on_stage() and wants_key(watched, event)):
            event.accept()
            return True
        return False


def guard_controls(window: QWidget, on_stage: Callable[[], bool]) -> FocusedControlKeys:
    """Install the filter on every control of ``window`` that can take focus (call once it is
    built); the returned filter lives as long as the window."""
    guard = FocusedControlKeys(on_stage, window)
    kinds = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView)
    for kind in kinds:
        for control in window.findChildren(kind):
            control.installEventFilter(guard)
    return guard
