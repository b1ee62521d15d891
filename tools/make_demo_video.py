#!/usr/bin/env python3
"""Write a 1280×720 video that pans across the test photos: a stand-in camera for tests and demos.

    python tools/make_demo_video.py OUT.mp4 [--seconds 10] [--fps 30]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
PHOTOS = [ROOT / "tests" / "data" / f"{name}.jpg" for name in ("chelsea", "coffee", "grace_hopper")]


def frames(seconds: float, fps: int, size=(1280, 720)):
    """Each photo in turn, filling the frame, with a slow zoom so consecutive frames differ."""
    width, height = size
    total = int(seconds * fps)
    per_photo = max(1, total // len(PHOTOS))
    pictures = [cv2.imread(str(p)) for p in PHOTOS]
    for i in range(total):
        picture = pictures[(i // per_photo) % len(pictures)]
        zoom = 1.0 + 0.15 * ((i % per_photo) / per_photo)
        scale = max(width / picture.shape[1], height / picture.shape[0]) * zoom
        resized = cv2.resize(picture, None, fx=scale, fy=scale, interpolation=cv2.INTER_LINEAR)
        y = (resized.shape[0] - height) // 2
        x = (resized.shape[1] - width) // 2
        yield np.ascontiguousarray(resized[y : y + height, x : x + width])


def write_video(path: str | Path, seconds: float = 10.0, fps: int = 30) -> Path:
    path = Path(path)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (1280, 720))
    if not writer.isOpened():
        raise RuntimeError(f"OpenCV cannot write {path}")
    for frame in frames(seconds, fps):
        writer.write(frame)
    writer.release()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--fps", type=int, default=30)
    args = parser.parse_args()
    print(write_video(args.out, args.seconds, args.fps))


if __name__ == "__main__":
    main()
