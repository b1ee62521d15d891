"""The model inspector: everything Synset read from a model and how it will feed it, as one document.

``inspect`` on the command line prints it; the window shows it in a dialog. The document is a
contract (``inspect --json``): keep its names.
"""

from __future__ import annotations

import math
from pathlib import Path

from .classifier import Classifier
from .errors import ModelError
from .jobs import Job, JobContext
from .onnx_proto import model_header
from .providers import ProviderChoice

_TYPES = {"tensor(float)": "float32", "tensor(float16)": "float16", "tensor(uint8)": "uint8",
          "tensor(double)": "float64", "tensor(int64)": "int64", "tensor(int32)": "int32", "tensor(int8)": "int8"}


def inspect_classifier(classifier: Classifier) -> dict:
    """The inspector's document for a loaded classifier (its session, description and sidecar)."""
    d = classifier.description
    session = classifier.engine.session
    try:
        header = model_header(d.path)  # read again: the session does not keep the file's header
    except OSError as exc:  # moved or deleted since it was loaded
        raise ModelError.of("model.cannot_load", detail=f"{d.path}: {exc.strerror or exc}") from exc
    preprocessing = d.preprocessing.to_dict()
    sources = preprocessing.pop("sources")
    return {
        "path": d.path,
        "name": d.name,
        "inputs": [_tensor(arg) for arg in session.get_inputs()],
        "outputs": [_tensor(arg) for arg in session.get_outputs()],
        "scores_output": d.output.name,  # which output is ranked, when there are several
        "layout": d.input.layout,  # as read (a free channel axis is taken as channels first)
        "opset": header["opsets"].get("ai.onnx"),
        "opsets": header["opsets"],
        "ir_version": header["ir_version"],
        "producer": " ".join(filter(None, (header["producer"], header["producer_version"]))),
        "doc": header["doc"],
        "metadata": classifier.metadata,
        "sidecar": _finite(classifier.sidecar),  # NaN in a field nothing reads: null (strict JSON has no NaN)
        "classes": d.classes,
        "background_class": d.background_class,
        "output_kind": d.output_kind,
        "labels": d.labels_path,
        "preprocessing": {field: {"value": value, "source": sources.get(field)}
                          for field, value in preprocessing.items()},
        "provider": classifier.engine.provider,
        "warnings": [str(w) for w in d.warnings],
    }


def _finite(value):
    """``value`` with every NaN or infinity in it as None: a sidecar's unchecked field crashed
    ``inspect --json``. (A field the app uses is checked when read: a NaN crop fraction is refused.)"""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


def inspect_model(path: str | Path) -> dict:
    """Load ``path`` on CPU (proven like any model) and describe it."""
    return inspect_classifier(Classifier.load(path, choice=ProviderChoice("cpu")))


class InspectModel(Job):
    """The inspector's document for the model the worker runs (window: Model → Inspect)."""

    kind = "inspect"

    def run(self, context: JobContext) -> None:
        if context.classifier is None:
            raise ModelError.of("model.none")  # the window says so: no silent shortcut
        report = inspect_classifier(context.classifier)
        # The window says the warnings in its own language: the messages, not their English.
        report["warning_messages"] = context.classifier.description.warnings
        context.report(report)


def _tensor(arg) -> dict:
    shape = [d if isinstance(d, int) and d > 0 else (d if isinstance(d, str) else None) for d in (arg.shape or [])]
    return {"name": arg.name, "shape": shape, "dtype": _TYPES.get(str(arg.type), str(arg.type))}
