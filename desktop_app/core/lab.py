"""The pitfalls lab: one picture ranked with the model's own preprocessing and with one pitfall.

Both sides run through the same session (the per-frame path of whatever provider runs), each with
its own reused buffers. Each side also says what the model saw: the tensor it was fed, decoded back
to pixels the way the model's own preprocessing would read it. Built and run on one thread (the
inference worker, or a test); results are frozen and may go to any thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np

from .classifier import Classifier
from .model_io import InputSpec
from .pitfalls import Pitfall, pitfall, wrong_config
from .postprocess import Prediction, class_scores, softmax
from .preprocess import Preprocessor, mean_and_scale, region_for
from .preprocessing import PreprocessConfig


@dataclass(frozen=True)
class TensorView:
    """What the model saw: each channel plane as grey, and the RGB they decode back to."""

    planes: tuple[np.ndarray, ...]  # HxW uint8 each, in the model's channel order
    rgb: np.ndarray  # HxWx3 uint8
    names: tuple[str, ...] = ("R", "G", "B")  # the colour each plane is meant to hold


@dataclass(frozen=True)
class LabSide:
    top: tuple[Prediction, ...]  # as this side shows them (no-softmax: raw scores as if probabilities)
    raw_top: tuple[Prediction, ...]  # the same classes' raw model outputs (the logits toggle)
    winner_probability: float  # what this side gives the correct side's winning class
    view: TensorView | None


@dataclass(frozen=True)
class LabResult:
    pitfall: Pitfall
    winner: Prediction  # the correct side's top class
    correct: LabSide
    wrong: LabSide
    timings_ms: dict[str, float]
    shape_fits: bool = False  # the picture already has the input's shape (no bars, no squashing)


class Lab:
    """The model's own preprocessing beside one pitfall. :class:`PitfallError` if the pitfall is
    this model's own setting."""

    def __init__(self, classifier: Classifier, pitfall_id: str):
        if classifier.description.preprocessing != classifier.default_preprocessing():
            # The user's overrides are not the model's own preprocessing: with channel order bgr
            # chosen, the "own" side showed the swap and the "swapped" side the model's answer.
            classifier = classifier.reconfigured(overrides=None, labels_path=classifier.description.labels_path)
        self.classifier = classifier
        self.pitfall = chosen = pitfall(pitfall_id)
        d = classifier.description
        own = d.preprocessing
        self._wrong_cfg = wrong_config(chosen, own, d.output_kind, d.input.dtype)
        self._own = own
        self._spec = d.input
        self._post = classifier.postprocessor
        # reused input buffers (kept bound on CPU)
        self._correct_in: np.ndarray | None = None
        self._wrong_in: np.ndarray | None = None
        self._correct_out = np.empty(d.output_runtime_shape, d.output_runtime_dtype)
        self._wrong_out = np.empty(d.output_runtime_shape, d.output_runtime_dtype)
        self._wrong_pre = self._wrong_preprocessor()
        # The frame a wrong-size picture is copied into: a black picture, as the model's own input
        self._black = classifier.preprocessor(np.zeros((8, 8, 3), np.uint8), "rgb")

    def run(self, image: np.ndarray, pixel_order: str = "rgb", with_view: bool = True) -> LabResult:
        """Rank ``image`` (HxWx3 uint8 in ``pixel_order``) both ways."""
        t0 = time.perf_counter()
        pre = self.classifier.preprocessor
        correct_in = pre(image, pixel_order, out=self._correct_in)
        self._correct_in = correct_in
        correct_raw = class_scores(self.classifier.run(correct_in, self._correct_out)).copy()
        t1 = time.perf_counter()
        if self.pitfall.kind == "postprocess":
            wrong_in, wrong_raw = correct_in, correct_raw
        else:
            wrong_in = self._wrong_tensor(image, pixel_order)
            wrong_raw = class_scores(self.classifier.run(wrong_in, self._wrong_out)).copy()
        t2 = time.perf_counter()
        # A NaN or infinite output is refused on either side (as the frame path does), not shown as "nan%".
        correct_p = self._post.probabilities(correct_raw, checked=True)
        winner = self._post.rank(correct_p)[0]
        correct = self._side(correct_p, correct_raw, winner, correct_in if with_view else None)
        wrong = self._side(self._wrong_probabilities(wrong_raw), wrong_raw, winner,
                           wrong_in if with_view else None)
        timings = {"correct": (t1 - t0) * 1e3, "wrong": (t2 - t1) * 1e3, "total": (time.perf_counter() - t0) * 1e3}
        return LabResult(self.pitfall, winner, correct, wrong, timings, self._shape_fits(image))

    def _shape_fits(self, image: np.ndarray) -> bool:
        """Letterboxed, the picture would get at most a pixel of grey (rounding), and stretched
        nothing anyone could see."""
        own = replace(self._own, resize="letterbox")
        _, _, w, h = region_for(image.shape[1], image.shape[0], own).target
        return (own.width - w) + (own.height - h) <= 1

    # ---- the wrong side ---------------------------------------------------------------------
    def _wrong_preprocessor(self) -> Preprocessor:
        kind, spec = self.pitfall.kind, self._spec
        if kind == "layout":  # built in the other memory order, then reshaped, not transposed
            other = "NHWC" if spec.layout == "NCHW" else "NCHW"
            return Preprocessor(replace(spec, layout=other), self._own)
        if kind == "size":  # resized for an input half the size
            half = replace(self._own, height=max(1, self._own.height // 2), width=max(1, self._own.width // 2))
            return Preprocessor(spec, half)
        return Preprocessor(spec, self._wrong_cfg)

    def _wrong_tensor(self, image: np.ndarray, pixel_order: str) -> np.ndarray:
        kind = self.pitfall.kind
        if kind == "layout":
            built = self._wrong_pre(image, pixel_order)
            return np.ascontiguousarray(built).reshape(self._model_shape(built))
        if kind == "size":
            small = self._wrong_pre(image, pixel_order)
            framed = self._black.copy()
            h, w = self._wrong_pre.config.height, self._wrong_pre.config.width
            if self._spec.layout == "NCHW":
                framed[:, :, :h, :w] = small
            else:
                framed[:, :h, :w, :] = small
            return framed
        tensor = self._wrong_in = self._wrong_pre(image, pixel_order, out=self._wrong_in)
        return tensor

    def _model_shape(self, built: np.ndarray) -> tuple[int, ...]:
        n, h, w = built.shape[0], self._own.height, self._own.width
        return (n, 3, h, w) if self._spec.layout == "NCHW" else (n, h, w, 3)

    def _wrong_probabilities(self, raw: np.ndarray) -> np.ndarray:
        probabilities = self._post.probabilities(raw, checked=True)
        if self.pitfall.id == "no-softmax":
            return raw.astype(np.float32)  # the bug: scores shown as if they were probabilities
        if self.pitfall.id == "double-softmax":
            return softmax(probabilities)
        return probabilities

    # ---- ranking and the view ---------------------------------------------------------------
    def _side(self, probabilities: np.ndarray, raw: np.ndarray, winner: Prediction,
              tensor: np.ndarray | None) -> LabSide:
        top = self._post.rank(probabilities)
        offset = 1 if self._post.background else 0
        raw_top = tuple(replace(p, probability=float(raw[p.index + offset])) for p in top)
        view = view_of(tensor, self._spec, self._own) if tensor is not None else None
        return LabSide(top, raw_top, float(probabilities[winner.index + offset]), view)


def view_of(tensor: np.ndarray, spec: InputSpec, own: PreprocessConfig) -> TensorView:
    """The fed tensor read back as pixels with the model's own preprocessing (a wrong tensor reads
    back wrong: that is the point), each channel plane and the RGB they make."""
    planes = np.asarray(tensor[0], dtype=np.float32)
    if spec.layout == "NHWC":
        planes = planes.transpose(2, 0, 1)
    colours = [0, 1, 2] if own.channel_order == "rgb" else [2, 1, 0]
    pixels = []
    for plane, colour in zip(planes, colours, strict=True):
        if spec.dtype == "uint8":
            pixels.append(np.clip(plane, 0, 255).astype(np.uint8))
            continue
        mean, scale = mean_and_scale(own.normalize, colour)
        pixels.append(np.clip(plane / scale + mean + 0.5, 0, 255).astype(np.uint8))
    by_colour = dict(zip(colours, pixels, strict=True))
    rgb = np.ascontiguousarray(np.stack([by_colour[0], by_colour[1], by_colour[2]], axis=2))
    return TensorView(tuple(pixels), rgb, tuple("RGB"[c] for c in colours))

