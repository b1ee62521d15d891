"""Where bundled files live: from a source checkout, an installed wheel, or a PyInstaller bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@cache
def resource_root() -> Path:
    """The folder that holds ``models/`` and ``resources/``.

    Frozen (PyInstaller): the bundle's data folder. Installed wheel: the package folder, where the
    build copies them. Source checkout: the repository root.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    if (_PACKAGE_DIR / "models").is_dir():
        return _PACKAGE_DIR
    return _PACKAGE_DIR.parent


def models_dir() -> Path:
    return resource_root() / "models"


def resources_dir() -> Path:
    return resource_root() / "resources"


def default_model_path() -> Path:
    return models_dir() / "efficientnet-lite0.onnx"


def int8_model_path() -> Path:
    """The int8 variant of the bundled model (tools/quantize_model.py): faster on a CPU."""
    return models_dir() / "efficientnet-lite0-int8.onnx"


def default_labels_path() -> Path:
    return resources_dir() / "labels" / "imagenet-1k.txt"


def sample_photo_path() -> Path:
    return resources_dir() / "samples" / "chelsea.jpg"


def proof_photo_paths() -> tuple[Path, Path]:
    """Two bundled photos of different classes: a provider must rank them as CPU does."""
    samples = resources_dir() / "samples"
    return samples / "chelsea.jpg", samples / "coffee.jpg"


def translations_dir() -> Path:
    return resources_dir() / "translations"
