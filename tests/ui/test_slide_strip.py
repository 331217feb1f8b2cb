"""The preview of a carousel shows a numbered slide strip; each button shows its slide."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.test_mainwindow import choose, preview_image

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples"


def test_carousel_preview_has_a_slide_strip(window, qtbot):
    choose(window, qtbot, "liputan-kegiatan")
    preview = window.preview
    assert not preview.slide_strip.isVisibleTo(window)  # a single image: no strip

    choose(window, qtbot, "carousel-kegiatan")
    photos = [str(SAMPLES / n) for n in ("coffee.jpg", "cameraman.jpg", "chelsea-cat.jpg")]
    assert window.add_photos(photos) == 3
    assert preview.slide_strip.isVisibleTo(window)
    assert [b.text() for b in preview.slide_buttons] == ["1", "2", "3", "4", "5"]
    assert preview.slide_label.text() == "Slide 1 dari 5:"
    cover = preview_image(window)

    qtbot.mouseClick(preview.slide_buttons[2], Qt.MouseButton.LeftButton)
    assert preview.slide == 2
    assert preview.slide_buttons[2].isChecked()
    assert preview.slide_label.text() == "Slide 3 dari 5:"
    third = preview_image(window)
    assert third != cover

    # the strip's thumbnails arrive with the format strip (every slide a distinct picture)
    preview._request_strip()
    icons = [b.icon().pixmap(36, 36).toImage() for b in preview.slide_buttons]
    assert all(not i.isNull() for i in icons)
    assert len({bytes(i.constBits()) for i in icons}) == 5

    # removing a photo shortens the carousel; the shown slide stays in range
    qtbot.mouseClick(preview.slide_buttons[4], Qt.MouseButton.LeftButton)
    window.document.set_photos("foto", window.document.photos("foto")[:2])
    assert [b.text() for b in preview.slide_buttons] == ["1", "2", "3"]  # no grid under 3
    assert preview.slide == 2

    # switching to a single-image template hides the strip again and starts at slide 1
    choose(window, qtbot, "liputan-kegiatan")
    assert not preview.slide_strip.isVisibleTo(window)
    assert preview.slide == 0


def test_queue_entry_counts_every_slide(window, own_profile, qtbot):
    from tests.ui.test_export_gui import click, queue_tab, tick_only

    choose(window, qtbot, "carousel-kegiatan")
    window.fill_sample()
    photos = [str(SAMPLES / n) for n in ("coffee.jpg", "cameraman.jpg", "chelsea-cat.jpg")]
    window.document.set_photos("foto", [])
    assert window.add_photos(photos) == 3
    queue = queue_tab(window)
    tick_only(qtbot, queue.format_boxes, {"4:5", "1:1"})
    click(qtbot, queue.add_button)
    line = queue.list.item(0).text().splitlines()[1]
    assert line.endswith("· 10 gambar"), line
