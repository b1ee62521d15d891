"""Helpers for widget tests."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtWidgets import QApplication


@contextmanager
def settled(qtbot, signal, timeout: int = 10_000):
    """Wait for a cross-thread signal, then let every receiver's queued slot run too (qtbot's own
    receiver may be served first, before the window has seen the same signal)."""
    with qtbot.waitSignal(signal, timeout=timeout) as blocker:
        yield blocker
    QApplication.processEvents()
