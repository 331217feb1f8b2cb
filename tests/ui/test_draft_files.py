"""DraftFiles on its own: no MainWindow, only what it is given (a Document, AppPaths in
tmp_path, settings, a profile store, a plain QWidget parent) and what it says back by its
signals (status, title_changed, draft_started, draft_opened, saved, nothing_opened)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from kontenopd.core.io.draft_file import load_draft, save_draft
from kontenopd.core.io.profile_file import ProfileStore
from kontenopd.core.model.records import Draft
from kontenopd.core.paths import AppPaths
from kontenopd.core.photos.cache import PhotoCache
from kontenopd.core.store.autosave import RecentDrafts
from kontenopd.ui.controllers.draft_files import DraftFileDialogs, DraftFiles, DraftFilesSetup
from kontenopd.ui.models.document import Document
from kontenopd.ui.tasks import SyncRunner

TEMPLATE = "liputan-kegiatan"


class Heard:
    """Every signal a DraftFiles emitted, in order, with its arguments."""

    def __init__(self, files: DraftFiles) -> None:
        self.events: list[tuple] = []
        for name in ("status", "title_changed", "draft_started", "draft_opened", "saved",
                     "close_requested", "nothing_opened"):
            getattr(files, name).connect(lambda *args, n=name: self.events.append((n, *args)))

    def names(self) -> list[str]:
        return [e[0] for e in self.events]

    def of(self, name: str) -> list[tuple]:
        return [e[1:] for e in self.events if e[0] == name]

    def clear(self) -> None:
        self.events.clear()


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    root = tmp_path / "app"
    return AppPaths(config=root / "config", data=root / "data", cache=root / "cache")


@pytest.fixture
def parts(qtbot, paths, settings, library, profile):
    """A DraftFiles over a Document of its own, with a plain widget as its parent."""
    parent = QWidget()
    qtbot.addWidget(parent)
    document = Document(library, library.templates[TEMPLATE], profile, parent)
    setup = DraftFilesSetup(document, paths, settings, ProfileStore(paths.profiles),
                            PhotoCache(), SyncRunner())
    files = DraftFiles(setup, parent)
    heard = Heard(files)
    yield files, document, heard
    files.shutdown()


def test_built_from_its_inputs_alone(parts, paths):
    files, document, _heard = parts
    assert files.document is document and files.paths is paths
    assert isinstance(files.runner, SyncRunner)  # synchronous renders: synchronous file work
    assert files.store is not None and files.store.file.parent.is_dir()
    # its actions belong to the widget it was given
    assert files.act_save in files.parent_widget.actions()
    assert files.window_title() == f"{files.display_name()}[*] — KontenOPD"


def test_save_reports_by_signals(parts, tmp_path, monkeypatch):
    files, document, heard = parts
    target = tmp_path / "simpan" / "rapat"  # typed without the suffix
    target.parent.mkdir()
    monkeypatch.setattr(DraftFileDialogs, "save_path",
                        classmethod(lambda cls, parent, suggested: target))
    document.set_value("judul", "Rapat Koordinasi")
    assert document.modified
    heard.clear()

    assert files.save()  # no file yet: Simpan Sebagai asks where
    written = target.with_name("rapat.kontenopd").resolve()
    assert heard.of("saved") == [(written,)]
    assert "title_changed" in heard.names()
    assert heard.names().index("title_changed") < heard.names().index("saved")
    assert heard.of("status")[-1][0].startswith("Tersimpan: rapat.kontenopd")
    assert document.path == written and not document.modified
    assert load_draft(written, workdir=tmp_path / "t").draft.values["judul"] == \
        "Rapat Koordinasi"
    assert RecentDrafts(files.paths).paths_list() == [written]
    assert files.window_title() == "rapat.kontenopd[*] — KontenOPD"


def test_save_as_cancelled_says_nothing(parts, monkeypatch):
    files, document, heard = parts
    monkeypatch.setattr(DraftFileDialogs, "save_path",
                        classmethod(lambda cls, parent, suggested: None))
    document.set_value("judul", "Belum disimpan")
    heard.clear()
    assert not files.save()
    assert heard.of("saved") == [] and document.modified


def test_open_reports_by_signals(parts, tmp_path, library, profile):
    files, document, heard = parts
    path = tmp_path / "kemarin.kontenopd"
    save_draft(path, Draft(template=TEMPLATE, formats=["1:1", "4:5"],
                           values={"judul": "Apel Pagi", "tanggal": "2025-11-21"}), profile)
    heard.clear()

    assert files.open_path(path)
    assert document.value("judul") == "Apel Pagi" and document.path == path.resolve()
    assert not document.modified
    # same identity as the document's: no thumbnails to draw again
    assert heard.of("draft_opened") == [(False,)]
    names = heard.names()
    assert names.index("draft_opened") < names.index("title_changed")
    assert any("Draf dibuka: kemarin.kontenopd" in s[0] for s in heard.of("status"))
    assert heard.of("saved") == []
    assert RecentDrafts(files.paths).paths_list() == [path.resolve()]


def test_open_a_damaged_file_warns_and_keeps_the_work(parts, tmp_path, dialogs):
    files, document, heard = parts
    document.set_value("judul", "Pekerjaan saat ini")
    path = tmp_path / "rusak.kontenopd"
    path.write_bytes(b"bukan arsip zip")
    heard.clear()
    dialogs.expect("warning", match="tidak bisa dibuka")
    files.open_path(path)
    assert heard.of("draft_opened") == [] and heard.of("status")
    assert document.value("judul") == "Pekerjaan saat ini" and document.modified


def test_new_draft_says_draft_started(parts):
    files, _document, heard = parts
    files.new_draft()  # nothing typed: no question
    assert heard.of("draft_started") == [()]
    assert heard.of("status")[-1] == ("Konten baru dimulai.", 4000)


def test_autosave_after_idle_and_gone_after_save(parts, qtbot, tmp_path, monkeypatch):
    files, document, heard = parts
    store = files.store
    assert files.timer.interval() == 3000
    files.timer.setInterval(50)
    document.set_value("judul", "Ketikan yang berharga")
    assert files.timer.isActive() and not store.file.exists()
    assert "title_changed" in heard.names()  # an unnamed draft is named by its title
    qtbot.waitUntil(store.file.is_file, timeout=3000)
    saved = load_draft(store.file, workdir=tmp_path / "t", allow_linked_photos=True)
    assert saved.draft.values["judul"] == "Ketikan yang berharga"

    target = tmp_path / "tersimpan.kontenopd"
    monkeypatch.setattr(DraftFileDialogs, "save_path",
                        classmethod(lambda cls, parent, suggested: target))
    files.save()
    assert not store.file.exists()  # saved: nothing left to recover


def test_caption_edits_are_autosaved_too(parts, qtbot):
    files, document, _heard = parts
    files.timer.setInterval(50)
    document.set_caption("instagram", "Keterangan baru #opd", "dibuat")
    assert document.modified and files.timer.isActive()
    qtbot.waitUntil(files.store.file.is_file, timeout=3000)


def test_startup_with_nothing_to_open(parts):
    files, _document, heard = parts
    files.startup([])
    assert heard.of("nothing_opened") == [()]
