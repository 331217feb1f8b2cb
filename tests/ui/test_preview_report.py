"""The preview points at the field that needs attention: the layout report comes back with
the image, the blocks of a field with a blocking error are outlined in red (amber for a
warning) on the scaled card, the outline goes when the text is fixed, and a click on it, or
on the line in the warnings list, focuses that field's editor."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from kontenopd.core.render import Block, RenderWarning, render
from kontenopd.ui.panels.preview_canvas import MARK_PAD, FieldMark, field_marks
from kontenopd.ui.style import error_color, warning_color

from .test_export_gui import set_title

LONG = ("Sosialisasi Program Keluarga Harapan bagi Warga Kecamatan Sukamaju " * 8)[:500]
MEDIUM = ("Sosialisasi Program Keluarga Harapan bagi Warga Kecamatan " * 3)[:150]


def settle(qtbot) -> None:
    qtbot.wait(20)
    QApplication.processEvents()


def title_box(window) -> tuple[int, int, int, int]:
    """The title's box (full-size px) in the layout report of a render at the preview's own
    scale: a reduced render may wrap a line differently from the full-size one."""
    doc, preview = window.document, window.preview
    result = render(doc.template, preview.format, doc.draft, doc.profile,
                    scale=preview.preview_scale(), preview=True, slide=preview.slide)
    (block,) = [b for b in result.blocks if b.field == "judul"]
    return block.box


def outline_points(window, box) -> list[QPointF]:
    """Widget points on the outline: MARK_PAD outside the box's left and top edges, scaled
    to the card the canvas shows."""
    canvas = window.preview.canvas
    target = canvas.target_rect()
    s = target.width() / canvas.format_size.width()
    x0, y0, x1, y1 = (target.left() + box[0] * s, target.top() + box[1] * s,
                      target.left() + box[2] * s, target.top() + box[3] * s)
    left, top = round(x0) - MARK_PAD, round(y0) - MARK_PAD
    return ([QPointF(left, y0 + (y1 - y0) * f) for f in (0.25, 0.5, 0.75)]
            + [QPointF(x0 + (x1 - x0) * f, top) for f in (0.25, 0.5, 0.75)])


def near(image: QImage, point: QPointF, color: QColor, tolerance: int = 45) -> bool:
    """Whether a pixel within 1 px of ``point`` has ``color`` (anti-aliased edges)."""
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            c = image.pixelColor(round(point.x()) + dx, round(point.y()) + dy)
            if all(abs(a - b) <= tolerance for a, b in
                   ((c.red(), color.red()), (c.green(), color.green()),
                    (c.blue(), color.blue()))):
                return True
    return False


def grabbed(window) -> QImage:
    image = window.preview.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert image.devicePixelRatio() == 1.0
    return image


def test_field_marks_follow_the_warnings_of_each_field() -> None:
    blocks = [Block("text", (10, 10, 100, 40), "judul"), Block("text", (10, 50, 90, 60), "lokasi"),
              Block("text", (10, 70, 10, 70), "ringkasan", dropped=True),
              Block("footer", (0, 90, 100, 99))]
    warnings = [RenderWarning("length", "panjang", "judul"),
                RenderWarning("overflow", "terpotong", "judul"),
                RenderWarning("contrast", "kontras", "lokasi"),
                RenderWarning("dropped", "dilewati", "ringkasan"),
                RenderWarning("zone", "di luar", None)]
    assert field_marks(warnings, blocks) == [FieldMark("judul", (10, 10, 100, 40), True),
                                             FieldMark("lokasi", (10, 50, 90, 60), False)]
    assert field_marks([], blocks) == []


def test_a_too_long_title_is_outlined_red_until_it_is_shortened(window, qtbot):
    preview = window.preview
    canvas = preview.canvas
    window.fill_sample()
    settle(qtbot)
    assert canvas.marks == []
    set_title(window, LONG)
    settle(qtbot)
    assert any(w.blocking and w.field == "judul" for w in preview.last_warnings)
    box = title_box(window)
    (mark,) = canvas.marks
    assert mark.field == "judul" and mark.blocking
    assert mark.box == box  # the report that came back with the image
    red = QColor(error_color(canvas))
    image = grabbed(window)
    points = outline_points(window, box)
    assert all(near(image, p, red) for p in points), [image.pixelColor(p.toPoint()).name()
                                                      for p in points]
    # inside the box, the title's own pixels are left alone
    assert not near(image, QPointF(points[4].x(), points[1].y()), red, 20)

    set_title(window, "Apel Pagi Bersama Bupati")
    settle(qtbot)
    assert not any(w.field == "judul" for w in preview.last_warnings)
    assert canvas.marks == []
    image = grabbed(window)
    assert not any(near(image, p, red) for p in points)


def test_a_warning_without_a_blocking_error_is_outlined_amber(window, qtbot):
    canvas = window.preview.canvas
    window.fill_sample()
    set_title(window, MEDIUM)  # longer than the field's advised 120, and still fits
    settle(qtbot)
    codes = {w.code for w in window.preview.last_warnings if w.field == "judul"}
    assert "length" in codes and "overflow" not in codes
    (mark,) = canvas.marks
    assert not mark.blocking
    image = grabbed(window)
    points = outline_points(window, title_box(window))
    assert all(near(image, p, QColor(warning_color(canvas))) for p in points)
    assert not any(near(image, p, QColor(error_color(canvas)), 30) for p in points)


def test_clicking_the_outline_or_the_warning_focuses_the_field(window, qtbot):
    preview, form = window.preview, window.form
    canvas = preview.canvas
    window.fill_sample()
    set_title(window, LONG)
    settle(qtbot)
    title = form.editor("judul").edit
    other = form.editor("lokasi").edit
    other.setFocus()
    settle(qtbot)
    assert not title.hasFocus()
    (mark,) = canvas.marks
    inside = canvas.mark_rect(mark).center().toPoint()
    x, y = canvas.to_format(QPointF(inside))
    assert canvas.mark_at(x, y) == mark
    qtbot.mouseMove(canvas, inside)
    assert canvas.cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert "terlalu panjang" in canvas.toolTip()

    with qtbot.waitSignal(preview.warning_activated, timeout=1000) as signal:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=inside)
    assert signal.args == ["judul"]
    qtbot.waitUntil(title.hasFocus, timeout=1000)
    current = preview.warnings.currentItem()
    assert current is not None and current.data(Qt.ItemDataRole.UserRole) == "judul"
    assert "✖" in current.text()  # the blocking line is the one selected
    assert window.document.value("judul") == LONG  # a click changes nothing

    other.setFocus()
    settle(qtbot)
    rect = preview.warnings.visualItemRect(current)
    qtbot.mouseClick(preview.warnings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(title.hasFocus, timeout=1000)


def test_on_a_photo_a_click_on_the_outline_focuses_and_a_drag_still_moves(window, qtbot,
                                                                          photo):
    doc, preview = window.document, window.preview
    canvas = preview.canvas
    window.fill_sample()
    window.add_photos([str(photo)])
    set_title(window, LONG)
    settle(qtbot)
    (mark,) = canvas.marks
    inside = canvas.mark_rect(mark).center().toPoint()
    assert canvas.to_format(QPointF(inside)) is not None
    focus, steps = doc.photos("foto")[0].focus, doc.undo_stack.count()

    with qtbot.waitSignal(preview.warning_activated, timeout=1000) as signal:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=inside)
    assert signal.args == ["judul"]
    assert doc.photos("foto")[0].focus == focus  # the click did not move the photo
    assert doc.undo_stack.count() == steps

    with qtbot.assertNotEmitted(preview.warning_activated):
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=inside)
        for dx in range(10, 70, 10):
            qtbot.mouseMove(canvas, inside + QPoint(dx, 0))
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=inside + QPoint(60, 0))
    assert doc.photos("foto")[0].focus[0] < focus[0]  # dragged right: more of the left
    assert doc.undo_stack.count() == steps + 1
