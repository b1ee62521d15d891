"""Picture → input tensor, vectorised: crop as a view, resize once, one table lookup per channel.

Runs on the inference worker thread (or the CLI's only thread). The frame is never modified.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .model_io import InputSpec
from .preprocessing import PreprocessConfig

IMAGENET_MEAN_RGB = (0.485, 0.456, 0.406)
IMAGENET_STD_RGB = (0.229, 0.224, 0.225)
LETTERBOX_FILL = 128  # mid-grey: the most neutral border for a classifier
_INTERPOLATION = {"bilinear": cv2.INTER_LINEAR, "bicubic": cv2.INTER_CUBIC}
_NUMPY_DTYPE = {"float32": np.float32, "float16": np.float16, "uint8": np.uint8}


@dataclass(frozen=True)
class Region:
    """Source rectangle (x, y, w, h) and where it lands in the output (x, y, w, h)."""

    source: tuple[int, int, int, int]
    target: tuple[int, int, int, int]


def region_for(image_w: int, image_h: int, cfg: PreprocessConfig) -> Region:
    """Which part of the picture the resize policy keeps, and where it goes in the input."""
    tw, th = cfg.width, cfg.height
    if cfg.resize == "stretch":
        return Region((0, 0, image_w, image_h), (0, 0, tw, th))
    if cfg.resize == "letterbox":
        scale = min(tw / image_w, th / image_h)
        w, h = max(1, round(image_w * scale)), max(1, round(image_h * scale))
        return Region((0, 0, image_w, image_h), ((tw - w) // 2, (th - h) // 2, w, h))
    # centre crop: scale so the picture covers (size / crop_fraction), keep the central (size)
    scale = max(tw / cfg.crop_fraction / image_w, th / cfg.crop_fraction / image_h)
    w, h = min(image_w, max(1, round(tw / scale))), min(image_h, max(1, round(th / scale)))
    return Region(((image_w - w) // 2, (image_h - h) // 2, w, h), (0, 0, tw, th))


def resize(image: np.ndarray, width: int, height: int, interpolation: str = "bilinear") -> np.ndarray:
    """Resize with antialiasing when shrinking, at a fraction of INTER_AREA's cost.

    Shrinking by k ≥ 2: interpolate to k× the target (a mild step), then INTER_AREA by the integer
    factor k (OpenCV's fast path). Close to PIL's antialiased resize, ~5× cheaper than plain INTER_AREA.
    """
    src_h, src_w = image.shape[:2]
    if (src_w, src_h) == (width, height):
        return image
    factor = int(min(src_w / width, src_h / height))
    flag = _INTERPOLATION[interpolation]
    if factor >= 2:
        if (src_w, src_h) != (width * factor, height * factor):
            image = cv2.resize(image, (width * factor, height * factor), interpolation=cv2.INTER_LINEAR)
        return cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
    return cv2.resize(image, (width, height), interpolation=flag)


def normalisation_tables(cfg: PreprocessConfig, dtype: str) -> np.ndarray:
    """A (3, 256) table: model channel c, pixel value v → the value the model expects."""
    pixels = np.arange(256, dtype=np.float64)
    colours = [0, 1, 2] if cfg.channel_order == "rgb" else [2, 1, 0]  # RGB index of model channel c
    rows = [_normalise(pixels, cfg.normalize, colour) for colour in colours]
    return np.stack(rows).astype(_NUMPY_DTYPE[dtype])


def _normalise(pixels: np.ndarray, preset: str, colour: int) -> np.ndarray:
    if preset == "imagenet":
        return (pixels / 255.0 - IMAGENET_MEAN_RGB[colour]) / IMAGENET_STD_RGB[colour]
    if preset == "zero-based":
        return pixels / 255.0
    if preset == "zero-central":
        return (pixels - 127.5) / 127.5
    return pixels


class Preprocessor:
    """Turns an HxWx3 uint8 picture (RGB or BGR, as labelled) into the model's input tensor."""

    def __init__(self, spec: InputSpec, cfg: PreprocessConfig):
        self.spec = spec
        self.config = cfg
        self._table = normalisation_tables(cfg, spec.dtype)
        self._batch = spec.batch or 1

    def __call__(self, image: np.ndarray, pixel_order: str = "rgb") -> np.ndarray:
        fitted = self.fit(image)
        tensor = self._to_tensor(fitted, pixel_order)
        return np.repeat(tensor, self._batch, axis=0) if self._batch > 1 else tensor

    def fit(self, image: np.ndarray) -> np.ndarray:
        """The picture cropped/padded and resized to the model's size, still HxWx3 uint8."""
        cfg = self.config
        region = region_for(image.shape[1], image.shape[0], cfg)
        sx, sy, sw, sh = region.source
        tx, ty, tw, th = region.target
        resized = resize(image[sy : sy + sh, sx : sx + sw], tw, th, cfg.interpolation)
        if (tw, th) == (cfg.width, cfg.height):
            return resized
        canvas = np.full((cfg.height, cfg.width, 3), LETTERBOX_FILL, dtype=np.uint8)
        canvas[ty : ty + th, tx : tx + tw] = resized
        return canvas

    def _to_tensor(self, fitted: np.ndarray, pixel_order: str) -> np.ndarray:
        # Which channel of the picture feeds model channel c.
        same = pixel_order == self.config.channel_order
        order = (0, 1, 2) if same else (2, 1, 0)
        h, w = fitted.shape[:2]
        nchw = self.spec.layout == "NCHW"
        out = np.empty((1, 3, h, w) if nchw else (1, h, w, 3), dtype=self._table.dtype)
        for c, src in enumerate(order):
            plane = out[0, c] if nchw else out[0, :, :, c]
            np.take(self._table[c], fitted[:, :, src], out=plane, mode="clip")
        return out
