"""Synset: live image classification with any ImageNet-style ONNX model."""

import os as _os

# Before anything imports cv2: with hardware transforms on, Windows Media Foundation can take
# minutes to open a camera (opencv #17687). A value the user set wins. Ignored elsewhere.
_os.environ.setdefault("OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS", "0")
# OpenCV's own warnings (a capture backend probed by index, for instance) would reach stderr, where
# only our one-line errors belong; its errors still show. A value the user set wins.
_os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
# FFmpeg's lines ("moov atom not found") likewise: a video that cannot be read gets our message.
_os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")  # AV_LOG_QUIET

# Written here, not read from the installed distribution: importlib.metadata costs 20–50 ms of every
# start-up. tests/core/test_version.py keeps it equal to pyproject.toml's.
__version__ = "0.1.0"

APP_NAME = "Synset"
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a writer whose reader left
EXIT_INTERRUPTED = 130  # 128 + SIGINT: Ctrl+C, as a shell reports it
