"""Small real video files for tests: one flat grey frame per value, written by OpenCV."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import cv2
import numpy as np


def grey_video(path: Path, fps: float, values: Iterable[int], fourcc: str = "MJPG") -> Path:
    """A 64×48 video at ``fps``, one frame of each grey ``value`` (0–255), in that order."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*fourcc), fps, (64, 48))
    for value in values:
        writer.write(np.full((48, 64, 3), value, np.uint8))
    writer.release()
    return path
