"""Day two is faster than day one: the start-up bar ("Lanjutkan: <judul>", "Buat seperti
kemarin") and the recently used templates first in the gallery."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from kontenopd.core.io.draft_file import load_draft, save_draft
from kontenopd.core.io.profile_file import ProfileStore
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.store.autosave import AutosaveStore, RecentDrafts
from kontenopd.ui.dialogs import daytwo
from kontenopd.ui.dialogs.profile_dialog import ProfileDialog
from kontenopd.ui.dialogs.recovery import RecoveryDialog
from kontenopd.ui.dialogs.wizard import FirstStartWizard
from kontenopd.ui.panels.gallery import ROLE_RECENT


def type_text(widget, text: str) -> None:
    """Type text (any script) as key events; qtbot.keyClicks aborts on non-ASCII."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def yesterdays_draft(folder: Path, profile, photo: Path, title: str = "Rapat koordinasi "
                     "stunting", template: str = "liputan-kegiatan", name: str = "kemarin"
                     ) -> Path:
    draft = Draft(template=template, formats=["1:1", "9:16"],
                  values={"judul": title, "tanggal": "2025-11-21", "lokasi": "Pendopo",
                          "ringkasan": "Bupati membuka rapat.", "tagar": "#MojokertoKab",
                          "mention": "@bupati"},
                  photos={"foto": [PhotoRef(str(photo), (0.2, 0.7))]},
                  captions={"instagram": "Caption kemarin"})
    path = folder / f"{name}.kontenopd"
    save_draft(path, draft, profile)
    return path


@pytest.fixture
def start(qtbot, app_paths, settings, library, language, dialogs, monkeypatch):
    """Start the app the way ``kontenopd`` does (app.start_window); the windows are closed at
    teardown, letting unsaved work go if a test left some."""
    from kontenopd.ui import app as app_module
    from kontenopd.ui.tasks import SyncRunner

    monkeypatch.setattr(ProfileDialog, "edit_profiles",
                        classmethod(lambda cls, *a, **k: (None, False)))
    monkeypatch.setattr(FirstStartWizard, "welcome",  # the first start's wizard, skipped
                        classmethod(lambda cls, *a, **k: None))
    windows = []

    def run(argv: list[str] | None = None, first: bool = False):
        if not first:  # an earlier session made the profile: not the first start
            ProfileStore(app_paths.profiles).first_or_create()
        window = app_module.start_window(argv or [], app_paths, settings, library=library,
                                         runner=SyncRunner())
        window.resize(1366, 768)
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield run
    dialogs.expect("question", match="Simpan perubahan",
                   answer=QMessageBox.StandardButton.Discard, times=None)
    for window in windows:
        window.close()
        window.deleteLater()
    qtbot.wait(0)


@pytest.fixture
def recent(app_paths, profile, photo, tmp_path):
    """Two recent drafts; the newer one ("Rapat koordinasi stunting") is first."""
    older = yesterdays_draft(tmp_path, profile, photo, "Apel pagi", name="lusa")
    newer = yesterdays_draft(tmp_path, profile, photo)
    store = RecentDrafts(app_paths)
    store.add(older)
    store.add(newer)
    return newer


def test_the_bar_offers_the_last_draft_and_lanjutkan_opens_it(start, recent, qtbot):
    window = start()
    bar = window.day_two.bar
    assert bar.isVisible()
    assert bar.continue_button.text() == "&Lanjutkan: Rapat koordinasi stunting"
    assert bar.like_button.text() == "Buat seperti &kemarin"
    assert not window.document.modified and window.document.path is None
    qtbot.mouseClick(bar.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.document.path is not None, timeout=3000)
    assert window.document.path == recent.resolve()
    assert window.document.value("judul") == "Rapat koordinasi stunting"
    assert not bar.isVisible()


def test_buat_seperti_kemarin_starts_an_untitled_post_and_never_overwrites(
        start, recent, qtbot, dialogs, tmp_path):
    before = recent.read_bytes()
    window = start()
    window.preview.set_format("4:5")
    qtbot.mouseClick(window.day_two.bar.like_button, Qt.MouseButton.LeftButton)
    doc = window.document
    qtbot.waitUntil(lambda: doc.value("tanggal") == date.today().isoformat(), timeout=3000)
    assert not window.day_two.bar.isVisible()
    assert doc.template.id == "liputan-kegiatan"
    assert doc.draft.formats == ["1:1", "9:16"] and window.preview.format == "1:1"
    assert doc.value("judul") is None and doc.value("lokasi") is None
    assert doc.value("ringkasan") is None and doc.photos("foto") == []
    assert doc.value("tagar") == "#MojokertoKab" and doc.value("mention") == "@bupati"
    assert doc.draft.captions == {}
    assert doc.path is None and not doc.modified  # a new post, nothing typed yet
    assert window.windowTitle() == "Liputan Kegiatan[*] — KontenOPD"
    assert not window.isWindowModified()
    assert "seperti" in window.statusBar().currentMessage()
    # Saving asks for a new name: yesterday's file is never the target.
    target = tmp_path / "hari-ini.kontenopd"
    dialogs.expect("file", match="getSaveFileName: Simpan draf sebagai",
                   answer=(str(target), ""))
    window.files.save()
    assert target.is_file() and recent.read_bytes() == before
    saved = load_draft(target, workdir=tmp_path / "t").draft
    assert saved.values["tanggal"] == date.today().isoformat() and not saved.photos


def test_like_yesterday_of_an_agenda_is_untitled_too(start, app_paths, profile, photo,
                                                    tmp_path, qtbot):
    path = tmp_path / "undangan.kontenopd"
    save_draft(path, Draft(template="agenda-undangan", formats=["4:5"],
                           values={"acara": "Rapat pleno", "tanggal": "2025-11-21",
                                   "jam_mulai": "09.30", "kontak": "Rina (0812)"}), profile)
    RecentDrafts(app_paths).add(path)
    window = start()
    window.day_two.like_last()
    doc = window.document
    qtbot.waitUntil(lambda: doc.value("tanggal") == date.today().isoformat(), timeout=3000)
    assert doc.template.id == "agenda-undangan"
    assert doc.value("acara") is None
    assert doc.value("jam_mulai") == "09.30" and doc.value("kontak") == "Rina (0812)"
    assert window.windowTitle() == "Agenda / Undangan[*] — KontenOPD"  # not "selesai"


def test_the_bar_closes_at_the_first_edit(start, recent):
    window = start()
    assert window.day_two.bar.isVisible()
    edit = window.form.editor("judul").edit
    edit.setFocus()
    type_text(edit, "Kunjungan ke Desa Sumberwuluh — café")
    assert window.document.value("judul") == "Kunjungan ke Desa Sumberwuluh — café"
    assert not window.day_two.bar.isVisible()


def test_the_bar_closes_when_something_else_is_opened(start, recent, qtbot, tmp_path,
                                                      profile, photo):
    other = yesterdays_draft(tmp_path, profile, photo, "Draf rekan", name="rekan")
    window = start()
    assert window.day_two.bar.isVisible()
    window.files.open_path(other)
    qtbot.waitUntil(lambda: window.document.path is not None, timeout=3000)
    assert not window.day_two.bar.isVisible()


def test_a_damaged_last_draft_is_reported_and_changes_nothing(start, recent, dialogs):
    recent.write_bytes(b"bukan zip")
    window = start()
    before = window.document.draft.copy()
    dialogs.expect("warning", match="tidak bisa dibuka|rusak")
    window.day_two.like_last()
    assert window.document.draft == before and window.document.path is None
    assert not window.document.modified


def test_the_bar_closes_with_its_button_and_with_esc(start, recent, qtbot):
    window = start()
    bar = window.day_two.bar
    assert bar.close_button.accessibleName() == "Tutup saran"
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert window.document.path is None and not window.document.modified  # nothing happened

    window.day_two.offer()  # (once more, to try the keyboard)
    assert bar.isVisible()
    bar.like_button.setFocus()
    qtbot.keyClick(bar.like_button, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.document.value("judul") is None


def test_the_bar_works_from_the_keyboard_and_takes_no_focus(start, recent, qtbot):
    window = start()
    bar = window.day_two.bar
    buttons = (bar.continue_button, bar.like_button, bar.close_button)
    assert QApplication.focusWidget() not in buttons  # typing goes where it went before
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons)
    bar.like_button.setFocus()
    qtbot.keyClick(bar.like_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=3000)
    assert window.document.value("tagar") == "#MojokertoKab"
    assert window.document.value("judul") is None and window.document.path is None


def test_no_bar_on_the_first_start(start, recent):
    window = start(first=True)
    assert not window.day_two.bar.isVisible()


def test_no_bar_without_recent_drafts(start):
    window = start()
    assert not window.day_two.bar.isVisible()


def test_no_bar_when_a_crash_recovery_is_offered(start, recent, app_paths, profile, photo,
                                                 monkeypatch, qtbot):
    old = AutosaveStore(app_paths, session="20250101-080000-1-abcdef")
    old.save(Draft(template="liputan-kegiatan", values={"judul": "Sebelum listrik padam"}),
             profile)
    old._lock.release()  # the process died: the OS released its lock
    old._lock = None
    (app_paths.autosave / "20250101-080000-1-abcdef.lock").unlink()
    asked = []

    def later(cls, parent, entries):
        asked.append(entries)
        return cls.LATER, None

    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(later))
    window = start()
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    assert not window.day_two.bar.isVisible()


def test_no_bar_when_opened_with_a_file(start, recent, qtbot, tmp_path, profile, photo):
    other = yesterdays_draft(tmp_path, profile, photo, "Dari WhatsApp", name="kiriman")
    window = start([str(other)])
    qtbot.waitUntil(lambda: window.document.path is not None, timeout=3000)
    assert window.document.value("judul") == "Dari WhatsApp"
    assert not window.day_two.bar.isVisible()


def test_recent_templates_come_first_in_the_gallery(start, app_paths, settings, profile,
                                                    photo, tmp_path, library):
    draft = yesterdays_draft(tmp_path, profile, photo, template="agenda-undangan",
                             name="agenda")
    RecentDrafts(app_paths).add(draft)
    settings.setValue(daytwo.RECENT_TEMPLATES_KEY, ["kutipan-pimpinan", "nonexistent"])
    window = start()
    gallery = window.gallery
    ids = gallery.visible_ids()
    assert ids[:2] == ["kutipan-pimpinan", "agenda-undangan"]
    rest = sorted((t for t in library.templates.values()
                   if t.id not in ("kutipan-pimpinan", "agenda-undangan")),
                  key=lambda t: (t.kind, t.name))
    assert ids[2:] == [t.id for t in rest]  # then the gallery's own order
    marks = [gallery.list.item(i).data(ROLE_RECENT) for i in range(gallery.list.count())]
    assert marks[:2] == ["Terakhir dipakai"] * 2 and not any(marks[2:])
    assert gallery.list.item(0).toolTip().startswith("Terakhir dipakai. ")
    # choosing a template remembers it for the next start (the list does not jump now)
    window.choose_template("apel-upacara")
    assert daytwo.remembered_templates(settings)[:2] == ["apel-upacara", "kutipan-pimpinan"]
    assert gallery.visible_ids()[:2] == ["kutipan-pimpinan", "agenda-undangan"]
    # a search still filters the reordered list
    gallery.search.setText("agenda")
    assert gallery.visible_ids() == ["agenda-undangan"]


def test_recent_templates_order_rule():
    known = ["a", "b", "c", "d", "e"]
    assert daytwo.recent_templates(["c", "x", "a"], ["a", "d", "b"], known) == ["c", "a", "d"]
    assert daytwo.recent_templates([], ["b", "b"], known) == ["b"]
    assert daytwo.recent_templates([], [], known) == []
