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
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("Dialogs", "Open an ONNX classifier"), "",
        QCoreApplication.translate("Dialogs", "ONNX models (*.onnx)"))
    return path or None

def ask_labels(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("Dialogs", "Open a label file"), "",
        QCoreApplication.translate("Dialogs", "Labels (*.txt *.json)"))
    return path or None

def ask_video(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("Dialogs", "Play a video file"), "",
        QCoreApplication.translate("Dialogs", "Videos (*.mp4 *.avi *.mov *.mkv *.webm *.m4v *.wmv)"))
    return path or None

def ask_screenshot_path(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Dialogs", "Save screenshot"), "synset.png",
        QCoreApplication.translate("Dialogs", "PNG pictures (*.png)"))
    return path or None

def ask_csv_path(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Dialogs", "Export results"), "synset-results.csv",
        QCoreApplication.translate("Dialogs", "CSV files (*.csv)"))
    return path or None
