"""The Qt-free part of the window's imports, imported before PySide6.

Once PySide6.QtCore is imported, its ``__feature__`` import hook reads the source of every module
imported afterwards (``inspect.getsource``, looking for the word "PySide6"). The window imports
about 300 such modules (numpy, OpenCV, Pillow, psutil and this package). Imported first, they
skip that scan: 41–55 ms of every start on the development machine (numpy, cv2, PIL, psutil
before vs after Qt: 308 vs 349 ms; the whole window's imports: 474 vs 529 ms, medians of 8
interleaved starts). tests/core/test_before_qt.py checks that the list leaves nothing out.
"""

from __future__ import annotations

import importlib

# The core modules the window imports directly; each brings its own dependencies along.
WINDOW_CORE = (
    "bench", "classifier", "display", "dropped", "export", "frames", "gc_pauses", "inspector", "jobs",
    "lab", "live_stats", "memory", "messages", "model_switch", "paths", "picture_jobs", "pitfalls",
    "preprocessing", "providers", "settings", "smoothing", "sources", "startup", "thread_priority",
)
THIRD_PARTY = ("numpy", "cv2", "PIL.Image", "psutil")


def import_before_qt() -> None:
    """Main thread, before anything imports PySide6 (desktop_app.__main__ for the window)."""
    for name in THIRD_PARTY:
        importlib.import_module(name)
    for name in WINDOW_CORE:
        importlib.import_module(f"{__package__}.{name}")
