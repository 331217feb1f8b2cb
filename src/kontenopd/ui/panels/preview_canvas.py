"""The canvas of the live preview (:class:`PreviewCanvas`): the rendered card scaled to
fit, the Instagram grid and story safe-zone guides, the focal point marker and the outlines
of the fields a warning names (:class:`FieldMark`); mouse actions reported in format
pixels. The panel around it is :mod:`kontenopd.ui.panels.preview`."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.render import Block, RenderWarning
from ..style import error_color, small_font, warning_color

STORY_TOP, STORY_BOTTOM = 250, 340  # px of 1920 to keep free of text in stories
MARK_PAD = 4  # widget px between a block's ink box and its outline
MARK_PEN = 3  # widget px, the outline's width


@dataclass(frozen=True)
class FieldMark:
    """One block of a field that needs attention, in full-size format pixels."""

    field: str
    box: tuple[int, int, int, int]  # x0, y0, x1, y1
    blocking: bool


def field_marks(warnings: list[RenderWarning], blocks: list[Block]) -> list[FieldMark]:
    """The drawn blocks of every field a warning names; blocking if any of that field's
    warnings is. Blocks left out whole (``dropped``, no ink box) have nothing to outline."""
    blocking: dict[str, bool] = {}
    for w in warnings:
        if w.field:
            blocking[w.field] = blocking.get(w.field, False) or w.blocking
    return [FieldMark(b.field, b.box, blocking[b.field]) for b in blocks
            if b.field in blocking and not b.dropped
            and b.box[2] > b.box[0] and b.box[3] > b.box[1]]


class PreviewCanvas(QWidget):
    """Paints the rendered card scaled to fit, with the guides; reports mouse actions in
    format pixels."""

    pressed = Signal(float, float)
    dragged = Signal(float, float)  # current point
    released = Signal(float, float, bool)  # point, moved (drag) or not (click)
    hovered = Signal(float, float)
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.format_size = QSize(1080, 1350)
        self.show_grid = True
        self.show_safe = True
        self.is_story = False
        self.frames: list[tuple[QRectF, bool]] = []  # photo frames (format px), filled?
        self.marker: QPointF | None = None  # focal point being edited (format px)
        self.marks: list[FieldMark] = []  # fields needing attention, outlined on the card
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._press: QPointF | None = None
        self._moved = False

    def set_image(self, image: QImage, format_size: QSize,
                  marks: list[FieldMark] | None = None) -> None:
        self.image = image
        self.format_size = format_size
        self.marks = list(marks or [])
        self.update()

    def mark_rect(self, mark: FieldMark) -> QRectF:
        """A mark's outline in widget px: its box scaled to the card, MARK_PAD outside the
        ink, kept on the card."""
        target = self.target_rect()
        s = target.width() / self.format_size.width()
        x0, y0, x1, y1 = mark.box
        rect = QRectF(round(target.left() + x0 * s) - MARK_PAD,
                      round(target.top() + y0 * s) - MARK_PAD,
                      round((x1 - x0) * s) + 2 * MARK_PAD, round((y1 - y0) * s) + 2 * MARK_PAD)
        inner = MARK_PEN / 2 + 1
        return rect.intersected(target.adjusted(inner, inner, -inner, -inner))

    def mark_at(self, x: float, y: float) -> FieldMark | None:
        """The outlined block under a point (format px, as the mouse signals give it); a
        blocking one first."""
        pos = self._from_format(x, y)
        hits = [m for m in self.marks
                if self.mark_rect(m).adjusted(-MARK_PEN, -MARK_PEN, MARK_PEN, MARK_PEN)
                .contains(pos)]
        hits.sort(key=lambda m: not m.blocking)
        return hits[0] if hits else None

    def _paint_marks(self, p: QPainter) -> None:
        halo = QPen(QColor(255, 255, 255, 190), MARK_PEN + 2)
        for blocking in (False, True):  # red drawn last, on top
            color = QColor(error_color(self) if blocking else warning_color(self))
            for mark in self.marks:
                if mark.blocking is blocking:
                    rect = self.mark_rect(mark)
                    p.setPen(halo)
                    p.drawRoundedRect(rect, 3, 3)
                    p.setPen(QPen(color, MARK_PEN))
                    p.drawRoundedRect(rect, 3, 3)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def target_rect(self) -> QRectF:
        margin = 16
        avail = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        fw, fh = self.format_size.width(), self.format_size.height()
        scale = min(avail.width() / fw, avail.height() / fh)
        w, h = fw * scale, fh * scale
        return QRectF(avail.center().x() - w / 2, avail.center().y() - h / 2, w, h)

    def to_format(self, pos: QPointF) -> tuple[float, float] | None:
        target = self.target_rect()
        if not target.contains(pos):
            return None
        s = self.format_size.width() / target.width()
        return ((pos.x() - target.left()) * s, (pos.y() - target.top()) * s)

    def _from_format(self, x: float, y: float) -> QPointF:
        target = self.target_rect()
        s = target.width() / self.format_size.width()
        return QPointF(target.left() + x * s, target.top() + y * s)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = self.target_rect()
        p.fillRect(target.translated(0, 3), QColor(0, 0, 0, 40))
        if not self.image.isNull():
            p.drawImage(target, self.image)
        else:
            p.fillRect(target, QColor(128, 128, 128, 50))
        fw, fh = self.format_size.width(), self.format_size.height()
        s = target.width() / fw
        if self.show_grid:
            self._paint_grid(p, target, fw, fh)
        if self.show_safe and self.is_story:
            shade = QColor(220, 38, 38, 70)
            top = QRectF(target.left(), target.top(), target.width(), STORY_TOP * s)
            bottom = QRectF(target.left(), target.bottom() - STORY_BOTTOM * s, target.width(),
                            STORY_BOTTOM * s)
            for band in (top, bottom):
                p.fillRect(band, shade)
                p.setPen(QPen(QColor(255, 255, 255, 220), 1, Qt.PenStyle.DashLine))
                p.drawRect(band)
            p.setPen(QColor(255, 255, 255))
            p.setFont(small_font(self))
            p.drawText(top.adjusted(6, 4, -6, -4), Qt.AlignmentFlag.AlignLeft,
                       self.tr("Zona aman story: jangan taruh teks di sini"))
        if self.marks and not self.image.isNull():
            self._paint_marks(p)
        if self.marker is not None:
            c = self._from_format(self.marker.x(), self.marker.y())
            p.setPen(QPen(QColor(0, 0, 0, 160), 4))
            p.drawEllipse(c, 9, 9)
            p.setPen(QPen(QColor(255, 255, 255), 2))
            p.drawEllipse(c, 9, 9)
            p.drawLine(c + QPointF(-14, 0), c + QPointF(-5, 0))
            p.drawLine(c + QPointF(5, 0), c + QPointF(14, 0))
            p.drawLine(c + QPointF(0, -14), c + QPointF(0, -5))
            p.drawLine(c + QPointF(0, 5), c + QPointF(0, 14))
        p.end()

    def _paint_grid(self, p: QPainter, target: QRectF, fw: int, fh: int) -> None:
        if abs(fw / fh - 0.75) < 0.005:
            return
        s = target.width() / fw
        if fw / fh > 0.75:
            cw = fh * 0.75
            crop = QRectF(target.left() + (fw - cw) / 2 * s, target.top(), cw * s, target.height())
        else:
            ch = fw / 0.75
            crop = QRectF(target.left(), target.top() + (fh - ch) / 2 * s, target.width(), ch * s)
        dim = QColor(0, 0, 0, 90)
        for part in (QRectF(target.left(), target.top(), crop.left() - target.left(),
                            target.height()),
                     QRectF(crop.right(), target.top(), target.right() - crop.right(),
                            target.height()),
                     QRectF(target.left(), target.top(), target.width(),
                            crop.top() - target.top()),
                     QRectF(target.left(), crop.bottom(), target.width(),
                            target.bottom() - crop.bottom())):
            if part.width() > 0.5 and part.height() > 0.5:
                p.fillRect(part, dim)
        p.setPen(QPen(QColor(255, 255, 255, 230), 1, Qt.PenStyle.DashLine))
        p.drawRect(crop)

    # ------------------------------------------------------------ mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = self.to_format(event.position())
        if event.button() == Qt.MouseButton.LeftButton and point is not None:
            self._press = event.position()
            self._moved = False
            self.pressed.emit(*point)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        target = self.target_rect()
        s = self.format_size.width() / max(1.0, target.width())
        x = (event.position().x() - target.left()) * s
        y = (event.position().y() - target.top()) * s
        if self._press is not None:
            if (event.position() - self._press).manhattanLength() > 4:
                self._moved = True
            if self._moved:
                self.dragged.emit(x, y)
        else:
            self.hovered.emit(x, y)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.button() == Qt.MouseButton.LeftButton:
            target = self.target_rect()
            s = self.format_size.width() / max(1.0, target.width())
            x = (event.position().x() - target.left()) * s
            y = (event.position().y() - target.top()) * s
            self._press = None
            self.released.emit(x, y, self._moved)
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._press is None and self.marker is not None:
            self.marker = None
            self.update()
        super().leaveEvent(event)
