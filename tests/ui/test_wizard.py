"""The first-start wizard (issue #14 point 2): empty fields with examples, required names,
logos through the safe check with a live strip preview, a real profile at the end, the demo
only when skipped, and every page inside a 1366x768 screen without scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialog, QScrollBar, QWizard

from kontenopd.core.io.profile_file import is_demo
from kontenopd.ui.dialogs.wizard import FirstStartWizard

from .test_mainwindow import type_text


@pytest.fixture
def wizard(qtbot, window):
    wiz = FirstStartWizard(window.store, window.library, window)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    return wiz


@pytest.fixture
def logo(tmp_path) -> Path:
    img = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    img.paste((200, 30, 30, 255), (20, 20, 220, 220))
    path = tmp_path / "lambang mojokerto.png"
    img.save(path)
    return path


def fill_names(wiz: FirstStartWizard) -> None:
    type_text(wiz.names.pemda_name, "Pemerintah Kabupaten Mojokerto")
    type_text(wiz.names.opd_name, "Dinas Komunikasi dan Informatika")


def next_button(wiz: FirstStartWizard):
    return wiz.button(QWizard.WizardButton.NextButton)


def test_fields_start_empty_with_examples(wizard):
    names = wizard.names
    assert wizard.windowTitle() == "Selamat datang di KontenOPD"
    assert wizard.currentPage() is names
    for edit in (names.pemda_name, names.opd_name, names.opd_short, names.city,
                 wizard.accounts.website, wizard.finish.hashtags,
                 *wizard.accounts.handles.values()):
        assert edit.text() == ""
        assert edit.placeholderText().startswith("contoh: ")
    assert names.pemda_name.placeholderText() == "contoh: Pemerintah Kabupaten Mojokerto"
    assert names.opd_name.placeholderText() == "contoh: Dinas Komunikasi dan Informatika"
    assert "#MojokertoKab" in wizard.finish.hashtags.placeholderText()
    assert [names.timezone.itemData(i) for i in range(names.timezone.count())] == \
        ["WIB", "WITA", "WIT"]
    assert wizard.logos.pemda_logo.path == "" and wizard.logos.opd_logo.path == ""
    assert not is_demo(wizard.profile())


def test_next_is_disabled_until_both_names_are_filled(wizard):
    names = wizard.names
    assert not next_button(wizard).isEnabled()
    assert "nama Pemda dan nama OPD" in names.hint.text()
    type_text(names.pemda_name, "Pemerintah Kabupaten Mojokerto")
    assert not next_button(wizard).isEnabled()
    assert "nama OPD" in names.hint.text() and "nama Pemda" not in names.hint.text()
    type_text(names.opd_name, "   ")  # spaces are not a name
    assert not next_button(wizard).isEnabled()
    names.opd_name.clear()
    type_text(names.opd_name, "Dinas Komunikasi dan Informatika")
    assert next_button(wizard).isEnabled()
    assert "untuk melanjutkan" not in names.hint.text()
    wizard.next()
    assert wizard.currentPage() is wizard.logos


def test_a_chosen_logo_updates_the_strip_preview(wizard, logo, dialogs):
    fill_names(wizard)
    wizard.next()
    before = wizard.preview_image()
    assert not before.isNull() and before.width() > 400
    dialogs.expect("file", match="getOpenFileName", answer=(str(logo), ""))
    wizard.logos.pemda_logo.choose.click()
    assert wizard.logos.pemda_logo.path == str(logo)
    assert wizard.logos.pemda_logo.error.isHidden()
    after = wizard.preview_image()
    assert after.size() == before.size() and after != before
    # the red emblem is drawn at the strip's left
    reds = sum(1 for x in range(after.width() // 4) for y in range(after.height())
               if after.pixelColor(x, y).red() > 150 and after.pixelColor(x, y).blue() < 90)
    assert reds > 50
    # the names typed on the first page are what the strip shows: a new name changes it
    wizard.names.opd_name.clear()
    type_text(wizard.names.opd_name, "Dinas Kesehatan")
    wizard.update_preview()
    assert wizard.preview_image() != after


def test_a_bad_logo_is_refused_in_indonesian(wizard, logo, tmp_path):
    fill_names(wizard)
    wizard.next()
    chooser = wizard.logos.opd_logo
    assert chooser.try_path(str(logo))
    broken = tmp_path / "logo rusak.png"
    broken.write_bytes(b"bukan gambar" * 10)
    before = wizard.preview_image()
    assert not chooser.try_path(str(broken))
    assert chooser.path == str(logo)  # the good one stays
    assert not chooser.error.isHidden()
    assert chooser.error.text().startswith("Logo ini tidak dipakai:")
    assert "logo rusak.png" in chooser.error.text()
    assert wizard.preview_image() == before
    chooser.clear.click()
    assert chooser.path == "" and chooser.error.isHidden()


def test_finishing_saves_a_real_profile_the_window_uses(qtbot, window, logo, monkeypatch,
                                                        dialogs):
    demo_id = window.document.profile.id
    assert is_demo(window.document.profile)
    made: list[FirstStartWizard] = []

    def run(cls, parent, store, library):
        wiz = cls(store, library, parent)
        made.append(wiz)
        wiz.show()  # what exec() does first (exec itself is the fixture's)
        fill_names(wiz)
        type_text(wiz.names.opd_short, "Diskominfo")
        type_text(wiz.names.city, "Mojokerto")
        wiz.names.timezone.setCurrentIndex(1)
        wiz.next()
        assert wiz.logos.pemda_logo.try_path(str(logo))
        wiz.next()
        type_text(wiz.accounts.handles["instagram"], "@diskominfo.mojokertokab")
        type_text(wiz.accounts.website, "diskominfo.mojokertokab.go.id")
        wiz.next()
        assert wiz.currentPage() is wiz.finish
        type_text(wiz.finish.hashtags, "#MojokertoKab, DiskominfoMojokerto")
        summary = wiz.finish.summary.text()
        assert "Pemerintah Kabupaten Mojokerto" in summary and "Mojokerto, WITA" in summary
        assert "Instagram @diskominfo.mojokertokab" in summary
        wiz.accept()
        assert wiz.result() == QDialog.DialogCode.Accepted
        return wiz.saved

    monkeypatch.setattr(FirstStartWizard, "welcome", classmethod(run))
    window._welcome()
    assert len(made) == 1
    profile = window.document.profile
    assert not is_demo(profile)
    assert profile.pemda_name == "Pemerintah Kabupaten Mojokerto"
    assert profile.opd_short == "Diskominfo" and profile.city == "Mojokerto"
    assert profile.timezone == "WITA"
    assert profile.handles == {"instagram": "@diskominfo.mojokertokab"}
    assert profile.hashtags == ("#MojokertoKab", "#DiskominfoMojokerto")
    assert profile.opd_logo == ""
    assert Path(profile.pemda_logo).parent == window.store.folder(profile.id)  # copied in
    stored = window.store.load(profile.id)
    assert stored.pemda_name == profile.pemda_name and not is_demo(stored)
    assert window.settings.value("profile") == profile.id
    assert window.profile_label.text() == \
        "Dinas Komunikasi dan Informatika · Pemerintah Kabupaten Mojokerto"
    assert not window.store.exists(demo_id)  # the untouched first-start demo is gone
    assert [p.id for p in window.store.list()] == [profile.id]
    window.fill_sample()
    assert window.queue.add_current()  # a real identity: it may be exported


def test_skipping_keeps_the_marked_demo_and_export_stays_refused(qtbot, window, monkeypatch,
                                                                 dialogs):
    def run(cls, parent, store, library):
        wiz = cls(store, library, parent)
        wiz.show()
        skip = wiz.button(QWizard.WizardButton.CustomButton1)
        assert skip.text() == "Lewati, pakai profil contoh"
        skip.click()
        assert wiz.skipped and wiz.result() == QDialog.DialogCode.Rejected
        return wiz.saved

    monkeypatch.setattr(FirstStartWizard, "welcome", classmethod(run))
    before = window.document.profile
    window._welcome()
    assert window.document.profile.id == before.id and is_demo(window.document.profile)
    assert window.profile_label.text().endswith("(contoh)")
    assert "profil contoh" in window.statusBar().currentMessage()
    assert window.store.exists(before.id)
    window.fill_sample()
    dialogs.expect("warning", match="profil contoh")
    assert window.queue.export_current() is False


def test_first_start_opens_the_wizard_not_the_profile_dialog(qtbot, app_paths, settings,
                                                             library, language, dialogs):
    from kontenopd.ui.app import start_window
    from kontenopd.ui.tasks import SyncRunner

    dialogs.expect("exec", match="^FirstStartWizard\nSelamat datang di KontenOPD$")
    window = start_window([], app_paths, settings, library=library, runner=SyncRunner())
    try:
        qtbot.waitUntil(lambda: len(dialogs.of("exec")) == 1)
        assert [s.title for s in dialogs.of("exec")] == ["FirstStartWizard"]
        assert is_demo(window.document.profile)  # closed without finishing: still the demo
    finally:
        window.close()
        window.deleteLater()
        qtbot.wait(0)


def test_every_page_fits_1366x768_without_scrolling(wizard, logo):
    screen = QApplication.primaryScreen().availableGeometry()
    fill_names(wizard)
    wizard.logos.pemda_logo.try_path(str(logo))
    wizard.logos.opd_logo.try_path(str(logo))
    seen = []
    while True:
        QApplication.processEvents()
        page = wizard.currentPage()
        seen.append(page)
        size, hint = wizard.size(), wizard.sizeHint()
        assert size.width() <= 1000 and size.height() <= 640, (page.title(), size)
        assert hint.width() <= 1000 and hint.height() <= 640, (page.title(), hint)
        assert size.height() <= min(768, screen.height() or 768)
        # every field fully inside the page, and no scroll bar anywhere
        assert page.minimumSizeHint().height() <= page.height(), page.title()
        bars = [b for b in wizard.findChildren(QScrollBar) if b.isVisible()]
        areas = [a for a in page.findChildren(QAbstractScrollArea) if a.isVisible()]
        assert bars == [] and areas == [], page.title()
        if page is wizard.finish:
            break
        wizard.next()
    assert seen == wizard.pages
