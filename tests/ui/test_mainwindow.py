"""The main flow on real widgets: choose a template, type, add a photo, move the focal point,
undo, switch format, switch language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication

from kontenopd.core.errors import PhotoError


def type_text(widget, text: str) -> None:
    """Type text (any script) as key events; qtbot.keyClicks aborts on non-ASCII."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def preview_image(window) -> QImage:
    return window.preview.canvas.image.copy()


def choose(window, qtbot, template_id: str) -> None:
    gallery = window.gallery
    item = gallery._items[template_id]
    rect = gallery.list.visualItemRect(item)
    qtbot.mouseClick(gallery.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.template.id == template_id


def test_main_flow(window, qtbot, photo):
    doc = window.document
    choose(window, qtbot, "agenda-undangan")
    choose(window, qtbot, "liputan-kegiatan")
    assert window.windowTitle().startswith("Liputan Kegiatan")
    before = preview_image(window)
    assert not before.isNull()

    # a title with non-ASCII text, typed into the real line edit
    edit = window.form.editor("judul").edit
    steps_before, title_before = doc.undo_stack.count(), doc.value("judul")
    edit.setFocus()
    type_text(edit, "Peresmian Jembatan Café — Desa Ñusa 2025")
    assert doc.value("judul") == "Peresmian Jembatan Café — Desa Ñusa 2025"
    after_typing = preview_image(window)
    assert after_typing != before
    # 40 key presses are one undo step: one Ctrl+Z gives the old title back
    assert doc.undo_stack.count() == steps_before + 1
    doc.undo_stack.undo()
    assert doc.value("judul") == title_before
    doc.undo_stack.redo()

    # add a photo: thumbnail in the slot, frame filled in the preview
    assert window.add_photos([str(photo)]) == 1
    assert [r.path for r in doc.photos("foto")] == [str(photo.resolve())]
    assert window.form.editor("foto").list.count() == 1
    with_photo = preview_image(window)
    assert with_photo != after_typing

    # click the preview on the photo's right side: the focal point moves right
    canvas = window.preview.canvas
    from kontenopd.core.editing import photo_frames

    frames = [f for f in photo_frames(doc.template, window.preview.format)
              if f.field == "foto" and f.index == 0]
    bx, by, bw, bh = frames[0].box
    target = canvas._from_format(bx + bw * 0.9, by + bh * 0.5)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(target.x()),
                                                                   round(target.y())))
    focus = doc.photos("foto")[0].focus
    assert focus[0] > 0.5
    moved = preview_image(window)
    assert moved != with_photo

    # undo with the keyboard shortcut: the focus goes back, and the preview with it
    window.act_undo.trigger()
    assert doc.photos("foto")[0].focus == (0.5, 0.5)
    assert preview_image(window) == with_photo
    window.act_redo.trigger()
    assert doc.photos("foto")[0].focus == focus

    # switch format by clicking its button: the preview has the new shape
    button = window.preview.format_buttons["9:16"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    image = preview_image(window)
    assert abs(image.width() / image.height() - 1080 / 1920) < 0.01
    assert window.preview.canvas.is_story

    # switch language: menus and labels follow, the draft is untouched
    window.set_language("en")
    assert window.menu_file.title() == "&File"
    assert window.gallery.title.text() == "Templates"
    assert window.form.rows["judul"].label.text().startswith("Judul")  # template content
    assert doc.value("judul") == "Peresmian Jembatan Café — Desa Ñusa 2025"
    window.set_language("id")
    assert window.menu_file.title() == "&Berkas"


def test_drag_moves_photo_in_one_undo_step(window, qtbot, photo):
    from kontenopd.core.editing import photo_frames

    doc = window.document
    window.add_photos([str(photo)])
    canvas = window.preview.canvas
    frame = next(f for f in photo_frames(doc.template, window.preview.format)
                 if f.field == "foto" and f.index == 0)
    bx, by, bw, bh = frame.box
    start = canvas._from_format(bx + bw * 0.5, by + bh * 0.5).toPoint()
    count = doc.undo_stack.count()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for dx in (10, 20, 40, 60):
        qtbot.mouseMove(canvas, start + QPoint(dx, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 0))
    assert doc.photos("foto")[0].focus[0] < 0.5  # dragging right shows more of the left
    assert doc.undo_stack.count() == count + 1
    doc.undo_stack.undo()
    assert doc.photos("foto")[0].focus == (0.5, 0.5)


def test_ctrl_z_in_a_field_uses_the_document_stack(window, qtbot):
    edit = window.form.editor("judul").edit
    window.activateWindow()
    edit.setFocus()
    type_text(edit, "Apel")
    assert window.document.value("judul") == "Apel"
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.value("judul") in (None, "")
    assert edit.text() == ""
    qtbot.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "Apel"


def test_switching_template_keeps_typed_values_and_is_undoable(window, qtbot):
    doc = window.document
    edit = window.form.editor("judul").edit
    type_text(edit, "Judul saya")
    choose(window, qtbot, "infografis-data")
    assert doc.value("judul") == "Judul saya"  # same key in the new template
    assert window.form.editor("judul").edit.text() == "Judul saya"
    doc.undo_stack.undo()
    assert doc.template.id == "liputan-kegiatan"
    assert window.gallery.list.currentItem().data(Qt.ItemDataRole.UserRole) == "liputan-kegiatan"


def test_unreadable_photo_gets_a_clear_message(window, tmp_path):
    bad = tmp_path / "bukan-foto.jpg"
    bad.write_text("ini teks, bukan foto")
    assert window.add_photos([str(bad)]) == 0
    warning = window.form.rows["foto"].warning
    assert warning.isVisible()
    assert "bukan-foto.jpg" in warning.text()
    assert window.document.photos("foto") == []
    assert window.statusBar().currentMessage()
    from kontenopd.core.photos.cache import probe_photo

    with pytest.raises(PhotoError) as info:
        probe_photo(bad)
    assert str(info.value) in warning.text()


def test_overflow_warning_beside_field_and_on_preview(window):
    edit = window.form.editor("judul").edit
    type_text(edit, "Sangat panjang sekali " * 12)
    row = window.form.rows["judul"]
    assert row.warning.isVisible()
    assert window.preview.warnings.count() >= 1
    keys = {window.preview.warnings.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(window.preview.warnings.count())}
    assert "judul" in keys


def test_date_defaults_to_today_and_time_zone_from_profile(window, qtbot):
    from datetime import date

    assert window.document.value("tanggal") == date.today().isoformat()
    choose(window, qtbot, "agenda-undangan")
    time_editor = window.form.editor("jam_mulai")
    assert time_editor.zone.text() == window.document.profile.timezone


def test_gallery_filters_by_kind_and_search(window):
    gallery = window.gallery
    index = gallery.kind.findData("infografis")
    gallery.kind.setCurrentIndex(index)
    assert gallery.visible_ids()
    assert all(window.library.templates[i].kind == "infografis" for i in gallery.visible_ids())
    gallery.kind.setCurrentIndex(0)
    gallery.search.setText("agenda")
    assert "agenda-undangan" in gallery.visible_ids()
    assert "liputan-kegiatan" not in gallery.visible_ids()


def test_new_asks_before_discarding(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    type_text(window.form.editor("judul").edit, "Belum disimpan")
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    window.act_new.trigger()
    assert window.document.value("judul") == "Belum disimpan"
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    window.act_new.trigger()
    assert window.document.value("judul") in (None, "")
    assert not window.document.modified


def test_layout_is_remembered(window, qtbot, app_paths, settings, library):
    from kontenopd.ui.mainwindow import MainWindow
    from kontenopd.ui.tasks import SyncRunner

    window.resize(640, 480)
    window.act_grid.setChecked(False)
    window.save_layout()
    assert (app_paths.config / "kontenopd.ini").is_file()
    again = MainWindow(app_paths, settings, library=library, runner=SyncRunner())
    qtbot.addWidget(again)
    assert again.height() == 480  # (the width is clamped to the 800x600 offscreen screen)
    assert not again.act_grid.isChecked()
