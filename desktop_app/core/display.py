"""Display-sized copies: what the window keeps and paints is never larger than a screen needs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from .decode import decode_file

KEPT_SIDE = 1280  # a picture kept for display (a folder's results): 3.7 MB, not a 12 MP photo's 36 MB
# Qt's RGB32 as bytes in memory (blue, green, red, 255): the screen's own layout. Painting a 960×540
# BGR888 image converts every pixel on every paint (0.7 ms here); RGB32 is copied (0.06 ms).
SCREEN_ORDER = "bgrx"


def fit_for_display(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """The image scaled to fit ``size`` (aspect kept), so that painting is a plain blit."""
    h, w = image.shape[:2]
    scale = min(size[0] / w, size[1] / h)
    if scale <= 0 or abs(scale - 1) < 0.02:
        return image
    target = (max(1, round(w * scale)), max(1, round(h * scale)))
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    return cv2.resize(image, target, interpolation=interpolation)


def for_screen(image: np.ndarray, pixel_order: str, size: tuple[int, int]) -> np.ndarray:
    """A live frame as the window paints it: fitted to ``size`` and in :data:`SCREEN_ORDER`.
    Capture thread, while the frame is hot in cache: the GUI thread then only copies it."""
    code = cv2.COLOR_BGR2BGRA if pixel_order == "bgr" else cv2.COLOR_RGB2BGRA
    return cv2.cvtColor(fit_for_display(image, size), code)


def kept_copy(image: np.ndarray, side: int = KEPT_SIDE) -> np.ndarray:
    """A read-only copy no larger than ``side`` × ``side`` (only ever shrunk), to keep for display."""
    h, w = image.shape[:2]
    small = fit_for_display(image, (side, side)) if max(h, w) > side else image
    small.flags.writeable = False
    return small


def read_picture(path: str | Path, cancelled: Callable[[], bool] | None = None) -> np.ndarray:
    """A picture file as the app ranks it and keeps it: decoded only as large as :func:`kept_copy`
    keeps (a JPEG at a reduced DCT scale). The window, its folder CSV and ``classify`` all rank this
    same copy, so they give the same answer: ranking the full decode on the command line and the
    kept copy in the window put tiger cat first in one and Egyptian cat in the other on a 4000 px
    photo. Neither is closer to a full-resolution reference resize (measured on four photos); the
    copy is several times faster to read. :class:`ImageError` if it cannot be read."""
    return kept_copy(decode_file(path, cancelled=cancelled, at_least=KEPT_SIDE))
