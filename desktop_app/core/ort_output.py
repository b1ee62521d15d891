"""Keep ONNX Runtime's own prints off the terminal: Synset's contract is one line on stderr.

Besides its exception, ONNX Runtime reports a provider that cannot start in three ways:

- a Python warning ("provider not available"): filtered below, for good;
- a printed "*** EP Error ***" block when its own fallback kicks in: sessions are created with
  ``enable_fallback=0`` (honoured by every ONNX Runtime this app accepts, ≥ 1.24), see engine;
- native log lines written straight to file descriptor 2 (a CUDA library that will not load):
  captured here while a session is created, kept for the reason the user sees, and logged to
  synset.log. Only the descriptor is redirected, never ``sys.stdout``: other threads keep printing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import tempfile
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

log = logging.getLogger("synset")
# Asking for a provider the build lacks is reported as our own fallback reason.
warnings.filterwarnings("ignore", message="Specified provider .* is not in available provider names",
                        category=UserWarning)
_NATIVE_ERROR = re.compile(r"^\[E:onnxruntime:[^\]]*\]\s*(.+)$")
_EP_ERROR = re.compile(r"^EP Error:?\s*(.+?)(?:\s+(?:when )?using \[.*)?$")  # ORT's own fallback block
_LOCK = threading.Lock()  # file descriptor 2 is process-wide: one capture at a time
_TERMINAL_LOCK = threading.Lock()  # guards _terminal: a capture may end while another thread writes
_terminal: int | None = None  # during a capture: the user's stderr, saved


@dataclass
class Captured:
    """What was printed inside :func:`captured_output`, filled in when the block ends."""

    lines: list[str] = field(default_factory=list)

    def first_error(self) -> str | None:
        """The message of ONNX Runtime's first error line (native log or EP Error block), if any."""
        for line in self.lines:
            match = _NATIVE_ERROR.match(line.strip()) or _EP_ERROR.match(line.strip())
            if match:
                return match.group(1).strip()
        return None


@contextlib.contextmanager
def captured_output() -> Iterator[Captured]:
    """Capture what is written to file descriptor 2 for the duration of the block."""
    global _terminal
    captured = Captured()
    with _LOCK, tempfile.TemporaryFile() as sink:
        with _TERMINAL_LOCK:  # no line of ours may slip into the sink between these two
            saved = _redirect(2, sink.fileno())
            _terminal = saved
        try:
            yield captured
        finally:
            with _TERMINAL_LOCK:
                _terminal = None
                _restore(2, saved)
            sink.seek(0)
            captured.lines = sink.read().decode("utf-8", errors="replace").splitlines()
            for line in filter(str.strip, captured.lines):
                log.info("stderr while creating an ONNX Runtime session: %s", line)


def _redirect(fd: int, target: int) -> int | None:
    """Point ``fd`` at ``target``; the saved original, or None where there is no such descriptor
    (a windowed app on Windows has no stderr)."""
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
        saved = os.dup(fd)
    except (OSError, ValueError):
        return None
    os.dup2(target, fd)
    return saved


def _restore(fd: int, saved: int | None) -> None:
    if saved is None:
        return
    os.dup2(saved, fd)
    os.close(saved)


def to_stderr(line: str) -> None:
    """Any thread: one line on the user's stderr, also while a session's creation has file
    descriptor 2 captured (else an unattended run's error would land in the log, unseen)."""
    with _TERMINAL_LOCK:
        if _terminal is None:
            if sys.stderr is not None:
                sys.stderr.write(line + "\n")
                sys.stderr.flush()
            return
        encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
        os.write(_terminal, (line + "\n").encode(encoding, errors="replace"))


def silence_stdout() -> None:
    """Point stdout at the null device: after its reader left or its disk filled, so that the
    interpreter's final flush does not fail again (a second traceback at exit)."""
    if sys.stdout is not None:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
