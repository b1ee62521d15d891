"""Shared fixtures. Qt's offscreen platform is set before anything can import Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))  # for model_factory

import pytest  # noqa: E402

DATA = TESTS / "data"


@pytest.fixture(scope="session")
def photos() -> dict[str, Path]:
    return {name: DATA / f"{name}.jpg" for name in ("chelsea", "coffee", "grace_hopper")}
