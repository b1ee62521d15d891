"""Per-thread priorities: on a busy machine the GUI thread wins, and ONNX Runtime's pool threads yield.

Measured (tools/stall_check.py, live beside a CPU hog): the GUI's long stalls were not spent
waiting for a CPU but asleep, waiting for the GIL, while a lowered thread that held it waited for a
CPU behind the hog. A thread that runs Python therefore keeps the GUI's priority; only threads that
never take the GIL are lowered: ONNX Runtime's intra-op pool (see :func:`made_on_compute_thread`).

- Linux: a thread has its own nice value (``setpriority(PRIO_PROCESS, tid)`` acts on one thread).
  Raising a priority needs privileges, so the GUI stays at the process's nice value and the pool is
  lowered (threads inherit the nice value of the thread that starts them).
- Windows: ``SetThreadPriority`` raises the GUI thread above normal. Nothing is lowered: Windows
  runs a lower priority only when no higher one is ready, so a lowered thread beside a busy
  background process would wait for seconds (and hold the GIL meanwhile).
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
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Executor

log = logging.getLogger("synset")
T = TypeVar("T")

GUI, COMPUTE = "gui", "compute"
# Nice steps above the process's own value (Linux).
_NICE_STEPS = {GUI: 0, COMPUTE: 5}
# SetThreadPriority levels (Windows): ABOVE_NORMAL, NORMAL.
_WINDOWS_LEVELS = {GUI: 1, COMPUTE: 0}
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


def made_on_compute_thread(make: Callable[[], T]) -> T:
    """``make()`` run on the compute thread (one lowered thread for the process, started on first
    use), its result or exception handed back: the threads it starts, ONNX Runtime's intra-op pool
    made with a session, inherit its priority, while the calling thread, which runs Python between
    inferences, keeps its own. One long-lived thread rather than one per session: each new thread
    may get its own malloc arena, and a soak that switched models grew by a further 1.3 %.
    Only where there is something to lower (Linux); elsewhere ``make()`` runs here."""
    if not enabled() or not sys.platform.startswith("linux"):
        return make()
    return _compute_executor().submit(make).result()


def _compute_executor() -> Executor:
    global _executor
    with _executor_lock:
        if _executor is None:
            from concurrent.futures import ThreadPoolExecutor  # here: most starts never need it

            _executor = ThreadPoolExecutor(1, thread_name_prefix="session-maker",
                                           initializer=set_current_thread, initargs=(COMPUTE,))
        return _executor


_executor: Executor | None = None
_executor_lock = threading.Lock()


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
