"""Provider planning and the fallback the user sees: at creation, silently dropped, and mid-stream."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_app.core.classifier import Classifier
from desktop_app.core.engine import short_reason
from desktop_app.core.providers import ProviderChoice, flavour_conflict, plan
from tests.fake_device import EPFail, fake_factory
from tests.model_factory import build_classifier

ALL = ["DmlExecutionProvider", "CUDAExecutionProvider", "CPUExecutionProvider"]
factory = fake_factory


@pytest.fixture
def model(tmp_path):
    return build_classifier(tmp_path / "m.onnx", classes=10)


def test_plan_order_and_forced_choices():
    steps, note = plan(ProviderChoice(), ALL)
    assert [s.kind for s in steps] == ["directml", "cuda", "cpu"] and note is None
    steps, _ = plan(ProviderChoice("directml", 1), ALL)
    assert [s.kind for s in steps] == ["directml", "cpu"]
    assert steps[0].providers[0] == ("DmlExecutionProvider", {"device_id": 1})
    steps, note = plan(ProviderChoice("cuda"), ["CPUExecutionProvider"])
    assert [s.kind for s in steps] == ["cpu"] and "CUDA is not in this ONNX Runtime build" in str(note)


def test_auto_takes_the_first_provider_that_proves_itself(model):
    make = factory()
    classifier = Classifier.load(model, session_factory=make, available=ALL)
    assert classifier.engine.provider == "directml" and classifier.engine.fallback_reason is None
    assert make.created == ["DmlExecutionProvider", "CPUExecutionProvider"]  # the device, then its reference


def test_failure_at_creation_falls_back_with_the_reason(model):
    make = factory(providers_that_fail={"DmlExecutionProvider", "CUDAExecutionProvider"})
    classifier = Classifier.load(model, session_factory=make, available=ALL)
    engine = classifier.engine
    assert engine.provider == "cpu"
    assert engine.fallback_reason == "DirectML failed (80070057); CUDA failed (80070057) — running on CPU"
    result = classifier.classify(np.zeros((20, 20, 3), np.uint8))
    assert result.provider == "cpu" and result.fallback_reason == engine.fallback_reason


def test_failure_at_warm_up_moves_on(model):
    make = factory(fail_run_from={"DmlExecutionProvider": 1})
    classifier = Classifier.load(model, session_factory=make, available=ALL)
    assert classifier.engine.provider == "cuda"
    assert classifier.engine.fallback_reason == "DirectML failed (887A0005) — running on CUDA"


def test_failure_mid_stream_rebuilds_on_cpu_and_retries_once(model):
    make = factory(fail_run_from={"DmlExecutionProvider": 4})  # the three proof runs pass, the first frame fails
    classifier = Classifier.load(model, choice=ProviderChoice("directml"), session_factory=make, available=ALL)
    assert classifier.engine.provider == "directml"
    red = np.zeros((20, 20, 3), np.uint8)
    red[..., 0] = 255
    result = classifier.classify(red)
    assert result.top[0].index == 0  # the retried frame still gets its answer
    assert result.provider == "cpu"
    assert result.fallback_reason == "DirectML failed during inference (887A0005) — running on CPU"


def test_provider_listed_but_not_working_is_caught_by_checking_the_session(model):
    # Real ONNX Runtime: a CPU-only build asked for CUDA warns and quietly runs on CPU.
    classifier = Classifier.load(model, choice=ProviderChoice("cuda"), available=ALL)
    assert classifier.engine.provider == "cpu"
    assert classifier.engine.fallback_reason.startswith("CUDA could not be initialised")
    # What runs is said once: "…; ONNX Runtime fell back to CPU — running on CPU" said it twice.
    assert classifier.engine.fallback_reason.count("CPU") == 1 and "fell back" not in classifier.engine.fallback_reason


def test_forcing_a_provider_that_is_not_installed_says_how_to_fix(model):
    classifier = Classifier.load(model, choice=ProviderChoice("cuda"), available=["CPUExecutionProvider"])
    assert "swap in onnxruntime-gpu" in classifier.engine.fallback_reason


def test_two_flavours_installed_is_explained():
    message = str(flavour_conflict([("onnxruntime", "1.32.0"), ("onnxruntime-gpu", "1.31.1")]))
    assert "overwrite each other" in message
    assert "pip uninstall -y onnxruntime onnxruntime-gpu && pip install onnxruntime-gpu" in message
    assert flavour_conflict([("onnxruntime", "1.32.0")]) is None


def test_short_reason_prefers_the_hresult():
    assert short_reason(EPFail("blah 0x887A0005 device removed")) == "887A0005"
    assert short_reason(ValueError("first line\nsecond")) == "first line"


def test_short_reason_keeps_onnx_runtimes_reason_not_its_cpp_signature():
    """The reason was cut off behind "Load model from <path> failed:" and a C++ signature."""
    ir = ("[ONNXRuntimeError] : 1 : FAIL : Load model from C:\\models\\net.onnx failed:/onnxruntime_src/onnxruntime/"
          "core/graph/model.cc:256 onnxruntime::Model::Model(onnx::ModelProto&&, const onnxruntime::PathString&, "
          "const onnxruntime::IOnnxRuntimeOpSchemaRegistryList*, const onnxruntime::logging::Logger&, const "
          "onnxruntime::ModelOptions&) Unsupported model IR version: 99, max supported IR version: 14\n")
    assert short_reason(RuntimeError(ir)) == "Unsupported model IR version: 99, max supported IR version: 14"
    opset = ("[ONNXRuntimeError] : 1 : FAIL : Load model from /m/o.onnx failed:/onnxruntime_src/onnxruntime/core/"
             "graph/model_load_utils.h:46 void onnxruntime::model_load_utils::ValidateOpsetForDomain(const "
             "std::unordered_map<std::__cxx11::basic_string<char>, int>&, const onnxruntime::logging::Logger&, "
             "bool, const std::string&, int) ONNX Runtime only *guarantees* support for models stamped with "
             "official released onnx opset versions. Opset 30 is under development and support for this is "
             "limited. The operator schemas and or other functionality may change before next ONNX release and "
             "in this case ONNX Runtime will not guarantee backward compatibility. Current official support for "
             "domain ai.onnx is till opset 28.\n")
    reason = short_reason(RuntimeError(opset))
    assert reason.startswith("ONNX Runtime only") and reason.endswith("till opset 28.")


def test_short_reason_skips_a_lambda_and_a_template_list_after_the_signature():
    """CUDA's and the session's errors put "::<lambda()>" or "[with T = …]" between the signature
    and the reason: they were left at the start of the reason the window shows."""
    cuda = ("/onnxruntime_src/onnxruntime/core/providers/cuda/cuda_call.cc:129 std::conditional_t<THRW, void, "
            "onnxruntime::common::Status> onnxruntime::CudaCall(ERRTYPE, const char*, const char*, SUCCTYPE, const "
            "char*, const char*, int) [with ERRTYPE = cudaError; bool THRW = true; SUCCTYPE = cudaError; "
            "std::conditional_t<THRW, void, onnxruntime::common::Status> = void] CUDA failure 100: no "
            "CUDA-capable device is detected ; GPU=0 ; hostname=lab ; file=/src/cuda_execution_provider.cc ; "
            "line=280 ; expr=cudaSetDevice(info_.device_id);")
    assert short_reason(RuntimeError(cuda)).startswith("CUDA failure 100: no CUDA-capable device is detected")
    init = ("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Exception during initialization: /onnxruntime_src/"
            "onnxruntime/core/session/inference_session.cc:2112 onnxruntime::InferenceSession::Initialize()::"
            "<lambda()> [with T = int] Out of memory allocating the weights")
    assert short_reason(RuntimeError(init)) == "Out of memory allocating the weights"
