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
@pytest.mark.parametrize("where", [0, 1, 3])
@pytest.mark.parametrize("background", [False, True])
def test_the_ranking_refuses_nan_and_infinity(bad, where, background):
    scores = np.array([0.5, -2.0, 2.0, -1.0], np.float32)
    scores[where] = bad  # also in a background class 0, which is never ranked but counts
    for kind in (LOGITS, PROBABILITIES):
        post = Postprocessor(None, kind, background, 2)
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



def reference_ranking(scores: np.ndarray, background: bool, k: int) -> list[tuple[int, float]]:
    """Every class sorted by score, ties by index, then the softmax over all of them."""
    candidates = scores[1:] if background else scores
    order = np.lexsort((np.arange(candidates.size), -candidates.astype(np.float64)))[:k]
    probabilities = softmax(scores.astype(np.float64))[1:] if background else softmax(scores.astype(np.float64))
    return [(int(i), float(probabilities[i])) for i in order]


@pytest.mark.parametrize("background", [False, True])
def test_the_ranking_matches_a_full_sort_on_ties_and_minus_infinity(background):
    rng = np.random.default_rng(7)
    for trial in range(300):
        size = int(rng.integers(2, 40))
        # Few distinct values, so that ties are common; some classes ruled out with -inf.
        scores = rng.integers(-3, 4, size).astype(np.float32)
        scores[rng.random(size) < 0.3] = -np.inf
        scores[rng.integers(0, size)] = 5.0  # at least one finite class
        k = int(rng.integers(1, size + 2))
        top = Postprocessor(None, LOGITS, background, k)(scores)
        expected = reference_ranking(scores, background, k)
        assert [p.index for p in top] == [i for i, _ in expected], (trial, scores, k)
        assert [p.probability for p in top] == pytest.approx([p for _, p in expected], rel=1e-6, abs=1e-12)


def test_one_postprocessor_ranks_on_several_threads_at_once():
    post = Postprocessor(None, PROBABILITIES, False, 3)
    pictures = [softmax(np.roll(np.arange(50, dtype=np.float32), shift)) for shift in range(8)]
    expected = [[p.index for p in post.rank(p)] for p in pictures]
    wrong: list[int] = []

    def rank_many(which: int) -> None:
        for _ in range(2000):
            if [p.index for p in post.rank(pictures[which])] != expected[which]:
                wrong.append(which)

    threads = [threading.Thread(target=rank_many, args=(i,)) for i in range(len(pictures))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert expected[0] == [shift % 50 for shift in (49, 48, 47)] and wrong == []
