"""Untrusted files: bundles read only their folder, labels never shift, NaN is an error, reads are
bounded and cancellable."""

from __future__ import annotations

import json
import os
import threading
import time

import onnx
import pytest
from onnx import external_data_helper
from PIL import Image

from desktop_app.core import paths
from desktop_app.core.classifier import Classifier
from desktop_app.core.decode import DecodeCancelled, decode_file
from desktop_app.core.errors import ImageError, InferenceError, LabelsError, ModelError
from desktop_app.core.labels import load_labels
from desktop_app.core.onnx_proto import external_data_locations
from tests.corpus import external_data_model
from tests.model_factory import build_classifier


def test_external_data_names_are_read_like_onnx_reads_them(tmp_path):
    model = onnx.load(str(paths.default_model_path()))
    onnx.save(model, str(tmp_path / "m.onnx"), save_as_external_data=True, all_tensors_to_one_file=False,
              size_threshold=1024)
    reloaded = onnx.load(str(tmp_path / "m.onnx"), load_external_data=False)
    expected = [next(e.value for e in t.external_data if e.key == "location")
                for t in external_data_helper._get_all_tensors(reloaded) if external_data_helper.uses_external_data(t)]
    assert external_data_locations(tmp_path / "m.onnx") == list(dict.fromkeys(expected)) and len(expected) > 50
    assert external_data_locations(paths.default_model_path()) == []


def test_external_data_inside_the_folder_loads(tmp_path, photos):
    path = tmp_path / "bundle" / "m.onnx"
    path.parent.mkdir()
    external_data_model(path, "weights.bin")
    assert Classifier.load(path).classify_file(photos["coffee"]).top


@pytest.mark.parametrize("where", ["parent", "absolute", "link"])
def test_external_data_outside_the_folder_is_refused_before_onnx_runtime_reads_it(tmp_path, where):
    path = tmp_path / "bundle" / "m.onnx"
    path.parent.mkdir()
    outside = tmp_path / "elsewhere.bin"
    options = {"parent": {"move_to": outside.relative_to(tmp_path).parent / ".." / "elsewhere.bin"},
               "absolute": {"move_to": outside}, "link": {"link_out": outside}}[where]
    external_data_model(path, "weights.bin", **options)
    with pytest.raises(ModelError, match="outside the model's folder"):
        Classifier.load(path)


def test_a_sidecar_cannot_name_labels_outside_the_folder(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("\n".join(f"secret {i}" for i in range(10)))
    (tmp_path / "bundle").mkdir()
    model = build_classifier(tmp_path / "bundle" / "m.onnx", classes=10)
    model.with_suffix(".json").write_text(json.dumps({"labels": "../secret.txt"}))
    with pytest.raises(ModelError, match=r"'../secret.txt' is outside the model's folder"):
        Classifier.load(model)
    model.with_suffix(".json").write_text(json.dumps({"labels": "names.txt"}))
    (model.parent / "names.txt").write_text("\n".join(f"mine {i}" for i in range(10)))
    assert Classifier.load(model).labels.name(3) == "mine 3"
    # An explicit choice is the user's own: it may live anywhere.
    assert Classifier.load(model, labels_path=secret).labels.name(3) == "secret 3"


def test_a_label_file_one_name_short_never_shifts_the_classes(tmp_path, photos):
    names = paths.default_labels_path().read_text(encoding="utf-8").splitlines()
    short = tmp_path / "short.txt"
    short.write_text("\n".join(names[:999]))
    classifier = Classifier.load(labels_path=short)
    assert not classifier.description.background_class
    assert "999 names but the model has 1000 classes" in str(classifier.description.warnings[0])
    top = classifier.classify_file(photos["coffee"]).top[0]
    # Before, 1000 = 999 + 1 made class 0 a "background class" and moved every answer by one.
    assert (top.index, top.label) == (967, "espresso")


def test_blank_lines_and_sparse_keys_keep_their_indices(tmp_path):
    gap = tmp_path / "gap.txt"
    gap.write_text("zero\none\n\nthree\n\n\n")
    labels = load_labels(gap)
    assert len(labels) == 4 and labels.name(2) == "class 2" and labels.name(3) == "three"
    sparse = tmp_path / "sparse.json"
    sparse.write_text(json.dumps({"0": "zero", "5": ["n00000005", "five"]}))
    labels = load_labels(sparse)
    assert len(labels) == 6 and labels.name(1) == "class 1" and labels.name(5) == "five"
    assert labels.wnid(5) == "n00000005"


def test_label_files_are_bounded_regular_utf8_files(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(LabelsError, match="not a regular file"):
        load_labels(fifo)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café".encode("latin-1"))
    with pytest.raises(LabelsError, match="not UTF-8"):
        load_labels(latin)
    wide = tmp_path / "wide.txt"
    wide.write_text("貓\n狗", encoding="utf-16")
    assert load_labels(wide).names == ("貓", "狗")


def test_non_finite_outputs_are_an_error_for_that_picture(tmp_path, photos):
    import numpy as np

    model = build_classifier(tmp_path / "nan.onnx", classes=10, weights=np.full((3, 10), np.nan, np.float32))
    classifier = Classifier.load(model)
    with pytest.raises(InferenceError, match="not a number"):
        classifier.classify_file(photos["coffee"])


def test_pictures_must_be_regular_files(tmp_path):
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    started = time.perf_counter()
    with pytest.raises(ImageError, match="not a regular file"):
        decode_file(fifo)
    assert time.perf_counter() - started < 1.0
    with pytest.raises(ImageError, match="not a regular file"):
        decode_file("/dev/null")


def test_a_long_decode_stops_within_a_block(tmp_path):
    big = tmp_path / "big.png"
    Image.new("RGB", (9000, 9000), (30, 60, 90)).save(big, compress_level=1)
    stop = threading.Event()
    threading.Timer(0.05, stop.set).start()
    started = time.perf_counter()
    with pytest.raises(DecodeCancelled):
        decode_file(big, cancelled=stop.is_set)
    assert time.perf_counter() - started < 1.0
