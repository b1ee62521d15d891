"""The current picture or live frame, letterboxed in the view, optionally mirrored."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.display import SCREEN_ORDER
from ..core.startup import mark
from .messages import wrappable

_FORMATS = {"bgr": QImage.Format.Format_BGR888, "rgb": QImage.Format.Format_RGB888,
            SCREEN_ORDER: QImage.Format.Format_RGB32}
REGION_COLOUR = QColor(255, 200, 0, 230)
DASH, GAP, LINE_WIDTH = 8.0, 6.0, 2.0
STAGE_BADGE_LINES = 40  # on stage the badge's type is at least the view's height / this, in points


def dash_rects(rect: QRectF, dash: float = DASH, gap: float = GAP, width: float = LINE_WIDTH) -> list[QRectF]:
    """A dashed outline of ``rect`` as small filled rectangles, computed once per layout: filling
    them costs a tenth of a dashed pen's stroke, which the raster engine recomputes every frame."""
    corners = [(rect.left(), rect.top()), (rect.right(), rect.top()), (rect.right(), rect.bottom()),
               (rect.left(), rect.bottom())]
    out = []
    for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1], strict=True):
        length = abs(x1 - x0) + abs(y1 - y0)  # edges are axis-aligned
        if length == 0:
            continue
        dx, dy = (x1 - x0) / length, (y1 - y0) / length
        start = 0.0
        while start < length:
            end = min(length, start + dash)
            ax, ay, bx, by = x0 + dx * start, y0 + dy * start, x0 + dx * end, y0 + dy * end
            out.append(QRectF(min(ax, bx) - width / 2, min(ay, by) - width / 2,
                              abs(bx - ax) + width, abs(by - ay) + width))
            start = end + gap
    return out


def to_qimage(image: np.ndarray, pixel_order: str) -> QImage:
    """A QImage over the array's memory (no copy). The caller keeps the array alive: ours are
    read-only frames held by the view for as long as the QImage is."""
    h, w = image.shape[:2]
    return QImage(image.data, w, h, image.strides[0], _FORMATS[pixel_order])


class FrameView(QWidget):
    """Paints one image; geometry is computed when the image or size changes, not in paint."""

    resized = Signal(QSize)
    badge_changed = Signal()  # a view covering this one paints the badge too (paint_badge)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 200)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # A click on the picture takes the focus from a list or box, so the one-key shortcuts act
        # again (a focused control keeps the keys it uses: see key_guard).
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._array: np.ndarray | None = None
        self._image: QImage | None = None
        self._target = QRect()
        self._badge_rect = QRect()
        self._region: tuple[float, float, float, float] | None = None  # fractions of the image
        self._region_rect = QRectF()
        self._region_dashes: list[QRectF] = []
        self._mirrored = False
        self.placeholder = ""
        self.reason = ""  # why no picture shows, when one was meant to
        self.badge = ""  # e.g. "Frozen", drawn in a corner
        self.background = QColor("#101418")
        self.text_scale = 1.0  # the placeholder's and the badge's type: larger on stage
        self.frames_painted = 0
        self._painted_key = None
        self.image_key = None  # identifies the image shown (frame number...), to count distinct paints

    def set_image(self, image: np.ndarray | None, pixel_order: str = "bgr", key=None, reason: str = "") -> None:
        """GUI thread. Show ``image`` (kept referenced; it must not be written to afterwards).
        Without one, ``reason`` says why (a picture that could not be read), else the placeholder."""
        self.reason = reason
        before = self._image.size() if self._image is not None else None
        self._array = image
        self._image = None if image is None else to_qimage(image, pixel_order)
        self.image_key = key
        if (self._image.size() if self._image is not None else None) != before:
            self._layout()  # a live source sends one size: its geometry is computed once
        self.update()

    def set_model_region(self, region: tuple[float, float, float, float] | None) -> None:
        """The part of the picture the model sees (x, y, w, h as fractions), outlined when it is
        not the whole picture: a centre crop is a preprocessing choice the audience should see."""
        self._region = region
        self._layout()
        self.update()

    @property
    def model_region(self) -> tuple[float, float, float, float] | None:
        return self._region

    def has_image(self) -> bool:
        return self._image is not None

    @property
    def image_size(self) -> tuple[int, int] | None:
        return None if self._array is None else (self._array.shape[1], self._array.shape[0])

    def set_mirrored(self, mirrored: bool) -> None:
        self._mirrored = mirrored
        self.update()

    def set_badge(self, text: str) -> None:
        self.badge = text
        self._layout()
        self.update()
        self.badge_changed.emit()

    def resizeEvent(self, event) -> None:
        self._layout()
        self.resized.emit(event.size())
        super().resizeEvent(event)

    def _layout(self) -> None:
        metrics = QFontMetrics(self._badge_font())
        self._badge_rect = QRect(0, 0, metrics.horizontalAdvance(self.badge) + 24, metrics.height() + 12)
        self._badge_rect.moveTopRight(QPoint(self.width() - 12, 12))
        if self._image is None:
            self._target = QRect()
            return
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) // 2
        y = (self.height() - size.height()) // 2
        self._target = QRect(x, y, size.width(), size.height())
        # On the picture's corner, not the view's: on stage the view's corner lay in the dark band
        # above a wide picture, away from both the picture and the ranking.
        self._badge_rect.moveTopRight(QPoint(self._target.right() - 12, self._target.top() + 12))
        self._region_rect = QRectF()
        self._region_dashes = []
        if self._region and self._region != (0.0, 0.0, 1.0, 1.0):
            rx, ry, rw, rh = self._region
            t = self._target
            self._region_rect = QRectF(t.x() + rx * t.width(), t.y() + ry * t.height(), rw * t.width(), rh * t.height())
            self._region_dashes = dash_rects(self._region_rect)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self._image is None:
            painter.fillRect(self.rect(), self.background)
            self._paint_placeholder(painter)
        else:  # fill only around the picture: it covers the rest (a full fill cost ~0.5 ms a frame)
            for margin in self._margins():
                painter.fillRect(margin, self.background)
            self._paint_image(painter)
        if self.badge:
            self.paint_badge(painter)
        painter.end()

    def _landed(self) -> QRect:
        """Where the picture is painted: its target, mirrored with the view when it is."""
        t = self._target
        return QRect(self.width() - t.x() - t.width(), t.y(), t.width(), t.height()) if self._mirrored else t

    def _margins(self) -> list[QRect]:
        """The view around the painted picture: above, below, left and right of it."""
        w, h, p = self.width(), self.height(), self._landed()
        sides = [QRect(0, 0, w, p.top()), QRect(0, p.bottom() + 1, w, h - p.bottom() - 1),
                 QRect(0, p.top(), p.left(), p.height()), QRect(p.right() + 1, p.top(), w - p.right() - 1, p.height())]
        return [side for side in sides if not side.isEmpty()]

    def _paint_image(self, painter: QPainter) -> None:
        assert self._image is not None  # paintEvent paints an image only when there is one
        if self._image.size() != self._target.size():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._mirrored:
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        painter.drawImage(self._target, self._image)
        if self._region_dashes:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(REGION_COLOUR)
            painter.drawRects(self._region_dashes)
        painter.resetTransform()
        if self.image_key != self._painted_key:
            self._painted_key = self.image_key
            self.frames_painted += 1
            mark("first_paint")

    def _paint_placeholder(self, painter: QPainter) -> None:
        painter.setPen(QColor("#9aa5b1"))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3 * self.text_scale)
        painter.setFont(font)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(self.rect().adjusted(24, 24, -24, -24), flags, wrappable(self.reason or self.placeholder))

    def set_text_scale(self, scale: float) -> None:
        self.text_scale = scale
        self._layout()
        self.update()

    def _badge_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        size = font.pointSizeF() * self.text_scale
        if self.text_scale > 1:  # on stage: also in step with the screen (14 pt read small at 1080p)
            size = max(size, self.height() / STAGE_BADGE_LINES)
        font.setPointSizeF(size)
        return font

    def paint_badge(self, painter: QPainter, corner: bool = False) -> None:
        """The badge ("Frozen") on the picture's top right corner; ``corner``: on this view's own
        top right corner instead, for a view that covers this one and draws elsewhere (V's titles
        lay under the picture's corner)."""
        rect = QRect(self._badge_rect)
        if corner:
            rect.moveTopRight(QPoint(self.width() - 12, 12))
        painter.setFont(self._badge_font())
        painter.fillRect(rect, QColor(200, 40, 40, 220))
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.badge)
