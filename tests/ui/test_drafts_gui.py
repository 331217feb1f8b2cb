"""Draft files in the window: save / reopen, the unsaved-changes prompt on close, New and
Open (each choice), recent drafts, the Draf browser, autosave and crash recovery, damaged
files, and a draft named on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from kontenopd.core.io.draft_file import load_draft, save_draft
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.store.autosave import AutosaveStore, RecentDrafts
from kontenopd.ui.controllers.draft_files import DraftFileDialogs, UnsavedChangesDialog
from kontenopd.ui.dialogs.recovery import RecoveryDialog
from kontenopd.ui.panels.draft_browser import DraftBrowser

ORIGINAL_QUESTION = QMessageBox.question  # before the autouse fixture replaces it


def type_text(widget, text: str) -> None:
    """Type text (any script) as key events; qtbot.keyClicks aborts on non-ASCII."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def choose_template(window, template_id: str) -> None:
    window.choose_template(template_id)
    assert window.document.template.id == template_id


def type_title(window, text: str) -> None:
    edit = window.form.editor("judul").edit
    edit.setFocus()
    edit.selectAll()
    type_text(edit, text)
    assert window.document.value("judul") == text


@pytest.fixture
def answers(monkeypatch):
    """Script the Simpan / Jangan Simpan / Batal prompt; records the names it was shown."""
    asked: list[str] = []
    script: list[str] = []

    def ask(parent, name):
        asked.append(name)
        return script.pop(0) if script else "discard"  # teardown closes the window

    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(lambda cls, p, n: ask(p, n)))
    return asked, script


@pytest.fixture
def save_to(monkeypatch, tmp_path):
    """Make the Save As dialog answer with a file in tmp_path; returns a setter."""
    target = {"path": tmp_path / "drafts" / "rapat.kontenopd"}
    (tmp_path / "drafts").mkdir()
    monkeypatch.setattr(DraftFileDialogs, "save_path",
                        classmethod(lambda cls, parent, suggested: target["path"]))
    return target


def make_draft_file(path: Path, library, profile, title: str, photo: Path | None = None
                    ) -> Path:
    draft = Draft(template="liputan-kegiatan", formats=["1:1", "4:5"],
                  values={"judul": title, "tanggal": "2025-11-21"})
    if photo is not None:
        draft.photos["foto"] = [PhotoRef(str(photo), (0.2, 0.7))]
    save_draft(path, draft, profile)
    return path


# ---------------------------------------------------------------- save and reopen


def test_save_and_reopen_round_trip(window, qtbot, photo, save_to, answers, profile):
    doc = window.document
    choose_template(window, "liputan-kegiatan")
    type_title(window, "Rapat Koordinasi Café 2025")
    assert window.add_photos([str(photo)]) == 1
    doc.set_focus("foto", 0, (0.8, 0.3))
    doc.draft.captions["instagram"] = "Keterangan untuk Instagram #opd"
    assert window.isWindowModified()
    assert window.windowTitle() == "Rapat Koordinasi Café 2025[*] — KontenOPD"

    window.files.act_save.trigger()  # no file yet: Simpan asks where (Simpan Sebagai)
    path = save_to["path"]
    assert path.is_file()
    assert not doc.modified and not window.isWindowModified()
    assert doc.path == path.resolve() and doc.saved_at is not None
    assert window.windowTitle() == "rapat.kontenopd[*] — KontenOPD"
    assert RecentDrafts(window.paths).paths_list() == [path.resolve()]
    assert not window.files.store.file.exists()  # saved: no autosave to recover

    on_disk = load_draft(path, workdir=window.paths.cache / "t")
    assert on_disk.draft.values["judul"] == "Rapat Koordinasi Café 2025"
    assert on_disk.draft.photos["foto"][0].focus == (0.8, 0.3)
    assert on_disk.draft.captions == {"instagram": "Keterangan untuk Instagram #opd"}
    assert on_disk.title == "Rapat Koordinasi Café 2025"

    # start over, then open the file again through the window
    window.act_new.trigger()  # clean: no prompt
    assert answers[0] == []
    assert doc.value("judul") in (None, "") and doc.path is None
    window.files.open_path(path)
    assert doc.value("judul") == "Rapat Koordinasi Café 2025"
    assert doc.template.id == "liputan-kegiatan"
    refs = doc.photos("foto")
    assert len(refs) == 1 and refs[0].focus == (0.8, 0.3) and Path(refs[0].path).is_file()
    assert doc.draft.captions == {"instagram": "Keterangan untuk Instagram #opd"}
    assert doc.draft.formats == window.library.templates["liputan-kegiatan"].format_keys
    assert doc.path == path.resolve()
    assert not doc.modified and not window.isWindowModified()
    assert window.windowTitle() == "rapat.kontenopd[*] — KontenOPD"
    assert "Draf dibuka: rapat.kontenopd" in window.statusBar().currentMessage()

    # an edit marks it modified; Ctrl+S now saves in place and keeps a backup
    type_title(window, "Rapat Koordinasi (revisi)")
    assert window.isWindowModified()
    window.files.act_save.trigger()
    assert not window.isWindowModified()
    assert load_draft(path, workdir=window.paths.cache / "t").draft.values["judul"] == \
        "Rapat Koordinasi (revisi)"
    assert path.with_name(path.name + ".bak").is_file()


def test_save_as_writes_a_new_file_and_retitles(window, save_to, tmp_path):
    type_title(window, "Agenda")
    window.files.save_as()
    first = save_to["path"]
    save_to["path"] = tmp_path / "drafts" / "salinan"  # no suffix typed: it is added
    window.files.act_save_as.trigger()
    second = tmp_path / "drafts" / "salinan.kontenopd"
    assert first.is_file() and second.is_file()
    assert window.document.path == second.resolve()
    assert window.windowTitle().startswith("salinan.kontenopd[*]")
    assert RecentDrafts(window.paths).paths_list() == [second.resolve(), first.resolve()]


def test_failed_save_keeps_the_work_and_says_why(window, save_to, tmp_path, dialogs):
    dialogs.expect("warning", match="Draf belum tersimpan")
    type_title(window, "Tidak boleh hilang")
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    save_to["path"] = blocker / "draf.kontenopd"  # its folder is a file: cannot be written
    window.files.save()
    assert window.document.modified and window.isWindowModified()
    assert window.document.path is None
    assert window.document.value("judul") == "Tidak boleh hilang"
    title, text = dialogs.shown[-1].title, dialogs.shown[-1].text
    assert title == "Draf belum tersimpan"
    assert "Simpan Sebagai" in text and "\n" in text


# ---------------------------------------------------------------- the unsaved-changes prompt


def test_close_asks_and_cancel_keeps_the_window(window, qtbot, answers):
    asked, script = answers
    type_title(window, "Belum disimpan")
    script.append("cancel")
    window.close()
    assert asked == ["Belum disimpan"]
    assert window.isVisible()
    assert window.document.value("judul") == "Belum disimpan"
    assert window.files.store.file.parent.is_dir()


def test_close_dont_save_closes_and_leaves_no_autosave(window, qtbot, answers):
    _asked, script = answers
    type_title(window, "Dibuang")
    window.files.autosave_now()
    store = window.files.store
    assert store.file.is_file()
    script.append("discard")
    window.close()
    assert not window.isVisible()
    assert not store.file.exists()
    assert list(store.folder.iterdir()) == []  # autosave and lock gone: a clean exit


def test_close_save_saves_then_closes(window, qtbot, answers, save_to):
    _asked, script = answers
    type_title(window, "Simpan lalu tutup")
    script.append("save")
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert save_to["path"].is_file()
    assert load_draft(save_to["path"], workdir=window.paths.cache / "t").draft.values[
        "judul"] == "Simpan lalu tutup"


def test_close_save_but_cancel_the_file_dialog_keeps_the_window(window, qtbot, answers,
                                                                monkeypatch):
    _asked, script = answers
    monkeypatch.setattr(DraftFileDialogs, "save_path", classmethod(lambda cls, p, s: None))
    type_title(window, "Masih di sini")
    script.append("save")
    window.close()
    qtbot.wait(20)
    assert window.isVisible() and window.document.modified


@pytest.mark.parametrize("choice", ["cancel", "discard", "save"])
def test_new_asks_first(window, answers, save_to, choice):
    asked, script = answers
    type_title(window, "Konten lama")
    script.append(choice)
    window.act_new.trigger()
    assert asked == ["Konten lama"]
    doc = window.document
    if choice == "cancel":
        assert doc.value("judul") == "Konten lama" and doc.modified
        assert not save_to["path"].exists()
    else:
        assert doc.value("judul") in (None, "") and not doc.modified and doc.path is None
        assert save_to["path"].is_file() == (choice == "save")


@pytest.mark.parametrize("choice", ["cancel", "discard", "save"])
def test_open_asks_first(window, answers, save_to, tmp_path, library, profile, monkeypatch,
                         choice):
    asked, script = answers
    other = make_draft_file(tmp_path / "lain.kontenopd", library, profile, "Draf lain")
    monkeypatch.setattr(DraftFileDialogs, "open_path", classmethod(lambda cls, p, f: other))
    type_title(window, "Pekerjaan sekarang")
    script.append(choice)
    window.files.act_open.trigger()
    assert asked == ["Pekerjaan sekarang"]
    doc = window.document
    if choice == "cancel":
        assert doc.value("judul") == "Pekerjaan sekarang" and doc.modified
        assert doc.path is None
    else:
        assert doc.value("judul") == "Draf lain" and not doc.modified
        assert doc.path == other.resolve()
    assert save_to["path"].is_file() == (choice == "save")
    if choice == "save":
        saved = load_draft(save_to["path"], workdir=window.paths.cache / "t")
        assert saved.draft.values["judul"] == "Pekerjaan sekarang"


def test_unsaved_prompt_has_simpan_jangan_simpan_batal(window, qtbot, monkeypatch):
    """The real message box: its buttons and what each one returns."""
    monkeypatch.setattr(QMessageBox, "question", ORIGINAL_QUESTION)
    seen: list[list[str]] = []

    def press(label: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(sorted(b.text().replace("&", "") for b in box.buttons()))
        next(b for b in box.buttons() if b.text().replace("&", "") == label).click()

    for label, expected in (("Jangan Simpan", "discard"), ("Simpan", "save"),
                            ("Batal", "cancel")):
        QTimer.singleShot(50, lambda lbl=label: press(lbl))
        assert UnsavedChangesDialog.ask(window, "rapat.kontenopd") == expected
    assert seen[0] == ["Batal", "Jangan Simpan", "Simpan"]


# ---------------------------------------------------------------- opening problems


def test_damaged_file_shows_an_error_and_changes_nothing(window, tmp_path, dialogs,
                                                         answers):
    type_title(window, "Pekerjaan aman")
    bad = tmp_path / "rusak.kontenopd"
    bad.write_bytes(b"PK\x03\x04 ini bukan zip yang utuh" * 10)
    before = bad.read_bytes()
    dialogs.expect("warning", match="Draf tidak bisa dibuka")
    window.files.open_path(bad)
    title, text = dialogs.shown[-1].title, dialogs.shown[-1].text
    assert title == "Draf tidak bisa dibuka"
    assert "rusak.kontenopd" in text and "\n" not in text
    doc = window.document
    assert doc.value("judul") == "Pekerjaan aman" and doc.modified and doc.path is None
    assert answers[0] == []  # never asked to save: nothing was going to replace the work
    assert bad.read_bytes() == before
    assert RecentDrafts(window.paths).paths_list() == []


def test_open_shows_notices_and_uses_the_drafts_profile(window, tmp_path, library, profile,
                                                        dialogs):
    from dataclasses import replace

    other_profile = replace(profile, id="lain", opd_name="Dinas Pariwisata",
                            opd_short="Dispar")
    path = tmp_path / "dispar.kontenopd"
    draft = Draft(template="liputan-kegiatan", formats=["4:5", "7:3"],
                  values={"judul": "Festival"})
    save_draft(path, draft, other_profile)
    user_profile = window.document.profile
    dialogs.expect("information", match="Catatan saat membuka draf")
    # a profile this PC lacks: asked once; Batal keeps the draft's own identity
    dialogs.expect("exec", match="DraftProfileDialog", answer=0)
    window.files.open_path(path)
    doc = window.document
    assert doc.value("judul") == "Festival"
    assert doc.profile.opd_name == "Dinas Pariwisata"
    assert "Dinas Pariwisata" in window.statusBar().currentMessage()
    assert window.profile_label.text() == \
        "Dinas Pariwisata · Pemerintah Kabupaten Contoh (contoh) — profil dari draf"
    notes = [s for s in dialogs.shown if s.title == "Catatan saat membuka draf"]
    assert len(notes) == 1 and "7:3" in notes[0].text
    # Baru goes back to the user's own profile
    window.act_new.trigger()
    assert doc.profile is user_profile


def test_missing_template_keeps_values(window, tmp_path, profile, dialogs):
    path = tmp_path / "lama.kontenopd"
    save_draft(path, Draft(template="templat-yang-dihapus", values={"judul": "Tetap ada"}),
               profile)
    current = window.document.template
    dialogs.expect("information", match="templat-yang-dihapus")
    window.files.open_path(path)
    doc = window.document
    assert doc.value("judul") == "Tetap ada"
    assert doc.template is current


# ---------------------------------------------------------------- recent drafts and browser


def recent_labels(window) -> list[str]:
    menu = window.files.menu_recent
    menu.aboutToShow.emit()
    return [a.text() for a in menu.actions() if a.data()]


def test_recent_menu_order_and_missing_file(window, tmp_path, library, profile,
                                            dialogs):
    a = make_draft_file(tmp_path / "a.kontenopd", library, profile, "Draf A")
    b = make_draft_file(tmp_path / "b.kontenopd", library, profile, "Draf B")
    user_profile = window.document.profile
    assert user_profile.id != profile.id  # the same brand kit under another id
    window.files.open_path(a)
    assert window.document.profile is user_profile  # looks the same: no switch, no note
    assert "profil" not in window.statusBar().currentMessage()
    window.files.open_path(b)
    assert recent_labels(window) == ["&1 Draf B — b.kontenopd", "&2 Draf A — a.kontenopd"]
    window.files.open_path(a)
    assert recent_labels(window) == ["&1 Draf A — a.kontenopd", "&2 Draf B — b.kontenopd"]

    # clicking an entry opens it
    window.act_new.trigger()
    menu = window.files.menu_recent
    next(x for x in menu.actions() if x.data() == str(b.resolve())).trigger()
    assert window.document.value("judul") == "Draf B"

    # a file that is gone is marked; choosing it explains and offers to drop it
    b.unlink()
    labels = recent_labels(window)
    assert labels == ["&1 Draf B — b.kontenopd (tidak ditemukan)", "&2 Draf A — a.kontenopd"]
    dialogs.expect("question", match="Draf tidak ditemukan")  # drop it from the list: Yes
    next(x for x in menu.actions() if x.data() == str(b.resolve())).trigger()
    assert dialogs.shown[-1].title == "Draf tidak ditemukan"
    assert "flashdisk" in dialogs.shown[-1].text
    assert window.document.value("judul") == "Draf B"  # still the same document
    assert recent_labels(window) == ["&1 Draf A — a.kontenopd"]

    window.files.act_clear_recent.trigger()
    assert recent_labels(window) == []


def test_browser_lists_searches_and_opens(window, qtbot, tmp_path, library, profile, photo,
                                          monkeypatch):
    from datetime import datetime, timezone

    from kontenopd.core.store.autosave import browse

    a = make_draft_file(tmp_path / "apel.kontenopd", library, profile, "Apel Pagi Senin")
    b = make_draft_file(tmp_path / "festival.kontenopd", library, profile, "Festival Kopi")
    recent = RecentDrafts(window.paths)
    recent.add(a, saved_at=datetime(2025, 11, 21, 9, 0, tzinfo=timezone.utc))
    recent.add(b)
    entries = browse(paths=window.paths, store=window.files.store, include_missing=True)
    dialog = DraftBrowser(entries, window.files.runner, window)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = [i.text().split("\n")[0] for i in dialog.items if not i.isHidden()]
    assert shown == ["Festival Kopi", "Apel Pagi Senin"]
    dialog.search.setFocus()
    type_text(dialog.search, "21 november")
    shown = [i.text().split("\n")[0] for i in dialog.items if not i.isHidden()]
    assert shown == ["Apel Pagi Senin"]
    assert dialog.selected().path == a.resolve()
    dialog.search.setText("tidak ada yang cocok")
    assert dialog.empty.isVisible() and not dialog.open_button.isEnabled()
    dialog.search.setText("")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # from the search box into the list
    assert dialog.selected().path == a.resolve()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.result() == DraftBrowser.DialogCode.Accepted
    assert dialog.action == DraftBrowser.OPEN

    # through the window: the chosen draft opens
    monkeypatch.setattr(DraftBrowser, "choose", classmethod(
        lambda cls, parent, entries, runner=None: (cls.OPEN, entries[0])))
    window.files.act_browser.trigger()
    assert window.document.value("judul") == "Festival Kopi"


def test_browser_shows_thumbnails(window, qtbot, tmp_path, library, profile, save_to):
    choose_template(window, "liputan-kegiatan")
    type_title(window, "Dengan pratinjau")
    window.files.save()
    from kontenopd.core.store.autosave import browse

    entries = browse(paths=window.paths, store=window.files.store)
    dialog = DraftBrowser(entries, window.files.runner, window)
    qtbot.addWidget(dialog)
    icon = dialog.items[0].icon().pixmap(72, 90).toImage()
    assert not icon.isNull()
    assert icon.pixelColor(36, 45).alpha() == 255  # a picture, not the empty placeholder


# ---------------------------------------------------------------- autosave and recovery


def test_autosave_after_idle_and_discarded_on_save(window, qtbot, save_to):
    store = window.files.store
    assert window.files.timer.interval() == 3000  # the app waits 3 s of idle time
    window.files.timer.setInterval(50)
    type_title(window, "Ketikan yang berharga")
    assert window.files.timer.isActive() and not store.file.exists()
    qtbot.waitUntil(store.file.is_file, timeout=3000)
    saved = load_draft(store.file, workdir=window.paths.cache / "t", allow_linked_photos=True)
    assert saved.draft.values["judul"] == "Ketikan yang berharga"
    window.files.save()
    assert not store.file.exists()


def crash_leftover(app_paths, library, profile, photo, source: Path | None = None) -> Path:
    """An autosave from a 'previous session' that never closed (its lock is gone)."""
    old = AutosaveStore(app_paths, session="20250101-080000-1-abcdef")
    draft = Draft(template="liputan-kegiatan", formats=["4:5"],
                  values={"judul": "Pekerjaan sebelum listrik padam"},
                  photos={"foto": [PhotoRef(str(photo), (0.25, 0.75))]})
    path = old.save(draft, profile, source=source)
    old._lock.release()  # the process died: the OS released its lock
    old._lock = None
    (app_paths.autosave / "20250101-080000-1-abcdef.lock").unlink()
    return path


def test_crash_recovery_offer_and_recover(qtbot, app_paths, settings, library, profile,
                                          photo, language, monkeypatch, tmp_path):
    from kontenopd.ui.mainwindow import MainWindow
    from kontenopd.ui.tasks import SyncRunner

    source = tmp_path / "laporan.kontenopd"
    leftover = crash_leftover(app_paths, library, profile, photo, source)
    offered = []

    def ask(cls, parent, entries):
        offered.extend(entries)
        return cls.RECOVER, entries[0]

    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(ask))
    window = MainWindow(app_paths, settings, library=library, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    window.files.startup([])
    qtbot.waitUntil(lambda: bool(offered), timeout=3000)
    assert len(offered) == 1 and offered[0].saved_at is not None
    assert offered[0].title == "Pekerjaan sebelum listrik padam"
    doc = window.document
    assert doc.value("judul") == "Pekerjaan sebelum listrik padam"
    assert doc.photos("foto")[0].focus == (0.25, 0.75)
    assert doc.modified and window.isWindowModified()  # recovered work is not saved yet
    assert doc.path == source.resolve()  # Ctrl+S goes back to the file it came from
    assert "dipulihkan" in window.statusBar().currentMessage()
    # this session's autosave now holds the work, so the old one is gone
    assert window.files.store.file.is_file()
    assert not leftover.exists()
    window.files.save()
    assert load_draft(source, workdir=app_paths.cache / "t").draft.values["judul"] == \
        "Pekerjaan sebelum listrik padam"
    assert not window.files.store.recoverable()


def test_crash_recovery_discard(qtbot, app_paths, settings, library, profile, photo,
                                language, monkeypatch):
    from kontenopd.ui.mainwindow import MainWindow
    from kontenopd.ui.tasks import SyncRunner

    leftover = crash_leftover(app_paths, library, profile, photo)
    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(
        lambda cls, parent, entries: (cls.DISCARD, entries[0])))
    window = MainWindow(app_paths, settings, library=library, runner=SyncRunner())
    qtbot.addWidget(window)
    before = window.document.draft.copy()
    window.files.offer_recovery()
    assert not leftover.exists()
    assert window.document.draft == before and not window.document.modified


def test_crash_recovery_later_keeps_it_in_the_browser(qtbot, app_paths, settings, library,
                                                      profile, photo, language, monkeypatch,
                                                      dialogs):
    from kontenopd.ui.mainwindow import MainWindow
    from kontenopd.ui.tasks import SyncRunner

    leftover = crash_leftover(app_paths, library, profile, photo)
    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(
        lambda cls, parent, entries: (cls.LATER, None)))
    window = MainWindow(app_paths, settings, library=library, runner=SyncRunner())
    qtbot.addWidget(window)
    window.files.offer_recovery()
    assert leftover.exists() and not window.document.modified
    picked = []

    def choose(cls, parent, entries, runner=None):
        picked.extend(entries)
        return cls.OPEN, entries[0]

    monkeypatch.setattr(DraftBrowser, "choose", classmethod(choose))
    window.files.show_browser()
    assert picked[0].kind == "autosave"
    assert window.document.value("judul") == "Pekerjaan sebelum listrik padam"
    assert window.document.modified
    # the recovered work is unsaved: closing the window asks, and the test lets it go
    dialogs.expect("question", match="Simpan perubahan",
                   answer=QMessageBox.StandardButton.Discard)


def test_recovery_dialog_shows_title_and_time(qtbot, app_paths, library, profile, photo,
                                              language, window):
    crash_leftover(app_paths, library, profile, photo)
    entries = window.files.store.recoverable()
    dialog = RecoveryDialog(entries, window)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.list.item(0).text()
    assert text.startswith("Pekerjaan sebelum listrik padam\nDisimpan otomatis ")
    assert "pukul" in text and "belum pernah disimpan" in text
    assert [b.text() for b in (dialog.recover_button, dialog.discard_button,
                               dialog.later_button)] == ["Pulihkan", "Buang", "Nanti"]
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.action == RecoveryDialog.RECOVER and dialog.selected() == entries[0]


# ---------------------------------------------------------------- start-up


def test_draft_named_on_the_command_line_opens(qtbot, app_paths, settings, library, profile,
                                               tmp_path, photo, monkeypatch):
    from kontenopd.ui import app as app_module
    from kontenopd.ui.dialogs.profile_dialog import ProfileDialog
    from kontenopd.ui.dialogs.wizard import FirstStartWizard
    from kontenopd.ui.tasks import SyncRunner

    monkeypatch.setattr(ProfileDialog, "edit_profiles",
                        classmethod(lambda cls, *a, **k: (None, False)))
    monkeypatch.setattr(FirstStartWizard, "welcome",  # the first start's wizard, skipped
                        classmethod(lambda cls, *a, **k: None))
    path = make_draft_file(tmp_path / "Dari Flashdisk.KONTENOPD", library, profile,
                           "Kiriman dari WhatsApp", photo)
    assert app_module.draft_arguments(["--x", str(path), "foto.jpg"]) == [str(path)]
    window = app_module.start_window([str(path)], app_paths, settings, library=library,
                                     runner=SyncRunner())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.document.path is not None, timeout=3000)
    assert window.document.value("judul") == "Kiriman dari WhatsApp"
    assert window.document.photos("foto")[0].focus == (0.2, 0.7)
    assert window.windowTitle() == "Dari Flashdisk.KONTENOPD[*] — KontenOPD"
    assert not window.isWindowModified()


def test_background_save_with_real_threads(qtbot, app_paths, settings, library, language,
                                           save_to, photo):
    """Saving and opening run on worker threads; the window only applies the results."""
    from kontenopd.ui.mainwindow import MainWindow
    from kontenopd.ui.tasks import TaskRunner

    window = MainWindow(app_paths, settings, library=library, runner=TaskRunner())
    qtbot.addWidget(window)
    window.show()
    choose_template(window, "liputan-kegiatan")
    type_title(window, "Di latar belakang")
    window.add_photos([str(photo)])
    assert window.files.save() is True
    qtbot.waitUntil(lambda: not window.document.modified, timeout=10000)
    assert save_to["path"].is_file()
    window.act_new.trigger()
    window.files.open_path(save_to["path"])
    qtbot.waitUntil(lambda: window.document.value("judul") == "Di latar belakang",
                    timeout=10000)
    assert not window.files.busy.isVisible()


def test_dialogs_in_english(window, qtbot, language, app_paths, library, profile, photo):
    import xml.etree.ElementTree as ET

    ts = Path(__file__).resolve().parents[2] / "assets" / "i18n" / "kontenopd_en.ts"
    root = ET.parse(ts).getroot()
    mine = {"DraftFiles", "DraftBrowser", "RecoveryDialog", "UnsavedChangesDialog",
            "DraftFileDialogs"}
    sources = {m.findtext("source") for c in root.iter("context")
               if c.findtext("name") in mine for m in c.iter("message")}
    assert len(sources) > 30
    crash_leftover(app_paths, library, profile, photo)
    window.set_language("en")
    recovery = RecoveryDialog(window.files.store.recoverable(), window)
    browser = DraftBrowser([], None, window)
    for dialog in (recovery, browser):
        qtbot.addWidget(dialog)
        dialog.show()
    window.files.menu_recent.aboutToShow.emit()
    texts = [recovery.windowTitle(), recovery.heading.text(), recovery.intro.text(),
             recovery.recover_button.text(), recovery.list.item(0).text(),
             browser.windowTitle(), browser.search.placeholderText(), browser.empty.text(),
             browser.browse_button.text(), window.files.menu_recent.title(),
             *[a.text() for a in window.menu_file.actions()]]
    assert not [t for t in texts if t in sources], texts
    assert "Recover" in texts and "Open &Recent" in texts
    assert "today at" in recovery.list.item(0).text() or " at " in recovery.list.item(0).text()
