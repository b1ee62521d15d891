"""The live frame path: a frame fitted on the capture thread ranks exactly as the whole frame does,
a fit made for another preprocessing is never used, and the ranking rejects NaN and infinity."""

from __future__ import annotations

import math
import threading
import time

import numpy as np
import pytest

from desktop_app.core.classifier import Classifier
from desktop_app.core.decode import decode_file
from desktop_app.core.errors import InferenceError
from desktop_app.core.frames import Fitted, Frame
from desktop_app.core.postprocess import LOGITS, PROBABILITIES, Postprocessor, softmax
from desktop_app.core.preprocessing import PreprocessOverrides
from tests.model_factory import build_classifier


@pytest.fixture(scope="module")
def classifier():
    return Classifier.load()


def bgr_frame(path) -> Frame:
    return Frame.of(1, np.ascontiguousarray(decode_file(path)[:, :, ::-1]), time.perf_counter())


def fitted_elsewhere(frame: Frame, preprocessor) -> Frame:
    """Fit on another thread, as the capture thread does."""
    made: list[Frame] = []
    worker = threading.Thread(target=lambda: made.append(frame.fitted_by(preprocessor)))
    worker.start()
    worker.join()
    return made[0]


def test_a_frame_fitted_on_another_thread_ranks_as_the_whole_frame(classifier, photos):
    for path in photos.values():
        frame = fitted_elsewhere(bgr_frame(path), classifier.preprocessor)
        assert frame.fitted is not None and frame.fitted.ms > 0
        assert np.array_equal(frame.fitted.image, classifier.preprocessor.fit(frame.image))
        live = classifier.classify(frame.image, "bgr", fitted=frame.fitted)
        whole = classifier.classify(frame.image, "bgr")
        assert live.top == whole.top  # the same indices, labels and probabilities, bit for bit
        assert live.timings_ms["preprocess"] >= frame.fitted.ms  # the fit's time still counts


def test_only_a_fit_by_the_classifiers_own_preprocessor_is_used(classifier, photos):
    frame = bgr_frame(photos["chelsea"])
    black = np.zeros_like(classifier.preprocessor.fit(frame.image))
    cat = classifier.classify(frame.image, "bgr").top[0]
    # Its own preprocessor's fit is trusted as it is: a black fit ranks as a black picture.
    own = classifier.classify(frame.image, "bgr", fitted=Fitted(classifier.preprocessor, black, 0.1)).top[0]
    assert own == classifier.classify(np.zeros((8, 8, 3), np.uint8), "bgr").top[0] and own.index != cat.index
    # After a settings change (a new preprocessor), a fit made for the old one is ignored.
    stretched = classifier.reconfigured(PreprocessOverrides(resize="stretch"))
    stale = fitted_elsewhere(frame, classifier.preprocessor)
    own_fit = stretched.classify(frame.image, "bgr").top
    assert stretched.classify(frame.image, "bgr", fitted=stale.fitted).top == own_fit
    assert stretched.classify(frame.image, "bgr", fitted=Fitted(classifier.preprocessor, black, 0.1)).top == own_fit


def test_no_preprocessor_leaves_the_frame_unfitted(photos):
    frame = bgr_frame(photos["coffee"])
    assert frame.fitted_by(None) is frame and frame.fitted is None


@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_the_ranking_refuses_nan_and_infinity(bad):
    scores = np.array([0.5, bad, 2.0, -1.0], np.float32)
    for kind in (LOGITS, PROBABILITIES):
        post = Postprocessor(None, kind, False, 2)
        with pytest.raises(InferenceError, match="not a number"):
            post(scores)
        with pytest.raises(InferenceError, match="not a number"):
            post.probabilities(scores, checked=True)  # before a smoother could keep it


def test_a_smoother_is_never_fed_a_non_finite_output(tmp_path, photos):
    model = build_classifier(tmp_path / "nan.onnx", classes=10, weights=np.full((3, 10), np.nan, np.float32))
    fed: list[np.ndarray] = []
    with pytest.raises(InferenceError, match="not a number"):
        Classifier.load(model).classify(decode_file(photos["coffee"]), smoother=lambda p: fed.append(p) or p)
    assert fed == []  # a live smoother would have kept the NaN for every later frame


def test_the_ranking_is_the_softmax_in_order_with_ties_by_index():
    logits = np.array([1.0, 3.0, -np.inf, 3.0, 0.5, 2.0], np.float32)
    post = Postprocessor(None, LOGITS, False, 4)
    top = post(logits)
    expected = softmax(logits.astype(np.float64))
    assert [p.index for p in top] == [1, 3, 5, 0]  # the tie (1 and 3) in index order
    assert [p.probability for p in top] == pytest.approx([expected[i] for i in (1, 3, 5, 0)], rel=1e-6)
    background = Postprocessor(None, LOGITS, True, 2)(logits)  # class 0 dropped, still in the sum
    assert [p.index for p in background] == [0, 2] and background[0].probability == pytest.approx(expected[1])


@pytest.mark.parametrize("order", ["bgr", "rgb"])
def test_the_screen_copy_is_fitted_and_in_qts_own_32_bit_layout(order):
    from desktop_app.core.display import for_screen

    picture = np.zeros((720, 1280, 3), np.uint8)
    picture[..., 0 if order == "rgb" else 2] = 200  # red, in either order
    screen = for_screen(picture, order, (960, 540))
    assert screen.shape == (540, 960, 4)
    assert screen[270, 480].tolist() == [0, 0, 200, 255]  # blue, green, red, opaque: Qt's RGB32 in memory

