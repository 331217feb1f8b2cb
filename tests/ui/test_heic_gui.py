"""HEIC photos in the window: chosen in the file dialog, a thumbnail in the form (decoded by the
core's safe opener, upright) and the photo in the preview; a truncated photo is refused when
added, with its message under the field."""

from __future__ import annotations

from pathlib import Path

import pillow_heif
from PIL import Image
from PySide6.QtCore import QSize


def _heic(tmp_path: Path) -> Path:
    """Upright: blue top half, red bottom half; stored turned, with EXIF orientation 6."""
    img = Image.new("RGB", (800, 1200), (30, 60, 220))
    img.paste((220, 40, 40), (0, 600, 800, 1200))
    exif = Image.Exif()
    exif[0x0112] = 6
    pillow_heif.register_heif_opener()
    path = tmp_path / "IMG_0042.HEIC"
    img.transpose(Image.Transpose.ROTATE_90).save(path, "HEIF", quality=90, exif=exif.tobytes())
    return path


def _color_at(image, fx: float, fy: float) -> tuple[int, int, int]:
    c = image.pixelColor(round(fx * (image.width() - 1)), round(fy * (image.height() - 1)))
    return c.red(), c.green(), c.blue()


def test_heic_photo_from_the_dialog_shows_thumbnail_and_preview(window, dialogs, tmp_path):
    heic = _heic(tmp_path)
    before = window.preview.canvas.image.copy()
    dialogs.expect("file", match="Pilih foto", answer=([str(heic)], ""))
    window.add_photos_dialog("foto")
    assert [r.path for r in window.document.photos("foto")] == [str(heic.resolve())]
    slot = window.form.editor("foto")
    assert slot.list.count() == 1
    icon = slot.list.item(0).icon()
    assert not icon.isNull()
    pixmap = icon.pixmap(QSize(192, 192))
    assert not pixmap.isNull() and pixmap.height() > pixmap.width()  # upright: portrait
    thumb = pixmap.toImage()
    top, bottom = _color_at(thumb, 0.5, 0.15), _color_at(thumb, 0.5, 0.85)
    assert top[2] > top[0] + 80 and bottom[0] > bottom[2] + 80, (top, bottom)
    assert slot.list.item(0).toolTip() == "IMG_0042.HEIC"
    assert not window.form.rows["foto"].warning.isVisible()
    # the preview's full-bleed frame shows the photo: blue above, red below
    after = window.preview.canvas.image
    assert after != before
    upper, lower = _color_at(after, 0.2, 0.3), _color_at(after, 0.2, 0.6)
    assert upper[2] > upper[0] + 80, upper
    assert lower[0] > 2 * max(lower[1], lower[2]) + 20, lower  # under the darker gradient


def test_truncated_photo_is_refused_when_added(window, tmp_path):
    full = tmp_path / "utuh.jpg"
    Image.effect_noise((1200, 900), 50).convert("RGB").save(full, quality=90)
    cut = tmp_path / "foto-wa.jpg"
    cut.write_bytes(full.read_bytes()[:int(full.stat().st_size * 0.8)])
    before = window.preview.canvas.image.copy()
    assert window.add_photos([str(cut)]) == 0
    assert window.document.photos("foto") == []
    assert window.form.editor("foto").list.count() == 0
    warning = window.form.rows["foto"].warning
    assert warning.isVisible()
    assert "Foto terpotong atau rusak: foto-wa.jpg." in warning.text()
    assert window.statusBar().currentMessage().startswith("Foto terpotong atau rusak")
    assert window.preview.canvas.image == before  # the empty frame, unchanged
    # the whole file still adds
    assert window.add_photos([str(full)]) == 1
    assert not window.form.editor("foto").list.item(0).icon().isNull()
