"""Keep the resident size flat while frames stream through several threads.

glibc raises its mmap threshold after the first large free, after which 2.7 MB frames come from
per-thread heap arenas and stay resident when freed on another thread (+15 MB over a run here).
A fixed threshold hands every frame-sized buffer straight back to the OS. Windows' heap already
maps large blocks directly; elsewhere this is a no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_MMAP_THRESHOLD = -3
LARGE_BUFFER_BYTES = 1 << 20


def return_large_buffers_to_os() -> bool:
    """True if the allocator was tuned (glibc only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, LARGE_BUFFER_BYTES))
    except (OSError, AttributeError):  # musl or an unusual libc: keep the default
        return False
