"""The export queue on real widgets: two posts queued, reordered and exported on a worker
thread into the chosen folder (files and manifest checked on disk); Cancel midway leaves no
half-written file or folder; a failing post is reported and the others still export."""

from __future__ import annotations

import json
import threading

from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kontenopd.core.export import exporter as export_module
from kontenopd.core.export import worker as worker_module


def type_text(widget, text: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, text))


def set_title(window, text: str) -> None:
    edit = window.form.editor("judul").edit
    edit.setFocus()
    edit.selectAll()
    type_text(edit, text)
    assert window.document.value("judul") == text


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tick_only(qtbot, boxes: dict, wanted: set[str]) -> None:
    for key, box in boxes.items():
        if box.isChecked() != (key in wanted):
            click(qtbot, box)
    assert {k for k, b in boxes.items() if b.isChecked()} == wanted


def queue_tab(window):
    window.side_tabs.setCurrentWidget(window.queue)
    return window.queue


def wait_done(qtbot, queue, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: not queue.running, timeout=timeout)


def test_export_a_two_post_queue(window, own_profile, qtbot, photo, out_dir, opened,
                                 monkeypatch):
    doc = window.document
    pools = []
    real_start_pool = export_module._Exporter.start_pool

    def start_pool(self, workers):
        pools.append(workers)
        return real_start_pool(self, workers)

    monkeypatch.setattr(export_module._Exporter, "start_pool", start_pool)
    queue = queue_tab(window)
    window.fill_sample()
    assert window.add_photos([str(photo)]) == 1
    tick_only(qtbot, queue.format_boxes, {"4:5", "1:1"})
    tick_only(qtbot, queue.platform_boxes, {"instagram", "x"})
    click(qtbot, queue.add_button)
    set_title(window, "Apel Pagi Bersama Seluruh ASN")
    click(qtbot, queue.add_button)
    assert queue.list.count() == 2
    assert window.side_tabs.tabText(2) == "Antrean (2)"
    # the snapshot does not follow later edits
    set_title(window, "Judul yang belum diantrekan")
    assert [j.label for j in queue.queued_jobs()] == [
        "Bupati Buka Pelatihan Pemasaran Digital bagi 150 Pelaku UMKM",
        "Apel Pagi Bersama Seluruh ASN"]
    # reorder: the second post goes first
    queue.list.setCurrentRow(1)
    click(qtbot, queue.up_button)
    assert queue.queued_jobs()[0].label == "Apel Pagi Bersama Seluruh ASN"

    window.side_tabs.setCurrentIndex(0)
    queue.workers = 2  # a process pool, as a long queue gets on a multi-core PC
    click(qtbot, queue.export_button)
    assert queue.running  # the export runs on a thread; the window keeps working
    assert window.side_tabs.currentWidget() is queue  # progress is shown
    assert queue.export_box.progress_box.isVisible() and queue.export_box.cancel_button.isEnabled()
    assert not queue.export_button.isEnabled()
    type_text(window.form.editor("lokasi").edit, "x")  # the GUI still takes input
    wait_done(qtbot, queue)

    report = queue.last_report
    assert report is not None and report.ok, report.errors if report else None
    assert pools == [2]  # rendered in worker processes
    assert [p.label for p in report.posts] == ["Apel Pagi Bersama Seluruh ASN",
                                               "Bupati Buka Pelatihan Pemasaran Digital "
                                               "bagi 150 Pelaku UMKM"]
    folders = sorted(p for p in out_dir.iterdir())
    assert len(folders) == 2 and all(f.is_dir() for f in folders)
    assert not [p for p in out_dir.rglob("*") if p.name.startswith(".kontenopd-partial-")]
    for folder in folders:
        assert folder.name.split("_", 1)[1] in ("apel-pagi-bersama-seluruh-asn",
                                                "bupati-buka-pelatihan-pemasaran-digital")
        slug = folder.name.split("_", 1)[1]
        names = sorted(p.name for p in folder.iterdir())
        assert names == sorted([f"{slug}_4x5.jpg", f"{slug}_1x1.jpg", "caption_instagram.txt",
                                "caption_x.txt", "manifest.json"])
        with Image.open(folder / f"{slug}_4x5.jpg") as img:
            assert img.size == (1080, 1350)
        with Image.open(folder / f"{slug}_1x1.jpg") as img:
            assert img.size == (1080, 1080)
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["formats"] == ["4:5", "1:1"]
        assert manifest["platforms"] == ["instagram", "x"]
        listed = {f["file"] for f in manifest["files"]}
        assert listed == set(names) - {"manifest.json"}
        caption = (folder / "caption_instagram.txt").read_text(encoding="utf-8")
        assert "#MojokertoKab" in caption  # the profile's default hashtag
        assert "Contoh" not in caption.split("📍")[0]  # the real profile's dateline
    assert doc.value("judul") == "Judul yang belum diantrekan"

    # done: the queue is empty, the result says where, and the folder opens on request
    assert queue.list.count() == 0
    assert queue.export_box.result_box.isVisible()
    assert "2 konten" in queue.export_box.result_label.text()
    assert str(out_dir) in queue.export_box.result_label.text()
    click(qtbot, queue.export_box.open_button)
    assert opened == [out_dir]
    assert window.settings.value("export/folder") == str(out_dir)


def test_cancel_midway_leaves_no_half_written_file(window, own_profile, qtbot, out_dir, opened,
                                                    monkeypatch):
    queue = queue_tab(window)
    window.fill_sample()
    tick_only(qtbot, queue.format_boxes, {"4:5", "1:1", "9:16"})
    click(qtbot, queue.add_button)
    set_title(window, "Konten Kedua")
    click(qtbot, queue.add_button)

    # Deterministic: the second image waits until Cancel has been clicked.
    real = worker_module.run_task
    second_started = threading.Event()
    calls = []

    def run_task(task, photos):
        calls.append(task.path)
        if len(calls) == 2:
            second_started.set()
            assert queue.export_box.task is not None
            assert queue.export_box.task.cancelled.wait(30)
        return real(task, photos)

    monkeypatch.setattr(worker_module, "run_task", run_task)
    queue.workers = 0
    click(qtbot, queue.export_button)
    qtbot.waitUntil(second_started.is_set, timeout=30_000)
    qtbot.waitUntil(lambda: queue.export_box.progress.value() == 1, timeout=10_000)
    assert "1 dari 6" in queue.export_box.progress_label.text()
    # one image of the first post is already on disk, in the hidden partial folder
    partial = [p for p in out_dir.iterdir() if p.name.startswith(".kontenopd-partial-")]
    assert partial and any(p.suffix == ".jpg" for d in partial for p in d.iterdir())
    click(qtbot, queue.export_box.cancel_button)
    assert not queue.export_box.cancel_button.isEnabled()
    wait_done(qtbot, queue)

    assert len(calls) == 2  # nothing was started after Cancel
    assert list(out_dir.rglob("*")) == []  # no half-written file, no partial folder
    report = queue.last_report
    assert report is not None and report.cancelled and report.folders == []
    assert queue.list.count() == 2  # nothing was lost from the queue: export again later
    assert "dibatalkan" in queue.export_box.result_label.text()
    assert not queue.export_box.open_button.isVisible()
    assert queue.export_button.isEnabled()
    assert opened == []


def test_a_failing_post_is_reported_and_the_others_export(window, own_profile, qtbot, photo,
                                                          out_dir, opened):
    doc = window.document
    queue = queue_tab(window)
    window.fill_sample()
    tick_only(qtbot, queue.format_boxes, {"1:1"})
    window.add_photos([str(photo)])
    set_title(window, "Dengan Foto")
    click(qtbot, queue.add_button)
    doc.set_photos("foto", [])
    set_title(window, "Tanpa Foto")
    click(qtbot, queue.add_button)
    photo.unlink()  # the photo of the first post is gone before the export
    queue.workers = 0
    click(qtbot, queue.export_button)
    wait_done(qtbot, queue)

    report = queue.last_report
    assert report is not None and not report.ok
    folders = list(out_dir.iterdir())
    assert [f.name.split("_", 1)[1] for f in folders] == ["tanpa-foto"]
    assert (folders[0] / "tanpa-foto_1x1.jpg").is_file()
    assert queue.list.count() == 1  # the failed post stays, marked with its error
    item = queue.list.item(0)
    assert item.text().startswith("Dengan Foto")
    assert "Gagal" in item.text()
    assert "1 konten diekspor, 1 gagal" in queue.export_box.result_label.text()
    assert "Dengan Foto" in queue.export_box.result_label.text()
    click(qtbot, queue.export_box.open_button)
    assert opened == [folders[0]]  # one post: its own folder


def test_export_current_post_with_ctrl_e_and_clear_refusals(window, own_profile, qtbot, out_dir,
                                                            opened, asked):
    queue = window.queue
    window.side_tabs.setCurrentIndex(0)
    # nothing queued: "Ekspor semua" explains instead of asking for a folder
    assert queue.export_all() is False
    assert "Antrean kosong" in window.statusBar().currentMessage()
    # a required field empty: refused with the field's name
    assert queue.act_export_current.shortcut().toString() == "Ctrl+E"
    queue.act_export_current.trigger()
    assert not queue.running
    assert "Judul" in window.statusBar().currentMessage()
    assert asked == []

    window.fill_sample()
    queue_tab(window)
    tick_only(qtbot, queue.format_boxes, {"16:9"})
    tick_only(qtbot, queue.platform_boxes, {"x"})
    window.side_tabs.setCurrentIndex(0)
    queue.act_export_current.trigger()
    assert window.side_tabs.currentWidget() is queue
    wait_done(qtbot, queue)
    assert queue.last_report is not None and queue.last_report.ok
    [folder] = list(out_dir.iterdir())
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["bupati-buka-pelatihan-pemasaran-digital_16x9.jpg", "caption_x.txt", "manifest.json"])
    assert queue.list.count() == 0  # Ctrl+E leaves the queue alone
    # the next export starts in the folder used last time
    queue.act_export_current.trigger()
    wait_done(qtbot, queue)
    assert asked[-1] == str(out_dir)
    assert len(list(out_dir.iterdir())) == 2  # a second folder ("-2"), nothing overwritten


def test_closing_the_window_during_an_export_cancels_it_cleanly(window, own_profile, qtbot, out_dir,
                                                                  opened, monkeypatch,
                                                                  dialogs):
    from kontenopd.ui.controllers.draft_files import DISCARD, UnsavedChangesDialog

    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(lambda cls, p, n: DISCARD))
    queue = queue_tab(window)
    window.fill_sample()
    tick_only(qtbot, queue.format_boxes, {"4:5", "1:1"})
    click(qtbot, queue.add_button)

    real = worker_module.run_task
    started = threading.Event()

    def run_task(task, photos):
        started.set()
        assert queue.export_box.task is not None
        assert queue.export_box.task.cancelled.wait(30)  # held until the window asks to cancel
        return real(task, photos)

    monkeypatch.setattr(worker_module, "run_task", run_task)
    queue.workers = 0
    click(qtbot, queue.export_button)
    qtbot.waitUntil(started.is_set, timeout=30_000)
    dialogs.expect("question", match="ekspor")  # "Batalkan ekspor dan tutup?": Yes
    assert window.close()
    assert len(dialogs.of("question")) == 1
    assert queue.export_box.task is None or queue.export_box.runner.wait(0)
    assert [p for p in out_dir.rglob("*") if p.is_file()] == []  # the first post was unfinished
    assert not [p for p in out_dir.iterdir() if p.name.startswith(".kontenopd-partial-")]


def test_closing_with_a_waiting_queue_asks_first_when_it_is_not_kept(window, own_profile,
                                                                     monkeypatch):
    """Without a queue store, queued posts would be lost: closing says so and can be refused."""
    from PySide6.QtWidgets import QMessageBox

    window.queue.model.store = None
    window.fill_sample()
    assert window.queue.add_current()
    asked = []

    def refuse(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(refuse))
    assert not window.queue.confirm_close()
    assert asked and "1 konten" in asked[0]
    window.queue.list.setCurrentRow(0)
    window.queue.remove_current()
    assert not window.queue.model.posts
    assert window.queue.confirm_close()


def test_the_queue_comes_back_after_a_restart(window, own_profile, qtbot, app_paths, settings,
                                              tmp_path):
    """Queued posts are kept as draft snapshots; a new window restores them and exports them."""
    from kontenopd.ui.mainwindow import MainWindow

    window.fill_sample()
    assert window.queue.add_current()
    title = window.document.draft.values["judul"]
    window.document.set_value("judul", "Judul lain setelah masuk antrean")
    assert window.queue.add_current()
    window.queue.list.setCurrentRow(1)
    window.queue.move_current(-1)  # the order is kept too
    assert window.queue.confirm_close()  # nothing to ask: the queue is kept
    queue_dir = app_paths.data / "queue"
    assert len(list(queue_dir.glob("*.kontenopd"))) == 2

    again = MainWindow(app_paths, settings)
    qtbot.addWidget(again)
    labels = [again.queue.list.item(r).text().split("\n")[0]
              for r in range(again.queue.list.count())]
    assert labels == ["Judul lain setelah masuk antrean", title]
    assert "Liputan Kegiatan" in again.queue.list.item(0).text()

    jobs = again.queue.queued_jobs()
    from kontenopd.core.export.exporter import export

    report = export(jobs[:1], tmp_path / "hasil", library=again.document.library, workers=0)
    assert report.ok and report.posts[0].files

    again.queue.list.setCurrentRow(0)
    again.queue.remove_current()
    assert again.queue.model.flush()  # the store is written on its own thread
    assert len(list(queue_dir.glob("*.kontenopd"))) == 1
