"""A corpus of bad and odd inputs, made at test time: pictures, models and label files, each with the
outcome the command-line contract promises.

Every case says what ``classify`` must do with it: rank it (``ok``), or report that one picture as an
error (exit 1), or refuse the model or labels (exit 2), always with a reason containing ``reason``.
"""

from __future__ import annotations

import io
import json
import os
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import onnx
from onnx import external_data_helper
from PIL import Image

from tests.model_factory import build_classifier

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Case:
    name: str
    kind: str  # "picture", "model" or "labels"
    path: Path
    ok: bool  # ranked / loaded (perhaps with a warning) vs refused
    reason: str = ""  # in the error (or, for ok cases, in the warnings)
    args: tuple[str, ...] = field(default=())  # extra CLI arguments (e.g. the model for a label file)
    exit: int | None = None  # the exit code when it is not the usual one for the kind

    @property
    def exit_code(self) -> int:
        """classify's exit code for this case with one good photo."""
        if self.exit is not None:
            return self.exit
        return 0 if self.ok else (1 if self.kind == "picture" else 2)


def build(folder: Path) -> list[Case]:
    pictures, models, labels = folder / "pictures", folder / "models", folder / "labels"
    for path in (pictures, models, labels):
        path.mkdir(parents=True)
    return [*_pictures(pictures), *_models(models), *_labels(labels, models)]


# ---- pictures -------------------------------------------------------------------------------
def _pictures(d: Path) -> list[Case]:
    cases: list[Case] = []

    def ok(name: str, make) -> None:
        make(d / name)
        cases.append(Case(name, "picture", d / name, True))

    def bad(name: str, reason: str, make) -> None:
        make(d / name)
        cases.append(Case(name, "picture", d / name, False, reason))

    chelsea = Image.open(DATA / "chelsea.jpg").convert("RGB")
    jpeg = (DATA / "chelsea.jpg").read_bytes()
    bad("empty.jpg", "the file is empty (0 bytes)", lambda p: p.write_bytes(b""))
    bad("truncated.jpg", "damaged or truncated", lambda p: p.write_bytes(jpeg[: len(jpeg) // 2]))
    bad("truncated.png", "damaged or truncated", lambda p: p.write_bytes(_png_bytes(chelsea)[:3000]))
    bad("text.jpg", "not a picture format", lambda p: p.write_text("hello, not a picture"))
    bad("page.png", "not a picture format", lambda p: p.write_text("<html><body>404</body></html>"))
    bad("bomb.png", "decompression bomb", lambda p: p.write_bytes(_png_header(20000, 20000)))
    bad("bomb.jpg", "decompression bomb", lambda p: p.write_bytes(_jpeg_claiming(30000, 30000, jpeg)))
    bad("bad_crc.png", "damaged or truncated", lambda p: p.write_bytes(_corrupt_crc(_png_bytes(chelsea))))
    bad("zero_width.png", "not a picture format", lambda p: p.write_bytes(_png_header(0, 10, with_data=True)))
    bad("garbage.tif", "not a picture format", lambda p: p.write_bytes(b"II*\x00" + os.urandom(200)))
    bad("fifo.jpg", "not a regular file", lambda p: os.mkfifo(p))
    bad("broken_link.jpg", "file not found", lambda p: p.symlink_to(d / "nowhere.jpg"))
    bad("loop.jpg", "", lambda p: (p.symlink_to(d / "loop2.jpg"), (d / "loop2.jpg").symlink_to(p)))
    ok("between_warning_and_limit.png", lambda p: Image.new("L", (10000, 9500), 90).save(p, compress_level=1))
    ok("grey.png", lambda p: chelsea.convert("L").save(p))
    ok("grey_alpha.png", lambda p: chelsea.convert("LA").save(p))
    ok("palette_transparent.gif", lambda p: chelsea.convert("P").save(p, transparency=0))
    ok("cmyk.jpg", lambda p: chelsea.convert("CMYK").save(p))
    ok("sixteen_bit.png", lambda p: Image.fromarray(np.asarray(chelsea.convert("L"), np.uint16) * 257).save(p))
    ok("float_nan_inf.tif", lambda p: Image.fromarray(_float_with_nan()).save(p))
    ok("one_bit.png", lambda p: chelsea.convert("1").save(p))
    ok("rgba.webp", lambda p: chelsea.convert("RGBA").save(p))
    ok("plain.bmp", lambda p: chelsea.save(p))
    ok("plain.ppm", lambda p: chelsea.save(p))
    ok("exif_rotated.jpg", lambda p: _save_rotated(chelsea, p))
    ok("animated.gif", lambda p: chelsea.save(p, save_all=True, append_images=[chelsea.rotate(90)], duration=100))
    ok("multipage.tif", lambda p: chelsea.save(p, save_all=True, append_images=[chelsea.convert("L")]))
    ok("one_pixel.png", lambda p: Image.new("RGB", (1, 1), (200, 10, 10)).save(p))
    ok("sliver.png", lambda p: Image.new("RGB", (1, 5000), (10, 200, 10)).save(p))
    ok("jpeg_named.png", lambda p: p.write_bytes(jpeg))
    ok("no_suffix", lambda p: p.write_bytes(jpeg))
    ok("貓 ü — café.jpg", lambda p: p.write_bytes(jpeg))
    ok("name with\nnewline.jpg", lambda p: p.write_bytes(jpeg))
    ok("x" * 240 + ".jpg", lambda p: p.write_bytes(jpeg))
    ok("photo.JFIF", lambda p: p.write_bytes(jpeg))
    ok("alpha_only.png", lambda p: Image.new("RGBA", (64, 64), (0, 0, 0, 0)).save(p))
    return cases


def _png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_header(width: int, height: int, with_data: bool = False) -> bytes:
    """A PNG that claims a size and holds (almost) no pixels: a decompression bomb's header."""
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    data = _chunk(b"IDAT", zlib.compress(b"\x00" * 64)) if with_data else b""
    return b"\x89PNG\r\n\x1a\n" + header + data + _chunk(b"IEND", b"")


def _jpeg_claiming(width: int, height: int, jpeg: bytes) -> bytes:
    """A real JPEG whose frame header (SOF0) claims another size."""
    at = jpeg.index(b"\xff\xc0") + 5
    return jpeg[:at] + struct.pack(">HH", height, width) + jpeg[at + 4:]


def _corrupt_crc(png: bytes) -> bytes:
    at = png.index(b"IDAT") + 20
    return png[:at] + bytes([png[at] ^ 0xFF]) + png[at + 1:]


def _float_with_nan() -> np.ndarray:
    values = np.linspace(0, 1, 64 * 64, dtype=np.float32).reshape(64, 64)
    values[0, :8] = np.nan
    values[1, :8] = np.inf
    values[2, :8] = -np.inf
    return values


def _save_rotated(image: Image.Image, path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    image.save(path, exif=exif)


# ---- models ---------------------------------------------------------------------------------
def _models(d: Path) -> list[Case]:
    cases: list[Case] = []
    outside = d.parent / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("root-password\n")

    def add(name: str, ok: bool, reason: str = "", make=None, exit: int | None = None) -> None:
        folder = d / name
        folder.mkdir()
        path = folder / f"{name}.onnx"
        (make or (lambda p: build_classifier(p, classes=10)))(path)
        cases.append(Case(name, "model", path, ok, reason, exit=exit))

    def sidecar(data, **model) -> callable:
        def make(p: Path) -> None:
            build_classifier(p, classes=10, **model)
            p.with_suffix(".json").write_text(data if isinstance(data, str) else json.dumps(data))
        return make

    add("not_onnx", False, "is not an ONNX model", lambda p: p.write_text("this is not a model"))
    add("empty", False, "is not an ONNX model", lambda p: p.write_bytes(b""))
    add("truncated", False, "is not an ONNX model", lambda p: _truncated_model(p))
    add("two_inputs", False, "an image classifier takes exactly one", lambda p: build_classifier(p, extra_input=True))
    add("flat_input", False, "has 4 dimensions", lambda p: build_classifier(p, rank=2))
    add("four_channels", False, "no axis of 3 colour channels", lambda p: build_classifier(p, channels=4))
    add("nhwc", True, "No labels", lambda p: build_classifier(p, layout="NHWC", classes=10))
    add("float16", True, "", lambda p: build_classifier(p, dtype="float16"))
    add("uint8", True, "", lambda p: build_classifier(p, dtype="uint8"))
    add("softmax_inside", True, "", lambda p: build_classifier(p, softmax=True))
    add("background_1001", True, "", lambda p: build_classifier(p, classes=1001))
    add("symbolic_size", True, "", lambda p: build_classifier(p, height="h", width="w"))
    # The model loads; each picture is an error (exit 1), never "nan%" or NaN in JSON.
    add("nan_output", False, "is not a number", exit=1,
        make=lambda p: build_classifier(p, classes=10, weights=np.full((3, 10), np.nan, np.float32)))
    add("inf_output", False, "is not a number", exit=1,
        make=lambda p: build_classifier(p, classes=10, weights=np.full((3, 10), np.inf, np.float32)))
    add("external_inside", True, "", lambda p: external_data_model(p, "weights.bin"))
    add("external_parent", False, "outside the model's folder",
        lambda p: external_data_model(p, "weights.bin", move_to=Path("../weights.bin")))
    add("external_absolute", False, "outside the model's folder",
        lambda p: external_data_model(p, "weights.bin", move_to=outside / "abs.bin"))
    add("external_symlink_out", False, "outside the model's folder",
        lambda p: external_data_model(p, "weights.bin", link_out=outside / "linked.bin"))
    add("external_missing", False, "is missing", lambda p: external_data_model(p, "weights.bin", delete=True))
    add("external_fifo", False, "not a regular file", lambda p: external_data_model(p, "weights.bin", fifo=True))
    add("sidecar_labels_parent", False, "outside the model's folder",
        sidecar({"labels": "../../outside/secret.txt"}))
    outside_reason = "outside the model's folder"
    add("sidecar_labels_etc", False, outside_reason, sidecar({"labels": "../../../../../../etc/hostname"}))
    add("sidecar_labels_absolute", False, outside_reason, sidecar({"labels": str(outside / "secret.txt")}))
    add("sidecar_labels_number", False, "must be a file name", sidecar({"labels": 7}))
    add("sidecar_name_number", False, "'name' must be text", sidecar({"name": 2024}))  # broke the window
    add("sidecar_license_list", False, "'license' must be text", sidecar({"license": ["MIT"]}))
    add("sidecar_broken_json", False, "Cannot read the model's sidecar", sidecar("{not json"))
    add("sidecar_list", False, "is not a JSON object", sidecar([1, 2, 3]))
    add("sidecar_size_zero", False, "input_size 0", sidecar({"preprocessing": {"input_size": 0}},
                                                          height="h", width="w"))
    add("sidecar_size_words", False, "input_size 'big'", sidecar({"preprocessing": {"input_size": "big"}},
                                                                height="h", width="w"))
    add("sidecar_size_huge", False, "1..4096", sidecar({"preprocessing": {"input_size": [100000, 100000]}},
                                                       height="h", width="w"))
    add("sidecar_normalize_bogus", False, "The sidecar's preprocessing normalize 'bogus' is not one of",
        sidecar({"preprocessing": {"normalize": "bogus"}}))  # where the bad value came from
    add("sidecar_crop_nan", False, "The sidecar's crop_fraction", sidecar('{"preprocessing": {"crop_fraction": NaN}}'))
    add("sidecar_crop_text", False, "The sidecar's crop_fraction '0.875'",
        sidecar({"preprocessing": {"crop_fraction": "0.875"}}))
    add("sidecar_symlink_out", False, "outside the model's folder",
        lambda p: (build_classifier(p, classes=10), p.with_suffix(".json").symlink_to(outside / "secret.txt")))
    add("sidecar_fifo", False, "not a regular file", lambda p: (build_classifier(p, classes=10),
                                                                 os.mkfifo(p.with_suffix(".json"))))
    add("labels_beside_link_out", False, "outside the model's folder",
        lambda p: (build_classifier(p, classes=10), (p.parent / "labels.txt").symlink_to(outside / "secret.txt")))
    add("metadata_broken_json", False, "metadata is not valid JSON",
        lambda p: build_classifier(p, classes=10, metadata={"synset.preprocessing": "{oops"}))
    add("model_fifo", False, "not a regular file", lambda p: os.mkfifo(p))
    add("model_is_folder", False, "is a folder, not a model file", lambda p: p.mkdir())
    add("model_link_out", False, "outside the model's folder",
        lambda p: p.symlink_to(build_classifier(outside / "elsewhere.onnx", classes=10)))
    return cases


def _truncated_model(path: Path) -> None:
    build_classifier(path, classes=1000)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def external_data_model(path: Path, location: str, move_to: Path | None = None, link_out: Path | None = None,
              delete: bool = False, fifo: bool = False) -> None:
    """A tiny model whose weights live in an external file, then moved, linked out, removed or
    replaced by a pipe, with the model's ``location`` pointing at the result."""
    build_classifier(path, classes=10)
    model = onnx.load(str(path))
    onnx.save(model, str(path), save_as_external_data=True, all_tensors_to_one_file=True, location=location,
              size_threshold=0)
    data = path.parent / location
    if move_to is not None:
        target = move_to if move_to.is_absolute() else path.parent / move_to
        data.rename(target)
        _set_location(path, str(move_to))
    elif link_out is not None:
        data.rename(link_out)
        data.symlink_to(link_out)
    elif delete:
        data.unlink()
    elif fifo:
        data.unlink()
        os.mkfifo(data)


def _set_location(path: Path, location: str) -> None:
    model = onnx.load(str(path), load_external_data=False)
    for tensor in external_data_helper._get_all_tensors(model):
        if external_data_helper.uses_external_data(tensor):
            for entry in tensor.external_data:
                if entry.key == "location":
                    entry.value = location
    onnx.save(model, str(path))


# ---- label files ----------------------------------------------------------------------------
def _labels(d: Path, models: Path) -> list[Case]:
    cases: list[Case] = []
    bundled = (DATA.parent.parent / "resources" / "labels" / "imagenet-1k.txt").read_text(encoding="utf-8")
    names = bundled.splitlines()
    ten = build_classifier(models / "ten_classes.onnx", classes=10)

    def add(name: str, ok: bool, reason: str, content, for_ten: bool = False) -> None:
        path = d / name
        if callable(content):
            content(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        args = ("--model", str(ten)) if for_ten else ()
        cases.append(Case(name, "labels", path, ok, reason, args))

    add("short.txt", True, "The labels have 999 names but the model has 1000 classes", "\n".join(names[:999]))
    add("long.txt", True, "one name more than the model has classes (1001 for 1000)",
        "\n".join([*names, "n99999999 extra"]))
    # TF-slim's ImageNet file: "background" first, beside a 1000-class model every name is one class off.
    add("background_first.txt", True, "if the first is a background class the model does not have",
        "\n".join(["background", *names]))
    add("empty.txt", False, "holds no labels", "")
    add("blank_lines.txt", False, "holds no labels", "\n\n   \n")
    add("latin1.txt", False, "is not UTF-8 text", "\n".join(f"caf\xe9 {i}" for i in range(10)).encode("latin-1"),
        for_ten=True)
    add("binary.txt", False, "is not UTF-8 text", bytes(range(256)) * 4)
    add("utf16.txt", True, "", "\n".join(f"類別 {i}" for i in range(10)).encode("utf-16"), for_ten=True)
    add("utf8_bom.txt", True, "", "\ufeff" + "\n".join(f"class-{i}" for i in range(10)), for_ten=True)
    add("crlf.txt", True, "", "\r\n".join(f"name {i}" for i in range(10)) + "\r\n", for_ten=True)
    add("gap.txt", True, "", "\n".join(f"name {i}" if i != 3 else "" for i in range(10)), for_ten=True)
    add("list.json", True, "", json.dumps([f"name {i}" for i in range(10)]), for_ten=True)
    add("sparse.json", True, "The labels have 6 names", json.dumps({"0": "zero", "5": "five"}), for_ten=True)
    add("keras.json", True, "", json.dumps({str(i): [f"n{i:08d}", f"name {i}"] for i in range(10)}), for_ten=True)
    add("keys_words.json", False, "keys must be class indices", json.dumps({"cat": "cat"}), for_ten=True)
    add("key_huge.json", False, "class indices must be", json.dumps({"99999999": "far"}), for_ten=True)
    add("key_negative.json", False, "class indices must be", json.dumps({"-1": "minus"}), for_ten=True)
    add("broken.json", False, "is not valid JSON", "[\"a\", ", for_ten=True)
    add("number.json", False, "expected a list", "42", for_ten=True)
    add("deep.json", False, "is not valid JSON", "[" * 100_000 + "]" * 100_000, for_ten=True)
    add("fifo.txt", False, "not a regular file", lambda p: os.mkfifo(p), for_ten=True)
    add("huge.txt", False, "over the 16.0 MB limit", lambda p: _sparse_file(p, 17 << 20), for_ten=True)
    add("folder.txt", False, "is a folder, not a label file", lambda p: p.mkdir(), for_ten=True)
    add("missing.txt", False, "Cannot read labels", lambda p: None, for_ten=True)
    return cases


def _sparse_file(path: Path, size: int) -> None:
    with open(path, "wb") as handle:
        handle.truncate(size)
