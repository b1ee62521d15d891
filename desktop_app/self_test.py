"""``--self-test``: prove an installed or frozen app works end to end, without a window.

Loads the bundled model on the best provider, classifies the bundled sample photo, checks that Qt
and its platform plugin load, prints what it saw and exits 0; otherwise prints why and exits 1.
"""

from __future__ import annotations

import sys
import time


def main() -> int:
    started = time.perf_counter()
    try:
        line = _classify_sample()
        qt = _check_qt()
    except Exception as exc:  # the point of a self-test is to report any failure as one line
        print(f"self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(line)
    print(qt)
    print(_runtime())
    print(f"self-test passed in {time.perf_counter() - started:.2f} s")
    return 0


def _classify_sample() -> str:
    from .core import paths
    from .core.classifier import Classifier
    from .core.providers import flavour_conflict

    conflict = flavour_conflict()
    if conflict:
        print(f"warning: {conflict}", file=sys.stderr)
    classifier = Classifier.load(paths.default_model_path())
    result = classifier.classify_file(paths.sample_photo_path())
    best = result.top[0]
    engine = classifier.engine
    reason = f" ({engine.fallback_reason})" if engine.fallback_reason else ""
    return (
        f"{classifier.description.name} on {engine.provider_display}{reason}: "
        f"{paths.sample_photo_path().name} → {best.wnid or ''} {best.label} {best.probability:.1%}"
    )


def _runtime() -> str:
    """Python, its UTF-8 mode (the frozen app switches it on: output in a pipe on Windows), and on
    Windows which DirectML.dll the process loaded (the bundle's, not an older System32 copy)."""
    mode = "on" if sys.flags.utf8_mode else "off"
    line = f"Python {sys.version.split()[0]}, UTF-8 mode {mode}"
    loaded = _loaded_module("DirectML.dll") if sys.platform == "win32" else None
    return line + (f", DirectML.dll from {loaded}" if loaded else "")


def _loaded_module(name: str) -> str | None:
    """Windows: the file a loaded DLL came from, or None if it is not loaded."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.GetModuleHandleW.restype = wintypes.HMODULE
    kernel32.GetModuleHandleW.argtypes = [wintypes.LPCWSTR]
    kernel32.GetModuleFileNameW.argtypes = [wintypes.HMODULE, wintypes.LPWSTR, wintypes.DWORD]
    handle = kernel32.GetModuleHandleW(name)
    if not handle:
        return None
    buffer = ctypes.create_unicode_buffer(32768)
    return buffer.value if kernel32.GetModuleFileNameW(handle, buffer, len(buffer)) else None


def _check_qt() -> str:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["synset", "-platform", _platform()])
    return f"Qt {_qt_version()} platform plugin '{QGuiApplication.platformName()}' loaded ({type(app).__name__})"


def _platform() -> str:
    import os

    return os.environ.get("QT_QPA_PLATFORM", "offscreen")


def _qt_version() -> str:
    from PySide6 import QtCore

    return QtCore.qVersion()
