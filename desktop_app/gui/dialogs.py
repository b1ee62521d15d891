"""File dialogs: each returns what the user chose, or nothing if they cancelled.

The filters are made from the same suffix lists the drop handler sorts by, so a file that can be
dropped can be opened and the other way round. Every dialog opens in the folder the last one was
left in (saved with the settings): they all started in the app's working folder, far from the
user's pictures, on every use. GUI thread only.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ..core.decode import IMAGE_SUFFIXES
from ..core.dropped import LABEL_SUFFIXES, MODEL_SUFFIXES
from ..core.sources import VIDEO_SUFFIXES


class _LastFolder:
    """Where the next dialog opens, and who is told when the user picks somewhere else: a weak
    reference, so that this module never keeps a closed window alive (one destroyed at exit,
    after the application, crashed the interpreter)."""

    folder = ""
    changed: weakref.WeakMethod | None = None


def remember_folders(folder: str | None, changed: Callable[[str], None]) -> None:
    """Dialogs open in ``folder`` (the saved one) and report each new folder through ``changed``,
    a bound method of the window."""
    _LastFolder.folder = folder if folder and os.path.isdir(folder) else ""
    _LastFolder.changed = weakref.WeakMethod(changed)


def _start(name: str = "") -> str:
    folder = _LastFolder.folder
    return os.path.join(folder, name) if folder and name else folder or name


def _chosen(path: str | None, is_folder: bool = False) -> None:
    folder = path if is_folder else os.path.dirname(path or "")
    if folder and folder != _LastFolder.folder:
        _LastFolder.folder = folder
        changed = _LastFolder.changed() if _LastFolder.changed is not None else None
        if changed is not None:
            changed(folder)


def file_filter(title: str, suffixes: Iterable[str]) -> str:
    """"Pictures (*.bmp *.jpg …)" from a suffix list (".jpg" …), sorted for a stable dialog."""
    return f"{title} ({' '.join(f'*{suffix}' for suffix in sorted(suffixes))})"


def all_files() -> str:
    """The last choice of a dialog whose files may have any name: ImageNet's "synset_words", a
    picture saved without a suffix (the decoder reads it by its content)."""
    return ";;" + QCoreApplication.translate("Dialogs", "All files") + " (*)"


def ask_pictures(parent: QWidget) -> list[str]:
    title = QCoreApplication.translate("Dialogs", "Open pictures")
    pictures = file_filter(QCoreApplication.translate("Dialogs", "Pictures"), IMAGE_SUFFIXES) + all_files()
    paths, _ = QFileDialog.getOpenFileNames(parent, title, _start(), pictures)
    _chosen(paths[0] if paths else None)
    return paths


def ask_folder(parent: QWidget) -> str | None:
    title = QCoreApplication.translate("Dialogs", "Open a folder of pictures")
    folder = QFileDialog.getExistingDirectory(parent, title, _start()) or None
    _chosen(folder, is_folder=True)
    return folder


def ask_model(parent: QWidget) -> str | None:
    return _open_one(parent, QCoreApplication.translate("Dialogs", "Open an ONNX classifier"),
                     file_filter(QCoreApplication.translate("Dialogs", "ONNX models"), MODEL_SUFFIXES))


def ask_labels(parent: QWidget) -> str | None:
    return _open_one(parent, QCoreApplication.translate("Dialogs", "Open a label file"),
                     file_filter(QCoreApplication.translate("Dialogs", "Labels"), LABEL_SUFFIXES) + all_files())


def ask_video(parent: QWidget) -> str | None:
    return _open_one(parent, QCoreApplication.translate("Dialogs", "Play a video file"),
                     file_filter(QCoreApplication.translate("Dialogs", "Videos"), VIDEO_SUFFIXES))


def ask_screenshot_path(parent: QWidget) -> str | None:
    return _save_one(parent, QCoreApplication.translate("Dialogs", "Save screenshot"), "synset.png",
                     file_filter(QCoreApplication.translate("Dialogs", "PNG pictures"), [".png"]))


def ask_csv_path(parent: QWidget) -> str | None:
    return _save_one(parent, QCoreApplication.translate("Dialogs", "Export results"), "synset-results.csv",
                     file_filter(QCoreApplication.translate("Dialogs", "CSV files"), [".csv"]))


def _open_one(parent: QWidget, title: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, _start(), filters)
    _chosen(path)
    return path or None


def ask_save_path(parent: QWidget, title: str, name: str, filters: str) -> str | None:
    """Where to save ``name``: the dialog opens in the last folder, like every other."""
    return _save_one(parent, title, name, filters)


def _save_one(parent: QWidget, title: str, name: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, _start(name), filters)
    _chosen(path)
    return path or None
