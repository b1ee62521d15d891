"""Small read-outs: the provider that really runs (and why it fell back), the model, latency."""

from __future__ import annotations

import functools
import html
import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..core.classifier import ModelDescription
from ..core.live_stats import STAGE_NAMES, LiveStats
from ..core.messages import Message
from ..core.providers import DISPLAY_NAMES
from .messages import describe, describe_failures, describe_fallback
from .style import set_style_property


class ProviderBadge(QWidget):
    """A coloured pill naming the execution provider, and the fallback reason beneath it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pill = QLabel()
        self.pill.setObjectName("providerPill")
        self.reason = QLabel()
        self.reason.setObjectName("fallbackReason")
        self.reason.setWordWrap(True)
        self.warning = QLabel()  # the model's own warnings, e.g. labels that do not fit it
        self.warning.setObjectName("modelWarning")
        self.warning.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pill, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.reason)
        layout.addWidget(self.warning)
        self._provider: str | None = None
        self._fallback: tuple[Message, ...] = ()
        self._warnings: tuple[Message, ...] = ()
        self._no_model = False
        self._stage = False
        self.retranslate()

    def set_stage(self, on: bool) -> None:
        """On stage the reason leaves out "— running on CPU": the pill above says it, and the
        line it took pushed the lab's caption below the fold of a 720p projector."""
        self._stage = on
        self.retranslate()

    def set_provider(self, provider: str | None, fallback: tuple[Message, ...] = ()) -> None:
        """The provider that runs and, after a fallback, what failed (as translatable messages)."""
        self._provider, self._fallback, self._no_model = provider, tuple(fallback), False
        self.retranslate()

    def set_warnings(self, warnings: tuple[Message, ...]) -> None:
        """What the model says is wrong with itself (shown until another model is shown)."""
        self._warnings = tuple(warnings)
        self.retranslate()

    def set_no_model(self) -> None:
        self._provider, self._fallback, self._no_model = None, (), True
        self.retranslate()

    def retranslate(self) -> None:
        if self._no_model:
            self.pill.setText(self.tr("No model"))
            set_style_property(self.pill, "kind", "fallback")
        elif self._provider is None:
            self.pill.setText(self.tr("Loading model…"))
            set_style_property(self.pill, "kind", "loading")
        else:
            name = DISPLAY_NAMES.get(self._provider, self._provider)
            self.pill.setText(self.tr("Running on %1").replace("%1", name))
            set_style_property(self.pill, "kind", "fallback" if self._fallback else self._provider)
        self.reason.setVisible(bool(self._fallback))
        name = DISPLAY_NAMES.get(self._provider or "", self._provider or "")
        failed = describe_failures(self._fallback) if self._stage else describe_fallback(self._fallback, name)
        self.reason.setText(self.tr("Fell back: %1").replace("%1", failed))
        self.warning.setVisible(bool(self._warnings))
        self.warning.setText("\n".join(f"⚠ {describe(w)}" for w in self._warnings))


class ModelInfoLabel(QLabel):
    """Model name, input size/layout/type and the preprocessing in force. Its warnings are the
    badge's (:class:`ProviderBadge`): said once, in the theme's warning colour."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("modelInfo")
        self._description: ModelDescription | None = None

    def set_description(self, description: ModelDescription | None) -> None:
        self._description = description
        self.retranslate()

    def retranslate(self) -> None:
        d = self._description
        if d is None:
            self.setText(self.tr("No model loaded"))
            return
        cfg = d.preprocessing
        lines = [
            f"<b>{html.escape(d.name)}</b>",  # the name comes from the model file: text, not markup
            self.tr("Input: %1×%2 %3 %4").replace("%1", str(cfg.width)).replace("%2", str(cfg.height))
            .replace("%3", d.input.layout).replace("%4", d.input.dtype),
            self.tr("Preprocessing: %1, %2, %3").replace("%1", cfg.normalize)
            .replace("%2", cfg.channel_order.upper()).replace("%3", cfg.resize),
            self.tr("Output: %1").replace("%1", self.tr("probabilities") if d.output_kind == "probabilities"
                                         else self.tr("logits → softmax")),
        ]
        self.setText("<br>".join(lines))


class LatencyPanel(QLabel):
    """Per-stage latency and rates; refreshed by the window's slow timer, not per frame."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("latency")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._stats: LiveStats | None = None
        self._live = False
        self._video = False  # the live source is a video file, not a camera
        self._reserve = False

    def show_stats(self, stats: LiveStats, live: bool, video: bool = False) -> None:
        self._stats, self._live, self._video = stats, live, video
        self.retranslate()

    def reserve_live_lines(self, on: bool) -> None:
        """Always as tall as the live read-out (on stage): the ranking above takes its size from
        what is left, and it shrank when a camera started and grew when a picture came."""
        self._reserve = on
        self.updateGeometry()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        shown = super().heightForWidth(width)
        if not self._reserve:
            return shown
        sample = "\n".join(self._lines(dict.fromkeys(STAGE_NAMES, 88.8), (29.9, 29.9, 999), (888, 888)))
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right() - 2 * self.margin())
        needed = self.fontMetrics().boundingRect(QRect(0, 0, inner, 100_000), Qt.TextFlag.TextWordWrap, sample)
        return max(shown, needed.height() + margins.top() + margins.bottom() + 2 * self.margin())

    def retranslate(self) -> None:
        stats = self._stats
        if stats is None or not stats.has_results():
            self._show([self.tr("Latency: waiting for the first result")])
            return
        stages = stats.stage_p50()
        measured = {name: (stages[name] if stats.stage_count(name) else None) for name in STAGE_NAMES}
        total = stats.summary("capture_to_result")
        rates = (stats.camera_fps(), stats.inference_fps(), stats.frames_dropped) if self._live else None
        self._show(self._lines(measured, rates, (total["p50"], total["p95"])))

    def _show(self, lines: list[str]) -> None:
        self.setText("<br>".join(lines))
        # A screen reader reads the name: without the word joiners that keep Chinese words whole
        # on screen (read out, they split "解碼" into single characters or pauses).
        self.setAccessibleName(". ".join(lines).replace("\u2060", ""))

    def _lines(self, stages: dict, rates: tuple | None, total: tuple) -> list[str]:
        """The read-out's lines: the stages; live (``rates`` given), the rates and frame to result."""
        stage_line = _unbroken(self.tr("Decode %1 ms · Preprocess %2 ms · Inference %3 ms · Postprocess %4 ms"))
        for i, name in enumerate(STAGE_NAMES, start=1):
            value = stages[name]
            if value is not None:
                stage_line = stage_line.replace(f"%{i}", f"{value:.1f}")
            else:  # not measured (a picture ranked from memory has no decode): "Decode —", not "0.0 ms"
                stage_line = re.sub(f"%{i}\\s*ms", "—", stage_line)
        lines = [stage_line]
        if rates is not None:
            source, inferred, dropped = rates
            template = (self.tr("Video %1 fps · Inference %2 fps · Dropped %3") if self._video
                        else self.tr("Camera %1 fps · Inference %2 fps · Dropped %3"))
            lines.append(_unbroken(template).replace("%1", f"{source:.1f}").replace("%2", f"{inferred:.1f}")
                         .replace("%3", str(dropped)))
            lines.append(
                _unbroken(self.tr("Frame to result: p50 %1 ms · p95 %2 ms")).replace("%1", f"{total[0]:.0f}")
                .replace("%2", f"{total[1]:.0f}")
            )
        return lines


_IDEOGRAPH = "[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"  # CJK: scripts that break between any two


@functools.lru_cache(maxsize=32)  # a few templates, laid out 4 times a second; compiled on first use (4 ms)
def _unbroken(template: str) -> str:
    """A read-out line that wraps only between its items: a value stays with its name and unit
    (also a Chinese counter word: "捨棄 %3 個影格"), and no line starts with the "·" between items."""
    template = re.sub(r"(%\d) ", "\\1\u00a0", re.sub(r" (%\d)", "\u00a0\\1", template))
    for loose in (" ms", " fps", " ·"):
        template = template.replace(loose, "\u00a0" + loose[1:])
    # Chinese may break between any two ideographs ("後處" | "理"): a word joiner forbids it.
    return re.sub(f"(?<={_IDEOGRAPH})(?={_IDEOGRAPH})", "\u2060", template)

