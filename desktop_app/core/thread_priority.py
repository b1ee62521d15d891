"""Per-thread priorities: on a busy machine the GUI thread wins over capture, capture over inference.

Each thread sets its own priority, from inside itself, when it starts:

- Windows: ``SetThreadPriority`` on the calling thread (the GUI above normal, inference below).
- Linux: a thread has its own nice value (``setpriority(PRIO_PROCESS, tid)`` acts on one thread).
  Raising a priority needs privileges, so the GUI thread stays at the process's nice value and the
  others are lowered. Threads that a lowered thread creates later (ONNX Runtime's intra-op pool,
  created with the session on the inference thread) inherit its nice value.
- Elsewhere (macOS) nothing is changed.

The GUI thread also needs the GIL between its native calls: :func:`prefer_gui` shortens the
interval after which a thread running Python must hand the GIL to a waiting one (5 ms → 1 ms), so a
frame's worth of Python on the capture or inference thread cannot hold up a paint for long.

``SYNSET_THREAD_PRIORITIES=0`` leaves every thread as it is: to measure what the priorities buy.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger("synset")

GUI, CAPTURE, INFERENCE = "gui", "capture", "inference"
# Nice steps above the process's own value (Linux). Small on purpose: the inference thread holds the
# GIL between native calls, and a thread starved by a CPU hog would keep it from the GUI for longer.
_NICE_STEPS = {GUI: 0, CAPTURE: 2, INFERENCE: 5}
# SetThreadPriority levels (Windows): ABOVE_NORMAL, NORMAL, BELOW_NORMAL.
_WINDOWS_LEVELS = {GUI: 1, CAPTURE: 0, INFERENCE: -1}
GIL_SWITCH_INTERVAL_S = 0.001


def enabled() -> bool:
    return os.environ.get("SYNSET_THREAD_PRIORITIES", "1") != "0"


def prefer_gui() -> None:
    """GUI thread, at start-up: the GUI's priority and a short GIL switch interval."""
    if enabled():
        sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
        set_current_thread(GUI)


def set_current_thread(role: str) -> bool:
    """Give the calling thread the priority of ``role``; True if it was applied. Never raises: a
    priority is a refinement, and a thread that cannot have one still works."""
    if not enabled():
        return False
    try:
        if sys.platform == "win32":
            return _windows(_WINDOWS_LEVELS[role])
        if sys.platform.startswith("linux"):
            return _linux(_NICE_STEPS[role])
    except (OSError, AttributeError) as exc:
        log.info("thread priority for %s not set: %s", role, exc)
    return False


def current_nice() -> int | None:
    """The calling thread's nice value on Linux (None elsewhere): for tests and diagnostics."""
    if not sys.platform.startswith("linux"):
        return None
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def _linux(steps: int) -> bool:
    if steps == 0:
        return True
    base = os.getpriority(os.PRIO_PROCESS, os.getpid())  # the process's (main thread's) value
    os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), min(19, base + steps))
    return True


def _windows(level: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return bool(kernel32.SetThreadPriority(kernel32.GetCurrentThread(), level))
