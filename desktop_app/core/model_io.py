"""Read a classifier's input and output from the model itself, and refuse what is not one.

Works on ONNX Runtime's ``NodeArg`` objects (``name``, ``shape``, ``type``), so reading a model needs
no extra dependency and sees exactly what the session will run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from math import prod

from .errors import ModelError

# The largest input fed: a model that fixes its input at 20000×20000 took 20 GB of memory for
# one picture. A fixed batch above one is filled with copies of the picture, up to this many.
MAX_SIDE = 4096
MAX_BATCH = 64

_ELEMENT_TYPES = {"tensor(float)": "float32", "tensor(float16)": "float16", "tensor(uint8)": "uint8"}


@dataclass(frozen=True)
class InputSpec:
    """The image input as the model declares it. ``None`` sizes are symbolic (free) dimensions."""

    name: str
    layout: str  # "NCHW" or "NHWC"
    dtype: str  # "float32", "float16" or "uint8"
    batch: int | None
    height: int | None
    width: int | None
    shape: tuple  # as declared, symbolic names kept, for display


@dataclass(frozen=True)
class OutputSpec:
    """The score output (:func:`read_output`); ``classes`` is None when its size is symbolic."""

    name: str
    classes: int | None
    shape: tuple


def read_input(inputs) -> InputSpec:
    """The one image input of ``inputs`` (``session.get_inputs()``); :class:`ModelError` if none."""
    if len(inputs) != 1:
        names = ", ".join(arg.name for arg in inputs) or "none"
        raise ModelError.of("model.inputs", count=len(inputs), names=names)
    arg = inputs[0]
    dtype = _element_type(arg)
    shape = tuple(arg.shape) if arg.shape is not None else ()
    if len(shape) != 4:
        raise ModelError.of("model.rank", name=arg.name, shape=_show(shape))
    layout = _layout(arg.name, shape)
    spatial = shape[2:4] if layout == "NCHW" else shape[1:3]
    spec = InputSpec(
        name=arg.name,
        layout=layout,
        dtype=dtype,
        batch=_fixed(shape[0]),
        height=_fixed(spatial[0]),
        width=_fixed(spatial[1]),
        shape=tuple(_plain(d) for d in shape),
    )
    if (spec.batch or 1) > MAX_BATCH or max(spec.height or 1, spec.width or 1) > MAX_SIDE:
        raise ModelError.of("model.input_too_large", name=arg.name, shape=_show(shape), batch=MAX_BATCH,
                            side=MAX_SIDE)
    return spec


# Outputs that can hold scores: floats, and 8-bit unsigned (a quantized softmax, see postprocess).
_SCORE_TYPES = ("tensor(float)", "tensor(float16)", "tensor(double)", "tensor(uint8)")
IMAGENET_CLASSES = (1000, 1001)


def read_output(outputs, named: str | None = None) -> OutputSpec:
    """The output that holds the class scores: ``named`` (the sidecar's ``output``), else the
    first score output (floating-point or 8-bit, one number per class) with ImageNet's 1000 or
    1001 classes, else the first score output. :class:`ModelError` if there is none.

    The first output was always taken: an embedding or an argmax placed before the logits was
    ranked as if it were the scores; an argmax alone gave "class 0 100 %", and a model that
    returns a picture was ranked as 150528 classes."""
    if not outputs:
        raise ModelError.of("model.no_outputs")
    if named is None and _detects(outputs):
        # Its class numbers ([1, 100] floats) were ranked as if they were scores: "class 10 63.2 %"
        raise ModelError.of("model.detection", names=", ".join(arg.name for arg in outputs))
    if named is not None:
        chosen = next((arg for arg in outputs if arg.name == named), None)
        if chosen is None:
            raise ModelError.of("model.output_not_found", name=named,
                                names=", ".join(arg.name for arg in outputs))
        spec = _scores_or_refused(chosen)
        one_score_refused(spec)
        return spec
    scores = [_output_spec(arg) for arg in outputs if _holds_scores(arg)]
    if not scores:
        return _scores_or_refused(outputs[0])  # refused, with the reason for the first output
    chosen = next((spec for spec in scores if spec.classes in IMAGENET_CLASSES), scores[0])
    one_score_refused(chosen)
    return chosen


_BOXES = re.compile(r"(?:^|[^a-z])b?boxe?s?(?:$|[^a-z])")  # "boxes", "pred_boxes", "bbox"; not "boxer"


def _detects(outputs) -> bool:
    """An object detector's outputs: boxes, [batch, K, 4] with K ≠ 1 (TF's detection_boxes, SSD's,
    DETR's pred_boxes), or an output named for boxes, and no output of ImageNet's classes (a
    classifier with an auxiliary output of that shape is still a classifier)."""
    if any(_holds_scores(arg) and _output_spec(arg).classes in IMAGENET_CLASSES for arg in outputs):
        return False
    for arg in outputs:
        shape = tuple(arg.shape or ())
        boxes = len(shape) == 3 and _fixed(shape[2]) == 4 and _fixed(shape[1]) != 1
        if boxes or _BOXES.search(arg.name.lower()):
            return True
    return False


def _holds_scores(arg) -> bool:
    """A floating-point or 8-bit tensor with one number per class: besides the batch, at most one
    fixed dimension above 1 ([1, 1000], [1, 1000, 1, 1]; not a [1, 3, 224, 224] picture)."""
    if str(arg.type) not in _SCORE_TYPES:
        return False
    shape = tuple(arg.shape or ())
    dims = shape[1:] if len(shape) > 1 else shape
    return sum(1 for d in dims if (_fixed(d) or 1) > 1) <= 1


def _scores_or_refused(arg) -> OutputSpec:
    if str(arg.type) not in _SCORE_TYPES:
        raise ModelError.of("model.output_type", name=arg.name, type=arg.type)
    if not _holds_scores(arg):
        raise ModelError.of("model.output_shape", name=arg.name, shape=_show(tuple(arg.shape or ())))
    return _output_spec(arg)


def one_score_refused(spec: OutputSpec) -> None:
    """:class:`ModelError` for one score per picture: a softmax over one class is 100 % for every
    picture ("class 0 100.0%"). A binary classifier's single logit is not a ranking."""
    if spec.classes == 1:
        raise ModelError.of("model.one_score", name=spec.name, shape=_show(spec.shape))


def _output_spec(arg) -> OutputSpec:
    shape = tuple(arg.shape or ())
    dims = shape[1:] if len(shape) > 1 else shape
    fixed = [_fixed(d) for d in dims]
    known = [d for d in fixed if d is not None]
    classes = prod(known) if fixed and len(known) == len(fixed) else None
    return OutputSpec(name=arg.name, classes=classes, shape=tuple(_plain(d) for d in shape))


def _element_type(arg) -> str:
    dtype = _ELEMENT_TYPES.get(str(arg.type))
    if dtype is None:
        raise ModelError.of("model.element_type", name=arg.name, type=arg.type)
    return dtype


def _layout(name: str, shape: tuple) -> str:
    # A fixed 3 on axis 1 means channels first; on the last axis, channels last. If both are 3
    # (a 3x3 image?) channels-first wins, the common export. Where neither is fixed at 3, a free
    # axis may hold the channels: Hugging Face exports declare [batch, num_channels, height,
    # width], and were refused. A free axis named for channels decides; else a free axis 1
    # (channels first, the common export), or a free last axis, unless the other is fixed at 1 or
    # 4 (one grey channel, RGBA's four): [1, 1, height, width] was read as channels last, and
    # ranked a 1-pixel strip of the picture.
    first, last = shape[1], shape[3]
    if _fixed(first) == 3:
        return "NCHW"
    if _fixed(last) == 3:
        return "NHWC"
    for axis, layout in ((first, "NCHW"), (last, "NHWC")):
        if _fixed(axis) is None and "channel" in str(axis).lower():
            return layout
    if _fixed(first) is None and _fixed(last) not in _NOT_COLOUR:
        return "NCHW"  # [1, C, 224, 224], or every axis free
    if _fixed(last) is None and _fixed(first) not in _NOT_COLOUR:
        return "NHWC"  # [1, 224, 224, C]
    raise ModelError.of("model.channels", name=name, shape=_show(shape))


_NOT_COLOUR = (1, 4)  # one grey channel, or RGBA's four: beside a free axis, the channels are these


def _fixed(dim) -> int | None:
    return dim if isinstance(dim, int) and dim > 0 else None


def _plain(dim):
    return dim if isinstance(dim, int) and dim > 0 else (dim if isinstance(dim, str) else "?")


def _show(shape: tuple) -> str:
    return "[" + ", ".join(str(_plain(d)) for d in shape) + "]"
