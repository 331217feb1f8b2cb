"""Export never surprises: each queued post shows its thumbnail, its warnings and the formats
its export would leave out; a format whose text is cut is not written and the summary says
why; the summary lists the warnings; folders carry the activity's date; the folder dialog
starts in a folder that exists; "Buka folder" falls back to the path with a copy button."""

from __future__ import annotations

import json

from PySide6.QtGui import QGuiApplication

from kontenopd.ui.models.queue_model import JOB_ROLE
from kontenopd.ui.panels import queue_panel

from .test_export_gui import click, queue_tab, set_title, tick_only, wait_done

# 110 characters: fits the 4:5 card, but is cut with "…" in the low 16:9 card
CUT_IN_16X9 = ("Bupati Mojokerto Meresmikan Gedung Pelayanan Terpadu Satu Pintu dan Meninjau "
               "Pembangunan Jembatan Penghubung A")


def test_a_queued_post_shows_thumbnail_warnings_and_what_will_not_be_exported(
        window, own_profile, qtbot, photo, out_dir, opened):
    queue = queue_tab(window)
    window.fill_sample()
    window.document.set_value("tanggal", "2026-11-20")
    set_title(window, CUT_IN_16X9)
    assert window.add_photos([str(photo)]) == 1
    tick_only(qtbot, queue.format_boxes, {"4:5", "16:9"})
    click(qtbot, queue.add_button)
    item = queue.list.item(0)
    check = queue.check_of(int(item.data(JOB_ROLE)))
    assert check is not None and check.thumbnail is not None
    assert not item.icon().isNull()  # the row carries the post's picture
    assert list(check.blocked) == ["16:9"]
    assert ("✖ 16:9 tidak akan diekspor: 'Judul' terlalu panjang untuk format 16:9: "
            "hapus sekitar") in item.text()
    assert "16:9" in item.toolTip() and "hapus sekitar 12 karakter" in item.toolTip()

    queue.workers = 0
    click(qtbot, queue.export_button)
    wait_done(qtbot, queue)
    report = queue.last_report
    assert report is not None and not report.ok  # not everything asked for was written
    (folder,) = list(out_dir.iterdir())
    assert folder.name.startswith("2026-11-20_")  # the activity's day, not today's
    images = sorted(p.name for p in folder.glob("*.jpg"))
    assert images == [f"{folder.name.split('_', 1)[1]}_4x5.jpg"]  # 16:9 was not written
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["formats"] == ["4:5"]
    assert [b["format"] for b in manifest["blocked"]] == ["16:9"]
    summary = queue.export_box.result_label.text()
    assert "tidak semua formatnya" in summary
    assert "✖ " + CUT_IN_16X9[:20] in summary and "16:9 tidak diekspor" in summary


def test_a_clean_post_is_marked_ready_and_its_warnings_are_listed_after_export(
        window, own_profile, qtbot, tmp_path, out_dir, opened):
    from PIL import Image

    small = tmp_path / "kecil.jpg"  # too small for a full-bleed card: a warning, not a block
    Image.new("RGB", (400, 300), (90, 120, 60)).save(small)
    queue = queue_tab(window)
    window.fill_sample()
    tick_only(qtbot, queue.format_boxes, {"4:5"})
    click(qtbot, queue.add_button)  # without a photo: no warning
    assert queue.list.item(0).text().endswith("✔ Siap diekspor")
    window.add_photos([str(small)])
    set_title(window, "Foto Kecil")
    click(qtbot, queue.add_button)
    row = queue.list.item(1).text()
    assert "⚠ 1 peringatan" in row and "✔" not in row
    assert "terlalu kecil" in queue.list.item(1).toolTip()

    queue.workers = 0
    click(qtbot, queue.export_button)
    wait_done(qtbot, queue)
    assert queue.last_report is not None and queue.last_report.ok
    summary = queue.export_box.result_label.text()
    assert summary.startswith("Selesai: 2 konten")
    assert "1 peringatan:" in summary and "⚠ Foto Kecil: " in summary
    assert "terlalu kecil" in summary


def test_the_folder_dialog_starts_in_a_folder_that_exists(window, own_profile, qtbot, tmp_path,
                                                          out_dir, asked, opened):
    queue = queue_tab(window)
    window.settings.setValue("export/folder", str(tmp_path / "flashdisk-yang-dicabut"))
    window.fill_sample()
    assert queue.export_current()
    wait_done(qtbot, queue)
    assert asked and asked[0] != str(tmp_path / "flashdisk-yang-dicabut")
    from pathlib import Path

    assert Path(asked[0]).is_dir()


def test_open_folder_without_a_file_manager_shows_the_path_to_copy(
        window, own_profile, qtbot, out_dir, monkeypatch):
    monkeypatch.setattr(queue_panel, "open_folder", lambda path: False)
    queue = queue_tab(window)
    window.fill_sample()
    tick_only(qtbot, queue.format_boxes, {"1:1"})
    assert queue.export_current()
    wait_done(qtbot, queue)
    assert not queue.export_box.copy_button.isVisible()
    click(qtbot, queue.export_box.open_button)
    (folder,) = list(out_dir.iterdir())
    assert "tidak bisa dibuka" in queue.export_box.result_label.text()
    assert str(folder) in queue.export_box.result_label.text()
    assert queue.export_box.copy_button.isVisible()
    click(qtbot, queue.export_box.copy_button)
    assert QGuiApplication.clipboard().text() == str(folder)
