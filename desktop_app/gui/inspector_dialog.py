"""The model inspector in the window: what Synset read from the running model, in a dialog.

GUI thread; the document comes from an :class:`InspectModel` job on the worker (the session lives
there), the same document ``python -m desktop_app inspect MODEL --json`` prints.
"""

from __future__ import annotations

import html
import json

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..core.providers import DISPLAY_NAMES
from .messages import describe


class InspectorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.resize(720, 640)
        self.text = QTextBrowser()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.report: dict | None = None

    def show_report(self, report: dict) -> None:
        self.report = report
        self.setWindowTitle(self.tr("Model inspector — %1").replace("%1", report["name"]))
        self.text.setHtml(self._html(report))

    def _html(self, r: dict) -> str:
        source_names = {
            "user": self.tr("you"), "sidecar": self.tr("sidecar"), "metadata": self.tr("ONNX metadata"),
            "preprocessor_config": self.tr("preprocessor_config.json (Hugging Face)"),
            "model": self.tr("the model's input"), "default": self.tr("default"),
        }
        kind = self.tr("probabilities") if r["output_kind"] == "probabilities" else self.tr("logits → softmax")
        if len(r["outputs"]) > 1:  # which one is ranked
            kind = self.tr("%1, from the output %2").replace("%1", kind).replace("%2", r["scores_output"])
        classes = str(r["classes"])
        if r["background_class"]:
            classes = self.tr("%1 (a background class at 0)").replace("%1", classes)
        parts = [f"<h2>{_e(r['name'])}</h2><p>{_e(r['path'])}</p>",
                 _table([(self.tr("Producer"), r["producer"]), (self.tr("Opset"), r["opset"]),
                         (self.tr("IR version"), r["ir_version"]), (self.tr("Classes"), classes),
                         (self.tr("Layout"), r["layout"]), (self.tr("Output"), kind),
                         (self.tr("Labels"), r["labels"] or self.tr("none")),
                         (self.tr("Runs on"), DISPLAY_NAMES.get(r["provider"], r["provider"]))])]
        titles = (self.tr("Inputs and outputs"), self.tr("Preprocessing, and where each value came from"),
                  self.tr("ONNX metadata"), self.tr("Sidecar"))
        none = self.tr("none")
        parts.append(_heading(titles[0]))
        rows = [(tensor["name"], "[" + ", ".join("?" if d is None else str(d) for d in tensor["shape"]) + "] "
                 + tensor["dtype"]) for tensor in r["inputs"] + r["outputs"]]
        parts.append(_table(rows))
        parts.append(_heading(titles[1]))
        # Each field by its name in the window, and by its key, which a sidecar JSON uses.
        field_names = {
            "normalize": self.tr("Normalisation"), "channel_order": self.tr("Channel order"),
            "resize": self.tr("Resize"), "height": self.tr("Height"), "width": self.tr("Width"),
            "crop_fraction": self.tr("Crop fraction"), "interpolation": self.tr("Interpolation"),
        }
        parts.append(_table([(f"{field_names.get(field, field)} ({field})",
                              f"{entry['value']} — {source_names.get(entry['source'], entry['source'])}")
                             for field, entry in r["preprocessing"].items()]))
        parts.append(_heading(titles[2]))
        parts.append(_table(sorted(r["metadata"].items())) if r["metadata"] else f"<p>{_e(none)}</p>")
        parts.append(_heading(titles[3]))
        sidecar = json.dumps(r["sidecar"], indent=2, ensure_ascii=False) if r["sidecar"] else none
        # pre-wrap: a long value (the sidecar's notes) wraps instead of scrolling the whole page sideways
        parts.append(f"<p style='white-space: pre-wrap; font-family: monospace'>{_e(sidecar)}</p>")
        warnings = [describe(w) for w in r.get("warning_messages", ())] or r["warnings"]
        parts += [f"<p style='color:#b35900'>{_e(w)}</p>" for w in warnings]
        return "".join(parts)


def _heading(text: str) -> str:
    return f"<h3>{_e(text)}</h3>"


def _table(rows) -> str:
    cells = "".join(f"<tr><td><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in rows)
    return f"<table cellspacing='4'>{cells}</table>"


def _e(value) -> str:
    return html.escape("" if value is None else str(value))
