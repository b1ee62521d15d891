"""What the model saw, large: the pitfalls lab's two fed tensors side by side, over the picture.

GUI thread. On a projector the lab's small strips step aside for the rankings, yet swapped colours
or the stripes of a tensor fed in the wrong memory order are what the audience should see: V puts
them where the picture is, decoded as the model's own preprocessing reads them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QWidget

from ..core.lab import TensorView
from .frame_view import FrameView, to_qimage
from .messages import wrappable

TEXT = QColor("#e8ecef")  # the view's background is dark in both looks
GAP = 24.0


class SeenView(QWidget):
    """Covers its parent (the picture's view) while shown, follows its size and paints its badge
    ("Frozen": a paused video must show that it is). Messages floating over the picture stay above."""

    def __init__(self, parent: FrameView):
        super().__init__(parent)
        self._view = parent
        parent.badge_changed.connect(self.update)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # the view's background and type scale, its own
        self._arrays: list[np.ndarray] = []  # the QImages borrow these buffers
        self._images: list[QImage] = []
        self.titles: tuple[str, ...] = ()
        self.note = ""  # under the pictures: e.g. the same input, the mistake after the model
        self.placeholder = ""
        self.hide()

    def set_views(self, views: tuple[TensorView | None, ...], titles: tuple[str, ...]) -> None:
        """The RGB each side decoded to, with its title; a side without a view is left out."""
        shown = [(view, title) for view, title in zip(views, titles, strict=True) if view is not None]
        self._arrays = [np.ascontiguousarray(view.rgb) for view, _ in shown]
        self._images = [to_qimage(a, "rgb") for a in self._arrays]
        self.titles = tuple(title for _, title in shown)
        self.update()

    def cover(self) -> None:
        """Take the whole of the parent: when shown, and whenever the parent is resized."""
        self.setGeometry(self._view.rect())

    def show_over_picture(self) -> None:
        """Shown above the picture, below the parent's other children (a floating message)."""
        self.cover()
        self.show()
        self.lower()

    def paintEvent(self, event) -> None:  # GUI thread
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._view.background)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3 * self._view.text_scale)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(TEXT)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        if not self._images:
            # "cannot be read…", as the view says it
            painter.drawText(QRectF(self.rect()), flags, wrappable(self._view.reason or self.placeholder))
            self._paint_badge(painter)
            painter.end()
            return
        count = len(self._images)
        line = painter.fontMetrics().height()
        # Two lines each: long titles wrap. The note's room is kept also without a note: the
        # tensors moved up 34 px at the pitfalls that have one, and back at the next click.
        title_h, note_h = line * 2.4, line * 2.4
        w, h = self.width(), self.height() - note_h
        # Side by side, or one above the other in a view taller than wide: whichever is larger.
        across = min((w - GAP * (count + 1)) / count, h - title_h - 3 * GAP)
        down = min(w - 2 * GAP, (h - count * title_h - (count + 2) * GAP) / count)
        stacked = down > across
        side, smooth = _shown_side(max(across, down), self._images[0].width())
        # A long title in a narrow picture wraps to more than two lines: room for all of them
        # (its first line was cut off by the picture above: "Cnanneis").
        metrics, box = painter.fontMetrics(), QRect(0, 0, max(1, int(side)), 10_000)
        titles = [_kept_whole(t) for t in self.titles]
        title_h = max([title_h] + [metrics.boundingRect(box, flags, t).height() + line * 0.4 for t in titles])
        box_w, box_h = (side, count * (title_h + side) + (count - 1) * GAP) if stacked else \
            (count * side + (count - 1) * GAP, title_h + side)
        left, top = (w - box_w) / 2, (h - box_h) / 2
        # Whole multiples unsmoothed: each of the model's pixels stays a square, stripes and colours
        # sharp. Under 2× a fraction, smoothed: even stripes, softer (see _shown_side).
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        for i, (image, title) in enumerate(zip(self._images, titles, strict=True)):
            x = left if stacked else left + i * (side + GAP)
            y = top + i * (title_h + side + GAP) if stacked else top
            painter.drawText(QRectF(x, y, side, title_h), flags, title)
            painter.drawImage(QRectF(x, y + title_h, side, side), image)
        if self.note:
            font.setBold(False)
            painter.setFont(font)
            painter.drawText(QRectF(GAP, top + box_h, w - 2 * GAP, note_h), flags, self.note)
        self._paint_badge(painter)
        painter.end()

    def _paint_badge(self, painter: QPainter) -> None:
        if self._view.badge:
            self._view.paint_badge(painter, corner=True)  # the titles lie where the picture's corner was


def _shown_side(side: float, pixels: int) -> tuple[float, bool]:
    """How large a tensor of ``pixels`` is drawn within ``side``, and whether smoothed.

    From 2× up: the largest whole multiple, unsmoothed. At ×1.52 unsmoothed, the one-pixel stripes
    of a tensor fed in the wrong memory order aliased into uneven bands. Between 1× and 2× the
    whole space, smoothed: the stripes stay even, and at 1280×720 the tensors are half as large
    again as at 1× (350 px, not 224), where a whole multiple left most of the view empty."""
    if pixels <= 0 or side < pixels:
        return max(1.0, side), True
    if side >= 2 * pixels:
        return float(pixels * int(side // pixels)), False
    return float(int(side)), True


def _kept_whole(title: str) -> str:
    """A range stays on one line: "No normalisation (0…255)" broke after the ellipsis, "(0…" above
    "255)". A word joiner after each ellipsis forbids that break."""
    return title.replace("…", "…\u2060")
