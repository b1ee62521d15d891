"""The core's messages reach the window in the user's language."""

from __future__ import annotations

import pytest

from desktop_app.core import messages as core_messages
from desktop_app.core.messages import message
from desktop_app.gui import messages as gui_messages
from tests.gui.helpers import drop, settled


def test_gui_table_mirrors_the_core_templates():
    assert gui_messages.TRANSLATABLE == core_messages.TEMPLATES


def test_errors_and_fallback_reasons_are_translated(make_window, qtbot, tmp_path):
    window = make_window()
    window.set_language("zh_TW")
    try:
        bad = tmp_path / "壞掉.jpg"
        bad.write_bytes(b"not a picture at all")
        with settled(qtbot, window.service.worker.job_finished, 10_000):
            drop(window, [bad])
        assert window.statusBar().currentMessage() == "壞掉.jpg：不是本程式能讀取的圖片格式"
        parts = (message("provider.failed", provider="DirectML", detail="887A0005"),)
        window.badge.set_provider("cpu", parts)
        assert window.badge.reason.text() == "已改用備援：DirectML 失敗（887A0005） — 改在 CPU 上執行"
        # A pitfall the model cannot show, and a broken label file: the lab's and the drop's errors.
        from desktop_app.core.errors import LabelsError
        from desktop_app.core.labels import load_labels
        from desktop_app.core.pitfalls import PitfallError, pitfall

        with pytest.raises(PitfallError) as refused:
            pitfall("no-such-pitfall")
        assert gui_messages.describe(refused.value).startswith("未知的陷阱「no-such-pitfall」")
        labels = tmp_path / "labels.json"
        labels.write_text('{"cat": "cat"}', encoding="utf-8")
        with pytest.raises(LabelsError) as unreadable:
            load_labels(labels)
        assert gui_messages.describe(unreadable.value) == "標籤檔 labels.json：鍵必須是類別索引"
        from desktop_app.core.errors import ModelError
        from desktop_app.core.preprocessing import load_sidecar

        (tmp_path / "model.json").write_text("[1, 2]", encoding="utf-8")  # a sidecar that is no object
        with pytest.raises(ModelError) as refused_model:
            load_sidecar(tmp_path / "model.onnx")
        assert gui_messages.describe(refused_model.value) == "模型的附屬設定檔 model.json 不是 JSON 物件"
        from desktop_app.core.providers import flavour_conflict

        two = flavour_conflict([("onnxruntime", "1.32.0"), ("onnxruntime-directml", "1.32.0")])
        assert gui_messages.describe(two).startswith("安裝了多個 ONNX Runtime 套件（onnxruntime 1.32.0")
        assert gui_messages.describe(two).endswith("pip install onnxruntime-directml")
    finally:
        window.set_language("en")
    assert window.badge.reason.text() == "Fell back: DirectML failed (887A0005) — running on CPU"


def test_plain_strings_pass_through_untouched():
    assert gui_messages.describe("already a sentence") == "already a sentence"
