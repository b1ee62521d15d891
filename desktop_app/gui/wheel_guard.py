"""A value control in a scrolling panel changes on the wheel only once it has been clicked.

Qt's combo and spin boxes take every wheel event over them, focused or not: scrolling the side
panel with the pointer passing over "Run on" switched the provider (a new session) and saved it.
Here an unfocused control passes the wheel on to the panel, which scrolls; a click (or Tab) gives
it focus, and then the wheel changes it as usual. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class WheelNeedsFocus(QObject):
    """Event filter: ignores the wheel over an unfocused control, so the parent scrolls instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # ignored and filtered: Qt offers the wheel to the parent widget
            return True
        return False


def guard_value_controls(panel: QWidget) -> WheelNeedsFocus:
    """Install the guard on every combo and spin box inside ``panel`` (call after building it).
    Keep the returned filter alive as long as the panel."""
    guard = WheelNeedsFocus(panel)
    for control in (*panel.findChildren(QComboBox), *panel.findChildren(QAbstractSpinBox)):
        control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not focused by the wheel itself
        control.installEventFilter(guard)
    return guard
