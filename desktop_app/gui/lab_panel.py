"""The pitfalls lab's view: the model's own ranking above, the pitfall's below, what the model saw.

A passive view on the GUI thread: it shows what it is given (``show_result``) and reports what the
user picks (``pitfall_chosen``, ``raw_toggled``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from ..core.lab import LabResult, LabSide, TensorView
from ..core.pitfalls import Pitfall
from . import pitfall_texts
from .style import set_style_property
from .topk_chart import ChartTheme, TopKChart


class TensorStrip(QWidget):
    """The fed tensor as pictures: each channel plane in grey, then the RGB they decode to."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._images: list[QImage] = []
        self._arrays: list[np.ndarray] = []  # QImages borrow these buffers
        self.labels: tuple[str, ...] = ()

    def set_view(self, view: TensorView | None, labels: tuple[str, ...]) -> None:
        self.labels = labels
        if view is None:
            self._images, self._arrays = [], []
        else:
            self._arrays = [np.ascontiguousarray(p) for p in view.planes] + [np.ascontiguousarray(view.rgb)]
            self._images = [_qimage(a) for a in self._arrays]
        self.update()

    def paintEvent(self, event) -> None:
        if not self._images:
            return
        painter = QPainter(self)
        gap = 6.0
        size = min((self.width() - gap * (len(self._images) - 1)) / len(self._images), self.height() - 18.0)
        for i, image in enumerate(self._images):
            x = i * (size + gap)
            painter.drawImage(QRectF(x, 0, size, size), image)
            if i < len(self.labels):
                painter.drawText(QRectF(x, size, size, 16), Qt.AlignmentFlag.AlignCenter, self.labels[i])
        painter.end()


class ElidingComboBox(QComboBox):
    """A combo whose chosen text ends in "…" when it does not fit: a styled combo cuts it off
    mid-letter. The list shows every title whole."""

    def paintEvent(self, event) -> None:  # GUI thread
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self._elided(option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()

    def shown_text(self) -> str:
        """The chosen text as painted."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self._elided(option)

    def _elided(self, option: QStyleOptionComboBox) -> str:
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight, field.width())


STAGE_ROWS = 3  # rows of each lab ranking on stage


class ReservedLabel(QLabel):
    """A wrapped label as tall as the tallest text it may show (``candidates``): what is laid out
    around it keeps its size as its text changes. On a 720p stage the rankings shrank for a
    three-line caption and grew back for a short one, at every click of the presenter's remote.

    ``grow_only``: also as tall as the tallest text it has shown at this width, until
    :meth:`forget_heights`. A note that names the live winner cannot list its candidates (any
    class name): without this it took two lines for "American Staffordshire terrier" and one for
    "tabby", and the rankings beside it changed size as the camera's winner changed."""

    def __init__(self, parent: QWidget | None = None, grow_only: bool = False):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # the room to spare below
        self._candidates: tuple[str, ...] = ()
        self._grow_only = grow_only
        self._tallest: dict[int, int] = {}  # width → the tallest height given for it (grow_only)

    def forget_heights(self) -> None:
        """Start growing afresh (another model, language, type size or source)."""
        if self._tallest:
            self._tallest.clear()
            self.updateGeometry()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text != self.text():
            super().setText(text)
            if self._grow_only:
                self.updateGeometry()  # a taller text may need more room; a shorter one keeps it

    def set_candidates(self, texts) -> None:
        texts = tuple(texts)
        if texts != self._candidates:
            self._candidates = texts
            self.updateGeometry()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        shown = super().heightForWidth(width)
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right() - 2 * self.margin())
        metrics, box = self.fontMetrics(), QRect(0, 0, inner, 100_000)
        tallest = max((metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, text).height()
                       for text in self._candidates), default=0)
        height = max(shown, tallest + margins.top() + margins.bottom() + 2 * self.margin())
        if self._grow_only:
            height = self._tallest[width] = max(height, self._tallest.get(width, 0))
        return height

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.forget_heights()  # heights measured in another type size
        super().changeEvent(event)


def _qimage(array: np.ndarray) -> QImage:
    h, w = array.shape[:2]
    if array.ndim == 2:
        return QImage(array.data, w, h, array.strides[0], QImage.Format.Format_Grayscale8)
    return QImage(array.data, w, h, array.strides[0], QImage.Format.Format_RGB888)


class LabPanel(QWidget):
    pitfall_chosen = Signal(str)
    raw_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("labPanel")
        self.heading = QLabel()
        self.heading.setObjectName("labHeading")
        self.pitfalls = ElidingComboBox()
        self.raw = QCheckBox()
        self.correct_title, self.wrong_title = QLabel(), ReservedLabel()
        for title in (self.correct_title, self.wrong_title):
            title.setObjectName("labSideTitle")
            title.setWordWrap(True)
        self.correct_chart, self.wrong_chart = TopKChart(), TopKChart()
        for chart in (self.correct_chart, self.wrong_chart):
            chart.least_height = 110  # two rankings and what the model sees share the sidebar
        # The notes name the live winner: they keep the tallest height they needed (see ReservedLabel)
        self.correct_note, self.wrong_note = ReservedLabel(grow_only=True), ReservedLabel(grow_only=True)
        self.caption = ReservedLabel()
        for note in (self.correct_note, self.wrong_note, self.caption):
            note.setWordWrap(True)
        self.correct_note.setObjectName("labNote")
        self.wrong_note.setObjectName("labNote")
        self.caption.setObjectName("labCaption")
        self.seen_title = QLabel()
        self.seen_title.setWordWrap(True)
        self.correct_seen, self.wrong_seen = TensorStrip(), TensorStrip()
        self._pitfalls: tuple[Pitfall, ...] = ()
        self._result: LabResult | None = None
        self._stage = False  # presenter mode: fewer rows, larger
        self._why_empty: str | None = None  # why there is no result ("unreadable", "failed"), if known
        self._layout()
        # A label's buddy is what a screen reader names the widget by: the list of pitfalls and
        # the two painted rankings (whose text it reads from their description).
        for label, widget in ((self.heading, self.pitfalls), (self.correct_title, self.correct_chart),
                              (self.wrong_title, self.wrong_chart)):
            label.setBuddy(widget)
        self.pitfalls.activated.connect(self._on_pitfall_activated)
        self.raw.toggled.connect(self._on_raw_toggled)
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.pitfalls, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.raw)
        for widget, stretch in ((self.correct_title, 0), (self.correct_chart, 1), (self.correct_note, 0),
                                (self.wrong_title, 0), (self.wrong_chart, 1), (self.wrong_note, 0),
                                (self.caption, 0), (self.seen_title, 0), (self.correct_seen, 0),
                                (self.wrong_seen, 0)):
            layout.addWidget(widget, stretch)

    # ---- what the window gives it -----------------------------------------------------------
    def set_pitfalls(self, pitfalls: tuple[Pitfall, ...], current: str | None) -> None:
        """The pitfalls this model can show; ``current`` selected."""
        self._pitfalls = pitfalls
        self.forget_note_heights()
        self.pitfalls.blockSignals(True)
        self.pitfalls.clear()
        for p in pitfalls:
            self.pitfalls.addItem(pitfall_texts.title(p), p.id)
        index = self.pitfalls.findData(current)
        self.pitfalls.setCurrentIndex(max(0, index))
        self.pitfalls.blockSignals(False)
        self._reserve()
        self._describe()  # the chosen pitfall's title and caption, before its first result

    def show_result(self, result: LabResult) -> None:
        self._result, self._why_empty = result, None
        raw = self.raw.isChecked()
        self.correct_chart.set_predictions(self._shown(result.correct, raw), raw)
        self.wrong_chart.set_predictions(self._shown(result.wrong, raw), raw)
        self._describe()

    def _shown(self, side: LabSide, raw: bool):
        rows = side.raw_top if raw else side.top
        # On stage each ranking shows its first STAGE_ROWS: with five rows each, two rankings in a
        # 720p sidebar had 10 pt names, unreadable from the back of a room. The note under each
        # says what the right class gets, in or out of those rows.
        return rows[:STAGE_ROWS] if self._stage else rows

    def clear(self, why: str | None = None) -> None:
        """No rankings; ``why`` ("unreadable": the picture could not be read, "failed": the frame
        could not be ranked) is said where the notes go, in the language of the moment (default:
        waiting for a picture or a frame, which read wrong beside a picture that is there)."""
        self._result = None
        self._why_empty = why
        self.forget_note_heights()
        self.correct_chart.set_predictions(())
        self.wrong_chart.set_predictions(())
        self.correct_seen.set_view(None, ())
        self.wrong_seen.set_view(None, ())
        self._describe()

    def set_presentation(self, theme: ChartTheme, font_scale: float, presenter: bool) -> None:
        self._stage = presenter
        for chart in (self.correct_chart, self.wrong_chart):
            chart.set_presentation(theme, font_scale)
        if self._result is not None:
            self.show_result(self._result)  # as many rows as the stage shows
        # On stage: the two rankings and the caption, large. The list of pitfalls steps aside too:
        # the presenter's keys choose (P, Page Up/Down), and the title above the second ranking
        # names the pitfall whole, where the list cut it ("Channels swapped (BG…" at 1024×768).
        for widget in (self.seen_title, self.correct_seen, self.wrong_seen, self.raw, self.heading, self.pitfalls):
            widget.setVisible(not presenter)

    @property
    def result(self) -> LabResult | None:
        return self._result

    # ---- text ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Pitfalls lab"))
        self.raw.setText(self.tr("Show raw logits instead of probabilities"))
        self.correct_title.setText(self.tr("The model's own preprocessing"))
        self.seen_title.setText(self.tr("What the model sees: each channel, then the colours they make "
                                        "(above: its own preprocessing; below: the pitfall)"))
        self.correct_seen.setAccessibleName(self.tr("What the model sees with its own preprocessing"))
        self.wrong_seen.setAccessibleName(self.tr("What the model sees with the pitfall"))
        for i, p in enumerate(self._pitfalls):
            self.pitfalls.setItemText(i, pitfall_texts.title(p))
        self.forget_note_heights()
        self._reserve()
        self._describe()

    def forget_note_heights(self) -> None:
        for note in (self.correct_note, self.wrong_note):
            note.forget_heights()

    def _reserve(self) -> None:
        """Every pitfall's title and caption take the room of the longest (see ReservedLabel)."""
        self.wrong_title.set_candidates(pitfall_texts.title(p) for p in self._pitfalls)
        self.caption.set_candidates(pitfall_texts.caption(p, fits) for p in self._pitfalls for fits in (False, True))

    def _describe(self) -> None:
        result = self._result
        chosen = result.pitfall if result else self._current_pitfall()
        self.wrong_title.setText(pitfall_texts.title(chosen) if chosen else "")
        self.caption.setText(pitfall_texts.caption(chosen, result is not None and result.shape_fits) if chosen else "")
        # Chinese has no italic: a slanted ideograph is a distortion, so the caption stands upright.
        set_style_property(self.caption, "cjk", any("\u4e00" <= c <= "\u9fff" for c in self.caption.text()))
        if result is None:
            why = {"unreadable": self.tr("This picture could not be read"),
                   "failed": self.tr("This frame could not be ranked")}.get(self._why_empty or "")
            self.correct_note.setText(why or self.tr("Waiting for a picture or a camera frame"))
            self.wrong_note.setText("")
            return
        name = result.winner.label
        self.correct_note.setText(self.tr("%1 gets %2").replace("%1", name)
                                  .replace("%2", _percent(result.correct.winner_probability)))
        # A pitfall does not always hurt: with a stretch or a letterbox a square picture only loses
        # the centre crop's zoom, and some pictures even score higher; said so, not left to the caption.
        right, wrong = result.correct.winner_probability, result.wrong.winner_probability
        same = self.tr("%1 gets %2 here too: no change for this picture")
        more = self.tr("%1 gets %2 here: more, for this picture")
        less = self.tr("%1 gets %2 here")
        # Without softmax the "probability" is a raw score: 931.9% was said to be "more".
        score = self.tr("%1 shows as %2 here: a raw score, not a probability")
        same, more, less, score = (text.replace("%1", name).replace("%2", _percent(wrong))
                                   for text in (same, more, less, score))
        self.wrong_note.set_candidates((same, more, less, score))
        if result.pitfall.id == "no-softmax":
            self.wrong_note.setText(score)
        else:
            self.wrong_note.setText(same if abs(wrong - right) < 0.0005 else more if wrong > right else less)
        for strip, view in ((self.correct_seen, result.correct.view), (self.wrong_seen, result.wrong.view)):
            strip.set_view(view, (*view.names, self.tr("colours")) if view else ())

    def _current_pitfall(self) -> Pitfall | None:
        index = self.pitfalls.currentIndex()
        return self._pitfalls[index] if 0 <= index < len(self._pitfalls) else None

    def _on_pitfall_activated(self, index: int) -> None:
        if 0 <= index < len(self._pitfalls):
            self.pitfall_chosen.emit(self._pitfalls[index].id)

    def _on_raw_toggled(self, raw: bool) -> None:
        if self._result is not None:
            self.show_result(self._result)
        self.raw_toggled.emit(raw)


def _percent(value: float) -> str:
    return f"{value * 100:.2f}%" if abs(value) < 0.01 else f"{value * 100:.1f}%"  # not "0.1%" twice over
