"""Picture files → RGB uint8 arrays, for every kind of file people actually drop on a window.

Pillow handles non-ASCII paths (``cv2.imread`` fails on them on Windows), EXIF orientation, palette,
CMYK, 16-bit and alpha. Files are opened read-only and never modified.
"""

from __future__ import annotations

import io
import os
import struct
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import ImageError
from .files import MAX_PICTURE_BYTES, open_regular

MAX_PIXELS = 100_000_000  # 100 MP: beyond any camera; stops decompression bombs before decoding
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm", ".pbm", ".jfif"}
)
_ALPHA_BACKGROUND = (255, 255, 255)  # transparent pixels shown on white, as image viewers do
# Synset's own limit (checked before decoding) replaces Pillow's warning at 89.5 MP; Pillow still
# raises DecompressionBombError at twice its limit, which becomes our "too many pixels".
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


def is_image_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def decode_file(path: str | Path, max_pixels: int = MAX_PIXELS, cancelled: Callable[[], bool] | None = None,
                at_least: int | None = None) -> np.ndarray:
    """Read a picture as an HxWx3 RGB uint8 array; :class:`ImageError` with the reason otherwise.

    Only a regular file within :data:`MAX_PICTURE_BYTES` is opened. ``cancelled``, if given, is asked
    before each block Pillow reads: a long decode stops within one block (:class:`DecodeCancelled`).
    ``at_least``: the picture is only needed at this size (longer side); a JPEG is then decoded at
    1/2, 1/4 or 1/8 scale where that still covers it (its DCT scaling: several times faster, and a
    12 MP photo never occupies 36 MB).
    """
    path = Path(path)
    try:
        handle = open_regular(path, MAX_PICTURE_BYTES, ImageError)
    except FileNotFoundError as exc:
        raise ImageError.of("image.not_found", name=path.name) from exc
    except IsADirectoryError as exc:
        raise ImageError.of("image.is_folder", name=path.name) from exc
    except PermissionError as exc:
        raise ImageError.of("image.permission", name=path.name) from exc
    except OSError as exc:  # a link that loops, a name too long, an I/O error: not a damaged picture
        raise ImageError.of("image.cannot_open", name=path.name, detail=exc.strerror or exc) from exc
    with handle:
        if os.fstat(handle.fileno()).st_size == 0:  # not "a format this app cannot read"
            raise ImageError.of("image.no_bytes", name=path.name)
        source: Any = handle if cancelled is None else _Cancellable(handle, cancelled)
        return _decode(lambda: Image.open(source), path.name, max_pixels, at_least)


class DecodeCancelled(Exception):
    """The decode was stopped from outside (a newer job, the window closing)."""


class _Cancellable(io.RawIOBase):
    """A read-only file that asks ``cancelled()`` before every read Pillow makes."""

    def __init__(self, handle: io.BufferedReader, cancelled: Callable[[], bool]):
        super().__init__()
        self._handle, self._cancelled = handle, cancelled

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._cancelled():
            raise DecodeCancelled()
        return self._handle.readinto(buffer)

    def read(self, size: int = -1) -> bytes:
        if self._cancelled():
            raise DecodeCancelled()
        return self._handle.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()


def _decode(open_image, name: str, max_pixels: int, at_least: int | None = None) -> np.ndarray:
    try:
        with open_image() as image:
            _check_size(name, image, max_pixels)
            if at_least and max(image.size) > 2 * at_least:
                scale = at_least / max(image.size)
                image.draft(image.mode, (round(image.size[0] * scale), round(image.size[1] * scale)))
            image.load()
            return to_rgb_array(ImageOps.exif_transpose(image))
    except UnidentifiedImageError as exc:
        raise ImageError.of("image.unknown_format", name=name) from exc
    except Image.DecompressionBombError as exc:
        raise ImageError.of("image.bomb", name=name, detail=exc) from exc
    except (FileNotFoundError, IsADirectoryError, PermissionError, DecodeCancelled):
        raise
    except (OSError, ValueError, SyntaxError, EOFError, struct.error, MemoryError) as exc:
        raise ImageError.of("image.damaged", name=name, detail=_first_line(exc)) from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _check_size(name: str, image: Image.Image, max_pixels: int) -> None:
    width, height = image.size
    if width * height > max_pixels:
        raise ImageError.of("image.too_large", name=name, width=width, height=height,
                            megapixels=f"{width * height / 1e6:.0f}", limit=f"{max_pixels / 1e6:.0f}")
    if width == 0 or height == 0:
        raise ImageError.of("image.empty", name=name)


def to_rgb_array(image: Image.Image) -> np.ndarray:
    """Any Pillow mode → contiguous HxWx3 RGB uint8."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        return _high_depth_to_rgb(np.asarray(image), image.mode)
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        image = flatten_alpha(image.convert("RGBA"))
    if image.mode != "RGB":
        image = image.convert("RGB")  # L, 1, CMYK, YCbCr, LAB, HSV
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8))


def flatten_alpha(image: Image.Image) -> Image.Image:
    """An RGBA picture composited on white (as image viewers show transparency), as RGB."""
    background = Image.new("RGBA", image.size, _ALPHA_BACKGROUND + (255,))
    return Image.alpha_composite(background, image).convert("RGB")


def _high_depth_to_rgb(values: np.ndarray, mode: str) -> np.ndarray:
    # 16/32-bit and float grey: map the value range to 0..255 (Pillow's own convert clips at 255).
    # NaN and infinities (float TIFFs) become black and the brightest finite value.
    values = values.astype(np.float64)
    finite = np.isfinite(values)
    top = values[finite].max(initial=0)
    values = np.nan_to_num(values, nan=0.0, posinf=top, neginf=0.0)
    peak = values.max(initial=0)
    if mode == "F" and peak <= 1.0:
        scale = 255.0
    elif mode.startswith("I;16") or peak > 255:
        scale = 255.0 / 65535.0 if peak <= 65535 else 255.0 / peak
    else:
        scale = 1.0
    grey = np.clip(values * scale + 0.5, 0, 255).astype(np.uint8)
    return np.ascontiguousarray(np.repeat(grey[:, :, None], 3, axis=2))
