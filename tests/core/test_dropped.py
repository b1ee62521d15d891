"""Sorting what a user drops: models, labels, videos, pictures (folders expanded), missing."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.dropped import sort_paths


def test_drop_is_sorted_by_kind(tmp_path):
    folder = tmp_path / "holiday"
    folder.mkdir()
    for name in ("b.jpg", "a.PNG", "notes.txt"):
        (folder / name).write_bytes(b"x")
    (tmp_path / "empty").mkdir()
    files = {name: tmp_path / name for name in ("m.onnx", "labels.txt", "clip.mp4", "odd.xyz")}
    for path in files.values():
        path.write_bytes(b"x")
    dropped = sort_paths([str(p) for p in (folder, tmp_path / "empty", tmp_path / "gone.jpg", *files.values())])
    assert dropped.pictures == [str(folder / "a.PNG"), str(folder / "b.jpg"), str(files["odd.xyz"])]
    assert dropped.models == [str(files["m.onnx"])] and dropped.labels == [str(files["labels.txt"])]
    assert dropped.videos == [str(files["clip.mp4"])]
    assert dropped.missing == [str(tmp_path / "gone.jpg")] and dropped.empty_folders == [str(tmp_path / "empty")]
    assert dropped.nested_folders == []


def test_a_folder_with_only_folders_inside_is_told_apart_from_an_empty_one(tmp_path):
    """The window said "its subfolders are not opened" also of a folder that has none."""
    (tmp_path / "albums" / "2024").mkdir(parents=True)
    (tmp_path / "albums" / ".thumbs").mkdir()
    (tmp_path / "empty" / ".cache").mkdir(parents=True)
    dropped = sort_paths([str(tmp_path / "albums"), str(tmp_path / "empty")])
    assert dropped.empty_folders == [str(tmp_path / "albums"), str(tmp_path / "empty")]
    assert dropped.nested_folders == [str(tmp_path / "albums")]


def test_a_models_sidecar_dropped_with_it_is_not_a_label_file(tmp_path):
    model, sidecar, labels = tmp_path / "net.onnx", tmp_path / "net.json", tmp_path / "names.json"
    for path in (model, sidecar, labels):
        path.write_text("{}")
    dropped = sort_paths([str(model), str(sidecar), str(labels)])
    assert dropped.models == [str(model)] and dropped.labels == [str(labels)]


def test_a_folder_lists_in_file_manager_order_without_hidden_files(tmp_path):
    """"UPPER.JPG" came before "alpha.png" and "img10" before "img2"; a macOS copy's "._x.jpg"
    metadata files were listed as unreadable pictures."""
    from desktop_app.core.dropped import pictures_in

    for name in ("img10.jpg", "img2.jpg", "UPPER.JPG", "alpha.png", "._alpha.png", ".hidden.jpg"):
        (tmp_path / name).write_bytes(b"x")
    assert [Path(p).name for p in pictures_in(tmp_path)] == [
        "alpha.png", "img2.jpg", "img10.jpg", "UPPER.JPG"]


def test_a_models_external_data_file_dropped_opens_its_model(tmp_path):
    """A large model's "model.onnx.data" was taken for a picture: "not a picture format"."""
    from desktop_app.core.dropped import sort_paths

    model, data = tmp_path / "big.onnx", tmp_path / "big.onnx.data"
    model.write_bytes(b"model")
    data.write_bytes(b"weights")
    assert sort_paths([str(data)]).models == [str(model)]
    assert sort_paths([str(model), str(data)]).models == [str(model)]
    model.unlink()  # its model is not there: the decoder says what the file is not
    assert sort_paths([str(data)]).pictures == [str(data)]
