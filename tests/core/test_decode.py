"""Decoding the files people really drop: every odd kind, and a clear error for the unreadable."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from PIL import Image

from desktop_app.core.decode import decode_file
from desktop_app.core.errors import ImageError


def gradient(width=40, height=30) -> Image.Image:
    x = np.linspace(0, 255, width, dtype=np.uint8)
    rgb = np.stack([np.tile(x, (height, 1)), np.full((height, width), 80, np.uint8),
                    np.full((height, width), 160, np.uint8)], axis=2)
    return Image.fromarray(rgb)


def test_non_ascii_path(tmp_path):
    path = tmp_path / "貓咪 café" / "照片.png"
    path.parent.mkdir()
    gradient().save(path)
    assert decode_file(path).shape == (30, 40, 3)


def test_exif_orientation_is_applied(tmp_path):
    path = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    gradient(40, 30).save(path, exif=exif)
    assert decode_file(path).shape == (40, 30, 3)


@pytest.mark.parametrize("mode", ["L", "1", "CMYK", "P", "YCbCr"])
def test_modes_become_rgb(tmp_path, mode):
    path = tmp_path / f"m.{'jpg' if mode in ('CMYK', 'YCbCr') else 'png'}"
    gradient().convert(mode).save(path)
    picture = decode_file(path)
    assert picture.shape == (30, 40, 3) and picture.dtype == np.uint8


def test_alpha_is_composited_on_white(tmp_path):
    path = tmp_path / "alpha.png"
    rgba = np.zeros((10, 10, 4), np.uint8)
    rgba[..., 0] = 255
    rgba[:5, :, 3] = 255  # top half opaque red, bottom half fully transparent
    Image.fromarray(rgba, "RGBA").save(path)
    picture = decode_file(path)
    assert picture[0, 0].tolist() == [255, 0, 0] and picture[9, 9].tolist() == [255, 255, 255]


def test_palette_with_transparency(tmp_path):
    path = tmp_path / "palette.gif"
    image = Image.new("P", (8, 8), 1)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    image.info["transparency"] = 0
    image.save(path, transparency=0)
    assert decode_file(path)[0, 0].tolist() == [255, 0, 0]


def test_16_bit_grey_keeps_its_range(tmp_path):
    path = tmp_path / "deep.png"
    values = np.array([[0, 32768, 65535]], dtype=np.uint16)
    Image.fromarray(values).save(path)
    assert decode_file(path)[0, :, 0].tolist() == [0, 128, 255]


def test_pixel_limit_stops_decompression_bombs(tmp_path):
    path = tmp_path / "big.png"
    Image.new("L", (2000, 2000)).save(path)
    with pytest.raises(ImageError, match="over the 1 MP limit"):
        decode_file(path, max_pixels=1_000_000)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", r"the file is empty \(0 bytes\)"),  # said "not a picture format", as if it were one
        (b"hello, not a picture", "not a picture format"),
    ],
)
def test_unreadable_files_have_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.jpg"
    path.write_bytes(content)
    with pytest.raises(ImageError, match=reason):
        decode_file(path)


def test_truncated_and_missing_files(tmp_path):
    path = tmp_path / "cut.png"
    noise = np.random.default_rng(0).integers(0, 256, (300, 400, 3), dtype=np.uint8)
    Image.fromarray(noise).save(path)
    path.write_bytes(path.read_bytes()[:2000])
    with pytest.raises(ImageError, match="damaged or truncated"):
        decode_file(path)
    with pytest.raises(ImageError, match="file not found"):
        decode_file(tmp_path / "absent.png")
    with pytest.raises(ImageError, match="folder"):
        decode_file(tmp_path)


def test_files_are_never_modified(tmp_path, photos):
    path = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    gradient().save(path, exif=exif)
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    decode_file(path)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


def test_a_link_that_loops_cannot_be_opened_it_is_not_a_damaged_picture(tmp_path):
    """`classify x.jpg`, where x.jpg → y.jpg → x.jpg, said "damaged or truncated picture"."""
    from desktop_app.core.errors import ImageError

    (tmp_path / "x.jpg").symlink_to(tmp_path / "y.jpg")
    (tmp_path / "y.jpg").symlink_to(tmp_path / "x.jpg")
    with pytest.raises(ImageError) as refused:
        decode_file(tmp_path / "x.jpg")
    assert refused.value.message.code == "image.cannot_open" and "x.jpg: cannot be opened (" in str(refused.value)
