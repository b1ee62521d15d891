"""Preprocessing numbers: the talk's presets, channel order, resize policies, and resolution order."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from desktop_app.core.errors import ModelError
from desktop_app.core.model_io import InputSpec
from desktop_app.core.preprocess import LETTERBOX_FILL, Preprocessor, region_for, resize
from desktop_app.core.preprocessing import PreprocessConfig, PreprocessOverrides, resolve

NCHW = InputSpec("x", "NCHW", "float32", 1, 8, 8, (1, 3, 8, 8))
FREE = InputSpec("x", "NCHW", "float32", None, None, None, ("N", 3, "h", "w"))


def config(**changes) -> PreprocessConfig:
    base = dict(normalize="imagenet", channel_order="rgb", resize="stretch", height=8, width=8,
                crop_fraction=0.875, interpolation="bilinear")
    return PreprocessConfig(**(base | changes))


def solid(rgb, size=(8, 8)) -> np.ndarray:
    return np.broadcast_to(np.array(rgb, np.uint8), (*size, 3)).copy()


@pytest.mark.parametrize(
    "preset, expected",
    [
        ("imagenet", [(200 / 255 - 0.485) / 0.229, (100 / 255 - 0.456) / 0.224, (50 / 255 - 0.406) / 0.225]),
        ("zero-based", [200 / 255, 100 / 255, 50 / 255]),
        ("zero-central", [(200 - 127.5) / 127.5, (100 - 127.5) / 127.5, (50 - 127.5) / 127.5]),
        ("raw", [200.0, 100.0, 50.0]),
    ],
)
def test_normalisation_presets(preset, expected):
    tensor = Preprocessor(NCHW, config(normalize=preset))(solid((200, 100, 50)))
    assert tensor.shape == (1, 3, 8, 8) and tensor.dtype == np.float32
    assert tensor[0, :, 4, 4] == pytest.approx(expected, rel=1e-6)


def test_bgr_model_gets_blue_first_with_its_own_mean():
    tensor = Preprocessor(NCHW, config(channel_order="bgr"))(solid((200, 100, 50)))
    assert tensor[0, :, 0, 0] == pytest.approx(
        [(50 / 255 - 0.406) / 0.225, (100 / 255 - 0.456) / 0.224, (200 / 255 - 0.485) / 0.229], rel=1e-6
    )


def test_frame_pixel_order_is_honoured_without_copying_the_frame():
    frame = solid((50, 100, 200))  # BGR storage of RGB (200, 100, 50)
    before = frame.copy()
    tensor = Preprocessor(NCHW, config(normalize="raw"))(frame, "bgr")
    assert tensor[0, :, 0, 0].tolist() == [200.0, 100.0, 50.0]
    assert np.array_equal(frame, before)


def test_nhwc_and_float16_layouts():
    spec = InputSpec("x", "NHWC", "float16", 1, 8, 8, (1, 8, 8, 3))
    tensor = Preprocessor(spec, config(normalize="zero-based"))(solid((255, 0, 51)))
    assert tensor.shape == (1, 8, 8, 3) and tensor.dtype == np.float16
    assert tensor[0, 2, 2].tolist() == pytest.approx([1.0, 0.0, 0.2], abs=1e-3)


def test_centre_crop_keeps_the_middle_at_the_crop_fraction():
    region = region_for(1280, 720, config(resize="center-crop", height=224, width=224))
    x, y, w, h = region.source
    assert (w, h) == (630, 630) and (x, y) == (325, 45)  # 720 × 0.875, centred


def test_letterbox_pads_with_grey_and_keeps_aspect():
    picture = solid((255, 255, 255), size=(4, 8))  # 8 wide, 4 high
    fitted = Preprocessor(NCHW, config(resize="letterbox"))(picture)
    raw = Preprocessor(NCHW, config(resize="letterbox", normalize="raw")).fit(picture)
    assert raw[0, 0].tolist() == [LETTERBOX_FILL] * 3 and raw[4, 4].tolist() == [255] * 3
    assert fitted.shape == (1, 3, 8, 8)


def test_stretch_uses_the_whole_picture():
    picture = np.zeros((10, 40, 3), np.uint8)
    picture[:, :5] = 255  # a white band at the far left survives a stretch, not a centre crop
    stretched = Preprocessor(NCHW, config(normalize="raw")).fit(picture)
    cropped = Preprocessor(NCHW, config(normalize="raw", resize="center-crop")).fit(picture)
    assert stretched[:, 0].mean() > 200 and cropped[:, 0].mean() == 0


def test_shrinking_is_antialiased_like_pil():
    rng = np.random.default_rng(1)
    picture = rng.integers(0, 256, (630, 630, 3), dtype=np.uint8)
    pil = np.asarray(Image.fromarray(picture).resize((224, 224), Image.BILINEAR), dtype=float)
    ours = np.abs(resize(picture, 224, 224) - pil).mean()
    plain = np.abs(cv2.resize(picture, (224, 224), interpolation=cv2.INTER_LINEAR) - pil).mean()
    assert ours < 0.5 * plain  # plain bilinear aliases; ours averages like PIL's antialiased resize


def test_resolution_order_user_sidecar_metadata_default():
    sidecar = {"preprocessing": {"normalize": "zero-central", "resize": "letterbox"}}
    metadata = {"Image.BitmapPixelFormat": "Bgr8", "Image.NominalPixelRange": "Normalized_0_1"}
    cfg = resolve(FREE, PreprocessOverrides(resize="stretch"), sidecar, metadata)
    assert (cfg.resize, cfg.sources["resize"]) == ("stretch", "user")
    assert (cfg.normalize, cfg.sources["normalize"]) == ("zero-central", "sidecar")
    assert (cfg.channel_order, cfg.sources["channel_order"]) == ("bgr", "metadata")
    assert (cfg.crop_fraction, cfg.sources["crop_fraction"]) == (0.875, "default")
    plain = resolve(FREE)
    assert (plain.normalize, plain.channel_order, plain.height) == ("imagenet", "rgb", 224)


def test_windows_ml_pixel_range_and_our_metadata_key():
    cfg = resolve(FREE, metadata={"Image.NominalPixelRange": "Normalized_1_1"})
    assert cfg.normalize == "zero-central"
    ours = resolve(FREE, metadata={"synset.preprocessing": '{"normalize": "raw", "input_size": [96, 128]}'})
    assert (ours.normalize, ours.height, ours.width) == ("raw", 96, 128)


def test_invalid_values_are_refused():
    with pytest.raises(ModelError, match="normalize 'weird'"):
        resolve(FREE, sidecar={"preprocessing": {"normalize": "weird"}})
    with pytest.raises(ModelError, match="not valid JSON"):
        resolve(FREE, metadata={"synset.preprocessing": "{oops"})
