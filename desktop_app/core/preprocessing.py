"""Which preprocessing a model wants, resolved from the most explicit source that says.

Order, field by field: the user's explicit choice > a sidecar JSON beside the model > the ONNX
metadata (ours, then Windows ML's image keys) > a Hugging Face export's preprocessor_config.json
beside it > ImageNet mean/std on RGB with a centre crop.
Each resolved field remembers where it came from, so the UI can mark "model default".
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from .bundle import inside
from .errors import ModelError
from .files import MAX_SIDECAR_BYTES, read_bytes
from .model_io import MAX_SIDE, InputSpec

NORMALIZE_PRESETS = ("imagenet", "zero-based", "zero-central", "raw")
CHANNEL_ORDERS = ("rgb", "bgr")
RESIZE_POLICIES = ("stretch", "center-crop", "letterbox")
INTERPOLATIONS = ("bilinear", "bicubic")

DEFAULT_SIZE = 224
DEFAULTS = {
    "normalize": "imagenet",
    "channel_order": "rgb",
    "resize": "center-crop",
    "crop_fraction": 0.875,
    "interpolation": "bilinear",
}
_CHOICES = {
    "normalize": NORMALIZE_PRESETS,
    "channel_order": CHANNEL_ORDERS,
    "resize": RESIZE_POLICIES,
    "interpolation": INTERPOLATIONS,
}
METADATA_KEY = "synset.preprocessing"

# Windows ML's image metadata (https://learn.microsoft.com/windows/ai/windows-ml/onnx-model-metadata).
_WINML_PIXEL_FORMAT = {"Rgb8": "rgb", "Rgba8": "rgb", "Bgr8": "bgr", "Bgra8": "bgr"}
_WINML_PIXEL_RANGE = {
    "NominalRange_0_255": "raw",
    "NominalRange_16_235": "raw",
    "Normalized_0_1": "zero-based",
    "Normalized_1_1": "zero-central",
}

SOURCE_USER = "user"
SOURCE_SIDECAR = "sidecar"
SOURCE_PROCESSOR = "preprocessor_config"  # a Hugging Face export's preprocessor_config.json
PROCESSOR_CONFIG = "preprocessor_config.json"
SOURCE_METADATA = "metadata"
SOURCE_MODEL = "model"
SOURCE_DEFAULT = "default"


@dataclass(frozen=True)
class PreprocessOverrides:
    """The user's explicit choices; ``None`` leaves a field to the model."""

    normalize: str | None = None
    channel_order: str | None = None
    resize: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v is not None}


@dataclass(frozen=True)
class PreprocessConfig:
    """Fully resolved preprocessing. ``sources`` maps each field to where its value came from."""

    normalize: str
    channel_order: str
    resize: str
    height: int
    width: int
    crop_fraction: float
    interpolation: str
    sources: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        out = {k: getattr(self, k) for k in _FIELDS}
        out["sources"] = dict(self.sources)
        return out


_FIELDS = ("normalize", "channel_order", "resize", "height", "width", "crop_fraction", "interpolation")


def load_sidecar(model_path: str | Path) -> dict | None:
    """The JSON beside the model (same name, ``.json``), or None; :class:`ModelError` if malformed
    or if it is a link out of the model's folder (see :mod:`desktop_app.core.bundle`)."""
    beside = Path(model_path).with_suffix(".json")
    if not os.path.lexists(beside):
        return None
    path = inside(Path(model_path), beside.name)
    data = _read_json(path)
    if not isinstance(data, dict):
        raise ModelError.of("sidecar.not_object", name=path.name)
    for key in ("name", "license", "output"):  # text: a number or a list as a name broke the window
        if key in data and not isinstance(data[key], str):
            raise ModelError.of("sidecar.not_text", name=path.name, field=key)
    return data


def load_processor_config(model_path: str | Path) -> dict | None:
    """A Hugging Face export's ``preprocessor_config.json`` beside the model, as preprocessing fields
    (:func:`processor_layer`); None if there is none, or it cannot be read (another program's file:
    the model still loads, on the other sources)."""
    beside = Path(model_path).parent / PROCESSOR_CONFIG
    if not os.path.lexists(beside):
        return None
    try:
        data = _read_json(inside(Path(model_path), beside.name))
    except ModelError:
        return None
    return processor_layer(data) if isinstance(data, dict) else None


def _read_json(path: Path):
    """A JSON file beside the model, bounded; :class:`ModelError` if it cannot be read."""
    try:
        return json.loads(read_bytes(path, MAX_SIDECAR_BYTES, ModelError).decode("utf-8-sig"))
    except OSError as exc:
        raise ModelError.of("sidecar.unreadable", name=path.name, detail=exc.strerror or exc) from exc
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ModelError.of("sidecar.unreadable", name=path.name, detail=exc) from exc


def processor_layer(data: dict) -> dict:
    """The fields a Hugging Face image processor's settings decide, in this app's terms. A ViT
    export says mean and std 0.5 and a plain resize to 224×224: without reading it, the ImageNet
    default ranked it with exactly the pitfall the lab teaches."""
    # Hugging Face's image processors work on RGB; MobileViT's flip it to BGR
    layer: dict = {"channel_order": "bgr" if data.get("do_flip_channel_order") else "rgb"}
    normalize = _processor_normalize(data)
    if normalize:
        layer["normalize"] = normalize
    resample = data.get("resample")
    interpolation = {2: "bilinear", 3: "bicubic"}.get(resample) if isinstance(resample, int) else None  # PIL's
    if interpolation:
        layer["interpolation"] = interpolation
    size, crop, crop_pct = _side_pair(data.get("size")), _side_pair(data.get("crop_size")), data.get("crop_pct")
    shortest = data.get("size", {}).get("shortest_edge") if isinstance(data.get("size"), dict) else None
    if isinstance(crop_pct, (int, float)) and not isinstance(crop_pct, bool) and (shortest or 0) < 384:
        # ConvNeXt's and ResNet's: the shorter side to size / crop_pct, then the centre at size
        # (from 384 on, ConvNeXt resizes straight to size × size: the branch below)
        layer.update(resize="center-crop", crop_fraction=crop_pct)
        out = size
    elif data.get("do_center_crop") and crop:
        layer["resize"] = "center-crop"
        out = crop
        base = shortest or (size[0] if size else None)
        if base:
            layer["crop_fraction"] = min(1.0, crop[0] / base)
    else:
        out = size
        if data.get("do_resize", True) and size:
            # ViT's, Swin's, BEiT's: straight to height × width ({"height", "width"}, or a number
            # in the Hub's older files, which Hugging Face reads as a square)
            layer["resize"] = "stretch"
    if out and all(1 <= side <= MAX_SIDE for side in out):
        layer["input_size"] = [out[0], out[1]]
    fraction = layer.get("crop_fraction")
    if fraction is not None and not 0.1 <= fraction <= 1.0:  # another program's odd value: not ours to refuse
        del layer["crop_fraction"]
    return layer


def _side_pair(size) -> tuple[int, int] | None:
    """(height, width) from a processor's size: a number, {"height", "width"} or {"shortest_edge"}."""
    if isinstance(size, int) and not isinstance(size, bool):
        return size, size
    if isinstance(size, dict):
        if isinstance(size.get("height"), int) and isinstance(size.get("width"), int):
            return size["height"], size["width"]
        if isinstance(size.get("shortest_edge"), int):
            return size["shortest_edge"], size["shortest_edge"]
    return None


def _processor_normalize(data: dict) -> str | None:
    """The preset a processor's rescale and mean/std amount to; None for another mean/std (CLIP's)."""
    from .preprocess import IMAGENET_MEAN_RGB, IMAGENET_STD_RGB  # here: preprocess imports this module

    if not data.get("do_normalize", True):
        return "zero-based" if data.get("do_rescale", True) else "raw"
    mean, std = data.get("image_mean"), data.get("image_std")
    if mean is None and std is None and "do_normalize" not in data and data.get("do_rescale"):
        return "zero-based"  # MobileViT's: /255 and no mean/std at all

    def near(values, target) -> bool:
        if not (isinstance(values, list) and len(values) == 3):
            return False
        return all(isinstance(v, (int, float)) and abs(v - t) < 0.002 for v, t in zip(values, target, strict=True))

    for preset, (want_mean, want_std) in (("imagenet", (IMAGENET_MEAN_RGB, IMAGENET_STD_RGB)),
                                          ("zero-central", ((0.5,) * 3, (0.5,) * 3)),
                                          ("zero-based", ((0.0,) * 3, (1.0,) * 3))):
        if near(mean, want_mean) and near(std, want_std):
            return preset
    return None


def resolve(
    spec: InputSpec,
    overrides: PreprocessOverrides | None = None,
    sidecar: dict | None = None,
    metadata: dict[str, str] | None = None,
    processor: dict | None = None,
) -> PreprocessConfig:
    """Resolve every preprocessing field for ``spec``; :class:`ModelError` on an invalid value.
    ``processor``: the fields of a Hugging Face preprocessor_config.json (:func:`load_processor_config`)."""
    layers = [
        (SOURCE_USER, (overrides or PreprocessOverrides()).as_dict()),
        (SOURCE_SIDECAR, _sidecar_layer(sidecar)),
        (SOURCE_METADATA, _metadata_layer(metadata or {})),
        # Below the model's own metadata: the file is the folder's, and another model in it may
        # have put it there (the metadata is embedded in this one)
        (SOURCE_PROCESSOR, processor or {}),
        (SOURCE_DEFAULT, dict(DEFAULTS)),
    ]
    values, sources = {}, {}
    for name in ("normalize", "channel_order", "resize", "crop_fraction", "interpolation"):
        values[name], sources[name] = _first(name, layers)
    if spec.dtype == "uint8":  # uint8 models take raw pixels: any normalisation would be wrong
        values["normalize"], sources["normalize"] = "raw", SOURCE_MODEL
    height, width, size_source = _size(spec, layers)
    sources["height"] = sources["width"] = size_source
    _validate(values, sources)
    return PreprocessConfig(height=height, width=width, sources=sources, **values)


def _first(name: str, layers):
    for source, layer in layers:
        if layer.get(name) is not None:
            return layer[name], source
    raise AssertionError(name)  # DEFAULTS holds every field


def _size(spec: InputSpec, layers) -> tuple[int, int, str]:
    if spec.height and spec.width:
        return spec.height, spec.width, SOURCE_MODEL
    for source, layer in layers:
        size = layer.get("input_size")
        if size is not None:
            height, width = _valid_size(size, source)
            return spec.height or height, spec.width or width, source
    return spec.height or DEFAULT_SIZE, spec.width or DEFAULT_SIZE, SOURCE_DEFAULT


def _valid_size(size, source: str) -> tuple[int, int]:
    """[height, width] in pixels, each 1..MAX_SIDE; :class:`ModelError` otherwise (0 once divided by zero)."""
    if (isinstance(size, (list, tuple)) and len(size) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= MAX_SIDE for v in size)):
        return size[0], size[1]
    raise ModelError.of("preprocessing.input_size", source=source, size=repr(size), largest=MAX_SIDE)


def _sidecar_layer(sidecar: dict | None) -> dict:
    layer = (sidecar or {}).get("preprocessing") or {}
    if not isinstance(layer, dict):
        raise ModelError.of("sidecar.preprocessing_not_object")
    return layer


def _metadata_layer(metadata: dict[str, str]) -> dict:
    layer = {}
    pixel_format = _WINML_PIXEL_FORMAT.get(metadata.get("Image.BitmapPixelFormat", ""))
    if pixel_format:
        layer["channel_order"] = pixel_format
    pixel_range = _WINML_PIXEL_RANGE.get(metadata.get("Image.NominalPixelRange", ""))
    if pixel_range:
        layer["normalize"] = pixel_range
    ours = metadata.get(METADATA_KEY)
    if ours:
        try:
            parsed = json.loads(ours)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise ModelError.of("metadata.not_json", key=METADATA_KEY, detail=exc) from exc
        layer.update(parsed if isinstance(parsed, dict) else {})
    return layer


def _validate(values: dict, sources: dict) -> None:
    """:class:`ModelError` naming where a bad value came from (the sidecar, the ONNX metadata)."""
    for name, allowed in _CHOICES.items():
        if values[name] not in allowed:
            raise ModelError.of("preprocessing.not_allowed", source=sources[name], name=name, value=values[name],
                                allowed=", ".join(allowed))
    fraction = values["crop_fraction"]
    if isinstance(fraction, bool) or not isinstance(fraction, (int, float)) or not math.isfinite(fraction) \
            or not 0.1 <= fraction <= 1.0:
        raise ModelError.of("preprocessing.crop_fraction", source=sources["crop_fraction"], value=repr(fraction))
    values["crop_fraction"] = float(fraction)
