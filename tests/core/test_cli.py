"""The command-line contract, on the bundled model and real photos, in a separate process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.model_factory import build_classifier

CATS = {"tiger cat", "Egyptian cat", "tabby", "Persian cat", "Siamese cat"}
ROOT = Path(__file__).resolve().parents[2]


def synset(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=180)


@pytest.fixture(scope="module")
def photo_run(photos):
    return synset("classify", photos["chelsea"], photos["coffee"], photos["grace_hopper"], "--json")


def test_classify_json_gets_the_three_photos_right(photo_run):
    assert photo_run.returncode == 0, photo_run.stderr
    document = json.loads(photo_run.stdout)
    tops = [r["top"][0] for r in document["results"]]
    assert tops[0]["label"] in CATS and 281 <= tops[0]["index"] <= 285
    assert (tops[1]["label"], tops[1]["index"]) == ("espresso", 967)
    assert (tops[2]["label"], tops[2]["index"]) == ("military uniform", 652)
    assert tops[1]["probability"] > 0.8


def test_classify_json_document_shape(photo_run):
    document = json.loads(photo_run.stdout)
    assert document["provider"] == "cpu" and document["fallback_reason"] is None
    model = document["model"]
    assert model["input"] | {"shape": None} == {"name": "input", "layout": "NCHW", "dtype": "float32", "shape": None,
                                               "batch": None, "height": 224, "width": 224}
    assert model["preprocessing"]["normalize"] == "zero-central"
    assert model["preprocessing"]["sources"]["normalize"] == "sidecar"
    result = document["results"][1]
    assert len(result["top"]) == 5 and set(result["timings_ms"]) == {"decode", "preprocess", "inference", "postprocess"}
    assert all(set(p) >= {"index", "label", "probability"} and " " not in p["label"][:1] for p in result["top"])
    assert not result["top"][0]["label"].startswith("n0")  # labels without the WordNet id


def test_plain_output_reads_like_the_talk(photos):
    run = synset("classify", photos["chelsea"], "--resize", "stretch", "--top-k", "3")
    assert run.returncode == 0
    assert "n02124075 Egyptian cat" in run.stdout and "%" in run.stdout


def test_folder_with_a_bad_file_reports_the_rest_and_exits_1(tmp_path, photos):
    (tmp_path / "coffee.jpg").write_bytes(photos["coffee"].read_bytes())
    (tmp_path / "zz-broken.png").write_bytes(b"not a png")
    run = synset("classify", tmp_path, "--json")
    assert run.returncode == 1
    results = json.loads(run.stdout)["results"]
    assert results[0]["top"][0]["label"] == "espresso"
    assert "zz-broken.png" in results[1]["error"]
    assert "Traceback" not in run.stderr and "zz-broken.png" in run.stderr
    # The line names the file once: "…/zz-broken.png: zz-broken.png: not a …" said it twice.
    assert run.stderr.count("zz-broken.png") == 1 and "not a picture format" in run.stderr


def test_results_come_in_the_order_the_paths_were_given(tmp_path, photos):
    """A missing path came last, after every picture: a tool pairing inputs with results by
    position paired them wrongly."""
    gone = tmp_path / "gone.jpg"
    run = synset("classify", photos["chelsea"], gone, photos["coffee"], "--json")
    assert run.returncode == 1
    images = [r["image"] for r in json.loads(run.stdout)["results"]]
    assert images == [str(photos["chelsea"]), str(gone), str(photos["coffee"])]


@pytest.mark.parametrize(
    "args, reason",
    [
        (["classify"], "the following arguments are required"),
        (["classify", "x.jpg", "--normalize", "weird"], "invalid choice"),
        (["classify", "x.jpg", "--top-k", "0"], "must be at least 1"),
        (["classify", "x.jpg", "--top-k", "abc"], "expected a whole number, not 'abc'"),
        (["classify", "x.jpg", "--threads", "100000"], "CPUs; at most"),  # would take minutes to start
        (["classify", "x.jpg", "--device-id", "-1"], "must be 0 … 63, not -1"),  # was taken silently
        (["bench", "--model", "missing.onnx"], "Model file not found"),
        (["classify", ""], "an empty path"),  # "$IMG" with IMG unset ranked the current folder
    ],
)
def test_usage_errors_exit_2_with_one_line(args, reason):
    run = synset(*args)
    assert run.returncode == 2
    assert reason in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "Traceback" not in run.stderr


def test_refused_model_exits_2_with_the_reason(tmp_path, photos):
    model = build_classifier(tmp_path / "two.onnx", extra_input=True)
    run = synset("classify", photos["coffee"], "--model", model)
    assert run.returncode == 2 and "takes exactly one" in run.stderr


def test_bench_json_contract():
    run = synset("bench", "--iterations", "20", "--json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["provider"] == "cpu"
    for key in ("raw_inference_ms", "pipeline_ms"):
        assert set(report[key]) == {"p50", "p95"} and report[key]["p50"] > 0
    assert set(report["stages_ms"]) == {"preprocess", "inference", "postprocess"}
    steps = report["preprocess_steps_ms"]  # where the preprocessing's time goes: crop + resize, then the tensor
    assert set(steps) == {"fit", "to_tensor"} and all(steps[s]["p50"] > 0 for s in steps)
    expected = report["pipeline_ms"]["p50"] / report["raw_inference_ms"]["p50"]
    assert report["overhead_ratio"] == pytest.approx(expected, rel=1e-3)
    # The live path (the fit on another thread): its time per frame against the same raw runs.
    assert set(report["live_ms"]) == {"p50", "p95"} and report["live_ms"]["p50"] > 0
    live = report["live_ms"]["p50"] / report["raw_inference_ms"]["p50"]
    assert report["live_overhead_ratio"] == pytest.approx(live, rel=1e-3)


def test_inspect_json_is_the_contract(tmp_path):
    model = build_classifier(tmp_path / "tiny.onnx", classes=10, height="h", width="w",
                             metadata={"synset.preprocessing": '{"normalize": "raw", "input_size": [96, 128]}'})
    (tmp_path / "tiny.json").write_text('{"preprocessing": {"channel_order": "bgr"}}')
    run = subprocess.run([sys.executable, "-m", "desktop_app", "inspect", str(model), "--json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["inputs"] == [{"name": "image", "shape": [1, 3, "h", "w"], "dtype": "float32"}]
    assert report["outputs"][0]["shape"] == [1, 10] and report["classes"] == 10
    assert report["layout"] == "NCHW"  # as read: classify --json said it, inspect did not
    assert report["opset"] == 17 and report["output_kind"] == "logits"
    assert report["metadata"]["synset.preprocessing"].startswith('{"normalize": "raw"')
    assert report["sidecar"] == {"preprocessing": {"channel_order": "bgr"}}
    p = report["preprocessing"]
    assert p["normalize"] == {"value": "raw", "source": "metadata"}
    assert p["channel_order"] == {"value": "bgr", "source": "sidecar"}
    assert p["height"] == {"value": 96, "source": "metadata"} and p["resize"]["source"] == "default"
    assert "producer" in report and report["warnings"]


def test_inspect_plain_names_the_bundled_model():
    run = subprocess.run([sys.executable, "-m", "desktop_app", "inspect", "models/efficientnet-lite0.onnx"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0 and "EfficientNet-Lite0" in run.stdout and "opset 17" in run.stdout
    assert "normalize      zero-central   from sidecar" in run.stdout


def test_the_inspector_job_without_a_model_says_so():
    import pytest

    from desktop_app.core.errors import ModelError
    from desktop_app.core.inspector import InspectModel
    from desktop_app.core.jobs import JobContext

    reported = []
    context = JobContext(None, None, 0, reported.append, lambda: False, lambda: None)
    with pytest.raises(ModelError, match="No model is loaded yet"):
        InspectModel().run(context)
    assert reported == []


def test_a_reader_that_leaves_early_ends_the_output_quietly(tmp_path, photos):
    for i in range(4):
        (tmp_path / f"cat{i}.jpg").write_bytes(photos["chelsea"].read_bytes())
    # 4 × 1000 ranked lines: far more than the pipe holds, so the reader leaves while they are written.
    process = subprocess.Popen([sys.executable, "-m", "desktop_app", "classify", str(tmp_path), "--top-k", "1000"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().startswith("EfficientNet-Lite0")  # as `| head -1` does
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) == 141 and stderr == ""


def test_plain_bench_says_why_it_timed_the_cpu():
    import onnxruntime as ort

    if "CUDAExecutionProvider" in ort.get_available_providers():
        pytest.skip("CUDA is there: nothing falls back")
    run = synset("bench", "--provider", "cuda", "--iterations", "3")
    first, reason = run.stdout.splitlines()[:2]
    assert run.returncode == 0 and first.startswith("EfficientNet-Lite0 on CPU")
    assert "CUDA is not in this ONNX Runtime build" in reason and reason.endswith("running on CPU)")


def test_bench_compare_names_the_files_and_says_slower_when_it_is():
    """Both variants carry the model's name, and "0.25× faster" meant 4× slower."""
    from desktop_app.cli import speed_verdict

    assert (speed_verdict(1.74), speed_verdict(0.25), speed_verdict(None)) == ("1.74× faster", "4.00× slower", "—")
    models = ROOT / "models"
    run = synset("bench", "--iterations", "3", "--threads", "1", "--model", models / "efficientnet-lite0-int8.onnx",
                 "--compare", models / "efficientnet-lite0.onnx")
    assert run.returncode == 0, run.stderr
    line = run.stdout.strip().splitlines()[-1]
    assert line.lstrip().startswith("efficientnet-lite0.onnx:") and "for efficientnet-lite0-int8.onnx" in line


def test_json_keeps_every_name_on_an_output_that_is_not_utf8(tmp_path, photos):
    """With a Windows code page on stdout, "貓.jpg" was written as "?.jpg" in the JSON."""
    import os

    cat = tmp_path / "路徑 貓.jpg"
    cat.write_bytes(photos["chelsea"].read_bytes())
    run = subprocess.run([sys.executable, "-m", "desktop_app", "classify", str(cat), "--json"], capture_output=True,
                         cwd=ROOT, timeout=180, env={**os.environ, "PYTHONIOENCODING": "cp1252"})
    assert run.returncode == 0
    assert json.loads(run.stdout.decode("cp1252"))["results"][0]["image"] == str(cat)


def test_every_option_of_classify_and_bench_says_what_it_does_and_its_default():
    import argparse

    from desktop_app.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name in ("classify", "bench"):
        for action in commands.choices[name]._actions:
            assert action.help, f"{name} {action.option_strings or action.dest}"
            if action.option_strings and action.default not in (None, False, argparse.SUPPRESS):
                assert "default" in action.help, f"{name} {action.option_strings}"


def test_a_model_that_fails_when_it_runs_says_so_in_one_line(tmp_path, photos):
    """ONNX Runtime's own log line (in colour, with its C++ source location) came first on stderr
    when the model failed on its first run (the proof), not only when a session failed to start."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    image = helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, 8, 8])
    logits = helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 1000])
    graph = helper.make_graph(
        [helper.make_node("ReduceMean", ["image"], ["means"], axes=[2, 3], keepdims=0),
         helper.make_node("Reshape", ["means", "shape"], ["logits"])],  # [1, 3] cannot be [1, 1000]
        "fails", [image], [logits], initializer=[numpy_helper.from_array(np.array([1, 1000], np.int64), "shape")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, tmp_path / "fails.onnx")
    run = synset("classify", str(photos["chelsea"]), "--model", str(tmp_path / "fails.onnx"))
    assert run.returncode == 2 and "cannot be reshaped" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "onnxruntime:" not in run.stderr, run.stderr


def test_a_folder_whose_photos_are_a_level_down_says_so(tmp_path, photos):
    """The command line said "no readable pictures in this folder", where the window says that its
    subfolders are not opened."""
    import shutil

    (tmp_path / "2024" / "trip").mkdir(parents=True)
    shutil.copy(photos["chelsea"], tmp_path / "2024" / "trip")
    run = synset("classify", str(tmp_path / "2024"))
    said = run.stdout + run.stderr
    assert run.returncode == 1 and "no pictures in this folder (its subfolders are not opened)" in said


@pytest.mark.parametrize("args", [
    ("classify", "tests/data/chelsea.jpg", "--model", ""),
    ("classify", "tests/data/chelsea.jpg", "--labels", ""),
    ("inspect", ""),
    ("bench", "--compare", ""),
], ids=["model", "labels", "inspect", "compare"])
def test_an_empty_value_is_a_usage_error_not_the_default(args):
    """An empty value ("$MODEL" with MODEL unset) used the bundled model or labels, exit 0."""
    run = synset(*args)
    assert run.returncode == 2 and run.stderr.startswith("synset: error: ") and run.stdout == "", run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_output_that_cannot_be_written_is_one_line_not_a_traceback():
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "desktop_app", "classify", "tests/data/chelsea.jpg", "--json"],
                             stdout=full, stderr=subprocess.PIPE, text=True, timeout=60, cwd=ROOT)
    assert run.returncode == 1
    assert run.stderr == "synset: error: cannot write the output: No space left on device\n"


def test_a_sidecar_with_nan_in_a_field_nobody_checks_still_inspects_as_json(tmp_path):
    model = build_classifier(tmp_path / "sc.onnx", classes=4)
    (tmp_path / "sc.json").write_text('{"name": "SC", "validation": {"max_abs_diff": NaN, "top": Infinity}}')
    run = synset("inspect", model, "--json")
    assert run.returncode == 0, run.stderr
    assert '"max_abs_diff": null' in run.stdout and "NaN" not in run.stdout
