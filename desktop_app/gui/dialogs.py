"""File dialogs: each returns what the user chose, or nothing if they cancelled."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

def ask_pictures(parent: QWidget) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("Dialogs", "Open pictures"), "",
        QCoreApplication.translate("Dialogs", "Pictures (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp)"))
    return paths

def ask_folder(parent: QWidget) -> str | None:
    return QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("Dialogs", "Open a folder of pictures")) or None

def ask_model(parent: QWidget) -> str | None:
    return _open_one(parent, QCoreApplication.translate("Dialogs", "Open an ONNX classifier"),
                     QCoreApplication.translate("Dialogs", "ONNX models (*.onnx)"))


def ask_labels(parent: QWidget) -> str | None:
    return _open_one(parent, QCoreApplication.translate("Dialogs", "Open a label file"),
                     QCoreApplication.translate("Dialogs", "Labels (*.txt *.json)"))


def ask_video(parent: QWidget) -> str | None:
    return _open_one(parent, QCoreApplication.translate("Dialogs", "Play a video file"),
                     QCoreApplication.translate("Dialogs", "Videos (*.mp4 *.avi *.mov *.mkv *.webm *.m4v *.wmv)"))


def ask_screenshot_path(parent: QWidget) -> str | None:
    return _save_one(parent, QCoreApplication.translate("Dialogs", "Save screenshot"), "synset.png",
                     QCoreApplication.translate("Dialogs", "PNG pictures (*.png)"))


def ask_csv_path(parent: QWidget) -> str | None:
    return _save_one(parent, QCoreApplication.translate("Dialogs", "Export results"), "synset-results.csv",
                     QCoreApplication.translate("Dialogs", "CSV files (*.csv)"))


def _open_one(parent: QWidget, title: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


def _save_one(parent: QWidget, title: str, name: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, name, filters)
    return path or None
