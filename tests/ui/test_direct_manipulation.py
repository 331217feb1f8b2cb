"""Direct manipulation that does what it shows (#14 point 6): a click on a photo puts the
focal point under the pointer, app shortcuts work from a text field, and a long title is
edited on more than one line with a counter."""

from __future__ import annotations

from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication

from kontenopd.core.editing import photo_frames
from kontenopd.core.photos.cache import cover_crop_box
from tests.ui.test_mainwindow import choose, type_text


def _frame(window, key: str = "foto"):
    doc = window.document
    return next(f for f in photo_frames(doc.template, window.preview.format)
                if f.field == key and f.index == 0)


def _marker_centre(canvas) -> QPointF:
    """Where the crosshair is painted: the centre of the pixels it changes."""
    marker = canvas.marker
    canvas.marker = None
    plain = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    canvas.marker = marker
    marked = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = marked.devicePixelRatio()
    xs, ys = [], []
    for y in range(marked.height()):
        for x in range(marked.width()):
            if marked.pixel(x, y) != plain.pixel(x, y):
                xs.append(x)
                ys.append(y)
    assert xs, "no marker painted"
    return QPointF((min(xs) + max(xs)) / 2 / ratio, (min(ys) + max(ys)) / 2 / ratio)


def _pil(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)  # 4 bytes a pixel, no padding
    return Image.frombytes("RGBX", (rgb.width(), rgb.height()),
                           rgb.constBits().tobytes()).convert("RGB")


def _mean_difference(a: QImage, b: QImage) -> float:
    """Mean channel difference (0..255): stored focal values are rounded, so a crop that
    "does not move" may still shift by a fraction of a pixel."""
    stat = ImageStat.Stat(ImageChops.difference(_pil(a), _pil(b)))
    return sum(stat.mean) / 3


def test_a_click_puts_the_focal_point_under_the_pointer(window, qtbot, photo):
    doc = window.document
    window.add_photos([str(photo)])
    canvas = window.preview.canvas
    bx, by, bw, bh = _frame(window).box
    src = (1600, 900)  # wider than the 4:5 frame: the photo can slide left and right
    before = cover_crop_box(src, (bw, bh), (0.5, 0.5))
    click = canvas._from_format(bx + bw * 0.8, by + bh * 0.3).toPoint()
    fx, fy = canvas.to_format(QPointF(click))
    px, py = (fx - bx) / bw, (fy - by) / bh  # where in the frame the click landed
    steps = doc.undo_stack.count()
    image_before = canvas.image.copy()

    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=click)

    ref = doc.photos("foto")[0]
    # the focus is the photo point that was under the pointer ...
    assert ref.focus[0] == round((before[0] + px * (before[2] - before[0])) / src[0], 4)
    assert ref.focus[1] == round((before[1] + py * (before[3] - before[1])) / src[1], 4)
    assert ref.focus[0] > 0.6  # right of the centre, where the user clicked
    # ... it stays where it was clicked (the anchor), so the crop does not move ...
    assert ref.anchor == (round(px, 4), round(py, 4))
    after = cover_crop_box(src, (bw, bh), ref.focus, ref.anchor)
    assert all(abs(a - b) < 0.5 for a, b in zip(after, before, strict=True))
    assert _mean_difference(canvas.image, image_before) < 1.0  # the card looks as it did
    # ... and the crosshair is painted at the click
    centre = _marker_centre(canvas)
    assert abs(centre.x() - click.x()) <= 2 and abs(centre.y() - click.y()) <= 2
    # hovering again shows it at the same place
    qtbot.mouseMove(canvas, click + QPoint(30, 30))
    marker = canvas._from_format(canvas.marker.x(), canvas.marker.y())
    assert abs(marker.x() - click.x()) <= 2 and abs(marker.y() - click.y()) <= 2

    # one click, one undo step: the focus and its place both go back
    assert doc.undo_stack.count() == steps + 1
    doc.undo_stack.undo()
    ref = doc.photos("foto")[0]
    assert (ref.focus, ref.anchor) == ((0.5, 0.5), (0.5, 0.5))


def test_after_a_click_a_drag_moves_the_photo_under_the_marker(window, qtbot, photo):
    doc = window.document
    window.add_photos([str(photo)])
    canvas = window.preview.canvas
    bx, by, bw, bh = _frame(window).box
    click = canvas._from_format(bx + bw * 0.3, by + bh * 0.5).toPoint()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=click)
    clicked = doc.photos("foto")[0]
    steps = doc.undo_stack.count()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=click)
    for dx in (10, 20, 40):
        qtbot.mouseMove(canvas, click + QPoint(dx, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=click + QPoint(40, 0))
    dragged = doc.photos("foto")[0]
    assert dragged.anchor == clicked.anchor  # the marker stays where the user put it
    assert dragged.focus[0] < clicked.focus[0]  # the photo moved right under it
    assert doc.undo_stack.count() == steps + 1
    marker = canvas._from_format(canvas.marker.x(), canvas.marker.y())
    assert abs(marker.x() - click.x()) <= 2




# ------------------------------------------------------------------ shortcuts in text fields
class _LinuxBindings(QObject):
    """What a QLineEdit does on Linux (xcb) and not offscreen: it claims Ctrl+E (end of
    line) and Ctrl+U (delete to the start) as its own keys."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.ShortcutOverride and \
                event.modifiers() == Qt.KeyboardModifier.ControlModifier and \
                event.key() in (Qt.Key.Key_E, Qt.Key.Key_U):
            event.accept()
            return True
        return False


def test_ctrl_e_in_the_title_field_exports_and_ctrl_z_still_undoes(window, qtbot, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(window.queue, "refuse_demo",  # the export entry point, stopped there
                        lambda _profiles, what, **_k: asked.append(what) or True)
    edit = window.form.editor("judul").edit
    linux = _LinuxBindings(edit)
    edit.installEventFilter(linux)
    window.activateWindow()
    edit.setFocus()
    type_text(edit, "Apel")
    triggered: list[bool] = []
    window.queue.act_export_current.triggered.connect(lambda *_a: triggered.append(True))

    qtbot.keyClick(edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert triggered == [True]
    assert asked == ["Konten ini"]
    assert window.document.value("judul") == "Apel"  # no "e" typed, nothing else changed

    # Ctrl+Z / Ctrl+Y still go through the document's undo stack
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.value("judul") in (None, "")
    qtbot.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.value("judul") == "Apel"
    # a key that is no shortcut of the window stays the field's own
    overridden = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_U,
                           Qt.KeyboardModifier.ControlModifier)
    overridden.ignore()
    QApplication.sendEvent(edit, overridden)
    assert overridden.isAccepted()


def test_ctrl_e_in_the_caption_editor_exports_too(window, qtbot, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(window.queue, "refuse_demo",
                        lambda _profiles, what, **_k: asked.append(what) or True)
    window.side_tabs.setCurrentIndex(1)
    editor = next(iter(window.captions.pages.values())).editor
    linux = _LinuxBindings(editor)
    editor.installEventFilter(linux)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Konten ini"]


# ------------------------------------------------------------------ the title editor
def test_a_long_title_is_edited_on_several_lines_with_a_counter(window, qtbot):
    from kontenopd.ui.panels.editors import TitleEditor
    from kontenopd.ui.style import muted_color, warning_color

    choose(window, qtbot, "liputan-kegiatan")
    doc = window.document
    editor = window.form.editor("judul")
    assert isinstance(editor, TitleEditor) and editor.field.max_length == 120
    assert not isinstance(window.form.editor("lokasi"), TitleEditor)  # 80: a line edit
    edit = editor.edit
    edit.setFocus()
    edit.selectAll()
    steps, before = doc.undo_stack.count(), doc.value("judul")
    title = ("Peresmian Jembatan Gantung Desa Sukamaju oleh Bupati " * 3)[:130]
    type_text(edit, title)
    assert doc.value("judul") == title
    assert editor.counter.text() == "130/120"
    assert editor.counter.property("over") is True
    assert warning_color(editor.counter) in editor.counter.styleSheet()
    assert edit.visible_lines() >= 2 and edit.height() >= 2 * edit.fontMetrics().lineSpacing()
    # 130 key presses are one undo step, through the document's stack
    assert doc.undo_stack.count() == steps + 1

    # Enter adds no line break; a pasted one becomes a space
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Enter)
    assert doc.value("judul") == title and "\n" not in edit.toPlainText()
    edit.selectAll()
    edit.insertPlainText("Apel Pagi\nHari Senin")
    assert doc.value("judul") == "Apel Pagi Hari Senin"
    assert editor.counter.text() == "20/120"
    assert editor.counter.property("over") is False
    assert warning_color(editor.counter) not in editor.counter.styleSheet()
    assert muted_color(edit) in editor.counter.styleSheet()  # grey again, not orange

    # Ctrl+Z goes back through the document (the edits of one field merge into one step,
    # as in a line edit), and the editor and its counter follow
    assert doc.undo_stack.count() == steps + 1
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.value("judul") == before
    assert edit.text() == (before or "") and editor.counter.text() == f"{len(before or '')}/120"
    qtbot.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "Apel Pagi Hari Senin" == doc.value("judul")
