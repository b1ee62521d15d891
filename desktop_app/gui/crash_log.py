"""One global excepthook: log every uncaught exception to a file, show one dialog at a time."""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QtMsgType, Signal, qInstallMessageHandler

log = logging.getLogger("synset")
DIALOG_QUIET_S = 10.0  # after a dialog, further crashes within this time only reach the log


def log_directory() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".synset") / "logs"


def configure_logging(directory: Path | None = None) -> Path:
    directory = directory or log_directory()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "synset.log"
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    logging.getLogger("py.warnings").addHandler(handler)  # library warnings: in the log, not on stderr
    qInstallMessageHandler(_qt_message)  # and Qt's own ("This plugin does not support …")
    return path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context, text: str) -> None:
    """Any thread (Qt calls it where the message arises): Qt's messages go to the log file."""
    log.log(_QT_LEVELS.get(kind, logging.WARNING), "Qt: %s", text)


class CrashReporter(QObject):
    """Installed as sys.excepthook and threading.excepthook; ``crashed`` reaches the GUI thread."""

    crashed = Signal(str, str)  # one-line summary, log path

    def __init__(self, log_path: Path):
        super().__init__()
        self.log_path = log_path
        self._last_dialog = 0.0
        self.suppressed = 0

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = lambda args: self._hook(args.exc_type, args.exc_value, args.exc_traceback)

    def _hook(self, exc_type, exc, tb) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Uncaught exception\n%s", text)
        self.crashed.emit(f"{exc_type.__name__}: {exc}", str(self.log_path))

    def should_show_dialog(self) -> bool:
        """GUI thread: one dialog, then quiet for a while (no flood)."""
        now = time.monotonic()
        if now - self._last_dialog < DIALOG_QUIET_S:
            self.suppressed += 1
            return False
        self._last_dialog = now
        return True
