"""The whole path, picture → ranked top-k, on a model read from its own file.

A :class:`Classifier` is built and used on one thread (the inference worker or the CLI). Results
are frozen dataclasses, safe to hand to any other thread.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from . import paths
from .bundle import check_model_bundle, inside
from .display import read_picture
from .engine import InferenceEngine, SessionFactory, create_session
from .errors import LabelsError, ModelError
from .frames import Fitted
from .labels import Labels, load_labels, model_config_labels
from .messages import Message, message
from .model_io import InputSpec, OutputSpec, read_input, read_output
from .onnx_proto import output_operator
from .postprocess import (
    LOGITS,
    PROBABILITIES,
    Postprocessor,
    Prediction,
    class_scores,
    is_quantized_probabilities,
    looks_like_probabilities,
    softmax,
)
from .preprocess import Preprocessor
from .preprocessing import PreprocessConfig, PreprocessOverrides, load_processor_config, load_sidecar, resolve
from .proof import Proof, proof_pictures
from .providers import ProviderChoice

DEFAULT_TOP_K = 5


@dataclass(frozen=True)
class ModelDescription:
    """What was read from the model and how it will be fed: everything the UI and JSON show."""

    path: str
    name: str
    input: InputSpec
    output: OutputSpec
    output_kind: str
    background_class: bool
    preprocessing: PreprocessConfig
    labels_path: str | None
    license: str | None = None
    warnings: tuple[Message, ...] = ()  # e.g. labels that do not fit the model
    output_runtime_shape: tuple[int, ...] = ()  # as the proof run returned them
    output_runtime_dtype: str = "float32"
    classes: int = 0  # scores per picture, as the proof run returned them

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "name": self.name,
            "input": {
                "name": self.input.name,
                "layout": self.input.layout,
                "dtype": self.input.dtype,
                "shape": list(self.input.shape),
                "batch": self.input.batch,
                "height": self.preprocessing.height,
                "width": self.preprocessing.width,
            },
            "output": {
                "name": self.output.name,
                "shape": list(self.output.shape),
                "kind": self.output_kind,
                "background_class": self.background_class,
            },
            "preprocessing": self.preprocessing.to_dict(),
            "labels": self.labels_path,
            "license": self.license,
            "warnings": [str(warning) for warning in self.warnings],
        }


@dataclass(frozen=True)
class Classification:
    """One picture's ranked classes, stage timings (ms), and the provider that produced them."""

    top: tuple[Prediction, ...]
    timings_ms: dict[str, float] = field(hash=False)
    provider: str
    fallback_reason: str | None
    fallback: tuple[Message, ...] = ()  # the same reason, as messages the window can translate


class Classifier:
    """Model + preprocessing + session + ranking. Create with :meth:`load`."""

    def __init__(self, engine: InferenceEngine, description: ModelDescription, labels: Labels | None, top_k: int,
                 sidecar: dict | None = None, metadata: dict[str, str] | None = None,
                 buffers: tuple[np.ndarray | None, np.ndarray] | None = None, processor: dict | None = None):
        self.engine = engine
        # What the model says about itself, read once at load: settings changes re-resolve from it.
        self._sidecar = sidecar
        self._metadata = metadata or {}
        self._processor = processor  # a Hugging Face preprocessor_config.json's fields
        self.description = description
        self.labels = labels
        self.preprocessor = Preprocessor(description.input, description.preprocessing)
        self.postprocessor = Postprocessor(labels, description.output_kind, description.background_class, top_k)
        # Reused tensor and output memory (bound to a CPU session): this object lives on one thread.
        if buffers is None:
            buffers = (None, np.empty(description.output_runtime_shape, description.output_runtime_dtype))
        self._input_buffer, self._output_buffer = buffers

    @classmethod
    def load(
        cls,
        model_path: str | Path | None = None,
        labels_path: str | Path | None = None,
        overrides: PreprocessOverrides | None = None,
        choice: ProviderChoice = ProviderChoice(),
        top_k: int = DEFAULT_TOP_K,
        session_factory: SessionFactory = create_session,
        available: list[str] | None = None,
    ) -> Classifier:
        """Read the model, prove a provider by its answers, resolve labels and preprocessing.

        Raises :class:`ModelError` (or :class:`LabelsError`) with a user-readable reason.
        """
        path = Path(model_path) if model_path else paths.default_model_path()
        if not path.exists():
            raise ModelError.of("model.not_found", path=path)
        check_model_bundle(path)  # a regular file; external data only from the model's folder
        sidecar = load_sidecar(path)
        processor = load_processor_config(path)
        engine = InferenceEngine(path, choice, session_factory, available)
        operator_of = functools.cache(lambda output: output_operator(path, output))  # once, not per provider tried
        proof = engine.start(lambda session, runner: _prove(session, runner, overrides, sidecar, operator_of,
                                                            processor))
        spec, output, cfg, metadata, kind, raw, buffers = proof.payload
        scores = class_scores(raw)
        labels, labels_source = _labels_for(path, labels_path, sidecar, scores.size)
        background = _background(labels, scores.size, sidecar)
        description = ModelDescription(
            path=str(path),
            name=(sidecar or {}).get("name") or metadata.get("model_name") or path.stem,
            input=spec,
            output=output,
            output_kind=kind,
            background_class=background,
            preprocessing=cfg,
            labels_path=labels_source,
            license=(sidecar or {}).get("license") or metadata.get("license"),
            warnings=_label_warnings(labels, scores.size, background) + _ignored_overrides(spec, overrides),
            output_runtime_shape=tuple(raw.shape),
            output_runtime_dtype=str(raw.dtype),
            classes=int(scores.size),
        )
        # The proof's buffers: the first frame reuses the binding that was just proven.
        return cls(engine, description, labels, top_k, sidecar, metadata, buffers, processor)

    def reconfigured(self, overrides: PreprocessOverrides | None = None, top_k: int | None = None,
                     labels_path: str | Path | None = None) -> Classifier:
        """A classifier sharing this one's session, with other preprocessing, top-k or labels.

        ``labels_path`` None means the model's own labels again (sidecar, beside it, or ImageNet).
        """
        d = self.description
        labels, source = _labels_for(Path(d.path), labels_path, self._sidecar, d.classes)
        background = _background(labels, d.classes, self._sidecar)
        description = replace(
            d,
            preprocessing=resolve(d.input, overrides, self._sidecar, self._metadata, self._processor),
            labels_path=source,
            background_class=background,
            warnings=_label_warnings(labels, d.classes, background) + _ignored_overrides(d.input, overrides),
        )
        top_k = top_k or self.postprocessor.top_k
        return Classifier(self.engine, description, labels, top_k, self._sidecar, self._metadata,
                          processor=self._processor)

    @property
    def metadata(self) -> dict[str, str]:
        """The ONNX metadata the model carries (read at load)."""
        return dict(self._metadata)

    @property
    def sidecar(self) -> dict | None:
        """The sidecar JSON beside the model, as read at load (None if there is none)."""
        return self._sidecar

    def default_preprocessing(self) -> PreprocessConfig:
        """The model's own preprocessing, as if the user had chosen nothing."""
        return resolve(self.description.input, None, self._sidecar, self._metadata, self._processor)

    def classify(self, image: np.ndarray, pixel_order: str = "rgb", decode_ms: float = 0.0,
                 smoother=None, fitted: Fitted | None = None) -> Classification:
        """Rank one HxWx3 uint8 picture whose channels are in ``pixel_order``.

        ``smoother``, if given, maps the full probability vector before ranking (live smoothing).
        ``fitted``, the picture already fitted on another thread (:meth:`Frame.fitted_by`), is used
        if it was fitted by this classifier's preprocessor; its time counts as preprocessing.
        """
        t0 = time.perf_counter()
        preprocessor, fit_ms = self.preprocessor, 0.0
        if fitted is not None and fitted.preprocessor is preprocessor:
            image, fit_ms = fitted.image, fitted.ms
        else:
            image = preprocessor.fit(image)
        tensor = self._input_buffer = preprocessor.to_tensor(image, pixel_order, self._input_buffer)
        t1 = time.perf_counter()
        raw = self.run(tensor, self._output_buffer)
        t2 = time.perf_counter()
        if smoother is None:
            top = self.postprocessor(raw)
        else:
            top = self.postprocessor.rank(smoother(self.postprocessor.probabilities(raw, checked=True)))
        t3 = time.perf_counter()
        timings = {
            "decode": decode_ms,
            "preprocess": (t1 - t0) * 1e3 + fit_ms,
            "inference": (t2 - t1) * 1e3,
            "postprocess": (t3 - t2) * 1e3,
        }
        engine = self.engine
        return Classification(top, timings, engine.provider, engine.fallback_reason, engine.fallback)

    def run(self, tensor: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """The model on a ready input tensor (any buffer; reusing one keeps its binding), through
        the per-frame path of whatever provider runs; the raw output. For the lab's second side."""
        d = self.description
        if out is None:
            out = np.empty(d.output_runtime_shape, d.output_runtime_dtype)
        return self.engine.run_into(d.input.name, tensor, d.output.name, out)

    def classify_file(self, path: str | Path) -> Classification:
        """Read and rank one picture file as the window does (:func:`read_picture`);
        :class:`ImageError` if it cannot be read."""
        t0 = time.perf_counter()
        image = read_picture(path)
        return self.classify(image, "rgb", decode_ms=(time.perf_counter() - t0) * 1e3)


def _prove(session, runner, overrides, sidecar, operator_of: Callable[[str], str | None],
           processor: dict | None = None) -> Proof:
    """Runs inside the engine for each provider: read the model, then feed the proof pictures
    through the per-frame path (one input buffer refilled in place, one output buffer)."""
    spec = read_input(session.get_inputs())
    output = read_output(session.get_outputs(), _sidecar_output(sidecar))
    metadata = dict(session.get_modelmeta().custom_metadata_map)
    cfg = resolve(spec, overrides, sidecar, metadata, processor)
    preprocessor = Preprocessor(spec, cfg)
    tensors = tuple(preprocessor(picture, "rgb") for picture in proof_pictures())
    raw = session.run([output.name], {spec.name: tensors[0]})[0]  # the output's runtime shape
    probabilities = is_quantized_probabilities(raw) or looks_like_probabilities(class_scores(raw))
    # A sigmoid head (multi-label) scores each class on its own: softmaxed, every class read 0.2 %.
    probabilities = probabilities or operator_of(output.name) == "Sigmoid"
    kind = PROBABILITIES if probabilities else LOGITS

    def to_probabilities(values: np.ndarray) -> np.ndarray:
        scores = class_scores(values)
        return scores if kind == PROBABILITIES else softmax(scores)

    buffer, out = None, np.empty(raw.shape, raw.dtype)
    answers = []
    for picture in proof_pictures():
        buffer = preprocessor(picture, "rgb", out=buffer)
        answers.append(to_probabilities(runner.run(spec.name, buffer, output.name, out)).copy())
    payload = (spec, output, cfg, metadata, kind, raw, (buffer, out))
    return Proof(spec.name, output.name, tensors, tuple(answers), to_probabilities, payload)


def _sidecar_output(sidecar: dict | None) -> str | None:
    """The output the sidecar names as the class scores (``"output"``), if any."""
    return (sidecar or {}).get("output")  # text: load_sidecar checked


def _labels_for(model_path: Path, labels_path, sidecar: dict | None, classes: int):
    """Labels and where they came from: explicit > sidecar > file beside the model > ImageNet for 1000/1001.

    Only an explicit choice may live anywhere; what the bundle names must be inside its folder.
    """
    if labels_path:
        return load_labels(labels_path), str(labels_path)
    named = (sidecar or {}).get("labels")
    if named == "imagenet-1k":
        return load_labels(paths.default_labels_path()), str(paths.default_labels_path())
    if named:
        if not isinstance(named, str):
            raise ModelError.of("sidecar.labels_not_name")
        candidate = inside(model_path, named)
        return load_labels(candidate), str(candidate)
    for beside in (model_path.with_suffix(".labels.txt"), model_path.parent / "labels.txt"):
        if os.path.lexists(beside):
            found = inside(model_path, beside.name)
            return load_labels(found), str(beside)
    config = model_path.parent / "config.json"  # a Hugging Face export's folder: its id2label
    if os.path.lexists(config):
        with contextlib.suppress(LabelsError, ModelError):  # unreadable, or outside: not its labels
            labels = model_config_labels(inside(model_path, config.name))
            # Only if it names this model's classes: a shared folder's config.json (another model's,
            # or HF's default LABEL_0, LABEL_1) turned tiger cat into "class 282".
            if labels is not None and len(labels) == classes:
                return labels, str(config)
    if classes in (1000, 1001):
        return load_labels(paths.default_labels_path()), str(paths.default_labels_path())
    return None, None


def _background(labels: Labels | None, classes: int, sidecar: dict | None) -> bool:
    """Whether output 0 is a background class before the labelled ones: the sidecar says so, or
    TF-slim's 1001 outputs for ImageNet's 1000 names. A label file one name short of any other
    model is a mistake to warn about, not a reason to shift every class by one."""
    said = (sidecar or {}).get("background_class")
    if isinstance(said, bool):
        return said and classes >= 2
    return labels is not None and classes == 1001 and len(labels) == 1000


def _ignored_overrides(spec: InputSpec, overrides: PreprocessOverrides | None) -> tuple[Message, ...]:
    """A normalisation asked for a model that takes raw 8-bit pixels is not applied: say so (it
    was ignored in silence, with "Changed from the model default" shown beside "raw (model)")."""
    if spec.dtype == "uint8" and overrides is not None and overrides.normalize not in (None, "raw"):
        return (message("preprocessing.raw_pixels", normalize=overrides.normalize),)
    return ()


def _label_warnings(labels: Labels | None, classes: int, background: bool) -> tuple[Message, ...]:
    if labels is None:
        return (message("labels.none", classes=classes),)
    expected = classes - 1 if background else classes
    if len(labels) == expected + 1:  # ImageNet's 1001-name files (TF-slim's) beside a 1000-class model
        return (message("labels.one_extra", names=len(labels), classes=expected),)
    if len(labels) != expected:
        return (message("labels.count_mismatch", names=len(labels), classes=expected),)
    return ()

