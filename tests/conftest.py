"""Shared fixtures. Qt's offscreen platform is set before anything can import Qt."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

TESTS = Path(__file__).resolve().parent

DATA = TESTS / "data"


@pytest.fixture(scope="session")
def photos() -> dict[str, Path]:
    return {name: DATA / f"{name}.jpg" for name in ("chelsea", "coffee", "grace_hopper")}


@pytest.fixture(scope="session")
def video_file(tmp_path_factory) -> Path:
    """A real 1280×720 30 fps MPEG-4 file (3 s), written by the repository's own tool."""
    from tools.make_demo_video import write_video

    return write_video(tmp_path_factory.mktemp("video") / "demo.mp4", seconds=3, fps=30)
