"""The preview at 1366x768 (issue #14, point 5): the canvas keeps its size while warnings
come and go, every format shows as a thumbnail with its status mark, the first preview is
rendered at the final scale, an enlarged preview window follows the edits, and the side
panel does not widen while an export runs."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from kontenopd.core.export.jobs import ExportProgress
from kontenopd.ui.panels.preview_render import (
    STATUS_MARKS,
    STRIP_SCALE,
    preview_render,
    warnings_status,
)
from kontenopd.ui.window_layout import default_splitter_sizes

from .test_export_gui import set_title, type_text


def settle(qtbot) -> None:
    qtbot.wait(20)
    QApplication.processEvents()


def test_canvas_keeps_its_size_when_warnings_come_and_go(window, qtbot):
    preview = window.preview
    window.fill_sample()
    settle(qtbot)
    assert not preview.last_warnings and preview.ok_label.isVisible()
    size, card = preview.canvas.size(), preview.canvas.target_rect()
    set_title(window, "Judul yang sangat panjang sekali " * 7)
    settle(qtbot)
    assert preview.last_warnings and preview.warnings.isVisible()
    assert not preview.ok_label.isVisible()
    assert preview.canvas.size() == size
    assert preview.canvas.target_rect() == card
    set_title(window, "Judul pendek")
    settle(qtbot)
    assert not preview.last_warnings and preview.ok_label.isVisible()
    assert preview.canvas.size() == size


def test_the_4x5_preview_is_large_at_1366x768(window, qtbot):
    """The card gets the height: thumbnails in one compact row, the guides beside the
    fixed status box, nothing else under the canvas."""
    window.fill_sample()
    set_title(window, "Judul yang sangat panjang sekali " * 7)  # with warnings showing
    settle(qtbot)
    card = window.preview.canvas.target_rect()
    assert card.height() >= 480, card
    assert window.form_column.width() >= 380  # the form is not clipped
    sizes = default_splitter_sizes(1366)
    assert sum(sizes) == 1366 and sizes[1] >= 400 and sizes[2] >= 600


def test_every_format_thumbnail_carries_its_status(window, qtbot):
    preview, doc = window.preview, window.document
    window.fill_sample()
    set_title(window, "Judul yang sangat panjang sekali " * 7)
    preview._request_strip()
    settle(qtbot)
    assert set(preview.format_status) == set(doc.template.format_keys)
    for fmt, button in preview.format_buttons.items():
        warnings = preview_render(doc.template, fmt, doc.draft, doc.profile,
                                  STRIP_SCALE if fmt != preview.format else
                                  preview.preview_scale(), window.cache).warnings
        status = warnings_status(warnings)
        assert preview.format_status[fmt] == status, fmt
        assert button.text() == f"{fmt} {STATUS_MARKS[status]}"
        assert not button.icon().isNull()  # the thumbnail itself
    assert set(preview.format_status.values()) != {"ok"}  # the long title shows up
    set_title(window, "Judul pendek")
    preview._request_strip()
    settle(qtbot)
    assert preview.format_buttons[preview.format].text().endswith("✔")


def test_first_preview_is_rendered_at_the_final_scale(window, qtbot):
    preview = window.preview
    settle(qtbot)
    first = preview.canvas.image.size()
    assert preview._scale == preview.preview_scale()  # not a provisional scale
    type_text(window.form.editor("lokasi").edit, "a")  # an edit, no resize
    assert preview.canvas.image.size() == first
    fmt = window.document.template.formats[preview.format]
    assert first.width() >= preview.canvas.target_rect().width()  # sharp, not upscaled
    assert first.width() == round(fmt.width * preview.preview_scale())


def test_enlarged_preview_window_follows_edits(window, qtbot):
    preview = window.preview
    window.fill_sample()
    settle(qtbot)
    small = preview.canvas.image.size()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    big = preview.enlarged
    assert big is not None and big.isVisible() and big.isWindow()
    assert "4:5" in big.windowTitle()
    big.resize(900, 1000)  # as on a tall screen: the render follows the larger canvas
    settle(qtbot)
    assert big.canvas.target_rect().height() > preview.canvas.target_rect().height()
    assert big.canvas.image.width() > small.width()
    assert big.canvas.image.width() >= big.canvas.target_rect().width()
    preview.set_format("9:16")
    settle(qtbot)
    assert "9:16" in big.windowTitle() and big.canvas.is_story
    image = big.canvas.image
    assert abs(image.width() / image.height() - 1080 / 1920) < 0.01
    assert big.canvas.target_rect().width() >= 380  # a story you can read
    set_title(window, "Judul baru")
    settle(qtbot)
    assert big.canvas.image is preview.canvas.image  # the same, latest render
    qtbot.keyClick(big, Qt.Key.Key_Escape)
    settle(qtbot)
    assert not big.isVisible()
    assert preview._scale == preview.preview_scale()  # back to the panel's own scale
    assert preview.canvas.image.width() < image.width()


def test_side_panel_does_not_widen_during_export(window, qtbot):
    window.side_tabs.setCurrentWidget(window.queue)
    settle(qtbot)
    side, form = window.side_tabs.width(), window.form_column.width()
    queue = window.queue
    queue.export_box.progress.setRange(0, 0)
    queue.export_box.progress_box.show()
    name = "2026-12-01_peresmian-jembatan-desa-sukamaju-kecamatan-contoh-kabupaten/" \
        "peresmian-jembatan-desa-sukamaju-kecamatan-contoh-kabupaten_9x16.jpg"
    queue.export_box.show_progress(ExportProgress(3, 12, 0, name, ""))
    settle(qtbot)
    assert name in queue.export_box.progress_label.text()
    assert window.side_tabs.width() == side
    assert window.form_column.width() == form
    queue.export_box.progress_box.hide()
    assert QSize(window.width(), window.height()) == QSize(1366, 768)
