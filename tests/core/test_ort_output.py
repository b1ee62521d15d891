"""One line on stderr: ONNX Runtime's own prints while a provider fails never reach the terminal."""

from __future__ import annotations

import os

import onnxruntime as ort

from desktop_app.core.classifier import Classifier
from desktop_app.core.engine import create_session
from desktop_app.core.providers import ProviderChoice
from tests.fake_device import ALL_PROVIDERS
from tests.model_factory import build_classifier


def failing_at_creation(path, options, providers):
    """The CUDA step fails inside ONNX Runtime's session creation, where its own fallback would
    print an "*** EP Error ***" block and retry (the real factory turns that fallback off)."""
    if providers[0][0] == "CUDAExecutionProvider":
        options.intra_op_num_threads = 2  # affinities are read for a pool of more than one thread
        options.add_session_config_entry("session.intra_op_thread_affinities", "garbage")
    return create_session(path, options, [("CPUExecutionProvider", {})])


def chatty(path, options, providers):
    """Verbose native logging: ONNX Runtime writes it straight to file descriptor 2."""
    options.log_severity_level = 0
    return ort.InferenceSession(path, options, providers=[("CPUExecutionProvider", {})])


def test_no_ep_error_block_and_the_error_becomes_the_reason(tmp_path, capfd):
    model = build_classifier(tmp_path / "m.onnx", classes=10)
    classifier = Classifier.load(model, choice=ProviderChoice("cuda"), session_factory=failing_at_creation,
                                 available=ALL_PROVIDERS)
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert classifier.engine.provider == "cpu"
    assert classifier.engine.fallback_reason == (
        "CUDA failed (Processor id must consist of only digits: garbage) — running on CPU")


def test_native_log_lines_stay_off_stderr(tmp_path, capfd):
    model = build_classifier(tmp_path / "m.onnx", classes=10)
    classifier = Classifier.load(model, choice=ProviderChoice("cpu"), session_factory=chatty)
    assert classifier.engine.provider == "cpu"
    assert capfd.readouterr() == ("", "")


def test_the_reason_is_the_gist_of_what_onnx_runtime_printed():
    from desktop_app.core.engine import short_reason
    from desktop_app.core.ort_output import Captured

    printed = Captured([
        "2026-11-28 05:40:01.0 [W:onnxruntime:Default, env.cc:12] some warning",
        "[E:onnxruntime:Default, provider_bridge_ort.cc:2251 TryGetProviderInfo_CUDA] /onnxruntime_src/onnxruntime/"
        "core/session/provider_bridge_ort.cc:1848 onnxruntime::Provider& onnxruntime::ProviderLibrary::Get() "
        "[ONNXRuntimeError] : 1 : FAIL : Failed to load library libonnxruntime_providers_cuda.so with error: "
        "libcublasLt.so.13: cannot open shared object file: No such file or directory",
    ])
    assert short_reason(RuntimeError(printed.first_error())) == (
        "Failed to load library libonnxruntime_providers_cuda.so with error: libcublasLt.so.13: cannot open "
        "shared object file: No such file or directory")
    block = Captured(["*************** EP Error ***************",
                      "EP Error CUDA failure 100: no CUDA-capable device is detected when using "
                      "['CUDAExecutionProvider', 'CPUExecutionProvider']",
                      "Falling back to ['CPUExecutionProvider'] and retrying."])
    assert block.first_error() == "CUDA failure 100: no CUDA-capable device is detected"


def test_our_own_error_reaches_stderr_while_a_session_captures_it(capfd):
    """Another thread's one-line error, written while fd 2 is captured, goes to the terminal."""
    from desktop_app.core.ort_output import captured_output, to_stderr

    with captured_output() as captured:
        to_stderr("synset: error: the camera went away")
        os.write(2, b"[E:onnxruntime:x] native noise\n")
    assert capfd.readouterr().err == "synset: error: the camera went away\n"
    assert captured.lines == ["[E:onnxruntime:x] native noise"]
    to_stderr("synset: error: and after")
    assert capfd.readouterr().err == "synset: error: and after\n"
