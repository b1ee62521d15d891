"""Menus, actions and keyboard shortcuts of the main window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from .main_window import MainWindow


@dataclass(frozen=True)
class Menus:
    actions: dict[str, QAction]
    file: QMenu
    view: QMenu
    help: QMenu


def build_menus(window: MainWindow) -> Menus:
    """Create the actions (also active in presenter mode, where the menu bar is hidden) and the
    menus; ``window`` provides the commands (its public methods)."""
    specs: dict[str, tuple[Any, Callable[[], object]]] = {
        "open": ([QKeySequence(QKeySequence.StandardKey.Open), QKeySequence("O")], window.choose_pictures),
        "open_folder": ("Ctrl+Shift+O", window.choose_folder),
        "open_model": ("Ctrl+M", window.choose_model),
        "open_labels": ("Ctrl+L", window.choose_labels),
        "fast_model": ("Ctrl+Shift+F", window.use_fast_model),  # on stage the menus are hidden
        "bundled_model": ("Ctrl+Shift+A", window.use_bundled_model),
        "inspect": ("Ctrl+I", window.inspect_model),
        "bench": ("Ctrl+B", window.show_bench),
        "open_video": ("Ctrl+Shift+V", window.choose_video),
        "paste": (QKeySequence.StandardKey.Paste, window.paste),
        "screenshot": ("Ctrl+S", lambda: window.save_screenshot()),
        "export": ("Ctrl+E", lambda: window.export_csv()),
        "quit": ("Ctrl+Q", window.close),  # StandardKey.Quit is no key at all on Windows
        "presenter": ("F11", window.toggle_presenter),
        "escape": ("Esc", window.escape),
        "freeze": ("Space", window.toggle_frozen),
        "mirror": ("M", window.toggle_mirror),
        "next_camera": ("C", window.next_camera),
        # A presentation clicker sends Page Down / Page Up, and B for its "blank screen" button.
        "lab": ([QKeySequence("L"), QKeySequence("B")], window.toggle_lab),
        "next_pitfall": ("P", window.next_pitfall),
        "previous_pitfall": ("Shift+P", window.previous_pitfall),
        "page_down": ("PgDown", window.page_down),  # the next pitfall, or on stage a folder's next picture
        "page_up": ("PgUp", window.page_up),
        "seen": ("V", window.toggle_seen),
        "language": ("Ctrl+Shift+L", window.next_language),  # on stage too, where the list is hidden
        # On stage only (enabled there): in the normal window the focused control keeps its arrows
        "next_picture": ([QKeySequence("Down"), QKeySequence("Right")], window.next_picture),
        "previous_picture": ([QKeySequence("Up"), QKeySequence("Left")], window.previous_picture),
        "about": (QKeySequence.StandardKey.HelpContents, window.show_about),  # F1
    }
    actions = {}
    for name, (shortcut, handler) in specs.items():
        action = QAction(window)
        if isinstance(shortcut, list):  # several keys: Ctrl+O, and plain O in presenter mode
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(handler)
        window.addAction(action)  # shortcuts keep working when the menu bar is hidden
        actions[name] = action
    for name in ("next_picture", "previous_picture"):
        actions[name].setEnabled(False)  # until presenter mode (see set_presenter)
    bar = window.menuBar()
    menus = Menus(actions, bar.addMenu(""), bar.addMenu(""), bar.addMenu(""))
    for entry in ("open", "open_folder", "open_model", "open_labels", None, "fast_model", "bundled_model", "inspect",
                  "bench", None, "open_video", "paste", None, "screenshot", "export", None, "quit"):
        menus.file.addSeparator() if entry is None else menus.file.addAction(actions[entry])
    for entry in ("presenter", "freeze", "mirror", "next_camera", None, "lab", "next_pitfall", "previous_pitfall",
                  "seen", None, "language"):
        menus.view.addSeparator() if entry is None else menus.view.addAction(actions[entry])
    menus.help.addAction(actions["about"])
    return menus


def retranslate_menus(menus: Menus) -> None:
    texts = {
        "open": QCoreApplication.translate("Menus", "&Open pictures…"),
        "open_folder": QCoreApplication.translate("Menus", "Open a &folder…"),
        "open_model": QCoreApplication.translate("Menus", "Open &model…"),
        "open_labels": QCoreApplication.translate("Menus", "Open &labels…"),
        "fast_model": QCoreApplication.translate("Menus", "F&ast model (int8)"),
        "bundled_model": QCoreApplication.translate("Menus", "A&ccurate model (float32)"),
        "inspect": QCoreApplication.translate("Menus", "&Inspect the model…"),
        "bench": QCoreApplication.translate("Menus", "&Benchmark the providers…"),
        "open_video": QCoreApplication.translate("Menus", "Play a &video file…"),
        "paste": QCoreApplication.translate("Menus", "&Paste picture"),
        "screenshot": QCoreApplication.translate("Menus", "Save &screenshot…"),
        "export": QCoreApplication.translate("Menus", "&Export results as CSV…"),
        "quit": QCoreApplication.translate("Menus", "&Quit"),
        "presenter": QCoreApplication.translate("Menus", "&Presenter mode"),
        "escape": QCoreApplication.translate("Menus", "Stop, or leave presenter mode"),
        "freeze": QCoreApplication.translate("Menus", "&Freeze frame"),
        "mirror": QCoreApplication.translate("Menus", "&Mirror"),
        "next_camera": QCoreApplication.translate("Menus", "&Next camera"),
        "lab": QCoreApplication.translate("Menus", "Pitfalls &lab"),
        "next_pitfall": QCoreApplication.translate("Menus", "Next pitfall"),
        "previous_pitfall": QCoreApplication.translate("Menus", "Previous pitfall"),
        "page_down": QCoreApplication.translate("Menus", "Next pitfall, or on stage the next picture"),
        "page_up": QCoreApplication.translate("Menus", "Previous pitfall, or on stage the previous picture"),
        "seen": QCoreApplication.translate("Menus", "What the model &sees, large"),
        "language": QCoreApplication.translate("Menus", "Switch language (English / 繁體中文)"),
        "next_picture": QCoreApplication.translate("Menus", "Next picture"),
        "previous_picture": QCoreApplication.translate("Menus", "Previous picture"),
        "about": QCoreApplication.translate("Menus", "&About Synset"),
    }
    for name, text in texts.items():
        menus.actions[name].setText(text)
    menus.file.setTitle(QCoreApplication.translate("Menus", "&File"))
    menus.view.setTitle(QCoreApplication.translate("Menus", "&View"))
    menus.help.setTitle(QCoreApplication.translate("Menus", "&Help"))
