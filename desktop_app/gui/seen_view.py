"""What the model saw, large: the pitfalls lab's two fed tensors side by side, over the picture.

GUI thread. On a projector the lab's small strips step aside for the rankings, yet swapped colours
or the stripes of a tensor fed in the wrong memory order are what the audience should see: V puts
them where the picture is, decoded as the model's own preprocessing reads them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QWidget

from ..core.lab import TensorView

TEXT = QColor("#e8ecef")  # the view's background is dark in both looks
GAP = 24.0


class SeenView(QWidget):
    """Covers its parent (the picture's view) while shown; follows its size."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.background = QColor("#101418")
        self.text_scale = 1.0
        self._arrays: list[np.ndarray] = []  # the QImages borrow these buffers
        self._images: list[QImage] = []
        self.titles: tuple[str, ...] = ()
        self.placeholder = ""
        self.hide()

    def set_views(self, views: tuple[TensorView | None, ...], titles: tuple[str, ...]) -> None:
        """The RGB each side decoded to, with its title; a side without a view is left out."""
        shown = [(view, title) for view, title in zip(views, titles, strict=True) if view is not None]
        self._arrays = [np.ascontiguousarray(view.rgb) for view, _ in shown]
        self._images = [QImage(a.data, a.shape[1], a.shape[0], a.strides[0], QImage.Format.Format_RGB888)
                        for a in self._arrays]
        self.titles = tuple(title for _, title in shown)
        self.update()

    def cover(self) -> None:
        """Take the whole of the parent: when shown, and whenever the parent is resized."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def paintEvent(self, event) -> None:  # GUI thread
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.background)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3 * self.text_scale)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(TEXT)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        if not self._images:
            painter.drawText(QRectF(self.rect()), flags, self.placeholder)
            painter.end()
            return
        count = len(self._images)
        title_h = painter.fontMetrics().height() * 2.4  # two lines: a long pitfall title wraps
        side = min((self.width() - GAP * (count + 1)) / count, self.height() - title_h - 3 * GAP)
        side = max(1.0, side)
        left = (self.width() - count * side - (count - 1) * GAP) / 2
        top = (self.height() - side - title_h) / 2
        # No smoothing: each of the model's pixels stays a square, so stripes and colours stay sharp.
        for i, (image, title) in enumerate(zip(self._images, self.titles, strict=True)):
            x = left + i * (side + GAP)
            painter.drawText(QRectF(x, top, side, title_h), flags, title)
            painter.drawImage(QRectF(x, top + title_h, side, side), image)
        painter.end()
