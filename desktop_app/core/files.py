"""Opening files that someone else chose: only regular files, bounded in size before reading starts.

A named pipe given as a picture blocks ``open()`` for ever; a device file never ends. Every picture,
model, sidecar and label file is therefore checked to be a regular file (on POSIX the check is made
on the opened descriptor, opened without blocking, so nothing can be swapped in between) and its
size checked against a limit for its kind before a byte is read.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
from pathlib import Path

from .errors import SynsetError

KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30
# What each kind of file may weigh: far above any real one, far below what would hurt.
MAX_PICTURE_BYTES = 1 * GIB  # a 100 MP 16-bit RGBA TIFF, uncompressed, is 800 MB
MAX_MODEL_BYTES = 2 * GIB  # protobuf's own limit; larger weights live in external data
MAX_EXTERNAL_DATA_BYTES = 16 * GIB
MAX_SIDECAR_BYTES = 1 * MIB
MAX_LABELS_BYTES = 16 * MIB  # ImageNet-21k's names are 1 MB
MAX_VIDEO_BYTES = 64 * GIB

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def native_path(path: str) -> str:
    """The path to hand a native library. On Windows a path outside ASCII (a Chinese user name in
    the install folder, a dropped 模型.onnx) can fail inside code that converts it to the ANSI code
    page: OpenCV's backends, and ONNX Runtime builds older than onnxruntime#27724 (March 2026;
    onnxruntime-directml 1.24.4 is one), whose session then fails to initialise with "No mapping
    for the Unicode character exists in the target multi-byte code page". Such a path is given by
    its short (8.3) name when that is all ASCII; on a volume without short names, and elsewhere,
    it stays as it is. Messages keep naming the real path. Any thread."""
    if sys.platform != "win32" or path.isascii():
        return path
    import ctypes

    size = 32768
    buffer = ctypes.create_unicode_buffer(size)
    try:
        got = ctypes.windll.kernel32.GetShortPathNameW(path, buffer, size)
    except (AttributeError, OSError):
        return path
    short = buffer.value if 0 < got < size else ""
    return short if short and short.isascii() else path


def check_regular(path: str | Path, limit: int, error: type[SynsetError]) -> os.stat_result:
    """Raise ``error`` unless ``path`` is a regular file of at most ``limit`` bytes (symlinks
    followed). ``FileNotFoundError``, ``PermissionError`` and ``IsADirectoryError`` pass through."""
    path = Path(path)
    info = os.stat(path)
    _judge(path, info, limit, error)
    return info


def open_regular(path: str | Path, limit: int, error: type[SynsetError]) -> io.BufferedReader:
    """Open ``path`` for reading in binary, refusing anything but a regular file within ``limit``."""
    path = Path(path)
    if os.path.isdir(path):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    fd = os.open(path, _OPEN_FLAGS)  # O_NONBLOCK: opening a FIFO returns at once instead of waiting
    try:
        _judge(path, os.fstat(fd), limit, error)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file: reads behave as usual
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: str | Path, limit: int, error: type[SynsetError]) -> bytes:
    with open_regular(path, limit, error) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # the file grew after it was checked
        raise error.of("file.too_large", name=Path(path).name, size=_size(len(data)), limit=_size(limit))
    return data


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it is either the old file or the whole new one, never a
    truncated mix (a full disk, a crash): a temporary file beside it, flushed, then renamed over.
    ``OSError`` (with ``strerror``) if it cannot be written; the temporary file is removed then."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _judge(path: Path, info: os.stat_result, limit: int, error: type[SynsetError]) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(info.st_mode):
        raise error.of("file.not_regular", name=path.name)
    if info.st_size > limit:
        raise error.of("file.too_large", name=path.name, size=_size(info.st_size), limit=_size(limit))


def _size(count: int) -> str:
    for unit, scale in (("GB", GIB), ("MB", MIB), ("KB", KIB)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} bytes"
