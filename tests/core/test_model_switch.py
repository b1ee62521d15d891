"""The model-switch logic, without Qt: requests overtaking each other, failures, provider changes."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.core.jobs import LoadedModel
from desktop_app.core.messages import message
from desktop_app.core.model_switch import ModelSwitch
from desktop_app.core.settings import AppSettings


def loaded(request, provider="cpu") -> LoadedModel:
    return LoadedModel(request, description=None, model_defaults=None, provider=provider, fallback=(),
                       installed_providers=("cpu",))


def test_only_the_newest_request_is_shown():
    switch = ModelSwitch()
    first = switch.request(AppSettings())
    second = switch.request(AppSettings(top_k=3))
    assert not switch.loaded(loaded(first))  # overtaken: the worker runs it, the window waits
    assert switch.running.request is first and switch.shown is None
    assert switch.loaded(loaded(second)) and switch.shown.request is second
    assert switch.is_current(second.generation) and not switch.is_current(first.generation)


def test_a_failed_switch_restores_the_model_that_runs_and_its_settings():
    switch = ModelSwitch()
    settings = AppSettings(model_path="/models/good.onnx", normalize="imagenet")
    good = switch.request(settings)
    switch.loaded(loaded(good))
    wanted = replace(settings, model_path="/models/broken.onnx", normalize=None)
    broken = switch.request(wanted)
    outcome = switch.failed(broken.generation, wanted)
    assert outcome.action == "restore" and outcome.model.request is good
    assert outcome.settings.model_path == "/models/good.onnx" and outcome.settings.normalize == "imagenet"
    assert switch.is_current(good.generation)  # its results count again


def test_an_old_failure_is_ignored():
    switch = ModelSwitch()
    old = switch.request(AppSettings(model_path="/a.onnx"))
    switch.request(AppSettings(model_path="/b.onnx"))
    assert switch.failed(old.generation, AppSettings()).action == "ignore"


def test_nothing_loaded_yet_falls_back_to_the_bundled_model_then_gives_up():
    switch = ModelSwitch()
    saved = AppSettings(model_path="/moved/away.onnx", labels_path="/moved/labels.txt", resize="stretch")
    request = switch.request(saved)
    outcome = switch.failed(request.generation, saved)
    assert outcome.action == "bundled"
    assert (outcome.settings.model_path, outcome.settings.labels_path, outcome.settings.resize) == (None, None, None)
    bundled = switch.request(outcome.settings)
    assert switch.failed(bundled.generation, outcome.settings).action == "none"


def test_a_saved_label_file_that_is_gone_keeps_the_model_with_its_own_labels():
    """It left no model at all: the fallback was only for a saved model that was gone."""
    switch = ModelSwitch()
    saved = AppSettings(model_path="/models/mine.onnx", labels_path="/usb/labels.txt", resize="stretch")
    request = switch.request(saved)
    outcome = switch.failed(request.generation, saved, labels_failed=True)
    assert outcome.action == "own_labels"
    assert (outcome.settings.model_path, outcome.settings.labels_path, outcome.settings.resize) == (
        "/models/mine.onnx", None, "stretch")  # only the labels go
    # The bundled model with a label file that is gone: the bundled model as it comes.
    bundled = AppSettings(labels_path="/usb/labels.txt")
    request = switch.request(bundled)
    assert switch.failed(request.generation, bundled, labels_failed=True).action == "own_labels"
    request = switch.request(AppSettings(normalize="raw"))
    assert switch.failed(request.generation, AppSettings(normalize="raw")).action == "bundled"


def test_a_provider_change_mid_run_updates_what_is_shown_once():
    switch = ModelSwitch()
    request = switch.request(AppSettings(provider="cuda"))
    switch.loaded(loaded(request, provider="cuda"))
    reason = (message("provider.failed_in_run", provider="CUDA", detail="887A0005"),)
    shown = switch.provider_changed("cpu", reason)
    assert shown.provider == "cpu" and shown.fallback == reason and switch.running is shown
    assert switch.provider_changed("cpu", reason) is None  # nothing new


def test_reload_and_same_session():
    switch = ModelSwitch()
    first = switch.request(AppSettings(model_path="/m.onnx"))
    labels = switch.request(AppSettings(model_path="/m.onnx", labels_path="/l.txt"))
    assert labels.same_session(first)
    again = switch.request(AppSettings(model_path="/m.onnx"), reload=True)
    assert not again.same_session(labels)
    other = switch.request(AppSettings(model_path="/m.onnx", provider="cpu"))
    assert not other.same_session(labels)
