"""The focal point set on the preview: clicking a photo in its frame makes that point its
focus, dragging moves the photo in the frame (one undo step per gesture); over a field
outlined for a warning the pointer offers that field's editor instead."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPointF, Qt

from ...core import editing
from ...core.errors import KontenError
from ...core.photos.cache import cover_crop_box
from .preview_canvas import FieldMark

if TYPE_CHECKING:
    from .preview import PreviewPanel


class FocusGestures(QObject):
    """The canvas's pointer gestures for a :class:`~.preview.PreviewPanel`: hover, press,
    drag and release over a photo frame or a field outline."""

    def __init__(self, panel: PreviewPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.document = panel.document
        self.canvas = panel.canvas
        self._gesture: dict[str, Any] | None = None
        self._pressed_mark: FieldMark | None = None  # the outline a press started on
        self.canvas.pressed.connect(self._on_press)
        self.canvas.dragged.connect(self._on_drag)
        self.canvas.released.connect(self._on_release)
        self.canvas.hovered.connect(self._on_hover)

    def _frame_info(self, x: float, y: float) -> tuple[editing.FrameHit, tuple[int, int]] | None:
        doc = self.document
        if self.panel.slide:  # the frames are those of the first slide; inner slides are views
            return None
        hit = editing.frame_at(doc.template, self.panel.format, doc.draft, x, y, doc.profile)
        if hit is None:
            return None
        ref = doc.photos(hit.field)[hit.index]
        try:
            info = self.panel.cache.info(ref.path)
        except KontenError:
            return None
        return hit, (info.width, info.height)

    def _marker_for(self, hit: editing.FrameHit, src: tuple[int, int]) -> QPointF:
        ref = self.document.photos(hit.field)[hit.index]
        focus = ref.focus
        bx, by, bw, bh = hit.box
        x0, y0, x1, y1 = cover_crop_box(src, (bw, bh), focus, ref.anchor)
        fx = (focus[0] * src[0] - x0) / (x1 - x0)
        fy = (focus[1] * src[1] - y0) / (y1 - y0)
        return QPointF(bx + fx * bw, by + fy * bh)

    def _on_hover(self, x: float, y: float) -> None:
        mark = self.canvas.mark_at(x, y)
        if mark is not None:  # an outlined field: a click goes to its editor
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
            self.canvas.setToolTip(self.panel.mark_tip(mark))
            if self.canvas.marker is not None:
                self.canvas.marker = None
                self.canvas.update()
            return
        info = self._frame_info(x, y)
        if info is None:
            self.canvas.unsetCursor()
            self.canvas.setToolTip("")
            if self.canvas.marker is not None:
                self.canvas.marker = None
                self.canvas.update()
            return
        self.canvas.setCursor(Qt.CursorShape.OpenHandCursor)
        self.canvas.setToolTip(self.tr("Klik untuk menjadikan titik ini titik fokus foto; seret "
                                       "untuk menggeser foto di dalam bingkainya."))
        self.canvas.marker = self._marker_for(*info)
        self.canvas.update()

    def _on_press(self, x: float, y: float) -> None:
        # On an outline a click focuses its field; a drag still moves the photo under it.
        self._pressed_mark = self.canvas.mark_at(x, y)
        info = self._frame_info(x, y)
        if info is None:
            self._gesture = None
            return
        hit, src = info
        ref = self.document.photos(hit.field)[hit.index]
        self._gesture = {"hit": hit, "src": src, "x": x, "y": y, "focus": ref.focus,
                         "anchor": ref.anchor, "id": self.document.begin_gesture()}
        self.canvas.setCursor(Qt.CursorShape.ClosedHandCursor)

    def focus_text(self, hit: editing.FrameHit) -> str:
        label = self.document.template.field(hit.field).label
        return self.tr("Geser titik fokus '{label}'").format(label=label)

    def _on_drag(self, x: float, y: float) -> None:
        g = self._gesture
        if g is None:
            return
        hit: editing.FrameHit = g["hit"]
        frame = (hit.box[2], hit.box[3])
        focus = editing.focus_after_drag(g["src"], frame, g["focus"], x - g["x"], y - g["y"],
                                         g["anchor"])
        self.document.set_focus(hit.field, hit.index, focus, self.focus_text(hit), g["id"])
        self.canvas.marker = self._marker_for(hit, g["src"])

    def _on_release(self, x: float, y: float, moved: bool) -> None:
        g, self._gesture = self._gesture, None
        mark, self._pressed_mark = self._pressed_mark, None
        if mark is not None and not moved:
            if g is not None:
                self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
            self.panel.activate_mark(mark)
            return
        if g is None:
            return
        self.canvas.setCursor(Qt.CursorShape.OpenHandCursor)
        hit: editing.FrameHit = g["hit"]
        if not moved:  # a click: the photo point under the pointer, the crop unchanged
            bx, by, bw, bh = hit.box
            focus, anchor = editing.focus_at_point(g["src"], (bw, bh), g["focus"], g["anchor"],
                                                   (g["x"] - bx) / bw, (g["y"] - by) / bh)
            self.document.set_focus(hit.field, hit.index, focus, self.focus_text(hit),
                                    anchor=anchor)
            self.panel.status.emit(self.tr("Titik fokus foto dipindahkan. Ctrl+Z untuk "
                                           "membatalkan."))
        self.canvas.marker = self._marker_for(hit, g["src"])
        self.canvas.update()

