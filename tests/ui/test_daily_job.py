"""The daily job driven through real widgets, counting what the admin does (a click, typing
into one field, an answer in a file dialog). First day: the first-start wizard, a news card
with 3 photos, its caption copied, exported, saved (target <= 30 actions). A later day: a
card like yesterday's with 3 photos, its Instagram caption copied, 3 formats exported
(target <= 12). Run with -s to see the counts and the scripted wall time."""

from __future__ import annotations

import time
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from kontenopd.core.io.draft_file import save_draft
from kontenopd.core.io.profile_file import ProfileStore
from kontenopd.core.model.records import Draft, PhotoRef
from kontenopd.core.paths import assets_dir
from kontenopd.core.store.autosave import RecentDrafts

SAMPLES = assets_dir() / "samples"


class Actions:
    """What the admin did, one entry per gesture."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.done: list[str] = []

    def click(self, widget, what: str) -> None:
        assert widget.isVisible() and widget.isEnabled(), what
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.done.append(f"klik {what}")

    def type(self, widget, text: str, what: str) -> None:
        """Click into a field and type (two gestures)."""
        self.click(widget, what)
        self.keys(widget, text, what)

    def keys(self, widget, text: str, what: str) -> None:
        """Type into ``widget`` (one gesture): key events, since keyClicks aborts on
        non-ASCII text."""
        widget.setFocus()
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                         Qt.KeyboardModifier.NoModifier, ch))
        self.done.append(f"ketik {what}")

    def answer(self, what: str) -> None:
        self.done.append(f"pilih {what}")

    def tab(self, tabs, page, what: str) -> None:
        bar = tabs.tabBar()
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                              pos=bar.tabRect(tabs.indexOf(page)).center())
        assert tabs.currentWidget() is page, what
        self.done.append(f"tab {what}")


@pytest.fixture
def later_day(qtbot, app_paths, settings, library, language, dialogs, real_profile, tmp_path):
    """An admin's second day: the real profile is set up, yesterday's news card is saved
    and listed as recent, the app starts as `kontenopd` starts it."""
    from kontenopd.ui import app as app_module
    from kontenopd.ui.tasks import SyncRunner

    store = ProfileStore(app_paths.profiles)
    profile = store.save(real_profile)
    yesterday = Draft(template="liputan-kegiatan-kolase", formats=["4:5", "1:1", "9:16"],
                      values={"judul": "Rapat Koordinasi Penanganan Stunting",
                              "tanggal": "2026-11-30", "lokasi": "Pendopo Graha Majatama"},
                      photos={"foto": [PhotoRef(str(SAMPLES / "coffee.jpg"))]})
    path = save_draft(tmp_path / "kemarin.kontenopd", yesterday, profile)
    RecentDrafts(app_paths).add(path)
    settings.setValue("profile", profile.id)
    settings.setValue("export/formats_off", ["3:4", "16:9"])  # unticked on day one
    window = app_module.start_window([], app_paths, settings, library=library,
                                     runner=SyncRunner())
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    yield window
    dialogs.expect("question", match="Simpan perubahan",
                   answer=QMessageBox.StandardButton.Discard, times=None)
    window.close()
    window.deleteLater()
    qtbot.wait(0)


def test_a_later_day_takes_at_most_12_actions(later_day, qtbot, dialogs, out_dir, opened):
    window = later_day
    act = Actions(qtbot)
    started = time.perf_counter()
    # 1. a new post like yesterday's: same template, formats and profile
    act.click(window.day_two.bar.like_button, "Buat seperti kemarin")
    doc = window.document
    qtbot.waitUntil(lambda: doc.value("tanggal") == date.today().isoformat(), timeout=3000)
    assert doc.template.id == "liputan-kegiatan-kolase"
    assert doc.draft.formats == ["4:5", "1:1", "9:16"]
    # 2-5. today's title and place
    act.type(window.form.editor("judul").edit, "Bupati Tinjau Posyandu Desa Sumberwuluh",
             "Judul")
    act.type(window.form.editor("lokasi").edit, "Balai Desa Sumberwuluh", "Lokasi")
    # 6-7. three photos through the file dialog
    photos = [str(SAMPLES / n) for n in ("dandelion-field.jpg", "cameraman.jpg",
                                         "chelsea-cat.jpg")]
    dialogs.expect("file", match="getOpenFileNames: Pilih foto", answer=(photos, ""))
    act.click(window.form.editor("foto").add, "Tambah foto")
    act.answer("3 foto")
    assert len(doc.photos("foto")) == 3
    # 8-9. the Instagram caption, copied
    act.tab(window.side_tabs, window.captions, "Caption")
    page = window.captions.pages["instagram"]
    act.click(page.copy_button, "Salin")
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Bupati Tinjau Posyandu Desa Sumberwuluh")
    assert "#MojokertoKab" in copied
    # 10-12. export the three formats into the chosen folder
    act.tab(window.side_tabs, window.queue, "Antrean")
    queue = window.queue
    act.click(queue.export_current_button, "Ekspor konten ini")
    act.answer("folder tujuan")
    qtbot.waitUntil(lambda: not queue.running, timeout=60_000)
    report = queue.last_report
    assert report is not None and report.ok, report.errors + report.blocked if report else None
    (folder,) = list(out_dir.iterdir())
    assert len(list(folder.glob("*.jpg"))) == 3
    elapsed = time.perf_counter() - started
    print(f"\nlater day: {len(act.done)} actions, {elapsed:.1f} s scripted: {act.done}")
    assert len(act.done) <= 12, act.done


class Typing(Actions):
    """Typing into the field that already has the focus is one gesture; elsewhere the
    click into the field is one more."""

    def fill(self, widget, text: str, what: str) -> None:
        QApplication.processEvents()
        if widget.hasFocus():
            self.keys(widget, text, what)
        else:
            self.type(widget, text, what)


def test_the_first_day_takes_at_most_30_actions(qtbot, app_paths, settings, library, language,
                                                dialogs, out_dir, opened, tmp_path,
                                                monkeypatch):
    """First start (the wizard: names, both logos, Instagram, website, hashtags), a news
    card with 3 photos, its caption copied, exported, saved."""
    from PIL import Image as PILImage
    from PySide6.QtWidgets import QWizard

    from kontenopd.core.io.profile_file import is_demo
    from kontenopd.ui import app as app_module
    from kontenopd.ui.dialogs.wizard import FirstStartWizard
    from kontenopd.ui.tasks import SyncRunner

    act = Typing(qtbot)
    logos = []
    for name, colour in (("lambang.png", (170, 30, 30, 255)), ("logo-opd.png",
                                                               (25, 70, 160, 255))):
        img = PILImage.new("RGBA", (240, 240), (0, 0, 0, 0))
        img.paste(colour, (20, 20, 220, 220))
        img.save(tmp_path / name)
        logos.append(str(tmp_path / name))

    def drive(cls, parent, store, lib):
        wiz = cls(store, lib, parent)
        wiz.show()  # what exec() shows; exec itself belongs to the dialogs fixture
        qtbot.waitExposed(wiz)
        act.fill(wiz.names.pemda_name, "Pemerintah Kabupaten Mojokerto", "nama Pemda")
        act.fill(wiz.names.opd_name, "Dinas Komunikasi dan Informatika", "nama OPD")
        act.click(wiz.button(QWizard.WizardButton.NextButton), "Lanjut")
        for chooser, path, what in ((wiz.logos.pemda_logo, logos[0], "lambang Pemda"),
                                    (wiz.logos.opd_logo, logos[1], "logo OPD")):
            dialogs.expect("file", match="getOpenFileName: Pilih logo", answer=(path, ""))
            act.click(chooser.choose, what)
            act.answer(what)
        act.click(wiz.button(QWizard.WizardButton.NextButton), "Lanjut")
        act.fill(wiz.accounts.handles["instagram"], "@diskominfo.mojokertokab", "Instagram")
        act.fill(wiz.accounts.website, "diskominfo.mojokertokab.go.id", "situs web")
        act.click(wiz.button(QWizard.WizardButton.NextButton), "Lanjut")
        act.fill(wiz.finish.hashtags, "#MojokertoKab", "tagar")
        act.click(wiz.button(QWizard.WizardButton.FinishButton), "Selesai")
        return wiz.saved

    monkeypatch.setattr(FirstStartWizard, "welcome", classmethod(drive))
    started = time.perf_counter()
    window = app_module.start_window([], app_paths, settings, library=library,
                                     runner=SyncRunner())
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    try:
        qtbot.waitUntil(lambda: not is_demo(window.document.profile), timeout=5000)
        doc = window.document
        assert doc.template.id == "liputan-kegiatan"  # the news card comes first
        act.type(window.form.editor("judul").edit, "Bupati Buka Pelatihan UMKM Digital",
                 "Judul")
        act.type(window.form.editor("lokasi").edit, "Pendopo Graha Majatama", "Lokasi")
        photos = [str(SAMPLES / n) for n in ("dandelion-field.jpg", "cameraman.jpg",
                                             "coffee.jpg")]
        dialogs.expect("file", match="getOpenFileNames: Pilih foto", answer=(photos, ""))
        act.click(window.form.editor("foto").add, "Tambah foto")
        act.answer("3 foto")
        assert len(doc.photos("foto")) == 3
        act.tab(window.side_tabs, window.captions, "Caption")
        act.click(window.captions.pages["instagram"].copy_button, "Salin")
        assert QGuiApplication.clipboard().text().startswith(
            "Bupati Buka Pelatihan UMKM Digital")
        act.tab(window.side_tabs, window.queue, "Antrean")
        act.click(window.queue.export_current_button, "Ekspor konten ini")
        act.answer("folder tujuan")
        qtbot.waitUntil(lambda: not window.queue.running, timeout=60_000)
        report = window.queue.last_report
        assert report is not None and report.ok, (report.errors, report.blocked) \
            if report else None
        target = tmp_path / "pelatihan-umkm.kontenopd"
        dialogs.expect("file", match="getSaveFileName: Simpan draf", answer=(str(target), ""))
        act.click(window.toolbar.widgetForAction(window.files.act_save), "Simpan")
        act.answer("nama berkas")
        qtbot.waitUntil(target.is_file, timeout=5000)
        elapsed = time.perf_counter() - started
        print(f"\nfirst day: {len(act.done)} actions, {elapsed:.1f} s scripted: {act.done}")
        assert len(act.done) <= 30, act.done
    finally:
        dialogs.expect("question", match="Simpan perubahan",
                       answer=QMessageBox.StandardButton.Discard, times=None)
        window.close()
        window.deleteLater()
        qtbot.wait(0)
