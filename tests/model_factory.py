"""Tiny ONNX classifiers built with onnx.helper, one per format variant the core must read.

The graph: image → mean over height and width → 3 channel means → ``scores[k] = Σ_c W[c,k]·mean_c + b_k``.
With the default weights class 0 answers "red", 1 "green", 2 "blue" (on the model's own channel
order), so channel handling is visible in the ranking.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

_TYPES = {"float32": TensorProto.FLOAT, "float16": TensorProto.FLOAT16, "uint8": TensorProto.UINT8}


def colour_weights(classes: int) -> np.ndarray:
    weights = np.zeros((3, classes), dtype=np.float32)
    for c in range(3):
        weights[c, c] = 4.0
    return weights


def build_classifier(
    path: Path,
    *,
    layout: str = "NCHW",
    dtype: str = "float32",
    classes: int = 1000,
    softmax: bool = False,
    height=224,
    width=224,
    batch=1,
    channels: int = 3,
    rank: int = 4,
    extra_input: bool = False,
    metadata: dict[str, str] | None = None,
    weights: np.ndarray | None = None,
    opset: int = 17,
    nan_above: float | None = None,
) -> Path:
    """Write a tiny classifier to ``path`` and return it. ``nan_above``: the channel means go
    through ``sqrt(nan_above − mean)`` first, so a picture fed outside the model's own range (a
    mean above it) gives NaN scores."""
    shape = [batch, channels, height, width] if layout == "NCHW" else [batch, height, width, channels]
    axes = [2, 3] if layout == "NCHW" else [1, 2]
    keepdims, rows = 0, channels
    if rank != 4:  # a flat vector input, e.g. MNIST-style [N, 784]
        shape, axes, keepdims, rows = [batch, 784], [1], 1, 1
    inputs = [helper.make_tensor_value_info("image", _TYPES[dtype], shape)]
    if extra_input:
        inputs.append(helper.make_tensor_value_info("mask", TensorProto.FLOAT, [batch, 1]))
    if weights is None:
        weights = colour_weights(classes) if rows == 3 else np.ones((rows, classes), np.float32)
    bias = np.linspace(0.0, -1.0, classes, dtype=np.float32)
    nodes = [
        helper.make_node("Cast", ["image"], ["as_float"], to=TensorProto.FLOAT),
        helper.make_node("ReduceMean", ["as_float"], ["means"], axes=axes, keepdims=keepdims),
        helper.make_node("MatMul", ["means", "W"], ["mixed"]),
        helper.make_node("Add", ["mixed", "B"], ["logits" if not softmax else "pre"]),
    ]
    initializers = [numpy_helper.from_array(weights, "W"), numpy_helper.from_array(bias, "B")]
    if nan_above is not None:
        nodes[2].input[0] = "rooted"
        nodes[2:2] = [helper.make_node("Sub", ["limit", "means"], ["headroom"]),
                      helper.make_node("Sqrt", ["headroom"], ["rooted"])]
        initializers.append(numpy_helper.from_array(np.array(nan_above, np.float32), "limit"))
    if softmax:
        nodes.append(helper.make_node("Softmax", ["pre"], ["logits"], axis=-1))
    output = helper.make_tensor_value_info("logits", TensorProto.FLOAT, [batch, classes])
    graph = helper.make_graph(
        nodes,
        "tiny",
        inputs,
        [output],
        initializer=initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    for key, value in (metadata or {}).items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.save(model, str(path))
    return path
