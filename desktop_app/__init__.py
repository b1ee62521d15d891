"""Synset: live image classification with any ImageNet-style ONNX model."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("synset")
except _metadata.PackageNotFoundError:  # running from a source checkout that was never installed
    __version__ = "0.1.0"

APP_NAME = "Synset"
