"""Reading the model: every input/output variant, and refusals with a reason."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_app.core.classifier import Classifier
from desktop_app.core.errors import ModelError
from tests.model_factory import build_classifier


def red_picture(order: str = "rgb") -> np.ndarray:
    picture = np.zeros((120, 160, 3), np.uint8)
    picture[..., 0 if order == "rgb" else 2] = 255
    return picture


@pytest.mark.parametrize(
    "variant, layout, dtype",
    [
        ({}, "NCHW", "float32"),
        ({"layout": "NHWC"}, "NHWC", "float32"),
        ({"dtype": "float16"}, "NCHW", "float16"),
        ({"dtype": "uint8", "layout": "NHWC"}, "NHWC", "uint8"),
    ],
)
def test_layout_and_element_type_are_read_and_fed(tmp_path, variant, layout, dtype):
    classifier = Classifier.load(build_classifier(tmp_path / "m.onnx", classes=10, **variant))
    spec = classifier.description.input
    assert (spec.layout, spec.dtype) == (layout, dtype)
    assert classifier.classify(red_picture()).top[0].index == 0  # red seen as red
    assert classifier.classify(red_picture("bgr"), "bgr").top[0].index == 0


def test_uint8_model_gets_raw_pixels(tmp_path):
    classifier = Classifier.load(build_classifier(tmp_path / "m.onnx", dtype="uint8", classes=10))
    cfg = classifier.description.preprocessing
    assert cfg.normalize == "raw" and cfg.sources["normalize"] == "model"
    tensor = classifier.preprocessor(np.full((50, 50, 3), 200, np.uint8))
    assert tensor.dtype == np.uint8 and int(tensor.max()) == 200


def test_a_normalisation_asked_for_a_uint8_model_is_said_to_be_ignored(tmp_path):
    """It was ignored in silence (the CLI's warnings were empty)."""
    from desktop_app.core.preprocessing import PreprocessOverrides

    path = build_classifier(tmp_path / "m.onnx", dtype="uint8", classes=10)
    asked = Classifier.load(path, overrides=PreprocessOverrides(normalize="imagenet"))
    assert asked.description.preprocessing.normalize == "raw"
    assert "preprocessing.raw_pixels" in [w.code for w in asked.description.warnings]
    again = asked.reconfigured(overrides=PreprocessOverrides())
    assert "preprocessing.raw_pixels" not in [w.code for w in again.description.warnings]
    assert "preprocessing.raw_pixels" in [w.code for w in again.reconfigured(
        overrides=PreprocessOverrides(normalize="zero-based")).description.warnings]


def test_symbolic_dimensions_take_sidecar_size_else_224(tmp_path):
    model = build_classifier(tmp_path / "m.onnx", height="h", width="w", batch="N", classes=10)
    cfg = Classifier.load(model).description.preprocessing
    assert (cfg.height, cfg.width, cfg.sources["height"]) == (224, 224, "default")
    (tmp_path / "m.json").write_text('{"preprocessing": {"input_size": [160, 192]}}')
    classifier = Classifier.load(model)
    cfg = classifier.description.preprocessing
    assert (cfg.height, cfg.width, cfg.sources["width"]) == (160, 192, "sidecar")
    assert classifier.preprocessor(red_picture()).shape == (1, 3, 160, 192)
    assert classifier.description.input.batch is None


def test_fixed_batch_above_one_is_filled(tmp_path):
    classifier = Classifier.load(build_classifier(tmp_path / "m.onnx", batch=4, classes=10))
    assert classifier.preprocessor(red_picture()).shape[0] == 4
    assert classifier.classify(red_picture()).top[0].index == 0


def test_probabilities_are_not_softmaxed_twice(tmp_path):
    logits = Classifier.load(build_classifier(tmp_path / "a.onnx", classes=10))
    probs = Classifier.load(build_classifier(tmp_path / "b.onnx", classes=10, softmax=True))
    assert logits.description.output_kind == "logits"
    assert probs.description.output_kind == "probabilities"
    a, b = logits.classify(red_picture()), probs.classify(red_picture())
    assert [p.index for p in a.top] == [p.index for p in b.top]
    assert [p.probability for p in a.top] == pytest.approx([p.probability for p in b.top], abs=1e-5)


def test_softmax_covers_all_classes_not_only_top_k(tmp_path):
    classifier = Classifier.load(build_classifier(tmp_path / "m.onnx", classes=1000), top_k=3)
    result = classifier.classify(np.full((64, 64, 3), 128, np.uint8))
    # 1000 nearly equal logits: the top 3 share ~0.3% each, not ~33% (top-k renormalisation)
    assert sum(p.probability for p in result.top) < 0.05


def test_1001_outputs_with_1000_labels_drop_the_background_class(tmp_path):
    weights = np.zeros((3, 1001), np.float32)
    weights[0, 286] = 8.0  # red → index 286 of 1001 = ImageNet class 285 "Egyptian cat"
    classifier = Classifier.load(build_classifier(tmp_path / "m.onnx", classes=1001, weights=weights))
    assert classifier.description.background_class
    top = classifier.classify(red_picture()).top[0]
    assert (top.index, top.label, top.wnid) == (285, "Egyptian cat", "n02124075")


@pytest.mark.parametrize(
    "variant, reason",
    [
        ({"extra_input": True}, "2 inputs"),
        ({"rank": 2}, "4 dimensions"),
        ({"channels": 1}, "no axis of 3 colour channels"),
    ],
)
def test_unusable_models_are_refused_with_a_reason(tmp_path, variant, reason):
    with pytest.raises(ModelError, match=reason):
        Classifier.load(build_classifier(tmp_path / "m.onnx", **variant))


def test_non_onnx_and_missing_files_are_refused(tmp_path):
    junk = tmp_path / "junk.onnx"
    junk.write_bytes(b"this is not a model")
    with pytest.raises(ModelError, match="junk.onnx is not an ONNX model"):  # not ORT's protobuf talk
        Classifier.load(junk)
    with pytest.raises(ModelError, match="not found"):
        Classifier.load(tmp_path / "absent.onnx")


def test_smoothing_a_background_model_keeps_the_labels_in_place(tmp_path):
    from desktop_app.core.smoothing import ProbabilitySmoother

    weights = np.zeros((3, 1001), np.float32)
    weights[0, 286] = 8.0
    classifier = Classifier.load(build_classifier(tmp_path / "m.onnx", classes=1001, weights=weights))
    plain = classifier.classify(red_picture()).top[0]
    smoothed = classifier.classify(red_picture(), smoother=ProbabilitySmoother()).top[0]
    assert (plain.index, plain.label) == (smoothed.index, smoothed.label) == (285, "Egyptian cat")
    assert smoothed.probability == pytest.approx(plain.probability, rel=1e-5)


def test_reconfigured_labels_come_and_go(tmp_path):
    classifier = Classifier.load(build_classifier(tmp_path / "m.onnx", classes=10))
    names = tmp_path / "colours.txt"
    names.write_text("\n".join(["red", "green", "blue"] + [f"other {i}" for i in range(7)]))
    named = classifier.reconfigured(labels_path=names)
    assert named.classify(red_picture()).top[0].label == "red" and not named.description.warnings
    plain = named.reconfigured(labels_path=None)  # back to the model's own: none for this model
    assert plain.classify(red_picture()).top[0].label == "class 0"


def _two_outputs(path, first: str):
    """Picture → channel means → an embedding (1280) and logits (1000, red class 0 wins), with
    ``first`` ("embedding" or "argmax") placed before the logits, as exporters do."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)
    logits_w = np.zeros((3, 1000), np.float32)
    logits_w[0, 0] = 10.0  # red → class 0
    logits_w[2, 1] = 10.0  # blue → class 1
    nodes = [helper.make_node("ReduceMean", ["image"], ["means"], axes=[2, 3], keepdims=0),
             helper.make_node("MatMul", ["means", "logits_w"], ["logits"]),
             helper.make_node("MatMul", ["means", "embed_w"], ["embedding"]),
             helper.make_node("ArgMax", ["logits"], ["argmax"], axis=1, keepdims=0)]
    outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 1000])]
    extra = {"embedding": helper.make_tensor_value_info("embedding", TensorProto.FLOAT, [1, 1280]),
             "argmax": helper.make_tensor_value_info("argmax", TensorProto.INT64, [1])}
    graph = helper.make_graph(
        nodes, "two_outputs", [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, 224, 224])],
        [extra[first], *outputs],
        [numpy_helper.from_array(logits_w, "logits_w"),
         numpy_helper.from_array(rng.normal(size=(3, 1280)).astype(np.float32) * 50, "embed_w")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.save(model, path)
    return path


@pytest.mark.parametrize("first", ["embedding", "argmax"])
def test_the_scores_are_read_from_the_output_that_holds_them(tmp_path, first):
    """The first output was always ranked: an embedding before the logits gave "class 112 7.8 %",
    an argmax "class 0 100 %"."""
    from desktop_app.core.inspector import inspect_classifier

    classifier = Classifier.load(_two_outputs(tmp_path / "two.onnx", first))
    assert classifier.description.output.name == "logits" and classifier.description.classes == 1000
    blue = np.zeros((224, 224, 3), np.uint8)
    blue[..., 2] = 255
    assert classifier.classify(blue, "rgb").top[0].index == 1
    report = inspect_classifier(classifier)
    assert report["scores_output"] == "logits" and len(report["outputs"]) == 2


def test_a_sidecar_may_name_the_scores_output(tmp_path):
    import json

    path = _two_outputs(tmp_path / "two.onnx", "embedding")
    path.with_suffix(".json").write_text(json.dumps({"output": "embedding"}))
    assert Classifier.load(path).description.output.name == "embedding"
    path.with_suffix(".json").write_text(json.dumps({"output": "scores"}))
    with pytest.raises(ModelError, match="names the output 'scores', but the model's outputs are: embedding, logits"):
        Classifier.load(path)


def test_an_8_bit_probability_output_is_read_as_probabilities(tmp_path):
    """A quantized softmax (0..255) was softmaxed again: "tiger cat 100 %" where the model said 40 %."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    float_model = build_classifier(tmp_path / "float.onnx", classes=10, softmax=True)
    model = onnx.load(float_model)
    scores = model.graph.output[0]
    model.graph.node.extend([
        helper.make_node("Mul", [scores.name, "scale"], ["scaled"]),
        helper.make_node("Cast", ["scaled"], ["quantized"], to=TensorProto.UINT8),
    ])
    model.graph.initializer.append(numpy_helper.from_array(np.array(255, np.float32), "scale"))
    del model.graph.output[:]
    model.graph.output.append(helper.make_tensor_value_info("quantized", TensorProto.UINT8, [1, 10]))
    # A float output after it (here the channel means) must not be taken for the scores.
    model.graph.node.append(helper.make_node("ReduceMean", ["image"], ["channel_means"], axes=[2, 3], keepdims=0))
    model.graph.output.append(helper.make_tensor_value_info("channel_means", TensorProto.FLOAT, [1, 3]))
    onnx.save(model, tmp_path / "uint8_out.onnx")
    picture = np.zeros((224, 224, 3), np.uint8)
    picture[..., 0] = 200
    reference, quantized = Classifier.load(float_model), Classifier.load(tmp_path / "uint8_out.onnx")
    assert quantized.description.output_kind == "probabilities"

    def distribution(classifier):
        return classifier.postprocessor.probabilities(classifier.run(classifier.preprocessor(picture)))

    assert np.abs(distribution(quantized) - distribution(reference)).max() <= 1 / 255
    assert quantized.classify(picture).top[0].index == reference.classify(picture).top[0].index
    assert quantized.classify(picture).top[0].probability > 0.5  # not flattened, not sharpened to 100 %


def test_a_sigmoid_head_is_ranked_by_its_own_scores(tmp_path):
    """A multi-label (sigmoid) head was softmaxed: every class of 1000 read 0.2 %."""
    import onnx
    from onnx import TensorProto, helper

    from desktop_app.core.onnx_proto import output_operator

    model = onnx.load(build_classifier(tmp_path / "logits.onnx", classes=10))
    logits = model.graph.output[0].name
    model.graph.node.extend([helper.make_node("Sigmoid", [logits], ["scores"]),
                             helper.make_node("Identity", ["scores"], ["multi_label"])])  # looked through
    del model.graph.output[:]
    model.graph.output.append(helper.make_tensor_value_info("multi_label", TensorProto.FLOAT, [1, 10]))
    onnx.save(model, tmp_path / "sigmoid.onnx")
    assert output_operator(tmp_path / "sigmoid.onnx", "multi_label") == "Sigmoid"
    assert output_operator(tmp_path / "logits.onnx", logits) != "Sigmoid"
    classifier = Classifier.load(tmp_path / "sigmoid.onnx")
    assert classifier.description.output_kind == "probabilities"
    picture = np.zeros((224, 224, 3), np.uint8)
    picture[..., 0] = 200
    scores = classifier.run(classifier.preprocessor(picture)).reshape(-1)
    top = classifier.classify(picture).top
    assert [p.probability for p in top] == pytest.approx(sorted(scores.tolist(), reverse=True)[: len(top)])


def _one_output(path, make_output):
    """Picture → ``make_output(image_name)`` → (nodes, output value info): a model with that one output."""
    import onnx
    from onnx import TensorProto, helper

    nodes, output = make_output("image")
    graph = helper.make_graph(nodes, "one_output",
                              [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, 224, 224])], [output])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.save(model, path)
    return path


def test_a_model_without_a_score_output_is_refused(tmp_path):
    """An argmax as the only output was ranked as "class 0 100.0%", and a model that returns the
    picture itself as 150528 classes."""
    from onnx import TensorProto, helper

    def argmax(image):
        return ([helper.make_node("ReduceMean", [image], ["means"], axes=[2, 3], keepdims=0),
                 helper.make_node("ArgMax", ["means"], ["argmax"], axis=1, keepdims=1)],
                helper.make_tensor_value_info("argmax", TensorProto.INT64, [1, 1]))

    def identity(image):
        return ([helper.make_node("Identity", [image], ["same"])],
                helper.make_tensor_value_info("same", TensorProto.FLOAT, [1, 3, 224, 224]))

    def pooled(image):  # [1, 3, 1, 1]: one score per "class", as a SqueezeNet-style head gives
        return ([helper.make_node("GlobalAveragePool", [image], ["pooled"])],
                helper.make_tensor_value_info("pooled", TensorProto.FLOAT, [1, 3, 1, 1]))

    with pytest.raises(ModelError, match=r"Output 'argmax' is tensor\(int64\), not a tensor of class scores"):
        Classifier.load(_one_output(tmp_path / "argmax.onnx", argmax))
    with pytest.raises(ModelError, match=r"Output 'same' has shape \[1, 3, 224, 224\], not one score per class"):
        Classifier.load(_one_output(tmp_path / "identity.onnx", identity))
    assert Classifier.load(_one_output(tmp_path / "pooled.onnx", pooled)).description.classes == 3


@pytest.mark.parametrize("variant", [{"height": 20000, "width": 20000}, {"batch": 1000}])
def test_a_model_that_fixes_a_huge_input_is_refused_before_a_run(tmp_path, variant):
    """A model whose own input is [1, 3, 20000, 20000] took 20 GB of memory for one picture."""
    import onnxruntime as ort

    from desktop_app.core.model_io import read_input

    path = build_classifier(tmp_path / "huge.onnx", classes=10, **variant)
    inputs = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).get_inputs()
    with pytest.raises(ModelError, match=r"larger than this app feeds \(at most 64 pictures of 4096×4096 pixels\)"):
        read_input(inputs)


def _arg(name, shape, kind="tensor(float)"):
    from types import SimpleNamespace

    return SimpleNamespace(name=name, shape=list(shape), type=kind)


def test_a_hugging_face_export_with_free_channels_is_read_as_channels_first(tmp_path):
    """transformers/optimum declare pixel_values [batch, num_channels, height, width]: refused with
    "no axis of 3 colour channels", and `inspect` could not even show the model."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    from desktop_app.core.model_io import read_input
    from tests.model_factory import colour_weights

    pixels = helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT,
                                           ["batch_size", "num_channels", "height", "width"])
    logits = helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch_size", 10])
    graph = helper.make_graph(
        [helper.make_node("ReduceMean", ["pixel_values"], ["means"], axes=[2, 3], keepdims=0),
         helper.make_node("MatMul", ["means", "W"], ["logits"])],
        "hf", [pixels], [logits], initializer=[numpy_helper.from_array(colour_weights(10), "W")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    path = tmp_path / "model.onnx"
    onnx.save(model, path)
    classifier = Classifier.load(path)
    assert classifier.description.input.layout == "NCHW"
    assert classifier.classify(red_picture()).top[0].index == 0  # red seen as red
    assert read_input([_arg("x", ["N", "h", "w", "channels"])]).layout == "NHWC"  # named for channels
    # A fixed size other than 3 on either axis is refused, also beside a free one: [1, 1, h, w]
    # was read as channels last and ranked a 1-pixel strip of the picture
    assert read_input([_arg("x", [1, "C", 224, 224])]).layout == "NCHW"  # a free axis beside fixed sizes
    assert read_input([_arg("x", [1, 224, 224, "unk__7"])]).layout == "NHWC"
    for shape in ([1, 1, 28, 28], [1, 1, "height", "width"], [1, "height", "width", 1], [1, 4, "h", "w"]):
        with pytest.raises(ModelError) as refused:
            read_input([_arg("x", shape)])
        assert refused.value.message.code == "model.channels", shape


def test_an_object_detector_is_refused_not_ranked_by_its_class_numbers():
    """TF's SSD outputs were ranked: detection_classes ([1, 100] class numbers as floats) went
    through a softmax and showed as "class 10 63.2%"."""
    from desktop_app.core.model_io import read_output

    ssd = [_arg("detection_boxes", [1, 100, 4]), _arg("detection_classes", [1, 100]),
           _arg("detection_scores", ["N", 100]), _arg("num_detections", [1])]
    detr = [_arg("logits", ["batch", 100, 92]), _arg("pred_boxes", ["batch", 100, 4])]
    for outputs in (ssd, detr):
        with pytest.raises(ModelError) as refused:
            read_output(outputs)
        assert refused.value.message.code == "model.detection"
    assert read_output([_arg("logits", [1, 1000]), _arg("features", [1, 1280])]).name == "logits"
    # Classifiers that only look like it: a name with "box" in a word, a 4-class head, an
    # auxiliary [N, K, 4] output beside ImageNet's scores
    assert read_output([_arg("sandbox_logits", [1, 1000])]).name == "sandbox_logits"
    assert read_output([_arg("boxer_dog_prob", [1, 2])]).name == "boxer_dog_prob"
    assert read_output([_arg("head", [1, 1, 4])]).classes == 4
    assert read_output([_arg("logits", [1, 1000]), _arg("aux", ["b", "n", 4])]).name == "logits"


def test_one_score_per_picture_is_refused_not_always_100_percent():
    from desktop_app.core.model_io import read_output

    for outputs, named in (([_arg("logit", [1, 1])], None), ([_arg("logit", ["N", 1]), _arg("f", [1, 8])], "logit")):
        with pytest.raises(ModelError) as refused:
            read_output(outputs, named)
        assert refused.value.message.code == "model.one_score"


def test_label_files_as_other_tools_write_them(tmp_path):
    """A list of objects became "{'id': 0, 'name': 'n0'}" as a class name; a Hugging Face export's
    config.json (its id2label) was refused with "keys must be class indices"."""
    import json

    from desktop_app.core.errors import LabelsError
    from desktop_app.core.labels import load_labels

    objects = tmp_path / "objects.json"
    objects.write_text(json.dumps([{"id": i, "name": f"thing {i}"} for i in range(10)]), encoding="utf-8")
    assert load_labels(objects).name(3) == "thing 3"
    nameless = tmp_path / "nameless.json"
    nameless.write_text(json.dumps([{"id": 0}]), encoding="utf-8")
    with pytest.raises(LabelsError) as refused:
        load_labels(nameless)
    assert refused.value.message.code == "labels.entry_without_name"
    export = tmp_path / "vit"
    export.mkdir()
    model = build_classifier(export / "model.onnx", classes=10)
    config = {"architectures": ["ViTForImageClassification"], "id2label": {str(i): f"kind {i}" for i in range(10)}}
    (export / "config.json").write_text(json.dumps(config), encoding="utf-8")
    classifier = Classifier.load(model)
    assert classifier.classify(red_picture()).top[0].label == "kind 0"
    (export / "config.json").write_text(json.dumps({"model_type": "vit"}), encoding="utf-8")  # no labels in it
    assert Classifier.load(model).classify(red_picture()).top[0].label == "class 0"
    # Another model's config in a shared folder: its 3 names are not this model's 10 classes
    other = {"id2label": {"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"}}
    (export / "config.json").write_text(json.dumps(other), encoding="utf-8")
    assert Classifier.load(model).classify(red_picture()).top[0].label == "class 0"


def test_a_hugging_face_exports_preprocessor_config_is_read(tmp_path):
    """A ViT export says mean and std 0.5 and a plain resize to its size; ranked with the ImageNet
    default instead, it got exactly the pitfall the lab teaches."""
    import json

    from desktop_app.core.preprocessing import processor_layer

    vit = {"do_normalize": True, "do_rescale": True, "do_resize": True, "image_mean": [0.5, 0.5, 0.5],
           "image_std": [0.5, 0.5, 0.5], "resample": 2, "rescale_factor": 1 / 255,
           "size": {"height": 96, "width": 96}}
    export = tmp_path / "vit"
    export.mkdir()
    model = build_classifier(export / "model.onnx", classes=10, height="h", width="w")
    (export / "preprocessor_config.json").write_text(json.dumps(vit), encoding="utf-8")
    cfg = Classifier.load(model).description.preprocessing
    assert (cfg.normalize, cfg.resize, cfg.interpolation, cfg.height, cfg.width) == (
        "zero-central", "stretch", "bilinear", 96, 96)
    assert cfg.sources["normalize"] == cfg.sources["height"] == "preprocessor_config"
    (export / "model.json").write_text('{"preprocessing": {"normalize": "imagenet"}}', encoding="utf-8")
    assert Classifier.load(model).description.preprocessing.normalize == "imagenet"  # a sidecar says more
    # The model's own metadata says more than the folder's file (another model may have put it there)
    tagged = build_classifier(export / "tagged.onnx", classes=10, height="h", width="w",
                              metadata={"synset.preprocessing": '{"normalize": "zero-based", "resize": "letterbox"}'})
    cfg = Classifier.load(tagged).description.preprocessing
    assert (cfg.normalize, cfg.resize, cfg.height) == ("zero-based", "letterbox", 96)
    convnext = {"crop_pct": 0.875, "image_mean": [0.485, 0.456, 0.406], "image_std": [0.229, 0.224, 0.225],
                "resample": 3, "size": {"shortest_edge": 224}}
    assert processor_layer(convnext) == {"channel_order": "rgb", "normalize": "imagenet", "interpolation": "bicubic",
                                         "resize": "center-crop", "crop_fraction": 0.875, "input_size": [224, 224]}
    deit = {"do_center_crop": True, "crop_size": {"height": 224, "width": 224}, "size": {"height": 256, "width": 256}}
    assert processor_layer(deit)["crop_fraction"] == 224 / 256 and processor_layer(deit)["resize"] == "center-crop"
    clip = {"image_mean": [0.4815, 0.4578, 0.4082], "image_std": [0.2686, 0.2613, 0.2758]}
    assert "normalize" not in processor_layer(clip)  # no preset: the default, not a wrong preset
    # The Hub's older files (google/vit-base-patch16-224's): a number is a square, resized to straight
    hub_vit = {"do_normalize": True, "do_resize": True, "image_mean": [0.5, 0.5, 0.5], "image_std": [0.5, 0.5, 0.5],
               "resample": 2, "size": 224}
    assert processor_layer(hub_vit)["resize"] == "stretch" and processor_layer(hub_vit)["input_size"] == [224, 224]
    mobilevit = {"do_rescale": True, "do_flip_channel_order": True, "crop_size": {"height": 256, "width": 256},
                 "do_center_crop": True, "size": {"shortest_edge": 288}}
    layer = processor_layer(mobilevit)
    assert layer["normalize"] == "zero-based" and layer["channel_order"] == "bgr"
    convnext_384 = {"crop_pct": 0.875, "size": {"shortest_edge": 384}}  # from 384 on: no crop
    assert processor_layer(convnext_384)["resize"] == "stretch"
    odd = {"size": {"height": 0, "width": 0}, "crop_pct": 1.5}  # left out, not a reason to refuse the model
    assert "input_size" not in processor_layer(odd) and "crop_fraction" not in processor_layer(odd)
