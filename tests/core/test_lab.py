"""The pitfalls lab on the bundled model and the three test photos: each pitfall's wrong side
differs the way the talk says it does."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_app.core.classifier import Classifier
from desktop_app.core.decode import decode_file
from desktop_app.core.errors import InferenceError
from desktop_app.core.lab import Lab
from desktop_app.core.pitfalls import PITFALL_IDS, PitfallError, usable
from tests.model_factory import build_classifier


@pytest.fixture(scope="module")
def classifier():
    return Classifier.load()


@pytest.fixture(scope="module")
def pictures(photos):
    return {name: decode_file(path) for name, path in photos.items()}


def run(classifier, pitfall_id, picture):
    return Lab(classifier, pitfall_id).run(picture)


def top_indices(side):
    return [p.index for p in side.top]


def test_the_models_own_settings_are_refused_and_the_rest_are_offered(classifier):
    d = classifier.description
    for own in ("norm-zero-central", "resize-center-crop"):  # the bundled model's own preprocessing
        with pytest.raises(PitfallError, match="this model's own"):
            Lab(classifier, own)
    offered = [p.id for p in usable(d.preprocessing, d.output_kind, d.input.dtype)]
    assert offered == [i for i in PITFALL_IDS if i not in ("norm-zero-central", "resize-center-crop")]


@pytest.mark.parametrize("name", ["chelsea", "coffee", "grace_hopper"])
@pytest.mark.parametrize("pitfall_id", ["swap-channels", "norm-imagenet", "wrong-size"])
def test_the_correct_class_loses_probability(classifier, pictures, pitfall_id, name):
    result = run(classifier, pitfall_id, pictures[name])
    assert result.wrong.winner_probability < result.correct.winner_probability - 0.05


@pytest.mark.parametrize("name", ["chelsea", "coffee"])
def test_dividing_by_255_costs_the_cat_and_the_espresso(classifier, pictures, name):
    result = run(classifier, "norm-zero-based", pictures[name])
    assert result.wrong.winner_probability < result.correct.winner_probability - 0.03


@pytest.mark.parametrize("name", ["chelsea", "coffee", "grace_hopper"])
@pytest.mark.parametrize("pitfall_id", ["hwc-as-chw", "norm-raw"])
def test_broken_memory_order_or_no_normalisation_break_everything(classifier, pictures, pitfall_id, name):
    result = run(classifier, pitfall_id, pictures[name])
    assert result.wrong.top[0].index != result.winner.index
    assert result.wrong.winner_probability < 0.01


@pytest.mark.parametrize("name", ["chelsea", "coffee", "grace_hopper"])
@pytest.mark.parametrize("pitfall_id", ["resize-stretch", "resize-letterbox"])
def test_another_resize_policy_changes_the_distribution(classifier, pictures, pitfall_id, name):
    result = run(classifier, pitfall_id, pictures[name])
    changed = abs(result.wrong.winner_probability - result.correct.winner_probability)
    assert changed > 0.05 or top_indices(result.wrong) != top_indices(result.correct)


def test_the_cat_moves_to_another_cat_class_when_channels_are_swapped(classifier, pictures):
    result = run(classifier, "swap-channels", pictures["chelsea"])
    assert result.winner.label == "tiger cat" and result.wrong.top[0].label == "Egyptian cat"


@pytest.mark.parametrize("name", ["chelsea", "coffee", "grace_hopper"])
def test_softmax_mistakes_keep_the_order_but_not_the_numbers(classifier, pictures, name):
    no_softmax = run(classifier, "no-softmax", pictures[name])
    assert top_indices(no_softmax.wrong) == top_indices(no_softmax.correct)
    assert no_softmax.wrong.top[0].probability > 1  # a logit shown as if it were a probability
    twice = run(classifier, "double-softmax", pictures[name])
    assert top_indices(twice.wrong) == top_indices(twice.correct)
    assert all(0.5 / 1000 < p.probability < 3 / 1000 for p in twice.wrong.top)  # squashed towards 1/1000


def test_what_the_model_sees(classifier, pictures):
    swapped = run(classifier, "swap-channels", pictures["coffee"])
    own, wrong = swapped.correct.view, swapped.wrong.view
    assert own.names == ("R", "G", "B") and own.rgb.shape == (224, 224, 3)
    assert np.abs(wrong.rgb.astype(int) - own.rgb[:, :, ::-1].astype(int)).max() <= 1  # blue where red is
    assert own.rgb.mean() > 60  # the coffee photo read back as itself, not black or noise
    striped = run(classifier, "hwc-as-chw", pictures["coffee"]).wrong.view
    assert np.abs(striped.planes[0].astype(int) - own.planes[0].astype(int)).mean() > 20
    raw = run(classifier, "norm-raw", pictures["coffee"]).wrong.view
    assert raw.rgb.mean() > 240  # 0…255 read as −1…1: almost white everywhere


def test_raw_logits_are_offered_beside_probabilities(classifier, pictures):
    result = run(classifier, "swap-channels", pictures["chelsea"])
    assert [p.index for p in result.correct.raw_top] == top_indices(result.correct)
    assert result.correct.raw_top[0].probability > 1 > result.correct.top[0].probability


def test_a_side_whose_output_is_not_a_number_is_refused(tmp_path, pictures):
    # NaN once the picture's mean leaves the model's own range: raw 0–255 pixels do.
    classifier = Classifier.load(build_classifier(tmp_path / "sqrt.onnx", nan_above=10.0))
    assert Lab(classifier, "swap-channels").run(pictures["chelsea"]).correct.top[0].probability > 0
    with pytest.raises(InferenceError, match="not a number"):
        Lab(classifier, "norm-raw").run(pictures["chelsea"])


def test_the_lab_compares_with_the_models_own_preprocessing_not_the_users_overrides(classifier, pictures):
    """With channel order bgr chosen in the window, "The model's own preprocessing" showed the
    swap and "Channels swapped" the model's real answer; norm-imagenet was refused as "own"."""
    from desktop_app.core.preprocessing import PreprocessOverrides

    overridden = classifier.reconfigured(overrides=PreprocessOverrides(channel_order="bgr", normalize="imagenet"))
    plain = Lab(classifier, "swap-channels").run(pictures["chelsea"])
    lab = Lab(overridden, "swap-channels").run(pictures["chelsea"])
    assert top_indices(lab.correct) == top_indices(plain.correct)
    assert [p.probability for p in lab.correct.top] == pytest.approx([p.probability for p in plain.correct.top])
    assert top_indices(lab.wrong) == top_indices(plain.wrong)
    Lab(overridden, "norm-imagenet")  # the user's choice, not the model's own: offered
    with pytest.raises(PitfallError, match="this model's own"):
        Lab(overridden, "norm-zero-central")


@pytest.mark.parametrize("pitfall_id", ["resize-stretch", "resize-letterbox"])
def test_a_picture_of_the_inputs_shape_is_neither_squashed_nor_padded(classifier, pictures, pitfall_id):
    """The caption said "Grey bars were added" and "shapes are distorted" of a square picture,
    which gets neither: only the centre crop's zoom is lost."""
    lab = Lab(classifier, pitfall_id)
    photo = pictures["coffee"]  # 512×341
    side = min(photo.shape[:2])
    square, almost = photo[:side, :side], photo[:side, : side + 1]  # one pixel is within rounding
    assert not lab.run(photo).shape_fits
    assert lab.run(square).shape_fits and lab.run(almost).shape_fits
    assert not lab.run(photo[:side, : side + 8]).shape_fits
    fits = lab.pitfall.caption_when_shape_fits
    assert fits and "already has the input's shape" in fits and fits != lab.pitfall.caption
