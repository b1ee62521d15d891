"""Synset: live image classification with any ImageNet-style ONNX model."""

import os as _os
from importlib import metadata as _metadata

# Before anything imports cv2: with hardware transforms on, Windows Media Foundation can take
# minutes to open a camera (opencv #17687). A value the user set wins. Ignored elsewhere.
_os.environ.setdefault("OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS", "0")

try:
    __version__ = _metadata.version("synset")
except _metadata.PackageNotFoundError:  # running from a source checkout that was never installed
    __version__ = "0.1.0"

APP_NAME = "Synset"
