"""Ranked top-k bars: readable names, percentages, the winner emphasised, animated smoothly.

Text is laid out when a result arrives or the widget resizes; ``paintEvent`` only draws.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.postprocess import Prediction

ANIMATION_MS = 16
EASING = 0.3  # share of the remaining distance covered per animation tick
MIN_BAR = 8.0  # px: the thinnest bar still reads as a bar
# On stage the type shrinks until a name this long and its value fit the width. A fixed name, not
# the names shown: live, those change every frame, and the type would pulse with them.
WIDTH_REFERENCE = "golden retriever"


@dataclass
class _Row:
    key: str
    label: str  # elided to fit
    percent: str
    target: float
    shown: float
    label_rect: QRectF
    percent_rect: QRectF
    track: QRectF


@dataclass(frozen=True)
class ChartTheme:
    text: QColor
    muted: QColor
    track: QColor
    bar: QColor
    winner: QColor
    background: QColor | None = None


LIGHT = ChartTheme(QColor("#1b1f24"), QColor("#57606a"), QColor("#e4e8ec"), QColor("#8aa4c0"), QColor("#1f6feb"))
PRESENTER = ChartTheme(QColor("#ffffff"), QColor("#d0d7de"), QColor("#2d333b"), QColor("#6e9bd1"),
                       QColor("#ffb000"), QColor("#0d1117"))


class TopKChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.least_height = 160  # with no rows: room for the waiting text
        self._predictions: tuple[Prediction, ...] = ()
        self._raw = False  # values are raw scores (logits), not probabilities
        self._rows: list[_Row] = []
        self._shown: dict[str, float] = {}
        self.theme = LIGHT
        self.font_scale = 1.0
        self.empty_text = ""
        self._base_font, self._winner_font = self._fonts(1.0)
        self._timer = QTimer(self)
        self._timer.setInterval(ANIMATION_MS)
        self._timer.timeout.connect(self._step)

    @property
    def predictions(self) -> tuple[Prediction, ...]:
        return self._predictions

    def set_predictions(self, predictions: tuple[Prediction, ...], raw: bool = False) -> None:
        """GUI thread, on each result: lay out rows; bars then glide to their new lengths.

        ``raw``: the values are raw scores (logits), shown as numbers with bars relative to the
        largest; otherwise probabilities, shown as percentages.
        """
        rows_before = len(self._predictions)
        self._predictions = tuple(predictions)
        self._raw = raw
        if len(self._predictions) != rows_before:
            self.updateGeometry()  # the least height depends on the number of rows
        self._layout(animate=True)
        if self._rows:
            self._timer.start()
        self.describe()
        self.update()

    def describe(self) -> None:
        """What a screen reader (or UI automation) reads: the ranking as text, since the bars are
        painted. Names whole, not elided; set only when it changes (a live view repeats itself)."""
        flat = self._flat()
        text = "; ".join(f"{p.label} {_value(p.probability, self._raw, flat)}" for p in self._predictions)
        text = text or self.empty_text
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)

    def _flat(self) -> bool:
        return bool(self._predictions) and max(p.probability for p in self._predictions) < 0.01

    def set_presentation(self, theme: ChartTheme, font_scale: float) -> None:
        self.theme, self.font_scale = theme, font_scale
        self._layout(animate=False)
        self.updateGeometry()
        self.update()

    @property
    def winner_point_size(self) -> float:
        """The top row's type size as last laid out (it shrinks to fit a small stage)."""
        return self._winner_font.pointSizeF()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Every row at its least height and the least font scale: a layout short of room scrolls
        or grows, so rows never overlap."""
        rows, scale = max(1, len(self._predictions)), self._least_scale()
        height = 2 * 8 * scale + rows * self._row_floor(self._fonts(scale)[1], scale)
        return QSize(120, max(self.least_height, int(height) + 1))

    def _least_scale(self) -> float:
        return min(1.0, self.font_scale)  # a large (presenter) scale may shrink to the normal size

    def _fitting_scale(self, count: int) -> float:
        """The requested font scale, or less (down to the least) when ``count`` rows would not fit
        the height at it, or a usual name (:data:`WIDTH_REFERENCE`) the width: on stage every row
        stays in view and names stay whole, as large as the room allows."""
        least = self._least_scale()
        if self.font_scale <= least:
            return self.font_scale
        winner = self._fonts(1.0)[1]
        metrics = QFontMetrics(winner)
        needed_h = count * self._row_floor(winner, 1.0) + 2 * 8
        needed_w = metrics.horizontalAdvance(WIDTH_REFERENCE) + 8 + metrics.horizontalAdvance("100.0%") + 4 + 2 * 8
        return max(least, min(self.font_scale, 0.95 * self.height() / needed_h, 0.97 * self.width() / needed_w))

    @staticmethod
    def _row_floor(winner: QFont, scale: float) -> float:
        """The least height of a row: the winner's name, a 3 px gap, the thinnest bar, a gap."""
        return QFontMetrics(winner).height() + 3 + MIN_BAR + 4 * scale

    def resizeEvent(self, event) -> None:
        self._layout(animate=False)
        super().resizeEvent(event)

    def _fonts(self, scale: float) -> tuple[QFont, QFont]:
        base = QFont(self.font())
        base.setPointSizeF(max(6.0, base.pointSizeF() * scale * 1.15))
        winner = QFont(base)
        winner.setBold(True)
        winner.setPointSizeF(base.pointSizeF() * 1.15)
        return base, winner

    def _layout(self, animate: bool) -> None:
        rows = []
        count = max(1, len(self._predictions))
        scale = self._fitting_scale(count)
        margin = 8 * scale
        base, winner = self._base_font, self._winner_font = self._fonts(scale)
        peak = max((abs(p.probability) for p in self._predictions), default=1.0) or 1.0
        flat = self._flat()
        # Rows share the height, but never spread further apart than reads as one list, and never
        # closer than a row needs (a layout gives at least minimumSizeHint).
        compact = QFontMetrics(winner).height() * 2.9
        slot = max(self._row_floor(winner, scale), min((self.height() - 2 * margin) / count, compact))
        for rank, p in enumerate(self._predictions):
            font = winner if rank == 0 else base
            metrics = QFontMetrics(font)
            top = margin + rank * slot
            text_h = metrics.height()
            bar_h = min(max(MIN_BAR, slot - text_h - 10 * scale), 28 * scale)
            percent = _value(p.probability, self._raw, flat)
            # Raw scores, or "probabilities" over 100 % (softmax missing: every bar was full), are
            # drawn relative to the largest, so that the bars still differ as the numbers do.
            target = max(0.0, p.probability / peak) if self._raw or peak > 1 else p.probability
            # As wide as this row's value needs ("1135.3%" when softmax is missing, "-12.41" as a
            # raw logit), and at least "100.0%" so that the names line up while values change.
            percent_w = max(metrics.horizontalAdvance(text) for text in ("100.0%", percent)) + 4
            width = self.width() - 2 * margin
            label_w = max(10, int(width - percent_w - 8))
            key = f"{p.index}"
            previous = self._shown.get(key, 0.0) if animate else target
            rows.append(_Row(
                key=key,
                label=metrics.elidedText(p.label, Qt.TextElideMode.ElideRight, label_w),
                percent=percent,
                target=target,
                shown=previous,
                label_rect=QRectF(margin, top, label_w, text_h),
                percent_rect=QRectF(margin + width - percent_w, top, percent_w, text_h),
                track=QRectF(margin, top + text_h + 3, width, bar_h),
            ))
        self._rows = rows
        self._shown = {row.key: row.shown for row in rows}

    def _step(self) -> None:
        moving = False
        for row in self._rows:
            gap = row.target - row.shown
            if abs(gap) > 0.002:
                row.shown += gap * EASING
                moving = True
            else:
                row.shown = row.target
            self._shown[row.key] = row.shown
        if not moving:
            self._timer.stop()
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme = self.theme
        if theme.background is not None:
            painter.fillRect(self.rect(), theme.background)
        base, winner = self._base_font, self._winner_font
        if not self._rows:
            painter.setPen(theme.muted)
            painter.setFont(base)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
        for rank, row in enumerate(self._rows):
            painter.setFont(winner if rank == 0 else base)
            painter.setPen(theme.text if rank == 0 else theme.muted)
            # Unclipped: a name that mixes Latin and Chinese takes the CJK font's taller line, and
            # clipped to the Latin font's height its descenders were cut ("grey 灰色" read "qrev").
            left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
            middle, unclipped = Qt.AlignmentFlag.AlignVCenter, Qt.TextFlag.TextDontClip
            painter.drawText(row.label_rect, left | middle | unclipped, row.label)
            painter.drawText(row.percent_rect, right | middle | unclipped, row.percent)
            radius = row.track.height() / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.track)
            painter.drawRoundedRect(row.track, radius, radius)
            fill = QRectF(row.track)
            fill.setWidth(max(2.0, row.track.width() * min(1.0, row.shown)))  # 0.2% stays a sliver
            fill_radius = min(radius, fill.width() / 2)
            painter.setBrush(theme.winner if rank == 0 else theme.bar)
            painter.drawRoundedRect(fill, fill_radius, radius)
        painter.end()


def _value(probability: float, raw: bool, flat: bool = False) -> str:
    """As a row shows it. ``flat``: every value is under 1 % (softmax applied twice), where one
    decimal read "0.1%" on every row and hid the order the rows are in."""
    if raw:
        return f"{probability:.2f}"
    return f"{probability * 100:.2f}%" if flat else f"{probability * 100:.1f}%"
