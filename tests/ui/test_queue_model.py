"""The export queue's model: one record per queued post (its job, its kept file, its check,
its state) through adding, moving, dragging and removing, kept in the queue store in order;
keeping a post writes its file off the GUI thread ("menyimpan…" until it is there), and
neither an export nor quitting right after adding loses or strands a file."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from kontenopd.core.export.jobs import ExportJob
from kontenopd.core.io.draft_schema import DraftFileError
from kontenopd.core.model.records import Draft
from kontenopd.core.store.queue import QUEUE_FILE, QueueStore
from kontenopd.ui.models.queue_model import JOB_ROLE, QueueModel
from kontenopd.ui.tasks import SyncRunner, TaskRunner

from .conftest import HeldRunner
from .test_export_gui import click, queue_tab, set_title, tick_only, wait_done

SAVING = "menyimpan…"


def _job(library, profile, title: str) -> ExportJob:
    template = library.get("agenda-undangan")
    draft = Draft(template.id, values={**template.sample, "acara": title})
    return ExportJob.from_draft(draft, profile, formats=["1:1"], platforms=["x"], label=title)


def _listed(folder: Path) -> list[str]:
    return [p["file"] for p in json.loads((folder / QUEUE_FILE).read_text("utf-8"))["posts"]]


def test_adding_moving_and_removing_keep_one_record_per_post(qapp, library, profile, tmp_path):
    folder = tmp_path / "queue"
    model = QueueModel(library, QueueStore(folder), SyncRunner(), SyncRunner())
    jobs = [_job(library, profile, t) for t in ("Rapat A", "Rapat B", "Rapat C")]
    posts = [model.add(job, keep=True) for job in jobs]
    assert model.rowCount() == 3 and model.posts == posts
    keys = [model.data(model.index(row), JOB_ROLE) for row in range(3)]
    assert len(set(keys)) == 3 and [model.find(k) for k in keys] == posts
    for post, job in zip(posts, jobs, strict=True):  # everything about a post in one place
        assert post.job is job and post.template == "agenda-undangan"
        assert post.stored is not None and Path(post.stored.job.draft_path).is_file()
        assert post.check is not None and not post.keeping and post.icon is not None
    assert model.holds(jobs[1]) and not model.holds(_job(library, profile, "Rapat D"))

    assert model.move(2, 0)  # Naik, twice over
    assert model.move(1, 2)  # Turun
    assert [p.job.label for p in model.posts] == ["Rapat C", "Rapat B", "Rapat A"]
    assert not model.move(0, 0)
    model.remove([posts[1]])
    assert model.jobs() == [jobs[2], jobs[0]]
    assert [model.find(k) for k in keys] == [posts[0], None, posts[2]]
    # the store follows every change: its list, in order, and only the queued files
    assert _listed(folder) == [Path(p.stored.job.draft_path).name
                               for p in (posts[2], posts[0])]
    assert len(list(folder.glob("*.kontenopd"))) == 2

    again = QueueModel(library, QueueStore(folder), SyncRunner(), SyncRunner())
    assert again.restore() == (2, [])
    assert [p.job.label for p in again.posts] == ["Rapat C", "Rapat A"]
    assert [p.stored for p in again.posts] == [posts[2].stored, posts[0].stored]
    assert again.data(again.index(0), Qt.ItemDataRole.DisplayRole).startswith("Rapat C\n")


def test_dragging_moves_the_rows_through_the_model(qapp, library, profile, tmp_path):
    """QListView's internal move asks the model to move each dragged row (moveRow)."""
    folder = tmp_path / "queue"
    model = QueueModel(library, QueueStore(folder), SyncRunner(), SyncRunner())
    for title in ("Rapat A", "Rapat B", "Rapat C"):
        model.add(_job(library, profile, title), keep=True)
    moved = []
    model.rowsMoved.connect(lambda *args: moved.append(args[1:3]))
    # first row dropped below the last one
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert [p.job.label for p in model.posts] == ["Rapat B", "Rapat C", "Rapat A"]
    assert moved == [(0, 0)]
    assert _listed(folder) == [Path(p.stored.job.draft_path).name for p in model.posts]
    # dropped onto itself or just below itself: nothing moves
    assert not model.moveRow(QModelIndex(), 1, QModelIndex(), 1)
    assert not model.moveRow(QModelIndex(), 1, QModelIndex(), 2)
    assert not model.moveRow(QModelIndex(), 3, QModelIndex(), 0)
    # rows are dragged, dropped between rows (never onto one), and moved, not copied
    item = model.flags(model.index(0))
    assert item & Qt.ItemFlag.ItemIsDragEnabled and not item & Qt.ItemFlag.ItemIsDropEnabled
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.supportedDropActions() == Qt.DropAction.MoveAction
    assert model.mimeData([model.index(0)]) is not None  # what a drag carries


def test_the_view_is_set_up_for_reordering_by_dragging(window):
    view = window.queue.list
    assert view.objectName() == "exportQueue"
    assert view.model() is window.queue.model
    assert view.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    assert view.defaultDropAction() == Qt.DropAction.MoveAction
    assert view.count() == 0 and view.currentRow() == -1


def test_a_held_keep_shows_the_post_as_saving_until_it_is_kept(qapp, library, profile,
                                                                tmp_path):
    folder = tmp_path / "queue"
    store_runner = HeldRunner()
    model = QueueModel(library, QueueStore(folder), SyncRunner(), store_runner)
    post = model.add(_job(library, profile, "Rapat A"), keep=True)
    assert post.keeping and post.stored is not None  # its file is named already
    assert SAVING in model.data(model.index(0), Qt.ItemDataRole.DisplayRole)
    assert not folder.exists()  # nothing written on the GUI thread
    assert len(store_runner.jobs) == 2  # the keep, then the list that names its file
    store_runner.finish()
    assert not post.keeping
    assert SAVING not in model.data(model.index(0), Qt.ItemDataRole.DisplayRole)
    assert _listed(folder) == [Path(post.stored.job.draft_path).name]
    assert Path(post.stored.job.draft_path).is_file()


def test_a_post_removed_while_being_kept_leaves_no_file(qapp, library, profile, tmp_path):
    folder = tmp_path / "queue"
    store_runner = HeldRunner()
    model = QueueModel(library, QueueStore(folder), SyncRunner(), store_runner)
    post = model.add(_job(library, profile, "Rapat A"), keep=True)
    model.remove([post])
    store_runner.finish()  # the keep writes the file; the list after it removes it again
    assert model.rowCount() == 0
    assert _listed(folder) == [] and list(folder.glob("*.kontenopd")) == []


# ---------------------------------------------------------------- in the window


def hold_keeps(monkeypatch):
    """QueueStore.keep waits on the returned event (on the store's own thread)."""
    release, started, threads = threading.Event(), threading.Event(), []
    real_keep = QueueStore.keep

    def keep(self, job, entry=None):
        threads.append(threading.get_ident())
        started.set()
        assert release.wait(30)
        return real_keep(self, job, entry)

    monkeypatch.setattr(QueueStore, "keep", keep)
    return release, started, threads


def test_adding_keeps_the_post_off_the_gui_thread(window, own_profile, qtbot, monkeypatch,
                                                  app_paths):
    release, started, threads = hold_keeps(monkeypatch)
    queue = queue_tab(window)
    queue.model.store_runner = TaskRunner()
    window.fill_sample()
    title = window.document.value("judul")
    assert queue.add_current()  # back at once, with the disk held
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert threads[0] != threading.get_ident()
    assert queue.list.count() == 1 and window.side_tabs.tabText(2) == "Antrean (1)"
    row = queue.list.item(0)
    assert row.text().startswith(title) and SAVING in row.text()
    assert "Ditambahkan ke antrean" in window.statusBar().currentMessage()
    set_title(window, "Judul berikutnya")  # the window keeps working meanwhile
    qtbot.wait(50)
    assert queue.model.posts[0].keeping and SAVING in queue.list.item(0).text()
    queue_dir = app_paths.data / "queue"
    assert list(queue_dir.glob("*.kontenopd")) == []

    release.set()
    qtbot.waitUntil(lambda: not queue.model.posts[0].keeping, timeout=10_000)
    assert SAVING not in queue.list.item(0).text()
    assert queue.model.flush()
    [file] = queue_dir.glob("*.kontenopd")
    assert _listed(queue_dir) == [file.name]


def test_quitting_right_after_adding_keeps_the_post(window, own_profile, qtbot, monkeypatch,
                                                    app_paths, settings, library):
    from kontenopd.ui.controllers.draft_files import DISCARD, UnsavedChangesDialog
    from kontenopd.ui.mainwindow import MainWindow

    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(lambda cls, p, n: DISCARD))
    release, started, _threads = hold_keeps(monkeypatch)
    queue = queue_tab(window)
    queue.model.store_runner = TaskRunner()
    window.fill_sample()
    title = window.document.value("judul")
    assert queue.add_current()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    threading.Timer(0.3, release.set).start()  # the disk is slow: the keep ends after Quit
    assert window.close()  # waits for the queue's files
    assert release.is_set()

    again = MainWindow(app_paths, settings, library=library, runner=SyncRunner())
    qtbot.addWidget(again)
    assert again.queue.list.count() == 1
    assert again.queue.list.item(0).text().split("\n")[0] == title


def test_an_export_does_not_wait_for_a_keep_and_strands_no_file(window, own_profile, qtbot,
                                                                 monkeypatch, app_paths,
                                                                 out_dir, opened):
    """The export writes the snapshot in memory; the kept file of a post exported before
    its keep ended is removed by the list written after it."""
    release, started, _threads = hold_keeps(monkeypatch)
    queue = queue_tab(window)
    queue.model.store_runner = TaskRunner()
    window.fill_sample()
    tick_only(qtbot, queue.format_boxes, {"1:1"})
    click(qtbot, queue.add_button)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    queue.workers = 0
    click(qtbot, queue.export_button)
    wait_done(qtbot, queue)
    assert queue.last_report is not None and queue.last_report.ok
    assert queue.list.count() == 0
    assert not release.is_set()  # the keep is still held
    release.set()
    assert queue.model.flush()
    queue_dir = app_paths.data / "queue"
    assert list(queue_dir.glob("*.kontenopd")) == [] and _listed(queue_dir) == []


def test_a_post_that_cannot_be_kept_stays_for_this_session_and_says_why(window, own_profile,
                                                                        monkeypatch,
                                                                        app_paths):
    def keep(self, job, entry=None):
        raise DraftFileError("Draf gagal disimpan (disk penuh).")

    monkeypatch.setattr(QueueStore, "keep", keep)
    queue = window.queue
    window.fill_sample()
    assert queue.add_current()
    assert queue.list.count() == 1
    post = queue.model.posts[0]
    assert post.stored is None and not post.keeping
    assert SAVING not in queue.list.item(0).text()
    message = window.statusBar().currentMessage()
    assert "tidak bisa disimpan untuk lain kali" in message and "disk penuh" in message
    assert _listed(app_paths.data / "queue") == []
